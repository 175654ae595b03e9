/* eligo-rule-extractor-numbers.c
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

#include <stdlib.h>
#include <string.h>

#include "eligo-rule-extractor-private.h"

/*
 * Numbers, comparators and units as real records spell them
 *
 * The patterns of the extractor read tidy forms ("<= 1.5 x uln",
 * ">= 100,000/ul", "age 18-65 years"). This pass, run on the normalised
 * (lower-case) text before them, rewrites the other spellings into those
 * forms, and only where the reading is certain:
 *
 *   >/=  > or =  >_  =>       ->  >=        (and the same for <)
 *   9 g/dl or higher          ->  >= 9 g/dl (or more, or greater, or above;
 *                                            or lower, or less, or below)
 *   x 109/l, x 10 9/l         ->  x 10^9/l  (a superscript lost on the way)
 *   unl                       ->  uln
 *   gram/deciliter            ->  g/dl      (and mg, per microliter, micromol)
 *   100.000/ul                ->  100,000/ul  (a thousands separator: never
 *                                            0.1 x 10^9/l; only before a
 *                                            count per microliter)
 *   2,5 mg/dl                 ->  2.5 mg/dl (a decimal comma, only before a
 *                                            unit, so "ECOG 0,1 or 2" stays)
 *   age 18-65, aged between   ->  ... years (an age with no unit: only two
 *   18 and 75                                plausible ages, in order)
 *   active hepatitis b or c   ->  active hepatitis b or active hepatitis c
 *
 * Anything else is left as written and, if no pattern reads it, stays for
 * review.
 */

typedef struct
{
  const char *pattern;
  const char *replacement;   /* NULL: the callback of the entry */
  GRegexEvalCallback eval;
} Spelling;

#define COUNT_PER_UL "(?=\\s*(?:cells?\\s*)?(?:/\\s*(?:ul|mm3|mm\\^3|mcl|cubic mm)|per\\s+(?:ul|mm3|cubic mm)))"
#define UNIT_AFTER "(?=\\s*(?:x\\s*(?:uln|10\\b|10\\^)|mg\\b|mg/|g/|g\\s*/|umol|mmol|ml/|ml\\b|%|u/l|iu/))"
#define NUMBER_UNIT \
  "(?<![\\d.,<>=])(?<![<>=]\\s)(?<num>\\d+(?:[.,]\\d+)*)(?<unit>\\s*(?:%|x\\s*uln|x\\s*10\\^\\d\\s*/\\s*l|" \
  "(?:mg|g|umol|mmol|ml)\\s*/\\s*(?:dl|l|min)(?:\\s*/\\s*1\\.73\\s*m2)?|/\\s*(?:ul|mm3)|cells\\s*/\\s*(?:ul|mm3)|ms(?:ec)?))?"

static gboolean
dots_to_commas (const GMatchInfo *info,
                GString          *result,
                gpointer          user_data)
{
  g_autofree char *number = g_match_info_fetch (info, 0);

  for (char *p = number; *p != '\0'; p++)
    if (*p == '.')
      *p = ',';
  g_string_append (result, number);
  return FALSE;
}

static GRegex *both_sexes;

/* "age 18-65" -> "age 18-65 years" when both are plausible ages, in order. */
static gboolean
age_years (const GMatchInfo *info,
           GString          *result,
           gpointer          user_data)
{
  g_autofree char *whole = g_match_info_fetch (info, 0);
  g_autofree char *low = g_match_info_fetch_named (info, "low");
  g_autofree char *high = g_match_info_fetch_named (info, "high");
  long a = strtol (low, NULL, 10);
  long b = strtol (high, NULL, 10);

  const char *subject = g_match_info_get_string (info);
  int start, end;
  gboolean other = FALSE;

  g_match_info_fetch_pos (info, 0, &start, &end);
  g_string_append (result, whole);

  /* "(subjects aged 13 to 17 only)", "donor aged between 18 and 50": the
   * ages of some patients, or of someone else, are no limit for all. */
  {
    g_autofree char *head = g_strndup (subject, start);
    /* "Male and female patients aged 18-75" names everyone. */
    g_autofree char *before = g_regex_replace_literal (both_sexes, head, -1, 0, "", 0, NULL);
    const char *open = strrchr (before, '(');
    const char *close = strrchr (before, ')');

    if (open != NULL && (close == NULL || close < open))
      other = TRUE;
    if (ELIGO_MATCH_ONCE ("\\b(?:donors?|siblings?|parents?|partners?|caregivers?|mothers?|fathers?|"
                          "relatives?|guardians?|spouses?|children|child|infants?|adolescents?|"
                          "women|men|females?|males?|if|for|in|only)\\b", before, 0))
      other = TRUE;
    if (ELIGO_MATCH_ONCE ("^\\s*(?:only|\\)|at\\b|when\\b|if\\b|for\\b|with\\b)", subject + end, 0))
      other = TRUE;
  }

  if (!other && a >= 0 && b > a && b <= 120)
    g_string_append (result, " years");
  return FALSE;
}

