/* test-screening.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screening patients against the seed trials: a fit patient, then one fact
 * changed at a time; sparse patients; the nurse's answers; curated rules
 * kept across re-imports.
 */

#include "config.h"

#include <string.h>

#include "eligo-database.h"
#include "eligo-screening.h"
#include "eligo-test-utils.h"

typedef struct
{
  const char *fact;      /* JSON member of "facts" */
  const char *value;     /* JSON value */
  const char *failing;   /* the criteria that must then fail, space-separated */
} Change;

typedef struct
{
  const char   *nct_id;
  const char   *fit;     /* JSON facts of a patient who meets every rule */
  const Change *changes;
} SeedCase;

static const Change changes_001[] = {
  { "age_years", "13", "I3 I13" },
  { "age_years", "81", "I3 I13" },
  { "ecog", "3", "I4" },
  { "cd19_positive", "false", "I5" },
  { "life_expectancy_months", "3", "I6" },
  { "creatinine_x_uln", "2.1", "I7" },
  { "lvef_pct", "49", "I8" },
  { "spo2_pct", "92", "I9" },
  { "alt_x_uln", "3.5", "I10" },
  { "bilirubin_x_uln", "2.5", "I10" },
  { "prior_car_t", "true", "E2" },
  { "cmv_dna_detectable", "true", "E4" },
  { "hiv_positive", "true", "E4" },
  { "significant_effusion", "true", "E8" },
  { "recent_thrombosis", "true", "E9" },
  { "weeks_since_live_vaccine", "6", "E11" },
  { "active_infection", "true", "E12" },
  { "able_to_comply", "false", "I1" },
  { "hypersensitivity_study_drug", "true", "E10" },
  { NULL }
};

static const Change changes_000[] = {
  { "matched_donor_available", "true", "I2" },
  { "informed_consent", "false", "I5" },
  { "age_years", "17", "I6" },
  { "prior_car_t", "false", "I3" },
  { NULL }
};

static const Change changes_002[] = {
  { "age_years", "40", "I3" },
  { "age_years", "0.5", "I3" },
  { "ecog", "3", "I5" },
  { "life_expectancy_months", "1.5", "I6" },
  { "informed_consent", "false", "I7" },
  { "months_since_bendamustine", "9", "E1" },
  { "dic", "true", "E6" },
  { "bun_x_uln", "1.5", "E7" },
  { "creatinine_x_uln", "1.6", "E7" },
  { "active_infection", "true", "E8" },
  { "uncontrolled_diabetes", "true", "E9" },
  { "severe_mental_disorder", "true", "E10" },
  { "csf_blasts_per_ul", "21", "E12" },
  { "pb_blasts_pct", "31", "E13" },
  { "prior_organ_transplant", "true", "E14" },
  { "pregnant_or_lactating", "true", "E15" },
  { NULL }
};

static const Change changes_003[] = {
  { "sex", "\"female\"", "" },
  { "age_years", "11", "I2" },
  { "age_years", "71", "I2" },
  { "life_expectancy_months", "2.5", "I4" },
  { "ecog", "2", "I5" },
  { "prior_cd19_car_t", "false", "I3" },
  /* E2 (Burkitt) is a partial rule the nurse answered: her answer stands;
   * I3 (relapsed CD38+ B-ALL after CD19 CAR-T) is read whole now. */
  { "diagnosis", "\"Burkitt\"", "I3" },
  { "gvhd_active", "true", "E4" },
  { "days_since_investigational_agent", "30", "E8" },
  { "systemic_steroids", "true", "E10" },
  { "pregnant_or_lactating", "true", "E11" },
  { NULL }
};

static const Change changes_004[] = {
  { "age_years", "14", "I5" },
  { "age_years", "65", "I5" },
  { "ecog", "4", "I6" },
  /* I7 reads any GVHD (gvhd_any, entered as false here); E2 is whole. */
  { "gvhd_active", "true", "" },
  { "gvhd_any", "true", "I7" },
  { "active_infection", "true", "I7 E2" },
  { "life_expectancy_months", "2", "I8" },
  /* I9 reads "Total bilirubin ≤1.5 ULN, excluding subjects with Gilbert's
   * syndrome" now, but is partial and answered by the nurse: her answer stands. */
  { "bilirubin_x_uln", "2", "" },
  { "hiv_positive", "true", "E3" },
  { "recent_thrombosis", "true", "E10" },
  { "weeks_since_live_vaccine", "6", "E13" },
  { "pregnant_or_lactating", "true", "E14" },
  { "contraception_agreed", "false", "E15" },
  { "primary_immunodeficiency", "true", "E9" },
  { "able_to_comply", "false", "E16" },
  { "in_other_trial", "true", "E18" },
  { NULL }
};

