/* eligo-comparison.c
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

#define G_LOG_DOMAIN "eligo-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-comparison-private.h"

/*
 * A comparison lays 2 to 6 trials side by side as rows grouped in sections.
 * Every cell is text (NULL when the trial says nothing), so the window, the
 * terminal table and the PDF renderer all show the same thing. The short
 * forms of the eligibility rows are made in eligo-comparison-conditions.c;
 * JSON and the terminal table in eligo-comparison-output.c. The rows are
 * built in eligo-comparison-rows.c, the eligibility rows and their verdicts
 * in eligo-comparison-eligibility.c.
 */

G_DEFINE_BOXED_TYPE (EligoComparisonRow, eligo_comparison_row,
                     eligo_comparison_row_ref, eligo_comparison_row_unref)

G_DEFINE_FINAL_TYPE (EligoComparison, eligo_comparison, G_TYPE_OBJECT)

G_DEFINE_QUARK (eligo-comparison-error-quark, eligo_comparison_error)

enum {
  PROP_0,
  PROP_PATIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const section_ids[ELIGO_N_COMPARISON_SECTIONS] = {
  [ELIGO_COMPARISON_SECTION_OVERVIEW] = "overview",
  [ELIGO_COMPARISON_SECTION_DESIGN] = "design",
  [ELIGO_COMPARISON_SECTION_POPULATION] = "population",
  [ELIGO_COMPARISON_SECTION_ELIGIBILITY] = "eligibility",
  [ELIGO_COMPARISON_SECTION_UNRULED] = "unruled",
  [ELIGO_COMPARISON_SECTION_INTERVENTIONS] = "interventions",
  [ELIGO_COMPARISON_SECTION_OUTCOMES] = "outcomes",
};

static const char * const section_titles[ELIGO_N_COMPARISON_SECTIONS] = {
  [ELIGO_COMPARISON_SECTION_OVERVIEW] = N_("Overview"),
  [ELIGO_COMPARISON_SECTION_DESIGN] = N_("Design"),
  [ELIGO_COMPARISON_SECTION_POPULATION] = N_("Population"),
  [ELIGO_COMPARISON_SECTION_ELIGIBILITY] = N_("Eligibility by variable"),
  [ELIGO_COMPARISON_SECTION_UNRULED] = N_("Criteria without rules"),
  [ELIGO_COMPARISON_SECTION_INTERVENTIONS] = N_("Interventions"),
  [ELIGO_COMPARISON_SECTION_OUTCOMES] = N_("Outcomes"),
};

/* Rows */

EligoComparisonRow *
_eligo_comparison_row_new (EligoComparisonSection  section,
                           const char             *key,
                           const char             *label,
                           guint                   n_cells)
{
  EligoComparisonRow *row = g_atomic_rc_box_new0 (EligoComparisonRow);

  row->section = section;
  row->id = g_strdup_printf ("%s.%s", section_ids[section], key);
  row->label = g_strdup (label);
  row->n_cells = n_cells;
  row->cells = g_new0 (char *, n_cells);
  row->partial = g_new0 (gboolean, n_cells);
  row->verdicts = g_new (EligoVerdict, n_cells);
  for (guint i = 0; i < n_cells; i++)
    row->verdicts[i] = ELIGO_N_VERDICTS;

  return row;
}

static void
row_clear (gpointer data)
{
  EligoComparisonRow *row = data;

  g_free (row->id);
  g_free (row->label);
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i]);
  g_free (row->cells);
  g_free (row->partial);
  g_free (row->verdicts);
  g_free (row->variables);
  if (row->sources != NULL)
    {
      for (guint i = 0; i < row->n_cells; i++)
        g_clear_pointer (&row->sources[i], g_ptr_array_unref);
      g_free (row->sources);
    }
  if (row->meanings != NULL)
    {
      for (guint i = 0; i < row->n_cells; i++)
        g_free (row->meanings[i]);
      g_free (row->meanings);
    }
}

