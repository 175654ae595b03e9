/* eligo-report-document.c
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
 * A small layout engine for paged reports. A document is a list of blocks
 * (titles, headings, paragraphs, key/value grids, tables, signature lines).
 * Pagination lays every block out once, in points at 72 dpi with unhinted
 * metrics, and cuts the result into pages; drawing replays those layouts
 * into any cairo_t. The printer (GtkPrintOperation's draw-page) and the PDF
 * writer both draw from the same pagination, so their pages never differ.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "eligo-report-document-private.h"

G_DEFINE_FINAL_TYPE (EligoReportDocument, eligo_report_document, G_TYPE_OBJECT)

static void
row_free (EligoReportRow *row)
{
  g_strfreev (row->cells);
  g_free (row->styles);
  g_free (row);
}

static EligoReportTable *
table_new (guint               n_columns,
           const double       *widths,
           const char * const *headers)
{
  EligoReportTable *table = g_new0 (EligoReportTable, 1);
  double total = 0;

  table->n_columns = n_columns;
  table->widths = g_new0 (double, n_columns);
  table->headers = g_new0 (char *, n_columns + 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  for (guint i = 0; i < n_columns; i++)
    total += widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = (widths != NULL && widths[i] > 0 ? widths[i] : 1.0) / total;
      table->headers[i] = g_strdup (headers != NULL && headers[i] != NULL ? headers[i] : "");
    }

  return table;
}

static void
table_free (EligoReportTable *table)
{
  g_free (table->widths);
  g_strfreev (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static EligoReportTable *
table_copy (const EligoReportTable *table)
{
  EligoReportTable *copy = table_new (table->n_columns, table->widths,
                                      (const char * const *) table->headers);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const EligoReportRow *row = g_ptr_array_index (table->rows, i);
      EligoReportRow *row_copy = g_new0 (EligoReportRow, 1);

      row_copy->cells = g_strdupv (row->cells);
      row_copy->styles = g_memdup2 (row->styles, sizeof (EligoReportStyle) * table->n_columns);
      g_ptr_array_add (copy->rows, row_copy);
    }

  return copy;
}

static void
block_free (EligoReportBlock *block)
{
  g_free (block->text);
  g_free (block->caption);
  g_free (block->detail);
  g_clear_pointer (&block->strings, g_ptr_array_unref);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

static gpointer
copy_string (gconstpointer string,
             gpointer      user_data)
{
  return g_strdup (string);
}

static EligoReportBlock *
block_copy (const EligoReportBlock *block)
{
  EligoReportBlock *copy = g_new0 (EligoReportBlock, 1);

  *copy = *block;
  copy->text = g_strdup (block->text);
  copy->caption = g_strdup (block->caption);
  copy->detail = g_strdup (block->detail);
  if (block->strings != NULL)
    copy->strings = g_ptr_array_copy (block->strings, copy_string, NULL);
  if (block->table != NULL)
    copy->table = table_copy (block->table);

  return copy;
}

static void
clear_pagination (EligoReportDocument *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->units, 0);
  g_ptr_array_set_size (self->header_units, 0);
  g_array_set_size (self->section_pages, 0);
  g_clear_object (&self->context);
}

static EligoReportBlock *
add_block (EligoReportDocument  *self,
           EligoReportBlockKind  kind)
{
  EligoReportBlock *block = g_new0 (EligoReportBlock, 1);

  block->kind = kind;
  block->section = self->footers->len - 1;
  g_ptr_array_add (self->blocks, block);
  clear_pagination (self);

  return block;
}
/* GObject */

static void
eligo_report_document_finalize (GObject *object)
{
  EligoReportDocument *self = (EligoReportDocument *) object;

  clear_pagination (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->header_units, g_ptr_array_unref);
  g_clear_pointer (&self->section_pages, g_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->footers, g_ptr_array_unref);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (eligo_report_document_parent_class)->finalize (object);
}

static void
eligo_report_document_class_init (EligoReportDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eligo_report_document_finalize;
}

static void
eligo_report_document_init (EligoReportDocument *self)
{
  self->page_width = ELIGO_REPORT_A4_WIDTH;
  self->page_height = ELIGO_REPORT_A4_HEIGHT;
  self->margin_top = 46;
  self->margin_right = 40;
  self->margin_bottom = 54;
  self->margin_left = 40;
  self->created = g_date_time_new_now_local ();

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->footers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->footers, g_strdup (""));

  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_report_unit_free);
  self->header_units = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_report_unit_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_report_page_free);
  self->section_pages = g_array_new (FALSE, TRUE, sizeof (guint));
}

