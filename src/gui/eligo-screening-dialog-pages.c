/* eligo-screening-dialog-pages.c
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

/*
 * The screening dialog's trial pages: one tab per trial, with a banner of
 * the trial's verdict and what is still missing, then every criterion as a
 * row the nurse can answer. Verdicts follow the facts as they are typed
 * (debounced) and the nurse's answers at once.
 *
 * No patient data in logs: nothing here logs an id or a value.
 */

#define G_LOG_DOMAIN "eligo-screening-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-criterion-row.h"
#include "eligo-format.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-screening-log-row.h"
#include "eligo-screening-log.h"
#include "eligo-screening.h"

#define RESCREEN_DELAY_MS 100

static const char *trial_verdict_classes[] = {
  [ELIGO_TRIAL_VERDICT_ELIGIBLE] = "pass",
  [ELIGO_TRIAL_VERDICT_INELIGIBLE] = "fail",
  [ELIGO_TRIAL_VERDICT_PENDING] = "review",
};

void
_eligo_screening_dialog_trial_page_free (TrialPage *page)
{
  g_clear_object (&page->trial);
  g_clear_pointer (&page->criteria, g_ptr_array_unref);
  g_clear_pointer (&page->result, eligo_screening_result_unref);
  g_clear_pointer (&page->rows, g_hash_table_unref);
  g_free (page);
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
      return "⚑";
    }
}

static void
set_verdict_class (GtkWidget         *widget,
                   EligoTrialVerdict  verdict)
{
  for (guint i = 0; i < G_N_ELEMENTS (trial_verdict_classes); i++)
    gtk_widget_remove_css_class (widget, trial_verdict_classes[i]);
  gtk_widget_add_css_class (widget, trial_verdict_classes[verdict]);
}

/**
 * _eligo_screening_format_summary:
 *
 * What stands between the patient and a verdict, for the banner: "Every
 * criterion passes", or e.g. "1 criterion fails, 3 values missing, 5
 * criteria to review".
 *
 * Returns: (transfer full): the text
 */
char *
_eligo_screening_format_summary (EligoScreeningResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) missing = NULL;
  guint n_fail, n_missing, n_review, n_unknown;

  g_return_val_if_fail (result != NULL, NULL);

  if (eligo_screening_result_get_verdict (result) == ELIGO_TRIAL_VERDICT_ELIGIBLE)
    return g_strdup (_("Every criterion passes"));

  missing = eligo_screening_result_dup_missing (result);
  n_missing = missing != NULL ? g_strv_length (missing) : 0;
  n_fail = eligo_screening_result_get_count (result, ELIGO_VERDICT_FAIL);
  n_review = eligo_screening_result_get_count (result, ELIGO_VERDICT_REVIEW);
  n_unknown = eligo_screening_result_get_count (result, ELIGO_VERDICT_UNKNOWN);

  if (n_fail > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u criterion fails",
                                                          "%u criteria fail", n_fail),
                                             n_fail));
  if (n_missing > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u value missing",
                                                          "%u values missing", n_missing),
                                             n_missing));
  else if (n_unknown > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u criterion unknown",
                                                          "%u criteria unknown", n_unknown),
                                             n_unknown));
  if (n_review > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u criterion to review",
                                                          "%u criteria to review", n_review),
                                             n_review));

  if (parts->len == 0)
    return g_strdup (_("Nothing left to check"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between "1 criterion fails", "3 values missing"… */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

TrialPage *
_eligo_screening_dialog_get_current_page (EligoScreeningDialog *self)
{
  int current = gtk_notebook_get_current_page (GTK_NOTEBOOK (self->notebook));

  if (current < 0 || (guint) current >= self->pages->len)
    return self->pages->len > 0 ? g_ptr_array_index (self->pages, 0) : NULL;

  return g_ptr_array_index (self->pages, current);
}

static TrialPage *
eligo_screening_dialog_find_page (EligoScreeningDialog *self,
                                  const char           *nct_id)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      TrialPage *page = g_ptr_array_index (self->pages, i);

      if (nct_id == NULL || g_strcmp0 (eligo_trial_get_nct_id (page->trial), nct_id) == 0)
        return page;
    }

  return NULL;
}

/* Below the banner, shown when the patient's last saved screening of the
 * trial was done against criteria the registry has changed since. */
static GtkWidget *
outdated_new (TrialPage *page)
{
  /* A grid, not a horizontal box: GTK 4.8 mismeasures wrapping labels in one. */
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *title = gtk_label_new (_("Criteria changed since this screening"));

  gtk_widget_add_css_class (box, "criteria-outdated");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_grid_set_column_spacing (GTK_GRID (box), 12);
  gtk_grid_attach (GTK_GRID (box), icon, 0, 0, 1, 1);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text), title);
  page->outdated_detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (page->outdated_detail), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (page->outdated_detail), TRUE);
  gtk_box_append (GTK_BOX (text), page->outdated_detail);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (GTK_GRID (box), text, 1, 0, 1, 1);

  gtk_widget_set_visible (box, FALSE);
  page->outdated = box;

  return box;
}

