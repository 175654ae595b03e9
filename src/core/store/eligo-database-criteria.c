/* eligo-database-criteria.c
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

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-database-private.h"
#include "eligo-utils.h"

/**
 * eligo_criterion_id_parse:
 * @criterion_id: e.g. "NCT07072494/E3"
 *
 * Returns: %TRUE if @criterion_id is of the form NCTID/I<n> or NCTID/E<n>
 */
gboolean
eligo_criterion_id_parse (const char          *criterion_id,
                          char               **nct_id,
                          EligoCriterionKind  *kind,
                          guint               *number)
{
  g_autofree char *nct = NULL;
  const char *slash;
  guint64 n;
  char *end;

  if (criterion_id == NULL || (slash = strchr (criterion_id, '/')) == NULL)
    return FALSE;

  nct = g_ascii_strup (criterion_id, slash - criterion_id);
  if (!eligo_nct_id_is_valid (nct))
    return FALSE;

  if (slash[1] != 'I' && slash[1] != 'E' && slash[1] != 'i' && slash[1] != 'e')
    return FALSE;

  if (!g_ascii_isdigit (slash[2]))
    return FALSE;
  n = g_ascii_strtoull (slash + 2, &end, 10);
  if (*end != '\0' || n == 0 || n > G_MAXUINT)
    return FALSE;

  if (nct_id != NULL)
    *nct_id = g_steal_pointer (&nct);
  if (kind != NULL)
    *kind = (slash[1] == 'I' || slash[1] == 'i') ? ELIGO_CRITERION_INCLUSION
                                                 : ELIGO_CRITERION_EXCLUSION;
  if (number != NULL)
    *number = (guint) n;

  return TRUE;
}

/*
 * Curated rules are found by the criterion's kind and words (its match
 * key), so they follow a criterion that moved, and leave one whose words
 * changed to the nurse again.
 */
static gboolean
apply_curated (EligoDatabase  *self,
               const char     *nct_id,
               GPtrArray      *criteria,
               GError        **error)
{
  sqlite3 *db = _eligo_database_get_handle (self);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);

      g_hash_table_insert (by_key, eligo_criterion_dup_match_key (criterion), criterion);
    }

  if (sqlite3_prepare_v2 (db,
                          "SELECT match_key, rule, partial, author, created_at "
                          "FROM curated_rules WHERE nct_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, nct_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *rule_text = (const char *) sqlite3_column_text (stmt, 1);
      const char *created = (const char *) sqlite3_column_text (stmt, 4);
      EligoCriterion *criterion = g_hash_table_lookup (by_key, key);
      g_autoptr(EligoRule) rule = NULL;
      g_autoptr(GDateTime) time = NULL;
      g_autoptr(GError) parse_error = NULL;

      if (criterion == NULL)
        continue;

      if (rule_text != NULL)
        {
          rule = eligo_rule_parse (rule_text, NULL, &parse_error);
          if (rule == NULL)
            {
              /* Written by a newer Eligo with variables this one lacks: leave it for review. */
              g_message ("Curated rule of %s cannot be read: %s",
                         eligo_criterion_get_id (criterion), parse_error->message);
              eligo_criterion_set_rule (criterion, NULL, FALSE, ELIGO_ORIGIN_CURATED);
              continue;
            }
        }

      eligo_criterion_set_rule (criterion, rule, sqlite3_column_int (stmt, 2) != 0,
                                ELIGO_ORIGIN_CURATED);
      if (created != NULL)
        time = g_date_time_new_from_iso8601 (created, NULL);
      eligo_criterion_set_curation (criterion, (const char *) sqlite3_column_text (stmt, 3), time);
    }

  if (rc != SQLITE_DONE)
    _eligo_database_set_error (self, error);

  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/**
 * eligo_database_get_criteria:
 *
 * Returns: (transfer container) (element-type EligoCriterion) (nullable):
 *   the trial's criteria with the rules nurses curated in place
 */
GPtrArray *
eligo_database_get_criteria (EligoDatabase  *self,
                             EligoTrial     *trial,
                             GError        **error)
{
  g_autoptr(GPtrArray) criteria = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

  {
    g_autoptr(GError) local_error = NULL;
    gboolean stored = FALSE;

    /* Stored at import; a trial not yet re-derived by this extractor
     * version (the app does that in the background) is read from its text. */
    criteria = _eligo_database_load_criteria (self, trial, &stored, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
    if (!stored)
      criteria = eligo_criteria_for_trial (trial);
  }
  if (!apply_curated (self, eligo_trial_get_nct_id (trial), criteria, error))
    return NULL;

  return g_steal_pointer (&criteria);
}

static EligoCriterion *
find_criterion (EligoDatabase  *self,
                const char     *criterion_id,
                GPtrArray     **criteria_out,
                GError        **error)
{
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree char *nct_id = NULL;
  EligoCriterionKind kind;
  guint number;

  if (!eligo_criterion_id_parse (criterion_id, &nct_id, &kind, &number))
    {
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_INVALID,
                   _("“%s” is not a criterion id such as NCT07072494/I3 or NCT07072494/E2"),
                   criterion_id);
      return NULL;
    }

  trial = eligo_database_get_trial_by_nct_id (self, nct_id, error);
  if (trial == NULL)
    return NULL;

  criteria = eligo_database_get_criteria (self, trial, error);
  if (criteria == NULL)
    return NULL;

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);

      if (eligo_criterion_get_kind (criterion) == kind &&
          eligo_criterion_get_number (criterion) == number)
        {
          *criteria_out = g_steal_pointer (&criteria);
          return criterion;
        }
    }

  g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND,
               _("Trial %s has no criterion %s"), nct_id, criterion_id);
  return NULL;
}

