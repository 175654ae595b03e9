/* eligo-rule-lexer.c
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

#include <math.h>
#include <string.h>

#include "eligo-rule.h"
#include "eligo-rule-private.h"

/*
 * The lexer of the rule language: words, keywords, numbers, operators and
 * punctuation, as Token values for eligo-rule-parser.c.
 */

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
GArray *
_eligo_rule_tokenize (const char *text)
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
