/* test-comparison.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trials side by side: the aligned table of the five seed trials, only
 * differences, a patient's verdicts, JSON and text, and eligo-cli compare.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-comparison.h"
#include "eligo-test-utils.h"

/* The seed trials, in the column order the tests use. */
static const char * const seeds[] = {
  "NCT07087847", "NCT07072494", "NCT06389305", "NCT03754764", "NCT06585345",
};

static GPtrArray *
load_trials (EligoDatabase      *database,
             const char * const *nct_ids,
             guint               n)
{
  GPtrArray *trials = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      EligoTrial *trial = eligo_database_get_trial_by_nct_id (database, nct_ids[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (trials, trial);
    }

  return trials;
}

static EligoComparison *
compare (EligoDatabase      *database,
         const char * const *nct_ids,
         guint               n)
{
  g_autoptr(GPtrArray) trials = load_trials (database, nct_ids, n);
  g_autoptr(GError) error = NULL;
  EligoComparison *comparison = eligo_comparison_new (database, trials, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (eligo_comparison_get_n_trials (comparison), ==, n);

  return comparison;
}

static EligoComparisonRow *
find_row (EligoComparison *comparison,
          const char      *id)
{
  EligoComparisonRow *row = eligo_comparison_find_row (comparison, id);

  if (row == NULL)
    g_error ("no row %s", id);

  return row;
}

static void
assert_cells (EligoComparisonRow *row,
              const char * const *expected,
              guint               n)
{
  g_assert_cmpuint (eligo_comparison_row_get_n_cells (row), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (eligo_comparison_row_get_cell (row, i), ==, expected[i]);
}

static EligoPatient *
patient_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  EligoPatient *patient;

  g_assert_no_error (error);
  patient = eligo_patient_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);

  return patient;
}

static void
test_aligned_seeds (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  const char * const ages[] = { "18 and over", "14–80", "1–39", "12–70", "14–65" };
  const char * const ecog[] = { NULL, "≤ 2", "≤ 2", "≤ 1", "≤ 3" };
  const char * const lvef[] = { NULL, "≥ 50 %", NULL, NULL, "≥ 50 %" };
  EligoComparisonRow *row;
  EligoVerdict verdict;

  row = find_row (comparison, "eligibility.age_years");
  assert_cells (row, ages, G_N_ELEMENTS (ages));
  g_assert_cmpstr (eligo_comparison_row_get_variable (row), ==, "age_years");
  g_assert_cmpstr (eligo_comparison_row_get_label (row), ==, "Age");
  g_assert_cmpint (eligo_comparison_row_get_section (row), ==,
                   ELIGO_COMPARISON_SECTION_ELIGIBILITY);
  g_assert_true (eligo_comparison_row_differs (row));
  g_assert_false (eligo_comparison_row_get_verdict (row, 0, &verdict));

  row = find_row (comparison, "eligibility.ecog");
  assert_cells (row, ecog, G_N_ELEMENTS (ecog));
  for (guint i = 0; i < G_N_ELEMENTS (ecog); i++)
    g_assert_false (eligo_comparison_row_get_partial (row, i));

  /* NCT06585345 states LVEF in a criterion the rule covers partly */
  row = find_row (comparison, "eligibility.lvef_pct");
  assert_cells (row, lvef, G_N_ELEMENTS (lvef));
  g_assert_false (eligo_comparison_row_get_partial (row, 1));
  g_assert_true (eligo_comparison_row_get_partial (row, 4));

  /* Short forms of other kinds, on NCT07072494's criteria */
  g_assert_cmpstr (eligo_comparison_row_get_cell (find_row (comparison,
                                                            "eligibility.creatinine_x_uln"), 1),
                   ==, "≤ 2 × ULN");
  g_assert_cmpstr (eligo_comparison_row_get_cell (find_row (comparison,
                                                            "eligibility.prior_car_t"), 1),
                   ==, "excluded");
  g_assert_cmpstr (eligo_comparison_row_get_cell (find_row (comparison,
                                                            "eligibility.cd19_positive"), 1),
                   ==, "required");
  g_assert_cmpstr (eligo_comparison_row_get_cell (find_row (comparison,
                                                            "eligibility.weeks_since_live_vaccine"),
                                                  1),
                   ==, "excluded if ≤ 6 weeks");

  /* The population section repeats the disease status the criteria require */
  row = find_row (comparison, "population.disease-status");
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_assert_cmpstr (eligo_comparison_row_get_cell (row, i), ==,
                     eligo_comparison_row_get_cell (find_row (comparison,
                                                              "eligibility.disease_status"), i));

  /* Variables no seed constrains have no row */
  g_assert_null (eligo_comparison_find_row (comparison, "eligibility.karnofsky"));
  g_assert_null (eligo_comparison_find_row (comparison, "eligibility.platelets_10e9_l"));
}

static void
test_row_order (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  const EligoVariable *variables;
  guint n_variables;
  int section = -1;
  int last_variable = -1;

  variables = eligo_variables_get_all (&n_variables);
  for (guint i = 0; i < eligo_comparison_get_n_rows (comparison); i++)
    {
      EligoComparisonRow *row = eligo_comparison_get_row (comparison, i);
      const char *variable = eligo_comparison_row_get_variable (row);
      gboolean any = FALSE;

      /* Sections come in order, each once */
      g_assert_cmpint (eligo_comparison_row_get_section (row), >=, section);
      section = eligo_comparison_row_get_section (row);

      /* Rows where every trial says nothing are left out */
      for (guint t = 0; t < eligo_comparison_row_get_n_cells (row); t++)
        any |= eligo_comparison_row_get_cell (row, t) != NULL;
      g_assert_true (any);

      g_assert_cmpint (variable != NULL, ==, section == ELIGO_COMPARISON_SECTION_ELIGIBILITY);
      if (variable == NULL)
        continue;

      /* Eligibility rows in the order of variables.md */
      for (guint v = 0; v < n_variables; v++)
        if (strcmp (variables[v].name, variable) == 0)
          {
            g_assert_cmpint ((int) v, >, last_variable);
            last_variable = v;
          }
    }

  g_assert_cmpint (section, ==, ELIGO_COMPARISON_SECTION_OUTCOMES);
}

static void
test_overview_and_interventions (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  const char * const antigens[] = { NULL, "CD19", NULL, "CD38", "CD7" };
  const char * const enrollment[] = { "18", "30", "213", "80", "200" };
  const char * const model[] = {
    "Single group", "Single group", "Parallel", "Single group", "Single group",
  };
  EligoComparisonRow *row;

  assert_cells (find_row (comparison, "interventions.target-antigen"), antigens,
                G_N_ELEMENTS (antigens));
  assert_cells (find_row (comparison, "overview.enrollment"), enrollment,
                G_N_ELEMENTS (enrollment));
  assert_cells (find_row (comparison, "design.model"), model, G_N_ELEMENTS (model));

  row = find_row (comparison, "interventions.interventions");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "CD19 CAR-T cells injection (Drug)");
  g_assert_null (eligo_comparison_row_get_cell (row, 3));

  row = find_row (comparison, "outcomes.primary");
  g_assert_true (g_str_has_prefix (eligo_comparison_row_get_cell (row, 4),
                                   "Number of Adverse Events (12 months)\n"));

  row = find_row (comparison, "overview.countries");
  g_assert_false (eligo_comparison_row_differs (row));

  /* Criteria without rules, with their count */
  row = find_row (comparison, "unruled.inclusion");
  g_assert_true (g_str_has_prefix (eligo_comparison_row_get_cell (row, 1), "2 criteria\nI11 "));
}

