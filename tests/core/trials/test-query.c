/* test-query.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "eligo-database.h"
#include "eligo-test-utils.h"

static EligoDatabase *
open_library (void)
{
  EligoDatabase *database = eligo_test_open_database (NULL);
  g_autofree char *dir = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  /* Every 12th record: about 64 real trials of all kinds, plus the seeds. */
  for (guint i = 0; i < names->len; i += 12)
    {
      g_autofree char *path = g_build_filename (dir, (char *) g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      eligo_database_import_file (database, file, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  return database;
}

typedef struct
{
  gboolean    is_number;
  gboolean    nocase;
  const char *text;
  double      number;
} SortValue;

static SortValue
sort_value (EligoTrial     *trial,
            EligoSortField  field)
{
  SortValue v = { FALSE, FALSE, NULL, -1 };

  switch (field)
    {
    case ELIGO_SORT_NCT_ID: v.text = eligo_trial_get_nct_id (trial); break;
    case ELIGO_SORT_TITLE: v.text = eligo_trial_get_brief_title (trial); v.nocase = TRUE; break;
    case ELIGO_SORT_STATUS: v.text = eligo_trial_get_overall_status (trial); break;
    case ELIGO_SORT_PHASE: v.text = eligo_trial_get_phases (trial); break;
    case ELIGO_SORT_ENROLLMENT: v.is_number = TRUE; v.number = eligo_trial_get_enrollment (trial); break;
    case ELIGO_SORT_START_DATE: v.text = eligo_trial_get_start_date (trial); break;
    case ELIGO_SORT_COMPLETION_DATE: v.text = eligo_trial_get_completion_date (trial); break;
    case ELIGO_SORT_LAST_UPDATE: v.text = eligo_trial_get_last_update (trial); break;
    case ELIGO_SORT_SPONSOR: v.text = eligo_trial_get_lead_sponsor (trial); v.nocase = TRUE; break;
    case ELIGO_SORT_MIN_AGE: v.is_number = TRUE; v.number = eligo_trial_get_effective_min_age_years (trial); break;
    case ELIGO_SORT_MAX_AGE: v.is_number = TRUE; v.number = eligo_trial_get_effective_max_age_years (trial); break;
    case ELIGO_SORT_SEX: v.text = eligo_trial_get_sex (trial); break;
    case ELIGO_SORT_CONDITIONS: v.text = eligo_trial_get_conditions (trial); v.nocase = TRUE; break;
    case ELIGO_SORT_STUDY_TYPE: v.text = eligo_trial_get_study_type (trial); break;
    case ELIGO_SORT_PRIMARY_COMPLETION_DATE: v.text = eligo_trial_get_primary_completion_date (trial); break;
    case ELIGO_SORT_FIRST_POSTED: v.text = eligo_trial_get_first_posted (trial); break;
    case ELIGO_N_SORT_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return v;
}

static gboolean
value_is_null (const SortValue *v)
{
  return v->is_number ? v->number < 0 : v->text == NULL;
}

/* -1, 0 or 1 in ascending order, without the null handling. */
static int
compare_values (const SortValue *a,
                const SortValue *b)
{
  int r;

  if (a->is_number)
    return (a->number > b->number) - (a->number < b->number);

  r = a->nocase ? g_ascii_strcasecmp (a->text, b->text) : strcmp (a->text, b->text);
  return (r > 0) - (r < 0);
}

static void
assert_sorted (EligoDatabase  *database,
               EligoSortField  field,
               gboolean        descending)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n_values = 0;

  query->sort = field;
  query->descending = descending;
  ids = eligo_database_query_ids (database, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, eligo_database_count_trials (database, NULL, NULL));

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (trials, eligo_database_get_trial (database, g_array_index (ids, gint64, i),
                                                       &error));

  for (guint i = 0; i + 1 < trials->len; i++)
    {
      EligoTrial *a = g_ptr_array_index (trials, i);
      EligoTrial *b = g_ptr_array_index (trials, i + 1);
      SortValue va = sort_value (a, field);
      SortValue vb = sort_value (b, field);
      int order;

      if (!value_is_null (&va))
        n_values++;

      /* Absent values come last, whichever the direction. */
      if (value_is_null (&va) && !value_is_null (&vb))
        g_error ("%s: %s (no value) before %s", eligo_sort_field_to_string (field),
                 eligo_trial_get_nct_id (a), eligo_trial_get_nct_id (b));
      if (value_is_null (&va) || value_is_null (&vb))
        order = value_is_null (&va) && value_is_null (&vb) ? 0 : -1;
      else
        order = compare_values (&va, &vb) * (descending ? -1 : 1);

      if (order == 0)
        order = strcmp (eligo_trial_get_nct_id (a), eligo_trial_get_nct_id (b)) * (descending ? -1 : 1);

      if (order > 0)
        g_error ("%s %s: %s comes before %s", eligo_sort_field_to_string (field),
                 descending ? "desc" : "asc", eligo_trial_get_nct_id (a),
                 eligo_trial_get_nct_id (b));
    }

  /* The field has values to sort, so the check above means something. */
  g_assert_cmpuint (n_values, >, 1);
}

static void
test_sort_every_field (void)
{
  g_autoptr(EligoDatabase) database = open_library ();

  g_assert_cmpuint (eligo_database_count_trials (database, NULL, NULL), >, 60);

  for (guint field = 0; field < ELIGO_N_SORT_FIELDS; field++)
    {
      assert_sorted (database, field, FALSE);
      assert_sorted (database, field, TRUE);
    }
}

static GPtrArray *
search_nct_ids (EligoDatabase *database,
                const char    *text)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  query->search = g_strdup (text);
  ids = eligo_database_query_ids (database, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, eligo_database_count_trials (database, query, NULL));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial (database,
                                                              g_array_index (ids, gint64, i),
                                                              NULL);

      g_ptr_array_add (result, g_strdup (eligo_trial_get_nct_id (trial)));
    }

  return result;
}

