/* eligo-screening-log.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Patients, saved screenings, the screening log and its funnel.
 * Nothing here logs patient data.
 */

#define G_LOG_DOMAIN "eligo-screening-log"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-database-private.h"
#include "eligo-screening-log.h"

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
json_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Inserts or updates the patient; returns the row id, 0 on error. */
static gint64
upsert_patient (EligoDatabase  *self,
                EligoPatient   *patient,
                GError        **error)
{
  sqlite3 *db = _eligo_database_get_handle (self);
  g_autoptr(JsonObject) object = eligo_patient_to_json (patient);
  g_autofree char *data = json_text (object);
  g_autofree char *now = now_iso ();
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO patients (screening_id, initials, birth_year, data,"
                          "                      created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
                          " ON CONFLICT (screening_id) DO UPDATE SET"
                          "   initials = excluded.initials, birth_year = excluded.birth_year,"
                          "   data = excluded.data, updated_at = excluded.updated_at"
                          " RETURNING id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return 0;
    }

  sqlite3_bind_text (stmt, 1, eligo_patient_get_screening_id (patient), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, eligo_patient_get_initials (patient));
  if (eligo_patient_get_birth_year (patient) > 0)
    sqlite3_bind_int (stmt, 3, eligo_patient_get_birth_year (patient));
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, data, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    _eligo_database_set_error (self, error);

  sqlite3_finalize (stmt);

  return id;
}

/**
 * eligo_database_save_patient:
 *
 * Stores the patient's facts and answers under its screening id, replacing
 * what was stored for that id.
 */
gboolean
eligo_database_save_patient (EligoDatabase  *self,
                             EligoPatient   *patient,
                             GError        **error)
{
  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), FALSE);

  return upsert_patient (self, patient, error) != 0;
}

/**
 * eligo_database_load_patient:
 *
 * Returns: (transfer full) (nullable): the patient, or %NULL with
 *   %ELIGO_DATABASE_ERROR_NOT_FOUND
 */
