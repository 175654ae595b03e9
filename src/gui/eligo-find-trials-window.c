/* eligo-find-trials-window.c
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
 * The ranking runs in an EligoFindTrialsJob on a worker; the window shows a
 * spinner and the job's progress meanwhile, then one row per trial in rank
 * order. Toggling "Recruiting only" or Refresh cancels a ranking under way
 * and starts another; a late answer from a cancelled one is dropped.
 */

#define G_LOG_DOMAIN "eligo-find-trials-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-find-trials-job.h"
#include "eligo-find-trials-row.h"
#include "eligo-find-trials-window-private.h"
#include "eligo-format.h"
#include "eligo-match-report.h"
#include "eligo-screening-log-row.h"

/* The missing facts named in the header. */
#define N_MISSING_FACTS  4

typedef enum
{
  COLUMN_RANK,
  COLUMN_TRIAL,
  COLUMN_STATUS,
  COLUMN_VERDICT,
  COLUMN_PASS,
  COLUMN_FAIL,
  COLUMN_UNKNOWN,
  COLUMN_REVIEW,
  COLUMN_FAILURE,
  N_COLUMNS
} Column;

G_DEFINE_FINAL_TYPE (EligoFindTrialsWindow, eligo_find_trials_window, GTK_TYPE_WINDOW)

static void eligo_find_trials_window_start (EligoFindTrialsWindow *self);

/* States */

static void
set_state (EligoFindTrialsWindow *self,
           const char            *state)
{
  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
}

static void
update_actions (EligoFindTrialsWindow *self)
{
  gboolean ranked = self->results != NULL && self->job == NULL;
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find-trials.screen", ranked && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find-trials.compare",
                                 ranked && self->results->len >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find-trials.print", ranked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find-trials.export-pdf", ranked);
}

static void
update_title (EligoFindTrialsWindow *self)
{
  const char *id = eligo_patient_get_screening_id (self->patient);
  g_autofree char *title = NULL;

  if (id != NULL && *id != '\0')
    /* Translators: the window's title; %s is the patient's screening id */
    title = g_strdup_printf (_("Find Trials for %s"), id);
  else
    title = g_strdup (_("Find Trials"));

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
show_results (EligoFindTrialsWindow *self)
{
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *missing = NULL;
  gboolean recruiting = gtk_toggle_button_get_active (self->recruiting_button);

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->missing, g_free);

  rows = g_ptr_array_new_full (self->results->len, g_object_unref);
  for (guint i = 0; i < self->results->len; i++)
    g_ptr_array_add (rows, eligo_find_trials_row_new (g_ptr_array_index (self->results, i), i + 1,
                                                      self->patient));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  if (self->results->len == 0)
    {
      gtk_label_set_label (self->empty_label,
                           recruiting
                           ? _("No trial in the library is recruiting. Turn off “Recruiting "
                               "only” (Ctrl+R) to rank every trial.")
                           : _("The library has no trials yet. Import trials from "
                               "ClinicalTrials.gov, then rank them for the patient."));
      set_state (self, "empty");
      update_actions (self);
      return;
    }

  self->summary = eligo_match_format_summary (self->n_ranked, self->n_ruled_out);
  gtk_label_set_label (self->summary_label, self->summary);

  facts = eligo_match_missing_facts (self->results, N_MISSING_FACTS);
  missing = eligo_match_format_missing_facts (facts);
  if (missing != NULL)
    /* Translators: under the ranked list's summary; %s lists facts and counts */
    self->missing = g_strdup_printf (_("Missing facts that would decide the most trials: %s"),
                                     missing);
  else
    self->missing = g_strdup (_("No missing fact stands between the patient and a verdict: "
                                "what is left needs the nurse’s review."));
  gtk_label_set_label (self->missing_label, self->missing);

  gtk_single_selection_set_selected (self->selection, 0);
  set_state (self, "results");
  update_actions (self);
}

/* The job */

