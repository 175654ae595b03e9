/* eligo-rule-extractor-disease.c
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

#include "eligo-rule-extractor-private.h"

/*
 * Disease and antigens
 *
 * The diagnosis (B-ALL, T-ALL, AML, MPAL, Burkitt, CML in blast phase),
 * the disease status (complete remission, relapsed, refractory), CD19, CD7
 * and CD38, MRD, extramedullary and CNS disease, and blast counts. The
 * diagnoses of a criterion merge into one list, its statuses into one set.
 */

#define DIAGRE \
  "b[- ]?cell (?:precursor |lineage |derived )?acute lymphoblastic leuk[a-z]*(?:\\s*\\((?:b[- ]?all|all)\\))?|" \
  "acute b[- ]?(?:cell )?lymphoblastic leuk[a-z]*(?:\\s*\\(b[- ]?all\\))?|b[- ]all\\b|b-?cell all\\b|" \
  "t[- ]?cell acute lymphoblastic leuk[a-z]*(?:\\s*\\(t[- ]?all\\))?|t-?cell all\\b|acute t[- ]?(?:cell )?lymphoblastic leuk[a-z]*|t[- ]all\\b|" \
  "acute myeloid leuk[a-z]*(?:\\s*\\(aml\\))?|acute myelogenous leuk[a-z]*(?:\\s*\\(aml\\))?|aml\\b"

