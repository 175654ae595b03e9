/* eligo-trial-page-sections.c
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

#define G_LOG_DOMAIN "eligo-trial-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "eligo-criterion.h"
#include "eligo-criterion-row.h"
#include "eligo-format.h"
#include "eligo-trial-page-private.h"

/*
 * The sections of a trial page below its header: overview, descriptions,
 * design, arms and interventions, outcomes, eligibility with the parsed
 * criteria, locations, contacts and identifiers. Only what the registry
 * gives is shown; an absent value leaves out its row, and an empty section
 * is left out entirely.
 *
 * Registry codes (RANDOMIZED, ACTIVE_COMPARATOR…) are translated through the
 * tables below; a code newer than the tables is shown humanized
 * ("NEW_CODE" → "New code").
 */

/* Locations shown before "Show all N locations", and built at a time after. */
#define N_LOCATIONS_SHOWN    10
#define N_LOCATIONS_PER_IDLE 50

/* The narrowest a paragraph gets, in characters. */
#define MIN_TEXT_CHARS 16

typedef struct
{
  const char *code;
  const char *label;
} CodeLabel;

/* A two-column grid of "key  value" rows, created on its first row. */
typedef struct
{
  GtkWidget *grid;
  int        n_rows;
} Facts;

/* ClinicalTrials.gov API v2 enums, as the design module and its
 * neighbours spell them.
 */
static const CodeLabel allocations[] = {
  { "NA",             NC_("allocation", "Not applicable") },
  { "RANDOMIZED",     NC_("allocation", "Randomized") },
  { "NON_RANDOMIZED", NC_("allocation", "Non-randomized") },
};

static const CodeLabel intervention_models[] = {
  { "SINGLE_GROUP", NC_("intervention model", "Single group") },
  { "PARALLEL",     NC_("intervention model", "Parallel") },
  { "CROSSOVER",    NC_("intervention model", "Crossover") },
  { "SEQUENTIAL",   NC_("intervention model", "Sequential") },
  { "FACTORIAL",    NC_("intervention model", "Factorial") },
};

static const CodeLabel primary_purposes[] = {
  { "TREATMENT",                NC_("primary purpose", "Treatment") },
  { "PREVENTION",               NC_("primary purpose", "Prevention") },
  { "SUPPORTIVE_CARE",          NC_("primary purpose", "Supportive care") },
  { "DIAGNOSTIC",               NC_("primary purpose", "Diagnostic") },
  { "SCREENING",                NC_("primary purpose", "Screening") },
  { "HEALTH_SERVICES_RESEARCH", NC_("primary purpose", "Health services research") },
  { "BASIC_SCIENCE",            NC_("primary purpose", "Basic science") },
  { "DEVICE_FEASIBILITY",       NC_("primary purpose", "Device feasibility") },
  { "ECT",                      NC_("primary purpose", "Educational, counseling or training") },
  { "OTHER",                    NC_("primary purpose", "Other") },
};

static const CodeLabel maskings[] = {
  /* Translators: masking (blinding) of a trial: nobody is masked */
  { "NONE",      NC_("masking", "None (open label)") },
  /* Translators: masking (blinding) of a trial: one party is masked */
  { "SINGLE",    NC_("masking", "Single") },
  { "DOUBLE",    NC_("masking", "Double") },
  { "TRIPLE",    NC_("masking", "Triple") },
  { "QUADRUPLE", NC_("masking", "Quadruple") },
};

static const CodeLabel masked_parties[] = {
  { "PARTICIPANT",       NC_("masked party", "Participant") },
  { "CARE_PROVIDER",     NC_("masked party", "Care provider") },
  { "INVESTIGATOR",      NC_("masked party", "Investigator") },
  { "OUTCOMES_ASSESSOR", NC_("masked party", "Outcomes assessor") },
};

static const CodeLabel observational_models[] = {
  { "COHORT",                NC_("observational model", "Cohort") },
  { "CASE_CONTROL",          NC_("observational model", "Case-control") },
  { "CASE_ONLY",             NC_("observational model", "Case-only") },
  { "CASE_CROSSOVER",        NC_("observational model", "Case-crossover") },
  { "ECOLOGIC_OR_COMMUNITY", NC_("observational model", "Ecologic or community") },
  { "FAMILY_BASED",          NC_("observational model", "Family-based") },
  { "DEFINED_POPULATION",    NC_("observational model", "Defined population") },
  { "NATURAL_HISTORY",       NC_("observational model", "Natural history") },
  { "OTHER",                 NC_("observational model", "Other") },
};

static const CodeLabel time_perspectives[] = {
  { "PROSPECTIVE",     NC_("time perspective", "Prospective") },
  { "RETROSPECTIVE",   NC_("time perspective", "Retrospective") },
  { "CROSS_SECTIONAL", NC_("time perspective", "Cross-sectional") },
  { "OTHER",           NC_("time perspective", "Other") },
};

static const CodeLabel arm_types[] = {
  { "EXPERIMENTAL",       NC_("arm type", "Experimental") },
  { "ACTIVE_COMPARATOR",  NC_("arm type", "Active comparator") },
  { "PLACEBO_COMPARATOR", NC_("arm type", "Placebo comparator") },
  { "SHAM_COMPARATOR",    NC_("arm type", "Sham comparator") },
  { "NO_INTERVENTION",    NC_("arm type", "No intervention") },
  { "OTHER",              NC_("arm type", "Other") },
};

