/* eligo-trial-page-sections.c
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

#include "eligo-format.h"
#include "eligo-trial-page-private.h"

/*
 * The sections of a trial page below its header: overview, descriptions,
 * design, arms and interventions, outcomes, eligibility with the parsed
 * criteria (eligo-trial-page-eligibility.c), locations and contacts
 * (eligo-trial-page-locations.c), and identifiers. Only what the registry
 * gives is shown; an absent value leaves out its row, and an empty section
 * is left out entirely.
 *
 * Registry codes (RANDOMIZED, ACTIVE_COMPARATOR…) are translated through the
 * tables below; a code newer than the tables is shown humanized
 * ("NEW_CODE" → "New code").
 */

/* ClinicalTrials.gov API v2 enums, as the design module and its
 * neighbours spell them.
 */
static const CodeLabel allocations[] = {
  { "NA",             NC_("allocation", "Not applicable") },
  { "RANDOMIZED",     NC_("allocation", "Randomized") },
  { "NON_RANDOMIZED", NC_("allocation", "Non-randomized") },
};

static const CodeLabel intervention_models[] = {
  { "SINGLE_GROUP", NC_("intervention model", "Single group") },
  { "PARALLEL",     NC_("intervention model", "Parallel") },
  { "CROSSOVER",    NC_("intervention model", "Crossover") },
  { "SEQUENTIAL",   NC_("intervention model", "Sequential") },
  { "FACTORIAL",    NC_("intervention model", "Factorial") },
};

static const CodeLabel primary_purposes[] = {
  { "TREATMENT",                NC_("primary purpose", "Treatment") },
  { "PREVENTION",               NC_("primary purpose", "Prevention") },
  { "SUPPORTIVE_CARE",          NC_("primary purpose", "Supportive care") },
  { "DIAGNOSTIC",               NC_("primary purpose", "Diagnostic") },
  { "SCREENING",                NC_("primary purpose", "Screening") },
  { "HEALTH_SERVICES_RESEARCH", NC_("primary purpose", "Health services research") },
  { "BASIC_SCIENCE",            NC_("primary purpose", "Basic science") },
  { "DEVICE_FEASIBILITY",       NC_("primary purpose", "Device feasibility") },
  { "ECT",                      NC_("primary purpose", "Educational, counseling or training") },
  { "OTHER",                    NC_("primary purpose", "Other") },
};

static const CodeLabel maskings[] = {
  /* Translators: masking (blinding) of a trial: nobody is masked */
  { "NONE",      NC_("masking", "None (open label)") },
  /* Translators: masking (blinding) of a trial: one party is masked */
  { "SINGLE",    NC_("masking", "Single") },
  { "DOUBLE",    NC_("masking", "Double") },
  { "TRIPLE",    NC_("masking", "Triple") },
  { "QUADRUPLE", NC_("masking", "Quadruple") },
};

static const CodeLabel masked_parties[] = {
  { "PARTICIPANT",       NC_("masked party", "Participant") },
  { "CARE_PROVIDER",     NC_("masked party", "Care provider") },
  { "INVESTIGATOR",      NC_("masked party", "Investigator") },
  { "OUTCOMES_ASSESSOR", NC_("masked party", "Outcomes assessor") },
};

static const CodeLabel observational_models[] = {
  { "COHORT",                NC_("observational model", "Cohort") },
  { "CASE_CONTROL",          NC_("observational model", "Case-control") },
  { "CASE_ONLY",             NC_("observational model", "Case-only") },
  { "CASE_CROSSOVER",        NC_("observational model", "Case-crossover") },
  { "ECOLOGIC_OR_COMMUNITY", NC_("observational model", "Ecologic or community") },
  { "FAMILY_BASED",          NC_("observational model", "Family-based") },
  { "DEFINED_POPULATION",    NC_("observational model", "Defined population") },
  { "NATURAL_HISTORY",       NC_("observational model", "Natural history") },
  { "OTHER",                 NC_("observational model", "Other") },
};

static const CodeLabel time_perspectives[] = {
  { "PROSPECTIVE",     NC_("time perspective", "Prospective") },
  { "RETROSPECTIVE",   NC_("time perspective", "Retrospective") },
  { "CROSS_SECTIONAL", NC_("time perspective", "Cross-sectional") },
  { "OTHER",           NC_("time perspective", "Other") },
};

