/* eligo-window-import.c
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

#include "eligo-import-job.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

/*
 * The main window's file actions: import (menu, drop, command line), one
 * job at a time with the files that come meanwhile queued, and the banner
 * that shows its progress and the files it rejected.
 */

static void eligo_window_start_import (EligoWindow *self,
                                       GPtrArray   *files);

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

void
_eligo_window_class_import_init (EligoWindowClass *klass)
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
}

void
_eligo_window_import_init (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-cancel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-details", FALSE);
}

void
_eligo_window_import_dispose (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

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

GtkWidget *
_eligo_window_get_details_window (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->details_window;
}
