/* eligo-test-utils.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "eligo-database.h"

G_BEGIN_DECLS

char          *eligo_test_make_tmpdir        (void);
char          *eligo_test_tmp_path           (const char   *name);
EligoDatabase *eligo_test_open_database      (char        **path);
const char    *eligo_test_data_dir           (void);
char          *eligo_test_data_path          (const char   *first,
                                              ...) G_GNUC_NULL_TERMINATED;
char          *eligo_test_database_digest    (const char   *path);
void           eligo_test_assert_private_file (const char *path);
gboolean       eligo_test_integrity_ok       (const char   *path);
void           eligo_test_exec_sql           (const char   *path,
                                              const char   *sql);
char          *eligo_test_query_text         (const char   *path,
                                              const char   *sql);
int            eligo_test_run_cli            (char        **out,
                                              char        **err,
                                              const char   *first_arg,
                                              ...) G_GNUC_NULL_TERMINATED;
int            eligo_test_run_cli_argv       (const char * const *args,
                                              char        **out,
                                              char        **err);
void           eligo_test_write_file         (const char   *path,
                                              const char   *contents,
                                              gssize        len);
GPtrArray     *eligo_test_write_pages        (const char   *dir,
                                              guint         first,
                                              guint         n_pages,
                                              guint         per_page);
GPtrArray     *eligo_test_write_library      (const char   *dir,
                                              guint         n_studies,
                                              guint         per_page);

typedef gboolean (*EligoTestCondition) (gpointer data);

void           eligo_test_wait_until         (EligoTestCondition condition,
                                              gpointer      data,
                                              guint         seconds);

G_END_DECLS
