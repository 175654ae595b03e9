/* eligo-rule-extractor.c
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
#include <stdlib.h>
#include <string.h>

#include "eligo-rule-extractor.h"
#include "eligo-rule-extractor-private.h"

/*
 * How a criterion is read
 *
 * Precision before recall: a wrong rule is worse than none.
 *
 *  1. The text is normalised: lower case, "≤" becomes "<=", "×" becomes
 *     "x", "µ" becomes "u", "10⁹" becomes "10^9", registry escapes go.
 *  2. It is cut into clauses: sentences, ";", ":", "but", and
 *     parenthetical remarks (which belong to the clause around them).
 *  3. A table of patterns, each compiled once, finds atoms (one
 *     comparison or fact, or a small group such as "ALT/AST <= 3x ULN"),
 *     neutral phrases that add nothing ("at the time of screening"),
 *     blockers that look like an atom but are not one ("direct
 *     bilirubin", "primary immune deficiency") and conditions that
 *     restrict an atom to some patients ("(age >= 16 years)"). Where spans
 *     overlap, the longest wins.
 *  4. Exceptions ("unless", "except", "is allowed", "can be enrolled"...)
 *     void the atoms of their clause; a parenthetical exception voids the
 *     clause around it; some govern the whole criterion, which becomes
 *     review, as do a cohort named in the text and a footnote marker whose
 *     note is elsewhere. Negations ("no", "without", "did not") negate a
 *     yes/no atom of an inclusion and void any other; in an exclusion's
 *     first sentence they make it review ("No known HIV" filed as an
 *     exclusion would exclude almost everyone). "Including, but not
 *     limited to" is read as "including". Items of a list of
 *     alternatives or of a definition ("This includes:", "defined as",
 *     "one of the following"), in the lead-in or in the text, are review;
 *     so is what follows "including participants ..." in an inclusion.
 *     An exclusion's fact followed by a qualifier ("known to be associated
 *     with", "not controlled by", "with") is narrower than its variable.
 *  5. Atoms of one clause form a run; the words between them say whether
 *     the run is an "and" or an "or". An inclusion is the "and" of its
 *     runs, an exclusion the "or". An inclusion atom that is one
 *     alternative of an "or" whose other alternatives were not read is
 *     dropped (the patient might meet the other one); an exclusion atom
 *     "and"-ed with something unread is dropped likewise; an exclusion
 *     run with an explicit "and" is kept as a conjunction and marked
 *     partial, which can only ever exclude less than the text does.
 *  6. The rule is partial when an atom was dropped or when content words
 *     remain that no pattern covered.
 *
 * Numbers are converted only when the conversion is exact or a fixed
 * factor (weeks to days, mg/dL to umol/L); months are never turned into
 * days. An estimated glomerular filtration rate (mL/min/1.73 m²) is read
 * as creatinine_clearance_ml_min, like a Cockcroft-Gault clearance.
 */

