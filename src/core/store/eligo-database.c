/* eligo-database.c
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

#define G_LOG_DOMAIN "eligo-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eligo-database-private.h"
#include "eligo-trial-private.h"
#include "eligo-utils.h"

/*
 * EligoDatabase: opening the library's SQLite file (private to its owner,
 * in WAL mode), what SQLite's errors mean for the nurse, and reading single
 * trials. The transactions that change the trials (import, seed, archive,
 * delete, restore) are in eligo-database-trials.c; the schema, queries,
 * criteria and screenings in the other eligo-database-*.c files.
 */

struct _EligoDatabase
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  sqlite3_stmt *get_trial_stmt;
};

G_DEFINE_FINAL_TYPE (EligoDatabase, eligo_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (eligo-database-error-quark, eligo_database_error)

/*
 * What SQLite's result code means for the nurse, if it says more than
 * SQLite's own words: a damaged file, a file or folder Eligo may not write,
 * another program that kept the database busy past the timeout.
 */
static gboolean
set_file_error (const char  *path,
                int          rc,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                   /* Translators: %s is a file name */
                   _("“%s” is not an Eligo database or is damaged"), display);
      return TRUE;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      {
        g_autofree char *dir = g_path_get_dirname (path);
        g_autofree char *display_dir = g_filename_display_name (dir);

        g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                     /* Translators: the first %s is a file name, the second its folder */
                     _("Cannot use the database “%s”: Eligo must be able to write to it and "
                       "to its folder “%s”"), display, display_dir);
        return TRUE;
      }

    case SQLITE_BUSY:
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_SQL,
                   /* Translators: %s is a file name */
                   _("The database “%s” was kept busy by another program for too long. "
                     "Try again."), display);
      return TRUE;

    default:
      return FALSE;
    }
}

void
_eligo_database_set_error (EligoDatabase  *self,
                           GError        **error)
{
  if (set_file_error (self->path, sqlite3_errcode (self->db), error))
    return;

  g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_SQL,
               _("Database %s: %s"), self->path, sqlite3_errmsg (self->db));
}

gboolean
_eligo_database_exec (EligoDatabase  *self,
                      const char     *sql,
                      GError        **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      if (!set_file_error (self->path, rc, error))
        g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_SQL,
                     _("Database %s: %s"), self->path,
                     message != NULL ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
_eligo_database_get_handle (EligoDatabase *self)
{
  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);

  return self->db;
}

void
_eligo_database_rollback (EligoDatabase *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Patient data lives here: the file is created, and kept, readable by its owner only.
 *
 * The file is never opened here once it exists: POSIX advisory locks belong
 * to the process, so closing any descriptor of the database would drop
 * every lock SQLite holds on it through other connections of this process
 * (the import worker, the window), and another process would then take
 * itself for the last user and checkpoint and delete the write-ahead log
 * under our feet. A missing file is created with O_EXCL (a fresh inode no
 * connection can hold a lock on); an existing one is made private by path,
 * once it is known to be a database (a damaged file is left as it was). */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *display_dir = g_filename_display_name (dir);
  GStatBuf st;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }

  if (errno == EACCES || errno == EPERM || errno == EROFS)
    {
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                   /* Translators: the first %s is a file name, the second its folder */
                   _("Cannot create the database “%s”: the folder “%s” is read-only"),
                   display, display_dir);
      return FALSE;
    }

  if (errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  /* Only a regular file can be a database; anything else is left as it is. */
  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                   /* Translators: %s is a file name */
                   _("“%s” is a folder, not an Eligo database"), display);
      return FALSE;
    }
  else if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                   /* Translators: %s is a file name */
                   _("“%s” is not an Eligo database or is damaged"), display);
      return FALSE;
    }

  return TRUE;
}

