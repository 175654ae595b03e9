/* eligo-comparison-window-header.c: the comparison's header row, one
 * header per trial (NCT number, title, the patient's verdict) with the
 * buttons and the drag and drop that reorder and remove trials
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

#define G_LOG_DOMAIN "eligo-comparison-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-comparison-report.h"
#include "eligo-comparison-window-private.h"
#include "eligo-format.h"
#include "eligo-screening-log-row.h"

#define HEADER_TITLE_CHARS 90


static void
on_move_left_clicked_cb (GtkButton             *button,
                         EligoComparisonWindow *self)
{
  guint t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "eligo-trial-index"));

  if (t > 0)
    eligo_comparison_window_move_trial (self, t, t - 1);
}

static void
on_move_right_clicked_cb (GtkButton             *button,
                          EligoComparisonWindow *self)
{
  guint t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "eligo-trial-index"));

  eligo_comparison_window_move_trial (self, t, t + 1);
}

static void
on_remove_clicked_cb (GtkButton             *button,
                      EligoComparisonWindow *self)
{
  guint t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "eligo-trial-index"));

  eligo_comparison_window_remove_trial (self, t);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkWidget     *header)
{
  const char *nct_id = g_object_get_data (G_OBJECT (header), "eligo-nct-id");

  return gdk_content_provider_new_typed (G_TYPE_STRING, nct_id);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkWidget     *header)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (header);

  gtk_drag_source_set_icon (source, paintable, 24, 16);
}

static gboolean
move_idle_cb (gpointer user_data)
{
  EligoComparisonWindow *self = user_data;

  self->move_idle_id = 0;
  eligo_comparison_window_move_trial (self, self->pending_from, self->pending_to);

  return G_SOURCE_REMOVE;
}

static gboolean
on_drop_cb (GtkDropTarget         *target,
            const GValue          *value,
            double                 x,
            double                 y,
            EligoComparisonWindow *self)
{
  GtkWidget *header = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *nct_id = g_value_get_string (value);
  int from = _eligo_comparison_window_trial_index (self, nct_id);
  const char *onto = g_object_get_data (G_OBJECT (header), "eligo-nct-id");
  int to = _eligo_comparison_window_trial_index (self, onto);

  if (from < 0 || to < 0 || from == to)
    return FALSE;

  /* Rebuild once the drop is over: it destroys the header it lands on. */
  self->pending_from = (guint) from;
  self->pending_to = (guint) to;
  g_clear_handle_id (&self->move_idle_id, g_source_remove);
  self->move_idle_id = g_idle_add (move_idle_cb, self);

  return TRUE;
}

