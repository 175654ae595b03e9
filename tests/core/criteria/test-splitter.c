/* test-splitter.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-criteria-splitter.h"

#define I ELIGO_CRITERION_INCLUSION
#define E ELIGO_CRITERION_EXCLUSION

static char *
load_eligibility (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, "protocolSection"))
    return NULL;
  object = json_object_get_object_member (object, "protocolSection");
  if (!json_object_has_member (object, "eligibilityModule"))
    return NULL;
  object = json_object_get_object_member (object, "eligibilityModule");
  if (!json_object_has_member (object, "eligibilityCriteria"))
    return NULL;

  return g_strdup (json_object_get_string_member (object, "eligibilityCriteria"));
}

static char *
load_seed (const char *nct_id)
{
  const char *source = g_getenv ("ELIGO_SOURCE_DIR");
  g_autofree char *name = g_strconcat (nct_id, ".json", NULL);
  g_autofree char *path = NULL;

  g_assert_nonnull (source);
  path = g_build_filename (source, "data", "seeds", name, NULL);
  return load_eligibility (path);
}

static char *
studies_dir (void)
{
  const char *shared = g_getenv ("ELIGO_TEST_DATA_DIR");
  char *dir;

  if (shared == NULL)
    return NULL;
  dir = g_build_filename (shared, "ctgov", "studies", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_clear_pointer (&dir, g_free);

  return dir;
}

static char *
load_study (const char *nct_id)
{
  g_autofree char *dir = studies_dir ();
  g_autofree char *name = g_strconcat (nct_id, ".json", NULL);
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  return load_eligibility (path);
}

static EligoCriterionText *
nth (GPtrArray          *criteria,
     EligoCriterionKind  kind,
     guint               n)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterionText *c = g_ptr_array_index (criteria, i);

      if (c->kind == kind && --n == 0)
        return c;
    }

  g_assert_not_reached ();
  return NULL;
}

static guint
count_kind (GPtrArray          *criteria,
            EligoCriterionKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < criteria->len; i++)
    if (((EligoCriterionText *) g_ptr_array_index (criteria, i))->kind == kind)
      n++;

  return n;
}

static void
assert_counts (GPtrArray *criteria,
               guint      inclusions,
               guint      exclusions)
{
  g_assert_cmpuint (count_kind (criteria, I), ==, inclusions);
  g_assert_cmpuint (count_kind (criteria, E), ==, exclusions);

  /* In text order: every inclusion before the exclusions in these records. */
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterionText *c = g_ptr_array_index (criteria, i);

      g_assert_cmpint (c->kind, ==, i < inclusions ? I : E);
      g_assert_nonnull (c->text);
      g_assert_cmpstr (c->text, !=, "");
    }
}

static void
assert_criterion (GPtrArray             *criteria,
                  EligoCriterionKind     kind,
                  guint                  n,
                  const char            *text,
                  const char            *context,
                  EligoCriterionSubject  subject)
{
  EligoCriterionText *c = nth (criteria, kind, n);

  if (g_str_has_suffix (text, "..."))
    {
      g_autofree char *prefix = g_strndup (text, strlen (text) - 3);

      if (!g_str_has_prefix (c->text, prefix))
        g_error ("%c%u is \"%s\", expected it to start with \"%s\"",
                 kind == I ? 'I' : 'E', n, c->text, prefix);
    }
  else
    g_assert_cmpstr (c->text, ==, text);
  g_assert_cmpstr (c->context, ==, context);
  g_assert_cmpint (c->subject, ==, subject);
}

static GPtrArray *
split (const char *text)
{
  return eligo_criteria_split (text);
}

static void
test_empty (void)
{
  const char *texts[] = { "", "   \n\n  \n", "Inclusion Criteria:\n\nExclusion Criteria:\n",
                          "Inclusion Criteria:\n\n*\n* \n-\n\\-\n\nExclusion Criteria:\n\n---\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) criteria = split (texts[i]);

      g_assert_cmpuint (criteria->len, ==, 0);
    }

  {
    g_autoptr(GPtrArray) criteria = split (NULL);

    g_assert_cmpuint (criteria->len, ==, 0);
  }
}

static void
test_unescape (void)
{
  const char *escapes = "<>~*_[]()#-+.!\\^=|{}`";

  for (const char *p = escapes; *p != '\0'; p++)
    {
      g_autofree char *in = g_strdup_printf ("a \\%c b", *p);
      g_autofree char *out = eligo_criteria_unescape (in);
      g_autofree char *want = g_strdup_printf ("a %c b", *p);

      g_assert_cmpstr (out, ==, want);
    }

  {
    g_autofree char *out = eligo_criteria_unescape ("\\<5% blasts, \\>92%, C:\\path \\n \\");

    g_assert_cmpstr (out, ==, "<5% blasts, >92%, C:\\path \\n \\");
  }
  g_assert_null (eligo_criteria_unescape (NULL));

  {
    g_autoptr(GPtrArray) criteria = split ("Inclusion Criteria:\n\n* KPS\\>60\n"
                                           "* Hepatitis B (HBsAg positive) \\*\\*\n");

    g_assert_cmpuint (criteria->len, ==, 2);
    assert_criterion (criteria, I, 1, "KPS>60", NULL, ELIGO_SUBJECT_PATIENT);
    assert_criterion (criteria, I, 2, "Hepatitis B (HBsAg positive) **", NULL,
                      ELIGO_SUBJECT_PATIENT);
  }
}

