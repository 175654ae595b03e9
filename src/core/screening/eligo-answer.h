/* eligo-answer.h
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

#pragma once

#include <glib-object.h>

#include "eligo-criterion.h"

G_BEGIN_DECLS

/* A nurse's decision on one criterion; it overrides the engine. */
typedef enum
{
  ELIGO_ANSWER_PASS,
  ELIGO_ANSWER_FAIL,
} EligoAnswerVerdict;

typedef struct
{
  char               *criterion_id;    /* "NCT07072494/I3" */
  EligoAnswerVerdict  verdict;
  char               *note;            /* nullable */
  char               *author;          /* nullable */
  GDateTime          *time;            /* nullable: short answers read from JSON have none */
  char               *criterion_text;  /* the criterion's words when answered; nullable
                                        * for answers saved before Eligo kept them */
} EligoAnswer;

#define ELIGO_TYPE_ANSWER (eligo_answer_get_type ())

GType        eligo_answer_get_type        (void) G_GNUC_CONST;
EligoAnswer *eligo_answer_new             (const char         *criterion_id,
                                           EligoAnswerVerdict  verdict,
                                           const char         *note,
                                           const char         *author,
                                           GDateTime          *time,
                                           const char         *criterion_text);
EligoAnswer *eligo_answer_copy            (const EligoAnswer  *answer);
void         eligo_answer_free            (EligoAnswer        *answer);
char        *eligo_answer_dup_match_key   (const EligoAnswer  *answer);
char        *eligo_answer_dup_criterion_key (EligoCriterion   *criterion);
gboolean     eligo_answer_is_for          (const EligoAnswer  *answer,
                                           EligoCriterion     *criterion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EligoAnswer, eligo_answer_free)

G_END_DECLS
