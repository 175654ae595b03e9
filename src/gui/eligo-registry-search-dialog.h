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
 *   GtkWidget *dialog = eligo_registry_search_dialog_new (GTK_WINDOW (self),
 *                                                         self->database, NULL);
 *   gtk_window_present (GTK_WINDOW (dialog));
 *
 * (NULL: a client for ELIGO_REGISTRY_URL, else ClinicalTrials.gov.) The
 * dialog is not modal and destroys itself when closed. Trials it adds reach
 * the database; the window's database watch shows them. When the nurse
 * works offline the window must not open it.
 */
G_DECLARE_FINAL_TYPE (EligoRegistrySearchDialog, eligo_registry_search_dialog,
                      ELIGO, REGISTRY_SEARCH_DIALOG, GtkWindow)

GtkWidget *eligo_registry_search_dialog_new (GtkWindow           *parent,
                                             EligoDatabase       *database,
                                             EligoRegistryClient *client);

G_END_DECLS
