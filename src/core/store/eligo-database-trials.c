/* eligo-database-trials.c
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
 * The transactions that change the trials: importing them (added, updated
 * or left as they were, with their criteria), seeding a new library, and
 * archiving, deleting and restoring them. Opening the database, its errors
 * and reading single trials are in eligo-database.c.
 */

#define G_LOG_DOMAIN "eligo-database"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "eligo-database-private.h"
#include "eligo-rule-extractor.h"
#include "eligo-import.h"
#include "eligo-seeds-resources.h"
#include "eligo-trial-private.h"
#include "eligo-criterion.h"

/* @criteria: the trial's criteria, whose ages the row keeps as the
 * effective ones beside the registry's (eligo-database-stored.c). */
static void
bind_trial (sqlite3_stmt *stmt,
            EligoTrial   *trial,
            GPtrArray    *criteria,
            const char   *now)
{
  double reg_min = eligo_trial_get_min_age_years (trial);
  double reg_max = eligo_trial_get_max_age_years (trial);
  double min_age, max_age;
  const char *age_source;
  EligoTristate healthy = eligo_trial_get_healthy_volunteers (trial);
  int enrollment = eligo_trial_get_enrollment (trial);

  _eligo_criteria_effective_ages (trial, criteria, &min_age, &max_age, &age_source);

  _eligo_database_bind_text (stmt, 1, eligo_trial_get_nct_id (trial));
  _eligo_database_bind_text (stmt, 2, eligo_trial_get_brief_title (trial));
  _eligo_database_bind_text (stmt, 3, eligo_trial_get_official_title (trial));
  _eligo_database_bind_text (stmt, 4, eligo_trial_get_acronym (trial));
  _eligo_database_bind_text (stmt, 5, eligo_trial_get_overall_status (trial));
  _eligo_database_bind_text (stmt, 6, eligo_trial_get_phases (trial));
  _eligo_database_bind_text (stmt, 7, eligo_trial_get_study_type (trial));
  if (enrollment >= 0)
    sqlite3_bind_int (stmt, 8, enrollment);
  else
    sqlite3_bind_null (stmt, 8);
  _eligo_database_bind_text (stmt, 9, eligo_trial_get_start_date (trial));
  _eligo_database_bind_text (stmt, 10, eligo_trial_get_primary_completion_date (trial));
  _eligo_database_bind_text (stmt, 11, eligo_trial_get_completion_date (trial));
  _eligo_database_bind_text (stmt, 12, eligo_trial_get_first_posted (trial));
  _eligo_database_bind_text (stmt, 13, eligo_trial_get_last_update (trial));
  _eligo_database_bind_text (stmt, 14, eligo_trial_get_lead_sponsor (trial));
  _eligo_database_bind_text (stmt, 15, eligo_trial_get_collaborators (trial));
  if (min_age >= 0)
    sqlite3_bind_double (stmt, 16, min_age);
  else
    sqlite3_bind_null (stmt, 16);
  if (max_age >= 0)
    sqlite3_bind_double (stmt, 17, max_age);
  else
    sqlite3_bind_null (stmt, 17);
  _eligo_database_bind_text (stmt, 18, eligo_trial_get_sex (trial));
  if (healthy != ELIGO_TRISTATE_UNKNOWN)
    sqlite3_bind_int (stmt, 19, healthy == ELIGO_TRISTATE_YES);
  else
    sqlite3_bind_null (stmt, 19);
  _eligo_database_bind_text (stmt, 20, eligo_trial_get_conditions (trial));
  _eligo_database_bind_text (stmt, 21, eligo_trial_get_keywords (trial));
  _eligo_database_bind_text (stmt, 22, eligo_trial_get_countries (trial));
  _eligo_database_bind_text (stmt, 23, eligo_trial_get_interventions_text (trial));
  _eligo_database_bind_text (stmt, 24, eligo_trial_get_eligibility_criteria (trial));
  _eligo_database_bind_text (stmt, 25, now);
  _eligo_database_bind_text (stmt, 26, eligo_trial_get_raw_json (trial));
  sqlite3_bind_int (stmt, 27, ELIGO_RULE_EXTRACTOR_VERSION);
  _eligo_database_bind_text (stmt, 28, age_source);
  if (reg_min >= 0)
    sqlite3_bind_double (stmt, 29, reg_min);
  else
    sqlite3_bind_null (stmt, 29);
  if (reg_max >= 0)
    sqlite3_bind_double (stmt, 30, reg_max);
  else
    sqlite3_bind_null (stmt, 30);
}

#define TRIAL_VALUES \
  "nct_id, brief_title, official_title, acronym, overall_status, phases, study_type, " \
  "enrollment, start_date, primary_completion_date, completion_date, first_posted, " \
  "last_update, lead_sponsor, collaborators, min_age_years, max_age_years, sex, " \
  "healthy_volunteers, conditions, keywords, countries, interventions, eligibility, " \
  "imported_at, raw_json, criteria_version, age_source, registry_min_age_years, " \
  "registry_max_age_years"