static void
eligo_database_finalize (GObject *object)
{
  EligoDatabase *self = (EligoDatabase *) object;

  g_clear_pointer (&self->get_trial_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (eligo_database_parent_class)->finalize (object);
}

static void
eligo_database_class_init (EligoDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eligo_database_finalize;
}

static void
eligo_database_init (EligoDatabase *self)
{
}

/**
 * eligo_database_default_path:
 *
 * Returns: (transfer full): `$ELIGO_DATABASE` if set, else
 *   `$XDG_DATA_HOME/eligo/eligo.db`
 */
char *
eligo_database_default_path (void)
{
  const char *env = g_getenv ("ELIGO_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "eligo", "eligo.db", NULL);
}

/**
 * eligo_database_open:
 * @path: the database file; created (mode 0600) if missing
 *
 * Opens the database and brings its schema up to date. A database written
 * by a newer Eligo is refused, untouched.
 *
 * Returns: (transfer full) (nullable): the database
 */
/*
 * Write-ahead logging, so that readers (the app) never wait for the writer
 * (an import). The mode is kept in the file, but a new file gets it here,
 * and switching takes a lock that SQLite's busy timeout does not wait for:
 * two programs opening a new library at once (two imports started
 * together) would fail at once. Wait as that timeout would.
 */
static gboolean
use_wal (EligoDatabase  *self,
         GError        **error)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      int rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        return TRUE;
      if (rc != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        {
          _eligo_database_set_error (self, error);
          return FALSE;
        }
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
}

EligoDatabase *
eligo_database_open (const char  *path,
                     GError     **error)
{
  g_autoptr(EligoDatabase) self = NULL;
  int version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ELIGO_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!ensure_private_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      if (!set_file_error (path, rc, error))
        g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN,
                     _("Cannot open the database %s: %s"), path,
                     self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  /* Every connection waits for another's write (the CLI, the import worker)
   * instead of failing; writers take the lock up front (BEGIN IMMEDIATE), so
   * no transaction has to upgrade a read snapshot, which no wait can fix. */
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 0);

  /* A file SQLite opened only for reading (not ours to write) would fail
   * on the first change, far from here: say so now. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_file_error (path, SQLITE_READONLY, error);
      return NULL;
    }

  version = _eligo_database_read_user_version (self, error);
  if (version < 0)
    return NULL;

  /* The header can be sound while the schema behind it is not: read it now,
   * so that a damaged file is reported as such and never written to. */
  if (!_eligo_database_exec (self, "SELECT count(*) FROM sqlite_schema", error))
    return NULL;

  if (g_chmod (path, 0600) != 0)
    g_warning ("Cannot make the database private: %s", g_strerror (errno));

  if (version > ELIGO_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Eligo (database version %d; "
                     "this version reads up to %d). Update Eligo to open it."),
                   path, version, ELIGO_DATABASE_SCHEMA_VERSION);
      return NULL;
    }

  if (!use_wal (self, error) ||
      !_eligo_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_eligo_database_exec (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!_eligo_database_migrate (self, version, error))
    return NULL;

  if (!_eligo_database_ensure_match_key_index (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
eligo_database_get_path (EligoDatabase *self)
{
  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);

  return self->path;
}

int
eligo_database_get_schema_version (EligoDatabase *self)
{
  g_return_val_if_fail (ELIGO_IS_DATABASE (self), -1);

  return _eligo_database_read_user_version (self, NULL);
}

gboolean
_eligo_database_bind_text (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;

  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

/* Steps @stmt once; a missing row is reported with %ELIGO_DATABASE_ERROR_NOT_FOUND. */
static EligoTrial *
get_trial_where (EligoDatabase  *self,
                 sqlite3_stmt   *stmt,
                 GError        **error)
{
  EligoTrial *trial = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    trial = _eligo_trial_new_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND,
                 _("That trial is no longer in %s"), self->path);
  else
    _eligo_database_set_error (self, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return trial;
}

/**
 * eligo_database_get_trial:
 *
 * Returns: (transfer full) (nullable): the trial with row id @id
 */
EligoTrial *
eligo_database_get_trial (EligoDatabase  *self,
                          gint64          id,
                          GError        **error)
{
  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);

  if (self->get_trial_stmt == NULL &&
      sqlite3_prepare_v3 (self->db, "SELECT " ELIGO_TRIAL_COLUMNS " FROM trials WHERE id = ?",
                          -1, SQLITE_PREPARE_PERSISTENT, &self->get_trial_stmt,
                          NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  sqlite3_bind_int64 (self->get_trial_stmt, 1, id);

  return get_trial_where (self, self->get_trial_stmt, error);
}

/**
 * eligo_database_get_trial_by_nct_id:
 *
 * Returns: (transfer full) (nullable): the trial, or %NULL with
 *   %ELIGO_DATABASE_ERROR_NOT_FOUND
 */
EligoTrial *
eligo_database_get_trial_by_nct_id (EligoDatabase  *self,
                                    const char     *nct_id,
                                    GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  EligoTrial *trial;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (nct_id != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT " ELIGO_TRIAL_COLUMNS " FROM trials WHERE nct_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  _eligo_database_bind_text (stmt, 1, nct_id);
  trial = get_trial_where (self, stmt, error);
  sqlite3_finalize (stmt);

  if (trial == NULL && error != NULL && *error != NULL &&
      g_error_matches (*error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND))
    {
      g_clear_error (error);
      g_set_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND,
                   _("There is no trial %s in the library"), nct_id);
    }

  return trial;
}

/**
 * eligo_database_get_data_version:
 * @error: return location for a #GError
 *
 * Reads SQLite's "PRAGMA data_version" on this connection: a number that
 * changes when another connection (eligo-cli, an import running on a worker
 * connection) commits to the database, and stays the same for the commits
 * of this connection. Compare two readings to learn whether the database
 * changed underneath; the number itself means nothing.
 *
 * Returns: the data version, or -1 with @error set
 */
gint64
eligo_database_get_data_version (EligoDatabase  *self,
                                 GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return -1;
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  else
    _eligo_database_set_error (self, error);

  sqlite3_finalize (stmt);

  return version;
}
