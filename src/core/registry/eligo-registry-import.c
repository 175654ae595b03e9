/* eligo-registry-import.c
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

#define G_LOG_DOMAIN "eligo-registry"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "eligo-import.h"
#include "eligo-registry-import.h"

struct _EligoRegistryImport
{
  GObject              parent_instance;

  EligoRegistryClient *client;
  EligoDatabase       *database;
  GPtrArray           *outcomes;     /* EligoRegistryOutcome */
  guint                n_total;
  guint                n_done;
  gboolean             running;

  /* fetch */
  GPtrArray           *nct_ids;
  /* search */
  EligoRegistrySearch  search;
  guint                limit;
  guint                n_pages;
};

G_DEFINE_FINAL_TYPE (EligoRegistryImport, eligo_registry_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_TOTAL,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fetch_next (GTask *task);

static void
outcome_free (gpointer data)
{
  EligoRegistryOutcome *outcome = data;

  g_free (outcome->nct_id);
  g_free (outcome->message);
  g_strfreev (outcome->changed);
  g_free (outcome);
}

static void
add_outcome (EligoRegistryImport      *self,
             const char               *nct_id,
             EligoRegistryOutcomeKind  kind,
             const char               *message,
             char                    **changed)
{
  EligoRegistryOutcome *outcome = g_new0 (EligoRegistryOutcome, 1);

  outcome->nct_id = g_strdup (nct_id);
  outcome->kind = kind;
  outcome->message = g_strdup (message);
  outcome->changed = changed;
  g_ptr_array_add (self->outcomes, outcome);

  self->n_done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
set_n_total (EligoRegistryImport *self,
             guint                n_total)
{
  if (self->n_total == n_total)
    return;

  self->n_total = n_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

static gboolean
same_array (JsonArray *a,
            JsonArray *b)
{
  g_autoptr(JsonNode) node_a = NULL;
  g_autoptr(JsonNode) node_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  node_a = json_node_init_array (json_node_alloc (), a);
  node_b = json_node_init_array (json_node_alloc (), b);

  return json_node_equal (node_a, node_b);
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/**
 * eligo_registry_changed_sections:
 *
 * Which sections of a record differ between the stored version and the
 * registry's: "eligibility", "status", "title", "dates", "enrollment",
 * "phase", "sponsor", "conditions", "interventions", "outcomes",
 * "locations", "description"; "other" when only something else changed.
 *
 * Returns: (transfer full): the sections, empty when the record is the same
 */
char **
eligo_registry_changed_sections (EligoTrial *before,
                                 EligoTrial *after)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  g_return_val_if_fail (ELIGO_IS_TRIAL (before), NULL);
  g_return_val_if_fail (ELIGO_IS_TRIAL (after), NULL);

#define ADD_IF(cond, name) \
  G_STMT_START { if (cond) { g_strv_builder_add (builder, name); any = TRUE; } } G_STMT_END
#define DIFF(getter) (g_strcmp0 (getter (before), getter (after)) != 0)

  ADD_IF (DIFF (eligo_trial_get_eligibility_criteria) ||
          DIFF (eligo_trial_get_minimum_age_text) ||
          DIFF (eligo_trial_get_maximum_age_text) ||
          !same_number (eligo_trial_get_min_age_years (before),
                        eligo_trial_get_min_age_years (after)) ||
          !same_number (eligo_trial_get_max_age_years (before),
                        eligo_trial_get_max_age_years (after)) ||
          DIFF (eligo_trial_get_sex) ||
          eligo_trial_get_healthy_volunteers (before) != eligo_trial_get_healthy_volunteers (after),
          "eligibility");
  ADD_IF (DIFF (eligo_trial_get_overall_status), "status");
  ADD_IF (DIFF (eligo_trial_get_brief_title) || DIFF (eligo_trial_get_official_title) ||
          DIFF (eligo_trial_get_acronym), "title");
  ADD_IF (DIFF (eligo_trial_get_start_date) || DIFF (eligo_trial_get_primary_completion_date) ||
          DIFF (eligo_trial_get_completion_date), "dates");
  ADD_IF (eligo_trial_get_enrollment (before) != eligo_trial_get_enrollment (after),
          "enrollment");
  ADD_IF (DIFF (eligo_trial_get_phases) || DIFF (eligo_trial_get_study_type), "phase");
  ADD_IF (DIFF (eligo_trial_get_lead_sponsor) || DIFF (eligo_trial_get_collaborators),
          "sponsor");
  ADD_IF (DIFF (eligo_trial_get_conditions) || DIFF (eligo_trial_get_keywords), "conditions");
  ADD_IF (DIFF (eligo_trial_get_interventions_text) ||
          !same_array (eligo_trial_get_interventions (before),
                       eligo_trial_get_interventions (after)) ||
          !same_array (eligo_trial_get_arm_groups (before), eligo_trial_get_arm_groups (after)),
          "interventions");
  ADD_IF (!same_array (eligo_trial_get_primary_outcomes (before),
                       eligo_trial_get_primary_outcomes (after)) ||
          !same_array (eligo_trial_get_secondary_outcomes (before),
                       eligo_trial_get_secondary_outcomes (after)),
          "outcomes");
  ADD_IF (DIFF (eligo_trial_get_countries) ||
          !same_array (eligo_trial_get_locations (before), eligo_trial_get_locations (after)) ||
          !same_array (eligo_trial_get_central_contacts (before),
                       eligo_trial_get_central_contacts (after)),
          "locations");
  ADD_IF (DIFF (eligo_trial_get_brief_summary) || DIFF (eligo_trial_get_detailed_description),
          "description");

  if (!any)
    {
      g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (),
                                                     eligo_trial_get_study (before));
      g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (),
                                                     eligo_trial_get_study (after));

      if (!json_node_equal (a, b))
        g_strv_builder_add (builder, "other");
    }

#undef DIFF
#undef ADD_IF

  return g_strv_builder_end (builder);
}

/* The study's NCT number as the JSON says, before any check; NULL if none. */
static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
peek_nct_id (JsonNode *study)
{
  JsonObject *object;
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (study))
    return NULL;

  object = object_member (json_node_get_object (study), "protocolSection");
  object = object_member (object, "identificationModule");
  node = object != NULL ? json_object_get_member (object, "nctId") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/*
 * One study, through the same path as a file: eligo_import_parse_bytes()
 * and eligo_database_import_trials() (one transaction).
 */
static void
import_study (EligoRegistryImport *self,
              const char          *requested,
              const char          *label,
              GBytes              *bytes)
{
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(EligoTrial) before = NULL;
  g_autoptr(GError) error = NULL;
  EligoImportStats stats = { 0 };
  EligoTrial *trial;
  const char *nct_id;

  trials = eligo_import_parse_bytes (bytes, label, &error);
  if (trials == NULL)
    {
      add_outcome (self, requested, ELIGO_REGISTRY_OUTCOME_FAILED, error->message, NULL);
      return;
    }

  if (trials->len != 1)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: the registry sent %u studies instead of one; nothing was "
                           "imported"), label, trials->len);

      add_outcome (self, requested, ELIGO_REGISTRY_OUTCOME_FAILED, message, NULL);
      return;
    }

  trial = g_ptr_array_index (trials, 0);
  nct_id = eligo_trial_get_nct_id (trial);
  if (requested != NULL && g_strcmp0 (nct_id, requested) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: the registry answered with study %s; nothing was imported"),
                         requested, nct_id);

      add_outcome (self, requested, ELIGO_REGISTRY_OUTCOME_FAILED, message, NULL);
      return;
    }

  before = eligo_database_get_trial_by_nct_id (self->database, nct_id, NULL);

  if (!eligo_database_import_trials (self->database, trials, &stats, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", nct_id, error->message);

      add_outcome (self, nct_id, ELIGO_REGISTRY_OUTCOME_FAILED, message, NULL);
      return;
    }

  if (stats.added > 0)
    add_outcome (self, nct_id, ELIGO_REGISTRY_OUTCOME_ADDED, NULL, NULL);
  else if (stats.updated > 0 && before != NULL)
    add_outcome (self, nct_id, ELIGO_REGISTRY_OUTCOME_UPDATED, NULL,
                 eligo_registry_changed_sections (before, trial));
  else
    add_outcome (self, nct_id, ELIGO_REGISTRY_OUTCOME_UNCHANGED, NULL, NULL);
}