gboolean
_eligo_comparison_row_is_empty (EligoComparisonRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i] != NULL)
      return FALSE;

  return TRUE;
}

/* GObject */

static void
eligo_comparison_dispose (GObject *object)
{
  EligoComparison *self = (EligoComparison *) object;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->trials, g_ptr_array_unref);
  g_clear_object (&self->patient);

  G_OBJECT_CLASS (eligo_comparison_parent_class)->dispose (object);
}

static void
eligo_comparison_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EligoComparison *self = ELIGO_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      g_value_set_object (value, self->patient);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EligoComparison *self = ELIGO_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      eligo_comparison_set_patient (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_class_init (EligoComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = eligo_comparison_dispose;
  object_class->get_property = eligo_comparison_get_property;
  object_class->set_property = eligo_comparison_set_property;

  /**
   * EligoComparison:patient:
   *
   * The patient whose verdicts the table shows, or %NULL. Rows keep their
   * cells; their verdicts change.
   */
  properties[PROP_PATIENT] =
    g_param_spec_object ("patient", NULL, NULL,
                         ELIGO_TYPE_PATIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_comparison_init (EligoComparison *self)
{
  self->trials = g_ptr_array_new_with_free_func (g_object_unref);
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_comparison_row_unref);
}

/* Public API: rows */

EligoComparisonRow *
eligo_comparison_row_ref (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return g_atomic_rc_box_acquire (row);
}

void
eligo_comparison_row_unref (EligoComparisonRow *row)
{
  g_return_if_fail (row != NULL);

  g_atomic_rc_box_release_full (row, row_clear);
}

/**
 * eligo_comparison_row_get_id:
 *
 * Returns: a stable key, "SECTION.NAME": "overview.status",
 *   "eligibility.age_years", "interventions.target-antigen"
 */
const char *
eligo_comparison_row_get_id (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->id;
}

EligoComparisonSection
eligo_comparison_row_get_section (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, ELIGO_COMPARISON_SECTION_OVERVIEW);

  return row->section;
}

/**
 * eligo_comparison_row_get_label:
 *
 * Returns: the row's translated label, e.g. the variable's label
 */
const char *
eligo_comparison_row_get_label (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->label;
}

/**
 * eligo_comparison_row_get_variable:
 *
 * Returns: (nullable): the variable of an eligibility row
 */
const char *
eligo_comparison_row_get_variable (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->variable;
}

guint
eligo_comparison_row_get_n_cells (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, 0);

  return row->n_cells;
}

/**
 * eligo_comparison_row_get_cell:
 *
 * Returns: (nullable): the trial's text, %NULL if the trial says nothing.
 *   Multi-line cells (lists) separate items with "\n".
 */
const char *
eligo_comparison_row_get_cell (EligoComparisonRow *row,
                               guint               trial_index)
{
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (trial_index < row->n_cells, NULL);

  return row->cells[trial_index];
}

/**
 * eligo_comparison_row_dup_criteria:
 *
 * Returns: (transfer container) (element-type EligoCriterion): the
 *   criteria an eligibility cell was read from, in the trial's order;
 *   empty for other rows
 */
GPtrArray *
eligo_comparison_row_dup_criteria (EligoComparisonRow *row,
                                   guint               trial_index)
{
  GPtrArray *criteria = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (row != NULL, criteria);
  g_return_val_if_fail (trial_index < row->n_cells, criteria);

  if (row->sources == NULL || row->sources[trial_index] == NULL)
    return criteria;
  for (guint i = 0; i < row->sources[trial_index]->len; i++)
    {
      EligoComparisonSource *source = g_ptr_array_index (row->sources[trial_index], i);

      g_ptr_array_add (criteria, g_object_ref (source->criterion));
    }
  return criteria;
}

/**
 * eligo_comparison_row_get_partial:
 *
 * Returns: whether the cell comes from a rule that covers only part of its
 *   criterion; renderers mark it "*" with eligo_comparison_partial_legend()
 */
