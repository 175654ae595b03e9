/* eligo-screening-log-window-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "eligo-database-watch.h"
#include "eligo-screening-log.h"
#include "eligo-screening-log-row.h"
#include "eligo-screening-log-window.h"

G_BEGIN_DECLS

struct _EligoScreeningLogWindow
{
  GtkWindow              parent_instance;

  EligoDatabase         *database;
  EligoDatabaseWatch    *watch;           /* screenings saved by another process */
  GtkCustomFilter       *filter;
  GtkFileChooserNative  *export_dialog;

  /* The filters, as last applied */
  char                  *trial;           /* NCT id, or NULL for every trial */
  const char            *verdict;         /* "eligible", "ineligible", "pending" or NULL */
  char                  *search;          /* casefolded, or NULL */
  char                  *since;           /* local date, inclusive, or NULL */
  char                  *until;           /* local date, inclusive, or NULL */
  guint                  n_total;         /* screenings in the database */
  gboolean               updating;        /* filling the widgets: don't filter yet */

  EligoFunnel           *funnel;          /* of the trial shown in the side panel */
  gint64                 snapshot_id;     /* screening shown in the side panel, 0 for none */

  /* Template widgets */
  GtkHeaderBar          *header_bar;
  GtkLabel              *count_label;
  GtkButton             *export_button;
  GtkWidget             *toolbar;
  GtkSearchEntry        *search_entry;
  GtkDropDown           *trial_dropdown;
  GtkStringList         *trial_list;
  GtkDropDown           *outcome_dropdown;
  GtkEntry              *from_entry;
  GtkEntry              *to_entry;
  GtkLabel              *date_error_label;
  GtkPaned              *paned;
  GtkStack              *stack;
  GtkColumnView         *column_view;
  GtkColumnViewColumn   *date_column;
  GtkSingleSelection    *selection;
  GtkSortListModel      *sort_model;
  GtkFilterListModel    *filter_model;
  GListStore            *store;
  GtkWidget             *funnel_box;
  GtkLabel              *funnel_nct_id;
  GtkLabel              *funnel_title;
  GtkLevelBar           *screened_bar;
  GtkLabel              *screened_value;
  GtkLevelBar           *eligible_bar;
  GtkLabel              *eligible_value;
  GtkLevelBar           *ineligible_bar;
  GtkLabel              *ineligible_value;
  GtkLevelBar           *pending_bar;
  GtkLabel              *pending_value;
  GtkBox                *reasons_box;
  GtkStack              *details_stack;
  GtkLabel              *detail_screening_id;
  GtkWidget             *detail_verdict_box;
  GtkImage              *detail_verdict_icon;
  GtkLabel              *detail_verdict_label;
  GtkGrid               *detail_grid;
  GtkLabel              *criteria_heading;
  GtkBox                *criteria_box;
};

/* eligo-screening-log-window.c */
EligoScreeningLogRow *_eligo_screening_log_window_get_selected_row (EligoScreeningLogWindow *self);

/* eligo-screening-log-window-panel.c */
void                  _eligo_screening_log_window_update_panel     (EligoScreeningLogWindow *self);
void                  _eligo_screening_log_window_screen_again_action (GtkWidget  *widget,
                                                                       const char *action_name,
                                                                       GVariant   *parameter);
GtkWidget            *_eligo_screening_log_window_screen_again     (EligoScreeningLogWindow *self);

/* For the tests */
GListModel *_eligo_screening_log_window_get_shown    (EligoScreeningLogWindow *self);
const char *_eligo_screening_log_window_get_state    (EligoScreeningLogWindow *self);
void        _eligo_screening_log_window_set_trial    (EligoScreeningLogWindow *self,
                                                      const char              *nct_id);
void        _eligo_screening_log_window_set_outcome  (EligoScreeningLogWindow *self,
                                                      const char              *verdict);
gboolean    _eligo_screening_log_window_export_to_file (EligoScreeningLogWindow *self,
                                                        GFile                   *file,
                                                        GError                 **error);
char       *_eligo_screening_log_window_dup_default_export_name (void);

G_END_DECLS
