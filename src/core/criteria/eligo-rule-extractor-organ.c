/* eligo-rule-extractor-organ.c
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
 * Organ function: creatinine clearance or eGFR, the ejection fraction,
 * oxygen saturation, the QTc interval, blood pressure and the NYHA class.
 */

static const Matcher matchers[] = {
  /* Kidney, heart, lungs, blood pressure. */
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
  { K_NYHA, "nyha|new york heart",
    "\\b(?:new york heart (?:association|society)(?: functional (?:classification|grading method))?\\s*(?:\\(nyha\\)\\s*)?|nyha\\s*)"
    "(?:functional\\s+)?(?:class(?:ification)?|grade|stage)?\\s*(?:" OPRE ("op") WS ")?(?<lo>iv|iii|ii|i|[1-4])(?![a-z\\d])(?:\\s*(?:or|/|-|to|and)\\s*(?<hi>iv|iii|ii|i|[1-4])(?![a-z\\d]))?" },
};

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

static Node *
read_organ (Reader        *reader,
            const Matcher *m,
            int            order,
            GMatchInfo    *info,
            int            start,
            int            end,
            guint         *flags,
            gboolean      *ok,
            gboolean      *done)
{
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  g_autofree char *lo = eligo_match_fetch (info, "lo");
  g_autofree char *hi = eligo_match_fetch (info, "hi");
  Op op = eligo_parse_op (op_str);
  int l = roman (lo);
  int h = roman (hi);

  g_assert (m->kind == K_NYHA);
  if (op != OP_NONE && h == 0 && l > 0)
    return eligo_leaf_compare ("nyha_class", op, l);
  if (op == OP_NONE && l > 0 && h == 4 && l < 4)
    return eligo_leaf_compare ("nyha_class", OP_GE, l);
  return NULL;
}

const EligoFamily eligo_rule_family_organ = {
  "organ function", matchers, G_N_ELEMENTS (matchers), read_organ, NULL,
};
