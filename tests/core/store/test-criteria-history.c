/* test-criteria-history.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A re-import that changes a trial's eligibility keeps the criteria it
 * replaced, in the same transaction; screenings saved before are then
 * known to be done against older criteria, and screening again keeps the
 * answers whose criterion did not change. On a real record
 * (ctgov/studies/NCT02349698.json) and its amended copy (ctgov/changed/).
 */

#include "config.h"

#include <sqlite3.h>

#include "eligo-criteria-diff.h"
#include "eligo-database.h"
#include "eligo-import.h"
#include "eligo-patient.h"
#include "eligo-screening-log.h"
#include "eligo-screening.h"
#include "eligo-test-utils.h"

#define NCT "NCT02349698"

static void
import (EligoDatabase *database,
        const char    *folder)
{
  g_autofree char *path = eligo_test_data_path ("ctgov", folder, NCT ".json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (eligo_database_import_file (database, file, NULL, NULL, &error));
  g_assert_no_error (error);
}

static EligoCriterion *
criterion_with_text (GPtrArray  *criteria,
                     const char *text)
{
  for (guint i = 0; i < criteria->len; i++)
    if (g_strcmp0 (eligo_criterion_get_text (g_ptr_array_index (criteria, i)), text) == 0)
      return g_ptr_array_index (criteria, i);

  g_error ("no criterion reads \"%s\"", text);
  return NULL;
}

static GPtrArray *
stored_criteria (EligoDatabase *database)
{
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, NCT, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *criteria = eligo_database_get_criteria (database, trial, &error);

  g_assert_no_error (error);
  return criteria;
}

static EligoScreeningResult *
screen (EligoDatabase *database,
        EligoPatient  *patient)
{
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, NCT, NULL);
  g_autoptr(GPtrArray) criteria = eligo_database_get_criteria (database, trial, NULL);

  return eligo_screen (trial, criteria, patient);
}

static const EligoCriterionResult *
result_for (EligoScreeningResult *result,
            const char           *criterion_id)
{
  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);

      if (g_str_equal (eligo_criterion_get_id (r->criterion), criterion_id))
        return r;
    }

  g_error ("no result for %s", criterion_id);
  return NULL;
}

static void
test_refresh_keeps_previous (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoCriteriaRevision) revision = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  EligoCriteriaDiffCounts counts;
  EligoCriterion *kept;

  import (database, "studies");
  g_assert_null (eligo_database_get_previous_criteria (database, NCT, &error));
  g_assert_no_error (error);
  before = stored_criteria (database);

  import (database, "changed");
  revision = eligo_database_get_previous_criteria (database, NCT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (revision);
  g_assert_cmpstr (revision->nct_id, ==, NCT);
  g_assert_cmpstr (revision->version, ==, "2019-06-25");
  g_assert_cmpstr (revision->replaced_by, ==, "2020-03-10");
  g_assert_true (g_str_has_suffix (revision->replaced_at, "Z"));

  /* The old criteria as they were stored, ids, kinds and words. */
  g_assert_cmpuint (revision->criteria->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      EligoCriterion *a = g_ptr_array_index (before, i);
      EligoCriterion *b = g_ptr_array_index (revision->criteria, i);

      g_assert_cmpstr (eligo_criterion_get_id (a), ==, eligo_criterion_get_id (b));
      g_assert_cmpint (eligo_criterion_get_kind (a), ==, eligo_criterion_get_kind (b));
      g_assert_cmpstr (eligo_criterion_get_text (a), ==, eligo_criterion_get_text (b));
      {
        g_autofree char *rule_a = eligo_criterion_dup_rule_text (a);
        g_autofree char *rule_b = eligo_criterion_dup_rule_text (b);

        g_assert_cmpstr (rule_a, ==, rule_b);
        g_assert_cmpint (eligo_criterion_get_partial (a), ==, eligo_criterion_get_partial (b));
      }
    }
  kept = criterion_with_text (revision->criteria, "No other tumors.");
  g_assert_cmpstr (eligo_criterion_get_id (kept), ==, NCT "/I10");

  /* The diff the trial page shows. */
  after = stored_criteria (database);
  changes = eligo_criteria_diff (revision->criteria, after);
  eligo_criteria_diff_count (changes, &counts);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.reworded, ==, 4);

  /* The same record again, or one changing only its status, keeps no
   * new revision. */
  import (database, "changed");
  g_assert_cmpuint (eligo_database_count_criteria_revisions (database, NCT, &error), ==, 1);
}

