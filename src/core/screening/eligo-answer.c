/* eligo-answer.c: a nurse's answer on one criterion
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An answer keeps the words of the criterion it was given on. Criterion ids
 * are positions in the text ("NCT…/E4" is the fourth exclusion), so they
 * move when the registry rewords a trial or the splitter reads it anew; the
 * words say whether an answer still belongs to the criterion now at its id,
 * to another one of the same trial, or, for the same patient, to the same
 * criterion written in another trial.
 */

#define G_LOG_DOMAIN "eligo-answer"

#include "config.h"

#include <string.h>

#include "eligo-answer.h"

G_DEFINE_BOXED_TYPE (EligoAnswer, eligo_answer, eligo_answer_copy, eligo_answer_free)

/**
 * eligo_answer_new:
 * @criterion_id: "NCT07072494/I3"
 * @note: (nullable): the nurse's note
 * @author: (nullable): who answered
 * @time: (nullable): when
 * @criterion_text: (nullable): the criterion's words when answered
 *
 * Returns: (transfer full): the answer
 */
EligoAnswer *
eligo_answer_new (const char         *criterion_id,
                  EligoAnswerVerdict  verdict,
                  const char         *note,
                  const char         *author,
                  GDateTime          *time,
                  const char         *criterion_text)
{
  EligoAnswer *answer = g_new0 (EligoAnswer, 1);

  g_return_val_if_fail (criterion_id != NULL, NULL);

  answer->criterion_id = g_strdup (criterion_id);
  answer->verdict = verdict;
  answer->note = (note != NULL && *note != '\0') ? g_strdup (note) : NULL;
  answer->author = (author != NULL && *author != '\0') ? g_strdup (author) : NULL;
  answer->time = time != NULL ? g_date_time_to_utc (time) : NULL;
  answer->criterion_text = (criterion_text != NULL && *criterion_text != '\0')
                           ? g_strdup (criterion_text) : NULL;

  return answer;
}

EligoAnswer *
eligo_answer_copy (const EligoAnswer *answer)
{
  g_return_val_if_fail (answer != NULL, NULL);

  return eligo_answer_new (answer->criterion_id, answer->verdict, answer->note, answer->author,
                           answer->time, answer->criterion_text);
}

void
eligo_answer_free (EligoAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->criterion_id);
  g_free (answer->note);
  g_free (answer->author);
  g_clear_pointer (&answer->time, g_date_time_unref);
  g_free (answer->criterion_text);
  g_free (answer);
}

/* The kind and the words, as eligo_criterion_dup_match_key() gives them
 * for a criterion read from the text: case, punctuation and spacing left
 * out ("Pregnant  or LACTATING women;" is "E:pregnant or lactating women").
 * The splitter has already taken the numbering and bullets off. */
static char *
text_key (char        kind,
          const char *text)
{
  g_autofree char *normalized = eligo_criteria_normalize_text (text);

  return g_strdup_printf ("%c:%s", kind, normalized);
}

/**
 * eligo_answer_dup_match_key:
 *
 * The kind and the words of the criterion the answer was given on,
 * normalized: numbering, bullets, case and spacing do not count.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL for an answer
 *   saved without the criterion's words
 */
char *
eligo_answer_dup_match_key (const EligoAnswer *answer)
{
  const char *slash;

  g_return_val_if_fail (answer != NULL, NULL);

  slash = strrchr (answer->criterion_id, '/');
  if (answer->criterion_text == NULL || slash == NULL || (slash[1] != 'I' && slash[1] != 'E'))
    return NULL;

  return text_key (slash[1], answer->criterion_text);
}

/**
 * eligo_answer_dup_criterion_key:
 *
 * The key of @criterion as it reads now, to compare with
 * eligo_answer_dup_match_key().
 *
 * Returns: (transfer full): the key
 */
char *
eligo_answer_dup_criterion_key (EligoCriterion *criterion)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION (criterion), NULL);

  return text_key (eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION ? 'I' : 'E',
                   eligo_criterion_get_text (criterion));
}

/**
 * eligo_answer_is_for:
 *
 * Whether @answer was given on @criterion as it reads now: the same words
 * and kind. An answer saved without the criterion's words is taken to be
 * for the criterion at its id, as Eligo always did.
 */
gboolean
eligo_answer_is_for (const EligoAnswer *answer,
                     EligoCriterion    *criterion)
{
  g_autofree char *answer_key = NULL;
  g_autofree char *criterion_key = NULL;

  g_return_val_if_fail (answer != NULL, FALSE);
  g_return_val_if_fail (ELIGO_IS_CRITERION (criterion), FALSE);

  answer_key = eligo_answer_dup_match_key (answer);
  if (answer_key == NULL)
    return g_strcmp0 (answer->criterion_id, eligo_criterion_get_id (criterion)) == 0;

  criterion_key = eligo_answer_dup_criterion_key (criterion);
  return g_strcmp0 (answer_key, criterion_key) == 0;
}
