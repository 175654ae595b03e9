/* eligo-trial-page-record.c
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

#define G_LOG_DOMAIN "eligo-trial-page"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-trial-page-private.h"

/*
 * Reading a trial's registry record for its page: the members of its JSON,
 * its codes through the tables of the sections, and the values the
 * sections share. A code newer than the tables is shown humanized
 * ("NEW_CODE" → "New code").
 */

gboolean
_eligo_is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* "NEW_CODE" becomes "New code", for registry values newer than the tables. */
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

char *
_eligo_lookup_code (const CodeLabel *table,
                    gsize            n_entries,
                    const char      *context,
                    const char      *code)
{
  g_assert (table != NULL);

  if (_eligo_is_blank (code))
    return NULL;

  for (gsize i = 0; i < n_entries; i++)
    {
      if (g_ascii_strcasecmp (table[i].code, code) == 0)
        return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, context, table[i].label));
    }

  return humanize_code (code);
}

JsonObject *
_eligo_object_member (JsonObject *object,
                      const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

JsonArray *
_eligo_array_member (JsonObject *object,
                     const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

/* A string member, or NULL if it is absent, not a string, or empty. */
const char *
_eligo_string_member (JsonObject *object,
                      const char *member)
{
  JsonNode *node;
  const char *value;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);

  return _eligo_is_blank (value) ? NULL : value;
}

JsonObject *
_eligo_study_module (EligoTrial *trial,
                     const char *module)
{
  return _eligo_object_member (_eligo_object_member (eligo_trial_get_study (trial),
                                                     "protocolSection"), module);
}

JsonObject *
_eligo_array_object (JsonArray *array,
                     guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* The non-empty ones of @n_items strings, joined with ", ", or NULL. */
char *
_eligo_join_present (const char * const *items,
                     gsize               n_items)
{
  GString *str = g_string_new (NULL);

  for (gsize i = 0; i < n_items; i++)
    {
      if (_eligo_is_blank (items[i]))
        continue;

      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, items[i]);
    }

  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  return g_string_free (str, FALSE);
}

const char *
_eligo_format_healthy_volunteers (EligoTristate healthy_volunteers)
{
  switch (healthy_volunteers)
    {
    case ELIGO_TRISTATE_YES:
      /* Translators: whether a trial accepts healthy volunteers */
      return C_("healthy volunteers", "Accepted");
    case ELIGO_TRISTATE_NO:
      /* Translators: whether a trial accepts healthy volunteers */
      return C_("healthy volunteers", "Not accepted");
    case ELIGO_TRISTATE_UNKNOWN:
    default:
      return NULL;
    }
}
