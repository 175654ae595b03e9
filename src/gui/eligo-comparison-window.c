/* eligo-comparison-window.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side-by-side comparison for team meetings: 2 to 6 trials as columns,
 * rows grouped by section under headings. GtkColumnView has no section
 * headers on GTK 4.8, so the table is a GtkGrid in a scrolled window: the
 * label column, one equal column per trial, and a heading row spanning all
 * columns at each section. The trials' header row is a second grid above
 * the scrolled area that shares its horizontal adjustment, so it stays in
 * view and in line. Both grids sit in an EligoComparisonTable, which keeps
 * their first column (labels, headings, the corner) in view when the
 * trials' columns scroll sideways.
 *
 * The table's font size is the zoom (GSettings comparison-zoom) times a
 * large base size, set through a CSS provider, so that text stays crisp on
 * a projector; the column widths follow it.
 */

#define G_LOG_DOMAIN "eligo-comparison-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eligo-comparison-print.h"
#include "eligo-comparison-report.h"
#include "eligo-comparison-window.h"
#include "eligo-comparison-window-private.h"
#include "eligo-format.h"
#include "eligo-screening-log.h"

#define UI_RESOURCE        "/io/github/eligo/Eligo/ui/eligo-comparison-window.ui"
#define RESOURCE_PATH      "/io/github/eligo/Eligo/eligo-comparison-window.css"
#define BASE_FONT_PT       13.0
#define LABEL_WIDTH        220
#define MIN_COLUMN_WIDTH   280
#define COLUMN_WIDTH       240
#define HEADER_TITLE_CHARS 90

typedef struct
{
  EligoComparisonRow *row;
  GPtrArray          *widgets;   /* GtkWidget: the label cell, then the trials' */
  char               *haystack;  /* casefolded label and cells, for the filter */
  gboolean            shown;
} RowView;

G_DEFINE_FINAL_TYPE (EligoComparisonWindow, eligo_comparison_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ONLY_DIFFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_views (EligoComparisonWindow *self);

/* Helpers */

static void
row_view_free (RowView *view)
{
  g_clear_pointer (&view->row, eligo_comparison_row_unref);
  g_clear_pointer (&view->widgets, g_ptr_array_unref);
  g_free (view->haystack);
  g_free (view);
}

static char *
casefold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static const char *
verdict_icon (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_PASS:
      return "emblem-ok-symbolic";
    case ELIGO_VERDICT_FAIL:
      return "process-stop-symbolic";
    case ELIGO_VERDICT_UNKNOWN:
      return "dialog-question-symbolic";
    case ELIGO_VERDICT_REVIEW:
    case ELIGO_N_VERDICTS:
    default:
      return "document-edit-symbolic";
    }
}

static const char *
trial_verdict_icon (EligoTrialVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_TRIAL_VERDICT_ELIGIBLE:
      return "emblem-ok-symbolic";
    case ELIGO_TRIAL_VERDICT_INELIGIBLE:
      return "process-stop-symbolic";
    case ELIGO_TRIAL_VERDICT_PENDING:
    default:
      return "document-open-recent-symbolic";
    }
}

static int
label_width (EligoComparisonWindow *self)
{
  return MAX (LABEL_WIDTH, (int) round (LABEL_WIDTH * self->zoom));
}