static const Spelling spellings[] = {
  /* Comparators. */
  { "([<>])\\s*/\\s*=", "\\1=", NULL },
  { "([<>])\\s*or\\s*=(?!=)", "\\1=", NULL },
  { "([<>])\\s*_", "\\1=", NULL },
  { "=\\s*/\\s*([<>])", "\\1=", NULL },
  /* A superscript lost: "x 109/l", "x 10 9/l". */
  { "\\bx\\s*10\\s*9\\s*/\\s*(l|liter|litre)\\b", "x 10^9/\\1", NULL },
  { "\\bunl\\b", "uln", NULL },
  /* Units written out. */
  { "\\b(?:grams?|gm|gr)\\s*(?:/|per)\\s*(?:deciliter|decilitre|dl)\\b", "g/dl", NULL },
  { "\\bg\\s*/\\s*(?:deciliter|decilitre)\\b", "g/dl", NULL },
  { "\\b(?:milligrams?|mg)\\s*(?:/|per)\\s*(?:deciliter|decilitre|dl)\\b", "mg/dl", NULL },
  { "\\bgrams?\\s*(?:/|per)\\s*(?:liter|litre)\\b", "g/l", NULL },
  { "(?:/\\s*|\\s+per\\s+)(?:microlit(?:er|re)s?|mcl\\b)", "/ul", NULL },
  { "\\bmicromol(?:es)?\\s*/\\s*l\\b", "umol/l", NULL },
  /* "100.000/ul": dots that group thousands before a count per microliter. */
  { "(?<![\\d.,])[1-9]\\d{0,2}(?:\\.\\d{3})+(?![\\d.,])" COUNT_PER_UL, NULL, dots_to_commas },
  /* "2,5 mg/dl": a decimal comma before a unit. */
  { "(?<![\\d.,])(\\d{1,3}),(\\d{1,2})(?![\\d,])" UNIT_AFTER, "\\1.\\2", NULL },
  /* "9 g/dl or higher". */
  { NUMBER_UNIT "\\s+or\\s+(?:higher|greater|more|above)\\b", ">= \\g<num>\\g<unit>", NULL },
  { NUMBER_UNIT "\\s+or\\s+(?:lower|less|below)\\b", "<= \\g<num>\\g<unit>", NULL },
  /* "active hepatitis b or c", "active hbv/hcv": "active" stands for both. */
  /* "Active hepatitis B and C infection": either of them, not both
   * (NCT05739630). */
  { "\\b(active|current)\\s+(hepatitis\\s+)b(\\s+virus)?\\s+and\\s+(?:hepatitis\\s+)?c\\b", "\\1 \\2b\\3 or \\1 \\2c", NULL },
  { "\\b(active|current)\\s+(hepatitis\\s+)b(\\s+virus)?\\s*(or|and/or|and|/)\\s*(?:hepatitis\\s+)?c\\b", "\\1 \\2b\\3 \\4 \\1 \\2c", NULL },
  { "\\b(active|current)\\s+hbv\\s*(or|and/or|and|/)\\s*hcv\\b", "\\1 hbv \\2 \\1 hcv", NULL },
  /* Ages without "years". */
  { "\\b(?:age[ds]?|aged between)\\s*:?\\s*(?:between\\s+|from\\s+)?(?<low>\\d{1,2})\\s*(?:-|to|and)\\s*(?<high>\\d{1,3})\\b"
    "(?!\\s*(?:[-.,]\\d|%|\\+|years?|yrs?|y\\b|yo\\b|months?|mos?\\b|weeks?|wks?|days?|hours?|kg|cm|m2|mg|x\\b|times))",
    NULL, age_years },
};

