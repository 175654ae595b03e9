/* test-screening-dialog.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Engine-to-dialog tests, under Xvfb: facts typed into the fields change
 * the verdicts and the banner, answers change the verdicts, saves go to the
 * screening log as snapshots, impossible values are refused with their
 * reason, and Export PDF (a GtkPrintOperation with an export filename)
 * writes the pages `eligo-cli screen --pdf` writes.
 */

#define G_LOG_DOMAIN "test-screening-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "eligo-criterion-row.h"
#include "eligo-database.h"
#include "eligo-preferences-window.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-screening-log.h"
#include "eligo-test-utils.h"
#include "eligo-variable-editor.h"
#include "eligo-window.h"

#define NCT_ID     "NCT07072494"
#define SCREENER   "Test Nurse"
#define SITE       "Test Site"

typedef struct
{
  char                 *dir;
  char                 *db_path;
  EligoDatabase        *database;
  EligoScreeningDialog *dialog;
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

  g_settings_set_string (settings, "screener-name", SCREENER);
  g_settings_set_string (settings, "site-name", SITE);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
rescreened (gpointer data)
{
  return !_eligo_screening_dialog_get_rescreen_pending (ELIGO_SCREENING_DIALOG (data));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static EligoScreeningDialog *
open_dialog (Fixture      *fixture,
             EligoPatient *patient)
{
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EligoTrial *trial;
  GtkWidget *dialog;

  trial = eligo_database_get_trial_by_nct_id (fixture->database, NCT_ID, &error);
  g_assert_no_error (error);
  g_ptr_array_add (trials, trial);

  dialog = eligo_screening_dialog_new (NULL, fixture->database, trials, patient);
  g_assert_true (ELIGO_IS_SCREENING_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped, dialog, 10);

  return ELIGO_SCREENING_DIALOG (dialog);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reset_settings ();

  fixture->dir = g_dir_make_tmp ("eligo-test-screening-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "eligo.db", NULL);

  fixture->database = eligo_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
  g_assert_no_error (error);

  fixture->dialog = open_dialog (fixture, NULL);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }

  g_rmdir (path);
}

static void
destroy_dialog (EligoScreeningDialog **dialog)
{
  GtkWidget *widget = GTK_WIDGET (*dialog);

  if (widget == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) dialog);
  gtk_window_destroy (GTK_WINDOW (widget));
  eligo_test_wait_until (is_null, dialog, 10);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_dialog (&fixture->dialog);
  g_assert_finalize_object (fixture->database);
  remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* Types @text into the field of @variable, as the nurse does, and waits for the verdicts. */
static void
type_fact (EligoScreeningDialog *dialog,
           const char           *variable,
           const char           *text)
{
  EligoVariableEditor *editor = _eligo_screening_dialog_get_variable_editor (dialog);
  GtkWidget *field = eligo_variable_editor_get_field (editor, variable);

  g_assert_nonnull (field);
  g_assert_true (GTK_IS_EDITABLE (field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  eligo_test_wait_until (rescreened, dialog, 10);
}

/* Picks Unknown (0), Yes (1) or No (2) for a yes/no variable. */
static void
choose_fact (EligoScreeningDialog *dialog,
             const char           *variable,
             guint                 choice)
{
  EligoVariableEditor *editor = _eligo_screening_dialog_get_variable_editor (dialog);
  GtkWidget *field = eligo_variable_editor_get_field (editor, variable);
  GtkWidget *button;

  g_assert_nonnull (field);
  button = gtk_widget_get_first_child (field);
  for (guint i = 0; i < choice; i++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  eligo_test_wait_until (rescreened, dialog, 10);
}

static EligoVerdict
row_verdict (EligoScreeningDialog *dialog,
             const char           *criterion_id)
{
  EligoCriterionRow *row = _eligo_screening_dialog_get_row (dialog, criterion_id);

  g_assert_nonnull (row);
  return eligo_criterion_row_get_verdict (row);
}

static GPtrArray *
list_screenings (EligoDatabase *database)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = eligo_database_list_screenings (database, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);

  return records;
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static EligoScreeningRecord *
find_record (GPtrArray *records,
             gint64     id)
{
  for (guint i = 0; i < records->len; i++)
    {
      EligoScreeningRecord *record = g_ptr_array_index (records, i);

      if (record->id == id)
        return record;
    }

  return NULL;
}

/* Typing ECOG 3 fails I4 and the trial; 1 passes it again. */
static void
test_typing_changes_verdict (Fixture       *fixture,
                             gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  const char *not_eligible = eligo_trial_verdict_get_label (ELIGO_TRIAL_VERDICT_INELIGIBLE);

  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I4"), ==, ELIGO_VERDICT_UNKNOWN);
  g_assert_cmpstr (_eligo_screening_dialog_get_verdict_text (dialog, NCT_ID), ==,
                   eligo_trial_verdict_get_label (ELIGO_TRIAL_VERDICT_PENDING));

  type_fact (dialog, "ecog", "3");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I4"), ==, ELIGO_VERDICT_FAIL);
  g_assert_cmpstr (_eligo_screening_dialog_get_verdict_text (dialog, NCT_ID), ==, not_eligible);
  g_assert_nonnull (strstr (_eligo_screening_dialog_get_summary_text (dialog, NCT_ID),
                            "1 criterion fails"));
  g_assert_cmpstr (_eligo_criterion_row_get_values_text (_eligo_screening_dialog_get_row (dialog,
                                                                                           NCT_ID "/I4")),
                   ==, "ECOG performance status: 3");

  type_fact (dialog, "ecog", "1");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I4"), ==, ELIGO_VERDICT_PASS);
  g_assert_cmpstr (_eligo_screening_dialog_get_verdict_text (dialog, NCT_ID), !=, not_eligible);

  /* Emptying the field makes the value unknown again, never zero. */
  type_fact (dialog, "ecog", "");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I4"), ==, ELIGO_VERDICT_UNKNOWN);
  g_assert_false (eligo_patient_get_fact (eligo_screening_dialog_get_patient (dialog), "ecog",
                                          NULL));

  /* A decimal comma is a decimal point. */
  type_fact (dialog, "ecog", "1,0");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I4"), ==, ELIGO_VERDICT_PASS);

  /* Yes/no facts: unknown is not no. */
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/E2"), ==, ELIGO_VERDICT_UNKNOWN);
  choose_fact (dialog, "prior_car_t", 1);
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/E2"), ==, ELIGO_VERDICT_FAIL);
  choose_fact (dialog, "prior_car_t", 2);
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/E2"), ==, ELIGO_VERDICT_PASS);
  choose_fact (dialog, "prior_car_t", 0);
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/E2"), ==, ELIGO_VERDICT_UNKNOWN);
}

/* Answering review item I11 passes it, records who and when, and counts one review less. */
static void
test_answer_review (Fixture       *fixture,
                    gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  EligoCriterionRow *row = _eligo_screening_dialog_get_row (dialog, NCT_ID "/I11");
  EligoScreeningResult *result;
  const EligoAnswer *answer;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_review;

  g_assert_nonnull (row);
  g_assert_cmpint (eligo_criterion_row_get_verdict (row), ==, ELIGO_VERDICT_REVIEW);
  result = _eligo_screening_dialog_get_result (dialog, NCT_ID);
  n_review = eligo_screening_result_get_count (result, ELIGO_VERDICT_REVIEW);
  g_assert_cmpuint (n_review, >, 1);
  before = g_strdup_printf ("%u criteria to review", n_review);
  g_assert_nonnull (strstr (_eligo_screening_dialog_get_summary_text (dialog, NCT_ID), before));

  gtk_editable_set_text (GTK_EDITABLE (_eligo_criterion_row_get_note_entry (row)),
                         "Veins checked by the apheresis team");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (_eligo_criterion_row_get_pass_button (row)),
                                TRUE);

  g_assert_cmpint (eligo_criterion_row_get_verdict (row), ==, ELIGO_VERDICT_PASS);
  result = _eligo_screening_dialog_get_result (dialog, NCT_ID);
  g_assert_cmpuint (eligo_screening_result_get_count (result, ELIGO_VERDICT_REVIEW), ==,
                    n_review - 1);
  after = g_strdup_printf (n_review - 1 == 1 ? "%u criterion to review" : "%u criteria to review",
                           n_review - 1);
  g_assert_nonnull (strstr (_eligo_screening_dialog_get_summary_text (dialog, NCT_ID), after));

  answer = eligo_patient_get_answer (patient, NCT_ID "/I11");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->verdict, ==, ELIGO_ANSWER_PASS);
  g_assert_cmpstr (answer->author, ==, SCREENER);
  g_assert_cmpstr (answer->note, ==, "Veins checked by the apheresis team");
  g_assert_nonnull (answer->time);
  g_assert_nonnull (strstr (_eligo_criterion_row_get_answer_text (row), "Answered by " SCREENER));

  /* Fail instead, then clear: the engine decides again. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (_eligo_criterion_row_get_fail_button (row)),
                                TRUE);
  g_assert_cmpint (eligo_criterion_row_get_verdict (row), ==, ELIGO_VERDICT_FAIL);
  g_assert_cmpstr (_eligo_screening_dialog_get_verdict_text (dialog, NCT_ID), ==,
                   eligo_trial_verdict_get_label (ELIGO_TRIAL_VERDICT_INELIGIBLE));

  g_signal_emit_by_name (_eligo_criterion_row_get_clear_button (row), "clicked");
  g_assert_cmpint (eligo_criterion_row_get_verdict (row), ==, ELIGO_VERDICT_REVIEW);
  g_assert_null (eligo_patient_get_answer (patient, NCT_ID "/I11"));
  g_assert_null (_eligo_criterion_row_get_answer_text (row));
}

/* Save writes a screening to the log; a save after an edit adds one and keeps the first. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(JsonObject) snapshot_before = NULL;
  g_autoptr(JsonObject) snapshot_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  EligoScreeningRecord *record;
  EligoScreeningRecord *kept;
  gint64 first_id;

  g_assert_cmpstr (eligo_patient_get_screening_id (patient), ==, "SCR-0001");
  g_assert_true (_eligo_screening_dialog_get_dirty (dialog) == FALSE);

  type_fact (dialog, "age_years", "34");
  type_fact (dialog, "ecog", "1");
  g_assert_true (_eligo_screening_dialog_get_dirty (dialog));

  first = list_screenings (fixture->database);
  g_assert_cmpuint (first->len, ==, 0);
  g_clear_pointer (&first, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "screening.save", NULL));
  g_assert_cmpstr (_eligo_screening_dialog_get_toast_text (dialog), ==, "Screening saved");
  g_assert_false (_eligo_screening_dialog_get_dirty (dialog));

  first = list_screenings (fixture->database);
  g_assert_cmpuint (first->len, ==, 1);
  record = g_ptr_array_index (first, 0);
  g_assert_cmpstr (record->screening_id, ==, "SCR-0001");
  g_assert_cmpstr (record->nct_id, ==, NCT_ID);
  g_assert_cmpstr (record->verdict, ==, "pending");
  g_assert_cmpstr (record->screener, ==, SCREENER);
  g_assert_cmpstr (record->site, ==, SITE);
  first_id = record->id;
  snapshot_before = eligo_database_get_snapshot (fixture->database, first_id, &error);
  g_assert_no_error (error);
  text_before = object_to_string (snapshot_before);

  /* Nothing changed: a second snapshot would only repeat the first. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "screening.save", NULL);
  g_clear_pointer (&first, g_ptr_array_unref);
  first = list_screenings (fixture->database);
  g_assert_cmpuint (first->len, ==, 1);

  type_fact (dialog, "ecog", "3");
  g_assert_true (_eligo_screening_dialog_get_dirty (dialog));
  g_assert_true (_eligo_screening_dialog_save (dialog));

  both = list_screenings (fixture->database);
  g_assert_cmpuint (both->len, ==, 2);
  kept = find_record (both, first_id);
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->verdict, ==, "pending");
  g_assert_null (kept->failing);
  for (guint i = 0; i < both->len; i++)
    {
      record = g_ptr_array_index (both, i);
      if (record->id != first_id)
        {
          g_assert_cmpstr (record->verdict, ==, "ineligible");
          g_assert_nonnull (strstr (record->failing, "I4"));
        }
    }

  snapshot_after = eligo_database_get_snapshot (fixture->database, first_id, &error);
  g_assert_no_error (error);
  text_after = object_to_string (snapshot_after);
  g_assert_cmpstr (text_before, ==, text_after);
}

/* SpO2 120 % is refused with its reason beside the field, and the patient keeps no value. */
static void
test_impossible_value (Fixture       *fixture,
                       gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  EligoVariableEditor *editor = _eligo_screening_dialog_get_variable_editor (dialog);
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  GtkWidget *field = eligo_variable_editor_get_field (editor, "spo2_pct");
  g_autoptr(GPtrArray) records = NULL;
  const char *error;

  type_fact (dialog, "spo2_pct", "120");
  error = eligo_variable_editor_get_error (editor, "spo2_pct");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "between 0 and 100"));
  g_assert_nonnull (strstr (error, "120"));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_false (eligo_patient_get_fact (patient, "spo2_pct", NULL));
  g_assert_cmpuint (eligo_variable_editor_get_n_errors (editor), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "120");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I9"), ==, ELIGO_VERDICT_UNKNOWN);

  type_fact (dialog, "ecog", "7");
  g_assert_nonnull (strstr (eligo_variable_editor_get_error (editor, "ecog"), "between 0 and 5"));
  g_assert_false (eligo_patient_get_fact (patient, "ecog", NULL));

  type_fact (dialog, "age_years", "-3");
  g_assert_nonnull (strstr (eligo_variable_editor_get_error (editor, "age_years"), "negative"));

  type_fact (dialog, "lvef_pct", "sixty");
  g_assert_nonnull (eligo_variable_editor_get_error (editor, "lvef_pct"));
  g_assert_cmpuint (eligo_variable_editor_get_n_errors (editor), ==, 4);

  /* Nothing is saved while values are refused. */
  g_assert_false (_eligo_screening_dialog_save (dialog));
  records = list_screenings (fixture->database);
  g_assert_cmpuint (records->len, ==, 0);

  type_fact (dialog, "spo2_pct", "95");
  g_assert_null (eligo_variable_editor_get_error (editor, "spo2_pct"));
  g_assert_false (gtk_widget_has_css_class (field, "error"));
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I9"), ==, ELIGO_VERDICT_PASS);
  g_assert_cmpuint (eligo_variable_editor_get_n_errors (editor), ==, 3);
}

/* Creatinine as a raw value and the lab's limit (from Preferences) gives the multiple. */
static void
test_derived_values (Fixture       *fixture,
                     gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  EligoVariableEditor *editor = _eligo_screening_dialog_get_variable_editor (dialog);
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  GtkWidget *uln = eligo_variable_editor_get_field (editor, "creatinine_uln_umol_l");
  const char *values;
  EligoValue value;

  g_assert_nonnull (uln);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (uln)), ==, "104");
  g_assert_nonnull (eligo_variable_editor_get_field (editor, "creatinine_x_uln"));

  type_fact (dialog, "creatinine_umol_l", "312");
  g_assert_true (eligo_patient_lookup ("creatinine_x_uln", &value, patient));
  g_assert_cmpfloat_with_epsilon (value.number, 3.0, 1e-9);
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I7"), ==, ELIGO_VERDICT_FAIL);
  values = _eligo_criterion_row_get_values_text (_eligo_screening_dialog_get_row (dialog,
                                                                                    NCT_ID "/I7"));
  g_assert_cmpstr (values, ==, "Creatinine: 3 × ULN (derived)");

  type_fact (dialog, "creatinine_uln_umol_l", "200");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I7"), ==, ELIGO_VERDICT_PASS);

  /* A multiple entered directly wins over the derived one. */
  type_fact (dialog, "creatinine_x_uln", "2.5");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I7"), ==, ELIGO_VERDICT_FAIL);
}

