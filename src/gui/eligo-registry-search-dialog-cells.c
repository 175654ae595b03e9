/* eligo-registry-search-dialog-cells.c
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
 * The search results' columns: a tick box named after its trial, NCT
 * number, title with "In library" or "Cannot be added", status, phase,
 * ages and sites.
 */

#define G_LOG_DOMAIN "eligo-registry-search-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-registry-search-dialog-private.h"

typedef enum
{
  CELL_CHECK,
  CELL_NCT_ID,
  CELL_TITLE,
  CELL_STATUS,
  CELL_PHASE,
  CELL_AGES,
  CELL_SITES,
} CellKind;

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  GtkWidget *label;

  if (kind == CELL_CHECK)
    {
      gtk_list_item_set_child (item, gtk_check_button_new ());
      return;
    }

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (kind == CELL_TITLE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *tag = gtk_label_new (_("In library"));
      GtkWidget *problem = gtk_label_new (_("Cannot be added"));

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_add_css_class (problem, "error");
      gtk_widget_add_css_class (problem, "caption-heading");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), tag);
      gtk_box_append (GTK_BOX (box), problem);
      gtk_list_item_set_child (item, box);
      return;
    }

  if (kind == CELL_NCT_ID || kind == CELL_SITES)
    gtk_widget_add_css_class (label, "numeric");
  if (kind == CELL_SITES)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_set_margin_end (label, 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_check (GtkListItem         *item,
            EligoRegistryResult *result)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  g_autofree char *label = NULL;
  GBinding *binding;

  binding = g_object_bind_property (result, "selected", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (check), "selected-binding", binding);
  binding = g_object_bind_property (result, "in-library", check, "sensitive",
                                    G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (check), "library-binding", binding);
  if (eligo_registry_result_get_problem (result) != NULL ||
      eligo_registry_result_get_nct_id (result) == NULL)
    gtk_widget_set_sensitive (check, FALSE);

  /* Translators: the check box of a search result; %s is an NCT number */
  label = g_strdup_printf (_("Add %s"), eligo_registry_result_get_nct_id (result) != NULL
                                        ? eligo_registry_result_get_nct_id (result) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (check, eligo_registry_result_get_in_library (result)
                                      ? _("Already in the library")
                                      : eligo_registry_result_get_problem (result));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  EligoRegistryResult *result = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *text = NULL;

  switch (kind)
    {
    case CELL_CHECK:
      bind_check (item, result);
      return;
    case CELL_TITLE:
      {
        GtkWidget *label = gtk_widget_get_first_child (child);
        GtkWidget *tag = gtk_widget_get_next_sibling (label);
        GtkWidget *problem = gtk_widget_get_next_sibling (tag);
        GBinding *binding;

        gtk_label_set_text (GTK_LABEL (label), eligo_registry_result_get_title (result));
        gtk_widget_set_tooltip_text (label, eligo_registry_result_get_title (result));
        binding = g_object_bind_property (result, "in-library", tag, "visible",
                                          G_BINDING_SYNC_CREATE);
        g_object_set_data (G_OBJECT (tag), "library-binding", binding);
        gtk_widget_set_visible (problem, eligo_registry_result_get_problem (result) != NULL);
        gtk_widget_set_tooltip_text (problem, eligo_registry_result_get_problem (result));
        return;
      }
    case CELL_NCT_ID:
      text = eligo_registry_result_get_nct_id (result);
      break;
    case CELL_STATUS:
      text = eligo_registry_result_get_status_label (result);
      break;
    case CELL_PHASE:
      text = eligo_registry_result_get_phase_label (result);
      break;
    case CELL_AGES:
      text = eligo_registry_result_get_ages_label (result);
      break;
    case CELL_SITES:
      text = eligo_registry_result_get_sites_label (result);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (child), text != NULL ? text : "");
}

static void
unbind_data (GtkWidget  *widget,
             const char *key)
{
  GBinding *binding = g_object_get_data (G_OBJECT (widget), key);

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (widget), key, NULL);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (kind == CELL_CHECK)
    {
      unbind_data (child, "selected-binding");
      unbind_data (child, "library-binding");
    }
  else if (kind == CELL_TITLE)
    {
      unbind_data (gtk_widget_get_next_sibling (gtk_widget_get_first_child (child)),
                   "library-binding");
    }
}

static void
add_column (EligoRegistrySearchDialog *self,
            const char                *title,
            CellKind                   kind,
            gboolean                   expand,
            int                        fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), GINT_TO_POINTER (kind));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, kind != CELL_CHECK);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

void
_eligo_registry_search_dialog_add_columns (EligoRegistrySearchDialog *self)
{
  add_column (self, NULL, CELL_CHECK, FALSE, -1);
  add_column (self, _("NCT Number"), CELL_NCT_ID, FALSE, 130);
  add_column (self, _("Title"), CELL_TITLE, TRUE, -1);
  add_column (self, _("Status"), CELL_STATUS, FALSE, 160);
  add_column (self, _("Phase"), CELL_PHASE, FALSE, 110);
  add_column (self, _("Ages"), CELL_AGES, FALSE, 100);
  add_column (self, _("Sites"), CELL_SITES, FALSE, 70);
}
