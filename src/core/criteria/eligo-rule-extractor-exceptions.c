/* eligo-rule-extractor-exceptions.c
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
 * Exceptions with a variable of their own
 *
 * "Total bilirubin <= 1.5 x ULN (except subjects with Gilbert syndrome, who
 * can have total bilirubin < 3.0 mg/dL)": the limit holds for everyone but
 * patients with Gilbert's syndrome. The words about Gilbert's syndrome
 * (the exception) are cut out, the rest is read as usual, and each
 * bilirubin comparison C becomes "C or gilbert_syndrome" in an inclusion,
 * "C and not gilbert_syndrome" in an exclusion. When the exception gives a
 * limit of its own ("< 3.0 mg/dL") that limit is not read, so the rule is
 * partial: it can fail a patient, never pass one.
 *
 * The exception must name nothing but Gilbert's syndrome: "unless due to
 * Gilbert's syndrome or CML", "Gilbert's syndrome or liver metastasis",
 * "where hemolysis has been excluded" name other patients, whom the rule
 * could not excuse, and the criterion is left for review. Without a
 * bilirubin comparison outside the exception ("active liver disease
 * (except for Gilbert's disease)") this family reads nothing.
 */

/* Words an exception for Gilbert's syndrome may hold. */
static const char * const gilbert_words[] = {
  "gilbert", "gilbert's", "gilberts", "s", "syndrome", "disease", "except", "excepting", "excluding",
  "exception", "unless", "for", "in", "if", "patients", "patient", "pts", "subjects", "subject",
  "participants", "participant", "those", "with", "who", "have", "has", "had", "can", "may", "a", "the",
  "of", "known", "documented", "confirmed", "clear", "diagnosed", "established", "is", "are", "present",
  "presence", "total", "serum", "bilirubin", "tbil", "tbili", "bili", "level", "levels", "up", "to",
  "uln", "x", "times", "upper", "limit", "limits", "normal", "range", "mg", "dl", "umol", "l", "mol",
  "unconjugated", "indirect", "hyperbilirubinemia", "hyperbilirubinaemia", "due", "caused", "by",
  "attributable", "related", "explicitly", "value", "values", "than", "less", "lower", "below",
  "or", "equal", "where", "allowed", "permitted", "acceptable", "eligible", "be", "must", "should",
  "case", "cases", "which", "it", "this", "that", "e", "g", "eg", "i", "ie", "syndrom",
};

/* Replaces every match of @pattern in @text with @with, literally. */
static char *
replace_simple (GRegex    **slot,
                const char *pattern,
                const char *text,
                const char *with)
{
  GRegex *regex = eligo_extractor_once (slot, pattern, 0);

  return g_regex_replace_literal (regex, text, -1, 0, with, 0, NULL);
}

