/* eligo-fhir-facts.c
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
 * The facts read from one FHIR file at one screening date: each with the
 * Observation (or Patient field) it came from, the stale Observations that
 * were not used and the values that could not be used. Patient data: never
 * logged, never sent anywhere.
 */

#define G_LOG_DOMAIN "eligo-fhir"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "eligo-fhir-facts-private.h"
#include "eligo-json-number.h"

struct _EligoFhirFacts
{
  GObject    parent_instance;

  char      *id;
  GDate      as_of;
  guint      window_days;
  char      *deceased;

  GPtrArray *facts;   /* EligoFhirItem */
  GPtrArray *stale;
  GPtrArray *unused;
};

G_DEFINE_FINAL_TYPE (EligoFhirFacts, eligo_fhir_facts, G_TYPE_OBJECT)

static GQuark
patient_facts_quark (void)
{
  return g_quark_from_static_string ("eligo-fhir-facts-patient");
}

static guint
variable_index (const char *name)
{
  const EligoVariable *all;
  guint n;

  all = eligo_variables_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (strcmp (all[i].name, name) == 0)
      return i;

  return n;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const EligoFhirItem *ia = *(const EligoFhirItem * const *) a;
  const EligoFhirItem *ib = *(const EligoFhirItem * const *) b;
  guint na = variable_index (ia->variable);
  guint nb = variable_index (ib->variable);

  if (na != nb)
    return na < nb ? -1 : 1;

  return g_strcmp0 (ib->date, ia->date);
}

static gboolean
values_equal (const EligoValue *a,
              const EligoValue *b)
{
  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case ELIGO_VALUE_NUMBER:
      return fabs (a->number - b->number) <= 1e-9 * MAX (1.0, fabs (a->number));
    case ELIGO_VALUE_BOOL:
      return !a->boolean == !b->boolean;
    case ELIGO_VALUE_SYMBOL:
      return g_strcmp0 (a->symbol, b->symbol) == 0;
    case ELIGO_VALUE_UNKNOWN:
    default:
      return TRUE;
    }
}

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

/* Sets each fact the patient holds (derived ones, the × ULN multiples, are
 * left to the patient to derive from the raw value and the ULN). */
static gboolean
set_facts (EligoFhirFacts  *self,
           EligoPatient    *patient,
           GError         **error)
{
  for (guint i = 0; i < self->facts->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (self->facts, i);
      const EligoVariable *variable = eligo_variable_lookup (item->variable);

      if (variable == NULL || variable->derived_from != NULL)
        continue;

      if (!eligo_patient_set_fact (patient, item->variable, &item->value, error))
        return FALSE;
    }

  return TRUE;
}

static void
eligo_fhir_facts_finalize (GObject *object)
{
  EligoFhirFacts *self = (EligoFhirFacts *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->deceased, g_free);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->stale, g_ptr_array_unref);
  g_clear_pointer (&self->unused, g_ptr_array_unref);

  G_OBJECT_CLASS (eligo_fhir_facts_parent_class)->finalize (object);
}

static void
eligo_fhir_facts_class_init (EligoFhirFactsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eligo_fhir_facts_finalize;
}

static void
eligo_fhir_facts_init (EligoFhirFacts *self)
{
  g_date_clear (&self->as_of, 1);
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_fhir_item_free);
  self->stale = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_fhir_item_free);
  self->unused = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_fhir_item_free);
}

EligoFhirItem *
_eligo_fhir_item_new (const char *variable)
{
  const EligoVariable *known = eligo_variable_lookup (variable);
  EligoFhirItem *item;

  g_return_val_if_fail (known != NULL, NULL);

  item = g_new0 (EligoFhirItem, 1);
  item->variable = known->name;
  item->value.kind = ELIGO_VALUE_UNKNOWN;

  return item;
}

EligoFhirItem *
_eligo_fhir_item_copy (const EligoFhirItem *item)
{
  EligoFhirItem *copy = g_memdup2 (item, sizeof *item);

  copy->loinc = g_strdup (item->loinc);
  copy->field = g_strdup (item->field);
  copy->date = g_strdup (item->date);
  copy->text = g_strdup (item->text);
  copy->unit = g_strdup (item->unit);
  copy->reason = g_strdup (item->reason);
  copy->note = g_strdup (item->note);

  return copy;
}

