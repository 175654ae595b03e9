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

#include <math.h>
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
      g_clear_pointer (&extraction->spans, g_array_unref);
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

/*
 * Ages and performance
 *
 * Ages in years or months, as a range, a comparison or "18 years or
 * older", and the conditions that restrict a limit to some ages ("(if
 * aged >= 16)"); the ECOG, Karnofsky and Lansky scales; life expectancy.
 */

/* "aged >= 12 weeks": a number in another unit is not an age in years. */
#define NOT_AGE_UNIT "(?!\\s*(?:weeks?|wks?|days?|hours?|kg|cm|%|x\\b|mg))"

#define PERF_SCALE(n) "(?<" n ">karnofsky|kps|lansky)(?:\\s*\\((?:kps|lps)\\))?(?:\\s+(?:performance status|performance|play[- ]performance|play score|play|score|scale|status|ps))*"
#define PERF_AGE(op, num) "\\(?\\s*(?:(?:for|in|if)\\s+)?(?:(?:patients?|participants?|subjects?|children|those)\\s+)?(?:who are\\s+)?(?:aged?\\s+)?" \
  OPRE (op) WS "(?<" num ">\\d+)\\s*(?:years?)?(?:\\s+(?:old|of age))?(?:\\s+at the time of [a-z/ ]{1,30}?)?\\s*\\)?"

