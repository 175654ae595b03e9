/* fuzz-registry.c: the registry client's handling of any answer, served by
 * a loopback server, through to the import into a fresh database
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte of an input chooses what is asked and how the server
 * answers: a study by NCT number or a search (with a limit, so that a
 * server that always offers a next page cannot keep the client forever),
 * and the HTTP status; the rest is the body, as the registry would send
 * it. Whatever the body, the client ends (never hangs), every message is
 * valid UTF-8, and the database holds exactly the studies it says it
 * added or updated.
 */

#include "eligo-fuzz.h"

#include <libsoup/soup.h>

#include "eligo-database.h"
#include "eligo-registry-client.h"
#include "eligo-registry-import.h"

static SoupServer *server;
static char *base_url;
static char *db_path;
static GBytes *body;
static guint status;

static void
handle_cb (SoupServer        *server_,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, size);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  eligo_fuzz_init ();
  db_path = g_build_filename (eligo_fuzz_scratch_dir (), "eligo.db", NULL);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handle_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("Cannot listen on 127.0.0.1: %s\n", error->message);
      abort ();
    }
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  base_url = g_strconcat (url, "api/v2", NULL);

  return 0;
}

static void
remove_database (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (!eligo_registry_import_finish (ELIGO_REGISTRY_IMPORT (source), result, error) &&
      *error == NULL)
    {
      g_printerr ("The import failed without saying why\n");
      abort ();
    }
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint statuses[] = { 200, 200, 200, 404 };
  static const char * const ids[] = { "NCT02349698", NULL };
  g_autoptr(EligoRegistryClient) client = NULL;
  g_autoptr(EligoRegistryImport) import = NULL;
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *outcomes;
  guint n_stored = 0;
  guint n_in_database;
  gint64 deadline;

  if (size < 1)
    return 0;

  status = statuses[data[0] & 3];
  body = g_bytes_new (data + 1, size - 1);

  remove_database ();
  database = eligo_database_open (db_path, &error);
  if (database == NULL)
    {
      g_printerr ("Cannot open a scratch database: %s\n", error->message);
      abort ();
    }

  client = eligo_registry_client_new (base_url);
  g_object_set (client, "min-interval", 0, "backoff-base", 1, "max-retries", 0,
                "request-timeout", 2000, "total-timeout", 4000, NULL);
  import = eligo_registry_import_new (client, database);

  if (data[0] & 4)
    {
      EligoRegistrySearch search = { .term = (char *) "leukemia", .page_size = 10 };

      eligo_registry_import_search_async (import, &search, 25, NULL, on_done_cb, &error);
    }
  else
    eligo_registry_import_fetch_async (import, ids, NULL, on_done_cb, &error);

  deadline = g_get_monotonic_time () + 8 * G_TIME_SPAN_SECOND;
  while (error == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("The registry client did not end within 8 s\n");
          abort ();
        }
    }

  eligo_fuzz_assert_utf8 ("the error message", error->message);
  summary = eligo_registry_import_dup_summary (import);
  eligo_fuzz_assert_utf8 ("the summary", summary);

  outcomes = eligo_registry_import_get_outcomes (import);
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      const EligoRegistryOutcome *outcome = g_ptr_array_index (outcomes, i);

      eligo_fuzz_assert_utf8 ("an outcome's NCT number", outcome->nct_id);
      eligo_fuzz_assert_utf8 ("an outcome's message", outcome->message);
      if (outcome->kind == ELIGO_REGISTRY_OUTCOME_ADDED)
        n_stored++;
    }

  g_clear_error (&error);
  n_in_database = eligo_database_count_trials (database, NULL, &error);
  if (error != NULL)
    {
      g_printerr ("The database cannot be read after the import: %s\n", error->message);
      abort ();
    }
  /* A fresh database: what is in it is exactly what was added. */
  if (n_in_database != n_stored)
    {
      g_printerr ("The import says %u studies were added; the database holds %u\n", n_stored,
                  n_in_database);
      abort ();
    }

  g_clear_pointer (&body, g_bytes_unref);
  return 0;
}
