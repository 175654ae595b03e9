/* eligo-patient.c
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
 * One patient being screened: a pseudonymous screening id, the facts the
 * nurse entered (variables.md) and the nurse's answers on single criteria.
 * Patient data never goes to the log: not the id, not a value.
 *
 * This file keeps the patient and checks and stores the entered facts; the
 * facts derived from others are in eligo-patient-derived.c, the answers in
 * eligo-patient-answers.c and the file format in eligo-patient-json.c.
 */

#define G_LOG_DOMAIN "eligo-patient"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-patient-private.h"

G_DEFINE_FINAL_TYPE (EligoPatient, eligo_patient, G_TYPE_OBJECT)

G_DEFINE_QUARK (eligo-patient-error-quark, eligo_patient_error)

enum {
  PROP_0,
  PROP_SCREENING_ID,
  PROP_INITIALS,
  PROP_BIRTH_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Emits EligoPatient::changed; eligo-patient-answers.c calls it too. */
void
_eligo_patient_emit_changed (EligoPatient *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

char *
_eligo_patient_format_number (double number)
{
  return g_strdup_printf ("%.15g", number);
}

static const char *
get_unit (const EligoVariable *variable)
{
  if (variable->unit == NULL)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, variable->unit);
}

/* "female or male", "B-ALL, T-ALL, … or other" */
char *
_eligo_patient_format_choices (const EligoVariable *variable)
{
  g_autoptr(GString) head = NULL;
  guint n;

  g_assert (variable->choices != NULL);

  n = g_strv_length ((char **) variable->choices);
  if (n == 0)
    return g_strdup ("");
  if (n == 1)
    return g_strdup (variable->choices[0]);

  head = g_string_new (variable->choices[0]);
  for (guint i = 1; i + 1 < n; i++)
    {
      g_string_append (head, ", ");
      g_string_append (head, variable->choices[i]);
    }

  /* Translators: joins the last two of a list of choices, as in "female or male" */
  return g_strdup_printf (_("%s or %s"), head->str, variable->choices[n - 1]);
}

static gboolean
check_range (const EligoVariable  *variable,
             double                number,
             GError              **error)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *given = NULL;
  const char *unit;

  if (number >= variable->min && number <= variable->max)
    return TRUE;

  if (number < 0 && variable->min == 0)
    {
      /* Translators: %s is a patient variable, e.g. "Platelet count" */
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_IMPLAUSIBLE,
                   _("%s cannot be negative"), eligo_variable_get_label (variable));
      return FALSE;
    }

  min = _eligo_patient_format_number (variable->min);
  max = _eligo_patient_format_number (variable->max);
  given = _eligo_patient_format_number (number);
  unit = get_unit (variable);

  if (unit != NULL)
    /* Translators: "Oxygen saturation on room air must be between 0 and 100 %, not 120" */
    g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_IMPLAUSIBLE,
                 _("%s must be between %s and %s %s, not %s"),
                 eligo_variable_get_label (variable), min, max, unit, given);
  else
    /* Translators: "ECOG performance status must be between 0 and 5, not 7" */
    g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_IMPLAUSIBLE,
                 _("%s must be between %s and %s, not %s"),
                 eligo_variable_get_label (variable), min, max, given);

  return FALSE;
}

