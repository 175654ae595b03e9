/* eligo-rederive-job.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "eligo-database.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_REDERIVE_JOB (eligo_rederive_job_get_type ())

/*
 * Reads again, off the main thread and on a connection of its own, the
 * criteria of every trial ruled by an older extractor
 * (eligo_database_rederive_criteria()), reporting after each batch on the
 * main context of the caller: how many trials there were to do, how many
 * are done, whether it still runs.
 */
G_DECLARE_FINAL_TYPE (EligoRederiveJob, eligo_rederive_job, ELIGO, REDERIVE_JOB, GObject)

EligoRederiveJob *eligo_rederive_job_new          (const char           *database_path);
void              eligo_rederive_job_run_async    (EligoRederiveJob     *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          eligo_rederive_job_run_finish   (EligoRederiveJob     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
guint             eligo_rederive_job_get_n_total  (EligoRederiveJob     *self);
guint             eligo_rederive_job_get_n_done   (EligoRederiveJob     *self);
double            eligo_rederive_job_get_fraction (EligoRederiveJob     *self);
gboolean          eligo_rederive_job_get_running  (EligoRederiveJob     *self);

G_END_DECLS
