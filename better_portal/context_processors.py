from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from content.languages import open_graph_locale

MAX_KEPT_QUERY = 1000


def portal(request):
    """For the current page, its URL in every language (the name is content's site_identity).

    `language_links` keep the query string (the switcher keeps the reader's filters);
    `alternates` are absolute and without it (hreflang and canonical links).
    """
    current = get_language()
    # A huge query string (a pasted 10 kB search) is not worth repeating in six links.
    keep_query = len(request.META.get("QUERY_STRING", "")) <= MAX_KEPT_QUERY
    full_path = request.get_full_path() if keep_query else request.path
    links, alternates = [], []
    for code, _name in settings.LANGUAGES:
        url = translate_url(full_path, code)
        path_only = translate_url(request.path, code)
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