static const Matcher matchers[] = {
  /* Conditions that restrict the atom next to them to some patients. */
  { K_COND, "age|year",
    "\\(\\s*(?:(?:for|if|when)\\s+(?:patients?\\s+|subjects?\\s+|children\\s+|those\\s+)?(?:who are\\s+)?(?:aged?\\s+)?|(?:patients?|subjects?|children|those)\\s+(?:aged?\\s+)?|aged?\\s+)"
    OPRE ("op") WS "\\d+\\s*(?:years?|yrs?)?(?:\\s+(?:old|of age))?[^)]{0,60}\\)" },
  { K_COND, "for|if|when",
    "\\b(?:for|if|when)\\s+(?:patients?|subjects?|children|adults|those|participants|individuals|people|persons|women|men|girls|boys)?\\s*(?:who are\\s+|aged?\\s+)?(?:" OPRE ("op") "|between)\\s*\\d+"
    "(?:\\s*(?:years?\\s+)?(?:and|to|-)\\s*(?:" OPRE ("op2") "\\s*)?\\d+)?\\s*(?:years?)?(?:\\s+(?:old|of age))?" },

  /* "(>=18 years-old)", "(16-17 years-old)" after a limit: for those ages
   * only (NCT05086315). Not after "Adult patient" (NCT05793801), where it
   * is the age limit itself. */
  { K_COND, "old",
    "(?:(?<=\\d)|(?<=\\d )|(?<=%)|(?<=% )|(?<=scale )|(?<=status )|(?<=score ))"
    "\\(\\s*(?:" OPRE ("op") WS ")?\\d+(?:\\s*(?:-|to)\\s*\\d+)?\\s*(?:years?|yrs?)[- ]old\\s*\\)" },
  /* An exclusion of both ends ("under 18 years and over 70 of age"): no
   * "18 years and over" inside it. NCT05238740 */
  { K_MASK, "under|below|younger",
    "\\b(?:under|below|younger than|less than)\\s+\\d+\\s*(?:years?\\s*)?(?:(?:old|of age)\\s*)?(?:and|or|,)\\s+"
    "(?:over|above|older than|more than)\\s+\\d+(?:\\s*years?)?(?:\\s+(?:old|of age))?" },

  { K_COND, "male|female|men|women", "\\b(?:in|for)\\s+(?:males?|females?|men|women)\\b|\\b(?:males?|females?)\\s*:" },

  /* The age at onset or diagnosis ("first symptoms of cluster headache
   * from <= 60 years of age") is not the age now. */
  { K_MASK, "onset|symptom|diagnos",
    "\\b(?:onset|first symptoms?|symptom onset|diagnosed|diagnosis)\\b[^.;]{0,60}?\\b(?:from|at|before|after|by)\\s+(?:the\\s+age\\s+of\\s+)?"
    "(?:[<>]=?\\s*)?\\d+\\s*(?:years?)?(?:\\s+(?:old|of age))?" },
  /* "(for Puerto Rico residents, you must be 21 years or older)": a
   * parenthesis that opens with "for" says for whom. */
  { K_COND, "(for", "\\(\\s*for\\s+(?!example|instance|details|more|further|the purpose)[^()]{1,80}\\)" },
  /* Ages that are not the patient's now: a relative's ("sudden death under
   * 40 years of age in first-degree relatives"), or an age in a woman's
   * menopause definition ("no menstruation for 12 months at the age > 50"). */
  { K_MASK, "relative|death|died",
    "\\b(?:death|deaths|died)\\s+(?:under|before|below|at|<)\\s*(?:the\\s+age\\s+of\\s+)?\\d+\\s*(?:years?)?(?:\\s+(?:old|of age))?|"
    "\\b(?:under|before|below)\\s+(?:the\\s+age\\s+of\\s+)?\\d+\\s*(?:years?)?(?:\\s+(?:old|of age))?\\s+in\\s+(?:a\\s+)?(?:first|second)[- ]degree\\s+relatives?" },
  { K_MASK, "menstruat|menopaus|amenorrh",
    "^(?=[\\s\\S]*?(?:menstruat|menopaus|amenorrh))[\\s\\S]*?\\Kat\\s+(?:the\\s+)?age\\s*(?:of\\s+)?(?:[<>]=?\\s*)?\\d+\\s*(?:years?)?(?:\\s+old)?" },

  /* Age. */
  { K_AGE_RANGE, "year|month|age",
    "(?:\\b(?<age>age[sd]?|aged)\\b\\s*(?:of\\s+|is\\s+|:\\s*)?(?:ranging\\s+)?)?(?:between\\s+|from\\s+)?(?:" OPRE ("op") WS ")?" NUMRE ("num")
    "\\s*(?<unit>years?|months?)?(?:\\s+(?:old|of age))?\\s*(?:to|and|-)\\s*(?:" OPRE ("op2") WS ")?" NUMRE ("num2") "\\s*(?<unit2>years?|months?)"
    "(?<old>\\s+(?:old|of age))?(?<atdx>\\s+at (?:the time of )?(?:original |initial |first )?diagnosis)?" },
  { K_AGE_OP, "age",
    "\\b(?:age[sd]?|aged)\\b\\s*(?:of\\s+|is\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") NOT_AGE_UNIT "\\s*(?<unit>years?|months?)?(?:\\s+(?:old|of age))?"
    "(?<atdx>\\s+at (?:the time of )?(?:original |initial |first )?diagnosis)?" },
  { K_AGE_OP, "year",
    "(?:^|(?<=[\\s(,;:]))" OPRE ("op") WS NUMRE ("num") "\\s*(?<unit>years?)(?:\\s+(?:old|of age))"
    "(?<atdx>\\s+at (?:the time of )?(?:original |initial |first )?diagnosis)?" },
  { K_AGE_OP, "year", "^" OPRE ("op") WS NUMRE ("num") "\\s*(?<unit>years?)\\s*$" },
  { K_AGE_DIR, "over|under|older|younger",
    "\\b(?<dir>over|above|older than|under|below|younger than)\\s+" NUMRE ("num")
    /* "restoration over one year": a single year is a duration unless "old". */
    "(?!\\s*year\\b(?!\\s*(?:old|of age)))\\s*(?<unit>years?)\\s*(?:old|of age)?" },
  { K_AGE_OLDER, "older|over|above",
    "\\b(?:(?<aged>aged?)\\s+)?" NUMRE ("num") "\\s*(?:(?<years>years?)\\s*)?(?:(?<ofage>of age|old)\\s*)?(?:or|and)\\s+(?<dir>older|over|above)\\b" },

  /* Performance status. */
  { K_ECOG, "ecog|eastern cooperative|who performance|zubrod",
    "\\b(?:eastern cooperative oncology group\\s*(?:\\(ecog\\)\\s*)?(?:ecog\\s+)?|ecog\\s*(?:\\(eastern cooperative oncology group\\)\\s*)?|who\\s+(?=performance)|zubrod\\s+)"
    "(?:performance status|performance|ps|behavior status|status)?\\s*(?:score\\s*)?(?:of\\s+|is\\s+|:\\s*)?"
    "(?:" OPRE ("op") WS "(?<num>[0-5])(?!\\d|\\.\\d)|(?<lo>0)\\s*(?:-|to)\\s*(?<hi>[0-5])(?!\\d|\\.\\d)|(?<list>0(?:\\s*,\\s*[0-5])*\\s*,?\\s*(?:or|and)\\s*[0-5])(?!\\d|\\.\\d))(?:\\s*points?)?" },
  { K_ECOG, "physical strength", "\\bphysical strength score\\s*(?<lo>0)\\s*-\\s*(?<hi>[0-5])\\s*\\(ecog(?: standard)?\\)" },
  { K_PERF, "karnofsky|kps|lansky",
    "\\b(?<names>(?:karnofsky|kps|lansky)(?:\\s*\\([^)]{0,60}\\))?(?:\\s*(?:or|/|and/or)\\s*(?:karnofsky|kps|lansky)(?:\\s*\\([^)]{0,60}\\))?)?)"
    "(?:,?\\s*as applicable,?)?\\s*(?:performance status|performance|play[- ]performance|status|scale|score|ps|\\s)*?\\s*(?:of\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") "\\s*%?" },


  /* Prognosis. */
  { K_LIFE, "expectancy|survival|surviv|expect",
    "\\b(?:life expectancy|expected survival(?: time)?|estimated survival(?: time)?|survival expectancy|expect(?:ed)? time of surviv[a-z]*|expected to survive)"
    "[^.;<>=\\d]{0,60}?" OPRE ("op") WS NUMRE ("num") "\\s*(?:\\(\\d+\\)\\s*)?(?<unit>days?|weeks?|months?|years?)\\b" },


  /* Performance by age: "Karnofsky (for patients > 12 years of age) or
   * Lansky (for patients <= 12 years of age) >= 50%", "Lansky >= 50 for
   * patients <= 16 years old and Karnofsky >= 50% for patients > 16": each
   * limit for its own age group, the two groups meeting at one age. */
  { K_PERF_AGE, "karnofsky|kps|lansky",
    "\\b" PERF_SCALE ("s1") "\\s*" PERF_AGE ("op1", "a1") "\\s*(?:or|,|;|and)\\s*" PERF_SCALE ("s2") "\\s*" PERF_AGE ("op2", "a2")
    "\\s*(?:performance status|score|of)?\\s*" OPRE ("opx") WS "(?<x>\\d+)\\s*%?" },
  { K_PERF_AGE, "karnofsky|kps|lansky",
    "\\b" PERF_SCALE ("s1") "\\s*(?:of\\s+)?" OPRE ("opx") WS "(?<x>\\d+)\\s*%?\\s*" PERF_AGE ("op1", "a1") "\\s*(?:,|;|and|or)\\s*"
    PERF_SCALE ("s2") "\\s*(?:of\\s+)?" OPRE ("opy") WS "(?<y>\\d+)\\s*%?\\s*" PERF_AGE ("op2", "a2") },
};

