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
#include "eligo-format.h"
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
 * columns and the sort order in eligo-window-columns.c.
 *
 * The list is an EligoTrialList: SQLite searches, filters and sorts, the
 * column view only shows the rows. GTK 4.8 has no breakpoints, so the
 * window watches its own allocation to put the trial page beside the list
 * or, when narrow, instead of it.
 */

/* Restoring a selection after the query changed looks up each selected row;
 * past this many, the selection is simply dropped. */
#define MAX_RESELECT 1000

static void eligo_window_update_page (EligoWindow *self);

G_DEFINE_FINAL_TYPE (EligoWindow, eligo_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_RECRUITING_ONLY,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list view inside the column view: it has the scroll-to-item action. */
static GtkWidget *
eligo_window_get_list_view (EligoWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

static gboolean
eligo_window_filters_active (EligoWindow *self)
{
  const EligoTrialQuery *query;

  g_assert (ELIGO_IS_WINDOW (self));

  if (self->trials == NULL)
    return FALSE;

  query = eligo_trial_list_get_query (self->trials);

  return query->search != NULL
         || query->statuses != NULL
         || query->phases != NULL
         || query->study_type != NULL
         || query->sex != NULL
         || query->patient_age >= 0;
}

/* Counts the trials a query without search or filters would list. */
static void
eligo_window_update_totals (EligoWindow *self)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GError) error = NULL;

  g_assert (ELIGO_IS_WINDOW (self));

  if (self->database == NULL)
    return;

  query->include_archived = TRUE;
  self->n_all = eligo_database_count_trials (self->database, query, &error);
  if (error != NULL)
    {
      g_warning ("Could not count the trials: %s", error->message);
      g_clear_error (&error);
    }

  query->include_archived = self->show_archived;
  self->n_total = self->show_archived
                  ? self->n_all
                  : eligo_database_count_trials (self->database, query, &error);
  if (error != NULL)
    g_warning ("Could not count the trials: %s", error->message);
}

/* The count in the header bar, the page of the stack and the filter button. */
static void
eligo_window_update_state (EligoWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *filter_label = NULL;
  const char *page;
  guint n_items = 0;
  guint n_filters;

  g_assert (ELIGO_IS_WINDOW (self));

  if (self->trials != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->trials));

  if (eligo_window_filters_active (self))
    /* Translators: shown under the window title, e.g. "23 of 772 trials":
     * the first %u is how many trials match the search and filters, the
     * second how many there are; the plural follows the second. */
    subtitle = g_strdup_printf (ngettext ("%u of %u trial", "%u of %u trials", self->n_total),
                                n_items, self->n_total);
  else
    subtitle = eligo_format_trial_count (n_items);
  gtk_label_set_label (self->subtitle_label, subtitle);

  if (self->n_all == 0 && n_items == 0)
    page = "empty";
  else if (n_items == 0)
    page = "no-results";
  else
    page = "trials";
  gtk_stack_set_visible_child_name (self->stack, page);
  /* Nothing to search in an empty library. */
  gtk_widget_set_visible (self->search_box, self->n_all > 0 || n_items > 0);

  n_filters = eligo_filter_popover_get_n_active (self->filter_popover);
  if (n_filters > 0)
    {
      /* Translators: the filter button when filters are set; %u is how many */
      filter_label = g_strdup_printf (_("_Filters (%u)"), n_filters);
      gtk_menu_button_set_label (self->filter_button, filter_label);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
    }
  else
    {
      gtk_menu_button_set_label (self->filter_button, _("_Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
    }

  _eligo_window_update_actions (self);
}

static void
eligo_window_scroll_to (EligoWindow *self,
                        guint        position)
{
  GtkWidget *list_view = eligo_window_get_list_view (self);

  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* Selects the rows with these ids, where the current query lists them. */
gboolean
_eligo_window_select_ids (EligoWindow *self,
                          GArray      *select_ids)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  g_assert (ELIGO_IS_WINDOW (self));

  if (select_ids == NULL || select_ids->len == 0 || select_ids->len > MAX_RESELECT)
    return FALSE;

  ids = eligo_database_query_ids (self->database, eligo_trial_list_get_query (self->trials),
                                  &error);
  if (ids == NULL)
    {
      g_debug ("Could not find the selected trials again: %s", error->message);
      return FALSE;
    }

  wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < select_ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (select_ids, gint64, i));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->trials));
  selected = gtk_bitset_new_empty ();
  for (guint i = 0; i < ids->len && i < n_items; i++)
    {
      if (g_hash_table_contains (wanted, &g_array_index (ids, gint64, i)))
        gtk_bitset_add (selected, i);
    }

  if (gtk_bitset_is_empty (selected))
    return FALSE;

  mask = gtk_bitset_new_range (0, n_items);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
  eligo_window_scroll_to (self, gtk_bitset_get_minimum (selected));

  return TRUE;
}

