/* eligo-comparison.c
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
 * A comparison lays 2 to 6 trials side by side as rows grouped in sections.
 * Every cell is text (NULL when the trial says nothing), so the window, the
 * terminal table and the PDF renderer all show the same thing. The short
 * forms of the eligibility rows are made in eligo-comparison-conditions.c;
 * JSON and the terminal table in eligo-comparison-output.c.
 */

G_DEFINE_BOXED_TYPE (EligoComparisonRow, eligo_comparison_row,
                     eligo_comparison_row_ref, eligo_comparison_row_unref)

G_DEFINE_FINAL_TYPE (EligoComparison, eligo_comparison, G_TYPE_OBJECT)

G_DEFINE_QUARK (eligo-comparison-error-quark, eligo_comparison_error)

enum {
  PROP_0,
  PROP_PATIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const section_ids[ELIGO_N_COMPARISON_SECTIONS] = {
  [ELIGO_COMPARISON_SECTION_OVERVIEW] = "overview",
  [ELIGO_COMPARISON_SECTION_DESIGN] = "design",
  [ELIGO_COMPARISON_SECTION_POPULATION] = "population",
  [ELIGO_COMPARISON_SECTION_ELIGIBILITY] = "eligibility",
  [ELIGO_COMPARISON_SECTION_UNRULED] = "unruled",
  [ELIGO_COMPARISON_SECTION_INTERVENTIONS] = "interventions",
  [ELIGO_COMPARISON_SECTION_OUTCOMES] = "outcomes",
};

static const char * const section_titles[ELIGO_N_COMPARISON_SECTIONS] = {
  [ELIGO_COMPARISON_SECTION_OVERVIEW] = N_("Overview"),
  [ELIGO_COMPARISON_SECTION_DESIGN] = N_("Design"),
  [ELIGO_COMPARISON_SECTION_POPULATION] = N_("Population"),
  [ELIGO_COMPARISON_SECTION_ELIGIBILITY] = N_("Eligibility by variable"),
  [ELIGO_COMPARISON_SECTION_UNRULED] = N_("Criteria without rules"),
  [ELIGO_COMPARISON_SECTION_INTERVENTIONS] = N_("Interventions"),
  [ELIGO_COMPARISON_SECTION_OUTCOMES] = N_("Outcomes"),
};

/* Rows */

static EligoComparisonRow *
row_new (EligoComparisonSection  section,
         const char             *key,
         const char             *label,
         guint                   n_cells)
{
  EligoComparisonRow *row = g_atomic_rc_box_new0 (EligoComparisonRow);

  row->section = section;
  row->id = g_strdup_printf ("%s.%s", section_ids[section], key);
  row->label = g_strdup (label);
  row->n_cells = n_cells;
  row->cells = g_new0 (char *, n_cells);
  row->partial = g_new0 (gboolean, n_cells);
  row->verdicts = g_new (EligoVerdict, n_cells);
  for (guint i = 0; i < n_cells; i++)
    row->verdicts[i] = ELIGO_N_VERDICTS;

  return row;
}

static void
row_clear (gpointer data)
{
  EligoComparisonRow *row = data;

  g_free (row->id);
  g_free (row->label);
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i]);
  g_free (row->cells);
  g_free (row->partial);
  g_free (row->verdicts);
  g_free (row->variables);
  if (row->sources != NULL)
    {
      for (guint i = 0; i < row->n_cells; i++)
        g_clear_pointer (&row->sources[i], g_ptr_array_unref);
      g_free (row->sources);
    }
  if (row->meanings != NULL)
    {
      for (guint i = 0; i < row->n_cells; i++)
        g_free (row->meanings[i]);
      g_free (row->meanings);
    }
}

static gboolean
row_is_empty (EligoComparisonRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i] != NULL)
      return FALSE;

  return TRUE;
}

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

static gboolean
criterion_is_screened (EligoCriterion *criterion)
{
  return eligo_criterion_get_rule (criterion) != NULL &&
         eligo_criterion_get_subject (criterion) == ELIGO_SUBJECT_PATIENT;
}

