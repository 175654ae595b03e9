/* eligo-criteria-changes.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the registry changed. A line with the registry's last update, then,
 * when a re-import or refresh changed the trial's eligibility
 * (eligo_database_get_previous_criteria()), a card with one row per
 * criterion added, removed or reworded: the words before on the left, the
 * words now on the right. Unchanged criteria are only counted. Plain
 * labels: the criteria section below draws the criteria themselves.
 */

#define G_LOG_DOMAIN "eligo-criteria-changes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-criteria-changes.h"
#include "eligo-format.h"

/* Both sides wrap at the same width, so the columns stay alike. */
#define SIDE_CHARS      24
#define SIDE_MAX_CHARS  60

struct _EligoCriteriaChanges
{
  GtkWidget                parent_instance;

  gboolean                 has_diff;
  EligoCriteriaDiffCounts  counts;
};

G_DEFINE_FINAL_TYPE (EligoCriteriaChanges, eligo_criteria_changes, GTK_TYPE_WIDGET)

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
side_label_new (EligoCriterion *criterion)
{
  GtkWidget *label;

  if (criterion == NULL)
    {
      label = label_new (ELIGO_FORMAT_ABSENT, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      /* Translators: read for an empty side of the table */
                                      _("None"), -1);
    }
  else
    {
      label = label_new (eligo_criterion_get_text (criterion), NULL);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    }

  gtk_label_set_width_chars (GTK_LABEL (label), SIDE_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), SIDE_MAX_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);

  return label;
}

/* "I3", or "I11 → I10" when the criterion moved. */
static char *
short_ids (const EligoCriterionChange *change)
{
  const char *old_id = change->old_criterion != NULL
                       ? eligo_criterion_get_id (change->old_criterion) : NULL;
  const char *new_id = change->new_criterion != NULL
                       ? eligo_criterion_get_id (change->new_criterion) : NULL;
  const char *old_short = old_id != NULL && strrchr (old_id, '/') ? strrchr (old_id, '/') + 1
                                                                  : old_id;
  const char *new_short = new_id != NULL && strrchr (new_id, '/') ? strrchr (new_id, '/') + 1
                                                                  : new_id;

  if (old_short != NULL && new_short != NULL && g_strcmp0 (old_short, new_short) != 0)
    /* Translators: a criterion's id before and after a registry update */
    return g_strdup_printf (_("%s → %s"), old_short, new_short);

  return g_strdup (new_short != NULL ? new_short : old_short);
}

static const char *
change_label (EligoCriterionChangeKind kind)
{
  switch (kind)
    {
    case ELIGO_CRITERION_CHANGE_ADDED:
      /* Translators: a criterion the registry added */
      return C_("criterion", "Added");
    case ELIGO_CRITERION_CHANGE_REMOVED:
      /* Translators: a criterion the registry removed */
      return C_("criterion", "Removed");
    case ELIGO_CRITERION_CHANGE_REWORDED:
      /* Translators: a criterion the registry reworded */
      return C_("criterion", "Reworded");
    case ELIGO_CRITERION_CHANGE_UNCHANGED:
    default:
      return C_("criterion", "Unchanged");
    }
}

static void
append_change (GtkGrid                    *grid,
               int                         row,
               const EligoCriterionChange *change)
{
  g_autofree char *ids = short_ids (change);
  GtkWidget *tag_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *tag = gtk_label_new (change_label (change->kind));
  GtkWidget *id_label = label_new (ids, "caption");

  gtk_widget_add_css_class (tag, "trial-tag");
  gtk_widget_add_css_class (tag, "criteria-change");
  gtk_widget_add_css_class (tag, eligo_criterion_change_kind_to_string (change->kind));
  gtk_widget_set_halign (tag, GTK_ALIGN_START);
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_widget_add_css_class (id_label, "numeric");
  gtk_box_append (GTK_BOX (tag_box), tag);
  gtk_box_append (GTK_BOX (tag_box), id_label);

  gtk_grid_attach (grid, tag_box, 0, row, 1, 1);
  gtk_grid_attach (grid, side_label_new (change->old_criterion), 1, row, 1, 1);
  gtk_grid_attach (grid, side_label_new (change->new_criterion), 2, row, 1, 1);
}

static void
append_count (GString    *out,
              const char *part)
{
  if (out->len > 0)
    /* Translators: the separator between counts: "1 criterion added, 4 reworded" */
    g_string_append (out, _(", "));
  g_string_append (out, part);
}

/**
 * eligo_criteria_changes_format_counts:
 *
 * Returns: (transfer full): "1 criterion added, 1 removed, 4 reworded,
 *   15 unchanged", leaving out the kinds of change there are none of
 */
char *
eligo_criteria_changes_format_counts (const EligoCriteriaDiffCounts *counts)
{
  GString *out = g_string_new (NULL);

  if (counts->added > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion added",
                                                            "%u criteria added", counts->added),
                                               counts->added);
      append_count (out, part);
    }
  if (counts->removed > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed",
                                                            "%u removed", counts->removed),
                                               counts->removed);
      append_count (out, part);
    }
  if (counts->reworded > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reworded",
                                                            "%u reworded", counts->reworded),
                                               counts->reworded);
      append_count (out, part);
    }
  {
    g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged",
                                                          "%u unchanged", counts->unchanged),
                                             counts->unchanged);
    append_count (out, part);
  }

  return g_string_free (out, FALSE);
}

