/* test-extractor-exceptions.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exceptions with a variable of their own (eligo-rule-extractor-exceptions.c):
 * a bilirubin limit excused for Gilbert's syndrome. Each text is from the
 * record named above it, verbatim.
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
  /* NCT02369484: the limit for Gilbert's syndrome is not read: partial. */
  { I, "Total bilirubin ≤ 1.5 × ULN (except subjects with Gilbert Syndrome, who can have total bilirubin < 3.0 mg/dL)",
    "partial: bilirubin_x_uln <= 1.5 or gilbert_syndrome" },
  /* NCT03319901 */
  { I, "Serum total bilirubin ≤1.5 x upper limit of normal (ULN) or ≤3 x ULN for patients with Gilbert's disease",
    "partial: bilirubin_x_uln <= 1.5 or gilbert_syndrome" },
  /* NCT04714372: no limit at all for Gilbert's syndrome: whole. */
  { I, "Total bilirubin ≤ 5 × upper limit normal (ULN), not applicable for patients with Gilbert's syndrome",
    "rule: bilirubin_x_uln <= 5 or gilbert_syndrome" },
  /* NCT05651269 */
  { I, "Serum total bilirubin ≤ 1.5 × upper limit of normal (ULN), unless explicitly related to documented Gilbert's "
       "syndrome",
    "rule: bilirubin_x_uln <= 1.5 or gilbert_syndrome" },
  /* NCT05645718: the exception in a sentence of its own. */
  { I, "Total serum bilirubin ≤1.5x upper limit of normal (ULN). Patients with known Gilbert's syndrome may have a total "
       "bilirubin up to ≤3 x ULN.",
    "partial: bilirubin_x_uln <= 1.5 or gilbert_syndrome" },
  /* NCT06480136: the limit for Gilbert's syndrome (3 mg/dL) was applied to
   * every patient before; now it is nobody's limit. */
  { I, "Liver function (no hepatoprotective drugs within 7 days before the examination): ALT and AST≤3 × ULN (liver "
       "metastasis≤5.0 × ULN); TBIL≤1.5 × ULN（Gilbert's syndrome subjects: TBIL≤3mg/dL）;",
    "partial: bilirubin_x_uln <= 1.5 or gilbert_syndrome" },
  /* An exclusion: the limit excludes only those without Gilbert's syndrome. */
  { E, "Total bilirubin > 1.5 x ULN (unless due to Gilbert's syndrome)",
    "rule: bilirubin_x_uln > 1.5 and not gilbert_syndrome" },
  /* Exceptions that name other patients too: review. NCT03895671 */
  { I, "Total serum bilirubin ≤ 1.5 × ULN, unless due to Gilbert's syndrome or CML", "review" },
  /* NCT03955198 */
  { I, "Adequate Biochemistry laboratory data within 6 weeks prior to start of treatment: Total bilirubin ≤ 1.5 x ULN "
       "(except patient with confirmed Gilbert's syndrome or liver metastasis: Total bilirubin ≤ 3 X ULN), "
       "Transaminases ≤ 2.5 x ULN",
    "review" },
  /* NCT05507827: conditions on the exception. */
  { I, "Total bilirubin < 2 times upper limit of normal (ULN) (patients with Gilbert's syndrome may be included where "
       "hemolysis has been excluded and with approval of the study PI)",
    "review" },
  /* NCT02856893: a limit that depends on liver metastases. */
  { I, "Total bilirubin ≤1.5xULN if no liver metastases or ≤3xULN in the presence of documented Gilbert's Syndrome "
       "(unconjugated hyperbilirubinaemia) or liver metastases;",
    "review" },
  /* NCT05658640: direct bilirubin has no variable. */
  { I, "Direct bilirubin ≤ 2 x ULN (≤ 3.0 × ULN for patients with Gilbert's syndrome).", "review" },
  /* NCT05798663: only the exception. */
  { I, "Patients with known Gilbert disease who have serum bilirubin level ≤ 3 ⋅ ULN may be enrolled.", "review" },
  /* NCT04044170: not a bilirubin limit. */
  { E, "Patient has an active liver disease or biliary tract disease (except for Gilbert's disease, asymptomatic "
       "biliary stones, liver metastasis, or stabilized chronic liver diseases)",
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/extractor/exceptions/wordings", test_wordings);

  return g_test_run ();
}
