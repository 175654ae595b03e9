/* eligo-comparison-window-actions.c
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
 * The comparison window's actions and keys (zoom, full screen, find,
 * print, export, patient) and its two popovers: "Add Trial…" searches the
 * library, "Patient" lists the stored patients or imports a patient file.
 */

#define G_LOG_DOMAIN "eligo-comparison-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-comparison-print.h"
#include "eligo-comparison-report.h"
#include "eligo-comparison-window-private.h"
#include "eligo-screening-log.h"
#include "eligo-trial-list.h"
#include "eligo-trial-query.h"

static const double zoom_steps[] = {
  0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0
};

/* The library popover */

static void
on_library_item_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *nct_id = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *shown = gtk_label_new (_("Shown"));

  gtk_widget_add_css_class (nct_id, "nct-id");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (shown, "dim-label");
  gtk_box_append (GTK_BOX (box), nct_id);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), shown);
  gtk_list_item_set_child (item, box);
}

static void
on_library_item_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         EligoComparisonWindow    *self)
{
  EligoTrial *trial = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *nct_id = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (nct_id);
  GtkWidget *shown = gtk_widget_get_next_sibling (title);
  const char *id = eligo_trial_get_nct_id (trial);
  gboolean in_comparison = _eligo_comparison_window_trial_index (self, id) >= 0;
  gboolean full = self->trials->len >= ELIGO_COMPARISON_MAX_TRIALS;

  gtk_label_set_label (GTK_LABEL (nct_id), eligo_trial_get_nct_id (trial));
  gtk_label_set_label (GTK_LABEL (title), eligo_trial_get_brief_title (trial));
  gtk_widget_set_tooltip_text (title, eligo_trial_get_brief_title (trial));
  gtk_widget_set_visible (shown, in_comparison);
  gtk_widget_set_sensitive (box, !in_comparison && !full);
  gtk_list_item_set_activatable (item, !in_comparison && !full);
}

static void
search_library (EligoComparisonWindow *self)
{
  g_autoptr(EligoTrialQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_search_entry));

  if (self->library == NULL)
    return;

  query = eligo_trial_query_copy (eligo_trial_list_get_query (self->library));
  g_free (query->search);
  query->search = *text != '\0' ? g_strdup (text) : NULL;
  if (!eligo_trial_list_set_query (self->library, query, &error))
    g_message ("Cannot search the library: %s", error->message);
}

static void
on_add_popover_show_cb (EligoComparisonWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = NULL;

  if (self->library == NULL)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkNoSelection *selection;

      self->library = eligo_trial_list_new (self->database);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->library)));
      g_signal_connect (factory, "setup", G_CALLBACK (on_library_item_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_library_item_bind_cb), self);
      gtk_list_view_set_factory (self->add_list_view, factory);
      gtk_list_view_set_model (self->add_list_view, GTK_SELECTION_MODEL (selection));
      g_object_unref (factory);
      g_object_unref (selection);
    }
  else if (!eligo_trial_list_reload (self->library, &error))
    g_message ("Cannot reload the library: %s", error->message);

  search_library (self);

  if (self->trials->len >= ELIGO_COMPARISON_MAX_TRIALS)
    hint = g_strdup (_("A comparison holds up to 6 trials: remove one to add another."));
  else
    /* Translators: %u is the number of the column the trial will fill */
    hint = g_strdup_printf (_("Click a trial to add it as column %u of at most 6."),
                            self->trials->len + 1);
  gtk_label_set_label (self->add_hint_label, hint);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_search_entry));
}

static void
on_add_search_changed_cb (EligoComparisonWindow *self)
{
  search_library (self);
}

