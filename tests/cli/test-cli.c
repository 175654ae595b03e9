/* test-cli.c
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

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "eligo-test-utils.h"

static const char * const seed_ids[] = {
  "NCT07087847", "NCT07072494", "NCT06389305", "NCT03754764", "NCT06585345",
};

/* The keys of `list --format json`, in the order of the tsv and csv columns. */
static const char * const list_keys[] = {
  "nct_id", "title", "status", "phase", "enrollment", "start_date", "completion_date",
  "last_update", "sponsor", "min_age_years", "max_age_years", "sex", "conditions",
};

/* helpers */

static int
cli_va (char        **out,
        char        **err,
        const char   *database,
        va_list       ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;

  if (database != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, (gpointer) database);
    }
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  return eligo_test_run_cli_argv ((const char * const *) args->pdata, out, err);
}

/* Runs `eligo-cli --database DATABASE ARGS...` (no --database if DATABASE is NULL). */
static int G_GNUC_NULL_TERMINATED
cli (char       **out,
     char       **err,
     const char  *database,
     ...)
{
  va_list ap;
  int status;

  va_start (ap, database);
  status = cli_va (out, err, database, ap);
  va_end (ap);

  return status;
}

/* Like cli(), but the command must succeed quietly; returns its output. */
static char * G_GNUC_NULL_TERMINATED
cli_ok (const char *database,
        ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, database);
  status = cli_va (&out, &err, database, ap);
  va_end (ap);

  if (status != 0 || *err != '\0')
    g_test_message ("eligo-cli failed (%d): %s", status, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");

  return g_steal_pointer (&out);
}

/* Runs the CLI with a whole environment of our choosing. */
static int
cli_env (char              **envp,
         const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ELIGO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static char *
new_database_path (void)
{
  return eligo_test_tmp_path ("cli.db");
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static JsonNode *
parse_json_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return parse_json (contents);
}

/* `list --format json ARGS...`, checked to be an array of row objects. */
static JsonArray * G_GNUC_NULL_TERMINATED
list_rows (const char *database,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  JsonArray *rows;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) database);
  g_ptr_array_add (args, (gpointer) "list");
  g_ptr_array_add (args, (gpointer) "--format");
  g_ptr_array_add (args, (gpointer) "json");
  va_start (ap, database);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (eligo_test_run_cli_argv ((const char * const *) args->pdata, &out, &err),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");

  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  rows = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (json_array_get_element (rows, i)));

  return json_array_ref (rows);
}

static JsonObject *
row_at (JsonArray *rows,
        guint      i)
{
  return json_array_get_object_element (rows, i);
}

/* A text member of a row: NULL for null, and it must be there. */
static const char *
row_string (JsonObject *row,
            const char *key)
{
  JsonNode *node = json_object_get_member (row, key);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);

  return json_node_get_string (node);
}

static JsonObject *
find_row (JsonArray  *rows,
          const char *nct_id)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (g_strcmp0 (row_string (row_at (rows, i), "nct_id"), nct_id) == 0)
      return row_at (rows, i);

  return NULL;
}

static gboolean
is_numeric_key (const char *key)
{
  return strcmp (key, "enrollment") == 0 || strcmp (key, "min_age_years") == 0 ||
         strcmp (key, "max_age_years") == 0;
}

static gboolean
is_nocase_key (const char *key)
{
  return strcmp (key, "title") == 0 || strcmp (key, "sponsor") == 0 ||
         strcmp (key, "conditions") == 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;

  return n;
}

static char *
data_study_path (const char *nct_id)
{
  g_autofree char *name = g_strconcat (nct_id, ".json", NULL);

  return eligo_test_data_path ("ctgov", "studies", name, NULL);
}

/* A small but complete enough API v2 study. */
static char *
make_study (const char *nct_id,
            const char *title,
            const char *sponsor,
            const char *condition,
            const char *last_update)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "protocolSection");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "identificationModule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nctId");
  json_builder_add_string_value (builder, nct_id);
  json_builder_set_member_name (builder, "briefTitle");
  json_builder_add_string_value (builder, title);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "statusModule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "overallStatus");
  json_builder_add_string_value (builder, "RECRUITING");
  json_builder_set_member_name (builder, "lastUpdatePostDateStruct");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, last_update);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sponsorCollaboratorsModule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "leadSponsor");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, sponsor);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "conditionsModule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, condition);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "designModule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "studyType");
  json_builder_add_string_value (builder, "INTERVENTIONAL");
  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "PHASE2");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "enrollmentInfo");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, 12);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "eligibilityModule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "eligibilityCriteria");
  json_builder_add_string_value (builder, "Inclusion Criteria:\n\n* Zyxwvutsonic marker\n");
  json_builder_set_member_name (builder, "minimumAge");
  json_builder_add_string_value (builder, "6 Months");
  json_builder_set_member_name (builder, "sex");
  json_builder_add_string_value (builder, "FEMALE");
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, TRUE);
}

static char *
write_study (const char *nct_id,
             const char *title,
             const char *sponsor,
             const char *condition,
             const char *last_update)
{
  g_autofree char *name = g_strconcat (nct_id, ".json", NULL);
  g_autofree char *json = make_study (nct_id, title, sponsor, condition, last_update);
  char *path = eligo_test_tmp_path (name);

  eligo_test_write_file (path, json, -1);

  return path;
}

/* Odd cells for csv and tsv, and case tests for the NOCASE sorts. */
static const struct {
  const char *nct_id;
  const char *title;
  const char *sponsor;
  const char *condition;
  const char *last_update;
} crafted[] = {
  { "NCT99990001", "Comma, \"quoted\" and\nnew line\ttab", "Sponsor, Inc.", "Cond \"A\", B",
    "2024-01" },
  { "NCT99990002", "a lowercase title", "academic lowercase sponsor", "a lowercase condition",
    "2024" },
  { "NCT99990003", "Duplicate Title", "Same Sponsor", "same condition", "2024-01-15" },
  { "NCT99990004", "DUPLICATE TITLE", "SAME SPONSOR", "Same Condition", "2024-01-15" },
};

static char *
write_crafted (guint i)
{
  return write_study (crafted[i].nct_id, crafted[i].title, crafted[i].sponsor,
                      crafted[i].condition, crafted[i].last_update);
}

