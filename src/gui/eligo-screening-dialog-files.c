/* eligo-screening-dialog-files.c
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
 * The screening dialog's files: the summary printed or exported as PDF, and
 * a patient file whose facts are imported: Eligo's patient JSON, or a FHIR
 * R4 record read as of the screening date with the freshness window and the
 * lab-ULN preferences. What a FHIR record has but was not used (stale or
 * unusable) is listed apart; the nurse may accept a stale value. Nothing
 * here logs patient data or sends it anywhere.
 */

#define G_LOG_DOMAIN "eligo-screening-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "eligo-fhir-reader.h"
#include "eligo-patient-file.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-screening-print.h"
#include "eligo-screening-report.h"
#include "eligo-variable-editor.h"

static EligoReportDocument *
eligo_screening_dialog_create_report (EligoScreeningDialog *self,
                                      TrialPage            *page)
{
  g_autofree char *screener = g_settings_get_string (self->settings, "screener-name");
  g_autofree char *site = g_settings_get_string (self->settings, "site-name");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  _eligo_screening_dialog_rescreen (self);

  return eligo_screening_report_new (page->result, self->patient,
                                     site[0] != '\0' ? site : NULL,
                                     screener[0] != '\0' ? screener : NULL,
                                     now);
}

/**
 * _eligo_screening_dialog_dup_pdf_name:
 *
 * Returns: (transfer full): "SCR-0042-NCT07072494.pdf" for the trial shown
 */
char *
_eligo_screening_dialog_dup_pdf_name (EligoScreeningDialog *self)
{
  TrialPage *page = _eligo_screening_dialog_get_current_page (self);
  g_autofree char *name = NULL;

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  name = g_strdup_printf ("%s-%s.pdf", eligo_patient_get_screening_id (self->patient),
                          page != NULL ? eligo_trial_get_nct_id (page->trial) : "screening");

  /* A screening id may hold characters a file name cannot. */
  g_strdelimit (name, "/\\:*?\"<>|", '_');

  return g_steal_pointer (&name);
}

gboolean
_eligo_screening_dialog_export_pdf (EligoScreeningDialog  *self,
                                    const char            *path,
                                    GError               **error)
{
  g_autoptr(EligoReportDocument) document = NULL;
  TrialPage *page;

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  page = _eligo_screening_dialog_get_current_page (self);
  g_return_val_if_fail (page != NULL, FALSE);

  document = eligo_screening_dialog_create_report (self, page);

  return eligo_screening_print_export_pdf (document, GTK_WINDOW (self), path, error);
}

static void
on_export_response_cb (GtkNativeDialog      *chooser,
                       int                   response,
                       EligoScreeningDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->file_chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      _eligo_screening_dialog_show_error (self, _("Could Not Export the PDF"),
                                         _("Choose a folder on this computer."));
      return;
    }

  if (!_eligo_screening_dialog_export_pdf (self, path, &error))
    {
      _eligo_screening_dialog_show_error (self, _("Could Not Export the PDF"),
                                         error != NULL ? error->message : NULL);
    }
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (basename);
      g_autofree char *toast = NULL;

      /* Translators: %s is a file name */
      toast = g_strdup_printf (_("Exported “%s”"), display);
      _eligo_screening_dialog_show_toast (self, toast);
    }
}

