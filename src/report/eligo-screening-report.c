/* eligo-screening-report.c
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
 * The screening summary: what a nurse files after screening a patient for a
 * trial. The patient appears by screening id only: never by initials or
 * year of birth.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-criterion.h"
#include "eligo-format.h"
#include "eligo-report-spans.h"
#include "eligo-rule.h"
#include "eligo-screening-report-private.h"
#include "eligo-screening-report.h"
#include "eligo-trial.h"
#include "eligo-variables.h"

/* Columns of the criteria table */
enum {
  COLUMN_ID,
  COLUMN_KIND,
  COLUMN_TEXT,
  COLUMN_VALUES,
  COLUMN_VERDICT,
  COLUMN_NOTE,
  N_COLUMNS
};

static const char *
or_absent (const char *text)
{
  return text != NULL && *text != '\0' ? text : ELIGO_FORMAT_ABSENT;
}

/* "I3" from "NCT07072494/I3" */
static const char *
short_id (EligoCriterion *criterion)
{
  const char *id = eligo_criterion_get_id (criterion);
  const char *slash = strchr (id, '/');

  return slash != NULL ? slash + 1 : id;
}

static char *
format_number (double number)
{
  g_autofree char *text = NULL;
  gsize len;

  if (fabs (number - round (number)) < 1e-9)
    return g_strdup_printf ("%.0f", number);

  /* At most two decimals, without trailing zeros; in the locale's style. */
  text = g_strdup_printf ("%.2f", number);
  len = strlen (text);
  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  if (len > 0 && !g_ascii_isdigit (text[len - 1]))
    text[--len] = '\0';

  return g_steal_pointer (&text);
}

static char *
format_date (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

/**
 * eligo_screening_report_verdict_mark:
 *
 * Returns: the mark drawn beside a verdict's word, so that it reads in
 *   black and white: ✔ pass, ✘ fail, ? unknown, ⚑ review
 */
const char *
eligo_screening_report_verdict_mark (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_PASS:
      return "✔";
    case ELIGO_VERDICT_FAIL:
      return "✘";
    case ELIGO_VERDICT_UNKNOWN:
      return "?";
    case ELIGO_VERDICT_REVIEW:
    case ELIGO_N_VERDICTS:
    default:
      return "⚑";
    }
}

/* "24 µmol/L": a number in the unit of @variable */
static char *
format_quantity (const char *variable,
                 double      number)
{
  const EligoVariable *info = eligo_variable_lookup (variable);
  g_autofree char *text = format_number (number);

  if (info == NULL || info->unit == NULL)
    return g_steal_pointer (&text);

  return g_strdup_printf ("%s %s", text, g_dgettext (GETTEXT_PACKAGE, info->unit));
}

static gboolean
lookup_number (EligoPatient *patient,
               const char   *variable,
               double       *number)
{
  EligoValue value = { ELIGO_VALUE_UNKNOWN, 0, FALSE, NULL };

  if (!eligo_patient_lookup (variable, &value, patient) || value.kind != ELIGO_VALUE_NUMBER)
    return FALSE;

  *number = value.number;
  return TRUE;
}

/* A multiple of the ULN with what it came from: the raw value and the ULN
 * that the lab reported, or a plain statement that only the multiple was
 * entered. %NULL if @variable is not such a multiple. */