/* Escape asks before unsaved changes are lost; Discard closes. */
static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  GtkWidget *confirm;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  type_fact (dialog, "ecog", "2");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  confirm = _eligo_screening_dialog_get_confirm_dialog (dialog);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (confirm));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_CANCEL);
  g_assert_null (_eligo_screening_dialog_get_confirm_dialog (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_close (GTK_WINDOW (dialog));
  confirm = _eligo_screening_dialog_get_confirm_dialog (dialog);
  g_assert_nonnull (confirm);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_REJECT);
  eligo_test_wait_until (is_null, &fixture->dialog, 10);
}

/* Closing the main window, as Ctrl+Q does, asks the dialog's question
 * before an unsaved screening dies with it; Cancel keeps both windows.
 */
static void
test_window_close_asks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EligoScreeningDialog *dialog;
  GtkWidget *window;
  GtkWidget *confirm;

  window = GTK_WIDGET (eligo_window_new (NULL, fixture->database));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  eligo_test_wait_until (is_mapped, window, 10);

  g_ptr_array_add (trials, eligo_database_get_trial_by_nct_id (fixture->database, NCT_ID, &error));
  g_assert_no_error (error);
  dialog = ELIGO_SCREENING_DIALOG (eligo_screening_dialog_new (GTK_WINDOW (window),
                                                               fixture->database, trials, NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped, dialog, 10);
  type_fact (dialog, "ecog", "2");

  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window);
  g_assert_nonnull (dialog);
  confirm = _eligo_screening_dialog_get_confirm_dialog (dialog);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (confirm));

  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_CANCEL);
  g_assert_nonnull (window);
  g_assert_nonnull (dialog);
  g_assert_true (_eligo_screening_dialog_get_dirty (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Once the screening is discarded, the close that waited goes on by itself. */
  gtk_window_close (GTK_WINDOW (window));
  confirm = _eligo_screening_dialog_get_confirm_dialog (dialog);
  g_assert_nonnull (confirm);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_REJECT);
  eligo_test_wait_until (is_null, &dialog, 10);
  eligo_test_wait_until (is_null, &window, 10);
}

