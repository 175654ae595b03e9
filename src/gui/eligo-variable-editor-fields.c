/* eligo-variable-editor-fields.c
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
 * Building a field for each variable: a number in an entry with its unit
 * and, if it can be derived, the derived value beside it; a yes/no
 * question as Unknown / Yes / No toggles; a choice in a drop-down whose
 * first item is Unknown. Also how values are written in the fields
 * (numbers, choices), for the fields and for
 * eligo_variable_editor_format_value().
 */

#define G_LOG_DOMAIN "eligo-variable-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-variable-editor-private.h"

void
_eligo_variable_editor_field_free (Field *field)
{
  g_clear_pointer (&field->error, g_free);
  g_free (field);
}

/* 104, 1.18, 0.005: no trailing zeros, no exponent. */
char *
_eligo_variable_editor_format_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;
  char *p;

  if (fabs (number - rint (number)) < 1e-9 && fabs (number) < 1e12)
    return g_strdup_printf ("%.0f", rint (number));

  g_ascii_formatd (buffer, sizeof buffer, fabs (number) < 0.1 ? "%.4f" : "%.2f", number);
  text = g_strdup (buffer);
  p = text + strlen (text) - 1;
  while (p > text && *p == '0')
    *p-- = '\0';
  if (*p == '.')
    *p = '\0';

  return text;
}

static const char *
choice_get_label (const char *choice)
{
  static const struct {
    const char *choice;
    const char *label;
  } labels[] = {
    { "female", NC_("choice", "Female") },
    { "male", NC_("choice", "Male") },
    { "newly_diagnosed", NC_("choice", "Newly diagnosed") },
    { "CR", NC_("choice", "Complete remission (CR)") },
    { "relapsed", NC_("choice", "Relapsed") },
    { "refractory", NC_("choice", "Refractory") },
    { "other", NC_("choice", "Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].choice, choice) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "choice", labels[i].label);

  /* B-ALL, AML, CML-BP…: the same in every language */
  return choice;
}

static gboolean
field_is_uln (Field *field)
{
  return g_str_has_suffix (field->variable->name, "_uln_umol_l") ||
         g_str_has_suffix (field->variable->name, "_uln_u_l") ||
         g_str_has_suffix (field->variable->name, "_uln_mmol_l");
}

const char *
_eligo_variable_editor_field_get_unit (Field *field)
{
  const char *name = field->variable->name;

  if (field->factor != 1.0)
    {
      if (g_str_has_prefix (name, "creatinine_"))
        return C_("unit", "mg/dL");
      if (g_str_has_prefix (name, "hemoglobin_"))
        return C_("unit", "g/dL");
    }

  if (field->variable->unit == NULL)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, field->variable->unit);
}

GtkWidget *
_eligo_variable_editor_dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
field_label_new (Field      *field,
                 const char *text,
                 gboolean    sub_field)
{
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "max-width-chars", 24,
                        "width-chars", 18,
                        "valign", GTK_ALIGN_CENTER,
                        NULL);
  gtk_widget_add_css_class (label, "variable-label");
  if (sub_field)
    gtk_widget_add_css_class (label, "sub-field");
  gtk_size_group_add_widget (field->editor->label_group, label);

  return label;
}

static void
field_build_number (Field *field)
{
  const char *unit = _eligo_variable_editor_field_get_unit (field);

  field->control = g_object_new (GTK_TYPE_ENTRY,
                                 "width-chars", 7,
                                 "max-width-chars", 7,
                                 "xalign", 1.0f,
                                 "input-purpose", GTK_INPUT_PURPOSE_NUMBER,
                                 "valign", GTK_ALIGN_CENTER,
                                 NULL);
  gtk_widget_add_css_class (field->control, "numeric");
  g_signal_connect (field->control, "changed",
                    G_CALLBACK (_eligo_variable_editor_on_entry_changed_cb), field);

  if (unit != NULL)
    {
      field->unit_label = _eligo_variable_editor_dim_label_new (unit);
      gtk_widget_add_css_class (field->unit_label, "variable-unit");
    }

  if (field->is_derivable)
    {
      field->derived_label = _eligo_variable_editor_dim_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (field->derived_label), TRUE);
      gtk_widget_add_css_class (field->derived_label, "caption");
      gtk_widget_add_css_class (field->derived_label, "variable-derived");
      gtk_widget_set_visible (field->derived_label, FALSE);
    }
}

static void
field_build_bool (Field *field)
{
  static const char *labels[N_BOOL_STATES] = {
    NC_("fact", "Unknown"),
    NC_("fact", "Yes"),
    NC_("fact", "No"),
  };

  field->control = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 "halign", GTK_ALIGN_START,
                                 "valign", GTK_ALIGN_CENTER,
                                 NULL);
  gtk_widget_add_css_class (field->control, "linked");
  gtk_widget_add_css_class (field->control, "three-state");

  for (guint i = 0; i < N_BOOL_STATES; i++)
    {
      field->toggles[i] = gtk_toggle_button_new_with_label (g_dpgettext2 (GETTEXT_PACKAGE, "fact",
                                                                          labels[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (field->toggles[i]),
                                     GTK_TOGGLE_BUTTON (field->toggles[0]));
      gtk_widget_add_css_class (field->toggles[i], i == BOOL_UNKNOWN ? "unknown" : "known");
      g_signal_connect (field->toggles[i], "toggled",
                        G_CALLBACK (_eligo_variable_editor_on_toggle_toggled_cb), field);
      gtk_box_append (GTK_BOX (field->control), field->toggles[i]);
    }

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field->toggles[BOOL_UNKNOWN]), TRUE);
}

