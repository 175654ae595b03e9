/* eligo-rule-spans.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "eligo-rule-extractor.h"

G_BEGIN_DECLS

GArray   *eligo_rule_spans_new        (void);
void      eligo_rule_spans_add        (GArray       *spans,
                                       guint         start,
                                       guint         end,
                                       const char   *atom);
GArray   *eligo_rule_spans_copy_valid (GArray       *spans,
                                       const char   *text);
char     *eligo_rule_spans_to_json    (GArray       *spans);
GArray   *eligo_rule_spans_from_json  (const char   *json,
                                       const char   *text,
                                       GError      **error);

G_END_DECLS