static char *
format_uln_multiple (const char   *variable,
                     const char   *label,
                     EligoPatient *patient)
{
  const char *raw_name = NULL;
  const char *uln_name = NULL;
  EligoValue entered = { ELIGO_VALUE_UNKNOWN, 0, FALSE, NULL };
  g_autofree char *multiple = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *uln = NULL;
  double raw_number = 0;
  double uln_number = 0;
  gboolean has_raw;
  gboolean has_uln;

  if (!eligo_uln_multiple_get_parts (variable, &raw_name, &uln_name))
    return NULL;

  has_raw = lookup_number (patient, raw_name, &raw_number);
  has_uln = lookup_number (patient, uln_name, &uln_number) && uln_number > 0;
  if (has_raw)
    raw = format_quantity (raw_name, raw_number);
  if (has_uln)
    uln = format_quantity (uln_name, uln_number);

  if (eligo_patient_get_fact (patient, variable, &entered) && entered.kind == ELIGO_VALUE_NUMBER)
    {
      multiple = format_quantity (variable, entered.number);

      if (has_raw && has_uln)
        /* Translators: a lab value entered as a multiple of the upper limit of
         * normal, with the raw value and the ULN also on record, e.g. "Total
         * bilirubin = 1.2 × ULN (entered as a multiple; also recorded: 24 µmol/L,
         * ULN 21 µmol/L)" */
        return g_strdup_printf (_("%s = %s (entered as a multiple; also recorded: %s, ULN %s)"),
                                label, multiple, raw, uln);

      /* Translators: a lab value entered only as a multiple of the upper limit
       * of normal, e.g. "Total bilirubin = 1.2 × ULN (entered as a multiple;
       * raw value and ULN not recorded)" */
      return g_strdup_printf (_("%s = %s (entered as a multiple; raw value and ULN not recorded)"),
                              label, multiple);
    }

  if (has_raw && has_uln)
    {
      multiple = format_quantity (variable, raw_number / uln_number);

      /* Translators: a lab value with the upper limit of normal (ULN) the lab
       * reported and the multiple of it, e.g. "Total bilirubin 24 µmol/L
       * (ULN 21 µmol/L) = 1.14 × ULN" */
      return g_strdup_printf (_("%s %s (ULN %s) = %s"), label, raw, uln, multiple);
    }

  if (has_raw)
    /* Translators: a lab value whose upper limit of normal nobody entered, so
     * that its multiple of the ULN is unknown, e.g. "Total bilirubin = missing
     * (24 µmol/L entered, ULN missing)" */
    return g_strdup_printf (_("%s = missing (%s entered, ULN missing)"), label, raw);

  if (has_uln)
    /* Translators: a lab's upper limit of normal entered without the value
     * itself, e.g. "Total bilirubin = missing (ULN 21 µmol/L entered, value
     * missing)" */
    return g_strdup_printf (_("%s = missing (ULN %s entered, value missing)"), label, uln);

  /* Translators: a patient value that the screening needs but nobody entered */
  return g_strdup_printf (_("%s = missing"), label);
}

/**
 * eligo_screening_report_format_value:
 * @variable: a variable's name
 * @patient: the patient
 *
 * The value of @variable for @patient as the report shows it: "Age = 34
 * years", "Creatinine clearance = 96 mL/min (derived)" for a value computed
 * from others, "LVEF = missing" when unknown. A multiple of the upper limit
 * of normal shows the raw value and the ULN it comes from: "Total bilirubin
 * 24 µmol/L (ULN 21 µmol/L) = 1.14 × ULN", or says that only the multiple
 * was entered.
 *
 * Returns: (transfer full): the text
 */