/* A stored id cannot be taken by a new patient; the next id is suggested. */
static void
test_screening_id (Fixture       *fixture,
                   gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  g_autoptr(EligoPatient) loaded = NULL;
  GtkWidget *entry;

  type_fact (dialog, "ecog", "1");
  g_assert_true (_eligo_screening_dialog_save (dialog));
  destroy_dialog (&fixture->dialog);

  dialog = fixture->dialog = open_dialog (fixture, NULL);
  entry = _eligo_screening_dialog_get_id_entry (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "SCR-0002");
  g_assert_null (_eligo_screening_dialog_get_id_error (dialog));

  gtk_editable_set_text (GTK_EDITABLE (entry), "SCR-0001");
  g_assert_nonnull (_eligo_screening_dialog_get_id_error (dialog));
  g_assert_false (_eligo_screening_dialog_save (dialog));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_nonnull (_eligo_screening_dialog_get_id_error (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "SCR-0042");
  g_assert_null (_eligo_screening_dialog_get_id_error (dialog));
  g_assert_cmpstr (eligo_patient_get_screening_id (eligo_screening_dialog_get_patient (dialog)),
                   ==, "SCR-0042");
  destroy_dialog (&fixture->dialog);

  /* A stored patient, opened again, continues with its facts. */
  loaded = eligo_database_load_patient (fixture->database, "SCR-0001", NULL);
  g_assert_nonnull (loaded);
  dialog = fixture->dialog = open_dialog (fixture, loaded);
  g_assert_null (_eligo_screening_dialog_get_id_error (dialog));
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I4"), ==, ELIGO_VERDICT_PASS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (eligo_variable_editor_get_field (
                     _eligo_screening_dialog_get_variable_editor (dialog), "ecog"))), ==, "1");
}

