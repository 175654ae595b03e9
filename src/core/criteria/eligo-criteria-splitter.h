/* eligo-criteria-splitter.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ELIGO_CRITERION_INCLUSION,
  ELIGO_CRITERION_EXCLUSION,
} EligoCriterionKind;

/* Whom a criterion is about: only the patient's are screened against the patient. */
typedef enum
{
  ELIGO_SUBJECT_PATIENT,
  ELIGO_SUBJECT_DONOR,
  ELIGO_SUBJECT_OTHER,     /* caregivers, family members, healthy volunteers in another arm... */
} EligoCriterionSubject;

typedef struct
{
  EligoCriterionKind     kind;
  EligoCriterionSubject  subject;
  char                  *text;     /* the item without its bullet or number, registry escapes
                                    * undone, continuation lines joined with "\n" */
  char                  *context;  /* the lead-in of the item it is nested under
                                    * ("Adequate organ function, defined as:"), or NULL */
  char                  *section;  /* the header it stands under as written
                                    * ("Key Inclusion Criteria:"), or NULL */
} EligoCriterionText;

/* What a lead-in says of the items under it (DESIGN.md, Criteria). */
typedef enum
{
  ELIGO_LEAD_NONE,      /* each item required, or a definition: items stay criteria of their own */
  ELIGO_LEAD_CHOICE,    /* "one of the following:", "either:": the items are alternatives */
  ELIGO_LEAD_SOME,      /* "at least two of the following:": neither all nor any one */
  ELIGO_LEAD_EXCEPT,    /* "except for:", "unless:", "other than:": the items are exceptions */
} EligoLeadSense;

GPtrArray *eligo_criteria_split          (const char         *eligibility_text);
EligoLeadSense eligo_criteria_lead_sense (const char         *text,
                                          EligoCriterionKind  kind);
void       eligo_criterion_text_free     (EligoCriterionText *criterion);
char      *eligo_criteria_unescape       (const char         *text);
GPtrArray *eligo_criteria_split_full     (const char         *eligibility_text,
                                          GPtrArray         **dropped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoCriterionText, eligo_criterion_text_free)

G_END_DECLS