static void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  EligoRegistryImport *self = g_task_get_source_object (task);
  const char *nct_id = g_ptr_array_index (self->nct_ids, self->n_done);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = eligo_registry_client_fetch_finish (ELIGO_REGISTRY_CLIENT (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->running = FALSE;
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      add_outcome (self, nct_id, ELIGO_REGISTRY_OUTCOME_FAILED, error->message, NULL);
    }
  else
    {
      import_study (self, nct_id, nct_id, bytes);
    }

  fetch_next (g_steal_pointer (&task));
}

static void
fetch_next (GTask *task)
{
  EligoRegistryImport *self = g_task_get_source_object (task);

  if (self->n_done >= self->nct_ids->len)
    {
      self->running = FALSE;
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      self->running = FALSE;
      g_object_unref (task);
      return;
    }

  eligo_registry_client_fetch_async (self->client, g_ptr_array_index (self->nct_ids, self->n_done),
                                     g_task_get_cancellable (task), on_fetched_cb, task);
}

static void search_next_page (GTask      *task,
                              const char *page_token);

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  EligoRegistryImport *self = g_task_get_source_object (task);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *next_page_token = NULL;
  JsonArray *studies;
  gsize len;
  const char *data_text;
  guint n;

  page = eligo_registry_client_search_page_finish (ELIGO_REGISTRY_CLIENT (source), result,
                                                   &next_page_token, &error);
  if (page == NULL)
    {
      self->running = FALSE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The client checked that this parses and holds a "studies" array. */
  data_text = g_bytes_get_data (page, &len);
  if (!json_parser_load_from_data (parser, data_text, (gssize) len, &error))
    g_assert_not_reached ();
  studies = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "studies");
  n = json_array_get_length (studies);
  self->n_pages++;

  for (guint i = 0; i < n && self->n_done < self->limit; i++)
    {
      JsonNode *study = json_array_get_element (studies, i);
      g_autofree char *text = json_to_string (study, FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
      const char *nct_id = peek_nct_id (study);
      g_autofree char *label = NULL;

      g_steal_pointer (&text);
      if (nct_id != NULL)
        label = g_strdup (nct_id);
      else
        /* Translators: a study without an NCT number in a search's results */
        label = g_strdup_printf (_("study %u of page %u of the search"), i + 1, self->n_pages);

      set_n_total (self, MAX (self->n_total, self->n_done + 1));
      import_study (self, NULL, label, bytes);
      if (self->outcomes->len > 0)
        {
          EligoRegistryOutcome *last = g_ptr_array_index (self->outcomes, self->outcomes->len - 1);

          if (last->nct_id == NULL)
            last->nct_id = g_strdup (label);
        }
    }

  if (n == 0 || next_page_token == NULL || self->n_done >= self->limit)
    {
      self->running = FALSE;
      g_task_return_boolean (task, TRUE);
      return;
    }

  search_next_page (g_steal_pointer (&task), next_page_token);
}

