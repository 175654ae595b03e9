/* eligo-criterion-row.c
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

#define G_LOG_DOMAIN "eligo-criterion-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-criterion-row.h"
#include "eligo-report-spans.h"
#include "eligo-screening-dialog-private.h"
#include "eligo-variable-editor.h"

struct _EligoCriterionRow
{
  GtkWidget       parent_instance;

  EligoCriterion *criterion;
  EligoVerdict    verdict;
  gboolean        answered;
  EligoVerdict    answer_verdict;
  char           *answer_note;
  guint           syncing;

  GtkWidget      *verdict_badge;
  GtkWidget      *verdict_mark;
  GtkWidget      *verdict_word;
  GtkWidget      *id_label;
  GtkWidget      *body;
  GtkWidget      *context_label;
  GtkWidget      *text_label;
  GtkWidget      *rule_box;
  GtkWidget      *rule_label;
  GtkWidget      *values_label;
  GtkWidget      *answer_label;
  GtkWidget      *answer_button;
  GtkWidget      *answer_popover;
  GtkWidget      *popover_heading;
  GtkWidget      *pass_button;
  GtkWidget      *fail_button;
  GtkWidget      *note_entry;
  GtkWidget      *clear_button;
};

G_DEFINE_FINAL_TYPE (EligoCriterionRow, eligo_criterion_row, GTK_TYPE_WIDGET)

enum {
  ANSWER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *verdict_classes[ELIGO_N_VERDICTS] = {
  [ELIGO_VERDICT_PASS] = "pass",
  [ELIGO_VERDICT_FAIL] = "fail",
  [ELIGO_VERDICT_UNKNOWN] = "unknown",
  [ELIGO_VERDICT_REVIEW] = "review",
};

static const char *
short_id (EligoCriterion *criterion)
{
  const char *id = eligo_criterion_get_id (criterion);
  const char *slash = strchr (id, '/');

  return slash != NULL ? slash + 1 : id;
}

static GtkWidget *
tag_new (const char *text,
         const char *tooltip)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "criterion-tag");
  gtk_widget_set_tooltip_text (tag, tooltip);

  return tag;
}

static void
emit_answer (EligoCriterionRow *self,
             int                verdict)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  g_signal_emit (self, signals[ANSWER_CHANGED], 0, verdict, note[0] != '\0' ? note : NULL);
}

static void
on_pass_button_toggled_cb (EligoCriterionRow *self,
                           GtkToggleButton   *button)
{
  if (self->syncing > 0)
    return;

  self->syncing++;
  if (gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fail_button), FALSE);
  self->syncing--;

  emit_answer (self, gtk_toggle_button_get_active (button) ? ELIGO_ANSWER_PASS : -1);
}

static void
on_fail_button_toggled_cb (EligoCriterionRow *self,
                           GtkToggleButton   *button)
{
  if (self->syncing > 0)
    return;

  self->syncing++;
  if (gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->pass_button), FALSE);
  self->syncing--;

  emit_answer (self, gtk_toggle_button_get_active (button) ? ELIGO_ANSWER_FAIL : -1);
}

static void
on_clear_button_clicked_cb (EligoCriterionRow *self,
                            GtkButton         *button)
{
  self->syncing++;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->pass_button), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fail_button), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  self->syncing--;

  gtk_popover_popdown (GTK_POPOVER (self->answer_popover));
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, -1, NULL);
}

/* A note is kept when the popover closes, or on Enter. */
static void
commit_note (EligoCriterionRow *self)
{
  g_autofree char *note = NULL;

  if (!self->answered)
    return;

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  if (g_strcmp0 (note[0] != '\0' ? note : NULL, self->answer_note) == 0)
    return;

  emit_answer (self, self->answer_verdict == ELIGO_VERDICT_PASS ? ELIGO_ANSWER_PASS
                                                                : ELIGO_ANSWER_FAIL);
}

static void
on_note_entry_activate_cb (EligoCriterionRow *self,
                           GtkEntry          *entry)
{
  commit_note (self);
  gtk_popover_popdown (GTK_POPOVER (self->answer_popover));
}

static void
on_answer_popover_closed_cb (EligoCriterionRow *self,
                             GtkPopover        *popover)
{
  commit_note (self);
}