static const CodeLabel arm_types[] = {
  { "EXPERIMENTAL",       NC_("arm type", "Experimental") },
  { "ACTIVE_COMPARATOR",  NC_("arm type", "Active comparator") },
  { "PLACEBO_COMPARATOR", NC_("arm type", "Placebo comparator") },
  { "SHAM_COMPARATOR",    NC_("arm type", "Sham comparator") },
  { "NO_INTERVENTION",    NC_("arm type", "No intervention") },
  { "OTHER",              NC_("arm type", "Other") },
};

static const CodeLabel intervention_types[] = {
  { "DRUG",                NC_("intervention type", "Drug") },
  { "BIOLOGICAL",          NC_("intervention type", "Biological") },
  { "DEVICE",              NC_("intervention type", "Device") },
  { "PROCEDURE",           NC_("intervention type", "Procedure") },
  { "GENETIC",             NC_("intervention type", "Genetic") },
  { "RADIATION",           NC_("intervention type", "Radiation") },
  { "BEHAVIORAL",          NC_("intervention type", "Behavioral") },
  { "DIETARY_SUPPLEMENT",  NC_("intervention type", "Dietary supplement") },
  { "COMBINATION_PRODUCT", NC_("intervention type", "Combination product") },
  { "DIAGNOSTIC_TEST",     NC_("intervention type", "Diagnostic test") },
  { "OTHER",               NC_("intervention type", "Other") },
};

static const CodeLabel responsible_parties[] = {
  { "SPONSOR",                NC_("responsible party", "Sponsor") },
  { "PRINCIPAL_INVESTIGATOR", NC_("responsible party", "Principal investigator") },
  { "SPONSOR_INVESTIGATOR",   NC_("responsible party", "Sponsor-investigator") },
};

static const CodeLabel secondary_id_types[] = {
  { "NIH",            NC_("secondary id type", "U.S. NIH grant or contract") },
  { "FDA",            NC_("secondary id type", "U.S. FDA") },
  { "VA",             NC_("secondary id type", "U.S. Department of Veterans Affairs") },
  { "CDC",            NC_("secondary id type", "U.S. CDC") },
  { "AHRQ",           NC_("secondary id type", "U.S. AHRQ") },
  { "SAMHSA",         NC_("secondary id type", "U.S. SAMHSA") },
  { "OTHER_GRANT",    NC_("secondary id type", "Other grant or funding number") },
  { "EUDRACT_NUMBER", NC_("secondary id type", "EudraCT number") },
  { "CTIS",           NC_("secondary id type", "EU CT number") },
  { "REGISTRY",       NC_("secondary id type", "Registry identifier") },
  { "OTHER",          NC_("secondary id type", "Other identifier") },
};

/* The strings of a JSON array joined with @separator, or NULL if none. */
static char *
join_string_array (JsonArray  *array,
                   const char *separator)
{
  GString *str;

  if (array == NULL)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *value;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      value = json_node_get_string (node);
      if (_eligo_is_blank (value))
        continue;

      if (str->len > 0)
        g_string_append (str, separator);
      g_string_append (str, value);
    }

  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  return g_string_free (str, FALSE);
}

/* The trial's "; "-joined lists (conditions, countries…) with another separator. */
static char *
rejoin_list (const char *list,
             const char *separator)
{
  g_auto(GStrv) items = NULL;

  if (_eligo_is_blank (list))
    return NULL;

  items = g_strsplit (list, "; ", -1);

  return g_strjoinv (separator, items);
}

/* A registry date, and whether it is an estimate, e.g. "2027-08-19 (estimated)". */
static char *
format_date_struct (const char *date,
                    JsonObject *status_module,
                    const char *struct_name)
{
  JsonObject *date_struct;

  if (_eligo_is_blank (date))
    return NULL;

  date_struct = _eligo_object_member (status_module, struct_name);
  if (g_strcmp0 (_eligo_string_member (date_struct, "type"), "ESTIMATED") == 0)
    /* Translators: a date the registry marks as an estimate, e.g. "2027-08-19 (estimated)" */
    return g_strdup_printf (C_("date", "%s (estimated)"), date);

  return eligo_format_date (date);
}

