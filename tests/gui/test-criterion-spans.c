/* test-criterion-spans.c
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
 * The words each rule was read from, drawn in the criterion's text: the
 * screening dialog's criterion row and the trial page's label underline
 * them on a background and say in a tooltip what each was read as; the
 * words a partial rule did not read stay plain.
 */

#define G_LOG_DOMAIN "test-criterion-spans"

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "eligo-comparison-window.h"
#include "eligo-criterion-row.h"
#include "eligo-criterion.h"
#include "eligo-database.h"
#include "eligo-import.h"
#include "eligo-report-spans.h"
#include "eligo-rule-extractor.h"
#include "eligo-test-utils.h"

/* NCT03884829's "ECOG 0-2", and a partial rule that leaves words unread. */
static EligoCriterion *
criterion_new (const char *text)
{
  g_autoptr(EligoExtraction) extraction = eligo_rule_extract (ELIGO_CRITERION_INCLUSION, text, NULL);
  g_autoptr(EligoRule) rule = eligo_rule_parse (extraction->rule, NULL, NULL);
  EligoCriterion *criterion = eligo_criterion_new ("NCT03884829", ELIGO_CRITERION_INCLUSION, 2, text);

  g_assert_nonnull (rule);
  eligo_criterion_set_rule (criterion, rule, extraction->partial, ELIGO_ORIGIN_PARSED);
  eligo_criterion_set_spans (criterion, extraction->spans);
  return criterion;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @list has an attribute of @type over exactly bytes [start, end). */
static gboolean
has_attribute (PangoAttrList *list,
               PangoAttrType  type,
               guint          start,
               guint          end)
{
  g_autoptr(GSList) attrs = pango_attr_list_get_attributes (list);
  gboolean found = FALSE;

  for (GSList *l = attrs; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == type && attr->start_index == start && attr->end_index == end)
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&attrs), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

/* Whether any attribute of @list covers byte @at. */
static gboolean
covers (PangoAttrList *list,
        guint          at)
{
  g_autoptr(GSList) attrs = pango_attr_list_get_attributes (list);
  gboolean found = FALSE;

  for (GSList *l = attrs; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->start_index <= at && at < attr->end_index)
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&attrs), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

static void
test_row (void)
{
  const char *text = "ECOG 0-2 and adequate bone marrow reserve";
  g_autoptr(EligoCriterion) criterion = criterion_new (text);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = eligo_criterion_row_new (criterion);
  GtkWidget *label;
  PangoAttrList *attributes;
  g_autofree char *tooltip = NULL;

  g_assert_true (eligo_criterion_get_partial (criterion));
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));

  label = find_label (row, text);
  g_assert_nonnull (label);
  attributes = gtk_label_get_attributes (GTK_LABEL (label));
  g_assert_nonnull (attributes);
  /* "ECOG 0-2" underlined on a background; "adequate bone marrow reserve" plain. */
  g_assert_true (has_attribute (attributes, PANGO_ATTR_UNDERLINE, 0, 8));
  g_assert_true (has_attribute (attributes, PANGO_ATTR_BACKGROUND, 0, 8));
  g_assert_false (covers (attributes, strstr (text, "adequate") - text));
  tooltip = g_strdup (gtk_widget_get_tooltip_text (label));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "“ECOG 0-2” → ecog <= 2"));
  g_assert_null (strstr (tooltip, "adequate"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A criterion with no rule, or a rule the nurse wrote, has no spans. */
static void
test_no_spans (void)
{
  const char *text = "ECOG 0-2";
  g_autoptr(EligoCriterion) criterion = criterion_new (text);
  g_autoptr(EligoRule) curated = eligo_rule_parse ("ecog <= 1", NULL, NULL);
  GtkWidget *label = gtk_label_new (text);

  g_object_ref_sink (label);
  eligo_criterion_label_show_spans (label, criterion);
  g_assert_nonnull (gtk_label_get_attributes (GTK_LABEL (label)));

  eligo_criterion_set_rule (criterion, curated, FALSE, ELIGO_ORIGIN_CURATED);
  g_assert_null (eligo_criterion_get_spans (criterion));
  eligo_criterion_label_show_spans (label, criterion);
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (label)));
  g_assert_null (gtk_widget_get_tooltip_text (label));
  g_object_unref (label);
}

/* The printed summary's markup: the words underlined, the rest escaped. */
static void
test_markup (void)
{
  g_autoptr(EligoCriterion) criterion = criterion_new ("ECOG 0-2 & adequate bone marrow reserve");
  g_autofree char *markup = eligo_spans_markup (eligo_criterion_get_text (criterion),
                                                eligo_criterion_get_spans (criterion), FALSE);
  g_autofree char *tooltip = eligo_spans_markup (eligo_criterion_get_text (criterion),
                                                 eligo_criterion_get_spans (criterion), TRUE);

  g_assert_cmpstr (markup, ==, "<u>ECOG 0-2</u> &amp; adequate bone marrow reserve");
  g_assert_cmpstr (tooltip, ==, "<span underline=\"single\" weight=\"bold\">ECOG 0-2</span> &amp; adequate "
                                "bone marrow reserve");
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static const char *
find_tooltip (GtkWidget  *widget,
              const char *part)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  if (markup != NULL && strstr (markup, part) != NULL)
    return markup;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_tooltip (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The comparison's ECOG cell names the criterion it was read from, its
 * words underlined and bold in the tooltip. */
static void
test_comparison_tooltip (void)
{
  g_autoptr(EligoDatabase) database = eligo_test_open_database (NULL);
  g_autoptr(GPtrArray) trials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  const char *markup;

  g_assert_true (eligo_database_seed_if_new (database, &error));
  g_ptr_array_add (trials, eligo_database_get_trial_by_nct_id (database, "NCT07072494", &error));
  g_ptr_array_add (trials, eligo_database_get_trial_by_nct_id (database, "NCT06585345", &error));
  g_assert_no_error (error);

  window = eligo_comparison_window_new (NULL, database, trials);
  gtk_window_present (GTK_WINDOW (window));
  eligo_test_wait_until (is_mapped, window, 10);

  /* NCT07072494 I4: "Eastern Cooperative Oncology Group (ECOG) performance status of 0-2." */
  markup = find_tooltip (window, "NCT07072494/I4");
  g_assert_nonnull (markup);
  g_assert_nonnull (strstr (markup, "<span underline=\"single\" weight=\"bold\">Eastern Cooperative Oncology "
                                    "Group (ECOG) performance status of 0-2</span>."));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/criterion-spans/row", test_row);
  g_test_add_func ("/eligo/criterion-spans/no-spans", test_no_spans);
  g_test_add_func ("/eligo/criterion-spans/markup", test_markup);
  g_test_add_func ("/eligo/criterion-spans/comparison-tooltip", test_comparison_tooltip);

  return g_test_run ();
}