/* Facts and answers from a patient file; a broken file is refused with its reason. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  g_autofree char *good = g_build_filename (fixture->dir, "patient.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;

  eligo_test_write_file (good,
                         "{\"id\": \"SCR-0042\", \"facts\": {\"age_years\": 34, \"ecog\": 3},"
                         " \"answers\": {\"NCT07072494/I11\": \"pass\"}}", -1);
  eligo_test_write_file (bad, "{\"id\": \"SCR-0043\", \"facts\": {\"spo2_pct\": 120}}", -1);

  g_assert_false (_eligo_screening_dialog_import_file (dialog, bad_file, &error));
  g_assert_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_IMPLAUSIBLE);
  g_clear_error (&error);

  g_assert_true (_eligo_screening_dialog_import_file (dialog, good_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (eligo_patient_get_screening_id (eligo_screening_dialog_get_patient (dialog)),
                   ==, "SCR-0042");
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I4"), ==, ELIGO_VERDICT_FAIL);
  g_assert_cmpint (row_verdict (dialog, NCT_ID "/I11"), ==, ELIGO_VERDICT_PASS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (eligo_variable_editor_get_field (
                     _eligo_screening_dialog_get_variable_editor (dialog), "ecog"))), ==, "3");
  g_assert_true (_eligo_screening_dialog_get_dirty (dialog));
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (g_strcmp0 (tool, "pdftotext") == 0)
    argv[2] = "-";

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + 6, " "), NULL, 10);
}

/* Export PDF goes through GtkPrintOperation; its pages are the CLI's. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  g_autofree char *pdf = g_build_filename (fixture->dir, "dialog.pdf", NULL);
  g_autofree char *cli_pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *patient_path = g_build_filename (fixture->dir, "patient.json", NULL);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  EligoScreeningResult *result;
  EligoCriterionRow *row;
  const char *cli_args[] = {
    "--database", fixture->db_path, "screen", "--patient", patient_path, NCT_ID,
    "--pdf", cli_pdf, "--site", SITE, "--screener", SCREENER, NULL
  };

  gtk_editable_set_text (GTK_EDITABLE (_eligo_screening_dialog_get_id_entry (dialog)), "SCR-0042");
  type_fact (dialog, "age_years", "34");
  type_fact (dialog, "ecog", "1");
  type_fact (dialog, "lvef_pct", "60");
  choose_fact (dialog, "prior_car_t", 2);
  row = _eligo_screening_dialog_get_row (dialog, NCT_ID "/I11");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (_eligo_criterion_row_get_pass_button (row)),
                                TRUE);

  name = _eligo_screening_dialog_dup_pdf_name (dialog);
  g_assert_cmpstr (name, ==, "SCR-0042-" NCT_ID ".pdf");

  g_assert_true (_eligo_screening_dialog_export_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "SCR-0042"));
  g_assert_nonnull (strstr (text, NCT_ID));
  result = _eligo_screening_dialog_get_result (dialog, NCT_ID);
  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);
      const char *short_id = strchr (eligo_criterion_get_id (r->criterion), '/') + 1;
      g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", short_id);

      /* As a word: "I1" is not found inside "I11" */
      if (!g_regex_match_simple (pattern, text, 0, 0))
        g_error ("%s is not in the PDF", short_id);
    }

  /* The same patient through the CLI: the same pages */
  object = eligo_patient_to_json (patient);
  json = object_to_string (object);
  eligo_test_write_file (patient_path, json, -1);
  if (eligo_test_run_cli_argv (cli_args, NULL, &err) != 0)
    {
      g_test_message ("eligo-cli screen --pdf: %s", err);
      g_test_fail ();
      return;
    }

  g_assert_cmpuint (pdf_pages (pdf), >=, 1);
  g_assert_cmpuint (pdf_pages (pdf), ==, pdf_pages (cli_pdf));
}

