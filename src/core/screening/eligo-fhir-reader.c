/* eligo-fhir-reader.c
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
 * Reads patient facts from FHIR R4 JSON: a Bundle (collection, transaction
 * or searchset) holding one Patient and its Observations, or a Patient
 * resource (with Observations in `contained`).
 *
 * - age_years from Patient.birthDate at the screening date, sex from
 *   Patient.gender;
 * - the other variables from Observations coded in LOINC
 *   (eligo-fhir-codes.c), their values converted from UCUM units;
 * - per variable, the newest Observation within the freshness window wins;
 *   if there is none, the newest older one is listed as stale and never
 *   used; Observations dated after the screening date did not exist yet
 *   and are ignored;
 * - a lab value's ULN comes from its "normal" referenceRange.high when the
 *   units convert, else from the lab-ULN preferences the caller passes;
 * - a value that cannot be used (unknown unit, no value, a bound such as
 *   "< 5", a partial date, implausible) stays unknown and is listed.
 *
 * Nothing read here is logged: it is patient data.
 */

#define G_LOG_DOMAIN "eligo-fhir"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-fhir-reader-private.h"
#include "eligo-patient-private.h"

#define LOINC_INHALED_OXYGEN_FLOW "3151-8"

G_DEFINE_QUARK (eligo-fhir-error-quark, eligo_fhir_error)

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->date_text);
  g_free (candidate);
}

