/* eligo-criteria-diff.c
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
 * What changed between two versions of a trial's criteria. Criterion ids
 * are positions ("E4" is the fourth exclusion), so one criterion removed
 * renumbers all after it: ids say little. A criterion is the same in both
 * when, in order of trust:
 *  1. its kind and words are the same (numbering, bullets, case, spacing
 *     and punctuation aside, as answers are matched): unchanged;
 *  2. its match key is the same but not its words (the registry's age and
 *     sex limits, whose key names the field): reworded;
 *  3. its words are mostly the same (half the words or more in common,
 *     best pairs first): reworded;
 *  4. it stands where the other stood (same id, or between the same two
 *     unchanged neighbours) with some words in common: reworded.
 * What is left is removed (old) or added (new).
 */

#define G_LOG_DOMAIN "eligo-criteria-diff"

#include "config.h"

#include <string.h>

#include "eligo-criteria-diff.h"

#define SIMILAR_WORDS   0.5   /* step 3 */
#define ALIGNED_WORDS   0.2   /* step 4 */

G_DEFINE_BOXED_TYPE (EligoCriterionChange, eligo_criterion_change,
                     eligo_criterion_change_copy, eligo_criterion_change_free)

typedef struct
{
  guint  old_index;
  guint  new_index;
  double similarity;
} Candidate;

static EligoCriterionChange *
change_new (EligoCriterionChangeKind  kind,
            EligoCriterion           *old_criterion,
            EligoCriterion           *new_criterion)
{
  EligoCriterionChange *change = g_new0 (EligoCriterionChange, 1);

  change->kind = kind;
  change->old_criterion = old_criterion != NULL ? g_object_ref (old_criterion) : NULL;
  change->new_criterion = new_criterion != NULL ? g_object_ref (new_criterion) : NULL;

  return change;
}

static char *
words_key (EligoCriterion *criterion)
{
  const char *text = eligo_criterion_get_text (criterion);
  g_autofree char *normalized = eligo_criteria_normalize_text (text);

  return g_strdup_printf ("%c:%s",
                          eligo_criterion_get_kind (criterion) == ELIGO_CRITERION_INCLUSION
                          ? 'I' : 'E',
                          normalized);
}

static GHashTable *
count_words (const char *text)
{
  g_autofree char *normalized = eligo_criteria_normalize_text (text);
  g_auto(GStrv) words = g_strsplit (normalized, " ", -1);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint n;

      if (words[i][0] == '\0')
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, words[i]));
      g_hash_table_replace (counts, g_strdup (words[i]), GUINT_TO_POINTER (n + 1));
    }

  return counts;
}

