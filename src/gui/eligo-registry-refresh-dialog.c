/* eligo-registry-refresh-dialog.c
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
 * Only NCT numbers leave the machine from here (EligoRegistryImport).
 */

#define G_LOG_DOMAIN "eligo-registry-refresh-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-criteria-changes.h"
#include "eligo-format.h"
#include "eligo-registry-refresh-dialog-private.h"
#include "eligo-trial-query.h"

G_DEFINE_FINAL_TYPE (EligoRegistryRefreshDialog, eligo_registry_refresh_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CLIENT,
  PROP_NCT_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *section;
  const char *label;
} section_labels[] = {
  { "eligibility", N_("Eligibility criteria") },
  { "status", N_("Status") },
  { "title", N_("Title") },
  { "dates", N_("Dates") },
  { "enrollment", N_("Enrollment") },
  { "phase", N_("Phase") },
  { "sponsor", N_("Sponsor") },
  { "conditions", N_("Conditions") },
  { "interventions", N_("Interventions") },
  { "outcomes", N_("Outcomes") },
  { "locations", N_("Sites and contacts") },
  { "description", N_("Description") },
  { "other", N_("Other details") },
};

/* The translated name of a section eligo_registry_changed_sections() returns */
const char *
_eligo_registry_section_label (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_labels); i++)
    if (g_strcmp0 (section, section_labels[i].section) == 0)
      return _(section_labels[i].label);

  return section;
}

static GStrv
library_nct_ids (EligoDatabase  *database,
                 GError        **error)
{
  g_autoptr(EligoTrialQuery) query = eligo_trial_query_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) ids = NULL;

  query->include_archived = TRUE;
  ids = eligo_database_query_ids (database, query, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EligoTrial) trial =
        eligo_database_get_trial (database, g_array_index (ids, gint64, i), error);

      if (trial == NULL)
        return NULL;
      g_strv_builder_add (builder, eligo_trial_get_nct_id (trial));
    }

  return g_strv_builder_end (builder);
}

static void
show_progress (EligoRegistryRefreshDialog *self)
{
  guint done = eligo_registry_import_get_n_done (self->import);
  guint total = eligo_registry_import_get_n_total (self->import);
  g_autofree char *text = NULL;

  /* Translators: trials refreshed so far, of all to refresh: “12 of 40” */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
}

static void
on_progress_cb (EligoRegistryImport        *import,
                GParamSpec                 *pspec,
                EligoRegistryRefreshDialog *self)
{
  show_progress (self);
}

static void
add_row (EligoRegistryRefreshDialog *self,
         const char                 *nct_id,
         const char                 *detail,
         gboolean                    failed)
{
  g_autoptr(EligoTrial) trial = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title;
  GtkWidget *label;

  trial = nct_id != NULL ? eligo_database_get_trial_by_nct_id (self->database, nct_id, NULL) : NULL;
  if (trial != NULL && eligo_trial_get_brief_title (trial) != NULL)
    heading = g_strdup_printf ("%s · %s", nct_id, eligo_trial_get_brief_title (trial));
  else
    heading = g_strdup (nct_id != NULL ? nct_id : "");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, heading);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  label = gtk_label_new (detail);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (failed)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), label);

  if (!failed && trial != NULL)
    {
      EligoCriteriaDiffCounts counts;

      /* What the update did to the criteria (the trial page shows them). */
      if (eligo_database_count_criteria_changes (self->database, trial, &counts, NULL))
        {
          g_autofree char *counts_text = eligo_criteria_changes_format_counts (&counts);
          /* Translators: %s counts criteria: "1 criterion added, 4 reworded, 15 unchanged" */
          g_autofree char *text = g_strdup_printf (_("Criteria: %s"), counts_text);
          GtkWidget *criteria = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (criteria), 0.0);
          gtk_label_set_wrap (GTK_LABEL (criteria), TRUE);
          gtk_box_append (GTK_BOX (box), criteria);
        }
    }

  if (!failed && trial != NULL && eligo_trial_get_last_update (trial) != NULL)
    {
      g_autofree char *date = eligo_format_date (eligo_trial_get_last_update (trial));
      /* Translators: %s is a date */
      g_autofree char *text = g_strdup_printf (_("Updated in the registry on %s"), date);
      GtkWidget *updated = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (updated), 0.0);
      gtk_widget_add_css_class (updated, "dim-label");
      gtk_widget_add_css_class (updated, "caption");
      gtk_box_append (GTK_BOX (box), updated);
    }

  gtk_list_box_append (self->changes_list, box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail,
                                  -1);
}

static char *
changes_text (char **changed)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; changed != NULL && changed[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) _eligo_registry_section_label (changed[i]));
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **) labels->pdata);

  /* Translators: %s lists sections of a trial's record, e.g. “Eligibility criteria, Status” */
  return g_strdup_printf (_("Changed: %s"), joined);
}