static void
test_seed_nct07072494 (void)
{
  g_autofree char *text = load_seed ("NCT07072494");
  g_autoptr(GPtrArray) criteria = split (text);
  const char *organ = "Satisfactory liver, kidney, cardiac, and pulmonary function, defined as:";

  assert_counts (criteria, 12, 15);
  assert_criterion (criteria, I, 1, "The subject has voluntarily agreed to participate, ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 2, "The subject has been clinically diagnosed with ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  g_assert_nonnull (strstr (nth (criteria, I, 2)->text,
                            "(defined as <5% bone marrow blasts, no peripheral blood blasts"));
  assert_criterion (criteria, I, 3, "Aged between 14 and 80 years (inclusive), male or female.", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 6, "An expected survival of more than three months ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 7, "Creatinine ≤2× upper limit of normal (ULN);", organ,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 8, "Left ventricular ejection fraction (LVEF) ≥50%;", organ,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 9, "Blood oxygen saturation >92%;", organ, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 10,
                    "Total bilirubin ≤2× ULN; alanine aminotransferase (ALT) and aspartate "
                    "aminotransferase (AST) ≤3× ULN.", organ, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 11,
                    "Adequate venous access for cell collection and meeting the following "
                    "hematologic criteria:\n"
                    "Hemoglobin ≥80 g/L Absolute neutrophil count (ANC) ≥1.0 × 10⁹/L Platelet count "
                    "≥75 × 10⁹/L If the above criteria are not met, the investigator may determine "
                    "eligibility for mononuclear cell collection.", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 12, "Female subjects of childbearing potential must have ...", NULL,
                    ELIGO_SUBJECT_PATIENT);

  assert_criterion (criteria, E, 1, "Presence of mixed-lineage leukemia or biphenotypic leukemia.",
                    NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 4,
                    "Any of the following viral infections:\n"
                    "Hepatitis B virus (HBV) DNA detectable above the lower limit of quantification. "
                    "Positive hepatitis C virus antibody (HCV-Ab). Epstein-Barr virus (EBV) or "
                    "cytomegalovirus (CMV) DNA detectable above the lower limit of quantification.\n"
                    "Positive human immunodeficiency virus (HIV) antibody test.", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 6, "Any of the following cardiac conditions:\nNew York Heart ...",
                    NULL, ELIGO_SUBJECT_PATIENT);
  {
    const char *e6 = nth (criteria, E, 6)->text;

    g_assert_nonnull (strstr (e6, "QTc interval ≥480 ms (QTcB = QT/√RR).\nUncontrolled hypertension"));
    g_assert_nonnull (strstr (e6, "\nUnstable angina. "));
    g_assert_true (g_str_has_suffix (e6, "\nClinically significant valvular heart disease. Other "
                                     "cardiac diseases deemed inappropriate for study participation "
                                     "by the investigator."));
  }
  assert_criterion (criteria, E, 13, "Participation in other interventional clinical trials and "
                    "receipt of an investigational agent, including:\nAn unapproved ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 15, "Physical or cognitive conditions that impair ...", NULL,
                    ELIGO_SUBJECT_PATIENT);

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterionText *c = g_ptr_array_index (criteria, i);

      g_assert_cmpstr (c->section, ==, c->kind == I ? "Inclusion Criteria:" : "Exclusion Criteria:");
      g_assert_null (strchr (c->text, '\\'));
    }
}

static void
test_seed_nct07087847 (void)
{
  g_autofree char *text = load_seed ("NCT07087847");
  g_autoptr(GPtrArray) criteria = split (text);

  assert_counts (criteria, 5, 2);
  assert_criterion (criteria, I, 1, "Diagnosis: Patients with refractory or relapsed (R/R) leukemia.",
                    NULL, ELIGO_SUBJECT_PATIENT);
  /* A bullet that mentions a donor is still the patient's criterion. */
  assert_criterion (criteria, I, 2, "Donor Availability: No matched sibling or unrelated donor "
                    "identified through HLA typing.", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 4, "Normal Organ Function (meeting the following criteria): ...",
                    NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 5, "Informed Consent: a signed informed consent form (ICF) is obtained",
                    NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 2, "Severe Comorbidities with Major Organ Dysfunction", NULL,
                    ELIGO_SUBJECT_PATIENT);
}

static void
test_seed_nct06389305 (void)
{
  g_autofree char *text = load_seed ("NCT06389305");
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GPtrArray) criteria = eligo_criteria_split_full (text, &dropped);
  gboolean found = FALSE;

  /* The lead-in bullets are neither criteria nor context. */
  assert_counts (criteria, 7, 16);
  assert_criterion (criteria, I, 1, "A confirmed diagnosis of refractory or relapsed B-ALL ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 3, "Age between 1 and 39 years old.", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 7, "Patients with self-awareness between 8 and 39 years ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 1, "Received bendamustine treatment within the past 9 months;", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 12, "Leukemic cells in the cerebrospinal fluid >20 cells/μL;", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 16, "Active or uncontrollable infectious diseases, such as hepatitis "
                    "(HBV, HCV), HIV, or syphilis.", NULL, ELIGO_SUBJECT_PATIENT);

  for (guint i = 0; i < dropped->len; i++)
    if (g_strcmp0 (g_ptr_array_index (dropped, i),
                   "A patient must meet all of the following to be enrolled:") == 0)
      found = TRUE;
  g_assert_true (found);
}

static void
test_seed_nct03754764 (void)
{
  g_autofree char *text = load_seed ("NCT03754764");
  g_autoptr(GPtrArray) criteria = split (text);

  assert_counts (criteria, 6, 11);
  assert_criterion (criteria, I, 1, "Male or female participant", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 6, "Adequate organ function", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 3, "Richter's syndrome", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 11, "Pregnant or nursing women", NULL, ELIGO_SUBJECT_PATIENT);
}

static void
test_seed_nct06585345 (void)
{
  g_autofree char *text = load_seed ("NCT06585345");
  g_autoptr(GPtrArray) criteria = split (text);

  assert_counts (criteria, 10, 18);
  assert_criterion (criteria, I, 1, "Patients diagnosed with acute leukemia.", NULL,
                    ELIGO_SUBJECT_PATIENT);
  /* Inline "1) ... 2) ..." stays in one item. */
  assert_criterion (criteria, I, 2, "Acute leukemia complex/refractory cases with poor response to "
                    "conventional chemotherapy: 1) patients who did not ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 9, "Adequate kidney, liver, lung and heart function, defined as:\n"
                    "Creatinine clearance (estimated by Cockcroft Gault formula) > 60 mL/min; ...",
                    NULL, ELIGO_SUBJECT_PATIENT);
  g_assert_true (g_str_has_suffix (nth (criteria, I, 9)->text,
                                   "abnormal findings.\nThere was no clinically significant pleural "
                                   "effusion. Baseline blood oxygen saturation under indoor "
                                   "ventilation was > 92%."));
  assert_criterion (criteria, I, 10, "The serum pregnancy test results of fertile women ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 1, "The subject has had other malignancies, ...", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 18, "Participate in other clinical experimenters during the same "
                    "period", NULL, ELIGO_SUBJECT_PATIENT);
}

