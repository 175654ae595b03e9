/* eligo-format.c
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
 */

#define G_LOG_DOMAIN "eligo-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "eligo-format.h"

typedef struct
{
  const char *code;
  const char *label;
} CodeLabel;

/* ClinicalTrials.gov API v2, enum Status */
static const CodeLabel statuses[] = {
  { "RECRUITING",                NC_("trial status", "Recruiting") },
  { "NOT_YET_RECRUITING",        NC_("trial status", "Not yet recruiting") },
  { "ENROLLING_BY_INVITATION",   NC_("trial status", "Enrolling by invitation") },
  { "ACTIVE_NOT_RECRUITING",     NC_("trial status", "Active, not recruiting") },
  { "SUSPENDED",                 NC_("trial status", "Suspended") },
  { "TERMINATED",                NC_("trial status", "Terminated") },
  { "COMPLETED",                 NC_("trial status", "Completed") },
  { "WITHDRAWN",                 NC_("trial status", "Withdrawn") },
  { "UNKNOWN",                   NC_("trial status", "Unknown status") },
  { "AVAILABLE",                 NC_("trial status", "Available") },
  { "NO_LONGER_AVAILABLE",       NC_("trial status", "No longer available") },
  { "TEMPORARILY_NOT_AVAILABLE", NC_("trial status", "Temporarily not available") },
  { "APPROVED_FOR_MARKETING",    NC_("trial status", "Approved for marketing") },
  { "WITHHELD",                  NC_("trial status", "Withheld") },
};

/* ClinicalTrials.gov API v2, enum Sex */
static const CodeLabel sexes[] = {
  { "ALL",    NC_("sex", "All") },
  { "FEMALE", NC_("sex", "Female") },
  { "MALE",   NC_("sex", "Male") },
};

static const CodeLabel study_types[] = {
  { "INTERVENTIONAL",  NC_("study type", "Interventional") },
  { "OBSERVATIONAL",   NC_("study type", "Observational") },
  { "EXPANDED_ACCESS", NC_("study type", "Expanded access") },
};

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
is_whole (double value)
{
  return fabs (value - round (value)) < 0.001;
}

/* "ACTIVE_NOT_RECRUITING" becomes "Active not recruiting", for registry
 * values that are newer than this table.
 */
static char *
humanize_code (const char *code)
{
  GString *str = g_string_new (NULL);

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (str, ' ');
      else if (str->len == 0)
        g_string_append_c (str, g_ascii_toupper (*p));
      else
        g_string_append_c (str, g_ascii_tolower (*p));
    }

  return g_string_free (str, FALSE);
}

static char *
lookup_label (const CodeLabel *table,
              gsize            n_entries,
              const char      *context,
              const char      *code)
{
  g_assert (table != NULL);
  g_assert (code != NULL);

  for (gsize i = 0; i < n_entries; i++)
    {
      if (g_ascii_strcasecmp (table[i].code, code) == 0)
        return g_strdup (g_dpgettext2 (NULL, context, table[i].label));
    }

  return humanize_code (code);
}

/* Returns the number of "PHASE2", or -1 if @token is not of that form. */
static int
parse_phase_number (const char *token)
{
  guint64 number;

  if (!g_str_has_prefix (token, "PHASE") || !g_ascii_isdigit (token[5]))
    return -1;

  if (!g_ascii_string_to_unsigned (token + 5, 10, 0, 9, &number, NULL))
    return -1;

  return (int) number;
}

static char *
format_phase (const char *token)
{
  int number = parse_phase_number (token);

  if (number >= 0)
    /* Translators: a trial phase, e.g. "Phase 2" */
    return g_strdup_printf (_("Phase %d"), number);

  if (g_strcmp0 (token, "EARLY_PHASE1") == 0)
    return g_strdup (_("Early phase 1"));

  if (g_strcmp0 (token, "NA") == 0)
    /* Translators: the trial phase of a study without phases, such as a device study */
    return g_strdup (_("Not applicable"));

  return humanize_code (token);
}