/* Neutral phrases and blockers: they run first, so that they win ties. */
static const Matcher matchers[] = {
  /* Neutral phrases: covered, no atom. */
  { K_NEUTRAL, "screening|enrol|registration|infusion|consent|treatment|conditioning|regimen|leukapheresis|lymphodepl|study",
    "\\b(?:at|during|before|prior to|until|from|after)\\s+(?:the\\s+)?(?:time of\\s+|date of\\s+|start of\\s+|initiation of\\s+)?"
    "(?:screening|enrol+ment|registration|study entry|(?:car[- ]?t\\s+)?cell infusion|infusion|consent|conditioning|leukapheresis|"
    "lymphodepletion|the pretreatment regimen|pretreatment|pre-treatment|study treatment|randomi[sz]ation)(?:\\s+visit)?"
    "(?:\\s+or\\s+(?:conditioning|infusion|enrol+ment|lymphodepletion))?" },
  { K_NEUTRAL, "consent", "\\b(?:at|from|after|before|prior to)\\s+(?:the\\s+)?(?:date|time)\\s+(?:of\\s+|they\\s+|he or she\\s+)?"
    "(?:signing|sign|signature of|signed)\\s+(?:the\\s+|an?\\s+)?(?:written\\s+)?informed consent(?:\\s+forms?)?(?:\\s*\\(icf\\))?" },
  { K_NEUTRAL, "until", "\\buntil\\s+" NUMRE ("n") "\\s*(?:months?|weeks?|days?|years?)\\s+after\\s+(?:the\\s+)?(?:completing|completion of|end of|last)?[a-z0-9 -]{0,30}?(?:treatment|infusion|therapy|dose)" },
  { K_NEUTRAL, "investigator", "(?:\\(\\s*)?\\b(?:according to|as judged by|based on|per)\\s+(?:the\\s+)?investigator'?s?\\s*(?:judge?ment|assessment|opinion)?(?:\\s*\\))?|,?\\s*as judged by the investigator,?" },
  { K_NEUTRAL, "flow|immunohisto", "\\b(?:as\\s+)?(?:confirmed\\s+|detected\\s+|determined\\s+|assessed\\s+)?(?:by|on|via|using)\\s+(?:multiparameter\\s+|multi-parameter\\s+)?"
    "(?:flow cytometry|immunohistochemistry)(?:\\s*\\((?:fcm|ihc)\\))?(?:\\s+(?:or|and/or)\\s+(?:flow cytometry|immunohistochemistry))?" },
  { K_NEUTRAL, "who|nccn|classification", "\\baccording to\\s+(?:the\\s+)?(?:\\d{4}\\s+)?(?:who|world health organi[sz]ation|nccn|icc)\\b(?:\\s*\\(who\\))?(?:\\s+(?:classification|criteria|diagnostic criteria|guidelines))?" },
  { K_NEUTRAL, "child|adult|senior", "\\((?:child|adult|older adult|senior)(?:,\\s*(?:child|adult|older adult|senior))*\\)" },
  { K_NEUTRAL, "following|defined|as follows", "^[^:]{0,120}?\\b(?:following|defined as|defined by|as follows)\\b[^:]{0,60}:" },
  { K_NEUTRAL, "availability|diagnosis|consent|eligibility",
    "^(?:donor availability|diagnosis|informed consent|consent|eligibility)\\s*:" },
  { K_NEUTRAL, "presence|suspicion|evidence", "\\b(?:presence|evidence)(?: or suspicion)? of\\b" },
  { K_NEUTRAL, "childbearing|reproductive", "\\(?\\b(?:those\\s+)?(?:with|of)\\s+(?:child[- ]?bearing|reproductive)\\s+(?:potential|age)\\)?" },
  { K_NEUTRAL, "representative|guardian", "\\b(?:the\\s+)?(?:legal(?:ly)?\\s+(?:authori[sz]ed\\s+)?representatives?|(?:legal\\s+)?guardians?)(?:\\s*\\([^)]{0,20}\\))?" },
  { K_NEUTRAL, "self-awareness", "\\bwith self-awareness\\b" },
  { K_NEUTRAL, "inhaled|topical", "\\b(?:recent or current |current or recent )?use of (?:inhaled|topical) [a-z ]{0,40}?(?:is|are) not exclusionary" },
  { K_NEUTRAL, "air|ventilation", "\\b(?:on|in|at|under)\\s+(?:room|indoor|ambient)\\s+(?:air|ventilation)|\\broom air\\b" },
  { K_NEUTRAL, "echo|muga", "\\b(?:as\\s+(?:assessed|measured|determined)\\s+)?(?:by|on)\\s+(?:echo(?:cardiogra(?:m|phy))?|muga(?: scan)?)(?:\\s+or\\s+(?:echo(?:cardiogra(?:m|phy))?|muga(?: scan)?))?" },
  { K_NEUTRAL, "hla", "\\bthrough hla typing\\b" },
  { K_NEUTRAL, "function|hepatic|renal|cardiac|pulmonary|kidney|liver",
    "\\b(?:(?:adequate|sufficient|satisfactory|normal)\\s+)?(?:hepatic|liver|renal|kidney|cardiac|pulmonary|lung|heart)(?:\\s*(?:,|and|/)\\s*(?:hepatic|liver|renal|kidney|cardiac|pulmonary|lung|heart))*"
    "\\s+function(?:\\s+(?:defined|as defined)\\s+by)?\\b|^\\s*(?:hepatic|liver|renal|kidney|cardiac|pulmonary|heart)\\s*:" },
  { K_NEUTRAL, "inclusive|including", "\\(\\s*(?:inclusive|including\\s+\\d+[^)]{0,20})\\s*\\)" },
  { K_NEUTRAL, "appendix", "\\(\\s*(?:see\\s+)?appendix\\s+[a-z0-9]{1,4}\\s*\\)" },
  { K_NEUTRAL, "dose|administration",
    "\\b(?:prior to|before)\\s+(?:the\\s+)?(?:first|1st|initial)\\s+(?:study\\s+)?(?:drug\\s+|treatment\\s+)?(?:dose|administration)(?:\\s+of\\s+(?:the\\s+)?study\\s+(?:drug|treatment))?" },

  /* Blockers: words that look like an atom but are not one. */
  { K_MASK, "relaps|refractory|r/r",
    "\\b(?:newly diagnosed\\s*(?:,|or|and/or|and)\\s*)?(?:relapsed?|refractory|recurrent)\\s*(?:or|and/or|and|/)\\s*(?:relapsed?|refractory|recurrent)\\b(?:\\s*\\(r/r\\))?|\\br\\s*/\\s*r\\b" },
  { K_MASK, "mature", "\\bmature b[- ]?cell (?:all\\b|acute lymphoblastic leuk[a-z]*)" },
  { K_MASK, "bilirubin", "\\b(?:direct|conjugated|indirect|unconjugated)\\s+(?:serum\\s+)?bilirubin" },
  { K_MASK, "lymphoblast", "\\blymphoblasts?\\b" },
  { K_MASK, "extramedullary", "\\b[il]solated\\s+(?:cns\\s+|testicular\\s+)?extramedullary\\s+(?:disease|relapse|leuk[a-z]*)(?:\\s+relapse)?" },
  { K_MASK, "autoimmune", "\\bcns[- ]related autoimmune diseases?|\\bautoimmune diseases? with cns involvement" },
  { K_MASK, "pregnan", "\\b(?:(?:serum|urine|blood)\\s+)?(?:beta-hcg\\s+|hcg\\s+)?pregnancy tests?\\b|\\bplan(?:ning|s)?\\s+(?:a\\s+)?pregnancy|\\bplan(?:ning|s)?\\s+(?:on\\s+|to\\s+)?becom(?:e|ing)\\s+pregnant|\\bpregnancy plans?\\b|\\brisk of pregnancy" },
  { K_MASK, "breast", "\\b(?:lactating\\s+(?:female\\s+)?(?:participants?|patients?|women|subjects?)?\\s*)?unwilling to stop breast[- ]?feeding" },
  { K_MASK, "gvhd|graft", "\\b(?:anti[- ]?gvhd|gvhd prophylaxis|prevention of gvhd|treatment of gvhd|"
    "prevent(?:ing)?\\s+(?:graft[- ]versus[- ]host[- ]disease|gvhd))\\b" },
  { K_MASK, "cns", "\\bcns[- ]?(?:1|2)\\b|\\bcns (?:grade|status) (?:1|2)\\b" },
  { K_MASK, "transplant", "\\b(?:allogeneic or autologous|autologous or allogeneic)\\s+(?:hematopoietic\\s+)?(?:stem cell\\s+)?transplant[a-z]*" },
  { K_MASK, "car", "\\b(?:anti-)?cd\\d+[- ](?:directed\\s+|targeted\\s+|specific\\s+)?car[- ]?t?\\b" },
  { K_MASK, "donor", "\\bmatched or mismatched\\b|\\bmismatched\\b" },
};

static const EligoFamily general = {
  "general", matchers, G_N_ELEMENTS (matchers), NULL, NULL,
};

/* The families, in the order their matchers win ties (the longest span
 * wins; between spans of one length, the matcher that comes first). */
