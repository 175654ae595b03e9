/* test-fhir.c
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
 * Patient facts from FHIR R4: the six Synthea bundles of tests/data/fhir,
 * checked against what the test itself reads from each bundle (newest
 * Observation per code, unit conversion, the freshness window); unit
 * conversions; ULNs from reference ranges and preferences; leukocytes never
 * read as neutrophils; broken files refused with their name.
 */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "eligo-fhir-codes.h"
#include "eligo-fhir-reader.h"
#include "eligo-patient.h"
#include "eligo-test-utils.h"

static const char * const bundles[] = {
  "Bo157_Schamberger479_4b92323f-e119-4176-ba06-42c8b847f756.json",
  "Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json",
  "Liz_Conn_27c911c6-f045-4ffa-af5d-6eba57ac94b2.json",
  "Lupe_Little_f8a42e66-8c03-4ee6-85e3-3817c2942de1.json",
  "Mckinley734_Kilback373_e40c5bea-673e-43e5-b000-495bff41f444.json",
  "Moses679_Schoen8_2eeddeb0-8793-4283-803b-c8085fc0da7d.json",
};

/* The test's own reading of the codes these bundles use: code, variable,
 * the unit Synthea writes and the factor to the variable's unit. Written
 * from variables.md and the conversions it names, not from the reader. */
static const struct {
  const char *loinc;
  const char *variable;
  const char *unit;
  double      factor;
} expected_codes[] = {
  { "718-7", "hemoglobin_g_l", "g/dL", 10 },
  { "777-3", "platelets_10e9_l", "10*3/uL", 1 },
  { "29463-7", "weight_kg", "kg", 1 },
  { "8302-2", "height_cm", "cm", 1 },
  { "38483-4", "creatinine_umol_l", "mg/dL", 88.42 },
  { "6299-2", "bun_mmol_l", "mg/dL", 0.357 },
  { "1975-2", "bilirubin_umol_l", "mg/dL", 17.1 },
  { "1742-6", "alt_u_l", "U/L", 1 },
  { "1920-8", "ast_u_l", "U/L", 1 },
  { "8480-6", "systolic_bp_mmhg", "mm[Hg]", 1 },
  { "8462-4", "diastolic_bp_mmhg", "mm[Hg]", 1 },
};

typedef struct
{
  const char *variable;
  double      value;     /* converted */
  char        date[11];
  char        when[40];  /* effectiveDateTime, to find the newest */
  gint64      instant;
} Expected;

static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static GDate
date_of (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));
  return date;
}

static void
options_at (EligoFhirOptions *options,
            const GDate      *as_of)
{
  eligo_fhir_options_init (options);
  options->as_of = *as_of;
}

/* Every (variable, value, date) the bundle gives for our codes. */
static GArray *
observations_of (JsonNode *root)
{
  GArray *all = g_array_new (FALSE, TRUE, sizeof (Expected));
  JsonArray *entries = json_object_get_array_member (json_node_get_object (root), "entry");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i),
                                                            "resource");
      GPtrArray *holders = g_ptr_array_new ();
      const char *when;
      g_autoptr(GDateTime) time = NULL;

      if (strcmp (json_object_get_string_member (resource, "resourceType"), "Observation") != 0 ||
          strcmp (json_object_get_string_member (resource, "status"), "final") != 0)
        {
          g_ptr_array_unref (holders);
          continue;
        }
      when = json_object_get_string_member (resource, "effectiveDateTime");
      time = g_date_time_new_from_iso8601 (when, NULL);
      g_assert_nonnull (time);

      g_ptr_array_add (holders, resource);
      if (json_object_has_member (resource, "component"))
        {
          JsonArray *components = json_object_get_array_member (resource, "component");

          for (guint k = 0; k < json_array_get_length (components); k++)
            g_ptr_array_add (holders, json_array_get_object_element (components, k));
        }

      for (guint h = 0; h < holders->len; h++)
        {
          JsonObject *holder = g_ptr_array_index (holders, h);
          JsonArray *codings = json_object_get_array_member (json_object_get_object_member (holder,
                                                                                            "code"),
                                                             "coding");
          const char *code = json_object_get_string_member (json_array_get_object_element (codings, 0),
                                                            "code");

          for (guint c = 0; c < G_N_ELEMENTS (expected_codes); c++)
            {
              JsonObject *quantity;
              Expected item = { 0 };

              if (strcmp (expected_codes[c].loinc, code) != 0)
                continue;
              quantity = json_object_get_object_member (holder, "valueQuantity");
              /* Synthea writes blood pressure in mm[Hg] (UCUM) or mmHg. */
              if (strcmp (expected_codes[c].unit, "mm[Hg]") != 0 ||
                  strcmp (json_object_get_string_member (quantity, "code"), "mmHg") != 0)
                g_assert_cmpstr (json_object_get_string_member (quantity, "code"), ==,
                                 expected_codes[c].unit);
              item.variable = expected_codes[c].variable;
              item.value = json_object_get_double_member (quantity, "value") *
                           expected_codes[c].factor;
              memcpy (item.date, when, 10);
              g_strlcpy (item.when, when, sizeof item.when);
              item.instant = g_date_time_to_unix (time);
              g_array_append_val (all, item);
            }
        }
      g_ptr_array_unref (holders);
    }

  return all;
}

