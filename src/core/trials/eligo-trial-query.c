/* eligo-trial-query.c
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

#define G_LOG_DOMAIN "eligo-trial-query"

#include "config.h"

#include <string.h>

#include "eligo-trial-query.h"

G_DEFINE_BOXED_TYPE (EligoTrialQuery, eligo_trial_query, eligo_trial_query_copy, eligo_trial_query_free)

static const char * const sort_field_names[ELIGO_N_SORT_FIELDS] = {
  [ELIGO_SORT_NCT_ID] = "nct_id",
  [ELIGO_SORT_TITLE] = "title",
  [ELIGO_SORT_STATUS] = "status",
  [ELIGO_SORT_PHASE] = "phase",
  [ELIGO_SORT_ENROLLMENT] = "enrollment",
  [ELIGO_SORT_START_DATE] = "start_date",
  [ELIGO_SORT_COMPLETION_DATE] = "completion_date",
  [ELIGO_SORT_LAST_UPDATE] = "last_update",
  [ELIGO_SORT_SPONSOR] = "sponsor",
  [ELIGO_SORT_MIN_AGE] = "min_age_years",
  [ELIGO_SORT_MAX_AGE] = "max_age_years",
  [ELIGO_SORT_SEX] = "sex",
  [ELIGO_SORT_CONDITIONS] = "conditions",
  [ELIGO_SORT_STUDY_TYPE] = "study_type",
  [ELIGO_SORT_PRIMARY_COMPLETION_DATE] = "primary_completion_date",
  [ELIGO_SORT_FIRST_POSTED] = "first_posted",
};

EligoTrialQuery *
eligo_trial_query_new (void)
{
  EligoTrialQuery *query = g_new0 (EligoTrialQuery, 1);

  query->sort = ELIGO_SORT_LAST_UPDATE;
  query->descending = TRUE;
  query->patient_age = -1;

  return query;
}

EligoTrialQuery *
eligo_trial_query_copy (const EligoTrialQuery *query)
{
  EligoTrialQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_new0 (EligoTrialQuery, 1);
  *copy = *query;
  copy->search = g_strdup (query->search);
  copy->statuses = g_strdupv (query->statuses);
  copy->phases = g_strdupv (query->phases);
  copy->study_type = g_strdup (query->study_type);
  copy->sex = g_strdup (query->sex);

  return copy;
}

void
eligo_trial_query_free (EligoTrialQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->search);
  g_strfreev (query->statuses);
  g_strfreev (query->phases);
  g_free (query->study_type);
  g_free (query->sex);
  g_free (query);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
eligo_trial_query_equal (const EligoTrialQuery *a,
                         const EligoTrialQuery *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->sort == b->sort &&
         a->descending == b->descending &&
         g_strcmp0 (a->search, b->search) == 0 &&
         strv_equal0 (a->statuses, b->statuses) &&
         strv_equal0 (a->phases, b->phases) &&
         g_strcmp0 (a->study_type, b->study_type) == 0 &&
         g_strcmp0 (a->sex, b->sex) == 0 &&
         a->patient_age == b->patient_age &&
         a->include_archived == b->include_archived;
}

const char *
eligo_sort_field_to_string (EligoSortField field)
{
  g_return_val_if_fail (field < ELIGO_N_SORT_FIELDS, NULL);

  return sort_field_names[field];
}

gboolean
eligo_sort_field_from_string (const char     *name,
                              EligoSortField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < ELIGO_N_SORT_FIELDS; i++)
    {
      if (strcmp (sort_field_names[i], name) == 0)
        {
          *field = i;
          return TRUE;
        }
    }

  return FALSE;
}