static const Matcher matchers[] = {
  /* Blast counts. */
  { K_NUM, "blast", OPRE ("op") WS NUMRE ("num") "\\s*%\\s*(?:bone marrow|bm|marrow)\\s+blasts\\b", "bm_blasts_pct" },
  { K_NUM, "blast", OPRE ("op") WS NUMRE ("num") "\\s*%\\s*(?:of\\s+)?(?:leuk[a-z]*\\s+)?blasts\\s+(?:in|of)\\s+(?:the\\s+)?(?:bone marrow|marrow)\\b", "bm_blasts_pct" },
  { K_NUM, "blast", "\\b(?:bone marrow|bm|marrow)\\s+blasts?(?:\\s+(?:count|percentage|proportion))?\\s*(?:of\\s+)?" OPRE ("op") WS NUMRE ("num") "\\s*%", "bm_blasts_pct" },
  { K_NUM, "peripheral|pb ",
    "\\b(?:peripheral blood|pb)\\s+(?:leuk[a-z]*\\s+cells?|blasts?|blast cells?)(?:\\s+(?:proportion|percentage|ratio))?\\s*(?:of\\s+)?" OPRE ("op") WS NUMRE ("num") "\\s*%", "pb_blasts_pct" },
  { K_NUM, "cerebrospinal|csf",
    "\\b(?:leuk[a-z]*\\s+|blast\\s+|tumou?r\\s+)?cells?\\s+in\\s+(?:the\\s+)?(?:cerebrospinal fluid|csf)(?:\\s*\\(csf\\))?\\s*"
    OPRE ("op") WS NUMRE ("num") "\\s*(?:cells?)?\\s*(?:/|per)\\s*(?:ul|mm3)", "csf_blasts_per_ul" },

  /* Diagnosis and disease. */
  { K_DISEASE, "relapse|refractory|cd",
    "\\b(?:(?<!or )(?<!and )(?<!/)(?<status>relapsed|refractory)\\s+)?(?:cd(?<cd>19|7|38)\\s*(?:\\+|-?positive)\\s+)?(?<diag>" DIAGRE ")" },
  { K_DIAG, "lymphoblastic|all|aml|myel|t-|t ", "\\b(?:" DIAGRE ")", NULL, NULL },
  { K_DIAG, "burkitt", "\\bburkitt'?s?(?:\\s+(?:leuk[a-z]*|lymphoma)(?:\\s*/\\s*(?:leuk[a-z]*|lymphoma))?(?:\\s+leuk[a-z]*)?)?", NULL, "Burkitt" },
  { K_DIAG, "blast",
    "\\b(?:blast[- ]phase|blast crisis|blastic phase)\\s+(?:of\\s+)?(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?|"
    "\\b(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?\\s+(?:in\\s+)?(?:blast crisis|blast phase|blastic phase)|\\bcml[- ](?:bp|bc)\\b",
    NULL, "CML-BP" },
  /* Only one kind of CML blast crisis: narrower than CML-BP, so no atom. */
  { K_MASK, "lymphoid|myeloid",
    "\\b(?:(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?\\s+(?:in\\s+)?)?(?:lymphoid|myeloid)\\s+(?:blast crisis|blast phase|blastic phase)"
    "(?:\\s+(?:of\\s+)?(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?)?" },
  { K_DIAG, "biphenotypic|mixed[- ]phenotype|mpal", "\\bbiphenotypic (?:acute )?leuk[a-z]*|\\bmixed[- ]phenotype acute leuk[a-z]*(?:\\s*\\(mpal\\))?|\\bmpal\\b", NULL, "MPAL" },
  { K_DIAG_PARTIAL, "mixed", "\\bmixed[- ]lineage (?:acute )?leuk[a-z]*", NULL, "MPAL" },
  { K_STATUS, "remission|cr", "\\b(?:a?chieved?|a?chieving|attained?|attaining|in)\\s+(?:an?\\s+)?(?:first\\s+|second\\s+)?(?:complete remission|complete response|cr)\\b(?:\\s*\\(cr\\))?", NULL, "CR" },
  { K_STATUS, "relaps|recurr", "(?<!at )\\b(?:relapsed?|recurrent|recurrence)\\b", NULL, "relapsed" },
  { K_STATUS, "refractory", "\\brefractory\\b", NULL, "refractory" },
  { K_CD, "cd", "(?:\\b(?:leuk[a-z]*|tumou?r|malignant|blast|original|primitive)\\s+cells?\\s+)?(?:in\\s+(?:the\\s+)?(?:bone marrow|peripheral blood|blood|marrow)"
    "(?:\\s+(?:or|and|and/or)\\s+(?:the\\s+)?(?:bone marrow|peripheral blood|blood))?\\s+)?(?:must\\s+be\\s+|should\\s+be\\s+|are\\s+|is\\s+)?"
    "(?:confirmed\\s+|documented\\s+|shown\\s+)?(?:as\\s+|to\\s+be\\s+)?\\bcd(?<cd>19|7|38)(?:\\s*\\(\\+\\)|\\s*\\+|[- ]?positiv[a-z]*|(?<neg>[- ]?negativ[a-z]*)|\\s+expression(?!\\s+of))"
    "(?:\\s+disease)?(?:\\s+(?:by|on|via)\\s+(?:multiparameter\\s+)?flow cytometry(?:\\s*\\(fcm\\))?)?"
    "(?:\\s+(?:at|on)\\s+(?:initial or relapse|initial|relapse)(?:\\s+diagnosis)?)?" },
  { K_CD, "cd", "\\b(?:(?<neg>(?:do|does|did)\\s+not\\s+)?express(?:es|ing)?|positive for|expression of)\\s+cd(?<cd>19|7|38)\\b(?![- ](?:directed|targeted|car))" },
  { K_BOOL, "mrd|residual", "\\b(?:(?:minimal|measurable) residual disease\\s*(?:\\(mrd\\))?|mrd)[- ]?\\s*negativ[a-z]*(?:\\s+in\\s+(?:the\\s+)?bone marrow)?|\\bnegative\\s+(?:for\\s+)?(?:mrd|minimal residual disease)\\b", "mrd_negative" },
  { K_NOT, "mrd|residual", "\\b(?:(?:minimal|measurable) residual disease\\s*(?:\\(mrd\\))?|mrd)[- ]?\\s*positiv[a-z]*|\\bpositive\\s+(?:for\\s+)?mrd\\b", "mrd_negative" },
  { K_BOOL, "extramedullary", "\\bextramedullary\\s+(?:relapse|disease|leuk[a-z]*|involvement|infiltration)\\b", "extramedullary_disease" },
  /* cns_disease is any active CNS disorder: CNS leukemia alone is
   * narrower (a seizure disorder would be excluded by it), so no atom. */
  { K_BOOL, "cns|central nervous", "\\b(?:active\\s+)?(?:central nervous system|cns)(?:\\s*\\(cns\\))?[- ]?(?:diseases?|disorders?|pathology)\\b(?!\\s+progression)", "cns_disease" },
  { K_MASK, "cns|central nervous", "\\b(?:active\\s+)?(?:central nervous system|cns)(?:\\s*\\(cns\\))?[- ]?(?:involvement|leuk[a-z]*|invasion|infiltration|lesions?)\\b|"
    "\\bcns[- ]?3(?:\\s+(?:disease|leuk[a-z]*))?\\b|\\bcns (?:grade|status) 3\\b" },

  /* "Relapsed or refractory B-ALL": either status; the diagnosis is read on its own. */
  { K_LEAF_INCL, "relaps|refractory|r/r",
    "\\b(?<!newly diagnosed, )(?<!newly diagnosed or )(?:(?:relapsed?|refractory)\\s*(?:or|and/or|/)\\s*(?:relapsed?|refractory)(?:\\s*\\(r/r\\))?|r\\s*/\\s*r)\\s+(?=" DIAGRE ")"
    "(?![^.;]*\\b(?:including|includes?|as well as|or (?:mrd|minimal|measurable))\\b)", "disease_status in (relapsed, refractory)" },
  /* Overt CNS leukemia, CNS-3 (>= 5 WBC/uL in the CSF with blasts, or
   * clinical signs). "CNS leukemia" or "involvement" is CNS-3 for some
   * trials and CNS-2 or 3 for others: read as CNS-3, partial. Whole
   * criteria only: any qualifier ("uncontrolled", "symptomatic",
   * "progressive") narrows it. */
  { K_LEAF_EXCL, "cns|central nervous",
    "^(?:(?:patients?|participants?|subjects?)\\s+(?:with|who have)\\s+|presence of\\s+|evidence of\\s+|history of\\s+)?(?:(?:known|active|current)\\s+)*"
    "(?:(?:central nervous system|cns)(?:\\s*\\(cns\\))?\\s+(?:leuk(?:a)?emia(?:\\s*\\(cnsl\\))?|involvement\\s+(?:by|of|with)\\s+(?:the\\s+)?leuk(?:a)?emia)|"
    "leuk(?:a)?emi(?:a|c)\\s+(?:infiltration|involvement)\\s+of\\s+the\\s+(?:central nervous system|cns)(?:\\s*\\(cns\\))?)\\s*[.;]?\\s*$", "cns_leukemia_overt", "partial" },
  { K_LEAF_EXCL, "cns",
    "^(?:(?:patients?|participants?|subjects?)\\s+with\\s+|presence of\\s+)?cns[- ]?3(?:\\s+(?:disease|leuk(?:a)?emia|status|involvement))?\\s*[.;]?\\s*$", "cns_leukemia_overt" },
};

