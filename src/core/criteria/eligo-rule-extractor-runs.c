/* eligo-rule-extractor-runs.c
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
 * From atoms to a rule: a variable read twice is a conflict unless it is a
 * range; atoms of one clause form a run joined by the words between them;
 * the runs make the rule, which is partial when words are left unread.
 */

/* Is the run [first, last] one alternative of an "or" whose other
 * alternatives were not read? (or of an "and", for an exclusion) */
static gboolean
run_incomplete (Reader  *reader,
                Span    *first,
                Span    *last,
                GRegex  *connector)
{
  int id = reader->clause_of[first->start];
  int s, e;
  int ms, me;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;

  eligo_reader_clause_bounds (reader, first, &s, &e);
  head = eligo_reader_clause_text (reader, id, s, first->start);
  eligo_reader_clause_bounds (reader, last, &s, &e);
  tail = eligo_reader_clause_text (reader, id, last->end, e);

  if (connector == eligo_reader_patterns ()->or_word && ELIGO_MATCH_ONCE ("\\beither\\b", head, 0))
    return TRUE;

  /* A trailing "or" joins the item to the next one; for an exclusion, an
   * "and" after an "or" joins two later alternatives ("HIV or AIDS, ...
   * or hepatitis B and C"). */
  if (eligo_regex_in_range (connector, tail, 0, strlen (tail), &ms, &me, FALSE)
      && !eligo_regex_in_range (eligo_reader_patterns ()->or_stop, tail, 0, ms, NULL, NULL, FALSE)
      && !(connector == eligo_reader_patterns ()->and_word && eligo_regex_in_range (eligo_reader_patterns ()->or_word, tail, 0, ms, NULL, NULL, FALSE)))
    return TRUE;

  if (eligo_regex_in_range (connector, head, 0, strlen (head), &ms, &me, TRUE)
      && !eligo_regex_in_range (eligo_reader_patterns ()->or_stop, head, me, strlen (head), NULL, NULL, FALSE)
      && eligo_regex_in_range (eligo_reader_patterns ()->word, head, 0, ms, NULL, NULL, FALSE))
    return TRUE;

  return FALSE;
}

static Node *
atom_node (Span *atom)
{
  if (atom->flags & FLAG_NEGATED)
    {
      g_autofree char *text = g_strdup_printf ("not %s", atom->node->text);

      return eligo_node_new_leaf (text);
    }
  return eligo_node_copy (atom->node);
}

static int
count_uncovered_words (Reader  *reader,
                       GString *words)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *text = g_strdup (reader->text->str);
  int count = 0;

  for (int i = 0; i < reader->len; i++)
    if (reader->covered[i])
      text[i] = ' ';

  g_regex_match (eligo_reader_patterns ()->word, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *word = g_match_info_fetch (info, 0);
      gsize n = strlen (word);

      while (n > 0 && (word[n - 1] == '-' || word[n - 1] == '\''))
        word[--n] = '\0';
      if (g_str_has_suffix (word, "'s"))
        word[n - 2] = '\0';
      if (strlen (word) < 3 || g_hash_table_contains (eligo_reader_patterns ()->generic, word))
        continue;
      count++;
      if (words->len < 80)
        g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", word);
    }
  return count;
}

typedef struct
{
  Span   *atom;
  char   *var;
  Op      op;        /* OP_NONE: not a comparison */
  double  value;
  gboolean negated;
} Constraint;

static void
collect_constraints (Span      *atom,
                     Node      *node,
                     gboolean   negated,
                     GArray    *out)
{
  Constraint c = { atom, NULL, OP_NONE, 0, negated };
  g_auto(GStrv) parts = NULL;

  if (node->kind != NODE_LEAF)
    {
      for (guint i = 0; i < node->children->len; i++)
        collect_constraints (atom, g_ptr_array_index (node->children, i), negated, out);
      return;
    }

  parts = g_strsplit (node->text, " ", 3);
  if (strcmp (parts[0], "not") == 0 && parts[1] != NULL)
    {
      c.var = g_strdup (parts[1]);
      c.negated = !negated;
    }
  else
    {
      c.var = g_strdup (parts[0]);
      if (parts[1] != NULL && parts[2] != NULL && eligo_parse_op (parts[1]) != OP_NONE)
        {
          c.op = eligo_parse_op (parts[1]);
          c.value = g_ascii_strtod (parts[2], NULL);
        }
    }
  g_array_append_val (out, c);
}

