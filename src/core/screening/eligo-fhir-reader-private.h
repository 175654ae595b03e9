/* eligo-fhir-reader-private.h
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

#include "eligo-fhir-codes.h"
#include "eligo-fhir-facts-private.h"
#include "eligo-fhir-reader.h"

G_BEGIN_DECLS

#define LOINC_SYSTEM   "http://loinc.org"
#define SNOMED_SYSTEM  "http://snomed.info/sct"
#define UCUM_SYSTEM    "http://unitsofmeasure.org"

typedef enum
{
  DATE_INVALID,
  DATE_PARTIAL,  /* a year, or a year and month */
  DATE_FULL,
} DateKind;

typedef struct
{
  const EligoFhirCode *code;
  JsonObject          *holder;       /* the Observation or component holding value[x] */
  guint                entry;        /* for messages */
  DateKind             date_kind;    /* DATE_INVALID: no date at all */
  char                *date_text;    /* as written, or NULL */
  GDate                date;
  gint64               instant;      /* microseconds since 1970, to find the newest */
  gboolean             on_oxygen;    /* SpO2 measured with supplemental oxygen */
} Candidate;

typedef struct
{
  const EligoFhirOptions *options;
  EligoFhirFacts         *facts;
  EligoPatient           *scratch;     /* checks values as a typed value is checked */
  GHashTable             *candidates;  /* variable (static) -> GPtrArray of Candidate */
  char                  **subject_refs;
} Reader;

/* JSON accessors. The lenient ones are for what is read but not checked:
 * a member of the wrong kind reads as absent, without a warning. */
static inline gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static inline gboolean
is_number (JsonNode *node)
{
  return holds_type (node, G_TYPE_INT64) || holds_type (node, G_TYPE_DOUBLE);
}

static inline double
get_number (JsonNode *node)
{
  if (holds_type (node, G_TYPE_INT64))
    return (double) json_node_get_int (node);

  return json_node_get_double (node);
}

static inline JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static inline JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static inline const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return holds_type (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

static inline JsonObject *
object_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* eligo-fhir-reader.c */
void      _eligo_fhir_set_invalid  (GError           **error,
                                    guint              entry,
                                    const char        *type,
                                    const char        *message);
gboolean  _eligo_fhir_get_string   (JsonObject        *object,
                                    const char        *name,
                                    guint              entry,
                                    const char        *type,
                                    const char       **value,
                                    GError           **error);

/* eligo-fhir-values.c */
DateKind  _eligo_fhir_parse_date   (const char        *text,
                                    GDate             *date,
                                    gint64            *instant);
char     *_eligo_fhir_format_date  (const GDate       *date);
gboolean  _eligo_fhir_read_patient (Reader            *reader,
                                    JsonObject        *patient,
                                    guint              entry,
                                    GError           **error);
void      _eligo_fhir_choose       (Reader            *reader,
                                    GPtrArray         *candidates);

G_END_DECLS
