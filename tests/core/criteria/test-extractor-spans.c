/* test-extractor-spans.c
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
#include <string.h>

#include "eligo-criterion.h"
#include "eligo-import.h"
#include "eligo-rule-extractor.h"
#include "eligo-rule-spans.h"
#include "eligo-rule.h"
#include "eligo-test-utils.h"

#define I ELIGO_CRITERION_INCLUSION
#define E ELIGO_CRITERION_EXCLUSION

/* "text that was read" -> "atom", in order; NULL ends the list. */
typedef struct
{
  EligoCriterionKind  kind;
  const char         *text;
  const char         *spans[8];
} Cited;

/* Real texts (with the record they come from) and what each part of the
 * rule was read from. Words that were not read stay out of every span. */
static const Cited cited[] = {
  /* NCT03884829 */
  { I, "ECOG 0-2", { "ECOG 0-2", "ecog <= 2", NULL } },
  /* NCT07072494: the range with its unit, not "(inclusive), male or female". */
  { I, "Aged between 14 and 80 years (inclusive), male or female.",
    { "Aged between 14 and 80 years", "age_years >= 14 and age_years < 81", NULL } },
  /* A spelling rewritten before it is read (">/=", "100.000", "µ"), and a
   * decimal comma: the span is of the words as written. */
  { I, "Platelets >/= 100.000/\xc2\xb5L and ANC \xe2\x89\xa5 1,0 x 10^9/L",
    { "Platelets >/= 100.000/\xc2\xb5L", "platelets_10e9_l >= 100",
      "ANC \xe2\x89\xa5 1,0 x 10^9/L", "anc_10e9_l >= 1", NULL } },
  /* "9 g/dl or higher" becomes ">= 9 g/dl" before it is read. */
  { I, "Creatinine clearance \xe2\x89\xa5 60 mL/min, hemoglobin 9 g/dl or higher",
    { "Creatinine clearance \xe2\x89\xa5 60 mL/min", "creatinine_clearance_ml_min >= 60",
      "hemoglobin 9 g/dl or higher", "hemoglobin_g_l >= 90", NULL } },
  /* NCT02369484: the limit for Gilbert's syndrome is not read, and is in
   * no span; the name of the syndrome is. */
  { I, "Total bilirubin \xe2\x89\xa4 1.5 \xc3\x97 ULN (except subjects with Gilbert Syndrome, who can have "
       "total bilirubin < 3.0 mg/dL)",
    { "Total bilirubin \xe2\x89\xa4 1.5 \xc3\x97 ULN", "bilirubin_x_uln <= 1.5",
      "Gilbert Syndrome", "gilbert_syndrome", NULL } },
  /* A lead-in's items, where they stand in the text. */
  { I, "Have at least one of the following:\n- ECOG 0-2\n- Karnofsky >= 60%",
    { "ECOG 0-2", "ecog <= 2", "Karnofsky >= 60%", "karnofsky >= 60", NULL } },
  /* A partial rule: "adequate bone marrow reserve" was not read. */
  { I, "ECOG 0-1 and adequate bone marrow reserve",
    { "ECOG 0-1", "ecog <= 1", NULL } },
  /* NCT04747912: diagnoses merge into one atom; each is a span of it. */
  { E, "Burkitt's or mixed-lineage leukemia.",
    { "Burkitt's", "diagnosis in (Burkitt, MPAL)", "mixed-lineage leukemia", "diagnosis in (Burkitt, MPAL)", NULL } },
  /* A diagnosis with its marker is one atom. */
  { I, "CD19 positive B-ALL, ECOG 0-2, and adequate organ function",
    { "CD19 positive B-ALL", "diagnosis == B-ALL and cd19_positive", "ECOG 0-2", "ecog <= 2", NULL } },
};

