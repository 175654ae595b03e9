/* test-screening-dialog-fhir.c
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
 * The screening dialog filled from a FHIR R4 Bundle (a Synthea record),
 * under Xvfb: the fields hold the record's values, each says on hover where
 * it came from, stale values are listed apart and one can be accepted, the
 * freshness window of Preferences changes what is used, the sources survive
 * a save and reload, and the exported summary shows them.
 */

#define G_LOG_DOMAIN "test-screening-dialog-fhir"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-fhir-facts.h"
#include "eligo-preferences-window.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-screening-log.h"
#include "eligo-test-utils.h"
#include "eligo-variable-editor.h"

#define NCT_ID   "NCT07072494"
#define SCREENER "Test Nurse"
#define BUNDLE   "Bo157_Schamberger479_4b92323f-e119-4176-ba06-42c8b847f756.json"

typedef struct
{
  char                 *dir;
  char                 *db_path;
  char                 *bundle;
  EligoDatabase        *database;
  EligoScreeningDialog *dialog;
} Fixture;

/* The newest value of a LOINC code in the bundle, read here from the file
 * itself rather than through the reader under test. */
typedef struct
{
  double value;
  char  *unit;
  char  *date;   /* YYYY-MM-DD */
} Newest;

static void
newest_clear (Newest *newest)
{
  g_clear_pointer (&newest->unit, g_free);
  g_clear_pointer (&newest->date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Newest, newest_clear)

static void
find_newest (const char *path,
             const char *loinc,
             Newest     *newest)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *when = NULL;
  JsonArray *entries;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "entry");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (
        json_array_get_object_element (entries, i), "resource");
      JsonArray *codings;
      JsonObject *quantity;
      const char *effective;

      if (g_strcmp0 (json_object_get_string_member (resource, "resourceType"), "Observation") != 0 ||
          !json_object_has_member (resource, "valueQuantity"))
        continue;

      codings = json_object_get_array_member (json_object_get_object_member (resource, "code"),
                                              "coding");
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (codings, 0),
                                                    "code"), loinc) != 0)
        continue;

      effective = json_object_get_string_member (resource, "effectiveDateTime");
      if (when != NULL && strcmp (effective, when) <= 0)
        continue;

      quantity = json_object_get_object_member (resource, "valueQuantity");
      g_free (when);
      when = g_strdup (effective);
      newest_clear (newest);
      newest->value = json_object_get_double_member (quantity, "value");
      newest->unit = g_strdup (json_object_get_string_member (quantity, "unit"));
      newest->date = g_strndup (effective, 10);
    }

  g_assert_nonnull (when);
}

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
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
rescreened (gpointer data)
{
  return !_eligo_screening_dialog_get_rescreen_pending (ELIGO_SCREENING_DIALOG (data));
}

static EligoScreeningDialog *
open_dialog (Fixture      *fixture,
             EligoPatient *patient)
{
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_ptr_array_add (trials, eligo_database_get_trial_by_nct_id (fixture->database, NCT_ID, &error));
  g_assert_no_error (error);

  dialog = eligo_screening_dialog_new (NULL, fixture->database, trials, patient);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, 860);
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped, dialog, 10);

  return ELIGO_SCREENING_DIALOG (dialog);
}

