/* eligo-window-private.h
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
#include "eligo-filter-popover.h"
#include "eligo-import-job.h"
#include "eligo-rederive-bar.h"
#include "eligo-trial-list.h"
#include "eligo-window.h"

G_BEGIN_DECLS

/* Wider than this, the trial page sits beside the list; narrower, it replaces it. */
#define ELIGO_WINDOW_WIDE_WIDTH 1100

/* How long a toast offers to undo, in seconds. */
#define ELIGO_WINDOW_UNDO_SECONDS 10

typedef enum
{
  ELIGO_UNDO_NONE,
  ELIGO_UNDO_DELETE,
  ELIGO_UNDO_ARCHIVE,
  ELIGO_UNDO_UNARCHIVE,
} EligoUndoKind;

enum {
  ELIGO_COLUMN_NCT_ID,
  ELIGO_COLUMN_TITLE,
  ELIGO_COLUMN_STATUS,
  ELIGO_COLUMN_PHASE,
  ELIGO_COLUMN_ENROLLMENT,
  ELIGO_COLUMN_START_DATE,
  ELIGO_COLUMN_COMPLETION_DATE,
  ELIGO_COLUMN_LAST_UPDATE,
  ELIGO_COLUMN_SPONSOR,
  ELIGO_COLUMN_AGES,
  ELIGO_COLUMN_CONDITIONS,
  ELIGO_N_COLUMNS
};

struct _EligoWindow
{
  GtkApplicationWindow  parent_instance;

  EligoDatabase        *database;
  EligoTrialList       *trials;
  GSettings            *settings;
  GtkSorter            *sorter;
  gulong                sorter_changed_id;
  GSimpleActionGroup   *column_actions;

  guint                 n_total;           /* trials shown without search or filters */
  guint                 n_all;             /* every trial, archived ones too */
  guint                 recruiting_only : 1;
  guint                 show_archived : 1;
  guint                 narrow : 1;
  guint                 page_shown : 1;    /* narrow: the trial page replaces the list */
  guint                 adapt_source;

  /* Changes made by other processes (eligo-window-watch.c) */
  EligoDatabaseWatch   *watch;
  char                 *page_rules;        /* the rules of the trial page, as shown */
  guint                 keep_page : 1;     /* reloading: the same trial keeps its page */

  /* Import */
  EligoImportJob       *import_job;        /* running, or the last one while its banner shows */
  GCancellable         *import_cancellable;
  GPtrArray            *import_queue;      /* GFile: dropped or opened while a job runs */
  GtkWidget            *import_dialog;     /* GtkFileChooserNative while it is open */
  GtkWidget            *details_window;
  GtkWidget            *context_menu;
  GtkDropTarget        *drop_target;

  /* Undo */
  EligoUndoKind         undo_kind;
  GPtrArray            *undo_trials;       /* EligoTrial, as deleted */
  GArray               *undo_ids;          /* gint64, archived or unarchived */
  guint                 toast_source;

  /* Template widgets */
  GtkHeaderBar         *header_bar;
  GtkButton            *back_button;
  GtkButton            *import_button;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *trial_menu_button;
  GtkPaned             *paned;
  GtkWidget            *list_pane;
  GtkWidget            *search_box;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *recruiting_button;
  GtkMenuButton        *filter_button;
  EligoFilterPopover   *filter_popover;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkButton            *import_details_button;
  GtkButton            *import_cancel_button;
  GtkButton            *import_close_button;
  EligoRederiveBar     *rederive_bar;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkMultiSelection    *selection;
  GtkColumnViewColumn  *columns[ELIGO_N_COLUMNS];
  GtkStack             *page_stack;
  GtkLabel             *placeholder_title;
  GtkLabel             *placeholder_description;
  GtkWidget            *page_box;
  GtkWidget            *trial_page;
  GtkRevealer          *toast_revealer;
  GtkLabel             *toast_label;
  GtkButton            *toast_undo_button;
  GMenu                *view_section;
  GMenuModel           *columns_menu;
  GMenuModel           *trial_menu;
};

/* eligo-window-list.c */
GArray              *_eligo_window_dup_selected_ids   (EligoWindow  *self);
gboolean             _eligo_window_select_ids         (EligoWindow  *self,
                                                       GArray       *select_ids);