static const EligoFamily * const families[] = {
  &general,
  &eligo_rule_family_ages,
  &eligo_rule_family_labs,
  &eligo_rule_family_organ,
  &eligo_rule_family_disease,
  &eligo_rule_family_history,
  &eligo_rule_family_infections,
};

/* Exceptions that govern the whole criterion. */
static const char whole_pattern[] =
  "\\bif (?:the |these |those |such )?(?:above|these|those|such|criteria|conditions|requirements)\\b[^.;]{0,40}?\\bnot met|"
  "\\binvestigator (?:may|can)\\b|\\bat the discretion\\b|(?:^|[.;]\\s*|\\n\\s*)(?:unless|except)\\b|"
  "\\bfirst \\d+ (?:enrolled )?(?:subjects|patients|participants)|"
  /* "if liver metastases are present, then <= 5 x ULN": another limit for
   * some patients (NCT05651269, NCT03799601). */
  "[;,]\\s*(?:and\\s+)?(?:if|for)\\s+(?:patients\\s+with\\s+)?(?:liver|hepatic) (?:metastas[ie]s|involvement)\\b|"
  /* "Patients with CNS metastases are eligible, provided ...": the
   * criterion is an exception for some patients. */
  "^[^.;:]{0,120}?\\b(?:are|is)\\s+(?:also\\s+)?(?:eligible|allowed|permitted)\\b(?!\\s+(?:for|to)\\b)";
static const char alternatives_pattern[] =
  "\\b(?:one|any|either|at least one|1)\\s+of\\s+the\\s+following\\b|\\bany one of\\b|\\bat least one\\b|\\beither\\b";
static const char donor_pattern[] =
  "^\\s*(?:the\\s+)?donors?\\b(?!\\s+availability)|\\bdonor (?:inclusion|exclusion|eligibility|criteria)\\b";
static const char conditional_context_pattern[] =
  "^\\s*(?:for|if|in the case|in case|when)\\b";
/* A lead-in that limits its items to part of the trial or of its patients. */
static const char scope_context_pattern[] =
  "\\b(?:cohorts?|arms?|sub-?stud(?:y|ies)|sub-?groups?|dose[- ](?:finding|escalation|expansion)|participation in|"
  "part\\s+(?:[a-d]|[1-4]|i{1,3}|iv)\\b|group\\s+(?:[a-h]|\\d{1,2})\\b|r[1-9]\\b|only for|"
  "phase\\s*(?:1|2|i|ii)[ab]?(?:\\s*/\\s*(?:2|ii)[ab]?)?\\s+(?:portion|part|only|cohort|stage)|"
  "(?:patients|participants|subjects)\\s+(?:receiving|treated with|who (?:will )?receive|not participating))|"
  "^\\s*in\\s+(?:the\\s+)?(?:cohort|arm|part|group|patients|participants|subjects|children|adults)\\b";
/* A lead-in that defines a term or gives examples: its items are not each
 * required (inclusions). Organ-function lead-ins list requirements. */
static const char definition_context_pattern[] =
  "\\b(?:is|are)\\s+defined\\s+(?:as|by)\\b|\\bdefinitions?\\b|\\bexamples?\\b|\\be\\.\\s?g\\b|\\bfor example\\b|"
  "\\bsuch as\\b|\\bincluding but not limited\\b|\\binclude(?:s)? but\\b|"
  /* "Diagnosis of high-risk hematological malignancy. This includes:",
   * "Relapsed or refractory B-ALL, defined as:", "Indications:": a list of
   * alternatives or of the forms a term takes. */
  "\\b(?:includes?|including)\\s*:|\\bdefined\\s+(?:as|by)\\b|\\bindications?\\b|"
  "\\b(?:one|any|either|at least one|1)\\s+of\\s+the\\s+following\\b";
/* A criterion that opens by naming the patients it applies to. */
static const char subgroup_text_pattern[] =
  /* "During dose escalation, ...": one part of the trial (NCT05886491). */
  "^\\W*(?:during|in|for)\\s+(?:the\\s+)?(?:dose[- ](?:escalation|expansion|finding))\\b|"
  "^\\W*(?:for|in)\\s+(?:the\\s+)?(?:participants?|patients?|subjects?|children|adolescents|adults|those|cohorts?|arms?|parts?|groups?)\\b|"
  "^\\W*(?:[a-z]+\\s+){0,3}(?:arms?|cohorts?|part\\s+(?:[a-d]|[1-4])|group\\s+(?:[a-h]|\\d{1,2}))\\b[^:.;]{0,40}:";
/* A criterion that names a cohort, arm or part of the trial within its text. */
static const char inline_scope_pattern[] =
  "\\b(?:cohorts?|arms?|part|stratum|sub-?study)\\s+(?:\\d{1,2}[a-z]?|[a-h]|i{1,3}|iv)\\b(?!\\s*(?:%|mg|months?|weeks?|days?|years?|x\\b))";
/* Alternatives that follow inside the criterion itself ("AML, meeting at
 * least one of the following: i. ... ii. ..."). */
static const char inline_alternatives_pattern[] =
  "\\b(?:one|any|either|at least one|1)\\s+of\\s+the\\s+following\\b";
/* "including participants who are MRD-positive": an inclusion that widens
 * its population; what follows is not required. */
static const char widening_pattern[] =
  "\\b(?:including|includes?|as well as)\\s+(?:also\\s+)?(?:those|participants?|patients?|subjects?|people|individuals|children|adults|cases)\\b";
/* What narrows an exclusion's fact when it follows it: "prior CAR therapy
 * known to be associated with grade 3 CRS", "infection not controlled by
 * standard anti-microbial treatment", "HIV with detectable viral load". */
static const char narrowing_pattern[] =
  "^\\s*,?\\s*(?:that|which|whose|without|defined (?:as|by)|(?:known|considered|thought|likely|felt) to\\b|"
  "(?:associated|complicated|accompanied) (?:with|by)|(?:that |which )?(?:resulted|resulting|results) in|"
  "with(?!in)|not (?:controlled|responding|responsive|responded)|despite|refractory to|unresponsive to)\\b";
