/* eligo-window-columns.c
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

#define G_LOG_DOMAIN "eligo-window"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-column-sorter.h"
#include "eligo-format.h"
#include "eligo-trial.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

/*
 * The columns of the trial list: their cells, the column chooser, and the
 * sort order. The columns' sorters never sort; the window finds which one
 * the user clicked (see eligo-column-sorter.c) and runs the query again,
 * sorted by that column. Order, visibility and widths are kept in GSettings.
 */

/*
 * The columns of the trial list. The id is the name kept in the
 * "visible-columns" and "column-widths" settings; the field is the database
 * column SQLite sorts by when the user clicks the column header.
 */
typedef struct
{
  const char     *id;
  const char     *child_name;
  EligoSortField  field;
} ColumnInfo;

/* In the order of the enum in eligo-window-private.h. */
static const ColumnInfo column_info[ELIGO_N_COLUMNS] = {
  { "nct_id",          "nct_id_column",          ELIGO_SORT_NCT_ID },
  { "title",           "title_column",           ELIGO_SORT_TITLE },
  { "status",          "status_column",          ELIGO_SORT_STATUS },
  { "phase",           "phase_column",           ELIGO_SORT_PHASE },
  { "enrollment",      "enrollment_column",      ELIGO_SORT_ENROLLMENT },
  { "start_date",      "start_date_column",      ELIGO_SORT_START_DATE },
  { "completion_date", "completion_date_column", ELIGO_SORT_COMPLETION_DATE },
  { "last_update",     "last_update_column",     ELIGO_SORT_LAST_UPDATE },
  { "sponsor",         "sponsor_column",         ELIGO_SORT_SPONSOR },
  { "ages",            "ages_column",            ELIGO_SORT_MIN_AGE },
  { "conditions",      "conditions_column",      ELIGO_SORT_CONDITIONS },
};

static int
find_column_by_id (const char *id)
{
  for (guint i = 0; i < ELIGO_N_COLUMNS; i++)
    {
      if (g_strcmp0 (column_info[i].id, id) == 0)
        return i;
    }

  return -1;
}

static int
find_column_by_field (EligoSortField field)
{
  for (guint i = 0; i < ELIGO_N_COLUMNS; i++)
    {
      if (column_info[i].field == field)
        return i;
    }

  return -1;
}

static int
find_column (EligoWindow         *self,
             GtkColumnViewColumn *column)
{
  g_assert (ELIGO_IS_WINDOW (self));

  for (guint i = 0; i < ELIGO_N_COLUMNS; i++)
    {
      if (self->columns[i] == column)
        return i;
    }

  return -1;
}

/* Runs the query of the trial list again, sorted by @field. */
static void
eligo_window_set_sort (EligoWindow    *self,
                       EligoSortField  field,
                       gboolean        descending)
{
  g_autoptr(EligoTrialQuery) query = NULL;
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  const EligoTrialQuery *current;

  g_assert (ELIGO_IS_WINDOW (self));
  g_assert (self->trials != NULL);

  current = eligo_trial_list_get_query (self->trials);
  if (current != NULL && current->sort == field && !current->descending == !descending)
    return;

  query = current != NULL ? eligo_trial_query_copy (current) : eligo_trial_query_new ();
  query->sort = field;
  query->descending = !!descending;

  selected = _eligo_window_dup_selected_ids (self);

  if (!eligo_trial_list_set_query (self->trials, query, &error))
    g_warning ("Could not sort the trial list by %s: %s",
               eligo_sort_field_to_string (field), error->message);

  _eligo_window_select_ids (self, selected);
}

