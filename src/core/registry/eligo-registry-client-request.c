/* eligo-registry-client-request.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only code that sends anything over the network. What it sends is a
 * path with an NCT number, or a search: words the nurse typed and registry
 * statuses. Nothing about patients ever reaches it.
 */


#define G_LOG_DOMAIN "eligo-registry"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "eligo-registry-client-private.h"

/*
 * One request to the registry, fetch or search page, as a GTask: its
 * attempts spaced by the client's minimum interval, the retries of a busy
 * server or a timeout with a doubling backoff (or the server's
 * Retry-After), the timeouts of an attempt and of the whole, the user's
 * cancellation, and the checks of the answer's size and JSON.
 */

typedef enum
{
  ABORT_NONE,
  ABORT_USER,
  ABORT_ATTEMPT_TIMEOUT,
  ABORT_TOTAL_TIMEOUT,
  ABORT_TOO_LARGE,
} AbortReason;

typedef struct
{
  char         *uri;
  char         *what;              /* "NCT01234567" or a translated "the search" */
  gboolean      is_page;

  guint         attempt;
  AbortReason   abort_reason;
  gboolean      finished;
  GCancellable *attempt_cancellable;
  SoupMessage  *msg;
  GInputStream *stream;
  GByteArray   *body;
  goffset       expected;          /* Content-Length, or -1 */

  guint         attempt_timeout_id;
  guint         total_timeout_id;
  guint         wait_id;
  GSource      *cancel_source;
} Request;

static void start_attempt (GTask *task);

/* On the task's context, which need not be the global default one. */
static guint
add_timeout (GTask       *task,
             guint        ms,
             GSourceFunc  func)
{
  g_autoptr(GSource) source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, task, NULL);
  return g_source_attach (source, g_task_get_context (task));
}

static void
remove_source (guint *id,
               GTask *task)
{
  GSource *source;

  if (*id == 0)
    return;

  source = g_main_context_find_source_by_id (g_task_get_context (task), *id);
  if (source != NULL)
    g_source_destroy (source);
  *id = 0;
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_assert (request->attempt_timeout_id == 0);
  g_assert (request->total_timeout_id == 0);
  g_assert (request->wait_id == 0);
  g_assert (request->cancel_source == NULL);

  g_free (request->uri);
  g_free (request->what);
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->msg);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_free (request);
}

static const char *
registry_host (EligoRegistryClient *self)
{
  return self->base_url;
}

static void
clear_sources (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  remove_source (&request->attempt_timeout_id, task);
  remove_source (&request->total_timeout_id, task);
  remove_source (&request->wait_id, task);
  if (request->cancel_source != NULL)
    {
      g_source_destroy (request->cancel_source);
      g_clear_pointer (&request->cancel_source, g_source_unref);
    }
}

static void
finish_with_error (GTask  *task,
                   GError *error)
{
  Request *request = g_task_get_task_data (task);

  g_assert (!request->finished);
  request->finished = TRUE;
  clear_sources (task);
  g_task_return_error (task, error);
  /* the reference _eligo_registry_client_start_request() took for the timers */
  g_object_unref (task);
}

static GError *
abort_error (GTask *task)
{
  EligoRegistryClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  switch (request->abort_reason)
    {
    case ABORT_TOTAL_TIMEOUT:
      return g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TIMEOUT,
                          /* Translators: the first %s is an NCT number or “the search”,
                           * the second the registry's address */
                          _("%s: no complete answer from %s within %u seconds"),
                          request->what, registry_host (self),
                          (self->total_timeout + 999) / 1000);
    case ABORT_TOO_LARGE:
      {
        g_autofree char *limit = g_format_size (self->max_response_size);

        return g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TOO_LARGE,
                            /* Translators: the second %s is a size, e.g. "33.6 MB" */
                            _("%s: the registry’s answer is larger than %s, which no study "
                              "or page is; nothing was imported"),
                            request->what, limit);
      }
    case ABORT_USER:
    case ABORT_NONE:
    case ABORT_ATTEMPT_TIMEOUT:
    default:
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
    }
}

