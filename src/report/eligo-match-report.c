/* eligo-match-report.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ranked library for one patient: which trials could take the patient,
 * and what stops the others. The Find Trials window shows these words and
 * prints this document (print and Export PDF draw the same pages).
 *
 * A failing criterion is said in words from its rule and the patient's
 * value: the part of the rule that decided, "ECOG performance status ≤ 1 —
 * patient has 2"; for an exclusion, "Excluded if Prior CAR-T therapy: yes
 * — patient: yes". An inclusion fails on the first conjunct that is false,
 * an exclusion applies through the first alternative that is true.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "eligo-format.h"
#include "eligo-match-report.h"
#include "eligo-trial.h"

#define TITLE_CHARS 110
#define TEXT_CHARS  90

static const char *
variable_label (const char *name)
{
  const EligoVariable *variable = eligo_variable_lookup (name);

  return variable != NULL ? eligo_variable_get_label (variable) : name;
}

static char *
format_quantity (const char *name,
                 double      number)
{
  const EligoVariable *variable = eligo_variable_lookup (name);
  g_autofree char *text = eligo_format_limit (number);

  if (variable != NULL && variable->unit != NULL)
    return g_strdup_printf ("%s %s", text, g_dgettext (GETTEXT_PACKAGE, variable->unit));

  return g_steal_pointer (&text);
}

static char *
symbol_text (const char *symbol)
{
  return g_strdelimit (g_strdup (symbol), "_", ' ');
}

/* The condition @rule states, in words. */
static void
append_condition (GString         *out,
                  const EligoRule *rule)
{
  switch (eligo_rule_get_kind (rule))
    {
    case ELIGO_RULE_COMPARE:
      {
        const char *name = eligo_rule_get_variable (rule);
        const char *glyph = eligo_rule_op_get_symbol (eligo_rule_get_op (rule));
        g_autofree char *value = NULL;

        if (eligo_rule_get_symbol (rule) != NULL)
          value = symbol_text (eligo_rule_get_symbol (rule));
        else
          value = format_quantity (name, eligo_rule_get_number (rule));
        g_string_append_printf (out, "%s %s %s", variable_label (name), glyph, value);
      }
      break;

    case ELIGO_RULE_IN:
      {
        const char * const *symbols = eligo_rule_get_symbols (rule);
        g_autoptr(GString) list = g_string_new (NULL);

        for (guint i = 0; symbols != NULL && symbols[i] != NULL; i++)
          {
            g_autofree char *symbol = symbol_text (symbols[i]);

            if (i > 0)
              g_string_append (list, ", ");
            g_string_append (list, symbol);
          }
        /* Translators: a condition that a value be one of a list, e.g.
         * "Diagnosis: B-ALL, Burkitt" */
        g_string_append_printf (out, _("%s: %s"),
                                variable_label (eligo_rule_get_variable (rule)), list->str);
      }
      break;

    case ELIGO_RULE_VARIABLE:
      /* Translators: a condition that a yes/no fact be yes, e.g. "Prior CAR-T therapy: yes" */
      g_string_append_printf (out, _("%s: yes"), variable_label (eligo_rule_get_variable (rule)));
      break;

    case ELIGO_RULE_NOT:
      {
        const EligoRule *child = eligo_rule_get_child (rule, 0);

        if (eligo_rule_get_kind (child) == ELIGO_RULE_VARIABLE)
          /* Translators: a condition that a yes/no fact be no, e.g. "Prior CAR-T therapy: no" */
          g_string_append_printf (out, _("%s: no"),
                                  variable_label (eligo_rule_get_variable (child)));
        else
          {
            g_autoptr(GString) inner = g_string_new (NULL);

            append_condition (inner, child);
            /* Translators: the negation of a condition */
            g_string_append_printf (out, _("not (%s)"), inner->str);
          }
      }
      break;

    case ELIGO_RULE_AND:
    case ELIGO_RULE_OR:
    default:
      for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
        {
          const EligoRule *child = eligo_rule_get_child (rule, i);
          gboolean group = eligo_rule_get_n_children (child) > 1;

          if (i > 0)
            g_string_append (out, eligo_rule_get_kind (rule) == ELIGO_RULE_AND
                                  /* Translators: joins two conditions that must both hold */
                                  ? _(" and ")
                                  /* Translators: joins two alternative conditions */
                                  : _(" or "));
          if (group)
            g_string_append_c (out, '(');
          append_condition (out, child);
          if (group)
            g_string_append_c (out, ')');
        }
      break;
    }
}

