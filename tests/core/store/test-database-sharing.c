/* test-database-sharing.c
 *
 * Copyright 2026 The Eligo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app and eligo-cli on one database file at once, as real processes:
 * the app keeps its connection open and imports on a worker connection
 * while the CLI imports and lists. No process may lose its locks, so the
 * write-ahead log must never be deleted under the app and nothing may be
 * lost or broken.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "eligo-database.h"
#include "eligo-import-job.h"
#include "eligo-test-utils.h"

#define N_ROUNDS 12

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (eligo_import_job_run_finish (ELIGO_IMPORT_JOB (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
run_cli (const char *database_path,
         const char *command,
         const char *file)
{
  const char *cli = g_getenv ("ELIGO_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "ELIGO_DATABASE", database_path, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, cli, command, file, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
assert_wal_kept (const char *wal_path,
                 ino_t       inode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (wal_path, &st), ==, 0);
  g_assert_cmpuint (st.st_ino, ==, inode);
}

static int
count_trial (sqlite3    *db,
             const char *nct_id)
{
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM trials WHERE nct_id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, nct_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static void
test_sharing_app_and_cli (void)
{
  g_autofree char *dir = eligo_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "eligo.db", NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *studies = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  GStatBuf st;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_present = 0;

  listing = g_dir_open (studies, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 2 * N_ROUNDS);

  /* The app: its main connection stays open throughout. */
  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal_path, &st), ==, 0);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *app_file = g_build_filename (studies, names->pdata[2 * round], NULL);
      g_autofree char *cli_file = g_build_filename (studies, names->pdata[2 * round + 1], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (app_file);
      g_autoptr(EligoImportJob) job = eligo_import_job_new (path, &file, 1);
      gboolean done = FALSE;

      eligo_import_job_run_async (job, NULL, on_job_done, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);

      run_cli (path, "list", NULL);
      assert_wal_kept (wal_path, st.st_ino);
      run_cli (path, "import", cli_file);
      assert_wal_kept (wal_path, st.st_ino);
      run_cli (path, "list", NULL);
      assert_wal_kept (wal_path, st.st_ino);
    }

  g_clear_object (&database);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  for (guint i = 0; i < 2 * N_ROUNDS; i++)
    {
      g_autofree char *nct_id = g_strndup (names->pdata[i], strlen (names->pdata[i]) - strlen (".json"));

      n_present += count_trial (db, nct_id);
    }
  g_test_message ("%u rounds, %u of %u imported trials present", N_ROUNDS, n_present, 2 * N_ROUNDS);
  g_assert_cmpuint (n_present, ==, 2 * N_ROUNDS);
  sqlite3_close (db);

}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/sharing/app-and-cli", test_sharing_app_and_cli);

  return g_test_run ();
}
