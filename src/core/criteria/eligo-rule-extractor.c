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

typedef enum
{
  K_NEUTRAL,            /* covered, adds nothing */
  K_MASK,               /* looks like an atom, is not: hides the words, covers nothing */
  K_COND,               /* "(age >= 16 years)": restricts the atom next to it */
  K_BOOL,               /* a yes/no fact; group "neg" negates */
  K_NOT,                /* a negated fact, the negation is part of the pattern */
  K_BOOL_PARTIAL,       /* a yes/no fact that only covers part of its words' meaning */
  K_DIAG,               /* aux: the diagnosis choice */
  K_DIAG_PARTIAL,
  K_STATUS,             /* aux: the disease status choice (inclusions only) */
  K_DISEASE,            /* status? marker? diagnosis */
  K_CD,                 /* group "cd", "neg" */
  K_AGE_RANGE,
  K_AGE_OP,
  K_AGE_DIR,
  K_AGE_OLDER,
  K_ECOG,
  K_PERF,
  K_LAB_ULN,
  K_LAB_ABS,
  K_COUNT,              /* var: anc or platelets */
  K_HGB,
  K_NUM,                /* var op num */
  K_NYHA,
  K_LIFE,
  K_WINDOW,             /* var; aux: unit of the variable */
  K_VIRAL,              /* a list of viruses with "DNA detectable" */
  K_SEX_ALL,
  K_SEX_FEMALE,
  K_CONSENT,
  K_PERSIST,
  K_CARDIAC,
} MatcherKind;

typedef struct
{
  MatcherKind  kind;
  const char  *trigger;   /* '|'-separated substrings, one must occur; NULL: always run */
  const char  *pattern;
  const char  *var;
  const char  *aux;
} Matcher;

#define WS "\\s*"
#define NUMRE(n) "(?<" n ">\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\.\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)"
#define OPRE(n) "(?<" n ">[<>]=?|=[<>]|less than or equal to|equal to or (?:less|lower|greater|more) than|" \
  "greater than or equal to|more than or equal to|(?:no|not) (?:less|lower|fewer|more|greater|higher) than|" \
  "less than|lower than|fewer than|below|greater than|more than|higher than|above|exceeding|" \
  "at least|at most|a minimum of|minimum of|up to|maximum of)"
#define ULNRE "\\s*(?:x|times|-?fold)?\\s*(?:the\\s+)?(?:institutional\\s+)?" \
  "(?:uln|upper limits? (?:of )?(?:the )?normal(?: range| value| limit)?s?(?: reference values?)?|" \
  "upper normal limit|(?:the )?normal (?:value|range|upper limit))" \
  "(?:\\s*[(\\[](?:uln|upper limit of normal)[)\\]])?(?:\\s+for (?:age|institution))?"
#define COUNTUNIT "(?<unit>x?\\s*10\\s*(?:\\^|\\*|e)\\s*(?:9|3)\\s*/\\s*(?:l|liter|ul|mm3|mm\\^3|mcl)|" \
  "g/l|(?:cells\\s*)?/\\s*(?:ul|mm3|mm\\^3|mcl|cubic mm)|k/ul)"
#define WITHIN "(?:within|in)\\s+(?:the\\s+)?(?:past\\s+|last\\s+|previous\\s+|prior\\s+|preceding\\s+)?(?:<=\\s*)?"
/* "aged >= 12 weeks": a number in another unit is not an age in years. */
#define NOT_AGE_UNIT "(?!\\s*(?:weeks?|wks?|days?|hours?|kg|cm|%|x\\b|mg))"
/* No definition or viral-load limit after it in the sentence. */
#define HEPATITIS_UNDEFINED \
  "(?!\\s*(?:\\(|\\[|,?\\s*(?:is\\s+|as\\s+)?defined\\b|,?\\s*(?:i\\.e|e\\.g|will|includ[a-z]*|means?)\\b))" \
  "(?![^.;]*?(?:\\d\\s*(?:iu|u|copies|cp)\\s*/\\s*ml|(?:dna|rna)\\s*(?:>|<|\\d)))"
