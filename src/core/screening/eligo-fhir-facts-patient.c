/* eligo-fhir-facts-patient.c
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
 * FHIR facts on a patient: applying them (all or nothing), remembering
 * them so that a value can say where it came from, and a stale value the
 * nurse accepts. Patient data: never logged, never sent anywhere.
 */

#define G_LOG_DOMAIN "eligo-fhir"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-fhir-facts-private.h"

GQuark
_eligo_fhir_patient_facts_quark (void)
{
  return g_quark_from_static_string ("eligo-fhir-facts-patient");
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

  g_object_set_qdata_full (G_OBJECT (patient), _eligo_fhir_patient_facts_quark (),
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

  return g_object_get_qdata (G_OBJECT (patient), _eligo_fhir_patient_facts_quark ());
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
  g_ptr_array_sort (self->facts, _eligo_fhir_compare_items);

  return TRUE;
}
