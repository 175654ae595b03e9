/* eligo-report-spans.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

char          *eligo_spans_markup      (const char *text,
                                        GArray     *spans,
                                        gboolean    bold);
PangoAttrList *eligo_spans_attributes  (GArray     *spans);
char          *eligo_spans_describe    (const char *text,
                                        GArray     *spans);

G_END_DECLS
