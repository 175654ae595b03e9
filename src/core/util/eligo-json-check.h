/* eligo-json-check.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * json-glib 1.6 accepts non-standard escapes ("\351", "\7") that decode to
 * invalid UTF-8 or control characters: every parsed tree is checked.
 */
gboolean eligo_json_check_strings (JsonNode      *node,
                                   const char    *name,
                                   GQuark         domain,
                                   int            code,
                                   GError       **error);

/* Refuses (G_IO_ERROR_FAILED, translated) a file larger than @max_size
 * bytes, before anything reads it whole. */
gboolean eligo_json_check_size    (GFile         *file,
                                   guint64        max_size,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
