/* eligo-rule-extractor-leadin.c
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

#define G_LOG_DOMAIN "eligo-rule-extractor"

#include "config.h"

#include <string.h>

#include "eligo-rule.h"
#include "eligo-rule-extractor-private.h"

/*
 * Lead-ins and their items
 *
 * The splitter makes one criterion of a lead-in that gives its items a
 * sense of their own and of every item under it, one line each:
 *
 *   Patients must have one of the following:
 *   - Creatinine >/= 2 mg/dL
 *   - Total bilirubin >/= 2 mg/dL
 *
 * Each item is read on its own and the rules are joined as the lead-in
 * says. Logic is three-valued and a partial rule may only ever make a
 * criterion fail, so:
 *
 *  - Alternatives of an inclusion: the "or" of the items' rules. An item
 *    read partially gives a condition the item needs, and the "or" of
 *    those is a condition the criterion needs: partial. An item not read
 *    at all could hold for any patient, so the criterion gets no rule.
 *  - Alternatives of an exclusion: the "or" of the items that were read,
 *    each enough to exclude; partial when an item was not read or was read
 *    in part.
 *  - Exceptions: the criterion before them ("History of another primary
 *    malignancy") is read in its own sense, each exception as a condition
 *    (like an inclusion, its partial rule is what it needs). An inclusion
 *    holds only if its text or an exception does: "P or E1 or E2"; an
 *    exclusion applies when its text does and no exception does: "P and
 *    not (E1 or E2)". Both are partial: an exception may excuse one cause
 *    while another stands, so the rule can fail the criterion but never
 *    pass it. An exception not read leaves the criterion for review: the
 *    patient might be one of them.
 *  - "At least two of the following" is neither an "and" nor an "or":
 *    review.
 *
 * A lead-in that says more than that its items are alternatives ("Any of
 * the following within 6 months of screening:") would have to narrow every
 * item; it is not read, and the criterion is left for review.
 */

/* Words a lead-in of alternatives may hold without qualifying its items. */
static const char * const plain_leadin_words[] = {
  "a", "all", "an", "and", "any", "applies", "apply", "are", "at", "be", "both", "by", "criteria",
  "criterion", "either", "following", "fulfil", "fulfill", "fulfilling", "fulfils", "has", "have",
  "is", "least", "meet", "meeting", "meets", "more", "must", "of", "one", "or", "participant",
  "participants", "patient", "patients", "should", "subject", "subjects", "the", "these", "to",
  "will", "with", "1", "conditions", "condition", "present", "presence", "below",
  /* "Diagnosis of one of the following:", "Treatment with any of the following:" */
  "diagnosis", "diagnosed", "confirmed", "documented", "treatment", "treatments", "received",
  "receive", "history", "known", "cardiac", "cardiovascular", "findings", "results",
  "abnormalities", "diseases", "disease", "disorders", "standards", "features",
};

static EligoExtraction *
extraction_new (char       *rule,
                gboolean    partial,
                const char *reason)
{
  EligoExtraction *extraction = g_new0 (EligoExtraction, 1);

  extraction->rule = rule;
  extraction->partial = rule != NULL && partial;
  extraction->reason = g_strdup (reason);
  return extraction;
}

static EligoExtraction *
review (const char *reason)
{
  return extraction_new (NULL, FALSE, reason);
}

static gboolean
is_plain_leadin (const char *leadin)
{
  g_autofree char *lower = g_utf8_strdown (leadin, -1);
  g_auto(GStrv) words = ELIGO_SPLIT_ONCE ("[^a-z0-9]+", lower, 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean plain = words[i][0] == '\0';

      for (guint j = 0; !plain && j < G_N_ELEMENTS (plain_leadin_words); j++)
        plain = strcmp (words[i], plain_leadin_words[j]) == 0;
      if (!plain)
        return FALSE;
    }

  return TRUE;
}

/*
 * Splits "lead-in\n- item\n  continued\n- item" into the lead-in and the
 * items. An item with items of its own is NULL in @items: it is not read.
 * Returns FALSE when @text is not of that form.
 */
