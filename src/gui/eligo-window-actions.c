/* eligo-window-actions.c
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
#include "eligo-import-job.h"
#include "eligo-trial.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

/*
 * The actions of the main window on its trials: delete and archive with
 * undo in a toast, select all, the context menu, search, filters and
 * narrow-window navigation; and the setting up of every action. The file
 * actions (import and its banner) are in eligo-window-import.c, the tools
 * in eligo-window-tools.c and the registry ones in eligo-window-registry.c.
 */

/* Past this many selected rows, the menus stop looking at each one. */
#define MAX_INSPECT 100

/* Toast and undo */

static void
eligo_window_clear_undo (EligoWindow *self)
{
  g_assert (ELIGO_IS_WINDOW (self));

  self->undo_kind = ELIGO_UNDO_NONE;
  g_clear_pointer (&self->undo_trials, g_ptr_array_unref);
  g_clear_pointer (&self->undo_ids, g_array_unref);
}

/**
 * eligo_window_dismiss_toast:
 *
 * Hides the toast; what it offered to undo can no longer be undone.
 */
void
eligo_window_dismiss_toast (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  g_clear_handle_id (&self->toast_source, g_source_remove);
  eligo_window_clear_undo (self);

  if (self->toast_revealer != NULL)
    gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);

  _eligo_window_update_actions (self);
}

static gboolean
toast_timeout_cb (gpointer data)
{
  EligoWindow *self = data;

  self->toast_source = 0;
  eligo_window_dismiss_toast (self);

  return G_SOURCE_REMOVE;
}

/**
 * _eligo_window_show_toast:
 * @message: what happened
 * @can_undo: whether to offer to undo it (the undo state is already set)
 *
 * Shows @message at the bottom of the window for a few seconds.
 */
void
_eligo_window_show_toast (EligoWindow *self,
                          const char  *message,
                          gboolean     can_undo)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  g_clear_handle_id (&self->toast_source, g_source_remove);

  gtk_label_set_label (self->toast_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->toast_undo_button), can_undo);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  self->toast_source = g_timeout_add_seconds (ELIGO_WINDOW_UNDO_SECONDS, toast_timeout_cb, self);

  _eligo_window_update_actions (self);
}

static void
eligo_window_undo_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (self->undo_kind)
    {
    case ELIGO_UNDO_DELETE:
      ok = eligo_database_restore_trials (self->database, self->undo_trials, &error);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; ok && i < self->undo_trials->len; i++)
        {
          gint64 id = eligo_trial_get_id (g_ptr_array_index (self->undo_trials, i));

          g_array_append_val (ids, id);
        }
      break;

    case ELIGO_UNDO_ARCHIVE:
    case ELIGO_UNDO_UNARCHIVE:
      ok = eligo_database_set_archived (self->database,
                                        (const gint64 *) self->undo_ids->data,
                                        self->undo_ids->len,
                                        self->undo_kind == ELIGO_UNDO_UNARCHIVE,
                                        &error);
      ids = g_array_ref (self->undo_ids);
      break;

    case ELIGO_UNDO_NONE:
    default:
      return;
    }

  eligo_window_clear_undo (self);

  if (!ok)
    {
      g_warning ("Could not undo: %s", error->message);
      _eligo_window_show_toast (self, _("Could not undo"), FALSE);
      return;
    }

  eligo_window_dismiss_toast (self);
  _eligo_window_reload (self, ids);
}

/* Delete and archive */

static void
eligo_window_delete_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  g_autoptr(GArray) ids = _eligo_window_dup_selected_ids (self);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;

  eligo_window_dismiss_toast (self);

  deleted = eligo_database_delete_trials (self->database,
                                          (const gint64 *) ids->data, ids->len,
                                          &error);
  if (deleted == NULL)
    {
      g_warning ("Could not delete trials: %s", error->message);
      _eligo_window_show_toast (self, _("The trials could not be deleted"), FALSE);
      return;
    }

  if (deleted->len == 1)
    /* Translators: %s is an NCT number, e.g. "NCT03754764 deleted" */
    message = g_strdup_printf (_("%s deleted"),
                               eligo_trial_get_nct_id (g_ptr_array_index (deleted, 0)));
  else
    message = g_strdup_printf (ngettext ("%u trial deleted", "%u trials deleted", deleted->len),
                               deleted->len);

  self->undo_kind = ELIGO_UNDO_DELETE;
  self->undo_trials = g_steal_pointer (&deleted);

  _eligo_window_reload (self, NULL);
  _eligo_window_show_toast (self, message, TRUE);
}

