/* test-variables.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The screening variables and their documentation: data/variables.md is
 * what a nurse, an integrator writing patient files and the held-out
 * checks read, so every variable the engine knows is listed there with the
 * type it has in code.
 */

#include <glib.h>
#include <string.h>

#include "eligo-variables.h"

static const char *
type_word (EligoVariableType type)
{
  switch (type)
    {
    case ELIGO_VARIABLE_NUMBER:
      return "number";
    case ELIGO_VARIABLE_BOOL:
      return "bool";
    case ELIGO_VARIABLE_ENUM:
      return "enum";
    default:
      g_assert_not_reached ();
    }
}

static void
test_documented (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ELIGO_SOURCE_DIR"), "data", "variables.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const EligoVariable *variables;
  guint n_variables = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  variables = eligo_variables_get_all (&n_variables);
  g_assert_cmpuint (n_variables, >, 0);

  for (guint i = 0; i < n_variables; i++)
    {
      g_autofree char *row = g_strdup_printf ("\n| %s | %s", variables[i].name,
                                              type_word (variables[i].type));

      /* An enum with the values the engine accepts, in its order. */
      if (variables[i].type == ELIGO_VARIABLE_ENUM)
        {
          g_autofree char *choices = g_strjoinv (", ", (char **) variables[i].choices);
          g_autofree char *with_choices = g_strdup_printf ("%s(%s) |", row, choices);

          g_free (row);
          row = g_steal_pointer (&with_choices);
        }

      if (strstr (text, row) == NULL)
        g_error ("%s (%s) is not documented in data/variables.md", variables[i].name,
                 type_word (variables[i].type));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/variables/documented", test_documented);

  return g_test_run ();
}
