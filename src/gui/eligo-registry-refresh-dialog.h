/* eligo-registry-refresh-dialog.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "eligo-database.h"
#include "eligo-registry-client.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_REGISTRY_REFRESH_DIALOG (eligo_registry_refresh_dialog_get_type ())

/*
 * "Refresh from Registry": fetches the given trials again (only their NCT
 * numbers are sent), shows "12 of 40" with Cancel, then what changed per
 * trial (the sections eligo_registry_changed_sections() names) and which
 * failed and why. It starts when it is first shown.
 *
 * The main window's action calls, with the selected trials' NCT numbers or
 * NULL for the whole library (archived trials included, as the CLI does):
 *
 *   if (g_settings_get_boolean (self->settings, "work-offline"))
 *     return;
 *   dialog = eligo_registry_refresh_dialog_new (GTK_WINDOW (self), self->database, NULL,
 *                                               (const char * const *) nct_ids);
 *   g_signal_connect_object (dialog, "imported", G_CALLBACK (on_trials_added_cb), self,
 *                            G_CONNECT_SWAPPED);
 *   gtk_window_present (GTK_WINDOW (dialog));
 *
 * (client NULL: ELIGO_REGISTRY_URL, else ClinicalTrials.gov.) The dialog is
 * modal to @parent and destroys itself when closed (closing cancels).
 * "imported" is emitted at the end when a trial was updated, so the window
 * reloads. Opened while working offline it sends nothing and says so.
 */
G_DECLARE_FINAL_TYPE (EligoRegistryRefreshDialog, eligo_registry_refresh_dialog,
                      ELIGO, REGISTRY_REFRESH_DIALOG, GtkWindow)

GtkWidget *eligo_registry_refresh_dialog_new (GtkWindow           *parent,
                                              EligoDatabase       *database,
                                              EligoRegistryClient *client,
                                              const char * const  *nct_ids);

G_END_DECLS
