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

#include <glib/gi18n.h>

#include "eligo-import.h"
#include "eligo-trial-private.h"
#include "eligo-utils.h"

struct _EligoTrial
{
  GObject        parent_instance;

  gint64         id;
  char          *nct_id;
  char          *brief_title;
  char          *official_title;
  char          *acronym;
  char          *overall_status;
  char          *phases;
  char          *study_type;
  int            enrollment;
  char          *start_date;
  char          *primary_completion_date;
  char          *completion_date;
  char          *first_posted;
  char          *last_update;
  char          *lead_sponsor;
  char          *collaborators;
  double         min_age_years;
  double         max_age_years;
  double         effective_min_age_years;
  double         effective_max_age_years;
  char          *age_source;
  gboolean       effective_ages_set;
  char          *sex;
  EligoTristate  healthy_volunteers;
  char          *conditions;
  char          *keywords;
  char          *countries;
  char          *interventions_text;
  char          *eligibility;
  gboolean       archived;

  char          *raw_json;
  JsonNode      *study;
};

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

/*
 * Reading the registry JSON. The first problem found is kept in the reader
 * and every later read returns nothing, so extraction code stays linear.
 */
typedef struct
{
  GError *error;
} Reader;

static void
reader_fail_type (Reader     *r,
                  const char *path,
                  const char *name,
                  const char *expected,
                  JsonNode   *node)
{
  const char *found;

  if (r->error != NULL)
    return;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      found = _("an object");
      break;
    case JSON_NODE_ARRAY:
      found = _("an array");
      break;
    case JSON_NODE_NULL:
      found = _("null");
      break;
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        found = _("a string");
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        found = _("a boolean");
      else
        found = _("a number");
      break;
    }

  g_set_error (&r->error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_WRONG_TYPE,
               /* Translators: the first %s%s%s is a JSON field path such as
                * protocolSection.designModule.enrollmentInfo.count, the
                * others are "a number", "a string" and the like. */
               _("field “%s%s%s” should be %s, not %s"),
               path, *path != '\0' ? "." : "", name, expected, found);
}

static JsonNode *
reader_member (Reader     *r,
               JsonObject *parent,
               const char *name)
{
  JsonNode *node;

  if (r->error != NULL || parent == NULL)
    return NULL;

  node = json_object_get_member (parent, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static JsonObject *
read_object (Reader     *r,
             JsonObject *parent,
             const char *path,
             const char *name)
{
  JsonNode *node = reader_member (r, parent, name);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail_type (r, path, name, _("an object"), node);
      return NULL;
    }

  return json_node_get_object (node);
}

static const char *
read_string (Reader     *r,
             JsonObject *parent,
             const char *path,
             const char *name)
{
  JsonNode *node = reader_member (r, parent, name);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      reader_fail_type (r, path, name, _("a string"), node);
      return NULL;
    }

  return json_node_get_string (node);
}

static gboolean
read_integer (Reader     *r,
              JsonObject *parent,
              const char *path,
              const char *name,
              gint64     *value)
{
  JsonNode *node = reader_member (r, parent, name);
  double d;

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      reader_fail_type (r, path, name, _("a number"), node);
      return FALSE;
    }

  d = json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    d = (double) json_node_get_int (node);

  if (d < 0 || d > G_MAXINT || d != (double) (gint64) d)
    {
      if (r->error == NULL)
        g_set_error (&r->error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_INVALID_VALUE,
                     _("field “%s.%s” should be a whole number from 0 to %d"),
                     path, name, G_MAXINT);
      return FALSE;
    }

  *value = (gint64) d;
  return TRUE;
}

static EligoTristate
read_boolean (Reader     *r,
              JsonObject *parent,
              const char *path,
              const char *name)
{
  JsonNode *node = reader_member (r, parent, name);

  if (node == NULL)
    return ELIGO_TRISTATE_UNKNOWN;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      reader_fail_type (r, path, name, _("true or false"), node);
      return ELIGO_TRISTATE_UNKNOWN;
    }

  return json_node_get_boolean (node) ? ELIGO_TRISTATE_YES : ELIGO_TRISTATE_NO;
}