static void
finish (EligoRegistryRefreshDialog *self,
        GError                     *error)
{
  GPtrArray *outcomes = eligo_registry_import_get_outcomes (self->import);
  guint n_changed = 0;
  guint n_failed = eligo_registry_import_count (self->import, ELIGO_REGISTRY_OUTCOME_FAILED);
  guint n_unchanged = eligo_registry_import_count (self->import, ELIGO_REGISTRY_OUTCOME_UNCHANGED);
  guint n_added = eligo_registry_import_count (self->import, ELIGO_REGISTRY_OUTCOME_ADDED);
  guint n_done = outcomes->len;
  guint n_total = eligo_registry_import_get_n_total (self->import);
  GString *summary = g_string_new (NULL);
  g_autofree char *text = NULL;

  self->finished = TRUE;

  for (guint i = 0; i < outcomes->len; i++)
    {
      EligoRegistryOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->kind == ELIGO_REGISTRY_OUTCOME_UPDATED)
        {
          g_autofree char *detail = changes_text (outcome->changed);

          n_changed++;
          add_row (self, outcome->nct_id, detail, FALSE);
        }
    }
  for (guint i = 0; i < outcomes->len; i++)
    {
      EligoRegistryOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->kind == ELIGO_REGISTRY_OUTCOME_FAILED)
        add_row (self, outcome->nct_id, outcome->message, TRUE);
      else if (outcome->kind == ELIGO_REGISTRY_OUTCOME_ADDED)
        add_row (self, outcome->nct_id, _("Added to the library"), FALSE);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_text (self->heading_label, _("Refresh Cancelled"));
  else if (error != NULL)
    gtk_label_set_text (self->heading_label, _("Refresh Failed"));
  else
    gtk_label_set_text (self->heading_label, _("Refresh Finished"));

  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u trial of %u checked: %u changed, %u unchanged, "
                                       "%u failed.",
                                       "%u trials of %u checked: %u changed, %u unchanged, "
                                       "%u failed.",
                                       n_done),
                          n_done, n_total, n_changed, n_unchanged, n_failed);
  if (n_added > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u was new and has been added.",
                                           "%u were new and have been added.", n_added),
                              n_added);
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, _("The trials refreshed before Cancel keep the registry’s new "
                                  "version; the others were not asked for."));
    }
  else if (error != NULL)
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, error->message);
    }
  if (n_changed == 0 && n_failed == 0 && n_added == 0 && error == NULL)
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, _("Nothing changed in the registry."));
    }

  text = g_string_free (summary, FALSE);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_scroller),
                          gtk_widget_get_first_child (GTK_WIDGET (self->changes_list)) != NULL);
  show_progress (self);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));

  if (n_changed + n_added > 0)
    g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
}

static void
on_refreshed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(EligoRegistryRefreshDialog) self = data;
  g_autoptr(GError) error = NULL;

  eligo_registry_import_finish (ELIGO_REGISTRY_IMPORT (source), result, &error);
  g_clear_object (&self->cancellable);
  if (self->summary_label == NULL)
    return;

  finish (self, error);
}

static void
stop_before_start (EligoRegistryRefreshDialog *self,
                   const char                 *heading,
                   const char                 *message)
{
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->summary_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
  self->finished = TRUE;
}

static void
start (EligoRegistryRefreshDialog *self)
{
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) library = NULL;
  const char * const *nct_ids = (const char * const *) self->nct_ids;
  g_autofree char *heading = NULL;
  guint n;

  self->started = TRUE;
  if (g_settings_get_boolean (settings, "work-offline"))
    {
      stop_before_start (self, _("Working Offline"),
                         _("Eligo is set to work offline; turn off “Work offline” in the "
                           "preferences to refresh trials from the registry."));
      return;
    }

  self->import = eligo_registry_import_new (self->client, self->database);
  g_signal_connect_object (self->import, "notify::n-done", G_CALLBACK (on_progress_cb), self, 0);
  g_signal_connect_object (self->import, "notify::n-total", G_CALLBACK (on_progress_cb), self, 0);

  if (nct_ids == NULL)
    {
      library = library_nct_ids (self->database, &error);
      if (library == NULL)
        {
          stop_before_start (self, _("Refresh Failed"), error->message);
          return;
        }
      nct_ids = (const char * const *) library;
    }

  n = g_strv_length ((char **) nct_ids);
  if (n == 0)
    {
      stop_before_start (self, _("Nothing to Refresh"),
                         _("The library has no trials to fetch again."));
      return;
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Refreshing %u trial from the registry…",
                                          "Refreshing %u trials from the registry…", n), n);
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->summary_label,
                      _("Only the trials’ NCT numbers are sent. About one trial is fetched "
                        "per second."));

  self->cancellable = g_cancellable_new ();
  eligo_registry_import_fetch_async (self->import, nct_ids, self->cancellable, on_refreshed_cb,
                                     g_object_ref (self));
  show_progress (self);
}

