/* test-screening-log-window.c
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
 * The screening log window: its rows, filters, funnel, CSV export and the
 * saved snapshot of a screening.
 *
 * With ELIGO_SCREENSHOT=FILE.png set, /eligo/screening-log-window/screenshot
 * also saves a picture of the window.
 */

#define G_LOG_DOMAIN "test-screening-log-window"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>

#include "eligo-screening-log-window-private.h"
#include "eligo-test-utils.h"

#define FULL_TRIAL   "NCT07072494"
#define SPARSE_TRIAL "NCT06585345"

typedef struct
{
  char                    *dir;
  EligoDatabase           *database;
  EligoScreeningLogWindow *window;
} Fixture;

typedef struct
{
  const char *id;
  const char *facts;
  const char *screener;
  const char *site;
  gboolean    answer_all;   /* the nurse passes every criterion the engine did not */
} Seed;

/* Saved in this order, so the last one is the newest. */
static const Seed seeds[] = {
  { "SCR-101", "{\"age_years\": 30, \"ecog\": 3}", "Nurse, \"Li\"", "Site A", FALSE },
  { "SCR-102", "{\"age_years\": 90, \"ecog\": 3}", "M. Okafor", "Site A", FALSE },
  { "SCR-103", "{\"age_years\": 30, \"ecog\": 1, \"prior_car_t\": true}", "M. Okafor",
    "Hematology Day Unit", FALSE },
  { "SCR-104", "{\"age_years\": 30}", "Nurse, \"Li\"", "Site A", FALSE },
};

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

  iterate_for (50);
}

static void
load_style (void)
{
  static GtkCssProvider *provider;

  if (provider != NULL)
    return;

  /* A CSS parsing error is a warning, which G_DEBUG=fatal-warnings makes fatal. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, ELIGO_RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static EligoPatient *
make_patient (const char *id,
              const char *facts)
{
  /* Initials and year of birth are stored, but the log must never show them. */
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"initials\": \"QZ\","
                                           " \"birth_year\": 1957, \"facts\": %s}", id, facts);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  EligoPatient *patient = eligo_patient_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return patient;
}

static EligoScreeningResult *
screen (EligoDatabase *database,
        const char    *nct_id,
        EligoPatient  *patient)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, nct_id, &error);
  g_autoptr(GPtrArray) criteria = NULL;

  g_assert_no_error (error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);

  return eligo_screen (trial, criteria, patient);
}

static void
save_screening (EligoDatabase *database,
                const Seed    *seed,
                const char    *nct_id)
{
  g_autoptr(EligoPatient) patient = make_patient (seed->id, seed->facts);
  g_autoptr(EligoScreeningResult) result = screen (database, nct_id, patient);
  g_autoptr(GError) error = NULL;

  if (seed->answer_all)
    {
      for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
        {
          const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);

          if (r->verdict != ELIGO_VERDICT_PASS)
            eligo_patient_set_answer (patient, eligo_criterion_get_id (r->criterion),
                                      ELIGO_ANSWER_PASS, "Confirmed in the chart",
                                      seed->screener, NULL);
        }
      g_clear_pointer (&result, eligo_screening_result_unref);
      result = screen (database, nct_id, patient);
    }

  g_assert_cmpint (eligo_database_save_screening (database, patient, result, seed->screener,
                                                  seed->site, &error), >, 0);
  g_assert_no_error (error);
}

static EligoDatabase *
open_database (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EligoDatabase *database;

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);

  return database;
}

