/* test-match-report.c
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
 * The ranked list for a patient (src/report/eligo-match-report.c): the
 * words for a failing criterion, the header counts, the missing facts, and
 * a real PDF of the five seed trials read back with pdftotext.
 */

#define G_LOG_DOMAIN "test-match-report"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-match-report.h"
#include "eligo-report-pdf.h"
#include "eligo-test-utils.h"

/* Shaped like a seed patient: a woman of 50 with B-ALL after CAR-T, ECOG 2. */
static const char patient_json[] =
  "{\"id\": \"SCR-0042\", \"facts\": {\"age_years\": 50, \"sex\": \"female\", \"ecog\": 2,"
  " \"diagnosis\": \"B-ALL\", \"cd19_positive\": true, \"prior_car_t\": true}}";

static void
release_font_caches (void)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
}

static EligoPatient *
load_patient (void)
{
  g_autoptr(JsonNode) node = json_from_string (patient_json, NULL);
  g_autoptr(GError) error = NULL;
  EligoPatient *patient;

  g_assert_nonnull (node);
  patient = eligo_patient_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);

  return patient;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  return eligo_screening_result_compare (*(EligoScreeningResult **) a,
                                         *(EligoScreeningResult **) b);
}

/* Every trial screened one by one, then ranked. */
static GPtrArray *
screen_library (EligoDatabase *database,
                EligoPatient  *patient)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_screening_result_unref);

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
      g_ptr_array_add (results, eligo_screen (trial, criteria, patient));
    }
  g_ptr_array_sort (results, compare_results);

  return results;
}

static EligoScreeningResult *
find_result (GPtrArray  *results,
             const char *nct_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      EligoScreeningResult *result = g_ptr_array_index (results, i);

      if (g_str_equal (eligo_trial_get_nct_id (eligo_screening_result_get_trial (result)), nct_id))
        return result;
    }

  g_assert_not_reached ();
}

