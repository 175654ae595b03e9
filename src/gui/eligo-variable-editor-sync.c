/* eligo-variable-editor-sync.c
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
 * Keeping the fields and the patient in step: a field shows the patient's
 * entered fact, what the nurse enters is written into the patient or
 * refused with the reason beside the field, and derived values, FHIR
 * sources and section statuses follow the patient's changes.
 *
 * Nothing here logs patient data.
 */

#define G_LOG_DOMAIN "eligo-variable-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "eligo-fhir-facts.h"
#include "eligo-variable-editor-private.h"

/* The lab limits that Preferences keeps, by the variable they prefill. */
static const struct {
  const char *variable;
  const char *key;
} uln_defaults[] = {
  { "creatinine_uln_umol_l", "uln-creatinine-umol-l" },
  { "bilirubin_uln_umol_l", "uln-bilirubin-umol-l" },
  { "alt_uln_u_l", "uln-alt-u-l" },
  { "ast_uln_u_l", "uln-ast-u-l" },
  { "bun_uln_mmol_l", "uln-bun-mmol-l" },
};

/* "1.5" and "1,5" alike; FALSE for anything else, nothing included. */
static gboolean
parse_number (const char *text,
              double     *number)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (copy[0] == '\0')
    return FALSE;

  for (char *p = copy; *p != '\0'; p++)
    if (*p == ',')
      *p = '.';

  *number = g_ascii_strtod (copy, &end);

  return end != NULL && *end == '\0' && end != copy && isfinite (*number);
}

static void
field_set_error (Field      *field,
                 const char *message)
{
  EligoVariableEditor *self = field->editor;
  gboolean had_error = field->error != NULL;

  if (g_strcmp0 (field->error, message) == 0)
    return;

  g_free (field->error);
  field->error = g_strdup (message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (field->control, "error");
      gtk_label_set_text (GTK_LABEL (field->error_label), message);
      gtk_widget_set_visible (field->error_label, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->control),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->control, "error");
      gtk_widget_set_visible (field->error_label, FALSE);
      gtk_label_set_text (GTK_LABEL (field->error_label), "");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->control),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->control),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }

  if (had_error != (message != NULL))
    _eligo_variable_editor_set_n_errors (self, self->n_errors + (message != NULL ? 1 : -1));
}

/* A value filled from a FHIR record (and not changed since) says where
 * it came from on hover. */
static void
field_update_source (Field *field)
{
  EligoPatient *patient = field->editor->patient;
  const EligoFhirItem *item = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;

  if (patient != NULL)
    item = eligo_fhir_facts_get_source (patient, field->variable->name);

  if (item != NULL)
    {
      source = eligo_fhir_item_format_source (item);
      /* Translators: a tooltip; %s is where a value came from, such as
       * "LOINC 718-7: 13.25 g/dL on 2016-12-31" */
      text = g_strdup_printf (_("From the patient’s FHIR record: %s"), source);
      gtk_widget_add_css_class (field->control, "from-record");
    }
  else
    {
      gtk_widget_remove_css_class (field->control, "from-record");
    }

  gtk_widget_set_tooltip_text (field->control, text);
  if (field->derived_label != NULL)
    gtk_widget_set_tooltip_text (field->derived_label, text);
}

/* Shows the derived value of an empty field that can be derived. */
static void
field_update_derived (Field *field)
{
  EligoPatient *patient = field->editor->patient;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  EligoValue value;
  const char *unit;

  if (field->derived_label == NULL)
    return;

  if (patient == NULL ||
      eligo_patient_get_fact (patient, field->variable->name, NULL) ||
      !eligo_patient_lookup (field->variable->name, &value, patient) ||
      value.kind != ELIGO_VALUE_NUMBER)
    {
      gtk_widget_set_visible (field->derived_label, FALSE);
      return;
    }

  number = _eligo_variable_editor_format_number (value.number);
  unit = _eligo_variable_editor_field_get_unit (field);
  if (unit != NULL)
    /* Translators: a value computed from others, e.g. "derived: 63 mL/min" */
    text = g_strdup_printf (_("derived: %s %s"), number, unit);
  else
    text = g_strdup_printf (_("derived: %s"), number);

  gtk_label_set_text (GTK_LABEL (field->derived_label), text);
  gtk_widget_set_visible (field->derived_label, TRUE);
}

void
_eligo_variable_editor_update_derived (EligoVariableEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      field_update_derived (g_ptr_array_index (self->fields, i));
      field_update_source (g_ptr_array_index (self->fields, i));
    }

  _eligo_variable_editor_update_sections (self);
}

