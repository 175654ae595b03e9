/* eligo-window-tools.c
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
 * The main window's way into screening, the screening log, the
 * side-by-side comparison of the selected trials (2 to 6) and finding the
 * trials that fit a patient.
 */

#define G_LOG_DOMAIN "eligo-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-comparison-window.h"
#include "eligo-find-trials-window.h"
#include "eligo-patient-chooser.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-log-window.h"
#include "eligo-window-private.h"

/* The selected trials, in list order. */
static GPtrArray *
dup_selected_trials (EligoWindow *self)
{
  g_autoptr(GArray) ids = _eligo_window_dup_selected_ids (self);
  GPtrArray *trials = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      EligoTrial *trial = eligo_database_get_trial (self->database,
                                                    g_array_index (ids, gint64, i), NULL);

      if (trial != NULL)
        g_ptr_array_add (trials, trial);
    }

  return trials;
}

static void
eligo_window_screen_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  g_autoptr(GPtrArray) trials = dup_selected_trials (self);
  GtkWidget *dialog;

  if (trials->len == 0)
    return;

  dialog = eligo_screening_dialog_new (GTK_WINDOW (self), self->database, trials, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
eligo_window_screening_log_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  GtkWidget *log = eligo_screening_log_window_new (GTK_WINDOW (self), self->database);

  gtk_window_present (GTK_WINDOW (log));
}

static void
eligo_window_compare_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  g_autoptr(GPtrArray) trials = dup_selected_trials (self);
  GtkWidget *comparison;

  if (trials->len < ELIGO_COMPARISON_MIN_TRIALS || trials->len > ELIGO_COMPARISON_MAX_TRIALS)
    return;

  comparison = eligo_comparison_window_new (GTK_WINDOW (self), self->database, trials);
  if (comparison != NULL)
    gtk_window_present (GTK_WINDOW (comparison));
}

static void
on_patient_chosen_cb (EligoPatientChooser *chooser,
                      EligoPatient        *patient,
                      EligoWindow         *self)
{
  GtkWidget *window = eligo_find_trials_window_new (GTK_WINDOW (self), self->database, patient);

  gtk_window_present (GTK_WINDOW (window));
}

/* Find Trials for a Patient: a stored patient or a patient file, then the
 * whole library ranked for them. */
static void
eligo_window_find_trials_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  GtkWidget *chooser = eligo_patient_chooser_new (GTK_WINDOW (self), self->database);

  g_signal_connect_object (chooser, "patient-chosen", G_CALLBACK (on_patient_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

void
_eligo_window_tools_update (EligoWindow *self,
                            guint        n_selected)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.screen", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare",
                                 n_selected >= ELIGO_COMPARISON_MIN_TRIALS &&
                                 n_selected <= ELIGO_COMPARISON_MAX_TRIALS);
}

void
_eligo_window_class_tools_init (EligoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.screen", NULL,
                                   eligo_window_screen_action);
  gtk_widget_class_install_action (widget_class, "win.screening-log", NULL,
                                   eligo_window_screening_log_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL,
                                   eligo_window_compare_action);
  gtk_widget_class_install_action (widget_class, "win.find-trials", NULL,
                                   eligo_window_find_trials_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.screen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.screening-log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.find-trials", NULL);
}