/* "ECOG performance status 3 · Creatinine 1.18 × ULN (derived) · LVEF missing" */
static char *
format_values (EligoCriterion *criterion,
               EligoPatient   *patient)
{
  EligoRule *rule = eligo_criterion_get_rule (criterion);
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) names = NULL;

  if (rule == NULL || patient == NULL)
    return NULL;

  names = eligo_rule_dup_variables (rule);
  if (names == NULL || names[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const EligoVariable *variable = eligo_variable_lookup (names[i]);
      EligoValue value;

      if (variable == NULL)
        continue;

      if (text->len > 0)
        g_string_append (text, "  ·  ");

      if (eligo_patient_lookup (names[i], &value, patient))
        {
          g_autofree char *shown = eligo_variable_editor_format_value (variable, &value);

          if (eligo_patient_get_fact (patient, names[i], NULL))
            /* Translators: a value the rule used, e.g. "ECOG performance status: 3" */
            g_string_append_printf (text, _("%s: %s"), eligo_variable_get_label (variable),
                                    shown);
          else
            /* Translators: a value the rule used that was computed from others */
            g_string_append_printf (text, _("%s: %s (derived)"),
                                    eligo_variable_get_label (variable), shown);
        }
      else
        {
          /* Translators: a value the rule needs that is not entered */
          g_string_append_printf (text, _("%s: missing"), eligo_variable_get_label (variable));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_answer (const EligoAnswer *answer,
               EligoCriterion    *criterion,
               EligoVerdict       engine_verdict)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (answer->time != NULL)
    {
      local = g_date_time_to_local (answer->time);
      when = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }

  if (answer->author != NULL && when != NULL)
    /* Translators: the first %s is the nurse's name, the second a date and time */
    g_string_append_printf (text, _("Answered by %s, %s"), answer->author, when);
  else if (answer->author != NULL)
    g_string_append_printf (text, _("Answered by %s"), answer->author);
  else if (when != NULL)
    /* Translators: %s is a date and time */
    g_string_append_printf (text, _("Answered by the screener, %s"), when);
  else
    g_string_append (text, _("Answered by the screener"));

  /* Answered once for this patient on the same words in another trial (or
   * at another number of this one): say where, so that she can change it here. */
  if (g_strcmp0 (answer->criterion_id, eligo_criterion_get_id (criterion)) != 0)
    {
      g_string_append (text, "  ·  ");
      /* Translators: %s is the criterion the answer was given on, e.g. "NCT07072494/E14" */
      g_string_append_printf (text, _("answered in %s, on the same words"), answer->criterion_id);
    }

  g_string_append (text, "  ·  ");
  /* Translators: what the criterion's rule gave before the nurse answered, e.g. "the rule
   * gave: Unknown" */
  g_string_append_printf (text, _("the rule gave: %s"), eligo_verdict_get_label (engine_verdict));

  if (answer->note != NULL && answer->note[0] != '\0')
    {
      g_string_append (text, "\n");
      /* Translators: %s is the nurse's note on her answer */
      g_string_append_printf (text, _("Note: %s"), answer->note);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * eligo_criterion_label_show_spans:
 * @label: a #GtkLabel that shows the criterion's text as it is
 * @criterion: the criterion
 *
 * Underlines, on a light background, the words each part of the rule was
 * read from, and says in the label's tooltip what each was read as. The
 * words a partial rule did not read stay plain.
 */
void
eligo_criterion_label_show_spans (GtkWidget      *label,
                                  EligoCriterion *criterion)
{
  GArray *spans = eligo_criterion_get_spans (criterion);
  PangoAttrList *attributes = eligo_spans_attributes (spans);
  g_autofree char *tooltip = eligo_spans_describe (eligo_criterion_get_text (criterion), spans);

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), eligo_criterion_get_text (criterion)) == 0);

  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  gtk_widget_set_tooltip_text (label, tooltip);
  /* What the highlighting shows, for a screen reader. */
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (attributes != NULL)
    pango_attr_list_unref (attributes);
}

static void
eligo_criterion_row_set_criterion (EligoCriterionRow *self,
                                   EligoCriterion    *criterion)
{
  g_autofree char *rule = eligo_criterion_dup_rule_text (criterion);
  g_autofree char *heading = NULL;
  g_autofree char *button_label = NULL;
  const char *context;

  self->criterion = g_object_ref (criterion);

  gtk_label_set_text (GTK_LABEL (self->id_label), short_id (criterion));
  gtk_widget_set_tooltip_text (self->id_label, eligo_criterion_get_id (criterion));
  gtk_label_set_text (GTK_LABEL (self->text_label), eligo_criterion_get_text (criterion));
  eligo_criterion_label_show_spans (self->text_label, criterion);

  context = eligo_criterion_get_context (criterion);
  if (context != NULL && context[0] != '\0')
    {
      gtk_label_set_text (GTK_LABEL (self->context_label), context);
      gtk_widget_set_visible (self->context_label, TRUE);
    }

  switch (eligo_criterion_get_subject (criterion))
    {
    case ELIGO_SUBJECT_DONOR:
      gtk_label_set_text (GTK_LABEL (self->context_label), _("About the donor, not the patient"));
      gtk_widget_set_visible (self->context_label, TRUE);
      break;
    case ELIGO_SUBJECT_OTHER:
      gtk_label_set_text (GTK_LABEL (self->context_label),
                          _("About another person, not the patient"));
      gtk_widget_set_visible (self->context_label, TRUE);
      break;
    case ELIGO_SUBJECT_PATIENT:
    default:
      break;
    }

  if (rule != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->rule_label), rule);

      if (eligo_criterion_get_partial (criterion))
        gtk_box_append (GTK_BOX (self->rule_box),
                        /* Translators: a tag on a rule that covers only part of its criterion */
                        tag_new (C_("rule tag", "partial"),
                                 _("The rule covers only part of the criterion: it can rule "
                                   "a patient out, never in")));

      switch (eligo_criterion_get_origin (criterion))
        {
        case ELIGO_ORIGIN_STRUCTURED:
          gtk_box_append (GTK_BOX (self->rule_box),
                          /* Translators: a tag on a rule read from the registry's fields */
                          tag_new (C_("rule tag", "registry"),
                                   _("From the registry’s age, sex or healthy volunteer fields")));
          break;
        case ELIGO_ORIGIN_CURATED:
          gtk_box_append (GTK_BOX (self->rule_box),
                          /* Translators: a tag on a rule a nurse wrote or corrected */
                          tag_new (C_("rule tag", "curated"),
                                   _("Written or corrected by a member of the team")));
          break;
        case ELIGO_ORIGIN_PARSED:
        default:
          break;
        }
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->rule_label), _("No rule: judge it from the text"));
      gtk_label_set_selectable (GTK_LABEL (self->rule_label), FALSE);
      gtk_widget_set_tooltip_text (self->rule_label, NULL);
      gtk_widget_remove_css_class (self->rule_label, "criterion-rule");
      gtk_widget_add_css_class (self->rule_label, "criterion-no-rule");
      gtk_widget_add_css_class (self->rule_label, "caption");
    }

  /* Translators: %s is a criterion, e.g. "I11" */
  heading = g_strdup_printf (_("Your judgement on %s"), short_id (criterion));
  gtk_label_set_text (GTK_LABEL (self->popover_heading), heading);

  /* Translators: the accessible name of the button that answers a criterion, e.g.
   * "Answer criterion I11" */
  button_label = g_strdup_printf (_("Answer criterion %s"), short_id (criterion));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  gtk_widget_set_tooltip_text (self->answer_button,
                               _("Record your own judgement, with a note"));
}

