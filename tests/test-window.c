/* test-window.c
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
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "eligo-column-sorter.h"
#include "eligo-database.h"
#include "eligo-format.h"
#include "eligo-trial.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

#define N_SEED_TRIALS 5

typedef struct
{
  char          *dir;
  EligoDatabase *database;
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

static EligoDatabase *
open_database (const char *dir,
               const char *name,
               gboolean    seed)
{
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ELIGO_IS_DATABASE (database));

  if (seed)
    {
      g_assert_true (eligo_database_seed_if_new (database, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&database);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reset_settings ();

  fixture->dir = g_dir_make_tmp ("eligo-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->database = open_database (fixture->dir, "eligo.db", TRUE);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

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
  g_assert_finalize_object (fixture->database);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
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

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }

  /* Let the column view create and bind its rows. */
  iterate_for (200);
}

static EligoWindow *
show_window (EligoDatabase *database)
{
  EligoWindow *window;

  window = g_object_ref (eligo_window_new (NULL, database));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  return window;
}

static void
destroy_window (EligoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_finalize_object (window);
}

static GListModel *
get_rows (EligoWindow *window)
{
  return G_LIST_MODEL (gtk_column_view_get_model (_eligo_window_get_column_view (window)));
}

static char *
dup_nct_id (GListModel *rows,
            guint       position)
{
  g_autoptr(EligoTrial) trial = g_list_model_get_item (rows, position);

  g_assert_true (ELIGO_IS_TRIAL (trial));

  return g_strdup (eligo_trial_get_nct_id (trial));
}

static void
assert_first_and_last (EligoWindow *window,
                       const char  *first,
                       const char  *last)
{
  GListModel *rows = get_rows (window);
  guint n_rows = g_list_model_get_n_items (rows);
  g_autofree char *first_id = NULL;
  g_autofree char *last_id = NULL;

  g_assert_cmpuint (n_rows, ==, N_SEED_TRIALS);

  first_id = dup_nct_id (rows, 0);
  last_id = dup_nct_id (rows, n_rows - 1);
  g_assert_cmpstr (first_id, ==, first);
  g_assert_cmpstr (last_id, ==, last);
}

/* The texts of the labels and inscriptions in @widget, e.g. the cells of a column view. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));
  else if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
texts_contain (GPtrArray  *texts,
               const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_column_sorter_probe (void)
{
  g_autoptr(GtkSorter) nct_id = eligo_column_sorter_new (ELIGO_SORT_NCT_ID);
  g_autoptr(GtkSorter) title = eligo_column_sorter_new (ELIGO_SORT_TITLE);
  g_autoptr(GtkMultiSorter) multi = gtk_multi_sorter_new ();
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  EligoSortField field = ELIGO_SORT_LAST_UPDATE;
  gboolean descending = TRUE;

  g_assert_cmpint (eligo_column_sorter_get_field (ELIGO_COLUMN_SORTER (title)), ==,
                   ELIGO_SORT_TITLE);

  /* Outside a probe, a column sorter has no opinion. */
  g_assert_cmpint (gtk_sorter_compare (nct_id, a, b), ==, GTK_ORDERING_EQUAL);

  g_assert_false (eligo_column_sorter_probe (GTK_SORTER (multi), &field, &descending));

  gtk_multi_sorter_append (multi, g_object_ref (title));
  gtk_multi_sorter_append (multi, g_object_ref (nct_id));
  g_assert_true (eligo_column_sorter_probe (GTK_SORTER (multi), &field, &descending));
  g_assert_cmpint (field, ==, ELIGO_SORT_TITLE);
  g_assert_false (descending);

  g_assert_true (eligo_column_sorter_probe (nct_id, &field, NULL));
  g_assert_cmpint (field, ==, ELIGO_SORT_NCT_ID);
}

static void
test_window_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EligoTrial) first = NULL;
  g_autoptr(EligoTrial) second = NULL;
  g_autofree char *status = NULL;
  EligoWindow *window;
  GListModel *rows;

  window = show_window (fixture->database);
  rows = get_rows (window);

  g_assert_true (eligo_window_get_database (window) == fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_SEED_TRIALS);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "5 trials");
  g_assert_false (_eligo_window_is_empty_shown (window));

  /* By default, the most recently updated trial comes first. */
  first = g_list_model_get_item (rows, 0);
  second = g_list_model_get_item (rows, 1);
  g_assert_cmpstr (eligo_trial_get_last_update (first), >=, eligo_trial_get_last_update (second));

  /* The cells show the trials, formatted. */
  collect_texts (GTK_WIDGET (_eligo_window_get_column_view (window)), texts);
  g_assert_true (texts_contain (texts, eligo_trial_get_nct_id (first)));
  g_assert_true (texts_contain (texts, eligo_trial_get_brief_title (first)));
  status = eligo_format_status (eligo_trial_get_overall_status (first));
  g_assert_true (texts_contain (texts, status));

  g_clear_object (&first);
  g_clear_object (&second);
  destroy_window (window);
}

