/* test-registry-dialogs.c
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
 * "Search the Registry…" and "Refresh from Registry" against a loopback
 * SoupServer on 127.0.0.1 that answers with real API v2 records from
 * tests/data/ctgov: a search over three pages (the server honours pageSize
 * and hands out a nextPageToken, as ClinicalTrials.gov does), single
 * studies, a server error, and a record changed since it was imported.
 *
 * With ELIGO_SCREENSHOT_PAUSE=SECONDS set, the tests hold the search
 * results and the refresh summary on screen that long, for
 * `import -window root`.
 */

#define G_LOG_DOMAIN "test-registry-dialogs"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>
#include <string.h>

#include "eligo-format.h"
#include "eligo-registry-refresh-dialog-private.h"
#include "eligo-registry-search-dialog-private.h"
#include "eligo-test-utils.h"
#include "eligo-trial-query.h"

#define N_STUDIES 60
#define IN_LIBRARY "NCT02650414"      /* second of the search, imported beforehand */
#define CHANGED    "NCT04571138"      /* changed in the registry since import */
#define SAME       "NCT05164042"      /* the same in the registry */
#define GONE       "NCT02349698"      /* 404 */

/* The CAR-T trials of tests/data first, then the others in name order. */
static const char * const car_t[] = {
  "NCT04571138", "NCT02650414", "NCT03937544", "NCT04100187", "NCT04265963", "NCT04272125",
  "NCT02349698", "NCT04835519", "NCT05164042", "NCT05309213", "NCT05397184", "NCT05480501",
  "NCT05507827", "NCT05942599",
};

typedef struct
{
  SoupServer    *server;
  char          *base_url;
  GPtrArray     *studies;    /* JsonNode, the search's results in order */
  GHashTable    *records;    /* NCT id -> JSON text served for GET /studies/{id} */
  GPtrArray     *searches;   /* GHashTable query of each search request */
  GPtrArray     *fetches;    /* NCT id of each study request */
  guint          fail_status;

  char          *dir;
  char          *db_path;
  EligoDatabase *database;
} Fixture;

static char *
study_path (const char *nct_id)
{
  g_autofree char *name = g_strdup_printf ("%s.json", nct_id);

  return eligo_test_data_path ("ctgov", "studies", name, NULL);
}

static char *
read_study (const char *nct_id)
{
  g_autofree char *path = study_path (nct_id);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);

  return node;
}

