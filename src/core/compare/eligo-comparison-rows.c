/* eligo-comparison-rows.c
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

#define G_LOG_DOMAIN "eligo-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-comparison-private.h"
#include "eligo-format.h"

/*
 * Building the table: a row per registry field (overview, design,
 * population, criteria without rules, interventions, outcomes), a cell per
 * trial, and the target antigens read from a trial's texts. The eligibility
 * rows come from eligo-comparison-eligibility.c.
 */

/* Small text helpers */

/* "NON_RANDOMIZED" -> "Non randomized", for registry codes we have no label for. */
static char *
humanize_code (const char *code)
{
  g_autofree char *lower = g_ascii_strdown (code, -1);

  g_strdelimit (lower, "_", ' ');
  if (lower[0] != '\0')
    lower[0] = g_ascii_toupper (lower[0]);

  return g_steal_pointer (&lower);
}

typedef struct
{
  const char *code;
  const char *label;
} CodeLabel;

static const CodeLabel design_codes[] = {
  { "RANDOMIZED", NC_("design", "Randomized") },
  { "NON_RANDOMIZED", NC_("design", "Non-randomized") },
  { "NA", NC_("design", "Not applicable") },
  { "SINGLE_GROUP", NC_("design", "Single group") },
  { "PARALLEL", NC_("design", "Parallel") },
  { "CROSSOVER", NC_("design", "Crossover") },
  { "FACTORIAL", NC_("design", "Factorial") },
  { "SEQUENTIAL", NC_("design", "Sequential") },
  { "NONE", NC_("design", "None (open label)") },
  { "SINGLE", NC_("design", "Single") },
  { "DOUBLE", NC_("design", "Double") },
  { "TRIPLE", NC_("design", "Triple") },
  { "QUADRUPLE", NC_("design", "Quadruple") },
  { "TREATMENT", NC_("design", "Treatment") },
  { "PREVENTION", NC_("design", "Prevention") },
  { "SUPPORTIVE_CARE", NC_("design", "Supportive care") },
  { "DIAGNOSTIC", NC_("design", "Diagnostic") },
  { "BASIC_SCIENCE", NC_("design", "Basic science") },
  { "EXPERIMENTAL", NC_("design", "Experimental") },
  { "ACTIVE_COMPARATOR", NC_("design", "Active comparator") },
  { "PLACEBO_COMPARATOR", NC_("design", "Placebo comparator") },
  { "SHAM_COMPARATOR", NC_("design", "Sham comparator") },
  { "NO_INTERVENTION", NC_("design", "No intervention") },
  { "DRUG", NC_("design", "Drug") },
  { "BIOLOGICAL", NC_("design", "Biological") },
  { "GENETIC", NC_("design", "Genetic") },
  { "DEVICE", NC_("design", "Device") },
  { "PROCEDURE", NC_("design", "Procedure") },
  { "RADIATION", NC_("design", "Radiation") },
  { "OTHER", NC_("design", "Other") },
};

static char *
format_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (design_codes); i++)
    if (g_ascii_strcasecmp (design_codes[i].code, code) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "design", design_codes[i].label));

  return humanize_code (code);
}

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
object_object (JsonObject *object,
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

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "NAME (TYPE)" lines, or NULL if the array is empty. */
static char *
format_list (JsonArray  *array,
             const char *name_member,
             const char *detail_member,
             gboolean    detail_is_code)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < array_length (array); i++)
    {
      JsonObject *object = array_object (array, i);
      const char *name = object_string (object, name_member);
      const char *detail = object_string (object, detail_member);
      g_autofree char *detail_text = NULL;

      if (name == NULL || *name == '\0')
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, name);

      detail_text = detail_is_code ? format_code (detail) : g_strdup (detail);
      if (detail_text != NULL && *detail_text != '\0')
        g_string_append_printf (text, " (%s)", detail_text);
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
shorten (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdup (text);
  const char *end;

  g_strdelimit (flat, "\r\n\t", ' ');
  g_strstrip (flat);
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);

  end = g_utf8_offset_to_pointer (flat, max_chars);
  while (end > flat && *end != ' ')
    end = g_utf8_prev_char (end);
  if (end == flat)
    end = g_utf8_offset_to_pointer (flat, max_chars);

  return g_strdup_printf ("%.*s…", (int) (end - flat), flat);
}

/* Target antigens */

static const char * const antigen_pattern =
  "\\b(CD19|CD20|CD22|CD7|CD5|CD38|CD123|CD33|CD30|CD70|CLL-?1|BCMA|GPRC5D)\\b";

