/* test-cli-kill.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash-safe import: the real `eligo-cli import` of a folder of registry
 * pages is killed (SIGKILL, no chance to clean up) at random moments. Each
 * page file is one transaction (DESIGN.md: a file is imported whole or not
 * at all), so after every kill the database must pass SQLite's integrity
 * check, hold every page wholly or not at all, and open as the app opens
 * it. The moments are drawn from a fixed seed, so a failure can be
 * replayed; ELIGO_KILL_SEED picks another seed.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-test-utils.h"

#define N_PAGES        12
#define STUDIES_A_PAGE 8
#define N_ROUNDS       40
#define DEFAULT_SEED   20261207

typedef struct
{
  char      *dir;         /* the temp folder of this test */
  char      *pages_dir;   /* N_PAGES page files, one transaction each */
  char      *base_path;   /* a seeded database, closed cleanly */
  GPtrArray *pages;       /* (element-type GStrv): the NCT IDs of each page */
} Fixture;

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static gboolean
has_trial (sqlite3    *db,
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
  g_assert_cmpint (count, <=, 1);

  return count == 1;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  eligo_test_write_file (to, contents, length);
}

/* Pages of registry studies as the API serves them, and a seeded database. */
static void
fixture_init (Fixture *fixture)
{
  g_autofree char *out = NULL;
  sqlite3 *db;

  fixture->dir = eligo_test_tmp_path ("kill");
  fixture->pages_dir = g_build_filename (fixture->dir, "pages", NULL);
  fixture->base_path = g_build_filename (fixture->dir, "base.db", NULL);
  fixture->pages = eligo_test_write_pages (fixture->pages_dir, 0, N_PAGES, STUDIES_A_PAGE);

  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", fixture->base_path, "list",
                                       NULL), ==, 0);

  /* No page holds a seed trial, so a page's count says whether it went in. */
  db = open_raw (fixture->base_path);
  for (guint p = 0; p < fixture->pages->len; p++)
    {
      char **ids = g_ptr_array_index (fixture->pages, p);

      for (guint i = 0; ids[i] != NULL; i++)
        g_assert_false (has_trial (db, ids[i]));
    }
  sqlite3_close (db);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->pages, g_ptr_array_unref);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->pages_dir, g_free);
  g_clear_pointer (&fixture->base_path, g_free);
}

static GSubprocess *
spawn_import (const char *db_path,
              const char *pages_dir)
{
  const char *cli = g_getenv ("ELIGO_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_assert_nonnull (cli);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  /* A killed process reports no leaks anyway, and the unwinder leak checking
   * needs makes the sanitizer build's import some ten times slower. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LSAN_OPTIONS");
  process = g_subprocess_launcher_spawn (launcher, &error, cli, "--database", db_path, "import",
                                         pages_dir, NULL);
  g_assert_no_error (error);

  return process;
}

/*
 * The checks after a kill. Returns how many pages are in; every page is
 * either wholly in or wholly out.
 */
static guint
check_database (Fixture    *fixture,
                const char *path,
                guint       round)
{
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  guint n_in = 0;
  guint n_trials;

  db = open_raw (path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    g_error ("round %u: integrity check: %s", round, sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  for (guint p = 0; p < fixture->pages->len; p++)
    {
      char **ids = g_ptr_array_index (fixture->pages, p);
      guint present = 0;

      for (guint i = 0; ids[i] != NULL; i++)
        present += has_trial (db, ids[i]);

      if (present != 0 && present != STUDIES_A_PAGE)
        g_error ("round %u: page %u is half stored: %u of %u studies", round, p + 1, present,
                 STUDIES_A_PAGE);
      n_in += present == STUDIES_A_PAGE;
    }
  sqlite3_close (db);

  /* The app's own way in: it opens, counts and reads what is there. */
  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);
  n_trials = eligo_database_count_trials (database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_trials, ==, 5 + n_in * STUDIES_A_PAGE);
  g_clear_object (&database);

  return n_in;
}

static void
test_kill_import (void)
{
  const char *seed_text = g_getenv ("ELIGO_KILL_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : DEFAULT_SEED;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Fixture fixture = { NULL };
  guint n_killed = 0, n_partial = 0, n_none = 0;
  gint64 started, full_import;

  fixture_init (&fixture);
  path = g_build_filename (fixture.dir, "round.db", NULL);

  /* One import to the end: every page goes in, and it gives the span the
   * kills are spread over. */
  copy_file (fixture.base_path, path);
  started = g_get_monotonic_time ();
  {
    g_autoptr(GSubprocess) process = spawn_import (path, fixture.pages_dir);

    g_assert_true (g_subprocess_wait_check (process, NULL, &error));
    g_assert_no_error (error);
  }
  full_import = g_get_monotonic_time () - started;
  g_assert_cmpuint (check_database (&fixture, path, 0), ==, N_PAGES);
  g_test_message ("seed %u; a whole import takes %" G_GINT64_FORMAT " ms", seed,
                  full_import / 1000);

  for (guint round = 1; round <= N_ROUNDS; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      gulong delay = (gulong) g_rand_double_range (rand, 0, full_import * 1.1);
      guint n_in;

      remove_database (path);
      copy_file (fixture.base_path, path);

      process = spawn_import (path, fixture.pages_dir);
      g_usleep (delay);
      g_subprocess_send_signal (process, SIGKILL);
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_no_error (error);

      if (g_subprocess_get_if_signaled (process))
        {
          g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
          n_killed++;
        }
      else
        {
          /* It finished before the signal: then it must have succeeded. */
          g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
        }

      n_in = check_database (&fixture, path, round);
      if (g_subprocess_get_if_signaled (process))
        {
          if (n_in == 0)
            n_none++;
          else if (n_in < N_PAGES)
            n_partial++;
        }
      else
        {
          g_assert_cmpuint (n_in, ==, N_PAGES);
        }
    }

  g_test_message ("%u rounds: %u killed (%u with some pages in, %u with none), "
                  "%u finished first",
                  N_ROUNDS, n_killed, n_partial, n_none, N_ROUNDS - n_killed);

  /* The kills must have landed inside imports, not only before or after. */
  g_assert_cmpuint (n_partial, >=, 1);

  remove_database (path);
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/cli/kill/import", test_kill_import);

  return g_test_run ();
}