static JsonObject *
module (JsonNode   *study,
        const char *name)
{
  JsonObject *protocol = json_object_get_object_member (json_node_get_object (study),
                                                        "protocolSection");

  return json_object_get_object_member (protocol, name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
search_ids (void)
{
  g_autofree char *dir_path = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strndup (name, strlen (name) - 5));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < G_N_ELEMENTS (car_t); i++)
    g_ptr_array_add (ids, g_strdup (car_t[i]));
  for (guint i = 0; i < names->len && ids->len < N_STUDIES; i++)
    if (!g_strv_contains (car_t, g_ptr_array_index (names, i)))
      g_ptr_array_add (ids, g_strdup (g_ptr_array_index (names, i)));

  return ids;
}

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
serve_search (Fixture           *fixture,
              SoupServerMessage *msg,
              GHashTable        *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *token = query != NULL ? g_hash_table_lookup (query, "pageToken") : NULL;
  const char *size_text = query != NULL ? g_hash_table_lookup (query, "pageSize") : NULL;
  const char *cond = query != NULL ? g_hash_table_lookup (query, "query.cond") : NULL;
  guint offset = token != NULL ? (guint) g_ascii_strtoull (token + strlen ("page-at-"), NULL, 10)
                               : 0;
  guint size = size_text != NULL ? (guint) g_ascii_strtoull (size_text, NULL, 10) : 10;
  guint end;

  if (fixture->fail_status != 0)
    {
      soup_server_message_set_status (msg, fixture->fail_status, NULL);
      return;
    }

  /* A condition nothing matches */
  if (g_strcmp0 (cond, "no such disease") == 0)
    offset = fixture->studies->len;

  end = MIN (offset + size, fixture->studies->len);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "studies");
  json_builder_begin_array (builder);
  for (guint i = offset; i < end; i++)
    json_builder_add_value (builder, json_node_copy (g_ptr_array_index (fixture->studies, i)));
  json_builder_end_array (builder);
  if (end < fixture->studies->len)
    {
      g_autofree char *next = g_strdup_printf ("page-at-%u", end);

      json_builder_set_member_name (builder, "nextPageToken");
      json_builder_add_string_value (builder, next);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  respond_json (msg, SOUP_STATUS_OK, text);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           data)
{
  Fixture *fixture = data;

  g_assert_cmpstr (soup_server_message_get_method (msg), ==, "GET");

  if (g_str_equal (path, "/api/v2/studies"))
    {
      GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      if (query != NULL)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, query);
          while (g_hash_table_iter_next (&iter, &key, &value))
            g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
        }
      g_ptr_array_add (fixture->searches, copy);
      serve_search (fixture, msg, query);
      return;
    }

  if (g_str_has_prefix (path, "/api/v2/studies/"))
    {
      const char *nct_id = path + strlen ("/api/v2/studies/");
      const char *record = g_hash_table_lookup (fixture->records, nct_id);

      g_ptr_array_add (fixture->fetches, g_strdup (nct_id));
      if (record == NULL)
        respond_json (msg, SOUP_STATUS_NOT_FOUND,
                      "{\"message\": \"Study not found\"}");
      else
        respond_json (msg, SOUP_STATUS_OK, record);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = search_ids ();
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;
  guint port;

  fixture->studies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  fixture->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fixture->searches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  fixture->fetches = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *nct_id = g_ptr_array_index (ids, i);
      char *text = read_study (nct_id);

      g_ptr_array_add (fixture->studies, parse (text));
      g_hash_table_insert (fixture->records, g_strdup (nct_id), text);
    }

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/api/v2/studies", on_request_cb, fixture, NULL);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  soup_server_listen (fixture->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%u/api/v2", port);

  fixture->dir = eligo_test_make_tmpdir ();
  fixture->db_path = eligo_test_tmp_path ("registry.db");
  fixture->database = eligo_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (eligo_test_integrity_ok (fixture->db_path));

  g_clear_object (&fixture->database);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->base_url);
  g_ptr_array_unref (fixture->studies);
  g_hash_table_unref (fixture->records);
  g_ptr_array_unref (fixture->searches);
  g_ptr_array_unref (fixture->fetches);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* A client that does not wait a second between requests, nor retry. */
static EligoRegistryClient *
make_client (Fixture *fixture)
{
  EligoRegistryClient *client = eligo_registry_client_new (fixture->base_url);

  g_object_set (client,
                "min-interval", 0,
                "max-retries", 0,
                "request-timeout", 10000,
                "total-timeout", 20000,
                NULL);

  return client;
}

static void
import_study (Fixture    *fixture,
              const char *nct_id)
{
  g_autofree char *path = study_path (nct_id);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EligoImportStats stats = { 0 };

  eligo_database_import_file (fixture->database, file, &stats, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);
}

static gboolean
in_database (Fixture    *fixture,
             const char *nct_id)
{
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (fixture->database, nct_id,
                                                                    NULL);

  return trial != NULL;
}

static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

static void
hold_for_screenshot (void)
{
  const char *pause = g_getenv ("ELIGO_SCREENSHOT_PAUSE");

  if (pause != NULL)
    iterate_for ((guint) g_ascii_strtoull (pause, NULL, 10) * 1000);
}

static gboolean
is_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
search_idle_cb (gpointer data)
{
  EligoRegistrySearchDialog *dialog = data;

  return !dialog->loading;
}

static gboolean
import_done_cb (gpointer data)
{
  EligoRegistrySearchDialog *dialog = data;

  return dialog->import != NULL && dialog->import_cancellable == NULL;
}

