/* eligo-registry-search-dialog.c
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
 * What leaves the machine from here: the words in the two entries and the
 * chosen statuses (EligoRegistrySearch), and the NCT numbers the nurse
 * ticked. Nothing else.
 */

#define G_LOG_DOMAIN "eligo-registry-search-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-registry-search-dialog-private.h"

/* A page fills a window of any usual height, and the registry allows 1000. */
#define PAGE_SIZE 25

G_DEFINE_FINAL_TYPE (EligoRegistrySearchDialog, eligo_registry_search_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const status_recruiting[] = { "RECRUITING", NULL };
static const char * const status_not_yet[] = { "NOT_YET_RECRUITING", NULL };
static const char * const status_open[] = { "RECRUITING", "NOT_YET_RECRUITING", NULL };
static const char * const status_active[] = { "ACTIVE_NOT_RECRUITING", NULL };
static const char * const status_completed[] = { "COMPLETED", NULL };

static const struct
{
  const char         *label;
  const char * const *codes;    /* NULL: any status */
} status_choices[] = {
  { N_("Recruiting"), status_recruiting },
  { N_("Not yet recruiting"), status_not_yet },
  { N_("Recruiting or not yet recruiting"), status_open },
  { N_("Active, not recruiting"), status_active },
  { N_("Completed"), status_completed },
  { N_("Any status"), NULL },
};

static void load_page (EligoRegistrySearchDialog *self);

static gboolean
is_offline (EligoRegistrySearchDialog *self)
{
  return g_settings_get_boolean (self->settings, "work-offline");
}

static const char *
offline_message (void)
{
  return _("Eligo is set to work offline; turn off “Work offline” in the preferences to "
           "search the registry.");
}

const char * const *
_eligo_registry_search_dialog_status_codes (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (status_choices), NULL);

  return status_choices[position].codes;
}

/* Error messages of the client begin with what failed, in lower case. */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8];
  int len = g_unichar_to_utf8 (g_unichar_totitle (first), buffer);

  return g_strdup_printf ("%.*s%s", len, buffer, g_utf8_next_char (text));
}

static void
clear_search (EligoRegistrySearch *search)
{
  g_clear_pointer (&search->term, g_free);
  g_clear_pointer (&search->condition, g_free);
  g_clear_pointer (&search->statuses, g_strfreev);
}

static char *
entry_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static guint
count_selected (EligoRegistrySearchDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint n_selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoRegistryResult) result = g_list_model_get_item (G_LIST_MODEL (self->results),
                                                                     i);

      if (eligo_registry_result_get_selected (result))
        n_selected++;
    }

  return n_selected;
}

static void
update_add_button (EligoRegistrySearchDialog *self)
{
  guint n = count_selected (self);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("Add Trials"));
  else
    /* Translators: the button that adds the ticked search results to the library */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u Trial", "_Add %u Trials", n),
                             n);

  gtk_button_set_label (self->add_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            n > 0 && self->import_cancellable == NULL);
}

static void
set_status (EligoRegistrySearchDialog *self,
            const char                *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
}

static void
show_count (EligoRegistrySearchDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autofree char *text = NULL;

  if (self->next_page_token != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u trial shown; scroll down for more",
                                         "%u trials shown; scroll down for more", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trial found", "%u trials found", n),
                            n);
  set_status (self, text);
}

static void
set_loading (EligoRegistrySearchDialog *self,
             gboolean                   loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->loading_spinner, loading && self->n_pages == 0);
  gtk_spinner_set_spinning (self->more_spinner, loading && self->n_pages > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->more_spinner), loading && self->n_pages > 0);
}

static void
mark_in_library (EligoRegistrySearchDialog *self,
                 EligoRegistryResult       *result)
{
  const char *nct_id = eligo_registry_result_get_nct_id (result);
  g_autoptr(EligoTrial) trial = NULL;

  if (nct_id == NULL)
    return;

  trial = eligo_database_get_trial_by_nct_id (self->database, nct_id, NULL);
  eligo_registry_result_set_in_library (result, trial != NULL);
}

