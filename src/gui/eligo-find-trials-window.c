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

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "eligo-comparison-window.h"
#include "eligo-find-trials-job.h"
#include "eligo-find-trials-row.h"
#include "eligo-find-trials-window.h"
#include "eligo-format.h"
#include "eligo-match-report.h"
#include "eligo-report-print.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-log-row.h"

/* How many of the best-ranked trials Compare shows (the window takes 2 to 6). */
#define COMPARE_TOP      4
/* The missing facts named in the header. */
#define N_MISSING_FACTS  4
/* The most trials a printed list names; the rest are counted. */
#define REPORT_MAX_ROWS  500

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

struct _EligoFindTrialsWindow
{
  GtkWindow           parent_instance;

  EligoDatabase      *database;
  EligoPatient       *patient;

  EligoFindTrialsJob *job;        /* the ranking under way, if any */
  GCancellable       *cancellable;
  GPtrArray          *results;    /* EligoScreeningResult, best first; NULL until ranked */
  GListStore         *rows;       /* EligoFindTrialsRow */
  GtkSingleSelection *selection;
  char               *summary;
  char               *missing;
  const char         *state;

  /* Template widgets */
  GtkToggleButton    *recruiting_button;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkLabel           *loading_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *error_label;
  GtkLabel           *empty_label;
  GtkLabel           *summary_label;
  GtkLabel           *missing_label;
  GtkColumnView      *column_view;
};

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

  self->summary = eligo_match_format_summary (self->results->len,
                                              eligo_match_count_ruled_out (self->results));
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

/* Printing */

static void
on_error_dialog_response_cb (GtkDialog *dialog,
                             int        response,
                             gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_error (EligoFindTrialsWindow *self,
            const char            *primary,
            const char            *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkPrintOperation *
create_print_operation (EligoFindTrialsWindow *self)
{
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  document = eligo_match_report_new (self->results, self->patient,
                                     gtk_toggle_button_get_active (self->recruiting_button),
                                     REPORT_MAX_ROWS, NULL);
  page_setup = eligo_report_print_page_setup (document);

  return eligo_report_print_operation_new (document, page_setup, _("Ranked trials"));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  EligoFindTrialsWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print the Ranked List"),
                  error != NULL ? error->message : NULL);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    eligo_report_print_keep (operation, "find-trials-");
}

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file name, the second the reason */
               _("Cannot write the PDF “%s”: %s"), display, g_strerror (saved_errno));
}

static void
on_export_response_cb (GtkNativeDialog       *chooser,
                       int                    response,
                       EligoFindTrialsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !eligo_find_trials_window_export_pdf (self, path, &error))
        show_error (self, _("Could Not Export the Ranked List"), error->message);
    }

  g_object_unref (chooser);
}

/* Actions */

static void
screen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkWidget *dialog = eligo_find_trials_window_screen_selected (ELIGO_FIND_TRIALS_WINDOW (widget));

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *window = eligo_find_trials_window_compare_top (ELIGO_FIND_TRIALS_WINDOW (widget));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EligoFindTrialsWindow *self = ELIGO_FIND_TRIALS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->results == NULL)
    return;

  operation = create_print_operation (self);
  eligo_report_print_restore (operation, "find-trials-");
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (self, _("Could Not Print the Ranked List"), error->message);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EligoFindTrialsWindow *self = ELIGO_FIND_TRIALS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *id = eligo_patient_get_screening_id (self->patient);

  if (self->results == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Ranked List as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Translators: the suggested file name; %s is the patient's screening id */
  name = g_strdup_printf (_("trials-for-%s.pdf"), id != NULL && *id != '\0' ? id : "patient");
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
toggle_recruiting_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EligoFindTrialsWindow *self = ELIGO_FIND_TRIALS_WINDOW (widget);

  gtk_toggle_button_set_active (self->recruiting_button,
                                !gtk_toggle_button_get_active (self->recruiting_button));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  eligo_find_trials_window_refresh (ELIGO_FIND_TRIALS_WINDOW (widget));
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

  gtk_widget_class_install_action (widget_class, "find-trials.screen", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "find-trials.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "find-trials.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "find-trials.export-pdf", NULL,
                                   export_pdf_action);
  gtk_widget_class_install_action (widget_class, "find-trials.toggle-recruiting", NULL,
                                   toggle_recruiting_action);
  gtk_widget_class_install_action (widget_class, "find-trials.refresh", NULL, refresh_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "find-trials.screen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "find-trials.screen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "find-trials.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "find-trials.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "find-trials.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "find-trials.toggle-recruiting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "find-trials.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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

/**
 * eligo_find_trials_window_screen_selected:
 *
 * Opens the screening dialog for the patient on the selected trial.
 *
 * Returns: (transfer none) (nullable): the dialog, not yet presented, or
 *   %NULL if no trial is selected
 */
GtkWidget *
eligo_find_trials_window_screen_selected (EligoFindTrialsWindow *self)
{
  EligoFindTrialsRow *row;
  g_autoptr(GPtrArray) trials = NULL;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (trials,
                   g_object_ref (eligo_screening_result_get_trial (eligo_find_trials_row_get_result (row))));

  return eligo_screening_dialog_new (GTK_WINDOW (self), self->database, trials, self->patient);
}

/**
 * eligo_find_trials_window_compare_top:
 *
 * Opens the comparison window on the best-ranked trials (up to 4), with
 * the patient.
 *
 * Returns: (transfer none) (nullable): the window, not yet presented, or
 *   %NULL if fewer than two trials are ranked
 */
GtkWidget *
eligo_find_trials_window_compare_top (EligoFindTrialsWindow *self)
{
  g_autoptr(GPtrArray) trials = NULL;
  GtkWidget *window;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), NULL);

  if (self->results == NULL || self->job != NULL || self->results->len < 2)
    return NULL;

  trials = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->results->len && i < COMPARE_TOP; i++)
    g_ptr_array_add (trials,
                     g_object_ref (eligo_screening_result_get_trial (g_ptr_array_index (self->results,
                                                                                        i))));

  window = eligo_comparison_window_new (GTK_WINDOW (self), self->database, trials);
  if (window != NULL)
    eligo_comparison_window_set_patient (ELIGO_COMPARISON_WINDOW (window), self->patient);

  return window;
}

/**
 * eligo_find_trials_window_export_pdf:
 * @path: the PDF to write
 *
 * Writes the ranked list to @path through the print operation that
 * printing uses, with no dialog. The file is created 0600 beside @path
 * under a temporary name and renamed over it, so a failure leaves @path
 * as it was.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
eligo_find_trials_window_export_pdf (EligoFindTrialsWindow  *self,
                                     const char             *path,
                                     GError                **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  GtkPrintOperationResult result;
  int fd;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->results == NULL || self->job != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The trials are still being ranked"));
      return FALSE;
    }

  if (*path == '\0' || g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_io_error (error, EISDIR, path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }
  close (fd);

  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (operation, tmp_path);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), &local_error);
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp_path);
      g_set_error (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Cannot write the PDF “%s”: %s"), display,
                   local_error != NULL ? local_error->message : _("the export failed"));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }

  return TRUE;
}
