/* eligo-registry-refresh-dialog-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog's state, for its tests.
 */

#pragma once

#include "eligo-registry-import.h"
#include "eligo-registry-refresh-dialog.h"

G_BEGIN_DECLS

struct _EligoRegistryRefreshDialog
{
  GtkWindow            parent_instance;

  EligoDatabase       *database;
  EligoRegistryClient *client;
  GStrv                nct_ids;         /* NULL: the whole library */
  EligoRegistryImport *import;
  GCancellable        *cancellable;
  gboolean             started;
  gboolean             finished;

  /* Template widgets */
  GtkLabel            *heading_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *summary_label;
  GtkScrolledWindow   *changes_scroller;
  GtkListBox          *changes_list;
  GtkButton           *cancel_button;
  GtkButton           *close_button;
};

const char *_eligo_registry_section_label (const char *section);

G_END_DECLS