static void
search_next_page (GTask      *task,
                  const char *page_token)
{
  EligoRegistryImport *self = g_task_get_source_object (task);

  if (g_task_return_error_if_cancelled (task))
    {
      self->running = FALSE;
      g_object_unref (task);
      return;
    }

  eligo_registry_client_search_page_async (self->client, &self->search, page_token,
                                           g_task_get_cancellable (task), on_page_cb, task);
}

static void
eligo_registry_import_finalize (GObject *object)
{
  EligoRegistryImport *self = (EligoRegistryImport *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->database);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);
  g_clear_pointer (&self->nct_ids, g_ptr_array_unref);
  g_free (self->search.term);
  g_free (self->search.condition);
  g_strfreev (self->search.statuses);

  G_OBJECT_CLASS (eligo_registry_import_parent_class)->finalize (object);
}

static void
eligo_registry_import_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EligoRegistryImport *self = ELIGO_REGISTRY_IMPORT (object);

  switch (prop_id)
    {
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_registry_import_class_init (EligoRegistryImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eligo_registry_import_finalize;
  object_class->get_property = eligo_registry_import_get_property;

  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_registry_import_init (EligoRegistryImport *self)
{
  self->outcomes = g_ptr_array_new_with_free_func (outcome_free);
}

EligoRegistryImport *
eligo_registry_import_new (EligoRegistryClient *client,
                           EligoDatabase       *database)
{
  EligoRegistryImport *self;

  g_return_val_if_fail (ELIGO_IS_REGISTRY_CLIENT (client), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  self = g_object_new (ELIGO_TYPE_REGISTRY_IMPORT, NULL);
  self->client = g_object_ref (client);
  self->database = g_object_ref (database);

  return self;
}

/**
 * eligo_registry_import_fetch_async:
 * @nct_ids: NCT numbers or registry addresses
 *
 * Checks every number first: if any is not an NCT number, nothing is sent
 * and the error names each bad one. Then fetches and imports them one by
 * one; a study that fails is listed in the outcomes and the others go on.
 */
void
eligo_registry_import_fetch_async (EligoRegistryImport *self,
                                   const char * const  *nct_ids,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) bad = g_string_new (NULL);
  guint n_bad = 0;

  g_return_if_fail (ELIGO_IS_REGISTRY_IMPORT (self));
  g_return_if_fail (nct_ids != NULL);
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eligo_registry_import_fetch_async);

  g_clear_pointer (&self->nct_ids, g_ptr_array_unref);
  self->nct_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; nct_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      char *nct_id = NULL;

      if (!eligo_registry_parse_nct_id (nct_ids[i], &nct_id, &error))
        {
          g_string_append_printf (bad, "%s%s", n_bad > 0 ? "; " : "", error->message);
          n_bad++;
          continue;
        }

      if (g_ptr_array_find_with_equal_func (self->nct_ids, nct_id, g_str_equal, NULL))
        g_free (nct_id);
      else
        g_ptr_array_add (self->nct_ids, nct_id);
    }

  if (n_bad > 0)
    {
      g_task_return_new_error (task, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_INVALID_ID,
                               "%s", bad->str);
      return;
    }

  self->running = TRUE;
  self->n_done = 0;
  g_ptr_array_set_size (self->outcomes, 0);
  set_n_total (self, self->nct_ids->len);
  fetch_next (g_steal_pointer (&task));
}

