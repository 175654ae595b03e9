/* test-comparison-report.c
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
 * The printed comparison (src/report/eligo-comparison-report.c) and
 * `eligo-cli compare --pdf`: real PDFs of the five seed trials, read back
 * with pdfinfo and pdftotext (poppler-utils).
 */

#define G_LOG_DOMAIN "test-comparison-report"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "eligo-comparison-report.h"
#include "eligo-comparison.h"
#include "eligo-database.h"
#include "eligo-report-pdf.h"
#include "eligo-test-utils.h"

static const char * const seeds[] = {
  "NCT07087847", "NCT07072494", "NCT06389305", "NCT03754764", "NCT06585345", NULL
};

/* The age row of the five seeds, in their order above. */
static const char * const seed_ages[] = {
  "18 and over", "14–80", "1–39", "12–70", "14–65", NULL
};

static const char patient_json[] =
  "{\"id\": \"SCR-0030\", \"facts\": {\"age_years\": 30, \"ecog\": 3}}";

/* Helpers */

/* Pango, cairo and fontconfig keep font caches for the life of the process;
 * drop them so that LeakSanitizer sees only what Eligo leaks. */
static void
release_font_caches (void)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
}

static char *
run_tool (const char *tool,
          const char *path,
          const char *option)
{
  const char *argv[] = { tool, option, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (option == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *
pdf_text (const char *path)
{
  return run_tool ("pdftotext", path, "-layout");
}

static char *
pdf_info (const char *path,
          const char *key)
{
  g_autofree char *out = run_tool ("pdfinfo", path, NULL);
  g_autofree char *pattern = g_strdup_printf ("^%s:\\s+(.+)$", key);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_true (g_regex_match (regex, out, 0, &match));

  return g_match_info_fetch (match, 1);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* "842 x 595 pts (A4)": the width and height in points. */
static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  g_autofree char *size = pdf_info (path, "Page size");
  char *end = NULL;

  *width = g_ascii_strtod (size, &end);
  g_assert_true (end != NULL && g_str_has_prefix (end, " x "));
  *height = g_ascii_strtod (end + 3, NULL);
}

/* Runs of white space become one space. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, " ", 0, NULL);
}

static int
run_compare (const char  *database_path,
             const char  *pdf_path,
             const char  *extra,
             char       **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) database_path);
  g_ptr_array_add (args, (gpointer) "compare");
  for (guint i = 0; seeds[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) seeds[i]);
  g_ptr_array_add (args, (gpointer) "--pdf");
  g_ptr_array_add (args, (gpointer) pdf_path);
  if (extra != NULL)
    g_ptr_array_add (args, (gpointer) extra);
  g_ptr_array_add (args, NULL);

  return eligo_test_run_cli_argv ((const char * const *) args->pdata, &out, err);
}

static EligoComparison *
seed_comparison (EligoDatabase *database,
                 guint          n_trials)
{
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EligoComparison *comparison;

  for (guint i = 0; i < n_trials; i++)
    {
      EligoTrial *trial = eligo_database_get_trial_by_nct_id (database, seeds[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (trials, trial);
    }

  comparison = eligo_comparison_new (database, trials, &error);
  g_assert_no_error (error);

  return comparison;
}

/* Tests */

static void
test_cli_pdf (void)
{
  g_autofree char *database_path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&database_path);
  g_autofree char *pdf_path = eligo_test_tmp_path ("comparison.pdf");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *age_line = NULL;
  double width, height;
  const char *age;
  const char *end;
  const char *previous;

  g_assert_cmpint (run_compare (database_path, pdf_path, NULL, &err), ==, 0);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));

  /* Landscape */
  pdf_page_size (pdf_path, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_cmpuint (pdf_pages (pdf_path), >=, 2);

  text = pdf_text (pdf_path);
  flat = squeeze (text);

  g_assert_nonnull (strstr (flat, "Trial comparison"));
  for (guint i = 0; seeds[i] != NULL; i++)
    g_assert_nonnull (strstr (text, seeds[i]));

  /* The header row is repeated on every page: the first trial's NCT number
   * appears once per page at least. */
  {
    guint n = 0;

    for (const char *p = strstr (text, seeds[0]); p != NULL; p = strstr (p + 1, seeds[0]))
      n++;
    g_assert_cmpuint (n, >=, pdf_pages (pdf_path));
  }

  /* The aligned age row: the five ranges on one line, in column order. */
  age = strstr (text, "≠ Age ");
  g_assert_nonnull (age);
  end = strchr (age, '\n');
  age_line = g_strndup (age, end - age);
  previous = age_line;
  for (guint i = 0; seed_ages[i] != NULL; i++)
    {
      const char *found = strstr (previous, seed_ages[i]);

      g_assert_nonnull (found);
      previous = found + strlen (seed_ages[i]);
    }

  g_assert_nonnull (strstr (flat, "ECOG"));
  g_assert_nonnull (strstr (flat, "Eligibility by variable"));
  g_assert_nonnull (strstr (flat, "Page 1 of"));
}

static void
test_cli_patient (void)
{
  g_autofree char *database_path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&database_path);
  g_autofree char *pdf_path = eligo_test_tmp_path ("comparison-patient.pdf");
  g_autofree char *patient_path = eligo_test_tmp_path ("patient.json");
  g_autofree char *patient_arg = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  eligo_test_write_file (patient_path, patient_json, -1);
  patient_arg = g_strdup_printf ("--patient=%s", patient_path);
  g_assert_cmpint (run_compare (database_path, pdf_path, patient_arg, &err), ==, 0);

  text = pdf_text (pdf_path);
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "for patient SCR-0030"));
  /* ECOG 3 is over NCT07072494's limit of 2: that trial is out. */
  g_assert_nonnull (strstr (flat, "Not eligible"));
  g_assert_nonnull (strstr (flat, "✘ Fail"));
  g_assert_nonnull (strstr (flat, "✔ Pass"));
}

