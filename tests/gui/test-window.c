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
#include <string.h>

#include "eligo-column-sorter.h"
#include "eligo-database.h"
#include "eligo-filter-popover.h"
#include "eligo-format.h"
#include "eligo-test-utils.h"
#include "eligo-trial.h"
#include "eligo-trial-page.h"
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
show_window_sized (EligoDatabase *database,
                   int            width,
                   int            height)
{
  EligoWindow *window;

  window = g_object_ref (eligo_window_new (NULL, database));
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  return window;
}

static EligoWindow *
show_window (EligoDatabase *database)
{
  return show_window_sized (database, 0, 0);
}

typedef struct
{
  EligoWindow *window;
  const char  *text;
} SubtitleWait;

static gboolean
subtitle_is_cb (gpointer data)
{
  SubtitleWait *wait = data;

  return g_strcmp0 (_eligo_window_get_subtitle (wait->window), wait->text) == 0;
}

static void
wait_for_subtitle (EligoWindow *window,
                   const char  *text)
{
  SubtitleWait wait = { window, text };

  eligo_test_wait_until (subtitle_is_cb, &wait, 10);
}

static guint
count_matching (EligoDatabase         *database,
                const EligoTrialQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n;

  n = eligo_database_count_trials (database, query, &error);
  g_assert_no_error (error);

  return n;
}

static char *
dup_count_text (guint matching,
                guint total)
{
  return g_strdup_printf ("%u of %u trials", matching, total);
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

/* Selects the row of @nct_id alone; returns its position. */
static guint
select_trial (EligoWindow *window,
              const char  *nct_id)
{
  GListModel *rows = get_rows (window);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autofree char *id = dup_nct_id (rows, i);

      if (g_strcmp0 (id, nct_id) == 0)
        {
          g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), i, TRUE));
          return i;
        }
    }

  g_assert_not_reached ();
  return 0;
}

static gboolean
rows_contain (EligoWindow *window,
              const char  *nct_id)
{
  GListModel *rows = get_rows (window);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autofree char *id = dup_nct_id (rows, i);

      if (g_strcmp0 (id, nct_id) == 0)
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

/* Typing in the search entry narrows the list after the search delay. */
static void
test_window_search (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autofree char *expected = NULL;
  GtkSearchEntry *entry;
  EligoWindow *window;
  GListModel *rows;
  guint n_matching;

  query->search = g_strdup ("CD19");
  n_matching = count_matching (fixture->database, query);
  g_assert_cmpuint (n_matching, >, 0);
  g_assert_cmpuint (n_matching, <, N_SEED_TRIALS);

  window = show_window (fixture->database);
  rows = get_rows (window);
  entry = _eligo_window_get_search_entry (window);

  gtk_editable_set_text (GTK_EDITABLE (entry), "CD19");
  /* Not at once: the entry waits for the user to stop typing. */
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "5 trials");

  expected = dup_count_text (n_matching, N_SEED_TRIALS);
  wait_for_subtitle (window, expected);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_matching);
  g_assert_cmpstr (eligo_trial_list_get_query (_eligo_window_get_trial_list (window))->search, ==,
                   "CD19");
  g_assert_true (rows_contain (window, "NCT07072494"));

  /* Nothing matches: say so, and offer to clear the search. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "xylophone zebra");
  wait_for_subtitle (window, "0 of 5 trials");
  g_assert_cmpstr (_eligo_window_get_state (window), ==, "no-results");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "5 trials");
  g_assert_cmpstr (_eligo_window_get_state (window), ==, "trials");
  g_assert_null (eligo_trial_list_get_query (_eligo_window_get_trial_list (window))->search);

  destroy_window (window);
}

/* Filters from the filter popover narrow the list, each one at once. */
static void
test_window_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const phase1[] = { "PHASE1", NULL };
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autofree char *expected = NULL;
  EligoFilterPopover *filters;
  EligoWindow *window;
  guint n_phase1;
  guint n_both;

  query->phases = g_strdupv ((char **) phase1);
  n_phase1 = count_matching (fixture->database, query);
  query->patient_age = 10;
  n_both = count_matching (fixture->database, query);
  g_assert_cmpuint (n_phase1, <, N_SEED_TRIALS);
  g_assert_cmpuint (n_both, <=, n_phase1);

  window = show_window (fixture->database);
  filters = _eligo_window_get_filter_popover (window);

  eligo_filter_popover_set_phase_active (filters, "PHASE1", TRUE);
  g_assert_cmpuint (eligo_filter_popover_get_n_active (filters), ==, 1);
  expected = dup_count_text (n_phase1, N_SEED_TRIALS);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, n_phase1);
  g_clear_pointer (&expected, g_free);

  /* Which trials would take a 10-year-old? */
  eligo_filter_popover_set_patient_age (filters, 10);
  g_assert_cmpuint (eligo_filter_popover_get_n_active (filters), ==, 2);
  g_assert_cmpfloat (eligo_trial_list_get_query (_eligo_window_get_trial_list (window))->patient_age,
                     ==, 10);
  expected = dup_count_text (n_both, N_SEED_TRIALS);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, expected);
  g_clear_pointer (&expected, g_free);

  eligo_filter_popover_set_phase_active (filters, "PHASE1", FALSE);
  g_clear_pointer (&query->phases, g_strfreev);
  expected = dup_count_text (count_matching (fixture->database, query), N_SEED_TRIALS);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, expected);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (eligo_filter_popover_get_n_active (filters), ==, 0);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "5 trials");
  g_assert_cmpfloat (eligo_trial_list_get_query (_eligo_window_get_trial_list (window))->patient_age,
                     <, 0);

  destroy_window (window);
}

