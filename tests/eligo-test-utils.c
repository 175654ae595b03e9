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
#include <json-glib/json-glib.h>
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

/* The real record @path as a template: its NCT id, status, ages and sex
 * replaced by placeholders that eligo_test_write_library() fills. */
static char *
library_template (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *protocol, *module;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  protocol = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "protocolSection");
  module = json_object_get_object_member (protocol, "identificationModule");
  json_object_set_string_member (module, "nctId", "@@NCT@@");
  if (!json_object_has_member (protocol, "statusModule"))
    json_object_set_object_member (protocol, "statusModule", json_object_new ());
  module = json_object_get_object_member (protocol, "statusModule");
  json_object_set_string_member (module, "overallStatus", "@@STATUS@@");
  if (!json_object_has_member (protocol, "eligibilityModule"))
    json_object_set_object_member (protocol, "eligibilityModule", json_object_new ());
  module = json_object_get_object_member (protocol, "eligibilityModule");
  json_object_remove_member (module, "minimumAge");
  json_object_remove_member (module, "maximumAge");
  json_object_remove_member (module, "sex");
  json_object_set_string_member (module, "minimumAge", "@@MIN@@");
  json_object_set_string_member (module, "maximumAge", "@@MAX@@");
  json_object_set_string_member (module, "sex", "@@SEX@@");

  return json_to_string (json_parser_get_root (parser), FALSE);
}

static void
replace (GString    *text,
         const char *placeholder,
         const char *value)
{
  g_string_replace (text, placeholder, value, 0);
}

/**
 * eligo_test_write_library:
 *
 * Writes @n_studies registry-shaped studies into pages of @per_page in @dir:
 * the real records of tests/data/ctgov/studies in turn, each copy with an
 * NCT id of its own (NCT9…), and its status, ages (some absent, so the
 * criteria's count) and sex varied.
 *
 * Returns: (transfer full): the paths of the pages
 */
GPtrArray *
eligo_test_write_library (const char *dir,
                          guint       n_studies,
                          guint       per_page)
{
  static const char * const statuses[] = {
    "RECRUITING", "COMPLETED", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "TERMINATED",
    "ENROLLING_BY_INVITATION",
  };
  static const char * const ages[][2] = {
    { NULL, NULL }, { "18 Years", NULL }, { "18 Years", "65 Years" }, { "1 Year", "39 Years" },
    { "12 Years", "70 Years" }, { "60 Years", NULL }, { NULL, "17 Years" }, { "16 Years", "75 Years" },
  };
  static const char * const sexes[] = { "ALL", "ALL", "FEMALE", "ALL", "MALE" };
  g_autofree char *studies = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GString) page = g_string_new (NULL);
  const char *name;

  listing = g_dir_open (studies, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (studies, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (templates, library_template (g_ptr_array_index (names, i)));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint k = 0; k < n_studies; k++)
    {
      g_autoptr(GString) study = g_string_new (g_ptr_array_index (templates, k % templates->len));
      g_autofree char *nct_id = g_strdup_printf ("NCT9%07u", k + 1);
      guint copy = k / templates->len + k;
      const char *min = ages[copy % G_N_ELEMENTS (ages)][0];
      const char *max = ages[copy % G_N_ELEMENTS (ages)][1];
      g_autofree char *sex = (copy / 3) % 4 == 0
                             ? g_strdup ("\"xSex\":\"\"")
                             : g_strdup_printf ("\"sex\":\"%s\"", sexes[copy % G_N_ELEMENTS (sexes)]);

      replace (study, "@@NCT@@", nct_id);
      replace (study, "@@STATUS@@", statuses[copy % G_N_ELEMENTS (statuses)]);
      replace (study, "\"sex\":\"@@SEX@@\"", sex);
      /* An absent limit is a key the importer does not know. */
      if (min != NULL)
        replace (study, "@@MIN@@", min);
      else
        replace (study, "\"minimumAge\":\"@@MIN@@\"", "\"xMinimumAge\":\"\"");
      if (max != NULL)
        replace (study, "@@MAX@@", max);
      else
        replace (study, "\"maximumAge\":\"@@MAX@@\"", "\"xMaximumAge\":\"\"");

      g_string_append (page, page->len == 0 ? "{\"studies\": [" : ",");
      g_string_append_len (page, study->str, study->len);

      if ((k + 1) % per_page == 0 || k + 1 == n_studies)
        {
          g_autofree char *page_name = g_strdup_printf ("page-%05u.json", pages->len + 1);
          char *path = g_build_filename (dir, page_name, NULL);

          g_string_append (page, "]}");
          eligo_test_write_file (path, page->str, page->len);
          g_ptr_array_add (pages, path);
          g_string_truncate (page, 0);
        }
    }

  return pages;
}

/**
 * eligo_test_exec_sql:
 *
 * Runs @sql on the database file at @path behind Eligo's back, e.g. to
 * make a library of an older schema; aborts the test if it fails.
 */
void
eligo_test_exec_sql (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/**
 * eligo_test_query_text:
 *
 * Returns: (transfer full) (nullable): the first column of the first row
 *   @sql gives on the database file at @path, read only
 */
char *
eligo_test_query_text (const char *path,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}
