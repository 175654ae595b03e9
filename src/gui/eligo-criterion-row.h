/* eligo-criterion-row.h
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

#include "eligo-criterion.h"
#include "eligo-screening.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_CRITERION_ROW (eligo_criterion_row_get_type ())

/* One criterion in the screening dialog: its verdict (mark, word and
 * colour), its text, its rule, the values it used, and the nurse's answer.
 * Answering emits ::answer-changed (verdict -1 clears the answer). */
G_DECLARE_FINAL_TYPE (EligoCriterionRow, eligo_criterion_row, ELIGO, CRITERION_ROW, GtkWidget)

GtkWidget      *eligo_criterion_row_new           (EligoCriterion             *criterion);
EligoCriterion *eligo_criterion_row_get_criterion (EligoCriterionRow          *self);
EligoVerdict    eligo_criterion_row_get_verdict   (EligoCriterionRow          *self);
void            eligo_criterion_row_update        (EligoCriterionRow          *self,
                                                   const EligoCriterionResult *result,
                                                   EligoPatient               *patient);

void            eligo_criterion_label_show_spans  (GtkWidget                  *label,
                                                   EligoCriterion             *criterion);

const char     *eligo_criterion_row_verdict_mark  (EligoVerdict                verdict);
const char     *eligo_criterion_row_verdict_class (EligoVerdict                verdict);

G_END_DECLS