/* The part of @rule that gave it the truth @decided: an "and" is false
 * through a false conjunct, an "or" true through a true alternative. */
static const EligoRule *
find_deciding_part (const EligoRule *rule,
                    EligoTruth       decided,
                    EligoPatient    *patient)
{
  EligoRuleKind kind = eligo_rule_get_kind (rule);

  if ((kind == ELIGO_RULE_AND && decided == ELIGO_TRUTH_FALSE) ||
      (kind == ELIGO_RULE_OR && decided == ELIGO_TRUTH_TRUE))
    {
      for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
        {
          const EligoRule *child = eligo_rule_get_child (rule, i);

          if (eligo_rule_evaluate (child, eligo_patient_lookup, patient) == decided)
            return find_deciding_part (child, decided, patient);
        }
    }

  return rule;
}

static char *
format_patient_value (const char   *name,
                      EligoPatient *patient)
{
  EligoValue value = { ELIGO_VALUE_UNKNOWN, 0, FALSE, NULL };

  if (!eligo_patient_lookup (name, &value, patient))
    value.kind = ELIGO_VALUE_UNKNOWN;

  switch (value.kind)
    {
    case ELIGO_VALUE_NUMBER:
      return format_quantity (name, value.number);
    case ELIGO_VALUE_BOOL:
      return g_strdup (value.boolean ? C_("value", "yes") : C_("value", "no"));
    case ELIGO_VALUE_SYMBOL:
      return symbol_text (value.symbol);
    case ELIGO_VALUE_UNKNOWN:
    default:
      return g_strdup (C_("value", "unknown"));
    }
}

static char *
shorten (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strstrip (g_strdelimit (flat, "\n\t", ' '));
  if (g_utf8_strlen (flat, -1) <= (glong) max_chars)
    return g_steal_pointer (&flat);

  return g_strdup_printf ("%.*s…",
                          (int) (g_utf8_offset_to_pointer (flat, max_chars - 1) - flat), flat);
}

/**
 * eligo_match_first_failure:
 *
 * Returns: (transfer none) (nullable): the first criterion, in text order,
 *   that fails for the patient, or %NULL if none does
 */
const EligoCriterionResult *
eligo_match_first_failure (EligoScreeningResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);

      if (r->verdict == ELIGO_VERDICT_FAIL)
        return r;
    }

  return NULL;
}

/**
 * eligo_match_describe_failure:
 * @result: a trial's screening
 * @patient: the patient screened
 *
 * What rules the patient out of the trial, in words: the condition of the
 * first failing criterion that decided, then the patient's value, e.g.
 * "ECOG performance status ≤ 1 — patient has 2". A failure the nurse
 * answered, or one without a rule, gives the criterion's text.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if nothing fails
 */
char *
eligo_match_describe_failure (EligoScreeningResult *result,
                              EligoPatient         *patient)
{
  const EligoCriterionResult *failure;
  EligoCriterion *criterion;
  EligoRule *rule;
  const EligoRule *part;
  EligoTruth decided;
  gboolean inclusion;
  g_autoptr(GString) condition = NULL;
  g_autoptr(GString) values = NULL;
  g_auto(GStrv) names = NULL;
  guint n_names;
  gboolean all_bool = TRUE;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  failure = eligo_match_first_failure (result);
  if (failure == NULL)
    return NULL;

  criterion = failure->criterion;
  rule = eligo_criterion_get_rule (criterion);
  inclusion = eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION;

  if (rule == NULL || failure->engine_verdict != ELIGO_VERDICT_FAIL)
    {
      g_autofree char *text = shorten (eligo_criterion_get_text (criterion), TEXT_CHARS);

      if (failure->answered)
        /* Translators: a criterion the nurse judged not met; %s is its text */
        return g_strdup_printf (_("Not met (nurse’s answer): %s"), text);
      return g_steal_pointer (&text);
    }

  /* An inclusion fails when its rule is false, an exclusion when true. */
  decided = inclusion ? ELIGO_TRUTH_FALSE : ELIGO_TRUTH_TRUE;
  part = find_deciding_part (rule, decided, patient);

  condition = g_string_new (NULL);
  append_condition (condition, part);

  names = eligo_rule_dup_variables (part);
  n_names = g_strv_length (names);
  values = g_string_new (NULL);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *value = format_patient_value (names[i], patient);

      if (i > 0)
        g_string_append (values, ", ");
      if (n_names > 1)
        g_string_append_printf (values, "%s %s", variable_label (names[i]), value);
      else
        g_string_append (values, value);
    }

  for (guint i = 0; i < n_names; i++)
    {
      const EligoVariable *variable = eligo_variable_lookup (names[i]);

      if (variable == NULL || variable->type != ELIGO_VARIABLE_BOOL)
        all_bool = FALSE;
    }

  if (inclusion && all_bool)
    /* Translators: why an inclusion criterion on yes/no facts fails, e.g.
     * "Blasts CD19-positive: yes — patient: no" */
    return g_strdup_printf (_("%s — patient: %s"), condition->str, values->str);
  if (inclusion)
    /* Translators: why an inclusion criterion fails: the condition, then the
     * patient's value, e.g. "ECOG performance status ≤ 1 — patient has 2" */
    return g_strdup_printf (_("%s — patient has %s"), condition->str, values->str);
  if (all_bool)
    /* Translators: why an exclusion criterion on yes/no facts applies, e.g.
     * "Excluded if Prior CAR-T therapy: yes — patient: yes" */
    return g_strdup_printf (_("Excluded if %s — patient: %s"), condition->str, values->str);

  /* Translators: why an exclusion criterion applies: the condition, then the
   * patient's value, e.g. "Excluded if Creatinine ≥ 1.5 × ULN — patient has 2 × ULN" */
  return g_strdup_printf (_("Excluded if %s — patient has %s"), condition->str, values->str);
}

