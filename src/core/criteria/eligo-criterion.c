/* eligo-criterion.c
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

#define G_LOG_DOMAIN "eligo-criterion"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "eligo-criterion.h"
#include "eligo-format.h"
#include "eligo-rule-extractor.h"
#include "eligo-rule-spans.h"

struct _EligoCriterion
{
  GObject                parent_instance;

  char                  *id;
  char                  *nct_id;
  EligoCriterionKind     kind;
  guint                  number;
  char                  *text;
  char                  *context;
  char                  *section;
  EligoCriterionSubject  subject;

  EligoRule             *rule;
  gboolean               partial;
  EligoRuleOrigin        origin;
  char                  *reason;

  char                  *curated_by;
  GDateTime             *curated_at;
  char                  *match_key;
  GArray                *spans;        /* of EligoRuleSpan, or NULL */
};

G_DEFINE_FINAL_TYPE (EligoCriterion, eligo_criterion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_RULE,
  PROP_PARTIAL,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
eligo_criterion_finalize (GObject *object)
{
  EligoCriterion *self = (EligoCriterion *) object;

  g_free (self->id);
  g_free (self->nct_id);
  g_free (self->text);
  g_free (self->context);
  g_free (self->section);
  g_free (self->reason);
  g_free (self->curated_by);
  g_free (self->match_key);
  g_clear_pointer (&self->rule, eligo_rule_unref);
  g_clear_pointer (&self->curated_at, g_date_time_unref);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (eligo_criterion_parent_class)->finalize (object);
}

static void
eligo_criterion_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EligoCriterion *self = ELIGO_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RULE:
      g_value_set_boxed (value, self->rule);
      break;
    case PROP_PARTIAL:
      g_value_set_boolean (value, self->partial);
      break;
    case PROP_ORIGIN:
      g_value_set_int (value, self->origin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_criterion_class_init (EligoCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = eligo_criterion_finalize;
  object_class->get_property = eligo_criterion_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_RULE] = g_param_spec_boxed ("rule", NULL, NULL, ELIGO_TYPE_RULE, flags);
  properties[PROP_PARTIAL] = g_param_spec_boolean ("partial", NULL, NULL, FALSE, flags);
  properties[PROP_ORIGIN] = g_param_spec_int ("origin", NULL, NULL, ELIGO_ORIGIN_PARSED,
                                              ELIGO_ORIGIN_CURATED, ELIGO_ORIGIN_PARSED, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_criterion_init (EligoCriterion *self)
{
}

/**
 * eligo_criterion_new:
 * @number: the position among the trial's criteria of @kind, from 1
 *
 * Returns: (transfer full): a criterion without a rule; its id is
 *   "NCTID/I<n>" or "NCTID/E<n>"
 */
EligoCriterion *
eligo_criterion_new (const char         *nct_id,
                     EligoCriterionKind  kind,
                     guint               number,
                     const char         *text)
{
  EligoCriterion *self;

  g_return_val_if_fail (nct_id != NULL, NULL);
  g_return_val_if_fail (number > 0, NULL);

  self = g_object_new (ELIGO_TYPE_CRITERION, NULL);
  self->nct_id = g_strdup (nct_id);
  self->kind = kind;
  self->number = number;
  self->text = g_strdup (text != NULL ? text : "");
  self->id = g_strdup_printf ("%s/%c%u", nct_id,
                              kind == ELIGO_CRITERION_INCLUSION ? 'I' : 'E', number);

  return self;
}

const char *
eligo_criterion_get_id (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->id;
}

const char *
eligo_criterion_get_nct_id (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->nct_id;
}

EligoCriterionKind
eligo_criterion_get_kind (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), ELIGO_CRITERION_INCLUSION);
  return self->kind;
}

guint
eligo_criterion_get_number (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), 0);
  return self->number;
}

const char *
eligo_criterion_get_text (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->text;
}

const char *
eligo_criterion_get_context (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->context;
}

void
eligo_criterion_set_context (EligoCriterion *self,
                             const char     *context)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));

  g_free (self->context);
  self->context = g_strdup (context);
}

const char *
eligo_criterion_get_section (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->section;
}

void
eligo_criterion_set_section (EligoCriterion *self,
                             const char     *section)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));

  g_free (self->section);
  self->section = g_strdup (section);
}

EligoCriterionSubject
eligo_criterion_get_subject (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), ELIGO_SUBJECT_PATIENT);
  return self->subject;
}

void
eligo_criterion_set_subject (EligoCriterion        *self,
                             EligoCriterionSubject  subject)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));
  self->subject = subject;
}