/* Per variable, the newest Observation within (fresh) or beyond (stale)
 * the window before @as_of; later ones do not count. */
static void
expect_at (GArray      *all,
           const GDate *as_of,
           guint        window,
           GHashTable  *fresh,
           GHashTable  *stale)
{
  for (guint i = 0; i < all->len; i++)
    {
      Expected *item = &g_array_index (all, Expected, i);
      GDate date = date_of (item->date);
      int days = g_date_days_between (&date, as_of);
      GHashTable *table;
      Expected *known;

      if (days < 0)
        continue;
      table = (guint) days <= window ? fresh : stale;
      known = g_hash_table_lookup (table, item->variable);
      if (known == NULL || item->instant > known->instant)
        g_hash_table_replace (table, (gpointer) item->variable, item);
    }

  /* A variable with a fresh value has no stale one listed. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, fresh);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_remove (stale, key);
  }
}

static const EligoFhirItem *
find_item (GPtrArray  *items,
           const char *variable)
{
  for (guint i = 0; i < items->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (items, i);

      if (strcmp (item->variable, variable) == 0)
        return item;
    }

  return NULL;
}

static void
assert_close (double a,
              double b)
{
  g_assert_cmpfloat (fabs (a - b), <=, 1e-9 * MAX (1.0, fabs (b)));
}

/* Age the plain way: completed years, plus the part of the current year. */
static double
expected_age (const char  *birth_text,
              const GDate *as_of)
{
  GDate birth = date_of (birth_text);
  GDate last, next;
  guint years = g_date_get_year (as_of) - g_date_get_year (&birth);

  if (g_date_get_month (as_of) < g_date_get_month (&birth) ||
      (g_date_get_month (as_of) == g_date_get_month (&birth) &&
       g_date_get_day (as_of) < g_date_get_day (&birth)))
    years--;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_get_day (&birth), g_date_get_month (&birth),
                  g_date_get_year (&birth) + years);
  next = last;
  g_date_add_years (&next, 1);

  return floor (10 * (years + (double) g_date_days_between (&last, as_of) /
                      g_date_days_between (&last, &next)) + 1e-9) / 10;
}

static void
check_bundle_at (const char  *name,
                 JsonNode    *root,
                 GArray      *all,
                 const GDate *as_of)
{
  g_autofree char *path = eligo_test_data_path ("fhir", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GHashTable) fresh = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stale = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  EligoFhirOptions options;
  JsonObject *patient = NULL;
  JsonArray *entries = json_object_get_array_member (json_node_get_object (root), "entry");
  const EligoFhirItem *item;
  GHashTableIter iter;
  gpointer key, value;
  guint n_facts;

  options_at (&options, as_of);
  facts = eligo_fhir_read_file (file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (facts);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i),
                                                            "resource");

      if (strcmp (json_object_get_string_member (resource, "resourceType"), "Patient") == 0)
        patient = resource;
    }
  g_assert_nonnull (patient);
  g_assert_cmpstr (eligo_fhir_facts_get_id (facts), ==, json_object_get_string_member (patient, "id"));

  item = eligo_fhir_facts_lookup (facts, "age_years");
  g_assert_nonnull (item);
  assert_close (item->value.number,
                expected_age (json_object_get_string_member (patient, "birthDate"), as_of));
  g_assert_cmpstr (item->field, ==, "Patient.birthDate");
  item = eligo_fhir_facts_lookup (facts, "sex");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->value.symbol, ==, json_object_get_string_member (patient, "gender"));

  expect_at (all, as_of, ELIGO_FHIR_DEFAULT_WINDOW_DAYS, fresh, stale);

  /* Every expected fact, with its source; nothing else but age and sex. */
  n_facts = 2;
  g_hash_table_iter_init (&iter, fresh);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Expected *expected = value;

      item = eligo_fhir_facts_lookup (facts, key);
      g_assert_nonnull (item);
      assert_close (item->value.number, expected->value);
      g_assert_cmpstr (item->date, ==, expected->date);
      g_assert_nonnull (item->loinc);
      g_assert_true (item->has_number);
      g_assert_nonnull (item->unit);
      n_facts++;
    }
  g_assert_cmpuint (eligo_fhir_facts_get_facts (facts)->len, ==, n_facts);

  /* Stale: exactly the expected variables, with their dates; never facts. */
  g_assert_cmpuint (eligo_fhir_facts_get_stale (facts)->len, ==, g_hash_table_size (stale));
  g_hash_table_iter_init (&iter, stale);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Expected *expected = value;

      item = find_item (eligo_fhir_facts_get_stale (facts), key);
      g_assert_nonnull (item);
      g_assert_cmpstr (item->date, ==, expected->date);
      assert_close (item->value.number, expected->value);
      g_assert_null (eligo_fhir_facts_lookup (facts, key));
    }

  /* Leukocytes (6690-2, in every bundle) are never a neutrophil count. */
  g_assert_null (eligo_fhir_facts_lookup (facts, "anc_10e9_l"));
  g_assert_null (find_item (eligo_fhir_facts_get_stale (facts), "anc_10e9_l"));
  g_assert_null (find_item (eligo_fhir_facts_get_unused (facts), "anc_10e9_l"));
}

