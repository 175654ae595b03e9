/* test-cli-registry.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * eligo-cli fetch and refresh, run as a subprocess against the loopback
 * registry (ELIGO_REGISTRY_URL), with the CLI's own, real politeness.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-test-registry.h"
#include "eligo-test-utils.h"

typedef struct
{
  EligoTestRegistry *registry;
  char              *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const ids[] = { "NCT02349698", "NCT02650414", "NCT03937544" };

  fixture->registry = eligo_test_registry_new ();
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GBytes) study = eligo_test_registry_study_file (ids[i]);

      eligo_test_registry_add_study (fixture->registry, ids[i], study);
    }
  g_setenv ("ELIGO_REGISTRY_URL", eligo_test_registry_get_url (fixture->registry), TRUE);
  fixture->path = eligo_test_tmp_path ("cli-registry.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("ELIGO_REGISTRY_URL");
  eligo_test_registry_free (fixture->registry);
  g_free (fixture->path);
}

static int
run (Fixture     *fixture,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, fixture->path);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return eligo_test_run_cli_argv ((const char * const *) args->pdata, out, err);
}

static gboolean
has_trial (Fixture    *fixture,
           const char *nct_id)
{
  g_autoptr(EligoDatabase) database = eligo_database_open (fixture->path, NULL);
  g_autoptr(EligoTrial) trial = NULL;

  g_assert_nonnull (database);
  trial = eligo_database_get_trial_by_nct_id (database, nct_id, NULL);

  return trial != NULL;
}

static void
test_fetch_ids (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run (fixture, &out, &err, "fetch", "NCT02349698",
                "https://clinicaltrials.gov/study/NCT02650414", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "2 added"));
  g_assert_true (has_trial (fixture, "NCT02349698"));
  g_assert_true (has_trial (fixture, "NCT02650414"));
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 2);
  g_assert_cmpstr (eligo_test_registry_get_request (fixture->registry, 1)->path, ==,
                   "/studies/NCT02650414");
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

static void
test_fetch_invalid (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run (fixture, &out, &err, "fetch", "NCT02349698", "NCT-2349698", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "“NCT-2349698” is not an NCT number"));
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_fetch_partial (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02650414",
                                  ELIGO_TEST_FAULT_TRUNCATE);
  status = run (fixture, &out, &err, "fetch", "NCT02349698", "NCT02650414", "NCT09999999",
                NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "NCT02650414: the registry’s answer broke off"));
  g_assert_nonnull (strstr (err, "NCT09999999 is not in the registry"));
  g_assert_nonnull (strstr (out, "1 added"));
  g_assert_nonnull (strstr (out, "2 failed"));
  g_assert_true (has_trial (fixture, "NCT02349698"));
  g_assert_false (has_trial (fixture, "NCT02650414"));
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

static GBytes *
page_of (const char * const *ids,
         const char         *next_token)
{
  GString *page = g_string_new ("{\"studies\":[");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GBytes) study = eligo_test_registry_study_file (ids[i]);

      if (i > 0)
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
test_fetch_search (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *first_ids[] = { "NCT02349698", "NCT02650414", NULL };
  const char *next_ids[] = { "NCT03937544", "NCT04100187", NULL };
  g_autoptr(GBytes) first = page_of (first_ids, "tok-2");
  g_autoptr(GBytes) next = page_of (next_ids, "tok-3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  EligoTestRequest *request;
  int status;

  eligo_test_registry_add_page (fixture->registry, NULL, first);
  eligo_test_registry_add_page (fixture->registry, "tok-2", next);
  status = run (fixture, &out, &err, "fetch", "--search", "CD19 CAR-T",
                "--status", "recruiting,NOT_YET_RECRUITING", "--limit", "3", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "3 studies from the registry; trials: 3 added"));
  g_assert_true (has_trial (fixture, "NCT03937544"));
  g_assert_false (has_trial (fixture, "NCT04100187"));

  /* Two pages for three studies; the limit stopped it before a third. */
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      request = eligo_test_registry_get_request (fixture->registry, i);
      g_assert_cmpstr (request->path, ==, "/studies");
      g_assert_cmpstr (g_hash_table_lookup (request->query, "query.term"), ==, "CD19 CAR-T");
      g_assert_cmpstr (g_hash_table_lookup (request->query, "filter.overallStatus"), ==,
                       "RECRUITING,NOT_YET_RECRUITING");
      g_assert_cmpstr (g_hash_table_lookup (request->query, "pageSize"), ==, "3");
      g_assert_cmpstr (g_hash_table_lookup (request->query, "pageToken"), ==,
                       i == 0 ? NULL : "tok-2");
    }
  /* About one request a second (measured on arrival, so less the time the
   * first took to connect) */
  g_assert_cmpint (eligo_test_registry_get_request (fixture->registry, 1)->time -
                   eligo_test_registry_get_request (fixture->registry, 0)->time,
                   >=, 700 * 1000);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const cases[][6] = {
    { "fetch", NULL },
    { "fetch", "--status", "RECRUITING", "NCT02349698", NULL },
    { "fetch", "--search", "car-t", "--status", "OPEN", NULL },
    { "fetch", "--search", "car-t", "NCT02349698", NULL },
    { "fetch", "--search", "car-t", "--limit", "0", NULL },
    { "refresh", "--format", "xml", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *err = NULL;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->path);
      for (guint j = 0; j < 6 && cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i][j]);
      g_ptr_array_add (args, NULL);

      g_assert_cmpint (eligo_test_run_cli_argv ((const char * const *) args->pdata, NULL, &err),
                       ==, 2);
      g_assert_true (g_str_has_prefix (err, "eligo-cli: "));
    }
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 0);
}

