/* eligo-registry-result.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ELIGO_TYPE_REGISTRY_RESULT (eligo_registry_result_get_type ())

/*
 * One study of a registry search, as the search dialog lists it: what the
 * page said about it (read with the importer's own field paths), whether
 * the library already has it, and whether the nurse ticked it.
 */
G_DECLARE_FINAL_TYPE (EligoRegistryResult, eligo_registry_result, ELIGO, REGISTRY_RESULT, GObject)

EligoRegistryResult *eligo_registry_result_new_from_study (JsonObject          *study,
                                                           guint                index);
const char          *eligo_registry_result_get_nct_id     (EligoRegistryResult *self);
const char          *eligo_registry_result_get_title      (EligoRegistryResult *self);
const char          *eligo_registry_result_get_status     (EligoRegistryResult *self);
const char          *eligo_registry_result_get_status_label (EligoRegistryResult *self);
const char          *eligo_registry_result_get_phase_label (EligoRegistryResult *self);
const char          *eligo_registry_result_get_ages_label (EligoRegistryResult *self);
int                  eligo_registry_result_get_n_sites    (EligoRegistryResult *self);
const char          *eligo_registry_result_get_sites_label (EligoRegistryResult *self);
const char          *eligo_registry_result_get_problem    (EligoRegistryResult *self);
gboolean             eligo_registry_result_get_in_library (EligoRegistryResult *self);
void                 eligo_registry_result_set_in_library (EligoRegistryResult *self,
                                                           gboolean             in_library);
gboolean             eligo_registry_result_get_selected   (EligoRegistryResult *self);
void                 eligo_registry_result_set_selected   (EligoRegistryResult *self,
                                                           gboolean             selected);
gboolean             eligo_registry_result_get_can_add    (EligoRegistryResult *self);

G_END_DECLS
