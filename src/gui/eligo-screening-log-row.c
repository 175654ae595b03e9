/* eligo-screening-log-row.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One saved screening as a row of the screening log, with its columns as
 * read-only properties for sorters and <lookup>, and the verdict icons.
 */

#define G_LOG_DOMAIN "eligo-screening-log-row"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-format.h"
#include "eligo-screening-log-row.h"

struct _EligoScreeningLogRow
{
  GObject               parent_instance;

  EligoScreeningRecord *record;
  char                 *date;        /* local date, YYYY-MM-DD */
  char                 *time;        /* local date and time */
  char                 *search_key;  /* casefolded screening id */
};

G_DEFINE_FINAL_TYPE (EligoScreeningLogRow, eligo_screening_log_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SCREENING_ID,
  PROP_NCT_ID,
  PROP_TRIAL_TITLE,
  PROP_VERDICT,
  PROP_VERDICT_LABEL,
  PROP_VERDICT_ICON,
  PROP_VERDICT_CLASSES,
  PROP_VERDICT_RANK,
  PROP_FAILING,
  PROP_REASONS,
  PROP_SCREENER,
  PROP_SITE,
  PROP_SCREENED_AT,
  PROP_DATE,
  PROP_TIME,
  PROP_OUTDATED,
  PROP_OUTDATED_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EligoTrialVerdict
_eligo_trial_verdict_from_string (const char *verdict)
{
  if (g_strcmp0 (verdict, "eligible") == 0)
    return ELIGO_TRIAL_VERDICT_ELIGIBLE;
  if (g_strcmp0 (verdict, "ineligible") == 0)
    return ELIGO_TRIAL_VERDICT_INELIGIBLE;
  return ELIGO_TRIAL_VERDICT_PENDING;
}

const char *
_eligo_trial_verdict_get_icon_name (EligoTrialVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_TRIAL_VERDICT_ELIGIBLE:
      return "emblem-ok-symbolic";
    case ELIGO_TRIAL_VERDICT_INELIGIBLE:
      return "process-stop-symbolic";
    case ELIGO_TRIAL_VERDICT_PENDING:
    default:
      return "document-open-recent-symbolic";
    }
}

EligoVerdict
_eligo_verdict_from_string (const char *verdict)
{
  for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
    {
      if (g_strcmp0 (verdict, eligo_verdict_to_string (v)) == 0)
        return v;
    }

  return ELIGO_VERDICT_REVIEW;
}

const char *
_eligo_verdict_get_icon_name (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_PASS:
      return "emblem-ok-symbolic";
    case ELIGO_VERDICT_FAIL:
      return "process-stop-symbolic";
    case ELIGO_VERDICT_UNKNOWN:
      return "dialog-question-symbolic";
    case ELIGO_VERDICT_REVIEW:
    case ELIGO_N_VERDICTS:
    default:
      return "document-edit-symbolic";
    }
}

/* A UTC ISO 8601 time as the local date and the local date and time. */
void
_eligo_format_local_time (const char  *iso,
             char       **date,
             char       **time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso != NULL)
    utc = g_date_time_new_from_iso8601 (iso, NULL);

  if (utc == NULL)
    {
      *date = iso != NULL ? g_strndup (iso, 10) : g_strdup (ELIGO_FORMAT_ABSENT);
      *time = g_strdup (*date);
      return;
    }

  local = g_date_time_to_local (utc);
  *date = g_date_time_format (local, "%Y-%m-%d");
  *time = g_date_time_format (local, "%Y-%m-%d %H:%M");
}

const char *
_eligo_text_or_absent (const char *text)
{
  return (text != NULL && *text != '\0') ? text : ELIGO_FORMAT_ABSENT;
}

