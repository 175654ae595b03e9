/* eligo-comparison-report.c
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
 * The printed comparison: 2 to 6 trials side by side on landscape pages,
 * for the team meeting's paper copy. One table per section under its
 * heading, a label column and one column per trial, the trials' header
 * row repeated on every page. Rows where the trials differ carry a bold
 * "≠" in a shaded label cell, so they stand out in black and white; with
 * a patient, the header gives each trial's verdict and every aligned cell
 * its verdict mark and word. The window's Print and Export PDF and
 * `eligo-cli compare --pdf` all draw this document.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-comparison-report.h"
#include "eligo-format.h"
#include "eligo-screening.h"
#include "eligo-trial.h"

#define HEADER_TITLE_CHARS 44

static const char *
verdict_mark (EligoVerdict verdict)
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

static const char *
trial_verdict_mark (EligoTrialVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_TRIAL_VERDICT_ELIGIBLE:
      return "✔";
    case ELIGO_TRIAL_VERDICT_INELIGIBLE:
      return "✘";
    case ELIGO_TRIAL_VERDICT_PENDING:
    default:
      return "…";
    }
}

/* A short lowercase word that cannot end a cut title: "or", "of", "with". */
static gboolean
is_little_word (const char *word,
                gssize      len)
{
  if (len == 0 || len > 4 || (len == 4 && strncmp (word, "with", 4) != 0))
    return FALSE;

  for (gssize i = 0; i < len; i++)
    if (!g_ascii_islower (word[i]))
      return FALSE;

  return TRUE;
}

static gboolean
row_is_shown (EligoComparisonRow *row,
              gboolean            only_differences)
{
  return !only_differences || eligo_comparison_row_differs (row);
}

/* The trial's column header: NCT number, short title and, with a patient,
 * the verdict. */
static char *
header_text (EligoComparison *comparison,
             guint            t)
{
  EligoTrial *trial = eligo_comparison_get_trial (comparison, t);
  g_autofree char *title = eligo_comparison_report_short_title (trial, HEADER_TITLE_CHARS);
  GString *text = g_string_new (eligo_trial_get_nct_id (trial));

  if (title != NULL && *title != '\0')
    g_string_append_printf (text, "\n%s", title);

  if (eligo_comparison_get_patient (comparison) != NULL)
    {
      EligoScreeningResult *result = eligo_comparison_get_result (comparison, t);
      EligoTrialVerdict verdict = eligo_screening_result_get_verdict (result);

      g_string_append_printf (text, "\n%s %s", trial_verdict_mark (verdict),
                              eligo_trial_verdict_get_label (verdict));
    }

  return g_string_free (text, FALSE);
}

/* A cell as Pango markup: the trial's text, "*" when partial, then the
 * verdict's mark and word in bold on a line of its own. */
static char *
cell_markup (EligoComparisonRow *row,
             guint               t)
{
  const char *cell = eligo_comparison_row_get_cell (row, t);
  GString *markup = g_string_new (NULL);
  EligoVerdict verdict;

  if (cell == NULL)
    {
      /* Eligibility rows leave a trial that says nothing blank, so the
       * trials that do set a condition stand out. */
      if (eligo_comparison_row_get_section (row) != ELIGO_COMPARISON_SECTION_ELIGIBILITY)
        g_string_append (markup, ELIGO_FORMAT_ABSENT);
      return g_string_free (markup, FALSE);
    }

  {
    g_autofree char *escaped = g_markup_escape_text (cell, -1);

    g_string_append (markup, escaped);
  }
  if (eligo_comparison_row_get_partial (row, t))
    g_string_append (markup, "<b>*</b>");

  if (eligo_comparison_row_get_verdict (row, t, &verdict))
    {
      g_autofree char *word = g_markup_escape_text (eligo_verdict_get_label (verdict), -1);

      g_string_append_printf (markup, "\n<b>%s %s</b>", verdict_mark (verdict), word);
    }

  return g_string_free (markup, FALSE);
}

static char *
label_markup (EligoComparisonRow *row)
{
  g_autofree char *label = g_markup_escape_text (eligo_comparison_row_get_label (row), -1);

  if (eligo_comparison_row_differs (row))
    return g_strdup_printf ("<b>≠</b> %s", label);

  return g_steal_pointer (&label);
}