/* A footnote marker after a word: "Hepatitis B (HBsAg positive) **". */
static const char footnote_pattern[] =
  "(?<mark>(?<=[a-z)\\]])\\*{1,3}|(?<=[a-z)\\]] )\\*{2,3}|(?<=[a-z0-9)\\]%])\\s?(?:\xe2\x80\xa0{1,2}|\xe2\x80\xa1{1,2}|\xc7\x82))"
  "(?=[\\s.,;:]|$)";
/* "Including, but not limited to": the examples take the sense of their head. */
static const char not_limited_pattern[] =
  "\\b(including|such as|includes?),?\\s+(?:but\\s+)?(?:is\\s+|are\\s+)?not\\s+limited\\s+to\\b\\s*[,:]?";
/* A clause that holds only under a condition. */
static const char conditional_clause_pattern[] =
  "\\b(?:if|when|whenever|once|where applicable|in (?:the )?case of|for those (?:who|with))\\b";

typedef struct
{
  GRegex *regex;
  char  **triggers;
} CompiledMatcher;

typedef struct
{
  CompiledMatcher *matchers[G_N_ELEMENTS (families)];
  GRegex          *whole;
  GRegex          *alternatives;
  GRegex          *donor;
  GRegex          *window;
  GRegex          *conditional_context;
  GRegex          *scope_context;
  GRegex          *definition_context;
  GRegex          *subgroup_text;
  GRegex          *conditional_clause;
  GRegex          *organ_context;
  GRegex          *group_definition;
  GRegex          *inline_scope;
  GRegex          *inline_alternatives;
  GRegex          *widening;
  GRegex          *narrowing;
  GRegex          *footnote;
  GRegex          *not_limited;
} Patterns;

static Patterns *patterns;

/* Normalising */

/* Appends @n bytes' sources to @map: each came from [@from, @to) of the
 * text before. */
static void
map_add (GArray *map,
         int     from,
         int     to,
         gsize   n)
{
  EligoSource source = { from, to };
  EligoSource *added;
  guint len;

  if (map == NULL || n == 0)
    return;
  len = map->len;
  g_array_set_size (map, len + n);
  added = &g_array_index (map, EligoSource, len);
  for (gsize i = 0; i < n; i++)
    added[i] = source;
}

/* Normalises @text into @out; if @map is not %NULL, appends to it where
 * in @text each byte of @out came from. */
void
eligo_extractor_normalize_mapped (const char *text,
                                  GString    *out,
                                  GArray     *map)
{
  static const struct { const char *from; const char *to; } replacements[] = {
    { "≤", "<=" }, { "≥", ">=" }, { "≦", "<=" }, { "≧", ">=" }, { "⩽", "<=" }, { "⩾", ">=" },
    { "＜", "<" }, { "＞", ">" }, { "﹤", "<" }, { "﹥", ">" }, { "×", "x" }, { "µ", "u" },
    { "μ", "u" }, { "⁹", "^9" }, { "³", "3" }, { "²", "2" }, { "–", "-" }, { "—", "-" },
    { "−", "-" }, { "‐", "-" }, { " ", " " }, { "’", "'" }, { "‘", "'" }, { "“", "\"" },
    { "”", "\"" }, { "，", ", " }, { "；", "; " }, { "：", ": " }, { "（", " (" }, { "）", ") " },
    { "±", "+/-" }, { "√", "sqrt" }, { "、", ", " }, { "。", ". " },
  };
  const char *p = text;

  while (*p != '\0')
    {
      gboolean replaced = FALSE;

      if ((guchar) *p >= 0x80)
        {
          for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
            {
              gsize n;

              if (replacements[i].from[0] != p[0] || replacements[i].from[1] != p[1])
                continue;
              n = strlen (replacements[i].from);
              if (strncmp (p, replacements[i].from, n) == 0)
                {
                  g_string_append (out, replacements[i].to);
                  map_add (map, p - text, p - text + n, strlen (replacements[i].to));
                  p += n;
                  replaced = TRUE;
                  break;
                }
            }
          if (!replaced)
            {
              const char *next = g_utf8_next_char (p);

              g_string_append_len (out, p, next - p);
              map_add (map, p - text, next - text, next - p);
              p = next;
            }
          continue;
        }

      if (*p == '\\' && p[1] != '\0' && strchr ("<>*_[]()#+-.!\\", p[1]) != NULL)
        {
          p++;
          continue;
        }
      if ((*p == '<' || *p == '>') && p[1] == ' ' && p[2] == '=')
        {
          g_string_append_c (out, *p);
          g_string_append_c (out, '=');
          map_add (map, p - text, p - text + 3, 2);
          p += 3;
          continue;
        }
      if (*p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, g_ascii_tolower (*p));
      map_add (map, p - text, p - text + 1, 1);
      p++;
    }
}

void
eligo_extractor_normalize (const char *text,
                           GString    *out)
{
  eligo_extractor_normalize_mapped (text, out, NULL);
}

