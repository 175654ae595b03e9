/* eligo-rule-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "eligo-rule.h"

G_BEGIN_DECLS

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

/* Tokens, as the lexer hands them to the parser */

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

/* Cuts @text into tokens (see eligo-rule-lexer.c). */
GArray *_eligo_rule_tokenize (const char *text);

G_END_DECLS
