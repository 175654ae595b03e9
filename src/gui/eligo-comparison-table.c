/* eligo-comparison-table.c
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
 * The comparison's grid, with its first column (the row labels, the
 * section headings, the header's corner) held in view while the trials'
 * columns scroll sideways: on a projector with six trials the nurse must
 * still see which row she is reading.
 *
 * GTK 4.8 has no frozen grid columns, and a grid's allocation belongs to
 * its layout manager, so this widget holds the grid as its one child: it
 * allocates the grid as usual, then moves each visible child of column 0
 * right by the horizontal scroll offset, so that it stays at the visible
 * left edge over the trials' cells scrolled beneath it. The cells stay in
 * one grid, so a row's label and cells keep one height. The window
 * attaches a row's label after its cells, so that the label is drawn above
 * them; the label column's style gives it an opaque background.
 */

#define G_LOG_DOMAIN "eligo-comparison-table"

#include "config.h"

#include <math.h>

#include "eligo-comparison-table.h"

struct _EligoComparisonTable
{
  GtkWidget      parent_instance;

  GtkWidget     *child;
  GtkAdjustment *hadjustment;
};

G_DEFINE_FINAL_TYPE (EligoComparisonTable, eligo_comparison_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_HADJUSTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where a pinned child was put, and where the grid had put it, plus one
 * (so that unset reads as 0). */
static GQuark pinned_x_quark;
static GQuark grid_x_quark;

static void
on_value_changed_cb (EligoComparisonTable *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Moves column 0 of the grid right by the scroll offset. When the grid
 * did not lay itself out again (its size is unchanged), its children are
 * where this put them last time: the grid's own position for them is the
 * one remembered then. */
static void
pin_first_column (EligoComparisonTable *self)
{
  GtkGrid *grid = GTK_GRID (self->child);
  int offset = 0;

  if (self->hadjustment != NULL)
    offset = (int) round (MAX (gtk_adjustment_get_value (self->hadjustment), 0.0));

  for (GtkWidget *child = gtk_widget_get_first_child (self->child);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation;
      int column;
      int grid_x;
      int pinned_x;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_grid_query_child (grid, child, &column, NULL, NULL, NULL);
      if (column != 0)
        continue;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_widget_get_allocation (child, &allocation);
      G_GNUC_END_IGNORE_DEPRECATIONS

      pinned_x = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (child), pinned_x_quark)) - 1;
      if (pinned_x >= 0 && allocation.x == pinned_x)
        grid_x = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (child), grid_x_quark)) - 1;
      else
        grid_x = allocation.x;

      g_object_set_qdata (G_OBJECT (child), grid_x_quark, GINT_TO_POINTER (grid_x + 1));
      g_object_set_qdata (G_OBJECT (child), pinned_x_quark,
                          GINT_TO_POINTER (grid_x + offset + 1));

      if (allocation.x != grid_x + offset)
        gtk_widget_allocate (child, allocation.width, allocation.height, -1,
                             gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (grid_x + offset,
                                                                                  allocation.y)));
    }
}

static void
eligo_comparison_table_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  EligoComparisonTable *self = ELIGO_COMPARISON_TABLE (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  gtk_widget_allocate (self->child, width, height, baseline, NULL);

  if (GTK_IS_GRID (self->child))
    pin_first_column (self);
}

static void
eligo_comparison_table_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  EligoComparisonTable *self = ELIGO_COMPARISON_TABLE (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    {
      *minimum = *natural = 0;
      return;
    }

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
eligo_comparison_table_get_request_mode (GtkWidget *widget)
{
  EligoComparisonTable *self = ELIGO_COMPARISON_TABLE (widget);

  if (self->child == NULL)
    return GTK_SIZE_REQUEST_CONSTANT_SIZE;

  return gtk_widget_get_request_mode (self->child);
}

static void
eligo_comparison_table_dispose (GObject *object)
{
  EligoComparisonTable *self = ELIGO_COMPARISON_TABLE (object);

  eligo_comparison_table_set_hadjustment (self, NULL);
  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (eligo_comparison_table_parent_class)->dispose (object);
}

static void
eligo_comparison_table_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EligoComparisonTable *self = ELIGO_COMPARISON_TABLE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_table_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EligoComparisonTable *self = ELIGO_COMPARISON_TABLE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      eligo_comparison_table_set_child (self, g_value_get_object (value));
      break;

    case PROP_HADJUSTMENT:
      eligo_comparison_table_set_hadjustment (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_table_class_init (EligoComparisonTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_comparison_table_dispose;
  object_class->get_property = eligo_comparison_table_get_property;
  object_class->set_property = eligo_comparison_table_set_property;

  widget_class->measure = eligo_comparison_table_measure;
  widget_class->size_allocate = eligo_comparison_table_size_allocate;
  widget_class->get_request_mode = eligo_comparison_table_get_request_mode;

  /**
   * EligoComparisonTable:child:
   *
   * The table: a #GtkGrid whose column 0 stays in view.
   */
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EligoComparisonTable:hadjustment:
   *
   * The horizontal adjustment of the scrolled window the table is in.
   */
  properties[PROP_HADJUSTMENT] =
    g_param_spec_object ("hadjustment", NULL, NULL, GTK_TYPE_ADJUSTMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  pinned_x_quark = g_quark_from_static_string ("eligo-comparison-table-pinned-x");
  grid_x_quark = g_quark_from_static_string ("eligo-comparison-table-grid-x");
}

static void
eligo_comparison_table_init (EligoComparisonTable *self)
{
}

GtkWidget *
eligo_comparison_table_new (void)
{
  return g_object_new (ELIGO_TYPE_COMPARISON_TABLE, NULL);
}

/**
 * eligo_comparison_table_get_child:
 *
 * Returns: (transfer none) (nullable): the table's grid
 */
GtkWidget *
eligo_comparison_table_get_child (EligoComparisonTable *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_TABLE (self), NULL);

  return self->child;
}

void
eligo_comparison_table_set_child (EligoComparisonTable *self,
                                  GtkWidget            *child)
{
  g_return_if_fail (ELIGO_IS_COMPARISON_TABLE (self));
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

/**
 * eligo_comparison_table_get_hadjustment:
 *
 * Returns: (transfer none) (nullable): the adjustment the first column
 *   follows
 */
GtkAdjustment *
eligo_comparison_table_get_hadjustment (EligoComparisonTable *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON_TABLE (self), NULL);

  return self->hadjustment;
}

void
eligo_comparison_table_set_hadjustment (EligoComparisonTable *self,
                                        GtkAdjustment        *hadjustment)
{
  g_return_if_fail (ELIGO_IS_COMPARISON_TABLE (self));
  g_return_if_fail (hadjustment == NULL || GTK_IS_ADJUSTMENT (hadjustment));

  if (self->hadjustment == hadjustment)
    return;

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_value_changed_cb, self);
  g_set_object (&self->hadjustment, hadjustment);
  if (hadjustment != NULL)
    g_signal_connect_swapped (hadjustment, "value-changed", G_CALLBACK (on_value_changed_cb),
                              self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HADJUSTMENT]);
}
