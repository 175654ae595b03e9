/* test-extractor-history.c
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

/* Gold wordings of the history and time windows family (eligo-rule-extractor-history.c: prior CAR-T and HSCT, donors, steroids, GVHD, windows since a treatment).
 * Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and what the extractor must make of them. */
static const Wording wordings[] = {
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
  /* the brief's wording (not verbatim in the records) */
  { I,
    "Ineligible for allo-HSCT",
    NULL,
    "rule: not hsct_eligible" },
  /* NCT03754764 */
  { E,
    "Presence of Grade II-IV (Glucksberg) or B-D (IBMTR) acute or extensive chronic GVHD "
    "at the time of screening",
    NULL,
    "rule: gvhd_active" },
  /* NCT04856215: extensive chronic GVHD only, narrower than gvhd_active
   * (acute grade II-IV too); precision audit 2026-12-08. */
  { E,
    "patients with extensive chronic graft versus host disease (GVHD);",
    NULL,
    "review" },
  /* NCT02349698 */
  { E,
    "Acute or chronic GVHD.",
    NULL,
    "rule: gvhd_any" },
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
  /* NCT05309213 */
  { E,
    "Patients with other tumors in the past 5 years;",
    NULL,
    "rule: other_malignancy_years <= 5" },
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
  /* NCT02650414 */
  { E,
    "Active acute or chronic graft-versus-host disease (GVHD) requiring systemic therapy.",
    NULL,
    "rule: gvhd_systemic_therapy" },
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
  /* NCT04714372 */
  { I,
    "Hematopoietic stem cell transplantation (HSCT) if relapse that occurs > 90 days after HSCT",
    "Lines of therapy are defined as (must have had 2 prior therapies):",
    "review" },
  /* NCT05397184: a dose threshold, not any systemic steroid */
  { E,
    "Systemic steroid therapy prednisolone >0.5 mg/kg/day",
    NULL,
    "review" },
  /* NCT04265963 */
  { E,
    "Active or chronic GVHD；",
    NULL,
    "partial: gvhd_active" },
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
  /* NCT06097962 */
  { E,
    "Subjects who received systemic treatment with corticosteroids (prednisone>10 mg/day or "
    "equivalent) or other immunosuppressive/enhancing drugs (such as thymosin, interleukin-2, "
    "and interferon) within 2 weeks prior to enrollment. Allowing selected subjects to inhale or "
    "topically use corticosteroids in the absence of active autoimmune diseases;",
    NULL,
    "review" },
  /* NCT04714372 */
  { I,
    "CD38 expression is defined by ≥20% of malignant cells with CD38 expression by flow "
    "cytometry on the most recent marrow biopsy (within 30 days of enrollment - archived or "
    "fresh).",
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

  /* Another malignancy, active now. A history of one is wider (partial); a
   * qualifier ("requiring systemic treatment"), an exception anywhere in
   * the text, or no "other" (the leukemia itself may be meant) is not read. */
  /* NCT03895671 */
  { E,
    "Individuals with another active malignancy",
    NULL,
    "rule: other_malignancy_active" },
  /* NCT03156790 */
  { E,
    "Other current malignancies",
    NULL,
    "rule: other_malignancy_active" },
  /* NCT04272125 */
  { E,
    "Previous history of other malignancy;",
    NULL,
    "partial: other_malignancy_active" },
  /* NCT05335226 */
  { E,
    "Secondary malignancy",
    NULL,
    "partial: other_malignancy_active" },
  /* NCT04100187 */
  { I,
    "No other tumors.",
    NULL,
    "partial: not other_malignancy_active" },
  /* NCT04789655 */
  { E,
    "History of concurrent second cancers requiring active, ongoing systemic treatment.",
    NULL,
    "review" },
  /* NCT05326516 */
  { E,
    "Concurrent malignancy in the previous 2 years, with the exception of basal cell carcinoma of "
    "the skin, squamous cell carcinoma of the skin, or carcinoma in situ (for example, breast "
    "carcinoma, cervical cancer in situ, melanoma in situ) treated with potentially curative "
    "therapy. Concurrent malignancy must be in complete remission or no evidence of disease during "
    "this timeframe. For participants with therapy-related leukemia, primary disease must be in "
    "remission for 1-year following completion of therapy.",
    NULL,
    "review" },
  /* NCT05508360 */
  { I,
    "Patient has any known active malignancy.",
    NULL,
    "review" },
  /* NCT05688046 */
  { I,
    "No concurrent malignancy.",
    NULL,
    "review" },
  /* NCT03937544 */
  { E,
    "Active cancer (other than B-ALL).",
    NULL,
    "review" },

  /* An allogeneic HSCT within a time, read with prior_hsct. */
  /* NCT05751044 */
  { E,
    "Allogeneic HSCT within 3 months prior to the first study drug dose.",
    NULL,
    "rule: prior_hsct and months_since_hsct <= 3" },
  /* NCT05886491 */
  { E,
    "Prior allogeneic HSCT within 3 months of signing informed consent form (ICF) or with ongoing "
    "requirement for systemic graft-versus-host therapy.",
    NULL,
    "partial: prior_hsct and months_since_hsct <= 3" },

  /* Treatment history and disease status (issue 12). NCT07087847/I1 "R/R
   * leukemia" is the history before CAR-T: the trial requires CR (I3), so a
   * bare "relapsed or refractory leukemia" is not read as the status now. */
  /* NCT03754764 */
  { I,
    "Patient with relapsed CD38+ B-cell acute lymphoblastic leukemia after CD19 CAR-T adoptive "
    "cellular immunotherapy",
    NULL,
    "rule: diagnosis == B-ALL and disease_status == relapsed and cd38_positive and prior_cd19_car_t" },
  /* NCT07087847 */
  { I,
    "Diagnosis: Patients with refractory or relapsed (R/R) leukemia.",
    NULL,
    "review" },
  /* NCT03826992 */
  { I,
    "Relapsed/Refractory AML, MPAL and AUL",
    NULL,
    "partial: disease_status in (relapsed, refractory)" },
  /* NCT05406817 */
  { I,
    "Relapsed or refractory acute leukemia, including participants who are MRD-positive by "
    "multiparametric flow cytometry or next-generation sequencing, and including participants with "
    "isolated extramedullary disease.",
    NULL,
    "review" },
  /* NCT07087847 */
  { I,
    "Disease Status Post-CAR-T: including achieved complete remission (CR), minimal residual disease "
    "(MRD)-negative in bone marrow and no extramedullary relapse.",
    NULL,
    "rule: prior_car_t and disease_status == CR and mrd_negative and not extramedullary_disease" },
  /* NCT06585345 */
  { E,
    "Primary immune deficiency",
    NULL,
    "rule: primary_immunodeficiency" },

  /* GVHD of any grade, or needing systemic treatment; prophylaxis is no GVHD. */
  /* NCT04100187 */
  { E,
    "Acute or chronic GVHD.",
    NULL,
    "rule: gvhd_any" },
  /* NCT05397184 */
  { E,
    "GvHD requiring systemic therapy",
    NULL,
    "rule: gvhd_systemic_therapy" },
  /* NCT05406817 */
  { E,
    "Any concurrent systemic treatment to prevent GVHD",
    NULL,
    "review" },

  /* Major surgery within a time; not with another treatment in the same
   * window, nor "and have not recovered". */
  /* NCT02179567 */
  { E,
    "Major surgery within 28 days before enrolment",
    NULL,
    "rule: days_since_major_surgery <= 28" },
  /* NCT03319901 */
  { E,
    "Major surgery or radiation therapy within 4 weeks prior to the first study dose",
    NULL,
    "review" },
  /* NCT05821933 */
  { E,
    "Have undergone major surgery within 4 weeks prior to the start of study dosing and have not "
    "fully recovered.",
    NULL,
    "review" },

  /* Wrong readings found in precision sample 5 (issue 12), fixed. */
  /* NCT05463224: A malignancy that required systemic treatment within 2 years: narrower than any. */
  { E,
    "Any concurrent and/or other active malignancy that has required systemic treatment within 2 "
    "years of first dose of study drug. (allowed for participation if investigator decided that "
    "previous malignancy is cured and not need for any additional treatment)",
    NULL,
    "review" },
  /* NCT06367855: A history of systemic steroids is wider than steroids now. */
  { E,
    "History of using systemic steroids.",
    NULL,
    "partial: systemic_steroids" },
  /* Precision audit (2026-12-08). NCT05886491: for dose escalation only. */
  { I,
    "During dose escalation, participants must be ineligible for hematopoietic stem cell transplantation "
    "(HSCT).",
    NULL,
    "review" },
  /* Precision audit (2026-12-08). NCT05405374: a history of uncontrolled
   * diabetes is wider than uncontrolled now. */
  { E,
    "Documented history of uncontrolled diabetes mellitus",
    NULL,
    "partial: uncontrolled_diabetes" },
  /* NCT05521087: well-controlled chronic GVHD is let in. */
  { E,
    "Active acute graft-versus-host disease of any grade or chronic graft-versus-host which is not "
    "well-controlled",
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

  g_test_add_func ("/eligo/extractor/history/wordings", test_wordings);

  return g_test_run ();
}