/**
 * eligo_format_status:
 * @status: (nullable): an overall status as the registry spells it, e.g. "RECRUITING"
 *
 * Returns: (transfer full): a readable, translated label such as "Recruiting"
 */
char *
eligo_format_status (const char *status)
{
  if (is_blank (status))
    return g_strdup (ELIGO_FORMAT_ABSENT);

  return lookup_label (statuses, G_N_ELEMENTS (statuses), "trial status", status);
}

/**
 * eligo_format_phases:
 * @phases: (nullable): phases as stored, joined by "/", e.g. "PHASE1/PHASE2"
 *
 * Returns: (transfer full): e.g. "Phase 1/2", "Early phase 1" or "Not applicable"
 */
char *
eligo_format_phases (const char *phases)
{
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GString *numbers;
  gboolean all_numbered = TRUE;

  if (is_blank (phases))
    return g_strdup (ELIGO_FORMAT_ABSENT);

  tokens = g_strsplit_set (phases, "/,;| ", -1);
  numbers = g_string_new (NULL);
  labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      int number;

      if (tokens[i][0] == '\0')
        continue;

      number = parse_phase_number (tokens[i]);
      if (number < 0)
        all_numbered = FALSE;
      else
        g_string_append_printf (numbers, "%s%d", numbers->len > 0 ? "/" : "", number);

      g_ptr_array_add (labels, format_phase (tokens[i]));
    }

  if (labels->len == 0)
    {
      g_string_free (numbers, TRUE);
      return g_strdup (ELIGO_FORMAT_ABSENT);
    }

  if (all_numbered)
    {
      char *ret;

      /* Translators: trial phases, e.g. "Phase 1/2" for a combined phase 1 and 2 trial */
      ret = g_strdup_printf (_("Phase %s"), numbers->str);
      g_string_free (numbers, TRUE);
      return ret;
    }

  g_string_free (numbers, TRUE);
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (", ", (char **) labels->pdata);
}

/**
 * eligo_format_age:
 * @years: an age in years, negative if absent
 *
 * Whole years are written as a number; young ages that the registry gave in
 * months, weeks or days are written in that unit.
 *
 * Returns: (transfer full): e.g. "18", "6 mo", "4 wk"
 */
char *
eligo_format_age (double years)
{
  double months = years * 12.0;
  double weeks = years * 365.25 / 7.0;
  double days = years * 365.25;

  if (years < 0.0)
    return g_strdup (ELIGO_FORMAT_ABSENT);

  if (is_whole (years))
    return g_strdup_printf ("%.0f", years);

  if (years < 2.0 && is_whole (months))
    /* Translators: a short age in months, e.g. "6 mo" */
    return g_strdup_printf (_("%.0f mo"), months);

  if (years < 0.25 && is_whole (weeks))
    /* Translators: a short age in weeks, e.g. "4 wk" */
    return g_strdup_printf (_("%.0f wk"), weeks);

  if (days < 60.0)
    /* Translators: a short age in days, e.g. "28 d" */
    return g_strdup_printf (_("%.0f d"), round (days));

  return g_strdup_printf ("%.1f", years);
}

/**
 * eligo_format_age_range:
 * @min_age_years: the minimum age, negative if absent
 * @max_age_years: the maximum age, negative if absent
 *
 * A minimum age of 0 is no limit. When the registry states neither limit
 * the range is shown as unknown ("—"), not as open to any age.
 *
 * Returns: (transfer full): e.g. "18+", "14–80", "≤ 16", "Any" or "—"
 */