static void
add_section (EligoReportDocument    *document,
             EligoComparison        *comparison,
             EligoComparisonSection  section,
             gboolean                only_differences,
             const double           *widths,
             const char * const     *headers)
{
  guint n_trials = eligo_comparison_get_n_trials (comparison);
  guint n_rows = eligo_comparison_get_n_rows (comparison);
  EligoReportTable *table = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      EligoComparisonRow *row = eligo_comparison_get_row (comparison, i);
      g_autoptr(GPtrArray) cells = NULL;
      gboolean differs;
      guint index;

      if (eligo_comparison_row_get_section (row) != section ||
          !row_is_shown (row, only_differences))
        continue;

      if (table == NULL)
        {
          eligo_report_document_add_heading (document,
                                             eligo_comparison_section_get_title (section));
          table = eligo_report_document_add_table (document, n_trials + 1, widths, headers);
        }

      cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (cells, label_markup (row));
      for (guint t = 0; t < n_trials; t++)
        g_ptr_array_add (cells, cell_markup (row, t));
      g_ptr_array_add (cells, NULL);

      index = eligo_report_table_add_row (table, (const char * const *) cells->pdata);
      differs = eligo_comparison_row_differs (row);

      /* Shading marks the rows that differ even on a black and white copy;
       * the "≠" says so without it. */
      eligo_report_table_set_style (table, index, 0,
                                    ELIGO_REPORT_STYLE_MARKUP |
                                    (differs ? ELIGO_REPORT_STYLE_SHADE
                                             : ELIGO_REPORT_STYLE_DIM));
      for (guint t = 0; t < n_trials; t++)
        eligo_report_table_set_style (table, index, t + 1,
                                      ELIGO_REPORT_STYLE_MARKUP |
                                      (differs ? ELIGO_REPORT_STYLE_NORMAL
                                               : ELIGO_REPORT_STYLE_DIM));
    }
}

/**
 * eligo_comparison_report_short_title:
 * @trial: a trial
 * @max_chars: the most characters to keep, at least 8
 *
 * The trial's acronym and brief title, cut at a word before @max_chars
 * with an ellipsis: what fits in a column header.
 *
 * Returns: (transfer full) (nullable): the title, or %NULL if the trial
 *   has none
 */
char *
eligo_comparison_report_short_title (EligoTrial *trial,
                                     guint       max_chars)
{
  const char *acronym;
  const char *brief;
  g_autofree char *title = NULL;
  const char *cut;
  const char *space = NULL;
  guint n = 0;

  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

  max_chars = MAX (max_chars, 8);
  acronym = eligo_trial_get_acronym (trial);
  brief = eligo_trial_get_brief_title (trial);

  if (acronym != NULL && *acronym != '\0' && brief != NULL && *brief != '\0')
    title = g_strdup_printf ("%s: %s", acronym, brief);
  else if (brief != NULL && *brief != '\0')
    title = g_strdup (brief);
  else if (acronym != NULL && *acronym != '\0')
    title = g_strdup (acronym);
  else
    return NULL;

  g_strstrip (title);
  if (g_utf8_strlen (title, -1) <= (glong) max_chars)
    return g_steal_pointer (&title);

  /* Cut before the last word that does not fit, leaving room for "…". */
  for (cut = title; *cut != '\0' && n < max_chars - 1; cut = g_utf8_next_char (cut), n++)
    if (*cut == ' ')
      space = cut;

  if (space != NULL && space - title > (gssize) (cut - title) / 2)
    cut = space;

  /* Nor end on "or", "of", "with"…: a dangling little word reads badly. */
  while (TRUE)
    {
      const char *word;

      while (cut > title && strchr (" ,:;-/(", *(cut - 1)) != NULL)
        cut--;
      for (word = cut; word > title && *(word - 1) != ' '; word--)
        ;
      if (word == title || !is_little_word (word, cut - word))
        break;
      cut = word;
    }

  return g_strdup_printf ("%.*s…", (int) (cut - title), title);
}

/**
 * eligo_comparison_report_new:
 * @comparison: the comparison, with or without a patient
 * @only_differences: leave out the rows whose cells are all the same
 * @date: (nullable): the date printed under the title; now if %NULL
 *
 * The comparison as a document on A4 landscape pages: a title, the date,
 * then each section under its heading as a table whose columns fit the
 * page: the row labels, then one column per trial, headed by its NCT
 * number and short title (and, with a patient, its verdict) on every page.
 * A legend ends it.
 *
 * Returns: (transfer full): the document
 */