/* The sanity pass: a variable that two atoms constrain. Two limits of one
 * number are a range only when one is a lower and the other an upper
 * limit above it (an inclusion), or an "or" of the two sides (an
 * exclusion); anything else is alternatives ("<= 3x ULN; <= 5x ULN with
 * liver involvement") or a misreading ("< 6 and > 6"), and is dropped. Two
 * readings of the diagnosis or the status are dropped; so are a fact and
 * its negation. */
static void
drop_conflicts (Reader *reader)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Constraint));

  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if (!(atom->flags & FLAG_DROPPED) && !(atom->flags & FLAG_SEX_ALL) && atom->node != NULL)
        collect_constraints (atom, atom->node, (atom->flags & FLAG_NEGATED) != 0, all);
    }

  for (guint i = 0; i < all->len; i++)
    {
      Constraint *a = &g_array_index (all, Constraint, i);
      g_autoptr(GPtrArray) same = g_ptr_array_new ();
      gboolean conflict = FALSE;

      for (guint j = 0; j < all->len; j++)
        {
          Constraint *b = &g_array_index (all, Constraint, j);

          if (strcmp (a->var, b->var) == 0)
            g_ptr_array_add (same, b);
        }
      if (same->len < 2)
        continue;

      for (guint j = 0; j < same->len && !conflict; j++)
        for (guint k = j + 1; k < same->len && !conflict; k++)
          {
            Constraint *x = g_ptr_array_index (same, j);
            Constraint *y = g_ptr_array_index (same, k);
            gboolean x_low = x->op == OP_GT || x->op == OP_GE;
            gboolean y_low = y->op == OP_GT || y->op == OP_GE;

            if (x->atom == y->atom && x->op != OP_NONE)
              continue;
            if (x->op == OP_NONE || y->op == OP_NONE)
              {
                if (x->op != y->op)
                  conflict = TRUE;
                else if (g_str_equal (x->var, "diagnosis") || g_str_equal (x->var, "disease_status"))
                  conflict = x->atom != y->atom;
                else
                  conflict = x->negated != y->negated;
                continue;
              }
            if (same->len > 2 || x_low == y_low)
              conflict = TRUE;
            else if (reader->kind == ELIGO_CRITERION_INCLUSION)
              conflict = (x_low ? x->value : y->value) >= (x_low ? y->value : x->value);
            else
              conflict = (x_low ? x->value : y->value) <= (x_low ? y->value : x->value);
          }
      if (!conflict)
        continue;
      for (guint j = 0; j < same->len; j++)
        {
          Constraint *x = g_ptr_array_index (same, j);

          eligo_reader_drop_atom (reader, x->atom, "a variable read twice, not as a range");
        }
    }

  for (guint i = 0; i < all->len; i++)
    g_free (g_array_index (all, Constraint, i).var);
}

/* "Hepatitis B (HBsAg positive) **" with the note "** ... is permitted if
 * ..." somewhere else: the note usually allows exceptions. A note that
 * the splitter attached (a line opening with the same marker) is read. */

/* Where, in the criterion's text, the words of the atom at normalised
 * bytes [@start, @end) were: FALSE if the map was lost. Spaces at either
 * end are left out. */
static gboolean
source_range (Reader *reader,
              int     start,
              int     end,
              guint  *source_start,
              guint  *source_end)
{
  int s, e;

  if (reader->map == NULL || reader->source == NULL || (int) reader->map->len != reader->len
      || start < 0 || end > reader->len || end <= start)
    return FALSE;
  s = g_array_index (reader->map, EligoSource, start).start;
  e = g_array_index (reader->map, EligoSource, end - 1).end;
  while (s < e && g_ascii_isspace (reader->source[s]))
    s++;
  while (e > s && g_ascii_isspace (reader->source[e - 1]))
    e--;
  if (e <= s)
    return FALSE;
  *source_start = s;
  *source_end = e;
  return TRUE;
}

/* The spans of the atoms that went into the rule, with what each read;
 * a diagnosis or status merged into another is read as the merged one. */
static GArray *
collect_spans (Reader *reader)
{
  GArray *spans = eligo_rule_spans_new ();

  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);
      Span *read = atom->merged != NULL ? atom->merged : atom;
      g_autoptr(GString) text = NULL;
      Node *node;
      guint s, e;

      if (!(read->flags & FLAG_USED) || read->node == NULL || !source_range (reader, atom->start, atom->end, &s, &e))
        continue;
      node = atom_node (read);
      text = g_string_new (NULL);
      eligo_node_print (node, text, NODE_OR);
      eligo_node_free (node);
      eligo_rule_spans_add (spans, s, e, text->str);
    }
  if (spans->len == 0)
    g_clear_pointer (&spans, g_array_unref);
  return spans;
}