static void
test_cli_only_differences (void)
{
  g_autofree char *database_path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&database_path);
  g_autofree char *all_path = eligo_test_tmp_path ("all.pdf");
  g_autofree char *diff_path = eligo_test_tmp_path ("differences.pdf");
  g_autofree char *err = NULL;
  g_autofree char *all_text = NULL;
  g_autofree char *diff_text = NULL;

  g_assert_cmpint (run_compare (database_path, all_path, NULL, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_compare (database_path, diff_path, "--only-differences", &err), ==, 0);

  all_text = pdf_text (all_path);
  diff_text = pdf_text (diff_path);

  /* Every seed is in China: the countries row is the same for all. */
  g_assert_nonnull (strstr (all_text, "Countries"));
  g_assert_null (strstr (diff_text, "Countries"));
  g_assert_nonnull (strstr (diff_text, "ECOG"));
  g_assert_cmpuint (pdf_pages (diff_path), <=, pdf_pages (all_path));
}

static void
test_cli_unwritable (void)
{
  g_autofree char *database_path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&database_path);
  g_autofree char *dir = eligo_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "comparison.pdf", NULL);
  g_autofree char *existing = eligo_test_tmp_path ("existing.pdf");
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_compare (database_path, path, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* An empty name is bad usage. */
  g_assert_cmpint (run_compare (database_path, "", NULL, &err), ==, 2);
  g_clear_pointer (&err, g_free);

  /* An unknown trial changes nothing: the old file stays. */
  eligo_test_write_file (existing, "old", -1);
  {
    g_autofree char *out = NULL;
    const char *args[] = { "--database", database_path, "compare", seeds[0], "NCT00000000",
                           "--pdf", existing, NULL };

    g_assert_cmpint (eligo_test_run_cli_argv (args, &out, &err), ==, 1);
  }
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

static void
test_document (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoComparison) comparison = NULL;
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(EligoReportDocument) document6 = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autofree char *path = eligo_test_tmp_path ("two.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  comparison = seed_comparison (database, 2);
  document = eligo_comparison_report_new (comparison, FALSE, date);
  g_assert_cmpfloat (eligo_report_document_get_page_width (document), >,
                     eligo_report_document_get_page_height (document));

  g_assert_true (eligo_report_pdf_write (document, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "2 trials · 2026-03-01"));
  g_assert_nonnull (strstr (flat, "≠ the trials differ on this row"));
  /* Partial cells are marked and explained. */
  g_assert_nonnull (strstr (flat, "CR*"));
  g_assert_nonnull (strstr (flat, "covers part of its criterion"));
  /* Same rows carry no mark; the ones that differ do. */
  g_assert_nonnull (strstr (flat, " Countries "));
  g_assert_null (strstr (flat, "≠ Countries"));
  g_assert_nonnull (strstr (flat, "≠ Enrollment"));
}

static void
test_short_title (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autofree char *full = NULL;
  g_autofree char *cut = NULL;

  trial = eligo_database_get_trial_by_nct_id (database, "NCT06389305", &error);
  g_assert_no_error (error);

  full = eligo_comparison_report_short_title (trial, 500);
  g_assert_cmpstr (full, ==, eligo_trial_get_brief_title (trial));

  /* "CIK Cell Therapy for Relapsed or Refractory …": cut at a word, never
   * on a dangling "or". */
  cut = eligo_comparison_report_short_title (trial, 44);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_cmpint (g_utf8_strlen (cut, -1), <=, 44);
  g_assert_true (g_str_has_prefix (cut, "CIK Cell Therapy for Relapsed"));
  g_assert_false (g_str_has_suffix (cut, " or…"));
  g_assert_false (g_str_has_suffix (cut, "or…") && !g_str_has_suffix (cut, "Relapsed…"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/comparison-report/cli-pdf", test_cli_pdf);
  g_test_add_func ("/eligo/comparison-report/cli-patient", test_cli_patient);
  g_test_add_func ("/eligo/comparison-report/cli-only-differences", test_cli_only_differences);
  g_test_add_func ("/eligo/comparison-report/cli-unwritable", test_cli_unwritable);
  g_test_add_func ("/eligo/comparison-report/document", test_document);
  g_test_add_func ("/eligo/comparison-report/short-title", test_short_title);

  status = g_test_run ();
  release_font_caches ();

  return status;
}
