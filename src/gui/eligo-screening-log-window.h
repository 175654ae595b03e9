/* eligo-screening-log-window.h
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

#include <gtk/gtk.h>

#include "eligo-database.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_SCREENING_LOG_WINDOW (eligo_screening_log_window_get_type ())

G_DECLARE_FINAL_TYPE (EligoScreeningLogWindow, eligo_screening_log_window,
                      ELIGO, SCREENING_LOG_WINDOW, GtkWindow)

GtkWidget     *eligo_screening_log_window_new          (GtkWindow               *parent,
                                                        EligoDatabase           *database);
EligoDatabase *eligo_screening_log_window_get_database (EligoScreeningLogWindow *self);
void           eligo_screening_log_window_reload       (EligoScreeningLogWindow *self);

G_END_DECLS
