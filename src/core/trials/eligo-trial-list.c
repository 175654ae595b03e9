/* eligo-trial-list.c
 *
 * Copyright 2026 The Eligo developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "eligo-trial-list"

#include "config.h"

#include "eligo-trial-list.h"

struct _EligoTrialList
{
  GObject          parent_instance;

  EligoDatabase   *database;
  EligoTrialQuery *query;
  GArray          *ids;

  /* Items handed out and still alive, by row id: a view asking for the same
   * row twice gets the same object, and nothing is kept once it lets go. */
  GHashTable      *alive;
};

static void eligo_trial_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EligoTrialList, eligo_trial_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, eligo_trial_list_model_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_trial_finalized (gpointer  data,
                    GObject  *where_the_object_was)
{
  EligoTrialList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer) where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

static GType
eligo_trial_list_get_item_type (GListModel *model)
{
  return ELIGO_TYPE_TRIAL;
}

static guint
eligo_trial_list_get_n_items (GListModel *model)
{
  EligoTrialList *self = ELIGO_TRIAL_LIST (model);

  return self->ids->len;
}

static gpointer
eligo_trial_list_get_item (GListModel *model,
                           guint       position)
{
  EligoTrialList *self = ELIGO_TRIAL_LIST (model);
  g_autoptr(GError) error = NULL;
  EligoTrial *trial;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  trial = g_hash_table_lookup (self->alive, &id);
  if (trial != NULL)
    return g_object_ref (trial);

  trial = eligo_database_get_trial (self->database, id, &error);
  if (trial == NULL)
    {
      /* The row went away underneath us (another window deleted it). */
      g_debug ("Trial row %" G_GINT64_FORMAT " is gone: %s", id, error->message);
      return NULL;
    }

  g_hash_table_insert (self->alive, g_memdup2 (&id, sizeof id), trial);
  g_object_weak_ref (G_OBJECT (trial), on_trial_finalized, self);

  return trial;
}

static void
eligo_trial_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = eligo_trial_list_get_item_type;
  iface->get_n_items = eligo_trial_list_get_n_items;
  iface->get_item = eligo_trial_list_get_item;
}

/* Forgets the trials handed out, so the next request reads the database. */
static void
forget_alive (EligoTrialList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, on_trial_finalized, self);
  g_hash_table_remove_all (self->alive);
}

static void
eligo_trial_list_dispose (GObject *object)
{
  EligoTrialList *self = (EligoTrialList *) object;

  forget_alive (self);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (eligo_trial_list_parent_class)->dispose (object);
}

static void
eligo_trial_list_finalize (GObject *object)
{
  EligoTrialList *self = (EligoTrialList *) object;

  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->query, eligo_trial_query_free);

  G_OBJECT_CLASS (eligo_trial_list_parent_class)->finalize (object);
}

static void
eligo_trial_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EligoTrialList *self = ELIGO_TRIAL_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_trial_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EligoTrialList *self = ELIGO_TRIAL_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eligo_trial_list_constructed (GObject *object)
{
  EligoTrialList *self = (EligoTrialList *) object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (eligo_trial_list_parent_class)->constructed (object);

  if (!eligo_trial_list_reload (self, &error))
    g_warning ("Cannot list trials: %s", error->message);
}

static void
eligo_trial_list_class_init (EligoTrialListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = eligo_trial_list_constructed;
  object_class->dispose = eligo_trial_list_dispose;
  object_class->finalize = eligo_trial_list_finalize;
  object_class->get_property = eligo_trial_list_get_property;
  object_class->set_property = eligo_trial_list_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ELIGO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eligo_trial_list_init (EligoTrialList *self)
{
  self->query = eligo_trial_query_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

EligoTrialList *
eligo_trial_list_new (EligoDatabase *database)
{
  g_return_val_if_fail (ELIGO_IS_DATABASE (database), NULL);

  return g_object_new (ELIGO_TYPE_TRIAL_LIST, "database", database, NULL);
}

EligoDatabase *
eligo_trial_list_get_database (EligoTrialList *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL_LIST (self), NULL);

  return self->database;
}

const EligoTrialQuery *
eligo_trial_list_get_query (EligoTrialList *self)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL_LIST (self), NULL);

  return self->query;
}

/**
 * eligo_trial_list_set_query:
 *
 * Runs @query and replaces the rows. On error the list keeps its rows.
 */
gboolean
eligo_trial_list_set_query (EligoTrialList         *self,
                            const EligoTrialQuery  *query,
                            GError                **error)
{
  g_return_val_if_fail (ELIGO_IS_TRIAL_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (eligo_trial_query_equal (self->query, query))
    return TRUE;

  eligo_trial_query_free (self->query);
  self->query = eligo_trial_query_copy (query);

  return eligo_trial_list_reload (self, error);
}

/**
 * eligo_trial_list_reload:
 *
 * Runs the current query again, after the database changed.
 */
gboolean
eligo_trial_list_reload (EligoTrialList  *self,
                         GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  guint old_len;

  g_return_val_if_fail (ELIGO_IS_TRIAL_LIST (self), FALSE);

  ids = eligo_database_query_ids (self->database, self->query, error);
  if (ids == NULL)
    return FALSE;

  /* A row may have changed (a newer version imported, archived): build
   * its trial afresh rather than hand out the object built before. */
  forget_alive (self);

  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  if (old_len > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);

  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}