static EligoScreeningLogWindow *
show_window (EligoDatabase *database,
             int            width,
             int            height)
{
  EligoScreeningLogWindow *window;

  window = ELIGO_SCREENING_LOG_WINDOW (eligo_screening_log_window_new (NULL, database));
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  load_style ();

  fixture->dir = g_dir_make_tmp ("eligo-test-screening-log-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->database = open_database (fixture->dir, "eligo.db");

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      save_screening (fixture->database, &seeds[i], FULL_TRIAL);
      save_screening (fixture->database, &seeds[i], SPARSE_TRIAL);
    }

  fixture->window = show_window (fixture->database, 1100, 700);
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
close_window (EligoScreeningLogWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (20);
  g_assert_finalize_object (window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  g_assert_finalize_object (fixture->database);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The text of every visible GtkLabel and GtkInscription below @widget, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
dup_text (gpointer widget)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (widget), out);

  return g_string_free (out, FALSE);
}

static GPtrArray *
list_screenings (EligoDatabase              *database,
                 const EligoScreeningFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = eligo_database_list_screenings (database, filter, &error);

  g_assert_no_error (error);
  return records;
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (_eligo_screening_log_window_get_shown (fixture->window));
}

static EligoScreeningLogRow *
get_row (Fixture *fixture,
         guint    position)
{
  GListModel *shown = _eligo_screening_log_window_get_shown (fixture->window);
  EligoScreeningLogRow *row = g_list_model_get_item (shown, position);

  g_assert_true (ELIGO_IS_SCREENING_LOG_ROW (row));
  g_object_unref (row);   /* the model keeps it */

  return row;
}

static const char *
count_text (Fixture *fixture)
{
  return gtk_label_get_text (fixture->window->count_label);
}

static void
test_lists_newest_first (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) records = list_screenings (fixture->database, NULL);
  g_autofree char *first_verdict = NULL;

  g_assert_cmpuint (records->len, ==, 2 * G_N_ELEMENTS (seeds));
  g_assert_cmpuint (n_shown (fixture), ==, records->len);
  g_assert_cmpstr (_eligo_screening_log_window_get_state (fixture->window), ==, "list");
  g_assert_cmpstr (count_text (fixture), ==, "8 screenings");

  for (guint i = 0; i < records->len; i++)
    {
      const EligoScreeningRecord *record = g_ptr_array_index (records, i);
      EligoScreeningLogRow *row = get_row (fixture, i);
      g_autofree char *label = NULL;
      EligoTrialVerdict verdict;

      /* Same order as the database's newest first, and the ids fall. */
      g_assert_cmpint (eligo_screening_log_row_get_id (row), ==, record->id);
      if (i > 0)
        g_assert_cmpint (eligo_screening_log_row_get_id (row), <,
                         eligo_screening_log_row_get_id (get_row (fixture, i - 1)));

      verdict = g_str_equal (record->verdict, "eligible") ? ELIGO_TRIAL_VERDICT_ELIGIBLE
                : g_str_equal (record->verdict, "ineligible") ? ELIGO_TRIAL_VERDICT_INELIGIBLE
                : ELIGO_TRIAL_VERDICT_PENDING;
      g_object_get (row, "verdict-label", &label, NULL);
      g_assert_cmpstr (label, ==, eligo_trial_verdict_get_label (verdict));
    }

  /* The newest is SCR-104 on the sparse trial; the oldest SCR-101's, which failed I4. */
  g_assert_cmpstr (eligo_screening_log_row_get_screening_id (get_row (fixture, 0)), ==, "SCR-104");
  g_assert_cmpstr (eligo_screening_log_row_get_nct_id (get_row (fixture, 0)), ==, SPARSE_TRIAL);
  g_assert_cmpstr (eligo_screening_log_row_get_screening_id (get_row (fixture, 7)), ==, "SCR-101");
  g_assert_cmpstr (eligo_screening_log_row_get_nct_id (get_row (fixture, 7)), ==, FULL_TRIAL);
  g_assert_cmpstr (eligo_screening_log_row_get_verdict (get_row (fixture, 7)), ==, "ineligible");

  /* The column view shows the words, not only colours. */
  iterate_for (100);
  first_verdict = dup_text (fixture->window->column_view);
  g_assert_nonnull (strstr (first_verdict, "Not eligible"));
  g_assert_nonnull (strstr (first_verdict, "Pending"));
}

