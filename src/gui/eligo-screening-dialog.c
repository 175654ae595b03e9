/* eligo-screening-dialog.c
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
 * The screening dialog. On the left, the patient: a pseudonymous screening
 * id, and fields for exactly the variables the chosen trials' rules use. On
 * the right, one tab per trial: a banner with the trial's verdict and what
 * is still missing, then every criterion with its verdict, text, rule, the
 * values it used and the nurse's answer. Verdicts follow the facts as they
 * are typed (debounced). Save writes one screening per trial to the log, a
 * snapshot that later saves never rewrite; Print and Export PDF draw the
 * screening summary of the trial shown.
 *
 * No patient data in logs: nothing here logs an id or a value.
 */

#define G_LOG_DOMAIN "eligo-screening-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-criterion-row.h"
#include "eligo-find-trials-window.h"
#include "eligo-preferences-window.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-screening-log.h"
#include "eligo-screening-log-window.h"
#include "eligo-screening.h"
#include "eligo-variable-editor.h"

#define RESCREEN_DELAY_MS 100
#define TOAST_TIMEOUT_S   4

G_DEFINE_FINAL_TYPE (EligoScreeningDialog, eligo_screening_dialog, GTK_TYPE_WINDOW)

static void eligo_screening_dialog_set_patient     (EligoScreeningDialog *self,
                                                    EligoPatient         *patient,
                                                    const char           *loaded_id);
static void eligo_screening_dialog_update_actions  (EligoScreeningDialog *self);

static const char *trial_verdict_classes[] = {
  [ELIGO_TRIAL_VERDICT_ELIGIBLE] = "pass",
  [ELIGO_TRIAL_VERDICT_INELIGIBLE] = "fail",
  [ELIGO_TRIAL_VERDICT_PENDING] = "review",
};

static void
trial_page_free (TrialPage *page)
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

/**
 * _eligo_screening_suggest_id:
 * @stored_ids: (nullable): the screening ids in use
 *
 * Returns: (transfer full): the next free id of the SCR-0001 series
 */
char *
_eligo_screening_suggest_id (const char * const *stored_ids)
{
  guint64 highest = 0;

  for (guint i = 0; stored_ids != NULL && stored_ids[i] != NULL; i++)
    {
      const char *id = stored_ids[i];
      guint64 number;
      char *end = NULL;

      if (g_ascii_strncasecmp (id, "SCR-", 4) != 0 || !g_ascii_isdigit (id[4]))
        continue;

      number = g_ascii_strtoull (id + 4, &end, 10);
      if (end != NULL && *end == '\0' && number < G_MAXUINT32 && number > highest)
        highest = number;
    }

  return g_strdup_printf ("SCR-%04" G_GUINT64_FORMAT, highest + 1);
}

static gboolean
id_is_stored (EligoScreeningDialog *self,
              const char           *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stored_ids));

  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->stored_ids, i), id) == 0)
      return TRUE;

  return FALSE;
}

static void
set_entry_error (GtkWidget  *entry,
                 GtkWidget  *error_label,
                 const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_label_set_text (GTK_LABEL (error_label), message);
      gtk_widget_set_visible (error_label, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_widget_set_visible (error_label, FALSE);
      gtk_label_set_text (GTK_LABEL (error_label), "");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* The screening id must be given, and not be another stored patient's. */
static gboolean
eligo_screening_dialog_check_id (EligoScreeningDialog *self)
{
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_entry))));
  g_autofree char *message = NULL;

  if (id[0] == '\0')
    message = g_strdup (_("A screening id is required"));
  else if (g_strcmp0 (id, self->loaded_id) != 0 && id_is_stored (self, id))
    /* Translators: %s is a screening id such as SCR-0042 */
    message = g_strdup_printf (_("%s is already used by a stored patient. Choose another id, "
                                 "or pick that patient under Stored patient to continue their "
                                 "screening."), id);

  set_entry_error (self->id_entry, self->id_error_label, message);

  return message == NULL;
}

