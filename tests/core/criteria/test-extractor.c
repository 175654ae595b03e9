/* test-extractor.c
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
#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-criteria-splitter.h"
#include "eligo-rule-extractor.h"
#include "eligo-rule.h"
#include "extractor-wordings.h"

/* Real phrasings from the seeds and the registry records (verbatim, with
 * the record they come from), and a few the brief spells out, with what
 * the extractor must make of them: those about the pipeline (exceptions,
 * negations, lead-ins, what is left unread). The wordings of each family
 * of patterns are in test-extractor-<family>.c. */
static const Wording wordings[] = {
  /* Found wrong in the precision sample: steroids that treated another
   * condition are not the patient's steroids now (NCT05078931); a viral load
   * above a number is not "detectable" (NCT06940401). */
  { E,
    "Has a history of (noninfectious) pneumonitis that required systemic steroids or current "
    "pneumonitis/interstitial lung disease.",
    NULL,
    "review" },
  /* NCT00576225 */
  { E,
    "Unstable medical conditions including unstable angina or myocardial infarction "
    "within the past 6 months before randomization.",
    NULL,
    "review" },
  /* NCT05397184 */
  { E,
    "Lactating female participants unwilling to stop breastfeeding",
    NULL,
    "review" },
  /* NCT07072494 */
  { I,
    "Female subjects of childbearing potential must have a negative serum pregnancy test "
    "(women who have undergone surgical sterilization or have been postmenopausal for at "
    "least two years are considered non-fertile). Male and female subjects of "
    "reproductive potential must agree to use contraception during the study.",
    NULL,
    "review" },
  /* NCT07072494 */
  { E,
    "Physical or cognitive conditions that impair the ability to provide informed consent "
    "or comply with study procedures, or unwillingness or inability to adhere to study "
    "requirements.",
    NULL,
    "review" },
  /* NCT04835519 */
  { E,
    "Have received organ transplantation (excluding hematopoietic stem cell "
    "transplantation);",
    NULL,
    "review" },
  /* NCT07072494 */
  { E,
    "History of or current malignancy within the past five years (excluding patients with "
    "a low risk of recurrence after curative treatment and more than five years of "
    "follow-up, as determined by the investigator).",
    NULL,
    "review" },
  /* NCT06585345 */
  { E,
    "Primary immune deficiency",
    NULL,
    "rule: primary_immunodeficiency" },
  /* NCT04571138 */
  { E,
    "Presence of primary immunodeficiency syndrome",
    NULL,
    "rule: primary_immunodeficiency" },
  /* NCT05507827 */
  { E,
    "Currently receiving corticosteroids or other immunosuppressive therapy. Topical "
    "corticosteroids or oral systemic corticosteroid doses less than or equal to 10 "
    "mg/day are allowed.",
    NULL,
    "review" },
  /* NCT02652234 */
  { E,
    "With uncontrolled ascites or pleural effusion;",
    NULL,
    "review" },
  /* NCT04265963 */
  { I,
    "No other illness may conflict with the protocol (e.g. autoimmune diseases, immune "
    "deficiency and organ transplantation；",
    NULL,
    "review" },
  /* NCT04946890 */
  { I,
    "Have normal QTcF interval on screening electrocardiogram (ECG) evaluation, defined "
    "as QTcF of ≤ 450 ms in males or ≤ 470 ms in females.",
    NULL,
    "partial: sex == male and qtc_ms <= 450 or sex == female and qtc_ms <= 470" },
  /* NCT05740449: only for the sexually active */
  { E,
    "Sexually active participants not willing to use highly effective contraceptive method (pearl "
    "index <1) as defined in CTFG HMA 2020 (Appendix II) during trial participation and until 6 "
    "months after end of antileukemic therapy.",
    NULL,
    "review" },
  /* E. Narrower than pregnant_or_lactating: read into pregnant since issue 12.
   * NCT05497310, NCT05658640, NCT05458258 */
  { E,
    "Pregnancy",
    NULL,
    "rule: pregnant" },
  { E,
    "Participants who are pregnant at the time of enrollment.",
    NULL,
    "rule: pregnant" },
  /* NCT04157569: "female" is not read. */
  { I,
    "not pregnant female",
    NULL,
    "partial: not pregnant" },
  /* NCT05645718: controlled infections are allowed */
  { E,
    "Patients with uncontrolled, active infections (viral, bacterial, or fungal). Infections "
    "controlled on concurrent anti-microbial agents are acceptable, and anti-microbial prophylaxis "
    "per institutional guidelines are acceptable.",
    NULL,
    "review" },
  /* G. Contraception and pregnancy tests never require pregnancy. NCT05645718 */
  { I,
    "Males need to inform the doctor right away if the partner becomes pregnant or suspects "
    "pregnancy. While in this study and for 30 days after the last treatment the patient should not "
    "donate sperm for the purposes of reproduction. He will need to use a condom while in this study "
    "and for 30 days after the last treatment and 5 months after the last dose of inotuzumab.",
    NULL,
    "review" },
  /* NCT05321940 */
  { I,
    "Females of childbearing potential (CBP) must have a negative pregnancy test within one week of "
    "enrollment. Women should avoid pregnancy while receiving study treatment. Males and females "
    "must agree to use adequate methods of birth control during participation in this trial and for "
    "3 months after completing therapy",
    NULL,
    "review" },
  /* NCT05942599 */
  { E,
    "Active bacterial, fungal or viral infections not controlled by standard of care anti- "
    "microbial or anti-viral treatment. Uncontrolled bacteraemia/ fungaemia is defined as the "
    "ongoing detection of bacteria/fungus on blood cultures despite antibiotic or anti-fungal "
    "therapy. Uncontrolled viraemia is defined as rising viral loads on two consecutive "
    "occasions despite antiviral therapy.",
    NULL,
    "review" },
  /* NCT01943214 */
  { E,
    "Severe mental illness, which lead to unable to fulfill the questionaire",
    NULL,
    "review" },
  /* NCT02310828 */
  { E,
    "degenerative central nervous system diseases",
    NULL,
    "review" },
  /* O. Breastfeeding that "should be avoided" or discontinued is not excluded. NCT04874480, NCT03974217 */
  { E,
    "Pregnant women are excluded from this study because the agent used in this study has the "
    "potential for teratogenic or abortifacient effects. Because there is a potential risk for "
    "adverse events in nursing infants secondary to treatment of the mother with the "
    "chemotherapy agents, breastfeeding should also be avoided",
    NULL,
    "partial: pregnant" },
  /* NCT03974217 */
  { E,
    "Pregnant women are excluded from this study because Talazoparib is a PARP inhibitor agent "
    "with the potential for teratogenic or abortifacient effects. Because there is an unknown "
    "but potential risk for adverse events in nursing infants secondary to treatment of the "
    "mother with Talazoparib, breastfeeding should be discontinued if the mother is treated with "
    "Talazoparib. These potential risks may also apply to other agents used in this study.",
    NULL,
    "partial: pregnant" },
  /* Q. A bare number "or above" is no age. NCT04325464, NCT06223893 */
  { I,
    "Insomnia as defined by an ISI score of 8 or above",
    NULL,
    "review" },
  /* NCT06223893 */
  { E,
    "Participants with ACLF grade 2 and above according to the criteria published by Moreau",
    NULL,
    "review" },
};

