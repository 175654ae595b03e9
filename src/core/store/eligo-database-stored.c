/* eligo-database-stored.c
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

/*
 * Criteria split and ruled once, at import, and stored beside the trial
 * with the extractor's version (DESIGN.md, Data). Reading a trial's
 * criteria is then a query, not a parse of its text; a newer extractor
 * re-derives them (eligo_database_rederive_criteria()).
 *
 * Besides the criteria themselves, each trial keeps (in trial_match, a
 * narrow table that never makes SQLite read the trial's JSON) what
 * matching needs to screen the whole library quickly:
 *  - the hard age limits its inclusion criteria set (age_low, age_high,
 *    each open or closed), so SQL can set aside the trials a patient's age
 *    certainly fails;
 *  - a match profile: for each criterion, in order, the id of its rule in
 *    criterion_rules (kind, partial, rule text), 0 for a criterion left to
 *    review whatever the patient. A rule shared by many trials is then
 *    evaluated once per patient.
 */

#define G_LOG_DOMAIN "eligo-database"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-database-private.h"
#include "eligo-import.h"
#include "eligo-rule-extractor.h"
#include "eligo-rule-spans.h"
#include "eligo-trial-private.h"

struct _EligoCriteriaWriter
{
  EligoDatabase *database;
  sqlite3_stmt  *delete_rows;
  sqlite3_stmt  *insert_row;
  sqlite3_stmt  *find_rule;
  sqlite3_stmt  *insert_rule;
  sqlite3_stmt  *update_trial;
  sqlite3_stmt  *update_match;
  GHashTable    *rule_ids;   /* "kind:partial:rule" -> id */
};

void
_eligo_criteria_writer_free (EligoCriteriaWriter *writer)
{
  if (writer == NULL)
    return;

  sqlite3_finalize (writer->delete_rows);
  sqlite3_finalize (writer->insert_row);
  sqlite3_finalize (writer->find_rule);
  sqlite3_finalize (writer->insert_rule);
  sqlite3_finalize (writer->update_trial);
  sqlite3_finalize (writer->update_match);
  g_clear_pointer (&writer->rule_ids, g_hash_table_unref);
  g_clear_object (&writer->database);
  g_free (writer);
}

