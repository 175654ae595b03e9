/* test-criteria-diff.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diff of two versions of a trial's criteria, on a real record
 * (tests/data/ctgov/studies/NCT02349698.json) and its amended copy
 * (tests/data/ctgov/changed/, edits listed in tests/data/PROVENANCE.md).
 */

#include "config.h"

#include "eligo-criteria-diff.h"
#include "eligo-import.h"
#include "eligo-test-utils.h"

static GPtrArray *
criteria_of (const char *folder,
             const char *nct_id)
{
  g_autofree char *name = g_strconcat (nct_id, ".json", NULL);
  g_autofree char *path = eligo_test_data_path ("ctgov", folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trials = eligo_import_parse_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (trials->len, ==, 1);

  return eligo_criteria_for_trial (g_ptr_array_index (trials, 0));
}

static const char *
text_or_null (EligoCriterion *criterion)
{
  return criterion != NULL ? eligo_criterion_get_text (criterion) : NULL;
}

/* The change whose old or new criterion has @id. */
static const EligoCriterionChange *
find_change (GPtrArray  *changes,
             const char *side,
             const char *id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const EligoCriterionChange *change = g_ptr_array_index (changes, i);
      EligoCriterion *criterion = g_str_equal (side, "old") ? change->old_criterion
                                                             : change->new_criterion;

      if (criterion != NULL && g_str_equal (eligo_criterion_get_id (criterion), id))
        return change;
    }

  g_error ("no %s criterion %s in the diff", side, id);
  return NULL;
}

static void
test_amended_record (void)
{
  g_autoptr(GPtrArray) before = criteria_of ("studies", "NCT02349698");
  g_autoptr(GPtrArray) after = criteria_of ("changed", "NCT02349698");
  g_autoptr(GPtrArray) changes = eligo_criteria_diff (before, after);
  const EligoCriterionChange *change;
  EligoCriteriaDiffCounts counts;
  guint n_old = 0, n_new = 0;

  eligo_criteria_diff_count (changes, &counts);
  /* I3 life expectancy, I4 ages, E3 CNS leukemia and the registry's age limit */
  g_assert_cmpuint (counts.reworded, ==, 4);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.unchanged + counts.reworded + counts.removed, ==, before->len);
  g_assert_cmpuint (counts.unchanged + counts.reworded + counts.added, ==, after->len);

  /* Every criterion of both lists is in the diff once. */
  for (guint i = 0; i < changes->len; i++)
    {
      const EligoCriterionChange *c = g_ptr_array_index (changes, i);

      n_old += c->old_criterion != NULL;
      n_new += c->new_criterion != NULL;
    }
  g_assert_cmpuint (n_old, ==, before->len);
  g_assert_cmpuint (n_new, ==, after->len);

  change = find_change (changes, "old", "NCT02349698/I3");
  g_assert_cmpint (change->kind, ==, ELIGO_CRITERION_CHANGE_REWORDED);
  g_assert_cmpstr (text_or_null (change->old_criterion), ==, "Life expectancy>3 months.");
  g_assert_cmpstr (text_or_null (change->new_criterion), ==, "Life expectancy>12 weeks.");

  change = find_change (changes, "old", "NCT02349698/I4");
  g_assert_cmpint (change->kind, ==, ELIGO_CRITERION_CHANGE_REWORDED);
  g_assert_cmpstr (eligo_criterion_get_id (change->new_criterion), ==, "NCT02349698/I4");
  g_assert_true (g_str_has_suffix (text_or_null (change->new_criterion), "to 70 years."));

  /* "No other tumors." is gone; the criterion after it moved up and is
   * the same criterion under another id. */
  change = find_change (changes, "old", "NCT02349698/I10");
  g_assert_cmpint (change->kind, ==, ELIGO_CRITERION_CHANGE_REMOVED);
  g_assert_cmpstr (text_or_null (change->old_criterion), ==, "No other tumors.");
  g_assert_null (change->new_criterion);
  change = find_change (changes, "old", "NCT02349698/I11");
  g_assert_cmpint (change->kind, ==, ELIGO_CRITERION_CHANGE_UNCHANGED);
  g_assert_cmpstr (eligo_criterion_get_id (change->new_criterion), ==, "NCT02349698/I10");

  change = find_change (changes, "old", "NCT02349698/E3");
  g_assert_cmpint (change->kind, ==, ELIGO_CRITERION_CHANGE_REWORDED);
  g_assert_cmpstr (text_or_null (change->new_criterion), ==,
                   "Active central nervous system leukemia within 28 days of infusion.");

  change = find_change (changes, "new", "NCT02349698/E9");
  g_assert_cmpint (change->kind, ==, ELIGO_CRITERION_CHANGE_ADDED);
  g_assert_null (change->old_criterion);

  change = find_change (changes, "old", "NCT02349698/E2");
  g_assert_cmpint (change->kind, ==, ELIGO_CRITERION_CHANGE_UNCHANGED);

  /* The registry's age limit: the same field, other words. */
  for (guint i = 0; i < changes->len; i++)
    {
      const EligoCriterionChange *c = g_ptr_array_index (changes, i);

      if (c->old_criterion != NULL &&
          eligo_criterion_get_origin (c->old_criterion) == ELIGO_ORIGIN_STRUCTURED &&
          strstr (eligo_criterion_get_text (c->old_criterion), "75") != NULL)
        {
          g_assert_cmpint (c->kind, ==, ELIGO_CRITERION_CHANGE_REWORDED);
          g_assert_nonnull (strstr (eligo_criterion_get_text (c->new_criterion), "70"));
          n_old = G_MAXUINT;
        }
    }
  g_assert_cmpuint (n_old, ==, G_MAXUINT);
}