static void
eligo_screening_dialog_update_title (EligoScreeningDialog *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (self->patient != NULL)
    g_string_append (subtitle, eligo_patient_get_screening_id (self->patient));

  if (self->pages->len == 1)
    {
      TrialPage *page = g_ptr_array_index (self->pages, 0);

      g_string_append_printf (subtitle, " · %s", eligo_trial_get_nct_id (page->trial));
    }
  else
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE, "%u trial", "%u trials",
                                           self->pages->len),
                              self->pages->len);
    }

  if (self->dirty)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("not saved"));
    }
  else if (self->loaded_id != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("saved"));
    }

  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle->str);
}

void
_eligo_screening_dialog_set_dirty (EligoScreeningDialog *self,
                                   gboolean              dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  eligo_screening_dialog_update_title (self);
  eligo_screening_dialog_update_actions (self);
}

/* Whether every open trial already has a saved screening of the stored
 * patient: only then would a save with nothing changed repeat the log. */
static gboolean
eligo_screening_dialog_all_pages_saved (EligoScreeningDialog *self)
{
  if (self->loaded_id == NULL || self->database == NULL)
    return FALSE;

  for (guint i = 0; i < self->pages->len; i++)
    {
      TrialPage *page = g_ptr_array_index (self->pages, i);
      EligoScreeningFilter filter = {
        .nct_id = eligo_trial_get_nct_id (page->trial),
        .screening_id = self->loaded_id,
      };
      g_autoptr(GPtrArray) records = NULL;

      records = eligo_database_list_screenings (self->database, &filter, NULL);
      if (records == NULL || records->len == 0)
        return FALSE;
    }

  return TRUE;
}

static void
eligo_screening_dialog_update_actions (EligoScreeningDialog *self)
{
  /* A save with nothing changed would only repeat the last screening; a
   * stored patient opened for a trial she was never screened for has
   * something to save from the start. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "screening.save",
                                 self->dirty ||
                                 !eligo_screening_dialog_all_pages_saved (self));
}

static void
eligo_screening_dialog_update_screener (EligoScreeningDialog *self)
{
  g_autofree char *screener = g_settings_get_string (self->settings, "screener-name");
  g_autofree char *site = g_settings_get_string (self->settings, "site-name");
  g_autofree char *text = NULL;

  if (screener[0] != '\0' && site[0] != '\0')
    /* Translators: the first %s is the nurse's name, the second the hospital */
    text = g_strdup_printf (_("Screening as %s at %s"), screener, site);
  else if (screener[0] != '\0')
    text = g_strdup_printf (_("Screening as %s"), screener);
  else
    text = g_strdup (_("Set your name and site in Preferences: they go on the summary and on "
                       "your answers"));

  gtk_label_set_text (GTK_LABEL (self->screener_label), text);
}

static gboolean
on_toast_timeout_cb (gpointer user_data)
{
  EligoScreeningDialog *self = user_data;

  self->toast_id = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->toast_revealer), FALSE);

  return G_SOURCE_REMOVE;
}

void
_eligo_screening_dialog_show_toast (EligoScreeningDialog *self,
                                    const char           *text)
{
  gtk_label_set_text (GTK_LABEL (self->toast_label), text);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->toast_revealer), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toast_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  g_clear_handle_id (&self->toast_id, g_source_remove);
  self->toast_id = g_timeout_add_seconds (TOAST_TIMEOUT_S, on_toast_timeout_cb, self);
}