#define DIAGRE \
  "b[- ]?cell (?:precursor |lineage |derived )?acute lymphoblastic leuk[a-z]*(?:\\s*\\((?:b[- ]?all|all)\\))?|" \
  "acute b[- ]?(?:cell )?lymphoblastic leuk[a-z]*(?:\\s*\\(b[- ]?all\\))?|b[- ]all\\b|b-?cell all\\b|" \
  "t[- ]?cell acute lymphoblastic leuk[a-z]*(?:\\s*\\(t[- ]?all\\))?|t-?cell all\\b|acute t[- ]?(?:cell )?lymphoblastic leuk[a-z]*|t[- ]all\\b|" \
  "acute myeloid leuk[a-z]*(?:\\s*\\(aml\\))?|acute myelogenous leuk[a-z]*(?:\\s*\\(aml\\))?|aml\\b"

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

  /* Blockers: words that look like an atom but are not one. */
  { K_MASK, "relaps|refractory|r/r",
    "\\b(?:newly diagnosed\\s*(?:,|or|and/or|and)\\s*)?(?:relapsed?|refractory|recurrent)\\s*(?:or|and/or|and|/)\\s*(?:relapsed?|refractory|recurrent)\\b(?:\\s*\\(r/r\\))?|\\br\\s*/\\s*r\\b" },
  { K_MASK, "mature", "\\bmature b[- ]?cell (?:all\\b|acute lymphoblastic leuk[a-z]*)" },
  { K_MASK, "bilirubin", "\\b(?:direct|conjugated|indirect|unconjugated)\\s+(?:serum\\s+)?bilirubin" },
  { K_MASK, "lymphoblast", "\\blymphoblasts?\\b" },
  { K_MASK, "extramedullary", "\\b[il]solated\\s+(?:cns\\s+|testicular\\s+)?extramedullary\\s+(?:disease|relapse|leuk[a-z]*)(?:\\s+relapse)?" },
  { K_MASK, "immun", "\\bprimary\\s+(?:immune deficiency|immunodeficiency)(?:\\s+(?:disease|disorder|syndrome))?" },
  { K_MASK, "autoimmune", "\\bcns[- ]related autoimmune diseases?|\\bautoimmune diseases? with cns involvement" },
  { K_MASK, "pregnan", "\\b(?:(?:serum|urine|blood)\\s+)?(?:beta-hcg\\s+|hcg\\s+)?pregnancy tests?\\b|\\bplan(?:ning|s)?\\s+(?:a\\s+)?pregnancy|\\bpregnancy plans?\\b|\\brisk of pregnancy" },
  { K_MASK, "breast", "\\b(?:lactating\\s+(?:female\\s+)?(?:participants?|patients?|women|subjects?)?\\s*)?unwilling to stop breast[- ]?feeding" },
  { K_MASK, "gvhd|graft", "\\b(?:anti[- ]?gvhd|gvhd prophylaxis|prevention of gvhd|treatment of gvhd)\\b" },
  { K_MASK, "cns", "\\bcns[- ]?(?:1|2)\\b|\\bcns (?:grade|status) (?:1|2)\\b" },
  { K_MASK, "transplant", "\\b(?:allogeneic or autologous|autologous or allogeneic)\\s+(?:hematopoietic\\s+)?(?:stem cell\\s+)?transplant[a-z]*" },
  { K_MASK, "car", "\\b(?:anti-)?cd\\d+[- ](?:directed\\s+|targeted\\s+|specific\\s+)?car[- ]?t?\\b" },
  { K_MASK, "donor", "\\bmatched or mismatched\\b|\\bmismatched\\b" },

  /* Conditions that restrict the atom next to them to some patients. */
  { K_COND, "age|year",
    "\\(\\s*(?:(?:for|if|when)\\s+(?:patients?\\s+|subjects?\\s+|children\\s+|those\\s+)?(?:who are\\s+)?(?:aged?\\s+)?|(?:patients?|subjects?|children|those)\\s+(?:aged?\\s+)?|aged?\\s+)"
    OPRE ("op") WS "\\d+\\s*(?:years?|yrs?)?(?:\\s+(?:old|of age))?[^)]{0,60}\\)" },
  { K_COND, "for|if|when",
    "\\b(?:for|if|when)\\s+(?:patients?|subjects?|children|adults|those|participants)?\\s*(?:who are\\s+|aged?\\s+)?(?:" OPRE ("op") "|between)\\s*\\d+"
    "(?:\\s*(?:years?\\s+)?(?:and|to|-)\\s*(?:" OPRE ("op2") "\\s*)?\\d+)?\\s*(?:years?)?(?:\\s+(?:old|of age))?" },

  { K_COND, "male|female|men|women", "\\b(?:in|for)\\s+(?:males?|females?|men|women)\\b|\\b(?:males?|females?)\\s*:" },

  /* Age. */
  { K_AGE_RANGE, "year|month|age",
    "(?:\\b(?<age>age[sd]?|aged)\\b\\s*(?:of\\s+|is\\s+|:\\s*)?(?:ranging\\s+)?)?(?:between\\s+|from\\s+)?(?:" OPRE ("op") WS ")?" NUMRE ("num")
    "\\s*(?<unit>years?|months?)?(?:\\s+(?:old|of age))?\\s*(?:to|and|-)\\s*(?:" OPRE ("op2") WS ")?" NUMRE ("num2") "\\s*(?<unit2>years?|months?)"
    "(?<old>\\s+(?:old|of age))?(?<atdx>\\s+at (?:the time of )?(?:original |initial |first )?diagnosis)?" },
  { K_AGE_OP, "age",
    "\\b(?:age[sd]?|aged)\\b\\s*(?:of\\s+|is\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") NOT_AGE_UNIT "\\s*(?<unit>years?|months?)?(?:\\s+(?:old|of age))?"
    "(?<atdx>\\s+at (?:the time of )?(?:original |initial |first )?diagnosis)?" },
  { K_AGE_OP, "year",
    "(?:^|(?<=[\\s(,;:]))" OPRE ("op") WS NUMRE ("num") "\\s*(?<unit>years?)(?:\\s+(?:old|of age))"
    "(?<atdx>\\s+at (?:the time of )?(?:original |initial |first )?diagnosis)?" },
  { K_AGE_OP, "year", "^" OPRE ("op") WS NUMRE ("num") "\\s*(?<unit>years?)\\s*$" },
  { K_AGE_DIR, "over|under|older|younger",
    "\\b(?<dir>over|above|older than|under|below|younger than)\\s+" NUMRE ("num") "\\s*(?<unit>years?)\\s*(?:old|of age)?" },
  { K_AGE_OLDER, "older|over|above",
    "\\b(?:(?<aged>aged?)\\s+)?" NUMRE ("num") "\\s*(?:(?<years>years?)\\s*)?(?:(?<ofage>of age|old)\\s*)?(?:or|and)\\s+(?<dir>older|over|above)\\b" },

  /* Performance status. */
  { K_ECOG, "ecog|eastern cooperative|who performance|zubrod",
    "\\b(?:eastern cooperative oncology group\\s*(?:\\(ecog\\)\\s*)?(?:ecog\\s+)?|ecog\\s*(?:\\(eastern cooperative oncology group\\)\\s*)?|who\\s+(?=performance)|zubrod\\s+)"
    "(?:performance status|performance|ps|behavior status|status)?\\s*(?:score\\s*)?(?:of\\s+|is\\s+|:\\s*)?"
    "(?:" OPRE ("op") WS "(?<num>[0-5])(?!\\d|\\.\\d)|(?<lo>0)\\s*(?:-|to)\\s*(?<hi>[0-5])(?!\\d|\\.\\d)|(?<list>0(?:\\s*,\\s*[0-5])*\\s*,?\\s*(?:or|and)\\s*[0-5])(?!\\d|\\.\\d))(?:\\s*points?)?" },
  { K_ECOG, "physical strength", "\\bphysical strength score\\s*(?<lo>0)\\s*-\\s*(?<hi>[0-5])\\s*\\(ecog(?: standard)?\\)" },
  { K_PERF, "karnofsky|kps|lansky",
    "\\b(?<names>(?:karnofsky|kps|lansky)(?:\\s*\\([^)]{0,60}\\))?(?:\\s*(?:or|/|and/or)\\s*(?:karnofsky|kps|lansky)(?:\\s*\\([^)]{0,60}\\))?)?)"
    "(?:,?\\s*as applicable,?)?\\s*(?:performance status|performance|play[- ]performance|status|scale|score|ps|\\s)*?\\s*(?:of\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") "\\s*%?" },

  /* Laboratory values. */
  { K_LAB_ULN, "uln|upper limit|normal value|normal range|upper normal",
    "\\b(?<names>(?:(?:serum|total|blood)\\s+)*(?:total\\s+)?(?:bilirubin(?:\\s*\\((?:tbil|tb)\\))?|tbil|creatinine(?!\\s+clearance)(?:\\s*\\((?:s?cr)\\))?|s?cr\\b|"
    "blood urea nitrogen(?:\\s*\\(bun\\))?|bun|urea|alanine (?:amino)?transaminase(?:\\s*\\((?:alt|sgpt)\\))?|alanine aminotransferase(?:\\s*\\((?:alt|sgpt)\\))?|"
    "aspartate (?:amino)?transaminase(?:\\s*\\((?:ast|sgot)\\))?|aspartate aminotransferase(?:\\s*\\((?:ast|sgot)\\))?|transaminases?|"
    "alt(?:\\s*\\(sgpt\\))?|ast(?:\\s*\\(sgot\\))?|sgpt|sgot|(?:direct|conjugated|indirect)\\s+bilirubin)"
    "(?:\\s*(?:/|,|and/or|and|or|&)\\s*(?:(?:serum|total|blood)\\s+)*(?:total\\s+)?(?:bilirubin(?:\\s*\\((?:tbil|tb)\\))?|tbil|creatinine(?!\\s+clearance)(?:\\s*\\((?:s?cr)\\))?|s?cr\\b|"
    "blood urea nitrogen(?:\\s*\\(bun\\))?|bun|urea|alanine (?:amino)?transaminase(?:\\s*\\((?:alt|sgpt)\\))?|alanine aminotransferase(?:\\s*\\((?:alt|sgpt)\\))?|"
    "aspartate (?:amino)?transaminase(?:\\s*\\((?:ast|sgot)\\))?|aspartate aminotransferase(?:\\s*\\((?:ast|sgot)\\))?|transaminases?|"
    "alt(?:\\s*\\(sgpt\\))?|ast(?:\\s*\\(sgot\\))?|sgpt|sgot|(?:direct|conjugated|indirect)\\s+bilirubin))*)"
    "\\s*(?:levels?\\s*|values?\\s*)?(?:must be\\s+|should be\\s+|of\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") ULNRE },
  { K_LAB_ABS, "mg/dl|mol/l|u/l",
    "\\b(?<names>(?:(?:serum|total|blood)\\s+)*(?:total\\s+)?(?:bilirubin(?:\\s*\\((?:tbil|tb)\\))?|tbil|creatinine(?!\\s+clearance)(?:\\s*\\((?:s?cr)\\))?|s?cr\\b|"
    "alanine (?:amino)?transaminase(?:\\s*\\(alt\\))?|alanine aminotransferase(?:\\s*\\(alt\\))?|aspartate aminotransferase(?:\\s*\\(ast\\))?|alt|ast|"
    "(?:direct|conjugated|indirect)\\s+bilirubin))"
    "\\s*(?:levels?\\s*)?(?:must be\\s+|of\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") "\\s*(?<unit>mg/dl|u?mol/l|u/l)" },
  { K_COUNT, "neutrophil|anc", "\\b(?:absolute neutrophil count|absolute neutrophils?|anc|neutrophils?(?: count)?)(?:\\s*\\(anc\\))?\\s*(?:of\\s+|:\\s*)?"
    OPRE ("op") WS NUMRE ("num") "\\s*" COUNTUNIT, "anc_10e9_l" },
  { K_COUNT, "platelet|plt", "\\b(?:platelets?(?: count)?|plt)(?:\\s*\\(plt\\))?\\s*(?:of\\s+|:\\s*)?"
    OPRE ("op") WS NUMRE ("num") "\\s*" COUNTUNIT, "platelets_10e9_l" },
  { K_HGB, "hemoglobin|haemoglobin|hgb|hb", "\\b(?:ha?emoglobin|hgb|hb)(?:\\s*\\((?:hgb|hb)\\))?\\s*(?:level\\s*)?(?:of\\s+|:\\s*)?"
    OPRE ("op") WS NUMRE ("num") "\\s*(?<unit>g/dl|g/l)" },
  { K_NUM, "clearance|crcl|gfr|ccr",
    "\\b(?:(?:calculated|estimated|measured)\\s+)?(?:creatinine clearance|crcl|ccr|(?:estimated\\s+)?glomerular filtration rate|e?gfr)"
    "(?:\\s*\\((?:crcl|ccr|e?gfr)\\))?(?:\\s*\\([^)]{0,60}\\))?(?:\\s+(?:by|using)\\s+(?:the\\s+)?cockcroft[- ]gault(?:\\s+formula)?)?\\s*(?:of\\s+|:\\s*)?"
    OPRE ("op") WS NUMRE ("num") "(?:\\s*ml(?:\\s*/\\s*min(?:\\s*/\\s*1\\.7[23]\\s*m\\^?2)?)?|(?!\\s*(?:%|x\\b|x\\s|times|u?mol|mg|uln|[\\d.])))(?:\\s*\\((?:cockcroft[- ]gault|calculated)[^)]{0,30}\\))?",
    "creatinine_clearance_ml_min" },
  { K_NUM, "ejection|lvef", "\\b(?:left ventricular ejection fraction|cardiac ejection fraction|ejection fraction|lvef)(?:\\s*\\(lvef\\))?"
    "(?:\\s+at rest)?\\s*(?:of\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") "\\s*%", "lvef_pct" },
  { K_NUM, "saturation|spo2|sao2",
    "\\b(?:(?:blood|baseline blood|peripheral|indoor|room air)\\s+)?(?:oxygen saturation|o2 saturation|spo2|sao2|pulse oximetry)(?:\\s*\\((?:spo2|sao2)\\))?"
    "(?:\\s+(?:on|in|under|at)\\s+(?:room|indoor|ambient)\\s+(?:air|ventilation))?\\s*(?:was\\s+|of\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") "\\s*%", "spo2_pct" },
  { K_NUM, "qtc|corrected qt", "\\b(?:qtc[fb]?|corrected qt)(?:\\s+interval)?(?:\\s*\\(qtc[fb]?\\))?\\s*(?:of\\s+|:\\s*)?"
    OPRE ("op") WS NUMRE ("num") "\\s*(?:ms|msec|milliseconds)\\b", "qtc_ms" },
  { K_NUM, "systolic", "\\bsystolic(?:\\s+blood pressure)?(?:\\s*\\(sbp\\))?\\s*(?:of\\s+)?" OPRE ("op") WS NUMRE ("num") "\\s*(?:mm\\s*hg)?", "systolic_bp_mmhg" },
  { K_NUM, "diastolic", "\\bdiastolic(?:\\s+blood pressure)?(?:\\s*\\(dbp\\))?\\s*(?:of\\s+)?" OPRE ("op") WS NUMRE ("num") "\\s*(?:mm\\s*hg)?", "diastolic_bp_mmhg" },
  { K_NUM, "blast", OPRE ("op") WS NUMRE ("num") "\\s*%\\s*(?:bone marrow|bm|marrow)\\s+blasts\\b", "bm_blasts_pct" },
  { K_NUM, "blast", OPRE ("op") WS NUMRE ("num") "\\s*%\\s*(?:of\\s+)?(?:leuk[a-z]*\\s+)?blasts\\s+(?:in|of)\\s+(?:the\\s+)?(?:bone marrow|marrow)\\b", "bm_blasts_pct" },
  { K_NUM, "blast", "\\b(?:bone marrow|bm|marrow)\\s+blasts?(?:\\s+(?:count|percentage|proportion))?\\s*(?:of\\s+)?" OPRE ("op") WS NUMRE ("num") "\\s*%", "bm_blasts_pct" },
  { K_NUM, "peripheral|pb ",
    "\\b(?:peripheral blood|pb)\\s+(?:leuk[a-z]*\\s+cells?|blasts?|blast cells?)(?:\\s+(?:proportion|percentage|ratio))?\\s*(?:of\\s+)?" OPRE ("op") WS NUMRE ("num") "\\s*%", "pb_blasts_pct" },
  { K_NUM, "cerebrospinal|csf",
    "\\b(?:leuk[a-z]*\\s+|blast\\s+|tumou?r\\s+)?cells?\\s+in\\s+(?:the\\s+)?(?:cerebrospinal fluid|csf)(?:\\s*\\(csf\\))?\\s*"
    OPRE ("op") WS NUMRE ("num") "\\s*(?:cells?)?\\s*(?:/|per)\\s*(?:ul|mm3)", "csf_blasts_per_ul" },
  { K_NYHA, "nyha|new york heart",
    "\\b(?:new york heart (?:association|society)(?: functional (?:classification|grading method))?\\s*(?:\\(nyha\\)\\s*)?|nyha\\s*)"
    "(?:functional\\s+)?(?:class(?:ification)?|grade|stage)?\\s*(?:" OPRE ("op") WS ")?(?<lo>iv|iii|ii|i|[1-4])(?![a-z\\d])(?:\\s*(?:or|/|-|to|and)\\s*(?<hi>iv|iii|ii|i|[1-4])(?![a-z\\d]))?" },

  /* Prognosis. */
  { K_LIFE, "expectancy|survival|surviv|expect",
    "\\b(?:life expectancy|expected survival(?: time)?|estimated survival(?: time)?|survival expectancy|expect(?:ed)? time of surviv[a-z]*|expected to survive)"
    "[^.;<>=\\d]{0,60}?" OPRE ("op") WS NUMRE ("num") "\\s*(?:\\(\\d+\\)\\s*)?(?<unit>days?|weeks?|months?|years?)\\b" },

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
    "\\b(?:other|another|prior|previous|second|secondary|history of)\\s+(?:[a-z]+\\s+){0,2}?(?:malignanc(?:y|ies)|cancers?|tumou?rs?|neoplasms?)[^.;()]{0,40}?"
    WITHIN NUMRE ("num") "\\s*(?<unit>years?)\\b", "other_malignancy_years", "years" },
  { K_WINDOW, "malignan|cancer|tumo",
    "\\b" WITHIN NUMRE ("num") "\\s*(?<unit>years?)\\s*,?\\s*(?:[a-z]+\\s+){0,4}?(?:had|have|has|with)\\s+(?:an?\\s+)?(?:other|another|prior|second)\\s+(?:malignanc(?:y|ies)|cancers?|tumou?rs?)",
    "other_malignancy_years", "years" },

  /* Diagnosis and disease. */
  { K_DISEASE, "relapse|refractory|cd",
    "\\b(?:(?<!or )(?<!and )(?<!/)(?<status>relapsed|refractory)\\s+)?(?:cd(?<cd>19|7|38)\\s*(?:\\+|-?positive)\\s+)?(?<diag>" DIAGRE ")" },
  { K_DIAG, "lymphoblastic|all|aml|myel|t-|t ", "\\b(?:" DIAGRE ")", NULL, NULL },
  { K_DIAG, "burkitt", "\\bburkitt'?s?(?:\\s+(?:leuk[a-z]*|lymphoma)(?:\\s*/\\s*(?:leuk[a-z]*|lymphoma))?(?:\\s+leuk[a-z]*)?)?", NULL, "Burkitt" },
  { K_DIAG, "blast",
    "\\b(?:blast[- ]phase|blast crisis|blastic phase)\\s+(?:of\\s+)?(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?|"
    "\\b(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?\\s+(?:in\\s+)?(?:blast crisis|blast phase|blastic phase)|\\bcml[- ](?:bp|bc)\\b",
    NULL, "CML-BP" },
  /* Only one kind of CML blast crisis: narrower than CML-BP, so no atom. */
  { K_MASK, "lymphoid|myeloid",
    "\\b(?:(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?\\s+(?:in\\s+)?)?(?:lymphoid|myeloid)\\s+(?:blast crisis|blast phase|blastic phase)"
    "(?:\\s+(?:of\\s+)?(?:chronic (?:myeloid|myelogenous) leuk[a-z]*|cml)(?:\\s*\\(cml\\))?)?" },
  { K_DIAG, "biphenotypic|mixed[- ]phenotype|mpal", "\\bbiphenotypic (?:acute )?leuk[a-z]*|\\bmixed[- ]phenotype acute leuk[a-z]*(?:\\s*\\(mpal\\))?|\\bmpal\\b", NULL, "MPAL" },
  { K_DIAG_PARTIAL, "mixed", "\\bmixed[- ]lineage (?:acute )?leuk[a-z]*", NULL, "MPAL" },
  { K_STATUS, "remission|cr", "\\b(?:a?chieved?|a?chieving|attained?|attaining|in)\\s+(?:an?\\s+)?(?:first\\s+|second\\s+)?(?:complete remission|complete response|cr)\\b(?:\\s*\\(cr\\))?", NULL, "CR" },
  { K_STATUS, "relaps|recurr", "(?<!at )\\b(?:relapsed?|recurrent|recurrence)\\b", NULL, "relapsed" },
  { K_STATUS, "refractory", "\\brefractory\\b", NULL, "refractory" },
  { K_CD, "cd", "(?:\\b(?:leuk[a-z]*|tumou?r|malignant|blast|original|primitive)\\s+cells?\\s+)?(?:in\\s+(?:the\\s+)?(?:bone marrow|peripheral blood|blood|marrow)"
    "(?:\\s+(?:or|and|and/or)\\s+(?:the\\s+)?(?:bone marrow|peripheral blood|blood))?\\s+)?(?:must\\s+be\\s+|should\\s+be\\s+|are\\s+|is\\s+)?"
    "(?:confirmed\\s+|documented\\s+|shown\\s+)?(?:as\\s+|to\\s+be\\s+)?\\bcd(?<cd>19|7|38)(?:\\s*\\(\\+\\)|\\s*\\+|[- ]?positiv[a-z]*|(?<neg>[- ]?negativ[a-z]*)|\\s+expression(?!\\s+of))"
    "(?:\\s+disease)?(?:\\s+(?:by|on|via)\\s+(?:multiparameter\\s+)?flow cytometry(?:\\s*\\(fcm\\))?)?"
    "(?:\\s+(?:at|on)\\s+(?:initial or relapse|initial|relapse)(?:\\s+diagnosis)?)?" },
  { K_CD, "cd", "\\b(?:(?<neg>(?:do|does|did)\\s+not\\s+)?express(?:es|ing)?|positive for|expression of)\\s+cd(?<cd>19|7|38)\\b(?![- ](?:directed|targeted|car))" },
  { K_BOOL, "mrd|residual", "\\b(?:(?:minimal|measurable) residual disease\\s*(?:\\(mrd\\))?|mrd)[- ]?\\s*negativ[a-z]*(?:\\s+in\\s+(?:the\\s+)?bone marrow)?|\\bnegative\\s+(?:for\\s+)?(?:mrd|minimal residual disease)\\b", "mrd_negative" },
  { K_NOT, "mrd|residual", "\\b(?:(?:minimal|measurable) residual disease\\s*(?:\\(mrd\\))?|mrd)[- ]?\\s*positiv[a-z]*|\\bpositive\\s+(?:for\\s+)?mrd\\b", "mrd_negative" },
  { K_BOOL, "extramedullary", "\\bextramedullary\\s+(?:relapse|disease|leuk[a-z]*|involvement|infiltration)\\b", "extramedullary_disease" },
  /* cns_disease is any active CNS disorder: CNS leukemia alone is
   * narrower (a seizure disorder would be excluded by it), so no atom. */
  { K_BOOL, "cns|central nervous", "\\b(?:active\\s+)?(?:central nervous system|cns)(?:\\s*\\(cns\\))?[- ]?(?:diseases?|disorders?|pathology)\\b(?!\\s+progression)", "cns_disease" },
  { K_MASK, "cns|central nervous", "\\b(?:active\\s+)?(?:central nervous system|cns)(?:\\s*\\(cns\\))?[- ]?(?:involvement|leuk[a-z]*|invasion|infiltration|lesions?)\\b|"
    "\\bcns[- ]?3(?:\\s+(?:disease|leuk[a-z]*))?\\b|\\bcns (?:grade|status) 3\\b" },

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
  /* gvhd_active is acute grade II-IV or extensive chronic GVHD: only a text
   * that names those grades reads as the whole fact; any other mention of
   * GVHD (grade I, limited chronic) is wider, so the atom is partial. */
  { K_BOOL, "gvhd|graft",
    "\\b(?:grade\\s+(?:ii|2)\\s*(?:-|to)\\s*(?:iv|4)(?:\\s*\\([a-z]+\\))?(?:\\s+or\\s+(?:grade\\s+)?b\\s*-\\s*d(?:\\s*\\(ibmtr\\))?)?\\s+)"
    "(?:(?:active|acute|chronic|extensive chronic|obvious)\\s+(?:or\\s+|and\\s+|and/or\\s+)?)*(?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?|"
    "\\b(?:(?:active|acute|chronic|extensive chronic|obvious)\\s+(?:or\\s+|and\\s+|and/or\\s+)?)*(?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?"
    "\\s*(?:>=|of)\\s*grade\\s*(?:ii|2)|"
    "\\b(?:active\\s+)?extensive chronic (?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?", "gvhd_active" },
  { K_BOOL_PARTIAL, "gvhd|graft",
    "\\b(?:(?:active|acute|chronic|extensive chronic|obvious)\\s+(?:or\\s+|and\\s+|and/or\\s+)?)*(?:graft[- ]versus[- ]host (?:disease|reaction|response)|gvhd)(?:\\s*\\(gvhd\\))?", "gvhd_active" },

  /* Infections and other conditions. */
  { K_BOOL, "hiv|immunodeficiency virus|aids",
    "\\b(?:(?:positive|seropositiv[a-z]*)\\s+(?:for\\s+)?)?(?:human immunodeficiency virus(?:\\s*\\(hiv\\))?|hiv(?:[- ]?1)?(?:\\s*(?:/|or|and)\\s*(?:hiv[- ]?)?2)?|aids|"
    "(?<!or )(?<!and )(?<!/)acquired immun(?:o|e\\s?)deficiency syndrome(?:\\s*\\((?:aids)?[^()]{0,30}\\))?)"
    "(?:\\s+(?:infection|antibody|antibodies|ab|serology|seropositivity))*(?:\\s+(?:test|testing))?(?:\\s*(?<neg>negative)|\\s*(?:positive|positivity|affected))?", "hiv_positive" },
  { K_BOOL, "hbsag|surface antigen",
    "\\b(?:positive\\s+(?:for\\s+)?)?(?:hepatitis b surface antigen\\s*(?:\\(hbsag\\))?|hbsag)\\s*(?:\\(\\+\\)|positiv[a-z]*|(?<neg>negativ[a-z]*))|\\bpositive\\s+(?:for\\s+)?(?:hepatitis b surface antigen(?:\\s*\\(hbsag\\))?|hbsag)", "hbsag_positive" },
  { K_BOOL, "hbc|core antibody",
    "\\b(?:positive\\s+(?:for\\s+)?)?(?:hepatitis b core antibody\\s*(?:\\(hbcab\\))?|hbcab|hbc\\s?ab|anti-hbc)\\s*(?:\\(\\+\\)|positiv[a-z]*|(?<neg>negativ[a-z]*))|\\bpositive\\s+(?:for\\s+)?(?:hepatitis b core antibody|hbcab|anti-hbc)", "hbcab_positive" },
  { K_BOOL, "hcv|hepatitis c",
    "\\b(?:positive|seropositive)\\s+(?:for\\s+)?(?:hepatitis c(?: virus)? antibod(?:y|ies)|hcv[- ]?ab|hcv antibod(?:y|ies)|anti-hcv)(?:\\s*\\((?:hcv[- ]?ab|anti-hcv)\\))?|"
    "\\b(?:hepatitis c(?: virus)? antibod(?:y|ies)|hcv[- ]?ab|hcv antibod(?:y|ies)|anti-hcv)(?:\\s*\\((?:hcv[- ]?ab|anti-hcv)\\))?\\s*(?:\\(\\+\\)|positiv[a-z]*|(?<neg>negativ[a-z]*))", "hcv_ab_positive" },
  /* "Active hepatitis B": detectable HBV DNA is active hepatitis B, but so may
   * be a positive HBsAg with DNA below detection: the variable is narrower
   * than the words, and the atom partial. Not where the text defines it
   * ("(HBsAg positive and HBV DNA >= 500 U/mL)", "is defined as"): detectable
   * is then not enough. */
  { K_BOOL_PARTIAL, "hepatitis b|hbv",
    "(?<!chronic )\\b(?:active|current)\\s+(?:hepatitis b|hbv)(?:\\s+virus)?+(?:\\s*\\((?:hbv)\\))?+(?:\\s+infections?)?+" HEPATITIS_UNDEFINED, "hbv_dna_detectable" },
  { K_BOOL_PARTIAL, "hepatitis c|hcv",
    "(?<!chronic )\\b(?:active|current)\\s+(?:hepatitis c|hcv)(?:\\s+virus)?+(?:\\s*\\((?:hcv)\\))?+(?:\\s+infections?)?+" HEPATITIS_UNDEFINED, "hcv_rna_detectable" },
  { K_VIRAL, "dna|rna|viral load", "\\b(?<names>(?:hepatitis b virus|hbv|epstein[- ]barr virus|ebv|cytomegalovirus|cmv|hepatitis c virus|hcv)(?:\\s*\\((?:hbv|ebv|cmv|hcv)\\))?"
    "(?:\\s*(?:or|and|and/or|/|,)\\s*(?:hepatitis b virus|hbv|epstein[- ]barr virus|ebv|cytomegalovirus|cmv|hepatitis c virus|hcv)(?:\\s*\\((?:hbv|ebv|cmv|hcv)\\))?)*)"
    "\\s*(?<kind>dna|rna)(?:\\s+(?:level|titer|titre|load))?\\s*(?:(?:is|was)\\s+)?(?:(?<neg>negative|undetectable|not detectable|below)|detectable|positive|detected|(?:higher than|above|>)(?!\\s*=?\\s*\\d))"
    "(?:\\s+(?:above|higher than|>)?\\s*(?:the\\s+)?(?:lower limit of (?:quantification|quantitation|detection)|lloq|lod)(?:\\s*\\((?:lloq|lod)\\))?(?:\\s+of the research institution)?)?" },
  { K_BOOL, "syphilis|treponema", "\\b(?:positive\\s+(?:for\\s+)?)?(?:syphilis|treponema pallidum)(?:\\s+(?:infection|antibody|primary screening antibody))*(?:\\s*(?:positive|\\(\\+\\))|\\s*(?<neg>negative))?", "syphilis_positive" },
  { K_BOOL, "infect|sepsis|septic",
    "\\b(?:(?:active|uncontrolled|uncontrollable|severe|serious|ongoing|obvious|clinically significant|systemic)(?:\\s*(?:,|or|and|and/or)?\\s*(?:active|uncontrolled|uncontrollable|severe|serious|ongoing|obvious|clinically significant|systemic))*\\s+)"
    "(?:(?:fungal|bacterial|viral|parasitic|mycobacterial|other)(?:\\s*(?:,|or|and|and/or)\\s*(?:fungal|bacterial|viral|parasitic|mycobacterial|other))*\\s+)?(?:infections?|infectious diseases?)"
    "(?!\\s+(?:with|by|of|due to)\\s+(?:the\\s+)?(?:human immunodeficiency|hiv|hepatitis|hbv|hcv|cmv|ebv|cytomegalovirus|epstein|sars|covid|syphilis))|"
    "\\b(?:(?:uncontrolled|active)\\s+)?(?:sepsis|septic[a-z]*|septicemia|septicaemia)|\\bother uncontrollable infections?", "active_infection" },
  { K_BOOL, "autoimmune|auto-immune", "\\b(?:active\\s+)?auto-?immune (?:diseases?|disorders?)", "autoimmune_disease" },
  { K_BOOL, "immun", "\\b(?:immune deficiency|immunodeficiency|immunodeficient)(?!\\s+virus)(?:\\s+(?:diseases?|disorders?|syndromes?))?", "immunodeficiency" },
  { K_BOOL, "coagulation|dic", "\\b(?:disseminated|diffuse) intravascular coagulation(?:\\s*\\(dic\\))?|\\bdic\\b", "dic" },
  { K_BOOL, "diabetes", "\\b(?:uncontrolled|uncontrollable|poorly controlled)\\s+(?:type [12] )?diabetes(?: mellitus)?", "uncontrolled_diabetes" },
  { K_BOOL, "mental|psychiatric", "\\b(?:severe|serious)\\s+(?:mental|psychiatric)\\s+(?:disorders?|illness(?:es)?|diseases?)", "severe_mental_disorder" },
  { K_BOOL, "effusion", "\\b(?:clinically significant|significant|massive|large|symptomatic)\\s+(?:pericardial|pleural)(?:\\s*(?:or|and|and/or|/)\\s*(?:pericardial|pleural))?\\s+effusions?", "significant_effusion" },
  { K_BOOL, "thrombosis|dvt", "\\b(?:symptomatic\\s+)?(?:deep vein thrombosis|deep venous thrombosis|dvt)(?:\\s*\\(dvt\\))?\\s*(?:or|and|and/or|/)\\s*(?:pulmonary embolism|pe)(?:\\s*\\(pe\\))?[^.;]{0,30}?"
    WITHIN "(?:6|six)\\s*months\\b", "recent_thrombosis" },
  { K_CARDIAC, "infarction", "\\bmyocardial infarction\\b[^.;]{0,140}?" WITHIN "(?:12|twelve)\\s*months\\b|\\bmyocardial infarction\\b[^.;]{0,140}?" WITHIN "(?:1|one)\\s*year\\b" },
  /* pregnant_or_lactating is either: a text that names only one of them
   * would, as an exclusion, exclude the other too. */
  { K_BOOL, "pregnan|lactat|nursing|breast",
    "\\bpregnan(?:t|cy)(?:\\s+(?:women|females?))?\\s*\\(?\\s*(?:,|or|and|and/or|/)\\s*(?:(?:are\\s+|who are\\s+)?)(?:lactating|nursing|breast[- ]?feeding|lactation|breasting-feeding)"
    "\\)?(?:\\s*\\((?:lactating|nursing|breast[- ]?feeding)\\))?(?:\\s+(?:women|females?))?|"
    "\\b(?:lactating|nursing|breast[- ]?feeding|breasting-feeding)(?:\\s+(?:women|females?))?\\s*(?:,|or|and|and/or|/)\\s*pregnan(?:t|cy)(?:\\s+(?:women|females?))?",
    "pregnant_or_lactating" },
  /* One of them alone: kept only beside the other ("Pregnant females;
   * breastfeeding females"). */
  { K_BOOL, "pregnan|lactat|nursing|breast",
    "\\bpregnan(?:t|cy)\\b(?:\\s+(?:women|females?))?|\\b(?:lactating|nursing|breast[- ]?feeding|breasting-feeding|lactation)\\b(?:\\s+(?:women|females?))?",
    "pregnant_or_lactating", "one" },
  { K_NOT, "contracept|birth control",
    "\\b(?:do not|does not|did not|unwilling to|refuse to|refuses to|not willing to|not agree to|disagree to)\\s+(?:consent to|agree to use|agree to|use|take|practice|adopt)?\\s*"
    "(?:an?\\s+)?(?:medically approved\\s+)?(?:highly\\s+)?(?:effective|adequate|acceptable|reliable)?\\s*(?:contracepti(?:on|ve)|birth control)(?:\\s+(?:methods?|measures?))?", "contraception_agreed" },
  { K_SEX_ALL, "male|sex|gender",
    "\\b(?:male (?:or|and) female|female (?:or|and) male|males? (?:or|and) females?|both (?:sexes|genders)|all (?:sexes|genders)|any (?:sex|gender)|either sex|gender unlimited|no gender limit(?:ation)?|regardless of (?:sex|gender))\\b" },
  { K_SEX_FEMALE, "female|women", "\\b(?:females? only|women only|only (?:females?|women))\\b" },
  { K_CONSENT, "consent",
    "\\b(?:(?:sign(?:ed|s|ing)?|provide[sd]?|obtain(?:ed)?|give[sn]?)\\s+(?:(?:an?|the|written|voluntarily|on the)\\s+)*informed consent(?:\\s+forms?)?(?:\\s*\\(icf\\))?"
    "(?:\\s+(?:is|has been|must be)\\s+(?:obtained|signed))?|informed consent(?:\\s+forms?)?(?:\\s*\\(icf\\))?\\s+(?:is\\s+|has been\\s+|must be\\s+)?(?:signed|obtained))" },
};

