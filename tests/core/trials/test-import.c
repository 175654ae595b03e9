/* test-import.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "eligo-import.h"
#include "eligo-test-utils.h"
#include "eligo-trial.h"

static GPtrArray *
parse (const char  *json,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return eligo_import_parse_bytes (bytes, "sample.json", error);
}

static void
assert_rejected (const char *json,
                 int         code,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = parse (json, &error);

  g_assert_null (trials);
  g_assert_error (error, ELIGO_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "sample.json: "));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_single_study (void)
{
  const char *json =
    "{\"protocolSection\": {"
    "  \"identificationModule\": {\"nctId\": \"NCT01234567\", \"briefTitle\": \"Brief\","
    "    \"officialTitle\": \"Official\", \"acronym\": \"BR\", \"futureKey\": {\"a\": [1]}},"
    "  \"statusModule\": {\"overallStatus\": \"RECRUITING\","
    "    \"startDateStruct\": {\"date\": \"2025\"},"
    "    \"primaryCompletionDateStruct\": {\"date\": \"2026-07\", \"type\": \"ESTIMATED\"},"
    "    \"completionDateStruct\": {\"date\": \"2027-08-19\"},"
    "    \"studyFirstPostDateStruct\": {\"date\": \"2024-01-02\"},"
    "    \"lastUpdatePostDateStruct\": {\"date\": \"2025-03-04\"}},"
    "  \"sponsorCollaboratorsModule\": {\"leadSponsor\": {\"name\": \"Lead\"},"
    "    \"collaborators\": [{\"name\": \"One\"}, {\"name\": \"Two\"}]},"
    "  \"conditionsModule\": {\"conditions\": [\"B-ALL\", \"AML\"], \"keywords\": [\"CAR-T\"]},"
    "  \"designModule\": {\"studyType\": \"INTERVENTIONAL\", \"phases\": [\"PHASE1\", \"PHASE2\"],"
    "    \"enrollmentInfo\": {\"count\": 30, \"type\": \"ESTIMATED\"}},"
    "  \"armsInterventionsModule\": {\"interventions\": ["
    "    {\"type\": \"BIOLOGICAL\", \"name\": \"CD19 CAR-T\"}, {\"name\": \"CD19 CAR-T\"}]},"
    "  \"eligibilityModule\": {\"eligibilityCriteria\": \"Inclusion Criteria:\\n\\n* Age\","
    "    \"healthyVolunteers\": false, \"sex\": \"ALL\", \"minimumAge\": \"6 Months\","
    "    \"maximumAge\": \"16 Years\"},"
    "  \"contactsLocationsModule\": {\"locations\": ["
    "    {\"facility\": \"A\", \"country\": \"China\"}, {\"facility\": \"B\", \"country\": \"China\"},"
    "    {\"facility\": \"C\", \"country\": \"Germany\"}]}"
    "}, \"hasResults\": false, \"somethingNew\": 1}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = parse (json, &error);
  EligoTrial *trial;

  g_assert_no_error (error);
  g_assert_cmpuint (trials->len, ==, 1);
  trial = g_ptr_array_index (trials, 0);

  g_assert_cmpstr (eligo_trial_get_nct_id (trial), ==, "NCT01234567");
  g_assert_cmpstr (eligo_trial_get_brief_title (trial), ==, "Brief");
  g_assert_cmpstr (eligo_trial_get_official_title (trial), ==, "Official");
  g_assert_cmpstr (eligo_trial_get_acronym (trial), ==, "BR");
  g_assert_cmpstr (eligo_trial_get_overall_status (trial), ==, "RECRUITING");
  g_assert_cmpstr (eligo_trial_get_start_date (trial), ==, "2025");
  g_assert_cmpstr (eligo_trial_get_primary_completion_date (trial), ==, "2026-07");
  g_assert_cmpstr (eligo_trial_get_completion_date (trial), ==, "2027-08-19");
  g_assert_cmpstr (eligo_trial_get_first_posted (trial), ==, "2024-01-02");
  g_assert_cmpstr (eligo_trial_get_last_update (trial), ==, "2025-03-04");
  g_assert_cmpstr (eligo_trial_get_lead_sponsor (trial), ==, "Lead");
  g_assert_cmpstr (eligo_trial_get_collaborators (trial), ==, "One; Two");
  g_assert_cmpstr (eligo_trial_get_conditions (trial), ==, "B-ALL; AML");
  g_assert_cmpstr (eligo_trial_get_keywords (trial), ==, "CAR-T");
  g_assert_cmpstr (eligo_trial_get_study_type (trial), ==, "INTERVENTIONAL");
  g_assert_cmpstr (eligo_trial_get_phases (trial), ==, "PHASE1/PHASE2");
  g_assert_cmpint (eligo_trial_get_enrollment (trial), ==, 30);
  g_assert_cmpstr (eligo_trial_get_interventions_text (trial), ==, "CD19 CAR-T");
  g_assert_cmpfloat_with_epsilon (eligo_trial_get_min_age_years (trial), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (eligo_trial_get_max_age_years (trial), 16, 1e-9);
  g_assert_cmpstr (eligo_trial_get_sex (trial), ==, "ALL");
  g_assert_cmpint (eligo_trial_get_healthy_volunteers (trial), ==, ELIGO_TRISTATE_NO);
  g_assert_cmpstr (eligo_trial_get_countries (trial), ==, "China; Germany");
  g_assert_cmpstr (eligo_trial_get_eligibility_criteria (trial), ==, "Inclusion Criteria:\n\n* Age");
  g_assert_cmpstr (eligo_trial_get_minimum_age_text (trial), ==, "6 Months");

  /* A single-study file is kept verbatim. */
  g_assert_cmpstr (eligo_trial_get_raw_json (trial), ==, json);
}