static int
column_width (EligoComparisonWindow *self)
{
  return MAX (MIN_COLUMN_WIDTH, (int) round (COLUMN_WIDTH * self->zoom));
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

int
_eligo_comparison_window_trial_index (EligoComparisonWindow *self,
             const char            *nct_id)
{
  for (guint t = 0; t < self->trials->len; t++)
    if (g_strcmp0 (eligo_trial_get_nct_id (g_ptr_array_index (self->trials, t)), nct_id) == 0)
      return (int) t;

  return -1;
}

static void
on_message_response_cb (GtkDialog *dialog,
                        int        response,
                        gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
_eligo_comparison_window_show_error (EligoComparisonWindow *self,
            const char            *primary,
            const char            *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (on_message_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* CSS: the window's style sheet once per display, and the zoom. Every
 * comparison window shows the one zoom setting. */
static void
update_css (EligoComparisonWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GtkCssProvider *zoom_provider;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  zoom_provider = g_object_get_data (G_OBJECT (display), "eligo-comparison-zoom-css");
  if (zoom_provider == NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_PATH);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "eligo-comparison-css", provider,
                              g_object_unref);

      zoom_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (zoom_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
      g_object_set_data_full (G_OBJECT (display), "eligo-comparison-zoom-css", zoom_provider,
                              g_object_unref);
    }

  g_ascii_formatd (number, sizeof number, "%.2f", BASE_FONT_PT * self->zoom);
  css = g_strdup_printf (".comparison-window .comparison-zoom { font-size: %spt; }", number);
  gtk_css_provider_load_from_data (zoom_provider, css, -1);
}

static void
update_zoom_label (EligoComparisonWindow *self)
{
  /* Translators: the comparison's zoom, e.g. "125 %" */
  g_autofree char *text = g_strdup_printf (_("%.0f %%"), self->zoom * 100);
  g_autofree char *accessible = g_strdup_printf (_("Reset zoom, now %.0f percent"),
                                                 self->zoom * 100);

  gtk_button_set_label (self->zoom_button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.zoom-in",
                                 self->zoom < ELIGO_COMPARISON_MAX_ZOOM - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.zoom-out",
                                 self->zoom > ELIGO_COMPARISON_MIN_ZOOM + 0.001);
}

void
_eligo_comparison_window_set_zoom (EligoComparisonWindow *self,
          double                 zoom)
{
  zoom = CLAMP (zoom, ELIGO_COMPARISON_MIN_ZOOM, ELIGO_COMPARISON_MAX_ZOOM);
  g_settings_set_double (self->settings, "comparison-zoom", zoom);
}

/* Text */

static void
update_subtitle (EligoComparisonWindow *self)
{
  g_autofree char *count = eligo_format_trial_count (self->trials->len);
  g_autofree char *text = NULL;

  if (self->patient != NULL)
    /* Translators: the comparison window's subtitle: "5 trials" and a screening id */
    text = g_strdup_printf (_("%s · patient %s"), count,
                            eligo_patient_get_screening_id (self->patient));
  else
    text = g_steal_pointer (&count);

  gtk_label_set_label (self->subtitle_label, text);
}

static void
update_patient_button (EligoComparisonWindow *self)
{
  if (self->patient != NULL)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *text = NULL;

      /* Keep the mnemonic, and the id's own underscores: "_Patient: SCR__01" */
      parts = g_strsplit (eligo_patient_get_screening_id (self->patient), "_", -1);
      escaped = g_strjoinv ("__", parts);
      /* Translators: the patient button once a patient is chosen; keep the _ */
      text = g_strdup_printf (_("_Patient: %s"), escaped);
      gtk_label_set_label (self->patient_label, text);
    }
  else
    gtk_label_set_label (self->patient_label, _("_Patient"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.clear-patient",
                                 self->patient != NULL);
}

/* The header row */

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
  gtk_widget_set_size_request (header, column_width (self), -1);
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
      GtkWidget *image = gtk_image_new_from_icon_name (trial_verdict_icon (verdict));

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

static void
build_header (EligoComparisonWindow *self)
{
  g_autofree char *count = eligo_format_trial_count (self->trials->len);
  GtkWidget *corner;
  GtkWidget *label;

  clear_grid (self->header_grid);
  g_ptr_array_set_size (self->headers, 0);

  corner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (corner, "header-corner");
  gtk_widget_set_size_request (corner, label_width (self), -1);
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

/* The table */

static GtkWidget *
wrapping_label (const char *text,
                gboolean    markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A small natural width: the cell's size request sets the column's, so
   * all trial columns are equal. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);

  return label;
}

static GtkWidget *
build_label_cell (EligoComparisonWindow *self,
                  EligoComparisonRow    *row)
{
  gboolean differs = eligo_comparison_row_differs (row);
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *mark = gtk_label_new (differs ? "≠" : "");
  GtkWidget *label = wrapping_label (eligo_comparison_row_get_label (row), FALSE);

  gtk_widget_add_css_class (cell, "comparison-cell");
  gtk_widget_add_css_class (cell, "row-label");
  gtk_widget_add_css_class (cell, differs ? "differs" : "same");
  gtk_widget_set_size_request (cell, label_width (self), -1);

  gtk_widget_add_css_class (mark, "diff-mark");
  gtk_label_set_width_chars (GTK_LABEL (mark), 1);
  gtk_label_set_yalign (GTK_LABEL (mark), 0);
  if (differs)
    {
      gtk_widget_set_tooltip_text (mark, _("The trials differ"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The trials differ"), -1);
    }
  gtk_box_append (GTK_BOX (cell), mark);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (cell), label);

  /* Only the trials' columns share out the spare width: the label's
   * expanding stops here. */
  gtk_widget_set_hexpand (cell, FALSE);

  return cell;
}

static GtkWidget *
build_trial_cell (EligoComparisonWindow *self,
                  EligoComparisonRow    *row,
                  guint                  t,
                  GString               *haystack)
{
  const char *text = eligo_comparison_row_get_cell (row, t);
  gboolean differs = eligo_comparison_row_differs (row);
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  EligoVerdict verdict;

  gtk_widget_add_css_class (cell, "comparison-cell");
  gtk_widget_add_css_class (cell, differs ? "differs" : "same");
  gtk_widget_add_css_class (cell, text != NULL ? "filled" : "empty");
  gtk_widget_set_size_request (cell, column_width (self), -1);
  gtk_widget_set_hexpand (cell, TRUE);

  if (text != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autofree char *markup = NULL;

      if (eligo_comparison_row_get_partial (row, t))
        markup = g_strdup_printf ("%s<span weight=\"heavy\">*</span>", escaped);
      else
        markup = g_steal_pointer (&escaped);

      label = wrapping_label (markup, TRUE);
      if (eligo_comparison_row_get_partial (row, t))
        gtk_widget_set_tooltip_text (label, eligo_comparison_partial_legend ());
      gtk_box_append (GTK_BOX (cell), label);

      g_string_append_c (haystack, '\n');
      g_string_append (haystack, text);
    }
  else if (eligo_comparison_row_get_section (row) != ELIGO_COMPARISON_SECTION_ELIGIBILITY)
    {
      label = wrapping_label (ELIGO_FORMAT_ABSENT, FALSE);
      gtk_widget_add_css_class (label, "absent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Not stated"), -1);
      gtk_box_append (GTK_BOX (cell), label);
    }

  if (eligo_comparison_row_get_verdict (row, t, &verdict))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *image = gtk_image_new_from_icon_name (verdict_icon (verdict));
      g_autofree char *class = g_strdup_printf ("verdict-%s", eligo_verdict_to_string (verdict));

      gtk_widget_add_css_class (cell, class);
      gtk_widget_add_css_class (box, "verdict");
      gtk_widget_add_css_class (box, eligo_verdict_to_string (verdict));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      eligo_verdict_get_label (verdict), -1);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), gtk_label_new (eligo_verdict_get_label (verdict)));
      gtk_box_append (GTK_BOX (cell), box);
    }

  return cell;
}

