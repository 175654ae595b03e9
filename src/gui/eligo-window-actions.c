/* eligo-window-actions.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "eligo-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-filter-popover.h"
#include "eligo-import-job.h"
#include "eligo-trial.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

/*
 * The actions of the main window: import (menu, drop, command line) with
 * its banner, delete and archive with undo in a toast, search, filters,
 * the context menu and narrow-window navigation.
 */

/* Past this many selected rows, the menus stop looking at each one. */
#define MAX_INSPECT 100

static void eligo_window_start_import (EligoWindow *self,
                                       GPtrArray   *files);

/* Toast and undo */

static void
eligo_window_clear_undo (EligoWindow *self)
{
  g_assert (ELIGO_IS_WINDOW (self));

  self->undo_kind = ELIGO_UNDO_NONE;
  g_clear_pointer (&self->undo_trials, g_ptr_array_unref);
  g_clear_pointer (&self->undo_ids, g_array_unref);
}

/**
 * eligo_window_dismiss_toast:
 *
 * Hides the toast; what it offered to undo can no longer be undone.
 */
void
eligo_window_dismiss_toast (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  g_clear_handle_id (&self->toast_source, g_source_remove);
  eligo_window_clear_undo (self);

  if (self->toast_revealer != NULL)
    gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);

  _eligo_window_update_actions (self);
}

static gboolean
toast_timeout_cb (gpointer data)
{
  EligoWindow *self = data;

  self->toast_source = 0;
  eligo_window_dismiss_toast (self);

  return G_SOURCE_REMOVE;
}

/**
 * _eligo_window_show_toast:
 * @message: what happened
 * @can_undo: whether to offer to undo it (the undo state is already set)
 *
 * Shows @message at the bottom of the window for a few seconds.
 */
void
_eligo_window_show_toast (EligoWindow *self,
                          const char  *message,
                          gboolean     can_undo)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  g_clear_handle_id (&self->toast_source, g_source_remove);

  gtk_label_set_label (self->toast_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->toast_undo_button), can_undo);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  self->toast_source = g_timeout_add_seconds (ELIGO_WINDOW_UNDO_SECONDS, toast_timeout_cb, self);

  _eligo_window_update_actions (self);
}

static void
eligo_window_undo_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (self->undo_kind)
    {
    case ELIGO_UNDO_DELETE:
      ok = eligo_database_restore_trials (self->database, self->undo_trials, &error);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; ok && i < self->undo_trials->len; i++)
        {
          gint64 id = eligo_trial_get_id (g_ptr_array_index (self->undo_trials, i));

          g_array_append_val (ids, id);
        }
      break;

    case ELIGO_UNDO_ARCHIVE:
    case ELIGO_UNDO_UNARCHIVE:
      ok = eligo_database_set_archived (self->database,
                                        (const gint64 *) self->undo_ids->data,
                                        self->undo_ids->len,
                                        self->undo_kind == ELIGO_UNDO_UNARCHIVE,
                                        &error);
      ids = g_array_ref (self->undo_ids);
      break;

    case ELIGO_UNDO_NONE:
    default:
      return;
    }

  eligo_window_clear_undo (self);

  if (!ok)
    {
      g_warning ("Could not undo: %s", error->message);
      _eligo_window_show_toast (self, _("Could not undo"), FALSE);
      return;
    }

  eligo_window_dismiss_toast (self);
  _eligo_window_reload (self, ids);
}

/* Delete and archive */

static void
eligo_window_delete_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  g_autoptr(GArray) ids = _eligo_window_dup_selected_ids (self);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;

  eligo_window_dismiss_toast (self);

  deleted = eligo_database_delete_trials (self->database,
                                          (const gint64 *) ids->data, ids->len,
                                          &error);
  if (deleted == NULL)
    {
      g_warning ("Could not delete trials: %s", error->message);
      _eligo_window_show_toast (self, _("The trials could not be deleted"), FALSE);
      return;
    }

  if (deleted->len == 1)
    /* Translators: %s is an NCT number, e.g. "NCT03754764 deleted" */
    message = g_strdup_printf (_("%s deleted"),
                               eligo_trial_get_nct_id (g_ptr_array_index (deleted, 0)));
  else
    message = g_strdup_printf (ngettext ("%u trial deleted", "%u trials deleted", deleted->len),
                               deleted->len);

  self->undo_kind = ELIGO_UNDO_DELETE;
  self->undo_trials = g_steal_pointer (&deleted);

  _eligo_window_reload (self, NULL);
  _eligo_window_show_toast (self, message, TRUE);
}