static GtkColumnViewColumn *
get_column (Fixture    *fixture,
            const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (fixture->window->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;   /* the column view keeps it */
    }

  g_assert_not_reached ();
}

static void
test_sorting (Fixture       *fixture,
              gconstpointer  data)
{
  GtkColumnView *view = fixture->window->column_view;

  gtk_column_view_sort_by_column (view, get_column (fixture, "Screening ID"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (eligo_screening_log_row_get_screening_id (get_row (fixture, 0)), ==, "SCR-101");
  g_assert_cmpstr (eligo_screening_log_row_get_screening_id (get_row (fixture, 7)), ==, "SCR-104");

  /* Outcome: not eligible last. */
  gtk_column_view_sort_by_column (view, get_column (fixture, "Outcome"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (eligo_screening_log_row_get_verdict (get_row (fixture, 0)), !=, "ineligible");
  g_assert_cmpstr (eligo_screening_log_row_get_verdict (get_row (fixture, 7)), ==, "ineligible");

  gtk_column_view_sort_by_column (view, get_column (fixture, "Trial"), GTK_SORT_DESCENDING);
  g_assert_cmpstr (eligo_screening_log_row_get_nct_id (get_row (fixture, 0)), ==, FULL_TRIAL);
  g_assert_cmpstr (eligo_screening_log_row_get_nct_id (get_row (fixture, 7)), ==, SPARSE_TRIAL);

  /* Back to the date, oldest first. */
  gtk_column_view_sort_by_column (view, get_column (fixture, "Date"), GTK_SORT_ASCENDING);
  for (guint i = 1; i < 8; i++)
    g_assert_cmpint (eligo_screening_log_row_get_id (get_row (fixture, i)), >,
                     eligo_screening_log_row_get_id (get_row (fixture, i - 1)));
}

static void
test_outcome_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  EligoScreeningFilter filter = { .verdict = "ineligible" };
  g_autoptr(GPtrArray) ineligible = list_screenings (fixture->database, &filter);
  g_autofree char *expected = NULL;

  g_assert_cmpuint (ineligible->len, >=, 3);
  g_assert_cmpuint (ineligible->len, <, 8);

  _eligo_screening_log_window_set_outcome (fixture->window, "ineligible");
  g_assert_cmpuint (n_shown (fixture), ==, ineligible->len);
  for (guint i = 0; i < n_shown (fixture); i++)
    g_assert_cmpstr (eligo_screening_log_row_get_verdict (get_row (fixture, i)), ==, "ineligible");
  expected = g_strdup_printf ("%u of 8 screenings", ineligible->len);
  g_assert_cmpstr (count_text (fixture), ==, expected);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->window->export_button)));

  /* Nobody is eligible: the no-results page, and nothing to export. */
  _eligo_screening_log_window_set_outcome (fixture->window, "eligible");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_cmpstr (_eligo_screening_log_window_get_state (fixture->window), ==, "no-results");
  g_assert_cmpstr (count_text (fixture), ==, "0 of 8 screenings");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (fixture->window->export_button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "log.clear-filters",
                                             NULL));
  g_assert_cmpuint (n_shown (fixture), ==, 8);
  g_assert_cmpstr (_eligo_screening_log_window_get_state (fixture->window), ==, "list");
  g_assert_cmpstr (count_text (fixture), ==, "8 screenings");
}