static void
build_body (EligoComparisonWindow *self)
{
  guint n_rows = eligo_comparison_get_n_rows (self->comparison);
  guint n_trials = self->trials->len;
  int section = -1;
  int line = 0;

  clear_grid (self->body_grid);
  g_ptr_array_set_size (self->rows, 0);
  memset (self->headings, 0, sizeof self->headings);

  for (guint i = 0; i < n_rows; i++)
    {
      EligoComparisonRow *row = eligo_comparison_get_row (self->comparison, i);
      EligoComparisonSection row_section = eligo_comparison_row_get_section (row);
      g_autoptr(GString) haystack = g_string_new (eligo_comparison_row_get_label (row));
      RowView *view;
      GtkWidget *cell;

      if ((int) row_section != section)
        {
          GtkWidget *heading = gtk_label_new (eligo_comparison_section_get_title (row_section));

          section = row_section;
          gtk_widget_add_css_class (heading, "section-heading");
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                          GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
          gtk_grid_attach (self->body_grid, heading, 0, line++, n_trials + 1, 1);
          self->headings[section] = heading;
        }

      view = g_new0 (RowView, 1);
      view->row = eligo_comparison_row_ref (row);
      view->widgets = g_ptr_array_new ();
      view->shown = TRUE;

      cell = build_label_cell (self, row);
      g_ptr_array_add (view->widgets, cell);

      for (guint t = 0; t < n_trials; t++)
        {
          GtkWidget *trial_cell = build_trial_cell (self, row, t, haystack);

          gtk_grid_attach (self->body_grid, trial_cell, t + 1, line, 1, 1);
          g_ptr_array_add (view->widgets, trial_cell);
        }

      /* Attached last so that, held in view, it is drawn over the cells
       * scrolled beneath it (see eligo-comparison-table.c) */
      gtk_grid_attach (self->body_grid, cell, 0, line, 1, 1);

      view->haystack = casefold (haystack->str);
      g_ptr_array_add (self->rows, view);
      line++;
    }
}

