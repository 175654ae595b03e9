/* test-database-error.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application started on a database it cannot use (here a
 * truncated file): one dialog says which file and what is wrong, and offers
 * to open another database, to start a new one, or to quit. The file chooser
 * it opens is driven like a nurse would, and the main window must then open
 * on the chosen database. The damaged file is never written.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "eligo-application.h"
#include "eligo-test-utils.h"
#include "eligo-window-private.h"

/* The dialog's responses, as eligo-application.c numbers them. */
#define RESPONSE_OPEN_OTHER 1
#define RESPONSE_START_NEW  2

typedef struct
{
  GApplication *app;
  guint         ticks;
  guint         step;
  const char   *choose_path;   /* the file to give the file chooser */
  gboolean      create;        /* start a new database rather than open one */
  char         *dialog_text;
  char         *buttons;       /* the dialog's button labels, "|"-separated */
  char         *suggested;     /* the name the chooser offered for a new database */
  guint         n_rows;
} Probe;

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (window))
        return window;
    }

  return NULL;
}

static GtkWidget *
find_error_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        return window;
    }

  return NULL;
}

static void
read_dialog (Probe     *probe,
             GtkWidget *dialog)
{
  static const int responses[] = { GTK_RESPONSE_CLOSE, RESPONSE_OPEN_OTHER, RESPONSE_START_NEW };
  g_autoptr(GString) buttons = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;

  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  g_free (probe->dialog_text);
  probe->dialog_text = g_strconcat (text, "\n", secondary, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      GtkWidget *button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), responses[i]);

      g_assert_true (GTK_IS_BUTTON (button));
      g_assert_true (gtk_widget_get_visible (button));
      g_string_append_printf (buttons, "%s%s", i > 0 ? "|" : "",
                              gtk_button_get_label (GTK_BUTTON (button)));
    }
  g_free (probe->buttons);
  probe->buttons = g_string_free (g_steal_pointer (&buttons), FALSE);
}

/* Reads the dialog, then quits with its Quit button. */
static gboolean
quit_from_dialog_cb (gpointer data)
{
  Probe *probe = data;
  GtkWidget *dialog = find_error_dialog ();

  if (dialog != NULL)
    {
      read_dialog (probe, dialog);
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
      return G_SOURCE_REMOVE;
    }

  if (++probe->ticks > 400)
    g_error ("no error dialog appeared");

  return G_SOURCE_CONTINUE;
}

/*
 * Step 0: the error dialog, answered with Open Another or Start a New.
 * Step 1: the file chooser it opened, given probe->choose_path and accepted.
 * Step 2: the main window on that database, read and closed.
 */
static gboolean
choose_database_cb (gpointer data)
{
  Probe *probe = data;
  GtkWidget *widget;

  if (++probe->ticks > 800)
    g_error ("stuck at step %u (chosen file exists: %d, chooser shown: %d, dialog shown: %d)",
             probe->step, g_file_test (probe->choose_path, G_FILE_TEST_EXISTS),
             find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL, find_error_dialog () != NULL);

  switch (probe->step)
    {
    case 0:
      widget = find_error_dialog ();
      if (widget == NULL)
        return G_SOURCE_CONTINUE;
      read_dialog (probe, widget);
      gtk_dialog_response (GTK_DIALOG (widget),
                           probe->create ? RESPONSE_START_NEW : RESPONSE_OPEN_OTHER);
      probe->step++;
      return G_SOURCE_CONTINUE;

    case 1:
      widget = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      if (widget == NULL)
        return G_SOURCE_CONTINUE;
      {
        g_autoptr(GFile) file = g_file_new_for_path (probe->choose_path);
        g_autoptr(GFile) folder = g_file_get_parent (file);
        g_autoptr(GFile) chosen = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *name = g_file_get_basename (file);

        if (probe->create)
          {
            if (probe->suggested == NULL)
              probe->suggested = g_strdup (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (widget)));
            gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (widget), folder, &error);
            g_assert_no_error (error);
            gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (widget), name);
          }
        else
          {
            gtk_file_chooser_set_file (GTK_FILE_CHOOSER (widget), file, &error);
            g_assert_no_error (error);
          }

        /* The chooser loads its folder in the background: answer once it has the file. */
        chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (widget));
        if (chosen == NULL || !g_file_equal (chosen, file))
          return G_SOURCE_CONTINUE;

        gtk_dialog_response (GTK_DIALOG (widget), GTK_RESPONSE_ACCEPT);
        probe->step++;
      }
      return G_SOURCE_CONTINUE;

    default:
      widget = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (probe->app)));
      if (widget == NULL || !ELIGO_IS_WINDOW (widget) || !gtk_widget_get_mapped (widget))
        return G_SOURCE_CONTINUE;
      {
        GtkColumnView *view = _eligo_window_get_column_view (ELIGO_WINDOW (widget));

        probe->n_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
        g_assert_null (find_error_dialog ());
        g_action_group_activate_action (G_ACTION_GROUP (probe->app), "quit", NULL);
      }
      return G_SOURCE_REMOVE;
    }
}

