/* eligo-import-job.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "eligo-database.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;     /* the file as the user knows it */
  char *message;  /* why it was rejected, naming the file */
} EligoImportRejection;

#define ELIGO_TYPE_IMPORT_JOB (eligo_import_job_get_type ())

/*
 * Imports files (or every .json file in folders) off the main thread, each
 * file in its own transaction, reporting progress on the main context of
 * the caller. Cancelling stops between files: what was imported stays.
 */
G_DECLARE_FINAL_TYPE (EligoImportJob, eligo_import_job, ELIGO, IMPORT_JOB, GObject)

EligoImportJob         *eligo_import_job_new          (const char           *database_path,
                                                       GFile               **files,
                                                       guint                 n_files);
void                    eligo_import_job_run_async    (EligoImportJob       *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean                eligo_import_job_run_finish   (EligoImportJob       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
guint                   eligo_import_job_get_n_files  (EligoImportJob       *self);
guint                   eligo_import_job_get_n_done   (EligoImportJob       *self);
double                  eligo_import_job_get_fraction (EligoImportJob       *self);
const EligoImportStats *eligo_import_job_get_stats    (EligoImportJob       *self);
GPtrArray              *eligo_import_job_get_rejected (EligoImportJob       *self);
gboolean                eligo_import_job_get_cancelled (EligoImportJob      *self);
char                   *eligo_import_job_dup_summary  (EligoImportJob       *self);

G_END_DECLS
