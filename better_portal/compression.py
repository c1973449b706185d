"""Compressed text responses (brotli when the client takes it, else gzip), and the preload of
the site's stylesheet.

BREACH: an attacker who can make a victim's browser request a page that reflects the attacker's
input (a search query, a form's rejected value) next to a secret (the CSRF token) can learn the
secret from the compressed sizes. So a response that carries a CSRF token (every page with a
form posting back: login, workspace forms, the admin) is sent uncompressed; it is recognised by
the CSRF cookie Django sets whenever a page used the token. Public pages, feeds, calendars and
the API have no secret and are compressed. Django's GZipMiddleware also pads its output at
random (Heal The Breach), which this keeps for gzip.
"""

import brotli
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.templatetags.static import static
from django.utils.cache import patch_vary_headers

TEXT_TYPES = ("text/", "application/json", "application/atom+xml", "application/xml")
MIN_LENGTH = 200


def carries_csrf_token(response):
    return settings.CSRF_COOKIE_NAME in response.cookies


class CompressionMiddleware(GZipMiddleware):
    """Brotli or gzip for text responses without a CSRF token (see the module's docstring)."""

    def process_response(self, request, response):
        if carries_csrf_token(response) or not self._is_text(response):
            return response
        accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if "br" not in [part.split(";")[0].strip() for part in accepted.split(",")]:
            return super().process_response(request, response)
        if response.streaming or response.has_header("Content-Encoding"):
            return response
        if len(response.content) < MIN_LENGTH:
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        response.content = brotli.compress(response.content, quality=5)
        response.headers["Content-Length"] = str(len(response.content))
        if etag := response.get("ETag"):
            response.headers["ETag"] = etag if etag.startswith("W/") else f"W/{etag}"
        response.headers["Content-Encoding"] = "br"
        return response

    @staticmethod
    def _is_text(response):
        return response.get("Content-Type", "").startswith(TEXT_TYPES)


class StylesheetPreloadMiddleware:
    """A Link header preloading site.css on HTML pages, so that the browser fetches the one
    render-blocking stylesheet before it has parsed the head."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            link = f"<{static('css/site.css')}>; rel=preload; as=style"
            existing = response.get("Link")
            response.headers["Link"] = f"{existing}, {link}" if existing else link
        return response
