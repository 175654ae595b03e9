/* eligo-fhir-values.c
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
 * The values of FHIR resources: dates, the Patient's age and sex, and for
 * each variable the Observation that wins (the newest within the freshness
 * window), its value converted to the variable's unit, its ULN. Patient
 * data: nothing here is logged.
 */

#define G_LOG_DOMAIN "eligo-fhir"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-fhir-reader-private.h"

static gboolean
all_digits (const char *text,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* A FHIR date or dateTime: YYYY, YYYY-MM, YYYY-MM-DD, or a full date with a
 * time and a zone. @date gets the day as written. */
DateKind
_eligo_fhir_parse_date (const char *text,
            GDate      *date,
            gint64     *instant)
{
  g_autoptr(GDateTime) time = NULL;
  gsize len = strlen (text);
  guint year, month, day;
  GDate epoch;

  if (len < 4 || !all_digits (text, 4))
    return DATE_INVALID;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  if (year < 1 || year > 9999)
    return DATE_INVALID;
  if (len == 4)
    return DATE_PARTIAL;

  if (len < 7 || text[4] != '-' || !all_digits (text + 5, 2))
    return DATE_INVALID;
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  if (month < 1 || month > 12)
    return DATE_INVALID;
  if (len == 7)
    return DATE_PARTIAL;

  if (len < 10 || text[7] != '-' || !all_digits (text + 8, 2))
    return DATE_INVALID;
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return DATE_INVALID;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  if (len == 10)
    {
      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
      *instant = (gint64) g_date_days_between (&epoch, date) * G_USEC_PER_SEC * 86400;
      return DATE_FULL;
    }

  /* A time needs a zone in FHIR; GLib refuses one without when given none. */
  if (text[10] != 'T')
    return DATE_INVALID;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return DATE_INVALID;

  *instant = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return DATE_FULL;
}

char *
_eligo_fhir_format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* The unit to convert from: the UCUM code when the quantity gives one,
 * else its human-readable unit. */
static const char *
quantity_unit_code (JsonObject *quantity)
{
  const char *system = string_member (quantity, "system");
  const char *code = string_member (quantity, "code");
  const char *unit = string_member (quantity, "unit");

  if (code != NULL && (system == NULL || strcmp (system, UCUM_SYSTEM) == 0))
    return code;

  return unit != NULL ? unit : code;
}

static const char *
quantity_unit_shown (JsonObject *quantity)
{
  const char *unit = string_member (quantity, "unit");

  return unit != NULL ? unit : string_member (quantity, "code");
}

static const char *
variable_unit (const char *name)
{
  const EligoVariable *variable = eligo_variable_lookup (name);

  if (variable == NULL || variable->unit == NULL)
    return "";

  return g_dgettext (GETTEXT_PACKAGE, variable->unit);
}

typedef enum
{
  PRESENCE_UNKNOWN,
  PRESENCE_NO,
  PRESENCE_YES,
} Presence;

static Presence
presence_from_text (const char *text)
{
  static const char * const yes[] = { "positive", "pos", "reactive", "detected", "present", NULL };
  static const char * const no[] = {
    "negative", "neg", "non-reactive", "nonreactive", "non reactive", "not detected",
    "undetected", "absent", NULL
  };
  g_autofree char *folded = NULL;

  if (text == NULL)
    return PRESENCE_UNKNOWN;

  folded = g_utf8_strdown (text, -1);
  g_strstrip (folded);
  if (g_strv_contains (yes, folded))
    return PRESENCE_YES;
  if (g_strv_contains (no, folded))
    return PRESENCE_NO;

  return PRESENCE_UNKNOWN;
}

/* LOINC answers LA6576-8 / LA6577-6 and SNOMED CT 10828004 / 260385009
 * (Positive / Negative), else the words of the coding or the text. */
static Presence
presence_from_concept (JsonObject  *concept,
                       const char **shown)
{
  JsonArray *codings = array_member (concept, "coding");
  Presence presence = PRESENCE_UNKNOWN;
  const char *text = string_member (concept, "text");

  *shown = text;
  for (guint i = 0; codings != NULL && i < json_array_get_length (codings); i++)
    {
      JsonObject *coding = object_element (codings, i);
      const char *system = string_member (coding, "system");
      const char *code = string_member (coding, "code");
      const char *display = string_member (coding, "display");

      if (coding == NULL || code == NULL)
        continue;

      if (*shown == NULL)
        *shown = display != NULL ? display : code;

      if ((g_strcmp0 (system, LOINC_SYSTEM) == 0 && strcmp (code, "LA6576-8") == 0) ||
          (g_strcmp0 (system, SNOMED_SYSTEM) == 0 && strcmp (code, "10828004") == 0))
        return PRESENCE_YES;
      if ((g_strcmp0 (system, LOINC_SYSTEM) == 0 && strcmp (code, "LA6577-6") == 0) ||
          (g_strcmp0 (system, SNOMED_SYSTEM) == 0 && strcmp (code, "260385009") == 0))
        return PRESENCE_NO;

      if (presence == PRESENCE_UNKNOWN)
        presence = presence_from_text (display);
    }

  if (presence == PRESENCE_UNKNOWN)
    presence = presence_from_text (text);

  return presence;
}

/* Fills @item with the candidate's original value and, if it can be used,
 * its value in the variable's unit. Returns FALSE with @reason if not. */
static gboolean
read_value (Reader     *reader,
            Candidate  *candidate,
            EligoFhirItem *item,
            char      **reason)
{
  JsonObject *holder = candidate->holder;
  EligoFhirKind kind = candidate->code->kind;
  JsonObject *quantity = NULL;
  JsonNode *node;
  g_autoptr(GError) error = NULL;
  const char *comparator = NULL;
  const char *unit_code = NULL;
  double number, converted;

  item->loinc = g_strdup (candidate->code->loinc);
  item->date = g_strdup (candidate->date_text);

  quantity = object_member (holder, "valueQuantity");
  if (quantity != NULL)
    {
      node = json_object_get_member (quantity, "value");
      comparator = string_member (quantity, "comparator");
      item->unit = g_strdup (quantity_unit_shown (quantity));
      unit_code = quantity_unit_code (quantity);
      /* A number too large for a double (1.91e308 reads as infinity) is no
       * measurement: the value stays unknown, listed as unusable. */
      if (node != NULL && is_number (node) && isfinite (get_number (node)))
        {
          item->has_number = TRUE;
          item->number = get_number (node);
        }
    }
  else if (json_object_has_member (holder, "valueInteger"))
    {
      item->has_number = TRUE;
      item->number = (double) json_object_get_int_member (holder, "valueInteger");
    }

  if (kind == ELIGO_FHIR_KIND_PRESENCE || kind == ELIGO_FHIR_KIND_VIRAL_LOAD)
    {
      Presence presence = PRESENCE_UNKNOWN;

      if (kind == ELIGO_FHIR_KIND_VIRAL_LOAD && item->has_number)
        {
          if (comparator != NULL && comparator[0] == '<')
            presence = PRESENCE_NO;
          else
            presence = item->number > 0 || (comparator != NULL && comparator[0] == '>')
                       ? PRESENCE_YES : PRESENCE_NO;
        }
      else if (json_object_has_member (holder, "valueBoolean"))
        {
          gboolean value = json_object_get_boolean_member (holder, "valueBoolean");

          item->text = g_strdup (value ? "true" : "false");
          presence = value ? PRESENCE_YES : PRESENCE_NO;
        }
      else if (object_member (holder, "valueCodeableConcept") != NULL)
        {
          const char *shown = NULL;

          presence = presence_from_concept (object_member (holder, "valueCodeableConcept"), &shown);
          item->text = g_strdup (shown);
        }
      else if (string_member (holder, "valueString") != NULL)
        {
          item->text = g_strdup (string_member (holder, "valueString"));
          presence = presence_from_text (item->text);
        }

      if (presence == PRESENCE_UNKNOWN)
        {
          if (item->has_number || item->text != NULL)
            *reason = g_strdup (_("the result is neither positive nor negative"));
          else
            *reason = g_strdup (_("the Observation has no value"));
          return FALSE;
        }

      item->value.kind = ELIGO_VALUE_BOOL;
      item->value.boolean = presence == PRESENCE_YES;
      return TRUE;
    }

  if (!item->has_number)
    {
      if (json_object_has_member (holder, "valueCodeableConcept") ||
          json_object_has_member (holder, "valueString"))
        *reason = g_strdup (_("the value is not a number"));
      else
        *reason = g_strdup (_("the Observation has no value"));
      return FALSE;
    }

  if (comparator != NULL)
    {
      /* Translators: a comparator and a number, as in "< 0.5": a lab bound, not a value */
      *reason = g_strdup_printf (_("“%s %.15g” is a bound, not a value"), comparator, item->number);
      return FALSE;
    }

  number = item->number;
  if (!eligo_fhir_convert (kind, unit_code, number, &converted))
    {
      if (unit_code == NULL || *unit_code == '\0')
        *reason = g_strdup (_("the value has no unit"));
      else
        /* Translators: the first %s is a unit from the file, the second Eligo's unit */
        *reason = g_strdup_printf (_("the unit “%s” does not convert to %s"), unit_code,
                                   variable_unit (item->variable));
      return FALSE;
    }

  item->value.kind = ELIGO_VALUE_NUMBER;
  item->value.number = converted;

  if (!eligo_patient_set_fact (reader->scratch, item->variable, &item->value, &error))
    {
      *reason = g_strdup (error->message);
      item->value.kind = ELIGO_VALUE_UNKNOWN;
      return FALSE;
    }

  if (candidate->on_oxygen)
    {
      *reason = g_strdup (_("measured with supplemental oxygen, not on room air"));
      return FALSE;
    }

  return TRUE;
}

static double
preference_uln (const EligoLabUlns *ulns,
                const char         *uln_variable)
{
  if (strcmp (uln_variable, "creatinine_uln_umol_l") == 0)
    return ulns->creatinine_umol_l;
  if (strcmp (uln_variable, "bilirubin_uln_umol_l") == 0)
    return ulns->bilirubin_umol_l;
  if (strcmp (uln_variable, "alt_uln_u_l") == 0)
    return ulns->alt_u_l;
  if (strcmp (uln_variable, "ast_uln_u_l") == 0)
    return ulns->ast_u_l;
  if (strcmp (uln_variable, "bun_uln_mmol_l") == 0)
    return ulns->bun_mmol_l;

  return 0;
}

/* The "normal" range's high limit: a range with no type is the normal one. */
static JsonObject *
normal_high (JsonObject *holder)
{
  JsonArray *ranges = array_member (holder, "referenceRange");

  for (guint i = 0; ranges != NULL && i < json_array_get_length (ranges); i++)
    {
      JsonObject *range = object_element (ranges, i);
      JsonObject *type = object_member (range, "type");
      JsonObject *high = object_member (range, "high");
      gboolean normal = TRUE;

      if (type != NULL)
        {
          JsonArray *codings = array_member (type, "coding");

          normal = FALSE;
          for (guint k = 0; codings != NULL && k < json_array_get_length (codings); k++)
            if (g_strcmp0 (string_member (object_element (codings, k), "code"), "normal") == 0)
              normal = TRUE;
        }

      if (normal && high != NULL && is_number (json_object_get_member (high, "value")))
        return high;
    }

  return NULL;
}

static void
add_lab_uln (Reader              *reader,
             Candidate           *candidate,
             const EligoFhirItem *raw)
{
  const EligoFhirCode *code = candidate->code;
  g_autoptr(EligoFhirItem) uln = _eligo_fhir_item_new (code->uln_variable);
  g_autoptr(EligoFhirItem) ratio = NULL;
  JsonObject *high = normal_high (candidate->holder);
  double preference = preference_uln (&reader->options->ulns, code->uln_variable);

  if (high != NULL)
    {
      const char *unit_code = quantity_unit_code (high);
      double value = get_number (json_object_get_member (high, "value"));
      double converted;

      /* A limit with no unit is in the value's unit. */
      if (unit_code == NULL)
        unit_code = quantity_unit_code (object_member (candidate->holder, "valueQuantity"));

      if (eligo_fhir_convert (code->kind, unit_code, value, &converted) && converted > 0)
        {
          uln->value.kind = ELIGO_VALUE_NUMBER;
          uln->value.number = converted;
          if (eligo_patient_set_fact (reader->scratch, uln->variable, &uln->value, NULL))
            {
              uln->uln_source = ELIGO_ULN_SOURCE_REFERENCE_RANGE;
              uln->loinc = g_strdup (code->loinc);
              uln->date = g_strdup (candidate->date_text);
              uln->has_number = TRUE;
              uln->number = value;
              uln->unit = g_strdup (quantity_unit_shown (high) != NULL ? quantity_unit_shown (high)
                                                                       : raw->unit);
            }
        }
    }

  if (uln->uln_source == ELIGO_ULN_SOURCE_NONE && preference > 0)
    {
      uln->value.kind = ELIGO_VALUE_NUMBER;
      uln->value.number = preference;
      uln->uln_source = ELIGO_ULN_SOURCE_PREFERENCES;
      uln->has_number = TRUE;
      uln->number = preference;
      uln->unit = g_strdup (variable_unit (code->variable));
    }

  ratio = _eligo_fhir_item_copy (raw);
  ratio->variable = eligo_variable_lookup (code->x_uln_variable)->name;

  if (uln->uln_source == ELIGO_ULN_SOURCE_NONE)
    {
      ratio->value.kind = ELIGO_VALUE_UNKNOWN;
      ratio->reason = g_strdup (_("no upper limit of normal: the Observation has no reference "
                                  "range and no lab-ULN preference is set"));
      _eligo_fhir_facts_add_unused (reader->facts, g_steal_pointer (&ratio));
      return;
    }

  ratio->uln_source = uln->uln_source;
  ratio->value.number = raw->value.number / uln->value.number;
  _eligo_fhir_facts_add_fact (reader->facts, g_steal_pointer (&uln));
  _eligo_fhir_facts_add_fact (reader->facts, g_steal_pointer (&ratio));
}

static gboolean
is_newer (Candidate *candidate,
          Candidate *than)
{
  return than == NULL || candidate->instant > than->instant;
}

void
_eligo_fhir_choose (Reader    *reader,
        GPtrArray *candidates)
{
  const EligoFhirOptions *options = reader->options;
  Candidate *fresh = NULL;
  Candidate *stale = NULL;
  Candidate *undated = NULL;
  g_autoptr(EligoFhirItem) item = NULL;
  g_autofree char *reason = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);
      int days;

      if (candidate->date_kind != DATE_FULL)
        {
          if (undated == NULL)
            undated = candidate;
          continue;
        }

      days = g_date_days_between (&candidate->date, &options->as_of);
      if (days < 0)
        continue;

      if ((guint) days > options->window_days)
        {
          if (is_newer (candidate, stale))
            stale = candidate;
        }
      else if (is_newer (candidate, fresh))
        fresh = candidate;
    }

  if (fresh != NULL)
    {
      item = _eligo_fhir_item_new (fresh->code->variable);
      if (!read_value (reader, fresh, item, &reason))
        {
          item->reason = g_steal_pointer (&reason);
          _eligo_fhir_facts_add_unused (reader->facts, g_steal_pointer (&item));
          return;
        }

      if (fresh->code->uln_variable != NULL)
        add_lab_uln (reader, fresh, item);
      _eligo_fhir_facts_add_fact (reader->facts, g_steal_pointer (&item));
      return;
    }

  if (stale != NULL)
    {
      item = _eligo_fhir_item_new (stale->code->variable);
      if (!read_value (reader, stale, item, &reason))
        item->value.kind = ELIGO_VALUE_UNKNOWN;
      item->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "older than %u day, not used",
                                                   "older than %u days, not used",
                                                   options->window_days),
                                      options->window_days);
      _eligo_fhir_facts_add_stale (reader->facts, g_steal_pointer (&item));
      return;
    }

  if (undated != NULL)
    {
      item = _eligo_fhir_item_new (undated->code->variable);
      item->loinc = g_strdup (undated->code->loinc);
      item->date = g_strdup (undated->date_text);
      if (undated->date_text == NULL)
        item->reason = g_strdup (_("the Observation has no date"));
      else
        /* Translators: %s is a partial date such as "2016" or "2016-12" */
        item->reason = g_strdup_printf (_("the date “%s” is not a full day"), undated->date_text);
      _eligo_fhir_facts_add_unused (reader->facts, g_steal_pointer (&item));
    }
}