static Patterns *
get_patterns (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      Patterns *p = g_new0 (Patterns, 1);

      for (guint f = 0; f < G_N_ELEMENTS (families); f++)
        {
          const EligoFamily *family = families[f];

          p->matchers[f] = g_new0 (CompiledMatcher, family->n_matchers);
          for (guint i = 0; i < family->n_matchers; i++)
            {
              const Matcher *m = &family->matchers[i];

              p->matchers[f][i].regex = eligo_extractor_compile (m->pattern);
              p->matchers[f][i].triggers = m->trigger != NULL ? g_strsplit (m->trigger, "|", -1) : NULL;
            }
        }
      p->whole = eligo_extractor_compile (whole_pattern);
      p->alternatives = eligo_extractor_compile (alternatives_pattern);
      p->donor = eligo_extractor_compile (donor_pattern);
      p->window = eligo_extractor_compile ("\\b(?:within|in the (?:past|last|previous|preceding))\\b|\\b\\d+\\s*(?:days?|weeks?|months?|years?)\\s+(?:prior|before|ago)\\b");
      p->conditional_context = eligo_extractor_compile (conditional_context_pattern);
      p->scope_context = eligo_extractor_compile (scope_context_pattern);
      p->definition_context = eligo_extractor_compile (definition_context_pattern);
      p->subgroup_text = eligo_extractor_compile (subgroup_text_pattern);
      p->conditional_clause = eligo_extractor_compile (conditional_clause_pattern);
      /* "Hematological malignancy" is not a list of lab values. */
      p->organ_context = eligo_extractor_compile ("\\b(?:function|organ|laborator[a-z]*|labs?|values|parameters|reserve)\\b|"
                                                  "\\bha?ematolog[a-z]*\\b(?!\\s+(?:malignan|cancer|neoplas|disease|disorder|tumou?r))");
      /* "R/R AML is defined as ...", "MBC-CML is defined by ...", "ALL in
       * remission, defined as ...": the definition of a term, most often
       * one alternative of a list. */
      p->group_definition = eligo_extractor_compile ("\\b(?:is|are)\\s+defined\\s+(?:as|by)\\b|"
                                                     "\\b(?:remission|phase|crisis)\\s*,?\\s*(?:is\\s+|are\\s+)?defined\\s+(?:as|by)\\b");
      p->inline_scope = eligo_extractor_compile (inline_scope_pattern);
      p->inline_alternatives = eligo_extractor_compile (inline_alternatives_pattern);
      p->widening = eligo_extractor_compile (widening_pattern);
      p->narrowing = eligo_extractor_compile (narrowing_pattern);
      p->footnote = eligo_extractor_compile (footnote_pattern);
      p->not_limited = eligo_extractor_compile (not_limited_pattern);
      patterns = p;
      g_once_init_leave (&initialized, 1);
    }

  return patterns;
}

/* subgroup_text_pattern can only match a text with a ":" or one that opens
 * (after non-word characters) with "for", "in" or "during"; its "^" also matches
 * after a line break, so a text of several lines is always tried. */
static gboolean
may_name_subgroup (const char *text)
{
  const char *p = text;

  if (strpbrk (text, ":\n\r\v\f") != NULL || strstr (text, "\xc2\x85") != NULL
      || strstr (text, "\xe2\x80\xa8") != NULL || strstr (text, "\xe2\x80\xa9") != NULL)
    return TRUE;
  while (*p != '\0' && !g_ascii_isalnum (*p) && *p != '_')
    p++;
  return g_ascii_strncasecmp (p, "for", 3) == 0 || g_ascii_strncasecmp (p, "in", 2) == 0
         || g_ascii_strncasecmp (p, "during", 6) == 0;
}

static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Whether "^\W*(?:or|and/or)\b|\b(?:or|and/or)\W*$" may match @text:
 * whether, past its leading non-word characters, it opens with "or" or
 * "and/or", or, before its trailing ones, it ends with a word "or". */
static gboolean
may_open_or_end_with_or (const char *text)
{
  const char *p = text;
  const char *end = text + strlen (text);

  while (*p != '\0' && !is_word_byte (*p))
    p++;
  if (g_str_has_prefix (p, "or") || g_str_has_prefix (p, "and/or"))
    return TRUE;
  while (end > text && !is_word_byte (end[-1]))
    end--;
  return end - text >= 2 && end[-2] == 'o' && end[-1] == 'r';
}

/* Runs matcher @index of @family; @order is its rank among all matchers. */
/* "var op num", or "var op num and op2 num2" as the "and" of both. */
static Node *
read_bounds (GMatchInfo *info,
             const char *var)
{
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  g_autofree char *num2 = eligo_match_fetch (info, "num2");
  g_autofree char *op2_str = eligo_match_fetch (info, "op2");
  Op op = eligo_parse_op (op_str);
  Op op2 = eligo_parse_op (op2_str);
  double value, value2;
  Node *node;

  if (op == OP_NONE || !eligo_parse_number (num, &value))
    return NULL;
  if (num2 == NULL)
    return eligo_leaf_compare (var, op, value);
  if (op2 == OP_NONE || !eligo_parse_number (num2, &value2))
    return NULL;
  node = eligo_node_new_group (NODE_AND);
  eligo_node_add (node, eligo_leaf_compare (var, op, value));
  eligo_node_add (node, eligo_leaf_compare (var, op2, value2));
  return node;
}

/* Whether @cond lies inside an atom that reads its own groups. */
static gboolean
inside_own_groups (Reader *reader,
                   Span   *cond)
{
  for (guint j = 0; j < reader->atoms->len; j++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, j);

      if ((atom->flags & FLAG_OWN_GROUPS) && atom->start <= cond->start && cond->end <= atom->end)
        return TRUE;
    }
  return FALSE;
}

/* Which pairs of bytes occur in a text: a trigger with a pair the text
 * lacks cannot occur in it, which spares most strstr() calls. Pairs are
 * folded onto 8192 bits (distinct for ASCII text); a shared bit only
 * means a strstr() that finds nothing. */
typedef struct
{
  guint8 bits[8192 / 8];
} Bigrams;

#define BIGRAM(a, b) ((((guint) (a) << 5) ^ (guint) (b)) & 8191)

static void
bigrams_init (Bigrams    *bigrams,
              const char *text)
{
  memset (bigrams->bits, 0, sizeof bigrams->bits);
  for (const guchar *p = (const guchar *) text; p[0] != '\0' && p[1] != '\0'; p++)
    {
      guint pair = BIGRAM (p[0], p[1]);

      bigrams->bits[pair >> 3] |= 1 << (pair & 7);
    }
}

static gboolean
bigrams_may_contain (const Bigrams *bigrams,
                     const char    *word)
{
  for (const guchar *p = (const guchar *) word; p[0] != '\0' && p[1] != '\0'; p++)
    {
      guint pair = BIGRAM (p[0], p[1]);

      if (!(bigrams->bits[pair >> 3] & (1 << (pair & 7))))
        return FALSE;
    }
  return TRUE;
}

