/* eligo-trial-list.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "eligo-database.h"

G_BEGIN_DECLS

#define ELIGO_TYPE_TRIAL_LIST (eligo_trial_list_get_type ())

/* A GListModel of EligoTrial over a database query: it holds only the row ids
 * of the current query and builds trial objects when they are asked for.
 */
G_DECLARE_FINAL_TYPE (EligoTrialList, eligo_trial_list, ELIGO, TRIAL_LIST, GObject)

EligoTrialList        *eligo_trial_list_new       (EligoDatabase          *database);
EligoDatabase         *eligo_trial_list_get_database (EligoTrialList      *self);
const EligoTrialQuery *eligo_trial_list_get_query (EligoTrialList         *self);
gboolean               eligo_trial_list_set_query (EligoTrialList         *self,
                                                   const EligoTrialQuery  *query,
                                                   GError                **error);
gboolean               eligo_trial_list_reload    (EligoTrialList         *self,
                                                   GError                **error);

G_END_DECLS
