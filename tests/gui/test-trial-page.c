/* test-trial-page.c
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

#define G_LOG_DOMAIN "test-trial-page"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>

#include "eligo-criterion.h"
#include "eligo-database.h"
#include "eligo-trial-page.h"
#include "eligo-trial.h"

#define FULL_TRIAL   "NCT07072494"
#define SPARSE_TRIAL "NCT06585345"

typedef struct
{
  char           *dir;
  EligoDatabase  *database;
  GtkWidget      *window;
  EligoTrialPage *page;
} Fixture;

static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }

  iterate_for (50);
}

static void
load_style (void)
{
  static GtkCssProvider *provider;

  if (provider != NULL)
    return;

  /* A CSS parsing error is a warning, which G_DEBUG=fatal-warnings makes fatal. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, ELIGO_RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  load_style ();

  fixture->dir = g_dir_make_tmp ("eligo-test-trial-page-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "eligo.db", NULL);
  fixture->database = eligo_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (eligo_database_seed_if_new (fixture->database, &error));
  g_assert_no_error (error);

  fixture->page = ELIGO_TRIAL_PAGE (g_object_ref_sink (eligo_trial_page_new ()));
  fixture->window = g_object_ref (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until_mapped (GTK_WIDGET (fixture->page));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_unlink (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate_for (20);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->page);
  g_assert_finalize_object (fixture->database);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static EligoTrial *
get_trial (Fixture    *fixture,
           const char *nct_id)
{
  g_autoptr(GError) error = NULL;
  EligoTrial *trial;

  trial = eligo_database_get_trial_by_nct_id (fixture->database, nct_id, &error);
  g_assert_no_error (error);
  g_assert_true (ELIGO_IS_TRIAL (trial));

  return trial;
}

static void
show_trial (Fixture    *fixture,
            const char *nct_id)
{
  g_autoptr(EligoTrial) trial = get_trial (fixture, nct_id);

  eligo_trial_page_set_trial (fixture->page, fixture->database, trial);
  g_assert_true (eligo_trial_page_get_trial (fixture->page) == trial);
  iterate_for (50);
}

/* The rule of a criterion as the database gives it (the extractor may word it differently). */
static char *
dup_rule_text (Fixture    *fixture,
               const char *criterion_id)
{
  g_autoptr(EligoTrial) trial = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nct_id = g_strndup (criterion_id, strchr (criterion_id, '/') - criterion_id);

  trial = get_trial (fixture, nct_id);
  criteria = eligo_database_get_criteria (fixture->database, trial, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < criteria->len; i++)
    {
      EligoCriterion *criterion = g_ptr_array_index (criteria, i);

      if (g_strcmp0 (eligo_criterion_get_id (criterion), criterion_id) == 0)
        return eligo_criterion_dup_rule_text (criterion);
    }

  g_assert_not_reached ();
}

/* Every GtkLabel below @widget (in the widget tree, so not a collapsed expander's child). */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GPtrArray *
page_labels (GtkWidget *widget)
{
  GPtrArray *labels = g_ptr_array_new ();

  collect_labels (widget, labels);

  return labels;
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) labels = page_labels (widget);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return label;
    }

  return NULL;
}

static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  g_autoptr(GPtrArray) labels = page_labels (widget);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
        n++;
    }

  return n;
}

static void
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (find_label (widget, text) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = page_labels (widget);

  for (guint i = 0; i < labels->len; i++)
    {
      if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* A visible, mapped label reading @text: what the nurse sees. */
static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  GtkLabel *label = find_label (GTK_WIDGET (fixture->page), text);

  if (label == NULL)
    g_error ("The page shows no label “%s”", text);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
}

static void
assert_no_null (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = page_labels (widget);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      g_assert_null (strstr (text, "(null)"));
    }
}

