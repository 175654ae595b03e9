/* test-add-trials-dialog.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Add Trials by NCT Number…" under Xvfb against the loopback registry:
 * bad numbers named before anything is sent, a batch with a missing trial,
 * Cancel, and "Work offline" turning the window's action off.
 */

#define G_LOG_DOMAIN "test-add-trials-dialog"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "eligo-add-trials-dialog.h"
#include "eligo-database.h"
#include "eligo-test-registry.h"
#include "eligo-test-utils.h"
#include "eligo-window.h"
#include "eligo-window-private.h"

typedef struct
{
  EligoTestRegistry *registry;
  EligoDatabase     *database;
  char              *path;
  EligoWindow       *window;
  GtkWidget         *dialog;
  guint              n_imported;
} Fixture;

static gboolean
is_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
done_cb (gpointer data)
{
  return !eligo_add_trials_dialog_is_running (data);
}

static void
on_imported_cb (GtkWidget *dialog,
                gpointer   data)
{
  ((Fixture *) data)->n_imported++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const ids[] = { "NCT02349698", "NCT02650414" };
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);

  g_settings_reset (settings, "work-offline");
  fixture->registry = eligo_test_registry_new ();
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GBytes) study = eligo_test_registry_study_file (ids[i]);

      eligo_test_registry_add_study (fixture->registry, ids[i], study);
    }
  g_setenv ("ELIGO_REGISTRY_URL", eligo_test_registry_get_url (fixture->registry), TRUE);

  fixture->database = eligo_test_open_database (&fixture->path);
  fixture->window = g_object_ref (eligo_window_new (NULL, fixture->database));
  gtk_window_present (GTK_WINDOW (fixture->window));
  eligo_test_wait_until (is_mapped_cb, fixture->window, 30);

  fixture->dialog = g_object_ref (eligo_add_trials_dialog_new (GTK_WINDOW (fixture->window),
                                                               fixture->database));
  g_signal_connect (fixture->dialog, "imported", G_CALLBACK (on_imported_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  eligo_test_wait_until (is_mapped_cb, fixture->dialog, 30);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_object_unref (fixture->dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  g_object_unref (fixture->database);
  g_unsetenv ("ELIGO_REGISTRY_URL");
  eligo_test_registry_free (fixture->registry);
  g_free (fixture->path);
}

static guint
count_trials (EligoDatabase *database)
{
  g_autoptr(GError) error = NULL;
  guint n = eligo_database_count_trials (database, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_invalid_named (Fixture       *fixture,
                    gconstpointer  data)
{
  EligoAddTrialsDialog *dialog = ELIGO_ADD_TRIALS_DIALOG (fixture->dialog);
  const char *error;

  eligo_add_trials_dialog_set_text (dialog, "NCT02349698\nNCT123, https://example.org/study/x");
  g_assert_false (eligo_add_trials_dialog_add (dialog));
  error = eligo_add_trials_dialog_get_error_text (dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "Nothing was sent"));
  g_assert_nonnull (strstr (error, "“NCT123”"));
  g_assert_nonnull (strstr (error, "example.org"));
  g_assert_null (strstr (error, "NCT02349698"));
  g_assert_false (eligo_add_trials_dialog_is_running (dialog));
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 0);

  eligo_add_trials_dialog_set_text (dialog, "  \n ");
  g_assert_false (eligo_add_trials_dialog_add (dialog));
  g_assert_nonnull (strstr (eligo_add_trials_dialog_get_error_text (dialog), "at least one"));
}

static void
test_add_batch (Fixture       *fixture,
                gconstpointer  data)
{
  EligoAddTrialsDialog *dialog = ELIGO_ADD_TRIALS_DIALOG (fixture->dialog);
  g_autoptr(EligoTrial) trial = NULL;
  guint n = count_trials (fixture->database);
  const char *result;

  eligo_add_trials_dialog_set_text (dialog,
                                    "NCT02349698, https://clinicaltrials.gov/study/NCT02650414\n"
                                    "NCT09999999");
  g_assert_true (eligo_add_trials_dialog_add (dialog));
  g_assert_true (eligo_add_trials_dialog_is_running (dialog));
  g_assert_null (eligo_add_trials_dialog_get_error_text (dialog));
  eligo_test_wait_until (done_cb, dialog, 30);

  result = eligo_add_trials_dialog_get_result_text (dialog);
  g_assert_nonnull (result);
  g_assert_nonnull (strstr (result, "2 added"));
  g_assert_nonnull (strstr (result, "1 failed"));
  g_assert_nonnull (strstr (result, "NCT09999999 is not in the registry"));
  g_assert_cmpuint (fixture->n_imported, ==, 1);
  g_assert_cmpuint (count_trials (fixture->database), ==, n + 2);
  trial = eligo_database_get_trial_by_nct_id (fixture->database, "NCT02650414", NULL);
  g_assert_nonnull (trial);
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 3);
  g_assert_true (eligo_test_integrity_ok (fixture->path));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  EligoAddTrialsDialog *dialog = ELIGO_ADD_TRIALS_DIALOG (fixture->dialog);
  guint n = count_trials (fixture->database);

  eligo_test_registry_push_fault (fixture->registry, "/studies/NCT02349698",
                                  ELIGO_TEST_FAULT_STALL);
  eligo_add_trials_dialog_set_text (dialog, "NCT02349698 NCT02650414");
  g_assert_true (eligo_add_trials_dialog_add (dialog));
  while (eligo_test_registry_get_n_requests (fixture->registry) == 0)
    g_main_context_iteration (NULL, FALSE);
  eligo_add_trials_dialog_cancel (dialog);
  eligo_test_wait_until (done_cb, dialog, 10);

  g_assert_nonnull (strstr (eligo_add_trials_dialog_get_result_text (dialog), "Cancelled"));
  g_assert_cmpuint (fixture->n_imported, ==, 0);
  g_assert_cmpuint (count_trials (fixture->database), ==, n);
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 1);
}

