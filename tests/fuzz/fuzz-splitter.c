/* fuzz-splitter.c: the criteria splitter on any eligibility text
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "eligo-fuzz.h"

#include "eligo-criteria-splitter.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  eligo_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = eligo_fuzz_text (data, size);
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autofree char *unescaped = NULL;

  if (text == NULL)
    return -1;

  criteria = eligo_criteria_split_full (text, &dropped);
  g_assert (criteria != NULL);
  g_assert (dropped != NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterionText *criterion = g_ptr_array_index (criteria, i);

      g_assert (criterion->kind == ELIGO_CRITERION_INCLUSION ||
                criterion->kind == ELIGO_CRITERION_EXCLUSION);
      g_assert (criterion->subject <= ELIGO_SUBJECT_OTHER);
      g_assert (criterion->text != NULL);
      eligo_fuzz_assert_utf8 ("a criterion's text", criterion->text);
      eligo_fuzz_assert_utf8 ("a criterion's context", criterion->context);
      eligo_fuzz_assert_utf8 ("a criterion's section", criterion->section);
    }

  for (guint i = 0; i < dropped->len; i++)
    eligo_fuzz_assert_utf8 ("a dropped line", g_ptr_array_index (dropped, i));

  unescaped = eligo_criteria_unescape (text);
  eligo_fuzz_assert_utf8 ("the unescaped text", unescaped);

  return 0;
}