EligoCriteriaWriter *
_eligo_criteria_writer_new (EligoDatabase  *self,
                            GError        **error)
{
  g_autoptr(EligoCriteriaWriter) writer = g_new0 (EligoCriteriaWriter, 1);
  sqlite3 *db = _eligo_database_get_handle (self);

  writer->database = g_object_ref (self);
  writer->rule_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (sqlite3_prepare_v2 (db, "DELETE FROM trial_criteria WHERE trial_id = ?", -1,
                          &writer->delete_rows, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO trial_criteria (trial_id, position, criterion_id, kind, "
                          "number, subject, text, context, section, rule, partial, origin, "
                          "variables, reason, match_key, extractor_version, spans) VALUES "
                          "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                          -1, &writer->insert_row, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT id FROM criterion_rules WHERE rule = ? AND kind = ? AND partial = ?",
                          -1, &writer->find_rule, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO criterion_rules (rule, kind, partial) VALUES (?, ?, ?)",
                          -1, &writer->insert_rule, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "UPDATE trials SET criteria_version = ?1, min_age_years = ?2, "
                          "max_age_years = ?3, age_source = ?4, registry_min_age_years = ?5, "
                          "registry_max_age_years = ?6 WHERE id = ?7",
                          -1, &writer->update_trial, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT OR REPLACE INTO trial_match (trial_id, nct_id, status, sex, "
                          "archived, age_low, age_low_open, age_high, age_high_open, profile) "
                          "VALUES (?1, ?2, ?3, ?4, (SELECT archived FROM trials WHERE id = ?1), "
                          "?5, ?6, ?7, ?8, ?9)",
                          -1, &writer->update_match, NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&writer);
}

static void
bind_double_or_null (sqlite3_stmt *stmt,
                     int           index,
                     double        value,
                     gboolean      known)
{
  if (known)
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Limits on age_years that a rule requires, if it is nothing else:
 * one comparison, or comparisons joined by "and". */
typedef struct
{
  gboolean has_low, low_open;
  double   low;
  gboolean has_high, high_open;
  double   high;
} AgeBounds;

static gboolean
rule_age_bounds (const EligoRule *rule,
                 AgeBounds       *bounds)
{
  switch (eligo_rule_get_kind (rule))
    {
    case ELIGO_RULE_AND:
      for (guint i = 0; i < eligo_rule_get_n_children (rule); i++)
        if (!rule_age_bounds (eligo_rule_get_child (rule, i), bounds))
          return FALSE;
      return TRUE;

    case ELIGO_RULE_COMPARE:
      {
        double n = eligo_rule_get_number (rule);
        EligoRuleOp op = eligo_rule_get_op (rule);

        if (g_strcmp0 (eligo_rule_get_variable (rule), "age_years") != 0)
          return FALSE;

        if (op == ELIGO_RULE_OP_GE || op == ELIGO_RULE_OP_GT)
          {
            gboolean open = op == ELIGO_RULE_OP_GT;

            if (!bounds->has_low || n > bounds->low || (n == bounds->low && open))
              {
                bounds->has_low = TRUE;
                bounds->low = n;
                bounds->low_open = open;
              }
            return TRUE;
          }
        if (op == ELIGO_RULE_OP_LE || op == ELIGO_RULE_OP_LT)
          {
            gboolean open = op == ELIGO_RULE_OP_LT;

            if (!bounds->has_high || n < bounds->high || (n == bounds->high && open))
              {
                bounds->has_high = TRUE;
                bounds->high = n;
                bounds->high_open = open;
              }
            return TRUE;
          }
        return FALSE;
      }

    case ELIGO_RULE_OR:
    case ELIGO_RULE_NOT:
    case ELIGO_RULE_IN:
    case ELIGO_RULE_VARIABLE:
    default:
      return FALSE;
    }
}

/* Is @number written as a number in @text ("under 65" holds 65)? */
static gboolean
text_states_number (const char *text,
                    double      number)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", number);
  size_t len = strlen (digits);

  for (const char *p = strstr (text, digits); p != NULL; p = strstr (p + 1, digits))
    if ((p == text || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[len]))
      return TRUE;

  return FALSE;
}

/*
 * The ages an age criterion of the text states, as the list shows the
 * registry's: whole years, the oldest age admitted. The extractor writes
 * "between 1 and 39" as age_years < 40 (a 39½-year-old is 39): a bound the
 * text does not state is that one year higher; "under 65" keeps 65.
 */
static gboolean
criteria_ages (GPtrArray *criteria,
               double    *min_age,
               double    *max_age)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);
      EligoRule *rule = eligo_criterion_get_rule (criterion);
      AgeBounds bounds = { 0 };

      if (rule == NULL || eligo_criterion_get_kind (criterion) != ELIGO_CRITERION_INCLUSION ||
          eligo_criterion_get_origin (criterion) != ELIGO_ORIGIN_PARSED ||
          eligo_criterion_get_subject (criterion) != ELIGO_SUBJECT_PATIENT ||
          !rule_age_bounds (rule, &bounds))
        continue;

      *min_age = bounds.has_low ? bounds.low : -1;
      *max_age = -1;
      if (bounds.has_high)
        {
          *max_age = bounds.high;
          if (bounds.high_open && bounds.high == floor (bounds.high) && bounds.high >= 1 &&
              !text_states_number (eligo_criterion_get_text (criterion), bounds.high))
            *max_age = bounds.high - 1;
        }
      return TRUE;
    }

  return FALSE;
}