static void
eligo_window_set_archived (EligoWindow *self,
                           gboolean     archived)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *nct_id = NULL;
  GtkBitsetIter iter;
  guint position;

  g_assert (ELIGO_IS_WINDOW (self));

  /* Only the trials that change, so that undo brings back exactly those. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(EligoTrial) trial = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);
      gint64 id;

      if (trial == NULL || !eligo_trial_get_archived (trial) == !archived)
        continue;

      id = eligo_trial_get_id (trial);
      g_array_append_val (ids, id);
      nct_id = eligo_trial_get_nct_id (trial);
    }

  if (ids->len == 0)
    return;

  eligo_window_dismiss_toast (self);

  if (!eligo_database_set_archived (self->database, (const gint64 *) ids->data, ids->len,
                                    archived, &error))
    {
      g_warning ("Could not archive trials: %s", error->message);
      _eligo_window_show_toast (self, _("The trials could not be archived"), FALSE);
      return;
    }

  if (ids->len == 1 && archived)
    /* Translators: %s is an NCT number */
    message = g_strdup_printf (_("%s archived"), nct_id);
  else if (ids->len == 1)
    /* Translators: %s is an NCT number */
    message = g_strdup_printf (_("%s unarchived"), nct_id);
  else if (archived)
    message = g_strdup_printf (ngettext ("%u trial archived", "%u trials archived", ids->len),
                               ids->len);
  else
    message = g_strdup_printf (ngettext ("%u trial unarchived", "%u trials unarchived",
                                         ids->len),
                               ids->len);

  self->undo_kind = archived ? ELIGO_UNDO_ARCHIVE : ELIGO_UNDO_UNARCHIVE;
  self->undo_ids = g_array_ref (ids);

  /* Archived trials stay in the list when it shows them: keep them selected. */
  _eligo_window_reload (self, self->show_archived ? ids : NULL);
  _eligo_window_show_toast (self, message, TRUE);
}

static void
eligo_window_archive_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  eligo_window_set_archived (ELIGO_WINDOW (widget), TRUE);
}

static void
eligo_window_unarchive_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  eligo_window_set_archived (ELIGO_WINDOW (widget), FALSE);
}

static void
eligo_window_select_all_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

/* Context menu */

/* The row widget of the column view at (@x, @y), if any. */
static GtkWidget *
eligo_window_pick_row (EligoWindow *self,
                       double       x,
                       double       y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != GTK_WIDGET (self->column_view);
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (GTK_IS_LIST_VIEW (parent) && g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
        return widget;
    }

  return NULL;
}

static void
eligo_window_popup_context_menu (EligoWindow *self,
                                 double       x,
                                 double       y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  g_assert (ELIGO_IS_WINDOW (self));

  _eligo_window_update_actions (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_column_view_secondary_click_cb (EligoWindow     *self,
                                   int              n_press,
                                   double           x,
                                   double           y,
                                   GtkGestureClick *gesture)
{
  GtkWidget *row;

  g_assert (ELIGO_IS_WINDOW (self));

  /* A right click on a row that is not selected acts on that row alone, as a click would. */
  row = eligo_window_pick_row (self, x, y);
  if (row != NULL && !(gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED))
    gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE);

  eligo_window_popup_context_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Menu or Shift+F10: the context menu of the focused row. */
static void
eligo_window_context_menu_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  graphene_rect_t bounds;
  double x = 24;
  double y = 24;

  if (focus != NULL
      && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view))
      && gtk_widget_compute_bounds (focus, GTK_WIDGET (self->column_view), &bounds))
    {
      x = bounds.origin.x + 24;
      y = bounds.origin.y + bounds.size.height / 2;
    }

  eligo_window_popup_context_menu (self, x, y);
}

