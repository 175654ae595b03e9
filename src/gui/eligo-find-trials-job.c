/* eligo-find-trials-job.c
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

#define G_LOG_DOMAIN "eligo-find-trials-job"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-database.h"
#include "eligo-find-trials-job.h"
#include "eligo-matcher.h"
#include "eligo-screening.h"

/*
 * find_trials_thread() ranks the library with the core matcher on the
 * worker's connection (eligo_matcher_rank(): counts only, a few tens of
 * milliseconds for 50,000 trials), then screens in full only what the
 * window shows in words: every trial still in the running and the best
 * MAX_LISTED of the rest. The totals of the whole ranking are kept for
 * the summary (eligo_find_trials_job_get_n_ranked()).
 */

/* Progress is reported at most this often, in trials. */
#define PROGRESS_STEP 64

/* Trials ruled out are listed (screened in full) up to this rank; those
 * still in the running always are. */
#define MAX_LISTED 500

struct _EligoFindTrialsJob
{
  GObject       parent_instance;

  char         *database_path;
  EligoPatient *patient;        /* a private copy: the worker reads it */
  gboolean      recruiting_only;

  /* Written by the worker, read on the main context after a report. */
  GMutex        mutex;
  guint         n_trials;
  guint         n_done;
  guint         n_ranked;
  guint         n_ruled_out;

  GMainContext *context;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (EligoFindTrialsJob, eligo_find_trials_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_TRIALS,
  PROP_N_DONE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const recruiting_statuses[] = {
  "RECRUITING",
  "NOT_YET_RECRUITING",
  "ENROLLING_BY_INVITATION",
  NULL
};

static gboolean
notify_progress_cb (gpointer data)
{
  EligoFindTrialsJob *self = data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TRIALS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);

  return G_SOURCE_REMOVE;
}

static void
report_progress (EligoFindTrialsJob *self,
                 guint               n_trials,
                 guint               n_done)
{
  g_mutex_lock (&self->mutex);
  self->n_trials = n_trials;
  self->n_done = n_done;
  g_mutex_unlock (&self->mutex);

  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_progress_cb,
                              g_object_ref (self), g_object_unref);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  return eligo_screening_result_compare (*(EligoScreeningResult **) a,
                                         *(EligoScreeningResult **) b);
}