static GtkWidget *
visible_stack_child (Fixture *fixture)
{
  GtkLabel *label = find_label (GTK_WIDGET (fixture->page), "Select a trial to read it");
  GtkWidget *stack;

  g_assert_nonnull (label);
  stack = gtk_widget_get_parent (GTK_WIDGET (label));
  g_assert_true (GTK_IS_STACK (stack));

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static GtkWidget *
find_button (Fixture    *fixture,
             const char *label)
{
  GtkLabel *child = find_label (GTK_WIDGET (fixture->page), label);
  GtkWidget *button;

  g_assert_nonnull (child);
  button = gtk_widget_get_ancestor (GTK_WIDGET (child), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);

  return button;
}

static void
test_trial_page_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkLabel *empty = find_label (GTK_WIDGET (fixture->page), "Select a trial to read it");

  g_assert_null (eligo_trial_page_get_trial (fixture->page));
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_true (visible_stack_child (fixture) == GTK_WIDGET (empty));

  /* Nothing to open or copy. */
  g_assert_false (gtk_widget_get_sensitive (find_button (fixture, "Copy NCT ID")));
  g_assert_false (gtk_widget_get_sensitive (find_button (fixture, "Open in ClinicalTrials.gov")));
}

static void
test_trial_page_full (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autofree char *rule = NULL;
  GtkLabel *criterion;
  GtkWidget *criterion_body;

  show_trial (fixture, FULL_TRIAL);

  assert_shows (fixture, FULL_TRIAL);
  assert_shows (fixture, "CD19 CAR-T Cell Infusion as Consolidation Therapy in Adolescent and "
                         "Adult Patients With Acute B-ALL Ineligible for Allogeneic HSCT: "
                         "A Clinical Study");
  assert_shows (fixture, "Recruiting");
  assert_shows (fixture, "Phase 1/2");
  assert_shows (fixture, "30");
  assert_shows (fixture, "Single group");
  assert_shows (fixture, "None (open label)");
  assert_shows (fixture, "Inclusion criteria");
  assert_shows (fixture, "Exclusion criteria");
  assert_shows (fixture, "Consolidation therapy with CAR-T cells was performed after induced "
                         "remission");
  assert_shows (fixture, "CD19 CAR-T cells injection");
  assert_shows (fixture, "Zhujiang Hospital");
  assert_shows (fixture, "Guangzhou, Guangdong, China");
  assert_shows (fixture, "2024-KY-394-01");
  g_assert_true (has_label_containing (page, "Sanfang Tu"));
  g_assert_true (has_label_containing (page, "86 13430200803"));
  g_assert_true (has_label_containing (page, " criteria have a rule"));

  /* The criterion, with its rule beside it. */
  criterion = find_label (page, "Aged between 14 and 80 years (inclusive), male or female.");
  g_assert_nonnull (criterion);
  criterion_body = gtk_widget_get_parent (GTK_WIDGET (criterion));
  rule = dup_rule_text (fixture, FULL_TRIAL "/I3");
  g_assert_true (g_str_has_prefix (rule, "age_years >= 14 and age_years "));
  g_assert_nonnull (find_label (criterion_body, rule));

  /* The registry's structured age limits are a criterion too, tagged as such. */
  g_assert_nonnull (find_label (page, "registry"));
  g_assert_nonnull (find_label (page, "partial"));

  /* Registry escapes are undone: "0.25\~0.5" reads "0.25~0.5". */
  g_assert_true (has_label_containing (page, "0.25~0.5"));
  g_assert_false (has_label_containing (page, "\\~"));

  assert_no_null (page);
  g_assert_null (find_label (page, "—"));
}

static void
test_trial_page_sparse (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);

  show_trial (fixture, FULL_TRIAL);
  show_trial (fixture, SPARSE_TRIAL);

  assert_shows (fixture, SPARSE_TRIAL);
  assert_shows (fixture, "Enrollment");
  assert_shows (fixture, "200");
  /* The registry gives it no ages: those its criteria state, marked so. */
  assert_shows (fixture, "14–65 (from criteria)");

  /* Nothing left over from the trial shown before. */
  g_assert_null (find_label (page, FULL_TRIAL));
  g_assert_null (find_label (page, "Zhujiang Hospital"));

  /* No phase, no dates: no rows for them, and nothing that says "(null)". */
  g_assert_null (find_label (page, "Phase"));
  g_assert_false (has_label_containing (page, "Phase "));
  g_assert_null (find_label (page, "Start"));
  g_assert_null (find_label (page, "Completion"));
  g_assert_null (find_label (page, "Last update"));
  g_assert_null (find_label (page, "—"));
  assert_no_null (page);
}

