/* test-comparison-window.c
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
 * The comparison window under Xvfb, on a fresh database seeded with the
 * five seed trials.
 */

#define G_LOG_DOMAIN "test-comparison-window"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "eligo-comparison-window.h"
#include "eligo-comparison-window-private.h"
#include "eligo-database.h"
#include "eligo-test-utils.h"

static const char * const seeds[] = {
  "NCT07087847", "NCT07072494", "NCT06389305", "NCT03754764", "NCT06585345", NULL
};

static const char * const seed_ages[] = {
  "18 and over", "14–80", "1–39", "12–70", "14–65", NULL
};

typedef struct
{
  char          *dir;
  char          *path;
  EligoDatabase *database;
} Fixture;

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);

  g_settings_reset (settings, "comparison-zoom");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reset_settings ();

  fixture->dir = g_dir_make_tmp ("eligo-test-comparison-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "eligo.db", NULL);

  fixture->database = eligo_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
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

static EligoComparisonWindow *
show_window (Fixture *fixture,
             guint    n_trials,
             ...)
{
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EligoComparisonWindow *window;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  va_list ap;

  va_start (ap, n_trials);
  for (guint i = 0; i < n_trials; i++)
    {
      const char *nct_id = va_arg (ap, const char *);
      EligoTrial *trial = eligo_database_get_trial_by_nct_id (fixture->database, nct_id, &error);

      g_assert_no_error (error);
      g_ptr_array_add (trials, trial);
    }
  va_end (ap);

  window = ELIGO_COMPARISON_WINDOW (eligo_comparison_window_new (NULL, fixture->database,
                                                                 trials));
  g_assert_nonnull (window);
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }
  iterate_for (100);

  return window;
}

static EligoComparisonWindow *
show_seeds (Fixture *fixture)
{
  return show_window (fixture, 5, seeds[0], seeds[1], seeds[2], seeds[3], seeds[4]);
}

static void
close_window (EligoComparisonWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_finalize_object (window);
}

static char *
cell_text (EligoComparisonWindow *window,
           const char            *row_id,
           guint                  column)
{
  GtkWidget *cell = _eligo_comparison_window_get_cell (window, row_id, column);

  g_assert_nonnull (cell);

  return _eligo_comparison_window_dup_text (cell);
}

static char *
header_text (EligoComparisonWindow *window,
             guint                  trial_index)
{
  GtkWidget *header = _eligo_comparison_window_get_header (window, trial_index);

  g_assert_nonnull (header);

  return _eligo_comparison_window_dup_text (header);
}

/* The header's buttons: move left, move right, remove. */
static GtkWidget *
header_button (EligoComparisonWindow *window,
               guint                  trial_index,
               guint                  nth)
{
  GtkWidget *top = gtk_widget_get_first_child (_eligo_comparison_window_get_header (window,
                                                                                   trial_index));
  GtkWidget *child = gtk_widget_get_first_child (top);
  guint n = 0;

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && n++ == nth)
      return child;

  g_assert_not_reached ();
}

