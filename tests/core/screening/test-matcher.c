/* test-matcher.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matching a patient against the whole library from what import stored
 * must rank exactly as screening each trial one by one from its criteria:
 * over a generated library of 20,000 registry-shaped trials (the real
 * records with ids, statuses, ages and sexes of their own), with a curated
 * rule, an archived trial and a nurse's answer in the way.
 */

#include "config.h"

#include <string.h>

#include "eligo-database.h"
#include "eligo-matcher.h"
#include "eligo-test-utils.h"

/* The scale; the AddressSanitizer build, there to check memory and
 * some ten times slower, ranks a tenth of it (the default build runs it all). */
#ifdef __SANITIZE_ADDRESS__
#define N_TRIALS 2000
#else
#define N_TRIALS 20000
#endif

static EligoPatient *
patient_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  EligoPatient *patient;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  patient = eligo_patient_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                         &error);
  g_assert_no_error (error);

  return patient;
}

static void
assert_same_ranking (GArray     *ranked,
                     GArray     *expected,
                     guint       limit,
                     const char *patient)
{
  guint n = limit > 0 ? MIN (limit, expected->len) : expected->len;

  g_test_message ("%s: %u trials ranked, best %s with %u fails", patient, ranked->len,
                  ranked->len > 0 ? g_array_index (ranked, EligoMatch, 0).nct_id : "-",
                  ranked->len > 0 ? g_array_index (ranked, EligoMatch, 0).counts[ELIGO_VERDICT_FAIL] : 0);
  g_assert_cmpuint (ranked->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const EligoMatch *a = &g_array_index (ranked, EligoMatch, i);
      const EligoMatch *b = &g_array_index (expected, EligoMatch, i);

      g_assert_cmpstr (a->nct_id, ==, b->nct_id);
      g_assert_cmpint (a->trial_id, ==, b->trial_id);
      for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
        g_assert_cmpuint (a->counts[v], ==, b->counts[v]);
    }
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  return eligo_match_compare (a, b);
}