static void
eligo_window_set_archived (EligoWindow *self,
                           gboolean     archived)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *nct_id = NULL;
  GtkBitsetIter iter;
  guint position;

  g_assert (ELIGO_IS_WINDOW (self));

  /* Only the trials that change, so that undo brings back exactly those. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(EligoTrial) trial = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);
      gint64 id;

      if (trial == NULL || !eligo_trial_get_archived (trial) == !archived)
        continue;

      id = eligo_trial_get_id (trial);
      g_array_append_val (ids, id);
      nct_id = eligo_trial_get_nct_id (trial);
    }

  if (ids->len == 0)
    return;

  eligo_window_dismiss_toast (self);

  if (!eligo_database_set_archived (self->database, (const gint64 *) ids->data, ids->len,
                                    archived, &error))
    {
      g_warning ("Could not archive trials: %s", error->message);
      _eligo_window_show_toast (self, _("The trials could not be archived"), FALSE);
      return;
    }

  if (ids->len == 1 && archived)
    /* Translators: %s is an NCT number */
    message = g_strdup_printf (_("%s archived"), nct_id);
  else if (ids->len == 1)
    /* Translators: %s is an NCT number */
    message = g_strdup_printf (_("%s unarchived"), nct_id);
  else if (archived)
    message = g_strdup_printf (ngettext ("%u trial archived", "%u trials archived", ids->len),
                               ids->len);
  else
    message = g_strdup_printf (ngettext ("%u trial unarchived", "%u trials unarchived",
                                         ids->len),
                               ids->len);

  self->undo_kind = archived ? ELIGO_UNDO_ARCHIVE : ELIGO_UNDO_UNARCHIVE;
  self->undo_ids = g_array_ref (ids);

  /* Archived trials stay in the list when it shows them: keep them selected. */
  _eligo_window_reload (self, self->show_archived ? ids : NULL);
  _eligo_window_show_toast (self, message, TRUE);
}

static void
eligo_window_archive_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  eligo_window_set_archived (ELIGO_WINDOW (widget), TRUE);
}

static void
eligo_window_unarchive_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  eligo_window_set_archived (ELIGO_WINDOW (widget), FALSE);
}

static void
eligo_window_select_all_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

/* Context menu */

/* The row widget of the column view at (@x, @y), if any. */
static GtkWidget *
eligo_window_pick_row (EligoWindow *self,
                       double       x,
                       double       y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != GTK_WIDGET (self->column_view);
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (GTK_IS_LIST_VIEW (parent) && g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
        return widget;
    }

  return NULL;
}

static void
eligo_window_popup_context_menu (EligoWindow *self,
                                 double       x,
                                 double       y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  g_assert (ELIGO_IS_WINDOW (self));

  _eligo_window_update_actions (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_column_view_secondary_click_cb (EligoWindow     *self,
                                   int              n_press,
                                   double           x,
                                   double           y,
                                   GtkGestureClick *gesture)
{
  GtkWidget *row;

  g_assert (ELIGO_IS_WINDOW (self));

  /* A right click on a row that is not selected acts on that row alone, as a click would. */
  row = eligo_window_pick_row (self, x, y);
  if (row != NULL && !(gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED))
    gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE);

  eligo_window_popup_context_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Menu or Shift+F10: the context menu of the focused row. */
static void
eligo_window_context_menu_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  graphene_rect_t bounds;
  double x = 24;
  double y = 24;

  if (focus != NULL
      && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view))
      && gtk_widget_compute_bounds (focus, GTK_WIDGET (self->column_view), &bounds))
    {
      x = bounds.origin.x + 24;
      y = bounds.origin.y + bounds.size.height / 2;
    }

  eligo_window_popup_context_menu (self, x, y);
}

/* Search, filters and navigation */