/* An array whose elements all hold @element_type (JSON_NODE_VALUE means strings). */
static JsonArray *
read_array (Reader       *r,
            JsonObject   *parent,
            const char   *path,
            const char   *name,
            JsonNodeType  element_type)
{
  JsonNode *node = reader_member (r, parent, name);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_fail_type (r, path, name, _("an array"), node);
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gboolean ok;

      if (element_type == JSON_NODE_VALUE)
        ok = JSON_NODE_HOLDS_VALUE (element) &&
             json_node_get_value_type (element) == G_TYPE_STRING;
      else
        ok = JSON_NODE_TYPE (element) == element_type;

      if (!ok)
        {
          g_autofree char *element_name = g_strdup_printf ("%s[%u]", name, i);

          reader_fail_type (r, path, element_name,
                            element_type == JSON_NODE_VALUE ? _("a string") : _("an object"),
                            element);
          return NULL;
        }
    }

  return array;
}

static const char *
read_date (Reader     *r,
           JsonObject *parent,
           const char *path,
           const char *name)
{
  g_autofree char *struct_path = NULL;
  JsonObject *date_struct;
  const char *date;

  date_struct = read_object (r, parent, path, name);
  if (date_struct == NULL)
    return NULL;

  struct_path = g_strconcat (path, ".", name, NULL);
  date = read_string (r, date_struct, struct_path, "date");
  if (date == NULL)
    return NULL;

  if (!eligo_date_is_valid (date))
    {
      g_set_error (&r->error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_INVALID_VALUE,
                   /* Translators: %s.date is a JSON field path, the last %s the bad value */
                   _("field “%s.date” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: “%s”"),
                   struct_path, date);
      return NULL;
    }

  return date;
}

static double
read_age (Reader     *r,
          JsonObject *parent,
          const char *path,
          const char *name)
{
  const char *text = read_string (r, parent, path, name);
  double years;

  if (text == NULL)
    return -1;

  if (!eligo_age_parse_years (text, &years))
    {
      if (r->error == NULL)
        g_set_error (&r->error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_INVALID_VALUE,
                     _("field “%s.%s” is not an age such as “18 Years” or “6 Months”: “%s”"),
                     path, name, text);
      return -1;
    }

  return years;
}

static char *
join_strings (JsonArray  *array,
              const char *separator)
{
  g_autoptr(GPtrArray) parts = NULL;
  guint n;

  if (array == NULL || (n = json_array_get_length (array)) == 0)
    return NULL;

  parts = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (parts, (gpointer) json_array_get_string_element (array, i));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (separator, (char **) parts->pdata);
}

