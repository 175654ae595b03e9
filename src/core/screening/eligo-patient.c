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
 */

#define G_LOG_DOMAIN "eligo-patient"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-fhir-reader.h"
#include "eligo-json-check.h"
#include "eligo-json-number.h"
#include "eligo-patient-private.h"

#define CREATININE_UMOL_PER_MG_DL 88.42
#define BILIRUBIN_UMOL_PER_MG_DL  17.1

/* Patient files nest three levels deep (answers.<id>.note). */
#define PATIENT_MAX_DEPTH 16
/* A patient file is a few kilobytes; refuse anything absurd before reading it. */
#define PATIENT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (16) * 1024 * 1024)
#define MIN_BIRTH_YEAR    1900

struct _EligoPatient
{
  GObject     parent_instance;

  char       *screening_id;
  char       *initials;
  int         birth_year;

  GHashTable *facts;    /* variable name (static) -> EligoValue */
  GHashTable *answers;  /* criterion id -> EligoAnswer */
};

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

typedef struct
{
  const char *numerator;
  const char *denominator;
} Ratio;

/* The multiples of the upper limit of normal, derived from a raw value and the lab's ULN. */
static const struct {
  const char *name;
  Ratio       ratio;
} ratios[] = {
  { "creatinine_x_uln", { "creatinine_umol_l", "creatinine_uln_umol_l" } },
  { "bilirubin_x_uln", { "bilirubin_umol_l", "bilirubin_uln_umol_l" } },
  { "alt_x_uln", { "alt_u_l", "alt_uln_u_l" } },
  { "ast_x_uln", { "ast_u_l", "ast_uln_u_l" } },
  { "bun_x_uln", { "bun_mmol_l", "bun_uln_mmol_l" } },
};

static char *
format_number (double number)
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
static char *
format_choices (const EligoVariable *variable)
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

  min = format_number (variable->min);
  max = format_number (variable->max);
  given = format_number (number);
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
      choices = format_choices (variable);
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
set_number (EligoValue *value,
            double      number)
{
  value->kind = ELIGO_VALUE_NUMBER;
  value->number = number;
  value->boolean = FALSE;
  value->symbol = NULL;
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

static gboolean
get_number (EligoPatient *self,
            const char   *name,
            double       *number)
{
  const EligoValue *value = g_hash_table_lookup (self->facts, name);

  if (value == NULL || value->kind != ELIGO_VALUE_NUMBER)
    return FALSE;

  *number = value->number;
  return TRUE;
}

static gboolean
derive (EligoPatient *self,
        const char   *name,
        EligoValue   *value)
{
  const EligoValue *sex;
  double age, weight, creatinine;

  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      double numerator, denominator;

      if (strcmp (name, ratios[i].name) != 0)
        continue;

      if (!get_number (self, ratios[i].ratio.numerator, &numerator) ||
          !get_number (self, ratios[i].ratio.denominator, &denominator) ||
          denominator <= 0)
        return FALSE;

      set_number (value, numerator / denominator);
      return TRUE;
    }

  if (strcmp (name, "creatinine_clearance_ml_min") == 0)
    {
      sex = g_hash_table_lookup (self->facts, "sex");

      if (sex == NULL || sex->kind != ELIGO_VALUE_SYMBOL ||
          !get_number (self, "age_years", &age) ||
          !get_number (self, "weight_kg", &weight) ||
          !get_number (self, "creatinine_umol_l", &creatinine) ||
          creatinine <= 0)
        return FALSE;

      set_number (value, eligo_cockcroft_gault (age, weight,
                                                g_strcmp0 (sex->symbol, "female") == 0,
                                                creatinine));
      return TRUE;
    }

  return FALSE;
}

static GDateTime *
now_utc_seconds (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
}