static void
eligo_window_search_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  _eligo_window_show_page (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
eligo_window_clear_filters_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  g_object_set (self, "recruiting-only", FALSE, NULL);
  eligo_filter_popover_clear (self->filter_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  /* Not after the search delay: now. */
  _eligo_window_update_query (self);
}

static void
eligo_window_go_back_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  _eligo_window_show_page (ELIGO_WINDOW (widget), FALSE);
}

/* Import */

static void
eligo_window_update_banner (EligoWindow *self)
{
  g_autofree char *text = NULL;
  guint n_files;
  guint n_done;

  g_assert (ELIGO_IS_WINDOW (self));

  if (self->import_job == NULL || self->import_cancellable == NULL)
    return;

  n_files = eligo_import_job_get_n_files (self->import_job);
  n_done = eligo_import_job_get_n_done (self->import_job);

  if (g_cancellable_is_cancelled (self->import_cancellable))
    text = g_strdup (_("Stopping the import…"));
  else if (n_files == 0)
    text = g_strdup (_("Looking for trials to import…"));
  else
    /* Translators: e.g. "Importing trials: 12 of 120 files" */
    text = g_strdup_printf (ngettext ("Importing trials: %u of %u file",
                                      "Importing trials: %u of %u files", n_files),
                            n_done, n_files);

  gtk_label_set_label (self->import_label, text);
  if (n_files > 0)
    gtk_progress_bar_set_fraction (self->import_progress,
                                   eligo_import_job_get_fraction (self->import_job));
  else
    gtk_progress_bar_pulse (self->import_progress);
}

static void
on_import_job_progress_cb (EligoWindow    *self,
                           GParamSpec     *pspec,
                           EligoImportJob *job)
{
  g_assert (ELIGO_IS_WINDOW (self));

  if (job == self->import_job)
    eligo_window_update_banner (self);
}

static void
eligo_window_import_done_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(EligoWindow) self = user_data;
  EligoImportJob *job = ELIGO_IMPORT_JOB (object);
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean has_rejected;

  /* The window closed while the last file was being imported. */
  if (self->trials == NULL)
    return;

  g_assert (job == self->import_job);
  g_clear_object (&self->import_cancellable);

  if (!eligo_import_job_run_finish (job, result, &error))
    /* Translators: %s is the reason */
    text = g_strdup_printf (_("Could not import: %s"), error->message);
  else
    text = eligo_import_job_dup_summary (job);

  has_rejected = error == NULL && eligo_import_job_get_rejected (job)->len > 0;

  gtk_label_set_label (self->import_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_details_button), has_rejected);
  gtk_widget_set_visible (GTK_WIDGET (self->import_close_button), TRUE);
  if (has_rejected)
    gtk_widget_add_css_class (GTK_WIDGET (self->import_revealer), "warning");

  selected = _eligo_window_dup_selected_ids (self);
  _eligo_window_reload (self, selected);

  if (self->import_queue != NULL && self->import_queue->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->import_queue);

      eligo_window_start_import (self, files);
      return;
    }

  _eligo_window_update_actions (self);
}

static void
eligo_window_start_import (EligoWindow *self,
                           GPtrArray   *files)
{
  g_assert (ELIGO_IS_WINDOW (self));
  g_assert (self->import_cancellable == NULL);

  if (self->details_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->details_window));

  g_clear_object (&self->import_job);
  self->import_job = eligo_import_job_new (eligo_database_get_path (self->database),
                                           (GFile **) files->pdata, files->len);
  self->import_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->import_job, "notify::n-done",
                           G_CALLBACK (on_import_job_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_job, "notify::n-files",
                           G_CALLBACK (on_import_job_progress_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_remove_css_class (GTK_WIDGET (self->import_revealer), "warning");
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_details_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_close_button), FALSE);
  eligo_window_update_banner (self);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  eligo_import_job_run_async (self->import_job,
                              self->import_cancellable,
                              eligo_window_import_done_cb,
                              g_object_ref (self));

  _eligo_window_update_actions (self);
}

/**
 * eligo_window_import_files:
 * @files: (array length=n_files): ClinicalTrials.gov JSON files, or folders of them
 * @n_files: the number of @files
 *
 * Imports @files off the main thread, showing the progress and then the
 * result in a banner above the list. Files given while an import runs are
 * imported after it.
 */
