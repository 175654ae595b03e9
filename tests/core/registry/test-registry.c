/* test-registry.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry client and the import of what it fetches, against a
 * loopback SoupServer replaying real API v2 records: fetch by id, a search
 * over several pages, and every fault the contract names, each ending with
 * the database unchanged by the failed part.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-criteria-diff.h"
#include "eligo-database.h"
#include "eligo-patient.h"
#include "eligo-registry-client.h"
#include "eligo-registry-import.h"
#include "eligo-screening-log.h"
#include "eligo-screening.h"
#include "eligo-test-registry.h"
#include "eligo-test-utils.h"

/* Real CAR-T records from tests/data/ctgov/studies */
static const char * const cart_ids[] = {
  "NCT02349698", "NCT02650414", "NCT03937544", "NCT04100187", "NCT04265963",
};

typedef struct
{
  EligoTestRegistry   *registry;
  EligoRegistryClient *client;
  EligoDatabase       *database;
  char                *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->registry = eligo_test_registry_new ();
  for (guint i = 0; i < G_N_ELEMENTS (cart_ids); i++)
    {
      g_autoptr(GBytes) study = eligo_test_registry_study_file (cart_ids[i]);

      eligo_test_registry_add_study (fixture->registry, cart_ids[i], study);
    }

  fixture->client = eligo_registry_client_new (eligo_test_registry_get_url (fixture->registry));
  /* Small waits keep the suite fast; the tests check they are honoured. */
  g_object_set (fixture->client,
                "min-interval", 50,
                "backoff-base", 100,
                "max-retries", 2,
                "request-timeout", 400,
                "total-timeout", 10000,
                NULL);
  fixture->database = eligo_test_open_database (&fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->database);
  eligo_test_registry_free (fixture->registry);
  g_free (fixture->path);
}

static guint
count_trials (Fixture *fixture)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  query->include_archived = TRUE;
  n = eligo_database_count_trials (fixture->database, query, &error);
  g_assert_no_error (error);

  return n;
}