static void
on_job_progress_cb (EligoFindTrialsJob    *job,
                    GParamSpec            *pspec,
                    EligoFindTrialsWindow *self)
{
  guint n_trials = eligo_find_trials_job_get_n_trials (job);
  guint n_done = eligo_find_trials_job_get_n_done (job);
  g_autofree char *text = NULL;

  if (job != self->job)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, eligo_find_trials_job_get_fraction (job));
  /* Translators: progress while the library is ranked for a patient */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Screened %u of %u trial…",
                                       "Screened %u of %u trials…", n_trials),
                          n_done, n_trials);
  gtk_label_set_label (self->loading_label, text);
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EligoFindTrialsWindow) self = user_data;
  EligoFindTrialsJob *job = ELIGO_FIND_TRIALS_JOB (source);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = eligo_find_trials_job_run_finish (job, result, &error);

  /* A ranking cancelled for another, or the window closed. */
  if (job != self->job)
    return;

  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);

  if (results == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->error_label, error->message);
      set_state (self, "error");
      update_actions (self);
      return;
    }

  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = g_steal_pointer (&results);
  self->n_ranked = eligo_find_trials_job_get_n_ranked (job);
  self->n_ruled_out = eligo_find_trials_job_get_n_ruled_out (job);
  show_results (self);
}

static void
cancel_job (EligoFindTrialsWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
}

static void
eligo_find_trials_window_start (EligoFindTrialsWindow *self)
{
  gboolean recruiting = gtk_toggle_button_get_active (self->recruiting_button);

  cancel_job (self);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_list_store_remove_all (self->rows);

  update_title (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->loading_label, _("Screening the library…"));
  set_state (self, "loading");

  self->cancellable = g_cancellable_new ();
  self->job = eligo_find_trials_job_new (eligo_database_get_path (self->database), self->patient,
                                         recruiting);
  g_signal_connect_object (self->job, "notify::fraction", G_CALLBACK (on_job_progress_cb), self,
                           0);
  update_actions (self);
  eligo_find_trials_job_run_async (self->job, self->cancellable, on_job_done_cb,
                                   g_object_ref (self));
}

/* Cells */

static GtkWidget *
make_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  switch (column)
    {
    case COLUMN_TRIAL:
      {
        GtkWidget *nct_id = make_label (0);
        GtkWidget *title = make_label (0);

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_widget_add_css_class (nct_id, "nct-id");
        gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
        gtk_box_append (GTK_BOX (child), nct_id);
        gtk_box_append (GTK_BOX (child), title);
      }
      break;

    case COLUMN_VERDICT:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (child, "verdict");
      gtk_box_append (GTK_BOX (child), gtk_image_new ());
      gtk_box_append (GTK_BOX (child), make_label (0));
      break;

    case COLUMN_FAILURE:
      child = make_label (0);
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (child), 2);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (child, "failure");
      break;

    case COLUMN_RANK:
    case COLUMN_PASS:
    case COLUMN_FAIL:
    case COLUMN_UNKNOWN:
    case COLUMN_REVIEW:
      child = make_label (1);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      child = make_label (0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      break;
    }

  gtk_widget_set_margin_top (child, 4);
  gtk_widget_set_margin_bottom (child, 4);
  gtk_list_item_set_child (item, child);
}

