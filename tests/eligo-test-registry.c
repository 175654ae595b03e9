/* eligo-test-registry.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A loopback ClinicalTrials.gov for the tests: a SoupServer on 127.0.0.1,
 * in a thread of its own so that it answers while a test waits on a
 * subprocess, replaying real API v2 records from tests/data/ctgov and the
 * faults a test queues for a path.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "eligo-test-registry.h"
#include "eligo-test-utils.h"

struct _EligoTestRegistry
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;

  GMutex        mutex;
  GCond         cond;
  GHashTable   *studies;    /* NCT → GBytes */
  GHashTable   *pages;      /* token ("" for the first) → GBytes */
  GHashTable   *faults;     /* path → GQueue of EligoTestFault */
  GPtrArray    *requests;   /* EligoTestRequest */
  GPtrArray    *stalled;    /* GIOStream held open */
};

static void
request_free (gpointer data)
{
  EligoTestRequest *request = data;

  g_free (request->path);
  g_hash_table_unref (request->query);
  g_free (request->accept);
  g_free (request);
}

static void
queue_free (gpointer data)
{
  g_queue_free (data);
}

static GHashTable *
copy_query (GHashTable *query)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (query == NULL)
    return copy;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

static void
write_raw (GIOStream  *stream,
           const char *head,
           const char *body,
           gsize       body_len)
{
  GOutputStream *out = g_io_stream_get_output_stream (stream);

  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, body, body_len, NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  EligoTestRegistry *registry = data;
  EligoTestRequest *request = g_new0 (EligoTestRequest, 1);
  g_autoptr(GBytes) body = NULL;
  GQueue *faults;
  int fault = -1;

  request->path = g_strdup (path);
  request->query = copy_query (query);
  request->accept = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (msg), "Accept"));
  request->time = g_get_monotonic_time ();

  g_mutex_lock (&registry->mutex);
  g_ptr_array_add (registry->requests, request);
  faults = g_hash_table_lookup (registry->faults, path);
  if (faults != NULL && !g_queue_is_empty (faults))
    fault = GPOINTER_TO_INT (g_queue_pop_head (faults));
  if (strcmp (path, "/studies") == 0)
    {
      const char *token = query != NULL ? g_hash_table_lookup (query, "pageToken") : NULL;
      GBytes *page = g_hash_table_lookup (registry->pages, token != NULL ? token : "");

      body = page != NULL ? g_bytes_ref (page) : NULL;
    }
  else if (g_str_has_prefix (path, "/studies/"))
    {
      GBytes *study = g_hash_table_lookup (registry->studies, path + strlen ("/studies/"));

      body = study != NULL ? g_bytes_ref (study) : NULL;
    }
  g_mutex_unlock (&registry->mutex);

  if (fault == ELIGO_TEST_FAULT_STALL)
    {
      GIOStream *stream = soup_server_message_steal_connection (msg);

      g_mutex_lock (&registry->mutex);
      g_ptr_array_add (registry->stalled, stream);
      g_mutex_unlock (&registry->mutex);
      return;
    }

  if (fault == ELIGO_TEST_FAULT_TRUNCATE && body != NULL)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
      gsize len = g_bytes_get_size (body);
      g_autofree char *head =
        g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: %zu\r\n\r\n", len);

      write_raw (stream, head, g_bytes_get_data (body, NULL), len / 2);
      return;
    }

  if (fault == ELIGO_TEST_FAULT_503)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }

  if (fault == ELIGO_TEST_FAULT_429)
    {
      soup_server_message_set_status (msg, 429, "Too Many Requests");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "1");
      return;
    }

  if (fault == ELIGO_TEST_FAULT_NOT_JSON)
    {
      static const char html[] = "<!DOCTYPE html><html><body><h1>Scheduled maintenance</h1>"
                                 "</body></html>";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, html,
                                        strlen (html));
      return;
    }

  if (fault == ELIGO_TEST_FAULT_404 || body == NULL)
    {
      static const char missing[] = "{\"message\":\"Not found\"}";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, missing,
                                        strlen (missing));
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static gpointer
server_thread (gpointer data)
{
  EligoTestRegistry *registry = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (registry->context);

  registry->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (registry->server, "/studies", handle_cb, registry, NULL);
  soup_server_listen_local (registry->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (registry->server);
  g_assert_nonnull (uris);

  g_mutex_lock (&registry->mutex);
  registry->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&registry->cond);
  g_mutex_unlock (&registry->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (registry->loop);

  for (guint i = 0; i < registry->stalled->len; i++)
    g_io_stream_close (g_ptr_array_index (registry->stalled, i), NULL, NULL);
  g_ptr_array_set_size (registry->stalled, 0);
  soup_server_disconnect (registry->server);
  g_clear_object (&registry->server);

  g_main_context_pop_thread_default (registry->context);

  return NULL;
}

EligoTestRegistry *
eligo_test_registry_new (void)
{
  EligoTestRegistry *registry = g_new0 (EligoTestRegistry, 1);

  g_mutex_init (&registry->mutex);
  g_cond_init (&registry->cond);
  registry->context = g_main_context_new ();
  registry->loop = g_main_loop_new (registry->context, FALSE);
  registry->studies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  registry->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_bytes_unref);
  registry->faults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, queue_free);
  registry->requests = g_ptr_array_new_with_free_func (request_free);
  registry->stalled = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&registry->mutex);
  registry->thread = g_thread_new ("test-registry", server_thread, registry);
  while (registry->url == NULL)
    g_cond_wait (&registry->cond, &registry->mutex);
  g_mutex_unlock (&registry->mutex);

  return registry;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