static gboolean
check_value (const EligoVariable  *variable,
             const EligoValue     *value,
             GError              **error)
{
  g_autofree char *choices = NULL;

  switch (variable->type)
    {
    case ELIGO_VARIABLE_NUMBER:
      if (value->kind != ELIGO_VALUE_NUMBER || !isfinite (value->number))
        {
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                       _("%s should be a number"), eligo_variable_get_label (variable));
          return FALSE;
        }
      return check_range (variable, value->number, error);

    case ELIGO_VARIABLE_BOOL:
      if (value->kind != ELIGO_VALUE_BOOL)
        {
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                       _("%s should be yes or no"), eligo_variable_get_label (variable));
          return FALSE;
        }
      return TRUE;

    case ELIGO_VARIABLE_ENUM:
      choices = _eligo_patient_format_choices (variable);
      if (value->kind != ELIGO_VALUE_SYMBOL || value->symbol == NULL)
        {
          /* Translators: "Sex should be female or male" */
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                       _("%s should be %s"), eligo_variable_get_label (variable), choices);
          return FALSE;
        }
      if (!eligo_variable_has_choice (variable, value->symbol))
        {
          /* Translators: "Sex must be female or male, not “f”" */
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_IMPLAUSIBLE,
                       _("%s must be %s, not “%s”"),
                       eligo_variable_get_label (variable), choices, value->symbol);
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
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
      return a->number == b->number;
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
set_unknown (EligoValue *value)
{
  if (value == NULL)
    return;

  value->kind = ELIGO_VALUE_UNKNOWN;
  value->number = 0;
  value->boolean = FALSE;
  value->symbol = NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
eligo_patient_finalize (GObject *object)
{
  EligoPatient *self = (EligoPatient *) object;

  g_clear_pointer (&self->screening_id, g_free);
  g_clear_pointer (&self->initials, g_free);
  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);

  G_OBJECT_CLASS (eligo_patient_parent_class)->finalize (object);
}

static void
eligo_patient_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EligoPatient *self = ELIGO_PATIENT (object);

  switch (prop_id)
    {
    case PROP_SCREENING_ID:
      g_value_set_string (value, self->screening_id);
      break;

    case PROP_INITIALS:
      g_value_set_string (value, self->initials);
      break;

    case PROP_BIRTH_YEAR:
      g_value_set_int (value, self->birth_year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_patient_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EligoPatient *self = ELIGO_PATIENT (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_SCREENING_ID:
      /* The construct-time default is NULL; eligo_patient_new() insists on an id. */
      text = g_value_get_string (value);
      if (text == NULL)
        break;
      eligo_patient_set_screening_id (self, text);
      break;

    case PROP_INITIALS:
      eligo_patient_set_initials (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_YEAR:
      eligo_patient_set_birth_year (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_patient_class_init (EligoPatientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eligo_patient_finalize;
  object_class->get_property = eligo_patient_get_property;
  object_class->set_property = eligo_patient_set_property;

  properties[PROP_SCREENING_ID] =
    g_param_spec_string ("screening-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BIRTH_YEAR] =
    g_param_spec_int ("birth-year", NULL, NULL,
                      0, 9999, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EligoPatient::changed:
   *
   * A fact or an answer was set, changed or removed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
eligo_patient_init (EligoPatient *self)
{
  self->facts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) eligo_answer_free);
}

/**
 * eligo_patient_new:
 * @screening_id: the pseudonymous screening id, e.g. "SCR-0042"
 *
 * Returns: (transfer full): a patient with no facts and no answers
 */
EligoPatient *
eligo_patient_new (const char *screening_id)
{
  g_return_val_if_fail (screening_id != NULL && *screening_id != '\0', NULL);

  return g_object_new (ELIGO_TYPE_PATIENT,
                       "screening-id", screening_id,
                       NULL);
}

const char *
eligo_patient_get_screening_id (EligoPatient *self)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);

  return self->screening_id;
}

void
eligo_patient_set_screening_id (EligoPatient *self,
                                const char   *screening_id)
{
  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (screening_id != NULL && *screening_id != '\0');

  if (g_strcmp0 (self->screening_id, screening_id) == 0)
    return;

  g_free (self->screening_id);
  self->screening_id = g_strdup (screening_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREENING_ID]);
}

const char *
eligo_patient_get_initials (EligoPatient *self)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);

  return self->initials;
}

/**
 * eligo_patient_set_initials:
 * @initials: (nullable): the patient's initials; %NULL or "" for none
 */
void
eligo_patient_set_initials (EligoPatient *self,
                            const char   *initials)
{
  g_return_if_fail (ELIGO_IS_PATIENT (self));

  if (initials != NULL && *initials == '\0')
    initials = NULL;

  if (g_strcmp0 (self->initials, initials) == 0)
    return;

  g_free (self->initials);
  self->initials = g_strdup (initials);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
}

int
eligo_patient_get_birth_year (EligoPatient *self)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (self), 0);

  return self->birth_year;
}