static void
on_error_dialog_response_cb (GtkDialog *dialog,
                             int        response,
                             gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
_eligo_screening_dialog_show_error (EligoScreeningDialog *self,
                                    const char           *primary,
                                    const char           *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR,
                                   GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
eligo_screening_dialog_queue_rescreen (EligoScreeningDialog *self)
{
  g_clear_handle_id (&self->rescreen_id, g_source_remove);
  self->rescreen_id = g_timeout_add (RESCREEN_DELAY_MS, on_rescreen_timeout_cb, self);
}

static void
on_patient_changed_cb (EligoScreeningDialog *self,
                       EligoPatient         *patient)
{
  if (self->syncing > 0)
    return;

  _eligo_screening_dialog_set_dirty (self, TRUE);
  eligo_screening_dialog_queue_rescreen (self);
}

static void
on_patient_notify_cb (EligoScreeningDialog *self,
                      GParamSpec           *pspec,
                      EligoPatient         *patient)
{
  if (self->syncing > 0)
    return;

  _eligo_screening_dialog_set_dirty (self, TRUE);
  eligo_screening_dialog_update_title (self);
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

static void
eligo_screening_dialog_add_trial (EligoScreeningDialog *self,
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

static void
eligo_screening_dialog_load_stored_ids (EligoScreeningDialog *self)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  ids = eligo_database_dup_screening_ids (self->database, &error);
  if (ids == NULL)
    g_warning ("Could not list the stored patients: %s", error->message);

  self->syncing++;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->stored_ids));
  gtk_string_list_splice (self->stored_ids, 1, n - 1, (const char * const *) ids);
  self->syncing--;
}

static void
eligo_screening_dialog_select_stored (EligoScreeningDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stored_ids));
  guint selected = 0;

  for (guint i = 1; self->loaded_id != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->stored_ids, i), self->loaded_id) == 0)
      selected = i;

  self->syncing++;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->patient_drop_down), selected);
  self->syncing--;
}

