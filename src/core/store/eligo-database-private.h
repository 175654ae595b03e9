/* eligo-database-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "eligo-database.h"

G_BEGIN_DECLS

sqlite3  *_eligo_database_get_handle (EligoDatabase  *self);
gboolean  _eligo_database_exec       (EligoDatabase  *self,
                                      const char     *sql,
                                      GError        **error);
void      _eligo_database_set_error  (EligoDatabase  *self,
                                      GError        **error);
void      _eligo_database_rollback   (EligoDatabase  *self);
gboolean  _eligo_database_bind_text  (sqlite3_stmt   *stmt,
                                      int             index,
                                      const char     *text);

/* Schema and its migrations (eligo-database-schema.c) */
int       _eligo_database_read_user_version (EligoDatabase  *self,
                                             GError        **error);
gboolean  _eligo_database_migrate           (EligoDatabase  *self,
                                             int             version,
                                             GError        **error);

/* Stored criteria (eligo-database-stored.c) */
typedef struct _EligoCriteriaWriter EligoCriteriaWriter;

EligoCriteriaWriter *_eligo_criteria_writer_new   (EligoDatabase        *self,
                                                   GError              **error);
gboolean             _eligo_criteria_writer_store (EligoCriteriaWriter  *writer,
                                                   EligoTrial           *trial,
                                                   GPtrArray            *criteria,
                                                   GError              **error);
gboolean             _eligo_criteria_writer_store_rows (EligoCriteriaWriter  *writer,
                                                        EligoTrial           *trial,
                                                        GPtrArray            *criteria,
                                                        GError              **error);
void                 _eligo_criteria_effective_ages (EligoTrial   *trial,
                                                     GPtrArray    *criteria,
                                                     double       *min_age,
                                                     double       *max_age,
                                                     const char  **age_source);
void                 _eligo_criteria_writer_free  (EligoCriteriaWriter  *writer);
GPtrArray           *_eligo_database_load_criteria (EligoDatabase       *self,
                                                    EligoTrial          *trial,
                                                    gboolean            *stored,
                                                    GError             **error);
GPtrArray           *_eligo_derive_criteria       (GPtrArray           *trials);
GPtrArray           *_eligo_derive_criteria_threads (GPtrArray         *trials,
                                                     guint              max_threads);
gboolean             _eligo_database_ensure_match_key_index (EligoDatabase  *self,
                                                             GError        **error);
gboolean             _eligo_database_import_derived (EligoDatabase     *self,
                                                     GPtrArray         *trials,
                                                     GPtrArray         *derived,
                                                     EligoImportStats  *stats,
                                                     GError           **error);

/* Previous criteria (eligo-database-history.c). The SQL expression giving,
 * for a screening row "s", the registry date of the first change of its
 * trial's criteria since it was saved, NULL if none
 * (eligo_database_dup_criteria_changed()). */
#define _ELIGO_CRITERIA_CHANGED_SQL \
  "(SELECT coalesce (r.replaced_by, substr (r.replaced_at, 1, 10)) FROM criteria_revisions r" \
  " WHERE r.nct_id = s.nct_id AND (r.replaced_at > s.screened_at OR" \
  " (s.trial_last_update IS NOT NULL AND r.replaced_by > s.trial_last_update))" \
  " ORDER BY r.id LIMIT 1)"

gboolean             _eligo_database_keep_previous_criteria (EligoDatabase  *self,
                                                             gint64          trial_id,
                                                             EligoTrial     *incoming,
                                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoCriteriaWriter, _eligo_criteria_writer_free)

G_END_DECLS