/* Words for diseases the diagnosis variable does not name. */
static const char other_disease_pattern[] =
  "\\b(?:lymphomas?|mds|myelodysplastic|sarcoma|cml|cll|aul|apl|jmml|neoplasms?)\\b|"
  "\\b(?:undifferentiated|ambiguous lineage|promyelocytic|chronic)\\s+(?:[a-z]+\\s+)?leuk[a-z]*|"
  "\\b(?:[a-z0-9]+-(?:rearranged|r|positive|negative|like)|etp|ph[+-]?|early t-cell precursor|r/r|relapsed|refractory)\\s+all\\b|"
  "\\batll\\b";
/* What narrows a diagnosis when it follows it in an exclusion. */
static const char diagnosis_qualifier_pattern[] =
  "^[^.;]*?\\b(?:without|with(?!in)|that|which|whose|harbou?ring|carrying|who (?:have|has|had|are|were|is))\\b";
/* Words that may follow a diagnosis without qualifying it. */
static const char * const diagnosis_follow_words[] = {
  "or", "and", "and/or", "patients", "patient", "subjects", "participants", "according", "as",
  "confirmed", "diagnosed", "per", "by", "is", "are", "was", "were", "who", "in",
  NULL
};
/* Words that may stand right before a diagnosis without qualifying it. */
static const char * const diagnosis_lead_words[] = {
  "or", "and", "with", "of", "diagnosed", "diagnosis", "patients", "patient", "known", "history",
  "confirmed", "documented", "have", "has", "had", "subjects", "participants", "suffering", "from",
  "presence", "previous", "prior", "and/or", "active", "concurrent", "current", "existing", "other",
  NULL
};

typedef struct
{
  GRegex *other_disease;
  GRegex *diagnosis_qualifier;
  GRegex *cns_leukemia;
  GRegex *cns_admitted;
  GRegex *cns_narrower;
  GRegex *history;
  GRegex *malignant;
} FamilyPatterns;

