/* eligo-comparison-report.h
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

#include "eligo-comparison.h"
#include "eligo-report-document.h"

G_BEGIN_DECLS

EligoReportDocument *eligo_comparison_report_new         (EligoComparison *comparison,
                                                          gboolean         only_differences,
                                                          GDateTime       *date);

char                *eligo_comparison_report_short_title (EligoTrial      *trial,
                                                          guint            max_chars);

G_END_DECLS
