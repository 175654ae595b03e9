/* eligo-application.c
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

#define G_LOG_DOMAIN "eligo-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "eligo-application.h"
#include "eligo-preferences-window.h"
#include "eligo-rederive-job.h"
#include "eligo-window.h"

struct _EligoApplication
{
  GtkApplication        parent_instance;

  char                 *database_path;
  EligoDatabase        *database;
  GSettings            *interface_settings;  /* org.gnome.desktop.interface, if installed */

  /* While the database cannot be opened: the dialog that says why, the file
   * chooser it opened, and the files `eligo FILE.json` was asked to import. */
  GtkWidget            *database_error_dialog;
  GtkFileChooserNative *database_chooser;
  GPtrArray            *pending_files;

  EligoRederiveJob     *rederive_job;   /* while criteria are read again */
};

enum
{
  RESPONSE_OPEN_OTHER = 1,
  RESPONSE_START_NEW = 2,
};

static EligoWindow *eligo_application_present_window (EligoApplication *self);

G_DEFINE_FINAL_TYPE (EligoApplication, eligo_application, GTK_TYPE_APPLICATION)

/* The database named by --database, else by $ELIGO_DATABASE, else the default. */
static char *
eligo_application_dup_database_path (EligoApplication *self)
{
  const char *env;

  g_assert (ELIGO_IS_APPLICATION (self));

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  env = g_getenv ("ELIGO_DATABASE");
  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);

  return eligo_database_default_path ();
}

/*
 * GTK 4.8 without libadwaita does not follow the desktop's dark style:
 * follow GNOME's color-scheme setting, where it exists.
 */
static void
on_color_scheme_changed_cb (EligoApplication *self,
                            const char       *key,
                            GSettings        *settings)
{
  g_autofree char *scheme = NULL;
  GtkSettings *gtk_settings;

  g_assert (ELIGO_IS_APPLICATION (self));

  gtk_settings = gtk_settings_get_default ();
  if (gtk_settings == NULL)
    return;

  scheme = g_settings_get_string (settings, "color-scheme");
  g_object_set (gtk_settings,
                "gtk-application-prefer-dark-theme", g_strcmp0 (scheme, "prefer-dark") == 0,
                NULL);
}

static void
eligo_application_follow_color_scheme (EligoApplication *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;

  g_assert (ELIGO_IS_APPLICATION (self));

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);

  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    {
      g_debug ("No GNOME color scheme setting: keeping GTK's style");
      return;
    }

  self->interface_settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->interface_settings,
                           "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  on_color_scheme_changed_cb (self, "color-scheme", self->interface_settings);
}

static void
on_rederived_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!eligo_rederive_job_run_finish (ELIGO_REDERIVE_JOB (source), result, &error))
    g_warning ("Could not read the criteria of the trials again: %s", error->message);
}

/* Opens (or creates) the database at @path and makes it the application's. */
static gboolean
eligo_application_use_database (EligoApplication  *self,
                                const char        *path,
                                GError           **error)
{
  g_autoptr(EligoDatabase) database = NULL;
  g_autoptr(GError) seed_error = NULL;

  g_assert (ELIGO_IS_APPLICATION (self));

  database = eligo_database_open (path, error);
  if (database == NULL)
    return FALSE;

  /* A database that opened is usable even if the example trials could not be added. */
  if (!eligo_database_seed_if_new (database, &seed_error))
    g_warning ("Could not add the example trials to “%s”: %s", path, seed_error->message);

  g_set_object (&self->database, database);

  /* Criteria ruled by an older extractor are ruled again in the background;
   * until then they are read from the text, and the window's watch sees
   * each batch land. */
  if (eligo_database_count_stale_criteria (database, NULL) > 0)
    {
      g_clear_object (&self->rederive_job);
      self->rederive_job = eligo_rederive_job_new (eligo_database_get_path (database));
      eligo_rederive_job_run_async (self->rederive_job, NULL, on_rederived_cb, NULL);
    }

  return TRUE;
}