/**
 * eligo_criterion_get_rule:
 *
 * Returns: (transfer none) (nullable): the rule, or %NULL when the
 *   criterion is for the nurse to review
 */
EligoRule *
eligo_criterion_get_rule (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->rule;
}

/**
 * eligo_criterion_dup_rule_text:
 *
 * Returns: (transfer full) (nullable): the rule in its text form
 */
char *
eligo_criterion_dup_rule_text (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);

  return self->rule != NULL ? eligo_rule_to_string (self->rule) : NULL;
}

gboolean
eligo_criterion_get_partial (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), FALSE);
  return self->partial;
}

EligoRuleOrigin
eligo_criterion_get_origin (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), ELIGO_ORIGIN_PARSED);
  return self->origin;
}

/**
 * eligo_criterion_set_rule:
 * @rule: (nullable): the rule, or %NULL for none
 */
void
eligo_criterion_set_rule (EligoCriterion  *self,
                          EligoRule       *rule,
                          gboolean         partial,
                          EligoRuleOrigin  origin)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));

  if (rule != NULL)
    eligo_rule_ref (rule);
  g_clear_pointer (&self->rule, eligo_rule_unref);
  self->rule = rule;
  self->partial = rule != NULL && partial;
  self->origin = origin;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
}

/**
 * eligo_criterion_get_spans:
 *
 * Where in the criterion's text each part of its rule was read: byte
 * ranges on character boundaries, in order, each with the rule's atom read
 * there. Only a rule the extractor read has them; words of a partial rule
 * that were not read are in no span.
 *
 * Returns: (transfer none) (nullable) (element-type EligoRuleSpan): the
 *   spans, or %NULL
 */
GArray *
eligo_criterion_get_spans (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);

  if (self->rule == NULL || self->origin != ELIGO_ORIGIN_PARSED)
    return NULL;
  return self->spans;
}

/**
 * eligo_criterion_set_spans:
 * @spans: (nullable) (element-type EligoRuleSpan): where the rule was read
 *
 * Keeps a copy of the spans that lie inside the criterion's text.
 */
void
eligo_criterion_set_spans (EligoCriterion *self,
                           GArray         *spans)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));

  g_clear_pointer (&self->spans, g_array_unref);
  self->spans = eligo_rule_spans_copy_valid (spans, self->text);
}

const char *
eligo_criterion_get_curated_by (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->curated_by;
}

GDateTime *
eligo_criterion_get_curated_at (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->curated_at;
}

void
eligo_criterion_set_curation (EligoCriterion *self,
                              const char     *author,
                              GDateTime      *time)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));

  g_free (self->curated_by);
  self->curated_by = g_strdup (author);
  g_clear_pointer (&self->curated_at, g_date_time_unref);
  if (time != NULL)
    self->curated_at = g_date_time_ref (time);
}

const char *
eligo_criterion_get_reason (EligoCriterion *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);
  return self->reason;
}

void
eligo_criterion_set_reason (EligoCriterion *self,
                            const char     *reason)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));

  g_free (self->reason);
  self->reason = g_strdup (reason);
}

/*
 * The key a curated rule is matched by when the trial is imported again:
 * the kind and the words of the criterion, so a re-numbered or re-spaced
 * criterion keeps its rule, and a reworded one does not.
 */
char *
eligo_criterion_dup_match_key (EligoCriterion *self)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (ELIGO_IS_CRITERION (self), NULL);

  if (self->match_key != NULL)
    return g_strdup (self->match_key);

  normalized = eligo_criteria_normalize_text (self->text);
  return g_strdup_printf ("%c:%s", self->kind == ELIGO_CRITERION_INCLUSION ? 'I' : 'E',
                          normalized);
}

/* For criteria read back from the database: the key they were stored under. */
void
eligo_criterion_set_match_key (EligoCriterion *self,
                               const char     *match_key)
{
  g_return_if_fail (ELIGO_IS_CRITERION (self));

  g_free (self->match_key);
  self->match_key = g_strdup (match_key);
}

/* Lower case, letters and digits only, single spaces. */
char *
eligo_criteria_normalize_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, g_unichar_tolower (c));
          space = FALSE;
        }
      else
        space = TRUE;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
eligo_criterion_kind_to_string (EligoCriterionKind kind)
{
  return kind == ELIGO_CRITERION_INCLUSION ? "inclusion" : "exclusion";
}

