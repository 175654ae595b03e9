/* eligo-rule.c
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

/*
 * A rule is a tree of immutable, atomically refcounted nodes. Variable names
 * and enum symbols are interned, so nodes compare them by pointer.
 *
 * The rule language lives in the files beside this one:
 * eligo-rule-lexer.c cuts a text into tokens, eligo-rule-parser.c builds the
 * tree from them, eligo-rule-evaluator.c evaluates it for a patient and
 * eligo-rule-printer.c writes it back as text. eligo-rule-private.h holds
 * the node and token types they share; this file holds the type itself, and
 * comparing and inspecting a tree.
 */

G_DEFINE_BOXED_TYPE (EligoRule, eligo_rule, eligo_rule_ref, eligo_rule_unref)
G_DEFINE_QUARK (eligo-rule-error-quark, eligo_rule_error)

/* Nodes */

static void
rule_clear (EligoRule *rule)
{
  for (guint i = 0; i < rule->n_children; i++)
    eligo_rule_unref (rule->children[i]);
  g_free (rule->children);
  g_free (rule->symbols);
}

/* Variables */

static void
collect_variables (const EligoRule *rule,
                   GHashTable      *names)
{
  if (rule->variable != NULL)
    g_hash_table_add (names, (gpointer) rule->variable);

  for (guint i = 0; i < rule->n_children; i++)
    collect_variables (rule->children[i], names);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Public API */

EligoRule *
eligo_rule_ref (EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return g_atomic_rc_box_acquire (rule);
}

void
eligo_rule_unref (EligoRule *rule)
{
  g_return_if_fail (rule != NULL);

  g_atomic_rc_box_release_full (rule, (GDestroyNotify) rule_clear);
}

gboolean
eligo_rule_equal (const EligoRule *a,
                  const EligoRule *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  if (a->kind != b->kind
      || a->variable != b->variable
      || a->n_children != b->n_children)
    return FALSE;

  switch (a->kind)
    {
    case ELIGO_RULE_COMPARE:
      if (a->op != b->op || a->symbol != b->symbol)
        return FALSE;
      if (a->symbol == NULL && a->number != b->number)
        return FALSE;
      break;

    case ELIGO_RULE_IN:
      for (guint i = 0; ; i++)
        {
          if (a->symbols[i] != b->symbols[i])
            return FALSE;
          if (a->symbols[i] == NULL)
            break;
        }
      break;

    case ELIGO_RULE_OR:
    case ELIGO_RULE_AND:
    case ELIGO_RULE_NOT:
    case ELIGO_RULE_VARIABLE:
    default:
      break;
    }

  for (guint i = 0; i < a->n_children; i++)
    if (!eligo_rule_equal (a->children[i], b->children[i]))
      return FALSE;

  return TRUE;
}

/**
 * eligo_rule_dup_variables:
 *
 * Returns: (transfer full): the names of the variables @rule uses, sorted
 *   and each once
 */
char **
eligo_rule_dup_variables (const EligoRule *rule)
{
  g_autoptr(GHashTable) names = NULL;
  GHashTableIter iter;
  gpointer name;
  GPtrArray *array;

  g_return_val_if_fail (rule != NULL, NULL);

  names = g_hash_table_new (NULL, NULL);
  collect_variables (rule, names);

  array = g_ptr_array_sized_new (g_hash_table_size (names) + 1);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (array, g_strdup (name));
  g_ptr_array_sort (array, compare_strings);
  g_ptr_array_add (array, NULL);

  return (char **) g_ptr_array_free (array, FALSE);
}

EligoRuleKind
eligo_rule_get_kind (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, ELIGO_RULE_VARIABLE);

  return rule->kind;
}

/**
 * eligo_rule_get_n_children:
 *
 * Returns: 2 or more for AND and OR, 1 for NOT, 0 otherwise
 */
guint
eligo_rule_get_n_children (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, 0);

  return rule->n_children;
}

const EligoRule *
eligo_rule_get_child (const EligoRule *rule,
                      guint            index)
{
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (index < rule->n_children, NULL);

  return rule->children[index];
}

/**
 * eligo_rule_get_variable:
 *
 * Returns: (nullable): the interned variable name of a COMPARE, IN or
 *   VARIABLE rule, %NULL for the others
 */
const char *
eligo_rule_get_variable (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->variable;
}

/**
 * eligo_rule_get_op:
 *
 * Returns: the operator of a COMPARE rule; %ELIGO_RULE_OP_EQ for the others
 */
EligoRuleOp
eligo_rule_get_op (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, ELIGO_RULE_OP_EQ);

  return rule->op;
}

/**
 * eligo_rule_get_number:
 *
 * Returns: the number a COMPARE rule compares with; NAN if it compares with
 *   a symbol, and for the other kinds
 */
double
eligo_rule_get_number (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NAN);

  return rule->number;
}

/**
 * eligo_rule_get_symbol:
 *
 * Returns: (nullable): the interned enum symbol a COMPARE rule compares
 *   with, or %NULL
 */
const char *
eligo_rule_get_symbol (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->symbol;
}

/**
 * eligo_rule_get_symbols:
 *
 * Returns: (nullable) (array zero-terminated=1): the interned symbols of an
 *   IN rule, in the order written, or %NULL for the other kinds
 */
const char * const *
eligo_rule_get_symbols (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return (const char * const *) rule->symbols;
}