static void
test_only_differences (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  const char * const pair[] = { "NCT07087847", "NCT07072494" };
  g_autoptr(EligoComparison) comparison = compare (database, pair, G_N_ELEMENTS (pair));
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(JsonObject) differences = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_all = NULL;
  EligoComparisonRow *sex = find_row (comparison, "population.sex");
  JsonArray *sections;

  g_assert_cmpstr (eligo_comparison_row_get_cell (sex, 0), ==, "All");
  g_assert_cmpstr (eligo_comparison_row_get_cell (sex, 1), ==, "All");
  g_assert_false (eligo_comparison_row_differs (sex));
  g_assert_true (eligo_comparison_row_differs (find_row (comparison, "eligibility.age_years")));

  /* An empty cell differs from a filled one */
  g_assert_true (eligo_comparison_row_differs (find_row (comparison, "eligibility.ecog")));

  differences = eligo_comparison_to_json (comparison, TRUE);
  sections = json_object_get_array_member (differences, "sections");
  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonObject *section = json_array_get_object_element (sections, s);
      JsonArray *rows = json_object_get_array_member (section, "rows");

      g_assert_cmpuint (json_array_get_length (rows), >, 0);
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);

          g_assert_true (json_object_get_boolean_member (row, "differs"));
          g_assert_cmpstr (json_object_get_string_member (row, "id"), !=, "population.sex");
        }
    }

  text = eligo_comparison_to_text (comparison, TRUE, 100);
  text_all = eligo_comparison_to_text (comparison, FALSE, 100);
  g_assert_null (strstr (text, "Countries"));
  g_assert_nonnull (strstr (text_all, "Countries"));
  g_assert_nonnull (strstr (text, "≠ Age "));
  g_assert_nonnull (strstr (text, "18 and over"));
}