static EligoPatient *
patient_30_ecog_3 (void)
{
  EligoPatient *patient = eligo_patient_new ("SCR-0030");
  EligoValue value = { ELIGO_VALUE_NUMBER, 30, FALSE, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (eligo_patient_set_fact (patient, "age_years", &value, &error));
  value.number = 3;
  g_assert_true (eligo_patient_set_fact (patient, "ecog", &value, &error));
  g_assert_no_error (error);

  return patient;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *pages = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_regex_match (regex, out, 0, &match));
  pages = g_match_info_fetch (match, 1);

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* Tests */

static void
test_seeds (Fixture       *fixture,
            gconstpointer  data)
{
  EligoComparisonWindow *window = show_seeds (fixture);

  g_assert_cmpuint (eligo_comparison_window_get_n_trials (window), ==, 5);
  g_assert_null (_eligo_comparison_window_get_header (window, 5));

  /* The header row names the trials, in the order given. */
  for (guint t = 0; seeds[t] != NULL; t++)
    {
      g_autofree char *text = header_text (window, t);

      g_assert_nonnull (strstr (text, seeds[t]));
    }

  /* The age row, aligned under them. */
  for (guint t = 0; seed_ages[t] != NULL; t++)
    {
      g_autofree char *text = cell_text (window, "eligibility.age_years", t + 1);

      g_assert_cmpstr (text, ==, seed_ages[t]);
    }

  {
    g_autofree char *label = cell_text (window, "eligibility.age_years", 0);

    /* The trials differ on age: the row is marked. */
    g_assert_nonnull (strstr (label, "≠"));
    g_assert_nonnull (strstr (label, "Age"));
    g_assert_true (gtk_widget_has_css_class (_eligo_comparison_window_get_cell (
                                               window, "eligibility.age_years", 1),
                                             "differs"));
  }

  g_assert_true (gtk_widget_get_visible (_eligo_comparison_window_get_heading (
                                           window, ELIGO_COMPARISON_SECTION_ELIGIBILITY)));

  close_window (window);
}

static void
test_only_differences (Fixture       *fixture,
                       gconstpointer  data)
{
  EligoComparisonWindow *window = show_window (fixture, 2, "NCT07072494", "NCT06585345");
  g_autofree char *sex_1 = cell_text (window, "population.sex", 1);
  g_autofree char *sex_2 = cell_text (window, "population.sex", 2);

  /* Both trials take all sexes: the row is the same for both. */
  g_assert_cmpstr (sex_1, ==, "All");
  g_assert_cmpstr (sex_2, ==, "All");
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "population.sex"));
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "eligibility.ecog"));

  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.only-differences", NULL);
  g_assert_true (eligo_comparison_window_get_only_differences (window));
  g_assert_false (_eligo_comparison_window_row_is_shown (window, "population.sex"));
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "eligibility.ecog"));
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "eligibility.age_years"));

  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.only-differences", NULL);
  g_assert_false (eligo_comparison_window_get_only_differences (window));
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "population.sex"));

  close_window (window);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));

  return bounds;
}

static GtkWidget *
header_corner (EligoComparisonWindow *window)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->header_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column;

      gtk_grid_query_child (window->header_grid, child, &column, NULL, NULL, NULL);
      if (column == 0)
        return child;
    }

  g_assert_not_reached ();
}

/* On a projector with five trials the columns scroll sideways; the row
 * labels, the section headings and the header's corner stay in view, and
 * the labels take the pointer where they are shown. */