static guint
total_words (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

/**
 * eligo_criteria_similarity:
 *
 * How alike two criteria read: the share of words they have in common
 * (Dice's coefficient over the normalized words, repeats counted).
 *
 * Returns: from 0 (no word in common) to 1 (the same words)
 */
double
eligo_criteria_similarity (const char *a,
                           const char *b)
{
  g_autoptr(GHashTable) words_a = count_words (a);
  g_autoptr(GHashTable) words_b = count_words (b);
  guint total = total_words (words_a) + total_words (words_b);
  GHashTableIter iter;
  gpointer key, value;
  guint common = 0;

  if (total == 0)
    return 1.0;

  g_hash_table_iter_init (&iter, words_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    common += MIN (GPOINTER_TO_UINT (value),
                   GPOINTER_TO_UINT (g_hash_table_lookup (words_b, key)));

  return 2.0 * common / total;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;
  int dx = ABS ((int) x->old_index - (int) x->new_index);
  int dy = ABS ((int) y->old_index - (int) y->new_index);

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (dx != dy)
    return dx < dy ? -1 : 1;
  return (int) x->old_index - (int) y->old_index;
}

static gboolean
same_kind (EligoCriterion *a,
           EligoCriterion *b)
{
  return eligo_criterion_get_kind (a) == eligo_criterion_get_kind (b);
}

static gboolean
is_structured (EligoCriterion *criterion)
{
  return eligo_criterion_get_origin (criterion) == ELIGO_ORIGIN_STRUCTURED;
}

/* Whether old @i and new @j stand in the same place: the same id, or the
 * criteria on either side of them are partners (or the ends of the lists). */
static gboolean
aligned (GPtrArray *old_criteria,
         GPtrArray *new_criteria,
         const int *old_partner,
         guint      i,
         guint      j)
{
  gboolean before, after;

  if (g_strcmp0 (eligo_criterion_get_id (g_ptr_array_index (old_criteria, i)),
                 eligo_criterion_get_id (g_ptr_array_index (new_criteria, j))) == 0)
    return TRUE;

  before = (i == 0 && j == 0) || (i > 0 && j > 0 && old_partner[i - 1] == (int) j - 1);
  after = (i + 1 == old_criteria->len && j + 1 == new_criteria->len) ||
          (i + 1 < old_criteria->len && j + 1 < new_criteria->len &&
           old_partner[i + 1] == (int) j + 1);

  return before && after;
}

static void
pair (int                      *old_partner,
      int                      *new_partner,
      EligoCriterionChangeKind *kinds,
      guint                     i,
      guint                     j,
      EligoCriterionChangeKind  kind)
{
  old_partner[i] = (int) j;
  new_partner[j] = (int) i;
  kinds[j] = kind;
}

/**
 * eligo_criteria_diff:
 * @old_criteria: (element-type EligoCriterion): the criteria before
 * @new_criteria: (element-type EligoCriterion): the criteria now
 *
 * Pairs the criteria of two versions of a trial (see the top of this file).
 *
 * Returns: (transfer container) (element-type EligoCriterionChange): every
 *   criterion of both, in the new order, each removed one after the
 *   criterion that now stands where it stood
 */
GPtrArray *
eligo_criteria_diff (GPtrArray *old_criteria,
                     GPtrArray *new_criteria)
{
  guint n_old, n_new;
  g_autofree int *old_partner = NULL;
  g_autofree int *new_partner = NULL;
  g_autofree int *anchor = NULL;
  g_autofree EligoCriterionChangeKind *kinds = NULL;
  g_autoptr(GHashTable) by_words = NULL;
  g_autoptr(GArray) candidates = NULL;
  GPtrArray *changes;

  g_return_val_if_fail (old_criteria != NULL, NULL);
  g_return_val_if_fail (new_criteria != NULL, NULL);

  n_old = old_criteria->len;
  n_new = new_criteria->len;
  old_partner = g_new (int, n_old + 1);
  new_partner = g_new (int, n_new + 1);
  kinds = g_new0 (EligoCriterionChangeKind, n_new + 1);
  for (guint i = 0; i < n_old; i++)
    old_partner[i] = -1;
  for (guint j = 0; j < n_new; j++)
    new_partner[j] = -1;

  /* 1. The same words: the first new criterion reading so, in order. */
  by_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_queue_free);
  for (guint j = 0; j < n_new; j++)
    {
      g_autofree char *key = words_key (g_ptr_array_index (new_criteria, j));
      GQueue *queue = g_hash_table_lookup (by_words, key);

      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (by_words, g_strdup (key), queue);
        }
      g_queue_push_tail (queue, GUINT_TO_POINTER (j));
    }
  for (guint i = 0; i < n_old; i++)
    {
      g_autofree char *key = words_key (g_ptr_array_index (old_criteria, i));
      GQueue *queue = g_hash_table_lookup (by_words, key);

      if (queue != NULL && !g_queue_is_empty (queue))
        pair (old_partner, new_partner, kinds, i, GPOINTER_TO_UINT (g_queue_pop_head (queue)),
              ELIGO_CRITERION_CHANGE_UNCHANGED);
    }

  /* 2. The same match key, other words: the registry's limits. */
  for (guint i = 0; i < n_old; i++)
    {
      EligoCriterion *old_criterion = g_ptr_array_index (old_criteria, i);
      g_autofree char *old_key = NULL;

      if (old_partner[i] >= 0 || !is_structured (old_criterion))
        continue;
      old_key = eligo_criterion_dup_match_key (old_criterion);
      for (guint j = 0; j < n_new; j++)
        {
          EligoCriterion *new_criterion = g_ptr_array_index (new_criteria, j);
          g_autofree char *new_key = NULL;

          if (new_partner[j] >= 0 || !is_structured (new_criterion))
            continue;
          new_key = eligo_criterion_dup_match_key (new_criterion);
          if (g_strcmp0 (old_key, new_key) == 0)
            {
              pair (old_partner, new_partner, kinds, i, j, ELIGO_CRITERION_CHANGE_REWORDED);
              break;
            }
        }
    }

  /* 3. Mostly the same words, the most alike pairs first. */
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < n_old; i++)
    {
      EligoCriterion *old_criterion = g_ptr_array_index (old_criteria, i);

      if (old_partner[i] >= 0 || is_structured (old_criterion))
        continue;
      for (guint j = 0; j < n_new; j++)
        {
          EligoCriterion *new_criterion = g_ptr_array_index (new_criteria, j);
          Candidate candidate = { i, j, 0 };

          if (new_partner[j] >= 0 || is_structured (new_criterion) ||
              !same_kind (old_criterion, new_criterion))
            continue;
          candidate.similarity =
            eligo_criteria_similarity (eligo_criterion_get_text (old_criterion),
                                       eligo_criterion_get_text (new_criterion));
          g_array_append_val (candidates, candidate);
        }
    }
  g_array_sort (candidates, compare_candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, k);

      if (candidate->similarity < SIMILAR_WORDS)
        break;
      if (old_partner[candidate->old_index] >= 0 || new_partner[candidate->new_index] >= 0)
        continue;
      pair (old_partner, new_partner, kinds, candidate->old_index, candidate->new_index,
            ELIGO_CRITERION_CHANGE_REWORDED);
    }

  /* 4. In the same place, with some words in common. */
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, k);

      if (candidate->similarity < ALIGNED_WORDS)
        break;
      if (old_partner[candidate->old_index] >= 0 || new_partner[candidate->new_index] >= 0 ||
          !aligned (old_criteria, new_criteria, old_partner, candidate->old_index,
                    candidate->new_index))
        continue;
      pair (old_partner, new_partner, kinds, candidate->old_index, candidate->new_index,
            ELIGO_CRITERION_CHANGE_REWORDED);
    }

  /* Each removed criterion goes after the new partner of the nearest old
   * criterion before it that has one. */
  anchor = g_new (int, n_old + 1);
  for (guint i = 0, last = 0; i < n_old; i++)
    {
      if (old_partner[i] >= 0)
        last = (guint) old_partner[i] + 1;
      anchor[i] = (int) last - 1;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) eligo_criterion_change_free);
  for (int j = -1; j < (int) n_new; j++)
    {
      if (j >= 0)
        {
          EligoCriterion *new_criterion = g_ptr_array_index (new_criteria, j);

          if (new_partner[j] >= 0)
            g_ptr_array_add (changes,
                             change_new (kinds[j], g_ptr_array_index (old_criteria,
                                                                      new_partner[j]),
                                         new_criterion));
          else
            g_ptr_array_add (changes,
                             change_new (ELIGO_CRITERION_CHANGE_ADDED, NULL, new_criterion));
        }

      for (guint i = 0; i < n_old; i++)
        if (old_partner[i] < 0 && anchor[i] == j)
          g_ptr_array_add (changes, change_new (ELIGO_CRITERION_CHANGE_REMOVED,
                                                g_ptr_array_index (old_criteria, i), NULL));
    }

  return changes;
}