static void
test_trial_page_unset (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkLabel *empty;

  show_trial (fixture, FULL_TRIAL);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (find_label (GTK_WIDGET (fixture->page),
                                                                 "Select a trial to read it"))));

  eligo_trial_page_set_trial (fixture->page, fixture->database, NULL);
  iterate_for (50);

  g_assert_null (eligo_trial_page_get_trial (fixture->page));
  empty = find_label (GTK_WIDGET (fixture->page), "Select a trial to read it");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_null (find_label (GTK_WIDGET (fixture->page), "Zhujiang Hospital"));
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_trial_page_copy (Fixture       *fixture,
                      gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->page));
  g_autofree char *text = NULL;

  show_trial (fixture, FULL_TRIAL);
  assert_shows (fixture, "Copy NCT ID");
  g_assert_true (gtk_widget_get_sensitive (find_button (fixture, "Copy NCT ID")));
  g_assert_true (gtk_widget_get_sensitive (find_button (fixture, "Open in ClinicalTrials.gov")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "trial.copy-nct-id", NULL));
  assert_shows (fixture, "Copied");

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (text, ==, FULL_TRIAL);

  /* Another trial: the button says what it does again. */
  show_trial (fixture, SPARSE_TRIAL);
  assert_shows (fixture, "Copy NCT ID");
}

/* Rebuilding drops every widget of the trial shown before. */
static void
test_trial_page_rebuild (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkLabel *label;

  show_trial (fixture, FULL_TRIAL);
  label = find_label (GTK_WIDGET (fixture->page), "Zhujiang Hospital");
  g_assert_nonnull (label);
  g_object_add_weak_pointer (G_OBJECT (label), (gpointer *) &label);

  show_trial (fixture, FULL_TRIAL);
  g_assert_null (label);
  assert_shows (fixture, "Zhujiang Hospital");
}

static EligoTrial *
trial_from_json (const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  EligoTrial *trial;

  root = json_from_string (json, &error);
  g_assert_no_error (error);
  trial = eligo_trial_new_from_study (json_node_get_object (root), json, &error);
  g_assert_no_error (error);

  return trial;
}

/* A criterion about the donor says so, beside its text. */
static void
test_trial_page_donor (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EligoTrial) trial = NULL;
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkLabel *criterion;

  trial = trial_from_json ("{\"protocolSection\": {"
                           "\"identificationModule\": {\"nctId\": \"NCT09999998\","
                           " \"briefTitle\": \"Donor test\"},"
                           "\"eligibilityModule\": {\"eligibilityCriteria\":"
                           " \"Inclusion Criteria:\\n\\n1. Age 18 to 65 years.\\n\\n"
                           "Donor Inclusion Criteria:\\n\\n"
                           "1. HLA-matched sibling donor aged 18 to 60 years.\\n\\n"
                           "Exclusion Criteria:\\n\\n1. Active infection.\"}}}");
  eligo_trial_page_set_trial (fixture->page, NULL, trial);
  iterate_for (50);

  criterion = find_label (page, "HLA-matched sibling donor aged 18 to 60 years.");
  g_assert_nonnull (criterion);
  g_assert_nonnull (find_label (gtk_widget_get_parent (GTK_WIDGET (criterion)),
                                "About the donor, not the patient"));

  criterion = find_label (page, "Age 18 to 65 years.");
  g_assert_nonnull (criterion);
  g_assert_null (find_label (gtk_widget_get_parent (GTK_WIDGET (criterion)),
                             "About the donor, not the patient"));

  /* Without dates, phases, sites or contacts there is nothing to show for them. */
  g_assert_null (find_label (page, "Locations"));
  g_assert_null (find_label (page, "Contacts"));
  g_assert_null (find_label (page, "Design"));
  assert_no_null (page);
}

