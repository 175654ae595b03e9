/* eligo-rule-extractor-labs.c
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
 * Laboratory values and their units: bilirubin, creatinine, urea and the
 * transaminases against the upper limit of normal or in mg/dL, umol/L and
 * U/L (converted by a fixed factor); neutrophils and platelets in any
 * spelling of 10^9/L or per microlitre; hemoglobin in g/dL or g/L.
 */

#define ULNRE "\\s*(?:x|times|-?fold)?\\s*(?:the\\s+)?(?:institutional\\s+)?" \
  "(?:uln|upper limits? (?:of )?(?:the )?normal(?: range| value| limit)?s?(?: reference values?)?|" \
  "upper normal limit|(?:the )?normal (?:value|range|upper limit))" \
  "(?:\\s*[(\\[](?:uln|upper limit of normal)[)\\]])?(?:\\s+for (?:age|institution))?"
#define COUNTUNIT "(?<unit>x?\\s*10\\s*(?:\\^|\\*|e)\\s*(?:9|3)\\s*/\\s*(?:l|liter|ul|mm3|mm\\^3|mcl)|" \
  "g/l|(?:cells\\s*)?/\\s*(?:ul|mm3|mm\\^3|mcl|cubic mm)|k/ul)"

static const Matcher matchers[] = {
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
};

static const char lab_name_pattern[] =
  "(?<bili>(?<direct>direct|conjugated|indirect)?\\s*bilirubin|tbil)|(?<creat>creatinine|s?cr\\b)|(?<bun>blood urea nitrogen|bun|urea)|"
  "(?<alt>alanine|alt\\b|sgpt)|(?<ast>aspartate|ast\\b|sgot)|(?<both>transaminases?)";

typedef struct
{
  GRegex *lab_name;
  GRegex *bare_uln;
} FamilyPatterns;

static const FamilyPatterns *
labs_patterns (void)
{
  static FamilyPatterns p;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      p.lab_name = eligo_extractor_compile (lab_name_pattern);
      p.bare_uln = eligo_extractor_compile ("(?:(?:^|[;:,]|\\bor\\b)\\s*|\\([^()]{0,60}?)(?:<=|>=|<|>)\\s*\\d+(?:\\.\\d+)?\\s*(?:x|times|-?fold)?\\s*(?:the\\s+)?(?:uln|upper limit)");
      g_once_init_leave (&initialized, 1);
    }

  return &p;
}


/* Reads the names of a lab group ("ALT/AST", "BUN and serum creatinine")
 * into @vars, in order; FALSE if one of them is not a variable. */
static gboolean
read_lab_names (const char *names,
                gboolean    absolute,
                GPtrArray  *vars)
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (labs_patterns ()->lab_name, names, 0, &info);
  while (g_match_info_matches (info))
    {
      if (eligo_match_has (info, "direct"))
        return FALSE;
      if (eligo_match_has (info, "bili"))
        g_ptr_array_add (vars, absolute ? "bilirubin_umol_l" : "bilirubin_x_uln");
      else if (eligo_match_has (info, "creat"))
        g_ptr_array_add (vars, absolute ? "creatinine_umol_l" : "creatinine_x_uln");
      else if (eligo_match_has (info, "bun"))
        {
          if (absolute)
            return FALSE;
          g_ptr_array_add (vars, "bun_x_uln");
        }
      else if (eligo_match_has (info, "alt"))
        g_ptr_array_add (vars, absolute ? "alt_u_l" : "alt_x_uln");
      else if (eligo_match_has (info, "ast"))
        g_ptr_array_add (vars, absolute ? "ast_u_l" : "ast_x_uln");
      else if (eligo_match_has (info, "both"))
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
  g_autofree char *names = eligo_match_fetch (info, "names");
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  g_autofree char *unit = eligo_match_fetch (info, "unit");
  g_autoptr(GPtrArray) vars = g_ptr_array_new ();
  double value;
  Op op = eligo_parse_op (op_str);
  Node *group;

  if (op == OP_NONE || !eligo_parse_number (num, &value) || !read_lab_names (names, absolute, vars))
    return NULL;

  if (vars->len > 1 && reader->kind == ELIGO_CRITERION_INCLUSION
      && ELIGO_MATCH_ONCE ("\\bor\\b", names, 0) && strstr (names, "and/or") == NULL)
    return NULL;

  group = eligo_node_new_group (reader->kind == ELIGO_CRITERION_INCLUSION ? NODE_AND : NODE_OR);
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
              eligo_node_free (group);
              return NULL;
            }
        }
      else if (value <= 0 || value > 50)
        {
          eligo_node_free (group);
          return NULL;
        }
      eligo_node_add (group, eligo_leaf_compare (var, op, v));
    }

  *partial = FALSE;
  return group;
}

