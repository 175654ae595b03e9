/* eligo-report-pdf.h
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

#include <gio/gio.h>

#include "eligo-report-document.h"

G_BEGIN_DECLS

gboolean eligo_report_pdf_write (EligoReportDocument  *document,
                                 const char           *path,
                                 GError              **error);

G_END_DECLS