/* The removed criterion stands where it stood: after the new partner of
 * the criterion before it. */
static void
test_removed_in_place (void)
{
  g_autoptr(GPtrArray) before = criteria_of ("studies", "NCT02349698");
  g_autoptr(GPtrArray) after = criteria_of ("changed", "NCT02349698");
  g_autoptr(GPtrArray) changes = eligo_criteria_diff (before, after);

  for (guint i = 0; i < changes->len; i++)
    {
      const EligoCriterionChange *c = g_ptr_array_index (changes, i);

      if (c->kind == ELIGO_CRITERION_CHANGE_REMOVED)
        {
          const EligoCriterionChange *previous;

          g_assert_cmpuint (i, >, 0);
          previous = g_ptr_array_index (changes, i - 1);
          g_assert_cmpstr (eligo_criterion_get_id (previous->old_criterion), ==,
                           "NCT02349698/I9");
        }
    }
}

static void
test_same_criteria (void)
{
  g_autoptr(GPtrArray) before = criteria_of ("studies", "NCT02349698");
  g_autoptr(GPtrArray) again = criteria_of ("studies", "NCT02349698");
  g_autoptr(GPtrArray) changes = eligo_criteria_diff (before, again);
  EligoCriteriaDiffCounts counts;

  eligo_criteria_diff_count (changes, &counts);
  g_assert_cmpuint (counts.unchanged, ==, before->len);
  g_assert_cmpuint (counts.reworded + counts.added + counts.removed, ==, 0);
}

/* Two unrelated trials share no criterion but those with the same words. */
static void
test_unrelated (void)
{
  g_autoptr(GPtrArray) a = criteria_of ("studies", "NCT02349698");
  g_autoptr(GPtrArray) b = criteria_of ("studies", "NCT02650414");
  g_autoptr(GPtrArray) changes = eligo_criteria_diff (a, b);
  EligoCriteriaDiffCounts counts;

  eligo_criteria_diff_count (changes, &counts);
  g_assert_cmpuint (counts.added, >, b->len / 2);
  g_assert_cmpuint (counts.removed, >, a->len / 2);
  g_assert_cmpuint (changes->len, ==, counts.unchanged + counts.reworded + counts.added +
                                      counts.removed);
}

static void
test_similarity (void)
{
  g_assert_cmpfloat (eligo_criteria_similarity ("HIV affected.", "HIV  AFFECTED"), ==, 1.0);
  g_assert_cmpfloat (eligo_criteria_similarity ("Life expectancy>3 months.",
                                                "Life expectancy>12 weeks."), ==, 0.5);
  g_assert_cmpfloat (eligo_criteria_similarity ("HIV affected.", "Pregnancy"), ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/criteria-diff/amended-record", test_amended_record);
  g_test_add_func ("/eligo/criteria-diff/removed-in-place", test_removed_in_place);
  g_test_add_func ("/eligo/criteria-diff/same-criteria", test_same_criteria);
  g_test_add_func ("/eligo/criteria-diff/unrelated", test_unrelated);
  g_test_add_func ("/eligo/criteria-diff/similarity", test_similarity);

  return g_test_run ();
}
