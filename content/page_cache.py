"""Content versions: the tokens that every cached public page is stored under, one per scope.

A scope names what a group of models holds ("events", "practices", "themes", "partners"); each
app names its models and their scope with `invalidate_pages_on_write()` in its
AppConfig.ready(). A write to one of them replaces its scope's version (signals, for cache
invalidation only, plus the QuerySet methods that write with update()), so the pages that show
that scope render afresh on the next request and a published edit shows there, while pages of
other scopes stay cached: an event edit does not empty the practice catalogue.

A save, delete or many-to-many change of a row that the public sees neither before nor after it
(a draft of a model with published()) changes no version: no public page shows it.

Versions are kept per project as well. Each scope has a shared version, and one in each project's
namespace (`cache_namespace()`: "p<pk>"); what is cached while a project is served is stored under
both, for that project. A write of a project's row (a ProjectOwned row, or a child whose scoped
path leads to one: a workshop to its event's project; the edit of a Project row itself and its
legal pages are its "site") replaces that project's version only, so another project's cached
pages stay cached; a write of a shared row (organisations, people, themes), and a project added
or removed, replace the shared version, which every project's pages show. What is read for every
project at once (in `every_project()`, or a value `shared` by every project such as the list of
projects) is versioned in the namespace EVERY_PROJECT, which every project's writes replace too.
`bump_content_version()` with no project named replaces the shared versions: everything of those
scopes is stale, in every project.

The page cache itself (the middleware that stores and serves pages, and which scopes each page
shows) belongs to the project.
"""

import contextvars
import threading
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django_scopes import get_scope

from .scoping import cache_namespace, namespace_of

VERSION_PREFIX = "portal:content-version:"
# "site": the site identity and legal pages, which every page shows (header, footer, meta).
SCOPES = ("site", "events", "practices", "themes", "partners")

# "app_label.modelname" of the models whose rows public pages show -> their scope.
_watched = {}
_lock = threading.Lock()


# The namespace of what is read for every project at once (see the module).
EVERY_PROJECT = namespace_of(None)


def version_key(scope, namespace=None):
    """The key of a scope's shared version, or (namespace) of its version in that namespace."""
    return VERSION_PREFIX + scope if namespace is None else f"{VERSION_PREFIX}{scope}:{namespace}"


def _with_site(scopes):
    return tuple(dict.fromkeys(("site", *scopes)))  # every page shows the site's identity


def version_namespace(shared=False):
    """The namespace of the versions of what is read now: the project being served's, or
    EVERY_PROJECT for a value shared by every project or read in every_project()."""
    if shared or not get_scope().get("_enabled", True):
        return EVERY_PROJECT
    return cache_namespace()


def version_keys(scopes, namespace=None):
    """The keys a version of these scopes (and "site") is made of: each one's shared key and its
    key in the namespace (by default version_namespace())."""
    namespace = namespace or version_namespace()
    return [key for s in _with_site(scopes) for key in (version_key(s), version_key(s, namespace))]


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


# Where a request is served ("host/first part of the path after the language", as a project is
# chosen) -> the namespace of the project this process last served there: the first read of a
# request, made before its project is known (the list of projects, versioned in EVERY_PROJECT),
# reads that project's versions too, so that a request costs one round trip for its versions.
_place = contextvars.ContextVar("portal_request_place", default=None)
_namespaces_by_place = OrderedDict()
PLACES = 1000


def _place_of(environ):
    parts = environ.get("PATH_INFO", "").split("/")
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    return f"{host}/{parts[2] if len(parts) > 2 else ''}"


def _start_request(environ=None, **kwargs):
    _request_versions.set({})
    _place.set(_place_of(environ) if environ else None)


def _end_request(**kwargs):
    _request_versions.set(None)
    _place.set(None)


def _served_in(namespace):
    """Note that this request is served in namespace (a project's)."""
    place = _place.get()
    if place is None or namespace == EVERY_PROJECT:
        return
    with _lock:
        _namespaces_by_place[place] = namespace
        _namespaces_by_place.move_to_end(place)
        while len(_namespaces_by_place) > PLACES:
            _namespaces_by_place.popitem(last=False)


def _namespaces_to_read(namespace):
    """namespace, and the one this request will likely be served in when namespace is not it."""
    guess = _namespaces_by_place.get(_place.get()) if namespace == EVERY_PROJECT else None
    return (namespace, guess) if guess and guess != namespace else (namespace,)


def read_with_versions(keys):
    """cache.get_many(keys), in the round trip that reads the versions this request will likely
    need (what is shared by every project's, and those of the project this process last served
    at the request's host and path), before its project is known: the list of projects that
    tells it is then read from this process, and the page's versions from this answer."""
    wanted = [k for ns in _namespaces_to_read(EVERY_PROJECT) for k in version_keys(SCOPES, ns)]
    read = remembered_versions(wanted)
    unknown = [key for key in dict.fromkeys(wanted) if key not in read]
    found = cache.get_many(unknown + list(keys))
    _remember({key: found[key] for key in unknown if found.get(key)})
    return {**read, **found}


def remembered_versions(keys):
    """{key: version} of the version keys this request has already read."""
    memo = _request_versions.get()
    if not memo:
        return {}
    return {key: memo[key] for key in keys if key in memo}


def _remember(versions):
    memo = _request_versions.get()
    if memo is not None:
        memo.update(versions)


