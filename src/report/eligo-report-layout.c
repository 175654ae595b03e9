/* eligo-report-layout.c
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
 * Lays the blocks of an EligoReportDocument out into units (a title, a
 * table row, a signature line) and draws a page into any cairo_t; cutting
 * the units into pages is in eligo-report-pagination.c.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "eligo-report-document-private.h"

#define EPSILON 0.01

/* Type sizes (points) and spacing of the house style. */
#define TITLE_SIZE         17.0
#define SUBTITLE_SIZE      10.5
#define HEADING_SIZE       11.0
#define BODY_SIZE           9.0
#define TABLE_SIZE          8.5
#define TABLE_HEADER_SIZE   8.0
#define FOOTER_SIZE         7.5
#define CAPTION_SIZE        7.5
#define CALLOUT_SIZE       14.0

#define CELL_PAD_X          4.0
#define CELL_PAD_Y          3.5
#define KEY_VALUE_GAP      10.0
#define KEY_VALUE_COLUMN_GAP 18.0
#define CALLOUT_PAD        10.0
#define CALLOUT_BAR         4.0

#define DIM_GREY            0.36
#define SHADE_GREY          0.88
#define HEADER_GREY         0.93
#define RULE_GREY           0.55

void
_eligo_report_unit_free (EligoReportUnit *unit)
{
  for (guint i = 0; i < unit->cells->len; i++)
    g_clear_object (&g_array_index (unit->cells, EligoReportCell, i).layout);
  g_array_unref (unit->cells);
  g_free (unit);
}

void
_eligo_report_page_free (EligoReportPage *page)
{
  g_array_unref (page->placements);
  g_free (page);
}

/* Layout */

static double
content_width (EligoReportDocument *self)
{
  return self->page_width - self->margin_left - self->margin_right;
}