static void
test_headers (void)
{
  const struct {
    const char            *header;
    EligoCriterionKind     kind;
    const char            *section;
    EligoCriterionSubject  subject;
  } cases[] = {
    { "Inclusion Criteria:", I, "Inclusion Criteria:", ELIGO_SUBJECT_PATIENT },
    { "Key Inclusion Criteria:", I, "Key Inclusion Criteria:", ELIGO_SUBJECT_PATIENT },
    { "INCLUSION CRITERIA", I, "INCLUSION CRITERIA", ELIGO_SUBJECT_PATIENT },
    { "Inclusion criteria:", I, "Inclusion criteria:", ELIGO_SUBJECT_PATIENT },
    { "Inclusion Criteria :", I, "Inclusion Criteria :", ELIGO_SUBJECT_PATIENT },
    { "Inclusion:", I, "Inclusion:", ELIGO_SUBJECT_PATIENT },
    { "Inclusion Criteria for donors:", I, "Inclusion Criteria for donors:", ELIGO_SUBJECT_DONOR },
    { "Exclusion Criteria:", E, "Exclusion Criteria:", ELIGO_SUBJECT_PATIENT },
    { "Key Exclusion Criteria", E, "Key Exclusion Criteria", ELIGO_SUBJECT_PATIENT },
    { "EXCLUSION CRITERIA:", E, "EXCLUSION CRITERIA:", ELIGO_SUBJECT_PATIENT },
    { "Exclusions:", E, "Exclusions:", ELIGO_SUBJECT_PATIENT },
    { "**Inclusion Criteria:**", I, "Inclusion Criteria:", ELIGO_SUBJECT_PATIENT },
    { "## Exclusion Criteria", E, "Exclusion Criteria", ELIGO_SUBJECT_PATIENT },
    { "### **Key Exclusion Criteria**", E, "Key Exclusion Criteria", ELIGO_SUBJECT_PATIENT },
    { "Inclusion Criteria for Patients", I, "Inclusion Criteria for Patients", ELIGO_SUBJECT_PATIENT },
    { "Patient Inclusion Criteria:", I, "Patient Inclusion Criteria:", ELIGO_SUBJECT_PATIENT },
    { "Donor Inclusion Criteria", I, "Donor Inclusion Criteria", ELIGO_SUBJECT_DONOR },
    { "Donor Exclusion Criteria:", E, "Donor Exclusion Criteria:", ELIGO_SUBJECT_DONOR },
    { "Inclusion criteria (recipient)", I, "Inclusion criteria (recipient)", ELIGO_SUBJECT_PATIENT },
    { "Inclusion Criteria for Healthy Volunteers:", I, "Inclusion Criteria for Healthy Volunteers:",
      ELIGO_SUBJECT_OTHER },
    { "Inclusion Criteria (Families):", I, "Inclusion Criteria (Families):", ELIGO_SUBJECT_OTHER },
    { "Exclusion criteria for caregivers:", E, "Exclusion criteria for caregivers:",
      ELIGO_SUBJECT_OTHER },
    { "Inclusion Criteria (Controls):", I, "Inclusion Criteria (Controls):", ELIGO_SUBJECT_OTHER },
    { "Exclusion criteria for cases and controls:", E, "Exclusion criteria for cases and controls:",
      ELIGO_SUBJECT_PATIENT },
    { "III.6 EXCLUSION CRITERIA", E, "III.6 EXCLUSION CRITERIA", ELIGO_SUBJECT_PATIENT },
    { "Exclusion Criteria prior Transplantation/Implantation", E,
      "Exclusion Criteria prior Transplantation/Implantation", ELIGO_SUBJECT_PATIENT },
    { "* Exclusion Criteria:", E, "Exclusion Criteria:", ELIGO_SUBJECT_PATIENT },
    { "• Inclusion Criteria:", I, "Inclusion Criteria:", ELIGO_SUBJECT_PATIENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n\n* Age 18 or older\n", cases[i].header);
      g_autoptr(GPtrArray) criteria = split (text);
      EligoCriterionText *c;

      g_test_message ("%s", cases[i].header);
      g_assert_cmpuint (criteria->len, ==, 1);
      c = g_ptr_array_index (criteria, 0);
      g_assert_cmpstr (c->text, ==, "Age 18 or older");
      g_assert_cmpint (c->kind, ==, cases[i].kind);
      g_assert_cmpstr (c->section, ==, cases[i].section);
      g_assert_cmpint (c->subject, ==, cases[i].subject);
      g_assert_null (c->context);
    }

  /* Text after the header on its line is read as a line of its own. */
  {
    g_autoptr(GPtrArray) criteria = split ("Inclusion criteria. Age ≥22. English speaking.\n\n"
                                           "Study Exclusion Criteria. History of aspiration "
                                           "pneumonia.\n");

    g_assert_cmpuint (criteria->len, ==, 2);
    assert_criterion (criteria, I, 1, "Age ≥22. English speaking.", NULL, ELIGO_SUBJECT_PATIENT);
    assert_criterion (criteria, E, 1, "History of aspiration pneumonia.", NULL, ELIGO_SUBJECT_PATIENT);
    g_assert_cmpstr (nth (criteria, E, 1)->section, ==, "Study Exclusion Criteria");
  }

  /* Sentences and items that mention criteria are not headers. */
  {
    g_autoptr(GPtrArray) criteria = split ("Inclusion Criteria:\n\n"
                                           "* Patient meets the inclusion criteria for trial entry\n"
                                           "* Does not meet inclusion criteria;\n\n"
                                           "Other inclusion and exclusion criteria may apply.\n");

    g_assert_cmpuint (criteria->len, ==, 3);
    assert_criterion (criteria, I, 1, "Patient meets the inclusion criteria for trial entry", NULL,
                      ELIGO_SUBJECT_PATIENT);
    assert_criterion (criteria, I, 3, "Other inclusion and exclusion criteria may apply.", NULL,
                      ELIGO_SUBJECT_PATIENT);
  }
}

static void
test_markers (void)
{
  const char *items[] = {
    "* Alpha", "- Alpha", "+ Alpha", "• Alpha", "•Alpha", "· Alpha", "o Alpha", "\\- Alpha",
    "1. Alpha", "1) Alpha", "(1) Alpha", "12. Alpha", "2.Alpha", "a. Alpha", "a) Alpha",
    "(a) Alpha", "A. Alpha", "A) Alpha", "i. Alpha", "ii) Alpha", "(iv) Alpha", "I. Alpha",
    "XII. Alpha",
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *text = g_strdup_printf ("Inclusion Criteria:\n\n%s\n", items[i]);
      g_autoptr(GPtrArray) criteria = split (text);

      g_test_message ("%s", items[i]);
      g_assert_cmpuint (criteria->len, ==, 1);
      assert_criterion (criteria, I, 1, "Alpha", NULL, ELIGO_SUBJECT_PATIENT);
    }

  /* Not markers: decimals, abbreviations, emphasis. */
  {
    const char *texts[] = { "1.18 ≤ age", "e.g. adults", "*Note: adults", "2.5 mg/kg" };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(GPtrArray) criteria = split (texts[i]);

        g_assert_cmpuint (criteria->len, ==, 1);
        assert_criterion (criteria, I, 1, texts[i], NULL, ELIGO_SUBJECT_PATIENT);
      }
  }

  /* A lettered list runs on through h, i, j; a roman one through i, ii, iii. */
  {
    g_autoptr(GPtrArray) criteria = split ("1. Organs:\n\n"
                                           "   g. seven\n   h. eight\n   i. nine\n   j. ten\n"
                                           "2. Other:\n\n   i. one\n   ii. two\n   iii. three\n");

    g_assert_cmpuint (criteria->len, ==, 7);
    assert_criterion (criteria, I, 3, "nine", "Organs:", ELIGO_SUBJECT_PATIENT);
    assert_criterion (criteria, I, 4, "ten", "Organs:", ELIGO_SUBJECT_PATIENT);
    assert_criterion (criteria, I, 7, "three", "Other:", ELIGO_SUBJECT_PATIENT);
  }
}