/* Joins the atoms @reader kept into the rule and says what it left unread. */
EligoExtraction *
eligo_rule_build (Reader *reader)
{
  g_autoptr(GString) words = g_string_new (NULL);
  Node *rule;
  guint n_kept;
  int uncovered;

  drop_conflicts (reader);

  /* "Male or female" says nothing when anything else is read. */
  n_kept = 0;
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if (!(atom->flags & FLAG_DROPPED) && !(atom->flags & FLAG_SEX_ALL))
        n_kept++;
    }

  /* Runs of atoms in one clause. */
  rule = eligo_node_new_group (reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_AND : NODE_OR);

  /* "ECOG 0-2 (if aged >= 18); Lansky >= 50 (if aged < 16)": each patient
   * falls under one branch, so the branches' "or" is necessary. */
  if (reader->kind == ELIGO_CRITERION_INCLUSION && n_kept >= 2)
    {
      guint n_conditional = 0;

      for (guint i = 0; i < reader->atoms->len; i++)
        {
          Span *atom = g_ptr_array_index (reader->atoms, i);

          if (!(atom->flags & (FLAG_DROPPED | FLAG_SEX_ALL)) && (atom->flags & FLAG_CONDITIONAL))
            n_conditional++;
        }
      if (n_conditional == n_kept)
        {
          Node *any = eligo_node_new_group (NODE_OR);

          for (guint i = 0; i < reader->atoms->len; i++)
            {
              Span *atom = g_ptr_array_index (reader->atoms, i);

              if (!(atom->flags & (FLAG_DROPPED | FLAG_SEX_ALL)))
                {
                  eligo_node_add (any, atom_node (atom));
                  atom->flags |= FLAG_USED;
                }
              atom->flags |= FLAG_DROPPED;
            }
          eligo_node_add (rule, any);
          reader->partial = TRUE;
          eligo_reader_note (reader, "alternatives by age read as a plain \"or\"");
        }
    }
  for (guint i = 0; i < reader->atoms->len;)
    {
      Span *first = g_ptr_array_index (reader->atoms, i);
      g_autoptr(GPtrArray) run = g_ptr_array_new ();
      gboolean has_or = FALSE;
      gboolean has_and = FALSE;
      gboolean and_in_list = TRUE;   /* every "and" closes a comma list */
      gboolean negated_run;
      gboolean conditional = FALSE;
      int top;
      Node *group;
      NodeKind run_kind;

      if (first->flags & FLAG_DROPPED)
        {
          i++;
          continue;
        }
      if (first->flags & FLAG_SEX_ALL)
        {
          i++;
          if (n_kept > 0)
            continue;
          g_ptr_array_add (run, first);
        }
      else
        {
          top = first->clause;
          g_ptr_array_add (run, first);
          for (i++; i < reader->atoms->len; i++)
            {
              Span *next = g_ptr_array_index (reader->atoms, i);
              Span *prev = g_ptr_array_index (run, run->len - 1);
              g_autofree char *gap = NULL;

              if (next->flags & FLAG_DROPPED || next->flags & FLAG_SEX_ALL)
                continue;
              if (next->clause != top)
                break;
              gap = eligo_reader_clause_text (reader, top, prev->end, next->start);
              if (g_regex_match (eligo_reader_patterns ()->or_word, gap, 0, NULL))
                has_or = TRUE;
              /* "or / and" is an "and/or" (NCT04179266). */
              if (g_regex_match (eligo_reader_patterns ()->and_word, gap, 0, NULL)
                  && !g_regex_match_simple ("\\bor\\s*/\\s*and\\b", gap, 0, 0))
                {
                  has_and = TRUE;
                  if (strchr (gap, ',') == NULL)
                    and_in_list = FALSE;
                }
              g_ptr_array_add (run, next);
            }
        }

      for (guint k = 0; k < run->len; k++)
        if (((Span *) g_ptr_array_index (run, k))->flags & FLAG_CONDITIONAL)
          conditional = TRUE;

      negated_run = TRUE;
      for (guint k = 0; k < run->len; k++)
        if (!(((Span *) g_ptr_array_index (run, k))->flags & FLAG_NEGATED))
          negated_run = FALSE;

      if (has_or && has_and)
        run_kind = reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_LEAF : NODE_AND;
      else if (has_or)
        run_kind = negated_run ? NODE_AND : NODE_OR;
      else if (has_and)
        run_kind = NODE_AND;
      else
        run_kind = reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_AND : NODE_OR;

      /* An exclusion's list of conditions ("HIV, hepatitis B or C, ... and
       * syphilis", "active infections including hepatitis B, hepatitis C,
       * and HIV"): its items are alternatives, not all required at once
       * (NCT03156790, NCT06221670). Only yes/no facts, and only where each
       * "and" follows a comma: "HBsAg positive and HBV DNA > 1000" stays
       * a conjunction. */
      if (reader->kind == ELIGO_CRITERION_EXCLUSION && has_and && and_in_list && !negated_run && run->len > 1)
        {
          gboolean all_facts = TRUE;

          for (guint k = 0; k < run->len && all_facts; k++)
            {
              Span *atom = g_ptr_array_index (run, k);

              all_facts = atom->node != NULL && atom->node->kind == NODE_LEAF
                          && strchr (atom->node->text, ' ') == NULL;
            }
          if (all_facts)
            run_kind = NODE_OR;
        }

      if (reader->kind == ELIGO_CRITERION_INCLUSION)
        {
          if (run_kind == NODE_LEAF)
            {
              for (guint k = 0; k < run->len; k++)
                eligo_reader_drop_atom (reader, g_ptr_array_index (run, k), "mixed \"and\" and \"or\"");
              continue;
            }
          if (!negated_run && run_incomplete (reader, first, g_ptr_array_index (run, run->len - 1), eligo_reader_patterns ()->or_word))
            {
              for (guint k = 0; k < run->len; k++)
                eligo_reader_drop_atom (reader, g_ptr_array_index (run, k), "one alternative of an \"or\" not read whole");
              continue;
            }
          if (conditional && (run_kind != NODE_OR || run->len < 2)
              && !(run->len == 1 && first->node != NULL && first->node->kind == NODE_OR))
            {
              for (guint k = 0; k < run->len; k++)
                eligo_reader_drop_atom (reader, g_ptr_array_index (run, k), "applies only to some patients");
              continue;
            }
          if (conditional)
            {
              reader->partial = TRUE;
              eligo_reader_note (reader, "alternatives by age read as a plain \"or\"");
            }
        }
      else
        {
          if (conditional)
            {
              for (guint k = 0; k < run->len; k++)
                eligo_reader_drop_atom (reader, g_ptr_array_index (run, k), "applies only to some patients");
              continue;
            }
          if (!negated_run && run_incomplete (reader, first, g_ptr_array_index (run, run->len - 1), eligo_reader_patterns ()->and_word))
            {
              for (guint k = 0; k < run->len; k++)
                eligo_reader_drop_atom (reader, g_ptr_array_index (run, k), "\"and\"-ed with something not read");
              continue;
            }
          if (run_kind == NODE_AND && run->len > 1)
            {
              reader->partial = TRUE;
              eligo_reader_note (reader, "an exclusion's \"and\" kept as a conjunction");
            }
        }

      group = eligo_node_new_group (run_kind);
      for (guint k = 0; k < run->len; k++)
        {
          Span *atom = g_ptr_array_index (run, k);

          eligo_node_add (group, atom_node (atom));
          atom->flags |= FLAG_USED;
          if (atom->flags & FLAG_PARTIAL)
            {
              reader->partial = TRUE;
              eligo_reader_note (reader, "an atom reads only part of its words");
            }
        }
      if (group->children->len == 1)
        {
          Node *only = eligo_node_copy (g_ptr_array_index (group->children, 0));

          eligo_node_free (group);
          group = only;
        }
      eligo_node_add (rule, group);
    }

  if (rule->children->len == 0)
    {
      eligo_node_free (rule);
      return eligo_reader_review (reader, reader->reason->len > 0 ? reader->reason->str : "nothing read");
    }

  /* Words no pattern covered. */
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if ((atom->flags & FLAG_DROPPED) && !(atom->flags & (FLAG_AGE | FLAG_DIAG | FLAG_STATUS)))
        memset (reader->covered + atom->start, 0, atom->end - atom->start);
    }
  uncovered = count_uncovered_words (reader, words);
  if (uncovered > 0 && n_kept == 0)
    {
      /* "Male and female subjects of reproductive potential must...": the
       * sex is not what the criterion is about. */
      eligo_node_free (rule);
      return eligo_reader_review (reader, "only \"male or female\" read");
    }
  if (uncovered > 0)
    {
      reader->partial = TRUE;
      eligo_reader_note (reader, "not read: %s", words->str);
    }

  {
    EligoExtraction *extraction = eligo_reader_finish (reader, rule);

    eligo_node_free (rule);
    if (extraction->rule != NULL)
      extraction->spans = collect_spans (reader);
    return extraction;
  }
}
