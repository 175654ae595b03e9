/* test-report.c
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
 * The report renderer: screening summaries written to real PDFs, read back
 * with pdftotext and pdfinfo (poppler-utils), in English and Chinese, long
 * and short, through the library and through eligo-cli screen --pdf.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "eligo-criterion.h"
#include "eligo-report-pdf.h"
#include "eligo-screening-report.h"
#include "eligo-test-utils.h"

#define SEED_NCT "NCT07072494"

/* Fails I8 (LVEF ≥ 50 %), passes I3 and I4, leaves I2 unknown and I11 to
 * review; the nurse passed I1 with a note. */
static const char patient_json[] =
  "{\"id\": \"SCR-0042\", \"initials\": \"QXZ\", \"birth_year\": 1987,"
  " \"facts\": {\"age_years\": 34, \"sex\": \"female\", \"ecog\": 1, \"lvef_pct\": 30,"
  "            \"weight_kg\": 60, \"creatinine_umol_l\": 70},"
  " \"answers\": {\"" SEED_NCT "/I1\": {\"verdict\": \"pass\","
  "   \"note\": \"Consent confirmed with Dr Li\", \"author\": \"Anna Nurse\","
  "   \"time\": \"2026-03-01T10:00:00Z\"}}}";

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

static EligoPatient *
patient_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  EligoPatient *patient;

  g_assert_no_error (error);
  patient = eligo_patient_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);

  return patient;
}

static EligoScreeningResult *
screen (EligoDatabase *database,
        const char    *nct_id,
        EligoPatient  *patient)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoTrial) trial = eligo_database_get_trial_by_nct_id (database, nct_id, &error);
  g_autoptr(GPtrArray) criteria = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (trial);
  criteria = eligo_database_get_criteria (database, trial, &error);
  g_assert_no_error (error);

  return eligo_screen (trial, criteria, patient);
}

static char *
run_tool (const char *tool,
          const char *path,
          const char *extra)
{
  const char *argv[] = { tool, extra != NULL ? extra : path, extra != NULL ? path : "-",
                         extra != NULL ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s\n%s", tool, path, error->message, err);

  return out;
}

/* The PDF's text, as pdftotext -layout reads it. */
static char *
pdf_text (const char *path)
{
  return run_tool ("pdftotext", path, "-layout");
}

/* The number of pages, as pdfinfo reads it. */
static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *pages = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_regex_match (regex, out, 0, &match));
  pages = g_match_info_fetch (match, 1);

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* Runs of white space become one space, so that text wrapped in a table
 * cell still matches within a line. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("[ \\t]+", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, " ", 0, NULL);
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(^|\\s)%s(\\s|$)", escaped);

  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* The first @n_words of @text, on one line. */
static char *
first_words (const char *text,
             guint       n_words)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL && n < n_words; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
      n++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
