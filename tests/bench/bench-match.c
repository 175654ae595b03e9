/* bench-match.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a library of registry-shaped trials (50,000 by default: the real
 * records of tests/data/ctgov/studies with ids, statuses, ages and sexes
 * of their own, in pages of 100 as the registry serves them) and prints:
 *  - the whole `eligo-cli import` of the pages, studies per second, beside
 *    SQLite's own JSON1 ingest of the same pages (every study's JSON and
 *    NCT id into a table, one transaction per page);
 *  - the whole `eligo-cli match --patient FILE --limit 20` process for one
 *    patient, best and median of 5 runs (targets: <= 250 ms; import
 *    >= 1,000 studies/s and <= 3x the JSON1 ingest).
 *
 *   meson test -C _build --benchmark -v match
 *   _build/tests/bench-match [N_STUDIES]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "eligo-test-utils.h"

#define PER_PAGE 100
#define N_RUNS 5

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Wall-clock time of one eligo-cli run; @cpu_ms: the CPU time it used (user +
 * system, all threads), which other load on the machine does not inflate. */
static double
run_cli_ms (GPtrArray *args,
            double    *cpu_ms)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = children_cpu_ms ();
  int status;

  status = eligo_test_run_cli_argv ((const char * const *) args->pdata, &out, &err);
  if (status != 0)
    g_error ("eligo-cli failed (%d): %s", status, err);

  if (cpu_ms != NULL)
    *cpu_ms = children_cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* SQLite alone: the pages' studies, with their NCT ids, into one table. */
static double
json1_ingest_ms (const char *path,
                 GPtrArray  *pages)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                                     "CREATE TABLE studies (id INTEGER PRIMARY KEY,"
                                     " nct_id TEXT UNIQUE, raw_json TEXT)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO studies (nct_id, raw_json) SELECT json_extract"
                                       " (value, '$.protocolSection.identificationModule.nctId'),"
                                       " value FROM json_each (?, '$.studies')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (g_ptr_array_index (pages, i), &contents, &len, NULL));
      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, contents, (int) len, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
time_match (const char  *label,
            const char  *db_path,
            const char  *patient_path,
            const char **extra)
{
  double times[N_RUNS];
  double cpu[N_RUNS];
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) db_path);
  g_ptr_array_add (args, (gpointer) "match");
  g_ptr_array_add (args, (gpointer) "--patient");
  g_ptr_array_add (args, (gpointer) patient_path);
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) extra[i]);
  g_ptr_array_add (args, NULL);

  for (guint i = 0; i < N_RUNS; i++)
    times[i] = run_cli_ms (args, &cpu[i]);
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  qsort (cpu, N_RUNS, sizeof cpu[0], compare_doubles);
  g_print ("match %-30s best %.1f ms, median %.1f ms (target <= 250 ms); CPU %.1f ms\n", label,
           times[0], times[N_RUNS / 2], cpu[N_RUNS / 2]);
}

int
main (int    argc,
      char **argv)
{
  guint n_studies = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  g_autofree char *dir = eligo_test_tmp_path ("pages");
  g_autofree char *db_path = eligo_test_tmp_path ("bench-match.db");
  g_autofree char *json1_path = eligo_test_tmp_path ("json1.db");
  g_autofree char *patient_path = eligo_test_tmp_path ("patient.json");
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *limit_20[] = { "--limit", "20", NULL };
  const char *recruiting[] = { "--limit", "20", "--recruiting", NULL };
  const char *json[] = { "--limit", "20", "--format", "json", NULL };
  gint64 start;
  double import_ms, import_cpu_ms, json1_ms;
  GStatBuf st;

  start = g_get_monotonic_time ();
  pages = eligo_test_write_library (dir, n_studies, PER_PAGE);
  g_print ("generated %u studies in %u pages of %u: %.1f s\n", n_studies, pages->len, PER_PAGE,
           (g_get_monotonic_time () - start) / 1e6);

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, db_path);
  g_ptr_array_add (args, (gpointer) "import");
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (pages, i));
  g_ptr_array_add (args, NULL);
  import_ms = run_cli_ms (args, &import_cpu_ms);
  json1_ms = json1_ingest_ms (json1_path, pages);
  g_stat (db_path, &st);
  g_print ("eligo-cli import (criteria stored): %.1f s, %.0f studies/s (target >= 1000); "
           "database %.0f MiB\n",
           import_ms / 1000, n_studies / (import_ms / 1000), st.st_size / (1024.0 * 1024.0));
  g_print ("  CPU time of the import (all threads): %.1f s, %.2f ms per study\n",
           import_cpu_ms / 1000, import_cpu_ms / n_studies);
  g_print ("SQLite JSON1 ingest of the same pages: %.1f s, %.0f studies/s; "
           "eligo import takes %.2fx as long (target <= 3x)\n",
           json1_ms / 1000, n_studies / (json1_ms / 1000), import_ms / json1_ms);

  /* A patient with what a referral letter gives. */
  eligo_test_write_file (patient_path,
                         "{\"id\": \"BENCH-1\", \"facts\": {\"age_years\": 34, \"sex\": \"female\","
                         " \"ecog\": 1, \"diagnosis\": \"B-ALL\", \"prior_car_t\": false,"
                         " \"hemoglobin_g_l\": 110}}", -1);
  time_match ("--limit 20", db_path, patient_path, limit_20);
  time_match ("--limit 20 --recruiting", db_path, patient_path, recruiting);
  time_match ("--limit 20 --format json", db_path, patient_path, json);

  return 0;
}
