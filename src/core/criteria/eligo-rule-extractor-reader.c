/* eligo-rule-extractor-reader.c
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

#include "eligo-rule-extractor-private.h"

/*
 * The reader: the rule's nodes, numbers and comparators, the spans the
 * patterns find, the clauses of the text, and how the spans that overlap
 * are resolved. What every pattern family shares.
 */

static const char negator_pattern[] =
  "\\b(?:no|not|without|absence of|absent|free of|negative for|never|lack of|lacks?|lacking|neither|nor|none of|failed to|failure to|cannot|unable to)\\b";
static const char scope_stop_pattern[] =
  "[,;:.()]|\\b(?:and|but|with|who|which|that|whose|is|are|was|were|must|should|may|can|will|after|before|within|than|if|when|while|unless|except|due|because|such|per|although)\\b";
static const char or_stop_pattern[] =
  "\\b(?:after|before|with|by|in|for|from|within|of|on|at|to|during|due|that|which|who|than|requiring|despite|including|such|per|under|via|using|when|while|if|because|as)\\b";
static const char word_pattern[] = "[a-z][a-z0-9'-]*";

/* Words that never make a rule partial on their own. */
static const char * const generic_words[] = {
  "the", "and", "or", "of", "in", "at", "to", "for", "by", "on", "as", "be", "is", "are", "was", "were",
  "has", "have", "had", "must", "should", "who", "which", "that", "this", "these", "those", "than",
  "from", "with", "without", "any", "all", "its", "their", "his", "her", "they", "them", "such",
  "will", "can", "may", "been", "being", "also", "there", "other", "following", "criteria", "criterion",
  "defined", "adequate", "function", "functions", "screening", "time", "including", "include", "includes",
  "patient", "patients", "subject", "subjects", "participant", "participants", "person", "persons",
  "people", "individual", "individuals", "history", "known", "presence", "present", "evidence",
  "women", "woman", "female", "females", "male", "males", "men", "study", "trial", "protocol",
  "current", "currently", "concurrent", "use", "using", "used", "received", "receive", "receiving",
  "receipt", "administer", "administered", "administration", "undergone", "undergo", "suffering",
  "level", "levels", "value", "values", "count", "score", "status", "performance", "test", "result",
  "results", "diagnosis", "diagnosed", "confirmed", "documented", "enrolled", "enrollment",
  "eligible", "eligibility", "meet", "meeting", "meets", "satisfactory", "sufficient", "normal",
  "organ", "estimated", "expected", "expect", "age", "aged", "old", "within",
  "prior", "before", "after", "previous", "previously", "existing", "where", "what", "when",
  "voluntarily", "voluntary", "signs", "sign", "signed", "child", "children", "adult", "adults",
  "suspicion", "obtained", "availability", "there", "obvious", "baseline", "serum", "blood",
  "consent", "informed", "form", "listed", "above", "below", "both", "either", "not", "no",
  "per", "via", "etc", "e.g", "i.e", "ie", "eg", "mg", "ml", "dl", "ul", "uln", "mmhg", "msec",
  "ms", "cells", "cell", "disease", "diseases", "conditions", "condition", "shown", "showing",
  "only", "applicable", "required", "requirement", "requirements", "well", "one", "two",
  "group", "clinically", "clinical", "clinical", "documented", "an", "a", "it", "if", "do", "does",
  "did", "into", "than", "then", "more", "less", "greater", "least", "most", "equal", "times",
  "x", "fold", "per", "percent", "points", "point",
  NULL
};

/* The patterns every family may use, compiled once. */

GRegex *
eligo_extractor_compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex;

  regex = g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, &error);
  if (regex == NULL)
    g_error ("extractor pattern does not compile: %s\n%s", error->message, pattern);
  return regex;
}

/* Compiles @pattern with @flags into *@slot at its first use (thread-safe):
 * what g_regex_match_simple() does on every call, once. */
GRegex *
eligo_extractor_once (GRegex            **slot,
                      const char         *pattern,
                      GRegexCompileFlags  flags)
{
  if (g_once_init_enter (slot))
    {
      g_autoptr(GError) error = NULL;
      GRegex *regex = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, &error);

      if (regex == NULL)
        g_error ("extractor pattern does not compile: %s\n%s", error->message, pattern);
      g_once_init_leave (slot, regex);
    }
  return *slot;
}