static PangoLayout *
create_layout (EligoReportDocument *self,
               const char          *text,
               double               size,
               EligoReportStyle     style,
               double               width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (ELIGO_REPORT_FONT_FAMILY);
  PangoAttrList *attrs;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (style & ELIGO_REPORT_STYLE_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  if (style & ELIGO_REPORT_STYLE_MARKUP)
    pango_layout_set_markup (layout, text != NULL ? text : "", -1);
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);

  text = pango_layout_get_text (layout);
  attrs = pango_layout_get_attributes (layout);
  attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

  /* Where the CJK face draws Latin text (no Noto Sans installed), its quotes
   * and apostrophes are full-width; outside Chinese, Japanese and Korean
   * ask for the proportional ones. */
  if (!self->cjk)
    pango_attr_list_insert_before (attrs, pango_attr_font_features_new ("pwid"));

  if ((style & ELIGO_REPORT_STYLE_MARK) && *text != '\0')
    {
      PangoAttribute *attr;
      guint end = g_utf8_next_char (text) - text;

      attr = pango_attr_scale_new (1.3);
      attr->start_index = 0;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = 0;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }

  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
layout_first_baseline (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static EligoReportUnit *
unit_new (EligoReportUnitKind  kind,
          EligoReportBlock    *block)
{
  EligoReportUnit *unit = g_new0 (EligoReportUnit, 1);

  unit->kind = kind;
  unit->block = block;
  unit->section = block != NULL ? block->section : 0;
  unit->cells = g_array_new (FALSE, TRUE, sizeof (EligoReportCell));

  return unit;
}

static EligoReportCell *
unit_add_cell (EligoReportUnit  *unit,
               PangoLayout      *layout,
               double            x,
               double            y,
               double            width,
               EligoReportStyle  style)
{
  EligoReportCell cell = { layout, x, y, width, style, FALSE };

  g_array_append_val (unit->cells, cell);
  return &g_array_index (unit->cells, EligoReportCell, unit->cells->len - 1);
}

/* The height of the tallest cell, from the top of the cells. */
static double
unit_cells_height (EligoReportUnit *unit)
{
  double height = 0;

  for (guint i = 0; i < unit->cells->len; i++)
    {
      EligoReportCell *cell = &g_array_index (unit->cells, EligoReportCell, i);

      height = MAX (height, cell->y - unit->pad_top + layout_height (cell->layout));
    }

  return height;
}

static void
add_unit (EligoReportDocument *self,
          EligoReportUnit     *unit)
{
  g_ptr_array_add (self->units, unit);
}

static void
layout_text_block (EligoReportDocument *self,
                   EligoReportBlock    *block)
{
  double width = content_width (self);
  EligoReportUnit *unit;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      unit = unit_new (UNIT_TEXT, block);
      unit_add_cell (unit, create_layout (self, block->text, TITLE_SIZE,
                                          ELIGO_REPORT_STYLE_BOLD, width),
                     0, 0, width, ELIGO_REPORT_STYLE_BOLD);
      unit->space_before = 0;
      unit->pad_bottom = 3;
      unit->keep_with_next = TRUE;
      break;

    case BLOCK_SUBTITLE:
      unit = unit_new (UNIT_TEXT, block);
      unit_add_cell (unit, create_layout (self, block->text, SUBTITLE_SIZE,
                                          ELIGO_REPORT_STYLE_NORMAL, width),
                     0, 0, width, ELIGO_REPORT_STYLE_DIM);
      unit->space_before = 0;
      unit->pad_bottom = 12;
      unit->keep_with_next = TRUE;
      break;

    case BLOCK_HEADING:
      unit = unit_new (UNIT_HEADING, block);
      unit_add_cell (unit, create_layout (self, block->text, HEADING_SIZE,
                                          ELIGO_REPORT_STYLE_BOLD, width),
                     0, 0, width, ELIGO_REPORT_STYLE_BOLD);
      unit->space_before = 16;
      unit->pad_bottom = 9;  /* the rule under the heading sits in here */
      unit->keep_with_next = TRUE;
      break;

    case BLOCK_FOOTNOTE:
      unit = unit_new (UNIT_TEXT, block);
      unit_add_cell (unit, create_layout (self, block->text, CAPTION_SIZE + 0.5,
                                          ELIGO_REPORT_STYLE_DIM, width),
                     0, 0, width, ELIGO_REPORT_STYLE_DIM);
      unit->space_before = 4;
      unit->pad_bottom = 3;
      unit->splittable = TRUE;  /* only if taller than a page: see unit_min_height() */
      unit->keep_with_previous = TRUE;
      break;

    case BLOCK_PARAGRAPH:
    default:
      {
        EligoReportStyle style = block->style;

        unit = unit_new (UNIT_TEXT, block);
        unit_add_cell (unit, create_layout (self, block->text,
                                            (style & ELIGO_REPORT_STYLE_DIM) ? CAPTION_SIZE + 0.5
                                                                             : BODY_SIZE,
                                            style, width),
                       0, 0, width, style);
        unit->space_before = 4;
        unit->pad_bottom = 3;
        unit->splittable = TRUE;
      }
      break;
    }

  unit->height = unit->pad_top + unit_cells_height (unit) + unit->pad_bottom;
  add_unit (self, unit);
}

static void
layout_key_values (EligoReportDocument *self,
                   EligoReportBlock    *block)
{
  guint n_columns = MAX (block->n_columns, 1);
  double column_width = (content_width (self) - (n_columns - 1) * KEY_VALUE_COLUMN_GAP) / n_columns;
  double key_width = 0;
  guint n_pairs = block->strings->len / 2;

  /* The keys' column is as wide as the widest key, within reason. */
  for (guint i = 0; i < n_pairs; i++)
    {
      g_autoptr(PangoLayout) key = create_layout (self, g_ptr_array_index (block->strings, 2 * i),
                                                  BODY_SIZE, ELIGO_REPORT_STYLE_NORMAL, -1);

      key_width = MAX (key_width, layout_width (key));
    }
  key_width = MIN (ceil (key_width) + 1, column_width * 0.42);

  for (guint first = 0; first < n_pairs; first += n_columns)
    {
      EligoReportUnit *unit = unit_new (UNIT_KEY_VALUE, block);

      unit->row = first / n_columns;
      unit->space_before = first == 0 ? 4 : 0;
      unit->pad_top = 1.5;
      unit->pad_bottom = 3.5;
      unit->splittable = TRUE;

      for (guint c = 0; c < n_columns && first + c < n_pairs; c++)
        {
          const char *key = g_ptr_array_index (block->strings, 2 * (first + c));
          const char *value = g_ptr_array_index (block->strings, 2 * (first + c) + 1);
          double x = c * (column_width + KEY_VALUE_COLUMN_GAP);
          double value_width = column_width - key_width - KEY_VALUE_GAP;
          EligoReportCell *cell;

          unit_add_cell (unit, create_layout (self, key, BODY_SIZE, ELIGO_REPORT_STYLE_NORMAL,
                                              key_width),
                         x, unit->pad_top, key_width, ELIGO_REPORT_STYLE_DIM);
          cell = unit_add_cell (unit, create_layout (self, value != NULL ? value : "", BODY_SIZE,
                                                     ELIGO_REPORT_STYLE_NORMAL, value_width),
                                x + key_width + KEY_VALUE_GAP, unit->pad_top, value_width,
                                ELIGO_REPORT_STYLE_NORMAL);
          cell->fill_in = value == NULL || *value == '\0';
        }

      unit->height = unit->pad_top + unit_cells_height (unit) + unit->pad_bottom;
      add_unit (self, unit);
    }
}

static void
layout_callout (EligoReportDocument *self,
                EligoReportBlock    *block)
{
  EligoReportUnit *unit = unit_new (UNIT_CALLOUT, block);
  double x = CALLOUT_BAR + CALLOUT_PAD;
  double width = content_width (self) - x - CALLOUT_PAD;
  double y = CALLOUT_PAD - 2;
  PangoLayout *layout;

  unit->space_before = 10;

  layout = create_layout (self, block->caption, CAPTION_SIZE + 0.5, ELIGO_REPORT_STYLE_NORMAL, width);
  unit_add_cell (unit, layout, x, y, width, ELIGO_REPORT_STYLE_DIM);
  y += layout_height (layout) + 1;

  layout = create_layout (self, block->text, CALLOUT_SIZE, ELIGO_REPORT_STYLE_BOLD, width);
  unit_add_cell (unit, layout, x, y, width, ELIGO_REPORT_STYLE_BOLD);
  y += layout_height (layout) + 2;

  if (block->detail != NULL && *block->detail != '\0')
    {
      layout = create_layout (self, block->detail, BODY_SIZE, ELIGO_REPORT_STYLE_NORMAL, width);
      unit_add_cell (unit, layout, x, y, width, ELIGO_REPORT_STYLE_NORMAL);
      y += layout_height (layout);
    }

  unit->height = y + CALLOUT_PAD;
  add_unit (self, unit);
}

static EligoReportUnit *
layout_table_row (EligoReportDocument  *self,
                  EligoReportBlock     *block,
                  EligoReportUnitKind   kind,
                  char                **cells,
                  EligoReportStyle     *styles)
{
  EligoReportTable *table = block->table;
  EligoReportUnit *unit = unit_new (kind, block);
  double width = content_width (self);
  double x = 0;

  unit->pad_top = CELL_PAD_Y;
  unit->pad_bottom = CELL_PAD_Y;
  unit->splittable = kind == UNIT_TABLE_ROW;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double cell_width = table->widths[c] * width;
      EligoReportStyle style = styles != NULL ? styles[c] : ELIGO_REPORT_STYLE_NORMAL;
      double size = kind == UNIT_TABLE_HEADER ? TABLE_HEADER_SIZE : TABLE_SIZE;

      if (kind == UNIT_TABLE_HEADER)
        style |= ELIGO_REPORT_STYLE_BOLD;

      unit_add_cell (unit, create_layout (self, cells[c], size, style,
                                          MAX (cell_width - 2 * CELL_PAD_X, 1)),
                     x + CELL_PAD_X, unit->pad_top, cell_width - 2 * CELL_PAD_X, style);
      x += cell_width;
    }

  unit->height = unit->pad_top + unit_cells_height (unit) + unit->pad_bottom;

  return unit;
}

