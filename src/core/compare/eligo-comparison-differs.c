/* eligo-comparison-differs.c
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

#define G_LOG_DOMAIN "eligo-comparison"

#include "config.h"

#include <math.h>
#include <string.h>

#include "eligo-comparison-private.h"

/*
 * When a row of a comparison differs: what the ≠ mark, "Only Differences"
 * in the window, eligo-cli compare --only-differences and the PDF use.
 *
 * Two cells are the same when they say the same thing, not when they are
 * worded alike; two cells with the same text are always the same.
 *
 * Eligibility rows compare what each trial's rules admit, normalized:
 *
 *   - a number's limits become one interval, clipped to the variable's
 *     plausible range: "ECOG 0–1" is "ECOG ≤ 1", "age ≥ 0" is no limit;
 *     on an integer scale (ECOG, NYHA) a strict bound is its inclusive
 *     neighbour, "< 2" is "≤ 1";
 *   - an exclusion becomes what it still admits: "excluded if ≥ 1.5 × ULN"
 *     is "< 1.5 × ULN", the same as an inclusion "< 1.5 × ULN";
 *   - an enum's conditions become the set of values left ("female, male"
 *     leaves every sex: no limit), a yes/no condition the value required;
 *   - a compound condition ("ECOG ≤ 1 or Karnofsky ≥ 70") compares by its
 *     rule.
 *
 * A trial whose rules admit every value restricts no more than a trial that
 * states nothing. The row differs when two trials' limits are not the same:
 * the trials that state it set different limits, or some restrict and
 * others do not. For the nurse the second kind matters as much as the
 * first: a trial that says nothing about HIV is where an HIV-positive
 * patient may still go. Limits in different units of one measure (× ULN
 * against µmol/L) cannot be matched without the lab's ULN, so they differ.
 *
 * Rows of registry facts (overview, design, population, interventions,
 * outcomes) differ when two trials that state the fact state it
 * differently, ignoring case and spacing. A fact the registry leaves out
 * for a trial is unknown, not a difference: "Healthy volunteers: No" for
 * two trials and unstated for three does not differ. The rows of criteria
 * without rules differ whenever their texts do, an empty cell included:
 * a trial with criteria for the nurse to review differs from one without.
 */

/* Scales with whole values only, where "< 2" admits what "≤ 1" does. */
static const char * const integer_scales[] = { "ecog", "nyha_class", NULL };

typedef struct
{
  double   low;
  double   high;
  gboolean low_open;
  gboolean high_open;
} Interval;

static EligoRuleOp
negate_op (EligoRuleOp op)
{
  switch (op)
    {
    case ELIGO_RULE_OP_LT:
      return ELIGO_RULE_OP_GE;
    case ELIGO_RULE_OP_LE:
      return ELIGO_RULE_OP_GT;
    case ELIGO_RULE_OP_GT:
      return ELIGO_RULE_OP_LE;
    case ELIGO_RULE_OP_GE:
      return ELIGO_RULE_OP_LT;
    case ELIGO_RULE_OP_NE:
      return ELIGO_RULE_OP_EQ;
    case ELIGO_RULE_OP_EQ:
    default:
      return ELIGO_RULE_OP_NE;
    }
}

static void
raise_low (Interval *interval,
           double    number,
           gboolean  open)
{
  if (number > interval->low)
    {
      interval->low = number;
      interval->low_open = open;
    }
  else if (number == interval->low)
    interval->low_open |= open;
}

static void
lower_high (Interval *interval,
            double    number,
            gboolean  open)
{
  if (number < interval->high)
    {
      interval->high = number;
      interval->high_open = open;
    }
  else if (number == interval->high)
    interval->high_open |= open;
}

/* Narrows @interval to the values with "value @op @number"; FALSE for a
 * condition one interval cannot hold ("≠ 2"). */
static gboolean
interval_apply (Interval            *interval,
                const EligoVariable *variable,
                EligoRuleOp          op,
                double               number)
{
  gboolean whole = g_strv_contains (integer_scales, variable->name) &&
                   fabs (number - round (number)) < 1e-9;

  switch (op)
    {
    case ELIGO_RULE_OP_GT:
      if (whole)
        raise_low (interval, number + 1, FALSE);
      else
        raise_low (interval, number, TRUE);
      return TRUE;
    case ELIGO_RULE_OP_GE:
      raise_low (interval, number, FALSE);
      return TRUE;
    case ELIGO_RULE_OP_LT:
      if (whole)
        lower_high (interval, number - 1, FALSE);
      else
        lower_high (interval, number, TRUE);
      return TRUE;
    case ELIGO_RULE_OP_LE:
      lower_high (interval, number, FALSE);
      return TRUE;
    case ELIGO_RULE_OP_EQ:
      raise_low (interval, number, FALSE);
      lower_high (interval, number, FALSE);
      return TRUE;
    case ELIGO_RULE_OP_NE:
    default:
      return FALSE;
    }
}

