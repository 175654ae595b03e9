/* test-format.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words shown for registry codes, ages and counts, as pure functions.
 */

#include "config.h"

#include <glib.h>

#include "eligo-format.h"

static void
test_format_status (void)
{
  static const struct {
    const char *status;
    const char *label;
  } cases[] = {
    { "RECRUITING", "Recruiting" },
    { "NOT_YET_RECRUITING", "Not yet recruiting" },
    { "ACTIVE_NOT_RECRUITING", "Active, not recruiting" },
    { "ENROLLING_BY_INVITATION", "Enrolling by invitation" },
    { "COMPLETED", "Completed" },
    { "UNKNOWN", "Unknown status" },
    { "SOME_NEW_STATUS", "Some new status" },
    { "", ELIGO_FORMAT_ABSENT },
    { NULL, ELIGO_FORMAT_ABSENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = eligo_format_status (cases[i].status);

      g_assert_cmpstr (label, ==, cases[i].label);
    }

  g_assert_true (eligo_status_is_open ("RECRUITING"));
  g_assert_true (eligo_status_is_open ("NOT_YET_RECRUITING"));
  g_assert_false (eligo_status_is_open ("COMPLETED"));
  g_assert_false (eligo_status_is_open (NULL));
}

static void
test_format_phases (void)
{
  static const struct {
    const char *phases;
    const char *label;
  } cases[] = {
    { "PHASE1", "Phase 1" },
    { "PHASE1/PHASE2", "Phase 1/2" },
    { "PHASE2, PHASE3", "Phase 2/3" },
    { "EARLY_PHASE1", "Early phase 1" },
    { "NA", "Not applicable" },
    { "EARLY_PHASE1/PHASE1", "Early phase 1, Phase 1" },
    { "", ELIGO_FORMAT_ABSENT },
    { NULL, ELIGO_FORMAT_ABSENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = eligo_format_phases (cases[i].phases);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_format_ages (void)
{
  static const struct {
    double      min;
    double      max;
    const char *label;
  } cases[] = {
    { 18, -1, "18+" },
    { 14, 80, "14–80" },
    { -1, 16, "≤ 16" },
    { 0, 16, "≤ 16" },
    { -1, -1, "—" },
    { 0, -1, "Any" },
    { 0.5, 17, "6 mo–17" },
    { 1, 75, "1–75" },
  };
  static const struct {
    double      years;
    const char *label;
  } ages[] = {
    { 18, "18" },
    { 0.5, "6 mo" },
    { 1.5, "18 mo" },
    { 4 * 7 / 365.25, "4 wk" },
    { 10 / 365.25, "10 d" },
    { 17.5, "17.5" },
    { -1, ELIGO_FORMAT_ABSENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = eligo_format_age_range (cases[i].min, cases[i].max);

      g_assert_cmpstr (label, ==, cases[i].label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autofree char *label = eligo_format_age (ages[i].years);

      g_assert_cmpstr (label, ==, ages[i].label);
    }
}

static void
test_format_misc (void)
{
  g_autofree char *enrollment = eligo_format_enrollment (30);
  g_autofree char *no_enrollment = eligo_format_enrollment (-1);
  g_autofree char *date = eligo_format_date ("2025-07");
  g_autofree char *no_date = eligo_format_date (NULL);
  g_autofree char *sex = eligo_format_sex ("ALL");
  g_autofree char *one = eligo_format_trial_count (1);
  g_autofree char *five = eligo_format_trial_count (5);

  g_assert_cmpstr (enrollment, ==, "30");
  g_assert_cmpstr (no_enrollment, ==, ELIGO_FORMAT_ABSENT);
  g_assert_cmpstr (date, ==, "2025-07");
  g_assert_cmpstr (no_date, ==, ELIGO_FORMAT_ABSENT);
  g_assert_cmpstr (sex, ==, "All");
  g_assert_cmpstr (one, ==, "1 trial");
  g_assert_cmpstr (five, ==, "5 trials");
}

static void
test_format_study_type (void)
{
  g_autofree char *interventional = eligo_format_study_type ("INTERVENTIONAL");
  g_autofree char *expanded = eligo_format_study_type ("EXPANDED_ACCESS");
  g_autofree char *absent = eligo_format_study_type (NULL);

  g_assert_cmpstr (interventional, ==, "Interventional");
  g_assert_cmpstr (expanded, ==, "Expanded access");
  g_assert_cmpstr (absent, ==, ELIGO_FORMAT_ABSENT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/format/status", test_format_status);
  g_test_add_func ("/eligo/format/phases", test_format_phases);
  g_test_add_func ("/eligo/format/ages", test_format_ages);
  g_test_add_func ("/eligo/format/misc", test_format_misc);
  g_test_add_func ("/eligo/format/study-type", test_format_study_type);

  return g_test_run ();
}