static char *
format_age_range (EligoTrial *trial)
{
  double min_age = eligo_trial_get_effective_min_age_years (trial);
  double max_age = eligo_trial_get_effective_max_age_years (trial);
  g_autofree char *range = NULL;

  if (min_age < 0.0 && max_age < 0.0)
    return NULL;

  range = eligo_format_age_range (min_age, max_age);
  if (g_strcmp0 (eligo_trial_get_age_source (trial), "criteria") == 0)
    /* Translators: ages the registry does not give, read from the
     * eligibility criteria, e.g. "1–39 (from criteria)" */
    return g_strdup_printf (_("%s (from criteria)"), range);

  return g_steal_pointer (&range);
}

static char *
format_responsible_party (JsonObject *sponsors)
{
  JsonObject *party = _eligo_object_member (sponsors, "responsibleParty");
  g_autofree char *type = NULL;
  g_autofree char *investigator = NULL;
  const char *parts[3];

  if (party == NULL)
    return NULL;

  type = LOOKUP_CODE (responsible_parties, "responsible party",
                      _eligo_string_member (party, "type"));
  parts[0] = _eligo_string_member (party, "investigatorFullName");
  parts[1] = _eligo_string_member (party, "investigatorTitle");
  parts[2] = _eligo_string_member (party, "investigatorAffiliation");
  investigator = _eligo_join_present (parts, G_N_ELEMENTS (parts));

  if (type != NULL && investigator != NULL)
    return g_strdup_printf ("%s\n%s", type, investigator);

  return type != NULL ? g_steal_pointer (&type) : g_steal_pointer (&investigator);
}

static void
build_overview (GtkBox         *content,
                EligoTrial     *trial)
{
  JsonObject *status = _eligo_study_module (trial, "statusModule");
  JsonObject *design = _eligo_study_module (trial, "designModule");
  JsonObject *sponsors = _eligo_study_module (trial, "sponsorCollaboratorsModule");
  const char *enrollment_type;
  GtkWidget *section;
  GtkWidget *card;
  Facts facts = { 0 };

  section = _eligo_section_new (_("Overview"));

  if (!_eligo_is_blank (eligo_trial_get_overall_status (trial)))
    _eligo_facts_take (&facts, _("Status"),
                       eligo_format_status (eligo_trial_get_overall_status (trial)));
  if (!_eligo_is_blank (eligo_trial_get_phases (trial)))
    /* Translators: the key of a trial's phases in its overview, e.g. "Phase 1/2" */
    _eligo_facts_take (&facts, C_("trial fact", "Phase"),
                       eligo_format_phases (eligo_trial_get_phases (trial)));
  if (!_eligo_is_blank (eligo_trial_get_study_type (trial)))
    _eligo_facts_take (&facts, _("Study type"),
                       eligo_format_study_type (eligo_trial_get_study_type (trial)));

  if (eligo_trial_get_enrollment (trial) >= 0)
    {
      g_autofree char *count = eligo_format_enrollment (eligo_trial_get_enrollment (trial));
      g_autofree char *enrollment = NULL;

      enrollment_type = _eligo_string_member (_eligo_object_member (design, "enrollmentInfo"),
                                              "type");
      if (g_strcmp0 (enrollment_type, "ESTIMATED") == 0)
        /* Translators: a planned number of participants, e.g. "30 (estimated)" */
        enrollment = g_strdup_printf (C_("enrollment", "%s (estimated)"), count);
      else if (g_strcmp0 (enrollment_type, "ACTUAL") == 0)
        /* Translators: the number of participants enrolled, e.g. "30 (actual)" */
        enrollment = g_strdup_printf (C_("enrollment", "%s (actual)"), count);

      _eligo_facts_add (&facts, _("Enrollment"), enrollment != NULL ? enrollment : count);
    }

  /* Translators: the start date of a trial */
  _eligo_facts_take (&facts, C_("trial fact", "Start"),
                     format_date_struct (eligo_trial_get_start_date (trial), status,
                                         "startDateStruct"));
  _eligo_facts_take (&facts, _("Primary completion"),
                     format_date_struct (eligo_trial_get_primary_completion_date (trial), status,
                                         "primaryCompletionDateStruct"));
  /* Translators: the completion date of a trial */
  _eligo_facts_take (&facts, C_("trial fact", "Completion"),
                     format_date_struct (eligo_trial_get_completion_date (trial), status,
                                         "completionDateStruct"));
  _eligo_facts_take (&facts, _("First posted"),
                     format_date_struct (eligo_trial_get_first_posted (trial), status,
                                         "studyFirstPostDateStruct"));
  _eligo_facts_take (&facts, _("Last update"),
                     format_date_struct (eligo_trial_get_last_update (trial), status,
                                         "lastUpdatePostDateStruct"));

  _eligo_facts_add (&facts, _("Lead sponsor"), eligo_trial_get_lead_sponsor (trial));
  _eligo_facts_take (&facts, _("Collaborators"),
                     rejoin_list (eligo_trial_get_collaborators (trial), "\n"));
  _eligo_facts_take (&facts, _("Responsible party"), format_responsible_party (sponsors));

  /* Translators: the ages a trial takes, e.g. "14–80" or "18+" */
  _eligo_facts_take (&facts, _("Ages (years)"), format_age_range (trial));
  if (!_eligo_is_blank (eligo_trial_get_sex (trial)))
    /* Translators: the sex of the patients a trial takes: "All", "Female" or "Male" */
    _eligo_facts_take (&facts, C_("trial fact", "Sex"),
                       eligo_format_sex (eligo_trial_get_sex (trial)));
  _eligo_facts_add (&facts, _("Healthy volunteers"),
                    _eligo_format_healthy_volunteers (eligo_trial_get_healthy_volunteers (trial)));

  _eligo_facts_take (&facts, _("Conditions"),
                     rejoin_list (eligo_trial_get_conditions (trial), "\n"));
  _eligo_facts_take (&facts, _("Keywords"), rejoin_list (eligo_trial_get_keywords (trial), " · "));
  _eligo_facts_take (&facts, _("Countries"), rejoin_list (eligo_trial_get_countries (trial), ", "));

  if (facts.grid != NULL)
    {
      GtkWidget *row = _eligo_card_row_new ();

      card = _eligo_card_new ();
      _eligo_append_facts (row, &facts);
      _eligo_card_append (card, row);
      gtk_box_append (GTK_BOX (section), card);
    }

  _eligo_append_section (content, section);
}

