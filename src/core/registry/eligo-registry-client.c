/* eligo-registry-client.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only code that sends anything over the network. What it sends is a
 * path with an NCT number, or a search: words the nurse typed and registry
 * statuses. Nothing about patients ever reaches it.
 */

#define G_LOG_DOMAIN "eligo-registry"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "eligo-registry-client-private.h"

G_DEFINE_FINAL_TYPE (EligoRegistryClient, eligo_registry_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (eligo-registry-error-quark, eligo_registry_error)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_MIN_INTERVAL,
  PROP_BACKOFF_BASE,
  PROP_MAX_RETRIES,
  PROP_MAX_WAIT,
  PROP_REQUEST_TIMEOUT,
  PROP_TOTAL_TIMEOUT,
  PROP_MAX_RESPONSE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* NCT and eight digits, as the registry writes them */
static gboolean
is_nct_id (const char *text,
           gsize       len)
{
  if (len != 11 || g_ascii_strncasecmp (text, "NCT", 3) != 0)
    return FALSE;

  for (gsize i = 3; i < 11; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static void
eligo_registry_client_dispose (GObject *object)
{
  EligoRegistryClient *self = (EligoRegistryClient *) object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (eligo_registry_client_parent_class)->dispose (object);
}

static void
eligo_registry_client_finalize (GObject *object)
{
  EligoRegistryClient *self = (EligoRegistryClient *) object;

  g_free (self->base_url);

  G_OBJECT_CLASS (eligo_registry_client_parent_class)->finalize (object);
}

static guint *
uint_field (EligoRegistryClient *self,
            guint                prop_id)
{
  switch (prop_id)
    {
    case PROP_MIN_INTERVAL:
      return &self->min_interval;
    case PROP_BACKOFF_BASE:
      return &self->backoff_base;
    case PROP_MAX_RETRIES:
      return &self->max_retries;
    case PROP_MAX_WAIT:
      return &self->max_wait;
    case PROP_REQUEST_TIMEOUT:
      return &self->request_timeout;
    case PROP_TOTAL_TIMEOUT:
      return &self->total_timeout;
    default:
      return NULL;
    }
}

static void
eligo_registry_client_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EligoRegistryClient *self = ELIGO_REGISTRY_CLIENT (object);
  guint *field = uint_field (self, prop_id);

  if (field != NULL)
    g_value_set_uint (value, *field);
  else if (prop_id == PROP_BASE_URL)
    g_value_set_string (value, self->base_url);
  else if (prop_id == PROP_MAX_RESPONSE_SIZE)
    g_value_set_uint64 (value, self->max_response_size);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
eligo_registry_client_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EligoRegistryClient *self = ELIGO_REGISTRY_CLIENT (object);
  guint *field = uint_field (self, prop_id);

  if (field != NULL)
    {
      if (*field != g_value_get_uint (value))
        {
          *field = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else if (prop_id == PROP_BASE_URL)
    {
      const char *url = g_value_get_string (value);
      gsize len;

      if (url == NULL || *url == '\0')
        url = g_getenv ("ELIGO_REGISTRY_URL");
      if (url == NULL || *url == '\0')
        url = ELIGO_REGISTRY_DEFAULT_URL;

      g_free (self->base_url);
      self->base_url = g_strdup (url);
      len = strlen (self->base_url);
      while (len > 0 && self->base_url[len - 1] == '/')
        self->base_url[--len] = '\0';
    }
  else if (prop_id == PROP_MAX_RESPONSE_SIZE)
    {
      if (self->max_response_size != g_value_get_uint64 (value))
        {
          self->max_response_size = g_value_get_uint64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
eligo_registry_client_class_init (EligoRegistryClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = eligo_registry_client_dispose;
  object_class->finalize = eligo_registry_client_finalize;
  object_class->get_property = eligo_registry_client_get_property;
  object_class->set_property = eligo_registry_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_INTERVAL] =
    g_param_spec_uint ("min-interval", NULL, NULL, 0, G_MAXUINT, 1000, flags);
  properties[PROP_BACKOFF_BASE] =
    g_param_spec_uint ("backoff-base", NULL, NULL, 1, G_MAXUINT, 2000, flags);
  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 20, 4, flags);
  properties[PROP_MAX_WAIT] =
    g_param_spec_uint ("max-wait", NULL, NULL, 0, G_MAXUINT, 60000, flags);
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL, 1, G_MAXUINT, 30000, flags);
  properties[PROP_TOTAL_TIMEOUT] =
    g_param_spec_uint ("total-timeout", NULL, NULL, 1, G_MAXUINT, 180000, flags);
  properties[PROP_MAX_RESPONSE_SIZE] =
    g_param_spec_uint64 ("max-response-size", NULL, NULL, 1, G_MAXUINT64,
                         ELIGO_REGISTRY_MAX_RESPONSE_SIZE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_registry_client_init (EligoRegistryClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Eligo/%s", PACKAGE_VERSION);

  self->min_interval = 1000;
  self->backoff_base = 2000;
  self->max_retries = 4;
  self->max_wait = 60000;
  self->request_timeout = 30000;
  self->total_timeout = 180000;
  self->max_response_size = ELIGO_REGISTRY_MAX_RESPONSE_SIZE;
  /* No cookies, no cache, no proxy resolver beyond the system's: a plain GET. */
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "max-conns-per-host", 1,
                                                 NULL);
}

/**
 * eligo_registry_parse_nct_id:
 * @text: what the nurse typed or pasted: `NCT01234567`, ` nct01234567 `, or
 *   a registry address such as `https://clinicaltrials.gov/study/NCT01234567`
 * @nct_id: (out): the NCT number in capitals
 *
 * Checks an NCT number before anything is sent.
 */
gboolean
eligo_registry_parse_nct_id (const char  *text,
                             char       **nct_id,
                             GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *candidate;
  char found[12] = { 0 };
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  candidate = stripped;

  if (g_str_has_prefix (stripped, "https://") || g_str_has_prefix (stripped, "http://"))
    {
      g_autoptr(GUri) uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
      const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
      const char *path = uri != NULL ? g_uri_get_path (uri) : NULL;
      const char *slash;

      if (host == NULL || path == NULL ||
          (g_ascii_strcasecmp (host, "clinicaltrials.gov") != 0 &&
           g_ascii_strcasecmp (host, "www.clinicaltrials.gov") != 0))
        {
          g_set_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_INVALID_ID,
                       _("“%s” is not a ClinicalTrials.gov address"), stripped);
          return FALSE;
        }

      len = strlen (path);
      while (len > 0 && path[len - 1] == '/')
        len--;
      slash = g_strrstr_len (path, (gssize) len, "/");
      candidate = slash != NULL ? slash + 1 : path;
      if (!is_nct_id (candidate, len - (gsize) (candidate - path)) ||
          (!g_str_has_prefix (path, "/study/") && !g_str_has_prefix (path, "/ct2/show/")))
        {
          g_set_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_INVALID_ID,
                       _("“%s” is not the address of a study (…/study/NCT and 8 digits)"),
                       stripped);
          return FALSE;
        }

      /* The path goes with the URI at the end of this block. */
      memcpy (found, candidate, 11);
      candidate = found;
    }
  else if (!is_nct_id (stripped, strlen (stripped)))
    {
      g_set_error (error, ELIGO_REGISTRY_ERROR, ELIGO_REGISTRY_ERROR_INVALID_ID,
                   _("“%s” is not an NCT number (NCT and 8 digits, such as NCT01234567)"),
                   stripped);
      return FALSE;
    }

  if (nct_id != NULL)
    *nct_id = g_ascii_strup (candidate, 11);

  return TRUE;
}

/* The registry's overallStatus values */
gboolean
eligo_registry_status_is_valid (const char *status)
{
  static const char * const statuses[] = {
    "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING",
    "RECRUITING", "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
  };

  if (status == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (strcmp (status, statuses[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
append_param (GString    *query,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;

  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", name, escaped);
}

/**
 * eligo_registry_search_build_query:
 *
 * The query string of one page of @search: the same parameters on every
 * page, plus the page's token.
 */
char *
eligo_registry_search_build_query (const EligoRegistrySearch *search,
                                   const char                *page_token)
{
  GString *query = g_string_new (NULL);

  g_return_val_if_fail (search != NULL, NULL);

  append_param (query, "query.term", search->term);
  append_param (query, "query.cond", search->condition);
  if (search->statuses != NULL && search->statuses[0] != NULL)
    {
      g_autofree char *statuses = g_strjoinv (",", search->statuses);

      append_param (query, "filter.overallStatus", statuses);
    }
  if (search->page_size > 0)
    {
      char size[16];

      g_snprintf (size, sizeof size, "%u", MIN (search->page_size, ELIGO_REGISTRY_MAX_PAGE_SIZE));
      append_param (query, "pageSize", size);
    }
  append_param (query, "pageToken", page_token);

  return g_string_free (query, FALSE);
}

/**
 * eligo_registry_client_new:
 * @base_url: (nullable): the API's address; %NULL for `ELIGO_REGISTRY_URL`
 *   or, without it, ClinicalTrials.gov
 */
EligoRegistryClient *
eligo_registry_client_new (const char *base_url)
{
  return g_object_new (ELIGO_TYPE_REGISTRY_CLIENT, "base-url", base_url, NULL);
}

const char *
eligo_registry_client_get_base_url (EligoRegistryClient *self)
{
  g_return_val_if_fail (ELIGO_IS_REGISTRY_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * eligo_registry_client_fetch_async:
 * @nct_id: a valid NCT number (see eligo_registry_parse_nct_id())
 *
 * Fetches `GET {base}/studies/{nct_id}`; the answer is a JSON object.
 */
void
eligo_registry_client_fetch_async (EligoRegistryClient *self,
                                   const char          *nct_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *checked = NULL;
  GError *error = NULL;

  g_return_if_fail (ELIGO_IS_REGISTRY_CLIENT (self));
  g_return_if_fail (nct_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eligo_registry_client_fetch_async);

  if (!eligo_registry_parse_nct_id (nct_id, &checked, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  _eligo_registry_client_start_request (self, task,
                                        g_strdup_printf ("%s/studies/%s", self->base_url, checked),
                                        g_strdup (checked), FALSE);
}

GBytes *
eligo_registry_client_fetch_finish (EligoRegistryClient  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * eligo_registry_client_search_page_async:
 * @page_token: (nullable): the previous page's `nextPageToken`, %NULL for the first
 *
 * Fetches one page of `GET {base}/studies?…`.
 */
void
eligo_registry_client_search_page_async (EligoRegistryClient       *self,
                                         const EligoRegistrySearch *search,
                                         const char                *page_token,
                                         GCancellable              *cancellable,
                                         GAsyncReadyCallback        callback,
                                         gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *query = NULL;

  g_return_if_fail (ELIGO_IS_REGISTRY_CLIENT (self));
  g_return_if_fail (search != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eligo_registry_client_search_page_async);

  query = eligo_registry_search_build_query (search, page_token);
  _eligo_registry_client_start_request (self, task,
                                        g_strdup_printf ("%s/studies%s%s", self->base_url,
                                                         *query ? "?" : "", query),
                                        /* Translators: used as “the search: the registry is
                                         * busy…” */
                                        g_strdup (_("the search")), TRUE);
}

/**
 * eligo_registry_client_search_page_finish:
 * @next_page_token: (out) (optional): the next page's token, %NULL on the last page
 *
 * Returns: the page, a JSON object with a `studies` array
 */
GBytes *
eligo_registry_client_search_page_finish (EligoRegistryClient  *self,
                                          GAsyncResult         *result,
                                          char                **next_page_token,
                                          GError              **error)
{
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (next_page_token != NULL)
    *next_page_token = bytes != NULL
      ? g_strdup (g_object_get_data (G_OBJECT (result), "next-page-token")) : NULL;

  return bytes;
}