static void
append_number (GString *out,
               double   number)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", number));
}

/* "ecog ≤ 1", "age_years [14, 81)"; nothing if every plausible value passes. */
static void
append_interval (GString             *out,
                 const EligoVariable *variable,
                 const Interval      *interval)
{
  gboolean low = interval->low > variable->min ||
                 (interval->low == variable->min && interval->low_open);
  gboolean high = interval->high < variable->max ||
                  (interval->high == variable->max && interval->high_open);

  if (!low && !high)
    return;

  g_string_append_printf (out, "%s %c", variable->name, low && interval->low_open ? '(' : '[');
  if (low)
    append_number (out, interval->low);
  g_string_append (out, ", ");
  if (high)
    append_number (out, interval->high);
  g_string_append_printf (out, "%c; ", high && interval->high_open ? ')' : ']');
}

/* The choices of @variable that "@rule" (as written) holds for, as bits. */
static guint64
enum_matches (const EligoVariable *variable,
              const EligoRule     *rule,
              gboolean            *ok)
{
  guint64 bits = 0;
  guint64 all = 0;

  for (guint c = 0; variable->choices[c] != NULL && c < 64; c++)
    {
      const char *choice = variable->choices[c];
      gboolean match;

      all |= G_GUINT64_CONSTANT (1) << c;
      if (eligo_rule_get_kind (rule) == ELIGO_RULE_IN)
        match = g_strv_contains (eligo_rule_get_symbols (rule), choice);
      else if (eligo_rule_get_symbol (rule) != NULL)
        match = g_strcmp0 (eligo_rule_get_symbol (rule), choice) == 0;
      else
        {
          *ok = FALSE;
          return 0;
        }

      if (match)
        bits |= G_GUINT64_CONSTANT (1) << c;
    }

  if (eligo_rule_get_kind (rule) != ELIGO_RULE_IN && eligo_rule_get_op (rule) == ELIGO_RULE_OP_NE)
    bits = all & ~bits;
  else if (eligo_rule_get_kind (rule) != ELIGO_RULE_IN && eligo_rule_get_op (rule) != ELIGO_RULE_OP_EQ)
    *ok = FALSE;

  return bits;
}

/* The normalized literal conditions of @sources on @variable, appended to
 * @out; literals that do not normalize go to @others as rules. */