/* Starts on @patient; @loaded_id is its stored id if it is a stored patient. */
static void
eligo_screening_dialog_set_patient (EligoScreeningDialog *self,
                                    EligoPatient         *patient,
                                    const char           *loaded_id)
{
  g_autofree char *birth_year = NULL;

  g_assert (ELIGO_IS_PATIENT (patient));

  if (self->patient != NULL)
    g_signal_handlers_disconnect_by_data (self->patient, self);
  g_set_object (&self->patient, patient);
  g_free (self->loaded_id);
  self->loaded_id = g_strdup (loaded_id);

  self->syncing++;

  gtk_editable_set_text (GTK_EDITABLE (self->id_entry), eligo_patient_get_screening_id (patient));
  gtk_editable_set_text (GTK_EDITABLE (self->initials_entry),
                         eligo_patient_get_initials (patient) != NULL
                           ? eligo_patient_get_initials (patient) : "");
  if (eligo_patient_get_birth_year (patient) > 0)
    birth_year = g_strdup_printf ("%d", eligo_patient_get_birth_year (patient));
  gtk_editable_set_text (GTK_EDITABLE (self->birth_year_entry), birth_year != NULL ? birth_year : "");
  set_entry_error (self->birth_year_entry, self->birth_year_error_label, NULL);

  /* The editor may set the lab's limits from Preferences: not an edit. */
  eligo_variable_editor_set_patient (ELIGO_VARIABLE_EDITOR (self->variable_editor), patient);

  self->syncing--;

  g_signal_connect_object (patient, "changed", G_CALLBACK (on_patient_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (patient, "notify::screening-id", G_CALLBACK (on_patient_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (patient, "notify::initials", G_CALLBACK (on_patient_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (patient, "notify::birth-year", G_CALLBACK (on_patient_notify_cb),
                           self, G_CONNECT_SWAPPED);

  eligo_screening_dialog_check_id (self);
  eligo_screening_dialog_select_stored (self);
  _eligo_screening_dialog_update_record (self);
  self->dirty = FALSE;
  eligo_screening_dialog_update_title (self);
  eligo_screening_dialog_update_actions (self);
  _eligo_screening_dialog_rescreen (self);
}

static void
eligo_screening_dialog_new_patient (EligoScreeningDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stored_ids));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(EligoPatient) patient = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *id = NULL;

  for (guint i = 1; i < n; i++)
    g_strv_builder_add (builder, gtk_string_list_get_string (self->stored_ids, i));
  ids = g_strv_builder_end (builder);

  id = _eligo_screening_suggest_id ((const char * const *) ids);
  patient = eligo_patient_new (id);
  eligo_screening_dialog_set_patient (self, patient, NULL);
}

static gboolean
eligo_screening_dialog_load_stored (EligoScreeningDialog *self,
                                    const char           *id)
{
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  patient = eligo_database_load_patient (self->database, id, &error);
  if (patient == NULL)
    {
      _eligo_screening_dialog_show_error (self, _("Could Not Open the Stored Patient"),
                                         error->message);
      eligo_screening_dialog_select_stored (self);
      return FALSE;
    }

  eligo_screening_dialog_set_patient (self, patient, id);
  return TRUE;
}

/* An open screening log shows the new screening without being asked. */
static void
reload_open_logs (EligoScreeningDialog *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ELIGO_IS_SCREENING_LOG_WINDOW (l->data))
      eligo_screening_log_window_reload (l->data);
}

/* Saves a screening of every trial; FALSE (with the reason shown) if it could not. */
gboolean
_eligo_screening_dialog_save (EligoScreeningDialog *self)
{
  g_autofree char *screener = NULL;
  g_autofree char *site = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  EligoVariableEditor *editor = ELIGO_VARIABLE_EDITOR (self->variable_editor);

  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), FALSE);

  if (!eligo_screening_dialog_check_id (self))
    {
      gtk_widget_grab_focus (self->id_entry);
      _eligo_screening_dialog_show_toast (self, _("Not saved: the screening id needs correcting"));
      return FALSE;
    }

  if (eligo_variable_editor_get_n_errors (editor) > 0 ||
      gtk_widget_get_visible (self->birth_year_error_label))
    {
      if (!eligo_variable_editor_focus_error (editor))
        gtk_widget_grab_focus (self->birth_year_entry);
      _eligo_screening_dialog_show_toast (self, _("Not saved: correct the values marked in red"));
      return FALSE;
    }

  _eligo_screening_dialog_rescreen (self);

  screener = g_settings_get_string (self->settings, "screener-name");
  site = g_settings_get_string (self->settings, "site-name");

  for (guint i = 0; i < self->pages->len; i++)
    {
      TrialPage *page = g_ptr_array_index (self->pages, i);

      if (eligo_database_save_screening (self->database, self->patient, page->result,
                                         screener[0] != '\0' ? screener : NULL,
                                         site[0] != '\0' ? site : NULL,
                                         &error) == 0)
        {
          _eligo_screening_dialog_show_error (self, _("Could Not Save the Screening"),
                                             error->message);
          return FALSE;
        }
    }

  g_free (self->loaded_id);
  self->loaded_id = g_strdup (eligo_patient_get_screening_id (self->patient));
  eligo_screening_dialog_load_stored_ids (self);
  eligo_screening_dialog_select_stored (self);
  _eligo_screening_dialog_set_dirty (self, FALSE);
  eligo_screening_dialog_update_title (self);
  eligo_screening_dialog_update_actions (self);
  reload_open_logs (self);

  if (self->pages->len == 1)
    toast = g_strdup (_("Screening saved"));
  else
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u screening saved",
                                          "%u screenings saved", self->pages->len),
                             self->pages->len);
  _eligo_screening_dialog_show_toast (self, toast);

  return TRUE;
}

static void
eligo_screening_dialog_save_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  _eligo_screening_dialog_save (ELIGO_SCREENING_DIALOG (widget));
}

static void
eligo_screening_dialog_preferences_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (eligo_preferences_window_new (GTK_WINDOW (widget))));
}

