/* eligo-screening-log.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "eligo-database.h"
#include "eligo-patient.h"
#include "eligo-screening.h"

G_BEGIN_DECLS

/* One line of the screening log: a saved screening. */
typedef struct
{
  gint64   id;
  char    *screening_id;
  char    *nct_id;
  char    *trial_title;
  char    *trial_last_update;   /* the trial version screened against */
  char    *verdict;             /* "eligible", "ineligible" or "pending" */
  guint    counts[ELIGO_N_VERDICTS];
  char    *failing;             /* "I4: ECOG …; E2: Prior …", or NULL */
  char    *screener;
  char    *site;
  char    *screened_at;         /* ISO 8601, UTC */
  char    *criteria_changed;    /* the registry's date of the first change of the
                                 * trial's criteria since, or NULL while they hold */
} EligoScreeningRecord;

typedef struct
{
  const char *nct_id;        /* NULL: every trial */
  const char *screening_id;  /* NULL: every patient */
  const char *verdict;       /* NULL: any */
  const char *since;         /* ISO date, inclusive; NULL: no limit */
  const char *until;         /* ISO date, inclusive; NULL: no limit */
} EligoScreeningFilter;

typedef struct
{
  char  *nct_id;
  guint  screened;            /* patients screened (their latest screening counts) */
  guint  eligible;
  guint  ineligible;
  guint  pending;
  GPtrArray *reasons;         /* EligoFunnelReason, most common first */
} EligoFunnel;

typedef struct
{
  char  *criterion;           /* "E2: Prior treatment with CAR-T …" */
  guint  count;
} EligoFunnelReason;

gboolean      eligo_database_save_patient      (EligoDatabase              *self,
                                                EligoPatient               *patient,
                                                GError                    **error);
EligoPatient *eligo_database_load_patient      (EligoDatabase              *self,
                                                const char                 *screening_id,
                                                GError                    **error);
char        **eligo_database_dup_screening_ids (EligoDatabase              *self,
                                                GError                    **error);
gint64        eligo_database_save_screening    (EligoDatabase              *self,
                                                EligoPatient               *patient,
                                                EligoScreeningResult       *result,
                                                const char                 *screener,
                                                const char                 *site,
                                                GError                    **error);
GPtrArray    *eligo_database_list_screenings   (EligoDatabase              *self,
                                                const EligoScreeningFilter *filter,
                                                GError                    **error);
JsonObject   *eligo_database_get_snapshot      (EligoDatabase              *self,
                                                gint64                      screening,
                                                GError                    **error);
EligoFunnel  *eligo_database_get_funnel        (EligoDatabase              *self,
                                                const char                 *nct_id,
                                                GError                    **error);

void          eligo_screening_record_free      (EligoScreeningRecord       *record);
void          eligo_funnel_free                (EligoFunnel                *funnel);
char         *eligo_screening_log_to_csv       (GPtrArray                  *records);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoScreeningRecord, eligo_screening_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoFunnel, eligo_funnel_free)

G_END_DECLS