/* Exceptions that void the atoms of their clause. */
static const char exception_pattern[] =
  "\\b(?:unless|except|excepting|excluding|with the exception|other than|allowed|permitted|permissible|"
  "(?:may|can|could)(?: also)? be (?:enrolled|included|eligible)|(?:are|is|be|considered) eligible|eligible if|not (?:be )?excluded|"
  "investigator (?:may|can)|at the discretion|only if|as long as|provided that|acceptable if|(?:is|are) acceptable|not applicable|"
  "as determined by the investigator|in the opinion of the investigator|in the (?:judge?ment|estimation|evaluation) of the investigator|"
  "whichever|half[- ]li(?:fe|ves)|if\\b[^.;]{0,80}?\\bnot met)";
/* Exceptions that relax the criterion when they open a sentence of their own. */
static const char relaxing_pattern[] =
  "\\b(?:acceptable if|(?:is|are) acceptable|(?:may|can) have|allowed|permitted|permissible|(?:may|can|could)(?: also)? be (?:enrolled|included|eligible)|(?:are|is|be) eligible|eligible if|not (?:be )?excluded)";
/* Exceptions that govern the whole criterion. */
static const char whole_pattern[] =
  "\\bif (?:the |these |those |such )?(?:above|these|those|such|criteria|conditions|requirements)\\b[^.;]{0,40}?\\bnot met|"
  "\\binvestigator (?:may|can)\\b|\\bat the discretion\\b|(?:^|[.;]\\s*|\\n\\s*)(?:unless|except)\\b|"
  "\\bfirst \\d+ (?:enrolled )?(?:subjects|patients|participants)|"
  /* "Patients with CNS metastases are eligible, provided ...": the
   * criterion is an exception for some patients. */
  "^[^.;:]{0,120}?\\b(?:are|is)\\s+(?:also\\s+)?(?:eligible|allowed|permitted)\\b(?!\\s+(?:for|to)\\b)";
static const char negator_pattern[] =
  "\\b(?:no|not|without|absence of|absent|free of|negative for|never|lack of|lacks?|lacking|neither|nor|none of|failed to|failure to|cannot|unable to)\\b";
static const char scope_stop_pattern[] =
  "[,;:.()]|\\b(?:and|but|with|who|which|that|whose|is|are|was|were|must|should|may|can|will|after|before|within|than|if|when|while|unless|except|due|because|such|per|although)\\b";
static const char or_stop_pattern[] =
  "\\b(?:after|before|with|by|in|for|from|within|of|on|at|to|during|due|that|which|who|than|requiring|despite|including|such|per|under|via|using|when|while|if|because|as)\\b";
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
/* Words for diseases the diagnosis variable does not name. */
static const char other_disease_pattern[] =
  "\\b(?:lymphomas?|mds|myelodysplastic|sarcoma|cml|cll|aul|apl|jmml|neoplasms?)\\b|"
  "\\b(?:undifferentiated|ambiguous lineage|promyelocytic|chronic)\\s+(?:[a-z]+\\s+)?leuk[a-z]*|"
  "\\b(?:[a-z0-9]+-(?:rearranged|r|positive|negative|like)|etp|ph[+-]?|early t-cell precursor|r/r|relapsed|refractory)\\s+all\\b|"
  "\\batll\\b";
/* What narrows a diagnosis when it follows it in an exclusion. */
static const char diagnosis_qualifier_pattern[] =
  "^[^.;]*?\\b(?:without|with(?!in)|that|which|whose|harbou?ring|carrying|who (?:have|has|had|are|were|is))\\b";
/* Words that may follow a diagnosis without qualifying it. */
static const char * const diagnosis_follow_words[] = {
  "or", "and", "and/or", "patients", "patient", "subjects", "participants", "according", "as",
  "confirmed", "diagnosed", "per", "by", "is", "are", "was", "were", "who", "in",
  NULL
};
/* Words that may stand right before a diagnosis without qualifying it. */
static const char * const diagnosis_lead_words[] = {
  "or", "and", "with", "of", "diagnosed", "diagnosis", "patients", "patient", "known", "history",
  "confirmed", "documented", "have", "has", "had", "subjects", "participants", "suffering", "from",
  "presence", "previous", "prior", "and/or", "active", "concurrent", "current", "existing", "other",
  NULL
};
static const char lab_name_pattern[] =
  "(?<bili>(?<direct>direct|conjugated|indirect)?\\s*bilirubin|tbil)|(?<creat>creatinine|s?cr\\b)|(?<bun>blood urea nitrogen|bun|urea)|"
  "(?<alt>alanine|alt\\b|sgpt)|(?<ast>aspartate|ast\\b|sgot)|(?<both>transaminases?)";
static const char virus_name_pattern[] =
  "(?<hbv>hepatitis b virus|hbv)|(?<ebv>epstein[- ]barr virus|ebv)|(?<cmv>cytomegalovirus|cmv)|(?<hcv>hepatitis c virus|hcv)";
static const char word_pattern[] = "[a-z][a-z0-9'-]*";

/* Words that never make a rule partial on their own. */
static const char * const generic_words[] = {
  "the", "and", "or", "of", "in", "at", "to", "for", "by", "on", "as", "be", "is", "are", "was", "were",
  "has", "have", "had", "must", "should", "who", "which", "that", "this", "these", "those", "than",
  "from", "with", "without", "any", "all", "its", "their", "his", "her", "they", "them", "such",
  "will", "can", "may", "been", "being", "also", "there", "other", "following", "criteria", "criterion",
  "defined", "adequate", "function", "functions", "screening", "time", "including", "include", "includes",
  "patient", "patients", "subject", "subjects", "participant", "participants", "person", "persons",
  "people", "individual", "individuals", "history", "known", "presence", "present", "evidence",
  "women", "woman", "female", "females", "male", "males", "men", "study", "trial", "protocol",
  "current", "currently", "concurrent", "use", "using", "used", "received", "receive", "receiving",
  "receipt", "administer", "administered", "administration", "undergone", "undergo", "suffering",
  "level", "levels", "value", "values", "count", "score", "status", "performance", "test", "result",
  "results", "diagnosis", "diagnosed", "confirmed", "documented", "enrolled", "enrollment",
  "eligible", "eligibility", "meet", "meeting", "meets", "satisfactory", "sufficient", "normal",
  "organ", "estimated", "expected", "expect", "age", "aged", "old", "within",
  "prior", "before", "after", "previous", "previously", "existing", "where", "what", "when",
  "voluntarily", "voluntary", "signs", "sign", "signed", "child", "children", "adult", "adults",
  "suspicion", "obtained", "availability", "there", "obvious", "baseline", "serum", "blood",
  "consent", "informed", "form", "listed", "above", "below", "both", "either", "not", "no",
  "per", "via", "etc", "e.g", "i.e", "ie", "eg", "mg", "ml", "dl", "ul", "uln", "mmhg", "msec",
  "ms", "cells", "cell", "disease", "diseases", "conditions", "condition", "shown", "showing",
  "only", "applicable", "required", "requirement", "requirements", "well", "one", "two",
  "group", "clinically", "clinical", "clinical", "documented", "an", "a", "it", "if", "do", "does",
  "did", "into", "than", "then", "more", "less", "greater", "least", "most", "equal", "times",
  "x", "fold", "per", "percent", "points", "point",
  NULL
};

typedef struct
{
  GRegex *regex;
  char  **triggers;
} CompiledMatcher;

typedef struct
{
  CompiledMatcher  matchers[G_N_ELEMENTS (matchers)];
  GRegex          *exception;
  GRegex          *relaxing;
  GRegex          *whole;
  GRegex          *negator;
  GRegex          *scope_stop;
  GRegex          *or_stop;
  GRegex          *or_word;
  GRegex          *and_word;
  GRegex          *alternatives;
  GRegex          *donor;
  GRegex          *window;
  GRegex          *conditional_context;
  GRegex          *scope_context;
  GRegex          *definition_context;
  GRegex          *subgroup_text;
  GRegex          *conditional_clause;
  GRegex          *other_disease;
  GRegex          *diagnosis_qualifier;
  GRegex          *organ_context;
  GRegex          *steroid_dose;
  GRegex          *group_definition;
  GRegex          *inline_scope;
  GRegex          *inline_alternatives;
  GRegex          *widening;
  GRegex          *narrowing;
  GRegex          *footnote;
  GRegex          *not_limited;
  GRegex          *avoid;
  GRegex          *bare_uln;
  GRegex          *cns_leukemia;
  GRegex          *cns_narrower;
  GRegex          *cns_admitted;
  GRegex          *history;
  GRegex          *lab_name;
  GRegex          *virus_name;
  GRegex          *word;
  GHashTable      *generic;
} Patterns;

/* A node of the rule being built. */
typedef enum
{
  NODE_LEAF,
  NODE_AND,
  NODE_OR,
} NodeKind;

typedef struct _Node Node;
struct _Node
{
  NodeKind   kind;
  char      *text;       /* NODE_LEAF: a comparison, a variable or "not variable" */
  GPtrArray *children;   /* of Node */
};

typedef enum
{
  SPAN_ATOM,
  SPAN_NEUTRAL,
  SPAN_MASK,
} SpanType;

typedef enum
{
  FLAG_NEGATABLE    = 1 << 0,  /* a single bool term */
  FLAG_PARTIAL      = 1 << 1,  /* covers only part of its own words */
  FLAG_AGE          = 1 << 2,
  FLAG_DIAG         = 1 << 3,  /* a plain diagnosis: merged with the others */
  FLAG_STATUS       = 1 << 4,  /* a plain disease status: merged with the others */
  FLAG_SEX_ALL      = 1 << 5,
  FLAG_CONSENT      = 1 << 6,
  FLAG_CONDITIONAL  = 1 << 7,
  FLAG_NEGATED      = 1 << 8,
  FLAG_DROPPED      = 1 << 9,
  FLAG_INCLUSION    = 1 << 10, /* only read in inclusions */
  FLAG_COMPOUND     = 1 << 11, /* diagnosis with status or marker */
} AtomFlags;

typedef struct
{
  SpanType  type;
  int       start;
  int       end;
  int       order;      /* matcher index, for ties */
  guint     flags;
  Node     *node;       /* SPAN_ATOM */
  char     *symbol;     /* FLAG_DIAG, FLAG_STATUS */
  int       clause;
} Span;

