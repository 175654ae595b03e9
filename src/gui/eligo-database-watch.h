/* eligo-database-watch.h
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "eligo-database.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_DATABASE_WATCH (eligo_database_watch_get_type ())

G_DECLARE_FINAL_TYPE (EligoDatabaseWatch, eligo_database_watch, ELIGO, DATABASE_WATCH, GObject)

EligoDatabaseWatch *eligo_database_watch_new         (EligoDatabase      *database);
void                eligo_database_watch_sync        (EligoDatabaseWatch *self);
void                eligo_database_watch_set_polling (EligoDatabaseWatch *self,
                                                      gboolean            polling);
gboolean            eligo_database_watch_check       (EligoDatabaseWatch *self);

G_END_DECLS
