/* eligo-patient-chooser.h
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

#include <gtk/gtk.h>

#include "eligo-database.h"
#include "eligo-patient.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_PATIENT_CHOOSER (eligo_patient_chooser_get_type ())

/*
 * Chooses the patient to find trials for: one stored in the database
 * (searchable by screening id) or a patient file, Eligo's or FHIR. Emits
 * "patient-chosen" with the patient and closes; closing otherwise chooses
 * nothing.
 */
G_DECLARE_FINAL_TYPE (EligoPatientChooser, eligo_patient_chooser, ELIGO, PATIENT_CHOOSER, GtkWindow)

GtkWidget *eligo_patient_chooser_new       (GtkWindow           *parent,
                                            EligoDatabase       *database);
void       eligo_patient_chooser_choose_id (EligoPatientChooser *self,
                                            const char          *screening_id);
void       eligo_patient_chooser_choose_file (EligoPatientChooser *self,
                                              GFile               *file);

G_END_DECLS
