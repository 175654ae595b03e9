/* eligo-comparison-output.c
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

#define G_LOG_DOMAIN "eligo-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-comparison-private.h"
#include "eligo-format.h"

/* Display width in terminal columns; CJK characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Text table */

static GPtrArray *
wrap_text (const char *text,
           guint       width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  if (width < 1)
    width = 1;

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      g_autoptr(GString) line = g_string_new (NULL);
      guint line_width = 0;

      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *word = words[w];
          guint word_width = display_width (word);

          if (*word == '\0')
            continue;

          if (line_width > 0 && line_width + 1 + word_width > width)
            {
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_truncate (line, 0);
              line_width = 0;
            }

          /* Break words longer than the column */
          while (word_width > width - (line_width > 0 ? line_width + 1 : 0) && *word != '\0')
            {
              if (line_width > 0)
                {
                  g_ptr_array_add (lines, g_strdup (line->str));
                  g_string_truncate (line, 0);
                  line_width = 0;
                }
              while (*word != '\0')
                {
                  gunichar c = g_utf8_get_char (word);
                  guint c_width = g_unichar_iswide (c) ? 2 : 1;

                  if (line_width + c_width > width && line_width > 0)
                    break;
                  g_string_append_unichar (line, c);
                  line_width += c_width;
                  word = g_utf8_next_char (word);
                }
              word_width = display_width (word);
              if (*word != '\0')
                {
                  g_ptr_array_add (lines, g_strdup (line->str));
                  g_string_truncate (line, 0);
                  line_width = 0;
                }
            }

          if (*word == '\0')
            continue;

          if (line_width > 0)
            {
              g_string_append_c (line, ' ');
              line_width++;
            }
          g_string_append (line, word);
          line_width += word_width;
        }

      g_ptr_array_add (lines, g_strdup (line->str));
    }

  return lines;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  g_string_append (out, text);
  for (guint w = display_width (text); w < width; w++)
    g_string_append_c (out, ' ');
}

/* A row of the table: @texts holds the label, then a cell per trial. The
 * label's lines follow the two-column @marker. */
static void
append_table_row (GString    *out,
                  const char *marker,
                  GPtrArray  *texts,
                  guint       label_width,
                  guint       column_width)
{
  g_autoptr(GPtrArray) wrapped = NULL;
  guint n_lines = 0;

  wrapped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint c = 0; c < texts->len; c++)
    {
      GPtrArray *lines = wrap_text (g_ptr_array_index (texts, c),
                                    c == 0 ? label_width - 2 : column_width);

      if (c == 0)
        for (guint l = 0; l < lines->len; l++)
          {
            char *line = g_strdup_printf ("%s%s", l == 0 ? marker : "  ",
                                          (char *) g_ptr_array_index (lines, l));

            g_free (g_ptr_array_index (lines, l));
            g_ptr_array_index (lines, l) = line;
          }

      n_lines = MAX (n_lines, lines->len);
      g_ptr_array_add (wrapped, lines);
    }

  for (guint l = 0; l < n_lines; l++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < wrapped->len; c++)
        {
          GPtrArray *lines = g_ptr_array_index (wrapped, c);

          if (c > 0)
            g_string_append (line, " │ ");
          append_padded (line, l < lines->len ? g_ptr_array_index (lines, l) : "",
                         c == 0 ? label_width : column_width);
        }

      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
    }
}

