/* eligo-cli-registry.c
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
 * fetch and refresh: trials from the registry (ELIGO_REGISTRY_URL, else
 * ClinicalTrials.gov), each imported as a file would be.
 */

#define G_LOG_DOMAIN "eligo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-registry-client.h"
#include "eligo-registry-import.h"

#include "eligo-cli-private.h"

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Wait *wait = data;

  wait->ok = eligo_registry_import_finish (ELIGO_REGISTRY_IMPORT (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* Prints why each failed study failed, one line each on stderr. */
static guint
print_failures (EligoRegistryImport *job)
{
  GPtrArray *outcomes = eligo_registry_import_get_outcomes (job);
  guint n_failed = 0;

  for (guint i = 0; i < outcomes->len; i++)
    {
      EligoRegistryOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->kind == ELIGO_REGISTRY_OUTCOME_FAILED)
        {
          _eligo_cli_print_error (outcome->message);
          n_failed++;
        }
    }

  return n_failed;
}

static void
print_counts (EligoRegistryImport *job)
{
  g_autofree char *summary = eligo_registry_import_dup_summary (job);
  char *newline = strchr (summary, '\n');

  if (newline != NULL)
    *newline = '\0';
  g_print ("%s\n", summary);
}

static gboolean
run_fetch (EligoRegistryImport        *job,
           const char * const         *nct_ids,
           const EligoRegistrySearch  *search,
           guint                       limit,
           GError                    **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, FALSE, NULL };

  if (nct_ids != NULL)
    eligo_registry_import_fetch_async (job, nct_ids, NULL, on_import_done_cb, &wait);
  else
    eligo_registry_import_search_async (job, search, limit, NULL, on_import_done_cb, &wait);

  g_main_loop_run (loop);
  if (!wait.ok)
    g_propagate_error (error, wait.error);

  return wait.ok;
}

/* Statuses as the registry spells them; "recruiting" is accepted too. */
static char **
parse_statuses (char    **options,
                GString  *bad)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (options[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autofree char *status = g_ascii_strup (g_strstrip (parts[j]), -1);

          if (*status == '\0')
            continue;
          if (!eligo_registry_status_is_valid (status))
            g_string_append_printf (bad, "%s%s", bad->len > 0 ? ", " : "", parts[j]);
          else
            g_strv_builder_add (builder, status);
        }
    }

  return g_strv_builder_end (builder);
}

int
_eligo_cli_fetch (const char  *database_path,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("fetch");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoRegistryClient) client = NULL;
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GPtrArray) nct_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) bad = g_string_new (NULL);
  g_autofree char *search_text = NULL;
  g_auto(GStrv) status_options = NULL;
  g_auto(GStrv) statuses = NULL;
  EligoRegistrySearch search = { 0 };
  int limit = 100;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search_text,
      N_("Search the registry for TEXT instead of fetching NCT numbers"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &status_options,
      N_("Only trials with this overall status, e.g. RECRUITING (a list with commas)"),
      N_("STATUS[,STATUS]") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Import at most N trials of the search (default 100)"), N_("N") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Only NCT numbers and search words are sent to the "
                                      "registry ($ELIGO_REGISTRY_URL, else ClinicalTrials.gov). "
                                      "Each study is imported in its own transaction: a study "
                                      "that fails changes nothing, the others are still "
                                      "imported."));
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (search_text != NULL)
    {
      if (argc > 1)
        return _eligo_cli_usage_error (context, _("fetch --search takes no NCT numbers"));
      if (*g_strstrip (search_text) == '\0')
        return _eligo_cli_usage_error (context, _("--search needs words to search for"));
      if (limit <= 0)
        return _eligo_cli_usage_error (context, _("--limit must be a positive number"));

      statuses = parse_statuses (status_options, bad);
      if (bad->len > 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown status “%s”; statuses are spelt as the registry "
                               "does, e.g. RECRUITING or NOT_YET_RECRUITING"), bad->str);

          return _eligo_cli_usage_error (context, message);
        }
    }
  else
    {
      if (status_options != NULL)
        return _eligo_cli_usage_error (context, _("--status needs --search"));
      if (argc < 2)
        return _eligo_cli_usage_error (context,
                                       _("fetch needs NCT numbers or --search TEXT"));

      /* Every number is checked before anything is sent. */
      nct_ids = g_ptr_array_new_with_free_func (g_free);
      for (int i = 1; i < argc; i++)
        {
          g_autoptr(GError) id_error = NULL;
          char *nct_id = NULL;

          if (!eligo_registry_parse_nct_id (argv[i], &nct_id, &id_error))
            {
              _eligo_cli_print_error (id_error->message);
              status = EXIT_USER_ERROR;
              continue;
            }
          g_ptr_array_add (nct_ids, nct_id);
        }
      if (status != EXIT_OK)
        return status;
      g_ptr_array_add (nct_ids, NULL);
    }

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  client = eligo_registry_client_new (NULL);
  job = eligo_registry_import_new (client, database);
  search.term = search_text;
  search.statuses = statuses;

  if (!run_fetch (job, nct_ids != NULL ? (const char * const *) nct_ids->pdata : NULL,
                  &search, (guint) limit, &error))
    {
      print_failures (job);
      if (eligo_registry_import_get_outcomes (job)->len > 0)
        print_counts (job);
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  status = print_failures (job) > 0 ? EXIT_USER_ERROR : EXIT_OK;
  print_counts (job);

  return status;
}

/* refresh */

static GPtrArray *
library_nct_ids (EligoDatabase  *database,
                 GError        **error)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GPtrArray) nct_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = NULL;

  query->include_archived = TRUE;
  ids = eligo_database_query_ids (database, query, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial =
        eligo_database_get_trial (database, g_array_index (ids, gint64, i), error);

      if (trial == NULL)
        return NULL;
      g_ptr_array_add (nct_ids, g_strdup (eligo_trial_get_nct_id (trial)));
    }

  return g_steal_pointer (&nct_ids);
}