/* A trial that admits "female, male" says no more than the four that state
 * no sex at all: the Sex row does not differ, though its text stays. */
static void
test_vacuous_sex (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  EligoComparisonRow *sex = find_row (comparison, "eligibility.sex");

  g_assert_cmpstr (eligo_comparison_row_get_cell (sex, 3), ==, "female, male");
  g_assert_null (eligo_comparison_row_get_cell (sex, 0));
  g_assert_false (eligo_comparison_row_differs (sex));
  g_assert_false (eligo_comparison_row_differs (find_row (comparison, "population.sex")));
}

/* Durations are kept in months; a limit the trial wrote in days or weeks
 * reads in that unit, a whole number of months stays in months. */
static void
test_duration_units (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  EligoComparisonRow *row = find_row (comparison, "eligibility.life_expectancy_months");

  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "> 3 months");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 2), ==, "≥ 60 days");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 3), ==, "≥ 12 weeks");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 4), ==, "≥ 3 months");
}

static void
curate (EligoDatabase *database,
        const char    *criterion_id,
        const char    *rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoCriterion) criterion = NULL;

  criterion = eligo_database_curate (database, criterion_id, rule, FALSE, "test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (criterion);
}

/* One row per measured thing: a limit in µmol/L (or U/L) lines up with the
 * limits as multiples of the ULN, each in its own unit; creatinine
 * clearance is another measure and keeps its row. */
static void
test_measure_rows (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = NULL;
  g_autoptr(EligoPatient) patient = NULL;
  const char * const bilirubin[] = { "≤ 5 × ULN", "≤ 2 × ULN", NULL, "≤ 34 µmol/L", NULL };
  EligoComparisonRow *row;
  EligoVerdict verdict;

  /* NCT03754764 I6 "Adequate organ function", in raw units */
  curate (database, "NCT03754764/I6",
          "bilirubin_umol_l <= 34 and creatinine_umol_l <= 133 and alt_u_l <= 120 "
          "and creatinine_clearance_ml_min >= 60");
  /* Both units in one condition */
  curate (database, "NCT06585345/I9", "bilirubin_x_uln <= 1.5 or bilirubin_umol_l <= 26");
  comparison = compare (database, seeds, G_N_ELEMENTS (seeds));

  row = find_row (comparison, "eligibility.bilirubin_x_uln");
  g_assert_cmpstr (eligo_comparison_row_get_label (row), ==, "Total bilirubin");
  g_assert_cmpstr (eligo_comparison_row_get_variable (row), ==, "bilirubin_x_uln");
  g_assert_cmpuint (eligo_comparison_row_get_n_cells (row), ==, G_N_ELEMENTS (seeds));
  for (guint i = 0; i < G_N_ELEMENTS (bilirubin) - 1; i++)
    g_assert_cmpstr (eligo_comparison_row_get_cell (row, i), ==, bilirubin[i]);
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 4), ==, "≤ 1.5 × ULN or ≤ 26 µmol/L");
  g_assert_true (eligo_comparison_row_differs (row));
  g_assert_null (eligo_comparison_find_row (comparison, "eligibility.bilirubin_umol_l"));

  row = find_row (comparison, "eligibility.creatinine_x_uln");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 3), ==, "≤ 133 µmol/L");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "≤ 2 × ULN");
  g_assert_null (eligo_comparison_find_row (comparison, "eligibility.creatinine_umol_l"));
  g_assert_cmpstr (eligo_comparison_row_get_cell (find_row (comparison,
                                                            "eligibility.alt_x_uln"), 3),
                   ==, "≤ 120 U/L");
  g_assert_null (eligo_comparison_find_row (comparison, "eligibility.alt_u_l"));
  g_assert_cmpstr (eligo_comparison_row_get_cell (
                     find_row (comparison, "eligibility.creatinine_clearance_ml_min"), 3),
                   ==, "≥ 60 mL/min");

  /* Each label once in the eligibility section */
  for (guint i = 0; i < eligo_comparison_get_n_rows (comparison); i++)
    for (guint j = i + 1; j < eligo_comparison_get_n_rows (comparison); j++)
      {
        EligoComparisonRow *a = eligo_comparison_get_row (comparison, i);
        EligoComparisonRow *b = eligo_comparison_get_row (comparison, j);

        if (eligo_comparison_row_get_section (a) == ELIGO_COMPARISON_SECTION_ELIGIBILITY &&
            eligo_comparison_row_get_section (b) == ELIGO_COMPARISON_SECTION_ELIGIBILITY)
          g_assert_cmpstr (eligo_comparison_row_get_label (a), !=,
                           eligo_comparison_row_get_label (b));
      }

  /* The verdict reads the unit the trial wrote */
  patient = patient_from_json ("{\"id\": \"SCR-1\", \"facts\": {\"bilirubin_umol_l\": 40}}");
  eligo_comparison_set_patient (comparison, patient);
  row = find_row (comparison, "eligibility.bilirubin_x_uln");
  g_assert_true (eligo_comparison_row_get_verdict (row, 3, &verdict));
  g_assert_cmpint (verdict, ==, ELIGO_VERDICT_FAIL);
  g_assert_true (eligo_comparison_row_get_verdict (row, 1, &verdict));
  g_assert_cmpint (verdict, ==, ELIGO_VERDICT_UNKNOWN);
}

