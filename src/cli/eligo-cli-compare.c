/* eligo-cli-compare.c
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
 * The compare command of eligo-cli: trials side by side.
 */

#define G_LOG_DOMAIN "eligo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "eligo-comparison-report.h"
#include "eligo-comparison.h"
#include "eligo-database.h"
#include "eligo-patient.h"
#include "eligo-report-pdf.h"

#include "eligo-cli-private.h"

#define DEFAULT_WIDTH 120

/* The terminal's width, $COLUMNS, or 120 when the output is not a terminal. */
static guint
output_width (void)
{
  const char *columns = g_getenv ("COLUMNS");
  struct winsize size;
  guint64 value;

  if (columns != NULL && g_ascii_string_to_unsigned (columns, 10, 40, 1000, &value, NULL))
    return (guint) value;

  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40)
    return size.ws_col;

  return DEFAULT_WIDTH;
}

/* compare --pdf: the same document as the comparison window prints. The
 * writer replaces @path atomically and names it in its errors. */
static gboolean
write_comparison_pdf (const char      *path,
                      EligoComparison *comparison,
                      gboolean         only_differences)
{
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = eligo_comparison_report_new (comparison, only_differences, NULL);
  if (!eligo_report_pdf_write (document, path, &error))
    {
      _eligo_cli_print_error (error->message);
      return FALSE;
    }

  return TRUE;
}

int
_eligo_cli_compare (const char  *database_path,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("compare");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoComparison) comparison = NULL;
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *patient_path = NULL;
  g_autofree char *pdf_path = NULL;
  gboolean only_differences = FALSE;
  OutputFormat format = FORMAT_TEXT;
  int width = 0;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"),
      N_("FORMAT") },
    { "patient", 0, 0, G_OPTION_ARG_FILENAME, &patient_path,
      N_("Show each trial’s verdict and each aligned condition’s verdict for the patient in "
         "FILE (JSON: id, facts, answers)"), N_("FILE") },
    { "only-differences", 0, 0, G_OPTION_ARG_NONE, &only_differences,
      N_("Leave out rows that are the same for every trial"), NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Fit the text table to COLUMNS (default: the terminal’s width, else 120)"),
      N_("COLUMNS") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path,
      N_("Also write the comparison to a landscape PDF file"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Compares 2 to 6 trials: overview, design, population, "
                                      "the criteria aligned by variable, interventions and "
                                      "outcomes. A cell marked * comes from a rule that covers "
                                      "part of its criterion."));
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc - 1 < ELIGO_COMPARISON_MIN_TRIALS || argc - 1 > ELIGO_COMPARISON_MAX_TRIALS)
    return _eligo_cli_usage_error (context, _("compare needs 2 to 6 NCT numbers"));

  if (!_eligo_cli_parse_format (format_text, FALSE, &format))
    return _eligo_cli_usage_error (context, _("--format must be text or json"));

  if (width != 0 && (width < 40 || width > 1000))
    return _eligo_cli_usage_error (context, _("--width must be between 40 and 1000"));

  if (pdf_path != NULL && *pdf_path == '\0')
    return _eligo_cli_usage_error (context, _("--pdf needs a file name"));

  for (int i = 1; i < argc; i++)
    for (int j = 1; j < i; j++)
      if (g_ascii_strcasecmp (argv[i], argv[j]) == 0)
        {
          g_autofree char *message = g_strdup_printf (_("%s is given twice"), argv[i]);

          return _eligo_cli_usage_error (context, message);
        }

  if (patient_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (patient_path);

      patient = eligo_patient_load (file, NULL, &error);
      if (patient == NULL)
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }
    }

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  trials = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *nct_id = g_ascii_strup (argv[i], -1);
      EligoTrial *trial = eligo_database_get_trial_by_nct_id (database, nct_id, &error);

      if (trial == NULL)
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }
      g_ptr_array_add (trials, trial);
    }

  comparison = eligo_comparison_new (database, trials, &error);
  if (comparison == NULL)
    {
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  if (patient != NULL)
    eligo_comparison_set_patient (comparison, patient);

  if (pdf_path != NULL && !write_comparison_pdf (pdf_path, comparison, only_differences))
    return EXIT_USER_ERROR;

  if (format == FORMAT_JSON)
    {
      JsonObject *object = eligo_comparison_to_json (comparison, only_differences);
      g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);

      json_object_unref (object);
      _eligo_cli_print_json (root);
    }
  else
    {
      g_autofree char *text = eligo_comparison_to_text (comparison, only_differences,
                                                        width > 0 ? (guint) width
                                                                  : output_width ());

      fputs (text, stdout);
    }

  return EXIT_OK;
}