gboolean
eligo_comparison_row_get_partial (EligoComparisonRow *row,
                                  guint               trial_index)
{
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (trial_index < row->n_cells, FALSE);

  return row->partial[trial_index];
}

/**
 * eligo_comparison_row_get_verdict:
 * @verdict: (out) (optional): the verdict
 *
 * With a patient, the verdict on an eligibility cell: over the criteria
 * that constrain the variable, fail if any fails, else unknown, else
 * review, else pass. Each criterion counts the parts of its rule that
 * concern the variable (its conjuncts for an inclusion, its disjuncts for
 * an exclusion), or the nurse's answer on it.
 *
 * Returns: %FALSE if the cell has no verdict (no patient, other rows, or
 *   an empty cell)
 */
gboolean
eligo_comparison_row_get_verdict (EligoComparisonRow *row,
                                  guint               trial_index,
                                  EligoVerdict       *verdict)
{
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (trial_index < row->n_cells, FALSE);

  if (row->verdicts[trial_index] == ELIGO_N_VERDICTS)
    return FALSE;

  if (verdict != NULL)
    *verdict = row->verdicts[trial_index];

  return TRUE;
}

/**
 * eligo_comparison_row_differs:
 *
 * Returns: whether two of the cells do not say the same thing: for an
 *   eligibility row, the trials set different limits once normalized
 *   ("ECOG 0–1" is "≤ 1"), or some restrict and others do not; for a
 *   registry row, two trials state the fact differently (an unstated fact
 *   is unknown, not a difference). See eligo-comparison-differs.c. "Only
 *   differences" shows these rows only
 */
gboolean
eligo_comparison_row_differs (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  return row->differs;
}

/* Public API: the comparison */

/**
 * eligo_comparison_new:
 * @trials: (element-type EligoTrial): 2 to 6 different trials, in column order
 *
 * Builds the table from the trials and their criteria, with the rules
 * nurses curated in @database.
 *
 * Returns: (transfer full) (nullable): the comparison
 */
EligoComparison *
eligo_comparison_new (EligoDatabase  *database,
                      GPtrArray      *trials,
                      GError        **error)
{
  g_autoptr(EligoComparison) self = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (trials != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trials->len < ELIGO_COMPARISON_MIN_TRIALS || trials->len > ELIGO_COMPARISON_MAX_TRIALS)
    {
      g_set_error (error, ELIGO_COMPARISON_ERROR, ELIGO_COMPARISON_ERROR_N_TRIALS,
                   _("A comparison takes %d to %d trials, not %u"),
                   ELIGO_COMPARISON_MIN_TRIALS, ELIGO_COMPARISON_MAX_TRIALS, trials->len);
      return NULL;
    }

  self = g_object_new (ELIGO_TYPE_COMPARISON, NULL);

  for (guint t = 0; t < trials->len; t++)
    {
      EligoTrial *trial = g_ptr_array_index (trials, t);
      GPtrArray *criteria;

      g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

      for (guint u = 0; u < t; u++)
        if (g_strcmp0 (eligo_trial_get_nct_id (trial),
                       eligo_trial_get_nct_id (g_ptr_array_index (trials, u))) == 0)
          {
            g_set_error (error, ELIGO_COMPARISON_ERROR, ELIGO_COMPARISON_ERROR_DUPLICATE,
                         _("%s is twice in the comparison"), eligo_trial_get_nct_id (trial));
            return NULL;
          }

      criteria = eligo_database_get_criteria (database, trial, error);
      if (criteria == NULL)
        return NULL;

      g_ptr_array_add (self->trials, g_object_ref (trial));
      g_ptr_array_add (self->criteria, criteria);
    }

  _eligo_comparison_build_rows (self);

  return g_steal_pointer (&self);
}

guint
eligo_comparison_get_n_trials (EligoComparison *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), 0);

  return self->trials->len;
}

/**
 * eligo_comparison_get_trial:
 *
 * Returns: (transfer none): the trial of column @index
 */
