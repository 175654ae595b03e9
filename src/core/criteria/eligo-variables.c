/* eligo-variables.c
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

#define G_LOG_DOMAIN "eligo-variables"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-variables.h"

static const char * const sexes[] = { "female", "male", NULL };
static const char * const diagnoses[] = { "B-ALL", "T-ALL", "AML", "MPAL", "CML-BP", "Burkitt", "other", NULL };
static const char * const disease_statuses[] = { "newly_diagnosed", "CR", "relapsed", "refractory", NULL };

#define NUM(n, g, l, u, lo, hi) { n, ELIGO_VARIABLE_NUMBER, ELIGO_VARIABLE_GROUP_##g, l, u, NULL, lo, hi, NULL }
#define DER(n, g, l, u, lo, hi, d) { n, ELIGO_VARIABLE_NUMBER, ELIGO_VARIABLE_GROUP_##g, l, u, NULL, lo, hi, d }
#define BOOL(n, g, l) { n, ELIGO_VARIABLE_BOOL, ELIGO_VARIABLE_GROUP_##g, l, NULL, NULL, 0, 1, NULL }
#define ENUM(n, g, l, c) { n, ELIGO_VARIABLE_ENUM, ELIGO_VARIABLE_GROUP_##g, l, NULL, c, 0, 0, NULL }

/* In the order the screening dialog shows them. Labels are marked with
 * NC_("variable", ...) so they can be translated where they are shown. */
