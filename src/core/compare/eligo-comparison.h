/* eligo-comparison.h
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

#include <json-glib/json-glib.h>

#include "eligo-database.h"
#include "eligo-patient.h"
#include "eligo-screening.h"
#include "eligo-trial.h"

G_BEGIN_DECLS

/* Trials side by side: 2 to 6 of them. */
#define ELIGO_COMPARISON_MIN_TRIALS 2
#define ELIGO_COMPARISON_MAX_TRIALS 6

#define ELIGO_COMPARISON_ERROR (eligo_comparison_error_quark ())

typedef enum
{
  ELIGO_COMPARISON_ERROR_N_TRIALS,   /* fewer than 2 or more than 6 trials */
  ELIGO_COMPARISON_ERROR_DUPLICATE,  /* the same trial twice */
} EligoComparisonError;

/* The sections of the table, in the order they are shown. */
typedef enum
{
  ELIGO_COMPARISON_SECTION_OVERVIEW,       /* status, phase, dates, sponsor, sites */
  ELIGO_COMPARISON_SECTION_DESIGN,         /* allocation, model, masking, arms */
  ELIGO_COMPARISON_SECTION_POPULATION,     /* ages, sex, conditions, disease status */
  ELIGO_COMPARISON_SECTION_ELIGIBILITY,    /* one row per variable, in variables.md order */
  ELIGO_COMPARISON_SECTION_UNRULED,        /* criteria without rules, per trial */
  ELIGO_COMPARISON_SECTION_INTERVENTIONS,  /* interventions and target antigens */
  ELIGO_COMPARISON_SECTION_OUTCOMES,       /* primary and secondary, with time frames */
  ELIGO_N_COMPARISON_SECTIONS
} EligoComparisonSection;

typedef struct _EligoComparisonRow EligoComparisonRow;

#define ELIGO_TYPE_COMPARISON_ROW (eligo_comparison_row_get_type ())

GType                   eligo_comparison_row_get_type      (void) G_GNUC_CONST;
EligoComparisonRow     *eligo_comparison_row_ref           (EligoComparisonRow     *row);
void                    eligo_comparison_row_unref         (EligoComparisonRow     *row);
const char             *eligo_comparison_row_get_id        (EligoComparisonRow     *row);
EligoComparisonSection  eligo_comparison_row_get_section   (EligoComparisonRow     *row);
const char             *eligo_comparison_row_get_label     (EligoComparisonRow     *row);
const char             *eligo_comparison_row_get_variable  (EligoComparisonRow     *row);
guint                   eligo_comparison_row_get_n_cells   (EligoComparisonRow     *row);
const char             *eligo_comparison_row_get_cell      (EligoComparisonRow     *row,
                                                            guint                   trial_index);
gboolean                eligo_comparison_row_get_partial   (EligoComparisonRow     *row,
                                                            guint                   trial_index);
gboolean                eligo_comparison_row_get_verdict   (EligoComparisonRow     *row,
                                                            guint                   trial_index,
                                                            EligoVerdict           *verdict);
gboolean                eligo_comparison_row_differs       (EligoComparisonRow     *row);
GPtrArray              *eligo_comparison_row_dup_criteria  (EligoComparisonRow     *row,
                                                            guint                   trial_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoComparisonRow, eligo_comparison_row_unref)

#define ELIGO_TYPE_COMPARISON (eligo_comparison_get_type ())

G_DECLARE_FINAL_TYPE (EligoComparison, eligo_comparison, ELIGO, COMPARISON, GObject)

GQuark                  eligo_comparison_error_quark       (void);

EligoComparison        *eligo_comparison_new               (EligoDatabase          *database,
                                                            GPtrArray              *trials,
                                                            GError                **error);
guint                   eligo_comparison_get_n_trials      (EligoComparison        *self);
EligoTrial             *eligo_comparison_get_trial         (EligoComparison        *self,
                                                            guint                   index);
GPtrArray              *eligo_comparison_get_criteria      (EligoComparison        *self,
                                                            guint                   index);

EligoPatient           *eligo_comparison_get_patient       (EligoComparison        *self);
void                    eligo_comparison_set_patient       (EligoComparison        *self,
                                                            EligoPatient           *patient);
EligoScreeningResult   *eligo_comparison_get_result        (EligoComparison        *self,
                                                            guint                   index);

guint                   eligo_comparison_get_n_rows        (EligoComparison        *self);
EligoComparisonRow     *eligo_comparison_get_row           (EligoComparison        *self,
                                                            guint                   index);
EligoComparisonRow     *eligo_comparison_find_row          (EligoComparison        *self,
                                                            const char             *id);
gboolean                eligo_comparison_has_partial_cells (EligoComparison        *self,
                                                            gboolean                only_diffs);

JsonObject             *eligo_comparison_to_json           (EligoComparison        *self,
                                                            gboolean                only_diffs);
char                   *eligo_comparison_to_text           (EligoComparison        *self,
                                                            gboolean                only_diffs,
                                                            guint                   width);

const char             *eligo_comparison_section_to_string (EligoComparisonSection  section);
const char             *eligo_comparison_section_get_title (EligoComparisonSection  section);
const char             *eligo_comparison_partial_legend    (void);

G_END_DECLS