static void
eligo_screening_dialog_run_pending (EligoScreeningDialog *self)
{
  PendingAction pending = self->pending;
  g_autofree char *id = g_steal_pointer (&self->pending_id);

  self->pending = PENDING_NONE;

  switch (pending)
    {
    case PENDING_CLOSE:
      {
        GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
        g_autoptr(GtkWindow) closing_parent = NULL;

        /* The window that was closing, or the quit, goes on once answered. */
        if (self->parent_closing && parent != NULL)
          closing_parent = g_object_ref (parent);

        self->closing = TRUE;
        gtk_window_destroy (GTK_WINDOW (self));
        if (closing_parent != NULL)
          gtk_window_close (closing_parent);
      }
      break;

    case PENDING_LOAD:
      if (id != NULL)
        eligo_screening_dialog_load_stored (self, id);
      else
        eligo_screening_dialog_new_patient (self);
      break;

    case PENDING_NONE:
    default:
      break;
    }
}

static void
eligo_screening_dialog_destroy_confirm (EligoScreeningDialog *self)
{
  GtkWidget *dialog = g_steal_pointer (&self->confirm_dialog);

  if (dialog == NULL)
    return;

  /* It may outlive this window inside its own response: let it forget us. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_confirm_response_cb (GtkDialog            *dialog,
                        int                   response,
                        EligoScreeningDialog *self)
{
  eligo_screening_dialog_destroy_confirm (self);

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      if (_eligo_screening_dialog_save (self))
        {
          eligo_screening_dialog_run_pending (self);
        }
      else
        {
          self->pending = PENDING_NONE;
          self->parent_closing = FALSE;
        }
      break;

    case GTK_RESPONSE_REJECT:
      eligo_screening_dialog_run_pending (self);
      break;

    default:
      self->pending = PENDING_NONE;
      self->parent_closing = FALSE;
      g_clear_pointer (&self->pending_id, g_free);
      eligo_screening_dialog_select_stored (self);
      break;
    }
}

/* Asks whether to save the changes before @pending; runs it unless cancelled. */
static void
eligo_screening_dialog_confirm (EligoScreeningDialog *self,
                                PendingAction         pending,
                                const char           *pending_id)
{
  GtkWidget *button;

  /* A close asked for while the question is up wins over loading a patient. */
  if (self->confirm_dialog == NULL || self->pending != PENDING_CLOSE)
    {
      self->pending = pending;
      g_free (self->pending_id);
      self->pending_id = g_strdup (pending_id);
    }

  if (!self->dirty)
    {
      eligo_screening_dialog_run_pending (self);
      return;
    }

  if (self->confirm_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->confirm_dialog));
      return;
    }

  self->confirm_dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                                 GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                 GTK_MESSAGE_QUESTION,
                                                 GTK_BUTTONS_NONE,
                                                 "%s", _("Save the Screening?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (self->confirm_dialog), "%s",
                                            _("This patient’s screening has changes that are not "
                                              "in the screening log. Without saving, they are "
                                              "lost."));
  gtk_dialog_add_button (GTK_DIALOG (self->confirm_dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (self->confirm_dialog), _("_Discard"),
                                  GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (self->confirm_dialog), _("_Save"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self->confirm_dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (self->confirm_dialog, "response", G_CALLBACK (on_confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (self->confirm_dialog));
}

static void
on_patient_drop_down_selected_cb (EligoScreeningDialog *self,
                                  GParamSpec           *pspec,
                                  GtkDropDown          *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *id;

  if (self->syncing > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected == 0)
    {
      if (self->loaded_id != NULL)
        eligo_screening_dialog_confirm (self, PENDING_LOAD, NULL);
      return;
    }

  id = gtk_string_list_get_string (self->stored_ids, selected);
  if (g_strcmp0 (id, self->loaded_id) == 0)
    return;

  eligo_screening_dialog_confirm (self, PENDING_LOAD, id);
}

static void
on_id_entry_changed_cb (EligoScreeningDialog *self,
                        GtkEditable          *editable)
{
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (self->syncing > 0 || self->patient == NULL)
    return;

  /* The patient keeps its last id while the entry is empty. */
  if (eligo_screening_dialog_check_id (self) || id[0] != '\0')
    eligo_patient_set_screening_id (self->patient, id);
}

static void
on_initials_entry_changed_cb (EligoScreeningDialog *self,
                              GtkEditable          *editable)
{
  g_autofree char *initials = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (self->syncing > 0 || self->patient == NULL)
    return;

  eligo_patient_set_initials (self->patient, initials);
}

static void
on_birth_year_entry_changed_cb (EligoScreeningDialog *self,
                                GtkEditable          *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  guint64 year = 0;

  if (self->syncing > 0 || self->patient == NULL)
    return;

  if (text[0] == '\0')
    {
      set_entry_error (self->birth_year_entry, self->birth_year_error_label, NULL);
      eligo_patient_set_birth_year (self->patient, 0);
      return;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 1900, this_year, &year, NULL))
    {
      g_autofree char *message = NULL;

      /* Translators: %d is the current year */
      message = g_strdup_printf (_("A year of birth must be between 1900 and %d"), this_year);
      set_entry_error (self->birth_year_entry, self->birth_year_error_label, message);
      eligo_patient_set_birth_year (self->patient, 0);
      return;
    }

  set_entry_error (self->birth_year_entry, self->birth_year_error_label, NULL);
  eligo_patient_set_birth_year (self->patient, (int) year);
}

static void
on_notebook_switch_page_cb (EligoScreeningDialog *self,
                            GtkWidget            *page,
                            guint                 page_num,
                            GtkNotebook          *notebook)
{
  /* Print and Export PDF follow the trial shown: nothing to do until then. */
}

static void
on_settings_changed_cb (EligoScreeningDialog *self,
                        const char           *key,
                        GSettings            *settings)
{
  if (g_strcmp0 (key, "screener-name") == 0 || g_strcmp0 (key, "site-name") == 0)
    eligo_screening_dialog_update_screener (self);
}

/* Runs before the main window's own close handler, which asks this dialog
 * to close: remember that the window (or a quit closing every window)
 * waits on the answer, so that Save or Discard let it go on.
 */
static gboolean
on_parent_close_request_cb (GtkWindow            *parent,
                            EligoScreeningDialog *self)
{
  if (eligo_screening_dialog_has_unsaved_changes (self))
    self->parent_closing = TRUE;

  return FALSE;
}

static gboolean
eligo_screening_dialog_close_request (GtkWindow *window)
{
  EligoScreeningDialog *self = ELIGO_SCREENING_DIALOG (window);

  if (self->dirty && !self->closing)
    {
      eligo_screening_dialog_confirm (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (eligo_screening_dialog_parent_class)->close_request (window);
}

static void
eligo_screening_dialog_dispose (GObject *object)
{
  EligoScreeningDialog *self = ELIGO_SCREENING_DIALOG (object);

  g_clear_handle_id (&self->rescreen_id, g_source_remove);
  g_clear_handle_id (&self->toast_id, g_source_remove);
  eligo_screening_dialog_destroy_confirm (self);
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
      g_clear_object (&self->file_chooser);
    }
  if (self->patient != NULL)
    g_signal_handlers_disconnect_by_data (self->patient, self);
  g_clear_object (&self->patient);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->stored_ids);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (eligo_screening_dialog_parent_class)->dispose (object);
}

static void
eligo_screening_dialog_finalize (GObject *object)
{
  EligoScreeningDialog *self = ELIGO_SCREENING_DIALOG (object);

  g_clear_pointer (&self->loaded_id, g_free);
  g_clear_pointer (&self->pending_id, g_free);

  G_OBJECT_CLASS (eligo_screening_dialog_parent_class)->finalize (object);
}

/* The whole library ranked for the patient being entered. */
static void
eligo_screening_dialog_find_trials_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param)
{
  EligoScreeningDialog *self = ELIGO_SCREENING_DIALOG (widget);
  GtkWidget *window = eligo_find_trials_window_new (GTK_WINDOW (self), self->database,
                                                    eligo_screening_dialog_get_patient (self));

  gtk_window_present (GTK_WINDOW (window));
}

static void
eligo_screening_dialog_class_init (EligoScreeningDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = eligo_screening_dialog_dispose;
  object_class->finalize = eligo_screening_dialog_finalize;
  window_class->close_request = eligo_screening_dialog_close_request;

  g_type_ensure (ELIGO_TYPE_VARIABLE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               ELIGO_RESOURCE_BASE "/ui/eligo-screening-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, paned);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, patient_scroller);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, patient_grid);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, id_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, id_error_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, initials_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, birth_year_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, birth_year_error_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, patient_drop_down);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, variable_editor);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, record_box);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, record_intro_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, record_list);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, screener_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, notebook);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningDialog, toast_label);
  gtk_widget_class_bind_template_callback (widget_class, on_id_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_initials_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_year_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notebook_switch_page_cb);

  gtk_widget_class_install_action (widget_class, "screening.save", NULL,
                                   eligo_screening_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "screening.print", NULL,
                                   _eligo_screening_dialog_print_action);
  gtk_widget_class_install_action (widget_class, "screening.export-pdf", NULL,
                                   _eligo_screening_dialog_export_pdf_action);
  gtk_widget_class_install_action (widget_class, "screening.import", NULL,
                                   _eligo_screening_dialog_import_action);
  gtk_widget_class_install_action (widget_class, "screening.preferences", NULL,
                                   eligo_screening_dialog_preferences_action);
  gtk_widget_class_install_action (widget_class, "screening.find-trials", NULL,
                                   eligo_screening_dialog_find_trials_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "screening.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "screening.find-trials", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "screening.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "screening.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "screening.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "screening.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  gtk_widget_class_set_css_name (widget_class, "screeningdialog");
}

static void
eligo_screening_dialog_init (EligoScreeningDialog *self)
{
  static const char *first[] = { NULL, NULL };
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) trial_page_free);
  g_date_clear (&self->as_of, 1);
  self->settings = g_settings_new (ELIGO_ID);

  /* Translators: the first item of the stored patients, to start on a new one */
  first[0] = _("New patient");
  self->stored_ids = gtk_string_list_new (first);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->patient_drop_down),
                           G_LIST_MODEL (self->stored_ids));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->patient_drop_down), expression);
  g_signal_connect_object (self->patient_drop_down, "notify::selected",
                           G_CALLBACK (on_patient_drop_down_selected_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  eligo_screening_dialog_update_screener (self);
}

/* The names of the variables the criteria's rules use. */
static void
collect_variables (GPtrArray  *criteria,
                   GHashTable *names)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoRule *rule = eligo_criterion_get_rule (g_ptr_array_index (criteria, i));
      g_auto(GStrv) variables = NULL;

      if (rule == NULL)
        continue;

      variables = eligo_rule_dup_variables (rule);
      for (guint k = 0; variables != NULL && variables[k] != NULL; k++)
        {
          const EligoVariable *variable = eligo_variable_lookup (variables[k]);

          if (variable != NULL)
            g_hash_table_add (names, (gpointer) variable->name);
        }
    }
}

