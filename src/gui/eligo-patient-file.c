/* eligo-patient-file.c: a patient file as the app reads it, Eligo's patient
 * JSON or a FHIR R4 record, with the freshness window and lab ULNs of the
 * preferences
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

#define G_LOG_DOMAIN "eligo-patient-file"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-patient-file.h"

/**
 * eligo_fhir_options_init_from_settings:
 * @settings: Eligo's settings
 *
 * Reading options for a FHIR record screened today: the freshness window
 * and the lab ULNs the preferences give.
 */
void
eligo_fhir_options_init_from_settings (EligoFhirOptions *options,
                                       GSettings        *settings)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  eligo_fhir_options_init (options);
  options->window_days = g_settings_get_uint (settings, "fhir-freshness-days");
  options->ulns.creatinine_umol_l = g_settings_get_double (settings, "uln-creatinine-umol-l");
  options->ulns.bilirubin_umol_l = g_settings_get_double (settings, "uln-bilirubin-umol-l");
  options->ulns.alt_u_l = g_settings_get_double (settings, "uln-alt-u-l");
  options->ulns.ast_u_l = g_settings_get_double (settings, "uln-ast-u-l");
  options->ulns.bun_mmol_l = g_settings_get_double (settings, "uln-bun-mmol-l");
}

/**
 * eligo_patient_file_load:
 * @file: a patient file
 * @settings: Eligo's settings, for reading a FHIR record
 *
 * Reads @file as a FHIR R4 record (told by its resourceType), as of today,
 * or else as Eligo's patient JSON.
 *
 * Returns: (transfer full) (nullable): the patient, or %NULL with @error
 *   set naming the file and what is wrong
 */
EligoPatient *
eligo_patient_file_load (GFile      *file,
                         GSettings  *settings,
                         GError    **error)
{
  g_autoptr(EligoFhirFacts) facts = NULL;
  g_autoptr(GError) local_error = NULL;
  EligoFhirOptions options;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  eligo_fhir_options_init_from_settings (&options, settings);
  facts = eligo_fhir_read_file (file, &options, NULL, &local_error);
  if (facts != NULL)
    return eligo_fhir_facts_to_patient (facts, error);

  if (!g_error_matches (local_error, ELIGO_FHIR_ERROR, ELIGO_FHIR_ERROR_NOT_FHIR))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return eligo_patient_load (file, NULL, error);
}

/**
 * eligo_patient_file_describe_error:
 * @file: the patient file that could not be read
 * @error: why
 *
 * Returns: (transfer full): the reason, with the file's name in front unless
 *   the reason already names it, for the secondary text of an error dialog
 */
char *
eligo_patient_file_describe_error (GFile        *file,
                                   const GError *error)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename);
  if (strstr (error->message, display) != NULL)
    return g_strdup (error->message);

  /* Translators: the first %s is a file name, the second the reason */
  return g_strdup_printf (_("“%s”: %s"), display, error->message);
}
