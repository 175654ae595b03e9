/* eligo-cli-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "eligo-database.h"

G_BEGIN_DECLS

/* Exit codes of the CLI contract in DESIGN.md */
enum {
  EXIT_OK = 0,
  EXIT_USER_ERROR = 1,
  EXIT_USAGE = 2,
};

typedef enum {
  FORMAT_TSV,
  FORMAT_CSV,
  FORMAT_JSON,
  FORMAT_TEXT,
} OutputFormat;

void            _eligo_cli_print_error     (const char      *message);
void            _eligo_cli_print_json      (JsonNode        *root);
int             _eligo_cli_usage_error     (GOptionContext  *context,
                                            const char      *message);
GOptionContext *_eligo_cli_command_context (const char      *name);
gboolean        _eligo_cli_parse_options   (GOptionContext  *context,
                                            int             *argc,
                                            char          ***argv,
                                            int             *status);
EligoDatabase  *_eligo_cli_open_database   (const char      *path,
                                            int             *status);
gboolean        _eligo_cli_parse_format    (const char      *text,
                                            gboolean         allow_table,
                                            OutputFormat    *format);
guint           _eligo_cli_display_width   (const char      *text);

/* eligo-cli-facts.c */
int             _eligo_cli_facts           (const char      *database_path,
                                            int              argc,
                                            char           **argv);

/* eligo-cli-compare.c */
int             _eligo_cli_compare         (const char      *database_path,
                                            int              argc,
                                            char           **argv);

/* eligo-cli-criteria.c */
int             _eligo_cli_criteria        (const char      *database_path,
                                            int              argc,
                                            char           **argv);
int             _eligo_cli_screen          (const char      *database_path,
                                            int              argc,
                                            char           **argv);
int             _eligo_cli_match           (const char      *database_path,
                                            int              argc,
                                            char           **argv);
int             _eligo_cli_curate          (const char      *database_path,
                                            int              argc,
                                            char           **argv);

/* eligo-cli-registry.c */
int             _eligo_cli_fetch           (const char      *database_path,
                                            int              argc,
                                            char           **argv);
int             _eligo_cli_refresh         (const char      *database_path,
                                            int              argc,
                                            char           **argv);

G_END_DECLS