void                 _eligo_window_reload             (EligoWindow  *self,
                                                       GArray       *select_ids);
void                 _eligo_window_update_query       (EligoWindow  *self);
void                 _eligo_window_update_totals      (EligoWindow  *self);
void                 _eligo_window_update_state       (EligoWindow  *self);
void                 _eligo_window_scroll_to          (EligoWindow  *self,
                                                       guint         position);

/* eligo-window-page.c */
void                 _eligo_window_show_page          (EligoWindow  *self,
                                                       gboolean      shown);
void                 _eligo_window_apply_layout       (EligoWindow  *self);
gboolean             _eligo_window_adapt_cb           (gpointer      data);
void                 _eligo_window_update_page        (EligoWindow  *self);

/* eligo-window-columns.c */
void                 _eligo_window_class_columns_init (EligoWindowClass *klass);
void                 _eligo_window_columns_init       (EligoWindow  *self);
void                 _eligo_window_columns_dispose    (EligoWindow  *self);
void                 _eligo_window_restore_columns    (EligoWindow  *self);
void                 _eligo_window_save_columns       (EligoWindow  *self);
void                 _eligo_window_restore_sort       (EligoWindow  *self);

/* eligo-window-watch.c */
void                 _eligo_window_watch_init         (EligoWindow  *self);
void                 _eligo_window_watch_dispose      (EligoWindow  *self);
void                 _eligo_window_watch_sync         (EligoWindow  *self);
gboolean             _eligo_window_watch_keeps_page   (EligoWindow  *self,
                                                       EligoTrial   *shown,
                                                       EligoTrial   *trial);
void                 _eligo_window_watch_page_shown   (EligoWindow  *self,
                                                       EligoTrial   *trial);

/* eligo-window-actions.c */
void                 _eligo_window_class_actions_init (EligoWindowClass *klass);
void                 _eligo_window_actions_init       (EligoWindow  *self);
void                 _eligo_window_actions_dispose    (EligoWindow  *self);
void                 _eligo_window_update_actions     (EligoWindow  *self);
void                 _eligo_window_show_toast         (EligoWindow  *self,
                                                       const char   *message,
                                                       gboolean      can_undo);
void                 eligo_window_dismiss_toast       (EligoWindow  *self);

/* eligo-window-import.c */
void                 _eligo_window_class_import_init  (EligoWindowClass *klass);
void                 _eligo_window_import_init        (EligoWindow  *self);
void                 _eligo_window_import_dispose     (EligoWindow  *self);

/* For the tests */
GtkColumnView       *_eligo_window_get_column_view    (EligoWindow  *self);
GtkColumnViewColumn *_eligo_window_get_column         (EligoWindow  *self,
                                                       const char   *id);
EligoTrialList      *_eligo_window_get_trial_list     (EligoWindow  *self);
const char          *_eligo_window_get_subtitle       (EligoWindow  *self);
const char          *_eligo_window_get_state          (EligoWindow  *self);
gboolean             _eligo_window_is_empty_shown     (EligoWindow  *self);
GtkSearchEntry      *_eligo_window_get_search_entry   (EligoWindow  *self);
EligoFilterPopover  *_eligo_window_get_filter_popover (EligoWindow  *self);
GtkWidget           *_eligo_window_get_trial_page     (EligoWindow  *self);
gboolean             _eligo_window_is_page_visible    (EligoWindow  *self);
gboolean             _eligo_window_is_narrow          (EligoWindow  *self);
gboolean             _eligo_window_is_list_visible    (EligoWindow  *self);
const char          *_eligo_window_get_banner_text    (EligoWindow  *self);
gboolean             _eligo_window_is_importing       (EligoWindow  *self);
const char          *_eligo_window_get_toast_text     (EligoWindow  *self);
GtkWidget           *_eligo_window_get_details_window (EligoWindow  *self);
void                 _eligo_window_save_state         (EligoWindow  *self);

/* eligo-window-tools.c */
void                 _eligo_window_class_tools_init    (EligoWindowClass *klass);
void                 _eligo_window_tools_update        (EligoWindow      *self,
                                                        guint             n_selected);

/* eligo-window-registry.c */
void                 _eligo_window_class_registry_init (EligoWindowClass *klass);
void                 _eligo_window_registry_init       (EligoWindow      *self);

G_END_DECLS
