/* eligo-rule-extractor-history.c
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

#define G_LOG_DOMAIN "eligo-rule-extractor"

#include "config.h"

#include <math.h>
#include <string.h>

#include "eligo-rule-extractor-private.h"

/*
 * History and time windows
 *
 * Windows since a treatment (bendamustine, a live vaccine, an
 * investigational agent, CAR-T) or another malignancy, converted only by a
 * fixed factor (weeks to days, years to months); prior CAR-T, HSCT and
 * organ transplants, transplant eligibility and donors, systemic steroids
 * and GVHD.
 */

/* No exception to the malignancy anywhere in the text ("other than the
 * leukemia under study" is none); the match starts at the malignancy. */
#define NO_MALIGNANCY_EXCEPTION \
  "^(?![\\s\\S]*?\\b(?:except|exception|excluding|exclusion of|unless|eligible|allowed|permitted|not excluded|apart from|besides|remission|disease[- ]free|" \
  "no evidence of disease|curative|cured|in situ|" \
  "other than (?!(?:the\\s+)?(?:b-all|all\\b|aml\\b|leuk|(?:disease|malignancy) (?:under study|being studied)|primary disease|the one treated)))\\b)[\\s\\S]*?\\K"
#define GVHD_NAME "(?:graft[- ]versus[- ]host[- ](?:disease|reaction|response)|gvhd)(?:\\s*\\((?:gvhd)\\))?"