/**
 * eligo_patient_set_birth_year:
 * @birth_year: the year of birth, or 0 if unknown
 */
void
eligo_patient_set_birth_year (EligoPatient *self,
                              int           birth_year)
{
  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (birth_year >= 0 && birth_year <= 9999);

  if (self->birth_year == birth_year)
    return;

  self->birth_year = birth_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_YEAR]);
}

/**
 * eligo_patient_set_fact:
 * @name: a variable of variables.md
 * @value: its value; %ELIGO_VALUE_UNKNOWN unsets it
 *
 * Checks that the variable exists, that the value is of its kind (a number,
 * yes/no, or one of the choices) and that a number is in the variable's
 * plausible range. The error explains itself to the nurse, e.g. "ECOG
 * performance status must be between 0 and 5, not 7".
 *
 * Returns: %TRUE if the value was stored (or the fact unset)
 */
gboolean
eligo_patient_set_fact (EligoPatient      *self,
                        const char        *name,
                        const EligoValue  *value,
                        GError           **error)
{
  const EligoVariable *variable;
  EligoValue *stored;
  EligoValue *old;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  variable = eligo_variable_lookup (name);
  if (variable == NULL)
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_UNKNOWN_VARIABLE,
                   _("“%s” is not a patient variable"), name);
      return FALSE;
    }

  if (value->kind == ELIGO_VALUE_UNKNOWN)
    {
      eligo_patient_unset_fact (self, name);
      return TRUE;
    }

  if (!check_value (variable, value, error))
    return FALSE;

  old = g_hash_table_lookup (self->facts, variable->name);
  if (old != NULL && values_equal (old, value))
    return TRUE;

  stored = g_new0 (EligoValue, 1);
  stored->kind = value->kind;
  switch (value->kind)
    {
    case ELIGO_VALUE_NUMBER:
      stored->number = value->number;
      break;
    case ELIGO_VALUE_BOOL:
      stored->boolean = !!value->boolean;
      break;
    case ELIGO_VALUE_SYMBOL:
      stored->symbol = g_intern_string (value->symbol);
      break;
    case ELIGO_VALUE_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  g_hash_table_replace (self->facts, (gpointer) variable->name, stored);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

void
eligo_patient_unset_fact (EligoPatient *self,
                          const char   *name)
{
  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (name != NULL);

  if (g_hash_table_remove (self->facts, name))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * eligo_patient_get_fact:
 * @value: (out) (optional): the value, or %ELIGO_VALUE_UNKNOWN
 *
 * Only what was entered; see eligo_patient_lookup() for derived values.
 *
 * Returns: %TRUE if the fact was entered
 */
gboolean
eligo_patient_get_fact (EligoPatient *self,
                        const char   *name,
                        EligoValue   *value)
{
  const EligoValue *stored;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stored = g_hash_table_lookup (self->facts, name);
  if (stored == NULL)
    {
      set_unknown (value);
      return FALSE;
    }

  if (value != NULL)
    *value = *stored;

  return TRUE;
}

/**
 * eligo_patient_lookup:
 * @patient: an #EligoPatient
 *
 * An #EligoValueLookup for the criteria engine: the entered facts, and where
 * one is absent the value derived from others (the × ULN multiples from raw
 * values and the lab's ULN, creatinine clearance by Cockcroft-Gault).
 *
 * Returns: %TRUE if the value is known
 */
gboolean
eligo_patient_lookup (const char *name,
                      EligoValue *value,
                      gpointer    patient)
{
  EligoPatient *self = patient;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (eligo_patient_get_fact (self, name, value))
    return TRUE;

  if (_eligo_patient_derive (self, name, value))
    return TRUE;

  set_unknown (value);
  return FALSE;
}

/**
 * eligo_patient_dup_fact_names:
 *
 * Returns: (transfer full): the names of the entered facts, sorted
 */
char **
eligo_patient_dup_fact_names (EligoPatient *self)
{
  GHashTableIter iter;
  gpointer key;
  GPtrArray *names;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);

  names = g_ptr_array_sized_new (g_hash_table_size (self->facts) + 1);
  g_hash_table_iter_init (&iter, self->facts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (names, FALSE);
}