static gboolean
antigen_is_history (const char *text,
                    int         start,
                    int         end)
{
  static const char * const before[] = { "after", "following", "post", "prior", "previous",
                                          "failed", "failure" };
  g_autofree char *head = g_strndup (text, start);
  char *word;

  g_strchomp (head);
  word = head + strlen (head);
  while (word > head && g_ascii_isalpha (word[-1]))
    word--;
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    if (g_ascii_strcasecmp (word, before[i]) == 0)
      return TRUE;

  /* "CD19-negative relapse" names what a trial does not target */
  return g_regex_match_simple ("^[\\s-]*(negative|neg\\b|dim)", text + end,
                               G_REGEX_CASELESS, 0);
}

static gboolean
antigen_names_car (const char *after)
{
  return g_regex_match_simple ("^[\\s/,+-]*((and|or)\\s+)?"
                               "((CD\\d+|BCMA|CLL-?1|GPRC5D)[\\s/,+-]*((and|or)\\s+)?)*"
                               "(CAR|chimeric|targeted|directed|specific|bispecific)",
                               after, 0, G_REGEX_MATCH_ANCHORED);
}

static void
find_antigens (const char *text,
               gboolean    require_car,
               GPtrArray  *found)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return;

  regex = g_regex_new (antigen_pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *antigen = g_match_info_fetch (match, 1);
      int start, end;

      g_match_info_fetch_pos (match, 1, &start, &end);
      if (strcmp (antigen, "CLL-1") == 0)
        {
          g_free (antigen);
          antigen = g_strdup ("CLL1");
        }

      if (!antigen_is_history (text, start, end) &&
          (!require_car || antigen_names_car (text + end)) &&
          !g_ptr_array_find_with_equal_func (found, antigen, g_str_equal, NULL))
        g_ptr_array_add (found, g_steal_pointer (&antigen));

      g_match_info_next (match, NULL);
    }
}

static char *
trial_target_antigens (EligoTrial *trial)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  JsonArray *interventions = eligo_trial_get_interventions (trial);
  JsonArray *arms = eligo_trial_get_arm_groups (trial);

  for (guint i = 0; i < array_length (interventions); i++)
    {
      JsonObject *object = array_object (interventions, i);

      find_antigens (object_string (object, "name"), FALSE, found);
      find_antigens (object_string (object, "description"), FALSE, found);
    }

  for (guint i = 0; found->len == 0 && i < array_length (arms); i++)
    {
      JsonObject *object = array_object (arms, i);

      find_antigens (object_string (object, "label"), FALSE, found);
      find_antigens (object_string (object, "description"), FALSE, found);
    }

  /* Titles also name the therapy a patient had before: only "CD38 CAR-T" counts */
  if (found->len == 0)
    {
      find_antigens (eligo_trial_get_brief_title (trial), TRUE, found);
      find_antigens (eligo_trial_get_official_title (trial), TRUE, found);
    }

  if (found->len == 0)
    return NULL;

  g_ptr_array_add (found, NULL);
  return g_strjoinv (", ", (char **) found->pdata);
}

/* Building the table */

typedef char *(*CellFunc) (EligoComparison *self,
                           guint            trial_index);

static void
add_row (EligoComparison        *self,
         GPtrArray              *rows,
         EligoComparisonSection  section,
         const char             *key,
         const char             *label,
         CellFunc                func)
{
  g_autoptr(EligoComparisonRow) row = _eligo_comparison_row_new (section, key, label,
                                                                 self->trials->len);

  for (guint t = 0; t < self->trials->len; t++)
    row->cells[t] = func (self, t);

  if (_eligo_comparison_row_is_empty (row))
    return;

  row->differs = _eligo_comparison_cells_differ (row);
  g_ptr_array_add (rows, g_steal_pointer (&row));
}

#define TRIAL(t) ((EligoTrial *) g_ptr_array_index (self->trials, t))

static char *
cell_title (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_brief_title (TRIAL (t)));
}

static char *
cell_status (EligoComparison *self, guint t)
{
  const char *status = eligo_trial_get_overall_status (TRIAL (t));

  return status != NULL ? eligo_format_status (status) : NULL;
}

static char *
cell_phase (EligoComparison *self, guint t)
{
  const char *phases = eligo_trial_get_phases (TRIAL (t));

  return phases != NULL ? eligo_format_phases (phases) : NULL;
}

static char *
cell_enrollment (EligoComparison *self, guint t)
{
  int enrollment = eligo_trial_get_enrollment (TRIAL (t));

  return enrollment >= 0 ? eligo_format_enrollment (enrollment) : NULL;
}

static char *
cell_start (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_start_date (TRIAL (t)));
}

static char *
cell_primary_completion (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_primary_completion_date (TRIAL (t)));
}

static char *
cell_completion (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_completion_date (TRIAL (t)));
}

static char *
cell_sponsor (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_lead_sponsor (TRIAL (t)));
}