/* Public API */

/**
 * eligo_report_document_new:
 *
 * An empty A4 portrait document.
 *
 * Returns: (transfer full): a new #EligoReportDocument
 */
EligoReportDocument *
eligo_report_document_new (void)
{
  return g_object_new (ELIGO_TYPE_REPORT_DOCUMENT, NULL);
}

void
eligo_report_document_set_paper (EligoReportDocument    *self,
                                 EligoReportPaper        paper,
                                 EligoReportOrientation  orientation)
{
  double width = paper == ELIGO_REPORT_PAPER_LETTER ? ELIGO_REPORT_LETTER_WIDTH
                                                    : ELIGO_REPORT_A4_WIDTH;
  double height = paper == ELIGO_REPORT_PAPER_LETTER ? ELIGO_REPORT_LETTER_HEIGHT
                                                     : ELIGO_REPORT_A4_HEIGHT;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  if (orientation == ELIGO_REPORT_LANDSCAPE)
    eligo_report_document_set_page_size (self, height, width);
  else
    eligo_report_document_set_page_size (self, width, height);
}

/**
 * eligo_report_document_set_page_size:
 * @width: the page width in points
 * @height: the page height in points
 */
void
eligo_report_document_set_page_size (EligoReportDocument *self,
                                     double               width,
                                     double               height)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (width > 144 && height > 144);

  self->page_width = width;
  self->page_height = height;
  clear_pagination (self);
}

double
eligo_report_document_get_page_width (EligoReportDocument *self)
{
  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (self), 0);

  return self->page_width;
}

double
eligo_report_document_get_page_height (EligoReportDocument *self)
{
  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (self), 0);

  return self->page_height;
}

/**
 * eligo_report_document_set_margins:
 *
 * Margins in points. The footer sits in the bottom margin.
 */
void
eligo_report_document_set_margins (EligoReportDocument *self,
                                   double               top,
                                   double               right,
                                   double               bottom,
                                   double               left)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 24 && left >= 0);
  g_return_if_fail (left + right < self->page_width - 72);
  g_return_if_fail (top + bottom < self->page_height - 72);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  clear_pagination (self);
}

/**
 * eligo_report_document_set_title:
 *
 * The document's title, for the PDF's metadata. It is not drawn: add a
 * title block for that.
 */
void
eligo_report_document_set_title (EligoReportDocument *self,
                                 const char          *title)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
eligo_report_document_get_title (EligoReportDocument *self)
{
  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * eligo_report_document_set_footer:
 *
 * The text at the left of the running footer of the current section (the
 * blocks added since the last eligo_report_document_append()); "Page n of
 * m" is on the right.
 */
void
eligo_report_document_set_footer (EligoReportDocument *self,
                                  const char          *footer)
{
  char **current;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  current = (char **) &g_ptr_array_index (self->footers, self->footers->len - 1);
  g_free (*current);
  *current = g_strdup (footer != NULL ? footer : "");
}

/**
 * eligo_report_document_set_created:
 *
 * The time shown in the footer as "Printed ..."; by default, when the
 * document was made.
 */
void
eligo_report_document_set_created (EligoReportDocument *self,
                                   GDateTime           *created)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (created != NULL);

  g_date_time_ref (created);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created;
}

GDateTime *
eligo_report_document_get_created (EligoReportDocument *self)
{
  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (self), NULL);

  return self->created;
}

void
eligo_report_document_add_title (EligoReportDocument *self,
                                 const char          *text)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  add_block (self, BLOCK_TITLE)->text = g_strdup (text);
}

void
eligo_report_document_add_subtitle (EligoReportDocument *self,
                                    const char          *text)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  add_block (self, BLOCK_SUBTITLE)->text = g_strdup (text);
}

/**
 * eligo_report_document_add_heading:
 *
 * A section heading with a rule under it; it is kept on the page of the
 * block that follows it.
 */
void
eligo_report_document_add_heading (EligoReportDocument *self,
                                   const char          *text)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  add_block (self, BLOCK_HEADING)->text = g_strdup (text);
}

/**
 * eligo_report_document_add_paragraph:
 * @style: %ELIGO_REPORT_STYLE_BOLD, %ELIGO_REPORT_STYLE_DIM (smaller, grey)
 *   or %ELIGO_REPORT_STYLE_MARKUP
 *
 * Wrapping text, which breaks across pages between lines.
 */
