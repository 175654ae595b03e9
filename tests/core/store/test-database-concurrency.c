/* test-database-concurrency.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One database used by several processes at once, as a nurse's machine
 * does: the app reading its trial list while `eligo-cli import` runs, two
 * imports at once, a screening saved while an import runs. Nothing may fail
 * with "database is locked" (every connection waits its turn), and nothing
 * may be lost: the rows are counted at the end.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-screening.h"
#include "eligo-screening-log.h"
#include "eligo-test-utils.h"
#include "eligo-trial-list.h"

#define N_SEEDS 5

typedef struct
{
  GSubprocess *process;
  GBytes      *err;
  gboolean     done;
} Import;

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Import *import = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, NULL, &import->err, &error);
  g_assert_no_error (error);
  import->done = TRUE;
}

/* Starts `eligo-cli --database PATH import DIR`; its stderr is kept. */
static void
import_start (Import     *import,
              const char *db_path,
              const char *pages_dir)
{
  const char *cli = g_getenv ("ELIGO_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* The CLI's leaks are checked by test-cli; here the slow unwinder leak
   * checking needs would only make the import crawl in the sanitizer build. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LSAN_OPTIONS");
  import->process = g_subprocess_launcher_spawn (launcher, &error, cli, "--database", db_path,
                                                 "import", pages_dir, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_async (import->process, NULL, NULL, on_import_done_cb, import);
}

/* The import ended well and said nothing on stderr (no "database is locked"). */
static void
import_assert_succeeded (Import *import)
{
  g_autofree char *err = NULL;

  while (!import->done)
    g_main_context_iteration (NULL, TRUE);

  err = g_strndup (g_bytes_get_size (import->err) > 0 ? g_bytes_get_data (import->err, NULL) : "",
                   g_bytes_get_size (import->err));
  if (!g_subprocess_get_if_exited (import->process) ||
      g_subprocess_get_exit_status (import->process) != 0)
    g_error ("eligo-cli import failed: %s", err);
  g_assert_cmpstr (err, ==, "");

  g_clear_object (&import->process);
  g_clear_pointer (&import->err, g_bytes_unref);
}

static guint
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

static EligoDatabase *
open_seeded (const char *path)
{
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&database);
}

/*
 * The app's main connection with its trial list loaded, reloading and
 * reading trials while the CLI imports pages of 10: every reload succeeds
 * and sees whole pages only, never fewer trials than before.
 */
static void
test_app_reads_during_import (void)
{
  g_autofree char *dir = eligo_test_tmp_path ("reader");
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  g_autofree char *path = g_build_filename (dir, "eligo.db", NULL);
  g_autoptr(GPtrArray) pages = eligo_test_write_pages (pages_dir, 0, 30, 10);
  g_autoptr(EligoDatabase) database = open_seeded (path);
  g_autoptr(EligoTrialList) list = eligo_trial_list_new (database);
  Import import = { NULL };
  guint last = N_SEEDS;
  guint n_reads = 0, n_seen_growing = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_SEEDS);

  import_start (&import, path, pages_dir);
  while (!import.done)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EligoTrial) first = NULL;
      g_autoptr(EligoTrial) newest = NULL;
      guint n;

      g_main_context_iteration (NULL, FALSE);

      g_assert_true (eligo_trial_list_reload (list, &error));
      g_assert_no_error (error);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_assert_cmpuint (n, >=, last);
      g_assert_cmpuint ((n - N_SEEDS) % 10, ==, 0);
      n_seen_growing += n > last;
      last = n;

      first = g_list_model_get_item (G_LIST_MODEL (list), 0);
      newest = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
      g_assert_nonnull (first);
      g_assert_nonnull (newest);
      g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), >=, n);
      g_assert_no_error (error);
      n_reads++;
    }
  import_assert_succeeded (&import);

  g_test_message ("%u reads during the import, %u saw it grow", n_reads, n_seen_growing);
  g_assert_true (eligo_trial_list_reload (list, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_SEEDS + 300);
}

/*
 * Two imports at once into a database neither has created yet: both set it
 * up (schema, seeds) and write their pages, and every trial of both is there.
 */
static void
test_two_imports (void)
{
  g_autofree char *dir = eligo_test_tmp_path ("two");
  g_autofree char *pages_a = g_build_filename (dir, "a", NULL);
  g_autofree char *pages_b = g_build_filename (dir, "b", NULL);
  g_autoptr(GPtrArray) a = eligo_test_write_pages (pages_a, 0, 15, 10);
  g_autoptr(GPtrArray) b = eligo_test_write_pages (pages_b, 150, 15, 10);

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *name = g_strdup_printf ("eligo-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Import first = { NULL }, second = { NULL };

      import_start (&first, path, pages_a);
      import_start (&second, path, pages_b);
      import_assert_succeeded (&first);
      import_assert_succeeded (&second);

      g_assert_true (eligo_test_integrity_ok (path));
      g_assert_cmpuint (count_rows (path, "trials"), ==, N_SEEDS + 300);
    }
}

static EligoPatient *
make_patient (guint n)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"SCR-%04u\", \"facts\": "
                                           "{\"age_years\": %u, \"ecog\": 1}}", n, 20 + n % 50);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  EligoPatient *patient = eligo_patient_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return patient;
}

/*
 * The screening dialog's save (eligo_database_save_screening on the app's
 * connection), again and again while the CLI imports: every save succeeds
 * and every one is kept, and so is every imported trial.
 */
static void
test_screening_during_import (void)
{
  g_autofree char *dir = eligo_test_tmp_path ("screening");
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  g_autofree char *path = g_build_filename (dir, "eligo.db", NULL);
  g_autoptr(GPtrArray) pages = eligo_test_write_pages (pages_dir, 300, 30, 10);
  g_autoptr(EligoDatabase) database = open_seeded (path);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  Import import = { NULL };
  guint n_saved = 0, n_during = 0;

  trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  g_assert_no_error (error);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);

  import_start (&import, path, pages_dir);
  while (!import.done || n_saved < 5)
    {
      g_autoptr(EligoPatient) patient = make_patient (n_saved);
      g_autoptr(EligoScreeningResult) result = eligo_screen (trial, criteria, patient);
      gint64 id;

      g_main_context_iteration (NULL, FALSE);
      n_during += !import.done;

      id = eligo_database_save_screening (database, patient, result, "Nurse Li", "Site A",
                                          &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      n_saved++;
    }
  import_assert_succeeded (&import);

  g_test_message ("%u screenings saved, %u while the import ran", n_saved, n_during);
  g_clear_object (&database);
  g_assert_true (eligo_test_integrity_ok (path));
  g_assert_cmpuint (count_rows (path, "screenings"), ==, n_saved);
  g_assert_cmpuint (count_rows (path, "patients"), ==, n_saved);
  g_assert_cmpuint (count_rows (path, "trials"), ==, N_SEEDS + 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/database/concurrency/app-reads-during-import",
                   test_app_reads_during_import);
  g_test_add_func ("/eligo/database/concurrency/two-imports", test_two_imports);
  g_test_add_func ("/eligo/database/concurrency/screening-during-import",
                   test_screening_during_import);

  return g_test_run ();
}