static const CodeLabel intervention_types[] = {
  { "DRUG",                NC_("intervention type", "Drug") },
  { "BIOLOGICAL",          NC_("intervention type", "Biological") },
  { "DEVICE",              NC_("intervention type", "Device") },
  { "PROCEDURE",           NC_("intervention type", "Procedure") },
  { "GENETIC",             NC_("intervention type", "Genetic") },
  { "RADIATION",           NC_("intervention type", "Radiation") },
  { "BEHAVIORAL",          NC_("intervention type", "Behavioral") },
  { "DIETARY_SUPPLEMENT",  NC_("intervention type", "Dietary supplement") },
  { "COMBINATION_PRODUCT", NC_("intervention type", "Combination product") },
  { "DIAGNOSTIC_TEST",     NC_("intervention type", "Diagnostic test") },
  { "OTHER",               NC_("intervention type", "Other") },
};

static const CodeLabel contact_roles[] = {
  { "CONTACT",                NC_("contact role", "Contact") },
  { "PRINCIPAL_INVESTIGATOR", NC_("contact role", "Principal investigator") },
  { "SUB_INVESTIGATOR",       NC_("contact role", "Sub-investigator") },
  { "STUDY_CHAIR",            NC_("contact role", "Study chair") },
  { "STUDY_DIRECTOR",         NC_("contact role", "Study director") },
};

static const CodeLabel responsible_parties[] = {
  { "SPONSOR",                NC_("responsible party", "Sponsor") },
  { "PRINCIPAL_INVESTIGATOR", NC_("responsible party", "Principal investigator") },
  { "SPONSOR_INVESTIGATOR",   NC_("responsible party", "Sponsor-investigator") },
};

static const CodeLabel secondary_id_types[] = {
  { "NIH",            NC_("secondary id type", "U.S. NIH grant or contract") },
  { "FDA",            NC_("secondary id type", "U.S. FDA") },
  { "VA",             NC_("secondary id type", "U.S. Department of Veterans Affairs") },
  { "CDC",            NC_("secondary id type", "U.S. CDC") },
  { "AHRQ",           NC_("secondary id type", "U.S. AHRQ") },
  { "SAMHSA",         NC_("secondary id type", "U.S. SAMHSA") },
  { "OTHER_GRANT",    NC_("secondary id type", "Other grant or funding number") },
  { "EUDRACT_NUMBER", NC_("secondary id type", "EudraCT number") },
  { "CTIS",           NC_("secondary id type", "EU CT number") },
  { "REGISTRY",       NC_("secondary id type", "Registry identifier") },
  { "OTHER",          NC_("secondary id type", "Other identifier") },
};

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* "NEW_CODE" becomes "New code", for registry values newer than the tables. */
static char *
humanize_code (const char *code)
{
  GString *str = g_string_new (NULL);

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (str, ' ');
      else if (str->len == 0)
        g_string_append_c (str, g_ascii_toupper (*p));
      else
        g_string_append_c (str, g_ascii_tolower (*p));
    }

  return g_string_free (str, FALSE);
}

static char *
lookup_code (const CodeLabel *table,
             gsize            n_entries,
             const char      *context,
             const char      *code)
{
  g_assert (table != NULL);

  if (is_blank (code))
    return NULL;

  for (gsize i = 0; i < n_entries; i++)
    {
      if (g_ascii_strcasecmp (table[i].code, code) == 0)
        return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, context, table[i].label));
    }

  return humanize_code (code);
}

#define LOOKUP_CODE(table, context, code) \
  lookup_code (table, G_N_ELEMENTS (table), context, code)

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

/* A string member, or NULL if it is absent, not a string, or empty. */
static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node;
  const char *value;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);

  return is_blank (value) ? NULL : value;
}

static JsonObject *
study_module (EligoTrial *trial,
              const char *module)
{
  return object_member (object_member (eligo_trial_get_study (trial), "protocolSection"), module);
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* The strings of a JSON array joined with @separator, or NULL if none. */
static char *
join_string_array (JsonArray  *array,
                   const char *separator)
{
  GString *str;

  if (array == NULL)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *value;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      value = json_node_get_string (node);
      if (is_blank (value))
        continue;

      if (str->len > 0)
        g_string_append (str, separator);
      g_string_append (str, value);
    }

  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  return g_string_free (str, FALSE);
}

/* The trial's "; "-joined lists (conditions, countries…) with another separator. */
static char *
rejoin_list (const char *list,
             const char *separator)
{
  g_auto(GStrv) items = NULL;

  if (is_blank (list))
    return NULL;

  items = g_strsplit (list, "; ", -1);

  return g_strjoinv (separator, items);
}

/* The non-empty ones of @n_items strings, joined with ", ", or NULL. */
static char *
join_present (const char * const *items,
              gsize               n_items)
{
  GString *str = g_string_new (NULL);

  for (gsize i = 0; i < n_items; i++)
    {
      if (is_blank (items[i]))
        continue;

      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, items[i]);
    }

  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  return g_string_free (str, FALSE);
}

/* A registry date, and whether it is an estimate, e.g. "2027-08-19 (estimated)". */
static char *
format_date_struct (const char *date,
                    JsonObject *status_module,
                    const char *struct_name)
{
  JsonObject *date_struct;

  if (is_blank (date))
    return NULL;

  date_struct = object_member (status_module, struct_name);
  if (g_strcmp0 (string_member (date_struct, "type"), "ESTIMATED") == 0)
    /* Translators: a date the registry marks as an estimate, e.g. "2027-08-19 (estimated)" */
    return g_strdup_printf (C_("date", "%s (estimated)"), date);

  return eligo_format_date (date);
}

/*
 * Wrapping, selectable text. Long words (URLs, drug codes) may break, and
 * the label asks for at least MIN_TEXT_CHARS: without a minimum GTK lays the
 * text out one character a line to find its minimum width, which is slow
 * for the long texts of a registry record.
 */
static GtkWidget *
text_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN_TEXT_CHARS);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);

  return label;
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = text_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
heading_new (const char *text,
             const char *css_class,
             int         level)
{
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        NULL);
  gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);

  return label;
}