static void
field_build_enum (Field *field)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, C_("fact", "Unknown"));
  for (guint i = 0; field->variable->choices[i] != NULL; i++)
    gtk_string_list_append (list, choice_get_label (field->variable->choices[i]));

  field->control = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_widget_set_halign (field->control, GTK_ALIGN_START);
  gtk_widget_set_valign (field->control, GTK_ALIGN_CENTER);
  g_signal_connect (field->control, "notify::selected",
                    G_CALLBACK (_eligo_variable_editor_on_drop_down_selected_cb), field);
}

void
_eligo_variable_editor_add_field (EligoVariableEditor *self,
                                  const EligoVariable *variable,
                                  gboolean             sub_field)
{
  Section *section = _eligo_variable_editor_ensure_section (self, variable->group);
  g_autofree char *accessible_label = NULL;
  const char *label_text;
  Field *field;
  guint row;

  field = g_new0 (Field, 1);
  field->editor = self;
  field->variable = variable;
  field->factor = 1.0;
  field->is_ratio = g_str_has_suffix (variable->name, "_x_uln");
  field->is_derivable = variable->derived_from != NULL;

  if ((strcmp (variable->name, "creatinine_umol_l") == 0 ||
       strcmp (variable->name, "creatinine_uln_umol_l") == 0) &&
      g_settings_get_enum (self->settings, "creatinine-unit") == 1)
    field->factor = eligo_convert_creatinine_mg_dl_to_umol_l (1.0);
  else if (strcmp (variable->name, "hemoglobin_g_l") == 0 &&
           g_settings_get_enum (self->settings, "hemoglobin-unit") == 1)
    field->factor = eligo_convert_hemoglobin_g_dl_to_g_l (1.0);

  g_ptr_array_add (self->fields, field);
  g_hash_table_insert (self->by_name, (gpointer) variable->name, field);

  label_text = eligo_variable_get_label (variable);
  if (sub_field && field_is_uln (field))
    {
      /* Translators: the lab's upper limit of normal, under a lab value */
      label_text = _("Upper limit of normal");
      accessible_label = g_strdup (eligo_variable_get_label (variable));
    }
  else if (sub_field && field->is_ratio)
    {
      /* Translators: a lab value as a multiple of its upper limit of normal */
      label_text = _("Multiple of ULN");
      /* Translators: %s is a lab value, e.g. "Creatinine" */
      accessible_label = g_strdup_printf (_("%s, multiple of the upper limit of normal"),
                                          eligo_variable_get_label (variable));
    }

  field->label = field_label_new (field, label_text, sub_field);

  switch (variable->type)
    {
    case ELIGO_VARIABLE_NUMBER:
      field_build_number (field);
      break;
    case ELIGO_VARIABLE_BOOL:
      field_build_bool (field);
      break;
    case ELIGO_VARIABLE_ENUM:
      field_build_enum (field);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_add_css_class (field->control, "variable-control");
  if (accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                    -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (field->control),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, field->label, NULL,
                                    -1);
  gtk_widget_set_tooltip_text (field->label, eligo_variable_get_label (variable));

  field->error_label = g_object_new (GTK_TYPE_LABEL,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "visible", FALSE,
                                     "selectable", FALSE,
                                     NULL);
  gtk_widget_add_css_class (field->error_label, "error");
  gtk_widget_add_css_class (field->error_label, "caption");
  gtk_widget_add_css_class (field->error_label, "variable-error");

  row = section->n_rows;
  section->n_rows += 2;
  gtk_grid_attach (GTK_GRID (section->grid), field->label, 0, row, 1, 1);
  if (variable->type == ELIGO_VARIABLE_NUMBER)
    {
      gtk_grid_attach (GTK_GRID (section->grid), field->control, 1, row, 1, 1);
      if (field->unit_label != NULL)
        gtk_grid_attach (GTK_GRID (section->grid), field->unit_label, 2, row, 1, 1);
      if (field->derived_label != NULL)
        gtk_grid_attach (GTK_GRID (section->grid), field->derived_label, 3, row, 1, 1);
    }
  else
    {
      gtk_grid_attach (GTK_GRID (section->grid), field->control, 1, row, 3, 1);
    }
  gtk_grid_attach (GTK_GRID (section->grid), field->error_label, 1, row + 1, 3, 1);

  if (g_hash_table_contains (self->needed, variable->name))
    g_ptr_array_add (section->primary, (gpointer) variable->name);
}

/**
 * eligo_variable_editor_format_value:
 *
 * A value as the dialog shows it: "3", "1.18 × ULN", "Yes", "Female".
 *
 * Returns: (transfer full): the text
 */
char *
eligo_variable_editor_format_value (const EligoVariable *variable,
                                    const EligoValue    *value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (variable != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  switch (value->kind)
    {
    case ELIGO_VALUE_NUMBER:
      number = _eligo_variable_editor_format_number (value->number);
      if (variable->unit == NULL)
        return g_steal_pointer (&number);
      if (strcmp (variable->unit, "%") == 0)
        return g_strdup_printf ("%s %%", number);
      return g_strdup_printf ("%s %s", number, g_dgettext (GETTEXT_PACKAGE, variable->unit));

    case ELIGO_VALUE_BOOL:
      return g_strdup (value->boolean ? C_("fact", "Yes") : C_("fact", "No"));

    case ELIGO_VALUE_SYMBOL:
      return g_strdup (choice_get_label (value->symbol));

    case ELIGO_VALUE_UNKNOWN:
    default:
      return g_strdup (C_("fact", "Unknown"));
    }
}