static guint
n_results (EligoRegistrySearchDialog *dialog)
{
  return g_list_model_get_n_items (G_LIST_MODEL (dialog->results));
}

static EligoRegistryResult *
result_at (EligoRegistrySearchDialog *dialog,
           guint                      position)
{
  g_autoptr(EligoRegistryResult) result = g_list_model_get_item (G_LIST_MODEL (dialog->results),
                                                                 position);

  return result;
}

static void
count_cb (GObject *object,
          guint   *n)
{
  (*n)++;
}

static void
set_offline (gboolean offline)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);

  g_settings_set_boolean (settings, "work-offline", offline);
}

static gboolean
is_offline (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);

  return g_settings_get_boolean (settings, "work-offline");
}

static EligoRegistrySearchDialog *
open_search (Fixture *fixture)
{
  g_autoptr(EligoRegistryClient) client = make_client (fixture);
  EligoRegistrySearchDialog *dialog;

  dialog = ELIGO_REGISTRY_SEARCH_DIALOG (eligo_registry_search_dialog_new (NULL,
                                                                           fixture->database,
                                                                           client));
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped_cb, dialog, 10);

  return dialog;
}

static void
search (EligoRegistrySearchDialog *dialog,
        const char                *condition,
        const char                *terms)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog->condition_entry), condition);
  gtk_editable_set_text (GTK_EDITABLE (dialog->terms_entry), terms);
  /* Enter in an entry starts the search; offline it sends nothing */
  g_signal_emit_by_name (dialog->terms_entry, "activate");
  g_assert_true (dialog->loading != is_offline ());
  if (dialog->loading)
    g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "loading");
  eligo_test_wait_until (search_idle_cb, dialog, 20);
}

/* Every search request sends these and nothing else. */
static void
assert_search_query (GHashTable *query,
                     const char *page_token)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpstr (g_hash_table_lookup (query, "query.cond"), ==, "acute lymphoblastic leukemia");
  g_assert_cmpstr (g_hash_table_lookup (query, "query.term"), ==, "CD19 CAR-T");
  g_assert_cmpstr (g_hash_table_lookup (query, "filter.overallStatus"), ==, "RECRUITING");
  g_assert_cmpstr (g_hash_table_lookup (query, "pageSize"), ==, "25");
  g_assert_cmpstr (g_hash_table_lookup (query, "pageToken"), ==, page_token);

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      static const char * const allowed[] = {
        "query.cond", "query.term", "filter.overallStatus", "pageSize", "pageToken", NULL
      };

      g_assert_true (g_strv_contains (allowed, key));
    }
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

/* Every tick box on screen is named after its trial, for a screen reader. */
static void
assert_check_labels (EligoRegistrySearchDialog *dialog)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  collect_checks (GTK_WIDGET (dialog->column_view), checks);
  g_assert_cmpuint (checks->len, >=, 10);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkAccessible *check = g_ptr_array_index (checks, i);
      gboolean named = FALSE;

      if (!gtk_widget_get_mapped (GTK_WIDGET (check)))
        continue;

      for (guint j = 0; j < n_results (dialog) && !named; j++)
        {
          g_autofree char *label =
            g_strdup_printf ("Add %s",
                             eligo_registry_result_get_nct_id (result_at (dialog, j)));
          g_autofree char *mismatch =
            gtk_test_accessible_check_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, label);

          named = mismatch == NULL;
        }
      g_assert_true (named);
    }
}

