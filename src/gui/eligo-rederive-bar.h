/* eligo-rederive-bar.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "eligo-rederive-job.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_REDERIVE_BAR (eligo_rederive_bar_get_type ())

/* A banner under the search bar while the criteria of trials ruled by an
 * older extractor are read again: how many, and how far it got. */
G_DECLARE_FINAL_TYPE (EligoRederiveBar, eligo_rederive_bar, ELIGO, REDERIVE_BAR, GtkWidget)

void              eligo_rederive_bar_set_job (EligoRederiveBar *self,
                                              EligoRederiveJob *job);
EligoRederiveJob *eligo_rederive_bar_get_job (EligoRederiveBar *self);

/* For tests: the parts the banner shows. */
GtkRevealer      *_eligo_rederive_bar_get_revealer (EligoRederiveBar *self);
GtkLabel         *_eligo_rederive_bar_get_label    (EligoRederiveBar *self);
GtkProgressBar   *_eligo_rederive_bar_get_progress (EligoRederiveBar *self);

G_END_DECLS