/* Hides the rows that "only differences" or the filter leave out, and the
 * headings of sections left empty. */
static void
apply_visibility (EligoComparisonWindow *self)
{
  g_autofree char *needle = casefold (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  gboolean section_matches[ELIGO_N_COMPARISON_SECTIONS] = { FALSE, };
  gboolean section_shown[ELIGO_N_COMPARISON_SECTIONS] = { FALSE, };
  g_autofree char *rows_text = NULL;
  guint n_shown = 0;

  g_strstrip (needle);

  for (guint s = 0; s < ELIGO_N_COMPARISON_SECTIONS; s++)
    {
      g_autofree char *title = casefold (eligo_comparison_section_get_title (s));

      section_matches[s] = *needle != '\0' && strstr (title, needle) != NULL;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      RowView *view = g_ptr_array_index (self->rows, i);
      EligoComparisonSection section = eligo_comparison_row_get_section (view->row);
      gboolean shown = TRUE;

      if (self->only_differences && !eligo_comparison_row_differs (view->row))
        shown = FALSE;
      else if (*needle != '\0' && !section_matches[section] &&
               strstr (view->haystack, needle) == NULL)
        shown = FALSE;

      view->shown = shown;
      for (guint w = 0; w < view->widgets->len; w++)
        gtk_widget_set_visible (g_ptr_array_index (view->widgets, w), shown);

      if (shown)
        {
          section_shown[section] = TRUE;
          n_shown++;
        }
    }

  for (guint s = 0; s < ELIGO_N_COMPARISON_SECTIONS; s++)
    if (self->headings[s] != NULL)
      gtk_widget_set_visible (self->headings[s], section_shown[s]);

  if (n_shown == self->rows->len)
    /* Translators: how many rows the comparison shows */
    rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows",
                                              self->rows->len),
                                 self->rows->len);
  else
    /* Translators: how many rows the comparison shows, of how many */
    rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u row", "%u of %u rows",
                                              self->rows->len),
                                 n_shown, self->rows->len);
  gtk_label_set_label (self->rows_label, rows_text);

  if (n_shown == 0)
    {
      gtk_label_set_label (self->empty_detail_label,
                           *needle != '\0'
                           ? _("No row’s label or cells hold the filter’s words.")
                           : _("The trials are the same on every row."));
      gtk_stack_set_visible_child_name (self->body_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->body_stack, "table");

  gtk_widget_set_visible (GTK_WIDGET (self->partial_legend_label),
                          eligo_comparison_has_partial_cells (self->comparison,
                                                              self->only_differences));
}

static void
measure_columns (GtkGrid *grid,
                 int     *label_column,
                 int     *trial_column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, span, natural;

      gtk_grid_query_child (grid, child, &column, NULL, &span, NULL);
      if (span != 1)
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (column == 0)
        *label_column = MAX (*label_column, natural);
      else
        *trial_column = MAX (*trial_column, natural);
    }
}

static void
set_column_widths (GtkGrid *grid,
                   int      label_column,
                   int      trial_column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, span;

      gtk_grid_query_child (grid, child, &column, NULL, &span, NULL);
      if (span == 1)
        gtk_widget_set_size_request (child, column == 0 ? label_column : trial_column, -1);
    }
}

/* The header row and the table are two grids: give their columns the same
 * minimum and natural widths, the trials' all equal, so that they share
 * out the window's width alike and stay in line. */
static void
align_columns (EligoComparisonWindow *self)
{
  int label_column = label_width (self);
  int trial_column = column_width (self);

  measure_columns (self->header_grid, &label_column, &trial_column);
  measure_columns (self->body_grid, &label_column, &trial_column);
  set_column_widths (self->header_grid, label_column, trial_column);
  set_column_widths (self->body_grid, label_column, trial_column);
}

static void
rebuild_views (EligoComparisonWindow *self)
{
  build_header (self);
  build_body (self);
  align_columns (self);
  apply_visibility (self);
  update_subtitle (self);
  update_patient_button (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            self->trials->len < ELIGO_COMPARISON_MAX_TRIALS);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               self->trials->len < ELIGO_COMPARISON_MAX_TRIALS
                               ? _("Add a trial from the library (up to 6)")
                               : _("A comparison holds up to 6 trials: remove one to add another"));
}

