/* test-cli-criteria.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * eligo-cli criteria, screen, match and curate, as scripts and nurses use them.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "eligo-test-utils.h"

static char *
new_database (void)
{
  return eligo_test_tmp_path ("cli-criteria.db");
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static char *
write_patient (const char *json)
{
  char *path = eligo_test_tmp_path ("patient.json");

  eligo_test_write_file (path, json, -1);
  return path;
}

static JsonObject *
find_criterion (JsonArray  *criteria,
                const char *id)
{
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *c = json_array_get_object_element (criteria, i);

      if (g_str_equal (json_object_get_string_member (c, "id"), id))
        return c;
    }

  g_error ("no criterion %s", id);
}

static void
test_criteria (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *i3, *i13, *i11;
  JsonArray *criteria, *variables;

  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "criteria", "NCT07072494",
                                       "--format", "json", NULL), ==, 0);
  root = parse_json (out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "nct_id"), ==, "NCT07072494");
  criteria = json_object_get_array_member (object, "criteria");
  g_assert_cmpuint (json_array_get_length (criteria), ==, 13 + 15);

  i3 = find_criterion (criteria, "NCT07072494/I3");
  g_assert_cmpstr (json_object_get_string_member (i3, "kind"), ==, "inclusion");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (i3, "text"), "Aged between 14 and 80"));
  g_assert_cmpstr (json_object_get_string_member (i3, "origin"), ==, "parsed");
  g_assert_cmpstr (json_object_get_string_member (i3, "rule"), ==, "age_years >= 14 and age_years < 81");
  g_assert_false (json_object_get_boolean_member (i3, "partial"));
  variables = json_object_get_array_member (i3, "variables");
  g_assert_cmpuint (json_array_get_length (variables), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (variables, 0), ==, "age_years");
  g_assert_false (json_object_has_member (i3, "verdict"));

  i11 = find_criterion (criteria, "NCT07072494/I11");
  g_assert_true (json_object_get_null_member (i11, "rule"));

  i13 = find_criterion (criteria, "NCT07072494/I13");
  g_assert_cmpstr (json_object_get_string_member (i13, "origin"), ==, "structured");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "criteria", "nct07072494",
                                       NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\nInclusion criteria\n"));
  g_assert_nonnull (strstr (out, "→ age_years >= 14 and age_years < 81"));
  g_assert_nonnull (strstr (out, "no rule: for the nurse to review"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "criteria", "NCT00000001",
                                       NULL), ==, 1);
  g_assert_nonnull (strstr (err, "NCT00000001"));
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "criteria", NULL), ==, 2);
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "criteria", "NCT07072494",
                                       "--format", "csv", NULL), ==, 2);
}

static void
test_screen (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *patient = write_patient (
    "{\"id\": \"SCR-0042\", \"facts\": {\"age_years\": 34, \"sex\": \"female\", \"ecog\": 3,"
    " \"lvef_pct\": 60}, \"answers\": {\"NCT07072494/I1\": \"pass\"}}");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *result, *counts, *i1, *i3, *i4, *i7;
  JsonArray *results, *criteria;

  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "screen", "--patient", patient,
                                       "NCT07072494", "NCT06585345", "--format", "json", NULL), ==, 0);
  root = parse_json (out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "patient"), ==, "SCR-0042");
  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 2);

  result = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "nct_id"), ==, "NCT07072494");
  /* ECOG 3 fails the 0-2 criterion, so the trial is ineligible. */
  g_assert_cmpstr (json_object_get_string_member (result, "verdict"), ==, "ineligible");
  counts = json_object_get_object_member (result, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "fail"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "pass") +
                   json_object_get_int_member (counts, "fail") +
                   json_object_get_int_member (counts, "unknown") +
                   json_object_get_int_member (counts, "review"), ==, 28);

  criteria = json_object_get_array_member (result, "criteria");
  i1 = find_criterion (criteria, "NCT07072494/I1");
  g_assert_cmpstr (json_object_get_string_member (i1, "verdict"), ==, "pass");
  g_assert_true (json_object_get_boolean_member (i1, "answered"));
  i3 = find_criterion (criteria, "NCT07072494/I3");
  g_assert_cmpstr (json_object_get_string_member (i3, "verdict"), ==, "pass");
  i4 = find_criterion (criteria, "NCT07072494/I4");
  g_assert_cmpstr (json_object_get_string_member (i4, "verdict"), ==, "fail");
  i7 = find_criterion (criteria, "NCT07072494/I7");
  g_assert_cmpstr (json_object_get_string_member (i7, "verdict"), ==, "unknown");

  /* A sparse patient is never eligible. */
  result = json_array_get_object_element (results, 1);
  g_assert_cmpstr (json_object_get_string_member (result, "verdict"), ==, "pending");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "screen", "--patient", patient,
                                       "NCT07072494", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Patient SCR-0042"));
  g_assert_nonnull (strstr (out, "Not eligible"));
  g_assert_nonnull (strstr (out, "✘ Fail"));
}

