/* test-database.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "eligo-database.h"
#include "eligo-import.h"
#include "eligo-test-utils.h"

/* What versions 5 and 6 added (the criteria a refresh replaced, the spans), taken away again. */
#define UNDO_V5 "DROP TABLE criteria_history; DROP TABLE criteria_revisions; "

/* What version 4 added, taken away again: a database as Eligo wrote it before. */
#define UNDO_V4 UNDO_V5 \
  "UPDATE trials SET min_age_years = registry_min_age_years, max_age_years = registry_max_age_years;" \
  " DROP TRIGGER trial_match_archived; DROP TABLE trial_criteria; DROP TABLE criterion_rules;" \
  " DROP TABLE trial_match;" \
  " DROP INDEX trials_criteria_version; DROP INDEX trials_min_age; DROP INDEX trials_max_age;" \
  " ALTER TABLE trials DROP COLUMN criteria_version;" \
  " ALTER TABLE trials DROP COLUMN registry_min_age_years;" \
  " ALTER TABLE trials DROP COLUMN registry_max_age_years; ALTER TABLE trials DROP COLUMN age_source; "

static void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_new_database (void)
{
  g_autofree char *path = eligo_test_tmp_path ("sub/dir/new.db");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *journal = NULL;
  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (eligo_database_get_path (database), ==, path);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==,
                   ELIGO_DATABASE_SCHEMA_VERSION);
  assert_mode_0600 (path);

  /* WAL mode is recorded in the file itself. */
  journal = eligo_test_query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  tables = eligo_test_query_text (path, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema "
                             "WHERE type = 'table' AND name IN ('meta', 'trials', 'trials_fts') "
                             "ORDER BY name)");
  g_assert_cmpstr (tables, ==, "meta,trials,trials_fts");

  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_migrate_empty_file (void)
{
  g_autofree char *path = eligo_test_tmp_path ("empty.db");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  /* A zero-byte file is an empty SQLite database at version 0. */
  eligo_test_write_file (path, "", 0);
  g_chmod (path, 0644);

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==,
                   ELIGO_DATABASE_SCHEMA_VERSION);
  assert_mode_0600 (path);
  g_clear_object (&database);

  version = eligo_test_query_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, ELIGO_DATABASE_SCHEMA_VERSION);

  /* Opening again is a no-op for the schema. */
  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==,
                   ELIGO_DATABASE_SCHEMA_VERSION);
}

static void
test_migrate_foreign_sqlite (void)
{
  g_autofree char *path = eligo_test_tmp_path ("other.db");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  /* An SQLite file at version 0 with a table of its own keeps that table. */
  eligo_test_exec_sql (path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');");

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==,
                   ELIGO_DATABASE_SCHEMA_VERSION);
  g_clear_object (&database);

  kept = eligo_test_query_text (path, "SELECT text FROM notes");
  g_assert_cmpstr (kept, ==, "keep me");
}

/* Version 1 had trials only; version 2 adds the nurses' curated rules. */
static void
test_migrate_v1_to_v2 (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *count = NULL;

  g_clear_object (&database);
  eligo_test_exec_sql (path, UNDO_V4 "DROP TABLE screening_failures; DROP TABLE screenings; DROP TABLE patients;"
                  " DROP TABLE curated_rules; PRAGMA user_version = 1;");

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==, ELIGO_DATABASE_SCHEMA_VERSION);
  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, 5);
  g_clear_object (&database);

  tables = eligo_test_query_text (path, "SELECT name FROM sqlite_schema WHERE name = 'curated_rules'");
  g_assert_cmpstr (tables, ==, "curated_rules");
  count = eligo_test_query_text (path, "SELECT count(*) FROM curated_rules");
  g_assert_cmpstr (count, ==, "0");
}

/* Version 3 adds patients and their screenings. */
static void
test_migrate_v2_to_v3 (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *tables = NULL;

  g_clear_object (&database);
  eligo_test_exec_sql (path, UNDO_V4 "DROP TABLE screening_failures; DROP TABLE screenings; DROP TABLE patients;"
                  " PRAGMA user_version = 2;");

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==, ELIGO_DATABASE_SCHEMA_VERSION);
  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, 5);
  g_clear_object (&database);

  tables = eligo_test_query_text (path, "SELECT group_concat (name, ',') FROM (SELECT name FROM sqlite_schema"
                             " WHERE type = 'table' AND name IN ('patients', 'screenings',"
                             " 'screening_failures') ORDER BY name)");
  g_assert_cmpstr (tables, ==, "patients,screening_failures,screenings");
}

/* Version 4 stores the criteria; a version 3 library has none until they
 * are derived again, and reads them from the text meanwhile. */
