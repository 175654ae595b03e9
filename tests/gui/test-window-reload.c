/* test-window-reload.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes made to the database by another process while the window is
 * open: the real eligo-cli imports into the same file, another connection
 * deletes a trial or saves a screening, and the open windows show it
 * without a restart, keeping the selection and the search.
 */

#define G_LOG_DOMAIN "test-window-reload"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-database-watch.h"
#include "eligo-screening.h"
#include "eligo-screening-log.h"
#include "eligo-screening-log-window-private.h"
#include "eligo-test-utils.h"
#include "eligo-trial.h"
#include "eligo-trial-page.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

#define N_SEED_TRIALS 5

/* Not among the seeds; its record mentions CD19. */
#define NEW_TRIAL "NCT02349698"
#define OTHER_NEW_TRIAL "NCT00000410"

/* How long another process's change may take to show: a bound, not a speed. */
#define WAIT_SECONDS 10

typedef struct
{
  char          *dir;
  char          *path;
  EligoDatabase *database;
  EligoWindow   *window;
  guint          n_reloads;   /* items-changed of the trial list */
} Fixture;

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* Runs the main loop for @msec, so that pending file events are handled. */
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

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
have_studies (void)
{
  g_autofree char *study = NULL;

  if (g_getenv ("ELIGO_TEST_DATA_DIR") == NULL || g_getenv ("ELIGO_CLI") == NULL)
    {
      g_test_skip ("ELIGO_TEST_DATA_DIR or ELIGO_CLI is not set");
      return FALSE;
    }

  study = eligo_test_data_path ("ctgov", "studies", NEW_TRIAL ".json", NULL);
  if (!g_file_test (study, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("No registry records in ELIGO_TEST_DATA_DIR");
      return FALSE;
    }

  return TRUE;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  fixture->n_reloads++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reset_settings ();

  fixture->dir = eligo_test_tmp_path ("reload");
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);

  fixture->path = g_build_filename (fixture->dir, "eligo.db", NULL);
  fixture->database = eligo_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
  g_assert_no_error (error);

  fixture->window = g_object_ref (eligo_window_new (NULL, fixture->database));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  eligo_test_wait_until (is_mapped_cb, fixture->window, WAIT_SECONDS);
  iterate_pending ();

  g_signal_connect (_eligo_window_get_trial_list (fixture->window), "items-changed",
                    G_CALLBACK (on_items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (_eligo_window_get_trial_list (fixture->window), fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate_pending ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->database);
  g_assert_true (eligo_test_integrity_ok (fixture->path));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GListModel *
get_rows (EligoWindow *window)
{
  return G_LIST_MODEL (gtk_column_view_get_model (_eligo_window_get_column_view (window)));
}

static gboolean
rows_contain (EligoWindow *window,
              const char  *nct_id)
{
  GListModel *rows = get_rows (window);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EligoTrial) trial = g_list_model_get_item (rows, i);

      if (trial != NULL && g_strcmp0 (eligo_trial_get_nct_id (trial), nct_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
shows_new_trial_cb (gpointer data)
{
  return rows_contain (data, NEW_TRIAL);
}

/* The NCT number of the one selected row, or NULL. */
static char *
dup_selected_nct_id (EligoWindow *window)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (get_rows (window));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(EligoTrial) trial = NULL;

  if (gtk_bitset_get_size (selected) != 1)
    return NULL;

  trial = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (selected));
  return trial != NULL ? g_strdup (eligo_trial_get_nct_id (trial)) : NULL;
}

static void
select_nct_id (EligoWindow *window,
               const char  *nct_id)
{
  GListModel *rows = get_rows (window);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EligoTrial) trial = g_list_model_get_item (rows, i);

      if (g_strcmp0 (eligo_trial_get_nct_id (trial), nct_id) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), i, TRUE);
          return;
        }
    }

  g_assert_not_reached ();
}

/* The real eligo-cli, in its own process, imports into the window's file. */
static void
cli_import (Fixture    *fixture,
            const char *nct_id)
{
  g_autofree char *name = g_strconcat (nct_id, ".json", NULL);
  g_autofree char *study = eligo_test_data_path ("ctgov", "studies", name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char * const args[] = { "--database", fixture->path, "import", study, NULL };

  g_assert_cmpint (eligo_test_run_cli_argv (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "1 added"));
}

static EligoTrialPage *
get_page (EligoWindow *window)
{
  return ELIGO_TRIAL_PAGE (_eligo_window_get_trial_page (window));
}

/* eligo-cli imports a trial: it shows, the selection and its page stay. */
static void
test_cli_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *selected = NULL;
  EligoWindow *window = fixture->window;
  EligoTrial *shown;

  if (!have_studies ())
    return;

  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS);
  select_nct_id (window, "NCT06585345");
  shown = eligo_trial_page_get_trial (get_page (window));
  g_assert_nonnull (shown);
  g_assert_cmpstr (eligo_trial_get_nct_id (shown), ==, "NCT06585345");

  cli_import (fixture, NEW_TRIAL);
  eligo_test_wait_until (shows_new_trial_cb, window, WAIT_SECONDS);

  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS + 1);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "6 trials");
  selected = dup_selected_nct_id (window);
  g_assert_cmpstr (selected, ==, "NCT06585345");
  /* The page the nurse was reading was not rebuilt: same trial object. */
  g_assert_true (eligo_trial_page_get_trial (get_page (window)) == shown);
  g_assert_true (_eligo_window_is_page_visible (window));
}