static void
test_screen_errors (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *bad = write_patient ("{\"id\": \"SCR-1\", \"facts\": {\"ecog\": 7}}");
  g_autofree char *good = write_patient ("{\"id\": \"SCR-2\", \"facts\": {}}");
  g_autofree char *err = NULL;

  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "screen", "--patient", bad,
                                       "NCT07072494", NULL), ==, 1);
  g_assert_nonnull (strstr (err, bad));
  g_assert_nonnull (strstr (err, "ECOG"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "screen", "--patient", good,
                                       "NCT00000001", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "NCT00000001"));

  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "screen", "NCT07072494",
                                       NULL), ==, 2);
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "screen", "--patient", good,
                                       NULL), ==, 2);
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "match", "--patient", good,
                                       "NCT07072494", NULL), ==, 2);
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "match", "--patient", good,
                                       "--limit", "-1", NULL), ==, 2);
}

static void
test_match (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *patient = write_patient (
    "{\"id\": \"SCR-0007\", \"facts\": {\"age_years\": 45, \"ecog\": 1, \"prior_car_t\": true}}");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;
  guint last_fail = 0, last_unknown = 0;

  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "match", "--patient", patient,
                                       "--format", "json", NULL), ==, 0);
  root = parse_json (out);
  results = json_object_get_array_member (json_node_get_object (root), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 5);

  /* Best first: fewest fails, then fewest unknowns. */
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *counts = json_object_get_object_member (json_array_get_object_element (results, i),
                                                          "counts");
      guint fail = json_object_get_int_member (counts, "fail");
      guint unknown = json_object_get_int_member (counts, "unknown");

      if (i > 0)
        g_assert_true (fail > last_fail || (fail == last_fail && unknown >= last_unknown));
      last_fail = fail;
      last_unknown = unknown;
    }

  /* Prior CAR-T excludes from NCT07072494 (E2), age 45 from NCT06389305 (1-39). */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 4),
                                                  "verdict"), ==, "ineligible");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "match", "--patient", patient,
                                       "--limit", "2", "--format", "json", NULL), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (out);
  results = json_object_get_array_member (json_node_get_object (root), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 2);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "match", "--patient", patient,
                                       NULL), ==, 0);
  g_assert_true (strstr (out, "1. NCT") != NULL && strstr (out, "5. NCT") != NULL);
}

static JsonObject *
curated_criterion (const char *db,
                   const char *id,
                   JsonNode  **root)
{
  g_autofree char *out = NULL;
  g_autofree char *nct = g_strndup (id, 11);

  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "criteria", nct,
                                       "--format", "json", NULL), ==, 0);
  *root = parse_json (out);
  return find_criterion (json_object_get_array_member (json_node_get_object (*root), "criteria"),
                         id);
}

