/* eligo-screening-print.h
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

#pragma once

#include <gtk/gtk.h>

#include "eligo-report-document.h"

G_BEGIN_DECLS

/* Printing and PDF export of a report through one GtkPrintOperation whose
 * begin-print paginates the document and whose draw-page draws its pages:
 * print and PDF never differ. */

GtkPrintOperation *eligo_screening_print_operation_new (EligoReportDocument  *document);
void               eligo_screening_print_run           (EligoReportDocument  *document,
                                                        GtkWindow            *parent);
gboolean           eligo_screening_print_export_pdf    (EligoReportDocument  *document,
                                                        GtkWindow            *parent,
                                                        const char           *path,
                                                        GError              **error);

G_END_DECLS
