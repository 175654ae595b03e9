/* eligo-rederive-job.c
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

#define G_LOG_DOMAIN "eligo-rederive-job"

#include "config.h"

#include "eligo-rederive-job.h"

struct _EligoRederiveJob
{
  GObject       parent_instance;

  char         *database_path;

  /* Written by the worker, read on the main context after a report. */
  GMutex        mutex;
  guint         n_total;
  guint         n_done;

  GMainContext *context;
  gboolean      running;     /* main context only */
};

G_DEFINE_FINAL_TYPE (EligoRederiveJob, eligo_rederive_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_TOTAL,
  PROP_N_DONE,
  PROP_FRACTION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
notify_progress_cb (gpointer data)
{
  EligoRederiveJob *self = data;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

static void
report_progress (EligoRederiveJob *self)
{
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_progress_cb,
                              g_object_ref (self), g_object_unref);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  EligoRederiveJob *self = user_data;

  g_mutex_lock (&self->mutex);
  self->n_done = done;
  self->n_total = total;
  g_mutex_unlock (&self->mutex);
  report_progress (self);
}

static void
rederive_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  EligoRederiveJob *self = source_object;
  g_autoptr(EligoDatabase) database = NULL;
  GError *error = NULL;
  guint total;

  /* A connection of its own: the window's stays free for reading. */
  database = eligo_database_open (self->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  total = eligo_database_count_stale_criteria (database, &error);
  if (total == G_MAXUINT)
    {
      g_task_return_error (task, error);
      return;
    }
  progress_cb (0, total, self);

  if (!eligo_database_rederive_criteria (database, progress_cb, self, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
eligo_rederive_job_finalize (GObject *object)
{
  EligoRederiveJob *self = (EligoRederiveJob *) object;

  g_free (self->database_path);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (eligo_rederive_job_parent_class)->finalize (object);
}

static void
eligo_rederive_job_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EligoRederiveJob *self = ELIGO_REDERIVE_JOB (object);

  switch (prop_id)
    {
    case PROP_N_TOTAL:
      g_value_set_uint (value, eligo_rederive_job_get_n_total (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, eligo_rederive_job_get_n_done (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, eligo_rederive_job_get_fraction (self));
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_rederive_job_class_init (EligoRederiveJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = eligo_rederive_job_finalize;
  object_class->get_property = eligo_rederive_job_get_property;

  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_rederive_job_init (EligoRederiveJob *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * eligo_rederive_job_new:
 * @database_path: the database whose criteria to read again
 *
 * Returns: (transfer full): a job, not started
 */
EligoRederiveJob *
eligo_rederive_job_new (const char *database_path)
{
  EligoRederiveJob *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (ELIGO_TYPE_REDERIVE_JOB, NULL);
  self->database_path = g_strdup (database_path);

  return self;
}

static void
on_task_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EligoRederiveJob *self = ELIGO_REDERIVE_JOB (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/**
 * eligo_rederive_job_run_async:
 *
 * Starts the job; #EligoRederiveJob:running is %TRUE until just before
 * @callback runs.
 */
void
eligo_rederive_job_run_async (EligoRederiveJob    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (ELIGO_IS_REDERIVE_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  /* The outer task reports to the caller once "running" is FALSE. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, eligo_rederive_job_run_async);
  inner = g_task_new (self, cancellable, on_task_done_cb, outer);
  g_task_run_in_thread (inner, rederive_thread);
}

gboolean
eligo_rederive_job_run_finish (EligoRederiveJob  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (ELIGO_IS_REDERIVE_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
eligo_rederive_job_get_n_total (EligoRederiveJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_REDERIVE_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_total;
  g_mutex_unlock (&self->mutex);

  return n;
}

guint
eligo_rederive_job_get_n_done (EligoRederiveJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_REDERIVE_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_done;
  g_mutex_unlock (&self->mutex);

  return n;
}

double
eligo_rederive_job_get_fraction (EligoRederiveJob *self)
{
  double fraction;

  g_return_val_if_fail (ELIGO_IS_REDERIVE_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  fraction = self->n_total > 0 ? (double) MIN (self->n_done, self->n_total) / self->n_total : 0;
  g_mutex_unlock (&self->mutex);

  return fraction;
}

/* Whether the job runs; main context only. */
gboolean
eligo_rederive_job_get_running (EligoRederiveJob *self)
{
  g_return_val_if_fail (ELIGO_IS_REDERIVE_JOB (self), FALSE);

  return self->running;
}
