/* eligo-fhir-reader.h
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
#include <json-glib/json-glib.h>

#include "eligo-fhir-facts.h"

G_BEGIN_DECLS

#define ELIGO_FHIR_ERROR (eligo_fhir_error_quark ())

typedef enum
{
  ELIGO_FHIR_ERROR_NOT_FHIR,     /* JSON, but no FHIR resourceType */
  ELIGO_FHIR_ERROR_INVALID,      /* not valid FHIR R4 JSON */
  ELIGO_FHIR_ERROR_UNSUPPORTED,  /* a resource or Bundle type Eligo does not read */
  ELIGO_FHIR_ERROR_NO_PATIENT,   /* no Patient, or more than one */
} EligoFhirError;

/* The freshness window when none is chosen (DESIGN.md). */
#define ELIGO_FHIR_DEFAULT_WINDOW_DAYS 30

/* The lab's upper limits of normal to use when an Observation has no
 * reference range, in the variables' units; 0 for none. The GUI fills them
 * from its preferences. */
typedef struct
{
  double creatinine_umol_l;
  double bilirubin_umol_l;
  double alt_u_l;
  double ast_u_l;
  double bun_mmol_l;
} EligoLabUlns;

typedef struct
{
  GDate        as_of;        /* the screening date */
  guint        window_days;  /* an Observation older than this before as_of is stale */
  EligoLabUlns ulns;
} EligoFhirOptions;

GQuark          eligo_fhir_error_quark  (void);

void            eligo_fhir_options_init (EligoFhirOptions        *options);
gboolean        eligo_fhir_is_fhir      (JsonNode                *root);
EligoFhirFacts *eligo_fhir_read_json    (JsonNode                *root,
                                         const EligoFhirOptions  *options,
                                         GError                 **error);
EligoFhirFacts *eligo_fhir_read_file    (GFile                   *file,
                                         const EligoFhirOptions  *options,
                                         GCancellable            *cancellable,
                                         GError                 **error);

G_END_DECLS
