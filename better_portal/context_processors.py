import functools
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, get_urlconf, resolve, reverse
from django.utils.translation import get_language, get_language_info, override

from content import languages
from content.languages import open_graph_locale
from content.site import current_project

MAX_KEPT_QUERY = 1000


def portal(request):
    """For the current page, its URL in each language of the project being served (the name is
    content's site_identity).

    `language_links` keep the query string (the switcher keeps the reader's filters);
    `alternates` are absolute and without it (hreflang and canonical links).
    """
    current = get_language()
    # A huge query string (a pasted 10 kB search) is not worth repeating in six links.
    keep_query = len(request.META.get("QUERY_STRING", "")) <= MAX_KEPT_QUERY
    full_path = request.get_full_path() if keep_query else request.path
    links, alternates = [], []
    # The project's languages (and the page's own, when a reader asked for another).
    codes = [c for c in languages.codes() if c in current_project().language_codes or c == current]
    for code, (url, path_only) in zip(codes, translations(full_path, codes), strict=True):
        info = get_language_info(code)
        links.append(
            {"code": code, "name": info["name_local"], "url": url, "current": code == current}
        )
        alternates.append({"code": code, "url": request.build_absolute_uri(path_only)})
    default = next(a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE)
    canonical = next((a["url"] for a in alternates if a["code"] == current), default)
    return {
        "language_links": links,
        "alternates": alternates,
        "x_default_url": default,
        "canonical_url": canonical,
        "og_locale": open_graph_locale(current),
    }


def translations(url, codes):
    """(url, its path alone) in each language of `codes`, as django.urls.translate_url() gives
    them (the url itself where it does not resolve or reverse), resolving the path once rather
    than twice per language: translating a page's links was a tenth of a list page's time."""
    parsed = urlsplit(url)
    path = urlunsplit(("", "", parsed.path, "", ""))
    found = []
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    for translated in _translated_paths(parsed.path, get_language(), tuple(codes), urlconf):
        if translated is None:
            found.append((url, path))
            continue
        found.append(
            (
                urlunsplit(
                    (parsed.scheme, parsed.netloc, translated, parsed.query, parsed.fragment)
                ),
                translated,
            )
        )
    return found


@functools.lru_cache(maxsize=4096)
def _translated_paths(path, active, codes, urlconf):
    """The path in each language (None where it does not resolve or reverse). A function of the
    URL patterns alone (the URLconf is part of the key), which do not change while the process
    runs; so is the active language: the prefix of i18n_patterns resolves only in it."""
    try:
        match = resolve(unquote(path), urlconf)
    except Resolver404:
        return tuple(None for _code in codes)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    found = []
    for code in codes:
        with override(code):
            try:
                found.append(reverse(name, urlconf, args=match.args, kwargs=match.kwargs))
            except NoReverseMatch:
                found.append(None)
    return tuple(found)
