/* eligo-window.c
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

#define G_LOG_DOMAIN "eligo-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-application.h"
#include "eligo-filter-popover.h"
#include "eligo-screening-dialog.h"
#include "eligo-trial.h"
#include "eligo-trial-list.h"
#include "eligo-trial-page.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

/*
 * The main window: the trial list with its search and filters, and the
 * trial page beside it (wide windows) or instead of it (narrow ones).
 * Actions, import, delete and archive are in eligo-window-actions.c; the
 * columns and the sort order in eligo-window-columns.c; the query, the
 * counts and the selection of the list in eligo-window-list.c; the trial
 * page and the wide or narrow layout in eligo-window-page.c. This file has
 * the type, its properties, the template and its callbacks, and the state
 * saved in GSettings.
 *
 * The list is an EligoTrialList: SQLite searches, filters and sorts, the
 * column view only shows the rows. GTK 4.8 has no breakpoints, so the
 * window watches its own allocation to put the trial page beside the list
 * or, when narrow, instead of it.
 */

G_DEFINE_FINAL_TYPE (EligoWindow, eligo_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_RECRUITING_ONLY,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
eligo_window_set_database (EligoWindow   *self,
                           EligoDatabase *database)
{
  g_assert (ELIGO_IS_WINDOW (self));
  g_assert (self->database == NULL);

  if (database == NULL)
    return;

  self->database = g_object_ref (database);
  self->trials = eligo_trial_list_new (database);
}

static void
eligo_window_set_recruiting_only (EligoWindow *self,
                                  gboolean     recruiting_only)
{
  g_assert (ELIGO_IS_WINDOW (self));

  recruiting_only = !!recruiting_only;
  if (self->recruiting_only == recruiting_only)
    return;

  self->recruiting_only = recruiting_only;
  eligo_filter_popover_set_statuses_locked (self->filter_popover, recruiting_only);
  _eligo_window_update_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECRUITING_ONLY]);
}

static void
eligo_window_set_show_archived (EligoWindow *self,
                                gboolean     show_archived)
{
  g_assert (ELIGO_IS_WINDOW (self));

  show_archived = !!show_archived;
  if (self->show_archived == show_archived)
    return;

  self->show_archived = show_archived;
  _eligo_window_update_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}


static void
on_trials_items_changed_cb (EligoWindow *self,
                            guint        position,
                            guint        removed,
                            guint        added,
                            GListModel  *model)
{
  g_assert (ELIGO_IS_WINDOW (self));

  _eligo_window_update_state (self);
}

static void
on_selection_changed_cb (EligoWindow       *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  g_assert (ELIGO_IS_WINDOW (self));

  _eligo_window_update_page (self);
  _eligo_window_update_actions (self);
}

/* Enter or a double click on a row: read the trial. */
static void
on_column_view_activate_cb (EligoWindow   *self,
                            guint          position,
                            GtkColumnView *column_view)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);

  g_assert (ELIGO_IS_WINDOW (self));

  if (!gtk_selection_model_is_selected (selection, position))
    gtk_selection_model_select_item (selection, position, TRUE);

  /* A wide window shows the page already. */
  if (self->narrow)
    _eligo_window_show_page (self, TRUE);
}

static void
on_search_changed_cb (EligoWindow    *self,
                      GtkSearchEntry *entry)
{
  g_assert (ELIGO_IS_WINDOW (self));

  _eligo_window_update_query (self);
}

