/* eligo-screening-report.h
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

EligoReportDocument *eligo_screening_report_new         (EligoScreeningResult *result,
                                                         EligoPatient         *patient,
                                                         const char           *site,
                                                         const char           *screener,
                                                         GDateTime            *date);

const char          *eligo_screening_report_verdict_mark (EligoVerdict          verdict);
char                *eligo_screening_report_format_value (const char           *variable,
                                                          EligoPatient         *patient);

G_END_DECLS
