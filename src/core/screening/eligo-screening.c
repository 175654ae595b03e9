/* eligo-screening.c
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

#define G_LOG_DOMAIN "eligo-screening"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-rule-extractor.h"
#include "eligo-screening.h"

struct _EligoScreeningResult
{
  EligoTrial        *trial;
  EligoTrialVerdict  verdict;
  guint              counts[ELIGO_N_VERDICTS];
  GArray            *results;   /* EligoCriterionResult */
};

G_DEFINE_BOXED_TYPE (EligoScreeningResult, eligo_screening_result,
                     eligo_screening_result_ref, eligo_screening_result_unref)

static void
clear_result (gpointer data)
{
  EligoCriterionResult *result = data;

  g_clear_object (&result->criterion);
  g_clear_pointer (&result->missing, g_strfreev);
  g_clear_pointer (&result->answer, eligo_answer_free);
}

static void
free_result (gpointer data)
{
  EligoScreeningResult *self = data;

  g_clear_object (&self->trial);
  g_clear_pointer (&self->results, g_array_unref);
}

EligoScreeningResult *
eligo_screening_result_ref (EligoScreeningResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return g_atomic_rc_box_acquire (result);
}

void
eligo_screening_result_unref (EligoScreeningResult *result)
{
  g_return_if_fail (result != NULL);

  g_atomic_rc_box_release_full (result, free_result);
}

/* Collects the rule's variables whose value is unknown. */
static char **
missing_variables (EligoRule        *rule,
                   EligoValueLookup  lookup,
                   gpointer          user_data)
{
  g_auto(GStrv) names = eligo_rule_dup_variables (rule);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      EligoValue value = { ELIGO_VALUE_UNKNOWN };

      if (!lookup (names[i], &value, user_data) || value.kind == ELIGO_VALUE_UNKNOWN)
        g_strv_builder_add (builder, names[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * eligo_verdict_for_rule:
 *
 * What the engine says of @criterion for the values @lookup gives. A
 * partial rule can make a criterion fail, never pass: where it would pass,
 * the criterion stays for review.
 */
EligoVerdict
eligo_verdict_for_rule (EligoCriterion   *criterion,
                        EligoValueLookup  lookup,
                        gpointer          user_data)
{
  EligoRule *rule;
  EligoTruth truth;
  gboolean holds_for_eligibility;

  g_return_val_if_fail (ELIGO_IS_CRITERION (criterion), ELIGO_VERDICT_REVIEW);

  rule = eligo_criterion_get_rule (criterion);
  if (rule == NULL || eligo_criterion_get_subject (criterion) != ELIGO_SUBJECT_PATIENT)
    return ELIGO_VERDICT_REVIEW;

  truth = eligo_rule_evaluate (rule, lookup, user_data);
  if (truth == ELIGO_TRUTH_UNKNOWN)
    return ELIGO_VERDICT_UNKNOWN;

  /* An inclusion's rule must hold; an exclusion's rule is what excludes. */
  if (eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION)
    holds_for_eligibility = truth == ELIGO_TRUTH_TRUE;
  else
    holds_for_eligibility = truth == ELIGO_TRUTH_FALSE;

  if (!holds_for_eligibility)
    return ELIGO_VERDICT_FAIL;

  return eligo_criterion_get_partial (criterion) ? ELIGO_VERDICT_REVIEW : ELIGO_VERDICT_PASS;
}

/**
 * eligo_screen:
 * @criteria: (element-type EligoCriterion): the trial's criteria
 *
 * Screens @patient against @criteria: a verdict per criterion, the nurse's
 * answer first, and the trial's verdict. The trial is eligible only when
 * every criterion passes, so never while anything is unknown or unreviewed.
 *
 * Returns: (transfer full): the result
 */
EligoScreeningResult *
eligo_screen (EligoTrial   *trial,
              GPtrArray    *criteria,
              EligoPatient *patient)
{
  EligoScreeningResult *self;

  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);
  g_return_val_if_fail (criteria != NULL, NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  self = g_atomic_rc_box_new0 (EligoScreeningResult);
  self->trial = g_object_ref (trial);
  self->results = g_array_sized_new (FALSE, TRUE, sizeof (EligoCriterionResult), criteria->len);
  g_array_set_clear_func (self->results, clear_result);

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);
      const EligoAnswer *answer;
      EligoCriterionResult result = { NULL };

      result.criterion = g_object_ref (criterion);
      result.engine_verdict = eligo_verdict_for_rule (criterion, eligo_patient_lookup, patient);
      result.verdict = result.engine_verdict;

      if (result.engine_verdict == ELIGO_VERDICT_UNKNOWN)
        result.missing = missing_variables (eligo_criterion_get_rule (criterion),
                                            eligo_patient_lookup, patient);

      answer = eligo_patient_find_answer (patient, criterion);
      if (answer != NULL)
        {
          result.answered = TRUE;
          result.answer = eligo_answer_copy (answer);
          result.verdict = answer->verdict == ELIGO_ANSWER_PASS ? ELIGO_VERDICT_PASS
                                                                : ELIGO_VERDICT_FAIL;
        }

      self->counts[result.verdict]++;
      g_array_append_val (self->results, result);
    }

  if (self->counts[ELIGO_VERDICT_FAIL] > 0)
    self->verdict = ELIGO_TRIAL_VERDICT_INELIGIBLE;
  else if (criteria->len > 0 && self->counts[ELIGO_VERDICT_PASS] == criteria->len)
    self->verdict = ELIGO_TRIAL_VERDICT_ELIGIBLE;
  else
    self->verdict = ELIGO_TRIAL_VERDICT_PENDING;

  return self;
}

EligoTrial *
eligo_screening_result_get_trial (EligoScreeningResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->trial;
}

EligoTrialVerdict
eligo_screening_result_get_verdict (EligoScreeningResult *result)
{
  g_return_val_if_fail (result != NULL, ELIGO_TRIAL_VERDICT_PENDING);
  return result->verdict;
}

guint
eligo_screening_result_get_count (EligoScreeningResult *result,
                                  EligoVerdict          verdict)
{
  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail (verdict < ELIGO_N_VERDICTS, 0);

  return result->counts[verdict];
}

guint
eligo_screening_result_get_n_results (EligoScreeningResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->results->len;
}

const EligoCriterionResult *
eligo_screening_result_get_result (EligoScreeningResult *result,
                                   guint                 index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (index < result->results->len, NULL);

  return &g_array_index (result->results, EligoCriterionResult, index);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * eligo_screening_result_dup_missing:
 *
 * Returns: (transfer full): the unknown variables that the criteria still
 *   waiting for a value need, sorted and without repeats
 */
char **
eligo_screening_result_dup_missing (EligoScreeningResult *result)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < result->results->len; i++)
    {
      const EligoCriterionResult *r = &g_array_index (result->results, EligoCriterionResult, i);

      if (r->answered || r->missing == NULL)
        continue;

      for (guint k = 0; r->missing[k] != NULL; k++)
        if (!g_ptr_array_find_with_equal_func (names, r->missing[k], g_str_equal, NULL))
          g_ptr_array_add (names, r->missing[k]);
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, *(const char **) &g_ptr_array_index (names, i));

  return g_strv_builder_end (builder);
}

