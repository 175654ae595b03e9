/* eligo-registry-client.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ELIGO_REGISTRY_ERROR (eligo_registry_error_quark ())

typedef enum
{
  ELIGO_REGISTRY_ERROR_INVALID_ID,
  ELIGO_REGISTRY_ERROR_NOT_FOUND,
  ELIGO_REGISTRY_ERROR_NETWORK,
  ELIGO_REGISTRY_ERROR_TIMEOUT,
  ELIGO_REGISTRY_ERROR_BUSY,
  ELIGO_REGISTRY_ERROR_HTTP,
  ELIGO_REGISTRY_ERROR_TRUNCATED,
  ELIGO_REGISTRY_ERROR_NOT_JSON,
  ELIGO_REGISTRY_ERROR_TOO_LARGE,
  ELIGO_REGISTRY_ERROR_MISMATCH,
} EligoRegistryError;

#define ELIGO_REGISTRY_DEFAULT_URL "https://clinicaltrials.gov/api/v2"
/* A study is a few hundred kB at most and a page of 100 a few MB. */
#define ELIGO_REGISTRY_MAX_RESPONSE_SIZE (G_GUINT64_CONSTANT (32) * 1024 * 1024)
/* The registry's largest page */
#define ELIGO_REGISTRY_MAX_PAGE_SIZE 1000

/* What a search sends: only words the nurse typed and registry statuses. */
typedef struct
{
  char  *term;        /* query.term, or NULL */
  char  *condition;   /* query.cond, or NULL */
  char **statuses;    /* filter.overallStatus, e.g. "RECRUITING"; NULL for any */
  guint  page_size;   /* pageSize; 0 for the registry's default */
} EligoRegistrySearch;

#define ELIGO_TYPE_REGISTRY_CLIENT (eligo_registry_client_get_type ())

/*
 * Talks to ClinicalTrials.gov API v2 (or the server ELIGO_REGISTRY_URL names):
 * about one request a second, retries with backoff on 429, 503 and timeouts,
 * and a bounded time and size for every answer.
 */
G_DECLARE_FINAL_TYPE (EligoRegistryClient, eligo_registry_client, ELIGO, REGISTRY_CLIENT, GObject)

GQuark               eligo_registry_error_quark              (void);
gboolean             eligo_registry_parse_nct_id             (const char           *text,
                                                              char                **nct_id,
                                                              GError              **error);
gboolean             eligo_registry_status_is_valid          (const char           *status);
char                *eligo_registry_search_build_query       (const EligoRegistrySearch *search,
                                                              const char           *page_token);

EligoRegistryClient *eligo_registry_client_new               (const char           *base_url);
const char          *eligo_registry_client_get_base_url      (EligoRegistryClient  *self);
void                 eligo_registry_client_fetch_async       (EligoRegistryClient  *self,
                                                              const char           *nct_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GBytes              *eligo_registry_client_fetch_finish      (EligoRegistryClient  *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 eligo_registry_client_search_page_async (EligoRegistryClient  *self,
                                                              const EligoRegistrySearch *search,
                                                              const char           *page_token,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GBytes              *eligo_registry_client_search_page_finish (EligoRegistryClient *self,
                                                              GAsyncResult         *result,
                                                              char                **next_page_token,
                                                              GError              **error);

G_END_DECLS
