/* eligo-window-registry.c
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
 * The main window's ways to the registry: add trials by NCT number, search
 * the registry, refresh the selected trials (or the whole library). Only
 * NCT numbers and search words are sent, and only when the nurse asks;
 * "Work offline" turns all of them off.
 */

#define G_LOG_DOMAIN "eligo-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-add-trials-dialog.h"
#include "eligo-registry-refresh-dialog.h"
#include "eligo-registry-search-dialog.h"
#include "eligo-window-private.h"

static const char * const registry_actions[] = {
  "win.add-trials",
  "win.search-registry",
  "win.refresh-registry",
};

static void
on_trials_added_cb (EligoWindow *self)
{
  _eligo_window_reload (self, NULL);
}

static gboolean
is_offline (EligoWindow *self)
{
  return g_settings_get_boolean (self->settings, "work-offline");
}

static void
present_registry_dialog (EligoWindow *self,
                         GtkWidget   *dialog)
{
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_trials_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
eligo_window_add_trials_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  if (!is_offline (self))
    present_registry_dialog (self, eligo_add_trials_dialog_new (GTK_WINDOW (self),
                                                                self->database));
}

static void
eligo_window_search_registry_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  if (!is_offline (self))
    present_registry_dialog (self, eligo_registry_search_dialog_new (GTK_WINDOW (self),
                                                                     self->database, NULL));
}

/* The selected trials, or with none selected the whole library. */
static void
eligo_window_refresh_registry_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) nct_ids = NULL;

  if (is_offline (self))
    return;

  ids = _eligo_window_dup_selected_ids (self);
  if (ids->len > 0)
    {
      nct_ids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(EligoTrial) trial = eligo_database_get_trial (self->database,
                                                                  g_array_index (ids, gint64, i),
                                                                  NULL);

          if (trial != NULL)
            g_ptr_array_add (nct_ids, g_strdup (eligo_trial_get_nct_id (trial)));
        }
      g_ptr_array_add (nct_ids, NULL);
    }

  present_registry_dialog (self,
                           eligo_registry_refresh_dialog_new (GTK_WINDOW (self), self->database,
                                                              NULL,
                                                              nct_ids != NULL
                                                              ? (const char * const *) nct_ids->pdata
                                                              : NULL));
}

static void
on_work_offline_changed_cb (EligoWindow *self)
{
  gboolean offline = is_offline (self);

  for (guint i = 0; i < G_N_ELEMENTS (registry_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), registry_actions[i], !offline);
}

void
_eligo_window_registry_init (EligoWindow *self)
{
  g_signal_connect_object (self->settings, "changed::work-offline",
                           G_CALLBACK (on_work_offline_changed_cb), self, G_CONNECT_SWAPPED);
  on_work_offline_changed_cb (self);
}

void
_eligo_window_class_registry_init (EligoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.add-trials", NULL,
                                   eligo_window_add_trials_action);
  gtk_widget_class_install_action (widget_class, "win.search-registry", NULL,
                                   eligo_window_search_registry_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-registry", NULL,
                                   eligo_window_refresh_registry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-trials", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-registry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0,
                                       "win.refresh-registry", NULL);
}