/**
 * eligo_screening_dialog_new:
 * @parent: (nullable): the main window
 * @database: the database: trials' criteria, stored patients, the screening log
 * @trials: (element-type EligoTrial): the trials to screen for, one or more
 * @patient: (nullable): the patient to screen; %NULL for a new patient
 *
 * Returns: (transfer none): a new screening dialog, to present
 */
GtkWidget *
eligo_screening_dialog_new (GtkWindow     *parent,
                            EligoDatabase *database,
                            GPtrArray     *trials,
                            EligoPatient  *patient)
{
  EligoScreeningDialog *self;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) name_list = g_ptr_array_new ();
  const EligoVariable *all;
  guint n_all;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (trials != NULL && trials->len > 0, NULL);
  g_return_val_if_fail (patient == NULL || ELIGO_IS_PATIENT (patient), NULL);

  self = g_object_new (ELIGO_TYPE_SCREENING_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->database = g_object_ref (database);
  if (parent != NULL)
    g_signal_connect_object (parent, "close-request", G_CALLBACK (on_parent_close_request_cb),
                             self, 0);

  for (guint i = 0; i < trials->len; i++)
    {
      EligoTrial *trial = g_ptr_array_index (trials, i);
      g_autoptr(GPtrArray) criteria = NULL;
      g_autoptr(GError) error = NULL;

      g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

      criteria = eligo_database_get_criteria (database, trial, &error);
      if (criteria == NULL)
        {
          g_warning ("Could not read a trial’s criteria: %s", error->message);
          criteria = g_ptr_array_new_with_free_func (g_object_unref);
        }

      collect_variables (criteria, names);
      eligo_screening_dialog_add_trial (self, trial, criteria);
    }

  gtk_notebook_set_show_tabs (GTK_NOTEBOOK (self->notebook), trials->len > 1);

  /* Every registry record says which sexes a trial takes, and criteria such as
   * "male or female" name it without a rule: the nurse can always give it. */
  g_hash_table_add (names, (gpointer) "sex");

  /* In the order of variables.md */
  all = eligo_variables_get_all (&n_all);
  for (guint i = 0; i < n_all; i++)
    if (g_hash_table_contains (names, all[i].name))
      g_ptr_array_add (name_list, (gpointer) all[i].name);
  g_ptr_array_add (name_list, NULL);
  eligo_variable_editor_set_variables (ELIGO_VARIABLE_EDITOR (self->variable_editor),
                                       (const char * const *) name_list->pdata);

  eligo_screening_dialog_load_stored_ids (self);
  if (patient != NULL)
    eligo_screening_dialog_set_patient (self, patient,
                                        id_is_stored (self, eligo_patient_get_screening_id (patient))
                                          ? eligo_patient_get_screening_id (patient) : NULL);
  else
    eligo_screening_dialog_new_patient (self);

  return GTK_WIDGET (self);
}