static void
test_fixed_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  EligoComparisonWindow *window = show_seeds (fixture);
  GtkWidget *scroller = GTK_WIDGET (window->body_scroller);
  GtkWidget *label = _eligo_comparison_window_get_cell (window, "overview.title", 0);
  GtkWidget *cell = _eligo_comparison_window_get_cell (window, "overview.title", 1);
  GtkWidget *heading = _eligo_comparison_window_get_heading (window,
                                                             ELIGO_COMPARISON_SECTION_OVERVIEW);
  GtkWidget *corner = header_corner (window);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (window->body_scroller);
  graphene_rect_t label_before, cell_before, heading_before, corner_before;
  graphene_rect_t label_after, cell_after, heading_after, corner_after;
  GtkWidget *picked;
  double scrolled;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  iterate_for (300);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment) -
                     gtk_adjustment_get_page_size (hadjustment), >, 300);

  label_before = bounds_in (label, scroller);
  cell_before = bounds_in (cell, scroller);
  heading_before = bounds_in (heading, scroller);
  corner_before = bounds_in (corner, GTK_WIDGET (window->header_scroller));

  scrolled = gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment);
  gtk_adjustment_set_value (hadjustment, scrolled);
  iterate_for (300);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment), scrolled, 0.5);

  /* The trials' cells moved left; the label column did not */
  cell_after = bounds_in (cell, scroller);
  g_assert_cmpfloat_with_epsilon (cell_after.origin.x, cell_before.origin.x - scrolled, 1.0);
  label_after = bounds_in (label, scroller);
  g_assert_cmpfloat_with_epsilon (label_after.origin.x, label_before.origin.x, 1.0);
  g_assert_cmpfloat_with_epsilon (label_after.size.width, label_before.size.width, 2.0);
  g_assert_cmpfloat_with_epsilon (label_after.origin.y, label_before.origin.y, 1.0);
  g_assert_cmpfloat (label_after.origin.x + label_after.size.width, <=,
                     gtk_widget_get_width (scroller));
  g_assert_true (gtk_widget_get_mapped (label));
  heading_after = bounds_in (heading, scroller);
  g_assert_cmpfloat_with_epsilon (heading_after.origin.x, heading_before.origin.x, 1.0);
  corner_after = bounds_in (corner, GTK_WIDGET (window->header_scroller));
  g_assert_cmpfloat_with_epsilon (corner_after.origin.x, corner_before.origin.x, 1.0);

  /* It lies above the cells scrolled beneath it */
  picked = gtk_widget_pick (scroller, label_after.origin.x + label_after.size.width / 2,
                            label_after.origin.y + label_after.size.height / 2,
                            GTK_PICK_DEFAULT);
  g_assert_nonnull (picked);
  g_assert_true (picked == label || gtk_widget_is_ancestor (picked, label));

  /* Only differences and back: still in place */
  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.only-differences", NULL);
  iterate_for (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.only-differences", NULL);
  gtk_adjustment_set_value (hadjustment, scrolled);
  iterate_for (300);
  label = _eligo_comparison_window_get_cell (window, "overview.title", 0);
  label_after = bounds_in (label, scroller);
  g_assert_cmpfloat_with_epsilon (label_after.origin.x, label_before.origin.x, 1.0);

  /* Scrolled back, everything is where it was */
  gtk_adjustment_set_value (hadjustment, 0);
  iterate_for (300);
  cell = _eligo_comparison_window_get_cell (window, "overview.title", 1);
  cell_after = bounds_in (cell, scroller);
  g_assert_cmpfloat_with_epsilon (cell_after.origin.x, cell_before.origin.x, 1.0);
  label_after = bounds_in (label, scroller);
  g_assert_cmpfloat_with_epsilon (label_after.origin.x, label_before.origin.x, 1.0);

  close_window (window);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  EligoComparisonWindow *window = show_seeds (fixture);
  GtkWidget *filter = _eligo_comparison_window_get_filter (window);

  /* Ctrl+F's action puts the focus in the filter. */
  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.find", NULL);
  iterate_for (50);
  g_assert_true (gtk_widget_is_focus (filter) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), filter));

  gtk_editable_set_text (GTK_EDITABLE (filter), "ecog");
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "eligibility.ecog"));
  g_assert_false (_eligo_comparison_window_row_is_shown (window, "eligibility.age_years"));
  g_assert_false (_eligo_comparison_window_row_is_shown (window, "overview.status"));
  g_assert_false (gtk_widget_get_visible (_eligo_comparison_window_get_heading (
                                            window, ELIGO_COMPARISON_SECTION_OVERVIEW)));
  g_assert_true (gtk_widget_get_visible (_eligo_comparison_window_get_heading (
                                           window, ELIGO_COMPARISON_SECTION_ELIGIBILITY)));

  /* Cells match too: "Recruiting" is a status. */
  gtk_editable_set_text (GTK_EDITABLE (filter), "RECRUITING");
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "overview.status"));
  g_assert_false (_eligo_comparison_window_row_is_shown (window, "eligibility.ecog"));

  gtk_editable_set_text (GTK_EDITABLE (filter), "no row says this");
  g_assert_false (_eligo_comparison_window_row_is_shown (window, "overview.status"));

  gtk_editable_set_text (GTK_EDITABLE (filter), "");
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "overview.status"));
  g_assert_true (_eligo_comparison_window_row_is_shown (window, "eligibility.ecog"));

  close_window (window);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  EligoComparisonWindow *window = show_seeds (fixture);
  GtkWidget *cell = _eligo_comparison_window_get_cell (window, "eligibility.age_years", 1);
  int width_before;
  int width_after;

  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "comparison-zoom"), 1.0, 1e-9);
  gtk_widget_get_size_request (cell, &width_before, NULL);
  g_assert_cmpint (width_before, >=, 280);

  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.zoom-in", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "comparison-zoom"), >, 1.0);
  g_assert_cmpfloat_with_epsilon (_eligo_comparison_window_get_zoom (window),
                                  g_settings_get_double (settings, "comparison-zoom"), 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "comparison-zoom"), 1.5, 1e-9);

  /* The columns widen with the type. */
  cell = _eligo_comparison_window_get_cell (window, "eligibility.age_years", 1);
  gtk_widget_get_size_request (cell, &width_after, NULL);
  g_assert_cmpint (width_after, >, width_before);

  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "comparison-zoom"), 1.0, 1e-9);

  gtk_widget_activate_action (GTK_WIDGET (window), "comparison.zoom-out", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "comparison-zoom"), <, 1.0);

  /* Never past the key's range */
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "comparison.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "comparison-zoom"), 0.5, 1e-9);

  close_window (window);
}

