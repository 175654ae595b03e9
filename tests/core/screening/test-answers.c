/* test-answers.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A nurse's answer keeps the words of the criterion she answered. Criterion
 * ids are positions in the text, so they move when a trial is reworded or
 * read anew: the answer follows its words, is dropped when the words
 * change, and, for the same patient, answers the same words in another
 * trial, where she can still answer otherwise.
 */

#include "config.h"

#include "eligo-import.h"
#include "eligo-patient.h"
#include "eligo-screening.h"
#include "eligo-test-utils.h"
#include "eligo-trial.h"

static EligoTrial *
make_trial (const char *nct_id)
{
  g_autofree char *text = g_strdup_printf ("{\"protocolSection\": {\"identificationModule\": "
                                           "{\"nctId\": \"%s\", \"briefTitle\": \"A trial\"}}}",
                                           nct_id);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GError) error = NULL;
  EligoTrial *trial = eligo_trial_new_from_study (json_node_get_object (node), text, &error);

  g_assert_no_error (error);
  return trial;
}

/* Criteria of @nct_id: "I:text" or "E:text", numbered in order per kind. */
static GPtrArray *
make_criteria (const char         *nct_id,
               const char * const *texts)
{
  GPtrArray *criteria = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_inclusions = 0;
  guint n_exclusions = 0;

  for (guint i = 0; texts[i] != NULL; i++)
    {
      gboolean inclusion = texts[i][0] == 'I';

      g_ptr_array_add (criteria,
                       eligo_criterion_new (nct_id,
                                            inclusion ? ELIGO_CRITERION_INCLUSION
                                                      : ELIGO_CRITERION_EXCLUSION,
                                            inclusion ? ++n_inclusions : ++n_exclusions,
                                            texts[i] + 2));
    }

  return criteria;
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

  g_assert_not_reached ();
  return NULL;
}

static EligoCriterion *
criterion_at (GPtrArray  *criteria,
              const char *criterion_id)
{
  for (guint i = 0; i < criteria->len; i++)
    if (g_str_equal (eligo_criterion_get_id (g_ptr_array_index (criteria, i)), criterion_id))
      return g_ptr_array_index (criteria, i);

  g_assert_not_reached ();
  return NULL;
}

/* The registry inserts an exclusion: "Pregnant…" moves from E2 to E3. */
static void
test_answer_follows_its_words (void)
{
  static const char * const before[] = {
    "I:Signed informed consent", "E:Active CNS leukemia", "E:Pregnant or lactating women", NULL
  };
  static const char * const after[] = {
    "I:Signed informed consent", "E:Active CNS leukemia", "E:Known HIV infection",
    "E:Pregnant or lactating women", NULL
  };
  g_autoptr(EligoTrial) trial = make_trial ("NCT09000001");
  g_autoptr(GPtrArray) old_criteria = make_criteria ("NCT09000001", before);
  g_autoptr(GPtrArray) new_criteria = make_criteria ("NCT09000001", after);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0001");
  g_autoptr(EligoScreeningResult) result = NULL;
  const EligoCriterionResult *r;

  eligo_patient_answer_criterion (patient, criterion_at (old_criteria, "NCT09000001/E2"),
                                  ELIGO_ANSWER_PASS, "not pregnant, test 3 Dec", "nurse.k", NULL);

  result = eligo_screen (trial, new_criteria, patient);
  /* E2 now reads "Known HIV infection": her answer was not about that. */
  r = result_for (result, "NCT09000001/E2");
  g_assert_false (r->answered);
  g_assert_null (r->answer);
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_REVIEW);
  /* It followed the words to E3. */
  r = result_for (result, "NCT09000001/E3");
  g_assert_true (r->answered);
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_PASS);
  g_assert_cmpstr (r->answer->criterion_id, ==, "NCT09000001/E2");
  g_assert_cmpstr (r->answer->note, ==, "not pregnant, test 3 Dec");
}