static gboolean
has_trial (Fixture    *fixture,
           const char *nct_id)
{
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (fixture->database, nct_id,
                                                                    NULL);

  return trial != NULL;
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* Fetches @ids through EligoRegistryImport; returns the job. */
static EligoRegistryImport *
run_fetch (Fixture             *fixture,
           const char * const  *ids,
           GCancellable        *cancellable,
           GError             **error)
{
  EligoRegistryImport *job = eligo_registry_import_new (fixture->client, fixture->database);
  g_autoptr(GAsyncResult) result = NULL;

  eligo_registry_import_fetch_async (job, ids, cancellable, on_done_cb, &result);
  eligo_registry_import_finish (job, wait_result (&result), error);

  return job;
}

static EligoRegistryOutcome *
outcome (EligoRegistryImport *job,
         guint                index)
{
  GPtrArray *outcomes = eligo_registry_import_get_outcomes (job);

  g_assert_cmpuint (index, <, outcomes->len);
  return g_ptr_array_index (outcomes, index);
}

/* Fetches one id that the server is set to fail, and checks that the
 * database is exactly as before, and sound. */
static void
assert_fetch_fails (Fixture    *fixture,
                    const char *nct_id,
                    const char *message_part)
{
  const char *ids[] = { nct_id, NULL };
  g_autofree char *before = eligo_test_database_digest (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n = count_trials (fixture);
  EligoRegistryOutcome *failed;

  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);
  failed = outcome (job, 0);
  g_assert_cmpint (failed->kind, ==, ELIGO_REGISTRY_OUTCOME_FAILED);
  g_assert_cmpstr (failed->nct_id, ==, nct_id);
  g_assert_nonnull (strstr (failed->message, nct_id));
  if (message_part != NULL)
    g_assert_nonnull (strstr (failed->message, message_part));

  g_assert_cmpuint (count_trials (fixture), ==, n);
  g_assert_false (has_trial (fixture, nct_id));
  after = eligo_test_database_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

static GError *
client_fetch_error (Fixture    *fixture,
                    const char *nct_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  eligo_registry_client_fetch_async (fixture->client, nct_id, NULL, on_done_cb, &result);
  bytes = eligo_registry_client_fetch_finish (fixture->client, wait_result (&result), &error);
  g_assert_null (bytes);
  g_assert_nonnull (error);

  return error;
}

static void
test_parse_nct_id (void)
{
  static const struct { const char *text; const char *nct_id; } good[] = {
    { "NCT02349698", "NCT02349698" },
    { "  nct02349698\n", "NCT02349698" },
    { "https://clinicaltrials.gov/study/NCT02349698", "NCT02349698" },
    { "https://clinicaltrials.gov/study/NCT02349698?term=car-t&rank=1", "NCT02349698" },
    { "https://www.clinicaltrials.gov/study/NCT02349698/", "NCT02349698" },
    { "https://clinicaltrials.gov/ct2/show/NCT02349698", "NCT02349698" },
  };
  static const char * const bad[] = {
    "", "NCT0234969", "NCT023496981", "NCTABCDEFGH", "02349698", "NCT 02349698",
    "https://example.org/study/NCT02349698", "https://clinicaltrials.gov/search?term=x",
    "NCT02349698; DROP TABLE trials",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *nct_id = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (eligo_registry_parse_nct_id (good[i].text, &nct_id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (nct_id, ==, good[i].nct_id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *nct_id = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (eligo_registry_parse_nct_id (bad[i], &nct_id, &error));
      g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_INVALID_ID);
      g_assert_null (nct_id);
    }
}

static void
test_fetch_by_id (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", "https://clinicaltrials.gov/study/NCT02650414", NULL };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GBytes) original = eligo_test_registry_study_file ("NCT02349698");
  guint n = count_trials (fixture);
  EligoTestRequest *request;

  g_object_set (fixture->client, "min-interval", 500, NULL);
  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (eligo_registry_import_get_outcomes (job)->len, ==, 2);
  g_assert_cmpint (outcome (job, 0)->kind, ==, ELIGO_REGISTRY_OUTCOME_ADDED);
  g_assert_cmpint (outcome (job, 1)->kind, ==, ELIGO_REGISTRY_OUTCOME_ADDED);
  g_assert_cmpuint (count_trials (fixture), ==, n + 2);

  /* Exactly the paths of the contract; nothing but the NCT number is sent. */
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 2);
  request = eligo_test_registry_get_request (fixture->registry, 0);
  g_assert_cmpstr (request->path, ==, "/studies/NCT02349698");
  g_assert_cmpuint (g_hash_table_size (request->query), ==, 0);
  g_assert_cmpstr (request->accept, ==, "application/json");
  request = eligo_test_registry_get_request (fixture->registry, 1);
  g_assert_cmpstr (request->path, ==, "/studies/NCT02650414");

  /* Politeness: the second request waited for the minimum interval (less
   * the time the first one took to connect and arrive, hence the margin). */
  g_assert_cmpint (request->time - eligo_test_registry_get_request (fixture->registry, 0)->time,
                   >=, 300 * 1000);

  /* Imported as a file would be: the registry's JSON kept verbatim. */
  trial = eligo_database_get_trial_by_nct_id (fixture->database, "NCT02349698", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (eligo_trial_get_raw_json (trial), strlen (eligo_trial_get_raw_json (trial)),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

static void
test_fetch_invalid_sends_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", "NCT123", "https://example.org/study/NCT02650414", NULL };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n = count_trials (fixture);

  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_INVALID_ID);
  g_assert_nonnull (strstr (error->message, "NCT123"));
  g_assert_nonnull (strstr (error->message, "example.org"));
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 0);
  g_assert_cmpuint (count_trials (fixture), ==, n);
}

static GBytes *
make_page (guint       first,
           guint       n,
           const char *next_token)
{
  GString *page = g_string_new ("{\"studies\":[");

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(GBytes) study = eligo_test_registry_study_file (cart_ids[i]);

      if (i > first)
        g_string_append_c (page, ',');
      g_string_append_len (page, g_bytes_get_data (study, NULL), g_bytes_get_size (study));
    }
  g_string_append_c (page, ']');
  if (next_token != NULL)
    g_string_append_printf (page, ",\"nextPageToken\":\"%s\"", next_token);
  g_string_append_c (page, '}');

  return g_string_free_to_bytes (page);
}

static void
add_search_pages (Fixture *fixture)
{
  g_autoptr(GBytes) page1 = make_page (0, 2, "NF0g5JGBlPY");
  g_autoptr(GBytes) page2 = make_page (2, 2, "NF0g5JGBlPZ/+=");
  g_autoptr(GBytes) page3 = make_page (4, 1, NULL);

  eligo_test_registry_add_page (fixture->registry, NULL, page1);
  eligo_test_registry_add_page (fixture->registry, "NF0g5JGBlPY", page2);
  eligo_test_registry_add_page (fixture->registry, "NF0g5JGBlPZ/+=", page3);
}

static EligoRegistryImport *
run_search (Fixture    *fixture,
            guint       limit,
            GError    **error)
{
  char *statuses[] = { "RECRUITING", "NOT_YET_RECRUITING", NULL };
  EligoRegistrySearch search = { "CD19 CAR-T & B-ALL", "leukemia", statuses, 2 };
  EligoRegistryImport *job = eligo_registry_import_new (fixture->client, fixture->database);
  g_autoptr(GAsyncResult) result = NULL;

  eligo_registry_import_search_async (job, &search, limit, NULL, on_done_cb, &result);
  eligo_registry_import_finish (job, wait_result (&result), error);

  return job;
}

static void
test_search_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const tokens[] = { NULL, "NF0g5JGBlPY", "NF0g5JGBlPZ/+=" };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n = count_trials (fixture);
  EligoTestRequest *first;

  add_search_pages (fixture);
  job = run_search (fixture, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (eligo_registry_import_get_outcomes (job)->len, ==, 5);
  g_assert_cmpuint (eligo_registry_import_count (job, ELIGO_REGISTRY_OUTCOME_ADDED), ==, 5);
  g_assert_cmpuint (count_trials (fixture), ==, n + 5);
  for (guint i = 0; i < G_N_ELEMENTS (cart_ids); i++)
    {
      g_assert_cmpstr (outcome (job, i)->nct_id, ==, cart_ids[i]);
      g_assert_true (has_trial (fixture, cart_ids[i]));
    }

  /* Three pages, each with the same parameters, and the previous page's token. */
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 3);
  first = eligo_test_registry_get_request (fixture->registry, 0);
  g_assert_cmpstr (g_hash_table_lookup (first->query, "query.term"), ==, "CD19 CAR-T & B-ALL");
  g_assert_cmpstr (g_hash_table_lookup (first->query, "query.cond"), ==, "leukemia");
  g_assert_cmpstr (g_hash_table_lookup (first->query, "filter.overallStatus"), ==,
                   "RECRUITING,NOT_YET_RECRUITING");
  g_assert_cmpstr (g_hash_table_lookup (first->query, "pageSize"), ==, "2");
  g_assert_cmpuint (g_hash_table_size (first->query), ==, 4);

  for (guint i = 0; i < 3; i++)
    {
      EligoTestRequest *request = eligo_test_registry_get_request (fixture->registry, i);
      GHashTableIter iter;
      gpointer key, value;

      g_assert_cmpstr (request->path, ==, "/studies");
      g_assert_cmpstr (g_hash_table_lookup (request->query, "pageToken"), ==, tokens[i]);
      g_assert_cmpuint (g_hash_table_size (request->query), ==, tokens[i] != NULL ? 5 : 4);
      g_hash_table_iter_init (&iter, first->query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpstr (g_hash_table_lookup (request->query, key), ==, value);
    }
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;

  add_search_pages (fixture);
  job = run_search (fixture, 3, &error);
  g_assert_no_error (error);

  /* Three studies: two pages asked for, the third never. */
  g_assert_cmpuint (eligo_registry_import_get_outcomes (job)->len, ==, 3);
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 2);
  g_assert_false (has_trial (fixture, cart_ids[3]));
}

static void
test_search_page_fails (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  add_search_pages (fixture);
  n = count_trials (fixture);
  /* The first page is fine, the second breaks off. */
  eligo_test_registry_push_fault (fixture->registry, "/studies", ELIGO_TEST_FAULT_NONE);
  eligo_test_registry_push_fault (fixture->registry, "/studies", ELIGO_TEST_FAULT_TRUNCATE);
  job = run_search (fixture, 0, &error);
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TRUNCATED);

  /* What the first page brought stays; nothing of the broken one. */
  g_assert_cmpuint (eligo_registry_import_get_outcomes (job)->len, ==, 2);
  g_assert_cmpuint (count_trials (fixture), ==, n + 2);
  g_assert_false (has_trial (fixture, cart_ids[2]));
  g_assert_false (has_trial (fixture, cart_ids[3]));
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

/* One bad study in a page fails alone; the others of the page are imported. */
static void
test_search_bad_study (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) study = eligo_test_registry_study_file (cart_ids[0]);
  g_autoptr(GString) text = g_string_new ("{\"studies\":[{\"hasResults\":false},");
  g_autoptr(GBytes) page = NULL;
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n = count_trials (fixture);
  char *statuses[] = { NULL };
  EligoRegistrySearch search = { "car-t", NULL, statuses, 0 };
  g_autoptr(GAsyncResult) result = NULL;

  g_string_append_len (text, g_bytes_get_data (study, NULL), g_bytes_get_size (study));
  g_string_append (text, "]}");
  page = g_string_free_to_bytes (g_steal_pointer (&text));
  eligo_test_registry_add_page (fixture->registry, NULL, page);

  job = eligo_registry_import_new (fixture->client, fixture->database);
  eligo_registry_import_search_async (job, &search, 10, NULL, on_done_cb, &result);
  eligo_registry_import_finish (job, wait_result (&result), &error);
  g_assert_no_error (error);

  g_assert_cmpint (outcome (job, 0)->kind, ==, ELIGO_REGISTRY_OUTCOME_FAILED);
  g_assert_nonnull (strstr (outcome (job, 0)->message, "study 1 of page 1 of the search"));
  g_assert_cmpint (outcome (job, 1)->kind, ==, ELIGO_REGISTRY_OUTCOME_ADDED);
  g_assert_cmpuint (count_trials (fixture), ==, n + 1);
  g_assert_true (has_trial (fixture, cart_ids[0]));
  g_assert_true (eligo_test_integrity_ok (fixture->path));

  /* No status, no pageSize given: pageSize is the limit, nothing else sent. */
  g_assert_cmpuint (g_hash_table_size (eligo_test_registry_get_request (fixture->registry,
                                                                        0)->query), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (eligo_test_registry_get_request (fixture->registry,
                                                                         0)->query,
                                        "pageSize"), ==, "10");
}

