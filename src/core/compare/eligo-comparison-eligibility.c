/* eligo-comparison-eligibility.c
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

#include <string.h>

#include "eligo-comparison-private.h"

/*
 * The eligibility rows: the criteria of each trial lined up by what they
 * measure, a row per measure, and the verdicts of their cells for a
 * patient.
 */

static gboolean
criterion_is_screened (EligoCriterion *criterion)
{
  return eligo_criterion_get_rule (criterion) != NULL &&
         eligo_criterion_get_subject (criterion) == ELIGO_SUBJECT_PATIENT;
}

/* One row per measured thing: the variables that carry one label are one
 * measure in different units ("Total bilirubin" as × ULN and in µmol/L,
 * "Creatinine", "ALT"...), so a trial that states its limit in µmol/L and
 * one that states it as a multiple of the ULN line up in one row, each in
 * its own unit. A ULN ("Creatinine ULN") or a derived measure ("Creatinine
 * clearance") has a label of its own, and so a row of its own; so would
 * direct bilirubin. Fills @measure (NULL-terminated, room for @n_variables
 * + 1) with @variables[@first] and the later variables of its label, marking
 * them in @used. */
void
_eligo_comparison_collect_measure (const EligoVariable  *variables,
                                   guint                 n_variables,
                                   guint                 first,
                                   gboolean             *used,
                                   const EligoVariable **measure)
{
  guint n = 0;

  for (guint v = first; v < n_variables; v++)
    if (!used[v] && variables[v].group == variables[first].group &&
        g_strcmp0 (variables[v].label, variables[first].label) == 0)
      {
        used[v] = TRUE;
        measure[n++] = &variables[v];
      }

  measure[n] = NULL;
}

EligoComparisonRow *
_eligo_comparison_build_variable_row (EligoComparison             *self,
                                      const EligoVariable * const *measure)
{
  g_autoptr(EligoComparisonRow) row = NULL;
  const EligoVariable *variable = measure[0];
  guint n_trials = self->trials->len;
  guint n_measure = 0;

  while (measure[n_measure] != NULL)
    n_measure++;

  row = _eligo_comparison_row_new (ELIGO_COMPARISON_SECTION_ELIGIBILITY, variable->name,
                                   eligo_variable_get_label (variable), n_trials);
  row->variable = variable->name;
  row->variables = g_memdup2 (measure, (n_measure + 1) * sizeof (EligoVariable *));
  row->sources = g_new0 (GPtrArray *, n_trials);
  row->meanings = g_new0 (char *, n_trials);

  for (guint t = 0; t < n_trials; t++)
    {
      GPtrArray *criteria = g_ptr_array_index (self->criteria, t);
      g_autoptr(GPtrArray) fragments = g_ptr_array_new_with_free_func (g_free);

      row->sources[t] = g_ptr_array_new_with_free_func (_eligo_comparison_source_free);

      for (guint i = 0; i < criteria->len; i++)
        {
          EligoCriterion *criterion = g_ptr_array_index (criteria, i);
          GArray *parts;
          EligoComparisonSource *source;

          if (!criterion_is_screened (criterion))
            continue;

          parts = _eligo_comparison_describe_criterion (criterion, measure, fragments);
          if (parts == NULL)
            continue;

          source = g_new0 (EligoComparisonSource, 1);
          source->criterion = g_object_ref (criterion);
          source->rule = eligo_rule_ref (eligo_criterion_get_rule (criterion));
          source->parts = parts;
          g_ptr_array_add (row->sources[t], source);

          if (eligo_criterion_get_partial (criterion))
            row->partial[t] = TRUE;
        }

      if (fragments->len > 0)
        {
          /* Two age criteria that disagree read as alternatives */
          const char *separator = strcmp (variable->name, "age_years") == 0 ? " / " : "; ";

          g_ptr_array_add (fragments, NULL);
          row->cells[t] = g_strjoinv (separator, (char **) fragments->pdata);
        }

      row->meanings[t] = _eligo_comparison_sources_meaning (row->sources[t], measure);
    }

  if (_eligo_comparison_row_is_empty (row))
    return NULL;

  row->differs = _eligo_comparison_cells_differ (row);

  return g_steal_pointer (&row);
}

static int
verdict_rank (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_FAIL:
      return 3;
    case ELIGO_VERDICT_UNKNOWN:
      return 2;
    case ELIGO_VERDICT_REVIEW:
      return 1;
    case ELIGO_VERDICT_PASS:
      return 0;
    case ELIGO_N_VERDICTS:
    default:
      return -1;
    }
}

void
_eligo_comparison_update_verdicts (EligoComparison *self)
{
  g_clear_pointer (&self->results, g_ptr_array_unref);

  if (self->patient != NULL)
    {
      self->results = g_ptr_array_new_with_free_func (
        (GDestroyNotify) eligo_screening_result_unref);
      for (guint t = 0; t < self->trials->len; t++)
        g_ptr_array_add (self->results, eligo_screen (g_ptr_array_index (self->trials, t),
                                                      g_ptr_array_index (self->criteria, t),
                                                      self->patient));
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, r);

      for (guint t = 0; t < row->n_cells; t++)
        {
          EligoVerdict verdict = ELIGO_N_VERDICTS;

          if (self->patient != NULL && row->sources != NULL)
            {
              GPtrArray *sources = row->sources[t];

              for (guint i = 0; i < sources->len; i++)
                {
                  EligoComparisonSource *source = g_ptr_array_index (sources, i);
                  EligoVerdict v;

                  v = _eligo_comparison_source_verdict (source, self->patient,
                                                        g_ptr_array_index (self->results, t));

                  if (verdict_rank (v) > verdict_rank (verdict))
                    verdict = v;
                }
            }

          row->verdicts[t] = verdict;
        }
    }
}