static void
eligo_screening_log_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EligoScreeningLogRow *self = ELIGO_SCREENING_LOG_ROW (object);
  const EligoScreeningRecord *r = self->record;
  EligoTrialVerdict verdict = _eligo_trial_verdict_from_string (r->verdict);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, r->id);
      break;

    case PROP_SCREENING_ID:
      g_value_set_string (value, r->screening_id);
      break;

    case PROP_NCT_ID:
      g_value_set_string (value, r->nct_id);
      break;

    case PROP_TRIAL_TITLE:
      g_value_set_string (value, r->trial_title);
      break;

    case PROP_VERDICT:
      g_value_set_string (value, eligo_trial_verdict_to_string (verdict));
      break;

    case PROP_VERDICT_LABEL:
      g_value_set_string (value, eligo_trial_verdict_get_label (verdict));
      break;

    case PROP_VERDICT_ICON:
      g_value_set_string (value, _eligo_trial_verdict_get_icon_name (verdict));
      break;

    case PROP_VERDICT_CLASSES:
      {
        const char *classes[] = { "verdict", eligo_trial_verdict_to_string (verdict), NULL };

        g_value_set_boxed (value, classes);
      }
      break;

    case PROP_VERDICT_RANK:
      /* Eligible, then pending, then not eligible. */
      g_value_set_int (value, verdict == ELIGO_TRIAL_VERDICT_ELIGIBLE ? 0
                              : verdict == ELIGO_TRIAL_VERDICT_PENDING ? 1 : 2);
      break;

    case PROP_FAILING:
      g_value_set_string (value, r->failing);
      break;

    case PROP_REASONS:
      g_value_set_string (value, r->failing != NULL ? r->failing : "");
      break;

    case PROP_SCREENER:
      g_value_set_string (value, _eligo_text_or_absent (r->screener));
      break;

    case PROP_SITE:
      g_value_set_string (value, _eligo_text_or_absent (r->site));
      break;

    case PROP_SCREENED_AT:
      g_value_set_string (value, r->screened_at);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    case PROP_OUTDATED:
      g_value_set_boolean (value, r->criteria_changed != NULL);
      break;

    case PROP_OUTDATED_TEXT:
      g_value_take_string (value, eligo_screening_log_row_dup_outdated_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_screening_log_row_finalize (GObject *object)
{
  EligoScreeningLogRow *self = ELIGO_SCREENING_LOG_ROW (object);

  g_clear_pointer (&self->record, eligo_screening_record_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (eligo_screening_log_row_parent_class)->finalize (object);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
eligo_screening_log_row_class_init (EligoScreeningLogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = eligo_screening_log_row_get_property;
  object_class->finalize = eligo_screening_log_row_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCREENING_ID] = string_property ("screening-id");
  properties[PROP_NCT_ID] = string_property ("nct-id");
  properties[PROP_TRIAL_TITLE] = string_property ("trial-title");
  properties[PROP_VERDICT] = string_property ("verdict");
  properties[PROP_VERDICT_LABEL] = string_property ("verdict-label");
  properties[PROP_VERDICT_ICON] = string_property ("verdict-icon");
  properties[PROP_VERDICT_CLASSES] =
    g_param_spec_boxed ("verdict-classes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERDICT_RANK] =
    g_param_spec_int ("verdict-rank", NULL, NULL, 0, 2, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILING] = string_property ("failing");
  properties[PROP_REASONS] = string_property ("reasons");
  properties[PROP_SCREENER] = string_property ("screener");
  properties[PROP_SITE] = string_property ("site");
  properties[PROP_SCREENED_AT] = string_property ("screened-at");
  properties[PROP_DATE] = string_property ("date");
  properties[PROP_TIME] = string_property ("time");
  properties[PROP_OUTDATED] =
    g_param_spec_boolean ("outdated", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTDATED_TEXT] = string_property ("outdated-text");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_screening_log_row_init (EligoScreeningLogRow *self)
{
}

/* Takes @record. */
EligoScreeningLogRow *
eligo_screening_log_row_new (EligoScreeningRecord *record)
{
  EligoScreeningLogRow *self = g_object_new (ELIGO_TYPE_SCREENING_LOG_ROW, NULL);

  self->record = record;
  _eligo_format_local_time (record->screened_at, &self->date, &self->time);
  self->search_key = g_utf8_casefold (record->screening_id != NULL ? record->screening_id : "",
                                      -1);

  return self;
}

gint64
eligo_screening_log_row_get_id (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), 0);

  return self->record->id;
}

const char *
eligo_screening_log_row_get_screening_id (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  return self->record->screening_id;
}

const char *
eligo_screening_log_row_get_nct_id (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  return self->record->nct_id;
}

const char *
eligo_screening_log_row_get_verdict (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  return eligo_trial_verdict_to_string (_eligo_trial_verdict_from_string (self->record->verdict));
}

const char *
eligo_screening_log_row_get_date (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  return self->date;
}

const EligoScreeningRecord *
eligo_screening_log_row_get_record (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  return self->record;
}

const char *
eligo_screening_log_row_get_time (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  return self->time;
}

const char *
eligo_screening_log_row_get_search_key (EligoScreeningLogRow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  return self->search_key;
}

/**
 * eligo_screening_log_row_dup_outdated_text:
 *
 * Returns: (transfer full) (nullable): "Criteria changed since this
 *   screening (…)" when the trial's criteria changed since, else %NULL
 */
char *
eligo_screening_log_row_dup_outdated_text (EligoScreeningLogRow *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_ROW (self), NULL);

  if (self->record->criteria_changed == NULL)
    return NULL;

  date = eligo_format_date (self->record->criteria_changed);
  /* Translators: %s is the registry's date of the change of the trial's criteria */
  return g_strdup_printf (_("Criteria changed since this screening (on %s)"), date);
}