static const SeedCase seed_cases[] = {
  { "NCT07072494",
    "{\"age_years\": 30, \"sex\": \"female\", \"ecog\": 1, \"cd19_positive\": true,"
    " \"life_expectancy_months\": 12, \"creatinine_x_uln\": 1, \"lvef_pct\": 60,"
    " \"spo2_pct\": 97, \"bilirubin_x_uln\": 1, \"alt_x_uln\": 1, \"ast_x_uln\": 1,"
    " \"diagnosis\": \"B-ALL\", \"disease_status\": \"CR\", \"informed_consent\": true,"
    " \"prior_car_t\": false, \"hbv_dna_detectable\": false, \"hcv_ab_positive\": false,"
    " \"ebv_dna_detectable\": false, \"cmv_dna_detectable\": false, \"hiv_positive\": false,"
    " \"nyha_class\": 1, \"qtc_ms\": 420, \"systolic_bp_mmhg\": 120, \"diastolic_bp_mmhg\": 80,"
    " \"cns_disease\": false, \"significant_effusion\": false, \"recent_thrombosis\": false,"
    " \"weeks_since_live_vaccine\": 52, \"active_infection\": false, \"able_to_comply\": true,"
    " \"hypersensitivity_study_drug\": false}",
    changes_001 },
  { "NCT07087847",
    "{\"age_years\": 40, \"matched_donor_available\": false, \"disease_status\": \"CR\","
    " \"mrd_negative\": true, \"extramedullary_disease\": false, \"alt_x_uln\": 1,"
    " \"ast_x_uln\": 1, \"bilirubin_x_uln\": 1, \"bun_x_uln\": 1, \"creatinine_x_uln\": 1,"
    " \"informed_consent\": true, \"prior_car_t\": true}",
    changes_000 },
  { "NCT06389305",
    "{\"age_years\": 20, \"diagnosis\": \"B-ALL\", \"prior_car_t\": true,"
    " \"car_t_persistence_lost\": true, \"ecog\": 1, \"life_expectancy_months\": 6,"
    " \"informed_consent\": true, \"months_since_bendamustine\": 24, \"dic\": false,"
    " \"creatinine_x_uln\": 1, \"bun_x_uln\": 1, \"active_infection\": false,"
    " \"uncontrolled_diabetes\": false, \"severe_mental_disorder\": false,"
    " \"csf_blasts_per_ul\": 0, \"pb_blasts_pct\": 5, \"prior_organ_transplant\": false,"
    " \"pregnant_or_lactating\": false, \"hiv_positive\": false, \"syphilis_positive\": false,"
    " \"disease_status\": \"relapsed\"}",
    changes_002 },
  { "NCT03754764",
    "{\"sex\": \"male\", \"age_years\": 25, \"diagnosis\": \"B-ALL\","
    " \"disease_status\": \"relapsed\", \"cd38_positive\": true, \"prior_car_t\": true,"
    " \"prior_cd19_car_t\": true,"
    " \"life_expectancy_months\": 6, \"ecog\": 1, \"gvhd_active\": false,"
    " \"autoimmune_disease\": false, \"immunodeficiency\": false, \"hiv_positive\": false,"
    " \"days_since_investigational_agent\": 100, \"systemic_steroids\": false,"
    " \"pregnant_or_lactating\": false, \"hbv_dna_detectable\": false, \"hcv_rna_detectable\": false}",
    changes_003 },
  { "NCT06585345",
    "{\"age_years\": 30, \"disease_status\": \"refractory\", \"ecog\": 2,"
    " \"active_infection\": false, \"gvhd_active\": false, \"life_expectancy_months\": 6,"
    " \"creatinine_clearance_ml_min\": 90, \"alt_x_uln\": 1, \"ast_x_uln\": 1, \"lvef_pct\": 60,"
    " \"significant_effusion\": false, \"spo2_pct\": 97, \"hiv_positive\": false,"
    " \"cns_disease\": false, \"recent_cardiac_event\": false, \"recent_thrombosis\": false,"
    " \"weeks_since_live_vaccine\": 52, \"pregnant_or_lactating\": false,"
    " \"contraception_agreed\": true, \"bilirubin_x_uln\": 1, \"gilbert_syndrome\": false,"
    " \"gvhd_any\": false, \"primary_immunodeficiency\": false, \"able_to_comply\": true,"
    " \"in_other_trial\": false}",
    changes_004 },
};

