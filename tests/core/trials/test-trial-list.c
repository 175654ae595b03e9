/* test-trial-list.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "eligo-test-utils.h"
#include "eligo-trial-list.h"

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_seeds (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrialList) list = eligo_trial_list_new (database);
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(EligoTrial) first = NULL;
  g_autoptr(EligoTrial) again = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ELIGO_TYPE_TRIAL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5));

  /* Default order: last update, newest first. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (eligo_trial_get_nct_id (first), ==, "NCT07087847");

  /* The same row asked twice is the same object while it is alive. */
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &calls);

  query->sort = ELIGO_SORT_NCT_ID;
  query->descending = FALSE;
  g_assert_true (eligo_trial_list_set_query (list, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (eligo_trial_get_nct_id (first), ==, "NCT03754764");

  /* Setting the same query again does not reload. */
  g_assert_true (eligo_trial_list_set_query (list, query, &error));
  g_assert_cmpuint (calls, ==, 1);

  /* After a reload the list reads the row again: a newer version shows. */
  {
    g_autoptr(EligoTrial) before = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(EligoTrial) after = NULL;

    g_assert_true (eligo_trial_list_reload (list, &error));
    after = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_false (before == after);
    g_assert_cmpstr (eligo_trial_get_nct_id (before), ==, eligo_trial_get_nct_id (after));
    calls = 1;
  }

  query->search = g_strdup ("CD7");
  g_assert_true (eligo_trial_list_set_query (list, query, &error));
  g_assert_cmpuint (calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (eligo_trial_list_get_query (list)->sort, ==, ELIGO_SORT_NCT_ID);
  g_assert_cmpstr (eligo_trial_list_get_query (list)->search, ==, "CD7");
}

static void
generate_trials (const char *path,
                 guint       n)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < %u) "
    "INSERT INTO trials (nct_id, brief_title, overall_status, phases, enrollment, start_date, "
    "  last_update, lead_sponsor, min_age_years, max_age_years, sex, conditions, eligibility, "
    "  imported_at, raw_json) "
    "SELECT printf('NCT9%%07d', x), printf('Generated trial %%d of CAR-T therapy', x), "
    "  CASE x %% 3 WHEN 0 THEN 'RECRUITING' WHEN 1 THEN 'COMPLETED' ELSE 'NOT_YET_RECRUITING' END, "
    "  CASE x %% 2 WHEN 0 THEN 'PHASE1' ELSE 'PHASE1/PHASE2' END, x %% 500, "
    "  printf('20%%02d-%%02d', 10 + x %% 15, 1 + x %% 12), printf('2025-%%02d-%%02d', 1 + x %% 12, 1 + x %% 28), "
    "  printf('Sponsor %%d', x %% 97), 18, 65 + x %% 10, 'ALL', 'Acute Lymphoblastic Leukemia', "
    "  'Inclusion Criteria:' || char(10) || '* ECOG 0-2', '2026-11-23T00:00:00Z', "
    "  printf('{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT9%%07d\"}}}', x) "
    "FROM seq;"
    "COMMIT;", n);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("generate: %s", message);
  sqlite3_close (db);
}

/* Hundreds of thousands of trials: the model never builds them all. */
static void
test_large_library_is_lazy (void)
{
  const guint n_generated = 100000;
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(EligoTrialList) list = NULL;
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(EligoTrial) last = NULL;
  g_autoptr(GError) error = NULL;
  guint alive_before;
  guint n;
  gint64 start;

  generate_trials (path, n_generated);

  alive_before = eligo_trial_get_n_alive ();
  start = g_get_monotonic_time ();
  list = eligo_trial_list_new (database);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_test_message ("listed %u trials in %.1f ms", n, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n, ==, n_generated + 5);

  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_nonnull (last);
  g_assert_cmpuint (eligo_trial_get_n_alive (), ==, alive_before + 1);

  /* Sorting and searching the large library also go through SQLite only. */
  query->sort = ELIGO_SORT_SPONSOR;
  query->descending = TRUE;
  query->search = g_strdup ("generated");
  start = g_get_monotonic_time ();
  g_assert_true (eligo_trial_list_set_query (list, query, &error));
  g_assert_no_error (error);
  g_test_message ("sorted and searched in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_generated);
  g_assert_cmpuint (eligo_trial_get_n_alive (), ==, alive_before + 1);

  g_clear_object (&last);
  last = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (eligo_trial_get_lead_sponsor (last), ==, "Sponsor 96");
  g_assert_cmpuint (eligo_trial_get_n_alive (), ==, alive_before + 1);

  g_clear_object (&last);
  g_clear_object (&list);
  g_assert_cmpuint (eligo_trial_get_n_alive (), ==, alive_before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/trial-list/seeds", test_seeds);
  g_test_add_func ("/eligo/trial-list/large-library-is-lazy", test_large_library_is_lazy);

  return g_test_run ();
}