void
_eligo_window_restore_columns (EligoWindow *self)
{
  g_auto(GStrv) visible = NULL;
  g_autoptr(GVariant) widths = NULL;
  gboolean placed[ELIGO_N_COLUMNS] = { FALSE, };
  guint position = 0;

  g_return_if_fail (ELIGO_IS_WINDOW (self));

  visible = g_settings_get_strv (self->settings, "visible-columns");
  widths = g_settings_get_value (self->settings, "column-widths");

  /* Shown columns first, in the saved order; the hidden ones after them. */
  for (guint i = 0; visible[i] != NULL; i++)
    {
      int column = find_column_by_id (visible[i]);

      if (column < 0 || placed[column])
        continue;

      placed[column] = TRUE;
      gtk_column_view_insert_column (self->column_view, position++, self->columns[column]);
    }

  for (guint i = 0; i < ELIGO_N_COLUMNS; i++)
    {
      int width;

      /* Never hide every column: an empty header would look broken. */
      gtk_column_view_column_set_visible (self->columns[i], placed[i] || position == 0);

      if (g_variant_lookup (widths, column_info[i].id, "i", &width) && width > 0)
        gtk_column_view_column_set_fixed_width (self->columns[i], width);
    }
}

void
_eligo_window_save_columns (EligoWindow *self)
{
  g_autoptr(GStrvBuilder) visible = NULL;
  g_auto(GStrv) visible_strv = NULL;
  GVariantBuilder widths;
  GListModel *columns;
  guint n_columns;

  g_assert (ELIGO_IS_WINDOW (self));

  columns = gtk_column_view_get_columns (self->column_view);
  n_columns = g_list_model_get_n_items (columns);
  visible = g_strv_builder_new ();
  g_variant_builder_init (&widths, G_VARIANT_TYPE ("a{si}"));

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int index = find_column (self, column);
      int width;

      if (index < 0)
        continue;

      if (gtk_column_view_column_get_visible (column))
        g_strv_builder_add (visible, column_info[index].id);

      width = gtk_column_view_column_get_fixed_width (column);
      if (width > 0)
        g_variant_builder_add (&widths, "{si}", column_info[index].id, width);
    }

  visible_strv = g_strv_builder_end (visible);
  g_settings_set_strv (self->settings, "visible-columns", (const char * const *) visible_strv);
  g_settings_set_value (self->settings, "column-widths", g_variant_builder_end (&widths));
}

void
_eligo_window_restore_sort (EligoWindow *self)
{
  g_autofree char *name = NULL;
  EligoSortField field;
  gboolean descending;
  int column;

  g_assert (ELIGO_IS_WINDOW (self));
  g_assert (self->trials != NULL);

  name = g_settings_get_string (self->settings, "sort-column");
  descending = g_settings_get_boolean (self->settings, "sort-descending");

  if (!eligo_sort_field_from_string (name, &field))
    {
      g_debug ("Unknown sort column “%s”, sorting by last update", name);
      field = ELIGO_SORT_LAST_UPDATE;
      descending = TRUE;
    }

  column = find_column_by_field (field);

  /* The column view's sorter emits ::changed, which runs the query. */
  if (column >= 0)
    gtk_column_view_sort_by_column (self->column_view,
                                    self->columns[column],
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  else
    eligo_window_set_sort (self, field, descending);
}

static char *
format_text_cb (gpointer    item,
                const char *text)
{
  return eligo_format_text (text);
}

static char *
format_date_cb (gpointer    item,
                const char *date)
{
  return eligo_format_date (date);
}

static char *
format_status_cb (gpointer    item,
                  const char *status)
{
  return eligo_format_status (status);
}

/* Closed trials (completed, withdrawn…) get the "closed" style class. */
static char **
status_css_classes_cb (gpointer    item,
                       const char *status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "trial-status");
  if (status != NULL && status[0] != '\0' && !eligo_status_is_open (status))
    g_strv_builder_add (builder, "closed");

  return g_strv_builder_end (builder);
}

/* Archived trials, listed when "Show Archived Trials" is on, get the "archived" style class. */
static char **
archived_css_classes_cb (gpointer item,
                         gboolean archived)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "trial-title");
  if (archived)
    g_strv_builder_add (builder, "archived");

  return g_strv_builder_end (builder);
}

