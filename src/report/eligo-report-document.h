/* eligo-report-document.h
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

#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Page sizes in points (1/72 inch). */
#define ELIGO_REPORT_A4_WIDTH      595.0
#define ELIGO_REPORT_A4_HEIGHT     842.0
#define ELIGO_REPORT_LETTER_WIDTH  612.0
#define ELIGO_REPORT_LETTER_HEIGHT 792.0

/* The sans families of every report; the CJK face draws Chinese. */
#define ELIGO_REPORT_FONT_FAMILY "Noto Sans, Noto Sans CJK SC, DejaVu Sans, sans"

typedef enum
{
  ELIGO_REPORT_PAPER_A4,
  ELIGO_REPORT_PAPER_LETTER,
} EligoReportPaper;

typedef enum
{
  ELIGO_REPORT_PORTRAIT,
  ELIGO_REPORT_LANDSCAPE,
} EligoReportOrientation;

/* How a table cell is drawn; the flags combine. */
typedef enum
{
  ELIGO_REPORT_STYLE_NORMAL = 0,
  ELIGO_REPORT_STYLE_BOLD   = 1 << 0,  /* bold text */
  ELIGO_REPORT_STYLE_DIM    = 1 << 1,  /* grey text, for secondary facts */
  ELIGO_REPORT_STYLE_MARK   = 1 << 2,  /* the first character is a verdict mark: drawn larger */
  ELIGO_REPORT_STYLE_SHADE  = 1 << 3,  /* a light grey cell, to stand out in black and white */
  ELIGO_REPORT_STYLE_MARKUP = 1 << 4,  /* the text is Pango markup (escaped by the caller) */
} EligoReportStyle;

typedef struct _EligoReportTable EligoReportTable;

#define ELIGO_TYPE_REPORT_DOCUMENT (eligo_report_document_get_type ())

G_DECLARE_FINAL_TYPE (EligoReportDocument, eligo_report_document, ELIGO, REPORT_DOCUMENT, GObject)

EligoReportDocument *eligo_report_document_new             (void);

/* Page setup */
void              eligo_report_document_set_paper          (EligoReportDocument    *self,
                                                            EligoReportPaper        paper,
                                                            EligoReportOrientation  orientation);
void              eligo_report_document_set_page_size      (EligoReportDocument    *self,
                                                            double                  width,
                                                            double                  height);
double            eligo_report_document_get_page_width     (EligoReportDocument    *self);
double            eligo_report_document_get_page_height    (EligoReportDocument    *self);
void              eligo_report_document_set_margins        (EligoReportDocument    *self,
                                                            double                  top,
                                                            double                  right,
                                                            double                  bottom,
                                                            double                  left);
void              eligo_report_document_set_title          (EligoReportDocument    *self,
                                                            const char             *title);
const char       *eligo_report_document_get_title          (EligoReportDocument    *self);
void              eligo_report_document_set_footer         (EligoReportDocument    *self,
                                                            const char             *footer);
void              eligo_report_document_set_created        (EligoReportDocument    *self,
                                                            GDateTime              *created);
GDateTime        *eligo_report_document_get_created        (EligoReportDocument    *self);

/* Content, in reading order */
void              eligo_report_document_add_title          (EligoReportDocument    *self,
                                                            const char             *text);
void              eligo_report_document_add_subtitle       (EligoReportDocument    *self,
                                                            const char             *text);
void              eligo_report_document_add_heading        (EligoReportDocument    *self,
                                                            const char             *text);
void              eligo_report_document_add_paragraph      (EligoReportDocument    *self,
                                                            const char             *text,
                                                            EligoReportStyle        style);
void              eligo_report_document_add_footnote       (EligoReportDocument    *self,
                                                            const char             *text);
void              eligo_report_document_add_key_values     (EligoReportDocument    *self,
                                                            guint                   n_columns,
                                                            const char * const     *keys_and_values);
void              eligo_report_document_add_callout        (EligoReportDocument    *self,
                                                            const char             *caption,
                                                            const char             *text,
                                                            const char             *detail);
EligoReportTable *eligo_report_document_add_table          (EligoReportDocument    *self,
                                                            guint                   n_columns,
                                                            const double           *widths,
                                                            const char * const     *headers);
guint             eligo_report_table_add_row               (EligoReportTable       *table,
                                                            const char * const     *cells);
void              eligo_report_table_set_style             (EligoReportTable       *table,
                                                            guint                   row,
                                                            guint                   column,
                                                            EligoReportStyle        style);
guint             eligo_report_table_get_n_rows            (EligoReportTable       *table);
void              eligo_report_document_add_signatures     (EligoReportDocument    *self,
                                                            const char * const     *roles,
                                                            const char * const     *names);
void              eligo_report_document_add_spacer         (EligoReportDocument    *self,
                                                            double                  height);
void              eligo_report_document_add_page_break     (EligoReportDocument    *self);
void              eligo_report_document_append             (EligoReportDocument    *self,
                                                            EligoReportDocument    *other);

/* Output */
void              eligo_report_document_paginate          (EligoReportDocument    *self,
                                                            PangoContext           *context);
guint             eligo_report_document_get_n_pages        (EligoReportDocument    *self);
void              eligo_report_document_draw_page          (EligoReportDocument    *self,
                                                            cairo_t                *cr,
                                                            guint                   page_nr,
                                                            double                  width,
                                                            double                  height);

G_END_DECLS