/* Seeds, every 19th registry study (40 of them), the partial records and the crafted ones. */
static guint
import_mixed_set (const char *database)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *studies = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autofree char *partial = eligo_test_data_path ("ctgov", "partial", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;
  guint n_partial = 0;

  dir = g_dir_open (studies, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_clear_pointer (&dir, g_dir_close);

  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (database));
  g_ptr_array_add (args, g_strdup ("import"));
  for (guint i = 0; i < names->len; i += 19)
    {
      g_ptr_array_add (args, g_build_filename (studies, g_ptr_array_index (names, i), NULL));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 41);

  dir = g_dir_open (partial, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_partial++;
  g_ptr_array_add (args, g_strdup (partial));

  for (guint i = 0; i < G_N_ELEMENTS (crafted); i++)
    g_ptr_array_add (args, write_crafted (i));
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (eligo_test_run_cli_argv ((const char * const *) args->pdata, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  n_files += n_partial + G_N_ELEMENTS (crafted);
  expected = g_strdup_printf ("%u files read; trials: %u added, 0 updated, 0 unchanged\n",
                              n_files, n_files);
  g_assert_cmpstr (out, ==, expected);

  return n_files + G_N_ELEMENTS (seed_ids);
}

/* list */

static void
test_list_seeds (void)
{
  g_autofree char *db = new_database_path ();
  g_autoptr(JsonArray) rows = list_rows (db, NULL);
  g_autofree char *tsv = NULL;
  JsonObject *row;

  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (seed_ids));
  for (guint i = 0; i < G_N_ELEMENTS (seed_ids); i++)
    g_assert_nonnull (find_row (rows, seed_ids[i]));

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      row = row_at (rows, i);
      /* JSON rows also say where the ages come from (DESIGN.md: age_source). */
      g_assert_cmpuint (json_object_get_size (row), ==, G_N_ELEMENTS (list_keys) + 1);
      g_assert_true (json_object_has_member (row, "age_source"));
      for (guint k = 0; k < G_N_ELEMENTS (list_keys); k++)
        {
          JsonNode *node = json_object_get_member (row, list_keys[k]);

          g_assert_nonnull (node);
          if (JSON_NODE_HOLDS_NULL (node))
            continue;
          g_assert_true (JSON_NODE_HOLDS_VALUE (node));
          if (is_numeric_key (list_keys[k]))
            g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64 ||
                           json_node_get_value_type (node) == G_TYPE_DOUBLE);
          else
            g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
        }
      g_assert_nonnull (row_string (row, "nct_id"));
      g_assert_nonnull (row_string (row, "title"));
    }

  row = find_row (rows, "NCT07072494");
  g_assert_cmpstr (row_string (row, "status"), ==, "RECRUITING");
  g_assert_cmpstr (row_string (row, "phase"), ==, "PHASE1/PHASE2");
  g_assert_true (json_node_get_value_type (json_object_get_member (row, "enrollment")) ==
                 G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (row, "enrollment"), ==, 30);
  g_assert_cmpfloat (json_object_get_double_member (row, "min_age_years"), ==, 14);
  g_assert_cmpfloat (json_object_get_double_member (row, "max_age_years"), ==, 80);
  g_assert_cmpstr (row_string (row, "sponsor"), ==, "Zhujiang Hospital");
  g_assert_cmpstr (row_string (row, "sex"), ==, "ALL");
  g_assert_cmpstr (row_string (row, "start_date"), ==, "2025-07-19");
  g_assert_cmpstr (row_string (row, "conditions"), ==, "Acute Lymphoblastic Leukemia");

  row = find_row (rows, "NCT07087847");
  g_assert_cmpstr (row_string (row, "status"), ==, "NOT_YET_RECRUITING");
  g_assert_true (json_object_get_null_member (row, "max_age_years"));

  /* What a seed lacks stays absent: null, not "" or 0. */
  row = find_row (rows, "NCT06585345");
  g_assert_true (json_object_get_null_member (row, "phase"));
  g_assert_true (json_object_get_null_member (row, "start_date"));
  /* ... but the ages its criteria state fill the registry's missing ones. */
  g_assert_cmpfloat (json_object_get_double_member (row, "min_age_years"), ==, 14);
  g_assert_cmpfloat (json_object_get_double_member (row, "max_age_years"), ==, 65);
  g_assert_cmpstr (row_string (row, "age_source"), ==, "criteria");
  row = find_row (rows, "NCT07072494");
  g_assert_cmpstr (row_string (row, "age_source"), ==, "registry");

  /* The default format is tsv with a header line. */
  tsv = cli_ok (db, "list", NULL);
  g_assert_cmpuint (count_lines (tsv), ==, G_N_ELEMENTS (seed_ids) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (seed_ids); i++)
    {
      g_autofree char *needle = g_strconcat ("\n", seed_ids[i], "\t", NULL);

      g_assert_nonnull (strstr (tsv, needle));
    }
}

typedef struct
{
  const char *key;
  gboolean    descending;
} SortSpec;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortSpec *spec = user_data;
  JsonObject *ra = *(JsonObject * const *) a;
  JsonObject *rb = *(JsonObject * const *) b;
  JsonNode *na = json_object_get_member (ra, spec->key);
  JsonNode *nb = json_object_get_member (rb, spec->key);
  int c = 0;

  /* Nulls last, whatever the direction. */
  if (JSON_NODE_HOLDS_NULL (na) != JSON_NODE_HOLDS_NULL (nb))
    return JSON_NODE_HOLDS_NULL (na) ? 1 : -1;

  if (!JSON_NODE_HOLDS_NULL (na))
    {
      if (is_numeric_key (spec->key))
        {
          double da = json_node_get_double (na);
          double db = json_node_get_double (nb);

          c = da < db ? -1 : da > db ? 1 : 0;
        }
      else if (is_nocase_key (spec->key))
        c = g_ascii_strcasecmp (json_node_get_string (na), json_node_get_string (nb));
      else
        c = strcmp (json_node_get_string (na), json_node_get_string (nb));
    }

  if (c == 0)
    c = strcmp (row_string (ra, "nct_id"), row_string (rb, "nct_id"));

  if (c != 0)
    c = c < 0 ? -1 : 1;

  return spec->descending ? -c : c;
}

static void
assert_sorted (JsonArray      *all,
               JsonArray      *sorted,
               const SortSpec *spec)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (all); i++)
    g_ptr_array_add (expected, row_at (all, i));
  g_ptr_array_sort_with_data (expected, compare_rows, (gpointer) spec);

  g_assert_cmpuint (json_array_get_length (sorted), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const char *want = row_string (g_ptr_array_index (expected, i), "nct_id");
      const char *got = row_string (row_at (sorted, i), "nct_id");

      if (g_strcmp0 (want, got) != 0)
        g_test_message ("--sort %s%s: row %u is %s, expected %s", spec->key,
                        spec->descending ? ":desc" : "", i, got, want);
      g_assert_cmpstr (got, ==, want);
    }
}

static guint
count_nulls (JsonArray  *rows,
             const char *key)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (json_object_get_null_member (row_at (rows, i), key))
      n++;

  return n;
}

