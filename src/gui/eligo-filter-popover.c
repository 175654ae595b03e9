/* eligo-filter-popover.c
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

#define G_LOG_DOMAIN "eligo-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-filter-popover.h"
#include "eligo-format.h"

/*
 * EligoFilterPopover holds the filters of the trial list: statuses and
 * phases (any of the checked ones), study type, sex and the age of a
 * patient the trial must fit. It emits ::changed once per change; the
 * window puts the filters into its query with eligo_filter_popover_apply().
 */

struct _EligoFilterPopover
{
  GtkPopover      parent_instance;

  GtkCheckButton *status_checks[9];
  GtkCheckButton *phase_checks[6];
  guint           freeze;
  gboolean        pending;

  /* Template widgets */
  GtkLabel       *status_note;
  GtkGrid        *status_grid;
  GtkGrid        *phase_grid;
  GtkDropDown    *study_type_dropdown;
  GtkDropDown    *sex_dropdown;
  GtkCheckButton *age_check;
  GtkSpinButton  *age_spin;
  GtkButton      *clear_button;
};

G_DEFINE_FINAL_TYPE (EligoFilterPopover, eligo_filter_popover, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The statuses a nurse filters by, in the order of a trial's life. */
static const char * const statuses[] = {
  "RECRUITING",
  "NOT_YET_RECRUITING",
  "ENROLLING_BY_INVITATION",
  "ACTIVE_NOT_RECRUITING",
  "SUSPENDED",
  "COMPLETED",
  "TERMINATED",
  "WITHDRAWN",
  "UNKNOWN",
};

static const char * const phases[] = {
  "EARLY_PHASE1",
  "PHASE1",
  "PHASE2",
  "PHASE3",
  "PHASE4",
  "NA",
};

/* In the order of the study type drop-down, after "Any". */
static const char * const study_types[] = {
  "INTERVENTIONAL",
  "OBSERVATIONAL",
  "EXPANDED_ACCESS",
};

/* In the order of the sex drop-down, after "Any". */
static const char * const sexes[] = {
  "FEMALE",
  "MALE",
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == 9);
G_STATIC_ASSERT (G_N_ELEMENTS (phases) == 6);

static int
find_string (const char * const *strings,
             guint               n_strings,
             const char         *string)
{
  for (guint i = 0; i < n_strings; i++)
    {
      if (g_strcmp0 (strings[i], string) == 0)
        return i;
    }

  return -1;
}

static char **
dup_checked (GtkCheckButton     **checks,
             const char * const  *values,
             guint                n_values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_checked = 0;

  for (guint i = 0; i < n_values; i++)
    {
      if (gtk_check_button_get_active (checks[i]))
        {
          g_strv_builder_add (builder, values[i]);
          n_checked++;
        }
    }

  if (n_checked == 0)
    return NULL;

  return g_strv_builder_end (builder);
}

static gboolean
any_checked (GtkCheckButton **checks,
             guint            n_checks)
{
  for (guint i = 0; i < n_checks; i++)
    {
      if (gtk_check_button_get_active (checks[i]))
        return TRUE;
    }

  return FALSE;
}

static void
eligo_filter_popover_emit_changed (EligoFilterPopover *self)
{
  g_assert (ELIGO_IS_FILTER_POPOVER (self));

  if (self->freeze > 0)
    {
      self->pending = TRUE;
      return;
    }

  self->pending = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button),
                            eligo_filter_popover_get_n_active (self) > 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
eligo_filter_popover_freeze (EligoFilterPopover *self)
{
  self->freeze++;
}

static void
eligo_filter_popover_thaw (EligoFilterPopover *self)
{
  g_assert (self->freeze > 0);

  if (--self->freeze == 0 && self->pending)
    eligo_filter_popover_emit_changed (self);
}

static void
on_changed_cb (EligoFilterPopover *self)
{
  eligo_filter_popover_emit_changed (self);
}

static void
on_age_toggled_cb (EligoFilterPopover *self)
{
  if (gtk_check_button_get_active (self->age_check))
    gtk_widget_grab_focus (GTK_WIDGET (self->age_spin));

  eligo_filter_popover_emit_changed (self);
}

static GtkCheckButton *
add_check (EligoFilterPopover *self,
           GtkGrid            *grid,
           const char         *label,
           guint               index,
           guint               n_columns)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_grid_attach (grid, check, index % n_columns, index / n_columns, 1, 1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_CHECK_BUTTON (check);
}

static void
eligo_filter_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ELIGO_TYPE_FILTER_POPOVER);

  G_OBJECT_CLASS (eligo_filter_popover_parent_class)->dispose (object);
}

