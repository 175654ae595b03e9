/* test-extractor-numbers.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers, comparators and units as real records spell them
 * (eligo-rule-extractor-numbers.c): read where the reading is certain, left
 * unruled or partial where it is not. Each text is from the record named
 * above it, verbatim unless it says otherwise.
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "eligo-rule-extractor.h"
#include "eligo-rule.h"

#define I ELIGO_CRITERION_INCLUSION
#define E ELIGO_CRITERION_EXCLUSION

typedef struct
{
  EligoCriterionKind  kind;
  const char         *text;
  const char         *expected;   /* "rule: ...", "partial: ..." or "review" */
} Wording;

static const Wording wordings[] = {
  /* Comparators. NCT05584540 */
  { I, ">/= 18 years of age", "rule: age_years >= 18" },
  /* NCT01515527 */
  { I, "Age >/= 60 years.", "rule: age_years >= 60" },
  /* NCT04874480 */
  { I, "Known cardiac ejection fraction of > or = 45% within the past 3 months", "partial: lvef_pct >= 45" },
  /* The forms. */
  { I, "Age >_ 18 years", "rule: age_years >= 18" },
  { I, "Total bilirubin </= 1.5 x ULN", "rule: bilirubin_x_uln <= 1.5" },
  { I, "Creatinine =< 1.5 x ULN", "rule: creatinine_x_uln <= 1.5" },
  /* "or higher", "or less". NCT05978258 */
  { E, "Patient has an ECOG score of 4 or higher", "rule: ecog >= 4" },
  /* NCT00184067: two labs, each with its own comparison; SGOT/SGPT "of
   * institutional norm" is not read. */
  { I, "Serum creatinine of 2.0 mg/dl or less, total bilirubin of 2.0 mg/dl or less and SGOT/SGPT of 2.5 X "
       "institutional norm or less.",
    "partial: creatinine_umol_l <= 176.84 and bilirubin_umol_l <= 34.2" },
  /* NCT00184067: "3,000 or more" with no unit is not a count read. */
  { I, "Total whte blood cell (WBC) of 3,000 or more with at least 1500 granulocytes, hemoglobin of 9.0 gm/dl or "
       "more, and platelet count of 100,000 per cu mm or more.",
    "partial: hemoglobin_g_l >= 90" },
  /* NCT03953092 */
  { I, "Normal renal function with estimated glomerular filtration rate (eGFR) of 60 ml/min/1.73m2 or greater and "
       "as deemed by the Investigator;",
    "partial: creatinine_clearance_ml_min >= 60" },
  /* An operator already there: "or higher" adds nothing it can be sure of. */
  { I, "Hemoglobin ≥ 9 g/dl or higher", "review" },
  /* Units. NCT01562210 */
  { I, "Platelet count > 100 x 109/l", "rule: platelets_10e9_l > 100" },
  { I, "Total bilirubin < 1.5 x UNL", "rule: bilirubin_x_uln < 1.5" },
  /* NCT02795884 */
  { I, "Absolute neutrophil count (ANC) ≥ 1.5 x 109/L", "rule: anc_10e9_l >= 1.5" },
  /* NCT04267848 */
  { I, "Hemoglobin >= 8 gm/dl", "rule: hemoglobin_g_l >= 80" },
  /* The forms. */
  { I, "Hemoglobin >= 9 gram/deciliter", "rule: hemoglobin_g_l >= 90" },
  { I, "ANC >= 1.5x10^9/L", "rule: anc_10e9_l >= 1.5" },
  { I, "ANC >= 1500/mm3", "rule: anc_10e9_l >= 1.5" },
  /* Thousands separators: 100.000/uL is 100 x 10^9/L, never 0.1 (the
   * issue; NCT00711542 and NCT01945554 write "< 100.000/µl"). */
  { I, "Platelet count ≥ 100.000/µL", "rule: platelets_10e9_l >= 100" },
  { E, "Platelet count < 100.000/ul", "rule: platelets_10e9_l < 100" },
  { I, "Platelets >= 100.000/mm3", "rule: platelets_10e9_l >= 100" },
  { I, "Platelet count ≥ 100,000/µL", "rule: platelets_10e9_l >= 100" },
  /* An implausible reading stays unread. */
  { I, "Platelets ≥ 1.500.000/µL", "review" },
  /* A dotted number with no unit is not read. */
  { I, "Platelets ≥ 100.000", "review" },
  /* Decimal commas (after NCT04022993, "Hemoglobin value < 9,0 g/dl"). */
  { E, "Hemoglobin < 9,0 g/dl", "rule: hemoglobin_g_l < 90" },
  { I, "Creatinine <= 2,5 mg/dl", "rule: creatinine_umol_l <= 221.05" },
  { I, "Bilirubin ≤ 1,5 x ULN", "rule: bilirubin_x_uln <= 1.5" },
  /* A comma between numbers with no unit is a list, not a decimal. */
  { I, "ECOG 0,1 or 2", "rule: ecog <= 2" },
  /* Ages with no unit. NCT04049812, NCT05440721, NCT04280055, NCT03924700, NCT03884920 */
  { I, "Age 18-65", "rule: age_years >= 18 and age_years < 66" },
  { I, "Age 18 to 65", "rule: age_years >= 18 and age_years < 66" },
  { I, "Age between 18 and 65", "rule: age_years >= 18 and age_years < 66" },
  { I, "patients aged between 20 and 80", "rule: age_years >= 20 and age_years < 81" },
  { I, "Age: 18-59", "rule: age_years >= 18 and age_years < 60" },
  /* NCT00329836: "inclusive" is not read, which only makes it partial. */
  { I, "Male and female patients aged 18-75, inclusive", "partial: age_years >= 18 and age_years < 76" },
  /* NCT03369899: the ages of some patients are no limit for all. */
  { I, "Subject must be willing and able to provide written signed and dated informed assent (subjects aged 13 "
       "to 17 only).",
    "review" },
  /* NCT04547049: the donor's age, not the patient's. */
  { I, "Absence of a suitable partially HLA-mismatched (haploidentical), first-degree related donor aged between "
       "18 and 50",
    "review" },
  /* Of some patients, or at another time. */
  { I, "Women aged 18-50", "review" },
  { I, "Age 18-65 at the time of diagnosis", "review" },
  /* An age for one sex: the sex is part of the rule (NCT06797245, NCT05551195). */
  { I, "Women ≥ 22 years old", "rule: sex == female and age_years >= 22" },
  { I, "Must be women aged 22-45 years who had onset of a major depressive episode any time during pregnancy or "
       "within 4 weeks following delivery",
    "partial: sex == female and age_years >= 22 and age_years < 46" },
  { E, "Women over 60 years of age", "rule: sex == female and age_years > 60" },
  /* ... and an exclusion read in part is left alone: its unread words narrow
   * it further (NCT05971329, NCT05587465). */
  { E, "Postmenopausal non-Black female over 60 years of age who weighs less than 140 pounds.", "review" },
  /* Not the subject of the age: "women" in another sentence. */
  { I, "Age ≥ 18 years; women of childbearing potential must use contraception", "partial: age_years >= 18" },
  { I, "Male or female patients over 18 years", "rule: age_years > 18" },
  /* Several labs in one criterion, each with its comparison. NCT03955198 */
  { I, "Adequate Hematology laboratory data within 6 weeks prior to start of treatment: Absolute neutrophils> 1.5 x "
       "109/L, Platelets ≥ 100 x 109/L, Hemoglobin ≥ 9 g/dL",
    "partial: anc_10e9_l > 1.5 and platelets_10e9_l >= 100 and hemoglobin_g_l >= 90" },
  /* NCT03801200 */
  { I, "Liver function: total bilirubin ≤ 1.5 × UNL; ALT, AST ≤ 1.5 × UNL",
    "rule: bilirubin_x_uln <= 1.5 and alt_x_uln <= 1.5 and ast_x_uln <= 1.5" },
  /* NCT05277701: the limits that depend on liver metastases are not read. */
  { I, "Adequate organ function as evidenced by the following; Absolute neutrophil count > 1.5 x 109/L; hemoglobin > "
       "9.0g/dL; platelets > 100 x 109/L; total bilirubin ≤1.5 UNL; AST and/or ALT < 2.5 ULN if no demonstrable "
       "liver metastases or < 5 UNL in the presence of liver metastases; CCr ≥ 50mL/min",
    "partial: anc_10e9_l > 1.5 and hemoglobin_g_l > 90 and platelets_10e9_l > 100 and bilirubin_x_uln <= 1.5 and "
    "creatinine_clearance_ml_min >= 50" },
};

static void
test_wordings (void)
{
  guint failures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (wordings); i++)
    {
      const Wording *w = &wordings[i];
      g_autoptr(EligoExtraction) extraction = eligo_rule_extract (w->kind, w->text, NULL);
      g_autofree char *got = extraction->rule == NULL
        ? g_strdup ("review")
        : g_strdup_printf ("%s: %s", extraction->partial ? "partial" : "rule", extraction->rule);

      if (extraction->rule != NULL)
        {
          g_autoptr(EligoRule) rule = eligo_rule_parse (extraction->rule, NULL, NULL);
          g_autofree char *printed = NULL;

          g_assert_nonnull (rule);
          printed = eligo_rule_to_string (rule);
          g_assert_cmpstr (printed, ==, extraction->rule);
        }
      if (g_strcmp0 (got, w->expected) != 0)
        {
          g_test_message ("wording %u “%s”\n  expected: %s\n  got:      %s\n  reason:   %s",
                          i, w->text, w->expected, got, extraction->reason);
          failures++;
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/extractor/numbers/wordings", test_wordings);

  return g_test_run ();
}
