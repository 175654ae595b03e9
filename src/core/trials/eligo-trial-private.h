/* eligo-trial-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "eligo-trial.h"

G_BEGIN_DECLS

struct _EligoTrial
{
  GObject        parent_instance;

  gint64         id;
  char          *nct_id;
  char          *brief_title;
  char          *official_title;
  char          *acronym;
  char          *overall_status;
  char          *phases;
  char          *study_type;
  int            enrollment;
  char          *start_date;
  char          *primary_completion_date;
  char          *completion_date;
  char          *first_posted;
  char          *last_update;
  char          *lead_sponsor;
  char          *collaborators;
  double         min_age_years;
  double         max_age_years;
  double         effective_min_age_years;
  double         effective_max_age_years;
  char          *age_source;
  gboolean       effective_ages_set;
  char          *sex;
  EligoTristate  healthy_volunteers;
  char          *conditions;
  char          *keywords;
  char          *countries;
  char          *interventions_text;
  char          *eligibility;
  gboolean       archived;

  char          *raw_json;
  JsonNode      *study;
};

/* The columns _eligo_trial_new_from_row() reads, in this order. The
 * min_age_years and max_age_years columns hold the effective ages (see
 * eligo_trial_get_age_source()), the registry_ ones the registry's. */
#define ELIGO_TRIAL_COLUMNS \
  "id, nct_id, brief_title, official_title, acronym, overall_status, phases, " \
  "study_type, enrollment, start_date, primary_completion_date, completion_date, " \
  "first_posted, last_update, lead_sponsor, collaborators, min_age_years, " \
  "max_age_years, sex, healthy_volunteers, conditions, keywords, countries, " \
  "interventions, eligibility, archived, raw_json, registry_min_age_years, " \
  "registry_max_age_years, age_source"

EligoTrial *_eligo_trial_new_from_row (sqlite3_stmt *stmt);
void        _eligo_trial_set_id       (EligoTrial   *self,
                                       gint64        id);
void        _eligo_trial_set_effective_ages (EligoTrial *self,
                                             double      min_age_years,
                                             double      max_age_years,
                                             const char *age_source);

G_END_DECLS
