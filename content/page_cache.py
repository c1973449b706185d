"""The content version: one token that every cached public page is stored under.

A write to a model whose rows public pages show replaces the version (signals, for cache
invalidation only, plus the QuerySet methods that write with update()), so the next request
renders afresh and a published edit shows on the next request. Each app names its models
with `invalidate_pages_on_write()` in its AppConfig.ready(); the page cache itself (the
middleware that stores and serves pages) belongs to the project.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "portal:content-version"

# The models whose rows public pages show, as "app_label.modelname".
_watched = set()


def invalidate_pages_on_write(*models):
    """A save or delete of these models, or a change of their many-to-many fields, makes every
    cached page stale. Proxies of a watched model need no entry: their writes are its own."""
    _watched.update(model._meta.label_lower for model in models)


def bump_content_version():
    """Make every cached page stale. A new random token, so an evicted key never comes back."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def content_version(found=None):
    """The current content version, made on first use. `found` is a cache.get_many() result that
    may already hold it (one round trip for the version and a page)."""
    version = (found or {}).get(VERSION_KEY) or cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def _is_watched(model):
    opts = model._meta
    if opts.auto_created:  # an M2M table (event themes, workshop experts...) of a watched model
        opts = opts.auto_created._meta
    return opts.concrete_model._meta.label_lower in _watched


def _on_write(sender, **kwargs):
    if _is_watched(sender):
        bump_content_version()


def connect_signals():
    post_save.connect(_on_write, dispatch_uid="page_cache_save")
    post_delete.connect(_on_write, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_on_write, dispatch_uid="page_cache_m2m")


def cached_until_content_changes(key, compute):
    """compute()'s value, kept in the cache under key until the content version changes (any
    write to a watched model): the version and the value are read in one round trip."""
    found = cache.get_many([VERSION_KEY, key])
    version = content_version(found)
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    value = compute()
    cache.set(key, (version, value), None)
    return value