/* "Recruiting only" is a setting; it lists the recruiting trials. */
static void
test_window_recruiting_only (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autofree char *expected = NULL;
  const EligoTrialQuery *current;
  EligoWindow *window;
  guint n_recruiting;

  query->statuses = g_new0 (char *, 2);
  query->statuses[0] = g_strdup ("RECRUITING");
  n_recruiting = count_matching (fixture->database, query);
  g_assert_cmpuint (n_recruiting, <, N_SEED_TRIALS);

  window = show_window (fixture->database);

  g_settings_set_boolean (settings, "recruiting-only", TRUE);
  current = eligo_trial_list_get_query (_eligo_window_get_trial_list (window));
  g_assert_nonnull (current->statuses);
  g_assert_cmpstr (current->statuses[0], ==, "RECRUITING");
  g_assert_null (current->statuses[1]);
  expected = dup_count_text (n_recruiting, N_SEED_TRIALS);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, expected);

  /* The toggle button shows it, and turns it off again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.recruiting-only", NULL);
  g_assert_false (g_settings_get_boolean (settings, "recruiting-only"));
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "5 trials");
  destroy_window (window);

  /* A new window starts as the last one was left. */
  g_settings_set_boolean (settings, "recruiting-only", TRUE);
  window = show_window (fixture->database);
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, expected);
  destroy_window (window);
}

