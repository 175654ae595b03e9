/* eligo-report-pdf.c
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
 * Writes a report document to a PDF file, atomically: the pages go to a
 * temporary file in the same folder, which replaces the target only once
 * everything was written and synced.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "eligo-report-pdf.h"

typedef struct
{
  int  fd;
  int  saved_errno;  /* the first write error, or 0 */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          if (sink->saved_errno == 0)
            sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
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

/* Draws every page of @document on @surface; returns cairo's status. */
static cairo_status_t
render (EligoReportDocument *document,
        cairo_surface_t     *surface)
{
  double width = eligo_report_document_get_page_width (document);
  double height = eligo_report_document_get_page_height (document);
  PangoContext *context;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  eligo_report_document_paginate (document, context);
  g_object_unref (context);
  n_pages = eligo_report_document_get_n_pages (document);

  for (guint i = 0; i < n_pages; i++)
    {
      eligo_report_document_draw_page (document, cr, i, width, height);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        break;
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  return status;
}

/**
 * eligo_report_pdf_write:
 * @document: the document
 * @path: the PDF file to write; replaced if it exists
 *
 * Paginates @document for a PDF surface of its page size and writes every
 * page. The file appears complete or not at all: a failed export leaves
 * nothing behind (and an existing file as it was).
 *
 * Returns: %TRUE on success; otherwise @error names @path and the reason
 */
gboolean
eligo_report_pdf_write (EligoReportDocument  *document,
                        const char           *path,
                        GError              **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Sink sink = { -1, 0 };
  const char *title;

  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (document), FALSE);
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

  /* 0600: a screening summary carries patient data, so only its owner reads it. */
  sink.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink,
                                                 eligo_report_document_get_page_width (document),
                                                 eligo_report_document_get_page_height (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Eligo " PACKAGE_VERSION);
  title = eligo_report_document_get_title (document);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);

  status = render (document, surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      if (sink.saved_errno != 0)
        set_io_error (error, sink.saved_errno, path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Cannot write the PDF “%s”: %s"), display, cairo_status_to_string (status));
      close (sink.fd);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (fsync (sink.fd) != 0)
    {
      int saved_errno = errno;

      close (sink.fd);
      set_io_error (error, saved_errno, path);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (close (sink.fd) != 0)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno, path);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno, path);
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