static void
eligo_criterion_row_dispose (GObject *object)
{
  EligoCriterionRow *self = ELIGO_CRITERION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ELIGO_TYPE_CRITERION_ROW);
  g_clear_object (&self->criterion);

  G_OBJECT_CLASS (eligo_criterion_row_parent_class)->dispose (object);
}

static void
eligo_criterion_row_finalize (GObject *object)
{
  EligoCriterionRow *self = ELIGO_CRITERION_ROW (object);

  g_clear_pointer (&self->answer_note, g_free);

  G_OBJECT_CLASS (eligo_criterion_row_parent_class)->finalize (object);
}

static void
eligo_criterion_row_class_init (EligoCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eligo_criterion_row_dispose;
  object_class->finalize = eligo_criterion_row_finalize;

  /**
   * EligoCriterionRow::answer-changed:
   * @verdict: an #EligoAnswerVerdict, or -1 when the answer is cleared
   * @note: (nullable): the nurse's note
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               ELIGO_RESOURCE_BASE "/ui/eligo-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, verdict_badge);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, verdict_mark);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, verdict_word);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, body);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, context_label);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, rule_box);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, rule_label);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, values_label);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, answer_label);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, answer_button);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, answer_popover);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, popover_heading);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, pass_button);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, fail_button);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, EligoCriterionRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_pass_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fail_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_answer_popover_closed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "criterionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
eligo_criterion_row_init (EligoCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              12);
  self->verdict = ELIGO_VERDICT_REVIEW;
}

GtkWidget *
eligo_criterion_row_new (EligoCriterion *criterion)
{
  EligoCriterionRow *self;

  g_return_val_if_fail (ELIGO_IS_CRITERION (criterion), NULL);

  self = g_object_new (ELIGO_TYPE_CRITERION_ROW, NULL);
  eligo_criterion_row_set_criterion (self, criterion);

  return GTK_WIDGET (self);
}

EligoCriterion *
eligo_criterion_row_get_criterion (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), NULL);

  return self->criterion;
}

EligoVerdict
eligo_criterion_row_get_verdict (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), ELIGO_VERDICT_REVIEW);

  return self->verdict;
}

/**
 * eligo_criterion_row_update:
 * @result: the criterion's result in the latest screening
 * @patient: the patient screened, for the values used and the answer
 *
 * Shows the verdict, the values the rule used and the nurse's answer.
 */
void
eligo_criterion_row_update (EligoCriterionRow          *self,
                            const EligoCriterionResult *result,
                            EligoPatient               *patient)
{
  g_autofree char *values = NULL;
  g_autofree char *description = NULL;
  const EligoAnswer *answer = NULL;

  g_return_if_fail (ELIGO_IS_CRITERION_ROW (self));
  g_return_if_fail (result != NULL);
  g_return_if_fail (result->verdict < ELIGO_N_VERDICTS);

  for (guint v = 0; v < ELIGO_N_VERDICTS; v++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), verdict_classes[v]);
  gtk_widget_add_css_class (GTK_WIDGET (self), verdict_classes[result->verdict]);
  self->verdict = result->verdict;

  gtk_label_set_text (GTK_LABEL (self->verdict_mark),
                      eligo_criterion_row_verdict_mark (result->verdict));
  gtk_label_set_text (GTK_LABEL (self->verdict_word), eligo_verdict_get_label (result->verdict));

  /* Translators: a criterion's accessible description, e.g. "I4: Fail" */
  description = g_strdup_printf (_("%s: %s"), short_id (self->criterion),
                                 eligo_verdict_get_label (result->verdict));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  values = format_values (self->criterion, patient);
  gtk_label_set_text (GTK_LABEL (self->values_label), values != NULL ? values : "");
  gtk_widget_set_visible (self->values_label, values != NULL);

  answer = result->answer;

  self->answered = answer != NULL;
  g_clear_pointer (&self->answer_note, g_free);
  if (answer != NULL)
    {
      g_autofree char *text = format_answer (answer, self->criterion, result->engine_verdict);

      self->answer_verdict = answer->verdict == ELIGO_ANSWER_PASS ? ELIGO_VERDICT_PASS
                                                                  : ELIGO_VERDICT_FAIL;
      if (answer->note != NULL && answer->note[0] != '\0')
        self->answer_note = g_strdup (answer->note);
      gtk_label_set_text (GTK_LABEL (self->answer_label), text);
      gtk_widget_set_visible (self->answer_label, TRUE);
      gtk_widget_set_tooltip_text (self->answer_button, _("Change or clear your answer"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "answered");
    }
  else
    {
      gtk_widget_set_visible (self->answer_label, FALSE);
      gtk_widget_set_tooltip_text (self->answer_button, _("Record your own judgement, with a note"));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "answered");
    }

  /* Reviews are the nurse's to answer: their button stands out. */
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->answer_button),
                                 result->verdict == ELIGO_VERDICT_REVIEW && answer == NULL);

  if (!gtk_widget_get_visible (self->answer_popover))
    {
      self->syncing++;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->pass_button),
                                    answer != NULL && answer->verdict == ELIGO_ANSWER_PASS);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fail_button),
                                    answer != NULL && answer->verdict == ELIGO_ANSWER_FAIL);
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                             self->answer_note != NULL ? self->answer_note : "");
      self->syncing--;
    }
  gtk_widget_set_sensitive (self->clear_button, answer != NULL);
}