static const EligoVariable variables[] = {
  /* Demographics and consent */
  NUM ("age_years", DEMOGRAPHICS, NC_("variable", "Age"), N_("years"), 0, 120),
  ENUM ("sex", DEMOGRAPHICS, NC_("variable", "Sex"), sexes),
  NUM ("weight_kg", DEMOGRAPHICS, NC_("variable", "Body weight"), N_("kg"), 1, 400),
  NUM ("height_cm", DEMOGRAPHICS, NC_("variable", "Body height"), N_("cm"), 20, 250),
  DER ("bmi_kg_m2", DEMOGRAPHICS, NC_("variable", "Body-mass index"), N_("kg/m²"), 5, 100,
       "body-mass index from weight_kg, height_cm"),
  BOOL ("pregnant_or_lactating", DEMOGRAPHICS, NC_("variable", "Pregnant or breastfeeding")),
  BOOL ("pregnant", DEMOGRAPHICS, NC_("variable", "Pregnant")),
  BOOL ("breastfeeding", DEMOGRAPHICS, NC_("variable", "Breastfeeding")),
  BOOL ("childbearing_potential", DEMOGRAPHICS, NC_("variable", "Woman of childbearing potential")),
  BOOL ("contraception_agreed", DEMOGRAPHICS, NC_("variable", "Agrees to effective contraception")),
  BOOL ("informed_consent", DEMOGRAPHICS, NC_("variable", "Informed consent signed")),
  BOOL ("able_to_comply", DEMOGRAPHICS, NC_("variable", "Willing and able to comply with the study’s visits and procedures")),

  /* Performance status and prognosis */
  NUM ("ecog", PERFORMANCE, NC_("variable", "ECOG performance status"), NULL, 0, 5),
  NUM ("karnofsky", PERFORMANCE, NC_("variable", "Karnofsky score"), "%", 0, 100),
  NUM ("lansky", PERFORMANCE, NC_("variable", "Lansky score"), "%", 0, 100),
  NUM ("life_expectancy_months", PERFORMANCE, NC_("variable", "Life expectancy"), N_("months"), 0, 1200),

  /* Disease */
  ENUM ("diagnosis", DISEASE, NC_("variable", "Diagnosis"), diagnoses),
  ENUM ("disease_status", DISEASE, NC_("variable", "Disease status"), disease_statuses),
  BOOL ("mrd_negative", DISEASE, NC_("variable", "MRD negative in bone marrow")),
  BOOL ("extramedullary_disease", DISEASE, NC_("variable", "Extramedullary disease")),
  NUM ("bm_blasts_pct", DISEASE, NC_("variable", "Bone-marrow blasts"), "%", 0, 100),
  NUM ("pb_blasts_pct", DISEASE, NC_("variable", "Peripheral-blood blasts"), "%", 0, 100),
  NUM ("csf_blasts_per_ul", DISEASE, NC_("variable", "Leukemic cells in CSF"), N_("cells/µL"), 0, 1e6),
  BOOL ("cns_disease", DISEASE, NC_("variable", "Active CNS disorder")),
  BOOL ("cns_leukemia_overt", DISEASE, NC_("variable", "Overt CNS leukemia (CNS-3)")),
  BOOL ("cd19_positive", DISEASE, NC_("variable", "Blasts CD19-positive")),
  BOOL ("cd7_positive", DISEASE, NC_("variable", "Blasts CD7-positive")),
  BOOL ("cd38_positive", DISEASE, NC_("variable", "Blasts CD38-positive")),

  /* Treatment history */
  BOOL ("prior_car_t", TREATMENT, NC_("variable", "Prior CAR-T therapy")),
  BOOL ("prior_cd19_car_t", TREATMENT, NC_("variable", "Prior CD19-directed CAR-T therapy")),
  NUM ("months_since_car_t", TREATMENT, NC_("variable", "Time since last CAR-T infusion"), N_("months"), 0, 600),
  BOOL ("car_t_persistence_lost", TREATMENT, NC_("variable", "CAR-T cells no longer detectable")),
  BOOL ("prior_hsct", TREATMENT, NC_("variable", "Prior allogeneic HSCT")),
  BOOL ("prior_organ_transplant", TREATMENT, NC_("variable", "Prior solid-organ transplant")),
  BOOL ("hsct_eligible", TREATMENT, NC_("variable", "Eligible for allogeneic HSCT")),
  BOOL ("matched_donor_available", TREATMENT, NC_("variable", "Matched donor identified")),
  NUM ("months_since_bendamustine", TREATMENT, NC_("variable", "Time since last bendamustine"), N_("months"), 0, 600),
  NUM ("days_since_investigational_agent", TREATMENT, NC_("variable", "Time since last investigational drug"), N_("days"), 0, 36500),
  NUM ("weeks_since_live_vaccine", TREATMENT, NC_("variable", "Time since last live vaccine"), N_("weeks"), 0, 5200),
  NUM ("days_since_major_surgery", TREATMENT, NC_("variable", "Time since last major surgery"), N_("days"), 0, 36500),
  BOOL ("systemic_steroids", TREATMENT, NC_("variable", "On systemic corticosteroids")),
  BOOL ("gvhd_active", TREATMENT, NC_("variable", "Active GVHD (acute II–IV or extensive chronic)")),
  BOOL ("gvhd_any", TREATMENT, NC_("variable", "Any active GVHD (acute or chronic, any grade)")),
  BOOL ("gvhd_systemic_therapy", TREATMENT, NC_("variable", "GVHD needing systemic treatment now")),
  NUM ("other_malignancy_years", TREATMENT, NC_("variable", "Years since another malignancy was active"), N_("years"), 0, 120),
  BOOL ("other_malignancy_active", TREATMENT, NC_("variable", "Another malignancy active now")),
  NUM ("months_since_hsct", TREATMENT, NC_("variable", "Time since last allogeneic HSCT"), N_("months"), 0, 1200),
  BOOL ("in_other_trial", TREATMENT, NC_("variable", "Taking part in another interventional trial")),
  BOOL ("hypersensitivity_study_drug", TREATMENT, NC_("variable", "Hypersensitivity to a study drug or its components")),

  /* Laboratory values */
  DER ("creatinine_x_uln", LABORATORY, NC_("variable", "Creatinine"), N_("× ULN"), 0, 50,
       "creatinine_umol_l / creatinine_uln_umol_l"),
  NUM ("creatinine_umol_l", LABORATORY, NC_("variable", "Creatinine"), N_("µmol/L"), 0, 5000),
  NUM ("creatinine_uln_umol_l", LABORATORY, NC_("variable", "Creatinine ULN"), N_("µmol/L"), 1, 1000),
  DER ("creatinine_clearance_ml_min", LABORATORY, NC_("variable", "Creatinine clearance"), N_("mL/min"), 0, 400,
       "Cockcroft-Gault from age_years, weight_kg, sex, creatinine_umol_l"),
  DER ("bun_x_uln", LABORATORY, NC_("variable", "Blood urea nitrogen"), N_("× ULN"), 0, 50,
       "bun_mmol_l / bun_uln_mmol_l"),
  NUM ("bun_mmol_l", LABORATORY, NC_("variable", "Blood urea nitrogen"), N_("mmol/L"), 0, 300),
  NUM ("bun_uln_mmol_l", LABORATORY, NC_("variable", "Blood urea nitrogen ULN"), N_("mmol/L"), 0.1, 100),
  DER ("bilirubin_x_uln", LABORATORY, NC_("variable", "Total bilirubin"), N_("× ULN"), 0, 100,
       "bilirubin_umol_l / bilirubin_uln_umol_l"),
  NUM ("bilirubin_umol_l", LABORATORY, NC_("variable", "Total bilirubin"), N_("µmol/L"), 0, 2000),
  NUM ("bilirubin_uln_umol_l", LABORATORY, NC_("variable", "Total bilirubin ULN"), N_("µmol/L"), 1, 1000),
  DER ("alt_x_uln", LABORATORY, NC_("variable", "ALT"), N_("× ULN"), 0, 500, "alt_u_l / alt_uln_u_l"),
  NUM ("alt_u_l", LABORATORY, NC_("variable", "ALT"), N_("U/L"), 0, 50000),
  NUM ("alt_uln_u_l", LABORATORY, NC_("variable", "ALT ULN"), N_("U/L"), 1, 1000),
  DER ("ast_x_uln", LABORATORY, NC_("variable", "AST"), N_("× ULN"), 0, 500, "ast_u_l / ast_uln_u_l"),
  NUM ("ast_u_l", LABORATORY, NC_("variable", "AST"), N_("U/L"), 0, 50000),
  NUM ("ast_uln_u_l", LABORATORY, NC_("variable", "AST ULN"), N_("U/L"), 1, 1000),
  NUM ("hemoglobin_g_l", LABORATORY, NC_("variable", "Hemoglobin"), N_("g/L"), 0, 300),
  NUM ("anc_10e9_l", LABORATORY, NC_("variable", "Absolute neutrophil count"), N_("10⁹/L"), 0, 500),
  NUM ("platelets_10e9_l", LABORATORY, NC_("variable", "Platelet count"), N_("10⁹/L"), 0, 5000),
  BOOL ("gilbert_syndrome", LABORATORY, NC_("variable", "Gilbert’s syndrome")),

  /* Organ function and vitals */
  NUM ("lvef_pct", ORGAN, NC_("variable", "Left-ventricular ejection fraction"), "%", 0, 100),
  NUM ("spo2_pct", ORGAN, NC_("variable", "Oxygen saturation on room air"), "%", 0, 100),
  NUM ("qtc_ms", ORGAN, NC_("variable", "QTc interval"), N_("ms"), 200, 800),
  NUM ("systolic_bp_mmhg", ORGAN, NC_("variable", "Systolic blood pressure"), N_("mmHg"), 40, 300),
  NUM ("diastolic_bp_mmhg", ORGAN, NC_("variable", "Diastolic blood pressure"), N_("mmHg"), 20, 200),
  NUM ("nyha_class", ORGAN, NC_("variable", "NYHA class"), NULL, 1, 4),
  BOOL ("recent_cardiac_event", ORGAN, NC_("variable", "Recent MI, unstable angina, CABG or stent")),
  BOOL ("recent_thrombosis", ORGAN, NC_("variable", "DVT or pulmonary embolism in the last 6 months")),
  BOOL ("significant_effusion", ORGAN, NC_("variable", "Clinically significant pleural or pericardial effusion")),

  /* Infections and other conditions */
  BOOL ("hiv_positive", INFECTIONS, NC_("variable", "HIV antibody positive")),
  BOOL ("hbsag_positive", INFECTIONS, NC_("variable", "HBsAg positive")),
  BOOL ("hbcab_positive", INFECTIONS, NC_("variable", "HBcAb positive")),
  BOOL ("hbv_dna_detectable", INFECTIONS, NC_("variable", "HBV DNA detectable")),
  BOOL ("hcv_ab_positive", INFECTIONS, NC_("variable", "HCV antibody positive")),
  BOOL ("hcv_rna_detectable", INFECTIONS, NC_("variable", "HCV RNA detectable")),
  BOOL ("ebv_dna_detectable", INFECTIONS, NC_("variable", "EBV DNA detectable")),
  BOOL ("cmv_dna_detectable", INFECTIONS, NC_("variable", "CMV DNA detectable")),
  BOOL ("syphilis_positive", INFECTIONS, NC_("variable", "Active syphilis")),
  BOOL ("active_infection", INFECTIONS, NC_("variable", "Severe, uncontrolled or active infection")),
  BOOL ("autoimmune_disease", INFECTIONS, NC_("variable", "Active autoimmune disease needing therapy")),
  BOOL ("immunodeficiency", INFECTIONS, NC_("variable", "Primary or acquired immunodeficiency")),
  BOOL ("primary_immunodeficiency", INFECTIONS, NC_("variable", "Primary (inborn) immunodeficiency")),
  BOOL ("uncontrolled_diabetes", INFECTIONS, NC_("variable", "Uncontrolled diabetes")),
  BOOL ("dic", INFECTIONS, NC_("variable", "Disseminated intravascular coagulation")),
  BOOL ("severe_mental_disorder", INFECTIONS, NC_("variable", "Severe mental disorder")),
};

