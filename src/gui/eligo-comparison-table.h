/* eligo-comparison-table.h
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

G_BEGIN_DECLS

#define ELIGO_TYPE_COMPARISON_TABLE (eligo_comparison_table_get_type ())

G_DECLARE_FINAL_TYPE (EligoComparisonTable, eligo_comparison_table,
                      ELIGO, COMPARISON_TABLE, GtkWidget)

GtkWidget     *eligo_comparison_table_new             (void);
GtkWidget     *eligo_comparison_table_get_child       (EligoComparisonTable *self);
void           eligo_comparison_table_set_child       (EligoComparisonTable *self,
                                                       GtkWidget            *child);
GtkAdjustment *eligo_comparison_table_get_hadjustment (EligoComparisonTable *self);
void           eligo_comparison_table_set_hadjustment (EligoComparisonTable *self,
                                                       GtkAdjustment        *hadjustment);

G_END_DECLS
