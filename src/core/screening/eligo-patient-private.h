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

/* eligo-patient.c keeps the patient and its entered facts;
 * eligo-patient-derived.c derives the facts that were not entered;
 * eligo-patient-answers.c keeps the nurse's answers on criteria;
 * eligo-patient-json.c reads and writes its file format. */
struct _EligoPatient
{
  GObject     parent_instance;

  char       *screening_id;
  char       *initials;
  int         birth_year;

  GHashTable *facts;    /* variable name (static) -> EligoValue */
  GHashTable *answers;  /* criterion id -> EligoAnswer */
};

/* "%.15g": enough digits that the number reads back the same. */
char       *_eligo_patient_format_number  (double               number);
/* The choices of an enum variable in words: "female or male". */
char       *_eligo_patient_format_choices (const EligoVariable *variable);
/* Keeps @answer (transfer full) under its criterion id; no signal. */
void        _eligo_patient_store_answer   (EligoPatient        *self,
                                           EligoAnswer         *answer);
/* Emits EligoPatient::changed. */
void        _eligo_patient_emit_changed   (EligoPatient        *self);
/* The value of @name derived from the entered facts, if it can be. */
gboolean    _eligo_patient_derive         (EligoPatient        *self,
                                           const char          *name,
                                           EligoValue          *value);

/* Reads a patient file of either kind (Eligo's JSON or FHIR) with the
 * checks every patient file gets: size, UTF-8, depth, JSON. Errors name
 * the file. */
JsonParser *_eligo_patient_parse_file (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
