/* eligo-matcher.c
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
 * Screening one patient against the whole library (DESIGN.md, Data and
 * `match`), without a trial object per trial:
 *
 * 1. SQL narrows the library by the hard limits stored at import
 *    (trial_match: the age range the inclusions require, the registry's
 *    sex, and with recruiting-only the status). A trial set aside this way
 *    fails at least one criterion for this patient.
 * 2. Each remaining trial's profile (the ids of its criteria's rules) is
 *    counted with a verdict per distinct rule, evaluated once per patient.
 * 3. Only if the best @limit are not all free of failures are the trials
 *    set aside counted too: they cannot rank above a trial without one.
 *
 * Trials that profiles cannot stand for are screened the ordinary way
 * (their criteria, eligo_screen()): a rule a nurse curated, an answer the
 * patient carries for one of their criteria, criteria not yet derived by
 * this extractor version.
 *
 * The matcher uses the connection it is given, and only it: to rank off
 * the main thread, give it a database opened on that thread.
 */

#define G_LOG_DOMAIN "eligo-matcher"

#include "config.h"

#include <string.h>

#include "eligo-database-private.h"
#include "eligo-matcher.h"
#include "eligo-rule-extractor.h"

struct _EligoMatcher
{
  GObject        parent_instance;

  EligoDatabase *database;
  gboolean       recruiting_only;
};

G_DEFINE_FINAL_TYPE (EligoMatcher, eligo_matcher, G_TYPE_OBJECT)

