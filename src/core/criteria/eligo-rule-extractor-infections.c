/* eligo-rule-extractor-infections.c
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

#include <string.h>

#include "eligo-rule-extractor-private.h"

/*
 * Infections and other conditions
 *
 * HIV, hepatitis B and C, viral DNA or RNA, syphilis, active infection;
 * autoimmune disease, immunodeficiency and other conditions; pregnancy and
 * lactation, contraception; then sex and informed consent, last so that
 * they lose every tie.
 */

/* No definition or viral-load limit after it in the sentence. */
#define HEPATITIS_UNDEFINED \
  "(?!\\s*(?:\\(|\\[|,?\\s*(?:is\\s+|as\\s+)?defined\\b|,?\\s*(?:i\\.e|e\\.g|will|includ[a-z]*|means?)\\b))" \
  "(?![^.;]*?(?:\\d\\s*(?:iu|u|copies|cp)\\s*/\\s*ml|(?:dna|rna)\\s*(?:>|<|\\d)))"

static const Matcher matchers[] = {
  /* AIDS alone is narrower than hiv_positive (AIDS implies HIV, not the
   * reverse) and is no immunodeficiency of any kind: hidden, unread
   * (NCT03230123, NCT03799601). "Sleep aids", "hearing aids" are not AIDS
   * (NCT05372913). */
  { K_MASK, "aids|acquired",
    "\\bacquired immun(?:o|e\\s?)deficiency syndrome(?:\\s*\\([^()]{0,30}\\))?|(?-i:\\bAIDS\\b)(?:[- ]related\\s+[a-z]+)?|"
    "\\b(?:sleep(?:ing)?|hearing|walking|mobility|visual|breathing)\\s+aids?\\b" },
  /* An inclusion's "negative HCV antibody, or positive antibody followed by
   * negative RNA": the later "positive" is no requirement (NCT05798663). */
  { K_MASK, "negative",
    "\\bnegative\\s+(?:for\\s+)?(?:hepatitis [bc](?: virus)?|hcv|hbv|hiv|hbsag|hbcab|anti-hbc|anti-hcv|human immunodeficiency virus)[\\s\\S]*" },
  /* "No serious illnesses ... as cancer, autoimmune disease": examples of
   * what "no" excludes, not requirements (NCT00458770). */
  { K_MASK, "no ",
    "\\bno\\s+(?:serious\\s+|severe\\s+|significant\\s+|other\\s+)*(?:illness(?:es)?|diseases?|conditions?)\\b[^.;]{0,40}?\\b(?:as|such as|like|including)\\b[^.;]*" },
  /* Infections of one kind only ("active viral infections", "bacterial
   * infection"): narrower than any active infection (NCT06223893, NCT05405374). */
  { K_MASK, "viral|bacterial|fungal",
    "\\b(?:(?:overt|active|uncontrolled|systemic)\\s+(?:or\\s+)?)*(?:viral|bacterial|fungal)(?:\\s*(?:or|and|and/or)\\s*(?:viral|bacterial|fungal))?\\s+infections?" },
  /* "HIV testing is required": a test to be done, not its result (NCT05798663). */
  { K_MASK, "hiv", "\\bhiv\\s+(?:test|testing|screening)\\s+(?:is|are|will be)\\s+(?:required|mandatory|performed|done)\\b" },
  /* A risk of infection is no infection ("a \"high risk\" situation of severe
   * infection", NCT05793801). */
  { K_MASK, "risk", "\\brisks?\\W{0,3}(?:situation\\s+|group\\s+)?(?:of|for)\\s+(?:a\\s+)?(?:severe\\s+|serious\\s+)?infections?"
    /* and what defines the risk: a future neutropenia, not a count now */
    "(?:\\s+defined\\s+(?:as|by)\\b[^.;]*)?" },
  /* The capacity to consent is not consent signed (NCT05508360). */
  { K_MASK, "consent", "\\bability to (?:provide|give|sign)\\s+(?:written\\s+)?informed consent(?=[^.;]{0,120}?\\b(?:is|are|be)\\s+(?:compromised|impaired|limited)\\b)" },
  /* Infections and other conditions. */
  { K_BOOL, "hiv|immunodeficiency virus|aids",
    "\\b(?:(?:positive|seropositiv[a-z]*)\\s+(?:for\\s+)?)?(?:human immunodeficiency virus(?:\\s*\\(hiv\\))?|hiv(?![a-z])(?:[- ]?1)?(?:\\s*(?:/|or|and)\\s*(?:hiv[- ]?)?2)?(?:\\s*/\\s*aids\\b)?)"
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
    "(?!\\s+(?:with|by|of|due to)\\s+(?:the\\s+)?(?:human immunodeficiency|hiv|hepatitis|hbv|hcv|cmv|ebv|cytomegalovirus|epstein|sars|covid|syphilis))"
    /* Not one that needs systemic therapy, nor one in one place ("in the
     * lumbar spine"): only some active infections. */
    "(?!\\s+(?:requiring|that requires?|which requires?|needing|in need of)\\b)"
    "(?!\\s+(?:in|at|on|of)\\s+(?!(?:the\\s+)?(?:past|last|previous|preceding|prior|opinion|investigator|any|screening|baseline|time|"
    "enrol+ment|randomi[sz]ation|study|registration|entry|inclusion|day|date|start|least)\\b|\\d)[a-z])|"
    "\\b(?:(?:sepsis|septic[a-z]*)\\s+or\\s+)?other uncontrollable infections?", "active_infection" },
  /* Sepsis is one active infection, not all of them (NCT03937544). */
  { K_BOOL_PARTIAL, "sepsis|septic",
    "\\b(?:(?:uncontrolled|active)\\s+)?(?:sepsis|septic[a-z]*|septicemia|septicaemia)", "active_infection" },
  /* autoimmune_disease is an active one needing therapy: any other mention
   * ("has autoimmune disease", "history of") is wider, the atom partial. */
  { K_BOOL, "autoimmune|auto-immune", "\\bactive\\s+auto-?immune (?:diseases?|disorders?)", "autoimmune_disease" },
  { K_BOOL_PARTIAL, "autoimmune|auto-immune", "\\bauto-?immune (?:diseases?|disorders?)", "autoimmune_disease" },
  /* "CTCAE > grade 2 active infection": only some active infections. */
  { K_MASK, "grade", "(?:[<>]=?\\s*)grade\\s*(?:[1-5]|i{1,3}|iv)\\s+(?:clinically significant\\s+)?(?:active\\s+)?infections?|"
    "\\bgrade\\s*(?:[1-5]|i{1,3}|iv)\\s+(?:or (?:higher|greater|above)\\s+)?(?:clinically significant\\s+)?(?:active\\s+)?infections?" },
  { K_BOOL, "immun", "\\b(?:immune deficiency|immunodeficiency|immunodeficient)(?!\\s+virus)(?:\\s+(?:diseases?|disorders?|syndromes?))?", "immunodeficiency" },
  { K_BOOL, "coagulation|dic", "\\b(?:disseminated|diffuse) intravascular coagulation(?:\\s*\\(dic\\))?|\\bdic\\b", "dic" },
  /* A history of it is wider than uncontrolled now (NCT05405374). */
  { K_BOOL_PARTIAL, "diabetes", "\\bhistory of\\s+(?:uncontrolled|uncontrollable|poorly controlled)\\s+(?:type [12] )?diabetes(?: mellitus)?", "uncontrolled_diabetes" },
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
    "\\b(?:pregnan(?:t|cy)\\b(?:\\s+(?:women|females?))?|(?:lactating|nursing|breast[- ]?feeding|breasting-feeding|lactation)\\b(?:\\s+(?:women|females?))?)"
    "(?!\\s+(?:after|between|at\\s+(?!the time of)|through|via|by|from|due|following|of\\s+\\d|in\\s+(?:the\\s+)?(?:first|second|third)))",
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

  /* Consent boilerplate (issue 12). The variable is the patient's or the
   * guardian's signed consent. */
  { K_CONSENT, "consent",
    "^(?:(?:a|the)\\s+)?(?:(?:written|signed|dated|voluntary)\\s+(?:and\\s+)?)*(?:informed\\s+)?(?:written\\s+)?consent(?:\\s+forms?|\\s+documents?)?(?:\\s*\\(icf\\))?"
    "(?:\\s+(?:is\\s+|has been\\s+|must be\\s+)?(?:provided|given|obtained|signed)(?:\\s+and\\s+dated)?)?"
    "(?:\\s+(?:from|by|of)\\s+(?:the\\s+)?(?:patients?|participants?|subjects?|parents?|legal(?:ly)?\\s+(?:authori[sz]ed\\s+)?(?:representatives?|guardians?)|guardians?)"
    "(?:\\s*(?:,|and/or|or|and|/)\\s*(?:the\\s+|their\\s+)?(?:patients?|participants?|subjects?|parents?|legal(?:ly)?\\s+(?:authori[sz]ed\\s+)?(?:representatives?|guardians?)|guardians?))*)?\\s*[.;]?\\s*$" },
  /* "... and sign the consent form"; not "from the time they sign consent",
   * nor the consent for a companion study. */
  { K_CONSENT, "consent",
    "(?:^|\\b(?:must|and|to|has|have|who|having|will)\\s+)(?:(?:read|understood|agreed?(?:\\s+to)?)\\s*(?:,|and)?\\s*)*sign(?:ed|s)?\\s+(?:the\\s+|an?\\s+)?(?:written\\s+)?consent(?:\\s+forms?)?"
    "(?!\\s+for\\s+(?:the\\s+)?(?:companion|long|optional|future|separate|other))" },
  { K_CONSENT, "consent",
    "^(?:(?:the\\s+)?signature|approval to sign|availability)\\s+of\\s+(?:the\\s+|an?\\s+)?(?:written\\s+)?informed\\s+(?:written\\s+)?consent(?:\\s+forms?)?(?:\\s*\\(icf\\))?" },
  { K_NOT, "consent",
    "^(?:(?:the\\s+)?(?:patients?|subjects?|participants?)\\s+(?:who\\s+)?)?(?:refus(?:al|es?|ed)|lack|absence|no)\\s+(?:to\\s+|of\\s+)?(?:(?:sign|give|provide)\\s+|signature of\\s+|signed\\s+)?(?:the\\s+|an?\\s+)?"
    "(?:written\\s+)?informed\\s+(?:written\\s+)?consent(?:\\s+forms?)?(?:\\s*\\(icf\\))?(?:\\s+(?:is\\s+)?(?:given|signed|obtained))?\\s*[.;]?\\s*$", "informed_consent" },
  /* "Patients or their legally authorized representative must provide
   * written informed consent": who signs, not two alternatives. */
  { K_NEUTRAL, "representative|guardian|parent",
    "\\b(?:patients?|subjects?|participants?)\\s+(?:and/or|or)\\s+(?:their|his/her|his or her)\\s+"
    "(?:legal(?:ly)?\\s+(?:authori[sz]ed\\s+)?representatives?|(?:legal\\s+)?guardians?|parents?)(?:\\s*\\([^)]{0,20}\\))?" },
  { K_CONSENT, "consent",
    "\\b(?:has\\s+|have\\s+)?(?:given|provided?|signed)\\s+(?:(?:free|freely|written|voluntary|signed|dated)\\s*(?:,|and)?\\s*)+informed consent(?:\\s+forms?)?" },
  /* "Unable to give consent": a guardian's consent may not answer it. */
  { K_NOT_PARTIAL, "consent",
    "^(?:(?:the\\s+)?(?:patients?|subjects?|participants?)\\s+(?:who\\s+(?:are|is)\\s+)?)?(?:unable|inability|unability|not able)\\s+to\\s+(?:sign|give|provide)\\s+(?:the\\s+|an?\\s+)?(?:written\\s+)?(?:informed\\s+)?consent\\s*[.;]?\\s*$",
    "informed_consent" },

  /* Compliance boilerplate. */
  { K_BOOL, "comply|adhere|abide",
    "\\b(?:(?:stated\\s+)?(?:willing(?:ness)?|able|ability)\\s+(?:and|and/or)\\s+(?:willing(?:ness)?|able|ability)|willing(?:ness)?|able|ability)\\s+to\\s+(?:comply|adhere|abide)\\s+(?:with|to|by)\\s+"
    "(?:all\\s+)?(?:the\\s+)?(?:(?:scheduled|study|protocol|trial)\\s+)?(?:visits?|visit schedule|procedures|requirements|schedule|follow-up)(?:\\s*(?:,\\s*(?:and/or|and)?|and/or|and|/)\\s*(?:all\\s+)?(?:the\\s+)?(?:(?:study|protocol)\\s+)?(?:visits?|visit schedule|procedures|requirements|schedule|follow-up(?:\\s+(?:examinations?|visits?))?|treatment plans?|(?:study\\s+)?treatment|laboratory tests|(?:other\\s+)?(?:specified\\s+)?study procedures))*",
    "able_to_comply" },
  { K_NOT, "comply|compliance",
    "\\b(?:(?:unwilling|unable|not willing|not able)(?:\\s+(?:or|and/or|and|/)\\s*(?:unwilling|unable|not able))?|inability|unwillingness)\\s+to\\s+(?:comply|adhere)\\s+with\\s+(?:all\\s+)?(?:the\\s+)?"
    "(?:(?:study|protocol|trial)\\s+)?(?:procedures|requirements|visits?|protocol)(?:\\s+of the (?:study|protocol))?|\\b(?:foreseeable\\s+)?poor compliance (?:to|with) (?:the\\s+)?(?:study|protocol) (?:procedures|requirements)",
    "able_to_comply" },

  /* Hypersensitivity to what the trial gives. */
  { K_BOOL, "hypersensitiv|allerg|intoleran",
    "\\b(?:known\\s+|documented\\s+)?(?:history of\\s+)?(?:hypersensitivity|allerg(?:y|ies)|allergic reactions?)(?:\\s+reactions?)?\\s+(?:to|against)\\s+(?:any\\s+)?(?:of\\s+)?(?:the\\s+)?"
    "(?:(?:components?|ingredients?|excipients?|constituents?)\\s+(?:of\\s+)?(?:the\\s+)?)?(?:study|investigational|trial|test)\\s+(?:drugs?|products?|treatments?|medications?|agents?|therap(?:y|ies)|medicinal products?)"
    "(?:\\s+or\\s+(?:to\\s+)?(?:any\\s+)?(?:of\\s+)?(?:its|their)\\s+(?:components?|ingredients?|excipients?))?", "hypersensitivity_study_drug" },

  /* Another interventional trial: exclusions only. Without the word
   * "interventional" the text may mean any study, so the atom is partial. */
  { K_BOOL_EXCL, "interventional",
    "(?<!plan for )(?<!plans for )(?<!plan to )(?<!plans to )(?<!planned )\\b(?:(?:concurrent|current|simultaneous|ongoing|active)(?:ly)?\\s+)?(?:participation|participating|enrol+(?:ment|ed)|taking part)\\s+in\\s+(?:an?\\s+|any\\s+)?(?:other|another)\\s+interventional\\s+(?:clinical\\s+)?(?:trials?|stud(?:y|ies))", "in_other_trial" },
  { K_BOOL_EXCL, "trial|stud",
    "(?<!plan for )(?<!plans for )(?<!plan to )(?<!plans to )(?<!planned )\\b(?:(?:concurrent|current|simultaneous|ongoing|active)(?:ly)?\\s+)?(?:participation|participating|enrol+(?:ment|ed)|taking part)\\s+in\\s+(?:an?\\s+|any\\s+)?(?:other|another)\\s+(?:clinical\\s+)?(?:trials?|stud(?:y|ies))", "in_other_trial", "partial" },

  /* "Difficulty completing the visits", "not compliant enough". */
  /* "Subjects judged by the investigator (to have) ...": who judges, not a
   * condition of its own (unlike "and as deemed by the investigator"). */
  { K_NEUTRAL, "investigator", "\\b(?:subjects?|patients?|participants?)\\s+(?:who\\s+(?:are|were)\\s+)?(?:judged|deemed|considered)\\s+by\\s+the\\s+investigator" },
  { K_NEUTRAL, "participate", "\\b(?:has\\s+)?(?:voluntarily\\s+)?agreed?\\s+to\\s+participate(?:\\s+in\\s+(?:the|this)\\s+(?:study|trial))?" },
  { K_NOT, "difficult|complian",
    "\\b(?:had\\s+|have\\s+|has\\s+)?difficult(?:y|ies)\\s+(?:in\\s+)?completing\\s+(?:all\\s+)?(?:the\\s+)?(?:study\\s+)?(?:visits|procedures)(?:\\s+(?:or|and|and/or)\\s+(?:procedures|visits))?"
    "(?:\\s+required\\s+by\\s+the\\s+(?:study\\s+)?protocol)?(?:\\s*\\((?:including\\s+)?follow-up visits\\))?|"
    "\\b(?:were|was|is|are)\\s+not\\s+compliant(?:\\s+enough)?(?:\\s+to\\s+participate\\s+in\\s+the\\s+(?:study|trial))?", "able_to_comply" },
  /* A clinical experiment is interventional. */
  { K_BOOL_EXCL, "experiment",
    "\\bparticipat(?:e|es|ion|ing)\\s+in\\s+(?:an?\\s+|any\\s+)?(?:other|another)\\s+clinical\\s+experiment(?:s|ers?)?(?:\\s+(?:during the same period|at the same time|concurrently|simultaneously))?", "in_other_trial" },
  /* Primary (inborn) immunodeficiency: narrower than immunodeficiency. */
  { K_BOOL, "immun", "\\bprimary\\s+(?:immune deficiency|immunodeficiency)(?:\\s+(?:disease|disorder|syndrome))?", "primary_immunodeficiency" },
};

