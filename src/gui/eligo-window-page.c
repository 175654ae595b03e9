/* eligo-window-page.c
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

#include "eligo-trial.h"
#include "eligo-trial-page.h"
#include "eligo-window-private.h"

/*
 * The trial page of the main window: beside the list when the window is
 * wide, instead of it when narrow (GTK 4.8 has no breakpoints, so
 * eligo-window.c watches the allocation and calls
 * _eligo_window_adapt_cb()), and what it shows for the selection: the
 * one selected trial, or a placeholder.
 */

/* Wide: list and page side by side. Narrow: one of them, with a back button on the page. */
void
_eligo_window_apply_layout (EligoWindow *self)
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
  _eligo_window_apply_layout (self);
}

gboolean
_eligo_window_adapt_cb (gpointer data)
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
  _eligo_window_apply_layout (self);

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

void
_eligo_window_update_page (EligoWindow *self)
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