/* Age in years at the screening date, down to a tenth and never rounded up,
 * so that a patient is 18.0 on the 18th birthday and not a day before. */
static double
age_at (const GDate *birth,
        const GDate *as_of)
{
  GDate last, next;
  int years;
  double fraction;

  years = (int) g_date_get_year (as_of) - (int) g_date_get_year (birth);

  for (;;)
    {
      guint year = g_date_get_year (birth) + years;
      GDateDay day = g_date_get_day (birth);

      if (g_date_get_month (birth) == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year (year))
        day = 28;
      g_date_clear (&last, 1);
      g_date_set_dmy (&last, day, g_date_get_month (birth), year);
      if (g_date_compare (&last, as_of) <= 0)
        break;
      years--;
    }

  {
    guint year = g_date_get_year (birth) + years + 1;
    GDateDay day = g_date_get_day (birth);

    if (g_date_get_month (birth) == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year (year))
      day = 28;
    g_date_clear (&next, 1);
    g_date_set_dmy (&next, day, g_date_get_month (birth), year);
  }

  fraction = (double) g_date_days_between (&last, as_of) / g_date_days_between (&last, &next);

  return floor ((years + fraction) * 10 + 1e-9) / 10;
}

gboolean
_eligo_fhir_read_patient (Reader      *reader,
              JsonObject  *patient,
              guint        entry,
              GError     **error)
{
  const char *birth_date, *gender, *deceased_date;
  JsonNode *deceased;
  g_autoptr(EligoFhirItem) item = NULL;

  if (!_eligo_fhir_get_string (patient, "birthDate", entry, "Patient", &birth_date, error) ||
      !_eligo_fhir_get_string (patient, "gender", entry, "Patient", &gender, error) ||
      !_eligo_fhir_get_string (patient, "deceasedDateTime", entry, "Patient", &deceased_date, error))
    return FALSE;

  if (birth_date != NULL)
    {
      GDate birth;
      gint64 instant;
      DateKind kind = _eligo_fhir_parse_date (birth_date, &birth, &instant);

      if (kind == DATE_INVALID || strlen (birth_date) > 10)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a birth date as the file gives it */
          message = g_strdup_printf (_("birthDate “%s” is not a FHIR date"), birth_date);
          _eligo_fhir_set_invalid (error, entry, "Patient", message);
          return FALSE;
        }

      item = _eligo_fhir_item_new ("age_years");
      item->field = g_strdup ("Patient.birthDate");
      item->text = g_strdup (birth_date);

      if (kind == DATE_PARTIAL)
        {
          item->reason = g_strdup_printf (_("the birth date “%s” is not a full day"), birth_date);
          _eligo_fhir_facts_add_unused (reader->facts, g_steal_pointer (&item));
        }
      else if (g_date_compare (&birth, &reader->options->as_of) > 0)
        {
          item->reason = g_strdup (_("born after the screening date"));
          _eligo_fhir_facts_add_unused (reader->facts, g_steal_pointer (&item));
        }
      else
        {
          g_autoptr(GError) local_error = NULL;

          item->value.kind = ELIGO_VALUE_NUMBER;
          item->value.number = age_at (&birth, &reader->options->as_of);
          if (eligo_patient_set_fact (reader->scratch, "age_years", &item->value, &local_error))
            _eligo_fhir_facts_add_fact (reader->facts, g_steal_pointer (&item));
          else
            {
              item->value.kind = ELIGO_VALUE_UNKNOWN;
              item->reason = g_strdup (local_error->message);
              _eligo_fhir_facts_add_unused (reader->facts, g_steal_pointer (&item));
            }
        }
    }

  if (gender != NULL)
    {
      if (strcmp (gender, "male") != 0 && strcmp (gender, "female") != 0 &&
          strcmp (gender, "other") != 0 && strcmp (gender, "unknown") != 0)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is the gender the file gives */
          message = g_strdup_printf (_("gender “%s” is not male, female, other or unknown"), gender);
          _eligo_fhir_set_invalid (error, entry, "Patient", message);
          return FALSE;
        }

      item = _eligo_fhir_item_new ("sex");
      item->field = g_strdup ("Patient.gender");
      item->text = g_strdup (gender);
      if (strcmp (gender, "male") == 0 || strcmp (gender, "female") == 0)
        {
          item->value.kind = ELIGO_VALUE_SYMBOL;
          item->value.symbol = g_intern_string (gender);
          _eligo_fhir_facts_add_fact (reader->facts, g_steal_pointer (&item));
        }
      else
        {
          /* Translators: %s is "other" or "unknown" */
          item->reason = g_strdup_printf (_("the gender is “%s”: neither female nor male"), gender);
          _eligo_fhir_facts_add_unused (reader->facts, g_steal_pointer (&item));
        }
    }

  deceased = json_object_get_member (patient, "deceasedBoolean");
  if (deceased != NULL && !holds_type (deceased, G_TYPE_BOOLEAN))
    {
      _eligo_fhir_set_invalid (error, entry, "Patient", _("deceasedBoolean should be true or false"));
      return FALSE;
    }
  if (deceased != NULL && json_node_get_boolean (deceased))
    _eligo_fhir_facts_set_deceased (reader->facts, "");

  if (deceased_date != NULL)
    {
      GDate date;
      gint64 instant;
      DateKind kind = _eligo_fhir_parse_date (deceased_date, &date, &instant);

      if (kind == DATE_INVALID)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("“%s” is not a FHIR date"), deceased_date);
          _eligo_fhir_set_invalid (error, entry, "Patient", message);
          return FALSE;
        }
      if (kind == DATE_PARTIAL)
        _eligo_fhir_facts_set_deceased (reader->facts, deceased_date);
      else if (g_date_compare (&date, &reader->options->as_of) <= 0)
        {
          g_autofree char *text = _eligo_fhir_format_date (&date);

          _eligo_fhir_facts_set_deceased (reader->facts, text);
        }
    }

  return TRUE;
}