/**
 * eligo_database_curate:
 * @criterion_id: e.g. "NCT07072494/E3"
 * @rule: (nullable): the rule in the rule language; %NULL clears the rule,
 *   so the criterion is for the nurse to review
 * @partial: the rule covers only part of the criterion
 * @author: (nullable): who wrote it
 *
 * Sets the rule of a criterion, kept across re-imports of the trial. A rule
 * that does not parse is refused with the column of the problem.
 *
 * Returns: (transfer full) (nullable): the criterion as it now stands
 */
EligoCriterion *
eligo_database_curate (EligoDatabase  *self,
                       const char     *criterion_id,
                       const char     *rule,
                       gboolean        partial,
                       const char     *author,
                       GError        **error)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(EligoRule) parsed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *key = NULL;
  g_autofree char *canonical = NULL;
  EligoCriterion *criterion;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  if (rule != NULL)
    {
      parsed = eligo_rule_parse (rule, NULL, error);
      if (parsed == NULL)
        return NULL;
      canonical = eligo_rule_to_string (parsed);
    }

  criterion = find_criterion (self, criterion_id, &criteria, error);
  if (criterion == NULL)
    return NULL;

  db = _eligo_database_get_handle (self);
  key = eligo_criterion_dup_match_key (criterion);
  if (sqlite3_prepare_v2 (db,
                          "INSERT OR REPLACE INTO curated_rules "
                          "(nct_id, match_key, number, text, rule, partial, author, created_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, eligo_criterion_get_nct_id (criterion), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) eligo_criterion_get_number (criterion));
  sqlite3_bind_text (stmt, 4, eligo_criterion_get_text (criterion), -1, SQLITE_TRANSIENT);
  if (canonical != NULL)
    sqlite3_bind_text (stmt, 5, canonical, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, parsed != NULL && partial);
  if (author != NULL && *author != '\0')
    sqlite3_bind_text (stmt, 7, author, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_text (stmt, 8, now_text, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  eligo_criterion_set_rule (criterion, parsed, partial, ELIGO_ORIGIN_CURATED);
  eligo_criterion_set_curation (criterion, author, now);

  return g_object_ref (criterion);
}

/**
 * eligo_database_uncurate:
 *
 * Drops the nurse's rule for a criterion: the parsed or structured rule
 * applies again.
 */
gboolean
eligo_database_uncurate (EligoDatabase  *self,
                         const char     *criterion_id,
                         GError        **error)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree char *key = NULL;
  EligoCriterion *criterion;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);

  criterion = find_criterion (self, criterion_id, &criteria, error);
  if (criterion == NULL)
    return FALSE;

  key = eligo_criterion_dup_match_key (criterion);
  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "DELETE FROM curated_rules WHERE nct_id = ? AND match_key = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, eligo_criterion_get_nct_id (criterion), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}