static void
set_count (GtkWidget            *label,
           EligoScreeningResult *result,
           EligoVerdict          verdict)
{
  guint n = eligo_screening_result_get_count (result, verdict);
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (verdict == ELIGO_VERDICT_FAIL && n > 0)
    gtk_widget_add_css_class (label, "fail");
  else
    gtk_widget_remove_css_class (label, "fail");
  gtk_widget_add_css_class (label, "count");
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  EligoFindTrialsRow *row = gtk_list_item_get_item (item);
  EligoScreeningResult *result = eligo_find_trials_row_get_result (row);
  EligoTrial *trial = eligo_screening_result_get_trial (result);
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (column)
    {
    case COLUMN_RANK:
      {
        g_autofree char *rank = g_strdup_printf ("%u", eligo_find_trials_row_get_rank (row));

        gtk_label_set_label (GTK_LABEL (child), rank);
      }
      break;

    case COLUMN_TRIAL:
      {
        GtkWidget *nct_id = gtk_widget_get_first_child (child);
        GtkWidget *title = gtk_widget_get_next_sibling (nct_id);
        const char *brief = eligo_trial_get_brief_title (trial);

        gtk_label_set_label (GTK_LABEL (nct_id), eligo_trial_get_nct_id (trial));
        gtk_label_set_label (GTK_LABEL (title), brief != NULL ? brief : "");
        gtk_widget_set_tooltip_text (title, brief);
      }
      break;

    case COLUMN_STATUS:
      {
        const char *status = eligo_trial_get_overall_status (trial);
        g_autofree char *text = eligo_format_status (status);

        gtk_label_set_label (GTK_LABEL (child), text);
        gtk_widget_add_css_class (child, "trial-status");
        if (eligo_status_is_open (status))
          gtk_widget_remove_css_class (child, "closed");
        else
          gtk_widget_add_css_class (child, "closed");
      }
      break;

    case COLUMN_VERDICT:
      {
        EligoTrialVerdict verdict = eligo_screening_result_get_verdict (result);
        GtkWidget *image = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (image);

        gtk_image_set_from_icon_name (GTK_IMAGE (image),
                                      _eligo_trial_verdict_get_icon_name (verdict));
        gtk_label_set_label (GTK_LABEL (label), eligo_trial_verdict_get_label (verdict));
        for (guint v = ELIGO_TRIAL_VERDICT_ELIGIBLE; v <= ELIGO_TRIAL_VERDICT_PENDING; v++)
          gtk_widget_remove_css_class (child, eligo_trial_verdict_to_string (v));
        gtk_widget_add_css_class (child, eligo_trial_verdict_to_string (verdict));
      }
      break;

    case COLUMN_PASS:
      set_count (child, result, ELIGO_VERDICT_PASS);
      break;
    case COLUMN_FAIL:
      set_count (child, result, ELIGO_VERDICT_FAIL);
      break;
    case COLUMN_UNKNOWN:
      set_count (child, result, ELIGO_VERDICT_UNKNOWN);
      break;
    case COLUMN_REVIEW:
      set_count (child, result, ELIGO_VERDICT_REVIEW);
      break;

    case COLUMN_FAILURE:
      {
        const char *failure = eligo_find_trials_row_get_failure (row);

        gtk_label_set_label (GTK_LABEL (child), failure != NULL ? failure : "");
        gtk_widget_set_tooltip_text (child, failure);
      }
      break;

    case N_COLUMNS:
    default:
      break;
    }
}

static void
add_column (EligoFindTrialsWindow *self,
            Column                 column,
            const char            *title,
            int                    fixed_width,
            gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* Signal callbacks */

static void
on_recruiting_toggled_cb (EligoFindTrialsWindow *self,
                          GtkToggleButton       *button)
{
  eligo_find_trials_window_start (self);
}

static void
on_column_view_activate_cb (EligoFindTrialsWindow *self,
                            guint                  position,
                            GtkColumnView         *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "find-trials.screen", NULL);
}

static void
on_selection_changed_cb (EligoFindTrialsWindow *self)
{
  update_actions (self);
}

/* GObject */

static void
eligo_find_trials_window_dispose (GObject *object)
{
  EligoFindTrialsWindow *self = (EligoFindTrialsWindow *) object;

  cancel_job (self);

  G_OBJECT_CLASS (eligo_find_trials_window_parent_class)->dispose (object);
}

static void
eligo_find_trials_window_finalize (GObject *object)
{
  EligoFindTrialsWindow *self = (EligoFindTrialsWindow *) object;

  g_clear_object (&self->database);
  g_clear_object (&self->patient);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->missing, g_free);

  G_OBJECT_CLASS (eligo_find_trials_window_parent_class)->finalize (object);
}

static void
eligo_find_trials_window_class_init (EligoFindTrialsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_find_trials_window_dispose;
  object_class->finalize = eligo_find_trials_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eligo/Eligo/ui/eligo-find-trials-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, recruiting_button);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, EligoFindTrialsWindow, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_recruiting_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  _eligo_find_trials_window_class_init_actions (widget_class);
}

