/* eligo-cli.c
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

#define G_LOG_DOMAIN "eligo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-format.h"
#include "eligo-import.h"
#include "eligo-json-number.h"
#include "eligo-trial.h"

#include "eligo-cli-private.h"

typedef struct
{
  const char *name;
  int       (*run)     (const char *database_path,
                        int         argc,
                        char      **argv);
  const char *parameters;
  const char *summary;
} Command;

static int cmd_import (const char *database_path, int argc, char **argv);
static int cmd_list   (const char *database_path, int argc, char **argv);
static int cmd_show   (const char *database_path, int argc, char **argv);

static const Command commands[] = {
  { "import", cmd_import, N_("FILE…"), N_("Import ClinicalTrials.gov API v2 JSON files or folders") },
  { "list", cmd_list, "", N_("List the trials in the library") },
  { "show", cmd_show, N_("NCTID"), N_("Show one trial") },
  { "criteria", _eligo_cli_criteria, N_("NCTID"), N_("Show a trial’s criteria and their rules") },
  { "screen", _eligo_cli_screen, N_("--patient FILE NCTID…"),
    N_("Screen a patient against trials, criterion by criterion") },
  { "compare", _eligo_cli_compare, N_("NCTID NCTID…"),
    N_("Compare 2 to 6 trials side by side, criteria aligned by variable") },
  { "match", _eligo_cli_match, N_("--patient FILE"),
    N_("Screen a patient against every trial and rank them, best first") },
  { "facts", _eligo_cli_facts, N_("FILE"),
    N_("Show the facts a patient file gives, with their sources; stale values are not used") },
  { "curate", _eligo_cli_curate, N_("CRITERION RULE"),
    N_("Set, clear or reset the rule of one criterion") },
  { "fetch", _eligo_cli_fetch, N_("NCTID… | --search TEXT"),
    N_("Fetch trials from the registry by NCT number or by a search") },
  { "refresh", _eligo_cli_refresh, N_("[NCTID…]"),
    N_("Fetch trials again from the registry and list what changed") },
};

void
_eligo_cli_print_error (const char *message)
{
  g_printerr ("eligo-cli: %s\n", message);
}

/* Prints @root as indented JSON and a newline on stdout. */
void
_eligo_cli_print_json (JsonNode *root)
{
  g_autofree char *json = json_to_string (root, TRUE);

  g_print ("%s\n", json);
}

int
_eligo_cli_usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = NULL;

  _eligo_cli_print_error (message);
  if (context != NULL)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("\n%s", help);
    }

  return EXIT_USAGE;
}

GOptionContext *
_eligo_cli_command_context (const char *name)
{
  const Command *command = NULL;
  g_autofree char *parameter = NULL;
  GOptionContext *context;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      command = &commands[i];
  g_assert (command != NULL);

  parameter = g_strdup_printf ("%s %s", command->name,
                               command->parameters[0] ? _(command->parameters) : "");
  context = g_option_context_new (parameter);

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

gboolean
_eligo_cli_parse_options (GOptionContext  *context,
                       int             *argc,
                       char          ***argv,
                       int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = _eligo_cli_usage_error (NULL, error->message);
      return FALSE;
    }

  return TRUE;
}

EligoDatabase *
_eligo_cli_open_database (const char *path,
               int        *status)
{
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = eligo_database_default_path ();

  /* The CLI re-derives criteria of an older extractor before its command. */
  database = eligo_database_open (path, &error);
  if (database == NULL || !eligo_database_seed_if_new (database, &error) ||
      !eligo_database_rederive_criteria (database, NULL, NULL, NULL, &error))
    {
      _eligo_cli_print_error (error->message);
      *status = EXIT_USER_ERROR;
      return NULL;
    }

  return g_steal_pointer (&database);
}

gboolean
_eligo_cli_parse_format (const char   *text,
              gboolean      allow_table,
              OutputFormat *format)
{
  if (text == NULL)
    return TRUE;

  if (allow_table && strcmp (text, "tsv") == 0)
    *format = FORMAT_TSV;
  else if (allow_table && strcmp (text, "csv") == 0)
    *format = FORMAT_CSV;
  else if (strcmp (text, "json") == 0)
    *format = FORMAT_JSON;
  else if (!allow_table && strcmp (text, "text") == 0)
    *format = FORMAT_TEXT;
  else
    return FALSE;

  return TRUE;
}

