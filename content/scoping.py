"""The project being served, and the scope every project-owned query runs in.

The rule is defined once, on the managers: a project-owned model's default manager
(`project_scoped()`, django-scopes' ScopedManager) filters every query, its related managers'
and the admin's included, by the active project, and refuses to run (ScopeError) where no
project is active. The middleware activates the request's project; a management command, a
task or a test runs in `activate(project)` or, for the whole programme, in `every_project()`.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django_scopes import ScopedManager, scope, scopes_disabled

__all__ = ["activate", "active_project", "every_project", "project_scoped", "scope"]
from django_scopes.manager import DisabledQuerySet

_active = ContextVar("portal_active_project", default=None)


def active_project():
    """The project activated for this request or command, or None."""
    return _active.get()


@contextmanager
def activate(project):
    """Serve `project` (a Project, or a lazy object that becomes one when first needed): its
    rows only, its identity, its cache entries."""
    token = _active.set(project)
    try:
        with scope(project=project):
            yield project
    finally:
        _active.reset(token)


@contextmanager
def every_project():
    """Queries see every project's rows: the programme level (its admin, commands, tasks)."""
    with scopes_disabled():
        yield


class Unscoped:
    """What a project-owned model's queryset made where no project is active is, too: it can
    be copied (a form's field built at import, whose form sets the queryset of its request) but
    any read, count or write raises ScopeError."""

    def all(self):
        return self._chain()

    def __getattr__(self, name):
        # A method of the model's own QuerySet (published(), upcoming()...) is refused as the
        # others are; any other name is missing, as hasattr() probes expect.
        if name.startswith("_") or not hasattr(self.model._default_manager._queryset_class, name):
            raise AttributeError(name)
        self.error()


@functools.cache
def _unscoped(queryset_class):
    return type(f"Unscoped{queryset_class.__name__}", (Unscoped, queryset_class), {})


def project_scoped(queryset_class=models.QuerySet, path="project"):
    """A default manager with queryset_class's methods, scoped to the active project through
    the lookup `path` ("project", or "event__project" for an event's rows)."""
    scoped = type(
        ScopedManager(project=path, _manager_class=models.Manager.from_queryset(queryset_class))
    )

    class ProjectScopedManager(scoped):
        # The lookup to the project: what backups and content/page_cache.py follow.
        project_path = path

        def get_queryset(self):
            queryset = super().get_queryset()
            if isinstance(queryset, DisabledQuerySet) and not isinstance(queryset, Unscoped):
                queryset.__class__ = _unscoped(type(queryset))
            return queryset

    return ProjectScopedManager()


def project_path(model):
    """The lookup from model's rows to their project ("project", "event__project"), also for
    its history (django-simple-history) model; None for a model shared by every project."""
    model = getattr(model, "instance_type", model)
    return getattr(model._default_manager, "project_path", None)


def outside_scope(queryset):
    """Whether queryset was made where no project is active (see Unscoped)."""
    return isinstance(queryset, DisabledQuerySet)


def cache_namespace():
    """The part of a cache key that keeps one project's entries from another's."""
    project = _active.get()
    return namespace_of(project.pk if project is not None else None)


def namespace_of(project_id):
    """cache_namespace() where the project with this pk (None: no project) is served."""
    return f"p{project_id}" if project_id is not None else "p-"
