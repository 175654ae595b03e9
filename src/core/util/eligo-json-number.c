/* eligo-json-number.c: numbers that json-glib writes as valid JSON
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 writes a double as g_ascii_dtostr() gives it and appends
 * ".0" when that has no decimal point: 1e-84 comes out as "1e-84.0" and
 * 1e+20 as "1e+20.0", which no JSON parser reads back, Eligo's included.
 * A patient file with such a value would be saved and never open again
 * (found by fuzz-patient). Whole numbers are written as integers; any
 * other double whose shortest form has an exponent and no point is moved
 * by the few units in the last place that give it one.
 */

#define G_LOG_DOMAIN "eligo-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "eligo-json-number.h"

/* Integers JSON readers take exactly (below 2^53). */
#define MAX_EXACT_INTEGER 9007199254740992.0

static gboolean
written_with_point (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buffer, sizeof buffer, value);
  return strchr (buffer, '.') != NULL || strchr (buffer, 'e') == NULL;
}

/**
 * eligo_json_number_node:
 * @value: a finite number
 *
 * Returns: (transfer full): a node json-glib writes as a valid JSON number
 *   that reads back as @value, or within a few units in its last place
 */
JsonNode *
eligo_json_number_node (double value)
{
  JsonNode *node = json_node_alloc ();

  g_return_val_if_fail (isfinite (value), json_node_init_null (node));

  if (value == floor (value) && fabs (value) < MAX_EXACT_INTEGER)
    return json_node_init_int (node, (gint64) value);

  for (guint i = 0; i < 8 && !written_with_point (value); i++)
    value = nextafter (value, 0.0);

  return json_node_init_double (node, value);
}

/**
 * eligo_json_object_set_number:
 *
 * Sets @member of @object to eligo_json_number_node (@value).
 */
void
eligo_json_object_set_number (JsonObject *object,
                              const char *member,
                              double      value)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  json_object_set_member (object, member, eligo_json_number_node (value));
}