/* One row per measured thing: the variables that carry one label are one
 * measure in different units ("Total bilirubin" as × ULN and in µmol/L,
 * "Creatinine", "ALT"...), so a trial that states its limit in µmol/L and
 * one that states it as a multiple of the ULN line up in one row, each in
 * its own unit. A ULN ("Creatinine ULN") or a derived measure ("Creatinine
 * clearance") has a label of its own, and so a row of its own; so would
 * direct bilirubin. Fills @measure (NULL-terminated, room for @n_variables
 * + 1) with @variables[@first] and the later variables of its label, marking
 * them in @used. */
static void
collect_measure (const EligoVariable  *variables,
                 guint                 n_variables,
                 guint                 first,
                 gboolean             *used,
                 const EligoVariable **measure)
{
  guint n = 0;

  for (guint v = first; v < n_variables; v++)
    if (!used[v] && variables[v].group == variables[first].group &&
        g_strcmp0 (variables[v].label, variables[first].label) == 0)
      {
        used[v] = TRUE;
        measure[n++] = &variables[v];
      }

  measure[n] = NULL;
}

static EligoComparisonRow *
build_variable_row (EligoComparison             *self,
                    const EligoVariable * const *measure)
{
  g_autoptr(EligoComparisonRow) row = NULL;
  const EligoVariable *variable = measure[0];
  guint n_trials = self->trials->len;
  guint n_measure = 0;

  while (measure[n_measure] != NULL)
    n_measure++;

  row = row_new (ELIGO_COMPARISON_SECTION_ELIGIBILITY, variable->name,
                 eligo_variable_get_label (variable), n_trials);
  row->variable = variable->name;
  row->variables = g_memdup2 (measure, (n_measure + 1) * sizeof (EligoVariable *));
  row->sources = g_new0 (GPtrArray *, n_trials);
  row->meanings = g_new0 (char *, n_trials);

  for (guint t = 0; t < n_trials; t++)
    {
      GPtrArray *criteria = g_ptr_array_index (self->criteria, t);
      g_autoptr(GPtrArray) fragments = g_ptr_array_new_with_free_func (g_free);

      row->sources[t] = g_ptr_array_new_with_free_func (_eligo_comparison_source_free);

      for (guint i = 0; i < criteria->len; i++)
        {
          EligoCriterion *criterion = g_ptr_array_index (criteria, i);
          GArray *parts;
          EligoComparisonSource *source;

          if (!criterion_is_screened (criterion))
            continue;

          parts = _eligo_comparison_describe_criterion (criterion, measure, fragments);
          if (parts == NULL)
            continue;

          source = g_new0 (EligoComparisonSource, 1);
          source->criterion = g_object_ref (criterion);
          source->rule = eligo_rule_ref (eligo_criterion_get_rule (criterion));
          source->parts = parts;
          g_ptr_array_add (row->sources[t], source);

          if (eligo_criterion_get_partial (criterion))
            row->partial[t] = TRUE;
        }

      if (fragments->len > 0)
        {
          /* Two age criteria that disagree read as alternatives */
          const char *separator = strcmp (variable->name, "age_years") == 0 ? " / " : "; ";

          g_ptr_array_add (fragments, NULL);
          row->cells[t] = g_strjoinv (separator, (char **) fragments->pdata);
        }

      row->meanings[t] = _eligo_comparison_sources_meaning (row->sources[t], measure);
    }

  if (row_is_empty (row))
    return NULL;

  row->differs = _eligo_comparison_cells_differ (row);

  return g_steal_pointer (&row);
}

static int
verdict_rank (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_FAIL:
      return 3;
    case ELIGO_VERDICT_UNKNOWN:
      return 2;
    case ELIGO_VERDICT_REVIEW:
      return 1;
    case ELIGO_VERDICT_PASS:
      return 0;
    case ELIGO_N_VERDICTS:
    default:
      return -1;
    }
}

