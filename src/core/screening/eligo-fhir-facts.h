/* eligo-fhir-facts.h
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

#include <json-glib/json-glib.h>

#include "eligo-patient.h"
#include "eligo-variables.h"

G_BEGIN_DECLS

/* Where the upper limit of normal of a lab value came from. */
typedef enum
{
  ELIGO_ULN_SOURCE_NONE,             /* not a ULN, or none known */
  ELIGO_ULN_SOURCE_REFERENCE_RANGE,  /* the Observation's referenceRange.high */
  ELIGO_ULN_SOURCE_PREFERENCES,      /* the lab-ULN preferences */
} EligoUlnSource;

/*
 * One value read from a FHIR file, with where it came from: a fact, a stale
 * Observation (older than the freshness window) or one whose value could not
 * be used (unknown unit, no value, implausible...).
 */
typedef struct
{
  const char     *variable;    /* the variable's name (static) */
  EligoValue      value;       /* in the variable's unit; for a stale item, what it would be */
  char           *loinc;       /* the Observation's code, or NULL */
  char           *field;       /* the Patient field ("Patient.birthDate"), or NULL */
  char           *date;        /* YYYY-MM-DD as the file gives it, or NULL */
  gboolean        has_number;
  double          number;      /* the original value, when a number */
  char           *text;        /* the original value, when not a number; or NULL */
  char           *unit;        /* the original unit, or NULL */
  EligoUlnSource  uln_source;  /* for the ULN and × ULN of a lab value */
  char           *reason;      /* why an unused item was not used (translated), or NULL */
  char           *note;        /* a stale value the nurse accepted: who, when (translated) */
} EligoFhirItem;

#define ELIGO_TYPE_FHIR_FACTS (eligo_fhir_facts_get_type ())

G_DECLARE_FINAL_TYPE (EligoFhirFacts, eligo_fhir_facts, ELIGO, FHIR_FACTS, GObject)

const char          *eligo_fhir_facts_get_id            (EligoFhirFacts  *self);
const GDate         *eligo_fhir_facts_get_as_of         (EligoFhirFacts  *self);
guint                eligo_fhir_facts_get_window_days   (EligoFhirFacts  *self);
const char          *eligo_fhir_facts_get_deceased      (EligoFhirFacts  *self);
GPtrArray           *eligo_fhir_facts_get_facts         (EligoFhirFacts  *self);
GPtrArray           *eligo_fhir_facts_get_stale         (EligoFhirFacts  *self);
GPtrArray           *eligo_fhir_facts_get_unused        (EligoFhirFacts  *self);
const EligoFhirItem *eligo_fhir_facts_lookup            (EligoFhirFacts  *self,
                                                         const char      *variable);

JsonNode            *eligo_fhir_facts_to_json           (EligoFhirFacts  *self);
gboolean             eligo_fhir_facts_apply             (EligoFhirFacts  *self,
                                                         EligoPatient    *patient,
                                                         GError         **error);
EligoPatient        *eligo_fhir_facts_to_patient        (EligoFhirFacts  *self,
                                                         GError         **error);
EligoFhirFacts      *eligo_fhir_facts_get_for_patient   (EligoPatient    *patient);
gboolean             eligo_fhir_facts_accept_stale      (EligoPatient    *patient,
                                                         const char      *variable,
                                                         const char      *author,
                                                         GError         **error);
JsonNode            *eligo_fhir_facts_save_for_patient  (EligoPatient    *patient);
gboolean             eligo_fhir_facts_load_for_patient  (EligoPatient    *patient,
                                                         JsonNode        *node,
                                                         GError         **error);
const EligoFhirItem *eligo_fhir_facts_get_source        (EligoPatient    *patient,
                                                         const char      *variable);

char                *eligo_fhir_item_format_source      (const EligoFhirItem *item);
char                *eligo_fhir_item_format_original    (const EligoFhirItem *item);
const char          *eligo_uln_source_to_string         (EligoUlnSource   source);

G_END_DECLS
