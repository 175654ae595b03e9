/* eligo-test-utils.c
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

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "eligo-test-utils.h"

static char *tmpdir;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator != NULL)
    {
      while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

static void
remove_tmpdir (void)
{
  g_autoptr(GFile) dir = NULL;

  if (tmpdir == NULL)
    return;

  dir = g_file_new_for_path (tmpdir);
  remove_tree (dir);
  g_clear_pointer (&tmpdir, g_free);
}

/* One private temp dir per test program, removed at exit. */
char *
eligo_test_make_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("eligo-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_tmpdir);
    }

  return g_strdup (tmpdir);
}

char *
eligo_test_tmp_path (const char *name)
{
  static guint counter;
  g_autofree char *dir = eligo_test_make_tmpdir ();
  g_autofree char *unique = g_strdup_printf ("%u-%s", ++counter, name);

  return g_build_filename (dir, unique, NULL);
}

EligoDatabase *
eligo_test_open_database (char **path)
{
  g_autofree char *db_path = eligo_test_tmp_path ("eligo.db");
  g_autoptr(GError) error = NULL;
  EligoDatabase *database;

  database = eligo_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  eligo_database_seed_if_new (database, &error);
  g_assert_no_error (error);

  if (path != NULL)
    *path = g_steal_pointer (&db_path);

  return database;
}

/* tests/data: the registry records, FHIR bundles and seed documents the
 * tests read, copied byte for byte (see tests/data/PROVENANCE.md). */
const char *
eligo_test_data_dir (void)
{
  const char *dir = g_getenv ("ELIGO_TEST_DATA_DIR");

  g_assert_nonnull (dir);
  return dir;
}

char *
eligo_test_data_path (const char *first,
                        ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) eligo_test_data_dir ());
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

/*
 * A digest of everything stored: every row of every table, in rowid order.
 * Two databases with equal digests hold the same content, whatever their
 * page layout.
 */
char *
eligo_test_database_digest (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, sql FROM sqlite_schema "
                                       "WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      g_checksum_update (checksum, (const guchar *) sql, -1);
      if (!g_str_has_prefix (sql, "CREATE VIRTUAL"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (char *) g_ptr_array_index (tables, i));

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_clear_pointer (&sql, g_free);
          sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, i));
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
        }

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const void *blob = sqlite3_column_blob (stmt, c);
              int len = sqlite3_column_bytes (stmt, c);

              g_checksum_update (checksum, (const guchar *) "|", 1);
              if (blob != NULL)
                g_checksum_update (checksum, blob, len);
            }
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
eligo_test_integrity_ok (const char *path)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ok;
}

int
eligo_test_run_cli_argv (const char * const  *args,
                         char               **out,
                         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_buf = NULL;
  g_autofree char *stderr_buf = NULL;
  const char *cli = g_getenv ("ELIGO_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_buf, &stderr_buf, &status, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_buf);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_buf);

  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

int
eligo_test_run_cli (char       **out,
                    char       **err,
                    const char  *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return eligo_test_run_cli_argv ((const char * const *) args->pdata, out, err);
}

void
eligo_test_write_file (const char *path,
                       const char *contents,
                       gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

/* Files with patient data are readable by their owner only. */
void
eligo_test_assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/*
 * Writes @n_pages registry pages ({"studies": [...], "nextPageToken": ...})
 * of @per_page studies each into @dir, from tests/data/ctgov/studies in name
 * order, starting with the @first-th study. Each page is one import
 * transaction.
 *
 * Returns: (transfer full) (element-type GStrv): the NCT IDs of each page
 */
GPtrArray *
eligo_test_write_pages (const char *dir,
                        guint       first,
                        guint       n_pages,
                        guint       per_page)
{
  g_autofree char *studies = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *name;

  listing = g_dir_open (studies, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (first + n_pages * per_page, <=, names->len);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(GString) page = g_string_new ("{\"studies\": [");
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_autofree char *page_name = g_strdup_printf ("page-%03u.json", p + 1);
      g_autofree char *path = g_build_filename (dir, page_name, NULL);

      for (guint n = 0; n < per_page; n++)
        {
          const char *study_name = names->pdata[first + p * per_page + n];
          g_autofree char *nct_id = g_strndup (study_name, strlen (study_name) - strlen (".json"));
          g_autofree char *file = g_build_filename (studies, study_name, NULL);
          g_autofree char *study = NULL;

          g_file_get_contents (file, &study, NULL, &error);
          g_assert_no_error (error);
          if (n > 0)
            g_string_append_c (page, ',');
          g_string_append (page, study);
          g_strv_builder_add (ids, nct_id);
        }

      g_string_append_printf (page, "], \"nextPageToken\": \"page%u\"}", p + 2);
      eligo_test_write_file (path, page->str, page->len);
      g_ptr_array_add (pages, g_strv_builder_end (ids));
    }

  return pages;
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the default main loop until @condition holds; fails after @seconds.
 * A 10 ms timer keeps the loop waking, so conditions that change without an
 * event (a subprocess, a file monitor's debounce) are seen. */
void
eligo_test_wait_until (EligoTestCondition condition,
                       gpointer           data,
                       guint              seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;
  guint source = g_timeout_add (10, wake_up_cb, NULL);

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (source);
}