static void
layout_table (EligoReportDocument *self,
              EligoReportBlock    *block)
{
  EligoReportTable *table = block->table;
  EligoReportUnit *header = layout_table_row (self, block, UNIT_TABLE_HEADER, table->headers, NULL);

  header->space_before = 6;
  g_ptr_array_add (self->header_units, header);

  if (table->rows->len == 0)
    {
      /* Nothing to repeat it over: the header stands on its own. */
      EligoReportUnit *alone = layout_table_row (self, block, UNIT_TABLE_HEADER, table->headers, NULL);

      alone->space_before = 6;
      add_unit (self, alone);
      return;
    }

  for (guint i = 0; i < table->rows->len; i++)
    {
      EligoReportRow *row = g_ptr_array_index (table->rows, i);
      EligoReportUnit *unit = layout_table_row (self, block, UNIT_TABLE_ROW, row->cells, row->styles);

      unit->row = i;
      unit->header = header;
      unit->space_before = i == 0 ? 6 : 0;
      add_unit (self, unit);
    }
}

static void
layout_signatures (EligoReportDocument *self,
                   EligoReportBlock    *block)
{
  guint n = block->strings->len / 2;
  double width = content_width (self);
  /* Name, signature and date fields side by side. */
  const double fractions[] = { 0.36, 0.40, 0.24 };
  const double gap = 16;

  for (guint i = 0; i < n; i++)
    {
      const char *role = g_ptr_array_index (block->strings, 2 * i);
      const char *name = g_ptr_array_index (block->strings, 2 * i + 1);
      const char *captions[] = {
        C_("signature field", "Name"),
        C_("signature field", "Signature"),
        C_("signature field", "Date"),
      };
      EligoReportUnit *unit = unit_new (UNIT_SIGNATURE, block);
      PangoLayout *layout;
      double line_y;
      double x = 0;
      double y = 0;

      unit->row = i;
      unit->space_before = i == 0 ? 8 : 16;
      unit->keep_with_next = i + 1 < n;

      layout = create_layout (self, role, BODY_SIZE, ELIGO_REPORT_STYLE_BOLD, width);
      unit_add_cell (unit, layout, 0, y, width, ELIGO_REPORT_STYLE_BOLD);
      y += layout_height (layout);
      line_y = y + 24;

      for (guint f = 0; f < G_N_ELEMENTS (captions); f++)
        {
          double field_width = fractions[f] * (width - 2 * gap);

          /* The first cell of each field is its caption under the line; the name, if
           * known, is written on the line. */
          layout = create_layout (self, captions[f], CAPTION_SIZE, ELIGO_REPORT_STYLE_NORMAL,
                                  field_width);
          unit_add_cell (unit, layout, x, line_y + 2.5, field_width, ELIGO_REPORT_STYLE_DIM)->fill_in = TRUE;
          if (f == 0 && name != NULL && *name != '\0')
            {
              layout = create_layout (self, name, BODY_SIZE + 0.5, ELIGO_REPORT_STYLE_NORMAL,
                                      field_width);
              unit_add_cell (unit, layout, x + 2, line_y - 2 - layout_height (layout),
                             field_width, ELIGO_REPORT_STYLE_NORMAL);
            }
          x += field_width + gap;
        }

      unit->height = unit_cells_height (unit) + 2;
      add_unit (self, unit);
    }
}