/* Makes @trials the columns: a new comparison, with the patient. */
static gboolean
set_trials (EligoComparisonWindow  *self,
            GPtrArray              *trials,
            GError                **error)
{
  g_autoptr(EligoComparison) comparison = NULL;

  comparison = eligo_comparison_new (self->database, trials, error);
  if (comparison == NULL)
    return FALSE;

  if (self->patient != NULL)
    eligo_comparison_set_patient (comparison, self->patient);

  g_set_object (&self->comparison, comparison);
  g_ptr_array_set_size (self->trials, 0);
  for (guint t = 0; t < trials->len; t++)
    g_ptr_array_add (self->trials, g_object_ref (g_ptr_array_index (trials, t)));

  rebuild_views (self);

  return TRUE;
}

static GPtrArray *
copy_trials (EligoComparisonWindow *self)
{
  GPtrArray *trials = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint t = 0; t < self->trials->len; t++)
    g_ptr_array_add (trials, g_object_ref (g_ptr_array_index (self->trials, t)));

  return trials;
}

/* Signal callbacks */

static void
on_filter_changed_cb (EligoComparisonWindow *self)
{
  apply_visibility (self);
}

static void
on_filter_stop_search_cb (EligoComparisonWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->body_viewport));
}

static void
on_zoom_changed_cb (EligoComparisonWindow *self,
                    const char            *key,
                    GSettings             *settings)
{
  double zoom = CLAMP (g_settings_get_double (settings, "comparison-zoom"),
                       ELIGO_COMPARISON_MIN_ZOOM, ELIGO_COMPARISON_MAX_ZOOM);

  if (fabs (zoom - self->zoom) < 0.0001)
    return;

  self->zoom = zoom;
  update_css (self);
  update_zoom_label (self);
  rebuild_views (self);
}

/* Escape leaves full screen, and only then is it taken. */
static void
on_fullscreened_cb (EligoComparisonWindow *self,
                    GParamSpec            *pspec,
                    gpointer               user_data)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.leave-fullscreen",
                                 gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

/* GObject */

static void
eligo_comparison_window_dispose (GObject *object)
{
  EligoComparisonWindow *self = (EligoComparisonWindow *) object;

  g_clear_handle_id (&self->move_idle_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  memset (self->headings, 0, sizeof self->headings);
  g_clear_object (&self->library);
  g_clear_object (&self->comparison);
  g_clear_object (&self->patient);
  g_clear_pointer (&self->trials, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (eligo_comparison_window_parent_class)->dispose (object);
}

static void
eligo_comparison_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ONLY_DIFFERENCES:
      g_value_set_boolean (value, self->only_differences);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ONLY_DIFFERENCES:
      eligo_comparison_window_set_only_differences (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_window_class_init (EligoComparisonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_comparison_window_dispose;
  object_class->get_property = eligo_comparison_window_get_property;
  object_class->set_property = eligo_comparison_window_set_property;

  /**
   * EligoComparisonWindow:only-differences:
   *
   * Whether the rows that are the same for every trial are hidden.
   */
  properties[PROP_ONLY_DIFFERENCES] =
    g_param_spec_boolean ("only-differences", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ELIGO_TYPE_COMPARISON_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, UI_RESOURCE);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, add_popover);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, add_search_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, add_list_view);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, add_hint_label);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, patient_button);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, patient_label);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, patient_popover);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, patient_list);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, differences_button);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, rows_label);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, partial_legend_label);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, header_scroller);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, header_table);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, header_grid);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, body_stack);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, body_viewport);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, body_table);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, body_grid);
  gtk_widget_class_bind_template_child (widget_class, EligoComparisonWindow, empty_detail_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop_search_cb);

  _eligo_comparison_window_class_add_actions (widget_class);
}