static void
build_descriptions (GtkBox         *content,
                    EligoTrial     *trial)
{
  GtkWidget *section;

  section = _eligo_section_new (_("Summary"));
  gtk_widget_add_css_class (section, "trial-prose");
  _eligo_append_paragraphs (section, eligo_trial_get_brief_summary (trial));
  _eligo_append_section (content, section);

  section = _eligo_section_new (_("Detailed description"));
  gtk_widget_add_css_class (section, "trial-prose");
  _eligo_append_paragraphs (section, eligo_trial_get_detailed_description (trial));
  _eligo_append_section (content, section);
}

static char *
format_masking (JsonObject *masking_info)
{
  g_autofree char *masking = NULL;
  JsonArray *who;
  g_autofree char *who_text = NULL;
  GString *parties;

  masking = LOOKUP_CODE (maskings, "masking", _eligo_string_member (masking_info, "masking"));
  if (masking == NULL)
    return NULL;

  who = _eligo_array_member (masking_info, "whoMasked");
  if (who == NULL || json_array_get_length (who) == 0)
    return g_steal_pointer (&masking);

  parties = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (who); i++)
    {
      JsonNode *node = json_array_get_element (who, i);
      g_autofree char *party = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      party = LOOKUP_CODE (masked_parties, "masked party", json_node_get_string (node));
      if (party == NULL)
        continue;
      if (parties->len > 0)
        g_string_append (parties, ", ");
      g_string_append (parties, party);
    }

  if (parties->len == 0)
    {
      g_string_free (parties, TRUE);
      return g_steal_pointer (&masking);
    }

  who_text = g_string_free (parties, FALSE);

  /* Translators: a trial's masking and who is masked, e.g. "Double (Participant, Investigator)" */
  return g_strdup_printf (_("%s (%s)"), masking, who_text);
}

