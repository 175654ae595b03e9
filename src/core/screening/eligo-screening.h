/* eligo-screening.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "eligo-criterion.h"
#include "eligo-patient.h"
#include "eligo-trial.h"

G_BEGIN_DECLS

/* Per criterion, always from the point of view of eligibility (DESIGN.md). */
typedef enum
{
  ELIGO_VERDICT_PASS,
  ELIGO_VERDICT_FAIL,
  ELIGO_VERDICT_UNKNOWN,
  ELIGO_VERDICT_REVIEW,
  ELIGO_N_VERDICTS
} EligoVerdict;

typedef enum
{
  ELIGO_TRIAL_VERDICT_ELIGIBLE,
  ELIGO_TRIAL_VERDICT_INELIGIBLE,
  ELIGO_TRIAL_VERDICT_PENDING,
} EligoTrialVerdict;

typedef struct
{
  EligoCriterion  *criterion;
  EligoVerdict     verdict;         /* what counts: the nurse's answer if there is one */
  EligoVerdict     engine_verdict;  /* what the rule gave */
  gboolean         answered;        /* the nurse's answer decided */
  char           **missing;         /* variables the rule needs that are unknown */
  EligoAnswer     *answer;          /* the answer that decided, or NULL; its criterion_id
                                     * is another criterion's when it was given there on
                                     * the same words (eligo_patient_find_answer()) */
} EligoCriterionResult;

typedef struct _EligoScreeningResult EligoScreeningResult;

#define ELIGO_TYPE_SCREENING_RESULT (eligo_screening_result_get_type ())

GType                       eligo_screening_result_get_type      (void) G_GNUC_CONST;
EligoScreeningResult       *eligo_screen                         (EligoTrial                 *trial,
                                                                  GPtrArray                  *criteria,
                                                                  EligoPatient               *patient);
EligoScreeningResult       *eligo_screening_result_ref           (EligoScreeningResult       *result);
void                        eligo_screening_result_unref         (EligoScreeningResult       *result);
EligoTrial                 *eligo_screening_result_get_trial     (EligoScreeningResult       *result);
EligoTrialVerdict           eligo_screening_result_get_verdict   (EligoScreeningResult       *result);
guint                       eligo_screening_result_get_count     (EligoScreeningResult       *result,
                                                                  EligoVerdict                verdict);
guint                       eligo_screening_result_get_n_results (EligoScreeningResult       *result);
const EligoCriterionResult *eligo_screening_result_get_result    (EligoScreeningResult       *result,
                                                                  guint                       index);
char                      **eligo_screening_result_dup_missing   (EligoScreeningResult       *result);
int                         eligo_screening_result_compare       (EligoScreeningResult       *a,
                                                                  EligoScreeningResult       *b);

EligoVerdict                eligo_verdict_for_rule               (EligoCriterion             *criterion,
                                                                  EligoValueLookup            lookup,
                                                                  gpointer                    user_data);
const char                 *eligo_verdict_to_string              (EligoVerdict                verdict);
const char                 *eligo_verdict_get_label              (EligoVerdict                verdict);
const char                 *eligo_trial_verdict_to_string        (EligoTrialVerdict           verdict);
const char                 *eligo_trial_verdict_get_label        (EligoTrialVerdict           verdict);

JsonObject                 *eligo_criterion_to_json              (EligoCriterion             *criterion);
JsonObject                 *eligo_screening_result_to_json       (EligoScreeningResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoScreeningResult, eligo_screening_result_unref)

G_END_DECLS
