/* eligo-patient-derived.c
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
 * The facts a patient has without their being entered, derived from
 * others: the multiples of the upper limit of normal from a raw value and
 * the lab's limit, facts that follow from another (active GVHD is some
 * GVHD), pregnancy and breastfeeding apart or together, the BMI and the
 * creatinine clearance by Cockcroft-Gault. eligo_patient_lookup() asks
 * here when a fact was not entered.
 *
 * Patient data never goes to the log: not the id, not a value.
 */

#define G_LOG_DOMAIN "eligo-patient"

#include "config.h"

#include <string.h>

#include "eligo-patient-private.h"

typedef struct
{
  const char *numerator;
  const char *denominator;
} Ratio;

/* The multiples of the upper limit of normal, derived from a raw value and the lab's ULN. */
static const struct {
  const char *name;
  Ratio       ratio;
} ratios[] = {
  { "creatinine_x_uln", { "creatinine_umol_l", "creatinine_uln_umol_l" } },
  { "bilirubin_x_uln", { "bilirubin_umol_l", "bilirubin_uln_umol_l" } },
  { "alt_x_uln", { "alt_u_l", "alt_uln_u_l" } },
  { "ast_x_uln", { "ast_u_l", "ast_uln_u_l" } },
  { "bun_x_uln", { "bun_mmol_l", "bun_uln_mmol_l" } },
};

static void
set_number (EligoValue *value,
            double      number)
{
  value->kind = ELIGO_VALUE_NUMBER;
  value->number = number;
  value->boolean = FALSE;
  value->symbol = NULL;
}

static void
set_bool (EligoValue *value,
          gboolean    boolean)
{
  value->kind = ELIGO_VALUE_BOOL;
  value->number = 0;
  value->boolean = boolean;
  value->symbol = NULL;
}

static gboolean
get_number (EligoPatient *self,
            const char   *name,
            double       *number)
{
  const EligoValue *value = g_hash_table_lookup (self->facts, name);

  if (value == NULL || value->kind != ELIGO_VALUE_NUMBER)
    return FALSE;

  *number = value->number;
  return TRUE;
}

/* @name is @when wherever @source is @when. */
static const struct
{
  const char *name;
  const char *source;
  gboolean    when;
} implications[] = {
  { "gvhd_any", "gvhd_active", TRUE },
  { "prior_cd19_car_t", "prior_car_t", FALSE },
  { "primary_immunodeficiency", "immunodeficiency", FALSE },
};

gboolean
_eligo_patient_derive (EligoPatient *self,
                       const char   *name,
                       EligoValue   *value)
{
  const EligoValue *sex;
  double age, weight, creatinine;

  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      double numerator, denominator;

      if (strcmp (name, ratios[i].name) != 0)
        continue;

      if (!get_number (self, ratios[i].ratio.numerator, &numerator) ||
          !get_number (self, ratios[i].ratio.denominator, &denominator) ||
          denominator <= 0)
        return FALSE;

      set_number (value, numerator / denominator);
      return TRUE;
    }

  /* A fact that follows from another: active GVHD is some GVHD, no CAR-T
   * at all is no CD19 CAR-T. */
  for (guint i = 0; i < G_N_ELEMENTS (implications); i++)
    {
      const EligoValue *source;

      if (strcmp (name, implications[i].name) != 0)
        continue;
      source = g_hash_table_lookup (self->facts, implications[i].source);
      if (source == NULL || source->kind != ELIGO_VALUE_BOOL || source->boolean != implications[i].when)
        return FALSE;
      set_bool (value, implications[i].when);
      return TRUE;
    }

  /* Pregnancy and breastfeeding, apart or together. */
  if (strcmp (name, "pregnant") == 0 || strcmp (name, "breastfeeding") == 0)
    {
      const EligoValue *either = g_hash_table_lookup (self->facts, "pregnant_or_lactating");

      if (either == NULL || either->kind != ELIGO_VALUE_BOOL || either->boolean)
        return FALSE;
      set_bool (value, FALSE);
      return TRUE;
    }
  if (strcmp (name, "pregnant_or_lactating") == 0)
    {
      const EligoValue *pregnant = g_hash_table_lookup (self->facts, "pregnant");
      const EligoValue *breastfeeding = g_hash_table_lookup (self->facts, "breastfeeding");
      gboolean p_known = pregnant != NULL && pregnant->kind == ELIGO_VALUE_BOOL;
      gboolean b_known = breastfeeding != NULL && breastfeeding->kind == ELIGO_VALUE_BOOL;

      if ((p_known && pregnant->boolean) || (b_known && breastfeeding->boolean))
        set_bool (value, TRUE);
      else if (p_known && b_known)
        set_bool (value, FALSE);
      else
        return FALSE;
      return TRUE;
    }

  if (strcmp (name, "bmi_kg_m2") == 0)
    {
      double height;

      if (!get_number (self, "weight_kg", &weight) ||
          !get_number (self, "height_cm", &height) ||
          height <= 0)
        return FALSE;

      set_number (value, weight / ((height / 100) * (height / 100)));
      return TRUE;
    }

  if (strcmp (name, "creatinine_clearance_ml_min") == 0)
    {
      sex = g_hash_table_lookup (self->facts, "sex");

      if (sex == NULL || sex->kind != ELIGO_VALUE_SYMBOL ||
          !get_number (self, "age_years", &age) ||
          !get_number (self, "weight_kg", &weight) ||
          !get_number (self, "creatinine_umol_l", &creatinine) ||
          creatinine <= 0)
        return FALSE;

      set_number (value, eligo_cockcroft_gault (age, weight,
                                                g_strcmp0 (sex->symbol, "female") == 0,
                                                creatinine));
      return TRUE;
    }

  return FALSE;
}

/**
 * eligo_uln_multiple_get_parts:
 * @name: a variable, e.g. "bilirubin_x_uln"
 * @raw: (out) (optional): the raw value it is derived from, "bilirubin_umol_l"
 * @uln: (out) (optional): the lab's upper limit of normal, "bilirubin_uln_umol_l"
 *
 * Returns: %TRUE if @name is a multiple of the ULN that can be derived from
 *   a raw value and the lab's ULN
 */
gboolean
eligo_uln_multiple_get_parts (const char  *name,
                              const char **raw,
                              const char **uln)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      if (strcmp (name, ratios[i].name) != 0)
        continue;

      if (raw != NULL)
        *raw = ratios[i].ratio.numerator;
      if (uln != NULL)
        *uln = ratios[i].ratio.denominator;
      return TRUE;
    }

  return FALSE;
}
