/* eligo-filter-popover.h
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

#include "eligo-trial-query.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_FILTER_POPOVER (eligo_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (EligoFilterPopover, eligo_filter_popover, ELIGO, FILTER_POPOVER, GtkPopover)

GtkWidget *eligo_filter_popover_new                (void);
guint      eligo_filter_popover_get_n_active       (EligoFilterPopover *self);
void       eligo_filter_popover_apply              (EligoFilterPopover *self,
                                                    EligoTrialQuery    *query);
void       eligo_filter_popover_clear              (EligoFilterPopover *self);
void       eligo_filter_popover_set_status_active  (EligoFilterPopover *self,
                                                    const char         *status,
                                                    gboolean            active);
void       eligo_filter_popover_set_phase_active   (EligoFilterPopover *self,
                                                    const char         *phase,
                                                    gboolean            active);
void       eligo_filter_popover_set_study_type     (EligoFilterPopover *self,
                                                    const char         *study_type);
void       eligo_filter_popover_set_sex            (EligoFilterPopover *self,
                                                    const char         *sex);
void       eligo_filter_popover_set_patient_age    (EligoFilterPopover *self,
                                                    double              years);
void       eligo_filter_popover_set_statuses_locked (EligoFilterPopover *self,
                                                     gboolean            locked);

G_END_DECLS
