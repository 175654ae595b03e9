/* test-screening-dialog-fields.c
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
 * The screening dialog under Xvfb, for one trial or several: a field for
 * every variable any rule of the chosen trials reads (the registry's sex
 * limit, partial rules, curated rules), and Save offered as soon as the
 * screening has something to save.
 */

#define G_LOG_DOMAIN "test-screening-dialog-fields"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "eligo-criterion-row.h"
#include "eligo-database.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-screening-log.h"
#include "eligo-test-utils.h"
#include "eligo-variable-editor.h"

/* Its first inclusion reads "Male or female participant": sex in (female, male). */
#define SEX_TRIAL   "NCT03754764"
#define OTHER_TRIAL "NCT07072494"

static const char * const seed_trials[] = {
  "NCT07087847", "NCT07072494", "NCT06389305", "NCT03754764", "NCT06585345", NULL
};

typedef struct
{
  char          *dir;
  char          *db_path;
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

  g_settings_set_string (settings, "screener-name", "Test Nurse");
  g_settings_set_string (settings, "site-name", "Test Site");
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reset_settings ();

  fixture->dir = g_dir_make_tmp ("eligo-test-screening-fields-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "eligo.db", NULL);

  fixture->database = eligo_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (fixture->database);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* A dialog for the trials in @nct_ids, shown. */
static EligoScreeningDialog *
open_dialog (Fixture            *fixture,
             const char * const *nct_ids,
             EligoPatient       *patient)
{
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog;

  for (guint i = 0; nct_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      EligoTrial *trial = eligo_database_get_trial_by_nct_id (fixture->database, nct_ids[i],
                                                              &error);

      g_assert_no_error (error);
      g_ptr_array_add (trials, trial);
    }

  dialog = eligo_screening_dialog_new (NULL, fixture->database, trials, patient);
  g_assert_true (ELIGO_IS_SCREENING_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped, dialog, 10);

  return ELIGO_SCREENING_DIALOG (dialog);
}

static EligoScreeningDialog *
open_one (Fixture      *fixture,
          const char   *nct_id,
          EligoPatient *patient)
{
  const char *ids[] = { nct_id, NULL };

  return open_dialog (fixture, ids, patient);
}

static void
close_dialog (EligoScreeningDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_null, &dialog, 10);
}

static GtkWidget *
find_child_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The mark the nurse sees beside a criterion: ✔, ✘, ? … */
static const char *
row_mark (EligoScreeningDialog *dialog,
          const char           *criterion_id)
{
  EligoCriterionRow *row = _eligo_screening_dialog_get_row (dialog, criterion_id);
  GtkWidget *mark;

  g_assert_nonnull (row);
  mark = find_child_with_class (GTK_WIDGET (row), "verdict-mark");
  g_assert_true (GTK_IS_LABEL (mark));

  return gtk_label_get_text (GTK_LABEL (mark));
}

static GtkWidget *
get_field (EligoScreeningDialog *dialog,
           const char           *variable)
{
  return eligo_variable_editor_get_field (_eligo_screening_dialog_get_variable_editor (dialog),
                                          variable);
}

/* Every variable that any rule of @nct_ids reads, whole or partial, has a field. */
static void
assert_fields_for_rules (Fixture              *fixture,
                         EligoScreeningDialog *dialog,
                         const char * const   *nct_ids)
{
  for (guint t = 0; nct_ids[t] != NULL; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EligoTrial) trial = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      trial = eligo_database_get_trial_by_nct_id (fixture->database, nct_ids[t], &error);
      g_assert_no_error (error);
      criteria = eligo_database_get_criteria (fixture->database, trial, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < criteria->len; i++)
        {
          EligoCriterion *criterion = g_ptr_array_index (criteria, i);
          EligoRule *rule = eligo_criterion_get_rule (criterion);
          g_auto(GStrv) variables = NULL;

          if (rule == NULL)
            continue;

          variables = eligo_rule_dup_variables (rule);
          for (guint k = 0; variables[k] != NULL; k++)
            if (get_field (dialog, variables[k]) == NULL)
              g_error ("%s reads %s, which has no field", eligo_criterion_get_id (criterion),
                       variables[k]);
        }
    }
}

/* One trial whose rules read sex: the field is there, and filling it
 * changes the criterion's mark. */