static const char * const group_labels[ELIGO_N_VARIABLE_GROUPS] = {
  [ELIGO_VARIABLE_GROUP_DEMOGRAPHICS] = N_("Demographics and consent"),
  [ELIGO_VARIABLE_GROUP_PERFORMANCE] = N_("Performance status and prognosis"),
  [ELIGO_VARIABLE_GROUP_DISEASE] = N_("Disease"),
  [ELIGO_VARIABLE_GROUP_TREATMENT] = N_("Treatment history"),
  [ELIGO_VARIABLE_GROUP_LABORATORY] = N_("Laboratory values"),
  [ELIGO_VARIABLE_GROUP_ORGAN] = N_("Organ function and vitals"),
  [ELIGO_VARIABLE_GROUP_INFECTIONS] = N_("Infections and other conditions"),
};

/**
 * eligo_variable_lookup:
 *
 * Returns: (nullable): the variable called @name
 */
const EligoVariable *
eligo_variable_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    if (strcmp (variables[i].name, name) == 0)
      return &variables[i];

  return NULL;
}

/**
 * eligo_variables_get_all:
 *
 * Returns: every variable, in display order
 */
const EligoVariable *
eligo_variables_get_all (guint *n_variables)
{
  if (n_variables != NULL)
    *n_variables = G_N_ELEMENTS (variables);

  return variables;
}

const char *
eligo_variable_get_label (const EligoVariable *variable)
{
  g_return_val_if_fail (variable != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "variable", variable->label);
}

const char *
eligo_variable_group_get_label (EligoVariableGroup group)
{
  g_return_val_if_fail (group < ELIGO_N_VARIABLE_GROUPS, NULL);

  return _(group_labels[group]);
}

gboolean
eligo_variable_has_choice (const EligoVariable *variable,
                           const char          *choice)
{
  g_return_val_if_fail (variable != NULL, FALSE);

  if (variable->choices == NULL || choice == NULL)
    return FALSE;

  for (guint i = 0; variable->choices[i] != NULL; i++)
    if (strcmp (variable->choices[i], choice) == 0)
      return TRUE;

  return FALSE;
}