static void
test_refresh_json (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) amended = eligo_test_registry_amended_study ("NCT02349698");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *digest_after = NULL;
  JsonArray *changes;
  JsonArray *sections;
  int status;

  status = run (fixture, NULL, NULL, "fetch", "NCT02349698", "NCT02650414", NULL);
  g_assert_cmpint (status, ==, 0);

  /* Nothing changed yet */
  status = run (fixture, &out, &err, "refresh", "NCT02349698", "NCT02650414", "--format", "json",
                NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "[]");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  eligo_test_registry_add_study (fixture->registry, "NCT02349698", amended);
  status = run (fixture, &out, &err, "refresh", "NCT02349698", "NCT02650414", "--format", "json",
                NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  changes = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0),
                                                  "nct_id"), ==, "NCT02349698");
  sections = json_object_get_array_member (json_array_get_object_element (changes, 0), "changed");
  g_assert_cmpuint (json_array_get_length (sections), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (sections, 0), ==, "eligibility");
  g_assert_cmpstr (json_array_get_string_element (sections, 1), ==, "status");

  /* The text form says the same; the record is now the registry's. */
  status = run (fixture, &text, NULL, "refresh", "NCT02349698", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "1 trial checked, 0 changed"));

  /* An unknown trial is refused before anything is sent. */
  g_clear_pointer (&err, g_free);
  digest = eligo_test_database_digest (fixture->path);
  {
    guint n = eligo_test_registry_get_n_requests (fixture->registry);

    status = run (fixture, NULL, &err, "refresh", "NCT03937544", NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "NCT03937544"));
    g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, n);
  }

  /* A refresh that breaks off changes nothing. */
  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02650414",
                                  ELIGO_TEST_FAULT_NOT_JSON);
  g_clear_pointer (&err, g_free);
  status = run (fixture, NULL, &err, "refresh", "NCT02650414", "--format", "json", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "NCT02650414: the registry did not answer with a JSON object"));
  digest_after = eligo_test_database_digest (fixture->path);
  g_assert_cmpstr (digest, ==, digest_after);
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

/* Refresh reports how the criteria changed, beside the sections. */
static void
test_refresh_criteria (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) changed = eligo_test_registry_changed_study ("NCT02349698");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  JsonObject *change, *criteria;
  int status;

  status = run (fixture, NULL, NULL, "fetch", "NCT02349698", "NCT02650414", NULL);
  g_assert_cmpint (status, ==, 0);

  eligo_test_registry_add_study (fixture->registry, "NCT02349698", changed);
  status = run (fixture, &out, NULL, "refresh", "NCT02349698", "NCT02650414", "--format", "json",
                NULL);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 1);
  change = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "nct_id"), ==, "NCT02349698");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (change, "changed"),
                                                  0), ==, "eligibility");
  criteria = json_object_get_object_member (change, "criteria");
  g_assert_nonnull (criteria);
  g_assert_cmpint (json_object_get_int_member (criteria, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (criteria, "removed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (criteria, "reworded"), ==, 4);

  /* The text form tells the criteria too. */
  {
    g_autoptr(GBytes) amended = eligo_test_registry_amended_study ("NCT02650414");

    eligo_test_registry_add_study (fixture->registry, "NCT02650414", amended);
    status = run (fixture, &text, NULL, "refresh", "NCT02349698", "NCT02650414", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (text, "NCT02650414 changed: eligibility, status"));
    g_assert_nonnull (strstr (text, "criteria: "));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The CLI inherits this: no proxy for the loopback server, and no
   * proxy settings from GSettings schemas the tests do not have. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/eligo/cli-registry/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fetch-ids", test_fetch_ids);
  ADD ("fetch-invalid", test_fetch_invalid);
  ADD ("fetch-partial", test_fetch_partial);
  ADD ("fetch-search", test_fetch_search);
  ADD ("usage", test_usage);
  ADD ("refresh-json", test_refresh_json);
  ADD ("refresh-criteria", test_refresh_criteria);
#undef ADD

  return g_test_run ();
}