/* Whether @text (normalised, so in lower case) may hold one of @words
 * ('|'-separated), which a caseless pattern cannot match without: a cheap
 * test that spares running the pattern on most texts. The only characters
 * outside ASCII that PCRE folds onto an ASCII letter, the Kelvin sign and
 * the long s, make it always true. */
gboolean
eligo_extractor_may_contain (const char *text,
                             const char *words)
{
  if (strstr (text, "\xe2\x84\xaa") != NULL || strstr (text, "\xc5\xbf") != NULL)
    return TRUE;
  while (*words != '\0')
    {
      const char *bar = strchr (words, '|');
      gsize n = bar != NULL ? (gsize) (bar - words) : strlen (words);
      char word[24];

      g_assert (n < sizeof word);
      memcpy (word, words, n);
      word[n] = '\0';
      if (strstr (text, word) != NULL)
        return TRUE;
      words += n + (bar != NULL ? 1 : 0);
    }
  return FALSE;
}

const EligoReaderPatterns *
eligo_reader_patterns (void)
{
  static EligoReaderPatterns shared;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      shared.negator = eligo_extractor_compile (negator_pattern);
      shared.scope_stop = eligo_extractor_compile (scope_stop_pattern);
      shared.or_stop = eligo_extractor_compile (or_stop_pattern);
      shared.or_word = eligo_extractor_compile ("\\b(?:or|nor|and/or)\\b");
      shared.and_word = eligo_extractor_compile ("\\band\\b(?!/)|&|\\bas well as\\b|\\bplus\\b");
      shared.word = eligo_extractor_compile (word_pattern);
      shared.generic = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; generic_words[i] != NULL; i++)
        g_hash_table_add (shared.generic, (gpointer) generic_words[i]);
      g_once_init_leave (&initialized, 1);
    }

  return &shared;
}

/* Nodes */

Node *
eligo_node_new_leaf (const char *text)
{
  Node *node = g_new0 (Node, 1);

  node->kind = NODE_LEAF;
  node->text = g_strdup (text);
  return node;
}

void
eligo_node_free (gpointer data)
{
  Node *node = data;

  if (node == NULL)
    return;
  g_free (node->text);
  if (node->children != NULL)
    g_ptr_array_unref (node->children);
  g_free (node);
}

Node *
eligo_node_new_group (NodeKind kind)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  node->children = g_ptr_array_new_with_free_func (eligo_node_free);
  return node;
}

Node *
eligo_node_copy (const Node *node)
{
  Node *copy;

  if (node->kind == NODE_LEAF)
    return eligo_node_new_leaf (node->text);

  copy = eligo_node_new_group (node->kind);
  for (guint i = 0; i < node->children->len; i++)
    g_ptr_array_add (copy->children, eligo_node_copy (g_ptr_array_index (node->children, i)));
  return copy;
}