static void
test_trial_filter_and_funnel (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoFunnel) funnel = eligo_database_get_funnel (fixture->database, FULL_TRIAL,
                                                             &error);
  g_autofree char *reasons = NULL;
  g_autofree char *top = NULL;
  const EligoFunnelReason *reason;

  g_assert_no_error (error);
  g_assert_cmpuint (funnel->screened, ==, 4);
  g_assert_cmpuint (funnel->ineligible, ==, 3);

  /* The drop-down lists "All trials" and the trials in the log. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->trial_list)), ==, 3);

  _eligo_screening_log_window_set_trial (fixture->window, FULL_TRIAL);
  g_assert_cmpuint (n_shown (fixture), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (eligo_screening_log_row_get_nct_id (get_row (fixture, i)), ==, FULL_TRIAL);
  g_assert_cmpstr (count_text (fixture), ==, "4 of 8 screenings");

  g_assert_true (gtk_widget_get_visible (fixture->window->funnel_box));
  g_assert_cmpstr (gtk_label_get_text (fixture->window->funnel_nct_id), ==, FULL_TRIAL);
  g_assert_cmpstr (gtk_label_get_text (fixture->window->screened_value), ==, "4");
  g_assert_cmpstr (gtk_label_get_text (fixture->window->ineligible_value), ==, "3");
  g_assert_cmpstr (gtk_label_get_text (fixture->window->pending_value), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (fixture->window->eligible_value), ==, "0");
  g_assert_cmpfloat (gtk_level_bar_get_value (fixture->window->ineligible_bar), ==, 3);
  g_assert_cmpfloat (gtk_level_bar_get_max_value (fixture->window->ineligible_bar), ==, 4);

  /* The most common reason first: I4 (ECOG), twice. */
  reason = g_ptr_array_index (funnel->reasons, 0);
  g_assert_true (g_str_has_prefix (reason->criterion, "I4: "));
  g_assert_cmpuint (reason->count, ==, 2);
  top = dup_text (gtk_widget_get_first_child (GTK_WIDGET (fixture->window->reasons_box)));
  g_assert_true (g_str_has_prefix (top, "I4\n"));
  g_assert_true (g_str_has_suffix (top, "\n2\n"));
  reasons = dup_text (fixture->window->reasons_box);
  g_assert_nonnull (strstr (reasons, "E2\n"));

  /* The other trial: its own funnel. */
  _eligo_screening_log_window_set_trial (fixture->window, SPARSE_TRIAL);
  g_assert_cmpuint (n_shown (fixture), ==, 4);
  g_assert_cmpstr (gtk_label_get_text (fixture->window->funnel_nct_id), ==, SPARSE_TRIAL);
  g_assert_cmpstr (gtk_label_get_text (fixture->window->screened_value), ==, "4");

  /* Search narrows by screening id, case-insensitively. */
  _eligo_screening_log_window_set_trial (fixture->window, NULL);
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), "scr-103");
  g_signal_emit_by_name (fixture->window->search_entry, "search-changed");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpstr (eligo_screening_log_row_get_screening_id (get_row (fixture, 0)), ==, "SCR-103");
}

static void
test_date_range (Fixture       *fixture,
                 gconstpointer  data)
{
  EligoScreeningLogWindow *window = fixture->window;
  const char *today = eligo_screening_log_row_get_date (get_row (fixture, 0));

  /* Dates past and future hide everything; today's date keeps everything. */
  gtk_editable_set_text (GTK_EDITABLE (window->from_entry), "2000-01-01");
  gtk_editable_set_text (GTK_EDITABLE (window->to_entry), "2000-12-31");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_cmpstr (_eligo_screening_log_window_get_state (window), ==, "no-results");

  gtk_editable_set_text (GTK_EDITABLE (window->to_entry), today);
  g_assert_cmpuint (n_shown (fixture), ==, 8);
  gtk_editable_set_text (GTK_EDITABLE (window->from_entry), today);
  g_assert_cmpuint (n_shown (fixture), ==, 8);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window->from_entry), "error"));

  /* A half-typed date is no error yet, and no filter. */
  gtk_editable_set_text (GTK_EDITABLE (window->to_entry), "2000-0");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window->to_entry), "error"));
  g_assert_cmpuint (n_shown (fixture), ==, 8);

  /* An impossible date is marked and ignored. */
  gtk_editable_set_text (GTK_EDITABLE (window->to_entry), "2000-13-45");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->to_entry), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->date_error_label)));
  g_assert_cmpuint (n_shown (fixture), ==, 8);

  /* "To" before "From" is marked too. */
  gtk_editable_set_text (GTK_EDITABLE (window->to_entry), "2000-12-31");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->to_entry), "error"));

  gtk_editable_set_text (GTK_EDITABLE (window->to_entry), "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window->to_entry), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->date_error_label)));
  g_assert_cmpuint (n_shown (fixture), ==, 8);
}