static void
test_cited (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cited); i++)
    {
      const Cited *c = &cited[i];
      g_autoptr(EligoExtraction) extraction = eligo_rule_extract (c->kind, c->text, NULL);
      g_autoptr(GString) got = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);

      g_assert_nonnull (extraction->rule);
      for (guint k = 0; c->spans[k] != NULL; k += 2)
        g_string_append_printf (expected, "“%s” -> %s\n", c->spans[k], c->spans[k + 1]);
      for (guint k = 0; extraction->spans != NULL && k < extraction->spans->len; k++)
        {
          EligoRuleSpan *span = &g_array_index (extraction->spans, EligoRuleSpan, k);

          g_string_append_printf (got, "“%.*s” -> %s\n", (int) (span->end - span->start),
                                  c->text + span->start, span->atom);
        }
      g_test_message ("%s", c->text);
      g_assert_cmpstr (got->str, ==, expected->str);
    }
}

/* A review has no spans, and a rule the sex was added to keeps those of
 * its ages. */
static void
test_no_rule (void)
{
  g_autoptr(EligoExtraction) review = eligo_rule_extract (I, "Able to swallow tablets", NULL);
  g_autoptr(EligoExtraction) female = eligo_rule_extract (I, "Female patients over 18 years", NULL);

  g_assert_null (review->rule);
  g_assert_null (review->spans);
  g_assert_cmpstr (female->rule, ==, "sex == female and age_years > 18");
  g_assert_nonnull (female->spans);
  g_assert_cmpuint (female->spans->len, ==, 1);
  g_assert_cmpstr (g_array_index (female->spans, EligoRuleSpan, 0).atom, ==, "age_years > 18");
}

static gboolean
is_number_char (const char *text,
                gsize       len,
                gsize       at)
{
  return at < len && g_ascii_isdigit (text[at]);
}

/* Whether a number of @text runs across the boundary at @at: a digit on
 * one side and a digit (or a digit after a decimal mark) on the other. */
static gboolean
cuts_number (const char *text,
             gsize       len,
             gsize       at)
{
  if (at == 0 || at >= len)
    return FALSE;
  if (g_ascii_isdigit (text[at - 1]) && g_ascii_isdigit (text[at]))
    return TRUE;
  if ((text[at] == '.' || text[at] == ',') && g_ascii_isdigit (text[at - 1]) && is_number_char (text, len, at + 1))
    return TRUE;
  if ((text[at - 1] == '.' || text[at - 1] == ',') && g_ascii_isdigit (text[at]) && at >= 2
      && g_ascii_isdigit (text[at - 2]))
    return TRUE;
  return FALSE;
}

/* An atom with a number was read from words with one. */
static gboolean
has_number_words (const char *words)
{
  g_autofree char *lower = g_ascii_strdown (words, -1);

  return strpbrk (words, "0123456789") != NULL
    || g_regex_match_simple ("\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                             "twenty|thirty|sixty|ninety|i|ii|iii|iv)\\b", lower, 0, 0);
}

typedef struct
{
  guint ruled;
  guint with_spans;
  guint spans;
} Tally;

static void
check_criterion (EligoCriterion *criterion,
                 Tally          *tally)
{
  const char *text = eligo_criterion_get_text (criterion);
  gsize len = strlen (text);
  GArray *spans = eligo_criterion_get_spans (criterion);
  const char *id = eligo_criterion_get_id (criterion);

  if (eligo_criterion_get_origin (criterion) != ELIGO_ORIGIN_PARSED || eligo_criterion_get_rule (criterion) == NULL)
    {
      g_assert_null (spans);
      return;
    }
  tally->ruled++;
  if (spans == NULL)
    return;
  tally->with_spans++;
  for (guint i = 0; i < spans->len; i++)
    {
      EligoRuleSpan *span = &g_array_index (spans, EligoRuleSpan, i);
      g_autofree char *words = NULL;
      g_autoptr(EligoRule) atom = NULL;

      tally->spans++;
      if (span->start >= span->end || span->end > len)
        g_error ("%s: span [%u, %u) outside its text of %" G_GSIZE_FORMAT " bytes", id, span->start, span->end, len);
      words = g_strndup (text + span->start, span->end - span->start);
      if (!g_utf8_validate (words, -1, NULL) || (span->end < len && ((guchar) text[span->end] & 0xC0) == 0x80))
        g_error ("%s: span [%u, %u) not on character boundaries", id, span->start, span->end);
      if (cuts_number (text, len, span->start) || cuts_number (text, len, span->end))
        g_error ("%s: span “%s” cuts a number of “%s”", id, words, text);
      atom = eligo_rule_parse (span->atom, NULL, NULL);
      if (atom == NULL)
        g_error ("%s: the atom “%s” of “%s” is no rule", id, span->atom, words);
      if (strpbrk (span->atom, "0123456789") != NULL && !g_str_has_prefix (span->atom, "diagnosis")
          && !has_number_words (words))
        g_error ("%s: “%s” read as “%s” has no number", id, words, span->atom);
      if (i > 0 && span->start < g_array_index (spans, EligoRuleSpan, i - 1).start)
        g_error ("%s: spans out of order", id);
    }
}

