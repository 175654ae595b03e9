/* eligo-database-history.c
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

/*
 * The criteria a re-import or a refresh replaced. When the registry's
 * eligibility of a stored trial changes (its text, ages, sex or healthy
 * volunteers), the criteria stored until then are copied into
 * criteria_history, under one criteria_revisions row, in the transaction
 * that stores the new record:
 * the trial page can show what changed, and a screening saved before the
 * change is known to be done against older criteria.
 */

#define G_LOG_DOMAIN "eligo-database"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-database-private.h"

static void
bind_age (sqlite3_stmt *stmt,
          int           index,
          double        years)
{
  if (years >= 0)
    sqlite3_bind_double (stmt, index, years);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* The form of screenings.screened_at, so that the two compare as text. */
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Whether the stored record of @trial_id reads its eligibility otherwise
 * than @incoming: a cheap look at the columns, without parsing its JSON. */
static int
eligibility_changed (EligoDatabase  *self,
                     gint64          trial_id,
                     EligoTrial     *incoming,
                     GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int changed = -1;

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT eligibility IS NOT ?1 OR sex IS NOT ?2 OR "
                          "registry_min_age_years IS NOT ?3 OR registry_max_age_years IS NOT ?4 "
                          "OR healthy_volunteers IS NOT ?6 FROM trials WHERE id = ?5",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return -1;
    }

  _eligo_database_bind_text (stmt, 1, eligo_trial_get_eligibility_criteria (incoming));
  _eligo_database_bind_text (stmt, 2, eligo_trial_get_sex (incoming));
  bind_age (stmt, 3, eligo_trial_get_min_age_years (incoming));
  bind_age (stmt, 4, eligo_trial_get_max_age_years (incoming));
  sqlite3_bind_int64 (stmt, 5, trial_id);
  if (eligo_trial_get_healthy_volunteers (incoming) != ELIGO_TRISTATE_UNKNOWN)
    sqlite3_bind_int (stmt, 6,
                      eligo_trial_get_healthy_volunteers (incoming) == ELIGO_TRISTATE_YES);
  else
    sqlite3_bind_null (stmt, 6);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      changed = sqlite3_column_int (stmt, 0) != 0;
      break;
    case SQLITE_DONE:
      changed = 0;
      break;
    default:
      _eligo_database_set_error (self, error);
    }
  sqlite3_finalize (stmt);

  return changed;
}

