/* eligo-cli-facts.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts command of eligo-cli: what a patient file says, fact by fact,
 * with where each came from; for a FHIR file, the stale Observations that
 * are not used and the values that could not be used.
 */

#define G_LOG_DOMAIN "eligo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "eligo-fhir-reader.h"
#include "eligo-patient.h"

#include "eligo-cli-private.h"

/* YYYY-MM-DD, a real day */
static gboolean
parse_as_of (const char *text,
             GDate      *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
format_value (const char       *name,
              const EligoValue *value)
{
  const EligoVariable *variable = eligo_variable_lookup (name);
  g_autofree char *number = NULL;

  switch (value->kind)
    {
    case ELIGO_VALUE_NUMBER:
      if (fabs (value->number) >= 1e4)
        number = g_strdup_printf ("%.0f", value->number);
      else
        number = g_strdup_printf ("%.4g", value->number);
      if (variable != NULL && variable->unit != NULL)
        return g_strdup_printf ("%s %s", number, g_dgettext (GETTEXT_PACKAGE, variable->unit));
      return g_steal_pointer (&number);
    case ELIGO_VALUE_BOOL:
      return g_strdup (value->boolean ? _("yes") : _("no"));
    case ELIGO_VALUE_SYMBOL:
      return g_strdup (value->symbol);
    case ELIGO_VALUE_UNKNOWN:
    default:
      return g_strdup (_("unknown"));
    }
}

/* "Creatinine", or "Creatinine (× ULN)" for a multiple of the ULN, which
 * shares its label with the raw value. */
static char *
variable_label (const char *name)
{
  const EligoVariable *variable = eligo_variable_lookup (name);

  if (variable == NULL)
    return g_strdup (name);

  if (g_str_has_suffix (name, "_x_uln") || strstr (name, "_uln_") != NULL)
    /* Translators: a variable's label and its unit, such as "Creatinine (× ULN)" */
    return g_strdup_printf (_("%s (%s)"), eligo_variable_get_label (variable),
                            g_dgettext (GETTEXT_PACKAGE, variable->unit));

  return g_strdup (eligo_variable_get_label (variable));
}

static void
append_row (GString    *out,
            const char *label,
            const char *value,
            const char *detail)
{
  guint width = _eligo_cli_display_width (label);

  g_string_append_printf (out, "  %s", label);
  for (guint i = width; i < 34; i++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, " %s", value);
  if (detail != NULL && *detail != '\0')
    g_string_append_printf (out, "  (%s)", detail);
  g_string_append_c (out, '\n');
}

static void
print_facts_text (EligoFhirFacts *facts)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *items = eligo_fhir_facts_get_facts (facts);
  GPtrArray *stale = eligo_fhir_facts_get_stale (facts);
  GPtrArray *unused = eligo_fhir_facts_get_unused (facts);
  const char *deceased = eligo_fhir_facts_get_deceased (facts);
  char as_of[16];

  g_date_strftime (as_of, sizeof as_of, "%Y-%m-%d", eligo_fhir_facts_get_as_of (facts));
  /* Translators: the FHIR Patient's id, a date, and the freshness window in days */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "Patient %s as of %s (Observations up to %u day old)",
                                            "Patient %s as of %s (Observations up to %u days old)",
                                            eligo_fhir_facts_get_window_days (facts)),
                          eligo_fhir_facts_get_id (facts), as_of,
                          eligo_fhir_facts_get_window_days (facts));
  g_string_append_c (out, '\n');
  if (deceased != NULL)
    {
      if (*deceased != '\0')
        /* Translators: %s is a date */
        g_string_append_printf (out, _("The file records the patient’s death on %s."), deceased);
      else
        g_string_append (out, _("The file records the patient’s death."));
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n%s\n", _("Facts"));
  if (items->len == 0)
    g_string_append_printf (out, "  %s\n", _("none"));
  for (guint i = 0; i < items->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (items, i);
      g_autofree char *value = format_value (item->variable, &item->value);
      g_autofree char *source = eligo_fhir_item_format_source (item);
      g_autofree char *label = variable_label (item->variable);

      append_row (out, label, value, source);
    }

  if (stale->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Stale: older than the freshness window, not used"));
      for (guint i = 0; i < stale->len; i++)
        {
          const EligoFhirItem *item = g_ptr_array_index (stale, i);
          g_autofree char *source = eligo_fhir_item_format_source (item);
          g_autofree char *label = variable_label (item->variable);

          append_row (out, label, source, NULL);
        }
    }

  if (unused->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Not used: unknown until entered"));
      for (guint i = 0; i < unused->len; i++)
        {
          const EligoFhirItem *item = g_ptr_array_index (unused, i);
          g_autofree char *source = NULL;
          g_autofree char *label = variable_label (item->variable);

          if (item->field != NULL || item->has_number || item->text != NULL)
            source = eligo_fhir_item_format_source (item);
          append_row (out, label, item->reason != NULL ? item->reason : "", source);
        }
    }

  fwrite (out->str, 1, out->len, stdout);
}