static gboolean
eligo_application_open_database (EligoApplication  *self,
                                 GError           **error)
{
  g_autofree char *path = NULL;

  g_assert (ELIGO_IS_APPLICATION (self));

  path = eligo_application_dup_database_path (self);

  /* The default location may not exist yet; a path the user chose must. */
  if (self->database_path == NULL && g_getenv ("ELIGO_DATABASE") == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int errsv = errno;
          g_autofree char *display_dir = g_filename_display_name (dir);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       /* Translators: the first %s is a folder, the second the system's reason */
                       _("Could not create the folder “%s”: %s"),
                       display_dir, g_strerror (errsv));
          return FALSE;
        }
    }

  return eligo_application_use_database (self, path, error);
}

/* Names the file, unless the reason already does. */
static char *
describe_open_error (const char   *path,
                     const GError *error)
{
  g_autofree char *display_path = g_filename_display_name (path);

  if (strstr (error->message, display_path) != NULL)
    return g_strdup (error->message);

  /* Translators: the first %s is a file name, the second the reason */
  return g_strdup_printf (_("The trial database “%s” could not be opened: %s"),
                          display_path, error->message);
}

static void
eligo_application_show_database_error (EligoApplication *self,
                                       const char       *reason)
{
  GtkMessageDialog *dialog;
  g_autofree char *secondary = NULL;

  g_assert (ELIGO_IS_APPLICATION (self));

  secondary = g_strdup_printf ("%s\n\n%s", reason,
                               _("Eligo has left the file as it is. Open another trial "
                                 "database, or start a new one."));
  dialog = GTK_MESSAGE_DIALOG (self->database_error_dialog);
  g_object_set (dialog, "secondary-text", secondary, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The new database goes beside the one that failed, under a name not yet taken. */
static void
suggest_new_database (GtkFileChooser *chooser,
                      const char     *failed_path)
{
  g_autofree char *dir = g_path_get_dirname (failed_path);
  g_autoptr(GFile) folder = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_free (dir);
      dir = g_strdup (g_get_home_dir ());
    }
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *candidate = NULL;

      /* Translators: the file name offered for a new trial database; %u counts up from 1 */
      name = n == 1 ? g_strdup (_("trials.db")) : g_strdup_printf (_("trials-%u.db"), n);
      candidate = g_build_filename (dir, name, NULL);
      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        {
          gtk_file_chooser_set_current_name (chooser, name);
          return;
        }
    }
}

static void
on_database_chooser_response_cb (GtkNativeDialog  *chooser,
                                 int               response,
                                 EligoApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;
  gboolean create;

  g_assert (ELIGO_IS_APPLICATION (self));

  create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->database_chooser);

  if (path == NULL || self->database_error_dialog == NULL)
    return;

  /* A new database never replaces a file, least of all the damaged one. */
  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display_path = g_filename_display_name (path);

      /* Translators: %s is a file name */
      reason = g_strdup_printf (_("“%s” already exists. Choose a new name for the new database, "
                                  "or open that file with Open Another Database."),
                                display_path);
      eligo_application_show_database_error (self, reason);
      return;
    }

  if (!eligo_application_use_database (self, path, &error))
    {
      reason = describe_open_error (path, error);
      eligo_application_show_database_error (self, reason);
      return;
    }

  g_free (self->database_path);
  self->database_path = g_steal_pointer (&path);

  /* The window first: the application ends when its last window goes. */
  if (eligo_application_present_window (self) != NULL && self->database_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->database_error_dialog));
}