static void
test_wordings (void)
{
  check_wordings (wordings, G_N_ELEMENTS (wordings));
}

/* A trial that admits CNS leukemia means a neurological disorder when it
 * excludes "any CNS disorder such as a seizure disorder" (NCT05993949). */
static void
test_cns_leukemia (void)
{
  g_assert_true (eligo_rule_admits_cns_leukemia ("Patients with isolated, asymptomatic CNS relapse will be eligible"));
  g_assert_true (eligo_rule_admits_cns_leukemia ("Patients with asymptomatic CNS leukemia are eligible (see also "
                                                 "Exclusion Criterion 3.2.2.)"));
  g_assert_true (eligo_rule_admits_cns_leukemia ("Evidence of active central nervous system leukemia at the time of "
                                                 "enrollment as evidenced by cytology or pathology. Except for "
                                                 "participants aged 1 to 17 years, central nervous system 1 "
                                                 "disease (CNS1) and CNS2 disease are allowed."));
  g_assert_false (eligo_rule_admits_cns_leukemia ("Patients with active, uncontrolled central nervous system (CNS) "
                                                  "leukemia will not be eligible"));
  g_assert_false (eligo_rule_admits_cns_leukemia ("History or presence of any CNS disorder such as a seizure "
                                                  "disorder, cerebrovascular ischemia/hemorrhage with clinical "
                                                  "signs or symptoms"));
}