static EligoPatient *
patient_from_facts (const char *facts_json)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"SCR-TEST\", \"facts\": %s}", facts_json);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  EligoPatient *patient;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  patient = eligo_patient_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);

  return patient;
}

static void
set_fact_json (EligoPatient *patient,
               const char   *name,
               const char   *value_json)
{
  g_autofree char *facts = g_strdup_printf ("{\"%s\": %s}", name, value_json);
  g_autoptr(EligoPatient) one = patient_from_facts (facts);
  g_autoptr(GError) error = NULL;
  EligoValue value;

  g_assert_true (eligo_patient_get_fact (one, name, &value));
  eligo_patient_set_fact (patient, name, &value, &error);
  g_assert_no_error (error);
}

static GPtrArray *
seed_criteria (EligoDatabase  *database,
               const char     *nct_id,
               EligoTrial    **trial_out)
{
  g_autoptr(GError) error = NULL;
  EligoTrial *trial = eligo_database_get_trial_by_nct_id (database, nct_id, &error);
  GPtrArray *criteria;

  g_assert_no_error (error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);
  *trial_out = trial;

  return criteria;
}

/* The short ids ("I3 E2") of the criteria with @verdict, in order. */
static char *
ids_with (EligoScreeningResult *result,
          EligoVerdict          verdict)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);

      if (r->verdict != verdict)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, strchr (eligo_criterion_get_id (r->criterion), '/') + 1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const EligoCriterionResult *
result_for (EligoScreeningResult *result,
            const char           *id)
{
  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);

      if (g_str_equal (eligo_criterion_get_id (r->criterion), id))
        return r;
    }

  g_error ("no criterion %s", id);
}

/* Answers "pass" for every criterion the engine leaves to review. */
static void
answer_reviews (EligoPatient         *patient,
                EligoScreeningResult *result)
{
  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);

      if (r->engine_verdict == ELIGO_VERDICT_REVIEW)
        eligo_patient_set_answer (patient, eligo_criterion_get_id (r->criterion),
                                  ELIGO_ANSWER_PASS, "checked with the investigator",
                                  "Test Nurse", NULL);
    }
}

static void
test_fit_and_unfit (gconstpointer data)
{
  const SeedCase *seed = data;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = seed_criteria (database, seed->nct_id, &trial);
  g_autoptr(EligoPatient) patient = patient_from_facts (seed->fit);
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *failing = NULL;

  /* Every rule holds: nothing fails or is unknown, but the text still needs the nurse. */
  result = eligo_screen (trial, criteria, patient);
  failing = ids_with (result, ELIGO_VERDICT_FAIL);
  unknown = ids_with (result, ELIGO_VERDICT_UNKNOWN);
  g_assert_cmpstr (failing, ==, "");
  g_assert_cmpstr (unknown, ==, "");
  g_assert_cmpuint (eligo_screening_result_get_count (result, ELIGO_VERDICT_REVIEW), >, 0);
  g_assert_cmpint (eligo_screening_result_get_verdict (result), ==, ELIGO_TRIAL_VERDICT_PENDING);

  /* The nurse judges the rest: eligible. */
  answer_reviews (patient, result);
  g_clear_pointer (&result, eligo_screening_result_unref);
  result = eligo_screen (trial, criteria, patient);
  g_assert_cmpint (eligo_screening_result_get_verdict (result), ==, ELIGO_TRIAL_VERDICT_ELIGIBLE);
  g_assert_cmpuint (eligo_screening_result_get_count (result, ELIGO_VERDICT_PASS), ==,
                    criteria->len);

  /* One fact changed at a time fails exactly the criteria that read it. */
  for (const Change *change = seed->changes; change->fact != NULL; change++)
    {
      g_autoptr(EligoPatient) unfit = patient_from_facts (seed->fit);
      g_autoptr(EligoScreeningResult) changed = NULL;
      g_autofree char *now_failing = NULL;

      answer_reviews (unfit, result);
      set_fact_json (unfit, change->fact, change->value);
      changed = eligo_screen (trial, criteria, unfit);
      now_failing = ids_with (changed, ELIGO_VERDICT_FAIL);

      g_test_message ("%s: %s = %s fails “%s”", seed->nct_id, change->fact, change->value,
                      now_failing);
      g_assert_cmpstr (now_failing, ==, change->failing);
      g_assert_cmpint (eligo_screening_result_get_verdict (changed), ==,
                       *change->failing != '\0' ? ELIGO_TRIAL_VERDICT_INELIGIBLE
                                                : ELIGO_TRIAL_VERDICT_ELIGIBLE);
    }
}