/**
 * eligo_criteria_diff_count:
 * @changes: (element-type EligoCriterionChange): eligo_criteria_diff()'s
 * @counts: (out): how many of each kind
 */
void
eligo_criteria_diff_count (GPtrArray               *changes,
                           EligoCriteriaDiffCounts *counts)
{
  g_return_if_fail (changes != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < changes->len; i++)
    {
      const EligoCriterionChange *change = g_ptr_array_index (changes, i);

      switch (change->kind)
        {
        case ELIGO_CRITERION_CHANGE_UNCHANGED:
          counts->unchanged++;
          break;
        case ELIGO_CRITERION_CHANGE_REWORDED:
          counts->reworded++;
          break;
        case ELIGO_CRITERION_CHANGE_ADDED:
          counts->added++;
          break;
        case ELIGO_CRITERION_CHANGE_REMOVED:
        default:
          counts->removed++;
          break;
        }
    }
}

/**
 * eligo_criterion_change_kind_to_string:
 *
 * Returns: "unchanged", "reworded", "added" or "removed", as JSON says it
 */
const char *
eligo_criterion_change_kind_to_string (EligoCriterionChangeKind kind)
{
  switch (kind)
    {
    case ELIGO_CRITERION_CHANGE_UNCHANGED:
      return "unchanged";
    case ELIGO_CRITERION_CHANGE_REWORDED:
      return "reworded";
    case ELIGO_CRITERION_CHANGE_ADDED:
      return "added";
    case ELIGO_CRITERION_CHANGE_REMOVED:
    default:
      return "removed";
    }
}

EligoCriterionChange *
eligo_criterion_change_copy (const EligoCriterionChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  return change_new (change->kind, change->old_criterion, change->new_criterion);
}

void
eligo_criterion_change_free (EligoCriterionChange *change)
{
  if (change == NULL)
    return;

  g_clear_object (&change->old_criterion);
  g_clear_object (&change->new_criterion);
  g_free (change);
}
