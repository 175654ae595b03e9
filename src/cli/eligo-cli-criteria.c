/* eligo-cli-criteria.c
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
 * The criteria commands of eligo-cli: criteria, screen, match and curate.
 */

#define G_LOG_DOMAIN "eligo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-matcher.h"
#include "eligo-patient.h"
#include "eligo-report-pdf.h"
#include "eligo-rule.h"
#include "eligo-screening-report.h"
#include "eligo-screening.h"

#include "eligo-cli-private.h"

static void
print_json_object (JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);

  _eligo_cli_print_json (root);
}

/* The first line of a criterion's text, shortened to @width columns. */
static char *
short_text (const char *text,
            guint       width)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint used = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      guint w = g_unichar_iswide (c) ? 2 : 1;

      if (c == '\n')
        c = ' ';
      if (used + w > width - 1 && *next != '\0')
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
      used += w;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
verdict_mark (EligoVerdict verdict)
{
  /* Marks and words, never colour alone. */
  switch (verdict)
    {
    case ELIGO_VERDICT_PASS:
      return "✔";
    case ELIGO_VERDICT_FAIL:
      return "✘";
    case ELIGO_VERDICT_UNKNOWN:
      return "?";
    case ELIGO_VERDICT_REVIEW:
    case ELIGO_N_VERDICTS:
    default:
      return "⚑";
    }
}

static void
pad (GString    *out,
     const char *text,
     guint       width)
{
  guint w = _eligo_cli_display_width (text);

  /* At least one space, however long a translated word is. */
  g_string_append (out, text);
  do
    g_string_append_c (out, ' ');
  while (++w < width);
}

static const char *
short_id (EligoCriterion *criterion)
{
  const char *id = eligo_criterion_get_id (criterion);

  return strchr (id, '/') + 1;
}

static void
append_criterion_text (GString        *out,
                       EligoCriterion *criterion,
                       const char     *verdict)
{
  g_autofree char *rule = eligo_criterion_dup_rule_text (criterion);
  g_autofree char *text = short_text (eligo_criterion_get_text (criterion), 64);
  const char *origin = NULL;

  g_string_append (out, "  ");
  if (verdict != NULL)
    pad (out, verdict, 12);
  pad (out, short_id (criterion), 5);
  g_string_append_printf (out, " %s\n", text);

  if (eligo_criterion_get_subject (criterion) != ELIGO_SUBJECT_PATIENT)
    {
      g_string_append_printf (out, "  %*s      %s\n", verdict != NULL ? 12 : 0, "",
                              _("about another person (such as a donor): not read against the patient"));
      return;
    }

  switch (eligo_criterion_get_origin (criterion))
    {
    case ELIGO_ORIGIN_STRUCTURED:
      origin = _("registry field");
      break;
    case ELIGO_ORIGIN_CURATED:
      origin = _("curated");
      break;
    case ELIGO_ORIGIN_PARSED:
    default:
      break;
    }

  g_string_append_printf (out, "  %*s      ", verdict != NULL ? 12 : 0, "");
  if (rule == NULL)
    g_string_append (out, _("no rule: for the nurse to review"));
  else
    {
      g_string_append_printf (out, "%s %s", "→", rule);
      if (eligo_criterion_get_partial (criterion))
        g_string_append_printf (out, "  (%s)", _("covers part of the criterion"));
    }
  if (origin != NULL)
    g_string_append_printf (out, "  [%s]", origin);
  g_string_append_c (out, '\n');
}

static EligoTrial *
find_trial (EligoDatabase *database,
            const char    *nct_id_arg,
            int           *status)
{
  g_autofree char *nct_id = g_ascii_strup (nct_id_arg, -1);
  g_autoptr(GError) error = NULL;
  EligoTrial *trial;

  trial = eligo_database_get_trial_by_nct_id (database, nct_id, &error);
  if (trial == NULL)
    {
      _eligo_cli_print_error (error->message);
      *status = EXIT_USER_ERROR;
    }

  return trial;
}

/* criteria */

