/* eligo-find-trials-window-private.h
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

#include "eligo-find-trials-job.h"
#include "eligo-find-trials-window.h"

G_BEGIN_DECLS

struct _EligoFindTrialsWindow
{
  GtkWindow           parent_instance;

  EligoDatabase      *database;
  EligoPatient       *patient;

  EligoFindTrialsJob *job;        /* the ranking under way, if any */
  GCancellable       *cancellable;
  GPtrArray          *results;    /* EligoScreeningResult, best first; NULL until ranked */
  guint               n_ranked;    /* the whole ranking; results holds its best */
  guint               n_ruled_out;
  GListStore         *rows;       /* EligoFindTrialsRow */
  GtkSingleSelection *selection;
  char               *summary;
  char               *missing;
  const char         *state;

  /* Template widgets */
  GtkToggleButton    *recruiting_button;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkLabel           *loading_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *error_label;
  GtkLabel           *empty_label;
  GtkLabel           *summary_label;
  GtkLabel           *missing_label;
  GtkColumnView      *column_view;
};

void _eligo_find_trials_window_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
