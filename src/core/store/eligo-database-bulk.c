/* eligo-database-bulk.c
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

/*
 * eligo_database_import_files(): many files imported at once, each in its
 * own transaction, read and ruled on worker threads while this one writes,
 * with the page cache, checkpoints and the match_key index set for it.
 */

#define G_LOG_DOMAIN "eligo-database"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-database-private.h"
#include "eligo-import.h"

/* Importing many files: reading and ruling them on a worker thread while
 * this one writes the previous ones. */

typedef struct
{
  GFile     *file;
  GPtrArray *trials;
  GPtrArray *derived;
  GError    *error;
} Parsed;

/* Readers take the files in turn; the writer takes them back in order. A
 * reader waits while it is PIPELINE_DEPTH files ahead of the writer. */
typedef struct
{
  GPtrArray    *files;
  Parsed      **parsed;     /* by file index, NULL until read */
  guint         next_file;  /* the next file a reader takes */
  guint         written;    /* files the writer is done with */
  gboolean      stop;
  GPtrArray    *written_parsed; /* Parsed the writer is done with, for a reader to free */
  GMutex        lock;
  GCond         changed;
  GCancellable *cancellable;
} Pipeline;

#define PIPELINE_DEPTH 4

static void parsed_free (Parsed *parsed);

static gpointer
parse_worker (gpointer data)
{
  Pipeline *pipeline = data;

  for (;;)
    {
      g_autoptr(GPtrArray) garbage = NULL;
      Parsed *parsed;
      guint i;

      /* Freeing a file's JSON trees and trials is a good part of the
       * work: done here, it does not hold up the writer. */
      g_mutex_lock (&pipeline->lock);
      garbage = g_steal_pointer (&pipeline->written_parsed);
      pipeline->written_parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_free);
      g_mutex_unlock (&pipeline->lock);
      g_clear_pointer (&garbage, g_ptr_array_unref);

      g_mutex_lock (&pipeline->lock);
      while (!pipeline->stop && pipeline->next_file < pipeline->files->len &&
             pipeline->next_file >= pipeline->written + PIPELINE_DEPTH)
        g_cond_wait (&pipeline->changed, &pipeline->lock);
      if (pipeline->stop || pipeline->next_file >= pipeline->files->len)
        {
          g_mutex_unlock (&pipeline->lock);
          return NULL;
        }
      i = pipeline->next_file++;
      g_mutex_unlock (&pipeline->lock);

      parsed = g_new0 (Parsed, 1);
      parsed->file = g_object_ref (g_ptr_array_index (pipeline->files, i));
      parsed->trials = eligo_import_parse_file (parsed->file, pipeline->cancellable,
                                                &parsed->error);
      /* Every processor already has a reader: rule on this one. */
      if (parsed->trials != NULL)
        parsed->derived = _eligo_derive_criteria_threads (parsed->trials, 1);

      g_mutex_lock (&pipeline->lock);
      pipeline->parsed[i] = parsed;
      g_cond_broadcast (&pipeline->changed);
      g_mutex_unlock (&pipeline->lock);
    }
}

static void
parsed_free (Parsed *parsed)
{
  g_clear_object (&parsed->file);
  g_clear_pointer (&parsed->trials, g_ptr_array_unref);
  g_clear_pointer (&parsed->derived, g_ptr_array_unref);
  g_clear_error (&parsed->error);
  g_free (parsed);
}

static gint64
read_pragma (EligoDatabase *self,
             const char    *sql,
             gint64         fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* A bulk import writes megabytes per file: with SQLite's default 2 MB page
 * cache each transaction spills dirty pages into the WAL before its commit,
 * and checkpoints every 4 MB write the same index and FTS pages again and
 * again. Neither setting changes what is stored, or when it is committed. */
static void
set_bulk_pragmas (EligoDatabase *self,
                  gint64         cache_size,
                  gint64         autocheckpoint)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; "
                                          "PRAGMA wal_autocheckpoint = %" G_GINT64_FORMAT,
                                          cache_size, autocheckpoint);

  _eligo_database_exec (self, sql, NULL);
}

#define BULK_CACHE_KIB 65536
#define BULK_AUTOCHECKPOINT_PAGES 16384

/* The index of trial_criteria by match_key (the words of a criterion, for
 * answers given on the same words in another trial) takes keys in random
 * order: past a few thousand trials, each file's transaction dirties a
 * leaf page of it for nearly every criterion, and importing 50,000 trials
 * spent a fifth of its time there. An import that at least doubles the
 * library drops it and builds it once at the end, in one sorted pass
 * (seconds for a million criteria). Readers meanwhile find answers by a
 * scan; a connection that opens the library without the index (an import
 * killed midway) builds it again (_eligo_database_ensure_match_key_index()). */
#define BULK_INDEX_MIN_FILES 20
#define BULK_INDEX_TRIALS_PER_FILE 50