/* A range of months or years becomes years. */
static double
to_years (double      number,
          const char *unit)
{
  if (unit != NULL && g_str_has_prefix (unit, "month"))
    return number / 12.0;
  return number;
}

/* Age is fractional: "up to 55 years" admits a patient of 55 years and 6
 * months, so an inclusive upper limit of whole years becomes an open
 * limit a year higher. Exclusive wording ("under 65") and limits in
 * months stay as written. */
static Node *
leaf_upper_age (Op          op,
                double      value,
                const char *unit)
{
  gboolean years = unit == NULL || g_str_has_prefix (unit, "year");

  if (op == OP_LE && years && value == floor (value))
    return eligo_leaf_compare ("age_years", OP_LT, value + 1);
  return eligo_leaf_compare ("age_years", op, to_years (value, unit));
}

static Node *
build_age (GMatchInfo *info,
           MatcherKind kind,
           gboolean   *ok)
{
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *unit = eligo_match_fetch (info, "unit");
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  double value;
  Node *node;

  *ok = FALSE;
  if (!eligo_parse_number (num, &value))
    return NULL;

  if (kind == K_AGE_RANGE)
    {
      g_autofree char *num2 = eligo_match_fetch (info, "num2");
      g_autofree char *unit2 = eligo_match_fetch (info, "unit2");
      g_autofree char *op2_str = eligo_match_fetch (info, "op2");
      gboolean age_word = eligo_match_has (info, "age") || eligo_match_has (info, "old");
      double value2;
      Op low = eligo_parse_op (op_str);
      Op high = eligo_parse_op (op2_str);

      if (!eligo_parse_number (num2, &value2))
        return NULL;
      if (!age_word && (unit == NULL || unit2 == NULL))
        return NULL;
      if (low == OP_NONE)
        low = OP_GE;
      if (high == OP_NONE)
        high = OP_LE;
      if ((low != OP_GE && low != OP_GT) || (high != OP_LE && high != OP_LT))
        return NULL;
      value = to_years (value, unit != NULL ? unit : unit2);
      if (value >= to_years (value2, unit2) || to_years (value2, unit2) > 120)
        return NULL;
      node = eligo_node_new_group (NODE_AND);
      eligo_node_add (node, eligo_leaf_compare ("age_years", low, value));
      eligo_node_add (node, leaf_upper_age (high, value2, unit2));
      *ok = TRUE;
      return node;
    }

  if (kind == K_AGE_DIR)
    {
      g_autofree char *dir = eligo_match_fetch (info, "dir");

      *ok = value <= 120;
      return eligo_leaf_compare ("age_years", (dir[0] == 'o' || dir[0] == 'a') ? OP_GT : OP_LT, value);
    }

  if (kind == K_AGE_OLDER)
    {
      g_autofree char *dir = eligo_match_fetch (info, "dir");

      /* "an ISI score of 8 or above": a bare number is an age only with
       * a word that says so. */
      *ok = value <= 120 && (eligo_match_has (info, "aged") || eligo_match_has (info, "years") || eligo_match_has (info, "ofage")
                             || g_strcmp0 (dir, "older") == 0);
      return eligo_leaf_compare ("age_years", OP_GE, value);
    }

  if (eligo_parse_op (op_str) == OP_NONE || value > 120)
    return NULL;
  *ok = TRUE;
  return leaf_upper_age (eligo_parse_op (op_str), value, unit);
}