gboolean
eligo_node_contains_leaf (const Node *group,
                          const char *text)
{
  for (guint i = 0; i < group->children->len; i++)
    {
      const Node *child = g_ptr_array_index (group->children, i);

      if (child->kind == NODE_LEAF && strcmp (child->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Adds @child (taken) to @group, splicing a group of the same kind and
 * leaving out a leaf that is already there. */
void
eligo_node_add (Node *group,
                Node *child)
{
  if (child->kind == group->kind)
    {
      for (guint i = 0; i < child->children->len; i++)
        eligo_node_add (group, eligo_node_copy (g_ptr_array_index (child->children, i)));
      eligo_node_free (child);
      return;
    }

  if (child->kind == NODE_LEAF && eligo_node_contains_leaf (group, child->text))
    {
      eligo_node_free (child);
      return;
    }

  g_ptr_array_add (group->children, child);
}

/* Prints like eligo_rule_to_string(): "or" binds loosest, so an "or" inside
 * an "and" takes parentheses and an "and" inside an "or" does not. */
void
eligo_node_print (const Node *node,
                  GString    *string,
                  NodeKind    parent)
{
  if (node->kind == NODE_LEAF)
    {
      g_string_append (string, node->text);
      return;
    }

  if (node->children->len == 1)
    {
      eligo_node_print (g_ptr_array_index (node->children, 0), string, parent);
      return;
    }

  if (node->kind == NODE_OR && parent == NODE_AND)
    g_string_append_c (string, '(');
  for (guint i = 0; i < node->children->len; i++)
    {
      if (i > 0)
        g_string_append (string, node->kind == NODE_OR ? " or " : " and ");
      eligo_node_print (g_ptr_array_index (node->children, i), string, node->kind);
    }
  if (node->kind == NODE_OR && parent == NODE_AND)
    g_string_append_c (string, ')');
}

/* Numbers */

char *
eligo_format_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  number = round (number * 100.0) / 100.0;
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);
  return g_strdup (buffer);
}

gboolean
eligo_parse_number (const char *text,
                    double     *number)
{
  static const struct { const char *word; double value; } words[] = {
    { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
    { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
    { "twelve", 12 }, { "fifteen", 15 }, { "twenty", 20 }, { "thirty", 30 }, { "sixty", 60 },
    { "ninety", 90 },
  };
  GString *digits;
  char *end;

  if (text == NULL || *text == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (text, words[i].word) == 0)
      {
        *number = words[i].value;
        return TRUE;
      }

  digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);
  *number = g_ascii_strtod (digits->str, &end);
  if (*end != '\0' || end == digits->str)
    {
      g_string_free (digits, TRUE);
      return FALSE;
    }
  g_string_free (digits, TRUE);
  return TRUE;
}

static const char * const op_text[] = { "", "<", "<=", ">", ">=" };

Op
eligo_parse_op (const char *text)
{
  static const struct { const char *text; Op op; } ops[] = {
    { "<", OP_LT }, { "<=", OP_LE }, { "=<", OP_LE }, { ">", OP_GT }, { ">=", OP_GE }, { "=>", OP_GE },
    { "less than or equal to", OP_LE }, { "equal to or less than", OP_LE }, { "equal to or lower than", OP_LE },
    { "no more than", OP_LE }, { "not more than", OP_LE }, { "no greater than", OP_LE },
    { "not greater than", OP_LE }, { "no higher than", OP_LE }, { "not higher than", OP_LE },
    { "at most", OP_LE }, { "up to", OP_LE }, { "maximum of", OP_LE },
    { "greater than or equal to", OP_GE }, { "more than or equal to", OP_GE },
    { "equal to or greater than", OP_GE }, { "equal to or more than", OP_GE },
    { "no less than", OP_GE }, { "not less than", OP_GE }, { "no lower than", OP_GE },
    { "not lower than", OP_GE }, { "no fewer than", OP_GE }, { "not fewer than", OP_GE },
    { "at least", OP_GE }, { "a minimum of", OP_GE }, { "minimum of", OP_GE },
    { "less than", OP_LT }, { "lower than", OP_LT }, { "fewer than", OP_LT }, { "below", OP_LT },
    { "greater than", OP_GT }, { "more than", OP_GT }, { "higher than", OP_GT }, { "above", OP_GT },
    { "exceeding", OP_GT },
  };

  if (text == NULL)
    return OP_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (strcmp (text, ops[i].text) == 0)
      return ops[i].op;
  return OP_NONE;
}

/* Reading */

void
eligo_span_free (gpointer data)
{
  Span *span = data;

  eligo_node_free (span->node);
  g_free (span->symbol);
  g_free (span);
}

void
eligo_reader_note (Reader     *reader,
                   const char *format,
                   ...)
{
  va_list args;

  if (reader->reason->len > 0)
    g_string_append (reader->reason, "; ");
  va_start (args, format);
  g_string_append_vprintf (reader->reason, format, args);
  va_end (args);
}

char *
eligo_match_fetch (GMatchInfo *info,
                   const char *name)
{
  char *text = g_match_info_fetch_named (info, name);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
eligo_match_has (GMatchInfo *info,
                 const char *name)
{
  g_autofree char *text = eligo_match_fetch (info, name);

  return text != NULL;
}

Node *
eligo_leaf_compare (const char *var,
                    Op          op,
                    double      number)
{
  g_autofree char *num = eligo_format_number (number);
  g_autofree char *text = g_strdup_printf ("%s %s %s", var, op_text[op], num);

  return eligo_node_new_leaf (text);
}

Span *
eligo_reader_add_span (Reader   *reader,
                       SpanType  type,
                       int       start,
                       int       end,
                       int       order)
{
  Span *span = g_new0 (Span, 1);

  span->type = type;
  span->start = start;
  span->end = end;
  span->order = order;
  g_ptr_array_add (reader->spans, span);
  return span;
}

Span *
eligo_reader_add_atom (Reader *reader,
                       int     start,
                       int     end,
                       int     order,
                       Node   *node,
                       guint   flags)
{
  Span *span = eligo_reader_add_span (reader, SPAN_ATOM, start, end, order);

  span->node = node;
  span->flags = flags;
  return span;
}

gboolean
eligo_node_mentions (Node       *node,
                     const char *part)
{
  if (node->kind == NODE_LEAF)
    return node->text != NULL && strstr (node->text, part) != NULL;
  for (guint i = 0; i < node->children->len; i++)
    if (eligo_node_mentions (g_ptr_array_index (node->children, i), part))
      return TRUE;
  return FALSE;
}

gboolean
eligo_atom_is (Span       *atom,
               const char *var)
{
  return atom->node != NULL && atom->node->kind == NODE_LEAF && atom->node->text != NULL
    && strcmp (atom->node->text, var) == 0;
}

static gboolean
is_abbreviation_before (const char *text,
                        int         dot)
{
  static const char * const abbreviations[] = { "e.g", "i.e", "etc", "vs", "approx", "incl", "dr", "no", "fig", "al", "st", NULL };

  for (guint i = 0; abbreviations[i] != NULL; i++)
    {
      int n = strlen (abbreviations[i]);

      if (dot >= n && strncmp (text + dot - n, abbreviations[i], n) == 0
          && (dot == n || !g_ascii_isalpha (text[dot - n - 1])))
        return TRUE;
    }
  return FALSE;
}

/* Where a clause ends at @i: the length of the boundary, 0 if none. */
static int
boundary_at (const char *text,
             int         i,
             int         len,
             gboolean   *sentence)
{
  char c = text[i];
  int next;

  *sentence = FALSE;
  if (c == ';' || c == ':' || c == '\n')
    {
      *sentence = c == '\n';
      next = i + 1;
    }
  else if (c == '.' && (i + 1 == len || g_ascii_isspace (text[i + 1]))
           && !(i > 0 && g_ascii_isdigit (text[i - 1]) && i + 1 < len && g_ascii_isdigit (text[i + 1]))
           && !is_abbreviation_before (text, i))
    {
      *sentence = TRUE;
      next = i + 1;
    }
  else if (c == 'b' && strncmp (text + i, "but ", 4) == 0 && i > 0 && (text[i - 1] == ' ' || text[i - 1] == ','))
    next = i + 3;
  else if (c == 'w' && strncmp (text + i, "whereas ", 8) == 0 && i > 0 && text[i - 1] == ' ')
    next = i + 7;
  else
    return 0;

  /* "...; or ..." continues the same run. */
  while (next < len && g_ascii_isspace (text[next]))
    next++;
  if (strncmp (text + next, "or ", 3) == 0)
    return 0;

  return next - i;
}

void
eligo_reader_split_clauses (Reader *reader)
{
  const char *text = reader->text->str;
  int len = reader->len;
  int top;
  int paren = -1;
  int depth = 0;
  gboolean sentence_start = TRUE;
  Clause clause = { -1, TRUE, TRUE, FALSE, 0, 0 };

  reader->clause_of = g_new0 (int, len + 1);
  reader->clauses = g_array_new (FALSE, FALSE, sizeof (Clause));
  g_array_append_val (reader->clauses, clause);
  top = 0;

  for (int i = 0; i < len; i++)
    {
      char c = text[i];
      gboolean sentence;
      int n;

      if (c == '(' || c == '[')
        {
          if (depth == 0)
            {
              Clause p = { top, FALSE, FALSE, FALSE, i, i };

              g_array_append_val (reader->clauses, p);
              paren = reader->clauses->len - 1;
            }
          depth++;
          reader->clause_of[i] = paren;
          continue;
        }
      if ((c == ')' || c == ']') && depth > 0)
        {
          reader->clause_of[i] = paren;
          g_array_index (reader->clauses, Clause, paren).end = i + 1;
          depth--;
          continue;
        }
      if (depth > 0)
        {
          reader->clause_of[i] = paren;
          continue;
        }

      n = boundary_at (text, i, len, &sentence);
      if (n > 0)
        {
          Clause next = { -1, sentence, FALSE, FALSE, i + n, i + n };

          for (int j = i; j < i + n; j++)
            reader->clause_of[j] = top;
          g_array_index (reader->clauses, Clause, top).end = i;
          g_array_append_val (reader->clauses, next);
          top = reader->clauses->len - 1;
          sentence_start = sentence;
          i += n - 1;
          continue;
        }
      reader->clause_of[i] = top;
    }
  g_array_index (reader->clauses, Clause, top).end = len;
  (void) sentence_start;
}

static int
compare_spans_by_length (gconstpointer a,
                         gconstpointer b)
{
  const Span *x = *(const Span **) a;
  const Span *y = *(const Span **) b;
  int lx = x->end - x->start;
  int ly = y->end - y->start;

  if (lx != ly)
    return ly - lx;
  if (x->order != y->order)
    return x->order - y->order;
  return x->start - y->start;
}

static int
compare_spans_by_start (gconstpointer a,
                        gconstpointer b)
{
  const Span *x = *(const Span **) a;
  const Span *y = *(const Span **) b;

  return x->start - y->start;
}

/* Keeps the longest of overlapping spans. Conditions do not compete: they
 * are kept beside what they overlap. */
GPtrArray *
eligo_reader_resolve_overlaps (Reader *reader)
{
  GPtrArray *kept = g_ptr_array_new ();
  guint8 *taken = g_new0 (guint8, reader->len + 1);

  g_ptr_array_sort (reader->spans, compare_spans_by_length);
  for (guint i = 0; i < reader->spans->len; i++)
    {
      Span *span = g_ptr_array_index (reader->spans, i);
      gboolean free_range = TRUE;

      if (span->flags & FLAG_CONDITIONAL)
        {
          g_ptr_array_add (kept, span);
          continue;
        }
      for (int j = span->start; j < span->end && free_range; j++)
        free_range = !taken[j];
      if (!free_range)
        continue;
      memset (taken + span->start, 1, span->end - span->start);
      g_ptr_array_add (kept, span);
    }
  g_free (taken);
  g_ptr_array_sort (kept, compare_spans_by_start);
  return kept;
}

Clause *
eligo_reader_clause (Reader *reader,
                     int     id)
{
  return &g_array_index (reader->clauses, Clause, id);
}

/* The top-level clause a byte belongs to. */
int
eligo_reader_top_clause (Reader *reader,
                         int     id)
{
  Clause *clause = eligo_reader_clause (reader, id);

  return clause->parent >= 0 ? clause->parent : id;
}

/* The first character boundary at or after byte @offset of @text (@len
 * bytes long): a slice that starts or ends mid-character is invalid UTF-8,
 * which GRegex must never see. */
int
eligo_char_boundary (const char *text,
                     int         len,
                     int         offset)
{
  offset = CLAMP (offset, 0, len);
  while (offset < len && ((guchar) text[offset] & 0xC0) == 0x80)
    offset++;
  return offset;
}

gboolean
eligo_regex_in_range (GRegex     *regex,
                      const char *text,
                      int         start,
                      int         end,
                      int        *match_start,
                      int        *match_end,
                      gboolean    last)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *slice = NULL;
  gboolean found = FALSE;

  start = eligo_char_boundary (text, strlen (text), start);
  end = eligo_char_boundary (text, strlen (text), end);
  if (end <= start)
    return FALSE;
  slice = g_strndup (text + start, end - start);
  g_regex_match (regex, slice, 0, &info);
  while (g_match_info_matches (info))
    {
      int s, e;

      g_match_info_fetch_pos (info, 0, &s, &e);
      if (match_start != NULL)
        *match_start = start + s;
      if (match_end != NULL)
        *match_end = start + e;
      found = TRUE;
      if (!last)
        break;
      g_match_info_next (info, NULL);
    }
  return found;
}

/* The text of the clause of @span around it, on the connector text. */
void
eligo_reader_clause_bounds (Reader *reader,
                            Span   *span,
                            int    *start,
                            int    *end)
{
  int id = reader->clause_of[span->start];
  int s = span->start;
  int e = span->end;

  while (s > 0 && (reader->clause_of[s - 1] == id || eligo_reader_clause (reader, reader->clause_of[s - 1])->parent == id))
    s--;
  while (e < reader->len && (reader->clause_of[e] == id || eligo_reader_clause (reader, reader->clause_of[e])->parent == id))
    e++;
  /* A parenthetical within the clause is part of it but not of its run. */
  *start = s;
  *end = e;
}

/* Copies the connector text of [start, end) keeping only the bytes of
 * clause @id (parentheticals and other clauses become spaces). */
char *
eligo_reader_clause_text (Reader *reader,
                          int     id,
                          int     start,
                          int     end)
{
  char *out;

  start = eligo_char_boundary (reader->conn, reader->len, start);
  end = eligo_char_boundary (reader->conn, reader->len, end);
  if (end < start)
    end = start;
  out = g_strndup (reader->conn + start, end - start);
  for (int i = start; i < end; i++)
    if (reader->clause_of[i] != id)
      out[i - start] = ' ';
  return out;
}

void
eligo_reader_drop_atom (Reader     *reader,
                        Span       *atom,
                        const char *why)
{
  if (atom->flags & FLAG_DROPPED)
    return;
  atom->flags |= FLAG_DROPPED;
  reader->partial = TRUE;
  eligo_reader_note (reader, "dropped %s: %s", atom->node != NULL ? atom->node->text != NULL ? atom->node->text : "a group" : atom->symbol, why);
}

gboolean
eligo_reader_is_negated (Reader *reader,
                         Span   *atom)
{
  int id = reader->clause_of[atom->start];
  int s, e;
  int ns, ne;
  g_autofree char *before = NULL;
  int from;

  eligo_reader_clause_bounds (reader, atom, &s, &e);
  from = eligo_char_boundary (reader->conn, reader->len, MAX (s, atom->start - 80));
  before = eligo_reader_clause_text (reader, id, from, atom->start);
  if (!eligo_regex_in_range (eligo_reader_patterns ()->negator, before, 0, strlen (before), &ns, &ne, TRUE))
    return FALSE;
  return !eligo_regex_in_range (eligo_reader_patterns ()->scope_stop, before, ne, strlen (before), NULL, NULL, FALSE);
}

EligoExtraction *
eligo_reader_finish (Reader *reader,
                     Node   *rule)
{
  EligoExtraction *extraction = g_new0 (EligoExtraction, 1);

  if (rule != NULL && rule->kind != NODE_LEAF && rule->children->len == 0)
    rule = NULL;

  if (rule != NULL)
    {
      GString *string = g_string_new (NULL);

      eligo_node_print (rule, string, NODE_OR);
      extraction->rule = g_string_free (string, FALSE);
      extraction->partial = reader->partial;
    }
  extraction->reason = g_string_free (reader->reason, FALSE);
  reader->reason = NULL;
  return extraction;
}

EligoExtraction *
eligo_reader_review (Reader     *reader,
                     const char *why)
{
  g_autofree char *copy = g_strdup (why);

  g_string_truncate (reader->reason, 0);
  g_string_append (reader->reason, copy);
  return eligo_reader_finish (reader, NULL);
}

void
eligo_reader_clear (Reader *reader)
{
  if (reader->text != NULL)
    g_string_free (reader->text, TRUE);
  g_free (reader->clause_of);
  if (reader->clauses != NULL)
    g_array_unref (reader->clauses);
  if (reader->atoms != NULL)
    g_ptr_array_unref (reader->atoms);
  if (reader->spans != NULL)
    g_ptr_array_unref (reader->spans);
  g_free (reader->conn);
  g_free (reader->covered);
  if (reader->reason != NULL)
    g_string_free (reader->reason, TRUE);
  if (reader->map != NULL)
    g_array_unref (reader->map);
}

/* @source (the text or the connector text) of top-level clause @top with
 * its parentheticals; everything else becomes spaces. */
char *
eligo_reader_clause_words (Reader     *reader,
                           const char *source,
                           int         top)
{
  char *out = g_strdup (source);

  for (int i = 0; i < reader->len; i++)
    if (eligo_reader_top_clause (reader, reader->clause_of[i]) != top)
      out[i] = ' ';
  return out;
}


/* The top-level sentence of @reader that holds byte @at: its first clause. */
int
eligo_reader_sentence_of (Reader *reader,
                          int     at)
{
  int id = eligo_reader_top_clause (reader, reader->clause_of[at]);

  for (; id > 0; id--)
    {
      Clause *clause = eligo_reader_clause (reader, id);

      if (clause->parent < 0 && clause->sentence)
        break;
    }
  return id;
}
