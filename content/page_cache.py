"""Content versions: the tokens that every cached public page is stored under, one per scope.

A scope names what a group of models holds ("events", "practices", "themes", "partners"); each
app names its models and their scope with `invalidate_pages_on_write()` in its
AppConfig.ready(). A write to one of them replaces its scope's version (signals, for cache
invalidation only, plus the QuerySet methods that write with update()), so the pages that show
that scope render afresh on the next request and a published edit shows there, while pages of
other scopes stay cached: an event edit does not empty the practice catalogue.

A save, delete or many-to-many change of a row that the public sees neither before nor after it
(a draft of a model with published()) changes no version: no public page shows it.

The page cache itself (the middleware that stores and serves pages, and which scopes each page
shows) belongs to the project.
"""

import contextvars
import threading
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .scoping import cache_namespace

VERSION_PREFIX = "portal:content-version:"
# "site": the site identity and legal pages, which every page shows (header, footer, meta).
SCOPES = ("site", "events", "practices", "themes", "partners")

# "app_label.modelname" of the models whose rows public pages show -> their scope.
_watched = {}


def version_key(scope):
    return VERSION_PREFIX + scope


def invalidate_pages_on_write(*models, scope):
    """A save or delete of these models, or a change of their many-to-many fields, makes the
    cached pages that show `scope` stale. Proxies of a watched model need no entry."""
    if scope not in SCOPES:
        raise ValueError(f"Unknown content scope {scope!r}; one of {SCOPES}")
    _watched.update({model._meta.label_lower: scope for model in models})


# The versions a request has read, so that its later fragments and values need not read them
# again (one cache round trip per request for them). None outside a request: every read asks the
# cache. A request sees the content as it was when it first read a scope's version, as a cached
# page would; an edit made by the request itself replaces the version it remembers.
_request_versions = contextvars.ContextVar("portal_request_versions", default=None)


def _start_request(**kwargs):
    _request_versions.set({})


def _end_request(**kwargs):
    _request_versions.set(None)


def remembered_versions(scopes):
    """{version_key(scope): version} of the scopes this request has already read."""
    memo = _request_versions.get()
    if not memo:
        return {}
    return {version_key(s): memo[s] for s in scopes if s in memo}


def _remember(versions):
    memo = _request_versions.get()
    if memo is not None:
        memo.update(versions)


def bump_content_version(*scopes):
    """Make the cached pages of these scopes (every scope when none is named) stale. A new
    random token, so an evicted key never comes back."""
    tokens = {s: uuid.uuid4().hex for s in scopes or SCOPES}
    cache.set_many({version_key(s): token for s, token in tokens.items()}, None)
    _remember(tokens)


def bump_model_version(model):
    """Make the pages that show this model's rows stale (after an update() that sends no signal)."""
    scope = _scope_of(model)
    if scope:
        bump_content_version(scope)


def versions_are_shared():
    """Whether every process sees the same versions: with the page cache on, or a shared cache
    (Redis). A per-process memory cache would not see another process's edit."""
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    return settings.PORTAL_PAGE_CACHE or isinstance(caches["default"], RedisCache)


def content_version(found=None, scopes=SCOPES):
    """The version of the content in these scopes, made on first use; None when the cache does
    not answer (then nothing may be stored or validated under it). `found` is a
    cache.get_many() result that may already hold them (one round trip for versions and page)."""
    found = {**remembered_versions(scopes), **(found or {})}
    if "site" not in scopes:  # every page shows the site's identity
        scopes = ("site", *scopes)
    versions = []
    missing = [s for s in scopes if not found.get(version_key(s))]
    if missing:
        found = {**found, **cache.get_many([version_key(s) for s in missing])}
    for scope in scopes:
        version = found.get(version_key(scope))
        if version is None:
            cache.add(version_key(scope), uuid.uuid4().hex, None)
            version = cache.get(version_key(scope))
            if version is None:
                return None
        versions.append(f"{scope}={version}")
        _remember({scope: version})
    return ",".join(versions)


def _scope_of(model):
    opts = model._meta
    if opts.auto_created:  # an M2M table (event themes, workshop experts...) of a watched model
        opts = opts.auto_created._meta
    return _watched.get(opts.concrete_model._meta.label_lower)