static gboolean
texts_contain_part (GPtrArray  *texts,
                    const char *part)
{
  for (guint i = 0; i < texts->len; i++)
    {
      if (strstr (g_ptr_array_index (texts, i), part) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Selecting a row shows the trial page beside the list. */
static void
test_window_trial_page (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EligoTrial) trial = NULL;
  EligoTrialPage *page;
  EligoWindow *window;
  guint position;

  window = show_window_sized (fixture->database, 1400, 800);
  page = ELIGO_TRIAL_PAGE (_eligo_window_get_trial_page (window));

  g_assert_true (_eligo_window_is_list_visible (window));
  g_assert_false (_eligo_window_is_page_visible (window));

  position = select_trial (window, "NCT07072494");
  trial = g_list_model_get_item (get_rows (window), position);
  iterate_for (100);

  g_assert_true (_eligo_window_is_list_visible (window));
  g_assert_true (_eligo_window_is_page_visible (window));
  g_assert_true (eligo_trial_page_get_trial (page) == trial);

  collect_texts (GTK_WIDGET (page), texts);
  g_assert_true (texts_contain (texts, "NCT07072494"));
  g_assert_true (texts_contain_part (texts, eligo_trial_get_brief_title (trial)));
  g_assert_true (texts_contain (texts, "Overview"));
  g_assert_true (texts_contain (texts, "Eligibility"));

  /* Two selected trials: no page, but how many are selected. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (get_rows (window)),
                                   position == 0 ? 1 : 0, FALSE);
  g_assert_false (_eligo_window_is_page_visible (window));

  g_clear_object (&trial);
  destroy_window (window);
}

/* A narrow window shows the page instead of the list, with a way back. */
static gboolean
is_narrow_cb (gpointer data)
{
  return _eligo_window_is_narrow (data);
}

static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  EligoWindow *window;
  guint position;

  window = show_window_sized (fixture->database, 800, 600);
  /* The layout follows the first allocation, which may come a little after
   * the window is mapped on a loaded machine. */
  eligo_test_wait_until (is_narrow_cb, window, 30);
  g_assert_true (_eligo_window_is_list_visible (window));
  g_assert_false (_eligo_window_is_page_visible (window));

  /* Selecting does not leave the list; Enter or a double click does. */
  position = select_trial (window, "NCT06389305");
  iterate_for (50);
  g_assert_true (_eligo_window_is_list_visible (window));
  g_signal_emit_by_name (_eligo_window_get_column_view (window), "activate", position);
  g_assert_false (_eligo_window_is_list_visible (window));
  g_assert_true (_eligo_window_is_page_visible (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_true (_eligo_window_is_list_visible (window));
  g_assert_false (_eligo_window_is_page_visible (window));

  /* Ctrl+F from the page goes back to the list and its search. */
  g_signal_emit_by_name (_eligo_window_get_column_view (window), "activate", position);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (_eligo_window_is_list_visible (window));
  iterate_for (50);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (_eligo_window_get_search_entry (window))));

  destroy_window (window);
}

/* Delete takes the selected trials out of the database; Undo brings them back. */
static void
test_window_delete_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(EligoTrial) restored = NULL;
  g_autoptr(GError) error = NULL;
  EligoWindow *window;

  window = show_window (fixture->database);

  select_trial (window, "NCT03754764");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS - 1);
  g_assert_false (rows_contain (window, "NCT03754764"));
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "4 trials");
  g_assert_cmpstr (_eligo_window_get_toast_text (window), ==, "NCT03754764 deleted");
  g_assert_null (eligo_database_get_trial_by_nct_id (fixture->database, "NCT03754764", &error));
  g_clear_error (&error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (window)), ==, N_SEED_TRIALS);
  g_assert_true (rows_contain (window, "NCT03754764"));
  g_assert_null (_eligo_window_get_toast_text (window));
  restored = eligo_database_get_trial_by_nct_id (fixture->database, "NCT03754764", &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);

  /* The restored trial is selected again. */
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (
                      GTK_SELECTION_MODEL (get_rows (window)))), ==, 1);

  /* Several at once; undo is gone once the toast is dismissed. */
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (get_rows (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_cmpstr (_eligo_window_get_toast_text (window), ==, "5 trials deleted");
  g_assert_true (_eligo_window_is_empty_shown (window));
  eligo_window_dismiss_toast (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (_eligo_window_is_empty_shown (window));
  g_assert_cmpuint (count_matching (fixture->database, query), ==, 0);

  destroy_window (window);
}

/* Archive hides a trial; "Show archived" lists it again; Unarchive brings it back. */
static void
test_window_archive (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  EligoWindow *window;

  window = show_window (fixture->database);

  select_trial (window, "NCT06585345");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.archive", NULL);
  g_assert_false (rows_contain (window, "NCT06585345"));
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "4 trials");
  g_assert_cmpstr (_eligo_window_get_toast_text (window), ==, "NCT06585345 archived");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-archived", NULL);
  g_assert_true (g_settings_get_boolean (settings, "show-archived"));
  g_assert_true (rows_contain (window, "NCT06585345"));
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "5 trials");

  select_trial (window, "NCT06585345");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unarchive", NULL);
  g_assert_cmpstr (_eligo_window_get_toast_text (window), ==, "NCT06585345 unarchived");

  g_settings_set_boolean (settings, "show-archived", FALSE);
  g_assert_true (rows_contain (window, "NCT06585345"));

  /* Undo the unarchive: archived again, so hidden. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (rows_contain (window, "NCT06585345"));
  g_assert_cmpstr (_eligo_window_get_subtitle (window), ==, "4 trials");

  destroy_window (window);
}

/* The column chooser hides columns; the choice is kept. */
static void
test_window_column_chooser (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  g_auto(GStrv) visible = NULL;
  GtkColumnViewColumn *sponsor;
  EligoWindow *window;

  window = show_window (fixture->database);
  sponsor = _eligo_window_get_column (window, "sponsor");
  g_assert_true (gtk_column_view_column_get_visible (sponsor));

  gtk_widget_activate_action (GTK_WIDGET (window), "columns.sponsor", NULL);
  g_assert_false (gtk_column_view_column_get_visible (sponsor));
  g_assert_nonnull (gtk_column_view_column_get_header_menu (sponsor));

  gtk_window_close (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_finalize_object (window);

  visible = g_settings_get_strv (settings, "visible-columns");
  g_assert_false (g_strv_contains ((const char * const *) visible, "sponsor"));
  g_assert_true (g_strv_contains ((const char * const *) visible, "title"));

  window = show_window (fixture->database);
  g_assert_false (gtk_column_view_column_get_visible (_eligo_window_get_column (window, "sponsor")));
  destroy_window (window);
}

static GtkGesture *
find_secondary_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }

  return NULL;
}