static void
run_matcher (Reader            *reader,
             const Bigrams     *bigrams,
             const EligoFamily *family,
             guint              f,
             guint              index,
             int                order)
{
  const Matcher *m = &family->matchers[index];
  CompiledMatcher *cm = &patterns->matchers[f][index];
  g_autoptr(GMatchInfo) info = NULL;

  if (cm->triggers != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; cm->triggers[i] != NULL && !found; i++)
        found = bigrams_may_contain (bigrams, cm->triggers[i])
                && strstr (reader->text->str, cm->triggers[i]) != NULL;
      if (!found)
        return;
    }

  g_regex_match (cm->regex, reader->text->str, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int start, end;
      Node *node = NULL;
      guint flags = 0;
      gboolean ok = TRUE;
      gboolean done = FALSE;
      Span *span;

      g_match_info_fetch_pos (info, 0, &start, &end);
      if (end <= start)
        continue;

      switch (m->kind)
        {
        case K_NEUTRAL:
          eligo_reader_add_span (reader, SPAN_NEUTRAL, start, end, order);
          continue;

        case K_MASK:
          eligo_reader_add_span (reader, SPAN_MASK, start, end, order);
          continue;

        case K_COND:
          span = eligo_reader_add_span (reader, SPAN_NEUTRAL, start, end, order);
          span->flags = FLAG_CONDITIONAL;
          continue;

        case K_BOOL:
        case K_BOOL_PARTIAL:
          node = eligo_node_new_leaf (m->var);
          flags = FLAG_NEGATABLE;
          if (eligo_match_has (info, "neg"))
            flags |= FLAG_NEGATED;
          if (m->kind == K_BOOL_PARTIAL)
            flags |= FLAG_PARTIAL;
          if (eligo_match_has (info, "target") && strcmp (m->var, "prior_car_t") == 0)
            {
              g_autofree char *target = eligo_match_fetch (info, "target");

              /* "CD19 CAR-T" has a variable of its own. */
              if (strcmp (target, "cd19") == 0)
                {
                  eligo_node_free (node);
                  node = eligo_node_new_leaf ("prior_cd19_car_t");
                  break;
                }
            }
          if (eligo_match_has (info, "target"))
            {
              /* "CD19 CAR-T": narrower than any CAR-T. */
              if (reader->kind == ELIGO_CRITERION_EXCLUSION)
                {
                  eligo_node_free (node);
                  eligo_reader_add_span (reader, SPAN_MASK, start, end, order);
                  continue;
                }
              flags |= FLAG_PARTIAL;
            }
          break;

        case K_NOT:
        case K_NOT_PARTIAL:
          {
            g_autofree char *text = g_strdup_printf ("not %s", m->var);

            node = eligo_node_new_leaf (text);
            if (m->kind == K_NOT_PARTIAL)
              flags = FLAG_PARTIAL;
          }
          break;

        case K_LEAF_INCL:
        case K_LEAF_EXCL:
          if (reader->kind != (m->kind == K_LEAF_INCL ? ELIGO_CRITERION_INCLUSION : ELIGO_CRITERION_EXCLUSION))
            continue;
          node = eligo_node_new_leaf (m->var);
          if (m->aux != NULL)
            flags = FLAG_PARTIAL;
          break;

        case K_BOOL_EXCL:
          if (reader->kind != ELIGO_CRITERION_EXCLUSION)
            continue;
          node = eligo_node_new_leaf (m->var);
          flags = FLAG_NEGATABLE | (m->aux != NULL ? FLAG_PARTIAL : 0);
          break;

        case K_BOUNDS:
          node = read_bounds (info, m->var);
          break;

        case K_NUM:
          {
            g_autofree char *num = eligo_match_fetch (info, "num");
            g_autofree char *op_str = eligo_match_fetch (info, "op");
            double value;

            if (eligo_parse_op (op_str) != OP_NONE && eligo_parse_number (num, &value))
              node = eligo_leaf_compare (m->var, eligo_parse_op (op_str), value);
          }
          break;

        default:
          /* A kind of the family's own. */
          node = family->read (reader, m, order, info, start, end, &flags, &ok, &done);
          if (done)
            continue;
          break;
        }

      if (node == NULL || !ok)
        {
          eligo_node_free (node);
          eligo_reader_add_span (reader, SPAN_MASK, start, end, order);
          continue;
        }
      span = eligo_reader_add_atom (reader, start, end, order, node, flags);
      if (m->kind == K_BOOL && m->aux != NULL)
        {
          g_autofree char *matched = g_match_info_fetch (info, 0);

          span->symbol = g_strdup (strstr (matched, "pregnan") != NULL ? "pregnancy" : "lactation");
        }
    }
}

/* "Hepatitis B (HBsAg positive) **" with the note "** ... is permitted if
 * ..." somewhere else: the note usually allows exceptions. A note that
 * the splitter attached (a line opening with the same marker) is read. */
static gboolean
has_unread_footnote (Reader *reader)
{
  g_autoptr(GMatchInfo) info = NULL;
  const char *text = reader->text->str;

  /* footnote_pattern needs one of its marks. */
  if (strchr (text, '*') == NULL && strstr (text, "\xe2\x80\xa0") == NULL
      && strstr (text, "\xe2\x80\xa1") == NULL && strstr (text, "\xc7\x82") == NULL)
    return FALSE;
  /* "**bold**" is markup, not a note. */
  if (strstr (text, "**") != NULL && ELIGO_MATCH_ONCE ("(?:^|\\s)\\*\\*[a-z]", text, 0))
    return FALSE;

  g_regex_match (patterns->footnote, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *mark = g_strstrip (eligo_match_fetch (info, "mark"));
      g_autofree char *escaped = g_regex_escape_string (mark, -1);
      g_autofree char *note_re = g_strdup_printf ("(?:^|\\n)\\s*%s\\s*[a-z(]", escaped);

      if (!g_regex_match_simple (note_re, text, G_REGEX_MULTILINE, 0))
        return TRUE;
    }
  return FALSE;
}

/* Drops the atoms of @reader that start at or after @from. */
static void
drop_atoms_after (Reader     *reader,
                  int         from,
                  const char *why)
{
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if (atom->start >= from)
        eligo_reader_drop_atom (reader, atom, why);
    }
}