void
_eligo_fhir_item_free (EligoFhirItem *item)
{
  if (item == NULL)
    return;

  g_free (item->loinc);
  g_free (item->field);
  g_free (item->date);
  g_free (item->text);
  g_free (item->unit);
  g_free (item->reason);
  g_free (item->note);
  g_free (item);
}

EligoFhirFacts *
_eligo_fhir_facts_new (const char  *id,
                       const GDate *as_of,
                       guint        window_days)
{
  EligoFhirFacts *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  self = g_object_new (ELIGO_TYPE_FHIR_FACTS, NULL);
  self->id = g_strdup (id);
  self->as_of = *as_of;
  self->window_days = window_days;

  return self;
}

void
_eligo_fhir_facts_set_deceased (EligoFhirFacts *self,
                                const char     *date)
{
  g_free (self->deceased);
  self->deceased = g_strdup (date);
}

void
_eligo_fhir_facts_add_fact (EligoFhirFacts *self,
                            EligoFhirItem  *item)
{
  g_ptr_array_add (self->facts, item);
}

void
_eligo_fhir_facts_add_stale (EligoFhirFacts *self,
                             EligoFhirItem  *item)
{
  g_ptr_array_add (self->stale, item);
}

void
_eligo_fhir_facts_add_unused (EligoFhirFacts *self,
                              EligoFhirItem  *item)
{
  g_ptr_array_add (self->unused, item);
}

void
_eligo_fhir_facts_sort (EligoFhirFacts *self)
{
  g_ptr_array_sort (self->facts, compare_items);
  g_ptr_array_sort (self->stale, compare_items);
  g_ptr_array_sort (self->unused, compare_items);
}

/**
 * eligo_fhir_facts_get_id:
 *
 * Returns: the id of the FHIR Patient resource
 */
const char *
eligo_fhir_facts_get_id (EligoFhirFacts *self)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  return self->id;
}

/**
 * eligo_fhir_facts_get_as_of:
 *
 * Returns: the screening date the facts were read for
 */
const GDate *
eligo_fhir_facts_get_as_of (EligoFhirFacts *self)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  return &self->as_of;
}

guint
eligo_fhir_facts_get_window_days (EligoFhirFacts *self)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), 0);

  return self->window_days;
}

/**
 * eligo_fhir_facts_get_deceased:
 *
 * Returns: (nullable): the date of death the Patient records ("" if it only
 *   says the patient died), or %NULL
 */
const char *
eligo_fhir_facts_get_deceased (EligoFhirFacts *self)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  return self->deceased;
}

/**
 * eligo_fhir_facts_get_facts:
 *
 * Returns: (transfer none) (element-type EligoFhirItem): the facts, in the
 *   order of the variables
 */
GPtrArray *
eligo_fhir_facts_get_facts (EligoFhirFacts *self)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  return self->facts;
}

/**
 * eligo_fhir_facts_get_stale:
 *
 * For each variable with no Observation inside the freshness window, the
 * newest older one: listed, never used.
 *
 * Returns: (transfer none) (element-type EligoFhirItem): the stale values
 */
GPtrArray *
eligo_fhir_facts_get_stale (EligoFhirFacts *self)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  return self->stale;
}

/**
 * eligo_fhir_facts_get_unused:
 *
 * Values that stay unknown although the file has them: an unknown or
 * unconvertible unit, no value, a bound instead of a value, an
 * implausible number, a partial date. Each has a reason.
 *
 * Returns: (transfer none) (element-type EligoFhirItem): the unused values
 */
GPtrArray *
eligo_fhir_facts_get_unused (EligoFhirFacts *self)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  return self->unused;
}

/**
 * eligo_fhir_facts_lookup:
 *
 * Returns: (nullable): the fact for @variable, or %NULL
 */
const EligoFhirItem *
eligo_fhir_facts_lookup (EligoFhirFacts *self,
                         const char     *variable)
{
  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);
  g_return_val_if_fail (variable != NULL, NULL);

  for (guint i = 0; i < self->facts->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (self->facts, i);

      if (strcmp (item->variable, variable) == 0)
        return item;
    }

  return NULL;
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
 * eligo_fhir_facts_apply:
 * @patient: the patient being screened
 *
 * Sets every fact on @patient (nothing if one is refused) and remembers the
 * facts, so that eligo_fhir_facts_get_source() can say where a value came
 * from. Other facts and the answers are left alone.
 *
 * Returns: %TRUE if the facts were set
 */