/* import */

static void
on_import_failed (GFile        *file,
                  const GError *error,
                  gpointer      user_data)
{
  _eligo_cli_print_error (error->message);
}

static int
cmd_import (const char  *database_path,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("import");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GPtrArray) files = NULL;
  EligoImportStats stats = { 0 };
  guint n_failed = 0;
  int status = EXIT_OK;

  g_option_context_set_description (context,
                                    _("Each file is imported in one transaction: if anything in "
                                      "it is wrong, nothing from it is stored. A folder imports "
                                      "every .json file in it."));
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return _eligo_cli_usage_error (context, _("import needs at least one file"));

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;

      if (!eligo_import_expand (file, files, NULL, &error))
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }
    }

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  /* Files are read and ruled on a worker thread while the previous ones are written. */
  n_failed = eligo_database_import_files (database, files, &stats, on_import_failed, NULL, NULL);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: the three last numbers count trials */
                        "%u file read; trials: %u added, %u updated, %u unchanged",
                        "%u files read; trials: %u added, %u updated, %u unchanged",
                        files->len),
           files->len, stats.added, stats.updated, stats.unchanged);
  if (n_failed > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "; %u file rejected", "; %u files rejected", n_failed),
             n_failed);
  g_print ("\n");

  return n_failed > 0 ? EXIT_USER_ERROR : EXIT_OK;
}

/* list */

static const char * const list_keys[] = {
  "nct_id", "title", "status", "phase", "enrollment", "start_date", "completion_date",
  "last_update", "sponsor", "min_age_years", "max_age_years", "sex", "conditions",
};

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_alloc ();

  if (text == NULL)
    return json_node_init_null (node);

  return json_node_init_string (node, text);
}

static JsonNode *
number_node (double value)
{
  if (value < 0)
    return json_node_init_null (json_node_alloc ());

  return eligo_json_number_node (value);
}

static JsonObject *
trial_row_object (EligoTrial *trial)
{
  JsonObject *row = json_object_new ();

  json_object_set_member (row, "nct_id", string_node (eligo_trial_get_nct_id (trial)));
  json_object_set_member (row, "title", string_node (eligo_trial_get_brief_title (trial)));
  json_object_set_member (row, "status", string_node (eligo_trial_get_overall_status (trial)));
  json_object_set_member (row, "phase", string_node (eligo_trial_get_phases (trial)));
  json_object_set_member (row, "enrollment", number_node (eligo_trial_get_enrollment (trial)));
  json_object_set_member (row, "start_date", string_node (eligo_trial_get_start_date (trial)));
  json_object_set_member (row, "completion_date",
                          string_node (eligo_trial_get_completion_date (trial)));
  json_object_set_member (row, "last_update", string_node (eligo_trial_get_last_update (trial)));
  json_object_set_member (row, "sponsor", string_node (eligo_trial_get_lead_sponsor (trial)));
  json_object_set_member (row, "min_age_years",
                          number_node (eligo_trial_get_effective_min_age_years (trial)));
  json_object_set_member (row, "max_age_years",
                          number_node (eligo_trial_get_effective_max_age_years (trial)));
  json_object_set_member (row, "age_source", string_node (eligo_trial_get_age_source (trial)));
  json_object_set_member (row, "sex", string_node (eligo_trial_get_sex (trial)));
  json_object_set_member (row, "conditions", string_node (eligo_trial_get_conditions (trial)));

  return row;
}

static char *
node_to_cell (JsonNode *node)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4g", json_node_get_double (node)));
}

