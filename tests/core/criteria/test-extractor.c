/* test-extractor.c
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
#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-criteria-splitter.h"
#include "eligo-rule-extractor.h"
#include "eligo-rule.h"

#define I ELIGO_CRITERION_INCLUSION
#define E ELIGO_CRITERION_EXCLUSION

/* An expectation: "rule: ...", "partial: ..." or "review". */
typedef struct
{
  EligoCriterionKind  kind;
  const char         *text;
  const char         *context;
  const char         *expected;
} Wording;

/* Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and a few the brief spells out, with what
 * the extractor must make of them. */
static const Wording wordings[] = {
  /* NCT07072494 */
  { I,
    "Aged between 14 and 80 years (inclusive), male or female.",
    NULL,
    "rule: age_years >= 14 and age_years < 81" },
  /* NCT06585345 */
  { I,
    "Over 14 years old, under 65 years old.",
    NULL,
    "rule: age_years > 14 and age_years < 65" },
  /* NCT03754764 */
  { I,
    "12 Years to 70 Years (Child, Adult, Senior)",
    NULL,
    "rule: age_years >= 12 and age_years < 71" },
  /* NCT06389305 */
  { I,
    "Age between 1 and 39 years old.",
    NULL,
    "rule: age_years >= 1 and age_years < 40" },
  /* NCT00205894 */
  { I,
    "Be 18 years of age or older",
    NULL,
    "rule: age_years >= 18" },
  /* NCT05161130 */
  { I,
    "Only patients aged 18 or older are considered for inclusion.",
    NULL,
    "partial: age_years >= 18" },
  /* NCT05014165 */
  { I,
    "≤ 25 years old at the time of original diagnosis with ALL or AML",
    NULL,
    "review" },
  /* NCT03937544 */
  { I,
    "Age between ≥13 to ≤ 65 years",
    NULL,
    "rule: age_years >= 13 and age_years < 66" },
  /* NCT05507827 */
  { I,
    "Age ≥ 18 and ≤ 65 years (i.e., from age 18 to < 66 years old) at the time of "
    "enrollment",
    NULL,
    "partial: age_years >= 18 and age_years < 66" },
  /* NCT05942599 */
  { I,
    "Age ranging between 6 months and <16 years",
    NULL,
    "rule: age_years >= 0.5 and age_years < 16" },
  /* NCT05164042 */
  { I,
    "14-70 years old (including 14, 70 years old), no gender limit;",
    NULL,
    "rule: age_years >= 14 and age_years < 71" },
  /* NCT02650414 */
  { I,
    "Age 1-29 years.",
    NULL,
    "rule: age_years >= 1 and age_years < 30" },
  /* NCT04100187 */
  { I,
    "Gender unlimited, age from 2 years to 70 years.",
    NULL,
    "rule: age_years >= 2 and age_years < 71" },
  /* NCT04272125 */
  { I,
    "All genders, ages: 3 to 75 years；",
    NULL,
    "rule: age_years >= 3 and age_years < 76" },
  /* NCT04571138 */
  { I,
    "Male and female subjects aged ≤ 30 years. First 2 enrolled subjects: age ≥ 18 and ≤ "
    "30 years",
    NULL,
    "review" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Age 6 months to 21 years",
    NULL,
    "rule: age_years >= 0.5 and age_years < 22" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "age ≥ 1 year and < 26 years",
    NULL,
    "rule: age_years >= 1 and age_years < 26" },
  /* NCT07072494 */
  { I,
    "Eastern Cooperative Oncology Group (ECOG) performance status of 0-2.",
    NULL,
    "rule: ecog <= 2" },
  /* NCT06389305 */
  { I,
    "Eastern Cooperative Oncology Group (ECOG) performance status score of 0-2.",
    NULL,
    "rule: ecog <= 2" },
  /* NCT03754764 */
  { I,
    "Eastern Cooperative Oncology Group (ECOG) performance status ≤ 1",
    NULL,
    "rule: ecog <= 1" },
  /* NCT06585345 */
  { I,
    "Physical Strength score 0-3 (ECOG standard)",
    NULL,
    "rule: ecog <= 3" },
  /* NCT05164042 */
  { I,
    "The ECOG behavior status score is 0-2 points;",
    NULL,
    "rule: ecog <= 2" },
  /* NCT03937544 */
  { I,
    "ECOG performance status ≤ 2",
    NULL,
    "rule: ecog <= 2" },
  /* NCT05507827 */
  { I,
    "Eastern cooperative oncology group (ECOG) performance status of 0, 1, or 2; or "
    "Karnofsky ≥ 60%",
    NULL,
    "rule: ecog <= 2 or karnofsky >= 60" },
  /* NCT05942599 */
  { I,
    "Eastern Cooperative Oncology Group ECOG performance status < 2.",
    NULL,
    "rule: ecog < 2" },
  /* NCT04835519 */
  { I,
    "Eastern Cooperative Oncology Group (ECOG) performance status (Oken et al.,1982) "
    "score 0 to 2",
    NULL,
    "review" },
  /* NCT02349698 */
  { I,
    "KPS>60.",
    NULL,
    "rule: karnofsky > 60" },
  /* NCT04100187 */
  { E,
    "KPS<50.",
    NULL,
    "rule: karnofsky < 50" },
  /* NCT02650414 */
  { I,
    "Adequate performance status (Lansky or Karnofsky score ≥50)",
    NULL,
    "rule: lansky >= 50 or karnofsky >= 50" },
  /* NCT04571138 */
  { I,
    "Lansky or Karnofsky, as applicable, score ≥ 50",
    NULL,
    "rule: lansky >= 50 or karnofsky >= 50" },
  /* NCT05645718 */
  { I,
    "Performance status: Lansky ≥ 50 for patients who are ≤ 16 years old and Karnofsky ≥ "
    "50% for patients who are > 16 years old.",
    NULL,
    "partial: lansky >= 50 or karnofsky >= 50" },
  /* NCT05309213 */
  { I,
    "ECOG performance status of 0 or 1(age ≥ 16 years) or Lansky (age < 16 years) "
    "performance status ≥ 50;",
    NULL,
    "partial: ecog <= 1 or lansky >= 50" },
  /* NCT05397184 */
  { I,
    "Lansky (age <16 years at the time of assent/consent) or Karnofsky (age ≥16 years at "
    "the time of assent/consent) performance status ≥70; Eastern Cooperative Oncology "
    "Group ECOG performance status < 2",
    NULL,
    "partial: (lansky >= 70 or karnofsky >= 70) and ecog < 2" },
  /* NCT05480501 */
  { I,
    "ECOG performance status of 0 or 1(age ≥ 16 years) or Lansky (age < 16 years).",
    NULL,
    "review" },
  /* NCT07072494 */
  { I,
    "Creatinine ≤2× upper limit of normal (ULN);",
    "Satisfactory liver, kidney, cardiac, and pulmonary function, defined as:",
    "rule: creatinine_x_uln <= 2" },
  /* NCT07072494 */
  { I,
    "Total bilirubin ≤2× ULN; alanine aminotransferase (ALT) and aspartate "
    "aminotransferase (AST) ≤3× ULN.",
    "Satisfactory liver, kidney, cardiac, and pulmonary function, defined as:",
    "rule: bilirubin_x_uln <= 2 and alt_x_uln <= 3 and ast_x_uln <= 3" },
  /* NCT06389305 */
  { E,
    "Serum creatinine and/or blood urea nitrogen ≥ 1.5 times the normal value;",
    "A patient with at least one of the following conditions will be excluded:",
    "rule: creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5" },
  /* NCT07087847 */
  { I,
    "Normal Organ Function (meeting the following criteria): including liver function: "
    "ALT/AST ≤10×ULN (upper limit of normal), total bilirubin (TBIL) ≤5×ULN, renal "
    "function: BUN and serum creatinine (Cr) ≤1.25×ULN and cardiac function: No evidence "
    "of cardiac insufficiency (confirmed by ECG and echocardiography).",
    NULL,
    "partial: alt_x_uln <= 10 and ast_x_uln <= 10 and bilirubin_x_uln <= 5 and bun_x_uln "
    "<= 1.25 and creatinine_x_uln <= 1.25" },
  /* NCT05507827 */
  { I,
    "ALT/AST <= 3 times ULN",
    NULL,
    "rule: alt_x_uln <= 3 and ast_x_uln <= 3" },
  /* NCT05507827 */
  { I,
    "Total bilirubin < 2 times upper limit of normal (ULN) (patients with Gilbert's "
    "syndrome may be included where hemolysis has been excluded and with approval of the "
    "study PI)",
    NULL,
    "review" },
  /* NCT04874480 */
  { I,
    "Aspartate aminotransferase (AST) and/or alanine aminotransferase (ALT) =< 3 x upper "
    "limit of normal (ULN) - or =< 5 x ULN if related to leukemic involvement",
    NULL,
    "review" },
  /* NCT04874480 */
  { I,
    "Creatinine =< 1.5 x ULN",
    NULL,
    "rule: creatinine_x_uln <= 1.5" },
  /* NCT03974217 */
  { I,
    "AST(SGOT)/ALT(SGPT) ≤ 2.5 × institutional upper limit of normal (unless considered "
    "to be secondary to leukemia)",
    NULL,
    "review" },
  /* NCT05164042 */
  { E,
    "Abnormal liver function (total bilirubin>1.5×ULN, ALT>2.5×ULN), abnormal renal "
    "function (serum creatinine>1.5×ULN);",
    NULL,
    "partial: bilirubin_x_uln > 1.5 or alt_x_uln > 2.5 or creatinine_x_uln > 1.5" },
  /* NCT05519384 */
  { E,
    "Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) > 2× upper limit "
    "of normal reference values",
    NULL,
    "rule: ast_x_uln > 2 or alt_x_uln > 2" },
  /* NCT04272125 */
  { I,
    "Sufficient hepatic function defined by ALT/AST≤3 x ULN and bilirubin≤2 x ULN;",
    NULL,
    "rule: alt_x_uln <= 3 and ast_x_uln <= 3 and bilirubin_x_uln <= 2" },
  /* NCT04265963 */
  { I,
    "Sufficient hepatic function defined by ALT/AST<5 x ULN and bilirubin≤34.2μmol/L;",
    NULL,
    "rule: alt_x_uln < 5 and ast_x_uln < 5 and bilirubin_umol_l <= 34.2" },
  /* NCT03156790 */
  { E,
    "Severe liver function impairment (bilirubin > three times the upper limit of normal "
    "[ULN]; transaminases > ten times ULN)",
    NULL,
    "partial: bilirubin_x_uln > 3 or alt_x_uln > 10 or ast_x_uln > 10" },
  /* Active hepatitis: detectable viral DNA/RNA is enough to exclude, not
   * all that the words cover (partial). NCT02650414 */
  { E,
    "Active hepatitis B or active hepatitis C.",
    NULL,
    "partial: hbv_dna_detectable or hcv_rna_detectable" },
  /* NCT03937544: "active" stands for both. */
  { E,
    "Active Hepatitis B or C infection as evidenced by quantitative viral PCR assay.",
    NULL,
    "partial: hbv_dna_detectable or hcv_rna_detectable" },
  /* NCT05464836 */
  { E,
    "Known active hepatitis B or C infection or known seropositivity for HIV.",
    NULL,
    "partial: hbv_dna_detectable or hcv_rna_detectable or hiv_positive" },
  /* An inclusion: no active hepatitis needs no detectable virus. */
  { I,
    "No active hepatitis B or C infection",
    NULL,
    "partial: not hbv_dna_detectable and not hcv_rna_detectable" },
  /* Defined by the text, or with a viral-load limit: detectable is not
   * enough (NCT06029816, NCT05536349, NCT03058094, NCT02856893). */
  { E,
    "History of immunodeficiency, including HIV test positive, active hepatitis B/C (HBV-DNA > 1000 IU/mL or "
    "> 2500 copies/mL, HCV-RNA ≥ 10³ copies/mL)",
    NULL,
    "partial: immunodeficiency or hiv_positive" },
  { E,
    "Active hepatitis C infection (defined as detectable hepatitis C RNA in plasma by PCR)",
    NULL,
    "review" },
  { E,
    "active hepatitis B (hepatitis B virus carrier can be recruited)",
    NULL,
    "review" },
  { E,
    "Active hepatitis B infection will, at a minimum, include all patients who are Hepatitis B surface antigen "
    "positive (HbsAg positive) based on serology assessment.",
    NULL,
    "partial: hbsag_positive" },
  /* "Chronic active hepatitis C" is narrower than detectable RNA (NCT04318938). */
  { E,
    "Chronic active hepatitis C infection.",
    NULL,
    "review" },
  /* Found wrong in the precision sample: steroids that treated another
   * condition are not the patient's steroids now (NCT05078931); a viral load
   * above a number is not "detectable" (NCT06940401). */
  { E,
    "Has a history of (noninfectious) pneumonitis that required systemic steroids or current "
    "pneumonitis/interstitial lung disease.",
    NULL,
    "review" },
  { E,
    "Active hepatitis B (HBsAg positive and HBV DNA ≥500 U/mL) or hepatitis C (anti-HCV positive and HCV "
    "RNA above the detection limit).",
    NULL,
    "partial: hcv_ab_positive and hcv_rna_detectable" },
  /* NCT03319901: excused for Gilbert's disease, whose own limit is not read
   * (tests/core/criteria/test-extractor-exceptions.c). */
  { I,
    "Serum total bilirubin ≤1.5 x upper limit of normal (ULN) or ≤3 x ULN for patients "
    "with Gilbert's disease",
    NULL,
    "partial: bilirubin_x_uln <= 1.5 or gilbert_syndrome" },
  /* NCT03895671 */
  { I,
    "Alanine aminotransferase (ALT) ≤ 2.5 × ULN, or ≤ 5 × ULN if leukemic infiltration of "
    "the liver is present",
    NULL,
    "review" },
  /* NCT05658640 */
  { I,
    "Direct bilirubin ≤ 2 x ULN (≤ 3.0 × ULN for patients with Gilbert's syndrome).",
    NULL,
    "review" },
  /* NCT06221670 */
  { I,
    "Alanine aminotransferase ≤ 2.5 ULN",
    NULL,
    "rule: alt_x_uln <= 2.5" },
  /* NCT04272125 */
  { I,
    "Sufficient renal function defined by creatinine clearance≤2 x ULN;",
    NULL,
    "review" },
  /* NCT01165944 */
  { I,
    "Serum creatinine < 1.5 mg/dL",
    NULL,
    "rule: creatinine_umol_l < 132.63" },
  /* NCT02349698 */
  { I,
    "Patients must have adequate cardiac function(no cardiac disease, LVEF≥40% ), "
    "adequate pulmonary function as indicated by room air oxygen saturation of >94%, and "
    "adequate renal function(Cr≤133umol/L).",
    NULL,
    "partial: lvef_pct >= 40 and spo2_pct > 94 and creatinine_umol_l <= 133" },
  /* NCT02650414 */
  { I,
    "ALT < 500 U/L ii. Bilirubin <3x upper limit of normal iii. ALT and/or bilirubin that "
    "exceed these ranges is acceptable if, in the opinion of the investigator (or by "
    "liver biopsy), the abnormalities are directly related to ALL infiltration of the "
    "liver",
    NULL,
    "review" },
  /* NCT05589896 */
  { I,
    "Hepatic: total bilirubin ≤2.0 mg/dL, and ALT, AST, and ALP <3 x upper limit normal "
    "(ULN), unless ALT, AST, and/or ALP are disease related",
    NULL,
    "review" },
  /* NCT05536349: "x109/L" is 10^9/L whose superscript was lost. */
  { I,
    "Platelet count ≥50 x109/L and hemoglobin ≥ 8 g/dL (≥ 80 g/L). Platelet and "
    "hemoglobin requirements are independent of transfusions within 7 days of screening "
    "assessment and first dose of study drugs.",
    NULL,
    "partial: platelets_10e9_l >= 50 and hemoglobin_g_l >= 80" },
  /* NCT07072494 */
  { I,
    "Adequate venous access for cell collection and meeting the following hematologic "
    "criteria:\n\nHemoglobin ≥80 g/L Absolute neutrophil count (ANC) ≥1.0 × 10⁹/L "
    "Platelet count ≥75 × 10⁹/L If the above criteria are not met, the investigator may "
    "determine eligibility for mononuclear cell collection.",
    NULL,
    "review" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Hemoglobin ≥ 80 g/L",
    NULL,
    "rule: hemoglobin_g_l >= 80" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Absolute neutrophil count (ANC) ≥1.0 × 10⁹/L",
    NULL,
    "rule: anc_10e9_l >= 1" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "ANC ≥ 500 cells/mm3",
    NULL,
    "rule: anc_10e9_l >= 0.5" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Absolute neutrophil count ≥ 1,000/mm³",
    NULL,
    "rule: anc_10e9_l >= 1" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Platelets ≥ 50,000/μL",
    NULL,
    "rule: platelets_10e9_l >= 50" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Platelet count ≥ 50 x 10^9/L",
    NULL,
    "rule: platelets_10e9_l >= 50" },
  /* NCT05321940 */
  { I,
    "Absolute neutrophil count (ANC)≥ 1,000 cells/mm3 (Exception: Unless cytopenias are "
    "secondary to leukemia disease).",
    NULL,
    "review" },
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
  /* NCT04946890 */
  { I,
    "Kidney: Serum creatinine (Scr) ≤1.5×ULN, or creatinine clearance (Ccr) ≥50 mL/min "
    "(calculated according to Cockcroft-Gault formula);",
    NULL,
    "partial: creatinine_x_uln <= 1.5 or creatinine_clearance_ml_min >= 50" },
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
    "review" },
  /* NCT07072494 */
  { I,
    "Blood oxygen saturation >92%;",
    NULL,
    "rule: spo2_pct > 92" },
  /* NCT06389305 */
  { E,
    "Leukemic cells in the cerebrospinal fluid >20 cells/μL;",
    NULL,
    "rule: csf_blasts_per_ul > 20" },
  /* NCT06389305 */
  { E,
    "Peripheral blood leukemic cell proportion >30%;",
    NULL,
    "rule: pb_blasts_pct > 30" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "≥ 5% blasts in bone marrow",
    NULL,
    "rule: bm_blasts_pct >= 5" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "<5% bone marrow blasts",
    NULL,
    "rule: bm_blasts_pct < 5" },
  /* NCT05309213 */
  { I,
    "Morphological evidence of disease in bone marrow (at least 5% blasts).",
    NULL,
    "review" },
  /* NCT06389305 */
  { E,
    "Received bendamustine treatment within the past 9 months;",
    NULL,
    "rule: months_since_bendamustine <= 9" },
  /* NCT07072494 */
  { E,
    "Live vaccine administration within six weeks before screening.",
    NULL,
    "rule: weeks_since_live_vaccine <= 6" },
  /* NCT06585345 */
  { E,
    "Administer live vaccine within ≤6 weeks prior to initiation of the pretreatment "
    "regimen",
    NULL,
    "rule: weeks_since_live_vaccine <= 6" },
  /* NCT04272125 */
  { E,
    "Live attenuated vaccine within 4 weeks before screening;",
    NULL,
    "rule: weeks_since_live_vaccine <= 4" },
  /* NCT03754764 */
  { E,
    "Patient has an investigational medicinal product within the last 30 days prior to "
    "screening",
    NULL,
    "rule: days_since_investigational_agent <= 30" },
  /* NCT00576225 */
  { E,
    "Investigational therapy within 4 weeks before randomization, unless local "
    "requirements are more stringent.",
    NULL,
    "review" },
  /* the brief's wording (not verbatim in the records) */
  { E,
    "Treatment with an investigational agent within 4 weeks prior to enrollment",
    NULL,
    "rule: days_since_investigational_agent <= 28" },
  /* NCT07072494 */
  { E,
    "Participation in other interventional clinical trials and receipt of an "
    "investigational agent, including:\n\nAn unapproved investigational drug within three "
    "months before cell infusion. A marketed drug within fewer than five half-lives "
    "before cell infusion.",
    NULL,
    "review" },
  /* NCT02650414 */
  { E,
    "Receipt of a prior investigational study agent within 4 weeks prior to screening "
    "visit. *Note- patients who have received anti-CD19 CART cells (e.g. CART19/CTL019) "
    "on an investigational study where cell infusion occurred greater than 4 weeks before "
    "the screening visit are NOT excluded",
    NULL,
    "review" },
  /* NCT07072494 */
  { E,
    "History of deep vein thrombosis or pulmonary embolism within six months before "
    "screening.",
    NULL,
    "rule: recent_thrombosis" },
  /* NCT06585345 */
  { E,
    "History of symptomatic deep vein thrombosis or pulmonary embolism within 6 months "
    "prior to enrollment",
    NULL,
    "rule: recent_thrombosis" },
  /* NCT06585345 */
  { E,
    "A history of myocardial infarction, angioplasty or stent placement, unstable angina "
    "pectoris, or other clinically significant heart disease in the 12 months prior to "
    "enrollment",
    NULL,
    "partial: recent_cardiac_event" },
  /* NCT05507827 */
  { E,
    "History of myocardial infarction, cardiac angioplasty or stenting, unstable angina, "
    "or other clinically significant cardiac disease within 12 months of enrollment.",
    NULL,
    "partial: recent_cardiac_event" },
  /* NCT00576225 */
  { E,
    "Unstable medical conditions including unstable angina or myocardial infarction "
    "within the past 6 months before randomization.",
    NULL,
    "review" },
  /* NCT07072494 */
  { I,
    "An expected survival of more than three months from the date of signing the informed "
    "consent form.",
    NULL,
    "rule: life_expectancy_months > 3" },
  /* NCT03754764 */
  { I,
    "Estimated life expectancy ≥ 12 weeks (according to investigator's judgement)",
    NULL,
    "rule: life_expectancy_months >= 2.76" },
  /* NCT06389305 */
  { I,
    "Life expectancy, as judged by the investigator, of at least 60 days.",
    NULL,
    "rule: life_expectancy_months >= 1.97" },
  /* NCT04272125 */
  { I,
    "The expect time of survive is above 12 weeks;",
    NULL,
    "rule: life_expectancy_months > 2.76" },
  /* NCT02175381 */
  { I,
    "Life expectancy of at least 12 weeks",
    NULL,
    "rule: life_expectancy_months >= 2.76" },
  /* NCT01742767 */
  { I,
    "Estimated life expectancy of 12 weeks",
    NULL,
    "review" },
  /* NCT07072494 */
  { I,
    "At the time of screening, leukemia cells in the bone marrow or peripheral blood must "
    "be confirmed as CD19-positive by flow cytometry at initial or relapse diagnosis.",
    NULL,
    "rule: cd19_positive" },
  /* NCT04100187 */
  { I,
    "CD19 expression must be detected on greater than 15% of the malignant cells by "
    "immunohistochemistry or greater than 30% by flow cytometry.",
    NULL,
    "partial: cd19_positive" },
  /* NCT05164042 */
  { I,
    "Flow cytometry confirms that the original cells express CD19;",
    NULL,
    "partial: cd19_positive" },
  /* NCT05164042 */
  { E,
    "Primitive cells do not express CD19;",
    NULL,
    "partial: not cd19_positive" },
  /* NCT05397184 */
  { I,
    "CD7+ (>99%) leukaemia associated immunophenotype (LAIP)",
    NULL,
    "partial: cd7_positive" },
  /* NCT03754764 */
  { I,
    "Patient with relapsed CD38+ B-cell acute lymphoblastic leukemia after CD19 CAR-T "
    "adoptive cellular immunotherapy",
    NULL,
    "partial: diagnosis == B-ALL and disease_status == relapsed and cd38_positive and "
    "prior_car_t" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "CD19+ disease",
    NULL,
    "rule: cd19_positive" },
  /* NCT03754764 */
  { E,
    "Diagnosis of Burkitt's leukemia/lymphoma according to WHO classification or chronic "
    "myelogenous leukemia lymphoid blast crisis",
    NULL,
    "partial: diagnosis == Burkitt" },
  /* NCT07072494 */
  { E,
    "Presence of mixed-lineage leukemia or biphenotypic leukemia.",
    NULL,
    "partial: diagnosis == MPAL" },
  /* NCT04747912 */
  { E,
    "Burkitt's or mixed-lineage leukemia.",
    NULL,
    "partial: diagnosis in (Burkitt, MPAL)" },
  /* NCT05309213 */
  { E,
    "Burkitt's lymphoma；",
    NULL,
    "rule: diagnosis == Burkitt" },
  /* NCT03319901 */
  { E,
    "Ph-positive ALL, Burkitt's leukemia/lymphoma, or lymphoblastic lymphoma",
    NULL,
    "partial: diagnosis == Burkitt" },
  /* NCT06389305 */
  { I,
    "A confirmed diagnosis of refractory or relapsed B-ALL (criteria reference: NCCN, "
    "2024.4).",
    NULL,
    "partial: diagnosis == B-ALL" },
  /* NCT06585345 */
  { I,
    "Patients diagnosed with acute leukemia.",
    NULL,
    "review" },
  /* NCT07087847 */
  { I,
    "Diagnosis: Patients with refractory or relapsed (R/R) leukemia.",
    NULL,
    "review" },
  /* NCT04272125 */
  { I,
    "Diagnose as relapsed /refractory acute myeloid leukemia, and meet one of the "
    "following conditions:",
    NULL,
    "review" },
  /* NCT04272125 */
  { I,
    "Relapse after hematopoietic stem cell transplantation;",
    "Diagnose as relapsed /refractory acute myeloid leukemia, and meet one of the "
    "following conditions:",
    "review" },
  /* NCT03937544 */
  { E,
    "Active cancer (other than B-ALL).",
    NULL,
    "review" },
  /* NCT07087847 */
  { I,
    "Donor Availability: No matched sibling or unrelated donor identified through HLA "
    "typing.",
    NULL,
    "rule: not matched_donor_available" },
  /* NCT05397184 */
  { E,
    "Absence of suitable HLA matched or mismatched donor",
    NULL,
    "review" },
  /* NCT05397184 */
  { I,
    "Eligible and fit for allogeneic hematopoietic stem cells transplantation with "
    "suitable donor available",
    NULL,
    "review" },
  /* NCT05507827 */
  { I,
    "Matched related donor who is an 8/8 match for HLA-A, -B, -C, and -DRB1, all typed "
    "using DNA-based high-resolution methods",
    "Donor Inclusion Criteria",
    "review" },
  /* NCT05507827 */
  { I,
    "Age ≥ 18 and ≤ 75 years at time of enrollment",
    "Donor Inclusion Criteria",
    "review" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Ineligible for allo-HSCT",
    NULL,
    "rule: not hsct_eligible" },
  /* NCT07087847 */
  { I,
    "Disease Status Post-CAR-T: including achieved complete remission (CR), minimal "
    "residual disease (MRD)-negative in bone marrow and no extramedullary relapse.",
    NULL,
    "partial: disease_status == CR and mrd_negative and not extramedullary_disease" },
  /* the brief's wording (not verbatim in the records) */
  { E,
    "MRD positive",
    NULL,
    "rule: not mrd_negative" },
  /* NCT05309213 */
  { E,
    "Isolated extramedullary disease relapse；",
    NULL,
    "review" },
  /* NCT05480501 */
  { I,
    "Not chieving a CR after 1 cycle of standard chemotherapy for relapsed leukemia.",
    NULL,
    "review" },
  /* NCT02650414 */
  { I,
    "Documentation of CD22 tumor expression in bone marrow or peripheral blood by flow "
    "cytometry at relapse.",
    NULL,
    "review" },
  /* NCT02650414 */
  { I,
    "Any marrow relapse after CAR-modified T cell therapy OR",
    NULL,
    "review" },
  /* NCT03754764 */
  { I,
    "Male or female participant",
    NULL,
    "rule: sex in (female, male)" },
  /* NCT05942599 */
  { I,
    "Male or female patients",
    NULL,
    "rule: sex in (female, male)" },
  /* NCT04886388 */
  { E,
    "For women only: pregnant (or lactating) or having the intention of becoming pregnant "
    "during the time frame of the study.",
    NULL,
    "partial: pregnant_or_lactating" },
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Females only",
    NULL,
    "rule: sex == female" },
  /* NCT07072494 */
  { E,
    "Any of the following viral infections:\n\nHepatitis B virus (HBV) DNA detectable "
    "above the lower limit of quantification. Positive hepatitis C virus antibody "
    "(HCV-Ab). Epstein-Barr virus (EBV) or cytomegalovirus (CMV) DNA detectable above the "
    "lower limit of quantification.\n\nPositive human immunodeficiency virus (HIV) "
    "antibody test.",
    NULL,
    "rule: hbv_dna_detectable or hcv_ab_positive or ebv_dna_detectable or "
    "cmv_dna_detectable or hiv_positive" },
  /* NCT04272125 */
  { E,
    "Subjects with positive HBsAg or HBcAb positive and peripheral blood HBV DNA titer is "
    "higher than the lower limit of detection of the research institution; HCV antibody "
    "positive and peripheral blood HCV RNA titer is higher than the lower limit of "
    "detection of the research institution; HIV antibody positive; syphilis primary "
    "screening antibody positive;",
    NULL,
    "partial: hbsag_positive and hbcab_positive and hbv_dna_detectable or hcv_ab_positive "
    "and hcv_rna_detectable or hiv_positive or syphilis_positive" },
  /* NCT06585345 */
  { E,
    "Known history of hepatitis B (HBsAg positive) or hepatitis C (HCV antibody "
    "positive). Subjects with latent or prehepatitis B infection (defined as HBcAb "
    "positive and HBsAg negative) can be enrolled only if PCR tests for HBV DNA are "
    "negative. In addition, these subjects were required to undergo a monthly PCR test "
    "for HBV DNA. Participants who are serologically positive for HCV antibodies can also "
    "be enrolled if their PCR test results for HCV RNA are negative.",
    NULL,
    "review" },
  /* NCT06585345 */
  { E,
    "Known human immunodeficiency virus (HIV) infection",
    NULL,
    "rule: hiv_positive" },
  /* NCT02349698 */
  { E,
    "HIV affected.",
    NULL,
    "rule: hiv_positive" },
  /* NCT04100187 */
  { E,
    "HIV/HBV/HCV Infection.",
    NULL,
    "partial: hiv_positive" },
  /* NCT03754764 */
  { E,
    "Active hepatitis B, active hepatitis C, or any human immunodeficiency virus (HIV) "
    "infection at the time of screening",
    NULL,
    "partial: hbv_dna_detectable or hcv_rna_detectable or hiv_positive" },
  /* NCT06389305 */
  { E,
    "Active or uncontrollable infectious diseases, such as hepatitis (HBV, HCV), HIV, or "
    "syphilis.",
    NULL,
    "partial: active_infection or hiv_positive or syphilis_positive" },
  /* NCT01640457 */
  { E,
    "Treponema pallidum (syphilis) infection",
    NULL,
    "partial: syphilis_positive" },
  /* NCT05309213 */
  { E,
    "Patients has HBV, HCV, HIV ,EBV,ECV or syphilis infection at the time of screening;",
    NULL,
    "partial: hiv_positive or syphilis_positive" },
  /* NCT07072494 */
  { E,
    "Severe, uncontrolled, active infection at screening.",
    NULL,
    "rule: active_infection" },
  /* NCT06585345 */
  { E,
    "Presence or suspicion of uncontrollable fungal, bacterial, viral or other "
    "infections.",
    NULL,
    "rule: active_infection" },
  /* NCT06389305 */
  { E,
    "Suffering from sepsis or other uncontrollable infections;",
    NULL,
    "rule: active_infection" },
  /* NCT03937544 */
  { E,
    "Uncontrolled sepsis",
    NULL,
    "rule: active_infection" },
  /* NCT03754764 */
  { E,
    "Severe active infection (uncomplicated urinary tract infections, bacterial "
    "pharyngitis is allowed), Prophylactic antibiotic, antiviral and antifungal treatment "
    "is permissible",
    NULL,
    "review" },
  /* NCT05507827 */
  { E,
    "Presence of fungal, bacterial, viral, or other infection that is uncontrolled. "
    "Simple UTI and uncomplicated bacterial pharyngitis are permitted if responding to "
    "active treatment.",
    NULL,
    "review" },
  /* NCT06585345 */
  { I,
    "No obvious active infection or graft-versus-host disease",
    NULL,
    "partial: not active_infection and not gvhd_active" },
  /* NCT03754764 */
  { E,
    "Presence of Grade II-IV (Glucksberg) or B-D (IBMTR) acute or extensive chronic GVHD "
    "at the time of screening",
    NULL,
    "rule: gvhd_active" },
  /* NCT04856215 */
  { E,
    "patients with extensive chronic graft versus host disease (GVHD);",
    NULL,
    "rule: gvhd_active" },
  /* NCT02349698 */
  { E,
    "Acute or chronic GVHD.",
    NULL,
    "partial: gvhd_active" },
  /* NCT06585345 */
  { E,
    "Existing or past CNS disease, such as seizures, cerebrovascular ischemia/bleeding, "
    "dementia, cerebellar disease, or any CNS-related autoimmune disease",
    NULL,
    "partial: cns_disease" },
  /* NCT07072494 */
  { E,
    "Uncontrolled epilepsy, a history of cerebrovascular ischemia/hemorrhage, cerebellar "
    "disease, or other active central nervous system (CNS) disorders.",
    NULL,
    "partial: cns_disease" },
  /* NCT02650414 */
  { E,
    "CNS3 disease that is progressive on therapy, or with CNS parenchymal lesions that "
    "might increase the risk of CNS toxicity.",
    NULL,
    "review" },
  /* NCT03937544 */
  { E,
    "Patients with CNS-3 leukaemia.",
    NULL,
    /* cns_disease is any active CNS disorder: as an exclusion it would also
     * exclude a seizure disorder without CNS leukemia. */
    "review" },
  /* NCT03937544 */
  { I,
    "No detectable leukaemia in the CSF (CNS-1)",
    NULL,
    "review" },
  /* NCT02349698 */
  { E,
    "Central nervous system leukemia within 28 days.",
    NULL,
    "review" },
  /* NCT03754764 */
  { E,
    "Pregnant or nursing women",
    NULL,
    "rule: pregnant_or_lactating" },
  /* NCT06389305 */
  { E,
    "Female patients (those with childbearing potential) are pregnant or lactating;",
    NULL,
    "rule: pregnant_or_lactating" },
  /* NCT02349698 */
  { E,
    "Pregnancy and nursing females.",
    NULL,
    "rule: pregnant_or_lactating" },
  /* NCT02650414 */
  { E,
    "Pregnant or nursing (lactating) women.",
    NULL,
    "rule: pregnant_or_lactating" },
  /* NCT05397184 */
  { E,
    "Lactating female participants unwilling to stop breastfeeding",
    NULL,
    "review" },
  /* NCT07072494 */
  { I,
    "Female subjects of childbearing potential must have a negative serum pregnancy test "
    "(women who have undergone surgical sterilization or have been postmenopausal for at "
    "least two years are considered non-fertile). Male and female subjects of "
    "reproductive potential must agree to use contraception during the study.",
    NULL,
    "review" },
  /* NCT06585345 */
  { E,
    "Male or female subjects who do not consent to effective contraception from the time "
    "they sign informed consent until 6 months after completing AT19 treatment",
    NULL,
    "rule: not contraception_agreed" },
  /* NCT07087847 */
  { I,
    "Informed Consent: a signed informed consent form (ICF) is obtained",
    NULL,
    "rule: informed_consent" },
  /* NCT04265963 */
  { I,
    "Signed written informed consent；",
    NULL,
    "rule: informed_consent" },
  /* NCT06389305 */
  { I,
    "Patients with self-awareness between 8 and 39 years of age voluntarily sign an "
    "informed consent, and the legal representative (guardians) of child patients under "
    "18 years of age voluntarily signs an informed consent.",
    NULL,
    "rule: informed_consent" },
  /* NCT07072494 */
  { E,
    "Physical or cognitive conditions that impair the ability to provide informed consent "
    "or comply with study procedures, or unwillingness or inability to adhere to study "
    "requirements.",
    NULL,
    "review" },
  /* NCT07072494 */
  { E,
    "Prior treatment with CAR-T cell therapy before screening or conditioning.",
    NULL,
    "rule: prior_car_t" },
  /* NCT04272125 */
  { E,
    "Have received CAR-T therapy or other genetically modified cell therapy before "
    "screening；",
    NULL,
    "partial: prior_car_t" },
  /* NCT06389305 */
  { I,
    "Loss of CAR-T cell activity within 6 months after previous CAR-T therapy and no "
    "relapse.",
    NULL,
    "partial: prior_car_t and car_t_persistence_lost" },
  /* NCT05507827 */
  { E,
    "Patients who have undergone a prior allogeneic or autologous stem cell transplant.",
    NULL,
    "review" },
  /* NCT06389305 */
  { E,
    "Have undergone organ transplantation;",
    NULL,
    "rule: prior_organ_transplant" },
  /* NCT04835519 */
  { E,
    "Have received organ transplantation (excluding hematopoietic stem cell "
    "transplantation);",
    NULL,
    "review" },
  /* NCT05309213 */
  { E,
    "Patients with other tumors in the past 5 years;",
    NULL,
    "rule: other_malignancy_years <= 5" },
  /* NCT06585345 */
  { E,
    "In the past 2 years, subjects have had other malignancies, non-melanoma skin tumors, "
    "carcinoma in situ (e.g. Cervix, bladder, breast), end-organ damage due to autoimmune "
    "diseases (e.g. Crohn's disease, rheumatoid arthritis, systemic lupus erythematosus), "
    "or need to systematically administer immunosuppressive or other drugs for systemic "
    "disease control. Unless disease free survival of at least 3 years",
    NULL,
    "review" },
  /* NCT07072494 */
  { E,
    "History of or current malignancy within the past five years (excluding patients with "
    "a low risk of recurrence after curative treatment and more than five years of "
    "follow-up, as determined by the investigator).",
    NULL,
    "review" },
  /* NCT03754764 */
  { E,
    "Subjects with any autoimmune disease or any immune deficiency disease or other "
    "disease in need of immunosuppressive therapy",
    NULL,
    "partial: autoimmune_disease or immunodeficiency" },
  /* NCT06585345 */
  { E,
    "Primary immune deficiency",
    NULL,
    "review" },
  /* NCT04571138 */
  { E,
    "Presence of primary immunodeficiency syndrome",
    NULL,
    "review" },
  /* NCT03754764 */
  { E,
    "Concurrent use of systemic steroids. Recent or current use of inhaled steroids is "
    "not exclusionary",
    NULL,
    "rule: systemic_steroids" },
  /* NCT05480501 */
  { E,
    "Subjects received systemic steroids within 5 days prior to leukapheresis.",
    NULL,
    "review" },
  /* NCT05309213 */
  { E,
    "Patient used systemic steroids within 5 days before leucapheresis, except those who "
    "were recently or currently using inhaled steroids;",
    NULL,
    "review" },
  /* NCT05507827 */
  { E,
    "Currently receiving corticosteroids or other immunosuppressive therapy. Topical "
    "corticosteroids or oral systemic corticosteroid doses less than or equal to 10 "
    "mg/day are allowed.",
    NULL,
    "review" },
  /* NCT06389305 */
  { E,
    "Disseminated intravascular coagulation;",
    NULL,
    "rule: dic" },
  /* NCT04835519 */
  { E,
    "Diffuse intravascular coagulation",
    NULL,
    "rule: dic" },
  /* NCT06389305 */
  { E,
    "Uncontrollable diabetes;",
    NULL,
    "rule: uncontrolled_diabetes" },
  /* NCT06389305 */
  { E,
    "Severe mental disorders;",
    NULL,
    "rule: severe_mental_disorder" },
  /* NCT02349698 */
  { I,
    "No serious mental disorder.",
    NULL,
    "rule: not severe_mental_disorder" },
  /* NCT07072494 */
  { E,
    "Clinically significant pericardial or pleural effusion at screening.",
    NULL,
    "rule: significant_effusion" },
  /* NCT02652234 */
  { E,
    "With uncontrolled ascites or pleural effusion;",
    NULL,
    "review" },
  /* NCT04265963 */
  { I,
    "No other illness may conflict with the protocol (e.g. autoimmune diseases, immune "
    "deficiency and organ transplantation；",
    NULL,
    "review" },
  /* NCT05536349 */
  { I,
    "Total bilirubin ≤1.5 x upper limit of normal (ULN) or ≤3 x ULN for patients with "
    "Gilbert's disease or documented disease involvement of liver",
    NULL,
    "review" },
  /* NCT05309213 */
  { I,
    "Relapsed or refractory B-ALL, defined as:",
    NULL,
    "review" },
  /* NCT05480501 */
  { I,
    "Relapsed or refractory B-ALL, defined as：1）Not chieving a CR after 1 cycle of "
    "standard chemotherapy for relapsed leukemia. 2）Any relapse after HSCT and must be ≥ "
    "6 months from HSCT at the time of IM19 CAR-T cells infusion. 3）Primary refractory as "
    "defined by not achieving a CR after 2 cycles of a standard chemotherapy regimen.",
    NULL,
    "partial: disease_status in (relapsed, refractory)" },
  /* NCT06585345 */
  { I,
    "Acute leukemia complex/refractory cases with poor response to conventional "
    "chemotherapy: 1) patients who did not achieve complete remission after 2 courses of "
    "treatment with standard induced remission regimen; 2) Recurrence within 6 months "
    "after the first remission; 3) Relapse 6 months after the first remission, but "
    "failure to be treated again with the original induced remission regimen; 4) "
    "Recurrent patients.",
    NULL,
    "partial: disease_status in (relapsed, refractory)" },
  /* NCT04946890 */
  { I,
    "Have normal QTcF interval on screening electrocardiogram (ECG) evaluation, defined "
    "as QTcF of ≤ 450 ms in males or ≤ 470 ms in females.",
    NULL,
    "review" },
  /* NCT05164042 */
  { E,
    "HIV/AIDS patients;",
    NULL,
    "rule: hiv_positive" },
  /* NCT03937544 */
  { E,
    "HIV serology positivity.",
    NULL,
    "rule: hiv_positive" },
  /* NCT02650414 */
  { E,
    "Active acute or chronic graft-versus-host disease (GVHD) requiring systemic therapy.",
    NULL,
    "partial: gvhd_active" },
  /* NCT03937544 */
  { I,
    "Post allogeneic HSCT must be ≥ Day +100 with no evidence of active GVHD and not "
    "receiving immunosuppression",
    NULL,
    "partial: not gvhd_active" },
  /* NCT04571138 */
  { E,
    "For subjects having had a previous stem cell transplant: presence of active GVHD, or "
    "receiving immunosuppressive therapy for treatment or prevention of GVHD within 4 "
    "weeks prior to enrollment",
    NULL,
    "review" },
  /* NCT03937544 */
  { E,
    "Pregnant / nursing female.",
    NULL,
    "rule: pregnant_or_lactating" },
  /* NCT05164042 */
  { I,
    "Expected survival time ≥ 3 months;",
    NULL,
    "rule: life_expectancy_months >= 3" },
  /* NCT04265963 */
  { I,
    "Left ventricular ejection fraction ≥40%;",
    NULL,
    "rule: lvef_pct >= 40" },
  /* NCT02349698 */
  { I,
    "Life expectancy>3 months.",
    NULL,
    "rule: life_expectancy_months > 3" },
  /* Precision review of the acute-leukemia records (tests/gold/precision-sample.tsv). */
  /* A. An item of examples, of a definition or of alternatives is not required. NCT05086315 */
  { I,
    "For participants aged 1 to 17 years old, primary induction failure is defined as disease "
    "refractory after two cycles of induction therapy.",
    "Examples include but are not limited to:",
    "review" },
  /* NCT04714372 */
  { I,
    "Hematopoietic stem cell transplantation (HSCT) if relapse that occurs > 90 days after HSCT",
    "Lines of therapy are defined as (must have had 2 prior therapies):",
    "review" },
  /* NCT03826992: one of several diagnosis groups, some of them not read */
  { I,
    "Relapsed/Refractory KMT2A-rearranged ALL, T-cell ALL, ETP ALL",
    "Disease status",
    "review" },
  /* NCT05086315: the criterion names the arm it applies to */
  { I,
    "Pediatric arm: aged 1 to 17 years old.",
    NULL,
    "review" },
  /* B. A header that scopes its criteria to a cohort or a sub-study. NCT02724163 */
  { I,
    "Normal renal function defined as calculated creatinine clearance ≥90ml/min/1.73m2.",
    "Inclusion criteria for participation in the gemtuzumab ozogamicin dose finding study:",
    "review" },
  /* NCT01515527 */
  { I,
    "ECOG performance status of ≤ 2.",
    "Cohort 1",
    "review" },
  /* NCT02724163: weeks are not years */
  { I,
    "≥12 weeks (once R2 open in patients aged ≥12 weeks and <12 months)",
    "Patient age:",
    "review" },
  /* NCT02724163: the blast count belongs to MDS, AML is one of three diagnoses */
  { I,
    "Diagnosis of acute myeloid leukaemia (AML) /high risk Myelodysplastic syndrome (MDS) (>10% "
    "blasts in the bone marrow)/isolated myeloid sarcoma (MS) (either de novo or secondary).",
    NULL,
    "review" },
  /* C. Exceptions and alternative limits. NCT05751044 */
  { I,
    "Alanine aminotransferase (ALT)/serum glutamic pyruvic transaminase (SGPT) ≤ 5 x ULN; "
    "aspartate aminotransferase (AST)/serum glutamic oxaloacetic transaminase/SGOT ≤ 5 x ULN. "
    "Note: Patients with hepatic disfunction related to the underling disease can be eligible even "
    "if they do not fulfill the aforementioned values for hepatic transaminases. In these cases, "
    "patients need to be discussed with the sponsor to confirm the eligibility.",
    NULL,
    "review" },
  /* NCT05645718 */
  { I,
    "Alanine aminotransferase (ALT) and/or aspartate aminotransferase (AST) ≤3 x ULN; ≤5 x ULN in "
    "case of suspected leukemic liver involvement",
    NULL,
    "review" },
  /* NCT04946890 */
  { I,
    "Liver: If there is no clear liver metastasis, serum total bilirubin ≤1.5 ULN, aspartate "
    "aminotransferase (AST) and alanine aminotransferase (ALT) ≤2.5 ULN; if there is clear Gilbert "
    "syndrome (Unconjugated hyperbilirubinemia), total bilirubin ≤ 3.0 ULN;",
    "Laboratory inspection must meet the following standards:",
    "review" },
  /* NCT05645718: excused for Gilbert's syndrome, whose own limit is not read. */
  { I,
    "Total serum bilirubin ≤1.5x upper limit of normal (ULN). Patients with known Gilbert's "
    "syndrome may have a total bilirubin up to ≤3 x ULN.",
    NULL,
    "partial: bilirubin_x_uln <= 1.5 or gilbert_syndrome" },
  /* NCT06097962: the limit in brackets is an alternative */
  { E,
    "Hepatic:ALT > 3 × ULN (tumor liver metastasis ≥ 5×ULN); AST > 3×ULN (tumor liver metastasis ≥ 5×ULN)",
    NULL,
    "review" },
  /* NCT04570475 */
  { E,
    "Pregnancy or lactation (breastfeeding)",
    NULL,
    "rule: pregnant_or_lactating" },
  /* D. A qualified diagnosis is not the diagnosis. NCT04501120 */
  { E,
    "Patients diagnosed with acute promyelocytic leukemia or t(9;22)(q34.1;q11.2); BCR-ABL1 "
    "positive AML patients.",
    NULL,
    "review" },
  /* NCT03058588 */
  { E,
    "acute myeloid leukemia (AML) or Myelodisplastic Syndrome (MDS) without a first- or "
    "second-degree relative with Acute leukemia or MDS or other myeloid malignancies or without a "
    "first- or second-degree relative with Lymphoproliferative neoplasms or with clinical features "
    "that resemble one of the familial MDS/AML predisposition syndromes;",
    NULL,
    "review" },
  /* NCT02724163 */
  { E,
    "Relapsed or refractory AML.",
    NULL,
    "review" },
  /* NCT05397184: a dose threshold, not any systemic steroid */
  { E,
    "Systemic steroid therapy prednisolone >0.5 mg/kg/day",
    NULL,
    "review" },
  /* NCT05740449: only for the sexually active */
  { E,
    "Sexually active participants not willing to use highly effective contraceptive method (pearl "
    "index <1) as defined in CTFG HMA 2020 (Appendix II) during trial participation and until 6 "
    "months after end of antileukemic therapy.",
    NULL,
    "review" },
  /* E. Narrower than the variable. NCT05497310, NCT05658640, NCT05458258 */
  { E,
    "Pregnancy",
    NULL,
    "review" },
  { E,
    "Breast feeding.",
    NULL,
    "review" },
  { E,
    "Participants who are pregnant at the time of enrollment.",
    NULL,
    "review" },
  /* NCT04157569 */
  { I,
    "not pregnant female",
    NULL,
    "review" },
  /* NCT04747912: both named */
  { E,
    "Pregnant females; breastfeeding females; males with female partners of reproductive potential "
    "and females of childbearing potential not using highly effective contraception or not agreeing "
    "to continue highly effective contraception for a minimum of 5 months after the last dose of "
    "investigational product if male and 8 months after the last dose of investigational product if "
    "female.",
    NULL,
    "partial: pregnant_or_lactating" },
  /* NCT06111625, NCT03884829, NCT05321940: CNS leukemia only */
  { E,
    "patients with central nervous system leukemia.",
    NULL,
    "review" },
  { E,
    "Known CNS involvement by leukemia",
    NULL,
    "review" },
  { E,
    "Patients with known central nervous system (CNS) involvement.",
    NULL,
    "review" },
  /* NCT05993949 */
  { E,
    "Presence of CNS-3 disease with neurological changes",
    NULL,
    "review" },
  /* NCT05464836: uncontrolled CNS pathology is narrower than any CNS disorder */
  { E,
    "Presence of clinically significant uncontrolled CNS pathology such as epilepsy, childhood "
    "seizure, paresis, aphasia, stroke, severe brain injuries, organic brain syndrome, or psychosis.",
    NULL,
    "review" },
  /* NCT05645718: controlled infections are allowed */
  { E,
    "Patients with uncontrolled, active infections (viral, bacterial, or fungal). Infections "
    "controlled on concurrent anti-microbial agents are acceptable, and anti-microbial prophylaxis "
    "per institutional guidelines are acceptable.",
    NULL,
    "review" },
  /* NCT05589896: uncontrolled defined narrowly */
  { E,
    "Current uncontrolled bacterial, viral or fungal infection defined as currently taking "
    "medication with evidence of progression of clinical symptoms or radiologic findings",
    NULL,
    "review" },
  /* NCT04789655: viral infections are not active_infection */
  { E,
    "Participant is known seropositive or active infection with human immunodeficiency virus "
    "(HIV), or active infection with hepatitis B virus or hepatitis C virus.",
    "The presence of any of the following will exclude a Participant from enrollment:",
    "partial: hiv_positive" },
  /* F. History is not covered by an active-only variable. NCT05480501 */
  { E,
    "Subjects with History or presence of CNS disorder.",
    NULL,
    "partial: cns_disease" },
  /* NCT04265963 */
  { E,
    "Active or chronic GVHD；",
    NULL,
    "partial: gvhd_active" },
  /* G. Contraception and pregnancy tests never require pregnancy. NCT05645718 */
  { I,
    "Males need to inform the doctor right away if the partner becomes pregnant or suspects "
    "pregnancy. While in this study and for 30 days after the last treatment the patient should not "
    "donate sperm for the purposes of reproduction. He will need to use a condom while in this study "
    "and for 30 days after the last treatment and 5 months after the last dose of inotuzumab.",
    NULL,
    "review" },
  /* NCT05321940 */
  { I,
    "Females of childbearing potential (CBP) must have a negative pregnancy test within one week of "
    "enrollment. Women should avoid pregnancy while receiving study treatment. Males and females "
    "must agree to use adequate methods of birth control during participation in this trial and for "
    "3 months after completing therapy",
    NULL,
    "review" },
  /* H. Contradictions and conditions. NCT05658640 */
  { I,
    "Children between 1 year (≥ 12 months) and 18 years of age at the time of first diagnosis and "
    "less than 21 years at the time of inclusion. Patients under 6 years old must weigh at least 7 "
    "kg at the time of enrollment. Patients over 6 years old must weigh at least 10 kg at the time "
    "of enrollment.",
    NULL,
    "review" },
  /* NCT05589896 */
  { I,
    "Male or female, aged ≥18 and <55 years for patients receiving MAC (Regimen A or Regimen B); "
    "aged ≥18 and <70 years for patients receiving RIC (Regimen C)",
    NULL,
    "review" },
  /* NCT05321940 */
  { I,
    "Must have failed standard induction and salvage therapies available AND be ineligible for "
    "allogeneic stem cell transplant ǂ as follows:\n"
    "Relapsed/refractory (R/R) AML is defined as patients ≥ 18 years of age at the time of signing "
    "the informed consent form (ICF) who are not eligible to receive further intensive therapy and:\n"
    "For R/R ALL, the patient must have failed (relapsed or primary refractory) induction "
    "chemotherapy. The patient should also have failed blinatumomab if CD19+ B-cell ALL, "
    "inotuzumab if CD22+ B-cell ALL, tyrosine kinase inhibitor if bcr-abl+.",
    NULL,
    /* The "ǂ" note, elsewhere in the record, counts a patient who refuses
     * a transplant as transplant-ineligible. */
    "review" },
  /* I. Inclusive upper age limits of whole years. NCT05519384 */
  { I,
    "Age ≤18, male or female;",
    NULL,
    "rule: age_years < 19" },
  /* NCT05664230 */
  { I,
    "Patient between 1 and 10 years of age",
    NULL,
    "rule: age_years >= 1 and age_years < 11" },  /* J. A negated fact in an exclusion: misfiled or a condition of the excluded state; review. NCT05282459 */
  { E,
    "No known HIV+ or active hepatitis B or C infection, defined as positive viral load for HBV "
    "or HCV or a positive surface antigen (HBsAg) test for hepatitis B.",
    NULL,
    "review" },
  /* NCT02081482 */
  { E,
    "women without contraception/pregnant/breast-feeding",
    NULL,
    "review" },
  /* NCT06097962 */
  { E,
    "Subjects who received systemic treatment with corticosteroids (prednisone>10 mg/day or "
    "equivalent) or other immunosuppressive/enhancing drugs (such as thymosin, interleukin-2, "
    "and interferon) within 2 weeks prior to enrollment. Allowing selected subjects to inhale or "
    "topically use corticosteroids in the absence of active autoimmune diseases;",
    NULL,
    "review" },
  /* explicit negations in a pattern are read: NCT05164042/E1 */
  { E,
    "Primitive cells do not express CD19;",
    NULL,
    "partial: not cd19_positive" },
  /* NCT03119584 */
  { E,
    "Subjects unwilling to practice adequate contraception throughout the period of screening "
    "through 14 days after study termination.",
    NULL,
    "partial: not contraception_agreed" },
  /* a negation in a later sentence is an instruction, dropped: NCT05405374/E16 */
  { E,
    "Pregnant or nursing. Females of child-bearing potential must agree not to become pregnant "
    "for the duration of the study.",
    NULL,
    "partial: pregnant_or_lactating" },
  /* "including, but not limited to": the examples take the sense of their head. NCT04874480/E2 */
  { E,
    "Uncontrolled intercurrent illness including, but not limited to active uncontrolled "
    "infection, symptomatic congestive heart failure (New York Heart Association [NYHA] class "
    "III or IV), unstable angina pectoris, clinically significant cardiac arrhythmia, or "
    "psychiatric illness/social situations that would limit compliance with study requirements",
    NULL,
    "partial: active_infection" },
  /* NCT04267848 */
  { I,
    "Patients must NOT have uncontrolled intercurrent illness including, but not limited to, "
    "serious ongoing or active infection, symptomatic congestive heart failure, uncontrolled "
    "cardiac arrhythmia, unstable angina pectoris, that would limit compliance with study "
    "requirements",
    NULL,
    "partial: not active_infection" },
  /* K. Items of a list of alternatives or of a definition. NCT05304754 (bullets with their own ordinals under "This includes:") */
  { I,
    "iv. High risk AML in RC1;",
    "Diagnosis of high-risk hematological malignancy. This includes:",
    "review" },
  /* NCT05304754 */
  { I,
    "vi. Relapsed AML with <25% blasts in bone marrow;",
    "Diagnosis of high-risk hematological malignancy. This includes:",
    "review" },
  /* NCT05304754 */
  { I,
    "vii. AML related to previous treatments in CR> 12 months;",
    "Diagnosis of high-risk hematological malignancy. This includes:",
    "review" },
  /* NCT05712278: "including:" */
  { I,
    "Participants with relapsed AML after allogeneic stem cells transplantation, including those "
    "who have received donor lymphocyte infusions,",
    "Participants with confirmed diagnosis of relapsed or primary refractory acute myeloid "
    "leukemia (AML), according to World Health Organization (WHO) classification, including:",
    "review" },
  /* NCT05309213: "defined as:" */
  { I,
    "Primary refractory as defined by not achieving a CR after 2 cycles of a standard "
    "chemotherapy regimen.",
    "Relapsed or refractory B-ALL, defined as:",
    "review" },
  /* NCT03895671: a sentence that defines a term */
  { I,
    "MBC-CML is defined by the presence of ≥ 30% blasts in the bone marrow and/or peripheral "
    "blood or the presence of extramedullary disease.",
    "Patient with Philadelphia chromosome positive CML in first blast crisis or first "
    "accelerated phase:",
    "review" },
  /* NCT04547049 */
  { I,
    "ALL in remission, defined as <5% bone marrow blasts morphologically",
    NULL,
    "review" },
  /* NCT04714372 */
  { I,
    "CD38 expression is defined by ≥20% of malignant cells with CD38 expression by flow "
    "cytometry on the most recent marrow biopsy (within 30 days of enrollment - archived or "
    "fresh).",
    NULL,
    "review" },
  /* NCT04946890: alternatives inside the criterion */
  { I,
    "Histopathologically documented primary or secondary AML, as defined by WHO criteria, "
    "confirmed by pathology review at treating institution, meeting at least one of the "
    "following: i. After complete remission, leukemia cells reappear in peripheral blood, or the "
    "ratio of bone marrow immature cells to bone marrow cells> 5%, or leukemia cell infiltration "
    "outside the bone marrow; ii. After standard protocol (including cytarabine and a kind of "
    "Anthracycline or anthraquinone drugs) for refractory AML patients who have not achieved "
    "complete remission after two courses of treatment;",
    NULL,
    "review" },
  /* NCT05406817: "including participants with ..." widens the population */
  { I,
    "Relapsed or refractory acute leukemia, including participants who are MRD-positive by "
    "multiparametric flow cytometry or next-generation sequencing, and including participants "
    "with isolated extramedullary disease.",
    NULL,
    "review" },
  /* NCT05466149: "... are eligible, provided": an exception for some patients */
  { I,
    "Patients with CNS metastases are eligible, provided they meet all of the following "
    "criteria: Measurable disease outside the CNS; No ongoing requirement for corticosteroids as "
    "therapy for CNS metastases, with corticosteroids discontinued for ≥ 2 weeks prior to "
    "enrollment; No ongoing symptoms attributed to CNS metastases; No active CNS metastases or "
    "spinal cord compression (i.e., progressing or requiring anticonvulsants or corticosteroids "
    "for symptomatic control); No evidence of interim CNS disease progression between the "
    "completion of CNS-directed therapy and the screening radiographic study; Time since whole "
    "brain radiation therapy (WBRT) is ≥ 21 days prior to first dose of study treatment, time "
    "since stereotactic radiosurgery (SRS) is ≥ 7 days prior to first dose of study treatment, "
    "or time since surgical resection is ≥ 28 days",
    NULL,
    "review" },
  /* L. An exclusion's fact narrowed by what follows. NCT05397184, NCT05942599 */
  { E,
    "Prior CAR therapy known to be associated with ≥Grade 3 cytokine release syndrome (CRS) or "
    "≥Grade 3 drug-related CNS toxicity",
    NULL,
    "review" },
  /* NCT05942599 */
  { E,
    "Prior CAR T cell therapy known to be associated with ≥Grade 3 cytokine release syndrome "
    "(CRS) or ≥Grade 3 drug-related CNS toxicity",
    NULL,
    "review" },
  /* NCT05942599 */
  { E,
    "Active bacterial, fungal or viral infections not controlled by standard of care anti- "
    "microbial or anti-viral treatment. Uncontrolled bacteraemia/ fungaemia is defined as the "
    "ongoing detection of bacteria/fungus on blood cultures despite antibiotic or anti-fungal "
    "therapy. Uncontrolled viraemia is defined as rising viral loads on two consecutive "
    "occasions despite antiviral therapy.",
    NULL,
    "review" },
  /* NCT05071482 */
  { E,
    "Active serious infection not controlled by oral or intravenous antibiotics;",
    NULL,
    "review" },
  /* NCT05821933: "HBsAg with HBV DNA" is narrower than HBsAg */
  { E,
    "Known presence and activity of any of the following infectious diseases: positive HIV "
    "antibody test result; positive HBsAg with positive HBV DNA (i.e., copy number ≥ 2000 "
    "copies/ml); positive HCV antibody with positive HCV RNA.",
    NULL,
    "partial: hiv_positive" },
  /* NCT01943214 */
  { E,
    "Severe mental illness, which lead to unable to fulfill the questionaire",
    NULL,
    "review" },
  /* R. A footnote marker: the note is read only when the splitter attached it. NCT05507827 */
  { E,
    "Hepatitis B (HBsAg positive) **\n"
    "** A history of hepatitis B or hepatitis C is permitted if the viral load is undetectable "
    "per quantitative PCR and/or nucleic acid testing.",
    NULL,
    "review" },
  /* M. AIDS is HIV, not any immunodeficiency. NCT05712278, NCT05798663 */
  { E,
    "Known acquired immunodeficiency syndrome (AIDS-related illnesses) or human immunodeficiency "
    "virus (HIV) disease requiring antiretroviral treatment, or having active hepatitis B or C "
    "infection, or symptomatic severe acute respiratory syndrome coronavirus 2 (SARS-CoV-2) "
    "infection.",
    NULL,
    "partial: hiv_positive or hbv_dna_detectable or hcv_rna_detectable" },
  /* NCT05798663 */
  { E,
    "Acquired Immune Deficiency Syndrome (AIDS) based upon current CDC definition; note, HIV "
    "testing is required for entry into this protocol due to the immunologic basis for induction "
    "treatment.",
    NULL,
    "partial: hiv_positive" },
  /* N. A qualified CNS disease is not cns_disease. NCT04714372, NCT02310828 */
  { E,
    "Non-malignant CNS disease such as epilepsy, CNS vasculitis, or neurodegenerative disease or "
    "receipt of medications for these conditions in the 2-year period leading up to study "
    "enrollment",
    NULL,
    "review" },
  /* NCT02310828 */
  { E,
    "degenerative central nervous system diseases",
    NULL,
    "review" },
  /* O. Breastfeeding that "should be avoided" or discontinued is not excluded. NCT04874480, NCT03974217 */
  { E,
    "Pregnant women are excluded from this study because the agent used in this study has the "
    "potential for teratogenic or abortifacient effects. Because there is a potential risk for "
    "adverse events in nursing infants secondary to treatment of the mother with the "
    "chemotherapy agents, breastfeeding should also be avoided",
    NULL,
    "review" },
  /* NCT03974217 */
  { E,
    "Pregnant women are excluded from this study because Talazoparib is a PARP inhibitor agent "
    "with the potential for teratogenic or abortifacient effects. Because there is an unknown "
    "but potential risk for adverse events in nursing infants secondary to treatment of the "
    "mother with Talazoparib, breastfeeding should be discontinued if the mother is treated with "
    "Talazoparib. These potential risks may also apply to other agents used in this study.",
    NULL,
    "review" },
  /* P. A cohort named inside the criterion. NCT05536349 */
  { E,
    "Cohort 1 (CLL/SLL) i. Prior receipt of anti-CD20 monoclonal antibody therapy for "
    "non-malignant indication, including for autoimmune phenomenon ii. Prior receipt of systemic "
    "therapy for CLL/SLL b. Cohort 2 (RT) i. Patients who experienced a major bleeding event or "
    "grade ≥3 arrythmia on prior treatment with a BTK inhibitor ii. History of allogeneic or "
    "autologous stem cell transplant (SCT) or chimeric antigen receptor-modified T cell (CAR-T) "
    "therapy within 60 days of first dose of study drugs or presence of any of the following, "
    "regardless of prior SCT and/or CAR-T therapy timing: 1. Active graft versus host disease "
    "(GVHD), 2. Cytopenia from incomplete blood cell count recovery post-transplant, 3. Need for "
    "anti-cytokine therapy for toxicity from CAR-T therapy or residual symptoms of neurotoxicity "
    "> Grade 1 from CAR-T therapy, 4. Ongoing immunosuppressive therapy (> 20 mg prednisone or "
    "equivalent daily) including GVHD prophylaxis/treatment (calcineurin inhibitors or "
    "ruxolitinib) iii. Patients are required to have the following washout periods prior to "
    "planned Cycle 1 Day 1 (C1D1). In addition, prior treatment-related AEs must have recovered "
    "to Grade ≤ 1 with the exception of alopecia and Grade 2 peripheral neuropathy. 1. Targeted "
    "agents, investigational agents, therapeutic monoclonal antibodies or cytotoxic "
    "chemotherapy: 5 half-lives or 2 weeks, whichever is shorter",
    "Prior therapy restrictions",
    "review" },
  /* Q. A bare number "or above" is no age. NCT04325464, NCT06223893 */
  { I,
    "Insomnia as defined by an ISI score of 8 or above",
    NULL,
    "review" },
  /* NCT06223893 */
  { E,
    "Participants with ACLF grade 2 and above according to the criteria published by Moreau",
    NULL,
    "review" },
  /* NCT05507827: the item alone, its "**" note elsewhere */
  { E,
    "Hepatitis B (HBsAg positive) **",
    NULL,
    "review" },
};

