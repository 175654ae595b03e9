/* eligo-criteria-changes.h
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

#include "eligo-criteria-diff.h"
#include "eligo-database.h"
#include "eligo-trial.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_CRITERIA_CHANGES (eligo_criteria_changes_get_type ())

/* On the trial page: when the registry last updated the trial and, if its
 * eligibility changed in this library, the criteria added, removed and
 * reworded, side by side (before | now). */
G_DECLARE_FINAL_TYPE (EligoCriteriaChanges, eligo_criteria_changes,
                      ELIGO, CRITERIA_CHANGES, GtkWidget)

GtkWidget *eligo_criteria_changes_new        (EligoDatabase           *database,
                                              EligoTrial              *trial);
gboolean   eligo_criteria_changes_get_counts (EligoCriteriaChanges    *self,
                                              EligoCriteriaDiffCounts *counts);
char      *eligo_criteria_changes_format_counts (const EligoCriteriaDiffCounts *counts);

G_END_DECLS