static void
eligo_filter_popover_class_init (EligoFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_filter_popover_dispose;

  /**
   * EligoFilterPopover::changed:
   *
   * A filter was set or cleared.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               ELIGO_RESOURCE_BASE "/ui/eligo-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, status_note);
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, status_grid);
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, phase_grid);
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, study_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, sex_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, age_check);
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, age_spin);
  gtk_widget_class_bind_template_child (widget_class, EligoFilterPopover, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_age_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, eligo_filter_popover_clear);
}

static void
eligo_filter_popover_init (EligoFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *label = eligo_format_status (statuses[i]);

      self->status_checks[i] = add_check (self, self->status_grid, label, i, 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autofree char *label = eligo_format_phases (phases[i]);

      self->phase_checks[i] = add_check (self, self->phase_grid, label, i, 3);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), FALSE);
}

GtkWidget *
eligo_filter_popover_new (void)
{
  return g_object_new (ELIGO_TYPE_FILTER_POPOVER, NULL);
}

/**
 * eligo_filter_popover_get_n_active:
 *
 * Returns: how many kinds of filter are set (statuses, phases, study type,
 *   sex, patient age), for the filter button
 */
guint
eligo_filter_popover_get_n_active (EligoFilterPopover *self)
{
  guint n_active = 0;

  g_return_val_if_fail (ELIGO_IS_FILTER_POPOVER (self), 0);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->status_grid))
      && any_checked (self->status_checks, G_N_ELEMENTS (statuses)))
    n_active++;
  if (any_checked (self->phase_checks, G_N_ELEMENTS (phases)))
    n_active++;
  if (gtk_drop_down_get_selected (self->study_type_dropdown) > 0)
    n_active++;
  if (gtk_drop_down_get_selected (self->sex_dropdown) > 0)
    n_active++;
  if (gtk_check_button_get_active (self->age_check))
    n_active++;

  return n_active;
}

/**
 * eligo_filter_popover_apply:
 * @query: the query to filter
 *
 * Sets the filters of @query (statuses, phases, study type, sex, patient
 * age) to those of the popover. Statuses are left alone while they are
 * locked (see eligo_filter_popover_set_statuses_locked()).
 */
void
eligo_filter_popover_apply (EligoFilterPopover *self,
                            EligoTrialQuery    *query)
{
  guint selected;

  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));
  g_return_if_fail (query != NULL);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->status_grid)))
    {
      g_strfreev (query->statuses);
      query->statuses = dup_checked (self->status_checks, statuses, G_N_ELEMENTS (statuses));
    }

  g_strfreev (query->phases);
  query->phases = dup_checked (self->phase_checks, phases, G_N_ELEMENTS (phases));

  selected = gtk_drop_down_get_selected (self->study_type_dropdown);
  g_free (query->study_type);
  query->study_type = selected > 0 && selected <= G_N_ELEMENTS (study_types)
                      ? g_strdup (study_types[selected - 1]) : NULL;

  selected = gtk_drop_down_get_selected (self->sex_dropdown);
  g_free (query->sex);
  query->sex = selected > 0 && selected <= G_N_ELEMENTS (sexes)
               ? g_strdup (sexes[selected - 1]) : NULL;

  if (gtk_check_button_get_active (self->age_check))
    query->patient_age = gtk_spin_button_get_value (self->age_spin);
  else
    query->patient_age = -1;
}

void
eligo_filter_popover_clear (EligoFilterPopover *self)
{
  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));

  eligo_filter_popover_freeze (self);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_check_button_set_active (self->status_checks[i], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    gtk_check_button_set_active (self->phase_checks[i], FALSE);
  gtk_drop_down_set_selected (self->study_type_dropdown, 0);
  gtk_drop_down_set_selected (self->sex_dropdown, 0);
  gtk_check_button_set_active (self->age_check, FALSE);

  eligo_filter_popover_thaw (self);
}

void
eligo_filter_popover_set_status_active (EligoFilterPopover *self,
                                        const char         *status,
                                        gboolean            active)
{
  int index;

  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));

  index = find_string (statuses, G_N_ELEMENTS (statuses), status);
  g_return_if_fail (index >= 0);

  gtk_check_button_set_active (self->status_checks[index], active);
}

void
eligo_filter_popover_set_phase_active (EligoFilterPopover *self,
                                       const char         *phase,
                                       gboolean            active)
{
  int index;

  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));

  index = find_string (phases, G_N_ELEMENTS (phases), phase);
  g_return_if_fail (index >= 0);

  gtk_check_button_set_active (self->phase_checks[index], active);
}

/**
 * eligo_filter_popover_set_study_type:
 * @study_type: (nullable): e.g. "INTERVENTIONAL", or %NULL for any
 */
void
eligo_filter_popover_set_study_type (EligoFilterPopover *self,
                                     const char         *study_type)
{
  int index;

  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));

  index = find_string (study_types, G_N_ELEMENTS (study_types), study_type);
  gtk_drop_down_set_selected (self->study_type_dropdown, index + 1);
}

/**
 * eligo_filter_popover_set_sex:
 * @sex: (nullable): "FEMALE" or "MALE", or %NULL for any
 */
void
eligo_filter_popover_set_sex (EligoFilterPopover *self,
                              const char         *sex)
{
  int index;

  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));

  index = find_string (sexes, G_N_ELEMENTS (sexes), sex);
  gtk_drop_down_set_selected (self->sex_dropdown, index + 1);
}

/**
 * eligo_filter_popover_set_patient_age:
 * @years: the age of the patient, or a negative number for no age filter
 */
void
eligo_filter_popover_set_patient_age (EligoFilterPopover *self,
                                      double              years)
{
  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));

  eligo_filter_popover_freeze (self);
  if (years >= 0)
    gtk_spin_button_set_value (self->age_spin, years);
  gtk_check_button_set_active (self->age_check, years >= 0);
  eligo_filter_popover_thaw (self);
}

/**
 * eligo_filter_popover_set_statuses_locked:
 * @locked: whether another control (“Recruiting only”) decides the statuses
 */
void
eligo_filter_popover_set_statuses_locked (EligoFilterPopover *self,
                                          gboolean            locked)
{
  g_return_if_fail (ELIGO_IS_FILTER_POPOVER (self));

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->status_grid)) == !locked)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_grid), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->status_note), locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button),
                            eligo_filter_popover_get_n_active (self) > 0);
}
