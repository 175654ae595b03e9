/* test-extractor-organ.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "extractor-wordings.h"

/* Gold wordings of the organ function family (eligo-rule-extractor-organ.c: creatinine clearance, ejection fraction, oxygen saturation, QTc, blood pressure, NYHA).
 * Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and what the extractor must make of them. */
static const Wording wordings[] = {
  /* NCT02349698 */
  { I,
    "Patients must have adequate cardiac function(no cardiac disease, LVEF≥40% ), "
    "adequate pulmonary function as indicated by room air oxygen saturation of >94%, and "
    "adequate renal function(Cr≤133umol/L).",
    NULL,
    "partial: lvef_pct >= 40 and spo2_pct > 94 and creatinine_umol_l <= 133" },
  /* NCT06585345 */
  { I,
    "Adequate kidney, liver, lung and heart function, defined as:\nCreatinine clearance "
    "(estimated by Cockcroft Gault formula) > 60 mL/min; Serum ALT/AST ≤ 2.5 ULN; Total "
    "bilirubin ≤1.5 ULN, excluding subjects with Gilbert's syndrome; Cardiac ejection "
    "fraction ≥ 50%, echocardiography confirmed centropericardial effusion, and ECG "
    "showed no clinically significant abnormal findings.\nThere was no clinically "
    "significant pleural effusion. Baseline blood oxygen saturation under indoor "
    "ventilation was > 92%.",
    NULL,
    "partial: creatinine_clearance_ml_min > 60 and alt_x_uln <= 2.5 and ast_x_uln <= 2.5 "
    "and (bilirubin_x_uln <= 1.5 or gilbert_syndrome) and lvef_pct >= 50 and not significant_effusion "
    "and spo2_pct > 92" },
  /* NCT03974217 */
  { I,
    "creatinine clearance ≥ 60 mL/min/1.73 m2",
    NULL,
    "rule: creatinine_clearance_ml_min >= 60" },
  /* NCT03937544 */
  { I,
    "Adequate organ function as defined by a creatinine clearance > 50 ml/min, serum "
    "total bilirubin < 5 times the normal value, left ventricular ejection fraction > 40%",
    NULL,
    "rule: creatinine_clearance_ml_min > 50 and bilirubin_x_uln < 5 and lvef_pct > 40" },
  /* NCT05497310 */
  { E,
    "Renal failure (GFR <30 ml/min/1.72m2)",
    NULL,
    "partial: creatinine_clearance_ml_min < 30" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "GFR ≥ 60",
    NULL,
    "rule: creatinine_clearance_ml_min >= 60" },
  /* NCT05507827 */
  { I,
    "Renal: Calculated creatinine clearance ≥ 50 mL/min or serum creatinine < 2.0 mg/dL",
    NULL,
    "rule: creatinine_clearance_ml_min >= 50 or creatinine_umol_l < 176.84" },
  /* NCT07072494 */
  { I,
    "Left ventricular ejection fraction (LVEF) ≥50%;",
    "Satisfactory liver, kidney, cardiac, and pulmonary function, defined as:",
    "rule: lvef_pct >= 50" },
  /* NCT05507827 */
  { I,
    "Cardiac: Cardiac ejection fraction at rest ≥ 45%",
    NULL,
    "rule: lvef_pct >= 45" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "LVEF ≥ 45% by ECHO or MUGA",
    NULL,
    "rule: lvef_pct >= 45" },
  /* NCT04272125 */
  { I,
    "Left ventricular ejection fraction ≥50%",
    NULL,
    "rule: lvef_pct >= 50" },
  /* NCT07072494 */
  { I,
    "Blood oxygen saturation >92%;",
    "Satisfactory liver, kidney, cardiac, and pulmonary function, defined as:",
    "rule: spo2_pct > 92" },
  /* NCT04265963 */
  { I,
    "Sufficient pulmonary function defined by indoor oxygen saturation≥92%;",
    NULL,
    "rule: spo2_pct >= 92" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "oxygen saturation ≥ 92% on room air",
    NULL,
    "rule: spo2_pct >= 92" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "QTc < 470 ms",
    NULL,
    "rule: qtc_ms < 470" },
  /* NCT07072494 */
  { E,
    "Any of the following cardiac conditions:\n\nNew York Heart Association (NYHA) Class "
    "III or IV congestive heart failure. Severe arrhythmia requiring treatment or "
    "clinically significant conduction abnormalities on ECG, including QTc interval ≥480 "
    "ms (QTcB = QT/√RR).\n\nUncontrolled hypertension despite standard treatment "
    "(systolic blood pressure ≥150 mmHg and/or diastolic blood pressure ≥100 mmHg) or "
    "pulmonary hypertension.\n\nUnstable angina. Myocardial infarction, coronary artery "
    "bypass grafting, or stent placement within six months before cell "
    "infusion.\n\nClinically significant valvular heart disease. Other cardiac diseases "
    "deemed inappropriate for study participation by the investigator.",
    NULL,
    "partial: nyha_class >= 3 or qtc_ms >= 480 or systolic_bp_mmhg >= 150 or "
    "diastolic_bp_mmhg >= 100" },
  /* NCT05164042 */
  { E,
    "People with unstable angina or New York Heart Association class 3/4 congestive heart "
    "failure, multiple organ dysfunction;",
    NULL,
    "partial: nyha_class >= 3" },
  /* the brief's wording (not verbatim in the records) */
  { E,
    "NYHA class ≥ 2",
    NULL,
    "rule: nyha_class >= 2" },
  /* NCT04946890 */
  { E,
    "Left ventricular ejection fraction ≤1 × ULN,or﹤50%. Clinically significant ECG QTc "
    "prolongation (Male: >450ms, Female: >470ms).Significant cardiac disease；",
    NULL,
    "partial: sex == male and qtc_ms > 450 or sex == female and qtc_ms > 470" },
  /* NCT07072494 */
  { I,
    "Blood oxygen saturation >92%;",
    NULL,
    "rule: spo2_pct > 92" },
  /* NCT04265963 */
  { I,
    "Left ventricular ejection fraction ≥40%;",
    NULL,
    "rule: lvef_pct >= 40" },

  /* Body weight and body-mass index (issue 12); a weight over the ideal body
   * weight is no body weight, a percentage no BMI. */
  /* NCT01738087 */
  { I,
    "Body Mass Index (BMI) >= 18.5 and <= 32 kg/m2",
    NULL,
    "rule: bmi_kg_m2 >= 18.5 and bmi_kg_m2 <= 32" },
  /* NCT00726505 */
  { I,
    "BMI 18 to 35 kg/m2",
    NULL,
    "rule: bmi_kg_m2 >= 18 and bmi_kg_m2 <= 35" },
  /* NCT05712278 */
  { I,
    "Participants with a weight ≥42 kg.",
    NULL,
    "rule: weight_kg >= 42" },
  /* NCT05942599 */
  { E,
    "Weight < 6kgs",
    NULL,
    "rule: weight_kg < 6" },
  /* NCT05105490 */
  { E,
    "Patient has morbid obesity defined as a Body Mass Index (BMI) more than 40 or a weight of more "
    "than 45 kg (100 lbs.) over ideal body weight.",
    NULL,
    "partial: bmi_kg_m2 > 40" },
  /* NCT03884920 */
  { I,
    "At high risk with BMI > 35%",
    NULL,
    "review" },

  /* QTc limits by sex, each for its own sex. */
  /* NCT03895671 */
  { I,
    "Have normal QTcF interval on screening electrocardiogram (ECG) evaluation, defined as QTcF of ≤ "
    "450 ms in males or ≤ 470 ms in females.",
    NULL,
    "partial: sex == male and qtc_ms <= 450 or sex == female and qtc_ms <= 470" },
  /* NCT06029816 */
  { E,
    "12 ECG: QTcF: female > 470 ms, male > 450 ms;",
    NULL,
    "partial: sex == female and qtc_ms > 470 or sex == male and qtc_ms > 450" },
  /* NCT01898455: the saturation oxygen therapy keeps, not the patient's own
   * (found in the check of the 54 untouched rules after sample 5). */
  { E,
    "Known oxygen dependency to maintain SaO2 >95%",
    NULL,
    "review" },
  /* Precision audit (2026-12-08). NCT05651269: the liver-metastasis
   * exception raises the limit; the lower one alone is no whole rule. */
  { I,
    "Aspartate aminotransferase (AST), alanine aminotransferase (ALT) ≤ 3 × ULN; if liver metastases are "
    "present, then ≤ 5 × ULN is allowed",
    NULL,
    "review" },
  /* NCT04179266: "or / and" is an "and/or": either limit excludes. */
  { E,
    "BP measured at baseline before CH attack (Systolic> 140 mmHg or / and diastolic blood pressure> 90 mm Hg)",
    NULL,
    "partial: systolic_bp_mmhg > 140 or diastolic_bp_mmhg > 90" },
};

static void
test_wordings (void)
{
  check_wordings (wordings, G_N_ELEMENTS (wordings));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/extractor/organ/wordings", test_wordings);

  return g_test_run ();
}