const char *
eligo_rule_origin_to_string (EligoRuleOrigin origin)
{
  switch (origin)
    {
    case ELIGO_ORIGIN_STRUCTURED:
      return "structured";
    case ELIGO_ORIGIN_CURATED:
      return "curated";
    case ELIGO_ORIGIN_PARSED:
    default:
      return "parsed";
    }
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

/**
 * eligo_criteria_structured_text:
 * @match_key: "I:registry age" or "I:registry sex"
 *
 * The words of a criterion made from the registry's structured fields, in
 * the language of the user: the database stores such criteria by key and
 * writes their text when it reads them.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if the trial has no
 *   such limit
 */
char *
eligo_criteria_structured_text (EligoTrial *trial,
                                const char *match_key)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

  if (g_strcmp0 (match_key, "I:registry age") == 0)
    {
      double min = eligo_trial_get_min_age_years (trial);
      double max = eligo_trial_get_max_age_years (trial);
      g_autofree char *range = NULL;

      if (min <= 0)
        min = -1;
      if (min < 0 && max < 0)
        return NULL;

      range = eligo_format_age_range (min, max);
      /* Translators: the registry's structured age limits as a criterion, e.g.
       * "Age in the registry: 14–80" or "Age in the registry: 18+" */
      return g_strdup_printf (_("Age in the registry: %s"), range);
    }

  if (g_strcmp0 (match_key, "I:registry sex") == 0)
    {
      const char *sex = eligo_trial_get_sex (trial);

      if (g_strcmp0 (sex, "FEMALE") == 0)
        return g_strdup (_("Sex in the registry: female only"));
      if (g_strcmp0 (sex, "MALE") == 0)
        return g_strdup (_("Sex in the registry: male only"));
    }

  return NULL;
}

/* The registry's minimumAge and maximumAge as one inclusion criterion. */
static EligoCriterion *
structured_age (EligoTrial *trial,
                guint       number)
{
  double min = eligo_trial_get_min_age_years (trial);
  double max = eligo_trial_get_max_age_years (trial);
  const char *max_text = eligo_trial_get_maximum_age_text (trial);
  g_autofree char *text = NULL;
  g_autofree char *rule_text = NULL;
  g_autofree char *min_number = NULL;
  g_autofree char *max_number = NULL;
  g_autoptr(EligoRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  EligoCriterion *criterion;
  gboolean max_open;

  /* A minimum of 0 is no limit at all. */
  if (min <= 0)
    min = -1;
  if (min < 0 && max < 0)
    return NULL;

  /* Age is fractional: a maximum of "80 Years" admits a patient aged 80
   * years and 6 months, so a whole number of years is an open bound one
   * year higher. A maximum in months or weeks stays as computed. */
  max_open = max >= 0 && max == floor (max) && max_text != NULL && strstr (max_text, "Year") != NULL;
  min_number = format_number (floor (min * 100 + 0.5) / 100);
  max_number = format_number (max_open ? max + 1 : floor (max * 100 + 0.5) / 100);

  text = eligo_criteria_structured_text (trial, "I:registry age");

  if (min >= 0 && max >= 0)
    rule_text = g_strdup_printf ("age_years >= %s and age_years %s %s", min_number,
                                 max_open ? "<" : "<=", max_number);
  else if (min >= 0)
    rule_text = g_strdup_printf ("age_years >= %s", min_number);
  else
    rule_text = g_strdup_printf ("age_years %s %s", max_open ? "<" : "<=", max_number);

  rule = eligo_rule_parse (rule_text, NULL, &error);
  g_assert_no_error (error);

  criterion = eligo_criterion_new (eligo_trial_get_nct_id (trial), ELIGO_CRITERION_INCLUSION,
                                   number, text);
  eligo_criterion_set_rule (criterion, rule, FALSE, ELIGO_ORIGIN_STRUCTURED);
  /* The text is translated; the key a curated rule is kept under must not be. */
  criterion->match_key = g_strdup ("I:registry age");

  return criterion;
}

static EligoCriterion *
structured_sex (EligoTrial *trial,
                guint       number)
{
  const char *sex = eligo_trial_get_sex (trial);
  g_autoptr(EligoRule) rule = NULL;
  EligoCriterion *criterion;
  const char *text;

  if (g_strcmp0 (sex, "FEMALE") == 0)
    {
      text = _("Sex in the registry: female only");
      rule = eligo_rule_parse ("sex == female", NULL, NULL);
    }
  else if (g_strcmp0 (sex, "MALE") == 0)
    {
      text = _("Sex in the registry: male only");
      rule = eligo_rule_parse ("sex == male", NULL, NULL);
    }
  else
    return NULL;

  g_assert (rule != NULL);
  criterion = eligo_criterion_new (eligo_trial_get_nct_id (trial), ELIGO_CRITERION_INCLUSION,
                                   number, text);
  eligo_criterion_set_rule (criterion, rule, FALSE, ELIGO_ORIGIN_STRUCTURED);
  criterion->match_key = g_strdup ("I:registry sex");

  return criterion;
}

/* Does @rule read cns_disease or cns_leukemia_overt? Compiled once, as
 * this runs at import. */
static gboolean
rule_names_cns_disease (const char *rule)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\bcns_(?:disease|leukemia_overt)\\b", 0, 0, NULL));

  return g_regex_match (regex, rule, 0, NULL);
}

