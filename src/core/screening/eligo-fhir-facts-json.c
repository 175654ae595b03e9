/* eligo-fhir-facts-json.c
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
 * FHIR facts as JSON: the `facts --format json` object, which is also how
 * they are stored beside a patient's facts, and reading it back. Patient
 * data: never logged, never sent anywhere.
 */

#define G_LOG_DOMAIN "eligo-fhir"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "eligo-fhir-facts-private.h"
#include "eligo-json-number.h"

static void
set_value_member (JsonObject       *object,
                  const char       *name,
                  const EligoValue *value)
{
  switch (value->kind)
    {
    case ELIGO_VALUE_NUMBER:
      eligo_json_object_set_number (object, name, value->number);
      break;
    case ELIGO_VALUE_BOOL:
      json_object_set_boolean_member (object, name, value->boolean);
      break;
    case ELIGO_VALUE_SYMBOL:
      json_object_set_string_member (object, name, value->symbol);
      break;
    case ELIGO_VALUE_UNKNOWN:
    default:
      json_object_set_null_member (object, name);
      break;
    }
}

static void
set_original_members (JsonObject          *object,
                      const EligoFhirItem *item)
{
  if (item->loinc != NULL)
    json_object_set_string_member (object, "loinc", item->loinc);
  if (item->field != NULL)
    json_object_set_string_member (object, "field", item->field);

  if (item->has_number)
    {
      EligoValue number = { ELIGO_VALUE_NUMBER, item->number, FALSE, NULL };

      set_value_member (object, "value", &number);
    }
  else if (item->text != NULL)
    json_object_set_string_member (object, "value", item->text);
  else
    json_object_set_null_member (object, "value");

  if (item->unit != NULL)
    json_object_set_string_member (object, "unit", item->unit);
  else
    json_object_set_null_member (object, "unit");

  if (item->date != NULL)
    json_object_set_string_member (object, "date", item->date);
  else
    json_object_set_null_member (object, "date");

  if (item->uln_source != ELIGO_ULN_SOURCE_NONE)
    json_object_set_string_member (object, "uln_source",
                                   eligo_uln_source_to_string (item->uln_source));
  if (item->note != NULL)
    json_object_set_string_member (object, "note", item->note);
}

static JsonArray *
items_to_json (GPtrArray *items,
               gboolean   with_reason)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (items, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "variable", item->variable);
      set_original_members (object, item);
      if (item->value.kind != ELIGO_VALUE_UNKNOWN)
        set_value_member (object, "converted", &item->value);
      if (with_reason && item->reason != NULL)
        json_object_set_string_member (object, "reason", item->reason);
      json_array_add_object_element (array, object);
    }

  return array;
}

/**
 * eligo_fhir_facts_to_json:
 *
 * The `facts --format json` object of DESIGN.md: id, as_of, facts,
 * sources and stale; also window_days, unused (values not used, with a
 * reason) and deceased when the Patient records a death.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
eligo_fhir_facts_to_json (EligoFhirFacts *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *facts = json_object_new ();
  JsonObject *sources = json_object_new ();
  JsonNode *node;
  char as_of[16];

  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  g_date_strftime (as_of, sizeof as_of, "%Y-%m-%d", &self->as_of);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "as_of", as_of);
  json_object_set_int_member (object, "window_days", self->window_days);
  if (self->deceased != NULL)
    json_object_set_string_member (object, "deceased", self->deceased);

  for (guint i = 0; i < self->facts->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (self->facts, i);
      JsonObject *source = json_object_new ();

      set_value_member (facts, item->variable, &item->value);
      set_original_members (source, item);
      json_object_set_object_member (sources, item->variable, source);
    }
  json_object_set_object_member (object, "facts", facts);
  json_object_set_object_member (object, "sources", sources);
  json_object_set_array_member (object, "stale", items_to_json (self->stale, FALSE));
  json_object_set_array_member (object, "unused", items_to_json (self->unused, TRUE));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);

  return node;
}

/**
 * eligo_fhir_facts_save_for_patient:
 *
 * The FHIR facts applied to @patient, to be stored beside its facts (the
 * JSON of eligo_fhir_facts_to_json()).
 *
 * Returns: (transfer full) (nullable): a JSON object, or %NULL if none
 */
JsonNode *
eligo_fhir_facts_save_for_patient (EligoPatient *patient)
{
  EligoFhirFacts *self;

  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  self = eligo_fhir_facts_get_for_patient (patient);

  return self != NULL ? eligo_fhir_facts_to_json (self) : NULL;
}

static gboolean
value_from_json (const EligoVariable *variable,
                 JsonNode            *node,
                 EligoValue          *value)
{
  value->kind = ELIGO_VALUE_UNKNOWN;
  value->number = 0;
  value->boolean = FALSE;
  value->symbol = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      if (variable->type != ELIGO_VARIABLE_NUMBER)
        return FALSE;
      value->kind = ELIGO_VALUE_NUMBER;
      value->number = json_node_get_value_type (node) == G_TYPE_INT64
                        ? (double) json_node_get_int (node) : json_node_get_double (node);
      return isfinite (value->number);
    case G_TYPE_BOOLEAN:
      if (variable->type != ELIGO_VARIABLE_BOOL)
        return FALSE;
      value->kind = ELIGO_VALUE_BOOL;
      value->boolean = json_node_get_boolean (node);
      return TRUE;
    case G_TYPE_STRING:
      if (variable->type != ELIGO_VARIABLE_ENUM)
        return FALSE;
      value->kind = ELIGO_VALUE_SYMBOL;
      value->symbol = g_intern_string (json_node_get_string (node));
      return TRUE;
    default:
      return FALSE;
    }
}

