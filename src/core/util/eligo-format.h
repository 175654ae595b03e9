/* eligo-format.h
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

#include <glib.h>

G_BEGIN_DECLS

/* Text shown for values the registry does not give. */
#define ELIGO_FORMAT_ABSENT "—"

char     *eligo_format_status      (const char *status);
char     *eligo_format_phases      (const char *phases);
char     *eligo_format_age         (double      years);
char     *eligo_format_age_range   (double      min_age_years,
                                    double      max_age_years);
char     *eligo_format_enrollment  (int         enrollment);
char     *eligo_format_date        (const char *date);
char     *eligo_format_sex         (const char *sex);
char     *eligo_format_study_type  (const char *study_type);
char     *eligo_format_text        (const char *text);
char     *eligo_format_limit       (double      number);
char     *eligo_format_trial_count (guint       n_trials);
gboolean  eligo_status_is_open     (const char *status);

G_END_DECLS
