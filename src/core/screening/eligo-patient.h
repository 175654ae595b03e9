/* eligo-patient.h
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
#include <json-glib/json-glib.h>

#include "eligo-answer.h"
#include "eligo-lab-units.h"
#include "eligo-variables.h"

G_BEGIN_DECLS

#define ELIGO_PATIENT_ERROR (eligo_patient_error_quark ())

typedef enum
{
  ELIGO_PATIENT_ERROR_READ,              /* the file cannot be read */
  ELIGO_PATIENT_ERROR_NOT_JSON,          /* empty, not UTF-8, not JSON */
  ELIGO_PATIENT_ERROR_NOT_OBJECT,        /* a JSON value that should be an object is not */
  ELIGO_PATIENT_ERROR_MISSING_ID,        /* no screening id, or an empty one */
  ELIGO_PATIENT_ERROR_UNKNOWN_VARIABLE,  /* a fact names no variable */
  ELIGO_PATIENT_ERROR_WRONG_TYPE,        /* a value of the wrong kind */
  ELIGO_PATIENT_ERROR_IMPLAUSIBLE,       /* out of the variable's range, or not a choice */
  ELIGO_PATIENT_ERROR_BAD_CRITERION_ID,  /* not NCTnnnnnnnn/I<n> or NCTnnnnnnnn/E<n> */
  ELIGO_PATIENT_ERROR_BAD_ANSWER,        /* a verdict other than pass or fail, a bad time */
} EligoPatientError;


#define ELIGO_TYPE_PATIENT (eligo_patient_get_type ())

G_DECLARE_FINAL_TYPE (EligoPatient, eligo_patient, ELIGO, PATIENT, GObject)

GQuark        eligo_patient_error_quark       (void);

EligoPatient *eligo_patient_new               (const char          *screening_id);
EligoPatient *eligo_patient_new_from_json     (JsonObject          *object,
                                               GError             **error);
EligoPatient *eligo_patient_load              (GFile               *file,
                                               GCancellable        *cancellable,
                                               GError             **error);
JsonObject   *eligo_patient_to_json           (EligoPatient        *self);

const char   *eligo_patient_get_screening_id  (EligoPatient        *self);
void          eligo_patient_set_screening_id  (EligoPatient        *self,
                                               const char          *screening_id);
const char   *eligo_patient_get_initials      (EligoPatient        *self);
void          eligo_patient_set_initials      (EligoPatient        *self,
                                               const char          *initials);
int           eligo_patient_get_birth_year    (EligoPatient        *self);
void          eligo_patient_set_birth_year    (EligoPatient        *self,
                                               int                  birth_year);

gboolean      eligo_patient_set_fact          (EligoPatient        *self,
                                               const char          *name,
                                               const EligoValue    *value,
                                               GError             **error);
void          eligo_patient_unset_fact        (EligoPatient        *self,
                                               const char          *name);
gboolean      eligo_patient_get_fact          (EligoPatient        *self,
                                               const char          *name,
                                               EligoValue          *value);
gboolean      eligo_patient_lookup            (const char          *name,
                                               EligoValue          *value,
                                               gpointer             patient);
char        **eligo_patient_dup_fact_names    (EligoPatient        *self);

void          eligo_patient_set_answer        (EligoPatient        *self,
                                               const char          *criterion_id,
                                               EligoAnswerVerdict   verdict,
                                               const char          *note,
                                               const char          *author,
                                               GDateTime           *time);
const EligoAnswer *eligo_patient_get_answer   (EligoPatient        *self,
                                               const char          *criterion_id);
void          eligo_patient_answer_criterion  (EligoPatient        *self,
                                               EligoCriterion      *criterion,
                                               EligoAnswerVerdict   verdict,
                                               const char          *note,
                                               const char          *author,
                                               GDateTime           *time);
void          eligo_patient_add_answer        (EligoPatient        *self,
                                               const EligoAnswer   *answer);
const EligoAnswer *eligo_patient_find_answer  (EligoPatient        *self,
                                               EligoCriterion      *criterion);
gboolean      eligo_patient_remove_answer     (EligoPatient        *self,
                                               const char          *criterion_id);
GPtrArray    *eligo_patient_dup_answers       (EligoPatient        *self);

/* Criterion ids: NCTnnnnnnnn/I<n> (inclusion) or NCTnnnnnnnn/E<n> (exclusion). */
gboolean      eligo_criterion_id_is_valid     (const char          *criterion_id);
int           eligo_criterion_id_compare      (const char          *a,
                                               const char          *b);

/* The × ULN multiples: the raw value and the ULN each is derived from. */
gboolean      eligo_uln_multiple_get_parts    (const char          *name,
                                               const char         **raw,
                                               const char         **uln);


G_END_DECLS
