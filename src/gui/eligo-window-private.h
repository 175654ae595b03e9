/* eligo-window-private.h
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

#include "eligo-trial-list.h"
#include "eligo-window.h"

G_BEGIN_DECLS

GtkColumnView       *_eligo_window_get_column_view (EligoWindow *self);
GtkColumnViewColumn *_eligo_window_get_column      (EligoWindow *self,
                                                    const char  *id);
EligoTrialList      *_eligo_window_get_trial_list  (EligoWindow *self);
const char          *_eligo_window_get_subtitle    (EligoWindow *self);
gboolean             _eligo_window_is_empty_shown  (EligoWindow *self);
void                 _eligo_window_save_state      (EligoWindow *self);

G_END_DECLS