static GtkWidget *
header_button (EligoComparisonWindow *self,
               const char            *icon_name,
               const char            *tooltip,
               const char            *accessible,
               guint                  t,
               GCallback              callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), "eligo-trial-index", GUINT_TO_POINTER (t));
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
build_trial_header (EligoComparisonWindow *self,
                    guint                  t)
{
  EligoTrial *trial = g_ptr_array_index (self->trials, t);
  const char *nct_id = eligo_trial_get_nct_id (trial);
  g_autofree char *title = eligo_comparison_report_short_title (trial, HEADER_TITLE_CHARS);
  g_autofree char *left_label = NULL;
  g_autofree char *right_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *header;
  GtkWidget *top;
  GtkWidget *label;
  GtkWidget *button;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (header, "trial-header");
  gtk_widget_set_size_request (header, _eligo_comparison_window_column_width (self), -1);
  gtk_widget_set_hexpand (header, TRUE);
  g_object_set_data_full (G_OBJECT (header), "eligo-nct-id", g_strdup (nct_id), g_free);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_box_append (GTK_BOX (header), top);

  label = gtk_label_new (nct_id);
  gtk_widget_add_css_class (label, "nct-id");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), label);

  /* Translators: a button's accessible name; %s is an NCT number */
  left_label = g_strdup_printf (_("Move %s left"), nct_id);
  button = header_button (self, rtl ? "go-next-symbolic" : "go-previous-symbolic",
                          _("Move Left"), left_label, t, G_CALLBACK (on_move_left_clicked_cb));
  gtk_widget_set_sensitive (button, t > 0);
  gtk_box_append (GTK_BOX (top), button);

  /* Translators: a button's accessible name; %s is an NCT number */
  right_label = g_strdup_printf (_("Move %s right"), nct_id);
  button = header_button (self, rtl ? "go-previous-symbolic" : "go-next-symbolic",
                          _("Move Right"), right_label, t, G_CALLBACK (on_move_right_clicked_cb));
  gtk_widget_set_sensitive (button, t + 1 < self->trials->len);
  gtk_box_append (GTK_BOX (top), button);

  /* Translators: a button's accessible name; %s is an NCT number */
  remove_label = g_strdup_printf (_("Remove %s from the comparison"), nct_id);
  button = header_button (self, "window-close-symbolic",
                          self->trials->len > ELIGO_COMPARISON_MIN_TRIALS
                          ? _("Remove from the Comparison")
                          : _("A comparison needs at least 2 trials"),
                          remove_label, t, G_CALLBACK (on_remove_clicked_cb));
  gtk_widget_set_sensitive (button, self->trials->len > ELIGO_COMPARISON_MIN_TRIALS);
  gtk_box_append (GTK_BOX (top), button);

  label = gtk_label_new (title != NULL ? title : ELIGO_FORMAT_ABSENT);
  gtk_widget_add_css_class (label, "trial-title");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  gtk_widget_set_tooltip_text (label, eligo_trial_get_brief_title (trial));
  gtk_box_append (GTK_BOX (header), label);

  if (self->patient != NULL)
    {
      EligoScreeningResult *result = eligo_comparison_get_result (self->comparison, t);
      EligoTrialVerdict verdict = eligo_screening_result_get_verdict (result);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *image = gtk_image_new_from_icon_name (_eligo_trial_verdict_get_icon_name (verdict));

      gtk_widget_add_css_class (box, "verdict");
      gtk_widget_add_css_class (box, eligo_trial_verdict_to_string (verdict));
      gtk_widget_set_halign (box, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      eligo_trial_verdict_get_label (verdict), -1);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), gtk_label_new (eligo_trial_verdict_get_label (verdict)));
      gtk_box_append (GTK_BOX (header), box);
    }

  /* Drag a header onto another to move the trial there. */
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), header);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), header);
  gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (drop));

  return header;
}

void
_eligo_comparison_window_build_header (EligoComparisonWindow *self)
{
  g_autofree char *count = eligo_format_trial_count (self->trials->len);
  GtkWidget *corner;
  GtkWidget *label;

  _eligo_comparison_window_clear_grid (self->header_grid);
  g_ptr_array_set_size (self->headers, 0);

  corner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (corner, "header-corner");
  gtk_widget_set_size_request (corner, _eligo_comparison_window_label_width (self), -1);
  gtk_widget_set_hexpand (corner, FALSE);

  label = gtk_label_new (count);
  gtk_widget_add_css_class (label, "count");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (corner), label);

  label = gtk_label_new (_("Drag a header or use its arrows to reorder"));
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  gtk_box_append (GTK_BOX (corner), label);

  if (self->patient != NULL)
    {
      /* Translators: above the trials' verdicts; %s is a screening id */
      g_autofree char *text = g_strdup_printf (_("Verdicts for %s"),
                                               eligo_patient_get_screening_id (self->patient));

      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "verdict");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (GTK_BOX (corner), label);
    }

  for (guint t = 0; t < self->trials->len; t++)
    {
      GtkWidget *header = build_trial_header (self, t);

      gtk_grid_attach (self->header_grid, header, t + 1, 0, 1, 1);
      g_ptr_array_add (self->headers, header);
    }

  /* Last, so that it is drawn over the headers scrolled beneath it */
  gtk_grid_attach (self->header_grid, corner, 0, 0, 1, 1);
}