void
_eligo_screening_dialog_export_pdf_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  EligoScreeningDialog *self = ELIGO_SCREENING_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->file_chooser != NULL || _eligo_screening_dialog_get_current_page (self) == NULL)
    return;

  self->file_chooser = gtk_file_chooser_native_new (_("Export Screening Summary"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Export"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);

  name = _eligo_screening_dialog_dup_pdf_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);

  g_signal_connect (self->file_chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

void
_eligo_screening_dialog_print_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  EligoScreeningDialog *self = ELIGO_SCREENING_DIALOG (widget);
  g_autoptr(EligoReportDocument) document = NULL;
  TrialPage *page = _eligo_screening_dialog_get_current_page (self);

  if (page == NULL)
    return;

  document = eligo_screening_dialog_create_report (self, page);
  eligo_screening_print_run (document, GTK_WINDOW (self));
}

/* Adds the facts and answers of an Eligo patient file to the patient: what
 * the file gives replaces what was entered, the rest stays. A new patient
 * takes the file's screening id. */
static gboolean
import_patient_file (EligoScreeningDialog  *self,
                     GFile                 *file,
                     GError               **error)
{
  g_autoptr(EligoPatient) imported = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *toast = NULL;
  guint n_facts;

  imported = eligo_patient_load (file, NULL, error);
  if (imported == NULL)
    return FALSE;

  self->syncing++;

  names = eligo_patient_dup_fact_names (imported);
  n_facts = g_strv_length (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      EligoValue value;

      if (eligo_patient_get_fact (imported, names[i], &value))
        eligo_patient_set_fact (self->patient, names[i], &value, NULL);
    }

  answers = eligo_patient_dup_answers (imported);
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      const EligoAnswer *answer = g_ptr_array_index (answers, i);

      eligo_patient_add_answer (self->patient, answer);
    }

  if (eligo_patient_get_initials (imported) != NULL)
    eligo_patient_set_initials (self->patient, eligo_patient_get_initials (imported));
  if (eligo_patient_get_birth_year (imported) > 0)
    eligo_patient_set_birth_year (self->patient, eligo_patient_get_birth_year (imported));

  self->syncing--;

  /* A patient not yet stored takes the file's id. */
  if (self->loaded_id == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->id_entry),
                           eligo_patient_get_screening_id (imported));
  if (eligo_patient_get_initials (self->patient) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->initials_entry),
                           eligo_patient_get_initials (self->patient));
  if (eligo_patient_get_birth_year (self->patient) > 0)
    {
      g_autofree char *year = g_strdup_printf ("%d", eligo_patient_get_birth_year (self->patient));

      gtk_editable_set_text (GTK_EDITABLE (self->birth_year_entry), year);
    }

  eligo_variable_editor_reload (ELIGO_VARIABLE_EDITOR (self->variable_editor));
  _eligo_screening_dialog_set_dirty (self, TRUE);
  _eligo_screening_dialog_rescreen (self);

  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename);
  /* Translators: the first %u is a number of facts, %s a file name */
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u fact from “%s”",
                                        "Imported %u facts from “%s”", n_facts),
                           n_facts, display);
  _eligo_screening_dialog_show_toast (self, toast);

  return TRUE;
}

static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;

  if (date == NULL)
    return g_strdup ("");

  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (date);

  /* Translators: a date as in "31 Dec 2016"; see g_date_time_format() */
  return g_date_time_format (time, C_("date", "%-d %b %Y"));
}

static char *
item_label (const EligoFhirItem *item)
{
  const EligoVariable *variable = eligo_variable_lookup (item->variable);

  if (g_str_has_suffix (item->variable, "_x_uln"))
    /* Translators: a lab value's label and its unit, such as "Creatinine (× ULN)" */
    return g_strdup_printf (_("%s (%s)"), eligo_variable_get_label (variable),
                            g_dgettext (GETTEXT_PACKAGE, variable->unit));

  return g_strdup (eligo_variable_get_label (variable));
}

/* "Platelet count 160.1 × 10⁹/L on 31 Dec 2016 — older than 30 days, not used" */
static char *
item_format_line (const EligoFhirItem *item)
{
  const EligoVariable *variable = eligo_variable_lookup (item->variable);
  g_autofree char *label = item_label (item);
  g_autofree char *value = NULL;
  g_autofree char *date = format_date (item->date);
  const char *reason = item->reason != NULL ? item->reason : "";

  if (item->value.kind != ELIGO_VALUE_UNKNOWN && !g_str_has_suffix (item->variable, "_x_uln"))
    value = eligo_variable_editor_format_value (variable, &item->value);
  else if (item->has_number || item->text != NULL)
    value = eligo_fhir_item_format_original (item);

  if (value != NULL && item->date != NULL)
    /* Translators: a value of the record that was not used: the variable, its
     * value, the date of the Observation and why it was not used */
    return g_strdup_printf (_("%s %s on %s — %s"), label, value, date, reason);
  if (value != NULL)
    /* Translators: a value of the record that was not used, and why */
    return g_strdup_printf (_("%s %s — %s"), label, value, reason);

  /* Translators: a variable of the record whose value was not used, and why */
  return g_strdup_printf (_("%s — %s"), label, reason);
}