/**
 * eligo_match_format_summary:
 *
 * Returns: (transfer full): e.g. "412 trials · 389 ruled out · 23 to look at"
 */
char *
eligo_match_format_summary (guint n_trials,
                            guint n_ruled_out)
{
  g_autofree char *trials = NULL;
  g_autofree char *ruled_out = NULL;
  g_autofree char *to_look_at = NULL;
  guint n_left = n_trials >= n_ruled_out ? n_trials - n_ruled_out : 0;

  trials = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trial", "%u trials", n_trials),
                            n_trials);
  ruled_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: trials a fact rules the patient out of */
                                            "%u ruled out", "%u ruled out", n_ruled_out),
                               n_ruled_out);
  to_look_at = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: trials the nurse still has to judge */
                                             "%u to look at", "%u to look at", n_left),
                                n_left);

  /* Translators: "412 trials · 389 ruled out · 23 to look at" */
  return g_strdup_printf (_("%s · %s · %s"), trials, ruled_out, to_look_at);
}

/**
 * eligo_match_count_ruled_out:
 * @results: (element-type EligoScreeningResult): screenings
 *
 * Returns: how many are ineligible: a criterion fails
 */
guint
eligo_match_count_ruled_out (GPtrArray *results)
{
  guint n = 0;

  g_return_val_if_fail (results != NULL, 0);

  for (guint i = 0; i < results->len; i++)
    if (eligo_screening_result_get_verdict (g_ptr_array_index (results, i)) ==
        ELIGO_TRIAL_VERDICT_INELIGIBLE)
      n++;

  return n;
}

static int
compare_missing_facts (gconstpointer a,
                       gconstpointer b)
{
  const EligoMissingFact *fa = a;
  const EligoMissingFact *fb = b;

  if (fa->n_trials != fb->n_trials)
    return fa->n_trials > fb->n_trials ? -1 : 1;

  return g_strcmp0 (fa->variable, fb->variable);
}

/**
 * eligo_match_missing_facts:
 * @results: (element-type EligoScreeningResult): screenings
 * @max_facts: the most facts to return
 *
 * The facts still missing that would decide the most trials: over the
 * trials not already ruled out, how many have an unknown criterion that
 * needs each variable. Most needed first, then by name.
 *
 * Returns: (transfer full) (element-type EligoMissingFact): the facts
 */