/* The registry rewords a limit: the old answer decides nothing. */
static void
test_reworded_criterion_drops_answer (void)
{
  static const char * const before[] = { "I:ECOG performance status 0-1", NULL };
  static const char * const after[] = { "I:ECOG performance status 0-2", NULL };
  g_autoptr(EligoTrial) trial = make_trial ("NCT09000001");
  g_autoptr(GPtrArray) old_criteria = make_criteria ("NCT09000001", before);
  g_autoptr(GPtrArray) new_criteria = make_criteria ("NCT09000001", after);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0001");
  g_autoptr(EligoScreeningResult) old_result = NULL;
  g_autoptr(EligoScreeningResult) new_result = NULL;

  eligo_patient_answer_criterion (patient, g_ptr_array_index (old_criteria, 0),
                                  ELIGO_ANSWER_FAIL, NULL, NULL, NULL);
  old_result = eligo_screen (trial, old_criteria, patient);
  g_assert_true (result_for (old_result, "NCT09000001/I1")->answered);
  g_assert_cmpint (eligo_screening_result_get_verdict (old_result), ==,
                   ELIGO_TRIAL_VERDICT_INELIGIBLE);

  new_result = eligo_screen (trial, new_criteria, patient);
  g_assert_false (result_for (new_result, "NCT09000001/I1")->answered);
  g_assert_cmpint (result_for (new_result, "NCT09000001/I1")->verdict, ==, ELIGO_VERDICT_REVIEW);
}

/* Answered once for the patient, the same words are answered in every trial:
 * case, punctuation and spacing do not count, the kind does. */
static void
test_answer_shared_across_trials (void)
{
  static const char * const first[] = { "E:Pregnant or lactating women.", NULL };
  static const char * const second[] = {
    "I:Pregnant or lactating women", "E:pregnant  or LACTATING women;", NULL
  };
  g_autoptr(EligoTrial) trial_a = make_trial ("NCT09000001");
  g_autoptr(EligoTrial) trial_b = make_trial ("NCT09000002");
  g_autoptr(GPtrArray) criteria_a = make_criteria ("NCT09000001", first);
  g_autoptr(GPtrArray) criteria_b = make_criteria ("NCT09000002", second);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0001");
  g_autoptr(EligoPatient) other = eligo_patient_new ("SCR-0002");
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(EligoScreeningResult) own = NULL;
  g_autoptr(EligoScreeningResult) other_result = NULL;
  g_autoptr(JsonObject) json = NULL;
  JsonArray *array;
  const EligoCriterionResult *r;

  eligo_patient_answer_criterion (patient, g_ptr_array_index (criteria_a, 0),
                                  ELIGO_ANSWER_PASS, NULL, "nurse.k", NULL);

  result = eligo_screen (trial_b, criteria_b, patient);
  r = result_for (result, "NCT09000002/E1");
  g_assert_true (r->answered);
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_PASS);
  g_assert_cmpstr (r->answer->criterion_id, ==, "NCT09000001/E1");
  /* An inclusion with the same words means the opposite: not answered. */
  g_assert_false (result_for (result, "NCT09000002/I1")->answered);

  /* The JSON says where the answer was given. */
  json = eligo_screening_result_to_json (result);
  array = json_object_get_array_member (json, "criteria");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "answered_in"), ==, "NCT09000001/E1");
  g_assert_false (json_object_has_member (json_array_get_object_element (array, 0),
                                          "answered_in"));

  /* Another patient: nothing. */
  other_result = eligo_screen (trial_b, criteria_b, other);
  g_assert_false (result_for (other_result, "NCT09000002/E1")->answered);

  /* Changed for this trial only. */
  eligo_patient_answer_criterion (patient, g_ptr_array_index (criteria_b, 1),
                                  ELIGO_ANSWER_FAIL, "pregnant since", NULL, NULL);
  own = eligo_screen (trial_b, criteria_b, patient);
  r = result_for (own, "NCT09000002/E1");
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_FAIL);
  g_assert_cmpstr (r->answer->criterion_id, ==, "NCT09000002/E1");
  g_clear_pointer (&result, eligo_screening_result_unref);
  result = eligo_screen (trial_a, criteria_a, patient);
  g_assert_cmpint (result_for (result, "NCT09000001/E1")->verdict, ==, ELIGO_VERDICT_PASS);
}

/* Answers saved before Eligo kept the words apply by id, as they always did. */
static void
test_answer_without_words (void)
{
  static const char * const texts[] = { "E:Pregnant or lactating women", NULL };
  static const char * const other_texts[] = { "E:Pregnant or lactating women", NULL };
  g_autoptr(EligoTrial) trial = make_trial ("NCT09000001");
  g_autoptr(EligoTrial) other_trial = make_trial ("NCT09000002");
  g_autoptr(GPtrArray) criteria = make_criteria ("NCT09000001", texts);
  g_autoptr(GPtrArray) other_criteria = make_criteria ("NCT09000002", other_texts);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0001");
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(EligoScreeningResult) other_result = NULL;

  eligo_patient_set_answer (patient, "NCT09000001/E1", ELIGO_ANSWER_PASS, NULL, NULL, NULL);
  result = eligo_screen (trial, criteria, patient);
  g_assert_true (result_for (result, "NCT09000001/E1")->answered);
  other_result = eligo_screen (other_trial, other_criteria, patient);
  g_assert_false (result_for (other_result, "NCT09000002/E1")->answered);
}