static void
test_match_equals_screening (void)
{
  const char * const patients_json[] = {
    "{\"id\": \"M-1\", \"facts\": {\"age_years\": 34, \"sex\": \"female\", \"ecog\": 1,"
    " \"diagnosis\": \"B-ALL\", \"prior_car_t\": false}}",
    "{\"id\": \"M-2\", \"facts\": {\"age_years\": 8, \"sex\": \"male\"}}",
    "{\"id\": \"M-3\", \"facts\": {\"age_years\": 70}}",
    "{\"id\": \"M-4\", \"facts\": {\"sex\": \"male\", \"ecog\": 3}}",
    "{\"id\": \"M-5\", \"facts\": {\"age_years\": 39.5, \"sex\": \"female\"},"
    " \"answers\": {\"NCT90000004/I1\": \"pass\", \"NCT90000009/E1\": \"fail\"}}",
    "{\"id\": \"M-6\", \"facts\": {\"age_years\": 65, \"sex\": \"male\", \"ecog\": 0}}",
  };
  g_autofree char *dir = eligo_test_tmp_path ("library");
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoMatcher) matcher = eligo_matcher_new (database);
  g_autoptr(EligoCriterion) curated = NULL;
  g_autoptr(EligoTrial) archived = NULL;
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) expected_recruiting =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(EligoTrialQuery) query = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 start;

  start = g_get_monotonic_time ();
  pages = eligo_test_write_library (dir, N_TRIALS, 500);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (pages, i));

      g_assert_true (eligo_database_import_file (database, file, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, N_TRIALS + 5);
  g_test_message ("generated and imported %u trials in %.1f s", N_TRIALS,
                  (g_get_monotonic_time () - start) / 1e6);

  /* A nurse's rule that rules everyone out, and an archived trial: both
   * must be seen by the matcher as they are by screening. */
  curated = eligo_database_curate (database, "NCT90000002/I1", "age_years >= 200", FALSE,
                                   "Test", &error);
  g_assert_no_error (error);
  archived = eligo_database_get_trial_by_nct_id (database, "NCT90000006", &error);
  g_assert_no_error (error);
  id = eligo_trial_get_id (archived);
  g_assert_true (eligo_database_set_archived (database, &id, 1, TRUE, &error));
  g_assert_no_error (error);

  for (guint p = 0; p < G_N_ELEMENTS (patients_json); p++)
    g_ptr_array_add (patients, patient_from_json (patients_json[p]));

  /* An answer given with the criterion's words: it decides the same words
   * in every other trial of the library that writes them (the generated
   * library repeats the real records' criteria), and the matcher must
   * find those trials. */
  {
    g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, "NCT90000011",
                                                                      &error);
    g_autoptr(GPtrArray) criteria = NULL;
    EligoPatient *patient = patient_from_json ("{\"id\": \"M-7\", \"facts\": "
                                               "{\"age_years\": 45, \"sex\": \"female\"}}");

    g_assert_no_error (error);
    criteria = eligo_database_get_criteria (database, trial, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (criteria->len, >, 1);
    eligo_patient_answer_criterion (patient, g_ptr_array_index (criteria, criteria->len - 1),
                                    ELIGO_ANSWER_FAIL, NULL, NULL, NULL);
    eligo_patient_answer_criterion (patient, g_ptr_array_index (criteria, 0),
                                    ELIGO_ANSWER_PASS, NULL, NULL, NULL);
    g_ptr_array_add (patients, patient);
  }

  for (guint p = 0; p < patients->len; p++)
    {
      g_ptr_array_add (expected, g_array_new (FALSE, FALSE, sizeof (EligoMatch)));
      g_ptr_array_add (expected_recruiting, g_array_new (FALSE, FALSE, sizeof (EligoMatch)));
    }

  /* One by one, the ordinary way: each trial's criteria, screened. */
  start = g_get_monotonic_time ();
  query = eligo_trial_query_new ();
  ids = eligo_database_query_ids (database, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial (database,
                                                              g_array_index (ids, gint64, i),
                                                              &error);
      g_autoptr(GPtrArray) criteria = NULL;

      g_assert_no_error (error);
      criteria = eligo_database_get_criteria (database, trial, &error);
      g_assert_no_error (error);

      for (guint p = 0; p < patients->len; p++)
        {
          g_autoptr(EligoScreeningResult) result = eligo_screen (trial, criteria,
                                                                 g_ptr_array_index (patients, p));
          EligoMatch match = { eligo_trial_get_id (trial), { 0 }, { 0 } };

          g_strlcpy (match.nct_id, eligo_trial_get_nct_id (trial), sizeof match.nct_id);
          for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
            match.counts[v] = eligo_screening_result_get_count (result, v);
          g_array_append_val (g_ptr_array_index (expected, p), match);
          if (eligo_matcher_status_is_recruiting (eligo_trial_get_overall_status (trial)))
            g_array_append_val (g_ptr_array_index (expected_recruiting, p), match);
        }
    }
  g_test_message ("screened %u trials one by one for %u patients in %.1f s", ids->len,
                  patients->len, (g_get_monotonic_time () - start) / 1e6);

  for (guint p = 0; p < patients->len; p++)
    {
      EligoPatient *patient = g_ptr_array_index (patients, p);
      const char *name = eligo_patient_get_screening_id (patient);
      GArray *all = g_ptr_array_index (expected, p);
      GArray *recruiting = g_ptr_array_index (expected_recruiting, p);
      EligoMatchStats stats = { 0 };
      guint n_failing = 0;

      g_array_sort (all, compare_matches);
      g_array_sort (recruiting, compare_matches);
      for (guint i = 0; i < all->len; i++)
        if (g_array_index (all, EligoMatch, i).counts[ELIGO_VERDICT_FAIL] > 0)
          n_failing++;

      eligo_matcher_set_recruiting_only (matcher, FALSE);
      {
        g_autoptr(GArray) ranked = eligo_matcher_rank (matcher, patient, 0, &stats, NULL, &error);

        g_assert_no_error (error);
        assert_same_ranking (ranked, all, 0, name);
        g_assert_cmpuint (stats.n_screened, ==, all->len);
        g_assert_cmpuint (stats.n_ruled_out, ==, n_failing);
      }
      for (guint l = 0; l < 3; l++)
        {
          static const guint limits[] = { 1, 10, 500 };
          g_autoptr(GArray) ranked = eligo_matcher_rank (matcher, patient, limits[l], &stats,
                                                         NULL, &error);

          g_assert_no_error (error);
          assert_same_ranking (ranked, all, limits[l], name);
          /* However many were evaluated, the figures are the library's. */
          g_assert_cmpuint (stats.n_screened, ==, all->len);
          g_assert_cmpuint (stats.n_ruled_out, ==, n_failing);
          g_assert_cmpuint (stats.n_evaluated, <=, all->len);
        }

      eligo_matcher_set_recruiting_only (matcher, TRUE);
      {
        g_autoptr(GArray) ranked = eligo_matcher_rank (matcher, patient, 0, NULL, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (recruiting->len, >, 0);
        g_assert_cmpuint (recruiting->len, <, all->len);
        assert_same_ranking (ranked, recruiting, 0, name);
      }
      {
        g_autoptr(GArray) ranked = eligo_matcher_rank (matcher, patient, 20, NULL, NULL, &error);

        g_assert_no_error (error);
        assert_same_ranking (ranked, recruiting, 20, name);
      }
    }

  /* The age limits set trials aside in SQL: the 8-year-old is ruled out
   * of many without their rules being read. */
  {
    EligoMatchStats stats = { 0 };
    g_autoptr(GArray) ranked = NULL;

    eligo_matcher_set_recruiting_only (matcher, FALSE);
    ranked = eligo_matcher_rank (matcher, g_ptr_array_index (patients, 1), 0, &stats, NULL,
                                 &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stats.n_set_aside, >, N_TRIALS / 4);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/matcher/equals-screening", test_match_equals_screening);

  return g_test_run ();
}
