/* test-ctgov-corpus.c
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

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-test-utils.h"
#include "eligo-trial.h"

#define N_SEEDS   5
#define N_STUDIES 767

/* Registry files checked field by field against what the database gives back. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The .json files of a corpus folder, sorted, as full paths. */
static GPtrArray *
list_json_files (const char *folder)
{
  g_autofree char *dir_path = eligo_test_data_path ("ctgov", folder, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, compare_strings);

  return files;
}

/* A member at a path of object names, or NULL if absent or null (the importer's view). */
static JsonNode *
member_path (JsonObject *object,
             ...)
{
  JsonNode *node = NULL;
  const char *name;
  va_list ap;

  va_start (ap, object);
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      if (object == NULL)
        {
          node = NULL;
          break;
        }

      node = json_object_get_member (object, name);
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          node = NULL;
          break;
        }

      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  va_end (ap);

  return node;
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);

  return json_node_get_string (node);
}

#define SOURCE_STRING(study, ...) node_string (member_path ((study), __VA_ARGS__, NULL))

/* Strings in an array joined by @separator; NULL for none. */
static char *
join_array (JsonNode   *node,
            const char *separator)
{
  g_autoptr(GString) joined = NULL;
  JsonArray *array;

  if (node == NULL)
    return NULL;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, json_array_get_string_element (array, i));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* "18 Years", "6 Months", "4 Weeks", "1 Day", "12 Hours", "30 Minutes", in years; -1 if absent. */
static double
age_years (const char *text)
{
  static const struct {
    const char *unit;
    double      days;
  } units[] = {
    { "Year", 365.25 },
    { "Month", 365.25 / 12 },
    { "Week", 7 },
    { "Day", 1 },
    { "Hour", 1.0 / 24 },
    { "Minute", 1.0 / (24 * 60) },
  };
  g_auto(GStrv) parts = NULL;
  guint64 value;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return -1;

  parts = g_strsplit (text, " ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_ascii_string_to_unsigned (parts[0], 10, 0, 200000, &value, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *plural = g_strconcat (units[i].unit, "s", NULL);

      if (strcmp (parts[1], units[i].unit) == 0 || strcmp (parts[1], plural) == 0)
        return value * units[i].days / 365.25;
    }

  g_error ("unexpected age unit in “%s”", text);
  return -1;
}

static void
assert_age (double      got,
            const char *text)
{
  double expected = age_years (text);

  if (expected < 0)
    g_assert_cmpfloat (got, ==, -1);
  else
    g_assert_cmpfloat_with_epsilon (got, expected, 1e-9 * MAX (1, expected));
}

