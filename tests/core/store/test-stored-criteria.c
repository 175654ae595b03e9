/* test-stored-criteria.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Criteria are split and ruled once, at import, and read back from the
 * database: what is read back must be what the splitter and the extractor
 * give, for every real record; the ages of an age criterion stand in for
 * the registry's missing ones.
 */

#include "config.h"

#include <string.h>

#include "eligo-database.h"
#include "eligo-rule-spans.h"
#include "eligo-test-utils.h"

static void
assert_same_criteria (GPtrArray *stored,
                      GPtrArray *derived)
{
  g_assert_cmpuint (stored->len, ==, derived->len);

  for (guint i = 0; i < stored->len; i++)
    {
      EligoCriterion *a = g_ptr_array_index (stored, i);
      EligoCriterion *b = g_ptr_array_index (derived, i);
      g_autofree char *rule_a = eligo_criterion_dup_rule_text (a);
      g_autofree char *rule_b = eligo_criterion_dup_rule_text (b);
      g_autofree char *key_a = eligo_criterion_dup_match_key (a);
      g_autofree char *key_b = eligo_criterion_dup_match_key (b);

      g_assert_cmpstr (eligo_criterion_get_id (a), ==, eligo_criterion_get_id (b));
      g_assert_cmpint (eligo_criterion_get_kind (a), ==, eligo_criterion_get_kind (b));
      g_assert_cmpstr (eligo_criterion_get_text (a), ==, eligo_criterion_get_text (b));
      g_assert_cmpstr (eligo_criterion_get_context (a), ==, eligo_criterion_get_context (b));
      g_assert_cmpstr (eligo_criterion_get_section (a), ==, eligo_criterion_get_section (b));
      g_assert_cmpint (eligo_criterion_get_subject (a), ==, eligo_criterion_get_subject (b));
      g_assert_cmpstr (rule_a, ==, rule_b);
      g_assert_cmpint (eligo_criterion_get_partial (a), ==, eligo_criterion_get_partial (b));
      g_assert_cmpint (eligo_criterion_get_origin (a), ==, eligo_criterion_get_origin (b));
      g_assert_cmpstr (eligo_criterion_get_reason (a), ==, eligo_criterion_get_reason (b));
      g_assert_cmpstr (key_a, ==, key_b);
      /* Where each part of the rule was read survives the store. */
      {
        g_autofree char *spans_a = eligo_rule_spans_to_json (eligo_criterion_get_spans (a));
        g_autofree char *spans_b = eligo_rule_spans_to_json (eligo_criterion_get_spans (b));

        g_assert_cmpstr (spans_a, ==, spans_b);
      }
    }
}

/* Every real record and every seed: stored criteria equal derived ones. */
static void
test_stored_equal_derived (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autofree char *studies = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(GDir) dir = g_dir_open (studies, 0, NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;
  guint n_ruled = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (studies, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (eligo_database_import_file (database, file, NULL, NULL, &error));
      g_assert_no_error (error);
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 767);
  g_assert_cmpuint (eligo_database_count_stale_criteria (database, &error), ==, 0);

  ids = eligo_database_query_ids (database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, n_files);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial (database,
                                                              g_array_index (ids, gint64, i),
                                                              &error);
      g_autoptr(GPtrArray) stored = NULL;
      g_autoptr(GPtrArray) derived = NULL;

      g_assert_no_error (error);
      stored = eligo_database_get_criteria (database, trial, &error);
      g_assert_no_error (error);
      derived = eligo_criteria_for_trial (trial);
      assert_same_criteria (stored, derived);

      for (guint k = 0; k < stored->len; k++)
        if (eligo_criterion_get_rule (g_ptr_array_index (stored, k)) != NULL)
          n_ruled++;
    }

  /* Not an empty comparison: over two thousand rules went through the store. */
  g_assert_cmpuint (n_ruled, >, 2000);
}

/* The registry gives no ages for three seeds; their age criteria do. */
static void
test_effective_ages (void)
{
  static const struct {
    const char *nct_id;
    double      min, max;
    const char *source;
  } expected[] = {
    { "NCT06389305", 1, 39, "criteria" },
    { "NCT03754764", 12, 70, "criteria" },
    { "NCT06585345", 14, 65, "criteria" },
    { "NCT07072494", 14, 80, "registry" },
    { "NCT07087847", 18, -1, "registry" },
  };
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *db_path = g_strdup (eligo_database_get_path (database));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database,
                                                                        expected[i].nct_id,
                                                                        &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (eligo_trial_get_effective_min_age_years (trial), ==, expected[i].min);
      g_assert_cmpfloat (eligo_trial_get_effective_max_age_years (trial), ==, expected[i].max);
      g_assert_cmpstr (eligo_trial_get_age_source (trial), ==, expected[i].source);
    }

  /* The patient-age filter reads them: at 50, the trial for ages 1–39 is gone. */
  query->patient_age = 50;
  query->sort = ELIGO_SORT_NCT_ID;
  ids = eligo_database_query_ids (database, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial (database,
                                                              g_array_index (ids, gint64, i),
                                                              &error);

      g_assert_cmpstr (eligo_trial_get_nct_id (trial), !=, "NCT06389305");
    }
  g_assert_cmpuint (ids->len, ==, 4);

  /* list --format json says where the ages come from. */
  g_clear_object (&database);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db_path, "list", "--sort",
                                       "nct_id", "--format", "json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"nct_id\" : \"NCT06389305\""));
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *rows;

    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    rows = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (rows), ==, 5);
    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);
        const char *nct_id = json_object_get_string_member (row, "nct_id");

        for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
          if (g_strcmp0 (nct_id, expected[k].nct_id) == 0)
            {
              g_assert_cmpstr (json_object_get_string_member (row, "age_source"), ==,
                               expected[k].source);
              g_assert_cmpfloat (json_object_get_double_member (row, "min_age_years"), ==,
                                 expected[k].min);
              if (expected[k].max < 0)
                g_assert_true (json_object_get_null_member (row, "max_age_years"));
              else
                g_assert_cmpfloat (json_object_get_double_member (row, "max_age_years"), ==,
                                   expected[k].max);
            }
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/stored-criteria/equal-derived", test_stored_equal_derived);
  g_test_add_func ("/eligo/stored-criteria/effective-ages", test_effective_ages);

  return g_test_run ();
}
