/* test-extractor-leadin.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Criteria the splitter made of a lead-in and its items (alternatives,
 * exceptions): what the extractor makes of them, and that the rules never
 * pass a patient the text does not.
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "eligo-criteria-splitter.h"
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
  /* NCT01515527 (Cohort 2): one alternative ("Is ineligible for
   * participation in a protocol of higher priority") cannot be read, so the
   * patient might meet it: no rule at all, never the "and" of the others. */
  { I,
    "Patients must have one of the following:\n"
    "- Creatinine >/= 2 mg/dL\n"
    "- Total bilirubin >/= 2 mg/dL\n"
    "- ECOG Performance Status equal to 3 or 4\n"
    "- Is ineligible for participation in a protocol of higher priority",
    "review" },
  /* Alternatives that are all read: their "or". */
  { I,
    "Have at least one of the following:\n- ECOG 0-2\n- Karnofsky >= 60%",
    "rule: ecog <= 2 or karnofsky >= 60" },
  /* A lead-in that narrows its items (a time window) is not read. */
  { I,
    "Any of the following within 6 months:\n- ECOG 0-2\n- Karnofsky >= 60%",
    "review" },
  /* "At least two of": neither an "and" nor an "or" (NCT05464836 words it
   * inline). */
  { I,
    "At least two of the following:\n- ECOG 0-2\n- Karnofsky >= 60%",
    "review" },
  { I,
    "Leukemic blasts must express of at least 2 of the following immune phenotyping: CD1a, CD2, CD3, "
    "CD4, CD5, CD7, CD8, CD34, TCR\xce\xb1\xce\xb2, TCR\xce\xb3\xce\xb4, cyCD3",
    "review" },
  /* Items joined by "and" under a lead-in of alternatives: ambiguous. */
  { I,
    "Have at least one of the following:\n- ECOG 0-2 and\n- Karnofsky >= 60%",
    "review" },
  /* An alternative with items of its own is not read. */
  { I,
    "Have at least one of the following:\n- ECOG 0-2\n  - or 3\n- Karnofsky >= 60%",
    "review" },
  /* NCT05693090: alternatives of an exclusion, each enough to exclude; the
   * ones not read make the rule partial. */
  { E,
    "Treatment with any of the following:\n"
    "- Major surgery\n"
    "- Radiotherapy treatment to more than 30% of the bone marrow or with a wide field of radiation "
    "within 4 weeks of the first dose of study drug\n"
    "- Investigational therapy within 2 weeks of Cycle 1 Day 1",
    "partial: days_since_investigational_agent <= 14" },
  /* NCT03955198: exceptions of an exclusion that are not read: the patient
   * may be one of them, so the exclusion must not fail automatically. */
  { E,
    "History of another primary malignancy except for:\n"
    "- Malignancy treated with curative intent and with no known active disease \xe2\x89\xa5" "5 years "
    "before the first dose of IP and of low potential risk for recurrence\n"
    "- Adequately treated non-melanoma skin cancer or lentigo maligna without evidence of disease\n"
    "- Adequately treated carcinoma in situ without evidence of disease",
    "review" },
  /* NCT05147467 */
  { E,
    "Within 2 years before entering the study, the subject had a history of active malignant tumors "
    "other than CLL / SLL, except that:\n"
    "- Fully treated cervical carcinoma in situ;\n"
    "- Completely resected basal cell carcinoma of the skin or localized squamous cell carcinoma of the skin;",
    "review" },
  /* Exceptions that are read: inside the rule, and partial, since an
   * exception may excuse one cause while another stands. */
  { E,
    "Active infection, except for:\n- HIV infection",
    "partial: active_infection and not hiv_positive" },
  { E,
    "Active infection, unless:\n- controlled by antibiotics",
    "review" },
  { E,
    "Total bilirubin > 1.5 x ULN, with the exception of:\n- Gilbert syndrome",
    "review" },
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

typedef struct
{
  const char *names[4];
  const char *values[4];
} Facts;

static gboolean
lookup (const char *name,
        EligoValue *value,
        gpointer    user_data)
{
  const Facts *facts = user_data;

  value->kind = ELIGO_VALUE_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (facts->names) && facts->names[i] != NULL; i++)
    if (strcmp (facts->names[i], name) == 0)
      {
        if (strcmp (facts->values[i], "true") == 0 || strcmp (facts->values[i], "false") == 0)
          {
            value->kind = ELIGO_VALUE_BOOL;
            value->boolean = strcmp (facts->values[i], "true") == 0;
          }
        else
          {
            value->kind = ELIGO_VALUE_NUMBER;
            value->number = g_ascii_strtod (facts->values[i], NULL);
          }
        return TRUE;
      }

  return FALSE;
}

/* Three-valued: an "or" of alternatives holds as soon as one does, is
 * unknown while one is unknown and none holds, and is false only when every
 * alternative is known to be false. */
static void
test_alternatives_three_valued (void)
{
  g_autoptr(EligoExtraction) extraction =
    eligo_rule_extract (I, "Have at least one of the following:\n- ECOG 0-2\n- Karnofsky >= 60%", NULL);
  g_autoptr(EligoRule) rule = eligo_rule_parse (extraction->rule, NULL, NULL);
  Facts fit = { { "ecog", "karnofsky" }, { "3", "70" } };
  Facts unknown = { { "ecog" }, { "3" } };
  Facts unfit = { { "ecog", "karnofsky" }, { "3", "40" } };

  g_assert_nonnull (rule);
  g_assert_cmpint (eligo_rule_evaluate (rule, lookup, &fit), ==, ELIGO_TRUTH_TRUE);
  g_assert_cmpint (eligo_rule_evaluate (rule, lookup, &unknown), ==, ELIGO_TRUTH_UNKNOWN);
  g_assert_cmpint (eligo_rule_evaluate (rule, lookup, &unfit), ==, ELIGO_TRUTH_FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/extractor/lead-ins/wordings", test_wordings);
  g_test_add_func ("/eligo/extractor/lead-ins/three-valued", test_alternatives_three_valued);

  return g_test_run ();
}