/**
 * _eligo_screening_dialog_update_outdated:
 *
 * Marks each trial whose latest saved screening of the stored patient was
 * done against criteria changed since (eligo_database_list_screenings()).
 * The page itself already screens against the criteria as they are now,
 * with the answers whose criterion reads the same.
 */
void
_eligo_screening_dialog_update_outdated (EligoScreeningDialog *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      TrialPage *page = g_ptr_array_index (self->pages, i);
      EligoScreeningFilter filter = {
        .nct_id = eligo_trial_get_nct_id (page->trial),
        .screening_id = self->loaded_id,
      };
      g_autoptr(GPtrArray) records = NULL;
      const EligoScreeningRecord *latest = NULL;

      if (page->outdated == NULL)
        continue;

      if (self->loaded_id != NULL && self->database != NULL)
        records = eligo_database_list_screenings (self->database, &filter, NULL);
      if (records != NULL && records->len > 0)
        latest = g_ptr_array_index (records, 0);

      if (latest != NULL && latest->criteria_changed != NULL)
        {
          g_autofree char *date = NULL;
          g_autofree char *time = NULL;
          g_autofree char *changed = eligo_format_date (latest->criteria_changed);
          g_autofree char *detail = NULL;

          _eligo_format_local_time (latest->screened_at, &date, &time);
          /* Translators: the first %s is the registry's date of the change, the
           * second the day of the saved screening */
          detail = g_strdup_printf (_("The registry changed this trial’s criteria on %s, after "
                                      "the screening of %s. The verdicts here use the new "
                                      "criteria; answers are kept where a criterion reads the "
                                      "same."), changed, date);
          gtk_label_set_text (GTK_LABEL (page->outdated_detail), detail);
          gtk_widget_set_visible (page->outdated, TRUE);
        }
      else
        {
          gtk_widget_set_visible (page->outdated, FALSE);
        }
    }
}

/**
 * _eligo_screening_dialog_get_outdated_text:
 *
 * Returns: (nullable): the detail of the "Criteria changed" mark of the
 *   trial's page, or %NULL when it is hidden
 */
const char *
_eligo_screening_dialog_get_outdated_text (EligoScreeningDialog *self,
                                           const char           *nct_id)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      TrialPage *page = g_ptr_array_index (self->pages, i);

      if (g_strcmp0 (eligo_trial_get_nct_id (page->trial), nct_id) == 0)
        return gtk_widget_get_visible (page->outdated)
               ? gtk_label_get_text (GTK_LABEL (page->outdated_detail)) : NULL;
    }

  return NULL;
}

/* Shows one trial's result: banner, tab and every criterion. */
static void
trial_page_update (TrialPage    *page,
                   EligoPatient *patient)
{
  EligoTrialVerdict verdict = eligo_screening_result_get_verdict (page->result);
  g_autofree char *summary = _eligo_screening_format_summary (page->result);
  g_auto(GStrv) missing = eligo_screening_result_dup_missing (page->result);
  g_autofree char *tab_description = NULL;

  gtk_label_set_text (GTK_LABEL (page->banner_mark), trial_verdict_mark (verdict));
  gtk_label_set_text (GTK_LABEL (page->banner_verdict), eligo_trial_verdict_get_label (verdict));
  gtk_label_set_text (GTK_LABEL (page->banner_summary), summary);
  set_verdict_class (page->banner, verdict);

  if (missing != NULL && missing[0] != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; missing[i] != NULL; i++)
        {
          const EligoVariable *variable = eligo_variable_lookup (missing[i]);

          if (i > 0)
            g_string_append (text, _(", "));
          g_string_append (text, variable != NULL ? eligo_variable_get_label (variable)
                                                  : missing[i]);
        }
      g_string_prepend (text, " ");
      /* Translators: followed by the list of values the rules still need */
      g_string_prepend (text, _("Missing:"));
      gtk_label_set_text (GTK_LABEL (page->banner_missing), text->str);
      gtk_widget_set_tooltip_text (page->banner_missing, text->str);
      gtk_widget_set_visible (page->banner_missing, TRUE);
    }
  else
    {
      gtk_widget_set_visible (page->banner_missing, FALSE);
    }

  gtk_label_set_text (GTK_LABEL (page->tab_mark), trial_verdict_mark (verdict));
  gtk_label_set_text (GTK_LABEL (page->tab_verdict), eligo_trial_verdict_get_label (verdict));
  set_verdict_class (page->tab, verdict);
  /* Translators: a trial's tab, e.g. "NCT07072494: Not eligible" */
  tab_description = g_strdup_printf (_("%s: %s"), eligo_trial_get_nct_id (page->trial),
                                     eligo_trial_verdict_get_label (verdict));
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->tab),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tab_description,
                                  -1);

  for (guint i = 0; i < eligo_screening_result_get_n_results (page->result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (page->result, i);
      EligoCriterionRow *row = g_hash_table_lookup (page->rows,
                                                    eligo_criterion_get_id (r->criterion));

      if (row != NULL)
        eligo_criterion_row_update (row, r, patient);
    }
}

