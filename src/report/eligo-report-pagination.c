/* eligo-report-pagination.c
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
 * Cuts the units that eligo-report-layout.c laid out into pages: headings
 * and signature lines kept with what follows, footnotes with what they
 * follow, the table header repeated on every page of its table, rows and
 * paragraphs split between lines only when they must be.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <pango/pangocairo.h>

#include "eligo-report-document-private.h"

#define EPSILON 0.01

static double
content_height (EligoReportDocument *self)
{
  return self->page_height - self->margin_top - self->margin_bottom;
}

/* A footnote is kept with the unit before it (skipping spacers, within its
 * section), and so with the last row of a table or the last signature line:
 * the chain of units kept together then moves to the next page as one, and
 * no page begins with the footnote alone. */
static void
keep_footnotes_with_previous (EligoReportDocument *self)
{
  for (guint i = 1; i < self->units->len; i++)
    {
      EligoReportUnit *unit = g_ptr_array_index (self->units, i);

      if (!unit->keep_with_previous)
        continue;

      for (guint j = i; j-- > 0;)
        {
          EligoReportUnit *previous = g_ptr_array_index (self->units, j);

          if (previous->kind == UNIT_SPACER)
            continue;
          if (previous->kind != UNIT_BREAK && previous->section == unit->section)
            previous->keep_with_next = TRUE;
          break;
        }
    }
}

typedef struct
{
  double top;
  double bottom;
} LineExtents;

static GArray *
layout_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineExtents));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      LineExtents line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) logical.y / PANGO_SCALE;
      line.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return lines;
}

/*
 * Moves @cut (in cell coordinates, from the unit's pad_top) up until no line
 * of any cell straddles it, so that a split row shows whole lines only.
 */
static double
unit_adjust_cut (EligoReportUnit *unit,
                 double           cut)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < unit->cells->len; i++)
        {
          EligoReportCell *cell = &g_array_index (unit->cells, EligoReportCell, i);
          double offset = cell->y - unit->pad_top;
          g_autoptr(GArray) lines = layout_lines (cell->layout);

          for (guint l = 0; l < lines->len; l++)
            {
              LineExtents *line = &g_array_index (lines, LineExtents, l);
              double top = offset + line->top;
              double bottom = offset + line->bottom;

              if (top < cut - EPSILON && bottom > cut + EPSILON)
                {
                  cut = top;
                  changed = TRUE;
                  break;
                }
            }
        }
    }

  return cut;
}

/* The height of the first @n_lines of the unit's cells. */
static double
unit_first_lines_height (EligoReportUnit *unit,
                         guint            n_lines)
{
  double height = 0;

  for (guint i = 0; i < unit->cells->len; i++)
    {
      EligoReportCell *cell = &g_array_index (unit->cells, EligoReportCell, i);
      g_autoptr(GArray) lines = layout_lines (cell->layout);
      guint last = MIN (n_lines, lines->len) - 1;

      height = MAX (height, cell->y - unit->pad_top + g_array_index (lines, LineExtents, last).bottom);
    }

  return unit->pad_top + height + unit->pad_bottom;
}

/* What must fit below a unit's start for it to begin on this page. */
static double
unit_min_height (EligoReportDocument *self,
                 EligoReportUnit     *unit)
{
  double page = content_height (self);

  if (!unit->splittable || unit->cells->len == 0)
    return unit->height;

  /* A footnote is not split unless it is taller than a page. */
  if (unit->keep_with_previous && unit->height <= page)
    return unit->height;

  if (unit->kind == UNIT_TABLE_ROW || unit->kind == UNIT_KEY_VALUE)
    {
      double header = unit->header != NULL ? unit->header->height : 0;

      /* A row never splits unless it is taller than a page. */
      if (unit->height <= page - header)
        return unit->height;
      return unit_first_lines_height (unit, 1);
    }

  /* A paragraph starts on a page with at least two of its lines. */
  return MIN (unit->height, unit_first_lines_height (unit, 2));
}

typedef struct
{
  EligoReportDocument *self;
  EligoReportPage                *page;
  double               y;
  guint                n_content;  /* placements on the page other than repeated headers */
  EligoReportUnit                *header;     /* the table header on the page, if any */
} Paginator;

static void
paginator_new_page (Paginator *p,
                    guint      section)
{
  EligoReportPage *page = g_new0 (EligoReportPage, 1);

  page->section = section;
  page->placements = g_array_new (FALSE, TRUE, sizeof (EligoReportPlacement));
  g_ptr_array_add (p->self->pages, page);

  p->page = page;
  p->y = p->self->margin_top;
  p->n_content = 0;
  p->header = NULL;
}

