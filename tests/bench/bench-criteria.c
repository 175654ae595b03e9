/* bench-criteria.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splits and reads rules from every record in tests/data/ctgov/studies
 * and prints the speed and the share of criteria that get a rule, over all
 * records and over the 100 acute-leukemia records (the dgg32/graph_bigquery
 * export in tests/data/ctgov/responses, see PROVENANCE.md), and the review
 * burden of the five seed trials: the share of their criteria (structured
 * ones included) that a fit patient with every fact given still leaves to
 * the nurse, i.e. those with no rule or a partial one. Run with
 * `meson test -C _build --benchmark -v criteria`.
 */

#include "config.h"

#include "eligo-criterion.h"
#include "eligo-import.h"
#include "eligo-test-utils.h"

typedef struct
{
  guint trials;
  guint criteria;
  guint with_rule;
  guint partial;
} Tally;

static void
tally (Tally     *t,
       GPtrArray *criteria)
{
  t->trials++;
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);

      if (eligo_criterion_get_origin (criterion) == ELIGO_ORIGIN_STRUCTURED)
        continue;
      t->criteria++;
      if (eligo_criterion_get_rule (criterion) != NULL)
        {
          t->with_rule++;
          if (eligo_criterion_get_partial (criterion))
            t->partial++;
        }
    }
}

static void
print_tally (const char  *label,
             const Tally *t)
{
  g_print ("%s: %u trials, %u criteria, %u with a rule (%.1f %%: %.1f %% whole, %.1f %% partial)\n",
           label, t->trials, t->criteria, t->with_rule,
           100.0 * t->with_rule / MAX (t->criteria, 1),
           100.0 * (t->with_rule - t->partial) / MAX (t->criteria, 1),
           100.0 * t->partial / MAX (t->criteria, 1));
}

/* Criteria of the seed trials in data/seeds left to review for a fit patient. */
static void
print_seed_review (void)
{
  const char *source = g_getenv ("ELIGO_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (source != NULL ? source : ".", "data", "seeds", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  guint total = 0, review = 0;
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GPtrArray) parsed = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      file = g_file_new_for_path (path);
      parsed = eligo_import_parse_file (file, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < parsed->len; i++)
        {
          g_autoptr(GPtrArray) criteria = eligo_criteria_for_trial (g_ptr_array_index (parsed, i));

          for (guint k = 0; k < criteria->len; k++)
            {
              EligoCriterion *criterion = g_ptr_array_index (criteria, k);

              total++;
              if (eligo_criterion_get_rule (criterion) == NULL || eligo_criterion_get_partial (criterion))
                review++;
            }
        }
    }
  g_print ("seed trials: %u criteria, %u left to review for a fit patient (%.1f %%)\n",
           total, review, 100.0 * review / MAX (total, 1));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autofree char *leukemia_path = eligo_test_data_path ("ctgov", "responses",
                                                          "dgg32__graph_bigquery__ctg-studies.json",
                                                          NULL);
  g_autoptr(GFile) leukemia_file = g_file_new_for_path (leukemia_path);
  g_autoptr(GPtrArray) leukemia_trials = NULL;
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  Tally all = { 0 }, leukemia = { 0 };
  const char *name;
  gint64 start, elapsed;
  const guint rounds = 3;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) parsed = eligo_import_parse_file (file, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_extend_and_steal (trials, g_steal_pointer (&parsed));
    }

  leukemia_trials = eligo_import_parse_file (leukemia_file, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < leukemia_trials->len; i++)
    {
      g_autoptr(GPtrArray) criteria = eligo_criteria_for_trial (g_ptr_array_index (leukemia_trials, i));

      tally (&leukemia, criteria);
    }

  /* Warm the patterns up, then time whole passes over the corpus. */
  g_ptr_array_unref (eligo_criteria_for_trial (g_ptr_array_index (trials, 0)));

  start = g_get_monotonic_time ();
  for (guint round = 0; round < rounds; round++)
    {
      for (guint i = 0; i < trials->len; i++)
        {
          EligoTrial *trial = g_ptr_array_index (trials, i);
          g_autoptr(GPtrArray) criteria = eligo_criteria_for_trial (trial);

          if (round == 0)
            tally (&all, criteria);
        }
    }
  elapsed = g_get_monotonic_time () - start;

  print_tally ("all records", &all);
  print_tally ("acute leukemia", &leukemia);
  print_seed_review ();
  g_print ("split and read %u criteria %u times in %.1f ms: %.0f criteria per second\n",
           all.criteria, rounds, elapsed / 1000.0,
           (double) all.criteria * rounds / (elapsed / (double) G_USEC_PER_SEC));

  return 0;
}
