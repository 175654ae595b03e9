/* eligo-patient-answers.c
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


/*
 * The nurse's answers on single criteria: setting, copying and removing
 * them, finding the answer that decides a criterion (at its id, moved
 * within its trial, or given on the same words in another trial), and the
 * criterion ids they are kept under (NCTnnnnnnnn/I<n>), checked and
 * ordered.
 *
 * Patient data never goes to the log: not the id, not a value.
 */

#define G_LOG_DOMAIN "eligo-patient"

#include "config.h"

#include <string.h>

#include "eligo-patient-private.h"

static GDateTime *
now_utc_seconds (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
}

static int
compare_answers (gconstpointer a,
                 gconstpointer b)
{
  const EligoAnswer *answer_a = *(EligoAnswer * const *) a;
  const EligoAnswer *answer_b = *(EligoAnswer * const *) b;

  return eligo_criterion_id_compare (answer_a->criterion_id, answer_b->criterion_id);
}

void
_eligo_patient_store_answer (EligoPatient *self,
                             EligoAnswer  *answer)
{
  g_hash_table_replace (self->answers, answer->criterion_id, answer);
}

/**
 * eligo_patient_set_answer:
 * @criterion_id: e.g. "NCT07072494/I3"
 * @note: (nullable): why
 * @author: (nullable): who
 * @time: (nullable): when; %NULL for now
 *
 * Sets or replaces the nurse's answer on a criterion. The time is kept in UTC.
 */
void
eligo_patient_set_answer (EligoPatient       *self,
                          const char         *criterion_id,
                          EligoAnswerVerdict  verdict,
                          const char         *note,
                          const char         *author,
                          GDateTime          *time)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (eligo_criterion_id_is_valid (criterion_id));
  g_return_if_fail (verdict == ELIGO_ANSWER_PASS || verdict == ELIGO_ANSWER_FAIL);

  if (time == NULL)
    time = now = now_utc_seconds ();

  _eligo_patient_store_answer (self, eligo_answer_new (criterion_id, verdict, note, author, time,
                                                      NULL));
  _eligo_patient_emit_changed (self);
}

/**
 * eligo_patient_get_answer:
 *
 * Returns: (transfer none) (nullable): the answer, valid until the next change
 */
const EligoAnswer *
eligo_patient_get_answer (EligoPatient *self,
                          const char   *criterion_id)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, criterion_id);
}

/**
 * eligo_patient_answer_criterion:
 * @criterion: the criterion answered
 * @note: (nullable): the nurse's note
 * @author: (nullable): who answered
 * @time: (nullable): when; now if %NULL
 *
 * Records the nurse's answer on @criterion, with its words, so that the
 * answer follows the criterion when its id moves, is dropped when the
 * registry rewords it, and answers the same criterion in other trials for
 * this patient (eligo_patient_find_answer()).
 */
void
eligo_patient_answer_criterion (EligoPatient       *self,
                                EligoCriterion     *criterion,
                                EligoAnswerVerdict  verdict,
                                const char         *note,
                                const char         *author,
                                GDateTime          *time)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (ELIGO_IS_CRITERION (criterion));
  g_return_if_fail (verdict == ELIGO_ANSWER_PASS || verdict == ELIGO_ANSWER_FAIL);

  if (time == NULL)
    time = now = now_utc_seconds ();

  _eligo_patient_store_answer (self, eligo_answer_new (eligo_criterion_get_id (criterion), verdict,
                                                      note, author, time,
                                                      eligo_criterion_get_text (criterion)));
  _eligo_patient_emit_changed (self);
}

/**
 * eligo_patient_add_answer:
 * @answer: an answer, e.g. from another patient record
 *
 * Records a copy of @answer, the criterion's words included.
 */
void
eligo_patient_add_answer (EligoPatient      *self,
                          const EligoAnswer *answer)
{
  g_return_if_fail (ELIGO_IS_PATIENT (self));
  g_return_if_fail (answer != NULL);
  g_return_if_fail (eligo_criterion_id_is_valid (answer->criterion_id));

  _eligo_patient_store_answer (self, eligo_answer_copy (answer));
  _eligo_patient_emit_changed (self);
}

static gboolean
same_trial (const char *criterion_id,
            const char *nct_id)
{
  gsize n = strlen (nct_id);

  return strncmp (criterion_id, nct_id, n) == 0 && criterion_id[n] == '/';
}

static gboolean
is_newer (const EligoAnswer *answer,
          const EligoAnswer *than)
{
  if (than->time == NULL || answer->time == NULL)
    return answer->time != NULL;

  return g_date_time_compare (answer->time, than->time) > 0;
}

