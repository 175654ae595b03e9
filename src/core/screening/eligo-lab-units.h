/* eligo-lab-units.h
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

#include <glib.h>

G_BEGIN_DECLS

/* Unit conversions for the screening dialog and the extractor. */
double        eligo_convert_creatinine_mg_dl_to_umol_l (double mg_dl);
double        eligo_convert_bilirubin_mg_dl_to_umol_l  (double mg_dl);
double        eligo_convert_hemoglobin_g_dl_to_g_l     (double g_dl);
double        eligo_convert_per_ul_to_10e9_l           (double per_ul);
double        eligo_cockcroft_gault                    (double   age_years,
                                                        double   weight_kg,
                                                        gboolean female,
                                                        double   creatinine_umol_l);

G_END_DECLS
