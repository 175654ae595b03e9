/* test-extractor-ages.c
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

/* Gold wordings of the ages and performance family (eligo-rule-extractor-ages.c: ages, ECOG, Karnofsky and Lansky, life expectancy, and an age limit written for one sex).
 * Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and what the extractor must make of them. */
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
    "rule: age_years <= 16 and lansky >= 50 or age_years > 16 and karnofsky >= 50" },
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
  /* NCT05507827 */
  { I,
    "Age ≥ 18 and ≤ 75 years at time of enrollment",
    "Donor Inclusion Criteria",
    "review" },
  /* NCT05164042 */
  { I,
    "Expected survival time ≥ 3 months;",
    NULL,
    "rule: life_expectancy_months >= 3" },
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
  /* NCT05086315: the criterion names the arm it applies to */
  { I,
    "Pediatric arm: aged 1 to 17 years old.",
    NULL,
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
  /* I. Inclusive upper age limits of whole years. NCT05519384 */
  { I,
    "Age ≤18, male or female;",
    NULL,
    "rule: age_years < 19" },
  /* NCT05664230 */
  { I,
    "Patient between 1 and 10 years of age",
    NULL,
    "rule: age_years >= 1 and age_years < 11" },

  /* Performance by age (issue 12): each limit for its own age group;
   * groups that do not meet at one age, or an age not stated, are not read. */
  /* NCT05751044 */
  { I,
    "Performance status: Karnofsky performance status (for patients >12 years of age) or Lansky Play "
    "score (for patients ≤12 years of age) ≥ 50% (Appendix I).",
    NULL,
    "rule: age_years > 12 and karnofsky >= 50 or age_years <= 12 and lansky >= 50" },
  /* NCT05645718 */
  { I,
    "Performance status: Lansky ≥ 50 for patients who are ≤ 16 years old and Karnofsky ≥ 50% for "
    "patients who are > 16 years old.",
    NULL,
    "rule: age_years <= 16 and lansky >= 50 or age_years > 16 and karnofsky >= 50" },
  /* NCT04714372 */
  { I,
    "Karnofsky performance status of 80-100% for 16 years and older or Lansky Play Score of 80-100 "
    "for ≥12 and < 16 years of age",
    NULL,
    "review" },
  /* NCT05304754 */
  { I,
    "iv. Karnofsky or Lansky Index (depending on the patient's age) ≥ 50;",
    NULL,
    "review" },

  /* Wrong readings found in precision sample 5 (issue 12), fixed. */
  /* NCT02856893: The age is the relatives'. */
  { E,
    "Any factors that increase the risk of QTc prolongation or risk of arrhythmic events such as "
    "heart failure, hypokalaemia, congenital long QT syndrome family history of long QT syndrome, or "
    "unexplained sudden death under 40 years of age in first-degree relatives or any concomitant "
    "medication known to prolong the QT interval.",
    NULL,
    "review" },
  /* NCT02795884: An age in a menopause definition. */
  { E,
    "With no menstruation at least for 12 months, at the age >50 years old, or",
    NULL,
    "review" },
  /* NCT04431453: The age says for whom the Schwartz formula is used. */
  { E,
    "Estimated glomerular filtration rate (eGFR) < 30 mL/min/1.73m^2 using Schwartz formula for "
    "individuals ≥ 1 year of age.",
    NULL,
    "review" },
  /* NCT04688775: The age at the first symptoms is not the age now. */
  { I,
    "The participant has a medical history of first symptoms of cluster headache from ≤60 years of "
    "age.",
    NULL,
    "review" },
  /* NCT02967393: The age says whom the vaccine requirement is for. */
  { I,
    "Children aged 5-8 years must have received at least 2 doses of seasonal trivalent or "
    "quadrivalent influenza vaccine prior to the current influenza season. Children 9-11 years must "
    "have received at least 1 dose of seasonal trivalent or quadrivalent influenza vaccine prior to "
    "the current influenza season.",
    NULL,
    "review" },
  /* NCT03840928: The age in "(for Puerto Rico residents ...)" is for them only. */
  { I,
    "The Registry is only intended at this time for residents of the United States and United States "
    "territories and Canada who are nineteen (19) years or older (for Puerto Rico residents, you "
    "must be 21 years or older to participate).",
    NULL,
    "review" },
  /* NCT00936338: "Over one year" is a duration. */
  { E,
    "(4) missing teeth and/or a removable denture but having a fixed partial denture restoration "
    "over one year.",
    NULL,
    "review" },
  /* Precision audit (2026-12-08). NCT05238740: an exclusion of both ends;
   * "18 years and over" is not read out of "under 18 years and over 70". */
  { E,
    "Patients under 18 years and over 70 of age",
    NULL,
    "review" },
  /* NCT05086315: the ECOG limit is for adults only, each scale for its ages. */
  { E,
    "Eastern Cooperative Oncology Group (ECOG) performance status >2 (≥18 years-old). Karnovsky Scale "
    "(16-17 years-old) <50% or Lansky Scale (<16 years-old) <50%.",
    NULL,
    "review" },
  /* NCT05793801: the parenthesis is the age limit, not a condition. */
  { I,
    "Adult patient (\u226518 years old).",
    NULL,
    "rule: age_years >= 18" },
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

  g_test_add_func ("/eligo/extractor/ages/wordings", test_wordings);

  return g_test_run ();
}
