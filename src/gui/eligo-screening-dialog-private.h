/* eligo-screening-dialog-private.h
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

#include "eligo-criterion-row.h"
#include "eligo-database.h"
#include "eligo-screening.h"
#include "eligo-screening-dialog.h"
#include "eligo-variable-editor.h"

G_BEGIN_DECLS

typedef struct
{
  EligoTrial           *trial;
  GPtrArray            *criteria;
  EligoScreeningResult *result;
  GHashTable           *rows;          /* criterion id -> EligoCriterionRow (unowned) */
  GtkWidget            *page;
  GtkWidget            *banner;
  GtkWidget            *banner_mark;
  GtkWidget            *banner_verdict;
  GtkWidget            *banner_summary;
  GtkWidget            *banner_missing;
  GtkWidget            *outdated;      /* "Criteria changed since this screening" */
  GtkWidget            *outdated_detail;
  GtkWidget            *tab_mark;
  GtkWidget            *tab_verdict;
  GtkWidget            *tab;
} TrialPage;

typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_LOAD,
} PendingAction;

struct _EligoScreeningDialog
{
  GtkWindow             parent_instance;

  EligoDatabase        *database;
  EligoPatient         *patient;
  GPtrArray            *pages;         /* TrialPage */
  GSettings            *settings;
  GtkStringList        *stored_ids;    /* "New patient", then the stored screening ids */
  char                 *loaded_id;     /* the stored patient being continued, or NULL */
  char                 *pending_id;    /* the stored patient to load after the question */
  PendingAction         pending;
  GtkWidget            *confirm_dialog;
  GtkFileChooserNative *file_chooser;
  guint                 rescreen_id;
  guint                 toast_id;
  guint                 syncing;
  GDate                 as_of;         /* the screening date; cleared: today */
  gboolean              dirty;
  gboolean              closing;
  gboolean              parent_closing; /* the main window (or a quit) waits on the question */

  /* Template widgets */
  GtkWidget            *title_label;
  GtkWidget            *subtitle_label;
  GtkWidget            *import_button;
  GtkWidget            *save_button;
  GtkWidget            *print_button;
  GtkWidget            *export_button;
  GtkWidget            *paned;
  GtkWidget            *patient_scroller;
  GtkWidget            *patient_grid;
  GtkWidget            *id_entry;
  GtkWidget            *id_error_label;
  GtkWidget            *initials_entry;
  GtkWidget            *birth_year_entry;
  GtkWidget            *birth_year_error_label;
  GtkWidget            *patient_drop_down;
  GtkWidget            *variable_editor;
  GtkWidget            *record_box;
  GtkWidget            *record_intro_label;
  GtkWidget            *record_list;
  GtkWidget            *screener_label;
  GtkWidget            *notebook;
  GtkWidget            *toast_revealer;
  GtkWidget            *toast_label;
};

/* In eligo-screening-dialog.c, for the dialog's other files */
void                  _eligo_screening_dialog_rescreen            (EligoScreeningDialog  *self);
void                  _eligo_screening_dialog_set_dirty           (EligoScreeningDialog  *self,
                                                                   gboolean               dirty);
void                  _eligo_screening_dialog_show_toast          (EligoScreeningDialog  *self,
                                                                   const char            *text);
void                  _eligo_screening_dialog_show_error          (EligoScreeningDialog  *self,
                                                                   const char            *primary,
                                                                   const char            *secondary);
void                  _eligo_screening_dialog_update_title        (EligoScreeningDialog  *self);
void                  _eligo_screening_dialog_update_actions      (EligoScreeningDialog  *self);

/* In eligo-screening-dialog-pages.c: the trial pages and rescreening */
TrialPage            *_eligo_screening_dialog_get_current_page    (EligoScreeningDialog  *self);
void                  _eligo_screening_dialog_trial_page_free     (TrialPage             *page);
void                  _eligo_screening_dialog_add_trial           (EligoScreeningDialog  *self,
                                                                   EligoTrial            *trial,
                                                                   GPtrArray             *criteria);
void                  _eligo_screening_dialog_queue_rescreen      (EligoScreeningDialog  *self);
void                  _eligo_screening_dialog_update_outdated     (EligoScreeningDialog  *self);
const char           *_eligo_screening_dialog_get_outdated_text   (EligoScreeningDialog  *self,
                                                                   const char            *nct_id);

/* In eligo-screening-dialog-patient.c: the patient header and saving */
gboolean              _eligo_screening_dialog_id_is_stored        (EligoScreeningDialog  *self,
                                                                   const char            *id);
void                  _eligo_screening_dialog_load_stored_ids     (EligoScreeningDialog  *self);
void                  _eligo_screening_dialog_select_stored       (EligoScreeningDialog  *self);
void                  _eligo_screening_dialog_set_patient         (EligoScreeningDialog  *self,
                                                                   EligoPatient          *patient,
                                                                   const char            *loaded_id);
