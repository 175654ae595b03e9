/* eligo-find-trials-row.c
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

#define G_LOG_DOMAIN "eligo-find-trials-row"

#include "config.h"

#include "eligo-find-trials-row.h"
#include "eligo-match-report.h"

struct _EligoFindTrialsRow
{
  GObject               parent_instance;

  EligoScreeningResult *result;
  EligoPatient         *patient;
  guint                 rank;
  char                 *failure;   /* said in words when first shown */
  gboolean              described;
};

G_DEFINE_FINAL_TYPE (EligoFindTrialsRow, eligo_find_trials_row, G_TYPE_OBJECT)

static void
eligo_find_trials_row_finalize (GObject *object)
{
  EligoFindTrialsRow *self = (EligoFindTrialsRow *) object;

  g_clear_pointer (&self->result, eligo_screening_result_unref);
  g_clear_object (&self->patient);
  g_clear_pointer (&self->failure, g_free);

  G_OBJECT_CLASS (eligo_find_trials_row_parent_class)->finalize (object);
}

static void
eligo_find_trials_row_class_init (EligoFindTrialsRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = eligo_find_trials_row_finalize;
}

static void
eligo_find_trials_row_init (EligoFindTrialsRow *self)
{
}

/**
 * eligo_find_trials_row_new:
 * @rank: from 1, best first
 *
 * Returns: (transfer full): a row
 */
EligoFindTrialsRow *
eligo_find_trials_row_new (EligoScreeningResult *result,
                           guint                 rank,
                           EligoPatient         *patient)
{
  EligoFindTrialsRow *self;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  self = g_object_new (ELIGO_TYPE_FIND_TRIALS_ROW, NULL);
  self->result = eligo_screening_result_ref (result);
  self->patient = g_object_ref (patient);
  self->rank = rank;

  return self;
}

EligoScreeningResult *
eligo_find_trials_row_get_result (EligoFindTrialsRow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_ROW (self), NULL);
  return self->result;
}

guint
eligo_find_trials_row_get_rank (EligoFindTrialsRow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_ROW (self), 0);
  return self->rank;
}

/**
 * eligo_find_trials_row_get_failure:
 *
 * Returns: (nullable): what rules the patient out, in words (see
 *   eligo_match_describe_failure()), or %NULL if nothing fails
 */
const char *
eligo_find_trials_row_get_failure (EligoFindTrialsRow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_ROW (self), NULL);

  if (!self->described)
    {
      self->failure = eligo_match_describe_failure (self->result, self->patient);
      self->described = TRUE;
    }

  return self->failure;
}
