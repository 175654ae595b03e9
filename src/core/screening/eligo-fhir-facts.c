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
 *
 * The facts on a patient are in eligo-fhir-facts-patient.c, their JSON in
 * eligo-fhir-facts-json.c.
 */

#define G_LOG_DOMAIN "eligo-fhir"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-fhir-facts-private.h"

G_DEFINE_FINAL_TYPE (EligoFhirFacts, eligo_fhir_facts, G_TYPE_OBJECT)

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

int
_eligo_fhir_compare_items (gconstpointer a,
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
  g_ptr_array_sort (self->facts, _eligo_fhir_compare_items);
  g_ptr_array_sort (self->stale, _eligo_fhir_compare_items);
  g_ptr_array_sort (self->unused, _eligo_fhir_compare_items);
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
