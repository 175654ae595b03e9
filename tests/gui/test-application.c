/* test-application.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real application, as `eligo --database PATH` would, in a
 * subprocess: it must start, show the seed trials and quit cleanly, or
 * explain a database it cannot use.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "eligo-application.h"
#include "eligo-test-utils.h"
#include "eligo-window-private.h"

typedef struct
{
  GApplication *app;
  guint         ticks;
  guint         n_rows;
  char         *dialog_text;
} Probe;

static gboolean
quit_when_listed_cb (gpointer data)
{
  Probe *probe = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (probe->app));

  if (window != NULL && ELIGO_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      GtkColumnView *view = _eligo_window_get_column_view (ELIGO_WINDOW (window));

      probe->n_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
      g_action_group_activate_action (G_ACTION_GROUP (probe->app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }

  if (++probe->ticks > 400)
    g_error ("the main window did not appear");

  return G_SOURCE_CONTINUE;
}

static int
run_app_with_file (const char  *db_path,
                   const char  *file,
                   GSourceFunc  probe_cb,
                   Probe       *probe)
{
  g_autoptr(EligoApplication) app = eligo_application_new ();
  char *argv[] = { (char *) "eligo", (char *) "--database", (char *) db_path, (char *) file, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  probe->app = G_APPLICATION (app);
  g_timeout_add (25, probe_cb, probe);

  return g_application_run (G_APPLICATION (app), file != NULL ? 4 : 3, argv);
}

static int
run_app (const char  *db_path,
         GSourceFunc  probe_cb,
         Probe       *probe)
{
  return run_app_with_file (db_path, NULL, probe_cb, probe);
}

static void
test_start_and_quit (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = eligo_test_tmp_path ("app.db");
      Probe probe = { NULL };
      GStatBuf st;
      int status;

      status = run_app (path, quit_when_listed_cb, &probe);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpuint (probe.n_rows, ==, 5);

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* No criticals or warnings on the way (they are fatal in the test env). */
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

static gboolean
close_error_dialog_cb (gpointer data)
{
  Probe *probe = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (probe->app));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
        {
          g_autofree char *text = NULL;
          g_autofree char *secondary = NULL;

          g_object_get (l->data, "text", &text, "secondary-text", &secondary, NULL);
          probe->dialog_text = g_strconcat (text, "\n", secondary, NULL);
          gtk_dialog_response (GTK_DIALOG (l->data), GTK_RESPONSE_CLOSE);
          return G_SOURCE_REMOVE;
        }
    }

  if (++probe->ticks > 400)
    g_error ("no error dialog appeared");

  return G_SOURCE_CONTINUE;
}

static void
test_newer_database_explained (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = eligo_test_tmp_path ("newer.db");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      Probe probe = { NULL };
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 42;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      before = eligo_test_database_digest (path);

      run_app (path, close_error_dialog_cb, &probe);

      /* The dialog names the file and says what is wrong; the file is untouched. */
      g_assert_nonnull (probe.dialog_text);
      g_assert_nonnull (strstr (probe.dialog_text, path));
      g_assert_nonnull (strstr (probe.dialog_text, "newer version of Eligo"));
      after = eligo_test_database_digest (path);
      g_assert_cmpstr (before, ==, after);
      g_free (probe.dialog_text);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gboolean
quit_when_imported_cb (gpointer data)
{
  Probe *probe = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (probe->app));

  if (window != NULL && ELIGO_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window))
      && !_eligo_window_is_importing (ELIGO_WINDOW (window))
      && _eligo_window_get_banner_text (ELIGO_WINDOW (window)) != NULL)
    {
      GtkColumnView *view = _eligo_window_get_column_view (ELIGO_WINDOW (window));

      probe->n_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
      probe->dialog_text = g_strdup (_eligo_window_get_banner_text (ELIGO_WINDOW (window)));
      g_action_group_activate_action (G_ACTION_GROUP (probe->app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }

  if (++probe->ticks > 800)
    g_error ("the file given on the command line was not imported");

  return G_SOURCE_CONTINUE;
}

/* `eligo --database PATH FILE.json`: the window opens and imports the file. */
static void
test_open_file (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = eligo_test_tmp_path ("open.db");
      g_autofree char *file = eligo_test_tmp_path ("NCT00000410.json");
      g_autofree char *source = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      Probe probe = { NULL };
      gsize length;
      int status;

      source = eligo_test_data_path ("ctgov", "studies", "NCT00000410.json", NULL);
      if (!g_file_get_contents (source, &contents, &length, &error))
        {
          g_test_skip (error->message);
          return;
        }
      eligo_test_write_file (file, contents, length);

      status = run_app_with_file (path, file, quit_when_imported_cb, &probe);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpuint (probe.n_rows, ==, 6);
      g_assert_cmpstr (probe.dialog_text, ==, "Imported 1 trial");
      g_free (probe.dialog_text);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system data dirs, and with
   * them the MIME database GTK needs to load its SVG icons. The user dirs
   * still go to a private temp dir. */
  home = eligo_test_make_tmpdir ();
  for (guint i = 0; i < 3; i++)
    {
      const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/application/start-and-quit", test_start_and_quit);
  g_test_add_func ("/eligo/application/newer-database-explained", test_newer_database_explained);
  g_test_add_func ("/eligo/application/open-file", test_open_file);

  return g_test_run ();
}
