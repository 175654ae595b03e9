/* eligo-window.c
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
#include "eligo-trial-list.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

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

enum {
  COLUMN_NCT_ID,
  COLUMN_TITLE,
  COLUMN_STATUS,
  COLUMN_PHASE,
  COLUMN_ENROLLMENT,
  COLUMN_START_DATE,
  COLUMN_COMPLETION_DATE,
  COLUMN_LAST_UPDATE,
  COLUMN_SPONSOR,
  COLUMN_AGES,
  COLUMN_CONDITIONS,
  N_COLUMNS
};

/* In the order of the enum above. */
static const ColumnInfo column_info[N_COLUMNS] = {
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

struct _EligoWindow
{
  GtkApplicationWindow  parent_instance;

  EligoDatabase        *database;
  EligoTrialList       *trials;
  GSettings            *settings;
  GtkSorter            *sorter;
  gulong                sorter_changed_id;

  /* Template widgets */
  GtkLabel             *subtitle_label;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkColumnViewColumn  *columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (EligoWindow, eligo_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
find_column_by_id (const char *id)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (g_strcmp0 (column_info[i].id, id) == 0)
        return i;
    }

  return -1;
}

static int
find_column_by_field (EligoSortField field)
{
  for (guint i = 0; i < N_COLUMNS; i++)
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

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (self->columns[i] == column)
        return i;
    }

  return -1;
}

static void
eligo_window_update_count (EligoWindow *self)
{
  g_autofree char *subtitle = NULL;
  guint n_items = 0;

  g_assert (ELIGO_IS_WINDOW (self));

  if (self->trials != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->trials));

  subtitle = eligo_format_trial_count (n_items);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "trials" : "empty");
}

/* Runs the query of the trial list again, sorted by @field. */
static void
eligo_window_set_sort (EligoWindow    *self,
                       EligoSortField  field,
                       gboolean        descending)
{
  g_autoptr(EligoTrialQuery) query = NULL;
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

  if (!eligo_trial_list_set_query (self->trials, query, &error))
    g_warning ("Could not sort the trial list by %s: %s",
               eligo_sort_field_to_string (field), error->message);
}

static void
eligo_window_restore_columns (EligoWindow *self)
{
  g_auto(GStrv) visible = NULL;
  g_autoptr(GVariant) widths = NULL;
  gboolean placed[N_COLUMNS] = { FALSE, };
  guint position = 0;

  g_assert (ELIGO_IS_WINDOW (self));

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

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int width;

      /* Never hide every column: an empty header would look broken. */
      gtk_column_view_column_set_visible (self->columns[i], placed[i] || position == 0);

      if (g_variant_lookup (widths, column_info[i].id, "i", &width) && width > 0)
        gtk_column_view_column_set_fixed_width (self->columns[i], width);
    }
}

static void
eligo_window_save_columns (EligoWindow *self)
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

static void
eligo_window_restore_sort (EligoWindow *self)
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

static void
eligo_window_set_database (EligoWindow   *self,
                           EligoDatabase *database)
{
  g_assert (ELIGO_IS_WINDOW (self));
  g_assert (self->database == NULL);

  if (database == NULL)
    return;

  self->database = g_object_ref (database);
  self->trials = eligo_trial_list_new (database);
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
format_ages_cb (gpointer item,
                double   min_age_years,
                double   max_age_years)
{
  return eligo_format_age_range (min_age_years, max_age_years);
}

static void
on_trials_items_changed_cb (EligoWindow *self,
                            guint        position,
                            guint        removed,
                            guint        added,
                            GListModel  *model)
{
  g_assert (ELIGO_IS_WINDOW (self));

  eligo_window_update_count (self);
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

static gboolean
eligo_window_close_request (GtkWindow *window)
{
  EligoWindow *self = ELIGO_WINDOW (window);

  _eligo_window_save_state (self);

  return GTK_WINDOW_CLASS (eligo_window_parent_class)->close_request (window);
}

static void
eligo_window_constructed (GObject *object)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  G_OBJECT_CLASS (eligo_window_parent_class)->constructed (object);

  eligo_window_restore_columns (self);

  if (self->trials != NULL)
    {
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->trials));
      g_signal_connect_object (self->trials,
                               "items-changed",
                               G_CALLBACK (on_trials_items_changed_cb),
                               self,
                               G_CONNECT_SWAPPED);
      eligo_window_restore_sort (self);
    }

  eligo_window_update_count (self);
}

static void
eligo_window_dispose (GObject *object)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  /* Columns leave the sorter as the column view goes away; that is no sort
   * order to run or remember.
   */
  if (self->sorter != NULL)
    g_clear_signal_handler (&self->sorter_changed_id, self->sorter);
  g_clear_object (&self->sorter);

  g_clear_object (&self->trials);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eligo_window_parent_class)->dispose (object);
}

static void
eligo_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EligoWindow *self = ELIGO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      eligo_window_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_window_class_init (EligoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = eligo_window_constructed;
  object_class->dispose = eligo_window_dispose;
  object_class->get_property = eligo_window_get_property;
  object_class->set_property = eligo_window_set_property;

  window_class->close_request = eligo_window_close_request;

  /**
   * EligoWindow:database:
   *
   * The trial database the window shows.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ELIGO_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               ELIGO_RESOURCE_BASE "/ui/eligo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, EligoWindow, selection);
  for (guint i = 0; i < N_COLUMNS; i++)
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
  gtk_widget_class_bind_template_callback (widget_class, format_enrollment_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_ages_cb);

  g_type_ensure (ELIGO_TYPE_TRIAL);
}

static void
eligo_window_init (EligoWindow *self)
{
  int width;
  int height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (ELIGO_ID);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkSorter) sorter = eligo_column_sorter_new (column_info[i].field);

      gtk_column_view_column_set_sorter (self->columns[i], sorter);
    }

  self->sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->sorter_changed_id = g_signal_connect_swapped (self->sorter,
                                                      "changed",
                                                      G_CALLBACK (on_sorter_changed_cb),
                                                      self);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/**
 * eligo_window_new:
 * @application: (nullable): the application
 * @database: the trial database to show
 *
 * Returns: (transfer none): a new main window
 */
EligoWindow *
eligo_window_new (GtkApplication *application,
                  EligoDatabase  *database)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  return g_object_new (ELIGO_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

EligoDatabase *
eligo_window_get_database (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->database;
}

GtkColumnView *
_eligo_window_get_column_view (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->column_view;
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

EligoTrialList *
_eligo_window_get_trial_list (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return self->trials;
}

const char *
_eligo_window_get_subtitle (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

gboolean
_eligo_window_is_empty_shown (EligoWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

/* Remembers the window size and the columns; the sort order is saved as it changes. */
void
_eligo_window_save_state (EligoWindow *self)
{
  int width;
  int height;

  g_return_if_fail (ELIGO_IS_WINDOW (self));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  eligo_window_save_columns (self);

  g_settings_apply (self->settings);
}