static void
append_variable_meaning (GString             *out,
                         GPtrArray           *others,
                         GPtrArray           *sources,
                         const EligoVariable *variable)
{
  Interval interval = { -INFINITY, INFINITY, FALSE, FALSE };
  gboolean required[2] = { FALSE, FALSE };
  guint64 all = 0;
  guint64 allowed;

  for (guint c = 0; variable->choices != NULL && variable->choices[c] != NULL && c < 64; c++)
    all |= G_GUINT64_CONSTANT (1) << c;
  allowed = all;

  for (guint s = 0; s < sources->len; s++)
    {
      EligoComparisonSource *source = g_ptr_array_index (sources, s);
      gboolean inclusion = eligo_criterion_get_kind (source->criterion) ==
                           ELIGO_CRITERION_INCLUSION;

      for (guint p = 0; p < source->parts->len; p++)
        {
          const EligoComparisonPart *part = &g_array_index (source->parts, EligoComparisonPart, p);
          EligoRuleKind kind = eligo_rule_get_kind (part->rule);
          /* An inclusion's part must hold, an exclusion's must not */
          gboolean holds = inclusion != part->negated;
          gboolean ok = TRUE;

          if ((kind != ELIGO_RULE_COMPARE && kind != ELIGO_RULE_IN && kind != ELIGO_RULE_VARIABLE) ||
              g_strcmp0 (eligo_rule_get_variable (part->rule), variable->name) != 0)
            continue;

          if (variable->type == ELIGO_VARIABLE_BOOL && kind == ELIGO_RULE_VARIABLE)
            required[holds ? 1 : 0] = TRUE;
          else if (variable->type == ELIGO_VARIABLE_ENUM && variable->choices != NULL)
            {
              guint64 matches = enum_matches (variable, part->rule, &ok);

              if (ok)
                allowed &= holds ? matches : all & ~matches;
            }
          else if (variable->type == ELIGO_VARIABLE_NUMBER && kind == ELIGO_RULE_COMPARE &&
                   eligo_rule_get_symbol (part->rule) == NULL)
            {
              EligoRuleOp op = eligo_rule_get_op (part->rule);

              ok = interval_apply (&interval, variable, holds ? op : negate_op (op),
                                   eligo_rule_get_number (part->rule));
            }
          else
            ok = FALSE;

          if (!ok)
            {
              g_autofree char *rule = eligo_rule_to_string (part->rule);

              g_ptr_array_add (others, g_strdup_printf ("%s%s", holds ? "" : "not ", rule));
            }
        }
    }

  if (variable->type == ELIGO_VARIABLE_NUMBER)
    append_interval (out, variable, &interval);

  for (guint i = 0; i < 2; i++)
    if (required[i])
      g_string_append_printf (out, "%s = %s; ", variable->name, i == 1 ? "yes" : "no");

  if (allowed != all)
    {
      g_string_append_printf (out, "%s in (", variable->name);
      for (guint c = 0; variable->choices[c] != NULL && c < 64; c++)
        if (allowed & (G_GUINT64_CONSTANT (1) << c))
          g_string_append_printf (out, "%s ", variable->choices[c]);
      g_string_append (out, "); ");
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * _eligo_comparison_sources_meaning:
 * @sources: one trial's #EligoComparisonSource on a measure
 * @variables: the measure's variables, NULL-terminated
 *
 * Returns: (transfer full) (nullable): what the trial's conditions on the
 *   measure admit, normalized so that equal strings admit the same values,
 *   or %NULL if they admit every plausible value
 */
char *
_eligo_comparison_sources_meaning (GPtrArray                   *sources,
                                   const EligoVariable * const *variables)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);

  for (guint v = 0; variables[v] != NULL; v++)
    append_variable_meaning (out, others, sources, variables[v]);

  /* Compound parts compare by their rule: "ecog <= 1 or karnofsky >= 70" */
  for (guint s = 0; s < sources->len; s++)
    {
      EligoComparisonSource *source = g_ptr_array_index (sources, s);
      gboolean inclusion = eligo_criterion_get_kind (source->criterion) ==
                           ELIGO_CRITERION_INCLUSION;

      for (guint p = 0; p < source->parts->len; p++)
        {
          const EligoComparisonPart *part = &g_array_index (source->parts, EligoComparisonPart, p);
          EligoRuleKind kind = eligo_rule_get_kind (part->rule);
          g_autofree char *rule = NULL;

          if (kind == ELIGO_RULE_COMPARE || kind == ELIGO_RULE_IN || kind == ELIGO_RULE_VARIABLE)
            continue;

          rule = eligo_rule_to_string (part->rule);
          g_ptr_array_add (others, g_strdup_printf ("%s(%s)", inclusion != part->negated ? ""
                                                                                        : "not ",
                                                    rule));
        }
    }

  g_ptr_array_sort (others, compare_strings);
  for (guint i = 0; i < others->len; i++)
    if (i == 0 || strcmp (g_ptr_array_index (others, i - 1), g_ptr_array_index (others, i)) != 0)
      g_string_append_printf (out, "%s; ", (const char *) g_ptr_array_index (others, i));

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A registry text, case folded and with its spacing collapsed. */
static char *
text_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", g_strstrip (folded), 0, 0);

  return g_strjoinv (" ", words);
}

static gboolean
cells_same (EligoComparisonRow *row,
            guint               a,
            guint               b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  if (g_strcmp0 (row->cells[a], row->cells[b]) == 0)
    return TRUE;

  if (row->meanings != NULL)
    return g_strcmp0 (row->meanings[a], row->meanings[b]) == 0;

  if (row->section == ELIGO_COMPARISON_SECTION_UNRULED)
    return FALSE;

  /* A fact the registry does not state for one trial is unknown */
  if (row->cells[a] == NULL || row->cells[b] == NULL)
    return TRUE;

  key_a = text_key (row->cells[a]);
  key_b = text_key (row->cells[b]);

  return strcmp (key_a, key_b) == 0;
}

/**
 * _eligo_comparison_cells_differ:
 * @row: a row with its cells (and, for an eligibility row, its meanings)
 *
 * Returns: whether two of the row's cells do not say the same thing, as
 *   defined at the top of this file
 */
gboolean
_eligo_comparison_cells_differ (EligoComparisonRow *row)
{
  for (guint a = 0; a < row->n_cells; a++)
    for (guint b = a + 1; b < row->n_cells; b++)
      if (!cells_same (row, a, b))
        return TRUE;

  return FALSE;
}
