/* test-seeds.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "eligo-database.h"
#include "eligo-test-utils.h"

typedef struct
{
  const char *seed_file;
  const char *nct_id;
  const char *status;
  const char *phases;
  int         enrollment;
  double      min_age;
  double      max_age;
  const char *start_date;
  const char *completion_date;
  const char *last_update;
  const char *sponsor;
  const char *criteria_start;
  const char *criteria_end;
} SeedFacts;

/* The facts as the seed documents in tests/data/seeds state them. */
static const SeedFacts seeds[] = {
  { "000_e845970f460857ee.txt", "NCT07087847", "NOT_YET_RECRUITING", "NA", 18, 18, -1,
    "2025-09-01", "2028-09-30", "2025-07-28", "Ruijin Hospital",
    "\nInclusion Criteria\n", "\nMinimum Eligible Age" },
  { "001_e4df12cdcf263eef.txt", "NCT07072494", "RECRUITING", "PHASE1/PHASE2", 30, 14, 80,
    "2025-07-19", "2027-08-19", "2025-07-18", "Zhujiang Hospital",
    "\nInclusion Criteria\n", "\nMinimum Eligible Age" },
  { "002_29bf42cbaeb18725.txt", "NCT06389305", "NOT_YET_RECRUITING", "NA", 213, -1, -1,
    NULL, NULL, NULL, "Beijing GoBroad Hospital",
    "\nInclusion Criteria\n", "\nStudy & Design" },
  { "003_3dba0f9fc1f6a16c.txt", "NCT03754764", "UNKNOWN", "PHASE1", 80, -1, -1,
    NULL, NULL, NULL, "Chinese PLA General Hospital",
    "\nInclusion Criteria\n", "\nStudy & Design" },
  { "004_b00e502aa0cadd6b.txt", "NCT06585345", "RECRUITING", NULL, 200, -1, -1,
    NULL, NULL, NULL, "The General Hospital of Western Theater Command",
    "- 200\n", "\nStudy & Design" },
};

static void
test_present_on_first_start (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, G_N_ELEMENTS (seeds));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      const SeedFacts *facts = &seeds[i];
      g_autoptr(EligoTrial) trial = NULL;

      trial = eligo_database_get_trial_by_nct_id (database, facts->nct_id, &error);
      g_assert_no_error (error);

      g_test_message ("%s", facts->nct_id);
      g_assert_cmpstr (eligo_trial_get_overall_status (trial), ==, facts->status);
      g_assert_cmpstr (eligo_trial_get_phases (trial), ==, facts->phases);
      g_assert_cmpint (eligo_trial_get_enrollment (trial), ==, facts->enrollment);
      g_assert_cmpfloat (eligo_trial_get_min_age_years (trial), ==, facts->min_age);
      g_assert_cmpfloat (eligo_trial_get_max_age_years (trial), ==, facts->max_age);
      g_assert_cmpstr (eligo_trial_get_start_date (trial), ==, facts->start_date);
      g_assert_cmpstr (eligo_trial_get_completion_date (trial), ==, facts->completion_date);
      g_assert_cmpstr (eligo_trial_get_last_update (trial), ==, facts->last_update);
      g_assert_cmpstr (eligo_trial_get_lead_sponsor (trial), ==, facts->sponsor);
      g_assert_cmpstr (eligo_trial_get_sex (trial), ==, "ALL");
      g_assert_cmpstr (eligo_trial_get_study_type (trial), ==, "INTERVENTIONAL");
    }
}

static const char *
strip_bullet (char *line)
{
  g_strstrip (line);

  if (g_str_has_prefix (line, "\xe2\x80\xa2"))   /* • */
    line += 3;
  else if (line[0] == '-' || line[0] == '*')
    line++;

  return g_strstrip (line);
}

/* Every line of each seed's criteria stands verbatim in the stored criteria text. */
static void
test_criteria_verbatim (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      const SeedFacts *facts = &seeds[i];
      g_autofree char *path = eligo_test_data_path ("seeds", facts->seed_file, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *section = NULL;
      g_autoptr(EligoTrial) trial = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) lines = NULL;
      const char *criteria;
      const char *start, *end;
      guint checked = 0;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);

      start = strstr (contents, facts->criteria_start);
      g_assert_nonnull (start);
      start += strlen (facts->criteria_start);
      end = strstr (start, facts->criteria_end);
      g_assert_nonnull (end);
      section = g_strndup (start, end - start);

      trial = eligo_database_get_trial_by_nct_id (database, facts->nct_id, &error);
      g_assert_no_error (error);
      criteria = eligo_trial_get_eligibility_criteria (trial);
      g_assert_nonnull (criteria);
      g_assert_nonnull (strstr (criteria, "Inclusion Criteria:"));
      g_assert_nonnull (strstr (criteria, "Exclusion Criteria:"));
      g_assert_true (strstr (criteria, "Inclusion Criteria:") < strstr (criteria, "Exclusion Criteria:"));

      lines = g_strsplit (section, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *text = strip_bullet (lines[l]);

          if (*text == '\0' || g_str_has_prefix (text, "Inclusion Criteria") ||
              g_str_has_prefix (text, "Exclusion Criteria"))
            continue;

          if (strstr (criteria, text) == NULL)
            g_error ("%s: seed line not in the criteria: “%s”", facts->nct_id, text);
          checked++;
        }

      g_test_message ("%s: %u criteria lines verbatim", facts->nct_id, checked);
      g_assert_cmpuint (checked, >=, 2);
    }
}

/* Seed 004 lists exclusions straight after inclusions; the split follows the registry. */
static void
test_unlabelled_split (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GError) error = NULL;
  const char *criteria, *exclusion;

  trial = eligo_database_get_trial_by_nct_id (database, "NCT06585345", &error);
  g_assert_no_error (error);
  criteria = eligo_trial_get_eligibility_criteria (trial);
  exclusion = strstr (criteria, "Exclusion Criteria:");
  g_assert_nonnull (exclusion);

  g_assert_true (strstr (criteria, "Over 14 years old, under 65 years old.") < exclusion);
  g_assert_true (strstr (criteria, "Physical Strength score 0-3 (ECOG standard)") < exclusion);
  g_assert_true (strstr (criteria, "The subject has had other malignancies") > exclusion);
  g_assert_true (strstr (criteria, "Known human immunodeficiency virus (HIV) infection") > exclusion);
}

static void
test_seeded_once (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, 5);
  g_clear_object (&database);

  /* The nurse removes every trial; the seeds do not come back. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM trials", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (eligo_database_count_trials (database, NULL, &error), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/seeds/present-on-first-start", test_present_on_first_start);
  g_test_add_func ("/eligo/seeds/criteria-verbatim", test_criteria_verbatim);
  g_test_add_func ("/eligo/seeds/unlabelled-split", test_unlabelled_split);
  g_test_add_func ("/eligo/seeds/seeded-once", test_seeded_once);

  return g_test_run ();
}