/* A right click on a row selects it and opens the menu of the selected trials. */
static void
test_window_context_menu (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkColumnView *column_view;
  GtkWidget *list_view = NULL;
  GtkWidget *row = NULL;
  GtkPopover *menu = NULL;
  graphene_rect_t bounds;
  EligoWindow *window;
  guint n = 0;

  window = show_window (fixture->database);
  column_view = _eligo_window_get_column_view (window);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (get_rows (window)), 0, TRUE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        list_view = child;
      else if (GTK_IS_POPOVER (child))
        menu = GTK_POPOVER (child);
    }
  g_assert_nonnull (list_view);
  g_assert_nonnull (menu);

  /* The third row on screen is the third trial. */
  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (child), "row") == 0 && n++ == 2)
        {
          row = child;
          break;
        }
    }
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (column_view), &bounds));

  g_signal_emit_by_name (find_secondary_click (GTK_WIDGET (column_view)), "pressed", 1,
                         (double) bounds.origin.x + 20,
                         (double) bounds.origin.y + bounds.size.height / 2);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (get_rows (window)));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_true (gtk_bitset_contains (selected, 2));
  iterate_for (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  gtk_popover_popdown (menu);

  /* From the keyboard too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.context-menu", NULL);
  iterate_for (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  gtk_popover_popdown (menu);

  destroy_window (window);
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
  g_test_add ("/eligo/window/search", Fixture, NULL,
              fixture_set_up, test_window_search, fixture_tear_down);
  g_test_add ("/eligo/window/filters", Fixture, NULL,
              fixture_set_up, test_window_filters, fixture_tear_down);
  g_test_add ("/eligo/window/recruiting-only", Fixture, NULL,
              fixture_set_up, test_window_recruiting_only, fixture_tear_down);
  g_test_add ("/eligo/window/trial-page", Fixture, NULL,
              fixture_set_up, test_window_trial_page, fixture_tear_down);
  g_test_add ("/eligo/window/narrow", Fixture, NULL,
              fixture_set_up, test_window_narrow, fixture_tear_down);
  g_test_add ("/eligo/window/delete-undo", Fixture, NULL,
              fixture_set_up, test_window_delete_undo, fixture_tear_down);
  g_test_add ("/eligo/window/archive", Fixture, NULL,
              fixture_set_up, test_window_archive, fixture_tear_down);
  g_test_add ("/eligo/window/column-chooser", Fixture, NULL,
              fixture_set_up, test_window_column_chooser, fixture_tear_down);
  g_test_add ("/eligo/window/context-menu", Fixture, NULL,
              fixture_set_up, test_window_context_menu, fixture_tear_down);

  return g_test_run ();
}