static Node *
build_life (GMatchInfo *info)
{
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *unit = eligo_match_fetch (info, "unit");
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  Op op = eligo_parse_op (op_str);
  double value;

  if (op != OP_GE && op != OP_GT)
    return NULL;
  if (!eligo_parse_number (num, &value))
    return NULL;
  if (g_str_has_prefix (unit, "day"))
    value = value / 30.4375;
  else if (g_str_has_prefix (unit, "week"))
    value = value * 7 / 30.4375;
  else if (g_str_has_prefix (unit, "year"))
    value = value * 12;
  return eligo_leaf_compare ("life_expectancy_months", op, value);
}

static Node *
build_ecog (GMatchInfo *info)
{
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *hi = eligo_match_fetch (info, "hi");
  g_autofree char *list = eligo_match_fetch (info, "list");
  Op op;

  if (hi != NULL)
    return eligo_leaf_compare ("ecog", OP_LE, hi[0] - '0');

  if (list != NULL)
    {
      int expected = 0;

      for (const char *p = list; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          {
            if (*p - '0' != expected)
              return NULL;
            expected++;
          }
      return eligo_leaf_compare ("ecog", OP_LE, expected - 1);
    }

  op = eligo_parse_op (op_str);
  if (op == OP_NONE || num == NULL)
    return NULL;
  return eligo_leaf_compare ("ecog", op, num[0] - '0');
}

static Node *
build_perf (Reader     *reader,
            GMatchInfo *info,
            gboolean   *partial)
{
  g_autofree char *names = eligo_match_fetch (info, "names");
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  Op op = eligo_parse_op (op_str);
  double value;
  Node *group;
  gboolean karnofsky = strstr (names, "karnofsky") != NULL || strstr (names, "kps") != NULL;
  gboolean lansky = strstr (names, "lansky") != NULL;

  if (op == OP_NONE || !eligo_parse_number (num, &value) || value > 100)
    return NULL;

  if (karnofsky && lansky)
    {
      /* "Lansky or Karnofsky >= 50": whichever applies to the patient's age. */
      if (strstr (names, " and ") != NULL && strstr (names, "and/or") == NULL)
        return NULL;
      /* An exclusion must not exclude on the scale that does not apply. */
      if (reader->kind == ELIGO_CRITERION_EXCLUSION)
        {
          *partial = TRUE;
          group = eligo_node_new_group (NODE_AND);
        }
      else
        group = eligo_node_new_group (NODE_OR);
      if (strstr (names, "lansky") < (strstr (names, "karnofsky") != NULL ? strstr (names, "karnofsky") : strstr (names, "kps")))
        {
          eligo_node_add (group, eligo_leaf_compare ("lansky", op, value));
          eligo_node_add (group, eligo_leaf_compare ("karnofsky", op, value));
        }
      else
        {
          eligo_node_add (group, eligo_leaf_compare ("karnofsky", op, value));
          eligo_node_add (group, eligo_leaf_compare ("lansky", op, value));
        }
      return group;
    }

  return eligo_leaf_compare (karnofsky ? "karnofsky" : "lansky", op, value);
}

/* "(age_years < 16 and lansky >= 50) or (age_years >= 16 and karnofsky >= 50)",
 * or NULL unless the two age groups meet at one age, Lansky the younger. */
static Node *
build_perf_age (GMatchInfo *info)
{
  g_autofree char *s1 = eligo_match_fetch (info, "s1");
  g_autofree char *s2 = eligo_match_fetch (info, "s2");
  g_autofree char *op1_str = eligo_match_fetch (info, "op1");
  g_autofree char *op2_str = eligo_match_fetch (info, "op2");
  g_autofree char *a1_str = eligo_match_fetch (info, "a1");
  g_autofree char *a2_str = eligo_match_fetch (info, "a2");
  g_autofree char *opx_str = eligo_match_fetch (info, "opx");
  g_autofree char *x_str = eligo_match_fetch (info, "x");
  g_autofree char *opy_str = eligo_match_fetch (info, "opy");
  g_autofree char *y_str = eligo_match_fetch (info, "y");
  const char *var1 = g_str_equal (s1, "lansky") ? "lansky" : "karnofsky";
  const char *var2 = g_str_equal (s2, "lansky") ? "lansky" : "karnofsky";
  Op op1 = eligo_parse_op (op1_str);
  Op op2 = eligo_parse_op (op2_str);
  Op opx = eligo_parse_op (opx_str);
  Op opy = opx;
  double a1, a2, x, y;
  Node *node, *group;

  if (g_str_equal (var1, var2) || !eligo_parse_number (a1_str, &a1) || !eligo_parse_number (a2_str, &a2) ||
      a1 != a2 || opx == OP_NONE || !eligo_parse_number (x_str, &x))
    return NULL;
  y = x;
  if (y_str != NULL)
    {
      opy = eligo_parse_op (opy_str);
      if (opy == OP_NONE || !eligo_parse_number (y_str, &y))
        return NULL;
    }
  if (!((op1 == OP_LT && op2 == OP_GE) || (op1 == OP_LE && op2 == OP_GT) ||
        (op1 == OP_GE && op2 == OP_LT) || (op1 == OP_GT && op2 == OP_LE)))
    return NULL;
  if (g_str_equal (var1, "lansky") != (op1 == OP_LT || op1 == OP_LE))
    return NULL;

  node = eligo_node_new_group (NODE_OR);
  group = eligo_node_new_group (NODE_AND);
  eligo_node_add (group, eligo_leaf_compare ("age_years", op1, a1));
  eligo_node_add (group, eligo_leaf_compare (var1, opx, x));
  eligo_node_add (node, group);
  group = eligo_node_new_group (NODE_AND);
  eligo_node_add (group, eligo_leaf_compare ("age_years", op2, a2));
  eligo_node_add (group, eligo_leaf_compare (var2, opy, y));
  eligo_node_add (node, group);
  return node;
}

static Node *
read_ages (Reader        *reader,
           const Matcher *m,
           int            order,
           GMatchInfo    *info,
           int            start,
           int            end,
           guint         *flags,
           gboolean      *ok,
           gboolean      *done)
{
  Node *node = NULL;
  gboolean partial = FALSE;

  switch (m->kind)
    {
    case K_AGE_RANGE:
    case K_AGE_OP:
    case K_AGE_DIR:
    case K_AGE_OLDER:
      node = build_age (info, m->kind, ok);
      *flags = FLAG_AGE;
      if (eligo_match_has (info, "atdx"))
        {
          *ok = FALSE;
          eligo_reader_note (reader, "age at diagnosis is not age now");
        }
      break;

    case K_ECOG:
      node = build_ecog (info);
      break;

    case K_PERF:
      node = build_perf (reader, info, &partial);
      break;

    case K_LIFE:
      node = build_life (info);
      break;

    case K_PERF_AGE:
      node = build_perf_age (info);
      *flags = FLAG_OWN_GROUPS;
      break;

    default:
      g_assert_not_reached ();
    }

  if (partial)
    *flags |= FLAG_PARTIAL;
  return node;
}

/**
 * eligo_rule_ages_drop_signers:
 * @reader: the reader
 *
 * A consent criterion's ages say who signs, not who is eligible: drops them.
 */
void
eligo_rule_ages_drop_signers (Reader *reader)
{
  gboolean has_consent = FALSE;

  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if ((atom->flags & FLAG_CONSENT) && !(atom->flags & FLAG_DROPPED))
        has_consent = TRUE;
    }
  if (has_consent)
    for (guint i = 0; i < reader->atoms->len; i++)
      {
        Span *atom = g_ptr_array_index (reader->atoms, i);

        if (atom->flags & FLAG_AGE)
          atom->flags |= FLAG_DROPPED;
      }
}

