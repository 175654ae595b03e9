/* eligo-criteria-splitter.c
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

#define G_LOG_DOMAIN "eligo-criteria-splitter"

#include "config.h"

#include <string.h>

#include "eligo-criteria-splitter.h"

/*
 * The registry's eligibility text is Markdown as written by its own
 * converter: paragraphs and list items are separated by blank lines, nested
 * items and continuation paragraphs are indented, and characters that would
 * be Markdown syntax are backslash-escaped. The splitter reads it line by
 * line:
 *
 *  - A header ("Inclusion Criteria:", "Key Exclusion Criteria", "Donor
 *    Inclusion Criteria (recipient)"...) starts a section, which sets the
 *    kind and the subject of what follows. Text on the header's line after
 *    its colon is read as a line of its own.
 *  - An item starts with a bullet (* - + • · o, also backslash-escaped) or
 *    an ordinal (1. 1) (1) a. a) (a) A. i. ii) (iv) I. ...). Its parent is
 *    the open item with less indentation, or, at the same indentation, an
 *    open item of another style when the new item starts a list (1, a, i)
 *    under an ordered item, or when the open item ends with ':'.
 *  - A line that is neither is a continuation of the deepest open item it
 *    is indented under, or of an open item ending with ':' that has no
 *    children yet. Otherwise it stands at section level: a line ending with
 *    ':' (or a short title followed by a list) is a sub-group header that
 *    becomes the context of what follows; anything else is a criterion of
 *    its own, one per paragraph.
 *  - An item ending with ':' that has children is a lead-in: it is not a
 *    criterion and its text becomes the children's context. A generic
 *    lead-in ("A patient must meet all of the following to be enrolled:"),
 *    made only of words about eligibility itself, is dropped altogether.
 *  - Bullets that carry their own ordinal ("* i. ALL in CR1") after a
 *    bullet ending with ':' ("* ... This includes:") are its list: they
 *    stay criteria of their own, as does the lead-in, and its text becomes
 *    their context.
 *  - A line that opens with a footnote marker ("** A history of hepatitis B
 *    is permitted if ...") is the note of the items of the section that end
 *    with that marker, and is added to each of them.
 */

typedef enum
{
  STYLE_NONE,
  STYLE_BULLET,
  STYLE_DECIMAL,
  STYLE_LOWER_ALPHA,
  STYLE_UPPER_ALPHA,
  STYLE_LOWER_ROMAN,
  STYLE_UPPER_ROMAN,
} StyleType;

typedef struct
{
  StyleType type;
  gunichar  symbol;        /* the bullet, or '.' ')' '(' after an ordinal */
  int       ordinal;
  int       alpha_ordinal; /* a single letter that also reads as a roman numeral */
  int       indent;
  int       content;
} Marker;

typedef struct
{
  GString               *text;
  int                    parent;
  char                  *group;
  char                  *section;
  char                  *scope;
  EligoCriterionKind     kind;
  EligoCriterionSubject  subject;
  EligoCriterionSubject  child_subject;
  guint                  n_children;
  guint                  n_lines;
  int                    lead;            /* a sibling lead-in whose list this item is in, or -1 */
  gboolean               own_ordinal;     /* "* i. ...": a bullet with an ordinal of its own */
} Node;

typedef struct
{
  int   indent;
  char *text;
} Line;

typedef struct
{
  int    node;
  Marker marker;
} Open;

typedef struct
{
  GArray                *nodes;
  GArray                *stack;
  GPtrArray             *dropped;
  EligoCriterionKind     kind;
  EligoCriterionSubject  section_subject;
  EligoCriterionSubject  subject;
  char                  *section;
  char                  *group;
  gboolean               group_used;
  char                  *scope;    /* "Cohort 1" standing over the headers that follow */
  char                  *scoped_section;  /* the section is_scoped_header() last read */
  gboolean               scoped;          /* and what it said */
} Parser;

static const char *generic_words[] = {
  "a", "according", "additional", "all", "also", "an", "and", "any", "are", "at", "be", "below",
  "candidate", "candidates", "condition", "conditions", "criteria", "criterion", "do", "does",
  "each", "eligibility", "eligible", "enrol", "enroll", "enrolled", "enrollment", "enrolment",
  "entry", "excluded", "exclusion", "following", "for", "fulfil", "fulfill", "fulfills", "has",
  "have", "if", "in", "included", "inclusion", "individual", "individuals", "is", "least", "listed",
  "meet", "meets", "met", "must", "not", "of", "one", "or", "order", "participant",
  "participants", "participate", "participation", "patient", "patients", "prospective",
  "randomisation", "randomization", "registration", "requirements", "satisfy", "screening",
  "should", "study", "subject", "subjects", "the", "these", "this", "to", "trial", "who", "will",
  "with", "you", "from", "into", "per", "self", "report", "as", "apply", "applies", "required",
};

static const char *generic_anchor_words[] = {
  "patient", "patients", "participant", "participants", "subject", "subjects", "candidate",
  "candidates", "individual", "individuals", "eligible", "enrolled", "excluded", "included",
  "you",
};

static const char *generic_verb_words[] = {
  "must", "meet", "meets", "met", "fulfil", "fulfill", "fulfills", "satisfy", "should", "will",
  "are", "is", "have", "has",
};

/* Words that make a lead-in a choice ("one of the following"), which in an
 * inclusion section is part of the criteria. */
static const char *generic_choice_words[] = { "one", "any", "least", "either" };

static const char *donor_words[] = { "donor", "donors", NULL };

static const char *other_words[] = {
  "caregiver", "caregivers", "carer", "carers", "parent", "parents", "partner", "partners",
  "sibling", "siblings", "volunteer", "volunteers", "control", "controls", "family", "families",
  "relative", "relatives", "spouse", "spouses", "guardian", "guardians", "paramedic",
  "paramedics", NULL,
};

static const char *patient_words[] = {
  "patient", "patients", "recipient", "recipients", "case", "cases", NULL,
};

static const char *header_blacklist[] = {
  "meet", "meets", "met", "meeting", "not", "fulfil", "fulfill", "fulfills", "satisfy",
  "satisfies", "see", "per", "note", "any", "all", "whose", "which", "with", "no", NULL,
};