static int
compare_answers (gconstpointer a,
                 gconstpointer b)
{
  const EligoAnswer *answer_a = *(EligoAnswer * const *) a;
  const EligoAnswer *answer_b = *(EligoAnswer * const *) b;

  return eligo_criterion_id_compare (answer_a->criterion_id, answer_b->criterion_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
store_answer (EligoPatient *self,
              EligoAnswer  *answer)
{
  g_hash_table_replace (self->answers, answer->criterion_id, answer);
}

static gboolean
parse_verdict (const char         *text,
               EligoAnswerVerdict *verdict)
{
  if (g_strcmp0 (text, "pass") == 0)
    *verdict = ELIGO_ANSWER_PASS;
  else if (g_strcmp0 (text, "fail") == 0)
    *verdict = ELIGO_ANSWER_FAIL;
  else
    return FALSE;

  return TRUE;
}

static const char *
verdict_to_string (EligoAnswerVerdict verdict)
{
  return verdict == ELIGO_ANSWER_FAIL ? "fail" : "pass";
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
node_holds_type (JsonNode *node,
                 GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node_holds_type (node, G_TYPE_INT64) || node_holds_type (node, G_TYPE_DOUBLE);
}

static gboolean
read_optional_string (JsonObject  *object,
                      const char  *member,
                      const char  *field,
                      const char **text,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!node_holds_type (node, G_TYPE_STRING))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                   _("%s: should be text"), field);
      return FALSE;
    }

  *text = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_fact (EligoPatient  *self,
           const char    *name,
           JsonNode      *node,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *choices = NULL;
  const EligoVariable *variable;
  EligoValue value = { ELIGO_VALUE_UNKNOWN, 0, FALSE, NULL };

  variable = eligo_variable_lookup (name);
  if (variable == NULL)
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_UNKNOWN_VARIABLE,
                   _("facts.%s: no such variable"), name);
      return FALSE;
    }

  /* null is the same as leaving the fact out: unknown */
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (variable->type)
    {
    case ELIGO_VARIABLE_NUMBER:
      if (!node_is_number (node))
        {
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                       _("facts.%s: should be a number"), name);
          return FALSE;
        }
      set_number (&value, json_node_get_double (node));
      break;

    case ELIGO_VARIABLE_BOOL:
      if (!node_holds_type (node, G_TYPE_BOOLEAN))
        {
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                       _("facts.%s: should be true or false"), name);
          return FALSE;
        }
      value.kind = ELIGO_VALUE_BOOL;
      value.boolean = json_node_get_boolean (node);
      break;

    case ELIGO_VARIABLE_ENUM:
      if (!node_holds_type (node, G_TYPE_STRING))
        {
          choices = format_choices (variable);
          /* Translators: "facts.sex: should be female or male" */
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                       _("facts.%s: should be %s"), name, choices);
          return FALSE;
        }
      value.kind = ELIGO_VALUE_SYMBOL;
      value.symbol = json_node_get_string (node);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!eligo_patient_set_fact (self, name, &value, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "facts.%s: ", name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_answer (EligoPatient  *self,
             const char    *criterion_id,
             JsonNode      *node,
             GError       **error)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *field = NULL;
  EligoAnswerVerdict verdict;
  JsonObject *object;
  JsonNode *member;
  const char *note;
  const char *author;
  const char *criterion_text;
  const char *text;

  if (!eligo_criterion_id_is_valid (criterion_id))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_BAD_CRITERION_ID,
                   _("answers.%s: not a criterion id; it should look like "
                     "NCT07072494/I3 (inclusion 3) or NCT07072494/E2 (exclusion 2)"),
                   criterion_id);
      return FALSE;
    }

  if (node_holds_type (node, G_TYPE_STRING))
    {
      if (!parse_verdict (json_node_get_string (node), &verdict))
        {
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_BAD_ANSWER,
                       _("answers.%s: should be pass or fail"), criterion_id);
          return FALSE;
        }

      store_answer (self, eligo_answer_new (criterion_id, verdict, NULL, NULL, NULL, NULL));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_BAD_ANSWER,
                   _("answers.%s: should be pass or fail"), criterion_id);
      return FALSE;
    }

  object = json_node_get_object (node);

  member = json_object_get_member (object, "verdict");
  if (member == NULL || !node_holds_type (member, G_TYPE_STRING) ||
      !parse_verdict (json_node_get_string (member), &verdict))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_BAD_ANSWER,
                   _("answers.%s.verdict: should be pass or fail"), criterion_id);
      return FALSE;
    }

  field = g_strdup_printf ("answers.%s.note", criterion_id);
  if (!read_optional_string (object, "note", field, &note, error))
    return FALSE;

  g_free (field);
  field = g_strdup_printf ("answers.%s.author", criterion_id);
  if (!read_optional_string (object, "author", field, &author, error))
    return FALSE;

  g_free (field);
  field = g_strdup_printf ("answers.%s.criterion", criterion_id);
  if (!read_optional_string (object, "criterion", field, &criterion_text, error))
    return FALSE;

  g_free (field);
  field = g_strdup_printf ("answers.%s.time", criterion_id);
  if (!read_optional_string (object, "time", field, &text, error))
    return FALSE;

  if (text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      time = g_date_time_new_from_iso8601 (text, utc);
      if (time == NULL)
        {
          g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_BAD_ANSWER,
                       _("%s: should be a date and time like 2026-11-23T10:00:00Z, not “%s”"),
                       field, text);
          return FALSE;
        }
    }

  store_answer (self, eligo_answer_new (criterion_id, verdict, note, author, time,
                                        criterion_text));
  return TRUE;
}

