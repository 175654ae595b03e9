/* test-json-write.c
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * eligo_json_write() writes what json_to_string (node, FALSE) writes, byte
 * for byte: the raw JSON an import keeps must not depend on which of the
 * two wrote it.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "eligo-json-write.h"
#include "eligo-test-utils.h"

static void
assert_same (JsonNode *node)
{
  g_autofree char *expected = json_to_string (node, FALSE);
  g_autofree char *written = eligo_json_write (node);

  g_assert_cmpstr (written, ==, expected);
}

static void
assert_same_text (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  assert_same (node);
}

static void
test_values (void)
{
  assert_same_text ("{}");
  assert_same_text ("[]");
  assert_same_text ("{\"a\":[],\"b\":{},\"c\":[[]],\"d\":null}");
  assert_same_text ("[true,false,null,0,-0,1,-1,9007199254740993,-9223372036854775807]");
  assert_same_text ("[0.1,1.0,-2.5,1e20,1E-7,1.5e-7,40.7128,-74.006,3.141592653589793,"
                    "123456789.125,0.0,-0.0,1e308,5e-324]");
  assert_same_text ("{\"b\":1,\"a\":2,\"c\":3}");
  /* Duplicate members: the last value, in the first one's place. */
  assert_same_text ("{\"a\":1,\"b\":2,\"a\":3}");
}

static void
test_strings (void)
{
  assert_same_text ("[\"\",\"plain\",\"quote \\\" backslash \\\\ slash \\/\","
                    "\"\\b\\f\\n\\r\\t\",\"\\u0001\\u0002\\u001e\\u001f\\u007f\\u0080\","
                    "\"é ≥ 中文 \\u00e9 \\ud83d\\ude00\",\"<b>&amp;</b>\"]");
  assert_same_text ("{\"na\\nme\":\"v\",\"\\u0001\":1,\"é\":2}");
}

/* Every real record, and each study of a generated page. */
static void
test_records (void)
{
  g_autofree char *dir = eligo_test_data_path ("ctgov", "studies", NULL);
  g_autofree char *pages_dir = eligo_test_tmp_path ("pages");
  g_autoptr(GPtrArray) pages = eligo_test_write_library (pages_dir, 200, 100);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      assert_same (json_parser_get_root (parser));
      n++;
    }
  g_assert_cmpuint (n, >=, 767);

  for (guint i = 0; i < pages->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      JsonArray *studies;

      json_parser_load_from_file (parser, g_ptr_array_index (pages, i), &error);
      g_assert_no_error (error);
      studies = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "studies");
      for (guint j = 0; j < json_array_get_length (studies); j++)
        assert_same (json_array_get_element (studies, j));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligo/json-write/values", test_values);
  g_test_add_func ("/eligo/json-write/strings", test_strings);
  g_test_add_func ("/eligo/json-write/records", test_records);

  return g_test_run ();
}