static char *
format_phases_cb (gpointer    item,
                  const char *phases)
{
  return eligo_format_phases (phases);
}

static char *
format_enrollment_cb (gpointer item,
                      int      enrollment)
{
  return eligo_format_enrollment (enrollment);
}

static char *
format_ages_cb (gpointer    item,
                double      min_age_years,
                double      max_age_years,
                const char *age_source)
{
  g_autofree char *range = eligo_format_age_range (min_age_years, max_age_years);

  if (g_strcmp0 (age_source, "criteria") == 0 && *range != '\0')
    /* Translators: ages the registry does not give, read from the
     * eligibility criteria, e.g. "1–39 (from criteria)" */
    return g_strdup_printf (_("%s (from criteria)"), range);

  return g_steal_pointer (&range);
}

static char *
format_ages_tooltip_cb (gpointer    item,
                        const char *age_source)
{
  if (g_strcmp0 (age_source, "criteria") == 0)
    return g_strdup (_("The registry gives no ages: these were read from the eligibility criteria"));

  return NULL;
}

/*
 * The user clicked a column header, or eligo_window_restore_sort() chose a
 * column: find the primary sort column (see eligo-column-sorter.c), let
 * SQLite sort by it, and remember it.
 */
static void
on_sorter_changed_cb (EligoWindow     *self,
                      GtkSorterChange  change,
                      GtkSorter       *sorter)
{
  EligoSortField field;
  gboolean descending;

  g_assert (ELIGO_IS_WINDOW (self));
  g_assert (GTK_IS_SORTER (sorter));

  if (self->trials == NULL)
    return;

  /* Nothing to sort by: keep the current order. */
  if (!eligo_column_sorter_probe (sorter, &field, &descending))
    return;

  eligo_window_set_sort (self, field, descending);

  g_settings_set_string (self->settings, "sort-column", eligo_sort_field_to_string (field));
  g_settings_set_boolean (self->settings, "sort-descending", descending);
}

void
_eligo_window_class_columns_init (EligoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < ELIGO_N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class,
                                               column_info[i].child_name,
                                               FALSE,
                                               G_STRUCT_OFFSET (EligoWindow, columns)
                                               + i * sizeof (GtkColumnViewColumn *));
  gtk_widget_class_bind_template_callback (widget_class, format_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_phases_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, archived_css_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_enrollment_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_ages_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_ages_tooltip_cb);
}

/* Sorters, header menus and the column chooser ("columns.<id>" actions). */
void
_eligo_window_columns_init (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  self->column_actions = g_simple_action_group_new ();
  for (guint i = 0; i < ELIGO_N_COLUMNS; i++)
    {
      g_autoptr(GtkSorter) sorter = eligo_column_sorter_new (column_info[i].field);
      g_autoptr(GPropertyAction) action = NULL;

      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      gtk_column_view_column_set_header_menu (self->columns[i], self->columns_menu);

      action = g_property_action_new (column_info[i].id, self->columns[i], "visible");
      g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  G_ACTION_GROUP (self->column_actions));
  g_menu_append_submenu (self->view_section, _("_Columns"), self->columns_menu);

  self->sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->sorter_changed_id = g_signal_connect_swapped (self->sorter,
                                                      "changed",
                                                      G_CALLBACK (on_sorter_changed_cb),
                                                      self);
}

void
_eligo_window_columns_dispose (EligoWindow *self)
{
  g_return_if_fail (ELIGO_IS_WINDOW (self));

  /* Columns leave the sorter as the column view goes away; that is no sort
   * order to run or remember.
   */
  if (self->sorter != NULL)
    g_clear_signal_handler (&self->sorter_changed_id, self->sorter);
  g_clear_object (&self->sorter);

  g_clear_object (&self->column_actions);
}

GtkColumnViewColumn *
_eligo_window_get_column (EligoWindow *self,
                          const char  *id)
{
  int column;

  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  column = find_column_by_id (id);

  return column >= 0 ? self->columns[column] : NULL;
}