static void
reader_clear (Reader *reader)
{
  g_clear_object (&reader->facts);
  g_clear_object (&reader->scratch);
  g_clear_pointer (&reader->candidates, g_hash_table_unref);
  g_clear_pointer (&reader->subject_refs, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

void
_eligo_fhir_set_invalid (GError     **error,
             guint        entry,
             const char  *type,
             const char  *message)
{
  if (entry == G_MAXUINT)
    g_set_error (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_INVALID,
                 /* Translators: a FHIR resource type, then what is wrong with it */
                 _("not valid FHIR: %s: %s"), type, message);
  else
    g_set_error (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_INVALID,
                 /* Translators: the number of a Bundle entry, its FHIR resource type,
                  * then what is wrong with it */
                 _("not valid FHIR: entry %u (%s): %s"), entry, type, message);
}

/* A member that must be text if present. */
gboolean
_eligo_fhir_get_string (JsonObject   *object,
            const char   *name,
            guint         entry,
            const char   *type,
            const char  **value,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *message = NULL;

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!holds_type (node, G_TYPE_STRING))
    {
      /* Translators: %s is a FHIR element such as "status" or "code.text" */
      message = g_strdup_printf (_("%s should be text"), name);
      _eligo_fhir_set_invalid (error, entry, type, message);
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

/* A member that must be an object (or an array) if present. */
static gboolean
get_node (JsonObject    *object,
          const char    *name,
          JsonNodeType   node_type,
          guint          entry,
          const char    *type,
          JsonNode     **value,
          GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *message = NULL;

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_TYPE (node) != node_type)
    {
      if (node_type == JSON_NODE_ARRAY)
        /* Translators: %s is a FHIR element such as "entry" or "coding" */
        message = g_strdup_printf (_("%s should be a list"), name);
      else
        /* Translators: %s is a FHIR element such as "code" or "valueQuantity" */
        message = g_strdup_printf (_("%s should be an object"), name);
      _eligo_fhir_set_invalid (error, entry, type, message);
      return FALSE;
    }

  *value = node;
  return TRUE;
}

/* A FHIR id: letters, digits, '-' and '.', up to 64 characters. */
static gboolean
id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}

static const char *
resource_type (JsonObject *resource)
{
  JsonNode *node = json_object_get_member (resource, "resourceType");

  return holds_type (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

/**
 * eligo_fhir_is_fhir:
 *
 * Returns: %TRUE if @root is a JSON object naming a FHIR resourceType (the
 *   way DESIGN.md tells a FHIR patient file from Eligo's own)
 */
gboolean
eligo_fhir_is_fhir (JsonNode *root)
{
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
         json_object_has_member (json_node_get_object (root), "resourceType");
}

/* The resources of the file, as (JsonObject, entry number) pairs; entry
 * G_MAXUINT for the root or a contained resource. */
typedef struct
{
  JsonObject *resource;
  const char *full_url;
  guint       entry;
} Resource;

static gboolean
add_contained (GArray      *resources,
               JsonObject  *resource,
               guint        entry,
               GError     **error)
{
  JsonNode *contained;
  JsonArray *array;

  if (!get_node (resource, "contained", JSON_NODE_ARRAY, entry, resource_type (resource),
                 &contained, error))
    return FALSE;
  if (contained == NULL)
    return TRUE;

  array = json_node_get_array (contained);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      Resource item = { NULL, NULL, entry };

      if (!JSON_NODE_HOLDS_OBJECT (node) || resource_type (json_node_get_object (node)) == NULL)
        {
          _eligo_fhir_set_invalid (error, entry, resource_type (resource),
                       _("each contained resource should be an object with a resourceType"));
          return FALSE;
        }
      item.resource = json_node_get_object (node);
      g_array_append_val (resources, item);
    }

  return TRUE;
}

static gboolean
collect_resources (JsonNode  *root,
                   GArray    *resources,
                   GError   **error)
{
  JsonObject *object;
  const char *type;
  const char *bundle_type;
  JsonNode *entries;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NOT_FHIR,
                           _("not FHIR: the file should hold a JSON object"));
      return FALSE;
    }

  object = json_node_get_object (root);
  type = resource_type (object);
  if (type == NULL)
    {
      g_set_error_literal (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_INVALID,
                           _("not valid FHIR: resourceType should be text, such as “Bundle”"));
      return FALSE;
    }

  if (strcmp (type, "Patient") == 0)
    {
      Resource item = { object, NULL, G_MAXUINT };

      g_array_append_val (resources, item);
      return add_contained (resources, object, G_MAXUINT, error);
    }

  if (strcmp (type, "Bundle") != 0)
    {
      g_set_error (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_UNSUPPORTED,
                   /* Translators: %s is a FHIR resource type such as "Observation" */
                   _("a FHIR %s resource: Eligo reads a Bundle, or a Patient"), type);
      return FALSE;
    }

  if (!_eligo_fhir_get_string (object, "type", G_MAXUINT, "Bundle", &bundle_type, error))
    return FALSE;
  if (bundle_type == NULL)
    {
      _eligo_fhir_set_invalid (error, G_MAXUINT, "Bundle", _("type is missing"));
      return FALSE;
    }
  if (strcmp (bundle_type, "collection") != 0 && strcmp (bundle_type, "transaction") != 0 &&
      strcmp (bundle_type, "searchset") != 0)
    {
      g_set_error (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_UNSUPPORTED,
                   /* Translators: %s is a FHIR Bundle type such as "history" */
                   _("a FHIR Bundle of type “%s”: Eligo reads collection, transaction and "
                     "searchset Bundles"), bundle_type);
      return FALSE;
    }

  if (!get_node (object, "entry", JSON_NODE_ARRAY, G_MAXUINT, "Bundle", &entries, error))
    return FALSE;
  if (entries == NULL)
    return TRUE;

  array = json_node_get_array (entries);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      JsonNode *resource;
      Resource item = { NULL, NULL, i + 1 };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _eligo_fhir_set_invalid (error, i + 1, "Bundle.entry", _("an entry should be an object"));
          return FALSE;
        }
      entry = json_node_get_object (node);

      if (!_eligo_fhir_get_string (entry, "fullUrl", i + 1, "Bundle.entry", &item.full_url, error) ||
          !get_node (entry, "resource", JSON_NODE_OBJECT, i + 1, "Bundle.entry", &resource, error))
        return FALSE;

      /* A transaction may delete without a resource. */
      if (resource == NULL)
        continue;

      item.resource = json_node_get_object (resource);
      if (resource_type (item.resource) == NULL)
        {
          _eligo_fhir_set_invalid (error, i + 1, "Bundle.entry", _("the resource has no resourceType"));
          return FALSE;
        }
      g_array_append_val (resources, item);
    }

  return TRUE;
}