static gint64
rule_id (EligoCriteriaWriter  *writer,
         EligoCriterion       *criterion,
         GError              **error)
{
  g_autofree char *rule = eligo_criterion_dup_rule_text (criterion);
  int kind = eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION ? 0 : 1;
  int partial = eligo_criterion_get_partial (criterion) ? 1 : 0;
  g_autofree char *key = NULL;
  gpointer cached;
  gint64 id = 0;

  if (rule == NULL || eligo_criterion_get_subject (criterion) != ELIGO_SUBJECT_PATIENT)
    return 0;

  key = g_strdup_printf ("%d:%d:%s", kind, partial, rule);
  cached = g_hash_table_lookup (writer->rule_ids, key);
  if (cached != NULL)
    return GPOINTER_TO_SIZE (cached);

  sqlite3_reset (writer->find_rule);
  sqlite3_bind_text (writer->find_rule, 1, rule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (writer->find_rule, 2, kind);
  sqlite3_bind_int (writer->find_rule, 3, partial);
  switch (sqlite3_step (writer->find_rule))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (writer->find_rule, 0);
      break;
    case SQLITE_DONE:
      sqlite3_reset (writer->insert_rule);
      sqlite3_bind_text (writer->insert_rule, 1, rule, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (writer->insert_rule, 2, kind);
      sqlite3_bind_int (writer->insert_rule, 3, partial);
      if (sqlite3_step (writer->insert_rule) != SQLITE_DONE)
        {
          _eligo_database_set_error (writer->database, error);
          return -1;
        }
      id = sqlite3_last_insert_rowid (_eligo_database_get_handle (writer->database));
      break;
    default:
      _eligo_database_set_error (writer->database, error);
      return -1;
    }

  g_hash_table_insert (writer->rule_ids, g_steal_pointer (&key), GSIZE_TO_POINTER (id));
  return id;
}

/**
 * _eligo_criteria_effective_ages:
 * @trial: a trial as read from the registry
 * @criteria: (element-type EligoCriterion): its criteria
 * @min_age: (out): the youngest age admitted, or -1
 * @max_age: (out): the oldest age admitted, or -1
 * @age_source: (out) (nullable): "registry", "criteria" or %NULL
 *
 * The ages the list shows for @trial: the registry's, else those an age
 * criterion states.
 */
void
_eligo_criteria_effective_ages (EligoTrial  *trial,
                                GPtrArray   *criteria,
                                double      *min_age,
                                double      *max_age,
                                const char **age_source)
{
  double reg_min = eligo_trial_get_min_age_years (trial);
  double reg_max = eligo_trial_get_max_age_years (trial);

  *min_age = -1;
  *max_age = -1;
  *age_source = NULL;
  if (reg_min > 0 || reg_max >= 0)
    {
      *min_age = reg_min;
      *max_age = reg_max;
      *age_source = "registry";
    }
  else if (reg_min == 0)
    {
      /* "0 Years" is no limit; an age criterion may still say more. */
      *min_age = 0;
      *age_source = "registry";
      if (criteria_ages (criteria, min_age, max_age))
        *age_source = "criteria";
    }
  else if (criteria_ages (criteria, min_age, max_age))
    *age_source = "criteria";
}

/* @update_trial: whether to write the trial's effective ages and criteria
 * version into its row; an import writes them with the row itself, so the
 * row (its raw JSON, kilobytes long) is not written twice. */
static gboolean
writer_store (EligoCriteriaWriter  *writer,
              EligoTrial           *trial,
              GPtrArray            *criteria,
              gboolean              update_trial,
              GError              **error)
{
  gint64 trial_id = eligo_trial_get_id (trial);
  g_autoptr(GArray) profile = g_array_sized_new (FALSE, FALSE, sizeof (guint32), criteria->len);
  AgeBounds limits = { 0 };
  double reg_min = eligo_trial_get_min_age_years (trial);
  double reg_max = eligo_trial_get_max_age_years (trial);
  double min_age = -1, max_age = -1;
  const char *age_source = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (trial_id > 0, FALSE);

  sqlite3_reset (writer->delete_rows);
  sqlite3_bind_int64 (writer->delete_rows, 1, trial_id);
  if (sqlite3_step (writer->delete_rows) != SQLITE_DONE)
    {
      _eligo_database_set_error (writer->database, error);
      return FALSE;
    }

  stmt = writer->insert_row;
  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);
      EligoRule *rule = eligo_criterion_get_rule (criterion);
      g_autofree char *rule_text = eligo_criterion_dup_rule_text (criterion);
      g_autofree char *key = eligo_criterion_dup_match_key (criterion);
      g_auto(GStrv) variables = NULL;
      g_autofree char *variables_text = NULL;
      g_autofree char *spans = eligo_rule_spans_to_json (eligo_criterion_get_spans (criterion));
      gint64 id;
      guint32 id32;

      if (rule != NULL)
        {
          variables = eligo_rule_dup_variables (rule);
          variables_text = g_strjoinv (" ", variables);
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, trial_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, eligo_criterion_get_id (criterion), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, eligo_criterion_kind_to_string (eligo_criterion_get_kind (criterion)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, (int) eligo_criterion_get_number (criterion));
      sqlite3_bind_int (stmt, 6, (int) eligo_criterion_get_subject (criterion));
      /* The registry's limits are written in the reader's language when read. */
      if (eligo_criterion_get_origin (criterion) == ELIGO_ORIGIN_STRUCTURED)
        sqlite3_bind_text (stmt, 7, "", -1, SQLITE_STATIC);
      else
        sqlite3_bind_text (stmt, 7, eligo_criterion_get_text (criterion), -1, SQLITE_TRANSIENT);
      _eligo_database_bind_text (stmt, 8, eligo_criterion_get_context (criterion));
      _eligo_database_bind_text (stmt, 9, eligo_criterion_get_section (criterion));
      _eligo_database_bind_text (stmt, 10, rule_text);
      sqlite3_bind_int (stmt, 11, rule != NULL && eligo_criterion_get_partial (criterion));
      sqlite3_bind_text (stmt, 12, eligo_rule_origin_to_string (eligo_criterion_get_origin (criterion)),
                         -1, SQLITE_STATIC);
      _eligo_database_bind_text (stmt, 13, variables_text);
      _eligo_database_bind_text (stmt, 14, eligo_criterion_get_reason (criterion));
      sqlite3_bind_text (stmt, 15, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 16, ELIGO_RULE_EXTRACTOR_VERSION);
      _eligo_database_bind_text (stmt, 17, spans);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _eligo_database_set_error (writer->database, error);
          return FALSE;
        }

      id = rule_id (writer, criterion, error);
      if (id < 0)
        return FALSE;
      id32 = (guint32) id;
      g_array_append_val (profile, id32);

      /* Every inclusion that is only an age range is a hard limit: a
       * patient outside it fails that criterion. */
      if (rule != NULL && eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION &&
          eligo_criterion_get_subject (criterion) == ELIGO_SUBJECT_PATIENT)
        {
          AgeBounds bounds = limits;

          if (rule_age_bounds (rule, &bounds))
            limits = bounds;
        }
    }

  _eligo_criteria_effective_ages (trial, criteria, &min_age, &max_age, &age_source);

  stmt = writer->update_trial;
  sqlite3_reset (stmt);
  sqlite3_bind_int (stmt, 1, ELIGO_RULE_EXTRACTOR_VERSION);
  bind_double_or_null (stmt, 2, min_age, min_age >= 0);
  bind_double_or_null (stmt, 3, max_age, max_age >= 0);
  _eligo_database_bind_text (stmt, 4, age_source);
  bind_double_or_null (stmt, 5, reg_min, reg_min >= 0);
  bind_double_or_null (stmt, 6, reg_max, reg_max >= 0);
  sqlite3_bind_int64 (stmt, 7, trial_id);
  if (update_trial && sqlite3_step (stmt) != SQLITE_DONE)
    {
      _eligo_database_set_error (writer->database, error);
      return FALSE;
    }

  stmt = writer->update_match;
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, trial_id);
  sqlite3_bind_text (stmt, 2, eligo_trial_get_nct_id (trial), -1, SQLITE_TRANSIENT);
  _eligo_database_bind_text (stmt, 3, eligo_trial_get_overall_status (trial));
  _eligo_database_bind_text (stmt, 4, eligo_trial_get_sex (trial));
  bind_double_or_null (stmt, 5, limits.low, limits.has_low);
  sqlite3_bind_int (stmt, 6, limits.low_open);
  bind_double_or_null (stmt, 7, limits.high, limits.has_high);
  sqlite3_bind_int (stmt, 8, limits.high_open);
  /* A trial without criteria has an empty profile, not a NULL one. */
  sqlite3_bind_blob (stmt, 9, profile->len > 0 ? (const void *) profile->data : "",
                     (int) (profile->len * sizeof (guint32)), SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _eligo_database_set_error (writer->database, error);
      return FALSE;
    }

  _eligo_trial_set_effective_ages (trial, min_age, max_age, age_source);

  return TRUE;
}