static guint
count_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ELIGO_IS_ADD_TRIALS_DIALOG (l->data))
      n++;
  g_list_free (toplevels);

  return n;
}

static void
test_work_offline (Fixture       *fixture,
                   gconstpointer  data)
{
  EligoAddTrialsDialog *dialog = ELIGO_ADD_TRIALS_DIALOG (fixture->dialog);
  g_autoptr(GSettings) settings = g_settings_new (ELIGO_ID);
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_settings_set_boolean (settings, "work-offline", TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The window's action is off (it opens no dialog), and the dialog sends nothing. */
  g_assert_cmpuint (count_dialogs (), ==, 1);
  gtk_widget_activate_action (window, "win.add-trials", NULL);
  g_assert_cmpuint (count_dialogs (), ==, 1);
  eligo_add_trials_dialog_set_text (dialog, "NCT02349698");
  g_assert_false (eligo_add_trials_dialog_add (dialog));
  g_assert_nonnull (strstr (eligo_add_trials_dialog_get_error_text (dialog), "offline"));
  g_assert_cmpuint (eligo_test_registry_get_n_requests (fixture->registry), ==, 0);

  g_settings_set_boolean (settings, "work-offline", FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_activate_action (window, "win.add-trials", NULL));
  g_assert_cmpuint (count_dialogs (), ==, 2);
}

/* A picture of the dialog after a batch, for data/screenshots. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  EligoAddTrialsDialog *dialog = ELIGO_ADD_TRIALS_DIALOG (fixture->dialog);
  const char *path = g_getenv ("ELIGO_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  gint64 until;

  eligo_add_trials_dialog_set_text (dialog,
                                    "https://clinicaltrials.gov/study/NCT02349698\n"
                                    "NCT02650414, NCT09999999");
  g_assert_true (eligo_add_trials_dialog_add (dialog));
  eligo_test_wait_until (done_cb, dialog, 30);
  g_assert_nonnull (eligo_add_trials_dialog_get_result_text (dialog));

  until = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  if (path == NULL)
    return;

  paintable = gtk_widget_paintable_new (fixture->dialog);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (fixture->dialog),
                          gtk_widget_get_height (fixture->dialog));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->dialog)),
                                         node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/eligo/add-trials-dialog/invalid-named", Fixture, NULL,
              fixture_set_up, test_invalid_named, fixture_tear_down);
  g_test_add ("/eligo/add-trials-dialog/add-batch", Fixture, NULL,
              fixture_set_up, test_add_batch, fixture_tear_down);
  g_test_add ("/eligo/add-trials-dialog/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/eligo/add-trials-dialog/work-offline", Fixture, NULL,
              fixture_set_up, test_work_offline, fixture_tear_down);
  g_test_add ("/eligo/add-trials-dialog/screenshot", Fixture, NULL,
              fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