/* A change of status only is no change of criteria. */
static void
test_status_only (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autofree char *path = eligo_test_data_path ("ctgov", "studies", NCT ".json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *amended = NULL;
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  EligoImportStats stats = { 0 };

  import (database, "studies");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  parts = g_strsplit (contents, "\"lastUpdatePostDateStruct\":{\"date\":\"2019-06-25\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  amended = g_strjoin ("\"lastUpdatePostDateStruct\":{\"date\":\"2021-01-01\"", parts[0],
                       parts[1], NULL);
  bytes = g_bytes_new (amended, strlen (amended));
  trials = eligo_import_parse_bytes (bytes, "amended", &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_import_trials (database, trials, &stats, &error));
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpuint (eligo_database_count_criteria_revisions (database, NCT, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_screening_outdated (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0042");
  g_autoptr(EligoScreeningResult) first = NULL;
  g_autoptr(EligoScreeningResult) again = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  const EligoScreeningRecord *record;
  EligoScreeningFilter filter = { .nct_id = NCT };
  const EligoCriterionResult *r;

  import (database, "studies");
  criteria = stored_criteria (database);
  /* Answers on an unchanged criterion, on one that moves (I11 becomes I10)
   * and on one the registry rewords. */
  eligo_patient_answer_criterion (patient, criterion_with_text (criteria,
                                                                "Patients are allergic to cytokines."),
                                  ELIGO_ANSWER_PASS, "No known allergy", "Nurse Li", NULL);
  eligo_patient_answer_criterion (patient,
                                  criterion_with_text (criteria, "Patients volunteer to participate "
                                                                 "in the research."),
                                  ELIGO_ANSWER_PASS, "Consent signed", "Nurse Li", NULL);
  eligo_patient_answer_criterion (patient,
                                  criterion_with_text (criteria, "Central nervous system leukemia "
                                                                 "within 28 days."),
                                  ELIGO_ANSWER_PASS, "MRI clear", "Nurse Li", NULL);
  first = screen (database, patient);
  g_assert_cmpint (eligo_database_save_screening (database, patient, first, "Nurse Li", "Site A",
                                                  &error), >, 0);
  g_assert_no_error (error);

  records = eligo_database_list_screenings (database, &filter, &error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_null (((EligoScreeningRecord *) g_ptr_array_index (records, 0))->criteria_changed);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* A second passes so that the refresh is stored after the screening. */
  g_usleep (1100 * 1000);
  import (database, "changed");

  records = eligo_database_list_screenings (database, &filter, &error);
  g_assert_no_error (error);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->trial_last_update, ==, "2019-06-25");
  g_assert_cmpstr (record->criteria_changed, ==, "2020-03-10");
  changed = eligo_database_dup_criteria_changed (database, NCT, record->trial_last_update,
                                                 record->screened_at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed, ==, "2020-03-10");

  /* Screening again: the new criteria, the answers kept where the words are
   * the same, whatever their id now; the reworded criterion asks again. */
  again = screen (database, patient);
  r = result_for (again, NCT "/E2");
  g_assert_nonnull (r->answer);
  g_assert_cmpstr (r->answer->note, ==, "No known allergy");
  r = result_for (again, NCT "/I10");
  g_assert_cmpstr (eligo_criterion_get_text (r->criterion), ==,
                   "Patients volunteer to participate in the research.");
  g_assert_nonnull (r->answer);
  g_assert_cmpstr (r->answer->note, ==, "Consent signed");
  r = result_for (again, NCT "/E3");
  g_assert_null (r->answer);
  g_assert_cmpint (r->verdict, !=, ELIGO_VERDICT_PASS);
  r = result_for (again, NCT "/E9");
  g_assert_null (r->answer);

  g_assert_cmpint (eligo_database_save_screening (database, patient, again, "Nurse Li", "Site A",
                                                  &error), >, 0);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = eligo_database_list_screenings (database, &filter, &error);
  g_assert_cmpuint (records->len, ==, 2);
  /* Newest first: the new screening holds, the old one stays marked. */
  g_assert_null (((EligoScreeningRecord *) g_ptr_array_index (records, 0))->criteria_changed);
  g_assert_cmpstr (((EligoScreeningRecord *) g_ptr_array_index (records, 1))->criteria_changed,
                   ==, "2020-03-10");
}

/* A dialog left open over a refresh saves a screening of the old version
 * after the change was stored: still done against older criteria. */
static void
test_screening_of_old_version_saved_late (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;

  import (database, "studies");
  import (database, "changed");

  changed = eligo_database_dup_criteria_changed (database, NCT, "2019-06-25",
                                                 "2999-01-01T00:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed, ==, "2020-03-10");
  g_clear_pointer (&changed, g_free);

  changed = eligo_database_dup_criteria_changed (database, NCT, "2020-03-10",
                                                 "2999-01-01T00:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_null (changed);
}

/* The previous criteria are written in the update's transaction: an
 * update that fails keeps none of them. */
static void
test_failed_update_keeps_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autofree char *changed = eligo_test_data_path ("ctgov", "changed", NCT ".json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (changed);
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = NULL;

  import (database, "studies");
  g_clear_object (&database);
  /* The trial's row refuses the update, after the history was written. */
  eligo_test_exec_sql (path, "CREATE TRIGGER refuse BEFORE UPDATE OF raw_json ON trials BEGIN"
                  "  SELECT RAISE (ABORT, 'refused by the test');"
                  " END;");
  database = eligo_database_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (eligo_database_import_file (database, file, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (eligo_database_count_criteria_revisions (database, NCT, &error), ==, 0);
  g_assert_no_error (error);
  trial = eligo_database_get_trial_by_nct_id (database, NCT, &error);
  g_assert_cmpstr (eligo_trial_get_last_update (trial), ==, "2019-06-25");
  g_clear_object (&database);
  g_assert_true (eligo_test_integrity_ok (path));
}

/* A library of the previous schema keeps its trials and screenings and
 * stores previous criteria from then on. */
static void
test_migrate_from_previous (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0007");
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(EligoCriteriaRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undo = NULL;
  guint n_trials;

  import (database, "studies");
  result = screen (database, patient);
  g_assert_cmpint (eligo_database_save_screening (database, patient, result, NULL, NULL, &error),
                   >, 0);
  n_trials = eligo_database_count_trials (database, NULL, &error);
  g_clear_object (&database);

  /* Back to schema 4, from before the previous criteria were kept: what
   * 4 -> 5 (these tables) and the later migrations (the spans) added. */
  undo = g_strdup_printf ("DROP TABLE criteria_history; DROP TABLE criteria_revisions;"
                          " ALTER TABLE trial_criteria DROP COLUMN spans;"
                          " PRAGMA user_version = %d;", 4);
  eligo_test_exec_sql (path, undo);

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==, ELIGO_DATABASE_SCHEMA_VERSION);
  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, n_trials);
  records = eligo_database_list_screenings (database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_null (((EligoScreeningRecord *) g_ptr_array_index (records, 0))->criteria_changed);

  import (database, "changed");
  revision = eligo_database_get_previous_criteria (database, NCT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (revision);
  g_assert_cmpstr (revision->version, ==, "2019-06-25");
  g_clear_object (&database);
  g_assert_true (eligo_test_integrity_ok (path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/criteria-history/refresh-keeps-previous", test_refresh_keeps_previous);
  g_test_add_func ("/eligo/criteria-history/status-only", test_status_only);
  g_test_add_func ("/eligo/criteria-history/screening-outdated", test_screening_outdated);
  g_test_add_func ("/eligo/criteria-history/old-version-saved-late",
                   test_screening_of_old_version_saved_late);
  g_test_add_func ("/eligo/criteria-history/failed-update-keeps-nothing",
                   test_failed_update_keeps_nothing);
  g_test_add_func ("/eligo/criteria-history/migrate-from-previous", test_migrate_from_previous);

  return g_test_run ();
}