GArray *
eligo_match_missing_facts (GPtrArray *results,
                           guint      max_facts)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *facts = g_array_new (FALSE, FALSE, sizeof (EligoMissingFact));
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_return_val_if_fail (results != NULL, facts);

  for (guint i = 0; i < results->len; i++)
    {
      EligoScreeningResult *result = g_ptr_array_index (results, i);
      g_auto(GStrv) missing = NULL;

      if (eligo_screening_result_get_verdict (result) == ELIGO_TRIAL_VERDICT_INELIGIBLE)
        continue;

      missing = eligo_screening_result_dup_missing (result);
      for (guint k = 0; missing[k] != NULL; k++)
        {
          const char *name = g_intern_string (missing[k]);

          g_hash_table_insert (counts, (gpointer) name,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                        name)) + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EligoMissingFact fact = { key, GPOINTER_TO_UINT (value) };

      g_array_append_val (facts, fact);
    }

  g_array_sort (facts, compare_missing_facts);
  if (facts->len > max_facts)
    g_array_set_size (facts, max_facts);

  return facts;
}

/**
 * eligo_match_format_missing_facts:
 * @facts: (element-type EligoMissingFact): from eligo_match_missing_facts()
 *
 * Returns: (transfer full) (nullable): e.g. "Left-ventricular ejection
 *   fraction (3 trials), ECOG performance status (2 trials)", or %NULL if
 *   nothing is missing
 */
char *
eligo_match_format_missing_facts (GArray *facts)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (facts != NULL, NULL);

  if (facts->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < facts->len; i++)
    {
      const EligoMissingFact *fact = &g_array_index (facts, EligoMissingFact, i);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trial",
                                                             "%u trials", fact->n_trials),
                                                fact->n_trials);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a missing fact and how many trials it would decide,
       * e.g. "ECOG performance status (12 trials)" */
      g_string_append_printf (text, _("%s (%s)"), variable_label (fact->variable), count);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * eligo_match_format_counts:
 *
 * Returns: (transfer full): the criteria's verdicts counted, e.g.
 *   "✔ 9  ✘ 1  ? 3  ⚑ 14"
 */
char *
eligo_match_format_counts (EligoScreeningResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return g_strdup_printf ("✔ %u  ✘ %u  ? %u  ⚑ %u",
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_PASS),
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_FAIL),
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_UNKNOWN),
                          eligo_screening_result_get_count (result, ELIGO_VERDICT_REVIEW));
}

/**
 * eligo_match_report_new:
 * @results: (element-type EligoScreeningResult): the ranked screenings, best first
 * @patient: the patient screened
 * @recruiting_only: whether @results hold only trials that recruit
 * @max_rows: the most trials listed; 0 for all
 * @date: (nullable): the date printed under the title; now if %NULL
 *
 * The ranked list on A4 landscape pages: a title with the patient's
 * screening id, the summary ("412 trials · 389 ruled out · 23 to look
 * at"), the facts that would decide the most trials, then one row per
 * trial in rank order: rank, NCT number and title, status, verdict, the
 * criteria's counts and the first failing criterion in words.
 *
 * Returns: (transfer full): the document
 */
EligoReportDocument *
eligo_match_report_new (GPtrArray    *results,
                        EligoPatient *patient,
                        gboolean      recruiting_only,
                        guint         max_rows,
                        GDateTime    *date)
{
  g_return_val_if_fail (results != NULL, NULL);

  return eligo_match_report_new_full (results, results->len, eligo_match_count_ruled_out (results),
                                      patient, recruiting_only, max_rows, date);
}

/**
 * eligo_match_report_new_full:
 * @results: (element-type EligoScreeningResult): the best of the ranked
 *   screenings, best first
 * @n_trials: how many trials were ranked; @results may hold only the best
 * @n_ruled_out: how many of them a criterion rules out
 *
 * As eligo_match_report_new(), for a ranking of which only the best trials
 * were screened in full (eligo_matcher_rank()): the summary counts the
 * whole library.
 *
 * Returns: (transfer full): the document
 */