static void
test_503_then_success (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", NULL };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  gint64 gap;

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_503);
  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome (job, 0)->kind, ==, ELIGO_REGISTRY_OUTCOME_ADDED);
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 2);

  /* Backed off for the base delay before the retry. */
  gap = eligo_test_registry_get_request (fixture->registry, 1)->time -
        eligo_test_registry_get_request (fixture->registry, 0)->time;
  g_assert_cmpint (gap, >=, 95 * 1000);
  g_assert_true (has_trial (fixture, "NCT02349698"));
}

static void
test_429_retry_after (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", NULL };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  gint64 gap;

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_429);
  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome (job, 0)->kind, ==, ELIGO_REGISTRY_OUTCOME_ADDED);
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 2);

  /* Retry-After: 1 beats the 100 ms backoff. */
  gap = eligo_test_registry_get_request (fixture->registry, 1)->time -
        eligo_test_registry_get_request (fixture->registry, 0)->time;
  g_assert_cmpint (gap, >=, 990 * 1000);
}

static void
test_busy_gives_up (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                    ELIGO_TEST_FAULT_503);
  assert_fetch_fails (fixture, "NCT02349698", "503");
  /* max-retries 2: three attempts, then the error */
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 3);

  for (guint i = 0; i < 3; i++)
    eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                    ELIGO_TEST_FAULT_503);
  error = client_fetch_error (fixture, "NCT02349698");
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_BUSY);
}

