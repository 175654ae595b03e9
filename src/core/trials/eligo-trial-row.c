/* eligo-trial-row.c
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

#define G_LOG_DOMAIN "eligo-trial"

#include "config.h"

#include "eligo-trial-private.h"

/*
 * A trial as the database reads it back (the columns of ELIGO_TRIAL_COLUMNS)
 * and what the database fills in on a trial it stores.
 */

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static double
column_double_or_unknown (sqlite3_stmt *stmt,
                          int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;

  return sqlite3_column_double (stmt, column);
}

EligoTrial *
_eligo_trial_new_from_row (sqlite3_stmt *stmt)
{
  EligoTrial *self = g_object_new (ELIGO_TYPE_TRIAL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->nct_id = column_text (stmt, 1);
  self->brief_title = column_text (stmt, 2);
  self->official_title = column_text (stmt, 3);
  self->acronym = column_text (stmt, 4);
  self->overall_status = column_text (stmt, 5);
  self->phases = column_text (stmt, 6);
  self->study_type = column_text (stmt, 7);
  self->enrollment = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 8);
  self->start_date = column_text (stmt, 9);
  self->primary_completion_date = column_text (stmt, 10);
  self->completion_date = column_text (stmt, 11);
  self->first_posted = column_text (stmt, 12);
  self->last_update = column_text (stmt, 13);
  self->lead_sponsor = column_text (stmt, 14);
  self->collaborators = column_text (stmt, 15);
  self->effective_min_age_years = column_double_or_unknown (stmt, 16);
  self->effective_max_age_years = column_double_or_unknown (stmt, 17);
  self->sex = column_text (stmt, 18);
  self->healthy_volunteers = sqlite3_column_type (stmt, 19) == SQLITE_NULL
                             ? ELIGO_TRISTATE_UNKNOWN
                             : (sqlite3_column_int (stmt, 19) ? ELIGO_TRISTATE_YES : ELIGO_TRISTATE_NO);
  self->conditions = column_text (stmt, 20);
  self->keywords = column_text (stmt, 21);
  self->countries = column_text (stmt, 22);
  self->interventions_text = column_text (stmt, 23);
  self->eligibility = column_text (stmt, 24);
  self->archived = sqlite3_column_int (stmt, 25) != 0;
  self->raw_json = column_text (stmt, 26);
  self->min_age_years = column_double_or_unknown (stmt, 27);
  self->max_age_years = column_double_or_unknown (stmt, 28);
  self->age_source = column_text (stmt, 29);
  self->effective_ages_set = TRUE;

  return self;
}

void
_eligo_trial_set_id (EligoTrial *self,
                     gint64      id)
{
  g_return_if_fail (ELIGO_IS_TRIAL (self));

  self->id = id;
}

/* Set by the database when it derives the criteria. */
void
_eligo_trial_set_effective_ages (EligoTrial *self,
                                 double      min_age_years,
                                 double      max_age_years,
                                 const char *age_source)
{
  g_return_if_fail (ELIGO_IS_TRIAL (self));

  self->effective_min_age_years = min_age_years;
  self->effective_max_age_years = max_age_years;
  g_free (self->age_source);
  self->age_source = g_strdup (age_source);
  self->effective_ages_set = TRUE;
}