static gboolean
fill_view_cb (gpointer data)
{
  EligoRegistrySearchDialog *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->results_scroller);
  double page = gtk_adjustment_get_page_size (adjustment);

  self->fill_id = 0;

  /* Nothing to scroll, so nothing would ask for the next page: ask now. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->results_scroller)) && page > 0 &&
      gtk_adjustment_get_upper (adjustment) <= page + 1 &&
      self->next_page_token != NULL && !self->loading)
    load_page (self);

  return G_SOURCE_REMOVE;
}

static void
on_result_selected_cb (EligoRegistryResult       *result,
                       GParamSpec                *pspec,
                       EligoRegistrySearchDialog *self)
{
  update_add_button (self);
}

static gboolean
add_page (EligoRegistrySearchDialog  *self,
          GBytes                     *page,
          GError                    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *root;
  JsonNode *studies_node;
  JsonArray *studies;
  gsize len;
  const char *text = g_bytes_get_data (page, &len);
  guint offset = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (!json_parser_load_from_data (parser, text, (gssize) len, error))
    return FALSE;

  root = json_parser_get_root (parser);
  studies_node = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
    ? json_object_get_member (json_node_get_object (root), "studies") : NULL;
  if (studies_node == NULL || !JSON_NODE_HOLDS_ARRAY (studies_node))
    {
      g_set_error_literal (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_NOT_JSON,
                           _("the search: the registry’s answer is not a page of studies"));
      return FALSE;
    }

  studies = json_node_get_array (studies_node);
  for (guint i = 0; i < json_array_get_length (studies); i++)
    {
      JsonNode *study = json_array_get_element (studies, i);
      EligoRegistryResult *result;

      if (!JSON_NODE_HOLDS_OBJECT (study))
        continue;

      result = eligo_registry_result_new_from_study (json_node_get_object (study),
                                                     offset + i + 1);
      mark_in_library (self, result);
      g_signal_connect_object (result, "notify::selected", G_CALLBACK (on_result_selected_cb),
                               self, 0);
      g_ptr_array_add (items, result);
    }

  g_list_store_splice (self->results, offset, 0, items->pdata, items->len);

  return TRUE;
}

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(EligoRegistrySearchDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *next_page_token = NULL;
  gboolean first;

  page = eligo_registry_client_search_page_finish (ELIGO_REGISTRY_CLIENT (source), result,
                                                   &next_page_token, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;

  first = self->n_pages == 0;
  set_loading (self, FALSE);
  g_clear_object (&self->search_cancellable);

  if (page == NULL || !add_page (self, page, &error))
    {
      g_autofree char *message = capitalize (error->message);

      if (first)
        {
          gtk_label_set_text (self->error_label, message);
          gtk_stack_set_visible_child_name (self->stack, "error");
          set_status (self, NULL);
        }
      else
        {
          g_autofree char *text =
            /* Translators: %s says why, e.g. “The search: the registry is busy…” */
            g_strdup_printf (_("More results could not be loaded. %s"), message);

          set_status (self, text);
          gtk_widget_set_visible (GTK_WIDGET (self->more_button), TRUE);
        }
      return;
    }

  self->n_pages++;
  g_free (self->next_page_token);
  self->next_page_token = g_steal_pointer (&next_page_token);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    {
      g_autofree char *words = NULL;
      g_autofree char *text = NULL;

      if (self->search.condition != NULL && self->search.term != NULL)
        words = g_strdup_printf ("%s, %s", self->search.condition, self->search.term);
      else
        words = g_strdup (self->search.condition != NULL ? self->search.condition
                                                         : self->search.term);
      /* Translators: %s are the words searched for, then a status such as “Recruiting” */
      text = g_strdup_printf (_("The registry has no trial matching “%s” with the status “%s”. "
                                "Try other words or another status."),
                              words,
                              _(status_choices[gtk_drop_down_get_selected (self->status_dropdown)]
                                  .label));
      gtk_label_set_text (self->empty_label, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_status (self, NULL);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
  show_count (self);
  if (first)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  if (self->fill_id == 0 && self->next_page_token != NULL)
    self->fill_id = g_timeout_add (200, fill_view_cb, self);
}

static void
load_page (EligoRegistrySearchDialog *self)
{
  if (self->loading)
    return;

  if (is_offline (self))
    {
      set_status (self, offline_message ());
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  set_loading (self, TRUE);
  if (self->n_pages == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    set_status (self, _("Loading more results…"));

  self->search_cancellable = g_cancellable_new ();
  eligo_registry_client_search_page_async (self->client, &self->search,
                                           self->n_pages > 0 ? self->next_page_token : NULL,
                                           self->search_cancellable, on_page_cb,
                                           g_object_ref (self));
}

static void
start_search (EligoRegistrySearchDialog *self)
{
  guint choice = gtk_drop_down_get_selected (self->status_dropdown);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  set_loading (self, FALSE);
  g_list_store_remove_all (self->results);
  g_clear_pointer (&self->next_page_token, g_free);
  self->n_pages = 0;
  update_add_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);

  clear_search (&self->search);
  self->search.condition = entry_text (self->condition_entry);
  self->search.term = entry_text (self->terms_entry);
  if (choice < G_N_ELEMENTS (status_choices) && status_choices[choice].codes != NULL)
    self->search.statuses = g_strdupv ((char **) status_choices[choice].codes);
  self->search.page_size = PAGE_SIZE;

  if (self->search.condition == NULL && self->search.term == NULL)
    {
      gtk_label_set_text (self->start_label,
                          _("Type a condition or other words to search for: the registry "
                            "holds far too many trials to list them all."));
      gtk_stack_set_visible_child_name (self->stack, "start");
      set_status (self, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->condition_entry));
      return;
    }

  if (is_offline (self))
    {
      gtk_label_set_text (self->error_label, offline_message ());
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_status (self, NULL);
      return;
    }

  load_page (self);
}

static void
on_search_clicked_cb (GtkButton                 *button,
                      EligoRegistrySearchDialog *self)
{
  start_search (self);
}

static void
on_entry_activate_cb (GtkEntry                  *entry,
                      EligoRegistrySearchDialog *self)
{
  start_search (self);
}

static void
on_more_clicked_cb (GtkButton                 *button,
                    EligoRegistrySearchDialog *self)
{
  if (self->next_page_token != NULL)
    load_page (self);
}

static void
on_edge_reached_cb (GtkScrolledWindow         *scroller,
                    GtkPositionType            pos,
                    EligoRegistrySearchDialog *self)
{
  if (pos == GTK_POS_BOTTOM && self->next_page_token != NULL && self->n_pages > 0)
    load_page (self);
}

static void
toggle_result (EligoRegistrySearchDialog *self,
               guint                      position)
{
  g_autoptr(EligoRegistryResult) result = g_list_model_get_item (G_LIST_MODEL (self->results),
                                                                 position);

  if (result != NULL && eligo_registry_result_get_can_add (result))
    eligo_registry_result_set_selected (result, !eligo_registry_result_get_selected (result));
}

static void
on_row_activated_cb (GtkColumnView             *column_view,
                     guint                      position,
                     EligoRegistrySearchDialog *self)
{
  toggle_result (self, position);
}

static void
toggle_current (EligoRegistrySearchDialog *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);

  toggle_result (self, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)));
}

