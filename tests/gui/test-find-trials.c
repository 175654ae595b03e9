/* test-find-trials.c
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
 * The Find Trials window under Xvfb, on a fresh database seeded with the
 * five seed trials, for a seed-shaped patient: the ranking against
 * screening each trial one by one, the header counts, the Recruiting-only
 * toggle, the first failure in words, screening and comparing from it, the
 * ranked list as PDF, and the empty library.
 */

#define G_LOG_DOMAIN "test-find-trials"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "eligo-comparison-window.h"
#include "eligo-database.h"
#include "eligo-find-trials-job.h"
#include "eligo-find-trials-row.h"
#include "eligo-find-trials-window.h"
#include "eligo-match-report.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-test-utils.h"

/* A woman of 50 with B-ALL after CAR-T, ECOG 2: ruled out of three seeds
 * by an inclusion on ECOG, one on age, and an exclusion of prior CAR-T. */
static const char patient_json[] =
  "{\"id\": \"SCR-0042\", \"facts\": {\"age_years\": 50, \"sex\": \"female\", \"ecog\": 2,"
  " \"diagnosis\": \"B-ALL\", \"cd19_positive\": true, \"prior_car_t\": true}}";

typedef struct
{
  char          *dir;
  char          *path;
  EligoDatabase *database;
  EligoPatient  *patient;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (patient_json, NULL);
  gboolean seed = GPOINTER_TO_INT (data) == 0;

  fixture->dir = g_dir_make_tmp ("eligo-test-find-trials-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "eligo.db", NULL);

  fixture->database = eligo_database_open (fixture->path, &error);
  g_assert_no_error (error);
  if (seed)
    {
      g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
      g_assert_no_error (error);
    }

  fixture->patient = eligo_patient_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
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
  g_assert_finalize_object (fixture->patient);
  g_assert_finalize_object (fixture->database);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

static gboolean
is_ranked (gpointer data)
{
  return !eligo_find_trials_window_get_loading (data);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static EligoFindTrialsWindow *
show_window (Fixture *fixture)
{
  EligoFindTrialsWindow *window;

  window = ELIGO_FIND_TRIALS_WINDOW (eligo_find_trials_window_new (NULL, fixture->database,
                                                                   fixture->patient));
  g_assert_nonnull (window);
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* It ranks on a worker: the window is up before the ranking is done. */
  g_assert_true (eligo_find_trials_window_get_loading (window));
  g_assert_cmpstr (eligo_find_trials_window_get_state (window), ==, "loading");
  eligo_test_wait_until (is_ranked, window, 20);
  iterate_for (100);

  return window;
}

static void
close_window (EligoFindTrialsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_finalize_object (window);
}

static void
destroy_window (gpointer window)
{
  gpointer pointer = window;

  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_window_destroy (GTK_WINDOW (window));
  eligo_test_wait_until (is_null, &pointer, 10);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  return eligo_screening_result_compare (*(EligoScreeningResult **) a,
                                         *(EligoScreeningResult **) b);
}

/* The library screened one trial at a time, as `eligo-cli screen` does. */
static GPtrArray *
screen_one_by_one (Fixture  *fixture,
                   gboolean  recruiting_only)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_screening_result_unref);

  ids = eligo_database_query_ids (fixture->database, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial (fixture->database,
                                                              g_array_index (ids, gint64, i),
                                                              &error);
      g_autoptr(GPtrArray) criteria = NULL;

      g_assert_no_error (error);
      if (recruiting_only &&
          !g_strv_contains (eligo_find_trials_recruiting_statuses (),
                            eligo_trial_get_overall_status (trial)))
        continue;

      criteria = eligo_database_get_criteria (fixture->database, trial, &error);
      g_assert_no_error (error);
      g_ptr_array_add (results, eligo_screen (trial, criteria, fixture->patient));
    }
  g_ptr_array_sort (results, compare_results);

  return results;
}

static const char *
row_nct_id (EligoFindTrialsRow *row)
{
  return eligo_trial_get_nct_id (eligo_screening_result_get_trial (eligo_find_trials_row_get_result (row)));
}

static void
assert_ranked_like (EligoFindTrialsWindow *window,
                    GPtrArray             *expected)
{
  GListModel *model = eligo_find_trials_window_get_model (window);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(EligoFindTrialsRow) row = g_list_model_get_item (model, i);
      EligoScreeningResult *want = g_ptr_array_index (expected, i);
      EligoScreeningResult *got = eligo_find_trials_row_get_result (row);

      g_assert_cmpuint (eligo_find_trials_row_get_rank (row), ==, i + 1);
      g_assert_cmpstr (row_nct_id (row), ==,
                       eligo_trial_get_nct_id (eligo_screening_result_get_trial (want)));
      g_assert_cmpint (eligo_screening_result_get_verdict (got), ==,
                       eligo_screening_result_get_verdict (want));
      for (EligoVerdict v = 0; v < ELIGO_N_VERDICTS; v++)
        g_assert_cmpuint (eligo_screening_result_get_count (got, v), ==,
                          eligo_screening_result_get_count (want, v));
    }
}