static void
test_remove_and_move (Fixture       *fixture,
                      gconstpointer  data)
{
  EligoComparisonWindow *window = show_seeds (fixture);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* The first trial's × button */
  g_signal_emit_by_name (header_button (window, 0, 2), "clicked");
  iterate_for (50);

  g_assert_cmpuint (eligo_comparison_window_get_n_trials (window), ==, 4);
  g_assert_nonnull (_eligo_comparison_window_get_header (window, 3));
  g_assert_null (_eligo_comparison_window_get_header (window, 4));
  g_assert_null (_eligo_comparison_window_get_cell (window, "eligibility.age_years", 5));
  first = header_text (window, 0);
  g_assert_nonnull (strstr (first, seeds[1]));
  g_clear_pointer (&first, g_free);

  /* The first trial's "move right" button */
  g_signal_emit_by_name (header_button (window, 0, 1), "clicked");
  iterate_for (50);
  first = header_text (window, 0);
  second = header_text (window, 1);
  g_assert_nonnull (strstr (first, seeds[2]));
  g_assert_nonnull (strstr (second, seeds[1]));
  g_clear_pointer (&first, g_free);

  /* The age row follows its trials. */
  first = cell_text (window, "eligibility.age_years", 1);
  g_assert_cmpstr (first, ==, "1–39");

  /* Down to two trials, no more. */
  g_assert_true (eligo_comparison_window_remove_trial (window, 0));
  g_assert_true (eligo_comparison_window_remove_trial (window, 0));
  g_assert_cmpuint (eligo_comparison_window_get_n_trials (window), ==, 2);
  g_assert_false (eligo_comparison_window_remove_trial (window, 0));
  g_assert_false (gtk_widget_get_sensitive (header_button (window, 0, 2)));

  close_window (window);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  EligoComparisonWindow *window = show_window (fixture, 2, seeds[0], seeds[1]);
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) again = NULL;
  g_autofree char *text = NULL;

  for (guint t = 2; seeds[t] != NULL; t++)
    {
      g_autoptr(EligoTrial) trial = NULL;

      trial = eligo_database_get_trial_by_nct_id (fixture->database, seeds[t], &error);
      g_assert_no_error (error);
      g_assert_true (eligo_comparison_window_add_trial (window, trial));
    }

  g_assert_cmpuint (eligo_comparison_window_get_n_trials (window), ==, 5);
  text = header_text (window, 4);
  g_assert_nonnull (strstr (text, seeds[4]));

  /* The same trial twice is refused. */
  again = eligo_database_get_trial_by_nct_id (fixture->database, seeds[0], &error);
  g_assert_false (eligo_comparison_window_add_trial (window, again));
  g_assert_cmpuint (eligo_comparison_window_get_n_trials (window), ==, 5);

  close_window (window);
}