/**
 * _eligo_criteria_writer_store:
 * @trial: a trial with its row id
 * @criteria: (element-type EligoCriterion): eligo_criteria_for_trial()'s
 *   criteria of @trial (without curated rules)
 *
 * Replaces the stored criteria of @trial and what matching reads of them,
 * and the effective ages and criteria version in its row. The caller holds
 * a write transaction.
 */
gboolean
_eligo_criteria_writer_store (EligoCriteriaWriter  *writer,
                              EligoTrial           *trial,
                              GPtrArray            *criteria,
                              GError              **error)
{
  return writer_store (writer, trial, criteria, TRUE, error);
}

/**
 * _eligo_criteria_writer_store_rows:
 *
 * _eligo_criteria_writer_store() for a trial whose row was just written
 * with _eligo_criteria_effective_ages() and this extractor's version:
 * everything but the row itself.
 */
gboolean
_eligo_criteria_writer_store_rows (EligoCriteriaWriter  *writer,
                                   EligoTrial           *trial,
                                   GPtrArray            *criteria,
                                   GError              **error)
{
  return writer_store (writer, trial, criteria, FALSE, error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * _eligo_database_load_criteria:
 * @stored: (out): whether the trial's criteria were stored by this
 *   extractor version; if not, nothing is returned and the caller derives
 *   them from the text
 *
 * Returns: (transfer container) (element-type EligoCriterion) (nullable):
 *   the stored criteria, without curated rules
 */
GPtrArray *
_eligo_database_load_criteria (EligoDatabase  *self,
                               EligoTrial     *trial,
                               gboolean       *stored,
                               GError        **error)
{
  sqlite3 *db = _eligo_database_get_handle (self);
  g_autoptr(GPtrArray) criteria = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *nct_id = eligo_trial_get_nct_id (trial);
  int rc;

  *stored = FALSE;
  if (eligo_trial_get_id (trial) <= 0)
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT criteria_version FROM trials WHERE id = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, eligo_trial_get_id (trial));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *stored = sqlite3_column_int (stmt, 0) == ELIGO_RULE_EXTRACTOR_VERSION;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _eligo_database_set_error (self, error);
      return NULL;
    }
  if (!*stored)
    return NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT kind, number, subject, text, context, section, rule, partial, "
                          "origin, reason, match_key, spans FROM trial_criteria WHERE trial_id = ? "
                          "ORDER BY position",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      *stored = FALSE;
      _eligo_database_set_error (self, error);
      return NULL;
    }

  criteria = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, eligo_trial_get_id (trial));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EligoCriterionKind kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0),
                                           "inclusion") == 0
                                ? ELIGO_CRITERION_INCLUSION : ELIGO_CRITERION_EXCLUSION;
      const char *origin_text = (const char *) sqlite3_column_text (stmt, 8);
      const char *rule_text = (const char *) sqlite3_column_text (stmt, 6);
      const char *key = (const char *) sqlite3_column_text (stmt, 10);
      EligoRuleOrigin origin = g_strcmp0 (origin_text, "structured") == 0 ? ELIGO_ORIGIN_STRUCTURED
                                                                          : ELIGO_ORIGIN_PARSED;
      g_autofree char *structured_text = NULL;
      g_autofree char *context = column_dup (stmt, 4);
      g_autofree char *section = column_dup (stmt, 5);
      g_autofree char *reason = column_dup (stmt, 9);
      EligoCriterion *criterion;
      int number = sqlite3_column_int (stmt, 1);

      if (number <= 0)
        continue;

      if (origin == ELIGO_ORIGIN_STRUCTURED)
        structured_text = eligo_criteria_structured_text (trial, key);

      criterion = eligo_criterion_new (nct_id, kind, (guint) number,
                                       structured_text != NULL
                                       ? structured_text
                                       : (const char *) sqlite3_column_text (stmt, 3));
      eligo_criterion_set_context (criterion, context);
      eligo_criterion_set_section (criterion, section);
      eligo_criterion_set_subject (criterion, (EligoCriterionSubject) sqlite3_column_int (stmt, 2));
      eligo_criterion_set_match_key (criterion, key);
      if (rule_text != NULL)
        {
          g_autoptr(GError) parse_error = NULL;
          g_autoptr(EligoRule) rule = eligo_rule_parse (rule_text, NULL, &parse_error);

          if (rule != NULL)
            {
              const char *spans = (const char *) sqlite3_column_text (stmt, 11);

              eligo_criterion_set_rule (criterion, rule, sqlite3_column_int (stmt, 7) != 0, origin);
              if (spans != NULL)
                {
                  g_autoptr(GError) spans_error = NULL;
                  g_autoptr(GArray) read = eligo_rule_spans_from_json (spans, eligo_criterion_get_text (criterion),
                                                                        &spans_error);

                  /* Only where the rule came from is lost: the criterion stands. */
                  if (read == NULL)
                    g_message ("Stored spans of %s cannot be read: %s", eligo_criterion_get_id (criterion),
                               spans_error->message);
                  eligo_criterion_set_spans (criterion, read);
                }
            }
          else
            g_message ("Stored rule of %s cannot be read: %s", eligo_criterion_get_id (criterion),
                       parse_error->message);
        }
      eligo_criterion_set_reason (criterion, reason);
      g_ptr_array_add (criteria, criterion);
    }

  if (rc != SQLITE_DONE)
    {
      *stored = FALSE;
      _eligo_database_set_error (self, error);
      g_clear_pointer (&criteria, g_ptr_array_unref);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&criteria);
}