/* A strict RFC 4180 reader: CRLF line ends, quotes only around whole fields,
 * "" for a quote inside them, every record the same width. Returns NULL on
 * any deviation.
 */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  g_string_free (field, TRUE);
                  return NULL;            /* unterminated quote */
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r')
            {
              if (*p == '"' || *p == '\n')
                {
                  g_string_free (field, TRUE);
                  return NULL;            /* a quote or a bare LF in an unquoted field */
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_string_free (field, FALSE));

      if (*p == ',')
        {
          p++;
          continue;
        }
      if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          if (records->len > 0
              && g_strv_length (g_ptr_array_index (records, 0)) != fields->len)
            return NULL;                  /* ragged */
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
          g_ptr_array_unref (fields);
          fields = g_ptr_array_new_with_free_func (g_free);
          continue;
        }
      return NULL;                        /* junk after a field, or no CRLF at the end */
    }

  if (fields->len > 0)
    return NULL;

  return g_steal_pointer (&records);
}

static void
test_csv_parser (void)
{
  g_autoptr(GPtrArray) ok = parse_csv ("a,\"b,\"\"c\"\"\r\nd\",\r\n1,2,3\r\n");

  g_assert_nonnull (ok);
  g_assert_cmpuint (ok->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (ok, 0))[1], ==, "b,\"c\"\r\nd");
  g_assert_cmpstr (((char **) g_ptr_array_index (ok, 0))[2], ==, "");

  g_assert_null (parse_csv ("a,b\n"));
  g_assert_null (parse_csv ("a,b"));
  g_assert_null (parse_csv ("a,b\"c\r\n"));
  g_assert_null (parse_csv ("\"a\"b\r\n"));
  g_assert_null (parse_csv ("a,b\r\nc\r\n"));
  g_assert_null (parse_csv ("\"a\r\n"));
}