static const char virus_name_pattern[] =
  "(?<hbv>hepatitis b virus|hbv)|(?<ebv>epstein[- ]barr virus|ebv)|(?<cmv>cytomegalovirus|cmv)|(?<hcv>hepatitis c virus|hcv)";

typedef struct
{
  GRegex *virus_name;
  GRegex *avoid;
  GRegex *female;
} FamilyPatterns;

static const FamilyPatterns *
infections_patterns (void)
{
  static FamilyPatterns p;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      p.virus_name = eligo_extractor_compile (virus_name_pattern);
      p.avoid = eligo_extractor_compile ("\\b(?:avoid(?:ed|ing)?|should not|discouraged)\\b");
      p.female = eligo_extractor_compile ("\\b(?:females?|wom[ae]n|girls?)\\b");
      g_once_init_leave (&initialized, 1);
    }

  return &p;
}

static Node *
build_viral (GMatchInfo *info,
             gboolean   *negated)
{
  g_autofree char *names = eligo_match_fetch (info, "names");
  g_autofree char *kind = eligo_match_fetch (info, "kind");
  g_autoptr(GMatchInfo) names_info = NULL;
  Node *group = eligo_node_new_group (NODE_OR);

  *negated = eligo_match_has (info, "neg");
  g_regex_match (infections_patterns ()->virus_name, names, 0, &names_info);
  while (g_match_info_matches (names_info))
    {
      const char *var = NULL;

      if (eligo_match_has (names_info, "hbv") && strcmp (kind, "dna") == 0)
        var = "hbv_dna_detectable";
      else if (eligo_match_has (names_info, "ebv") && strcmp (kind, "dna") == 0)
        var = "ebv_dna_detectable";
      else if (eligo_match_has (names_info, "cmv") && strcmp (kind, "dna") == 0)
        var = "cmv_dna_detectable";
      else if (eligo_match_has (names_info, "hcv") && strcmp (kind, "rna") == 0)
        var = "hcv_rna_detectable";
      if (var == NULL)
        {
          eligo_node_free (group);
          return NULL;
        }
      eligo_node_add (group, eligo_node_new_leaf (var));
      g_match_info_next (names_info, NULL);
    }
  if (group->children->len == 0 || (*negated && group->children->len > 1))
    {
      eligo_node_free (group);
      return NULL;
    }
  return group;
}

