/* eligo-patient-private.h
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

#include "eligo-patient.h"

G_BEGIN_DECLS

/* Reads a patient file of either kind (Eligo's JSON or FHIR) with the
 * checks every patient file gets: size, UTF-8, depth, JSON. Errors name
 * the file. */
JsonParser *_eligo_patient_parse_file (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
