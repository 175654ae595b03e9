/* eligo-rule.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "eligo-variables.h"

G_BEGIN_DECLS

/*
 * The criteria rule language of DESIGN.md:
 *
 *   age_years >= 14 and age_years <= 80
 *   ecog <= 2
 *   creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5
 *   not prior_car_t
 *   diagnosis in (B-ALL, Burkitt, CML-BP)
 *   sex == female
 *
 * Precedence, loosest first: or, and, not, comparison. Logic is Kleene
 * three-valued: a comparison with an unknown variable is unknown.
 */

#define ELIGO_RULE_ERROR (eligo_rule_error_quark ())

typedef enum
{
  ELIGO_RULE_ERROR_SYNTAX,            /* not a well-formed rule */
  ELIGO_RULE_ERROR_UNKNOWN_VARIABLE,  /* a name that is not in variables.md */
  ELIGO_RULE_ERROR_TYPE,              /* e.g. a number compared with an enum */
} EligoRuleError;

typedef enum
{
  ELIGO_RULE_OR,         /* children: 2 or more */
  ELIGO_RULE_AND,        /* children: 2 or more */
  ELIGO_RULE_NOT,        /* children: 1 */
  ELIGO_RULE_COMPARE,    /* variable OP number, or enum variable ==/!= symbol */
  ELIGO_RULE_IN,         /* enum variable in (symbols) */
  ELIGO_RULE_VARIABLE,   /* a bool variable on its own: true when the fact is true */
} EligoRuleKind;

typedef enum
{
  ELIGO_RULE_OP_LT,
  ELIGO_RULE_OP_LE,
  ELIGO_RULE_OP_GT,
  ELIGO_RULE_OP_GE,
  ELIGO_RULE_OP_EQ,
  ELIGO_RULE_OP_NE,
} EligoRuleOp;

typedef struct _EligoRule EligoRule;

#define ELIGO_TYPE_RULE (eligo_rule_get_type ())

GType            eligo_rule_get_type       (void) G_GNUC_CONST;
GQuark           eligo_rule_error_quark    (void);

EligoRule       *eligo_rule_parse          (const char        *text,
                                            guint             *error_offset,
                                            GError           **error);
EligoRule       *eligo_rule_ref            (EligoRule         *rule);
void             eligo_rule_unref          (EligoRule         *rule);
char            *eligo_rule_to_string      (const EligoRule   *rule);
gboolean         eligo_rule_equal          (const EligoRule   *a,
                                            const EligoRule   *b);
EligoTruth       eligo_rule_evaluate       (const EligoRule   *rule,
                                            EligoValueLookup   lookup,
                                            gpointer           user_data);
char           **eligo_rule_dup_variables  (const EligoRule   *rule);

/* Inspecting a parsed rule (the comparison window reads conditions this way). */
EligoRuleKind    eligo_rule_get_kind       (const EligoRule   *rule);
guint            eligo_rule_get_n_children (const EligoRule   *rule);
const EligoRule *eligo_rule_get_child      (const EligoRule   *rule,
                                            guint              index);
const char      *eligo_rule_get_variable   (const EligoRule   *rule);
EligoRuleOp      eligo_rule_get_op         (const EligoRule   *rule);
double           eligo_rule_get_number     (const EligoRule   *rule);
const char      *eligo_rule_get_symbol     (const EligoRule   *rule);
const char * const *eligo_rule_get_symbols (const EligoRule   *rule);

const char      *eligo_rule_op_to_string   (EligoRuleOp        op);
const char      *eligo_rule_op_get_symbol  (EligoRuleOp        op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoRule, eligo_rule_unref)

G_END_DECLS