static void
test_synthea_bundles (void)
{
  for (guint b = 0; b < G_N_ELEMENTS (bundles); b++)
    {
      g_autofree char *path = eligo_test_data_path ("fhir", bundles[b], NULL);
      g_autoptr(JsonNode) root = parse_file (path);
      g_autoptr(GArray) all = observations_of (root);
      GDate newest, today;

      g_assert_cmpuint (all->len, >, 0);
      newest = date_of (g_array_index (all, Expected, 0).date);
      for (guint i = 1; i < all->len; i++)
        {
          GDate date = date_of (g_array_index (all, Expected, i).date);

          if (g_date_compare (&date, &newest) > 0)
            newest = date;
        }

      /* Just after the newest Observation: it is fresh, older ones may be stale. */
      g_date_add_days (&newest, 1);
      check_bundle_at (bundles[b], root, all, &newest);

      /* Today: everything is stale. */
      today = date_of ("2026-12-07");
      check_bundle_at (bundles[b], root, all, &today);
    }
}

static void
test_conversions (void)
{
  const struct {
    EligoFhirKind kind;
    const char   *unit;
    double        value;
    double        result;
  } ok[] = {
    { ELIGO_FHIR_KIND_HEMOGLOBIN, "g/dL", 13.25, 132.5 },
    { ELIGO_FHIR_KIND_HEMOGLOBIN, "g/L", 120, 120 },
    { ELIGO_FHIR_KIND_COUNT, "10*3/uL", 160, 160 },
    { ELIGO_FHIR_KIND_COUNT, "10*9/L", 1.5, 1.5 },
    { ELIGO_FHIR_KIND_COUNT, "/uL", 1500, 1.5 },
    { ELIGO_FHIR_KIND_CREATININE, "mg/dL", 1, 88.42 },
    { ELIGO_FHIR_KIND_CREATININE, "umol/L", 70, 70 },
    { ELIGO_FHIR_KIND_CREATININE, "mmol/L", 0.07, 70 },
    { ELIGO_FHIR_KIND_BILIRUBIN, "mg/dL", 1, 17.1 },
    { ELIGO_FHIR_KIND_ENZYME, "U/L", 40, 40 },
    { ELIGO_FHIR_KIND_ENZYME, "ukat/L", 0.5, 30 },
    { ELIGO_FHIR_KIND_UREA_NITROGEN, "mg/dL", 20, 7.14 },
    { ELIGO_FHIR_KIND_WEIGHT, "[lb_av]", 100, 45.359237 },
    { ELIGO_FHIR_KIND_WEIGHT, "g", 70000, 70 },
    { ELIGO_FHIR_KIND_HEIGHT, "[in_i]", 70, 177.8 },
    { ELIGO_FHIR_KIND_HEIGHT, "m", 1.8, 180 },
    { ELIGO_FHIR_KIND_DURATION, "s", 0.44, 440 },
    { ELIGO_FHIR_KIND_PRESSURE, "mm[Hg]", 120, 120 },
    { ELIGO_FHIR_KIND_PERCENT, "%", 55, 55 },
    { ELIGO_FHIR_KIND_SCORE, NULL, 1, 1 },
    { ELIGO_FHIR_KIND_SCORE, "{score}", 90, 90 },
  };
  const struct {
    EligoFhirKind kind;
    const char   *unit;
  } refused[] = {
    { ELIGO_FHIR_KIND_HEMOGLOBIN, "mmol/L" },
    { ELIGO_FHIR_KIND_COUNT, "10*6/uL" },
    { ELIGO_FHIR_KIND_COUNT, "%" },
    { ELIGO_FHIR_KIND_CREATININE, "mg/L" },
    { ELIGO_FHIR_KIND_ENZYME, "mg/dL" },
    { ELIGO_FHIR_KIND_WEIGHT, "cm" },
    { ELIGO_FHIR_KIND_PERCENT, NULL },
    { ELIGO_FHIR_KIND_PRESENCE, "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      double result = 0;

      g_assert_true (eligo_fhir_convert (ok[i].kind, ok[i].unit, ok[i].value, &result));
      g_assert_cmpfloat_with_epsilon (result, ok[i].result, 1e-9);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      double result = 0;

      g_assert_false (eligo_fhir_convert (refused[i].kind, refused[i].unit, 1, &result));
    }

  /* Never leukocytes as neutrophils: 6690-2 is not read at all. */
  g_assert_null (eligo_fhir_code_lookup ("6690-2"));
  g_assert_cmpstr (eligo_fhir_code_lookup ("751-8")->variable, ==, "anc_10e9_l");
}

/* A bundle of one Patient and the given Observation resources. */
static char *
bundle (const char *type,
        const char *observations)
{
  return g_strdup_printf ("{\"resourceType\": \"Bundle\", \"type\": \"%s\", \"entry\": ["
                          "{\"fullUrl\": \"urn:uuid:p1\", \"resource\": {\"resourceType\": "
                          "\"Patient\", \"id\": \"p1\", \"gender\": \"female\", "
                          "\"birthDate\": \"1990-06-15\"}}%s%s]}",
                          type, observations[0] != '\0' ? "," : "", observations);
}

static char *
observation (const char *code,
             const char *date,
             const char *value)
{
  return g_strdup_printf ("{\"resource\": {\"resourceType\": \"Observation\", \"status\": "
                          "\"final\", \"subject\": {\"reference\": \"urn:uuid:p1\"}, "
                          "\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", "
                          "\"code\": \"%s\"}]}, \"effectiveDateTime\": \"%s\", %s}}",
                          code, date, value);
}

static EligoFhirFacts *
read_text (const char              *json,
           const EligoFhirOptions  *options,
           GError                 **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return eligo_fhir_read_json (json_parser_get_root (parser), options, error);
}

static void
default_options (EligoFhirOptions *options)
{
  GDate as_of = date_of ("2026-12-07");

  options_at (options, &as_of);
}

static void
test_reference_range (void)
{
  g_autofree char *creatinine = observation ("2160-0", "2026-12-01T08:00:00+01:00",
                                             "\"valueQuantity\": {\"value\": 1.5, \"unit\": \"mg/dL\", "
                                             "\"system\": \"http://unitsofmeasure.org\", \"code\": "
                                             "\"mg/dL\"}, \"referenceRange\": [{\"low\": {\"value\": "
                                             "0.6, \"code\": \"mg/dL\"}, \"high\": {\"value\": 1.2, "
                                             "\"unit\": \"mg/dL\", \"code\": \"mg/dL\"}}]");
  /* ALT with its limit in another unit of the same dimension; AST with only
   * a therapeutic range, so the preference applies. */
  g_autofree char *alt = observation ("1742-6", "2026-12-01",
                                      "\"valueQuantity\": {\"value\": 80, \"code\": \"U/L\"}, "
                                      "\"referenceRange\": [{\"high\": {\"value\": 0.8, "
                                      "\"code\": \"ukat/L\"}}]");
  g_autofree char *ast = observation ("1920-8", "2026-12-01",
                                      "\"valueQuantity\": {\"value\": 60, \"code\": \"U/L\"}, "
                                      "\"referenceRange\": [{\"type\": {\"coding\": [{\"code\": "
                                      "\"therapeutic\"}]}, \"high\": {\"value\": 100, \"code\": "
                                      "\"U/L\"}}]");
  g_autofree char *all = g_strjoin (",", creatinine, alt, ast, NULL);
  g_autofree char *json = bundle ("collection", all);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(EligoFhirFacts) without = NULL;
  g_autoptr(GError) error = NULL;
  const EligoFhirItem *item;
  EligoFhirOptions options;

  default_options (&options);
  options.ulns.ast_u_l = 40;
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);

  item = eligo_fhir_facts_lookup (facts, "creatinine_x_uln");
  g_assert_nonnull (item);
  assert_close (item->value.number, 1.25);
  g_assert_cmpint (item->uln_source, ==, ELIGO_ULN_SOURCE_REFERENCE_RANGE);
  item = eligo_fhir_facts_lookup (facts, "creatinine_uln_umol_l");
  assert_close (item->value.number, 1.2 * 88.42);
  g_assert_cmpint (item->uln_source, ==, ELIGO_ULN_SOURCE_REFERENCE_RANGE);
  assert_close (item->number, 1.2);
  assert_close (eligo_fhir_facts_lookup (facts, "creatinine_umol_l")->value.number, 1.5 * 88.42);

  item = eligo_fhir_facts_lookup (facts, "alt_x_uln");
  assert_close (item->value.number, 80.0 / 48.0);
  g_assert_cmpint (item->uln_source, ==, ELIGO_ULN_SOURCE_REFERENCE_RANGE);

  item = eligo_fhir_facts_lookup (facts, "ast_x_uln");
  assert_close (item->value.number, 1.5);
  g_assert_cmpint (item->uln_source, ==, ELIGO_ULN_SOURCE_PREFERENCES);
  g_assert_cmpint (eligo_fhir_facts_lookup (facts, "ast_uln_u_l")->uln_source, ==,
                   ELIGO_ULN_SOURCE_PREFERENCES);

  /* No range and no preference: the raw value is a fact, the multiple unknown. */
  default_options (&options);
  without = read_text (json, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (eligo_fhir_facts_lookup (without, "ast_u_l"));
  g_assert_null (eligo_fhir_facts_lookup (without, "ast_x_uln"));
  item = find_item (eligo_fhir_facts_get_unused (without), "ast_x_uln");
  g_assert_nonnull (item);
  g_assert_nonnull (item->reason);
}

static void
test_leukocytes_not_anc (void)
{
  g_autofree char *wbc = observation ("6690-2", "2026-12-06",
                                      "\"valueQuantity\": {\"value\": 6.1, \"code\": \"10*3/uL\"}");
  g_autofree char *json = bundle ("searchset", wbc);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  EligoFhirOptions options;

  default_options (&options);
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);
  g_assert_null (eligo_fhir_facts_lookup (facts, "anc_10e9_l"));
  g_assert_cmpuint (eligo_fhir_facts_get_facts (facts)->len, ==, 2);
  g_assert_cmpuint (eligo_fhir_facts_get_stale (facts)->len, ==, 0);
  g_assert_cmpuint (eligo_fhir_facts_get_unused (facts)->len, ==, 0);
}