/* Escape clears the search, or, when it is empty, goes back to the list. */
static void
on_search_stop_cb (EligoWindow    *self,
                   GtkSearchEntry *entry)
{
  g_assert (ELIGO_IS_WINDOW (self));

  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Enter in the search entry: select the first match and go to the list. */
static void
on_search_activate_cb (EligoWindow    *self,
                       GtkSearchEntry *entry)
{
  g_assert (ELIGO_IS_WINDOW (self));

  /* Do not wait for the delay: the user wants the result now. */
  _eligo_window_update_query (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  _eligo_window_scroll_to (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_filters_changed_cb (EligoWindow        *self,
                       EligoFilterPopover *popover)
{
  g_assert (ELIGO_IS_WINDOW (self));

  _eligo_window_update_query (self);
}

static void
eligo_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  GtkWidget *content;

  GTK_WIDGET_CLASS (eligo_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* GTK 4.8 has no breakpoints: adapt once this allocation is done. */
  content = gtk_window_get_child (GTK_WINDOW (self));
  if (content != NULL
      && (gtk_widget_get_width (content) < ELIGO_WINDOW_WIDE_WIDTH) != self->narrow
      && self->adapt_source == 0)
    self->adapt_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, _eligo_window_adapt_cb, self, NULL);
}

static gboolean
eligo_window_close_request (GtkWindow *window)
{
  EligoWindow *self = ELIGO_WINDOW (window);
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  gboolean asking = FALSE;

  /* The screening dialogs die with this window: one with an unsaved
   * screening asks its own close question first, and this window stays
   * open, so that Cancel keeps everything.
   */
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (!ELIGO_IS_SCREENING_DIALOG (l->data)
          || gtk_window_get_transient_for (l->data) != window
          || !eligo_screening_dialog_has_unsaved_changes (l->data))
        continue;
      gtk_window_close (l->data);
      asking = TRUE;
    }
  if (asking)
    return TRUE;

  _eligo_window_save_state (self);

  return GTK_WINDOW_CLASS (eligo_window_parent_class)->close_request (window);
}

/* Shows the criteria the application reads again in the background. */
static void
on_application_changed_cb (EligoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  eligo_rederive_bar_set_job (self->rederive_bar,
                              ELIGO_IS_APPLICATION (app)
                              ? eligo_application_get_rederive_job (ELIGO_APPLICATION (app))
                              : NULL);
}

static void
eligo_window_constructed (GObject *object)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  G_OBJECT_CLASS (eligo_window_parent_class)->constructed (object);

  _eligo_window_restore_columns (self);

  g_settings_bind (self->settings, "recruiting-only", self, "recruiting-only",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-archived", self, "show-archived",
                   G_SETTINGS_BIND_DEFAULT);

  if (self->trials != NULL)
    {
      gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->trials));
      g_signal_connect_object (self->trials,
                               "items-changed",
                               G_CALLBACK (on_trials_items_changed_cb),
                               self,
                               G_CONNECT_SWAPPED);
      _eligo_window_restore_sort (self);
      _eligo_window_update_totals (self);
      _eligo_window_update_query (self);
      _eligo_window_watch_init (self);
    }

  /* The application is set after construction. */
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), NULL);

  _eligo_window_update_state (self);
  _eligo_window_update_page (self);
}

static void
eligo_window_dispose (GObject *object)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  _eligo_window_actions_dispose (self);
  _eligo_window_watch_dispose (self);

  g_clear_handle_id (&self->adapt_source, g_source_remove);

  _eligo_window_columns_dispose (self);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_clear_object (&self->trials);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eligo_window_parent_class)->dispose (object);
}