/* A trial with @n_locations sites and 60 criteria, not in the database. */
static EligoTrial *
make_big_trial (guint n_locations)
{
  GString *json = g_string_new (NULL);
  GString *criteria = g_string_new ("Inclusion Criteria:\n\n");
  g_autofree char *criteria_json = NULL;
  EligoTrial *trial;

  for (guint i = 1; i <= 30; i++)
    g_string_append_printf (criteria, "%u. Inclusion item number %u, ECOG 0-%u.\n",
                            i, i, i % 3);
  g_string_append (criteria, "\nExclusion Criteria:\n\n");
  for (guint i = 1; i <= 30; i++)
    g_string_append_printf (criteria, "%u. Exclusion item number %u.\n", i, i);
  criteria_json = g_strescape (criteria->str, NULL);
  g_string_free (criteria, TRUE);

  g_string_append (json,
                   "{\"protocolSection\": {"
                   "\"identificationModule\": {\"nctId\": \"NCT09999999\","
                   " \"briefTitle\": \"A trial with many sites\"},"
                   "\"statusModule\": {\"overallStatus\": \"RECRUITING\"},"
                   "\"eligibilityModule\": {\"eligibilityCriteria\": \"");
  g_string_append (json, criteria_json);
  g_string_append (json, "\"}, \"contactsLocationsModule\": {\"locations\": [");
  for (guint i = 1; i <= n_locations; i++)
    g_string_append_printf (json,
                            "%s{\"facility\": \"Site %u\", \"city\": \"City %u\","
                            " \"country\": \"Country\", \"status\": \"RECRUITING\"}",
                            i > 1 ? ", " : "", i, i);
  g_string_append (json, "]}}}");

  trial = trial_from_json (json->str);
  g_string_free (json, TRUE);

  return trial;
}

static void
test_trial_page_many_locations (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(EligoTrial) trial = make_big_trial (100);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *expander;
  GtkLabel *title;
  gint64 start;
  gint64 elapsed;

  start = g_get_monotonic_time ();
  eligo_trial_page_set_trial (fixture->page, NULL, trial);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Built the page of 100 sites and 60 criteria in %.1f ms",
                  elapsed / 1000.0);
  iterate_for (50);

  g_assert_nonnull (find_label (page, "Inclusion item number 30, ECOG 0-0."));
  g_assert_nonnull (find_label (page, "Exclusion item number 30."));
  g_assert_nonnull (find_label (page, "Site 10"));
  g_assert_null (find_label (page, "Site 11"));

  title = find_label (page, "Show all 100 locations");
  g_assert_nonnull (title);
  expander = gtk_widget_get_ancestor (GTK_WIDGET (title), GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);

  /* The rest come in a few idles. */
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_assert_nonnull (find_label (page, "Site 11"));
  wait_for_label (page, "Site 100");
  g_assert_null (find_label (page, "Site 101"));

  /* Collapsing and expanding again does not add the sites twice. */
  gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_assert_cmpuint (count_labels (page, "Site 100"), ==, 1);

  eligo_trial_page_set_trial (fixture->page, NULL, NULL);
  g_assert_true (visible_stack_child (fixture) ==
                 GTK_WIDGET (find_label (page, "Select a trial to read it")));
}

/* Showing another trial while the sites are still being added stops adding them. */
static void
test_trial_page_rebuild_while_filling (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(EligoTrial) trial = make_big_trial (1000);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *expander;
  GtkWidget *box;

  eligo_trial_page_set_trial (fixture->page, NULL, trial);
  expander = gtk_widget_get_ancestor (GTK_WIDGET (find_label (page, "Show all 1000 locations")),
                                      GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);
  box = g_object_ref (gtk_expander_get_child (GTK_EXPANDER (expander)));
  g_object_add_weak_pointer (G_OBJECT (expander), (gpointer *) &expander);

  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_assert_nonnull (find_label (page, "Site 60"));
  g_assert_null (find_label (page, "Site 1000"));

  show_trial (fixture, SPARSE_TRIAL);

  /* The idle lets go of the expander (on a loaded machine GTK may take a
   * while to drop its own references), and adds nothing after the rebuild. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

    while (expander != NULL && g_get_monotonic_time () < deadline)
      iterate_for (20);
  }
  g_assert_null (expander);
  g_assert_null (find_label (box, "Site 1000"));
  g_assert_finalize_object (box);
}

static void
add_test (const char *name,
          void      (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strconcat ("/eligo/trial-page/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_test ("empty", test_trial_page_empty);
  add_test ("full", test_trial_page_full);
  add_test ("sparse", test_trial_page_sparse);
  add_test ("unset", test_trial_page_unset);
  add_test ("copy", test_trial_page_copy);
  add_test ("rebuild", test_trial_page_rebuild);
  add_test ("many-locations", test_trial_page_many_locations);
  add_test ("rebuild-while-filling", test_trial_page_rebuild_while_filling);
  add_test ("donor", test_trial_page_donor);

  return g_test_run ();
}
