/* test-rule.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule language: parsing, printing, errors and three-valued evaluation.
 */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "eligo-rule.h"

#define T ELIGO_TRUTH_TRUE
#define F ELIGO_TRUTH_FALSE
#define U ELIGO_TRUTH_UNKNOWN

/* Facts for evaluation, written as "name:value name:value ...". A value is
 * a number, true or false, "?" (the lookup answers with
 * ELIGO_VALUE_UNKNOWN), or else an enum symbol. A variable not listed is
 * unknown too (the lookup returns FALSE). */
static gboolean
lookup_facts (const char *name,
              EligoValue *value,
              gpointer    user_data)
{
  g_auto(GStrv) facts = g_strsplit (user_data, " ", -1);
  gsize len = strlen (name);

  for (guint i = 0; facts[i] != NULL; i++)
    {
      const char *v;
      char *end;
      double number;

      if (strncmp (facts[i], name, len) != 0 || facts[i][len] != ':')
        continue;

      v = facts[i] + len + 1;
      number = g_ascii_strtod (v, &end);
      if (strcmp (v, "?") == 0)
        value->kind = ELIGO_VALUE_UNKNOWN;
      else if (strcmp (v, "true") == 0 || strcmp (v, "false") == 0)
        {
          value->kind = ELIGO_VALUE_BOOL;
          value->boolean = strcmp (v, "true") == 0;
        }
      else if (end != v && *end == '\0')
        {
          value->kind = ELIGO_VALUE_NUMBER;
          value->number = number;
        }
      else
        {
          value->kind = ELIGO_VALUE_SYMBOL;
          value->symbol = g_intern_string (v);
        }
      return TRUE;
    }

  return FALSE;
}

static EligoRule *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  guint offset = 12345;
  EligoRule *rule;

  rule = eligo_rule_parse (text, &offset, &error);
  if (error != NULL)
    g_test_message ("parsing “%s”: %s", text, error->message);
  g_assert_no_error (error);
  g_assert_nonnull (rule);
  g_assert_cmpuint (offset, ==, 12345);

  return rule;
}

static EligoTruth
evaluate (const char *text,
          const char *facts)
{
  g_autoptr(EligoRule) rule = parse_ok (text);

  return eligo_rule_evaluate (rule, lookup_facts, (gpointer) facts);
}

static void
assert_evaluates (const char *text,
                  const char *facts,
                  EligoTruth  expected)
{
  EligoTruth result = evaluate (text, facts);

  if (result != expected)
    g_test_message ("“%s” with “%s”: got %d, expected %d", text, facts, result, expected);
  g_assert_cmpint (result, ==, expected);
}

static void
assert_canonical (const char *text,
                  const char *canonical)
{
  g_autoptr(EligoRule) rule = parse_ok (text);
  g_autoptr(EligoRule) again = NULL;
  g_autofree char *printed = eligo_rule_to_string (rule);
  g_autofree char *reprinted = NULL;

  g_assert_cmpstr (printed, ==, canonical);
  again = parse_ok (printed);
  g_assert_true (eligo_rule_equal (rule, again));
  g_assert_true (eligo_rule_equal (again, rule));
  reprinted = eligo_rule_to_string (again);
  g_assert_cmpstr (reprinted, ==, printed);
}

