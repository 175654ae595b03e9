/* test-library.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looking after the library: importing off the main thread with progress
 * and cancel, archiving, deleting with undo.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "eligo-import-job.h"
#include "eligo-test-utils.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A folder with @n_good real records from tests/data and one broken file. */
static char *
make_folder (guint n_good)
{
  g_autofree char *studies = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *broken = NULL;
  char *folder = eligo_test_tmp_path ("import");
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  dir = g_dir_open (studies, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < n_good; i++)
    {
      g_autofree char *from = g_build_filename (studies, g_ptr_array_index (names, i * 7), NULL);
      g_autofree char *to = g_build_filename (folder, g_ptr_array_index (names, i * 7), NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      eligo_test_write_file (to, contents, len);
    }

  broken = g_build_filename (folder, "zz-broken.json", NULL);
  eligo_test_write_file (broken, "{\"protocolSection\": ", -1);

  return folder;
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancel_after;
  guint         cancel_at;
  guint         notifies;
  gboolean      ok;
  GError       *error;
} Run;

static void
on_done_changed (EligoImportJob *job,
                 GParamSpec     *pspec,
                 Run            *run)
{
  /* Progress arrives on the main thread. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  run->notifies++;

  if (run->cancel_after != NULL && eligo_import_job_get_n_done (job) >= run->cancel_at)
    g_cancellable_cancel (run->cancel_after);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->ok = eligo_import_job_run_finish (ELIGO_IMPORT_JOB (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_job (EligoImportJob *job,
         Run            *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (job, "notify::n-done", G_CALLBACK (on_done_changed), run);
  eligo_import_job_run_async (job, run->cancel_after, on_job_done, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
}

static void
test_import_job (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autofree char *folder = make_folder (12);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(EligoImportJob) job = eligo_import_job_new (path, &file, 1);
  g_autofree char *summary = NULL;
  EligoImportRejection *rejection;
  Run run = { NULL };

  run_job (job, &run);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpuint (eligo_import_job_get_n_files (job), ==, 13);
  g_assert_cmpuint (eligo_import_job_get_n_done (job), ==, 13);
  g_assert_cmpfloat (eligo_import_job_get_fraction (job), ==, 1.0);
  g_assert_cmpuint (run.notifies, >=, 1);
  g_assert_cmpuint (eligo_import_job_get_stats (job)->added, ==, 12);
  g_assert_false (eligo_import_job_get_cancelled (job));

  g_assert_cmpuint (eligo_import_job_get_rejected (job)->len, ==, 1);
  rejection = g_ptr_array_index (eligo_import_job_get_rejected (job), 0);
  g_assert_true (g_str_has_suffix (rejection->name, "zz-broken.json"));
  g_assert_nonnull (strstr (rejection->message, "zz-broken.json"));

  summary = eligo_import_job_dup_summary (job);
  g_assert_cmpstr (summary, ==, "Imported 12 trials, 1 file rejected");

  /* The main connection sees what the job's own connection wrote. */
  g_assert_cmpuint (eligo_database_count_trials (database, NULL, NULL), ==, 5 + 12);
}

static void
test_import_job_cancel (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autofree char *folder = make_folder (40);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(EligoImportJob) job = eligo_import_job_new (path, &file, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *summary = NULL;
  Run run = { NULL };
  guint done;

  run.cancel_after = cancellable;
  run.cancel_at = 3;
  run_job (job, &run);
  g_assert_no_error (run.error);
  g_assert_true (eligo_import_job_get_cancelled (job));

  /* It stops between files; every file it finished is in, whole. */
  done = eligo_import_job_get_n_done (job);
  g_assert_cmpuint (done, >=, 3);
  g_assert_cmpuint (done, <, 41);
  g_assert_cmpuint (eligo_database_count_trials (database, NULL, NULL), ==, 5 + done);
  g_assert_true (eligo_test_integrity_ok (path));
  summary = eligo_import_job_dup_summary (job);
  g_assert_true (g_str_has_prefix (summary, "Import stopped after"));
}

static void
test_archive (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, "NCT07072494", NULL);
  g_autoptr(EligoTrial) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = eligo_trial_get_id (trial);

  g_assert_true (eligo_database_set_archived (database, &id, 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (eligo_database_count_trials (database, query, NULL), ==, 4);
  query->include_archived = TRUE;
  g_assert_cmpuint (eligo_database_count_trials (database, query, NULL), ==, 5);
  again = eligo_database_get_trial (database, id, NULL);
  g_assert_true (eligo_trial_get_archived (again));

  g_assert_true (eligo_database_set_archived (database, &id, 1, FALSE, &error));
  query->include_archived = FALSE;
  g_assert_cmpuint (eligo_database_count_trials (database, query, NULL), ==, 5);
}

static void
test_delete_and_undo (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrial) a = eligo_database_get_trial_by_nct_id (database, "NCT07072494", NULL);
  g_autoptr(EligoTrial) b = eligo_database_get_trial_by_nct_id (database, "NCT06585345", NULL);
  g_autoptr(EligoCriterion) curated = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(EligoTrial) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { eligo_trial_get_id (a), eligo_trial_get_id (b) };

  curated = eligo_database_curate (database, "NCT07072494/I4", "ecog <= 1", FALSE, "Nurse", &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_set_archived (database, &ids[1], 1, TRUE, &error));

  deleted = eligo_database_delete_trials (database, ids, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 2);
  g_assert_null (eligo_database_get_trial_by_nct_id (database, "NCT07072494", NULL));

  /* Undo: both back, the archived one still archived, the curated rule still there. */
  g_assert_true (eligo_database_restore_trials (database, deleted, &error));
  g_assert_no_error (error);
  back = eligo_database_get_trial_by_nct_id (database, "NCT06585345", &error);
  g_assert_true (eligo_trial_get_archived (back));
  g_clear_object (&back);
  back = eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error);
  g_assert_false (eligo_trial_get_archived (back));
  criteria = eligo_database_get_criteria (database, back, &error);
  for (guint i = 0; i < criteria->len; i++)
    if (g_str_equal (eligo_criterion_get_id (g_ptr_array_index (criteria, i)), "NCT07072494/I4"))
      g_assert_cmpint (eligo_criterion_get_origin (g_ptr_array_index (criteria, i)), ==,
                       ELIGO_ORIGIN_CURATED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/library/import-job", test_import_job);
  g_test_add_func ("/eligo/library/import-job-cancel", test_import_job_cancel);
  g_test_add_func ("/eligo/library/archive", test_archive);
  g_test_add_func ("/eligo/library/delete-and-undo", test_delete_and_undo);

  return g_test_run ();
}