/* A row differs on what the limits admit, not on their wording. */
static void
test_normalized_differences (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = NULL;
  g_autoptr(EligoComparison) seeded = NULL;
  const char * const pair[] = { "NCT06389305", "NCT03754764" };
  EligoComparisonRow *row;

  /* The seeds as they come: "B-ALL" and "B-ALL; not Burkitt" admit the same */
  seeded = compare (database, pair, G_N_ELEMENTS (pair));
  row = find_row (seeded, "eligibility.diagnosis");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "B-ALL");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "B-ALL; not Burkitt");
  g_assert_false (eligo_comparison_row_differs (row));
  g_assert_false (eligo_comparison_row_differs (find_row (seeded, "population.diagnosis")));
  /* "excluded" in an "or" of exclusions is "excluded" */
  g_assert_false (eligo_comparison_row_differs (find_row (seeded, "eligibility.hiv_positive")));
  /* Different limits */
  g_assert_true (eligo_comparison_row_differs (find_row (seeded, "eligibility.age_years")));
  g_assert_true (eligo_comparison_row_differs (find_row (seeded,
                                                         "eligibility.life_expectancy_months")));
  g_assert_true (eligo_comparison_row_differs (find_row (seeded, "eligibility.ecog")));
  /* One trial restricts, the other does not */
  g_assert_true (eligo_comparison_row_differs (find_row (seeded, "eligibility.dic")));
  g_clear_object (&seeded);

  /* ECOG 0–1 is ECOG ≤ 1; excluded if ≥ 1.5 × ULN is < 1.5 × ULN */
  curate (database, "NCT06389305/I5", "ecog >= 0 and ecog <= 1");
  curate (database, "NCT03754764/I6", "creatinine_x_uln < 1.5");
  comparison = compare (database, pair, G_N_ELEMENTS (pair));

  row = find_row (comparison, "eligibility.ecog");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "0–1");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "≤ 1");
  g_assert_false (eligo_comparison_row_differs (row));

  row = find_row (comparison, "eligibility.creatinine_x_uln");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "excluded if ≥ 1.5 × ULN");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "< 1.5 × ULN");
  g_assert_false (eligo_comparison_row_differs (row));

  /* BUN is in the same criterion of NCT06389305 only */
  g_assert_true (eligo_comparison_row_differs (find_row (comparison, "eligibility.bun_x_uln")));
  g_clear_object (&comparison);

  /* On a whole-number scale "< 2" is "≤ 1"; "≤ 2" is not */
  curate (database, "NCT06389305/I5", "ecog < 2");
  comparison = compare (database, pair, G_N_ELEMENTS (pair));
  g_assert_false (eligo_comparison_row_differs (find_row (comparison, "eligibility.ecog")));
  g_clear_object (&comparison);
  curate (database, "NCT06389305/I5", "ecog <= 2");
  comparison = compare (database, pair, G_N_ELEMENTS (pair));
  g_assert_true (eligo_comparison_row_differs (find_row (comparison, "eligibility.ecog")));
}