static void
update_verdicts (EligoComparison *self)
{
  g_clear_pointer (&self->results, g_ptr_array_unref);

  if (self->patient != NULL)
    {
      self->results = g_ptr_array_new_with_free_func (
        (GDestroyNotify) eligo_screening_result_unref);
      for (guint t = 0; t < self->trials->len; t++)
        g_ptr_array_add (self->results, eligo_screen (g_ptr_array_index (self->trials, t),
                                                      g_ptr_array_index (self->criteria, t),
                                                      self->patient));
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, r);

      for (guint t = 0; t < row->n_cells; t++)
        {
          EligoVerdict verdict = ELIGO_N_VERDICTS;

          if (self->patient != NULL && row->sources != NULL)
            {
              GPtrArray *sources = row->sources[t];

              for (guint i = 0; i < sources->len; i++)
                {
                  EligoComparisonSource *source = g_ptr_array_index (sources, i);
                  EligoVerdict v;

                  v = _eligo_comparison_source_verdict (source, self->patient,
                                                        g_ptr_array_index (self->results, t));

                  if (verdict_rank (v) > verdict_rank (verdict))
                    verdict = v;
                }
            }

          row->verdicts[t] = verdict;
        }
    }
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
  g_autoptr(EligoComparisonRow) row = row_new (section, key, label, self->trials->len);

  for (guint t = 0; t < self->trials->len; t++)
    row->cells[t] = func (self, t);

  if (row_is_empty (row))
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

      row = row_new (ELIGO_COMPARISON_SECTION_POPULATION, key, label, self->trials->len);
      for (guint t = 0; t < row->n_cells; t++)
        {
          row->cells[t] = g_strdup (source->cells[t]);
          row->partial[t] = source->partial[t];
        }
      row->differs = source->differs;
      g_ptr_array_add (rows, row);
    }
}

static void
build_rows (EligoComparison *self)
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

      collect_measure (variables, n_variables, i, used, measure);
      row = build_variable_row (self, measure);
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

/* GObject */

static void
eligo_comparison_dispose (GObject *object)
{
  EligoComparison *self = (EligoComparison *) object;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->trials, g_ptr_array_unref);
  g_clear_object (&self->patient);

  G_OBJECT_CLASS (eligo_comparison_parent_class)->dispose (object);
}

static void
eligo_comparison_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EligoComparison *self = ELIGO_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      g_value_set_object (value, self->patient);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EligoComparison *self = ELIGO_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      eligo_comparison_set_patient (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_comparison_class_init (EligoComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = eligo_comparison_dispose;
  object_class->get_property = eligo_comparison_get_property;
  object_class->set_property = eligo_comparison_set_property;

  /**
   * EligoComparison:patient:
   *
   * The patient whose verdicts the table shows, or %NULL. Rows keep their
   * cells; their verdicts change.
   */
  properties[PROP_PATIENT] =
    g_param_spec_object ("patient", NULL, NULL,
                         ELIGO_TYPE_PATIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_comparison_init (EligoComparison *self)
{
  self->trials = g_ptr_array_new_with_free_func (g_object_unref);
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_comparison_row_unref);
}

/* Public API: rows */

EligoComparisonRow *
eligo_comparison_row_ref (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return g_atomic_rc_box_acquire (row);
}

void
eligo_comparison_row_unref (EligoComparisonRow *row)
{
  g_return_if_fail (row != NULL);

  g_atomic_rc_box_release_full (row, row_clear);
}

/**
 * eligo_comparison_row_get_id:
 *
 * Returns: a stable key, "SECTION.NAME": "overview.status",
 *   "eligibility.age_years", "interventions.target-antigen"
 */
const char *
eligo_comparison_row_get_id (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->id;
}

EligoComparisonSection
eligo_comparison_row_get_section (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, ELIGO_COMPARISON_SECTION_OVERVIEW);

  return row->section;
}

/**
 * eligo_comparison_row_get_label:
 *
 * Returns: the row's translated label, e.g. the variable's label
 */
const char *
eligo_comparison_row_get_label (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->label;
}

/**
 * eligo_comparison_row_get_variable:
 *
 * Returns: (nullable): the variable of an eligibility row
 */
const char *
eligo_comparison_row_get_variable (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->variable;
}

guint
eligo_comparison_row_get_n_cells (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, 0);

  return row->n_cells;
}

/**
 * eligo_comparison_row_get_cell:
 *
 * Returns: (nullable): the trial's text, %NULL if the trial says nothing.
 *   Multi-line cells (lists) separate items with "\n".
 */
const char *
eligo_comparison_row_get_cell (EligoComparisonRow *row,
                               guint               trial_index)
{
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (trial_index < row->n_cells, NULL);

  return row->cells[trial_index];
}

/**
 * eligo_comparison_row_dup_criteria:
 *
 * Returns: (transfer container) (element-type EligoCriterion): the
 *   criteria an eligibility cell was read from, in the trial's order;
 *   empty for other rows
 */
