/* eligo-patient-chooser.c
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

#define G_LOG_DOMAIN "eligo-patient-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-patient-chooser.h"
#include "eligo-patient-file.h"
#include "eligo-screening-log.h"

struct _EligoPatientChooser
{
  GtkWindow             parent_instance;

  GtkSearchEntry       *search_entry;
  GtkListBox           *patient_list;
  GtkButton            *find_button;

  EligoDatabase        *database;
  GSettings            *settings;
  GtkFileChooserNative *file_chooser;
  char                 *filter;  /* casefolded search text */
};

G_DEFINE_FINAL_TYPE (EligoPatientChooser, eligo_patient_chooser, GTK_TYPE_WINDOW)

enum {
  PATIENT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (EligoPatientChooser *self,
            const char          *primary,
            const char          *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose (EligoPatientChooser *self,
        EligoPatient        *patient)
{
  g_object_ref (self);
  g_signal_emit (self, signals[PATIENT_CHOSEN], 0, patient);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static const char *
row_get_id (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "eligo-screening-id") : NULL;
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  EligoPatientChooser *self = user_data;
  g_autofree char *folded = NULL;

  if (self->filter == NULL || *self->filter == '\0')
    return TRUE;

  folded = g_utf8_casefold (row_get_id (row), -1);
  return strstr (folded, self->filter) != NULL;
}

static void
fill_list (EligoPatientChooser *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  ids = eligo_database_dup_screening_ids (self->database, &error);
  if (ids == NULL)
    {
      show_error (self, _("Could Not List the Stored Patients"), error->message);
      return;
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (ids[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_end (label, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "eligo-screening-id", g_strdup (ids[i]), g_free);
      gtk_list_box_append (self->patient_list, row);
    }
}

static void
on_search_changed_cb (EligoPatientChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->filter);
  self->filter = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (self->patient_list);
}

static void
on_row_selected_cb (EligoPatientChooser *self,
                    GtkListBoxRow       *row)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), row != NULL);
}

static void
on_row_activated_cb (EligoPatientChooser *self,
                     GtkListBoxRow       *row)
{
  eligo_patient_chooser_choose_id (self, row_get_id (row));
}

static void
on_find_clicked_cb (EligoPatientChooser *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->patient_list);

  /* Enter in the search entry takes the first row it leaves. */
  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    {
      row = NULL;
      for (int i = 0; (row = gtk_list_box_get_row_at_index (self->patient_list, i)) != NULL; i++)
        if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
          break;
    }

  if (row != NULL)
    eligo_patient_chooser_choose_id (self, row_get_id (row));
}

static void
on_file_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     EligoPatientChooser *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->file_chooser);

  if (file != NULL)
    eligo_patient_chooser_choose_file (self, file);
}

static void
on_open_clicked_cb (EligoPatientChooser *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    return;

  self->file_chooser = gtk_file_chooser_native_new (_("Open Patient File"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Patient files (Eligo or FHIR JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  g_signal_connect (self->file_chooser, "response", G_CALLBACK (on_file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
eligo_patient_chooser_dispose (GObject *object)
{
  EligoPatientChooser *self = ELIGO_PATIENT_CHOOSER (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ELIGO_TYPE_PATIENT_CHOOSER);

  G_OBJECT_CLASS (eligo_patient_chooser_parent_class)->dispose (object);
}

static void
eligo_patient_chooser_finalize (GObject *object)
{
  EligoPatientChooser *self = ELIGO_PATIENT_CHOOSER (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_free (self->filter);

  G_OBJECT_CLASS (eligo_patient_chooser_parent_class)->finalize (object);
}

static void
eligo_patient_chooser_class_init (EligoPatientChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_patient_chooser_dispose;
  object_class->finalize = eligo_patient_chooser_finalize;

  /**
   * EligoPatientChooser::patient-chosen:
   * @patient: the chosen patient
   */
  signals[PATIENT_CHOSEN] = g_signal_new ("patient-chosen", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, ELIGO_TYPE_PATIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eligo/Eligo/ui/eligo-patient-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoPatientChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoPatientChooser, patient_list);
  gtk_widget_class_bind_template_child (widget_class, EligoPatientChooser, find_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
eligo_patient_chooser_init (EligoPatientChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (ELIGO_ID);
  gtk_list_box_set_filter_func (self->patient_list, filter_row_cb, self, NULL);
}

/**
 * eligo_patient_chooser_new:
 * @parent: the main window
 * @database: the database whose stored patients are listed
 *
 * Returns: (transfer none): the chooser, not yet shown
 */
GtkWidget *
eligo_patient_chooser_new (GtkWindow     *parent,
                           EligoDatabase *database)
{
  EligoPatientChooser *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  self = g_object_new (ELIGO_TYPE_PATIENT_CHOOSER, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  fill_list (self);

  return GTK_WIDGET (self);
}

/**
 * eligo_patient_chooser_choose_id:
 * @screening_id: a stored patient's screening id
 *
 * Chooses the stored patient, as activating its row does.
 */
void
eligo_patient_chooser_choose_id (EligoPatientChooser *self,
                                 const char          *screening_id)
{
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ELIGO_IS_PATIENT_CHOOSER (self));

  if (screening_id == NULL)
    return;

  patient = eligo_database_load_patient (self->database, screening_id, &error);
  if (patient == NULL)
    {
      show_error (self, _("Could Not Open the Patient"), error->message);
      return;
    }

  choose (self, patient);
}

/**
 * eligo_patient_chooser_choose_file:
 * @file: a patient file, Eligo's patient JSON or a FHIR R4 record
 *
 * Chooses the patient of @file, as opening it does.
 */
void
eligo_patient_chooser_choose_file (EligoPatientChooser *self,
                                   GFile               *file)
{
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ELIGO_IS_PATIENT_CHOOSER (self));
  g_return_if_fail (G_IS_FILE (file));

  patient = eligo_patient_file_load (file, self->settings, &error);
  if (patient == NULL)
    {
      g_autofree char *secondary = eligo_patient_file_describe_error (file, error);

      show_error (self, _("Could Not Open the Patient File"), secondary);
      return;
    }

  choose (self, patient);
}
