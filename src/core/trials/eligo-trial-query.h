/* eligo-trial-query.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Columns a trial list can be sorted by. The names (eligo_sort_field_to_string)
 * are the keys of `eligo-cli list --format json`.
 */
typedef enum
{
  ELIGO_SORT_NCT_ID,
  ELIGO_SORT_TITLE,
  ELIGO_SORT_STATUS,
  ELIGO_SORT_PHASE,
  ELIGO_SORT_ENROLLMENT,
  ELIGO_SORT_START_DATE,
  ELIGO_SORT_COMPLETION_DATE,
  ELIGO_SORT_LAST_UPDATE,
  ELIGO_SORT_SPONSOR,
  ELIGO_SORT_MIN_AGE,
  ELIGO_SORT_MAX_AGE,
  ELIGO_SORT_SEX,
  ELIGO_SORT_CONDITIONS,
  ELIGO_SORT_STUDY_TYPE,
  ELIGO_SORT_PRIMARY_COMPLETION_DATE,
  ELIGO_SORT_FIRST_POSTED,
  ELIGO_N_SORT_FIELDS
} EligoSortField;

#define ELIGO_TYPE_TRIAL_QUERY (eligo_trial_query_get_type ())

typedef struct
{
  EligoSortField sort;
  gboolean       descending;
  char          *search;           /* words typed by the user, not FTS syntax */
  char         **statuses;         /* registry spellings, NULL for any */
  char         **phases;           /* e.g. "PHASE1"; a trial matches if it has any of them */
  char          *study_type;       /* e.g. "INTERVENTIONAL", NULL for any */
  char          *sex;              /* "FEMALE" or "MALE": trials open to that sex; NULL for any */
  double         patient_age;      /* < 0 for no age filter */
  gboolean       include_archived;
} EligoTrialQuery;

GType            eligo_trial_query_get_type  (void) G_GNUC_CONST;
EligoTrialQuery *eligo_trial_query_new       (void);
EligoTrialQuery *eligo_trial_query_copy      (const EligoTrialQuery *query);
void             eligo_trial_query_free      (EligoTrialQuery       *query);
gboolean         eligo_trial_query_equal     (const EligoTrialQuery *a,
                                              const EligoTrialQuery *b);

const char      *eligo_sort_field_to_string   (EligoSortField         field);
gboolean         eligo_sort_field_from_string (const char            *name,
                                               EligoSortField        *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoTrialQuery, eligo_trial_query_free)

G_END_DECLS