static void
destroy_dialog (EligoScreeningDialog **dialog)
{
  if (*dialog == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  gtk_window_destroy (GTK_WINDOW (*dialog));
  eligo_test_wait_until (is_null, dialog, 10);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reset_settings ();
  fixture->dir = g_dir_make_tmp ("eligo-test-screening-fhir-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "eligo.db", NULL);
  fixture->bundle = eligo_test_data_path ("fhir", BUNDLE, NULL);
  fixture->database = eligo_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
  g_assert_no_error (error);
  fixture->dialog = open_dialog (fixture, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  destroy_dialog (&fixture->dialog);
  g_assert_finalize_object (fixture->database);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->bundle);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
import_at (Fixture    *fixture,
           const char *as_of_text)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->bundle);
  g_autoptr(GError) error = NULL;
  GDate as_of;

  g_date_clear (&as_of, 1);
  if (as_of_text != NULL)
    {
      g_date_set_dmy (&as_of, (GDateDay) g_ascii_strtoull (as_of_text + 8, NULL, 10),
                      (GDateMonth) g_ascii_strtoull (as_of_text + 5, NULL, 10),
                      (GDateYear) g_ascii_strtoull (as_of_text, NULL, 10));
      _eligo_screening_dialog_set_as_of (fixture->dialog, &as_of);
    }

  g_assert_true (_eligo_screening_dialog_import_file (fixture->dialog, file, &error));
  g_assert_no_error (error);
  eligo_test_wait_until (rescreened, fixture->dialog, 10);
}

static GtkWidget *
field (EligoScreeningDialog *dialog,
       const char           *name)
{
  GtkWidget *widget = eligo_variable_editor_get_field (
    _eligo_screening_dialog_get_variable_editor (dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

/* The row of the record list that starts with @label, or NULL. */
static char *
find_line (EligoScreeningDialog *dialog,
           const char           *label)
{
  g_auto(GStrv) lines = _eligo_screening_dialog_dup_record_lines (dialog);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], label))
      return g_strdup (lines[i]);

  return NULL;
}

static void
assert_tooltip_has (GtkWidget  *widget,
                    const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip == NULL || strstr (tooltip, text) == NULL)
    g_error ("tooltip “%s” lacks “%s”", tooltip != NULL ? tooltip : "(none)", text);
}

/* "accepted by Test Nurse on <today> although older than 30 days" */
static char *
dup_accepted_note (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("accepted by " SCREENER " on %s although older than 30 days", today);
}

static char *
run_pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* Fields filled, each with its source; stale ones apart; one accepted;
 * saved and reopened with the sources; the summary shows them. */
