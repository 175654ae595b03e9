/* eligo-trial.h
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

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ELIGO_TYPE_TRIAL (eligo_trial_get_type ())

G_DECLARE_FINAL_TYPE (EligoTrial, eligo_trial, ELIGO, TRIAL, GObject)

/* Healthy volunteers and other yes/no registry fields may be absent. */
typedef enum
{
  ELIGO_TRISTATE_UNKNOWN = -1,
  ELIGO_TRISTATE_NO      = 0,
  ELIGO_TRISTATE_YES     = 1,
} EligoTristate;

EligoTrial   *eligo_trial_new_from_study              (JsonObject  *study,
                                                       const char  *raw_json,
                                                       GError     **error);
gint64        eligo_trial_get_id                      (EligoTrial  *self);
const char   *eligo_trial_get_nct_id                  (EligoTrial  *self);
const char   *eligo_trial_get_brief_title             (EligoTrial  *self);
const char   *eligo_trial_get_official_title          (EligoTrial  *self);
const char   *eligo_trial_get_acronym                 (EligoTrial  *self);
const char   *eligo_trial_get_overall_status          (EligoTrial  *self);
const char   *eligo_trial_get_phases                  (EligoTrial  *self);
const char   *eligo_trial_get_study_type              (EligoTrial  *self);
int           eligo_trial_get_enrollment              (EligoTrial  *self);
const char   *eligo_trial_get_start_date              (EligoTrial  *self);
const char   *eligo_trial_get_primary_completion_date (EligoTrial  *self);
const char   *eligo_trial_get_completion_date         (EligoTrial  *self);
const char   *eligo_trial_get_first_posted            (EligoTrial  *self);
const char   *eligo_trial_get_last_update             (EligoTrial  *self);
const char   *eligo_trial_get_lead_sponsor            (EligoTrial  *self);
const char   *eligo_trial_get_collaborators           (EligoTrial  *self);
double        eligo_trial_get_min_age_years           (EligoTrial  *self);
double        eligo_trial_get_max_age_years           (EligoTrial  *self);
double        eligo_trial_get_effective_min_age_years (EligoTrial  *self);
double        eligo_trial_get_effective_max_age_years (EligoTrial  *self);
const char   *eligo_trial_get_age_source              (EligoTrial  *self);
const char   *eligo_trial_get_sex                     (EligoTrial  *self);
EligoTristate eligo_trial_get_healthy_volunteers      (EligoTrial  *self);
const char   *eligo_trial_get_conditions              (EligoTrial  *self);
const char   *eligo_trial_get_keywords                (EligoTrial  *self);
const char   *eligo_trial_get_countries               (EligoTrial  *self);
const char   *eligo_trial_get_interventions_text      (EligoTrial  *self);
gboolean      eligo_trial_get_archived                (EligoTrial  *self);

/* The rest of the record, read from the original JSON on demand. */
const char   *eligo_trial_get_raw_json                (EligoTrial  *self);
JsonObject   *eligo_trial_get_study                   (EligoTrial  *self);
const char   *eligo_trial_get_brief_summary           (EligoTrial  *self);
const char   *eligo_trial_get_detailed_description    (EligoTrial  *self);
const char   *eligo_trial_get_eligibility_criteria    (EligoTrial  *self);
const char   *eligo_trial_get_minimum_age_text        (EligoTrial  *self);
const char   *eligo_trial_get_maximum_age_text        (EligoTrial  *self);
JsonObject   *eligo_trial_get_design_info             (EligoTrial  *self);
JsonArray    *eligo_trial_get_arm_groups              (EligoTrial  *self);
JsonArray    *eligo_trial_get_interventions           (EligoTrial  *self);
JsonArray    *eligo_trial_get_primary_outcomes        (EligoTrial  *self);
JsonArray    *eligo_trial_get_secondary_outcomes      (EligoTrial  *self);
JsonArray    *eligo_trial_get_locations               (EligoTrial  *self);
JsonArray    *eligo_trial_get_central_contacts        (EligoTrial  *self);
const char   *eligo_trial_get_org_study_id            (EligoTrial  *self);
JsonArray    *eligo_trial_get_other_identifiers       (EligoTrial  *self);

/* Live instances, for tests that check the list model builds trials lazily. */
guint         eligo_trial_get_n_alive                 (void);

G_END_DECLS