/* fuzz-fhir: a value beyond a double (1.91e308 reads as infinity) was kept
 * as the unused item's number, and would have been written out as "inf". */
static void
test_infinite_value (void)
{
  g_autofree char *anc = observation ("751-8", "2026-12-06",
                                      "\"valueQuantity\": {\"value\": 1.91e308, \"code\": \"10*9/L\"}");
  g_autofree char *json = bundle ("searchset", anc);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) printed = NULL;
  g_autofree char *text = NULL;
  GPtrArray *unused;
  EligoFhirOptions options;

  default_options (&options);
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);
  g_assert_null (eligo_fhir_facts_lookup (facts, "anc_10e9_l"));
  unused = eligo_fhir_facts_get_unused (facts);
  for (guint i = 0; i < unused->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (unused, i);

      g_assert_true (!item->has_number || isfinite (item->number));
    }

  /* What facts --format json prints reads back. */
  printed = eligo_fhir_facts_to_json (facts);
  text = json_to_string (printed, FALSE);
  g_assert_null (strstr (text, "inf"));
  g_clear_pointer (&printed, json_node_unref);
  printed = json_from_string (text, &error);
  g_assert_no_error (error);
}

static void
test_window (void)
{
  g_autofree char *edge = observation ("718-7", "2026-11-07", "\"valueQuantity\": {\"value\": "
                                       "12.0, \"code\": \"g/dL\"}");
  g_autofree char *old = observation ("777-3", "2026-11-06", "\"valueQuantity\": {\"value\": "
                                      "150, \"code\": \"10*3/uL\"}");
  g_autofree char *later = observation ("751-8", "2026-12-08", "\"valueQuantity\": {\"value\": "
                                        "1.2, \"code\": \"10*9/L\"}");
  g_autofree char *older = observation ("751-8", "2026-12-01", "\"valueQuantity\": {\"value\": "
                                        "0.9, \"code\": \"10*9/L\"}");
  g_autofree char *newer = observation ("751-8", "2026-12-03T10:00:00Z", "\"valueQuantity\": "
                                        "{\"value\": 1500, \"code\": \"/uL\"}");
  g_autofree char *all = g_strjoin (",", edge, old, later, older, newer, NULL);
  g_autofree char *json = bundle ("transaction", all);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(EligoFhirFacts) week = NULL;
  g_autoptr(GError) error = NULL;
  const EligoFhirItem *item;
  EligoFhirOptions options;

  default_options (&options);
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);

  /* 30 days before is inside the window, 31 is stale. */
  assert_close (eligo_fhir_facts_lookup (facts, "hemoglobin_g_l")->value.number, 120);
  g_assert_null (eligo_fhir_facts_lookup (facts, "platelets_10e9_l"));
  item = find_item (eligo_fhir_facts_get_stale (facts), "platelets_10e9_l");
  g_assert_cmpstr (item->date, ==, "2026-11-06");
  g_assert_nonnull (item->reason);

  /* The newest within the window wins; one after the screening date did not exist yet. */
  item = eligo_fhir_facts_lookup (facts, "anc_10e9_l");
  assert_close (item->value.number, 1.5);
  g_assert_cmpstr (item->date, ==, "2026-12-03");
  g_assert_cmpstr (item->unit, ==, "/uL");

  /* The window is a parameter. */
  default_options (&options);
  options.window_days = 5;
  week = read_text (json, &options, &error);
  g_assert_no_error (error);
  assert_close (eligo_fhir_facts_lookup (week, "anc_10e9_l")->value.number, 1.5);
  g_assert_null (eligo_fhir_facts_lookup (week, "hemoglobin_g_l"));
  g_assert_nonnull (find_item (eligo_fhir_facts_get_stale (week), "hemoglobin_g_l"));
}