int
_eligo_cli_criteria (const char  *database_path,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("criteria");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  OutputFormat format = FORMAT_TEXT;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"),
      N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc != 2 || *argv[1] == '\0')
    return _eligo_cli_usage_error (context, _("criteria needs exactly one NCT number"));

  if (!_eligo_cli_parse_format (format_text, FALSE, &format))
    return _eligo_cli_usage_error (context, _("--format must be text or json"));

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  trial = find_trial (database, argv[1], &status);
  if (trial == NULL)
    return status;

  criteria = eligo_database_get_criteria (database, trial, &error);
  if (criteria == NULL)
    {
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      JsonArray *array = json_array_new ();

      json_object_set_string_member (object, "nct_id", eligo_trial_get_nct_id (trial));
      for (guint i = 0; i < criteria->len; i++)
        json_array_add_object_element (array,
                                       eligo_criterion_to_json (g_ptr_array_index (criteria, i)));
      json_object_set_array_member (object, "criteria", array);
      print_json_object (object);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      guint n_rules = 0;

      g_string_append_printf (out, "%s  %s\n", eligo_trial_get_nct_id (trial),
                              eligo_trial_get_brief_title (trial) != NULL
                              ? eligo_trial_get_brief_title (trial) : "");
      for (guint i = 0; i < criteria->len; i++)
        {
          EligoCriterion *criterion = g_ptr_array_index (criteria, i);

          if (i == 0 || eligo_criterion_get_kind (criterion) !=
                        eligo_criterion_get_kind (g_ptr_array_index (criteria, i - 1)))
            g_string_append_printf (out, "\n%s\n",
                                    eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION
                                    ? _("Inclusion criteria") : _("Exclusion criteria"));
          append_criterion_text (out, criterion, NULL);
          if (eligo_criterion_get_rule (criterion) != NULL)
            n_rules++;
        }

      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("%u of %u criteria have a rule"), n_rules, criteria->len);
      g_string_append_c (out, '\n');
      fwrite (out->str, 1, out->len, stdout);
    }

  return EXIT_OK;
}

/* screen and match */

static EligoPatient *
load_patient (const char *path,
              int        *status)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  EligoPatient *patient;

  if (path == NULL)
    {
      *status = _eligo_cli_usage_error (NULL, _("--patient FILE is required"));
      return NULL;
    }

  file = g_file_new_for_commandline_arg (path);
  patient = eligo_patient_load (file, NULL, &error);
  if (patient == NULL)
    {
      _eligo_cli_print_error (error->message);
      *status = EXIT_USER_ERROR;
    }

  return patient;
}

static void
append_result_text (GString              *out,
                    EligoScreeningResult *result,
                    guint                 rank)
{
  EligoTrial *trial = eligo_screening_result_get_trial (result);
  g_auto(GStrv) missing = eligo_screening_result_dup_missing (result);
  g_autofree char *title = short_text (eligo_trial_get_brief_title (trial) != NULL
                                       ? eligo_trial_get_brief_title (trial) : "", 72);

  if (rank > 0)
    g_string_append_printf (out, "%u. ", rank);
  g_string_append_printf (out, "%s  %s\n", eligo_trial_get_nct_id (trial), title);
  g_string_append_printf (out, "   %s: %s — ", _("Verdict"),
                          eligo_trial_verdict_get_label (eligo_screening_result_get_verdict (result)));
  g_string_append_printf (out,
                          /* Translators: counts of criteria by verdict */
                          _("%u pass, %u fail, %u unknown, %u to review"),
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_PASS),
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_FAIL),
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_UNKNOWN),
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_REVIEW));
  g_string_append_c (out, '\n');

  if (missing[0] != NULL)
    {
      guint column;

      g_string_append_printf (out, "   %s", _("Values missing:"));
      column = 3 + _eligo_cli_display_width (_("Values missing:"));
      for (guint i = 0; missing[i] != NULL; i++)
        {
          const EligoVariable *variable = eligo_variable_lookup (missing[i]);
          g_autofree char *item = g_strdup_printf ("%s (%s)%s",
                                                   variable != NULL
                                                   ? eligo_variable_get_label (variable)
                                                   : missing[i],
                                                   missing[i],
                                                   missing[i + 1] != NULL ? "," : "");
          guint width = _eligo_cli_display_width (item);

          /* Wrapped to the terminal's usual width, under the first item. */
          if (column + 1 + width > 100)
            {
              g_string_append (out, "\n     ");
              column = 5;
            }
          g_string_append_printf (out, " %s", item);
          column += 1 + width;
        }
      g_string_append_c (out, '\n');
    }
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  return eligo_screening_result_compare (*(EligoScreeningResult **) a,
                                         *(EligoScreeningResult **) b);
}

