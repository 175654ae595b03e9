/* eligo-screening-report-private.h
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

#include "eligo-patient.h"
#include "eligo-report-document.h"
#include "eligo-screening.h"

G_BEGIN_DECLS

/* eligo-screening-report-sources.c */
void _eligo_screening_report_add_sources (EligoReportDocument  *document,
                                          EligoScreeningResult *result,
                                          EligoPatient         *patient);

G_END_DECLS