/* Joins the string member @member of every object in @array, skipping repeats. */
static char *
join_members (Reader     *r,
              JsonArray  *array,
              const char *path,
              const char *member,
              gboolean    unique)
{
  g_autoptr(GPtrArray) parts = NULL;
  guint n;

  if (array == NULL || (n = json_array_get_length (array)) == 0)
    return NULL;

  parts = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *value = read_string (r, object, path, member);

      if (value == NULL || *value == '\0')
        continue;

      if (unique && g_ptr_array_find_with_equal_func (parts, value, g_str_equal, NULL))
        continue;

      g_ptr_array_add (parts, (gpointer) value);
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

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

/**
 * eligo_trial_new_from_study:
 * @study: a ClinicalTrials.gov API v2 study object
 * @raw_json: (nullable): the study's JSON text as it was read, kept verbatim
 * @error: the first problem found, with the JSON path of the field
 *
 * Returns: (transfer full) (nullable): a trial not yet in a database
 */
EligoTrial *
eligo_trial_new_from_study (JsonObject  *study,
                            const char  *raw_json,
                            GError     **error)
{
  g_autoptr(EligoTrial) self = NULL;
  Reader r = { NULL };
  JsonObject *protocol, *identification, *status, *sponsors, *description;
  JsonObject *conditions, *design, *design_info, *enrollment, *arms, *eligibility;
  JsonObject *contacts, *outcomes;
  JsonArray *locations;
  const char *nct_id;
  gint64 count;

  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ELIGO_TYPE_TRIAL, NULL);

  protocol = read_object (&r, study, "", "protocolSection");
  if (protocol == NULL && r.error == NULL)
    {
      g_set_error_literal (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_MISSING_FIELD,
                           _("the study has no “protocolSection”, so it is not a "
                             "ClinicalTrials.gov API v2 study record"));
      return NULL;
    }

  identification = read_object (&r, protocol, "protocolSection", "identificationModule");
  nct_id = read_string (&r, identification, "protocolSection.identificationModule", "nctId");
  if (r.error == NULL && nct_id == NULL)
    {
      g_set_error_literal (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_MISSING_FIELD,
                           _("the study has no “protocolSection.identificationModule.nctId”"));
      return NULL;
    }
  if (r.error == NULL && !eligo_nct_id_is_valid (nct_id))
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_INVALID_VALUE,
                   _("“%s” in “protocolSection.identificationModule.nctId” is not an NCT "
                     "number (NCT followed by eight digits)"),
                   nct_id);
      return NULL;
    }

  self->nct_id = g_strdup (nct_id);
  self->brief_title = g_strdup (read_string (&r, identification,
                                             "protocolSection.identificationModule",
                                             "briefTitle"));
  self->official_title = g_strdup (read_string (&r, identification,
                                                "protocolSection.identificationModule",
                                                "officialTitle"));
  self->acronym = g_strdup (read_string (&r, identification,
                                         "protocolSection.identificationModule", "acronym"));

  status = read_object (&r, protocol, "protocolSection", "statusModule");
  self->overall_status = g_strdup (read_string (&r, status, "protocolSection.statusModule",
                                                "overallStatus"));
  self->start_date = g_strdup (read_date (&r, status, "protocolSection.statusModule",
                                          "startDateStruct"));
  self->primary_completion_date = g_strdup (read_date (&r, status,
                                                       "protocolSection.statusModule",
                                                       "primaryCompletionDateStruct"));
  self->completion_date = g_strdup (read_date (&r, status, "protocolSection.statusModule",
                                               "completionDateStruct"));
  self->first_posted = g_strdup (read_date (&r, status, "protocolSection.statusModule",
                                            "studyFirstPostDateStruct"));
  self->last_update = g_strdup (read_date (&r, status, "protocolSection.statusModule",
                                           "lastUpdatePostDateStruct"));

  sponsors = read_object (&r, protocol, "protocolSection", "sponsorCollaboratorsModule");
  self->lead_sponsor = g_strdup (read_string (&r,
                                              read_object (&r, sponsors,
                                                           "protocolSection.sponsorCollaboratorsModule",
                                                           "leadSponsor"),
                                              "protocolSection.sponsorCollaboratorsModule.leadSponsor",
                                              "name"));
  self->collaborators = join_members (&r,
                                      read_array (&r, sponsors,
                                                  "protocolSection.sponsorCollaboratorsModule",
                                                  "collaborators", JSON_NODE_OBJECT),
                                      "protocolSection.sponsorCollaboratorsModule.collaborators[]",
                                      "name", FALSE);

  description = read_object (&r, protocol, "protocolSection", "descriptionModule");
  read_string (&r, description, "protocolSection.descriptionModule", "briefSummary");
  read_string (&r, description, "protocolSection.descriptionModule", "detailedDescription");

  conditions = read_object (&r, protocol, "protocolSection", "conditionsModule");
  self->conditions = join_strings (read_array (&r, conditions, "protocolSection.conditionsModule",
                                               "conditions", JSON_NODE_VALUE), "; ");
  self->keywords = join_strings (read_array (&r, conditions, "protocolSection.conditionsModule",
                                             "keywords", JSON_NODE_VALUE), "; ");

  design = read_object (&r, protocol, "protocolSection", "designModule");
  self->study_type = g_strdup (read_string (&r, design, "protocolSection.designModule",
                                            "studyType"));
  self->phases = join_strings (read_array (&r, design, "protocolSection.designModule",
                                           "phases", JSON_NODE_VALUE), "/");
  design_info = read_object (&r, design, "protocolSection.designModule", "designInfo");
  read_object (&r, design_info, "protocolSection.designModule.designInfo", "maskingInfo");
  enrollment = read_object (&r, design, "protocolSection.designModule", "enrollmentInfo");
  if (read_integer (&r, enrollment, "protocolSection.designModule.enrollmentInfo", "count",
                    &count))
    self->enrollment = (int) count;

  arms = read_object (&r, protocol, "protocolSection", "armsInterventionsModule");
  read_array (&r, arms, "protocolSection.armsInterventionsModule", "armGroups",
              JSON_NODE_OBJECT);
  self->interventions_text = join_members (&r,
                                           read_array (&r, arms,
                                                       "protocolSection.armsInterventionsModule",
                                                       "interventions", JSON_NODE_OBJECT),
                                           "protocolSection.armsInterventionsModule.interventions[]",
                                           "name", TRUE);

  outcomes = read_object (&r, protocol, "protocolSection", "outcomesModule");
  read_array (&r, outcomes, "protocolSection.outcomesModule", "primaryOutcomes",
              JSON_NODE_OBJECT);
  read_array (&r, outcomes, "protocolSection.outcomesModule", "secondaryOutcomes",
              JSON_NODE_OBJECT);

  eligibility = read_object (&r, protocol, "protocolSection", "eligibilityModule");
  self->eligibility = g_strdup (read_string (&r, eligibility, "protocolSection.eligibilityModule",
                                             "eligibilityCriteria"));
  self->min_age_years = read_age (&r, eligibility, "protocolSection.eligibilityModule",
                                  "minimumAge");
  self->max_age_years = read_age (&r, eligibility, "protocolSection.eligibilityModule",
                                  "maximumAge");
  self->sex = g_strdup (read_string (&r, eligibility, "protocolSection.eligibilityModule", "sex"));
  self->healthy_volunteers = read_boolean (&r, eligibility, "protocolSection.eligibilityModule",
                                           "healthyVolunteers");

  contacts = read_object (&r, protocol, "protocolSection", "contactsLocationsModule");
  read_array (&r, contacts, "protocolSection.contactsLocationsModule", "centralContacts",
              JSON_NODE_OBJECT);
  locations = read_array (&r, contacts, "protocolSection.contactsLocationsModule", "locations",
                          JSON_NODE_OBJECT);
  self->countries = join_members (&r, locations,
                                  "protocolSection.contactsLocationsModule.locations[]",
                                  "country", TRUE);

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }

  self->study = json_node_init_object (json_node_alloc (), study);
  self->raw_json = raw_json != NULL ? g_strdup (raw_json) : json_to_string (self->study, FALSE);

  return g_steal_pointer (&self);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static double