static void
test_list_sort (void)
{
  g_autofree char *db = new_database_path ();
  g_autoptr(JsonArray) all = NULL;
  guint n_trials;
  guint lowercase, first_b;

  n_trials = import_mixed_set (db);
  all = list_rows (db, NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, n_trials);

  /* The set exercises nulls for each kind of column. */
  g_assert_cmpuint (count_nulls (all, "phase"), >, 0);
  g_assert_cmpuint (count_nulls (all, "start_date"), >, 0);
  g_assert_cmpuint (count_nulls (all, "enrollment"), >, 0);
  g_assert_cmpuint (count_nulls (all, "max_age_years"), >, 0);
  g_assert_cmpuint (count_nulls (all, "sponsor"), >, 0);
  g_assert_cmpuint (count_nulls (all, "conditions"), >, 0);

  for (guint k = 0; k < G_N_ELEMENTS (list_keys); k++)
    {
      for (guint d = 0; d < 2; d++)
        {
          SortSpec spec = { list_keys[k], d == 1 };
          g_autofree char *arg = g_strconcat (list_keys[k], d == 1 ? ":desc" : "", NULL);
          g_autoptr(JsonArray) sorted = list_rows (db, "--sort", arg, NULL);

          assert_sorted (all, sorted, &spec);
        }
    }

  /* FIELD:asc is FIELD. */
  {
    SortSpec spec = { "start_date", FALSE };
    g_autoptr(JsonArray) sorted = list_rows (db, "--sort", "start_date:asc", NULL);

    assert_sorted (all, sorted, &spec);
  }

  /* Case does not matter for titles: "a lowercase title" comes before every "B…". */
  {
    g_autoptr(JsonArray) sorted = list_rows (db, "--sort", "title", NULL);

    lowercase = first_b = G_MAXUINT;
    for (guint i = 0; i < json_array_get_length (sorted); i++)
      {
        const char *title = row_string (row_at (sorted, i), "title");

        if (g_strcmp0 (title, "a lowercase title") == 0)
          lowercase = i;
        else if (title != NULL && title[0] == 'B' && first_b == G_MAXUINT)
          first_b = i;
      }
    g_assert_cmpuint (lowercase, <, first_b);
  }
}

static void
test_list_search (void)
{
  g_autofree char *db = new_database_path ();
  const struct {
    const char *search;
    const char *expected;   /* space-separated, sorted */
  } cases[] = {
    { "CD19", "NCT03754764 NCT07072494" },
    { "cd19", "NCT03754764 NCT07072494" },
    { "CD7", "NCT06585345" },
    { "Zhujiang", "NCT07072494" },                 /* a sponsor word */
    { "ruijin", "NCT07087847" },
    { "biphenotypic", "NCT07072494" },             /* only in the eligibility criteria */
    { "Glucksberg", "NCT03754764" },
    { "sibling", "NCT07087847" },
    { "leuk", "NCT03754764 NCT06389305 NCT06585345 NCT07072494 NCT07087847" },  /* a prefix */
    { "CD19 Zhujiang", "NCT07072494" },            /* every word must match */
    { "CD38 leukemia", "NCT03754764" },
    { "CD19 Ruijin", "" },
    { "NCT07072494", "NCT07072494" },
    { "car-t cd19", "NCT03754764 NCT07072494" },
    { "nosuchwordanywhere", "" },
  };
  const char *syntax[] = {
    "\"CD19", "CD19\"", "\"\"", "CD19*", "*", "AND", "OR", "NOT", "cd19 AND (", "(", ")",
    "NEAR(", "NEAR(a b, 2)", "nct_id:NCT07072494", "title:cd19", "^cd19", "+", "-", "CD19 -CD7",
    "{a b}", "'", "a'b", ":", ";", "\\", "CD19 OR", "’CD19’", "  ", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonArray) rows = list_rows (db, "--search", cases[i].search, NULL);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      g_autofree char *got = NULL;

      for (guint r = 0; r < json_array_get_length (rows); r++)
        g_ptr_array_add (ids, (gpointer) row_string (row_at (rows, r), "nct_id"));
      g_ptr_array_sort (ids, compare_strings);
      g_ptr_array_add (ids, NULL);
      got = g_strjoinv (" ", (char **) ids->pdata);
      if (g_strcmp0 (got, cases[i].expected) != 0)
        g_test_message ("--search “%s”", cases[i].search);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* FTS5 syntax typed by a user is text, never an error. */
  for (guint i = 0; i < G_N_ELEMENTS (syntax); i++)
    {
      g_autoptr(JsonArray) rows = NULL;

      g_test_message ("--search “%s”", syntax[i]);
      rows = list_rows (db, "--search", syntax[i], NULL);
      g_assert_cmpuint (json_array_get_length (rows), <=, G_N_ELEMENTS (seed_ids));
    }

  /* A search with no words at all filters nothing. */
  {
    g_autoptr(JsonArray) rows = list_rows (db, "--search", "  ", NULL);

    g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (seed_ids));
  }

  /* Search, sort and limit together. */
  {
    g_autoptr(JsonArray) rows = list_rows (db, "--search", "leuk", "--sort", "nct_id:desc",
                                           "--limit", "2", NULL);

    g_assert_cmpuint (json_array_get_length (rows), ==, 2);
    g_assert_cmpstr (row_string (row_at (rows, 0), "nct_id"), ==, "NCT07087847");
    g_assert_cmpstr (row_string (row_at (rows, 1), "nct_id"), ==, "NCT07072494");
  }
}

static void
test_list_limit (void)
{
  g_autofree char *db = new_database_path ();
  g_autoptr(JsonArray) all = list_rows (db, NULL);
  g_autoptr(JsonArray) two = list_rows (db, "--limit", "2", NULL);
  g_autoptr(JsonArray) none = list_rows (db, "--limit", "0", NULL);
  g_autoptr(JsonArray) many = list_rows (db, "--limit", "1000", NULL);
  g_autofree char *tsv = cli_ok (db, "list", "--limit", "1", NULL);

  g_assert_cmpuint (json_array_get_length (two), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (row_string (row_at (two, i), "nct_id"), ==,
                     row_string (row_at (all, i), "nct_id"));
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  g_assert_cmpuint (json_array_get_length (many), ==, G_N_ELEMENTS (seed_ids));
  g_assert_cmpuint (count_lines (tsv), ==, 2);
}

/* RFC 4180: CRLF between records; a quoted field may hold commas, CR, LF and "" for a quote. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');   /* an unterminated quoted field */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == ',' || *p == '\r' || *p == '\0');
          continue;
        }

      if (*p == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          /* Unquoted fields hold no quote, CR or LF. */
          g_assert_true (*p != '"' && *p != '\n');
          g_string_append_c (field, *p);
          p++;
        }
    }

  /* The last record ends with CRLF too. */
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (record);

  return records;
}

