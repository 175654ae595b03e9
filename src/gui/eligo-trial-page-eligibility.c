/* eligo-trial-page-eligibility.c
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
#include <string.h>

#include "eligo-criterion.h"
#include "eligo-criterion-row.h"
#include "eligo-format.h"
#include "eligo-trial-page-private.h"

/*
 * The eligibility section of a trial page: the registry's age, sex and
 * healthy volunteer fields, then the criteria as the splitter found them,
 * each with the rule Eligo screens it with.
 */

static GtkWidget *
criterion_row_new (EligoCriterion *criterion)
{
  g_autofree char *rule = eligo_criterion_dup_rule_text (criterion);
  const char *id = eligo_criterion_get_id (criterion);
  const char *short_id = strchr (id, '/');
  GtkWidget *row;
  GtkWidget *id_label;
  GtkWidget *body;
  GtkWidget *label;

  row = _eligo_hrow_new (12);
  gtk_widget_add_css_class (row, "trial-criterion");

  id_label = gtk_label_new (short_id != NULL ? short_id + 1 : id);
  gtk_label_set_xalign (GTK_LABEL (id_label), 0.0f);
  gtk_label_set_width_chars (GTK_LABEL (id_label), 3);
  gtk_widget_set_valign (id_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (id_label, "trial-criterion-id");
  gtk_widget_set_tooltip_text (id_label, id);
  _eligo_hrow_append (row, id_label);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (body, TRUE);
  _eligo_hrow_append (row, body);

  if (!_eligo_is_blank (eligo_criterion_get_context (criterion)))
    {
      label = _eligo_dim_label_new (eligo_criterion_get_context (criterion));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (body), label);
    }

  label = _eligo_text_label_new (eligo_criterion_get_text (criterion));
  eligo_criterion_label_show_spans (label, criterion);
  gtk_box_append (GTK_BOX (body), label);

  switch (eligo_criterion_get_subject (criterion))
    {
    case ELIGO_SUBJECT_DONOR:
      label = _eligo_dim_label_new (_("About the donor, not the patient"));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (body), label);
      break;

    case ELIGO_SUBJECT_OTHER:
      label = _eligo_dim_label_new (_("About another person, not the patient"));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (body), label);
      break;

    case ELIGO_SUBJECT_PATIENT:
    default:
      break;
    }

  if (rule != NULL)
    {
      GtkWidget *rule_box = _eligo_hrow_new (6);

      label = gtk_label_new (rule);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "trial-rule");
      gtk_widget_set_tooltip_text (label, _("The rule Eligo screens this criterion with"));
      _eligo_hrow_append (rule_box, label);

      if (eligo_criterion_get_partial (criterion))
        /* Translators: a tag on a rule that covers only part of its criterion */
        _eligo_hrow_append (rule_box,
                            _eligo_tag_new (C_("rule tag", "partial"),
                                            _("The rule covers only part of the criterion: "
                                              "it can rule a patient out, never in")));

      switch (eligo_criterion_get_origin (criterion))
        {
        case ELIGO_ORIGIN_STRUCTURED:
          /* Translators: a tag on a rule read from the registry's structured fields */
          _eligo_hrow_append (rule_box,
                              _eligo_tag_new (C_("rule tag", "registry"),
                                              _("From the registry’s age, sex or healthy "
                                                "volunteer fields")));
          break;

        case ELIGO_ORIGIN_CURATED:
          /* Translators: a tag on a rule a nurse wrote or corrected */
          _eligo_hrow_append (rule_box,
                              _eligo_tag_new (C_("rule tag", "curated"),
                                              _("Written or corrected by a member of the team")));
          break;

        case ELIGO_ORIGIN_PARSED:
        default:
          break;
        }

      gtk_box_append (GTK_BOX (body), rule_box);
    }

  return row;
}

static void
append_criteria_group (GtkWidget          *section,
                       GPtrArray          *criteria,
                       EligoCriterionKind  kind,
                       const char         *heading)
{
  GtkWidget *card = NULL;

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);

      if (eligo_criterion_get_kind (criterion) != kind)
        continue;

      if (card == NULL)
        {
          gtk_box_append (GTK_BOX (section), _eligo_subsection_heading_new (heading));
          card = _eligo_card_new ();
        }
      _eligo_card_append (card, criterion_row_new (criterion));
    }

  if (card != NULL)
    gtk_box_append (GTK_BOX (section), card);
}

