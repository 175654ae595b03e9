/* eligo-application.h
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
#include "eligo-rederive-job.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_APPLICATION (eligo_application_get_type ())

G_DECLARE_FINAL_TYPE (EligoApplication, eligo_application, ELIGO, APPLICATION, GtkApplication)

EligoApplication *eligo_application_new          (void);
EligoDatabase    *eligo_application_get_database (EligoApplication *self);
EligoRederiveJob *eligo_application_get_rederive_job (EligoApplication *self);

G_END_DECLS