static void
test_import_bundle (Fixture       *fixture,
                    gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  EligoPatient *patient;
  g_auto(Newest) creatinine = { 0 };
  g_auto(Newest) platelets = { 0 };
  g_auto(Newest) alt = { 0 };
  g_autofree char *creatinine_source = NULL;
  g_autofree char *platelets_source = NULL;
  g_autofree char *line = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(EligoPatient) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *accepted_note = dup_accepted_note ();
  const char *entry_text;
  EligoValue value;

  find_newest (fixture->bundle, "38483-4", &creatinine);
  find_newest (fixture->bundle, "777-3", &platelets);
  find_newest (fixture->bundle, "1742-6", &alt);
  g_assert_cmpstr (creatinine.date, ==, "2019-01-05");
  g_assert_cmpstr (platelets.date, ==, "2016-12-31");
  creatinine_source = g_strdup_printf ("LOINC 38483-4: %.15g %s on %s", creatinine.value,
                                       creatinine.unit, creatinine.date);
  platelets_source = g_strdup_printf ("LOINC 777-3: %.15g %s on %s", platelets.value,
                                      platelets.unit, platelets.date);

  g_assert_false (gtk_widget_get_visible (_eligo_screening_dialog_get_record_box (dialog)));

  /* Five days after the newest Observations: the 2019 labs are fresh, the
   * 2016 blood count is not. */
  import_at (fixture, "2019-01-10");
  patient = eligo_screening_dialog_get_patient (dialog);
  g_assert_cmpstr (eligo_patient_get_screening_id (patient), ==, "SCR-0001");

  entry_text = gtk_editable_get_text (GTK_EDITABLE (field (dialog, "creatinine_umol_l")));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (entry_text, NULL),
                                  eligo_convert_creatinine_mg_dl_to_umol_l (creatinine.value), 0.5);
  assert_tooltip_has (field (dialog, "creatinine_umol_l"), creatinine_source);
  assert_tooltip_has (field (dialog, "creatinine_umol_l"), "From the patient’s FHIR record");
  entry_text = gtk_editable_get_text (GTK_EDITABLE (field (dialog, "alt_u_l")));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (entry_text, NULL), alt.value, 0.05);
  /* The ULN came from Preferences, passed to the reader. */
  assert_tooltip_has (field (dialog, "creatinine_uln_umol_l"), "lab-ULN preference: 104");
  g_assert_true (eligo_patient_lookup ("creatinine_x_uln", &value, patient));
  g_assert_cmpfloat_with_epsilon (value.number,
                                  eligo_convert_creatinine_mg_dl_to_umol_l (creatinine.value) / 104,
                                  1e-6);
  g_assert_true (_eligo_screening_dialog_get_dirty (dialog));

  /* Stale, listed apart, not used. */
  g_assert_true (gtk_widget_get_visible (_eligo_screening_dialog_get_record_box (dialog)));
  g_assert_false (eligo_patient_get_fact (patient, "platelets_10e9_l", NULL));
  line = find_line (dialog, "Platelet count 160");
  g_assert_nonnull (line);
  g_assert_true (g_str_has_suffix (line, " 10⁹/L on 31 Dec 2016 — older than 30 days, not used"));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (line + strlen ("Platelet count "), NULL),
                                  platelets.value, 0.01);
  g_clear_pointer (&line, g_free);
  line = find_line (dialog, "Hemoglobin ");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "on 31 Dec 2016 — older than 30 days, not used"));
  g_assert_null (find_line (dialog, "Creatinine"));

  /* Accepted: her value, noted with the source and date. */
  g_signal_emit_by_name (_eligo_screening_dialog_get_accept_button (dialog, "platelets_10e9_l"),
                         "clicked");
  g_assert_true (eligo_patient_get_fact (patient, "platelets_10e9_l", &value));
  g_assert_cmpfloat_with_epsilon (value.number, platelets.value, 1e-9);
  g_clear_pointer (&line, g_free);
  g_assert_null (line = find_line (dialog, "Platelet count"));
  g_assert_nonnull (find_line (dialog, "Hemoglobin "));
  g_assert_null (_eligo_screening_dialog_get_accept_button (dialog, "platelets_10e9_l"));
  {
    const EligoFhirItem *item = eligo_fhir_facts_get_source (patient, "platelets_10e9_l");
    g_autofree char *source = NULL;

    g_assert_nonnull (item);
    source = eligo_fhir_item_format_source (item);
    g_assert_nonnull (strstr (source, platelets_source));
    g_assert_nonnull (strstr (source, accepted_note));
  }

  /* Changed by hand: no longer from the record. */
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "alt_u_l")), "30");
  eligo_test_wait_until (rescreened, dialog, 10);
  g_assert_null (gtk_widget_get_tooltip_text (field (dialog, "alt_u_l")));
  assert_tooltip_has (field (dialog, "creatinine_umol_l"), creatinine_source);

  /* The summary lists the sources of the values the trial uses. */
  g_assert_true (_eligo_screening_dialog_export_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  text = run_pdftotext (pdf);
  g_assert_nonnull (strstr (text, "Sources"));
  g_assert_nonnull (strstr (text, "LOINC 38483-4"));
  g_assert_nonnull (strstr (text, "2019-01-05"));
  g_assert_nonnull (strstr (text, "lab-ULN preference"));

  /* Saved and reopened: the sources are still there. */
  g_assert_true (_eligo_screening_dialog_save (dialog));
  destroy_dialog (&fixture->dialog);
  stored = eligo_database_load_patient (fixture->database, "SCR-0001", &error);
  g_assert_no_error (error);
  fixture->dialog = dialog = open_dialog (fixture, stored);
  assert_tooltip_has (field (dialog, "creatinine_umol_l"), creatinine_source);
  g_assert_null (gtk_widget_get_tooltip_text (field (dialog, "alt_u_l")));
  g_assert_true (gtk_widget_get_visible (_eligo_screening_dialog_get_record_box (dialog)));
  g_assert_nonnull (find_line (dialog, "Hemoglobin "));
  g_assert_null (find_line (dialog, "Platelet count"));
  g_assert_nonnull (eligo_fhir_facts_get_source (eligo_screening_dialog_get_patient (dialog),
                                                 "platelets_10e9_l"));
}