EligoPatient *
eligo_database_load_patient (EligoDatabase  *self,
                             const char     *screening_id,
                             GError        **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  EligoPatient *patient = NULL;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (screening_id != NULL, NULL);

  db = _eligo_database_get_handle (self);
  if (sqlite3_prepare_v2 (db, "SELECT data FROM patients WHERE screening_id = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, screening_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                                   error);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        patient = eligo_patient_new_from_json (json_node_get_object (node), error);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND,
                 _("There is no patient %s in the database"), screening_id);
  else
    _eligo_database_set_error (self, error);

  sqlite3_finalize (stmt);

  return patient;
}

/**
 * eligo_database_dup_screening_ids:
 *
 * Returns: (transfer full) (nullable): the screening ids of every stored
 *   patient, sorted
 */
char **
eligo_database_dup_screening_ids (EligoDatabase  *self,
                                  GError        **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT screening_id FROM patients ORDER BY screening_id", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static char *
short_criterion (EligoCriterion *criterion)
{
  const char *id = strchr (eligo_criterion_get_id (criterion), '/') + 1;
  const char *text = eligo_criterion_get_text (criterion);
  g_autoptr(GString) out = g_string_new (id);
  glong n = 0;

  g_string_append (out, ": ");
  for (const char *p = text; *p && n < 60; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c == '\n' ? ' ' : c);
    }
  if (g_utf8_strlen (text, -1) > 60)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * eligo_database_save_screening:
 * @screener: (nullable): who screened
 * @site: (nullable): where
 *
 * Saves the patient and a snapshot of this screening: facts, answers, every
 * criterion's verdict and the trial version. Old screenings are never
 * rewritten; each save is a new one.
 *
 * Returns: the screening's row id, or 0 on error
 */
gint64
eligo_database_save_screening (EligoDatabase         *self,
                               EligoPatient          *patient,
                               EligoScreeningResult  *result,
                               const char            *screener,
                               const char            *site,
                               GError               **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  EligoTrial *trial;
  g_autoptr(JsonObject) snapshot = json_object_new ();
  g_autoptr(GString) failing = g_string_new (NULL);
  g_autofree char *snapshot_text = NULL;
  g_autofree char *now = now_iso ();
  gint64 patient_id, screening = 0;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), 0);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), 0);
  g_return_val_if_fail (result != NULL, 0);

  db = _eligo_database_get_handle (self);
  trial = eligo_screening_result_get_trial (result);

  json_object_set_object_member (snapshot, "patient", eligo_patient_to_json (patient));
  json_object_set_object_member (snapshot, "result", eligo_screening_result_to_json (result));
  json_object_set_string_member (snapshot, "title", eligo_trial_get_brief_title (trial));
  if (eligo_trial_get_last_update (trial) != NULL)
    json_object_set_string_member (snapshot, "trial_last_update", eligo_trial_get_last_update (trial));
  if (screener != NULL)
    json_object_set_string_member (snapshot, "screener", screener);
  if (site != NULL)
    json_object_set_string_member (snapshot, "site", site);
  json_object_set_string_member (snapshot, "screened_at", now);
  snapshot_text = json_text (snapshot);

  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);
      g_autofree char *text = NULL;

      if (r->verdict != ELIGO_VERDICT_FAIL)
        continue;
      text = short_criterion (r->criterion);
      if (failing->len > 0)
        g_string_append (failing, "; ");
      g_string_append (failing, text);
    }

  if (!_eligo_database_exec (self, "BEGIN IMMEDIATE", error))
    return 0;

  patient_id = upsert_patient (self, patient, error);
  if (patient_id == 0)
    goto failed;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO screenings (patient_id, screening_id, nct_id, trial_title,"
                          "  trial_last_update, verdict, n_pass, n_fail, n_unknown, n_review,"
                          "  failing, screener, site, screened_at, snapshot)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      goto failed;
    }

  sqlite3_bind_int64 (stmt, 1, patient_id);
  sqlite3_bind_text (stmt, 2, eligo_patient_get_screening_id (patient), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, eligo_trial_get_nct_id (trial), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, eligo_trial_get_brief_title (trial));
  bind_text_or_null (stmt, 5, eligo_trial_get_last_update (trial));
  sqlite3_bind_text (stmt, 6,
                     eligo_trial_verdict_to_string (eligo_screening_result_get_verdict (result)),
                     -1, SQLITE_STATIC);
  for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
    sqlite3_bind_int (stmt, 7 + v, eligo_screening_result_get_count (result, v));
  bind_text_or_null (stmt, 11, failing->str);
  bind_text_or_null (stmt, 12, screener);
  bind_text_or_null (stmt, 13, site);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, snapshot_text, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      sqlite3_finalize (stmt);
      goto failed;
    }
  sqlite3_finalize (stmt);
  screening = sqlite3_last_insert_rowid (db);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO screening_failures (screening, criterion_id, text)"
                          " VALUES (?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      goto failed;
    }

  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);
      g_autofree char *text = NULL;

      if (r->verdict != ELIGO_VERDICT_FAIL)
        continue;

      text = short_criterion (r->criterion);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, screening);
      sqlite3_bind_text (stmt, 2, eligo_criterion_get_id (r->criterion), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _eligo_database_set_error (self, error);
          sqlite3_finalize (stmt);
          goto failed;
        }
    }
  sqlite3_finalize (stmt);

  if (!_eligo_database_exec (self, "COMMIT", error))
    goto failed;

  return screening;

failed:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return 0;
}

void
eligo_screening_record_free (EligoScreeningRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->screening_id);
  g_free (record->nct_id);
  g_free (record->trial_title);
  g_free (record->trial_last_update);
  g_free (record->verdict);
  g_free (record->failing);
  g_free (record->screener);
  g_free (record->site);
  g_free (record->screened_at);
  g_free (record->criteria_changed);
  g_free (record);
}

/**
 * eligo_database_list_screenings:
 * @filter: (nullable): which screenings
 *
 * Returns: (transfer container) (element-type EligoScreeningRecord)
 *   (nullable): the saved screenings, newest first
 */
