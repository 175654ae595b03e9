/* eligo-report-print.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "eligo-report-document.h"

G_BEGIN_DECLS

void               eligo_report_print_attach        (GtkPrintOperation   *operation,
                                                     EligoReportDocument *document);
GtkPrintOperation *eligo_report_print_operation_new (EligoReportDocument *document,
                                                     GtkPageSetup        *page_setup,
                                                     const char          *job_name);
GtkPageSetup      *eligo_report_print_page_setup    (EligoReportDocument *document);
void               eligo_report_print_restore       (GtkPrintOperation   *operation,
                                                     const char          *prefix);
void               eligo_report_print_keep          (GtkPrintOperation   *operation,
                                                     const char          *prefix);

gboolean           eligo_report_print_export_pdf    (GtkPrintOperation   *operation,
                                                     GtkWindow           *parent,
                                                     const char          *path,
                                                     GError             **error);

G_END_DECLS
