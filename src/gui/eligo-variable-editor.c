/* eligo-variable-editor.c
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
 * One field per patient variable, under the headings of variables.md:
 * numbers in entries with their unit (empty is unknown), yes/no questions
 * as Unknown / Yes / No, choices in a drop-down whose first item is
 * Unknown. A multiple of the upper limit of normal is offered as the raw
 * value and the lab's limit (prefilled from Preferences) with the multiple
 * derived, or as the multiple itself. A value the patient refuses (SpO2
 * 120 %) is shown with the reason beside the field and the fact stays
 * unknown: the engine never uses a value that is not on the screen.
 *
 * Nothing here logs patient data.
 */

#define G_LOG_DOMAIN "eligo-variable-editor"

#include "config.h"

#include "eligo-variable-editor-private.h"

G_DEFINE_FINAL_TYPE (EligoVariableEditor, eligo_variable_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PATIENT,
  PROP_N_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_eligo_variable_editor_set_n_errors (EligoVariableEditor *self,
                                     guint                n_errors)
{
  if (self->n_errors == n_errors)
    return;

  self->n_errors = n_errors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
}

static void
on_patient_changed_cb (EligoVariableEditor *self,
                       EligoPatient        *patient)
{
  _eligo_variable_editor_update_derived (self);
}

static void
eligo_variable_editor_dispose (GObject *object)
{
  EligoVariableEditor *self = ELIGO_VARIABLE_EDITOR (object);

  if (self->patient != NULL)
    g_clear_signal_handler (&self->changed_id, self->patient);
  g_clear_object (&self->patient);

  if (self->fields != NULL)
    _eligo_variable_editor_clear (self);

  g_clear_object (&self->settings);
  g_clear_object (&self->label_group);

  G_OBJECT_CLASS (eligo_variable_editor_parent_class)->dispose (object);
}

static void
eligo_variable_editor_finalize (GObject *object)
{
  EligoVariableEditor *self = ELIGO_VARIABLE_EDITOR (object);

  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->needed, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (eligo_variable_editor_parent_class)->finalize (object);
}

static void
eligo_variable_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EligoVariableEditor *self = ELIGO_VARIABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      g_value_set_object (value, self->patient);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_variable_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EligoVariableEditor *self = ELIGO_VARIABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      eligo_variable_editor_set_patient (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_variable_editor_class_init (EligoVariableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_variable_editor_dispose;
  object_class->finalize = eligo_variable_editor_finalize;
  object_class->get_property = eligo_variable_editor_get_property;
  object_class->set_property = eligo_variable_editor_set_property;

  properties[PROP_PATIENT] =
    g_param_spec_object ("patient", NULL, NULL,
                         ELIGO_TYPE_PATIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "variableeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
eligo_variable_editor_init (EligoVariableEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);

  self->settings = g_settings_new (ELIGO_ID);
  self->label_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->fields =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_variable_editor_field_free);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->needed = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
eligo_variable_editor_new (void)
{
  return g_object_new (ELIGO_TYPE_VARIABLE_EDITOR, NULL);
}

/**
 * eligo_variable_editor_set_variables:
 * @names: the variables the trials' rules use
 *
 * Builds the fields: those for @names, and what derived ones come from.
 */
void
eligo_variable_editor_set_variables (EligoVariableEditor *self,
                                     const char * const  *names)
{
  g_auto(GStrv) shown = NULL;
  g_autoptr(GHashTable) ratio_parts = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (ELIGO_IS_VARIABLE_EDITOR (self));

  _eligo_variable_editor_clear (self);
  g_hash_table_remove_all (self->needed);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const EligoVariable *variable = eligo_variable_lookup (names[i]);
      const EligoVariable *raw, *uln;

      if (variable == NULL)
        continue;

      g_hash_table_add (self->needed, (gpointer) variable->name);
      if (_eligo_variable_editor_get_ratio_parts (variable, &raw, &uln))
        {
          g_hash_table_add (ratio_parts, (gpointer) uln->name);
          g_hash_table_add (ratio_parts, (gpointer) variable->name);
        }
    }

  shown = eligo_variable_editor_expand_names (names);
  for (guint i = 0; shown[i] != NULL; i++)
    _eligo_variable_editor_add_field (self, eligo_variable_lookup (shown[i]),
                                      g_hash_table_contains (ratio_parts, shown[i]));

  for (guint g = 0; g < ELIGO_N_VARIABLE_GROUPS; g++)
    if (self->sections[g].section != NULL)
      gtk_widget_set_parent (self->sections[g].section, GTK_WIDGET (self));

  eligo_variable_editor_reload (self);
}

/**
 * eligo_variable_editor_set_patient:
 *
 * Shows @patient's facts and writes what is entered into it. Where the
 * patient has no lab limit for a × ULN value, the one from Preferences is
 * set.
 */
void
eligo_variable_editor_set_patient (EligoVariableEditor *self,
                                   EligoPatient        *patient)
{
  g_return_if_fail (ELIGO_IS_VARIABLE_EDITOR (self));
  g_return_if_fail (patient == NULL || ELIGO_IS_PATIENT (patient));

  if (self->patient == patient)
    {
      eligo_variable_editor_reload (self);
      return;
    }

  if (self->patient != NULL)
    g_clear_signal_handler (&self->changed_id, self->patient);
  g_set_object (&self->patient, patient);
  if (patient != NULL)
    self->changed_id = g_signal_connect_object (patient, "changed",
                                                G_CALLBACK (on_patient_changed_cb), self,
                                                G_CONNECT_SWAPPED);

  eligo_variable_editor_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT]);
}

