/* eligo-preferences-window.h
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

#define ELIGO_TYPE_PREFERENCES_WINDOW (eligo_preferences_window_get_type ())

/* Screener name, site, lab units and default upper limits of normal (GSettings). */
G_DECLARE_FINAL_TYPE (EligoPreferencesWindow, eligo_preferences_window, ELIGO, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *eligo_preferences_window_new (GtkWindow *parent);

/* For tests */
GtkWidget *_eligo_preferences_window_get_freshness_spin (EligoPreferencesWindow *self);

G_END_DECLS
