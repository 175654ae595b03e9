/* eligo-database.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "eligo-criteria-diff.h"
#include "eligo-criterion.h"
#include "eligo-trial.h"
#include "eligo-trial-query.h"

G_BEGIN_DECLS

#define ELIGO_DATABASE_SCHEMA_VERSION 6

#define ELIGO_DATABASE_ERROR (eligo_database_error_quark ())

typedef enum
{
  ELIGO_DATABASE_ERROR_OPEN,
  ELIGO_DATABASE_ERROR_NEWER_SCHEMA,
  ELIGO_DATABASE_ERROR_SQL,
  ELIGO_DATABASE_ERROR_NOT_FOUND,
  ELIGO_DATABASE_ERROR_INVALID,
} EligoDatabaseError;

typedef struct
{
  guint added;      /* trials new to the database */
  guint updated;    /* stored trials replaced by a newer or equal version */
  guint unchanged;  /* stored trials kept because the file's version is older */
} EligoImportStats;

/* Called after each batch of eligo_database_rederive_criteria(). */
typedef void (*EligoRederiveProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

#define ELIGO_TYPE_DATABASE (eligo_database_get_type ())

G_DECLARE_FINAL_TYPE (EligoDatabase, eligo_database, ELIGO, DATABASE, GObject)

GQuark         eligo_database_error_quark         (void);
char          *eligo_database_default_path        (void);
EligoDatabase *eligo_database_open                (const char             *path,
                                                   GError                **error);
const char    *eligo_database_get_path            (EligoDatabase          *self);
int            eligo_database_get_schema_version  (EligoDatabase          *self);
gboolean       eligo_database_seed_if_new         (EligoDatabase          *self,
                                                   GError                **error);
gboolean       eligo_database_import_trials       (EligoDatabase          *self,
                                                   GPtrArray              *trials,
                                                   EligoImportStats       *stats,
                                                   GError                **error);
gboolean       eligo_database_import_file         (EligoDatabase          *self,
                                                   GFile                  *file,
                                                   EligoImportStats       *stats,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
typedef void (*EligoImportFileFailed) (GFile        *file,
                                       const GError *error,
                                       gpointer      user_data);
guint          eligo_database_import_files        (EligoDatabase          *self,
                                                   GPtrArray              *files,
                                                   EligoImportStats       *stats,
                                                   EligoImportFileFailed   failed,
                                                   gpointer                user_data,
                                                   GCancellable           *cancellable);
guint          eligo_database_count_trials        (EligoDatabase          *self,
                                                   const EligoTrialQuery  *query,
                                                   GError                **error);
GArray        *eligo_database_query_ids           (EligoDatabase          *self,
                                                   const EligoTrialQuery  *query,
                                                   GError                **error);
EligoTrial    *eligo_database_get_trial           (EligoDatabase          *self,
                                                   gint64                  id,
                                                   GError                **error);
EligoTrial    *eligo_database_get_trial_by_nct_id (EligoDatabase          *self,
                                                   const char             *nct_id,
                                                   GError                **error);
gboolean       eligo_database_set_archived        (EligoDatabase          *self,
                                                   const gint64           *ids,
                                                   guint                   n_ids,
                                                   gboolean                archived,
                                                   GError                **error);
GPtrArray     *eligo_database_delete_trials       (EligoDatabase          *self,
                                                   const gint64           *ids,
                                                   guint                   n_ids,
                                                   GError                **error);
gboolean       eligo_database_restore_trials      (EligoDatabase          *self,
                                                   GPtrArray              *trials,
                                                   GError                **error);
gint64         eligo_database_get_data_version    (EligoDatabase          *self,
                                                   GError                **error);

/* Criteria, with the rules nurses curated (eligo-database-criteria.c) */
GPtrArray     *eligo_database_get_criteria        (EligoDatabase          *self,
                                                   EligoTrial             *trial,
                                                   GError                **error);
EligoCriterion *eligo_database_curate             (EligoDatabase          *self,
                                                   const char             *criterion_id,
                                                   const char             *rule,
                                                   gboolean                partial,
                                                   const char             *author,
                                                   GError                **error);
gboolean       eligo_database_uncurate            (EligoDatabase          *self,
                                                   const char             *criterion_id,
                                                   GError                **error);
guint          eligo_database_count_stale_criteria (EligoDatabase         *self,
                                                   GError                **error);
gboolean       eligo_database_rederive_criteria   (EligoDatabase          *self,
                                                   EligoRederiveProgressFunc progress,
                                                   gpointer                user_data,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
/* Criteria a re-import or refresh replaced (eligo-database-history.c) */
typedef struct
{
  gint64     id;
  char      *nct_id;
  char      *version;      /* the registry's last update of the replaced record, or NULL */
  char      *replaced_by;  /* the last update of the record that replaced it, or NULL */
  char      *replaced_at;  /* when Eligo stored that record: ISO 8601, UTC */
  GPtrArray *criteria;     /* EligoCriterion, as they read then */
} EligoCriteriaRevision;

EligoCriteriaRevision *eligo_database_get_previous_criteria (EligoDatabase    *self,
                                                             const char       *nct_id,
                                                             GError          **error);
guint          eligo_database_count_criteria_revisions (EligoDatabase     *self,
                                                        const char        *nct_id,
                                                        GError           **error);
char          *eligo_database_dup_criteria_changed (EligoDatabase          *self,
                                                    const char             *nct_id,
                                                    const char             *trial_last_update,
                                                    const char             *screened_at,
                                                    GError                **error);
gboolean       eligo_database_count_criteria_changes (EligoDatabase       *self,
                                                      EligoTrial          *trial,
                                                      EligoCriteriaDiffCounts *counts,
                                                      GError             **error);
void           eligo_criteria_revision_free       (EligoCriteriaRevision  *revision);

gboolean       eligo_criterion_id_parse           (const char             *criterion_id,
                                                   char                  **nct_id,
                                                   EligoCriterionKind     *kind,
                                                   guint                  *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoCriteriaRevision, eligo_criteria_revision_free)

G_END_DECLS