static void
test_missing_modules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = parse ("{\"protocolSection\": {\"identificationModule\":"
                                       " {\"nctId\": \"NCT00000001\"}}}", &error);
  EligoTrial *trial;

  g_assert_no_error (error);
  trial = g_ptr_array_index (trials, 0);
  g_assert_null (eligo_trial_get_brief_title (trial));
  g_assert_null (eligo_trial_get_phases (trial));
  g_assert_null (eligo_trial_get_start_date (trial));
  g_assert_null (eligo_trial_get_conditions (trial));
  g_assert_null (eligo_trial_get_countries (trial));
  g_assert_cmpint (eligo_trial_get_enrollment (trial), ==, -1);
  g_assert_cmpfloat (eligo_trial_get_min_age_years (trial), ==, -1);
  g_assert_cmpfloat (eligo_trial_get_max_age_years (trial), ==, -1);
  g_assert_cmpint (eligo_trial_get_healthy_volunteers (trial), ==, ELIGO_TRISTATE_UNKNOWN);
  g_assert_null (eligo_trial_get_arm_groups (trial));
  g_assert_null (eligo_trial_get_brief_summary (trial));
}

static void
test_array_and_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) array = NULL;
  g_autoptr(GPtrArray) page = NULL;

  array = parse ("[{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"}}},"
                 " {\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000002\"}}}]",
                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (array->len, ==, 2);
  g_assert_cmpstr (eligo_trial_get_nct_id (g_ptr_array_index (array, 1)), ==, "NCT00000002");

  page = parse ("{\"studies\": [{\"protocolSection\": {\"identificationModule\":"
                " {\"nctId\": \"NCT00000003\"}}}], \"nextPageToken\": \"abc\", \"totalCount\": 9}",
                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (eligo_trial_get_nct_id (g_ptr_array_index (page, 0)), ==, "NCT00000003");

  /* Studies from a list keep their JSON, re-serialised. */
  g_assert_nonnull (strstr (eligo_trial_get_raw_json (g_ptr_array_index (page, 0)),
                            "NCT00000003"));
}

