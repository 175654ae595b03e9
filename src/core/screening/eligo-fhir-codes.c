/* eligo-fhir-codes.c
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

/*
 * The LOINC codes read from FHIR Observations and the UCUM units they may
 * come in. Every code here was looked up in a published source; the table
 * with those sources is data/fhir-codes.md: keep the two in step.
 *
 * Leukocytes (6690-2) are deliberately absent: a white-cell count is not a
 * neutrophil count, and only 751-8 fills anc_10e9_l.
 */

#define G_LOG_DOMAIN "eligo-fhir"

#include "config.h"

#include <string.h>

#include "eligo-fhir-codes.h"
#include "eligo-patient.h"

#define BUN_MMOL_L_PER_MG_DL 0.357
#define KG_PER_POUND         0.45359237
#define CM_PER_INCH          2.54
#define U_L_PER_UKAT_L       60.0

static const EligoFhirCode codes[] = {
  /* Demographics */
  { "29463-7", "weight_kg", NULL, NULL, ELIGO_FHIR_KIND_WEIGHT },
  { "8302-2", "height_cm", NULL, NULL, ELIGO_FHIR_KIND_HEIGHT },

  /* Performance status */
  { "89247-1", "ecog", NULL, NULL, ELIGO_FHIR_KIND_SCORE },
  { "89243-0", "karnofsky", NULL, NULL, ELIGO_FHIR_KIND_SCORE },

  /* Laboratory values */
  { "718-7", "hemoglobin_g_l", NULL, NULL, ELIGO_FHIR_KIND_HEMOGLOBIN },
  { "777-3", "platelets_10e9_l", NULL, NULL, ELIGO_FHIR_KIND_COUNT },
  { "751-8", "anc_10e9_l", NULL, NULL, ELIGO_FHIR_KIND_COUNT },
  { "2160-0", "creatinine_umol_l", "creatinine_uln_umol_l", "creatinine_x_uln",
    ELIGO_FHIR_KIND_CREATININE },
  { "38483-4", "creatinine_umol_l", "creatinine_uln_umol_l", "creatinine_x_uln",
    ELIGO_FHIR_KIND_CREATININE },
  { "1975-2", "bilirubin_umol_l", "bilirubin_uln_umol_l", "bilirubin_x_uln",
    ELIGO_FHIR_KIND_BILIRUBIN },
  { "14631-6", "bilirubin_umol_l", "bilirubin_uln_umol_l", "bilirubin_x_uln",
    ELIGO_FHIR_KIND_BILIRUBIN },
  { "1742-6", "alt_u_l", "alt_uln_u_l", "alt_x_uln", ELIGO_FHIR_KIND_ENZYME },
  { "1920-8", "ast_u_l", "ast_uln_u_l", "ast_x_uln", ELIGO_FHIR_KIND_ENZYME },
  { "3094-0", "bun_mmol_l", "bun_uln_mmol_l", "bun_x_uln", ELIGO_FHIR_KIND_UREA_NITROGEN },
  { "6299-2", "bun_mmol_l", "bun_uln_mmol_l", "bun_x_uln", ELIGO_FHIR_KIND_UREA_NITROGEN },

  /* Organ function and vitals */
  { "10230-1", "lvef_pct", NULL, NULL, ELIGO_FHIR_KIND_PERCENT },
  { "18043-0", "lvef_pct", NULL, NULL, ELIGO_FHIR_KIND_PERCENT },
  { "59408-5", "spo2_pct", NULL, NULL, ELIGO_FHIR_KIND_PERCENT },
  { "2708-6", "spo2_pct", NULL, NULL, ELIGO_FHIR_KIND_PERCENT },
  { "8636-3", "qtc_ms", NULL, NULL, ELIGO_FHIR_KIND_DURATION },
  { "76635-2", "qtc_ms", NULL, NULL, ELIGO_FHIR_KIND_DURATION },
  { "76634-5", "qtc_ms", NULL, NULL, ELIGO_FHIR_KIND_DURATION },
  { "8480-6", "systolic_bp_mmhg", NULL, NULL, ELIGO_FHIR_KIND_PRESSURE },
  { "8462-4", "diastolic_bp_mmhg", NULL, NULL, ELIGO_FHIR_KIND_PRESSURE },

  /* Infections */
  { "31201-7", "hiv_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "80387-4", "hiv_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "68961-2", "hiv_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "56888-1", "hiv_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "5196-1", "hbsag_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "5195-3", "hbsag_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "16933-4", "hbcab_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "29610-3", "hbv_dna_detectable", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "42595-9", "hbv_dna_detectable", NULL, NULL, ELIGO_FHIR_KIND_VIRAL_LOAD },
  { "16128-1", "hcv_ab_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "13955-0", "hcv_ab_positive", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "11259-9", "hcv_rna_detectable", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "11011-4", "hcv_rna_detectable", NULL, NULL, ELIGO_FHIR_KIND_VIRAL_LOAD },
  { "5005-4", "ebv_dna_detectable", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "5000-5", "cmv_dna_detectable", NULL, NULL, ELIGO_FHIR_KIND_PRESENCE },
  { "72493-0", "cmv_dna_detectable", NULL, NULL, ELIGO_FHIR_KIND_VIRAL_LOAD },
};

typedef struct
{
  const char *unit;
  double      factor;
} Unit;

static const Unit hemoglobin_units[] = {
  { "g/dL", 10 }, { "g/L", 1 }, { "mg/dL", 0.01 }, { NULL, 0 }
};

/* UCUM writes 10³/µL as 10*3/uL; the others are spellings labs print. */
static const Unit count_units[] = {
  { "10*9/L", 1 }, { "10*3/uL", 1 }, { "10*3/mm3", 1 }, { "10^9/L", 1 }, { "10^3/uL", 1 },
  { "x10E9/L", 1 }, { "x10E3/uL", 1 }, { "10*3/{uL}", 1 }, { "K/uL", 1 },
  { "/uL", 0.001 }, { "/mm3", 0.001 }, { "{cells}/uL", 0.001 }, { "/L", 1e-9 },
  { NULL, 0 }
};

static const Unit creatinine_units[] = {
  { "umol/L", 1 }, { "µmol/L", 1 }, { "mmol/L", 1000 }, { NULL, 0 }
};

static const Unit bilirubin_units[] = {
  { "umol/L", 1 }, { "µmol/L", 1 }, { NULL, 0 }
};

static const Unit enzyme_units[] = {
  { "U/L", 1 }, { "[IU]/L", 1 }, { "IU/L", 1 }, { "u/L", 1 }, { "ukat/L", U_L_PER_UKAT_L },
  { "µkat/L", U_L_PER_UKAT_L }, { NULL, 0 }
};

static const Unit urea_nitrogen_units[] = {
  { "mg/dL", BUN_MMOL_L_PER_MG_DL }, { "mmol/L", 1 }, { NULL, 0 }
};

static const Unit weight_units[] = {
  { "kg", 1 }, { "g", 0.001 }, { "[lb_av]", KG_PER_POUND }, { "lb", KG_PER_POUND }, { NULL, 0 }
};

static const Unit height_units[] = {
  { "cm", 1 }, { "m", 100 }, { "mm", 0.1 }, { "[in_i]", CM_PER_INCH }, { "in", CM_PER_INCH },
  { NULL, 0 }
};

static const Unit percent_units[] = {
  { "%", 1 }, { NULL, 0 }
};

static const Unit duration_units[] = {
  { "ms", 1 }, { "s", 1000 }, { NULL, 0 }
};

static const Unit pressure_units[] = {
  { "mm[Hg]", 1 }, { "mmHg", 1 }, { NULL, 0 }
};

/* A score has no unit; UCUM writes the unity as "1" or an annotation. */
static const Unit score_units[] = {
  { "", 1 }, { "1", 1 }, { "{score}", 1 }, { "{Score}", 1 }, { "{score_value}", 1 }, { NULL, 0 }
};

static const Unit *
get_units (EligoFhirKind kind)
{
  switch (kind)
    {
    case ELIGO_FHIR_KIND_HEMOGLOBIN:
      return hemoglobin_units;
    case ELIGO_FHIR_KIND_COUNT:
      return count_units;
    case ELIGO_FHIR_KIND_CREATININE:
      return creatinine_units;
    case ELIGO_FHIR_KIND_BILIRUBIN:
      return bilirubin_units;
    case ELIGO_FHIR_KIND_ENZYME:
      return enzyme_units;
    case ELIGO_FHIR_KIND_UREA_NITROGEN:
      return urea_nitrogen_units;
    case ELIGO_FHIR_KIND_WEIGHT:
      return weight_units;
    case ELIGO_FHIR_KIND_HEIGHT:
      return height_units;
    case ELIGO_FHIR_KIND_PERCENT:
      return percent_units;
    case ELIGO_FHIR_KIND_DURATION:
      return duration_units;
    case ELIGO_FHIR_KIND_PRESSURE:
      return pressure_units;
    case ELIGO_FHIR_KIND_SCORE:
      return score_units;
    case ELIGO_FHIR_KIND_PRESENCE:
    case ELIGO_FHIR_KIND_VIRAL_LOAD:
    default:
      return NULL;
    }
}

/**
 * eligo_fhir_code_lookup:
 *
 * Returns: (nullable): what the LOINC code @loinc fills, or %NULL if Eligo
 *   does not read it
 */
const EligoFhirCode *
eligo_fhir_code_lookup (const char *loinc)
{
  if (loinc == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (strcmp (codes[i].loinc, loinc) == 0)
      return &codes[i];

  return NULL;
}

const EligoFhirCode *
eligo_fhir_codes_get_all (guint *n_codes)
{
  if (n_codes != NULL)
    *n_codes = G_N_ELEMENTS (codes);

  return codes;
}

/**
 * eligo_fhir_convert:
 * @unit: (nullable): a UCUM code such as "g/dL" or "10*3/uL"; %NULL for none
 * @result: (out): the value in the variable's unit
 *
 * Creatinine and bilirubin in mg/dL use the factors of the screening
 * dialog (eligo_convert_creatinine_mg_dl_to_umol_l() and its kin), so an
 * imported value equals a typed one.
 *
 * Returns: %TRUE if the unit is one Eligo converts for @kind
 */
gboolean
eligo_fhir_convert (EligoFhirKind  kind,
                    const char    *unit,
                    double         value,
                    double        *result)
{
  const Unit *units;

  g_return_val_if_fail (result != NULL, FALSE);

  if (unit == NULL)
    unit = "";

  if (kind == ELIGO_FHIR_KIND_CREATININE && strcmp (unit, "mg/dL") == 0)
    {
      *result = eligo_convert_creatinine_mg_dl_to_umol_l (value);
      return TRUE;
    }
  if (kind == ELIGO_FHIR_KIND_BILIRUBIN && strcmp (unit, "mg/dL") == 0)
    {
      *result = eligo_convert_bilirubin_mg_dl_to_umol_l (value);
      return TRUE;
    }
  if (kind == ELIGO_FHIR_KIND_HEMOGLOBIN && strcmp (unit, "g/dL") == 0)
    {
      *result = eligo_convert_hemoglobin_g_dl_to_g_l (value);
      return TRUE;
    }

  units = get_units (kind);
  if (units == NULL)
    return FALSE;

  for (guint i = 0; units[i].unit != NULL; i++)
    if (strcmp (units[i].unit, unit) == 0)
      {
        *result = value * units[i].factor;
        return TRUE;
      }

  return FALSE;
}