static char *
describe (const EligoExtraction *extraction)
{
  if (extraction->rule == NULL)
    return g_strdup ("review");
  return g_strdup_printf ("%s: %s", extraction->partial ? "partial" : "rule", extraction->rule);
}

/* Every rule the extractor writes must parse and print back unchanged. */
static void
check_round_trip (const char *rule_text,
                  const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoRule) rule = NULL;
  g_autofree char *printed = NULL;
  guint offset = 0;

  rule = eligo_rule_parse (rule_text, &offset, &error);
  if (rule == NULL)
    g_error ("%s: “%s” does not parse at %u: %s", where, rule_text, offset, error->message);
  printed = eligo_rule_to_string (rule);
  if (g_strcmp0 (printed, rule_text) != 0)
    g_error ("%s: “%s” prints back as “%s”", where, rule_text, printed);
}

static void
test_wordings (void)
{
  guint failures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (wordings); i++)
    {
      const Wording *w = &wordings[i];
      g_autoptr(EligoExtraction) extraction = eligo_rule_extract (w->kind, w->text, w->context);
      g_autofree char *got = describe (extraction);

      if (extraction->rule != NULL)
        check_round_trip (extraction->rule, w->text);
      if (g_strcmp0 (got, w->expected) != 0)
        {
          g_test_message ("wording %u (%s) “%s”\n  expected: %s\n  got:      %s\n  reason:   %s",
                          i, w->kind == I ? "inclusion" : "exclusion", w->text, w->expected, got,
                          extraction->reason);
          failures++;
        }
    }

  g_test_message ("%u wordings, %u differ", (guint) G_N_ELEMENTS (wordings), failures);
  g_assert_cmpuint (failures, ==, 0);
}

