/* eligo-comparison-conditions.c
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

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-comparison-private.h"
#include "eligo-format.h"

/*
 * The short forms of a comparison's eligibility section, and their verdicts
 * for a patient.
 *
 * The eligibility section aligns the trials' rules by variable. Each rule is
 * split into parts: an inclusion's top-level conjuncts (what must hold) and
 * an exclusion's top-level disjuncts (what excludes), with negations pushed
 * down. The parts that mention a variable make that trial's cell for it:
 *
 *   inclusion  ecog <= 2                       "≤ 2"
 *   inclusion  age_years >= 14 and < 81        "14–80"
 *   inclusion  lvef_pct >= 50                  "≥ 50 %"
 *   exclusion  creatinine_x_uln >= 1.5 or ...  "excluded if ≥ 1.5 × ULN"
 *   exclusion  prior_car_t                     "excluded"
 *   inclusion  cd19_positive                   "required"
 *   inclusion  diagnosis in (B-ALL, Burkitt)   "B-ALL, Burkitt"
 *   exclusion  diagnosis == MPAL               "not MPAL"
 *
 * Ages read as nurses say them: a range "LOW–HIGH", "18 and over", "up to
 * 65". Rules write an inclusive upper age "up to 80" as `age_years < 81`, so
 * an integer bound `< X` shows as X − 1 unless the criterion's text says
 * "under X" (or "younger than", "less than", "below", "<"). A lower bound
 * shows its number whether it is > or ≥: the criterion text has the exact
 * wording. Several criteria on one variable are joined with "; " (ages
 * with " / "), and the same condition twice shows once. A cell whose
 * criterion's rule is partial is flagged (eligo_comparison_row_get_partial);
 * the text table marks it with "*".
 *
 * With a patient, a cell's verdict comes from the same parts: an inclusion's
 * parts on the variable must hold, an exclusion's must not; the nurse's
 * answer on the criterion wins.
 */

void
_eligo_comparison_source_free (gpointer data)
{
  EligoComparisonSource *source = data;

  g_clear_object (&source->criterion);
  g_clear_pointer (&source->rule, eligo_rule_unref);
  g_clear_pointer (&source->parts, g_array_unref);
  g_free (source);
}

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

/* Rules: parts and short forms */

static gboolean
rule_is_literal (const EligoRule *rule)
{
  EligoRuleKind kind = eligo_rule_get_kind (rule);

  return kind == ELIGO_RULE_COMPARE || kind == ELIGO_RULE_IN || kind == ELIGO_RULE_VARIABLE;
}

/* Whether @name is one of the NULL-terminated @names. */
static gboolean
names_contain (const char * const *names,
               const char         *name)
{
  return name != NULL && g_strv_contains (names, name);
}

static gboolean
rule_mentions (const EligoRule    *rule,
               const char * const *variables)
{
  if (eligo_rule_get_variable (rule) != NULL)
    return names_contain (variables, eligo_rule_get_variable (rule));

  for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
    if (rule_mentions (eligo_rule_get_child (rule, i), variables))
      return TRUE;

  return FALSE;
}

/* Splits @rule into its conjuncts (@conjunction) or disjuncts, pushing NOT
 * inwards: "not (a or b)" has the conjuncts "not a" and "not b". */
static void
collect_parts (const EligoRule *rule,
               gboolean         negated,
               gboolean         conjunction,
               GArray          *parts)
{
  EligoRuleKind kind = eligo_rule_get_kind (rule);
  EligoComparisonPart part = { rule, negated };

  if (kind == ELIGO_RULE_NOT)
    {
      collect_parts (eligo_rule_get_child (rule, 0), !negated, conjunction, parts);
      return;
    }

  if (kind == ELIGO_RULE_AND || kind == ELIGO_RULE_OR)
    {
      gboolean is_and = (kind == ELIGO_RULE_AND) != negated;

      if (is_and == conjunction)
        {
          for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
            collect_parts (eligo_rule_get_child (rule, i), negated, conjunction, parts);
          return;
        }
    }

  g_array_append_val (parts, part);
}

static char *
symbol_label (const char *symbol)
{
  char *label = g_strdup (symbol);

  return g_strdelimit (label, "_", ' ');
}

