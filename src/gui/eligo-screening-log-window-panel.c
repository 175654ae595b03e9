/* eligo-screening-log-window-panel.c
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
 * The side panel of the screening log: the funnel of a trial and what was
 * saved with the selected screening, read-only.
 */

#define G_LOG_DOMAIN "eligo-screening-log-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-format.h"
#include "eligo-screening-dialog.h"
#include "eligo-screening-log-window-private.h"

/* How many reasons for ineligibility the funnel lists. */
#define MAX_REASONS 5

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_widget_unparent (child);
    }
}


static const char *
find_trial_title (EligoScreeningLogWindow *self,
                  const char              *nct_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EligoScreeningLogRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (eligo_screening_log_row_get_record (row)->nct_id, nct_id) == 0)
        return eligo_screening_log_row_get_record (row)->trial_title;
    }

  return NULL;
}

static void
set_funnel_bar (GtkLevelBar *bar,
                GtkLabel    *label,
                guint        value,
                guint        total)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", value);
  gtk_label_set_label (label, text);
  gtk_level_bar_set_max_value (bar, MAX (total, 1));
  gtk_level_bar_set_value (bar, value);
}

static GtkWidget *
criterion_id_label (const char *id)
{
  GtkWidget *label = gtk_label_new (id);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "criterion-id");

  return label;
}

static GtkWidget *
reason_row (const EligoFunnelReason *reason)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label;
  const char *colon = strstr (reason->criterion, ": ");
  g_autofree char *id = colon != NULL ? g_strndup (reason->criterion, colon - reason->criterion)
                                      : NULL;
  char count[16];

  if (id != NULL)
    gtk_box_append (GTK_BOX (box), criterion_id_label (id));

  label = gtk_label_new (colon != NULL ? colon + 2 : reason->criterion);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  g_snprintf (count, sizeof count, "%u", reason->count);
  label = gtk_label_new (count);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "reason-count");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
