/* eligo-rule-parser.c
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
 */

#define G_LOG_DOMAIN "eligo-rule"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "eligo-rule.h"
#include "eligo-rule-private.h"

/*
 * The parser is a recursive descent over a token array made up front. A
 * character the lexer does not know becomes an ERROR token that stops the
 * array; the parser only reports it when it gets there, so the first error
 * in reading order is the one reported.
 *
 * Normalization at parse time, so that equal meanings compare equal and
 * print alike:
 *  - nested "and" in "and" (and "or" in "or") are flattened;
 *  - redundant parentheses are dropped;
 *  - a bool compared with a literal becomes the bare variable or its
 *    negation: "x == true" and "x != false" become "x", "x == false" and
 *    "x != true" become "not x";
 *  - "=" is read as "==", and "≤", "≥", "≠" as "<=", ">=", "!=".
 * Anything else ("not not x", the order of the symbols in "in") is kept as
 * written.
 */

#define MAX_DEPTH 100

typedef struct
{
  const char  *text;
  GArray      *tokens;
  guint        pos;
  guint        depth;
  guint        error_offset;
  GError      *error;
} Parser;

static EligoRule *parse_or (Parser *parser);

/* Nodes */

static EligoRule *
rule_new (EligoRuleKind kind)
{
  EligoRule *rule = g_atomic_rc_box_new0 (EligoRule);

  rule->kind = kind;
  rule->op = ELIGO_RULE_OP_EQ;
  rule->number = NAN;

  return rule;
}

static EligoRule *
rule_new_variable (const char *variable)
{
  EligoRule *rule = rule_new (ELIGO_RULE_VARIABLE);

  rule->variable = variable;

  return rule;
}

/* Takes ownership of @child. */
static EligoRule *
rule_new_not (EligoRule *child)
{
  EligoRule *rule = rule_new (ELIGO_RULE_NOT);

  rule->n_children = 1;
  rule->children = g_new (EligoRule *, 1);
  rule->children[0] = child;

  return rule;
}

/* Takes ownership of the rules in @children (but not of the array), and
 * flattens children of the same kind. A single child is returned as is. */
static EligoRule *
rule_new_junction (EligoRuleKind  kind,
                   GPtrArray     *children)
{
  EligoRule *rule;
  GPtrArray *flat;

  g_assert (kind == ELIGO_RULE_AND || kind == ELIGO_RULE_OR);
  g_assert (children->len > 0);

  if (children->len == 1)
    return g_ptr_array_index (children, 0);

  flat = g_ptr_array_new ();
  for (guint i = 0; i < children->len; i++)
    {
      EligoRule *child = g_ptr_array_index (children, i);

      if (child->kind == kind)
        {
          for (guint j = 0; j < child->n_children; j++)
            g_ptr_array_add (flat, eligo_rule_ref (child->children[j]));
          eligo_rule_unref (child);
        }
      else
        {
          g_ptr_array_add (flat, child);
        }
    }

  rule = rule_new (kind);
  rule->n_children = flat->len;
  rule->children = (EligoRule **) g_ptr_array_free (flat, FALSE);

  return rule;
}

/* Parser */

static const Token *
peek (Parser *parser)
{
  return &g_array_index (parser->tokens, Token, parser->pos);
}

static const Token *
next (Parser *parser)
{
  const Token *token = peek (parser);

  if (token->type != TOKEN_END && token->type != TOKEN_ERROR)
    parser->pos++;

  return token;
}

static char *
token_dup_text (Parser      *parser,
                const Token *token)
{
  return g_strndup (parser->text + token->offset, token->len);
}

static char *
choices_to_string (const EligoVariable *variable)
{
  return g_strjoinv (", ", (char **) variable->choices);
}

G_GNUC_PRINTF (4, 5)
static void
parser_fail (Parser     *parser,
             int         code,
             guint       offset,
             const char *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;
  glong column;

  if (parser->error != NULL)
    return;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  column = g_utf8_strlen (parser->text, offset) + 1;
  parser->error_offset = offset;
  /* Translators: %u is a character position (from 1) in the rule the user
   * typed, %s an error message such as “unknown variable “ecgo”” */
  parser->error = g_error_new (ELIGO_RULE_ERROR, code, _("Column %u: %s"),
                               (guint) column, detail);
}

