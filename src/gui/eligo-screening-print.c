/* eligo-screening-print.c
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
 * Print (with GTK's dialog and preview) and Export PDF share one
 * GtkPrintOperation: begin-print lays the report out for the paper chosen,
 * with the print context's Pango context, and draw-page draws a page of it
 * on the print context's cairo context. The operation works in points on
 * the full page, so a page of the report's own size is drawn at scale 1,
 * as `eligo-cli screen --pdf` draws it.
 *
 * The print settings and page setup chosen are kept for the next time in
 * $XDG_DATA_HOME/io.github.eligo.Eligo/.
 */

#define G_LOG_DOMAIN "eligo-screening-print"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-screening-print.h"
#include "eligo-report-print.h"


static void
on_error_dialog_response_cb (GtkDialog *dialog,
                             int        response,
                             gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_error (GtkWindow  *parent,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR,
                                   GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      show_error (parent, _("Could Not Print the Screening Summary"),
                  error != NULL ? error->message : NULL);
      g_object_set_data (G_OBJECT (operation), "eligo-error-shown", GINT_TO_POINTER (TRUE));
      break;

    case GTK_PRINT_OPERATION_RESULT_APPLY:
      eligo_report_print_keep (operation, "");
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

/**
 * eligo_screening_print_operation_new:
 * @document: the report to print
 *
 * Returns: (transfer full): an operation in points on the full page, set up
 *   for the report's paper (or the paper last chosen), that paginates
 *   @document in begin-print and draws it in draw-page
 */
GtkPrintOperation *
eligo_screening_print_operation_new (EligoReportDocument *document)
{
  g_autoptr(GtkPageSetup) page_setup = NULL;

  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (document), NULL);

  page_setup = eligo_report_print_page_setup (document);

  return eligo_report_print_operation_new (document, page_setup, _("Screening summary"));
}

/**
 * eligo_screening_print_run:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Shows GTK's print dialog, with its preview, and prints @document. Errors
 * are shown in a dialog.
 */
void
eligo_screening_print_run (EligoReportDocument *document,
                           GtkWindow           *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (document));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = eligo_screening_print_operation_new (document);

  eligo_report_print_restore (operation, "");

  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (on_done_cb), parent, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), NULL);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "eligo-error-shown") == NULL)
    show_error (parent, _("Could Not Print the Screening Summary"),
                error != NULL ? error->message : NULL);
}

/**
 * eligo_screening_print_export_pdf:
 * @parent: (nullable): a window for the operation
 * @path: the PDF to write
 *
 * Writes @document to @path through the same print operation as printing,
 * on the report's own paper, with no dialog.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
eligo_screening_print_export_pdf (EligoReportDocument  *document,
                                  GtkWindow            *parent,
                                  const char           *path,
                                  GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = eligo_screening_print_operation_new (document);
  gtk_print_operation_set_export_filename (operation, path);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                     _("The PDF could not be written"));
      return FALSE;
    }

  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}