/* Marks and words, never colour alone: the same marks as the CLI and the report. */
const char *
eligo_criterion_row_verdict_mark (EligoVerdict verdict)
{
  switch (verdict)
    {
    case ELIGO_VERDICT_PASS:
      return "✔";
    case ELIGO_VERDICT_FAIL:
      return "✘";
    case ELIGO_VERDICT_UNKNOWN:
      return "?";
    case ELIGO_VERDICT_REVIEW:
    case ELIGO_N_VERDICTS:
    default:
      return "⚑";
    }
}

const char *
eligo_criterion_row_verdict_class (EligoVerdict verdict)
{
  g_return_val_if_fail (verdict < ELIGO_N_VERDICTS, "review");

  return verdict_classes[verdict];
}

/* Test hooks (eligo-screening-dialog-private.h) */

GtkWidget *
_eligo_criterion_row_get_pass_button (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), NULL);

  return self->pass_button;
}

GtkWidget *
_eligo_criterion_row_get_fail_button (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), NULL);

  return self->fail_button;
}

GtkWidget *
_eligo_criterion_row_get_note_entry (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), NULL);

  return self->note_entry;
}

GtkWidget *
_eligo_criterion_row_get_clear_button (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), NULL);

  return self->clear_button;
}

const char *
_eligo_criterion_row_get_answer_text (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), NULL);

  if (!gtk_widget_get_visible (self->answer_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->answer_label));
}

const char *
_eligo_criterion_row_get_values_text (EligoCriterionRow *self)
{
  g_return_val_if_fail (ELIGO_IS_CRITERION_ROW (self), NULL);

  if (!gtk_widget_get_visible (self->values_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->values_label));
}