char *
eligo_format_age_range (double min_age_years,
                        double max_age_years)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  gboolean has_min = min_age_years > 0.0;
  gboolean has_max = max_age_years >= 0.0;

  if (min_age_years < 0.0 && max_age_years < 0.0)
    return g_strdup ("—");

  if (!has_min && !has_max)
    /* Translators: the age range of a trial open to patients of any age */
    return g_strdup (C_("ages", "Any"));

  min = eligo_format_age (min_age_years);
  max = eligo_format_age (max_age_years);

  if (has_min && !has_max)
    /* Translators: an age range without an upper limit, e.g. "18+" */
    return g_strdup_printf (_("%s+"), min);

  if (!has_min)
    /* Translators: an age range without a lower limit, e.g. "≤ 16" */
    return g_strdup_printf (_("≤ %s"), max);

  /* Translators: an age range, e.g. "14–80" */
  return g_strdup_printf (_("%s–%s"), min, max);
}

/**
 * eligo_format_enrollment:
 * @enrollment: the number of participants, negative if absent
 *
 * Returns: (transfer full): e.g. "30"
 */
char *
eligo_format_enrollment (int enrollment)
{
  if (enrollment < 0)
    return g_strdup (ELIGO_FORMAT_ABSENT);

  return g_strdup_printf ("%d", enrollment);
}

/**
 * eligo_format_date:
 * @date: (nullable): an ISO 8601 date, maybe partial: "2025", "2025-07" or "2025-07-19"
 *
 * Registry dates stay in ISO form: unambiguous for every reader, and they
 * line up in a column.
 *
 * Returns: (transfer full): the date, or a dash if absent
 */
char *
eligo_format_date (const char *date)
{
  return eligo_format_text (date);
}

/**
 * eligo_format_sex:
 * @sex: (nullable): "ALL", "FEMALE" or "MALE"
 *
 * Returns: (transfer full): a translated label
 */
char *
eligo_format_sex (const char *sex)
{
  if (is_blank (sex))
    return g_strdup (ELIGO_FORMAT_ABSENT);

  return lookup_label (sexes, G_N_ELEMENTS (sexes), "sex", sex);
}

/**
 * eligo_format_study_type:
 * @study_type: (nullable): the registry's code, e.g. "INTERVENTIONAL"
 *
 * Returns: (transfer full): a translated label, or a dash if absent
 */
char *
eligo_format_study_type (const char *study_type)
{
  if (is_blank (study_type))
    return g_strdup (ELIGO_FORMAT_ABSENT);

  return lookup_label (study_types, G_N_ELEMENTS (study_types), "study type", study_type);
}

/**
 * eligo_format_text:
 * @text: (nullable): any text
 *
 * Returns: (transfer full): @text, or a dash if it is absent or empty
 */
char *
eligo_format_text (const char *text)
{
  if (is_blank (text))
    return g_strdup (ELIGO_FORMAT_ABSENT);

  return g_strdup (text);
}

/**
 * eligo_format_limit:
 * @number: a rule's threshold or a patient's value
 *
 * Returns: (transfer full): @number as a limit is shown: whole numbers
 *   without decimals ("2"), others with up to six significant digits
 *   ("1.5", "0.05")
 */
char *
eligo_format_limit (double number)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (number - round (number)) < 1e-9)
    return g_strdup_printf ("%.0f", round (number));

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", number));
}

/**
 * eligo_format_trial_count:
 * @n_trials: a number of trials
 *
 * Returns: (transfer full): e.g. "5 trials"
 */
char *
eligo_format_trial_count (guint n_trials)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trial", "%u trials", n_trials),
                          n_trials);
}

/**
 * eligo_status_is_open:
 * @status: (nullable): an overall status as the registry spells it
 *
 * Returns: whether a trial with @status takes, or will soon take, patients
 */
gboolean
eligo_status_is_open (const char *status)
{
  static const char * const open[] = {
    "RECRUITING",
    "NOT_YET_RECRUITING",
    "ENROLLING_BY_INVITATION",
    "AVAILABLE",
  };

  if (is_blank (status))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    {
      if (g_ascii_strcasecmp (open[i], status) == 0)
        return TRUE;
    }

  return FALSE;
}
