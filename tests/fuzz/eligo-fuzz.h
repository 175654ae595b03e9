/* eligo-fuzz.h: what the libFuzzer targets share
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A critical or a warning from core is a finding like a crash: it means
 * the input reached a state the code says cannot happen. */
static inline void
eligo_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Text as core receives it from a parsed JSON file: valid UTF-8 without
 * NUL. Returns NULL for inputs that are not such text (they cannot reach
 * the code under test). */
static inline char *
eligo_fuzz_text (const uint8_t *data,
                 size_t         size)
{
  if (memchr (data, '\0', size) != NULL || !g_utf8_validate ((const char *) data, size, NULL))
    return NULL;

  return g_strndup ((const char *) data, size);
}

/* Aborts (a finding) when @text is not valid UTF-8: everything core hands
 * on is shown to the nurse, stored, or printed as JSON. */
static inline void
eligo_fuzz_assert_utf8 (const char *what,
                        const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_printerr ("%s is not valid UTF-8\n", what);
      abort ();
    }
}

static char *eligo_fuzz_dir;

static void
eligo_fuzz_remove_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (eligo_fuzz_dir == NULL)
    return;

  dir = g_dir_open (eligo_fuzz_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (eligo_fuzz_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (eligo_fuzz_dir);
  g_clear_pointer (&eligo_fuzz_dir, g_free);
}

/* One scratch folder per process, reused by every run, removed at exit. */
static inline const char *
eligo_fuzz_scratch_dir (void)
{
  if (eligo_fuzz_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      eligo_fuzz_dir = g_dir_make_tmp ("eligo-fuzz-XXXXXX", &error);
      if (eligo_fuzz_dir == NULL)
        {
          g_printerr ("Cannot make a scratch folder: %s\n", error->message);
          abort ();
        }
      atexit (eligo_fuzz_remove_dir);
    }

  return eligo_fuzz_dir;
}