static int
run_app (const char  *db_path,
         GSourceFunc  probe_cb,
         Probe       *probe)
{
  g_autoptr(EligoApplication) app = eligo_application_new ();
  char *argv[] = { (char *) "eligo", (char *) "--database", (char *) db_path, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  probe->app = G_APPLICATION (app);
  g_timeout_add (25, probe_cb, probe);

  return g_application_run (G_APPLICATION (app), 3, argv);
}

/* A database cut short, as a full disk or a bad copy leaves it. */
static char *
make_damaged_database (GBytes **contents)
{
  g_autofree char *good = NULL;
  g_autofree char *path = eligo_test_tmp_path ("damaged.db");
  g_autoptr(EligoDatabase) database = eligo_test_open_database (&good);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_clear_object (&database);
  g_file_get_contents (good, &bytes, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 5000);
  eligo_test_write_file (path, bytes, 5000);
  *contents = g_bytes_new (bytes, 5000);

  return g_steal_pointer (&path);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  char *bytes = NULL;
  gsize length;

  g_file_get_contents (path, &bytes, &length, &error);
  g_assert_no_error (error);
  after = g_bytes_new_take (bytes, length);
  g_assert_true (g_bytes_equal (before, after));
}

static void
free_probe (Probe *probe)
{
  g_free (probe->dialog_text);
  g_free (probe->buttons);
  g_free (probe->suggested);
}

static void
test_dialog (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) before = NULL;
      g_autofree char *path = make_damaged_database (&before);
      g_autofree char *expected = g_strdup_printf ("“%s” is not an Eligo database or is damaged",
                                                   path);
      Probe probe = { NULL };

      g_assert_cmpint (run_app (path, quit_from_dialog_cb, &probe), ==, 0);

      g_assert_nonnull (probe.dialog_text);
      g_assert_true (g_str_has_prefix (probe.dialog_text, "Could Not Open the Trial Database\n"));
      g_assert_nonnull (strstr (probe.dialog_text, expected));
      g_assert_nonnull (strstr (probe.dialog_text, "left the file as it is"));
      g_assert_cmpstr (probe.buttons, ==,
                       "_Quit|_Open Another Database…|_Start a New Database…");
      assert_unchanged (path, before);
      free_probe (&probe);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

static void
test_start_new (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) before = NULL;
      g_autofree char *path = make_damaged_database (&before);
      g_autofree char *new_path = eligo_test_tmp_path ("fresh.db");
      Probe probe = { NULL };

      probe.choose_path = new_path;
      probe.create = TRUE;
      g_assert_cmpint (run_app (path, choose_database_cb, &probe), ==, 0);

      /* A working window on a new library holding the seed trials. */
      g_assert_cmpuint (probe.n_rows, ==, 5);
      g_assert_cmpstr (probe.suggested, ==, "trials.db");
      g_assert_true (eligo_test_integrity_ok (new_path));
      eligo_test_assert_private_file (new_path);
      assert_unchanged (path, before);
      free_probe (&probe);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

static void
test_open_other (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) before = NULL;
      g_autofree char *path = make_damaged_database (&before);
      g_autofree char *other = NULL;
      g_autoptr(EligoDatabase) database = eligo_test_open_database (&other);
      g_autoptr(GError) error = NULL;
      g_autofree char *study = eligo_test_data_path ("ctgov", "studies", "NCT00000410.json",
                                                     NULL);
      g_autoptr(GFile) file = g_file_new_for_path (study);
      Probe probe = { NULL };

      /* The other library has a trial more than the seeds. */
      g_assert_true (eligo_database_import_file (database, file, NULL, NULL, &error));
      g_assert_no_error (error);
      g_clear_object (&database);

      probe.choose_path = other;
      g_assert_cmpint (run_app (path, choose_database_cb, &probe), ==, 0);

      g_assert_cmpuint (probe.n_rows, ==, 6);
      assert_unchanged (path, before);
      free_probe (&probe);
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

  /* As in test-application.c: private user dirs, but the system data dirs
   * (the MIME database GTK's icons need) stay visible. */
  home = eligo_test_make_tmpdir ();
  for (guint i = 0; i < 3; i++)
    {
      const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/database-error/dialog", test_dialog);
  g_test_add_func ("/eligo/database-error/start-new", test_start_new);
  g_test_add_func ("/eligo/database-error/open-other", test_open_other);

  return g_test_run ();
}