write_report (EligoReportDocument *document,
              const char          *name)
{
  g_autoptr(GError) error = NULL;
  char *path = eligo_test_tmp_path (name);

  g_assert_true (eligo_report_pdf_write (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

/* A registry record with @n_inclusion and @n_exclusion criteria of a few lines each. */
static char *
write_synthetic_trial (const char *nct_id,
                       guint       n_inclusion,
                       guint       n_exclusion)
{
  g_autoptr(GString) criteria = g_string_new ("Inclusion Criteria:\\n\\n");
  g_autofree char *json = NULL;
  char *path;

  for (guint i = 1; i <= n_inclusion; i++)
    g_string_append_printf (criteria,
                            "* Inclusion item %u: the patient meets requirement number %u of the "
                            "protocol, as documented in the source records at screening and "
                            "confirmed by the investigator before enrolment.\\n", i, i);
  g_string_append (criteria, "\\nExclusion Criteria:\\n\\n");
  for (guint i = 1; i <= n_exclusion; i++)
    g_string_append_printf (criteria,
                            "* Exclusion item %u: any condition of kind %u that in the opinion of "
                            "the investigator would put the patient at undue risk.\\n", i, i);

  json = g_strdup_printf ("{\"protocolSection\": {"
                          "\"identificationModule\": {\"nctId\": \"%s\","
                          "  \"briefTitle\": \"Synthetic trial with %u criteria\"},"
                          "\"statusModule\": {\"overallStatus\": \"RECRUITING\","
                          "  \"lastUpdatePostDateStruct\": {\"date\": \"2025-01-02\"}},"
                          "\"sponsorCollaboratorsModule\": {\"leadSponsor\": {\"name\": \"Test Sponsor\"}},"
                          "\"designModule\": {\"phases\": [\"PHASE1\"]},"
                          "\"eligibilityModule\": {\"eligibilityCriteria\": \"%s\"}}}",
                          nct_id, n_inclusion + n_exclusion, criteria->str);

  path = eligo_test_tmp_path ("trial.json");
  eligo_test_write_file (path, json, -1);

  return path;
}

static void
import_file (EligoDatabase *database,
             const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (eligo_database_import_file (database, file, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GDateTime *
screening_date (void)
{
  return g_date_time_new_local (2026, 3, 1, 9, 30, 0);
}

/* Tests */

static void
test_summary_text (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = patient_from_json (patient_json);
  g_autoptr(EligoScreeningResult) result = screen (database, SEED_NCT, patient);
  g_autoptr(GDateTime) date = screening_date ();
  g_autoptr(EligoReportDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page_one = NULL;
  EligoTrial *trial = eligo_screening_result_get_trial (result);
  gboolean seen[ELIGO_N_VERDICTS] = { FALSE, };
  guint n_pages;

  g_assert_cmpint (eligo_screening_result_get_verdict (result), ==,
                   ELIGO_TRIAL_VERDICT_INELIGIBLE);

  document = eligo_screening_report_new (result, patient, "City Hospital Hematology",
                                         "Anna Nurse", date);
  path = write_report (document, "summary.pdf");
  raw = pdf_text (path);
  text = squeeze (raw);
  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, ==, eligo_report_document_get_n_pages (document));
  g_assert_cmpuint (n_pages, >=, 2);

  /* Header: site, screener, the pseudonymous id and the date; never the
   * initials or the year of birth. */
  g_assert_nonnull (strstr (text, "Screening summary"));
  g_assert_nonnull (strstr (text, "City Hospital Hematology"));
  g_assert_nonnull (strstr (text, "Anna Nurse"));
  g_assert_nonnull (strstr (text, "SCR-0042"));
  g_assert_nonnull (strstr (text, "2026-03-01"));
  g_assert_null (strstr (text, "QXZ"));
  g_assert_null (strstr (text, "1987"));

  /* The trial and its version */
  g_assert_nonnull (strstr (text, SEED_NCT));
  g_assert_nonnull (strstr (text, "Phase 1/2"));
  g_assert_nonnull (strstr (text, eligo_trial_get_lead_sponsor (trial)));
  g_assert_nonnull (strstr (text, "Trial version"));
  {
    g_autofree char *version = g_strdup_printf ("last update %s",
                                                eligo_trial_get_last_update (trial));

    g_assert_nonnull (strstr (text, version));
  }

  /* The verdict in words, and never "Eligible" for a trial that is not */
  g_assert_nonnull (strstr (text, "Overall verdict"));
  g_assert_nonnull (strstr (text, "✘ Not eligible"));
  g_assert_null (strstr (text, "✔ Eligible"));
  g_assert_false (has_word (text, "Eligible"));

  /* Every criterion: id, kind, text, verdict */
  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);
      const char *id = strchr (eligo_criterion_get_id (r->criterion), '/') + 1;
      g_autofree char *snippet = first_words (eligo_criterion_get_text (r->criterion), 3);
      g_autofree char *squeezed = squeeze (snippet);

      if (!has_word (text, id))
        g_error ("criterion %s is not in the PDF", id);
      if (strstr (text, squeezed) == NULL)
        g_error ("criterion %s: “%s” is not in the PDF", id, squeezed);
      seen[r->verdict] = TRUE;
    }
  for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
    {
      g_autofree char *word = g_strdup_printf ("%s %s", eligo_screening_report_verdict_mark (v),
                                               eligo_verdict_get_label (v));

      g_assert_true (seen[v]);
      g_assert_nonnull (strstr (text, word));
    }
  g_assert_nonnull (strstr (text, "Inclusion"));
  g_assert_nonnull (strstr (text, "Exclusion"));

  /* Values used, the nurse's answer and note */
  g_assert_nonnull (strstr (text, "Age = 34 years"));
  g_assert_nonnull (strstr (text, "30 %"));
  g_assert_nonnull (strstr (text, "(nurse)"));
  g_assert_nonnull (strstr (text, "Consent confirmed"));
  g_assert_nonnull (strstr (text, "— Anna Nurse"));

  /* Missing values, signatures, page numbers */
  g_assert_nonnull (strstr (text, "Missing values"));
  g_assert_nonnull (strstr (text, "Diagnosis"));
  g_assert_nonnull (strstr (text, "Investigator"));
  g_assert_nonnull (strstr (text, "Signature"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (text, last));
  }

  /* The header row is repeated on every page the criteria table spans. */
  g_assert_cmpuint (count (text, "Value used"), >=, 2);

  /* pdftotext puts a form feed between pages: page 1 holds the title, the
   * verdict and the start of the table, kept with its heading. */
  page_one = g_strndup (text, strchr (text, '\f') - text);
  g_assert_nonnull (strstr (page_one, "Overall verdict"));
  g_assert_nonnull (strstr (page_one, "Criterion"));
  g_assert_true (has_word (page_one, "I1"));
}

static void
test_blank_fields (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = eligo_patient_new ("SCR-7");
  g_autoptr(EligoScreeningResult) result = screen (database, "NCT06389305", patient);
  g_autoptr(EligoReportDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* No site, no screener, no date: blank lines to fill in by hand. */
  document = eligo_screening_report_new (result, patient, NULL, "", NULL);
  path = write_report (document, "blank.pdf");
  text = pdf_text (path);

  g_assert_nonnull (strstr (text, "SCR-7"));
  g_assert_nonnull (strstr (text, "Site"));
  g_assert_nonnull (strstr (text, "Screener"));
  g_assert_nonnull (strstr (text, "Pending"));
  g_assert_nonnull (strstr (text, "NCT06389305"));
  g_assert_cmpuint (pdf_pages (path), >=, 1);
}

static void
test_format_value (void)
{
  g_autoptr(EligoPatient) patient = patient_from_json (patient_json);
  g_autofree char *age = eligo_screening_report_format_value ("age_years", patient);
  g_autofree char *sex = eligo_screening_report_format_value ("sex", patient);
  g_autofree char *clearance = eligo_screening_report_format_value ("creatinine_clearance_ml_min",
                                                                    patient);
  g_autofree char *missing = eligo_screening_report_format_value ("spo2_pct", patient);

  g_assert_cmpstr (age, ==, "Age = 34 years");
  g_assert_cmpstr (sex, ==, "Sex = female");
  g_assert_true (g_str_has_suffix (clearance, "(derived)"));
  g_assert_true (g_str_has_suffix (missing, "= missing"));
}

/* Each × ULN lab with the raw value and the ULN it came from, or a plain
 * statement that only the multiple was entered. */
static void
test_uln_values (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = patient_from_json (
    "{\"id\": \"SCR-ULN\", \"facts\": {"
    " \"bilirubin_umol_l\": 24, \"bilirubin_uln_umol_l\": 21,"
    " \"creatinine_umol_l\": 70, \"creatinine_uln_umol_l\": 100,"
    " \"bun_mmol_l\": 6, \"bun_uln_mmol_l\": 8,"
    " \"ast_u_l\": 60, \"ast_uln_u_l\": 40,"
    " \"alt_x_uln\": 1.5}}");
  g_autoptr(EligoPatient) partial = patient_from_json (
    "{\"id\": \"SCR-ULN2\", \"facts\": {\"bilirubin_umol_l\": 24, \"alt_uln_u_l\": 40,"
    " \"ast_x_uln\": 2, \"ast_u_l\": 80, \"ast_uln_u_l\": 40}}");
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GDateTime) date = screening_date ();
  const struct {
    EligoPatient *patient;
    const char   *variable;
    const char   *expected;
  } cases[] = {
    { patient, "bilirubin_x_uln", "Total bilirubin 24 µmol/L (ULN 21 µmol/L) = 1.14 × ULN" },
    { patient, "creatinine_x_uln", "Creatinine 70 µmol/L (ULN 100 µmol/L) = 0.7 × ULN" },
    { patient, "bun_x_uln", "Blood urea nitrogen 6 mmol/L (ULN 8 mmol/L) = 0.75 × ULN" },
    { patient, "ast_x_uln", "AST 60 U/L (ULN 40 U/L) = 1.5 × ULN" },
    { patient, "alt_x_uln", "ALT = 1.5 × ULN (entered as a multiple; raw value and ULN not recorded)" },
    { partial, "bilirubin_x_uln", "Total bilirubin = missing (24 µmol/L entered, ULN missing)" },
    { partial, "alt_x_uln", "ALT = missing (ULN 40 U/L entered, value missing)" },
    { partial, "ast_x_uln", "AST = 2 × ULN (entered as a multiple; also recorded: 80 U/L, ULN 40 U/L)" },
    { partial, "creatinine_x_uln", "Creatinine = missing" },
  };
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = eligo_screening_report_format_value (cases[i].variable,
                                                                    cases[i].patient);

      g_assert_cmpstr (shown, ==, cases[i].expected);
    }

  /* In the PDF: NCT07087847 I4 reads ALT, AST, bilirubin, BUN and creatinine.
   * pdftotext without -layout gives the cell's lines in order. */
  result = screen (database, "NCT07087847", patient);
  document = eligo_screening_report_new (result, patient, "Site", "Nurse", date);
  path = write_report (document, "uln.pdf");
  raw = run_tool ("pdftotext", path, NULL);
  {
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

    text = g_regex_replace_literal (space, raw, -1, 0, " ", 0, NULL);
  }
  g_assert_nonnull (strstr (text, "Total bilirubin 24 µmol/L (ULN 21 µmol/L) = 1.14 × ULN"));
  g_assert_nonnull (strstr (text, "Creatinine 70 µmol/L (ULN 100 µmol/L) = 0.7 × ULN"));
  g_assert_nonnull (strstr (text, "AST 60 U/L (ULN 40 U/L) = 1.5 × ULN"));
  g_assert_nonnull (strstr (text, "raw value and ULN not recorded"));
}

/* de_DE: the label in German where the catalogue is built, and the
 * multiple with a decimal comma. Run in a child, for the locale. */
static void
test_uln_values_german (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EligoPatient) patient = NULL;
      g_autofree char *podir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *shown = NULL;

      if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
        {
          g_test_message ("no de_DE.UTF-8 locale");
          return;
        }
      g_setenv ("LANGUAGE", "de", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, podir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      patient = patient_from_json ("{\"id\": \"SCR-DE\", \"facts\": {\"bilirubin_umol_l\": 24,"
                                   " \"bilirubin_uln_umol_l\": 21}}");
      shown = eligo_screening_report_format_value ("bilirubin_x_uln", patient);
      g_test_message ("%s", shown);
      g_assert_true (g_str_has_prefix (shown, g_dpgettext2 (GETTEXT_PACKAGE, "variable",
                                                            "Total bilirubin")));
      g_assert_nonnull (strstr (shown, "24 µmol/L"));
      g_assert_nonnull (strstr (shown, "21 µmol/L"));
      g_assert_nonnull (strstr (shown, "1,14"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* TRUE if the last page of @text (pdftotext -layout) holds nothing but
 * lines of @footnote and the running footer. */
static gboolean
last_page_only_footnote (const char *text,
                         const char *footnote)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_auto(GStrv) known = g_strsplit_set (footnote, " \n", -1);
  g_auto(GStrv) lines = NULL;
  guint last = g_strv_length (pages);

  while (last > 0 && g_strstrip (pages[last - 1])[0] == '\0')
    last--;
  g_assert_cmpuint (last, >, 0);

  lines = g_strsplit (pages[last - 1], "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (strstr (lines[i], "Printed ") != NULL && strstr (lines[i], "Page ") != NULL)
        continue;  /* the footer */
      words = g_strsplit_set (lines[i], " \t", -1);
      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0' && !g_strv_contains ((const char * const *) known, words[w]))
          return FALSE;
    }

  return TRUE;
}

/* A summary that fills its last page nearly exactly: the note on the last
 * criterion grows a line at a time, so that the signatures and the footnote
 * end at every height of a page in turn (with the fonts of the tests, a
 * note of 57 lines left the footnote alone on page 6). No last page may
 * hold the footnote alone. */
static void
test_footnote_kept (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) first = patient_from_json (patient_json);
  g_autoptr(EligoScreeningResult) first_result = screen (database, SEED_NCT, first);
  guint n_results = eligo_screening_result_get_n_results (first_result);
  const char *last_id = eligo_criterion_get_id (
    eligo_screening_result_get_result (first_result, n_results - 1)->criterion);
  const char *footnote = "Verdicts come from rules read from the trial’s registry text, or from "
                         "the screener’s answers, marked “(nurse)”. Criteria to review and missing "
                         "values must be judged by the investigator. The patient is identified by "
                         "the screening ID only.";
  g_autoptr(GDateTime) date = screening_date ();

  for (guint n_lines = 0; n_lines < 80; n_lines++)
    {
      g_autoptr(EligoPatient) patient = patient_from_json (patient_json);
      g_autoptr(EligoScreeningResult) result = NULL;
      g_autoptr(EligoReportDocument) document = NULL;
      g_autoptr(GString) note = g_string_new ("Checked");
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      guint n_pages;

      for (guint i = 0; i < n_lines; i++)
        g_string_append_printf (note, "\nline %u", i + 1);
      eligo_patient_set_answer (patient, last_id, ELIGO_ANSWER_PASS, note->str, "Anna Nurse", NULL);
      result = screen (database, SEED_NCT, patient);
      document = eligo_screening_report_new (result, patient, "Site", "Nurse", date);
      path = write_report (document, "fill.pdf");
      text = pdf_text (path);
      n_pages = pdf_pages (path);

      g_assert_cmpuint (count (text, "The patient is identified by"), ==, 1);
      if (last_page_only_footnote (text, footnote))
        g_error ("a note of %u more lines: page %u of %u holds only the footnote",
                 n_lines, n_pages, n_pages);
      g_remove (path);
    }
}

/* A table that ends at every height of a page in turn, then a footnote:
 * when the footnote does not fit under the table, the last row moves with
 * it to the next page (under the repeated header), never the footnote alone. */
static void
test_footnote_with_table (void)
{
  const char *headers[] = { "Key", "Value", NULL };
  const double widths[] = { 1, 3 };

  for (guint n_rows = 40; n_rows < 80; n_rows++)
    {
      g_autoptr(EligoReportDocument) document = eligo_report_document_new ();
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *last_row = g_strdup_printf ("row-%03u", n_rows);
      g_auto(GStrv) pages = NULL;
      EligoReportTable *table;
      guint n_pages;
      const char *last_page;

      eligo_report_document_add_title (document, "Table and footnote");
      table = eligo_report_document_add_table (document, 2, widths, headers);
      for (guint i = 1; i <= n_rows; i++)
        {
          g_autofree char *key = g_strdup_printf ("row-%03u", i);

          eligo_report_table_add_row (table, (const char *[]) { key, "a value", NULL });
        }
      eligo_report_document_add_footnote (document, "Footnote-one: what the table shows.\n"
                                                    "Footnote-two: its source.");

      path = write_report (document, "footnote-table.pdf");
      text = pdf_text (path);
      n_pages = pdf_pages (path);
      pages = g_strsplit (text, "\f", -1);
      g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
      last_page = pages[n_pages - 1];

      g_assert_cmpuint (count (text, "Footnote-one"), ==, 1);
      g_assert_cmpuint (count (text, "Footnote-two"), ==, 1);
      g_assert_cmpuint (count (text, last_row), ==, 1);
      if (strstr (last_page, "Footnote-two") == NULL || strstr (last_page, last_row) == NULL)
        g_error ("%u rows: the footnote is not on the page of the last row:\n%s",
                 n_rows, last_page);
      g_remove (path);
    }
}

static guint
pages_for_synthetic (EligoDatabase *database,
                     const char    *nct_id,
                     guint          n_inclusion,
                     guint          n_exclusion,
                     char         **text_out)
{
  g_autofree char *json_path = write_synthetic_trial (nct_id, n_inclusion, n_exclusion);
  g_autoptr(EligoPatient) patient = patient_from_json ("{\"id\": \"SCR-LONG\", \"facts\": {}}");
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GDateTime) date = screening_date ();
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;

  import_file (database, json_path);
  result = screen (database, nct_id, patient);
  g_assert_cmpuint (eligo_screening_result_get_n_results (result), >=, n_inclusion + n_exclusion);

  document = eligo_screening_report_new (result, patient, "Site", "Screener", date);
  path = write_report (document, "synthetic.pdf");
  raw = pdf_text (path);
  *text_out = squeeze (raw);

  return pdf_pages (path);
}

static void
test_long_criteria (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autofree char *short_text = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *last = NULL;
  guint short_pages;
  guint long_pages;

  short_pages = pages_for_synthetic (database, "NCT09000005", 3, 2, &short_text);
  long_pages = pages_for_synthetic (database, "NCT09000120", 60, 60, &long_text);

  g_test_message ("5 criteria: %u pages; 120 criteria: %u pages", short_pages, long_pages);
  g_assert_cmpuint (long_pages, >, short_pages);
  g_assert_cmpuint (long_pages, >=, 5);

  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *inclusion = g_strdup_printf ("I%u", i);
      g_autofree char *exclusion = g_strdup_printf ("E%u", i);
      g_autofree char *inclusion_text = g_strdup_printf ("Inclusion item %u:", i);
      g_autofree char *exclusion_text = g_strdup_printf ("Exclusion item %u:", i);

      g_assert_true (has_word (long_text, inclusion));
      g_assert_true (has_word (long_text, exclusion));
      /* Whole rows: each criterion once, none lost or doubled at a page break */
      g_assert_cmpuint (count (long_text, inclusion_text), ==, 1);
      g_assert_cmpuint (count (long_text, exclusion_text), ==, 1);
    }

  last = g_strdup_printf ("Page %u of %u", long_pages, long_pages);
  g_assert_nonnull (strstr (long_text, "Page 1 of"));
  g_assert_nonnull (strstr (long_text, last));
  /* The header row on every page of the table */
  g_assert_cmpuint (count (long_text, "Value used"), >=, long_pages - 1);
}

/* A table row taller than a page is split between lines, each line once. */
static void
test_split_tall_row (void)
{
  g_autoptr(EligoReportDocument) document = eligo_report_document_new ();
  g_autoptr(GString) tall = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *headers[] = { "Key", "Long", NULL };
  const double widths[] = { 1, 3 };
  EligoReportTable *table;
  guint n_pages;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (tall, "%sline %03u of the tall cell", i > 1 ? "\n" : "", i);

  eligo_report_document_add_title (document, "Split");
  eligo_report_document_add_heading (document, "A table");
  table = eligo_report_document_add_table (document, 2, widths, headers);
  eligo_report_table_add_row (table, (const char *[]) { "short", "before", NULL });
  eligo_report_table_add_row (table, (const char *[]) { "tall", tall->str, NULL });
  eligo_report_table_add_row (table, (const char *[]) { "after", "the end", NULL });

  path = write_report (document, "split.pdf");
  text = pdf_text (path);
  n_pages = pdf_pages (path);

  g_assert_cmpuint (n_pages, >=, 2);
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("line %03u of", i);

      g_assert_cmpuint (count (text, line), ==, 1);
    }
  g_assert_nonnull (strstr (text, "the end"));
  g_assert_cmpuint (count (text, "Long"), ==, n_pages);
}

/* The same pages whatever the cairo target: a PDF, an image, a recording. */
static void
test_any_cairo (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(EligoPatient) patient = patient_from_json (patient_json);
  g_autoptr(EligoScreeningResult) result = screen (database, SEED_NCT, patient);
  g_autoptr(EligoReportDocument) document = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *image;
  cairo_surface_t *recording;
  PangoContext *context;
  cairo_t *cr;
  guint pdf_n_pages;
  guint ink = 0;
  guchar *data;
  int stride;

  document = eligo_screening_report_new (result, patient, "Site", "Nurse", NULL);
  path = write_report (document, "any.pdf");
  pdf_n_pages = eligo_report_document_get_n_pages (document);

  /* An image at 2× the page size, as a print preview might draw it. */
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1190, 1684);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  context = pango_cairo_create_context (cr);
  eligo_report_document_paginate (document, context);
  g_object_unref (context);
  g_assert_cmpuint (eligo_report_document_get_n_pages (document), ==, pdf_n_pages);
  eligo_report_document_draw_page (document, cr, 0, 1190, 1684);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < 1684; y += 4)
    for (int x = 0; x < 1190; x += 4)
      if ((((guint32 *) (data + y * stride))[x] & 0xffffff) != 0xffffff)
        ink++;
  g_assert_cmpuint (ink, >, 1000);
  cairo_surface_destroy (image);

  /* A recording surface of unknown size, drawing the last page. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  eligo_report_document_draw_page (document, cr, pdf_n_pages - 1, 595, 842);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
}

static void
test_unwritable (void)
{
  g_autoptr(EligoReportDocument) document = eligo_report_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = eligo_test_make_tmpdir ();
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing_dir, "summary.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder.pdf", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  eligo_report_document_add_title (document, "Nothing");

  /* A folder that does not exist */
  g_assert_false (eligo_report_pdf_write (document, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A target that is a folder: an error, and no temporary file left over */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (eligo_report_pdf_write (document, folder, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, folder));
  g_clear_error (&error);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".a-folder.pdf."));
}

