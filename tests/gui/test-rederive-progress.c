/* test-rederive-progress.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens, as `eligo --database PATH` would, a library whose trials were
 * ruled by an older extractor (criteria_version 0): the main window says
 * it is reading their criteria again, how many and how far it got, and
 * hides that when the job is done, every trial then ruled by this
 * extractor.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "eligo-application.h"
#include "eligo-database.h"
#include "eligo-test-utils.h"
#include "eligo-window-private.h"

#define N_GENERATED 1000
#define N_TRIALS (N_GENERATED + 5)   /* and the seeds */

/* A bound for the sanitizer build, not a speed. */
#define WAIT_SECONDS 240

typedef struct
{
  GApplication     *app;
  EligoRederiveJob *job;
  gint64            deadline;
  gboolean          saw_banner;      /* revealed, with the count */
  gboolean          saw_midway;      /* a fraction strictly between 0 and 1 */
  gboolean          saw_end;         /* then hidden, the job done */
  guint             last_done;
  gboolean          pictured;
} Probe;

/* With $ELIGO_SCREENSHOT set, a picture of the window with the banner
 * midway, for data/screenshots. */
static gboolean
picture_window (GtkWidget *window)
{
  const char *path = g_getenv ("ELIGO_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;

  if (path == NULL)
    return TRUE;

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* Nothing drawn yet: at the next report. */
  if (node == NULL)
    return FALSE;
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return TRUE;
}

static void
look_at_bar (Probe            *probe,
             EligoRederiveBar *bar)
{
  GtkRevealer *revealer = _eligo_rederive_bar_get_revealer (bar);
  GtkProgressBar *progress = _eligo_rederive_bar_get_progress (bar);
  double fraction = gtk_progress_bar_get_fraction (progress);

  if (!gtk_revealer_get_reveal_child (revealer))
    return;

  /* The count of trials in words, and "done of total" on the bar. */
  g_assert_cmpstr (gtk_label_get_text (_eligo_rederive_bar_get_label (bar)), ==,
                   "Reading the criteria of 1005 trials again…");
  g_assert_true (g_str_has_suffix (gtk_progress_bar_get_text (progress), " of 1005"));
  g_assert_true (gtk_progress_bar_get_show_text (progress));
  probe->saw_banner = TRUE;

  if (fraction > 0 && fraction < 1)
    {
      GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (bar)));

      probe->saw_midway = TRUE;
      if (!probe->pictured && gtk_widget_get_mapped (window) &&
          gtk_revealer_get_child_revealed (revealer) && fraction > 0.3)
        probe->pictured = picture_window (window);
    }

  /* Progress only goes forward. */
  g_assert_cmpuint (eligo_rederive_job_get_n_done (probe->job), >=, probe->last_done);
  probe->last_done = eligo_rederive_job_get_n_done (probe->job);
}

static void
on_job_progress_cb (GObject    *job,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  EligoRederiveBar *bar = user_data;
  Probe *probe = g_object_get_data (G_OBJECT (bar), "probe");

  look_at_bar (probe, bar);
}

static gboolean
probe_cb (gpointer data)
{
  Probe *probe = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (probe->app));
  EligoRederiveBar *bar;

  if (g_get_monotonic_time () > probe->deadline)
    g_error ("the criteria were not read again within %d s", WAIT_SECONDS);

  /* Watched from the first moment the window is there, mapped or not:
   * the job started with the application. */
  if (window == NULL || !ELIGO_IS_WINDOW (window))
    return G_SOURCE_CONTINUE;

  bar = ELIGO_WINDOW (window)->rederive_bar;
  if (probe->job == NULL)
    {
      /* The window shows the application's job; watch each report. */
      probe->job = eligo_application_get_rederive_job (ELIGO_APPLICATION (probe->app));
      g_assert_nonnull (probe->job);
      g_assert_true (eligo_rederive_bar_get_job (bar) == probe->job);
      g_assert_true (eligo_rederive_job_get_running (probe->job));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_ROLE_STATUS);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Reading criteria again");
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (_eligo_rederive_bar_get_progress (bar)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Progress of reading the criteria again");
      g_object_set_data (G_OBJECT (bar), "probe", probe);
      g_signal_connect_object (probe->job, "notify::n-done", G_CALLBACK (on_job_progress_cb),
                               bar, G_CONNECT_AFTER);
    }

  look_at_bar (probe, bar);

  if (!eligo_rederive_job_get_running (probe->job))
    {
      g_assert_false (gtk_revealer_get_reveal_child (_eligo_rederive_bar_get_revealer (bar)));
      g_assert_cmpuint (eligo_rederive_job_get_n_done (probe->job), ==, N_TRIALS);
      probe->saw_end = TRUE;
      g_action_group_activate_action (G_ACTION_GROUP (probe->app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* A library of N_TRIALS whose criteria an older extractor ruled. */
static char *
write_stale_library (void)
{
  g_autofree char *pages_dir = eligo_test_tmp_path ("pages");
  g_autoptr(GPtrArray) pages = eligo_test_write_library (pages_dir, N_GENERATED, 100);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EligoDatabase) database = NULL;
  char *path = NULL;
  sqlite3 *db = NULL;

  database = eligo_test_open_database (&path);
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (pages, i)));
  g_assert_cmpuint (eligo_database_import_files (database, files, NULL, NULL, NULL, NULL), ==, 0);
  g_clear_object (&database);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE trials SET criteria_version = 0", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, N_TRIALS);
  sqlite3_close (db);

  return path;
}

static void
test_progress_then_end (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = write_stale_library ();
      g_autoptr(EligoApplication) app = eligo_application_new ();
      g_autoptr(EligoDatabase) database = NULL;
      g_autoptr(GError) error = NULL;
      char *argv[] = { (char *) "eligo", (char *) "--database", path, NULL };
      Probe probe = { NULL };

      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app))
                               | G_APPLICATION_NON_UNIQUE);
      probe.app = G_APPLICATION (app);
      probe.deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
      g_timeout_add (10, probe_cb, &probe);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);

      g_assert_true (probe.saw_banner);
      g_assert_true (probe.saw_midway);
      g_assert_true (probe.saw_end);

      database = eligo_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (eligo_database_count_stale_criteria (database, &error), ==, 0);
      g_assert_no_error (error);
      return;
    }

  g_test_trap_subprocess (NULL, (WAIT_SECONDS + 60) * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;

  /* As test-application: private user dirs, the system data dirs kept. */
  home = eligo_test_make_tmpdir ();
  for (guint i = 0; i < 3; i++)
    {
      const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/rederive-progress/progress-then-end", test_progress_then_end);

  return g_test_run ();
}