/* The LOINC code of @concept that Eligo reads, if any. */
static gboolean
find_code (JsonObject           *concept,
           guint                 entry,
           const EligoFhirCode **code,
           const char          **loinc,
           GError              **error)
{
  JsonNode *codings;
  JsonArray *array;

  *code = NULL;
  if (loinc != NULL)
    *loinc = NULL;

  if (!get_node (concept, "coding", JSON_NODE_ARRAY, entry, "Observation", &codings, error))
    return FALSE;
  if (codings == NULL)
    return TRUE;

  array = json_node_get_array (codings);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *system, *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _eligo_fhir_set_invalid (error, entry, "Observation", _("each coding should be an object"));
          return FALSE;
        }
      if (!_eligo_fhir_get_string (json_node_get_object (node), "system", entry, "Observation", &system, error) ||
          !_eligo_fhir_get_string (json_node_get_object (node), "code", entry, "Observation", &value, error))
        return FALSE;

      if (*code == NULL && g_strcmp0 (system, LOINC_SYSTEM) == 0 && value != NULL)
        {
          *code = eligo_fhir_code_lookup (value);
          if (loinc != NULL)
            *loinc = value;
        }
    }

  return TRUE;
}

/* Checks the types of the value[x] Eligo reads. */
static gboolean
check_value (JsonObject  *holder,
             guint        entry,
             GError     **error)
{
  JsonNode *node;
  const char *text;

  if (!get_node (holder, "valueQuantity", JSON_NODE_OBJECT, entry, "Observation", &node, error))
    return FALSE;
  if (node != NULL)
    {
      JsonObject *quantity = json_node_get_object (node);
      JsonNode *value = json_object_get_member (quantity, "value");

      if (value != NULL && !JSON_NODE_HOLDS_NULL (value) && !is_number (value))
        {
          _eligo_fhir_set_invalid (error, entry, "Observation", _("valueQuantity.value should be a number"));
          return FALSE;
        }
      if (!_eligo_fhir_get_string (quantity, "unit", entry, "Observation", &text, error) ||
          !_eligo_fhir_get_string (quantity, "code", entry, "Observation", &text, error) ||
          !_eligo_fhir_get_string (quantity, "system", entry, "Observation", &text, error) ||
          !_eligo_fhir_get_string (quantity, "comparator", entry, "Observation", &text, error))
        return FALSE;
    }

  node = json_object_get_member (holder, "valueInteger");
  if (node != NULL && !holds_type (node, G_TYPE_INT64))
    {
      _eligo_fhir_set_invalid (error, entry, "Observation", _("valueInteger should be a whole number"));
      return FALSE;
    }

  node = json_object_get_member (holder, "valueBoolean");
  if (node != NULL && !holds_type (node, G_TYPE_BOOLEAN))
    {
      _eligo_fhir_set_invalid (error, entry, "Observation", _("valueBoolean should be true or false"));
      return FALSE;
    }

  if (!_eligo_fhir_get_string (holder, "valueString", entry, "Observation", &text, error) ||
      !get_node (holder, "valueCodeableConcept", JSON_NODE_OBJECT, entry, "Observation", &node,
                 error))
    return FALSE;

  return TRUE;
}