static JsonObject *
get_optional_object (JsonObject  *object,
                     const char  *member,
                     gboolean    *ok,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_OBJECT,
                   _("%s: should be an object"), member);
      *ok = FALSE;
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_birth_year (JsonObject  *object,
                 int         *birth_year,
                 GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  JsonNode *node = json_object_get_member (object, "birth_year");
  double year;
  int this_year;

  *birth_year = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  year = node_is_number (node) ? json_node_get_double (node) : NAN;
  if (!isfinite (year) || year != floor (year))
    {
      g_set_error_literal (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                           _("birth_year: should be a year, like 1990"));
      return FALSE;
    }

  now = g_date_time_new_now_local ();
  this_year = g_date_time_get_year (now);

  if (year < MIN_BIRTH_YEAR || year > this_year)
    {
      g_autofree char *given = format_number (year);

      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_IMPLAUSIBLE,
                   _("birth_year: should be between %d and %d, not %s"),
                   MIN_BIRTH_YEAR, this_year, given);
      return FALSE;
    }

  *birth_year = (int) year;
  return TRUE;
}

/* Refuses absurdly deep nesting before parsing, so a hostile file cannot exhaust the stack. */
static gboolean
check_depth (const char *data,
             gsize       len)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > PATIENT_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
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

/**
 * eligo_patient_new_from_json:
 * @object: a patient in the format of variables.md
 *
 * Every value is checked as eligo_patient_set_fact() checks it. The error
 * names the field, as in "facts.ecog: should be a number". Members the
 * format does not know are ignored.
 *
 * Returns: (transfer full) (nullable): the patient, or %NULL with @error set
 */