/**
 * _eligo_window_dup_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the row ids of the selected
 *   trials, in list order
 */
GArray *
_eligo_window_dup_selected_ids (EligoWindow *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (ELIGO_IS_WINDOW (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(EligoTrial) trial = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);
      gint64 id;

      if (trial == NULL)
        continue;

      id = eligo_trial_get_id (trial);
      g_array_append_val (ids, id);
    }

  return ids;
}

/**
 * _eligo_window_reload:
 * @select_ids: (nullable) (element-type gint64): rows to select afterwards
 *
 * Runs the query again after the database changed (import, delete,
 * archive), counts the trials again, and selects @select_ids where they
 * are still listed; if none is, the row that took the place of the first
 * selected one.
 */
void
_eligo_window_reload (EligoWindow *self,
                      GArray      *select_ids)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GError) error = NULL;
  guint first = GTK_INVALID_LIST_POSITION;
  guint n_items;

  g_return_if_fail (ELIGO_IS_WINDOW (self));

  if (self->trials == NULL)
    return;

  /* What is read now needs no second reload when the watch notices it. */
  _eligo_window_watch_sync (self);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (!gtk_bitset_is_empty (selected))
    first = gtk_bitset_get_minimum (selected);

  eligo_window_update_totals (self);
  if (!eligo_trial_list_reload (self->trials, &error))
    g_warning ("Could not list the trials: %s", error->message);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->trials));
  if (!_eligo_window_select_ids (self, select_ids)
      && first != GTK_INVALID_LIST_POSITION && n_items > 0
      && (select_ids == NULL || select_ids->len == 0))
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                       MIN (first, n_items - 1), TRUE);
      eligo_window_scroll_to (self, MIN (first, n_items - 1));
    }

  /* A selection that went with its rows changes no selection signal. */
  eligo_window_update_page (self);
  eligo_window_update_state (self);
}

/* Runs the query of the trial list again with the search, filters and sort of the window. */
void
_eligo_window_update_query (EligoWindow *self)
{
  g_autoptr(EligoTrialQuery) query = NULL;
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  const EligoTrialQuery *current;

  g_return_if_fail (ELIGO_IS_WINDOW (self));

  if (self->trials == NULL)
    return;

  current = eligo_trial_list_get_query (self->trials);
  query = eligo_trial_query_copy (current);

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_free (query->search);
  query->search = search[0] != '\0' ? g_steal_pointer (&search) : NULL;

  eligo_filter_popover_apply (self->filter_popover, query);
  if (self->recruiting_only)
    {
      g_strfreev (query->statuses);
      query->statuses = g_new0 (char *, 2);
      query->statuses[0] = g_strdup ("RECRUITING");
    }
  query->include_archived = self->show_archived;

  if (eligo_trial_query_equal (query, current))
    {
      eligo_window_update_state (self);
      return;
    }

  selected = _eligo_window_dup_selected_ids (self);

  if (current->include_archived != query->include_archived)
    eligo_window_update_totals (self);

  if (!eligo_trial_list_set_query (self->trials, query, &error))
    g_warning ("Could not search the trials: %s", error->message);

  _eligo_window_select_ids (self, selected);
  eligo_window_update_state (self);
}

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

/* Wide: list and page side by side. Narrow: one of them, with a back button on the page. */
static void
eligo_window_apply_layout (EligoWindow *self)
{
  gboolean list_visible;
  gboolean page_visible;

  g_assert (ELIGO_IS_WINDOW (self));

  list_visible = !self->narrow || !self->page_shown;
  page_visible = !self->narrow || self->page_shown;

  gtk_widget_set_visible (self->list_pane, list_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->page_stack), page_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->narrow && self->page_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 self->narrow && self->page_shown);

  if (self->narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
}

