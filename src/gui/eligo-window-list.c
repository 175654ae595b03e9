/* eligo-window-list.c
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

#include "eligo-filter-popover.h"
#include "eligo-format.h"
#include "eligo-trial.h"
#include "eligo-trial-list.h"
#include "eligo-window-private.h"

/*
 * The trial list of the main window: the query its search, filters,
 * "recruiting only" and "show archived" make, the counts in the header
 * bar and the page of the stack they give, and the selection, kept
 * across a new query or a reload after the database changed.
 */

/* Restoring a selection after the query changed looks up each selected row;
 * past this many, the selection is simply dropped. */
#define MAX_RESELECT 1000

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
void
_eligo_window_update_totals (EligoWindow *self)
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
void
_eligo_window_update_state (EligoWindow *self)
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

void
_eligo_window_scroll_to (EligoWindow *self,
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
  _eligo_window_scroll_to (self, gtk_bitset_get_minimum (selected));

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

  _eligo_window_update_totals (self);
  if (!eligo_trial_list_reload (self->trials, &error))
    g_warning ("Could not list the trials: %s", error->message);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->trials));
  if (!_eligo_window_select_ids (self, select_ids)
      && first != GTK_INVALID_LIST_POSITION && n_items > 0
      && (select_ids == NULL || select_ids->len == 0))
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                       MIN (first, n_items - 1), TRUE);
      _eligo_window_scroll_to (self, MIN (first, n_items - 1));
    }

  /* A selection that went with its rows changes no selection signal. */
  _eligo_window_update_page (self);
  _eligo_window_update_state (self);
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
      _eligo_window_update_state (self);
      return;
    }

  selected = _eligo_window_dup_selected_ids (self);

  if (current->include_archived != query->include_archived)
    _eligo_window_update_totals (self);

  if (!eligo_trial_list_set_query (self->trials, query, &error))
    g_warning ("Could not search the trials: %s", error->message);

  _eligo_window_select_ids (self, selected);
  _eligo_window_update_state (self);
}