static void
test_bad_input (void)
{
  g_autofree char *deep = NULL;
  g_autoptr(GString) nested = g_string_new (NULL);

  assert_rejected ("not json", ELIGO_IMPORT_ERROR_NOT_JSON, "not valid JSON");
  assert_rejected ("{\"protocolSection\": {", ELIGO_IMPORT_ERROR_NOT_JSON, NULL);
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT0000000\xff\"}}}",
                   ELIGO_IMPORT_ERROR_INVALID_UTF8, "UTF-8");
  assert_rejected ("42", ELIGO_IMPORT_ERROR_NOT_STUDIES, NULL);
  assert_rejected ("[]", ELIGO_IMPORT_ERROR_EMPTY, "no studies");
  assert_rejected ("{\"studies\": []}", ELIGO_IMPORT_ERROR_EMPTY, "no studies");
  assert_rejected ("{\"studies\": {}}", ELIGO_IMPORT_ERROR_WRONG_TYPE, "studies");
  assert_rejected ("{\"foo\": 1}", ELIGO_IMPORT_ERROR_NOT_STUDIES, "protocolSection");
  assert_rejected ("{\"FullStudiesResponse\": {}}", ELIGO_IMPORT_ERROR_NOT_STUDIES, "classic");
  assert_rejected ("{\"protocolSection\": []}", ELIGO_IMPORT_ERROR_WRONG_TYPE,
                   "field “protocolSection” should be an object");
  assert_rejected ("{\"protocolSection\": {}}", ELIGO_IMPORT_ERROR_MISSING_FIELD, "nctId");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": 12345678}}}",
                   ELIGO_IMPORT_ERROR_WRONG_TYPE, "nctId");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT123\"}}}",
                   ELIGO_IMPORT_ERROR_INVALID_VALUE, "NCT123");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"},"
                   " \"designModule\": {\"enrollmentInfo\": {\"count\": \"thirty\"}}}}",
                   ELIGO_IMPORT_ERROR_WRONG_TYPE,
                   "protocolSection.designModule.enrollmentInfo.count");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"},"
                   " \"designModule\": {\"enrollmentInfo\": {\"count\": -4}}}}",
                   ELIGO_IMPORT_ERROR_INVALID_VALUE, "count");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"},"
                   " \"designModule\": {\"phases\": \"PHASE1\"}}}",
                   ELIGO_IMPORT_ERROR_WRONG_TYPE, "phases");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"},"
                   " \"conditionsModule\": {\"conditions\": [\"AML\", 7]}}}",
                   ELIGO_IMPORT_ERROR_WRONG_TYPE, "conditions[1]");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"},"
                   " \"statusModule\": {\"startDateStruct\": {\"date\": \"2025-13-45\"}}}}",
                   ELIGO_IMPORT_ERROR_INVALID_VALUE, "2025-13-45");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"},"
                   " \"eligibilityModule\": {\"minimumAge\": \"eighteen\"}}}",
                   ELIGO_IMPORT_ERROR_INVALID_VALUE, "minimumAge");
  assert_rejected ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"},"
                   " \"eligibilityModule\": {\"healthyVolunteers\": \"no\"}}}",
                   ELIGO_IMPORT_ERROR_WRONG_TYPE, "healthyVolunteers");
  assert_rejected ("[{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"}}},"
                   " {\"protocolSection\": {\"identificationModule\": {\"nctId\": \"bad\"}}}]",
                   ELIGO_IMPORT_ERROR_INVALID_VALUE, "study 2 of 2");

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (nested, ']');
  assert_rejected (nested->str, ELIGO_IMPORT_ERROR_TOO_DEEP, "nested");

  /* Brackets inside strings do not count as nesting. */
  deep = g_strdup_printf ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": "
                          "\"NCT00000001\", \"briefTitle\": \"%s\"}}}", nested->str);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) trials = parse (deep, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (trials->len, ==, 1);
  }
}

/* json-glib 1.6 decodes the non-standard escape "\351" to a lone 0xE9
 * byte: a record holding one is refused naming the field (issue 10), and
 * a parse error quoting one still reads as text (found by fuzz-import). */
static void
test_octal_escapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = NULL;

  assert_rejected ("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09999902\","
                   "\"briefTitle\":\"Bad \\351 title\"}}}",
                   ELIGO_IMPORT_ERROR_INVALID_UTF8,
                   "protocolSection.identificationModule.briefTitle");

  trials = parse ("{\"protocolSection\":{\"identificationModu\\351 title\"}}}", &error);
  g_assert_null (trials);
  g_assert_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_JSON);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "sample.json: not valid JSON: "));
}

/* A bad string deep in a page is named by its whole path, array indexes
 * and all, and so is a member name holding a control character. */
static void
test_bad_string_paths (void)
{
  assert_rejected ("{\"studies\": [{\"protocolSection\":{\"identificationModule\":"
                   "{\"nctId\":\"NCT09999901\"}}},"
                   "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09999902\"},"
                   "\"conditionsModule\":{\"conditions\":[\"ALL\",\"Bad \\351\"]}}}]}",
                   ELIGO_IMPORT_ERROR_INVALID_UTF8,
                   "studies[1].protocolSection.conditionsModule.conditions[1]");
  assert_rejected ("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09999902\","
                   "\"odd\\u0001name\":1}}}",
                   ELIGO_IMPORT_ERROR_INVALID_UTF8,
                   "protocolSection.identificationModule.odd\\u0001name");
}

static void
test_file_names_in_errors (void)
{
  g_autofree char *path = eligo_test_tmp_path ("broken study.json");
  g_autofree char *missing = eligo_test_tmp_path ("missing.json");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = NULL;

  eligo_test_write_file (path, "{", -1);
  file = g_file_new_for_path (path);
  trials = eligo_import_parse_file (file, NULL, &error);
  g_assert_null (trials);
  g_assert_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_JSON);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  missing_file = g_file_new_for_path (missing);
  trials = eligo_import_parse_file (missing_file, NULL, &error);
  g_assert_null (trials);
  g_assert_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, missing));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/import/single-study", test_single_study);
  g_test_add_func ("/eligo/import/missing-modules", test_missing_modules);
  g_test_add_func ("/eligo/import/array-and-page", test_array_and_page);
  g_test_add_func ("/eligo/import/bad-input", test_bad_input);
  g_test_add_func ("/eligo/import/octal-escapes", test_octal_escapes);
  g_test_add_func ("/eligo/import/bad-string-paths", test_bad_string_paths);
  g_test_add_func ("/eligo/import/file-names-in-errors", test_file_names_in_errors);

  return g_test_run ();
}