static void
test_nesting_indent (void)
{
  g_autoptr(GPtrArray) criteria = split (
    "Inclusion Criteria:\n\n"
    "* Adequate organ function, defined as:\n\n"
    "  * Creatinine ≤ 1.5 × ULN\n"
    "  * Bilirubin ≤ 1.5 × ULN\n"
    "* Adequate organ function: creatinine ≤1.5 ULN\n\n"
    "  * Bilirubin ≤ 1.5 × ULN\n"
    "    - unless Gilbert's syndrome\n"
    "* ECOG 0-1\n");

  g_assert_cmpuint (criteria->len, ==, 6);
  assert_criterion (criteria, I, 1, "Creatinine ≤ 1.5 × ULN", "Adequate organ function, defined as:",
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 2, "Bilirubin ≤ 1.5 × ULN", "Adequate organ function, defined as:",
                    ELIGO_SUBJECT_PATIENT);
  /* A parent with content of its own is a criterion too. */
  assert_criterion (criteria, I, 3, "Adequate organ function: creatinine ≤1.5 ULN", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 4, "Bilirubin ≤ 1.5 × ULN",
                    "Adequate organ function: creatinine ≤1.5 ULN", ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 5, "unless Gilbert's syndrome",
                    "Adequate organ function: creatinine ≤1.5 ULN\nBilirubin ≤ 1.5 × ULN",
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 6, "ECOG 0-1", NULL, ELIGO_SUBJECT_PATIENT);
}

static void
test_nesting_numbering (void)
{
  /* From NCT02650414: a new numbering style at the same indentation nests. */
  g_autoptr(GPtrArray) criteria = split (
    "Exclusion Criteria:\n\n"
    "1. Any of the following:\n"
    "a. Active hepatitis B\n"
    "b. HIV infection\n"
    "2. Relapsed or refractory B-cell ALL:\n\n"
    "   1. 2nd or greater BM relapse OR\n"
    "   2. Ineligible for allogeneic SCT because of:\n\n"
    "   i. Comorbid disease ii. Lack of suitable donor\n"
    "3. Pregnant or nursing women.\n");

  g_assert_cmpuint (criteria->len, ==, 5);
  assert_criterion (criteria, E, 1, "Active hepatitis B", "Any of the following:",
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 2, "HIV infection", "Any of the following:", ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 3, "2nd or greater BM relapse OR",
                    "Relapsed or refractory B-cell ALL:", ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 4, "Comorbid disease ii. Lack of suitable donor",
                    "Relapsed or refractory B-cell ALL:\nIneligible for allogeneic SCT because of:",
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 5, "Pregnant or nursing women.", NULL, ELIGO_SUBJECT_PATIENT);
}

static void
test_leadins (void)
{
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GPtrArray) criteria = eligo_criteria_split_full (
    "Inclusion Criteria:\n\n"
    "Patients must meet all of the following criteria:\n\n"
    "1. Age ≥ 18\n"
    "2. ECOG 0-1\n\n"
    "Exclusion Criteria:\n\n"
    "A patient with at least one of the following conditions will be excluded:\n\n"
    "* Active infection\n\n"
    "Phase 1 portion:\n\n"
    "* Prior CAR-T\n\n"
    "For Cohort B:\n\n"
    "* Prior blinatumomab\n"
    "* CNS-3 disease\n",
    &dropped);

  g_assert_cmpuint (criteria->len, ==, 6);
  assert_criterion (criteria, I, 1, "Age ≥ 18", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 2, "ECOG 0-1", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 1, "Active infection", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 2, "Prior CAR-T", "Phase 1 portion:", ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 3, "Prior blinatumomab", "For Cohort B:", ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 4, "CNS-3 disease", "For Cohort B:", ELIGO_SUBJECT_PATIENT);

  g_assert_cmpuint (dropped->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (dropped, 1), ==,
                   "Patients must meet all of the following criteria:");
  g_assert_cmpstr (g_ptr_array_index (dropped, 3), ==,
                   "A patient with at least one of the following conditions will be excluded:");

  /* In an inclusion section "one of the following" is a choice and is kept,
   * with its items, as one criterion: they are alternatives. */
  {
    g_autoptr(GPtrArray) choice = split ("Inclusion Criteria:\n\n"
                                         "* Patients must have one of the following:\n\n"
                                         "  * B-ALL\n  * Burkitt leukemia\n");

    g_assert_cmpuint (choice->len, ==, 1);
    assert_criterion (choice, I, 1, "Patients must have one of the following:\n- B-ALL\n- Burkitt leukemia",
                      NULL, ELIGO_SUBJECT_PATIENT);
  }

  /* Exceptions are part of their criterion, never exclusions of their own. */
  {
    g_autoptr(GPtrArray) parent = split ("Exclusion Criteria:\n\n"
                                         "* History of other malignancy. The following exceptions "
                                         "apply:\n\n  * Carcinoma in situ\n");

    g_assert_cmpuint (parent->len, ==, 1);
    assert_criterion (parent, E, 1, "History of other malignancy. The following exceptions apply:\n"
                      "- Carcinoma in situ", NULL, ELIGO_SUBJECT_PATIENT);
  }

  /* A sub-group header that nothing follows is kept as a criterion. */
  {
    g_autoptr(GPtrArray) alone = split ("Inclusion Criteria:\n\n* Age ≥ 18\n\nNo other criteria:\n\n"
                                        "Exclusion Criteria:\n\n* None\n");

    g_assert_cmpuint (alone->len, ==, 3);
    assert_criterion (alone, I, 2, "No other criteria:", NULL, ELIGO_SUBJECT_PATIENT);
  }
}

/* Lead-ins that give their items a sense, in the forms the 767 registry
 * records use (DESIGN.md, Criteria). */