static void
test_stall_times_out (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_object_set (fixture->client, "max-retries", 1, NULL);
  for (guint i = 0; i < 2; i++)
    eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                    ELIGO_TEST_FAULT_STALL);
  start = g_get_monotonic_time ();
  assert_fetch_fails (fixture, "NCT02349698", NULL);
  /* Two attempts of 400 ms each and a backoff, well before the total timeout */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 800 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 2);

  for (guint i = 0; i < 2; i++)
    eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                    ELIGO_TEST_FAULT_STALL);
  error = client_fetch_error (fixture, "NCT02349698");
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TIMEOUT);
}

static void
test_total_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* Each attempt may take 400 ms, but the whole fetch only 600. */
  g_object_set (fixture->client, "max-retries", 5, "total-timeout", 600, NULL);
  for (guint i = 0; i < 6; i++)
    eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                    ELIGO_TEST_FAULT_STALL);
  start = g_get_monotonic_time ();
  error = client_fetch_error (fixture, "NCT02349698");
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 590 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  /* The second attempt starts at about 500 ms, unless the machine is slow. */
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), >=, 1);
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), <=, 2);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_TRUNCATE);
  assert_fetch_fails (fixture, "NCT02349698", NULL);
  /* A broken answer is not retried: it may be the registry's own fault. */
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 1);

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_TRUNCATE);
  error = client_fetch_error (fixture, "NCT02349698");
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TRUNCATED);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_fetch_fails (fixture, "NCT09999999", "404");
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 1);

  error = client_fetch_error (fixture, "NCT09999999");
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NCT09999999"));
}

