/* eligo-variable-editor-private.h
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

#include "eligo-variable-editor.h"

G_BEGIN_DECLS

/* eligo-variable-editor.c keeps the widget and its public API;
 * eligo-variable-editor-sections.c chooses the fields and groups them under
 * headings; eligo-variable-editor-fields.c builds a field for each variable
 * type; eligo-variable-editor-sync.c keeps the fields and the patient in
 * step. */

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


/* eligo-variable-editor.c */
void         _eligo_variable_editor_set_n_errors    (EligoVariableEditor  *self,
                                                     guint                 n_errors);

/* eligo-variable-editor-sections.c */
gboolean     _eligo_variable_editor_get_ratio_parts (const EligoVariable  *variable,
                                                     const EligoVariable **raw,
                                                     const EligoVariable **uln);
void         _eligo_variable_editor_update_sections (EligoVariableEditor  *self);
Section     *_eligo_variable_editor_ensure_section  (EligoVariableEditor  *self,
                                                     EligoVariableGroup    group);
void         _eligo_variable_editor_clear           (EligoVariableEditor  *self);

/* eligo-variable-editor-fields.c */
void         _eligo_variable_editor_field_free      (Field                *field);
char        *_eligo_variable_editor_format_number   (double                number);
const char  *_eligo_variable_editor_field_get_unit  (Field                *field);
GtkWidget   *_eligo_variable_editor_dim_label_new   (const char           *text);
void         _eligo_variable_editor_add_field       (EligoVariableEditor  *self,
                                                     const EligoVariable  *variable,
                                                     gboolean              sub_field);

/* eligo-variable-editor-sync.c */
void         _eligo_variable_editor_update_derived  (EligoVariableEditor  *self);
void         _eligo_variable_editor_on_entry_changed_cb
                                                    (GtkEditable          *editable,
                                                     Field                *field);
void         _eligo_variable_editor_on_toggle_toggled_cb
                                                    (GtkToggleButton      *button,
                                                     Field                *field);
void         _eligo_variable_editor_on_drop_down_selected_cb
                                                    (GtkDropDown          *drop_down,
                                                     GParamSpec           *pspec,
                                                     Field                *field);
void         _eligo_variable_editor_field_load      (Field                *field);
void         _eligo_variable_editor_prefill_limits  (EligoVariableEditor  *self);

G_END_DECLS