/* A small word in a rounded outline: an arm type, a rule's origin… */
static GtkWidget *
tag_new (const char *text,
         const char *tooltip)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "trial-tag");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (tag, tooltip);

  return tag;
}

static GtkWidget *
section_new (const char *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (section, "trial-section");
  gtk_box_append (GTK_BOX (section), heading_new (title, "title-4", 2));

  return section;
}

static GtkWidget *
subsection_heading_new (const char *title)
{
  GtkWidget *heading = heading_new (title, "heading", 3);

  gtk_widget_set_margin_top (heading, 6);

  return heading;
}

static GtkWidget *
card_new (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "trial-card");

  return card;
}

static void
card_append (GtkWidget *card,
             GtkWidget *row)
{
  if (gtk_widget_get_first_child (card) != NULL)
    gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  gtk_widget_add_css_class (row, "trial-card-row");
  gtk_box_append (GTK_BOX (card), row);
}

static GtkWidget *
card_row_new (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
}

/*
 * Widgets side by side. A GtkGrid, not a horizontal GtkBox: on GTK 4.8 a
 * horizontal box measures its wrapping labels' heights some 25 times more
 * slowly, which made a trial's criteria take a tenth of a second to lay out.
 */
static GtkWidget *
hrow_new (int spacing)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), spacing);

  return grid;
}

static void
hrow_append (GtkWidget *row,
             GtkWidget *child)
{
  gtk_grid_attach_next_to (GTK_GRID (row), child, NULL, GTK_POS_RIGHT, 1, 1);
}

/* The title line of a card row, with an optional tag at its end. */
static GtkWidget *
row_title_new (const char *title,
               const char *tag,
               const char *tag_tooltip)
{
  GtkWidget *row = hrow_new (12);
  GtkWidget *label = text_label_new (title);

  gtk_widget_add_css_class (label, "trial-row-title");
  gtk_widget_set_hexpand (label, TRUE);
  hrow_append (row, label);

  if (tag != NULL)
    {
      GtkWidget *tag_label = tag_new (tag, tag_tooltip);

      gtk_widget_set_valign (tag_label, GTK_ALIGN_START);
      hrow_append (row, tag_label);
    }

  return row;
}

static void
facts_add (Facts      *facts,
           const char *key,
           const char *value)
{
  GtkWidget *key_label;
  GtkWidget *value_label;

  if (is_blank (value))
    return;

  if (facts->grid == NULL)
    {
      facts->grid = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (facts->grid), 24);
      gtk_grid_set_row_spacing (GTK_GRID (facts->grid), 8);
      gtk_widget_add_css_class (facts->grid, "trial-facts");
    }

  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (key_label), TRUE);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_add_css_class (key_label, "trial-fact-key");

  value_label = text_label_new (value);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "trial-fact-value");
  /* A screen reader then reads "Status: Recruiting", not two unrelated labels. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, key_label, NULL,
                                  -1);

  gtk_grid_attach (GTK_GRID (facts->grid), key_label, 0, facts->n_rows, 1, 1);
  gtk_grid_attach (GTK_GRID (facts->grid), value_label, 1, facts->n_rows, 1, 1);
  facts->n_rows++;
}

static void
facts_take (Facts      *facts,
            const char *key,
            char       *value)
{
  facts_add (facts, key, value);
  g_free (value);
}

/* @line with a markdown bullet ("* ", "- "), indented or not, as "• ". */
static void
append_line (GString    *str,
             const char *line)
{
  gsize indent = strspn (line, " ");

  if ((line[indent] == '*' || line[indent] == '-') && line[indent + 1] == ' ')
    {
      g_string_append_len (str, line, indent);
      g_string_append (str, "• ");
      g_string_append (str, line + indent + 2);
    }
  else
    g_string_append (str, line);
}

/* The registry's free text as paragraphs, with its markdown escapes undone. */
static void
append_paragraphs (GtkWidget  *box,
                   const char *text)
{
  g_autofree char *unescaped = NULL;
  g_auto(GStrv) paragraphs = NULL;
  GString *str;
  char *out;

  if (is_blank (text))
    return;

  /* Without carriage returns, "\r\n\r\n" separates paragraphs too. */
  unescaped = eligo_criteria_unescape (text);
  out = unescaped;
  for (const char *in = unescaped; *in != '\0'; in++)
    {
      if (*in != '\r')
        *out++ = *in;
    }
  *out = '\0';

  paragraphs = g_strsplit (unescaped, "\n\n", -1);
  str = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;

      lines = g_strsplit (paragraphs[i], "\n", -1);
      g_string_truncate (str, 0);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append_c (str, '\n');
          append_line (str, lines[j]);
        }

      gtk_box_append (GTK_BOX (box), text_label_new (str->str));
    }

  g_string_free (str, TRUE);
}

static void
append_facts (GtkWidget *box,
              Facts     *facts)
{
  if (facts->grid != NULL)
    gtk_box_append (GTK_BOX (box), facts->grid);
}

/* Appends @section to the page if anything was added below its heading. */
static void
append_section (GtkBox    *content,
                GtkWidget *section)
{
  GtkWidget *heading = gtk_widget_get_first_child (section);

  if (gtk_widget_get_next_sibling (heading) == NULL)
    {
      g_object_ref_sink (section);
      g_object_unref (section);
      return;
    }

  gtk_box_append (content, section);
}

static char *
format_age_range (EligoTrial *trial)
{
  double min_age = eligo_trial_get_effective_min_age_years (trial);
  double max_age = eligo_trial_get_effective_max_age_years (trial);
  g_autofree char *range = NULL;

  if (min_age < 0.0 && max_age < 0.0)
    return NULL;

  range = eligo_format_age_range (min_age, max_age);
  if (g_strcmp0 (eligo_trial_get_age_source (trial), "criteria") == 0)
    /* Translators: ages the registry does not give, read from the
     * eligibility criteria, e.g. "1–39 (from criteria)" */
    return g_strdup_printf (_("%s (from criteria)"), range);

  return g_steal_pointer (&range);
}

