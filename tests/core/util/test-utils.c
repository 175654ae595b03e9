/* test-utils.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>

#include "eligo-trial-query.h"
#include "eligo-utils.h"

static void
test_dates (void)
{
  const char *good[] = { "2025", "2025-07", "2025-07-19", "2024-02-29", "1999-12-31" };
  const char *bad[] = { "", "25", "2025-7", "2025-13", "2025-00", "2025-07-32", "2023-02-29",
                        "2025/07/19", "2025-07-19T00:00", "July 2025", "20250719", "abcd" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (eligo_date_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (eligo_date_is_valid (bad[i]));
  g_assert_false (eligo_date_is_valid (NULL));

  /* Partial dates keep their precision and sort as text in date order. */
  g_assert_cmpint (g_strcmp0 ("2025", "2025-01"), <, 0);
  g_assert_cmpint (g_strcmp0 ("2025-07", "2025-07-19"), <, 0);
  g_assert_cmpint (g_strcmp0 ("2025-07-19", "2025-08"), <, 0);
  g_assert_cmpint (g_strcmp0 ("2024-12-31", "2025"), <, 0);
}

static void
test_ages (void)
{
  const struct {
    const char *text;
    double      years;
  } cases[] = {
    { "18 Years", 18 },
    { "1 Year", 1 },
    { "6 Months", 0.5 },
    { "1 Month", 1.0 / 12 },
    { "4 Weeks", 4 * 7 / 365.25 },
    { "28 Days", 28 / 365.25 },
    { "1 Day", 1 / 365.25 },
    { "12 Hours", 0.5 / 365.25 },
    { "30 Minutes", 30 / (365.25 * 24 * 60) },
    { "  65 years ", 65 },
  };
  const char *bad[] = { "", "N/A", "Years", "18", "18 Decades", "-1 Years", "eighteen years" };
  double years;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (eligo_age_parse_years (cases[i].text, &years));
      g_assert_cmpfloat_with_epsilon (years, cases[i].years, 1e-9);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (eligo_age_parse_years (bad[i], &years));
}

static void
test_nct_ids (void)
{
  g_assert_true (eligo_nct_id_is_valid ("NCT07072494"));
  g_assert_false (eligo_nct_id_is_valid ("NCT0707249"));
  g_assert_false (eligo_nct_id_is_valid ("NCT070724945"));
  g_assert_false (eligo_nct_id_is_valid ("nct07072494"));
  g_assert_false (eligo_nct_id_is_valid ("NCT0707249X"));
  g_assert_false (eligo_nct_id_is_valid (""));
  g_assert_false (eligo_nct_id_is_valid (NULL));
}

static void
test_fts_query (void)
{
  g_autofree char *a = eligo_fts_query_from_text ("CAR-T cd19");
  g_autofree char *b = eligo_fts_query_from_text ("  \"AND\" OR NEAR( * ");
  g_autofree char *c = eligo_fts_query_from_text ("Lymphom\xc3\xa4");
  g_autofree char *d = eligo_fts_query_from_text (" ,; ");

  g_assert_cmpstr (a, ==, "\"CAR\"* \"T\"* \"cd19\"*");
  g_assert_cmpstr (b, ==, "\"AND\"* \"OR\"* \"NEAR\"*");
  g_assert_cmpstr (c, ==, "\"Lymphom\xc3\xa4\"*");
  g_assert_null (d);
  g_assert_null (eligo_fts_query_from_text (NULL));
}

static void
test_sort_fields (void)
{
  for (guint i = 0; i < ELIGO_N_SORT_FIELDS; i++)
    {
      EligoSortField field;

      g_assert_true (eligo_sort_field_from_string (eligo_sort_field_to_string (i), &field));
      g_assert_cmpint (field, ==, i);
    }

  {
    EligoSortField field;

    g_assert_false (eligo_sort_field_from_string ("nope", &field));
    g_assert_false (eligo_sort_field_from_string (NULL, &field));
  }
}

static void
test_query_copy (void)
{
  g_autoptr(EligoTrialQuery) a = eligo_trial_query_new ();
  g_autoptr(EligoTrialQuery) b = NULL;
  const char *statuses[] = { "RECRUITING", NULL };

  a->search = g_strdup ("cd19");
  a->statuses = g_strdupv ((char **) statuses);
  b = eligo_trial_query_copy (a);
  g_assert_true (eligo_trial_query_equal (a, b));

  b->descending = !b->descending;
  g_assert_false (eligo_trial_query_equal (a, b));
  b->descending = !b->descending;

  g_free (b->search);
  b->search = g_strdup ("cd22");
  g_assert_false (eligo_trial_query_equal (a, b));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/utils/dates", test_dates);
  g_test_add_func ("/eligo/utils/ages", test_ages);
  g_test_add_func ("/eligo/utils/nct-ids", test_nct_ids);
  g_test_add_func ("/eligo/utils/fts-query", test_fts_query);
  g_test_add_func ("/eligo/utils/sort-fields", test_sort_fields);
  g_test_add_func ("/eligo/utils/query-copy", test_query_copy);

  return g_test_run ();
}