/**
 * eligo_criteria_for_trial:
 *
 * Splits the trial's eligibility text into criteria, reads a rule from each
 * where the text allows, and adds the registry's structured limits (age,
 * sex) as inclusion criteria after the text's. Curated rules are applied by
 * the database, which keeps them.
 *
 * Returns: (transfer container) (element-type EligoCriterion): the criteria
 */
GPtrArray *
eligo_criteria_for_trial (EligoTrial *trial)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) exclusions = NULL;
  GPtrArray *criteria;
  guint n_inclusions = 0;
  gboolean admits_cns_leukemia = FALSE;
  EligoCriterion *criterion;

  g_return_val_if_fail (ELIGO_IS_TRIAL (trial), NULL);

  criteria = g_ptr_array_new_with_free_func (g_object_unref);
  exclusions = g_ptr_array_new_with_free_func (g_object_unref);
  texts = eligo_criteria_split (eligo_trial_get_eligibility_criteria (trial));

  for (guint i = 0; i < texts->len && !admits_cns_leukemia; i++)
    {
      EligoCriterionText *ct = g_ptr_array_index (texts, i);

      if (ct->subject == ELIGO_SUBJECT_PATIENT)
        admits_cns_leukemia = eligo_rule_admits_cns_leukemia (ct->text);
    }

  for (guint i = 0; i < texts->len; i++)
    {
      EligoCriterionText *ct = g_ptr_array_index (texts, i);
      gboolean inclusion = ct->kind == ELIGO_CRITERION_INCLUSION;
      guint number = inclusion ? ++n_inclusions : exclusions->len + 1;

      criterion = eligo_criterion_new (eligo_trial_get_nct_id (trial), ct->kind, number, ct->text);
      eligo_criterion_set_context (criterion, ct->context);
      eligo_criterion_set_section (criterion, ct->section);
      eligo_criterion_set_subject (criterion, ct->subject);

      /* Criteria about a donor or another person are never read against the patient. */
      if (ct->subject == ELIGO_SUBJECT_PATIENT)
        {
          g_autoptr(EligoExtraction) extraction = NULL;

          extraction = eligo_rule_extract (ct->kind, ct->text, ct->context);
          /* cns_disease also holds for CNS leukemia: a trial that admits
           * it excludes only neurological disorders on such a criterion;
           * nor does it exclude every CNS leukemia (cns_leukemia_overt). */
          if (admits_cns_leukemia && ct->kind == ELIGO_CRITERION_EXCLUSION && extraction->rule != NULL
              && rule_names_cns_disease (extraction->rule))
            {
              g_clear_pointer (&extraction->rule, g_free);
              g_clear_pointer (&extraction->spans, g_array_unref);
              g_free (extraction->reason);
              extraction->reason = g_strdup ("the trial admits CNS leukemia, which cns_disease also holds for");
            }
          if (extraction->rule != NULL)
            {
              g_autoptr(EligoRule) rule = NULL;
              g_autoptr(GError) error = NULL;

              rule = eligo_rule_parse (extraction->rule, NULL, &error);
              if (rule == NULL)
                g_critical ("Extractor wrote a bad rule “%s”: %s", extraction->rule,
                            error->message);
              else
                {
                  eligo_criterion_set_rule (criterion, rule, extraction->partial,
                                            ELIGO_ORIGIN_PARSED);
                  eligo_criterion_set_spans (criterion, extraction->spans);
                }
            }
          eligo_criterion_set_reason (criterion, extraction->reason);
        }

      g_ptr_array_add (inclusion ? criteria : exclusions, criterion);
    }

  /* The registry's limits follow the inclusions of the text (and take the
   * next numbers), so the text's criteria keep the numbers they read as. */
  criterion = structured_age (trial, n_inclusions + 1);
  if (criterion != NULL)
    {
      g_ptr_array_add (criteria, criterion);
      n_inclusions++;
    }

  criterion = structured_sex (trial, n_inclusions + 1);
  if (criterion != NULL)
    g_ptr_array_add (criteria, criterion);

  g_ptr_array_extend_and_steal (criteria, g_steal_pointer (&exclusions));

  return criteria;
}
