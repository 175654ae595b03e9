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

G_DEFINE_FINAL_TYPE (EligoComparisonWindow, eligo_comparison_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ONLY_DIFFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_views (EligoComparisonWindow *self);

/* Helpers */

void
_eligo_comparison_row_view_free (RowView *view)
{
  g_clear_pointer (&view->row, eligo_comparison_row_unref);
  g_clear_pointer (&view->widgets, g_ptr_array_unref);
  g_free (view->haystack);
  g_free (view);
}

int
_eligo_comparison_window_label_width (EligoComparisonWindow *self)
{
  return MAX (LABEL_WIDTH, (int) round (LABEL_WIDTH * self->zoom));
}

int
_eligo_comparison_window_column_width (EligoComparisonWindow *self)
{
  return MAX (MIN_COLUMN_WIDTH, (int) round (COLUMN_WIDTH * self->zoom));
}

void
_eligo_comparison_window_clear_grid (GtkGrid *grid)
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

static void
rebuild_views (EligoComparisonWindow *self)
{
  _eligo_comparison_window_build_header (self);
  _eligo_comparison_window_build_body (self);
  _eligo_comparison_window_align_columns (self);
  _eligo_comparison_window_apply_visibility (self);
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
  _eligo_comparison_window_apply_visibility (self);
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
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _eligo_comparison_row_view_free);
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
    _eligo_comparison_window_apply_visibility (self);
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
