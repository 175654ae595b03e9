/* fuzz-import.c: the ClinicalTrials.gov importer on any file, into a
 * fresh database each run, and the stored trials read back
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "eligo-fuzz.h"

#include "eligo-database.h"
#include "eligo-trial.h"

static char *json_path;
static char *db_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  eligo_fuzz_init ();
  json_path = g_build_filename (eligo_fuzz_scratch_dir (), "studies.json", NULL);
  db_path = g_build_filename (eligo_fuzz_scratch_dir (), "eligo.db", NULL);
  return 0;
}

static void
remove_database (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
check_trial (EligoDatabase *db,
             gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = eligo_database_get_trial (db, id, &error);
  g_autoptr(EligoTrial) by_nct_id = NULL;

  if (trial == NULL)
    {
      g_printerr ("A stored trial cannot be read: %s\n", error->message);
      abort ();
    }

  eligo_fuzz_assert_utf8 ("the NCT id", eligo_trial_get_nct_id (trial));
  eligo_fuzz_assert_utf8 ("the brief title", eligo_trial_get_brief_title (trial));
  eligo_fuzz_assert_utf8 ("the conditions", eligo_trial_get_conditions (trial));
  eligo_fuzz_assert_utf8 ("the eligibility criteria",
                          eligo_trial_get_eligibility_criteria (trial));
  eligo_fuzz_assert_utf8 ("the stored JSON", eligo_trial_get_raw_json (trial));
  /* The stored record parses again (a warning otherwise, fatal here). */
  g_assert (eligo_trial_get_study (trial) != NULL);

  by_nct_id = eligo_database_get_trial_by_nct_id (db, eligo_trial_get_nct_id (trial), &error);
  g_assert (by_nct_id != NULL);
  g_assert (eligo_trial_get_id (by_nct_id) == id);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autoptr(EligoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  EligoImportStats stats = { 0 };

  if (!g_file_set_contents (json_path, (const char *) data, size, &error))
    {
      g_printerr ("Cannot write %s: %s\n", json_path, error->message);
      abort ();
    }

  remove_database ();
  db = eligo_database_open (db_path, &error);
  if (db == NULL)
    {
      g_printerr ("Cannot open %s: %s\n", db_path, error->message);
      abort ();
    }

  if (!eligo_database_import_file (db, file, &stats, NULL, &error))
    {
      g_assert (error != NULL);
      eligo_fuzz_assert_utf8 ("the error message", error->message);
      /* Refused: nothing stored. */
      g_assert_cmpuint (eligo_database_count_trials (db, NULL, NULL), ==, 0);
    }
  else
    {
      ids = eligo_database_query_ids (db, NULL, &error);
      g_assert (ids != NULL);
      g_assert_cmpuint (ids->len, ==, stats.added);
      for (guint i = 0; i < ids->len; i++)
        check_trial (db, g_array_index (ids, gint64, i));
    }

  g_clear_object (&db);
  remove_database ();

  return 0;
}