static void
build_design (GtkBox         *content,
              EligoTrial     *trial)
{
  JsonObject *info = eligo_trial_get_design_info (trial);
  JsonObject *masking_info;
  GtkWidget *section;
  Facts facts = { 0 };

  if (info == NULL)
    return;

  masking_info = _eligo_object_member (info, "maskingInfo");
  section = _eligo_section_new (_("Design"));

  _eligo_facts_take (&facts, _("Allocation"),
                     LOOKUP_CODE (allocations, "allocation",
                                  _eligo_string_member (info, "allocation")));
  _eligo_facts_take (&facts, _("Intervention model"),
                     LOOKUP_CODE (intervention_models, "intervention model",
                                  _eligo_string_member (info, "interventionModel")));
  _eligo_facts_add (&facts, _("Model description"),
                    _eligo_string_member (info, "interventionModelDescription"));
  _eligo_facts_take (&facts, _("Observational model"),
                     LOOKUP_CODE (observational_models, "observational model",
                                  _eligo_string_member (info, "observationalModel")));
  _eligo_facts_take (&facts, _("Time perspective"),
                     LOOKUP_CODE (time_perspectives, "time perspective",
                                  _eligo_string_member (info, "timePerspective")));
  _eligo_facts_take (&facts, _("Primary purpose"),
                     LOOKUP_CODE (primary_purposes, "primary purpose",
                                  _eligo_string_member (info, "primaryPurpose")));
  /* Translators: masking (blinding) of a trial */
  _eligo_facts_take (&facts, _("Masking"), format_masking (masking_info));
  _eligo_facts_add (&facts, _("Masking description"),
                    _eligo_string_member (masking_info, "maskingDescription"));

  if (facts.grid != NULL)
    {
      GtkWidget *card = _eligo_card_new ();
      GtkWidget *row = _eligo_card_row_new ();

      _eligo_append_facts (row, &facts);
      _eligo_card_append (card, row);
      gtk_box_append (GTK_BOX (section), card);
    }

  _eligo_append_section (content, section);
}

static GtkWidget *
arm_row_new (JsonObject *arm)
{
  g_autofree char *type = NULL;
  g_autofree char *interventions = NULL;
  GtkWidget *row = _eligo_card_row_new ();
  const char *label = _eligo_string_member (arm, "label");
  Facts facts = { 0 };

  type = LOOKUP_CODE (arm_types, "arm type", _eligo_string_member (arm, "type"));
  gtk_box_append (GTK_BOX (row),
                  _eligo_row_title_new (label != NULL ? label : _("Unnamed arm"), type,
                                        _("Arm type")));
  _eligo_append_paragraphs (row, _eligo_string_member (arm, "description"));

  interventions = join_string_array (_eligo_array_member (arm, "interventionNames"), "\n");
  _eligo_facts_add (&facts, _("Interventions"), interventions);
  _eligo_append_facts (row, &facts);

  return row;
}

static GtkWidget *
intervention_row_new (JsonObject *intervention)
{
  g_autofree char *type = NULL;
  GtkWidget *row = _eligo_card_row_new ();
  const char *name = _eligo_string_member (intervention, "name");
  Facts facts = { 0 };

  type = LOOKUP_CODE (intervention_types, "intervention type",
                      _eligo_string_member (intervention, "type"));
  gtk_box_append (GTK_BOX (row),
                  _eligo_row_title_new (name != NULL ? name : _("Unnamed intervention"), type,
                                        _("Intervention type")));
  _eligo_append_paragraphs (row, _eligo_string_member (intervention, "description"));

  _eligo_facts_take (&facts, _("Other names"),
                     join_string_array (_eligo_array_member (intervention, "otherNames"), ", "));
  _eligo_facts_take (&facts, _("Arms"),
                     join_string_array (_eligo_array_member (intervention, "armGroupLabels"),
                                        "\n"));
  _eligo_append_facts (row, &facts);

  return row;
}

static void
build_arms_and_interventions (GtkBox         *content,
                              EligoTrial     *trial)
{
  GtkWidget *section = _eligo_section_new (_("Arms and interventions"));

  _eligo_append_object_rows (section, _("Arms"), eligo_trial_get_arm_groups (trial), arm_row_new);
  _eligo_append_object_rows (section, _("Interventions"), eligo_trial_get_interventions (trial),
                             intervention_row_new);
  _eligo_append_section (content, section);
}

