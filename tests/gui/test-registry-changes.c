/* test-registry-changes.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a refresh changed, in the windows: a real record
 * (ctgov/studies/NCT02349698.json) is fetched from the loopback registry, a
 * patient is screened and saved, then the registry serves the amended copy
 * (ctgov/changed/) and the trial is refreshed. The trial page shows the
 * update and the criteria diff side by side; the screening log marks the
 * screening as done against older criteria; screening again opens the
 * dialog with the same mark, the new criteria and the answers kept where
 * the criterion is unchanged; saving clears the mark.
 */

#define G_LOG_DOMAIN "test-registry-changes"

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "eligo-criteria-changes.h"
#include "eligo-patient.h"
#include "eligo-registry-import.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-screening-log-window-private.h"
#include "eligo-screening.h"
#include "eligo-test-registry.h"
#include "eligo-test-utils.h"
#include "eligo-trial-page.h"

#define NCT "NCT02349698"
#define VOLUNTEER "Patients volunteer to participate in the research."

typedef struct
{
  EligoTestRegistry   *registry;
  EligoRegistryClient *client;
  EligoDatabase       *database;
  char                *path;
} Fixture;

static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_TIME_SPAN_MILLISECOND);
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fetch (Fixture *fixture)
{
  const char *ids[] = { NCT, NULL };
  g_autoptr(EligoRegistryImport) job = eligo_registry_import_new (fixture->client,
                                                                  fixture->database);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  eligo_registry_import_fetch_async (job, ids, NULL, on_done_cb, &result);
  eligo_test_wait_until (is_set, &result, 30);
  g_assert_true (eligo_registry_import_finish (job, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (eligo_registry_import_count (job, ELIGO_REGISTRY_OUTCOME_FAILED), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) study = eligo_test_registry_study_file (NCT);
  g_autoptr(GBytes) changed = eligo_test_registry_changed_study (NCT);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0042");
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;

  fixture->registry = eligo_test_registry_new ();
  eligo_test_registry_add_study (fixture->registry, NCT, study);
  fixture->client = eligo_registry_client_new (eligo_test_registry_get_url (fixture->registry));
  g_object_set (fixture->client, "min-interval", 50, NULL);
  fixture->database = eligo_test_open_database (&fixture->path);
  fetch (fixture);

  /* A screening with an answer on a criterion the update moves (I11 to I10) */
  trial = eligo_database_get_trial_by_nct_id (fixture->database, NCT, &error);
  criteria = eligo_database_get_criteria (fixture->database, trial, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < criteria->len; i++)
    if (g_str_equal (eligo_criterion_get_text (g_ptr_array_index (criteria, i)), VOLUNTEER))
      eligo_patient_answer_criterion (patient, g_ptr_array_index (criteria, i), ELIGO_ANSWER_PASS,
                                      "Consent signed", "Nurse Li", NULL);
  result = eligo_screen (trial, criteria, patient);
  g_assert_cmpint (eligo_database_save_screening (fixture->database, patient, result, "Nurse Li",
                                                  "Site A", &error), >, 0);

  /* The refresh is stored in a later second than the screening. */
  g_usleep (1100 * 1000);
  eligo_test_registry_add_study (fixture->registry, NCT, changed);
  fetch (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (eligo_test_integrity_ok (fixture->path));
  g_assert_finalize_object (fixture->database);
  g_clear_object (&fixture->client);
  eligo_test_registry_free (fixture->registry);
  g_free (fixture->path);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      collect_labels (child, out);
}

static char *
dup_text (GtkWidget *widget)
{
  GString *out = g_string_new ("\n");

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_trial_page_diff (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (fixture->database, NCT, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = eligo_trial_page_new ();
  GtkWidget *changes;
  g_autofree char *text = NULL;
  EligoCriteriaDiffCounts counts;
  gpointer weak = window;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  eligo_trial_page_set_trial (ELIGO_TRIAL_PAGE (page), fixture->database, trial);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (200);

  changes = find_type (page, ELIGO_TYPE_CRITERIA_CHANGES);
  g_assert_nonnull (changes);
  g_assert_true (gtk_widget_get_mapped (changes));
  g_assert_true (eligo_criteria_changes_get_counts (ELIGO_CRITERIA_CHANGES (changes), &counts));
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.reworded, ==, 4);

  text = dup_text (changes);
  g_assert_nonnull (strstr (text, "\nUpdated in the registry on 2020-03-10\n"));
  g_assert_nonnull (strstr (text, "\nEligibility changed on 2020-03-10\n"));
  g_assert_nonnull (strstr (text, "\nBefore (2019-06-25)\nNow (2020-03-10)\n"));
  /* Side by side, old then new */
  g_assert_nonnull (strstr (text, "\nLife expectancy>3 months.\nLife expectancy>12 weeks.\n"));
  g_assert_nonnull (strstr (text, "\nRemoved\nI10\nNo other tumors.\n—\n"));
  g_assert_nonnull (strstr (text, "\nAdded\nE9\n—\nPrior treatment with any CAR-T cell product.\n"));
  /* Unchanged criteria are not listed */
  g_assert_null (strstr (text, "HIV affected."));

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  eligo_test_wait_until (is_null, &weak, 10);
}

/* A trial whose eligibility never changed shows only its update. */
static void
test_trial_page_unchanged (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (fixture->database,
                                                                    "NCT07072494", NULL);
  g_autoptr(GtkWidget) changes = g_object_ref_sink (eligo_criteria_changes_new (fixture->database,
                                                                                trial));
  g_autofree char *text = dup_text (changes);
  EligoCriteriaDiffCounts counts;

  g_assert_false (eligo_criteria_changes_get_counts (ELIGO_CRITERIA_CHANGES (changes), &counts));
  g_assert_nonnull (strstr (text, "\nUpdated in the registry on "));
  g_assert_null (strstr (text, "Eligibility changed"));
}

static void
test_screening_outdated (Fixture       *fixture,
                         gconstpointer  data)
{
  EligoScreeningLogWindow *window;
  EligoScreeningLogRow *row;
  EligoScreeningDialog *dialog;
  EligoScreeningResult *result;
  g_autofree char *tooltip = NULL;
  g_autofree char *details = NULL;
  gboolean outdated = FALSE;
  gpointer weak;
  const char *mark;

  window = ELIGO_SCREENING_LOG_WINDOW (eligo_screening_log_window_new (NULL, fixture->database));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (200);

  g_assert_cmpuint (g_list_model_get_n_items (_eligo_screening_log_window_get_shown (window)), ==, 1);
  row = g_list_model_get_item (_eligo_screening_log_window_get_shown (window), 0);
  g_object_get (row, "outdated", &outdated, "outdated-text", &tooltip, NULL);
  g_object_unref (row);
  g_assert_true (outdated);
  g_assert_cmpstr (tooltip, ==, "Criteria changed since this screening (on 2020-03-10)");

  gtk_single_selection_set_selected (window->selection, 0);
  iterate_for (100);
  details = dup_text (gtk_stack_get_visible_child (window->details_stack));
  g_assert_nonnull (strstr (details, "\nCriteria changed\nChanged since this screening, on "
                                     "2020-03-10\n"));

  /* Screen again: the stored patient against the criteria now. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "log.screen-again", NULL));
  iterate_for (200);
  dialog = NULL;
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ELIGO_IS_SCREENING_DIALOG (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);

  mark = _eligo_screening_dialog_get_outdated_text (dialog, NCT);
  g_assert_nonnull (mark);
  g_assert_nonnull (strstr (mark, "changed this trial’s criteria on 2020-03-10"));

  result = _eligo_screening_dialog_get_result (dialog, NCT);
  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);
      const char *text = eligo_criterion_get_text (r->criterion);

      if (g_str_equal (text, VOLUNTEER))
        {
          /* The answer followed its words to the new id. */
          g_assert_cmpstr (eligo_criterion_get_id (r->criterion), ==, NCT "/I10");
          g_assert_nonnull (r->answer);
          g_assert_cmpstr (r->answer->note, ==, "Consent signed");
          g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_PASS);
        }
      else if (g_str_equal (text, "Prior treatment with any CAR-T cell product."))
        {
          g_assert_null (r->answer);
        }
    }

  /* Nothing typed, but worth saving again; saved against the criteria
   * now, the mark goes. */
  g_assert_true (gtk_widget_is_sensitive (_eligo_screening_dialog_get_save_button (dialog)));
  g_assert_true (_eligo_screening_dialog_save (dialog));
  iterate_for (100);
  g_assert_null (_eligo_screening_dialog_get_outdated_text (dialog, NCT));
  g_assert_false (gtk_widget_is_sensitive (_eligo_screening_dialog_get_save_button (dialog)));

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_null, &weak, 10);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  eligo_test_wait_until (is_null, &weak, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/registry-changes/trial-page-diff", Fixture, NULL, fixture_set_up,
              test_trial_page_diff, fixture_tear_down);
  g_test_add ("/eligo/registry-changes/trial-page-unchanged", Fixture, NULL, fixture_set_up,
              test_trial_page_unchanged, fixture_tear_down);
  g_test_add ("/eligo/registry-changes/screening-outdated", Fixture, NULL, fixture_set_up,
              test_screening_outdated, fixture_tear_down);

  return g_test_run ();
}
