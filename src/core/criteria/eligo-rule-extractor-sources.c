/* eligo-rule-extractor-sources.c
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

#define G_LOG_DOMAIN "eligo-rule-extractor"

#include "config.h"

#include <string.h>

#include "eligo-rule-extractor-private.h"

/*
 * Where the words read came from: the reader reads a normalised copy of
 * the criterion's text, and keeps for each of its bytes the bytes of the
 * text it came from (EligoSource), so that a rule's spans are in the
 * text the nurse reads. Pieces read on their own (a lead-in's items) are
 * put back where they stand.
 */


/**
 * eligo_source_map_replace:
 * @map: of EligoSource, one per byte of @before; rewritten for @after
 * @regex: what was replaced
 * @before: the text before
 * @after: the text after replacing every match of @regex in @before
 * @replacement: (nullable): the replacement, with references
 * @eval: (nullable): or the callback that gave it
 *
 * Follows a replacement with the map of where each byte came from: bytes
 * outside a match keep their source, the bytes that replace a match come
 * from all of it. The replacement is done again here and compared with
 * @after: the map follows only a replacement it can repeat exactly.
 *
 * Returns: %TRUE if @map now describes @after; %FALSE (and @map as it
 *   was) if not
 */
gboolean
eligo_source_map_replace (GArray             *map,
                          GRegex             *regex,
                          const char         *before,
                          const char         *after,
                          const char         *replacement,
                          GRegexEvalCallback  eval)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (EligoSource));
  int len = strlen (before);
  int last = 0;

  if ((int) map->len != len)
    return FALSE;

  g_regex_match_full (regex, before, -1, 0, 0, &info, NULL);
  while (g_match_info_matches (info))
    {
      int s, e;
      gsize first;
      gboolean stop = FALSE;
      EligoSource whole;

      g_match_info_fetch_pos (info, 0, &s, &e);
      if (s < last || e < s)
        return FALSE;
      g_string_append_len (text, before + last, s - last);
      if (s > last)
        g_array_append_vals (out, &g_array_index (map, EligoSource, last), s - last);
      first = text->len;
      if (eval != NULL)
        stop = eval (info, text, NULL);
      else
        {
          g_autofree char *expanded = g_match_info_expand_references (info, replacement, NULL);

          if (expanded == NULL)
            return FALSE;
          g_string_append (text, expanded);
        }
      if (e > s)
        {
          whole.start = g_array_index (map, EligoSource, s).start;
          whole.end = g_array_index (map, EligoSource, e - 1).end;
        }
      else
        {
          whole.start = s < len ? g_array_index (map, EligoSource, s).start : (len > 0 ? g_array_index (map, EligoSource, len - 1).end : 0);
          whole.end = whole.start;
        }
      for (gsize k = first; k < text->len; k++)
        g_array_append_val (out, whole);
      last = e;
      if (stop)
        break;
      g_match_info_next (info, NULL);
    }
  g_string_append (text, before + last);
  if (len > last)
    g_array_append_vals (out, &g_array_index (map, EligoSource, last), len - last);

  if (strcmp (text->str, after) != 0 || out->len != text->len)
    return FALSE;
  g_array_set_size (map, 0);
  g_array_append_vals (map, out->data, out->len);
  return TRUE;
}

/**
 * eligo_rule_spans_shift:
 * @to: the spans of @text
 * @from: (nullable): the spans of @piece
 * @text: a criterion's text
 * @piece: a part of it that was read on its own
 * @search_from: where in @text to look for @piece; moved past it
 *
 * Adds the spans read in @piece to those of @text, where @piece stands in
 * @text. A piece that is not found (the reader changed it) adds nothing.
 */
void
eligo_rule_spans_shift (GArray     *to,
                        GArray     *from,
                        const char *text,
                        const char *piece,
                        gsize      *search_from)
{
  const char *at;

  if (from == NULL || piece == NULL || *piece == '\0' || *search_from > strlen (text))
    return;
  at = strstr (text + *search_from, piece);
  if (at == NULL)
    return;
  for (guint i = 0; i < from->len; i++)
    {
      EligoRuleSpan *span = &g_array_index (from, EligoRuleSpan, i);

      eligo_rule_spans_add (to, span->start + (at - text), span->end + (at - text), span->atom);
    }
  *search_from = at - text + strlen (piece);
}
