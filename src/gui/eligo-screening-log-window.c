/* eligo-screening-log-window.c
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
 *
 * The screening log: every saved screening, newest first, with filters,
 * CSV export, the per-trial funnel and a read-only view of what was saved.
 * The log is small (one line per screening), so it is read whole and
 * sorted and filtered in memory.
 */

#define G_LOG_DOMAIN "eligo-screening-log-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-format.h"
#include "eligo-screening-log-window-private.h"

/* The side panel's width when the window opens; the user may drag it wider. */
#define SIDE_PANEL_WIDTH 360
#define MIN_LIST_WIDTH   420

G_DEFINE_FINAL_TYPE (EligoScreeningLogWindow, eligo_screening_log_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The outcome drop-down, in the order of its items. */
static const char * const outcomes[] = { NULL, "eligible", "ineligible", "pending" };

EligoScreeningLogRow *
_eligo_screening_log_window_get_selected_row (EligoScreeningLogWindow *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ELIGO_IS_SCREENING_LOG_ROW (item) ? item : NULL;
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  EligoScreeningLogWindow *self = user_data;
  EligoScreeningLogRow *row = item;
  const char *date = eligo_screening_log_row_get_date (row);

  if (self->trial != NULL
      && g_strcmp0 (eligo_screening_log_row_get_nct_id (row), self->trial) != 0)
    return FALSE;
  if (self->verdict != NULL
      && g_strcmp0 (eligo_screening_log_row_get_verdict (row), self->verdict) != 0)
    return FALSE;
  if (self->search != NULL
      && strstr (eligo_screening_log_row_get_search_key (row), self->search) == NULL)
    return FALSE;
  if (self->since != NULL && strcmp (date, self->since) < 0)
    return FALSE;
  if (self->until != NULL && strcmp (date, self->until) > 0)
    return FALSE;

  return TRUE;
}

/* Reads a date typed as YYYY-MM-DD. Sets @complete when it is long enough to judge. */
static gboolean
parse_date (const char  *text,
            char       **date,
            gboolean    *complete)
{
  int year, month, day;

  *date = NULL;
  *complete = FALSE;

  for (const char *p = text; *p; p++)
    {
      gsize i = p - text;

      if (i >= 10)
        break;
      if ((i == 4 || i == 7) ? *p != '-' : !g_ascii_isdigit (*p))
        {
          *complete = TRUE;
          return FALSE;
        }
    }

  if (strlen (text) < 10)
    return FALSE;

  *complete = TRUE;
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;

  *date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

static void
set_entry_invalid (GtkEntry *entry,
                   gboolean  invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
filters_active (EligoScreeningLogWindow *self)
{
  return gtk_drop_down_get_selected (self->trial_dropdown) > 0
         || gtk_drop_down_get_selected (self->outcome_dropdown) > 0
         || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0'
         || *gtk_editable_get_text (GTK_EDITABLE (self->from_entry)) != '\0'
         || *gtk_editable_get_text (GTK_EDITABLE (self->to_entry)) != '\0';
}

static void
update_state (EligoScreeningLogWindow *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *count = NULL;

  if (self->n_total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (n_shown == self->n_total)
    count = g_strdup_printf (ngettext ("%u screening", "%u screenings", n_shown), n_shown);
  else
    /* Translators: the screenings the filters let through, of all screenings */
    count = g_strdup_printf (ngettext ("%u of %u screening", "%u of %u screenings", self->n_total),
                             n_shown, self->n_total);
  gtk_label_set_label (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export-csv", n_shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.clear-filters", filters_active (self));
  gtk_widget_set_sensitive (self->toolbar, self->n_total > 0);

  _eligo_screening_log_window_update_panel (self);
}

/* Reads the filter widgets and applies them. */
static void
apply_filters (EligoScreeningLogWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  gboolean from_complete, to_complete;
  gboolean from_invalid, to_invalid, reversed = FALSE;
  guint trial = gtk_drop_down_get_selected (self->trial_dropdown);
  guint outcome = gtk_drop_down_get_selected (self->outcome_dropdown);
  g_autofree char *search_key = NULL;

  if (self->updating)
    return;

  g_clear_pointer (&self->trial, g_free);
  if (trial != GTK_INVALID_LIST_POSITION && trial > 0)
    self->trial = g_strdup (gtk_string_list_get_string (self->trial_list, trial));

  self->verdict = outcome < G_N_ELEMENTS (outcomes) ? outcomes[outcome] : NULL;

  search_key = g_utf8_casefold (g_strstrip (g_strdup (search)), -1);
  g_clear_pointer (&self->search, g_free);
  if (*search_key != '\0')
    self->search = g_steal_pointer (&search_key);

  from_invalid = !parse_date (from, &since, &from_complete) && from_complete;
  to_invalid = !parse_date (to, &until, &to_complete) && to_complete;
  if (since != NULL && until != NULL && strcmp (since, until) > 0)
    {
      reversed = TRUE;
      g_clear_pointer (&until, g_free);
    }

  set_entry_invalid (self->from_entry, from_invalid);
  set_entry_invalid (self->to_entry, to_invalid || reversed);
  if (from_invalid || to_invalid)
    gtk_label_set_label (self->date_error_label, _("Enter dates as YYYY-MM-DD"));
  else if (reversed)
    gtk_label_set_label (self->date_error_label, _("“To” is before “From”"));
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label),
                          from_invalid || to_invalid || reversed);

  g_free (self->since);
  self->since = g_steal_pointer (&since);
  g_free (self->until);
  self->until = g_steal_pointer (&until);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Fills the trial drop-down with the trials in the log, keeping the choice. */
static void
update_trial_list (EligoScreeningLogWindow *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->trial_list));
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoScreeningLogRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char *nct_id = eligo_screening_log_row_get_record (row)->nct_id;

      if (nct_id != NULL && g_hash_table_add (seen, (gpointer) nct_id))
        g_ptr_array_add (ids, (gpointer) nct_id);
    }
  g_ptr_array_sort (ids, compare_strings);

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (ids, i), self->trial) == 0)
        selected = i + 1;
    }
  g_ptr_array_insert (ids, 0, (gpointer) _("All trials"));
  g_ptr_array_add (ids, NULL);

  gtk_string_list_splice (self->trial_list, 0, n_old, (const char * const *) ids->pdata);
  gtk_drop_down_set_selected (self->trial_dropdown, selected);
}

