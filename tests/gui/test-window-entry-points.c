/* test-window-entry-points.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ways into the windows that have their own tests: Find Trials for a
 * Patient from the main window (a stored patient, or a FHIR record) and from
 * the screening dialog (the patient being entered), and the registry's
 * dialogs, which "Work offline" turns off.
 */

#define G_LOG_DOMAIN "test-window-entry-points"

#include "config.h"

#include <gtk/gtk.h>

#include "eligo-find-trials-window.h"
#include "eligo-patient-chooser.h"
#include "eligo-registry-refresh-dialog.h"
#include "eligo-registry-search-dialog.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-log.h"
#include "eligo-screening.h"
#include "eligo-test-utils.h"
#include "eligo-window.h"

typedef struct
{
  EligoDatabase *database;
  char          *path;
  GtkWidget     *window;
} Fixture;

static gboolean
is_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The one open toplevel of @type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        {
          g_assert_null (found);
          found = window;
        }
    }

  return found;
}

static void
close_toplevels (GType type)
{
  GtkWidget *window;

  while ((window = find_toplevel (type)) != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      iterate ();
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);

  g_settings_reset (settings, "work-offline");
  fixture->database = eligo_test_open_database (&fixture->path);
  fixture->window = GTK_WIDGET (eligo_window_new (NULL, fixture->database));
  gtk_window_present (GTK_WINDOW (fixture->window));
  eligo_test_wait_until (is_mapped_cb, fixture->window, 30);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);

  close_toplevels (ELIGO_TYPE_FIND_TRIALS_WINDOW);
  close_toplevels (ELIGO_TYPE_PATIENT_CHOOSER);
  close_toplevels (ELIGO_TYPE_SCREENING_DIALOG);
  close_toplevels (ELIGO_TYPE_REGISTRY_SEARCH_DIALOG);
  close_toplevels (ELIGO_TYPE_REGISTRY_REFRESH_DIALOG);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_settings_reset (settings, "work-offline");
  g_object_unref (fixture->database);
  g_free (fixture->path);
}

/* A screening of SCR-0042 on one seed, saved as the dialog saves it. */
static void
store_patient (EligoDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0042");
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494",
                                                                    &error);
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(EligoScreeningResult) result = NULL;
  EligoValue age = { .kind = ELIGO_VALUE_NUMBER, .number = 50 };

  g_assert_no_error (error);
  g_assert_true (eligo_patient_set_fact (patient, "age_years", &age, &error));
  g_assert_no_error (error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);
  result = eligo_screen (trial, criteria, patient);
  g_assert_cmpint (eligo_database_save_screening (database, patient, result, "test", NULL,
                                                  &error), >, 0);
  g_assert_no_error (error);
}

static EligoFindTrialsWindow *
wait_for_find_trials (void)
{
  GtkWidget *window;

  iterate ();
  window = find_toplevel (ELIGO_TYPE_FIND_TRIALS_WINDOW);
  g_assert_nonnull (window);
  eligo_test_wait_until (is_mapped_cb, window, 30);

  return ELIGO_FIND_TRIALS_WINDOW (window);
}

static void
test_find_trials_stored_patient (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *chooser;
  EligoFindTrialsWindow *window;
  EligoValue value;

  store_patient (fixture->database);

  g_assert_true (gtk_widget_activate_action (fixture->window, "win.find-trials", NULL));
  iterate ();
  chooser = find_toplevel (ELIGO_TYPE_PATIENT_CHOOSER);
  g_assert_nonnull (chooser);
  g_assert_null (find_toplevel (ELIGO_TYPE_FIND_TRIALS_WINDOW));

  eligo_patient_chooser_choose_id (ELIGO_PATIENT_CHOOSER (chooser), "SCR-0042");
  window = wait_for_find_trials ();
  g_assert_cmpstr (eligo_patient_get_screening_id (eligo_find_trials_window_get_patient (window)),
                   ==, "SCR-0042");
  g_assert_true (eligo_patient_get_fact (eligo_find_trials_window_get_patient (window),
                                         "age_years", &value));
  g_assert_cmpfloat (value.number, ==, 50);
  /* The chooser has closed. */
  g_assert_null (find_toplevel (ELIGO_TYPE_PATIENT_CHOOSER));
}