typedef struct
{
  int       parent;     /* for a parenthetical: the clause around it; else -1 */
  gboolean  sentence;   /* opens a sentence (or the text) */
  gboolean  first;      /* the first top-level clause */
  gboolean  voided;
  int       start;
  int       end;
} Clause;

typedef struct
{
  EligoCriterionKind  kind;
  GString            *text;
  int                 len;
  int                *clause_of;    /* per byte */
  GArray             *clauses;      /* of Clause */
  GPtrArray          *spans;        /* of Span, all candidates */
  GPtrArray          *atoms;        /* of Span, kept atoms in text order */
  char               *conn;         /* the text with atoms, neutral and masked spans blanked */
  guint8             *covered;
  gboolean            partial;
  GString            *reason;
} Reader;

static Patterns *patterns;

/* Nodes */

static Node *
node_new_leaf (const char *text)
{
  Node *node = g_new0 (Node, 1);

  node->kind = NODE_LEAF;
  node->text = g_strdup (text);
  return node;
}

static void
node_free (gpointer data)
{
  Node *node = data;

  if (node == NULL)
    return;
  g_free (node->text);
  if (node->children != NULL)
    g_ptr_array_unref (node->children);
  g_free (node);
}

static Node *
node_new_group (NodeKind kind)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  node->children = g_ptr_array_new_with_free_func (node_free);
  return node;
}

static Node *
node_copy (const Node *node)
{
  Node *copy;

  if (node->kind == NODE_LEAF)
    return node_new_leaf (node->text);

  copy = node_new_group (node->kind);
  for (guint i = 0; i < node->children->len; i++)
    g_ptr_array_add (copy->children, node_copy (g_ptr_array_index (node->children, i)));
  return copy;
}

static gboolean
node_contains_leaf (const Node *group,
                    const char *text)
{
  for (guint i = 0; i < group->children->len; i++)
    {
      const Node *child = g_ptr_array_index (group->children, i);

      if (child->kind == NODE_LEAF && strcmp (child->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Adds @child (taken) to @group, splicing a group of the same kind and
 * leaving out a leaf that is already there. */
static void
node_add (Node *group,
          Node *child)
{
  if (child->kind == group->kind)
    {
      for (guint i = 0; i < child->children->len; i++)
        node_add (group, node_copy (g_ptr_array_index (child->children, i)));
      node_free (child);
      return;
    }

  if (child->kind == NODE_LEAF && node_contains_leaf (group, child->text))
    {
      node_free (child);
      return;
    }

  g_ptr_array_add (group->children, child);
}

/* Prints like eligo_rule_to_string(): "or" binds loosest, so an "or" inside
 * an "and" takes parentheses and an "and" inside an "or" does not. */
static void
node_print (const Node *node,
            GString    *string,
            NodeKind    parent)
{
  if (node->kind == NODE_LEAF)
    {
      g_string_append (string, node->text);
      return;
    }

  if (node->children->len == 1)
    {
      node_print (g_ptr_array_index (node->children, 0), string, parent);
      return;
    }

  if (node->kind == NODE_OR && parent == NODE_AND)
    g_string_append_c (string, '(');
  for (guint i = 0; i < node->children->len; i++)
    {
      if (i > 0)
        g_string_append (string, node->kind == NODE_OR ? " or " : " and ");
      node_print (g_ptr_array_index (node->children, i), string, node->kind);
    }
  if (node->kind == NODE_OR && parent == NODE_AND)
    g_string_append_c (string, ')');
}

/* Numbers */

static char *
format_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  number = round (number * 100.0) / 100.0;
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);
  return g_strdup (buffer);
}

static gboolean
parse_number (const char *text,
              double     *number)
{
  static const struct { const char *word; double value; } words[] = {
    { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
    { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
    { "twelve", 12 }, { "fifteen", 15 }, { "twenty", 20 }, { "thirty", 30 }, { "sixty", 60 },
    { "ninety", 90 },
  };
  GString *digits;
  char *end;

  if (text == NULL || *text == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (text, words[i].word) == 0)
      {
        *number = words[i].value;
        return TRUE;
      }

  digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);
  *number = g_ascii_strtod (digits->str, &end);
  if (*end != '\0' || end == digits->str)
    {
      g_string_free (digits, TRUE);
      return FALSE;
    }
  g_string_free (digits, TRUE);
  return TRUE;
}

typedef enum
{
  OP_NONE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
} Op;

static const char * const op_text[] = { "", "<", "<=", ">", ">=" };

static Op
parse_op (const char *text)
{
  static const struct { const char *text; Op op; } ops[] = {
    { "<", OP_LT }, { "<=", OP_LE }, { "=<", OP_LE }, { ">", OP_GT }, { ">=", OP_GE }, { "=>", OP_GE },
    { "less than or equal to", OP_LE }, { "equal to or less than", OP_LE }, { "equal to or lower than", OP_LE },
    { "no more than", OP_LE }, { "not more than", OP_LE }, { "no greater than", OP_LE },
    { "not greater than", OP_LE }, { "no higher than", OP_LE }, { "not higher than", OP_LE },
    { "at most", OP_LE }, { "up to", OP_LE }, { "maximum of", OP_LE },
    { "greater than or equal to", OP_GE }, { "more than or equal to", OP_GE },
    { "equal to or greater than", OP_GE }, { "equal to or more than", OP_GE },
    { "no less than", OP_GE }, { "not less than", OP_GE }, { "no lower than", OP_GE },
    { "not lower than", OP_GE }, { "no fewer than", OP_GE }, { "not fewer than", OP_GE },
    { "at least", OP_GE }, { "a minimum of", OP_GE }, { "minimum of", OP_GE },
    { "less than", OP_LT }, { "lower than", OP_LT }, { "fewer than", OP_LT }, { "below", OP_LT },
    { "greater than", OP_GT }, { "more than", OP_GT }, { "higher than", OP_GT }, { "above", OP_GT },
    { "exceeding", OP_GT },
  };

  if (text == NULL)
    return OP_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (strcmp (text, ops[i].text) == 0)
      return ops[i].op;
  return OP_NONE;
}

/* Normalising */

static void
normalize (const char *text,
           GString    *out)
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
              gsize n = strlen (replacements[i].from);

              if (strncmp (p, replacements[i].from, n) == 0)
                {
                  g_string_append (out, replacements[i].to);
                  p += n;
                  replaced = TRUE;
                  break;
                }
            }
          if (!replaced)
            {
              const char *next = g_utf8_next_char (p);

              g_string_append_len (out, p, next - p);
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
          p += 3;
          continue;
        }
      if (*p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, g_ascii_tolower (*p));
      p++;
    }
}

/* Compiling the patterns once */

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex;

  regex = g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, &error);
  if (regex == NULL)
    g_error ("extractor pattern does not compile: %s\n%s", error->message, pattern);
  return regex;
}

static Patterns *
get_patterns (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      Patterns *p = g_new0 (Patterns, 1);

      for (guint i = 0; i < G_N_ELEMENTS (matchers); i++)
        {
          p->matchers[i].regex = compile (matchers[i].pattern);
          p->matchers[i].triggers = matchers[i].trigger != NULL ? g_strsplit (matchers[i].trigger, "|", -1) : NULL;
        }
      p->exception = compile (exception_pattern);
      p->relaxing = compile (relaxing_pattern);
      p->whole = compile (whole_pattern);
      p->negator = compile (negator_pattern);
      p->scope_stop = compile (scope_stop_pattern);
      p->or_stop = compile (or_stop_pattern);
      p->or_word = compile ("\\b(?:or|nor|and/or)\\b");
      p->and_word = compile ("\\band\\b(?!/)|&|\\bas well as\\b|\\bplus\\b");
      p->alternatives = compile (alternatives_pattern);
      p->donor = compile (donor_pattern);
      p->window = compile ("\\b(?:within|in the (?:past|last|previous|preceding))\\b|\\b\\d+\\s*(?:days?|weeks?|months?|years?)\\s+(?:prior|before|ago)\\b");
      p->conditional_context = compile (conditional_context_pattern);
      p->scope_context = compile (scope_context_pattern);
      p->definition_context = compile (definition_context_pattern);
      p->subgroup_text = compile (subgroup_text_pattern);
      p->conditional_clause = compile (conditional_clause_pattern);
      p->other_disease = compile (other_disease_pattern);
      p->diagnosis_qualifier = compile (diagnosis_qualifier_pattern);
      /* "Hematological malignancy" is not a list of lab values. */
      p->organ_context = compile ("\\b(?:function|organ|laborator[a-z]*|labs?|values|parameters|reserve)\\b|"
                                  "\\bha?ematolog[a-z]*\\b(?!\\s+(?:malignan|cancer|neoplas|disease|disorder|tumou?r))");
      p->bare_uln = compile ("(?:(?:^|[;:,]|\\bor\\b)\\s*|\\([^()]{0,60}?)(?:<=|>=|<|>)\\s*\\d+(?:\\.\\d+)?\\s*(?:x|times|-?fold)?\\s*(?:the\\s+)?(?:uln|upper limit)");
      /* "R/R AML is defined as ...", "MBC-CML is defined by ...", "ALL in
       * remission, defined as ...": the definition of a term, most often
       * one alternative of a list. */
      p->group_definition = compile ("\\b(?:is|are)\\s+defined\\s+(?:as|by)\\b|"
                                     "\\b(?:remission|phase|crisis)\\s*,?\\s*(?:is\\s+|are\\s+)?defined\\s+(?:as|by)\\b");
      p->inline_scope = compile (inline_scope_pattern);
      p->inline_alternatives = compile (inline_alternatives_pattern);
      p->widening = compile (widening_pattern);
      p->narrowing = compile (narrowing_pattern);
      p->footnote = compile (footnote_pattern);
      p->not_limited = compile (not_limited_pattern);
      p->avoid = compile ("\\b(?:avoid(?:ed|ing)?|should not|discouraged)\\b");
      p->steroid_dose = compile ("\\b\\d+(?:\\.\\d+)?\\s*(?:mg|mcg|ug)\\b|\\bdos(?:e|es|age|ing)\\b|\\bequivalent\\b|\\bphysiologic");
      p->cns_leukemia = compile ("leuk|lymphoma|blast|\\bcsf\\b|cerebrospinal|\\bcns[- ]?[123]\\b|involvement|infiltrat|invasion|relapse");
      p->cns_admitted = compile ("\\b(?:cns|central nervous system)\\b(?:\\s*\\(cns\\))?(?:[- ]?[123]\\b)?[^.;]{0,40}?"
                                 "\\b(?:relapses?|involvement|leuk[a-z]*|disease|infiltration|status|lesions?)\\b[^.;]{0,60}?"
                                 "(?<!not )\\b(?:are|is|will be|be|remain)\\s+(?:also\\s+)?(?:eligible|allowed|permitted|acceptable)\\b|"
                                 "\\bcns[- ]?[123]\\b[^.;]{0,60}?(?<!not )\\b(?:are|is|will be|be)\\s+(?:also\\s+)?"
                                 "(?:eligible|allowed|permitted|acceptable)\\b");
      p->cns_narrower = compile ("\\b(?:uncontrolled|symptomatic|neurolog[a-z]*|requiring|with signs)\\b");
      p->history = compile ("\\b(?:history|prior|previous|past)\\b");
      p->lab_name = compile (lab_name_pattern);
      p->virus_name = compile (virus_name_pattern);
      p->word = compile (word_pattern);
      p->generic = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; generic_words[i] != NULL; i++)
        g_hash_table_add (p->generic, (gpointer) generic_words[i]);
      patterns = p;
      g_once_init_leave (&initialized, 1);
    }

  return patterns;
}

/* Reading */

static void
span_free (gpointer data)
{
  Span *span = data;

  node_free (span->node);
  g_free (span->symbol);
  g_free (span);
}