/* Pure helpers: the banner's words, the next screening id, the fields of derived values. */
static void
test_helpers (void)
{
  const char *ids[] = { "SCR-0001", "SCR-0009", "scr-0003", "SCR-12x", "P-77", NULL };
  const char *empty[] = { NULL };
  const char *creatinine[] = { "creatinine_x_uln", NULL };
  const char *clearance[] = { "creatinine_clearance_ml_min", "ecog", NULL };
  const char *expected_clearance[] = {
    "age_years", "sex", "weight_kg", "ecog", "creatinine_umol_l", "creatinine_clearance_ml_min",
    NULL
  };
  const char *expected_creatinine[] = {
    "creatinine_umol_l", "creatinine_uln_umol_l", "creatinine_x_uln", NULL
  };
  /* The body-mass index is derived from weight and height: both get a field. */
  const char *bmi[] = { "bmi_kg_m2", NULL };
  const char *expected_bmi[] = { "weight_kg", "height_cm", "bmi_kg_m2", NULL };
  g_autofree char *next = _eligo_screening_suggest_id (ids);
  g_autofree char *first = _eligo_screening_suggest_id (empty);
  g_auto(GStrv) expanded = NULL;
  g_auto(GStrv) expanded_clearance = NULL;
  g_auto(GStrv) expanded_bmi = NULL;

  g_assert_cmpstr (next, ==, "SCR-0010");
  g_assert_cmpstr (first, ==, "SCR-0001");

  expanded = eligo_variable_editor_expand_names (creatinine);
  g_assert_cmpstrv (expanded, expected_creatinine);
  expanded_clearance = eligo_variable_editor_expand_names (clearance);
  g_assert_cmpstrv (expanded_clearance, expected_clearance);
  expanded_bmi = eligo_variable_editor_expand_names (bmi);
  g_assert_cmpstrv (expanded_bmi, expected_bmi);
}