static gboolean
defer_match_key_index (EligoDatabase *self,
                       guint          n_files)
{
  gint64 n_trials;

  if (n_files < BULK_INDEX_MIN_FILES)
    return FALSE;

  n_trials = read_pragma (self, "SELECT count(*) FROM trials", G_MAXINT64);
  if (n_trials >= (gint64) n_files * BULK_INDEX_TRIALS_PER_FILE)
    return FALSE;

  return _eligo_database_exec (self, "DROP INDEX IF EXISTS trial_criteria_match_key", NULL);
}

/**
 * _eligo_database_ensure_match_key_index:
 *
 * Builds the index of trial_criteria by match_key if a bulk import left
 * the library without it.
 */
gboolean
_eligo_database_ensure_match_key_index (EligoDatabase  *self,
                                        GError        **error)
{
  gint64 exists = read_pragma (self,
                               "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                               "AND name = 'trial_criteria_match_key'",
                               1);

  if (exists > 0)
    return TRUE;

  return _eligo_database_exec (self,
                               "CREATE INDEX IF NOT EXISTS trial_criteria_match_key "
                               "ON trial_criteria (match_key)",
                               error);
}

/**
 * eligo_database_import_files:
 * @files: (element-type GFile): ClinicalTrials.gov API v2 JSON files
 * @stats: (out) (optional): what happened to the trials, added to what it holds
 * @failed: (scope call) (nullable): told of each file that was not imported,
 *   with the reason, which names the file
 *
 * eligo_database_import_file() for each file, in order, each in its own
 * transaction, with the reading and the splitting and ruling of the next
 * files done on a worker thread meanwhile.
 *
 * Returns: the number of files not imported
 */
guint
eligo_database_import_files (EligoDatabase          *self,
                             GPtrArray              *files,
                             EligoImportStats       *stats,
                             EligoImportFileFailed   failed,
                             gpointer                user_data,
                             GCancellable           *cancellable)
{
  Pipeline pipeline = { files, NULL, 0, 0, FALSE };
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  guint n_workers;
  guint n_failed = 0;
  gint64 cache_size, autocheckpoint;
  gboolean deferred_index;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), 0);
  g_return_val_if_fail (files != NULL, 0);

  cache_size = read_pragma (self, "PRAGMA cache_size", -2000);
  autocheckpoint = read_pragma (self, "PRAGMA wal_autocheckpoint", 1000);
  set_bulk_pragmas (self, -BULK_CACHE_KIB, BULK_AUTOCHECKPOINT_PAGES);
  deferred_index = defer_match_key_index (self, files->len);

  pipeline.parsed = g_new0 (Parsed *, files->len + 1);
  pipeline.written_parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_free);
  pipeline.cancellable = cancellable;
  g_mutex_init (&pipeline.lock);
  g_cond_init (&pipeline.changed);

  n_workers = CLAMP ((guint) g_get_num_processors (), 1, MAX (files->len, 1));
  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_add (workers, g_thread_new ("eligo-import", parse_worker, &pipeline));

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      Parsed *parsed;

      g_mutex_lock (&pipeline.lock);
      while (pipeline.parsed[i] == NULL)
        g_cond_wait (&pipeline.changed, &pipeline.lock);
      parsed = g_steal_pointer (&pipeline.parsed[i]);
      g_mutex_unlock (&pipeline.lock);

      if (parsed->error != NULL)
        error = g_steal_pointer (&parsed->error);
      else if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
               !_eligo_database_import_derived (self, parsed->trials, parsed->derived, stats,
                                                &error))
        {
          g_autofree char *name = g_file_get_parse_name (parsed->file);
          GError *saved = g_error_new (error->domain, error->code,
                                       _("%s: could not be saved: %s"), name, error->message);

          g_clear_error (&error);
          error = saved;
        }

      if (error != NULL)
        {
          n_failed++;
          if (failed != NULL)
            failed (parsed->file, error, user_data);
        }

      g_mutex_lock (&pipeline.lock);
      g_ptr_array_add (pipeline.written_parsed, parsed);
      pipeline.written = i + 1;
      g_cond_broadcast (&pipeline.changed);
      g_mutex_unlock (&pipeline.lock);
    }

  g_mutex_lock (&pipeline.lock);
  pipeline.stop = TRUE;
  g_cond_broadcast (&pipeline.changed);
  g_mutex_unlock (&pipeline.lock);
  for (guint i = 0; i < workers->len; i++)
    g_thread_join (g_ptr_array_index (workers, i));
  g_ptr_array_unref (pipeline.written_parsed);

  g_mutex_clear (&pipeline.lock);
  g_cond_clear (&pipeline.changed);
  g_free (pipeline.parsed);

  if (deferred_index)
    {
      g_autoptr(GError) index_error = NULL;

      /* Nothing imported is lost without it: the next open builds it. */
      if (!_eligo_database_ensure_match_key_index (self, &index_error))
        g_warning ("Could not index the criteria of %s: %s", eligo_database_get_path (self),
                   index_error->message);
    }

  set_bulk_pragmas (self, cache_size, autocheckpoint);

  return n_failed;
}