static void
note (Reader     *reader,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
note (Reader     *reader,
      const char *format,
      ...)
{
  va_list args;

  if (reader->reason->len > 0)
    g_string_append (reader->reason, "; ");
  va_start (args, format);
  g_string_append_vprintf (reader->reason, format, args);
  va_end (args);
}

static char *
fetch (GMatchInfo *info,
       const char *name)
{
  char *text = g_match_info_fetch_named (info, name);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
has_group (GMatchInfo *info,
           const char *name)
{
  g_autofree char *text = fetch (info, name);

  return text != NULL;
}

static Node *
leaf_compare (const char *var,
              Op          op,
              double      number)
{
  g_autofree char *num = format_number (number);
  g_autofree char *text = g_strdup_printf ("%s %s %s", var, op_text[op], num);

  return node_new_leaf (text);
}

static Span *
add_span (Reader   *reader,
          SpanType  type,
          int       start,
          int       end,
          int       order)
{
  Span *span = g_new0 (Span, 1);

  span->type = type;
  span->start = start;
  span->end = end;
  span->order = order;
  g_ptr_array_add (reader->spans, span);
  return span;
}

static Span *
add_atom (Reader *reader,
          int     start,
          int     end,
          int     order,
          Node   *node,
          guint   flags)
{
  Span *span = add_span (reader, SPAN_ATOM, start, end, order);

  span->node = node;
  span->flags = flags;
  return span;
}

/* A range of months or years becomes years. */
static double
to_years (double      number,
          const char *unit)
{
  if (unit != NULL && g_str_has_prefix (unit, "month"))
    return number / 12.0;
  return number;
}

/* Age is fractional: "up to 55 years" admits a patient of 55 years and 6
 * months, so an inclusive upper limit of whole years becomes an open
 * limit a year higher. Exclusive wording ("under 65") and limits in
 * months stay as written. */
static Node *
leaf_upper_age (Op          op,
                double      value,
                const char *unit)
{
  gboolean years = unit == NULL || g_str_has_prefix (unit, "year");

  if (op == OP_LE && years && value == floor (value))
    return leaf_compare ("age_years", OP_LT, value + 1);
  return leaf_compare ("age_years", op, to_years (value, unit));
}

static Node *
build_age (GMatchInfo *info,
           MatcherKind kind,
           gboolean   *ok)
{
  g_autofree char *num = fetch (info, "num");
  g_autofree char *unit = fetch (info, "unit");
  g_autofree char *op_str = fetch (info, "op");
  double value;
  Node *node;

  *ok = FALSE;
  if (!parse_number (num, &value))
    return NULL;

  if (kind == K_AGE_RANGE)
    {
      g_autofree char *num2 = fetch (info, "num2");
      g_autofree char *unit2 = fetch (info, "unit2");
      g_autofree char *op2_str = fetch (info, "op2");
      gboolean age_word = has_group (info, "age") || has_group (info, "old");
      double value2;
      Op low = parse_op (op_str);
      Op high = parse_op (op2_str);

      if (!parse_number (num2, &value2))
        return NULL;
      if (!age_word && (unit == NULL || unit2 == NULL))
        return NULL;
      if (low == OP_NONE)
        low = OP_GE;
      if (high == OP_NONE)
        high = OP_LE;
      if ((low != OP_GE && low != OP_GT) || (high != OP_LE && high != OP_LT))
        return NULL;
      value = to_years (value, unit != NULL ? unit : unit2);
      if (value >= to_years (value2, unit2) || to_years (value2, unit2) > 120)
        return NULL;
      node = node_new_group (NODE_AND);
      node_add (node, leaf_compare ("age_years", low, value));
      node_add (node, leaf_upper_age (high, value2, unit2));
      *ok = TRUE;
      return node;
    }

  if (kind == K_AGE_DIR)
    {
      g_autofree char *dir = fetch (info, "dir");

      *ok = value <= 120;
      return leaf_compare ("age_years", (dir[0] == 'o' || dir[0] == 'a') ? OP_GT : OP_LT, value);
    }

  if (kind == K_AGE_OLDER)
    {
      g_autofree char *dir = fetch (info, "dir");

      /* "an ISI score of 8 or above": a bare number is an age only with
       * a word that says so. */
      *ok = value <= 120 && (has_group (info, "aged") || has_group (info, "years") || has_group (info, "ofage")
                             || g_strcmp0 (dir, "older") == 0);
      return leaf_compare ("age_years", OP_GE, value);
    }

  if (parse_op (op_str) == OP_NONE || value > 120)
    return NULL;
  *ok = TRUE;
  return leaf_upper_age (parse_op (op_str), value, unit);
}

static int
roman (const char *text)
{
  if (text == NULL)
    return 0;
  if (g_ascii_isdigit (text[0]))
    return text[0] - '0';
  if (strcmp (text, "i") == 0)
    return 1;
  if (strcmp (text, "ii") == 0)
    return 2;
  if (strcmp (text, "iii") == 0)
    return 3;
  if (strcmp (text, "iv") == 0)
    return 4;
  return 0;
}

/* Reads the names of a lab group ("ALT/AST", "BUN and serum creatinine")
 * into @vars, in order; FALSE if one of them is not a variable. */
static gboolean
read_lab_names (const char *names,
                gboolean    absolute,
                GPtrArray  *vars)
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (patterns->lab_name, names, 0, &info);
  while (g_match_info_matches (info))
    {
      if (has_group (info, "direct"))
        return FALSE;
      if (has_group (info, "bili"))
        g_ptr_array_add (vars, absolute ? "bilirubin_umol_l" : "bilirubin_x_uln");
      else if (has_group (info, "creat"))
        g_ptr_array_add (vars, absolute ? "creatinine_umol_l" : "creatinine_x_uln");
      else if (has_group (info, "bun"))
        {
          if (absolute)
            return FALSE;
          g_ptr_array_add (vars, "bun_x_uln");
        }
      else if (has_group (info, "alt"))
        g_ptr_array_add (vars, absolute ? "alt_u_l" : "alt_x_uln");
      else if (has_group (info, "ast"))
        g_ptr_array_add (vars, absolute ? "ast_u_l" : "ast_x_uln");
      else if (has_group (info, "both"))
        {
          if (absolute)
            return FALSE;
          g_ptr_array_add (vars, "alt_x_uln");
          g_ptr_array_add (vars, "ast_x_uln");
        }
      g_match_info_next (info, NULL);
    }
  return vars->len > 0;
}

/* "A and B <= 3x ULN" in an inclusion, "A and/or B >= 1.5x" in an
 * exclusion: each name takes the comparison; the names are joined the way
 * the criterion joins its parts. A plain "or" in an inclusion is not read. */
static Node *
build_lab_group (Reader     *reader,
                 GMatchInfo *info,
                 gboolean    absolute,
                 gboolean   *partial)
{
  g_autofree char *names = fetch (info, "names");
  g_autofree char *num = fetch (info, "num");
  g_autofree char *op_str = fetch (info, "op");
  g_autofree char *unit = fetch (info, "unit");
  g_autoptr(GPtrArray) vars = g_ptr_array_new ();
  double value;
  Op op = parse_op (op_str);
  Node *group;

  if (op == OP_NONE || !parse_number (num, &value) || !read_lab_names (names, absolute, vars))
    return NULL;

  if (vars->len > 1 && reader->kind == ELIGO_CRITERION_INCLUSION
      && g_regex_match_simple ("\\bor\\b", names, 0, 0) && strstr (names, "and/or") == NULL)
    return NULL;

  group = node_new_group (reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_AND : NODE_OR);
  for (guint i = 0; i < vars->len; i++)
    {
      const char *var = g_ptr_array_index (vars, i);
      double v = value;

      if (absolute)
        {
          if (g_str_has_prefix (var, "creatinine") && strcmp (unit, "mg/dl") == 0)
            v = value * 88.42;
          else if (g_str_has_prefix (var, "bilirubin") && strcmp (unit, "mg/dl") == 0)
            v = value * 17.1;
          else if ((g_str_has_prefix (var, "alt") || g_str_has_prefix (var, "ast")) && strcmp (unit, "u/l") == 0)
            v = value;
          else if (!g_str_has_prefix (var, "alt") && !g_str_has_prefix (var, "ast") && strcmp (unit, "umol/l") == 0)
            v = value;
          else
            {
              node_free (group);
              return NULL;
            }
        }
      else if (value <= 0 || value > 50)
        {
          node_free (group);
          return NULL;
        }
      node_add (group, leaf_compare (var, op, v));
    }

  *partial = FALSE;
  return group;
}

static Node *
build_count (GMatchInfo  *info,
             const char  *var)
{
  g_autofree char *num = fetch (info, "num");
  g_autofree char *op_str = fetch (info, "op");
  g_autofree char *unit = fetch (info, "unit");
  double value;
  Op op = parse_op (op_str);

  if (op == OP_NONE || !parse_number (num, &value) || unit == NULL)
    return NULL;

  if (strstr (unit, "10") != NULL && strchr (unit, '9') != NULL && (g_str_has_suffix (unit, "/l") || g_str_has_suffix (unit, "liter")))
    ;
  else if (strstr (unit, "10") != NULL && strchr (unit, '3') != NULL && (strstr (unit, "/ul") != NULL || strstr (unit, "/mm") != NULL || strstr (unit, "/mcl") != NULL))
    ;
  else if (strcmp (unit, "g/l") == 0 || strcmp (unit, "k/ul") == 0)
    ;
  else if (strstr (unit, "/ul") != NULL || strstr (unit, "/mm") != NULL || strstr (unit, "/mcl") != NULL || strstr (unit, "cubic") != NULL)
    value /= 1000.0;
  else
    return NULL;

  if (value <= 0 || value > 1000)
    return NULL;
  return leaf_compare (var, op, value);
}

static Node *
build_window (GMatchInfo *info,
              const char *var,
              const char *var_unit)
{
  g_autofree char *num = fetch (info, "num");
  g_autofree char *unit = fetch (info, "unit");
  double value;

  if (!parse_number (num, &value) || unit == NULL)
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

  return leaf_compare (var, OP_LE, value);
}

static Node *
build_life (GMatchInfo *info)
{
  g_autofree char *num = fetch (info, "num");
  g_autofree char *unit = fetch (info, "unit");
  g_autofree char *op_str = fetch (info, "op");
  Op op = parse_op (op_str);
  double value;

  if (op != OP_GE && op != OP_GT)
    return NULL;
  if (!parse_number (num, &value))
    return NULL;
  if (g_str_has_prefix (unit, "day"))
    value = value / 30.4375;
  else if (g_str_has_prefix (unit, "week"))
    value = value * 7 / 30.4375;
  else if (g_str_has_prefix (unit, "year"))
    value = value * 12;
  return leaf_compare ("life_expectancy_months", op, value);
}

static Node *
build_ecog (GMatchInfo *info)
{
  g_autofree char *op_str = fetch (info, "op");
  g_autofree char *num = fetch (info, "num");
  g_autofree char *hi = fetch (info, "hi");
  g_autofree char *list = fetch (info, "list");
  Op op;

  if (hi != NULL)
    return leaf_compare ("ecog", OP_LE, hi[0] - '0');

  if (list != NULL)
    {
      int expected = 0;

      for (const char *p = list; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          {
            if (*p - '0' != expected)
              return NULL;
            expected++;
          }
      return leaf_compare ("ecog", OP_LE, expected - 1);
    }

  op = parse_op (op_str);
  if (op == OP_NONE || num == NULL)
    return NULL;
  return leaf_compare ("ecog", op, num[0] - '0');
}

static Node *
build_perf (Reader     *reader,
            GMatchInfo *info,
            gboolean   *partial)
{
  g_autofree char *names = fetch (info, "names");
  g_autofree char *num = fetch (info, "num");
  g_autofree char *op_str = fetch (info, "op");
  Op op = parse_op (op_str);
  double value;
  Node *group;
  gboolean karnofsky = strstr (names, "karnofsky") != NULL || strstr (names, "kps") != NULL;
  gboolean lansky = strstr (names, "lansky") != NULL;

  if (op == OP_NONE || !parse_number (num, &value) || value > 100)
    return NULL;

  if (karnofsky && lansky)
    {
      /* "Lansky or Karnofsky >= 50": whichever applies to the patient's age. */
      if (strstr (names, " and ") != NULL && strstr (names, "and/or") == NULL)
        return NULL;
      /* An exclusion must not exclude on the scale that does not apply. */
      if (reader->kind == ELIGO_CRITERION_EXCLUSION)
        {
          *partial = TRUE;
          group = node_new_group (NODE_AND);
        }
      else
        group = node_new_group (NODE_OR);
      if (strstr (names, "lansky") < (strstr (names, "karnofsky") != NULL ? strstr (names, "karnofsky") : strstr (names, "kps")))
        {
          node_add (group, leaf_compare ("lansky", op, value));
          node_add (group, leaf_compare ("karnofsky", op, value));
        }
      else
        {
          node_add (group, leaf_compare ("karnofsky", op, value));
          node_add (group, leaf_compare ("lansky", op, value));
        }
      return group;
    }

  return leaf_compare (karnofsky ? "karnofsky" : "lansky", op, value);
}

static Node *
build_viral (GMatchInfo *info,
             gboolean   *negated)
{
  g_autofree char *names = fetch (info, "names");
  g_autofree char *kind = fetch (info, "kind");
  g_autoptr(GMatchInfo) names_info = NULL;
  Node *group = node_new_group (NODE_OR);

  *negated = has_group (info, "neg");
  g_regex_match (patterns->virus_name, names, 0, &names_info);
  while (g_match_info_matches (names_info))
    {
      const char *var = NULL;

      if (has_group (names_info, "hbv") && strcmp (kind, "dna") == 0)
        var = "hbv_dna_detectable";
      else if (has_group (names_info, "ebv") && strcmp (kind, "dna") == 0)
        var = "ebv_dna_detectable";
      else if (has_group (names_info, "cmv") && strcmp (kind, "dna") == 0)
        var = "cmv_dna_detectable";
      else if (has_group (names_info, "hcv") && strcmp (kind, "rna") == 0)
        var = "hcv_rna_detectable";
      if (var == NULL)
        {
          node_free (group);
          return NULL;
        }
      node_add (group, node_new_leaf (var));
      g_match_info_next (names_info, NULL);
    }
  if (group->children->len == 0 || (*negated && group->children->len > 1))
    {
      node_free (group);
      return NULL;
    }
  return group;
}

static const char *
diagnosis_symbol (const char *text)
{
  if (strstr (text, "myeloid") != NULL || strstr (text, "myelogenous") != NULL || g_str_has_prefix (text, "aml"))
    return "AML";
  if (text[0] == 't' || strstr (text, "acute t") != NULL)
    return "T-ALL";
  return "B-ALL";
}

static void
run_matcher (Reader *reader,
             guint   index)
{
  const Matcher *m = &matchers[index];
  CompiledMatcher *cm = &patterns->matchers[index];
  g_autoptr(GMatchInfo) info = NULL;

  if (cm->triggers != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; cm->triggers[i] != NULL && !found; i++)
        found = strstr (reader->text->str, cm->triggers[i]) != NULL;
      if (!found)
        return;
    }

  g_regex_match (cm->regex, reader->text->str, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int start, end;
      Node *node = NULL;
      guint flags = 0;
      gboolean partial = FALSE;
      gboolean ok = TRUE;
      Span *span;

      g_match_info_fetch_pos (info, 0, &start, &end);
      if (end <= start)
        continue;

      switch (m->kind)
        {
        case K_NEUTRAL:
          add_span (reader, SPAN_NEUTRAL, start, end, index);
          continue;

        case K_MASK:
          add_span (reader, SPAN_MASK, start, end, index);
          continue;

        case K_COND:
          span = add_span (reader, SPAN_NEUTRAL, start, end, index);
          span->flags = FLAG_CONDITIONAL;
          continue;

        case K_BOOL:
        case K_BOOL_PARTIAL:
          node = node_new_leaf (m->var);
          flags = FLAG_NEGATABLE;
          if (has_group (info, "neg"))
            flags |= FLAG_NEGATED;
          if (m->kind == K_BOOL_PARTIAL)
            flags |= FLAG_PARTIAL;
          if (has_group (info, "target"))
            {
              /* "CD19 CAR-T": narrower than any CAR-T. */
              if (reader->kind == ELIGO_CRITERION_EXCLUSION)
                {
                  node_free (node);
                  add_span (reader, SPAN_MASK, start, end, index);
                  continue;
                }
              flags |= FLAG_PARTIAL;
            }
          break;

        case K_NOT:
          {
            g_autofree char *text = g_strdup_printf ("not %s", m->var);

            node = node_new_leaf (text);
          }
          break;

        case K_DIAG:
        case K_DIAG_PARTIAL:
          {
            g_autofree char *matched = g_match_info_fetch (info, 0);

            span = add_atom (reader, start, end, index, NULL, FLAG_DIAG | (m->kind == K_DIAG_PARTIAL ? FLAG_PARTIAL : 0));
            span->symbol = g_strdup (m->aux != NULL ? m->aux : diagnosis_symbol (matched));
          }
          continue;

        case K_STATUS:
          span = add_atom (reader, start, end, index, NULL, FLAG_STATUS | FLAG_INCLUSION);
          span->symbol = g_strdup (m->aux);
          continue;

        case K_DISEASE:
          {
            g_autofree char *status = fetch (info, "status");
            g_autofree char *cd = fetch (info, "cd");
            g_autofree char *diag = fetch (info, "diag");
            g_autofree char *d = NULL;

            if (status == NULL && cd == NULL)
              continue;
            flags = FLAG_COMPOUND;
            node = node_new_group (NODE_AND);
            d = g_strdup_printf ("diagnosis == %s", diagnosis_symbol (diag));
            node_add (node, node_new_leaf (d));
            if (status != NULL)
              {
                g_autofree char *s = g_strdup_printf ("disease_status == %s", status);

                node_add (node, node_new_leaf (s));
              }
            if (cd != NULL)
              {
                g_autofree char *c = g_strdup_printf ("cd%s_positive", cd);

                node_add (node, node_new_leaf (c));
              }
          }
          break;

        case K_CD:
          {
            g_autofree char *cd = fetch (info, "cd");
            g_autofree char *var = g_strdup_printf ("cd%s_positive", cd);

            node = node_new_leaf (var);
            flags = FLAG_NEGATABLE;
            if (has_group (info, "neg"))
              flags |= FLAG_NEGATED;
          }
          break;

        case K_AGE_RANGE:
        case K_AGE_OP:
        case K_AGE_DIR:
        case K_AGE_OLDER:
          node = build_age (info, m->kind, &ok);
          flags = FLAG_AGE;
          if (has_group (info, "atdx"))
            {
              ok = FALSE;
              note (reader, "age at diagnosis is not age now");
            }
          break;

        case K_ECOG:
          node = build_ecog (info);
          break;

        case K_PERF:
          node = build_perf (reader, info, &partial);
          break;

        case K_LAB_ULN:
        case K_LAB_ABS:
          node = build_lab_group (reader, info, m->kind == K_LAB_ABS, &partial);
          if (node == NULL)
            {
              /* A lab we cannot read (direct bilirubin): keep its words uncovered. */
              add_span (reader, SPAN_MASK, start, end, index);
              continue;
            }
          break;

        case K_COUNT:
          node = build_count (info, m->var);
          break;

        case K_HGB:
          {
            g_autofree char *num = fetch (info, "num");
            g_autofree char *op_str = fetch (info, "op");
            g_autofree char *unit = fetch (info, "unit");
            double value;

            if (parse_op (op_str) != OP_NONE && parse_number (num, &value))
              node = leaf_compare ("hemoglobin_g_l", parse_op (op_str), strcmp (unit, "g/dl") == 0 ? value * 10 : value);
          }
          break;

        case K_NUM:
          {
            g_autofree char *num = fetch (info, "num");
            g_autofree char *op_str = fetch (info, "op");
            double value;

            if (parse_op (op_str) != OP_NONE && parse_number (num, &value))
              node = leaf_compare (m->var, parse_op (op_str), value);
          }
          break;

        case K_NYHA:
          {
            g_autofree char *op_str = fetch (info, "op");
            g_autofree char *lo = fetch (info, "lo");
            g_autofree char *hi = fetch (info, "hi");
            Op op = parse_op (op_str);
            int l = roman (lo);
            int h = roman (hi);

            if (op != OP_NONE && h == 0 && l > 0)
              node = leaf_compare ("nyha_class", op, l);
            else if (op == OP_NONE && l > 0 && h == 4 && l < 4)
              node = leaf_compare ("nyha_class", OP_GE, l);
          }
          break;

        case K_LIFE:
          node = build_life (info);
          break;

        case K_WINDOW:
          node = build_window (info, m->var, m->aux);
          if (node == NULL)
            {
              add_span (reader, SPAN_MASK, start, end, index);
              continue;
            }
          break;

        case K_VIRAL:
          {
            gboolean negated;

            node = build_viral (info, &negated);
            if (node != NULL && node->children->len == 1)
              {
                Node *leaf = node_copy (g_ptr_array_index (node->children, 0));

                node_free (node);
                node = leaf;
                flags = FLAG_NEGATABLE | (negated ? FLAG_NEGATED : 0);
              }
          }
          break;

        case K_SEX_ALL:
          node = node_new_leaf ("sex in (female, male)");
          flags = FLAG_SEX_ALL;
          break;

        case K_SEX_FEMALE:
          node = node_new_leaf ("sex == female");
          break;

        case K_CONSENT:
          if (reader->kind != ELIGO_CRITERION_INCLUSION)
            continue;
          node = node_new_leaf ("informed_consent");
          flags = FLAG_CONSENT;
          break;

        case K_PERSIST:
          node = node_new_group (NODE_AND);
          node_add (node, node_new_leaf ("prior_car_t"));
          node_add (node, node_new_leaf ("car_t_persistence_lost"));
          break;

        case K_CARDIAC:
          /* The variable's window and list are loose: never the whole criterion. */
          node = node_new_leaf ("recent_cardiac_event");
          flags = FLAG_NEGATABLE | FLAG_PARTIAL;
          break;

        default:
          g_assert_not_reached ();
        }

      if (node == NULL || !ok)
        {
          node_free (node);
          add_span (reader, SPAN_MASK, start, end, index);
          continue;
        }
      if (partial)
        flags |= FLAG_PARTIAL;
      span = add_atom (reader, start, end, index, node, flags);
      if (m->kind == K_BOOL && m->aux != NULL)
        {
          g_autofree char *matched = g_match_info_fetch (info, 0);

          span->symbol = g_strdup (strstr (matched, "pregnan") != NULL ? "pregnancy" : "lactation");
        }
    }
}

static gboolean
is_abbreviation_before (const char *text,
                        int         dot)
{
  static const char * const abbreviations[] = { "e.g", "i.e", "etc", "vs", "approx", "incl", "dr", "no", "fig", "al", "st", NULL };

  for (guint i = 0; abbreviations[i] != NULL; i++)
    {
      int n = strlen (abbreviations[i]);

      if (dot >= n && strncmp (text + dot - n, abbreviations[i], n) == 0
          && (dot == n || !g_ascii_isalpha (text[dot - n - 1])))
        return TRUE;
    }
  return FALSE;
}

/* Where a clause ends at @i: the length of the boundary, 0 if none. */
static int
boundary_at (const char *text,
             int         i,
             int         len,
             gboolean   *sentence)
{
  char c = text[i];
  int next;

  *sentence = FALSE;
  if (c == ';' || c == ':' || c == '\n')
    {
      *sentence = c == '\n';
      next = i + 1;
    }
  else if (c == '.' && (i + 1 == len || g_ascii_isspace (text[i + 1]))
           && !(i > 0 && g_ascii_isdigit (text[i - 1]) && i + 1 < len && g_ascii_isdigit (text[i + 1]))
           && !is_abbreviation_before (text, i))
    {
      *sentence = TRUE;
      next = i + 1;
    }
  else if (c == 'b' && strncmp (text + i, "but ", 4) == 0 && i > 0 && (text[i - 1] == ' ' || text[i - 1] == ','))
    next = i + 3;
  else if (c == 'w' && strncmp (text + i, "whereas ", 8) == 0 && i > 0 && text[i - 1] == ' ')
    next = i + 7;
  else
    return 0;

  /* "...; or ..." continues the same run. */
  while (next < len && g_ascii_isspace (text[next]))
    next++;
  if (strncmp (text + next, "or ", 3) == 0)
    return 0;

  return next - i;
}

static void
split_clauses (Reader *reader)
{
  const char *text = reader->text->str;
  int len = reader->len;
  int top;
  int paren = -1;
  int depth = 0;
  gboolean sentence_start = TRUE;
  Clause clause = { -1, TRUE, TRUE, FALSE, 0, 0 };

  reader->clause_of = g_new0 (int, len + 1);
  reader->clauses = g_array_new (FALSE, FALSE, sizeof (Clause));
  g_array_append_val (reader->clauses, clause);
  top = 0;

  for (int i = 0; i < len; i++)
    {
      char c = text[i];
      gboolean sentence;
      int n;

      if (c == '(' || c == '[')
        {
          if (depth == 0)
            {
              Clause p = { top, FALSE, FALSE, FALSE, i, i };

              g_array_append_val (reader->clauses, p);
              paren = reader->clauses->len - 1;
            }
          depth++;
          reader->clause_of[i] = paren;
          continue;
        }
      if ((c == ')' || c == ']') && depth > 0)
        {
          reader->clause_of[i] = paren;
          g_array_index (reader->clauses, Clause, paren).end = i + 1;
          depth--;
          continue;
        }
      if (depth > 0)
        {
          reader->clause_of[i] = paren;
          continue;
        }

      n = boundary_at (text, i, len, &sentence);
      if (n > 0)
        {
          Clause next = { -1, sentence, FALSE, FALSE, i + n, i + n };

          for (int j = i; j < i + n; j++)
            reader->clause_of[j] = top;
          g_array_index (reader->clauses, Clause, top).end = i;
          g_array_append_val (reader->clauses, next);
          top = reader->clauses->len - 1;
          sentence_start = sentence;
          i += n - 1;
          continue;
        }
      reader->clause_of[i] = top;
    }
  g_array_index (reader->clauses, Clause, top).end = len;
  (void) sentence_start;
}

static int
compare_spans_by_length (gconstpointer a,
                         gconstpointer b)
{
  const Span *x = *(const Span **) a;
  const Span *y = *(const Span **) b;
  int lx = x->end - x->start;
  int ly = y->end - y->start;

  if (lx != ly)
    return ly - lx;
  if (x->order != y->order)
    return x->order - y->order;
  return x->start - y->start;
}

static int
compare_spans_by_start (gconstpointer a,
                        gconstpointer b)
{
  const Span *x = *(const Span **) a;
  const Span *y = *(const Span **) b;

  return x->start - y->start;
}

/* Keeps the longest of overlapping spans. Conditions do not compete: they
 * are kept beside what they overlap. */
static GPtrArray *
resolve_overlaps (Reader *reader)
{
  GPtrArray *kept = g_ptr_array_new ();
  guint8 *taken = g_new0 (guint8, reader->len + 1);

  g_ptr_array_sort (reader->spans, compare_spans_by_length);
  for (guint i = 0; i < reader->spans->len; i++)
    {
      Span *span = g_ptr_array_index (reader->spans, i);
      gboolean free_range = TRUE;

      if (span->flags & FLAG_CONDITIONAL)
        {
          g_ptr_array_add (kept, span);
          continue;
        }
      for (int j = span->start; j < span->end && free_range; j++)
        free_range = !taken[j];
      if (!free_range)
        continue;
      memset (taken + span->start, 1, span->end - span->start);
      g_ptr_array_add (kept, span);
    }
  g_free (taken);
  g_ptr_array_sort (kept, compare_spans_by_start);
  return kept;
}

static Clause *
clause_get (Reader *reader,
            int     id)
{
  return &g_array_index (reader->clauses, Clause, id);
}

/* The top-level clause a byte belongs to. */
static int
top_clause (Reader *reader,
            int     id)
{
  Clause *clause = clause_get (reader, id);

  return clause->parent >= 0 ? clause->parent : id;
}

/* The first character boundary at or after byte @offset of @text (@len
 * bytes long): a slice that starts or ends mid-character is invalid UTF-8,
 * which GRegex must never see. */
static int
char_boundary (const char *text,
               int         len,
               int         offset)
{
  offset = CLAMP (offset, 0, len);
  while (offset < len && ((guchar) text[offset] & 0xC0) == 0x80)
    offset++;
  return offset;
}

static gboolean
regex_in_range (GRegex     *regex,
                const char *text,
                int         start,
                int         end,
                int        *match_start,
                int        *match_end,
                gboolean    last)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *slice = NULL;
  gboolean found = FALSE;

  start = char_boundary (text, strlen (text), start);
  end = char_boundary (text, strlen (text), end);
  if (end <= start)
    return FALSE;
  slice = g_strndup (text + start, end - start);
  g_regex_match (regex, slice, 0, &info);
  while (g_match_info_matches (info))
    {
      int s, e;

      g_match_info_fetch_pos (info, 0, &s, &e);
      if (match_start != NULL)
        *match_start = start + s;
      if (match_end != NULL)
        *match_end = start + e;
      found = TRUE;
      if (!last)
        break;
      g_match_info_next (info, NULL);
    }
  return found;
}

