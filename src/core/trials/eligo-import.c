/* eligo-import.c
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

#define G_LOG_DOMAIN "eligo-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "eligo-import.h"
#include "eligo-json-check.h"
#include "eligo-trial.h"

G_DEFINE_QUARK (eligo-import-error-quark, eligo_import_error)

/*
 * json-glib recurses once per nesting level; refuse absurd nesting before
 * parsing so a hostile file cannot exhaust the stack.
 */
static gboolean
check_depth (const char *data,
             gsize       len,
             guint      *line)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  *line = 1;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\n')
        (*line)++;

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > ELIGO_IMPORT_MAX_DEPTH)
            return FALSE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

static EligoTrial *
trial_from_node (JsonNode    *node,
                 const char  *raw_json,
                 guint        index,
                 guint        n_studies,
                 GError     **error)
{
  EligoTrial *trial;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_STUDIES,
                   _("study %u of %u is not a JSON object"), index + 1, n_studies);
      return NULL;
    }

  trial = eligo_trial_new_from_study (json_node_get_object (node), raw_json, error);
  if (trial == NULL && n_studies > 1)
    g_prefix_error (error, _("study %u of %u: "), index + 1, n_studies);

  return trial;
}

static gboolean
add_studies (GPtrArray  *trials,
             JsonArray  *studies,
             GError    **error)
{
  guint n = json_array_get_length (studies);

  if (n == 0)
    {
      g_set_error_literal (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_EMPTY,
                           _("the file holds no studies"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      EligoTrial *trial = trial_from_node (json_array_get_element (studies, i), NULL, i, n, error);

      if (trial == NULL)
        return FALSE;

      g_ptr_array_add (trials, trial);
    }

  return TRUE;
}

/**
 * eligo_import_parse_bytes:
 * @bytes: the content of a ClinicalTrials.gov API v2 JSON file
 * @name: the file's name, for error messages
 * @error: a message that names the file and says what is wrong
 *
 * Reads a single study, an array of studies or a page `{"studies": [...]}`.
 * Either every study in the file is good, or none is returned.
 *
 * Returns: (transfer container) (element-type EligoTrial): the trials
 */
GPtrArray *
eligo_import_parse_bytes (GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  const char *data;
  const char *bad;
  JsonNode *root;
  gsize len;
  guint line;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  trials = g_ptr_array_new_with_free_func (g_object_unref);

  if (len == 0)
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_JSON,
                   _("%s: the file is empty"), name);
      return NULL;
    }

  if (!g_utf8_validate (data, len, &bad))
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_INVALID_UTF8,
                   _("%s: the file is not valid UTF-8 text (bad byte at offset %zu)"),
                   name, (gsize) (bad - data));
      return NULL;
    }

  if (!check_depth (data, len, &line))
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_TOO_DEEP,
                   _("%s: the JSON is nested more than %d levels deep (line %u); "
                     "ClinicalTrials.gov records are never nested that deeply"),
                   name, ELIGO_IMPORT_MAX_DEPTH, line);
      return NULL;
    }

  text = g_strndup (data, len);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) len, &local_error))
    {
      /* json-glib quotes the token it stopped at as decoded, and a
       * non-standard escape ("\351") decodes to invalid UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_JSON,
                   _("%s: not valid JSON: %s"), name, reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_JSON,
                   _("%s: the file holds no JSON value"), name);
      return NULL;
    }

  if (!eligo_json_check_strings (root, name, ELIGO_IMPORT_ERROR,
                                 ELIGO_IMPORT_ERROR_INVALID_UTF8, error))
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      if (!add_studies (trials, json_node_get_array (root), &local_error))
        goto failed;
    }
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *studies = json_object_get_member (object, "studies");

      if (studies != NULL)
        {
          if (!JSON_NODE_HOLDS_ARRAY (studies))
            {
              g_set_error_literal (&local_error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_WRONG_TYPE,
                                   _("field “studies” should be an array of studies"));
              goto failed;
            }

          if (!add_studies (trials, json_node_get_array (studies), &local_error))
            goto failed;
        }
      else if (json_object_has_member (object, "FullStudiesResponse") ||
               json_object_has_member (object, "Study"))
        {
          g_set_error_literal (&local_error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_STUDIES,
                               _("this is the retired classic ClinicalTrials.gov format; "
                                 "download the study again as API v2 JSON"));
          goto failed;
        }
      else if (json_object_has_member (object, "protocolSection"))
        {
          EligoTrial *trial = trial_from_node (root, text, 0, 1, &local_error);

          if (trial == NULL)
            goto failed;

          g_ptr_array_add (trials, trial);
        }
      else
        {
          g_set_error_literal (&local_error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_STUDIES,
                               _("not a ClinicalTrials.gov API v2 study, list of studies "
                                 "or page of studies (no “protocolSection” or “studies”)"));
          goto failed;
        }
    }
  else
    {
      g_set_error_literal (&local_error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_NOT_STUDIES,
                           _("not a ClinicalTrials.gov API v2 study, list of studies "
                             "or page of studies"));
      goto failed;
    }

  return g_steal_pointer (&trials);

failed:
  g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
  return NULL;
}

/**
 * eligo_import_parse_file:
 *
 * Returns: (transfer container) (element-type EligoTrial): the file's trials
 */
GPtrArray *
eligo_import_parse_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!eligo_json_check_size (file, ELIGO_IMPORT_MAX_FILE_SIZE, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_READ,
                     "%s: %s", name, local_error->message);
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_READ,
                     _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  return eligo_import_parse_bytes (bytes, name, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * eligo_import_expand:
 * @file: a file, or a folder
 * @files: (element-type GFile): where to add what is to be imported
 *
 * Adds @file, or every .json file in the folder @file in name order, so a
 * folder imports the same way every time.
 *
 * Returns: %FALSE if the folder cannot be read or has no .json files
 */
gboolean
eligo_import_expand (GFile         *file,
                     GPtrArray     *files,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (files, g_object_ref (file));
      return TRUE;
    }

  display = g_file_get_parse_name (file);
  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (enumerator == NULL)
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_READ,
                   _("%s: cannot be read: %s"), display, local_error->message);
      return FALSE;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((info = g_file_enumerator_next_file (enumerator, cancellable, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }

  if (local_error != NULL)
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_READ,
                   _("%s: cannot be read: %s"), display, local_error->message);
      return FALSE;
    }

  if (names->len == 0)
    {
      g_set_error (error, ELIGO_IMPORT_ERROR, ELIGO_IMPORT_ERROR_EMPTY,
                   _("%s: the folder has no .json files"), display);
      return FALSE;
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_get_child (file, g_ptr_array_index (names, i)));

  return TRUE;
}