static void
assert_cell (JsonObject *row,
             const char *key,
             const char *cell)
{
  JsonNode *node = json_object_get_member (row, key);

  if (JSON_NODE_HOLDS_NULL (node))
    g_assert_cmpstr (cell, ==, "");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_assert_cmpstr (cell, ==, json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_assert_cmpstr (cell, ==, text);
    }
  else
    {
      double value = json_node_get_double (node);
      char *end = NULL;

      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell, &end), value, 1e-3 * value);
      g_assert_true (end != cell && *end == '\0');
    }
}

static void
test_list_csv (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *file = write_crafted (0);
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonArray) rows = NULL;
  gboolean seen = FALSE;

  g_free (cli_ok (db, "import", file, NULL));
  rows = list_rows (db, NULL);
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (seed_ids) + 1);

  out = cli_ok (db, "list", "--format", "csv", NULL);
  records = parse_csv (out);
  g_assert_cmpuint (records->len, ==, json_array_get_length (rows) + 1);

  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);

      g_assert_cmpuint (record->len, ==, G_N_ELEMENTS (list_keys));
      for (guint k = 0; k < G_N_ELEMENTS (list_keys); k++)
        {
          const char *cell = g_ptr_array_index (record, k);

          if (i == 0)
            g_assert_cmpstr (cell, ==, list_keys[k]);
          else
            assert_cell (row_at (rows, i - 1), list_keys[k], cell);
        }

      if (i > 0 && g_strcmp0 (g_ptr_array_index (record, 0), crafted[0].nct_id) == 0)
        {
          g_assert_cmpstr (g_ptr_array_index (record, 1), ==, crafted[0].title);
          g_assert_cmpstr (g_ptr_array_index (record, 8), ==, crafted[0].sponsor);
          g_assert_cmpstr (g_ptr_array_index (record, 12), ==, crafted[0].condition);
          seen = TRUE;
        }
    }
  g_assert_true (seen);

  /* A seed title with a comma comes out as one quoted cell. */
  g_assert_nonnull (strstr (out, ",\"Acute Lymphoblastic Leukemia, in Relapse; Refractory Acute "
                                 "Lymphoid Leukemia; B-cell Acute Lymphoblastic Leukemia\"\r\n"));
  g_assert_nonnull (strstr (out, "\"Comma, \"\"quoted\"\" and\nnew line\ttab\""));
}

static void
test_list_tsv (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *file = write_crafted (0);
  g_autofree char *out = NULL;
  g_autofree char *header = g_strjoinv ("\t", (char **) list_keys);
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonArray) rows = NULL;

  g_free (cli_ok (db, "import", file, NULL));
  rows = list_rows (db, NULL);
  out = cli_ok (db, "list", "--format", "tsv", NULL);
  g_assert_true (g_str_has_suffix (out, "\n"));
  g_assert_null (strchr (out, '\r'));

  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, json_array_get_length (rows) + 2);
  g_assert_cmpstr (lines[0], ==, header);
  g_assert_cmpstr (lines[json_array_get_length (rows) + 1], ==, "");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i + 1], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, G_N_ELEMENTS (list_keys));
      g_assert_cmpstr (cells[0], ==, row_string (row_at (rows, i), "nct_id"));
      if (g_strcmp0 (cells[0], crafted[0].nct_id) == 0)
        g_assert_cmpstr (cells[1], ==, "Comma, \"quoted\" and new line tab");
    }
}

/* show */

static void
test_show (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *seed_path = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) seed = NULL;
  JsonObject *object;

  out = cli_ok (db, "show", "NCT07072494", "--format", "json", NULL);
  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  for (guint k = 0; k < G_N_ELEMENTS (list_keys); k++)
    g_assert_true (json_object_has_member (object, list_keys[k]));
  g_assert_cmpstr (json_object_get_string_member (object, "nct_id"), ==, "NCT07072494");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "RECRUITING");
  g_assert_cmpstr (json_object_get_string_member (object, "phase"), ==, "PHASE1/PHASE2");
  g_assert_cmpint (json_object_get_int_member (object, "enrollment"), ==, 30);
  g_assert_cmpfloat (json_object_get_double_member (object, "min_age_years"), ==, 14);
  g_assert_cmpfloat (json_object_get_double_member (object, "max_age_years"), ==, 80);
  g_assert_cmpstr (json_object_get_string_member (object, "study_type"), ==, "INTERVENTIONAL");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "eligibility_criteria"),
                                   "Inclusion Criteria:"));

  /* The study is the seed, verbatim. */
  seed_path = g_build_filename (g_getenv ("ELIGO_SOURCE_DIR"), "data", "seeds",
                                "NCT07072494.json", NULL);
  seed = parse_json_file (seed_path);
  g_assert_true (json_object_has_member (object, "study"));
  g_assert_true (json_node_equal (json_object_get_member (object, "study"), seed));

  /* Text */
  text = cli_ok (db, "show", "NCT07072494", NULL);
  g_assert_true (g_str_has_prefix (text, "NCT07072494  CD19 CAR-T Cell Infusion"));
  g_assert_nonnull (strstr (text, "https://clinicaltrials.gov/study/NCT07072494\n"));
  /* The text form is for people: registry codes are shown as words. */
  g_assert_nonnull (strstr (text, "\nStatus:                Recruiting\n"));
  g_assert_nonnull (strstr (text, "\nPhase:                 Phase 1/2\n"));
  g_assert_nonnull (strstr (text, "\nAges:                  14\xe2\x80\x93" "80\n"));
  g_assert_nonnull (strstr (text, "\nOrganization\xe2\x80\x99s ID:     2024-KY-394-01\n"));
  g_assert_nonnull (strstr (text, "\nEnrollment:            30\n"));
  g_assert_nonnull (strstr (text, "\nLead sponsor:          Zhujiang Hospital\n"));
  g_assert_nonnull (strstr (text, "\nEligibility criteria\n"));
  g_assert_nonnull (strstr (text, "biphenotypic"));

  /* An NCT number typed in lower case works the same. */
  lower = cli_ok (db, "show", "nct07072494", NULL);
  g_assert_cmpstr (lower, ==, text);
  g_clear_pointer (&lower, g_free);
  lower = cli_ok (db, "show", "nct07072494", "--format", "json", NULL);
  g_assert_cmpstr (lower, ==, out);

  /* A partial seed shows without its absent fields. */
  g_clear_pointer (&text, g_free);
  text = cli_ok (db, "show", "NCT06585345", NULL);
  g_assert_null (strstr (text, "Phase:"));
  g_assert_null (strstr (text, "Start:"));
  g_assert_null (strstr (text, "(null)"));
  /* The registry gives it no ages: those of its criteria, marked so. */
  g_assert_nonnull (strstr (text, "Ages:                  14–65 (from criteria)\n"));

  /* Unknown trials */
  {
    const char *unknown[] = { "NCT00000001", "nct00000002", "banana" };

    for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
      {
        g_autofree char *o = NULL;
        g_autofree char *e = NULL;
        g_autofree char *upper = g_ascii_strup (unknown[i], -1);

        g_assert_cmpint (cli (&o, &e, db, "show", unknown[i], NULL), ==, 1);
        g_assert_cmpstr (o, ==, "");
        g_assert_cmpuint (count_lines (e), ==, 1);
        g_assert_true (g_str_has_suffix (e, "\n"));
        g_assert_nonnull (strstr (e, upper));

        g_clear_pointer (&o, g_free);
        g_clear_pointer (&e, g_free);
        g_assert_cmpint (cli (&o, &e, db, "show", unknown[i], "--format", "json", NULL), ==, 1);
        g_assert_cmpstr (o, ==, "");
        g_assert_cmpuint (count_lines (e), ==, 1);
      }
  }
}

