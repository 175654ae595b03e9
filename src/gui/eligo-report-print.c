/* eligo-report-print.c
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
 * A report document on a GtkPrintOperation: begin-print paginates it with
 * the print context's Pango context, draw-page draws the same pages the
 * PDF writer draws.
 */

#define G_LOG_DOMAIN "eligo-report-print"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "eligo-report-print.h"

static void
on_begin_print_cb (GtkPrintOperation   *operation,
                   GtkPrintContext     *context,
                   EligoReportDocument *document)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  /* The paper chosen in the dialog is the report's page (ignoring a
   * degenerate size some backends report before a printer is chosen). */
  if (width > 144 && height > 144)
    eligo_report_document_set_page_size (document, width, height);

  eligo_report_document_paginate (document, pango_context);
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, (int) eligo_report_document_get_n_pages (document)));
}

static void
on_draw_page_cb (GtkPrintOperation   *operation,
                 GtkPrintContext     *context,
                 int                  page_nr,
                 EligoReportDocument *document)
{
  if (page_nr < 0 || (guint) page_nr >= eligo_report_document_get_n_pages (document))
    return;

  eligo_report_document_draw_page (document,
                                   gtk_print_context_get_cairo_context (context),
                                   page_nr,
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));
}

/**
 * eligo_report_print_attach:
 * @document: what to print; kept alive as long as @operation
 *
 * Makes @operation print @document.
 */
void
eligo_report_print_attach (GtkPrintOperation   *operation,
                           EligoReportDocument *document)
{
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (document));

  g_object_set_data_full (G_OBJECT (operation), "eligo-report-document",
                          g_object_ref (document), g_object_unref);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), document, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), document, 0);
}

/**
 * eligo_report_print_operation_new:
 * @document: the report to print
 * @page_setup: the paper and orientation to offer first
 * @job_name: the job's name when the document has no title
 *
 * Returns: (transfer full): an operation in points on the full page that
 *   paginates @document in begin-print and draws it in draw-page
 */
GtkPrintOperation *
eligo_report_print_operation_new (EligoReportDocument *document,
                                  GtkPageSetup        *page_setup,
                                  const char          *job_name)
{
  GtkPrintOperation *operation;
  const char *title;

  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (document), NULL);
  g_return_val_if_fail (GTK_IS_PAGE_SETUP (page_setup), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, FALSE);

  title = eligo_report_document_get_title (document);
  gtk_print_operation_set_job_name (operation, title != NULL ? title : job_name);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  eligo_report_print_attach (operation, document);

  return operation;
}

static char *
dup_state_path (const char *prefix,
                const char *name)
{
  g_autofree char *file = g_strconcat (prefix, name, NULL);

  return g_build_filename (g_get_user_data_dir (), ELIGO_ID, file, NULL);
}

/**
 * eligo_report_print_page_setup:
 *
 * Returns: (transfer full): a page setup for the report's own paper: A4 or
 *   Letter (or its exact size), portrait or landscape
 */
GtkPageSetup *
eligo_report_print_page_setup (EligoReportDocument *document)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width = eligo_report_document_get_page_width (document);
  double height = eligo_report_document_get_page_height (document);
  double short_side = MIN (width, height);
  double long_side = MAX (width, height);

  if (fabs (short_side - ELIGO_REPORT_A4_WIDTH) < 1 && fabs (long_side - ELIGO_REPORT_A4_HEIGHT) < 1)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else if (fabs (short_side - ELIGO_REPORT_LETTER_WIDTH) < 1 &&
           fabs (long_side - ELIGO_REPORT_LETTER_HEIGHT) < 1)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  else
    paper = gtk_paper_size_new_custom ("eligo-report", _("Report"), short_side, long_side,
                                       GTK_UNIT_POINTS);

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup,
                                  width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                 : GTK_PAGE_ORIENTATION_PORTRAIT);

  return page_setup;
}

/**
 * eligo_report_print_restore:
 * @prefix: names the kind of report ("" or "comparison-")
 *
 * Offers the printer and paper last chosen for this kind of report.
 */
void
eligo_report_print_restore (GtkPrintOperation *operation,
                            const char        *prefix)
{
  g_autofree char *settings_path = dup_state_path (prefix, "print-settings.ini");
  g_autofree char *page_setup_path = dup_state_path (prefix, "page-setup.ini");
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_file (settings_path, NULL);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new_from_file (page_setup_path, NULL);

  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, page_setup);
}

/**
 * eligo_report_print_keep:
 * @prefix: names the kind of report ("" or "comparison-")
 *
 * Remembers the printer and paper chosen, under the user data dir.
 */
void
eligo_report_print_keep (GtkPrintOperation *operation,
                         const char        *prefix)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), ELIGO_ID, NULL);
  g_autofree char *settings_path = dup_state_path (prefix, "print-settings.ini");
  g_autofree char *page_setup_path = dup_state_path (prefix, "page-setup.ini");
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (operation);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return;

  if (settings != NULL && !gtk_print_settings_to_file (settings, settings_path, &error))
    {
      g_message ("Could not keep the print settings: %s", error->message);
      g_clear_error (&error);
    }

  if (page_setup != NULL && !gtk_page_setup_to_file (page_setup, page_setup_path, &error))
    g_message ("Could not keep the page setup: %s", error->message);
}

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file name, the second the reason */
               _("Cannot write the PDF “%s”: %s"), display, g_strerror (saved_errno));
}

/**
 * eligo_report_print_export_pdf:
 * @operation: a print operation set up for a report
 * @parent: (nullable): the window exporting
 * @path: the PDF to write
 *
 * Runs @operation as an export to @path, with no dialog. The PDF holds
 * patient data: it is written 0600 beside @path under a temporary name and
 * renamed over it, so a failure leaves @path as it was.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
eligo_report_print_export_pdf (GtkPrintOperation  *operation,
                               GtkWindow          *parent,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  GtkPrintOperationResult result;
  int fd;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*path == '\0' || g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_io_error (error, EISDIR, path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }
  close (fd);

  gtk_print_operation_set_export_filename (operation, tmp_path);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent,
                                    &local_error);
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp_path);
      g_set_error (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Cannot write the PDF “%s”: %s"), display,
                   local_error != NULL ? local_error->message : _("the export failed"));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }

  return TRUE;
}