static void
test_unused_values (void)
{
  g_autofree char *unit = observation ("718-7", "2026-12-01", "\"valueQuantity\": {\"value\": "
                                       "8.1, \"code\": \"mmol/L\"}");
  g_autofree char *bound = observation ("1975-2", "2026-12-01", "\"valueQuantity\": {\"value\": "
                                        "0.2, \"comparator\": \"<\", \"code\": \"mg/dL\"}");
  g_autofree char *partial = observation ("777-3", "2026-12", "\"valueQuantity\": {\"value\": "
                                          "200, \"code\": \"10*3/uL\"}");
  g_autofree char *absurd = observation ("29463-7", "2026-12-01", "\"valueQuantity\": {\"value\": "
                                         "0.2, \"code\": \"kg\"}");
  g_autofree char *oxygen = g_strdup ("{\"resource\": {\"resourceType\": \"Observation\", "
                                      "\"status\": \"final\", \"code\": {\"coding\": [{\"system\": "
                                      "\"http://loinc.org\", \"code\": \"59408-5\"}]}, "
                                      "\"effectiveDateTime\": \"2026-12-05\", \"valueQuantity\": "
                                      "{\"value\": 97, \"code\": \"%\"}, \"component\": [{\"code\": "
                                      "{\"coding\": [{\"system\": \"http://loinc.org\", \"code\": "
                                      "\"3151-8\"}]}, \"valueQuantity\": {\"value\": 2, \"code\": "
                                      "\"L/min\"}}]}}");
  g_autofree char *all = g_strjoin (",", unit, bound, partial, absurd, oxygen, NULL);
  g_autofree char *json = bundle ("collection", all);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  const char * const variables[] = {
    "hemoglobin_g_l", "bilirubin_umol_l", "platelets_10e9_l", "weight_kg", "spo2_pct",
  };
  EligoFhirOptions options;

  default_options (&options);
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const EligoFhirItem *item = find_item (eligo_fhir_facts_get_unused (facts), variables[i]);

      g_assert_null (eligo_fhir_facts_lookup (facts, variables[i]));
      g_assert_nonnull (item);
      g_assert_nonnull (item->reason);
    }
  g_assert_cmpstr (find_item (eligo_fhir_facts_get_unused (facts), "hemoglobin_g_l")->unit, ==,
                   "mmol/L");
}