static void
print_tsv_cell (GString    *line,
                const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
print_csv_cell (GString    *line,
                const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static int
cmd_list (const char  *database_path,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("list");
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *search = NULL;
  g_autofree char *format_text = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  OutputFormat format = FORMAT_TSV;
  int limit = G_MININT;
  int status = EXIT_OK;
  guint n;
  const GOptionEntry entries[] = {
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort,
      N_("Sort by FIELD (nct_id, title, status, phase, enrollment, start_date, completion_date, "
         "last_update, sponsor, min_age_years, max_age_years, sex, conditions); add :desc for "
         "descending order"), N_("FIELD[:desc]") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only trials whose titles, conditions, interventions, keywords, sponsor or criteria "
         "contain every word of TEXT"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Print at most N trials"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: tsv, csv or json"),
      N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc > 1)
    return _eligo_cli_usage_error (context, _("list takes no arguments"));

  if (!_eligo_cli_parse_format (format_text, TRUE, &format))
    return _eligo_cli_usage_error (context, _("--format must be tsv, csv or json"));

  if (limit != G_MININT && limit < 0)
    return _eligo_cli_usage_error (context, _("--limit must be zero or a positive number"));

  if (sort != NULL)
    {
      char *colon = strchr (sort, ':');

      if (colon != NULL)
        {
          *colon = '\0';
          if (strcmp (colon + 1, "desc") == 0)
            query->descending = TRUE;
          else if (strcmp (colon + 1, "asc") == 0)
            query->descending = FALSE;
          else
            return _eligo_cli_usage_error (context, _("--sort takes FIELD, FIELD:asc or FIELD:desc"));
        }
      else
        query->descending = FALSE;

      if (!eligo_sort_field_from_string (sort, &query->sort))
        {
          g_autofree char *message = g_strdup_printf (_("unknown sort field “%s”"), sort);

          return _eligo_cli_usage_error (context, message);
        }
    }

  query->search = g_steal_pointer (&search);

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  ids = eligo_database_query_ids (database, query, &error);
  if (ids == NULL)
    {
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  n = ids->len;
  if (limit != G_MININT && (guint) limit < n)
    n = (guint) limit;

  if (format != FORMAT_JSON)
    {
      for (guint k = 0; k < G_N_ELEMENTS (list_keys); k++)
        {
          if (k > 0)
            g_string_append_c (out, format == FORMAT_CSV ? ',' : '\t');
          g_string_append (out, list_keys[k]);
        }
      g_string_append (out, format == FORMAT_CSV ? "\r\n" : "\n");
    }

  rows = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoTrial) trial = NULL;
      g_autoptr(JsonObject) row = NULL;

      trial = eligo_database_get_trial (database, g_array_index (ids, gint64, i), &error);
      if (trial == NULL)
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }

      row = trial_row_object (trial);
      if (format == FORMAT_JSON)
        {
          json_array_add_object_element (rows, g_steal_pointer (&row));
          continue;
        }

      for (guint k = 0; k < G_N_ELEMENTS (list_keys); k++)
        {
          g_autofree char *cell = node_to_cell (json_object_get_member (row, list_keys[k]));

          if (k > 0)
            g_string_append_c (out, format == FORMAT_CSV ? ',' : '\t');
          if (format == FORMAT_CSV)
            print_csv_cell (out, cell);
          else
            print_tsv_cell (out, cell);
        }
      g_string_append (out, format == FORMAT_CSV ? "\r\n" : "\n");
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), rows);
      g_autofree char *json = json_to_string (root, TRUE);

      g_string_append (out, json);
      g_string_append_c (out, '\n');
    }

  fwrite (out->str, 1, out->len, stdout);

  return EXIT_OK;
}

/* show */

/* Terminal columns taken by @text: CJK characters take two. */
guint
_eligo_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
text_field (GString    *out,
            const char *label,
            const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append (out, label);
  for (guint width = _eligo_cli_display_width (label); width < 22; width++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, " %s\n", value);
}

static void
text_section (GString    *out,
              const char *title,
              const char *body)
{
  if (body == NULL || *body == '\0')
    return;

  g_string_append_printf (out, "\n%s\n", title);
  for (guint i = _eligo_cli_display_width (title); i > 0; i--)
    g_string_append (out, "─");
  g_string_append_printf (out, "\n%s\n", body);
}

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
text_list (GString    *out,
           const char *title,
           JsonArray  *array,
           const char *first,
           const char *second,
           const char *third)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *a = object_string (object, first);
      const char *b = second != NULL ? object_string (object, second) : NULL;
      const char *c = third != NULL ? object_string (object, third) : NULL;

      g_string_append_printf (body, "• %s", a != NULL ? a : "—");
      if (b != NULL)
        g_string_append_printf (body, " (%s)", b);
      g_string_append_c (body, '\n');
      if (c != NULL)
        g_string_append_printf (body, "  %s\n", c);
    }

  if (body->len > 0)
    g_string_truncate (body, body->len - 1);

  text_section (out, title, body->str);
}