static void
find_trials_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  EligoFindTrialsJob *self = source_object;
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoMatcher) matcher = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GError) error = NULL;
  EligoMatchStats stats = { 0 };
  guint n_listed = 0;

  /* Its own connection: the main thread keeps reading the library. */
  database = eligo_database_open (self->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The whole library, ranked by the counts alone: SQL sets aside what
   * age and sex rule out, each stored rule is evaluated once. */
  matcher = eligo_matcher_new (database);
  eligo_matcher_set_recruiting_only (matcher, self->recruiting_only);
  ranked = eligo_matcher_rank (matcher, self->patient, 0, &stats, cancellable, &error);
  if (ranked == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_mutex_lock (&self->mutex);
  self->n_ranked = stats.n_screened;
  self->n_ruled_out = stats.n_ruled_out;
  g_mutex_unlock (&self->mutex);

  /* Screened in full, for the words of what rules each out and the facts
   * still missing: every trial not ruled out, and the best of the rest. */
  for (guint i = 0; i < ranked->len; i++)
    if (g_array_index (ranked, EligoMatch, i).counts[ELIGO_VERDICT_FAIL] == 0 ||
        i < MAX_LISTED)
      n_listed++;
  report_progress (self, n_listed, 0);

  results = g_ptr_array_new_full (n_listed, (GDestroyNotify) eligo_screening_result_unref);
  for (guint i = 0; i < ranked->len && results->len < n_listed; i++)
    {
      const EligoMatch *match = &g_array_index (ranked, EligoMatch, i);
      g_autoptr(EligoTrial) trial = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      if (match->counts[ELIGO_VERDICT_FAIL] > 0 && i >= MAX_LISTED)
        continue;

      if (g_task_return_error_if_cancelled (task))
        return;

      trial = eligo_database_get_trial (database, match->trial_id, &error);
      if (trial == NULL)
        {
          /* Deleted since it was ranked: not part of the library any more. */
          if (g_error_matches (error, ELIGO_DATABASE_ERROR, ELIGO_DATABASE_ERROR_NOT_FOUND))
            {
              g_clear_error (&error);
              n_listed--;
              continue;
            }
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      criteria = eligo_database_get_criteria (database, trial, &error);
      if (criteria == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_ptr_array_add (results, eligo_screen (trial, criteria, self->patient));

      if (results->len % PROGRESS_STEP == 0)
        report_progress (self, n_listed, results->len);
    }

  g_ptr_array_sort (results, compare_results);
  report_progress (self, n_listed, n_listed);

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

static void
eligo_find_trials_job_finalize (GObject *object)
{
  EligoFindTrialsJob *self = (EligoFindTrialsJob *) object;

  g_free (self->database_path);
  g_clear_object (&self->patient);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (eligo_find_trials_job_parent_class)->finalize (object);
}

static void
eligo_find_trials_job_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EligoFindTrialsJob *self = ELIGO_FIND_TRIALS_JOB (object);

  switch (prop_id)
    {
    case PROP_N_TRIALS:
      g_value_set_uint (value, eligo_find_trials_job_get_n_trials (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, eligo_find_trials_job_get_n_done (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, eligo_find_trials_job_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_find_trials_job_class_init (EligoFindTrialsJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = eligo_find_trials_job_finalize;
  object_class->get_property = eligo_find_trials_job_get_property;

  properties[PROP_N_TRIALS] = g_param_spec_uint ("n-trials", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_find_trials_job_init (EligoFindTrialsJob *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * eligo_find_trials_job_new:
 * @database_path: the database whose library to rank
 * @patient: the patient; copied now, so later edits do not reach the worker
 * @recruiting_only: keep only trials that recruit or soon will
 *
 * Returns: (transfer full): a job, not started
 */
EligoFindTrialsJob *
eligo_find_trials_job_new (const char   *database_path,
                           EligoPatient *patient,
                           gboolean      recruiting_only)
{
  EligoFindTrialsJob *self;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (ELIGO_IS_PATIENT (patient), NULL);

  self = g_object_new (ELIGO_TYPE_FIND_TRIALS_JOB, NULL);
  self->database_path = g_strdup (database_path);
  self->recruiting_only = !!recruiting_only;

  /* The patient being entered keeps changing on the main thread. */
  json = eligo_patient_to_json (patient);
  self->patient = eligo_patient_new_from_json (json, &error);
  if (self->patient == NULL)
    {
      /* Only a patient without an id fails to round-trip; it screens the same. */
      g_clear_error (&error);
      json_object_set_string_member (json, "id", "-");
      self->patient = eligo_patient_new_from_json (json, NULL);
    }
  g_assert (self->patient != NULL);

  return self;
}

void
eligo_find_trials_job_run_async (EligoFindTrialsJob  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  self->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eligo_find_trials_job_run_async);
  g_task_run_in_thread (task, find_trials_thread);
}

/**
 * eligo_find_trials_job_run_finish:
 *
 * Returns: (transfer full) (element-type EligoScreeningResult): the
 *   screening of every trial, best first; %NULL with @error set if the
 *   database could not be read or the job was cancelled
 */
GPtrArray *
eligo_find_trials_job_run_finish (EligoFindTrialsJob  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  self->running = FALSE;
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
eligo_find_trials_job_get_recruiting_only (EligoFindTrialsJob *self)
{
  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self), FALSE);
  return self->recruiting_only;
}

guint
eligo_find_trials_job_get_n_trials (EligoFindTrialsJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_trials;
  g_mutex_unlock (&self->mutex);

  return n;
}

guint
eligo_find_trials_job_get_n_done (EligoFindTrialsJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_done;
  g_mutex_unlock (&self->mutex);

  return n;
}

double
eligo_find_trials_job_get_fraction (EligoFindTrialsJob *self)
{
  double fraction;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  fraction = self->n_trials > 0 ? (double) self->n_done / self->n_trials : 0;
  g_mutex_unlock (&self->mutex);

  return fraction;
}

/**
 * eligo_find_trials_recruiting_statuses:
 *
 * Returns: (transfer none): RECRUITING, NOT_YET_RECRUITING and
 *   ENROLLING_BY_INVITATION, as the registry spells them
 */
const char * const *
eligo_find_trials_recruiting_statuses (void)
{
  return recruiting_statuses;
}

/**
 * eligo_find_trials_job_get_n_ranked:
 *
 * Returns: how many trials the finished ranking screened, listed or not
 */
guint
eligo_find_trials_job_get_n_ranked (EligoFindTrialsJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_ranked;
  g_mutex_unlock (&self->mutex);

  return n;
}

/**
 * eligo_find_trials_job_get_n_ruled_out:
 *
 * Returns: how many of them a criterion rules out
 */
guint
eligo_find_trials_job_get_n_ruled_out (EligoFindTrialsJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_FIND_TRIALS_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_ruled_out;
  g_mutex_unlock (&self->mutex);

  return n;
}