static void
test_find_trials_fhir_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *bundle = eligo_test_data_path ("fhir",
                                                  "Bo157_Schamberger479_4b92323f-e119-4176-ba06-42c8b847f756.json",
                                                  NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bundle);
  g_autofree char *broken_path = eligo_test_tmp_path ("broken.json");
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  EligoFindTrialsWindow *window;
  GtkWidget *chooser;
  EligoValue value;

  g_assert_true (gtk_widget_activate_action (fixture->window, "win.find-trials", NULL));
  iterate ();
  chooser = find_toplevel (ELIGO_TYPE_PATIENT_CHOOSER);
  g_assert_nonnull (chooser);

  /* A broken file is refused with a message; the chooser stays. */
  eligo_test_write_file (broken_path, "{\"resourceType\": \"Bundle\", \"type\": 3}", -1);
  eligo_patient_chooser_choose_file (ELIGO_PATIENT_CHOOSER (chooser), broken);
  iterate ();
  g_assert_null (find_toplevel (ELIGO_TYPE_FIND_TRIALS_WINDOW));
  g_assert_nonnull (find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  close_toplevels (GTK_TYPE_MESSAGE_DIALOG);

  eligo_patient_chooser_choose_file (ELIGO_PATIENT_CHOOSER (chooser), file);
  window = wait_for_find_trials ();
  /* Sex and age come from the Patient resource, whatever the freshness window. */
  g_assert_true (eligo_patient_get_fact (eligo_find_trials_window_get_patient (window),
                                         "sex", &value));
  g_assert_true (eligo_patient_get_fact (eligo_find_trials_window_get_patient (window),
                                         "age_years", &value));
  g_assert_cmpfloat (value.number, >, 0);
}

static void
test_find_trials_from_dialog (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  EligoFindTrialsWindow *window;
  GtkWidget *dialog;

  g_ptr_array_add (trials, eligo_database_get_trial_by_nct_id (fixture->database, "NCT07072494",
                                                               &error));
  g_assert_no_error (error);
  dialog = eligo_screening_dialog_new (GTK_WINDOW (fixture->window), fixture->database, trials,
                                       NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped_cb, dialog, 30);

  g_assert_true (gtk_widget_activate_action (dialog, "screening.find-trials", NULL));
  window = wait_for_find_trials ();
  /* The patient being entered, not a copy made before the nurse is done. */
  g_assert_true (eligo_find_trials_window_get_patient (window) ==
                 eligo_screening_dialog_get_patient (ELIGO_SCREENING_DIALOG (dialog)));
}

static void
test_registry_actions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  static const char * const actions[] = {
    "win.add-trials", "win.search-registry", "win.refresh-registry",
  };

  /* Offline, none of them opens anything. */
  g_settings_set_boolean (settings, "work-offline", TRUE);
  iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_activate_action (fixture->window, actions[i], NULL);
  iterate ();
  g_assert_null (find_toplevel (ELIGO_TYPE_REGISTRY_SEARCH_DIALOG));
  g_assert_null (find_toplevel (ELIGO_TYPE_REGISTRY_REFRESH_DIALOG));

  g_settings_set_boolean (settings, "work-offline", FALSE);
  iterate ();
  g_assert_true (gtk_widget_activate_action (fixture->window, "win.search-registry", NULL));
  iterate ();
  g_assert_nonnull (find_toplevel (ELIGO_TYPE_REGISTRY_SEARCH_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  /* Nothing here may reach a real registry. */
  g_setenv ("ELIGO_REGISTRY_URL", "http://127.0.0.1:9/api/v2", TRUE);

  g_test_add ("/eligo/window-entry-points/find-trials-stored-patient", Fixture, NULL,
              fixture_set_up, test_find_trials_stored_patient, fixture_tear_down);
  g_test_add ("/eligo/window-entry-points/find-trials-fhir-file", Fixture, NULL,
              fixture_set_up, test_find_trials_fhir_file, fixture_tear_down);
  g_test_add ("/eligo/window-entry-points/find-trials-from-dialog", Fixture, NULL,
              fixture_set_up, test_find_trials_from_dialog, fixture_tear_down);
  g_test_add ("/eligo/window-entry-points/registry-actions", Fixture, NULL,
              fixture_set_up, test_registry_actions, fixture_tear_down);

  return g_test_run ();
}
