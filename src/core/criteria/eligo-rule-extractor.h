/* eligo-rule-extractor.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "eligo-criteria-splitter.h"

G_BEGIN_DECLS

/* Bumped whenever the splitter or the extractor reads a text differently:
 * the database re-derives the criteria of trials ruled by an older one. */
#define ELIGO_RULE_EXTRACTOR_VERSION 4

/*
 * What the extractor read in one criterion's text.
 *
 * The rule is written in the rule language (eligo-rule.h) from the point of
 * view of the criterion: for an inclusion, the condition the patient must
 * meet; for an exclusion, the condition that excludes the patient. A rule
 * that covers only part of the criterion is marked partial: it can make the
 * criterion fail but never pass.
 */
/*
 * Where a part of the rule was read: bytes [start, end) of the criterion's
 * text as given to eligo_rule_extract(), on character boundaries, and the
 * atom of the rule read there ("ECOG 0-2" -> "ecog <= 2").
 */
typedef struct
{
  guint  start;
  guint  end;
  char  *atom;
} EligoRuleSpan;

typedef struct
{
  char     *rule;     /* NULL: no rule, the criterion is for the nurse to review */
  gboolean  partial;
  char     *reason;   /* untranslated, for developers: why no rule or why partial */
  GArray   *spans;    /* (nullable): of EligoRuleSpan, by start; only with a rule */
} EligoExtraction;

EligoExtraction *eligo_rule_extract      (EligoCriterionKind  kind,
                                          const char         *text,
                                          const char         *context);
void             eligo_extraction_free   (EligoExtraction    *extraction);
gboolean         eligo_rule_admits_cns_leukemia
                                         (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoExtraction, eligo_extraction_free)

G_END_DECLS