static void
results_toggle_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  toggle_current (ELIGO_REGISTRY_SEARCH_DIALOG (widget));
}

static gboolean
on_space_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  EligoRegistrySearchDialog *self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A focused check button toggles itself. */
  if (GTK_IS_CHECK_BUTTON (focus))
    return FALSE;

  toggle_current (self);

  return TRUE;
}

static void
update_after_import (EligoRegistrySearchDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoRegistryResult) result = g_list_model_get_item (G_LIST_MODEL (self->results),
                                                                     i);

      mark_in_library (self, result);
    }
}

static void
show_import_progress (EligoRegistrySearchDialog *self)
{
  guint done = eligo_registry_import_get_n_done (self->import);
  guint total = eligo_registry_import_get_n_total (self->import);
  g_autofree char *text = NULL;

  /* Translators: the trials added so far, of those ticked */
  text = g_strdup_printf (_("Adding %u of %u…"), MIN (done + 1, total), total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  set_status (self, text);
}

static void
on_import_progress_cb (EligoRegistryImport       *import,
                       GParamSpec                *pspec,
                       EligoRegistrySearchDialog *self)
{
  show_import_progress (self);
}

static void
set_importing (EligoRegistrySearchDialog *self,
               gboolean                   importing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), importing);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), importing);
  gtk_widget_set_sensitive (self->form, !importing);
  if (importing)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  update_add_button (self);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(EligoRegistrySearchDialog) self = data;
  EligoRegistryImport *import = ELIGO_REGISTRY_IMPORT (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GString *text = g_string_new (NULL);
  GPtrArray *outcomes;
  guint n_added;
  guint n_failed;

  eligo_registry_import_finish (import, result, &error);
  if (self->import != import || self->stack == NULL)
    {
      g_string_free (text, TRUE);
      return;
    }

  g_clear_object (&self->import_cancellable);
  outcomes = eligo_registry_import_get_outcomes (import);
  n_added = eligo_registry_import_count (import, ELIGO_REGISTRY_OUTCOME_ADDED) +
            eligo_registry_import_count (import, ELIGO_REGISTRY_OUTCOME_UPDATED) +
            eligo_registry_import_count (import, ELIGO_REGISTRY_OUTCOME_UNCHANGED);
  n_failed = eligo_registry_import_count (import, ELIGO_REGISTRY_OUTCOME_FAILED);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Cancelled; %u trial was added and stays in the library.",
                                         "Cancelled; %u trials were added and stay in the library.",
                                         n_added),
                            n_added);
  else if (error != NULL)
    g_string_append (text, error->message);
  else
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u trial added to the library.",
                                         "%u trials added to the library.", n_added),
                            n_added);

  if (n_failed > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u failed:", "%u failed:",
                                           n_failed),
                              n_failed);
      for (guint i = 0; i < outcomes->len; i++)
        {
          EligoRegistryOutcome *outcome = g_ptr_array_index (outcomes, i);

          if (outcome->kind == ELIGO_REGISTRY_OUTCOME_FAILED)
            g_string_append_printf (text, "\n%s", outcome->message);
        }
    }

  summary = g_string_free (text, FALSE);
  update_after_import (self);
  set_importing (self, FALSE);
  set_status (self, summary);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  if (n_added > 0)
    g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
}