static const char *
format_healthy_volunteers (EligoTristate healthy_volunteers)
{
  switch (healthy_volunteers)
    {
    case ELIGO_TRISTATE_YES:
      /* Translators: whether a trial accepts healthy volunteers */
      return C_("healthy volunteers", "Accepted");
    case ELIGO_TRISTATE_NO:
      /* Translators: whether a trial accepts healthy volunteers */
      return C_("healthy volunteers", "Not accepted");
    case ELIGO_TRISTATE_UNKNOWN:
    default:
      return NULL;
    }
}

static char *
format_responsible_party (JsonObject *sponsors)
{
  JsonObject *party = object_member (sponsors, "responsibleParty");
  g_autofree char *type = NULL;
  g_autofree char *investigator = NULL;
  const char *parts[3];

  if (party == NULL)
    return NULL;

  type = LOOKUP_CODE (responsible_parties, "responsible party", string_member (party, "type"));
  parts[0] = string_member (party, "investigatorFullName");
  parts[1] = string_member (party, "investigatorTitle");
  parts[2] = string_member (party, "investigatorAffiliation");
  investigator = join_present (parts, G_N_ELEMENTS (parts));

  if (type != NULL && investigator != NULL)
    return g_strdup_printf ("%s\n%s", type, investigator);

  return type != NULL ? g_steal_pointer (&type) : g_steal_pointer (&investigator);
}

static void
build_overview (GtkBox         *content,
                EligoTrial     *trial)
{
  JsonObject *status = study_module (trial, "statusModule");
  JsonObject *design = study_module (trial, "designModule");
  JsonObject *sponsors = study_module (trial, "sponsorCollaboratorsModule");
  const char *enrollment_type;
  GtkWidget *section;
  GtkWidget *card;
  Facts facts = { 0 };

  section = section_new (_("Overview"));

  if (!is_blank (eligo_trial_get_overall_status (trial)))
    facts_take (&facts, _("Status"), eligo_format_status (eligo_trial_get_overall_status (trial)));
  if (!is_blank (eligo_trial_get_phases (trial)))
    /* Translators: the key of a trial's phases in its overview, e.g. "Phase 1/2" */
    facts_take (&facts, C_("trial fact", "Phase"), eligo_format_phases (eligo_trial_get_phases (trial)));
  if (!is_blank (eligo_trial_get_study_type (trial)))
    facts_take (&facts, _("Study type"),
                eligo_format_study_type (eligo_trial_get_study_type (trial)));

  if (eligo_trial_get_enrollment (trial) >= 0)
    {
      g_autofree char *count = eligo_format_enrollment (eligo_trial_get_enrollment (trial));
      g_autofree char *enrollment = NULL;

      enrollment_type = string_member (object_member (design, "enrollmentInfo"), "type");
      if (g_strcmp0 (enrollment_type, "ESTIMATED") == 0)
        /* Translators: a planned number of participants, e.g. "30 (estimated)" */
        enrollment = g_strdup_printf (C_("enrollment", "%s (estimated)"), count);
      else if (g_strcmp0 (enrollment_type, "ACTUAL") == 0)
        /* Translators: the number of participants enrolled, e.g. "30 (actual)" */
        enrollment = g_strdup_printf (C_("enrollment", "%s (actual)"), count);

      facts_add (&facts, _("Enrollment"), enrollment != NULL ? enrollment : count);
    }

  /* Translators: the start date of a trial */
  facts_take (&facts, C_("trial fact", "Start"),
              format_date_struct (eligo_trial_get_start_date (trial), status, "startDateStruct"));
  facts_take (&facts, _("Primary completion"),
              format_date_struct (eligo_trial_get_primary_completion_date (trial), status,
                                  "primaryCompletionDateStruct"));
  /* Translators: the completion date of a trial */
  facts_take (&facts, C_("trial fact", "Completion"),
              format_date_struct (eligo_trial_get_completion_date (trial), status,
                                  "completionDateStruct"));
  facts_take (&facts, _("First posted"),
              format_date_struct (eligo_trial_get_first_posted (trial), status,
                                  "studyFirstPostDateStruct"));
  facts_take (&facts, _("Last update"),
              format_date_struct (eligo_trial_get_last_update (trial), status,
                                  "lastUpdatePostDateStruct"));

  facts_add (&facts, _("Lead sponsor"), eligo_trial_get_lead_sponsor (trial));
  facts_take (&facts, _("Collaborators"), rejoin_list (eligo_trial_get_collaborators (trial), "\n"));
  facts_take (&facts, _("Responsible party"), format_responsible_party (sponsors));

  /* Translators: the ages a trial takes, e.g. "14–80" or "18+" */
  facts_take (&facts, _("Ages (years)"), format_age_range (trial));
  if (!is_blank (eligo_trial_get_sex (trial)))
    /* Translators: the sex of the patients a trial takes: "All", "Female" or "Male" */
    facts_take (&facts, C_("trial fact", "Sex"), eligo_format_sex (eligo_trial_get_sex (trial)));
  facts_add (&facts, _("Healthy volunteers"),
             format_healthy_volunteers (eligo_trial_get_healthy_volunteers (trial)));

  facts_take (&facts, _("Conditions"), rejoin_list (eligo_trial_get_conditions (trial), "\n"));
  facts_take (&facts, _("Keywords"), rejoin_list (eligo_trial_get_keywords (trial), " · "));
  facts_take (&facts, _("Countries"), rejoin_list (eligo_trial_get_countries (trial), ", "));

  if (facts.grid != NULL)
    {
      GtkWidget *row = card_row_new ();

      card = card_new ();
      append_facts (row, &facts);
      card_append (card, row);
      gtk_box_append (GTK_BOX (section), card);
    }

  append_section (content, section);
}