static void
check_file (const char *path,
            Tally      *tally)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = eligo_import_parse_file (file, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < trials->len; i++)
    {
      g_autoptr(GPtrArray) criteria = eligo_criteria_for_trial (g_ptr_array_index (trials, i));

      for (guint j = 0; j < criteria->len; j++)
        check_criterion (g_ptr_array_index (criteria, j), tally);
    }
}

static void
check_dir (const char *dir,
           Tally      *tally)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_str_has_suffix (name, ".json"))
        continue;
      check_file (path, tally);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Every rule of the 767 registry records, the acute-leukemia export and
 * the seeds: its spans lie in its text, on character boundaries, cut no
 * number, and a number read was read from words with a number. Nearly
 * every rule has them. */
static void
test_corpus (void)
{
  g_autofree char *studies = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autofree char *leukemia = eligo_test_data_path ("ctgov", "responses", "dgg32__graph_bigquery__ctg-studies.json", NULL);
  g_autofree char *seeds = g_build_filename (g_getenv ("ELIGO_SOURCE_DIR"), "data", "seeds", NULL);
  Tally tally = { 0 };

  check_dir (studies, &tally);
  check_file (leukemia, &tally);
  check_dir (seeds, &tally);

  g_test_message ("%u rules, %u with spans, %u spans", tally.ruled, tally.with_spans, tally.spans);
  g_assert_cmpuint (tally.ruled, >, 1500);
  g_assert_cmpuint (tally.with_spans * 100, >=, tally.ruled * 99);
}

/* Stored spans are checked against the text they are read back with. */
static void
test_json (void)
{
  const char *text = "ECOG 0-2, \xc2\xb5L";
  g_autoptr(GArray) spans = eligo_rule_spans_new ();
  g_autoptr(GArray) back = NULL;
  g_autoptr(GArray) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  eligo_rule_spans_add (spans, 0, 8, "ecog <= 2");
  json = eligo_rule_spans_to_json (spans);
  g_assert_cmpstr (json, ==, "[[0,8,\"ecog <= 2\"]]");
  back = eligo_rule_spans_from_json (json, text, &error);
  g_assert_no_error (error);
  again = eligo_rule_spans_to_json (back);
  g_assert_cmpstr (again, ==, json);

  /* Past the end, inside "µ", or not an array: an error naming it. */
  bad = eligo_rule_spans_from_json ("[[0,40,\"ecog <= 2\"]]", text, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (bad);
  g_clear_error (&error);
  bad = eligo_rule_spans_from_json ("[[0,11,\"x\"]]", text, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  bad = eligo_rule_spans_from_json ("{\"start\": 0}", text, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (eligo_rule_spans_to_json (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/extractor/spans/cited", test_cited);
  g_test_add_func ("/eligo/extractor/spans/no-rule", test_no_rule);
  g_test_add_func ("/eligo/extractor/spans/corpus", test_corpus);
  g_test_add_func ("/eligo/extractor/spans/json", test_json);

  return g_test_run ();
}
