/* eligo-screening-dialog-patient.c
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
 * The screening dialog's patient header: the pseudonymous screening id, the
 * initials and the year of birth, the drop-down of stored patients to
 * continue, and Save, which writes one screening per trial to the log.
 *
 * No patient data in logs: nothing here logs an id or a value.
 */

#define G_LOG_DOMAIN "eligo-screening-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-screening-dialog-private.h"
#include "eligo-screening-log.h"
#include "eligo-screening-log-window.h"
#include "eligo-variable-editor.h"

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

gboolean
_eligo_screening_dialog_id_is_stored (EligoScreeningDialog *self,
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
  else if (g_strcmp0 (id, self->loaded_id) != 0 && _eligo_screening_dialog_id_is_stored (self, id))
    /* Translators: %s is a screening id such as SCR-0042 */
    message = g_strdup_printf (_("%s is already used by a stored patient. Choose another id, "
                                 "or pick that patient under Stored patient to continue their "
                                 "screening."), id);

  set_entry_error (self->id_entry, self->id_error_label, message);

  return message == NULL;
}

static void
on_patient_changed_cb (EligoScreeningDialog *self,
                       EligoPatient         *patient)
{
  if (self->syncing > 0)
    return;

  _eligo_screening_dialog_set_dirty (self, TRUE);
  _eligo_screening_dialog_queue_rescreen (self);
}

static void
on_patient_notify_cb (EligoScreeningDialog *self,
                      GParamSpec           *pspec,
                      EligoPatient         *patient)
{
  if (self->syncing > 0)
    return;

  _eligo_screening_dialog_set_dirty (self, TRUE);
  _eligo_screening_dialog_update_title (self);
}

void
_eligo_screening_dialog_load_stored_ids (EligoScreeningDialog *self)
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

void
_eligo_screening_dialog_select_stored (EligoScreeningDialog *self)
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
void
_eligo_screening_dialog_set_patient (EligoScreeningDialog *self,
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
  _eligo_screening_dialog_select_stored (self);
  _eligo_screening_dialog_update_record (self);
  self->dirty = FALSE;
  _eligo_screening_dialog_update_title (self);
  _eligo_screening_dialog_update_actions (self);
  _eligo_screening_dialog_rescreen (self);
}

void
_eligo_screening_dialog_new_patient (EligoScreeningDialog *self)
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
  _eligo_screening_dialog_set_patient (self, patient, NULL);
}

gboolean
_eligo_screening_dialog_load_stored (EligoScreeningDialog *self,
                                    const char           *id)
{
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  patient = eligo_database_load_patient (self->database, id, &error);
  if (patient == NULL)
    {
      _eligo_screening_dialog_show_error (self, _("Could Not Open the Stored Patient"),
                                         error->message);
      _eligo_screening_dialog_select_stored (self);
      return FALSE;
    }

  _eligo_screening_dialog_set_patient (self, patient, id);
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
  _eligo_screening_dialog_load_stored_ids (self);
  _eligo_screening_dialog_select_stored (self);
  _eligo_screening_dialog_set_dirty (self, FALSE);
  _eligo_screening_dialog_update_title (self);
  _eligo_screening_dialog_update_actions (self);
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

void
_eligo_screening_dialog_on_id_entry_changed (EligoScreeningDialog *self,
                        GtkEditable          *editable)
{
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (self->syncing > 0 || self->patient == NULL)
    return;

  /* The patient keeps its last id while the entry is empty. */
  if (eligo_screening_dialog_check_id (self) || id[0] != '\0')
    eligo_patient_set_screening_id (self->patient, id);
}

void
_eligo_screening_dialog_on_initials_entry_changed (EligoScreeningDialog *self,
                              GtkEditable          *editable)
{
  g_autofree char *initials = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (self->syncing > 0 || self->patient == NULL)
    return;

  eligo_patient_set_initials (self->patient, initials);
}

void
_eligo_screening_dialog_on_birth_year_entry_changed (EligoScreeningDialog *self,
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
