/* fuzz-extractor.c: the rule extractor on every criterion of any
 * eligibility text, as a trial's criteria are read (eligo-criterion.c)
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "eligo-fuzz.h"

#include <string.h>

#include "eligo-criteria-splitter.h"
#include "eligo-rule-extractor.h"
#include "eligo-rule.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  eligo_fuzz_init ();
  return 0;
}

static void
extract (EligoCriterionKind  kind,
         const char         *text,
         const char         *context)
{
  g_autoptr(EligoExtraction) extraction = eligo_rule_extract (kind, text, context);

  g_assert (extraction != NULL);
  eligo_fuzz_assert_utf8 ("the extraction's reason", extraction->reason);

  /* Whatever the extractor writes must be a rule the engine reads. */
  if (extraction->rule != NULL)
    {
      g_autoptr(EligoRule) rule = NULL;
      g_autoptr(GError) error = NULL;

      rule = eligo_rule_parse (extraction->rule, NULL, &error);
      if (rule == NULL)
        {
          g_printerr ("The extractor wrote a bad rule \"%s\": %s\n",
                      extraction->rule, error->message);
          abort ();
        }
    }

  /* Every span lies in the text, on character boundaries, and only a rule
   * has them. */
  if (extraction->spans != NULL)
    {
      gsize len = strlen (text);

      if (extraction->rule == NULL)
        {
          g_printerr ("Spans without a rule\n");
          abort ();
        }
      for (guint i = 0; i < extraction->spans->len; i++)
        {
          EligoRuleSpan *span = &g_array_index (extraction->spans, EligoRuleSpan, i);

          if (span->start >= span->end || span->end > len
              || !g_utf8_validate (text + span->start, span->end - span->start, NULL)
              || (span->end < len && ((guchar) text[span->end] & 0xC0) == 0x80))
            {
              g_printerr ("Span [%u, %u) of \"%s\" is not a slice of %" G_GSIZE_FORMAT " bytes\n",
                          span->start, span->end, span->atom, len);
              abort ();
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = eligo_fuzz_text (data, size);
  g_autoptr(GPtrArray) criteria = NULL;

  if (text == NULL)
    return -1;

  criteria = eligo_criteria_split (text);
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterionText *criterion = g_ptr_array_index (criteria, i);

      (void) eligo_rule_admits_cns_leukemia (criterion->text);
      if (criterion->subject == ELIGO_SUBJECT_PATIENT)
        extract (criterion->kind, criterion->text, criterion->context);
    }

  /* The whole text as one criterion, both ways, reaches the patterns
   * without the splitter's shaping. */
  extract (ELIGO_CRITERION_INCLUSION, text, NULL);
  extract (ELIGO_CRITERION_EXCLUSION, text, NULL);

  return 0;
}