static void
build_descriptions (GtkBox         *content,
                    EligoTrial     *trial)
{
  GtkWidget *section;

  section = section_new (_("Summary"));
  gtk_widget_add_css_class (section, "trial-prose");
  append_paragraphs (section, eligo_trial_get_brief_summary (trial));
  append_section (content, section);

  section = section_new (_("Detailed description"));
  gtk_widget_add_css_class (section, "trial-prose");
  append_paragraphs (section, eligo_trial_get_detailed_description (trial));
  append_section (content, section);
}

static char *
format_masking (JsonObject *masking_info)
{
  g_autofree char *masking = NULL;
  JsonArray *who;
  g_autofree char *who_text = NULL;
  GString *parties;

  masking = LOOKUP_CODE (maskings, "masking", string_member (masking_info, "masking"));
  if (masking == NULL)
    return NULL;

  who = array_member (masking_info, "whoMasked");
  if (who == NULL || json_array_get_length (who) == 0)
    return g_steal_pointer (&masking);

  parties = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (who); i++)
    {
      JsonNode *node = json_array_get_element (who, i);
      g_autofree char *party = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      party = LOOKUP_CODE (masked_parties, "masked party", json_node_get_string (node));
      if (party == NULL)
        continue;
      if (parties->len > 0)
        g_string_append (parties, ", ");
      g_string_append (parties, party);
    }

  if (parties->len == 0)
    {
      g_string_free (parties, TRUE);
      return g_steal_pointer (&masking);
    }

  who_text = g_string_free (parties, FALSE);

  /* Translators: a trial's masking and who is masked, e.g. "Double (Participant, Investigator)" */
  return g_strdup_printf (_("%s (%s)"), masking, who_text);
}

static void
build_design (GtkBox         *content,
              EligoTrial     *trial)
{
  JsonObject *info = eligo_trial_get_design_info (trial);
  JsonObject *masking_info;
  GtkWidget *section;
  Facts facts = { 0 };

  if (info == NULL)
    return;

  masking_info = object_member (info, "maskingInfo");
  section = section_new (_("Design"));

  facts_take (&facts, _("Allocation"),
              LOOKUP_CODE (allocations, "allocation", string_member (info, "allocation")));
  facts_take (&facts, _("Intervention model"),
              LOOKUP_CODE (intervention_models, "intervention model",
                           string_member (info, "interventionModel")));
  facts_add (&facts, _("Model description"), string_member (info, "interventionModelDescription"));
  facts_take (&facts, _("Observational model"),
              LOOKUP_CODE (observational_models, "observational model",
                           string_member (info, "observationalModel")));
  facts_take (&facts, _("Time perspective"),
              LOOKUP_CODE (time_perspectives, "time perspective",
                           string_member (info, "timePerspective")));
  facts_take (&facts, _("Primary purpose"),
              LOOKUP_CODE (primary_purposes, "primary purpose",
                           string_member (info, "primaryPurpose")));
  /* Translators: masking (blinding) of a trial */
  facts_take (&facts, _("Masking"), format_masking (masking_info));
  facts_add (&facts, _("Masking description"), string_member (masking_info, "maskingDescription"));

  if (facts.grid != NULL)
    {
      GtkWidget *card = card_new ();
      GtkWidget *row = card_row_new ();

      append_facts (row, &facts);
      card_append (card, row);
      gtk_box_append (GTK_BOX (section), card);
    }

  append_section (content, section);
}

static GtkWidget *
arm_row_new (JsonObject *arm)
{
  g_autofree char *type = NULL;
  g_autofree char *interventions = NULL;
  GtkWidget *row = card_row_new ();
  const char *label = string_member (arm, "label");
  Facts facts = { 0 };

  type = LOOKUP_CODE (arm_types, "arm type", string_member (arm, "type"));
  gtk_box_append (GTK_BOX (row),
                  row_title_new (label != NULL ? label : _("Unnamed arm"), type,
                                 _("Arm type")));
  append_paragraphs (row, string_member (arm, "description"));

  interventions = join_string_array (array_member (arm, "interventionNames"), "\n");
  facts_add (&facts, _("Interventions"), interventions);
  append_facts (row, &facts);

  return row;
}

static GtkWidget *
intervention_row_new (JsonObject *intervention)
{
  g_autofree char *type = NULL;
  GtkWidget *row = card_row_new ();
  const char *name = string_member (intervention, "name");
  Facts facts = { 0 };

  type = LOOKUP_CODE (intervention_types, "intervention type", string_member (intervention, "type"));
  gtk_box_append (GTK_BOX (row),
                  row_title_new (name != NULL ? name : _("Unnamed intervention"), type,
                                 _("Intervention type")));
  append_paragraphs (row, string_member (intervention, "description"));

  facts_take (&facts, _("Other names"),
              join_string_array (array_member (intervention, "otherNames"), ", "));
  facts_take (&facts, _("Arms"),
              join_string_array (array_member (intervention, "armGroupLabels"), "\n"));
  append_facts (row, &facts);

  return row;
}

static void
append_object_rows (GtkWidget   *section,
                    const char  *heading,
                    JsonArray   *array,
                    GtkWidget *(*row_new) (JsonObject *object))
{
  GtkWidget *card = NULL;

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_object (array, i);

      if (object == NULL)
        continue;

      if (card == NULL)
        {
          if (heading != NULL)
            gtk_box_append (GTK_BOX (section), subsection_heading_new (heading));
          card = card_new ();
        }
      card_append (card, row_new (object));
    }

  if (card != NULL)
    gtk_box_append (GTK_BOX (section), card);
}