/* Every extracted field of @trial (read back from the database) against @study (the source). */
static void
check_trial (EligoTrial *trial,
             JsonObject *study)
{
  g_autoptr(JsonNode) study_node = json_node_init_object (json_node_alloc (), study);
  g_autofree char *phases = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *keywords = NULL;
  JsonObject *stored;
  JsonNode *count;
  JsonNode *healthy;

  g_assert_cmpstr (eligo_trial_get_nct_id (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "identificationModule", "nctId"));
  g_assert_cmpstr (eligo_trial_get_brief_title (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "identificationModule", "briefTitle"));
  g_assert_cmpstr (eligo_trial_get_official_title (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "identificationModule",
                                  "officialTitle"));
  g_assert_cmpstr (eligo_trial_get_acronym (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "identificationModule", "acronym"));
  g_assert_cmpstr (eligo_trial_get_overall_status (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "statusModule", "overallStatus"));

  phases = join_array (member_path (study, "protocolSection", "designModule", "phases", NULL),
                       "/");
  g_assert_cmpstr (eligo_trial_get_phases (trial), ==, phases);
  g_assert_cmpstr (eligo_trial_get_study_type (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "designModule", "studyType"));

  count = member_path (study, "protocolSection", "designModule", "enrollmentInfo", "count", NULL);
  if (count == NULL)
    g_assert_cmpint (eligo_trial_get_enrollment (trial), ==, -1);
  else
    g_assert_cmpint (eligo_trial_get_enrollment (trial), ==, json_node_get_int (count));

  /* Dates exactly as the registry wrote them, partial ones included. */
  g_assert_cmpstr (eligo_trial_get_start_date (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "statusModule", "startDateStruct",
                                  "date"));
  g_assert_cmpstr (eligo_trial_get_primary_completion_date (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "statusModule",
                                  "primaryCompletionDateStruct", "date"));
  g_assert_cmpstr (eligo_trial_get_completion_date (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "statusModule",
                                  "completionDateStruct", "date"));
  g_assert_cmpstr (eligo_trial_get_first_posted (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "statusModule",
                                  "studyFirstPostDateStruct", "date"));
  g_assert_cmpstr (eligo_trial_get_last_update (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "statusModule",
                                  "lastUpdatePostDateStruct", "date"));

  g_assert_cmpstr (eligo_trial_get_lead_sponsor (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "sponsorCollaboratorsModule",
                                  "leadSponsor", "name"));

  assert_age (eligo_trial_get_min_age_years (trial),
              SOURCE_STRING (study, "protocolSection", "eligibilityModule", "minimumAge"));
  assert_age (eligo_trial_get_max_age_years (trial),
              SOURCE_STRING (study, "protocolSection", "eligibilityModule", "maximumAge"));
  g_assert_cmpstr (eligo_trial_get_sex (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "eligibilityModule", "sex"));
  healthy = member_path (study, "protocolSection", "eligibilityModule", "healthyVolunteers", NULL);
  g_assert_cmpint (eligo_trial_get_healthy_volunteers (trial), ==,
                   healthy == NULL ? ELIGO_TRISTATE_UNKNOWN
                   : json_node_get_boolean (healthy) ? ELIGO_TRISTATE_YES : ELIGO_TRISTATE_NO);

  /* Byte for byte: the criteria parser works on this text. */
  g_assert_cmpstr (eligo_trial_get_eligibility_criteria (trial), ==,
                   SOURCE_STRING (study, "protocolSection", "eligibilityModule",
                                  "eligibilityCriteria"));

  conditions = join_array (member_path (study, "protocolSection", "conditionsModule",
                                        "conditions", NULL), "; ");
  g_assert_cmpstr (eligo_trial_get_conditions (trial), ==, conditions);
  keywords = join_array (member_path (study, "protocolSection", "conditionsModule", "keywords",
                                      NULL), "; ");
  g_assert_cmpstr (eligo_trial_get_keywords (trial), ==, keywords);

  /* Nothing the registry said is lost. */
  stored = eligo_trial_get_study (trial);
  g_assert_nonnull (stored);
  {
    g_autoptr(JsonNode) stored_node = json_node_init_object (json_node_alloc (), stored);

    if (!json_node_equal (stored_node, study_node))
      {
        g_autofree char *a = json_to_string (stored_node, FALSE);
        g_autofree char *b = json_to_string (study_node, FALSE);

        g_assert_cmpstr (a, ==, b);
      }
  }
}

static EligoTrial *
get_trial (EligoDatabase *db,
           const char    *nct_id)
{
  g_autoptr(GError) error = NULL;
  EligoTrial *trial = eligo_database_get_trial_by_nct_id (db, nct_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (trial);

  return trial;
}

/* The studies of a parsed file: a study, an array of studies or a page. */
static JsonArray *
file_studies (JsonNode *root)
{
  JsonArray *studies;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_array_ref (json_node_get_array (root));

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  if (json_object_has_member (json_node_get_object (root), "studies"))
    return json_array_ref (json_object_get_array_member (json_node_get_object (root), "studies"));

  studies = json_array_new ();
  json_array_add_element (studies, json_node_copy (root));

  return studies;
}

static JsonNode *
read_json (const char  *path,
           char       **contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *root;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);

  if (contents != NULL)
    *contents = g_steal_pointer (&text);

  return root;
}

static void
test_studies (void)
{
  g_autoptr(GPtrArray) files = list_json_files ("studies");
  g_autoptr(EligoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  EligoImportStats stats = { 0 };
  gint64 start, elapsed;
  guint count;

  g_assert_cmpuint (files->len, ==, N_STUDIES);

  db = eligo_test_open_database (NULL);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));

      eligo_database_import_file (db, file, &stats, NULL, &error);
      g_assert_no_error (error);
    }
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("imported %u studies in %" G_GINT64_FORMAT " ms", files->len, elapsed / 1000);

  g_assert_cmpuint (stats.added, ==, N_STUDIES);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 0);
  count = eligo_database_count_trials (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, N_SEEDS + N_STUDIES);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr(JsonNode) root = read_json (path, &contents);
      g_autoptr(EligoTrial) trial = NULL;
      const char *nct_id;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
      nct_id = SOURCE_STRING (json_node_get_object (root), "protocolSection",
                              "identificationModule", "nctId");
      g_assert_true (g_str_has_prefix (base, nct_id));

      trial = get_trial (db, nct_id);
      check_trial (trial, json_node_get_object (root));

      /* A one-study file is kept verbatim. */
      g_assert_cmpstr (eligo_trial_get_raw_json (trial), ==, contents);
    }

  /* Importing them all again changes nothing. */
  memset (&stats, 0, sizeof stats);
  for (guint i = 0; i < files->len; i += 50)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));

      eligo_database_import_file (db, file, &stats, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (stats.added + stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, (files->len + 49) / 50);
}