static gboolean
split_items (const char  *text,
             char       **leadin,
             GPtrArray   *items)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) head = g_string_new (NULL);
  GString *item = NULL;
  gboolean nested = FALSE;
  guint i = 0;

  for (; lines[i] != NULL && !g_str_has_prefix (lines[i], "- "); i++)
    g_string_append_printf (head, "%s%s", head->len > 0 ? "\n" : "", lines[i]);
  if (lines[i] == NULL || head->len == 0)
    return FALSE;

  for (; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "- "))
        {
          if (item != NULL)
            g_ptr_array_add (items, nested ? (g_string_free (item, TRUE), NULL) : g_string_free (item, FALSE));
          item = g_string_new (line + 2);
          nested = FALSE;
        }
      else if (ELIGO_MATCH_ONCE ("^(?:  )+- ", line, 0))
        nested = TRUE;
      else
        g_string_append_printf (item, "\n%s", line);
    }
  g_ptr_array_add (items, nested ? (g_string_free (item, TRUE), NULL) : g_string_free (item, FALSE));

  *leadin = g_string_free (g_steal_pointer (&head), FALSE);
  return TRUE;
}

/* "Creatinine >= 2 mg/dL; or" -> "Creatinine >= 2 mg/dL". Sets @joined_by_and
 * when the item ends with "and", which makes a list of alternatives
 * ambiguous. */
static char *
clean_item (const char *item,
            gboolean   *joined_by_and)
{
  static GRegex *leading, *trailing, *and_end;
  g_autofree char *lead = NULL;
  char *clean;

  if (g_once_init_enter (&leading))
    {
      trailing = g_regex_new ("(?:[\\s,;.]|\\b(?:or|and/or)\\b)+$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      and_end = g_regex_new ("\\band\\W*$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&leading, g_regex_new ("^\\s*(?:or|and/or)\\b\\s*", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (g_regex_match (and_end, item, 0, NULL))
    *joined_by_and = TRUE;
  lead = g_regex_replace_literal (leading, item, -1, 0, "", 0, NULL);
  clean = g_regex_replace_literal (trailing, lead, -1, 0, "", 0, NULL);
  return clean;
}

/* "(a) or (b)", checked and printed the way the rule language prints it. */
static char *
join_rules (GPtrArray  *rules,
            const char *op)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(EligoRule) rule = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rules->len; i++)
    g_string_append_printf (text, "%s(%s)", i > 0 ? op : "", (char *) g_ptr_array_index (rules, i));

  rule = eligo_rule_parse (text->str, NULL, &error);
  if (rule == NULL)
    {
      g_critical ("Joined rules do not parse: %s", error->message);
      return NULL;
    }
  return eligo_rule_to_string (rule);
}

/* Keeps @spans (taken) in @extraction if it has a rule. */
static EligoExtraction *
with_spans (EligoExtraction *extraction,
            GArray          *spans)
{
  if (extraction->rule != NULL && spans != NULL && spans->len > 0)
    extraction->spans = spans;
  else if (spans != NULL)
    g_array_unref (spans);
  return extraction;
}

static EligoExtraction *
read_choice (EligoCriterionKind  kind,
             const char         *text,
             const char         *leadin,
             GPtrArray          *items,
             const char         *context)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) spans = eligo_rule_spans_new ();
  gsize from = 0;
  gboolean partial = FALSE;
  gboolean joined_by_and = FALSE;
  char *rule;

  if (!is_plain_leadin (leadin))
    return review ("the lead-in qualifies its alternatives");

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      g_autofree char *clean = NULL;
      g_autoptr(EligoExtraction) read = NULL;

      if (item == NULL)
        {
          if (kind == ELIGO_CRITERION_INCLUSION)
            return review ("an alternative with items of its own (lead-in)");
          partial = TRUE;
          continue;
        }
      clean = clean_item (item, &joined_by_and);
      if (joined_by_and)
        return review ("alternatives joined by \"and\" (lead-in)");
      if (clean[0] == '\0')
        continue;
      read = eligo_rule_extract (kind, clean, context);
      if (read->rule == NULL)
        {
          if (kind == ELIGO_CRITERION_INCLUSION)
            return review ("an alternative was not read (lead-in)");
          partial = TRUE;
          continue;
        }
      partial = partial || read->partial;
      eligo_rule_spans_shift (spans, read->spans, text, clean, &from);
      g_ptr_array_add (rules, g_steal_pointer (&read->rule));
    }

  if (rules->len == 0)
    return review ("no alternative was read (lead-in)");

  rule = join_rules (rules, " or ");
  if (rule == NULL)
    return review ("the alternatives' rules could not be joined");
  return with_spans (extraction_new (rule, partial, partial ? "not every alternative was read whole (lead-in)" : NULL),
                     g_steal_pointer (&spans));
}

/* "History of another primary malignancy except for:" -> "History of
 * another primary malignancy". */