static void
test_sex_single_trial (Fixture       *fixture,
                       gconstpointer  data)
{
  EligoScreeningDialog *dialog = open_one (fixture, SEX_TRIAL, NULL);
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  GtkWidget *field;
  EligoValue value;

  field = get_field (dialog, "sex");
  g_assert_true (GTK_IS_DROP_DOWN (field));
  g_assert_true (gtk_widget_get_mapped (field) || gtk_widget_get_child_visible (field));
  g_assert_cmpstr (row_mark (dialog, SEX_TRIAL "/I1"), ==,
                   eligo_criterion_row_verdict_mark (ELIGO_VERDICT_UNKNOWN));

  /* Unknown, Female, Male */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field), 1);
  eligo_test_wait_until (rescreened, dialog, 10);
  g_assert_true (eligo_patient_get_fact (patient, "sex", &value));
  g_assert_cmpstr (value.symbol, ==, "female");
  g_assert_cmpint (eligo_criterion_row_get_verdict (_eligo_screening_dialog_get_row (dialog,
                                                                                       SEX_TRIAL "/I1")),
                   ==, ELIGO_VERDICT_PASS);
  g_assert_cmpstr (row_mark (dialog, SEX_TRIAL "/I1"), ==,
                   eligo_criterion_row_verdict_mark (ELIGO_VERDICT_PASS));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (field), 0);
  eligo_test_wait_until (rescreened, dialog, 10);
  g_assert_false (eligo_patient_get_fact (patient, "sex", NULL));
  g_assert_cmpstr (row_mark (dialog, SEX_TRIAL "/I1"), ==,
                   eligo_criterion_row_verdict_mark (ELIGO_VERDICT_UNKNOWN));

  assert_fields_for_rules (fixture, dialog, (const char *[]) { SEX_TRIAL, NULL });
  close_dialog (dialog);
}

/* Each seed trial alone, and all of them together: no variable a rule reads lacks a field. */
static void
test_every_rule_variable (Fixture       *fixture,
                          gconstpointer  data)
{
  EligoScreeningDialog *dialog;

  for (guint i = 0; seed_trials[i] != NULL; i++)
    {
      dialog = open_one (fixture, seed_trials[i], NULL);
      assert_fields_for_rules (fixture, dialog, (const char *[]) { seed_trials[i], NULL });
      /* Sex always, even where no rule reads it ("male or female" in NCT07072494). */
      g_assert_true (GTK_IS_DROP_DOWN (get_field (dialog, "sex")));
      close_dialog (dialog);
    }

  dialog = open_dialog (fixture, seed_trials, NULL);
  assert_fields_for_rules (fixture, dialog, seed_trials);
  g_assert_true (GTK_IS_DROP_DOWN (get_field (dialog, "sex")));
  close_dialog (dialog);
}

/* A rule a nurse curated, even a partial one, gets its fields. */
static void
test_curated_rule_fields (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EligoCriterion) curated = NULL;
  g_autoptr(GError) error = NULL;
  EligoScreeningDialog *dialog;

  dialog = open_one (fixture, OTHER_TRIAL, NULL);
  g_assert_null (get_field (dialog, "syphilis_positive"));
  close_dialog (dialog);

  curated = eligo_database_curate (fixture->database, OTHER_TRIAL "/E1",
                                   "syphilis_positive or sex == male", TRUE, "Test Nurse",
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (curated);

  dialog = open_one (fixture, OTHER_TRIAL, NULL);
  g_assert_nonnull (get_field (dialog, "syphilis_positive"));
  g_assert_true (GTK_IS_DROP_DOWN (get_field (dialog, "sex")));
  assert_fields_for_rules (fixture, dialog, (const char *[]) { OTHER_TRIAL, NULL });
  close_dialog (dialog);
}

static gboolean
save_enabled (EligoScreeningDialog *dialog)
{
  return gtk_widget_is_sensitive (_eligo_screening_dialog_get_save_button (dialog));
}

static guint
count_screenings (Fixture    *fixture,
                  const char *screening_id)
{
  EligoScreeningFilter filter = { NULL, screening_id, NULL, NULL, NULL };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = eligo_database_list_screenings (fixture->database, &filter, &error);
  g_assert_no_error (error);

  return records->len;
}

/* A patient with facts, stored after a screening against @nct_id alone. */
static EligoPatient *
store_patient (Fixture    *fixture,
               const char *nct_id)
{
  EligoScreeningDialog *dialog = open_one (fixture, nct_id, NULL);
  EligoPatient *patient = eligo_screening_dialog_get_patient (dialog);
  EligoValue age = { ELIGO_VALUE_NUMBER, 34, FALSE, NULL };
  g_autofree char *id = g_strdup (eligo_patient_get_screening_id (patient));

  g_assert_true (eligo_patient_set_fact (patient, "age_years", &age, NULL));
  eligo_test_wait_until (rescreened, dialog, 10);
  g_assert_true (save_enabled (dialog));
  g_assert_true (_eligo_screening_dialog_save (dialog));
  close_dialog (dialog);

  return eligo_database_load_patient (fixture->database, id, NULL);
}

