/* eligo-import.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ELIGO_IMPORT_ERROR (eligo_import_error_quark ())

typedef enum
{
  ELIGO_IMPORT_ERROR_READ,
  ELIGO_IMPORT_ERROR_INVALID_UTF8,
  ELIGO_IMPORT_ERROR_NOT_JSON,
  ELIGO_IMPORT_ERROR_TOO_DEEP,
  ELIGO_IMPORT_ERROR_NOT_STUDIES,
  ELIGO_IMPORT_ERROR_EMPTY,
  ELIGO_IMPORT_ERROR_MISSING_FIELD,
  ELIGO_IMPORT_ERROR_WRONG_TYPE,
  ELIGO_IMPORT_ERROR_INVALID_VALUE,
} EligoImportError;

/* Registry records nest about eight levels deep; anything far deeper is not one. */
#define ELIGO_IMPORT_MAX_DEPTH 64
/* Well above the largest page of studies the registry sends (a few MB). */
#define ELIGO_IMPORT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (256) * 1024 * 1024)

GQuark     eligo_import_error_quark  (void);
GPtrArray *eligo_import_parse_bytes  (GBytes        *bytes,
                                      const char    *name,
                                      GError       **error);
GPtrArray *eligo_import_parse_file   (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean   eligo_import_expand       (GFile         *file,
                                      GPtrArray     *files,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