static Node *
read_infections (Reader        *reader,
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
    case K_VIRAL:
      {
        gboolean negated;

        node = build_viral (info, &negated);
        if (node != NULL && node->children->len == 1)
          {
            Node *leaf = eligo_node_copy (g_ptr_array_index (node->children, 0));

            eligo_node_free (node);
            node = leaf;
            *flags = FLAG_NEGATABLE | (negated ? FLAG_NEGATED : 0);
          }
      }
      break;

    case K_CARDIAC:
      /* The variable's window and list are loose: never the whole criterion. */
      node = eligo_node_new_leaf ("recent_cardiac_event");
      *flags = FLAG_NEGATABLE | FLAG_PARTIAL;
      break;

    case K_SEX_ALL:
      node = eligo_node_new_leaf ("sex in (female, male)");
      *flags = FLAG_SEX_ALL;
      /* "Subject is male or female. If female the subject is:": what the
       * colon opens was cut into other rows (NCT00399243). */
      if (g_regex_match_simple (":\\s*$", reader->text->str, 0, 0))
        *flags |= FLAG_PARTIAL;
      break;

    case K_SEX_FEMALE:
      node = eligo_node_new_leaf ("sex == female");
      break;

    case K_CONSENT:
      if (reader->kind != ELIGO_CRITERION_INCLUSION)
        {
          *done = TRUE;
          return NULL;
        }
      node = eligo_node_new_leaf ("informed_consent");
      *flags = FLAG_CONSENT;
      break;

    default:
      g_assert_not_reached ();
    }

  return node;
}