/* Seeds and the gold table */

static char *
load_eligibility (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  if (!json_parser_load_from_file (parser, path, &error))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (object == NULL || !json_object_has_member (object, "protocolSection"))
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
source_path (const char *first,
             ...)
{
  const char *source = g_getenv ("ELIGO_SOURCE_DIR");
  GPtrArray *parts = g_ptr_array_new ();
  char *path;
  va_list args;

  g_assert_nonnull (source);
  g_ptr_array_add (parts, (gpointer) source);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return path;
}

static void
test_gold (void)
{
  g_autofree char *gold_path = source_path ("tests", "gold", "seed-criteria.tsv", NULL);
  g_autofree char *gold = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) got = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) trials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint compared = 0;
  guint failures = 0;
  GHashTableIter iter;
  gpointer key;

  g_assert_true (g_file_get_contents (gold_path, &gold, NULL, NULL));
  lines = g_strsplit (gold, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) id_parts = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      if (g_str_has_prefix (fields[2], "(structured)"))
        continue;
      g_hash_table_insert (expected, g_strdup (fields[0]), g_strdup (fields[1]));
      g_ptr_array_add (order, g_strdup (fields[0]));
      id_parts = g_strsplit (fields[0], "/", 2);
      g_hash_table_add (trials, g_strdup (id_parts[0]));
    }
  g_assert_cmpuint (order->len, >, 90);

  g_hash_table_iter_init (&iter, trials);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *nct_id = key;
      g_autofree char *name = g_strconcat (nct_id, ".json", NULL);
      g_autofree char *path = source_path ("data", "seeds", name, NULL);
      g_autofree char *eligibility = load_eligibility (path);
      g_autoptr(GPtrArray) criteria = NULL;
      guint n_inclusions = 0;
      guint n_exclusions = 0;

      g_assert_nonnull (eligibility);
      criteria = eligo_criteria_split (eligibility);
      for (guint i = 0; i < criteria->len; i++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, i);
          g_autoptr(EligoExtraction) extraction = NULL;
          char *id;

          if (c->kind == ELIGO_CRITERION_INCLUSION)
            id = g_strdup_printf ("%s/I%u", nct_id, ++n_inclusions);
          else
            id = g_strdup_printf ("%s/E%u", nct_id, ++n_exclusions);
          extraction = eligo_rule_extract (c->kind, c->text, c->context);
          if (extraction->rule != NULL)
            check_round_trip (extraction->rule, id);
          g_hash_table_insert (texts, g_strdup (id), g_strdup (c->text));
          g_hash_table_insert (got, id, describe (extraction));
          if (g_test_verbose ())
            g_test_message ("%s\t%s\t%s", id, (char *) g_hash_table_lookup (got, id), extraction->reason);
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      const char *want = g_hash_table_lookup (expected, id);
      const char *have = g_hash_table_lookup (got, id);

      compared++;
      if (g_strcmp0 (want, have) != 0)
        {
          g_test_message ("%s\n  gold: %s\n  got:  %s\n  text: %s", id, want, have,
                          (const char *) g_hash_table_lookup (texts, id));
          failures++;
        }
    }

  g_test_message ("gold: %u of %u criteria match exactly", compared - failures, compared);
  g_assert_cmpuint (failures, ==, 0);
}

/* Figures over the registry records, for the lead: not assertions. */