/* The caller holds a write transaction. */
static gboolean
import_trials_in_transaction (EligoDatabase     *self,
                              GPtrArray         *trials,
                              GPtrArray         *derived,
                              EligoImportStats  *stats,
                              GError           **error)
{
  static const char insert_sql[] =
    "INSERT INTO trials (" TRIAL_VALUES ") VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    " ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)";
  static const char update_sql[] =
    "UPDATE trials SET (" TRIAL_VALUES ") = "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    " ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30) WHERE id = ?31";
  static const char find_sql[] =
    "SELECT id, last_update, raw_json FROM trials WHERE nct_id = ?";
  EligoImportStats local_stats = { 0 };
  g_autoptr(EligoCriteriaWriter) writer = NULL;
  sqlite3_stmt *insert = NULL, *update = NULL, *find = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  sqlite3 *db = _eligo_database_get_handle (self);
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, insert_sql, -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, update_sql, -1, &update, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, find_sql, -1, &find, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      goto out;
    }

  writer = _eligo_criteria_writer_new (self, error);
  if (writer == NULL)
    goto out;

  for (guint i = 0; i < trials->len; i++)
    {
      EligoTrial *trial = g_ptr_array_index (trials, i);
      const char *last_update = eligo_trial_get_last_update (trial);
      g_autoptr(GPtrArray) criteria = NULL;
      gint64 existing = 0;
      int rc;

      sqlite3_reset (find);
      _eligo_database_bind_text (find, 1, eligo_trial_get_nct_id (trial));
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        {
          const char *stored_update = (const char *) sqlite3_column_text (find, 1);
          const char *stored_json = (const char *) sqlite3_column_text (find, 2);

          existing = sqlite3_column_int64 (find, 0);

          if ((stored_update != NULL &&
               (last_update == NULL || strcmp (last_update, stored_update) < 0)) ||
              g_strcmp0 (stored_json, eligo_trial_get_raw_json (trial)) == 0)
            {
              _eligo_trial_set_id (trial, existing);
              local_stats.unchanged++;
              continue;
            }
        }
      else if (rc != SQLITE_DONE)
        {
          _eligo_database_set_error (self, error);
          goto out;
        }

      /* The criteria are split and ruled once, here, in the trial's
       * transaction; the row is written with the ages they give. */
      criteria = derived != NULL && derived->pdata[i] != NULL
                 ? g_ptr_array_ref (derived->pdata[i])
                 : eligo_criteria_for_trial (trial);

      if (existing != 0)
        {
          /* What the nurse screened against stays readable (eligo-database-history.c). */
          if (!_eligo_database_keep_previous_criteria (self, existing, trial, error))
            goto out;

          sqlite3_reset (update);
          bind_trial (update, trial, criteria, now_text);
          sqlite3_bind_int64 (update, 31, existing);
          rc = sqlite3_step (update);
          _eligo_trial_set_id (trial, existing);
          local_stats.updated++;
        }
      else
        {
          sqlite3_reset (insert);
          bind_trial (insert, trial, criteria, now_text);
          rc = sqlite3_step (insert);
          _eligo_trial_set_id (trial, sqlite3_last_insert_rowid (db));
          local_stats.added++;
        }

      if (rc != SQLITE_DONE)
        {
          _eligo_database_set_error (self, error);
          goto out;
        }

      if (!_eligo_criteria_writer_store_rows (writer, trial, criteria, error))
        goto out;
    }

  ok = TRUE;
  if (stats != NULL)
    {
      stats->added += local_stats.added;
      stats->updated += local_stats.updated;
      stats->unchanged += local_stats.unchanged;
    }

out:
  sqlite3_finalize (insert);
  sqlite3_finalize (update);
  sqlite3_finalize (find);

  return ok;
}

/**
 * eligo_database_import_trials:
 * @trials: (element-type EligoTrial): trials read from one file
 * @stats: (out) (optional): what happened to them, added to what it holds
 *
 * Adds or replaces the trials in one transaction: all of them are stored,
 * or none. A stored trial is replaced unless the new one's last update is
 * older; it keeps its row, so nothing the nurse attached to it is lost.
 */
gboolean
eligo_database_import_trials (EligoDatabase     *self,
                              GPtrArray         *trials,
                              EligoImportStats  *stats,
                              GError           **error)
{
  g_autoptr(GPtrArray) derived = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (trials != NULL, FALSE);

  /* The slow part, splitting and ruling the text, runs before the lock. */
  derived = _eligo_derive_criteria (trials);

  return _eligo_database_import_derived (self, trials, derived, stats, error);
}