static char *
cell_collaborators (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_collaborators (TRIAL (t)));
}

static char *
cell_sites (EligoComparison *self, guint t)
{
  guint n = array_length (eligo_trial_get_locations (TRIAL (t)));

  return n > 0 ? g_strdup_printf ("%u", n) : NULL;
}

static char *
cell_countries (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_countries (TRIAL (t)));
}

static char *
cell_allocation (EligoComparison *self, guint t)
{
  return format_code (object_string (eligo_trial_get_design_info (TRIAL (t)), "allocation"));
}

static char *
cell_model (EligoComparison *self, guint t)
{
  return format_code (object_string (eligo_trial_get_design_info (TRIAL (t)),
                                     "interventionModel"));
}

static char *
cell_masking (EligoComparison *self, guint t)
{
  JsonObject *masking = object_object (eligo_trial_get_design_info (TRIAL (t)), "maskingInfo");

  return format_code (object_string (masking, "masking"));
}

static char *
cell_purpose (EligoComparison *self, guint t)
{
  return format_code (object_string (eligo_trial_get_design_info (TRIAL (t)), "primaryPurpose"));
}

static char *
cell_n_arms (EligoComparison *self, guint t)
{
  guint n = array_length (eligo_trial_get_arm_groups (TRIAL (t)));

  return n > 0 ? g_strdup_printf ("%u", n) : NULL;
}

static char *
cell_arms (EligoComparison *self, guint t)
{
  return format_list (eligo_trial_get_arm_groups (TRIAL (t)), "label", "type", TRUE);
}

static char *
cell_ages (EligoComparison *self, guint t)
{
  double min = eligo_trial_get_effective_min_age_years (TRIAL (t));
  double max = eligo_trial_get_effective_max_age_years (TRIAL (t));
  g_autofree char *range = NULL;

  if (min < 0 && max < 0)
    return NULL;

  range = eligo_format_age_range (min, max);
  if (g_strcmp0 (eligo_trial_get_age_source (TRIAL (t)), "criteria") == 0)
    /* Translators: ages the registry does not give, read from the
     * eligibility criteria, e.g. "1–39 (from criteria)" */
    return g_strdup_printf (_("%s (from criteria)"), range);

  return g_steal_pointer (&range);
}

static char *
cell_sex (EligoComparison *self, guint t)
{
  const char *sex = eligo_trial_get_sex (TRIAL (t));

  return sex != NULL ? eligo_format_sex (sex) : NULL;
}

static char *
cell_healthy (EligoComparison *self, guint t)
{
  switch (eligo_trial_get_healthy_volunteers (TRIAL (t)))
    {
    case ELIGO_TRISTATE_YES:
      return g_strdup (_("Yes"));
    case ELIGO_TRISTATE_NO:
      return g_strdup (_("No"));
    case ELIGO_TRISTATE_UNKNOWN:
    default:
      return NULL;
    }
}

static char *
cell_conditions (EligoComparison *self, guint t)
{
  return g_strdup (eligo_trial_get_conditions (TRIAL (t)));
}

static char *
unruled_cell (EligoComparison    *self,
              guint               t,
              EligoCriterionKind  kind)
{
  GPtrArray *criteria = g_ptr_array_index (self->criteria, t);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *count = NULL;
  guint n = 0;

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *text = NULL;

      if (eligo_criterion_get_kind (criterion) != kind ||
          eligo_criterion_get_rule (criterion) != NULL)
        continue;

      n++;
      text = shorten (eligo_criterion_get_text (criterion), 100);
      g_string_append_printf (lines, "\n%c%u %s", kind == ELIGO_CRITERION_INCLUSION ? 'I' : 'E',
                              eligo_criterion_get_number (criterion), text);
    }

  if (n == 0)
    return NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion", "%u criteria", n), n);
  g_string_prepend (lines, count);

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static char *
cell_unruled_inclusions (EligoComparison *self, guint t)
{
  return unruled_cell (self, t, ELIGO_CRITERION_INCLUSION);
}

static char *
cell_unruled_exclusions (EligoComparison *self, guint t)
{
  return unruled_cell (self, t, ELIGO_CRITERION_EXCLUSION);
}

static char *
cell_interventions (EligoComparison *self, guint t)
{
  return format_list (eligo_trial_get_interventions (TRIAL (t)), "name", "type", TRUE);
}

static char *
cell_antigens (EligoComparison *self, guint t)
{
  return trial_target_antigens (TRIAL (t));
}

static char *
cell_primary_outcomes (EligoComparison *self, guint t)
{
  return format_list (eligo_trial_get_primary_outcomes (TRIAL (t)), "measure", "timeFrame", FALSE);
}

