/* eligo-database-schema.c
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

#define G_LOG_DOMAIN "eligo-database"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "eligo-database-private.h"

/*
 * Schema migrations: migrations[n] takes a database from version n to n + 1.
 * Never edit one that has shipped; add a new one.
 */
static const char * const migrations[] = {
  /* 0 -> 1: trials and their full-text index */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"
  "CREATE TABLE trials ("
  "  id                      INTEGER PRIMARY KEY,"
  "  nct_id                  TEXT NOT NULL UNIQUE,"
  "  brief_title             TEXT,"
  "  official_title          TEXT,"
  "  acronym                 TEXT,"
  "  overall_status          TEXT,"
  "  phases                  TEXT,"
  "  study_type              TEXT,"
  "  enrollment              INTEGER,"
  "  start_date              TEXT,"
  "  primary_completion_date TEXT,"
  "  completion_date         TEXT,"
  "  first_posted            TEXT,"
  "  last_update             TEXT,"
  "  lead_sponsor            TEXT,"
  "  collaborators           TEXT,"
  "  min_age_years           REAL,"
  "  max_age_years           REAL,"
  "  sex                     TEXT,"
  "  healthy_volunteers      INTEGER,"
  "  conditions              TEXT,"
  "  keywords                TEXT,"
  "  countries               TEXT,"
  "  interventions           TEXT,"
  "  eligibility             TEXT,"
  "  archived                INTEGER NOT NULL DEFAULT 0,"
  "  imported_at             TEXT NOT NULL,"
  "  raw_json                TEXT NOT NULL"
  ");"
  "CREATE INDEX trials_last_update ON trials (last_update);"
  "CREATE INDEX trials_start_date ON trials (start_date);"
  "CREATE INDEX trials_completion_date ON trials (completion_date);"
  "CREATE INDEX trials_status ON trials (overall_status);"
  "CREATE INDEX trials_title ON trials (brief_title COLLATE NOCASE);"
  "CREATE VIRTUAL TABLE trials_fts USING fts5 ("
  "  nct_id, brief_title, official_title, acronym, conditions, interventions,"
  "  keywords, lead_sponsor, collaborators, eligibility,"
  "  content='trials', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER trials_fts_insert AFTER INSERT ON trials BEGIN"
  "  INSERT INTO trials_fts (rowid, nct_id, brief_title, official_title, acronym, conditions,"
  "                          interventions, keywords, lead_sponsor, collaborators, eligibility)"
  "  VALUES (new.id, new.nct_id, new.brief_title, new.official_title, new.acronym,"
  "          new.conditions, new.interventions, new.keywords, new.lead_sponsor,"
  "          new.collaborators, new.eligibility);"
  "END;"
  "CREATE TRIGGER trials_fts_delete AFTER DELETE ON trials BEGIN"
  "  INSERT INTO trials_fts (trials_fts, rowid, nct_id, brief_title, official_title, acronym,"
  "                          conditions, interventions, keywords, lead_sponsor, collaborators,"
  "                          eligibility)"
  "  VALUES ('delete', old.id, old.nct_id, old.brief_title, old.official_title, old.acronym,"
  "          old.conditions, old.interventions, old.keywords, old.lead_sponsor,"
  "          old.collaborators, old.eligibility);"
  "END;"
  "CREATE TRIGGER trials_fts_update AFTER UPDATE OF nct_id, brief_title, official_title,"
  "  acronym, conditions, interventions, keywords, lead_sponsor, collaborators, eligibility"
  "  ON trials BEGIN"
  "  INSERT INTO trials_fts (trials_fts, rowid, nct_id, brief_title, official_title, acronym,"
  "                          conditions, interventions, keywords, lead_sponsor, collaborators,"
  "                          eligibility)"
  "  VALUES ('delete', old.id, old.nct_id, old.brief_title, old.official_title, old.acronym,"
  "          old.conditions, old.interventions, old.keywords, old.lead_sponsor,"
  "          old.collaborators, old.eligibility);"
  "  INSERT INTO trials_fts (rowid, nct_id, brief_title, official_title, acronym, conditions,"
  "                          interventions, keywords, lead_sponsor, collaborators, eligibility)"
  "  VALUES (new.id, new.nct_id, new.brief_title, new.official_title, new.acronym,"
  "          new.conditions, new.interventions, new.keywords, new.lead_sponsor,"
  "          new.collaborators, new.eligibility);"
  "END;",

  /* 1 -> 2: rules the nurses wrote or corrected. They belong to the NCT number
   * and the criterion's words, not to a row, so they outlive re-imports. */
  "CREATE TABLE curated_rules ("
  "  id          INTEGER PRIMARY KEY,"
  "  nct_id      TEXT NOT NULL,"
  "  match_key   TEXT NOT NULL,"
  "  number      INTEGER NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  rule        TEXT,"
  "  partial     INTEGER NOT NULL DEFAULT 0,"
  "  author      TEXT,"
  "  created_at  TEXT NOT NULL,"
  "  UNIQUE (nct_id, match_key)"
  ");"
  "CREATE INDEX curated_rules_nct_id ON curated_rules (nct_id);",

  /* 2 -> 3: patients and their screenings. A screening is a snapshot of the
   * facts, answers, verdicts and trial version at that moment; it is never
   * rewritten, a later screening is a new row. */
  "CREATE TABLE patients ("
  "  id            INTEGER PRIMARY KEY,"
  "  screening_id  TEXT NOT NULL UNIQUE,"
  "  initials      TEXT,"
  "  birth_year    INTEGER,"
  "  data          TEXT NOT NULL,"
  "  created_at    TEXT NOT NULL,"
  "  updated_at    TEXT NOT NULL"
  ");"
  "CREATE TABLE screenings ("
  "  id                 INTEGER PRIMARY KEY,"
  "  patient_id         INTEGER NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,"
  "  screening_id       TEXT NOT NULL,"
  "  nct_id             TEXT NOT NULL,"
  "  trial_title        TEXT,"
  "  trial_last_update  TEXT,"
  "  verdict            TEXT NOT NULL,"
  "  n_pass             INTEGER NOT NULL,"
  "  n_fail             INTEGER NOT NULL,"
  "  n_unknown          INTEGER NOT NULL,"
  "  n_review           INTEGER NOT NULL,"
  "  failing            TEXT,"
  "  screener           TEXT,"
  "  site               TEXT,"
  "  screened_at        TEXT NOT NULL,"
  "  snapshot           TEXT NOT NULL"
  ");"
  "CREATE INDEX screenings_nct_id ON screenings (nct_id);"
  "CREATE INDEX screenings_patient ON screenings (patient_id);"
  "CREATE TABLE screening_failures ("
  "  screening     INTEGER NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,"
  "  criterion_id  TEXT NOT NULL,"
  "  text          TEXT NOT NULL"
  ");"
  "CREATE INDEX screening_failures_screening ON screening_failures (screening);",

  /* 3 -> 4: criteria split and ruled once, at import, with the extractor's
   * version (eligo-database-stored.c). Trials of older databases have
   * criteria_version 0 and are re-derived when opened. min_age_years and
   * max_age_years become the ages the list sorts and filters by (the
   * registry's, or those of an age criterion); the registry's own are kept
   * beside them. What matching reads lives in the narrow trial_match
   * table, so screening the library never reads the trials' JSON. */
  "ALTER TABLE trials ADD COLUMN criteria_version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE trials ADD COLUMN registry_min_age_years REAL;"
  "ALTER TABLE trials ADD COLUMN registry_max_age_years REAL;"
  "ALTER TABLE trials ADD COLUMN age_source TEXT;"
  "UPDATE trials SET registry_min_age_years = min_age_years,"
  "  registry_max_age_years = max_age_years, age_source = 'registry'"
  "  WHERE min_age_years IS NOT NULL OR max_age_years IS NOT NULL;"
  "CREATE INDEX trials_min_age ON trials (min_age_years);"
  "CREATE INDEX trials_max_age ON trials (max_age_years);"
  "CREATE TABLE trial_match ("
  "  trial_id          INTEGER PRIMARY KEY REFERENCES trials (id) ON DELETE CASCADE,"
  "  nct_id            TEXT NOT NULL,"
  "  status            TEXT,"
  "  sex               TEXT,"
  "  archived          INTEGER NOT NULL DEFAULT 0,"
  "  age_low           REAL,"
  "  age_low_open      INTEGER NOT NULL DEFAULT 0,"
  "  age_high          REAL,"
  "  age_high_open     INTEGER NOT NULL DEFAULT 0,"
  "  profile           BLOB NOT NULL"
  ");"
  "CREATE TRIGGER trial_match_archived AFTER UPDATE OF archived ON trials BEGIN"
  "  UPDATE trial_match SET archived = new.archived WHERE trial_id = new.id;"
  "END;"
  "CREATE TABLE criterion_rules ("
  "  id       INTEGER PRIMARY KEY,"
  "  rule     TEXT NOT NULL,"
  "  kind     INTEGER NOT NULL,"
  "  partial  INTEGER NOT NULL,"
  "  UNIQUE (rule, kind, partial)"
  ");"
  "CREATE TABLE trial_criteria ("
  "  trial_id           INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,"
  "  position           INTEGER NOT NULL,"
  "  criterion_id       TEXT NOT NULL,"
  "  kind               TEXT NOT NULL,"
  "  number             INTEGER NOT NULL,"
  "  subject            INTEGER NOT NULL,"
  "  text               TEXT NOT NULL,"
  "  context            TEXT,"
  "  section            TEXT,"
  "  rule               TEXT,"
  "  partial            INTEGER NOT NULL DEFAULT 0,"
  "  origin             TEXT NOT NULL,"
  "  variables          TEXT,"
  "  reason             TEXT,"
  "  match_key          TEXT NOT NULL,"
  "  extractor_version  INTEGER NOT NULL,"
  "  PRIMARY KEY (trial_id, position)"
  ") WITHOUT ROWID;"
  /* The trials an answer given on the same words in another trial decides
   * (eligo_patient_find_answer()), found by the matcher. */
  "CREATE INDEX trial_criteria_match_key ON trial_criteria (match_key);"
  "CREATE INDEX trials_criteria_version ON trials (criteria_version);",

  /* 4 -> 5: the criteria a re-import or refresh replaced, kept in the same
   * transaction as the update (eligo-database-history.c). A revision is one
   * replaced version of a trial's eligibility, by NCT number like the
   * curated rules: the registry's last update of the replaced record
   * (version), that of the record replacing it (replaced_by) and when Eligo
   * stored the new one (replaced_at, UTC, as screenings.screened_at), so a
   * saved screening can tell it was done against older criteria. */
  "CREATE TABLE criteria_revisions ("
  "  id           INTEGER PRIMARY KEY,"
  "  nct_id       TEXT NOT NULL,"
  "  version      TEXT,"
  "  replaced_by  TEXT,"
  "  replaced_at  TEXT NOT NULL"
  ");"
  "CREATE INDEX criteria_revisions_nct_id ON criteria_revisions (nct_id, replaced_at);"
  "CREATE TABLE criteria_history ("
  "  revision      INTEGER NOT NULL REFERENCES criteria_revisions (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL,"
  "  criterion_id  TEXT NOT NULL,"
  "  kind          TEXT NOT NULL,"
  "  text          TEXT NOT NULL,"
  "  context       TEXT,"
  "  rule          TEXT,"
  "  partial       INTEGER NOT NULL DEFAULT 0,"
  "  origin        TEXT NOT NULL,"
  "  match_key     TEXT NOT NULL,"
  "  PRIMARY KEY (revision, position)"
  ") WITHOUT ROWID;",

  /* 5 -> 6: where each part of a criterion's rule was read in its text (a JSON
   * array of [start, end, atom]); filled when the criteria are derived
   * again by the extractor of this version. */
  "ALTER TABLE trial_criteria ADD COLUMN spans TEXT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ELIGO_DATABASE_SCHEMA_VERSION);

int
_eligo_database_read_user_version (EligoDatabase  *self,
                                   GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  rc = sqlite3_prepare_v2 (_eligo_database_get_handle (self), "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    _eligo_database_set_error (self, error);

  sqlite3_finalize (stmt);

  return version;
}

gboolean
_eligo_database_migrate (EligoDatabase  *self,
                         int             version,
                         GError        **error)
{
  for (; version < ELIGO_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = NULL;
      int current;

      g_debug ("Migrating %s from schema %d to %d", eligo_database_get_path (self), version, version + 1);

      if (!_eligo_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* Another process (a second eligo-cli, the app) may have migrated it
       * while this one waited for the lock. */
      current = _eligo_database_read_user_version (self, error);
      if (current < 0)
        {
          _eligo_database_rollback (self);
          return FALSE;
        }
      if (current > version)
        {
          _eligo_database_rollback (self);
          version = current - 1;
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!_eligo_database_exec (self, migrations[version], error) ||
          !_eligo_database_exec (self, set_version, error) ||
          !_eligo_database_exec (self, "COMMIT", error))
        {
          _eligo_database_rollback (self);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), version + 1);
          return FALSE;
        }
    }

  return TRUE;
}