static void
test_rule_round_trip (void)
{
  static const struct {
    const char *text;
    const char *canonical;   /* NULL: the same as text */
  } cases[] = {
    { "age_years >= 14 and age_years <= 80", NULL },
    { "ecog <= 2", NULL },
    { "creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5", NULL },
    { "not prior_car_t", NULL },
    { "diagnosis in (B-ALL, Burkitt, CML-BP)", NULL },
    { "sex == female", NULL },
    { "(hiv_positive or hbsag_positive) and not cd19_positive", NULL },
    { "ecog < 2", NULL },
    { "ecog > 2", NULL },
    { "ecog == 2", NULL },
    { "ecog != 2", NULL },
    { "sex != male", NULL },
    { "lvef_pct >= 40 and not recent_cardiac_event", NULL },
    { "not not prior_car_t", NULL },
    { "not (prior_car_t or prior_hsct)", NULL },
    { "not (ecog <= 2 and karnofsky >= 60)", NULL },
    { "hiv_positive or hbsag_positive and hcv_ab_positive", NULL },
    { "(hiv_positive or hbsag_positive) and (hcv_ab_positive or hcv_rna_detectable)", NULL },
    { "((hiv_positive))", "hiv_positive" },
    { "(ecog <= 2)", "ecog <= 2" },
    { "hiv_positive or (hbsag_positive and hcv_ab_positive)",
      "hiv_positive or hbsag_positive and hcv_ab_positive" },
    { "bilirubin_x_uln <= 0.25", NULL },
    { "anc_10e9_l >= 0.5", NULL },
    { "qtc_ms < 480", NULL },
    { "platelets_10e9_l >= 50.0", "platelets_10e9_l >= 50" },
    { "hemoglobin_g_l >= 080", "hemoglobin_g_l >= 80" },
    { "age_years >= 0.1 and age_years < 1.333", NULL },
    { "csf_blasts_per_ul < 1e9", "csf_blasts_per_ul < 1000000000" },
    { "csf_blasts_per_ul < 1e20", "csf_blasts_per_ul < 1e+20" },
    { "csf_blasts_per_ul < 1e+20", NULL },
    { "csf_blasts_per_ul > 1e-05", NULL },
    { "ecog \u2264 2", "ecog <= 2" },
    { "ecog \u2265 2", "ecog >= 2" },
    { "ecog \u2260 2", "ecog != 2" },
    { "sex = female", "sex == female" },
    { "age_years>=18AND age_years<=75", "age_years >= 18 and age_years <= 75" },
    { "  ecog\t<=\n2  ", "ecog <= 2" },
    { "ecog\u00a0<= 2", "ecog <= 2" },
    { "NOT prior_car_t Or ecog <= 1", "not prior_car_t or ecog <= 1" },
    { "diagnosis in (T-ALL)", NULL },
    { "diagnosis in(AML,MPAL ,other)", "diagnosis in (AML, MPAL, other)" },
    { "not diagnosis in (B-ALL, T-ALL)", NULL },
    { "disease_status in (relapsed, refractory) and not mrd_negative", NULL },
    { "prior_car_t == true", "prior_car_t" },
    { "prior_car_t != false", "prior_car_t" },
    { "prior_car_t == false", "not prior_car_t" },
    { "prior_car_t != TRUE", "not prior_car_t" },
    { "not prior_car_t == false", "not not prior_car_t" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("case %u: %s", i, escaped);
      assert_canonical (cases[i].text,
                        cases[i].canonical != NULL ? cases[i].canonical : cases[i].text);
    }
}

static void
test_rule_precedence (void)
{
  g_autoptr(EligoRule) or_and = parse_ok ("hiv_positive or hbsag_positive and dic");
  g_autoptr(EligoRule) explicit_or_and = parse_ok ("hiv_positive or (hbsag_positive and dic)");
  g_autoptr(EligoRule) grouped = parse_ok ("(hiv_positive or hbsag_positive) and dic");
  g_autoptr(EligoRule) not_and = parse_ok ("not hiv_positive and dic");
  g_autoptr(EligoRule) explicit_not_and = parse_ok ("(not hiv_positive) and dic");
  g_autoptr(EligoRule) not_group = parse_ok ("not (hiv_positive and dic)");
  const EligoRule *child;

  g_assert_cmpint (eligo_rule_get_kind (or_and), ==, ELIGO_RULE_OR);
  g_assert_cmpuint (eligo_rule_get_n_children (or_and), ==, 2);
  g_assert_cmpint (eligo_rule_get_kind (eligo_rule_get_child (or_and, 0)), ==, ELIGO_RULE_VARIABLE);
  g_assert_cmpint (eligo_rule_get_kind (eligo_rule_get_child (or_and, 1)), ==, ELIGO_RULE_AND);
  g_assert_true (eligo_rule_equal (or_and, explicit_or_and));
  g_assert_false (eligo_rule_equal (or_and, grouped));

  g_assert_cmpint (eligo_rule_get_kind (grouped), ==, ELIGO_RULE_AND);
  g_assert_cmpint (eligo_rule_get_kind (eligo_rule_get_child (grouped, 0)), ==, ELIGO_RULE_OR);

  g_assert_cmpint (eligo_rule_get_kind (not_and), ==, ELIGO_RULE_AND);
  child = eligo_rule_get_child (not_and, 0);
  g_assert_cmpint (eligo_rule_get_kind (child), ==, ELIGO_RULE_NOT);
  g_assert_cmpstr (eligo_rule_get_variable (eligo_rule_get_child (child, 0)), ==, "hiv_positive");
  g_assert_true (eligo_rule_equal (not_and, explicit_not_and));
  g_assert_false (eligo_rule_equal (not_and, not_group));
  g_assert_cmpint (eligo_rule_get_kind (not_group), ==, ELIGO_RULE_NOT);

  assert_canonical ("(not hiv_positive) and dic", "not hiv_positive and dic");
  assert_canonical ("not (hiv_positive and dic)", "not (hiv_positive and dic)");
  assert_canonical ("(dic and hiv_positive) or (ecog < 1 and not dic)",
                    "dic and hiv_positive or ecog < 1 and not dic");
  assert_canonical ("not (not dic)", "not not dic");

  /* Evaluation agrees with the precedence: true or (false and false) */
  assert_evaluates ("hiv_positive or hbsag_positive and dic",
                    "hiv_positive:true hbsag_positive:false dic:false", T);
  assert_evaluates ("(hiv_positive or hbsag_positive) and dic",
                    "hiv_positive:true hbsag_positive:false dic:false", F);
  assert_evaluates ("not hiv_positive and dic", "hiv_positive:true dic:true", F);
  assert_evaluates ("not hiv_positive and dic", "hiv_positive:false dic:true", T);
}

static void
test_rule_flatten (void)
{
  static const char * const ands[] = {
    "dic and hiv_positive and ecog < 2",
    "dic and (hiv_positive and ecog < 2)",
    "(dic and hiv_positive) and ecog < 2",
    "((dic and hiv_positive)) and (ecog < 2)",
  };
  g_autoptr(EligoRule) first = parse_ok (ands[0]);
  g_autoptr(EligoRule) ors = NULL;
  g_autoptr(EligoRule) mixed = NULL;

  g_assert_cmpint (eligo_rule_get_kind (first), ==, ELIGO_RULE_AND);
  g_assert_cmpuint (eligo_rule_get_n_children (first), ==, 3);

  for (guint i = 1; i < G_N_ELEMENTS (ands); i++)
    {
      g_autoptr(EligoRule) rule = parse_ok (ands[i]);
      g_autofree char *text = eligo_rule_to_string (rule);

      g_assert_true (eligo_rule_equal (first, rule));
      g_assert_cmpstr (text, ==, ands[0]);
    }

  ors = parse_ok ("dic or (hiv_positive or (ecog < 2 or hbsag_positive))");
  g_assert_cmpint (eligo_rule_get_kind (ors), ==, ELIGO_RULE_OR);
  g_assert_cmpuint (eligo_rule_get_n_children (ors), ==, 4);
  assert_canonical ("dic or (hiv_positive or (ecog < 2 or hbsag_positive))",
                    "dic or hiv_positive or ecog < 2 or hbsag_positive");

  /* Different kinds are not merged. */
  mixed = parse_ok ("dic and (hiv_positive or hbsag_positive) and ecog < 2");
  g_assert_cmpuint (eligo_rule_get_n_children (mixed), ==, 3);
  g_assert_cmpint (eligo_rule_get_kind (eligo_rule_get_child (mixed, 1)), ==, ELIGO_RULE_OR);

  /* A "not" keeps its group. */
  assert_canonical ("dic and not (hiv_positive and hbsag_positive)",
                    "dic and not (hiv_positive and hbsag_positive)");
}

static const char *
truth_fact (const char *name,
            EligoTruth  truth,
            char       *buffer,
            gsize       size)
{
  switch (truth)
    {
    case ELIGO_TRUTH_TRUE:
      g_snprintf (buffer, size, "%s:true", name);
      break;
    case ELIGO_TRUTH_FALSE:
      g_snprintf (buffer, size, "%s:false", name);
      break;
    case ELIGO_TRUTH_UNKNOWN:
    default:
      g_snprintf (buffer, size, "%s:?", name);
      break;
    }

  return buffer;
}

static EligoTruth
kleene_not (EligoTruth truth)
{
  if (truth == U)
    return U;

  return truth == T ? F : T;
}

static void
test_rule_truth_tables (void)
{
  static const EligoTruth values[] = { T, F, U };
  /* Indexed [a][b] in the order of values[] */
  static const EligoTruth and_table[3][3] = {
    { T, F, U },
    { F, F, F },
    { U, F, U },
  };
  static const EligoTruth or_table[3][3] = {
    { T, T, T },
    { T, F, U },
    { T, U, U },
  };
  static const EligoTruth not_table[3] = { F, T, U };

  for (guint i = 0; i < 3; i++)
    {
      char a[64];
      char facts[128];

      truth_fact ("dic", values[i], a, sizeof a);
      assert_evaluates ("not dic", a, not_table[i]);
      assert_evaluates ("not not dic", a, values[i]);
      assert_evaluates ("dic", a, values[i]);

      for (guint j = 0; j < 3; j++)
        {
          char b[64];

          truth_fact ("hiv_positive", values[j], b, sizeof b);
          g_snprintf (facts, sizeof facts, "%s %s", a, b);
          assert_evaluates ("dic and hiv_positive", facts, and_table[i][j]);
          assert_evaluates ("dic or hiv_positive", facts, or_table[i][j]);
          assert_evaluates ("hiv_positive and dic", facts, and_table[i][j]);
          assert_evaluates ("hiv_positive or dic", facts, or_table[i][j]);
          /* De Morgan holds in Kleene logic. */
          assert_evaluates ("not (dic and hiv_positive)", facts, kleene_not (and_table[i][j]));
          assert_evaluates ("not dic or not hiv_positive", facts, kleene_not (and_table[i][j]));
          assert_evaluates ("not (dic or hiv_positive)", facts, kleene_not (or_table[i][j]));
        }
    }

  /* Absent (lookup returns FALSE) is the same as an explicit unknown. */
  assert_evaluates ("dic", "", U);
  assert_evaluates ("dic and hiv_positive", "dic:false", F);
  assert_evaluates ("dic or hiv_positive", "dic:true", T);
  assert_evaluates ("dic or hiv_positive", "dic:false", U);

  /* Three-way junctions */
  assert_evaluates ("dic and hiv_positive and hbsag_positive",
                    "dic:true hiv_positive:? hbsag_positive:false", F);
  assert_evaluates ("dic and hiv_positive and hbsag_positive",
                    "dic:true hiv_positive:? hbsag_positive:true", U);
  assert_evaluates ("dic or hiv_positive or hbsag_positive",
                    "dic:false hiv_positive:? hbsag_positive:true", T);
  assert_evaluates ("dic or hiv_positive or hbsag_positive",
                    "dic:false hiv_positive:? hbsag_positive:false", U);

  /* No lookup at all: everything is unknown */
  {
    g_autoptr(EligoRule) rule = parse_ok ("dic or ecog < 2");

    g_assert_cmpint (eligo_rule_evaluate (rule, NULL, NULL), ==, U);
  }
}

static void
test_rule_comparisons (void)
{
  static const struct {
    const char *op;
    EligoTruth  below;
    EligoTruth  at;
    EligoTruth  above;
  } ops[] = {
    { "<", T, F, F },
    { "<=", T, T, F },
    { ">", F, F, T },
    { ">=", F, T, T },
    { "==", F, T, F },
    { "!=", T, F, T },
    { "\u2264", T, T, F },
    { "\u2265", F, T, T },
    { "\u2260", T, F, T },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      g_autofree char *integer = g_strdup_printf ("ecog %s 2", ops[i].op);
      g_autofree char *decimal = g_strdup_printf ("creatinine_x_uln %s 1.5", ops[i].op);

      assert_evaluates (integer, "ecog:1", ops[i].below);
      assert_evaluates (integer, "ecog:2", ops[i].at);
      assert_evaluates (integer, "ecog:3", ops[i].above);
      assert_evaluates (integer, "ecog:?", U);
      assert_evaluates (integer, "", U);
      assert_evaluates (decimal, "creatinine_x_uln:1.49", ops[i].below);
      assert_evaluates (decimal, "creatinine_x_uln:1.5", ops[i].at);
      assert_evaluates (decimal, "creatinine_x_uln:1.51", ops[i].above);
      assert_evaluates (decimal, "creatinine_x_uln:?", U);
    }

  /* Exact double equality */
  assert_evaluates ("age_years == 0.3", "age_years:0.3", T);
  assert_evaluates ("age_years == 0.3", "age_years:0.30000000000000004", F);

  /* The examples of DESIGN.md */
  assert_evaluates ("age_years >= 14 and age_years <= 80", "age_years:14", T);
  assert_evaluates ("age_years >= 14 and age_years <= 80", "age_years:80", T);
  assert_evaluates ("age_years >= 14 and age_years <= 80", "age_years:13.9", F);
  assert_evaluates ("age_years >= 14 and age_years <= 80", "age_years:80.5", F);
  assert_evaluates ("age_years >= 14 and age_years <= 80", "", U);
  assert_evaluates ("creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5", "creatinine_x_uln:2", T);
  assert_evaluates ("creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5", "creatinine_x_uln:1", U);
  assert_evaluates ("creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5",
                    "creatinine_x_uln:1 bun_x_uln:1.2", F);
  assert_evaluates ("(hiv_positive or hbsag_positive) and not cd19_positive",
                    "hiv_positive:false hbsag_positive:true cd19_positive:false", T);
  assert_evaluates ("(hiv_positive or hbsag_positive) and not cd19_positive",
                    "hiv_positive:false cd19_positive:true", F);
  assert_evaluates ("(hiv_positive or hbsag_positive) and not cd19_positive",
                    "hiv_positive:false cd19_positive:false", U);
}

static void
test_rule_enums (void)
{
  assert_evaluates ("sex == female", "sex:female", T);
  assert_evaluates ("sex == female", "sex:male", F);
  assert_evaluates ("sex == female", "sex:?", U);
  assert_evaluates ("sex == female", "", U);
  assert_evaluates ("sex != female", "sex:female", F);
  assert_evaluates ("sex != female", "sex:male", T);
  assert_evaluates ("sex != female", "sex:?", U);
  assert_evaluates ("sex != female", "", U);

  assert_evaluates ("diagnosis in (B-ALL, Burkitt, CML-BP)", "diagnosis:B-ALL", T);
  assert_evaluates ("diagnosis in (B-ALL, Burkitt, CML-BP)", "diagnosis:CML-BP", T);
  assert_evaluates ("diagnosis in (B-ALL, Burkitt, CML-BP)", "diagnosis:T-ALL", F);
  assert_evaluates ("diagnosis in (B-ALL, Burkitt, CML-BP)", "diagnosis:?", U);
  assert_evaluates ("diagnosis in (B-ALL, Burkitt, CML-BP)", "", U);
  assert_evaluates ("not diagnosis in (B-ALL, Burkitt)", "diagnosis:AML", T);
  assert_evaluates ("not diagnosis in (B-ALL, Burkitt)", "", U);
  assert_evaluates ("diagnosis in (AML) or sex == male", "sex:male", T);
  assert_evaluates ("diagnosis in (AML) and sex == male", "sex:female", F);

  /* Symbols are case-sensitive: a value spelled otherwise does not match. */
  assert_evaluates ("diagnosis == B-ALL", "diagnosis:b-all", F);
}

static void
test_rule_wrong_kind (void)
{
  /* A value of the wrong kind for the variable counts as unknown. */
  assert_evaluates ("prior_car_t", "prior_car_t:1", U);
  assert_evaluates ("prior_car_t", "prior_car_t:yes", U);
  assert_evaluates ("not prior_car_t", "prior_car_t:0", U);
  assert_evaluates ("ecog <= 2", "ecog:true", U);
  assert_evaluates ("ecog <= 2", "ecog:low", U);
  assert_evaluates ("ecog != 2", "ecog:false", U);
  assert_evaluates ("sex == female", "sex:1", U);
  assert_evaluates ("sex != female", "sex:true", U);
  assert_evaluates ("diagnosis in (AML)", "diagnosis:3", U);
  assert_evaluates ("diagnosis in (AML)", "diagnosis:false", U);
  assert_evaluates ("prior_car_t and ecog <= 2", "prior_car_t:1 ecog:1", U);
  assert_evaluates ("prior_car_t and ecog <= 2", "prior_car_t:1 ecog:3", F);
  assert_evaluates ("ecog <= 2", "ecog:nan", U);
}

static void
test_rule_errors (void)
{
  static const struct {
    const char *text;
    int         code;
    guint       offset;
    const char *message;
  } cases[] = {
    /* Empty text */
    { "", ELIGO_RULE_ERROR_SYNTAX, 0, "Column 1: the rule is empty" },
    { "   \t\n", ELIGO_RULE_ERROR_SYNTAX, 0, "Column 1: the rule is empty" },
    /* Unknown variables */
    { "ecgo <= 2", ELIGO_RULE_ERROR_UNKNOWN_VARIABLE, 0, "Column 1: unknown variable “ecgo”" },
    { "ecog <= 2 and ECOG <= 3", ELIGO_RULE_ERROR_UNKNOWN_VARIABLE, 14,
      "Column 15: unknown variable “ECOG”" },
    { "nto prior_car_t", ELIGO_RULE_ERROR_UNKNOWN_VARIABLE, 0, "Column 1: unknown variable “nto”" },
    { "age-years >= 18", ELIGO_RULE_ERROR_UNKNOWN_VARIABLE, 0,
      "Column 1: unknown variable “age-years”" },
    /* Misspelled keywords */
    { "ecog <= 2 adn dic", ELIGO_RULE_ERROR_SYNTAX, 10,
      "Column 11: unexpected “adn”; expected “and” or “or”" },
    { "diagnosis inn (AML)", ELIGO_RULE_ERROR_TYPE, 0,
      "Column 1: “diagnosis” is one of B-ALL, T-ALL, AML, MPAL, CML-BP, Burkitt, other; "
      "compare it with “==”, “!=” or “in”" },
    /* Missing operands */
    { "age_years >=", ELIGO_RULE_ERROR_SYNTAX, 12, "Column 13: expected a number after “>=”" },
    { "age_years \u2265 and dic", ELIGO_RULE_ERROR_SYNTAX, 14,
      "Column 13: expected a number after “\u2265”" },
    { "not ", ELIGO_RULE_ERROR_SYNTAX, 4, "Column 5: unexpected end of the rule" },
    { "dic and", ELIGO_RULE_ERROR_SYNTAX, 7, "Column 8: unexpected end of the rule" },
    { "dic or or hiv_positive", ELIGO_RULE_ERROR_SYNTAX, 7, "Column 8: unexpected “or”" },
    { "and dic", ELIGO_RULE_ERROR_SYNTAX, 0, "Column 1: unexpected “and”" },
    { "sex ==", ELIGO_RULE_ERROR_SYNTAX, 6, "Column 7: expected one of female, male after “==”" },
    { "prior_car_t ==", ELIGO_RULE_ERROR_SYNTAX, 14,
      "Column 15: expected true or false after “==”" },
    { "<= 2", ELIGO_RULE_ERROR_SYNTAX, 0, "Column 1: unexpected “<=”" },
    { "2 >= ecog", ELIGO_RULE_ERROR_SYNTAX, 0, "Column 1: unexpected “2”" },
    { "ecog 2", ELIGO_RULE_ERROR_SYNTAX, 5,
      "Column 6: expected <, <=, >, >=, == or != after “ecog”" },
    /* Numbers and symbols in the wrong place */
    { "sex == 1", ELIGO_RULE_ERROR_TYPE, 7, "Column 8: “1” is not one of female, male" },
    { "ecog <= low", ELIGO_RULE_ERROR_TYPE, 8,
      "Column 9: “ecog” is a number; compare it with a number" },
    { "ecog == true", ELIGO_RULE_ERROR_TYPE, 8,
      "Column 9: “ecog” is a number; compare it with a number" },
    { "dic and ecog", ELIGO_RULE_ERROR_TYPE, 8,
      "Column 9: “ecog” is a number; compare it with a number" },
    { "(ecog) and dic", ELIGO_RULE_ERROR_TYPE, 1,
      "Column 2: “ecog” is a number; compare it with a number" },
    { "ecog in (1, 2)", ELIGO_RULE_ERROR_TYPE, 5,
      "Column 6: “ecog” is a number; compare it with a number" },
    { "sex == female2", ELIGO_RULE_ERROR_TYPE, 7,
      "Column 8: “female2” is not one of female, male" },
    { "sex == Female", ELIGO_RULE_ERROR_TYPE, 7, "Column 8: “Female” is not one of female, male" },
    { "age_years > 18 and sex == female2", ELIGO_RULE_ERROR_TYPE, 26,
      "Column 27: “female2” is not one of female, male" },
    { "diagnosis in (B-ALL, B-CLL)", ELIGO_RULE_ERROR_TYPE, 21,
      "Column 22: “B-CLL” is not one of B-ALL, T-ALL, AML, MPAL, CML-BP, Burkitt, other" },
    { "sex < female", ELIGO_RULE_ERROR_TYPE, 4,
      "Column 5: “sex” is one of female, male; compare it with “==”, “!=” or “in”" },
    { "sex and dic", ELIGO_RULE_ERROR_TYPE, 0,
      "Column 1: “sex” is one of female, male; compare it with “==”, “!=” or “in”" },
    { "prior_car_t == 1", ELIGO_RULE_ERROR_TYPE, 15,
      "Column 16: “prior_car_t” is true or false; write “prior_car_t” or “not prior_car_t”" },
    { "prior_car_t >= 1", ELIGO_RULE_ERROR_TYPE, 12,
      "Column 13: “prior_car_t” is true or false; write “prior_car_t” or “not prior_car_t”" },
    { "prior_car_t in (true)", ELIGO_RULE_ERROR_TYPE, 12,
      "Column 13: “prior_car_t” is true or false; write “prior_car_t” or “not prior_car_t”" },
    /* "in" lists */
    { "diagnosis in AML", ELIGO_RULE_ERROR_SYNTAX, 13, "Column 14: expected “(” after “in”" },
    { "diagnosis in ()", ELIGO_RULE_ERROR_SYNTAX, 14,
      "Column 15: expected one of B-ALL, T-ALL, AML, MPAL, CML-BP, Burkitt, other after “(”" },
    { "diagnosis in (AML,)", ELIGO_RULE_ERROR_SYNTAX, 18,
      "Column 19: expected one of B-ALL, T-ALL, AML, MPAL, CML-BP, Burkitt, other after “,”" },
    { "diagnosis in (AML MPAL)", ELIGO_RULE_ERROR_SYNTAX, 18,
      "Column 19: expected “,” or “)” in the list after “in”" },
    { "diagnosis in (AML", ELIGO_RULE_ERROR_SYNTAX, 17,
      "Column 18: expected “,” or “)” in the list after “in”" },
    /* Unbalanced parentheses */
    { "(dic or hiv_positive", ELIGO_RULE_ERROR_SYNTAX, 20,
      "Column 21: expected “)” to close the “(” at column 1" },
    { "dic and ((hiv_positive) or ecog < 1", ELIGO_RULE_ERROR_SYNTAX, 35,
      "Column 36: expected “)” to close the “(” at column 9" },
    { "not dic)", ELIGO_RULE_ERROR_SYNTAX, 7, "Column 8: unexpected “)”" },
    { "(dic))", ELIGO_RULE_ERROR_SYNTAX, 5, "Column 6: unexpected “)”" },
    { "()", ELIGO_RULE_ERROR_SYNTAX, 1, "Column 2: unexpected “)”" },
    /* Trailing garbage and strange characters */
    { "ecog <= 2 3", ELIGO_RULE_ERROR_SYNTAX, 10,
      "Column 11: unexpected “3”; expected “and” or “or”" },
    { "ecog <= 2 %", ELIGO_RULE_ERROR_SYNTAX, 10, "Column 11: unexpected “%”" },
    { "ecog <= 2,", ELIGO_RULE_ERROR_SYNTAX, 9, "Column 10: unexpected “,”" },
    { "ecog <= .5", ELIGO_RULE_ERROR_SYNTAX, 8, "Column 9: expected a number after “<=”" },
    { "ecog <= -1", ELIGO_RULE_ERROR_SYNTAX, 8, "Column 9: expected a number after “<=”" },
    { "ecog <= 1.", ELIGO_RULE_ERROR_SYNTAX, 9, "Column 10: unexpected “.”" },
    { "csf_blasts_per_ul < 1e999", ELIGO_RULE_ERROR_SYNTAX, 20, "Column 21: “1e999” is too large" },
    /* Columns count characters, offsets count bytes */
    { "ecog \u2264 2 and \u00e9cog", ELIGO_RULE_ERROR_SYNTAX, 15,
      "Column 14: unexpected “\u00e9”" },
    { "ecog \u2264 2 \u2192 3", ELIGO_RULE_ERROR_SYNTAX, 11, "Column 10: unexpected “\u2192”" },
    { "ecog <= 2 and\xff", ELIGO_RULE_ERROR_SYNTAX, 13,
      "Column 14: the rule is not valid UTF-8 text" },
    /* Keywords are not variables */
    { "true", ELIGO_RULE_ERROR_SYNTAX, 0, "Column 1: unexpected “true”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EligoRule) rule = NULL;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);
      guint offset = G_MAXUINT;

      g_test_message ("case %u: %s", i, escaped);
      rule = eligo_rule_parse (cases[i].text, &offset, &error);
      g_assert_null (rule);
      g_assert_error (error, ELIGO_RULE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (offset, ==, cases[i].offset);

      /* The offset is optional, and so is the error. */
      g_clear_error (&error);
      rule = eligo_rule_parse (cases[i].text, NULL, &error);
      g_assert_null (rule);
      g_assert_error (error, ELIGO_RULE_ERROR, cases[i].code);
      rule = eligo_rule_parse (cases[i].text, NULL, NULL);
      g_assert_null (rule);
    }
}

static void
test_rule_nesting (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) too_deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EligoRule) rule = NULL;
  guint offset = 0;

  for (guint i = 0; i < 50; i++)
    g_string_append (deep, "not (");
  g_string_append (deep, "dic");
  for (guint i = 0; i < 50; i++)
    g_string_append_c (deep, ')');
  rule = parse_ok (deep->str);
  g_clear_pointer (&rule, eligo_rule_unref);

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (too_deep, '(');
  rule = eligo_rule_parse (too_deep->str, &offset, &error);
  g_assert_null (rule);
  g_assert_error (error, ELIGO_RULE_ERROR, ELIGO_RULE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "Column 101: the rule is nested too deeply");
  g_assert_cmpuint (offset, ==, 100);
}

/* Mangled rules either parse, and then print canonically, or fail with an
 * offset inside the text and a message that starts with its column. */
static void
test_rule_mangled (void)
{
  static const char * const seeds[] = {
    "age_years >= 14 and age_years <= 80",
    "creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5",
    "diagnosis in (B-ALL, Burkitt, CML-BP)",
    "(hiv_positive or hbsag_positive) and not cd19_positive",
    "not (sex == female and ecog \u2264 2) or prior_car_t != false",
  };
  static const char pieces[] = "()<>=!,. -_aeinortdfx019";
  GRand *rand = g_rand_new_with_seed (20260101);

  for (guint n = 0; n < 20000; n++)
    {
      guint seed = g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds));
      g_autoptr(GString) text = g_string_new (seeds[seed]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EligoRule) rule = NULL;
      guint edits = g_rand_int_range (rand, 1, 4);
      guint offset = G_MAXUINT;

      for (guint e = 0; e < edits; e++)
        {
          guint at = g_rand_int_range (rand, 0, text->len + 1);

          if (g_rand_boolean (rand) && at < text->len)
            g_string_erase (text, at, 1);
          else
            g_string_insert_c (text, at, pieces[g_rand_int_range (rand, 0, sizeof pieces - 1)]);
        }

      rule = eligo_rule_parse (text->str, &offset, &error);
      if (rule != NULL)
        {
          g_autofree char *printed = eligo_rule_to_string (rule);
          g_autoptr(EligoRule) again = parse_ok (printed);
          g_autofree char *reprinted = eligo_rule_to_string (again);

          g_assert_no_error (error);
          g_assert_true (eligo_rule_equal (rule, again));
          g_assert_cmpstr (printed, ==, reprinted);
        }
      else
        {
          g_autofree char *prefix = NULL;

          g_assert_nonnull (error);
          g_assert_true (error->domain == ELIGO_RULE_ERROR);
          g_assert_cmpuint (offset, <=, text->len);
          prefix = g_strdup_printf ("Column %ld: ", g_utf8_strlen (text->str, offset) + 1);
          g_assert_true (g_str_has_prefix (error->message, prefix));
        }
    }

  g_rand_free (rand);
}

