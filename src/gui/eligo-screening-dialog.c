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
#include "eligo-screening.h"
#include "eligo-variable-editor.h"

#define TOAST_TIMEOUT_S   4

G_DEFINE_FINAL_TYPE (EligoScreeningDialog, eligo_screening_dialog, GTK_TYPE_WINDOW)

void
_eligo_screening_dialog_update_title (EligoScreeningDialog *self)
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
  _eligo_screening_dialog_update_outdated (self);
}

void
_eligo_screening_dialog_set_dirty (EligoScreeningDialog *self,
                                   gboolean              dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  _eligo_screening_dialog_update_title (self);
  _eligo_screening_dialog_update_actions (self);
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
      /* Done against criteria changed since: saving again is worth it. */
      if (((EligoScreeningRecord *) g_ptr_array_index (records, 0))->criteria_changed != NULL)
        return FALSE;
    }

  return TRUE;
}

void
_eligo_screening_dialog_update_actions (EligoScreeningDialog *self)
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
        _eligo_screening_dialog_load_stored (self, id);
      else
        _eligo_screening_dialog_new_patient (self);
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
      _eligo_screening_dialog_select_stored (self);
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
  gtk_widget_class_bind_template_callback_full (widget_class, "on_id_entry_changed_cb",
                                                G_CALLBACK (_eligo_screening_dialog_on_id_entry_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_initials_entry_changed_cb",
                                                G_CALLBACK (_eligo_screening_dialog_on_initials_entry_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_birth_year_entry_changed_cb",
                                                G_CALLBACK (_eligo_screening_dialog_on_birth_year_entry_changed));
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

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_screening_dialog_trial_page_free);
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
      _eligo_screening_dialog_add_trial (self, trial, criteria);
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

  _eligo_screening_dialog_load_stored_ids (self);
  if (patient != NULL)
    _eligo_screening_dialog_set_patient (self, patient,
                                        _eligo_screening_dialog_id_is_stored (self, eligo_patient_get_screening_id (patient))
                                          ? eligo_patient_get_screening_id (patient) : NULL);
  else
    _eligo_screening_dialog_new_patient (self);

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