char *
eligo_screening_report_format_value (const char   *variable,
                                     EligoPatient *patient)
{
  const EligoVariable *info = eligo_variable_lookup (variable);
  const char *label = info != NULL ? eligo_variable_get_label (info) : variable;
  g_autofree char *value_text = NULL;
  EligoValue value = { ELIGO_VALUE_UNKNOWN, 0, FALSE, NULL };
  EligoValue entered = { ELIGO_VALUE_UNKNOWN, 0, FALSE, NULL };
  gboolean known;
  gboolean derived;

  g_return_val_if_fail (variable != NULL, NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  value_text = format_uln_multiple (variable, label, patient);
  if (value_text != NULL)
    return g_steal_pointer (&value_text);

  known = eligo_patient_lookup (variable, &value, patient) && value.kind != ELIGO_VALUE_UNKNOWN;
  if (!known)
    /* Translators: a patient value that the screening needs but nobody entered */
    return g_strdup_printf (_("%s = missing"), label);

  derived = !eligo_patient_get_fact (patient, variable, &entered);

  switch (value.kind)
    {
    case ELIGO_VALUE_NUMBER:
      {
        g_autofree char *number = format_number (value.number);

        if (info != NULL && info->unit != NULL)
          value_text = g_strdup_printf ("%s %s", number, g_dgettext (GETTEXT_PACKAGE, info->unit));
        else
          value_text = g_steal_pointer (&number);
      }
      break;

    case ELIGO_VALUE_BOOL:
      value_text = g_strdup (value.boolean ? C_("value", "yes") : C_("value", "no"));
      break;

    case ELIGO_VALUE_SYMBOL:
      value_text = g_strdelimit (g_strdup (value.symbol), "_", ' ');
      break;

    case ELIGO_VALUE_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  if (derived)
    /* Translators: a value the screening computed from other values, e.g.
     * creatinine clearance from age, weight and creatinine */
    return g_strdup_printf (_("%s = %s (derived)"), label, value_text);

  /* Translators: a patient value, e.g. "Age = 34 years" */
  return g_strdup_printf (_("%s = %s"), label, value_text);
}

/* A narrow cell must not wrap a quantity inside: "24" over "µmol/L",
 * "µmol/" over "L", "1.14 ×" over "ULN". A no-break space after a number
 * and inside "× ULN", and U+2060 WORD JOINER after each slash. */
static char *
keep_quantities_whole (const char *line)
{
  const char *multiple = g_dgettext (GETTEXT_PACKAGE, "× ULN");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *multiple_bound = NULL;
  g_auto(GStrv) parts = NULL;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == ' ' && p > line && g_ascii_isdigit (p[-1]) &&
          p[1] != '\0' && strchr (" =(", p[1]) == NULL)
        g_string_append (out, "\u00a0");
      else if (*p == '/')
        g_string_append (out, "/\u2060");
      else
        g_string_append_c (out, *p);
    }

  parts = g_strsplit (multiple, " ", -1);
  multiple_bound = g_strjoinv ("\u00a0", parts);
  g_string_replace (out, multiple, multiple_bound, 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
values_used (EligoCriterion *criterion,
             EligoPatient   *patient)
{
  EligoRule *rule = eligo_criterion_get_rule (criterion);
  g_auto(GStrv) variables = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (rule == NULL)
    return g_strdup (ELIGO_FORMAT_ABSENT);

  variables = eligo_rule_dup_variables (rule);
  for (guint i = 0; variables != NULL && variables[i] != NULL; i++)
    {
      g_autofree char *line = eligo_screening_report_format_value (variables[i], patient);
      g_autofree char *kept = keep_quantities_whole (line);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, kept);
    }

  if (out->len == 0)
    return g_strdup (ELIGO_FORMAT_ABSENT);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The criterion's text, under the line that introduces it if it is a
 * sub-item ("Satisfactory organ function, defined as:"). Markup. */
static char *
criterion_text_markup (EligoCriterion *criterion)
{
  const char *context = eligo_criterion_get_context (criterion);
  /* The words the rule was read from, underlined. */
  g_autofree char *text = eligo_spans_markup (eligo_criterion_get_text (criterion),
                                              eligo_criterion_get_spans (criterion), FALSE);

  if (context != NULL && *context != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (context, -1);

      return g_strdup_printf ("<span foreground=\"#555555\">%s</span>\n%s", escaped, text);
    }

  return g_steal_pointer (&text);
}

static char *
note_markup (const EligoAnswer *answer)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *byline = NULL;

  if (answer == NULL)
    return g_strdup ("");

  if (answer->note != NULL && *answer->note != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (answer->note, -1);

      g_string_append (out, escaped);
    }

  date = format_date (answer->time);
  if (answer->author != NULL && *answer->author != '\0' && *date != '\0')
    byline = g_strdup_printf ("— %s, %s", answer->author, date);
  else if (answer->author != NULL && *answer->author != '\0')
    byline = g_strdup_printf ("— %s", answer->author);
  else if (*date != '\0')
    byline = g_strdup_printf ("— %s", date);

  if (byline != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (byline, -1);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "<span foreground=\"#555555\">%s</span>", escaped);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
trial_verdict_mark (EligoTrialVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_TRIAL_VERDICT_ELIGIBLE:
      return "✔ ";
    case ELIGO_TRIAL_VERDICT_INELIGIBLE:
      return "✘ ";
    case ELIGO_TRIAL_VERDICT_PENDING:
    default:
      return "";
    }
}

static void
add_criteria_table (EligoReportDocument  *document,
                    EligoScreeningResult *result,
                    EligoPatient         *patient)
{
  const double widths[N_COLUMNS] = { 0.055, 0.095, 0.365, 0.17, 0.125, 0.19 };
  const char *headers[N_COLUMNS + 1] = {
    C_("report column", "ID"),
    C_("report column", "Type"),
    C_("report column", "Criterion"),
    C_("report column", "Value used"),
    C_("report column", "Verdict"),
    C_("report column", "Note"),
    NULL
  };
  EligoReportTable *table;

  table = eligo_report_document_add_table (document, N_COLUMNS, widths, headers);

  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);
      EligoCriterion *criterion = r->criterion;
      const EligoAnswer *answer = r->answer;
      g_autofree char *text = criterion_text_markup (criterion);
      g_autofree char *values = values_used (criterion, patient);
      g_autofree char *verdict = NULL;
      g_autofree char *note = note_markup (r->answered ? answer : NULL);
      EligoReportStyle verdict_style = ELIGO_REPORT_STYLE_MARK;
      const char *cells[N_COLUMNS + 1];
      guint row;

      if (r->answered)
        /* Translators: a verdict mark and word, then a mark that the screening nurse
         * decided it, e.g. "✔ Pass\n(nurse)" */
        verdict = g_strdup_printf (_("%s %s\n(nurse)"),
                                   eligo_screening_report_verdict_mark (r->verdict),
                                   eligo_verdict_get_label (r->verdict));
      else
        verdict = g_strdup_printf ("%s %s", eligo_screening_report_verdict_mark (r->verdict),
                                   eligo_verdict_get_label (r->verdict));

      cells[COLUMN_ID] = short_id (criterion);
      cells[COLUMN_KIND] = eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION
                           ? C_("criterion", "Inclusion") : C_("criterion", "Exclusion");
      cells[COLUMN_TEXT] = text;
      cells[COLUMN_VALUES] = values;
      cells[COLUMN_VERDICT] = verdict;
      cells[COLUMN_NOTE] = note;
      cells[N_COLUMNS] = NULL;

      row = eligo_report_table_add_row (table, cells);
      eligo_report_table_set_style (table, row, COLUMN_ID, ELIGO_REPORT_STYLE_BOLD);
      eligo_report_table_set_style (table, row, COLUMN_KIND, ELIGO_REPORT_STYLE_DIM);
      eligo_report_table_set_style (table, row, COLUMN_TEXT, ELIGO_REPORT_STYLE_MARKUP);
      eligo_report_table_set_style (table, row, COLUMN_NOTE, ELIGO_REPORT_STYLE_MARKUP);
      if (r->verdict == ELIGO_VERDICT_FAIL)
        verdict_style |= ELIGO_REPORT_STYLE_BOLD | ELIGO_REPORT_STYLE_SHADE;
      eligo_report_table_set_style (table, row, COLUMN_VERDICT, verdict_style);
    }
}