static void
show_text (EligoTrial *trial,
           GString    *out)
{
  g_autofree char *enrollment = NULL;
  g_autofree char *ages = NULL;
  g_autofree char *status = NULL;
  g_autofree char *phases = NULL;
  g_autofree char *study_type = NULL;
  g_autofree char *sex = NULL;
  EligoTristate healthy = eligo_trial_get_healthy_volunteers (trial);
  JsonArray *locations = eligo_trial_get_locations (trial);
  g_autoptr(GString) sites = g_string_new (NULL);

  g_string_append_printf (out, "%s  %s\n", eligo_trial_get_nct_id (trial),
                          eligo_trial_get_brief_title (trial) != NULL
                          ? eligo_trial_get_brief_title (trial) : "");
  g_string_append_printf (out, "https://clinicaltrials.gov/study/%s\n\n",
                          eligo_trial_get_nct_id (trial));

  if (eligo_trial_get_enrollment (trial) >= 0)
    enrollment = g_strdup_printf ("%d", eligo_trial_get_enrollment (trial));
  if (eligo_trial_get_effective_min_age_years (trial) >= 0
      || eligo_trial_get_effective_max_age_years (trial) >= 0)
    {
      g_autofree char *range = eligo_format_age_range (eligo_trial_get_effective_min_age_years (trial),
                                                       eligo_trial_get_effective_max_age_years (trial));

      if (g_strcmp0 (eligo_trial_get_age_source (trial), "criteria") == 0)
        /* Translators: ages the registry does not give, read from the
         * eligibility criteria, e.g. "1–39 (from criteria)" */
        ages = g_strdup_printf (_("%s (from criteria)"), range);
      else
        ages = g_steal_pointer (&range);
    }
  if (eligo_trial_get_overall_status (trial) != NULL)
    status = eligo_format_status (eligo_trial_get_overall_status (trial));
  if (eligo_trial_get_phases (trial) != NULL)
    phases = eligo_format_phases (eligo_trial_get_phases (trial));
  if (eligo_trial_get_study_type (trial) != NULL)
    study_type = eligo_format_study_type (eligo_trial_get_study_type (trial));
  if (eligo_trial_get_sex (trial) != NULL)
    sex = eligo_format_sex (eligo_trial_get_sex (trial));

  text_field (out, _("Official title:"), eligo_trial_get_official_title (trial));
  text_field (out, _("Acronym:"), eligo_trial_get_acronym (trial));
  text_field (out, _("Status:"), status);
  text_field (out, _("Phase:"), phases);
  text_field (out, _("Study type:"), study_type);
  text_field (out, _("Enrollment:"), enrollment);
  text_field (out, _("Start:"), eligo_trial_get_start_date (trial));
  text_field (out, _("Primary completion:"), eligo_trial_get_primary_completion_date (trial));
  text_field (out, _("Completion:"), eligo_trial_get_completion_date (trial));
  text_field (out, _("First posted:"), eligo_trial_get_first_posted (trial));
  text_field (out, _("Last update:"), eligo_trial_get_last_update (trial));
  text_field (out, _("Lead sponsor:"), eligo_trial_get_lead_sponsor (trial));
  text_field (out, _("Collaborators:"), eligo_trial_get_collaborators (trial));
  text_field (out, _("Ages:"), ages);
  text_field (out, _("Sex:"), sex);
  text_field (out, _("Healthy volunteers:"),
              healthy == ELIGO_TRISTATE_UNKNOWN ? NULL
              : healthy == ELIGO_TRISTATE_YES ? _("Yes") : _("No"));
  text_field (out, _("Conditions:"), eligo_trial_get_conditions (trial));
  text_field (out, _("Keywords:"), eligo_trial_get_keywords (trial));
  text_field (out, _("Countries:"), eligo_trial_get_countries (trial));
  text_field (out, _("Organization’s ID:"), eligo_trial_get_org_study_id (trial));

  text_section (out, _("Brief summary"), eligo_trial_get_brief_summary (trial));
  text_section (out, _("Detailed description"), eligo_trial_get_detailed_description (trial));
  text_list (out, _("Arms"), eligo_trial_get_arm_groups (trial), "label", "type", "description");
  text_list (out, _("Interventions"), eligo_trial_get_interventions (trial), "name", "type",
             "description");
  text_list (out, _("Primary outcomes"), eligo_trial_get_primary_outcomes (trial), "measure",
             "timeFrame", "description");
  text_list (out, _("Secondary outcomes"), eligo_trial_get_secondary_outcomes (trial), "measure",
             "timeFrame", "description");
  text_section (out, _("Eligibility criteria"), eligo_trial_get_eligibility_criteria (trial));

  for (guint i = 0; locations != NULL && i < json_array_get_length (locations); i++)
    {
      JsonObject *location = json_array_get_object_element (locations, i);
      const char *parts[] = {
        object_string (location, "city"),
        object_string (location, "state"),
        object_string (location, "country"),
      };
      const char *facility = object_string (location, "facility");
      gboolean first = TRUE;

      g_string_append_printf (sites, "• %s", facility != NULL ? facility : "—");
      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          if (parts[k] == NULL)
            continue;
          g_string_append (sites, first ? " — " : ", ");
          g_string_append (sites, parts[k]);
          first = FALSE;
        }
      g_string_append_c (sites, '\n');
    }
  if (sites->len > 0)
    g_string_truncate (sites, sites->len - 1);
  text_section (out, _("Locations"), sites->str);
}