static const Matcher matchers[] = {
  /* Time windows. */
  { K_WINDOW, "bendamustine", "\\bbendamustine\\b[^.;]{0,50}?" WITHIN NUMRE ("num") "\\s*(?<unit>months?|years?|weeks?|days?)\\b",
    "months_since_bendamustine", "months" },
  { K_WINDOW, "vaccin", "\\blive(?:[- ]attenuated|,? attenuated)?\\s+(?:virus\\s+)?vaccin[a-z]*(?:\\s+(?:administration|vaccination))?[^.;]{0,40}?"
    WITHIN NUMRE ("num") "\\s*(?<unit>weeks?|days?|months?)\\b", "weeks_since_live_vaccine", "weeks" },
  { K_WINDOW, "investigational|experimental",
    "\\b(?:(?:treatment with|receipt of|use of)\\s+(?:an?\\s+|any\\s+)?)?(?:investigational|experimental)\\s+(?:study\\s+)?(?:medicinal\\s+)?(?:products?|agents?|drugs?|medications?|therap(?:y|ies))[^.;]{0,40}?"
    WITHIN NUMRE ("num") "\\s*(?<unit>days?|weeks?|months?)\\b", "days_since_investigational_agent", "days" },
  { K_WINDOW, "car", "\\b(?:received|receiving|receipt of|prior|previous)\\s+car(?:[- ]?t\\b(?:[- ]cells?)?|(?=\\s+(?:cell|therap|treatment|infusion|immunotherap|product)))(?:\\s+(?:therapy|infusion|treatment))?\\s+"
    WITHIN NUMRE ("num") "\\s*(?<unit>months?|years?|weeks?|days?)\\b", "months_since_car_t", "months" },
  { K_WINDOW, "malignan|cancer|tumo",
    "\\b(?:other|another|prior|previous|second|secondary|history of)\\s+(?:[a-z]+\\s+){0,2}?(?:malignanc(?:y|ies)|cancers?|tumou?rs?|neoplasms?)"
    "(?:(?!requir|treat|need|therap|system)[^.;()]){0,40}?" WITHIN NUMRE ("num") "\\s*(?<unit>years?)\\b", "other_malignancy_years", "years" },
  { K_WINDOW, "malignan|cancer|tumo",
    "\\b" WITHIN NUMRE ("num") "\\s*(?<unit>years?)\\s*,?\\s*(?:[a-z]+\\s+){0,4}?(?:had|have|has|with)\\s+(?:an?\\s+)?(?:other|another|prior|second)\\s+(?:malignanc(?:y|ies)|cancers?|tumou?rs?)",
    "other_malignancy_years", "years" },

  /* Treatment history. */
  { K_PERSIST, "car", "\\bloss of (?:the\\s+)?car[- ]?t(?:[- ]cells?)?\\s*(?:cells?\\s+)?(?:activity|persistence|function)|\\bcar[- ]?t(?:[- ]cells?)?\\s+(?:are\\s+|were\\s+)?no longer (?:detectable|detected|functional)" },
  { K_BOOL, "car", "\\b(?:prior|previous(?:ly)?|received|receiving|receipt of|history of|treated with|treatment with|after)\\s+(?:treatment\\s+with\\s+|therapy\\s+with\\s+)?"
    "(?:(?<target>cd\\d+)\\s+)?car(?:[- ]?t\\b(?:[- ]cells?)?|(?=\\s+(?:cell|therap|treatment|infusion|immunotherap|product)))(?:\\s+(?:cell\\s+)?(?:adoptive\\s+)?(?:cellular\\s+)?(?:therapy|therapies|treatment|infusion|immunotherapy|products?))?", "prior_car_t" },
  { K_BOOL, "transplant|hsct|sct", "\\b(?:prior|previous(?:ly)?|history of|received|undergone|underwent)\\s+(?:an?\\s+)?(?:allogeneic|allo)[- ]?(?:hematopoietic\\s+|haematopoietic\\s+)?"
    "(?:stem cell transplant[a-z]*|hsct|sct|bmt|transplant[a-z]*)(?:\\s*\\((?:allo-)?h?sct\\))?", "prior_hsct" },
  { K_BOOL, "organ transplant", "\\b(?:(?:undergone|received|history of|prior)\\s+(?:an?\\s+)?)?(?:solid[- ])?organ transplant[a-z]*", "prior_organ_transplant" },
  { K_NOT, "eligible|candidate|unsuitable|unfit",
    "\\b(?:ineligible|not eligible|not (?:a\\s+)?candidates?|unsuitable|unfit)\\s+(?:for\\s+)?(?:an?\\s+)?(?:allogeneic\\s+|allo-?\\s*)?(?:hematopoietic\\s+|haematopoietic\\s+)?"
    "(?:stem cell transplant[a-z]*|hsct|allo-hsct|sct|transplant[a-z]*)(?:\\s*\\((?:allo-)?h?sct\\))?", "hsct_eligible" },
  { K_NOT, "donor",
    "\\b(?:no|lack of|lacks?|lacking|absence of|without)\\s+(?:an?\\s+)?(?:available\\s+)?(?:hla[- ])?(?:matched|identical)\\s+(?:sibling|related|unrelated|family)?"
    "(?:\\s*(?:or|and|and/or|/)\\s*(?:sibling|related|unrelated|family))?\\s*donors?(?:\\s+(?:was\\s+|is\\s+|has been\\s+)?(?:identified|available|found))?", "matched_donor_available" },
  { K_BOOL_PARTIAL, "donor", "\\b(?:hla[- ])?matched\\s+(?:sibling|related|unrelated|family)?(?:\\s*(?:or|and|/)\\s*(?:sibling|related|unrelated))?\\s*donors?(?:\\s+(?:is\\s+)?(?:identified|available))?", "matched_donor_available" },
  /* "pneumonitis that required systemic steroids" is about the pneumonitis. */
  { K_MASK, "steroid", "\\b(?:required|requiring|requires?|needed|needing|needs?|treated with)\\s+(?:the\\s+use\\s+of\\s+)?systemic\\s+(?:cortico|gluco)?(?:steroids?|corticoids?)", NULL },
  { K_BOOL, "steroid", "\\bsystemic\\s+(?:cortico)?steroids?(?:\\s+therapy)?|\\bsystemic\\s+(?:corticosteroids?|glucocorticoids?)", "systemic_steroids" },
  /* GVHD that needs systemic treatment now; any active GVHD (acute or
   * chronic, any grade). Not a history of GVHD, nor one kind or grade only. */
  { K_BOOL, "gvhd|graft",
    "\\b(?<!history of )(?<!prior )(?<!previous )(?<!acute )(?<!chronic )(?<!extensive )(?<!limited )"
    "(?:(?:active|current|ongoing)\\s+)?(?:(?:acute|chronic)\\s*(?:or|and/or|/)\\s*(?:acute|chronic)\\s+)?" GVHD_NAME
    "\\s+(?:requiring|that requires?|which requires?|needing|that needs?|in need of)\\s+(?:ongoing\\s+)?systemic\\s+"
    "(?:therapy|treatment|immunosuppressi(?:on|ve therapy|ve treatment)|(?:cortico)?steroids)", "gvhd_systemic_therapy" },
  { K_BOOL, "gvhd|graft",
    "\\b(?<!history of )(?<!prior )(?<!previous )(?<!acute )(?<!chronic )(?<!extensive )(?<!limited )(?<!anti-)(?<!anti )(?<!prevent )(?<!prevention of )(?<!prophylaxis of )(?<!treatment of )"
    "(?:(?:active|obvious|current|ongoing)\\s+)?(?:(?:acute|chronic)\\s*(?:or|and/or|/)\\s*(?:acute|chronic)\\s+)?" GVHD_NAME
    "(?!\\s*(?:\\(|,)?\\s*(?:>|<|grade|stage|requiring|that|which|needing|in need|treated|prophylaxis|with|of|after|post|following|\\band\\b))", "gvhd_any" },
  /* gvhd_active is acute grade II-IV or extensive chronic GVHD: only a text
   * that names those grades reads as the whole fact; any other mention of
   * GVHD (grade I, limited chronic) is wider, so the atom is partial. */
  { K_BOOL, "gvhd|graft",
    "\\b(?:grade\\s+(?:ii|2)\\s*(?:-|to)\\s*(?:iv|4)(?:\\s*\\([a-z]+\\))?(?:\\s+or\\s+(?:grade\\s+)?b\\s*-\\s*d(?:\\s*\\(ibmtr\\))?)?\\s+)"
    "(?:(?:active|acute|chronic|extensive chronic|obvious)\\s+(?:or\\s+|and\\s+|and/or\\s+)?)*(?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?|"
    "\\b(?:(?:active|acute|chronic|extensive chronic|obvious)\\s+(?:or\\s+|and\\s+|and/or\\s+)?)*(?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?"
    "\\s*(?:>=|of)\\s*grade\\s*(?:ii|2)", "gvhd_active" },
  /* "... or chronic GVHD which is not well-controlled": a well-controlled
   * extensive chronic GVHD is let in, gvhd_active would fail it (NCT05521087). */
  { K_MASK, "controlled",
    "\\b(?:(?:active|acute)\\s+)*(?:graft[- ]versus[- ]host(?: disease)?|gvhd)[^.;]{0,40}?\\bor\\s+chronic\\s+(?:graft[- ]versus[- ]host(?: disease)?|gvhd)"
    "\\s+(?:which|that)\\s+(?:is|are)\\s+not\\s+(?:well[- ])?controlled" },
  /* Extensive chronic GVHD alone is narrower than gvhd_active, which also
   * holds for acute grade II-IV: no rule of its own (NCT04856215). */
  { K_MASK, "gvhd|graft",
    "\\b(?:active\\s+)?extensive chronic (?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?" },
  { K_BOOL_PARTIAL, "gvhd|graft",
    "\\b(?:(?:active|acute|chronic|extensive chronic|obvious)\\s+(?:or\\s+|and\\s+|and/or\\s+)?)*(?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?", "gvhd_active" },


  /* Another malignancy, active now. "Other than the disease under study"
   * names the leukemia, not an exception. */
  { K_NEUTRAL, "other than", "\\(?\\bother than\\s+(?:the\\s+)?(?:b-all|all|aml|leuk[a-z]*|(?:disease|malignancy|leuk[a-z]*) (?:under study|being studied|treated in this study)|primary disease)\\)?" },
  /* "Second cancers requiring systemic treatment": narrower than active. */
  { K_MASK, "malignan|cancer|tumo",
    "\\b(?:[a-z]+\\s+){0,3}?(?:malignanc(?:y|ies)|cancers?|tumou?rs?)\\s*,?\\s+(?:that\\s+|which\\s+)?(?:(?:is|are|currently)\\s+)?(?:requir|need|under|treated|receiving)[a-z]*" },
  { K_BOOL, "malignan|cancer|tumo",
    NO_MALIGNANCY_EXCEPTION "\\b(?:(?:active|current|concurrent|concomitant)\\s+(?:other|another|second(?:ary)?|additional)\\s+(?:primary\\s+)?(?:malignanc(?:y|ies)|cancers?|malignant (?:tumou?rs?|diseases?|neoplasms?))|"
    "(?:other|another|second(?:ary)?|additional)\\s+(?:primary\\s+)?(?:active|current|concurrent)\\s+(?:malignanc(?:y|ies)|cancers?|malignant (?:tumou?rs?|diseases?|neoplasms?))|"
    "(?:active|current|concurrent)\\s+(?:malignanc(?:y|ies)|cancers?)(?=\\s*\\(?\\s*other than (?:the\\s+)?(?:b-all|all\\b|aml\\b|leuk|(?:disease|malignancy) under study|primary disease)))", "other_malignancy_active" },
  /* A history of one, or one without a word on activity: wider than active.
   * A leading "no" stays outside, for the negation to see. */
  { K_BOOL_PARTIAL, "malignan|cancer|tumo",
    "^(?:no\\s+)?\\K(?:(?:patients?|subjects?)\\s+with\\s+|(?:previous\\s+|past\\s+|prior\\s+)?history of\\s+|diagnosis of\\s+)?(?:other|another|secondary|second)\\s+(?:primary\\s+)?(?:malignanc(?:y|ies)|cancers?|tumou?rs?|malignant tumou?rs?)\\s*[.;]?\\s*$",
    "other_malignancy_active" },

  /* Allogeneic HSCT within a time. */
  { K_HSCT_WINDOW, "transplant|hsct|sct",
    "\\b(?:(?:prior|previous|received|receipt of|underwent|undergone)\\s+(?:an?\\s+)?)?(?:allogeneic|allo)[- ]?(?:hematopoietic\\s+|haematopoietic\\s+)?(?:stem cell\\s+|cell\\s+)?(?:transplant[a-z]*|hsct|sct|bmt)(?:\\s*\\((?:allo-)?h?sct\\))?\\s+"
    WITHIN NUMRE ("num") "\\s*(?<unit>months?|years?)\\b", "months_since_hsct", "months" },
  /* "Disease status post-CAR-T": after a CAR-T therapy. */
  { K_LEAF_INCL, "post", "\\b(?:disease status\\s+)?post[- ]car[- ]?t(?:[- ]cells?)?(?:\\s+(?:therapy|infusion|treatment))?\\b", "prior_car_t" },
  /* Major surgery within a time (days; weeks are 7 days). Not where the
   * text says what is no major surgery, nor "and have not recovered". */
  { K_WINDOW, "surg",
    "\\bmajor\\s+(?:surgery|surgical procedures?|operations?)(?:\\s*\\([^)]{0,40}\\))?\\s+" WITHIN NUMRE ("num") "\\s*(?<unit>days?|weeks?|months?)\\b"
    "(?![^.;]*\\band\\s+(?:have|has|had|not|who|with|without)\\b)(?![\\s\\S]*?\\b(?:not considered (?:a\\s+)?major|minor surg|allowed|permitted|excluding|except))",
    "days_since_major_surgery", "days" },
};