static EligoFindTrialsRow *
find_row (EligoFindTrialsWindow *window,
          const char            *nct_id,
          guint                 *position)
{
  GListModel *model = eligo_find_trials_window_get_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EligoFindTrialsRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (row_nct_id (row), nct_id))
        {
          if (position != NULL)
            *position = i;
          return row;
        }
    }

  return NULL;
}

/* Whether a label under @widget shows exactly @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Tests */

static void
test_ranked (Fixture       *fixture,
             gconstpointer  data)
{
  EligoFindTrialsWindow *window = show_window (fixture);
  g_autoptr(GPtrArray) expected = screen_one_by_one (fixture, TRUE);
  EligoFindTrialsRow *row;

  g_assert_true (eligo_find_trials_window_get_recruiting_only (window));
  g_assert_cmpstr (eligo_find_trials_window_get_state (window), ==, "results");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Find Trials for SCR-0042");

  /* Four seeds recruit (NCT03754764's status is UNKNOWN). */
  g_assert_cmpuint (expected->len, ==, 4);
  assert_ranked_like (window, expected);
  g_assert_null (find_row (window, "NCT03754764", NULL));

  g_assert_cmpstr (eligo_find_trials_window_get_summary (window), ==,
                   "4 trials · 2 ruled out · 2 to look at");
  g_assert_true (shows_label (GTK_WIDGET (window), "4 trials · 2 ruled out · 2 to look at"));
  g_assert_true (g_str_has_prefix (eligo_find_trials_window_get_missing_facts (window),
                                   "Missing facts that would decide the most trials: "));
  g_assert_nonnull (strstr (eligo_find_trials_window_get_missing_facts (window), "(2 trials)"));

  /* The first failure, in words, in the row and on screen. */
  row = find_row (window, "NCT06389305", NULL);
  g_assert_cmpstr (eligo_find_trials_row_get_failure (row), ==,
                   "Age < 40 years — patient has 50 years");
  g_assert_true (shows_label (GTK_WIDGET (window), "Age < 40 years — patient has 50 years"));
  row = find_row (window, "NCT07072494", NULL);
  g_assert_cmpstr (eligo_find_trials_row_get_failure (row), ==,
                   "Excluded if Prior CAR-T therapy: yes — patient: yes");
  row = find_row (window, "NCT07087847", NULL);
  g_assert_null (eligo_find_trials_row_get_failure (row));

  /* The trials not ruled out come first. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (eligo_screening_result_get_verdict (g_ptr_array_index (expected, i)), !=,
                     ELIGO_TRIAL_VERDICT_INELIGIBLE);

  close_window (window);
}

static void
test_recruiting_toggle (Fixture       *fixture,
                        gconstpointer  data)
{
  EligoFindTrialsWindow *window = show_window (fixture);
  g_autoptr(GPtrArray) all = screen_one_by_one (fixture, FALSE);
  g_autoptr(GPtrArray) recruiting = screen_one_by_one (fixture, TRUE);
  EligoFindTrialsRow *row;

  g_assert_cmpuint (g_list_model_get_n_items (eligo_find_trials_window_get_model (window)), ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "find-trials.toggle-recruiting", NULL));
  g_assert_false (eligo_find_trials_window_get_recruiting_only (window));
  g_assert_true (eligo_find_trials_window_get_loading (window));
  eligo_test_wait_until (is_ranked, window, 20);

  g_assert_cmpuint (all->len, ==, 5);
  assert_ranked_like (window, all);
  g_assert_cmpstr (eligo_find_trials_window_get_summary (window), ==,
                   "5 trials · 3 ruled out · 2 to look at");
  row = find_row (window, "NCT03754764", NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (eligo_find_trials_row_get_failure (row), ==,
                   "ECOG performance status ≤ 1 — patient has 2");

  /* Toggling twice quickly: the first ranking is dropped, the last one shows. */
  eligo_find_trials_window_set_recruiting_only (window, TRUE);
  eligo_find_trials_window_set_recruiting_only (window, FALSE);
  eligo_find_trials_window_set_recruiting_only (window, TRUE);
  eligo_test_wait_until (is_ranked, window, 20);
  iterate_for (200);
  assert_ranked_like (window, recruiting);
  g_assert_cmpstr (eligo_find_trials_window_get_summary (window), ==,
                   "4 trials · 2 ruled out · 2 to look at");

  close_window (window);
}

