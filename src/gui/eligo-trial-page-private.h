/* eligo-trial-page-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "eligo-database.h"
#include "eligo-trial.h"

G_BEGIN_DECLS

/*
 * The sections of a trial page are built in eligo-trial-page-sections.c,
 * -eligibility.c and -locations.c, from the record helpers of
 * eligo-trial-page-record.c and the widgets of eligo-trial-page-widgets.c.
 */

typedef struct
{
  const char *code;
  const char *label;
} CodeLabel;

/* A two-column grid of "key  value" rows, created on its first row. */
typedef struct
{
  GtkWidget *grid;
  int        n_rows;
} Facts;

#define LOOKUP_CODE(table, context, code) \
  _eligo_lookup_code (table, G_N_ELEMENTS (table), context, code)

void _eligo_trial_page_build_sections    (GtkBox        *content,
                                         EligoDatabase *database,
                                         EligoTrial    *trial);
void _eligo_trial_page_build_eligibility (GtkBox        *content,
                                         EligoDatabase *database,
                                         EligoTrial    *trial);
void _eligo_trial_page_build_locations   (GtkBox        *content,
                                         EligoTrial    *trial);
void _eligo_trial_page_build_contacts    (GtkBox        *content,
                                         EligoTrial    *trial);

/* eligo-trial-page-record.c */
gboolean    _eligo_is_blank                   (const char       *text);
char       *_eligo_lookup_code                (const CodeLabel  *table,
                                               gsize             n_entries,
                                               const char       *context,
                                               const char       *code);
JsonObject *_eligo_object_member              (JsonObject       *object,
                                               const char       *member);
JsonArray  *_eligo_array_member               (JsonObject       *object,
                                               const char       *member);
const char *_eligo_string_member              (JsonObject       *object,
                                               const char       *member);
JsonObject *_eligo_study_module               (EligoTrial       *trial,
                                               const char       *module);
JsonObject *_eligo_array_object               (JsonArray        *array,
                                               guint             index);
char       *_eligo_join_present               (const char * const *items,
                                               gsize               n_items);
const char *_eligo_format_healthy_volunteers  (EligoTristate     healthy_volunteers);

/* eligo-trial-page-widgets.c */
GtkWidget  *_eligo_text_label_new             (const char       *text);
GtkWidget  *_eligo_dim_label_new              (const char       *text);
GtkWidget  *_eligo_tag_new                    (const char       *text,
                                               const char       *tooltip);
GtkWidget  *_eligo_section_new                (const char       *title);
GtkWidget  *_eligo_subsection_heading_new     (const char       *title);
GtkWidget  *_eligo_card_new                   (void);
void        _eligo_card_append                (GtkWidget        *card,
                                               GtkWidget        *row);
GtkWidget  *_eligo_card_row_new               (void);
GtkWidget  *_eligo_hrow_new                   (int               spacing);
void        _eligo_hrow_append                (GtkWidget        *row,
                                               GtkWidget        *child);
GtkWidget  *_eligo_row_title_new              (const char       *title,
                                               const char       *tag,
                                               const char       *tag_tooltip);
void        _eligo_facts_add                  (Facts            *facts,
                                               const char       *key,
                                               const char       *value);
void        _eligo_facts_take                 (Facts            *facts,
                                               const char       *key,
                                               char             *value);
void        _eligo_append_paragraphs          (GtkWidget        *box,
                                               const char       *text);
void        _eligo_append_facts               (GtkWidget        *box,
                                               Facts            *facts);
void        _eligo_append_section             (GtkBox           *content,
                                               GtkWidget        *section);
void        _eligo_append_object_rows         (GtkWidget        *section,
                                               const char       *heading,
                                               JsonArray        *array,
                                               GtkWidget      *(*row_new) (JsonObject *object));

G_END_DECLS