/* eligo_database_import_trials() with the criteria already derived. */
gboolean
_eligo_database_import_derived (EligoDatabase     *self,
                                GPtrArray         *trials,
                                GPtrArray         *derived,
                                EligoImportStats  *stats,
                                GError           **error)
{
  if (!_eligo_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!import_trials_in_transaction (self, trials, derived, stats, error) ||
      !_eligo_database_exec (self, "COMMIT", error))
    {
      _eligo_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * eligo_database_import_file:
 *
 * Reads a ClinicalTrials.gov API v2 JSON file and stores its trials in one
 * transaction. On any error the database is left as it was, and the message
 * names the file.
 */
gboolean
eligo_database_import_file (EligoDatabase     *self,
                            GFile             *file,
                            EligoImportStats  *stats,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  trials = eligo_import_parse_file (file, cancellable, error);
  if (trials == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!eligo_database_import_trials (self, trials, stats, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: could not be saved: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
meta_get_flag (EligoDatabase *self,
               const char    *key)
{
  sqlite3_stmt *stmt = NULL;
  gboolean value = FALSE;

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT value FROM meta WHERE key = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      _eligo_database_bind_text (stmt, 1, key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "1") == 0;
    }
  sqlite3_finalize (stmt);

  return value;
}

/**
 * eligo_database_seed_if_new:
 *
 * Fills a new, empty database with the bundled seed trials, once: a nurse
 * who later deletes them does not get them back.
 */
gboolean
eligo_database_seed_if_new (EligoDatabase  *self,
                            GError        **error)
{
  g_autoptr(GPtrArray) trials = NULL;
  g_auto(GStrv) names = NULL;
  GResource *resource;
  guint count;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);

  if (meta_get_flag (self, "seeded"))
    return TRUE;

  count = eligo_database_count_trials (self, NULL, error);
  if (count == G_MAXUINT)
    return FALSE;

  trials = g_ptr_array_new_with_free_func (g_object_unref);

  if (count == 0)
    {
      resource = eligo_seeds_get_resource ();
      names = g_resource_enumerate_children (resource, ELIGO_RESOURCE_BASE "/seeds/",
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (names == NULL)
        return FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (ELIGO_RESOURCE_BASE "/seeds/", names[i], NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GPtrArray) seed_trials = NULL;

          if (!g_str_has_suffix (names[i], ".json"))
            continue;

          bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
          if (bytes == NULL)
            return FALSE;

          seed_trials = eligo_import_parse_bytes (bytes, names[i], error);
          if (seed_trials == NULL)
            return FALSE;

          g_ptr_array_extend_and_steal (trials, g_steal_pointer (&seed_trials));
        }
    }

  if (!_eligo_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!import_trials_in_transaction (self, trials, NULL, NULL, error) ||
      !_eligo_database_exec (self,
                             "INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', '1')",
                             error) ||
      !_eligo_database_exec (self, "COMMIT", error))
    {
      _eligo_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_for_ids (EligoDatabase  *self,
              const char     *sql,
              const gint64   *ids,
              guint           n_ids,
              GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return FALSE;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _eligo_database_set_error (self, error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * eligo_database_set_archived:
 * @ids: (array length=n_ids): trial row ids
 *
 * Archives trials (they leave the lists but keep everything) or brings
 * them back, all in one transaction.
 */
gboolean
eligo_database_set_archived (EligoDatabase  *self,
                             const gint64   *ids,
                             guint           n_ids,
                             gboolean        archived,
                             GError        **error)
{
  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!_eligo_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!exec_for_ids (self, archived ? "UPDATE trials SET archived = 1 WHERE id = ?"
                                    : "UPDATE trials SET archived = 0 WHERE id = ?",
                     ids, n_ids, error) ||
      !_eligo_database_exec (self, "COMMIT", error))
    {
      _eligo_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * eligo_database_delete_trials:
 * @ids: (array length=n_ids): trial row ids
 *
 * Deletes trials in one transaction. The nurse's curated rules stay with
 * the NCT numbers, so a trial imported again finds them.
 *
 * Returns: (transfer container) (element-type EligoTrial) (nullable): the
 *   deleted trials, to hand to eligo_database_restore_trials() for undo
 */
GPtrArray *
eligo_database_delete_trials (EligoDatabase  *self,
                              const gint64   *ids,
                              guint           n_ids,
                              GError        **error)
{
  g_autoptr(GPtrArray) deleted = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  deleted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      EligoTrial *trial = eligo_database_get_trial (self, ids[i], error);

      if (trial == NULL)
        return NULL;
      g_ptr_array_add (deleted, trial);
    }

  if (!_eligo_database_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!exec_for_ids (self, "DELETE FROM trials WHERE id = ?", ids, n_ids, error) ||
      !_eligo_database_exec (self, "COMMIT", error))
    {
      _eligo_database_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&deleted);
}

/**
 * eligo_database_restore_trials:
 * @trials: (element-type EligoTrial): what eligo_database_delete_trials() returned
 *
 * Undoes a deletion: the trials come back as they were, archived or not.
 */
gboolean
eligo_database_restore_trials (EligoDatabase  *self,
                               GPtrArray      *trials,
                               GError        **error)
{
  g_autoptr(GArray) archived = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (trials != NULL, FALSE);

  if (!eligo_database_import_trials (self, trials, NULL, error))
    return FALSE;

  for (guint i = 0; i < trials->len; i++)
    {
      EligoTrial *trial = g_ptr_array_index (trials, i);

      if (eligo_trial_get_archived (trial))
        {
          gint64 id = eligo_trial_get_id (trial);

          g_array_append_val (archived, id);
        }
    }

  return archived->len == 0 ||
         eligo_database_set_archived (self, (const gint64 *) archived->data, archived->len, TRUE,
                                      error);
}