typedef struct
{
  const char *label;
  guint       first;      /* the first criterion that needs it */
  GString    *needed_by;  /* "I7, E4" */
} Missing;

static void
missing_clear (Missing *missing)
{
  g_string_free (missing->needed_by, TRUE);
}

static int
compare_missing (gconstpointer a,
                 gconstpointer b)
{
  const Missing *ma = a;
  const Missing *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  return g_utf8_collate (ma->label, mb->label);
}

/* The values the rules still need, in the order of the criteria that need
 * them, two to a row. */
static void
add_missing_values (EligoReportDocument  *document,
                    EligoScreeningResult *result)
{
  g_auto(GStrv) missing = eligo_screening_result_dup_missing (result);
  g_autoptr(GArray) items = NULL;
  const double widths[] = { 0.33, 0.17, 0.33, 0.17 };
  const char *headers[] = {
    C_("report column", "Value"),
    C_("report column", "Needed by"),
    C_("report column", "Value"),
    C_("report column", "Needed by"),
    NULL
  };
  EligoReportTable *table;

  eligo_report_document_add_heading (document, _("Missing values"));

  if (missing == NULL || missing[0] == NULL)
    {
      eligo_report_document_add_paragraph (document,
                                           _("None: every value that the rules need is known."),
                                           ELIGO_REPORT_STYLE_NORMAL);
      return;
    }

  items = g_array_new (FALSE, TRUE, sizeof (Missing));
  g_array_set_clear_func (items, (GDestroyNotify) missing_clear);
  for (guint i = 0; missing[i] != NULL; i++)
    {
      const EligoVariable *variable = eligo_variable_lookup (missing[i]);
      Missing item;

      item.label = variable != NULL ? eligo_variable_get_label (variable) : missing[i];
      item.first = G_MAXUINT;
      item.needed_by = g_string_new (NULL);

      for (guint k = 0; k < eligo_screening_result_get_n_results (result); k++)
        {
          const EligoCriterionResult *r = eligo_screening_result_get_result (result, k);

          if (r->missing == NULL || !g_strv_contains ((const char * const *) r->missing, missing[i]))
            continue;
          if (item.needed_by->len > 0)
            g_string_append (item.needed_by, ", ");
          g_string_append (item.needed_by, short_id (r->criterion));
          item.first = MIN (item.first, k);
        }
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_missing);

  table = eligo_report_document_add_table (document, 4, widths, headers);
  for (guint i = 0; i < items->len; i += 2)
    {
      Missing *left = &g_array_index (items, Missing, i);
      Missing *right = i + 1 < items->len ? &g_array_index (items, Missing, i + 1) : NULL;
      const char *cells[5] = {
        left->label, left->needed_by->str,
        right != NULL ? right->label : "", right != NULL ? right->needed_by->str : "",
        NULL
      };

      eligo_report_table_add_row (table, cells);
    }
}