static void
on_add_clicked_cb (GtkButton                 *button,
                   EligoRegistrySearchDialog *self)
{
  g_autoptr(GPtrArray) nct_ids = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (self->import_cancellable != NULL)
    return;

  if (is_offline (self))
    {
      set_status (self, offline_message ());
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoRegistryResult) result = g_list_model_get_item (G_LIST_MODEL (self->results),
                                                                     i);

      if (eligo_registry_result_get_selected (result))
        g_ptr_array_add (nct_ids, (gpointer) eligo_registry_result_get_nct_id (result));
    }
  if (nct_ids->len == 0)
    return;
  g_ptr_array_add (nct_ids, NULL);

  g_clear_object (&self->import);
  self->import = eligo_registry_import_new (self->client, self->database);
  self->import_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->import, "notify::n-done", G_CALLBACK (on_import_progress_cb),
                           self, 0);
  g_signal_connect_object (self->import, "notify::n-total", G_CALLBACK (on_import_progress_cb),
                           self, 0);
  set_importing (self, TRUE);
  eligo_registry_import_fetch_async (self->import, (const char * const *) nct_ids->pdata,
                                     self->import_cancellable, on_import_done_cb,
                                     g_object_ref (self));
  show_import_progress (self);
}

static void
on_cancel_clicked_cb (GtkButton                 *button,
                      EligoRegistrySearchDialog *self)
{
  g_cancellable_cancel (self->import_cancellable);
}


static void
setup_results (EligoRegistrySearchDialog *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkSingleSelection *selection;
  GtkEventController *controller;
  GtkShortcut *shortcut;
  g_autofree char *privacy = NULL;
  g_autoptr(GUri) uri = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    gtk_string_list_append (choices, _(status_choices[i].label));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->status_dropdown, 0);

  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  _eligo_registry_search_dialog_add_columns (self);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                               gtk_callback_action_new (on_space_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  uri = g_uri_parse (eligo_registry_client_get_base_url (self->client), G_URI_FLAGS_NONE, NULL);
  /* Translators: %s is the registry's host, e.g. clinicaltrials.gov */
  privacy = g_strdup_printf (_("Only the words above and the status are sent to %s; nothing "
                               "about patients is."),
                             uri != NULL && g_uri_get_host (uri) != NULL
                               ? g_uri_get_host (uri)
                               : eligo_registry_client_get_base_url (self->client));
  gtk_label_set_text (self->privacy_label, privacy);
}

static gboolean
eligo_registry_search_dialog_close_request (GtkWindow *window)
{
  EligoRegistrySearchDialog *self = ELIGO_REGISTRY_SEARCH_DIALOG (window);

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->import_cancellable);

  return GTK_WINDOW_CLASS (eligo_registry_search_dialog_parent_class)->close_request (window);
}