static void
build_arms_and_interventions (GtkBox         *content,
                              EligoTrial     *trial)
{
  GtkWidget *section = section_new (_("Arms and interventions"));

  append_object_rows (section, _("Arms"), eligo_trial_get_arm_groups (trial), arm_row_new);
  append_object_rows (section, _("Interventions"), eligo_trial_get_interventions (trial),
                      intervention_row_new);
  append_section (content, section);
}

static GtkWidget *
outcome_row_new (JsonObject *outcome)
{
  GtkWidget *row = card_row_new ();
  const char *measure = string_member (outcome, "measure");
  Facts facts = { 0 };

  gtk_box_append (GTK_BOX (row),
                  row_title_new (measure != NULL ? measure : _("Unnamed outcome measure"),
                                 NULL, NULL));
  append_paragraphs (row, string_member (outcome, "description"));
  facts_add (&facts, _("Time frame"), string_member (outcome, "timeFrame"));
  append_facts (row, &facts);

  return row;
}

static void
build_outcomes (GtkBox         *content,
                EligoTrial     *trial)
{
  GtkWidget *section = section_new (_("Outcomes"));

  append_object_rows (section, _("Primary outcomes"), eligo_trial_get_primary_outcomes (trial),
                      outcome_row_new);
  append_object_rows (section, _("Secondary outcomes"),
                      eligo_trial_get_secondary_outcomes (trial), outcome_row_new);
  append_object_rows (section, _("Other outcomes"),
                      array_member (study_module (trial, "outcomesModule"), "otherOutcomes"),
                      outcome_row_new);
  append_section (content, section);
}

static GtkWidget *
criterion_row_new (EligoCriterion *criterion)
{
  g_autofree char *rule = eligo_criterion_dup_rule_text (criterion);
  const char *id = eligo_criterion_get_id (criterion);
  const char *short_id = strchr (id, '/');
  GtkWidget *row;
  GtkWidget *id_label;
  GtkWidget *body;
  GtkWidget *label;

  row = hrow_new (12);
  gtk_widget_add_css_class (row, "trial-criterion");

  id_label = gtk_label_new (short_id != NULL ? short_id + 1 : id);
  gtk_label_set_xalign (GTK_LABEL (id_label), 0.0f);
  gtk_label_set_width_chars (GTK_LABEL (id_label), 3);
  gtk_widget_set_valign (id_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (id_label, "trial-criterion-id");
  gtk_widget_set_tooltip_text (id_label, id);
  hrow_append (row, id_label);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (body, TRUE);
  hrow_append (row, body);

  if (!is_blank (eligo_criterion_get_context (criterion)))
    {
      label = dim_label_new (eligo_criterion_get_context (criterion));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (body), label);
    }

  label = text_label_new (eligo_criterion_get_text (criterion));
  eligo_criterion_label_show_spans (label, criterion);
  gtk_box_append (GTK_BOX (body), label);

  switch (eligo_criterion_get_subject (criterion))
    {
    case ELIGO_SUBJECT_DONOR:
      label = dim_label_new (_("About the donor, not the patient"));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (body), label);
      break;

    case ELIGO_SUBJECT_OTHER:
      label = dim_label_new (_("About another person, not the patient"));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (body), label);
      break;

    case ELIGO_SUBJECT_PATIENT:
    default:
      break;
    }

  if (rule != NULL)
    {
      GtkWidget *rule_box = hrow_new (6);

      label = gtk_label_new (rule);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "trial-rule");
      gtk_widget_set_tooltip_text (label, _("The rule Eligo screens this criterion with"));
      hrow_append (rule_box, label);

      if (eligo_criterion_get_partial (criterion))
        /* Translators: a tag on a rule that covers only part of its criterion */
        hrow_append (rule_box,
                     tag_new (C_("rule tag", "partial"),
                              _("The rule covers only part of the criterion: it can rule "
                                "a patient out, never in")));

      switch (eligo_criterion_get_origin (criterion))
        {
        case ELIGO_ORIGIN_STRUCTURED:
          /* Translators: a tag on a rule read from the registry's structured fields */
          hrow_append (rule_box,
                       tag_new (C_("rule tag", "registry"),
                                _("From the registry’s age, sex or healthy volunteer fields")));
          break;

        case ELIGO_ORIGIN_CURATED:
          /* Translators: a tag on a rule a nurse wrote or corrected */
          hrow_append (rule_box,
                       tag_new (C_("rule tag", "curated"),
                                _("Written or corrected by a member of the team")));
          break;

        case ELIGO_ORIGIN_PARSED:
        default:
          break;
        }

      gtk_box_append (GTK_BOX (body), rule_box);
    }

  return row;
}

static void
append_criteria_group (GtkWidget          *section,
                       GPtrArray          *criteria,
                       EligoCriterionKind  kind,
                       const char         *heading)
{
  GtkWidget *card = NULL;

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);

      if (eligo_criterion_get_kind (criterion) != kind)
        continue;

      if (card == NULL)
        {
          gtk_box_append (GTK_BOX (section), subsection_heading_new (heading));
          card = card_new ();
        }
      card_append (card, criterion_row_new (criterion));
    }

  if (card != NULL)
    gtk_box_append (GTK_BOX (section), card);
}

/* The registry's own age limits, e.g. "14 Years to 80 Years". */
static char *
format_registry_ages (EligoTrial *trial)
{
  const char *minimum = eligo_trial_get_minimum_age_text (trial);
  const char *maximum = eligo_trial_get_maximum_age_text (trial);

  if (!is_blank (minimum) && !is_blank (maximum))
    /* Translators: the registry's age limits, e.g. "14 Years to 80 Years" */
    return g_strdup_printf (C_("registry ages", "%s to %s"), minimum, maximum);

  if (!is_blank (maximum))
    /* Translators: the registry's upper age limit, e.g. "up to 17 Years" */
    return g_strdup_printf (C_("registry ages", "up to %s"), maximum);

  if (!is_blank (minimum))
    /* Translators: the registry's lower age limit, e.g. "18 Years and older" */
    return g_strdup_printf (C_("registry ages", "%s and older"), minimum);

  return NULL;
}