typedef struct
{
  char          *dir;
  EligoDatabase *database;
  EligoPatient  *patient;
  GPtrArray     *results;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("eligo-test-match-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "eligo.db", NULL);
  fixture->database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
  fixture->patient = load_patient ();
  fixture->results = screen_library (fixture->database, fixture->patient);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->results, g_ptr_array_unref);
  g_clear_object (&fixture->patient);
  g_assert_finalize_object (fixture->database);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
test_describe_failure (Fixture       *fixture,
                       gconstpointer  data)
{
  struct {
    const char *nct_id;
    const char *text;   /* NULL: nothing fails */
  } cases[] = {
    /* inclusion "ecog <= 1" */
    { "NCT03754764", "ECOG performance status ≤ 1 — patient has 2" },
    /* inclusion "age_years >= 1 and age_years < 40": the conjunct that is false */
    { "NCT06389305", "Age < 40 years — patient has 50 years" },
    /* exclusion "prior_car_t" */
    { "NCT07072494", "Excluded if Prior CAR-T therapy: yes — patient: yes" },
    { "NCT07087847", NULL },
    { "NCT06585345", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EligoScreeningResult *result = find_result (fixture->results, cases[i].nct_id);
      g_autofree char *text = eligo_match_describe_failure (result, fixture->patient);

      g_test_message ("%s: %s", cases[i].nct_id, text);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true ((eligo_match_first_failure (result) != NULL) == (cases[i].text != NULL));
    }
}

static void
test_answered_failure (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (fixture->database,
                                                                    "NCT07087847", &error);
  g_autoptr(GPtrArray) criteria = eligo_database_get_criteria (fixture->database, trial, &error);
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autofree char *text = NULL;
  EligoCriterion *first;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  first = g_ptr_array_index (criteria, 0);
  eligo_patient_set_answer (fixture->patient, eligo_criterion_get_id (first), ELIGO_ANSWER_FAIL,
                            NULL, NULL, NULL);
  result = eligo_screen (trial, criteria, fixture->patient);
  text = eligo_match_describe_failure (result, fixture->patient);

  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Not met (nurse’s answer): "));
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *summary = NULL;
  g_autofree char *one = NULL;
  g_autofree char *big = NULL;

  g_assert_cmpuint (fixture->results->len, ==, 5);
  g_assert_cmpuint (eligo_match_count_ruled_out (fixture->results), ==, 3);

  summary = eligo_match_format_summary (5, 3);
  g_assert_cmpstr (summary, ==, "5 trials · 3 ruled out · 2 to look at");
  one = eligo_match_format_summary (1, 0);
  g_assert_cmpstr (one, ==, "1 trial · 0 ruled out · 1 to look at");
  big = eligo_match_format_summary (412, 389);
  g_assert_cmpstr (big, ==, "412 trials · 389 ruled out · 23 to look at");
}

static void
test_missing_facts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) facts = eligo_match_missing_facts (fixture->results, 3);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;

  /* Counted by hand over the trials not ruled out: a variable counts once
   * per trial that has an unknown criterion needing it. */
  for (guint i = 0; i < fixture->results->len; i++)
    {
      EligoScreeningResult *result = g_ptr_array_index (fixture->results, i);
      g_auto(GStrv) missing = NULL;

      if (eligo_screening_result_get_verdict (result) == ELIGO_TRIAL_VERDICT_INELIGIBLE)
        continue;
      missing = eligo_screening_result_dup_missing (result);
      for (guint k = 0; missing[k] != NULL; k++)
        {
          const char *name = g_intern_string (missing[k]);

          g_hash_table_insert (expected, (gpointer) name,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected,
                                                                                        name)) + 1));
        }
    }

  g_assert_cmpuint (facts->len, ==, 3);
  for (guint i = 0; i < facts->len; i++)
    {
      const EligoMissingFact *fact = &g_array_index (facts, EligoMissingFact, i);
      GHashTableIter iter;
      gpointer key, value;

      g_assert_cmpuint (fact->n_trials, ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (expected, fact->variable)));
      /* No fact left out needs more trials than one kept. */
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (i == facts->len - 1)
          g_assert_cmpuint (GPOINTER_TO_UINT (value), <=,
                            g_array_index (facts, EligoMissingFact, 0).n_trials);
      if (i > 0)
        g_assert_cmpuint (fact->n_trials, <=,
                          g_array_index (facts, EligoMissingFact, i - 1).n_trials);
    }

  /* Both undecided seeds need ALT, so it is among the first. */
  g_assert_cmpuint (g_array_index (facts, EligoMissingFact, 0).n_trials, ==, 2);

  text = eligo_match_format_missing_facts (facts);
  g_assert_nonnull (strstr (text, "(2 trials)"));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_pdf_order (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 8, 9, 0, 0);
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "ranked.pdf", NULL);
  g_autofree char *text = NULL;
  const char *previous = NULL;

  document = eligo_match_report_new (fixture->results, fixture->patient, FALSE, 0, date);
  g_assert_true (eligo_report_pdf_write (document, path, &error));
  g_assert_no_error (error);
  eligo_test_assert_private_file (path);

  text = pdf_text (path);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "Trials for patient SCR-0042"));
  g_assert_nonnull (strstr (text, "5 trials · 3 ruled out · 2 to look at · all trials · 2026-12-08"));
  g_assert_nonnull (strstr (text, "Facts still missing that would decide the most trials:"));
  g_assert_nonnull (strstr (text, "ECOG performance status ≤ 1"));
  g_assert_nonnull (strstr (text, "Excluded if Prior CAR-T therapy: yes"));

  /* The trials in rank order, each once. */
  for (guint i = 0; i < fixture->results->len; i++)
    {
      EligoTrial *trial = eligo_screening_result_get_trial (g_ptr_array_index (fixture->results, i));
      const char *at = strstr (text, eligo_trial_get_nct_id (trial));

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, eligo_trial_get_nct_id (trial)));
      if (previous != NULL)
        g_assert_true (at > previous);
      previous = at;
    }

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_pdf_max_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "top.pdf", NULL);
  g_autofree char *text = NULL;
  EligoTrial *last;

  document = eligo_match_report_new (fixture->results, fixture->patient, TRUE, 3, NULL);
  g_assert_true (eligo_report_pdf_write (document, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  last = eligo_screening_result_get_trial (g_ptr_array_index (fixture->results, 4));
  g_assert_null (strstr (text, eligo_trial_get_nct_id (last)));
  g_assert_nonnull (strstr (text, "2 more trials, ranked lower, are not listed."));
  g_assert_nonnull (strstr (text, "recruiting trials only"));

  g_assert_cmpint (g_unlink (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/eligo/match-report/describe-failure", Fixture, NULL,
              fixture_set_up, test_describe_failure, fixture_tear_down);
  g_test_add ("/eligo/match-report/answered-failure", Fixture, NULL,
              fixture_set_up, test_answered_failure, fixture_tear_down);
  g_test_add ("/eligo/match-report/summary", Fixture, NULL,
              fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/eligo/match-report/missing-facts", Fixture, NULL,
              fixture_set_up, test_missing_facts, fixture_tear_down);
  g_test_add ("/eligo/match-report/pdf-order", Fixture, NULL,
              fixture_set_up, test_pdf_order, fixture_tear_down);
  g_test_add ("/eligo/match-report/pdf-max-rows", Fixture, NULL,
              fixture_set_up, test_pdf_max_rows, fixture_tear_down);

  status = g_test_run ();
  release_font_caches ();

  return status;
}
