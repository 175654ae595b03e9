/* eligo-criteria-diff.h
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

#include "eligo-criterion.h"

G_BEGIN_DECLS

typedef enum
{
  ELIGO_CRITERION_CHANGE_UNCHANGED,  /* the same kind and words (numbering, case aside) */
  ELIGO_CRITERION_CHANGE_REWORDED,   /* the same criterion, other words */
  ELIGO_CRITERION_CHANGE_ADDED,      /* only in the new criteria */
  ELIGO_CRITERION_CHANGE_REMOVED,    /* only in the old criteria */
} EligoCriterionChangeKind;

/* One criterion of two versions of a trial's criteria */
typedef struct
{
  EligoCriterionChangeKind  kind;
  EligoCriterion           *old_criterion;  /* NULL when added */
  EligoCriterion           *new_criterion;  /* NULL when removed */
} EligoCriterionChange;

typedef struct
{
  guint unchanged;
  guint reworded;
  guint added;
  guint removed;
} EligoCriteriaDiffCounts;

#define ELIGO_TYPE_CRITERION_CHANGE (eligo_criterion_change_get_type ())

GType                 eligo_criterion_change_get_type (void) G_GNUC_CONST;
EligoCriterionChange *eligo_criterion_change_copy     (const EligoCriterionChange *change);
void                  eligo_criterion_change_free     (EligoCriterionChange       *change);
const char           *eligo_criterion_change_kind_to_string (EligoCriterionChangeKind kind);

GPtrArray            *eligo_criteria_diff             (GPtrArray                  *old_criteria,
                                                       GPtrArray                  *new_criteria);
void                  eligo_criteria_diff_count       (GPtrArray                  *changes,
                                                       EligoCriteriaDiffCounts    *counts);
double                eligo_criteria_similarity       (const char                 *a,
                                                       const char                 *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoCriterionChange, eligo_criterion_change_free)

G_END_DECLS