void
_eligo_screening_dialog_rescreen (EligoScreeningDialog *self)
{
  g_clear_handle_id (&self->rescreen_id, g_source_remove);

  if (self->patient == NULL)
    return;

  for (guint i = 0; i < self->pages->len; i++)
    {
      TrialPage *page = g_ptr_array_index (self->pages, i);

      g_clear_pointer (&page->result, eligo_screening_result_unref);
      page->result = eligo_screen (page->trial, page->criteria, self->patient);
      trial_page_update (page, self->patient);
    }
}

static gboolean
on_rescreen_timeout_cb (gpointer user_data)
{
  EligoScreeningDialog *self = user_data;

  self->rescreen_id = 0;
  _eligo_screening_dialog_rescreen (self);

  return G_SOURCE_REMOVE;
}

void
_eligo_screening_dialog_queue_rescreen (EligoScreeningDialog *self)
{
  g_clear_handle_id (&self->rescreen_id, g_source_remove);
  self->rescreen_id = g_timeout_add (RESCREEN_DELAY_MS, on_rescreen_timeout_cb, self);
}

static void
on_row_answer_changed_cb (EligoCriterionRow    *row,
                          int                   verdict,
                          const char           *note,
                          EligoScreeningDialog *self)
{
  EligoCriterion *criterion = eligo_criterion_row_get_criterion (row);
  g_autofree char *author = g_settings_get_string (self->settings, "screener-name");

  if (self->patient == NULL)
    return;

  if (verdict < 0)
    {
      const EligoAnswer *answer = eligo_patient_find_answer (self->patient, criterion);
      g_autofree char *answered_at = answer != NULL ? g_strdup (answer->criterion_id) : NULL;
      g_autofree char *prefix = g_strconcat (eligo_criterion_get_nct_id (criterion), "/", NULL);

      /* Her answer on this trial, wherever its number now is; an answer on
       * the same words in another trial stays that trial's. */
      eligo_patient_remove_answer (self->patient, eligo_criterion_get_id (criterion));
      if (answered_at != NULL && g_str_has_prefix (answered_at, prefix))
        eligo_patient_remove_answer (self->patient, answered_at);
    }
  else
    eligo_patient_answer_criterion (self->patient, criterion,
                                    verdict == ELIGO_ANSWER_PASS ? ELIGO_ANSWER_PASS
                                                                 : ELIGO_ANSWER_FAIL,
                                    note, author[0] != '\0' ? author : NULL, NULL);

  /* The nurse sees her answer at once. */
  _eligo_screening_dialog_rescreen (self);
}

static GtkWidget *
heading_new (const char *text,
             const char *css_class,
             int         level)
{
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        NULL);
  gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);

  return label;
}

