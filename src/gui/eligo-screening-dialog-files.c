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
 * a patient file whose facts are imported. Nothing here logs patient data.
 */

#define G_LOG_DOMAIN "eligo-screening-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/**
 * _eligo_screening_dialog_import_file:
 *
 * Adds the facts and answers of a patient file to the patient: what the
 * file gives replaces what was entered, the rest stays. A new patient takes
 * the file's screening id.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
_eligo_screening_dialog_import_file (EligoScreeningDialog  *self,
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

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

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

      eligo_patient_set_answer (self->patient, answer->criterion_id, answer->verdict,
                                answer->note, answer->author, answer->time);
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
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (basename);
      g_autofree char *secondary = NULL;

      /* Name the file, unless the reason already does. */
      if (strstr (error->message, display) != NULL)
        secondary = g_strdup (error->message);
      else
        /* Translators: the first %s is a file name, the second the reason */
        secondary = g_strdup_printf (_("“%s”: %s"), display, error->message);

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
  gtk_file_filter_set_name (filter, _("Patient files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);

  g_signal_connect (self->file_chooser, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}
