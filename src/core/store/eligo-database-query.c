/* eligo-database-query.c: the trial list's queries: which trials a search,
 * the filters and the sort order select, counted or as row ids
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

#define G_LOG_DOMAIN "eligo-database"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "eligo-database-private.h"
#include "eligo-utils.h"

static const char * const sort_columns[ELIGO_N_SORT_FIELDS] = {
  [ELIGO_SORT_NCT_ID] = "nct_id",
  [ELIGO_SORT_TITLE] = "brief_title COLLATE NOCASE",
  [ELIGO_SORT_STATUS] = "overall_status",
  [ELIGO_SORT_PHASE] = "phases",
  [ELIGO_SORT_ENROLLMENT] = "enrollment",
  [ELIGO_SORT_START_DATE] = "start_date",
  [ELIGO_SORT_COMPLETION_DATE] = "completion_date",
  [ELIGO_SORT_LAST_UPDATE] = "last_update",
  [ELIGO_SORT_SPONSOR] = "lead_sponsor COLLATE NOCASE",
  [ELIGO_SORT_MIN_AGE] = "min_age_years",
  [ELIGO_SORT_MAX_AGE] = "max_age_years",
  [ELIGO_SORT_SEX] = "sex",
  [ELIGO_SORT_CONDITIONS] = "conditions COLLATE NOCASE",
  [ELIGO_SORT_STUDY_TYPE] = "study_type",
  [ELIGO_SORT_PRIMARY_COMPLETION_DATE] = "primary_completion_date",
  [ELIGO_SORT_FIRST_POSTED] = "first_posted",
};

/*
 * Builds "FROM trials WHERE ..." for a query; the parameters to bind are
 * collected in @params as strings (numbers are bound as text and compared
 * after CAST in the SQL).
 */
static char *
build_where (const EligoTrialQuery *query,
             GPtrArray             *params)
{
  g_autoptr(GString) sql = g_string_new ("FROM trials WHERE 1");
  g_autofree char *fts = NULL;

  if (query == NULL)
    return g_string_free (g_steal_pointer (&sql), FALSE);

  if (!query->include_archived)
    g_string_append (sql, " AND archived = 0");

  fts = eligo_fts_query_from_text (query->search);
  if (fts != NULL)
    {
      g_string_append (sql, " AND id IN (SELECT rowid FROM trials_fts WHERE trials_fts MATCH ?)");
      g_ptr_array_add (params, g_steal_pointer (&fts));
    }

  if (query->statuses != NULL && query->statuses[0] != NULL)
    {
      g_string_append (sql, " AND overall_status IN (");
      for (guint i = 0; query->statuses[i] != NULL; i++)
        {
          g_string_append (sql, i == 0 ? "?" : ", ?");
          g_ptr_array_add (params, g_strdup (query->statuses[i]));
        }
      g_string_append (sql, ")");
    }

  if (query->phases != NULL && query->phases[0] != NULL)
    {
      g_string_append (sql, " AND (0");
      for (guint i = 0; query->phases[i] != NULL; i++)
        {
          g_string_append (sql, " OR instr('/' || phases || '/', ?) > 0");
          g_ptr_array_add (params, g_strdup_printf ("/%s/", query->phases[i]));
        }
      g_string_append (sql, ")");
    }

  if (query->study_type != NULL)
    {
      g_string_append (sql, " AND study_type = ?");
      g_ptr_array_add (params, g_strdup (query->study_type));
    }

  if (query->sex != NULL)
    {
      g_string_append (sql, " AND (sex IS NULL OR sex = 'ALL' OR sex = ?)");
      g_ptr_array_add (params, g_strdup (query->sex));
    }

  if (query->patient_age >= 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (buf, sizeof buf, query->patient_age);
      g_string_append (sql, " AND (min_age_years IS NULL OR min_age_years <= CAST(? AS REAL))"
                            " AND (max_age_years IS NULL OR max_age_years >= CAST(? AS REAL))");
      g_ptr_array_add (params, g_strdup (buf));
      g_ptr_array_add (params, g_strdup (buf));
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static sqlite3_stmt *
prepare_query (EligoDatabase  *self,
               const char     *select,
               const char     *where,
               const char     *order,
               GPtrArray      *params,
               GError        **error)
{
  g_autofree char *sql = g_strconcat (select, " ", where, order != NULL ? order : "", NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < params->len; i++)
    _eligo_database_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i));

  return stmt;
}

/**
 * eligo_database_count_trials:
 * @query: (nullable): filters; %NULL counts every trial
 *
 * Returns: the number of trials, or %G_MAXUINT on error
 */
guint
eligo_database_count_trials (EligoDatabase          *self,
                             const EligoTrialQuery  *query,
                             GError                **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL;
  sqlite3_stmt *stmt;
  guint count = G_MAXUINT;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), G_MAXUINT);

  where = build_where (query, params);
  stmt = prepare_query (self, "SELECT count(*)", where, NULL, params, error);
  if (stmt == NULL)
    return G_MAXUINT;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    _eligo_database_set_error (self, error);

  sqlite3_finalize (stmt);

  return count;
}

/**
 * eligo_database_query_ids:
 *
 * Runs @query, sorted by SQLite, and returns the matching row ids only.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the row ids
 */
GArray *
eligo_database_query_ids (EligoDatabase          *self,
                          const EligoTrialQuery  *query,
                          GError                **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *where = NULL;
  g_autofree char *order = NULL;
  EligoSortField sort = ELIGO_SORT_LAST_UPDATE;
  gboolean descending = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);

  if (query != NULL)
    {
      g_return_val_if_fail (query->sort < ELIGO_N_SORT_FIELDS, NULL);
      sort = query->sort;
      descending = query->descending;
    }

  where = build_where (query, params);
  order = g_strdup_printf (" ORDER BY %s %s NULLS LAST, nct_id %s",
                           sort_columns[sort], descending ? "DESC" : "ASC",
                           descending ? "DESC" : "ASC");
  stmt = prepare_query (self, "SELECT id", where, order, params, error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      g_clear_pointer (&ids, g_array_unref);
    }

  sqlite3_finalize (stmt);

  return g_steal_pointer (&ids);
}
