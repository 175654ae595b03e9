/* eligo-match-report.h
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

#include "eligo-patient.h"
#include "eligo-report-document.h"
#include "eligo-screening.h"

G_BEGIN_DECLS

/* A fact the patient lacks, and how many undecided trials need it. */
typedef struct
{
  const char *variable;  /* interned */
  guint       n_trials;
} EligoMissingFact;

/* The ranked library for one patient, as the Find Trials window shows it
 * and as it prints: the same words on screen and on paper. */

const EligoCriterionResult *eligo_match_first_failure    (EligoScreeningResult *result);
char                *eligo_match_describe_failure        (EligoScreeningResult *result,
                                                          EligoPatient         *patient);
char                *eligo_match_format_summary          (guint                 n_trials,
                                                          guint                 n_ruled_out);
guint                eligo_match_count_ruled_out         (GPtrArray            *results);
GArray              *eligo_match_missing_facts           (GPtrArray            *results,
                                                          guint                 max_facts);
char                *eligo_match_format_missing_facts    (GArray               *facts);
char                *eligo_match_format_counts           (EligoScreeningResult *result);

EligoReportDocument *eligo_match_report_new              (GPtrArray            *results,
                                                          EligoPatient         *patient,
                                                          gboolean              recruiting_only,
                                                          guint                 max_rows,
                                                          GDateTime            *date);
EligoReportDocument *eligo_match_report_new_full         (GPtrArray            *results,
                                                          guint                 n_trials,
                                                          guint                 n_ruled_out,
                                                          EligoPatient         *patient,
                                                          gboolean              recruiting_only,
                                                          guint                 max_rows,
                                                          GDateTime            *date);

G_END_DECLS
