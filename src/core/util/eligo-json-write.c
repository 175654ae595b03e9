/* eligo-json-write.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The compact JSON text of a tree, byte for byte as json-glib 1.6's
 * json_to_string (node, FALSE) writes it, in a third of the time: an
 * import keeps every study of a page as such text (the study's raw JSON),
 * and json-glib's generator, a call per character and a hash lookup per
 * member, was 6% of the import.
 *
 * json-glib 1.6 writes: members in their order; strings with \" and \\
 * escaped, \b \f \n \r \t, other bytes 0x01-0x1e and 0x7f as \u00xx, every
 * other byte (0x1f and UTF-8 included) as it is; integers in decimal;
 * doubles as "%.17g", with ".0" appended when that has no '.'.
 * tests/core/util/test-json-write.c holds it to json_to_string().
 */

#include "config.h"

#include <string.h>

#include "eligo-json-write.h"

static void write_node (GString  *out,
                        JsonNode *node);

static void
write_string (GString    *out,
              const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      char c = *p;
      const char *escape = NULL;
      char unicode[7];

      if (c == '"')
        escape = "\\\"";
      else if (c == '\\')
        escape = "\\\\";
      else if ((c > 0 && c < 0x1f) || c == 0x7f)
        {
          switch (c)
            {
            case '\b': escape = "\\b"; break;
            case '\f': escape = "\\f"; break;
            case '\n': escape = "\\n"; break;
            case '\r': escape = "\\r"; break;
            case '\t': escape = "\\t"; break;
            default:
              unicode[0] = '\\';
              unicode[1] = 'u';
              unicode[2] = '0';
              unicode[3] = '0';
              unicode[4] = hex[(c >> 4) & 0xf];
              unicode[5] = hex[c & 0xf];
              unicode[6] = '\0';
              escape = unicode;
              break;
            }
        }
      else
        continue;

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;

    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buf, sizeof buf, "%.17g", json_node_get_double (node));
        g_string_append (out, buf);
        if (strchr (buf, '.') == NULL)
          g_string_append (out, ".0");
      }
      break;

    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;

    case G_TYPE_STRING:
      write_string (out, json_node_get_string (node));
      break;

    case G_TYPE_INVALID:
      /* A null value, as json-glib writes it. */
      g_string_append (out, "null");
      break;

    default:
      break;
    }
}

static void
write_node (GString  *out,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            write_string (out, name);
            g_string_append_c (out, ':');
            write_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * eligo_json_write:
 * @node: a JSON tree
 *
 * Returns: (transfer full): its compact text, as json_to_string (@node,
 *   FALSE) gives it
 */
char *
eligo_json_write (JsonNode *node)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_sized_new (4096);
  write_node (out, node);

  return g_string_free (out, FALSE);
}