static Node *
build_count (GMatchInfo  *info,
             const char  *var)
{
  g_autofree char *num = eligo_match_fetch (info, "num");
  g_autofree char *op_str = eligo_match_fetch (info, "op");
  g_autofree char *unit = eligo_match_fetch (info, "unit");
  double value;
  Op op = eligo_parse_op (op_str);

  if (op == OP_NONE || !eligo_parse_number (num, &value) || unit == NULL)
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
  return eligo_leaf_compare (var, op, value);
}

static gboolean
has_bare_limit (Reader *reader,
                int     top)
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (labs_patterns ()->bare_uln, reader->conn, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int s, e;
      int at;
      int k;

      g_match_info_fetch_pos (info, 0, &s, &e);
      at = eligo_reader_top_clause (reader, reader->clause_of[s]);
      if (at == top)
        return TRUE;
      /* The limit opens its clause: it goes with the clause before. */
      for (k = s - 1; k >= 0 && eligo_reader_top_clause (reader, reader->clause_of[k]) == at; k--)
        if (!g_ascii_isspace (reader->conn[k]) && !strchr (";:,.", reader->conn[k]))
          break;
      if (k >= 0 && eligo_reader_top_clause (reader, reader->clause_of[k]) == at)
        continue;
      while (k >= 0 && eligo_reader_top_clause (reader, reader->clause_of[k]) != top
             && (g_ascii_isspace (reader->text->str[k]) || strchr (";:,.", reader->text->str[k]) != NULL))
        k--;
      if (k >= 0 && eligo_reader_top_clause (reader, reader->clause_of[k]) == top)
        return TRUE;
    }
  return FALSE;
}

static Node *
read_labs (Reader        *reader,
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
  gboolean partial = FALSE;

  switch (m->kind)
    {
    case K_LAB_ULN:
    case K_LAB_ABS:
      /* A lab we cannot read (direct bilirubin) is masked: its words stay uncovered. */
      node = build_lab_group (reader, info, m->kind == K_LAB_ABS, &partial);
      break;

    case K_COUNT:
      node = build_count (info, m->var);
      break;

    case K_HGB:
      {
        g_autofree char *num = eligo_match_fetch (info, "num");
        g_autofree char *op_str = eligo_match_fetch (info, "op");
        g_autofree char *unit = eligo_match_fetch (info, "unit");
        double value;

        if (eligo_parse_op (op_str) != OP_NONE && eligo_parse_number (num, &value))
          node = eligo_leaf_compare ("hemoglobin_g_l", eligo_parse_op (op_str), strcmp (unit, "g/dl") == 0 ? value * 10 : value);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (partial)
    *flags |= FLAG_PARTIAL;
  return node;
}

static gboolean
check_labs (Reader *reader,
            Span   *atom)
{
  int top = eligo_reader_top_clause (reader, atom->clause);

      /* "ALT <= 3x ULN; <= 5x ULN with liver involvement": a second limit
       * with no name is an alternative for the labs of its clause, or of
       * the clause before when it opens its own. */
      if (atom->node != NULL && eligo_node_mentions (atom->node, "_x_uln") && has_bare_limit (reader, top))
        {
          eligo_reader_drop_atom (reader, atom, "another limit for the same lab");
          return TRUE;
        }
  return FALSE;
}

const EligoFamily eligo_rule_family_labs = {
  "labs and units", matchers, G_N_ELEMENTS (matchers), read_labs, check_labs,
};