static void
abort_request (GTask       *task,
               AbortReason  reason)
{
  Request *request = g_task_get_task_data (task);

  if (request->finished)
    return;

  /* The first reason wins, except that the nurse's Cancel beats a timeout. */
  if (request->abort_reason == ABORT_NONE || reason == ABORT_USER)
    request->abort_reason = reason;

  if (request->wait_id != 0)
    {
      remove_source (&request->wait_id, task);
      finish_with_error (task, abort_error (task));
      return;
    }

  if (request->attempt_cancellable != NULL)
    g_cancellable_cancel (request->attempt_cancellable);
}

static gboolean
on_user_cancelled_cb (GCancellable *cancellable,
                      gpointer      data)
{
  abort_request (data, ABORT_USER);
  return G_SOURCE_REMOVE;
}

static gboolean
on_total_timeout_cb (gpointer data)
{
  Request *request = g_task_get_task_data (data);

  request->total_timeout_id = 0;
  abort_request (data, ABORT_TOTAL_TIMEOUT);
  return G_SOURCE_REMOVE;
}

static gboolean
on_attempt_timeout_cb (gpointer data)
{
  Request *request = g_task_get_task_data (data);

  request->attempt_timeout_id = 0;
  abort_request (data, ABORT_ATTEMPT_TIMEOUT);
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_done_cb (gpointer data)
{
  Request *request = g_task_get_task_data (data);

  request->wait_id = 0;
  start_attempt (data);
  return G_SOURCE_REMOVE;
}

static void
wait_then_attempt (GTask *task,
                   guint  delay_ms)
{
  Request *request = g_task_get_task_data (task);

  g_assert (request->wait_id == 0);
  request->wait_id = add_timeout (task, delay_ms, on_wait_done_cb);
}

/* Retry-After: seconds or an HTTP date; 0 when absent or unreadable. */
static guint
retry_after_ms (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;
  char *end;

  if (value == NULL)
    return 0;

  seconds = g_ascii_strtoull (value, &end, 10);
  if (end != value && *end == '\0')
    return (guint) MIN (seconds, G_MAXUINT / 1000) * 1000;

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;

  now = g_date_time_new_now_utc ();
  if (g_date_time_compare (when, now) <= 0)
    return 0;

  return (guint) MIN (g_date_time_difference (when, now) / 1000, G_MAXUINT);
}

/* Retries a busy server or a timeout, or gives up with @error once the
 * retries are spent. Takes @error. */
static void
retry_or_fail (GTask  *task,
               guint   retry_after,
               GError *error)
{
  EligoRegistryClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  guint64 delay;

  if (request->attempt > self->max_retries)
    {
      finish_with_error (task, error);
      return;
    }

  g_error_free (error);
  delay = (guint64) self->backoff_base << MIN (request->attempt - 1, 16);
  delay = MAX (delay, MIN (retry_after, self->max_wait));
  g_debug ("attempt %u failed, retrying in %" G_GUINT64_FORMAT " ms", request->attempt, delay);
  wait_then_attempt (task, (guint) MIN (delay, G_MAXUINT));
}

static GError *
network_error (GTask        *task,
               const GError *error)
{
  EligoRegistryClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  return g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NETWORK,
                      /* Translators: %s are an NCT number or “the search”, the registry's
                       * address and the system's reason */
                      _("%s: cannot reach the registry at %s (%s); check the network "
                        "connection"),
                      request->what, registry_host (self), error->message);
}

static GError *
timeout_error (GTask *task)
{
  EligoRegistryClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  return g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TIMEOUT,
                      _("%s: the registry at %s did not answer within %u seconds, "
                        "%u times"),
                      request->what, registry_host (self),
                      (self->request_timeout + 999) / 1000, request->attempt);
}

/* What went wrong in an attempt, after the fact: the attempt's cancellable
 * may have been cancelled for a timeout or the nurse's Cancel. */