/**
 * eligo_screening_result_compare:
 *
 * Orders results best first: fewest failing criteria, then fewest
 * unknowns, then fewest left to review, then by NCT number.
 */
int
eligo_screening_result_compare (EligoScreeningResult *a,
                                EligoScreeningResult *b)
{
  static const EligoVerdict order[] = { ELIGO_VERDICT_FAIL, ELIGO_VERDICT_UNKNOWN,
                                        ELIGO_VERDICT_REVIEW };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint ca = a->counts[order[i]];
      guint cb = b->counts[order[i]];

      if (ca != cb)
        return ca < cb ? -1 : 1;
    }

  return g_strcmp0 (eligo_trial_get_nct_id (a->trial), eligo_trial_get_nct_id (b->trial));
}

const char *
eligo_verdict_to_string (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_PASS:
      return "pass";
    case ELIGO_VERDICT_FAIL:
      return "fail";
    case ELIGO_VERDICT_UNKNOWN:
      return "unknown";
    case ELIGO_VERDICT_REVIEW:
    case ELIGO_N_VERDICTS:
    default:
      return "review";
    }
}

const char *
eligo_verdict_get_label (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_PASS:
      return C_("verdict", "Pass");
    case ELIGO_VERDICT_FAIL:
      return C_("verdict", "Fail");
    case ELIGO_VERDICT_UNKNOWN:
      return C_("verdict", "Unknown");
    case ELIGO_VERDICT_REVIEW:
    case ELIGO_N_VERDICTS:
    default:
      return C_("verdict", "Review");
    }
}

const char *
eligo_trial_verdict_to_string (EligoTrialVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_TRIAL_VERDICT_ELIGIBLE:
      return "eligible";
    case ELIGO_TRIAL_VERDICT_INELIGIBLE:
      return "ineligible";
    case ELIGO_TRIAL_VERDICT_PENDING:
    default:
      return "pending";
    }
}

const char *
eligo_trial_verdict_get_label (EligoTrialVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_TRIAL_VERDICT_ELIGIBLE:
      return C_("trial verdict", "Eligible");
    case ELIGO_TRIAL_VERDICT_INELIGIBLE:
      return C_("trial verdict", "Not eligible");
    case ELIGO_TRIAL_VERDICT_PENDING:
    default:
      return C_("trial verdict", "Pending");
    }
}

/**
 * eligo_criterion_to_json:
 *
 * Returns: (transfer full): the criterion object of the CLI contract,
 *   without a verdict
 */