/* How the criteria of a trial the refresh changed differ from those it
 * replaced (DESIGN.md allows more keys in refresh's objects); FALSE when
 * its eligibility did not change in this refresh. */
static gboolean
criteria_changes (EligoDatabase           *database,
                  EligoRegistryOutcome    *outcome,
                  EligoCriteriaDiffCounts *counts)
{
  g_autoptr(EligoTrial) trial = NULL;

  if (!g_strv_contains ((const char * const *) outcome->changed, "eligibility"))
    return FALSE;

  trial = eligo_database_get_trial_by_nct_id (database, outcome->nct_id, NULL);

  return trial != NULL && eligo_database_count_criteria_changes (database, trial, counts, NULL);
}

static void
print_changes (EligoRegistryImport *job,
               EligoDatabase       *database,
               OutputFormat         format)
{
  GPtrArray *outcomes = eligo_registry_import_get_outcomes (job);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_changed = 0;

  json_builder_begin_array (builder);
  for (guint i = 0; i < outcomes->len; i++)
    {
      EligoRegistryOutcome *outcome = g_ptr_array_index (outcomes, i);
      EligoCriteriaDiffCounts counts = { 0 };
      gboolean has_counts;

      if (outcome->kind != ELIGO_REGISTRY_OUTCOME_UPDATED || outcome->changed == NULL ||
          outcome->changed[0] == NULL)
        continue;

      n_changed++;
      has_counts = criteria_changes (database, outcome, &counts);
      if (format == FORMAT_TEXT)
        {
          g_autofree char *sections = g_strjoinv (", ", outcome->changed);

          /* Translators: an NCT number and the sections of its record that changed */
          g_print (_("%s changed: %s\n"), outcome->nct_id, sections);
          if (has_counts)
            /* Translators: how the criteria of a refreshed trial changed */
            g_print (_("  criteria: %u added, %u removed, %u reworded, %u unchanged\n"),
                     counts.added, counts.removed, counts.reworded, counts.unchanged);
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "nct_id");
      json_builder_add_string_value (builder, outcome->nct_id);
      json_builder_set_member_name (builder, "changed");
      json_builder_begin_array (builder);
      for (guint j = 0; outcome->changed[j] != NULL; j++)
        json_builder_add_string_value (builder, outcome->changed[j]);
      json_builder_end_array (builder);
      if (has_counts)
        {
          json_builder_set_member_name (builder, "criteria");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "added");
          json_builder_add_int_value (builder, counts.added);
          json_builder_set_member_name (builder, "removed");
          json_builder_add_int_value (builder, counts.removed);
          json_builder_set_member_name (builder, "reworded");
          json_builder_add_int_value (builder, counts.reworded);
          json_builder_set_member_name (builder, "unchanged");
          json_builder_add_int_value (builder, counts.unchanged);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      _eligo_cli_print_json (root);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u trial checked, %u changed\n",
                            "%u trials checked, %u changed\n", outcomes->len),
               outcomes->len, n_changed);
    }
}

int
_eligo_cli_refresh (const char  *database_path,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GOptionContext) context = _eligo_cli_command_context ("refresh");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoRegistryClient) client = NULL;
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GPtrArray) nct_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  OutputFormat format = FORMAT_TEXT;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"),
      N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Fetches the given trials, or every trial in the library, "
                                      "again from the registry and lists those whose record "
                                      "changed, with the sections that changed."));
  if (!_eligo_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (!_eligo_cli_parse_format (format_text, FALSE, &format))
    return _eligo_cli_usage_error (context, _("--format must be text or json"));

  nct_ids = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) id_error = NULL;
      char *nct_id = NULL;

      if (!eligo_registry_parse_nct_id (argv[i], &nct_id, &id_error))
        {
          _eligo_cli_print_error (id_error->message);
          status = EXIT_USER_ERROR;
          continue;
        }
      g_ptr_array_add (nct_ids, nct_id);
    }
  if (status != EXIT_OK)
    return status;

  database = _eligo_cli_open_database (database_path, &status);
  if (database == NULL)
    return status;

  if (nct_ids->len == 0)
    {
      g_clear_pointer (&nct_ids, g_ptr_array_unref);
      nct_ids = library_nct_ids (database, &error);
      if (nct_ids == NULL)
        {
          _eligo_cli_print_error (error->message);
          return EXIT_USER_ERROR;
        }
    }
  else
    {
      /* Refresh is for trials in the library; fetch adds new ones. */
      for (guint i = 0; i < nct_ids->len; i++)
        {
          g_autoptr(EligoTrial) trial = NULL;
          g_autoptr(GError) find_error = NULL;

          trial = eligo_database_get_trial_by_nct_id (database, g_ptr_array_index (nct_ids, i),
                                                      &find_error);
          if (trial == NULL)
            {
              _eligo_cli_print_error (find_error->message);
              status = EXIT_USER_ERROR;
            }
        }
      if (status != EXIT_OK)
        return status;
    }
  g_ptr_array_add (nct_ids, NULL);

  client = eligo_registry_client_new (NULL);
  job = eligo_registry_import_new (client, database);
  if (!run_fetch (job, (const char * const *) nct_ids->pdata, NULL, 0, &error))
    {
      print_failures (job);
      _eligo_cli_print_error (error->message);
      return EXIT_USER_ERROR;
    }

  status = print_failures (job) > 0 ? EXIT_USER_ERROR : EXIT_OK;
  print_changes (job, database, format);

  return status;
}
