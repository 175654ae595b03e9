/* test-database-spans.c
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
 * Where each rule was read (the spans of a criterion) in the library: the
 * migration that adds them, what is stored and read back, a damaged
 * value, and the criterion object of the CLI.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-rule-spans.h"
#include "eligo-screening.h"
#include "eligo-test-utils.h"

static EligoCriterion *
find_criterion (GPtrArray  *criteria,
                const char *id)
{
  for (guint i = 0; i < criteria->len; i++)
    if (g_strcmp0 (eligo_criterion_get_id (g_ptr_array_index (criteria, i)), id) == 0)
      return g_ptr_array_index (criteria, i);
  g_assert_not_reached ();
}

/* A library from before spans (schema 5): the column is added, the criteria are
 * derived again (a new extractor), and then carry their spans. */
static void
test_migrate (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *column = NULL;
  g_autofree char *filled = NULL;
  EligoCriterion *age;
  GArray *spans;

  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);
  g_clear_object (&database);
  eligo_test_exec_sql (path, "ALTER TABLE trial_criteria DROP COLUMN spans; UPDATE trials SET criteria_version = 1;"
                  " PRAGMA user_version = 5;");

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==, ELIGO_DATABASE_SCHEMA_VERSION);
  column = eligo_test_query_text (path, "SELECT count(*) FROM pragma_table_info ('trial_criteria') WHERE name = 'spans'");
  g_assert_cmpstr (column, ==, "1");
  g_assert_cmpuint (eligo_database_count_stale_criteria (database, &error), ==, 5);

  g_assert_true (eligo_database_rederive_criteria (database, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  filled = eligo_test_query_text (path, "SELECT spans FROM trial_criteria WHERE criterion_id = 'NCT07072494/I3'");
  g_assert_nonnull (filled);
  g_assert_true (g_str_has_prefix (filled, "[[0,"));

  /* NCT07072494 I3: "Aged between 14 and 80 years (inclusive), male or female." */
  trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  g_assert_no_error (error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);
  age = find_criterion (criteria, "NCT07072494/I3");
  spans = eligo_criterion_get_spans (age);
  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpstr (g_array_index (spans, EligoRuleSpan, 0).atom, ==, "age_years >= 14 and age_years < 81");
  g_assert_cmpint (strncmp (eligo_criterion_get_text (age) + g_array_index (spans, EligoRuleSpan, 0).start,
                            "Aged between 14 and 80 years", 28), ==, 0);
}

/* Damaged spans lose only the highlighting: the criterion and its rule
 * are read back. */
static void
test_damaged (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  EligoCriterion *age;

  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);
  eligo_test_exec_sql (path, "UPDATE trial_criteria SET spans = '[[0,9999,\"age_years >= 14\"]]'"
                  " WHERE criterion_id = 'NCT07072494/I3';");

  trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  g_assert_no_error (error);
  g_test_expect_message ("eligo-database", G_LOG_LEVEL_MESSAGE, "Stored spans of NCT07072494/I3 cannot be read*");
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  age = find_criterion (criteria, "NCT07072494/I3");
  g_assert_nonnull (eligo_criterion_get_rule (age));
  g_assert_null (eligo_criterion_get_spans (age));
}

/* The criterion object of `criteria --format json` carries them. */
static void
test_json (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  JsonArray *spans;
  JsonObject *span;

  g_assert_true (eligo_database_seed_if_new (database, &error));
  trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);

  object = eligo_criterion_to_json (find_criterion (criteria, "NCT07072494/I3"));
  spans = json_object_get_array_member (object, "spans");
  g_assert_cmpuint (json_array_get_length (spans), ==, 1);
  span = json_array_get_object_element (spans, 0);
  g_assert_cmpint (json_object_get_int_member (span, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (span, "end"), ==, 28);
  g_assert_cmpstr (json_object_get_string_member (span, "text"), ==, "Aged between 14 and 80 years");
  g_assert_cmpstr (json_object_get_string_member (span, "atom"), ==, "age_years >= 14 and age_years < 81");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/database/spans/migrate", test_migrate);
  g_test_add_func ("/eligo/database/spans/damaged", test_damaged);
  g_test_add_func ("/eligo/database/spans/json", test_json);

  return g_test_run ();
}
