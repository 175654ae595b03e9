/* eligo-test-registry.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the loopback registry does to the next request for a path */
typedef enum
{
  ELIGO_TEST_FAULT_NONE,      /* answers as usual */
  ELIGO_TEST_FAULT_503,       /* 503, no Retry-After */
  ELIGO_TEST_FAULT_429,       /* 429 with Retry-After: 1 */
  ELIGO_TEST_FAULT_STALL,     /* accepts the request and never answers */
  ELIGO_TEST_FAULT_TRUNCATE,  /* 200, Content-Length of the whole, half the body, close */
  ELIGO_TEST_FAULT_NOT_JSON,  /* 200 with an HTML maintenance page */
  ELIGO_TEST_FAULT_404,
} EligoTestFault;

typedef struct
{
  char       *path;
  GHashTable *query;   /* decoded parameters; empty without a query */
  char       *accept;
  gint64      time;    /* monotonic µs when it arrived */
} EligoTestRequest;

typedef struct _EligoTestRegistry EligoTestRegistry;

EligoTestRegistry *eligo_test_registry_new          (void);
void               eligo_test_registry_free         (EligoTestRegistry *registry);
const char        *eligo_test_registry_get_url      (EligoTestRegistry *registry);
void               eligo_test_registry_add_study    (EligoTestRegistry *registry,
                                                     const char        *nct_id,
                                                     GBytes            *body);
GBytes            *eligo_test_registry_study_file   (const char        *nct_id);
GBytes            *eligo_test_registry_amended_study (const char     *nct_id);
GBytes            *eligo_test_registry_changed_study (const char     *nct_id);
void               eligo_test_registry_add_page     (EligoTestRegistry *registry,
                                                     const char        *token,
                                                     GBytes            *body);
void               eligo_test_registry_push_fault   (EligoTestRegistry *registry,
                                                     const char        *path,
                                                     EligoTestFault     fault);
guint              eligo_test_registry_get_n_requests (EligoTestRegistry *registry);
EligoTestRequest  *eligo_test_registry_get_request  (EligoTestRegistry *registry,
                                                     guint              index);

G_END_DECLS
