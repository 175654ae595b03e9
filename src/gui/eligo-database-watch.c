/* eligo-database-watch.c
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

#define G_LOG_DOMAIN "eligo-database-watch"

#include "config.h"

#include "eligo-database-watch.h"

/*
 * Notices that another connection committed to the database: eligo-cli on
 * the same file, or an import on a worker connection. A GFileMonitor on the
 * database file and on its write-ahead log (inotify: neither file is opened,
 * so none of SQLite's POSIX locks is touched) schedules a check a moment
 * later, so that a burst of writes costs one check. The check compares
 * "PRAGMA data_version" on the window's connection with the last value seen
 * and emits ::changed only when it differs, so the app's own writes on that
 * connection and writes that change nothing trigger no reload. While a
 * window is active, a slow poll of the same number backs up monitors that
 * miss writes (network file systems).
 */

/* Coalesces the file events of one commit (log, then main file). */
#define CHECK_DELAY_MS 300

/* The fallback poll, in seconds. */
#define POLL_SECONDS 2

struct _EligoDatabaseWatch
{
  GObject        parent_instance;

  EligoDatabase *database;
  GFileMonitor  *file_monitor;
  GFileMonitor  *wal_monitor;
  gint64         seen;         /* data version last reported or synced */
  guint          check_source;
  guint          poll_source;
};

G_DEFINE_FINAL_TYPE (EligoDatabaseWatch, eligo_database_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
read_version (EligoDatabaseWatch *self)
{
  g_autoptr(GError) error = NULL;
  gint64 version;

  g_assert (ELIGO_IS_DATABASE_WATCH (self));

  version = eligo_database_get_data_version (self->database, &error);
  if (version < 0)
    g_debug ("Could not read the data version: %s", error->message);

  return version;
}

static gboolean
check_cb (gpointer data)
{
  EligoDatabaseWatch *self = data;

  self->check_source = 0;
  eligo_database_watch_check (self);

  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer data)
{
  EligoDatabaseWatch *self = data;

  eligo_database_watch_check (self);

  return G_SOURCE_CONTINUE;
}

static void
on_monitor_changed_cb (EligoDatabaseWatch *self,
                       GFile              *file,
                       GFile              *other_file,
                       GFileMonitorEvent   event,
                       GFileMonitor       *monitor)
{
  g_assert (ELIGO_IS_DATABASE_WATCH (self));

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED
      || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT
      || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  if (self->check_source == 0)
    self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

static GFileMonitor *
monitor_file (EligoDatabaseWatch *self,
              const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", path, error->message);
      return NULL;
    }

  g_signal_connect_object (monitor, "changed",
                           G_CALLBACK (on_monitor_changed_cb), self, G_CONNECT_SWAPPED);

  return monitor;
}

static void
eligo_database_watch_dispose (GObject *object)
{
  EligoDatabaseWatch *self = (EligoDatabaseWatch *) object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->file_monitor != NULL)
    g_file_monitor_cancel (self->file_monitor);
  if (self->wal_monitor != NULL)
    g_file_monitor_cancel (self->wal_monitor);
  g_clear_object (&self->file_monitor);
  g_clear_object (&self->wal_monitor);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (eligo_database_watch_parent_class)->dispose (object);
}

static void
eligo_database_watch_class_init (EligoDatabaseWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = eligo_database_watch_dispose;

  /**
   * EligoDatabaseWatch::changed:
   *
   * Another connection committed to the database since the last check or
   * eligo_database_watch_sync(): read what is shown again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
eligo_database_watch_init (EligoDatabaseWatch *self)
{
  self->seen = -1;
}

/**
 * eligo_database_watch_new:
 * @database: the database, whose connection is the one compared
 *
 * Returns: (transfer full): a watch, synced with the database as it is now
 */
EligoDatabaseWatch *
eligo_database_watch_new (EligoDatabase *database)
{
  EligoDatabaseWatch *self;
  const char *path;

  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  self = g_object_new (ELIGO_TYPE_DATABASE_WATCH, NULL);
  self->database = g_object_ref (database);
  self->seen = read_version (self);

  path = eligo_database_get_path (database);
  if (path != NULL && path[0] != '\0' && g_strcmp0 (path, ":memory:") != 0)
    {
      g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);

      self->file_monitor = monitor_file (self, path);
      self->wal_monitor = monitor_file (self, wal_path);
    }

  return self;
}

/**
 * eligo_database_watch_sync:
 *
 * Takes the database as it is now as seen: call it right before reading
 * the database again for another reason (the app's own import finished),
 * so that the same change does not cause a second reload.
 */
void
eligo_database_watch_sync (EligoDatabaseWatch *self)
{
  g_return_if_fail (ELIGO_IS_DATABASE_WATCH (self));

  self->seen = read_version (self);
}

/**
 * eligo_database_watch_set_polling:
 * @polling: whether to check every few seconds as well
 *
 * Windows poll while they are active, in case the file monitors miss a
 * write; the poll reads one number and reloads nothing unless it changed.
 */
void
eligo_database_watch_set_polling (EligoDatabaseWatch *self,
                                  gboolean            polling)
{
  g_return_if_fail (ELIGO_IS_DATABASE_WATCH (self));

  if (polling == (self->poll_source != 0))
    return;

  if (polling)
    self->poll_source = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  else
    g_clear_handle_id (&self->poll_source, g_source_remove);
}

/**
 * eligo_database_watch_check:
 *
 * Compares the data version with the one last seen, and emits ::changed
 * if another connection committed in between.
 *
 * Returns: whether the database had changed
 */
gboolean
eligo_database_watch_check (EligoDatabaseWatch *self)
{
  gint64 version;

  g_return_val_if_fail (ELIGO_IS_DATABASE_WATCH (self), FALSE);

  version = read_version (self);
  if (version < 0 || version == self->seen)
    return FALSE;

  self->seen = version;
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}