/* The text of the clause of @span around it, on the connector text. */
static void
clause_bounds (Reader *reader,
               Span   *span,
               int    *start,
               int    *end)
{
  int id = reader->clause_of[span->start];
  int s = span->start;
  int e = span->end;

  while (s > 0 && (reader->clause_of[s - 1] == id || clause_get (reader, reader->clause_of[s - 1])->parent == id))
    s--;
  while (e < reader->len && (reader->clause_of[e] == id || clause_get (reader, reader->clause_of[e])->parent == id))
    e++;
  /* A parenthetical within the clause is part of it but not of its run. */
  *start = s;
  *end = e;
}

/* Copies the connector text of [start, end) keeping only the bytes of
 * clause @id (parentheticals and other clauses become spaces). */
static char *
clause_text (Reader *reader,
             int     id,
             int     start,
             int     end)
{
  char *out;

  start = char_boundary (reader->conn, reader->len, start);
  end = char_boundary (reader->conn, reader->len, end);
  if (end < start)
    end = start;
  out = g_strndup (reader->conn + start, end - start);
  for (int i = start; i < end; i++)
    if (reader->clause_of[i] != id)
      out[i - start] = ' ';
  return out;
}

static void
drop_atom (Reader     *reader,
           Span       *atom,
           const char *why)
{
  if (atom->flags & FLAG_DROPPED)
    return;
  atom->flags |= FLAG_DROPPED;
  reader->partial = TRUE;
  note (reader, "dropped %s: %s", atom->node != NULL ? atom->node->text != NULL ? atom->node->text : "a group" : atom->symbol, why);
}

static gboolean
is_negated (Reader *reader,
            Span   *atom)
{
  int id = reader->clause_of[atom->start];
  int s, e;
  int ns, ne;
  g_autofree char *before = NULL;
  int from;

  clause_bounds (reader, atom, &s, &e);
  from = char_boundary (reader->conn, reader->len, MAX (s, atom->start - 80));
  before = clause_text (reader, id, from, atom->start);
  if (!regex_in_range (patterns->negator, before, 0, strlen (before), &ns, &ne, TRUE))
    return FALSE;
  return !regex_in_range (patterns->scope_stop, before, ne, strlen (before), NULL, NULL, FALSE);
}

/* Is the run [first, last] one alternative of an "or" whose other
 * alternatives were not read? (or of an "and", for an exclusion) */
static gboolean
run_incomplete (Reader  *reader,
                Span    *first,
                Span    *last,
                GRegex  *connector)
{
  int id = reader->clause_of[first->start];
  int s, e;
  int ms, me;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;

  clause_bounds (reader, first, &s, &e);
  head = clause_text (reader, id, s, first->start);
  clause_bounds (reader, last, &s, &e);
  tail = clause_text (reader, id, last->end, e);

  if (connector == patterns->or_word && g_regex_match_simple ("\\beither\\b", head, 0, 0))
    return TRUE;

  /* A trailing "or" joins the item to the next one; for an exclusion, an
   * "and" after an "or" joins two later alternatives ("HIV or AIDS, ...
   * or hepatitis B and C"). */
  if (regex_in_range (connector, tail, 0, strlen (tail), &ms, &me, FALSE)
      && !regex_in_range (patterns->or_stop, tail, 0, ms, NULL, NULL, FALSE)
      && !(connector == patterns->and_word && regex_in_range (patterns->or_word, tail, 0, ms, NULL, NULL, FALSE)))
    return TRUE;

  if (regex_in_range (connector, head, 0, strlen (head), &ms, &me, TRUE)
      && !regex_in_range (patterns->or_stop, head, me, strlen (head), NULL, NULL, FALSE)
      && regex_in_range (patterns->word, head, 0, ms, NULL, NULL, FALSE))
    return TRUE;

  return FALSE;
}

static Node *
atom_node (Span *atom)
{
  if (atom->flags & FLAG_NEGATED)
    {
      g_autofree char *text = g_strdup_printf ("not %s", atom->node->text);

      return node_new_leaf (text);
    }
  return node_copy (atom->node);
}

static int
count_uncovered_words (Reader  *reader,
                       GString *words)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *text = g_strdup (reader->text->str);
  int count = 0;

  for (int i = 0; i < reader->len; i++)
    if (reader->covered[i])
      text[i] = ' ';

  g_regex_match (patterns->word, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *word = g_match_info_fetch (info, 0);
      gsize n = strlen (word);

      while (n > 0 && (word[n - 1] == '-' || word[n - 1] == '\''))
        word[--n] = '\0';
      if (g_str_has_suffix (word, "'s"))
        word[n - 2] = '\0';
      if (strlen (word) < 3 || g_hash_table_contains (patterns->generic, word))
        continue;
      count++;
      if (words->len < 80)
        g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", word);
    }
  return count;
}

static EligoExtraction *
finish (Reader *reader,
        Node   *rule)
{
  EligoExtraction *extraction = g_new0 (EligoExtraction, 1);

  if (rule != NULL && rule->kind != NODE_LEAF && rule->children->len == 0)
    rule = NULL;

  if (rule != NULL)
    {
      GString *string = g_string_new (NULL);

      node_print (rule, string, NODE_OR);
      extraction->rule = g_string_free (string, FALSE);
      extraction->partial = reader->partial;
    }
  extraction->reason = g_string_free (reader->reason, FALSE);
  reader->reason = NULL;
  return extraction;
}

static EligoExtraction *
review (Reader     *reader,
        const char *why)
{
  g_autofree char *copy = g_strdup (why);

  g_string_truncate (reader->reason, 0);
  g_string_append (reader->reason, copy);
  return finish (reader, NULL);
}

static void
reader_clear (Reader *reader)
{
  if (reader->text != NULL)
    g_string_free (reader->text, TRUE);
  g_free (reader->clause_of);
  if (reader->clauses != NULL)
    g_array_unref (reader->clauses);
  if (reader->atoms != NULL)
    g_ptr_array_unref (reader->atoms);
  if (reader->spans != NULL)
    g_ptr_array_unref (reader->spans);
  g_free (reader->conn);
  g_free (reader->covered);
  if (reader->reason != NULL)
    g_string_free (reader->reason, TRUE);
}

/* @source (the text or the connector text) of top-level clause @top with
 * its parentheticals; everything else becomes spaces. */
static char *
top_clause_of (Reader     *reader,
               const char *source,
               int         top)
{
  char *out = g_strdup (source);

  for (int i = 0; i < reader->len; i++)
    if (top_clause (reader, reader->clause_of[i]) != top)
      out[i] = ' ';
  return out;
}

static gboolean
has_bare_limit (Reader *reader,
                int     top)
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (patterns->bare_uln, reader->conn, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int s, e;
      int at;
      int k;

      g_match_info_fetch_pos (info, 0, &s, &e);
      at = top_clause (reader, reader->clause_of[s]);
      if (at == top)
        return TRUE;
      /* The limit opens its clause: it goes with the clause before. */
      for (k = s - 1; k >= 0 && top_clause (reader, reader->clause_of[k]) == at; k--)
        if (!g_ascii_isspace (reader->conn[k]) && !strchr (";:,.", reader->conn[k]))
          break;
      if (k >= 0 && top_clause (reader, reader->clause_of[k]) == at)
        continue;
      while (k >= 0 && top_clause (reader, reader->clause_of[k]) != top
             && (g_ascii_isspace (reader->text->str[k]) || strchr (";:,.", reader->text->str[k]) != NULL))
        k--;
      if (k >= 0 && top_clause (reader, reader->clause_of[k]) == top)
        return TRUE;
    }
  return FALSE;
}

static gboolean
atom_mentions (Node       *node,
               const char *part)
{
  if (node->kind == NODE_LEAF)
    return node->text != NULL && strstr (node->text, part) != NULL;
  for (guint i = 0; i < node->children->len; i++)
    if (atom_mentions (g_ptr_array_index (node->children, i), part))
      return TRUE;
  return FALSE;
}

static gboolean
atom_is (Span       *atom,
         const char *var)
{
  return atom->node != NULL && atom->node->kind == NODE_LEAF && atom->node->text != NULL
    && strcmp (atom->node->text, var) == 0;
}

/* Is the diagnosis @atom qualified by the words around it ("BCR-ABL1
 * positive AML", "relapsed or refractory AML", "therapy for AML", "AML
 * without a familial history")? */
static gboolean
diagnosis_is_qualified (Reader *reader,
                        Span   *atom)
{
  const char *text = reader->text->str;
  int top = top_clause (reader, atom->clause);
  int k = atom->start - 1;
  int word_end;
  g_autofree char *word = NULL;
  g_autofree char *after = NULL;
  int e = atom->end;

  while (k >= 0 && text[k] == ' ')
    k--;
  if (k >= 0 && top_clause (reader, reader->clause_of[k]) == top && strchr (",/(:;", text[k]) == NULL)
    {
      word_end = k + 1;
      while (k >= 0 && (g_ascii_isalnum (text[k]) || strchr ("-+/'", text[k]) != NULL))
        k--;
      word = g_strndup (text + k + 1, word_end - k - 1);
      if (*word != '\0' && !g_strv_contains (diagnosis_lead_words, word))
        return TRUE;
    }

  while (e < reader->len && top_clause (reader, reader->clause_of[e]) == top)
    e++;
  after = g_strndup (text + atom->end, e - atom->end);
  /* "MDS/AML predisposition syndromes": the diagnosis names something else. */
  k = 0;
  while (after[k] == ' ')
    k++;
  if (g_ascii_isalpha (after[k]))
    {
      int n = k;
      g_autofree char *next = NULL;

      while (g_ascii_isalnum (after[n]) || after[n] == '/' || after[n] == '-')
        n++;
      next = g_strndup (after + k, n - k);
      if (!g_strv_contains (diagnosis_follow_words, next))
        return TRUE;
    }
  return g_regex_match (patterns->diagnosis_qualifier, after, 0, NULL);
}

/* Is the CNS disease of @atom qualified by the word before it
 * ("degenerative CNS disease", "non-malignant CNS disease")? */