/* A trial that admits CNS leukemia means a neurological disorder when it
 * excludes "any CNS disorder such as a seizure disorder" (NCT05993949). */
static void
test_cns_leukemia (void)
{
  g_assert_true (eligo_rule_admits_cns_leukemia ("Patients with isolated, asymptomatic CNS relapse will be eligible"));
  g_assert_true (eligo_rule_admits_cns_leukemia ("Patients with asymptomatic CNS leukemia are eligible (see also "
                                                 "Exclusion Criterion 3.2.2.)"));
  g_assert_true (eligo_rule_admits_cns_leukemia ("Evidence of active central nervous system leukemia at the time of "
                                                 "enrollment as evidenced by cytology or pathology. Except for "
                                                 "participants aged 1 to 17 years, central nervous system 1 "
                                                 "disease (CNS1) and CNS2 disease are allowed."));
  g_assert_false (eligo_rule_admits_cns_leukemia ("Patients with active, uncontrolled central nervous system (CNS) "
                                                  "leukemia will not be eligible"));
  g_assert_false (eligo_rule_admits_cns_leukemia ("History or presence of any CNS disorder such as a seizure "
                                                  "disorder, cerebrovascular ischemia/hemorrhage with clinical "
                                                  "signs or symptoms"));
}

/* Seeds and the gold table */

