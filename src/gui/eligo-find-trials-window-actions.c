/* eligo-find-trials-window-actions.c
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
 * The Find Trials window's actions and their keys: screen the patient on a
 * trial, compare the best-ranked trials, print and export the ranked list
 * (the document eligo_match_report_new() lays out, drawn by the same print
 * operation for paper and PDF).
 */

#define G_LOG_DOMAIN "eligo-find-trials-window"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "eligo-comparison-window.h"
#include "eligo-find-trials-row.h"
#include "eligo-find-trials-window-private.h"
#include "eligo-match-report.h"
#include "eligo-report-print.h"
#include "eligo-screening-dialog.h"

/* How many of the best-ranked trials Compare shows (the window takes 2 to 6). */
#define COMPARE_TOP      4
/* The most trials a printed list names; the rest are counted. */
#define REPORT_MAX_ROWS  500

/* Printing */

static void
on_error_dialog_response_cb (GtkDialog *dialog,
                             int        response,
                             gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_error (EligoFindTrialsWindow *self,
            const char            *primary,
            const char            *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkPrintOperation *
create_print_operation (EligoFindTrialsWindow *self)
{
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  document = eligo_match_report_new_full (self->results, self->n_ranked, self->n_ruled_out,
                                          self->patient,
                                          gtk_toggle_button_get_active (self->recruiting_button),
                                          REPORT_MAX_ROWS, NULL);
  page_setup = eligo_report_print_page_setup (document);

  return eligo_report_print_operation_new (document, page_setup, _("Ranked trials"));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  EligoFindTrialsWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print the Ranked List"),
                  error != NULL ? error->message : NULL);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    eligo_report_print_keep (operation, "find-trials-");
}

static void
on_export_response_cb (GtkNativeDialog       *chooser,
                       int                    response,
                       EligoFindTrialsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !eligo_find_trials_window_export_pdf (self, path, &error))
        show_error (self, _("Could Not Export the Ranked List"), error->message);
    }

  g_object_unref (chooser);
}

/* Actions */

static void
screen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkWidget *dialog = eligo_find_trials_window_screen_selected (ELIGO_FIND_TRIALS_WINDOW (widget));

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *window = eligo_find_trials_window_compare_top (ELIGO_FIND_TRIALS_WINDOW (widget));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EligoFindTrialsWindow *self = ELIGO_FIND_TRIALS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->results == NULL)
    return;

  operation = create_print_operation (self);
  eligo_report_print_restore (operation, "find-trials-");
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (self, _("Could Not Print the Ranked List"), error->message);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EligoFindTrialsWindow *self = ELIGO_FIND_TRIALS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *id = eligo_patient_get_screening_id (self->patient);

  if (self->results == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Ranked List as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Translators: the suggested file name; %s is the patient's screening id */
  name = g_strdup_printf (_("trials-for-%s.pdf"), id != NULL && *id != '\0' ? id : "patient");
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
toggle_recruiting_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EligoFindTrialsWindow *self = ELIGO_FIND_TRIALS_WINDOW (widget);

  gtk_toggle_button_set_active (self->recruiting_button,
                                !gtk_toggle_button_get_active (self->recruiting_button));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  eligo_find_trials_window_refresh (ELIGO_FIND_TRIALS_WINDOW (widget));
}

void
_eligo_find_trials_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "find-trials.screen", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "find-trials.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "find-trials.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "find-trials.export-pdf", NULL,
                                   export_pdf_action);
  gtk_widget_class_install_action (widget_class, "find-trials.toggle-recruiting", NULL,
                                   toggle_recruiting_action);
  gtk_widget_class_install_action (widget_class, "find-trials.refresh", NULL, refresh_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "find-trials.screen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "find-trials.screen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "find-trials.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "find-trials.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "find-trials.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "find-trials.toggle-recruiting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "find-trials.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Public API */

/**
 * eligo_find_trials_window_screen_selected:
 *
 * Opens the screening dialog for the patient on the selected trial.
 *
 * Returns: (transfer none) (nullable): the dialog, not yet presented, or
 *   %NULL if no trial is selected
 */
GtkWidget *
eligo_find_trials_window_screen_selected (EligoFindTrialsWindow *self)
{
  EligoFindTrialsRow *row;
  g_autoptr(GPtrArray) trials = NULL;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (trials,
                   g_object_ref (eligo_screening_result_get_trial (eligo_find_trials_row_get_result (row))));

  return eligo_screening_dialog_new (GTK_WINDOW (self), self->database, trials, self->patient);
}

/**
 * eligo_find_trials_window_compare_top:
 *
 * Opens the comparison window on the best-ranked trials (up to 4), with
 * the patient.
 *
 * Returns: (transfer none) (nullable): the window, not yet presented, or
 *   %NULL if fewer than two trials are ranked
 */
GtkWidget *
eligo_find_trials_window_compare_top (EligoFindTrialsWindow *self)
{
  g_autoptr(GPtrArray) trials = NULL;
  GtkWidget *window;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);

  if (self->results == NULL || self->job != NULL || self->results->len < 2)
    return NULL;

  trials = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->results->len && i < COMPARE_TOP; i++)
    g_ptr_array_add (trials,
                     g_object_ref (eligo_screening_result_get_trial (g_ptr_array_index (self->results,
                                                                                        i))));

  window = eligo_comparison_window_new (GTK_WINDOW (self), self->database, trials);
  if (window != NULL)
    eligo_comparison_window_set_patient (ELIGO_COMPARISON_WINDOW (window), self->patient);

  return window;
}

/**
 * eligo_find_trials_window_export_pdf:
 * @path: the PDF to write
 *
 * Writes the ranked list to @path through the print operation that
 * printing uses, with no dialog. The file is created 0600 beside @path
 * under a temporary name and renamed over it, so a failure leaves @path
 * as it was.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
eligo_find_trials_window_export_pdf (EligoFindTrialsWindow  *self,
                                     const char             *path,
                                     GError                **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->results == NULL || self->job != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The trials are still being ranked"));
      return FALSE;
    }

  operation = create_print_operation (self);
  return eligo_report_print_export_pdf (operation, GTK_WINDOW (self), path, error);
}
