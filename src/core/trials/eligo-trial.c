/* eligo-trial.c
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

#define G_LOG_DOMAIN "eligo-trial"

#include "config.h"

#include "eligo-trial-private.h"

/*
 * The instance struct is in eligo-trial-private.h. A trial is made either
 * from a registry study (eligo_trial_new_from_study(), eligo-trial-study.c)
 * or from a row of the trials table (_eligo_trial_new_from_row(),
 * eligo-trial-row.c); this file holds the GObject and the accessors,
 * including those that read the kept study JSON.
 */

G_DEFINE_FINAL_TYPE (EligoTrial, eligo_trial, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NCT_ID,
  PROP_BRIEF_TITLE,
  PROP_OFFICIAL_TITLE,
  PROP_ACRONYM,
  PROP_OVERALL_STATUS,
  PROP_PHASES,
  PROP_STUDY_TYPE,
  PROP_ENROLLMENT,
  PROP_START_DATE,
  PROP_PRIMARY_COMPLETION_DATE,
  PROP_COMPLETION_DATE,
  PROP_FIRST_POSTED,
  PROP_LAST_UPDATE,
  PROP_LEAD_SPONSOR,
  PROP_COLLABORATORS,
  PROP_MIN_AGE_YEARS,
  PROP_MAX_AGE_YEARS,
  PROP_SEX,
  PROP_HEALTHY_VOLUNTEERS,
  PROP_CONDITIONS,
  PROP_KEYWORDS,
  PROP_COUNTRIES,
  PROP_ARCHIVED,
  PROP_EFFECTIVE_MIN_AGE_YEARS,
  PROP_EFFECTIVE_MAX_AGE_YEARS,
  PROP_AGE_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint n_alive;

static JsonObject *
study_module (EligoTrial *self,
              const char *name)
{
  JsonObject *study = eligo_trial_get_study (self);
  JsonObject *protocol;
  JsonNode *node;

  if (study == NULL)
    return NULL;

  node = json_object_get_member (study, "protocolSection");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  protocol = json_node_get_object (node);

  node = json_object_get_member (protocol, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static const char *
module_string (EligoTrial *self,
               const char *module,
               const char *member)
{
  JsonObject *object = study_module (self, module);
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
module_array (EligoTrial *self,
              const char *module,
              const char *member)
{
  JsonObject *object = study_module (self, module);
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static void
eligo_trial_finalize (GObject *object)
{
  EligoTrial *self = (EligoTrial *) object;

  g_free (self->nct_id);
  g_free (self->brief_title);
  g_free (self->official_title);
  g_free (self->acronym);
  g_free (self->overall_status);
  g_free (self->phases);
  g_free (self->study_type);
  g_free (self->start_date);
  g_free (self->primary_completion_date);
  g_free (self->completion_date);
  g_free (self->first_posted);
  g_free (self->last_update);
  g_free (self->lead_sponsor);
  g_free (self->collaborators);
  g_free (self->sex);
  g_free (self->age_source);
  g_free (self->conditions);
  g_free (self->keywords);
  g_free (self->countries);
  g_free (self->interventions_text);
  g_free (self->eligibility);
  g_free (self->raw_json);
  g_clear_pointer (&self->study, json_node_unref);

  g_atomic_int_dec_and_test ((int *) &n_alive);

  G_OBJECT_CLASS (eligo_trial_parent_class)->finalize (object);
}

static void
eligo_trial_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EligoTrial *self = ELIGO_TRIAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NCT_ID:
      g_value_set_string (value, self->nct_id);
      break;
    case PROP_BRIEF_TITLE:
      g_value_set_string (value, self->brief_title);
      break;
    case PROP_OFFICIAL_TITLE:
      g_value_set_string (value, self->official_title);
      break;
    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;
    case PROP_OVERALL_STATUS:
      g_value_set_string (value, self->overall_status);
      break;
    case PROP_PHASES:
      g_value_set_string (value, self->phases);
      break;
    case PROP_STUDY_TYPE:
      g_value_set_string (value, self->study_type);
      break;
    case PROP_ENROLLMENT:
      g_value_set_int (value, self->enrollment);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_PRIMARY_COMPLETION_DATE:
      g_value_set_string (value, self->primary_completion_date);
      break;
    case PROP_COMPLETION_DATE:
      g_value_set_string (value, self->completion_date);
      break;
    case PROP_FIRST_POSTED:
      g_value_set_string (value, self->first_posted);
      break;
    case PROP_LAST_UPDATE:
      g_value_set_string (value, self->last_update);
      break;
    case PROP_LEAD_SPONSOR:
      g_value_set_string (value, self->lead_sponsor);
      break;
    case PROP_COLLABORATORS:
      g_value_set_string (value, self->collaborators);
      break;
    case PROP_MIN_AGE_YEARS:
      g_value_set_double (value, self->min_age_years);
      break;
    case PROP_MAX_AGE_YEARS:
      g_value_set_double (value, self->max_age_years);
      break;
    case PROP_EFFECTIVE_MIN_AGE_YEARS:
      g_value_set_double (value, eligo_trial_get_effective_min_age_years (self));
      break;
    case PROP_EFFECTIVE_MAX_AGE_YEARS:
      g_value_set_double (value, eligo_trial_get_effective_max_age_years (self));
      break;
    case PROP_AGE_SOURCE:
      g_value_set_string (value, eligo_trial_get_age_source (self));
      break;
    case PROP_SEX:
      g_value_set_string (value, self->sex);
      break;
    case PROP_HEALTHY_VOLUNTEERS:
      g_value_set_int (value, self->healthy_volunteers);
      break;
    case PROP_CONDITIONS:
      g_value_set_string (value, self->conditions);
      break;
    case PROP_KEYWORDS:
      g_value_set_string (value, self->keywords);
      break;
    case PROP_COUNTRIES:
      g_value_set_string (value, self->countries);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
eligo_trial_class_init (EligoTrialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = eligo_trial_finalize;
  object_class->get_property = eligo_trial_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NCT_ID] = string_property ("nct-id");
  properties[PROP_BRIEF_TITLE] = string_property ("brief-title");
  properties[PROP_OFFICIAL_TITLE] = string_property ("official-title");
  properties[PROP_ACRONYM] = string_property ("acronym");
  properties[PROP_OVERALL_STATUS] = string_property ("overall-status");
  properties[PROP_PHASES] = string_property ("phases");
  properties[PROP_STUDY_TYPE] = string_property ("study-type");
  properties[PROP_ENROLLMENT] = g_param_spec_int ("enrollment", NULL, NULL,
                                                  -1, G_MAXINT, -1, flags);
  properties[PROP_START_DATE] = string_property ("start-date");
  properties[PROP_PRIMARY_COMPLETION_DATE] = string_property ("primary-completion-date");
  properties[PROP_COMPLETION_DATE] = string_property ("completion-date");
  properties[PROP_FIRST_POSTED] = string_property ("first-posted");
  properties[PROP_LAST_UPDATE] = string_property ("last-update");
  properties[PROP_LEAD_SPONSOR] = string_property ("lead-sponsor");
  properties[PROP_COLLABORATORS] = string_property ("collaborators");
  properties[PROP_MIN_AGE_YEARS] = g_param_spec_double ("min-age-years", NULL, NULL,
                                                        -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_MAX_AGE_YEARS] = g_param_spec_double ("max-age-years", NULL, NULL,
                                                        -1, G_MAXDOUBLE, -1, flags);
  /* The ages the list shows: the registry's, or those of an age criterion. */
  properties[PROP_EFFECTIVE_MIN_AGE_YEARS] = g_param_spec_double ("effective-min-age-years", NULL,
                                                                  NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_EFFECTIVE_MAX_AGE_YEARS] = g_param_spec_double ("effective-max-age-years", NULL,
                                                                  NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_AGE_SOURCE] = string_property ("age-source");
  properties[PROP_SEX] = string_property ("sex");
  properties[PROP_HEALTHY_VOLUNTEERS] = g_param_spec_int ("healthy-volunteers", NULL, NULL,
                                                          -1, 1, -1, flags);
  properties[PROP_CONDITIONS] = string_property ("conditions");
  properties[PROP_KEYWORDS] = string_property ("keywords");
  properties[PROP_COUNTRIES] = string_property ("countries");
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_trial_init (EligoTrial *self)
{
  self->enrollment = -1;
  self->min_age_years = -1;
  self->max_age_years = -1;
  self->effective_min_age_years = -1;
  self->effective_max_age_years = -1;
  self->healthy_volunteers = ELIGO_TRISTATE_UNKNOWN;

  g_atomic_int_inc ((int *) &n_alive);
}

guint
eligo_trial_get_n_alive (void)
{
  return (guint) g_atomic_int_get ((int *) &n_alive);
}

gint64
eligo_trial_get_id (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), 0);
  return self->id;
}

#define STRING_GETTER(field) \
  const char * \
  eligo_trial_get_##field (EligoTrial *self) \
  { \
    g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL); \
    return self->field; \
  }

STRING_GETTER (nct_id)
STRING_GETTER (brief_title)
STRING_GETTER (official_title)
STRING_GETTER (acronym)
STRING_GETTER (overall_status)
STRING_GETTER (phases)
STRING_GETTER (study_type)
STRING_GETTER (start_date)
STRING_GETTER (primary_completion_date)
STRING_GETTER (completion_date)
STRING_GETTER (first_posted)
STRING_GETTER (last_update)
STRING_GETTER (lead_sponsor)
STRING_GETTER (collaborators)
STRING_GETTER (sex)
STRING_GETTER (conditions)
STRING_GETTER (keywords)
STRING_GETTER (countries)
STRING_GETTER (raw_json)

#undef STRING_GETTER

const char *
eligo_trial_get_interventions_text (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return self->interventions_text;
}

const char *
eligo_trial_get_eligibility_criteria (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return self->eligibility;
}

int
eligo_trial_get_enrollment (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), -1);
  return self->enrollment;
}