static void
eligo_comparison_window_init (EligoComparisonWindow *self)
{
  GtkAdjustment *hadjustment;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->trials = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_view_free);
  self->headers = g_ptr_array_new ();

  /* The header row scrolls sideways with the table; the label column of
   * both stays in view. */
  hadjustment = gtk_scrolled_window_get_hadjustment (self->body_scroller);
  gtk_scrolled_window_set_hadjustment (self->header_scroller, hadjustment);
  eligo_comparison_table_set_hadjustment (self->header_table, hadjustment);
  eligo_comparison_table_set_hadjustment (self->body_table, hadjustment);
  gtk_widget_add_css_class (GTK_WIDGET (self->header_grid), "comparison-zoom");
  gtk_widget_add_css_class (GTK_WIDGET (self->body_grid), "comparison-zoom");

  gtk_label_set_label (self->partial_legend_label, eligo_comparison_partial_legend ());

  placeholder = gtk_label_new (_("No patients are stored yet. Save a screening, or import a "
                                 "patient file."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (placeholder), 30);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->patient_list, placeholder);

  self->settings = g_settings_new (ELIGO_ID);
  self->zoom = CLAMP (g_settings_get_double (self->settings, "comparison-zoom"),
                      ELIGO_COMPARISON_MIN_ZOOM, ELIGO_COMPARISON_MAX_ZOOM);
  g_signal_connect_object (self->settings, "changed::comparison-zoom",
                           G_CALLBACK (on_zoom_changed_cb), self, G_CONNECT_SWAPPED);
  update_css (self);
  update_zoom_label (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.leave-fullscreen", FALSE);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened_cb), NULL);
}

/* Public API */

/**
 * eligo_comparison_window_new:
 * @parent: (nullable): the main window
 * @db: the database the trials come from
 * @trials: (element-type EligoTrial): 2 to 6 different trials, in column order
 *
 * Returns: (transfer floating): a new comparison window, or %NULL if the
 *   trials cannot be compared (a warning says why)
 */
GtkWidget *
eligo_comparison_window_new (GtkWindow     *parent,
                             EligoDatabase *db,
                             GPtrArray     *trials)
{
  EligoComparisonWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (trials != NULL, NULL);
  g_return_val_if_fail (trials->len >= ELIGO_COMPARISON_MIN_TRIALS &&
                        trials->len <= ELIGO_COMPARISON_MAX_TRIALS, NULL);

  self = g_object_new (ELIGO_TYPE_COMPARISON_WINDOW, NULL);
  self->database = g_object_ref (db);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  if (!set_trials (self, trials, &error))
    {
      g_warning ("Cannot compare the trials: %s", error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  return GTK_WIDGET (self);
}

/**
 * eligo_comparison_window_get_comparison:
 *
 * Returns: (transfer none): the comparison shown
 */
EligoComparison *
eligo_comparison_window_get_comparison (EligoComparisonWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), NULL);

  return self->comparison;
}

guint
eligo_comparison_window_get_n_trials (EligoComparisonWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), 0);

  return self->trials->len;
}

/**
 * eligo_comparison_window_add_trial:
 *
 * Adds @trial as the last column.
 *
 * Returns: %FALSE if it is shown already, the window holds 6 trials, or
 *   the trial cannot be read
 */
gboolean
eligo_comparison_window_add_trial (EligoComparisonWindow *self,
                                   EligoTrial            *trial)
{
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), FALSE);
  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), FALSE);

  if (self->trials->len >= ELIGO_COMPARISON_MAX_TRIALS ||
      _eligo_comparison_window_trial_index (self, eligo_trial_get_nct_id (trial)) >= 0)
    return FALSE;

  trials = copy_trials (self);
  g_ptr_array_add (trials, g_object_ref (trial));
  if (!set_trials (self, trials, &error))
    {
      _eligo_comparison_window_show_error (self, _("Could Not Add the Trial"), error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * eligo_comparison_window_remove_trial:
 *
 * Returns: %FALSE if only 2 trials are left or @index is out of range
 */
gboolean
eligo_comparison_window_remove_trial (EligoComparisonWindow *self,
                                      guint                  index)
{
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), FALSE);

  if (index >= self->trials->len || self->trials->len <= ELIGO_COMPARISON_MIN_TRIALS)
    return FALSE;

  trials = copy_trials (self);
  g_ptr_array_remove_index (trials, index);
  if (!set_trials (self, trials, &error))
    {
      _eligo_comparison_window_show_error (self, _("Could Not Remove the Trial"), error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * eligo_comparison_window_move_trial:
 * @from: the column of the trial to move
 * @to: its new column
 *
 * Returns: %FALSE if either is out of range or they are the same
 */
gboolean
eligo_comparison_window_move_trial (EligoComparisonWindow *self,
                                    guint                  from,
                                    guint                  to)
{
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *focus;
  EligoTrial *trial;
  gboolean had_focus = FALSE;

  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), FALSE);

  if (from >= self->trials->len || to >= self->trials->len || from == to)
    return FALSE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && from < self->headers->len &&
      gtk_widget_is_ancestor (focus, g_ptr_array_index (self->headers, from)))
    had_focus = TRUE;

  trials = copy_trials (self);
  trial = g_ptr_array_steal_index (trials, from);
  g_ptr_array_insert (trials, (int) to, trial);
  if (!set_trials (self, trials, &error))
    {
      _eligo_comparison_window_show_error (self, _("Could Not Move the Trial"), error->message);
      return FALSE;
    }

  /* Keyboard users keep their place: the moved trial's header. */
  if (had_focus)
    gtk_widget_child_focus (g_ptr_array_index (self->headers, to), GTK_DIR_TAB_FORWARD);

  return TRUE;
}

