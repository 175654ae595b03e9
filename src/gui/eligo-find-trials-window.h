/* eligo-find-trials-window.h
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

#pragma once

#include <gtk/gtk.h>

#include "eligo-database.h"
#include "eligo-patient.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_FIND_TRIALS_WINDOW (eligo_find_trials_window_get_type ())

/*
 * Find Trials for a Patient: the whole library ranked for one patient, best
 * first (fewest failing criteria, then fewest unknown), with what rules the
 * patient out of each trial and the facts that would decide the most.
 *
 * Opening it (the entry points are wired by the main window and the
 * screening dialog):
 *
 *   GtkWidget *window = eligo_find_trials_window_new (GTK_WINDOW (self),
 *                                                     self->database,
 *                                                     patient);
 *   gtk_window_present (GTK_WINDOW (window));
 *
 * @patient is the stored patient (main window) or the one being entered
 * (screening dialog, eligo_screening_dialog_get_patient()); its facts are
 * copied when a ranking starts, so edits made later show after Refresh
 * (F5). The window ranks on a worker with its own database connection and
 * is usable while it does.
 *
 * Its actions, with their keys: find-trials.screen (Ctrl+Return, or
 * activating a row), find-trials.compare (Ctrl+D), find-trials.print
 * (Ctrl+P), find-trials.export-pdf (Ctrl+Shift+E),
 * find-trials.toggle-recruiting (Ctrl+R), find-trials.refresh (F5),
 * window.close (Ctrl+W, Escape).
 */
G_DECLARE_FINAL_TYPE (EligoFindTrialsWindow, eligo_find_trials_window,
                      ELIGO, FIND_TRIALS_WINDOW, GtkWindow)

GtkWidget    *eligo_find_trials_window_new                (GtkWindow              *parent,
                                                           EligoDatabase          *database,
                                                           EligoPatient           *patient);
EligoPatient *eligo_find_trials_window_get_patient        (EligoFindTrialsWindow  *self);
gboolean      eligo_find_trials_window_get_recruiting_only (EligoFindTrialsWindow *self);
void          eligo_find_trials_window_set_recruiting_only (EligoFindTrialsWindow *self,
                                                            gboolean               recruiting_only);
void          eligo_find_trials_window_refresh            (EligoFindTrialsWindow  *self);
gboolean      eligo_find_trials_window_get_loading        (EligoFindTrialsWindow  *self);
GPtrArray    *eligo_find_trials_window_get_results        (EligoFindTrialsWindow  *self);
GListModel   *eligo_find_trials_window_get_model          (EligoFindTrialsWindow  *self);
const char   *eligo_find_trials_window_get_summary        (EligoFindTrialsWindow  *self);
const char   *eligo_find_trials_window_get_missing_facts  (EligoFindTrialsWindow  *self);
const char   *eligo_find_trials_window_get_state          (EligoFindTrialsWindow  *self);
gboolean      eligo_find_trials_window_select             (EligoFindTrialsWindow  *self,
                                                           guint                   position);
GtkWidget    *eligo_find_trials_window_screen_selected    (EligoFindTrialsWindow  *self);
GtkWidget    *eligo_find_trials_window_compare_top        (EligoFindTrialsWindow  *self);
gboolean      eligo_find_trials_window_export_pdf         (EligoFindTrialsWindow  *self,
                                                           const char             *path,
                                                           GError                **error);

G_END_DECLS