static void
eligo_registry_search_dialog_constructed (GObject *object)
{
  EligoRegistrySearchDialog *self = ELIGO_REGISTRY_SEARCH_DIALOG (object);

  G_OBJECT_CLASS (eligo_registry_search_dialog_parent_class)->constructed (object);

  g_assert (self->database != NULL);
  if (self->client == NULL)
    self->client = eligo_registry_client_new (NULL);

  setup_results (self);
}

static void
eligo_registry_search_dialog_dispose (GObject *object)
{
  EligoRegistrySearchDialog *self = ELIGO_REGISTRY_SEARCH_DIALOG (object);

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ELIGO_TYPE_REGISTRY_SEARCH_DIALOG);

  G_OBJECT_CLASS (eligo_registry_search_dialog_parent_class)->dispose (object);
}

static void
eligo_registry_search_dialog_finalize (GObject *object)
{
  EligoRegistrySearchDialog *self = ELIGO_REGISTRY_SEARCH_DIALOG (object);

  clear_search (&self->search);
  g_free (self->next_page_token);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->results);
  g_clear_object (&self->client);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eligo_registry_search_dialog_parent_class)->finalize (object);
}

static void
eligo_registry_search_dialog_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  EligoRegistrySearchDialog *self = ELIGO_REGISTRY_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_registry_search_dialog_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  EligoRegistrySearchDialog *self = ELIGO_REGISTRY_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_registry_search_dialog_class_init (EligoRegistrySearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = eligo_registry_search_dialog_constructed;
  object_class->dispose = eligo_registry_search_dialog_dispose;
  object_class->finalize = eligo_registry_search_dialog_finalize;
  object_class->get_property = eligo_registry_search_dialog_get_property;
  object_class->set_property = eligo_registry_search_dialog_set_property;
  window_class->close_request = eligo_registry_search_dialog_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ELIGO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ELIGO_TYPE_REGISTRY_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EligoRegistrySearchDialog::imported:
   *
   * Emitted when at least one ticked trial was stored in the library.
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Space on a result, as the list's shortcut does */
  gtk_widget_class_install_action (widget_class, "results.toggle-tick", NULL,
                                   results_toggle_action);

  gtk_widget_class_set_template_from_resource (widget_class, ELIGO_RESOURCE_BASE
                                               "/ui/eligo-registry-search-dialog.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, EligoRegistrySearchDialog, name)
  BIND (form);
  BIND (condition_entry);
  BIND (terms_entry);
  BIND (status_dropdown);
  BIND (search_button);
  BIND (privacy_label);
  BIND (stack);
  BIND (start_label);
  BIND (loading_spinner);
  BIND (empty_label);
  BIND (error_label);
  BIND (retry_button);
  BIND (results_scroller);
  BIND (column_view);
  BIND (more_spinner);
  BIND (status_label);
  BIND (more_button);
  BIND (add_button);
  BIND (cancel_button);
  BIND (progress_bar);
#undef BIND
}

static void
eligo_registry_search_dialog_init (EligoRegistrySearchDialog *self)
{
  self->results = g_list_store_new (ELIGO_TYPE_REGISTRY_RESULT);
  self->settings = g_settings_new (ELIGO_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->search_button, "clicked", G_CALLBACK (on_search_clicked_cb), self);
  g_signal_connect (self->condition_entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect (self->terms_entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect (self->retry_button, "clicked", G_CALLBACK (on_search_clicked_cb), self);
  g_signal_connect (self->more_button, "clicked", G_CALLBACK (on_more_clicked_cb), self);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect (self->results_scroller, "edge-reached", G_CALLBACK (on_edge_reached_cb),
                    self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_row_activated_cb), self);
}

/**
 * eligo_registry_search_dialog_new:
 * @parent: (nullable): the main window
 * @client: (nullable): the registry; %NULL for ELIGO_REGISTRY_URL or ClinicalTrials.gov
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
eligo_registry_search_dialog_new (GtkWindow           *parent,
                                  EligoDatabase       *database,
                                  EligoRegistryClient *client)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (client == NULL || ELIGO_IS_REGISTRY_CLIENT (client), NULL);

  return g_object_new (ELIGO_TYPE_REGISTRY_SEARCH_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "client", client,
                       NULL);
}