/*
 * A patient missing any fact that a whole rule reads is never eligible,
 * even with every text criterion answered: the criterion is unknown.
 */
static void
test_sparse_never_eligible (gconstpointer data)
{
  const SeedCase *seed = data;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = seed_criteria (database, seed->nct_id, &trial);
  g_autoptr(EligoPatient) fit = patient_from_facts (seed->fit);
  g_autoptr(EligoScreeningResult) first = eligo_screen (trial, criteria, fit);
  g_auto(GStrv) names = eligo_patient_dup_fact_names (fit);
  g_autoptr(EligoPatient) empty = eligo_patient_new ("SCR-EMPTY");
  g_autoptr(EligoScreeningResult) none = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(EligoPatient) sparse = patient_from_facts (seed->fit);
      g_autoptr(EligoScreeningResult) result = NULL;
      gboolean read_by_whole_rule = FALSE;

      answer_reviews (sparse, first);
      eligo_patient_unset_fact (sparse, names[i]);
      result = eligo_screen (trial, criteria, sparse);

      for (guint k = 0; k < criteria->len; k++)
        {
          EligoCriterion *criterion = g_ptr_array_index (criteria, k);
          EligoRule *rule = eligo_criterion_get_rule (criterion);
          g_auto(GStrv) vars = rule != NULL ? eligo_rule_dup_variables (rule) : NULL;

          if (rule != NULL && !eligo_criterion_get_partial (criterion) &&
              g_strv_contains ((const char * const *) vars, names[i]))
            read_by_whole_rule = TRUE;
        }

      if (read_by_whole_rule)
        {
          g_auto(GStrv) missing = eligo_screening_result_dup_missing (result);

          g_assert_cmpint (eligo_screening_result_get_verdict (result), ==,
                           ELIGO_TRIAL_VERDICT_PENDING);
          g_assert_true (g_strv_contains ((const char * const *) missing, names[i]));
        }

      /* Eligible only ever means every criterion passed. */
      if (eligo_screening_result_get_verdict (result) == ELIGO_TRIAL_VERDICT_ELIGIBLE)
        g_assert_cmpuint (eligo_screening_result_get_count (result, ELIGO_VERDICT_PASS), ==,
                          criteria->len);
    }

  /* Nothing known, nothing answered: pending, with unknowns and reviews. */
  none = eligo_screen (trial, criteria, empty);
  g_assert_cmpint (eligo_screening_result_get_verdict (none), ==, ELIGO_TRIAL_VERDICT_PENDING);
  g_assert_cmpuint (eligo_screening_result_get_count (none, ELIGO_VERDICT_PASS), ==, 0);
  g_assert_cmpuint (eligo_screening_result_get_count (none, ELIGO_VERDICT_UNKNOWN), >, 0);
}