GPtrArray *
eligo_comparison_row_dup_criteria (EligoComparisonRow *row,
                                   guint               trial_index)
{
  GPtrArray *criteria = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (row != NULL, criteria);
  g_return_val_if_fail (trial_index < row->n_cells, criteria);

  if (row->sources == NULL || row->sources[trial_index] == NULL)
    return criteria;
  for (guint i = 0; i < row->sources[trial_index]->len; i++)
    {
      EligoComparisonSource *source = g_ptr_array_index (row->sources[trial_index], i);

      g_ptr_array_add (criteria, g_object_ref (source->criterion));
    }
  return criteria;
}

/**
 * eligo_comparison_row_get_partial:
 *
 * Returns: whether the cell comes from a rule that covers only part of its
 *   criterion; renderers mark it "*" with eligo_comparison_partial_legend()
 */
gboolean
eligo_comparison_row_get_partial (EligoComparisonRow *row,
                                  guint               trial_index)
{
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (trial_index < row->n_cells, FALSE);

  return row->partial[trial_index];
}

/**
 * eligo_comparison_row_get_verdict:
 * @verdict: (out) (optional): the verdict
 *
 * With a patient, the verdict on an eligibility cell: over the criteria
 * that constrain the variable, fail if any fails, else unknown, else
 * review, else pass. Each criterion counts the parts of its rule that
 * concern the variable (its conjuncts for an inclusion, its disjuncts for
 * an exclusion), or the nurse's answer on it.
 *
 * Returns: %FALSE if the cell has no verdict (no patient, other rows, or
 *   an empty cell)
 */
gboolean
eligo_comparison_row_get_verdict (EligoComparisonRow *row,
                                  guint               trial_index,
                                  EligoVerdict       *verdict)
{
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (trial_index < row->n_cells, FALSE);

  if (row->verdicts[trial_index] == ELIGO_N_VERDICTS)
    return FALSE;

  if (verdict != NULL)
    *verdict = row->verdicts[trial_index];

  return TRUE;
}

/**
 * eligo_comparison_row_differs:
 *
 * Returns: whether two of the cells do not say the same thing: for an
 *   eligibility row, the trials set different limits once normalized
 *   ("ECOG 0–1" is "≤ 1"), or some restrict and others do not; for a
 *   registry row, two trials state the fact differently (an unstated fact
 *   is unknown, not a difference). See eligo-comparison-differs.c. "Only
 *   differences" shows these rows only
 */
gboolean
eligo_comparison_row_differs (EligoComparisonRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  return row->differs;
}

/* Public API: the comparison */

/**
 * eligo_comparison_new:
 * @trials: (element-type EligoTrial): 2 to 6 different trials, in column order
 *
 * Builds the table from the trials and their criteria, with the rules
 * nurses curated in @database.
 *
 * Returns: (transfer full) (nullable): the comparison
 */
EligoComparison *
eligo_comparison_new (EligoDatabase  *database,
                      GPtrArray      *trials,
                      GError        **error)
{
  g_autoptr(EligoComparison) self = NULL;

  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (trials != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trials->len < ELIGO_COMPARISON_MIN_TRIALS || trials->len > ELIGO_COMPARISON_MAX_TRIALS)
    {
      g_set_error (error, ELIGO_COMPARISON_ERROR, ELIGO_COMPARISON_ERROR_N_TRIALS,
                   _("A comparison takes %d to %d trials, not %u"),
                   ELIGO_COMPARISON_MIN_TRIALS, ELIGO_COMPARISON_MAX_TRIALS, trials->len);
      return NULL;
    }

  self = g_object_new (ELIGO_TYPE_COMPARISON, NULL);

  for (guint t = 0; t < trials->len; t++)
    {
      EligoTrial *trial = g_ptr_array_index (trials, t);
      GPtrArray *criteria;

      g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

      for (guint u = 0; u < t; u++)
        if (g_strcmp0 (eligo_trial_get_nct_id (trial),
                       eligo_trial_get_nct_id (g_ptr_array_index (trials, u))) == 0)
          {
            g_set_error (error, ELIGO_COMPARISON_ERROR, ELIGO_COMPARISON_ERROR_DUPLICATE,
                         _("%s is twice in the comparison"), eligo_trial_get_nct_id (trial));
            return NULL;
          }

      criteria = eligo_database_get_criteria (database, trial, error);
      if (criteria == NULL)
        return NULL;

      g_ptr_array_add (self->trials, g_object_ref (trial));
      g_ptr_array_add (self->criteria, criteria);
    }

  build_rows (self);

  return g_steal_pointer (&self);
}