static const FamilyPatterns *
disease_patterns (void)
{
  static FamilyPatterns p;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      p.other_disease = eligo_extractor_compile (other_disease_pattern);
      p.diagnosis_qualifier = eligo_extractor_compile (diagnosis_qualifier_pattern);
      p.cns_leukemia = eligo_extractor_compile ("leuk|lymphoma|blast|\\bcsf\\b|cerebrospinal|\\bcns[- ]?[123]\\b|involvement|infiltrat|invasion|relapse");
      p.cns_admitted = eligo_extractor_compile ("\\b(?:cns|central nervous system)\\b(?:\\s*\\(cns\\))?(?:[- ]?[123]\\b)?[^.;]{0,40}?"
                                                "\\b(?:relapses?|involvement|leuk[a-z]*|disease|infiltration|status|lesions?)\\b[^.;]{0,60}?"
                                                "(?<!not )\\b(?:are|is|will be|be|remain)\\s+(?:also\\s+)?(?:eligible|allowed|permitted|acceptable)\\b|"
                                                "\\bcns[- ]?[123]\\b[^.;]{0,60}?(?<!not )\\b(?:are|is|will be|be)\\s+(?:also\\s+)?"
                                                "(?:eligible|allowed|permitted|acceptable)\\b");
      p.cns_narrower = eligo_extractor_compile ("\\b(?:uncontrolled|symptomatic|neurolog[a-z]*|requiring|with signs)\\b");
      p.history = eligo_extractor_compile ("\\b(?:history|prior|previous|past)\\b");
      p.malignant = eligo_extractor_compile ("leuk|lymphom|myelom|lymphoblast|myeloid|myelodysplas|\\ball\\b|\\baml\\b|\\bmpal\\b|"
                                             "\\bmds\\b|\\bcll\\b|\\bcml\\b|blast|malignan|cancer|tumou?r|carcinom|neoplas|"
                                             "sarcom|\\bdisease\\b");
      g_once_init_leave (&initialized, 1);
    }

  return &p;
}

static const char *
diagnosis_symbol (const char *text)
{
  if (strstr (text, "myeloid") != NULL || strstr (text, "myelogenous") != NULL || g_str_has_prefix (text, "aml"))
    return "AML";
  if (text[0] == 't' || strstr (text, "acute t") != NULL)
    return "T-ALL";
  return "B-ALL";
}

/* Is the diagnosis @atom qualified by the words around it ("BCR-ABL1
 * positive AML", "relapsed or refractory AML", "therapy for AML", "AML
 * without a familial history")? */
static gboolean
diagnosis_is_qualified (Reader *reader,
                        Span   *atom)
{
  const char *text = reader->text->str;
  int top = eligo_reader_top_clause (reader, atom->clause);
  int k = atom->start - 1;
  int word_end;
  g_autofree char *word = NULL;
  g_autofree char *after = NULL;
  int e = atom->end;

  while (k >= 0 && text[k] == ' ')
    k--;
  if (k >= 0 && eligo_reader_top_clause (reader, reader->clause_of[k]) == top && strchr (",/(:;", text[k]) == NULL)
    {
      word_end = k + 1;
      while (k >= 0 && (g_ascii_isalnum (text[k]) || strchr ("-+/'", text[k]) != NULL))
        k--;
      word = g_strndup (text + k + 1, word_end - k - 1);
      if (*word != '\0' && !g_strv_contains (diagnosis_lead_words, word))
        return TRUE;
    }

  while (e < reader->len && eligo_reader_top_clause (reader, reader->clause_of[e]) == top)
    e++;
  after = g_strndup (text + atom->end, e - atom->end);
  /* "MDS/AML predisposition syndromes": the diagnosis names something else. */
  k = 0;
  while (after[k] == ' ')
    k++;
  if (g_ascii_isalpha (after[k]))
    {
      int n = k;
      g_autofree char *next = NULL;

      while (g_ascii_isalnum (after[n]) || after[n] == '/' || after[n] == '-')
        n++;
      next = g_strndup (after + k, n - k);
      if (!g_strv_contains (diagnosis_follow_words, next))
        return TRUE;
    }
  return g_regex_match (disease_patterns ()->diagnosis_qualifier, after, 0, NULL);
}

/* Is the CNS disease of @atom qualified by the word before it
 * ("degenerative CNS disease", "non-malignant CNS disease")? */
