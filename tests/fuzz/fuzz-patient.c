/* fuzz-patient.c: the patient-file reader on any file, with a round trip:
 * a patient read and written out reads back the same
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "eligo-fuzz.h"

#include "eligo-patient.h"

static char *patient_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  eligo_fuzz_init ();
  patient_path = g_build_filename (eligo_fuzz_scratch_dir (), "patient.json", NULL);
  return 0;
}

static char *
write_json (EligoPatient *patient)
{
  g_autoptr(JsonObject) object = eligo_patient_to_json (patient);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = g_file_new_for_path (patient_path);
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(EligoPatient) again = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_auto(GStrv) names = NULL;

  if (!g_file_set_contents (patient_path, (const char *) data, size, &error))
    {
      g_printerr ("Cannot write %s: %s\n", patient_path, error->message);
      abort ();
    }

  patient = eligo_patient_load (file, NULL, &error);
  if (patient == NULL)
    {
      g_assert (error != NULL);
      eligo_fuzz_assert_utf8 ("the error message", error->message);
      return 0;
    }

  eligo_fuzz_assert_utf8 ("the screening id", eligo_patient_get_screening_id (patient));
  eligo_fuzz_assert_utf8 ("the initials", eligo_patient_get_initials (patient));
  names = eligo_patient_dup_fact_names (patient);
  for (guint i = 0; names[i] != NULL; i++)
    {
      EligoValue value;

      g_assert (eligo_variable_lookup (names[i]) != NULL);
      g_assert (eligo_patient_get_fact (patient, names[i], &value));
    }

  /* What Eligo writes, Eligo reads back unchanged. */
  written = write_json (patient);
  eligo_fuzz_assert_utf8 ("the written patient", written);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, written, -1, &error) ||
      (again = eligo_patient_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                            &error)) == NULL)
    {
      g_printerr ("A patient read from a file is written as %s, which reads back as: %s\n",
                  written, error->message);
      abort ();
    }
  rewritten = write_json (again);
  if (strcmp (written, rewritten) != 0)
    {
      g_printerr ("A patient written as %s reads back as %s\n", written, rewritten);
      abort ();
    }

  return 0;
}