double
eligo_trial_get_min_age_years (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), -1);
  return self->min_age_years;
}

double
eligo_trial_get_max_age_years (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), -1);
  return self->max_age_years;
}

/**
 * eligo_trial_get_effective_min_age_years:
 *
 * The youngest age the trial admits: the registry's minimumAge, or where
 * the registry gives no ages, the one read from an age criterion (see
 * eligo_trial_get_age_source()).
 *
 * Returns: years, or -1 if no age is stated
 */
double
eligo_trial_get_effective_min_age_years (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), -1);

  if (!self->effective_ages_set)
    return self->min_age_years;
  return self->effective_min_age_years;
}

double
eligo_trial_get_effective_max_age_years (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), -1);

  if (!self->effective_ages_set)
    return self->max_age_years;
  return self->effective_max_age_years;
}

/**
 * eligo_trial_get_age_source:
 *
 * Returns: (nullable): "registry" when the effective ages are the registry's
 *   minimumAge and maximumAge, "criteria" when they were read from the
 *   eligibility text, %NULL when neither states an age
 */
const char *
eligo_trial_get_age_source (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);

  if (!self->effective_ages_set &&
      (self->min_age_years >= 0 || self->max_age_years >= 0))
    return "registry";
  return self->age_source;
}

EligoTristate
eligo_trial_get_healthy_volunteers (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), ELIGO_TRISTATE_UNKNOWN);
  return self->healthy_volunteers;
}