/* A registry fact that some trials leave out is unknown for them, not a
 * difference; stated differently, it differs. */
static void
test_registry_differences (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  const char * const same[] = {
    "population.healthy-volunteers", "design.allocation", "design.masking", "design.purpose",
    "overview.collaborators", "overview.countries", "population.sex",
  };
  guint n_differ = 0;

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    g_assert_false (eligo_comparison_row_differs (find_row (comparison, same[i])));
  g_assert_null (eligo_comparison_row_get_cell (find_row (comparison,
                                                          "population.healthy-volunteers"), 2));

  g_assert_true (eligo_comparison_row_differs (find_row (comparison, "design.model")));
  g_assert_true (eligo_comparison_row_differs (find_row (comparison, "overview.start")));
  /* Criteria for the nurse to review differ from none */
  g_assert_true (eligo_comparison_row_differs (find_row (comparison, "unruled.inclusion")));

  for (guint i = 0; i < eligo_comparison_get_n_rows (comparison); i++)
    n_differ += eligo_comparison_row_differs (eligo_comparison_get_row (comparison, i));
  g_test_message ("%u of %u rows differ", n_differ, eligo_comparison_get_n_rows (comparison));
  g_assert_cmpuint (n_differ, <, eligo_comparison_get_n_rows (comparison) - G_N_ELEMENTS (same) + 1);
}

static void
test_patient (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  g_autoptr(EligoPatient) patient = patient_from_json (
    "{\"id\": \"SCR-0042\", \"facts\": {\"age_years\": 30, \"ecog\": 3}}");
  g_autoptr(JsonObject) json = NULL;
  EligoComparisonRow *ecog = find_row (comparison, "eligibility.ecog");
  EligoComparisonRow *age = find_row (comparison, "eligibility.age_years");
  EligoComparisonRow *lvef = find_row (comparison, "eligibility.lvef_pct");
  EligoVerdict verdict;

  g_assert_null (eligo_comparison_get_result (comparison, 0));

  eligo_comparison_set_patient (comparison, patient);
  g_assert_true (eligo_comparison_get_patient (comparison) == patient);

  g_assert_true (eligo_comparison_row_get_verdict (ecog, 4, &verdict));
  g_assert_cmpint (verdict, ==, ELIGO_VERDICT_PASS);
  g_assert_true (eligo_comparison_row_get_verdict (ecog, 1, &verdict));
  g_assert_cmpint (verdict, ==, ELIGO_VERDICT_FAIL);
  g_assert_true (eligo_comparison_row_get_verdict (ecog, 3, &verdict));
  g_assert_cmpint (verdict, ==, ELIGO_VERDICT_FAIL);
  /* NCT07087847 says nothing about ECOG */
  g_assert_false (eligo_comparison_row_get_verdict (ecog, 0, &verdict));

  for (guint t = 0; t < G_N_ELEMENTS (seeds); t++)
    {
      g_assert_true (eligo_comparison_row_get_verdict (age, t, &verdict));
      g_assert_cmpint (verdict, ==, ELIGO_VERDICT_PASS);
    }

  g_assert_true (eligo_comparison_row_get_verdict (lvef, 1, &verdict));
  g_assert_cmpint (verdict, ==, ELIGO_VERDICT_UNKNOWN);

  /* Each trial's own verdict */
  g_assert_cmpint (eligo_screening_result_get_verdict (eligo_comparison_get_result (comparison, 1)),
                   ==, ELIGO_TRIAL_VERDICT_INELIGIBLE);
  g_assert_cmpint (eligo_screening_result_get_verdict (eligo_comparison_get_result (comparison, 0)),
                   ==, ELIGO_TRIAL_VERDICT_PENDING);

  json = eligo_comparison_to_json (comparison, FALSE);
  g_assert_cmpstr (json_object_get_string_member (json, "patient"), ==, "SCR-0042");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (json, "trials"),
                                                    1), "verdict"), ==, "ineligible");

  /* The nurse's answer on a criterion decides its cells */
  eligo_patient_set_answer (patient, "NCT07072494/I4", ELIGO_ANSWER_PASS, "ECOG 2 on review",
                            NULL, NULL);
  eligo_comparison_set_patient (comparison, patient);
  g_assert_true (eligo_comparison_row_get_verdict (ecog, 1, &verdict));
  g_assert_cmpint (verdict, ==, ELIGO_VERDICT_PASS);

  eligo_comparison_set_patient (comparison, NULL);
  g_assert_false (eligo_comparison_row_get_verdict (ecog, 4, &verdict));
  g_assert_null (eligo_comparison_get_result (comparison, 4));
}