EligoTrial *
eligo_comparison_get_trial (EligoComparison *self,
                            guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->trials->len, NULL);

  return g_ptr_array_index (self->trials, index);
}

/**
 * eligo_comparison_get_criteria:
 *
 * Returns: (transfer none) (element-type EligoCriterion): the criteria of
 *   column @index's trial, curated rules in place
 */
GPtrArray *
eligo_comparison_get_criteria (EligoComparison *self,
                               guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->criteria->len, NULL);

  return g_ptr_array_index (self->criteria, index);
}

/**
 * eligo_comparison_get_patient:
 *
 * Returns: (transfer none) (nullable): the patient
 */
EligoPatient *
eligo_comparison_get_patient (EligoComparison *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);

  return self->patient;
}

/**
 * eligo_comparison_set_patient:
 * @patient: (nullable): a patient, or %NULL for none
 *
 * Screens @patient against every trial and gives each eligibility cell a
 * verdict. Call it again after changing the patient's facts or answers.
 */
void
eligo_comparison_set_patient (EligoComparison *self,
                              EligoPatient    *patient)
{
  gboolean changed;

  g_return_if_fail (ELIGO_IS_COMPARISON (self));
  g_return_if_fail (patient == NULL || ELIGO_IS_PATIENT (patient));

  changed = g_set_object (&self->patient, patient);
  _eligo_comparison_update_verdicts (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT]);
}

/**
 * eligo_comparison_get_result:
 *
 * Returns: (transfer none) (nullable): the patient's screening result for
 *   column @index's trial; %NULL without a patient
 */
EligoScreeningResult *
eligo_comparison_get_result (EligoComparison *self,
                             guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->trials->len, NULL);

  if (self->results == NULL)
    return NULL;

  return g_ptr_array_index (self->results, index);
}

guint
eligo_comparison_get_n_rows (EligoComparison *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), 0);

  return self->rows->len;
}

/**
 * eligo_comparison_get_row:
 *
 * Rows come in section order; eligibility rows in the order of
 * variables.md. Rows where every trial says nothing are left out.
 *
 * Returns: (transfer none): the row
 */
EligoComparisonRow *
eligo_comparison_get_row (EligoComparison *self,
                          guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

/**
 * eligo_comparison_find_row:
 * @id: a row id, e.g. "eligibility.ecog"
 *
 * Returns: (transfer none) (nullable): the row
 */
EligoComparisonRow *
eligo_comparison_find_row (EligoComparison *self,
                           const char      *id)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, i);

      if (strcmp (row->id, id) == 0)
        return row;
    }

  return NULL;
}

/**
 * eligo_comparison_has_partial_cells:
 *
 * Returns: whether a shown cell is partial, so the legend is needed
 */
gboolean
eligo_comparison_has_partial_cells (EligoComparison *self,
                                    gboolean         only_differences)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, i);

      if (only_differences && !row->differs)
        continue;
      for (guint t = 0; t < row->n_cells; t++)
        if (row->partial[t] && row->cells[t] != NULL)
          return TRUE;
    }

  return FALSE;
}

const char *
eligo_comparison_section_to_string (EligoComparisonSection section)
{
  g_return_val_if_fail (section < ELIGO_N_COMPARISON_SECTIONS, NULL);

  return section_ids[section];
}

/**
 * eligo_comparison_section_get_title:
 *
 * Returns: the section's translated title
 */
const char *
eligo_comparison_section_get_title (EligoComparisonSection section)
{
  g_return_val_if_fail (section < ELIGO_N_COMPARISON_SECTIONS, NULL);

  return _(section_titles[section]);
}

/**
 * eligo_comparison_partial_legend:
 *
 * Returns: the legend for the "*" that marks partial cells
 */
const char *
eligo_comparison_partial_legend (void)
{
  /* Translators: the legend of a comparison table's partial cells */
  return _("* covers part of its criterion");
}