gboolean
eligo_fhir_facts_apply (EligoFhirFacts  *self,
                        EligoPatient    *patient,
                        GError         **error)
{
  g_autoptr(EligoPatient) scratch = NULL;

  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), FALSE);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Check everything on a scratch patient first: all or nothing. */
  scratch = eligo_patient_new (eligo_patient_get_screening_id (patient));
  if (!set_facts (self, scratch, error))
    return FALSE;

  if (!set_facts (self, patient, error))
    g_assert_not_reached ();

  g_object_set_qdata_full (G_OBJECT (patient), patient_facts_quark (),
                           g_object_ref (self), g_object_unref);

  return TRUE;
}

/**
 * eligo_fhir_facts_to_patient:
 *
 * Returns: (transfer full) (nullable): a patient named by the FHIR Patient's
 *   id, holding the facts, or %NULL with @error set
 */
EligoPatient *
eligo_fhir_facts_to_patient (EligoFhirFacts  *self,
                             GError         **error)
{
  g_autoptr(EligoPatient) patient = NULL;

  g_return_val_if_fail (ELIGO_IS_FHIR_FACTS (self), NULL);

  patient = eligo_patient_new (self->id);
  if (!eligo_fhir_facts_apply (self, patient, error))
    return NULL;

  return g_steal_pointer (&patient);
}

/**
 * eligo_fhir_facts_get_for_patient:
 *
 * Returns: (transfer none) (nullable): the FHIR facts last applied to
 *   @patient, or %NULL
 */
EligoFhirFacts *
eligo_fhir_facts_get_for_patient (EligoPatient *patient)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  return g_object_get_qdata (G_OBJECT (patient), patient_facts_quark ());
}

/**
 * eligo_fhir_facts_get_source:
 *
 * Where @patient's value of @variable came from, if it was filled from a
 * FHIR file and has not been changed since. A × ULN multiple has a source
 * while the patient still derives it from the imported value and ULN.
 *
 * Returns: (nullable): the imported fact, or %NULL
 */
const EligoFhirItem *
eligo_fhir_facts_get_source (EligoPatient *patient,
                             const char   *variable)
{
  EligoFhirFacts *self;
  const EligoFhirItem *item;
  const EligoVariable *known;
  EligoValue current;

  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);
  g_return_val_if_fail (variable != NULL, NULL);

  self = eligo_fhir_facts_get_for_patient (patient);
  if (self == NULL)
    return NULL;

  item = eligo_fhir_facts_lookup (self, variable);
  known = eligo_variable_lookup (variable);
  if (item == NULL || known == NULL)
    return NULL;

  if (known->derived_from != NULL && eligo_patient_get_fact (patient, variable, NULL))
    return NULL;

  if (!eligo_patient_lookup (variable, &current, patient) || !values_equal (&current, &item->value))
    return NULL;

  return item;
}

/**
 * eligo_fhir_item_format_original:
 *
 * Returns: (transfer full): the value as the file gives it: "13.25 g/dL",
 *   "Positive", "1977-03-05"
 */
char *
eligo_fhir_item_format_original (const EligoFhirItem *item)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  if (!item->has_number)
    return g_strdup (item->text != NULL ? item->text : "");

  number = g_strdup_printf ("%.15g", item->number);
  if (item->unit == NULL || *item->unit == '\0')
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s %s", number, item->unit);
}

/**
 * eligo_fhir_item_format_source:
 *
 * Returns: (transfer full): where @item came from, for a tooltip or the
 *   printed summary: "LOINC 718-7: 13.25 g/dL on 2016-12-31"
 */