def bump_content_version(*scopes, project=None):
    """Make the cached pages of these scopes (every scope when none is named) stale: in every
    project, or only in `project`'s (a pk) and what is read for every project at once. A new
    random token, so an evicted key never comes back."""
    scopes = scopes or SCOPES
    if project is None:
        keys = [version_key(s) for s in scopes]
    else:
        namespaces = (namespace_of(project), EVERY_PROJECT)
        keys = [version_key(s, namespace) for s in scopes for namespace in namespaces]
    tokens = {key: uuid.uuid4().hex for key in keys}
    cache.set_many(tokens, None)
    _remember(tokens)


def bump_model_version(model):
    """Make the pages that show this model's rows stale (after an update() that sends no
    signal), in every project: the rows updated are not known."""
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


def content_version(found=None, scopes=SCOPES, namespace=None):
    """The version of the content in these scopes (and "site"), shared and in the namespace (by
    default version_namespace()), made on first use; None when the cache does not answer (then
    nothing may be stored or validated under it). `found` is a cache.get_many() result that may
    already hold them (one round trip for versions and page)."""
    namespace = namespace or version_namespace()
    keys = version_keys(scopes, namespace)
    found = {**remembered_versions(keys), **(found or {})}
    missing = [key for key in keys if not found.get(key)]
    if missing:
        found = {**found, **cache.get_many(missing)}
    tokens = {}
    for key in keys:
        token = found.get(key)
        if token is None:
            cache.add(key, uuid.uuid4().hex, None)
            token = cache.get(key)
            if token is None:
                return None
        tokens[key] = token
    _remember(tokens)
    _served_in(namespace)
    return ",".join(
        f"{s}={tokens[version_key(s)]}.{tokens[version_key(s, namespace)]}"
        for s in _with_site(scopes)
    )


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


def _project_of(sender, instance, signal=None, created=False):
    """The pk of the project the written row belongs to; None for a shared row, or where it
    cannot be told (then every project's pages are made stale)."""
    if instance is None:
        return None
    opts = sender._meta
    owner = (opts.auto_created or sender)._meta.concrete_model
    if type(instance)._meta.concrete_model is not owner:
        return None  # a many-to-many change from the other side
    if owner._meta.label_lower == "content.project":
        # A project more or fewer changes every project's footer: it links the programme's
        # pages where there are several.
        added_or_removed = created or signal is post_delete
        return None if added_or_removed else instance.pk
    path = getattr(owner._default_manager, "project_path", None)
    if path is None:
        return None  # not project-owned: shared by every project
    *hops, last = path.split("__")
    row = instance
    try:
        for hop in hops:
            row = getattr(row, hop)
            if row is None:
                return None
    except ObjectDoesNotExist:
        return None
    return getattr(row, f"{last}_id", None)


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
    project = _project_of(sender, instance, kwargs.get("signal"), kwargs.get("created", False))
    bump_content_version(scope, project=project)


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

    def holds(self, key):
        """Whether an entry (of any version) is kept under key."""
        return key in self._entries

    def put(self, key, entry):
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


def read_versioned(keys, scopes, namespace=None):
    """(version of the scopes, {key: value}) for the keys stored under that version; (None, {})
    when the cache does not answer. What this request knows of the versions and this process of
    the values is not asked again: once a request has read the versions, the values this process
    holds cost no cache round trip, and the others (with the versions not yet read) one."""
    namespace = namespace or version_namespace()
    every = version_keys(scopes, namespace)
    known = remembered_versions(every)
    version = content_version(known, scopes, namespace) if len(known) == len(every) else None
    values = {}
    if version is not None:
        for key in keys:
            entry = local_entries.get(key, version)
            if entry is not None:
                values[key] = entry[1]
    missing = [key for key in keys if key not in values]
    if not missing:
        return version, values
    unknown, held = [], []
    if version is None:  # all of them: the request's later reads will need the others
        wanted = [k for ns in _namespaces_to_read(namespace) for k in version_keys(SCOPES, ns)]
        read = remembered_versions(wanted)
        unknown = [key for key in dict.fromkeys(wanted) if key not in read]
        # Values this process holds are likely still current: not fetched (nor unpickled: the
        # list of fifty projects cost a page 5 % more calls), unless the versions say otherwise.
        held = [key for key in missing if local_entries.holds(key)]
    found = cache.get_many(unknown + [key for key in missing if key not in held])
    _remember({key: found[key] for key in unknown if found.get(key)})
    if version is None:
        version = content_version({**known, **found}, scopes, namespace)
        if version is None:
            return None, {}
    for key in held:
        entry = local_entries.get(key, version)
        if entry is not None:
            values[key] = entry[1]
    stale = [key for key in held if key not in values]
    if stale:  # this process's values predate an edit: a second round trip, for them
        found.update(cache.get_many(stale))
    for key in missing:
        entry = found.get(key)
        if key not in values and entry is not None and entry[0] == version:
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
    this request knows the version and this process the value). Each project has its own value,
    stale when its project's rows change; a value `shared` by every project is stale when any
    project's do."""
    if not shared:
        key = f"{cache_namespace()}:{key}"
    version, values = read_versioned([key], scopes, version_namespace(shared))
    if key in values:
        return values[key]
    value = compute()
    if version is not None:
        store_versioned({key: value}, version, None)
    return value