static void
on_cancel_clicked_cb (GtkButton                  *button,
                      EligoRegistryRefreshDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static void
eligo_registry_refresh_dialog_map (GtkWidget *widget)
{
  EligoRegistryRefreshDialog *self = ELIGO_REGISTRY_REFRESH_DIALOG (widget);

  GTK_WIDGET_CLASS (eligo_registry_refresh_dialog_parent_class)->map (widget);

  if (!self->started)
    start (self);
}

static gboolean
eligo_registry_refresh_dialog_close_request (GtkWindow *window)
{
  EligoRegistryRefreshDialog *self = ELIGO_REGISTRY_REFRESH_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (eligo_registry_refresh_dialog_parent_class)->close_request (window);
}

static void
eligo_registry_refresh_dialog_constructed (GObject *object)
{
  EligoRegistryRefreshDialog *self = ELIGO_REGISTRY_REFRESH_DIALOG (object);

  G_OBJECT_CLASS (eligo_registry_refresh_dialog_parent_class)->constructed (object);

  g_assert (self->database != NULL);
  if (self->client == NULL)
    self->client = eligo_registry_client_new (NULL);
}

static void
eligo_registry_refresh_dialog_dispose (GObject *object)
{
  EligoRegistryRefreshDialog *self = ELIGO_REGISTRY_REFRESH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ELIGO_TYPE_REGISTRY_REFRESH_DIALOG);

  G_OBJECT_CLASS (eligo_registry_refresh_dialog_parent_class)->dispose (object);
}

static void
eligo_registry_refresh_dialog_finalize (GObject *object)
{
  EligoRegistryRefreshDialog *self = ELIGO_REGISTRY_REFRESH_DIALOG (object);

  g_strfreev (self->nct_ids);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->client);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (eligo_registry_refresh_dialog_parent_class)->finalize (object);
}

static void
eligo_registry_refresh_dialog_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  EligoRegistryRefreshDialog *self = ELIGO_REGISTRY_REFRESH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_NCT_IDS:
      self->nct_ids = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_registry_refresh_dialog_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  EligoRegistryRefreshDialog *self = ELIGO_REGISTRY_REFRESH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_NCT_IDS:
      g_value_set_boxed (value, self->nct_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_registry_refresh_dialog_class_init (EligoRegistryRefreshDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = eligo_registry_refresh_dialog_constructed;
  object_class->dispose = eligo_registry_refresh_dialog_dispose;
  object_class->finalize = eligo_registry_refresh_dialog_finalize;
  object_class->get_property = eligo_registry_refresh_dialog_get_property;
  object_class->set_property = eligo_registry_refresh_dialog_set_property;
  widget_class->map = eligo_registry_refresh_dialog_map;
  window_class->close_request = eligo_registry_refresh_dialog_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ELIGO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ELIGO_TYPE_REGISTRY_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NCT_IDS] =
    g_param_spec_boxed ("nct-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EligoRegistryRefreshDialog::imported:
   *
   * Emitted at the end when at least one trial was updated (or added).
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, ELIGO_RESOURCE_BASE
                                               "/ui/eligo-registry-refresh-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoRegistryRefreshDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, EligoRegistryRefreshDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EligoRegistryRefreshDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EligoRegistryRefreshDialog,
                                        changes_scroller);
  gtk_widget_class_bind_template_child (widget_class, EligoRegistryRefreshDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, EligoRegistryRefreshDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EligoRegistryRefreshDialog, close_button);
}

static void
eligo_registry_refresh_dialog_init (EligoRegistryRefreshDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
}

/**
 * eligo_registry_refresh_dialog_new:
 * @parent: (nullable): the main window
 * @client: (nullable): the registry; %NULL for ELIGO_REGISTRY_URL or ClinicalTrials.gov
 * @nct_ids: (nullable) (array zero-terminated=1): the trials to refresh; %NULL
 *   for every trial in the library
 *
 * Returns: (transfer none): the dialog, not yet shown; it starts when shown
 */
GtkWidget *
eligo_registry_refresh_dialog_new (GtkWindow           *parent,
                                   EligoDatabase       *database,
                                   EligoRegistryClient *client,
                                   const char * const  *nct_ids)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (client == NULL || ELIGO_IS_REGISTRY_CLIENT (client), NULL);

  return g_object_new (ELIGO_TYPE_REGISTRY_REFRESH_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "client", client,
                       "nct-ids", nct_ids,
                       NULL);
}
