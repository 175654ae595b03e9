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

#define KGM2 "(?:\\s*kg\\s*/\\s*m(?:\\^?2|2|²))"
#define NOT_PCT "(?![\\d.,]|\\s*%)"
#define IDEAL "(?!\\s*(?:\\([^)]{0,30}\\)\\s*)?(?:over|above|more than)\\s+(?:the\\s+)?ideal)"
#define QTC_NAME "\\b(?:qtc[fb]?|corrected qt)(?:\\s+interval)?(?:\\s*\\(qtc[fb]?\\))?(?:\\s+according to fridericia'?s formula\\s*\\(qtcf\\))?" \
  "(?:\\s+(?:interval\\s+)?prolongation)?"
#define QTC_SEX(n) "(?<" n ">males?|men|females?|women)"
#define QTC_MS "\\s*(?:ms|msec|milliseconds?)?"

static const Matcher matchers[] = {
  /* "Oxygen dependency to maintain SaO2 > 95%": the target of a therapy,
   * not the patient's saturation. */
  { K_MASK, "maintain|keep",
    "\\b(?:to\\s+)?(?:maintain|maintaining|keep|keeping)\\s+(?:an?\\s+|the\\s+)?(?:sao2|spo2|o2 saturation|oxygen saturation)(?:\\s*\\((?:spo2|sao2)\\))?\\s*"
    "(?:of\\s+|at\\s+)?(?:[<>]=?|above|below|over|under)?\\s*\\d+(?:\\.\\d+)?\\s*%" },
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

  /* Body weight and body-mass index. Not a weight "over ideal body
   * weight"; a second bound after "and" is read with the first. */
  { K_BOUNDS, "weight",
    "\\b(?:total\\s+)?(?:body\\s+)?weight\\s*(?:of\\s+|is\\s+|must be\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") "\\s*(?:kgs?|kilograms?)\\b" IDEAL
    "(?:\\s*(?:and|,)\\s*" OPRE ("op2") WS NUMRE ("num2") "\\s*(?:kgs?|kilograms?)\\b" IDEAL ")?", "weight_kg" },
  { K_BOUNDS, "bmi|body mass",
    "\\b(?:body mass index|bmi)(?:\\s*\\(bmi\\))?\\s*(?:of\\s+|is\\s+|must be\\s+|:\\s*)?" OPRE ("op") WS NUMRE ("num") NOT_PCT KGM2 "?"
    "(?:\\s*(?:and|,)\\s*" OPRE ("op2") WS NUMRE ("num2") NOT_PCT KGM2 "?)?", "bmi_kg_m2" },
  { K_BMI_RANGE, "bmi|body mass",
    "\\b(?:body mass index|bmi)(?:\\s*\\(bmi\\))?\\s*(?:of\\s+|is\\s+|must be\\s+|ranged?\\s+from\\s+|:\\s*)?(?:between\\s+)?(?<num>\\d+(?:\\.\\d+)?)\\s*(?:kg\\s*/\\s*m(?:\\^?2|2|²)\\s*)?(?:to|-|and)\\s*(?<num2>\\d+(?:\\.\\d+)?)\\s*(?:kg\\s*/\\s*m(?:\\^?2|2|²))?(?:,?\\s*(?:\\(?(?:both values\\s+)?inclusive\\)?))?" NOT_PCT },
  /* QTc limits by sex: "QTcF of <= 450 ms in males or <= 470 ms in females",
   * "(male > 450 ms; female > 470 ms)": each limit for its own sex. */
  { K_QTC_SEX, "qtc|corrected qt",
    QTC_NAME "\\s*(?:of\\s+|is\\s+|:\\s*)?" OPRE ("opa") WS "(?<na>\\d{3})" QTC_MS "\\s+(?:in|for)\\s+" QTC_SEX ("sa")
    "\\s*(?:,|;|or|and)\\s*" OPRE ("opb") WS "(?<nb>\\d{3})" QTC_MS "\\s+(?:in|for)\\s+" QTC_SEX ("sb") "(?![a-z])" },
  { K_QTC_SEX, "qtc|corrected qt",
    QTC_NAME "\\s*(?:\\(|:|,)?\\s*(?:(?:in|for)\\s+)?" QTC_SEX ("sa") "\\s*:?\\s*" OPRE ("opa") WS "(?<na>\\d{3})" QTC_MS
    "\\s*(?:,|;|or|and)\\s*(?:(?:in|for)\\s+)?" QTC_SEX ("sb") "\\s*:?\\s*" OPRE ("opb") WS "(?<nb>\\d{3})" QTC_MS "\\s*\\)?" },
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

