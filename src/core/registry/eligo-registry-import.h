/* eligo-registry-import.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "eligo-database.h"
#include "eligo-registry-client.h"
#include "eligo-trial.h"

G_BEGIN_DECLS

typedef enum
{
  ELIGO_REGISTRY_OUTCOME_ADDED,
  ELIGO_REGISTRY_OUTCOME_UPDATED,
  ELIGO_REGISTRY_OUTCOME_UNCHANGED,
  ELIGO_REGISTRY_OUTCOME_FAILED,
} EligoRegistryOutcomeKind;

/* What happened to one study of a fetch, search or refresh */
typedef struct
{
  char                     *nct_id;
  EligoRegistryOutcomeKind  kind;
  char                     *message;  /* why it failed, naming the study; NULL otherwise */
  char                    **changed;  /* sections whose record changed: "eligibility", … */
} EligoRegistryOutcome;

#define ELIGO_TYPE_REGISTRY_IMPORT (eligo_registry_import_get_type ())

/*
 * Fetches studies from the registry and imports each exactly as a file
 * would be (eligo_import_parse_bytes() and one transaction per study): a
 * study that fails imports nothing, the others of the batch still do.
 */
G_DECLARE_FINAL_TYPE (EligoRegistryImport, eligo_registry_import, ELIGO, REGISTRY_IMPORT, GObject)

char               **eligo_registry_changed_sections        (EligoTrial           *before,
                                                             EligoTrial           *after);

EligoRegistryImport *eligo_registry_import_new              (EligoRegistryClient  *client,
                                                             EligoDatabase        *database);
void                 eligo_registry_import_fetch_async      (EligoRegistryImport  *self,
                                                             const char * const   *nct_ids,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
void                 eligo_registry_import_search_async     (EligoRegistryImport  *self,
                                                             const EligoRegistrySearch *search,
                                                             guint                 limit,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean             eligo_registry_import_finish           (EligoRegistryImport  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
GPtrArray           *eligo_registry_import_get_outcomes     (EligoRegistryImport  *self);
guint                eligo_registry_import_get_n_total      (EligoRegistryImport  *self);
guint                eligo_registry_import_get_n_done       (EligoRegistryImport  *self);
guint                eligo_registry_import_count            (EligoRegistryImport  *self,
                                                             EligoRegistryOutcomeKind kind);
char                *eligo_registry_import_dup_summary      (EligoRegistryImport  *self);

G_END_DECLS