void
eligo_report_document_add_paragraph (EligoReportDocument *self,
                                     const char          *text,
                                     EligoReportStyle     style)
{
  EligoReportBlock *block;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  block = add_block (self, BLOCK_PARAGRAPH);
  block->text = g_strdup (text);
  block->style = style;
}

/**
 * eligo_report_document_add_footnote:
 *
 * A note on what comes before it, small and grey. It stays on the page of
 * the block before it: when it does not fit under it, the last unit of that
 * block (a table row, a signature line) moves with it to the next page, so
 * that no page holds only footnotes. It is not split across pages unless it
 * is taller than a page.
 */
void
eligo_report_document_add_footnote (EligoReportDocument *self,
                                    const char          *text)
{
  EligoReportBlock *block;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  block = add_block (self, BLOCK_FOOTNOTE);
  block->text = g_strdup (text);
  block->style = ELIGO_REPORT_STYLE_DIM;
}

/**
 * eligo_report_document_add_key_values:
 * @n_columns: how many pairs stand side by side (1 or 2)
 * @keys_and_values: key, value, key, value, ..., %NULL. An empty value is
 *   drawn as a line to fill in by hand.
 */
void
eligo_report_document_add_key_values (EligoReportDocument *self,
                                      guint                n_columns,
                                      const char * const  *keys_and_values)
{
  EligoReportBlock *block;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (keys_and_values != NULL);

  block = add_block (self, BLOCK_KEY_VALUES);
  block->n_columns = CLAMP (n_columns, 1, 4);
  block->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; keys_and_values[i] != NULL; i += 2)
    {
      g_ptr_array_add (block->strings, g_strdup (keys_and_values[i]));
      g_ptr_array_add (block->strings, g_strdup (keys_and_values[i + 1]));
      if (keys_and_values[i + 1] == NULL)
        break;
    }
}

/**
 * eligo_report_document_add_callout:
 * @caption: (nullable): a small line above, e.g. "Overall verdict"
 * @text: the large bold line
 * @detail: (nullable): a line of body text below
 *
 * A boxed statement that stands out on the page, in black and white too.
 */
void
eligo_report_document_add_callout (EligoReportDocument *self,
                                   const char          *caption,
                                   const char          *text,
                                   const char          *detail)
{
  EligoReportBlock *block;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  block = add_block (self, BLOCK_CALLOUT);
  block->caption = g_strdup (caption);
  block->text = g_strdup (text);
  block->detail = g_strdup (detail);
}

/**
 * eligo_report_document_add_table:
 * @n_columns: the number of columns
 * @widths: (nullable): relative widths of the columns (equal if %NULL)
 * @headers: (nullable): the header row, repeated on every page the table spans
 *
 * Returns: (transfer none): the table, to add rows to; owned by @self
 */
EligoReportTable *
eligo_report_document_add_table (EligoReportDocument *self,
                                 guint                n_columns,
                                 const double        *widths,
                                 const char * const  *headers)
{
  EligoReportBlock *block;

  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  block = add_block (self, BLOCK_TABLE);
  block->table = table_new (n_columns, widths, headers);

  return block->table;
}

/**
 * eligo_report_table_add_row:
 * @cells: one text per column (missing trailing cells are empty)
 *
 * A row of wrapping cells. It stays on one page unless it is taller than a
 * page; then it breaks between lines.
 *
 * Returns: the row's index
 */
guint
eligo_report_table_add_row (EligoReportTable   *table,
                            const char * const *cells)
{
  EligoReportRow *row;
  gboolean ended = FALSE;

  g_return_val_if_fail (table != NULL, 0);

  row = g_new0 (EligoReportRow, 1);
  row->cells = g_new0 (char *, table->n_columns + 1);
  row->styles = g_new0 (EligoReportStyle, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (cells == NULL || cells[i] == NULL)
        ended = TRUE;
      row->cells[i] = g_strdup (ended ? "" : cells[i]);
    }
  g_ptr_array_add (table->rows, row);

  return table->rows->len - 1;
}

void
eligo_report_table_set_style (EligoReportTable *table,
                              guint             row,
                              guint             column,
                              EligoReportStyle  style)
{
  EligoReportRow *r;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);
  g_return_if_fail (column < table->n_columns);

  r = g_ptr_array_index (table->rows, row);
  r->styles[column] = style;
}