/* The generic complaint about @token. */
static void
parser_fail_unexpected (Parser      *parser,
                        const Token *token)
{
  g_autofree char *text = NULL;

  if (token->type == TOKEN_END)
    {
      parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
                   _("unexpected end of the rule"));
      return;
    }

  text = token_dup_text (parser, token);
  parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
               _("unexpected “%s”"), text);
}

static gboolean
is_operand_word (const Token *token)
{
  return token->type == TOKEN_WORD
         && token->keyword != KEYWORD_AND
         && token->keyword != KEYWORD_OR
         && token->keyword != KEYWORD_NOT
         && token->keyword != KEYWORD_IN;
}

/* An enum symbol after "==", "!=", "(" or ",": a word or a number that must
 * be one of the choices of @variable. */
static const char *
parse_symbol (Parser              *parser,
              const EligoVariable *variable,
              const Token         *after)
{
  const Token *token = peek (parser);
  g_autofree char *text = NULL;
  g_autofree char *choices = choices_to_string (variable);

  if (!is_operand_word (token) && token->type != TOKEN_NUMBER)
    {
      g_autofree char *after_text = token_dup_text (parser, after);

      parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
                   _("expected one of %s after “%s”"), choices, after_text);
      return NULL;
    }

  text = token_dup_text (parser, token);
  if (!eligo_variable_has_choice (variable, text))
    {
      parser_fail (parser, ELIGO_RULE_ERROR_TYPE, token->offset,
                   _("“%s” is not one of %s"), text, choices);
      return NULL;
    }

  next (parser);

  return g_intern_string (text);
}

static EligoRule *
parse_in (Parser              *parser,
          const EligoVariable *variable)
{
  const Token *token;
  GPtrArray *symbols;
  EligoRule *rule;

  next (parser);
  token = peek (parser);
  if (token->type != TOKEN_LPAREN)
    {
      parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
                   _("expected “(” after “in”"));
      return NULL;
    }

  symbols = g_ptr_array_new ();
  for (;;)
    {
      const Token *before = next (parser);
      const char *symbol = parse_symbol (parser, variable, before);

      if (symbol == NULL)
        {
          g_ptr_array_free (symbols, TRUE);
          return NULL;
        }
      g_ptr_array_add (symbols, (gpointer) symbol);

      token = peek (parser);
      if (token->type == TOKEN_RPAREN)
        break;
      if (token->type != TOKEN_COMMA)
        {
          parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
                       _("expected “,” or “)” in the list after “in”"));
          g_ptr_array_free (symbols, TRUE);
          return NULL;
        }
    }
  next (parser);

  g_ptr_array_add (symbols, NULL);
  rule = rule_new (ELIGO_RULE_IN);
  rule->variable = g_intern_static_string (variable->name);
  rule->symbols = (const char **) g_ptr_array_free (symbols, FALSE);

  return rule;
}

static EligoRule *
parse_number_comparison (Parser              *parser,
                         const EligoVariable *variable,
                         const Token         *var_token)
{
  const Token *op = peek (parser);
  const Token *operand;
  EligoRule *rule;

  if (op->type == TOKEN_OP)
    {
      next (parser);
      operand = peek (parser);
      if (operand->type == TOKEN_NUMBER)
        {
          if (!isfinite (operand->number))
            {
              g_autofree char *text = token_dup_text (parser, operand);

              parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, operand->offset,
                           _("“%s” is too large"), text);
              return NULL;
            }
          next (parser);
          rule = rule_new (ELIGO_RULE_COMPARE);
          rule->variable = g_intern_static_string (variable->name);
          rule->op = op->op;
          rule->number = operand->number;
          return rule;
        }
      if (is_operand_word (operand))
        parser_fail (parser, ELIGO_RULE_ERROR_TYPE, operand->offset,
                     _("“%s” is a number; compare it with a number"), variable->name);
      else
        {
          g_autofree char *op_text = token_dup_text (parser, op);

          parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, operand->offset,
                       _("expected a number after “%s”"), op_text);
        }
      return NULL;
    }

  if (op->type == TOKEN_WORD && op->keyword == KEYWORD_IN)
    {
      parser_fail (parser, ELIGO_RULE_ERROR_TYPE, op->offset,
                   _("“%s” is a number; compare it with a number"), variable->name);
      return NULL;
    }

  if (op->type == TOKEN_END || op->type == TOKEN_RPAREN
      || (op->type == TOKEN_WORD && op->keyword != KEYWORD_NONE))
    parser_fail (parser, ELIGO_RULE_ERROR_TYPE, var_token->offset,
                 _("“%s” is a number; compare it with a number"), variable->name);
  else
    parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, op->offset,
                 _("expected <, <=, >, >=, == or != after “%s”"), variable->name);

  return NULL;
}