static int
utf8_indent (const char  *line,
             const char **start)
{
  int indent = 0;
  const char *p = line;

  for (;;)
    {
      if (*p == ' ')
        indent++, p++;
      else if (*p == '\t')
        indent += 4, p++;
      else if ((guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
        indent++, p += 2;
      else if ((guchar) p[0] == 0xe3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
        indent += 2, p += 3;
      else
        break;
    }

  *start = p;
  return indent;
}

static void
rstrip (char *s)
{
  gsize len = strlen (s);

  while (len > 0)
    {
      guchar c = (guchar) s[len - 1];

      if (c == ' ' || c == '\t' || c == '\r')
        len--;
      else if (len >= 2 && (guchar) s[len - 2] == 0xc2 && c == 0xa0)
        len -= 2;
      else
        break;
    }
  s[len] = '\0';
}

static gboolean
ends_with_colon (const char *text)
{
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '*'))
    len--;

  if (len > 0 && text[len - 1] == ':')
    return TRUE;

  /* A fullwidth colon, as in some Chinese-English records. */
  return len >= 3 && memcmp (text + len - 3, "\xef\xbc\x9a", 3) == 0;
}

/* Lower-case alphanumeric words of @text, for matching word lists. */
static char **
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();
  GString *word = g_string_new (NULL);
  const char *p;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

static gboolean
word_in (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; n > 0 ? i < n : list[i] != NULL; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
any_word_in (char * const       *words,
             const char * const *list)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (word_in (words[i], list, 0))
      return TRUE;

  return FALSE;
}

static EligoCriterionSubject
subject_from_text (const char            *text,
                   EligoCriterionSubject  fallback)
{
  g_auto(GStrv) words = split_words (text);
  gboolean patient = any_word_in (words, patient_words);

  /* "Healthy volunteers", "healthy controls" and "healthy subjects" name another
   * population; "volunteer" alone in a patient header does not. */
  if (!patient && any_word_in (words, donor_words))
    return ELIGO_SUBJECT_DONOR;
  if (!patient && any_word_in (words, other_words))
    return ELIGO_SUBJECT_OTHER;
  if (!patient)
    {
      for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
        if (strcmp (words[i], "healthy") == 0)
          return ELIGO_SUBJECT_OTHER;
    }
  if (patient)
    return ELIGO_SUBJECT_PATIENT;

  return fallback;
}

static guint
count_words (const char *text,
             gsize       len)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (gsize i = 0; i < len && text[i] != '\0'; i++)
    {
      gboolean space = text[i] == ' ' || text[i] == '\t';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* A lead-in made only of words about eligibility, such as "A patient must meet
 * all of the following to be enrolled:" or "Participant must:". */
static gboolean
is_generic_leadin (const char         *text,
                   EligoCriterionKind  kind)
{
  g_auto(GStrv) words = NULL;
  gboolean anchored = FALSE;
  gboolean verb = FALSE;

  if (!ends_with_colon (text) || strlen (text) > 200)
    return FALSE;

  words = split_words (text);
  if (words[0] == NULL)
    return FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!word_in (words[i], generic_words, G_N_ELEMENTS (generic_words)))
        return FALSE;
      if (word_in (words[i], generic_anchor_words, G_N_ELEMENTS (generic_anchor_words)))
        anchored = TRUE;
      if (word_in (words[i], generic_verb_words, G_N_ELEMENTS (generic_verb_words)))
        verb = TRUE;
      if (kind == ELIGO_CRITERION_INCLUSION &&
          word_in (words[i], generic_choice_words, G_N_ELEMENTS (generic_choice_words)))
        return FALSE;
    }

  return anchored && verb;
}

/* A lead-in that is nothing but a lead-in: one line, one sentence, ending
 * with ':' ("Adequate organ function, defined as:"). */