static void
test_curate (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *seed_path = g_build_filename (g_getenv ("ELIGO_SOURCE_DIR"), "data", "seeds",
                                                 "NCT07072494.json", NULL);
  g_autofree char *newer_path = eligo_test_tmp_path ("NCT07072494.json");
  g_autofree char *seed = NULL;
  g_autoptr(GString) newer = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *c;

  /* Set */
  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "curate", "NCT07072494/E6",
                                       "qtc_ms >= 470", "--author", "Nurse Li", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "qtc_ms >= 470"));
  c = curated_criterion (db, "NCT07072494/E6", &root);
  g_assert_cmpstr (json_object_get_string_member (c, "origin"), ==, "curated");
  g_assert_cmpstr (json_object_get_string_member (c, "rule"), ==, "qtc_ms >= 470");
  g_assert_cmpstr (json_object_get_string_member (c, "curated_by"), ==, "Nurse Li");
  g_assert_true (json_object_has_member (c, "curated_at"));
  g_clear_pointer (&root, json_node_unref);

  /* A bad rule is refused with its column and a caret, and changes nothing. */
  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "curate", "NCT07072494/E6",
                                       "qtc_ms >= 470 adn nyha_class >= 3", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Column 15"));
  g_assert_nonnull (strstr (err, "\n  qtc_ms >= 470 adn nyha_class >= 3\n                ^\n"));
  c = curated_criterion (db, "NCT07072494/E6", &root);
  g_assert_cmpstr (json_object_get_string_member (c, "rule"), ==, "qtc_ms >= 470");
  g_clear_pointer (&root, json_node_unref);

  /* Survives a newer version of the trial. */
  g_file_get_contents (seed_path, &seed, NULL, NULL);
  newer = g_string_new (seed);
  g_assert_cmpint (g_string_replace (newer, "\"2025-07-18\"", "\"2025-10-01\"", 0), ==, 1);
  eligo_test_write_file (newer_path, newer->str, -1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", db, "import", newer_path, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "1 updated"));
  c = curated_criterion (db, "NCT07072494/E6", &root);
  g_assert_cmpstr (json_object_get_string_member (c, "origin"), ==, "curated");
  g_clear_pointer (&root, json_node_unref);

  /* Clear: no rule, the nurse reviews it. */
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "curate", "NCT07072494/E6",
                                       "--clear", NULL), ==, 0);
  c = curated_criterion (db, "NCT07072494/E6", &root);
  g_assert_cmpstr (json_object_get_string_member (c, "origin"), ==, "curated");
  g_assert_true (json_object_get_null_member (c, "rule"));
  g_clear_pointer (&root, json_node_unref);

  /* Reset: the parsed rule again. */
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "curate", "NCT07072494/E6",
                                       "--reset", NULL), ==, 0);
  c = curated_criterion (db, "NCT07072494/E6", &root);
  g_assert_cmpstr (json_object_get_string_member (c, "origin"), ==, "parsed");
  g_assert_true (json_object_get_boolean_member (c, "partial"));
  g_clear_pointer (&root, json_node_unref);

  /* Usage and user errors */
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "curate", "NCT07072494/X6",
                                       "ecog <= 1", NULL), ==, 2);
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "curate", "NCT07072494/E6",
                                       NULL), ==, 2);
  g_assert_cmpint (eligo_test_run_cli (NULL, NULL, "--database", db, "curate", "NCT07072494/E6",
                                       "--clear", "--reset", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "curate", "NCT07072494/E99",
                                       "ecog <= 1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "NCT07072494/E99"));
}

/* json-glib 1.6 decodes "\351" to a lone byte and "\7" to a control
 * character; such patient files are refused, naming the field. */
static void
test_screen_invalid_utf8 (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *bad_id = write_patient ("{\"id\":\"SCR\\351\",\"facts\":{\"age_years\":30}}");
  g_autofree char *bad_name = write_patient ("{\"id\":\"SCR-3\",\"facts\":{\"a\\7\":30}}");
  g_autofree char *err = NULL;

  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "screen", "--patient", bad_id,
                                       "NCT07072494", NULL), ==, 1);
  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_nonnull (strstr (err, bad_id));
  g_assert_nonnull (strstr (err, "“id”"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "screen", "--patient", bad_name,
                                       "NCT07072494", NULL), ==, 1);
  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_nonnull (strstr (err, bad_name));
  g_assert_nonnull (strstr (err, "facts.a\\u0007"));
}

/* A sparse file of SIZE bytes: large on paper, instant to make. */
static char *
write_sparse (const char *name,
              goffset     size)
{
  char *path = eligo_test_tmp_path (name);
  FILE *stream = fopen (path, "w");

  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), size), ==, 0);
  fclose (stream);

  return path;
}

/* A patient file far larger than any real one is refused before it is read. */
static void
test_screen_too_large (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *big = write_sparse ("huge-patient.json", (goffset) 17 * 1024 * 1024);
  g_autofree char *err = NULL;

  g_assert_cmpint (eligo_test_run_cli (NULL, &err, "--database", db, "screen", "--patient", big,
                                       "NCT07072494", NULL), ==, 1);
  g_assert_nonnull (strstr (err, big));
  g_assert_nonnull (strstr (err, "too large"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/cli-criteria/criteria", test_criteria);
  g_test_add_func ("/eligo/cli-criteria/screen", test_screen);
  g_test_add_func ("/eligo/cli-criteria/screen-errors", test_screen_errors);
  g_test_add_func ("/eligo/cli-criteria/match", test_match);
  g_test_add_func ("/eligo/cli-criteria/curate", test_curate);
  g_test_add_func ("/eligo/cli-criteria/screen-invalid-utf8", test_screen_invalid_utf8);
  g_test_add_func ("/eligo/cli-criteria/screen-too-large", test_screen_too_large);

  return g_test_run ();
}