static EligoExtraction *
extract (Reader     *reader,
         const char *context)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GString) norm_context = g_string_new (NULL);

  if (context != NULL)
    eligo_extractor_normalize (context, norm_context);

  /* Criteria about someone else, or one alternative among several. */
  if ((eligo_extractor_may_contain (reader->text->str, "donor") && g_regex_match (patterns->donor, reader->text->str, 0, NULL))
      || (context != NULL && eligo_extractor_may_contain (norm_context->str, "donor") && g_regex_match (patterns->donor, norm_context->str, 0, NULL)))
    return eligo_reader_review (reader, "about the donor");
  if (context != NULL && g_regex_match (patterns->conditional_context, norm_context->str, 0, NULL))
    return eligo_reader_review (reader, "applies only to some patients (lead-in)");
  if (context != NULL && g_regex_match (patterns->scope_context, norm_context->str, 0, NULL))
    return eligo_reader_review (reader, "applies only to part of the trial (lead-in)");
  if (reader->kind == ELIGO_CRITERION_INCLUSION && context != NULL
      && g_regex_match (patterns->definition_context, norm_context->str, 0, NULL)
      && !g_regex_match (patterns->organ_context, norm_context->str, 0, NULL))
    return eligo_reader_review (reader, "an item of a definition or of examples (lead-in)");
  if (may_name_subgroup (reader->text->str) && g_regex_match (patterns->subgroup_text, reader->text->str, 0, NULL))
    return eligo_reader_review (reader, "applies only to some patients");
  if (reader->kind == ELIGO_CRITERION_INCLUSION && context != NULL
      && g_regex_match (patterns->alternatives, norm_context->str, 0, NULL))
    return eligo_reader_review (reader, "one of several alternatives (lead-in)");
  if (reader->kind == ELIGO_CRITERION_INCLUSION
      && ELIGO_MATCH_ONCE ("^[^:]{0,120}\\b(?:one|any|either|at least one) of the following\\b[^:]{0,60}:",
                           reader->text->str, G_REGEX_CASELESS))
    return eligo_reader_review (reader, "one of several alternatives");
  if (eligo_extractor_may_contain (reader->text->str, "not met|investigator|discretion|unless|except|first |eligible|allowed|permitted|metasta|involvement")
      && g_regex_match (patterns->whole, reader->text->str, 0, NULL))
    return eligo_reader_review (reader, "an exception governs the whole criterion");
  if (eligo_extractor_may_contain (reader->text->str, "cohort|arm|part|stratum|sub")
      && g_regex_match (patterns->inline_scope, reader->text->str, 0, NULL))
    return eligo_reader_review (reader, "names a cohort, arm or part of the trial");
  if (has_unread_footnote (reader))
    return eligo_reader_review (reader, "a footnote marker whose note is elsewhere");
  if (reader->kind == ELIGO_CRITERION_INCLUSION
      && may_open_or_end_with_or (reader->text->str)
      && ELIGO_MATCH_ONCE ("^\\W*(?:or|and/or)\\b|\\b(?:or|and/or)\\W*$", reader->text->str, 0))
    return eligo_reader_review (reader, "one of several alternatives (joined by \"or\")");

  eligo_reader_split_clauses (reader);
  {
    Bigrams bigrams_on_stack;
    Bigrams *bigrams = &bigrams_on_stack;
    int order = 0;

    bigrams_init (bigrams, reader->text->str);
    for (guint f = 0; f < G_N_ELEMENTS (families); f++)
      for (guint i = 0; i < families[f]->n_matchers; i++)
        run_matcher (reader, bigrams, families[f], f, i, order++);
  }

  kept = eligo_reader_resolve_overlaps (reader);

  reader->conn = g_strdup (reader->text->str);
  reader->covered = g_new0 (guint8, reader->len + 1);
  reader->atoms = g_ptr_array_new ();
  for (guint i = 0; i < kept->len; i++)
    {
      Span *span = g_ptr_array_index (kept, i);

      span->clause = reader->clause_of[span->start];
      if (span->flags & FLAG_CONDITIONAL)
        continue;
      memset (reader->conn + span->start, ' ', span->end - span->start);
      if (span->type != SPAN_MASK)
        memset (reader->covered + span->start, 1, span->end - span->start);
      if (span->type == SPAN_ATOM)
        {
          if ((span->flags & FLAG_INCLUSION) && reader->kind != ELIGO_CRITERION_INCLUSION)
            {
              memset (reader->covered + span->start, 0, span->end - span->start);
              continue;
            }
          g_ptr_array_add (reader->atoms, span);
        }
    }

  if (reader->atoms->len == 0)
    return eligo_reader_review (reader, "nothing read");

  /* Exceptions and negations. */
  {
    const char *why = eligo_rule_read_exceptions (reader);

    if (why != NULL)
      return eligo_reader_review (reader, why);
  }

  if (reader->kind == ELIGO_CRITERION_INCLUSION)
    {
      int ms, me;

      /* "AML, meeting at least one of the following: i. ... ii. ...". */
      if (eligo_regex_in_range (patterns->inline_alternatives, reader->text->str, 0, reader->len, &ms, &me, FALSE))
        drop_atoms_after (reader, me, "one of several alternatives");

      /* "Relapsed or refractory leukemia, including participants who are
       * MRD-positive": who else is included is not required. */
      if (eligo_regex_in_range (patterns->widening, reader->text->str, 0, reader->len, &ms, &me, FALSE))
        drop_atoms_after (reader, me, "widens the population");
    }

  /* "HSCT within 60 days": a fact limited in time is narrower than the
   * variable, which would exclude too much. */
  if (reader->kind == ELIGO_CRITERION_EXCLUSION)
    for (guint i = 0; i < reader->atoms->len; i++)
      {
        Span *atom = g_ptr_array_index (reader->atoms, i);
        int s, e;
        g_autofree char *tail = NULL;

        if ((atom->flags & FLAG_DROPPED) || !(atom->flags & FLAG_NEGATABLE))
          continue;
        eligo_reader_clause_bounds (reader, atom, &s, &e);
        tail = g_strndup (reader->text->str + atom->end, MAX (e - atom->end, 0));
        if (g_regex_match (patterns->window, tail, 0, NULL))
          eligo_reader_drop_atom (reader, atom, "limited in time");
        else if (g_regex_match (patterns->narrowing, tail, 0, NULL))
          {
            /* What follows is the qualifier, not a fact of its own. */
            for (guint j = i; j < reader->atoms->len; j++)
              {
                Span *next = g_ptr_array_index (reader->atoms, j);

                if (next->start < e)
                  eligo_reader_drop_atom (reader, next, "narrowed by what follows");
              }
          }
      }

  /* Conditions attach to the atom they touch or follow. */
  for (guint i = 0; i < kept->len; i++)
    {
      Span *cond = g_ptr_array_index (kept, i);
      Span *target = NULL;

      if (!(cond->flags & FLAG_CONDITIONAL))
        continue;
      /* "Karnofsky (for patients > 12 years of age) or Lansky (...)". */
      if (inside_own_groups (reader, cond))
        {
          memset (reader->covered + cond->start, 1, cond->end - cond->start);
          memset (reader->conn + cond->start, ' ', cond->end - cond->start);
          continue;
        }
      for (guint j = 0; j < reader->atoms->len; j++)
        {
          Span *atom = g_ptr_array_index (reader->atoms, j);

          if (atom->start < cond->end && cond->start < atom->end)
            {
              if (atom->flags & FLAG_AGE)
                {
                  atom->flags |= FLAG_DROPPED;
                  continue;
                }
              target = atom;
            }
          else if (atom->end <= cond->start
                   && eligo_reader_top_clause (reader, atom->clause) == eligo_reader_top_clause (reader, reader->clause_of[cond->start]))
            target = atom;
        }
      memset (reader->covered + cond->start, 1, cond->end - cond->start);
      memset (reader->conn + cond->start, ' ', cond->end - cond->start);
      if (target != NULL)
        target->flags |= FLAG_CONDITIONAL;
      else
        reader->partial = TRUE;
    }

  /* Readings that say more than the text, or less than the variable. */
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);
      int top = eligo_reader_top_clause (reader, atom->clause);
      g_autofree char *conn = NULL;
      g_autofree char *clause_words = NULL;

      if (atom->flags & FLAG_DROPPED)
        continue;

      /* "tbili <= 1.5 ULN if ...", "blinatumomab if CD19+": holds only for some. */
      conn = eligo_reader_clause_words (reader, reader->conn, top);
      if (g_regex_match (patterns->conditional_clause, conn, 0, NULL))
        {
          eligo_reader_drop_atom (reader, atom, "a conditional clause");
          continue;
        }

      /* "R/R AML is defined as patients >= 18 years ...": the definition of
       * one group of patients, not a requirement for all. */
      clause_words = eligo_reader_clause_words (reader, reader->text->str, top);
      if (reader->kind == ELIGO_CRITERION_INCLUSION && g_regex_match (patterns->group_definition, clause_words, 0, NULL)
          && !g_regex_match (patterns->organ_context, clause_words, 0, NULL))
        {
          eligo_reader_drop_atom (reader, atom, "defines a group of patients");
          continue;
        }

      /* What each family knows of its own atoms. */
      for (guint f = 0; f < G_N_ELEMENTS (families); f++)
        if (families[f]->check != NULL && families[f]->check (reader, atom))
          break;
    }

  eligo_rule_ages_drop_signers (reader);
  eligo_rule_disease_merge (reader);
  return eligo_rule_build (reader);
}


