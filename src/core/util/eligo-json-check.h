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
 * invalid UTF-8 or control characters. This walks a parsed tree and finds
 * the first string value that is not valid UTF-8, or member name that is
 * not valid UTF-8 or holds a control character.
 */
typedef enum
{
  ELIGO_JSON_CHECK_OK,
  ELIGO_JSON_CHECK_BAD_VALUE,
  ELIGO_JSON_CHECK_BAD_NAME,
} EligoJsonCheck;

EligoJsonCheck eligo_json_check_strings (JsonNode  *node,
                                         char     **path);

/* Refuses (G_IO_ERROR_FAILED, translated) a file larger than @max_size
 * bytes, before anything reads it whole. */
gboolean       eligo_json_check_size    (GFile         *file,
                                         guint64        max_size,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