static void
attempt_failed (GTask        *task,
                const GError *error,
                gboolean      reading_body)
{
  Request *request = g_task_get_task_data (task);

  remove_source (&request->attempt_timeout_id, task);
  g_clear_object (&request->stream);

  switch (request->abort_reason)
    {
    case ABORT_USER:
    case ABORT_TOTAL_TIMEOUT:
    case ABORT_TOO_LARGE:
      finish_with_error (task, abort_error (task));
      return;
    case ABORT_ATTEMPT_TIMEOUT:
      request->abort_reason = ABORT_NONE;
      retry_or_fail (task, 0, timeout_error (task));
      return;
    case ABORT_NONE:
    default:
      break;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      retry_or_fail (task, 0, timeout_error (task));
      return;
    }

  if (reading_body)
    {
      finish_with_error (task,
                         g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TRUNCATED,
                                      _("%s: the registry’s answer broke off after %u bytes "
                                        "(%s); nothing was imported"),
                                      request->what, request->body->len, error->message));
      return;
    }

  finish_with_error (task, network_error (task, error));
}

static void
body_complete (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  char *next_page_token = NULL;
  JsonNode *root;

  remove_source (&request->attempt_timeout_id, task);
  g_input_stream_close (request->stream, NULL, NULL);
  g_clear_object (&request->stream);

  if (request->expected >= 0 && (goffset) request->body->len != request->expected)
    {
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) request->expected);

      finish_with_error (task,
                         g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TRUNCATED,
                                      /* Translators: the second %s is a number of bytes */
                                      _("%s: the registry’s answer broke off after %u of %s "
                                        "bytes; nothing was imported"),
                                      request->what, request->body->len, expected));
      return;
    }

  parser = json_parser_new_immutable ();
  if (request->body->len == 0 ||
      !g_utf8_validate ((const char *) request->body->data, request->body->len, NULL) ||
      !json_parser_load_from_data (parser, (const char *) request->body->data,
                                   request->body->len, &error) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      const char *type = soup_message_headers_get_content_type (
        soup_message_get_response_headers (request->msg), NULL);

      finish_with_error (task,
                         g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NOT_JSON,
                                      /* Translators: the last %s is a MIME type */
                                      _("%s: the registry did not answer with a JSON object "
                                        "(content type %s); nothing was imported"),
                                      request->what, type != NULL ? type : "?"));
      return;
    }

  if (request->is_page)
    {
      JsonObject *page = json_node_get_object (root);
      JsonNode *token = json_object_get_member (page, "nextPageToken");
      JsonNode *studies = json_object_get_member (page, "studies");

      if (studies == NULL || !JSON_NODE_HOLDS_ARRAY (studies))
        {
          finish_with_error (task,
                             g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NOT_JSON,
                                          _("%s: the registry’s answer is not a page of "
                                            "studies (no “studies” array)"),
                                          request->what));
          return;
        }

      if (token != NULL && JSON_NODE_HOLDS_VALUE (token) &&
          json_node_get_value_type (token) == G_TYPE_STRING &&
          *json_node_get_string (token) != '\0')
        next_page_token = g_strdup (json_node_get_string (token));
    }

  request->finished = TRUE;
  clear_sources (task);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));
  g_object_set_data_full (G_OBJECT (task), "next-page-token", next_page_token, g_free);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_object_unref (task);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  EligoRegistryClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      attempt_failed (task, error, TRUE);
      return;
    }

  if (request->abort_reason != ABORT_NONE)
    {
      attempt_failed (task, NULL, TRUE);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      body_complete (task);
      return;
    }

  if (request->body->len + g_bytes_get_size (chunk) > self->max_response_size)
    {
      request->abort_reason = ABORT_TOO_LARGE;
      attempt_failed (task, NULL, TRUE);
      return;
    }

  g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL),
                       (guint) g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (request->stream, 64 * 1024, G_PRIORITY_DEFAULT,
                                   request->attempt_cancellable, on_read_cb,
                                   g_steal_pointer (&task));
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  EligoRegistryClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    {
      attempt_failed (task, error, FALSE);
      return;
    }

  status = soup_message_get_status (request->msg);
  headers = soup_message_get_response_headers (request->msg);
  g_debug ("HTTP %u for %s", status, request->what);

  if (status == SOUP_STATUS_OK)
    {
      request->expected = -1;
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
        request->expected = soup_message_headers_get_content_length (headers);

      if (request->expected > 0 && (guint64) request->expected > self->max_response_size)
        {
          request->abort_reason = ABORT_TOO_LARGE;
          attempt_failed (task, NULL, TRUE);
          return;
        }

      g_clear_pointer (&request->body, g_byte_array_unref);
      request->body = g_byte_array_new ();
      g_input_stream_read_bytes_async (request->stream, 64 * 1024, G_PRIORITY_DEFAULT,
                                       request->attempt_cancellable, on_read_cb,
                                       g_steal_pointer (&task));
      return;
    }

  remove_source (&request->attempt_timeout_id, task);
  g_input_stream_close (request->stream, NULL, NULL);
  g_clear_object (&request->stream);

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      if (request->is_page)
        finish_with_error (task,
                           g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NOT_FOUND,
                                        _("%s: the registry at %s has no study search "
                                          "(HTTP 404); check ELIGO_REGISTRY_URL"),
                                        request->what, registry_host (self)));
      else
        finish_with_error (task,
                           g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NOT_FOUND,
                                        _("%s is not in the registry (HTTP 404 from %s)"),
                                        request->what, registry_host (self)));
      return;
    }

  if (status == 429 || status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
      status == SOUP_STATUS_BAD_GATEWAY || status == SOUP_STATUS_GATEWAY_TIMEOUT)
    {
      retry_or_fail (task, retry_after_ms (request->msg),
                     g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_BUSY,
                                  /* Translators: %u are an HTTP status and a count */
                                  _("%s: the registry is busy (HTTP %u) and still was after "
                                    "%u tries; try again later"),
                                  request->what, status, request->attempt));
      return;
    }

  finish_with_error (task,
                     g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_HTTP,
                                  _("%s: the registry answered HTTP %u %s"),
                                  request->what, status,
                                  soup_message_get_reason_phrase (request->msg) != NULL
                                    ? soup_message_get_reason_phrase (request->msg) : ""));
}