static char *
symbols_label (const char * const *symbols)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; symbols != NULL && symbols[i] != NULL; i++)
    {
      g_autofree char *label = symbol_label (symbols[i]);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, label);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
variable_unit (const EligoVariable *variable)
{
  if (variable == NULL || variable->unit == NULL)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, variable->unit);
}

/* "≤ 2 × ULN", "> 60 mL/min" */
static char *
format_comparison (const EligoVariable *variable,
                   EligoRuleOp          op,
                   double               number)
{
  g_autofree char *value = eligo_format_limit (number);
  const char *unit = variable_unit (variable);
  double days = number * 30.4375;

  /* The extractor keeps durations in months of 30.4375 days, rounded to
   * two decimals; a limit that is no whole number of months but is such a
   * rounding of a whole number of days was written in days or weeks, so
   * show it so ("≥ 60 days", not "≥ 1.97 months"). */
  if (variable != NULL && g_strcmp0 (variable->unit, "months") == 0
      && fabs (number - round (number)) > 1e-6 && round (days) >= 1
      && fabs (round (round (days) / 30.4375 * 100) / 100 - number) < 1e-6)
    {
      gulong n = (gulong) round (days);

      if (n % 7 == 0)
        /* Translators: a limit in weeks, e.g. "≥ 8 weeks" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %lu week", "%s %lu weeks",
                                             n / 7),
                                eligo_rule_op_get_symbol (op), n / 7);

      /* Translators: a limit in days, e.g. "≥ 60 days" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %lu day", "%s %lu days", n),
                              eligo_rule_op_get_symbol (op), n);
    }

  if (unit != NULL)
    return g_strdup_printf ("%s %s %s", eligo_rule_op_get_symbol (op), value, unit);

  return g_strdup_printf ("%s %s", eligo_rule_op_get_symbol (op), value);
}

/* A literal's enum condition from the point of view of what is allowed:
 * "B-ALL, Burkitt" or "not MPAL". */
static char *
format_enum_literal (const EligoRule *rule,
                     gboolean         negated)
{
  g_autofree char *values = NULL;
  gboolean positive;

  if (eligo_rule_get_kind (rule) == ELIGO_RULE_IN)
    {
      values = symbols_label (eligo_rule_get_symbols (rule));
      positive = !negated;
    }
  else
    {
      values = symbol_label (eligo_rule_get_symbol (rule));
      positive = (eligo_rule_get_op (rule) == ELIGO_RULE_OP_EQ) != negated;
    }

  if (positive)
    return g_steal_pointer (&values);

  /* Translators: an enum condition, e.g. "not MPAL" */
  return g_strdup_printf (_("not %s"), values);
}

static gboolean
literal_is_enum (const EligoRule *rule)
{
  return eligo_rule_get_kind (rule) == ELIGO_RULE_IN || eligo_rule_get_symbol (rule) != NULL;
}

/* A literal inside a compound part: the focused variables (one measure)
 * without their label. */
static void
render_expr (GString            *out,
             const EligoRule    *rule,
             gboolean            negated,
             const char * const *focus,
             gboolean            nested)
{
  EligoRuleKind kind = eligo_rule_get_kind (rule);
  const EligoVariable *variable;
  gboolean focused;

  if (kind == ELIGO_RULE_NOT)
    {
      render_expr (out, eligo_rule_get_child (rule, 0), !negated, focus, nested);
      return;
    }

  if (kind == ELIGO_RULE_AND || kind == ELIGO_RULE_OR)
    {
      gboolean is_and = (kind == ELIGO_RULE_AND) != negated;

      if (nested)
        g_string_append_c (out, '(');
      for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
        {
          if (i > 0)
            /* Translators: joins conditions, e.g. "≤ 2 × ULN and ALT ≤ 3 × ULN" */
            g_string_append (out, is_and ? _(" and ") : _(" or "));
          render_expr (out, eligo_rule_get_child (rule, i), negated, focus, TRUE);
        }
      if (nested)
        g_string_append_c (out, ')');
      return;
    }

  variable = eligo_variable_lookup (eligo_rule_get_variable (rule));
  focused = names_contain (focus, eligo_rule_get_variable (rule));

  if (kind == ELIGO_RULE_VARIABLE)
    {
      const char *label = variable != NULL ? eligo_variable_get_label (variable)
                                            : eligo_rule_get_variable (rule);

      if (focused)
        g_string_append (out, negated ? C_("condition", "no") : C_("condition", "yes"));
      else if (negated)
        g_string_append_printf (out, _("not %s"), label);
      else
        g_string_append (out, label);
      return;
    }

  if (!focused)
    g_string_append_printf (out, "%s ", variable != NULL ? eligo_variable_get_label (variable)
                                                         : eligo_rule_get_variable (rule));

  if (literal_is_enum (rule))
    {
      g_autofree char *text = format_enum_literal (rule, negated);

      g_string_append (out, text);
    }
  else
    {
      EligoRuleOp op = eligo_rule_get_op (rule);
      g_autofree char *text = format_comparison (variable, negated ? negate_op (op) : op,
                                                 eligo_rule_get_number (rule));

      g_string_append (out, text);
    }
}

/* Whether the criterion's text gives @number as an exclusive upper age:
 * "under 65 years old", "younger than 18", "< 65". */
static gboolean
text_says_under (const char *text,
                 double      number)
{
  g_autofree char *value = eligo_format_limit (number);
  g_autofree char *pattern = NULL;

  if (text == NULL)
    return FALSE;

  pattern = g_strdup_printf ("(under|younger than|less than|below|<)(\\s+the\\s+age\\s+of)?"
                             "\\s*%s(?![0-9.])", value);

  return g_regex_match_simple (pattern, text, G_REGEX_CASELESS, 0);
}

/* The ages an inclusion allows, as nurses say them; NULL if the atoms are
 * not one lower and/or one upper bound. */
static char *
format_age_atoms (EligoCriterion *criterion,
                  GArray         *atoms)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  gboolean low_exclusive = FALSE;
  gboolean high_exclusive = FALSE;

  for (guint i = 0; i < atoms->len; i++)
    {
      const EligoComparisonPart *part = &g_array_index (atoms, EligoComparisonPart, i);
      EligoRuleOp op = eligo_rule_get_op (part->rule);
      double number = eligo_rule_get_number (part->rule);

      if (part->negated)
        op = negate_op (op);

      if ((op == ELIGO_RULE_OP_GE || op == ELIGO_RULE_OP_GT) && low == NULL)
        {
          low = eligo_format_limit (number);
          low_exclusive = op == ELIGO_RULE_OP_GT;
        }
      else if (op == ELIGO_RULE_OP_LE && high == NULL)
        {
          high = eligo_format_limit (number);
        }
      else if (op == ELIGO_RULE_OP_LT && high == NULL)
        {
          /* "up to 80" is written `age_years < 81` */
          if (fabs (number - round (number)) < 1e-9 &&
              !text_says_under (eligo_criterion_get_text (criterion), number))
            high = eligo_format_limit (number - 1);
          else
            {
              high = eligo_format_limit (number);
              high_exclusive = TRUE;
            }
        }
      else
        return NULL;
    }

  if (low != NULL && high != NULL)
    /* Translators: an age range, e.g. "14–80" */
    return g_strdup_printf (_("%s–%s"), low, high);

  if (low != NULL)
    return g_strdup_printf (low_exclusive ? _("over %s")
                                          /* Translators: a minimum age, e.g. "18 and over" */
                                          : _("%s and over"), low);

  if (high != NULL)
    return g_strdup_printf (high_exclusive ? _("under %s")
                                           /* Translators: a maximum age, e.g. "up to 65" */
                                           : _("up to %s"), high);

  return NULL;
}

/* What an inclusion's literal parts on one variable require. */
static char *
format_must (const EligoVariable *variable,
             EligoCriterion      *criterion,
             GArray              *atoms)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const EligoComparisonPart *first = &g_array_index (atoms, EligoComparisonPart, 0);

  if (variable->type == ELIGO_VARIABLE_BOOL)
    {
      gboolean value = !first->negated;

      return g_strdup (value ? C_("condition", "required") : C_("condition", "excluded"));
    }

  if (variable->type == ELIGO_VARIABLE_NUMBER)
    {
      const EligoComparisonPart *second = NULL;

      if (atoms->len == 2)
        second = &g_array_index (atoms, EligoComparisonPart, 1);

      if (strcmp (variable->name, "age_years") == 0)
        {
          char *age = format_age_atoms (criterion, atoms);

          if (age != NULL)
            return age;
        }

      /* "0.5–2 × ULN" when both bounds are inclusive */
      if (second != NULL && !first->negated && !second->negated &&
          eligo_rule_get_op (first->rule) == ELIGO_RULE_OP_GE &&
          eligo_rule_get_op (second->rule) == ELIGO_RULE_OP_LE)
        {
          g_autofree char *low = eligo_format_limit (eligo_rule_get_number (first->rule));
          g_autofree char *high = eligo_format_limit (eligo_rule_get_number (second->rule));
          const char *unit = variable_unit (variable);

          if (unit != NULL)
            return g_strdup_printf ("%s–%s %s", low, high, unit);
          return g_strdup_printf ("%s–%s", low, high);
        }
    }

  for (guint i = 0; i < atoms->len; i++)
    {
      const EligoComparisonPart *part = &g_array_index (atoms, EligoComparisonPart, i);
      g_autofree char *atom = NULL;

      if (literal_is_enum (part->rule))
        atom = format_enum_literal (part->rule, part->negated);
      else
        atom = format_comparison (variable,
                                  part->negated ? negate_op (eligo_rule_get_op (part->rule))
                                                : eligo_rule_get_op (part->rule),
                                  eligo_rule_get_number (part->rule));

      if (i > 0)
        g_string_append (text, _(" and "));
      g_string_append (text, atom);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What an exclusion's literal parts on one variable exclude. */
static char *
format_excluded (const EligoVariable *variable,
                 GArray              *atoms)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const EligoComparisonPart *first = &g_array_index (atoms, EligoComparisonPart, 0);

  if (variable->type == ELIGO_VARIABLE_BOOL)
    {
      gboolean value = !first->negated;

      return g_strdup (value ? C_("condition", "excluded") : C_("condition", "required"));
    }

  if (variable->type == ELIGO_VARIABLE_ENUM)
    {
      /* What is allowed: "not MPAL" */
      for (guint i = 0; i < atoms->len; i++)
        {
          const EligoComparisonPart *part = &g_array_index (atoms, EligoComparisonPart, i);
          g_autofree char *atom = format_enum_literal (part->rule, !part->negated);

          if (i > 0)
            g_string_append (text, _(" and "));
          g_string_append (text, atom);
        }

      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = 0; i < atoms->len; i++)
    {
      const EligoComparisonPart *part = &g_array_index (atoms, EligoComparisonPart, i);
      g_autofree char *atom = NULL;

      atom = format_comparison (variable,
                                part->negated ? negate_op (eligo_rule_get_op (part->rule))
                                              : eligo_rule_get_op (part->rule),
                                eligo_rule_get_number (part->rule));
      if (i > 0)
        g_string_append (text, _(" or "));
      g_string_append (text, atom);
    }

  /* Translators: an exclusion's condition, e.g. "excluded if ≤ 6 weeks" */
  return g_strdup_printf (_("excluded if %s"), text->str);
}

/* Eligibility rows */

static void
add_fragment (GPtrArray  *fragments,
              char       *fragment)
{
  if (g_ptr_array_find_with_equal_func (fragments, fragment, g_str_equal, NULL))
    g_free (fragment);
  else
    g_ptr_array_add (fragments, fragment);
}

/* Fills @fragments with what @criterion says about the measure whose
 * variables are @variables (one measured thing in its units, e.g. total
 * bilirubin as × ULN and in µmol/L) and returns the parts of its rule that
 * mention any of them, or NULL if none. Each unit's limits read in that
 * unit, as the trial wrote them. */
GArray *
_eligo_comparison_describe_criterion (EligoCriterion              *criterion,
                                      const EligoVariable * const *variables,
                                      GPtrArray                   *fragments)
{
  EligoRule *rule = eligo_criterion_get_rule (criterion);
  gboolean inclusion = eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (EligoComparisonPart));
  g_autoptr(GArray) mentioning = g_array_new (FALSE, FALSE, sizeof (EligoComparisonPart));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint v = 0; variables[v] != NULL; v++)
    g_ptr_array_add (names, (gpointer) variables[v]->name);
  g_ptr_array_add (names, NULL);

  collect_parts (rule, FALSE, inclusion, parts);

  for (guint i = 0; i < parts->len; i++)
    {
      const EligoComparisonPart *part = &g_array_index (parts, EligoComparisonPart, i);

      if (rule_mentions (part->rule, (const char * const *) names->pdata))
        g_array_append_val (mentioning, *part);
    }

  if (mentioning->len == 0)
    return NULL;

  for (guint v = 0; variables[v] != NULL; v++)
    {
      g_autoptr(GArray) atoms = g_array_new (FALSE, FALSE, sizeof (EligoComparisonPart));

      for (guint i = 0; i < mentioning->len; i++)
        {
          const EligoComparisonPart *part = &g_array_index (mentioning, EligoComparisonPart, i);

          if (rule_is_literal (part->rule) &&
              g_strcmp0 (eligo_rule_get_variable (part->rule), variables[v]->name) == 0)
            g_array_append_val (atoms, *part);
        }

      if (atoms->len > 0)
        add_fragment (fragments, inclusion ? format_must (variables[v], criterion, atoms)
                                           : format_excluded (variables[v], atoms));
    }

  for (guint i = 0; i < mentioning->len; i++)
    {
      const EligoComparisonPart *part = &g_array_index (mentioning, EligoComparisonPart, i);
      g_autoptr(GString) expr = NULL;

      if (rule_is_literal (part->rule))
        continue;

      expr = g_string_new (NULL);
      render_expr (expr, part->rule, part->negated, (const char * const *) names->pdata, FALSE);
      if (inclusion)
        add_fragment (fragments, g_string_free (g_steal_pointer (&expr), FALSE));
      else
        add_fragment (fragments, g_strdup_printf (_("excluded if %s"), expr->str));
    }

  return g_steal_pointer (&mentioning);
}

