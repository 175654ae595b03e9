/* eligo-screening-log-row.h
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

#include <glib-object.h>

#include "eligo-screening-log.h"

G_BEGIN_DECLS

/* One saved screening as a row of the log: its columns as read-only properties. */
#define ELIGO_TYPE_SCREENING_LOG_ROW (eligo_screening_log_row_get_type ())

G_DECLARE_FINAL_TYPE (EligoScreeningLogRow, eligo_screening_log_row,
                      ELIGO, SCREENING_LOG_ROW, GObject)

EligoScreeningLogRow       *eligo_screening_log_row_new              (EligoScreeningRecord *record);
const EligoScreeningRecord *eligo_screening_log_row_get_record       (EligoScreeningLogRow *self);
gint64                      eligo_screening_log_row_get_id           (EligoScreeningLogRow *self);
const char                 *eligo_screening_log_row_get_screening_id (EligoScreeningLogRow *self);
const char                 *eligo_screening_log_row_get_nct_id       (EligoScreeningLogRow *self);
const char                 *eligo_screening_log_row_get_verdict      (EligoScreeningLogRow *self);
const char                 *eligo_screening_log_row_get_date         (EligoScreeningLogRow *self);
const char                 *eligo_screening_log_row_get_time         (EligoScreeningLogRow *self);
const char                 *eligo_screening_log_row_get_search_key   (EligoScreeningLogRow *self);
char                       *eligo_screening_log_row_dup_outdated_text (EligoScreeningLogRow *self);

/* Shared with the screening log window */
EligoTrialVerdict           _eligo_trial_verdict_from_string         (const char           *verdict);
const char                 *_eligo_trial_verdict_get_icon_name       (EligoTrialVerdict     verdict);
EligoVerdict                _eligo_verdict_from_string               (const char           *verdict);
const char                 *_eligo_verdict_get_icon_name             (EligoVerdict          verdict);
void                        _eligo_format_local_time                 (const char           *iso,
                                                                      char                **date,
                                                                      char                **time);
const char                 *_eligo_text_or_absent                    (const char           *text);

G_END_DECLS
