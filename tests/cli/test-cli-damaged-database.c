/* test-cli-damaged-database.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database file that is damaged or no database at all: eligo-cli says so
 * in one line naming the file, exits 1 (a user error, DESIGN.md), and leaves
 * the file exactly as it was: no repair, no schema written into it, no
 * journal beside it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "eligo-test-utils.h"

static char *
make_good_database (void)
{
  g_autofree char *path = eligo_test_tmp_path ("good.db");
  g_autofree char *out = NULL;

  g_assert_cmpint (eligo_test_run_cli (&out, NULL, "--database", path, "list", NULL), ==, 0);

  return g_steal_pointer (&path);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_nothing_beside (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

/* Runs each command on @path: one line naming it with @reason, exit 1, file untouched. */
static void
assert_refused (const char *path,
                const char *reason)
{
  static const char * const commands[] = { "list", "import", "show" };
  g_autofree char *study = eligo_test_data_path ("ctgov", "studies", "NCT00000410.json", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *expected = g_strdup_printf ("eligo-cli: “%s” %s\n", path, reason);
  GStatBuf st_before, st_after;
  gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  if (!is_dir)
    before = read_bytes (path);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *arg = strcmp (commands[i], "import") == 0 ? study
                        : strcmp (commands[i], "show") == 0 ? "NCT00000410"
                        : NULL;
      int status;

      if (arg != NULL)
        status = eligo_test_run_cli (&out, &err, "--database", path, commands[i], arg, NULL);
      else
        status = eligo_test_run_cli (&out, &err, "--database", path, commands[i], NULL);

      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, expected);
    }

  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpuint (st_after.st_mode, ==, st_before.st_mode);
  if (!is_dir)
    {
      g_autoptr(GBytes) after = read_bytes (path);

      g_assert_true (g_bytes_equal (before, after));
    }
  assert_nothing_beside (path);
}

static void
test_truncated (void)
{
  g_autofree char *good = make_good_database ();
  g_autoptr(GBytes) bytes = read_bytes (good);
  /* In the middle of a page, and at a page boundary. */
  const gsize cuts[] = { 5000, 8192, 100 };

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 3 * 4096);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *path = eligo_test_tmp_path ("truncated.db");

      eligo_test_write_file (path, g_bytes_get_data (bytes, NULL), cuts[i]);
      assert_refused (path, "is not an Eligo database or is damaged");
    }
}

static void
test_random_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *path = eligo_test_tmp_path ("random.db");
  g_autofree char *noise = g_malloc (64 * 1024);

  for (gsize i = 0; i < 64 * 1024; i++)
    noise[i] = (char) g_rand_int_range (rand, 0, 256);
  eligo_test_write_file (path, noise, 64 * 1024);

  assert_refused (path, "is not an Eligo database or is damaged");
}

/* A sound SQLite header over pages of noise: SQLite opens it, Eligo must not use it. */
static void
test_damaged_pages (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *good = make_good_database ();
  g_autofree char *path = eligo_test_tmp_path ("damaged.db");
  g_autoptr(GBytes) bytes = read_bytes (good);
  gsize length = g_bytes_get_size (bytes);
  g_autofree char *damaged = g_memdup2 (g_bytes_get_data (bytes, NULL), length);

  for (gsize i = 100; i < length; i++)
    damaged[i] = (char) g_rand_int_range (rand, 0, 256);
  eligo_test_write_file (path, damaged, length);

  assert_refused (path, "is not an Eligo database or is damaged");
}

static void
test_text_file (void)
{
  g_autofree char *path = eligo_test_tmp_path ("notes.db");

  eligo_test_write_file (path, "Shopping: milk, eggs, flour.\n", -1);
  assert_refused (path, "is not an Eligo database or is damaged");
}

static void
test_directory (void)
{
  g_autofree char *path = eligo_test_tmp_path ("folder.db");

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  assert_refused (path, "is a folder, not an Eligo database");
}

/* Root is not bound by a folder's permissions. As root, the CLI runs as
 * "nobody" (setpriv, util-linux), who owns the folder and is bound by them. */
#define NOBODY_UID 65534
#define NOBODY_GID 65534

static int
run_cli_in_folder (gboolean     as_nobody,
                   char       **out,
                   char       **err,
                   const char  *database,
                   const char  *command)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (as_nobody)
    {
      g_ptr_array_add (argv, (gpointer) "setpriv");
      g_ptr_array_add (argv, (gpointer) "--reuid=" G_STRINGIFY (NOBODY_UID));
      g_ptr_array_add (argv, (gpointer) "--regid=" G_STRINGIFY (NOBODY_GID));
      g_ptr_array_add (argv, (gpointer) "--clear-groups");
      g_ptr_array_add (argv, (gpointer) "--");
    }
  g_ptr_array_add (argv, (gpointer) g_getenv ("ELIGO_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) database);
  g_ptr_array_add (argv, (gpointer) command);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
test_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *good = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gboolean as_nobody = geteuid () == 0;

  if (as_nobody && setpriv == NULL)
    {
      g_test_skip ("running as root without setpriv to run eligo-cli as another user");
      return;
    }

  /* In the system's temporary folder, which every user may pass through. */
  dir = g_dir_make_tmp ("eligo-read-only-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "eligo.db", NULL);
  existing = g_build_filename (dir, "existing.db", NULL);

  good = make_good_database ();
  before = read_bytes (good);
  eligo_test_write_file (existing, g_bytes_get_data (before, NULL), g_bytes_get_size (before));
  g_assert_cmpint (g_chmod (existing, 0600), ==, 0);
  if (as_nobody)
    {
      g_assert_cmpint (chown (existing, NOBODY_UID, NOBODY_GID), ==, 0);
      g_assert_cmpint (chown (dir, NOBODY_UID, NOBODY_GID), ==, 0);
    }
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  /* A new database cannot be created there. */
  g_assert_cmpint (run_cli_in_folder (as_nobody, &out, &err, path, "list"), ==, 1);
  expected = g_strdup_printf ("eligo-cli: Cannot create the database “%s”: "
                              "the folder “%s” is read-only\n", path, dir);
  g_assert_cmpstr (err, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An existing one cannot be used: its write-ahead log needs the folder. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (run_cli_in_folder (as_nobody, &out, &err, existing, "list"), ==, 1);
  expected = g_strdup_printf ("eligo-cli: Cannot use the database “%s”: Eligo must be able to "
                              "write to it and to its folder “%s”\n", existing, dir);
  g_assert_cmpstr (err, ==, expected);
  after = read_bytes (existing);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_cmpint (g_remove (existing), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A zero-byte file holds nothing that could be lost: SQLite takes it for a
 * new, empty database, and so does Eligo (it is also what a first start
 * killed right after creating the file leaves). It becomes a new library. */
static void
test_empty_file (void)
{
  g_autofree char *path = eligo_test_tmp_path ("empty.db");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  eligo_test_write_file (path, "", 0);
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", path, "list", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  /* A header and the five seed trials. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (eligo_test_integrity_ok (path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/cli/damaged-database/truncated", test_truncated);
  g_test_add_func ("/eligo/cli/damaged-database/random-bytes", test_random_bytes);
  g_test_add_func ("/eligo/cli/damaged-database/damaged-pages", test_damaged_pages);
  g_test_add_func ("/eligo/cli/damaged-database/text-file", test_text_file);
  g_test_add_func ("/eligo/cli/damaged-database/directory", test_directory);
  g_test_add_func ("/eligo/cli/damaged-database/read-only-folder", test_read_only_folder);
  g_test_add_func ("/eligo/cli/damaged-database/empty-file", test_empty_file);

  return g_test_run ();
}