static gboolean
cns_is_qualified (Reader *reader,
                  Span   *atom)
{
  static const char * const plain[] = {
    "active", "known", "has", "have", "had", "with", "of", "or", "and", "current", "presence",
    "history", "any", "existing", "no", "without", "evidence", "patients", "subjects", "participants",
    "other", "past", "prior", "previous", "concurrent", "underlying", "from", "suffering", "diagnosed",
    NULL
  };
  const char *text = reader->text->str;
  int k = atom->start - 1;
  int word_end;
  g_autofree char *word = NULL;

  while (k >= 0 && text[k] == ' ')
    k--;
  if (k < 0 || !g_ascii_isalnum (text[k]))
    return FALSE;
  word_end = k + 1;
  while (k >= 0 && (g_ascii_isalnum (text[k]) || text[k] == '-'))
    k--;
  word = g_strndup (text + k + 1, word_end - k - 1);
  return !g_strv_contains (plain, word);
}

/* Does the parenthetical that holds @atom qualify a word that was not
 * read ("high risk MDS (>10% blasts)")? Stacked brackets are skipped. */
static gboolean
qualifies_unread_word (Reader *reader,
                       Span   *atom)
{
  const char *text = reader->text->str;
  int k = eligo_reader_clause (reader, atom->clause)->start - 1;

  for (;;)
    {
      while (k >= 0 && text[k] == ' ')
        k--;
      if (k >= 0 && (text[k] == ')' || text[k] == ']'))
        {
          int depth = 0;

          for (; k >= 0; k--)
            {
              if (text[k] == ')' || text[k] == ']')
                depth++;
              else if ((text[k] == '(' || text[k] == '[') && --depth == 0)
                break;
            }
          k--;
          continue;
        }
      break;
    }
  return k >= 0 && g_ascii_isalnum (text[k]) && !reader->covered[k];
}