EligoPatient *
eligo_screening_dialog_get_patient (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return self->patient;
}

/* Test hooks (eligo-screening-dialog-private.h) */

EligoVariableEditor *
_eligo_screening_dialog_get_variable_editor (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return ELIGO_VARIABLE_EDITOR (self->variable_editor);
}

GtkWidget *
_eligo_screening_dialog_get_id_entry (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return self->id_entry;
}

const char *
_eligo_screening_dialog_get_id_error (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->id_error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->id_error_label));
}

GtkWidget *
_eligo_screening_dialog_get_notebook (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return self->notebook;
}

GtkWidget *
_eligo_screening_dialog_get_save_button (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return self->save_button;
}

GtkWidget *
_eligo_screening_dialog_get_patient_drop_down (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return self->patient_drop_down;
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

const char *
_eligo_screening_dialog_get_toast_text (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->toast_revealer)))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->toast_label));
}

/* Whether closing the dialog now would lose a screening not in the log;
 * the main window asks through the dialog's own question before it quits.
 */
gboolean
eligo_screening_dialog_has_unsaved_changes (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), FALSE);

  return self->dirty && !self->closing;
}

gboolean
_eligo_screening_dialog_get_dirty (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), FALSE);

  return self->dirty;
}

gboolean
_eligo_screening_dialog_get_rescreen_pending (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), FALSE);

  return self->rescreen_id != 0;
}

GtkWidget *
_eligo_screening_dialog_get_confirm_dialog (EligoScreeningDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_DIALOG (self), NULL);

  return self->confirm_dialog;
}