/* Eligo's own patient file: its facts as entered, no sources. */
static void
print_patient (EligoPatient *patient,
               const GDate  *as_of,
               OutputFormat  format)
{
  g_autoptr(JsonObject) patient_json = eligo_patient_to_json (patient);
  g_auto(GStrv) names = eligo_patient_dup_fact_names (patient);
  char date[16];

  g_date_strftime (date, sizeof date, "%Y-%m-%d", as_of);

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) root = NULL;

      json_object_set_string_member (object, "id", eligo_patient_get_screening_id (patient));
      json_object_set_string_member (object, "as_of", date);
      json_object_set_member (object, "facts",
                              json_node_copy (json_object_get_member (patient_json, "facts")));
      json_object_set_object_member (object, "sources", json_object_new ());
      json_object_set_array_member (object, "stale", json_array_new ());
      json_object_set_array_member (object, "unused", json_array_new ());
      root = json_node_init_object (json_node_alloc (), object);
      _eligo_cli_print_json (root);
      return;
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);

    /* Translators: a screening id, then a date */
    g_string_append_printf (out, _("Patient %s as of %s (an Eligo patient file)"),
                            eligo_patient_get_screening_id (patient), date);
    g_string_append_printf (out, "\n\n%s\n", _("Facts"));
    if (names[0] == NULL)
      g_string_append_printf (out, "  %s\n", _("none"));
    for (guint i = 0; names[i] != NULL; i++)
      {
        EligoValue value;
        g_autofree char *text = NULL;
        g_autofree char *label = variable_label (names[i]);

        eligo_patient_get_fact (patient, names[i], &value);
        text = format_value (names[i], &value);
        append_row (out, label, text, _("entered"));
      }
    fwrite (out->str, 1, out->len, stdout);
  }
}

int
_eligo_cli_facts (const char  *database_path,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("facts");
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *as_of_text = NULL;
  OutputFormat format = FORMAT_TEXT;
  EligoFhirOptions options;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("The screening date (default: today); older Observations are stale"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"),
      N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (!_eligo_cli_parse_format (format_text, FALSE, &format))
    return _eligo_cli_usage_error (context, _("--format must be text or json"));
  if (argc != 2)
    return _eligo_cli_usage_error (context, _("facts needs exactly one patient file"));

  eligo_fhir_options_init (&options);
  if (as_of_text != NULL && !parse_as_of (as_of_text, &options.as_of))
    return _eligo_cli_usage_error (context, _("--as-of must be a date: YYYY-MM-DD"));

  file = g_file_new_for_commandline_arg (argv[1]);
  facts = eligo_fhir_read_file (file, &options, NULL, &error);
  if (facts == NULL && g_error_matches (error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NOT_FHIR))
    {
      g_autoptr(EligoPatient) patient = NULL;

      g_clear_error (&error);
      patient = eligo_patient_load (file, NULL, &error);
      if (patient == NULL)
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }
      print_patient (patient, &options.as_of, format);
      return EXIT_OK;
    }

  if (facts == NULL)
    {
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = eligo_fhir_facts_to_json (facts);

      _eligo_cli_print_json (root);
    }
  else
    print_facts_text (facts);

  return EXIT_OK;
}