/* The entry's text, as what the nurse means. */
static void
number_field_commit (Field *field)
{
  EligoVariableEditor *self = field->editor;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  const char *text;
  EligoValue value = { ELIGO_VALUE_NUMBER, 0, FALSE, NULL };
  double number;

  if (self->patient == NULL || self->syncing > 0)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (field->control));
  stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    {
      field_set_error (field, NULL);
      eligo_patient_unset_fact (self->patient, field->variable->name);
      return;
    }

  if (!parse_number (stripped, &number))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a patient variable, e.g. "Platelet count" */
      message = g_strdup_printf (_("%s should be a number, such as 2 or 1.5"),
                                 eligo_variable_get_label (field->variable));
      field_set_error (field, message);
      eligo_patient_unset_fact (self->patient, field->variable->name);
      return;
    }

  value.number = number * field->factor;
  if (!eligo_patient_set_fact (self->patient, field->variable->name, &value, &error))
    {
      field_set_error (field, error->message);
      eligo_patient_unset_fact (self->patient, field->variable->name);
      return;
    }

  field_set_error (field, NULL);
}

void
_eligo_variable_editor_on_entry_changed_cb (GtkEditable *editable,
                                            Field       *field)
{
  number_field_commit (field);
}

void
_eligo_variable_editor_on_toggle_toggled_cb (GtkToggleButton *button,
                                             Field           *field)
{
  EligoVariableEditor *self = field->editor;
  EligoValue value = { ELIGO_VALUE_BOOL, 0, FALSE, NULL };

  if (self->patient == NULL || self->syncing > 0 || !gtk_toggle_button_get_active (button))
    return;

  if (GTK_WIDGET (button) == field->toggles[BOOL_UNKNOWN])
    {
      eligo_patient_unset_fact (self->patient, field->variable->name);
      return;
    }

  value.boolean = GTK_WIDGET (button) == field->toggles[BOOL_YES];
  /* A yes or no cannot be refused. */
  eligo_patient_set_fact (self->patient, field->variable->name, &value, NULL);
}

void
_eligo_variable_editor_on_drop_down_selected_cb (GtkDropDown *drop_down,
                                                 GParamSpec  *pspec,
                                                 Field       *field)
{
  EligoVariableEditor *self = field->editor;
  EligoValue value = { ELIGO_VALUE_SYMBOL, 0, FALSE, NULL };
  guint selected;

  if (self->patient == NULL || self->syncing > 0)
    return;

  selected = gtk_drop_down_get_selected (drop_down);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    {
      eligo_patient_unset_fact (self->patient, field->variable->name);
      return;
    }

  value.symbol = field->variable->choices[selected - 1];
  eligo_patient_set_fact (self->patient, field->variable->name, &value, NULL);
}

/* Shows the patient's entered fact in the field. */
void
_eligo_variable_editor_field_load (Field *field)
{
  EligoPatient *patient = field->editor->patient;
  EligoValue value;
  gboolean known;

  known = patient != NULL && eligo_patient_get_fact (patient, field->variable->name, &value);

  switch (field->variable->type)
    {
    case ELIGO_VARIABLE_NUMBER:
      {
        g_autofree char *text = NULL;

        if (known && value.kind == ELIGO_VALUE_NUMBER)
          text = _eligo_variable_editor_format_number (value.number / field->factor);
        gtk_editable_set_text (GTK_EDITABLE (field->control), text != NULL ? text : "");
      }
      break;

    case ELIGO_VARIABLE_BOOL:
      {
        BoolState state = BOOL_UNKNOWN;

        if (known && value.kind == ELIGO_VALUE_BOOL)
          state = value.boolean ? BOOL_YES : BOOL_NO;
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field->toggles[state]), TRUE);
      }
      break;

    case ELIGO_VARIABLE_ENUM:
      {
        guint selected = 0;

        for (guint i = 0; known && field->variable->choices[i] != NULL; i++)
          if (g_strcmp0 (field->variable->choices[i], value.symbol) == 0)
            selected = i + 1;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->control), selected);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  field_set_error (field, NULL);
}

/* The lab's limit, where the patient has none: the one in Preferences. */
void
_eligo_variable_editor_prefill_limits (EligoVariableEditor *self)
{
  if (self->patient == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (uln_defaults); i++)
    {
      EligoValue value = { ELIGO_VALUE_NUMBER, 0, FALSE, NULL };

      if (!g_hash_table_contains (self->by_name, uln_defaults[i].variable) ||
          eligo_patient_get_fact (self->patient, uln_defaults[i].variable, NULL))
        continue;

      value.number = g_settings_get_double (self->settings, uln_defaults[i].key);
      eligo_patient_set_fact (self->patient, uln_defaults[i].variable, &value, NULL);
    }
}