static gboolean
is_acute_leukemia (JsonObject *protocol)
{
  static GRegex *regex = NULL;
  JsonObject *conditions;
  JsonArray *list;

  if (regex == NULL)
    regex = g_regex_new ("leuk|\\bALL\\b|\\bAML\\b", G_REGEX_CASELESS, 0, NULL);
  if (!json_object_has_member (protocol, "conditionsModule"))
    return FALSE;
  conditions = json_object_get_object_member (protocol, "conditionsModule");
  if (!json_object_has_member (conditions, "conditions"))
    return FALSE;
  list = json_object_get_array_member (conditions, "conditions");
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (g_regex_match (regex, json_array_get_string_element (list, i), 0, NULL))
      return TRUE;
  return FALSE;
}

static void
test_corpus (void)
{
  const char *shared = g_getenv ("ELIGO_TEST_DATA_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) eligibilities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) leukemia = g_array_new (FALSE, FALSE, sizeof (gboolean));
  const char *name;
  guint n_criteria = 0, n_rule = 0, n_partial = 0;
  guint n_all = 0;
  guint n_leukemia = 0;
  gint64 start, elapsed;

  if (shared == NULL)
    {
      g_test_skip ("ELIGO_TEST_DATA_DIR not set");
      return;
    }
  dir = g_build_filename (shared, "ctgov", "studies", NULL);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    {
      g_test_skip ("no registry records");
      return;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object, *protocol, *eligibility;
      gboolean is_leukemia;

      if (!g_str_has_suffix (name, ".json") || !json_parser_load_from_file (parser, path, NULL))
        continue;
      object = json_node_get_object (json_parser_get_root (parser));
      if (object == NULL || !json_object_has_member (object, "protocolSection"))
        continue;
      protocol = json_object_get_object_member (object, "protocolSection");
      if (!json_object_has_member (protocol, "eligibilityModule"))
        continue;
      eligibility = json_object_get_object_member (protocol, "eligibilityModule");
      if (!json_object_has_member (eligibility, "eligibilityCriteria"))
        continue;
      is_leukemia = is_acute_leukemia (protocol);
      g_ptr_array_add (eligibilities, g_strdup (json_object_get_string_member (eligibility, "eligibilityCriteria")));
      g_array_append_val (leukemia, is_leukemia);
    }

  /* The acute-leukemia records: what share gets a rule. */
  for (guint i = 0; i < eligibilities->len; i++)
    {
      g_autoptr(GPtrArray) criteria = NULL;

      if (!g_array_index (leukemia, gboolean, i))
        continue;
      n_leukemia++;
      criteria = eligo_criteria_split (g_ptr_array_index (eligibilities, i));
      for (guint j = 0; j < criteria->len; j++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, j);
          g_autoptr(EligoExtraction) extraction = NULL;

          if (c->subject != ELIGO_SUBJECT_PATIENT)
            continue;
          extraction = eligo_rule_extract (c->kind, c->text, c->context);
          n_criteria++;
          if (extraction->rule != NULL)
            {
              check_round_trip (extraction->rule, c->text);
              n_rule++;
              if (extraction->partial)
                n_partial++;
            }
          if (g_test_verbose () && extraction->rule != NULL)
            g_test_message ("%s\t%s\t%s\t%s", c->kind == I ? "I" : "E",
                            extraction->partial ? "partial" : "rule", extraction->rule, c->text);
        }
    }

  /* Speed: split and extract every record. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < eligibilities->len; i++)
    {
      g_autoptr(GPtrArray) criteria = eligo_criteria_split (g_ptr_array_index (eligibilities, i));

      for (guint j = 0; j < criteria->len; j++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, j);

          eligo_extraction_free (eligo_rule_extract (c->kind, c->text, c->context));
          n_all++;
        }
    }
  elapsed = MAX (g_get_monotonic_time () - start, 1);

  g_test_message ("acute leukemia: %u records, %u criteria; with a rule %.1f%% (full %.1f%%, partial %.1f%%)",
                  n_leukemia, n_criteria,
                  n_criteria > 0 ? 100.0 * n_rule / n_criteria : 0.0,
                  n_criteria > 0 ? 100.0 * (n_rule - n_partial) / n_criteria : 0.0,
                  n_criteria > 0 ? 100.0 * n_partial / n_criteria : 0.0);
  g_test_message ("all %u records: %u criteria split and extracted in %.3f s: %.0f criteria/s",
                  eligibilities->len, n_all, elapsed / 1e6, n_all * 1e6 / elapsed);
}

/* Multi-byte characters: the extractor steps back from an atom by a byte
 * count and slices around it; every slice must stay valid UTF-8 (GRegex
 * crashed on one that began inside "é"). */

static void
check_extraction_utf8 (EligoCriterionKind  kind,
                       const char         *text,
                       const char         *context)
{
  g_autoptr(EligoExtraction) extraction = eligo_rule_extract (kind, text, context);

  if (extraction->rule != NULL)
    g_assert_true (g_utf8_validate (extraction->rule, -1, NULL));
  if (extraction->reason != NULL)
    g_assert_true (g_utf8_validate (extraction->reason, -1, NULL));
}

static void
test_multibyte_reproducer (void)
{
  const char *eligibility =
    "Inclusion Criteria:\n\n* \xc3\xa9Willing to provide informed consent/assent and havleeag ldua grian "
    "w=illing to provide informed consent (if required)\n\nExclusion Criteria:\n\n* None";
  g_autoptr(GPtrArray) criteria = eligo_criteria_split (eligibility);

  g_assert_cmpuint (criteria->len, >, 0);
  for (guint j = 0; j < criteria->len; j++)
    {
      EligoCriterionText *c = g_ptr_array_index (criteria, j);

      check_extraction_utf8 (c->kind, c->text, c->context);
    }
  check_extraction_utf8 (I, "\xc3\xa9Willing to provide informed consent/assent and havleeag ldua grian "
                         "w=illing to provide informed consent (if required)", NULL);
}

static void
test_multibyte_corpus (void)
{
  static const char *const wide[] = { "\xc3\xa9", "\xe2\x89\xa5", "\xe4\xb8\xad" };
  const char *shared = g_getenv ("ELIGO_TEST_DATA_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;
  guint n = 0;

  if (shared == NULL)
    {
      g_test_skip ("ELIGO_TEST_DATA_DIR not set");
      return;
    }
  dir = g_build_filename (shared, "ctgov", "studies", NULL);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    {
      g_test_skip ("no registry records");
      return;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *eligibility = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      eligibility = load_eligibility (path);
      if (eligibility == NULL)
        continue;
      criteria = eligo_criteria_split (eligibility);
      for (guint j = 0; j < criteria->len; j++)
        {
          EligoCriterionText *c = g_ptr_array_index (criteria, j);
          const char *ch = wide[(n++) % G_N_ELEMENTS (wide)];
          glong n_chars = g_utf8_strlen (c->text, -1);
          /* At the start, one character in, in the middle, near the end. */
          glong at[] = { 0, MIN (1, n_chars), n_chars / 2, MAX (0, n_chars - 3) };

          for (guint k = 0; k < G_N_ELEMENTS (at); k++)
            {
              const char *cut = g_utf8_offset_to_pointer (c->text, at[k]);
              g_autofree char *text = g_strdup_printf ("%.*s%s%s", (int) (cut - c->text), c->text, ch, cut);

              check_extraction_utf8 (c->kind, text, c->context);
            }
        }
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/extractor/wordings", test_wordings);
  g_test_add_func ("/eligo/extractor/gold", test_gold);
  g_test_add_func ("/eligo/extractor/cns-leukemia", test_cns_leukemia);
  g_test_add_func ("/eligo/extractor/corpus", test_corpus);
  g_test_add_func ("/eligo/extractor/multibyte-reproducer", test_multibyte_reproducer);
  g_test_add_func ("/eligo/extractor/multibyte-corpus", test_multibyte_corpus);

  return g_test_run ();
}