static char *
load_eligibility (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  if (!json_parser_load_from_file (parser, path, &error))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (object == NULL || !json_object_has_member (object, "protocolSection"))
    return NULL;
  object = json_object_get_object_member (object, "protocolSection");
  if (!json_object_has_member (object, "eligibilityModule"))
    return NULL;
  object = json_object_get_object_member (object, "eligibilityModule");
  if (!json_object_has_member (object, "eligibilityCriteria"))
    return NULL;

  return g_strdup (json_object_get_string_member (object, "eligibilityCriteria"));
}

static char *
source_path (const char *first,
             ...)
{
  const char *source = g_getenv ("ELIGO_SOURCE_DIR");
  GPtrArray *parts = g_ptr_array_new ();
  char *path;
  va_list args;

  g_assert_nonnull (source);
  g_ptr_array_add (parts, (gpointer) source);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return path;
}

static void
test_gold (void)
{
  g_autofree char *gold_path = source_path ("tests", "gold", "seed-criteria.tsv", NULL);
  g_autofree char *gold = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) got = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) trials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint compared = 0;
  guint failures = 0;
  GHashTableIter iter;
  gpointer key;

  g_assert_true (g_file_get_contents (gold_path, &gold, NULL, NULL));
  lines = g_strsplit (gold, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) id_parts = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      if (g_str_has_prefix (fields[2], "(structured)"))
        continue;
      g_hash_table_insert (expected, g_strdup (fields[0]), g_strdup (fields[1]));
      g_ptr_array_add (order, g_strdup (fields[0]));
      id_parts = g_strsplit (fields[0], "/", 2);
      g_hash_table_add (trials, g_strdup (id_parts[0]));
    }
  g_assert_cmpuint (order->len, >, 90);

  g_hash_table_iter_init (&iter, trials);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *nct_id = key;
      g_autofree char *name = g_strconcat (nct_id, ".json", NULL);
      g_autofree char *path = source_path ("data", "seeds", name, NULL);
      g_autofree char *eligibility = load_eligibility (path);
      g_autoptr(GPtrArray) criteria = NULL;
      guint n_inclusions = 0;
      guint n_exclusions = 0;

      g_assert_nonnull (eligibility);
      criteria = eligo_criteria_split (eligibility);
      for (guint i = 0; i < criteria->len; i++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, i);
          g_autoptr(EligoExtraction) extraction = NULL;
          char *id;

          if (c->kind == ELIGO_CRITERION_INCLUSION)
            id = g_strdup_printf ("%s/I%u", nct_id, ++n_inclusions);
          else
            id = g_strdup_printf ("%s/E%u", nct_id, ++n_exclusions);
          extraction = eligo_rule_extract (c->kind, c->text, c->context);
          if (extraction->rule != NULL)
            check_round_trip (extraction->rule, id);
          g_hash_table_insert (texts, g_strdup (id), g_strdup (c->text));
          g_hash_table_insert (got, id, describe (extraction));
          if (g_test_verbose ())
            g_test_message ("%s\t%s\t%s", id, (char *) g_hash_table_lookup (got, id), extraction->reason);
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      const char *want = g_hash_table_lookup (expected, id);
      const char *have = g_hash_table_lookup (got, id);

      compared++;
      if (g_strcmp0 (want, have) != 0)
        {
          g_test_message ("%s\n  gold: %s\n  got:  %s\n  text: %s", id, want, have,
                          (const char *) g_hash_table_lookup (texts, id));
          failures++;
        }
    }

  g_test_message ("gold: %u of %u criteria match exactly", compared - failures, compared);
  g_assert_cmpuint (failures, ==, 0);
}

