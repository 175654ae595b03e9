/* eligo-comparison-window.h
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

#include "eligo-comparison.h"
#include "eligo-database.h"
#include "eligo-patient.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_COMPARISON_WINDOW (eligo_comparison_window_get_type ())

G_DECLARE_FINAL_TYPE (EligoComparisonWindow, eligo_comparison_window,
                      ELIGO, COMPARISON_WINDOW, GtkWindow)

GtkWidget       *eligo_comparison_window_new                  (GtkWindow              *parent,
                                                               EligoDatabase          *db,
                                                               GPtrArray              *trials);
EligoComparison *eligo_comparison_window_get_comparison       (EligoComparisonWindow  *self);
guint            eligo_comparison_window_get_n_trials         (EligoComparisonWindow  *self);
gboolean         eligo_comparison_window_add_trial            (EligoComparisonWindow  *self,
                                                               EligoTrial             *trial);
gboolean         eligo_comparison_window_remove_trial         (EligoComparisonWindow  *self,
                                                               guint                   index);
gboolean         eligo_comparison_window_move_trial           (EligoComparisonWindow  *self,
                                                               guint                   from,
                                                               guint                   to);
EligoPatient    *eligo_comparison_window_get_patient          (EligoComparisonWindow  *self);
void             eligo_comparison_window_set_patient          (EligoComparisonWindow  *self,
                                                               EligoPatient           *patient);
gboolean         eligo_comparison_window_get_only_differences (EligoComparisonWindow  *self);
void             eligo_comparison_window_set_only_differences (EligoComparisonWindow  *self,
                                                               gboolean                only);
gboolean         eligo_comparison_window_export_pdf           (EligoComparisonWindow  *self,
                                                               const char             *path,
                                                               GError                **error);

G_END_DECLS