static char *
cell_display_text (EligoComparison    *self,
                   EligoComparisonRow *row,
                   guint               t)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (row->cells[t] == NULL)
    return g_strdup (row->section == ELIGO_COMPARISON_SECTION_ELIGIBILITY ? ""
                                                                        : ELIGO_FORMAT_ABSENT);

  g_string_append (text, row->cells[t]);
  if (row->partial[t])
    g_string_append (text, "*");
  if (row->verdicts[t] != ELIGO_N_VERDICTS)
    g_string_append_printf (text, " [%s]", eligo_verdict_get_label (row->verdicts[t]));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * eligo_comparison_to_json:
 * @only_differences: leave out rows whose cells are all the same
 *
 * Returns: (transfer full): `{"trials": [{"nct_id", "title", "verdict"?}],
 *   "patient"?: ID, "sections": [{"id", "title", "rows": [{"id", "label",
 *   "variable"?, "cells": [TEXT or null...], "differs", "partial"?: [bool...],
 *   "verdicts"?: [VERDICT or null...]}]}]}`; "partial" on eligibility rows,
 *   "verdicts" on them with a patient. Sections without rows are left out.
 */
JsonObject *
eligo_comparison_to_json (EligoComparison *self,
                          gboolean         only_differences)
{
  JsonObject *root;
  JsonArray *trials;
  JsonArray *sections;

  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);

  root = json_object_new ();
  trials = json_array_new ();
  for (guint t = 0; t < self->trials->len; t++)
    {
      EligoTrial *trial = g_ptr_array_index (self->trials, t);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "nct_id", eligo_trial_get_nct_id (trial));
      if (eligo_trial_get_brief_title (trial) != NULL)
        json_object_set_string_member (object, "title", eligo_trial_get_brief_title (trial));
      else
        json_object_set_null_member (object, "title");
      if (self->results != NULL)
        json_object_set_string_member (object, "verdict",
                                       eligo_trial_verdict_to_string (
                                         eligo_screening_result_get_verdict (
                                           g_ptr_array_index (self->results, t))));
      json_array_add_object_element (trials, object);
    }
  json_object_set_array_member (root, "trials", trials);

  if (self->patient != NULL)
    json_object_set_string_member (root, "patient",
                                   eligo_patient_get_screening_id (self->patient));

  sections = json_array_new ();
  for (guint s = 0; s < ELIGO_N_COMPARISON_SECTIONS; s++)
    {
      JsonObject *section = json_object_new ();
      JsonArray *rows = json_array_new ();

      for (guint i = 0; i < self->rows->len; i++)
        {
          EligoComparisonRow *row = g_ptr_array_index (self->rows, i);
          JsonObject *object;
          JsonArray *cells;

          if (row->section != s || (only_differences && !row->differs))
            continue;

          object = json_object_new ();
          json_object_set_string_member (object, "id", row->id);
          json_object_set_string_member (object, "label", row->label);
          if (row->variable != NULL)
            json_object_set_string_member (object, "variable", row->variable);

          cells = json_array_new ();
          for (guint t = 0; t < row->n_cells; t++)
            {
              if (row->cells[t] != NULL)
                json_array_add_string_element (cells, row->cells[t]);
              else
                json_array_add_null_element (cells);
            }
          json_object_set_array_member (object, "cells", cells);
          json_object_set_boolean_member (object, "differs", row->differs);

          if (row->section == ELIGO_COMPARISON_SECTION_ELIGIBILITY)
            {
              JsonArray *partial = json_array_new ();

              for (guint t = 0; t < row->n_cells; t++)
                json_array_add_boolean_element (partial, row->partial[t]);
              json_object_set_array_member (object, "partial", partial);
            }

          if (row->sources != NULL && self->patient != NULL)
            {
              JsonArray *verdicts = json_array_new ();

              for (guint t = 0; t < row->n_cells; t++)
                {
                  if (row->verdicts[t] == ELIGO_N_VERDICTS)
                    json_array_add_null_element (verdicts);
                  else
                    json_array_add_string_element (verdicts,
                                                   eligo_verdict_to_string (row->verdicts[t]));
                }
              json_object_set_array_member (object, "verdicts", verdicts);
            }

          json_array_add_object_element (rows, object);
        }

      if (json_array_get_length (rows) == 0)
        {
          json_array_unref (rows);
          json_object_unref (section);
          continue;
        }

      json_object_set_string_member (section, "id", eligo_comparison_section_to_string (s));
      json_object_set_string_member (section, "title", eligo_comparison_section_get_title (s));
      json_object_set_array_member (section, "rows", rows);
      json_array_add_object_element (sections, section);
    }
  json_object_set_array_member (root, "sections", sections);

  return root;
}