/* import */

static char *
modified_copy (const char *nct_id,
               const char *title,
               const char *last_update)
{
  g_autofree char *source = data_study_path (nct_id);
  g_autofree char *name = g_strdup_printf ("%s-%s.json", nct_id, last_update);
  g_autoptr(JsonNode) root = parse_json_file (source);
  g_autofree char *json = NULL;
  JsonObject *protocol = json_object_get_object_member (json_node_get_object (root),
                                                        "protocolSection");
  JsonObject *status = json_object_get_object_member (protocol, "statusModule");
  char *path = eligo_test_tmp_path (name);

  json_object_set_string_member (json_object_get_object_member (protocol,
                                                                "identificationModule"),
                                 "briefTitle", title);
  json_object_set_string_member (json_object_get_object_member (status,
                                                                "lastUpdatePostDateStruct"),
                                 "date", last_update);
  json = json_to_string (root, FALSE);
  eligo_test_write_file (path, json, -1);

  return path;
}

static char *
title_of (const char *db,
          const char *nct_id)
{
  g_autofree char *out = cli_ok (db, "show", nct_id, "--format", "json", NULL);
  g_autoptr(JsonNode) root = parse_json (out);

  return g_strdup (json_object_get_string_member (json_node_get_object (root), "title"));
}

static void
test_import (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *file = data_study_path ("NCT00000410");
  g_autofree char *partial = eligo_test_data_path ("ctgov", "partial", NULL);
  g_autofree char *newer = modified_copy ("NCT00000410", "A newer title", "2099-01-02");
  g_autofree char *older = modified_copy ("NCT00000410", "An older title", "1999-01-02");
  g_autofree char *out = NULL;
  g_autofree char *title = NULL;
  g_autofree char *original = NULL;
  g_autoptr(JsonArray) rows = NULL;

  out = cli_ok (db, "import", file, NULL);
  g_assert_cmpstr (out, ==, "1 file read; trials: 1 added, 0 updated, 0 unchanged\n");
  original = title_of (db, "NCT00000410");
  g_assert_true (g_str_has_prefix (original, "Spine Patient Outcomes Research Trial"));

  /* A folder */
  g_clear_pointer (&out, g_free);
  out = cli_ok (db, "import", partial, NULL);
  g_assert_cmpstr (out, ==, "6 files read; trials: 6 added, 0 updated, 0 unchanged\n");
  rows = list_rows (db, NULL);
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (seed_ids) + 7);
  g_assert_nonnull (find_row (rows, "NCT03453554"));

  /* The same file again changes nothing. */
  g_clear_pointer (&out, g_free);
  out = cli_ok (db, "import", file, NULL);
  g_assert_cmpstr (out, ==, "1 file read; trials: 0 added, 0 updated, 1 unchanged\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (db, "import", partial, NULL);
  g_assert_cmpstr (out, ==, "6 files read; trials: 0 added, 0 updated, 6 unchanged\n");

  /* An older version is kept out. */
  g_clear_pointer (&out, g_free);
  out = cli_ok (db, "import", older, NULL);
  g_assert_cmpstr (out, ==, "1 file read; trials: 0 added, 0 updated, 1 unchanged\n");
  title = title_of (db, "NCT00000410");
  g_assert_cmpstr (title, ==, original);

  /* A newer one replaces the stored trial. */
  g_clear_pointer (&out, g_free);
  out = cli_ok (db, "import", newer, NULL);
  g_assert_cmpstr (out, ==, "1 file read; trials: 0 added, 1 updated, 0 unchanged\n");
  g_clear_pointer (&title, g_free);
  title = title_of (db, "NCT00000410");
  g_assert_cmpstr (title, ==, "A newer title");

  /* ...and the original, now older, no longer does. */
  g_clear_pointer (&out, g_free);
  out = cli_ok (db, "import", file, older, NULL);
  g_assert_cmpstr (out, ==, "2 files read; trials: 0 added, 0 updated, 2 unchanged\n");
  g_clear_pointer (&title, g_free);
  title = title_of (db, "NCT00000410");
  g_assert_cmpstr (title, ==, "A newer title");

  g_clear_pointer (&rows, json_array_unref);
  rows = list_rows (db, NULL);
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (seed_ids) + 7);
  g_assert_true (eligo_test_integrity_ok (db));
}

/* A folder's files are read in name order, so the result does not depend on the file system. */
static void
test_import_folder_order (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *dir = eligo_test_tmp_path ("folder");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%02u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      eligo_test_write_file (path, "{", -1);
    }
  for (guint i = 0; i < 8; i++)
    {
      /* Same trial, same last update: the last one read wins. */
      g_autofree char *name = g_strdup_printf ("good-%02u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *title_i = g_strdup_printf ("Version %02u", i);
      g_autofree char *json = make_study ("NCT99990301", title_i, "S", "C", "2024-05-05");

      eligo_test_write_file (path, json, -1);
    }
  {
    g_autofree char *path = g_build_filename (dir, "ignored.txt", NULL);

    eligo_test_write_file (path, "not json, and not read", -1);
  }

  g_assert_cmpint (cli (&out, &err, db, "import", dir, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "20 files read; trials: 1 added, 7 updated, 0 unchanged; "
                            "12 files rejected\n");
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/bad-%02u.json:", dir, i);

      g_assert_nonnull (strstr (lines[i], name));
    }

  title = title_of (db, "NCT99990301");
  g_assert_cmpstr (title, ==, "Version 07");
}

/* Rejected files */

typedef struct
{
  const char *name;
  const char *contents;       /* or NULL: make() builds them */
  char     *(*make)          (gsize *len);
  const char *reason;         /* what the message must say */
} BadFile;

#define STUDY_HEAD "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99990101\"," \
                   "\"briefTitle\":\"Bad\"}"

static char *
make_truncated (gsize *len)
{
  g_autofree char *path = data_study_path ("NCT00000410");
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (*len, >, 2000);
  *len = 1500;

  return contents;
}