def _publicly_visible(instance):
    """Whether the public sees this row; True for models without published() (always shown)."""
    values = getattr(type(instance)._default_manager._queryset_class, "published_values", None)
    if values is None:
        return True
    return all(getattr(instance, field) == value for field, value in values.items())


def _before_save(sender, instance, raw=False, **kwargs):
    if not _scope_of(sender) or instance.pk is None or raw:
        return
    manager = type(instance)._meta.concrete_model._base_manager
    values = getattr(type(instance)._default_manager._queryset_class, "published_values", None)
    if values is not None:  # one query, only for models whose drafts the public never sees
        instance._page_cache_was_public = manager.filter(pk=instance.pk, **values).exists()


def _on_write(sender, instance=None, **kwargs):
    scope = _scope_of(sender)
    if not scope:
        return
    if kwargs.get("signal") is m2m_changed and not kwargs.get("action", "").startswith("post_"):
        return
    if instance is not None and not (
        _publicly_visible(instance) or getattr(instance, "_page_cache_was_public", False)
    ):
        return  # a draft, before and after: no public page shows it
    bump_content_version(scope)


def connect_signals():
    request_started.connect(_start_request, dispatch_uid="content_versions_request_started")
    request_finished.connect(_end_request, dispatch_uid="content_versions_request_finished")
    pre_save.connect(_before_save, dispatch_uid="page_cache_before_save")
    post_save.connect(_on_write, dispatch_uid="page_cache_save")
    post_delete.connect(_on_write, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_on_write, dispatch_uid="page_cache_m2m")


class LocalEntries:
    """What this process has read from the cache lately, {key: (version, value)}, at most
    `size` entries (the least recently used go first). An entry is used only under the version
    it was stored with, which the request has read from the shared cache: versions are random
    tokens, never reused, so an entry of an older version is never taken for a newer one."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, version):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != version:
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


def read_versioned(keys, scopes):
    """(version of the scopes, {key: value}) for the keys stored under that version; (None, {})
    when the cache does not answer. What this request knows of the versions and this process of
    the values is not asked again: once a request has read the versions, the values this process
    holds cost no cache round trip, and the others (with the versions not yet read) one."""
    every = tuple(dict.fromkeys(("site", *scopes)))
    known = remembered_versions(every)
    version = content_version(known, scopes) if len(known) == len(every) else None
    values = {}
    if version is not None:
        for key in keys:
            entry = local_entries.get(key, version)
            if entry is not None:
                values[key] = entry[1]
    missing = [key for key in keys if key not in values]
    if not missing:
        return version, values
    unknown = []
    if version is None:  # all of them: the request's later reads will need the others
        unknown = [version_key(s) for s in SCOPES if version_key(s) not in known]
    found = cache.get_many(unknown + missing)
    _remember({s: found[version_key(s)] for s in SCOPES if found.get(version_key(s))})
    if version is None:
        version = content_version({**known, **found}, scopes)
        if version is None:
            return None, {}
    for key in missing:
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            local_entries.put(key, entry)
            values[key] = entry[1]
    return version, values


def store_versioned(entries, version, timeout):
    """Store {key: value} under version, in the cache and in this process."""
    cache.set_many({key: (version, value) for key, value in entries.items()}, timeout)
    for key, value in entries.items():
        local_entries.put(key, (version, value))


# About 4,000 fragments (cards, forms, the page frame) of a few kB: some 10-20 MB per process.
local_entries = LocalEntries(4000)


def cached_until_content_changes(key, compute, scopes=SCOPES, shared=False):
    """compute()'s value, kept in the cache under key until the version of these scopes (every
    scope by default) changes: the version and the value are read in one round trip (none when
    this request knows the version and this process the value). Each project has its own value
    unless it is `shared` by every project."""
    if not shared:
        key = f"{cache_namespace()}:{key}"
    version, values = read_versioned([key], scopes)
    if key in values:
        return values[key]
    value = compute()
    if version is not None:
        store_versioned({key: value}, version, None)
    return value