static void
test_screen_from_row (Fixture       *fixture,
                      gconstpointer  data)
{
  EligoFindTrialsWindow *window = show_window (fixture);
  GtkWidget *column_view;
  EligoScreeningDialog *dialog;
  EligoScreeningResult *result;
  g_autoptr(EligoFindTrialsRow) second = NULL;

  /* The best-ranked trial is selected: the action screens it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "find-trials.screen", NULL));
  iterate_for (100);
  dialog = ELIGO_SCREENING_DIALOG (find_toplevel (ELIGO_TYPE_SCREENING_DIALOG));
  g_assert_nonnull (dialog);
  {
    g_autoptr(EligoFindTrialsRow) first =
      g_list_model_get_item (eligo_find_trials_window_get_model (window), 0);
    g_autoptr(EligoFindTrialsRow) other =
      g_list_model_get_item (eligo_find_trials_window_get_model (window), 1);

    result = _eligo_screening_dialog_get_result (dialog, row_nct_id (first));
    g_assert_nonnull (result);
    g_assert_null (_eligo_screening_dialog_get_result (dialog, row_nct_id (other)));
  }
  g_assert_cmpstr (eligo_patient_get_screening_id (eligo_screening_dialog_get_patient (dialog)), ==,
                   "SCR-0042");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  destroy_window (dialog);

  /* Activating a row (Enter, double click) screens that row's trial. */
  column_view = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (column_view);
  g_signal_emit_by_name (column_view, "activate", 1);
  iterate_for (100);
  dialog = ELIGO_SCREENING_DIALOG (find_toplevel (ELIGO_TYPE_SCREENING_DIALOG));
  g_assert_nonnull (dialog);
  second = g_list_model_get_item (eligo_find_trials_window_get_model (window), 1);
  result = _eligo_screening_dialog_get_result (dialog, row_nct_id (second));
  g_assert_nonnull (result);
  g_assert_cmpint (eligo_screening_result_get_verdict (result), ==,
                   eligo_screening_result_get_verdict (eligo_find_trials_row_get_result (second)));
  destroy_window (dialog);

  close_window (window);
}

static void
test_compare_top (Fixture       *fixture,
                  gconstpointer  data)
{
  EligoFindTrialsWindow *window = show_window (fixture);
  EligoComparisonWindow *comparison;
  GListModel *model = eligo_find_trials_window_get_model (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "find-trials.compare", NULL));
  iterate_for (200);
  comparison = ELIGO_COMPARISON_WINDOW (find_toplevel (ELIGO_TYPE_COMPARISON_WINDOW));
  g_assert_nonnull (comparison);
  g_assert_cmpuint (eligo_comparison_window_get_n_trials (comparison), ==, 4);
  g_assert_true (eligo_comparison_window_get_patient (comparison) == fixture->patient);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(EligoFindTrialsRow) row = g_list_model_get_item (model, i);
      EligoComparison *c = eligo_comparison_window_get_comparison (comparison);

      g_assert_cmpstr (eligo_trial_get_nct_id (eligo_comparison_get_trial (c, i)), ==,
                       row_nct_id (row));
    }
  destroy_window (comparison);

  close_window (window);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  EligoFindTrialsWindow *window = show_window (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "ranked.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = eligo_find_trials_window_get_model (window);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *previous = NULL;
  int status = 0;

  g_assert_true (eligo_find_trials_window_export_pdf (window, path, &error));
  g_assert_no_error (error);
  eligo_test_assert_private_file (path);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_nonnull (strstr (out, "4 trials · 2 ruled out · 2 to look at · recruiting trials only"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EligoFindTrialsRow) row = g_list_model_get_item (model, i);
      const char *at = strstr (out, row_nct_id (row));

      g_assert_nonnull (at);
      if (previous != NULL)
        g_assert_true (at > previous);
      previous = at;
    }

  /* A folder is not a PDF: nothing written, a clear error. */
  g_assert_false (eligo_find_trials_window_export_pdf (window, fixture->dir, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Cannot write the PDF"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  close_window (window);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  EligoFindTrialsWindow *window = show_window (fixture);

  g_assert_cmpstr (eligo_find_trials_window_get_state (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (eligo_find_trials_window_get_model (window)), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "find-trials.screen", NULL) &&
                  find_toplevel (ELIGO_TYPE_SCREENING_DIALOG) != NULL);
  g_assert_null (find_toplevel (ELIGO_TYPE_COMPARISON_WINDOW));

  close_window (window);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  EligoFindTrialsWindow *window = show_window (fixture);
  g_autofree char *moved = g_strconcat (fixture->path, ".moved", NULL);

  g_assert_cmpstr (eligo_find_trials_window_get_state (window), ==, "results");

  /* The worker opens the file anew: put a folder where it was. */
  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "find-trials.refresh", NULL));
  eligo_test_wait_until (is_ranked, window, 20);
  iterate_for (100);

  g_assert_cmpstr (eligo_find_trials_window_get_state (window), ==, "error");
  g_assert_null (eligo_find_trials_window_get_results (window));
  g_assert_cmpuint (g_list_model_get_n_items (eligo_find_trials_window_get_model (window)), ==, 0);
  g_assert_true (shows_label (GTK_WIDGET (window), "Could Not Rank the Trials"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "find-trials.export-pdf", NULL) &&
                  eligo_find_trials_window_get_results (window) != NULL);

  /* Put back, Try Again ranks. */
  g_assert_cmpint (g_rmdir (fixture->path), ==, 0);
  g_assert_cmpint (g_rename (moved, fixture->path), ==, 0);
  eligo_find_trials_window_refresh (window);
  eligo_test_wait_until (is_ranked, window, 20);
  g_assert_cmpstr (eligo_find_trials_window_get_state (window), ==, "results");

  close_window (window);
}

