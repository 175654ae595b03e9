/* eligo-lab-units.c: the conversions between the units labs write and the
 * variables' units, and the creatinine clearance (Cockcroft-Gault)
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

#define G_LOG_DOMAIN "eligo-lab-units"

#include "config.h"

#include <math.h>

#include "eligo-lab-units.h"

#define CREATININE_UMOL_PER_MG_DL 88.42
#define BILIRUBIN_UMOL_PER_MG_DL  17.1

double
eligo_convert_creatinine_mg_dl_to_umol_l (double mg_dl)
{
  return mg_dl * CREATININE_UMOL_PER_MG_DL;
}

double
eligo_convert_bilirubin_mg_dl_to_umol_l (double mg_dl)
{
  return mg_dl * BILIRUBIN_UMOL_PER_MG_DL;
}

double
eligo_convert_hemoglobin_g_dl_to_g_l (double g_dl)
{
  return g_dl * 10;
}

/**
 * eligo_convert_per_ul_to_10e9_l:
 * @per_ul: a count per µL (the same as per mm³)
 *
 * Returns: the count in 10⁹/L: 1500/µL is 1.5 × 10⁹/L
 */
double
eligo_convert_per_ul_to_10e9_l (double per_ul)
{
  return per_ul / 1000;
}

/**
 * eligo_cockcroft_gault:
 *
 * Creatinine clearance ((140 − age) × weight) / (72 × serum creatinine in
 * mg/dL), × 0.85 for a woman.
 *
 * Returns: the clearance in mL/min, or NAN if @creatinine_umol_l is not positive
 */
double
eligo_cockcroft_gault (double   age_years,
                       double   weight_kg,
                       gboolean female,
                       double   creatinine_umol_l)
{
  double creatinine_mg_dl;
  double clearance;

  if (!(creatinine_umol_l > 0))
    return NAN;

  creatinine_mg_dl = creatinine_umol_l / CREATININE_UMOL_PER_MG_DL;
  clearance = ((140 - age_years) * weight_kg) / (72 * creatinine_mg_dl);
  if (female)
    clearance *= 0.85;

  return clearance;
}