static void
start_attempt (GTask *task)
{
  EligoRegistryClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();
  gint64 due = self->last_request + (gint64) self->min_interval * 1000;

  if (request->finished)
    return;

  /* Politeness: never two requests closer than the minimum interval. */
  if (self->last_request != 0 && now < due)
    {
      wait_then_attempt (task, (guint) ((due - now + 999) / 1000));
      return;
    }

  self->last_request = now;
  request->attempt++;
  request->abort_reason = ABORT_NONE;
  g_clear_object (&request->attempt_cancellable);
  request->attempt_cancellable = g_cancellable_new ();
  g_clear_object (&request->msg);
  request->msg = soup_message_new (SOUP_METHOD_GET, request->uri);
  soup_message_headers_replace (soup_message_get_request_headers (request->msg),
                                "Accept", "application/json");

  request->attempt_timeout_id = add_timeout (task, self->request_timeout,
                                             on_attempt_timeout_cb);
  soup_session_send_async (self->session, request->msg, G_PRIORITY_DEFAULT,
                           request->attempt_cancellable, on_sent_cb, g_object_ref (task));
}

void
_eligo_registry_client_start_request (EligoRegistryClient *self,
                                      GTask               *task,
                                      char                *uri,
                                      char                *what,
                                      gboolean             is_page)
{
  Request *request = g_new0 (Request, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  request->uri = uri;
  request->what = what;
  request->is_page = is_page;
  request->expected = -1;
  g_task_set_task_data (task, request, request_free);
  /* Held while the request runs, for the timers that point at it; dropped
   * when it returns. */
  g_object_ref (task);

  {
    g_autoptr(SoupMessage) probe = soup_message_new (SOUP_METHOD_GET, uri);

    if (probe == NULL)
      {
        finish_with_error (task,
                           g_error_new (ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NETWORK,
                                        _("the registry address “%s” is not a valid URL"),
                                        self->base_url));
        return;
      }
  }

  if (cancellable != NULL)
    {
      request->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (request->cancel_source, G_SOURCE_FUNC (on_user_cancelled_cb),
                             task, NULL);
      g_source_attach (request->cancel_source, g_task_get_context (task));
    }

  request->total_timeout_id = add_timeout (task, self->total_timeout, on_total_timeout_cb);
  start_attempt (task);
}
