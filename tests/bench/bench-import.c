/* bench-import.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports every study in tests/data/ctgov/studies into a fresh database
 * and prints how long it took. Run with `meson test -C _build --benchmark -v`.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "eligo-database.h"
#include "eligo-test-utils.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  EligoImportStats stats = { 0 };
  const char *name;
  gint64 start, parse_done;
  GStatBuf st;

  dir = argc > 1 ? g_strdup (argv[1])
                 : eligo_test_data_path ("ctgov", "studies", NULL);
  db_path = eligo_test_tmp_path ("bench.db");

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));

  start = g_get_monotonic_time ();
  database = eligo_database_open (db_path, &error);
  g_assert_no_error (error);
  eligo_database_seed_if_new (database, &error);
  g_assert_no_error (error);
  parse_done = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));

      eligo_database_import_file (database, file, &stats, NULL, &error);
      g_assert_no_error (error);
    }

  g_stat (db_path, &st);
  g_print ("create + seed: %.1f ms\n", (parse_done - start) / 1000.0);
  g_print ("import %u files (%u trials added, %u updated): %.1f ms, %.2f ms per file\n",
           paths->len, stats.added, stats.updated,
           (g_get_monotonic_time () - parse_done) / 1000.0,
           (g_get_monotonic_time () - parse_done) / 1000.0 / MAX (paths->len, 1));
  g_print ("trials in library: %u; database size %.1f MiB\n",
           eligo_database_count_trials (database, NULL, NULL),
           st.st_size / (1024.0 * 1024.0));

  return 0;
}