static char *
leadin_before_exceptions (const char *leadin)
{
  static GRegex *exception, *tail;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *head = NULL;
  int start;

  if (g_once_init_enter (&exception))
    {
      tail = g_regex_new ("(?:[\\s,;:]|\\b(?:with|for|of|and|the|following|these|those|as|below|apply|applies)\\b)+$",
                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&exception,
                         g_regex_new ("\\b(?:except(?:ing)?|unless|other\\s+than|with\\s+the\\s+exceptions?\\s+of|"
                                      "apart\\s+from|excluding|exceptions?)\\b[^:()\\n\xef\xbc\x88\xef\xbc\x89]{0,40}"
                                      "(?::|\xef\xbc\x9a)[\\s*]*$",
                                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (!g_regex_match (exception, leadin, 0, &info))
    return NULL;
  g_match_info_fetch_pos (info, 0, &start, NULL);
  head = g_strndup (leadin, start);
  return g_regex_replace_literal (tail, head, -1, 0, "", 0, NULL);
}

static EligoExtraction *
read_exceptions (EligoCriterionKind  kind,
                 const char         *text,
                 const char         *leadin,
                 GPtrArray          *items,
                 const char         *context)
{
  g_autofree char *head = leadin_before_exceptions (leadin);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EligoExtraction) main = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(EligoRule) rule = NULL;
  g_autoptr(GArray) spans = eligo_rule_spans_new ();
  gsize from = 0;
  char *exceptions;

  if (head == NULL || head[0] == '\0')
    return review ("exceptions of a criterion that was not read (lead-in)");
  main = eligo_rule_extract (kind, head, context);
  if (main->rule == NULL)
    return review ("exceptions of a criterion that was not read (lead-in)");
  eligo_rule_spans_shift (spans, main->spans, text, head, &from);

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      g_autofree char *clean = NULL;
      g_autoptr(EligoExtraction) read = NULL;
      gboolean joined_by_and = FALSE;

      if (item == NULL)
        return review ("an exception with items of its own (lead-in)");
      clean = clean_item (item, &joined_by_and);
      if (clean[0] == '\0')
        continue;
      /* Read as a condition: a partial rule is what the exception needs. */
      read = eligo_rule_extract (ELIGO_CRITERION_INCLUSION, clean, NULL);
      if (read->rule == NULL)
        return review ("an exception was not read (lead-in)");
      eligo_rule_spans_shift (spans, read->spans, text, clean, &from);
      g_ptr_array_add (rules, g_steal_pointer (&read->rule));
    }

  if (rules->len == 0)
    return review ("exceptions that were not read (lead-in)");

  exceptions = join_rules (rules, " or ");
  if (exceptions == NULL)
    return review ("the exceptions' rules could not be joined");
  if (kind == ELIGO_CRITERION_INCLUSION)
    g_string_printf (joined, "(%s) or (%s)", main->rule, exceptions);
  else
    g_string_printf (joined, "(%s) and not (%s)", main->rule, exceptions);
  g_free (exceptions);

  rule = eligo_rule_parse (joined->str, NULL, NULL);
  if (rule == NULL)
    return review ("the exceptions' rules could not be joined");
  /* Always partial: an exception may excuse one cause of the criterion
   * while another stands ("active infection, except HIV" in a patient with
   * HIV and pneumonia), so the rule may fail a patient, never pass one. */
  return with_spans (extraction_new (eligo_rule_to_string (rule), TRUE,
                                     "exceptions: the rule can only fail the criterion (lead-in)"),
                     g_steal_pointer (&spans));
}

/**
 * eligo_rule_extract_leadin:
 * @kind: the criterion's kind
 * @text: its text
 * @context: its context, or %NULL
 *
 * Reads a criterion that the splitter made of a lead-in and its items.
 *
 * Returns: (transfer full) (nullable): what was read, or %NULL when @text
 *   is not a lead-in with items
 */
EligoExtraction *
eligo_rule_extract_leadin (EligoCriterionKind  kind,
                           const char         *text,
                           const char         *context)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *leadin = NULL;

  if (strstr (text, "\n- ") == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_free);
  if (!split_items (text, &leadin, items))
    return NULL;

  switch (eligo_criteria_lead_sense (leadin, kind))
    {
    case ELIGO_LEAD_CHOICE:
      return read_choice (kind, text, leadin, items, context);
    case ELIGO_LEAD_EXCEPT:
      return read_exceptions (kind, text, leadin, items, context);
    case ELIGO_LEAD_SOME:
      return review ("some, not all, of the alternatives are required (lead-in)");
    case ELIGO_LEAD_NONE:
    default:
      return review ("a list under a lead-in");
    }
}
