/* eligo-rule.c
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
#include <string.h>

#include "eligo-rule.h"

/*
 * A rule is a tree of immutable, atomically refcounted nodes. Variable names
 * and enum symbols are interned, so nodes compare them by pointer.
 *
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

struct _EligoRule
{
  EligoRuleKind   kind;
  EligoRuleOp     op;
  const char     *variable;   /* interned; COMPARE, IN, VARIABLE */
  const char     *symbol;     /* interned; COMPARE with an enum */
  double          number;     /* COMPARE with a number, else NAN */
  guint           n_children; /* AND, OR, NOT */
  EligoRule     **children;
  const char    **symbols;    /* IN: interned, NULL-terminated */
};

typedef enum
{
  TOKEN_END,
  TOKEN_ERROR,
  TOKEN_LPAREN,
  TOKEN_RPAREN,
  TOKEN_COMMA,
  TOKEN_OP,
  TOKEN_NUMBER,
  TOKEN_WORD,
} TokenType;

typedef enum
{
  KEYWORD_NONE,
  KEYWORD_AND,
  KEYWORD_OR,
  KEYWORD_NOT,
  KEYWORD_IN,
  KEYWORD_TRUE,
  KEYWORD_FALSE,
} Keyword;

typedef struct
{
  TokenType    type;
  guint        offset;
  guint        len;
  EligoRuleOp  op;
  Keyword      keyword;
  double       number;
} Token;

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

G_DEFINE_BOXED_TYPE (EligoRule, eligo_rule, eligo_rule_ref, eligo_rule_unref)
G_DEFINE_QUARK (eligo-rule-error-quark, eligo_rule_error)

static const char * const op_names[] = {
  [ELIGO_RULE_OP_LT] = "<",
  [ELIGO_RULE_OP_LE] = "<=",
  [ELIGO_RULE_OP_GT] = ">",
  [ELIGO_RULE_OP_GE] = ">=",
  [ELIGO_RULE_OP_EQ] = "==",
  [ELIGO_RULE_OP_NE] = "!=",
};

static const struct {
  const char *word;
  Keyword     keyword;
} keywords[] = {
  { "and", KEYWORD_AND },
  { "or", KEYWORD_OR },
  { "not", KEYWORD_NOT },
  { "in", KEYWORD_IN },
  { "true", KEYWORD_TRUE },
  { "false", KEYWORD_FALSE },
};

/* Nodes */

static void
rule_clear (EligoRule *rule)
{
  for (guint i = 0; i < rule->n_children; i++)
    eligo_rule_unref (rule->children[i]);
  g_free (rule->children);
  g_free (rule->symbols);
}

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

/* Tokens */

static Keyword
keyword_lookup (const char *word,
                gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strlen (keywords[i].word) == len
        && g_ascii_strncasecmp (keywords[i].word, word, len) == 0)
      return keywords[i].keyword;

  return KEYWORD_NONE;
}

static gboolean
is_word_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* Length of a number at @p (digits, an optional fraction and an optional
 * exponent, as the printer writes them), or 0. */