/**
 * eligo_database_count_stale_criteria:
 *
 * Returns: how many trials have criteria derived by another extractor
 *   version than this Eligo's (or none yet), or %G_MAXUINT on error
 */
guint
eligo_database_count_stale_criteria (EligoDatabase  *self,
                                     GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  guint count = G_MAXUINT;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), G_MAXUINT);

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT count(*) FROM trials WHERE criteria_version IS NOT ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _eligo_database_set_error (self, error);
      return G_MAXUINT;
    }
  sqlite3_bind_int (stmt, 1, ELIGO_RULE_EXTRACTOR_VERSION);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    _eligo_database_set_error (self, error);
  sqlite3_finalize (stmt);

  return count;
}

#define REDERIVE_BATCH 200

/* One batch, in one transaction: the ids are read again inside it, so a
 * trial another connection re-imported meanwhile is not written twice. */
static gboolean
rederive_batch (EligoDatabase  *self,
                guint          *n_done,
                gboolean       *finished,
                GError        **error)
{
  g_autoptr(EligoCriteriaWriter) writer = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_eligo_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (sqlite3_prepare_v2 (_eligo_database_get_handle (self),
                          "SELECT id FROM trials WHERE criteria_version IS NOT ? ORDER BY id LIMIT ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto sql_error;
  sqlite3_bind_int (stmt, 1, ELIGO_RULE_EXTRACTOR_VERSION);
  sqlite3_bind_int (stmt, 2, REDERIVE_BATCH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    goto sql_error;

  writer = _eligo_criteria_writer_new (self, error);
  if (writer == NULL)
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial = eligo_database_get_trial (self, g_array_index (ids, gint64, i),
                                                              error);
      g_autoptr(GPtrArray) criteria = NULL;

      if (trial == NULL)
        goto failed;
      criteria = eligo_criteria_for_trial (trial);
      if (!_eligo_criteria_writer_store (writer, trial, criteria, error))
        goto failed;
    }

  if (!_eligo_database_exec (self, "COMMIT", error))
    goto failed;

  *n_done += ids->len;
  *finished = ids->len < REDERIVE_BATCH;
  return TRUE;

sql_error:
  _eligo_database_set_error (self, error);
failed:
  sqlite3_finalize (stmt);
  _eligo_database_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * eligo_database_rederive_criteria:
 * @progress: (nullable) (scope call): called after each batch with the
 *   number of trials done and the number there were to do
 * @cancellable: (nullable): stops between two batches
 *
 * Splits and rules again the criteria of every trial stored by another
 * extractor version, in batches of a few hundred trials, each its own
 * transaction. Curated rules are kept (they are stored apart, by criterion
 * key) and so are the nurses' answers. The app runs this on a worker
 * connection (#EligoRederiveJob); the CLI before its command.
 */
gboolean
eligo_database_rederive_criteria (EligoDatabase              *self,
                                  EligoRederiveProgressFunc   progress,
                                  gpointer                    user_data,
                                  GCancellable               *cancellable,
                                  GError                    **error)
{
  guint total, done = 0;
  gboolean finished = FALSE;

  g_return_val_if_fail (ELIGO_IS_DATABASE (self), FALSE);

  total = eligo_database_count_stale_criteria (self, error);
  if (total == G_MAXUINT)
    return FALSE;

  while (total > 0 && !finished)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!rederive_batch (self, &done, &finished, error))
        return FALSE;
      if (progress != NULL)
        progress (MIN (done, total), total, user_data);
    }

  return TRUE;
}

typedef struct
{
  GPtrArray *trials;
  GPtrArray *derived;
  gint       next;
} DeriveWork;

static gpointer
derive_worker (gpointer data)
{
  DeriveWork *work = data;
  gint i;

  while ((i = g_atomic_int_add (&work->next, 1)) < (gint) work->trials->len)
    work->derived->pdata[i] = eligo_criteria_for_trial (g_ptr_array_index (work->trials, i));

  return NULL;
}

/**
 * _eligo_derive_criteria_threads:
 * @trials: (element-type EligoTrial): trials about to be imported
 * @max_threads: how many threads may split and rule them
 *
 * Splits and rules the criteria of @trials, before the import takes the
 * write lock.
 *
 * Returns: (transfer container): for each trial, its criteria
 */
GPtrArray *
_eligo_derive_criteria_threads (GPtrArray *trials,
                                guint      max_threads)
{
  DeriveWork work = { trials, NULL, 0 };
  guint n_threads = MIN (max_threads, trials->len / 16 + 1);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  work.derived = g_ptr_array_new_full (trials->len, (GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_set_size (work.derived, trials->len);

  for (guint i = 1; i < n_threads; i++)
    {
      GThread *thread = g_thread_try_new ("eligo-criteria", derive_worker, &work, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  derive_worker (&work);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  return work.derived;
}

GPtrArray *
_eligo_derive_criteria (GPtrArray *trials)
{
  return _eligo_derive_criteria_threads (trials, (guint) g_get_num_processors ());
}