static void
test_replace_existing (void)
{
  g_autoptr(EligoReportDocument) document = eligo_report_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = eligo_test_tmp_path ("existing.pdf");
  g_autofree char *text = NULL;

  eligo_report_document_add_title (document, "Replaced");
  eligo_report_document_add_paragraph (document, "New content.", ELIGO_REPORT_STYLE_NORMAL);
  eligo_test_write_file (path, "old", -1);

  g_assert_true (eligo_report_pdf_write (document, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "New content."));
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

/* zh_CN: the translated words where the catalogue is built, and Chinese
 * site, screener and note in any case. Run in a child, for the locale. */
static void
chinese_report (void)
{
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(EligoPatient) patient = patient_from_json (patient_json);
  g_autoptr(EligoScreeningResult) result = NULL;
  g_autoptr(EligoReportDocument) document = NULL;
  g_autoptr(GDateTime) date = screening_date ();
  g_autofree char *podir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *catalogue = g_build_filename (podir, "zh_CN", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gboolean translated;

  translated = setlocale (LC_ALL, "zh_CN.UTF-8") != NULL &&
               g_file_test (catalogue, G_FILE_TEST_IS_REGULAR);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  database = eligo_test_open_database (NULL);
  eligo_patient_set_answer (patient, SEED_NCT "/I11", ELIGO_ANSWER_PASS,
                            "静脉通路良好，已与研究者确认", "李护士", NULL);
  result = screen (database, SEED_NCT, patient);
  document = eligo_screening_report_new (result, patient, "北京协和医院血液科", "李护士", date);
  path = write_report (document, "zh.pdf");
  text = pdf_text (path);

  g_assert_nonnull (strstr (text, "北京协和医院血液科"));
  g_assert_nonnull (strstr (text, "李护士"));
  g_assert_nonnull (strstr (text, "静脉通路良好"));
  g_assert_nonnull (strstr (text, "SCR-0042"));
  g_assert_cmpuint (pdf_pages (path), >=, 2);

  if (translated)
    {
      g_test_message ("checking the zh_CN catalogue from %s", catalogue);
      /* "Pass", "Fail" and "Not eligible" as zh_CN.po says them */
      g_assert_nonnull (strstr (text, g_dpgettext2 (GETTEXT_PACKAGE, "verdict", "Pass")));
      g_assert_nonnull (strstr (text, g_dpgettext2 (GETTEXT_PACKAGE, "verdict", "Fail")));
      g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "verdict", "Pass"), !=, "Pass");
      g_assert_nonnull (strstr (text, g_dpgettext2 (GETTEXT_PACKAGE, "trial verdict",
                                                    "Not eligible")));
    }
  else
    g_test_message ("no zh_CN locale or catalogue: Chinese user text only");

  g_clear_object (&document);
  release_font_caches ();
}