/* Figures over the registry records, for the lead: not assertions. */

static gboolean
is_acute_leukemia (JsonObject *protocol)
{
  static GRegex *regex = NULL;
  JsonObject *conditions;
  JsonArray *list;

  if (regex == NULL)
    regex = g_regex_new ("leuk|\\bALL\\b|\\bAML\\b", G_REGEX_CASELESS, 0, NULL);
  if (!json_object_has_member (protocol, "conditionsModule"))
    return FALSE;
  conditions = json_object_get_object_member (protocol, "conditionsModule");
  if (!json_object_has_member (conditions, "conditions"))
    return FALSE;
  list = json_object_get_array_member (conditions, "conditions");
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (g_regex_match (regex, json_array_get_string_element (list, i), 0, NULL))
      return TRUE;
  return FALSE;
}

static void
test_corpus (void)
{
  const char *shared = g_getenv ("ELIGO_TEST_DATA_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) eligibilities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) leukemia = g_array_new (FALSE, FALSE, sizeof (gboolean));
  const char *name;
  guint n_criteria = 0, n_rule = 0, n_partial = 0;
  guint n_all = 0;
  guint n_leukemia = 0;
  gint64 start, elapsed;

  if (shared == NULL)
    {
      g_test_skip ("ELIGO_TEST_DATA_DIR not set");
      return;
    }
  dir = g_build_filename (shared, "ctgov", "studies", NULL);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    {
      g_test_skip ("no registry records");
      return;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object, *protocol, *eligibility;
      gboolean is_leukemia;

      if (!g_str_has_suffix (name, ".json") || !json_parser_load_from_file (parser, path, NULL))
        continue;
      object = json_node_get_object (json_parser_get_root (parser));
      if (object == NULL || !json_object_has_member (object, "protocolSection"))
        continue;
      protocol = json_object_get_object_member (object, "protocolSection");
      if (!json_object_has_member (protocol, "eligibilityModule"))
        continue;
      eligibility = json_object_get_object_member (protocol, "eligibilityModule");
      if (!json_object_has_member (eligibility, "eligibilityCriteria"))
        continue;
      is_leukemia = is_acute_leukemia (protocol);
      g_ptr_array_add (eligibilities, g_strdup (json_object_get_string_member (eligibility, "eligibilityCriteria")));
      g_array_append_val (leukemia, is_leukemia);
    }

  /* The acute-leukemia records: what share gets a rule. */
  for (guint i = 0; i < eligibilities->len; i++)
    {
      g_autoptr(GPtrArray) criteria = NULL;

      if (!g_array_index (leukemia, gboolean, i))
        continue;
      n_leukemia++;
      criteria = eligo_criteria_split (g_ptr_array_index (eligibilities, i));
      for (guint j = 0; j < criteria->len; j++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, j);
          g_autoptr(EligoExtraction) extraction = NULL;

          if (c->subject != ELIGO_SUBJECT_PATIENT)
            continue;
          extraction = eligo_rule_extract (c->kind, c->text, c->context);
          n_criteria++;
          if (extraction->rule != NULL)
            {
              check_round_trip (extraction->rule, c->text);
              n_rule++;
              if (extraction->partial)
                n_partial++;
            }
          if (g_test_verbose () && extraction->rule != NULL)
            g_test_message ("%s\t%s\t%s\t%s", c->kind == I ? "I" : "E",
                            extraction->partial ? "partial" : "rule", extraction->rule, c->text);
        }
    }

  /* Speed: split and extract every record. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < eligibilities->len; i++)
    {
      g_autoptr(GPtrArray) criteria = eligo_criteria_split (g_ptr_array_index (eligibilities, i));

      for (guint j = 0; j < criteria->len; j++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, j);

          eligo_extraction_free (eligo_rule_extract (c->kind, c->text, c->context));
          n_all++;
        }
    }
  elapsed = MAX (g_get_monotonic_time () - start, 1);

  g_test_message ("acute leukemia: %u records, %u criteria; with a rule %.1f%% (full %.1f%%, partial %.1f%%)",
                  n_leukemia, n_criteria,
                  n_criteria > 0 ? 100.0 * n_rule / n_criteria : 0.0,
                  n_criteria > 0 ? 100.0 * (n_rule - n_partial) / n_criteria : 0.0,
                  n_criteria > 0 ? 100.0 * n_partial / n_criteria : 0.0);
  g_test_message ("all %u records: %u criteria split and extracted in %.3f s: %.0f criteria/s",
                  eligibilities->len, n_all, elapsed / 1e6, n_all * 1e6 / elapsed);
}

/* Multi-byte characters: the extractor steps back from an atom by a byte
 * count and slices around it; every slice must stay valid UTF-8 (GRegex
 * crashed on one that began inside "é"). */

static void
check_extraction_utf8 (EligoCriterionKind  kind,
                       const char         *text,
                       const char         *context)
{
  g_autoptr(EligoExtraction) extraction = eligo_rule_extract (kind, text, context);

  if (extraction->rule != NULL)
    g_assert_true (g_utf8_validate (extraction->rule, -1, NULL));
  if (extraction->reason != NULL)
    g_assert_true (g_utf8_validate (extraction->reason, -1, NULL));
}

static void
test_multibyte_reproducer (void)
{
  const char *eligibility =
    "Inclusion Criteria:\n\n* \xc3\xa9Willing to provide informed consent/assent and havleeag ldua grian "
    "w=illing to provide informed consent (if required)\n\nExclusion Criteria:\n\n* None";
  g_autoptr(GPtrArray) criteria = eligo_criteria_split (eligibility);

  g_assert_cmpuint (criteria->len, >, 0);
  for (guint j = 0; j < criteria->len; j++)
    {
      EligoCriterionText *c = g_ptr_array_index (criteria, j);

      check_extraction_utf8 (c->kind, c->text, c->context);
    }
  check_extraction_utf8 (I, "\xc3\xa9Willing to provide informed consent/assent and havleeag ldua grian "
                         "w=illing to provide informed consent (if required)", NULL);
}

static void
test_multibyte_corpus (void)
{
  static const char *const wide[] = { "\xc3\xa9", "\xe2\x89\xa5", "\xe4\xb8\xad" };
  const char *shared = g_getenv ("ELIGO_TEST_DATA_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;
  guint n = 0;

  if (shared == NULL)
    {
      g_test_skip ("ELIGO_TEST_DATA_DIR not set");
      return;
    }
  dir = g_build_filename (shared, "ctgov", "studies", NULL);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    {
      g_test_skip ("no registry records");
      return;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *eligibility = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      eligibility = load_eligibility (path);
      if (eligibility == NULL)
        continue;
      criteria = eligo_criteria_split (eligibility);
      for (guint j = 0; j < criteria->len; j++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, j);
          const char *ch = wide[(n++) % G_N_ELEMENTS (wide)];
          glong n_chars = g_utf8_strlen (c->text, -1);
          /* At the start, one character in, in the middle, near the end. */
          glong at[] = { 0, MIN (1, n_chars), n_chars / 2, MAX (0, n_chars - 3) };

          for (guint k = 0; k < G_N_ELEMENTS (at); k++)
            {
              const char *cut = g_utf8_offset_to_pointer (c->text, at[k]);
              g_autofree char *text = g_strdup_printf ("%.*s%s%s", (int) (cut - c->text), c->text, ch, cut);

              check_extraction_utf8 (c->kind, text, c->context);
            }
        }
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/extractor/wordings", test_wordings);
  g_test_add_func ("/eligo/extractor/gold", test_gold);
  g_test_add_func ("/eligo/extractor/cns-leukemia", test_cns_leukemia);
  g_test_add_func ("/eligo/extractor/corpus", test_corpus);
  g_test_add_func ("/eligo/extractor/multibyte-reproducer", test_multibyte_reproducer);
  g_test_add_func ("/eligo/extractor/multibyte-corpus", test_multibyte_corpus);

  return g_test_run ();
}