static void
test_search_page_scroll_add (Fixture       *fixture,
                             gconstpointer  data)
{
  EligoRegistrySearchDialog *dialog;
  EligoRegistryResult *result;
  JsonNode *first = g_ptr_array_index (fixture->studies, 0);
  JsonArray *locations;
  GtkAdjustment *adjustment;
  GListModel *columns;
  g_autofree char *status = NULL;
  g_autoptr(EligoTrialQuery) query = NULL;
  guint n_imported = 0;

  import_study (fixture, IN_LIBRARY);
  dialog = open_search (fixture);

  /* Before a search: the start page, and nothing was sent */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "start");
  g_assert_cmpuint (fixture->searches->len, ==, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (dialog->privacy_label), "127.0.0.1"));

  search (dialog, " acute lymphoblastic leukemia ", "CD19 CAR-T");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "results");
  g_assert_cmpuint (fixture->searches->len, ==, 1);
  assert_search_query (g_ptr_array_index (fixture->searches, 0), NULL);
  g_assert_cmpuint (n_results (dialog), ==, 25);

  /* The columns, and the first row read from the first record of the page */
  columns = gtk_column_view_get_columns (dialog->column_view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 7);
  result = result_at (dialog, 0);
  g_assert_cmpstr (eligo_registry_result_get_nct_id (result), ==, car_t[0]);
  g_assert_cmpstr (eligo_registry_result_get_title (result), ==,
                   json_object_get_string_member (module (first, "identificationModule"),
                                                  "briefTitle"));
  g_assert_cmpstr (eligo_registry_result_get_status (result), ==, "RECRUITING");
  status = eligo_format_status ("RECRUITING");
  g_assert_cmpstr (eligo_registry_result_get_status_label (result), ==, status);
  g_assert_cmpstr (eligo_registry_result_get_phase_label (result), ==, "Phase 1/2");
  /* "maximumAge": "30 Years", no minimum */
  g_assert_cmpstr (eligo_registry_result_get_ages_label (result), ==, "≤ 30");
  locations = json_object_get_array_member (module (first, "contactsLocationsModule"),
                                            "locations");
  g_assert_cmpint (eligo_registry_result_get_n_sites (result), ==,
                   (int) json_array_get_length (locations));
  g_assert_cmpint (eligo_registry_result_get_n_sites (result), ==, 5);
  g_assert_false (eligo_registry_result_get_in_library (result));

  /* The trial already in the library is marked and cannot be ticked */
  result = result_at (dialog, 1);
  g_assert_cmpstr (eligo_registry_result_get_nct_id (result), ==, IN_LIBRARY);
  g_assert_true (eligo_registry_result_get_in_library (result));
  eligo_registry_result_set_selected (result, TRUE);
  g_assert_false (eligo_registry_result_get_selected (result));
  g_assert_nonnull (strstr (gtk_label_get_text (dialog->status_label), "25 trials shown"));

  /* The page fills the view: nothing more is asked for until it is scrolled */
  iterate_for (500);
  g_assert_cmpuint (fixture->searches->len, ==, 1);

  adjustment = gtk_scrolled_window_get_vadjustment (dialog->results_scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  g_assert_true (dialog->loading);
  g_assert_cmpstr (gtk_label_get_text (dialog->status_label), ==, "Loading more results…");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "results");
  eligo_test_wait_until (search_idle_cb, dialog, 20);
  g_assert_cmpuint (fixture->searches->len, ==, 2);
  assert_search_query (g_ptr_array_index (fixture->searches, 1), "page-at-25");
  g_assert_cmpuint (n_results (dialog), ==, 50);
  g_assert_cmpstr (eligo_registry_result_get_nct_id (result_at (dialog, 25)), ==,
                   json_object_get_string_member (
                     module (g_ptr_array_index (fixture->studies, 25), "identificationModule"),
                     "nctId"));

  /* Tick two by activating their rows (Enter), as the keyboard does */
  g_signal_emit_by_name (dialog->column_view, "activate", 0);
  g_signal_emit_by_name (dialog->column_view, "activate", 2);
  g_assert_true (eligo_registry_result_get_selected (result_at (dialog, 0)));
  g_assert_true (eligo_registry_result_get_selected (result_at (dialog, 2)));
  g_assert_cmpstr (gtk_button_get_label (dialog->add_button), ==, "_Add 2 Trials");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->add_button)));

  /* Space on the current row ticks and unticks it */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       dialog->column_view)), 3);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "results.toggle-tick", NULL);
  g_assert_true (eligo_registry_result_get_selected (result_at (dialog, 3)));
  g_assert_cmpstr (gtk_button_get_label (dialog->add_button), ==, "_Add 3 Trials");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "results.toggle-tick", NULL);
  g_assert_false (eligo_registry_result_get_selected (result_at (dialog, 3)));
  g_assert_cmpstr (gtk_button_get_label (dialog->add_button), ==, "_Add 2 Trials");

  gtk_adjustment_set_value (adjustment, 0);
  iterate_for (100);
  assert_check_labels (dialog);
  hold_for_screenshot ();

  g_assert_false (in_database (fixture, car_t[0]));
  g_assert_false (in_database (fixture, car_t[2]));
  g_signal_connect (dialog, "imported", G_CALLBACK (count_cb), &n_imported);
  g_signal_emit_by_name (dialog->add_button, "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->cancel_button)));
  eligo_test_wait_until (import_done_cb, dialog, 30);

  /* Each was fetched by its NCT number and imported */
  g_assert_cmpuint (fixture->fetches->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->fetches, 0), ==, car_t[0]);
  g_assert_cmpstr (g_ptr_array_index (fixture->fetches, 1), ==, car_t[2]);
  g_assert_true (in_database (fixture, car_t[0]));
  g_assert_true (in_database (fixture, car_t[2]));
  g_assert_cmpuint (n_imported, ==, 1);
  query = eligo_trial_query_new ();
  g_assert_cmpuint (eligo_database_count_trials (fixture->database, query, NULL), ==, 3);
  g_assert_true (eligo_registry_result_get_in_library (result_at (dialog, 0)));
  g_assert_false (eligo_registry_result_get_selected (result_at (dialog, 0)));
  g_assert_cmpstr (gtk_label_get_text (dialog->status_label), ==,
                   "2 trials added to the library.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->cancel_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->add_button)));

  /* The last page ends the paging */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  eligo_test_wait_until (search_idle_cb, dialog, 20);
  g_assert_cmpuint (fixture->searches->len, ==, 3);
  assert_search_query (g_ptr_array_index (fixture->searches, 2), "page-at-50");
  g_assert_cmpuint (n_results (dialog), ==, N_STUDIES);
  g_assert_null (dialog->next_page_token);
  g_assert_nonnull (strstr (gtk_label_get_text (dialog->status_label), "60 trials found"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_search_error_and_empty (Fixture       *fixture,
                             gconstpointer  data)
{
  EligoRegistrySearchDialog *dialog = open_search (fixture);

  /* No words: nothing is sent */
  g_signal_emit_by_name (dialog->condition_entry, "activate");
  g_assert_false (dialog->loading);
  g_assert_cmpuint (fixture->searches->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "start");

  fixture->fail_status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  search (dialog, "acute lymphoblastic leukemia", "");
  g_assert_cmpuint (fixture->searches->len, ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "error");
  g_assert_nonnull (strstr (gtk_label_get_text (dialog->error_label), "HTTP 500"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (dialog->error_label), "The search"));
  g_assert_cmpuint (n_results (dialog), ==, 0);

  /* Try Again, once the registry is back */
  fixture->fail_status = 0;
  g_signal_emit_by_name (dialog->retry_button, "clicked");
  eligo_test_wait_until (search_idle_cb, dialog, 20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "results");
  g_assert_cmpuint (n_results (dialog), ==, 25);

  /* Nothing matches */
  gtk_drop_down_set_selected (dialog->status_dropdown, 5);
  search (dialog, "no such disease", "");
  g_assert_null (g_hash_table_lookup (g_ptr_array_index (fixture->searches, 2),
                                      "filter.overallStatus"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "empty");
  g_assert_nonnull (strstr (gtk_label_get_text (dialog->empty_label), "no such disease"));
  g_assert_cmpuint (n_results (dialog), ==, 0);

  /* The other statuses map to the registry's codes */
  g_assert_cmpstr (_eligo_registry_search_dialog_status_codes (1)[0], ==, "NOT_YET_RECRUITING");
  g_assert_cmpstr (_eligo_registry_search_dialog_status_codes (3)[0], ==,
                   "ACTIVE_NOT_RECRUITING");
  g_assert_cmpstr (_eligo_registry_search_dialog_status_codes (4)[0], ==, "COMPLETED");
  g_assert_null (_eligo_registry_search_dialog_status_codes (5));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_search_add_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  EligoRegistrySearchDialog *dialog = open_search (fixture);

  search (dialog, "acute lymphoblastic leukemia", "CD19 CAR-T");
  g_assert_cmpuint (n_results (dialog), ==, 25);
  eligo_registry_result_set_selected (result_at (dialog, 0), TRUE);
  eligo_registry_result_set_selected (result_at (dialog, 1), TRUE);

  /* Two seconds between requests: Cancel comes first */
  g_object_set (dialog->client, "min-interval", 2000, NULL);
  g_signal_emit_by_name (dialog->add_button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (dialog->form));
  g_assert_cmpstr (gtk_label_get_text (dialog->status_label), ==, "Adding 1 of 2…");
  g_signal_emit_by_name (dialog->cancel_button, "clicked");
  eligo_test_wait_until (import_done_cb, dialog, 30);

  g_assert_cmpuint (fixture->fetches->len, ==, 0);
  g_assert_false (in_database (fixture, car_t[0]));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (dialog->status_label), "Cancelled;"));
  g_assert_true (gtk_widget_get_sensitive (dialog->form));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->cancel_button)));
  /* Still ticked, to try again */
  g_assert_true (eligo_registry_result_get_selected (result_at (dialog, 0)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->add_button)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Records the importer refuses or that lack modules are still listed. */
static void
test_partial_results (void)
{
  g_autofree char *dir_path = eligo_test_data_path ("ctgov", "partial", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) study = NULL;
      g_autoptr(EligoRegistryResult) result = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      study = parse (text);
      result = eligo_registry_result_new_from_study (json_node_get_object (study), 1);
      g_assert_nonnull (eligo_registry_result_get_nct_id (result));
      g_assert_true (g_str_has_prefix (name, eligo_registry_result_get_nct_id (result)));
      g_assert_nonnull (eligo_registry_result_get_title (result));
      g_assert_nonnull (eligo_registry_result_get_ages_label (result));
      g_assert_nonnull (eligo_registry_result_get_sites_label (result));
      g_assert_true (eligo_registry_result_get_can_add (result) ==
                     (eligo_registry_result_get_problem (result) == NULL));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* A study without an NCT number is listed, named by its place, and cannot be ticked. */
static void
test_result_without_nct_id (void)
{
  g_autoptr(JsonNode) study = parse ("{\"protocolSection\": {\"identificationModule\": "
                                     "{\"briefTitle\": \"Untitled\"}}}");
  g_autoptr(EligoRegistryResult) result =
    eligo_registry_result_new_from_study (json_node_get_object (study), 7);

  g_assert_null (eligo_registry_result_get_nct_id (result));
  g_assert_cmpstr (eligo_registry_result_get_title (result), ==, "Untitled");
  g_assert_true (g_str_has_prefix (eligo_registry_result_get_problem (result),
                                   "Result 7 cannot be added: "));
  eligo_registry_result_set_selected (result, TRUE);
  g_assert_false (eligo_registry_result_get_selected (result));
}

static gboolean
refresh_done_cb (gpointer data)
{
  EligoRegistryRefreshDialog *dialog = data;

  return dialog->finished;
}

/* The registry's newer version of CHANGED: new criteria, a new status. */
static char *
changed_record (void)
{
  g_autofree char *text = read_study (CHANGED);
  g_autoptr(JsonNode) study = parse (text);
  JsonObject *eligibility = module (study, "eligibilityModule");
  JsonObject *status = module (study, "statusModule");
  g_autofree char *criteria =
    g_strconcat (json_object_get_string_member (eligibility, "eligibilityCriteria"),
                 "\n* Left ventricular ejection fraction of 45% or more", NULL);
  JsonObject *last_update = json_object_new ();

  json_object_set_string_member (eligibility, "eligibilityCriteria", criteria);
  json_object_set_string_member (status, "overallStatus", "ACTIVE_NOT_RECRUITING");
  json_object_set_string_member (last_update, "date", "2026-11-30");
  json_object_set_string_member (last_update, "type", "ACTUAL");
  json_object_set_object_member (status, "lastUpdatePostDateStruct", last_update);

  return json_to_string (study, FALSE);
}

static GtkWidget *
row_child (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL ? gtk_list_box_row_get_child (row) : NULL;
}

static const char *
row_text (GtkListBox *list,
          int         index,
          gboolean    detail)
{
  GtkWidget *box = row_child (list, index);
  GtkWidget *label;

  g_assert_nonnull (box);
  label = gtk_widget_get_first_child (box);
  if (detail)
    label = gtk_widget_get_next_sibling (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_refresh_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EligoRegistryClient) client = make_client (fixture);
  g_autoptr(EligoTrial) trial = NULL;
  EligoRegistryRefreshDialog *dialog;
  guint n_imported = 0;

  import_study (fixture, CHANGED);
  import_study (fixture, SAME);
  import_study (fixture, GONE);
  g_hash_table_insert (fixture->records, g_strdup (CHANGED), changed_record ());
  g_hash_table_remove (fixture->records, GONE);

  /* NULL: the whole library */
  dialog = ELIGO_REGISTRY_REFRESH_DIALOG (eligo_registry_refresh_dialog_new (NULL,
                                                                             fixture->database,
                                                                             client, NULL));
  g_assert_cmpuint (fixture->fetches->len, ==, 0);
  g_signal_connect (dialog, "imported", G_CALLBACK (count_cb), &n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped_cb, dialog, 10);
  g_assert_true (dialog->started);
  eligo_test_wait_until (refresh_done_cb, dialog, 30);
  g_assert_cmpuint (n_imported, ==, 1);

  g_assert_cmpuint (fixture->fetches->len, ==, 3);
  g_assert_cmpstr (gtk_label_get_text (dialog->heading_label), ==, "Refresh Finished");
  g_assert_cmpstr (gtk_progress_bar_get_text (dialog->progress_bar), ==, "3 of 3");
  g_assert_cmpstr (gtk_label_get_text (dialog->summary_label), ==,
                   "3 trials of 3 checked: 1 changed, 1 unchanged, 1 failed.");

  /* The changed trial with its sections, then the failed one and why */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->changes_scroller)));
  g_assert_true (g_str_has_prefix (row_text (dialog->changes_list, 0, FALSE), CHANGED " · "));
  g_assert_cmpstr (row_text (dialog->changes_list, 0, TRUE), ==,
                   "Changed: Eligibility criteria, Status");
  /* How its criteria changed, beside the sections */
  {
    GtkWidget *detail = gtk_widget_get_next_sibling (
      gtk_widget_get_first_child (row_child (dialog->changes_list, 0)));
    const char *counts = gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (detail)));

    g_assert_true (g_str_has_prefix (counts, "Criteria: "));
    g_assert_nonnull (strstr (counts, "unchanged"));
  }
  g_assert_cmpstr (row_text (dialog->changes_list, 1, FALSE), !=, NULL);
  g_assert_true (g_str_has_prefix (row_text (dialog->changes_list, 1, FALSE), GONE));
  g_assert_nonnull (strstr (row_text (dialog->changes_list, 1, TRUE), "HTTP 404"));
  g_assert_nonnull (strstr (row_text (dialog->changes_list, 1, TRUE), GONE));
  g_assert_null (row_child (dialog->changes_list, 2));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->close_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->cancel_button)));

  /* The database has the registry's new version */
  trial = eligo_database_get_trial_by_nct_id (fixture->database, CHANGED, NULL);
  g_assert_cmpstr (eligo_trial_get_overall_status (trial), ==, "ACTIVE_NOT_RECRUITING");
  g_assert_nonnull (strstr (eligo_trial_get_eligibility_criteria (trial),
                            "ejection fraction of 45%"));

  hold_for_screenshot ();
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_refresh_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EligoRegistryClient) client = make_client (fixture);
  const char * const ids[] = { CHANGED, SAME, NULL };
  EligoRegistryRefreshDialog *dialog;

  import_study (fixture, CHANGED);
  import_study (fixture, SAME);
  /* One second between requests, so that Cancel comes before the second */
  g_object_set (client, "min-interval", 1000, NULL);

  dialog = ELIGO_REGISTRY_REFRESH_DIALOG (eligo_registry_refresh_dialog_new (NULL,
                                                                             fixture->database,
                                                                             client, ids));
  gtk_window_present (GTK_WINDOW (dialog));
  eligo_test_wait_until (is_mapped_cb, dialog, 10);
  g_assert_cmpstr (gtk_label_get_text (dialog->heading_label), ==,
                   "Refreshing 2 trials from the registry…");
  g_assert_cmpstr (gtk_progress_bar_get_text (dialog->progress_bar), ==, "0 of 2");
  g_signal_emit_by_name (dialog->cancel_button, "clicked");
  eligo_test_wait_until (refresh_done_cb, dialog, 30);

  g_assert_cmpstr (gtk_label_get_text (dialog->heading_label), ==, "Refresh Cancelled");
  g_assert_cmpuint (fixture->fetches->len, <, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (dialog->summary_label), "of 2 checked"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Working offline, neither dialog sends anything. */
static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EligoRegistryClient) client = make_client (fixture);
  EligoRegistrySearchDialog *search_dialog;
  EligoRegistryRefreshDialog *refresh_dialog;

  import_study (fixture, CHANGED);
  search_dialog = open_search (fixture);
  set_offline (TRUE);

  search (search_dialog, "acute lymphoblastic leukemia", "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (search_dialog->stack), ==, "error");
  g_assert_nonnull (strstr (gtk_label_get_text (search_dialog->error_label), "work offline"));
  gtk_window_destroy (GTK_WINDOW (search_dialog));

  refresh_dialog = ELIGO_REGISTRY_REFRESH_DIALOG (
    eligo_registry_refresh_dialog_new (NULL, fixture->database, client, NULL));
  gtk_window_present (GTK_WINDOW (refresh_dialog));
  eligo_test_wait_until (is_mapped_cb, refresh_dialog, 10);
  eligo_test_wait_until (refresh_done_cb, refresh_dialog, 10);
  g_assert_cmpstr (gtk_label_get_text (refresh_dialog->heading_label), ==, "Working Offline");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (refresh_dialog->close_button)));
  iterate_for (200);
  gtk_window_destroy (GTK_WINDOW (refresh_dialog));

  g_assert_cmpuint (fixture->searches->len, ==, 0);
  g_assert_cmpuint (fixture->fetches->len, ==, 0);
  set_offline (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/registry-dialogs/search", Fixture, NULL, fixture_set_up,
              test_search_page_scroll_add, fixture_tear_down);
  g_test_add ("/eligo/registry-dialogs/search-error-empty", Fixture, NULL, fixture_set_up,
              test_search_error_and_empty, fixture_tear_down);
  g_test_add ("/eligo/registry-dialogs/search-add-cancel", Fixture, NULL, fixture_set_up,
              test_search_add_cancel, fixture_tear_down);
  g_test_add_func ("/eligo/registry-dialogs/partial-results", test_partial_results);
  g_test_add_func ("/eligo/registry-dialogs/result-without-nct-id", test_result_without_nct_id);
  g_test_add ("/eligo/registry-dialogs/refresh", Fixture, NULL, fixture_set_up,
              test_refresh_changes, fixture_tear_down);
  g_test_add ("/eligo/registry-dialogs/refresh-cancel", Fixture, NULL, fixture_set_up,
              test_refresh_cancel, fixture_tear_down);

  g_test_add ("/eligo/registry-dialogs/offline", Fixture, NULL, fixture_set_up,
              test_offline, fixture_tear_down);

  return g_test_run ();
}