static char *
cell_secondary_outcomes (EligoComparison *self, guint t)
{
  return format_list (eligo_trial_get_secondary_outcomes (TRIAL (t)), "measure", "timeFrame",
                      FALSE);
}

#undef TRIAL

/* A population row that repeats an aligned row under a plainer name. */
static void
add_copy_row (EligoComparison    *self,
              GPtrArray          *rows,
              GPtrArray          *eligibility,
              const char         *variable,
              const char         *key,
              const char         *label)
{
  for (guint i = 0; i < eligibility->len; i++)
    {
      EligoComparisonRow *source = g_ptr_array_index (eligibility, i);
      EligoComparisonRow *row;

      if (g_strcmp0 (source->variable, variable) != 0)
        continue;

      row = _eligo_comparison_row_new (ELIGO_COMPARISON_SECTION_POPULATION, key, label,
                                       self->trials->len);
      for (guint t = 0; t < row->n_cells; t++)
        {
          row->cells[t] = g_strdup (source->cells[t]);
          row->partial[t] = source->partial[t];
        }
      row->differs = source->differs;
      g_ptr_array_add (rows, row);
    }
}

void
_eligo_comparison_build_rows (EligoComparison *self)
{
  g_autoptr(GPtrArray) eligibility = g_ptr_array_new_with_free_func (
    (GDestroyNotify) eligo_comparison_row_unref);
  GPtrArray *rows = self->rows;
  const EligoVariable *variables;
  g_autofree gboolean *used = NULL;
  g_autofree const EligoVariable **measure = NULL;
  guint n_variables;

  variables = eligo_variables_get_all (&n_variables);
  used = g_new0 (gboolean, n_variables);
  measure = g_new0 (const EligoVariable *, n_variables + 1);
  for (guint i = 0; i < n_variables; i++)
    {
      EligoComparisonRow *row;

      if (used[i])
        continue;

      _eligo_comparison_collect_measure (variables, n_variables, i, used, measure);
      row = _eligo_comparison_build_variable_row (self, measure);
      if (row != NULL)
        g_ptr_array_add (eligibility, row);
    }

  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "title", _("Title"), cell_title);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "status", _("Status"), cell_status);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "phase", _("Phase"), cell_phase);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "enrollment", _("Enrollment"),
           cell_enrollment);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "start", _("Start"), cell_start);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "primary-completion",
           _("Primary completion"), cell_primary_completion);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "completion", _("Completion"),
           cell_completion);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "sponsor", _("Lead sponsor"),
           cell_sponsor);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "collaborators", _("Collaborators"),
           cell_collaborators);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "sites", _("Sites"), cell_sites);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OVERVIEW, "countries", _("Countries"),
           cell_countries);

  add_row (self, rows, ELIGO_COMPARISON_SECTION_DESIGN, "allocation", _("Allocation"),
           cell_allocation);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_DESIGN, "model", _("Intervention model"),
           cell_model);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_DESIGN, "masking", _("Masking"), cell_masking);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_DESIGN, "purpose", _("Primary purpose"),
           cell_purpose);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_DESIGN, "n-arms", _("Number of arms"),
           cell_n_arms);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_DESIGN, "arms", _("Arms"), cell_arms);

  add_row (self, rows, ELIGO_COMPARISON_SECTION_POPULATION, "ages", _("Ages (registry)"),
           cell_ages);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_POPULATION, "sex", _("Sex"), cell_sex);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_POPULATION, "healthy-volunteers",
           _("Healthy volunteers"), cell_healthy);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_POPULATION, "conditions", _("Conditions"),
           cell_conditions);
  add_copy_row (self, rows, eligibility, "diagnosis", "diagnosis", _("Diagnoses accepted"));
  add_copy_row (self, rows, eligibility, "disease_status", "disease-status",
                _("Disease status required"));

  g_ptr_array_extend_and_steal (rows, g_steal_pointer (&eligibility));

  add_row (self, rows, ELIGO_COMPARISON_SECTION_UNRULED, "inclusion",
           _("Inclusion criteria without rules"), cell_unruled_inclusions);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_UNRULED, "exclusion",
           _("Exclusion criteria without rules"), cell_unruled_exclusions);

  add_row (self, rows, ELIGO_COMPARISON_SECTION_INTERVENTIONS, "interventions",
           _("Interventions"), cell_interventions);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_INTERVENTIONS, "target-antigen",
           _("Target antigen"), cell_antigens);

  add_row (self, rows, ELIGO_COMPARISON_SECTION_OUTCOMES, "primary", _("Primary outcomes"),
           cell_primary_outcomes);
  add_row (self, rows, ELIGO_COMPARISON_SECTION_OUTCOMES, "secondary", _("Secondary outcomes"),
           cell_secondary_outcomes);
}
