/* test-extractor-disease.c
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

/* Gold wordings of the disease and antigens family (eligo-rule-extractor-disease.c: diagnosis, disease status, CD19/CD7/CD38, MRD, CNS and extramedullary disease, blasts).
 * Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and what the extractor must make of them. */
static const Wording wordings[] = {
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
    "rule: diagnosis == B-ALL and disease_status == relapsed and cd38_positive and prior_cd19_car_t" },
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
    "partial: disease_status in (relapsed, refractory) and diagnosis == B-ALL" },
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
    "Disease Status Post-CAR-T: including achieved complete remission (CR), minimal "
    "residual disease (MRD)-negative in bone marrow and no extramedullary relapse.",
    NULL,
    "rule: prior_car_t and disease_status == CR and mrd_negative and not extramedullary_disease" },
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
    /* Not cns_disease, any active CNS disorder: as an exclusion it would also
     * exclude a seizure disorder without CNS leukemia; cns_leukemia_overt since issue 12. */
    "rule: cns_leukemia_overt" },
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
  /* NCT03826992: one of several diagnosis groups, some of them not read */
  { I,
    "Relapsed/Refractory KMT2A-rearranged ALL, T-cell ALL, ETP ALL",
    "Disease status",
    "review" },
  /* NCT02724163: the blast count belongs to MDS, AML is one of three diagnoses */
  { I,
    "Diagnosis of acute myeloid leukaemia (AML) /high risk Myelodysplastic syndrome (MDS) (>10% "
    "blasts in the bone marrow)/isolated myeloid sarcoma (MS) (either de novo or secondary).",
    NULL,
    "review" },
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
  /* NCT06111625, NCT03884829, NCT05321940: CNS leukemia only */
  { E,
    "patients with central nervous system leukemia.",
    NULL,
    "partial: cns_leukemia_overt" },
  { E,
    "Known CNS involvement by leukemia",
    NULL,
    "partial: cns_leukemia_overt" },
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
  /* F. History is not covered by an active-only variable. NCT05480501 */
  { E,
    "Subjects with History or presence of CNS disorder.",
    NULL,
    "partial: cns_disease" },
  /* explicit negations in a pattern are read: NCT05164042/E1 */
  { E,
    "Primitive cells do not express CD19;",
    NULL,
    "partial: not cd19_positive" },
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
  /* N. A qualified CNS disease is not cns_disease. NCT04714372, NCT02310828 */
  { E,
    "Non-malignant CNS disease such as epilepsy, CNS vasculitis, or neurodegenerative disease or "
    "receipt of medications for these conditions in the 2-year period leading up to study "
    "enrollment",
    NULL,
    "review" },

  /* CNS status of the leukemia (issue 12): whole criteria without a
   * qualifier only. A CNS-1 inclusion may be one of several CNS
   * alternatives (NCT03937544 admits CNS-2 in the next item): not read. */
  /* NCT04747912 */
  { E,
    "Active central nervous system (CNS) leukemia.",
    NULL,
    "partial: cns_leukemia_overt" },
  /* NCT04501120 */
  { E,
    "Known leukemia infiltration of the central nervous system.",
    NULL,
    "partial: cns_leukemia_overt" },
  /* NCT04874480 */
  { E,
    "Patients with active, uncontrolled central nervous system (CNS) leukemia will not be eligible",
    NULL,
    "review" },

  /* Wrong readings found in precision sample 5 (issue 12), fixed. */
  /* NCT05857098: Refractory cluster headache is no leukemia status. */
  { I,
    "Adult patients (age : 18-70 years-old) suffering from refractory chronic cluster headache",
    NULL,
    "partial: age_years >= 18 and age_years < 71" },
  /* NCT02081482: Refractory to what? No malignancy in the text. */
  { I,
    "refractory in who a treatment by ONS have been indicated",
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

  g_test_add_func ("/eligo/extractor/disease/wordings", test_wordings);

  return g_test_run ();
}