static void
test_leadin_senses (void)
{
  static const struct
  {
    const char         *leadin;
    EligoCriterionKind  kind;
    EligoLeadSense      sense;
  } forms[] = {
    /* NCT01515527 */
    { "10. Patients must have one of the following:", I, ELIGO_LEAD_CHOICE },
    /* NCT03433391 */
    { "Have at least one of the following:", I, ELIGO_LEAD_CHOICE },
    /* NCT02814825 */
    { "Diagnosed by the investigator with at least one (1) of the following:", I, ELIGO_LEAD_CHOICE },
    /* NCT01151631 */
    { "Headache is accompanied by at least 1 of the following:", I, ELIGO_LEAD_CHOICE },
    /* NCT05420714 */
    { "Patients of the Parkland Diabetes Clinic who meets one or more of the following criteria:", I,
      ELIGO_LEAD_CHOICE },
    /* NCT04066023 */
    { "Either or both of the following:", I, ELIGO_LEAD_CHOICE },
    /* NCT04007835 */
    { "TKI as defined by either:", I, ELIGO_LEAD_CHOICE },
    /* NCT05798663 */
    { "or negative HBsAb at screening accompanied by either of the following:", I, ELIGO_LEAD_CHOICE },
    /* NCT04204473, NCT04870190 */
    { "Treatment with any of the following:", E, ELIGO_LEAD_CHOICE },
    { "Have received any of the following treatments:", E, ELIGO_LEAD_CHOICE },
    /* NCT04265963: a fullwidth colon */
    { "Diagnose as Relapsed/Refractory AML, and meet one of the following conditions\xef\xbc\x9a", I,
      ELIGO_LEAD_CHOICE },
    /* NCT03955198 */
    { "History of another primary malignancy except for:", E, ELIGO_LEAD_EXCEPT },
    /* NCT04870190 */
    { "History of other primary malignant tumors, except for the following:", E, ELIGO_LEAD_EXCEPT },
    /* NCT05147467 */
    { "the subject had a history of active malignant tumors other than CLL / SLL, except that:", E,
      ELIGO_LEAD_EXCEPT },
    /* NCT05507827 */
    { "Subjects in remission <1 year are not eligible. The following exceptions apply:", E, ELIGO_LEAD_EXCEPT },
    /* NCT05798663 */
    { "during study treatment, with the following exceptions:", E, ELIGO_LEAD_EXCEPT },
    /* Forms the design names that no record uses with a list. */
    { "Prior malignancy other than:", E, ELIGO_LEAD_EXCEPT },
    { "Active infection, unless:", E, ELIGO_LEAD_EXCEPT },
    { "Any prior therapy, with the exception of:", E, ELIGO_LEAD_EXCEPT },
    /* "At least two": neither all nor one (NCT05464836 writes it inline). */
    { "Leukemic blasts must express at least 2 of the following:", I, ELIGO_LEAD_SOME },
    /* Not alternatives: the header of a list of exclusions (NCT01742767,
     * NCT05587465), a negated choice, a definition, an exception in
     * parentheses (NCT01949129), "either" inside a sentence (NCT04679844). */
    { "Patients will be excluded from the study if they meet any of the following criteria:", E,
      ELIGO_LEAD_NONE },
    { "Subjects who meet any of the following criteria will be excluded from participating in this study:", E,
      ELIGO_LEAD_NONE },
    { "Patients must not have any of the following:", I, ELIGO_LEAD_NONE },
    /* NCT02650414: a bare "Any of the following:" over exclusions. */
    { "1. Any of the following:", E, ELIGO_LEAD_NONE },
    { "1. Any of the following:", I, ELIGO_LEAD_CHOICE },
    { "Adequate organ function, defined as:", I, ELIGO_LEAD_NONE },
    { "Patients must meet all of the following criteria:", I, ELIGO_LEAD_NONE },
    { "Patients with ALL (except for patients with B-ALL) who fulfil the following criteria:", I, ELIGO_LEAD_NONE },
    { "Instability can be either caused by degenerative disc disease or by traumatic injury:", I, ELIGO_LEAD_NONE },
    { "Prior therapy with decitabine will be allowed unless the patient experienced progression", I,
      ELIGO_LEAD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (eligo_criteria_lead_sense (forms[i].leadin, forms[i].kind) != forms[i].sense)
      g_error ("\"%s\": sense %d, expected %d", forms[i].leadin,
               eligo_criteria_lead_sense (forms[i].leadin, forms[i].kind), forms[i].sense);
}

/* The records the issue names, and others, as the registry gives them. */
static void
test_leadin_records (void)
{
  g_autofree char *nct01515527 = load_study ("NCT01515527");
  g_autofree char *nct03955198 = load_study ("NCT03955198");
  g_autofree char *nct04547049 = load_study ("NCT04547049");
  g_autofree char *nct01742767 = load_study ("NCT01742767");
  g_autoptr(GPtrArray) criteria = NULL;

  if (nct01515527 == NULL)
    {
      g_test_skip ("no registry records in ELIGO_TEST_DATA_DIR");
      return;
    }

  /* The three alternatives stay together, and "  11." drifted right is the
   * next item of the outer list, not part of the last alternative. */
  criteria = split (nct01515527);
  assert_criterion (criteria, I, 12,
                    "Patients must have one of the following:\n"
                    "- Creatinine >/= 2 mg/dL\n"
                    "- Total bilirubin >/= 2 mg/dL\n"
                    "- ECOG Performance Status equal to 3 or 4\n"
                    "- Is ineligible for participation in a protocol of higher priority",
                    "Cohort 2", ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 13, "A negative urine pregnancy test is required within 1 week...",
                    "Cohort 2", ELIGO_SUBJECT_PATIENT);
  /* What stands before is numbered as it was. */
  assert_criterion (criteria, I, 4, "liver function (bilirubin < 2mg/dL, AST and/or ALT <3 x ULN)",
                    "Cohort 1\nAdequate organ function as defined below:", ELIGO_SUBJECT_PATIENT);
  g_assert_cmpuint (count_kind (criteria, I), ==, 15);
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* The exceptions are inside the exclusion; the exclusions before keep their
   * numbers (E20 was the first exception). */
  criteria = split (nct03955198);
  assert_criterion (criteria, E, 19, "Uncontrolled intercurrent illness, including but not limited to...",
                    NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 20,
                    "History of another primary malignancy except for:\n"
                    "- Malignancy treated with curative intent and with no known active disease ≥5 years before "
                    "the first dose of IP and of low potential risk for recurrence\n"
                    "- Adequately treated non-melanoma skin cancer or lentigo maligna without evidence of disease\n"
                    "- Adequately treated carcinoma in situ without evidence of disease",
                    NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 21, "History of severe allergic reactions to any unknown allergens...",
                    NULL, ELIGO_SUBJECT_PATIENT);
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* A sub-group header over items at its own level. */
  criteria = split (nct04547049);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < criteria->len; i++)
      {
        EligoCriterionText *c = g_ptr_array_index (criteria, i);

        if (g_str_has_prefix (c->text, "MDS with at least one of the following:\n- IPSS score of INT-2 or greater\n"
                              "- IPSS score of INT-1 with life-threatening cytopenias"))
          found = TRUE;
        g_assert_false (g_str_has_prefix (c->text, "IPSS score"));
      }
    g_assert_true (found);
  }
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* "Patients will be excluded ... if they meet any of the following
   * criteria:" heads the exclusions: each stays a criterion. */
  criteria = split (nct01742767);
  g_assert_cmpuint (count_kind (criteria, E), >, 3);
  for (guint i = 0; i < criteria->len; i++)
    g_assert_null (strstr (((EligoCriterionText *) g_ptr_array_index (criteria, i))->text, "\n- "));
}

