/* eligo-fhir-codes.h
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

/* How an Observation's value becomes a variable's value. */
typedef enum
{
  ELIGO_FHIR_KIND_HEMOGLOBIN,   /* mass concentration, to g/L */
  ELIGO_FHIR_KIND_COUNT,        /* cells per volume, to 10⁹/L */
  ELIGO_FHIR_KIND_CREATININE,   /* to µmol/L */
  ELIGO_FHIR_KIND_BILIRUBIN,    /* to µmol/L */
  ELIGO_FHIR_KIND_ENZYME,       /* catalytic activity, to U/L */
  ELIGO_FHIR_KIND_UREA_NITROGEN,/* to mmol/L */
  ELIGO_FHIR_KIND_WEIGHT,       /* to kg */
  ELIGO_FHIR_KIND_HEIGHT,       /* to cm */
  ELIGO_FHIR_KIND_PERCENT,      /* % */
  ELIGO_FHIR_KIND_DURATION,     /* to ms */
  ELIGO_FHIR_KIND_PRESSURE,     /* to mmHg */
  ELIGO_FHIR_KIND_SCORE,        /* a unitless score: ECOG, Karnofsky */
  ELIGO_FHIR_KIND_PRESENCE,     /* positive / negative, detected / not detected */
  ELIGO_FHIR_KIND_VIRAL_LOAD,   /* a count of copies: detectable when above the limit */
} EligoFhirKind;

typedef struct
{
  const char    *loinc;
  const char    *variable;      /* the variable the value fills */
  const char    *uln_variable;  /* where the lab's upper limit of normal goes, or NULL */
  const char    *x_uln_variable;/* the multiple of the ULN, or NULL */
  EligoFhirKind  kind;
} EligoFhirCode;

/* The LOINC codes Eligo reads (data/fhir-codes.md lists them with sources). */
const EligoFhirCode *eligo_fhir_code_lookup   (const char          *loinc);
const EligoFhirCode *eligo_fhir_codes_get_all (guint               *n_codes);

/* Converts @value in the UCUM @unit (or a common spelling of it) into the
 * unit of @kind's variables. FALSE if the unit is unknown or of another
 * dimension. */
gboolean             eligo_fhir_convert       (EligoFhirKind        kind,
                                               const char          *unit,
                                               double               value,
                                               double              *result);

G_END_DECLS
