/* eligo-window-watch.c
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

#include "eligo-criterion.h"
#include "eligo-database-watch.h"
#include "eligo-trial.h"
#include "eligo-window-private.h"

/*
 * Trials imported or removed by eligo-cli while the window is open: the
 * EligoDatabaseWatch notices that another connection committed, and the
 * list is read again with its search, filters and sort, the selected
 * trials selected again where they are still listed, and the page of the
 * trial being read left as it is unless that trial changed.
 */

/* What the trial page shows of the rules: eligo-cli curate changes them
 * without touching the trial. */
static char *
dup_rules_key (EligoWindow *self,
               EligoTrial  *trial)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  GString *key;

  g_assert (ELIGO_IS_WINDOW (self));

  criteria = eligo_database_get_criteria (self->database, trial, &error);
  if (criteria == NULL)
    {
      g_debug ("Could not read the criteria: %s", error->message);
      return NULL;
    }

  key = g_string_new (NULL);
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *rule = eligo_criterion_dup_rule_text (criterion);

      g_string_append_printf (key, "%s\x1f%d\x1f%d\x1f%s\x1f%s\x1e",
                              eligo_criterion_get_id (criterion),
                              eligo_criterion_get_origin (criterion),
                              eligo_criterion_get_partial (criterion),
                              rule != NULL ? rule : "",
                              eligo_criterion_get_curated_by (criterion) != NULL
                              ? eligo_criterion_get_curated_by (criterion) : "");
    }

  return g_string_free (key, FALSE);
}

static void
on_watch_changed_cb (EligoWindow        *self,
                     EligoDatabaseWatch *watch)
{
  g_autoptr(GArray) selected = NULL;

  g_assert (ELIGO_IS_WINDOW (self));

  /* The window's own import commits on a worker connection; the list is
   * read again once it is done (eligo-window-actions.c). */
  if (self->import_cancellable != NULL || self->trials == NULL)
    return;

  selected = _eligo_window_dup_selected_ids (self);
  self->keep_page = TRUE;
  _eligo_window_reload (self, selected);
  self->keep_page = FALSE;
}

static void
on_is_active_changed_cb (EligoWindow *self,
                         GParamSpec  *pspec,
                         GtkWindow   *window)
{
  g_assert (ELIGO_IS_WINDOW (self));

  if (self->watch == NULL)
    return;

  eligo_database_watch_set_polling (self->watch, gtk_window_is_active (window));
  /* Coming back to the window: what changed meanwhile shows at once. */
  if (gtk_window_is_active (window))
    eligo_database_watch_check (self->watch);
}

void
_eligo_window_watch_init (EligoWindow *self)
{
  g_assert (ELIGO_IS_WINDOW (self));
  g_assert (self->watch == NULL);

  if (self->database == NULL)
    return;

  self->watch = eligo_database_watch_new (self->database);
  g_signal_connect_object (self->watch, "changed",
                           G_CALLBACK (on_watch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), self);
  eligo_database_watch_set_polling (self->watch, gtk_window_is_active (GTK_WINDOW (self)));
}

void
_eligo_window_watch_dispose (EligoWindow *self)
{
  g_assert (ELIGO_IS_WINDOW (self));

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_pointer (&self->page_rules, g_free);
}

void
_eligo_window_watch_sync (EligoWindow *self)
{
  g_assert (ELIGO_IS_WINDOW (self));

  if (self->watch != NULL)
    eligo_database_watch_sync (self->watch);
}

/* Reloading after a change by another process: the trial being read keeps
 * its page, scrolled where the nurse left it, unless the trial or its rules
 * changed. */
gboolean
_eligo_window_watch_keeps_page (EligoWindow *self,
                                EligoTrial  *shown,
                                EligoTrial  *trial)
{
  g_autofree char *rules = NULL;

  g_assert (ELIGO_IS_WINDOW (self));

  if (!self->keep_page || shown == NULL || trial == NULL || self->page_rules == NULL)
    return FALSE;

  if (eligo_trial_get_id (shown) != eligo_trial_get_id (trial)
      || g_strcmp0 (eligo_trial_get_last_update (shown), eligo_trial_get_last_update (trial)) != 0
      || eligo_trial_get_archived (shown) != eligo_trial_get_archived (trial))
    return FALSE;

  rules = dup_rules_key (self, trial);

  return g_strcmp0 (rules, self->page_rules) == 0;
}

/* The trial page now shows @trial. */
void
_eligo_window_watch_page_shown (EligoWindow *self,
                                EligoTrial  *trial)
{
  g_assert (ELIGO_IS_WINDOW (self));

  g_clear_pointer (&self->page_rules, g_free);
  if (self->watch != NULL && trial != NULL)
    self->page_rules = dup_rules_key (self, trial);
}