static gboolean
contains (GPtrArray  *ids,
          const char *nct_id)
{
  return g_ptr_array_find_with_equal_func (ids, nct_id, g_str_equal, NULL);
}

static void
test_search (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(GPtrArray) cd19 = search_nct_ids (database, "CD19");
  g_autoptr(GPtrArray) cd7 = search_nct_ids (database, "cd7");
  g_autoptr(GPtrArray) sponsor = search_nct_ids (database, "Zhujiang");
  g_autoptr(GPtrArray) criteria = search_nct_ids (database, "bendamustine");
  g_autoptr(GPtrArray) prefix = search_nct_ids (database, "haploid");
  g_autoptr(GPtrArray) both = search_nct_ids (database, "CD19 Burkitt");
  g_autoptr(GPtrArray) syntax = search_nct_ids (database, "\"CD38\" AND ( * - :");
  g_autoptr(GPtrArray) nothing = search_nct_ids (database, "zzzznotaword");
  g_autoptr(GPtrArray) empty = search_nct_ids (database, "  ");
  g_autoptr(GPtrArray) nct = search_nct_ids (database, "NCT07087847");

  g_assert_true (contains (cd19, "NCT07072494"));
  g_assert_false (contains (cd19, "NCT06585345"));
  g_assert_true (contains (cd7, "NCT06585345"));
  g_assert_cmpuint (sponsor->len, ==, 1);
  g_assert_true (contains (sponsor, "NCT07072494"));
  g_assert_cmpuint (criteria->len, ==, 1);
  g_assert_true (contains (criteria, "NCT06389305"));
  g_assert_true (contains (prefix, "NCT07087847"));
  /* Every word must appear: CD19 and Burkitt are both in 001 and in 003's criteria. */
  g_assert_cmpuint (both->len, ==, 2);
  g_assert_true (contains (both, "NCT07072494"));
  g_assert_true (contains (both, "NCT03754764"));
  g_assert_true (contains (syntax, "NCT03754764"));
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 5);
  g_assert_cmpuint (nct->len, ==, 1);
}

static guint
count_with (EligoDatabase         *database,
            const EligoTrialQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n = eligo_database_count_trials (database, query, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_filters (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  const char *recruiting[] = { "RECRUITING", NULL };
  const char *phase1[] = { "PHASE1", NULL };
  const char *phase2[] = { "PHASE2", NULL };

  query->statuses = g_strdupv ((char **) recruiting);
  g_assert_cmpuint (count_with (database, query), ==, 2);
  g_clear_pointer (&query->statuses, g_strfreev);

  /* PHASE1/PHASE2 counts as phase 1 and as phase 2. */
  query->phases = g_strdupv ((char **) phase1);
  g_assert_cmpuint (count_with (database, query), ==, 2);
  g_clear_pointer (&query->phases, g_strfreev);
  query->phases = g_strdupv ((char **) phase2);
  g_assert_cmpuint (count_with (database, query), ==, 1);
  g_clear_pointer (&query->phases, g_strfreev);

  query->study_type = g_strdup ("OBSERVATIONAL");
  g_assert_cmpuint (count_with (database, query), ==, 0);
  g_clear_pointer (&query->study_type, g_free);

  query->sex = g_strdup ("FEMALE");
  g_assert_cmpuint (count_with (database, query), ==, 5);
  g_clear_pointer (&query->sex, g_free);

  /* Where the registry gives no ages, those of the criteria count: a
   * 10-year-old fits NCT06389305 (1–39) only, an 85-year-old
   * NCT07087847 (18 and over) only. */
  query->patient_age = 10;
  g_assert_cmpuint (count_with (database, query), ==, 1);
  query->patient_age = 85;
  g_assert_cmpuint (count_with (database, query), ==, 1);
  query->patient_age = 50;
  g_assert_cmpuint (count_with (database, query), ==, 4);
  query->patient_age = 30;
  g_assert_cmpuint (count_with (database, query), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/query/sort-every-field", test_sort_every_field);
  g_test_add_func ("/eligo/query/search", test_search);
  g_test_add_func ("/eligo/query/filters", test_filters);

  return g_test_run ();
}