/* Verdicts */

static EligoTruth
truth_not (EligoTruth truth)
{
  if (truth == ELIGO_TRUTH_UNKNOWN)
    return truth;

  return truth == ELIGO_TRUTH_TRUE ? ELIGO_TRUTH_FALSE : ELIGO_TRUTH_TRUE;
}

static EligoTruth
truth_and (EligoTruth a,
           EligoTruth b)
{
  if (a == ELIGO_TRUTH_FALSE || b == ELIGO_TRUTH_FALSE)
    return ELIGO_TRUTH_FALSE;
  if (a == ELIGO_TRUTH_UNKNOWN || b == ELIGO_TRUTH_UNKNOWN)
    return ELIGO_TRUTH_UNKNOWN;
  return ELIGO_TRUTH_TRUE;
}

static EligoTruth
truth_or (EligoTruth a,
          EligoTruth b)
{
  return truth_not (truth_and (truth_not (a), truth_not (b)));
}

static const EligoCriterionResult *
find_result (EligoScreeningResult *result,
             EligoCriterion       *criterion)
{
  for (guint i = 0; result != NULL && i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);

      if (r->criterion == criterion)
        return r;
    }

  return NULL;
}

/* The verdict on the parts of one criterion that concern a variable; the
 * nurse's answer on the criterion wins. */