static char *
make_deep_array (gsize *len)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (s, ']');
  *len = s->len;

  return g_string_free (s, FALSE);
}

static char *
make_deep_in_study (gsize *len)
{
  GString *s = g_string_new (STUDY_HEAD "},\"unknownKey\":");

  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "[{\"a\":");
  g_string_append (s, "1");
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "}]");
  g_string_append (s, "}");
  *len = s->len;

  return g_string_free (s, FALSE);
}

static char *
make_deep_unclosed (gsize *len)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (s, '{');
  *len = s->len;

  return g_string_free (s, FALSE);
}

static char *
make_page_third_bad (gsize *len)
{
  g_autofree char *a = make_study ("NCT99990201", "First good", "S", "C", "2024-01-01");
  g_autofree char *b = make_study ("NCT99990202", "Second good", "S", "C", "2024-01-01");
  char *json = g_strdup_printf ("{\"studies\":[%s,%s,"
                                "{\"protocolSection\":{\"identificationModule\":"
                                "{\"nctId\":\"NCT99990203\"},\"designModule\":"
                                "{\"enrollmentInfo\":{\"count\":\"many\"}}}}],"
                                "\"nextPageToken\":\"abc\"}", a, b);

  *len = strlen (json);
  return json;
}

static const BadFile bad_files[] = {
  { "not-json", "This is not JSON at all.\n", NULL, "not valid JSON" },
  { "truncated", NULL, make_truncated, "not valid JSON" },
  { "invalid-utf8", STUDY_HEAD ",\"statusModule\":{\"overallStatus\":\"RECRUIT\xff\xfeING\"}}}",
    NULL, "UTF-8" },
  { "overlong-utf8", STUDY_HEAD ",\"x\":\"\xc0\xaf\"}}", NULL, "UTF-8" },
  { "enrollment-string", STUDY_HEAD ",\"designModule\":{\"enrollmentInfo\":{\"count\":\"30\"}}}}",
    NULL, "protocolSection.designModule.enrollmentInfo.count" },
  { "enrollment-negative", STUDY_HEAD ",\"designModule\":{\"enrollmentInfo\":{\"count\":-5}}}}",
    NULL, "enrollmentInfo.count" },
  { "phases-string", STUDY_HEAD ",\"designModule\":{\"phases\":\"PHASE1\"}}}", NULL,
    "protocolSection.designModule.phases" },
  { "conditions-number",
    STUDY_HEAD ",\"conditionsModule\":{\"conditions\":[\"Leukemia\",3]}}}", NULL,
    "conditions[1]" },
  { "protocol-section-array", "{\"protocolSection\":[{\"identificationModule\":"
    "{\"nctId\":\"NCT99990101\"}}]}", NULL, "protocolSection" },
  { "title-number", "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99990101\","
    "\"briefTitle\":42}}}", NULL, "briefTitle" },
  { "nct-id-missing", "{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":\"X\"}}}",
    NULL, "nctId" },
  { "nct-id-null", "{\"protocolSection\":{\"identificationModule\":{\"nctId\":null}}}", NULL,
    "nctId" },
  { "nct-id-number", "{\"protocolSection\":{\"identificationModule\":{\"nctId\":12345678}}}",
    NULL, "nctId" },
  { "nct-id-short", "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT123\"}}}",
    NULL, "NCT123" },
  { "nct-id-letters",
    "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"ABC12345678\"}}}", NULL,
    "ABC12345678" },
  { "no-protocol-section", "{\"derivedSection\":{}}", NULL, "protocolSection" },
  { "deep-array", NULL, make_deep_array, "nested" },
  { "deep-in-study", NULL, make_deep_in_study, "nested" },
  { "deep-unclosed", NULL, make_deep_unclosed, "nested" },
  { "empty-file", "", NULL, "empty" },
  { "whitespace-only", "  \n\t\n", NULL, "JSON" },
  { "empty-array", "[]", NULL, "no studies" },
  { "empty-page", "{\"studies\":[],\"totalCount\":0}", NULL, "no studies" },
  { "studies-not-array", "{\"studies\":{\"protocolSection\":{}}}", NULL, "studies" },
  { "array-of-numbers", "[1,2,3]", NULL, "not a JSON object" },
  { "scalar", "42", NULL, "ClinicalTrials.gov" },
  { "page-third-bad", NULL, make_page_third_bad, "study 3 of 3" },
  { "bad-date", STUDY_HEAD ",\"statusModule\":{\"startDateStruct\":{\"date\":\"2025-13-45\"}}}}",
    NULL, "2025-13-45" },
  { "date-number", STUDY_HEAD ",\"statusModule\":{\"startDateStruct\":{\"date\":20250101}}}}",
    NULL, "startDateStruct.date" },
  { "bad-age", STUDY_HEAD ",\"eligibilityModule\":{\"minimumAge\":\"eighteen\"}}}", NULL,
    "eighteen" },
  { "classic-api", "{\"FullStudiesResponse\":{\"APIVrs\":\"1.01.05\",\"NStudiesFound\":1,"
    "\"FullStudies\":[{\"Rank\":1,\"Study\":{\"ProtocolSection\":{\"IdentificationModule\":"
    "{\"NCTId\":\"NCT00000410\"}}}}]}}", NULL, "classic" },
  { "nonexistent", NULL, NULL, "cannot be read" },
};

static void
assert_rejected (const char *db,
                 const char *path,
                 const char *reason)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  before = eligo_test_database_digest (db);

  g_assert_cmpint (cli (&out, &err, db, "import", path, NULL), ==, 1);
  g_test_message ("stderr: %s", err);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, reason));
  g_assert_cmpstr (out, ==, "1 file read; trials: 0 added, 0 updated, 0 unchanged; "
                            "1 file rejected\n");

  after = eligo_test_database_digest (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (eligo_test_integrity_ok (db));
}

static void
test_import_rejected (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *db = new_database_path ();
  g_autofree char *name = g_strconcat (bad->name, ".json", NULL);
  g_autofree char *path = eligo_test_tmp_path (name);
  g_autofree char *contents = NULL;
  gsize len = 0;

  /* The database exists, seeded, before the bad file comes. */
  g_free (cli_ok (db, "list", NULL));

  if (bad->make != NULL)
    {
      contents = bad->make (&len);
      eligo_test_write_file (path, contents, (gssize) len);
    }
  else if (bad->contents != NULL)
    eligo_test_write_file (path, bad->contents, -1);

  assert_rejected (db, path, bad->reason);

  if (g_str_equal (bad->name, "page-third-bad"))
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cli (&out, &err, db, "show", "NCT99990201", NULL), ==, 1);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (cli (&out, &err, db, "show", "NCT99990202", NULL), ==, 1);
    }
}