guint
eligo_report_table_get_n_rows (EligoReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

/**
 * eligo_report_document_add_signatures:
 * @roles: e.g. "Screener", "Investigator"; %NULL-terminated
 * @names: (nullable): a name to print on each role's name line, or %NULL or
 *   "" to leave it blank; as many as @roles
 *
 * For each role, lines to write the name, sign and date by hand. The lines
 * are kept on one page.
 */
void
eligo_report_document_add_signatures (EligoReportDocument *self,
                                      const char * const  *roles,
                                      const char * const  *names)
{
  EligoReportBlock *block;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (roles != NULL);

  block = add_block (self, BLOCK_SIGNATURES);
  block->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; roles[i] != NULL; i++)
    {
      g_ptr_array_add (block->strings, g_strdup (roles[i]));
      g_ptr_array_add (block->strings, g_strdup (names != NULL && names[i] != NULL ? names[i] : ""));
    }
}

/**
 * eligo_report_document_add_spacer:
 * @height: in points; dropped at the top of a page
 */
void
eligo_report_document_add_spacer (EligoReportDocument *self,
                                  double               height)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (height >= 0);

  add_block (self, BLOCK_SPACER)->height = height;
}

void
eligo_report_document_add_page_break (EligoReportDocument *self)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));

  add_block (self, BLOCK_PAGE_BREAK);
}

/**
 * eligo_report_document_append:
 * @other: a document whose content follows, from a new page
 *
 * Copies the blocks of @other after those of @self as a section of its own:
 * it keeps its footer and numbers its pages "Page 1 of m" on its own, so
 * that each part can be filed apart. @self keeps its own page setup.
 */
void
eligo_report_document_append (EligoReportDocument *self,
                              EligoReportDocument *other)
{
  guint offset;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (other));
  g_return_if_fail (self != other);

  if (self->blocks->len > 0)
    {
      offset = self->footers->len;
      for (guint i = 0; i < other->footers->len; i++)
        g_ptr_array_add (self->footers, g_strdup (g_ptr_array_index (other->footers, i)));
      add_block (self, BLOCK_PAGE_BREAK);
    }
  else
    {
      /* Nothing yet: the first section becomes @other's. */
      offset = 0;
      g_ptr_array_set_size (self->footers, 0);
      for (guint i = 0; i < other->footers->len; i++)
        g_ptr_array_add (self->footers, g_strdup (g_ptr_array_index (other->footers, i)));
    }

  for (guint i = 0; i < other->blocks->len; i++)
    {
      EligoReportBlock *copy = block_copy (g_ptr_array_index (other->blocks, i));

      copy->section += offset;
      g_ptr_array_add (self->blocks, copy);
    }

  if (self->title == NULL)
    self->title = g_strdup (other->title);

  clear_pagination (self);
}

/**
 * eligo_report_document_paginate:
 * @context: a context for the target: only its font map and its language
 *   are used
 *
 * Lays the document out and cuts it into pages. Layout happens in points at
 * 72 dpi with unhinted metrics, so pages are the same whatever the target.
 * Call it again after adding content.
 */
void
eligo_report_document_paginate (EligoReportDocument *self,
                                PangoContext        *context)
{
  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  clear_pagination (self);
  _eligo_report_document_layout (self, context);
}

/**
 * eligo_report_document_get_n_pages:
 *
 * Returns: the number of pages, after eligo_report_document_paginate()
 *   (0 before)
 */
guint
eligo_report_document_get_n_pages (EligoReportDocument *self)
{
  g_return_val_if_fail (ELIGO_IS_REPORT_DOCUMENT (self), 0);

  return self->pages->len;
}

/**
 * eligo_report_document_draw_page:
 * @cr: any cairo context: a PDF surface's, a GtkPrintContext's, an image's
 * @page_nr: from 0
 * @width: the width of the area to draw in, in @cr's user units
 * @height: its height
 *
 * Draws one page, scaled to fit @width × @height and centred in it. With a
 * GtkPrintOperation in GTK_UNIT_POINTS on a full page of the document's
 * size, the scale is 1. Paginates first if that has not been done.
 */
void
eligo_report_document_draw_page (EligoReportDocument *self,
                                 cairo_t             *cr,
                                 guint                page_nr,
                                 double               width,
                                 double               height)
{
  EligoReportPage *page;
  double scale;

  g_return_if_fail (ELIGO_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  if (self->context == NULL)
    {
      PangoContext *context = pango_cairo_create_context (cr);

      eligo_report_document_paginate (self, context);
      g_object_unref (context);
    }

  g_return_if_fail (page_nr < self->pages->len);

  if (width <= 0 || height <= 0)
    return;

  page = g_ptr_array_index (self->pages, page_nr);
  scale = MIN (width / self->page_width, height / self->page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - self->page_width * scale) / 2,
                   (height - self->page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  _eligo_report_document_draw (self, cr, page);

  cairo_restore (cr);
}