static void
add_library_item (EligoComparisonWindow *self,
                  guint                  position)
{
  g_autoptr(EligoTrial) trial = NULL;

  if (self->library == NULL)
    return;

  trial = g_list_model_get_item (G_LIST_MODEL (self->library), position);
  if (trial == NULL)
    return;

  if (eligo_comparison_window_add_trial (self, trial))
    gtk_popover_popdown (self->add_popover);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
on_add_list_activate_cb (EligoComparisonWindow *self,
                         guint                  position)
{
  add_library_item (self, position);
}

/* Enter in the search: the first trial not yet shown. */
static void
on_add_search_activate_cb (EligoComparisonWindow *self)
{
  guint n;

  if (self->library == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoTrial) trial = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (_eligo_comparison_window_trial_index (self, eligo_trial_get_nct_id (trial)) < 0)
        {
          add_library_item (self, i);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* The patient popover */

static void
on_patient_popover_show_cb (EligoComparisonWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  GtkListBoxRow *child;

  /* The rows only: the placeholder is a child of the list too. */
  while ((child = gtk_list_box_get_row_at_index (self->patient_list, 0)) != NULL)
    gtk_list_box_remove (self->patient_list, GTK_WIDGET (child));

  ids = eligo_database_dup_screening_ids (self->database, &error);
  if (ids == NULL)
    {
      g_message ("Cannot list the stored patients: %s", error->message);
      return;
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (ids[i]);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      gboolean current = self->patient != NULL &&
                         g_strcmp0 (eligo_patient_get_screening_id (self->patient), ids[i]) == 0;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_opacity (check, current ? 1.0 : 0.0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      current ? _("Shown") : "", -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "eligo-screening-id", g_strdup (ids[i]), g_free);
      gtk_list_box_append (self->patient_list, row);
    }
}

static void
on_patient_row_activated_cb (EligoComparisonWindow *self,
                             GtkListBoxRow         *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "eligo-screening-id");
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  if (id == NULL)
    return;

  gtk_popover_popdown (self->patient_popover);
  patient = eligo_database_load_patient (self->database, id, &error);
  if (patient == NULL)
    {
      _eligo_comparison_window_show_error (self, _("Could Not Open the Patient"), error->message);
      return;
    }

  eligo_comparison_window_set_patient (self, patient);
}

static void
on_import_response_cb (GtkNativeDialog       *chooser,
                       int                    response,
                       EligoComparisonWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  patient = eligo_patient_load (file, NULL, &error);
  if (patient == NULL)
    {
      _eligo_comparison_window_show_error (self, _("Could Not Open the Patient File"),
                                           error->message);
      return;
    }

  eligo_comparison_window_set_patient (self, patient);
}

static void
on_export_response_cb (GtkNativeDialog       *chooser,
                       int                    response,
                       EligoComparisonWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      _eligo_comparison_window_show_error (self, _("Could Not Export the PDF"),
                                           _("Choose a local folder."));
      return;
    }

  if (!eligo_comparison_window_export_pdf (self, path, &error))
    _eligo_comparison_window_show_error (self, _("Could Not Export the PDF"), error->message);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 0.001)
      {
        _eligo_comparison_window_set_zoom (self, zoom_steps[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (widget);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 0.001)
      {
        _eligo_comparison_window_set_zoom (self, zoom_steps[i - 1]);
        return;
      }
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _eligo_comparison_window_set_zoom (ELIGO_COMPARISON_WINDOW (widget), 1.0);
}

static void
leave_fullscreen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (widget);
  g_autoptr(EligoReportDocument) document = NULL;

  document = eligo_comparison_report_new (self->comparison, self->only_differences, NULL);
  eligo_comparison_print_run (document, GTK_WINDOW (self));
}

static char *
suggested_pdf_name (EligoComparisonWindow *self)
{
  g_autoptr(GString) name = g_string_new (_("Comparison"));

  for (guint t = 0; t < self->trials->len; t++)
    g_string_append_printf (name, " %s",
                            eligo_trial_get_nct_id (g_ptr_array_index (self->trials, t)));
  g_string_append (name, ".pdf");

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_pdf_name (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Comparison as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_patient_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_popover_popdown (self->patient_popover);
  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Patient File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Patient files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_patient_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EligoComparisonWindow *self = ELIGO_COMPARISON_WINDOW (widget);

  gtk_popover_popdown (self->patient_popover);
  eligo_comparison_window_set_patient (self, NULL);
}

void
_eligo_comparison_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_patient_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_patient_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "comparison.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "comparison.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "comparison.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_property_action (widget_class, "comparison.fullscreen", "fullscreened");
  gtk_widget_class_install_action (widget_class, "comparison.leave-fullscreen", NULL,
                                   leave_fullscreen_action);
  gtk_widget_class_install_property_action (widget_class, "comparison.only-differences",
                                            "only-differences");
  gtk_widget_class_install_action (widget_class, "comparison.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "comparison.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "comparison.export-pdf", NULL,
                                   export_pdf_action);
  gtk_widget_class_install_action (widget_class, "comparison.import-patient", NULL,
                                   import_patient_action);
  gtk_widget_class_install_action (widget_class, "comparison.clear-patient", NULL,
                                   clear_patient_action);
  gtk_widget_class_install_action (widget_class, "comparison.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "comparison.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "comparison.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "comparison.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "comparison.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "comparison.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "comparison.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "comparison.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0,
                                       "comparison.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "comparison.leave-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "comparison.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "comparison.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "comparison.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "comparison.close", NULL);
}