static gboolean
cns_is_qualified (Reader *reader,
                  Span   *atom)
{
  static const char * const plain[] = {
    "active", "known", "has", "have", "had", "with", "of", "or", "and", "current", "presence",
    "history", "any", "existing", "no", "without", "evidence", "patients", "subjects", "participants",
    "other", "past", "prior", "previous", "concurrent", "underlying", "from", "suffering", "diagnosed",
    NULL
  };
  const char *text = reader->text->str;
  int k = atom->start - 1;
  int word_end;
  g_autofree char *word = NULL;

  while (k >= 0 && text[k] == ' ')
    k--;
  if (k < 0 || !g_ascii_isalnum (text[k]))
    return FALSE;
  word_end = k + 1;
  while (k >= 0 && (g_ascii_isalnum (text[k]) || text[k] == '-'))
    k--;
  word = g_strndup (text + k + 1, word_end - k - 1);
  return !g_strv_contains (plain, word);
}

/* Does the parenthetical that holds @atom qualify a word that was not
 * read ("high risk MDS (>10% blasts)")? Stacked brackets are skipped. */
static gboolean
qualifies_unread_word (Reader *reader,
                       Span   *atom)
{
  const char *text = reader->text->str;
  int k = clause_get (reader, atom->clause)->start - 1;

  for (;;)
    {
      while (k >= 0 && text[k] == ' ')
        k--;
      if (k >= 0 && (text[k] == ')' || text[k] == ']'))
        {
          int depth = 0;

          for (; k >= 0; k--)
            {
              if (text[k] == ')' || text[k] == ']')
                depth++;
              else if ((text[k] == '(' || text[k] == '[') && --depth == 0)
                break;
            }
          k--;
          continue;
        }
      break;
    }
  return k >= 0 && g_ascii_isalnum (text[k]) && !reader->covered[k];
}

typedef struct
{
  Span   *atom;
  char   *var;
  Op      op;        /* OP_NONE: not a comparison */
  double  value;
  gboolean negated;
} Constraint;

static void
collect_constraints (Span      *atom,
                     Node      *node,
                     gboolean   negated,
                     GArray    *out)
{
  Constraint c = { atom, NULL, OP_NONE, 0, negated };
  g_auto(GStrv) parts = NULL;

  if (node->kind != NODE_LEAF)
    {
      for (guint i = 0; i < node->children->len; i++)
        collect_constraints (atom, g_ptr_array_index (node->children, i), negated, out);
      return;
    }

  parts = g_strsplit (node->text, " ", 3);
  if (strcmp (parts[0], "not") == 0 && parts[1] != NULL)
    {
      c.var = g_strdup (parts[1]);
      c.negated = !negated;
    }
  else
    {
      c.var = g_strdup (parts[0]);
      if (parts[1] != NULL && parts[2] != NULL && parse_op (parts[1]) != OP_NONE)
        {
          c.op = parse_op (parts[1]);
          c.value = g_ascii_strtod (parts[2], NULL);
        }
    }
  g_array_append_val (out, c);
}

/* The sanity pass: a variable that two atoms constrain. Two limits of one
 * number are a range only when one is a lower and the other an upper
 * limit above it (an inclusion), or an "or" of the two sides (an
 * exclusion); anything else is alternatives ("<= 3x ULN; <= 5x ULN with
 * liver involvement") or a misreading ("< 6 and > 6"), and is dropped. Two
 * readings of the diagnosis or the status are dropped; so are a fact and
 * its negation. */
static void
drop_conflicts (Reader *reader)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Constraint));

  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if (!(atom->flags & FLAG_DROPPED) && !(atom->flags & FLAG_SEX_ALL) && atom->node != NULL)
        collect_constraints (atom, atom->node, (atom->flags & FLAG_NEGATED) != 0, all);
    }

  for (guint i = 0; i < all->len; i++)
    {
      Constraint *a = &g_array_index (all, Constraint, i);
      g_autoptr(GPtrArray) same = g_ptr_array_new ();
      gboolean conflict = FALSE;

      for (guint j = 0; j < all->len; j++)
        {
          Constraint *b = &g_array_index (all, Constraint, j);

          if (strcmp (a->var, b->var) == 0)
            g_ptr_array_add (same, b);
        }
      if (same->len < 2)
        continue;

      for (guint j = 0; j < same->len && !conflict; j++)
        for (guint k = j + 1; k < same->len && !conflict; k++)
          {
            Constraint *x = g_ptr_array_index (same, j);
            Constraint *y = g_ptr_array_index (same, k);
            gboolean x_low = x->op == OP_GT || x->op == OP_GE;
            gboolean y_low = y->op == OP_GT || y->op == OP_GE;

            if (x->atom == y->atom && x->op != OP_NONE)
              continue;
            if (x->op == OP_NONE || y->op == OP_NONE)
              {
                if (x->op != y->op)
                  conflict = TRUE;
                else if (g_str_equal (x->var, "diagnosis") || g_str_equal (x->var, "disease_status"))
                  conflict = x->atom != y->atom;
                else
                  conflict = x->negated != y->negated;
                continue;
              }
            if (same->len > 2 || x_low == y_low)
              conflict = TRUE;
            else if (reader->kind == ELIGO_CRITERION_INCLUSION)
              conflict = (x_low ? x->value : y->value) >= (x_low ? y->value : x->value);
            else
              conflict = (x_low ? x->value : y->value) <= (x_low ? y->value : x->value);
          }
      if (!conflict)
        continue;
      for (guint j = 0; j < same->len; j++)
        {
          Constraint *x = g_ptr_array_index (same, j);

          drop_atom (reader, x->atom, "a variable read twice, not as a range");
        }
    }

  for (guint i = 0; i < all->len; i++)
    g_free (g_array_index (all, Constraint, i).var);
}

/* "Hepatitis B (HBsAg positive) **" with the note "** ... is permitted if
 * ..." somewhere else: the note usually allows exceptions. A note that
 * the splitter attached (a line opening with the same marker) is read. */
static gboolean
has_unread_footnote (Reader *reader)
{
  g_autoptr(GMatchInfo) info = NULL;
  const char *text = reader->text->str;

  /* "**bold**" is markup, not a note. */
  if (g_regex_match_simple ("(?:^|\\s)\\*\\*[a-z]", text, 0, 0))
    return FALSE;

  g_regex_match (patterns->footnote, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *mark = g_strstrip (fetch (info, "mark"));
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
        drop_atom (reader, atom, why);
    }
}

/* The top-level sentence of @reader that holds byte @at: its first clause. */
static int
sentence_of (Reader *reader,
             int     at)
{
  int id = top_clause (reader, reader->clause_of[at]);

  for (; id > 0; id--)
    {
      Clause *clause = clause_get (reader, id);

      if (clause->parent < 0 && clause->sentence)
        break;
    }
  return id;
}

