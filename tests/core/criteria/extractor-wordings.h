/* extractor-wordings.h
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

/* What the extractor test programs share: the form of a gold wording and
 * how it is checked. Included by each test-extractor-*.c. */

#pragma once

#include <glib.h>

#include "eligo-rule-extractor.h"
#include "eligo-rule.h"

#define I ELIGO_CRITERION_INCLUSION
#define E ELIGO_CRITERION_EXCLUSION

/* An expectation: "rule: ...", "partial: ..." or "review". */
typedef struct
{
  EligoCriterionKind  kind;
  const char         *text;
  const char         *context;
  const char         *expected;
} Wording;

static char *
describe (const EligoExtraction *extraction)
{
  if (extraction->rule == NULL)
    return g_strdup ("review");
  return g_strdup_printf ("%s: %s", extraction->partial ? "partial" : "rule", extraction->rule);
}

/* Every rule the extractor writes must parse and print back unchanged. */
static void
check_round_trip (const char *rule_text,
                  const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoRule) rule = NULL;
  g_autofree char *printed = NULL;
  guint offset = 0;

  rule = eligo_rule_parse (rule_text, &offset, &error);
  if (rule == NULL)
    g_error ("%s: “%s” does not parse at %u: %s", where, rule_text, offset, error->message);
  printed = eligo_rule_to_string (rule);
  if (g_strcmp0 (printed, rule_text) != 0)
    g_error ("%s: “%s” prints back as “%s”", where, rule_text, printed);
}
/* Reads every wording of @wordings and fails if one reads otherwise. */
static void
check_wordings (const Wording *wordings,
                guint          n_wordings)
{
  guint failures = 0;

  for (guint i = 0; i < n_wordings; i++)
    {
      const Wording *w = &wordings[i];
      g_autoptr(EligoExtraction) extraction = eligo_rule_extract (w->kind, w->text, w->context);
      g_autofree char *got = describe (extraction);

      if (extraction->rule != NULL)
        check_round_trip (extraction->rule, w->text);
      if (g_strcmp0 (got, w->expected) != 0)
        {
          g_test_message ("wording %u (%s) “%s”\n  expected: %s\n  got:      %s\n  reason:   %s",
                          i, w->kind == I ? "inclusion" : "exclusion", w->text, w->expected, got,
                          extraction->reason);
          failures++;
        }
    }

  g_test_message ("%u wordings, %u differ", n_wordings, failures);
  g_assert_cmpuint (failures, ==, 0);
}