/* Curated rules count, and exercise the short forms the seeds do not use. */
static void
test_curated_short_forms (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = NULL;
  const char * const pair[] = { "NCT06389305", "NCT06585345" };
  const struct {
    const char *criterion;
    const char *rule;
  } curations[] = {
    /* "Age between 1 and 39 years old" */
    { "NCT06389305/I3", "age_years < 40" },
    { "NCT06389305/I5", "ecog <= 1 or karnofsky >= 70" },
    { "NCT06389305/E7", "not (creatinine_x_uln < 1.5 and bun_x_uln < 1.5)" },
    { "NCT06389305/I1", "diagnosis != T-ALL and not (disease_status in (CR, newly_diagnosed))" },
    /* "Over 14 years old, under 65 years old." */
    { "NCT06585345/I5", "age_years < 65" },
    { "NCT06585345/I6", "lvef_pct >= 40 and lvef_pct <= 70" },
    { "NCT06585345/I8", "not prior_hsct" },
  };
  EligoComparisonRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (curations); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EligoCriterion) criterion = NULL;

      criterion = eligo_database_curate (database, curations[i].criterion, curations[i].rule,
                                         FALSE, "test", &error);
      g_assert_no_error (error);
    }

  comparison = compare (database, pair, G_N_ELEMENTS (pair));

  row = find_row (comparison, "eligibility.age_years");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "up to 39");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "under 65");

  row = find_row (comparison, "eligibility.ecog");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "≤ 1 or Karnofsky score ≥ 70 %");
  row = find_row (comparison, "eligibility.karnofsky");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==,
                   "ECOG performance status ≤ 1 or ≥ 70 %");
  g_assert_null (eligo_comparison_row_get_cell (row, 1));

  row = find_row (comparison, "eligibility.creatinine_x_uln");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "excluded if ≥ 1.5 × ULN");

  row = find_row (comparison, "eligibility.diagnosis");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "not T-ALL");
  row = find_row (comparison, "eligibility.disease_status");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 0), ==, "not CR, newly diagnosed");

  /* Two criteria on one variable: joined, the same condition once */
  row = find_row (comparison, "eligibility.lvef_pct");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "40–70 %; ≥ 50 %");

  /* An exclusion of "not x" requires x; an inclusion of "not x" excludes x */
  row = find_row (comparison, "eligibility.contraception_agreed");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "required");
  row = find_row (comparison, "eligibility.prior_hsct");
  g_assert_cmpstr (eligo_comparison_row_get_cell (row, 1), ==, "excluded");
  g_assert_null (eligo_comparison_row_get_cell (row, 0));
}