static void
test_migrate_v3_to_v4 (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(EligoCriterion) curated = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *ages = NULL;
  g_autofree char *kept = NULL;

  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);
  g_clear_object (&database);
  eligo_test_exec_sql (path, UNDO_V4 "PRAGMA user_version = 3;");

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_database_get_schema_version (database), ==, ELIGO_DATABASE_SCHEMA_VERSION);
  g_assert_cmpuint (eligo_database_count_stale_criteria (database, &error), ==, 5);

  /* The registry's ages are carried over at once; those of the text come with the criteria. */
  ages = eligo_test_query_text (path, "SELECT group_concat (nct_id || ':' || ifnull (age_source, '-'), ',')"
                           " FROM (SELECT nct_id, age_source FROM trials ORDER BY nct_id)");
  g_assert_cmpstr (ages, ==, "NCT03754764:-,NCT06389305:-,NCT06585345:-,NCT07072494:registry,"
                             "NCT07087847:registry");

  /* Until then the criteria are read from the text, and can be curated. */
  trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  g_assert_no_error (error);
  before = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);
  curated = eligo_database_curate (database, "NCT07072494/I1", "ecog <= 1", FALSE, "Test", &error);
  g_assert_no_error (error);

  g_assert_true (eligo_database_rederive_criteria (database, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (eligo_database_count_stale_criteria (database, &error), ==, 0);
  rows = eligo_test_query_text (path, "SELECT count(DISTINCT trial_id) FROM trial_criteria");
  g_assert_cmpstr (rows, ==, "5");
  g_clear_pointer (&ages, g_free);
  ages = eligo_test_query_text (path, "SELECT group_concat (nct_id || ':' || min_age_years || '-' ||"
                           " max_age_years, ',') FROM (SELECT * FROM trials WHERE age_source ="
                           " 'criteria' ORDER BY nct_id)");
  g_assert_cmpstr (ages, ==, "NCT03754764:12.0-70.0,NCT06389305:1.0-39.0,NCT06585345:14.0-65.0");

  /* A newer extractor: derived again, the nurse's rule kept. */
  eligo_test_exec_sql (path, "UPDATE trials SET criteria_version = 0");
  g_assert_cmpuint (eligo_database_count_stale_criteria (database, &error), ==, 5);
  g_assert_true (eligo_database_rederive_criteria (database, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (eligo_criterion_get_text (g_ptr_array_index (after, i)), ==,
                     eligo_criterion_get_text (g_ptr_array_index (before, i)));
  g_assert_cmpint (eligo_criterion_get_origin (g_ptr_array_index (after, 0)), ==,
                   ELIGO_ORIGIN_CURATED);
  kept = eligo_criterion_dup_rule_text (g_ptr_array_index (after, 0));
  g_assert_cmpstr (kept, ==, "ecog <= 1");
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = eligo_test_tmp_path ("newer.db");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;

  database = eligo_test_open_database (NULL);
  g_clear_object (&database);

  eligo_test_exec_sql (path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  before = eligo_test_database_digest (path);

  database = eligo_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, path));
  expected = g_strdup_printf ("version %d", 99);
  g_assert_nonnull (strstr (error->message, expected));

  after = eligo_test_database_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (eligo_test_integrity_ok (path));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = eligo_test_tmp_path ("notes.txt");
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  eligo_test_write_file (path, "These are my shopping notes, not a database.\n"
                               "Milk, eggs, flour, and a long line to fill a page.\n", -1);

  database = eligo_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "These are my shopping notes"));
}

static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "eligo", "eligo.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *env_path = NULL;

  g_unsetenv ("ELIGO_DATABASE");
  path = eligo_database_default_path ();
  g_assert_cmpstr (path, ==, expected);

  g_setenv ("ELIGO_DATABASE", "/some/where/else.db", TRUE);
  env_path = eligo_database_default_path ();
  g_assert_cmpstr (env_path, ==, "/some/where/else.db");
  g_unsetenv ("ELIGO_DATABASE");
}

static GPtrArray *
make_trials (const char *nct_id,
             const char *title,
             const char *last_update)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *trials;

  json = g_strdup_printf ("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"%s\","
                          " \"briefTitle\": \"%s\"}, \"statusModule\": "
                          "{\"lastUpdatePostDateStruct\": {\"date\": \"%s\"}}}}",
                          nct_id, title, last_update);
  bytes = g_bytes_new (json, strlen (json));
  trials = eligo_import_parse_bytes (bytes, "made.json", &error);
  g_assert_no_error (error);

  return trials;
}