static void
eligo_application_choose_database (EligoApplication *self,
                                   gboolean          create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *failed_path = NULL;

  g_assert (ELIGO_IS_APPLICATION (self));

  if (self->database_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->database_chooser));
      return;
    }

  if (create)
    chooser = gtk_file_chooser_native_new (_("Start a New Trial Database"),
                                           GTK_WINDOW (self->database_error_dialog),
                                           GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("C_reate"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Open a Trial Database"),
                                           GTK_WINDOW (self->database_error_dialog),
                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                           _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  failed_path = eligo_application_dup_database_path (self);
  if (create)
    {
      suggest_new_database (GTK_FILE_CHOOSER (chooser), failed_path);
    }
  else
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Trial databases"));
      gtk_file_filter_add_pattern (filter, "*.db");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_clear_object (&filter);
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("All files"));
      gtk_file_filter_add_pattern (filter, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  self->database_chooser = chooser;
  g_signal_connect (chooser, "response", G_CALLBACK (on_database_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_database_error_response_cb (GtkDialog        *dialog,
                               int               response,
                               EligoApplication *self)
{
  g_assert (ELIGO_IS_APPLICATION (self));

  switch (response)
    {
    case RESPONSE_OPEN_OTHER:
      eligo_application_choose_database (self, FALSE);
      break;

    case RESPONSE_START_NEW:
      eligo_application_choose_database (self, TRUE);
      break;

    default:
      /* Quit: the dialog is the only window, so the application ends with it.
       * Closed by the window manager, it destroys itself. */
      if (self->database_chooser != NULL)
        gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->database_chooser));
      g_clear_object (&self->database_chooser);
      if (response != GTK_RESPONSE_DELETE_EVENT)
        gtk_window_destroy (GTK_WINDOW (dialog));
      break;
    }
}

/*
 * Says why the database cannot be used, and offers a way on: another
 * database, a new one, or quitting. The file that failed is never touched.
 */
static void
eligo_application_report_database_error (EligoApplication *self,
                                         const char       *reason)
{
  GtkWidget *dialog;

  g_assert (ELIGO_IS_APPLICATION (self));

  if (self->database_error_dialog == NULL)
    {
      dialog = gtk_message_dialog_new (NULL,
                                       GTK_DIALOG_MODAL,
                                       GTK_MESSAGE_ERROR,
                                       GTK_BUTTONS_NONE,
                                       "%s", _("Could Not Open the Trial Database"));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                              _("_Quit"), GTK_RESPONSE_CLOSE,
                              _("_Open Another Database…"), RESPONSE_OPEN_OTHER,
                              _("_Start a New Database…"), RESPONSE_START_NEW,
                              NULL);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_OPEN_OTHER);
      gtk_window_set_title (GTK_WINDOW (dialog), _("Eligo"));
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      g_signal_connect (dialog, "response", G_CALLBACK (on_database_error_response_cb), self);
      self->database_error_dialog = dialog;
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->database_error_dialog);
    }

  eligo_application_show_database_error (self, reason);
}

static void
eligo_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  static const char *developers[] = {
    "The Eligo developers",
    NULL
  };
  EligoApplication *self = user_data;
  GtkWindow *window;

  g_assert (ELIGO_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_about_dialog (window,
                         "program-name", _("Eligo"),
                         "version", PACKAGE_VERSION,
                         "logo-icon-name", ELIGO_ID,
                         "comments", _("Screen patients for clinical trials"),
                         "website", "https://eligo.github.io/",
                         "copyright", "© 2026 The Eligo developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
eligo_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  EligoApplication *self = user_data;
  GList *windows = NULL;

  g_assert (ELIGO_IS_APPLICATION (self));

  /* Close rather than quit, so that every window saves its state; the
   * application ends with its last window.
   */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  if (windows == NULL)
    g_application_quit (G_APPLICATION (self));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
eligo_application_shortcuts_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  EligoApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts_window;

  g_assert (ELIGO_IS_APPLICATION (self));

  builder = gtk_builder_new_from_resource (ELIGO_RESOURCE_BASE "/ui/eligo-shortcuts-window.ui");
  shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts_window,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_application (shortcuts_window, GTK_APPLICATION (self));
  gtk_window_present (shortcuts_window);
}

static void
eligo_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *preferences;

  preferences = eligo_preferences_window_new (gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "about", eligo_application_about_action },
  { "preferences", eligo_application_preferences_action },
  { "quit", eligo_application_quit_action },
  { "shortcuts", eligo_application_shortcuts_action },
};

static int
eligo_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  EligoApplication *self = ELIGO_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "eligo", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (path, NULL);
    }

  /* Go on: register, then activate. */
  return -1;
}

static void
eligo_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  EligoApplication *self = ELIGO_APPLICATION (application);
  g_autoptr(GtkCssProvider) css_provider = NULL;

  G_APPLICATION_CLASS (eligo_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  css_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css_provider, ELIGO_RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_window_set_default_icon_name (ELIGO_ID);

  eligo_application_follow_color_scheme (self);
}

