/* eligo-preferences-window.c
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

/*
 * The screener's name and site, printed on screening summaries and kept
 * with answers, and the lab defaults of the screening dialog: the units
 * raw creatinine and hemoglobin are entered in, and the upper limits of
 * normal a screening starts with. Everything is a GSettings key, applied
 * as it changes.
 */

#define G_LOG_DOMAIN "eligo-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-patient.h"
#include "eligo-preferences-window.h"

#define CREATININE_UNIT_MG_DL 1
#define HEMOGLOBIN_UNIT_G_DL  1

typedef struct
{
  const char *key;
  const char *label;
  const char *unit;
  double      min;
  double      max;
} Limit;

static const Limit limits[] = {
  { "uln-creatinine-umol-l", N_("Creatinine ULN"), N_("µmol/L"), 1, 1000 },
  { "uln-bilirubin-umol-l", N_("Total bilirubin ULN"), N_("µmol/L"), 1, 1000 },
  { "uln-alt-u-l", N_("ALT ULN"), N_("U/L"), 1, 1000 },
  { "uln-ast-u-l", N_("AST ULN"), N_("U/L"), 1, 1000 },
  { "uln-bun-mmol-l", N_("Blood urea nitrogen ULN"), N_("mmol/L"), 0.1, 100 },
};

struct _EligoPreferencesWindow
{
  GtkWindow   parent_instance;

  GSettings  *settings;
  GtkWidget  *spins[G_N_ELEMENTS (limits)];
  GtkWidget  *units[G_N_ELEMENTS (limits)];
  guint       syncing;

  GtkWidget  *screener_entry;
  GtkWidget  *site_entry;
  GtkWidget  *lab_grid;
  GtkWidget  *creatinine_unit_drop_down;
  GtkWidget  *hemoglobin_unit_drop_down;
  GtkWidget  *offline_switch;
};

G_DEFINE_FINAL_TYPE (EligoPreferencesWindow, eligo_preferences_window, GTK_TYPE_WINDOW)

/* The creatinine limit is shown in the unit creatinine is entered in. */
static double
limit_factor (EligoPreferencesWindow *self,
              guint                   index)
{
  if (index == 0 &&
      g_settings_get_enum (self->settings, "creatinine-unit") == CREATININE_UNIT_MG_DL)
    return eligo_convert_creatinine_mg_dl_to_umol_l (1.0);

  return 1.0;
}

static void
eligo_preferences_window_load_limits (EligoPreferencesWindow *self)
{
  self->syncing++;

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      double factor = limit_factor (self, i);
      gboolean converted = factor != 1.0;
      GtkSpinButton *spin = GTK_SPIN_BUTTON (self->spins[i]);

      gtk_spin_button_set_digits (spin, converted || limits[i].min < 1 ? 2 : 0);
      gtk_spin_button_set_increments (spin, converted ? 0.01 : (limits[i].min < 1 ? 0.1 : 1),
                                      converted ? 0.1 : 10);
      gtk_spin_button_set_range (spin, limits[i].min / factor, limits[i].max / factor);
      gtk_spin_button_set_value (spin, g_settings_get_double (self->settings, limits[i].key) / factor);
      gtk_label_set_text (GTK_LABEL (self->units[i]),
                          converted ? C_("unit", "mg/dL") : g_dgettext (GETTEXT_PACKAGE,
                                                                        limits[i].unit));
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->creatinine_unit_drop_down),
                              g_settings_get_enum (self->settings, "creatinine-unit"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->hemoglobin_unit_drop_down),
                              g_settings_get_enum (self->settings, "hemoglobin-unit"));

  self->syncing--;
}

static void
on_settings_changed_cb (EligoPreferencesWindow *self,
                        const char             *key,
                        GSettings              *settings)
{
  if (self->syncing == 0)
    eligo_preferences_window_load_limits (self);
}

static void
on_spin_value_changed_cb (GtkSpinButton          *spin,
                          EligoPreferencesWindow *self)
{
  if (self->syncing > 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      double value;

      if (self->spins[i] != GTK_WIDGET (spin))
        continue;

      value = gtk_spin_button_get_value (spin) * limit_factor (self, i);
      value = CLAMP (value, limits[i].min, limits[i].max);
      self->syncing++;
      g_settings_set_double (self->settings, limits[i].key, value);
      self->syncing--;
    }
}

static void
on_unit_selected_cb (GtkDropDown            *drop_down,
                     GParamSpec             *pspec,
                     EligoPreferencesWindow *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->syncing > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (GTK_WIDGET (drop_down) == self->creatinine_unit_drop_down)
    g_settings_set_enum (self->settings, "creatinine-unit", selected);
  else
    g_settings_set_enum (self->settings, "hemoglobin-unit", selected);
}

static void
eligo_preferences_window_build_limits (EligoPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      GtkWidget *label;

      label = gtk_label_new (g_dgettext (GETTEXT_PACKAGE, limits[i].label));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_grid_attach (GTK_GRID (self->lab_grid), label, 0, 2 + i, 1, 1);

      self->spins[i] = gtk_spin_button_new_with_range (limits[i].min, limits[i].max, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->spins[i]), TRUE);
      gtk_widget_add_css_class (self->spins[i], "numeric");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->spins[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      g_signal_connect (self->spins[i], "value-changed",
                        G_CALLBACK (on_spin_value_changed_cb), self);
      gtk_grid_attach (GTK_GRID (self->lab_grid), self->spins[i], 1, 2 + i, 1, 1);

      self->units[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->units[i]), 0.0f);
      gtk_label_set_width_chars (GTK_LABEL (self->units[i]), 6);
      gtk_widget_add_css_class (self->units[i], "dim-label");
      gtk_grid_attach (GTK_GRID (self->lab_grid), self->units[i], 2, 2 + i, 1, 1);
    }
}

static void
eligo_preferences_window_dispose (GObject *object)
{
  EligoPreferencesWindow *self = ELIGO_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eligo_preferences_window_parent_class)->dispose (object);
}

static void
eligo_preferences_window_class_init (EligoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               ELIGO_RESOURCE_BASE "/ui/eligo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoPreferencesWindow, screener_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoPreferencesWindow, site_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoPreferencesWindow, lab_grid);
  gtk_widget_class_bind_template_child (widget_class, EligoPreferencesWindow,
                                        creatinine_unit_drop_down);
  gtk_widget_class_bind_template_child (widget_class, EligoPreferencesWindow,
                                        hemoglobin_unit_drop_down);
  gtk_widget_class_bind_template_child (widget_class, EligoPreferencesWindow, offline_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
eligo_preferences_window_init (EligoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (ELIGO_ID);

  g_settings_bind (self->settings, "screener-name", self->screener_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "site-name", self->site_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);

  eligo_preferences_window_build_limits (self);
  eligo_preferences_window_load_limits (self);

  g_signal_connect (self->creatinine_unit_drop_down, "notify::selected",
                    G_CALLBACK (on_unit_selected_cb), self);
  g_signal_connect (self->hemoglobin_unit_drop_down, "notify::selected",
                    G_CALLBACK (on_unit_selected_cb), self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "work-offline", self->offline_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * eligo_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window, to present
 */
GtkWidget *
eligo_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ELIGO_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}
