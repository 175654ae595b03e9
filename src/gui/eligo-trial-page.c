/* eligo-trial-page.c
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

#define G_LOG_DOMAIN "eligo-trial-page"

#include "config.h"

#include <glib/gi18n.h>

#include "eligo-criteria-changes.h"
#include "eligo-format.h"
#include "eligo-trial-page.h"
#include "eligo-trial-page-private.h"

/*
 * EligoTrialPage shows one trial's record in full: a header (NCT ID,
 * titles, status, links) from the template, then a column of sections that
 * is rebuilt from the trial on every eligo_trial_page_set_trial() (see
 * eligo-trial-page-sections.c).
 */

/* Wider than this, the column stays centered: long lines are hard to read. */
#define CLAMP_MAXIMUM_WIDTH 900

#define COPIED_FEEDBACK_SECONDS 2

/*
 * EligoTrialPageClamp: one child, at most CLAMP_MAXIMUM_WIDTH wide and
 * centered (GTK 4.8 has no AdwClamp). Private to the trial page.
 */
#define ELIGO_TYPE_TRIAL_PAGE_CLAMP (eligo_trial_page_clamp_get_type ())
G_DECLARE_FINAL_TYPE (EligoTrialPageClamp, eligo_trial_page_clamp, ELIGO, TRIAL_PAGE_CLAMP, GtkWidget)

struct _EligoTrialPageClamp
{
  GtkWidget parent_instance;
};

struct _EligoTrialPage
{
  GtkWidget          parent_instance;

  EligoTrial        *trial;
  guint              copied_source;

  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *nct_id_label;
  GtkLabel          *status_label;
  GtkLabel          *title_label;
  GtkLabel          *official_title_label;
  GtkLabel          *acronym_label;
  GtkImage          *copy_image;
  GtkLabel          *copy_label;
  GtkBox            *content_box;
};

G_DEFINE_FINAL_TYPE (EligoTrialPageClamp, eligo_trial_page_clamp, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (EligoTrialPage, eligo_trial_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
clear_content (EligoTrialPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
}

static void
update_header (EligoTrialPage *self)
{
  EligoTrial *trial = self->trial;
  const char *status = eligo_trial_get_overall_status (trial);
  const char *official_title = eligo_trial_get_official_title (trial);
  const char *acronym = eligo_trial_get_acronym (trial);

  gtk_label_set_label (self->nct_id_label, eligo_trial_get_nct_id (trial));
  gtk_label_set_label (self->title_label,
                       !is_blank (eligo_trial_get_brief_title (trial))
                       ? eligo_trial_get_brief_title (trial)
                       : eligo_trial_get_nct_id (trial));

  gtk_widget_set_visible (GTK_WIDGET (self->official_title_label),
                          !is_blank (official_title) &&
                          g_strcmp0 (official_title, eligo_trial_get_brief_title (trial)) != 0);
  gtk_label_set_label (self->official_title_label, official_title != NULL ? official_title : "");

  gtk_widget_set_visible (GTK_WIDGET (self->acronym_label), !is_blank (acronym));
  if (!is_blank (acronym))
    {
      /* Translators: a trial's acronym, e.g. "Acronym: CARTALL" */
      g_autofree char *text = g_strdup_printf (_("Acronym: %s"), acronym);

      gtk_label_set_label (self->acronym_label, text);
    }
  else
    gtk_label_set_label (self->acronym_label, "");

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !is_blank (status));
  if (!is_blank (status))
    {
      g_autofree char *label = eligo_format_status (status);
      gboolean open = eligo_status_is_open (status);

      gtk_label_set_label (self->status_label, label);
      if (open)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "open");
          gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "closed");
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "closed");
          gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "open");
        }
    }
}

static void
reset_copy_feedback (EligoTrialPage *self)
{
  g_clear_handle_id (&self->copied_source, g_source_remove);
  gtk_image_set_from_icon_name (self->copy_image, "edit-copy-symbolic");
  gtk_label_set_label (self->copy_label, _("Copy NCT ID"));
}

static void
update_actions (EligoTrialPage *self)
{
  gboolean has_trial = self->trial != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trial.open-in-browser", has_trial);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trial.copy-nct-id", has_trial);
}

/*
 * Callbacks and actions
 */

static gboolean
on_copied_timeout_cb (gpointer user_data)
{
  EligoTrialPage *self = user_data;

  self->copied_source = 0;
  reset_copy_feedback (self);

  return G_SOURCE_REMOVE;
}

static void
eligo_trial_page_copy_nct_id_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  EligoTrialPage *self = ELIGO_TRIAL_PAGE (widget);

  if (self->trial == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), eligo_trial_get_nct_id (self->trial));

  reset_copy_feedback (self);
  gtk_image_set_from_icon_name (self->copy_image, "object-select-symbolic");
  /* Translators: shown for a moment on the "Copy NCT ID" button after copying */
  gtk_label_set_label (self->copy_label, _("Copied"));
  self->copied_source = g_timeout_add_seconds (COPIED_FEEDBACK_SECONDS, on_copied_timeout_cb, self);
}