/**
 * eligo_comparison_window_get_patient:
 *
 * Returns: (transfer none) (nullable): the patient whose verdicts are shown
 */
EligoPatient *
eligo_comparison_window_get_patient (EligoComparisonWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), NULL);

  return self->patient;
}

/**
 * eligo_comparison_window_set_patient:
 * @patient: (nullable): a patient, or %NULL for none
 *
 * Shows each trial's verdict for @patient in its header and each aligned
 * cell's verdict.
 */
void
eligo_comparison_window_set_patient (EligoComparisonWindow *self,
                                     EligoPatient          *patient)
{
  g_return_if_fail (ELIGO_IS_COMPARISON_WINDOW (self));
  g_return_if_fail (patient == NULL || ELIGO_IS_PATIENT (patient));

  g_set_object (&self->patient, patient);
  eligo_comparison_set_patient (self->comparison, patient);
  rebuild_views (self);
}

gboolean
eligo_comparison_window_get_only_differences (EligoComparisonWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), FALSE);

  return self->only_differences;
}

void
eligo_comparison_window_set_only_differences (EligoComparisonWindow *self,
                                              gboolean               only)
{
  g_return_if_fail (ELIGO_IS_COMPARISON_WINDOW (self));

  only = !!only;
  if (self->only_differences == only)
    return;

  self->only_differences = only;
  if (self->comparison != NULL)
    apply_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_DIFFERENCES]);
}

/**
 * eligo_comparison_window_export_pdf:
 * @path: the PDF to write
 *
 * Writes the comparison (only the differing rows if the window shows only
 * those) through the print operation, in landscape: the document
 * `eligo-cli compare --pdf` writes.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
eligo_comparison_window_export_pdf (EligoComparisonWindow  *self,
                                    const char             *path,
                                    GError                **error)
{
  g_autoptr(EligoReportDocument) document = NULL;

  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = eligo_comparison_report_new (self->comparison, self->only_differences, NULL);

  return eligo_comparison_print_export_pdf (document, GTK_WINDOW (self), path, error);
}

/* Private API, for the tests */

GtkWidget *
_eligo_comparison_window_get_cell (EligoComparisonWindow *self,
                                   const char            *row_id,
                                   guint                  column)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RowView *view = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (eligo_comparison_row_get_id (view->row), row_id) == 0)
        return column < view->widgets->len ? g_ptr_array_index (view->widgets, column) : NULL;
    }

  return NULL;
}

GtkWidget *
_eligo_comparison_window_get_header (EligoComparisonWindow *self,
                                     guint                  trial_index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), NULL);

  return trial_index < self->headers->len ? g_ptr_array_index (self->headers, trial_index) : NULL;
}

GtkWidget *
_eligo_comparison_window_get_heading (EligoComparisonWindow  *self,
                                      EligoComparisonSection  section)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), NULL);
  g_return_val_if_fail (section < ELIGO_N_COMPARISON_SECTIONS, NULL);

  return self->headings[section];
}

GtkWidget *
_eligo_comparison_window_get_filter (EligoComparisonWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), NULL);

  return GTK_WIDGET (self->filter_entry);
}

gboolean
_eligo_comparison_window_row_is_shown (EligoComparisonWindow *self,
                                       const char            *row_id)
{
  GtkWidget *cell = _eligo_comparison_window_get_cell (self, row_id, 0);

  return cell != NULL && gtk_widget_get_visible (cell);
}

double
_eligo_comparison_window_get_zoom (EligoComparisonWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_WINDOW (self), 0);

  return self->zoom;
}

static void
append_texts (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_texts (child, out);
}

/* The text of every label in @widget, space-separated. */
char *
_eligo_comparison_window_dup_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  append_texts (widget, out);

  return g_string_free (out, FALSE);
}