update_funnel (EligoScreeningLogWindow *self)
{
  EligoScreeningLogRow *row = _eligo_screening_log_window_get_selected_row (self);
  const char *nct_id = self->trial;
  g_autoptr(GError) error = NULL;
  guint n_reasons;

  if (nct_id == NULL && row != NULL)
    nct_id = eligo_screening_log_row_get_record (row)->nct_id;

  if (nct_id == NULL || self->n_total == 0)
    {
      g_clear_pointer (&self->funnel, eligo_funnel_free);
      gtk_widget_set_visible (self->funnel_box, FALSE);
      return;
    }

  if (self->funnel != NULL && g_strcmp0 (self->funnel->nct_id, nct_id) == 0)
    return;

  g_clear_pointer (&self->funnel, eligo_funnel_free);
  self->funnel = eligo_database_get_funnel (self->database, nct_id, &error);
  if (self->funnel == NULL)
    {
      g_warning ("Could not count the funnel of %s: %s", nct_id, error->message);
      gtk_widget_set_visible (self->funnel_box, FALSE);
      return;
    }

  gtk_label_set_label (self->funnel_nct_id, nct_id);
  gtk_label_set_label (self->funnel_title, _eligo_text_or_absent (find_trial_title (self, nct_id)));

  set_funnel_bar (self->screened_bar, self->screened_value,
                  self->funnel->screened, self->funnel->screened);
  set_funnel_bar (self->eligible_bar, self->eligible_value,
                  self->funnel->eligible, self->funnel->screened);
  set_funnel_bar (self->ineligible_bar, self->ineligible_value,
                  self->funnel->ineligible, self->funnel->screened);
  set_funnel_bar (self->pending_bar, self->pending_value,
                  self->funnel->pending, self->funnel->screened);

  remove_children (GTK_WIDGET (self->reasons_box));
  n_reasons = MIN (self->funnel->reasons->len, MAX_REASONS);
  for (guint i = 0; i < n_reasons; i++)
    gtk_box_append (self->reasons_box, reason_row (g_ptr_array_index (self->funnel->reasons, i)));

  if (n_reasons == 0)
    {
      GtkWidget *label = gtk_label_new (_("No patient has been found not eligible."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->reasons_box, label);
    }

  gtk_widget_set_visible (self->funnel_box, TRUE);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_detail (EligoScreeningLogWindow *self,
            int                      row,
            const char              *key,
            const char              *value)
{
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = wrapped_label (_eligo_text_or_absent (value), NULL);

  gtk_label_set_xalign (GTK_LABEL (key_label), 0);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, key_label, NULL,
                                  -1);

  gtk_grid_attach (self->detail_grid, key_label, 0, row, 1, 1);
  gtk_grid_attach (self->detail_grid, value_label, 1, row, 1, 1);
}

/* The screening was done against criteria the registry changed since: say
 * so, and offer to screen the patient again against the criteria now. */
static void
add_outdated (EligoScreeningLogWindow    *self,
              int                         row,
              const EligoScreeningRecord *record)
{
  g_autofree char *date = eligo_format_date (record->criteria_changed);
  /* Translators: %s is the registry's date of the change of the trial's criteria */
  g_autofree char *text = g_strdup_printf (_("Changed since this screening, on %s"), date);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *key_label = gtk_label_new (_("Criteria changed"));
  GtkWidget *value_label = wrapped_label (text, NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Screen Again…"));

  gtk_label_set_xalign (GTK_LABEL (key_label), 0);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, key_label, NULL,
                                  -1);
  gtk_widget_set_tooltip_text (button, _("Screen the patient against the trial’s criteria as "
                                         "they read now, with the answers kept where a "
                                         "criterion is unchanged"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "log.screen-again");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), button);

  gtk_grid_attach (self->detail_grid, key_label, 0, row, 1, 1);
  gtk_grid_attach (self->detail_grid, box, 1, row, 1, 1);
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
json_object (JsonObject *object,
             const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static gint64
json_int (JsonObject *object,
          const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return 0;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return 0;

  return json_node_get_int (node);
}

/* The nurse's answer on a criterion, as "by whom, when". */
static char *
format_answer (JsonObject *answer)
{
  const char *author = json_string (answer, "author");
  const char *time = json_string (answer, "time");
  g_autofree char *when = NULL;

  if (time != NULL)
    {
      g_autofree char *ignored = NULL;

      _eligo_format_local_time (time, &when, &ignored);
    }

  if (author != NULL && when != NULL)
    /* Translators: who answered a criterion by hand, and on which date */
    return g_strdup_printf (_("Answered by %s on %s"), author, when);
  if (author != NULL)
    return g_strdup_printf (_("Answered by %s"), author);
  if (when != NULL)
    return g_strdup_printf (_("Answered on %s"), when);

  return g_strdup (_("Answered by the screener"));
}

static GtkWidget *
criterion_row (JsonObject *criterion,
               JsonObject *answers)
{
  const char *id = json_string (criterion, "id");
  const char *short_id = id != NULL && strchr (id, '/') != NULL ? strchr (id, '/') + 1 : id;
  const char *kind = json_string (criterion, "kind");
  EligoVerdict verdict = _eligo_verdict_from_string (json_string (criterion, "verdict"));
  JsonNode *answer_node = (answers != NULL && id != NULL) ? json_object_get_member (answers, id)
                                                          : NULL;
  JsonObject *answer = NULL;
  GtkWidget *row, *icon, *body, *line, *label;
  const char *classes[] = { "verdict", eligo_verdict_to_string (verdict), NULL };
  g_autofree char *accessible = NULL;

  if (answer_node != NULL && JSON_NODE_HOLDS_OBJECT (answer_node))
    answer = json_node_get_object (answer_node);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (row, "criterion-row");

  icon = gtk_image_new_from_icon_name (_eligo_verdict_get_icon_name (verdict));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_css_classes (icon, classes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  eligo_verdict_get_label (verdict), -1);
  gtk_box_append (GTK_BOX (row), icon);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (body, TRUE);
  gtk_box_append (GTK_BOX (row), body);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (body), line);
  gtk_box_append (GTK_BOX (line), criterion_id_label (short_id != NULL ? short_id : ""));

  label = gtk_label_new (g_strcmp0 (kind, "exclusion") == 0 ? _("Exclusion") : _("Inclusion"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (line), label);

  label = gtk_label_new (eligo_verdict_get_label (verdict));
  gtk_widget_set_css_classes (label, classes);
  gtk_widget_add_css_class (label, "verdict-word");
  gtk_box_append (GTK_BOX (line), label);

  gtk_box_append (GTK_BOX (body), wrapped_label (json_string (criterion, "text"), NULL));

  if (answer_node != NULL)
    {
      const char *note = json_string (answer, "note");
      g_autofree char *by = format_answer (answer);

      if (note != NULL)
        {
          /* Translators: the nurse's note on a criterion */
          g_autofree char *text = g_strdup_printf (_("Note: %s"), note);

          gtk_box_append (GTK_BOX (body), wrapped_label (text, "criterion-note"));
        }
      gtk_box_append (GTK_BOX (body), wrapped_label (by, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (body), "dim-label");
    }

  /* Translators: a criterion and its verdict, for screen readers: "I4, Fail" */
  accessible = g_strdup_printf (_("%s, %s"), short_id != NULL ? short_id : "",
                                eligo_verdict_get_label (verdict));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  return row;
}

static char *
format_counts (JsonObject *counts)
{
  /* Translators: the criteria of a screening by verdict */
  return g_strdup_printf (_("%u passed, %u failed, %u unknown, %u to review"),
                          (guint) json_int (counts, "pass"), (guint) json_int (counts, "fail"),
                          (guint) json_int (counts, "unknown"),
                          (guint) json_int (counts, "review"));
}

static void
update_details (EligoScreeningLogWindow *self)
{
  EligoScreeningLogRow *row = _eligo_screening_log_window_get_selected_row (self);
  const EligoScreeningRecord *record;
  g_autoptr(JsonObject) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *heading = NULL;
  JsonObject *result, *patient, *answers;
  JsonNode *criteria_node;
  EligoTrialVerdict verdict;
  const char *classes[] = { "verdict", NULL, NULL };
  const char *nct_id, *verdict_text;
  guint n_criteria = 0;

  if (row == NULL)
    {
      self->snapshot_id = 0;
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }

  record = eligo_screening_log_row_get_record (row);
  if (record->id == self->snapshot_id)
    return;

  snapshot = eligo_database_get_snapshot (self->database, record->id, &error);
  if (snapshot == NULL)
    {
      g_warning ("Could not read a saved screening: %s", error->message);
      self->snapshot_id = 0;
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }
  self->snapshot_id = record->id;

  result = json_object (snapshot, "result");
  patient = json_object (snapshot, "patient");
  answers = json_object (patient, "answers");

  /* Only the pseudonymous screening id: never initials or year of birth. */
  gtk_label_set_label (self->detail_screening_id, record->screening_id);

  verdict_text = json_string (result, "verdict");
  verdict = _eligo_trial_verdict_from_string (verdict_text != NULL ? verdict_text
                                                                   : record->verdict);
  classes[1] = eligo_trial_verdict_to_string (verdict);
  gtk_widget_set_css_classes (self->detail_verdict_box, classes);
  gtk_image_set_from_icon_name (self->detail_verdict_icon,
                                _eligo_trial_verdict_get_icon_name (verdict));
  gtk_label_set_label (self->detail_verdict_label, eligo_trial_verdict_get_label (verdict));

  /* The funnel above names the trial in full. */
  nct_id = json_string (result, "nct_id") != NULL ? json_string (result, "nct_id")
                                                  : record->nct_id;
  counts = format_counts (json_object (result, "counts"));

  remove_children (GTK_WIDGET (self->detail_grid));
  add_detail (self, 0, _("Date"), eligo_screening_log_row_get_time (row));
  add_detail (self, 1, _("Screener"), json_string (snapshot, "screener"));
  add_detail (self, 2, _("Site"), json_string (snapshot, "site"));
  add_detail (self, 3, _("Trial"), nct_id);
  /* Translators: the registry's last update of the trial that was screened against */
  add_detail (self, 4, _("Trial version"), json_string (snapshot, "trial_last_update"));
  add_detail (self, 5, _("Criteria"), counts);
  if (record->criteria_changed != NULL)
    add_outdated (self, 6, record);

  remove_children (GTK_WIDGET (self->criteria_box));
  criteria_node = result != NULL ? json_object_get_member (result, "criteria") : NULL;
  if (criteria_node != NULL && JSON_NODE_HOLDS_ARRAY (criteria_node))
    {
      JsonArray *criteria = json_node_get_array (criteria_node);

      n_criteria = json_array_get_length (criteria);
      for (guint i = 0; i < n_criteria; i++)
        {
          JsonNode *node = json_array_get_element (criteria, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            gtk_box_append (self->criteria_box,
                            criterion_row (json_node_get_object (node), answers));
        }
    }

  /* Translators: the heading over the criteria of a saved screening */
  heading = g_strdup_printf (ngettext ("%u Criterion", "%u Criteria", n_criteria), n_criteria);
  gtk_label_set_label (self->criteria_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_box), n_criteria > 0);

  gtk_stack_set_visible_child_name (self->details_stack, "details");
}

void
_eligo_screening_log_window_update_panel (EligoScreeningLogWindow *self)
{
  update_funnel (self);
  update_details (self);
}

/**
 * _eligo_screening_log_window_screen_again:
 *
 * Opens the screening dialog on the selected screening's patient, as
 * stored, and its trial: the dialog screens against the trial's criteria
 * as they read now, and the patient's answers follow their criterion's
 * words, so those on unchanged criteria are kept.
 *
 * Returns: (transfer none) (nullable): the dialog, presented
 */
GtkWidget *
_eligo_screening_log_window_screen_again (EligoScreeningLogWindow *self)
{
  EligoScreeningLogRow *row = _eligo_screening_log_window_get_selected_row (self);
  g_autoptr(EligoPatient) patient = NULL;
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) trials = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (row == NULL)
    return NULL;

  trial = eligo_database_get_trial_by_nct_id (self->database,
                                              eligo_screening_log_row_get_nct_id (row), &error);
  if (trial != NULL)
    patient = eligo_database_load_patient (self->database,
                                           eligo_screening_log_row_get_screening_id (row),
                                           &error);
  if (patient == NULL)
    {
      /* No patient data in logs: not even the error, which names the patient. */
      g_warning ("Could not screen again: the trial or the patient is no longer stored");
      return NULL;
    }

  trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (trials, g_steal_pointer (&trial));
  dialog = eligo_screening_dialog_new (GTK_WINDOW (self), self->database, trials, patient);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

void
_eligo_screening_log_window_screen_again_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter)
{
  _eligo_screening_log_window_screen_again (ELIGO_SCREENING_LOG_WINDOW (widget));
}