static gsize
scan_number (const char *p)
{
  const char *start = p;

  if (!g_ascii_isdigit (*p))
    return 0;
  while (g_ascii_isdigit (*p))
    p++;
  if (p[0] == '.' && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (p[0] == 'e' || p[0] == 'E')
    {
      const char *q = p + 1;

      if (*q == '+' || *q == '-')
        q++;
      if (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          p = q;
        }
    }

  return p - start;
}

static gsize
scan_op (const char  *p,
         EligoRuleOp *op)
{
  static const struct {
    const char  *text;
    EligoRuleOp  op;
  } ops[] = {
    { "<=", ELIGO_RULE_OP_LE },
    { ">=", ELIGO_RULE_OP_GE },
    { "==", ELIGO_RULE_OP_EQ },
    { "!=", ELIGO_RULE_OP_NE },
    { "\u2264", ELIGO_RULE_OP_LE },
    { "\u2265", ELIGO_RULE_OP_GE },
    { "\u2260", ELIGO_RULE_OP_NE },
    { "<", ELIGO_RULE_OP_LT },
    { ">", ELIGO_RULE_OP_GT },
    { "=", ELIGO_RULE_OP_EQ },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      gsize len = strlen (ops[i].text);

      if (strncmp (p, ops[i].text, len) == 0)
        {
          *op = ops[i].op;
          return len;
        }
    }

  return 0;
}

/* @text is valid UTF-8. Stops after the first ERROR token; always ends with
 * an END or ERROR token. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  for (;;)
    {
      Token token = { 0 };
      gunichar c;
      gsize len;

      c = g_utf8_get_char (p);
      while (c != 0 && g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          c = g_utf8_get_char (p);
        }

      token.offset = p - text;
      token.number = NAN;

      if (*p == '\0')
        {
          token.type = TOKEN_END;
        }
      else if (*p == '(' || *p == ')' || *p == ',')
        {
          token.type = *p == '(' ? TOKEN_LPAREN : *p == ')' ? TOKEN_RPAREN : TOKEN_COMMA;
          token.len = 1;
        }
      else if ((len = scan_op (p, &token.op)) > 0)
        {
          token.type = TOKEN_OP;
          token.len = len;
        }
      else if ((len = scan_number (p)) > 0)
        {
          token.type = TOKEN_NUMBER;
          token.len = len;
          token.number = g_ascii_strtod (p, NULL);
        }
      else if (is_word_start (*p))
        {
          len = 1;
          while (is_word_char (p[len]))
            len++;
          token.type = TOKEN_WORD;
          token.len = len;
          token.keyword = keyword_lookup (p, len);
        }
      else
        {
          token.type = TOKEN_ERROR;
          token.len = g_utf8_next_char (p) - p;
        }

      g_array_append_val (tokens, token);
      if (token.type == TOKEN_END || token.type == TOKEN_ERROR)
        break;
      p += token.len;
    }

  return tokens;
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

/* Printer */

static int
precedence (const EligoRule *rule)
{
  switch (rule->kind)
    {
    case ELIGO_RULE_OR:
      return 1;
    case ELIGO_RULE_AND:
      return 2;
    case ELIGO_RULE_NOT:
      return 3;
    case ELIGO_RULE_COMPARE:
    case ELIGO_RULE_IN:
    case ELIGO_RULE_VARIABLE:
    default:
      return 4;
    }
}

static void
append_number (GString *string,
               double   number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);
  g_string_append (string, buffer);
}

static void
append_rule (GString         *string,
             const EligoRule *rule);

static void
append_child (GString         *string,
              const EligoRule *child,
              int              parent_precedence)
{
  gboolean parens = precedence (child) <= parent_precedence && child->kind != ELIGO_RULE_NOT;

  if (parens)
    g_string_append_c (string, '(');
  append_rule (string, child);
  if (parens)
    g_string_append_c (string, ')');
}