static gboolean
is_gilbert_only (const char *segment)
{
  static GRegex *not_applicable = NULL;
  g_autofree char *plain = replace_simple (&not_applicable, "\\bnot applicable\\b", segment, " ");
  g_auto(GStrv) words = ELIGO_SPLIT_ONCE ("[^a-z']+", plain, 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean allowed = words[i][0] == '\0' || strcmp (words[i], "'") == 0;

      for (guint j = 0; !allowed && j < G_N_ELEMENTS (gilbert_words); j++)
        allowed = strcmp (words[i], gilbert_words[j]) == 0;
      if (!allowed)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_clause_end (const char *text,
               gsize       i)
{
  char c = text[i];

  if (c == ';' || c == '\n')
    return TRUE;
  /* A full stop, not a decimal point. */
  return c == '.' && !(i > 0 && g_ascii_isdigit (text[i - 1]) && g_ascii_isdigit (text[i + 1]));
}

/*
 * Finds the words of the exception about Gilbert's syndrome in @text (lower
 * case): the parenthetical it stands in, or, in its clause, what follows
 * the first limit from the word that opens the exception ("or <= 3 x uln for
 * patients with gilbert's", ", unless due to gilbert's syndrome", ". patients
 * with known gilbert's syndrome may have ...").
 */
static gboolean
find_segment (const char *text,
              gsize       at,
              gsize      *start,
              gsize      *end)
{
  static GRegex *opener;
  g_autoptr(GMatchInfo) info = NULL;
  gsize len = strlen (text);
  gsize cs = 0, ce = len;
  gssize open = -1;
  gsize first_digit = G_MAXSIZE;

  if (g_once_init_enter (&opener))
    g_once_init_leave (&opener, g_regex_new ("[(,]|\\b(?:or|unless|except|excepting|excluding|not applicable|for|if|in|with)\\b",
                                             G_REGEX_OPTIMIZE, 0, NULL));

  for (gsize i = 0; i < at; i++)
    {
      if (text[i] == '(')
        open = (gssize) i;
      else if (text[i] == ')')
        open = -1;
    }
  if (open >= 0)
    {
      int depth = 0;

      *start = (gsize) open;
      for (gsize i = (gsize) open; i < len; i++)
        {
          if (text[i] == '(')
            depth++;
          else if (text[i] == ')' && --depth == 0)
            {
              *end = i + 1;
              return TRUE;
            }
        }
      *end = len;
      return TRUE;
    }

  for (gsize i = at; i > 0; i--)
    if (is_clause_end (text, i - 1) || text[i - 1] == ':')
      {
        cs = i;
        break;
      }
  for (gsize i = at; i < len; i++)
    if (is_clause_end (text, i))
      {
        ce = i;
        break;
      }

  for (gsize i = cs; i < at; i++)
    if (g_ascii_isdigit (text[i]))
      {
        first_digit = i;
        break;
      }
  if (first_digit == G_MAXSIZE)
    {
      *start = cs;
      *end = ce;
      return TRUE;
    }

  /* Past the first limit's number. */
  while (first_digit < at && (g_ascii_isdigit (text[first_digit]) || text[first_digit] == '.'))
    first_digit++;
  if (!g_regex_match_full (opener, text, at, first_digit, 0, &info, NULL))
    return FALSE;
  {
    int s, e;

    g_match_info_fetch_pos (info, 0, &s, &e);
    *start = (gsize) s;
    *end = ce;
  }
  return TRUE;
}

static gboolean
is_bilirubin (const EligoRule *rule)
{
  const char *var;

  if (eligo_rule_get_kind (rule) != ELIGO_RULE_COMPARE)
    return FALSE;
  var = eligo_rule_get_variable (rule);
  return g_strcmp0 (var, "bilirubin_x_uln") == 0 || g_strcmp0 (var, "bilirubin_umol_l") == 0;
}

/* Prints @rule with each bilirubin comparison excused for Gilbert's
 * syndrome; counts them in @n. */
static void
print_excused (const EligoRule    *rule,
               EligoCriterionKind  kind,
               GString            *out,
               guint              *n)
{
  EligoRuleKind k = eligo_rule_get_kind (rule);

  if (k == ELIGO_RULE_AND || k == ELIGO_RULE_OR)
    {
      g_string_append_c (out, '(');
      for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
        {
          if (i > 0)
            g_string_append (out, k == ELIGO_RULE_AND ? " and " : " or ");
          print_excused (eligo_rule_get_child (rule, i), kind, out, n);
        }
      g_string_append_c (out, ')');
    }
  else if (k == ELIGO_RULE_NOT)
    {
      g_string_append (out, "not ");
      print_excused (eligo_rule_get_child (rule, 0), kind, out, n);
    }
  else if (is_bilirubin (rule))
    {
      g_autofree char *compare = eligo_rule_to_string (rule);

      g_string_append_printf (out, kind == ELIGO_CRITERION_INCLUSION ? "(%s or gilbert_syndrome)"
                                                                    : "(%s and not gilbert_syndrome)",
                              compare);
      (*n)++;
    }
  else
    {
      g_autofree char *printed = eligo_rule_to_string (rule);

      g_string_append_printf (out, "(%s)", printed);
    }
}

/* Whether a "not" stands over a bilirubin comparison (which would turn the
 * excuse around). */
static gboolean
negates_bilirubin (const EligoRule *rule,
                   gboolean         under_not)
{
  EligoRuleKind k = eligo_rule_get_kind (rule);

  if (is_bilirubin (rule))
    return under_not;
  for (guint i = 0; (k == ELIGO_RULE_AND || k == ELIGO_RULE_OR || k == ELIGO_RULE_NOT) &&
                    i < eligo_rule_get_n_children (rule); i++)
    if (negates_bilirubin (eligo_rule_get_child (rule, i), under_not || k == ELIGO_RULE_NOT))
      return TRUE;
  return FALSE;
}

/* Byte @offset of "head rest" (the text without its exception [@start,
 * @end), a space where it was) in the text. */
static gsize
before_cut (gsize offset,
            gsize start,
            gsize end)
{
  return offset < start ? offset : offset - start - 1 + end;
}

static GRegex *
gilbert_name (void)
{
  static GRegex *name;

  if (g_once_init_enter (&name))
    g_once_init_leave (&name, g_regex_new ("gilbert(?:'s|\xe2\x80\x99s|s)?(?:\\s+(?:syndrome|disease))?",
                                           G_REGEX_OPTIMIZE, 0, NULL));
  return name;
}

/* The spans read in what is left once the exception is cut out, where
 * they stand in @text, and the exception read as gilbert_syndrome. None
 * when lower-casing moved the bytes. */
static GArray *
gilbert_spans (const char *text,
               const char *lower,
               gsize       rest_offset,
               gsize       start,
               gsize       end,
               GArray     *rest_spans)
{
  GArray *spans;

  if (strlen (lower) != strlen (text))
    return NULL;
  spans = eligo_rule_spans_new ();
  for (guint i = 0; rest_spans != NULL && i < rest_spans->len; i++)
    {
      EligoRuleSpan *span = &g_array_index (rest_spans, EligoRuleSpan, i);
      gsize a = before_cut (span->start + rest_offset, start, end);
      gsize b = before_cut (span->end - 1 + rest_offset, start, end) + 1;

      /* A span across the cut would cover the exception too. */
      if ((span->start + rest_offset < start) != (span->end - 1 + rest_offset < start))
        continue;
      eligo_rule_spans_add (spans, a, b, span->atom);
    }
  /* The name of the syndrome, not the limit the exception may give. */
  {
    g_autoptr(GMatchInfo) info = NULL;

    if (g_regex_match (gilbert_name (), lower + start, 0, &info))
      {
        int ms, me;

        g_match_info_fetch_pos (info, 0, &ms, &me);
        if (start + me <= end)
          eligo_rule_spans_add (spans, start + ms, start + me, "gilbert_syndrome");
      }
  }
  return spans;
}

/**
 * eligo_rule_extract_exception:
 * @kind: the criterion's kind
 * @text: its text
 * @context: its context, or %NULL
 *
 * Reads a criterion whose limit has an exception with a variable of its
 * own (Gilbert's syndrome for bilirubin).
 *
 * Returns: (transfer full) (nullable): what was read, or %NULL when the
 *   criterion has no such exception
 */
EligoExtraction *
eligo_rule_extract_exception (EligoCriterionKind  kind,
                              const char         *text,
                              const char         *context)
{
  g_autofree char *lower = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(EligoExtraction) base = NULL;
  g_autoptr(EligoRule) rule = NULL;
  g_autoptr(EligoRule) excused = NULL;
  g_autoptr(GString) printed = NULL;
  EligoExtraction *extraction;
  const char *hit;
  gsize start, end;
  gsize rest_offset;
  guint n = 0;

  if (strstr (text, "ilbert") == NULL)
    return NULL;
  {
    static GRegex *open_paren = NULL, *close_paren = NULL;
    g_autofree char *down = g_utf8_strdown (text, -1);
    g_autofree char *open = replace_simple (&open_paren, "\xef\xbc\x88", down, " (");

    lower = replace_simple (&close_paren, "\xef\xbc\x89", open, ") ");
  }
  hit = strstr (lower, "gilbert");
  if (hit == NULL || strstr (hit + 1, "gilbert") != NULL)
    return NULL;
  if (!find_segment (lower, hit - lower, &start, &end))
    return NULL;

  segment = g_strndup (lower + start, end - start);
  {
    g_autofree char *head = g_strndup (lower, start);

    rest = g_strconcat (head, " ", lower + end, NULL);
  }
  rest_offset = strspn (rest, " \t\n\r\f\v");
  g_strstrip (rest);

  base = eligo_rule_extract (kind, rest, context);
  if (base->rule == NULL)
    return NULL;
  rule = eligo_rule_parse (base->rule, NULL, NULL);
  if (rule == NULL)
    return NULL;
  printed = g_string_new (NULL);
  print_excused (rule, kind, printed, &n);
  /* No bilirubin limit outside the exception: not this family's. */
  if (n == 0)
    return NULL;

  extraction = g_new0 (EligoExtraction, 1);
  if (!is_gilbert_only (segment) || negates_bilirubin (rule, FALSE))
    {
      extraction->reason = g_strdup ("an exception for Gilbert's syndrome that names other patients too");
      return extraction;
    }

  excused = eligo_rule_parse (printed->str, NULL, NULL);
  if (excused == NULL)
    {
      extraction->reason = g_strdup ("the exception for Gilbert's syndrome could not be joined");
      return extraction;
    }
  extraction->rule = eligo_rule_to_string (excused);
  extraction->spans = gilbert_spans (text, lower, rest_offset, start, end, base->spans);
  /* A limit of its own for Gilbert's syndrome is not read. */
  extraction->partial = base->partial || strpbrk (segment, "0123456789") != NULL;
  extraction->reason = extraction->partial
    ? g_strdup (base->partial ? base->reason : "the limit for Gilbert's syndrome is not read")
    : NULL;
  return extraction;
}

/*
 * Exceptions and negations in the text the patterns read
 *
 * A relaxing exception that opens a later sentence ("... can be
 * eligible") governs everything before it; an exception in a clause
 * ("unless", "except", "is allowed") voids the atoms of the clause, a
 * parenthetical one the clause around it too. Negations negate a yes/no
 * atom or void any other.
 */

/* Exceptions that void the atoms of their clause. */
static const char exception_pattern[] =
  "\\b(?:unless|except|excepting|excluding|with the exception|other than|allowed|permitted|permissible|"
  "(?:may|can|could)(?: also)? be (?:enrolled|included|eligible)|(?:are|is|be|considered) eligible|eligible if|not (?:be )?excluded|"
  "investigator (?:may|can)|at the discretion|only if|as long as|provided that|acceptable if|(?:is|are) acceptable|not applicable|"
  "as determined by the investigator|in the opinion of the investigator|in the (?:judge?ment|estimation|evaluation) of the investigator|"
  "whichever|half[- ]li(?:fe|ves)|if\\b[^.;]{0,80}?\\bnot met)";
/* Exceptions that relax the criterion when they open a sentence of their own. */
static const char relaxing_pattern[] =
  "\\b(?:acceptable if|(?:is|are) acceptable|(?:may|can) have|allowed|permitted|permissible|(?:may|can|could)(?: also)? be (?:enrolled|included|eligible)|(?:are|is|be) eligible|eligible if|not (?:be )?excluded)";

typedef struct
{
  GRegex *exception;
  GRegex *relaxing;
} FamilyPatterns;

static const FamilyPatterns *
exception_patterns (void)
{
  static FamilyPatterns p;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      p.exception = eligo_extractor_compile (exception_pattern);
      p.relaxing = eligo_extractor_compile (relaxing_pattern);
      g_once_init_leave (&initialized, 1);
    }

  return &p;
}

/**
 * eligo_rule_read_exceptions:
 * @reader: the reader, its atoms kept
 *
 * Drops the atoms that an exception voids or a negation reaches, negates
 * the yes/no atoms it can.
 *
 * Returns: (nullable): why the whole criterion is for review, or %NULL
 */
const char *
eligo_rule_read_exceptions (Reader *reader)
{
  g_autoptr(GMatchInfo) info = NULL;

  /* Relaxing exceptions that open a later sentence govern everything before. */
  g_regex_match (exception_patterns ()->relaxing, reader->text->str, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int s, e;
      Clause *clause;

      g_match_info_fetch_pos (info, 0, &s, &e);
      if (reader->clause_of[s] != eligo_reader_top_clause (reader, reader->clause_of[s]))
        continue;
      /* "... <= 5x ULN. Note: patients with ... can be eligible": the
       * sentence starts before the colon. */
      clause = eligo_reader_clause (reader, 0);
      for (int k = reader->clause_of[s]; k >= 0; k--)
        {
          clause = eligo_reader_clause (reader, k);
          if (clause->parent < 0 && clause->sentence)
            break;
        }
      if (clause->start > 0)
        return "a later sentence relaxes the criterion";
    }
  g_clear_pointer (&info, g_match_info_free);

  /* Clause-level exceptions. */
  g_regex_match (exception_patterns ()->exception, reader->text->str, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int s, e;
      int id;

      g_match_info_fetch_pos (info, 0, &s, &e);
      id = reader->clause_of[s];
      eligo_reader_clause (reader, id)->voided = TRUE;
      if (eligo_reader_clause (reader, id)->parent >= 0)
        eligo_reader_clause (reader, eligo_reader_clause (reader, id)->parent)->voided = TRUE;
    }
  g_clear_pointer (&info, g_match_info_free);

  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);
      Clause *clause = eligo_reader_clause (reader, atom->clause);

      if (clause->voided)
        {
          eligo_reader_drop_atom (reader, atom, "an exception in its clause");
          continue;
        }

      /* Parenthetical remarks: "achieved CR (defined as ...)" is not read
       * again, examples do not make an inclusion, a diagnosis in brackets
       * qualifies something else, and a negation outside reaches in. */
      if (clause->parent >= 0)
        {
          int open = clause->start;
          int k = open - 1;
          gboolean defines_atom = FALSE;
          const char *inside = reader->text->str + open;
          g_autofree char *before = NULL;
          int ns, ne;
          int ps, pe;

          while (k >= 0 && g_ascii_isspace (reader->text->str[k]))
            k--;
          for (guint j = 0; j < reader->atoms->len && k >= 0; j++)
            {
              Span *other = g_ptr_array_index (reader->atoms, j);

              if (other->end == k + 1)
                defines_atom = TRUE;
            }
          if (reader->kind == ELIGO_CRITERION_INCLUSION
              && (ELIGO_MATCH_ONCE ("^[([]\\s*(?:e\\.?g\\.?|such as|including|for example)", inside, 0)
                  || (defines_atom && ELIGO_MATCH_ONCE ("^[([]\\s*(?:defined as|i\\.?e\\.?)", inside, 0))))
            {
              eligo_reader_drop_atom (reader, atom, "part of a definition or an example");
              continue;
            }
          if (atom->flags & FLAG_DIAG)
            {
              eligo_reader_drop_atom (reader, atom, "a diagnosis in brackets");
              continue;
            }
          pe = open;
          for (ps = open; ps > 0 && reader->clause_of[ps - 1] == clause->parent; ps--)
            ;
          before = g_strndup (reader->conn + ps, MAX (pe - ps, 0));
          if (eligo_regex_in_range (eligo_reader_patterns ()->negator, before, 0, strlen (before), &ns, &ne, TRUE)
              && !eligo_regex_in_range (eligo_reader_patterns ()->scope_stop, before, ne, strlen (before), NULL, NULL, FALSE))
            {
              eligo_reader_drop_atom (reader, atom, "negated from outside its brackets");
              continue;
            }
        }

      /* Requiring CNS disease is never what an inclusion means. */
      if (reader->kind == ELIGO_CRITERION_INCLUSION && atom->node != NULL
          && atom->node->text != NULL && strcmp (atom->node->text, "cns_disease") == 0
          && !(atom->flags & FLAG_NEGATED) && !eligo_reader_is_negated (reader, atom))
        {
          eligo_reader_drop_atom (reader, atom, "an inclusion does not require CNS disease");
          continue;
        }

      /* Negation. An exclusion of "no known HIV" or "not limited to active
       * infection" would exclude almost everyone: such a text is misfiled
       * or states a condition of the excluded state, and the nurse reads
       * it. Negations that are part of a pattern ("do not express CD19",
       * "unwilling to use contraception") are read. */
      if (!(atom->flags & FLAG_NEGATED) && eligo_reader_is_negated (reader, atom))
        {
          if (reader->kind == ELIGO_CRITERION_EXCLUSION && (atom->flags & FLAG_NEGATABLE))
            {
              /* A later sentence ("Pregnant or nursing. Females ... must
               * agree not to become pregnant") is an instruction. */
              if (eligo_reader_sentence_of (reader, atom->start) == 0)
                return "a negated fact in an exclusion";
              eligo_reader_drop_atom (reader, atom, "negated in an exclusion");
              continue;
            }
          if (atom->flags & FLAG_NEGATABLE)
            atom->flags |= FLAG_NEGATED;
          else
            eligo_reader_drop_atom (reader, atom, "negated");
        }
    }

  return NULL;
}
