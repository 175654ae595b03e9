/* eligo-trial-page.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "eligo-database.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_TRIAL_PAGE (eligo_trial_page_get_type ())

/* Every section of one trial's record, readable, with its parsed criteria. */
G_DECLARE_FINAL_TYPE (EligoTrialPage, eligo_trial_page, ELIGO, TRIAL_PAGE, GtkWidget)

GtkWidget  *eligo_trial_page_new       (void);
EligoTrial *eligo_trial_page_get_trial (EligoTrialPage *self);
void        eligo_trial_page_set_trial (EligoTrialPage *self,
                                        EligoDatabase  *database,
                                        EligoTrial     *trial);

G_END_DECLS