/**
 * eligo_registry_import_search_async:
 * @limit: import at most this many studies
 *
 * Searches the registry, following `nextPageToken` with the same
 * parameters, and imports each study found in its own transaction.
 */
void
eligo_registry_import_search_async (EligoRegistryImport       *self,
                                    const EligoRegistrySearch *search,
                                    guint                      limit,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ELIGO_IS_REGISTRY_IMPORT (self));
  g_return_if_fail (search != NULL);
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eligo_registry_import_search_async);

  g_free (self->search.term);
  g_free (self->search.condition);
  g_strfreev (self->search.statuses);
  self->search.term = g_strdup (search->term);
  self->search.condition = g_strdup (search->condition);
  self->search.statuses = g_strdupv (search->statuses);
  self->limit = limit > 0 ? limit : G_MAXUINT;
  self->search.page_size = search->page_size > 0
    ? search->page_size : MIN (self->limit, 100);
  self->n_pages = 0;
  self->n_done = 0;
  self->n_total = 0;
  g_ptr_array_set_size (self->outcomes, 0);
  self->running = TRUE;

  search_next_page (g_steal_pointer (&task), NULL);
}

/**
 * eligo_registry_import_finish:
 *
 * Returns: %FALSE if the whole batch stopped: cancelled, invalid numbers, or
 *   a search page that could not be had; what was imported before stays,
 *   and eligo_registry_import_get_outcomes() lists it
 */
gboolean
eligo_registry_import_finish (EligoRegistryImport  *self,
                              GAsyncResult         *result,
                              GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * eligo_registry_import_get_outcomes:
 *
 * Returns: (transfer none) (element-type EligoRegistryOutcome): one per study, in order
 */
GPtrArray *
eligo_registry_import_get_outcomes (EligoRegistryImport *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_IMPORT (self), NULL);

  return self->outcomes;
}

guint
eligo_registry_import_get_n_total (EligoRegistryImport *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_IMPORT (self), 0);

  return self->n_total;
}

guint
eligo_registry_import_get_n_done (EligoRegistryImport *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_IMPORT (self), 0);

  return self->n_done;
}

guint
eligo_registry_import_count (EligoRegistryImport      *self,
                             EligoRegistryOutcomeKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (ELIGO_IS_REGISTRY_IMPORT (self), 0);

  for (guint i = 0; i < self->outcomes->len; i++)
    {
      EligoRegistryOutcome *outcome = g_ptr_array_index (self->outcomes, i);

      if (outcome->kind == kind)
        n++;
    }

  return n;
}

/**
 * eligo_registry_import_dup_summary:
 *
 * Returns: one line of counts, then one line per failed study saying why
 */
char *
eligo_registry_import_dup_summary (EligoRegistryImport *self)
{
  GString *summary = g_string_new (NULL);
  guint n_failed;

  g_return_val_if_fail (ELIGO_IS_REGISTRY_IMPORT (self), NULL);

  n_failed = eligo_registry_import_count (self, ELIGO_REGISTRY_OUTCOME_FAILED);
  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the three last numbers count trials */
                                       "%u study from the registry; trials: %u added, "
                                       "%u updated, %u unchanged",
                                       "%u studies from the registry; trials: %u added, "
                                       "%u updated, %u unchanged",
                                       self->outcomes->len),
                          self->outcomes->len,
                          eligo_registry_import_count (self, ELIGO_REGISTRY_OUTCOME_ADDED),
                          eligo_registry_import_count (self, ELIGO_REGISTRY_OUTCOME_UPDATED),
                          eligo_registry_import_count (self, ELIGO_REGISTRY_OUTCOME_UNCHANGED));
  if (n_failed > 0)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE, "; %u failed", "; %u failed",
                                         n_failed),
                            n_failed);

  for (guint i = 0; i < self->outcomes->len; i++)
    {
      EligoRegistryOutcome *outcome = g_ptr_array_index (self->outcomes, i);

      if (outcome->kind == ELIGO_REGISTRY_OUTCOME_FAILED)
        g_string_append_printf (summary, "\n%s", outcome->message);
    }

  return g_string_free (summary, FALSE);
}
