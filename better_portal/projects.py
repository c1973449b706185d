"""Which project a request is served in.

PORTAL_PROJECT_URLS chooses how a request names its project:
- "domain" (the default): the project whose domain is the request's host; any other host
  serves the default project (an instance with one project serves it on every host).
- "path": on a domain shared by several projects, a project's pages are under
  /<lang>/<slug>/ and its admin and sitemap under /<slug>/, each project with a URLconf of its
  own, so that every link a page makes stays in its project. The default project's pages keep
  their addresses without a slug, so a one-project instance's links and calendar
  subscriptions do not change when it turns the mode on.
"""

import functools
import types

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import DisallowedHost, ImproperlyConfigured
from django.middleware.locale import LocaleMiddleware
from django.urls import include, path
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation.trans_real import parse_accept_lang_header

from content.languages import codes
from content.scoping import activate
from content.site import (
    RESERVED_SLUGS,
    current_project,
    default_project,
    project_for_host,
    project_with_slug,
)

MODES = ("domain", "path")


def url_mode():
    mode = getattr(settings, "PORTAL_PROJECT_URLS", "domain")
    if mode not in MODES:
        raise ImproperlyConfigured(f"PORTAL_PROJECT_URLS must be one of {MODES}, not {mode!r}.")
    return mode


@functools.cache
def urlconf_of(slug):
    """The URLconf of the project with this slug on a shared domain: the instance's shared
    URLs, the project's own under /<slug>/ and its pages under /<lang>/<slug>/."""
    from . import urls

    module = types.ModuleType(f"better_portal.urls.project_{slug}")
    module.urlpatterns = [
        *urls.shared_patterns,
        path(f"{slug}/", include(urls.project_patterns)),
        *i18n_patterns(
            path(f"{slug}/", include(urls.public_patterns)), prefix_default_language=True
        ),
    ]
    module.handler400, module.handler500 = urls.handler400, urls.handler500
    return module


def slug_in_path(path_info):
    """The project slug a path under /<lang>/<slug>/ or /<slug>/ names, if any."""
    parts = path_info.split("/", 3)[1:]
    if parts and parts[0] in codes():
        parts = parts[1:]
    if len(parts) < 2 or not parts[0] or parts[0] in RESERVED_SLUGS:
        return None
    return parts[0]


def host_project(request):
    try:
        host = request.get_host().rsplit(":", 1)[0]
    except DisallowedHost:  # answered with a 400 further down, in the default project
        return default_project()
    return project_for_host(host)


class ProjectMiddleware:
    """Activates the request's project (request.project) while the request is handled: every
    project-owned query of the view, its templates and the middleware below is scoped to it.
    By domain, it is looked up when first needed: a health check or a static file asks nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        project = None
        if url_mode() == "path":
            slug = slug_in_path(request.path_info)
            project = project_with_slug(slug) if slug else None
            if project is not None and project != default_project():
                request.urlconf = urlconf_of(project.slug)
        request.project = project or SimpleLazyObject(lambda: host_project(request))
        with activate(request.project):
            return self.get_response(request)


class ProjectLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, which redirects an address without a language (`/`) to the
    reader's language, choosing among the languages of the project served: a Swedish reader
    of a project that publishes in English and Estonian is sent to /en/ (or /et/, when their
    browser asks for Estonian too), not to pages the project never wrote."""

    def process_response(self, request, response):
        # Only where the response is about to be that redirect (a 404 of an address without a
        # language): the admin, which has none, keeps the language the browser asks for.
        if response.status_code == 404 and not translation.get_language_from_path(
            request.path_info
        ):
            offered = current_project().language_codes
            if translation.get_language() not in offered:
                translation.activate(preferred_language(request, offered))
        return super().process_response(request, response)


def preferred_language(request, offered):
    """The first of the languages the reader's browser asks for (Accept-Language, in its order
    of preference) that is `offered`; else the default language."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for language, _quality in parse_accept_lang_header(header):
        base = language.split("-")[0].lower()
        if base in offered:
            return base
    return settings.LANGUAGE_CODE