EligoReportDocument *
eligo_comparison_report_new (EligoComparison *comparison,
                             gboolean         only_differences,
                             GDateTime       *date)
{
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GString) ids = NULL;
  g_autoptr(GString) legend = NULL;
  g_autofree double *widths = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *count = NULL;
  EligoPatient *patient;
  guint n_trials;
  gboolean any_row = FALSE;

  g_return_val_if_fail (ELIGO_IS_COMPARISON (comparison), NULL);

  n_trials = eligo_comparison_get_n_trials (comparison);
  patient = eligo_comparison_get_patient (comparison);
  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  document = eligo_report_document_new ();
  eligo_report_document_set_paper (document, ELIGO_REPORT_PAPER_A4, ELIGO_REPORT_LANDSCAPE);
  eligo_report_document_set_margins (document, 36, 32, 46, 32);
  eligo_report_document_set_created (document, date);

  ids = g_string_new (NULL);
  for (guint t = 0; t < n_trials; t++)
    {
      if (t > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, eligo_trial_get_nct_id (eligo_comparison_get_trial (comparison, t)));
    }

  /* Translators: the title of the PDF file; %s lists NCT numbers */
  title = g_strdup_printf (_("Trial comparison %s"), ids->str);
  eligo_report_document_set_title (document, title);
  /* Translators: the footer of every page of a printed comparison; %s lists NCT numbers */
  footer = g_strdup_printf (_("Trial comparison · %s"), ids->str);
  eligo_report_document_set_footer (document, footer);

  eligo_report_document_add_title (document, _("Trial comparison"));

  date_text = g_date_time_format (date, "%Y-%m-%d");
  count = eligo_format_trial_count (n_trials);
  if (patient != NULL)
    /* Translators: under the title of a printed comparison: "5 trials", a
     * patient's screening id, and the date */
    subtitle = g_strdup_printf (_("%s · for patient %s · %s"), count,
                                eligo_patient_get_screening_id (patient), date_text);
  else
    /* Translators: under the title of a printed comparison: "5 trials" and the date */
    subtitle = g_strdup_printf (_("%s · %s"), count, date_text);
  eligo_report_document_add_subtitle (document, subtitle);

  if (only_differences)
    eligo_report_document_add_paragraph (document,
                                         _("Only the rows where the trials differ are shown."),
                                         ELIGO_REPORT_STYLE_DIM);

  /* The legend first, so that the first page explains its marks. */
  legend = g_string_new (NULL);
  /* Translators: the legend of a printed comparison's "≠" mark */
  g_string_append (legend, _("≠ the trials differ on this row (shaded)"));
  if (eligo_comparison_has_partial_cells (comparison, only_differences))
    g_string_append_printf (legend, "   %s", eligo_comparison_partial_legend ());
  if (patient != NULL)
    g_string_append_printf (legend, "   ✔ %s   ✘ %s   ? %s   ⚑ %s",
                            eligo_verdict_get_label (ELIGO_VERDICT_PASS),
                            eligo_verdict_get_label (ELIGO_VERDICT_FAIL),
                            eligo_verdict_get_label (ELIGO_VERDICT_UNKNOWN),
                            eligo_verdict_get_label (ELIGO_VERDICT_REVIEW));
  eligo_report_document_add_paragraph (document, legend->str, ELIGO_REPORT_STYLE_DIM);

  /* The label column, then equal trial columns across the page. */
  widths = g_new0 (double, n_trials + 1);
  widths[0] = n_trials <= 3 ? 1.0 : 1.3;
  for (guint t = 0; t < n_trials; t++)
    widths[t + 1] = n_trials <= 3 ? 2.0 : 1.25;

  headers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (headers, g_strdup (patient != NULL ? _("Trial\nVerdict") : _("Trial")));
  for (guint t = 0; t < n_trials; t++)
    g_ptr_array_add (headers, header_text (comparison, t));
  g_ptr_array_add (headers, NULL);

  for (guint s = 0; s < ELIGO_N_COMPARISON_SECTIONS; s++)
    add_section (document, comparison, s, only_differences, widths,
                 (const char * const *) headers->pdata);

  for (guint i = 0; i < eligo_comparison_get_n_rows (comparison); i++)
    if (row_is_shown (eligo_comparison_get_row (comparison, i), only_differences))
      any_row = TRUE;

  if (!any_row)
    eligo_report_document_add_paragraph (document,
                                         _("The trials do not differ on any row."),
                                         ELIGO_REPORT_STYLE_NORMAL);

  eligo_report_document_add_spacer (document, 8);
  eligo_report_document_add_paragraph (document,
                                       _("Conditions are read from each trial’s registry text "
                                         "and nurses’ curated rules; an empty cell means the "
                                         "trial states no condition on that variable. Check the "
                                         "protocol before deciding."),
                                       ELIGO_REPORT_STYLE_DIM);

  return g_steal_pointer (&document);
}
