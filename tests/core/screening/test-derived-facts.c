/* test-derived-facts.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Facts that follow from others (issue 12), so that a patient entered
 * before the new variables is not left unknown on the rules that read
 * them: the body-mass index from weight and height, pregnancy and
 * breastfeeding apart and together, any GVHD from active GVHD, no CD19
 * CAR-T without any CAR-T, no primary immunodeficiency without any. And a
 * rule of performance by age evaluates each limit in its own age group.
 */

#include "config.h"

#include <glib.h>

#include "eligo-patient.h"
#include "eligo-rule-extractor.h"
#include "eligo-rule.h"

static EligoPatient *
patient_from (const char *facts)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"SCR-1\", \"facts\": %s}", facts);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  EligoPatient *patient;

  g_assert_nonnull (node);
  patient = eligo_patient_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  return patient;
}

static EligoTruth
evaluate (const char *rule_text,
          const char *facts)
{
  g_autoptr(EligoRule) rule = eligo_rule_parse (rule_text, NULL, NULL);
  g_autoptr(EligoPatient) patient = patient_from (facts);

  g_assert_nonnull (rule);
  return eligo_rule_evaluate (rule, eligo_patient_lookup, patient);
}

static void
test_bmi (void)
{
  g_autoptr(EligoPatient) patient = patient_from ("{\"weight_kg\": 80, \"height_cm\": 150}");
  EligoValue value;

  g_assert_true (eligo_patient_lookup ("bmi_kg_m2", &value, patient));
  g_assert_cmpfloat_with_epsilon (value.number, 80 / (1.5 * 1.5), 1e-9);
  /* 35.6 kg/m²: above the limit of NCT01738087 I5. */
  g_assert_cmpint (evaluate ("bmi_kg_m2 >= 18.5 and bmi_kg_m2 <= 32", "{\"weight_kg\": 80, \"height_cm\": 150}"),
                   ==, ELIGO_TRUTH_FALSE);
  g_assert_cmpint (evaluate ("bmi_kg_m2 >= 18.5 and bmi_kg_m2 <= 32", "{\"weight_kg\": 60, \"height_cm\": 170}"),
                   ==, ELIGO_TRUTH_TRUE);
  g_assert_cmpint (evaluate ("bmi_kg_m2 <= 32", "{\"weight_kg\": 60}"), ==, ELIGO_TRUTH_UNKNOWN);
  /* An entered index wins. */
  g_assert_cmpint (evaluate ("bmi_kg_m2 <= 32", "{\"weight_kg\": 80, \"height_cm\": 150, \"bmi_kg_m2\": 30}"),
                   ==, ELIGO_TRUTH_TRUE);
}

static void
test_pregnancy (void)
{
  g_assert_cmpint (evaluate ("pregnant", "{\"pregnant_or_lactating\": false}"), ==, ELIGO_TRUTH_FALSE);
  g_assert_cmpint (evaluate ("breastfeeding", "{\"pregnant_or_lactating\": false}"), ==, ELIGO_TRUTH_FALSE);
  /* Either one: which one is not known. */
  g_assert_cmpint (evaluate ("pregnant", "{\"pregnant_or_lactating\": true}"), ==, ELIGO_TRUTH_UNKNOWN);
  g_assert_cmpint (evaluate ("pregnant_or_lactating", "{\"breastfeeding\": true}"), ==, ELIGO_TRUTH_TRUE);
  g_assert_cmpint (evaluate ("pregnant_or_lactating", "{\"pregnant\": false, \"breastfeeding\": false}"),
                   ==, ELIGO_TRUTH_FALSE);
  g_assert_cmpint (evaluate ("pregnant_or_lactating", "{\"pregnant\": false}"), ==, ELIGO_TRUTH_UNKNOWN);
}

static void
test_implications (void)
{
  g_assert_cmpint (evaluate ("gvhd_any", "{\"gvhd_active\": true}"), ==, ELIGO_TRUTH_TRUE);
  /* No grade II-IV GVHD may still be grade I. */
  g_assert_cmpint (evaluate ("gvhd_any", "{\"gvhd_active\": false}"), ==, ELIGO_TRUTH_UNKNOWN);
  g_assert_cmpint (evaluate ("prior_cd19_car_t", "{\"prior_car_t\": false}"), ==, ELIGO_TRUTH_FALSE);
  g_assert_cmpint (evaluate ("prior_cd19_car_t", "{\"prior_car_t\": true}"), ==, ELIGO_TRUTH_UNKNOWN);
  g_assert_cmpint (evaluate ("primary_immunodeficiency", "{\"immunodeficiency\": false}"), ==, ELIGO_TRUTH_FALSE);
  /* An entered fact wins. */
  g_assert_cmpint (evaluate ("gvhd_any", "{\"gvhd_active\": true, \"gvhd_any\": false}"), ==, ELIGO_TRUTH_FALSE);
}

/* NCT05751044 I2: each limit for its own age group. */
static void
test_performance_by_age (void)
{
  g_autoptr(EligoExtraction) extraction = NULL;
  struct { const char *facts; EligoTruth expected; } cases[] = {
    { "{\"age_years\": 10, \"lansky\": 60}", ELIGO_TRUTH_TRUE },
    { "{\"age_years\": 10, \"lansky\": 40, \"karnofsky\": 90}", ELIGO_TRUTH_FALSE },
    { "{\"age_years\": 30, \"karnofsky\": 50}", ELIGO_TRUTH_TRUE },
    { "{\"age_years\": 30, \"karnofsky\": 40, \"lansky\": 90}", ELIGO_TRUTH_FALSE },
    { "{\"age_years\": 30}", ELIGO_TRUTH_UNKNOWN },
  };

  extraction = eligo_rule_extract (ELIGO_CRITERION_INCLUSION,
                                   "Performance status: Karnofsky performance status (for patients >12 years "
                                   "of age) or Lansky Play score (for patients ≤12 years of age) ≥ 50% (Appendix I).",
                                   NULL);
  g_assert_nonnull (extraction->rule);
  g_assert_false (extraction->partial);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (evaluate (extraction->rule, cases[i].facts), ==, cases[i].expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/derived-facts/bmi", test_bmi);
  g_test_add_func ("/eligo/derived-facts/pregnancy", test_pregnancy);
  g_test_add_func ("/eligo/derived-facts/implications", test_implications);
  g_test_add_func ("/eligo/derived-facts/performance-by-age", test_performance_by_age);

  return g_test_run ();
}