static GtkWidget *
outcome_row_new (JsonObject *outcome)
{
  GtkWidget *row = _eligo_card_row_new ();
  const char *measure = _eligo_string_member (outcome, "measure");
  Facts facts = { 0 };

  gtk_box_append (GTK_BOX (row),
                  _eligo_row_title_new (measure != NULL ? measure : _("Unnamed outcome measure"),
                                        NULL, NULL));
  _eligo_append_paragraphs (row, _eligo_string_member (outcome, "description"));
  _eligo_facts_add (&facts, _("Time frame"), _eligo_string_member (outcome, "timeFrame"));
  _eligo_append_facts (row, &facts);

  return row;
}

static void
build_outcomes (GtkBox         *content,
                EligoTrial     *trial)
{
  GtkWidget *section = _eligo_section_new (_("Outcomes"));

  _eligo_append_object_rows (section, _("Primary outcomes"),
                             eligo_trial_get_primary_outcomes (trial),
                             outcome_row_new);
  _eligo_append_object_rows (section, _("Secondary outcomes"),
                             eligo_trial_get_secondary_outcomes (trial), outcome_row_new);
  _eligo_append_object_rows (section, _("Other outcomes"),
                             _eligo_array_member (_eligo_study_module (trial, "outcomesModule"),
                                                  "otherOutcomes"),
                             outcome_row_new);
  _eligo_append_section (content, section);
}

static void
build_identifiers (GtkBox         *content,
                   EligoTrial     *trial)
{
  JsonArray *secondary = eligo_trial_get_other_identifiers (trial);
  GtkWidget *section;
  GtkWidget *card;
  GtkWidget *row;
  Facts facts = { 0 };

  section = _eligo_section_new (_("Identifiers"));

  _eligo_facts_add (&facts, _("NCT ID"), eligo_trial_get_nct_id (trial));
  _eligo_facts_add (&facts, _("Organization’s study ID"), eligo_trial_get_org_study_id (trial));

  for (guint i = 0; secondary != NULL && i < json_array_get_length (secondary); i++)
    {
      JsonObject *object = _eligo_array_object (secondary, i);
      g_autofree char *type = NULL;
      const char *value;
      const char *domain;

      value = _eligo_string_member (object, "id");
      if (value == NULL)
        continue;

      type = LOOKUP_CODE (secondary_id_types, "secondary id type",
                          _eligo_string_member (object, "type"));
      domain = _eligo_string_member (object, "domain");
      if (domain != NULL)
        _eligo_facts_take (&facts, type != NULL ? type : _("Secondary ID"),
                           g_strdup_printf ("%s\n%s", value, domain));
      else
        _eligo_facts_add (&facts, type != NULL ? type : _("Secondary ID"), value);
    }

  card = _eligo_card_new ();
  row = _eligo_card_row_new ();
  _eligo_append_facts (row, &facts);
  _eligo_card_append (card, row);
  gtk_box_append (GTK_BOX (section), card);

  _eligo_append_section (content, section);
}

/**
 * _eligo_trial_page_build_sections:
 * @content: an empty vertical box
 * @database: (nullable): the database @trial is in, for its criteria and
 *   their curated rules; without it the criteria are parsed afresh
 * @trial: the trial to show
 *
 * Appends the sections of @trial's record to @content.
 */
void
_eligo_trial_page_build_sections (GtkBox        *content,
                                  EligoDatabase *database,
                                  EligoTrial    *trial)
{
  g_return_if_fail (GTK_IS_BOX (content));
  g_return_if_fail (database == NULL || ELIGO_IS_DATABASE (database));
  g_return_if_fail (ELIGO_IS_TRIAL (trial));

  build_overview (content, trial);
  build_descriptions (content, trial);
  build_design (content, trial);
  build_arms_and_interventions (content, trial);
  build_outcomes (content, trial);
  _eligo_trial_page_build_eligibility (content, database, trial);
  _eligo_trial_page_build_locations (content, trial);
  _eligo_trial_page_build_contacts (content, trial);
  build_identifiers (content, trial);
}