static void
test_csv_export (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "log.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "missing", "log.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  char **header;
  guint shown;

  _eligo_screening_log_window_set_outcome (fixture->window, "ineligible");
  shown = n_shown (fixture);
  g_assert_cmpuint (shown, >, 0);

  g_assert_true (_eligo_screening_log_window_export_to_file (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  records = parse_csv (contents);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 1 + shown);

  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 13);
  g_assert_cmpstr (header[0], ==, "Screening date");
  g_assert_cmpstr (header[1], ==, "Screening ID");
  g_assert_cmpstr (header[2], ==, "NCT ID");
  g_assert_cmpstr (header[7], ==, "Outcome");
  g_assert_cmpstr (header[8], ==, "Reasons not eligible");
  g_assert_cmpstr (header[12], ==, "Criteria to review");

  /* One line per row shown, in the order shown. */
  for (guint i = 0; i < shown; i++)
    {
      char **line = g_ptr_array_index (records, i + 1);
      EligoScreeningLogRow *row = get_row (fixture, i);

      g_assert_cmpstr (line[1], ==, eligo_screening_log_row_get_screening_id (row));
      g_assert_cmpstr (line[2], ==, eligo_screening_log_row_get_nct_id (row));
      g_assert_cmpstr (line[7], ==, "Not eligible");
      g_assert_cmpstr (line[8], !=, "");
      if (g_str_equal (line[1], "SCR-101"))
        g_assert_cmpstr (line[5], ==, "Nurse, \"Li\"");
    }

  /* It carries patient data: only its owner may read it. */
  eligo_test_assert_private_file (path);

  /* Export again over it, even over a file others could read: the file is
   * replaced, not appended to, and ends private. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  _eligo_screening_log_window_set_outcome (fixture->window, NULL);
  g_assert_true (_eligo_screening_log_window_export_to_file (fixture->window, file, &error));
  eligo_test_assert_private_file (path);
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  records = parse_csv (contents);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 1 + 8);

  /* A folder that does not exist: an error, no file. */
  g_assert_false (_eligo_screening_log_window_export_to_file (fixture->window, bad_file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  name = _eligo_screening_log_window_dup_default_export_name ();
  g_assert_true (g_str_has_prefix (name, "screening-log-"));
  g_assert_true (g_str_has_suffix (name, ".csv"));
  g_assert_cmpuint (strlen (name), ==, strlen ("screening-log-YYYY-MM-DD.csv"));
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  EligoScreeningLogWindow *window = fixture->window;
  g_autofree char *details = NULL;
  guint position = G_MAXUINT;

  for (guint i = 0; i < n_shown (fixture); i++)
    {
      EligoScreeningLogRow *row = get_row (fixture, i);

      if (g_str_equal (eligo_screening_log_row_get_screening_id (row), "SCR-101")
          && g_str_equal (eligo_screening_log_row_get_nct_id (row), FULL_TRIAL))
        position = i;
    }
  g_assert_cmpuint (position, <, 8);

  gtk_single_selection_set_selected (window->selection, position);
  iterate_for (50);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->details_stack), ==, "details");
  g_assert_cmpstr (gtk_label_get_text (window->detail_screening_id), ==, "SCR-101");
  g_assert_cmpstr (gtk_label_get_text (window->detail_verdict_label), ==, "Not eligible");

  details = dup_text (gtk_stack_get_visible_child (window->details_stack));
  g_assert_nonnull (strstr (details, "Nurse, \"Li\""));
  g_assert_nonnull (strstr (details, "Site A"));
  g_assert_nonnull (strstr (details, "2025-07-18"));           /* the trial version */
  g_assert_nonnull (strstr (details, "\nI4\n"));
  g_assert_nonnull (strstr (details, "\nI3\n"));
  g_assert_nonnull (strstr (details, "\nE2\n"));
  g_assert_nonnull (strstr (details, "\nFail\n"));
  g_assert_nonnull (strstr (details, "\nPass\n"));

  /* Pseudonymous: the initials and the year of birth stay out. */
  g_assert_null (strstr (details, "QZ"));
  g_assert_null (strstr (details, "1957"));

  /* The funnel follows the selected row's trial when no trial is chosen. */
  g_assert_true (gtk_widget_get_visible (window->funnel_box));
  g_assert_cmpstr (gtk_label_get_text (window->funnel_nct_id), ==, FULL_TRIAL);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  static const Seed answered = {
    "SCR-105", "{\"age_years\": 45, \"ecog\": 0}", "R. Haddad", "Site B", TRUE
  };
  EligoScreeningLogWindow *window = fixture->window;
  g_autofree char *details = NULL;

  save_screening (fixture->database, &answered, FULL_TRIAL);
  eligo_screening_log_window_reload (window);
  g_assert_cmpuint (n_shown (fixture), ==, 9);
  g_assert_cmpstr (count_text (fixture), ==, "9 screenings");

  /* The nurse passed every open criterion: eligible, with her notes. */
  g_assert_cmpstr (eligo_screening_log_row_get_screening_id (get_row (fixture, 0)), ==, "SCR-105");
  g_assert_cmpstr (eligo_screening_log_row_get_verdict (get_row (fixture, 0)), ==, "eligible");
  gtk_single_selection_set_selected (window->selection, 0);
  iterate_for (50);

  details = dup_text (gtk_stack_get_visible_child (window->details_stack));
  g_assert_nonnull (strstr (details, "Note: Confirmed in the chart"));
  g_assert_nonnull (strstr (details, "Answered by R. Haddad"));
  g_assert_cmpstr (gtk_label_get_text (window->detail_verdict_label), ==, "Eligible");
  g_assert_cmpstr (gtk_label_get_text (window->eligible_value), ==, "1");

  _eligo_screening_log_window_set_outcome (window, "eligible");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("eligo-test-screening-log-window-XXXXXX", &error);
  EligoDatabase *database;
  EligoScreeningLogWindow *window;

  load_style ();
  database = open_database (dir, "empty.db");
  window = show_window (database, 1100, 700);

  g_assert_cmpstr (_eligo_screening_log_window_get_state (window), ==, "empty");
  g_assert_cmpstr (gtk_label_get_text (window->count_label), ==, "0 screenings");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->export_button)));
  g_assert_false (gtk_widget_get_visible (window->funnel_box));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->details_stack), ==, "none");

  close_window (window);
  g_assert_finalize_object (database);
  remove_dir (dir);
}

