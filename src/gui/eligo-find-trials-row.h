/* eligo-find-trials-row.h
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "eligo-patient.h"
#include "eligo-screening.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_FIND_TRIALS_ROW (eligo_find_trials_row_get_type ())

/* One ranked trial of the Find Trials window: its screening and rank. */
G_DECLARE_FINAL_TYPE (EligoFindTrialsRow, eligo_find_trials_row, ELIGO, FIND_TRIALS_ROW, GObject)

EligoFindTrialsRow   *eligo_find_trials_row_new          (EligoScreeningResult *result,
                                                          guint                 rank,
                                                          EligoPatient         *patient);
EligoScreeningResult *eligo_find_trials_row_get_result   (EligoFindTrialsRow   *self);
guint                 eligo_find_trials_row_get_rank     (EligoFindTrialsRow   *self);
const char           *eligo_find_trials_row_get_failure  (EligoFindTrialsRow   *self);

G_END_DECLS