static void
eligo_trial_page_open_in_browser_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  EligoTrialPage *self = ELIGO_TRIAL_PAGE (widget);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  if (self->trial == NULL)
    return;

  /* The NCT ID is the only thing that leaves the computer, and only on request. */
  escaped = g_uri_escape_string (eligo_trial_get_nct_id (self->trial), NULL, FALSE);
  uri = g_strconcat ("https://clinicaltrials.gov/study/", escaped, NULL);
  root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/*
 * EligoTrialPageClamp
 */

static GtkSizeRequestMode
eligo_trial_page_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
eligo_trial_page_clamp_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
      *natural = MAX (*minimum, MIN (*natural, CLAMP_MAXIMUM_WIDTH));
    }
  else
    {
      int child_width = -1;

      if (for_size >= 0)
        {
          int child_minimum;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL,
                              NULL, NULL);
          child_width = MAX (child_minimum, MIN (for_size, CLAMP_MAXIMUM_WIDTH));
        }
      gtk_widget_measure (child, orientation, child_width, minimum, natural, NULL, NULL);
    }
}

static void
eligo_trial_page_clamp_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_minimum;
  int child_width;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
  child_width = MAX (child_minimum, MIN (width, CLAMP_MAXIMUM_WIDTH));

  gtk_widget_allocate (child, child_width, height, baseline,
                       gsk_transform_translate (NULL,
                                                &GRAPHENE_POINT_INIT ((width - child_width) / 2,
                                                                      0)));
}

static void
eligo_trial_page_clamp_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (eligo_trial_page_clamp_parent_class)->dispose (object);
}

static void
eligo_trial_page_clamp_class_init (EligoTrialPageClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_trial_page_clamp_dispose;

  widget_class->get_request_mode = eligo_trial_page_clamp_get_request_mode;
  widget_class->measure = eligo_trial_page_clamp_measure;
  widget_class->size_allocate = eligo_trial_page_clamp_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "trialpageclamp");
}

static void
eligo_trial_page_clamp_init (EligoTrialPageClamp *self)
{
}

/*
 * GObject overrides
 */

static void
eligo_trial_page_dispose (GObject *object)
{
  EligoTrialPage *self = ELIGO_TRIAL_PAGE (object);

  g_clear_handle_id (&self->copied_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ELIGO_TYPE_TRIAL_PAGE);
  g_clear_object (&self->trial);

  G_OBJECT_CLASS (eligo_trial_page_parent_class)->dispose (object);
}

static void
eligo_trial_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EligoTrialPage *self = ELIGO_TRIAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_TRIAL:
      g_value_set_object (value, self->trial);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_trial_page_class_init (EligoTrialPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_trial_page_dispose;
  object_class->get_property = eligo_trial_page_get_property;

  /**
   * EligoTrialPage:trial: (nullable)
   *
   * The trial shown, or %NULL for the empty state.
   */
  properties[PROP_TRIAL] =
    g_param_spec_object ("trial", NULL, NULL,
                         ELIGO_TYPE_TRIAL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "trial.open-in-browser", NULL,
                                   eligo_trial_page_open_in_browser_action);
  gtk_widget_class_install_action (widget_class, "trial.copy-nct-id", NULL,
                                   eligo_trial_page_copy_nct_id_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trialpage");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               ELIGO_RESOURCE_BASE "/ui/eligo-trial-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, nct_id_label);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, official_title_label);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, acronym_label);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, copy_image);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, copy_label);
  gtk_widget_class_bind_template_child (widget_class, EligoTrialPage, content_box);

  g_type_ensure (ELIGO_TYPE_TRIAL_PAGE_CLAMP);
}

static void
eligo_trial_page_init (EligoTrialPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}

/*
 * Public API
 */

/**
 * eligo_trial_page_new:
 *
 * Returns: (transfer floating): a trial page showing no trial
 */
GtkWidget *
eligo_trial_page_new (void)
{
  return g_object_new (ELIGO_TYPE_TRIAL_PAGE, NULL);
}

/**
 * eligo_trial_page_get_trial:
 * @self: a trial page
 *
 * Returns: (transfer none) (nullable): the trial shown
 */
EligoTrial *
eligo_trial_page_get_trial (EligoTrialPage *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL_PAGE (self), NULL);

  return self->trial;
}

/**
 * eligo_trial_page_set_trial:
 * @self: a trial page
 * @database: (nullable): the database @trial is in, for its criteria and
 *   their curated rules; without it the criteria are parsed afresh
 * @trial: (nullable): the trial to show, or %NULL for the empty state
 *
 * Shows @trial from the top. Setting the trial shown again rebuilds the
 * page, so that newly curated rules appear.
 */
void
eligo_trial_page_set_trial (EligoTrialPage *self,
                            EligoDatabase  *database,
                            EligoTrial     *trial)
{
  gboolean changed;

  g_return_if_fail (ELIGO_IS_TRIAL_PAGE (self));
  g_return_if_fail (database == NULL || ELIGO_IS_DATABASE (database));
  g_return_if_fail (trial == NULL || ELIGO_IS_TRIAL (trial));

  changed = g_set_object (&self->trial, trial);

  clear_content (self);
  reset_copy_feedback (self);
  update_actions (self);

  if (trial == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      update_header (self);
      gtk_box_append (self->content_box, eligo_criteria_changes_new (database, trial));
      _eligo_trial_page_build_sections (self->content_box, database, trial);

      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
      gtk_stack_set_visible_child_name (self->stack, "trial");
    }

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIAL]);
}
