/* eligo-utils.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  eligo_date_is_valid       (const char *text);
gboolean  eligo_age_parse_years     (const char *text,
                                     double     *years);
char     *eligo_fts_query_from_text (const char *text);
gboolean  eligo_nct_id_is_valid     (const char *text);

G_END_DECLS