static void
test_errors (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  const char * const one[] = { "NCT07072494" };
  const char * const twice[] = { "NCT07072494", "NCT06585345", "NCT07072494" };
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) error = NULL;
  EligoComparison *comparison;

  trials = load_trials (database, one, G_N_ELEMENTS (one));
  comparison = eligo_comparison_new (database, trials, &error);
  g_assert_error (error, ELIGO_COMPARISON_ERROR, ELIGO_COMPARISON_ERROR_N_TRIALS);
  g_assert_null (comparison);
  g_clear_error (&error);
  g_clear_pointer (&trials, g_ptr_array_unref);

  trials = load_trials (database, twice, G_N_ELEMENTS (twice));
  comparison = eligo_comparison_new (database, trials, &error);
  g_assert_error (error, ELIGO_COMPARISON_ERROR, ELIGO_COMPARISON_ERROR_DUPLICATE);
  g_assert_null (comparison);
  g_clear_error (&error);

  /* Seven trials: the count is checked first */
  g_clear_pointer (&trials, g_ptr_array_unref);
  trials = load_trials (database, seeds, G_N_ELEMENTS (seeds));
  g_ptr_array_add (trials, g_object_ref (g_ptr_array_index (trials, 0)));
  g_ptr_array_add (trials, g_object_ref (g_ptr_array_index (trials, 1)));
  comparison = eligo_comparison_new (database, trials, &error);
  g_assert_error (error, ELIGO_COMPARISON_ERROR, ELIGO_COMPARISON_ERROR_N_TRIALS);
  g_assert_null (comparison);
}

static void
test_json (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  g_autoptr(JsonObject) json = eligo_comparison_to_json (comparison, FALSE);
  JsonArray *trials = json_object_get_array_member (json, "trials");
  JsonArray *sections = json_object_get_array_member (json, "sections");
  const char * const ids[] = {
    "overview", "design", "population", "eligibility", "unruled", "interventions", "outcomes",
  };
  gboolean seen_age = FALSE;

  g_assert_false (json_object_has_member (json, "patient"));
  g_assert_cmpuint (json_array_get_length (trials), ==, G_N_ELEMENTS (seeds));
  for (guint t = 0; t < G_N_ELEMENTS (seeds); t++)
    {
      JsonObject *trial = json_array_get_object_element (trials, t);

      g_assert_cmpstr (json_object_get_string_member (trial, "nct_id"), ==, seeds[t]);
      g_assert_nonnull (json_object_get_string_member (trial, "title"));
      g_assert_false (json_object_has_member (trial, "verdict"));
    }

  g_assert_cmpuint (json_array_get_length (sections), ==, G_N_ELEMENTS (ids));
  for (guint s = 0; s < G_N_ELEMENTS (ids); s++)
    {
      JsonObject *section = json_array_get_object_element (sections, s);
      JsonArray *rows = json_object_get_array_member (section, "rows");

      g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, ids[s]);
      g_assert_nonnull (json_object_get_string_member (section, "title"));

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          JsonArray *cells = json_object_get_array_member (row, "cells");

          g_assert_nonnull (json_object_get_string_member (row, "label"));
          g_assert_cmpuint (json_array_get_length (cells), ==, G_N_ELEMENTS (seeds));
          g_assert_true (json_object_has_member (row, "differs"));
          g_assert_false (json_object_has_member (row, "verdicts"));
          g_assert_cmpint (json_object_has_member (row, "variable"), ==,
                           strcmp (ids[s], "eligibility") == 0);
          g_assert_cmpint (json_object_has_member (row, "partial"), ==,
                           strcmp (ids[s], "eligibility") == 0);

          if (g_strcmp0 (json_object_get_string_member_with_default (row, "variable", NULL),
                         "ecog") == 0)
            g_assert_true (JSON_NODE_HOLDS_NULL (json_array_get_element (cells, 0)));

          if (g_strcmp0 (json_object_get_string_member_with_default (row, "variable", NULL),
                         "age_years") == 0)
            {
              g_assert_cmpstr (json_array_get_string_element (cells, 2), ==, "1–39");
              seen_age = TRUE;
            }
        }
    }
  g_assert_true (seen_age);
}

static void
test_text (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = compare (database, seeds, G_N_ELEMENTS (seeds));
  g_autoptr(EligoPatient) patient = patient_from_json (
    "{\"id\": \"SCR-7\", \"facts\": {\"age_years\": 30, \"ecog\": 3}}");
  g_autofree char *text = NULL;
  g_autofree char *with_patient = NULL;
  g_auto(GStrv) lines = NULL;

  text = eligo_comparison_to_text (comparison, FALSE, 120);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      glong width = 0;

      for (const char *p = lines[i]; *p; p = g_utf8_next_char (p))
        width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      g_assert_cmpint (width, <=, 120);
    }

  for (guint t = 0; t < G_N_ELEMENTS (seeds); t++)
    g_assert_nonnull (strstr (text, seeds[t]));
  g_assert_nonnull (strstr (text, "Eligibility by variable"));
  g_assert_nonnull (strstr (text, "14–80"));
  g_assert_nonnull (strstr (text, "≥ 50 %*"));
  g_assert_nonnull (strstr (text, "* covers part of its criterion"));

  eligo_comparison_set_patient (comparison, patient);
  with_patient = eligo_comparison_to_text (comparison, FALSE, 160);
  g_assert_nonnull (strstr (with_patient, "Verdict"));
  g_assert_nonnull (strstr (with_patient, "≤ 3 [Pass]"));
  g_assert_nonnull (strstr (with_patient, "≤ 2 [Fail]"));
}