/* "BMI 18 to 35 kg/m2": both ends included. */
static Node *
build_bmi_range (GMatchInfo *info)
{
  g_autofree char *lo = eligo_match_fetch (info, "num");
  g_autofree char *hi = eligo_match_fetch (info, "num2");
  double l, h;
  Node *node;

  if (!eligo_parse_number (lo, &l) || !eligo_parse_number (hi, &h) || l >= h)
    return NULL;
  node = eligo_node_new_group (NODE_AND);
  eligo_node_add (node, eligo_leaf_compare ("bmi_kg_m2", OP_GE, l));
  eligo_node_add (node, eligo_leaf_compare ("bmi_kg_m2", OP_LE, h));
  return node;
}

/* "(sex == male and qtc_ms > 450) or (sex == female and qtc_ms > 470)",
 * or NULL unless the two limits are for the two sexes. */
static Node *
build_qtc_sex (GMatchInfo *info)
{
  const char *sexes[2] = { NULL, NULL };
  Node *node = eligo_node_new_group (NODE_OR);

  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *sex = eligo_match_fetch (info, k == 0 ? "sa" : "sb");
      g_autofree char *op_str = eligo_match_fetch (info, k == 0 ? "opa" : "opb");
      g_autofree char *num = eligo_match_fetch (info, k == 0 ? "na" : "nb");
      g_autofree char *is = NULL;
      Op op = eligo_parse_op (op_str);
      Node *group;
      double value;

      if (sex == NULL || op == OP_NONE || !eligo_parse_number (num, &value))
        {
          eligo_node_free (node);
          return NULL;
        }
      sexes[k] = g_str_has_prefix (sex, "f") || g_str_has_prefix (sex, "w") ? "female" : "male";
      is = g_strdup_printf ("sex == %s", sexes[k]);
      group = eligo_node_new_group (NODE_AND);
      eligo_node_add (group, eligo_node_new_leaf (is));
      eligo_node_add (group, eligo_leaf_compare ("qtc_ms", op, value));
      eligo_node_add (node, group);
    }
  if (strcmp (sexes[0], sexes[1]) == 0)
    {
      eligo_node_free (node);
      return NULL;
    }
  return node;
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
  g_autofree char *op_str = NULL;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  Op op;
  int l, h;

  if (m->kind == K_BMI_RANGE)
    return build_bmi_range (info);
  if (m->kind == K_QTC_SEX)
    {
      *flags = FLAG_OWN_GROUPS;
      return build_qtc_sex (info);
    }

  g_assert (m->kind == K_NYHA);
  op_str = eligo_match_fetch (info, "op");
  lo = eligo_match_fetch (info, "lo");
  hi = eligo_match_fetch (info, "hi");
  op = eligo_parse_op (op_str);
  l = roman (lo);
  h = roman (hi);
  if (op != OP_NONE && h == 0 && l > 0)
    return eligo_leaf_compare ("nyha_class", op, l);
  if (op == OP_NONE && l > 0 && h == 4 && l < 4)
    return eligo_leaf_compare ("nyha_class", OP_GE, l);
  return NULL;
}

const EligoFamily eligo_rule_family_organ = {
  "organ function", matchers, G_N_ELEMENTS (matchers), read_organ, NULL,
};
