/* eligo-json-check.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-json-check.h"

typedef enum
{
  CHECK_OK,
  CHECK_BAD_VALUE,
  CHECK_BAD_NAME,
} Check;

/* A member name fit to print in a path: invalid bytes replaced and
 * control characters written as \uXXXX. */
static void
append_name (GString    *path,
             const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);

  if (path->len > 0)
    g_string_append_c (path, '.');
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (path, "\\u%04X", c);
      else
        g_string_append_unichar (path, c);
    }
}

static gboolean
name_ok (const char *name)
{
  const char *p = name;

  /* Printable ASCII, as nearly every name is, needs no decoding. */
  while (*p >= 0x20 && *p < 0x7f)
    p++;
  if (*p == '\0')
    return TRUE;

  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* @path: (nullable): where to write the path of the bad string found, if
 * any; the first pass over a tree goes without it, since building the
 * path of every member is most of the work and nearly every tree is good. */
static Check
check_node (JsonNode *node,
            GString  *path)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            gsize len = path != NULL ? path->len : 0;
            Check result;

            if (path != NULL)
              append_name (path, name);
            if (!name_ok (name))
              return CHECK_BAD_NAME;
            result = check_node (member, path);
            if (result != CHECK_OK)
              return result;
            if (path != NULL)
              g_string_truncate (path, len);
          }
        return CHECK_OK;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          {
            gsize len = path != NULL ? path->len : 0;
            Check result;

            if (path != NULL)
              g_string_append_printf (path, "[%u]", i);
            result = check_node (json_array_get_element (array, i), path);
            if (result != CHECK_OK)
              return result;
            if (path != NULL)
              g_string_truncate (path, len);
          }
        return CHECK_OK;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING
          && !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return CHECK_BAD_VALUE;
      return CHECK_OK;

    case JSON_NODE_NULL:
    default:
      return CHECK_OK;
    }
}

/**
 * eligo_json_check_strings:
 * @node: a parsed JSON tree
 * @name: the file's name, for the message
 * @domain: the caller's error domain
 * @code: the caller's error code for invalid text
 *
 * Refuses the first string value that is not valid UTF-8, or member name
 * that is not valid UTF-8 or holds a control character, naming @name and
 * the JSON path ("a.b[2].c").
 *
 * Returns: %FALSE with @error set if the tree holds such a string
 */
gboolean
eligo_json_check_strings (JsonNode    *node,
                          const char  *name,
                          GQuark       domain,
                          int          code,
                          GError     **error)
{
  g_autoptr(GString) where = NULL;

  g_return_val_if_fail (node != NULL, TRUE);
  g_return_val_if_fail (name != NULL, TRUE);

  if (check_node (node, NULL) == CHECK_OK)
    return TRUE;

  /* Again, to name where. */
  where = g_string_new (NULL);
  switch (check_node (node, where))
    {
    case CHECK_BAD_VALUE:
      g_set_error (error, domain, code,
                   _("%s: field “%s” is not valid UTF-8 text"), name, where->str);
      return FALSE;
    case CHECK_BAD_NAME:
      g_set_error (error, domain, code,
                   _("%s: the field name “%s” is not valid UTF-8 text or holds a control character"),
                   name, where->str);
      return FALSE;
    case CHECK_OK:
    default:
      return TRUE;
    }
}

gboolean
eligo_json_check_size (GFile         *file,
                       guint64        max_size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;
  guint64 size;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A file that cannot be queried is left for the read to report. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info == NULL)
    return TRUE;
  size = (guint64) g_file_info_get_size (info);
  if (size <= max_size)
    return TRUE;

  size_text = g_format_size (size);
  max_text = g_format_size (max_size);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("the file is too large (%s; at most %s is accepted)"), size_text, max_text);
  return FALSE;
}