static char *expected_subtitle;

static gboolean
subtitle_is_cb (gpointer data)
{
  EligoWindow *window = data;

  return g_strcmp0 (_eligo_window_get_subtitle (window), expected_subtitle) == 0;
}

/* A search in progress: the new trial shows if it matches, the search stays. */
static void
test_cli_import_keeps_search (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *selected = NULL;
  EligoWindow *window = fixture->window;
  GtkSearchEntry *entry = _eligo_window_get_search_entry (window);
  guint n_matching;

  if (!have_studies ())
    return;

  gtk_editable_set_text (GTK_EDITABLE (entry), "CD19");
  _eligo_window_update_query (window);
  n_matching = g_list_model_get_n_items (get_rows (window));
  g_assert_cmpuint (n_matching, >, 0);
  g_assert_cmpuint (n_matching, <, N_SEED_TRIALS);
  g_assert_true (rows_contain (window, "NCT07072494"));
  select_nct_id (window, "NCT07072494");

  /* One matching and one that does not. */
  cli_import (fixture, NEW_TRIAL);
  cli_import (fixture, OTHER_NEW_TRIAL);
  expected_subtitle = g_strdup_printf ("%u of %u trials", n_matching + 1, N_SEED_TRIALS + 2);
  eligo_test_wait_until (subtitle_is_cb, window, WAIT_SECONDS);
  g_clear_pointer (&expected_subtitle, g_free);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "CD19");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, n_matching + 1);
  g_assert_true (rows_contain (window, NEW_TRIAL));
  g_assert_false (rows_contain (window, OTHER_NEW_TRIAL));
  selected = dup_selected_nct_id (window);
  g_assert_cmpstr (selected, ==, "NCT07072494");
}

static gboolean
lost_trial_cb (gpointer data)
{
  return !rows_contain (data, "NCT07087847");
}

/* Another connection deletes a trial: it goes, the selection of another stays. */
static void
test_removal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EligoDatabase) other = NULL;
  g_autoptr(EligoTrial) doomed = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected = NULL;
  EligoWindow *window = fixture->window;
  gint64 id;

  select_nct_id (window, "NCT03754764");

  other = eligo_database_open (fixture->path, &error);
  g_assert_no_error (error);
  doomed = eligo_database_get_trial_by_nct_id (other, "NCT07087847", &error);
  g_assert_no_error (error);
  id = eligo_trial_get_id (doomed);
  deleted = eligo_database_delete_trials (other, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 1);

  eligo_test_wait_until (lost_trial_cb, window, WAIT_SECONDS);
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS - 1);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "4 trials");
  selected = dup_selected_nct_id (window);
  g_assert_cmpstr (selected, ==, "NCT03754764");
}

/* The selected trial itself goes: nothing is selected, the page says so. */
static void
test_removal_of_selected (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EligoDatabase) other = NULL;
  g_autoptr(EligoTrial) doomed = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected = NULL;
  EligoWindow *window = fixture->window;
  gint64 id;

  select_nct_id (window, "NCT07087847");

  other = eligo_database_open (fixture->path, &error);
  g_assert_no_error (error);
  doomed = eligo_database_get_trial_by_nct_id (other, "NCT07087847", &error);
  g_assert_no_error (error);
  id = eligo_trial_get_id (doomed);
  deleted = eligo_database_delete_trials (other, &id, 1, &error);
  g_assert_no_error (error);

  eligo_test_wait_until (lost_trial_cb, window, WAIT_SECONDS);
  selected = dup_selected_nct_id (window);
  g_assert_null (selected);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->page_stack), ==, "placeholder");
}

static gboolean
import_done_cb (gpointer data)
{
  return !_eligo_window_is_importing (data);
}

/* The window's own import, on a worker connection, reloads the list once:
 * the watch then sees nothing new, and nothing changed reloads nothing. */
