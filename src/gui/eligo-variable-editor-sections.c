/* eligo-variable-editor-sections.c
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

/*
 * Which fields to show and under which heading: the variables the rules
 * use and what derived ones are computed from, in the order of
 * variables.md, one section per group with its "2 missing" status.
 */

#define G_LOG_DOMAIN "eligo-variable-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-variable-editor-private.h"

/* The variables a derived one is computed from, from its derived_from. */
static void
add_derivation_inputs (const EligoVariable *variable,
                       GHashTable          *set)
{
  const char *from = variable->derived_from;
  g_auto(GStrv) parts = NULL;

  if (from == NULL)
    return;

  if (strstr (from, " / ") != NULL)
    parts = g_strsplit (from, " / ", -1);
  else if (strstr (from, " from ") != NULL)
    parts = g_strsplit (strstr (from, " from ") + strlen (" from "), ", ", -1);
  else
    return;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const EligoVariable *input = eligo_variable_lookup (g_strstrip (parts[i]));

      if (input != NULL)
        g_hash_table_add (set, (gpointer) input->name);
    }
}

/* For a multiple of the ULN: the raw value and the limit, else FALSE. */
gboolean
_eligo_variable_editor_get_ratio_parts (const EligoVariable  *variable,
                                        const EligoVariable **raw,
                                        const EligoVariable **uln)
{
  g_auto(GStrv) parts = NULL;

  if (variable->derived_from == NULL || strstr (variable->derived_from, " / ") == NULL)
    return FALSE;

  parts = g_strsplit (variable->derived_from, " / ", 2);
  *raw = eligo_variable_lookup (g_strstrip (parts[0]));
  *uln = parts[1] != NULL ? eligo_variable_lookup (g_strstrip (parts[1])) : NULL;

  return *raw != NULL && *uln != NULL;
}

/**
 * eligo_variable_editor_expand_names:
 * @names: the variables the rules use
 *
 * The fields to show for @names: the names themselves and, for values that
 * can be derived (the × ULN multiples, creatinine clearance), what they are
 * derived from. A multiple's raw value and limit come just before it; the
 * rest keep the order of variables.md.
 *
 * Returns: (transfer full): the names, in display order
 */
char **
eligo_variable_editor_expand_names (const char * const *names)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const EligoVariable *all;
  guint n_all;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const EligoVariable *variable = eligo_variable_lookup (names[i]);

      if (variable == NULL)
        continue;

      g_hash_table_add (set, (gpointer) variable->name);
      add_derivation_inputs (variable, set);
    }

  /* Creatinine clearance needs creatinine, whose ratio parts may follow. */
  all = eligo_variables_get_all (&n_all);
  for (guint i = 0; i < n_all; i++)
    {
      const EligoVariable *variable = &all[i];
      const EligoVariable *raw, *uln;

      if (!g_hash_table_contains (set, variable->name) ||
          g_hash_table_contains (done, variable->name))
        continue;

      if (_eligo_variable_editor_get_ratio_parts (variable, &raw, &uln))
        {
          g_strv_builder_add (builder, raw->name);
          g_strv_builder_add (builder, uln->name);
          g_hash_table_add (done, (gpointer) raw->name);
          g_hash_table_add (done, (gpointer) uln->name);
        }

      g_strv_builder_add (builder, variable->name);
      g_hash_table_add (done, (gpointer) variable->name);
    }

  return g_strv_builder_end (builder);
}

void
_eligo_variable_editor_update_sections (EligoVariableEditor *self)
{
  for (guint g = 0; g < ELIGO_N_VARIABLE_GROUPS; g++)
    {
      Section *section = &self->sections[g];
      g_autofree char *text = NULL;
      guint n_missing = 0;

      if (section->section == NULL)
        continue;

      for (guint i = 0; i < section->primary->len; i++)
        {
          EligoValue value;

          if (self->patient == NULL ||
              !eligo_patient_lookup (g_ptr_array_index (section->primary, i), &value,
                                     self->patient))
            n_missing++;
        }

      if (n_missing == 0)
        text = g_strdup (_("complete"));
      else
        /* Translators: in a section of patient fields, how many values are not entered */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missing", "%u missing",
                                             n_missing),
                                n_missing);

      gtk_label_set_text (GTK_LABEL (section->status_label), text);
      if (n_missing == 0)
        gtk_widget_add_css_class (section->status_label, "complete");
      else
        gtk_widget_remove_css_class (section->status_label, "complete");
    }
}

Section *
_eligo_variable_editor_ensure_section (EligoVariableEditor *self,
                                       EligoVariableGroup   group)
{
  Section *section = &self->sections[group];
  GtkWidget *header;
  GtkWidget *heading;

  if (section->section != NULL)
    return section;

  section->group = group;
  section->primary = g_ptr_array_new ();
  section->section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (section->section, "variable-section");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  heading = g_object_new (GTK_TYPE_LABEL,
                          "label", eligo_variable_group_get_label (group),
                          "xalign", 0.0f,
                          "hexpand", TRUE,
                          "wrap", TRUE,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3,
                                  -1);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);

  section->status_label = _eligo_variable_editor_dim_label_new (NULL);
  gtk_widget_add_css_class (section->status_label, "caption");
  gtk_widget_add_css_class (section->status_label, "variable-section-status");
  gtk_widget_set_valign (section->status_label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (header), section->status_label);
  gtk_box_append (GTK_BOX (section->section), header);

  section->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (section->grid), 8);
  gtk_widget_add_css_class (section->grid, "variable-grid");
  gtk_box_append (GTK_BOX (section->section), section->grid);

  return section;
}

void
_eligo_variable_editor_clear (EligoVariableEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint g = 0; g < ELIGO_N_VARIABLE_GROUPS; g++)
    {
      g_clear_pointer (&self->sections[g].primary, g_ptr_array_unref);
      memset (&self->sections[g], 0, sizeof (Section));
    }

  g_hash_table_remove_all (self->by_name);
  g_ptr_array_set_size (self->fields, 0);
  _eligo_variable_editor_set_n_errors (self, 0);
}