static void
on_accept_clicked_cb (GtkButton            *button,
                      EligoScreeningDialog *self)
{
  const char *variable = g_object_get_data (G_OBJECT (button), "eligo-variable");
  const EligoVariable *known = eligo_variable_lookup (variable);
  g_autofree char *author = g_settings_get_string (self->settings, "screener-name");
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;

  if (!eligo_fhir_facts_accept_stale (self->patient, variable, author, &error))
    {
      _eligo_screening_dialog_show_error (self, _("Could Not Accept the Value"), error->message);
      return;
    }

  eligo_variable_editor_reload (ELIGO_VARIABLE_EDITOR (self->variable_editor));
  _eligo_screening_dialog_set_dirty (self, TRUE);
  _eligo_screening_dialog_rescreen (self);
  _eligo_screening_dialog_update_record (self);

  /* Translators: %s is a value's label, such as "Platelet count" */
  toast = g_strdup_printf (_("%s accepted although stale"), eligo_variable_get_label (known));
  _eligo_screening_dialog_show_toast (self, toast);
}

static void
record_list_add (EligoScreeningDialog *self,
                 const EligoFhirItem  *item,
                 gboolean              stale,
                 guint                 window_days)
{
  g_autofree char *line = item_format_line (item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (line);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (item->loinc != NULL || item->field != NULL)
    {
      g_autofree char *source = eligo_fhir_item_format_source (item);

      gtk_widget_set_tooltip_text (label, source);
    }
  gtk_box_append (GTK_BOX (box), label);

  if (stale && item->value.kind != ELIGO_VALUE_UNKNOWN)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Accept"));
      g_autofree char *tooltip = NULL;

      /* Translators: a button's tooltip; %u is a number of days */
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Use this value although it is older than %u day; "
                                              "the summary notes that you accepted it",
                                              "Use this value although it is older than %u days; "
                                              "the summary notes that you accepted it",
                                              window_days),
                                 window_days);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                      -1);
      g_object_set_data (G_OBJECT (button), "eligo-variable", (gpointer) item->variable);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_accept_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      gtk_widget_add_css_class (row, "stale");
    }
  else
    {
      gtk_widget_add_css_class (row, stale ? "stale" : "unused");
    }

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (self->record_list), row);
}

/*
 * Lists, apart from the fields, what the patient's FHIR record has but
 * was not used: stale Observations (each with Accept when
 * it has a value) and values that could not be used, with the reason.
 */
void
_eligo_screening_dialog_update_record (EligoScreeningDialog *self)
{
  EligoFhirFacts *facts;
  GtkWidget *child;
  GPtrArray *lists[2];
  guint n_rows = 0;
  char as_of[16];
  g_autofree char *intro = NULL;

  while ((child = gtk_widget_get_first_child (self->record_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->record_list), child);

  facts = self->patient != NULL ? eligo_fhir_facts_get_for_patient (self->patient) : NULL;
  if (facts == NULL)
    {
      gtk_widget_set_visible (self->record_box, FALSE);
      return;
    }

  lists[0] = eligo_fhir_facts_get_stale (facts);
  lists[1] = eligo_fhir_facts_get_unused (facts);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const EligoFhirItem *item = g_ptr_array_index (lists[l], i);

        record_list_add (self, item, l == 0, eligo_fhir_facts_get_window_days (facts));
        n_rows++;
      }

  g_date_strftime (as_of, sizeof as_of, "%Y-%m-%d", eligo_fhir_facts_get_as_of (facts));
  /* Translators: %u is a number of days, %s the screening date */
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Observations more than %u day older than the screening "
                                        "date (%s) are not used; accept one to use it anyway.",
                                        "Observations more than %u days older than the screening "
                                        "date (%s) are not used; accept one to use it anyway.",
                                        eligo_fhir_facts_get_window_days (facts)),
                           eligo_fhir_facts_get_window_days (facts), as_of);
  gtk_label_set_text (GTK_LABEL (self->record_intro_label), intro);
  gtk_widget_set_visible (self->record_box, n_rows > 0);
}