EligoVerdict
_eligo_comparison_source_verdict (EligoComparisonSource *source,
                                  EligoPatient          *patient,
                                  EligoScreeningResult  *result)
{
  const EligoCriterionResult *criterion_result = find_result (result, source->criterion);
  gboolean inclusion = eligo_criterion_get_kind (source->criterion) == ELIGO_CRITERION_INCLUSION;
  EligoTruth truth = inclusion ? ELIGO_TRUTH_TRUE : ELIGO_TRUTH_FALSE;

  if (criterion_result != NULL && criterion_result->answered)
    return criterion_result->verdict;

  for (guint i = 0; i < source->parts->len; i++)
    {
      const EligoComparisonPart *part = &g_array_index (source->parts, EligoComparisonPart, i);
      EligoTruth value = eligo_rule_evaluate (part->rule, eligo_patient_lookup, patient);

      if (part->negated)
        value = truth_not (value);
      truth = inclusion ? truth_and (truth, value) : truth_or (truth, value);
    }

  if (truth == ELIGO_TRUTH_UNKNOWN)
    return ELIGO_VERDICT_UNKNOWN;

  if ((truth == ELIGO_TRUTH_TRUE) == inclusion)
    return ELIGO_VERDICT_PASS;

  return ELIGO_VERDICT_FAIL;
}