EligoReportDocument *
eligo_match_report_new_full (GPtrArray    *results,
                             guint         n_trials,
                             guint         n_ruled_out,
                             EligoPatient *patient,
                             gboolean      recruiting_only,
                             guint         max_rows,
                             GDateTime    *date)
{
  static const double widths[] = { 0.04, 0.30, 0.11, 0.10, 0.13, 0.32 };
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *missing = NULL;
  const char *id;
  const char *headers[7];
  EligoReportTable *table;
  guint n_rows;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  id = eligo_patient_get_screening_id (patient);
  if (id == NULL)
    id = "";

  document = eligo_report_document_new ();
  eligo_report_document_set_paper (document, ELIGO_REPORT_PAPER_A4, ELIGO_REPORT_LANDSCAPE);
  eligo_report_document_set_margins (document, 36, 32, 46, 32);
  eligo_report_document_set_created (document, date);

  /* Translators: the title of the PDF file; %s is a patient's screening id */
  title = g_strdup_printf (_("Trials for patient %s"), id);
  eligo_report_document_set_title (document, title);
  /* Translators: the footer of every page of the printed ranked list */
  footer = g_strdup_printf (_("Trials for patient %s · ranked by Eligo"), id);
  eligo_report_document_set_footer (document, footer);
  eligo_report_document_add_title (document, title);

  date_text = g_date_time_format (date, "%Y-%m-%d");
  summary = eligo_match_format_summary (n_trials, n_ruled_out);
  /* Translators: under the title of the ranked list: the summary, which
   * trials were screened, and the date */
  subtitle = g_strdup_printf (_("%s · %s · %s"), summary,
                              recruiting_only ? _("recruiting trials only") : _("all trials"),
                              date_text);
  eligo_report_document_add_subtitle (document, subtitle);

  facts = eligo_match_missing_facts (results, 5);
  missing = eligo_match_format_missing_facts (facts);
  if (missing != NULL)
    {
      /* Translators: before a list of missing patient facts */
      g_autofree char *line = g_strdup_printf (_("Facts still missing that would decide the most "
                                                 "trials: %s"), missing);

      eligo_report_document_add_paragraph (document, line, ELIGO_REPORT_STYLE_NORMAL);
    }

  headers[0] = C_("rank", "#");
  headers[1] = _("Trial");
  headers[2] = _("Status");
  headers[3] = _("Verdict");
  /* Translators: a column of counts: pass, fail, unknown, review */
  headers[4] = _("✔ ✘ ? ⚑");
  headers[5] = _("First failing criterion");
  headers[6] = NULL;

  if (results->len == 0)
    {
      eligo_report_document_add_paragraph (document, _("No trials to rank."),
                                           ELIGO_REPORT_STYLE_NORMAL);
      return g_steal_pointer (&document);
    }

  table = eligo_report_document_add_table (document, G_N_ELEMENTS (widths), widths, headers);
  n_rows = max_rows > 0 ? MIN (max_rows, results->len) : results->len;
  for (guint i = 0; i < n_rows; i++)
    {
      EligoScreeningResult *result = g_ptr_array_index (results, i);
      EligoTrial *trial = eligo_screening_result_get_trial (result);
      EligoTrialVerdict verdict = eligo_screening_result_get_verdict (result);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *short_title = shorten (eligo_trial_get_brief_title (trial), TITLE_CHARS);
      g_autofree char *trial_text = g_strdup_printf ("%s\n%s", eligo_trial_get_nct_id (trial),
                                                     short_title);
      g_autofree char *status = eligo_format_status (eligo_trial_get_overall_status (trial));
      g_autofree char *counts = eligo_match_format_counts (result);
      g_autofree char *failure = eligo_match_describe_failure (result, patient);
      const char *cells[7];
      guint row;

      cells[0] = rank;
      cells[1] = trial_text;
      cells[2] = status;
      cells[3] = eligo_trial_verdict_get_label (verdict);
      cells[4] = counts;
      cells[5] = failure != NULL ? failure : "";
      cells[6] = NULL;

      row = eligo_report_table_add_row (table, cells);
      if (verdict != ELIGO_TRIAL_VERDICT_INELIGIBLE)
        eligo_report_table_set_style (table, row, 3, ELIGO_REPORT_STYLE_BOLD);
      else
        eligo_report_table_set_style (table, row, 3, ELIGO_REPORT_STYLE_DIM);
    }

  if (n_rows < MAX (n_trials, results->len))
    {
      guint rest = MAX (n_trials, results->len) - n_rows;
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more trial, ranked lower, "
                                                            "is not listed.",
                                                            "%u more trials, ranked lower, "
                                                            "are not listed.", rest),
                                               rest);

      eligo_report_document_add_paragraph (document, line, ELIGO_REPORT_STYLE_DIM);
    }

  eligo_report_document_add_spacer (document, 8);
  eligo_report_document_add_paragraph (document,
                                       _("Ranked by fewest failing criteria, then fewest "
                                         "unknown. ✔ pass  ✘ fail  ? unknown (a fact is "
                                         "missing)  ⚑ review (read the criterion). The rules "
                                         "are read from the registry text: check the protocol "
                                         "before deciding."),
                                       ELIGO_REPORT_STYLE_DIM);

  return g_steal_pointer (&document);
}