static EligoRule *
parse_enum_comparison (Parser              *parser,
                       const EligoVariable *variable,
                       const Token         *var_token)
{
  const Token *op = peek (parser);
  g_autofree char *choices = choices_to_string (variable);
  const char *symbol;
  EligoRule *rule;

  if (op->type == TOKEN_WORD && op->keyword == KEYWORD_IN)
    return parse_in (parser, variable);

  if (op->type == TOKEN_OP && (op->op == ELIGO_RULE_OP_EQ || op->op == ELIGO_RULE_OP_NE))
    {
      next (parser);
      symbol = parse_symbol (parser, variable, op);
      if (symbol == NULL)
        return NULL;

      rule = rule_new (ELIGO_RULE_COMPARE);
      rule->variable = g_intern_static_string (variable->name);
      rule->op = op->op;
      rule->symbol = symbol;
      return rule;
    }

  parser_fail (parser, ELIGO_RULE_ERROR_TYPE,
               op->type == TOKEN_OP ? op->offset : var_token->offset,
               _("“%s” is one of %s; compare it with “==”, “!=” or “in”"),
               variable->name, choices);

  return NULL;
}

static EligoRule *
parse_bool (Parser              *parser,
            const EligoVariable *variable)
{
  const Token *op = peek (parser);
  const Token *operand;
  gboolean positive;

  if (op->type == TOKEN_OP && (op->op == ELIGO_RULE_OP_EQ || op->op == ELIGO_RULE_OP_NE))
    {
      next (parser);
      operand = peek (parser);
      if (operand->type == TOKEN_WORD
          && (operand->keyword == KEYWORD_TRUE || operand->keyword == KEYWORD_FALSE))
        {
          next (parser);
          positive = (operand->keyword == KEYWORD_TRUE) == (op->op == ELIGO_RULE_OP_EQ);
          if (positive)
            return rule_new_variable (g_intern_static_string (variable->name));
          return rule_new_not (rule_new_variable (g_intern_static_string (variable->name)));
        }
      if (is_operand_word (operand) || operand->type == TOKEN_NUMBER)
        parser_fail (parser, ELIGO_RULE_ERROR_TYPE, operand->offset,
                     _("“%s” is true or false; write “%s” or “not %s”"),
                     variable->name, variable->name, variable->name);
      else
        {
          g_autofree char *op_text = token_dup_text (parser, op);

          parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, operand->offset,
                       _("expected true or false after “%s”"), op_text);
        }
      return NULL;
    }

  if (op->type == TOKEN_OP || (op->type == TOKEN_WORD && op->keyword == KEYWORD_IN))
    {
      parser_fail (parser, ELIGO_RULE_ERROR_TYPE, op->offset,
                   _("“%s” is true or false; write “%s” or “not %s”"),
                   variable->name, variable->name, variable->name);
      return NULL;
    }

  return rule_new_variable (g_intern_static_string (variable->name));
}

static EligoRule *
parse_primary (Parser *parser)
{
  const Token *token = peek (parser);
  const EligoVariable *variable;
  g_autofree char *name = NULL;

  if (token->type == TOKEN_LPAREN)
    {
      const Token *open = next (parser);
      EligoRule *rule;

      if (++parser->depth > MAX_DEPTH)
        {
          parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, open->offset,
                       _("the rule is nested too deeply"));
          return NULL;
        }
      rule = parse_or (parser);
      parser->depth--;
      if (rule == NULL)
        return NULL;

      token = peek (parser);
      if (token->type != TOKEN_RPAREN)
        {
          parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
                       _("expected “)” to close the “(” at column %u"),
                       (guint) g_utf8_strlen (parser->text, open->offset) + 1);
          eligo_rule_unref (rule);
          return NULL;
        }
      next (parser);
      return rule;
    }

  if (token->type != TOKEN_WORD || token->keyword != KEYWORD_NONE)
    {
      parser_fail_unexpected (parser, token);
      return NULL;
    }

  name = token_dup_text (parser, token);
  variable = eligo_variable_lookup (name);
  if (variable == NULL)
    {
      parser_fail (parser, ELIGO_RULE_ERROR_UNKNOWN_VARIABLE, token->offset,
                   _("unknown variable “%s”"), name);
      return NULL;
    }
  next (parser);

  switch (variable->type)
    {
    case ELIGO_VARIABLE_NUMBER:
      return parse_number_comparison (parser, variable, token);
    case ELIGO_VARIABLE_ENUM:
      return parse_enum_comparison (parser, variable, token);
    case ELIGO_VARIABLE_BOOL:
    default:
      return parse_bool (parser, variable);
    }
}