void                  _eligo_screening_dialog_new_patient         (EligoScreeningDialog  *self);
gboolean              _eligo_screening_dialog_load_stored         (EligoScreeningDialog  *self,
                                                                   const char            *id);
void                  _eligo_screening_dialog_on_id_entry_changed (EligoScreeningDialog  *self,
                                                                   GtkEditable           *editable);
void                  _eligo_screening_dialog_on_initials_entry_changed
                                                                  (EligoScreeningDialog  *self,
                                                                   GtkEditable           *editable);
void                  _eligo_screening_dialog_on_birth_year_entry_changed
                                                                  (EligoScreeningDialog  *self,
                                                                   GtkEditable           *editable);

/* In eligo-screening-dialog-files.c: print, export and import */
void                  _eligo_screening_dialog_print_action        (GtkWidget             *widget,
                                                                   const char            *action_name,
                                                                   GVariant              *parameter);
void                  _eligo_screening_dialog_export_pdf_action   (GtkWidget             *widget,
                                                                   const char            *action_name,
                                                                   GVariant              *parameter);
void                  _eligo_screening_dialog_import_action       (GtkWidget             *widget,
                                                                   const char            *action_name,
                                                                   GVariant              *parameter);
void                  _eligo_screening_dialog_update_record       (EligoScreeningDialog  *self);

/* Test hooks for FHIR records */
void                  _eligo_screening_dialog_set_as_of           (EligoScreeningDialog  *self,
                                                                   const GDate           *as_of);
GtkWidget            *_eligo_screening_dialog_get_record_box      (EligoScreeningDialog  *self);
char                **_eligo_screening_dialog_dup_record_lines    (EligoScreeningDialog  *self);
GtkWidget            *_eligo_screening_dialog_get_accept_button   (EligoScreeningDialog  *self,
                                                                   const char            *variable);

/* For tests (tests/test-screening-dialog.c) and the dialog's own files. */

EligoVariableEditor  *_eligo_screening_dialog_get_variable_editor (EligoScreeningDialog  *self);
GtkWidget            *_eligo_screening_dialog_get_id_entry        (EligoScreeningDialog  *self);
const char           *_eligo_screening_dialog_get_id_error        (EligoScreeningDialog  *self);
GtkWidget            *_eligo_screening_dialog_get_notebook        (EligoScreeningDialog  *self);
GtkWidget            *_eligo_screening_dialog_get_save_button     (EligoScreeningDialog  *self);
GtkWidget            *_eligo_screening_dialog_get_patient_drop_down (EligoScreeningDialog *self);
EligoCriterionRow    *_eligo_screening_dialog_get_row             (EligoScreeningDialog  *self,
                                                                   const char            *criterion_id);
EligoScreeningResult *_eligo_screening_dialog_get_result          (EligoScreeningDialog  *self,
                                                                   const char            *nct_id);
const char           *_eligo_screening_dialog_get_verdict_text    (EligoScreeningDialog  *self,
                                                                   const char            *nct_id);
const char           *_eligo_screening_dialog_get_summary_text    (EligoScreeningDialog  *self,
                                                                   const char            *nct_id);
const char           *_eligo_screening_dialog_get_toast_text      (EligoScreeningDialog  *self);
gboolean              _eligo_screening_dialog_get_dirty           (EligoScreeningDialog  *self);
gboolean              _eligo_screening_dialog_get_rescreen_pending (EligoScreeningDialog *self);
GtkWidget            *_eligo_screening_dialog_get_confirm_dialog  (EligoScreeningDialog  *self);
gboolean              _eligo_screening_dialog_save                (EligoScreeningDialog  *self);
gboolean              _eligo_screening_dialog_export_pdf          (EligoScreeningDialog  *self,
                                                                   const char            *path,
                                                                   GError               **error);
gboolean              _eligo_screening_dialog_import_file         (EligoScreeningDialog  *self,
                                                                   GFile                 *file,
                                                                   GError               **error);
char                 *_eligo_screening_dialog_dup_pdf_name        (EligoScreeningDialog  *self);
char                 *_eligo_screening_format_summary             (EligoScreeningResult  *result);
char                 *_eligo_screening_suggest_id                 (const char * const    *stored_ids);

/* In eligo-criterion-row.c */
GtkWidget            *_eligo_criterion_row_get_pass_button        (EligoCriterionRow     *self);
GtkWidget            *_eligo_criterion_row_get_fail_button        (EligoCriterionRow     *self);
GtkWidget            *_eligo_criterion_row_get_note_entry         (EligoCriterionRow     *self);
GtkWidget            *_eligo_criterion_row_get_clear_button       (EligoCriterionRow     *self);
const char           *_eligo_criterion_row_get_answer_text        (EligoCriterionRow     *self);
const char           *_eligo_criterion_row_get_values_text        (EligoCriterionRow     *self);

G_END_DECLS
