/* eligo-patient-json.c
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
 * The patient file format (variables.md): reading a patient from Eligo's
 * JSON or, through the FHIR reader, from a FHIR file, and writing it back.
 * Patient data never goes to the log: not the id, not a value.
 */

#define G_LOG_DOMAIN "eligo-patient"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "eligo-fhir-reader.h"
#include "eligo-json-check.h"
#include "eligo-json-number.h"
#include "eligo-patient-private.h"

/* Patient files nest three levels deep (answers.<id>.note). */
#define PATIENT_MAX_DEPTH 16
/* A patient file is a few kilobytes; refuse anything absurd before reading it. */
#define PATIENT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (16) * 1024 * 1024)
#define MIN_BIRTH_YEAR    1900

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
      value.kind = ELIGO_VALUE_NUMBER;
      value.number = json_node_get_double (node);
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
          choices = _eligo_patient_format_choices (variable);
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

      _eligo_patient_store_answer (self, eligo_answer_new (criterion_id, verdict,
                                                          NULL, NULL, NULL, NULL));
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

  _eligo_patient_store_answer (self, eligo_answer_new (criterion_id, verdict, note, author, time,
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
      g_autofree char *given = _eligo_patient_format_number (year);

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