static void
layout_blocks (EligoReportDocument *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      EligoReportBlock *block = g_ptr_array_index (self->blocks, i);
      EligoReportUnit *unit;

      switch (block->kind)
        {
        case BLOCK_TITLE:
        case BLOCK_SUBTITLE:
        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
        case BLOCK_FOOTNOTE:
          layout_text_block (self, block);
          break;

        case BLOCK_KEY_VALUES:
          layout_key_values (self, block);
          break;

        case BLOCK_CALLOUT:
          layout_callout (self, block);
          break;

        case BLOCK_TABLE:
          layout_table (self, block);
          break;

        case BLOCK_SIGNATURES:
          layout_signatures (self, block);
          break;

        case BLOCK_SPACER:
          unit = unit_new (UNIT_SPACER, block);
          unit->height = block->height;
          add_unit (self, unit);
          break;

        case BLOCK_PAGE_BREAK:
        default:
          add_unit (self, unit_new (UNIT_BREAK, block));
          break;
        }
    }
}

/* Drawing */

static void
set_grey (cairo_t *cr,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
draw_rule (cairo_t *cr,
           double   x0,
           double   y0,
           double   x1,
           double   y1,
           double   width,
           double   grey)
{
  set_grey (cr, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* Draws the lines of @layout that fall in [@from, @to) of its height, with
 * @from at @y. */
static void
draw_layout_slice (cairo_t     *cr,
                   PangoLayout *layout,
                   double       x,
                   double       y,
                   double       from,
                   double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double top;
      double bottom;
      double baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (bottom <= from + EPSILON || top >= to - EPSILON)
        continue;

      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline - from);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_cell_text (cairo_t              *cr,
                EligoReportUnit      *unit,
                EligoReportCell      *cell,
                EligoReportPlacement *placement,
                double                left)
{
  /* The placement's slice is in the unit's cell coordinates, which start at
   * pad_top; a cell may start lower (callouts, signatures). */
  double offset = cell->y - unit->pad_top;

  set_grey (cr, (cell->style & ELIGO_REPORT_STYLE_DIM) ? DIM_GREY : 0.0);
  draw_layout_slice (cr, cell->layout, left + cell->x, placement->y + unit->pad_top,
                     placement->from - offset, placement->to - offset);
}

static void
draw_table_row (EligoReportDocument  *self,
                cairo_t              *cr,
                EligoReportPlacement *placement,
                gboolean              last_on_page)
{
  EligoReportUnit *unit = placement->unit;
  double left = self->margin_left;
  double right = left + content_width (self);
  double top = placement->y;
  double bottom = placement->y + placement->height;
  gboolean header = unit->kind == UNIT_TABLE_HEADER;
  double x = left;

  /* Shading first, then text, then rules on top. */
  if (header)
    {
      set_grey (cr, HEADER_GREY);
      cairo_rectangle (cr, left, top, right - left, bottom - top);
      cairo_fill (cr);
    }

  for (guint c = 0; c < unit->cells->len; c++)
    {
      EligoReportCell *cell = &g_array_index (unit->cells, EligoReportCell, c);
      double cell_width = cell->width + 2 * CELL_PAD_X;

      if (cell->style & ELIGO_REPORT_STYLE_SHADE)
        {
          set_grey (cr, SHADE_GREY);
          cairo_rectangle (cr, x, top, cell_width, bottom - top);
          cairo_fill (cr);
        }

      cairo_save (cr);
      cairo_rectangle (cr, x, top, cell_width, bottom - top);
      cairo_clip (cr);
      draw_cell_text (cr, unit, cell, placement, left);
      cairo_restore (cr);

      if (c > 0)
        draw_rule (cr, x, top, x, bottom, 0.3, RULE_GREY);
      x += cell_width;
    }

  /* Outer edges */
  draw_rule (cr, left, top, left, bottom, 0.3, RULE_GREY);
  draw_rule (cr, right, top, right, bottom, 0.3, RULE_GREY);

  if (header)
    {
      draw_rule (cr, left, top, right, top, 0.8, 0.0);
      draw_rule (cr, left, bottom, right, bottom, 0.6, 0.0);
    }
  else
    draw_rule (cr, left, bottom, right, bottom, last_on_page ? 0.8 : 0.3,
               last_on_page ? 0.0 : RULE_GREY);
}

static void
draw_fill_in_line (cairo_t         *cr,
                   EligoReportCell *cell,
                   double           left,
                   double           y)
{
  double baseline = layout_first_baseline (cell->layout);

  draw_rule (cr, left + cell->x, y + baseline + 2, left + cell->x + MIN (cell->width, 220),
             y + baseline + 2, 0.5, 0.0);
}

static void
draw_placement (EligoReportDocument *self,
                cairo_t             *cr,
                EligoReportPage     *page,
                guint                index)
{
  EligoReportPlacement *placement = &g_array_index (page->placements, EligoReportPlacement, index);
  EligoReportUnit *unit = placement->unit;
  double left = self->margin_left;
  double right = left + content_width (self);

  switch (unit->kind)
    {
    case UNIT_TABLE_HEADER:
    case UNIT_TABLE_ROW:
      {
        gboolean last = TRUE;

        if (index + 1 < page->placements->len)
          {
            EligoReportPlacement *next = &g_array_index (page->placements, EligoReportPlacement, index + 1);

            last = next->unit->block != unit->block || next->unit->kind == UNIT_TABLE_HEADER;
          }
        draw_table_row (self, cr, placement, last);
      }
      break;

    case UNIT_HEADING:
      draw_cell_text (cr, unit, &g_array_index (unit->cells, EligoReportCell, 0), placement, left);
      draw_rule (cr, left, placement->y + placement->height - 5, right,
                 placement->y + placement->height - 5, 0.6, 0.0);
      break;

    case UNIT_KEY_VALUE:
      for (guint c = 0; c < unit->cells->len; c++)
        {
          EligoReportCell *cell = &g_array_index (unit->cells, EligoReportCell, c);

          if (cell->fill_in)
            draw_fill_in_line (cr, cell, left, placement->y + cell->y);
          else
            draw_cell_text (cr, unit, cell, placement, left);
        }
      break;

    case UNIT_CALLOUT:
      {
        double top = placement->y;
        double height = placement->height;

        set_grey (cr, 0.0);
        cairo_rectangle (cr, left, top, CALLOUT_BAR, height);
        cairo_fill (cr);
        set_grey (cr, 0.0);
        cairo_set_line_width (cr, 0.8);
        cairo_rectangle (cr, left + 0.4, top + 0.4, right - left - 0.8, height - 0.8);
        cairo_stroke (cr);
        for (guint c = 0; c < unit->cells->len; c++)
          draw_cell_text (cr, unit, &g_array_index (unit->cells, EligoReportCell, c), placement, left);
      }
      break;

    case UNIT_SIGNATURE:
      for (guint c = 0; c < unit->cells->len; c++)
        {
          EligoReportCell *cell = &g_array_index (unit->cells, EligoReportCell, c);

          if (cell->fill_in)
            draw_rule (cr, left + cell->x, placement->y + cell->y - 2.5,
                       left + cell->x + cell->width, placement->y + cell->y - 2.5, 0.6, 0.0);
          draw_cell_text (cr, unit, cell, placement, left);
        }
      break;

    case UNIT_TEXT:
    case UNIT_SPACER:
    case UNIT_BREAK:
    default:
      for (guint c = 0; c < unit->cells->len; c++)
        draw_cell_text (cr, unit, &g_array_index (unit->cells, EligoReportCell, c), placement, left);
      break;
    }
}

static void
draw_footer (EligoReportDocument *self,
             cairo_t             *cr,
             EligoReportPage     *page)
{
  double left = self->margin_left;
  double width = content_width (self);
  double y = self->page_height - self->margin_bottom + 14;
  const char *footer = g_ptr_array_index (self->footers, page->section);
  guint n_pages = g_array_index (self->section_pages, guint, page->section);
  g_autofree char *page_text = NULL;
  g_autofree char *created = NULL;
  g_autofree char *created_text = NULL;
  g_autoptr(PangoLayout) left_layout = NULL;
  g_autoptr(PangoLayout) center_layout = NULL;
  g_autoptr(PangoLayout) right_layout = NULL;

  /* Translators: the running footer of a printed report */
  page_text = g_strdup_printf (_("Page %u of %u"), page->number, n_pages);
  created = g_date_time_format (self->created, "%Y-%m-%d %H:%M");
  /* Translators: when a report was printed or exported; %s is a date and time */
  created_text = g_strdup_printf (_("Printed %s"), created);

  draw_rule (cr, left, y - 5, left + width, y - 5, 0.4, RULE_GREY);

  left_layout = create_layout (self, footer, FOOTER_SIZE, ELIGO_REPORT_STYLE_NORMAL, width * 0.5);
  pango_layout_set_ellipsize (left_layout, PANGO_ELLIPSIZE_END);
  center_layout = create_layout (self, created_text, FOOTER_SIZE, ELIGO_REPORT_STYLE_NORMAL,
                                 width * 0.25);
  pango_layout_set_alignment (center_layout, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (center_layout, PANGO_ELLIPSIZE_END);
  right_layout = create_layout (self, page_text, FOOTER_SIZE, ELIGO_REPORT_STYLE_BOLD, width * 0.25);
  pango_layout_set_alignment (right_layout, PANGO_ALIGN_RIGHT);

  set_grey (cr, DIM_GREY);
  cairo_move_to (cr, left, y);
  pango_cairo_show_layout (cr, left_layout);
  cairo_move_to (cr, left + width * 0.5, y);
  pango_cairo_show_layout (cr, center_layout);
  set_grey (cr, 0.0);
  cairo_move_to (cr, left + width * 0.75, y);
  pango_cairo_show_layout (cr, right_layout);
}

/* Entry points for eligo-report-document.c */

static PangoContext *
create_measure_context (PangoContext *context)
{
  PangoFontMap *font_map = pango_context_get_font_map (context);
  PangoContext *measure;
  cairo_font_options_t *options;

  if (font_map == NULL)
    font_map = pango_cairo_font_map_get_default ();

  /* Points at 72 dpi, and metrics that do not depend on the device: the
   * same lines and the same page breaks on paper, in a PDF and on screen. */
  measure = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (measure, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (measure, 72.0);
  pango_context_set_round_glyph_positions (measure, FALSE);
  pango_context_set_language (measure, pango_context_get_language (context));

  return measure;
}

void
_eligo_report_document_layout (EligoReportDocument *self,
                               PangoContext        *context)
{
  self->context = create_measure_context (context);
  self->cjk = pango_language_matches (pango_context_get_language (self->context), "zh;ja;ko");
  layout_blocks (self);
  _eligo_report_document_paginate_units (self);
}

void
_eligo_report_document_draw (EligoReportDocument *self,
                             cairo_t             *cr,
                             EligoReportPage     *page)
{
  for (guint i = 0; i < page->placements->len; i++)
    draw_placement (self, cr, page, i);
  draw_footer (self, cr, page);
}
