/* eligo-add-trials-dialog.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "eligo-database.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_ADD_TRIALS_DIALOG (eligo_add_trials_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EligoAddTrialsDialog, eligo_add_trials_dialog, ELIGO, ADD_TRIALS_DIALOG,
                      GtkWindow)

GtkWidget  *eligo_add_trials_dialog_new             (GtkWindow            *parent,
                                                     EligoDatabase        *database);
void        eligo_add_trials_dialog_set_text        (EligoAddTrialsDialog *self,
                                                     const char           *text);
gboolean    eligo_add_trials_dialog_add             (EligoAddTrialsDialog *self);
void        eligo_add_trials_dialog_cancel          (EligoAddTrialsDialog *self);
gboolean    eligo_add_trials_dialog_is_running      (EligoAddTrialsDialog *self);
const char *eligo_add_trials_dialog_get_error_text  (EligoAddTrialsDialog *self);
const char *eligo_add_trials_dialog_get_result_text (EligoAddTrialsDialog *self);

G_END_DECLS