/* The date of an Observation: effective[x], else issued. */
static gboolean
read_effective (JsonObject  *observation,
                guint        entry,
                Candidate   *candidate,
                GError     **error)
{
  const char *text = NULL;
  const char *issued = NULL;
  JsonNode *period;

  if (!_eligo_fhir_get_string (observation, "effectiveDateTime", entry, "Observation", &text, error) ||
      !_eligo_fhir_get_string (observation, "issued", entry, "Observation", &issued, error) ||
      !get_node (observation, "effectivePeriod", JSON_NODE_OBJECT, entry, "Observation", &period,
                 error))
    return FALSE;

  if (text == NULL && !_eligo_fhir_get_string (observation, "effectiveInstant", entry, "Observation", &text,
                                   error))
    return FALSE;

  if (text == NULL && period != NULL)
    {
      const char *start, *end;

      if (!_eligo_fhir_get_string (json_node_get_object (period), "start", entry, "Observation", &start, error) ||
          !_eligo_fhir_get_string (json_node_get_object (period), "end", entry, "Observation", &end, error))
        return FALSE;
      text = end != NULL ? end : start;
    }

  if (text == NULL)
    text = issued;

  candidate->date_kind = DATE_INVALID;
  if (text == NULL)
    return TRUE;

  candidate->date_kind = _eligo_fhir_parse_date (text, &candidate->date, &candidate->instant);
  if (candidate->date_kind == DATE_INVALID)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a date as the file gives it */
      message = g_strdup_printf (_("“%s” is not a FHIR date"), text);
      _eligo_fhir_set_invalid (error, entry, "Observation", message);
      return FALSE;
    }

  candidate->date_text = candidate->date_kind == DATE_FULL ? _eligo_fhir_format_date (&candidate->date)
                                                           : g_strdup (text);
  return TRUE;
}

static void
add_candidate (Reader    *reader,
               Candidate *candidate)
{
  GPtrArray *list = g_hash_table_lookup (reader->candidates, candidate->code->variable);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
      g_hash_table_insert (reader->candidates, (gpointer) candidate->code->variable, list);
    }
  g_ptr_array_add (list, candidate);
}

/* An Observation about someone else (a donor, a relative) is not read. */
static gboolean
is_about_patient (Reader      *reader,
                  JsonObject  *observation,
                  guint        entry,
                  gboolean    *about,
                  GError     **error)
{
  JsonNode *subject;
  const char *reference;

  *about = TRUE;
  if (!get_node (observation, "subject", JSON_NODE_OBJECT, entry, "Observation", &subject, error))
    return FALSE;
  if (subject == NULL)
    return TRUE;

  if (!_eligo_fhir_get_string (json_node_get_object (subject), "reference", entry, "Observation", &reference,
                   error))
    return FALSE;
  if (reference == NULL)
    return TRUE;

  *about = FALSE;
  for (guint i = 0; reader->subject_refs[i] != NULL; i++)
    if (strcmp (reference, reader->subject_refs[i]) == 0 ||
        (g_str_has_prefix (reader->subject_refs[i], "Patient/") &&
         g_str_has_suffix (reference, reader->subject_refs[i]) &&
         strlen (reference) > strlen (reader->subject_refs[i]) &&
         reference[strlen (reference) - strlen (reader->subject_refs[i]) - 1] == '/'))
      *about = TRUE;

  return TRUE;
}