static void
test_infections (void)
{
  g_autofree char *hiv = observation ("56888-1", "2026-12-01", "\"valueCodeableConcept\": "
                                      "{\"coding\": [{\"system\": \"http://loinc.org\", \"code\": "
                                      "\"LA6577-6\", \"display\": \"Negative\"}]}");
  g_autofree char *hbsag = observation ("5196-1", "2026-12-01", "\"valueString\": \"Positive\"");
  g_autofree char *hbv = observation ("42595-9", "2026-12-01", "\"valueQuantity\": {\"value\": "
                                      "10, \"comparator\": \"<\", \"unit\": \"IU/mL\"}");
  g_autofree char *cmv = observation ("72493-0", "2026-12-01", "\"valueQuantity\": {\"value\": "
                                      "1200, \"unit\": \"IU/mL\"}");
  g_autofree char *hcv = observation ("16128-1", "2026-12-01", "\"valueCodeableConcept\": "
                                      "{\"text\": \"indeterminate\"}");
  g_autofree char *all = g_strjoin (",", hiv, hbsag, hbv, cmv, hcv, NULL);
  g_autofree char *json = bundle ("collection", all);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  EligoFhirOptions options;

  default_options (&options);
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);
  g_assert_false (eligo_fhir_facts_lookup (facts, "hiv_positive")->value.boolean);
  g_assert_cmpstr (eligo_fhir_facts_lookup (facts, "hiv_positive")->text, ==, "Negative");
  g_assert_true (eligo_fhir_facts_lookup (facts, "hbsag_positive")->value.boolean);
  g_assert_false (eligo_fhir_facts_lookup (facts, "hbv_dna_detectable")->value.boolean);
  g_assert_true (eligo_fhir_facts_lookup (facts, "cmv_dna_detectable")->value.boolean);
  g_assert_null (eligo_fhir_facts_lookup (facts, "hcv_ab_positive"));
  g_assert_nonnull (find_item (eligo_fhir_facts_get_unused (facts), "hcv_ab_positive"));
}

static void
test_patient_resource (void)
{
  const char *json =
    "{\"resourceType\": \"Patient\", \"id\": \"solo\", \"gender\": \"other\", "
    "\"birthDate\": \"2008-12-07\", \"contained\": [{\"resourceType\": \"Observation\", "
    "\"status\": \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", "
    "\"code\": \"89247-1\"}]}, \"effectiveDateTime\": \"2026-12-02\", \"valueInteger\": 1}, "
    "{\"resourceType\": \"Observation\", \"status\": \"final\", \"subject\": {\"reference\": "
    "\"Patient/someone-else\"}, \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", "
    "\"code\": \"89243-0\"}]}, \"effectiveDateTime\": \"2026-12-02\", \"valueInteger\": 90}]}";
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  EligoFhirOptions options;

  default_options (&options);
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (eligo_fhir_facts_get_id (facts), ==, "solo");
  /* The 18th birthday is 18.0, never rounded up the day before. */
  assert_close (eligo_fhir_facts_lookup (facts, "age_years")->value.number, 18.0);
  assert_close (eligo_fhir_facts_lookup (facts, "ecog")->value.number, 1);
  /* About someone else: not read. Gender "other": not a sex. */
  g_assert_null (eligo_fhir_facts_lookup (facts, "karnofsky"));
  g_assert_null (eligo_fhir_facts_lookup (facts, "sex"));
  g_assert_nonnull (find_item (eligo_fhir_facts_get_unused (facts), "sex"));

  options.as_of = date_of ("2026-12-06");
  g_clear_object (&facts);
  facts = read_text (json, &options, &error);
  g_assert_no_error (error);
  assert_close (eligo_fhir_facts_lookup (facts, "age_years")->value.number, 17.9);
}