static void
test_not_json (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_NOT_JSON);
  assert_fetch_fails (fixture, "NCT02349698", "text/html");

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_NOT_JSON);
  error = client_fetch_error (fixture, "NCT02349698");
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NOT_JSON);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_object_set (fixture->client, "max-response-size", (guint64) 1000, NULL);
  assert_fetch_fails (fixture, "NCT02349698", NULL);
  error = client_fetch_error (fixture, "NCT02349698");
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_TOO_LARGE);
}

static void
test_no_network (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoRegistryClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago, and nobody listens on. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  client = eligo_registry_client_new (url);
  eligo_registry_client_fetch_async (client, "NCT02349698", NULL, on_done_cb, &result);
  bytes = eligo_registry_client_fetch_finish (client, wait_result (&result), &error);
  g_assert_null (bytes);
  g_assert_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "NCT02349698"));
}

static void
test_batch_partial (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", "NCT09999999", "NCT02650414", "NCT03937544", NULL };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n = count_trials (fixture);

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02650414",
                                  ELIGO_TEST_FAULT_TRUNCATE);
  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (outcome (job, 0)->kind, ==, ELIGO_REGISTRY_OUTCOME_ADDED);
  g_assert_cmpint (outcome (job, 1)->kind, ==, ELIGO_REGISTRY_OUTCOME_FAILED);
  g_assert_cmpint (outcome (job, 2)->kind, ==, ELIGO_REGISTRY_OUTCOME_FAILED);
  g_assert_cmpint (outcome (job, 3)->kind, ==, ELIGO_REGISTRY_OUTCOME_ADDED);
  g_assert_cmpuint (count_trials (fixture), ==, n + 2);
  g_assert_false (has_trial (fixture, "NCT02650414"));
  g_assert_true (eligo_test_integrity_ok (fixture->path));

  summary = eligo_registry_import_dup_summary (job);
  g_assert_nonnull (strstr (summary, "2 added"));
  g_assert_nonnull (strstr (summary, "2 failed"));
  g_assert_nonnull (strstr (summary, "NCT09999999 is not in the registry"));
  g_assert_nonnull (strstr (summary, "NCT02650414: the registry’s answer broke off"));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", "NCT02650414", NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n = count_trials (fixture);

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_STALL);
  g_object_set (fixture->client, "request-timeout", 30000, NULL);
  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  job = run_fetch (fixture, ids, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 1);
  g_assert_cmpuint (count_trials (fixture), ==, n);
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

