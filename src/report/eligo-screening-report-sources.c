/* eligo-screening-report-sources.c
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
 * The "Sources" section of the screening summary: for each value the
 * trial's rules use that was filled from a FHIR file (and not changed
 * since), where it came from; and the values of the file that were not
 * used, stale or unusable, so that nothing is left out silently.
 */

#define G_LOG_DOMAIN "eligo-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-criterion.h"
#include "eligo-fhir-facts.h"
#include "eligo-rule.h"
#include "eligo-screening-report-private.h"
#include "eligo-variables.h"

/* The variables the trial's rules read, and the lab values and limits its
 * multiples of the ULN come from, in the order of the variables. */
static GPtrArray *
used_variables (EligoScreeningResult *result)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();
  const EligoVariable *all;
  guint n;

  for (guint i = 0; i < eligo_screening_result_get_n_results (result); i++)
    {
      const EligoCriterionResult *r = eligo_screening_result_get_result (result, i);
      EligoRule *rule = eligo_criterion_get_rule (r->criterion);
      g_auto(GStrv) variables = rule != NULL ? eligo_rule_dup_variables (rule) : NULL;

      for (guint k = 0; variables != NULL && variables[k] != NULL; k++)
        {
          const EligoVariable *variable = eligo_variable_lookup (variables[k]);

          const char *raw = NULL;
          const char *uln = NULL;

          if (variable == NULL)
            continue;

          g_hash_table_add (used, (gpointer) variable->name);

          /* A multiple of the ULN is read from a lab value and its limit:
           * their sources are the ones to check (and an accepted stale
           * value has no multiple of its own). */
          if (eligo_uln_multiple_get_parts (variable->name, &raw, &uln))
            {
              const EligoVariable *parts[] = { eligo_variable_lookup (raw),
                                               eligo_variable_lookup (uln) };

              for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
                if (parts[p] != NULL)
                  g_hash_table_add (used, (gpointer) parts[p]->name);
            }
        }
    }

  all = eligo_variables_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (g_hash_table_contains (used, all[i].name))
      g_ptr_array_add (names, (gpointer) all[i].name);

  return names;
}

static char *
item_label (const EligoFhirItem *item)
{
  const EligoVariable *variable = eligo_variable_lookup (item->variable);

  if (g_str_has_suffix (item->variable, "_x_uln"))
    /* Translators: a lab value's label and its unit, such as "Creatinine (× ULN)" */
    return g_strdup_printf (_("%s (%s)"), eligo_variable_get_label (variable),
                            g_dgettext (GETTEXT_PACKAGE, variable->unit));

  return g_strdup (eligo_variable_get_label (variable));
}

static gboolean
is_used (GPtrArray  *used,
         const char *variable)
{
  for (guint i = 0; i < used->len; i++)
    if (strcmp (g_ptr_array_index (used, i), variable) == 0)
      return TRUE;

  return FALSE;
}

void
_eligo_screening_report_add_sources (EligoReportDocument  *document,
                                     EligoScreeningResult *result,
                                     EligoPatient         *patient)
{
  EligoFhirFacts *facts = eligo_fhir_facts_get_for_patient (patient);
  g_autoptr(GPtrArray) used = NULL;
  const double widths[] = { 0.3, 0.7 };
  const char *headers[] = {
    C_("report column", "Value"),
    C_("report column", "Source"),
    NULL
  };
  EligoReportTable *table = NULL;
  GPtrArray *lists[2];
  char as_of[16];
  g_autofree char *intro = NULL;

  if (facts == NULL)
    return;

  used = used_variables (result);
  eligo_report_document_add_heading (document, _("Sources"));
  g_date_strftime (as_of, sizeof as_of, "%Y-%m-%d", eligo_fhir_facts_get_as_of (facts));
  /* Translators: %s is a date; %u a number of days */
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Values filled from the patient’s FHIR record as of %s; "
                                        "Observations older than %u day are not used.",
                                        "Values filled from the patient’s FHIR record as of %s; "
                                        "Observations older than %u days are not used.",
                                        eligo_fhir_facts_get_window_days (facts)),
                           as_of, eligo_fhir_facts_get_window_days (facts));
  eligo_report_document_add_paragraph (document, intro, ELIGO_REPORT_STYLE_DIM);

  for (guint i = 0; i < used->len; i++)
    {
      const char *name = g_ptr_array_index (used, i);
      const EligoFhirItem *item = eligo_fhir_facts_get_source (patient, name);
      g_autofree char *label = NULL;
      g_autofree char *source = NULL;

      if (item == NULL)
        continue;

      if (table == NULL)
        table = eligo_report_document_add_table (document, 2, widths, headers);
      label = item_label (item);
      source = eligo_fhir_item_format_source (item);
      {
        const char *cells[] = { label, source, NULL };

        eligo_report_table_add_row (table, cells);
      }
    }

  if (table == NULL)
    eligo_report_document_add_paragraph (document,
                                         _("None of the values these criteria use came from it."),
                                         ELIGO_REPORT_STYLE_NORMAL);

  /* What the file has but was not used, for the values this trial needs. */
  lists[0] = eligo_fhir_facts_get_stale (facts);
  lists[1] = eligo_fhir_facts_get_unused (facts);
  table = NULL;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const EligoFhirItem *item = g_ptr_array_index (lists[l], i);
        g_autofree char *label = NULL;
        g_autofree char *source = NULL;
        g_autofree char *line = NULL;

        if (!is_used (used, item->variable))
          continue;

        if (table == NULL)
          {
            const char *unused_headers[] = {
              C_("report column", "Value"),
              C_("report column", "Not used"),
              NULL
            };

            eligo_report_document_add_paragraph (document,
                                                 _("In the record but not used: enter or judge "
                                                   "these by hand."),
                                                 ELIGO_REPORT_STYLE_NORMAL);
            table = eligo_report_document_add_table (document, 2, widths, unused_headers);
          }

        label = item_label (item);
        source = item->loinc != NULL || item->field != NULL ? eligo_fhir_item_format_source (item)
                                                            : g_strdup ("");
        /* Translators: where a value came from, then why it was not used */
        line = g_strdup_printf (_("%s — %s"), source, item->reason != NULL ? item->reason : "");
        {
          const char *cells[] = { label, line, NULL };

          eligo_report_table_add_row (table, cells);
        }
      }
}
