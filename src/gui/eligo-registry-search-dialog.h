/* eligo-registry-search-dialog.h
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

#define ELIGO_TYPE_REGISTRY_SEARCH_DIALOG (eligo_registry_search_dialog_get_type ())

/*
 * "Search the Registry…": condition, other terms and a status, sent to
 * ClinicalTrials.gov (nothing else is); the results with NCT number, title,
 * status, phase, ages and sites, more pages as the list is scrolled to its
 * end; tick and "Add N Trials" fetches and imports the ticked ones.
 *
 * The main window's action calls, and does nothing else:
 *
 *   if (g_settings_get_boolean (self->settings, "work-offline"))
 *     return;
 *   dialog = eligo_registry_search_dialog_new (GTK_WINDOW (self), self->database, NULL);
 *   g_signal_connect_object (dialog, "imported", G_CALLBACK (on_trials_added_cb), self,
 *                            G_CONNECT_SWAPPED);
 *   gtk_window_present (GTK_WINDOW (dialog));
 *
 * (NULL: a client for ELIGO_REGISTRY_URL, else ClinicalTrials.gov.) The
 * dialog is not modal and destroys itself when closed. "imported" is
 * emitted when at least one ticked trial was stored, as the Add Trials
 * dialog's is. Should "work-offline" be turned on while it is open, it
 * sends nothing more and says why.
 */
G_DECLARE_FINAL_TYPE (EligoRegistrySearchDialog, eligo_registry_search_dialog,
                      ELIGO, REGISTRY_SEARCH_DIALOG, GtkWindow)

GtkWidget *eligo_registry_search_dialog_new (GtkWindow           *parent,
                                             EligoDatabase       *database,
                                             EligoRegistryClient *client);

G_END_DECLS
