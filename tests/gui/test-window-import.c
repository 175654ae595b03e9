/* test-window-import.c
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
 * Imports into the real main window: real registry records from
 * tests/data/ctgov/studies and a broken file, off the main thread,
 * with the banner, its details, cancel and a queue.
 */

#define G_LOG_DOMAIN "test-window-import"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-test-utils.h"
#include "eligo-trial.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

#define N_SEED_TRIALS 5

static const char * const studies[] = {
  "NCT00000410.json",
  "NCT00007696.json",
  "NCT00033839.json",
};

typedef struct
{
  char          *dir;
  EligoDatabase *database;
  EligoWindow   *window;
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

static gboolean
is_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
import_done_cb (gpointer data)
{
  return !_eligo_window_is_importing (data);
}

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The registry records ship in tests/data. */
static gboolean
have_studies (void)
{
  g_autofree char *studies_dir = NULL;

  if (g_getenv ("ELIGO_TEST_DATA_DIR") == NULL)
    {
      g_test_skip ("ELIGO_TEST_DATA_DIR is not set");
      return FALSE;
    }

  studies_dir = eligo_test_data_path ("ctgov", "studies", NULL);
  if (!g_file_test (studies_dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("No registry records in ELIGO_TEST_DATA_DIR");
      return FALSE;
    }

  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  reset_settings ();

  fixture->dir = eligo_test_tmp_path ("import");
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);

  path = g_build_filename (fixture->dir, "eligo.db", NULL);
  fixture->database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
  g_assert_no_error (error);

  fixture->window = g_object_ref (eligo_window_new (NULL, fixture->database));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  eligo_test_wait_until (is_mapped_cb, fixture->window, 30);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate_pending ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->database);
  g_free (fixture->dir);
}

/* Copies studies[] into a new folder @name; returns its path. */
static char *
copy_studies (Fixture    *fixture,
              const char *name)
{
  g_autofree char *folder = g_build_filename (fixture->dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (studies); i++)
    {
      g_autofree char *source = eligo_test_data_path ("ctgov", "studies", studies[i],
                                                        NULL);
      g_autofree char *target = g_build_filename (folder, studies[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      eligo_test_write_file (target, contents, length);
    }

  return g_steal_pointer (&folder);
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

      if (g_strcmp0 (eligo_trial_get_nct_id (trial), nct_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (texts, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (texts, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
import_paths (EligoWindow *window,
              const char  *first,
              ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_path (path));
  va_end (args);

  eligo_window_import_files (window, (GFile **) files->pdata, files->len);
}

/* Files: imported off the main thread; the banner says what happened. */
static void
test_import_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  GtkWidget *details;
  EligoWindow *window = fixture->window;
  gint64 selected_id;

  if (!have_studies ())
    return;

  folder = copy_studies (fixture, "files");
  first = g_build_filename (folder, studies[0], NULL);
  second = g_build_filename (folder, studies[1], NULL);
  bad = g_build_filename (folder, "broken.json", NULL);
  eligo_test_write_file (bad, "{ \"protocolSection\": ", -1);

  /* Keep the selection across the import. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (get_rows (window)), 2, TRUE);
  trial = g_list_model_get_item (get_rows (window), 2);
  selected_id = eligo_trial_get_id (trial);

  import_paths (window, first, second, bad, NULL);
  g_assert_true (_eligo_window_is_importing (window));
  g_assert_nonnull (_eligo_window_get_banner_text (window));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (_eligo_window_get_column_view (window))));

  eligo_test_wait_until (import_done_cb, window, 30);
  g_assert_cmpstr (_eligo_window_get_banner_text (window), ==,
                   "Imported 2 trials, 1 file rejected");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS + 2);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "7 trials");
  g_assert_true (rows_contain (window, "NCT00000410"));
  g_assert_true (rows_contain (window, "NCT00007696"));

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (get_rows (window)));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_clear_object (&trial);
  trial = g_list_model_get_item (get_rows (window), gtk_bitset_get_minimum (selected));
  g_assert_cmpint (eligo_trial_get_id (trial), ==, selected_id);

  /* The details name the rejected file and say why. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-details", NULL);
  details = _eligo_window_get_details_window (window);
  g_assert_nonnull (details);
  collect_texts (details, texts);
  g_assert_nonnull (strstr (texts->str, "broken.json"));
  g_assert_null (strstr (texts->str, studies[0]));
  gtk_window_destroy (GTK_WINDOW (details));
  iterate_pending ();
  g_assert_null (_eligo_window_get_details_window (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-dismiss", NULL);
  g_assert_null (_eligo_window_get_banner_text (window));
}

/* The reason of a rejected file, as the database gives it, is in the details. */
static void
test_import_rejected_reason (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "no-id.json", NULL);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  EligoWindow *window = fixture->window;

  if (!have_studies ())
    return;

  eligo_test_write_file (bad, "{\"protocolSection\": {\"statusModule\": {}}}", -1);
  file = g_file_new_for_path (bad);
  g_assert_false (eligo_database_import_file (fixture->database, file, NULL, NULL, &error));
  g_assert_nonnull (error);

  import_paths (window, bad, NULL);
  eligo_test_wait_until (import_done_cb, window, 30);
  g_assert_cmpstr (_eligo_window_get_banner_text (window), ==,
                   "Imported 0 trials, 1 file rejected");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-details", NULL);
  collect_texts (_eligo_window_get_details_window (window), texts);
  g_assert_nonnull (strstr (texts->str, error->message));
}

/* A folder: every JSON file in it. Files given during an import wait their turn. */
static void
test_import_folder_and_queue (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *folder = NULL;
  g_autofree char *again = NULL;
  EligoWindow *window = fixture->window;

  if (!have_studies ())
    return;

  folder = copy_studies (fixture, "folder");
  again = g_build_filename (folder, studies[2], NULL);

  import_paths (window, folder, NULL);
  import_paths (window, again, NULL);
  eligo_test_wait_until (import_done_cb, window, 30);

  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS + 3);
  g_assert_true (rows_contain (window, "NCT00033839"));
  /* The banner tells about the last import: the file that came again. */
  g_assert_nonnull (strstr (_eligo_window_get_banner_text (window), "Imported 0 trials"));
  g_assert_null (strstr (_eligo_window_get_banner_text (window), "rejected"));
}

/* Cancel stops between files; what was imported stays. */
static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = NULL;
  EligoWindow *window = fixture->window;

  if (!have_studies ())
    return;

  folder = eligo_test_data_path ("ctgov", "studies", NULL);

  import_paths (window, folder, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-cancel", NULL);
  eligo_test_wait_until (import_done_cb, window, 30);

  g_assert_true (g_str_has_prefix (_eligo_window_get_banner_text (window), "Import stopped"));
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), <, N_SEED_TRIALS + 700);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/window-import/files", Fixture, NULL,
              fixture_set_up, test_import_files, fixture_tear_down);
  g_test_add ("/eligo/window-import/rejected-reason", Fixture, NULL,
              fixture_set_up, test_import_rejected_reason, fixture_tear_down);
  g_test_add ("/eligo/window-import/folder-and-queue", Fixture, NULL,
              fixture_set_up, test_import_folder_and_queue, fixture_tear_down);
  g_test_add ("/eligo/window-import/cancel", Fixture, NULL,
              fixture_set_up, test_import_cancel, fixture_tear_down);

  return g_test_run ();
}
