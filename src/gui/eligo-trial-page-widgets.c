/* eligo-trial-page-widgets.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "eligo-trial-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-criterion.h"
#include "eligo-trial-page-private.h"

/*
 * The building blocks of a trial page's sections: headings, cards and
 * their rows, tags, "key  value" facts, and the registry's free text as
 * paragraphs.
 */

/* The narrowest a paragraph gets, in characters. */
#define MIN_TEXT_CHARS 16

/*
 * Wrapping, selectable text. Long words (URLs, drug codes) may break, and
 * the label asks for at least MIN_TEXT_CHARS: without a minimum GTK lays the
 * text out one character a line to find its minimum width, which is slow
 * for the long texts of a registry record.
 */
GtkWidget *
_eligo_text_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN_TEXT_CHARS);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);

  return label;
}

GtkWidget *
_eligo_dim_label_new (const char *text)
{
  GtkWidget *label = _eligo_text_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
heading_new (const char *text,
             const char *css_class,
             int         level)
{
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        NULL);
  gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);

  return label;
}

/* A small word in a rounded outline: an arm type, a rule's origin… */
GtkWidget *
_eligo_tag_new (const char *text,
                const char *tooltip)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "trial-tag");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (tag, tooltip);

  return tag;
}

GtkWidget *
_eligo_section_new (const char *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (section, "trial-section");
  gtk_box_append (GTK_BOX (section), heading_new (title, "title-4", 2));

  return section;
}

GtkWidget *
_eligo_subsection_heading_new (const char *title)
{
  GtkWidget *heading = heading_new (title, "heading", 3);

  gtk_widget_set_margin_top (heading, 6);

  return heading;
}

GtkWidget *
_eligo_card_new (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "trial-card");

  return card;
}

void
_eligo_card_append (GtkWidget *card,
                    GtkWidget *row)
{
  if (gtk_widget_get_first_child (card) != NULL)
    gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  gtk_widget_add_css_class (row, "trial-card-row");
  gtk_box_append (GTK_BOX (card), row);
}

GtkWidget *
_eligo_card_row_new (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
}

/*
 * Widgets side by side. A GtkGrid, not a horizontal GtkBox: on GTK 4.8 a
 * horizontal box measures its wrapping labels' heights some 25 times more
 * slowly, which made a trial's criteria take a tenth of a second to lay out.
 */
GtkWidget *
_eligo_hrow_new (int spacing)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), spacing);

  return grid;
}

void
_eligo_hrow_append (GtkWidget *row,
                    GtkWidget *child)
{
  gtk_grid_attach_next_to (GTK_GRID (row), child, NULL, GTK_POS_RIGHT, 1, 1);
}

/* The title line of a card row, with an optional tag at its end. */
GtkWidget *
_eligo_row_title_new (const char *title,
                      const char *tag,
                      const char *tag_tooltip)
{
  GtkWidget *row = _eligo_hrow_new (12);
  GtkWidget *label = _eligo_text_label_new (title);

  gtk_widget_add_css_class (label, "trial-row-title");
  gtk_widget_set_hexpand (label, TRUE);
  _eligo_hrow_append (row, label);

  if (tag != NULL)
    {
      GtkWidget *tag_label = _eligo_tag_new (tag, tag_tooltip);

      gtk_widget_set_valign (tag_label, GTK_ALIGN_START);
      _eligo_hrow_append (row, tag_label);
    }

  return row;
}

void
_eligo_facts_add (Facts      *facts,
                  const char *key,
                  const char *value)
{
  GtkWidget *key_label;
  GtkWidget *value_label;

  if (_eligo_is_blank (value))
    return;

  if (facts->grid == NULL)
    {
      facts->grid = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (facts->grid), 24);
      gtk_grid_set_row_spacing (GTK_GRID (facts->grid), 8);
      gtk_widget_add_css_class (facts->grid, "trial-facts");
    }

  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (key_label), TRUE);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_add_css_class (key_label, "trial-fact-key");

  value_label = _eligo_text_label_new (value);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "trial-fact-value");
  /* A screen reader then reads "Status: Recruiting", not two unrelated labels. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, key_label, NULL,
                                  -1);

  gtk_grid_attach (GTK_GRID (facts->grid), key_label, 0, facts->n_rows, 1, 1);
  gtk_grid_attach (GTK_GRID (facts->grid), value_label, 1, facts->n_rows, 1, 1);
  facts->n_rows++;
}

void
_eligo_facts_take (Facts      *facts,
                   const char *key,
                   char       *value)
{
  _eligo_facts_add (facts, key, value);
  g_free (value);
}

/* @line with a markdown bullet ("* ", "- "), indented or not, as "• ". */
static void
append_line (GString    *str,
             const char *line)
{
  gsize indent = strspn (line, " ");

  if ((line[indent] == '*' || line[indent] == '-') && line[indent + 1] == ' ')
    {
      g_string_append_len (str, line, indent);
      g_string_append (str, "• ");
      g_string_append (str, line + indent + 2);
    }
  else
    g_string_append (str, line);
}

/* The registry's free text as paragraphs, with its markdown escapes undone. */
void
_eligo_append_paragraphs (GtkWidget  *box,
                          const char *text)
{
  g_autofree char *unescaped = NULL;
  g_auto(GStrv) paragraphs = NULL;
  GString *str;
  char *out;

  if (_eligo_is_blank (text))
    return;

  /* Without carriage returns, "\r\n\r\n" separates paragraphs too. */
  unescaped = eligo_criteria_unescape (text);
  out = unescaped;
  for (const char *in = unescaped; *in != '\0'; in++)
    {
      if (*in != '\r')
        *out++ = *in;
    }
  *out = '\0';

  paragraphs = g_strsplit (unescaped, "\n\n", -1);
  str = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;

      lines = g_strsplit (paragraphs[i], "\n", -1);
      g_string_truncate (str, 0);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append_c (str, '\n');
          append_line (str, lines[j]);
        }

      gtk_box_append (GTK_BOX (box), _eligo_text_label_new (str->str));
    }

  g_string_free (str, TRUE);
}

void
_eligo_append_facts (GtkWidget *box,
                     Facts     *facts)
{
  if (facts->grid != NULL)
    gtk_box_append (GTK_BOX (box), facts->grid);
}

/* Appends @section to the page if anything was added below its heading. */
void
_eligo_append_section (GtkBox    *content,
                       GtkWidget *section)
{
  GtkWidget *heading = gtk_widget_get_first_child (section);

  if (gtk_widget_get_next_sibling (heading) == NULL)
    {
      g_object_ref_sink (section);
      g_object_unref (section);
      return;
    }

  gtk_box_append (content, section);
}

void
_eligo_append_object_rows (GtkWidget   *section,
                           const char  *heading,
                           JsonArray   *array,
                           GtkWidget *(*row_new) (JsonObject *object))
{
  GtkWidget *card = NULL;

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = _eligo_array_object (array, i);

      if (object == NULL)
        continue;

      if (card == NULL)
        {
          if (heading != NULL)
            gtk_box_append (GTK_BOX (section), _eligo_subsection_heading_new (heading));
          card = _eligo_card_new ();
        }
      _eligo_card_append (card, row_new (object));
    }

  if (card != NULL)
    gtk_box_append (GTK_BOX (section), card);
}