static void
test_close_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  EligoScreeningLogWindow *window = fixture->window;

  /* Escape in a search entry with text clears it first. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "SCR");
  g_signal_emit_by_name (window->search_entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  iterate_for (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
}

/* A picture of the window with a realistic log, for data/screenshots. */
static void
test_screenshot (void)
{
  static const Seed more[] = {
    { "SCR-0117", "{\"age_years\": 34, \"ecog\": 1, \"diagnosis\": \"B-ALL\"}", "Mei Lin",
      "Ward 7", FALSE },
    { "SCR-0118", "{\"age_years\": 67, \"ecog\": 3}", "Mei Lin", "Ward 7", FALSE },
    { "SCR-0121", "{\"age_years\": 29, \"ecog\": 0}", "Daniel Okafor", "Day Unit", TRUE },
    { "SCR-0124", "{\"age_years\": 52, \"ecog\": 1, \"prior_car_t\": true}", "Daniel Okafor",
      "Day Unit", FALSE },
  };
  const char *path = g_getenv ("ELIGO_SCREENSHOT");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("eligo-test-screening-log-window-XXXXXX", &error);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  EligoDatabase *database;
  EligoScreeningLogWindow *window;
  graphene_rect_t bounds;

  load_style ();
  database = open_database (dir, "shot.db");
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      save_screening (database, &more[i], FULL_TRIAL);
      if (i % 2 == 0)
        save_screening (database, &more[i], SPARSE_TRIAL);
    }
  save_screening (database, &more[1], SPARSE_TRIAL);
  save_screening (database, &more[3], SPARSE_TRIAL);

  window = show_window (database, 1280, 800);
  g_assert_cmpuint (g_list_model_get_n_items (_eligo_screening_log_window_get_shown (window)),
                    ==, 8);
  iterate_for (300);
  gtk_single_selection_set_selected (window->selection, 2);
  iterate_for (500);

  if (path != NULL)
    {
      paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (GTK_WIDGET (window)),
                              gtk_widget_get_height (GTK_WIDGET (window)));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      gsk_render_node_get_bounds (node, &bounds);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                             node, &bounds);
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }

  close_window (window);
  g_assert_finalize_object (database);
  remove_dir (dir);
}

static void
add_test (const char *name,
          void (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strdup_printf ("/eligo/screening-log-window/%s", name);

  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_test ("lists-newest-first", test_lists_newest_first);
  add_test ("sorting", test_sorting);
  add_test ("outcome-filter", test_outcome_filter);
  add_test ("trial-filter-and-funnel", test_trial_filter_and_funnel);
  add_test ("date-range", test_date_range);
  g_test_add_func ("/eligo/screening-log-window/csv-parser", test_csv_parser);
  add_test ("csv-export", test_csv_export);
  add_test ("snapshot", test_snapshot);
  add_test ("notes", test_notes);
  add_test ("close-keys", test_close_keys);
  g_test_add_func ("/eligo/screening-log-window/empty", test_empty);
  g_test_add_func ("/eligo/screening-log-window/screenshot", test_screenshot);

  return g_test_run ();
}
