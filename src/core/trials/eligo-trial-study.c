/* eligo-trial-study.c
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