static void
test_own_import_reloads_once (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *study = NULL;
  g_autoptr(GFile) file = NULL;
  EligoWindow *window = fixture->window;
  guint n_reloads;

  if (!have_studies ())
    return;

  study = eligo_test_data_path ("ctgov", "studies", NEW_TRIAL ".json", NULL);
  file = g_file_new_for_path (study);
  eligo_window_import_files (window, &file, 1);
  eligo_test_wait_until (import_done_cb, window, WAIT_SECONDS);
  g_assert_true (rows_contain (window, NEW_TRIAL));

  n_reloads = fixture->n_reloads;
  g_assert_cmpuint (n_reloads, >=, 1);
  g_assert_false (eligo_database_watch_check (window->watch));

  /* The file events of that import, and a poll or two, come and go. */
  iterate_for (2500);
  g_assert_cmpuint (fixture->n_reloads, ==, n_reloads);
}

/* The watch itself: this connection's commits are not news, others' are. */
static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(EligoDatabaseWatch) watch = eligo_database_watch_new (fixture->database);
  g_autoptr(EligoDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_false (eligo_database_watch_check (watch));

  /* The window's own connection archives: no change to report. */
  {
    g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (fixture->database,
                                                                      "NCT07087847", &error);

    g_assert_no_error (error);
    id = eligo_trial_get_id (trial);
  }
  g_assert_true (eligo_database_set_archived (fixture->database, &id, 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (eligo_database_watch_check (watch));

  other = eligo_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_set_archived (other, &id, 1, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (eligo_database_watch_check (watch));
  g_assert_false (eligo_database_watch_check (watch));

  /* Synced after reading again: the same change is not reported twice. */
  g_assert_true (eligo_database_set_archived (other, &id, 1, TRUE, &error));
  g_assert_no_error (error);
  eligo_database_watch_sync (watch);
  g_assert_false (eligo_database_watch_check (watch));
}

static EligoPatient *
make_patient (const char *id)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"facts\": {\"age_years\": 30}}",
                                           id);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  EligoPatient *patient = eligo_patient_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return patient;
}

static void
save_screening (EligoDatabase *database,
                const char    *patient_id)
{
  g_autoptr(EligoPatient) patient = make_patient (patient_id);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(GError) error = NULL;

  trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  g_assert_no_error (error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);
  result = eligo_screen (trial, criteria, patient);
  g_assert_cmpint (eligo_database_save_screening (database, patient, result, "M. Okafor",
                                                  "Site A", &error), >, 0);
  g_assert_no_error (error);
}

static gboolean
log_shows_two_cb (gpointer data)
{
  return g_list_model_get_n_items (_eligo_screening_log_window_get_shown (data)) == 2;
}

/* A screening saved elsewhere shows in the open log, the selection stays. */
static void
test_screening_log (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EligoDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  EligoScreeningLogWindow *log;
  EligoScreeningLogRow *row;
  gint64 selected_id;

  save_screening (fixture->database, "SCR-201");

  log = ELIGO_SCREENING_LOG_WINDOW (eligo_screening_log_window_new (GTK_WINDOW (fixture->window),
                                                                    fixture->database));
  g_object_ref (log);
  gtk_window_present (GTK_WINDOW (log));
  eligo_test_wait_until (is_mapped_cb, log, WAIT_SECONDS);
  g_assert_cmpuint (g_list_model_get_n_items (_eligo_screening_log_window_get_shown (log)), ==, 1);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (
                                       _eligo_screening_log_window_get_shown (log)), 0);
  row = _eligo_screening_log_window_get_selected_row (log);
  g_assert_nonnull (row);
  selected_id = eligo_screening_log_row_get_record (row)->id;

  other = eligo_database_open (fixture->path, &error);
  g_assert_no_error (error);
  save_screening (other, "SCR-202");

  eligo_test_wait_until (log_shows_two_cb, log, WAIT_SECONDS);
  row = _eligo_screening_log_window_get_selected_row (log);
  g_assert_nonnull (row);
  g_assert_cmpint (eligo_screening_log_row_get_record (row)->id, ==, selected_id);

  gtk_window_destroy (GTK_WINDOW (log));
  iterate_pending ();
  g_assert_finalize_object (log);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/window-reload/cli-import", Fixture, NULL,
              fixture_set_up, test_cli_import, fixture_tear_down);
  g_test_add ("/eligo/window-reload/cli-import-keeps-search", Fixture, NULL,
              fixture_set_up, test_cli_import_keeps_search, fixture_tear_down);
  g_test_add ("/eligo/window-reload/removal", Fixture, NULL,
              fixture_set_up, test_removal, fixture_tear_down);
  g_test_add ("/eligo/window-reload/removal-of-selected", Fixture, NULL,
              fixture_set_up, test_removal_of_selected, fixture_tear_down);
  g_test_add ("/eligo/window-reload/own-import-reloads-once", Fixture, NULL,
              fixture_set_up, test_own_import_reloads_once, fixture_tear_down);
  g_test_add ("/eligo/window-reload/watch", Fixture, NULL,
              fixture_set_up, test_watch, fixture_tear_down);
  g_test_add ("/eligo/window-reload/screening-log", Fixture, NULL,
              fixture_set_up, test_screening_log, fixture_tear_down);

  return g_test_run ();
}
