/* test-extractor-infections.c
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

/* Gold wordings of the infections and other conditions family (eligo-rule-extractor-infections.c: HIV, hepatitis, viral DNA, infection, other conditions, pregnancy, contraception, sex, consent).
 * Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and what the extractor must make of them. */
static const Wording wordings[] = {
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
  { E,
    "Active hepatitis B (HBsAg positive and HBV DNA ≥500 U/mL) or hepatitis C (anti-HCV positive and HCV "
    "RNA above the detection limit).",
    NULL,
    "partial: hcv_ab_positive and hcv_rna_detectable" },
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
    "partial: pregnant_or_lactating or pregnant" },
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
  /* NCT03937544: sepsis is one active infection, not all of them
   * (precision audit 2026-12-08). */
  { E,
    "Uncontrolled sepsis",
    NULL,
    "partial: active_infection" },
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
    "rule: not active_infection and not gvhd_any" },
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
  /* NCT06585345 */
  { E,
    "In the past 2 years, subjects have had other malignancies, non-melanoma skin tumors, "
    "carcinoma in situ (e.g. Cervix, bladder, breast), end-organ damage due to autoimmune "
    "diseases (e.g. Crohn's disease, rheumatoid arthritis, systemic lupus erythematosus), "
    "or need to systematically administer immunosuppressive or other drugs for systemic "
    "disease control. Unless disease free survival of at least 3 years",
    NULL,
    "review" },
  /* NCT03754764 */
  { E,
    "Subjects with any autoimmune disease or any immune deficiency disease or other "
    "disease in need of immunosuppressive therapy",
    NULL,
    "partial: autoimmune_disease or immunodeficiency" },
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
  /* NCT03937544 */
  { E,
    "Pregnant / nursing female.",
    NULL,
    "rule: pregnant_or_lactating" },
  /* NCT04570475 */
  { E,
    "Pregnancy or lactation (breastfeeding)",
    NULL,
    "rule: pregnant_or_lactating" },
  { E,
    "Breast feeding.",
    NULL,
    "rule: breastfeeding" },
  /* NCT04747912: both named */
  { E,
    "Pregnant females; breastfeeding females; males with female partners of reproductive potential "
    "and females of childbearing potential not using highly effective contraception or not agreeing "
    "to continue highly effective contraception for a minimum of 5 months after the last dose of "
    "investigational product if male and 8 months after the last dose of investigational product if "
    "female.",
    NULL,
    "partial: pregnant_or_lactating" },
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
  /* J. A negated fact in an exclusion: misfiled or a condition of the excluded state; review. NCT05282459 */
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
  /* NCT05798663: AIDS alone is narrower than hiv_positive, and "HIV testing
   * is required" is no result (precision audit 2026-12-08). */
  { E,
    "Acquired Immune Deficiency Syndrome (AIDS) based upon current CDC definition; note, HIV "
    "testing is required for entry into this protocol due to the immunologic basis for induction "
    "treatment.",
    NULL,
    "review" },
  /* NCT05507827: the item alone, its "**" note elsewhere */
  { E,
    "Hepatitis B (HBsAg positive) **",
    NULL,
    "review" },

  /* Consent boilerplate (issue 12): the patient's or the guardian's signed
   * consent; not the time consent is signed, nor a companion study's consent. */
  /* NCT04678869 */
  { I,
    "Written informed consent",
    NULL,
    "rule: informed_consent" },
  /* NCT02724163 */
  { I,
    "Written informed consent from the patient and/or parent/legal guardian.",
    NULL,
    "rule: informed_consent" },
  /* NCT05870995 */
  { I,
    "informed consent provided",
    NULL,
    "rule: informed_consent" },
  /* NCT04547049 */
  { I,
    "Signature of the informed consent",
    NULL,
    "rule: informed_consent" },
  /* NCT04409977 */
  { I,
    "having read, understood and signed the consent form",
    NULL,
    "rule: informed_consent" },
  /* NCT04547049 */
  { E,
    "Refusal to sign the informed consent",
    NULL,
    "rule: not informed_consent" },
  /* NCT04411043 */
  { E,
    "Absence of signature of informed consent",
    NULL,
    "rule: not informed_consent" },
  /* NCT01174615 */
  { E,
    "Patients unable to give informed consent.",
    NULL,
    "partial: not informed_consent" },
  /* NCT02753764 */
  { I,
    "Males must be surgically sterile or agree to use an acceptable method of contraception (defined "
    "as barrier methods in conjunction with spermicides) for the duration of the study (from the "
    "time they sign consent) and for 3 months after the last dose of investigational product to "
    "prevent pregnancy in a partner.",
    NULL,
    "review" },
  /* NCT04714372 */
  { I,
    "Must agree to and sign the consent for the companion Long-Term Follow-Up study (UMN CPRC "
    "#2020LS166) to fulfill the FDA required 15 years of follow-up for a genetically modified cell "
    "product.",
    NULL,
    "review" },

  /* Compliance boilerplate: able_to_comply. */
  /* NCT05751044 */
  { E,
    "Subjects unwilling or unable to comply with the study procedures.",
    NULL,
    "rule: not able_to_comply" },
  /* NCT04501120 */
  { I,
    "Willingness and ability to comply with study procedures and follow-up examination.",
    NULL,
    "rule: able_to_comply" },
  /* NCT05942599 */
  { E,
    "Foreseeable poor compliance to the study procedures",
    NULL,
    "rule: not able_to_comply" },
  /* NCT07072494 */
  { I,
    "The subject has voluntarily agreed to participate, signed the informed consent form, and is "
    "willing and able to comply with scheduled visits, study treatment, laboratory tests, and other "
    "study procedures.",
    NULL,
    "rule: informed_consent and able_to_comply" },
  /* NCT06585345 */
  { E,
    "Subjects judged by the investigator had difficulty completing all visits or procedures required "
    "by the study protocol (including follow-up visits), or were not compliant enough to participate "
    "in the study",
    NULL,
    "rule: not able_to_comply" },
  /* NCT05282459 */
  { I,
    "Stated willingness to comply with all study procedures and availability for the duration of the "
    "study",
    NULL,
    "partial: able_to_comply" },

  /* Another interventional trial, in exclusions only; without the word
   * "interventional" (any study) partial; planned participation not read. */
  /* NCT06223893 */
  { E,
    "Participants enrolled in other interventional trials.",
    NULL,
    "rule: in_other_trial" },
  /* NCT03159546 */
  { E,
    "Subject currently is participating in another clinical trial.",
    NULL,
    "partial: in_other_trial" },
  /* NCT06585345 */
  { E,
    "Participate in other clinical experimenters during the same period",
    NULL,
    "rule: in_other_trial" },
  /* NCT01640457 */
  { I,
    "The patient confirms that s/he did not participate in a clinical study 90 days prior study "
    "inclusion. S/he agrees to refrain from participating in another clinical study during the "
    "NOVOCART® Disc Study and for another 90 days after study termination",
    NULL,
    "review" },
  /* NCT04930887 */
  { E,
    "unable or unwilling to participate plans to participate in another clinical study at any time "
    "during this study",
    NULL,
    "review" },

  /* Hypersensitivity to what the study gives; "severe" reactions only are narrower. */
  /* NCT07072494 */
  { E,
    "Known hypersensitivity to any component of the study treatment.",
    NULL,
    "rule: hypersensitivity_study_drug" },
  /* NCT06940401 */
  { E,
    "Known hypersensitivity to study drug or its excipients.",
    NULL,
    "rule: hypersensitivity_study_drug" },
  /* NCT04570475 */
  { E,
    "Known allergy to study drug, multivitamin, or placebo components",
    NULL,
    "partial: hypersensitivity_study_drug" },
  /* NCT06585345 */
  { E,
    "Have had severe rapid hypersensitivity reactions to any of the drugs to be used in this study",
    NULL,
    "review" },

  /* Pregnancy or breastfeeding alone have variables of their own; an
   * inclusion reads them only negated; a narrower pregnancy is not read. */
  /* NCT00710099 */
  { E,
    "Pregnancy",
    NULL,
    "rule: pregnant" },
  /* NCT00710099 */
  { E,
    "Breast feeding",
    NULL,
    "rule: breastfeeding" },
  /* NCT05296889 */
  { I,
    "Patient is not pregnant",
    NULL,
    "rule: not pregnant" },
  /* NCT04726631 */
  { E,
    "women how got pregnant after assisted reproduction",
    NULL,
    "review" },
  /* NCT02387086 */
  { I,
    "Women of child-bearing potential and men must agree to use adequate contraception (hormonal or "
    "barrier method of birth control; abstinence) prior to study entry and for the duration of study "
    "participation. Should a woman become pregnant or suspect she is pregnant while participating in "
    "this study, she should inform her treating physician immediately.",
    NULL,
    "review" },

  /* Wrong readings found in precision sample 5 (issue 12), fixed. */
  /* NCT03924700: HIVD is a herniated intervertebral disc, not HIV. */
  { I,
    "patients who has radiating pain (VAS >=40) on lower extremities with HIVD",
    NULL,
    "review" },
  /* NCT05299762: Any autoimmune disease is wider than an active one needing therapy. */
  { E,
    "Has autoimmune disease",
    NULL,
    "partial: autoimmune_disease" },
  /* NCT02795884: Only infections above grade 2. */
  { E,
    "CTCAE> grade 2 clinically significant active infection",
    NULL,
    "review" },
  /* NCT05078931: An active infection requiring systemic therapy is only some. */
  { E,
    "Has an active infection requiring systemic therapy.",
    NULL,
    "review" },
  /* NCT06359470: An active infection in the lumbar spine is only some. */
  { E,
    "bilateral and multilevel disc prolapse, sequestrated , migrated and disc herniation defined by "
    "MRI , acute onset of pain (pain less than three months), presence of active infection in the "
    "lumbar spine, any spinal deformities e.g., moderate, or severe scoliosis deformity (Cobb angle "
    "≥ 25°), postoperative cases, Cauda equine lesion, the presence of any comorbidities, history of "
    "patients who suffered from cancer, unexplained weight loss, immunosuppression, prolonged use of "
    "steroids, intravenous drug use, urinary tract infection, pain that is increased or unrelieved "
    "by rest, fever, significant trauma related to age, bladder or bowel incontinence, urinary "
    "retention (with overflow incontinence), saddle anesthesia, loss of anal sphincter tone, major "
    "motor weakness in lower extremities, fever, and vertebral tenderness",
    NULL,
    "review" },
  /* NCT03319901: who signs is no alternative. */
  { I,
    "Patients or their legally authorized representative must provide written informed consent",
    NULL,
    "rule: informed_consent" },
  /* NCT05793801 */
  { I,
    "Patient who has given free and informed consent.",
    NULL,
    "rule: informed_consent" },
  /* Precision audit (2026-12-08). NCT05372913, NCT04985331: "sleep aids"
   * are not AIDS. */
  { E,
    "Current use of benzodiazepines (e.g. lorazepam, clonazepam, alprazolam, diazepam, triazolam) or "
    "certain sleep aids (zolpidem, eszopiclone, zaleplon)",
    NULL,
    "review" },
  /* NCT03230123: AIDS alone is narrower than hiv_positive. */
  { E,
    "AIDS",
    NULL,
    "review" },
  /* NCT03799601: AIDS is HIV, not any immunodeficiency. */
  { E,
    "A known history of HIV testing positive or acquired immunodeficiency syndrome (AIDS);",
    NULL,
    "partial: hiv_positive" },
  /* NCT05798663: an inclusion asking for a negative antibody. */
  { I,
    "Negative hepatitis C virus (HCV) antibody test at screening, or positive HCV antibody test followed "
    "by a negative HCV RNA test at screening. The HCV RNA test will be performed only for patients who "
    "have a positive HCV antibody test.",
    NULL,
    "review" },
  /* NCT00458770: "no" governs the list. */
  { I,
    "no serious illnesses in progress as cancer, autoimmune disease, liver disease",
    NULL,
    "review" },
  /* NCT06223893: only viral infections. */
  { E,
    "Participants with active viral infections, or yet to achieve clear response to anti-viral therapy.",
    NULL,
    "review" },
  /* NCT05405374: only bacterial infections. */
  { E,
    "Overt or active bacterial infection, either local to surgical space or systemic.",
    NULL,
    "review" },
  /* NCT05508360: capacity to consent is not consent signed. */
  { I,
    "Patient belongs to a vulnerable population or has a condition such that his/her ability to provide "
    "informed consent, comply with follow-up requirements, or provide self-assessments is compromised "
    "(e.g. developmentally disabled, prisoner, chronic alcohol/ substance abuser)",
    NULL,
    "review" },
  /* Precision audit (2026-12-08). NCT05739630: "hepatitis B and C" in an
   * exclusion is either of them. */
  { E,
    "Active hepatitis B and C infection\uff1b",
    NULL,
    "partial: hbv_dna_detectable or hcv_rna_detectable" },
  /* NCT06029764: planning a pregnancy is not being pregnant now; the list's
   * "and" is no conjunction (was "pregnant_or_lactating and pregnant"). */
  { E,
    "Drug or alcohol abusers; those with abnormal liver or kidney function unsuitable for surgery; those "
    "with cardiac insufficiency unsuitable for surgery; those with severe metabolic and endocrine diseases "
    "unsuitable for surgery; those with severe lung disorders such as asthma and abnormal lung function "
    "unsuitable for surgery; pregnant and breastfeeding women as well as those who are planning to become "
    "pregnant in the near future; those who have participated in other clinical trials within 3 months; and "
    "those who are not suitable for participation in the experiment in the opinion of the investigator.",
    NULL,
    "review" },
  /* NCT05793801: a risk of infection is no active infection. */
  { I,
    "Patient going on intensive induction chemotherapy (causing a \"high risk\" situation of severe infection "
    "defined as profound neutropenia ( Polymorphonuclear neutrophil count <500/mm3) and lasting (>7 days).",
    NULL,
    "review" },
  /* Precision audit (2026-12-08): the items of an exclusion's list are
   * alternatives. NCT03156790 */
  { E,
    "Evidence of infection with the human immunodeficiency virus, hepatitis B or C, human T-lymphotropic "
    "virus type I and II, syphilis or Chagas disease (American trypanosomiasis)",
    NULL,
    "partial: hiv_positive or syphilis_positive" },
  /* NCT06221670 */
  { E,
    "Evidence of any severe or uncontrolled systemic disease, including uncontrolled hypertension and "
    "active bleeding, any condition that the investigator considers to be detrimental to patient "
    "participation in the study or to adherence to the protocol, or active infections including "
    "hepatitis B, hepatitis C, and human immunodeficiency virus (HIV);",
    NULL,
    "partial: active_infection or hiv_positive" },
  /* NCT05648786: the ability alone still reads as consent (partial). */
  { I,
    "Ability to provide informed consent",
    NULL,
    "partial: informed_consent" },
  /* NCT00399243: the conditions for women follow in other rows. */
  { I,
    "Subject is male or female. If female the subject is:",
    NULL,
    "partial: sex in (female, male)" },
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

  g_test_add_func ("/eligo/extractor/infections/wordings", test_wordings);

  return g_test_run ();
}