static void
test_patient (Fixture       *fixture,
              gconstpointer  data)
{
  EligoComparisonWindow *window = show_seeds (fixture);
  g_autoptr(EligoPatient) patient = patient_30_ecog_3 ();
  g_autofree char *ecog_07072494 = NULL;
  g_autofree char *ecog_06585345 = NULL;
  g_autofree char *header_07072494 = NULL;
  g_autofree char *age = NULL;

  eligo_comparison_window_set_patient (window, patient);
  g_assert_true (eligo_comparison_window_get_patient (window) == patient);

  /* ECOG 3: over NCT07072494's limit of 2, within NCT06585345's of 3. */
  ecog_07072494 = cell_text (window, "eligibility.ecog", 2);
  ecog_06585345 = cell_text (window, "eligibility.ecog", 5);
  g_assert_nonnull (strstr (ecog_07072494, "≤ 2"));
  g_assert_nonnull (strstr (ecog_07072494, "Fail"));
  g_assert_nonnull (strstr (ecog_06585345, "≤ 3"));
  g_assert_nonnull (strstr (ecog_06585345, "Pass"));
  g_assert_true (gtk_widget_has_css_class (_eligo_comparison_window_get_cell (
                                             window, "eligibility.ecog", 2),
                                           "verdict-fail"));

  /* Age 30 is within every range. */
  age = cell_text (window, "eligibility.age_years", 1);
  g_assert_nonnull (strstr (age, "Pass"));

  /* Each trial's verdict in its header */
  header_07072494 = header_text (window, 1);
  g_assert_nonnull (strstr (header_07072494, "Not eligible"));

  /* Without the patient, the verdicts go. */
  eligo_comparison_window_set_patient (window, NULL);
  g_clear_pointer (&ecog_07072494, g_free);
  ecog_07072494 = cell_text (window, "eligibility.ecog", 2);
  g_assert_cmpstr (ecog_07072494, ==, "≤ 2");

  close_window (window);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  EligoComparisonWindow *window = show_seeds (fixture);
  g_autofree char *window_pdf = g_build_filename (fixture->dir, "window.pdf", NULL);
  g_autofree char *cli_pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--database", fixture->path, "compare",
                         seeds[0], seeds[1], seeds[2], seeds[3], seeds[4],
                         "--pdf", cli_pdf, NULL };
  guint window_pages;

  g_assert_true (eligo_comparison_window_export_pdf (window, window_pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (window_pdf, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (eligo_test_run_cli_argv (args, &out, &err), ==, 0);
  window_pages = pdf_pages (window_pdf);
  g_assert_cmpuint (window_pages, >=, 2);
  g_assert_cmpuint (window_pages, ==, pdf_pages (cli_pdf));

  /* A folder that does not exist: an error naming the file. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "missing", "out.pdf", NULL);

    g_assert_false (eligo_comparison_window_export_pdf (window, bad, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, bad));
  }

  close_window (window);
  g_assert_cmpint (g_unlink (window_pdf), ==, 0);
  g_assert_cmpint (g_unlink (cli_pdf), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/comparison-window/seeds", Fixture, NULL,
              fixture_set_up, test_seeds, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/only-differences", Fixture, NULL,
              fixture_set_up, test_only_differences, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/fixed-labels", Fixture, NULL,
              fixture_set_up, test_fixed_labels, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/filter", Fixture, NULL,
              fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/zoom", Fixture, NULL,
              fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/remove-and-move", Fixture, NULL,
              fixture_set_up, test_remove_and_move, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/add", Fixture, NULL,
              fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/patient", Fixture, NULL,
              fixture_set_up, test_patient, fixture_tear_down);
  g_test_add ("/eligo/comparison-window/export-pdf", Fixture, NULL,
              fixture_set_up, test_export_pdf, fixture_tear_down);

  return g_test_run ();
}