/**
 * eligo_patient_find_answer:
 * @criterion: a criterion as it reads now
 *
 * The nurse's answer that decides @criterion for this patient:
 *  1. her answer at its id, if given on the same words (or saved before
 *     Eligo kept them);
 *  2. else her answer on the same words in the same trial, at another id
 *     (the criteria were renumbered);
 *  3. else her newest answer on the same words and kind in another trial:
 *     answered once, it holds in every trial that writes it alike.
 * An answer given on words the registry has since changed decides nothing.
 * The answer's criterion_id says where it was given.
 *
 * Returns: (transfer none) (nullable): the answer, valid until the next change
 */
const EligoAnswer *
eligo_patient_find_answer (EligoPatient   *self,
                           EligoCriterion *criterion)
{
  g_autofree char *key = NULL;
  const EligoAnswer *own;
  const EligoAnswer *moved = NULL;
  const EligoAnswer *shared = NULL;
  const char *nct_id;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);
  g_return_val_if_fail (ELIGO_IS_CRITERION (criterion), NULL);

  own = g_hash_table_lookup (self->answers, eligo_criterion_get_id (criterion));
  if (own != NULL && eligo_answer_is_for (own, criterion))
    return own;

  key = eligo_answer_dup_criterion_key (criterion);
  nct_id = eligo_criterion_get_nct_id (criterion);
  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const EligoAnswer *answer = value;
      g_autofree char *answer_key = eligo_answer_dup_match_key (answer);

      if (answer_key == NULL || !g_str_equal (answer_key, key))
        continue;

      if (same_trial (answer->criterion_id, nct_id))
        {
          /* Its own answer at its id is for other words: not this one. */
          if (moved == NULL || is_newer (answer, moved))
            moved = answer;
        }
      else if (shared == NULL || is_newer (answer, shared))
        shared = answer;
    }

  return moved != NULL ? moved : shared;
}

gboolean
eligo_patient_remove_answer (EligoPatient *self,
                             const char   *criterion_id)
{
  g_return_val_if_fail (ELIGO_IS_PATIENT (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  if (!g_hash_table_remove (self->answers, criterion_id))
    return FALSE;

  _eligo_patient_emit_changed (self);
  return TRUE;
}

/**
 * eligo_patient_dup_answers:
 *
 * Returns: (transfer full) (element-type EligoAnswer): copies of the answers,
 *   sorted by criterion id (eligo_criterion_id_compare())
 */
GPtrArray *
eligo_patient_dup_answers (EligoPatient *self)
{
  GHashTableIter iter;
  gpointer value;
  GPtrArray *answers;

  g_return_val_if_fail (ELIGO_IS_PATIENT (self), NULL);

  answers = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_answer_free);
  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (answers, eligo_answer_copy (value));
  g_ptr_array_sort (answers, compare_answers);

  return answers;
}

/**
 * eligo_criterion_id_is_valid:
 *
 * Returns: whether @criterion_id is NCTnnnnnnnn/I<n> or NCTnnnnnnnn/E<n>
 */
gboolean
eligo_criterion_id_is_valid (const char *criterion_id)
{
  const char *p;

  if (criterion_id == NULL || strlen (criterion_id) < 14 || strncmp (criterion_id, "NCT", 3) != 0)
    return FALSE;

  for (guint i = 3; i < 11; i++)
    if (!g_ascii_isdigit (criterion_id[i]))
      return FALSE;

  if (criterion_id[11] != '/' || (criterion_id[12] != 'I' && criterion_id[12] != 'E'))
    return FALSE;

  for (p = criterion_id + 13; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return p - (criterion_id + 13) <= 6;
}

/**
 * eligo_criterion_id_compare:
 *
 * Orders criterion ids by trial, then inclusions before exclusions, then by
 * number: NCT…/I2 comes before NCT…/I10, which comes before NCT…/E1.
 * Ids that are not valid sort after valid ones, by strcmp().
 */
int
eligo_criterion_id_compare (const char *a,
                            const char *b)
{
  gboolean valid_a = eligo_criterion_id_is_valid (a);
  gboolean valid_b = eligo_criterion_id_is_valid (b);
  guint64 number_a, number_b;
  int cmp;

  if (!valid_a || !valid_b)
    {
      if (valid_a != valid_b)
        return valid_a ? -1 : 1;
      return g_strcmp0 (a, b);
    }

  cmp = strncmp (a, b, 11);
  if (cmp != 0)
    return cmp;

  if (a[12] != b[12])
    return a[12] == 'I' ? -1 : 1;

  number_a = g_ascii_strtoull (a + 13, NULL, 10);
  number_b = g_ascii_strtoull (b + 13, NULL, 10);
  if (number_a != number_b)
    return number_a < number_b ? -1 : 1;

  return strcmp (a, b);
}
