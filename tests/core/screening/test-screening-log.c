/* test-screening-log.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Patients and saved screenings: snapshots that are never rewritten, the
 * screening log, its CSV and the per-trial funnel.
 */

#include "config.h"

#include <string.h>

#include "eligo-screening-log.h"
#include "eligo-test-utils.h"

static EligoPatient *
make_patient (const char *id,
              const char *facts)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"initials\": \"AB\","
                                           " \"birth_year\": 1990, \"facts\": %s}", id, facts);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  EligoPatient *patient = eligo_patient_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return patient;
}

static EligoScreeningResult *
screen (EligoDatabase *database,
        const char    *nct_id,
        EligoPatient  *patient)
{
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, nct_id, NULL);
  g_autoptr(GPtrArray) criteria = eligo_database_get_criteria (database, trial, NULL);

  return eligo_screen (trial, criteria, patient);
}

static void
test_patients (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = make_patient ("SCR-0001", "{\"age_years\": 30, \"ecog\": 1}");
  g_autoptr(EligoPatient) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  EligoValue value;

  eligo_patient_set_answer (patient, "NCT07072494/I11", ELIGO_ANSWER_PASS, "Good veins",
                            "Nurse Wang", NULL);
  g_assert_true (eligo_database_save_patient (database, patient, &error));
  g_assert_no_error (error);

  loaded = eligo_database_load_patient (database, "SCR-0001", &error);
  g_assert_no_error (error);
  g_assert_true (eligo_patient_get_fact (loaded, "ecog", &value));
  g_assert_cmpfloat (value.number, ==, 1);
  g_assert_cmpstr (eligo_patient_get_answer (loaded, "NCT07072494/I11")->note, ==, "Good veins");
  g_assert_cmpstr (eligo_patient_get_answer (loaded, "NCT07072494/I11")->author, ==, "Nurse Wang");
  g_assert_cmpstr (eligo_patient_get_initials (loaded), ==, "AB");

  /* Saving again replaces the patient's current facts (not the screenings). */
  eligo_patient_unset_fact (patient, "ecog");
  g_assert_true (eligo_database_save_patient (database, patient, &error));
  g_clear_object (&loaded);
  loaded = eligo_database_load_patient (database, "SCR-0001", &error);
  g_assert_false (eligo_patient_get_fact (loaded, "ecog", &value));

  ids = eligo_database_dup_screening_ids (database, &error);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "SCR-0001");

  g_clear_object (&loaded);
  loaded = eligo_database_load_patient (database, "SCR-9999", &error);
  g_assert_null (loaded);
  g_assert_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND);
}

static void
test_snapshots_are_kept (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = make_patient ("SCR-0002", "{\"age_years\": 30, \"ecog\": 3}");
  g_autoptr(EligoScreeningResult) first = screen (database, "NCT07072494", patient);
  g_autoptr(EligoScreeningResult) second = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(JsonObject) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  const EligoScreeningRecord *newest, *oldest;
  gint64 id1, id2;
  EligoValue ecog = { ELIGO_VALUE_NUMBER, 1 };

  id1 = eligo_database_save_screening (database, patient, first, "Nurse Li", "Site A", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);

  /* The nurse corrects ECOG and saves again: a second screening, the first unchanged. */
  eligo_patient_set_fact (patient, "ecog", &ecog, &error);
  second = screen (database, "NCT07072494", patient);
  id2 = eligo_database_save_screening (database, patient, second, "Nurse Li", "Site A", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, >, id1);

  log = eligo_database_list_screenings (database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  newest = g_ptr_array_index (log, 0);
  oldest = g_ptr_array_index (log, 1);
  g_assert_cmpint (newest->id, ==, id2);
  g_assert_cmpstr (oldest->verdict, ==, "ineligible");
  g_assert_nonnull (strstr (oldest->failing, "I4: "));
  g_assert_cmpstr (newest->verdict, ==, "pending");
  g_assert_null (newest->failing);
  g_assert_cmpstr (newest->screening_id, ==, "SCR-0002");
  g_assert_cmpstr (newest->nct_id, ==, "NCT07072494");
  g_assert_cmpstr (newest->trial_last_update, ==, "2025-07-18");
  g_assert_cmpstr (newest->screener, ==, "Nurse Li");

  snapshot = eligo_database_get_snapshot (database, id1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (snapshot, "patient"), "facts"), "ecog"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (snapshot, "result"),
                                                  "verdict"), ==, "ineligible");
}