typedef struct
{
  GRegex *steroid_dose;
  GRegex *past;
} FamilyPatterns;

static const FamilyPatterns *
history_patterns (void)
{
  static FamilyPatterns p;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      p.past = eligo_extractor_compile ("\\b(?:history of|prior|previous(?:ly)?|ever|past)\\b");
      p.steroid_dose = eligo_extractor_compile ("\\b\\d+(?:\\.\\d+)?\\s*(?:mg|mcg|ug)\\b|\\bdos(?:e|es|age|ing)\\b|\\bequivalent\\b|\\bphysiologic");
      g_once_init_leave (&initialized, 1);
    }

  return &p;
}

static Node *
build_window (GMatchInfo *info,
              const char *var,
              const char *var_unit)
{
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *unit = eligo_match_fetch (info, "unit");
  double value;

  if (!eligo_parse_number (num, &value) || unit == NULL)
    return NULL;

  if (g_str_has_prefix (var_unit, "day"))
    {
      if (g_str_has_prefix (unit, "week"))
        value *= 7;
      else if (!g_str_has_prefix (unit, "day"))
        return NULL;
    }
  else if (g_str_has_prefix (var_unit, "week"))
    {
      if (g_str_has_prefix (unit, "day"))
        {
          if (fmod (value, 7) != 0)
            return NULL;
          value /= 7;
        }
      else if (!g_str_has_prefix (unit, "week"))
        return NULL;
    }
  else if (g_str_has_prefix (var_unit, "month"))
    {
      if (g_str_has_prefix (unit, "year"))
        value *= 12;
      else if (!g_str_has_prefix (unit, "month"))
        return NULL;
    }
  else if (!g_str_has_prefix (unit, "year"))
    return NULL;

  return eligo_leaf_compare (var, OP_LE, value);
}

