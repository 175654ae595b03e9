/* eligo-registry-search-dialog-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog's state, for its tests.
 */

#pragma once

#include "eligo-registry-import.h"
#include "eligo-registry-result.h"
#include "eligo-registry-search-dialog.h"

G_BEGIN_DECLS

struct _EligoRegistrySearchDialog
{
  GtkWindow            parent_instance;

  EligoDatabase       *database;
  EligoRegistryClient *client;
  GSettings           *settings;        /* work-offline */
  GListStore          *results;         /* EligoRegistryResult */

  /* The search as sent, the same on every page */
  EligoRegistrySearch  search;
  char                *next_page_token; /* NULL after the last page */
  GCancellable        *search_cancellable;
  gboolean             loading;
  guint                n_pages;
  guint                fill_id;         /* idle: load more while the list does not scroll */

  EligoRegistryImport *import;
  GCancellable        *import_cancellable;

  /* Template widgets */
  GtkWidget           *form;
  GtkEntry            *condition_entry;
  GtkEntry            *terms_entry;
  GtkDropDown         *status_dropdown;
  GtkButton           *search_button;
  GtkLabel            *privacy_label;
  GtkStack            *stack;
  GtkLabel            *start_label;
  GtkSpinner          *loading_spinner;
  GtkLabel            *empty_label;
  GtkLabel            *error_label;
  GtkButton           *retry_button;
  GtkScrolledWindow   *results_scroller;
  GtkColumnView       *column_view;
  GtkSpinner          *more_spinner;
  GtkLabel            *status_label;
  GtkButton           *more_button;
  GtkButton           *add_button;
  GtkButton           *cancel_button;
  GtkProgressBar      *progress_bar;
};

void _eligo_registry_search_dialog_add_columns (EligoRegistrySearchDialog *self);

/* The registry's codes for each choice of the status drop-down, in order. */
const char * const *_eligo_registry_search_dialog_status_codes (guint position);

G_END_DECLS
