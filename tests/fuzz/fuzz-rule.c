/* fuzz-rule.c: the rule parser, with a round trip: a rule printed and
 * parsed again is the same rule and prints the same
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "eligo-fuzz.h"

#include "eligo-rule.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  eligo_fuzz_init ();
  return 0;
}

static gboolean
lookup_unknown (const char *name,
                EligoValue *value,
                gpointer    user_data)
{
  value->kind = ELIGO_VALUE_UNKNOWN;
  return FALSE;
}

/* Some value of the variable's type, chosen by the input. */
static gboolean
lookup_some (const char *name,
             EligoValue *value,
             gpointer    user_data)
{
  const EligoVariable *variable = eligo_variable_lookup (name);
  guint h = g_str_hash (name) ^ GPOINTER_TO_UINT (user_data);

  g_assert (variable != NULL);

  switch (variable->type)
    {
    case ELIGO_VARIABLE_NUMBER:
      {
        const double numbers[] = { variable->min, variable->max,
                                   (variable->min + variable->max) / 2, variable->min - 1 };

        value->kind = ELIGO_VALUE_NUMBER;
        value->number = numbers[h % G_N_ELEMENTS (numbers)];
      }
      return TRUE;
    case ELIGO_VARIABLE_BOOL:
      value->kind = ELIGO_VALUE_BOOL;
      value->boolean = (h & 1) != 0;
      return TRUE;
    case ELIGO_VARIABLE_ENUM:
      {
        guint n = g_strv_length ((char **) variable->choices);

        g_assert (n > 0);
        value->kind = ELIGO_VALUE_SYMBOL;
        value->symbol = g_intern_string (variable->choices[h % n]);
      }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = eligo_fuzz_text (data, size);
  g_autoptr(EligoRule) rule = NULL;
  g_autoptr(EligoRule) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *reprinted = NULL;
  g_auto(GStrv) variables = NULL;
  EligoTruth unknown, some;
  guint offset = G_MAXUINT;

  if (text == NULL)
    return -1;

  rule = eligo_rule_parse (text, &offset, &error);
  if (rule == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == ELIGO_RULE_ERROR);
      g_assert (offset <= size);
      eligo_fuzz_assert_utf8 ("the parse error", error->message);
      return 0;
    }

  printed = eligo_rule_to_string (rule);
  eligo_fuzz_assert_utf8 ("the printed rule", printed);
  again = eligo_rule_parse (printed, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("\"%s\" printed as \"%s\", which does not parse: %s\n",
                  text, printed, error->message);
      abort ();
    }
  reprinted = eligo_rule_to_string (again);
  if (strcmp (printed, reprinted) != 0 || !eligo_rule_equal (rule, again))
    {
      g_printerr ("\"%s\" printed as \"%s\", which reads back as \"%s\"%s\n",
                  text, printed, reprinted,
                  eligo_rule_equal (rule, again) ? "" : " (a different rule)");
      abort ();
    }

  variables = eligo_rule_dup_variables (rule);
  for (guint i = 0; variables[i] != NULL; i++)
    g_assert (eligo_variable_lookup (variables[i]) != NULL);

  /* Kleene logic: what holds with nothing known holds whatever is learnt. */
  unknown = eligo_rule_evaluate (rule, lookup_unknown, NULL);
  some = eligo_rule_evaluate (rule, lookup_some, GUINT_TO_POINTER ((guint) size));
  g_assert (unknown <= ELIGO_TRUTH_UNKNOWN && some <= ELIGO_TRUTH_UNKNOWN);
  if (unknown != ELIGO_TRUTH_UNKNOWN && some != unknown)
    {
      g_printerr ("\"%s\" is %d with nothing known but %d with some facts\n",
                  printed, unknown, some);
      abort ();
    }

  return 0;
}