/* Presents the main window, opening the database first if needed. */
static EligoWindow *
eligo_application_present_window (EligoApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_assert (ELIGO_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!ELIGO_IS_WINDOW (window))
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        {
          if (ELIGO_IS_WINDOW (l->data))
            {
              window = l->data;
              break;
            }
        }
    }

  if (ELIGO_IS_WINDOW (window))
    {
      gtk_window_present (window);
      return ELIGO_WINDOW (window);
    }

  /* Still waiting for the nurse to choose another database. */
  if (self->database == NULL && self->database_error_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->database_error_dialog));
      return NULL;
    }

  if (self->database == NULL && !eligo_application_open_database (self, &error))
    {
      g_autofree char *path = eligo_application_dup_database_path (self);
      g_autofree char *reason = describe_open_error (path, error);

      eligo_application_report_database_error (self, reason);
      return NULL;
    }

  window = GTK_WINDOW (eligo_window_new (GTK_APPLICATION (self), self->database));
  gtk_window_present (window);

  if (self->pending_files != NULL && self->pending_files->len > 0)
    eligo_window_import_files (ELIGO_WINDOW (window), (GFile **) self->pending_files->pdata,
                               (int) self->pending_files->len);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  return ELIGO_WINDOW (window);
}

static void
eligo_application_activate (GApplication *application)
{
  eligo_application_present_window (ELIGO_APPLICATION (application));
}

/* `eligo FILE.json...`: import the files into the library. */
static void
eligo_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  EligoApplication *self = ELIGO_APPLICATION (application);
  EligoWindow *window;

  window = eligo_application_present_window (self);
  if (window != NULL && n_files > 0)
    {
      eligo_window_import_files (window, files, n_files);
    }
  else if (window == NULL)
    {
      /* Imported once a database is chosen in the error dialog. */
      if (self->pending_files == NULL)
        self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 0; i < n_files; i++)
        g_ptr_array_add (self->pending_files, g_object_ref (files[i]));
    }
}

static void
eligo_application_dispose (GObject *object)
{
  EligoApplication *self = ELIGO_APPLICATION (object);

  g_clear_object (&self->interface_settings);
  g_clear_object (&self->database);
  g_clear_object (&self->rederive_job);
  if (self->database_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->database_chooser));
  g_clear_object (&self->database_chooser);
  g_clear_weak_pointer (&self->database_error_dialog);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  G_OBJECT_CLASS (eligo_application_parent_class)->dispose (object);
}

static void
eligo_application_finalize (GObject *object)
{
  EligoApplication *self = ELIGO_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (eligo_application_parent_class)->finalize (object);
}

static void
eligo_application_class_init (EligoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = eligo_application_dispose;
  object_class->finalize = eligo_application_finalize;

  application_class->handle_local_options = eligo_application_handle_local_options;
  application_class->startup = eligo_application_startup;
  application_class->activate = eligo_application_activate;
  application_class->open = eligo_application_open;
}

static void
eligo_application_init (EligoApplication *self)
{
  static const GOptionEntry main_entries[] = {
    { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the trial database in FILE"), N_("FILE") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  /* Translators: in `eligo --help`, after the program name */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.json…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Screen patients for clinical trials."));
}

EligoApplication *
eligo_application_new (void)
{
  return g_object_new (ELIGO_TYPE_APPLICATION,
                       "application-id", ELIGO_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", ELIGO_RESOURCE_BASE,
                       NULL);
}

EligoDatabase *
eligo_application_get_database (EligoApplication *self)
{
  g_return_val_if_fail (ELIGO_IS_APPLICATION (self), NULL);

  return self->database;
}

/**
 * eligo_application_get_rederive_job:
 *
 * Returns: (transfer none) (nullable): the job reading the criteria of
 *   the database's trials again, if it needed one (it may have ended)
 */
EligoRederiveJob *
eligo_application_get_rederive_job (EligoApplication *self)
{
  g_return_val_if_fail (ELIGO_IS_APPLICATION (self), NULL);

  return self->rederive_job;
}