static void
build_diff (EligoCriteriaChanges  *self,
            GtkWidget             *box,
            EligoCriteriaRevision *revision,
            GPtrArray             *criteria)
{
  g_autoptr(GPtrArray) changes = eligo_criteria_diff (revision->criteria, criteria);
  g_autofree char *before_date = eligo_format_date (revision->version);
  g_autofree char *after_date = eligo_format_date (revision->replaced_by);
  g_autofree char *heading_text = NULL;
  g_autofree char *counts_text = NULL;
  g_autofree char *before_heading = NULL;
  g_autofree char *after_heading = NULL;
  GtkWidget *heading, *card, *grid;
  int row = 1;

  eligo_criteria_diff_count (changes, &self->counts);
  self->has_diff = TRUE;

  /* Translators: %s is the registry's date of the update that changed the criteria */
  heading_text = g_strdup_printf (_("Eligibility changed on %s"), after_date);
  heading = g_object_new (GTK_TYPE_LABEL,
                          "label", heading_text,
                          "xalign", 0.0f,
                          "wrap", TRUE,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          NULL);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (box), heading);

  counts_text = eligo_criteria_changes_format_counts (&self->counts);
  gtk_box_append (GTK_BOX (box), label_new (counts_text, "dim-label"));

  if (self->counts.added + self->counts.removed + self->counts.reworded == 0)
    return;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "trial-card");
  grid = gtk_grid_new ();
  gtk_widget_add_css_class (grid, "trial-card-row");
  gtk_widget_add_css_class (grid, "criteria-changes-table");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (card), grid);

  /* Translators: the column of the criteria as they read before an update, with its date */
  before_heading = g_strdup_printf (_("Before (%s)"), before_date);
  /* Translators: the column of the criteria as they read now, with the update's date */
  after_heading = g_strdup_printf (_("Now (%s)"), after_date);
  gtk_grid_attach (GTK_GRID (grid), label_new (NULL, NULL), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (before_heading, "heading"), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (after_heading, "heading"), 2, 0, 1, 1);

  for (guint i = 0; i < changes->len; i++)
    {
      const EligoCriterionChange *change = g_ptr_array_index (changes, i);

      if (change->kind == ELIGO_CRITERION_CHANGE_UNCHANGED)
        continue;
      append_change (GTK_GRID (grid), row++, change);
    }

  gtk_box_append (GTK_BOX (box), card);
}

static void
build (EligoCriteriaChanges *self,
       EligoDatabase        *database,
       EligoTrial           *trial)
{
  const char *last_update = eligo_trial_get_last_update (trial);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(EligoCriteriaRevision) revision = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_add_css_class (box, "trial-section");
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  if (last_update != NULL && last_update[0] != '\0')
    {
      g_autofree char *date = eligo_format_date (last_update);
      /* Translators: %s is the registry's date of its last update of the trial */
      g_autofree char *text = g_strdup_printf (_("Updated in the registry on %s"), date);

      gtk_box_append (GTK_BOX (box), label_new (text, "dim-label"));
    }

  if (database != NULL)
    revision = eligo_database_get_previous_criteria (database, eligo_trial_get_nct_id (trial),
                                                     &error);
  if (error != NULL)
    g_warning ("Could not read the previous criteria of %s: %s",
               eligo_trial_get_nct_id (trial), error->message);
  if (revision != NULL)
    criteria = eligo_database_get_criteria (database, trial, &error);
  if (criteria != NULL)
    build_diff (self, box, revision, criteria);
  else if (error != NULL)
    g_warning ("Could not read the criteria of %s: %s", eligo_trial_get_nct_id (trial),
               error->message);

  gtk_widget_set_visible (GTK_WIDGET (self), gtk_widget_get_first_child (box) != NULL);
}

static void
eligo_criteria_changes_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (eligo_criteria_changes_parent_class)->dispose (object);
}

static void
eligo_criteria_changes_class_init (EligoCriteriaChangesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_criteria_changes_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "criteriachanges");
}

static void
eligo_criteria_changes_init (EligoCriteriaChanges *self)
{
}

/**
 * eligo_criteria_changes_new:
 * @database: (nullable): the database @trial is in; without it only the
 *   registry's last update is shown
 * @trial: a stored trial
 *
 * Returns: (transfer floating): the widget, hidden when it has nothing to say
 */
GtkWidget *
eligo_criteria_changes_new (EligoDatabase *database,
                            EligoTrial    *trial)
{
  EligoCriteriaChanges *self;

  g_return_val_if_fail (database == NULL || ELIGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

  self = g_object_new (ELIGO_TYPE_CRITERIA_CHANGES, NULL);
  build (self, database, trial);

  return GTK_WIDGET (self);
}

/**
 * eligo_criteria_changes_get_counts:
 * @counts: (out): how many criteria were added, removed, reworded, kept
 *
 * Returns: whether the trial's eligibility changed in this library
 */
gboolean
eligo_criteria_changes_get_counts (EligoCriteriaChanges    *self,
                                   EligoCriteriaDiffCounts *counts)
{
  g_return_val_if_fail (ELIGO_IS_CRITERIA_CHANGES (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  *counts = self->counts;
  return self->has_diff;
}