void
eligo_window_import_files (EligoWindow  *self,
                           GFile       **files,
                           guint         n_files)
{
  g_autoptr(GPtrArray) array = NULL;

  g_return_if_fail (ELIGO_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0 || self->database == NULL)
    return;

  _eligo_window_show_page (self, FALSE);

  if (self->import_cancellable != NULL)
    {
      if (self->import_queue == NULL)
        self->import_queue = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->import_queue, g_object_ref (files[i]));
      return;
    }

  array = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (array, g_object_ref (files[i]));

  eligo_window_start_import (self, array);
}

static void
on_import_dialog_response_cb (EligoWindow          *self,
                              int                   response,
                              GtkFileChooserNative *dialog)
{
  g_assert (ELIGO_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_files = g_list_model_get_n_items (files);

      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      eligo_window_import_files (self, (GFile **) array->pdata, array->len);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_clear_object (&self->import_dialog);
}

static void
eligo_window_open_import_dialog (EligoWindow *self,
                                 gboolean     folders)
{
  GtkFileChooserNative *dialog;

  g_assert (ELIGO_IS_WINDOW (self));

  if (self->import_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_dialog));
      return;
    }

  dialog = gtk_file_chooser_native_new (folders ? _("Import Folders") : _("Import Trials"),
                                        GTK_WINDOW (self),
                                        folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  if (!folders)
    {
      g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (json, _("ClinicalTrials.gov JSON Files"));
      gtk_file_filter_add_mime_type (json, "application/json");
      gtk_file_filter_add_suffix (json, "json");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
    }

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_import_dialog_response_cb), self, G_CONNECT_SWAPPED);

  self->import_dialog = GTK_WIDGET (dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
eligo_window_import_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  eligo_window_open_import_dialog (ELIGO_WINDOW (widget), FALSE);
}

static void
eligo_window_import_folder_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  eligo_window_open_import_dialog (ELIGO_WINDOW (widget), TRUE);
}

static void
eligo_window_import_cancel_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  g_clear_pointer (&self->import_queue, g_ptr_array_unref);

  if (self->import_cancellable != NULL)
    {
      g_cancellable_cancel (self->import_cancellable);
      eligo_window_update_banner (self);
    }
}

static void
eligo_window_import_dismiss_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  if (self->import_cancellable != NULL)
    return;

  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  g_clear_object (&self->import_job);
  _eligo_window_update_actions (self);
}

static void
on_details_response_cb (GtkDialog   *dialog,
                        int          response,
                        EligoWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
create_rejection_row (const EligoImportRejection *rejection)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *name = gtk_label_new (rejection->name);
  GtkWidget *message = gtk_label_new (rejection->message);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = GTK_LABEL (i == 0 ? name : message);

      gtk_label_set_xalign (label, 0);
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (label, TRUE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
    }

  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (message, "dim-label");

  return box;
}