static gboolean
insert_history (EligoDatabase  *self,
                EligoTrial     *before,
                EligoTrial     *incoming,
                GPtrArray      *criteria,
                GError        **error)
{
  sqlite3 *db = _eligo_database_get_handle (self);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *stmt = NULL;
  gint64 revision;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO criteria_revisions (nct_id, version, replaced_by, "
                          "replaced_at) VALUES (?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto sql_error;
  _eligo_database_bind_text (stmt, 1, eligo_trial_get_nct_id (before));
  _eligo_database_bind_text (stmt, 2, eligo_trial_get_last_update (before));
  _eligo_database_bind_text (stmt, 3, eligo_trial_get_last_update (incoming));
  _eligo_database_bind_text (stmt, 4, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto sql_error;
  g_clear_pointer (&stmt, sqlite3_finalize);
  revision = sqlite3_last_insert_rowid (db);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO criteria_history (revision, position, criterion_id, kind, "
                          "text, context, rule, origin, match_key, partial) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto sql_error;

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *rule = eligo_criterion_dup_rule_text (criterion);
      g_autofree char *key = eligo_criterion_dup_match_key (criterion);
      EligoRuleOrigin origin = eligo_criterion_get_origin (criterion);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, revision);
      sqlite3_bind_int (stmt, 2, (int) i);
      _eligo_database_bind_text (stmt, 3, eligo_criterion_get_id (criterion));
      sqlite3_bind_text (stmt, 4,
                         eligo_criterion_kind_to_string (eligo_criterion_get_kind (criterion)),
                         -1, SQLITE_STATIC);
      /* Structured criteria too keep their words: the old record is gone. */
      _eligo_database_bind_text (stmt, 5, eligo_criterion_get_text (criterion) != NULL
                                          ? eligo_criterion_get_text (criterion) : "");
      _eligo_database_bind_text (stmt, 6, eligo_criterion_get_context (criterion));
      _eligo_database_bind_text (stmt, 7, rule);
      sqlite3_bind_text (stmt, 8, eligo_rule_origin_to_string (origin), -1, SQLITE_STATIC);
      _eligo_database_bind_text (stmt, 9, key);
      sqlite3_bind_int (stmt, 10, rule != NULL && eligo_criterion_get_partial (criterion));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto sql_error;
    }
  sqlite3_finalize (stmt);

  return TRUE;

sql_error:
  _eligo_database_set_error (self, error);
  sqlite3_finalize (stmt);
  return FALSE;
}

/**
 * _eligo_database_keep_previous_criteria:
 * @trial_id: the stored trial @incoming is about to replace
 * @incoming: the record replacing it
 *
 * If @incoming changes the eligibility of the stored trial, copies the
 * stored trial's criteria into the history. The caller holds the write
 * transaction that then updates the trial.
 */
gboolean
_eligo_database_keep_previous_criteria (EligoDatabase  *self,
                                        gint64          trial_id,
                                        EligoTrial     *incoming,
                                        GError        **error)
{
  g_autoptr(EligoTrial) before = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  gboolean stored = FALSE;
  int changed;

  changed = eligibility_changed (self, trial_id, incoming, error);
  if (changed <= 0)
    return changed == 0;

  before = eligo_database_get_trial (self, trial_id, error);
  if (before == NULL)
    return FALSE;

  /* The columns are what Eligo derived; the record itself decides. */
  if (g_strcmp0 (eligo_trial_get_eligibility_criteria (before),
                 eligo_trial_get_eligibility_criteria (incoming)) == 0 &&
      g_strcmp0 (eligo_trial_get_minimum_age_text (before),
                 eligo_trial_get_minimum_age_text (incoming)) == 0 &&
      g_strcmp0 (eligo_trial_get_maximum_age_text (before),
                 eligo_trial_get_maximum_age_text (incoming)) == 0 &&
      g_strcmp0 (eligo_trial_get_sex (before), eligo_trial_get_sex (incoming)) == 0 &&
      eligo_trial_get_healthy_volunteers (before) == eligo_trial_get_healthy_volunteers (incoming))
    return TRUE;

  criteria = _eligo_database_load_criteria (self, before, &stored, error);
  if (criteria == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      /* Stored by another extractor: the old words are what counts. */
      criteria = eligo_criteria_for_trial (before);
    }

  return insert_history (self, before, incoming, criteria, error);
}

void
eligo_criteria_revision_free (EligoCriteriaRevision *revision)
{
  if (revision == NULL)
    return;

  g_free (revision->nct_id);
  g_free (revision->version);
  g_free (revision->replaced_by);
  g_free (revision->replaced_at);
  g_clear_pointer (&revision->criteria, g_ptr_array_unref);
  g_free (revision);
}

static GPtrArray *
load_history (EligoDatabase  *self,
              gint64          revision,
              const char     *nct_id,
              GError        **error)
{
  g_autoptr(GPtrArray) criteria = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT criterion_id, kind, text, context, rule, origin, match_key, "
                          "partial FROM criteria_history WHERE revision = ? ORDER BY position",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, revision);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *criterion_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *rule_text = (const char *) sqlite3_column_text (stmt, 4);
      const char *origin_text = (const char *) sqlite3_column_text (stmt, 5);
      EligoCriterionKind kind = ELIGO_CRITERION_INCLUSION;
      guint number = 0;
      EligoCriterion *criterion;

      if (!eligo_criterion_id_parse (criterion_id, NULL, &kind, &number))
        kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "exclusion") == 0
               ? ELIGO_CRITERION_EXCLUSION : ELIGO_CRITERION_INCLUSION;

      criterion = eligo_criterion_new (nct_id, kind, number,
                                       (const char *) sqlite3_column_text (stmt, 2));
      eligo_criterion_set_context (criterion, (const char *) sqlite3_column_text (stmt, 3));
      eligo_criterion_set_match_key (criterion, (const char *) sqlite3_column_text (stmt, 6));
      if (rule_text != NULL)
        {
          g_autoptr(EligoRule) rule = eligo_rule_parse (rule_text, NULL, NULL);
          EligoRuleOrigin origin = ELIGO_ORIGIN_PARSED;

          if (g_strcmp0 (origin_text, "structured") == 0)
            origin = ELIGO_ORIGIN_STRUCTURED;
          else if (g_strcmp0 (origin_text, "curated") == 0)
            origin = ELIGO_ORIGIN_CURATED;
          if (rule != NULL)
            eligo_criterion_set_rule (criterion, rule, sqlite3_column_int (stmt, 7) != 0, origin);
        }
      g_ptr_array_add (criteria, criterion);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&criteria);
}

