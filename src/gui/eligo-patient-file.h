/* eligo-patient-file.h
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

#pragma once

#include <gio/gio.h>

#include "eligo-fhir-reader.h"
#include "eligo-patient.h"

G_BEGIN_DECLS

void          eligo_fhir_options_init_from_settings (EligoFhirOptions  *options,
                                                     GSettings         *settings);
EligoPatient *eligo_patient_file_load               (GFile             *file,
                                                     GSettings         *settings,
                                                     GError           **error);
char         *eligo_patient_file_describe_error     (GFile             *file,
                                                     const GError      *error);

G_END_DECLS