static void
eligo_window_import_details_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  GtkWidget *scrolled;
  GtkWidget *list;
  GtkWidget *dialog;
  GPtrArray *rejected;

  if (self->import_job == NULL || self->import_cancellable != NULL)
    return;

  if (self->details_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->details_window));
      return;
    }

  rejected = eligo_import_job_get_rejected (self->import_job);

  dialog = g_object_new (GTK_TYPE_DIALOG,
                         "use-header-bar", TRUE,
                         "title", ngettext ("Rejected File", "Rejected Files", rejected->len),
                         "transient-for", self,
                         "modal", TRUE,
                         "default-width", 560,
                         "default-height", 420,
                         NULL);
  gtk_widget_add_css_class (dialog, "import-details");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rejected files"),
                                  -1);
  for (guint i = 0; i < rejected->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         create_rejection_row (g_ptr_array_index (rejected, i)));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), scrolled);

  g_signal_connect (dialog, "response", G_CALLBACK (on_details_response_cb), self);
  g_set_weak_pointer (&self->details_window, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_drop_cb (EligoWindow   *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GSList *list;

  g_assert (ELIGO_IS_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  eligo_window_import_files (self, (GFile **) files->pdata, files->len);

  return TRUE;
}

/**
 * _eligo_window_update_actions:
 *
 * Enables the actions that make sense for the selection, the import and
 * the undo state.
 */
void
_eligo_window_update_actions (EligoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkBitset) selected = NULL;
  gboolean any_archived = FALSE;
  gboolean any_listed = FALSE;
  guint64 n_selected;
  gboolean importing;

  g_return_if_fail (ELIGO_IS_WINDOW (self));

  if (self->selection == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n_selected = gtk_bitset_get_size (selected);

  if (n_selected > MAX_INSPECT)
    {
      any_archived = self->show_archived;
      any_listed = TRUE;
    }
  else if (n_selected > 0)
    {
      GtkBitsetIter iter;
      guint position;

      for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
           ok;
           ok = gtk_bitset_iter_next (&iter, &position))
        {
          g_autoptr(EligoTrial) trial = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                               position);

          if (trial == NULL)
            continue;

          if (eligo_trial_get_archived (trial))
            any_archived = TRUE;
          else
            any_listed = TRUE;
        }
    }

  importing = self->import_cancellable != NULL;

  gtk_widget_action_set_enabled (widget, "win.delete", n_selected > 0);
  _eligo_window_tools_update (self, n_selected);
  gtk_widget_action_set_enabled (widget, "win.archive", any_listed);
  gtk_widget_action_set_enabled (widget, "win.unarchive", any_archived);
  gtk_widget_action_set_enabled (widget, "win.undo", self->undo_kind != ELIGO_UNDO_NONE);
  gtk_widget_action_set_enabled (widget, "win.select-all",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0);
  gtk_widget_action_set_enabled (widget, "win.import-cancel", importing);
  gtk_widget_action_set_enabled (widget, "win.import-dismiss", !importing);
  gtk_widget_action_set_enabled (widget, "win.import-details",
                                 !importing && self->import_job != NULL
                                 && eligo_import_job_get_rejected (self->import_job)->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->trial_menu_button), n_selected > 0);
}

void
_eligo_window_class_actions_init (EligoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   eligo_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL,
                                   eligo_window_import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.import-cancel", NULL,
                                   eligo_window_import_cancel_action);
  gtk_widget_class_install_action (widget_class, "win.import-dismiss", NULL,
                                   eligo_window_import_dismiss_action);
  gtk_widget_class_install_action (widget_class, "win.import-details", NULL,
                                   eligo_window_import_details_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   eligo_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL,
                                   eligo_window_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL,
                                   eligo_window_go_back_action);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL,
                                   eligo_window_select_all_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL,
                                   eligo_window_delete_action);
  gtk_widget_class_install_action (widget_class, "win.archive", NULL,
                                   eligo_window_archive_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive", NULL,
                                   eligo_window_unarchive_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL,
                                   eligo_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.context-menu", NULL,
                                   eligo_window_context_menu_action);
  gtk_widget_class_install_property_action (widget_class, "win.recruiting-only",
                                            "recruiting-only");
  gtk_widget_class_install_property_action (widget_class, "win.show-archived",
                                            "show-archived");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.recruiting-only", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "win.show-archived", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.go-back", NULL);

  _eligo_window_class_tools_init (klass);
  _eligo_window_class_registry_init (klass);

  gtk_widget_class_bind_template_callback (widget_class, eligo_window_dismiss_toast);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_secondary_click_cb);
}

void
_eligo_window_actions_init (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  self->context_menu = gtk_popover_menu_new_from_model (self->trial_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self->column_view));

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-cancel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-details", FALSE);
}

void
_eligo_window_actions_dispose (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  g_clear_handle_id (&self->toast_source, g_source_remove);
  eligo_window_clear_undo (self);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->import_job);
  g_clear_pointer (&self->import_queue, g_ptr_array_unref);

  if (self->import_dialog != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_dialog));
      g_clear_object (&self->import_dialog);
    }

  if (self->details_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->details_window));
  g_clear_weak_pointer (&self->details_window);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  self->drop_target = NULL;
}

/* For the tests */

const char *
_eligo_window_get_banner_text (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->import_revealer))
    return NULL;

  return gtk_label_get_label (self->import_label);
}

gboolean
_eligo_window_is_importing (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL;
}

const char *
_eligo_window_get_toast_text (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->toast_revealer))
    return NULL;

  return gtk_label_get_label (self->toast_label);
}

GtkWidget *
_eligo_window_get_details_window (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->details_window;
}