static void
test_reimport (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(GPtrArray) first = make_trials ("NCT09999999", "Quokka", "2025-01-01");
  g_autoptr(GPtrArray) newer = make_trials ("NCT09999999", "Wombat", "2025-02-01");
  g_autoptr(GPtrArray) older = make_trials ("NCT09999999", "Numbat", "2024-12-31");
  g_autoptr(EligoTrial) stored = NULL;
  g_autoptr(GError) error = NULL;
  EligoImportStats stats = { 0 };
  gint64 id;

  g_assert_true (eligo_database_import_trials (database, first, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);
  id = eligo_trial_get_id (g_ptr_array_index (first, 0));
  g_assert_cmpint (id, >, 0);

  /* The same file again changes nothing. */
  memset (&stats, 0, sizeof stats);
  g_assert_true (eligo_database_import_trials (database, first, &stats, &error));
  g_assert_cmpuint (stats.unchanged, ==, 1);

  /* A newer version replaces it in place: the row id (and what hangs off it) stays. */
  memset (&stats, 0, sizeof stats);
  g_assert_true (eligo_database_import_trials (database, newer, &stats, &error));
  g_assert_cmpuint (stats.updated, ==, 1);
  stored = eligo_database_get_trial_by_nct_id (database, "NCT09999999", &error);
  g_assert_no_error (error);
  g_assert_cmpint (eligo_trial_get_id (stored), ==, id);
  g_assert_cmpstr (eligo_trial_get_brief_title (stored), ==, "Wombat");
  g_clear_object (&stored);

  /* An older version does not overwrite a newer one. */
  memset (&stats, 0, sizeof stats);
  g_assert_true (eligo_database_import_trials (database, older, &stats, &error));
  g_assert_cmpuint (stats.unchanged, ==, 1);
  g_assert_cmpuint (stats.updated, ==, 0);
  stored = eligo_database_get_trial_by_nct_id (database, "NCT09999999", &error);
  g_assert_cmpstr (eligo_trial_get_brief_title (stored), ==, "Wombat");

  /* The full-text index follows the replacement. */
  {
    g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();

    query->search = g_strdup ("wombat");
    g_assert_cmpuint (eligo_database_count_trials (database, query, &error), ==, 1);
    g_free (query->search);
    query->search = g_strdup ("quokka");
    g_assert_cmpuint (eligo_database_count_trials (database, query, &error), ==, 0);
  }
}

static void
test_not_found (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = NULL;

  trial = eligo_database_get_trial_by_nct_id (database, "NCT00000000", &error);
  g_assert_null (trial);
  g_assert_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NCT00000000"));
  g_clear_error (&error);

  trial = eligo_database_get_trial (database, 123456, &error);
  g_assert_null (trial);
  g_assert_error (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND);
}

#define MATCH_KEY_INDEX \
  "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'trial_criteria_match_key'"

/* A large import builds the index of criteria by their words once, at its
 * end, the same index the schema made; and a library left without it (an
 * import killed midway) gets it back when opened. */
static void
test_bulk_import_index (void)
{
  g_autofree char *path = NULL;
  g_autofree char *pages_dir = eligo_test_tmp_path ("pages");
  g_autoptr(GPtrArray) pages = eligo_test_write_library (pages_dir, 2000, 50);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = eligo_test_query_text (path, MATCH_KEY_INDEX);
  g_autofree char *after = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *n_criteria = NULL;
  g_autofree char *n_indexed = NULL;

  g_assert_cmpstr (sql, ==, "CREATE INDEX trial_criteria_match_key ON trial_criteria (match_key)");
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (pages, i)));
  g_assert_cmpuint (eligo_database_import_files (database, files, NULL, NULL, NULL, NULL), ==, 0);

  after = eligo_test_query_text (path, MATCH_KEY_INDEX);
  g_assert_cmpstr (after, ==, sql);
  n_criteria = eligo_test_query_text (path, "SELECT count(*) FROM trial_criteria");
  n_indexed = eligo_test_query_text (path, "SELECT count(*) FROM trial_criteria INDEXED BY "
                                "trial_criteria_match_key WHERE match_key > ''");
  g_assert_cmpstr (n_indexed, ==, n_criteria);
  g_assert_cmpint (atoi (n_criteria), >, 2000);
  g_clear_object (&database);

  eligo_test_exec_sql (path, "DROP INDEX trial_criteria_match_key");
  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  reopened = eligo_test_query_text (path, MATCH_KEY_INDEX);
  g_assert_cmpstr (reopened, ==, sql);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/database/new", test_new_database);
  g_test_add_func ("/eligo/database/migrate-empty-file", test_migrate_empty_file);
  g_test_add_func ("/eligo/database/migrate-foreign-sqlite", test_migrate_foreign_sqlite);
  g_test_add_func ("/eligo/database/migrate-v1-to-v2", test_migrate_v1_to_v2);
  g_test_add_func ("/eligo/database/migrate-v2-to-v3", test_migrate_v2_to_v3);
  g_test_add_func ("/eligo/database/migrate-v3-to-v4", test_migrate_v3_to_v4);
  g_test_add_func ("/eligo/database/refuse-newer", test_refuse_newer);
  g_test_add_func ("/eligo/database/not-a-database", test_not_a_database);
  g_test_add_func ("/eligo/database/default-path", test_default_path);
  g_test_add_func ("/eligo/database/reimport", test_reimport);
  g_test_add_func ("/eligo/database/bulk-import-index", test_bulk_import_index);
  g_test_add_func ("/eligo/database/not-found", test_not_found);

  return g_test_run ();
}