static void
test_answers_override (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = seed_criteria (database, "NCT07072494", &trial);
  g_autoptr(EligoPatient) patient = patient_from_facts (seed_cases[0].fit);
  g_autoptr(EligoScreeningResult) result = NULL;
  const EligoCriterionResult *r;
  g_autofree char *failing = NULL;

  /* The engine fails the ECOG criterion; the nurse's answer decides. */
  set_fact_json (patient, "ecog", "3");
  eligo_patient_set_answer (patient, "NCT07072494/I4", ELIGO_ANSWER_PASS,
                            "ECOG 2 on re-assessment today", "Test Nurse", NULL);
  result = eligo_screen (trial, criteria, patient);
  r = result_for (result, "NCT07072494/I4");
  g_assert_true (r->answered);
  g_assert_cmpint (r->engine_verdict, ==, ELIGO_VERDICT_FAIL);
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_PASS);
  failing = ids_with (result, ELIGO_VERDICT_FAIL);
  g_assert_cmpstr (failing, ==, "");

  /* And a "fail" answer fails a criterion the engine passed. */
  eligo_patient_set_answer (patient, "NCT07072494/I8", ELIGO_ANSWER_FAIL, NULL, NULL, NULL);
  g_clear_pointer (&result, eligo_screening_result_unref);
  result = eligo_screen (trial, criteria, patient);
  g_clear_pointer (&failing, g_free);
  failing = ids_with (result, ELIGO_VERDICT_FAIL);
  g_assert_cmpstr (failing, ==, "I8");
  g_assert_cmpint (eligo_screening_result_get_verdict (result), ==, ELIGO_TRIAL_VERDICT_INELIGIBLE);

  /* A partial rule can fail a criterion (QTc 480 ms) but never pass it. */
  g_assert_true (eligo_patient_remove_answer (patient, "NCT07072494/I8"));
  set_fact_json (patient, "qtc_ms", "480");
  g_clear_pointer (&result, eligo_screening_result_unref);
  result = eligo_screen (trial, criteria, patient);
  g_clear_pointer (&failing, g_free);
  failing = ids_with (result, ELIGO_VERDICT_FAIL);
  g_assert_cmpstr (failing, ==, "E6");
  set_fact_json (patient, "qtc_ms", "430");
  g_clear_pointer (&result, eligo_screening_result_unref);
  result = eligo_screen (trial, criteria, patient);
  r = result_for (result, "NCT07072494/E6");
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_REVIEW);
}

static void
test_derived_clearance (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = seed_criteria (database, "NCT06585345", &trial);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-CRCL");
  g_autoptr(EligoScreeningResult) result = NULL;
  const EligoCriterionResult *r;

  /* CrCl by Cockcroft-Gault: 30-year-old 70 kg woman, creatinine 150 umol/L: 54 mL/min. */
  set_fact_json (patient, "age_years", "30");
  set_fact_json (patient, "weight_kg", "70");
  set_fact_json (patient, "sex", "\"female\"");
  set_fact_json (patient, "creatinine_umol_l", "150");
  result = eligo_screen (trial, criteria, patient);
  r = result_for (result, "NCT06585345/I9");
  g_assert_cmpint (r->verdict, ==, ELIGO_VERDICT_FAIL);
}

