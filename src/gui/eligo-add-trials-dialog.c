/* eligo-add-trials-dialog.c
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
 * "Add Trials by NCT Number…": the nurse pastes numbers or registry
 * addresses; every one is checked before anything is sent, then each is
 * fetched and imported in its own transaction, with progress, Cancel and a
 * summary that names the ones that failed and why.
 */

#define G_LOG_DOMAIN "eligo-add-trials"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-add-trials-dialog.h"
#include "eligo-registry-client.h"
#include "eligo-registry-import.h"

struct _EligoAddTrialsDialog
{
  GtkWindow            parent_instance;

  GtkButton           *cancel_button;
  GtkButton           *add_button;
  GtkTextView         *text_view;
  GtkLabel            *error_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *result_label;

  EligoDatabase       *database;
  GSettings           *settings;
  EligoRegistryImport *job;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (EligoAddTrialsDialog, eligo_add_trials_dialog, GTK_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (EligoAddTrialsDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_progress (EligoAddTrialsDialog *self)
{
  guint n_done = eligo_registry_import_get_n_done (self->job);
  guint n_total = eligo_registry_import_get_n_total (self->job);
  g_autofree char *text = NULL;

  /* Translators: progress of fetching trials, e.g. "2 of 5" */
  text = g_strdup_printf (_("%u of %u"), n_done, n_total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_total > 0 ? (double) n_done / n_total : 0.0);
}

static void
on_job_progress_cb (EligoAddTrialsDialog *self)
{
  update_progress (self);
}

static void
set_running (EligoAddTrialsDialog *self,
             gboolean              running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !running);
  gtk_text_view_set_editable (self->text_view, !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
}

static void
on_fetch_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(EligoAddTrialsDialog) self = data;
  EligoRegistryImport *job = ELIGO_REGISTRY_IMPORT (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_stored;

  eligo_registry_import_finish (job, result, &error);
  summary = eligo_registry_import_dup_summary (job);
  n_stored = eligo_registry_import_count (job, ELIGO_REGISTRY_OUTCOME_ADDED) +
             eligo_registry_import_count (job, ELIGO_REGISTRY_OUTCOME_UPDATED);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *cancelled = g_strdup_printf ("%s\n%s", _("Cancelled."), summary);

      gtk_label_set_text (self->result_label, cancelled);
    }
  else if (error != NULL)
    {
      gtk_label_set_text (self->result_label, error->message);
    }
  else
    {
      gtk_label_set_text (self->result_label, summary);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (n_stored > 0)
    g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
}

static void
on_add_clicked_cb (EligoAddTrialsDialog *self)
{
  eligo_add_trials_dialog_add (self);
}

static void
on_cancel_clicked_cb (EligoAddTrialsDialog *self)
{
  if (self->cancellable != NULL)
    eligo_add_trials_dialog_cancel (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
eligo_add_trials_dialog_dispose (GObject *object)
{
  EligoAddTrialsDialog *self = (EligoAddTrialsDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (eligo_add_trials_dialog_parent_class)->dispose (object);
}

static void
eligo_add_trials_dialog_finalize (GObject *object)
{
  EligoAddTrialsDialog *self = (EligoAddTrialsDialog *) object;

  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (eligo_add_trials_dialog_parent_class)->finalize (object);
}

static void
eligo_add_trials_dialog_class_init (EligoAddTrialsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_add_trials_dialog_dispose;
  object_class->finalize = eligo_add_trials_dialog_finalize;

  /**
   * EligoAddTrialsDialog::imported:
   *
   * Emitted when at least one trial was added or updated.
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, ELIGO_RESOURCE_BASE
                                               "/ui/eligo-add-trials-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoAddTrialsDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EligoAddTrialsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, EligoAddTrialsDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, EligoAddTrialsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EligoAddTrialsDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoAddTrialsDialog, result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
eligo_add_trials_dialog_init (EligoAddTrialsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (ELIGO_ID);
}

GtkWidget *
eligo_add_trials_dialog_new (GtkWindow     *parent,
                             EligoDatabase *database)
{
  EligoAddTrialsDialog *self;

  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  self = g_object_new (ELIGO_TYPE_ADD_TRIALS_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);

  return GTK_WIDGET (self);
}

void
eligo_add_trials_dialog_set_text (EligoAddTrialsDialog *self,
                                  const char           *text)
{
  g_return_if_fail (ELIGO_IS_ADD_TRIALS_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

/**
 * eligo_add_trials_dialog_add:
 *
 * What Add does: checks every number and, if all are good, starts fetching.
 *
 * Returns: %TRUE if fetching started; %FALSE if nothing was sent
 */
gboolean
eligo_add_trials_dialog_add (EligoAddTrialsDialog *self)
{
  g_autoptr(EligoRegistryClient) client = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) bad = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) tokens = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ELIGO_IS_ADD_TRIALS_DIALOG (self), FALSE);

  if (self->cancellable != NULL)
    return FALSE;

  if (g_settings_get_boolean (self->settings, "work-offline"))
    {
      show_error (self, _("Eligo is set to work offline; turn off “Work offline” in the "
                          "preferences to fetch trials from the registry."));
      return FALSE;
    }

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tokens = g_regex_split_simple ("[\\s,;]+", text, 0, 0);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      char *nct_id = NULL;

      if (*tokens[i] == '\0')
        continue;

      if (!eligo_registry_parse_nct_id (tokens[i], &nct_id, &error))
        g_string_append_printf (bad, "%s%s", bad->len > 0 ? "\n" : "", error->message);
      else
        g_ptr_array_add (ids, nct_id);
    }

  if (bad->len > 0)
    {
      g_autofree char *message = g_strdup_printf ("%s\n%s", _("Nothing was sent:"), bad->str);

      show_error (self, message);
      return FALSE;
    }

  if (ids->len == 0)
    {
      show_error (self, _("Paste at least one NCT number, such as NCT02349698."));
      return FALSE;
    }

  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  g_ptr_array_add (ids, NULL);

  client = eligo_registry_client_new (NULL);
  g_clear_object (&self->job);
  self->job = eligo_registry_import_new (client, self->database);
  g_signal_connect_object (self->job, "notify::n-done", G_CALLBACK (on_job_progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->job, "notify::n-total", G_CALLBACK (on_job_progress_cb), self,
                           G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  eligo_registry_import_fetch_async (self->job, (const char * const *) ids->pdata,
                                     self->cancellable, on_fetch_done_cb, g_object_ref (self));
  update_progress (self);

  return TRUE;
}

void
eligo_add_trials_dialog_cancel (EligoAddTrialsDialog *self)
{
  g_return_if_fail (ELIGO_IS_ADD_TRIALS_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
eligo_add_trials_dialog_is_running (EligoAddTrialsDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_ADD_TRIALS_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const char *
eligo_add_trials_dialog_get_error_text (EligoAddTrialsDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_ADD_TRIALS_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
    ? gtk_label_get_text (self->error_label) : NULL;
}

const char *
eligo_add_trials_dialog_get_result_text (EligoAddTrialsDialog *self)
{
  g_return_val_if_fail (ELIGO_IS_ADD_TRIALS_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->result_label))
    ? gtk_label_get_text (self->result_label) : NULL;
}