/* The registry's own age limits, e.g. "14 Years to 80 Years". */
static char *
format_registry_ages (EligoTrial *trial)
{
  const char *minimum = eligo_trial_get_minimum_age_text (trial);
  const char *maximum = eligo_trial_get_maximum_age_text (trial);

  if (!_eligo_is_blank (minimum) && !_eligo_is_blank (maximum))
    /* Translators: the registry's age limits, e.g. "14 Years to 80 Years" */
    return g_strdup_printf (C_("registry ages", "%s to %s"), minimum, maximum);

  if (!_eligo_is_blank (maximum))
    /* Translators: the registry's upper age limit, e.g. "up to 17 Years" */
    return g_strdup_printf (C_("registry ages", "up to %s"), maximum);

  if (!_eligo_is_blank (minimum))
    /* Translators: the registry's lower age limit, e.g. "18 Years and older" */
    return g_strdup_printf (C_("registry ages", "%s and older"), minimum);

  return NULL;
}

void
_eligo_trial_page_build_eligibility (GtkBox         *content,
                                     EligoDatabase  *database,
                                     EligoTrial     *trial)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ages = NULL;
  GtkWidget *section;
  Facts facts = { 0 };

  section = _eligo_section_new (_("Eligibility"));

  ages = format_registry_ages (trial);

  /* Translators: the ages a trial takes, as the registry writes them */
  _eligo_facts_add (&facts, C_("eligibility", "Ages"), ages);
  if (!_eligo_is_blank (eligo_trial_get_sex (trial)))
    _eligo_facts_take (&facts, C_("trial fact", "Sex"),
                       eligo_format_sex (eligo_trial_get_sex (trial)));
  _eligo_facts_add (&facts, _("Healthy volunteers"),
                    _eligo_format_healthy_volunteers (eligo_trial_get_healthy_volunteers (trial)));
  if (facts.grid != NULL)
    {
      GtkWidget *card = _eligo_card_new ();
      GtkWidget *row = _eligo_card_row_new ();

      _eligo_append_facts (row, &facts);
      _eligo_card_append (card, row);
      gtk_box_append (GTK_BOX (section), card);
    }

  if (database != NULL)
    criteria = eligo_database_get_criteria (database, trial, &error);
  else
    criteria = eligo_criteria_for_trial (trial);

  if (criteria == NULL)
    {
      GtkWidget *label;
      g_autofree char *message = NULL;

      /* Translators: shown in place of a trial's criteria; %s is the reason */
      message = g_strdup_printf (_("The criteria cannot be read: %s"),
                                 error != NULL ? error->message : "");
      label = _eligo_dim_label_new (message);
      gtk_box_append (GTK_BOX (section), label);
      g_debug ("Criteria of %s: %s", eligo_trial_get_nct_id (trial),
               error != NULL ? error->message : "none");
    }
  else if (criteria->len > 0)
    {
      g_autofree char *summary = NULL;
      guint n_rules = 0;

      for (guint i = 0; i < criteria->len; i++)
        {
          if (eligo_criterion_get_rule (g_ptr_array_index (criteria, i)) != NULL)
            n_rules++;
        }

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: e.g. "1 of 1 criterion has a rule" */
                                              "%u of %u criterion has a rule",
                                              /* Translators: e.g. "12 of 28 criteria have a rule" */
                                              "%u of %u criteria have a rule",
                                              criteria->len),
                                 n_rules, criteria->len);
      gtk_box_append (GTK_BOX (section), _eligo_dim_label_new (summary));

      append_criteria_group (section, criteria, ELIGO_CRITERION_INCLUSION,
                             _("Inclusion criteria"));
      append_criteria_group (section, criteria, ELIGO_CRITERION_EXCLUSION,
                             _("Exclusion criteria"));
    }
  else if (!_eligo_is_blank (eligo_trial_get_eligibility_criteria (trial)))
    {
      /* The splitter found no items: show the registry's text as it is. */
      _eligo_append_paragraphs (section, eligo_trial_get_eligibility_criteria (trial));
    }

  _eligo_append_section (content, section);
}
