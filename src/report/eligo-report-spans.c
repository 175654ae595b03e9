/* eligo-report-spans.c
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

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-report-spans.h"
#include "eligo-rule-extractor.h"

/*
 * Where a criterion's rule was read, drawn in its text: the words of each
 * span underlined (on paper and on screen) and, on screen, on a light
 * background; the words a partial rule did not read stay plain. The spans
 * are byte ranges of the text (eligo_criterion_get_spans()).
 */

typedef struct
{
  guint start;
  guint end;
} Range;

/* The spans as ranges that do not overlap, in order, within @len bytes. */
static GArray *
merged_ranges (GArray *spans,
               gsize   len)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      EligoRuleSpan *span = &g_array_index (spans, EligoRuleSpan, i);
      Range range = { span->start, MIN (span->end, len) };

      if (range.start >= range.end)
        continue;
      if (ranges->len > 0 && range.start <= g_array_index (ranges, Range, ranges->len - 1).end)
        {
          Range *last = &g_array_index (ranges, Range, ranges->len - 1);

          last->end = MAX (last->end, range.end);
          continue;
        }
      g_array_append_val (ranges, range);
    }
  return ranges;
}

/**
 * eligo_spans_markup:
 * @text: a criterion's text
 * @spans: (nullable): its spans, in order
 * @bold: whether the words are also bold (a tooltip: GTK 4.8 leaves the
 *   underline off some lines of a wrapped label)
 *
 * Returns: (transfer full): @text as Pango markup, the words of its spans
 *   underlined
 */
char *
eligo_spans_markup (const char *text,
                    GArray     *spans,
                    gboolean    bold)
{
  gsize len = strlen (text);
  g_autoptr(GArray) ranges = merged_ranges (spans, len);
  g_autoptr(GString) out = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      g_autofree char *before = g_markup_escape_text (text + at, range->start - at);
      g_autofree char *words = g_markup_escape_text (text + range->start, range->end - range->start);

      g_string_append (out, before);
      g_string_append_printf (out, bold ? "<span underline=\"single\" weight=\"bold\">%s</span>" : "<u>%s</u>",
                              words);
      at = range->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + at, -1);

    g_string_append (out, rest);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * eligo_spans_attributes:
 * @spans: (nullable): a criterion's spans
 *
 * The attributes of a label that shows the criterion's text as it is:
 * each span underlined, on a light yellow that reads in light and dark
 * styles.
 *
 * Returns: (transfer full) (nullable): the attributes, or %NULL without spans
 */
PangoAttrList *
eligo_spans_attributes (GArray *spans)
{
  PangoAttrList *list;
  g_autoptr(GArray) ranges = merged_ranges (spans, G_MAXSIZE);

  if (ranges->len == 0)
    return NULL;

  list = pango_attr_list_new ();
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      PangoAttribute *attrs[] = {
        pango_attr_underline_new (PANGO_UNDERLINE_SINGLE),
        pango_attr_background_new (0xf6f6, 0xd3d3, 0x2d2d),
        pango_attr_background_alpha_new (0x5000),
      };

      for (guint k = 0; k < G_N_ELEMENTS (attrs); k++)
        {
          attrs[k]->start_index = range->start;
          attrs[k]->end_index = range->end;
          pango_attr_list_insert (list, attrs[k]);
        }
    }
  return list;
}

/**
 * eligo_spans_describe:
 * @text: a criterion's text
 * @spans: (nullable): its spans
 *
 * Returns: (transfer full) (nullable): one line per span, the words and
 *   the part of the rule read from them, or %NULL without spans
 */
char *
eligo_spans_describe (const char *text,
                      GArray     *spans)
{
  g_autoptr(GString) out = NULL;
  gsize len = strlen (text);

  if (spans == NULL || spans->len == 0)
    return NULL;

  out = g_string_new (_("Read as:"));
  for (guint i = 0; i < spans->len; i++)
    {
      EligoRuleSpan *span = &g_array_index (spans, EligoRuleSpan, i);
      g_autofree char *words = NULL;

      if (span->end > len || span->start >= span->end)
        continue;
      words = g_strndup (text + span->start, span->end - span->start);
      g_string_append_c (out, '\n');
      /* Translators: the words of a criterion, then the part of its rule read from them */
      g_string_append_printf (out, _("“%s” → %s"), words, span->atom);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