static void
test_broken_refused (void)
{
  g_autofree char *dir = eligo_test_make_tmpdir ();
  g_autofree char *bad_value = observation ("718-7", "2026-12-01", "\"valueQuantity\": {\"value\": "
                                            "\"thirteen\", \"code\": \"g/dL\"}");
  g_autofree char *bad_date = observation ("718-7", "yesterday", "\"valueQuantity\": {\"value\": "
                                           "13, \"code\": \"g/dL\"}");
  g_autofree char *invalid_value = bundle ("collection", bad_value);
  g_autofree char *invalid_date = bundle ("collection", bad_date);
  g_autofree char *history = bundle ("history", "");
  const struct {
    const char *name;
    const char *json;
    GQuark      domain;
    int         code;
    const char *says;
  } cases[] = {
    { "truncated.json", "{\"resourceType\": \"Bundle\", \"entry\": [", ELIGO_PATIENT_ERROR,
      ELIGO_PATIENT_ERROR_NOT_JSON, "not valid JSON" },
    { "value.json", invalid_value, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_INVALID,
      "entry 2 (Observation): valueQuantity.value should be a number" },
    { "date.json", invalid_date, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_INVALID, "“yesterday”" },
    { "history.json", history, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_UNSUPPORTED, "history" },
    { "type.json", "{\"resourceType\": 7}", ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_INVALID,
      "resourceType" },
    { "nobody.json", "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}",
      ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NO_PATIENT, "no Patient" },
    { "entry.json", "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [3]}",
      ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_INVALID, "entry 1" },
    { "observation.json", "{\"resourceType\": \"Observation\"}", ELIGO_FHIR_ERROR,
      ELIGO_FHIR_ERROR_UNSUPPORTED, "Observation" },
    { "escape.json", "{\"resourceType\": \"Bundle\", \"type\": \"coll\\351ection\"}",
      ELIGO_PATIENT_ERROR, ELIGO_PATIENT_ERROR_NOT_JSON, "escape.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(EligoFhirFacts) facts = NULL;
      g_autoptr(EligoPatient) patient = NULL;
      EligoFhirOptions options;

      eligo_test_write_file (path, cases[i].json, -1);
      default_options (&options);
      facts = eligo_fhir_read_file (file, &options, NULL, &error);
      g_assert_null (facts);
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].says));

      /* screen --patient and match --patient refuse it the same way. */
      patient = eligo_patient_load (file, NULL, &load_error);
      g_assert_null (patient);
      g_assert_error (load_error, cases[i].domain, cases[i].code);
      g_assert_true (g_str_has_prefix (load_error->message, path));
    }
}