JsonObject *
eligo_criterion_to_json (EligoCriterion *criterion)
{
  JsonObject *object = json_object_new ();
  g_autofree char *rule_text = eligo_criterion_dup_rule_text (criterion);
  g_autoptr(JsonArray) variables = json_array_new ();
  EligoRule *rule = eligo_criterion_get_rule (criterion);

  json_object_set_string_member (object, "id", eligo_criterion_get_id (criterion));
  json_object_set_string_member (object, "kind",
                                 eligo_criterion_kind_to_string (eligo_criterion_get_kind (criterion)));
  json_object_set_string_member (object, "text", eligo_criterion_get_text (criterion));
  if (eligo_criterion_get_context (criterion) != NULL)
    json_object_set_string_member (object, "context", eligo_criterion_get_context (criterion));
  if (eligo_criterion_get_subject (criterion) != ELIGO_SUBJECT_PATIENT)
    json_object_set_string_member (object, "subject",
                                   eligo_criterion_get_subject (criterion) == ELIGO_SUBJECT_DONOR
                                   ? "donor" : "other");
  json_object_set_string_member (object, "origin",
                                 eligo_rule_origin_to_string (eligo_criterion_get_origin (criterion)));
  if (rule_text != NULL)
    json_object_set_string_member (object, "rule", rule_text);
  else
    json_object_set_null_member (object, "rule");
  json_object_set_boolean_member (object, "partial", eligo_criterion_get_partial (criterion));

  if (rule != NULL)
    {
      g_auto(GStrv) names = eligo_rule_dup_variables (rule);

      for (guint i = 0; names[i] != NULL; i++)
        json_array_add_string_element (variables, names[i]);
    }
  json_object_set_array_member (object, "variables", g_steal_pointer (&variables));

  /* Where each part of the rule was read: byte offsets into "text". */
  {
    GArray *spans = eligo_criterion_get_spans (criterion);
    const char *text = eligo_criterion_get_text (criterion);
    g_autoptr(JsonArray) array = json_array_new ();

    for (guint i = 0; spans != NULL && i < spans->len; i++)
      {
        EligoRuleSpan *span = &g_array_index (spans, EligoRuleSpan, i);
        JsonObject *item = json_object_new ();
        g_autofree char *words = g_strndup (text + span->start, span->end - span->start);

        json_object_set_int_member (item, "start", span->start);
        json_object_set_int_member (item, "end", span->end);
        json_object_set_string_member (item, "text", words);
        json_object_set_string_member (item, "atom", span->atom);
        json_array_add_object_element (array, item);
      }
    json_object_set_array_member (object, "spans", g_steal_pointer (&array));
  }

  if (eligo_criterion_get_origin (criterion) == ELIGO_ORIGIN_CURATED)
    {
      GDateTime *time = eligo_criterion_get_curated_at (criterion);

      if (eligo_criterion_get_curated_by (criterion) != NULL)
        json_object_set_string_member (object, "curated_by",
                                       eligo_criterion_get_curated_by (criterion));
      if (time != NULL)
        {
          g_autofree char *iso = g_date_time_format_iso8601 (time);

          json_object_set_string_member (object, "curated_at", iso);
        }
    }

  return object;
}

/**
 * eligo_screening_result_to_json:
 *
 * Returns: (transfer full): one entry of the "results" of
 *   `eligo-cli screen --format json`
 */
JsonObject *
eligo_screening_result_to_json (EligoScreeningResult *result)
{
  JsonObject *object = json_object_new ();
  JsonObject *counts = json_object_new ();
  JsonArray *criteria = json_array_new ();
  g_auto(GStrv) missing = eligo_screening_result_dup_missing (result);
  JsonArray *missing_array = json_array_new ();

  json_object_set_string_member (object, "nct_id", eligo_trial_get_nct_id (result->trial));
  json_object_set_string_member (object, "verdict", eligo_trial_verdict_to_string (result->verdict));

  for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
    json_object_set_int_member (counts, eligo_verdict_to_string (v), result->counts[v]);
  json_object_set_object_member (object, "counts", counts);

  for (guint i = 0; missing[i] != NULL; i++)
    json_array_add_string_element (missing_array, missing[i]);
  json_object_set_array_member (object, "missing", missing_array);

  for (guint i = 0; i < result->results->len; i++)
    {
      const EligoCriterionResult *r = &g_array_index (result->results, EligoCriterionResult, i);
      JsonObject *entry = eligo_criterion_to_json (r->criterion);

      json_object_set_string_member (entry, "verdict", eligo_verdict_to_string (r->verdict));
      if (r->answered)
        json_object_set_string_member (entry, "engine_verdict",
                                       eligo_verdict_to_string (r->engine_verdict));
      json_object_set_boolean_member (entry, "answered", r->answered);
      if (r->answer != NULL &&
          g_strcmp0 (r->answer->criterion_id, eligo_criterion_get_id (r->criterion)) != 0)
        json_object_set_string_member (entry, "answered_in", r->answer->criterion_id);
      json_array_add_object_element (criteria, entry);
    }
  json_object_set_array_member (object, "criteria", criteria);

  return object;
}