/* screen --pdf: one summary per trial, each from a new page. */
static gboolean
write_screening_pdf (const char   *path,
                     GPtrArray    *results,
                     EligoPatient *patient,
                     const char   *site,
                     const char   *screener)
{
  g_autoptr(EligoReportDocument) document = eligo_report_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr(EligoReportDocument) summary = NULL;

      summary = eligo_screening_report_new (g_ptr_array_index (results, i), patient,
                                            site, screener, now);
      eligo_report_document_append (document, summary);
    }

  if (!eligo_report_pdf_write (document, path, &error))
    {
      _eligo_cli_print_error (error->message);
      return FALSE;
    }

  /* Pango keeps its fonts in a per-thread cache that leak checkers do not
   * see; the CLI is done with them. */
  g_clear_object (&document);
  pango_cairo_font_map_set_default (NULL);

  return TRUE;
}

/*
 * match: the matcher ranks the library from what import stored; each trial
 * printed is then built, screened in full, printed and let go, so memory
 * does not grow with the library. The output is what screening the ranked
 * trials one by one and printing them together gives.
 */
static int
print_matches (EligoDatabase *database,
               EligoPatient  *patient,
               guint          limit,
               gboolean       recruiting,
               OutputFormat   format)
{
  g_autoptr(EligoMatcher) matcher = eligo_matcher_new (database);
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  eligo_matcher_set_recruiting_only (matcher, recruiting);
  if (limit > 0)
    ranked = eligo_matcher_rank (matcher, patient, limit == G_MAXUINT ? 0 : limit, NULL, NULL,
                                 &error);
  else
    ranked = g_array_new (FALSE, FALSE, sizeof (EligoMatch));
  if (ranked == NULL)
    {
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) id = json_node_init_string (json_node_alloc (),
                                                      eligo_patient_get_screening_id (patient));
      g_autofree char *id_text = json_to_string (id, FALSE);

      g_string_append_printf (out, "{\n  \"patient\" : %s,\n  \"results\" : [", id_text);
    }
  else
    {
      g_string_append_printf (out, _("Patient %s"), eligo_patient_get_screening_id (patient));
      g_string_append (out, "\n\n");
    }

  for (guint i = 0; i < ranked->len; i++)
    {
      g_autoptr(EligoTrial) trial = NULL;
      g_autoptr(GPtrArray) criteria = NULL;
      g_autoptr(EligoScreeningResult) result = NULL;

      trial = eligo_database_get_trial (database, g_array_index (ranked, EligoMatch, i).trial_id,
                                        &error);
      if (trial != NULL)
        criteria = eligo_database_get_criteria (database, trial, &error);
      if (criteria == NULL)
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }
      result = eligo_screen (trial, criteria, patient);

      if (format == FORMAT_JSON)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autofree char *json = NULL;
          g_auto(GStrv) lines = NULL;

          json_node_take_object (node, eligo_screening_result_to_json (result));
          json = json_to_string (node, TRUE);
          lines = g_strsplit (json, "\n", -1);

          g_string_append (out, i == 0 ? "\n" : ",\n");
          for (guint k = 0; lines[k] != NULL; k++)
            g_string_append_printf (out, "%s    %s", k > 0 ? "\n" : "", lines[k]);
        }
      else
        {
          append_result_text (out, result, i + 1);
          g_string_append_c (out, '\n');
        }

      /* Written as it goes: a long list never waits whole in memory. */
      if (out->len > 64 * 1024)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }

  if (format == FORMAT_JSON)
    g_string_append (out, ranked->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  fwrite (out->str, 1, out->len, stdout);

  return EXIT_OK;
}