static const char *
json_string_or_null (JsonObject *object,
                     const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* One stored item; @converted is its value in the variable's unit. */
static EligoFhirItem *
item_from_json (const char  *name,
                JsonNode    *node,
                JsonNode    *converted)
{
  const EligoVariable *variable = name != NULL ? eligo_variable_lookup (name) : NULL;
  g_autoptr(EligoFhirItem) item = NULL;
  JsonObject *object;
  JsonNode *original;
  const char *uln_source;

  if (variable == NULL || node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  item = _eligo_fhir_item_new (variable->name);
  if (!value_from_json (variable, converted, &item->value))
    return NULL;

  item->loinc = g_strdup (json_string_or_null (object, "loinc"));
  item->field = g_strdup (json_string_or_null (object, "field"));
  item->date = g_strdup (json_string_or_null (object, "date"));
  item->unit = g_strdup (json_string_or_null (object, "unit"));
  item->reason = g_strdup (json_string_or_null (object, "reason"));
  item->note = g_strdup (json_string_or_null (object, "note"));

  original = json_object_get_member (object, "value");
  if (original != NULL && JSON_NODE_HOLDS_VALUE (original) &&
      (json_node_get_value_type (original) == G_TYPE_INT64 ||
       json_node_get_value_type (original) == G_TYPE_DOUBLE))
    {
      item->number = json_node_get_value_type (original) == G_TYPE_INT64
                       ? (double) json_node_get_int (original) : json_node_get_double (original);
      /* Infinity (a number beyond a double) is no value to keep or write. */
      item->has_number = isfinite (item->number);
      if (!item->has_number)
        item->number = 0;
    }
  else
    item->text = g_strdup (json_string_or_null (object, "value"));

  uln_source = json_string_or_null (object, "uln_source");
  if (g_strcmp0 (uln_source, "reference_range") == 0)
    item->uln_source = ELIGO_ULN_SOURCE_REFERENCE_RANGE;
  else if (g_strcmp0 (uln_source, "preferences") == 0)
    item->uln_source = ELIGO_ULN_SOURCE_PREFERENCES;

  return g_steal_pointer (&item);
}

static gboolean
items_from_json (JsonObject  *object,
                 const char  *member,
                 GPtrArray   *items)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      EligoFhirItem *item;

      if (entry == NULL)
        return FALSE;
      item = item_from_json (json_string_or_null (entry, "variable"), element,
                             json_object_get_member (entry, "converted"));
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }

  return TRUE;
}

/**
 * eligo_fhir_facts_load_for_patient:
 * @node: what eligo_fhir_facts_save_for_patient() gave
 *
 * Remembers the stored FHIR facts for @patient, so that its values show
 * their sources again; @patient's facts are left as they are.
 *
 * Returns: %TRUE, or %FALSE with @error set if @node is not such facts
 */
gboolean
eligo_fhir_facts_load_for_patient (EligoPatient  *patient,
                                   JsonNode      *node,
                                   GError       **error)
{
  g_autoptr(EligoFhirFacts) self = NULL;
  JsonObject *object;
  JsonObject *facts;
  JsonObject *sources;
  const char *id;
  const char *as_of_text;
  JsonNode *window;
  GDate as_of;
  int year, month, day;

  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  id = object != NULL ? json_string_or_null (object, "id") : NULL;
  as_of_text = object != NULL ? json_string_or_null (object, "as_of") : NULL;
  window = object != NULL ? json_object_get_member (object, "window_days") : NULL;
  g_date_clear (&as_of, 1);
  if (as_of_text != NULL && sscanf (as_of_text, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    g_date_set_dmy (&as_of, day, month, year);
  facts = object != NULL && json_object_get_member (object, "facts") != NULL &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "facts"))
            ? json_object_get_object_member (object, "facts") : NULL;
  sources = object != NULL && json_object_get_member (object, "sources") != NULL &&
            JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "sources"))
              ? json_object_get_object_member (object, "sources") : NULL;

  if (id == NULL || !g_date_valid (&as_of) || window == NULL || !JSON_NODE_HOLDS_VALUE (window) ||
      json_node_get_value_type (window) != G_TYPE_INT64 || json_node_get_int (window) < 0 ||
      facts == NULL || sources == NULL)
    goto invalid;

  self = _eligo_fhir_facts_new (id, &as_of, (guint) json_node_get_int (window));
  _eligo_fhir_facts_set_deceased (self, json_string_or_null (object, "deceased"));

  {
    g_autoptr(GList) members = json_object_get_members (sources);

    for (const GList *l = members; l != NULL; l = l->next)
      {
        EligoFhirItem *item = item_from_json (l->data, json_object_get_member (sources, l->data),
                                              json_object_get_member (facts, l->data));

        if (item == NULL)
          goto invalid;
        _eligo_fhir_facts_add_fact (self, item);
      }
  }

  if (!items_from_json (object, "stale", self->stale) ||
      !items_from_json (object, "unused", self->unused))
    goto invalid;

  _eligo_fhir_facts_sort (self);
  g_object_set_qdata_full (G_OBJECT (patient), _eligo_fhir_patient_facts_quark (),
                           g_steal_pointer (&self), g_object_unref);

  return TRUE;

invalid:
  g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
               _("“%s” does not hold the sources of FHIR facts"), "fhir_sources");
  return FALSE;
}
