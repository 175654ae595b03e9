/* eligo-utils.c
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

#define G_LOG_DOMAIN "eligo-utils"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "eligo-utils.h"

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint) (text[i] - '0');
    }

  *value = v;
  return TRUE;
}

/*
 * Registry dates are partial: "2025", "2025-07" or "2025-07-19". They are
 * stored as given, so the precision is kept and the text sorts correctly.
 */
gboolean
eligo_date_is_valid (const char *text)
{
  guint year, month, day;
  gsize len;

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;

  if (!parse_digits (text, 4, &year) || year < 1800 || year > 2200)
    return FALSE;

  if (len == 4)
    return TRUE;

  if (text[4] != '-' || !parse_digits (text + 5, 2, &month) || month < 1 || month > 12)
    return FALSE;

  if (len == 7)
    return TRUE;

  if (text[7] != '-' || !parse_digits (text + 8, 2, &day) || day < 1)
    return FALSE;

  return day <= g_date_get_days_in_month (month, year);
}

/*
 * Ages as the registry writes them: "18 Years", "6 Months", "4 Weeks",
 * "1 Day", "12 Hours", "30 Minutes". The result is in years.
 */
gboolean
eligo_age_parse_years (const char *text,
                       double     *years)
{
  static const struct {
    const char *unit;
    double      per_year;
  } units[] = {
    { "year", 1.0 },
    { "month", 12.0 },
    { "week", 365.25 / 7.0 },
    { "day", 365.25 },
    { "hour", 365.25 * 24.0 },
    { "minute", 365.25 * 24.0 * 60.0 },
  };
  g_autofree char *unit = NULL;
  const char *p;
  char *end;
  double value;
  gsize len;

  g_return_val_if_fail (years != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if (!g_ascii_isdigit (*p))
    return FALSE;

  value = g_ascii_strtod (p, &end);
  if (end == p || value < 0 || value > 1e6)
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;

  unit = g_ascii_strdown (end, -1);
  g_strchomp (unit);
  len = strlen (unit);
  if (len > 1 && unit[len - 1] == 's')
    unit[len - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (strcmp (unit, units[i].unit) == 0)
        {
          *years = value / units[i].per_year;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
eligo_nct_id_is_valid (const char *text)
{
  if (text == NULL || strncmp (text, "NCT", 3) != 0 || strlen (text) != 11)
    return FALSE;

  for (guint i = 3; i < 11; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/*
 * Turns what a person typed into an FTS5 query: every word must appear, as a
 * prefix, so "car t cd19" finds "CAR-T ... CD19-positive". Quotes keep FTS5
 * operators and punctuation in the text from being read as syntax.
 */
char *
eligo_fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(GString) word = NULL;
  const char *p;

  if (text == NULL)
    return NULL;

  query = g_string_new (NULL);
  word = g_string_new (NULL);

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}
