/* eligo-comparison-window-body.c: the comparison's table, a row per
 * compared item (a label cell, then one cell per trial), the rows that
 * "only differences" and the filter hide, and the column widths shared
 * with the header row
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

#define G_LOG_DOMAIN "eligo-comparison-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-comparison-window-private.h"
#include "eligo-format.h"
#include "eligo-report-spans.h"
#include "eligo-screening-log-row.h"

static char *
casefold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}


static GtkWidget *
wrapping_label (const char *text,
                gboolean    markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A small natural width: the cell's size request sets the column's, so
   * all trial columns are equal. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);

  return label;
}

static GtkWidget *
build_label_cell (EligoComparisonWindow *self,
                  EligoComparisonRow    *row)
{
  gboolean differs = eligo_comparison_row_differs (row);
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *mark = gtk_label_new (differs ? "≠" : "");
  GtkWidget *label = wrapping_label (eligo_comparison_row_get_label (row), FALSE);

  gtk_widget_add_css_class (cell, "comparison-cell");
  gtk_widget_add_css_class (cell, "row-label");
  gtk_widget_add_css_class (cell, differs ? "differs" : "same");
  gtk_widget_set_size_request (cell, _eligo_comparison_window_label_width (self), -1);

  gtk_widget_add_css_class (mark, "diff-mark");
  gtk_label_set_width_chars (GTK_LABEL (mark), 1);
  gtk_label_set_yalign (GTK_LABEL (mark), 0);
  if (differs)
    {
      gtk_widget_set_tooltip_text (mark, _("The trials differ"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The trials differ"), -1);
    }
  gtk_box_append (GTK_BOX (cell), mark);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (cell), label);

  /* Only the trials' columns share out the spare width: the label's
   * expanding stops here. */
  gtk_widget_set_hexpand (cell, FALSE);

  return cell;
}

/* The criteria an eligibility cell was read from, the words each rule was
 * read from underlined; and what "*" means. */
static void
set_cell_tooltip (GtkWidget          *label,
                  EligoComparisonRow *row,
                  guint               t)
{
  g_autoptr(GPtrArray) criteria = eligo_comparison_row_dup_criteria (row, t);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *id = g_markup_escape_text (eligo_criterion_get_id (criterion), -1);
      g_autofree char *text = eligo_spans_markup (eligo_criterion_get_text (criterion),
                                                  eligo_criterion_get_spans (criterion), TRUE);

      /* The id dimmed: bold marks the words read. */
      g_string_append_printf (markup, "%s<span alpha=\"70%%\">%s</span>  %s", markup->len > 0 ? "\n\n" : "", id, text);
    }
  if (eligo_comparison_row_get_partial (row, t))
    {
      g_autofree char *legend = g_markup_escape_text (eligo_comparison_partial_legend (), -1);

      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n\n" : "", legend);
    }
  gtk_widget_set_tooltip_markup (label, markup->len > 0 ? markup->str : NULL);
}

static GtkWidget *
build_trial_cell (EligoComparisonWindow *self,
                  EligoComparisonRow    *row,
                  guint                  t,
                  GString               *haystack)
{
  const char *text = eligo_comparison_row_get_cell (row, t);
  gboolean differs = eligo_comparison_row_differs (row);
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  EligoVerdict verdict;

  gtk_widget_add_css_class (cell, "comparison-cell");
  gtk_widget_add_css_class (cell, differs ? "differs" : "same");
  gtk_widget_add_css_class (cell, text != NULL ? "filled" : "empty");
  gtk_widget_set_size_request (cell, _eligo_comparison_window_column_width (self), -1);
  gtk_widget_set_hexpand (cell, TRUE);

  if (text != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autofree char *markup = NULL;

      if (eligo_comparison_row_get_partial (row, t))
        markup = g_strdup_printf ("%s<span weight=\"heavy\">*</span>", escaped);
      else
        markup = g_steal_pointer (&escaped);

      label = wrapping_label (markup, TRUE);
      set_cell_tooltip (label, row, t);
      gtk_box_append (GTK_BOX (cell), label);

      g_string_append_c (haystack, '\n');
      g_string_append (haystack, text);
    }
  else if (eligo_comparison_row_get_section (row) != ELIGO_COMPARISON_SECTION_ELIGIBILITY)
    {
      label = wrapping_label (ELIGO_FORMAT_ABSENT, FALSE);
      gtk_widget_add_css_class (label, "absent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Not stated"), -1);
      gtk_box_append (GTK_BOX (cell), label);
    }

  if (eligo_comparison_row_get_verdict (row, t, &verdict))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *image = gtk_image_new_from_icon_name (_eligo_verdict_get_icon_name (verdict));
      g_autofree char *class = g_strdup_printf ("verdict-%s", eligo_verdict_to_string (verdict));

      gtk_widget_add_css_class (cell, class);
      gtk_widget_add_css_class (box, "verdict");
      gtk_widget_add_css_class (box, eligo_verdict_to_string (verdict));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      eligo_verdict_get_label (verdict), -1);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), gtk_label_new (eligo_verdict_get_label (verdict)));
      gtk_box_append (GTK_BOX (cell), box);
    }

  return cell;
}

