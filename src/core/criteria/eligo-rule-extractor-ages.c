/* eligo-rule-extractor-ages.c
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

#define G_LOG_DOMAIN "eligo-rule-extractor"

#include "config.h"

#include <string.h>

#include "eligo-rule.h"
#include "eligo-rule-extractor-private.h"

/*
 * An age limit written for one sex
 *
 * "Female patients over 18 years" read as "age_years > 18" would pass a man;
 * "Women over 60 years of age", an exclusion, would exclude every man over 60.
 * When a rule made only of age comparisons comes from a text that names one
 * sex, and not the other, as the subject of the age ("women aged", "female
 * patients over"; not "women must use contraception"), the sex is part of
 * the rule: "sex == female and
 * age_years > 18". An exclusion read in part is left for review, since its
 * unread words may narrow it further ("postmenopausal non-Black female over
 * 60 years of age who weighs less than 140 pounds").
 */

static gboolean
is_age_only (const EligoRule *rule)
{
  EligoRuleKind kind = eligo_rule_get_kind (rule);

  if (kind == ELIGO_RULE_AND || kind == ELIGO_RULE_OR)
    {
      for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
        if (!is_age_only (eligo_rule_get_child (rule, i)))
          return FALSE;
      return TRUE;
    }

  return kind == ELIGO_RULE_COMPARE && g_strcmp0 (eligo_rule_get_variable (rule), "age_years") == 0;
}

/**
 * eligo_rule_qualify_sex:
 * @kind: the criterion's kind
 * @text: its text
 * @extraction: what was read from it, changed in place
 *
 * Adds the sex a text names to an age rule read from it.
 */
void
eligo_rule_qualify_sex (EligoCriterionKind  kind,
                        const char         *text,
                        EligoExtraction    *extraction)
{
  static GRegex *female, *male, *subject;
  g_autoptr(EligoRule) rule = NULL;
  g_autoptr(EligoRule) qualified = NULL;
  g_autofree char *joined = NULL;
  gboolean f, m;

  if (extraction->rule == NULL)
    return;

  if (g_once_init_enter (&female))
    {
      /* The sex as the subject of the age: "women aged", "female patients over". */
      subject = g_regex_new ("\\b(?:post|pre-?)?(?:menopausal\\s+)?(?:women|woman|females?|girls?|men|man|males?|boys?)\\b"
                             "(?:\\s+(?:patients?|subjects?|participants?|volunteers?|adults?|adolescents?|children))?"
                             "\\s*,?\\s*(?:who\\s+are\\s+|must\\s+be\\s+|of\\s+)?(?:aged?\\b|ages\\b|older\\b|younger\\b|over\\b|under\\b|between\\b|"
                             "above\\b|below\\b|at least\\b|from\\b|[<>]|\xe2\x89\xa4|\xe2\x89\xa5|\\d)",
                             G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      male = g_regex_new ("\\b(?:men|man|males?|boys?|gentlemen)\\b", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&female, g_regex_new ("\\b(?:women|woman|females?|girls?|ladies|postmenopausal|pre-?menopausal)\\b",
                                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
    }

  f = g_regex_match (female, text, 0, NULL);
  m = g_regex_match (male, text, 0, NULL);
  if (f == m || !g_regex_match (subject, text, 0, NULL))
    return;

  rule = eligo_rule_parse (extraction->rule, NULL, NULL);
  if (rule == NULL || !is_age_only (rule))
    return;

  if (kind == ELIGO_CRITERION_EXCLUSION && extraction->partial)
    {
      g_clear_pointer (&extraction->rule, g_free);
      extraction->partial = FALSE;
      g_free (extraction->reason);
      extraction->reason = g_strdup ("an age limit for one sex, with words not read that may narrow it");
      return;
    }

  joined = g_strdup_printf ("sex == %s and (%s)", f ? "female" : "male", extraction->rule);
  qualified = eligo_rule_parse (joined, NULL, NULL);
  if (qualified == NULL)
    return;
  g_free (extraction->rule);
  extraction->rule = eligo_rule_to_string (qualified);
}
