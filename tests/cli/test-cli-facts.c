/* test-cli-facts.c
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
 * eligo-cli facts, and screen / match with a FHIR Bundle as the patient
 * file: the real eligo-cli, run as a process.
 */

#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-test-utils.h"

#define BUNDLE "Bo157_Schamberger479_4b92323f-e119-4176-ba06-42c8b847f756.json"
#define PATIENT_ID "94fbec21-fa01-474e-b713-149a0d3d42a0"
#define SEED_NCT "NCT07072494"

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_facts_json (void)
{
  g_autofree char *bundle = eligo_test_data_path ("fhir", BUNDLE, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) object = NULL;
  JsonObject *facts, *sources, *source, *stale_item;
  JsonArray *stale;
  gboolean hemoglobin_stale = FALSE;

  /* Just after the last visit: the 2019 labs are facts, the 2016 blood count stale. */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "facts", bundle, "--as-of", "2019-01-06",
                                       "--format", "json", NULL), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, PATIENT_ID);
  g_assert_cmpstr (json_object_get_string_member (object, "as_of"), ==, "2019-01-06");
  facts = json_object_get_object_member (object, "facts");
  sources = json_object_get_object_member (object, "sources");
  stale = json_object_get_array_member (object, "stale");
  g_assert_nonnull (facts);
  g_assert_nonnull (sources);
  g_assert_nonnull (stale);

  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (facts, "age_years"), 41.8, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (facts, "sex"), ==, "male");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (facts, "creatinine_umol_l"),
                                  3.27882234831635 * 88.42, 1e-6);
  g_assert_false (json_object_has_member (facts, "hemoglobin_g_l"));
  g_assert_false (json_object_has_member (facts, "anc_10e9_l"));

  /* Every fact has a source */
  {
    g_autoptr(GList) names = json_object_get_members (facts);

    for (GList *l = names; l != NULL; l = l->next)
      g_assert_true (json_object_has_member (sources, l->data));
  }
  source = json_object_get_object_member (sources, "creatinine_umol_l");
  g_assert_cmpstr (json_object_get_string_member (source, "loinc"), ==, "38483-4");
  g_assert_cmpstr (json_object_get_string_member (source, "unit"), ==, "mg/dL");
  g_assert_cmpstr (json_object_get_string_member (source, "date"), ==, "2019-01-05");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (source, "value"),
                                  3.27882234831635, 1e-12);

  for (guint i = 0; i < json_array_get_length (stale); i++)
    {
      stale_item = json_array_get_object_element (stale, i);
      g_assert_true (json_object_has_member (stale_item, "variable"));
      g_assert_true (json_object_has_member (stale_item, "date"));
      g_assert_true (json_object_has_member (stale_item, "value"));
      g_assert_true (json_object_has_member (stale_item, "unit"));
      if (strcmp (json_object_get_string_member (stale_item, "variable"), "hemoglobin_g_l") == 0)
        {
          hemoglobin_stale = TRUE;
          g_assert_cmpstr (json_object_get_string_member (stale_item, "date"), ==, "2016-12-31");
          g_assert_cmpstr (json_object_get_string_member (stale_item, "unit"), ==, "g/dL");
        }
    }
  g_assert_true (hemoglobin_stale);
}

static void
test_facts_text_and_errors (void)
{
  g_autofree char *bundle = eligo_test_data_path ("fhir", BUNDLE, NULL);
  g_autofree char *broken = eligo_test_tmp_path ("broken.json");
  g_autofree char *own = eligo_test_tmp_path ("patient.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) object = NULL;

  g_assert_cmpint (eligo_test_run_cli (&out, &err, "facts", bundle, "--as-of", "2026-12-07",
                                       NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Patient " PATIENT_ID " as of 2026-12-07"));
  g_assert_nonnull (strstr (out, "LOINC 718-7: 13.2491271292805 g/dL on 2016-12-31"));
  g_assert_nonnull (strstr (out, "Stale"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad usage: exit 2 */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "facts", bundle, "--as-of", "2026-13-01",
                                       NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "facts", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A broken Bundle: exit 1, one line naming the file and the entry */
  eligo_test_write_file (broken, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", "
                         "\"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"id\": "
                         "\"x\"}}, {\"resource\": {\"resourceType\": \"Observation\", "
                         "\"code\": {}}}]}", -1);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "facts", broken, NULL), ==, 1);
  g_assert_nonnull (strstr (err, broken));
  g_assert_nonnull (strstr (err, "entry 2 (Observation): status is missing"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Eligo's own patient file: its facts, no sources */
  eligo_test_write_file (own, "{\"id\": \"SCR-0042\", \"facts\": {\"ecog\": 1}}", -1);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "facts", own, "--format", "json", NULL), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "SCR-0042");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "facts"),
                                               "ecog"), ==, 1);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "sources")), ==, 0);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_screen_with_bundle (void)
{
  g_autofree char *bundle = eligo_test_data_path ("fhir", BUNDLE, NULL);
  g_autofree char *database = eligo_test_tmp_path ("eligo.db");
  g_autofree char *pdf = eligo_test_tmp_path ("summary.pdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) object = NULL;
  JsonArray *results;

  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", database, "screen",
                                       "--patient", bundle, SEED_NCT, "--format", "json",
                                       "--pdf", pdf, NULL), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "patient"), ==, PATIENT_ID);
  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);

  /* The age rule reads the age from the birth date */
  {
    JsonArray *criteria = json_object_get_array_member (json_array_get_object_element (results, 0),
                                                        "criteria");
    gboolean age_pass = FALSE;

    for (guint i = 0; i < json_array_get_length (criteria); i++)
      {
        JsonObject *criterion = json_array_get_object_element (criteria, i);
        const char *rule = json_object_get_string_member_with_default (criterion, "rule", "");

        if (rule != NULL && strstr (rule, "age_years") != NULL &&
            strcmp (json_object_get_string_member (criterion, "verdict"), "pass") == 0)
          age_pass = TRUE;
      }
    g_assert_true (age_pass);
  }

  /* The printed summary names where the values came from */
  eligo_test_assert_private_file (pdf);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Sources"));
  g_assert_nonnull (strstr (text, "Patient.birthDate: 1977-03-05"));
  g_assert_nonnull (strstr (text, "not used"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", database, "match",
                                       "--patient", bundle, "--format", "json", NULL), ==, 0);
  g_clear_pointer (&object, json_object_unref);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "patient"), ==, PATIENT_ID);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "results")), >, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/cli-facts/json", test_facts_json);
  g_test_add_func ("/eligo/cli-facts/text-and-errors", test_facts_text_and_errors);
  g_test_add_func ("/eligo/cli-facts/screen-with-bundle", test_screen_with_bundle);

  return g_test_run ();
}