/**
 * eligo_database_get_previous_criteria:
 * @nct_id: a trial's NCT number
 *
 * The criteria the trial's latest eligibility change replaced.
 *
 * Returns: (transfer full) (nullable): the revision, or %NULL without an
 *   error when the trial's eligibility never changed in this library
 */
EligoCriteriaRevision *
eligo_database_get_previous_criteria (EligoDatabase  *self,
                                      const char     *nct_id,
                                      GError        **error)
{
  g_autoptr(EligoCriteriaRevision) revision = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (nct_id != NULL, NULL);

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT id, version, replaced_by, replaced_at FROM criteria_revisions "
                          "WHERE nct_id = ? ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, nct_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      revision = g_new0 (EligoCriteriaRevision, 1);
      revision->id = sqlite3_column_int64 (stmt, 0);
      revision->nct_id = g_strdup (nct_id);
      revision->version = column_dup (stmt, 1);
      revision->replaced_by = column_dup (stmt, 2);
      revision->replaced_at = column_dup (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    _eligo_database_set_error (self, error);
  sqlite3_finalize (stmt);

  if (revision == NULL)
    return NULL;

  revision->criteria = load_history (self, revision->id, nct_id, error);
  if (revision->criteria == NULL)
    return NULL;

  return g_steal_pointer (&revision);
}

/**
 * eligo_database_count_criteria_revisions:
 *
 * Returns: how many times the trial's eligibility changed in this library,
 *   or %G_MAXUINT on error
 */
guint
eligo_database_count_criteria_revisions (EligoDatabase  *self,
                                         const char     *nct_id,
                                         GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  guint count = G_MAXUINT;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), G_MAXUINT);
  g_return_val_if_fail (nct_id != NULL, G_MAXUINT);

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT count(*) FROM criteria_revisions WHERE nct_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return G_MAXUINT;
    }
  sqlite3_bind_text (stmt, 1, nct_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    _eligo_database_set_error (self, error);
  sqlite3_finalize (stmt);

  return count;
}

/**
 * eligo_database_dup_criteria_changed:
 * @nct_id: the trial screened
 * @trial_last_update: (nullable): the trial version the screening was done
 *   against, as the screening log keeps it
 * @screened_at: when the screening was saved (ISO 8601, UTC)
 *
 * Whether the trial's criteria changed since a screening: a change stored
 * after it was saved, or one that brought a newer version than the one it
 * was done against (a dialog left open over a refresh).
 *
 * Returns: (transfer full) (nullable): the registry's date of the first
 *   such change (its last update, or the day Eligo stored it when the
 *   registry gave none), or %NULL when the criteria are still those
 */
char *
eligo_database_dup_criteria_changed (EligoDatabase  *self,
                                     const char     *nct_id,
                                     const char     *trial_last_update,
                                     const char     *screened_at,
                                     GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  char *date = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (nct_id != NULL, NULL);

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT " _ELIGO_CRITERIA_CHANGED_SQL " FROM (SELECT ?1 AS nct_id, "
                          "?2 AS screened_at, ?3 AS trial_last_update) s",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, nct_id, -1, SQLITE_TRANSIENT);
  _eligo_database_bind_text (stmt, 2, screened_at != NULL ? screened_at : "");
  _eligo_database_bind_text (stmt, 3, trial_last_update);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    date = column_dup (stmt, 0);
  else
    _eligo_database_set_error (self, error);
  sqlite3_finalize (stmt);

  return date;
}

/**
 * eligo_database_count_criteria_changes:
 * @trial: a stored trial
 * @counts: (out): the criteria added, removed, reworded and kept
 *
 * How the registry's latest update of @trial, the version stored now,
 * changed its criteria (eligo_criteria_diff() of the previous criteria
 * and the stored ones).
 *
 * Returns: %TRUE when that update changed the trial's eligibility;
 *   %FALSE otherwise or on error
 */
gboolean
eligo_database_count_criteria_changes (EligoDatabase            *self,
                                       EligoTrial               *trial,
                                       EligoCriteriaDiffCounts  *counts,
                                       GError                  **error)
{
  g_autoptr(EligoCriteriaRevision) revision = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  revision = eligo_database_get_previous_criteria (self, eligo_trial_get_nct_id (trial), error);
  if (revision == NULL ||
      g_strcmp0 (revision->replaced_by, eligo_trial_get_last_update (trial)) != 0)
    return FALSE;

  criteria = eligo_database_get_criteria (self, trial, error);
  if (criteria == NULL)
    return FALSE;

  changes = eligo_criteria_diff (revision->criteria, criteria);
  eligo_criteria_diff_count (changes, counts);

  return TRUE;
}