static int
screen_or_match (const char  *command,
                 const char  *database_path,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context (command);
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *patient_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *site = NULL;
  g_autofree char *screener = NULL;
  gboolean match = strcmp (command, "match") == 0;
  gboolean recruiting = FALSE;
  OutputFormat format = FORMAT_TEXT;
  int limit = G_MININT;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "patient", 0, 0, G_OPTION_ARG_FILENAME, &patient_path,
      N_("The patient file: Eligo’s patient JSON or a FHIR R4 Bundle"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"),
      N_("FORMAT") },
    { NULL }
  };
  const GOptionEntry match_entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Print at most N trials"), N_("N") },
    { "recruiting", 0, 0, G_OPTION_ARG_NONE, &recruiting,
      N_("Only trials that are recruiting, not yet recruiting or enrolling by invitation"), NULL },
    { NULL }
  };
  const GOptionEntry screen_entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path,
      N_("Also write the screening summary to a PDF file, one trial per page set"), N_("OUT") },
    { "site", 0, 0, G_OPTION_ARG_STRING, &site, N_("The site, for the PDF (default: a blank line)"),
      N_("SITE") },
    { "screener", 0, 0, G_OPTION_ARG_STRING, &screener,
      N_("Who screened, for the PDF (default: a blank line)"), N_("NAME") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (match)
    g_option_context_add_main_entries (context, match_entries, GETTEXT_PACKAGE);
  else
    g_option_context_add_main_entries (context, screen_entries, GETTEXT_PACKAGE);
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (!_eligo_cli_parse_format (format_text, FALSE, &format))
    return _eligo_cli_usage_error (context, _("--format must be text or json"));
  if (patient_path == NULL)
    return _eligo_cli_usage_error (context, _("--patient FILE is required"));
  if (match && argc != 1)
    return _eligo_cli_usage_error (context, _("match takes no NCT numbers: it screens every trial"));
  if (!match && argc < 2)
    return _eligo_cli_usage_error (context, _("screen needs at least one NCT number"));
  if (limit != G_MININT && limit < 0)
    return _eligo_cli_usage_error (context, _("--limit must be zero or a positive number"));
  if (pdf_path != NULL && *pdf_path == '\0')
    return _eligo_cli_usage_error (context, _("--pdf needs a file name"));

  patient = load_patient (patient_path, &status);
  if (patient == NULL)
    return status;

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  trials = g_ptr_array_new_with_free_func (g_object_unref);
  if (match)
    return print_matches (database, patient, limit != G_MININT ? (guint) limit : G_MAXUINT,
                          recruiting, format);
  else
    {
      for (int i = 1; i < argc; i++)
        {
          EligoTrial *trial = find_trial (database, argv[i], &status);

          if (trial == NULL)
            return status;
          g_ptr_array_add (trials, trial);
        }
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_screening_result_unref);
  for (guint i = 0; i < trials->len; i++)
    {
      EligoTrial *trial = g_ptr_array_index (trials, i);
      g_autoptr(GPtrArray) criteria = eligo_database_get_criteria (database, trial, &error);

      if (criteria == NULL)
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }

      g_ptr_array_add (results, eligo_screen (trial, criteria, patient));
    }

  if (match)
    g_ptr_array_sort (results, compare_results);

  if (pdf_path != NULL && !write_screening_pdf (pdf_path, results, patient, site, screener))
    return EXIT_USER_ERROR;

  if (limit != G_MININT && (guint) limit < results->len)
    g_ptr_array_set_size (results, (guint) limit);

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      JsonArray *array = json_array_new ();

      json_object_set_string_member (object, "patient", eligo_patient_get_screening_id (patient));
      for (guint i = 0; i < results->len; i++)
        json_array_add_object_element (array,
                                       eligo_screening_result_to_json (g_ptr_array_index (results, i)));
      json_object_set_array_member (object, "results", array);
      print_json_object (object);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      g_string_append_printf (out, _("Patient %s"), eligo_patient_get_screening_id (patient));
      g_string_append (out, "\n\n");
      for (guint i = 0; i < results->len; i++)
        {
          EligoScreeningResult *result = g_ptr_array_index (results, i);

          append_result_text (out, result, match ? i + 1 : 0);
          if (!match)
            {
              for (guint k = 0; k < eligo_screening_result_get_n_results (result); k++)
                {
                  const EligoCriterionResult *r = eligo_screening_result_get_result (result, k);
                  g_autofree char *verdict = g_strdup_printf ("%s %s", verdict_mark (r->verdict),
                                                              eligo_verdict_get_label (r->verdict));

                  append_criterion_text (out, r->criterion, verdict);
                  if (r->answered)
                    g_string_append_printf (out, "  %12s      %s\n", "",
                                            _("answered by the nurse"));
                }
            }
          g_string_append_c (out, '\n');
        }
      fwrite (out->str, 1, out->len, stdout);
    }

  return EXIT_OK;
}