/* The minimal study the bad files are made from is itself good. */
static void
test_import_minimal (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *path = eligo_test_tmp_path ("minimal.json");
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) rows = NULL;
  JsonObject *row;

  eligo_test_write_file (path, STUDY_HEAD ",\"designModule\":{\"enrollmentInfo\":{\"count\":30},"
                         "\"phases\":[\"PHASE1\"]},\"conditionsModule\":{\"conditions\":"
                         "[\"Leukemia\"]},\"statusModule\":{\"startDateStruct\":{\"date\":"
                         "\"2025-12-31\"}},\"eligibilityModule\":{\"minimumAge\":\"18 Years\"}},"
                         "\"unknownKey\":[[[[1]]]]}", -1);
  out = cli_ok (db, "import", path, NULL);
  g_assert_cmpstr (out, ==, "1 file read; trials: 1 added, 0 updated, 0 unchanged\n");

  rows = list_rows (db, "--search", "NCT99990101", NULL);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  row = row_at (rows, 0);
  g_assert_cmpint (json_object_get_int_member (row, "enrollment"), ==, 30);
  g_assert_cmpstr (row_string (row, "phase"), ==, "PHASE1");
  g_assert_cmpstr (row_string (row, "start_date"), ==, "2025-12-31");
  g_assert_cmpstr (row_string (row, "conditions"), ==, "Leukemia");
  g_assert_cmpfloat (json_object_get_double_member (row, "min_age_years"), ==, 18);
  g_assert_true (json_object_get_null_member (row, "status"));
  g_assert_true (json_object_get_null_member (row, "sponsor"));
}

static void
test_import_good_and_bad (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *good = data_study_path ("NCT00000410");
  g_autofree char *bad = eligo_test_tmp_path ("bad.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  eligo_test_write_file (bad, "{\"protocolSection\":", -1);
  g_assert_cmpint (cli (&out, &err, db, "import", good, bad, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "2 files read; trials: 1 added, 0 updated, 0 unchanged; "
                            "1 file rejected\n");
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, bad));
  g_assert_null (strstr (err, good));

  g_free (cli_ok (db, "show", "NCT00000410", NULL));
  g_assert_true (eligo_test_integrity_ok (db));

  /* The bad one first: the good one is still stored. */
  {
    g_autofree char *db2 = new_database_path ();
    g_autoptr(JsonArray) rows = NULL;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, &err, db2, "import", bad, good, NULL), ==, 1);
    g_assert_cmpstr (out, ==, "2 files read; trials: 1 added, 0 updated, 0 unchanged; "
                              "1 file rejected\n");
    rows = list_rows (db2, NULL);
    g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (seed_ids) + 1);
  }
}

/* Usage */

static void
test_usage_errors (void)
{
  g_autofree char *db = new_database_path ();
  const char *cases[][6] = {
    { NULL },
    { "frobnicate", NULL },
    { "--frobnicate", "list", NULL },
    { "list", "--frobnicate", NULL },
    { "list", "--format", "xml", NULL },
    { "list", "--format", NULL },
    { "list", "--sort", "nope", NULL },
    { "list", "--sort", "title:sideways", NULL },
    { "list", "--sort", "", NULL },
    { "list", "--limit", "-3", NULL },
    { "list", "--limit=-3", NULL },
    { "list", "--limit", "abc", NULL },
    { "list", "extra", NULL },
    { "show", NULL },
    { "show", "", NULL },
    { "show", "NCT07072494", "NCT07087847", NULL },
    { "show", "NCT07072494", "--format", "csv", NULL },
    { "import", NULL },
    { "import", "--frobnicate", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *args = cases[i][0] != NULL ? g_strjoinv (" ", (char **) cases[i])
                                                   : g_strdup ("");
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("eligo-cli --database DB %s", args);
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, db);
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i][j]);
      g_ptr_array_add (argv, NULL);

      g_assert_cmpint (eligo_test_run_cli_argv ((const char * const *) argv->pdata, &out, &err),
                       ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
      /* Bad usage is caught before the database is touched. */
      g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
    }

  /* A folder with nothing to import is a user error, not silent success. */
  {
    g_autofree char *empty_dir = eligo_test_tmp_path ("no-json-here");
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_autofree char *notes = g_build_filename (empty_dir, "notes.txt", NULL);

    g_assert_cmpint (g_mkdir_with_parents (empty_dir, 0700), ==, 0);
    eligo_test_write_file (notes, "not a study", -1);
    g_assert_cmpint (cli (&out, &err, db, "import", empty_dir, NULL), ==, 1);
    g_assert_nonnull (strstr (err, empty_dir));
    g_assert_nonnull (strstr (err, ".json"));
  }

  /* --database without a path */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cli (&out, &err, NULL, "--database", NULL), ==, 2);
    g_assert_cmpstr (err, !=, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, &err, NULL, "list", "--database", NULL), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, &err, NULL, "--database", "", "list", NULL), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, &err, NULL, "--database=", "list", NULL), ==, 2);
  }
}

static void
test_help (void)
{
  const char *commands[] = { "import", "list", "show" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli (&out, &err, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Usage"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (out, commands[i]));
  g_assert_nonnull (strstr (out, "--database"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (cli (&out, &err, NULL, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "Usage"));
      g_assert_nonnull (strstr (out, commands[i]));
    }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, NULL, "list", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--sort"));
  g_assert_nonnull (strstr (out, "--search"));
  g_assert_nonnull (strstr (out, "--limit"));
  g_assert_nonnull (strstr (out, "--format"));

  /* Without a command, the usage goes to stderr. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, NULL, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, NULL, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "eligo-cli "));
}

/* The database */

static void
test_database_env (void)
{
  g_autofree char *env_db = new_database_path ();
  g_autofree char *other_db = new_database_path ();
  g_autofree char *file = write_crafted (1);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "ELIGO_DATABASE", env_db, TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *import_args[] = { "import", file, NULL };
  const char *list_args[] = { "list", "--format", "json", NULL };
  const char *other_args[] = { "--database", other_db, "list", "--format", "json", NULL };
  const char *equals_args[] = { NULL, "list", "--format", "json", NULL };
  g_autofree char *equals = g_strconcat ("--database=", other_db, NULL);

  g_assert_cmpint (cli_env (envp, import_args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "1 file read; trials: 1 added, 0 updated, 0 unchanged\n");
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_env (envp, list_args, &out, &err), ==, 0);
  root = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==,
                    G_N_ELEMENTS (seed_ids) + 1);
  g_assert_nonnull (find_row (json_node_get_array (root), crafted[1].nct_id));

  /* --database wins over the variable. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpint (cli_env (envp, other_args, &out, &err), ==, 0);
  root = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==,
                    G_N_ELEMENTS (seed_ids));
  g_assert_true (g_file_test (other_db, G_FILE_TEST_IS_REGULAR));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);
  equals_args[0] = equals;
  g_assert_cmpint (cli_env (envp, equals_args, &out, &err), ==, 0);
  root = parse_json (out);
  g_assert_null (find_row (json_node_get_array (root), crafted[1].nct_id));

  /* Neither: $XDG_DATA_HOME/eligo/eligo.db (a per-test directory here). */
  {
    g_auto(GStrv) plain = g_environ_unsetenv (g_get_environ (), "ELIGO_DATABASE");
    g_autofree char *default_db = g_build_filename (g_get_user_data_dir (), "eligo", "eligo.db",
                                                    NULL);

    /* GTest isolates the dirs in this process only; tell the child. */
    plain = g_environ_setenv (plain, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
    g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli_env (plain, list_args, &out, &err), ==, 0);
    g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));
  }

  rows = list_rows (env_db, NULL);
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (seed_ids) + 1);
}