eligo_test_registry_free (EligoTestRegistry *registry)
{
  g_main_context_invoke (registry->context, quit_cb, registry->loop);
  g_thread_join (registry->thread);

  g_main_loop_unref (registry->loop);
  g_main_context_unref (registry->context);
  g_hash_table_unref (registry->studies);
  g_hash_table_unref (registry->pages);
  g_hash_table_unref (registry->faults);
  g_ptr_array_unref (registry->requests);
  g_ptr_array_unref (registry->stalled);
  g_free (registry->url);
  g_mutex_clear (&registry->mutex);
  g_cond_clear (&registry->cond);
  g_free (registry);
}

const char *
eligo_test_registry_get_url (EligoTestRegistry *registry)
{
  return registry->url;
}

/* A real record from tests/data/ctgov/studies, byte for byte. */
GBytes *
eligo_test_registry_study_file (const char *nct_id)
{
  g_autofree char *name = g_strdup_printf ("%s.json", nct_id);
  g_autofree char *path = eligo_test_data_path ("ctgov", "studies", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* A copy of a real record amended by hand, from tests/data/ctgov/changed
 * (the edits are listed in tests/data/PROVENANCE.md). */
GBytes *
eligo_test_registry_changed_study (const char *nct_id)
{
  g_autofree char *name = g_strdup_printf ("%s.json", nct_id);
  g_autofree char *path = eligo_test_data_path ("ctgov", "changed", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/*
 * The same real record as the registry might send it a month later: a
 * newer last update, another overall status and reworded eligibility.
 */
GBytes *
eligo_test_registry_amended_study (const char *nct_id)
{
  g_autoptr(GBytes) original = eligo_test_registry_study_file (nct_id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *protocol, *status, *eligibility, *date;
  char *text;

  json_parser_load_from_data (parser, g_bytes_get_data (original, NULL),
                              (gssize) g_bytes_get_size (original), &error);
  g_assert_no_error (error);
  protocol = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "protocolSection");
  status = json_object_get_object_member (protocol, "statusModule");
  eligibility = json_object_get_object_member (protocol, "eligibilityModule");
  json_object_set_string_member (status, "overallStatus", "ACTIVE_NOT_RECRUITING");
  date = json_object_get_object_member (status, "lastUpdatePostDateStruct");
  json_object_set_string_member (date, "date", "2099-01-15");
  json_object_set_string_member (eligibility, "eligibilityCriteria",
                                 "Inclusion Criteria:\n\n* Age 18 years or older\n* ECOG 0-1\n\n"
                                 "Exclusion Criteria:\n\n* Active CNS disease");

  text = json_to_string (json_parser_get_root (parser), FALSE);
  return g_bytes_new_take (text, strlen (text));
}

void
eligo_test_registry_add_study (EligoTestRegistry *registry,
                               const char        *nct_id,
                               GBytes            *body)
{
  g_mutex_lock (&registry->mutex);
  g_hash_table_replace (registry->studies, g_strdup (nct_id), g_bytes_ref (body));
  g_mutex_unlock (&registry->mutex);
}

void
eligo_test_registry_add_page (EligoTestRegistry *registry,
                              const char        *token,
                              GBytes            *body)
{
  g_mutex_lock (&registry->mutex);
  g_hash_table_replace (registry->pages, g_strdup (token != NULL ? token : ""),
                        g_bytes_ref (body));
  g_mutex_unlock (&registry->mutex);
}

void
eligo_test_registry_push_fault (EligoTestRegistry *registry,
                                const char        *path,
                                EligoTestFault     fault)
{
  GQueue *faults;

  g_mutex_lock (&registry->mutex);
  faults = g_hash_table_lookup (registry->faults, path);
  if (faults == NULL)
    {
      faults = g_queue_new ();
      g_hash_table_insert (registry->faults, g_strdup (path), faults);
    }
  g_queue_push_tail (faults, GINT_TO_POINTER (fault));
  g_mutex_unlock (&registry->mutex);
}

guint
eligo_test_registry_get_n_requests (EligoTestRegistry *registry)
{
  guint n;

  g_mutex_lock (&registry->mutex);
  n = registry->requests->len;
  g_mutex_unlock (&registry->mutex);

  return n;
}

/* Valid until the registry is freed: requests are only ever appended. */
EligoTestRequest *
eligo_test_registry_get_request (EligoTestRegistry *registry,
                                 guint              index)
{
  EligoTestRequest *request;

  g_mutex_lock (&registry->mutex);
  g_assert_cmpuint (index, <, registry->requests->len);
  request = g_ptr_array_index (registry->requests, index);
  g_mutex_unlock (&registry->mutex);

  return request;
}