int
_eligo_cli_screen (const char  *database_path,
                   int          argc,
                   char       **argv)
{
  return screen_or_match ("screen", database_path, argc, argv);
}

int
_eligo_cli_match (const char  *database_path,
                  int          argc,
                  char       **argv)
{
  return screen_or_match ("match", database_path, argc, argv);
}

/* curate */

int
_eligo_cli_curate (const char  *database_path,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("curate");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoCriterion) criterion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *format_text = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean clear = FALSE;
  gboolean reset = FALSE;
  gboolean partial = FALSE;
  OutputFormat format = FORMAT_TEXT;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear,
      N_("Remove the criterion’s rule: the nurse reviews it from its text"), NULL },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset,
      N_("Drop the curated rule: the rule read from the text applies again"), NULL },
    { "partial", 0, 0, G_OPTION_ARG_NONE, &partial,
      N_("The rule covers only part of the criterion: it can fail it, never pass it"), NULL },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who wrote the rule"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"),
      N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Example: eligo-cli curate NCT07072494/E6 \"qtc_ms >= 480\". "
                                      "Curated rules are kept when the trial is imported again."));
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (!_eligo_cli_parse_format (format_text, FALSE, &format))
    return _eligo_cli_usage_error (context, _("--format must be text or json"));
  if (clear && reset)
    return _eligo_cli_usage_error (context, _("--clear and --reset cannot be used together"));
  if ((clear || reset) && argc != 2)
    return _eligo_cli_usage_error (context, _("--clear and --reset take only the criterion"));
  if (!clear && !reset && argc != 3)
    return _eligo_cli_usage_error (context, _("curate needs a criterion such as NCT07072494/E6 "
                                              "and a rule, or --clear or --reset"));
  if (!eligo_criterion_id_parse (argv[1], NULL, NULL, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a criterion id such as "
                                                    "NCT07072494/I3 or NCT07072494/E2"),
                                                  argv[1]);

      return _eligo_cli_usage_error (context, message);
    }

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  if (reset)
    {
      g_autofree char *nct_id = NULL;
      g_autoptr(EligoTrial) trial = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      if (!eligo_database_uncurate (database, argv[1], &error))
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }

      eligo_criterion_id_parse (argv[1], &nct_id, NULL, NULL);
      trial = eligo_database_get_trial_by_nct_id (database, nct_id, NULL);
      criteria = trial != NULL ? eligo_database_get_criteria (database, trial, NULL) : NULL;
      for (guint i = 0; criteria != NULL && i < criteria->len; i++)
        if (g_ascii_strcasecmp (eligo_criterion_get_id (g_ptr_array_index (criteria, i)),
                                argv[1]) == 0)
          criterion = g_object_ref (g_ptr_array_index (criteria, i));
    }
  else
    {
      guint offset = 0;

      if (author == NULL)
        author = g_strdup (g_get_real_name ());

      criterion = eligo_database_curate (database, argv[1], clear ? NULL : argv[2], partial,
                                         author, &error);
      if (criterion == NULL && !clear && error->domain == ELIGO_RULE_ERROR)
        {
          g_autoptr(GError) again = NULL;
          g_autoptr(EligoRule) rule = eligo_rule_parse (argv[2], &offset, &again);
          g_autofree char *prefix = g_strndup (argv[2], offset);

          _eligo_cli_print_error (error->message);
          g_printerr ("  %s\n  %*s^\n", argv[2], (int) _eligo_cli_display_width (prefix), "");
          return EXIT_USER_ERROR;
        }
    }

  if (criterion == NULL)
    {
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonObject) object = eligo_criterion_to_json (criterion);

      print_json_object (object);
    }
  else
    {
      append_criterion_text (out, criterion, NULL);
      fwrite (out->str, 1, out->len, stdout);
    }

  return EXIT_OK;
}