/* Several trials, a patient with content: Save at once, one screening per trial. */
static void
test_save_multi_at_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EligoPatient) patient = store_patient (fixture, SEX_TRIAL);
  EligoScreeningDialog *dialog;
  guint before;

  g_assert_nonnull (patient);
  before = count_screenings (fixture, eligo_patient_get_screening_id (patient));
  g_assert_cmpuint (before, ==, 1);

  /* The stored patient, opened for all seed trials: four were never screened. */
  dialog = open_dialog (fixture, seed_trials, patient);
  g_assert_false (_eligo_screening_dialog_get_dirty (dialog));
  g_assert_true (save_enabled (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "screening.save", NULL));
  g_assert_cmpuint (count_screenings (fixture, eligo_patient_get_screening_id (patient)), ==,
                    before + g_strv_length ((char **) seed_trials));

  /* Saved for every trial: a save now would only repeat them. */
  g_assert_false (save_enabled (dialog));
  close_dialog (dialog);
}

/* The stored patient picked under Stored patient in a multi-trial screening. */
static void
test_save_multi_pick_stored (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EligoPatient) stored = store_patient (fixture, SEX_TRIAL);
  const char *ids[] = { SEX_TRIAL, OTHER_TRIAL, NULL };
  EligoScreeningDialog *dialog;
  GtkWidget *drop_down = NULL;

  dialog = open_dialog (fixture, ids, NULL);
  /* A new patient, nothing entered: only an id, still something to save */
  g_assert_true (save_enabled (dialog));

  drop_down = _eligo_screening_dialog_get_patient_drop_down (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
  g_assert_cmpstr (eligo_patient_get_screening_id (eligo_screening_dialog_get_patient (dialog)),
                   ==, eligo_patient_get_screening_id (stored));
  g_assert_false (_eligo_screening_dialog_get_dirty (dialog));
  g_assert_true (save_enabled (dialog));
  close_dialog (dialog);
}

/* Several trials and a patient file imported: Save at once. */
static void
test_save_multi_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "patient.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EligoScreeningDialog *dialog;

  eligo_test_write_file (path, "{\"id\": \"SCR-0042\", \"facts\": {\"age_years\": 34, \"sex\": "
                               "\"female\"}}", -1);
  dialog = open_dialog (fixture, seed_trials, NULL);
  g_assert_true (_eligo_screening_dialog_import_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (save_enabled (dialog));
  g_assert_true (_eligo_screening_dialog_save (dialog));
  g_assert_cmpuint (count_screenings (fixture, "SCR-0042"), ==,
                    g_strv_length ((char **) seed_trials));
  close_dialog (dialog);
}

/* One trial: a stored patient already saved for it waits for an edit;
 * one saved only for another trial can be saved at once. */
static void
test_save_single (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EligoPatient) patient = store_patient (fixture, SEX_TRIAL);
  EligoScreeningDialog *dialog;
  EligoValue ecog = { ELIGO_VALUE_NUMBER, 1, FALSE, NULL };

  dialog = open_one (fixture, SEX_TRIAL, patient);
  g_assert_false (save_enabled (dialog));
  g_assert_true (eligo_patient_set_fact (eligo_screening_dialog_get_patient (dialog), "ecog",
                                         &ecog, NULL));
  g_assert_true (save_enabled (dialog));
  close_dialog (dialog);

  dialog = open_one (fixture, OTHER_TRIAL, patient);
  g_assert_true (save_enabled (dialog));
  g_assert_true (_eligo_screening_dialog_save (dialog));
  g_assert_false (save_enabled (dialog));
  g_assert_cmpuint (count_screenings (fixture, eligo_patient_get_screening_id (patient)), ==, 2);
  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/screening-dialog-fields/sex-single-trial", Fixture, NULL,
              fixture_set_up, test_sex_single_trial, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fields/every-rule-variable", Fixture, NULL,
              fixture_set_up, test_every_rule_variable, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fields/curated-rule", Fixture, NULL,
              fixture_set_up, test_curated_rule_fields, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fields/save-multi-at-once", Fixture, NULL,
              fixture_set_up, test_save_multi_at_once, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fields/save-multi-pick-stored", Fixture, NULL,
              fixture_set_up, test_save_multi_pick_stored, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fields/save-multi-import", Fixture, NULL,
              fixture_set_up, test_save_multi_import, fixture_tear_down);
  g_test_add ("/eligo/screening-dialog-fields/save-single", Fixture, NULL,
              fixture_set_up, test_save_single, fixture_tear_down);

  return g_test_run ();
}