guint
eligo_comparison_get_n_trials (EligoComparison *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), 0);

  return self->trials->len;
}

/**
 * eligo_comparison_get_trial:
 *
 * Returns: (transfer none): the trial of column @index
 */
EligoTrial *
eligo_comparison_get_trial (EligoComparison *self,
                            guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->trials->len, NULL);

  return g_ptr_array_index (self->trials, index);
}

/**
 * eligo_comparison_get_criteria:
 *
 * Returns: (transfer none) (element-type EligoCriterion): the criteria of
 *   column @index's trial, curated rules in place
 */
GPtrArray *
eligo_comparison_get_criteria (EligoComparison *self,
                               guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->criteria->len, NULL);

  return g_ptr_array_index (self->criteria, index);
}

/**
 * eligo_comparison_get_patient:
 *
 * Returns: (transfer none) (nullable): the patient
 */
EligoPatient *
eligo_comparison_get_patient (EligoComparison *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);

  return self->patient;
}

/**
 * eligo_comparison_set_patient:
 * @patient: (nullable): a patient, or %NULL for none
 *
 * Screens @patient against every trial and gives each eligibility cell a
 * verdict. Call it again after changing the patient's facts or answers.
 */
void
eligo_comparison_set_patient (EligoComparison *self,
                              EligoPatient    *patient)
{
  gboolean changed;

  g_return_if_fail (ELIGO_IS_COMPARISON (self));
  g_return_if_fail (patient == NULL || ELIGO_IS_PATIENT (patient));

  changed = g_set_object (&self->patient, patient);
  update_verdicts (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT]);
}

/**
 * eligo_comparison_get_result:
 *
 * Returns: (transfer none) (nullable): the patient's screening result for
 *   column @index's trial; %NULL without a patient
 */
EligoScreeningResult *
eligo_comparison_get_result (EligoComparison *self,
                             guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->trials->len, NULL);

  if (self->results == NULL)
    return NULL;

  return g_ptr_array_index (self->results, index);
}

guint
eligo_comparison_get_n_rows (EligoComparison *self)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), 0);

  return self->rows->len;
}

/**
 * eligo_comparison_get_row:
 *
 * Rows come in section order; eligibility rows in the order of
 * variables.md. Rows where every trial says nothing are left out.
 *
 * Returns: (transfer none): the row
 */
EligoComparisonRow *
eligo_comparison_get_row (EligoComparison *self,
                          guint            index)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

/**
 * eligo_comparison_find_row:
 * @id: a row id, e.g. "eligibility.ecog"
 *
 * Returns: (transfer none) (nullable): the row
 */
EligoComparisonRow *
eligo_comparison_find_row (EligoComparison *self,
                           const char      *id)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, i);

      if (strcmp (row->id, id) == 0)
        return row;
    }

  return NULL;
}

/**
 * eligo_comparison_has_partial_cells:
 *
 * Returns: whether a shown cell is partial, so the legend is needed
 */
gboolean
eligo_comparison_has_partial_cells (EligoComparison *self,
                                    gboolean         only_differences)
{
  g_return_val_if_fail (ELIGO_IS_COMPARISON (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      EligoComparisonRow *row = g_ptr_array_index (self->rows, i);

      if (only_differences && !row->differs)
        continue;
      for (guint t = 0; t < row->n_cells; t++)
        if (row->partial[t] && row->cells[t] != NULL)
          return TRUE;
    }

  return FALSE;
}

const char *
eligo_comparison_section_to_string (EligoComparisonSection section)
{
  g_return_val_if_fail (section < ELIGO_N_COMPARISON_SECTIONS, NULL);

  return section_ids[section];
}

/**
 * eligo_comparison_section_get_title:
 *
 * Returns: the section's translated title
 */
const char *
eligo_comparison_section_get_title (EligoComparisonSection section)
{
  g_return_val_if_fail (section < ELIGO_N_COMPARISON_SECTIONS, NULL);

  return _(section_titles[section]);
}

/**
 * eligo_comparison_partial_legend:
 *
 * Returns: the legend for the "*" that marks partial cells
 */
const char *
eligo_comparison_partial_legend (void)
{
  /* Translators: the legend of a comparison table's partial cells */
  return _("* covers part of its criterion");
}