static void
eligo_find_trials_window_init (EligoFindTrialsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = "loading";
  self->rows = g_list_store_new (ELIGO_TYPE_FIND_TRIALS_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Translators: the column of ranks in the ranked list */
  add_column (self, COLUMN_RANK, C_("rank", "#"), 48, FALSE);
  add_column (self, COLUMN_TRIAL, _("Trial"), 320, TRUE);
  add_column (self, COLUMN_STATUS, _("Status"), 150, FALSE);
  add_column (self, COLUMN_VERDICT, _("Verdict"), 140, FALSE);
  /* Translators: columns counting criteria by verdict; keep them short */
  add_column (self, COLUMN_PASS, C_("count", "Pass"), 56, FALSE);
  add_column (self, COLUMN_FAIL, C_("count", "Fail"), 56, FALSE);
  add_column (self, COLUMN_UNKNOWN, C_("count", "Unknown"), 84, FALSE);
  add_column (self, COLUMN_REVIEW, C_("count", "Review"), 70, FALSE);
  add_column (self, COLUMN_FAILURE, _("First failing criterion"), -1, TRUE);

  update_actions (self);
}

/* Public API */

/**
 * eligo_find_trials_window_new:
 * @parent: (nullable): the window it is opened from
 * @database: the library to rank
 * @patient: the patient to rank it for
 *
 * Starts ranking the recruiting trials of the library for @patient.
 *
 * Returns: (transfer none): a new window, to present
 */
GtkWidget *
eligo_find_trials_window_new (GtkWindow     *parent,
                              EligoDatabase *database,
                              EligoPatient  *patient)
{
  EligoFindTrialsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  self = g_object_new (ELIGO_TYPE_FIND_TRIALS_WINDOW, NULL);
  self->database = g_object_ref (database);
  self->patient = g_object_ref (patient);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  eligo_find_trials_window_start (self);

  return GTK_WIDGET (self);
}

EligoPatient *
eligo_find_trials_window_get_patient (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);
  return self->patient;
}

gboolean
eligo_find_trials_window_get_recruiting_only (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), FALSE);
  return gtk_toggle_button_get_active (self->recruiting_button);
}

/* Re-ranks when it changes. */
void
eligo_find_trials_window_set_recruiting_only (EligoFindTrialsWindow *self,
                                              gboolean               recruiting_only)
{
  g_return_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self));
  gtk_toggle_button_set_active (self->recruiting_button, recruiting_only);
}

/* Ranks again, with the patient's facts and the library as they are now. */
void
eligo_find_trials_window_refresh (EligoFindTrialsWindow *self)
{
  g_return_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self));
  eligo_find_trials_window_start (self);
}

gboolean
eligo_find_trials_window_get_loading (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), FALSE);
  return self->job != NULL;
}

/**
 * eligo_find_trials_window_get_results:
 *
 * Returns: (transfer none) (nullable) (element-type EligoScreeningResult):
 *   the ranked screenings, best first; %NULL while ranking or after an error
 */
GPtrArray *
eligo_find_trials_window_get_results (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);
  return self->job == NULL ? self->results : NULL;
}

/**
 * eligo_find_trials_window_get_model:
 *
 * Returns: (transfer none): the rows shown (EligoFindTrialsRow), in rank order
 */
GListModel *
eligo_find_trials_window_get_model (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* The header, e.g. "412 trials · 389 ruled out · 23 to look at"; NULL until ranked. */
const char *
eligo_find_trials_window_get_summary (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);
  return self->summary;
}

const char *
eligo_find_trials_window_get_missing_facts (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);
  return self->missing;
}

/* "loading", "error", "empty" or "results": the page shown. */
const char *
eligo_find_trials_window_get_state (EligoFindTrialsWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);
  return self->state;
}

gboolean
eligo_find_trials_window_select (EligoFindTrialsWindow *self,
                                 guint                  position)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}
