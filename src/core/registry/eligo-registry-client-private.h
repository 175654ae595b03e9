/* eligo-registry-client-private.h
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

#include <libsoup/soup.h>

#include "eligo-registry-client.h"

G_BEGIN_DECLS

/*
 * The client's settings and session, shared by eligo-registry-client.c
 * (the type and the study and search API) and
 * eligo-registry-client-request.c (a request's attempts, retries and
 * timeouts).
 */

struct _EligoRegistryClient
{
  GObject      parent_instance;

  char        *base_url;
  SoupSession *session;
  gint64       last_request;      /* monotonic µs, 0 before the first */

  guint        min_interval;      /* ms between two requests */
  guint        backoff_base;      /* ms before the first retry, doubled after */
  guint        max_retries;
  guint        max_wait;          /* ms: the longest wait a Retry-After may ask for */
  guint        request_timeout;   /* ms without an answer before an attempt is given up */
  guint        total_timeout;     /* ms for one fetch or page, retries included */
  guint64      max_response_size;
};

void _eligo_registry_client_start_request (EligoRegistryClient *self,
                                           GTask               *task,
                                           char                *uri,
                                           char                *what,
                                           gboolean             is_page);

G_END_DECLS
