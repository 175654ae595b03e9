/* eligo-screening-dialog.h
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

#define ELIGO_TYPE_SCREENING_DIALOG (eligo_screening_dialog_get_type ())

/* Screens one patient against one or more trials: the patient's facts, live
 * verdicts per criterion with the nurse's answers, save, print and PDF. */
G_DECLARE_FINAL_TYPE (EligoScreeningDialog, eligo_screening_dialog, ELIGO, SCREENING_DIALOG, GtkWindow)

GtkWidget    *eligo_screening_dialog_new         (GtkWindow            *parent,
                                                  EligoDatabase        *database,
                                                  GPtrArray            *trials,
                                                  EligoPatient         *patient);
EligoPatient *eligo_screening_dialog_get_patient (EligoScreeningDialog *self);
gboolean      eligo_screening_dialog_has_unsaved_changes (EligoScreeningDialog *self);

G_END_DECLS