static void
test_curated_survive_reimport (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autofree char *seed_path = g_build_filename (g_getenv ("ELIGO_SOURCE_DIR"), "data", "seeds",
                                                 "NCT07072494.json", NULL);
  g_autofree char *new_path = eligo_test_tmp_path ("NCT07072494-v2.json");
  g_autofree char *seed_json = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(EligoCriterion) curated = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rule = NULL;
  EligoCriterion *moved;

  curated = eligo_database_curate (database, "NCT07072494/E6", "qtc_ms >= 470 or nyha_class >= 3",
                                   TRUE, "Test Nurse", &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_criterion_get_origin (curated), ==, ELIGO_ORIGIN_CURATED);

  /* A bad rule is refused and changes nothing. */
  g_assert_null (eligo_database_curate (database, "NCT07072494/E6", "qtc_ms >= fast", FALSE,
                                        NULL, &error));
  g_assert_error (error, ELIGO_RULE_ERROR, ELIGO_RULE_ERROR_TYPE);
  g_assert_true (g_str_has_prefix (error->message, "Column 11: "));
  g_clear_error (&error);
  g_assert_null (eligo_database_curate (database, "NCT07072494/E6", "qtc_ms >=", FALSE,
                                        NULL, &error));
  g_assert_error (error, ELIGO_RULE_ERROR, ELIGO_RULE_ERROR_SYNTAX);
  g_clear_error (&error);

  /* The registry publishes a new version with a new first exclusion. */
  g_file_get_contents (seed_path, &seed_json, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (seed_json);
  g_assert_cmpint (g_string_replace (edited, "\"2025-07-18\"", "\"2025-09-01\"", 0), ==, 1);
  g_assert_cmpint (g_string_replace (edited, "Exclusion Criteria:\\n\\n1. ",
                                     "Exclusion Criteria:\\n\\n1. Active CNS leukemia.\\n2. ", 1),
                   ==, 1);
  eligo_test_write_file (new_path, edited->str, -1);
  file = g_file_new_for_path (new_path);
  g_assert_true (eligo_database_import_file (database, file, NULL, NULL, &error));
  g_assert_no_error (error);

  trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);

  /* The curated rule followed its criterion's words to E7. */
  moved = NULL;
  for (guint i = 0; i < criteria->len; i++)
    if (g_str_equal (eligo_criterion_get_id (g_ptr_array_index (criteria, i)), "NCT07072494/E7"))
      moved = g_ptr_array_index (criteria, i);
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (eligo_criterion_get_text (moved), "Any of the following cardiac"));
  g_assert_cmpint (eligo_criterion_get_origin (moved), ==, ELIGO_ORIGIN_CURATED);
  rule = eligo_criterion_dup_rule_text (moved);
  g_assert_cmpstr (rule, ==, "qtc_ms >= 470 or nyha_class >= 3");
  g_assert_cmpstr (eligo_criterion_get_curated_by (moved), ==, "Test Nurse");
  g_assert_true (eligo_criterion_get_partial (moved));

  /* Resetting brings the parsed rule back. */
  g_assert_true (eligo_database_uncurate (database, "NCT07072494/E7", &error));
  g_clear_pointer (&criteria, g_ptr_array_unref);
  criteria = eligo_database_get_criteria (database, trial, &error);
  for (guint i = 0; i < criteria->len; i++)
    if (g_str_equal (eligo_criterion_get_id (g_ptr_array_index (criteria, i)), "NCT07072494/E7"))
      g_assert_cmpint (eligo_criterion_get_origin (g_ptr_array_index (criteria, i)), ==,
                       ELIGO_ORIGIN_PARSED);
}

static void
test_match_order (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = patient_from_facts (seed_cases[0].fit);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_screening_result_unref);

  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    {
      g_autoptr(EligoTrial) trial = NULL;
      g_autoptr(GPtrArray) criteria = seed_criteria (database, seed_cases[i].nct_id, &trial);

      g_ptr_array_add (results, eligo_screen (trial, criteria, patient));
    }

  for (guint i = 0; i + 1 < results->len; i++)
    for (guint k = i + 1; k < results->len; k++)
      {
        EligoScreeningResult *a = g_ptr_array_index (results, i);
        EligoScreeningResult *b = g_ptr_array_index (results, k);
        int ab = eligo_screening_result_compare (a, b);

        g_assert_cmpint (ab, ==, -eligo_screening_result_compare (b, a));
        if (eligo_screening_result_get_count (a, ELIGO_VERDICT_FAIL) <
            eligo_screening_result_get_count (b, ELIGO_VERDICT_FAIL))
          g_assert_cmpint (ab, <, 0);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    {
      g_autofree char *fit = g_strdup_printf ("/eligo/screening/fit-and-unfit/%s",
                                              seed_cases[i].nct_id);
      g_autofree char *sparse = g_strdup_printf ("/eligo/screening/sparse-never-eligible/%s",
                                                 seed_cases[i].nct_id);

      g_test_add_data_func (fit, &seed_cases[i], test_fit_and_unfit);
      g_test_add_data_func (sparse, &seed_cases[i], test_sparse_never_eligible);
    }
  g_test_add_func ("/eligo/screening/answers-override", test_answers_override);
  g_test_add_func ("/eligo/screening/derived-clearance", test_derived_clearance);
  g_test_add_func ("/eligo/screening/curated-survive-reimport", test_curated_survive_reimport);
  g_test_add_func ("/eligo/screening/match-order", test_match_order);

  return g_test_run ();
}
