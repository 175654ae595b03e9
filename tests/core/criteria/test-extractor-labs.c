/* test-extractor-labs.c
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

/* Gold wordings of the labs and units family (eligo-rule-extractor-labs.c: bilirubin, creatinine, transaminases, blood counts and hemoglobin, with their units).
 * Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and what the extractor must make of them. */
static const Wording wordings[] = {
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
  /* NCT04946890 */
  { I,
    "Kidney: Serum creatinine (Scr) ≤1.5×ULN, or creatinine clearance (Ccr) ≥50 mL/min "
    "(calculated according to Cockcroft-Gault formula);",
    NULL,
    "partial: creatinine_x_uln <= 1.5 or creatinine_clearance_ml_min >= 50" },
  /* NCT05536349 */
  { I,
    "Total bilirubin ≤1.5 x upper limit of normal (ULN) or ≤3 x ULN for patients with "
    "Gilbert's disease or documented disease involvement of liver",
    NULL,
    "review" },
  /* B. A header that scopes its criteria to a cohort or a sub-study. NCT02724163 */
  { I,
    "Normal renal function defined as calculated creatinine clearance ≥90ml/min/1.73m2.",
    "Inclusion criteria for participation in the gemtuzumab ozogamicin dose finding study:",
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

  g_test_add_func ("/eligo/extractor/labs/wordings", test_wordings);

  return g_test_run ();
}