/**
 * eligo_screening_report_new:
 * @result: the screening of @patient for one trial
 * @patient: the patient (for values and the nurse's notes)
 * @site: (nullable): the site; empty leaves a line to fill in by hand
 * @screener: (nullable): who screened; empty leaves a line to fill in
 * @date: (nullable): the screening date; %NULL for today
 *
 * The screening summary of DESIGN.md and issue 5: site and screener, the
 * trial, the screening id and date, the overall verdict, every criterion
 * with the values used, its verdict and the nurse's note, the values still
 * missing, signature lines and the trial's version.
 *
 * Returns: (transfer full): the document, A4 portrait
 */
EligoReportDocument *
eligo_screening_report_new (EligoScreeningResult *result,
                            EligoPatient         *patient,
                            const char           *site,
                            const char           *screener,
                            GDateTime            *date)
{
  EligoTrial *trial;
  EligoTrialVerdict verdict;
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *subtitle = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *version = NULL;
  g_autofree char *verdict_text = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *title = NULL;
  const char *nct_id;
  const char *screening_id;
  const char *last_update;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  trial = eligo_screening_result_get_trial (result);
  verdict = eligo_screening_result_get_verdict (result);
  nct_id = eligo_trial_get_nct_id (trial);
  screening_id = eligo_patient_get_screening_id (patient);
  document = eligo_report_document_new ();

  /* Translators: the title of the PDF file; the first %s is an NCT number, the
   * second a patient's screening id */
  title = g_strdup_printf (_("Screening summary %s %s"), nct_id, screening_id);
  eligo_report_document_set_title (document, title);
  /* Translators: the footer of every page; an NCT number and a screening id */
  footer = g_strdup_printf (_("%s · Screening summary · %s"), nct_id, screening_id);
  eligo_report_document_set_footer (document, footer);

  eligo_report_document_add_title (document, _("Screening summary"));
  /* Translators: %s is an NCT number */
  subtitle = g_strdup_printf (_("Eligibility screening for clinical trial %s"), nct_id);
  eligo_report_document_add_subtitle (document, subtitle);

  /* The screening: who, where, when. Empty fields are lines to fill in. */
  date_text = format_date (date != NULL ? date : now);
  {
    const char *fields[] = {
      _("Screening ID"), screening_id,
      _("Screening date"), date_text,
      _("Site"), site != NULL ? site : "",
      _("Screener"), screener != NULL ? screener : "",
      NULL
    };

    eligo_report_document_add_key_values (document, 2, fields);
  }

  /* The trial */
  phase = eligo_format_phases (eligo_trial_get_phases (trial));
  last_update = eligo_trial_get_last_update (trial);
  if (last_update != NULL && *last_update != '\0')
    /* Translators: the trial's version: %s is the date of its last registry update */
    version = g_strdup_printf (_("last update %s"), last_update);
  else
    /* Translators: the trial's version when the registry gives no update date */
    version = g_strdup (_("not stated"));
  eligo_report_document_add_heading (document, _("Trial"));
  {
    const char *fields[] = {
      _("NCT number"), nct_id,
      _("Title"), or_absent (eligo_trial_get_brief_title (trial)),
      _("Phase"), phase,
      _("Lead sponsor"), or_absent (eligo_trial_get_lead_sponsor (trial)),
      _("Trial version"), version,
      NULL
    };

    eligo_report_document_add_key_values (document, 1, fields);
  }

  /* The verdict, in words: never "eligible" unless the engine says so. */
  verdict_text = g_strconcat (trial_verdict_mark (verdict), eligo_trial_verdict_get_label (verdict),
                              NULL);
  counts = g_strdup_printf (/* Translators: counts of criteria by verdict */
                            _("%u pass, %u fail, %u unknown, %u to review"),
                            eligo_screening_result_get_count (result, ELIGO_VERDICT_PASS),
                            eligo_screening_result_get_count (result, ELIGO_VERDICT_FAIL),
                            eligo_screening_result_get_count (result, ELIGO_VERDICT_UNKNOWN),
                            eligo_screening_result_get_count (result, ELIGO_VERDICT_REVIEW));
  eligo_report_document_add_callout (document, _("Overall verdict"), verdict_text, counts);

  /* Every criterion */
  eligo_report_document_add_heading (document, _("Criteria"));
  add_criteria_table (document, result, patient);
  eligo_report_document_add_paragraph (document,
                                       _("Underlined: the words each rule was read from. Words "
                                         "of a criterion that no rule read are not underlined."),
                                       ELIGO_REPORT_STYLE_DIM);

  add_missing_values (document, result);
  _eligo_screening_report_add_sources (document, result, patient);

  /* Signatures */
  eligo_report_document_add_heading (document, _("Signatures"));
  {
    const char *roles[] = { _("Screener"), _("Investigator"), NULL };
    const char *names[] = { screener != NULL ? screener : "", "", NULL };

    eligo_report_document_add_signatures (document, roles, names);
  }

  eligo_report_document_add_spacer (document, 10);
  eligo_report_document_add_footnote (document,
                                      _("Verdicts come from rules read from the trial’s registry "
                                        "text, or from the screener’s answers, marked “(nurse)”. "
                                        "Criteria to review and missing values must be judged by "
                                        "the investigator. The patient is identified by the "
                                        "screening ID only."));

  return g_steal_pointer (&document);
}