static void
eligo_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_RECRUITING_ONLY:
      g_value_set_boolean (value, self->recruiting_only);
      break;

    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      eligo_window_set_database (self, g_value_get_object (value));
      break;

    case PROP_RECRUITING_ONLY:
      eligo_window_set_recruiting_only (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_ARCHIVED:
      eligo_window_set_show_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_window_class_init (EligoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = eligo_window_constructed;
  object_class->dispose = eligo_window_dispose;
  object_class->get_property = eligo_window_get_property;
  object_class->set_property = eligo_window_set_property;

  widget_class->size_allocate = eligo_window_size_allocate;

  window_class->close_request = eligo_window_close_request;

  /**
   * EligoWindow:database:
   *
   * The trial database the window shows.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ELIGO_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * EligoWindow:recruiting-only:
   *
   * Whether the list shows recruiting trials only (the "recruiting-only" setting).
   */
  properties[PROP_RECRUITING_ONLY] =
    g_param_spec_boolean ("recruiting-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EligoWindow:show-archived:
   *
   * Whether the list shows archived trials too (the "show-archived" setting).
   */
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               ELIGO_RESOURCE_BASE "/ui/eligo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, trial_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, search_box);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, recruiting_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, import_details_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, import_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, import_close_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, rederive_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, placeholder_title);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, placeholder_description);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, page_box);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, toast_undo_button);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, view_section);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, columns_menu);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, trial_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);

  _eligo_window_class_columns_init (klass);
  _eligo_window_class_actions_init (klass);

  g_type_ensure (ELIGO_TYPE_TRIAL);
  g_type_ensure (ELIGO_TYPE_FILTER_POPOVER);
  g_type_ensure (ELIGO_TYPE_REDERIVE_BAR);
}

static void
eligo_window_init (EligoWindow *self)
{
  int width;
  int height;
  int position;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (ELIGO_ID);

  self->trial_page = eligo_trial_page_new ();
  gtk_widget_set_hexpand (self->trial_page, TRUE);
  gtk_widget_set_vexpand (self->trial_page, TRUE);
  gtk_box_append (GTK_BOX (self->page_box), self->trial_page);

  _eligo_window_columns_init (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Half and half, unless the user moved the divider. */
  position = g_settings_get_int (self->settings, "list-width");
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (position <= 0 && width > 0)
    position = width / 2;
  if (position > 0)
    gtk_paned_set_position (self->paned, position);

  /* Until the first allocation says otherwise. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  self->narrow = width > 0 && width < ELIGO_WINDOW_WIDE_WIDTH
                 && !g_settings_get_boolean (self->settings, "window-maximized");
  _eligo_window_apply_layout (self);

  _eligo_window_actions_init (self);
  _eligo_window_registry_init (self);
}

/**
 * eligo_window_new:
 * @application: (nullable): the application
 * @database: the trial database to show
 *
 * Returns: (transfer none): a new main window
 */
EligoWindow *
eligo_window_new (GtkApplication *application,
                  EligoDatabase  *database)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  return g_object_new (ELIGO_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

EligoDatabase *
eligo_window_get_database (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->database;
}

GtkColumnView *
_eligo_window_get_column_view (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->column_view;
}

EligoTrialList *
_eligo_window_get_trial_list (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->trials;
}

const char *
_eligo_window_get_subtitle (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

/* "trials", "empty" or "no-results" */
const char *
_eligo_window_get_state (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
_eligo_window_is_empty_shown (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

GtkSearchEntry *
_eligo_window_get_search_entry (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->search_entry;
}

EligoFilterPopover *
_eligo_window_get_filter_popover (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->filter_popover;
}

GtkWidget *
_eligo_window_get_trial_page (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->trial_page;
}

/* Whether the trial page (not its placeholder) is on screen. */
gboolean
_eligo_window_is_page_visible (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->page_stack))
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "page") == 0;
}

/* Whether the window has taken its narrow layout (list or page, not both):
 * decided once an allocation is done, so a little after it is mapped. */
gboolean
_eligo_window_is_narrow (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), FALSE);

  return self->narrow;
}

gboolean
_eligo_window_is_list_visible (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->list_pane);
}

/* Remembers the window size and the columns; the sort order is saved as it changes. */
void
_eligo_window_save_state (EligoWindow *self)
{
  int width;
  int height;

  g_return_if_fail (ELIGO_IS_WINDOW (self));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  if (!self->narrow && gtk_paned_get_position (self->paned) > 0)
    g_settings_set_int (self->settings, "list-width", gtk_paned_get_position (self->paned));

  _eligo_window_save_columns (self);

  g_settings_apply (self->settings);
}