EligoPatient *
eligo_patient_new_from_json (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(EligoPatient) self = NULL;
  g_autoptr(GList) members = NULL;
  const char *id = NULL;
  const char *initials = NULL;
  JsonObject *facts;
  JsonObject *answers;
  JsonNode *node;
  gboolean ok;
  int birth_year;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = json_object_get_member (object, "id");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error_literal (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_MISSING_ID,
                           _("id: the screening id is missing"));
      return NULL;
    }

  if (!node_holds_type (node, G_TYPE_STRING))
    {
      g_set_error_literal (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_WRONG_TYPE,
                           _("id: the screening id should be text, like SCR-0042"));
      return NULL;
    }

  id = json_node_get_string (node);
  if (is_blank (id))
    {
      g_set_error_literal (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_MISSING_ID,
                           _("id: the screening id is empty"));
      return NULL;
    }

  if (!read_optional_string (object, "initials", "initials", &initials, error))
    return NULL;

  if (!read_birth_year (object, &birth_year, error))
    return NULL;

  facts = get_optional_object (object, "facts", &ok, error);
  if (!ok)
    return NULL;

  answers = get_optional_object (object, "answers", &ok, error);
  if (!ok)
    return NULL;

  self = eligo_patient_new (id);
  eligo_patient_set_initials (self, initials);
  eligo_patient_set_birth_year (self, birth_year);

  if (facts != NULL)
    {
      members = json_object_get_members (facts);
      for (const GList *l = members; l != NULL; l = l->next)
        if (!read_fact (self, l->data, json_object_get_member (facts, l->data), error))
          return NULL;
      g_clear_pointer (&members, g_list_free);
    }

  if (answers != NULL)
    {
      members = json_object_get_members (answers);
      for (const GList *l = members; l != NULL; l = l->next)
        if (!read_answer (self, l->data, json_object_get_member (answers, l->data), error))
          return NULL;
    }

  node = json_object_get_member (object, "fhir_sources");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !eligo_fhir_facts_load_for_patient (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonParser *
_eligo_patient_parse_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  JsonNode *root;
  gsize len;

  name = g_file_get_parse_name (file);

  if (!eligo_json_check_size (file, PATIENT_MAX_FILE_SIZE, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_READ,
                     "%s: %s", name, local_error->message);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_READ,
                     _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  if (len == 0)
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_JSON,
                   _("%s: the file is empty"), name);
      return NULL;
    }

  if (!g_utf8_validate (data, len, NULL))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_JSON,
                   _("%s: not valid JSON: the file is not UTF-8 text"), name);
      return NULL;
    }

  if (!check_depth (data, len))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_JSON,
                   _("%s: not a patient file: the JSON is nested more than %d levels deep"),
                   name, PATIENT_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      /* json-glib quotes the token it stopped at as decoded, and a
       * non-standard escape ("\351") decodes to invalid UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_JSON,
                   _("%s: not valid JSON: %s"), name, reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_JSON,
                   _("%s: the file is empty"), name);
      return NULL;
    }

  if (!eligo_json_check_strings (root, name, ELIGO_PATIENT_ERROR,
                                 ELIGO_PATIENT_ERROR_NOT_JSON, error))
    return NULL;

  return g_steal_pointer (&parser);
}

/**
 * eligo_patient_load:
 * @file: a patient file: Eligo's JSON (variables.md) or FHIR R4
 *
 * A FHIR file (one with a resourceType, DESIGN.md) is read by
 * eligo_fhir_read_json() as of today with the default freshness window and
 * no lab-ULN preferences. Every error message starts with the file's name.
 *
 * Returns: (transfer full) (nullable): the patient, or %NULL with @error set
 */
