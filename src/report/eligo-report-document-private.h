/* eligo-report-document-private.h
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

#include <pango/pangocairo.h>

#include "eligo-report-document.h"

G_BEGIN_DECLS

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_FOOTNOTE,
  BLOCK_KEY_VALUES,
  BLOCK_CALLOUT,
  BLOCK_TABLE,
  BLOCK_SIGNATURES,
  BLOCK_SPACER,
  BLOCK_PAGE_BREAK,
} EligoReportBlockKind;

typedef struct
{
  char             **cells;
  EligoReportStyle  *styles;
} EligoReportRow;

struct _EligoReportTable
{
  guint       n_columns;
  double     *widths;   /* fractions of the content width, summing to 1 */
  char      **headers;
  GPtrArray  *rows;     /* EligoReportRow */
};

typedef struct
{
  EligoReportBlockKind  kind;
  guint                 section;
  char                 *text;       /* title, subtitle, heading, paragraph, footnote; a callout's main line */
  char                 *caption;    /* callout */
  char                 *detail;     /* callout */
  EligoReportStyle      style;      /* paragraph */
  double                height;     /* spacer */
  guint                 n_columns;  /* key/values: pairs side by side */
  GPtrArray            *strings;    /* key/values: key, value, ...; signatures: role, name, ... */
  EligoReportTable     *table;
} EligoReportBlock;

typedef enum
{
  UNIT_TEXT,
  UNIT_HEADING,
  UNIT_KEY_VALUE,
  UNIT_TABLE_HEADER,
  UNIT_TABLE_ROW,
  UNIT_CALLOUT,
  UNIT_SIGNATURE,
  UNIT_SPACER,
  UNIT_BREAK,
} EligoReportUnitKind;

/* A laid-out piece of text in a unit. */
typedef struct
{
  PangoLayout      *layout;
  double            x;        /* from the content's left edge */
  double            y;        /* from the unit's top */
  double            width;    /* the cell's box, for shading and fill-in lines */
  EligoReportStyle  style;
  gboolean          fill_in;  /* an empty value: a line to write on */
} EligoReportCell;

typedef struct _EligoReportUnit EligoReportUnit;

/* What pagination moves as one: a title, a table row, a signature line. */
struct _EligoReportUnit
{
  EligoReportUnitKind  kind;
  EligoReportBlock    *block;
  guint                section;
  guint                row;
  double               space_before;    /* dropped at the top of a page */
  double               height;
  double               pad_top;         /* cells start here; splits cut between the pads */
  double               pad_bottom;
  gboolean             splittable;
  gboolean             keep_with_next;
  gboolean             keep_with_previous; /* a footnote: never alone at the top of a page */
  EligoReportUnit     *header;          /* table rows: the header repeated on every page */
  GArray              *cells;           /* EligoReportCell */
};

typedef struct
{
  EligoReportUnit *unit;
  double           y;
  double           from;    /* the slice of the cells drawn here, in cell coordinates */
  double           to;
  double           height;
} EligoReportPlacement;

typedef struct
{
  guint   section;
  guint   number;      /* within the section, from 1 */
  GArray *placements;  /* EligoReportPlacement */
} EligoReportPage;

struct _EligoReportDocument
{
  GObject       parent_instance;

  double        page_width;
  double        page_height;
  double        margin_top;
  double        margin_right;
  double        margin_bottom;
  double        margin_left;
  char         *title;
  GDateTime    *created;

  GPtrArray    *blocks;         /* EligoReportBlock */
  GPtrArray    *footers;        /* char *, one per section */

  /* Pagination */
  PangoContext *context;
  gboolean      cjk;            /* laid out for Chinese, Japanese or Korean */
  GPtrArray    *units;          /* EligoReportUnit, in flow order */
  GPtrArray    *header_units;   /* EligoReportUnit, owned here */
  GPtrArray    *pages;          /* EligoReportPage */
  GArray       *section_pages;  /* guint: pages per section */
};

void _eligo_report_unit_free       (EligoReportUnit     *unit);
void _eligo_report_page_free       (EligoReportPage     *page);
void _eligo_report_document_layout (EligoReportDocument *self,
                                    PangoContext        *context);
void _eligo_report_document_paginate_units (EligoReportDocument *self);
void _eligo_report_document_draw   (EligoReportDocument *self,
                                    cairo_t             *cr,
                                    EligoReportPage     *page);

G_END_DECLS
