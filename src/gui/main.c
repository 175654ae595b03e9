/* main.c
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

#define G_LOG_DOMAIN "eligo"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "eligo-application.h"

/* Every window reads its settings with g_settings_new(), which aborts the
 * process when the schema is missing (an uninstalled binary started by hand).
 * Say how to start Eligo instead. */
static gboolean
schema_is_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return FALSE;

  schema = g_settings_schema_source_lookup (source, ELIGO_ID, TRUE);
  return schema != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EligoApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Eligo"));

  if (!schema_is_installed ())
    {
      g_printerr ("%s\n", _("Eligo’s settings schema is not installed; start Eligo with build-aux/run.sh or install it."));
      return 1;
    }

  app = eligo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