/**
 * eligo_comparison_to_text:
 * @only_differences: leave out rows whose cells are all the same
 * @width: the width of the table in terminal columns
 *
 * A table for the terminal: a label column and one column per trial, cells
 * wrapped to fit @width. Rows whose cells differ start with "≠"; partial
 * cells end with "*"; with a patient, cells carry their verdict in
 * brackets. A legend follows the table.
 *
 * Returns: (transfer full): the table
 */
char *
eligo_comparison_to_text (EligoComparison *self,
                          gboolean         only_differences,
                          guint            width)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_trials;
  guint label_width = 12;
  guint column_width;
  guint total_width;
  gboolean first_in_section = TRUE;
  gboolean previous_multi_line = FALSE;
  int section = -1;

  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);

  n_trials = self->trials->len;
  for (guint i = 0; i < self->rows->len; i++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, i);

      if (!only_differences || row->differs)
        label_width = MAX (label_width, display_width (row->label) + 2);
    }
  label_width = MIN (label_width, 28);

  column_width = width > label_width + 3 * n_trials
                 ? (width - label_width - 3 * n_trials) / n_trials : 0;
  column_width = MAX (column_width, 12);
  total_width = label_width + n_trials * (column_width + 3);

  {
    g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (header, g_strdup (""));
    for (guint t = 0; t < n_trials; t++)
      g_ptr_array_add (header,
                       g_strdup (eligo_trial_get_nct_id (g_ptr_array_index (self->trials, t))));
    append_table_row (out, "  ", header, label_width, column_width);
  }

  if (self->results != NULL)
    {
      g_autoptr(GPtrArray) verdicts = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (verdicts, g_strdup (_("Verdict")));
      for (guint t = 0; t < n_trials; t++)
        {
          EligoScreeningResult *result = g_ptr_array_index (self->results, t);

          g_ptr_array_add (verdicts,
                           g_strdup (eligo_trial_verdict_get_label (
                                       eligo_screening_result_get_verdict (result))));
        }
      append_table_row (out, "  ", verdicts, label_width, column_width);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GPtrArray) texts = NULL;
      gboolean multi_line = FALSE;

      if (only_differences && !row->differs)
        continue;

      if ((int) row->section != section)
        {
          const char *title = eligo_comparison_section_get_title (row->section);

          first_in_section = TRUE;
          section = row->section;
          g_string_append_printf (out, "\n%s\n", title);
          for (guint w = 0; w < total_width; w++)
            g_string_append (out, "─");
          g_string_append_c (out, '\n');
        }

      texts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (texts, g_strdup (row->label));
      multi_line = display_width (row->label) > label_width - 2;
      for (guint t = 0; t < n_trials; t++)
        {
          char *text = cell_display_text (self, row, t);

          if (strchr (text, '\n') != NULL || display_width (text) > column_width)
            multi_line = TRUE;
          g_ptr_array_add (texts, text);
        }

      /* A blank line sets wrapped rows apart from their neighbours */
      if ((multi_line || previous_multi_line) && !first_in_section)
        g_string_append_c (out, '\n');
      append_table_row (out, row->differs ? "≠ " : "  ", texts, label_width, column_width);
      previous_multi_line = multi_line;
      first_in_section = FALSE;
    }

  g_string_append_c (out, '\n');
  g_string_append_printf (out, "≠ %s\n", _("the trials differ"));
  if (eligo_comparison_has_partial_cells (self, only_differences))
    g_string_append_printf (out, "%s\n", eligo_comparison_partial_legend ());

  return g_string_free (g_steal_pointer (&out), FALSE);
}