/* The words are saved with the answer and read back. */
static void
test_answer_json_round_trip (void)
{
  static const char * const texts[] = { "E:Pregnant or lactating women", NULL };
  g_autoptr(GPtrArray) criteria = make_criteria ("NCT09000001", texts);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0001");
  g_autoptr(EligoPatient) again = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *answer;
  const EligoAnswer *read;

  eligo_patient_answer_criterion (patient, g_ptr_array_index (criteria, 0), ELIGO_ANSWER_PASS,
                                  NULL, NULL, NULL);
  json = eligo_patient_to_json (patient);
  answer = json_object_get_object_member (json_object_get_object_member (json, "answers"),
                                          "NCT09000001/E1");
  g_assert_cmpstr (json_object_get_string_member (answer, "criterion"), ==,
                   "Pregnant or lactating women");

  again = eligo_patient_new_from_json (json, &error);
  g_assert_no_error (error);
  read = eligo_patient_get_answer (again, "NCT09000001/E1");
  g_assert_cmpstr (read->criterion_text, ==, "Pregnant or lactating women");
  g_assert_true (eligo_answer_is_for (read, g_ptr_array_index (criteria, 0)));
}

static EligoTrial *
read_record (const char *folder)
{
  g_autofree char *path = eligo_test_data_path ("ctgov", folder, "NCT02349698.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = eligo_import_parse_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_object_ref (g_ptr_array_index (trials, 0));
}

/* A real record and the registry's amended version of it (tests/data/
 * ctgov/changed): the answers follow the words that stayed, under their
 * new ids, and leave the reworded criteria to be answered again. */
static void
test_answers_across_a_refresh (void)
{
  g_autoptr(EligoTrial) before = read_record ("studies");
  g_autoptr(EligoTrial) after = read_record ("changed");
  g_autoptr(GPtrArray) old_criteria = eligo_criteria_for_trial (before);
  g_autoptr(GPtrArray) new_criteria = eligo_criteria_for_trial (after);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0042");
  g_autoptr(EligoScreeningResult) result = NULL;
  const EligoCriterionResult *r;

  g_assert_cmpstr (eligo_criterion_get_text (criterion_at (old_criteria, "NCT02349698/I11")), ==,
                   "Patients volunteer to participate in the research.");
  eligo_patient_answer_criterion (patient, criterion_at (old_criteria, "NCT02349698/I11"),
                                  ELIGO_ANSWER_PASS, "Consent signed", "nurse.k", NULL);
  eligo_patient_answer_criterion (patient, criterion_at (old_criteria, "NCT02349698/E3"),
                                  ELIGO_ANSWER_PASS, "MRI clear", "nurse.k", NULL);
  eligo_patient_answer_criterion (patient, criterion_at (old_criteria, "NCT02349698/E2"),
                                  ELIGO_ANSWER_PASS, "No allergy", "nurse.k", NULL);

  result = eligo_screen (after, new_criteria, patient);
  /* "No other tumors." (I10) is gone: the volunteer criterion is I10 now. */
  r = result_for (result, "NCT02349698/I10");
  g_assert_true (r->answered);
  g_assert_cmpstr (r->answer->note, ==, "Consent signed");
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_PASS);
  r = result_for (result, "NCT02349698/E2");
  g_assert_true (r->answered);
  /* E3 now reads "Active central nervous system leukemia within 28 days of
   * infusion.": the answer was not about that. */
  r = result_for (result, "NCT02349698/E3");
  g_assert_false (r->answered);
  g_assert_null (r->answer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/answers/follows-its-words", test_answer_follows_its_words);
  g_test_add_func ("/eligo/answers/reworded-criterion", test_reworded_criterion_drops_answer);
  g_test_add_func ("/eligo/answers/across-a-refresh", test_answers_across_a_refresh);
  g_test_add_func ("/eligo/answers/shared-across-trials", test_answer_shared_across_trials);
  g_test_add_func ("/eligo/answers/without-words", test_answer_without_words);
  g_test_add_func ("/eligo/answers/json-round-trip", test_answer_json_round_trip);

  return g_test_run ();
}
