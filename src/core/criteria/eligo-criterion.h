/* eligo-criterion.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "eligo-criteria-splitter.h"
#include "eligo-rule.h"
#include "eligo-trial.h"

G_BEGIN_DECLS

typedef enum
{
  ELIGO_ORIGIN_PARSED,      /* read from the criterion's text */
  ELIGO_ORIGIN_STRUCTURED,  /* from the registry's minimumAge, maximumAge or sex */
  ELIGO_ORIGIN_CURATED,     /* written or corrected by a nurse */
} EligoRuleOrigin;

#define ELIGO_TYPE_CRITERION (eligo_criterion_get_type ())

G_DECLARE_FINAL_TYPE (EligoCriterion, eligo_criterion, ELIGO, CRITERION, GObject)

EligoCriterion        *eligo_criterion_new               (const char            *nct_id,
                                                          EligoCriterionKind     kind,
                                                          guint                  number,
                                                          const char            *text);
const char            *eligo_criterion_get_id            (EligoCriterion        *self);
const char            *eligo_criterion_get_nct_id        (EligoCriterion        *self);
EligoCriterionKind     eligo_criterion_get_kind          (EligoCriterion        *self);
guint                  eligo_criterion_get_number        (EligoCriterion        *self);
const char            *eligo_criterion_get_text          (EligoCriterion        *self);
const char            *eligo_criterion_get_context       (EligoCriterion        *self);
void                   eligo_criterion_set_context       (EligoCriterion        *self,
                                                          const char            *context);
const char            *eligo_criterion_get_section       (EligoCriterion        *self);
void                   eligo_criterion_set_section       (EligoCriterion        *self,
                                                          const char            *section);
EligoCriterionSubject  eligo_criterion_get_subject       (EligoCriterion        *self);
void                   eligo_criterion_set_subject       (EligoCriterion        *self,
                                                          EligoCriterionSubject  subject);
EligoRule             *eligo_criterion_get_rule          (EligoCriterion        *self);
char                  *eligo_criterion_dup_rule_text     (EligoCriterion        *self);
gboolean               eligo_criterion_get_partial       (EligoCriterion        *self);
EligoRuleOrigin        eligo_criterion_get_origin        (EligoCriterion        *self);
void                   eligo_criterion_set_rule          (EligoCriterion        *self,
                                                          EligoRule             *rule,
                                                          gboolean               partial,
                                                          EligoRuleOrigin        origin);
GArray                *eligo_criterion_get_spans         (EligoCriterion        *self);
void                   eligo_criterion_set_spans         (EligoCriterion        *self,
                                                          GArray                *spans);
const char            *eligo_criterion_get_curated_by    (EligoCriterion        *self);
GDateTime             *eligo_criterion_get_curated_at    (EligoCriterion        *self);
void                   eligo_criterion_set_curation      (EligoCriterion        *self,
                                                          const char            *author,
                                                          GDateTime             *time);
const char            *eligo_criterion_get_reason        (EligoCriterion        *self);
void                   eligo_criterion_set_reason        (EligoCriterion        *self,
                                                          const char            *reason);
char                  *eligo_criterion_dup_match_key     (EligoCriterion        *self);
void                   eligo_criterion_set_match_key     (EligoCriterion        *self,
                                                          const char            *match_key);

const char            *eligo_criterion_kind_to_string    (EligoCriterionKind     kind);
const char            *eligo_rule_origin_to_string       (EligoRuleOrigin        origin);

GPtrArray             *eligo_criteria_for_trial          (EligoTrial            *trial);
char                  *eligo_criteria_normalize_text     (const char            *text);
char                  *eligo_criteria_structured_text    (EligoTrial            *trial,
                                                          const char            *match_key);

G_END_DECLS