static Node *
read_history (Reader        *reader,
              const Matcher *m,
              int            order,
              GMatchInfo    *info,
              int            start,
              int            end,
              guint         *flags,
              gboolean      *ok,
              gboolean      *done)
{
  Node *node = NULL;

  switch (m->kind)
    {
    case K_WINDOW:
      node = build_window (info, m->var, m->aux);
      break;

    case K_HSCT_WINDOW:
      {
        Node *window = build_window (info, m->var, m->aux);

        if (window == NULL)
          break;
        /* A patient never transplanted is not left unknown. */
        node = eligo_node_new_group (NODE_AND);
        eligo_node_add (node, eligo_node_new_leaf ("prior_hsct"));
        eligo_node_add (node, window);
      }
      break;

    case K_PERSIST:
      node = eligo_node_new_group (NODE_AND);
      eligo_node_add (node, eligo_node_new_leaf ("prior_car_t"));
      eligo_node_add (node, eligo_node_new_leaf ("car_t_persistence_lost"));
      break;

    default:
      g_assert_not_reached ();
    }

  return node;
}

static gboolean
check_history (Reader *reader,
               Span   *atom)
{
      /* "History of using systemic steroids": the past too, not only now. */
      if (eligo_atom_is (atom, "systemic_steroids")
          && g_regex_match (history_patterns ()->past, reader->text->str, 0, NULL))
        atom->flags |= FLAG_PARTIAL;
      /* A dose threshold: only high doses count, not any systemic steroid. */
      if (eligo_atom_is (atom, "systemic_steroids")
          && g_regex_match (history_patterns ()->steroid_dose, reader->text->str, 0, NULL))
        {
          eligo_reader_drop_atom (reader, atom, "a steroid dose threshold");
          return TRUE;
        }
  return FALSE;
}

const EligoFamily eligo_rule_family_history = {
  "history and time windows", matchers, G_N_ELEMENTS (matchers), read_history, check_history,
};