static void
trial_page_add_criteria (EligoScreeningDialog *self,
                         TrialPage            *page,
                         GtkWidget            *box,
                         EligoCriterionKind    kind,
                         const char           *heading)
{
  GtkWidget *card = NULL;

  for (guint i = 0; i < page->criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (page->criteria, i);
      GtkWidget *row;

      if (eligo_criterion_get_kind (criterion) != kind)
        continue;

      if (card == NULL)
        {
          GtkWidget *label = heading_new (heading, "heading", 3);

          gtk_widget_set_margin_top (label, 12);
          gtk_box_append (GTK_BOX (box), label);
          card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          gtk_widget_add_css_class (card, "criteria-card");
          gtk_box_append (GTK_BOX (box), card);
        }
      else
        {
          gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
        }

      row = eligo_criterion_row_new (criterion);
      g_signal_connect_object (row, "answer-changed", G_CALLBACK (on_row_answer_changed_cb),
                               self, 0);
      g_hash_table_insert (page->rows, g_strdup (eligo_criterion_get_id (criterion)), row);
      gtk_box_append (GTK_BOX (card), row);
    }
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

void
_eligo_screening_dialog_add_trial (EligoScreeningDialog *self,
                                  EligoTrial           *trial,
                                  GPtrArray            *criteria)
{
  TrialPage *page = g_new0 (TrialPage, 1);
  GtkWidget *header;
  GtkWidget *label;
  GtkWidget *scroller;
  GtkWidget *list;

  page->trial = g_object_ref (trial);
  page->criteria = g_ptr_array_ref (criteria);
  page->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (self->pages, page);

  page->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (page->page, "trial-screening");

  /* The banner: the verdict, and what is still missing */
  page->banner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (page->banner, "screening-banner");
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trial verdict"),
                                  -1);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  page->banner_mark = gtk_label_new (NULL);
  gtk_widget_add_css_class (page->banner_mark, "verdict-mark");
  gtk_box_append (GTK_BOX (header), page->banner_mark);
  page->banner_verdict = heading_new (NULL, "title-2", 2);
  gtk_widget_add_css_class (page->banner_verdict, "verdict-word");
  gtk_widget_set_hexpand (page->banner_verdict, TRUE);
  gtk_box_append (GTK_BOX (header), page->banner_verdict);
  label = dim_label_new (eligo_trial_get_nct_id (trial));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "trial-nct-id");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (page->banner), header);

  page->banner_summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (page->banner_summary), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (page->banner_summary), TRUE);
  gtk_widget_add_css_class (page->banner_summary, "banner-summary");
  gtk_box_append (GTK_BOX (page->banner), page->banner_summary);

  page->banner_missing = dim_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (page->banner_missing), TRUE);
  gtk_label_set_lines (GTK_LABEL (page->banner_missing), 2);
  gtk_label_set_ellipsize (GTK_LABEL (page->banner_missing), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (page->banner_missing, "caption");
  gtk_box_append (GTK_BOX (page->banner), page->banner_missing);

  label = dim_label_new (eligo_trial_get_brief_title (trial));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, eligo_trial_get_brief_title (trial));
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "banner-title");
  gtk_box_append (GTK_BOX (page->banner), label);

  gtk_box_append (GTK_BOX (page->page), page->banner);
  gtk_box_append (GTK_BOX (page->page), outdated_new (page));

  /* Every criterion */
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (list, "criteria-list");
  trial_page_add_criteria (self, page, list, ELIGO_CRITERION_INCLUSION, _("Inclusion criteria"));
  trial_page_add_criteria (self, page, list, ELIGO_CRITERION_EXCLUSION, _("Exclusion criteria"));
  if (page->criteria->len == 0)
    gtk_box_append (GTK_BOX (list),
                    dim_label_new (_("The registry record of this trial lists no criteria.")));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (page->page), scroller);

  /* The tab: NCT number and verdict, by mark and word */
  page->tab = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (page->tab, "trial-tab");
  page->tab_mark = gtk_label_new (NULL);
  gtk_widget_add_css_class (page->tab_mark, "verdict-mark");
  gtk_box_append (GTK_BOX (page->tab), page->tab_mark);
  gtk_box_append (GTK_BOX (page->tab), gtk_label_new (eligo_trial_get_nct_id (trial)));
  page->tab_verdict = dim_label_new (NULL);
  gtk_widget_add_css_class (page->tab_verdict, "verdict-word");
  gtk_box_append (GTK_BOX (page->tab), page->tab_verdict);

  gtk_notebook_append_page (GTK_NOTEBOOK (self->notebook), page->page, page->tab);
}

EligoCriterionRow *
_eligo_screening_dialog_get_row (EligoScreeningDialog *self,
                                 const char           *criterion_id)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  for (guint i = 0; i < self->pages->len; i++)
    {
      TrialPage *page = g_ptr_array_index (self->pages, i);
      EligoCriterionRow *row = g_hash_table_lookup (page->rows, criterion_id);

      if (row != NULL)
        return row;
    }

  return NULL;
}

EligoScreeningResult *
_eligo_screening_dialog_get_result (EligoScreeningDialog *self,
                                    const char           *nct_id)
{
  TrialPage *page;

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  page = eligo_screening_dialog_find_page (self, nct_id);

  return page != NULL ? page->result : NULL;
}

const char *
_eligo_screening_dialog_get_verdict_text (EligoScreeningDialog *self,
                                          const char           *nct_id)
{
  TrialPage *page;

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  page = eligo_screening_dialog_find_page (self, nct_id);

  return page != NULL ? gtk_label_get_text (GTK_LABEL (page->banner_verdict)) : NULL;
}

const char *
_eligo_screening_dialog_get_summary_text (EligoScreeningDialog *self,
                                          const char           *nct_id)
{
  TrialPage *page;

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  page = eligo_screening_dialog_find_page (self, nct_id);

  return page != NULL ? gtk_label_get_text (GTK_LABEL (page->banner_summary)) : NULL;
}