gboolean
eligo_trial_get_archived (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), FALSE);
  return self->archived;
}

/**
 * eligo_trial_get_study:
 *
 * Returns: (transfer none) (nullable): the original study object, parsed
 *   from the stored JSON the first time it is asked for
 */
JsonObject *
eligo_trial_get_study (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);

  if (self->study == NULL && self->raw_json != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->study = json_from_string (self->raw_json, &error);
      if (self->study == NULL || !JSON_NODE_HOLDS_OBJECT (self->study))
        {
          g_warning ("Stored JSON of trial %s cannot be read: %s", self->nct_id,
                     error != NULL ? error->message : "not an object");
          g_clear_pointer (&self->study, json_node_unref);
          return NULL;
        }
    }

  return self->study != NULL ? json_node_get_object (self->study) : NULL;
}

const char *
eligo_trial_get_brief_summary (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_string (self, "descriptionModule", "briefSummary");
}

const char *
eligo_trial_get_detailed_description (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_string (self, "descriptionModule", "detailedDescription");
}

const char *
eligo_trial_get_minimum_age_text (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_string (self, "eligibilityModule", "minimumAge");
}

const char *
eligo_trial_get_maximum_age_text (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_string (self, "eligibilityModule", "maximumAge");
}

JsonObject *
eligo_trial_get_design_info (EligoTrial *self)
{
  JsonObject *design;
  JsonNode *node;

  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);

  design = study_module (self, "designModule");
  if (design == NULL)
    return NULL;

  node = json_object_get_member (design, "designInfo");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

JsonArray *
eligo_trial_get_arm_groups (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_array (self, "armsInterventionsModule", "armGroups");
}

JsonArray *
eligo_trial_get_interventions (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_array (self, "armsInterventionsModule", "interventions");
}

JsonArray *
eligo_trial_get_primary_outcomes (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_array (self, "outcomesModule", "primaryOutcomes");
}

JsonArray *
eligo_trial_get_secondary_outcomes (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_array (self, "outcomesModule", "secondaryOutcomes");
}

JsonArray *
eligo_trial_get_locations (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_array (self, "contactsLocationsModule", "locations");
}

JsonArray *
eligo_trial_get_central_contacts (EligoTrial *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);
  return module_array (self, "contactsLocationsModule", "centralContacts");
}

const char *
eligo_trial_get_org_study_id (EligoTrial *self)
{
  JsonObject *identification;
  JsonNode *node;

  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);

  identification = study_module (self, "identificationModule");
  if (identification == NULL)
    return NULL;

  node = json_object_get_member (identification, "orgStudyIdInfo");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  node = json_object_get_member (json_node_get_object (node), "id");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonArray *
eligo_trial_get_other_identifiers (EligoTrial *self)
{
  JsonObject *identification;
  JsonNode *node;

  g_return_val_if_fail (ELIGO_IS_TRIAL (self), NULL);

  identification = study_module (self, "identificationModule");
  if (identification == NULL)
    return NULL;

  node = json_object_get_member (identification, "secondaryIdInfos");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}