static void
test_studies_cli (void)
{
  g_autofree char *db = eligo_test_tmp_path ("corpus-cli.db");
  g_autofree char *folder = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(GPtrArray) files = list_json_files ("studies");
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *seeds[] = { "NCT07087847", "NCT07072494", "NCT06389305", "NCT03754764",
                          "NCT06585345" };
  JsonArray *rows;

  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "import", folder, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "767 files read; trials: 767 added, 0 updated, 0 unchanged\n");

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_hash_table_add (expected, g_strdup (seeds[i]));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i));

      *strrchr (base, '.') = '\0';
      g_hash_table_add (expected, g_steal_pointer (&base));
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, N_SEEDS + N_STUDIES);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "list", "--format", "json",
                                       NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  rows = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (rows), ==, N_SEEDS + N_STUDIES);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_true (g_hash_table_remove (expected,
                                          json_object_get_string_member (row, "nct_id")));
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
  g_assert_true (eligo_test_integrity_ok (db));
}

/* Each file into a fresh database, then every study in it checked. */
static void
check_folder (const char *folder)
{
  g_autoptr(GPtrArray) files = list_json_files (folder);

  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(EligoDatabase) db = eligo_test_open_database (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = read_json (path, NULL);
      g_autoptr(JsonArray) studies = file_studies (root);
      EligoImportStats stats = { 0 };
      guint n = json_array_get_length (studies);

      g_test_message ("%s: %u studies", path, n);
      eligo_database_import_file (db, file, &stats, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (stats.added, ==, n);
      g_assert_cmpuint (eligo_database_count_trials (db, NULL, NULL), ==, N_SEEDS + n);

      for (guint s = 0; s < n; s++)
        {
          JsonObject *study = json_array_get_object_element (studies, s);
          g_autoptr(EligoTrial) trial = NULL;

          trial = get_trial (db, SOURCE_STRING (study, "protocolSection", "identificationModule",
                                                "nctId"));
          check_trial (trial, study);
        }
    }
}

static void
test_responses (void)
{
  check_folder ("responses");
}

static void
test_partial (void)
{
  g_autoptr(EligoDatabase) db = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autofree char *path = eligo_test_data_path ("ctgov", "partial", "NCT03453554.json",
                                                  NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  check_folder ("partial");

  /* A record with nothing but its identification: absent stays absent, not "" or 0. */
  db = eligo_test_open_database (NULL);
  eligo_database_import_file (db, file, NULL, NULL, &error);
  g_assert_no_error (error);
  trial = get_trial (db, "NCT03453554");
  g_assert_nonnull (eligo_trial_get_brief_title (trial));
  g_assert_null (eligo_trial_get_overall_status (trial));
  g_assert_null (eligo_trial_get_phases (trial));
  g_assert_null (eligo_trial_get_study_type (trial));
  g_assert_null (eligo_trial_get_start_date (trial));
  g_assert_null (eligo_trial_get_completion_date (trial));
  g_assert_null (eligo_trial_get_last_update (trial));
  g_assert_null (eligo_trial_get_lead_sponsor (trial));
  g_assert_null (eligo_trial_get_sex (trial));
  g_assert_null (eligo_trial_get_conditions (trial));
  g_assert_null (eligo_trial_get_eligibility_criteria (trial));
  g_assert_cmpint (eligo_trial_get_enrollment (trial), ==, -1);
  g_assert_cmpfloat (eligo_trial_get_min_age_years (trial), ==, -1);
  g_assert_cmpfloat (eligo_trial_get_max_age_years (trial), ==, -1);
  g_assert_cmpint (eligo_trial_get_healthy_volunteers (trial), ==, ELIGO_TRISTATE_UNKNOWN);
}

/* The ages in the corpus use every unit the registry has; check the test's own parser. */
static void
test_age_parser (void)
{
  g_assert_cmpfloat_with_epsilon (age_years ("18 Years"), 18, 1e-12);
  g_assert_cmpfloat_with_epsilon (age_years ("1 Year"), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (age_years ("6 Months"), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (age_years ("4 Weeks"), 28 / 365.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (age_years ("1 Day"), 1 / 365.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (age_years ("12 Hours"), 0.5 / 365.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (age_years ("30 Minutes"), 30 / (24 * 60 * 365.25), 1e-12);
  g_assert_cmpfloat (age_years (NULL), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/ctgov-corpus/age-parser", test_age_parser);
  g_test_add_func ("/eligo/ctgov-corpus/studies", test_studies);
  g_test_add_func ("/eligo/ctgov-corpus/studies-cli", test_studies_cli);
  g_test_add_func ("/eligo/ctgov-corpus/responses", test_responses);
  g_test_add_func ("/eligo/ctgov-corpus/partial", test_partial);

  return g_test_run ();
}
