/* eligo-find-trials-job.h
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

#pragma once

#include <gio/gio.h>

#include "eligo-patient.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_FIND_TRIALS_JOB (eligo_find_trials_job_get_type ())

/*
 * Ranks the whole library for one patient off the main thread, on a
 * connection of its own, for the Find Trials window, with the core matcher
 * (eligo-matcher.c, as `eligo-cli match`). The result is the ranked array
 * of EligoScreeningResult, best first, of the trials listed: all those
 * still in the running and the best of those ruled out; the totals are
 * eligo_find_trials_job_get_n_ranked() and _get_n_ruled_out().
 */
G_DECLARE_FINAL_TYPE (EligoFindTrialsJob, eligo_find_trials_job, ELIGO, FIND_TRIALS_JOB, GObject)

EligoFindTrialsJob *eligo_find_trials_job_new          (const char          *database_path,
                                                        EligoPatient        *patient,
                                                        gboolean             recruiting_only);
void                eligo_find_trials_job_run_async    (EligoFindTrialsJob  *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray          *eligo_find_trials_job_run_finish   (EligoFindTrialsJob  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean            eligo_find_trials_job_get_recruiting_only (EligoFindTrialsJob *self);
guint               eligo_find_trials_job_get_n_trials (EligoFindTrialsJob  *self);
guint               eligo_find_trials_job_get_n_done   (EligoFindTrialsJob  *self);
double              eligo_find_trials_job_get_fraction (EligoFindTrialsJob  *self);
guint               eligo_find_trials_job_get_n_ranked (EligoFindTrialsJob  *self);
guint               eligo_find_trials_job_get_n_ruled_out (EligoFindTrialsJob *self);

/* The registry statuses "Recruiting only" keeps, NULL-terminated. */
const char * const *eligo_find_trials_recruiting_statuses (void);

G_END_DECLS
