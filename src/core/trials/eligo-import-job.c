/* eligo-import-job.c
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

#define G_LOG_DOMAIN "eligo-import-job"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-import.h"
#include "eligo-import-job.h"

struct _EligoImportJob
{
  GObject           parent_instance;

  char             *database_path;
  GPtrArray        *inputs;      /* GFile: as given, files or folders */

  /* Written by the worker, read on the main context after a progress report. */
  GMutex            mutex;
  guint             n_files;
  guint             n_done;
  EligoImportStats  stats;
  GPtrArray        *rejected;    /* EligoImportRejection */
  gboolean          cancelled;

  GMainContext     *context;
  gboolean          running;
};

G_DEFINE_FINAL_TYPE (EligoImportJob, eligo_import_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_FILES,
  PROP_N_DONE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rejection_free (gpointer data)
{
  EligoImportRejection *rejection = data;

  g_free (rejection->name);
  g_free (rejection->message);
  g_free (rejection);
}

static void
add_rejection (EligoImportJob *self,
               GFile          *file,
               const char     *message)
{
  EligoImportRejection *rejection = g_new0 (EligoImportRejection, 1);

  rejection->name = g_file_get_parse_name (file);
  rejection->message = g_strdup (message);

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->rejected, rejection);
  g_mutex_unlock (&self->mutex);
}

static gboolean
notify_progress_cb (gpointer data)
{
  EligoImportJob *self = data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);

  return G_SOURCE_REMOVE;
}

static void
report_progress (EligoImportJob *self)
{
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_progress_cb,
                              g_object_ref (self), g_object_unref);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EligoImportJob *self = source_object;
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  /* Its own connection: the main thread keeps reading while this one writes. */
  database = eligo_database_open (self->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < self->inputs->len; i++)
    {
      GFile *input = g_ptr_array_index (self->inputs, i);
      g_autoptr(GError) expand_error = NULL;

      if (!eligo_import_expand (input, files, cancellable, &expand_error))
        add_rejection (self, input, expand_error->message);
    }

  g_mutex_lock (&self->mutex);
  self->n_files = files->len;
  g_mutex_unlock (&self->mutex);
  report_progress (self);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      EligoImportStats stats = { 0 };
      g_autoptr(GError) file_error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_mutex_lock (&self->mutex);
          self->cancelled = TRUE;
          g_mutex_unlock (&self->mutex);
          break;
        }

      if (!eligo_database_import_file (database, file, &stats, NULL, &file_error))
        add_rejection (self, file, file_error->message);

      g_mutex_lock (&self->mutex);
      self->stats.added += stats.added;
      self->stats.updated += stats.updated;
      self->stats.unchanged += stats.unchanged;
      self->n_done = i + 1;
      g_mutex_unlock (&self->mutex);
      report_progress (self);
    }

  g_task_return_boolean (task, TRUE);
}

static void
eligo_import_job_finalize (GObject *object)
{
  EligoImportJob *self = (EligoImportJob *) object;

  g_free (self->database_path);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->rejected, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (eligo_import_job_parent_class)->finalize (object);
}

static void
eligo_import_job_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EligoImportJob *self = ELIGO_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_N_FILES:
      g_value_set_uint (value, eligo_import_job_get_n_files (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, eligo_import_job_get_n_done (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, eligo_import_job_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_import_job_class_init (EligoImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = eligo_import_job_finalize;
  object_class->get_property = eligo_import_job_get_property;

  properties[PROP_N_FILES] = g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_import_job_init (EligoImportJob *self)
{
  g_mutex_init (&self->mutex);
  self->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  self->rejected = g_ptr_array_new_with_free_func (rejection_free);
}

/**
 * eligo_import_job_new:
 * @database_path: the database to import into
 * @files: (array length=n_files): files or folders
 *
 * Returns: (transfer full): a job, not started
 */
EligoImportJob *
eligo_import_job_new (const char  *database_path,
                      GFile      **files,
                      guint        n_files)
{
  EligoImportJob *self;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self = g_object_new (ELIGO_TYPE_IMPORT_JOB, NULL);
  self->database_path = g_strdup (database_path);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->inputs, g_object_ref (files[i]));

  return self;
}

void
eligo_import_job_run_async (EligoImportJob      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ELIGO_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  self->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eligo_import_job_run_async);
  /* Cancelling is a normal end: the files imported so far stay, and the
   * job says how far it got. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

/**
 * eligo_import_job_run_finish:
 *
 * Returns: %FALSE if the database could not be opened; rejected files and
 *   cancelling are not errors: see the job's counts and rejections
 */
gboolean
eligo_import_job_run_finish (EligoImportJob  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
eligo_import_job_get_n_files (EligoImportJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_files;
  g_mutex_unlock (&self->mutex);

  return n;
}

guint
eligo_import_job_get_n_done (EligoImportJob *self)
{
  guint n;

  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_done;
  g_mutex_unlock (&self->mutex);

  return n;
}

double
eligo_import_job_get_fraction (EligoImportJob *self)
{
  double fraction;

  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), 0);

  g_mutex_lock (&self->mutex);
  fraction = self->n_files > 0 ? (double) self->n_done / self->n_files : 0;
  g_mutex_unlock (&self->mutex);

  return fraction;
}

/* Only meaningful once the job has finished. */
const EligoImportStats *
eligo_import_job_get_stats (EligoImportJob *self)
{
  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), NULL);
  return &self->stats;
}

/**
 * eligo_import_job_get_rejected:
 *
 * Returns: (transfer none) (element-type EligoImportRejection): the files
 *   that were not imported and why; read it once the job has finished
 */
GPtrArray *
eligo_import_job_get_rejected (EligoImportJob *self)
{
  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), NULL);
  return self->rejected;
}

gboolean
eligo_import_job_get_cancelled (EligoImportJob *self)
{
  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), FALSE);
  return self->cancelled;
}

/**
 * eligo_import_job_dup_summary:
 *
 * Returns: (transfer full): e.g. "Imported 120 trials, 3 updated, 1 file rejected"
 */
char *
eligo_import_job_dup_summary (EligoImportJob *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_rejected;

  g_return_val_if_fail (ELIGO_IS_IMPORT_JOB (self), NULL);

  n_rejected = self->rejected->len;

  if (self->cancelled)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Import stopped after %u of %u file",
                                         "Import stopped after %u of %u files",
                                         self->n_files),
                            self->n_done, self->n_files);
  else
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Imported %u trial", "Imported %u trials",
                                         self->stats.added),
                            self->stats.added);

  if (self->cancelled)
    {
      g_string_append (summary, ": ");
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u trial added", "%u trials added",
                                           self->stats.added),
                              self->stats.added);
    }

  if (self->stats.updated > 0)
    {
      g_string_append (summary, ", ");
      g_string_append_printf (summary, _("%u updated"), self->stats.updated);
    }

  if (self->stats.unchanged > 0)
    {
      g_string_append (summary, ", ");
      g_string_append_printf (summary, _("%u unchanged"), self->stats.unchanged);
    }

  if (n_rejected > 0)
    {
      g_string_append (summary, ", ");
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u file rejected",
                                           "%u files rejected", n_rejected),
                              n_rejected);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}