static gboolean
is_pure_leadin (const char *text)
{
  if (!ends_with_colon (text) || strchr (text, '\n') != NULL || strchr (text, ';') != NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (p[0] == '.' && p[1] == ' ' && g_ascii_isupper (p[2]))
      return FALSE;

  return TRUE;
}

static gboolean
is_conjunction (const char *text)
{
  const char *words[] = { "or", "and", "and/or", "or:", "and:", "and/or:", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_separator (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (strchr ("-_*=~\\. #", *p) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
is_word_start (const char *base,
               const char *p)
{
  return p == base || !g_ascii_isalnum (p[-1]);
}

/* Strips Markdown heading marks and bold markers around a header. */
static char *
clean_header (const char *text,
              gsize       len)
{
  GString *s = g_string_new (NULL);
  const char *p = text;
  const char *end = text + len;

  while (p < end && (*p == '#' || *p == ' '))
    p++;

  for (; p < end; p++)
    {
      if ((p[0] == '*' && p + 1 < end && p[1] == '*') ||
          (p[0] == '_' && p + 1 < end && p[1] == '_'))
        {
          p++;
          continue;
        }
      g_string_append_c (s, *p);
    }

  while (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  while (s->len > 0 && s->str[0] == ' ')
    g_string_erase (s, 0, 1);

  return g_string_free (s, FALSE);
}

/*
 * Whether @line is a section header. @strict is for the content of a bullet
 * ("* Inclusion Criteria:"), where only the plain forms count. On success,
 * @rest points to what follows the header on the same line.
 */
/* Whether @text holds @word (in lower case, opening with a letter),
 * ignoring ASCII case. */
static gboolean
ascii_contains_nocase (const char *text,
                       const char *word)
{
  gsize n = strlen (word);

  for (const char *s = text; *s != '\0'; s++)
    if ((*s | 0x20) == word[0] && g_ascii_strncasecmp (s, word, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
match_header (const char          *line,
              gboolean             strict,
              EligoCriterionKind  *kind,
              char               **section,
              const char         **rest)
{
  g_autofree char *lower = NULL;
  const char *p = line;
  const char *l;
  const char *kw = NULL;
  const char *q;
  const char *header_end;
  const char *after;
  gboolean criteria = FALSE;
  gboolean eligibility = FALSE;
  guint prefix_words;

  while (*p == '#' || *p == ' ' || *p == '*' || *p == '_')
    p++;

  /* Most lines have none of the keywords: spare them the copy. */
  if (!ascii_contains_nocase (p, "clusion") && !ascii_contains_nocase (p, "eligibility criteria"))
    return FALSE;
  lower = g_ascii_strdown (p, -1);

  for (l = lower; *l != '\0'; l++)
    {
      if (!is_word_start (lower, l))
        continue;
      if (g_str_has_prefix (l, "inclusion") || g_str_has_prefix (l, "exclusion"))
        {
          kw = l;
          break;
        }
    }

  if (kw == NULL)
    {
      for (l = lower; *l != '\0'; l++)
        if (is_word_start (lower, l) && g_str_has_prefix (l, "eligibility criteria"))
          {
            kw = l;
            eligibility = TRUE;
            break;
          }
    }

  if (kw == NULL)
    return FALSE;

  /* The words before the keyword: a few qualifiers ("Key", "Donor", "Patient"). */
  prefix_words = count_words (lower, kw - lower);
  if (prefix_words > (strict ? 2u : 5u))
    return FALSE;
  if (memchr (lower, ':', kw - lower) != NULL)
    return FALSE;
  if (prefix_words > 0)
    {
      g_autofree char *prefix = g_strndup (lower, kw - lower);
      g_auto(GStrv) words = split_words (prefix);

      for (guint i = 0; words[i] != NULL; i++)
        if (word_in (words[i], header_blacklist, 0))
          return FALSE;
    }

  if (eligibility)
    {
      q = kw + strlen ("eligibility criteria");
      criteria = TRUE;
    }
  else
    {
      q = kw + strlen ("inclusion");
      if (*q == 's')
        q++;
      if (g_ascii_isalnum (*q))
        return FALSE;
      after = q;
      while (*after == ' ')
        after++;
      if (g_str_has_prefix (after, "criteria") || g_str_has_prefix (after, "criterion"))
        {
          q = after + strlen ("criteria");
          criteria = TRUE;
          if (g_ascii_isalnum (*q))
            return FALSE;
        }
    }

  after = q;
  while (*after == ' ' || *after == '*' || *after == '_')
    after++;

  if (*after == ':' || *after == '\0' ||
      (g_str_has_prefix (after, "\xef\xbc\x9a")))
    {
      header_end = after;
      if (*after != '\0')
        after += *after == ':' ? 1 : 3;
    }
  else if (*after == '.' && (after[1] == ' ' || after[1] == '\0') && (!strict || after[1] == '\0'))
    {
      header_end = after;
      after += 1;
    }
  else if (!strict && criteria && !eligibility &&
           (*after == '(' || g_str_has_prefix (after, "for ") ||
            g_str_has_prefix (after, "prior ") || g_str_has_prefix (after, "in ") ||
            g_str_has_prefix (after, "of ") || g_str_has_prefix (after, "at ")))
    {
      const char *colon = strchr (after, ':');

      if (colon != NULL)
        {
          header_end = colon;
          after = colon + 1;
        }
      else
        {
          header_end = after + strlen (after);
          after = header_end;
        }
      if (count_words (lower, header_end - lower) > 14)
        return FALSE;
    }
  else
    return FALSE;

  if (kind != NULL)
    *kind = (!eligibility && kw[0] == 'e') ? ELIGO_CRITERION_EXCLUSION : ELIGO_CRITERION_INCLUSION;

  if (section != NULL)
    {
      gsize len = header_end - lower;

      if (*header_end == ':')
        len++;
      else if (g_str_has_prefix (header_end, "\xef\xbc\x9a"))
        len += 3;
      *section = clean_header (p, len);
    }

  if (rest != NULL)
    {
      const char *r = p + (after - lower);

      while (*r == ' ' || *r == '*' || *r == '_')
        r++;
      *rest = r;
    }

  return TRUE;
}

static int
roman_value (const char *s,
             gsize       len)
{
  int total = 0;
  int prev = 0;

  for (gsize i = len; i > 0; i--)
    {
      int v;

      switch (g_ascii_tolower (s[i - 1]))
        {
        case 'i': v = 1; break;
        case 'v': v = 5; break;
        case 'x': v = 10; break;
        case 'l': v = 50; break;
        default: return 0;
        }
      if (v < prev)
        total -= v;
      else
        {
          total += v;
          prev = v;
        }
    }

  return total;
}

static gboolean
is_bullet_char (gunichar c)
{
  return c == '*' || c == '-' || c == '+' || c == 0x2022 || c == 0x00b7 || c == 0x25aa ||
         c == 0x25cf || c == 0x25e6 || c == 0x27a2 || c == 0x25ba || c == 0x2013;
}

/*
 * Parses a list marker at the start of @s. The ordinal of a single letter
 * that is also a roman numeral (i, v, x) is resolved later against the list
 * it continues.
 */
static gboolean
parse_marker (const char  *s,
              int          indent,
              Marker      *m,
              const char **content)
{
  const char *p = s;
  const char *start;
  gboolean paren = FALSE;
  gsize len;
  gunichar c = g_utf8_get_char (s);
  const char *next = g_utf8_next_char (s);
  gunichar punct;

  memset (m, 0, sizeof *m);
  m->indent = indent;

  if (s[0] == '\\' && (s[1] == '*' || s[1] == '-' || s[1] == '+') && (s[2] == ' ' || s[2] == '\t'))
    {
      m->type = STYLE_BULLET;
      m->symbol = (gunichar) s[1];
      p = s + 3;
    }
  else if ((c == '*' || c == '-' || c == '+' || c == 0x2013) &&
           (next[0] == ' ' || next[0] == '\t' || next[0] == '\0'))
    {
      m->type = STYLE_BULLET;
      m->symbol = c;
      p = next;
    }
  else if (c != '*' && c != '-' && c != '+' && c != 0x2013 && is_bullet_char (c))
    {
      m->type = STYLE_BULLET;
      m->symbol = c;
      p = next;
    }
  else if (s[0] == 'o' && (s[1] == ' ' || s[1] == '\t'))
    {
      m->type = STYLE_BULLET;
      m->symbol = 'o';
      p = s + 1;
    }
  else
    {
      if (*p == '(')
        {
          paren = TRUE;
          p++;
        }
      start = p;
      while (g_ascii_isalnum (*p) && p - start < 6)
        p++;
      len = p - start;
      if (len == 0)
        return FALSE;

      if (paren)
        {
          if (*p != ')')
            return FALSE;
          punct = '(';
        }
      else if (*p == '.' || *p == ')')
        punct = (gunichar) *p;
      else
        return FALSE;
      p++;

      if (g_ascii_isdigit (start[0]))
        {
          for (gsize i = 0; i < len; i++)
            if (!g_ascii_isdigit (start[i]))
              return FALSE;
          if (len > 3)
            return FALSE;
          /* "2.Patients" is an item; "1.18 years" and "2.5 mg" are not. */
          if (*p != '\0' && *p != ' ' && *p != '\t' &&
              (punct != '.' || !g_ascii_isalpha (*p)))
            return FALSE;
          m->type = STYLE_DECIMAL;
          m->ordinal = (int) g_ascii_strtoll (start, NULL, 10);
        }
      else
        {
          gboolean lower = g_ascii_islower (start[0]);
          int roman;

          if (*p != '\0' && *p != ' ' && *p != '\t')
            return FALSE;
          for (gsize i = 0; i < len; i++)
            if (!g_ascii_isalpha (start[i]) || g_ascii_islower (start[i]) != lower)
              return FALSE;

          roman = roman_value (start, len);
          if (len == 1)
            {
              m->type = lower ? STYLE_LOWER_ALPHA : STYLE_UPPER_ALPHA;
              m->ordinal = g_ascii_tolower (start[0]) - 'a' + 1;
              if (roman > 0 && g_ascii_tolower (start[0]) != 'l')
                {
                  m->alpha_ordinal = m->ordinal;
                  m->type = lower ? STYLE_LOWER_ROMAN : STYLE_UPPER_ROMAN;
                  m->ordinal = roman;
                }
            }
          else if (roman > 0 && len <= 5)
            {
              m->type = lower ? STYLE_LOWER_ROMAN : STYLE_UPPER_ROMAN;
              m->ordinal = roman;
            }
          else
            return FALSE;
        }
      m->symbol = punct;
    }

  while (*p == ' ' || *p == '\t')
    p++;

  m->content = indent + (int) g_utf8_strlen (s, p - s);
  *content = p;
  return TRUE;
}

static gboolean
same_style (const Marker *a,
            const Marker *b)
{
  return a->type == b->type && a->symbol == b->symbol;
}

static gboolean
is_ordered (const Marker *m)
{
  return m->type != STYLE_NONE && m->type != STYLE_BULLET;
}

static Node *
node_at (Parser *parser,
         int     index)
{
  return &g_array_index (parser->nodes, Node, index);
}

static Open *
stack_top (Parser *parser)
{
  if (parser->stack->len == 0)
    return NULL;

  return &g_array_index (parser->stack, Open, parser->stack->len - 1);
}

static void
stack_pop (Parser *parser)
{
  g_array_set_size (parser->stack, parser->stack->len - 1);
}

static void
append_line (Node       *node,
             const char *text)
{
  if (node->text->len > 0)
    g_string_append_c (node->text, '\n');
  g_string_append (node->text, text);
  node->n_lines++;
}

/* A header that names part of the trial ("Inclusion criteria for
 * participation in R2", "Exclusion criteria for biomarkers substudy"). */
static gboolean
is_scoped_header (const char *section)
{
  static GRegex *scoped, *for_all;

  if (section == NULL)
    return FALSE;

  /* Compiled once: this runs for every criterion of every trial imported. */
  if (g_once_init_enter (&scoped))
    {
      for_all = g_regex_new ("\\bfor all\\b", G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&scoped,
                         g_regex_new ("\\b(?:cohorts?|arms?|sub-?stud(?:y|ies)|dose[- ](?:finding|escalation|expansion)|"
                                      "expansion|participation in|part\\s+[a-z0-9]{1,2}\\b|group\\s+[a-z0-9]{1,2}\\b|"
                                      "phase\\s+(?:1|2|i|ii)[ab]?\\b|r[1-9]\\b)",
                                      G_REGEX_CASELESS, 0, NULL));
    }

  return g_regex_match (scoped, section, 0, NULL) && !g_regex_match (for_all, section, 0, NULL);
}

/* A title line that names a cohort, arm or part: "Cohort 1", "Part B". */
static gboolean
is_scope_title (const char *text)
{
  static GRegex *title;

  if (strlen (text) > 40)
    return FALSE;

  if (g_once_init_enter (&title))
    g_once_init_leave (&title,
                       g_regex_new ("^\\s*(?:cohort|part|arm|group|stratum|sub-?study)\\s+[a-z0-9]{1,3}"
                                    "(?:\\s*(?:and|&|,|to|-)\\s*[a-z0-9]{1,3})*\\s*:?\\s*$",
                                    G_REGEX_CASELESS, 0, NULL));

  return g_regex_match (title, text, 0, NULL);
}

/* What the criteria that follow are limited to: the cohort title, then a
 * scoped header. They read it as part of their context. */
static char *
scope_of (Parser *parser)
{
  const char *section = NULL;

  /* Every criterion under a header asks about the same header. */
  if (g_strcmp0 (parser->section, parser->scoped_section) != 0 || parser->section == NULL)
    {
      g_free (parser->scoped_section);
      parser->scoped_section = g_strdup (parser->section);
      parser->scoped = is_scoped_header (parser->section);
    }
  if (parser->scoped)
    section = parser->section;

  if (parser->scope != NULL && section != NULL)
    return g_strconcat (parser->scope, "\n", section, NULL);
  if (parser->scope != NULL)
    return g_strdup (parser->scope);
  return g_strdup (section);
}

static int
add_node (Parser     *parser,
          int         parent,
          const char *text)
{
  Node node = { 0 };

  node.text = g_string_new (NULL);
  node.parent = parent;
  node.lead = -1;
  node.group = g_strdup (parser->group);
  node.section = g_strdup (parser->section);
  node.scope = scope_of (parser);
  node.kind = parser->kind;
  node.subject = parser->subject;

  if (parent >= 0)
    {
      Node *p = node_at (parser, parent);

      node.kind = p->kind;
      node.subject = p->child_subject;
      p->n_children++;
    }

  node.child_subject = node.subject;
  if (text[0] != '\0')
    append_line (&node, text);
  node.n_lines = 0;

  /* A short lead-in such as "Donor:" names whom its children are about. */
  if (ends_with_colon (text) && count_words (text, strlen (text)) <= 4)
    node.child_subject = subject_from_text (text, node.subject);

  g_array_append_val (parser->nodes, node);
  parser->group_used = TRUE;
  return (int) parser->nodes->len - 1;
}

static void
flush_group (Parser *parser)
{
  /* A sub-group header that nothing followed is kept as a criterion. */
  if (parser->group != NULL && !parser->group_used)
    {
      g_autofree char *text = g_steal_pointer (&parser->group);

      add_node (parser, -1, text);
    }

  g_clear_pointer (&parser->group, g_free);
  parser->subject = parser->section_subject;
}

static void
close_section (Parser *parser)
{
  g_array_set_size (parser->stack, 0);
  flush_group (parser);
}

static void
set_group (Parser     *parser,
           const char *text)
{
  g_autofree char *outer = NULL;

  /* "Eligible diagnoses:" right over "AML with at least one of the following:". */
  if (parser->group != NULL && !parser->group_used)
    outer = g_steal_pointer (&parser->group);

  close_section (parser);
  parser->group = outer != NULL ? g_strconcat (outer, "\n", text, NULL) : g_strdup (text);
  parser->group_used = FALSE;
  if (count_words (text, strlen (text)) <= 4)
    parser->subject = subject_from_text (text, parser->section_subject);
}

static void
add_item (Parser       *parser,
          Marker       *m,
          const char   *content)
{
  Open *top;
  Open open;
  int parent = -1;
  int sibling = -1;
  gboolean own_ordinal = FALSE;
  Marker inner;
  const char *inner_content;

  while ((top = stack_top (parser)) != NULL && top->marker.indent > m->indent)
    stack_pop (parser);

  /* i, v and x continue a lettered list when they follow h, u and w. */
  if (m->alpha_ordinal > 0)
    {
      for (int i = (int) parser->stack->len - 1; i >= 0; i--)
        {
          Open *o = &g_array_index (parser->stack, Open, i);

          if (o->marker.indent != m->indent)
            continue;
          if ((o->marker.type == STYLE_LOWER_ALPHA || o->marker.type == STYLE_UPPER_ALPHA) &&
              o->marker.symbol == m->symbol && o->marker.ordinal + 1 == m->alpha_ordinal &&
              (o->marker.type == STYLE_LOWER_ALPHA) == (m->type == STYLE_LOWER_ROMAN))
            {
              m->type = o->marker.type;
              m->ordinal = m->alpha_ordinal;
            }
          break;
        }
    }

  top = stack_top (parser);
  if (top != NULL && top->marker.indent == m->indent)
    {
      int ancestor = -1;

      if (same_style (&top->marker, m))
        sibling = top->node;

      for (int i = (int) parser->stack->len - 1; i >= 0; i--)
        {
          Open *o = &g_array_index (parser->stack, Open, i);

          if (o->marker.indent == m->indent && same_style (&o->marker, m))
            {
              ancestor = i;
              break;
            }
        }

      if (ancestor >= 0)
        g_array_set_size (parser->stack, ancestor);
      else
        {
          Node *node = node_at (parser, top->node);
          gboolean starts = m->type == STYLE_BULLET || m->ordinal == 1;

          if (!((is_ordered (m) && starts && is_ordered (&top->marker)) ||
                (starts && ends_with_colon (node->text->str))))
            stack_pop (parser);
        }
    }
  else if (top != NULL && same_style (&top->marker, m) && is_ordered (m) &&
           top->marker.ordinal + 1 == m->ordinal && m->indent < top->marker.content)
    {
      /* A sibling that drifted by a space or two. */
      stack_pop (parser);
    }
  else if (top != NULL && is_ordered (m) && m->ordinal > 1)
    {
      /* "10. Patients must have one of the following:", its bullets, then
       * "  11. ..." drifted right: the next item of the outer list, not
       * an item of the last bullet. */
      for (int i = (int) parser->stack->len - 1; i >= 0; i--)
        {
          Open *o = &g_array_index (parser->stack, Open, i);

          if (!same_style (&o->marker, m))
            continue;
          if (o->marker.ordinal + 1 == m->ordinal && m->indent > o->marker.indent &&
              m->indent < o->marker.content)
            {
              sibling = o->node;
              g_array_set_size (parser->stack, i);
            }
          break;
        }
    }

  top = stack_top (parser);
  if (top != NULL)
    parent = top->node;

  open.node = add_node (parser, parent, content);
  open.marker = *m;
  g_array_append_val (parser->stack, open);

  /* "* Diagnosis of high-risk malignancy. This includes:" then "* i. ...",
   * "* ii. ...": the list of the bullet before. */
  if (m->type == STYLE_BULLET && parse_marker (content, 0, &inner, &inner_content) && is_ordered (&inner))
    own_ordinal = TRUE;
  node_at (parser, open.node)->own_ordinal = own_ordinal;
  if (own_ordinal && sibling >= 0)
    {
      Node *prev = node_at (parser, sibling);

      if (!prev->own_ordinal && ends_with_colon (prev->text->str))
        node_at (parser, open.node)->lead = sibling;
      else if (prev->own_ordinal)
        node_at (parser, open.node)->lead = prev->lead;
    }
}

static gboolean
next_is_item (Line  *lines,
              guint  n_lines,
              guint  i)
{
  Marker m;
  const char *content;

  for (i++; i < n_lines; i++)
    {
      if (lines[i].text[0] == '\0')
        continue;
      return parse_marker (lines[i].text, lines[i].indent, &m, &content);
    }

  return FALSE;
}

/* A short title such as "Cohort 2" or "Healthy Controls" over a list. */
static gboolean
is_title (const char *text)
{
  gsize len = strlen (text);
  gboolean letters = FALSE;

  if (len == 0 || strchr (".;,!?", text[len - 1]) != NULL)
    return FALSE;
  if (count_words (text, len) > 6)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      letters = TRUE;

  return letters;
}

static void
add_text (Parser     *parser,
          Line       *lines,
          guint       n_lines,
          guint       index)
{
  const char *text = lines[index].text;
  int indent = lines[index].indent;
  Open open = { 0 };
  Open *top;

  if (is_conjunction (text) && parser->nodes->len > 0)
    {
      append_line (node_at (parser, parser->nodes->len - 1), text);
      return;
    }

  /* The deepest open item this line is indented under. */
  for (int i = (int) parser->stack->len - 1; i >= 0; i--)
    {
      Open *o = &g_array_index (parser->stack, Open, i);

      if (o->marker.indent < indent)
        {
          g_array_set_size (parser->stack, i + 1);
          append_line (node_at (parser, o->node), text);
          return;
        }
    }

  /* The body of a lead-in that has no items of its own. */
  top = stack_top (parser);
  if (top != NULL && top->marker.type != STYLE_NONE)
    {
      Node *node = node_at (parser, top->node);

      if (node->n_children == 0 && ends_with_colon (node->text->str))
        {
          append_line (node, text);
          return;
        }
    }

  /* "Cohort 1" over the headers of that cohort's own criteria: it stays a
   * criterion of its own (the ids do not move) and scopes what follows. */
  if (is_scope_title (text) && !next_is_item (lines, n_lines, index))
    {
      close_section (parser);
      g_free (parser->scope);
      parser->scope = g_strdup (text);
    }

  if (ends_with_colon (text) || (is_title (text) && next_is_item (lines, n_lines, index)))
    {
      if (is_generic_leadin (text, parser->kind))
        {
          close_section (parser);
          g_ptr_array_add (parser->dropped, g_strdup (text));
        }
      else
        set_group (parser, text);
      return;
    }

  /* A paragraph ends a sub-group that was a sentence leading into a list
   * ("MDS with at least one of the following:"); a title ("Cohort B:") goes on. */
  if (parser->group != NULL && parser->group_used &&
      count_words (parser->group, strlen (parser->group)) > 6)
    close_section (parser);

  g_array_set_size (parser->stack, 0);
  open.node = add_node (parser, -1, text);
  open.marker.type = STYLE_NONE;
  open.marker.indent = indent;
  open.marker.content = indent;
  g_array_append_val (parser->stack, open);
}

static void
split_inline_exclusion (GArray *lines)
{
  /* "Inclusion Criteria: - a - b Exclusion Criteria: - c" on one line. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autofree char *lower = NULL;
      const char *hit;

      if (line->text[0] == '\0')
        continue;
      lower = g_ascii_strdown (line->text, -1);
      hit = strstr (lower + 1, " exclusion criteria:");
      if (hit == NULL)
        continue;

      {
        Line next = { line->indent, line->text + (hit - lower) + 1 };

        line->text[hit - lower] = '\0';
        rstrip (line->text);
        g_array_insert_val (lines, i + 1, next);
      }
    }
}

/* The footnote marker at the start (@leading) or the end of @text,
 * unescaped ("**", "†"), or NULL. */
static char *
footnote_mark (const char *text,
               gboolean    leading)
{
  static const char * const marks[] = { "***", "**", "*", "\xe2\x80\xa0\xe2\x80\xa0", "\xe2\x80\xa0",
                                        "\xe2\x80\xa1\xe2\x80\xa1", "\xe2\x80\xa1", "\xc7\x82", NULL };
  g_autofree char *plain = eligo_criteria_unescape (text);
  gsize len;

  g_strstrip (plain);
  len = strlen (plain);
  for (guint i = 0; marks[i] != NULL; i++)
    {
      gsize n = strlen (marks[i]);

      if (len <= n + 1)
        continue;
      /* "* HIV" is a bullet, not a note. */
      if (leading && strncmp (plain, marks[i], n) == 0 && plain[n] != '*'
          && ((plain[n] == ' ' && n > 1) || g_ascii_isalpha (plain[n])))
        return g_strdup (marks[i]);
      /* "... **bold**" is markup. */
      if (!leading && strcmp (plain + len - n, marks[i]) == 0 && plain[len - n - 1] != '*'
          && (plain[len - n - 1] == ' ' || plain[len - n - 1] == ')' || g_ascii_isalnum (plain[len - n - 1]))
          && (n == 1 || strstr (plain, marks[i]) == plain + len - n))
        return g_strdup (marks[i]);
    }
  return NULL;
}

/* "** A history of hepatitis B or C is permitted if ...": adds the note to
 * the items of this section that end with its marker. */
static gboolean
attach_footnote (Parser     *parser,
                 const char *text)
{
  g_autofree char *mark = footnote_mark (text, TRUE);
  gboolean attached = FALSE;

  if (mark == NULL)
    return FALSE;

  for (int i = (int) parser->nodes->len - 1; i >= 0; i--)
    {
      Node *node = node_at (parser, i);
      g_autofree char *node_mark = NULL;

      if (g_strcmp0 (node->section, parser->section) != 0 || node->kind != parser->kind)
        break;
      /* A note already added ends the text with the note, not the mark. */
      node_mark = footnote_mark (node->text->str, FALSE);
      if (node_mark != NULL && strcmp (node_mark, mark) == 0)
        {
          append_line (node, text);
          attached = TRUE;
        }
    }
  return attached;
}

static void
parse_line (Parser     *parser,
            Line       *lines,
            guint       n_lines,
            guint       index)
{
  const char *text = lines[index].text;
  int indent = lines[index].indent;
  EligoCriterionKind kind;
  char *section = NULL;
  const char *rest = NULL;
  const char *content;
  Marker m;

  if (is_separator (text))
    {
      g_ptr_array_add (parser->dropped, g_strdup (text));
      return;
    }

  if (attach_footnote (parser, text))
    return;

  if (parse_marker (text, indent, &m, &content))
    {
      if (match_header (content, TRUE, &kind, &section, &rest))
        goto header;
      if (m.type == STYLE_BULLET && match_header (content, FALSE, &kind, &section, &rest))
        {
          if (*rest == '\0')
            goto header;
          g_clear_pointer (&section, g_free);
        }

      if (content[0] == '\0')
        {
          g_ptr_array_add (parser->dropped, g_strdup (text));
          return;
        }

      if (is_conjunction (content) && parser->nodes->len > 0)
        {
          append_line (node_at (parser, parser->nodes->len - 1), content);
          return;
        }

      add_item (parser, &m, content);
      return;
    }

  if (match_header (text, FALSE, &kind, &section, &rest))
    goto header;

  add_text (parser, lines, n_lines, index);
  return;

header:
  close_section (parser);
  parser->kind = kind;
  g_free (parser->section);
  parser->section = section;
  parser->section_subject = subject_from_text (section, ELIGO_SUBJECT_PATIENT);
  parser->subject = parser->section_subject;
  g_ptr_array_add (parser->dropped, g_strdup (section));

  if (rest != NULL && *rest != '\0')
    {
      Line line = { indent, (char *) rest };

      parse_line (parser, &line, 1, 0);
    }
}

static void
build_context (Parser  *parser,
               Node    *node,
               GString *context)
{
  GPtrArray *chain = g_ptr_array_new ();
  Node *n;
  const char *group = node->group;
  const char *scope = node->scope;

  for (n = node; n->parent >= 0; )
    {
      Node *parent = node_at (parser, n->parent);

      if (!is_generic_leadin (parent->text->str, parent->kind) && parent->text->len > 0)
        g_ptr_array_insert (chain, 0, parent->text->str);
      group = parent->group;
      scope = parent->scope;
      n = parent;
    }

  if (node->lead >= 0)
    g_ptr_array_add (chain, node_at (parser, node->lead)->text->str);
  if (group != NULL)
    g_ptr_array_insert (chain, 0, (gpointer) group);
  if (scope != NULL)
    g_ptr_array_insert (chain, 0, (gpointer) scope);

  for (guint i = 0; i < chain->len; i++)
    {
      if (i > 0)
        g_string_append_c (context, '\n');
      g_string_append (context, g_ptr_array_index (chain, i));
    }

  g_ptr_array_free (chain, TRUE);
}


/**
 * eligo_criteria_lead_sense:
 * @text: a lead-in, ending with ':'; of several lines, the last is read
 * @kind: the section it stands in
 *
 * What the lead-in says of the items under it. A criterion that the
 * splitter made of a lead-in and its items ("lead-in\n- item\n- item")
 * has a lead-in of the sense %ELIGO_LEAD_CHOICE, %ELIGO_LEAD_SOME or
 * %ELIGO_LEAD_EXCEPT.
 *
 * Returns: the sense
 */
EligoLeadSense
eligo_criteria_lead_sense (const char         *text,
                           EligoCriterionKind  kind)
{
  static GRegex *choice, *some, *except, *negated, *list_header, *bare_choice;
  const char *last;

  if (g_once_init_enter (&choice))
    {
      /* A colon at the end, as ends_with_colon() reads it. */
#define END "[^:\\n]*(?::|\xef\xbc\x9a)[\\s*]*$"
      some = g_regex_new ("\\bat\\s+least\\s+(?:two|three|four|[2-9])\\b(?:\\s*\\(\\d\\))?\\s+of\\b" END,
                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      except = g_regex_new ("\\b(?:except(?:ing)?|unless|other\\s+than|with\\s+the\\s+exceptions?\\s+of|apart\\s+from|"
                            "excluding|exceptions?)\\b[^:()\\n\xef\xbc\x88\xef\xbc\x89]{0,40}(?::|\xef\xbc\x9a)[\\s*]*$",
                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      list_header = g_regex_new ("\\b(?:exclu\\w*|criteri(?:a|on)|(?:in|not\\s+(?:be\\s+)?)eligible|preclud\\w*|"
                                 "withdrawn|enrol\\w*|participat\\w*)\\b",
                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      bare_choice = g_regex_new ("^\\W*(?:(?:any|one|either|at|least|1|of|the|following|these|below|or|more|both)\\b\\W*)+$",
                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      negated = g_regex_new ("\\b(?:no|not|none|neither|nor|without|free\\s+of|never)\\b|n't\\b",
                             G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&choice,
                         g_regex_new ("(?:\\b(?:(?:at\\s+least|any)\\s+one|one(?:\\s+or\\s+more)?|any|"
                                      "either(?:\\s+or\\s+both)?|1)(?:\\s*\\(1\\))?\\s+of\\s+(?:the\\s+)?"
                                      "(?:following|these|those|below)\\b" END "|"
                                      "\\beither(?:\\s*/\\s*both|\\s+or\\s+both)?\\s*(?::|\xef\xbc\x9a)[\\s*]*$)",
                                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
#undef END
    }

  if (!ends_with_colon (text))
    return ELIGO_LEAD_NONE;
  last = strrchr (text, '\n');
  last = last != NULL ? last + 1 : text;

  /* "Patients must not have any of the following:" is a list of
   * exclusions, not of alternatives. */
  if (g_regex_match (some, last, 0, NULL))
    return ELIGO_LEAD_SOME;
  if (g_regex_match (choice, last, 0, NULL))
    {
      if (g_regex_match (negated, last, 0, NULL))
        return ELIGO_LEAD_NONE;
      /* In an exclusion section "Patients who meet any of the following
       * criteria will be excluded:" heads a list of exclusions, each one
       * excluding on its own: the items stay criteria of their own (the
       * "or" of exclusions is the exclusions one by one). */
      if (kind == ELIGO_CRITERION_EXCLUSION && g_regex_match (list_header, last, 0, NULL))
        return ELIGO_LEAD_NONE;
      /* So does a bare "Any of the following:" there. */
      if (kind == ELIGO_CRITERION_EXCLUSION && g_regex_match (bare_choice, last, 0, NULL))
        return ELIGO_LEAD_NONE;
      return ELIGO_LEAD_CHOICE;
    }
  if (g_regex_match (except, last, 0, NULL))
    return ELIGO_LEAD_EXCEPT;

  return ELIGO_LEAD_NONE;
}

static gboolean
is_descendant (Parser *parser,
               int     node,
               int     ancestor)
{
  for (int n = node_at (parser, node)->parent; n >= 0; n = node_at (parser, n)->parent)
    if (n == ancestor)
      return TRUE;

  return FALSE;
}

/* Appends the items from @first to @last (inclusive) under the lead-in, one
 * line each: "- item", nested items indented two spaces a level. */
static void
append_items (Parser  *parser,
              GString *text,
              int      first,
              int      last,
              int      base)
{
  for (int j = first; j <= last; j++)
    {
      Node *item = node_at (parser, j);
      int depth = 0;

      if (item->text->len == 0)
        continue;
      for (int n = item->parent; n >= 0 && n != base; n = node_at (parser, n)->parent)
        depth++;
      g_string_append_c (text, '\n');
      for (int d = 0; d < depth; d++)
        g_string_append (text, "  ");
      g_string_append (text, "- ");
      g_string_append (text, item->text->str);
    }
}

static void
clear_node (gpointer data)
{
  Node *node = data;

  g_string_free (node->text, TRUE);
  g_free (node->group);
  g_free (node->scope);
  g_free (node->section);
}

void
eligo_criterion_text_free (EligoCriterionText *criterion)
{
  if (criterion == NULL)
    return;

  g_free (criterion->text);
  g_free (criterion->context);
  g_free (criterion->section);
  g_free (criterion);
}

char *
eligo_criteria_unescape (const char *text)
{
  GString *s;

  if (text == NULL)
    return NULL;

  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] != '\0' && strchr ("<>~*_[]()#-+.!\\^=|{}`", p[1]) != NULL)
        p++;
      g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

static void
add_criterion (GPtrArray *result,
               Node      *node,
               GString   *text,
               GString   *context)
{
  EligoCriterionText *criterion = g_new0 (EligoCriterionText, 1);

  criterion->kind = node->kind;
  criterion->subject = node->subject;
  criterion->text = eligo_criteria_unescape (text->str);
  criterion->context = context->len > 0 ? eligo_criteria_unescape (context->str) : NULL;
  criterion->section = eligo_criteria_unescape (node->section);
  g_string_free (text, TRUE);
  g_string_free (context, TRUE);
  g_ptr_array_add (result, criterion);
}

/**
 * eligo_criteria_split_full:
 * @eligibility_text: the registry's eligibilityCriteria
 * @dropped: (out) (optional): the headers, generic lead-ins and separators
 *   that are in no criterion's text or context, unescaped
 *
 * Like eligo_criteria_split(), and also tells what was left out.
 */
GPtrArray *
eligo_criteria_split_full (const char  *eligibility_text,
                           GPtrArray  **dropped)
{
  g_auto(GStrv) raw = NULL;
  GArray *lines;
  GPtrArray *result;
  Parser parser = { 0 };
  gboolean has_exclusion_header = FALSE;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_criterion_text_free);
  if (dropped != NULL)
    *dropped = g_ptr_array_new_with_free_func (g_free);

  if (eligibility_text == NULL)
    return result;

  raw = g_strsplit (eligibility_text, "\n", -1);
  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  for (guint i = 0; raw[i] != NULL; i++)
    {
      Line line;
      const char *start;

      rstrip (raw[i]);
      line.indent = utf8_indent (raw[i], &start);
      line.text = (char *) start;
      g_array_append_val (lines, line);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      EligoCriterionKind kind;

      if (match_header (line->text, FALSE, &kind, NULL, NULL) && kind == ELIGO_CRITERION_EXCLUSION)
        has_exclusion_header = TRUE;
    }
  if (!has_exclusion_header)
    split_inline_exclusion (lines);

  parser.nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (parser.nodes, clear_node);
  parser.stack = g_array_new (FALSE, TRUE, sizeof (Open));
  parser.dropped = g_ptr_array_new_with_free_func (g_free);
  parser.kind = ELIGO_CRITERION_INCLUSION;
  parser.section_subject = ELIGO_SUBJECT_PATIENT;
  parser.subject = ELIGO_SUBJECT_PATIENT;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line->text[0] == '\0')
        continue;
      parse_line (&parser, (Line *) lines->data, lines->len, i);
    }
  close_section (&parser);

  for (guint i = 0; i < parser.nodes->len; i++)
    {
      Node *node = node_at (&parser, i);
      GString *text;
      GString *context;

      if (node->text->len == 0)
        continue;

      /* "One of the following:", "except for:": one criterion holding the
       * lead-in and every item. */
      if (node->n_children > 0 && eligo_criteria_lead_sense (node->text->str, node->kind) != ELIGO_LEAD_NONE &&
          !is_generic_leadin (node->text->str, node->kind))
        {
          guint last = i;

          while (last + 1 < parser.nodes->len && is_descendant (&parser, (int) last + 1, (int) i))
            last++;
          text = g_string_new (node->text->str);
          append_items (&parser, text, (int) i + 1, (int) last, (int) i);
          context = g_string_new (NULL);
          build_context (&parser, node, context);
          add_criterion (result, node, text, context);
          i = last;
          continue;
        }

      /* A sub-group header that is a choice ("MDS with at least one of the
       * following:") over items at its own level. */
      if (node->parent < 0 && node->group != NULL && eligo_criteria_lead_sense (node->group, node->kind) != ELIGO_LEAD_NONE &&
          !is_generic_leadin (node->group, node->kind))
        {
          const char *leadin = strrchr (node->group, '\n');
          g_autofree char *outer = NULL;
          guint last = i;

          leadin = leadin != NULL ? leadin + 1 : node->group;
          outer = g_strndup (node->group, leadin > node->group ? (gsize) (leadin - node->group - 1) : 0);
          while (last + 1 < parser.nodes->len &&
                 g_strcmp0 (node_at (&parser, last + 1)->group, node->group) == 0 &&
                 node_at (&parser, last + 1)->kind == node->kind)
            last++;
          text = g_string_new (leadin);
          append_items (&parser, text, (int) i, (int) last, -1);
          context = g_string_new (NULL);
          if (node->scope != NULL)
            g_string_append (context, node->scope);
          if (outer[0] != '\0')
            g_string_append_printf (context, "%s%s", context->len > 0 ? "\n" : "", outer);
          add_criterion (result, node, text, context);
          i = last;
          continue;
        }

      /* A lead-in is the context of its items, not a criterion. */
      if (node->n_children > 0 && is_pure_leadin (node->text->str))
        {
          if (is_generic_leadin (node->text->str, node->kind))
            g_ptr_array_add (parser.dropped, g_strdup (node->text->str));
          continue;
        }
      if (node->n_lines == 0 && node->parent < 0 && is_generic_leadin (node->text->str, node->kind))
        {
          g_ptr_array_add (parser.dropped, g_strdup (node->text->str));
          continue;
        }

      context = g_string_new (NULL);
      build_context (&parser, node, context);
      add_criterion (result, node, g_string_new (node->text->str), context);
    }

  if (dropped != NULL)
    {
      for (guint i = 0; i < parser.dropped->len; i++)
        g_ptr_array_add (*dropped, eligo_criteria_unescape (g_ptr_array_index (parser.dropped, i)));
    }

  g_ptr_array_unref (parser.dropped);
  g_array_unref (parser.stack);
  g_array_unref (parser.nodes);
  g_array_unref (lines);
  g_free (parser.section);
  g_free (parser.scoped_section);
  g_free (parser.group);
  g_free (parser.scope);

  return result;
}

GPtrArray *
eligo_criteria_split (const char *eligibility_text)
{
  return eligo_criteria_split_full (eligibility_text, NULL);
}
