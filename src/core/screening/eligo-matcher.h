/* eligo-matcher.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "eligo-database.h"
#include "eligo-patient.h"
#include "eligo-screening.h"

G_BEGIN_DECLS

/* One trial of the library, screened for one patient: its counts only.
 * eligo_screen() on the trial's criteria gives the same counts. */
typedef struct
{
  gint64 trial_id;
  char   nct_id[16];
  guint  counts[ELIGO_N_VERDICTS];
} EligoMatch;

typedef struct
{
  guint n_screened;   /* trials of the library considered (not archived; recruiting if asked) */
  guint n_ruled_out;  /* of them, trials with at least one failing criterion */
  guint n_set_aside;  /* of those, set aside by SQL on a hard limit (age, sex) */
  guint n_evaluated;  /* trials whose rules were evaluated */
} EligoMatchStats;

#define ELIGO_TYPE_MATCHER (eligo_matcher_get_type ())

G_DECLARE_FINAL_TYPE (EligoMatcher, eligo_matcher, ELIGO, MATCHER, GObject)

EligoMatcher *eligo_matcher_new                  (EligoDatabase      *database);
void          eligo_matcher_set_recruiting_only  (EligoMatcher       *self,
                                                  gboolean            recruiting_only);
GArray       *eligo_matcher_rank                 (EligoMatcher       *self,
                                                  EligoPatient       *patient,
                                                  guint               limit,
                                                  EligoMatchStats    *stats,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
int           eligo_match_compare                (const EligoMatch   *a,
                                                  const EligoMatch   *b);
gboolean      eligo_matcher_status_is_recruiting (const char         *status);

G_END_DECLS
