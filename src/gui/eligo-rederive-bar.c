/* eligo-rederive-bar.c
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

#define G_LOG_DOMAIN "eligo-rederive-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-rederive-bar.h"

struct _EligoRederiveBar
{
  GtkWidget         parent_instance;

  GtkRevealer      *revealer;
  GtkLabel         *label;
  GtkProgressBar   *progress;

  EligoRederiveJob *job;
};

G_DEFINE_FINAL_TYPE (EligoRederiveBar, eligo_rederive_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
eligo_rederive_bar_update (EligoRederiveBar *self)
{
  gboolean running = self->job != NULL && eligo_rederive_job_get_running (self->job);
  guint total = self->job != NULL ? eligo_rederive_job_get_n_total (self->job) : 0;
  guint done = self->job != NULL ? eligo_rederive_job_get_n_done (self->job) : 0;
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;

  gtk_revealer_set_reveal_child (self->revealer, running);
  if (!running)
    return;

  if (total > 0)
    /* Translators: shown while Eligo reads the eligibility criteria of
     * stored trials with its newer rules; %'u is the number of trials */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Reading the criteria of %'u trial again…",
                                         "Reading the criteria of %'u trials again…", total),
                            total);
  else
    text = g_strdup (_("Reading the criteria of the trials again…"));
  gtk_label_set_text (self->label, text);

  /* Translators: progress of reading the criteria again, e.g. "200 of 1,234" */
  count = g_strdup_printf (_("%'u of %'u"), MIN (done, total), total);
  gtk_progress_bar_set_text (self->progress, count);
  gtk_progress_bar_set_fraction (self->progress, eligo_rederive_job_get_fraction (self->job));
}

static void
eligo_rederive_bar_dispose (GObject *object)
{
  EligoRederiveBar *self = ELIGO_REDERIVE_BAR (object);
  GtkWidget *child;

  eligo_rederive_bar_set_job (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->revealer = NULL;

  G_OBJECT_CLASS (eligo_rederive_bar_parent_class)->dispose (object);
}

static void
eligo_rederive_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EligoRederiveBar *self = ELIGO_REDERIVE_BAR (object);

  switch (prop_id)
    {
    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_rederive_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EligoRederiveBar *self = ELIGO_REDERIVE_BAR (object);

  switch (prop_id)
    {
    case PROP_JOB:
      eligo_rederive_bar_set_job (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_rederive_bar_class_init (EligoRederiveBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_rederive_bar_dispose;
  object_class->get_property = eligo_rederive_bar_get_property;
  object_class->set_property = eligo_rederive_bar_set_property;

  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, ELIGO_TYPE_REDERIVE_JOB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rederivebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
eligo_rederive_bar_init (EligoRederiveBar *self)
{
  GtkWidget *banner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  /* Styled as the import banner it sits beside. */
  gtk_widget_add_css_class (banner, "import-banner");
  gtk_revealer_set_child (self->revealer, banner);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (banner), GTK_WIDGET (self->label));

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_box_append (GTK_BOX (banner), GTK_WIDGET (self->progress));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading criteria again"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress of reading the criteria again"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->label, NULL,
                                  -1);
}

/**
 * eligo_rederive_bar_set_job:
 * @job: (nullable): the job to show, running or not yet started
 *
 * Shows @job while it runs; the banner hides itself when it ends.
 */
void
eligo_rederive_bar_set_job (EligoRederiveBar *self,
                            EligoRederiveJob *job)
{
  g_return_if_fail (ELIGO_IS_REDERIVE_BAR (self));
  g_return_if_fail (job == NULL || ELIGO_IS_REDERIVE_JOB (job));

  if (self->job == job)
    return;

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  if (job != NULL)
    {
      g_signal_connect_object (job, "notify::n-done", G_CALLBACK (eligo_rederive_bar_update),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "notify::n-total", G_CALLBACK (eligo_rederive_bar_update),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "notify::running", G_CALLBACK (eligo_rederive_bar_update),
                               self, G_CONNECT_SWAPPED);
    }

  if (self->revealer != NULL)
    eligo_rederive_bar_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

EligoRederiveJob *
eligo_rederive_bar_get_job (EligoRederiveBar *self)
{
  g_return_val_if_fail (ELIGO_IS_REDERIVE_BAR (self), NULL);

  return self->job;
}

GtkRevealer *
_eligo_rederive_bar_get_revealer (EligoRederiveBar *self)
{
  return self->revealer;
}

GtkLabel *
_eligo_rederive_bar_get_label (EligoRederiveBar *self)
{
  return self->label;
}

GtkProgressBar *
_eligo_rederive_bar_get_progress (EligoRederiveBar *self)
{
  return self->progress;
}