static void
test_window_sort (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  g_autofree char *sort_column = NULL;
  GtkColumnView *column_view;
  GtkColumnViewColumn *nct_id_column;
  EligoSortField field;
  gboolean descending;
  EligoWindow *window;

  window = show_window (fixture->database);
  column_view = _eligo_window_get_column_view (window);
  nct_id_column = _eligo_window_get_column (window, "nct_id");
  g_assert_nonnull (nct_id_column);

  /* The saved default, last update descending, is the column view's sort. */
  g_assert_true (eligo_column_sorter_probe (gtk_column_view_get_sorter (column_view),
                                            &field, &descending));
  g_assert_cmpint (field, ==, ELIGO_SORT_LAST_UPDATE);
  g_assert_true (descending);

  gtk_column_view_sort_by_column (column_view, nct_id_column, GTK_SORT_ASCENDING);
  assert_first_and_last (window, "NCT03754764", "NCT07087847");
  g_assert_cmpint (eligo_trial_list_get_query (_eligo_window_get_trial_list (window))->sort, ==,
                   ELIGO_SORT_NCT_ID);
  sort_column = g_settings_get_string (settings, "sort-column");
  g_assert_cmpstr (sort_column, ==, "nct_id");
  g_assert_false (g_settings_get_boolean (settings, "sort-descending"));

  gtk_column_view_sort_by_column (column_view, nct_id_column, GTK_SORT_DESCENDING);
  assert_first_and_last (window, "NCT07087847", "NCT03754764");
  g_assert_true (g_settings_get_boolean (settings, "sort-descending"));

  iterate_for (50);
  destroy_window (window);
}

static void
test_window_restore_sort (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  EligoSortField field;
  gboolean descending;
  EligoWindow *window;
  GtkSorter *sorter;

  g_settings_set_string (settings, "sort-column", "nct_id");
  g_settings_set_boolean (settings, "sort-descending", FALSE);

  window = show_window (fixture->database);
  assert_first_and_last (window, "NCT03754764", "NCT07087847");
  sorter = gtk_column_view_get_sorter (_eligo_window_get_column_view (window));
  g_assert_true (eligo_column_sorter_probe (sorter, &field, &descending));
  g_assert_cmpint (field, ==, ELIGO_SORT_NCT_ID);
  g_assert_false (descending);
  destroy_window (window);

  /* A saved sort column that is not a column still sorts the list. */
  g_settings_set_string (settings, "sort-column", "max_age_years");
  window = show_window (fixture->database);
  g_assert_cmpint (eligo_trial_list_get_query (_eligo_window_get_trial_list (window))->sort, ==,
                   ELIGO_SORT_MAX_AGE);
  destroy_window (window);
}

static void
test_window_save_state (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const expected_visible[] = {
    "status", "nct_id", "title", "enrollment", "start_date", "completion_date",
    "last_update", "sponsor", "ages", "conditions", NULL
  };
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  g_auto(GStrv) visible = NULL;
  g_autoptr(GVariant) widths = NULL;
  GtkColumnViewColumn *first_column;
  GtkColumnViewColumn *title_column;
  GtkColumnView *column_view;
  EligoWindow *window;
  int width;

  window = show_window (fixture->database);
  column_view = _eligo_window_get_column_view (window);

  gtk_column_view_insert_column (column_view, 0, _eligo_window_get_column (window, "status"));
  gtk_column_view_column_set_visible (_eligo_window_get_column (window, "phase"), FALSE);
  gtk_column_view_column_set_fixed_width (_eligo_window_get_column (window, "title"), 321);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);

  gtk_window_close (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_finalize_object (window);

  visible = g_settings_get_strv (settings, "visible-columns");
  g_assert_cmpstrv (visible, expected_visible);
  widths = g_settings_get_value (settings, "column-widths");
  g_assert_true (g_variant_lookup (widths, "title", "i", &width));
  g_assert_cmpint (width, ==, 321);
  g_assert_false (g_variant_lookup (widths, "nct_id", "i", &width));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window looks the same. */
  window = show_window (fixture->database);
  column_view = _eligo_window_get_column_view (window);
  first_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  g_assert_true (first_column == _eligo_window_get_column (window, "status"));
  g_clear_object (&first_column);
  title_column = _eligo_window_get_column (window, "title");
  g_assert_false (gtk_column_view_column_get_visible (_eligo_window_get_column (window, "phase")));
  g_assert_true (gtk_column_view_column_get_visible (title_column));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (title_column), ==, 321);
  destroy_window (window);
}

static void
test_window_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  EligoDatabase *database = open_database (fixture->dir, "empty.db", FALSE);
  EligoWindow *window;

  window = show_window (database);
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, 0);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "0 trials");
  g_assert_true (_eligo_window_is_empty_shown (window));
  destroy_window (window);

  g_assert_finalize_object (database);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/column-sorter/probe", test_column_sorter_probe);
  g_test_add ("/eligo/window/list", Fixture, NULL,
              fixture_set_up, test_window_list, fixture_tear_down);
  g_test_add ("/eligo/window/sort", Fixture, NULL,
              fixture_set_up, test_window_sort, fixture_tear_down);
  g_test_add ("/eligo/window/restore-sort", Fixture, NULL,
              fixture_set_up, test_window_restore_sort, fixture_tear_down);
  g_test_add ("/eligo/window/save-state", Fixture, NULL,
              fixture_set_up, test_window_save_state, fixture_tear_down);
  g_test_add ("/eligo/window/empty", Fixture, NULL,
              fixture_set_up, test_window_empty, fixture_tear_down);

  return g_test_run ();
}