static void
paginator_place (Paginator       *p,
                 EligoReportUnit *unit,
                 double           from,
                 double           to)
{
  EligoReportPlacement placement;

  placement.unit = unit;
  placement.y = p->y;
  placement.from = from;
  placement.to = to;
  placement.height = unit->pad_top + (to - from) + unit->pad_bottom;
  if (from <= EPSILON && to >= unit->height - unit->pad_top - unit->pad_bottom - EPSILON)
    placement.height = unit->height;
  g_array_append_val (p->page->placements, placement);

  p->y += placement.height;
}

static void
paginator_place_header (Paginator       *p,
                        EligoReportUnit *header)
{
  paginator_place (p, header, 0, header->height - header->pad_top - header->pad_bottom);
  p->header = header;
}

/*
 * Cuts the units into pages: a unit moves to the next page when what must
 * fit of it (and of the units kept with it) does not; tall rows and
 * paragraphs split between lines.
 */
void
_eligo_report_document_paginate_units (EligoReportDocument *self)
{
  Paginator p = { self, NULL, 0, 0, NULL };
  double bottom = self->page_height - self->margin_bottom;

  keep_footnotes_with_previous (self);

  for (guint i = 0; i < self->units->len; i++)
    {
      EligoReportUnit *unit = g_ptr_array_index (self->units, i);
      double cells_height = unit->height - unit->pad_top - unit->pad_bottom;
      double gap;
      double needed;
      double from;

      if (unit->kind == UNIT_BREAK)
        {
          if (p.page != NULL && p.page->placements->len > 0)
            p.page = NULL;
          continue;
        }

      if (p.page == NULL || p.page->section != unit->section)
        paginator_new_page (&p, unit->section);

      gap = p.page->placements->len > 0 ? unit->space_before : 0;

      if (unit->kind == UNIT_SPACER)
        {
          if (p.page->placements->len == 0)
            continue;
          if (p.y + unit->height > bottom)
            paginator_new_page (&p, unit->section);
          else
            p.y += unit->height;
          continue;
        }

      needed = gap + unit_min_height (self, unit);
      if (unit->header != NULL && p.header != unit->header)
        needed += unit->header->height;

      /* A heading stays with the start of what follows it, and a chain of
       * units kept together (signature lines) moves as one. */
      if (unit->keep_with_next)
        {
          double chain = needed;

          for (guint j = i + 1; j < self->units->len; j++)
            {
              EligoReportUnit *next = g_ptr_array_index (self->units, j);

              if (next->kind == UNIT_BREAK || next->section != unit->section)
                break;
              if (next->kind == UNIT_SPACER)
                {
                  /* Inside the chain a spacer is never at the top of a page. */
                  chain += next->height;
                  continue;
                }
              chain += next->space_before + unit_min_height (self, next);
              if (next->header != NULL)
                chain += next->header->height;
              if (!next->keep_with_next)
                break;
            }

          if (chain <= content_height (self))
            needed = chain;
        }

      if (p.page->placements->len > 0 && p.y + needed > bottom + EPSILON)
        {
          paginator_new_page (&p, unit->section);
          gap = 0;
        }

      p.y += gap;
      if (unit->header != NULL && p.header != unit->header)
        paginator_place_header (&p, unit->header);

      if (p.y + unit->height <= bottom + EPSILON || !unit->splittable)
        {
          paginator_place (&p, unit, 0, cells_height);
          p.n_content++;
          continue;
        }

      /* Split at line boundaries across as many pages as it takes. */
      from = 0;
      while (TRUE)
        {
          double available = bottom - p.y - unit->pad_top - unit->pad_bottom;
          double cut = from + available;

          if (cut >= cells_height - EPSILON)
            {
              paginator_place (&p, unit, from, cells_height);
              p.n_content++;
              break;
            }

          cut = unit_adjust_cut (unit, cut);
          if (cut <= from + EPSILON)
            {
              if (p.n_content > 0)
                {
                  /* Not even a line fits here: go on on the next page. */
                  paginator_new_page (&p, unit->section);
                  if (unit->header != NULL)
                    paginator_place_header (&p, unit->header);
                  continue;
                }
              /* A single line taller than a page: cut it, clipped. */
              cut = from + MAX (available, 1);
            }

          paginator_place (&p, unit, from, cut);
          p.n_content++;
          from = cut;
          paginator_new_page (&p, unit->section);
          if (unit->header != NULL)
            paginator_place_header (&p, unit->header);
        }
    }

  if (self->pages->len == 0)
    paginator_new_page (&p, 0);

  /* Number the pages within their sections. */
  g_array_set_size (self->section_pages, self->footers->len);
  for (guint i = 0; i < self->pages->len; i++)
    {
      EligoReportPage *page = g_ptr_array_index (self->pages, i);
      guint *count = &g_array_index (self->section_pages, guint, page->section);

      page->number = ++(*count);
    }
}