/**
 * eligo_rule_extract:
 * @kind: whether the criterion is an inclusion or an exclusion
 * @text: the criterion's text, as the splitter gives it
 * @context: (nullable): the lead-in of the item it is nested under
 *
 * Reads one criterion. Thread-safe; the patterns are compiled once.
 *
 * Returns: (transfer full): what was read; free with eligo_extraction_free()
 */
EligoExtraction *
eligo_rule_extract (EligoCriterionKind  kind,
                    const char         *text,
                    const char         *context)
{
  Reader reader = { 0, };
  EligoExtraction *extraction;

  g_return_val_if_fail (text != NULL, NULL);

  /* A lead-in and its items: each item is read on its own. */
  extraction = eligo_rule_extract_leadin (kind, text, context);
  if (extraction != NULL)
    return extraction;
  /* "bilirubin <= 1.5 x ULN (except Gilbert's syndrome)". */
  extraction = eligo_rule_extract_exception (kind, text, context);
  if (extraction != NULL)
    return extraction;

  get_patterns ();

  reader.kind = kind;
  reader.text = g_string_sized_new (strlen (text) + 16);
  reader.source = text;
  /* Where each byte of the text read came from, for the spans. */
  reader.map = g_array_sized_new (FALSE, FALSE, sizeof (EligoSource), strlen (text) + 16);
  eligo_extractor_normalize_mapped (text, reader.text, reader.map);
  eligo_rule_normalize_spellings_mapped (reader.text, reader.map);
  /* Without a match the rewrite changes neither the text nor its map. */
  if (eligo_extractor_may_contain (reader.text->str, "limited"))
  {
    g_autofree char *plain = g_regex_replace (patterns->not_limited, reader.text->str, -1, 0, "\\1 ", 0, NULL);

    if (plain != NULL)
      {
        if (reader.map->len > 0
            && !eligo_source_map_replace (reader.map, patterns->not_limited, reader.text->str, plain, "\\1 ", NULL))
          g_array_set_size (reader.map, 0);
        g_string_assign (reader.text, plain);
      }
  }
  reader.len = reader.text->len;
  if (reader.map->len != reader.text->len)
    g_clear_pointer (&reader.map, g_array_unref);
  reader.spans = g_ptr_array_new_with_free_func (eligo_span_free);
  reader.reason = g_string_new (NULL);

  extraction = extract (&reader, context);
  eligo_reader_clear (&reader);
  eligo_rule_qualify_sex (kind, text, extraction);
  return extraction;
}


/**
 * eligo_extraction_free:
 * @extraction: (nullable): an extraction
 */
void
eligo_extraction_free (EligoExtraction *extraction)
{
  if (extraction == NULL)
    return;
  g_free (extraction->rule);
  g_free (extraction->reason);
  if (extraction->spans != NULL)
    g_array_unref (extraction->spans);
  g_free (extraction);
}