static void
append_rule (GString         *string,
             const EligoRule *rule)
{
  switch (rule->kind)
    {
    case ELIGO_RULE_OR:
    case ELIGO_RULE_AND:
      for (guint i = 0; i < rule->n_children; i++)
        {
          if (i > 0)
            g_string_append (string, rule->kind == ELIGO_RULE_OR ? " or " : " and ");
          append_child (string, rule->children[i], precedence (rule));
        }
      break;

    case ELIGO_RULE_NOT:
      g_string_append (string, "not ");
      append_child (string, rule->children[0], precedence (rule));
      break;

    case ELIGO_RULE_COMPARE:
      g_string_append_printf (string, "%s %s ", rule->variable, op_names[rule->op]);
      if (rule->symbol != NULL)
        g_string_append (string, rule->symbol);
      else
        append_number (string, rule->number);
      break;

    case ELIGO_RULE_IN:
      g_string_append_printf (string, "%s in (", rule->variable);
      for (guint i = 0; rule->symbols[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (string, ", ");
          g_string_append (string, rule->symbols[i]);
        }
      g_string_append_c (string, ')');
      break;

    case ELIGO_RULE_VARIABLE:
    default:
      g_string_append (string, rule->variable);
      break;
    }
}

/* Evaluation */

static gboolean
lookup_value (EligoValueLookup  lookup,
              gpointer          user_data,
              const char       *name,
              EligoValueKind    kind,
              EligoValue       *value)
{
  memset (value, 0, sizeof *value);
  value->kind = ELIGO_VALUE_UNKNOWN;
  value->number = NAN;

  if (lookup == NULL || !lookup (name, value, user_data))
    return FALSE;
  if (value->kind != kind)
    return FALSE;
  if (kind == ELIGO_VALUE_NUMBER && isnan (value->number))
    return FALSE;
  if (kind == ELIGO_VALUE_SYMBOL && value->symbol == NULL)
    return FALSE;

  return TRUE;
}

static EligoTruth
truth (gboolean value)
{
  return value ? ELIGO_TRUTH_TRUE : ELIGO_TRUTH_FALSE;
}

static gboolean
compare_numbers (EligoRuleOp op,
                 double      a,
                 double      b)
{
  switch (op)
    {
    case ELIGO_RULE_OP_LT:
      return a < b;
    case ELIGO_RULE_OP_LE:
      return a <= b;
    case ELIGO_RULE_OP_GT:
      return a > b;
    case ELIGO_RULE_OP_GE:
      return a >= b;
    case ELIGO_RULE_OP_EQ:
      return a == b;
    case ELIGO_RULE_OP_NE:
    default:
      return a != b;
    }
}

static void
collect_variables (const EligoRule *rule,
                   GHashTable      *names)
{
  if (rule->variable != NULL)
    g_hash_table_add (names, (gpointer) rule->variable);

  for (guint i = 0; i < rule->n_children; i++)
    collect_variables (rule->children[i], names);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
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

  parser.tokens = tokenize (text);
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

EligoRule *
eligo_rule_ref (EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return g_atomic_rc_box_acquire (rule);
}

void
eligo_rule_unref (EligoRule *rule)
{
  g_return_if_fail (rule != NULL);

  g_atomic_rc_box_release_full (rule, (GDestroyNotify) rule_clear);
}

/**
 * eligo_rule_to_string:
 *
 * Returns: (transfer full): the canonical text of @rule: ASCII operators,
 *   single spaces, and only the parentheses that precedence needs
 */
char *
eligo_rule_to_string (const EligoRule *rule)
{
  GString *string;

  g_return_val_if_fail (rule != NULL, NULL);

  string = g_string_new (NULL);
  append_rule (string, rule);

  return g_string_free (string, FALSE);
}

gboolean
eligo_rule_equal (const EligoRule *a,
                  const EligoRule *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  if (a->kind != b->kind
      || a->variable != b->variable
      || a->n_children != b->n_children)
    return FALSE;

  switch (a->kind)
    {
    case ELIGO_RULE_COMPARE:
      if (a->op != b->op || a->symbol != b->symbol)
        return FALSE;
      if (a->symbol == NULL && a->number != b->number)
        return FALSE;
      break;

    case ELIGO_RULE_IN:
      for (guint i = 0; ; i++)
        {
          if (a->symbols[i] != b->symbols[i])
            return FALSE;
          if (a->symbols[i] == NULL)
            break;
        }
      break;

    case ELIGO_RULE_OR:
    case ELIGO_RULE_AND:
    case ELIGO_RULE_NOT:
    case ELIGO_RULE_VARIABLE:
    default:
      break;
    }

  for (guint i = 0; i < a->n_children; i++)
    if (!eligo_rule_equal (a->children[i], b->children[i]))
      return FALSE;

  return TRUE;
}

/**
 * eligo_rule_evaluate:
 * @lookup: (nullable): gives the patient's values; %NULL means all unknown
 *
 * Kleene logic. A value that @lookup does not give, or gives with the wrong
 * kind for the variable (a number for a bool, say), or a NaN number, is
 * unknown.
 */
EligoTruth
eligo_rule_evaluate (const EligoRule  *rule,
                     EligoValueLookup  lookup,
                     gpointer          user_data)
{
  EligoValue value;
  EligoTruth result;

  g_return_val_if_fail (rule != NULL, ELIGO_TRUTH_UNKNOWN);

  switch (rule->kind)
    {
    case ELIGO_RULE_OR:
    case ELIGO_RULE_AND:
      {
        EligoTruth dominant = rule->kind == ELIGO_RULE_AND ? ELIGO_TRUTH_FALSE : ELIGO_TRUTH_TRUE;

        result = rule->kind == ELIGO_RULE_AND ? ELIGO_TRUTH_TRUE : ELIGO_TRUTH_FALSE;
        for (guint i = 0; i < rule->n_children; i++)
          {
            EligoTruth child = eligo_rule_evaluate (rule->children[i], lookup, user_data);

            if (child == dominant)
              return dominant;
            if (child == ELIGO_TRUTH_UNKNOWN)
              result = ELIGO_TRUTH_UNKNOWN;
          }
        return result;
      }

    case ELIGO_RULE_NOT:
      result = eligo_rule_evaluate (rule->children[0], lookup, user_data);
      if (result == ELIGO_TRUTH_UNKNOWN)
        return ELIGO_TRUTH_UNKNOWN;
      return truth (result == ELIGO_TRUTH_FALSE);

    case ELIGO_RULE_COMPARE:
      if (rule->symbol != NULL)
        {
          if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_SYMBOL, &value))
            return ELIGO_TRUTH_UNKNOWN;
          return truth ((strcmp (value.symbol, rule->symbol) == 0)
                        == (rule->op == ELIGO_RULE_OP_EQ));
        }
      if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_NUMBER, &value))
        return ELIGO_TRUTH_UNKNOWN;
      return truth (compare_numbers (rule->op, value.number, rule->number));

    case ELIGO_RULE_IN:
      if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_SYMBOL, &value))
        return ELIGO_TRUTH_UNKNOWN;
      for (guint i = 0; rule->symbols[i] != NULL; i++)
        if (strcmp (value.symbol, rule->symbols[i]) == 0)
          return ELIGO_TRUTH_TRUE;
      return ELIGO_TRUTH_FALSE;

    case ELIGO_RULE_VARIABLE:
    default:
      if (!lookup_value (lookup, user_data, rule->variable, ELIGO_VALUE_BOOL, &value))
        return ELIGO_TRUTH_UNKNOWN;
      return truth (value.boolean);
    }
}