static gboolean
import_fhir_facts (EligoScreeningDialog  *self,
                   GFile                 *file,
                   EligoFhirFacts        *facts,
                   GError               **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *toast = NULL;
  guint n_facts = eligo_fhir_facts_get_facts (facts)->len;
  guint n_stale = eligo_fhir_facts_get_stale (facts)->len;
  gboolean applied;

  self->syncing++;
  applied = eligo_fhir_facts_apply (facts, self->patient, error);
  self->syncing--;

  if (!applied)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  /* The FHIR Patient's id is not a pseudonym: the screening id stays. */
  eligo_variable_editor_reload (ELIGO_VARIABLE_EDITOR (self->variable_editor));
  _eligo_screening_dialog_set_dirty (self, TRUE);
  _eligo_screening_dialog_rescreen (self);
  _eligo_screening_dialog_update_record (self);

  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename);
  if (n_stale > 0)
    /* Translators: the first %u is a number of facts, %s a file name, the
     * second %u the number of values too old to use */
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u facts from “%s”; %u value is stale",
                                          "Imported %u facts from “%s”; %u values are stale",
                                          n_stale),
                             n_facts, display, n_stale);
  else
    /* Translators: the first %u is a number of facts, %s a file name */
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u fact from “%s”",
                                          "Imported %u facts from “%s”", n_facts),
                             n_facts, display);
  _eligo_screening_dialog_show_toast (self, toast);

  return TRUE;
}

/**
 * _eligo_screening_dialog_import_file:
 *
 * Imports the facts of a patient file: a FHIR R4 record (told by its
 * resourceType), read as of the screening date, or Eligo's patient JSON.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
_eligo_screening_dialog_import_file (EligoScreeningDialog  *self,
                                     GFile                 *file,
                                     GError               **error)
{
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) local_error = NULL;
  EligoFhirOptions options;

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  eligo_fhir_options_init_from_settings (&options, self->settings);
  if (g_date_valid (&self->as_of))
    options.as_of = self->as_of;

  facts = eligo_fhir_read_file (file, &options, NULL, &local_error);
  if (facts != NULL)
    return import_fhir_facts (self, file, facts, error);

  if (!g_error_matches (local_error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NOT_FHIR))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return import_patient_file (self, file, error);
}

static void
on_import_response_cb (GtkNativeDialog      *chooser,
                       int                   response,
                       EligoScreeningDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->file_chooser);

  if (file != NULL && !_eligo_screening_dialog_import_file (self, file, &error))
    {
      g_autofree char *secondary = eligo_patient_file_describe_error (file, error);

      _eligo_screening_dialog_show_error (self, _("Could Not Import the Patient File"), secondary);
    }
}

void
_eligo_screening_dialog_import_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  EligoScreeningDialog *self = ELIGO_SCREENING_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    return;

  self->file_chooser = gtk_file_chooser_native_new (_("Import Patient Facts"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Import"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Patient files (Eligo or FHIR JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);

  g_signal_connect (self->file_chooser, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

/* Test hooks (eligo-screening-dialog-private.h) */

void
_eligo_screening_dialog_set_as_of (EligoScreeningDialog *self,
                                   const GDate          *as_of)
{
  g_return_if_fail (ELIGO_IS_SCREENING_DIALOG (self));

  if (as_of != NULL)
    self->as_of = *as_of;
  else
    g_date_clear (&self->as_of, 1);
}

GtkWidget *
_eligo_screening_dialog_get_record_box (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return self->record_box;
}

static GtkWidget *
row_get_label (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return gtk_widget_get_first_child (box);
}

/* The text of each row of the record list. */
char **
_eligo_screening_dialog_dup_record_lines (EligoScreeningDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->record_list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (row_get_label (row))));

  return g_strv_builder_end (builder);
}

GtkWidget *
_eligo_screening_dialog_get_accept_button (EligoScreeningDialog *self,
                                           const char           *variable)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->record_list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *button = gtk_widget_get_next_sibling (row_get_label (row));

      if (button != NULL &&
          g_strcmp0 (g_object_get_data (G_OBJECT (button), "eligo-variable"), variable) == 0)
        return button;
    }

  return NULL;
}