static gboolean
check_infections (Reader *reader,
                  Span   *atom)
{
  int top = eligo_reader_top_clause (reader, atom->clause);
  g_autofree char *clause_words = eligo_reader_clause_words (reader, reader->text->str, top);

      /* Pregnancy alone, or lactation alone, is narrower than the variable. */
      if (eligo_atom_is (atom, "pregnant_or_lactating") && atom->symbol != NULL)
        {
          gboolean other = FALSE;

          /* "Pregnant women are excluded ... breastfeeding should also be
           * avoided": a fact that is only to be avoided is not excluded. */
          if (g_regex_match (infections_patterns ()->avoid, clause_words, 0, NULL))
            {
              eligo_reader_drop_atom (reader, atom, "to be avoided, not excluded");
              return TRUE;
            }
          /* The other one counts only in the same sentence. */
          for (guint j = 0; j < reader->atoms->len; j++)
            {
              Span *o = g_ptr_array_index (reader->atoms, j);

              if (!(o->flags & FLAG_DROPPED) && eligo_atom_is (o, "pregnant_or_lactating") && o->symbol != NULL
                  && strcmp (o->symbol, atom->symbol) != 0
                  && eligo_reader_sentence_of (reader, o->start) == eligo_reader_sentence_of (reader, atom->start))
                {
                  g_autofree char *other_words = eligo_reader_clause_words (reader, reader->text->str, eligo_reader_top_clause (reader, o->clause));

                  if (!g_regex_match (infections_patterns ()->avoid, other_words, 0, NULL))
                    other = TRUE;
                }
            }
          if (!other)
            {
              /* One of them alone has a variable of its own; an inclusion
               * reads it only negated ("not pregnant"). */
              if (reader->kind == ELIGO_CRITERION_INCLUSION && !(atom->flags & FLAG_NEGATED))
                {
                  eligo_reader_drop_atom (reader, atom, "an inclusion does not require pregnancy");
                  return TRUE;
                }
              g_free (atom->node->text);
              atom->node->text = g_strdup (strcmp (atom->symbol, "pregnancy") == 0 ? "pregnant" : "breastfeeding");
              /* "Not pregnant female": the woman is not read. */
              if (reader->kind == ELIGO_CRITERION_INCLUSION
                  && g_regex_match (infections_patterns ()->female, reader->text->str, 0, NULL))
                atom->flags |= FLAG_PARTIAL;
              return FALSE;
            }
        }
      /* Requiring pregnancy is never what an inclusion means. */
      if (reader->kind == ELIGO_CRITERION_INCLUSION && eligo_atom_is (atom, "pregnant_or_lactating")
          && !(atom->flags & FLAG_NEGATED))
        {
          eligo_reader_drop_atom (reader, atom, "an inclusion does not require pregnancy");
          return TRUE;
        }
      /* "Sexually active participants not willing to use contraception". */
      if (eligo_atom_is (atom, "contraception_agreed") || (atom->node != NULL && atom->node->text != NULL
                                                    && strcmp (atom->node->text, "not contraception_agreed") == 0))
        if (strstr (reader->text->str, "sexually active") != NULL)
          {
            eligo_reader_drop_atom (reader, atom, "only for the sexually active");
            return TRUE;
          }
  return FALSE;
}

const EligoFamily eligo_rule_family_infections = {
  "infections and other conditions", matchers, G_N_ELEMENTS (matchers), read_infections, check_infections,
};