static void
test_patient_load_sources (void)
{
  g_autofree char *path = eligo_test_data_path ("fhir", bundles[0], NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  const EligoFhirItem *source;
  EligoValue value;
  EligoFhirOptions options;
  GDate as_of = date_of ("2019-01-06");

  /* eligo_patient_load: a Bundle is a patient, as of today. */
  patient = eligo_patient_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (eligo_patient_get_screening_id (patient), ==,
                   "94fbec21-fa01-474e-b713-149a0d3d42a0");
  g_assert_true (eligo_patient_get_fact (patient, "sex", &value));
  g_assert_cmpstr (value.symbol, ==, "male");
  g_assert_false (eligo_patient_get_fact (patient, "hemoglobin_g_l", NULL));
  g_clear_object (&patient);

  /* Applied at a date the labs are fresh: values and sources, and the
   * multiples of the ULN derived from the preferences. */
  options_at (&options, &as_of);
  options.ulns.creatinine_umol_l = 104;
  facts = eligo_fhir_read_file (file, &options, NULL, &error);
  g_assert_no_error (error);
  patient = eligo_patient_new ("SCR-0042");
  g_assert_true (eligo_fhir_facts_apply (facts, patient, &error));
  g_assert_no_error (error);
  g_assert_true (eligo_fhir_facts_get_for_patient (patient) == facts);

  source = eligo_fhir_facts_get_source (patient, "creatinine_umol_l");
  g_assert_nonnull (source);
  g_assert_cmpstr (source->loinc, ==, "38483-4");
  g_assert_cmpstr (source->unit, ==, "mg/dL");
  g_assert_cmpstr (source->date, ==, "2019-01-05");
  g_assert_true (eligo_patient_lookup ("creatinine_x_uln", &value, patient));
  assert_close (value.number, source->value.number / 104);
  g_assert_nonnull (eligo_fhir_facts_get_source (patient, "creatinine_x_uln"));

  /* Changed by hand: no longer from the record. */
  value.kind = ELIGO_VALUE_NUMBER;
  value.number = 80;
  g_assert_true (eligo_patient_set_fact (patient, "creatinine_umol_l", &value, NULL));
  g_assert_null (eligo_fhir_facts_get_source (patient, "creatinine_umol_l"));
  g_assert_null (eligo_fhir_facts_get_source (patient, "creatinine_x_uln"));
  g_assert_nonnull (eligo_fhir_facts_get_source (patient, "age_years"));
}


/* A stale value accepted by the nurse becomes a fact with a note; the
 * sources survive the patient's JSON (what the database stores). */
static void
test_accept_and_store (void)
{
  g_autofree char *path = eligo_test_data_path ("fhir", bundles[0], NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(EligoPatient) loaded = NULL;
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(EligoPatient) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const EligoFhirItem *source;
  EligoFhirFacts *reloaded;
  EligoFhirOptions options;
  EligoValue value;
  GDate as_of = date_of ("2019-01-10");
  guint n_stale;

  options_at (&options, &as_of);
  options.ulns.creatinine_umol_l = 104;
  facts = eligo_fhir_read_file (file, &options, NULL, &error);
  g_assert_no_error (error);
  patient = eligo_patient_new ("SCR-0042");
  g_assert_true (eligo_fhir_facts_apply (facts, patient, &error));
  n_stale = eligo_fhir_facts_get_stale (facts)->len;
  g_assert_cmpuint (n_stale, >=, 1);
  g_assert_false (eligo_patient_get_fact (patient, "platelets_10e9_l", NULL));
  g_assert_null (eligo_fhir_facts_get_source (patient, "platelets_10e9_l"));

  /* Not stale: refused, nothing changes. */
  g_assert_false (eligo_fhir_facts_accept_stale (patient, "weight_kg", "Test Nurse", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (eligo_fhir_facts_accept_stale (patient, "platelets_10e9_l", "Test Nurse",
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (eligo_fhir_facts_get_stale (facts)->len, ==, n_stale - 1);
  g_assert_true (eligo_patient_get_fact (patient, "platelets_10e9_l", &value));
  assert_close (value.number, 160.064145861119);
  source = eligo_fhir_facts_get_source (patient, "platelets_10e9_l");
  g_assert_nonnull (source);
  g_assert_cmpstr (source->date, ==, "2016-12-31");
  g_assert_nonnull (strstr (source->note, "Test Nurse"));
  text = eligo_fhir_item_format_source (source);
  g_assert_nonnull (strstr (text, "LOINC 777-3: 160.064145861119 10*3/uL on 2016-12-31"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *note = g_strdup_printf ("(accepted by Test Nurse on %s although older "
                                             "than 30 days)", today);

    g_assert_nonnull (strstr (text, note));
  }

  /* Stored and read back: the same sources, stale and unused lists. */
  object = eligo_patient_to_json (patient);
  g_assert_true (json_object_has_member (object, "fhir_sources"));
  loaded = eligo_patient_new_from_json (object, &error);
  g_assert_no_error (error);
  reloaded = eligo_fhir_facts_get_for_patient (loaded);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (eligo_fhir_facts_get_window_days (reloaded), ==, 30);
  g_assert_cmpint (g_date_compare (eligo_fhir_facts_get_as_of (reloaded), &as_of), ==, 0);
  g_assert_cmpuint (eligo_fhir_facts_get_facts (reloaded)->len, ==,
                    eligo_fhir_facts_get_facts (facts)->len);
  g_assert_cmpuint (eligo_fhir_facts_get_stale (reloaded)->len, ==, n_stale - 1);
  g_assert_cmpuint (eligo_fhir_facts_get_unused (reloaded)->len, ==,
                    eligo_fhir_facts_get_unused (facts)->len);
  source = eligo_fhir_facts_get_source (loaded, "creatinine_umol_l");
  g_assert_nonnull (source);
  g_assert_cmpstr (source->loinc, ==, "38483-4");
  g_assert_cmpstr (source->unit, ==, "mg/dL");
  assert_close (source->number, 3.27882234831635);
  g_assert_cmpint (source->uln_source, ==, ELIGO_ULN_SOURCE_NONE);
  source = eligo_fhir_facts_get_source (loaded, "creatinine_x_uln");
  g_assert_nonnull (source);
  g_assert_cmpint (source->uln_source, ==, ELIGO_ULN_SOURCE_PREFERENCES);
  source = eligo_fhir_facts_get_source (loaded, "platelets_10e9_l");
  g_assert_nonnull (source);
  g_assert_nonnull (strstr (source->note, "Test Nurse"));

  /* A patient stored before sources were kept loads as before. */
  json_object_remove_member (object, "fhir_sources");
  old = eligo_patient_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_null (eligo_fhir_facts_get_for_patient (old));
  g_assert_true (eligo_patient_get_fact (old, "platelets_10e9_l", NULL));

  /* Broken sources are refused, naming the member. */
  json_object_set_string_member (object, "fhir_sources", "nonsense");
  g_assert_null (eligo_patient_new_from_json (object, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "fhir_sources"));
}

static void
test_json_shape (void)
{
  g_autofree char *path = eligo_test_data_path ("fhir", bundles[0], NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *source;
  EligoFhirOptions options;
  GDate as_of = date_of ("2017-01-15");

  options_at (&options, &as_of);
  facts = eligo_fhir_read_file (file, &options, NULL, &error);
  g_assert_no_error (error);
  node = eligo_fhir_facts_to_json (facts);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "as_of"), ==, "2017-01-15");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (object,
                                                                                                "facts"),
                                                                 "hemoglobin_g_l"),
                                  132.491271292805, 1e-6);
  source = json_object_get_object_member (json_object_get_object_member (object, "sources"),
                                          "hemoglobin_g_l");
  g_assert_cmpstr (json_object_get_string_member (source, "loinc"), ==, "718-7");
  g_assert_cmpstr (json_object_get_string_member (source, "unit"), ==, "g/dL");
  g_assert_cmpstr (json_object_get_string_member (source, "date"), ==, "2016-12-31");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (source, "value"),
                                  13.2491271292805, 1e-9);
  g_assert_true (json_object_has_member (object, "stale"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/fhir/synthea-bundles", test_synthea_bundles);
  g_test_add_func ("/eligo/fhir/conversions", test_conversions);
  g_test_add_func ("/eligo/fhir/reference-range", test_reference_range);
  g_test_add_func ("/eligo/fhir/leukocytes-not-anc", test_leukocytes_not_anc);
  g_test_add_func ("/eligo/fhir/infinite-value", test_infinite_value);
  g_test_add_func ("/eligo/fhir/window", test_window);
  g_test_add_func ("/eligo/fhir/unused-values", test_unused_values);
  g_test_add_func ("/eligo/fhir/infections", test_infections);
  g_test_add_func ("/eligo/fhir/patient-resource", test_patient_resource);
  g_test_add_func ("/eligo/fhir/broken-refused", test_broken_refused);
  g_test_add_func ("/eligo/fhir/patient-load-sources", test_patient_load_sources);
  g_test_add_func ("/eligo/fhir/json-shape", test_json_shape);
  g_test_add_func ("/eligo/fhir/accept-and-store", test_accept_and_store);

  return g_test_run ();
}