/* Search, filters and navigation */

static void
eligo_window_search_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  _eligo_window_show_page (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
eligo_window_clear_filters_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  EligoWindow *self = ELIGO_WINDOW (widget);

  g_object_set (self, "recruiting-only", FALSE, NULL);
  eligo_filter_popover_clear (self->filter_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  /* Not after the search delay: now. */
  _eligo_window_update_query (self);
}

static void
eligo_window_go_back_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  _eligo_window_show_page (ELIGO_WINDOW (widget), FALSE);
}

/**
 * _eligo_window_update_actions:
 *
 * Enables the actions that make sense for the selection, the import and
 * the undo state.
 */
void
_eligo_window_update_actions (EligoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkBitset) selected = NULL;
  gboolean any_archived = FALSE;
  gboolean any_listed = FALSE;
  guint64 n_selected;
  gboolean importing;

  g_return_if_fail (ELIGO_IS_WINDOW (self));

  if (self->selection == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n_selected = gtk_bitset_get_size (selected);

  if (n_selected > MAX_INSPECT)
    {
      any_archived = self->show_archived;
      any_listed = TRUE;
    }
  else if (n_selected > 0)
    {
      GtkBitsetIter iter;
      guint position;

      for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
           ok;
           ok = gtk_bitset_iter_next (&iter, &position))
        {
          g_autoptr(EligoTrial) trial = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                               position);

          if (trial == NULL)
            continue;

          if (eligo_trial_get_archived (trial))
            any_archived = TRUE;
          else
            any_listed = TRUE;
        }
    }

  importing = self->import_cancellable != NULL;

  gtk_widget_action_set_enabled (widget, "win.delete", n_selected > 0);
  _eligo_window_tools_update (self, n_selected);
  gtk_widget_action_set_enabled (widget, "win.archive", any_listed);
  gtk_widget_action_set_enabled (widget, "win.unarchive", any_archived);
  gtk_widget_action_set_enabled (widget, "win.undo", self->undo_kind != ELIGO_UNDO_NONE);
  gtk_widget_action_set_enabled (widget, "win.select-all",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0);
  gtk_widget_action_set_enabled (widget, "win.import-cancel", importing);
  gtk_widget_action_set_enabled (widget, "win.import-dismiss", !importing);
  gtk_widget_action_set_enabled (widget, "win.import-details",
                                 !importing && self->import_job != NULL
                                 && eligo_import_job_get_rejected (self->import_job)->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->trial_menu_button), n_selected > 0);
}

void
_eligo_window_class_actions_init (EligoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _eligo_window_class_import_init (klass);

  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   eligo_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL,
                                   eligo_window_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL,
                                   eligo_window_go_back_action);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL,
                                   eligo_window_select_all_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL,
                                   eligo_window_delete_action);
  gtk_widget_class_install_action (widget_class, "win.archive", NULL,
                                   eligo_window_archive_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive", NULL,
                                   eligo_window_unarchive_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL,
                                   eligo_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.context-menu", NULL,
                                   eligo_window_context_menu_action);
  gtk_widget_class_install_property_action (widget_class, "win.recruiting-only",
                                            "recruiting-only");
  gtk_widget_class_install_property_action (widget_class, "win.show-archived",
                                            "show-archived");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.recruiting-only", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "win.show-archived", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.go-back", NULL);

  _eligo_window_class_tools_init (klass);
  _eligo_window_class_registry_init (klass);

  gtk_widget_class_bind_template_callback (widget_class, eligo_window_dismiss_toast);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_secondary_click_cb);
}

void
_eligo_window_actions_init (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  self->context_menu = gtk_popover_menu_new_from_model (self->trial_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self->column_view));

  _eligo_window_import_init (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

void
_eligo_window_actions_dispose (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  g_clear_handle_id (&self->toast_source, g_source_remove);
  eligo_window_clear_undo (self);

  _eligo_window_import_dispose (self);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}

/* For the tests */

const char *
_eligo_window_get_toast_text (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->toast_revealer))
    return NULL;

  return gtk_label_get_label (self->toast_label);
}
