/* eligo-column-sorter.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "eligo-column-sorter"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-column-sorter.h"

/*
 * EligoColumnSorter is the sorter of a trial list column. It never sorts
 * anything itself: SQLite does (see DESIGN.md, "Data"). It only says which
 * database column its view column stands for.
 *
 * GTK 4.8 cannot tell which column of a GtkColumnView is the primary sort
 * column (the GtkColumnViewSorter getters are 4.10), so
 * eligo_column_sorter_probe() asks the column view's sorter to compare two
 * dummy items. GtkColumnViewSorter consults its column sorters from the
 * primary one on and stops at the first that does not say "equal"; ours
 * says "smaller" while probing, so the first one consulted is the primary
 * column, and the column view sorter turns "smaller" into "larger" when that
 * column is sorted in descending order.
 */

struct _EligoColumnSorter
{
  GtkSorter      parent_instance;

  EligoSortField field;
};

G_DEFINE_FINAL_TYPE (EligoColumnSorter, eligo_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Set only during eligo_column_sorter_probe(), on the GTK thread. */
static gboolean probing;
static EligoColumnSorter *consulted;

static GtkOrdering
eligo_column_sorter_compare (GtkSorter *sorter,
                             gpointer   item1,
                             gpointer   item2)
{
  EligoColumnSorter *self = ELIGO_COLUMN_SORTER (sorter);

  if (!probing)
    return GTK_ORDERING_EQUAL;

  if (consulted == NULL)
    consulted = self;

  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
eligo_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
eligo_column_sorter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EligoColumnSorter *self = ELIGO_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_int (value, self->field);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_column_sorter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EligoColumnSorter *self = ELIGO_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      eligo_column_sorter_set_field (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_column_sorter_class_init (EligoColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = eligo_column_sorter_get_property;
  object_class->set_property = eligo_column_sorter_set_property;

  sorter_class->compare = eligo_column_sorter_compare;
  sorter_class->get_order = eligo_column_sorter_get_order;

  /**
   * EligoColumnSorter:field:
   *
   * The database column (an #EligoSortField) this view column sorts by.
   */
  properties[PROP_FIELD] =
    g_param_spec_int ("field", NULL, NULL,
                      0, ELIGO_N_SORT_FIELDS - 1, ELIGO_SORT_NCT_ID,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_column_sorter_init (EligoColumnSorter *self)
{
  self->field = ELIGO_SORT_NCT_ID;
}

GtkSorter *
eligo_column_sorter_new (EligoSortField field)
{
  g_return_val_if_fail (field < ELIGO_N_SORT_FIELDS, NULL);

  return g_object_new (ELIGO_TYPE_COLUMN_SORTER,
                       "field", field,
                       NULL);
}

EligoSortField
eligo_column_sorter_get_field (EligoColumnSorter *self)
{
  g_return_val_if_fail (ELIGO_IS_COLUMN_SORTER (self), ELIGO_SORT_NCT_ID);

  return self->field;
}

void
eligo_column_sorter_set_field (EligoColumnSorter *self,
                               EligoSortField     field)
{
  g_return_if_fail (ELIGO_IS_COLUMN_SORTER (self));
  g_return_if_fail (field < ELIGO_N_SORT_FIELDS);

  if (self->field == field)
    return;

  self->field = field;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * eligo_column_sorter_probe:
 * @sorter: a sorter, usually a column view's GtkColumnViewSorter
 * @field: (out) (optional): the field of the primary column
 * @descending: (out) (optional): whether that column is sorted in descending order
 *
 * Finds the primary sort column of a column view whose columns have
 * EligoColumnSorters, by comparing two dummy items through @sorter.
 *
 * Returns: %TRUE if @sorter sorts by an EligoColumnSorter; %FALSE if it
 *   sorts by nothing (then @field and @descending are not set)
 */
gboolean
eligo_column_sorter_probe (GtkSorter      *sorter,
                           EligoSortField *field,
                           gboolean       *descending)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  EligoColumnSorter *primary;
  GtkOrdering ordering;

  g_return_val_if_fail (GTK_IS_SORTER (sorter), FALSE);
  g_return_val_if_fail (!probing, FALSE);

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);

  probing = TRUE;
  consulted = NULL;
  ordering = gtk_sorter_compare (sorter, a, b);
  primary = consulted;
  consulted = NULL;
  probing = FALSE;

  if (primary == NULL || ordering == GTK_ORDERING_EQUAL)
    return FALSE;

  if (field != NULL)
    *field = primary->field;
  if (descending != NULL)
    *descending = ordering == GTK_ORDERING_LARGER;

  return TRUE;
}