static EligoExtraction *
extract (Reader     *reader,
         const char *context)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GString) norm_context = g_string_new (NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  Node *rule;
  Span *diag = NULL;
  Span *status = NULL;
  gboolean has_consent = FALSE;
  gboolean status_conflict = FALSE;
  guint n_kept;
  int uncovered;

  if (context != NULL)
    normalize (context, norm_context);

  /* Criteria about someone else, or one alternative among several. */
  if (g_regex_match (patterns->donor, reader->text->str, 0, NULL)
      || (context != NULL && g_regex_match (patterns->donor, norm_context->str, 0, NULL)))
    return review (reader, "about the donor");
  if (context != NULL && g_regex_match (patterns->conditional_context, norm_context->str, 0, NULL))
    return review (reader, "applies only to some patients (lead-in)");
  if (context != NULL && g_regex_match (patterns->scope_context, norm_context->str, 0, NULL))
    return review (reader, "applies only to part of the trial (lead-in)");
  if (reader->kind == ELIGO_CRITERION_INCLUSION && context != NULL
      && g_regex_match (patterns->definition_context, norm_context->str, 0, NULL)
      && !g_regex_match (patterns->organ_context, norm_context->str, 0, NULL))
    return review (reader, "an item of a definition or of examples (lead-in)");
  if (g_regex_match (patterns->subgroup_text, reader->text->str, 0, NULL))
    return review (reader, "applies only to some patients");
  if (reader->kind == ELIGO_CRITERION_INCLUSION && context != NULL
      && g_regex_match (patterns->alternatives, norm_context->str, 0, NULL))
    return review (reader, "one of several alternatives (lead-in)");
  if (reader->kind == ELIGO_CRITERION_INCLUSION
      && g_regex_match_simple ("^[^:]{0,120}\\b(?:one|any|either|at least one) of the following\\b[^:]{0,60}:",
                               reader->text->str, G_REGEX_CASELESS, 0))
    return review (reader, "one of several alternatives");
  if (g_regex_match (patterns->whole, reader->text->str, 0, NULL))
    return review (reader, "an exception governs the whole criterion");
  if (g_regex_match (patterns->inline_scope, reader->text->str, 0, NULL))
    return review (reader, "names a cohort, arm or part of the trial");
  if (has_unread_footnote (reader))
    return review (reader, "a footnote marker whose note is elsewhere");
  if (reader->kind == ELIGO_CRITERION_INCLUSION
      && g_regex_match_simple ("^\\W*(?:or|and/or)\\b|\\b(?:or|and/or)\\W*$", reader->text->str, 0, 0))
    return review (reader, "one of several alternatives (joined by \"or\")");

  split_clauses (reader);
  for (guint i = 0; i < G_N_ELEMENTS (matchers); i++)
    run_matcher (reader, i);

  kept = resolve_overlaps (reader);

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
    return review (reader, "nothing read");

  /* Relaxing exceptions that open a later sentence govern everything before. */
  g_regex_match (patterns->relaxing, reader->text->str, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int s, e;
      Clause *clause;

      g_match_info_fetch_pos (info, 0, &s, &e);
      if (reader->clause_of[s] != top_clause (reader, reader->clause_of[s]))
        continue;
      /* "... <= 5x ULN. Note: patients with ... can be eligible": the
       * sentence starts before the colon. */
      clause = clause_get (reader, 0);
      for (int k = reader->clause_of[s]; k >= 0; k--)
        {
          clause = clause_get (reader, k);
          if (clause->parent < 0 && clause->sentence)
            break;
        }
      if (clause->start > 0)
        return review (reader, "a later sentence relaxes the criterion");
    }
  g_clear_pointer (&info, g_match_info_free);

  /* Clause-level exceptions. */
  g_regex_match (patterns->exception, reader->text->str, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int s, e;
      int id;

      g_match_info_fetch_pos (info, 0, &s, &e);
      id = reader->clause_of[s];
      clause_get (reader, id)->voided = TRUE;
      if (clause_get (reader, id)->parent >= 0)
        clause_get (reader, clause_get (reader, id)->parent)->voided = TRUE;
    }
  g_clear_pointer (&info, g_match_info_free);

  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);
      Clause *clause = clause_get (reader, atom->clause);

      if (clause->voided)
        {
          drop_atom (reader, atom, "an exception in its clause");
          continue;
        }

      /* Parenthetical remarks: "achieved CR (defined as ...)" is not read
       * again, examples do not make an inclusion, a diagnosis in brackets
       * qualifies something else, and a negation outside reaches in. */
      if (clause->parent >= 0)
        {
          int open = clause->start;
          int k = open - 1;
          gboolean defines_atom = FALSE;
          const char *inside = reader->text->str + open;
          g_autofree char *before = NULL;
          int ns, ne;
          int ps, pe;

          while (k >= 0 && g_ascii_isspace (reader->text->str[k]))
            k--;
          for (guint j = 0; j < reader->atoms->len && k >= 0; j++)
            {
              Span *other = g_ptr_array_index (reader->atoms, j);

              if (other->end == k + 1)
                defines_atom = TRUE;
            }
          if (reader->kind == ELIGO_CRITERION_INCLUSION
              && (g_regex_match_simple ("^[([]\\s*(?:e\\.?g\\.?|such as|including|for example)", inside, 0, 0)
                  || (defines_atom && g_regex_match_simple ("^[([]\\s*(?:defined as|i\\.?e\\.?)", inside, 0, 0))))
            {
              drop_atom (reader, atom, "part of a definition or an example");
              continue;
            }
          if (atom->flags & FLAG_DIAG)
            {
              drop_atom (reader, atom, "a diagnosis in brackets");
              continue;
            }
          pe = open;
          for (ps = open; ps > 0 && reader->clause_of[ps - 1] == clause->parent; ps--)
            ;
          before = g_strndup (reader->conn + ps, MAX (pe - ps, 0));
          if (regex_in_range (patterns->negator, before, 0, strlen (before), &ns, &ne, TRUE)
              && !regex_in_range (patterns->scope_stop, before, ne, strlen (before), NULL, NULL, FALSE))
            {
              drop_atom (reader, atom, "negated from outside its brackets");
              continue;
            }
        }

      /* Requiring CNS disease is never what an inclusion means. */
      if (reader->kind == ELIGO_CRITERION_INCLUSION && atom->node != NULL
          && atom->node->text != NULL && strcmp (atom->node->text, "cns_disease") == 0
          && !(atom->flags & FLAG_NEGATED) && !is_negated (reader, atom))
        {
          drop_atom (reader, atom, "an inclusion does not require CNS disease");
          continue;
        }

      /* Negation. An exclusion of "no known HIV" or "not limited to active
       * infection" would exclude almost everyone: such a text is misfiled
       * or states a condition of the excluded state, and the nurse reads
       * it. Negations that are part of a pattern ("do not express CD19",
       * "unwilling to use contraception") are read. */
      if (!(atom->flags & FLAG_NEGATED) && is_negated (reader, atom))
        {
          if (reader->kind == ELIGO_CRITERION_EXCLUSION && (atom->flags & FLAG_NEGATABLE))
            {
              /* A later sentence ("Pregnant or nursing. Females ... must
               * agree not to become pregnant") is an instruction. */
              if (sentence_of (reader, atom->start) == 0)
                return review (reader, "a negated fact in an exclusion");
              drop_atom (reader, atom, "negated in an exclusion");
              continue;
            }
          if (atom->flags & FLAG_NEGATABLE)
            atom->flags |= FLAG_NEGATED;
          else
            drop_atom (reader, atom, "negated");
        }
    }

  if (reader->kind == ELIGO_CRITERION_INCLUSION)
    {
      int ms, me;

      /* "AML, meeting at least one of the following: i. ... ii. ...". */
      if (regex_in_range (patterns->inline_alternatives, reader->text->str, 0, reader->len, &ms, &me, FALSE))
        drop_atoms_after (reader, me, "one of several alternatives");

      /* "Relapsed or refractory leukemia, including participants who are
       * MRD-positive": who else is included is not required. */
      if (regex_in_range (patterns->widening, reader->text->str, 0, reader->len, &ms, &me, FALSE))
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
        clause_bounds (reader, atom, &s, &e);
        tail = g_strndup (reader->text->str + atom->end, MAX (e - atom->end, 0));
        if (g_regex_match (patterns->window, tail, 0, NULL))
          drop_atom (reader, atom, "limited in time");
        else if (g_regex_match (patterns->narrowing, tail, 0, NULL))
          {
            /* What follows is the qualifier, not a fact of its own. */
            for (guint j = i; j < reader->atoms->len; j++)
              {
                Span *next = g_ptr_array_index (reader->atoms, j);

                if (next->start < e)
                  drop_atom (reader, next, "narrowed by what follows");
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
                   && top_clause (reader, atom->clause) == top_clause (reader, reader->clause_of[cond->start]))
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
      int top = top_clause (reader, atom->clause);
      g_autofree char *conn = NULL;
      g_autofree char *clause_words = NULL;

      if (atom->flags & FLAG_DROPPED)
        continue;

      /* "tbili <= 1.5 ULN if ...", "blinatumomab if CD19+": holds only for some. */
      conn = top_clause_of (reader, reader->conn, top);
      if (g_regex_match (patterns->conditional_clause, conn, 0, NULL))
        {
          drop_atom (reader, atom, "a conditional clause");
          continue;
        }

      /* "R/R AML is defined as patients >= 18 years ...": the definition of
       * one group of patients, not a requirement for all. */
      clause_words = top_clause_of (reader, reader->text->str, top);
      if (reader->kind == ELIGO_CRITERION_INCLUSION && g_regex_match (patterns->group_definition, clause_words, 0, NULL)
          && !g_regex_match (patterns->organ_context, clause_words, 0, NULL))
        {
          drop_atom (reader, atom, "defines a group of patients");
          continue;
        }

      /* Pregnancy alone, or lactation alone, is narrower than the variable. */
      if (atom_is (atom, "pregnant_or_lactating") && atom->symbol != NULL)
        {
          gboolean other = FALSE;

          /* "Pregnant women are excluded ... breastfeeding should also be
           * avoided": a fact that is only to be avoided is not excluded. */
          if (g_regex_match (patterns->avoid, clause_words, 0, NULL))
            {
              drop_atom (reader, atom, "to be avoided, not excluded");
              continue;
            }
          /* The other one counts only in the same sentence. */
          for (guint j = 0; j < reader->atoms->len; j++)
            {
              Span *o = g_ptr_array_index (reader->atoms, j);

              if (!(o->flags & FLAG_DROPPED) && atom_is (o, "pregnant_or_lactating") && o->symbol != NULL
                  && strcmp (o->symbol, atom->symbol) != 0
                  && sentence_of (reader, o->start) == sentence_of (reader, atom->start))
                {
                  g_autofree char *other_words = top_clause_of (reader, reader->text->str, top_clause (reader, o->clause));

                  if (!g_regex_match (patterns->avoid, other_words, 0, NULL))
                    other = TRUE;
                }
            }
          if (!other)
            {
              drop_atom (reader, atom, "pregnancy or lactation alone");
              continue;
            }
        }

      /* "ALT <= 3x ULN; <= 5x ULN with liver involvement": a second limit
       * with no name is an alternative for the labs of its clause, or of
       * the clause before when it opens its own. */
      if (atom->node != NULL && atom_mentions (atom->node, "_x_uln") && has_bare_limit (reader, top))
        {
          drop_atom (reader, atom, "another limit for the same lab");
          continue;
        }

      /* Requiring pregnancy is never what an inclusion means. */
      if (reader->kind == ELIGO_CRITERION_INCLUSION && atom_is (atom, "pregnant_or_lactating")
          && !(atom->flags & FLAG_NEGATED))
        {
          drop_atom (reader, atom, "an inclusion does not require pregnancy");
          continue;
        }

      /* A dose threshold: only high doses count, not any systemic steroid. */
      if (atom_is (atom, "systemic_steroids")
          && g_regex_match (patterns->steroid_dose, reader->text->str, 0, NULL))
        {
          drop_atom (reader, atom, "a steroid dose threshold");
          continue;
        }

      /* "Sexually active participants not willing to use contraception". */
      if (atom_is (atom, "contraception_agreed") || (atom->node != NULL && atom->node->text != NULL
                                                    && strcmp (atom->node->text, "not contraception_agreed") == 0))
        if (strstr (reader->text->str, "sexually active") != NULL)
          {
            drop_atom (reader, atom, "only for the sexually active");
            continue;
          }

      if (atom_is (atom, "cns_disease"))
        {
          /* About CNS leukemia, or narrower than any active CNS disorder. */
          int from = char_boundary (reader->text->str, reader->len, atom->start - 25);
          int to = char_boundary (reader->text->str, reader->len, atom->end + 40);
          g_autofree char *near = g_strndup (reader->text->str + from, to - from);

                  if (g_regex_match (patterns->cns_leukemia, reader->text->str, 0, NULL)
              || (reader->kind == ELIGO_CRITERION_EXCLUSION
                  && g_regex_match (patterns->cns_narrower, near, 0, NULL)))
            {
              drop_atom (reader, atom, "CNS leukemia or a narrower CNS disorder");
              continue;
            }
          /* "Degenerative", "serious", "non-malignant CNS disease": only
           * some CNS disorders, and not CNS leukemia, which cns_disease
           * also holds for. (A trial that admits CNS leukemia elsewhere is
           * handled by eligo_rule_admits_cns_leukemia().) */
          if (cns_is_qualified (reader, atom))
            {
              drop_atom (reader, atom, "a qualified CNS disease");
              continue;
            }
          /* "History or presence of CNS disorder": the past is not covered. */
          if (g_regex_match (patterns->history, reader->text->str, 0, NULL))
            atom->flags |= FLAG_PARTIAL;
        }

      /* An exclusion's diagnosis with a qualifier excludes only some of it. */
      if (reader->kind == ELIGO_CRITERION_EXCLUSION && (atom->flags & (FLAG_DIAG | FLAG_COMPOUND))
          && diagnosis_is_qualified (reader, atom))
        {
          drop_atom (reader, atom, "a qualified diagnosis");
          continue;
        }

      /* An inclusion's diagnosis beside diseases not read: one alternative. */
      if (reader->kind == ELIGO_CRITERION_INCLUSION && (atom->flags & (FLAG_DIAG | FLAG_COMPOUND))
          && g_regex_match (patterns->other_disease, reader->conn, 0, NULL))
        {
          drop_atom (reader, atom, "one of diagnoses not all read");
          continue;
        }

      /* A blast count in brackets after a disease not read belongs to it. */
      if (clause_get (reader, atom->clause)->parent >= 0 && atom->node != NULL && atom->node->text != NULL
          && (g_str_has_prefix (atom->node->text, "bm_blasts_pct") || g_str_has_prefix (atom->node->text, "pb_blasts_pct"))
          && qualifies_unread_word (reader, atom))
        {
          drop_atom (reader, atom, "a blast count of something not read");
          continue;
        }
    }

  /* A consent criterion's ages say who signs, not who is eligible. */
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if ((atom->flags & FLAG_CONSENT) && !(atom->flags & FLAG_DROPPED))
        has_consent = TRUE;
    }
  if (has_consent)
    for (guint i = 0; i < reader->atoms->len; i++)
      {
        Span *atom = g_ptr_array_index (reader->atoms, i);

        if (atom->flags & FLAG_AGE)
          atom->flags |= FLAG_DROPPED;
      }

  /* "1) ...; 2) ...": inline alternatives. Only the union of their
   * diagnoses and statuses is necessary, and only if every one was read. */
  if (reader->kind == ELIGO_CRITERION_INCLUSION
      && g_regex_match_simple ("(?:^|[\\s;:.,])(?:\\d|[a-h])\\)\\s.*(?:[\\s;:.,])(?:\\d|[a-h])\\)\\s", reader->text->str, G_REGEX_DOTALL, 0))
    {
      gboolean lost = FALSE;

      for (guint i = 0; i < reader->atoms->len; i++)
        {
          Span *atom = g_ptr_array_index (reader->atoms, i);

          if (!(atom->flags & (FLAG_DIAG | FLAG_STATUS)))
            {
              if (atom->flags & FLAG_COMPOUND)
                lost = TRUE;
              drop_atom (reader, atom, "one of inline alternatives");
            }
        }
      if (lost)
        for (guint i = 0; i < reader->atoms->len; i++)
          drop_atom (reader, g_ptr_array_index (reader->atoms, i), "alternatives not all read");
    }

  /* Diagnoses merge into one list, statuses into one set. */
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if (atom->flags & FLAG_DROPPED)
        continue;
      if (atom->flags & FLAG_DIAG)
        {
          if (diag == NULL)
            {
              diag = atom;
              diag->node = node_new_group (NODE_OR);
            }
          else
            {
              atom->flags |= FLAG_DROPPED;
              diag->flags |= atom->flags & FLAG_PARTIAL;
            }
          if (!node_contains_leaf (diag->node, atom->symbol))
            g_ptr_array_add (diag->node->children, node_new_leaf (atom->symbol));
        }
      else if (atom->flags & FLAG_STATUS)
        {
          if (status == NULL)
            {
              status = atom;
              status->node = node_new_group (NODE_OR);
            }
          else
            atom->flags |= FLAG_DROPPED;
          if (!node_contains_leaf (status->node, atom->symbol))
            g_ptr_array_add (status->node->children, node_new_leaf (atom->symbol));
        }
    }
  if (diag != NULL)
    {
      GString *text = g_string_new ("diagnosis ");

      if (diag->node->children->len == 1)
        g_string_append_printf (text, "== %s", ((Node *) g_ptr_array_index (diag->node->children, 0))->text);
      else
        {
          g_string_append (text, "in (");
          for (guint i = 0; i < diag->node->children->len; i++)
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", ((Node *) g_ptr_array_index (diag->node->children, i))->text);
          g_string_append_c (text, ')');
        }
      node_free (diag->node);
      diag->node = node_new_leaf (text->str);
      g_string_free (text, TRUE);
    }
  if (status != NULL)
    {
      static const char * const order[] = { "newly_diagnosed", "CR", "relapsed", "refractory", NULL };
      g_autoptr(GPtrArray) symbols = g_ptr_array_new ();
      GString *text = g_string_new ("disease_status ");

      for (guint k = 0; order[k] != NULL; k++)
        if (node_contains_leaf (status->node, order[k]))
          g_ptr_array_add (symbols, (gpointer) order[k]);
      status_conflict = node_contains_leaf (status->node, "CR") && symbols->len > 1;
      /* "not achieving a CR after salvage": the patient may be refractory now. */
      for (guint i = 0; i < reader->atoms->len && !status_conflict; i++)
        {
          Span *atom = g_ptr_array_index (reader->atoms, i);

          if ((atom->flags & FLAG_STATUS) && atom->symbol != NULL && strcmp (atom->symbol, "CR") == 0
              && (atom->flags & FLAG_DROPPED) && atom != status
              && !node_contains_leaf (status->node, "refractory"))
            status_conflict = TRUE;
        }
      if (symbols->len == 1)
        g_string_append_printf (text, "== %s", (const char *) g_ptr_array_index (symbols, 0));
      else
        {
          g_string_append (text, "in (");
          for (guint i = 0; i < symbols->len; i++)
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (symbols, i));
          g_string_append_c (text, ')');
        }
      node_free (status->node);
      status->node = node_new_leaf (text->str);
      g_string_free (text, TRUE);
      if (status_conflict)
        drop_atom (reader, status, "remission and relapse together");
    }

  drop_conflicts (reader);

  /* "Male or female" says nothing when anything else is read. */
  n_kept = 0;
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if (!(atom->flags & FLAG_DROPPED) && !(atom->flags & FLAG_SEX_ALL))
        n_kept++;
    }

  /* Runs of atoms in one clause. */
  rule = node_new_group (reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_AND : NODE_OR);

  /* "ECOG 0-2 (if aged >= 18); Lansky >= 50 (if aged < 16)": each patient
   * falls under one branch, so the branches' "or" is necessary. */
  if (reader->kind == ELIGO_CRITERION_INCLUSION && n_kept >= 2)
    {
      guint n_conditional = 0;

      for (guint i = 0; i < reader->atoms->len; i++)
        {
          Span *atom = g_ptr_array_index (reader->atoms, i);

          if (!(atom->flags & (FLAG_DROPPED | FLAG_SEX_ALL)) && (atom->flags & FLAG_CONDITIONAL))
            n_conditional++;
        }
      if (n_conditional == n_kept)
        {
          Node *any = node_new_group (NODE_OR);

          for (guint i = 0; i < reader->atoms->len; i++)
            {
              Span *atom = g_ptr_array_index (reader->atoms, i);

              if (!(atom->flags & (FLAG_DROPPED | FLAG_SEX_ALL)))
                node_add (any, atom_node (atom));
              atom->flags |= FLAG_DROPPED;
            }
          node_add (rule, any);
          reader->partial = TRUE;
          note (reader, "alternatives by age read as a plain \"or\"");
        }
    }
  for (guint i = 0; i < reader->atoms->len;)
    {
      Span *first = g_ptr_array_index (reader->atoms, i);
      g_autoptr(GPtrArray) run = g_ptr_array_new ();
      gboolean has_or = FALSE;
      gboolean has_and = FALSE;
      gboolean negated_run;
      gboolean conditional = FALSE;
      int top;
      Node *group;
      NodeKind run_kind;

      if (first->flags & FLAG_DROPPED)
        {
          i++;
          continue;
        }
      if (first->flags & FLAG_SEX_ALL)
        {
          i++;
          if (n_kept > 0)
            continue;
          g_ptr_array_add (run, first);
        }
      else
        {
          top = first->clause;
          g_ptr_array_add (run, first);
          for (i++; i < reader->atoms->len; i++)
            {
              Span *next = g_ptr_array_index (reader->atoms, i);
              Span *prev = g_ptr_array_index (run, run->len - 1);
              g_autofree char *gap = NULL;

              if (next->flags & FLAG_DROPPED || next->flags & FLAG_SEX_ALL)
                continue;
              if (next->clause != top)
                break;
              gap = clause_text (reader, top, prev->end, next->start);
              if (g_regex_match (patterns->or_word, gap, 0, NULL))
                has_or = TRUE;
              if (g_regex_match (patterns->and_word, gap, 0, NULL))
                has_and = TRUE;
              g_ptr_array_add (run, next);
            }
        }

      for (guint k = 0; k < run->len; k++)
        if (((Span *) g_ptr_array_index (run, k))->flags & FLAG_CONDITIONAL)
          conditional = TRUE;

      negated_run = TRUE;
      for (guint k = 0; k < run->len; k++)
        if (!(((Span *) g_ptr_array_index (run, k))->flags & FLAG_NEGATED))
          negated_run = FALSE;

      if (has_or && has_and)
        run_kind = reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_LEAF : NODE_AND;
      else if (has_or)
        run_kind = negated_run ? NODE_AND : NODE_OR;
      else if (has_and)
        run_kind = NODE_AND;
      else
        run_kind = reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_AND : NODE_OR;

      if (reader->kind == ELIGO_CRITERION_INCLUSION)
        {
          if (run_kind == NODE_LEAF)
            {
              for (guint k = 0; k < run->len; k++)
                drop_atom (reader, g_ptr_array_index (run, k), "mixed \"and\" and \"or\"");
              continue;
            }
          if (!negated_run && run_incomplete (reader, first, g_ptr_array_index (run, run->len - 1), patterns->or_word))
            {
              for (guint k = 0; k < run->len; k++)
                drop_atom (reader, g_ptr_array_index (run, k), "one alternative of an \"or\" not read whole");
              continue;
            }
          if (conditional && (run_kind != NODE_OR || run->len < 2)
              && !(run->len == 1 && first->node != NULL && first->node->kind == NODE_OR))
            {
              for (guint k = 0; k < run->len; k++)
                drop_atom (reader, g_ptr_array_index (run, k), "applies only to some patients");
              continue;
            }
          if (conditional)
            {
              reader->partial = TRUE;
              note (reader, "alternatives by age read as a plain \"or\"");
            }
        }
      else
        {
          if (conditional)
            {
              for (guint k = 0; k < run->len; k++)
                drop_atom (reader, g_ptr_array_index (run, k), "applies only to some patients");
              continue;
            }
          if (!negated_run && run_incomplete (reader, first, g_ptr_array_index (run, run->len - 1), patterns->and_word))
            {
              for (guint k = 0; k < run->len; k++)
                drop_atom (reader, g_ptr_array_index (run, k), "\"and\"-ed with something not read");
              continue;
            }
          if (run_kind == NODE_AND && run->len > 1)
            {
              reader->partial = TRUE;
              note (reader, "an exclusion's \"and\" kept as a conjunction");
            }
        }

      group = node_new_group (run_kind);
      for (guint k = 0; k < run->len; k++)
        {
          Span *atom = g_ptr_array_index (run, k);

          node_add (group, atom_node (atom));
          if (atom->flags & FLAG_PARTIAL)
            {
              reader->partial = TRUE;
              note (reader, "an atom reads only part of its words");
            }
        }
      if (group->children->len == 1)
        {
          Node *only = node_copy (g_ptr_array_index (group->children, 0));

          node_free (group);
          group = only;
        }
      node_add (rule, group);
    }

  if (rule->children->len == 0)
    {
      node_free (rule);
      return review (reader, reader->reason->len > 0 ? reader->reason->str : "nothing read");
    }

  /* Words no pattern covered. */
  for (guint i = 0; i < reader->atoms->len; i++)
    {
      Span *atom = g_ptr_array_index (reader->atoms, i);

      if ((atom->flags & FLAG_DROPPED) && !(atom->flags & (FLAG_AGE | FLAG_DIAG | FLAG_STATUS)))
        memset (reader->covered + atom->start, 0, atom->end - atom->start);
    }
  uncovered = count_uncovered_words (reader, words);
  if (uncovered > 0 && n_kept == 0)
    {
      /* "Male and female subjects of reproductive potential must...": the
       * sex is not what the criterion is about. */
      node_free (rule);
      return review (reader, "only \"male or female\" read");
    }
  if (uncovered > 0)
    {
      reader->partial = TRUE;
      note (reader, "not read: %s", words->str);
    }

  {
    EligoExtraction *extraction = finish (reader, rule);

    node_free (rule);
    return extraction;
  }
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
  normalize (text, reader.text);
  eligo_rule_normalize_spellings (reader.text);
  {
    g_autofree char *plain = g_regex_replace (patterns->not_limited, reader.text->str, -1, 0, "\\1 ", 0, NULL);

    if (plain != NULL)
      g_string_assign (reader.text, plain);
  }
  reader.len = reader.text->len;
  reader.spans = g_ptr_array_new_with_free_func (span_free);
  reader.reason = g_string_new (NULL);

  extraction = extract (&reader, context);
  reader_clear (&reader);
  eligo_rule_qualify_sex (kind, text, extraction);
  return extraction;
}

/**
 * eligo_rule_admits_cns_leukemia:
 * @text: a criterion's text
 *
 * Whether the criterion admits patients with CNS leukemia ("Patients with
 * isolated, asymptomatic CNS relapse will be eligible", "CNS-2 disease is
 * allowed"). cns_disease also holds for CNS leukemia, so a trial that
 * admits it means a neurological disorder when it excludes "any CNS
 * disorder such as seizures": the caller gives such exclusions no rule.
 *
 * Returns: %TRUE if it does
 */
gboolean
eligo_rule_admits_cns_leukemia (const char *text)
{
  g_autoptr(GString) norm = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  get_patterns ();
  norm = g_string_new (NULL);
  normalize (text, norm);
  return g_regex_match (patterns->cns_admitted, norm->str, 0, NULL);
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
  g_free (extraction);
}
