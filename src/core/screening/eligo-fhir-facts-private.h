/* eligo-fhir-facts-private.h
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

#include "eligo-fhir-facts.h"

G_BEGIN_DECLS

struct _EligoFhirFacts
{
  GObject    parent_instance;

  char      *id;
  GDate      as_of;
  guint      window_days;
  char      *deceased;

  GPtrArray *facts;   /* EligoFhirItem */
  GPtrArray *stale;
  GPtrArray *unused;
};

GQuark          _eligo_fhir_patient_facts_quark (void);
int             _eligo_fhir_compare_items     (gconstpointer   a,
                                               gconstpointer   b);

EligoFhirItem  *_eligo_fhir_item_new          (const char     *variable);
void            _eligo_fhir_item_free         (EligoFhirItem  *item);
EligoFhirItem  *_eligo_fhir_item_copy         (const EligoFhirItem *item);

EligoFhirFacts *_eligo_fhir_facts_new         (const char     *id,
                                               const GDate    *as_of,
                                               guint           window_days);
void            _eligo_fhir_facts_set_deceased (EligoFhirFacts *self,
                                               const char     *date);
/* Each takes @item. */
void            _eligo_fhir_facts_add_fact    (EligoFhirFacts *self,
                                               EligoFhirItem  *item);
void            _eligo_fhir_facts_add_stale   (EligoFhirFacts *self,
                                               EligoFhirItem  *item);
void            _eligo_fhir_facts_add_unused  (EligoFhirFacts *self,
                                               EligoFhirItem  *item);
/* Puts the items in the order of the variables. */
void            _eligo_fhir_facts_sort        (EligoFhirFacts *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoFhirItem, _eligo_fhir_item_free)

G_END_DECLS