static void
eligo_matcher_finalize (GObject *object)
{
  EligoMatcher *self = (EligoMatcher *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (eligo_matcher_parent_class)->finalize (object);
}

static void
eligo_matcher_class_init (EligoMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = eligo_matcher_finalize;
}

static void
eligo_matcher_init (EligoMatcher *self)
{
}

EligoMatcher *
eligo_matcher_new (EligoDatabase *database)
{
  EligoMatcher *self;

  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  self = g_object_new (ELIGO_TYPE_MATCHER, NULL);
  self->database = g_object_ref (database);

  return self;
}

/* Only trials a referred patient could enter now or soon: recruiting, not
 * yet recruiting, or enrolling by invitation (as the Find Trials window's
 * Recruiting toggle counts them). */
void
eligo_matcher_set_recruiting_only (EligoMatcher *self,
                                   gboolean      recruiting_only)
{
  g_return_if_fail (ELIGO_IS_MATCHER (self));

  self->recruiting_only = !!recruiting_only;
}

gboolean
eligo_matcher_status_is_recruiting (const char *status)
{
  return g_strcmp0 (status, "RECRUITING") == 0 || g_strcmp0 (status, "NOT_YET_RECRUITING") == 0 ||
         g_strcmp0 (status, "ENROLLING_BY_INVITATION") == 0;
}

#define RECRUITING_SQL \
  " AND status IN ('RECRUITING', 'NOT_YET_RECRUITING', 'ENROLLING_BY_INVITATION')"

/**
 * eligo_match_compare:
 *
 * Best first: fewest failing criteria, then fewest unknowns, then fewest
 * left to review, then by NCT number (as eligo_screening_result_compare()).
 */
int
eligo_match_compare (const EligoMatch *a,
                     const EligoMatch *b)
{
  static const EligoVerdict order[] = { ELIGO_VERDICT_FAIL, ELIGO_VERDICT_UNKNOWN,
                                        ELIGO_VERDICT_REVIEW };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (a->counts[order[i]] != b->counts[order[i]])
      return a->counts[order[i]] < b->counts[order[i]] ? -1 : 1;

  return strcmp (a->nct_id, b->nct_id);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  return eligo_match_compare (a, b);
}

typedef struct
{
  EligoMatcher  *self;
  EligoPatient  *patient;
  sqlite3       *db;
  sqlite3_stmt  *get_rule;
  GArray        *verdicts;   /* gint8 per rule id: -1 not yet evaluated */
  GHashTable    *slow_nct;   /* NCT ids screened the ordinary way */
  GHashTable    *stale_ids;  /* trial ids whose criteria are not derived by this extractor */
  GArray        *matches;
  EligoMatchStats stats;
} Run;

static void
run_clear (Run *run)
{
  sqlite3_finalize (run->get_rule);
  g_clear_pointer (&run->verdicts, g_array_unref);
  g_clear_pointer (&run->slow_nct, g_hash_table_unref);
  g_clear_pointer (&run->stale_ids, g_hash_table_unref);
  g_clear_pointer (&run->matches, g_array_unref);
}

static gboolean
sql_error (Run     *run,
           GError **error)
{
  _eligo_database_set_error (run->self->database, error);
  return FALSE;
}

/* The verdict of one stored rule for this patient, as eligo_verdict_for_rule(). */
static EligoVerdict
rule_verdict (Run     *run,
              guint32  id)
{
  g_autoptr(EligoRule) rule = NULL;
  EligoVerdict verdict = ELIGO_VERDICT_REVIEW;
  gint8 cached;

  if (id == 0)
    return ELIGO_VERDICT_REVIEW;

  if (id >= run->verdicts->len)
    {
      guint old = run->verdicts->len;

      g_array_set_size (run->verdicts, MAX (id + 1, old * 2));
      memset (run->verdicts->data + old, -1, run->verdicts->len - old);
    }

  cached = g_array_index (run->verdicts, gint8, id);
  if (cached >= 0)
    return (EligoVerdict) cached;

  sqlite3_reset (run->get_rule);
  sqlite3_bind_int64 (run->get_rule, 1, id);
  if (sqlite3_step (run->get_rule) == SQLITE_ROW)
    {
      gboolean inclusion = sqlite3_column_int (run->get_rule, 1) == 0;
      gboolean partial = sqlite3_column_int (run->get_rule, 2) != 0;

      rule = eligo_rule_parse ((const char *) sqlite3_column_text (run->get_rule, 0), NULL, NULL);
      if (rule != NULL)
        {
          EligoTruth truth = eligo_rule_evaluate (rule, eligo_patient_lookup, run->patient);

          if (truth == ELIGO_TRUTH_UNKNOWN)
            verdict = ELIGO_VERDICT_UNKNOWN;
          else if ((truth == ELIGO_TRUTH_TRUE) != inclusion)
            verdict = ELIGO_VERDICT_FAIL;
          else
            verdict = partial ? ELIGO_VERDICT_REVIEW : ELIGO_VERDICT_PASS;
        }
    }

  g_array_index (run->verdicts, gint8, id) = (gint8) verdict;
  return verdict;
}

static void
add_match (Run        *run,
           gint64      trial_id,
           const char *nct_id,
           const guint counts[ELIGO_N_VERDICTS])
{
  EligoMatch match = { trial_id, { 0 }, { 0 } };

  g_strlcpy (match.nct_id, nct_id, sizeof match.nct_id);
  memcpy (match.counts, counts, sizeof match.counts);
  g_array_append_val (run->matches, match);

  run->stats.n_screened++;
  run->stats.n_evaluated++;
  if (counts[ELIGO_VERDICT_FAIL] > 0)
    run->stats.n_ruled_out++;
}

/* Counts the trials of trial_match that @where selects from their profiles. */
static gboolean
scan_profiles (Run           *run,
               const char    *where,
               double         age,
               const char    *sex,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT trial_id, nct_id, profile FROM trial_match WHERE "
                                      "archived = 0",
                                      run->self->recruiting_only ? RECRUITING_SQL : "",
                                      where, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;
  guint n = 0;

  if (sqlite3_prepare_v2 (run->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sql_error (run, error);
  if (sqlite3_bind_parameter_index (stmt, ":age") > 0)
    sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":age"), age);
  if (sqlite3_bind_parameter_index (stmt, ":sex") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":sex"), sex, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 trial_id = sqlite3_column_int64 (stmt, 0);
      const char *nct_id = (const char *) sqlite3_column_text (stmt, 1);
      const guint32 *profile = sqlite3_column_blob (stmt, 2);
      int n_ids = sqlite3_column_bytes (stmt, 2) / (int) sizeof (guint32);
      guint counts[ELIGO_N_VERDICTS] = { 0 };

      if ((++n & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      /* Screened the ordinary way, see run_slow(). */
      if (g_hash_table_contains (run->slow_nct, nct_id) ||
          g_hash_table_contains (run->stale_ids, &trial_id))
        continue;

      for (int i = 0; i < n_ids; i++)
        {
          guint32 id;

          memcpy (&id, profile + i, sizeof id);
          counts[rule_verdict (run, id)]++;
        }
      add_match (run, trial_id, nct_id, counts);
    }

  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return sql_error (run, error);

  return TRUE;
}

/* A trial the profiles cannot stand for: screened from its criteria. */
static gboolean
screen_trial (Run         *run,
              EligoTrial  *trial,
              GError     **error)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(EligoScreeningResult) result = NULL;
  guint counts[ELIGO_N_VERDICTS] = { 0 };

  if (eligo_trial_get_archived (trial) ||
      (run->self->recruiting_only &&
       !eligo_matcher_status_is_recruiting (eligo_trial_get_overall_status (trial))))
    return TRUE;

  criteria = eligo_database_get_criteria (run->self->database, trial, error);
  if (criteria == NULL)
    return FALSE;

  result = eligo_screen (trial, criteria, run->patient);
  for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
    counts[v] = eligo_screening_result_get_count (result, v);
  add_match (run, eligo_trial_get_id (trial), eligo_trial_get_nct_id (trial), counts);

  return TRUE;
}

static gboolean
run_slow (Run      *run,
          GError  **error)
{
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GHashTable) done = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_hash_table_iter_init (&iter, run->stale_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial (run->self->database,
                                                              *(gint64 *) key, error);

      if (trial == NULL || !screen_trial (run, trial, error))
        return FALSE;
      g_hash_table_add (done, key);
    }

  g_hash_table_iter_init (&iter, run->slow_nct);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (run->self->database,
                                                                        key, &local_error);
      gint64 id;

      if (trial == NULL)
        {
          /* A curated rule or an answer for a trial no longer in the library. */
          if (g_error_matches (local_error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      id = eligo_trial_get_id (trial);
      if (g_hash_table_contains (done, &id))
        continue;
      if (!screen_trial (run, trial, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
collect_slow (Run      *run,
              GError  **error)
{
  g_autoptr(GPtrArray) answers = eligo_patient_dup_answers (run->patient);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Trials with a rule a nurse curated. */
  if (sqlite3_prepare_v2 (run->db, "SELECT DISTINCT nct_id FROM curated_rules", -1, &stmt,
                          NULL) != SQLITE_OK)
    return sql_error (run, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (run->slow_nct, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (run, error);

  /* Trials the patient carries an answer for, and those that write a
   * criterion with the same words: the answer decides it there too
   * (eligo_patient_find_answer()). */
  if (sqlite3_prepare_v2 (run->db,
                          "SELECT DISTINCT t.nct_id FROM trial_criteria c "
                          "JOIN trials t ON t.id = c.trial_id WHERE c.match_key = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sql_error (run, error);
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      const EligoAnswer *answer = g_ptr_array_index (answers, i);
      g_autofree char *nct_id = NULL;
      g_autofree char *key = eligo_answer_dup_match_key (answer);

      if (eligo_criterion_id_parse (answer->criterion_id, &nct_id, NULL, NULL))
        g_hash_table_add (run->slow_nct, g_steal_pointer (&nct_id));
      if (key == NULL)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (run->slow_nct, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (rc != SQLITE_DONE)
        {
          sql_error (run, error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);

  /* Trials whose criteria this extractor has not derived yet. */
  if (sqlite3_prepare_v2 (run->db,
                          "SELECT id FROM trials WHERE criteria_version < ?1 OR criteria_version > ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sql_error (run, error);
  sqlite3_bind_int (stmt, 1, ELIGO_RULE_EXTRACTOR_VERSION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (run->stale_ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (run, error);

  return TRUE;
}

/**
 * eligo_matcher_rank:
 * @limit: how many of the best to return; 0 for every trial
 * @stats: (out) (optional): what was screened
 *
 * Screens @patient against every trial of the library (not archived;
 * recruiting only if asked) and ranks them best first.
 *
 * Returns: (transfer full) (element-type EligoMatch) (nullable): the best
 *   @limit trials, best first
 */
GArray *
eligo_matcher_rank (EligoMatcher     *self,
                    EligoPatient     *patient,
                    guint             limit,
                    EligoMatchStats  *stats,
                    GCancellable     *cancellable,
                    GError          **error)
{
  Run run = { self, patient, NULL };
  g_autoptr(GString) limits = g_string_new (NULL);
  g_autofree char *inside = NULL;
  g_autofree char *outside = NULL;
  EligoValue value = { ELIGO_VALUE_UNKNOWN };
  double age = -1;
  const char *other_sex = NULL;
  guint n_inside;
  GArray *result;

  g_return_val_if_fail (ELIGO_IS_MATCHER (self), NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  run.db = _eligo_database_get_handle (self->database);
  run.verdicts = g_array_new (FALSE, FALSE, sizeof (gint8));
  run.slow_nct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.stale_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run.matches = g_array_new (FALSE, FALSE, sizeof (EligoMatch));

  if (sqlite3_prepare_v2 (run.db, "SELECT rule, kind, partial FROM criterion_rules WHERE id = ?",
                          -1, &run.get_rule, NULL) != SQLITE_OK)
    {
      sql_error (&run, error);
      run_clear (&run);
      return NULL;
    }

  /* The hard limits: an age outside the range the inclusions require, the
   * other sex than the registry admits. */
  if (eligo_patient_lookup ("age_years", &value, patient) && value.kind == ELIGO_VALUE_NUMBER)
    {
      age = value.number;
      g_string_append (limits, "(age_low IS NOT NULL AND (:age < age_low OR "
                               "(:age = age_low AND age_low_open))) OR "
                               "(age_high IS NOT NULL AND (:age > age_high OR "
                               "(:age = age_high AND age_high_open)))");
    }
  value.kind = ELIGO_VALUE_UNKNOWN;
  if (eligo_patient_lookup ("sex", &value, patient) && value.kind == ELIGO_VALUE_SYMBOL)
    {
      if (g_strcmp0 (value.symbol, "female") == 0)
        other_sex = "MALE";
      else if (g_strcmp0 (value.symbol, "male") == 0)
        other_sex = "FEMALE";
      if (other_sex != NULL)
        g_string_append_printf (limits, "%ssex IS :sex", limits->len > 0 ? " OR " : "");
    }

  if (limits->len > 0)
    {
      inside = g_strdup_printf (" AND NOT (%s)", limits->str);
      outside = g_strdup_printf (" AND (%s)", limits->str);
    }

  if (!collect_slow (&run, error) ||
      !scan_profiles (&run, inside != NULL ? inside : "", age, other_sex, cancellable, error) ||
      !run_slow (&run, error))
    {
      run_clear (&run);
      return NULL;
    }

  g_array_sort (run.matches, compare_matches);
  n_inside = run.matches->len;

  /* Trials set aside fail at least once: they matter only if the best
   * @limit are not all free of failures. */
  if (outside != NULL)
    {
      if (limit == 0 || n_inside < limit ||
          g_array_index (run.matches, EligoMatch, limit - 1).counts[ELIGO_VERDICT_FAIL] > 0)
        {
          guint before = run.stats.n_screened;

          if (!scan_profiles (&run, outside, age, other_sex, cancellable, error))
            {
              run_clear (&run);
              return NULL;
            }
          run.stats.n_set_aside = run.stats.n_screened - before;
          g_array_sort (run.matches, compare_matches);
        }
      else
        {
          g_autofree char *sql = g_strconcat ("SELECT trial_id, nct_id FROM trial_match WHERE "
                                              "archived = 0",
                                              self->recruiting_only ? RECRUITING_SQL : "",
                                              outside, NULL);
          sqlite3_stmt *stmt = NULL;
          guint n = 0;

          /* Counted for the figures only; the slow ones among them are screened already. */
          if (sqlite3_prepare_v2 (run.db, sql, -1, &stmt, NULL) == SQLITE_OK)
            {
              if (sqlite3_bind_parameter_index (stmt, ":age") > 0)
                sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":age"), age);
              if (sqlite3_bind_parameter_index (stmt, ":sex") > 0)
                sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":sex"), other_sex,
                                   -1, SQLITE_STATIC);
              while (sqlite3_step (stmt) == SQLITE_ROW)
                {
                  gint64 trial_id = sqlite3_column_int64 (stmt, 0);

                  if (!g_hash_table_contains (run.slow_nct, sqlite3_column_text (stmt, 1)) &&
                      !g_hash_table_contains (run.stale_ids, &trial_id))
                    n++;
                }
            }
          sqlite3_finalize (stmt);
          run.stats.n_set_aside = n;
          run.stats.n_screened += n;
          run.stats.n_ruled_out += n;
        }
    }

  if (limit > 0 && run.matches->len > limit)
    g_array_set_size (run.matches, limit);

  if (stats != NULL)
    *stats = run.stats;

  result = g_steal_pointer (&run.matches);
  run_clear (&run);

  return result;
}
