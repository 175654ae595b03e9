/* eligo-trial-page-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "eligo-database.h"
#include "eligo-trial.h"

G_BEGIN_DECLS

void _eligo_trial_page_build_sections (GtkBox        *content,
                                       EligoDatabase *database,
                                       EligoTrial    *trial);

G_END_DECLS