EligoPatient *
eligo_patient_load (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  EligoPatient *patient;
  JsonNode *root;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = _eligo_patient_parse_file (file, cancellable, error);
  if (parser == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  root = json_parser_get_root (parser);

  if (eligo_fhir_is_fhir (root))
    {
      g_autoptr(EligoFhirFacts) facts = NULL;
      EligoFhirOptions options;

      eligo_fhir_options_init (&options);
      facts = eligo_fhir_read_json (root, &options, &local_error);
      patient = facts != NULL ? eligo_fhir_facts_to_patient (facts, &local_error) : NULL;
      if (patient == NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return patient;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_OBJECT,
                   _("%s: not a patient file: it should hold a JSON object"), name);
      return NULL;
    }

  patient = eligo_patient_new_from_json (json_node_get_object (root), &local_error);
  if (patient == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return NULL;
    }

  return patient;
}

/**
 * eligo_patient_to_json:
 *
 * Facts and answers come out sorted, so that saving twice gives the same
 * text. An answer with a note, an author or a time is written as an object,
 * otherwise as "pass" or "fail".
 *
 * Returns: (transfer full): the patient in the format of variables.md
 */
JsonObject *
eligo_patient_to_json (EligoPatient *self)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_auto(GStrv) names = NULL;
  JsonObject *facts;
  JsonObject *answers_object;
  JsonNode *sources;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", self->screening_id != NULL ? self->screening_id : "");
  if (self->initials != NULL)
    json_object_set_string_member (object, "initials", self->initials);
  if (self->birth_year > 0)
    json_object_set_int_member (object, "birth_year", self->birth_year);

  facts = json_object_new ();
  names = eligo_patient_dup_fact_names (self);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const EligoValue *value = g_hash_table_lookup (self->facts, names[i]);

      switch (value->kind)
        {
        case ELIGO_VALUE_NUMBER:
          eligo_json_object_set_number (facts, names[i], value->number);
          break;

        case ELIGO_VALUE_BOOL:
          json_object_set_boolean_member (facts, names[i], value->boolean);
          break;

        case ELIGO_VALUE_SYMBOL:
          json_object_set_string_member (facts, names[i], value->symbol);
          break;

        case ELIGO_VALUE_UNKNOWN:
        default:
          g_assert_not_reached ();
        }
    }
  json_object_set_object_member (object, "facts", facts);

  answers_object = json_object_new ();
  answers = eligo_patient_dup_answers (self);
  for (guint i = 0; i < answers->len; i++)
    {
      const EligoAnswer *answer = g_ptr_array_index (answers, i);
      JsonObject *item;

      if (answer->note == NULL && answer->author == NULL && answer->time == NULL &&
          answer->criterion_text == NULL)
        {
          json_object_set_string_member (answers_object, answer->criterion_id,
                                         verdict_to_string (answer->verdict));
          continue;
        }

      item = json_object_new ();
      json_object_set_string_member (item, "verdict", verdict_to_string (answer->verdict));
      if (answer->note != NULL)
        json_object_set_string_member (item, "note", answer->note);
      if (answer->author != NULL)
        json_object_set_string_member (item, "author", answer->author);
      if (answer->criterion_text != NULL)
        json_object_set_string_member (item, "criterion", answer->criterion_text);
      if (answer->time != NULL)
        {
          g_autofree char *time = g_date_time_format_iso8601 (answer->time);

          json_object_set_string_member (item, "time", time);
        }
      json_object_set_object_member (answers_object, answer->criterion_id, item);
    }
  json_object_set_object_member (object, "answers", answers_object);

  /* Where facts read from a FHIR file came from, kept beside them. */
  sources = eligo_fhir_facts_save_for_patient (self);
  if (sources != NULL)
    json_object_set_member (object, "fhir_sources", sources);

  return g_steal_pointer (&object);
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

  if (derive (self, name, value))
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

/**
 * eligo_patient_set_answer:
 * @criterion_id: e.g. "NCT07072494/I3"
 * @note: (nullable): why
 * @author: (nullable): who
 * @time: (nullable): when; %NULL for now
 *
 * Sets or replaces the nurse's answer on a criterion. The time is kept in UTC.
 */
void
eligo_patient_set_answer (EligoPatient       *self,
                          const char         *criterion_id,
                          EligoAnswerVerdict  verdict,
                          const char         *note,
                          const char         *author,
                          GDateTime          *time)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (eligo_criterion_id_is_valid (criterion_id));
  g_return_if_fail (verdict == ELIGO_ANSWER_PASS || verdict == ELIGO_ANSWER_FAIL);

  if (time == NULL)
    time = now = now_utc_seconds ();

  store_answer (self, eligo_answer_new (criterion_id, verdict, note, author, time, NULL));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * eligo_patient_get_answer:
 *
 * Returns: (transfer none) (nullable): the answer, valid until the next change
 */
const EligoAnswer *
eligo_patient_get_answer (EligoPatient *self,
                          const char   *criterion_id)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, criterion_id);
}

/**
 * eligo_patient_answer_criterion:
 * @criterion: the criterion answered
 * @note: (nullable): the nurse's note
 * @author: (nullable): who answered
 * @time: (nullable): when; now if %NULL
 *
 * Records the nurse's answer on @criterion, with its words, so that the
 * answer follows the criterion when its id moves, is dropped when the
 * registry rewords it, and answers the same criterion in other trials for
 * this patient (eligo_patient_find_answer()).
 */
