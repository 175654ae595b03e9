/* eligo-rule-printer.c
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

#include "eligo-rule.h"
#include "eligo-rule-private.h"

static const char * const op_names[] = {
  [ELIGO_RULE_OP_LT] = "<",
  [ELIGO_RULE_OP_LE] = "<=",
  [ELIGO_RULE_OP_GT] = ">",
  [ELIGO_RULE_OP_GE] = ">=",
  [ELIGO_RULE_OP_EQ] = "==",
  [ELIGO_RULE_OP_NE] = "!=",
};

/* Printer */

static int
precedence (const EligoRule *rule)
{
  switch (rule->kind)
    {
    case ELIGO_RULE_OR:
      return 1;
    case ELIGO_RULE_AND:
      return 2;
    case ELIGO_RULE_NOT:
      return 3;
    case ELIGO_RULE_COMPARE:
    case ELIGO_RULE_IN:
    case ELIGO_RULE_VARIABLE:
    default:
      return 4;
    }
}

static void
append_number (GString *string,
               double   number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);
  g_string_append (string, buffer);
}

static void
append_rule (GString         *string,
             const EligoRule *rule);

static void
append_child (GString         *string,
              const EligoRule *child,
              int              parent_precedence)
{
  gboolean parens = precedence (child) <= parent_precedence && child->kind != ELIGO_RULE_NOT;

  if (parens)
    g_string_append_c (string, '(');
  append_rule (string, child);
  if (parens)
    g_string_append_c (string, ')');
}

static void
append_rule (GString         *string,
             const EligoRule *rule)
{
  switch (rule->kind)
    {
    case ELIGO_RULE_OR:
    case ELIGO_RULE_AND:
      for (guint i = 0; i < rule->n_children; i++)
        {
          if (i > 0)
            g_string_append (string, rule->kind == ELIGO_RULE_OR ? " or " : " and ");
          append_child (string, rule->children[i], precedence (rule));
        }
      break;

    case ELIGO_RULE_NOT:
      g_string_append (string, "not ");
      append_child (string, rule->children[0], precedence (rule));
      break;

    case ELIGO_RULE_COMPARE:
      g_string_append_printf (string, "%s %s ", rule->variable, op_names[rule->op]);
      if (rule->symbol != NULL)
        g_string_append (string, rule->symbol);
      else
        append_number (string, rule->number);
      break;

    case ELIGO_RULE_IN:
      g_string_append_printf (string, "%s in (", rule->variable);
      for (guint i = 0; rule->symbols[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (string, ", ");
          g_string_append (string, rule->symbols[i]);
        }
      g_string_append_c (string, ')');
      break;

    case ELIGO_RULE_VARIABLE:
    default:
      g_string_append (string, rule->variable);
      break;
    }
}

/* Public API */

/**
 * eligo_rule_to_string:
 *
 * Returns: (transfer full): the canonical text of @rule: ASCII operators,
 *   single spaces, and only the parentheses that precedence needs
 */
char *
eligo_rule_to_string (const EligoRule *rule)
{
  GString *string;

  g_return_val_if_fail (rule != NULL, NULL);

  string = g_string_new (NULL);
  append_rule (string, rule);

  return g_string_free (string, FALSE);
}

/**
 * eligo_rule_op_to_string:
 *
 * Returns: the ASCII spelling of @op, as the printer writes it ("<=")
 */
const char *
eligo_rule_op_to_string (EligoRuleOp op)
{
  g_return_val_if_fail (op <= ELIGO_RULE_OP_NE, NULL);

  return op_names[op];
}

/**
 * eligo_rule_op_get_symbol:
 *
 * Returns: the sign of @op as people write it ("≤"), for what is shown and
 *   printed
 */
const char *
eligo_rule_op_get_symbol (EligoRuleOp op)
{
  switch (op)
    {
    case ELIGO_RULE_OP_LT:
      return "<";
    case ELIGO_RULE_OP_LE:
      return "≤";
    case ELIGO_RULE_OP_GT:
      return ">";
    case ELIGO_RULE_OP_GE:
      return "≥";
    case ELIGO_RULE_OP_NE:
      return "≠";
    case ELIGO_RULE_OP_EQ:
    default:
      return "=";
    }
}