static void
build_eligibility (GtkBox         *content,
                   EligoDatabase  *database,
                   EligoTrial     *trial)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ages = NULL;
  GtkWidget *section;
  Facts facts = { 0 };

  section = section_new (_("Eligibility"));

  ages = format_registry_ages (trial);

  /* Translators: the ages a trial takes, as the registry writes them */
  facts_add (&facts, C_("eligibility", "Ages"), ages);
  if (!is_blank (eligo_trial_get_sex (trial)))
    facts_take (&facts, C_("trial fact", "Sex"), eligo_format_sex (eligo_trial_get_sex (trial)));
  facts_add (&facts, _("Healthy volunteers"),
             format_healthy_volunteers (eligo_trial_get_healthy_volunteers (trial)));
  if (facts.grid != NULL)
    {
      GtkWidget *card = card_new ();
      GtkWidget *row = card_row_new ();

      append_facts (row, &facts);
      card_append (card, row);
      gtk_box_append (GTK_BOX (section), card);
    }

  if (database != NULL)
    criteria = eligo_database_get_criteria (database, trial, &error);
  else
    criteria = eligo_criteria_for_trial (trial);

  if (criteria == NULL)
    {
      GtkWidget *label;
      g_autofree char *message = NULL;

      /* Translators: shown in place of a trial's criteria; %s is the reason */
      message = g_strdup_printf (_("The criteria cannot be read: %s"),
                                 error != NULL ? error->message : "");
      label = dim_label_new (message);
      gtk_box_append (GTK_BOX (section), label);
      g_debug ("Criteria of %s: %s", eligo_trial_get_nct_id (trial),
               error != NULL ? error->message : "none");
    }
  else if (criteria->len > 0)
    {
      g_autofree char *summary = NULL;
      guint n_rules = 0;

      for (guint i = 0; i < criteria->len; i++)
        {
          if (eligo_criterion_get_rule (g_ptr_array_index (criteria, i)) != NULL)
            n_rules++;
        }

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: e.g. "1 of 1 criterion has a rule" */
                                              "%u of %u criterion has a rule",
                                              /* Translators: e.g. "12 of 28 criteria have a rule" */
                                              "%u of %u criteria have a rule",
                                              criteria->len),
                                 n_rules, criteria->len);
      gtk_box_append (GTK_BOX (section), dim_label_new (summary));

      append_criteria_group (section, criteria, ELIGO_CRITERION_INCLUSION,
                             _("Inclusion criteria"));
      append_criteria_group (section, criteria, ELIGO_CRITERION_EXCLUSION,
                             _("Exclusion criteria"));
    }
  else if (!is_blank (eligo_trial_get_eligibility_criteria (trial)))
    {
      /* The splitter found no items: show the registry's text as it is. */
      append_paragraphs (section, eligo_trial_get_eligibility_criteria (trial));
    }

  append_section (content, section);
}

static GtkWidget *
location_row_new (JsonObject *location)
{
  g_autofree char *place = NULL;
  g_autofree char *status = NULL;
  const char *facility = string_member (location, "facility");
  const char *parts[3];
  GtkWidget *row;
  GtkWidget *texts;
  GtkWidget *label;

  parts[0] = string_member (location, "city");
  parts[1] = string_member (location, "state");
  parts[2] = string_member (location, "country");
  place = join_present (parts, G_N_ELEMENTS (parts));
  if (string_member (location, "status") != NULL)
    status = eligo_format_status (string_member (location, "status"));

  row = hrow_new (12);
  gtk_widget_add_css_class (row, "trial-card-row");

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  hrow_append (row, texts);

  label = text_label_new (facility != NULL ? facility
                          : place != NULL ? place
                          : _("Unnamed site"));
  gtk_widget_add_css_class (label, "trial-row-title");
  gtk_box_append (GTK_BOX (texts), label);

  if (facility != NULL && place != NULL)
    gtk_box_append (GTK_BOX (texts), dim_label_new (place));

  if (status != NULL)
    hrow_append (row, tag_new (status, _("Recruitment status at this site")));

  return row;
}

/*
 * The locations after the first N_LOCATIONS_SHOWN are built when the
 * expander first opens, N_LOCATIONS_PER_IDLE at a time, so that a trial with
 * a thousand sites does not freeze the window. The idle holds a reference on
 * the expander and stops when the page has been rebuilt without it.
 */
static gboolean
fill_locations_cb (gpointer user_data)
{
  GtkWidget *expander = user_data;
  GtkWidget *box = gtk_expander_get_child (GTK_EXPANDER (expander));
  JsonArray *locations = g_object_get_data (G_OBJECT (expander), "eligo-locations");
  guint next = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "eligo-next-location"));
  guint n_locations = json_array_get_length (locations);
  guint end = MIN (n_locations, next + N_LOCATIONS_PER_IDLE);

  if (gtk_widget_get_root (expander) == NULL)
    return G_SOURCE_REMOVE;

  for (; next < end; next++)
    {
      JsonObject *location = array_object (locations, next);

      if (location == NULL)
        continue;

      gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (box), location_row_new (location));
    }

  g_object_set_data (G_OBJECT (expander), "eligo-next-location", GUINT_TO_POINTER (next));

  return next < n_locations ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_locations_expander_expanded_cb (GtkExpander *expander,
                                   GParamSpec  *pspec,
                                   gpointer     user_data)
{
  if (!gtk_expander_get_expanded (expander) ||
      g_object_get_data (G_OBJECT (expander), "eligo-next-location") != NULL)
    return;

  g_object_set_data (G_OBJECT (expander), "eligo-next-location",
                     GUINT_TO_POINTER (N_LOCATIONS_SHOWN));
  if (fill_locations_cb (expander) == G_SOURCE_CONTINUE)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_locations_cb, g_object_ref (expander),
                     g_object_unref);
}

