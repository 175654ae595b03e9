/* eligo-rule-spans.c
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

#define G_LOG_DOMAIN "eligo-rule-spans"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "eligo-rule-spans.h"

/*
 * The spans of a rule: where in a criterion's text each part of its rule
 * was read (EligoRuleSpan), kept in order of their start, and how they are
 * stored: a JSON array of [start, end, atom], byte offsets into the text.
 */

static void
rule_span_clear (gpointer data)
{
  EligoRuleSpan *span = data;

  g_free (span->atom);
}

/**
 * eligo_rule_spans_new:
 *
 * Returns: (transfer full): an empty array of #EligoRuleSpan that frees
 *   their atoms
 */
GArray *
eligo_rule_spans_new (void)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (EligoRuleSpan));

  g_array_set_clear_func (spans, rule_span_clear);
  return spans;
}

static int
compare_rule_spans (gconstpointer a,
                    gconstpointer b)
{
  const EligoRuleSpan *x = a;
  const EligoRuleSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return g_strcmp0 (x->atom, y->atom);
}

/**
 * eligo_rule_spans_add:
 * @spans: an array from eligo_rule_spans_new()
 * @start: the first byte
 * @end: the byte after the last
 * @atom: the part of the rule read there
 *
 * Adds a span, keeping @spans in order and without the same span twice.
 */
void
eligo_rule_spans_add (GArray     *spans,
                      guint       start,
                      guint       end,
                      const char *atom)
{
  EligoRuleSpan span = { start, end, g_strdup (atom) };

  for (guint i = 0; i < spans->len; i++)
    if (compare_rule_spans (&g_array_index (spans, EligoRuleSpan, i), &span) == 0)
      {
        g_free (span.atom);
        return;
      }
  g_array_append_val (spans, span);
  g_array_sort (spans, compare_rule_spans);
}

static gboolean
is_boundary (const char *text,
             gsize       len,
             guint       offset)
{
  return offset == len || (offset < len && ((guchar) text[offset] & 0xC0) != 0x80);
}

/* Whether [start, end) is a non-empty, valid UTF-8 slice of @text. */
static gboolean
span_is_valid (const char *text,
               gsize       len,
               guint       start,
               guint       end)
{
  return start < end && end <= len && is_boundary (text, len, start) && is_boundary (text, len, end)
    && g_utf8_validate (text + start, end - start, NULL);
}

/**
 * eligo_rule_spans_copy_valid:
 * @spans: (nullable): spans
 * @text: the text they are spans of
 *
 * Returns: (transfer full) (nullable): a copy of the spans that lie inside
 *   @text on character boundaries, %NULL if none does
 */
GArray *
eligo_rule_spans_copy_valid (GArray     *spans,
                             const char *text)
{
  GArray *copy;
  gsize len;

  if (spans == NULL || text == NULL)
    return NULL;
  len = strlen (text);
  copy = eligo_rule_spans_new ();
  for (guint i = 0; i < spans->len; i++)
    {
      EligoRuleSpan *span = &g_array_index (spans, EligoRuleSpan, i);

      if (span->atom != NULL && span_is_valid (text, len, span->start, span->end))
        eligo_rule_spans_add (copy, span->start, span->end, span->atom);
    }
  if (copy->len == 0)
    g_clear_pointer (&copy, g_array_unref);
  return copy;
}

/**
 * eligo_rule_spans_to_json:
 * @spans: (nullable): spans
 *
 * Returns: (transfer full) (nullable): `[[start, end, "atom"], ...]`, or
 *   %NULL when there are none
 */
char *
eligo_rule_spans_to_json (GArray *spans)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (spans == NULL || spans->len == 0)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < spans->len; i++)
    {
      EligoRuleSpan *span = &g_array_index (spans, EligoRuleSpan, i);

      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, span->start);
      json_builder_add_int_value (builder, span->end);
      json_builder_add_string_value (builder, span->atom);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * eligo_rule_spans_from_json:
 * @json: what eligo_rule_spans_to_json() wrote
 * @text: the criterion's text
 * @error: return location for a #GError
 *
 * Reads stored spans back, checking each against @text.
 *
 * Returns: (transfer full) (nullable): the spans; %NULL with @error set if
 *   @json is not such an array or a span does not fit @text
 */
GArray *
eligo_rule_spans_from_json (const char  *json,
                            const char  *text,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) spans = eligo_rule_spans_new ();
  JsonNode *root;
  JsonArray *array;
  gsize len = strlen (text);

  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The stored spans of a criterion are not a JSON array"));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *item;
      gint64 start, end;
      const char *atom;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (item = json_node_get_array (node)) != 3
          || json_node_get_value_type (json_array_get_element (item, 0)) != G_TYPE_INT64
          || json_node_get_value_type (json_array_get_element (item, 1)) != G_TYPE_INT64
          || json_node_get_value_type (json_array_get_element (item, 2)) != G_TYPE_STRING)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Stored span %u of a criterion is not [start, end, atom]"), i + 1);
          return NULL;
        }
      start = json_array_get_int_element (item, 0);
      end = json_array_get_int_element (item, 1);
      atom = json_array_get_string_element (item, 2);
      if (start < 0 || end < 0 || start > G_MAXUINT || end > G_MAXUINT
          || !span_is_valid (text, len, (guint) start, (guint) end))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Stored span %u of a criterion does not lie in its text"), i + 1);
          return NULL;
        }
      eligo_rule_spans_add (spans, (guint) start, (guint) end, atom);
    }

  return g_steal_pointer (&spans);
}