GPtrArray *
eligo_database_list_screenings (EligoDatabase               *self,
                                const EligoScreeningFilter  *filter,
                                GError                     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autofree char *until = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);

  sql = g_string_new ("SELECT id, screening_id, nct_id, trial_title, trial_last_update, verdict,"
                      " n_pass, n_fail, n_unknown, n_review, failing, screener, site, screened_at, "
                      _ELIGO_CRITERIA_CHANGED_SQL " FROM screenings s WHERE 1");
  if (filter != NULL)
    {
      if (filter->nct_id != NULL)
        {
          g_string_append (sql, " AND nct_id = ?");
          g_ptr_array_add (params, (gpointer) filter->nct_id);
        }
      if (filter->screening_id != NULL)
        {
          g_string_append (sql, " AND screening_id = ?");
          g_ptr_array_add (params, (gpointer) filter->screening_id);
        }
      if (filter->verdict != NULL)
        {
          g_string_append (sql, " AND verdict = ?");
          g_ptr_array_add (params, (gpointer) filter->verdict);
        }
      if (filter->since != NULL)
        {
          g_string_append (sql, " AND screened_at >= ?");
          g_ptr_array_add (params, (gpointer) filter->since);
        }
      if (filter->until != NULL)
        {
          /* Inclusive of the whole last day. */
          until = g_strconcat (filter->until, "T99", NULL);
          g_string_append (sql, " AND screened_at <= ?");
          g_ptr_array_add (params, until);
        }
    }
  g_string_append (sql, " ORDER BY screened_at DESC, id DESC");

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (params, i), -1, SQLITE_TRANSIENT);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_screening_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EligoScreeningRecord *record = g_new0 (EligoScreeningRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->screening_id = column_dup (stmt, 1);
      record->nct_id = column_dup (stmt, 2);
      record->trial_title = column_dup (stmt, 3);
      record->trial_last_update = column_dup (stmt, 4);
      record->verdict = column_dup (stmt, 5);
      for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
        record->counts[v] = (guint) sqlite3_column_int (stmt, 6 + v);
      record->failing = column_dup (stmt, 10);
      record->screener = column_dup (stmt, 11);
      record->site = column_dup (stmt, 12);
      record->screened_at = column_dup (stmt, 13);
      record->criteria_changed = column_dup (stmt, 14);
      g_ptr_array_add (records, record);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * eligo_database_get_snapshot:
 *
 * Returns: (transfer full) (nullable): what was saved with the screening:
 *   "patient", "result", "title", "trial_last_update", "screener", "site",
 *   "screened_at"
 */
JsonObject *
eligo_database_get_snapshot (EligoDatabase  *self,
                             gint64          screening,
                             GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  JsonObject *object = NULL;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT snapshot FROM screenings WHERE id = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, screening);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                                   error);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        object = json_object_ref (json_node_get_object (node));
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND,
                         _("That screening is not in the database"));
  else
    _eligo_database_set_error (self, error);

  sqlite3_finalize (stmt);

  return object;
}

void
eligo_funnel_free (EligoFunnel *funnel)
{
  if (funnel == NULL)
    return;

  g_free (funnel->nct_id);
  g_clear_pointer (&funnel->reasons, g_ptr_array_unref);
  g_free (funnel);
}

static void
reason_free (gpointer data)
{
  EligoFunnelReason *reason = data;

  g_free (reason->criterion);
  g_free (reason);
}

/**
 * eligo_database_get_funnel:
 *
 * Counts, for one trial, the patients screened and what their latest
 * screening found, with the most common reasons for ineligibility.
 *
 * Returns: (transfer full) (nullable): the funnel
 */
