/* eligo-rule-evaluator.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "eligo-rule"

#include "config.h"

#include <math.h>
#include <string.h>

#include "eligo-rule.h"
#include "eligo-rule-private.h"

/* Evaluation */

static gboolean
lookup_value (EligoValueLookup  lookup,
              gpointer          user_data,
              const char       *name,
              EligoValueKind    kind,
              EligoValue       *value)
{
  memset (value, 0, sizeof *value);
  value->kind = ELIGO_VALUE_UNKNOWN;
  value->number = NAN;

  if (lookup == NULL || !lookup (name, value, user_data))
    return FALSE;
  if (value->kind != kind)
    return FALSE;
  if (kind == ELIGO_VALUE_NUMBER && isnan (value->number))
    return FALSE;
  if (kind == ELIGO_VALUE_SYMBOL && value->symbol == NULL)
    return FALSE;

  return TRUE;
}

static EligoTruth
truth (gboolean value)
{
  return value ? ELIGO_TRUTH_TRUE : ELIGO_TRUTH_FALSE;
}

static gboolean
compare_numbers (EligoRuleOp op,
                 double      a,
                 double      b)
{
  switch (op)
    {
    case ELIGO_RULE_OP_LT:
      return a < b;
    case ELIGO_RULE_OP_LE:
      return a <= b;
    case ELIGO_RULE_OP_GT:
      return a > b;
    case ELIGO_RULE_OP_GE:
      return a >= b;
    case ELIGO_RULE_OP_EQ:
      return a == b;
    case ELIGO_RULE_OP_NE:
    default:
      return a != b;
    }
}

/* Public API */

/**
 * eligo_rule_evaluate:
 * @lookup: (nullable): gives the patient's values; %NULL means all unknown
 *
 * Kleene logic. A value that @lookup does not give, or gives with the wrong
 * kind for the variable (a number for a bool, say), or a NaN number, is
 * unknown.
 */
EligoTruth
eligo_rule_evaluate (const EligoRule  *rule,
                     EligoValueLookup  lookup,
                     gpointer          user_data)
{
  EligoValue value;
  EligoTruth result;

  g_return_val_if_fail (rule != NULL, ELIGO_TRUTH_UNKNOWN);

  switch (rule->kind)
    {
    case ELIGO_RULE_OR:
    case ELIGO_RULE_AND:
      {
        EligoTruth dominant = rule->kind == ELIGO_RULE_AND ? ELIGO_TRUTH_FALSE : ELIGO_TRUTH_TRUE;

        result = rule->kind == ELIGO_RULE_AND ? ELIGO_TRUTH_TRUE : ELIGO_TRUTH_FALSE;
        for (guint i = 0; i < rule->n_children; i++)
          {
            EligoTruth child = eligo_rule_evaluate (rule->children[i], lookup, user_data);

            if (child == dominant)
              return dominant;
            if (child == ELIGO_TRUTH_UNKNOWN)
              result = ELIGO_TRUTH_UNKNOWN;
          }
        return result;
      }

    case ELIGO_RULE_NOT:
      result = eligo_rule_evaluate (rule->children[0], lookup, user_data);
      if (result == ELIGO_TRUTH_UNKNOWN)
        return ELIGO_TRUTH_UNKNOWN;
      return truth (result == ELIGO_TRUTH_FALSE);

    case ELIGO_RULE_COMPARE:
      if (rule->symbol != NULL)
        {
          if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_SYMBOL, &value))
            return ELIGO_TRUTH_UNKNOWN;
          return truth ((strcmp (value.symbol, rule->symbol) == 0)
                        == (rule->op == ELIGO_RULE_OP_EQ));
        }
      if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_NUMBER, &value))
        return ELIGO_TRUTH_UNKNOWN;
      return truth (compare_numbers (rule->op, value.number, rule->number));

    case ELIGO_RULE_IN:
      if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_SYMBOL, &value))
        return ELIGO_TRUTH_UNKNOWN;
      for (guint i = 0; rule->symbols[i] != NULL; i++)
        if (strcmp (value.symbol, rule->symbols[i]) == 0)
          return ELIGO_TRUTH_TRUE;
      return ELIGO_TRUTH_FALSE;

    case ELIGO_RULE_VARIABLE:
    default:
      if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_BOOL, &value))
        return ELIGO_TRUTH_UNKNOWN;
      return truth (value.boolean);
    }
}
