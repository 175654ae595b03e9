/* fuzz-fhir.c: the FHIR R4 reader on any file, as `facts` and the
 * screening dialog read a patient's Bundle
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "eligo-fuzz.h"

#include <math.h>

#include "eligo-fhir-reader.h"
#include "eligo-variables.h"

static char *bundle_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  eligo_fuzz_init ();
  bundle_path = g_build_filename (eligo_fuzz_scratch_dir (), "bundle.json", NULL);
  return 0;
}

static void
check_item (const char          *list,
            const EligoFhirItem *item)
{
  g_autofree char *source = NULL;
  g_autofree char *original = NULL;

  if (item->variable == NULL || eligo_variable_lookup (item->variable) == NULL)
    {
      g_printerr ("An item of the %s list names no known variable (%s)\n", list,
                  item->variable ? item->variable : "NULL");
      abort ();
    }
  eligo_fuzz_assert_utf8 ("an item's code", item->loinc);
  eligo_fuzz_assert_utf8 ("an item's field", item->field);
  eligo_fuzz_assert_utf8 ("an item's date", item->date);
  eligo_fuzz_assert_utf8 ("an item's text", item->text);
  eligo_fuzz_assert_utf8 ("an item's unit", item->unit);
  eligo_fuzz_assert_utf8 ("an item's reason", item->reason);
  if (item->has_number && !isfinite (item->number))
    {
      g_printerr ("An item of the %s list (%s) has the number %g\n", list, item->variable,
                  item->number);
      abort ();
    }

  source = eligo_fhir_item_format_source (item);
  eligo_fuzz_assert_utf8 ("an item's source", source);
  original = eligo_fhir_item_format_original (item);
  eligo_fuzz_assert_utf8 ("an item's original value", original);
}

static void
check_list (const char *list,
            GPtrArray  *items)
{
  g_assert (items != NULL);
  for (guint i = 0; i < items->len; i++)
    check_item (list, g_ptr_array_index (items, i));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = g_file_new_for_path (bundle_path);
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  EligoFhirOptions options;
  GPtrArray *items;

  if (!g_file_set_contents (bundle_path, (const char *) data, size, &error))
    {
      g_printerr ("Cannot write %s: %s\n", bundle_path, error->message);
      abort ();
    }

  /* A fixed screening date keeps runs reproducible; lab ULNs as the
   * preferences give them, so both ways of reading × ULN are reached. */
  eligo_fhir_options_init (&options);
  g_date_set_dmy (&options.as_of, 1, G_DATE_DECEMBER, 2026);
  options.window_days = 30 + size % 4000;
  options.ulns.creatinine_umol_l = 97;
  options.ulns.bilirubin_umol_l = 21;
  options.ulns.alt_u_l = 40;
  options.ulns.ast_u_l = 40;

  facts = eligo_fhir_read_file (file, &options, NULL, &error);
  if (facts == NULL)
    {
      g_assert (error != NULL);
      eligo_fuzz_assert_utf8 ("the error message", error->message);
      return 0;
    }

  eligo_fuzz_assert_utf8 ("the patient id", eligo_fhir_facts_get_id (facts));
  eligo_fuzz_assert_utf8 ("the date of death", eligo_fhir_facts_get_deceased (facts));
  check_list ("facts", eligo_fhir_facts_get_facts (facts));
  check_list ("stale", eligo_fhir_facts_get_stale (facts));
  check_list ("unused", eligo_fhir_facts_get_unused (facts));

  /* One fact per variable, and lookup finds it. */
  items = eligo_fhir_facts_get_facts (facts);
  for (guint i = 0; i < items->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (items, i);

      for (guint j = 0; j < i; j++)
        {
          const EligoFhirItem *other = g_ptr_array_index (items, j);

          if (g_str_equal (item->variable, other->variable))
            {
              g_printerr ("Two facts for %s\n", item->variable);
              abort ();
            }
        }
      if (eligo_fhir_facts_lookup (facts, item->variable) != item)
        {
          g_printerr ("The fact for %s is not the one looked up\n", item->variable);
          abort ();
        }
    }

  /* What `facts --format json` prints is valid UTF-8 JSON. */
  json = eligo_fhir_facts_to_json (facts);
  json_generator_set_root (generator, json);
  printed = json_generator_to_data (generator, NULL);
  eligo_fuzz_assert_utf8 ("the facts as JSON", printed);

  /* The facts make a patient the screening engine accepts, or are refused
   * with a message; never a half-made patient. */
  patient = eligo_fhir_facts_to_patient (facts, &error);
  if (patient == NULL)
    {
      g_assert (error != NULL);
      eligo_fuzz_assert_utf8 ("the error message", error->message);
      return 0;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const EligoFhirItem *item = g_ptr_array_index (items, i);
      EligoValue value;

      /* A × ULN multiple is derived by the patient from the value and
       * the ULN; the screening engine must still see it. */
      if (!eligo_patient_lookup (item->variable, &value, patient))
        {
          g_printerr ("The fact %s is not known to the patient made from the facts\n",
                      item->variable);
          abort ();
        }
    }

  return 0;
}