static void
eligo_window_set_narrow (EligoWindow *self,
                         gboolean     narrow)
{
  g_assert (ELIGO_IS_WINDOW (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;
  eligo_window_apply_layout (self);
}

static gboolean
eligo_window_adapt_cb (gpointer data)
{
  EligoWindow *self = data;
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (self));

  self->adapt_source = 0;

  if (content != NULL && gtk_widget_get_width (content) > 0)
    eligo_window_set_narrow (self, gtk_widget_get_width (content) < ELIGO_WINDOW_WIDE_WIDTH);

  return G_SOURCE_REMOVE;
}

/**
 * _eligo_window_show_page:
 * @shown: whether the trial page replaces the list (narrow windows)
 *
 * In a narrow window, shows the trial page instead of the list, or the
 * list again. A wide window shows both anyway.
 */
void
_eligo_window_show_page (EligoWindow *self,
                         gboolean     shown)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  shown = !!shown;
  if (self->page_shown == shown)
    return;

  self->page_shown = shown;
  eligo_window_apply_layout (self);

  if (!self->narrow)
    return;

  /* Not into the page: focusing its first selectable label would select its text. */
  if (shown)
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static EligoTrial *
eligo_window_dup_single_selected (EligoWindow *self,
                                  guint       *n_selected)
{
  g_autoptr(GtkBitset) selected = NULL;
  guint64 size;

  g_assert (ELIGO_IS_WINDOW (self));

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  size = gtk_bitset_get_size (selected);
  *n_selected = (guint) MIN (size, G_MAXUINT);

  if (size != 1)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
}

static void
eligo_window_update_page (EligoWindow *self)
{
  g_autoptr(EligoTrial) trial = NULL;
  EligoTrial *shown;
  guint n_selected;

  g_assert (ELIGO_IS_WINDOW (self));

  trial = eligo_window_dup_single_selected (self, &n_selected);

  if (trial == NULL)
    {
      g_autofree char *title = NULL;

      if (n_selected > 1)
        {
          /* Translators: shown instead of a trial page; %u is at least 2 */
          title = g_strdup_printf (ngettext ("%u Trial Selected", "%u Trials Selected",
                                             n_selected),
                                   n_selected);
          gtk_label_set_label (self->placeholder_title, title);
          gtk_label_set_label (self->placeholder_description,
                               _("Archive or delete them from the menu, or select one to read it"));
        }
      else
        {
          gtk_label_set_label (self->placeholder_title, _("No Trial Selected"));
          gtk_label_set_label (self->placeholder_description,
                               _("Select a trial in the list to read it in full"));
        }

      gtk_stack_set_visible_child_name (self->page_stack, "placeholder");
      return;
    }

  shown = eligo_trial_page_get_trial (ELIGO_TRIAL_PAGE (self->trial_page));
  if (shown != trial && !_eligo_window_watch_keeps_page (self, shown, trial))
    {
      eligo_trial_page_set_trial (ELIGO_TRIAL_PAGE (self->trial_page), self->database, trial);
      _eligo_window_watch_page_shown (self, trial);
    }

  gtk_stack_set_visible_child_name (self->page_stack, "page");
}

static void
on_trials_items_changed_cb (EligoWindow *self,
                            guint        position,
                            guint        removed,
                            guint        added,
                            GListModel  *model)
{
  g_assert (ELIGO_IS_WINDOW (self));

  eligo_window_update_state (self);
}

static void
on_selection_changed_cb (EligoWindow       *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  g_assert (ELIGO_IS_WINDOW (self));

  eligo_window_update_page (self);
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
  eligo_window_scroll_to (self, 0);
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
    self->adapt_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, eligo_window_adapt_cb, self, NULL);
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
      eligo_window_update_totals (self);
      _eligo_window_update_query (self);
      _eligo_window_watch_init (self);
    }

  /* The application is set after construction. */
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), NULL);

  eligo_window_update_state (self);
  eligo_window_update_page (self);
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
  eligo_window_apply_layout (self);

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