static void
test_donors (void)
{
  /* Real text from NCT04547049. */
  g_autoptr(GPtrArray) criteria = split (
    "Patient Inclusion Criteria:\n\n"
    "* Patient age 14-60 years\n"
    "* Absence of a suitable HLA identical related or unrelated hematopoietic stem cell donor\n\n"
    "Patient Exclusion Criteria:\n\n"
    "* Availability of suitable HLA identical related or unrelated hematopoietic stem cell donors\n\n"
    "Donor Inclusion Criteria:\n\n"
    "* The donor and recipient must be HLA haploidentical\n"
    "* Meets institutional selection criteria and medically fit to donate\n"
    "* Lack of recipient anti-donor HLA antibody\n\n"
    "Donor Exclusion Criteria:\n\n"
    "* The donor and recipient are HLA identical\n"
    "* Has not donated blood products to recipient\n");
  EligoCriterionText *c;

  g_assert_cmpuint (criteria->len, ==, 8);
  assert_criterion (criteria, I, 2, "Absence of a suitable HLA identical related or unrelated "
                    "hematopoietic stem cell donor", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 1, "Availability of suitable HLA identical related or unrelated "
                    "hematopoietic stem cell donors", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 3, "The donor and recipient must be HLA haploidentical", NULL,
                    ELIGO_SUBJECT_DONOR);
  assert_criterion (criteria, I, 5, "Lack of recipient anti-donor HLA antibody", NULL,
                    ELIGO_SUBJECT_DONOR);
  assert_criterion (criteria, E, 3, "Has not donated blood products to recipient", NULL,
                    ELIGO_SUBJECT_DONOR);
  c = g_ptr_array_index (criteria, 3);
  g_assert_cmpstr (c->section, ==, "Donor Inclusion Criteria:");
  g_assert_cmpint (c->kind, ==, I);
  c = g_ptr_array_index (criteria, 6);
  g_assert_cmpstr (c->section, ==, "Donor Exclusion Criteria:");
  g_assert_cmpint (c->kind, ==, E);

  /* Sub-group headers inside a section switch the subject. */
  {
    g_autoptr(GPtrArray) groups = split ("Inclusion Criteria:\n\nRecipient:\n\n* Age 1-25 years\n\n"
                                         "Donor:\n\n* Age ≥ 18\n* HLA haploidentical\n\n"
                                         "Parents:\n\n* Willing to sign consent\n");

    g_assert_cmpuint (groups->len, ==, 4);
    assert_criterion (groups, I, 1, "Age 1-25 years", "Recipient:", ELIGO_SUBJECT_PATIENT);
    assert_criterion (groups, I, 2, "Age ≥ 18", "Donor:", ELIGO_SUBJECT_DONOR);
    assert_criterion (groups, I, 3, "HLA haploidentical", "Donor:", ELIGO_SUBJECT_DONOR);
    assert_criterion (groups, I, 4, "Willing to sign consent", "Parents:", ELIGO_SUBJECT_OTHER);
  }

  /* NCT05507827, from the registry records, when they are at hand. */
  {
    g_autofree char *text = load_study ("NCT05507827");
    g_autoptr(GPtrArray) real = NULL;
    guint donors = 0;

    if (text == NULL)
      return;

    real = split (text);
    for (guint i = 0; i < real->len; i++)
      {
        c = g_ptr_array_index (real, i);
        if (c->subject == ELIGO_SUBJECT_DONOR)
          {
            donors++;
            g_assert_true (g_str_has_prefix (c->section, "Donor "));
          }
        else
          g_assert_true (g_str_has_prefix (c->section, "Patient "));
      }
    /* 19 before lead-ins kept their sense: the three places where Zika
     * virus infection may come from are now one criterion (E20). */
    g_assert_cmpuint (donors, ==, 17);
    assert_criterion (real, E, 20, "Potential for Zika virus infection as defined as any of the following:\n"
                      "- Medical diagnosis of Zika virus infection in the past 6 months\n- Residence in...",
                      NULL, ELIGO_SUBJECT_DONOR);
    assert_criterion (real, I, 19, "Age ≥ 18 and ≤ 75 years at time of enrollment", NULL,
                      ELIGO_SUBJECT_DONOR);
    assert_criterion (real, I, 25, "Be evaluated and show no evidence of syphilis infection ...",
                      "In the case that T pallidum antibody tests are positive, donors must:",
                      ELIGO_SUBJECT_DONOR);
    assert_criterion (real, E, 21, "The donor has no signs or symptoms consistent with active Zika "
                      "virus infection and", "Donors determined to be ineligible based on the "
                      "results of Zika virus screening may be determined to be eligible if:",
                      ELIGO_SUBJECT_DONOR);
  }
}

static void
test_continuation (void)
{
  g_autoptr(GPtrArray) criteria = split (
    "Exclusion Criteria:\n\n"
    "* Known history of infection with any of the following:\n"
    "* HIV\n"
    "* Hepatitis C virus (anti HCV positive) \\*\\*\n\n"
    "  \\*\\* A history of hepatitis C is permitted if the viral load is undetectable.\n"
    "* Prior CD19 therapy\n\n"
    "OR\n\n"
    "* Prior CD22 therapy\n\n"
    "Note: Other protocol defined criteria may apply\n");

  g_assert_cmpuint (criteria->len, ==, 6);
  /* Without indentation the list under a lead-in cannot be told from siblings. */
  assert_criterion (criteria, E, 1, "Known history of infection with any of the following:", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 3, "Hepatitis C virus (anti HCV positive) **\n** A history of "
                    "hepatitis C is permitted if the viral load is undetectable.", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 4, "Prior CD19 therapy\nOR", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 6, "Note: Other protocol defined criteria may apply", NULL,
                    ELIGO_SUBJECT_PATIENT);

  /* A note for two items goes to both, not only to the item before it (NCT05507827). */
  {
    g_autoptr(GPtrArray) notes = split (
      "Exclusion Criteria:\n\n"
      "* HIV\n"
      "* Hepatitis B (HBsAg positive) \\*\\*\n"
      "* Hepatitis C virus (anti HCV positive) \\*\\*\n\n"
      "  \\*\\* A history of hepatitis B or hepatitis C is permitted if the viral load is undetectable.\n"
      "* Currently receiving corticosteroids\n");

    g_assert_cmpuint (notes->len, ==, 4);
    assert_criterion (notes, E, 1, "HIV", NULL, ELIGO_SUBJECT_PATIENT);
    assert_criterion (notes, E, 2, "Hepatitis B (HBsAg positive) **\n** A history of hepatitis B or "
                      "hepatitis C is permitted if the viral load is undetectable.", NULL,
                      ELIGO_SUBJECT_PATIENT);
    assert_criterion (notes, E, 3, "Hepatitis C virus (anti HCV positive) **\n** A history of "
                      "hepatitis B or hepatitis C is permitted if the viral load is undetectable.",
                      NULL, ELIGO_SUBJECT_PATIENT);
    assert_criterion (notes, E, 4, "Currently receiving corticosteroids", NULL, ELIGO_SUBJECT_PATIENT);
  }

  /* Bullets with ordinals of their own under a bullet ending with ':' are
   * its list; both stay criteria (NCT05304754). */
  {
    g_autoptr(GPtrArray) list = split (
      "Inclusion Criteria:\n\n"
      "* Diagnosis of high-risk hematological malignancy. This includes:\n"
      "* i. High risk ALL in first complete remission (RC1);\n"
      "* ii. ALL in second complete remission (RC2);\n"
      "* Positive pre-transplant evaluation\n"
      "* i. Left ventricular ejection fraction \\> 40%\n");

    g_assert_cmpuint (list->len, ==, 5);
    assert_criterion (list, I, 1, "Diagnosis of high-risk hematological malignancy. This includes:",
                      NULL, ELIGO_SUBJECT_PATIENT);
    assert_criterion (list, I, 2, "i. High risk ALL in first complete remission (RC1);",
                      "Diagnosis of high-risk hematological malignancy. This includes:",
                      ELIGO_SUBJECT_PATIENT);
    assert_criterion (list, I, 3, "ii. ALL in second complete remission (RC2);",
                      "Diagnosis of high-risk hematological malignancy. This includes:",
                      ELIGO_SUBJECT_PATIENT);
    assert_criterion (list, I, 4, "Positive pre-transplant evaluation", NULL, ELIGO_SUBJECT_PATIENT);
    assert_criterion (list, I, 5, "i. Left ventricular ejection fraction > 40%", NULL,
                      ELIGO_SUBJECT_PATIENT);
  }
}