/* A library larger than what is listed: the summary counts every trial,
 * the list holds every trial still in the running and the best of the
 * others, in the order screening them one by one gives. */
static void
test_large_library (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "library", NULL);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  EligoFindTrialsWindow *window;
  GPtrArray *results;
  guint n_ruled_out = 0;
  guint n_running = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  pages = eligo_test_write_library (dir, 1600, 400);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (pages, i));

      g_assert_true (eligo_database_import_file (fixture->database, file, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_unlink (g_ptr_array_index (pages, i)), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  expected = screen_one_by_one (fixture, FALSE);
  for (guint i = 0; i < expected->len; i++)
    {
      if (eligo_screening_result_get_count (g_ptr_array_index (expected, i),
                                            ELIGO_VERDICT_FAIL) > 0)
        n_ruled_out++;
      else
        n_running++;
    }
  /* The case is only worth its name if the rest is cut. */
  g_assert_cmpuint (n_ruled_out, >, 500);

  window = show_window (fixture);
  eligo_find_trials_window_set_recruiting_only (window, FALSE);
  eligo_test_wait_until (is_ranked, window, 60);
  iterate_for (100);

  summary = eligo_match_format_summary (expected->len, n_ruled_out);
  g_assert_cmpstr (eligo_find_trials_window_get_summary (window), ==, summary);

  results = eligo_find_trials_window_get_results (window);
  g_assert_cmpuint (results->len, ==, MAX (500, n_running));
  for (guint i = 0; i < results->len; i++)
    {
      EligoScreeningResult *got = g_ptr_array_index (results, i);
      EligoScreeningResult *want = g_ptr_array_index (expected, i);

      /* Same counts at each rank (ties may list trials in either order). */
      for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
        g_assert_cmpuint (eligo_screening_result_get_count (got, v), ==,
                          eligo_screening_result_get_count (want, v));
    }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/find-trials/large-library", Fixture, NULL,
              fixture_set_up, test_large_library, fixture_tear_down);
  g_test_add ("/eligo/find-trials/ranked", Fixture, NULL,
              fixture_set_up, test_ranked, fixture_tear_down);
  g_test_add ("/eligo/find-trials/recruiting-toggle", Fixture, NULL,
              fixture_set_up, test_recruiting_toggle, fixture_tear_down);
  g_test_add ("/eligo/find-trials/screen-from-row", Fixture, NULL,
              fixture_set_up, test_screen_from_row, fixture_tear_down);
  g_test_add ("/eligo/find-trials/compare-top", Fixture, NULL,
              fixture_set_up, test_compare_top, fixture_tear_down);
  g_test_add ("/eligo/find-trials/export-pdf", Fixture, NULL,
              fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/eligo/find-trials/error", Fixture, NULL,
              fixture_set_up, test_error, fixture_tear_down);
  g_test_add ("/eligo/find-trials/empty", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_empty, fixture_tear_down);

  return g_test_run ();
}