static void
test_chinese (void)
{
  if (g_test_subprocess ())
    {
      chinese_report ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_cli_pdf (void)
{
  g_autofree char *database_path = NULL;
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&database_path);
  g_autofree char *patient_path = eligo_test_tmp_path ("patient.json");
  g_autofree char *one = eligo_test_tmp_path ("one.pdf");
  g_autofree char *two = eligo_test_tmp_path ("two.pdf");
  g_autofree char *bad = g_build_filename ("/nonexistent-eligo-folder", "out.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  guint one_pages;
  guint two_pages;

  eligo_test_write_file (patient_path, patient_json, -1);
  g_clear_object (&database);

  /* One trial: the summary, and the usual text on stdout */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", database_path, "screen",
                                       "--patient", patient_path, SEED_NCT, "--pdf", one,
                                       "--site", "City Hospital", "--screener", "Anna Nurse",
                                       NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Patient SCR-0042"));
  g_assert_nonnull (strstr (out, SEED_NCT));
  one_pages = pdf_pages (one);
  g_assert_cmpuint (one_pages, >=, 1);
  /* It carries patient data: only its owner may read it */
  eligo_test_assert_private_file (one);
  text = pdf_text (one);
  g_assert_nonnull (strstr (text, "City Hospital"));
  g_assert_nonnull (strstr (text, "Anna Nurse"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Two trials: each summary from a new page, numbered on its own */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", database_path, "screen",
                                       "--patient", patient_path, SEED_NCT, "NCT06389305",
                                       "--format", "json", "--pdf", two, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"results\""));
  two_pages = pdf_pages (two);
  g_assert_cmpuint (two_pages, >, one_pages);
  text = pdf_text (two);
  g_assert_nonnull (strstr (text, SEED_NCT));
  g_assert_nonnull (strstr (text, "NCT06389305"));
  g_assert_cmpuint (count (text, "Page 1 of"), ==, 2);
  g_assert_cmpuint (count (text, "Overall verdict"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file that cannot be written: exit 1, a message naming it, no file */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", database_path, "screen",
                                       "--patient", patient_path, SEED_NCT, "--pdf", bad,
                                       NULL), ==, 1);
  g_assert_nonnull (strstr (err, bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --pdf is for screen: match does not take it */
  g_assert_cmpint (eligo_test_run_cli (&out, &err, "--database", database_path, "match",
                                       "--patient", patient_path, "--pdf", one, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/report/summary-text", test_summary_text);
  g_test_add_func ("/eligo/report/blank-fields", test_blank_fields);
  g_test_add_func ("/eligo/report/format-value", test_format_value);
  g_test_add_func ("/eligo/report/uln-values", test_uln_values);
  g_test_add_func ("/eligo/report/uln-values-german", test_uln_values_german);
  g_test_add_func ("/eligo/report/footnote-kept", test_footnote_kept);
  g_test_add_func ("/eligo/report/footnote-with-table", test_footnote_with_table);
  g_test_add_func ("/eligo/report/long-criteria", test_long_criteria);
  g_test_add_func ("/eligo/report/split-tall-row", test_split_tall_row);
  g_test_add_func ("/eligo/report/any-cairo", test_any_cairo);
  g_test_add_func ("/eligo/report/unwritable", test_unwritable);
  g_test_add_func ("/eligo/report/replace-existing", test_replace_existing);
  g_test_add_func ("/eligo/report/chinese", test_chinese);
  g_test_add_func ("/eligo/report/cli-pdf", test_cli_pdf);

  status = g_test_run ();
  release_font_caches ();

  return status;
}
