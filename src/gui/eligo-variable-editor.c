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

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-fhir-facts.h"
#include "eligo-variable-editor.h"

typedef enum
{
  BOOL_UNKNOWN,
  BOOL_YES,
  BOOL_NO,
  N_BOOL_STATES
} BoolState;

typedef struct _Field Field;

struct _Field
{
  EligoVariableEditor *editor;          /* unowned */
  const EligoVariable *variable;
  GtkWidget           *label;
  GtkWidget           *control;         /* GtkEntry, a box of toggles or a GtkDropDown */
  GtkWidget           *toggles[N_BOOL_STATES];
  GtkWidget           *unit_label;
  GtkWidget           *derived_label;
  GtkWidget           *error_label;
  char                *error;           /* why the value shown is refused, or NULL */
  double               factor;          /* stored value = shown value × factor */
  gboolean             is_ratio;        /* a multiple of the ULN: may be derived */
  gboolean             is_derivable;    /* has a derived_from: show the derived value */
};

typedef struct
{
  EligoVariableGroup  group;
  GtkWidget          *section;
  GtkWidget          *grid;
  GtkWidget          *status_label;
  guint               n_rows;
  GPtrArray          *primary;          /* names the rules use, for "2 missing" */
} Section;

struct _EligoVariableEditor
{
  GtkWidget       parent_instance;

  EligoPatient   *patient;
  GSettings      *settings;
  GtkSizeGroup   *label_group;

  GPtrArray      *fields;               /* Field, display order */
  GHashTable     *by_name;              /* variable name -> Field */
  GHashTable     *needed;               /* the names the rules use (set) */
  Section         sections[ELIGO_N_VARIABLE_GROUPS];

  gulong          changed_id;
  guint           n_errors;
  guint           syncing;
};

G_DEFINE_FINAL_TYPE (EligoVariableEditor, eligo_variable_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PATIENT,
  PROP_N_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
field_free (Field *field)
{
  g_clear_pointer (&field->error, g_free);
  g_free (field);
}

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

/* 104, 1.18, 0.005: no trailing zeros, no exponent. */
static char *
format_number (double number)
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
static gboolean
get_ratio_parts (const EligoVariable  *variable,
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

      if (get_ratio_parts (variable, &raw, &uln))
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

static gboolean
field_is_uln (Field *field)
{
  return g_str_has_suffix (field->variable->name, "_uln_umol_l") ||
         g_str_has_suffix (field->variable->name, "_uln_u_l") ||
         g_str_has_suffix (field->variable->name, "_uln_mmol_l");
}

static const char *
field_get_unit (Field *field)
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

static void
eligo_variable_editor_set_n_errors (EligoVariableEditor *self,
                                    guint                n_errors)
{
  if (self->n_errors == n_errors)
    return;

  self->n_errors = n_errors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
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
    eligo_variable_editor_set_n_errors (self, self->n_errors + (message != NULL ? 1 : -1));
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

  number = format_number (value.number);
  unit = field_get_unit (field);
  if (unit != NULL)
    /* Translators: a value computed from others, e.g. "derived: 63 mL/min" */
    text = g_strdup_printf (_("derived: %s %s"), number, unit);
  else
    text = g_strdup_printf (_("derived: %s"), number);

  gtk_label_set_text (GTK_LABEL (field->derived_label), text);
  gtk_widget_set_visible (field->derived_label, TRUE);
}

static void
eligo_variable_editor_update_sections (EligoVariableEditor *self)
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

static void
eligo_variable_editor_update_derived (EligoVariableEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      field_update_derived (g_ptr_array_index (self->fields, i));
      field_update_source (g_ptr_array_index (self->fields, i));
    }

  eligo_variable_editor_update_sections (self);
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

static void
on_entry_changed_cb (GtkEditable *editable,
                     Field       *field)
{
  number_field_commit (field);
}

static void
on_toggle_toggled_cb (GtkToggleButton *button,
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

static void
on_drop_down_selected_cb (GtkDropDown *drop_down,
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

static void
on_patient_changed_cb (EligoVariableEditor *self,
                       EligoPatient        *patient)
{
  eligo_variable_editor_update_derived (self);
}

/* Shows the patient's entered fact in the field. */
static void
field_load (Field *field)
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
          text = format_number (value.number / field->factor);
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
static void
eligo_variable_editor_prefill_limits (EligoVariableEditor *self)
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

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static Section *
eligo_variable_editor_ensure_section (EligoVariableEditor *self,
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

  section->status_label = dim_label_new (NULL);
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

static void
eligo_variable_editor_clear (EligoVariableEditor *self)
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
  eligo_variable_editor_set_n_errors (self, 0);
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
  const char *unit = field_get_unit (field);

  field->control = g_object_new (GTK_TYPE_ENTRY,
                                 "width-chars", 7,
                                 "max-width-chars", 7,
                                 "xalign", 1.0f,
                                 "input-purpose", GTK_INPUT_PURPOSE_NUMBER,
                                 "valign", GTK_ALIGN_CENTER,
                                 NULL);
  gtk_widget_add_css_class (field->control, "numeric");
  g_signal_connect (field->control, "changed", G_CALLBACK (on_entry_changed_cb), field);

  if (unit != NULL)
    {
      field->unit_label = dim_label_new (unit);
      gtk_widget_add_css_class (field->unit_label, "variable-unit");
    }

  if (field->is_derivable)
    {
      field->derived_label = dim_label_new (NULL);
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
      g_signal_connect (field->toggles[i], "toggled", G_CALLBACK (on_toggle_toggled_cb), field);
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
                    G_CALLBACK (on_drop_down_selected_cb), field);
}

static void
eligo_variable_editor_add_field (EligoVariableEditor *self,
                                 const EligoVariable *variable,
                                 gboolean             sub_field)
{
  Section *section = eligo_variable_editor_ensure_section (self, variable->group);
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

static void
eligo_variable_editor_dispose (GObject *object)
{
  EligoVariableEditor *self = ELIGO_VARIABLE_EDITOR (object);

  if (self->patient != NULL)
    g_clear_signal_handler (&self->changed_id, self->patient);
  g_clear_object (&self->patient);

  if (self->fields != NULL)
    eligo_variable_editor_clear (self);

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
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
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

  eligo_variable_editor_clear (self);
  g_hash_table_remove_all (self->needed);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const EligoVariable *variable = eligo_variable_lookup (names[i]);
      const EligoVariable *raw, *uln;

      if (variable == NULL)
        continue;

      g_hash_table_add (self->needed, (gpointer) variable->name);
      if (get_ratio_parts (variable, &raw, &uln))
        {
          g_hash_table_add (ratio_parts, (gpointer) uln->name);
          g_hash_table_add (ratio_parts, (gpointer) variable->name);
        }
    }

  shown = eligo_variable_editor_expand_names (names);
  for (guint i = 0; shown[i] != NULL; i++)
    eligo_variable_editor_add_field (self, eligo_variable_lookup (shown[i]),
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

  eligo_variable_editor_prefill_limits (self);

  self->syncing++;
  for (guint i = 0; i < self->fields->len; i++)
    field_load (g_ptr_array_index (self->fields, i));
  self->syncing--;

  eligo_variable_editor_update_derived (self);
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
      number = format_number (value->number);
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
