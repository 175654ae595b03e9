/* eligo-comparison-private.h
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

#include "eligo-comparison.h"

G_BEGIN_DECLS

struct _EligoComparisonRow
{
  EligoComparisonSection   section;
  char                    *id;
  char                    *label;
  const char              *variable;  /* eligibility rows: the measure's first variable */
  const EligoVariable    **variables; /* eligibility rows: the measure, NULL-terminated */
  guint                    n_cells;
  char                   **cells;
  gboolean                *partial;
  EligoVerdict            *verdicts;  /* ELIGO_N_VERDICTS where there is none */
  GPtrArray              **sources;   /* eligibility rows: per trial, of EligoComparisonSource */
  char                   **meanings;  /* eligibility rows: per trial, the normalized limits,
                                       * NULL where they admit every value */
  gboolean                 differs;
};

struct _EligoComparison
{
  GObject       parent_instance;

  GPtrArray    *trials;    /* EligoTrial */
  GPtrArray    *criteria;  /* GPtrArray of EligoCriterion, per trial */
  GPtrArray    *rows;      /* EligoComparisonRow */
  EligoPatient *patient;
  GPtrArray    *results;   /* EligoScreeningResult per trial, with a patient */
};

/* A piece of a rule: an inclusion's conjunct or an exclusion's disjunct. */
typedef struct
{
  const EligoRule *rule;
  gboolean         negated;
} EligoComparisonPart;

/* The parts of one criterion that mention one variable. */
typedef struct
{
  EligoCriterion *criterion;
  EligoRule      *rule;
  GArray         *parts;
} EligoComparisonSource;

/* eligo-comparison-conditions.c */
GArray       *_eligo_comparison_describe_criterion (EligoCriterion              *criterion,
                                                    const EligoVariable * const *variables,
                                                    GPtrArray                   *fragments);
EligoVerdict  _eligo_comparison_source_verdict     (EligoComparisonSource *source,
                                                    EligoPatient          *patient,
                                                    EligoScreeningResult  *result);
void          _eligo_comparison_source_free        (gpointer               data);

/* eligo-comparison-differs.c */
char         *_eligo_comparison_sources_meaning    (GPtrArray                   *sources,
                                                    const EligoVariable * const *variables);
gboolean      _eligo_comparison_cells_differ       (EligoComparisonRow          *row);

EligoComparisonRow *_eligo_comparison_row_new            (EligoComparisonSection       section,
                                                          const char                  *key,
                                                          const char                  *label,
                                                          guint                        n_cells);
gboolean            _eligo_comparison_row_is_empty       (EligoComparisonRow          *row);

void                _eligo_comparison_build_rows         (EligoComparison             *self);

void                _eligo_comparison_collect_measure    (const EligoVariable         *variables,
                                                          guint                        n_variables,
                                                          guint                        first,
                                                          gboolean                    *used,
                                                          const EligoVariable        **measure);
EligoComparisonRow *_eligo_comparison_build_variable_row (EligoComparison             *self,
                                                          const EligoVariable * const *measure);
void                _eligo_comparison_update_verdicts    (EligoComparison             *self);

G_END_DECLS