static void
test_rule_variables (void)
{
  static const struct {
    const char *text;
    const char *variables;
  } cases[] = {
    { "ecog <= 2", "ecog" },
    { "age_years >= 14 and age_years <= 80", "age_years" },
    { "(hiv_positive or hbsag_positive) and not cd19_positive",
      "cd19_positive hbsag_positive hiv_positive" },
    { "sex == female or diagnosis in (AML) or not (ecog < 1 and sex != male)",
      "diagnosis ecog sex" },
    { "prior_car_t == false", "prior_car_t" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EligoRule) rule = parse_ok (cases[i].text);
      g_auto(GStrv) names = eligo_rule_dup_variables (rule);
      g_autofree char *joined = g_strjoinv (" ", names);

      g_assert_cmpstr (joined, ==, cases[i].variables);
    }
}

static void
test_rule_inspect (void)
{
  g_autoptr(EligoRule) rule = parse_ok ("ecog <= 2 and sex == female"
                                        " and diagnosis in (Burkitt, B-ALL)"
                                        " and not prior_car_t and (dic or hiv_positive)");
  g_autoptr(EligoRule) copy = NULL;
  const EligoRule *compare, *symbol, *in, *not, *variable, *or;
  const char * const *symbols;

  g_assert_cmpint (eligo_rule_get_kind (rule), ==, ELIGO_RULE_AND);
  g_assert_cmpuint (eligo_rule_get_n_children (rule), ==, 5);
  g_assert_null (eligo_rule_get_variable (rule));
  g_assert_null (eligo_rule_get_symbol (rule));
  g_assert_null (eligo_rule_get_symbols (rule));
  g_assert_true (isnan (eligo_rule_get_number (rule)));

  compare = eligo_rule_get_child (rule, 0);
  g_assert_cmpint (eligo_rule_get_kind (compare), ==, ELIGO_RULE_COMPARE);
  g_assert_cmpuint (eligo_rule_get_n_children (compare), ==, 0);
  g_assert_cmpstr (eligo_rule_get_variable (compare), ==, "ecog");
  g_assert_true (eligo_rule_get_variable (compare) == g_intern_string ("ecog"));
  g_assert_cmpint (eligo_rule_get_op (compare), ==, ELIGO_RULE_OP_LE);
  g_assert_cmpfloat (eligo_rule_get_number (compare), ==, 2.0);
  g_assert_null (eligo_rule_get_symbol (compare));
  g_assert_null (eligo_rule_get_symbols (compare));

  symbol = eligo_rule_get_child (rule, 1);
  g_assert_cmpint (eligo_rule_get_kind (symbol), ==, ELIGO_RULE_COMPARE);
  g_assert_cmpstr (eligo_rule_get_variable (symbol), ==, "sex");
  g_assert_cmpint (eligo_rule_get_op (symbol), ==, ELIGO_RULE_OP_EQ);
  g_assert_cmpstr (eligo_rule_get_symbol (symbol), ==, "female");
  g_assert_true (eligo_rule_get_symbol (symbol) == g_intern_string ("female"));
  g_assert_true (isnan (eligo_rule_get_number (symbol)));

  in = eligo_rule_get_child (rule, 2);
  g_assert_cmpint (eligo_rule_get_kind (in), ==, ELIGO_RULE_IN);
  g_assert_cmpstr (eligo_rule_get_variable (in), ==, "diagnosis");
  symbols = eligo_rule_get_symbols (in);
  g_assert_nonnull (symbols);
  g_assert_cmpuint (g_strv_length ((char **) symbols), ==, 2);
  g_assert_cmpstr (symbols[0], ==, "Burkitt");
  g_assert_cmpstr (symbols[1], ==, "B-ALL");
  g_assert_null (eligo_rule_get_symbol (in));
  g_assert_true (isnan (eligo_rule_get_number (in)));

  not = eligo_rule_get_child (rule, 3);
  g_assert_cmpint (eligo_rule_get_kind (not), ==, ELIGO_RULE_NOT);
  g_assert_cmpuint (eligo_rule_get_n_children (not), ==, 1);
  g_assert_null (eligo_rule_get_variable (not));
  variable = eligo_rule_get_child (not, 0);
  g_assert_cmpint (eligo_rule_get_kind (variable), ==, ELIGO_RULE_VARIABLE);
  g_assert_cmpstr (eligo_rule_get_variable (variable), ==, "prior_car_t");
  g_assert_cmpuint (eligo_rule_get_n_children (variable), ==, 0);

  or = eligo_rule_get_child (rule, 4);
  g_assert_cmpint (eligo_rule_get_kind (or), ==, ELIGO_RULE_OR);
  g_assert_cmpuint (eligo_rule_get_n_children (or), ==, 2);

  g_assert_cmpstr (eligo_rule_op_to_string (ELIGO_RULE_OP_LT), ==, "<");
  g_assert_cmpstr (eligo_rule_op_to_string (ELIGO_RULE_OP_LE), ==, "<=");
  g_assert_cmpstr (eligo_rule_op_to_string (ELIGO_RULE_OP_GT), ==, ">");
  g_assert_cmpstr (eligo_rule_op_to_string (ELIGO_RULE_OP_GE), ==, ">=");
  g_assert_cmpstr (eligo_rule_op_to_string (ELIGO_RULE_OP_EQ), ==, "==");
  g_assert_cmpstr (eligo_rule_op_to_string (ELIGO_RULE_OP_NE), ==, "!=");

  /* Bool comparisons are normalized to the bare variable or its negation */
  copy = parse_ok ("prior_car_t == false");
  g_assert_cmpint (eligo_rule_get_kind (copy), ==, ELIGO_RULE_NOT);
  g_assert_true (eligo_rule_equal (copy, not));
  g_clear_pointer (&copy, eligo_rule_unref);
  copy = parse_ok ("prior_car_t == true");
  g_assert_cmpint (eligo_rule_get_kind (copy), ==, ELIGO_RULE_VARIABLE);
  g_assert_true (eligo_rule_equal (copy, variable));
  g_clear_pointer (&copy, eligo_rule_unref);

  /* Refcounting and the boxed type */
  copy = g_boxed_copy (ELIGO_TYPE_RULE, rule);
  g_assert_true (copy == rule);
  g_boxed_free (ELIGO_TYPE_RULE, copy);
  copy = eligo_rule_ref (rule);
  g_assert_true (copy == rule);
  g_assert_cmpstr (g_type_name (ELIGO_TYPE_RULE), ==, "EligoRule");
}