static void
test_headerless (void)
{
  g_autoptr(GPtrArray) criteria = split (
    "* At least 2 year history of episodic cluster headache (meeting IHS criteria)\n"
    "* At least 2 previous episodes\n"
    "* Exclusion: pregnancy\n"
    "* Breast feeding\n");

  g_assert_cmpuint (criteria->len, ==, 4);
  assert_criterion (criteria, I, 1, "At least 2 year history of episodic cluster headache (meeting "
                    "IHS criteria)", NULL, ELIGO_SUBJECT_PATIENT);
  g_assert_null (nth (criteria, I, 2)->section);
  assert_criterion (criteria, E, 1, "pregnancy", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 2, "Breast feeding", NULL, ELIGO_SUBJECT_PATIENT);
  g_assert_cmpstr (nth (criteria, E, 2)->section, ==, "Exclusion:");

  /* A later header. */
  {
    g_autoptr(GPtrArray) later = split ("Age 18-65\n\nExclusion Criteria:\n\nPregnancy\n");

    g_assert_cmpuint (later->len, ==, 2);
    assert_criterion (later, I, 1, "Age 18-65", NULL, ELIGO_SUBJECT_PATIENT);
    assert_criterion (later, E, 1, "Pregnancy", NULL, ELIGO_SUBJECT_PATIENT);
  }

  /* Headers in the middle of one line (NCT01892319). */
  {
    g_autoptr(GPtrArray) inline_ = split ("Inclusion Criteria: - Informed consent - Woman with a "
                                          "positive pregnancy test Exclusion Criteria: - Women "
                                          "pregnant for more than 16 weeks");

    g_assert_cmpuint (inline_->len, ==, 2);
    assert_criterion (inline_, I, 1, "Informed consent - Woman with a positive pregnancy test", NULL,
                      ELIGO_SUBJECT_PATIENT);
    assert_criterion (inline_, E, 1, "Women pregnant for more than 16 weeks", NULL,
                      ELIGO_SUBJECT_PATIENT);
  }
}

static void
test_scopes (void)
{
  /* A header that names a sub-study, and a cohort title over headers
   * (NCT02724163, NCT01515527): the criteria read it as their context. */
  g_autoptr(GPtrArray) criteria = split (
    "Inclusion Criteria:\n\n"
    "Inclusion criteria for trial entry\n\n"
    "* Age <18 years at trial entry.\n\n"
    "Inclusion criteria for participation in the gemtuzumab ozogamicin dose finding study:\n\n"
    "* Normal renal function defined as calculated creatinine clearance ≥90ml/min/1.73m2.\n\n"
    "Exclusion Criteria:\n\n"
    "Exclusion criteria for all randomisations\n\n"
    "* Pregnant or lactating females.\n");
  g_autoptr(GPtrArray) cohorts = split (
    "Cohort 1\n\n"
    "Inclusion Criteria:\n\n"
    "1. ECOG performance status of ≤ 2.\n\n"
    "Cohort 2\n\n"
    "Inclusion Criteria:\n\n"
    "2. ECOG Performance Status equal to 3 or 4\n");

  assert_criterion (criteria, I, 1, "Age <18 years at trial entry.", NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 2, "Normal renal function defined as calculated creatinine "
                    "clearance ≥90ml/min/1.73m2.",
                    "Inclusion criteria for participation in the gemtuzumab ozogamicin dose finding "
                    "study:", ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 1, "Pregnant or lactating females.", NULL, ELIGO_SUBJECT_PATIENT);

  /* The title stays a criterion of its own, so that the ids do not move. */
  assert_criterion (cohorts, I, 1, "Cohort 1", "Cohort 1", ELIGO_SUBJECT_PATIENT);
  assert_criterion (cohorts, I, 2, "ECOG performance status of ≤ 2.", "Cohort 1", ELIGO_SUBJECT_PATIENT);
  assert_criterion (cohorts, I, 4, "ECOG Performance Status equal to 3 or 4", "Cohort 2",
                    ELIGO_SUBJECT_PATIENT);
}

static void
test_no_bullets (void)
{
  /* Real text from NCT00007696 and NCT05695014, and a made-up one. */
  g_autoptr(GPtrArray) criteria = split (
    "Inclusion Criteria:\n\n"
    "Veterans between the ages of 45 and 64.\n\n"
    "over 18 years old Having undergone Lumbar Disc Herniation surgery\n\n"
    "Exclusion Criteria:\n\n"
    "Those who do not agree to participate in the research, Patients undergoing emergency surgery\n");

  g_assert_cmpuint (criteria->len, ==, 3);
  assert_criterion (criteria, I, 1, "Veterans between the ages of 45 and 64.", NULL,
                    ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, I, 2, "over 18 years old Having undergone Lumbar Disc Herniation surgery",
                    NULL, ELIGO_SUBJECT_PATIENT);
  assert_criterion (criteria, E, 1, "Those who do not agree ...", NULL, ELIGO_SUBJECT_PATIENT);

  {
    g_autoptr(GPtrArray) lines = split ("Age 18 to 65\r\nSigned consent\r\n\r\nNo HIV\r\n");

    g_assert_cmpuint (lines->len, ==, 3);
    assert_criterion (lines, I, 2, "Signed consent", NULL, ELIGO_SUBJECT_PATIENT);
  }
}

/*
 * The words of a record, as counts, with the registry's escapes undone and,
 * in the input, the line-start list markers removed.
 */
static void
count_words (const char *text,
             gboolean    markers,
             GHashTable *counts)
{
  static GRegex *marker;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  if (g_once_init_enter (&marker))
    g_once_init_leave (&marker,
                       g_regex_new ("^\\s*(\\\\?[-*+•·▪●◦➢►–]|o(?=\\s)|\\(?([0-9]{1,3}|[a-zA-Z]|"
                                    "[ivxlIVXL]{1,5})[.)])", G_REGEX_OPTIMIZE, 0, NULL));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *stripped = markers ? g_regex_replace (marker, lines[i], -1, 0, "", 0, NULL)
                                          : g_strdup (lines[i]);
      g_autofree char *plain = eligo_criteria_unescape (stripped);
      g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", plain, 0, 0);

      for (guint j = 0; words[j] != NULL; j++)
        {
          if (words[j][0] == '\0')
            continue;
          g_hash_table_insert (counts, g_strdup (words[j]),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                       words[j])) + 1));
        }
    }
}