column_double_or_unknown (sqlite3_stmt *stmt,
                          int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;

  return sqlite3_column_double (stmt, column);
}

EligoTrial *
_eligo_trial_new_from_row (sqlite3_stmt *stmt)
{
  EligoTrial *self = g_object_new (ELIGO_TYPE_TRIAL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->nct_id = column_text (stmt, 1);
  self->brief_title = column_text (stmt, 2);
  self->official_title = column_text (stmt, 3);
  self->acronym = column_text (stmt, 4);
  self->overall_status = column_text (stmt, 5);
  self->phases = column_text (stmt, 6);
  self->study_type = column_text (stmt, 7);
  self->enrollment = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 8);
  self->start_date = column_text (stmt, 9);
  self->primary_completion_date = column_text (stmt, 10);
  self->completion_date = column_text (stmt, 11);
  self->first_posted = column_text (stmt, 12);
  self->last_update = column_text (stmt, 13);
  self->lead_sponsor = column_text (stmt, 14);
  self->collaborators = column_text (stmt, 15);
  self->effective_min_age_years = column_double_or_unknown (stmt, 16);
  self->effective_max_age_years = column_double_or_unknown (stmt, 17);
  self->sex = column_text (stmt, 18);
  self->healthy_volunteers = sqlite3_column_type (stmt, 19) == SQLITE_NULL
                             ? ELIGO_TRISTATE_UNKNOWN
                             : (sqlite3_column_int (stmt, 19) ? ELIGO_TRISTATE_YES : ELIGO_TRISTATE_NO);
  self->conditions = column_text (stmt, 20);
  self->keywords = column_text (stmt, 21);
  self->countries = column_text (stmt, 22);
  self->interventions_text = column_text (stmt, 23);
  self->eligibility = column_text (stmt, 24);
  self->archived = sqlite3_column_int (stmt, 25) != 0;
  self->raw_json = column_text (stmt, 26);
  self->min_age_years = column_double_or_unknown (stmt, 27);
  self->max_age_years = column_double_or_unknown (stmt, 28);
  self->age_source = column_text (stmt, 29);
  self->effective_ages_set = TRUE;

  return self;
}

void
_eligo_trial_set_id (EligoTrial *self,
                     gint64      id)
{
  g_return_if_fail (ELIGO_IS_TRIAL (self));

  self->id = id;
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

/* Set by the database when it derives the criteria. */
void
_eligo_trial_set_effective_ages (EligoTrial *self,
                                 double      min_age_years,
                                 double      max_age_years,
                                 const char *age_source)
{
  g_return_if_fail (ELIGO_IS_TRIAL (self));

  self->effective_min_age_years = min_age_years;
  self->effective_max_age_years = max_age_years;
  g_free (self->age_source);
  self->age_source = g_strdup (age_source);
  self->effective_ages_set = TRUE;
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