char *
eligo_fhir_item_format_source (const EligoFhirItem *item)
{
  g_autofree char *original = NULL;
  g_autofree char *observation = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  original = eligo_fhir_item_format_original (item);

  if (item->field != NULL)
    /* Translators: the source of a fact: a FHIR Patient field, such as
     * Patient.birthDate, and its value */
    return g_strdup_printf (_("%s: %s"), item->field, original);

  if (strstr (item->variable, "_uln_") != NULL)
    {
      if (item->uln_source == ELIGO_ULN_SOURCE_REFERENCE_RANGE)
        /* Translators: the source of a lab's upper limit of normal: a LOINC code,
         * the Observation's reference range limit with its unit, and a date */
        return g_strdup_printf (_("LOINC %s reference range: %s on %s"),
                                item->loinc, original, item->date);

      /* Translators: the source of a lab's upper limit of normal; %s is a value with its unit */
      return g_strdup_printf (_("lab-ULN preference: %s"), original);
    }

  /* Translators: the source of a fact: a LOINC code, the value with its unit
   * as the file gives it, and the date of the Observation */
  observation = g_strdup_printf (_("LOINC %s: %s on %s"), item->loinc, original, item->date);

  if (item->note != NULL)
    {
      g_autofree char *with_note = NULL;

      /* Translators: the source of a fact, then a note on it, such as
       * "accepted by … although older than 30 days" */
      with_note = g_strdup_printf (_("%s (%s)"), observation, item->note);
      g_free (observation);
      observation = g_steal_pointer (&with_note);
    }

  switch (item->uln_source)
    {
    case ELIGO_ULN_SOURCE_REFERENCE_RANGE:
      /* Translators: a multiple of the ULN; %s is the source of the lab value */
      return g_strdup_printf (_("%s, ULN from its reference range"), observation);
    case ELIGO_ULN_SOURCE_PREFERENCES:
      /* Translators: a multiple of the ULN; %s is the source of the lab value */
      return g_strdup_printf (_("%s, ULN from the lab-ULN preferences"), observation);
    case ELIGO_ULN_SOURCE_NONE:
    default:
      return g_steal_pointer (&observation);
    }
}

/**
 * eligo_uln_source_to_string:
 *
 * Returns: "reference_range", "preferences" or "none", as the JSON says it
 */
const char *
eligo_uln_source_to_string (EligoUlnSource source)
{
  switch (source)
    {
    case ELIGO_ULN_SOURCE_REFERENCE_RANGE:
      return "reference_range";
    case ELIGO_ULN_SOURCE_PREFERENCES:
      return "preferences";
    case ELIGO_ULN_SOURCE_NONE:
    default:
      return "none";
    }
}

/**
 * eligo_fhir_facts_accept_stale:
 * @patient: a patient FHIR facts were applied to
 * @variable: the variable of one of the stale values
 * @author: (nullable): the nurse accepting it
 *
 * The nurse takes a stale value as her answer: it becomes @patient's fact
 * and a fact of the FHIR facts, whose source says so with a note (who,
 * when, and that the Observation is older than the freshness window).
 *
 * Returns: %TRUE if the value was set
 */
gboolean
eligo_fhir_facts_accept_stale (EligoPatient  *patient,
                               const char    *variable,
                               const char    *author,
                               GError       **error)
{
  EligoFhirFacts *self;
  EligoFhirItem *item = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *date = NULL;
  guint index = 0;

  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), FALSE);
  g_return_val_if_fail (variable != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = eligo_fhir_facts_get_for_patient (patient);
  for (guint i = 0; self != NULL && i < self->stale->len; i++)
    {
      EligoFhirItem *stale = g_ptr_array_index (self->stale, i);

      if (strcmp (stale->variable, variable) == 0)
        {
          item = stale;
          index = i;
          break;
        }
    }

  if (item == NULL || item->value.kind == ELIGO_VALUE_UNKNOWN)
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_UNKNOWN_VARIABLE,
                   _("The FHIR record has no stale value of %s to accept"), variable);
      return FALSE;
    }

  if (!eligo_patient_set_fact (patient, item->variable, &item->value, error))
    return FALSE;

  today = g_date_time_new_now_local ();
  date = g_date_time_format (today, "%Y-%m-%d");
  g_ptr_array_steal_index (self->stale, index);
  g_clear_pointer (&item->reason, g_free);
  if (author != NULL && *author != '\0')
    /* Translators: a note on a fact; %s is the nurse's name, then the date
     * she accepted it; %u a number of days */
    item->note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "accepted by %s on %s although older than %u day",
                                               "accepted by %s on %s although older than %u days",
                                               self->window_days),
                                  author, date, self->window_days);
  else
    /* Translators: a note on a fact; %s is the date it was accepted, %u a number of days */
    item->note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "accepted on %s although older than %u day",
                                               "accepted on %s although older than %u days",
                                               self->window_days),
                                  date, self->window_days);
  g_ptr_array_add (self->facts, item);
  g_ptr_array_sort (self->facts, compare_items);

  return TRUE;
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
  g_object_set_qdata_full (G_OBJECT (patient), patient_facts_quark (),
                           g_steal_pointer (&self), g_object_unref);

  return TRUE;

invalid:
  g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
               _("“%s” does not hold the sources of FHIR facts"), "fhir_sources");
  return FALSE;
}