static void
test_summary_text (Fixture       *fixture,
                   gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  g_autofree char *summary = NULL;
  EligoScreeningResult *result = _eligo_screening_dialog_get_result (dialog, NCT_ID);
  g_auto(GStrv) missing = eligo_screening_result_dup_missing (result);
  g_autofree char *expected = g_strdup_printf ("%u values missing, %u criteria to review",
                                               g_strv_length (missing),
                                               eligo_screening_result_get_count (result,
                                                                                 ELIGO_VERDICT_REVIEW));

  summary = _eligo_screening_format_summary (result);
  g_assert_cmpstr (summary, ==, expected);
  g_assert_cmpstr (_eligo_screening_dialog_get_summary_text (dialog, NCT_ID), ==, expected);
}

/* The preferences window edits the keys the dialog reads. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *window;

  reset_settings ();
  settings = g_settings_new (ELIGO_ID);
  window = eligo_preferences_window_new (NULL);
  g_assert_true (ELIGO_IS_PREFERENCES_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  eligo_test_wait_until (is_mapped, window, 10);

  g_settings_set_enum (settings, "creatinine-unit", 1);
  g_assert_cmpint (g_settings_get_enum (settings, "creatinine-unit"), ==, 1);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  eligo_test_wait_until (is_null, &window, 10);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/screening-dialog/helpers", test_helpers);
  g_test_add_func ("/eligo/screening-dialog/preferences", test_preferences);
  g_test_add ("/eligo/screening-dialog/typing-changes-verdict", Fixture, NULL,
              fixture_set_up, test_typing_changes_verdict, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/summary", Fixture, NULL,
              fixture_set_up, test_summary_text, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/answer-review", Fixture, NULL,
              fixture_set_up, test_answer_review, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/save", Fixture, NULL,
              fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/impossible-value", Fixture, NULL,
              fixture_set_up, test_impossible_value, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/derived-values", Fixture, NULL,
              fixture_set_up, test_derived_values, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/close-asks", Fixture, NULL,
              fixture_set_up, test_close_asks, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/window-close-asks", Fixture, NULL,
              fixture_set_up, test_window_close_asks, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/screening-id", Fixture, NULL,
              fixture_set_up, test_screening_id, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/import", Fixture, NULL,
              fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog/export-pdf", Fixture, NULL,
              fixture_set_up, test_export_pdf, fixture_tear_down);

  return g_test_run ();
}
