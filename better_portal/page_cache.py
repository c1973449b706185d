"""Cached rendering of public pages, invalidated by the content version (content.page_cache).

Every page is stored with the content version it was rendered under; a write to content
replaces the version, so the next request renders afresh. The version and the page are read in
one cache round trip.

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

from content.page_cache import VERSION_KEY, content_version

PAGE_PREFIX = "portal:page:"
BYPASS_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
KEPT_HEADERS = {"content-type", "content-disposition", "etag", "last-modified"}


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
        key = getattr(request, "_page_cache_key", None)
        if key and self._storable(response):
            headers = {k: v for k, v in response.items() if k.lower() in KEPT_HEADERS}
            entry = (request._page_cache_version, response.content, headers)
            cache.set(key, entry, settings.PORTAL_PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not (_cacheable(request) and match and match.view_name in settings.PORTAL_CACHED_PAGES):
            return None
        key = _page_key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = content_version(found)
        entry = found.get(key)
        if entry and entry[0] == version:
            response = HttpResponse(entry[1])
            for name, value in entry[2].items():
                response[name] = value
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