/* Screened today, years after the record: every lab is stale, none used;
 * the values can be accepted one by one. */
static void
test_today_all_stale (Fixture       *fixture,
                      gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  g_autofree char *pdf = g_build_filename (fixture->dir, "today.pdf", NULL);
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accepted_note = dup_accepted_note ();
  g_autoptr(GError) error = NULL;

  import_at (fixture, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "creatinine_umol_l"))),
                   ==, "");
  g_assert_false (eligo_patient_get_fact (patient, "creatinine_umol_l", NULL));
  line = find_line (dialog, "Creatinine ");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "on 5 Jan 2019 — older than 30 days, not used"));
  g_assert_nonnull (_eligo_screening_dialog_get_accept_button (dialog, "creatinine_umol_l"));
  /* Age and sex come from the Patient resource, never stale. */
  assert_tooltip_has (field (dialog, "age_years"), "Patient.birthDate: ");

  /* Accepted, the value is used and the summary says who accepted it. */
  g_signal_emit_by_name (_eligo_screening_dialog_get_accept_button (dialog, "creatinine_umol_l"),
                         "clicked");
  g_assert_true (eligo_patient_get_fact (patient, "creatinine_umol_l", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "creatinine_umol_l"))),
                   !=, "");
  assert_tooltip_has (field (dialog, "creatinine_umol_l"), accepted_note);
  g_assert_nonnull (_eligo_screening_dialog_get_toast_text (dialog));
  g_assert_true (_eligo_screening_dialog_export_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  text = run_pdftotext (pdf);
  g_assert_nonnull (strstr (text, "LOINC 38483-4"));
  g_assert_nonnull (strstr (text, "accepted by " SCREENER " on"));
  /* The stale values the trial needs are listed as not used. */
  g_assert_nonnull (strstr (text, "older than 30 days, not used"));
}

/* The freshness window of Preferences decides what is stale. */
static void
test_freshness_preference (Fixture       *fixture,
                           gconstpointer  data)
{
  EligoScreeningDialog *dialog = fixture->dialog;
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  GtkWidget *window;
  GtkWidget *spin;

  g_assert_cmpuint (g_settings_get_uint (settings, "fhir-freshness-days"), ==, 30);

  window = eligo_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  eligo_test_wait_until (is_mapped, window, 10);
  spin = _eligo_preferences_window_get_freshness_spin (ELIGO_PREFERENCES_WINDOW (window));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1000);
  g_assert_cmpuint (g_settings_get_uint (settings, "fhir-freshness-days"), ==, 1000);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  eligo_test_wait_until (is_null, &window, 10);

  /* 2016-12-31 is 740 days before: within 1000, so used. */
  import_at (fixture, "2019-01-10");
  g_assert_true (eligo_patient_get_fact (eligo_screening_dialog_get_patient (dialog),
                                         "platelets_10e9_l", NULL));
  g_assert_null (find_line (dialog, "Platelet count"));
  g_assert_null (find_line (dialog, "Hemoglobin"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/screening-dialog-fhir/import-bundle", Fixture, NULL,
              fixture_set_up, test_import_bundle, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fhir/today-all-stale", Fixture, NULL,
              fixture_set_up, test_today_all_stale, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fhir/freshness-preference", Fixture, NULL,
              fixture_set_up, test_freshness_preference, fixture_tear_down);

  return g_test_run ();
}
