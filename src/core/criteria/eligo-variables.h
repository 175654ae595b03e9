/* eligo-variables.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The patient variables of ../shared/design/variables.md. Names are stable:
 * rules, saved patients and exported files use them. */

typedef enum
{
  ELIGO_VARIABLE_NUMBER,
  ELIGO_VARIABLE_BOOL,
  ELIGO_VARIABLE_ENUM,
} EligoVariableType;

typedef enum
{
  ELIGO_VARIABLE_GROUP_DEMOGRAPHICS,   /* demographics and consent */
  ELIGO_VARIABLE_GROUP_PERFORMANCE,    /* performance status and prognosis */
  ELIGO_VARIABLE_GROUP_DISEASE,
  ELIGO_VARIABLE_GROUP_TREATMENT,      /* treatment history */
  ELIGO_VARIABLE_GROUP_LABORATORY,
  ELIGO_VARIABLE_GROUP_ORGAN,          /* organ function and vitals */
  ELIGO_VARIABLE_GROUP_INFECTIONS,     /* infections and other conditions */
  ELIGO_N_VARIABLE_GROUPS
} EligoVariableGroup;

typedef struct
{
  const char         *name;
  EligoVariableType   type;
  EligoVariableGroup  group;
  const char         *label;    /* untranslated; show with g_dpgettext2 (NULL, "variable", label) */
  const char         *unit;     /* e.g. "%", "× ULN", "10⁹/L"; NULL if none */
  const char * const *choices;  /* ELIGO_VARIABLE_ENUM: the values, NULL-terminated */
  double              min;      /* plausible range of a number */
  double              max;
  const char         *derived_from; /* how the value is derived when absent, or NULL */
} EligoVariable;

/* A value of a variable for one patient. */
typedef enum
{
  ELIGO_VALUE_UNKNOWN,
  ELIGO_VALUE_NUMBER,
  ELIGO_VALUE_BOOL,
  ELIGO_VALUE_SYMBOL,
} EligoValueKind;

typedef struct
{
  EligoValueKind  kind;
  double          number;
  gboolean        boolean;
  const char     *symbol;   /* an enum choice, interned */
} EligoValue;

/* Three-valued (Kleene) truth. */
typedef enum
{
  ELIGO_TRUTH_FALSE   = 0,
  ELIGO_TRUTH_TRUE    = 1,
  ELIGO_TRUTH_UNKNOWN = 2,
} EligoTruth;

/* Fills @value for @name; returns FALSE (or sets ELIGO_VALUE_UNKNOWN) if unknown. */
typedef gboolean (*EligoValueLookup) (const char *name,
                                      EligoValue *value,
                                      gpointer    user_data);

const EligoVariable *eligo_variable_lookup        (const char          *name);
const EligoVariable *eligo_variables_get_all      (guint               *n_variables);
const char          *eligo_variable_get_label     (const EligoVariable *variable);
const char          *eligo_variable_group_get_label (EligoVariableGroup group);
gboolean             eligo_variable_has_choice    (const EligoVariable *variable,
                                                   const char          *choice);

G_END_DECLS