/**
 * eligo_rule_dup_variables:
 *
 * Returns: (transfer full): the names of the variables @rule uses, sorted
 *   and each once
 */
char **
eligo_rule_dup_variables (const EligoRule *rule)
{
  g_autoptr(GHashTable) names = NULL;
  GHashTableIter iter;
  gpointer name;
  GPtrArray *array;

  g_return_val_if_fail (rule != NULL, NULL);

  names = g_hash_table_new (NULL, NULL);
  collect_variables (rule, names);

  array = g_ptr_array_sized_new (g_hash_table_size (names) + 1);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (array, g_strdup (name));
  g_ptr_array_sort (array, compare_strings);
  g_ptr_array_add (array, NULL);

  return (char **) g_ptr_array_free (array, FALSE);
}

EligoRuleKind
eligo_rule_get_kind (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, ELIGO_RULE_VARIABLE);

  return rule->kind;
}

/**
 * eligo_rule_get_n_children:
 *
 * Returns: 2 or more for AND and OR, 1 for NOT, 0 otherwise
 */
guint
eligo_rule_get_n_children (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, 0);

  return rule->n_children;
}

const EligoRule *
eligo_rule_get_child (const EligoRule *rule,
                      guint            index)
{
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (index < rule->n_children, NULL);

  return rule->children[index];
}

/**
 * eligo_rule_get_variable:
 *
 * Returns: (nullable): the interned variable name of a COMPARE, IN or
 *   VARIABLE rule, %NULL for the others
 */
const char *
eligo_rule_get_variable (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->variable;
}

/**
 * eligo_rule_get_op:
 *
 * Returns: the operator of a COMPARE rule; %ELIGO_RULE_OP_EQ for the others
 */
EligoRuleOp
eligo_rule_get_op (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, ELIGO_RULE_OP_EQ);

  return rule->op;
}

/**
 * eligo_rule_get_number:
 *
 * Returns: the number a COMPARE rule compares with; NAN if it compares with
 *   a symbol, and for the other kinds
 */
double
eligo_rule_get_number (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NAN);

  return rule->number;
}

/**
 * eligo_rule_get_symbol:
 *
 * Returns: (nullable): the interned enum symbol a COMPARE rule compares
 *   with, or %NULL
 */
const char *
eligo_rule_get_symbol (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->symbol;
}

/**
 * eligo_rule_get_symbols:
 *
 * Returns: (nullable) (array zero-terminated=1): the interned symbols of an
 *   IN rule, in the order written, or %NULL for the other kinds
 */
const char * const *
eligo_rule_get_symbols (const EligoRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return (const char * const *) rule->symbols;
}

/**
 * eligo_rule_op_to_string:
 *
 * Returns: the ASCII spelling of @op, as the printer writes it ("<=")
 */
const char *
eligo_rule_op_to_string (EligoRuleOp op)
{
  g_return_val_if_fail (op <= ELIGO_RULE_OP_NE, NULL);

  return op_names[op];
}

/**
 * eligo_rule_op_get_symbol:
 *
 * Returns: the sign of @op as people write it ("≤"), for what is shown and
 *   printed
 */
const char *
eligo_rule_op_get_symbol (EligoRuleOp op)
{
  switch (op)
    {
    case ELIGO_RULE_OP_LT:
      return "<";
    case ELIGO_RULE_OP_LE:
      return "≤";
    case ELIGO_RULE_OP_GT:
      return ">";
    case ELIGO_RULE_OP_GE:
      return "≥";
    case ELIGO_RULE_OP_NE:
      return "≠";
    case ELIGO_RULE_OP_EQ:
    default:
      return "=";
    }
}