/* "Children aged 5-8 years must have received ...": the age says whom a
 * requirement is for, not who is eligible. */
static gboolean
check_ages (Reader *reader,
            Span   *atom)
{
  static GRegex *before, *after;
  static gsize initialized = 0;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  int from, to;

  if (reader->kind != ELIGO_CRITERION_INCLUSION || !(atom->flags & FLAG_AGE))
    return FALSE;
  if (g_once_init_enter (&initialized))
    {
      before = eligo_extractor_compile ("\\b(?:children|patients|participants|subjects|those|girls|boys|women|men|adolescents)\\s+(?:aged?\\s+|of\\s+)?$");
      after = eligo_extractor_compile ("^\\s*(?:years?\\s*)?(?:old\\s+|of age\\s+)?(?:must|should|need|needs|will need|are required|is required)\\b");
      g_once_init_leave (&initialized, 1);
    }
  from = eligo_char_boundary (reader->text->str, reader->len, atom->start - 40);
  to = eligo_char_boundary (reader->text->str, reader->len, atom->end + 40);
  head = g_strndup (reader->text->str + from, atom->start - from);
  tail = g_strndup (reader->text->str + atom->end, to - atom->end);
  if (g_regex_match (before, head, 0, NULL) && g_regex_match (after, tail, 0, NULL))
    {
      eligo_reader_drop_atom (reader, atom, "the age says whom a requirement is for");
      return TRUE;
    }
  return FALSE;
}

const EligoFamily eligo_rule_family_ages = {
  "ages and performance", matchers, G_N_ELEMENTS (matchers), read_ages, check_ages,
};