static int
cmd_show (const char  *database_path,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("show");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *format_text = NULL;
  g_autofree char *nct_id = NULL;
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
    return _eligo_cli_usage_error (context, _("show needs exactly one NCT number"));

  if (!_eligo_cli_parse_format (format_text, FALSE, &format))
    return _eligo_cli_usage_error (context, _("--format must be text or json"));

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  nct_id = g_ascii_strup (argv[1], -1);
  trial = eligo_database_get_trial_by_nct_id (database, nct_id, &error);
  if (trial == NULL)
    {
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonObject) object = trial_row_object (trial);
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;
      JsonObject *study = eligo_trial_get_study (trial);

      json_object_set_member (object, "official_title",
                              string_node (eligo_trial_get_official_title (trial)));
      json_object_set_member (object, "study_type",
                              string_node (eligo_trial_get_study_type (trial)));
      json_object_set_member (object, "primary_completion_date",
                              string_node (eligo_trial_get_primary_completion_date (trial)));
      json_object_set_member (object, "eligibility_criteria",
                              string_node (eligo_trial_get_eligibility_criteria (trial)));
      if (study != NULL)
        json_object_set_object_member (object, "study", json_object_ref (study));

      root = json_node_init_object (json_node_alloc (), object);
      json = json_to_string (root, TRUE);
      g_string_append_printf (out, "%s\n", json);
    }
  else
    {
      show_text (trial, out);
    }

  fwrite (out->str, 1, out->len, stdout);

  return EXIT_OK;
}

/* main */

static void
print_main_help (FILE *stream)
{
  fprintf (stream, "%s\n  eligo-cli [--database %s] %s\n\n%s\n",
           _("Usage:"), _("PATH"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n  --database %-8s %s\n  --version           %s\n  --help              %s\n\n%s\n",
           _("Options:"), _("PATH"),
           _("Use the library at PATH (default: $ELIGO_DATABASE, else "
             "$XDG_DATA_HOME/eligo/eligo.db)"),
           _("Print the version and exit"),
           _("Show this help; “eligo-cli COMMAND --help” shows a command’s options"),
           _("Exit status: 0 on success, 1 on a user error such as a bad file or an unknown "
             "trial, 2 on bad usage."));
}

int
main (int    argc,
      char **argv)
{
  const char *database_path = NULL;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("eligo-cli");

  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--database") == 0)
        {
          if (++i >= argc)
            {
              _eligo_cli_print_error (_("--database needs a PATH"));
              return EXIT_USAGE;
            }
          database_path = argv[i];
        }
      else if (g_str_has_prefix (argv[i], "--database="))
        database_path = argv[i] + strlen ("--database=");
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_main_help (stdout);
          return EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("eligo-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (argv[i][0] == '-')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), argv[i]);

          _eligo_cli_print_error (message);
          print_main_help (stderr);
          return EXIT_USAGE;
        }
      else
        break;
    }

  if (database_path != NULL && *database_path == '\0')
    {
      _eligo_cli_print_error (_("--database needs a PATH"));
      return EXIT_USAGE;
    }

  if (i >= argc)
    {
      print_main_help (stderr);
      return EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (strcmp (argv[i], commands[c].name) == 0)
        return commands[c].run (database_path, argc - i, argv + i);
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[i]);

    _eligo_cli_print_error (message);
    print_main_help (stderr);
    return EXIT_USAGE;
  }
}
