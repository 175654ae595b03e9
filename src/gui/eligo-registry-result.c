/* eligo-registry-result.c
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

#define G_LOG_DOMAIN "eligo-registry-result"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-format.h"
#include "eligo-registry-result.h"
#include "eligo-trial.h"

struct _EligoRegistryResult
{
  GObject   parent_instance;

  char     *nct_id;
  char     *title;
  char     *status;
  char     *status_label;
  char     *phase_label;
  char     *ages_label;
  char     *sites_label;
  char     *problem;      /* why the study cannot be added, or NULL */
  int       n_sites;      /* -1 when the record lists no locations */
  gboolean  in_library;
  gboolean  selected;
};

G_DEFINE_FINAL_TYPE (EligoRegistryResult, eligo_registry_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IN_LIBRARY,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
member_string (JsonObject *object,
               const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (object == NULL)
        return NULL;
      node = json_object_get_member (object, names[i]);
      if (node == NULL)
        return NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
eligo_registry_result_finalize (GObject *object)
{
  EligoRegistryResult *self = (EligoRegistryResult *) object;

  g_free (self->nct_id);
  g_free (self->title);
  g_free (self->status);
  g_free (self->status_label);
  g_free (self->phase_label);
  g_free (self->ages_label);
  g_free (self->sites_label);
  g_free (self->problem);

  G_OBJECT_CLASS (eligo_registry_result_parent_class)->finalize (object);
}

static void
eligo_registry_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EligoRegistryResult *self = ELIGO_REGISTRY_RESULT (object);

  switch (prop_id)
    {
    case PROP_IN_LIBRARY:
      g_value_set_boolean (value, self->in_library);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_registry_result_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EligoRegistryResult *self = ELIGO_REGISTRY_RESULT (object);

  switch (prop_id)
    {
    case PROP_IN_LIBRARY:
      eligo_registry_result_set_in_library (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTED:
      eligo_registry_result_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_registry_result_class_init (EligoRegistryResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eligo_registry_result_finalize;
  object_class->get_property = eligo_registry_result_get_property;
  object_class->set_property = eligo_registry_result_set_property;

  properties[PROP_IN_LIBRARY] =
    g_param_spec_boolean ("in-library", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_registry_result_init (EligoRegistryResult *self)
{
  self->n_sites = -1;
}

/**
 * eligo_registry_result_new_from_study:
 * @study: one element of a search page's `studies`
 * @index: its place in the search, from 1, to name a study without an NCT number
 *
 * Reads the study with the importer's own reader (eligo_trial_new_from_study()),
 * so the ages and phases shown are the ones the library will store. A study
 * the importer would refuse is still listed, with the reason, and cannot be
 * ticked.
 */
EligoRegistryResult *
eligo_registry_result_new_from_study (JsonObject *study,
                                      guint       index)
{
  EligoRegistryResult *self;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (study != NULL, NULL);

  self = g_object_new (ELIGO_TYPE_REGISTRY_RESULT, NULL);
  trial = eligo_trial_new_from_study (study, NULL, &error);

  if (trial != NULL)
    {
      JsonArray *locations = eligo_trial_get_locations (trial);

      self->nct_id = g_strdup (eligo_trial_get_nct_id (trial));
      self->title = g_strdup (eligo_trial_get_brief_title (trial));
      if (self->title == NULL)
        self->title = g_strdup (eligo_trial_get_official_title (trial));
      self->status = g_strdup (eligo_trial_get_overall_status (trial));
      self->phase_label = eligo_format_phases (eligo_trial_get_phases (trial));
      self->ages_label = eligo_format_age_range (eligo_trial_get_min_age_years (trial),
                                                 eligo_trial_get_max_age_years (trial));
      if (locations != NULL)
        self->n_sites = (int) json_array_get_length (locations);
    }
  else
    {
      const char *nct_id =
        member_string (study, "protocolSection.identificationModule.nctId");

      self->nct_id = g_strdup (nct_id);
      self->title = g_strdup (member_string (study,
                                             "protocolSection.identificationModule.briefTitle"));
      self->status = g_strdup (member_string (study,
                                              "protocolSection.statusModule.overallStatus"));
      self->phase_label = g_strdup (ELIGO_FORMAT_ABSENT);
      self->ages_label = g_strdup (ELIGO_FORMAT_ABSENT);
      if (nct_id != NULL)
        /* Translators: an NCT number and why the study cannot be added */
        self->problem = g_strdup_printf (_("%s cannot be added: %s"), nct_id, error->message);
      else
        /* Translators: %u is the study's place in the search results */
        self->problem = g_strdup_printf (_("Result %u cannot be added: %s"), index,
                                         error->message);
    }

  if (self->title == NULL)
    self->title = g_strdup (ELIGO_FORMAT_ABSENT);
  self->status_label = eligo_format_status (self->status);
  self->sites_label = self->n_sites >= 0
    ? g_strdup_printf ("%d", self->n_sites) : g_strdup (ELIGO_FORMAT_ABSENT);

  return self;
}

const char *
eligo_registry_result_get_nct_id (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->nct_id;
}

const char *
eligo_registry_result_get_title (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->title;
}

const char *
eligo_registry_result_get_status (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->status;
}

const char *
eligo_registry_result_get_status_label (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->status_label;
}

const char *
eligo_registry_result_get_phase_label (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->phase_label;
}

const char *
eligo_registry_result_get_ages_label (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->ages_label;
}

int
eligo_registry_result_get_n_sites (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), -1);

  return self->n_sites;
}

const char *
eligo_registry_result_get_sites_label (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->sites_label;
}

const char *
eligo_registry_result_get_problem (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), NULL);

  return self->problem;
}

gboolean
eligo_registry_result_get_in_library (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), FALSE);

  return self->in_library;
}

void
eligo_registry_result_set_in_library (EligoRegistryResult *self,
                                      gboolean             in_library)
{
  g_return_if_fail (ELIGO_IS_REGISTRY_RESULT (self));

  in_library = !!in_library;
  if (self->in_library == in_library)
    return;

  self->in_library = in_library;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_LIBRARY]);
  if (in_library)
    eligo_registry_result_set_selected (self, FALSE);
}

gboolean
eligo_registry_result_get_selected (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), FALSE);

  return self->selected;
}

/* A study already in the library, or one that cannot be imported, stays unticked. */
void
eligo_registry_result_set_selected (EligoRegistryResult *self,
                                    gboolean             selected)
{
  g_return_if_fail (ELIGO_IS_REGISTRY_RESULT (self));

  selected = !!selected && eligo_registry_result_get_can_add (self);
  if (self->selected == selected)
    return;

  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gboolean
eligo_registry_result_get_can_add (EligoRegistryResult *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_RESULT (self), FALSE);

  return self->nct_id != NULL && self->problem == NULL && !self->in_library;
}
