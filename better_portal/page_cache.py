"""Cached rendering of public pages, invalidated by the content versions (content.page_cache).

Every page is stored with the versions of the content scopes it shows (PAGE_SCOPES), shared and
of the project it is served in; a write to content replaces its scope's version (its project's,
or the shared one for a shared row), so the next request of a page that shows it renders afresh,
and the other pages, another project's too, stay cached. The versions and the page are read in
one cache round trip.

Public pages also tell proxies and CDNs how long they may keep them (Cache-Control with
s-maxage and stale-while-revalidate, docs/deployment.md); every other response keeps what its
view says (the workspace, the admin and personal pages are never marked public).

Only anonymous GET requests are cached: a session cookie (a coordinator's preview) or a messages
cookie bypasses the cache, and a response that sets a cookie is not stored. The key holds the
host, scheme, full path (language prefix and query), the `tz` cookie and today's date, so the
upcoming/past split moves at midnight.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware import http
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from content.page_cache import (
    EVERY_PROJECT,
    SCOPES,
    content_version,
    read_with_versions,
    version_namespace,
)

PAGE_PREFIX = "portal:page:"
BYPASS_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
KEPT_HEADERS = {"content-type", "content-disposition", "etag", "last-modified"}

# What each cached page shows, by content scope; a page not named here shows every scope.
_EVENT_LISTS = ("events", "partners", "themes", "practices")
PAGE_SCOPES = {
    "events:list": ("events", "partners", "themes"),
    "events:detail": _EVENT_LISTS,
    "events:calendar": _EVENT_LISTS,
    "events:event_calendar": _EVENT_LISTS,
    "events:feed": _EVENT_LISTS,
    "api:events": _EVENT_LISTS,
    "practices:list": ("practices", "themes", "partners"),
    "api:practices": ("practices", "themes", "partners"),
    # The organisations of the project: its partners, and those of its events and practices.
    "partners:list": ("partners", "events", "practices"),
    "api:organisations": ("partners", "events", "practices"),
    "programme:home": ("site",),
    "programme:practices": ("site", "practices", "themes", "partners"),
}
# Pages that show other projects' rows besides their own project's: an organisation's page lists
# every project it takes part in.
ACROSS_PROJECTS = {"partners:detail"}
# How long a shared cache (a reverse proxy, a CDN) may serve a public page without asking, and
# how much longer it may serve it stale while it asks (docs/deployment.md).
S_MAXAGE = getattr(settings, "PORTAL_PUBLIC_S_MAXAGE", 60)
STALE_WHILE_REVALIDATE = getattr(settings, "PORTAL_PUBLIC_STALE_WHILE_REVALIDATE", 600)


def _page_key(request):
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        request.COOKIES.get("tz", ""),
        timezone.localdate().isoformat(),
    ]
    return PAGE_PREFIX + hashlib.sha256("|".join(parts).encode()).hexdigest()


def _cacheable(request):
    return (
        settings.PORTAL_PAGE_CACHE
        and request.method == "GET"
        and not BYPASS_COOKIES.intersection(request.COOKIES)
    )


class PageCacheMiddleware:
    """Serves and stores the pages named in settings.PORTAL_CACHED_PAGES. Put it last, so the
    other middleware (security headers, CSP, language) still process every cached response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_public_page", False) and self._storable(response):
            # Browsers revalidate (the ETag answers 304); shared caches keep it S_MAXAGE.
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=S_MAXAGE,
                stale_while_revalidate=STALE_WHILE_REVALIDATE,
            )
            # A session (a coordinator's preview) or the time-zone cookie changes the page.
            patch_vary_headers(response, ["Cookie"])
        key = getattr(request, "_page_cache_key", None)
        if key and self._storable(response) and not getattr(request, "_page_cache_hit", False):
            headers = {k: v for k, v in response.items() if k.lower() in KEPT_HEADERS}
            entry = (request._page_cache_version, response.content, headers)
            cache.set(key, entry, settings.PORTAL_PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        public = (
            request.method in ("GET", "HEAD")
            and not BYPASS_COOKIES.intersection(request.COOKIES)
            and match
            and match.view_name in settings.PORTAL_CACHED_PAGES
        )
        request._public_page = bool(public)
        if not (public and _cacheable(request)):
            return None
        scopes = PAGE_SCOPES.get(match.view_name, SCOPES)  # and "site", on every page
        key = _page_key(request)
        # One round trip: the page, with the versions of the project it is likely served in.
        found = read_with_versions([key])
        # The programme's pages show every project's rows: any project's write makes them stale.
        across = match.view_name.startswith("programme:") or match.view_name in ACROSS_PROJECTS
        namespace = EVERY_PROJECT if across else version_namespace()
        version = content_version(found, scopes, namespace)
        if version is None:  # the cache does not answer: render, store nothing
            return None
        entry = found.get(key)
        if entry and entry[0] == version:
            response = HttpResponse(entry[1])
            for name, value in entry[2].items():
                response[name] = value
            request._page_cache_hit = True
            return response
        request._page_cache_key, request._page_cache_version = key, version
        return None

    @staticmethod
    def _storable(response):
        return response.status_code == 200 and not response.streaming and not response.cookies


class ConditionalGetMiddleware(http.ConditionalGetMiddleware):
    """ETag and 304 Not Modified for every successful page; error responses carry no ETag."""

    def needs_etag(self, response):
        return response.status_code == 200 and super().needs_etag(response)