void
eligo_patient_answer_criterion (EligoPatient       *self,
                                EligoCriterion     *criterion,
                                EligoAnswerVerdict  verdict,
                                const char         *note,
                                const char         *author,
                                GDateTime          *time)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (ELIGO_IS_CRITERION (criterion));
  g_return_if_fail (verdict == ELIGO_ANSWER_PASS || verdict == ELIGO_ANSWER_FAIL);

  if (time == NULL)
    time = now = now_utc_seconds ();

  store_answer (self, eligo_answer_new (eligo_criterion_get_id (criterion), verdict, note, author,
                                        time, eligo_criterion_get_text (criterion)));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * eligo_patient_add_answer:
 * @answer: an answer, e.g. from another patient record
 *
 * Records a copy of @answer, the criterion's words included.
 */
void
eligo_patient_add_answer (EligoPatient      *self,
                          const EligoAnswer *answer)
{
  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (answer != NULL);
  g_return_if_fail (eligo_criterion_id_is_valid (answer->criterion_id));

  store_answer (self, eligo_answer_copy (answer));
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
same_trial (const char *criterion_id,
            const char *nct_id)
{
  gsize n = strlen (nct_id);

  return strncmp (criterion_id, nct_id, n) == 0 && criterion_id[n] == '/';
}

static gboolean
is_newer (const EligoAnswer *answer,
          const EligoAnswer *than)
{
  if (than->time == NULL || answer->time == NULL)
    return answer->time != NULL;

  return g_date_time_compare (answer->time, than->time) > 0;
}

/**
 * eligo_patient_find_answer:
 * @criterion: a criterion as it reads now
 *
 * The nurse's answer that decides @criterion for this patient:
 *  1. her answer at its id, if given on the same words (or saved before
 *     Eligo kept them);
 *  2. else her answer on the same words in the same trial, at another id
 *     (the criteria were renumbered);
 *  3. else her newest answer on the same words and kind in another trial:
 *     answered once, it holds in every trial that writes it alike.
 * An answer given on words the registry has since changed decides nothing.
 * The answer's criterion_id says where it was given.
 *
 * Returns: (transfer none) (nullable): the answer, valid until the next change
 */
const EligoAnswer *
eligo_patient_find_answer (EligoPatient   *self,
                           EligoCriterion *criterion)
{
  g_autofree char *key = NULL;
  const EligoAnswer *own;
  const EligoAnswer *moved = NULL;
  const EligoAnswer *shared = NULL;
  const char *nct_id;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);
  g_return_val_if_fail (ELIGO_IS_CRITERION (criterion), NULL);

  own = g_hash_table_lookup (self->answers, eligo_criterion_get_id (criterion));
  if (own != NULL && eligo_answer_is_for (own, criterion))
    return own;

  key = eligo_answer_dup_criterion_key (criterion);
  nct_id = eligo_criterion_get_nct_id (criterion);
  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const EligoAnswer *answer = value;
      g_autofree char *answer_key = eligo_answer_dup_match_key (answer);

      if (answer_key == NULL || !g_str_equal (answer_key, key))
        continue;

      if (same_trial (answer->criterion_id, nct_id))
        {
          /* Its own answer at its id is for other words: not this one. */
          if (moved == NULL || is_newer (answer, moved))
            moved = answer;
        }
      else if (shared == NULL || is_newer (answer, shared))
        shared = answer;
    }

  return moved != NULL ? moved : shared;
}

gboolean
eligo_patient_remove_answer (EligoPatient *self,
                             const char   *criterion_id)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  if (!g_hash_table_remove (self->answers, criterion_id))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * eligo_patient_dup_answers:
 *
 * Returns: (transfer full) (element-type EligoAnswer): copies of the answers,
 *   sorted by criterion id (eligo_criterion_id_compare())
 */
GPtrArray *
eligo_patient_dup_answers (EligoPatient *self)
{
  GHashTableIter iter;
  gpointer value;
  GPtrArray *answers;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);

  answers = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_answer_free);
  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (answers, eligo_answer_copy (value));
  g_ptr_array_sort (answers, compare_answers);

  return answers;
}

/**
 * eligo_criterion_id_is_valid:
 *
 * Returns: whether @criterion_id is NCTnnnnnnnn/I<n> or NCTnnnnnnnn/E<n>
 */