void
_eligo_comparison_window_build_body (EligoComparisonWindow *self)
{
  guint n_rows = eligo_comparison_get_n_rows (self->comparison);
  guint n_trials = self->trials->len;
  int section = -1;
  int line = 0;

  _eligo_comparison_window_clear_grid (self->body_grid);
  g_ptr_array_set_size (self->rows, 0);
  memset (self->headings, 0, sizeof self->headings);

  for (guint i = 0; i < n_rows; i++)
    {
      EligoComparisonRow *row = eligo_comparison_get_row (self->comparison, i);
      EligoComparisonSection row_section = eligo_comparison_row_get_section (row);
      g_autoptr(GString) haystack = g_string_new (eligo_comparison_row_get_label (row));
      RowView *view;
      GtkWidget *cell;

      if ((int) row_section != section)
        {
          GtkWidget *heading = gtk_label_new (eligo_comparison_section_get_title (row_section));

          section = row_section;
          gtk_widget_add_css_class (heading, "section-heading");
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                          GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
          gtk_grid_attach (self->body_grid, heading, 0, line++, n_trials + 1, 1);
          self->headings[section] = heading;
        }

      view = g_new0 (RowView, 1);
      view->row = eligo_comparison_row_ref (row);
      view->widgets = g_ptr_array_new ();
      view->shown = TRUE;

      cell = build_label_cell (self, row);
      g_ptr_array_add (view->widgets, cell);

      for (guint t = 0; t < n_trials; t++)
        {
          GtkWidget *trial_cell = build_trial_cell (self, row, t, haystack);

          gtk_grid_attach (self->body_grid, trial_cell, t + 1, line, 1, 1);
          g_ptr_array_add (view->widgets, trial_cell);
        }

      /* Attached last so that, held in view, it is drawn over the cells
       * scrolled beneath it (see eligo-comparison-table.c) */
      gtk_grid_attach (self->body_grid, cell, 0, line, 1, 1);

      view->haystack = casefold (haystack->str);
      g_ptr_array_add (self->rows, view);
      line++;
    }
}

/* Hides the rows that "only differences" or the filter leave out, and the
 * headings of sections left empty. */
void
_eligo_comparison_window_apply_visibility (EligoComparisonWindow *self)
{
  g_autofree char *needle = casefold (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  gboolean section_matches[ELIGO_N_COMPARISON_SECTIONS] = { FALSE, };
  gboolean section_shown[ELIGO_N_COMPARISON_SECTIONS] = { FALSE, };
  g_autofree char *rows_text = NULL;
  guint n_shown = 0;

  g_strstrip (needle);

  for (guint s = 0; s < ELIGO_N_COMPARISON_SECTIONS; s++)
    {
      g_autofree char *title = casefold (eligo_comparison_section_get_title (s));

      section_matches[s] = *needle != '\0' && strstr (title, needle) != NULL;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      RowView *view = g_ptr_array_index (self->rows, i);
      EligoComparisonSection section = eligo_comparison_row_get_section (view->row);
      gboolean shown = TRUE;

      if (self->only_differences && !eligo_comparison_row_differs (view->row))
        shown = FALSE;
      else if (*needle != '\0' && !section_matches[section] &&
               strstr (view->haystack, needle) == NULL)
        shown = FALSE;

      view->shown = shown;
      for (guint w = 0; w < view->widgets->len; w++)
        gtk_widget_set_visible (g_ptr_array_index (view->widgets, w), shown);

      if (shown)
        {
          section_shown[section] = TRUE;
          n_shown++;
        }
    }

  for (guint s = 0; s < ELIGO_N_COMPARISON_SECTIONS; s++)
    if (self->headings[s] != NULL)
      gtk_widget_set_visible (self->headings[s], section_shown[s]);

  if (n_shown == self->rows->len)
    /* Translators: how many rows the comparison shows */
    rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows",
                                              self->rows->len),
                                 self->rows->len);
  else
    /* Translators: how many rows the comparison shows, of how many */
    rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u row", "%u of %u rows",
                                              self->rows->len),
                                 n_shown, self->rows->len);
  gtk_label_set_label (self->rows_label, rows_text);

  if (n_shown == 0)
    {
      gtk_label_set_label (self->empty_detail_label,
                           *needle != '\0'
                           ? _("No row’s label or cells hold the filter’s words.")
                           : _("The trials are the same on every row."));
      gtk_stack_set_visible_child_name (self->body_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->body_stack, "table");

  gtk_widget_set_visible (GTK_WIDGET (self->partial_legend_label),
                          eligo_comparison_has_partial_cells (self->comparison,
                                                              self->only_differences));
}

static void
measure_columns (GtkGrid *grid,
                 int     *label_column,
                 int     *trial_column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, span, natural;

      gtk_grid_query_child (grid, child, &column, NULL, &span, NULL);
      if (span != 1)
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (column == 0)
        *label_column = MAX (*label_column, natural);
      else
        *trial_column = MAX (*trial_column, natural);
    }
}

static void
set_column_widths (GtkGrid *grid,
                   int      label_column,
                   int      trial_column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, span;

      gtk_grid_query_child (grid, child, &column, NULL, &span, NULL);
      if (span == 1)
        gtk_widget_set_size_request (child, column == 0 ? label_column : trial_column, -1);
    }
}

/* The header row and the table are two grids: give their columns the same
 * minimum and natural widths, the trials' all equal, so that they share
 * out the window's width alike and stay in line. */
void
_eligo_comparison_window_align_columns (EligoComparisonWindow *self)
{
  int label_column = _eligo_comparison_window_label_width (self);
  int trial_column = _eligo_comparison_window_column_width (self);

  measure_columns (self->header_grid, &label_column, &trial_column);
  measure_columns (self->body_grid, &label_column, &trial_column);
  set_column_widths (self->header_grid, label_column, trial_column);
  set_column_widths (self->body_grid, label_column, trial_column);
}