static gboolean
inhaled_oxygen (JsonObject *observation)
{
  JsonArray *components = array_member (observation, "component");

  for (guint i = 0; components != NULL && i < json_array_get_length (components); i++)
    {
      JsonObject *component = object_element (components, i);
      JsonArray *codings = array_member (object_member (component, "code"), "coding");
      JsonObject *quantity = object_member (component, "valueQuantity");
      gboolean flow = FALSE;

      for (guint k = 0; codings != NULL && k < json_array_get_length (codings); k++)
        if (g_strcmp0 (string_member (object_element (codings, k), "code"),
                       LOINC_INHALED_OXYGEN_FLOW) == 0)
          flow = TRUE;

      if (flow && quantity != NULL && is_number (json_object_get_member (quantity, "value")) &&
          get_number (json_object_get_member (quantity, "value")) > 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
read_observation (Reader      *reader,
                  JsonObject  *observation,
                  guint        entry,
                  GError     **error)
{
  Candidate when = { 0 };
  const char *status;
  JsonNode *code, *components;
  JsonObject *holders[64];
  const EligoFhirCode *mapped[64];
  guint n_holders = 0;
  gboolean about;

  if (!_eligo_fhir_get_string (observation, "status", entry, "Observation", &status, error))
    return FALSE;
  if (status == NULL)
    {
      _eligo_fhir_set_invalid (error, entry, "Observation", _("status is missing"));
      return FALSE;
    }
  if (!get_node (observation, "code", JSON_NODE_OBJECT, entry, "Observation", &code, error))
    return FALSE;
  if (code == NULL)
    {
      _eligo_fhir_set_invalid (error, entry, "Observation", _("code is missing"));
      return FALSE;
    }
  if (!get_node (observation, "component", JSON_NODE_ARRAY, entry, "Observation", &components,
                 error))
    return FALSE;

  holders[n_holders++] = observation;
  if (components != NULL)
    {
      JsonArray *array = json_node_get_array (components);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonNode *component_code;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              _eligo_fhir_set_invalid (error, entry, "Observation", _("each component should be an object"));
              return FALSE;
            }
          if (!get_node (json_node_get_object (node), "code", JSON_NODE_OBJECT, entry,
                         "Observation", &component_code, error))
            return FALSE;
          if (component_code == NULL)
            {
              _eligo_fhir_set_invalid (error, entry, "Observation", _("a component has no code"));
              return FALSE;
            }
          if (n_holders < G_N_ELEMENTS (holders))
            holders[n_holders++] = json_node_get_object (node);
        }
    }

  for (guint i = 0; i < n_holders; i++)
    if (!check_value (holders[i], entry, error))
      return FALSE;

  if (!read_effective (observation, entry, &when, error) ||
      !is_about_patient (reader, observation, entry, &about, error))
    {
      g_free (when.date_text);
      return FALSE;
    }

  /* Only results that stand: not preliminary, cancelled or entered in error. */
  if (!about || (strcmp (status, "final") != 0 && strcmp (status, "amended") != 0 &&
                 strcmp (status, "corrected") != 0))
    {
      g_free (when.date_text);
      return TRUE;
    }

  for (guint i = 0; i < n_holders; i++)
    if (!find_code (object_member (holders[i], "code"), entry, &mapped[i], NULL, error))
      {
        g_free (when.date_text);
        return FALSE;
      }

  for (guint i = 0; i < n_holders; i++)
    {
      Candidate *candidate;

      if (mapped[i] == NULL)
        continue;

      candidate = g_new0 (Candidate, 1);
      *candidate = when;
      candidate->date_text = g_strdup (when.date_text);
      candidate->code = mapped[i];
      candidate->holder = holders[i];
      candidate->entry = entry;
      candidate->on_oxygen = strcmp (mapped[i]->variable, "spo2_pct") == 0 &&
                             inhaled_oxygen (observation);
      add_candidate (reader, candidate);
    }

  g_free (when.date_text);
  return TRUE;
}

/* The Patient's id, or the last part of its fullUrl. */
static gboolean
patient_id (const Resource  *patient,
            char           **id,
            GError         **error)
{
  const char *value;

  if (!_eligo_fhir_get_string (patient->resource, "id", patient->entry, "Patient", &value, error))
    return FALSE;

  if (value == NULL && patient->full_url != NULL)
    {
      const char *tail = strrchr (patient->full_url, '/');

      if (tail == NULL)
        tail = strrchr (patient->full_url, ':');
      value = tail != NULL ? tail + 1 : patient->full_url;
    }

  if (value == NULL || !id_is_valid (value))
    {
      _eligo_fhir_set_invalid (error, patient->entry, "Patient",
                   value == NULL ? _("the Patient has no id")
                                 : _("the Patient’s id has characters FHIR does not allow"));
      return FALSE;
    }

  *id = g_strdup (value);
  return TRUE;
}

/**
 * eligo_fhir_options_init:
 *
 * Today (local time) as the screening date, the 30-day window, no lab-ULN
 * preferences.
 */
void
eligo_fhir_options_init (EligoFhirOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  g_date_clear (&options->as_of, 1);
  g_date_set_dmy (&options->as_of, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  options->window_days = ELIGO_FHIR_DEFAULT_WINDOW_DAYS;
}

/**
 * eligo_fhir_read_json:
 * @root: a parsed FHIR R4 JSON file
 * @options: the screening date, the freshness window, the lab-ULN preferences
 *
 * Refuses JSON that is not valid FHIR for what Eligo reads (wrong types,
 * bad dates, no status or code on an Observation), a Bundle type other
 * than collection, transaction and searchset, and a file with no Patient
 * or more than one. Messages are translated and name the entry; the
 * caller adds the file's name.
 *
 * Returns: (transfer full) (nullable): the facts, or %NULL with @error set
 */
EligoFhirFacts *
eligo_fhir_read_json (JsonNode                *root,
                      const EligoFhirOptions  *options,
                      GError                 **error)
{
  g_auto(Reader) reader = { 0 };
  g_autoptr(GArray) resources = NULL;
  g_autoptr(GStrvBuilder) refs = NULL;
  g_autofree char *id = NULL;
  g_autofree char *patient_ref = NULL;
  g_autofree char *uuid_ref = NULL;
  const Resource *patient = NULL;
  GHashTableIter iter;
  gpointer list;
  guint n_patients = 0;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  resources = g_array_new (FALSE, TRUE, sizeof (Resource));
  if (!collect_resources (root, resources, error))
    return NULL;

  for (guint i = 0; i < resources->len; i++)
    {
      const Resource *resource = &g_array_index (resources, Resource, i);

      if (strcmp (resource_type (resource->resource), "Patient") == 0)
        {
          patient = resource;
          n_patients++;
        }
    }

  if (n_patients != 1)
    {
      if (n_patients == 0)
        g_set_error_literal (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NO_PATIENT,
                             _("the file holds no Patient resource"));
      else
        g_set_error (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NO_PATIENT,
                     _("the file holds %u Patient resources; Eligo reads one patient at a time"),
                     n_patients);
      return NULL;
    }

  if (!patient_id (patient, &id, error))
    return NULL;

  patient_ref = g_strconcat ("Patient/", id, NULL);
  uuid_ref = g_strconcat ("urn:uuid:", id, NULL);
  refs = g_strv_builder_new ();
  g_strv_builder_add (refs, patient_ref);
  g_strv_builder_add (refs, uuid_ref);
  if (patient->full_url != NULL)
    g_strv_builder_add (refs, patient->full_url);

  reader.options = options;
  reader.facts = _eligo_fhir_facts_new (id, &options->as_of, options->window_days);
  reader.scratch = eligo_patient_new (id);
  reader.candidates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  reader.subject_refs = g_strv_builder_end (refs);

  if (!_eligo_fhir_read_patient (&reader, patient->resource, patient->entry, error))
    return NULL;

  for (guint i = 0; i < resources->len; i++)
    {
      const Resource *resource = &g_array_index (resources, Resource, i);

      if (strcmp (resource_type (resource->resource), "Observation") == 0 &&
          !read_observation (&reader, resource->resource, resource->entry, error))
        return NULL;
    }

  g_hash_table_iter_init (&iter, reader.candidates);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    _eligo_fhir_choose (&reader, list);

  _eligo_fhir_facts_sort (reader.facts);

  return g_steal_pointer (&reader.facts);
}

/**
 * eligo_fhir_read_file:
 * @file: a FHIR R4 JSON file
 *
 * The file gets the checks of every patient file (size, UTF-8, nesting,
 * JSON), then eligo_fhir_read_json(). Every message starts with the file's
 * name. A JSON file that is not FHIR (Eligo's own patient JSON) fails with
 * %ELIGO_FHIR_ERROR_NOT_FHIR.
 *
 * Returns: (transfer full) (nullable): the facts, or %NULL with @error set
 */
EligoFhirFacts *
eligo_fhir_read_file (GFile                   *file,
                      const EligoFhirOptions  *options,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  EligoFhirFacts *facts;
  JsonNode *root;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = _eligo_patient_parse_file (file, cancellable, error);
  if (parser == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  root = json_parser_get_root (parser);
  if (!eligo_fhir_is_fhir (root))
    {
      g_set_error (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NOT_FHIR,
                   _("%s: not FHIR: the file has no resourceType"), name);
      return NULL;
    }

  facts = eligo_fhir_read_json (root, options, &local_error);
  if (facts == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return NULL;
    }

  return facts;
}