static void
test_filters_csv_and_funnel (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(EligoFunnel) funnel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  EligoScreeningFilter filter = { 0 };
  const char *facts[] = {
    "{\"age_years\": 30, \"ecog\": 3}",                          /* fails I4 */
    "{\"age_years\": 90, \"ecog\": 3}",                          /* fails I3, I4, I13 */
    "{\"age_years\": 30, \"ecog\": 1, \"prior_car_t\": true}",   /* fails E2 */
    "{\"age_years\": 30}",                                       /* pending */
  };

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      g_autofree char *id = g_strdup_printf ("SCR-10%u", i);
      g_autoptr(EligoPatient) patient = make_patient (id, facts[i]);
      g_autoptr(EligoScreeningResult) a = screen (database, "NCT07072494", patient);
      g_autoptr(EligoScreeningResult) b = screen (database, "NCT06585345", patient);

      g_assert_cmpint (eligo_database_save_screening (database, patient, a, "Nurse, \"Li\"",
                                                      "Site A", &error), >, 0);
      g_assert_cmpint (eligo_database_save_screening (database, patient, b, NULL, NULL, &error),
                       >, 0);
    }

  filter.nct_id = "NCT07072494";
  log = eligo_database_list_screenings (database, &filter, &error);
  g_assert_cmpuint (log->len, ==, 4);
  g_clear_pointer (&log, g_ptr_array_unref);

  filter.verdict = "ineligible";
  log = eligo_database_list_screenings (database, &filter, &error);
  g_assert_cmpuint (log->len, ==, 3);
  g_clear_pointer (&log, g_ptr_array_unref);

  filter = (EligoScreeningFilter) { .screening_id = "SCR-103" };
  log = eligo_database_list_screenings (database, &filter, &error);
  g_assert_cmpuint (log->len, ==, 2);
  g_clear_pointer (&log, g_ptr_array_unref);

  filter = (EligoScreeningFilter) { .since = "2000-01-01", .until = "2000-12-31" };
  log = eligo_database_list_screenings (database, &filter, &error);
  g_assert_cmpuint (log->len, ==, 0);
  g_clear_pointer (&log, g_ptr_array_unref);

  /* CSV: the header, one line per screening, quotes doubled. */
  log = eligo_database_list_screenings (database, NULL, &error);
  csv = eligo_screening_log_to_csv (log);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Screening date,Screening ID,NCT ID,Trial,Trial version,Screener,"
                                 "Site,Outcome,Reasons not eligible,Criteria passed,"
                                 "Criteria failed,Criteria unknown,Criteria to review");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8 + 1);
  g_assert_nonnull (strstr (csv, "\"Nurse, \"\"Li\"\"\""));
  g_assert_nonnull (strstr (csv, ",Not eligible,"));

  /* The funnel counts each patient's latest screening. */
  funnel = eligo_database_get_funnel (database, "NCT07072494", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funnel->screened, ==, 4);
  g_assert_cmpuint (funnel->ineligible, ==, 3);
  g_assert_cmpuint (funnel->pending, ==, 1);
  g_assert_cmpuint (funnel->eligible, ==, 0);
  g_assert_cmpuint (funnel->reasons->len, >=, 3);
  g_assert_true (g_str_has_prefix (((EligoFunnelReason *) g_ptr_array_index (funnel->reasons, 0))->criterion,
                                   "I4: "));
  g_assert_cmpuint (((EligoFunnelReason *) g_ptr_array_index (funnel->reasons, 0))->count, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/screening-log/patients", test_patients);
  g_test_add_func ("/eligo/screening-log/snapshots-are-kept", test_snapshots_are_kept);
  g_test_add_func ("/eligo/screening-log/filters-csv-and-funnel", test_filters_csv_and_funnel);

  return g_test_run ();
}