EligoFunnel *
eligo_database_get_funnel (EligoDatabase  *self,
                           const char     *nct_id,
                           GError        **error)
{
  static const char latest[] =
    "WITH latest AS (SELECT s.id, s.verdict FROM screenings s WHERE s.nct_id = ?1 AND s.id ="
    " (SELECT max (s2.id) FROM screenings s2 WHERE s2.patient_id = s.patient_id"
    "  AND s2.nct_id = s.nct_id)) ";
  g_autoptr(EligoFunnel) funnel = g_new0 (EligoFunnel, 1);
  g_autofree char *counts_sql = g_strconcat (latest, "SELECT verdict, count (*) FROM latest GROUP BY verdict", NULL);
  g_autofree char *reasons_sql = g_strconcat (latest,
                                              "SELECT f.text, count (*) FROM screening_failures f"
                                              " JOIN latest l ON f.screening = l.id"
                                              " GROUP BY f.criterion_id"
                                              " ORDER BY count (*) DESC, f.criterion_id", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (nct_id != NULL, NULL);

  db = _eligo_database_get_handle (self);
  funnel->nct_id = g_strdup (nct_id);
  funnel->reasons = g_ptr_array_new_with_free_func (reason_free);

  if (sqlite3_prepare_v2 (db, counts_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, nct_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *verdict = (const char *) sqlite3_column_text (stmt, 0);
      guint n = (guint) sqlite3_column_int (stmt, 1);

      funnel->screened += n;
      if (g_strcmp0 (verdict, "eligible") == 0)
        funnel->eligible = n;
      else if (g_strcmp0 (verdict, "ineligible") == 0)
        funnel->ineligible = n;
      else
        funnel->pending += n;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db, reasons_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, nct_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EligoFunnelReason *reason = g_new0 (EligoFunnelReason, 1);

      reason->criterion = column_dup (stmt, 0);
      reason->count = (guint) sqlite3_column_int (stmt, 1);
      g_ptr_array_add (funnel->reasons, reason);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&funnel);
}

static void
csv_cell (GString    *out,
          const char *text,
          gboolean    last)
{
  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);

  g_string_append (out, last ? "\r\n" : ",");
}

static const char *
outcome_word (const char *verdict)
{
  if (g_strcmp0 (verdict, "eligible") == 0)
    return "Eligible";
  if (g_strcmp0 (verdict, "ineligible") == 0)
    return "Not eligible";
  return "Pending";
}

/**
 * eligo_screening_log_to_csv:
 * @records: (element-type EligoScreeningRecord): log lines
 *
 * The screening log as RFC 4180 CSV, in the columns a coordinator's
 * screening log uses. The header and outcome words are fixed English
 * so spreadsheets and scripts can rely on them.
 *
 * Returns: (transfer full): the CSV text
 */
char *
eligo_screening_log_to_csv (GPtrArray *records)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static const char * const header[] = {
    "Screening date", "Screening ID", "NCT ID", "Trial", "Trial version", "Screener", "Site",
    "Outcome", "Reasons not eligible", "Criteria passed", "Criteria failed",
    "Criteria unknown", "Criteria to review",
  };

  g_return_val_if_fail (records != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    csv_cell (out, header[i], i + 1 == G_N_ELEMENTS (header));

  for (guint i = 0; i < records->len; i++)
    {
      const EligoScreeningRecord *r = g_ptr_array_index (records, i);
      g_autofree char *date = g_strndup (r->screened_at, 10);
      char numbers[ELIGO_N_VERDICTS][16];

      for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
        g_snprintf (numbers[v], sizeof numbers[v], "%u", r->counts[v]);

      csv_cell (out, date, FALSE);
      csv_cell (out, r->screening_id, FALSE);
      csv_cell (out, r->nct_id, FALSE);
      csv_cell (out, r->trial_title, FALSE);
      csv_cell (out, r->trial_last_update, FALSE);
      csv_cell (out, r->screener, FALSE);
      csv_cell (out, r->site, FALSE);
      csv_cell (out, outcome_word (r->verdict), FALSE);
      csv_cell (out, r->failing, FALSE);
      csv_cell (out, numbers[ELIGO_VERDICT_PASS], FALSE);
      csv_cell (out, numbers[ELIGO_VERDICT_FAIL], FALSE);
      csv_cell (out, numbers[ELIGO_VERDICT_UNKNOWN], FALSE);
      csv_cell (out, numbers[ELIGO_VERDICT_REVIEW], TRUE);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