EligoPatient *
eligo_variable_editor_get_patient (EligoVariableEditor *self)
{
  g_return_val_if_fail (ELIGO_IS_VARIABLE_EDITOR (self), NULL);

  return self->patient;
}

/**
 * eligo_variable_editor_reload:
 *
 * Shows the patient's facts again, after they changed other than through
 * the fields (a file was imported). Values refused before are dropped.
 */
void
eligo_variable_editor_reload (EligoVariableEditor *self)
{
  g_return_if_fail (ELIGO_IS_VARIABLE_EDITOR (self));

  _eligo_variable_editor_prefill_limits (self);

  self->syncing++;
  for (guint i = 0; i < self->fields->len; i++)
    _eligo_variable_editor_field_load (g_ptr_array_index (self->fields, i));
  self->syncing--;

  _eligo_variable_editor_update_derived (self);
}

/**
 * eligo_variable_editor_get_n_errors:
 *
 * Returns: how many fields hold a value that was refused
 */
guint
eligo_variable_editor_get_n_errors (EligoVariableEditor *self)
{
  g_return_val_if_fail (ELIGO_IS_VARIABLE_EDITOR (self), 0);

  return self->n_errors;
}

/**
 * eligo_variable_editor_get_field:
 *
 * Returns: (transfer none) (nullable): the entry, box of Unknown / Yes / No
 *   toggles or drop-down for @name
 */
GtkWidget *
eligo_variable_editor_get_field (EligoVariableEditor *self,
                                 const char          *name)
{
  Field *field;

  g_return_val_if_fail (ELIGO_IS_VARIABLE_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  field = g_hash_table_lookup (self->by_name, name);

  return field != NULL ? field->control : NULL;
}

/**
 * eligo_variable_editor_get_error:
 *
 * Returns: (nullable): why the value in @name's field was refused
 */
const char *
eligo_variable_editor_get_error (EligoVariableEditor *self,
                                 const char          *name)
{
  Field *field;

  g_return_val_if_fail (ELIGO_IS_VARIABLE_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  field = g_hash_table_lookup (self->by_name, name);

  return field != NULL ? field->error : NULL;
}

gboolean
eligo_variable_editor_focus_field (EligoVariableEditor *self,
                                   const char          *name)
{
  Field *field;

  g_return_val_if_fail (ELIGO_IS_VARIABLE_EDITOR (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  field = g_hash_table_lookup (self->by_name, name);
  if (field == NULL)
    return FALSE;

  if (field->variable->type == ELIGO_VARIABLE_BOOL)
    {
      for (guint i = 0; i < N_BOOL_STATES; i++)
        if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (field->toggles[i])))
          return gtk_widget_grab_focus (field->toggles[i]);
    }

  return gtk_widget_grab_focus (field->control);
}

/* Focuses the first field whose value was refused. */
gboolean
eligo_variable_editor_focus_error (EligoVariableEditor *self)
{
  g_return_val_if_fail (ELIGO_IS_VARIABLE_EDITOR (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->error != NULL)
        return gtk_widget_grab_focus (field->control);
    }

  return FALSE;
}