gboolean
eligo_criterion_id_is_valid (const char *criterion_id)
{
  const char *p;

  if (criterion_id == NULL || strlen (criterion_id) < 14 || strncmp (criterion_id, "NCT", 3) != 0)
    return FALSE;

  for (guint i = 3; i < 11; i++)
    if (!g_ascii_isdigit (criterion_id[i]))
      return FALSE;

  if (criterion_id[11] != '/' || (criterion_id[12] != 'I' && criterion_id[12] != 'E'))
    return FALSE;

  for (p = criterion_id + 13; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return p - (criterion_id + 13) <= 6;
}

/**
 * eligo_criterion_id_compare:
 *
 * Orders criterion ids by trial, then inclusions before exclusions, then by
 * number: NCT…/I2 comes before NCT…/I10, which comes before NCT…/E1.
 * Ids that are not valid sort after valid ones, by strcmp().
 */
int
eligo_criterion_id_compare (const char *a,
                            const char *b)
{
  gboolean valid_a = eligo_criterion_id_is_valid (a);
  gboolean valid_b = eligo_criterion_id_is_valid (b);
  guint64 number_a, number_b;
  int cmp;

  if (!valid_a || !valid_b)
    {
      if (valid_a != valid_b)
        return valid_a ? -1 : 1;
      return g_strcmp0 (a, b);
    }

  cmp = strncmp (a, b, 11);
  if (cmp != 0)
    return cmp;

  if (a[12] != b[12])
    return a[12] == 'I' ? -1 : 1;

  number_a = g_ascii_strtoull (a + 13, NULL, 10);
  number_b = g_ascii_strtoull (b + 13, NULL, 10);
  if (number_a != number_b)
    return number_a < number_b ? -1 : 1;

  return strcmp (a, b);
}

/**
 * eligo_uln_multiple_get_parts:
 * @name: a variable, e.g. "bilirubin_x_uln"
 * @raw: (out) (optional): the raw value it is derived from, "bilirubin_umol_l"
 * @uln: (out) (optional): the lab's upper limit of normal, "bilirubin_uln_umol_l"
 *
 * Returns: %TRUE if @name is a multiple of the ULN that can be derived from
 *   a raw value and the lab's ULN
 */
gboolean
eligo_uln_multiple_get_parts (const char  *name,
                              const char **raw,
                              const char **uln)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      if (strcmp (name, ratios[i].name) != 0)
        continue;

      if (raw != NULL)
        *raw = ratios[i].ratio.numerator;
      if (uln != NULL)
        *uln = ratios[i].ratio.denominator;
      return TRUE;
    }

  return FALSE;
}

double
eligo_convert_creatinine_mg_dl_to_umol_l (double mg_dl)
{
  return mg_dl * CREATININE_UMOL_PER_MG_DL;
}

double
eligo_convert_bilirubin_mg_dl_to_umol_l (double mg_dl)
{
  return mg_dl * BILIRUBIN_UMOL_PER_MG_DL;
}

double
eligo_convert_hemoglobin_g_dl_to_g_l (double g_dl)
{
  return g_dl * 10;
}

/**
 * eligo_convert_per_ul_to_10e9_l:
 * @per_ul: a count per µL (the same as per mm³)
 *
 * Returns: the count in 10⁹/L: 1500/µL is 1.5 × 10⁹/L
 */
double
eligo_convert_per_ul_to_10e9_l (double per_ul)
{
  return per_ul / 1000;
}

/**
 * eligo_cockcroft_gault:
 *
 * Creatinine clearance ((140 − age) × weight) / (72 × serum creatinine in
 * mg/dL), × 0.85 for a woman.
 *
 * Returns: the clearance in mL/min, or NAN if @creatinine_umol_l is not positive
 */
double
eligo_cockcroft_gault (double   age_years,
                       double   weight_kg,
                       gboolean female,
                       double   creatinine_umol_l)
{
  double creatinine_mg_dl;
  double clearance;

  if (!(creatinine_umol_l > 0))
    return NAN;

  creatinine_mg_dl = creatinine_umol_l / CREATININE_UMOL_PER_MG_DL;
  clearance = ((140 - age_years) * weight_kg) / (72 * creatinine_mg_dl);
  if (female)
    clearance *= 0.85;

  return clearance;
}