static gboolean
is_dropped_allowed (const char *dropped)
{
  g_autofree char *lower = g_utf8_strdown (dropped, -1);
  const char *words[] = { "inclusion", "exclusion", "eligib", "criteria", "following", "must",
                          "participant" };
  gboolean alnum = FALSE;

  for (const char *p = dropped; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      alnum = TRUE;
  if (!alnum || strlen (dropped) <= 4)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static guint
check_words (const char *id,
             const char *text,
             GPtrArray  *criteria,
             GPtrArray  *dropped,
             guint      *n_leadins)
{
  g_autoptr(GHashTable) in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) output = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint lost = 0;

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterionText *c = g_ptr_array_index (criteria, i);

      g_string_append_printf (output, "%s\n%s\n", c->text, c->context != NULL ? c->context : "");
    }
  for (guint i = 0; i < dropped->len; i++)
    {
      const char *d = g_ptr_array_index (dropped, i);

      if (!is_dropped_allowed (d))
        g_error ("%s: dropped \"%s\", which is not a header or a lead-in", id, d);
      if (strstr (d, "following") != NULL || strstr (d, "must") != NULL)
        {
          (*n_leadins)++;
          g_test_message ("%s: dropped lead-in \"%s\"", id, d);
        }
      g_string_append_printf (output, "%s\n", d);
    }

  count_words (text, TRUE, in);
  count_words (output->str, FALSE, out);

  g_hash_table_iter_init (&iter, in);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint have = GPOINTER_TO_UINT (g_hash_table_lookup (out, key));

      if (have < GPOINTER_TO_UINT (value))
        {
          g_test_message ("%s: lost \"%s\" (%u of %u)", id, (char *) key,
                          GPOINTER_TO_UINT (value) - have, GPOINTER_TO_UINT (value));
          lost++;
        }
    }

  return lost;
}

static void
test_corpus (void)
{
  g_autofree char *dir = studies_dir ();
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const char *seeds[] = { "NCT03754764", "NCT06389305", "NCT06585345", "NCT07072494", "NCT07087847" };
  const char *name;
  guint n_criteria = 0, n_lost = 0, n_leadins = 0, n_records = 0, n_empty = 0;
  guint n_inclusion = 0, n_exclusion = 0, n_donor = 0, n_other = 0, n_context = 0;
  guint n_corpus = 0, n_corpus_criteria = 0;
  gint64 start, elapsed;

  if (dir == NULL)
    {
      g_test_skip ("no registry records in ELIGO_TEST_DATA_DIR");
      return;
    }

  handle = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_ptr_array_add (ids, g_strndup (name, strlen (name) - 5));
      g_ptr_array_add (texts, load_eligibility (path));
    }
  g_assert_cmpuint (ids->len, ==, 767);
  n_corpus = ids->len;
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_ptr_array_add (ids, g_strdup (seeds[i]));
      g_ptr_array_add (texts, load_seed (seeds[i]));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autoptr(GPtrArray) dropped = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      if (text == NULL)
        continue;

      criteria = eligo_criteria_split_full (text, &dropped);
      n_lost += check_words (g_ptr_array_index (ids, i), text, criteria, dropped, &n_leadins);
      if (criteria->len == 0)
        n_empty++;
      if (i < n_corpus)
        n_corpus_criteria += criteria->len;

      for (guint j = 0; j < criteria->len; j++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, j);

          g_assert_nonnull (c->text);
          g_assert_cmpstr (c->text, !=, "");
          g_assert_true (g_utf8_validate (c->text, -1, NULL));
          g_assert_true (c->text[0] != ' ' && c->text[strlen (c->text) - 1] != ' ');
          if (c->kind == I)
            n_inclusion++;
          else
            n_exclusion++;
          if (c->subject == ELIGO_SUBJECT_DONOR)
            n_donor++;
          else if (c->subject == ELIGO_SUBJECT_OTHER)
            n_other++;
          if (c->context != NULL)
            n_context++;
        }
    }

  g_assert_cmpuint (n_lost, ==, 0);

  start = g_get_monotonic_time ();
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < texts->len; i++)
      {
        g_autoptr(GPtrArray) criteria = NULL;

        if (g_ptr_array_index (texts, i) == NULL)
          continue;
        criteria = eligo_criteria_split (g_ptr_array_index (texts, i));
        if (round == 0)
          {
            n_criteria += criteria->len;
            n_records++;
          }
      }
  elapsed = MAX (g_get_monotonic_time () - start, 1);

  g_test_message ("the %u registry records give %u criteria", n_corpus, n_corpus_criteria);
  g_test_message ("with the seeds, %u records give %u criteria (%u inclusions, %u exclusions; "
                  "%u about donors, %u about others; %u with context); %u records give none",
                  n_records, n_criteria, n_inclusion, n_exclusion, n_donor, n_other, n_context,
                  n_empty);
  g_test_message ("%u generic lead-ins dropped", n_leadins);
  g_test_message ("split speed: %.0f criteria per second (%.1f ms for all records)",
                  3.0 * n_criteria / (elapsed / 1e6), elapsed / 3e3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/splitter/empty", test_empty);
  g_test_add_func ("/eligo/splitter/unescape", test_unescape);
  g_test_add_func ("/eligo/splitter/seeds/NCT07072494", test_seed_nct07072494);
  g_test_add_func ("/eligo/splitter/seeds/NCT07087847", test_seed_nct07087847);
  g_test_add_func ("/eligo/splitter/seeds/NCT06389305", test_seed_nct06389305);
  g_test_add_func ("/eligo/splitter/seeds/NCT03754764", test_seed_nct03754764);
  g_test_add_func ("/eligo/splitter/seeds/NCT06585345", test_seed_nct06585345);
  g_test_add_func ("/eligo/splitter/headers", test_headers);
  g_test_add_func ("/eligo/splitter/markers", test_markers);
  g_test_add_func ("/eligo/splitter/nesting/indentation", test_nesting_indent);
  g_test_add_func ("/eligo/splitter/nesting/numbering", test_nesting_numbering);
  g_test_add_func ("/eligo/splitter/lead-ins", test_leadins);
  g_test_add_func ("/eligo/splitter/lead-ins/senses", test_leadin_senses);
  g_test_add_func ("/eligo/splitter/lead-ins/records", test_leadin_records);
  g_test_add_func ("/eligo/splitter/donors", test_donors);
  g_test_add_func ("/eligo/splitter/scopes", test_scopes);
  g_test_add_func ("/eligo/splitter/continuation", test_continuation);
  g_test_add_func ("/eligo/splitter/headerless", test_headerless);
  g_test_add_func ("/eligo/splitter/no-bullets", test_no_bullets);
  g_test_add_func ("/eligo/splitter/corpus", test_corpus);

  return g_test_run ();
}
