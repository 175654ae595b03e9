/* eligo-comparison-print.h
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

/* Print (with GTK's dialog and its preview) and Export PDF of the
 * comparison report, through one GtkPrintOperation on landscape paper
 * whose draw-page draws the report's pages, as `eligo-cli compare --pdf`
 * does. */

GtkPrintOperation *eligo_comparison_print_operation_new (EligoReportDocument  *document);
void               eligo_comparison_print_run           (EligoReportDocument  *document,
                                                         GtkWindow            *parent);
gboolean           eligo_comparison_print_export_pdf    (EligoReportDocument  *document,
                                                         GtkWindow            *parent,
                                                         const char           *path,
                                                         GError              **error);

G_END_DECLS
