/* eligo-variable-editor.h
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

#include <gtk/gtk.h>

#include "eligo-patient.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_VARIABLE_EDITOR (eligo_variable_editor_get_type ())

/* The fields for a set of patient variables, grouped under headings, that
 * write what the nurse enters into an #EligoPatient and refuse, with the
 * reason, values that cannot be. */
G_DECLARE_FINAL_TYPE (EligoVariableEditor, eligo_variable_editor, ELIGO, VARIABLE_EDITOR, GtkWidget)

GtkWidget     *eligo_variable_editor_new            (void);
void           eligo_variable_editor_set_variables  (EligoVariableEditor *self,
                                                     const char * const  *names);
void           eligo_variable_editor_set_patient    (EligoVariableEditor *self,
                                                     EligoPatient        *patient);
EligoPatient  *eligo_variable_editor_get_patient    (EligoVariableEditor *self);
void           eligo_variable_editor_reload         (EligoVariableEditor *self);
guint          eligo_variable_editor_get_n_errors   (EligoVariableEditor *self);
GtkWidget     *eligo_variable_editor_get_field      (EligoVariableEditor *self,
                                                     const char          *name);
const char    *eligo_variable_editor_get_error      (EligoVariableEditor *self,
                                                     const char          *name);
gboolean       eligo_variable_editor_focus_field    (EligoVariableEditor *self,
                                                     const char          *name);
gboolean       eligo_variable_editor_focus_error    (EligoVariableEditor *self);

char         **eligo_variable_editor_expand_names   (const char * const  *names);
char          *eligo_variable_editor_format_value   (const EligoVariable *variable,
                                                     const EligoValue    *value);

G_END_DECLS