static EligoRule *
parse_not (Parser *parser)
{
  const Token *token = peek (parser);
  EligoRule *child;

  if (token->type != TOKEN_WORD || token->keyword != KEYWORD_NOT)
    return parse_primary (parser);

  next (parser);
  if (++parser->depth > MAX_DEPTH)
    {
      parser_fail (parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
                   _("the rule is nested too deeply"));
      return NULL;
    }
  child = parse_not (parser);
  parser->depth--;
  if (child == NULL)
    return NULL;

  return rule_new_not (child);
}

static EligoRule *
parse_junction (Parser        *parser,
                EligoRuleKind  kind)
{
  Keyword keyword = kind == ELIGO_RULE_AND ? KEYWORD_AND : KEYWORD_OR;
  g_autoptr(GPtrArray) children = NULL;
  EligoRule *rule;

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_rule_unref);

  for (;;)
    {
      const Token *token;
      EligoRule *child;

      child = kind == ELIGO_RULE_AND ? parse_not (parser) : parse_junction (parser, ELIGO_RULE_AND);
      if (child == NULL)
        return NULL;
      g_ptr_array_add (children, child);

      token = peek (parser);
      if (token->type != TOKEN_WORD || token->keyword != keyword)
        break;
      next (parser);
    }

  g_ptr_array_set_free_func (children, NULL);
  rule = rule_new_junction (kind, children);

  return rule;
}

static EligoRule *
parse_or (Parser *parser)
{
  return parse_junction (parser, ELIGO_RULE_OR);
}

/* Public API */

/**
 * eligo_rule_parse:
 * @text: a rule in the rule language
 * @error_offset: (out) (optional): where to store the byte offset of the
 *   token at fault
 * @error: return location for an error in %ELIGO_RULE_ERROR, whose message
 *   starts with the 1-based character column
 *
 * Returns: (transfer full) (nullable): the rule, or %NULL on error
 */
EligoRule *
eligo_rule_parse (const char  *text,
                  guint       *error_offset,
                  GError     **error)
{
  Parser parser = { 0 };
  const char *invalid;
  EligoRule *rule;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser.text = text;

  if (!g_utf8_validate (text, -1, &invalid))
    {
      parser_fail (&parser, ELIGO_RULE_ERROR_SYNTAX, invalid - text,
                   _("the rule is not valid UTF-8 text"));
      goto fail;
    }

  parser.tokens = _eligo_rule_tokenize (text);
  if (peek (&parser)->type == TOKEN_END)
    {
      parser_fail (&parser, ELIGO_RULE_ERROR_SYNTAX, 0, _("the rule is empty"));
      goto fail;
    }

  rule = parse_or (&parser);
  if (rule != NULL && peek (&parser)->type != TOKEN_END)
    {
      const Token *token = peek (&parser);

      if (token->type == TOKEN_WORD || token->type == TOKEN_NUMBER)
        {
          g_autofree char *word = token_dup_text (&parser, token);

          parser_fail (&parser, ELIGO_RULE_ERROR_SYNTAX, token->offset,
                       _("unexpected “%s”; expected “and” or “or”"), word);
        }
      else
        {
          parser_fail_unexpected (&parser, token);
        }
      g_clear_pointer (&rule, eligo_rule_unref);
    }
  if (rule == NULL)
    goto fail;

  g_array_unref (parser.tokens);

  return rule;

fail:
  g_clear_pointer (&parser.tokens, g_array_unref);
  g_assert (parser.error != NULL);
  if (error_offset != NULL)
    *error_offset = parser.error_offset;
  g_propagate_error (error, parser.error);

  return NULL;
}