static void
build_locations (GtkBox         *content,
                 EligoTrial     *trial)
{
  JsonArray *locations = eligo_trial_get_locations (trial);
  GtkWidget *section;
  GtkWidget *card;
  guint n_locations;

  if (locations == NULL || json_array_get_length (locations) == 0)
    return;

  n_locations = json_array_get_length (locations);
  section = section_new (_("Locations"));
  card = card_new ();

  for (guint i = 0; i < MIN (n_locations, N_LOCATIONS_SHOWN); i++)
    {
      JsonObject *location = array_object (locations, i);

      if (location != NULL)
        card_append (card, location_row_new (location));
    }

  /* The rest are built when asked for: a trial may list hundreds of sites. */
  if (n_locations > N_LOCATIONS_SHOWN)
    {
      g_autofree char *title = NULL;
      GtkWidget *expander;
      GtkWidget *label;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Show all %u location",
                                            "Show all %u locations",
                                            n_locations),
                               n_locations);
      expander = gtk_expander_new (NULL);
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 6);
      gtk_expander_set_label_widget (GTK_EXPANDER (expander), label);
      gtk_expander_set_child (GTK_EXPANDER (expander),
                              gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      gtk_widget_add_css_class (expander, "trial-locations-expander");
      g_object_set_data_full (G_OBJECT (expander), "eligo-locations",
                              json_array_ref (locations), (GDestroyNotify) json_array_unref);
      g_signal_connect (expander, "notify::expanded",
                        G_CALLBACK (on_locations_expander_expanded_cb), NULL);

      gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (card), expander);
    }

  gtk_box_append (GTK_BOX (section), card);
  append_section (content, section);
}

static GtkWidget *
contact_row_new (JsonObject *contact)
{
  g_autofree char *phone = NULL;
  const char *name = string_member (contact, "name");
  GtkWidget *row = card_row_new ();
  Facts facts = { 0 };

  if (name != NULL)
    gtk_box_append (GTK_BOX (row), row_title_new (name, NULL, NULL));

  if (string_member (contact, "phone") != NULL && string_member (contact, "phoneExt") != NULL)
    /* Translators: a phone number and its extension */
    phone = g_strdup_printf (_("%s, extension %s"),
                             string_member (contact, "phone"),
                             string_member (contact, "phoneExt"));
  else
    phone = g_strdup (string_member (contact, "phone"));

  /* Translators: the role of a trial's contact person, e.g. "Study chair" */
  facts_take (&facts, C_("contact", "Role"),
              LOOKUP_CODE (contact_roles, "contact role", string_member (contact, "role")));
  facts_add (&facts, _("Phone"), phone);
  facts_add (&facts, _("Email"), string_member (contact, "email"));
  append_facts (row, &facts);

  return row;
}

static void
build_contacts (GtkBox         *content,
                EligoTrial     *trial)
{
  GtkWidget *section = section_new (_("Contacts"));

  append_object_rows (section, NULL, eligo_trial_get_central_contacts (trial), contact_row_new);
  append_section (content, section);
}

static void
build_identifiers (GtkBox         *content,
                   EligoTrial     *trial)
{
  JsonArray *secondary = eligo_trial_get_other_identifiers (trial);
  GtkWidget *section;
  GtkWidget *card;
  GtkWidget *row;
  Facts facts = { 0 };

  section = section_new (_("Identifiers"));

  facts_add (&facts, _("NCT ID"), eligo_trial_get_nct_id (trial));
  facts_add (&facts, _("Organization’s study ID"), eligo_trial_get_org_study_id (trial));

  for (guint i = 0; secondary != NULL && i < json_array_get_length (secondary); i++)
    {
      JsonObject *object = array_object (secondary, i);
      g_autofree char *type = NULL;
      const char *value;
      const char *domain;

      value = string_member (object, "id");
      if (value == NULL)
        continue;

      type = LOOKUP_CODE (secondary_id_types, "secondary id type", string_member (object, "type"));
      domain = string_member (object, "domain");
      if (domain != NULL)
        facts_take (&facts, type != NULL ? type : _("Secondary ID"),
                    g_strdup_printf ("%s\n%s", value, domain));
      else
        facts_add (&facts, type != NULL ? type : _("Secondary ID"), value);
    }

  card = card_new ();
  row = card_row_new ();
  append_facts (row, &facts);
  card_append (card, row);
  gtk_box_append (GTK_BOX (section), card);

  append_section (content, section);
}

/**
 * _eligo_trial_page_build_sections:
 * @content: an empty vertical box
 * @database: (nullable): the database @trial is in, for its criteria and
 *   their curated rules; without it the criteria are parsed afresh
 * @trial: the trial to show
 *
 * Appends the sections of @trial's record to @content.
 */
void
_eligo_trial_page_build_sections (GtkBox        *content,
                                  EligoDatabase *database,
                                  EligoTrial    *trial)
{
  g_return_if_fail (GTK_IS_BOX (content));
  g_return_if_fail (database == NULL || ELIGO_IS_DATABASE (database));
  g_return_if_fail (ELIGO_IS_TRIAL (trial));

  build_overview (content, trial);
  build_descriptions (content, trial);
  build_design (content, trial);
  build_arms_and_interventions (content, trial);
  build_outcomes (content, trial);
  build_eligibility (content, database, trial);
  build_locations (content, trial);
  build_contacts (content, trial);
  build_identifiers (content, trial);
}