static void
select_row_by_id (EligoScreeningLogWindow *self,
                  gint64                   id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoScreeningLogRow) row = NULL;

      row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (eligo_screening_log_row_get_record (row)->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
show_export_error (EligoScreeningLogWindow *self,
                   GFile                   *file,
                   const GError            *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("Could not export the screening log to “%s”"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response_cb (EligoScreeningLogWindow *self,
                       int                      response,
                       GtkNativeDialog         *dialog)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->export_dialog);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (dialog, on_export_response_cb, self);

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && !_eligo_screening_log_window_export_to_file (self, file, &error))
    show_export_error (self, file, error);
}

static void
on_search_changed_cb (EligoScreeningLogWindow *self)
{
  apply_filters (self);
}

/* Escape: clear the search first, then close. */
static void
on_search_stop_cb (EligoScreeningLogWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_filter_changed_cb (EligoScreeningLogWindow *self)
{
  apply_filters (self);
}

static void
on_date_changed_cb (EligoScreeningLogWindow *self)
{
  apply_filters (self);
}

static void
on_selected_item_cb (EligoScreeningLogWindow *self)
{
  if (self->database == NULL || self->updating)
    return;

  _eligo_screening_log_window_update_panel (self);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->export_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
      return;
    }

  self->export_dialog = gtk_file_chooser_native_new (_("Export Screening Log"),
                                                     GTK_WINDOW (self),
                                                     GTK_FILE_CHOOSER_ACTION_SAVE,
                                                     _("_Export"),
                                                     _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);

  name = _eligo_screening_log_window_dup_default_export_name ();
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_dialog), name);

  gtk_file_filter_set_name (csv_filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_filter_add_suffix (csv_filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_dialog), csv_filter);
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_dialog), all_filter);

  g_signal_connect_swapped (self->export_dialog, "response",
                            G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  eligo_screening_log_window_reload (ELIGO_SCREENING_LOG_WINDOW (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (widget);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->trial_dropdown, 0);
  gtk_drop_down_set_selected (self->outcome_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->updating = FALSE;

  apply_filters (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* eligo-cli (or another window's import) committed: read the log again. */
static void
on_watch_changed_cb (EligoScreeningLogWindow *self,
                     EligoDatabaseWatch      *watch)
{
  eligo_screening_log_window_reload (self);
}

static void
on_is_active_changed_cb (EligoScreeningLogWindow *self,
                         GParamSpec              *pspec,
                         gpointer                 user_data)
{
  gboolean active = gtk_window_is_active (GTK_WINDOW (self));

  if (self->watch == NULL)
    return;

  eligo_database_watch_set_polling (self->watch, active);
  if (active)
    eligo_database_watch_check (self->watch);
}

static void
eligo_screening_log_window_constructed (GObject *object)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (object);

  G_OBJECT_CLASS (eligo_screening_log_window_parent_class)->constructed (object);

  if (self->database != NULL)
    {
      self->watch = eligo_database_watch_new (self->database);
      g_signal_connect_object (self->watch, "changed",
                               G_CALLBACK (on_watch_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);
    }

  eligo_screening_log_window_reload (self);
}

/* Fix the split once, so that the side panel does not follow its contents. */
static void
eligo_screening_log_window_realize (GtkWidget *widget)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (widget);
  int width, height;

  GTK_WIDGET_CLASS (eligo_screening_log_window_parent_class)->realize (widget);

  /* GTK 4.8 crashes on a NULL height. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0)
    gtk_paned_set_position (self->paned, MAX (width - SIDE_PANEL_WIDTH, MIN_LIST_WIDTH));
}

static void
eligo_screening_log_window_dispose (GObject *object)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (object);

  if (self->export_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->export_dialog, on_export_response_cb, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
      g_clear_object (&self->export_dialog);
    }

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  g_clear_object (&self->filter);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->database);
  g_clear_pointer (&self->funnel, eligo_funnel_free);

  G_OBJECT_CLASS (eligo_screening_log_window_parent_class)->dispose (object);
}

static void
eligo_screening_log_window_finalize (GObject *object)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (object);

  g_clear_pointer (&self->trial, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->since, g_free);
  g_clear_pointer (&self->until, g_free);

  G_OBJECT_CLASS (eligo_screening_log_window_parent_class)->finalize (object);
}

static void
eligo_screening_log_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (object);

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
eligo_screening_log_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  EligoScreeningLogWindow *self = ELIGO_SCREENING_LOG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_set_object (&self->database, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_screening_log_window_class_init (EligoScreeningLogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = eligo_screening_log_window_constructed;
  object_class->dispose = eligo_screening_log_window_dispose;
  object_class->finalize = eligo_screening_log_window_finalize;
  object_class->get_property = eligo_screening_log_window_get_property;
  object_class->set_property = eligo_screening_log_window_set_property;

  widget_class->realize = eligo_screening_log_window_realize;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ELIGO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ELIGO_TYPE_SCREENING_LOG_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, ELIGO_RESOURCE_BASE
                                               "/ui/eligo-screening-log-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, toolbar);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, trial_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, trial_list);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, date_column);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, sort_model);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, filter_model);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, store);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, funnel_box);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, funnel_nct_id);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, funnel_title);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, screened_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, screened_value);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, eligible_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, eligible_value);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, ineligible_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, ineligible_value);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, pending_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, pending_value);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, details_stack);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, detail_screening_id);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, detail_verdict_box);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, detail_verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow,
                                        detail_verdict_label);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, detail_grid);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, criteria_heading);
  gtk_widget_class_bind_template_child (widget_class, EligoScreeningLogWindow, criteria_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_cb);

  gtk_widget_class_install_action (widget_class, "log.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "log.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "log.screen-again", NULL,
                                   _eligo_screening_log_window_screen_again_action);
  gtk_widget_class_install_action (widget_class, "log.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "log.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "log.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "log.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "log.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "log.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
eligo_screening_log_window_init (EligoScreeningLogWindow *self)
{
  GtkLevelBar *bars[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));

  /* The bars show plain proportions: no low/high/full colours. */
  bars[0] = self->screened_bar;
  bars[1] = self->eligible_bar;
  bars[2] = self->ineligible_bar;
  bars[3] = self->pending_bar;
  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      gtk_level_bar_remove_offset_value (bars[i], GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (bars[i], GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (bars[i], GTK_LEVEL_BAR_OFFSET_FULL);
    }

  gtk_column_view_sort_by_column (self->column_view, self->date_column, GTK_SORT_DESCENDING);
}

/**
 * eligo_screening_log_window_new:
 * @parent: (nullable): the main window
 * @database: where the screenings are saved
 *
 * Returns: (transfer none): a new screening log window, transient for @parent
 */
GtkWidget *
eligo_screening_log_window_new (GtkWindow     *parent,
                                EligoDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  return g_object_new (ELIGO_TYPE_SCREENING_LOG_WINDOW,
                       "database", database,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

EligoDatabase *
eligo_screening_log_window_get_database (EligoScreeningLogWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_WINDOW (self), NULL);

  return self->database;
}

/**
 * eligo_screening_log_window_reload:
 *
 * Reads the log again from the database, for instance after a screening
 * was saved. Filters and the selected screening are kept.
 */
void
eligo_screening_log_window_reload (EligoScreeningLogWindow *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  EligoScreeningLogRow *selected;
  gint64 selected_id = 0;

  g_return_if_fail (ELIGO_IS_SCREENING_LOG_WINDOW (self));

  if (self->database == NULL)
    return;

  /* What is read now needs no second reload when the watch notices it. */
  if (self->watch != NULL)
    eligo_database_watch_sync (self->watch);

  selected = _eligo_screening_log_window_get_selected_row (self);
  if (selected != NULL)
    selected_id = eligo_screening_log_row_get_record (selected)->id;

  records = eligo_database_list_screenings (self->database, NULL, &error);
  if (records == NULL)
    {
      g_warning ("Could not read the screening log: %s", error->message);
      records = g_ptr_array_new ();
    }

  /* The rows take the records. */
  g_ptr_array_set_free_func (records, NULL);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (rows, eligo_screening_log_row_new (g_ptr_array_index (records, i)));

  self->updating = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  self->n_total = rows->len;
  update_trial_list (self);
  self->updating = FALSE;

  /* Counts and snapshots may have changed under the same ids. */
  g_clear_pointer (&self->funnel, eligo_funnel_free);
  self->snapshot_id = 0;

  apply_filters (self);
  if (selected_id != 0)
    select_row_by_id (self, selected_id);
}

/* ---- For the tests ---------------------------------------------------------- */

GListModel *
_eligo_screening_log_window_get_shown (EligoScreeningLogWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

const char *
_eligo_screening_log_window_get_state (EligoScreeningLogWindow *self)
{
  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
_eligo_screening_log_window_set_trial (EligoScreeningLogWindow *self,
                                       const char              *nct_id)
{
  guint n;

  g_return_if_fail (ELIGO_IS_SCREENING_LOG_WINDOW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->trial_list));
  for (guint i = 1; i < n; i++)
    {
      if (nct_id != NULL && g_strcmp0 (gtk_string_list_get_string (self->trial_list, i),
                                       nct_id) == 0)
        {
          gtk_drop_down_set_selected (self->trial_dropdown, i);
          return;
        }
    }

  gtk_drop_down_set_selected (self->trial_dropdown, 0);
}

void
_eligo_screening_log_window_set_outcome (EligoScreeningLogWindow *self,
                                         const char              *verdict)
{
  g_return_if_fail (ELIGO_IS_SCREENING_LOG_WINDOW (self));

  for (guint i = 1; i < G_N_ELEMENTS (outcomes); i++)
    {
      if (g_strcmp0 (outcomes[i], verdict) == 0)
        {
          gtk_drop_down_set_selected (self->outcome_dropdown, i);
          return;
        }
    }

  gtk_drop_down_set_selected (self->outcome_dropdown, 0);
}

/**
 * _eligo_screening_log_window_export_to_file:
 *
 * Writes the screenings shown, in the order shown, as CSV. The file is
 * replaced atomically: a failed export leaves an older file as it was.
 */
gboolean
_eligo_screening_log_window_export_to_file (EligoScreeningLogWindow  *self,
                                            GFile                    *file,
                                            GError                  **error)
{
  GListModel *shown;
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autofree char *csv = NULL;
  guint n;

  g_return_val_if_fail (ELIGO_IS_SCREENING_LOG_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  shown = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoScreeningLogRow) row = g_list_model_get_item (shown, i);

      g_ptr_array_add (records, (gpointer) eligo_screening_log_row_get_record (row));
    }

  csv = eligo_screening_log_to_csv (records);

  /* The log carries patient data. REPLACE_DESTINATION writes a new file
   * rather than keeping an old one's mode, so it ends 0600 even over a
   * file others could read. */
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

char *
_eligo_screening_log_window_dup_default_export_name (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "screening-log-%Y-%m-%d.csv");
}