static void
test_refresh_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", "NCT02650414", NULL };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(EligoRegistryImport) again = NULL;
  g_autoptr(GBytes) amended = eligo_test_registry_amended_study ("NCT02349698");
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GError) error = NULL;
  EligoRegistryOutcome *changed;

  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (eligo_registry_import_count (job, ELIGO_REGISTRY_OUTCOME_ADDED), ==, 2);

  eligo_test_registry_add_study (fixture->registry, "NCT02349698", amended);
  again = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);

  changed = outcome (again, 0);
  g_assert_cmpint (changed->kind, ==, ELIGO_REGISTRY_OUTCOME_UPDATED);
  g_assert_nonnull (changed->changed);
  g_assert_true (g_strv_contains ((const char * const *) changed->changed, "eligibility"));
  g_assert_true (g_strv_contains ((const char * const *) changed->changed, "status"));
  g_assert_false (g_strv_contains ((const char * const *) changed->changed, "title"));
  g_assert_false (g_strv_contains ((const char * const *) changed->changed, "locations"));

  /* The same version again: kept as it is, nothing changed. */
  g_assert_cmpint (outcome (again, 1)->kind, ==, ELIGO_REGISTRY_OUTCOME_UNCHANGED);
  g_assert_null (outcome (again, 1)->changed);

  trial = eligo_database_get_trial_by_nct_id (fixture->database, "NCT02349698", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (eligo_trial_get_overall_status (trial), ==, "ACTIVE_NOT_RECRUITING");
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

/* A refresh that rewords the eligibility: the change list, the criteria it
 * replaced, their diff with the new ones, and the screening done before
 * marked as done against older criteria. */
static void
test_refresh_keeps_previous_criteria (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *ids[] = { "NCT02349698", NULL };
  g_autoptr(EligoRegistryImport) job = NULL;
  g_autoptr(EligoRegistryImport) again = NULL;
  g_autoptr(GBytes) changed_study = eligo_test_registry_changed_study ("NCT02349698");
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-0042");
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(EligoCriteriaRevision) revision = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  EligoScreeningFilter filter = { .nct_id = "NCT02349698" };
  EligoCriteriaDiffCounts counts;
  EligoRegistryOutcome *changed;

  job = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);
  trial = eligo_database_get_trial_by_nct_id (fixture->database, "NCT02349698", &error);
  criteria = eligo_database_get_criteria (fixture->database, trial, &error);
  g_assert_no_error (error);
  result = eligo_screen (trial, criteria, patient);
  g_assert_cmpint (eligo_database_save_screening (fixture->database, patient, result, NULL, NULL,
                                                  &error), >, 0);
  g_clear_object (&trial);
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* The refresh is stored in a later second than the screening. */
  g_usleep (1100 * 1000);
  eligo_test_registry_add_study (fixture->registry, "NCT02349698", changed_study);
  again = run_fetch (fixture, ids, NULL, &error);
  g_assert_no_error (error);
  changed = outcome (again, 0);
  g_assert_cmpint (changed->kind, ==, ELIGO_REGISTRY_OUTCOME_UPDATED);
  g_assert_cmpuint (g_strv_length (changed->changed), ==, 1);
  g_assert_cmpstr (changed->changed[0], ==, "eligibility");

  revision = eligo_database_get_previous_criteria (fixture->database, "NCT02349698", &error);
  g_assert_no_error (error);
  g_assert_nonnull (revision);
  g_assert_cmpstr (revision->version, ==, "2019-06-25");
  g_assert_cmpstr (revision->replaced_by, ==, "2020-03-10");

  trial = eligo_database_get_trial_by_nct_id (fixture->database, "NCT02349698", &error);
  criteria = eligo_database_get_criteria (fixture->database, trial, &error);
  changes = eligo_criteria_diff (revision->criteria, criteria);
  eligo_criteria_diff_count (changes, &counts);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.reworded, ==, 4);
  g_assert_cmpuint (counts.unchanged, ==, criteria->len - 5);

  records = eligo_database_list_screenings (fixture->database, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((EligoScreeningRecord *) g_ptr_array_index (records, 0))->criteria_changed,
                   ==, "2020-03-10");
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

int
main (int   argc,
      char *argv[])
{
  /* The loopback server needs no proxy, and the system's proxy settings
   * live in GSettings schemas the test environment does not have. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/registry/parse-nct-id", test_parse_nct_id);
#define ADD(path, func) \
  g_test_add ("/eligo/registry/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fetch-by-id", test_fetch_by_id);
  ADD ("fetch-invalid-sends-nothing", test_fetch_invalid_sends_nothing);
  ADD ("search-pages", test_search_pages);
  ADD ("search-limit", test_search_limit);
  ADD ("search-page-fails", test_search_page_fails);
  ADD ("search-bad-study", test_search_bad_study);
  ADD ("503-then-success", test_503_then_success);
  ADD ("429-retry-after", test_429_retry_after);
  ADD ("busy-gives-up", test_busy_gives_up);
  ADD ("stall-times-out", test_stall_times_out);
  ADD ("total-timeout", test_total_timeout);
  ADD ("truncated", test_truncated);
  ADD ("not-found", test_not_found);
  ADD ("not-json", test_not_json);
  ADD ("too-large", test_too_large);
  ADD ("no-network", test_no_network);
  ADD ("batch-partial", test_batch_partial);
  ADD ("cancel", test_cancel);
  ADD ("refresh-changes", test_refresh_changes);
  ADD ("refresh-keeps-previous-criteria", test_refresh_keeps_previous_criteria);
#undef ADD

  return g_test_run ();
}