/* eligo-cli compare */

static void
test_cli (void)
{
  g_autofree char *db = eligo_test_tmp_path ("compare.db");
  g_autofree char *patient = eligo_test_tmp_path ("patient.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *sections;
  gboolean seen_ecog = FALSE;

  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", seeds[0],
                                       seeds[1], seeds[2], seeds[3], seeds[4], "--format",
                                       "json", NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "trials")), ==, 5);
  sections = json_object_get_array_member (object, "sections");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, 3),
                                                  "id"), ==, "eligibility");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* Lower-case ids, text, only differences */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", "nct07087847",
                                       "NCT07072494", "--only-differences", "--width", "100",
                                       NULL), ==, 0);
  g_assert_nonnull (strstr (out, "NCT07087847"));
  g_assert_nonnull (strstr (out, "18 and over"));
  g_assert_null (strstr (out, "Countries"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* With a patient */
  eligo_test_write_file (patient, "{\"id\": \"SCR-9\", \"facts\": {\"age_years\": 30, "
                         "\"ecog\": 3}}", -1);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", "NCT07072494",
                                       "NCT06585345", "--patient", patient, "--format", "json",
                                       NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "patient"), ==, "SCR-9");
  sections = json_object_get_array_member (object, "sections");
  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonArray *rows = json_object_get_array_member (json_array_get_object_element (sections, s),
                                                      "rows");

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          JsonArray *verdicts;

          if (g_strcmp0 (json_object_get_string_member_with_default (row, "variable", NULL),
                         "ecog") != 0)
            continue;
          verdicts = json_object_get_array_member (row, "verdicts");
          g_assert_cmpstr (json_array_get_string_element (verdicts, 0), ==, "fail");
          g_assert_cmpstr (json_array_get_string_element (verdicts, 1), ==, "pass");
          seen_ecog = TRUE;
        }
    }
  g_assert_true (seen_ecog);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 1 or 7 trials, the same trial twice, a bad format: usage */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", "NCT07072494",
                                       NULL), ==, 2);
  g_assert_nonnull (strstr (err, "2 to 6"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", seeds[0],
                                       seeds[1], seeds[2], seeds[3], seeds[4], "NCT00000001",
                                       "NCT00000002", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", "NCT07072494",
                                       "nct07072494", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", seeds[0],
                                       seeds[1], "--format", "csv", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An unknown trial: user error, one line */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", db, "compare", "NCT07072494",
                                       "NCT00000000", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "NCT00000000"));
  g_assert_cmpstr (out, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/comparison/aligned-seeds", test_aligned_seeds);
  g_test_add_func ("/eligo/comparison/row-order", test_row_order);
  g_test_add_func ("/eligo/comparison/overview-and-interventions", test_overview_and_interventions);
  g_test_add_func ("/eligo/comparison/only-differences", test_only_differences);
  g_test_add_func ("/eligo/comparison/vacuous-sex", test_vacuous_sex);
  g_test_add_func ("/eligo/comparison/duration-units", test_duration_units);
  g_test_add_func ("/eligo/comparison/measure-rows", test_measure_rows);
  g_test_add_func ("/eligo/comparison/normalized-differences", test_normalized_differences);
  g_test_add_func ("/eligo/comparison/registry-differences", test_registry_differences);
  g_test_add_func ("/eligo/comparison/patient", test_patient);
  g_test_add_func ("/eligo/comparison/curated-short-forms", test_curated_short_forms);
  g_test_add_func ("/eligo/comparison/errors", test_errors);
  g_test_add_func ("/eligo/comparison/json", test_json);
  g_test_add_func ("/eligo/comparison/text", test_text);
  g_test_add_func ("/eligo/comparison/cli", test_cli);

  return g_test_run ();
}