static void
test_database_mode (void)
{
  g_autofree char *dir = eligo_test_tmp_path ("private");
  g_autofree char *db = g_build_filename (dir, "sub", "eligo.db", NULL);
  g_autofree char *sub = g_path_get_dirname (db);
  g_autofree char *file = write_crafted (2);
  struct stat st;
  mode_t old_umask;

  /* Even with a permissive umask, the library is private. */
  old_umask = umask (0);
  g_free (cli_ok (db, "list", NULL));
  g_free (cli_ok (db, "import", file, NULL));
  umask (old_umask);

  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* A file that was readable by others is made private when opened. */
  {
    g_autofree char *loose = eligo_test_tmp_path ("loose.db");

    eligo_test_write_file (loose, "", 0);
    g_assert_cmpint (g_chmod (loose, 0644), ==, 0);
    g_free (cli_ok (loose, "list", NULL));
    g_assert_cmpint (g_stat (loose, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

/* A criterion that begins with a multi-byte letter used to crash
 * `criteria` (GRegex was handed a slice starting inside "é"). */
static void
test_criteria_multibyte (void)
{
  g_autofree char *database = new_database_path ();
  g_autofree char *json = make_study ("NCT09999901", "Multi-byte criterion", "Sponsor", "Leukemia", "2026-01-01");
  g_autofree char *path = eligo_test_tmp_path ("NCT09999901.json");
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = parse_json (json);
  JsonObject *eligibility;

  eligibility = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root),
                                                                              "protocolSection"),
                                               "eligibilityModule");
  json_object_set_string_member (eligibility, "eligibilityCriteria",
                                 "Inclusion Criteria:\n\n* \xc3\xa9Willing to provide informed consent/assent and "
                                 "havleeag ldua grian w=illing to provide informed consent (if required)\n\n"
                                 "Exclusion Criteria:\n\n* None");
  written = json_to_string (root, TRUE);
  eligo_test_write_file (path, written, -1);

  g_free (cli_ok (database, "import", path, NULL));
  g_assert_cmpint (cli (&out, &err, database, "criteria", "NCT09999901", NULL), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_nonnull (strstr (out, "Willing to provide informed consent"));
}

/* json-glib 1.6 decodes the octal escape "\351" to a lone 0xE9 byte: the
 * import is refused, naming the file and field, and nothing is stored. */
static void
test_import_invalid_utf8 (void)
{
  g_autofree char *database = new_database_path ();
  g_autofree char *good = write_study ("NCT09999903", "Good title", "Sponsor", "Leukemia", "2026-01-01");
  g_autofree char *path = eligo_test_tmp_path ("NCT09999902.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  eligo_test_write_file (path, "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09999902\","
                         "\"briefTitle\":\"Bad \\351 title\"}}}", -1);
  g_free (cli_ok (database, "import", good, NULL));
  before = eligo_test_database_digest (database);

  g_assert_cmpint (cli (&out, &err, database, "import", path, NULL), ==, 1);
  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "protocolSection.identificationModule.briefTitle"));

  after = eligo_test_database_digest (database);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  out = cli_ok (database, "list", "--format", "json", NULL);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_null (strstr (out, "NCT09999902"));
}

/* A sparse file of SIZE bytes: large on paper, instant to make. */
static char *
write_sparse (const char *name,
              goffset     size)
{
  char *path = eligo_test_tmp_path (name);
  FILE *stream = fopen (path, "w");

  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), size), ==, 0);
  fclose (stream);

  return path;
}

/* A trial file far larger than any registry page is refused before it is
 * read, and nothing is stored. */
static void
test_import_too_large (void)
{
  g_autofree char *database = new_database_path ();
  g_autofree char *good = write_study ("NCT09999904", "Good title", "Sponsor", "Leukemia", "2026-01-01");
  g_autofree char *big = write_sparse ("huge-page.json", (goffset) 257 * 1024 * 1024);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_free (cli_ok (database, "import", good, NULL));
  before = eligo_test_database_digest (database);
  g_assert_cmpint (cli (&out, &err, database, "import", big, NULL), ==, 1);
  g_assert_nonnull (strstr (err, big));
  g_assert_nonnull (strstr (err, "too large"));
  after = eligo_test_database_digest (database);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/cli/list/seeds", test_list_seeds);
  g_test_add_func ("/eligo/cli/list/sort", test_list_sort);
  g_test_add_func ("/eligo/cli/list/search", test_list_search);
  g_test_add_func ("/eligo/cli/list/limit", test_list_limit);
  g_test_add_func ("/eligo/cli/list/csv", test_list_csv);
  g_test_add_func ("/eligo/cli/list/tsv", test_list_tsv);
  g_test_add_func ("/eligo/cli/show", test_show);
  g_test_add_func ("/eligo/cli/import/update", test_import);
  g_test_add_func ("/eligo/cli/import/folder-order", test_import_folder_order);
  g_test_add_func ("/eligo/cli/import/minimal", test_import_minimal);
  g_test_add_func ("/eligo/cli/import/good-and-bad", test_import_good_and_bad);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/eligo/cli/import/rejected/", bad_files[i].name, NULL);

      g_test_add_data_func (path, &bad_files[i], test_import_rejected);
    }
  g_test_add_func ("/eligo/cli/usage/errors", test_usage_errors);
  g_test_add_func ("/eligo/cli/usage/help", test_help);
  g_test_add_func ("/eligo/cli/database/env", test_database_env);
  g_test_add_func ("/eligo/cli/database/mode", test_database_mode);
  g_test_add_func ("/eligo/cli/criteria/multibyte", test_criteria_multibyte);
  g_test_add_func ("/eligo/cli/import/invalid-utf8", test_import_invalid_utf8);
  g_test_add_func ("/eligo/cli/import/too-large", test_import_too_large);

  return g_test_run ();
}
