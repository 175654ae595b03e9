/* eligo-trial-page-locations.c
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

#include "eligo-format.h"
#include "eligo-trial-page-private.h"

/*
 * The locations and contacts sections of a trial page: its sites, the first
 * few at once and the rest when asked for, and its central contacts.
 */

/* Locations shown before "Show all N locations", and built at a time after. */
#define N_LOCATIONS_SHOWN    10
#define N_LOCATIONS_PER_IDLE 50

static const CodeLabel contact_roles[] = {
  { "CONTACT",                NC_("contact role", "Contact") },
  { "PRINCIPAL_INVESTIGATOR", NC_("contact role", "Principal investigator") },
  { "SUB_INVESTIGATOR",       NC_("contact role", "Sub-investigator") },
  { "STUDY_CHAIR",            NC_("contact role", "Study chair") },
  { "STUDY_DIRECTOR",         NC_("contact role", "Study director") },
};

static GtkWidget *
location_row_new (JsonObject *location)
{
  g_autofree char *place = NULL;
  g_autofree char *status = NULL;
  const char *facility = _eligo_string_member (location, "facility");
  const char *parts[3];
  GtkWidget *row;
  GtkWidget *texts;
  GtkWidget *label;

  parts[0] = _eligo_string_member (location, "city");
  parts[1] = _eligo_string_member (location, "state");
  parts[2] = _eligo_string_member (location, "country");
  place = _eligo_join_present (parts, G_N_ELEMENTS (parts));
  if (_eligo_string_member (location, "status") != NULL)
    status = eligo_format_status (_eligo_string_member (location, "status"));

  row = _eligo_hrow_new (12);
  gtk_widget_add_css_class (row, "trial-card-row");

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  _eligo_hrow_append (row, texts);

  label = _eligo_text_label_new (facility != NULL ? facility
                                 : place != NULL ? place
                                 : _("Unnamed site"));
  gtk_widget_add_css_class (label, "trial-row-title");
  gtk_box_append (GTK_BOX (texts), label);

  if (facility != NULL && place != NULL)
    gtk_box_append (GTK_BOX (texts), _eligo_dim_label_new (place));

  if (status != NULL)
    _eligo_hrow_append (row, _eligo_tag_new (status, _("Recruitment status at this site")));

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
      JsonObject *location = _eligo_array_object (locations, next);

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

void
_eligo_trial_page_build_locations (GtkBox         *content,
                                   EligoTrial     *trial)
{
  JsonArray *locations = eligo_trial_get_locations (trial);
  GtkWidget *section;
  GtkWidget *card;
  guint n_locations;

  if (locations == NULL || json_array_get_length (locations) == 0)
    return;

  n_locations = json_array_get_length (locations);
  section = _eligo_section_new (_("Locations"));
  card = _eligo_card_new ();

  for (guint i = 0; i < MIN (n_locations, N_LOCATIONS_SHOWN); i++)
    {
      JsonObject *location = _eligo_array_object (locations, i);

      if (location != NULL)
        _eligo_card_append (card, location_row_new (location));
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
  _eligo_append_section (content, section);
}

static GtkWidget *
contact_row_new (JsonObject *contact)
{
  g_autofree char *phone = NULL;
  const char *name = _eligo_string_member (contact, "name");
  GtkWidget *row = _eligo_card_row_new ();
  Facts facts = { 0 };

  if (name != NULL)
    gtk_box_append (GTK_BOX (row), _eligo_row_title_new (name, NULL, NULL));

  if (_eligo_string_member (contact, "phone") != NULL &&
      _eligo_string_member (contact, "phoneExt") != NULL)
    /* Translators: a phone number and its extension */
    phone = g_strdup_printf (_("%s, extension %s"),
                             _eligo_string_member (contact, "phone"),
                             _eligo_string_member (contact, "phoneExt"));
  else
    phone = g_strdup (_eligo_string_member (contact, "phone"));

  /* Translators: the role of a trial's contact person, e.g. "Study chair" */
  _eligo_facts_take (&facts, C_("contact", "Role"),
                     LOOKUP_CODE (contact_roles, "contact role",
                                  _eligo_string_member (contact, "role")));
  _eligo_facts_add (&facts, _("Phone"), phone);
  _eligo_facts_add (&facts, _("Email"), _eligo_string_member (contact, "email"));
  _eligo_append_facts (row, &facts);

  return row;
}

void
_eligo_trial_page_build_contacts (GtkBox         *content,
                                  EligoTrial     *trial)
{
  GtkWidget *section = _eligo_section_new (_("Contacts"));

  _eligo_append_object_rows (section, NULL, eligo_trial_get_central_contacts (trial),
                             contact_row_new);
  _eligo_append_section (content, section);
}
