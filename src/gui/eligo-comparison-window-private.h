/* eligo-comparison-window-private.h
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

#include "eligo-comparison-table.h"
#include "eligo-comparison-window.h"
#include "eligo-trial-list.h"

G_BEGIN_DECLS

#define ELIGO_COMPARISON_MIN_ZOOM 0.5
#define ELIGO_COMPARISON_MAX_ZOOM 3.0

/* A row of the table as shown. */
typedef struct
{
  EligoComparisonRow *row;
  GPtrArray          *widgets;   /* GtkWidget: the label cell, then the trials' */
  char               *haystack;  /* casefolded label and cells, for the filter */
  gboolean            shown;
} RowView;

struct _EligoComparisonWindow
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkMenuButton        *add_button;
  GtkPopover           *add_popover;
  GtkSearchEntry       *add_search_entry;
  GtkListView          *add_list_view;
  GtkLabel             *add_hint_label;
  GtkMenuButton        *patient_button;
  GtkLabel             *patient_label;
  GtkPopover           *patient_popover;
  GtkListBox           *patient_list;
  GtkLabel             *subtitle_label;
  GtkButton            *zoom_button;
  GtkSearchEntry       *filter_entry;
  GtkToggleButton      *differences_button;
  GtkLabel             *rows_label;
  GtkLabel             *partial_legend_label;
  GtkScrolledWindow    *header_scroller;
  EligoComparisonTable *header_table;
  GtkGrid              *header_grid;
  GtkStack             *body_stack;
  GtkScrolledWindow    *body_scroller;
  GtkViewport          *body_viewport;
  EligoComparisonTable *body_table;
  GtkGrid              *body_grid;
  GtkLabel             *empty_detail_label;

  /* State */
  EligoDatabase        *database;
  GPtrArray            *trials;       /* EligoTrial, in column order */
  EligoComparison      *comparison;
  EligoPatient         *patient;
  GPtrArray            *rows;         /* RowView */
  GPtrArray            *headers;      /* GtkWidget, a trial's header, in column order */
  GtkWidget            *headings[ELIGO_N_COMPARISON_SECTIONS];
  GSettings            *settings;
  double                zoom;
  gboolean              only_differences;
  EligoTrialList       *library;
  GtkFileChooserNative *chooser;
  guint                 move_idle_id;
  guint                 pending_from;
  guint                 pending_to;
};

/* eligo-comparison-window.c */
int        _eligo_comparison_window_trial_index      (EligoComparisonWindow *self,
                                                      const char            *nct_id);
void       _eligo_comparison_window_show_error       (EligoComparisonWindow *self,
                                                      const char            *primary,
                                                      const char            *secondary);
void       _eligo_comparison_window_set_zoom         (EligoComparisonWindow *self,
                                                      double                 zoom);
int        _eligo_comparison_window_label_width      (EligoComparisonWindow *self);
int        _eligo_comparison_window_column_width     (EligoComparisonWindow *self);
void       _eligo_comparison_window_clear_grid       (GtkGrid               *grid);

void       _eligo_comparison_row_view_free        (RowView               *view);

/* eligo-comparison-window-header.c: the header row above the table. */
void       _eligo_comparison_window_build_header     (EligoComparisonWindow *self);

/* eligo-comparison-window-body.c: the table. */
void       _eligo_comparison_window_build_body       (EligoComparisonWindow *self);
void       _eligo_comparison_window_align_columns    (EligoComparisonWindow *self);
void       _eligo_comparison_window_apply_visibility (EligoComparisonWindow *self);

/* eligo-comparison-window-actions.c: the actions, their keys, and the
 * popovers that add trials and choose the patient. */
void       _eligo_comparison_window_class_add_actions (GtkWidgetClass       *widget_class);

/* For the tests: the widgets the window shows. Column 0 is the row label,
 * 1 to n the trials. */
GtkWidget *_eligo_comparison_window_get_cell      (EligoComparisonWindow *self,
                                                   const char            *row_id,
                                                   guint                  column);
GtkWidget *_eligo_comparison_window_get_header    (EligoComparisonWindow *self,
                                                   guint                  trial_index);
GtkWidget *_eligo_comparison_window_get_heading   (EligoComparisonWindow *self,
                                                   EligoComparisonSection section);
GtkWidget *_eligo_comparison_window_get_filter    (EligoComparisonWindow *self);
gboolean   _eligo_comparison_window_row_is_shown  (EligoComparisonWindow *self,
                                                   const char            *row_id);
double     _eligo_comparison_window_get_zoom      (EligoComparisonWindow *self);
char      *_eligo_comparison_window_dup_text      (GtkWidget             *widget);

G_END_DECLS