static Node *
read_disease (Reader        *reader,
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
  Span *span;

  switch (m->kind)
    {
    case K_DIAG:
    case K_DIAG_PARTIAL:
      {
        g_autofree char *matched = g_match_info_fetch (info, 0);

        span = eligo_reader_add_atom (reader, start, end, order, NULL, FLAG_DIAG | (m->kind == K_DIAG_PARTIAL ? FLAG_PARTIAL : 0));
        span->symbol = g_strdup (m->aux != NULL ? m->aux : diagnosis_symbol (matched));
      }
      *done = TRUE;
      return NULL;

    case K_STATUS:
      span = eligo_reader_add_atom (reader, start, end, order, NULL, FLAG_STATUS | FLAG_INCLUSION);
      span->symbol = g_strdup (m->aux);
      *done = TRUE;
      return NULL;

    case K_DISEASE:
      {
        g_autofree char *status = eligo_match_fetch (info, "status");
        g_autofree char *cd = eligo_match_fetch (info, "cd");
        g_autofree char *diag = eligo_match_fetch (info, "diag");
        g_autofree char *d = NULL;

        if (status == NULL && cd == NULL)
          {
            *done = TRUE;
            return NULL;
          }
        *flags = FLAG_COMPOUND;
        node = eligo_node_new_group (NODE_AND);
        d = g_strdup_printf ("diagnosis == %s", diagnosis_symbol (diag));
        eligo_node_add (node, eligo_node_new_leaf (d));
        if (status != NULL)
          {
            g_autofree char *s = g_strdup_printf ("disease_status == %s", status);

            eligo_node_add (node, eligo_node_new_leaf (s));
          }
        if (cd != NULL)
          {
            g_autofree char *c = g_strdup_printf ("cd%s_positive", cd);

            eligo_node_add (node, eligo_node_new_leaf (c));
          }
      }
      break;

    case K_CD:
      {
        g_autofree char *cd = eligo_match_fetch (info, "cd");
        g_autofree char *var = g_strdup_printf ("cd%s_positive", cd);

        node = eligo_node_new_leaf (var);
        *flags = FLAG_NEGATABLE;
        if (eligo_match_has (info, "neg"))
          *flags |= FLAG_NEGATED;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return node;
}

static gboolean
check_disease (Reader *reader,
               Span   *atom)
{
      /* A status word alone is the leukemia's only where the text is about
       * it or another malignancy ("refractory chronic cluster headache"). */
      if ((atom->flags & FLAG_STATUS) && !g_regex_match (disease_patterns ()->malignant, reader->text->str, 0, NULL))
        {
          eligo_reader_drop_atom (reader, atom, "the status of another disease");
          return TRUE;
        }
      if (eligo_atom_is (atom, "cns_disease"))
        {
          /* About CNS leukemia, or narrower than any active CNS disorder. */
          int from = eligo_char_boundary (reader->text->str, reader->len, atom->start - 25);
          int to = eligo_char_boundary (reader->text->str, reader->len, atom->end + 40);
          g_autofree char *near = g_strndup (reader->text->str + from, to - from);

                  if (g_regex_match (disease_patterns ()->cns_leukemia, reader->text->str, 0, NULL)
              || (reader->kind == ELIGO_CRITERION_EXCLUSION
                  && g_regex_match (disease_patterns ()->cns_narrower, near, 0, NULL)))
            {
              eligo_reader_drop_atom (reader, atom, "CNS leukemia or a narrower CNS disorder");
              return TRUE;
            }
          /* "Degenerative", "serious", "non-malignant CNS disease": only
           * some CNS disorders, and not CNS leukemia, which cns_disease
           * also holds for. (A trial that admits CNS leukemia elsewhere is
           * handled by eligo_rule_admits_cns_leukemia().) */
          if (cns_is_qualified (reader, atom))
            {
              eligo_reader_drop_atom (reader, atom, "a qualified CNS disease");
              return TRUE;
            }
          /* "History or presence of CNS disorder": the past is not covered. */
          if (g_regex_match (disease_patterns ()->history, reader->text->str, 0, NULL))
            atom->flags |= FLAG_PARTIAL;
        }

      /* An exclusion's diagnosis with a qualifier excludes only some of it. */
      if (reader->kind == ELIGO_CRITERION_EXCLUSION && (atom->flags & (FLAG_DIAG | FLAG_COMPOUND))
          && diagnosis_is_qualified (reader, atom))
        {
          eligo_reader_drop_atom (reader, atom, "a qualified diagnosis");
          return TRUE;
        }

      /* An inclusion's diagnosis beside diseases not read: one alternative. */
      if (reader->kind == ELIGO_CRITERION_INCLUSION && (atom->flags & (FLAG_DIAG | FLAG_COMPOUND))
          && g_regex_match (disease_patterns ()->other_disease, reader->conn, 0, NULL))
        {
          eligo_reader_drop_atom (reader, atom, "one of diagnoses not all read");
          return TRUE;
        }

      /* A blast count in brackets after a disease not read belongs to it. */
      if (eligo_reader_clause (reader, atom->clause)->parent >= 0 && atom->node != NULL && atom->node->text != NULL
          && (g_str_has_prefix (atom->node->text, "bm_blasts_pct") || g_str_has_prefix (atom->node->text, "pb_blasts_pct"))
          && qualifies_unread_word (reader, atom))
        {
          eligo_reader_drop_atom (reader, atom, "a blast count of something not read");
          return TRUE;
        }
  return FALSE;
}

/**
 * eligo_rule_disease_merge:
 * @reader: the reader
 *
 * Keeps only the union of the diagnoses and statuses of inline
 * alternatives ("1) ...; 2) ..."), and merges the diagnoses of @reader
 * into one atom, its statuses into another.
 */
void
eligo_rule_disease_merge (Reader *reader)
{
  Span *diag = NULL;
  Span *status = NULL;
  gboolean status_conflict = FALSE;

  /* "1) ...; 2) ...": inline alternatives. Only the union of their
   * diagnoses and statuses is necessary, and only if every one was read. */
  if (reader->kind == ELIGO_CRITERION_INCLUSION
      && ELIGO_MATCH_ONCE ("(?:^|[\\s;:.,])(?:\\d|[a-h])\\)\\s.*(?:[\\s;:.,])(?:\\d|[a-h])\\)\\s", reader->text->str, G_REGEX_DOTALL))
    {
      gboolean lost = FALSE;

      for (guint i = 0; i < reader->atoms->len; i++)
        {
          Span *atom = g_ptr_array_index (reader->atoms, i);

          if (!(atom->flags & (FLAG_DIAG | FLAG_STATUS)))
            {
              if (atom->flags & FLAG_COMPOUND)
                lost = TRUE;
              eligo_reader_drop_atom (reader, atom, "one of inline alternatives");
            }
        }
      if (lost)
        for (guint i = 0; i < reader->atoms->len; i++)
          eligo_reader_drop_atom (reader, g_ptr_array_index (reader->atoms, i), "alternatives not all read");
    }

  /* Diagnoses merge into one list, statuses into one set. */
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if (atom->flags & FLAG_DROPPED)
        continue;
      if (atom->flags & FLAG_DIAG)
        {
          if (diag == NULL)
            {
              diag = atom;
              diag->node = eligo_node_new_group (NODE_OR);
            }
          else
            {
              atom->flags |= FLAG_DROPPED;
              atom->merged = diag;
              diag->flags |= atom->flags & FLAG_PARTIAL;
            }
          if (!eligo_node_contains_leaf (diag->node, atom->symbol))
            g_ptr_array_add (diag->node->children, eligo_node_new_leaf (atom->symbol));
        }
      else if (atom->flags & FLAG_STATUS)
        {
          if (status == NULL)
            {
              status = atom;
              status->node = eligo_node_new_group (NODE_OR);
            }
          else
            {
              atom->flags |= FLAG_DROPPED;
              atom->merged = status;
            }
          if (!eligo_node_contains_leaf (status->node, atom->symbol))
            g_ptr_array_add (status->node->children, eligo_node_new_leaf (atom->symbol));
        }
    }
  if (diag != NULL)
    {
      GString *text = g_string_new ("diagnosis ");

      if (diag->node->children->len == 1)
        g_string_append_printf (text, "== %s", ((Node *) g_ptr_array_index (diag->node->children, 0))->text);
      else
        {
          g_string_append (text, "in (");
          for (guint i = 0; i < diag->node->children->len; i++)
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", ((Node *) g_ptr_array_index (diag->node->children, i))->text);
          g_string_append_c (text, ')');
        }
      eligo_node_free (diag->node);
      diag->node = eligo_node_new_leaf (text->str);
      g_string_free (text, TRUE);
    }
  if (status != NULL)
    {
      static const char * const order[] = { "newly_diagnosed", "CR", "relapsed", "refractory", NULL };
      g_autoptr(GPtrArray) symbols = g_ptr_array_new ();
      GString *text = g_string_new ("disease_status ");

      for (guint k = 0; order[k] != NULL; k++)
        if (eligo_node_contains_leaf (status->node, order[k]))
          g_ptr_array_add (symbols, (gpointer) order[k]);
      status_conflict = eligo_node_contains_leaf (status->node, "CR") && symbols->len > 1;
      /* "not achieving a CR after salvage": the patient may be refractory now. */
      for (guint i = 0; i < reader->atoms->len && !status_conflict; i++)
        {
          Span *atom = g_ptr_array_index (reader->atoms, i);

          if ((atom->flags & FLAG_STATUS) && atom->symbol != NULL && strcmp (atom->symbol, "CR") == 0
              && (atom->flags & FLAG_DROPPED) && atom != status
              && !eligo_node_contains_leaf (status->node, "refractory"))
            status_conflict = TRUE;
        }
      if (symbols->len == 1)
        g_string_append_printf (text, "== %s", (const char *) g_ptr_array_index (symbols, 0));
      else
        {
          g_string_append (text, "in (");
          for (guint i = 0; i < symbols->len; i++)
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (symbols, i));
          g_string_append_c (text, ')');
        }
      eligo_node_free (status->node);
      status->node = eligo_node_new_leaf (text->str);
      g_string_free (text, TRUE);
      if (status_conflict)
        eligo_reader_drop_atom (reader, status, "remission and relapse together");
    }
}

/**
 * eligo_rule_admits_cns_leukemia:
 * @text: a criterion's text
 *
 * Whether the criterion admits patients with CNS leukemia ("Patients with
 * isolated, asymptomatic CNS relapse will be eligible", "CNS-2 disease is
 * allowed"). cns_disease also holds for CNS leukemia, so a trial that
 * admits it means a neurological disorder when it excludes "any CNS
 * disorder such as seizures": the caller gives such exclusions no rule.
 *
 * Returns: %TRUE if it does
 */
gboolean
eligo_rule_admits_cns_leukemia (const char *text)
{
  g_autoptr(GString) norm = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  norm = g_string_new (NULL);
  eligo_extractor_normalize (text, norm);
  /* The pattern needs both a CNS word and one that admits. */
  if (!eligo_extractor_may_contain (norm->str, "cns|central nervous system")
      || !eligo_extractor_may_contain (norm->str, "eligible|allowed|permitted|acceptable"))
    return FALSE;
  return g_regex_match (disease_patterns ()->cns_admitted, norm->str, 0, NULL);
}

const EligoFamily eligo_rule_family_disease = {
  "disease and antigens", matchers, G_N_ELEMENTS (matchers), read_disease, check_disease,
};
