/* eligo-database-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "eligo-database.h"

G_BEGIN_DECLS

sqlite3  *_eligo_database_get_handle (EligoDatabase  *self);
gboolean  _eligo_database_exec       (EligoDatabase  *self,
                                      const char     *sql,
                                      GError        **error);
void      _eligo_database_set_error  (EligoDatabase  *self,
                                      GError        **error);

G_END_DECLS