static GRegex *compiled[G_N_ELEMENTS (spellings)];

/* For each spelling, words one of which its pattern cannot match without
 * ('|'-separated): most texts have none of them, and a strstr() is much
 * cheaper than running the pattern. */
static const char * const spelling_needs[] = {
  "=", "=", "_", "=", "10", "unl",
  "dl|decilit", "decilit", "dl|decilit", "gram", "microlit|mcl", "micromol",
  "\x01.", "\x01,", "higher|greater|more|above", "lower|less|below",
  "active|current", "active|current", "hbv",
  "age",
};
G_STATIC_ASSERT (G_N_ELEMENTS (spelling_needs) == G_N_ELEMENTS (spellings));

/* Whether @text has a digit, @sep and a digit in a row. */
static gboolean
has_digits_around (const char *text,
                   char        sep)
{
  for (const char *p = strchr (text, sep); p != NULL; p = strchr (p + 1, sep))
    if (p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
      return TRUE;
  return FALSE;
}

/* "\x01" followed by a character: that character between two digits. */
static gboolean
has_any (const char *text,
         const char *needs)
{
  if (needs[0] == '\x01')
    return has_digits_around (text, needs[1]);
  while (*needs != '\0')
    {
      const char *bar = strchr (needs, '|');
      gsize n = bar != NULL ? (gsize) (bar - needs) : strlen (needs);
      char word[16];

      g_assert (n < sizeof word);
      memcpy (word, needs, n);
      word[n] = '\0';
      if (strstr (text, word) != NULL)
        return TRUE;
      needs += n + (bar != NULL ? 1 : 0);
    }
  return FALSE;
}

/**
 * eligo_rule_normalize_spellings_mapped:
 * @text: normalised criterion text, rewritten in place
 * @map: (nullable): of EligoSource, one per byte of @text, rewritten with
 *   it; emptied if a rewrite cannot be followed
 *
 * Rewrites the spellings of numbers, comparators and units that real
 * records use into the forms the extractor's patterns read.
 */
void
eligo_rule_normalize_spellings_mapped (GString *text,
                                       GArray  *map)
{
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
        {
          g_autoptr(GError) error = NULL;

          compiled[i] = g_regex_new (spellings[i].pattern, G_REGEX_OPTIMIZE, 0, &error);
          if (compiled[i] == NULL)
            g_error ("Bad spelling pattern %u: %s", i, error->message);
        }
      both_sexes = g_regex_new ("\\b(?:males?|men)\\s+(?:and|or|and/or|&)\\s+(?:females?|women)\\b|"
                                "\\b(?:females?|women)\\s+(?:and|or|and/or|&)\\s+(?:males?|men)\\b",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&init, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *out = NULL;

      if (!has_any (text->str, spelling_needs[i]) || !g_regex_match (compiled[i], text->str, 0, NULL))
        continue;
      if (spellings[i].eval != NULL)
        out = g_regex_replace_eval (compiled[i], text->str, -1, 0, 0, spellings[i].eval, NULL, NULL);
      else
        out = g_regex_replace (compiled[i], text->str, -1, 0, spellings[i].replacement, 0, NULL);
      if (out != NULL)
        {
          if (map != NULL && map->len > 0
              && !eligo_source_map_replace (map, compiled[i], text->str, out, spellings[i].replacement, spellings[i].eval))
            g_array_set_size (map, 0);
          g_string_assign (text, out);
        }
    }
}

/**
 * eligo_rule_normalize_spellings:
 * @text: normalised criterion text, rewritten in place
 *
 * Rewrites the spellings of numbers, comparators and units that real
 * records use into the forms the extractor's patterns read.
 */
void
eligo_rule_normalize_spellings (GString *text)
{
  eligo_rule_normalize_spellings_mapped (text, NULL);
}