static void
test_rule_equal (void)
{
  static const char * const rules[] = {
    "ecog <= 2",
    "ecog < 2",
    "ecog <= 3",
    "karnofsky <= 2",
    "sex == female",
    "sex != female",
    "sex == male",
    "diagnosis in (AML, MPAL)",
    "diagnosis in (MPAL, AML)",
    "diagnosis in (AML)",
    "diagnosis in (AML, MPAL, other)",
    "dic",
    "not dic",
    "not not dic",
    "dic and hiv_positive",
    "hiv_positive and dic",
    "dic or hiv_positive",
    "dic and hiv_positive and ecog <= 2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    for (guint j = 0; j < G_N_ELEMENTS (rules); j++)
      {
        g_autoptr(EligoRule) a = parse_ok (rules[i]);
        g_autoptr(EligoRule) b = parse_ok (rules[j]);

        g_assert_cmpint (eligo_rule_equal (a, b), ==, i == j);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligo/rule/round-trip", test_rule_round_trip);
  g_test_add_func ("/eligo/rule/precedence", test_rule_precedence);
  g_test_add_func ("/eligo/rule/flatten", test_rule_flatten);
  g_test_add_func ("/eligo/rule/truth-tables", test_rule_truth_tables);
  g_test_add_func ("/eligo/rule/comparisons", test_rule_comparisons);
  g_test_add_func ("/eligo/rule/enums", test_rule_enums);
  g_test_add_func ("/eligo/rule/wrong-kind", test_rule_wrong_kind);
  g_test_add_func ("/eligo/rule/errors", test_rule_errors);
  g_test_add_func ("/eligo/rule/nesting", test_rule_nesting);
  g_test_add_func ("/eligo/rule/mangled", test_rule_mangled);
  g_test_add_func ("/eligo/rule/variables", test_rule_variables);
  g_test_add_func ("/eligo/rule/inspect", test_rule_inspect);
  g_test_add_func ("/eligo/rule/equal", test_rule_equal);

  return g_test_run ();
}
