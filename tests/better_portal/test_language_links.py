"""The language switcher's links and the hreflang alternates are the URLs that Django's
translate_url() gives, though the page's path is resolved once for every language."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import translate_url
from django.utils import translation

from better_portal.context_processors import portal, translations

pytestmark = pytest.mark.django_db

PATHS = [
    "/en/",
    "/en/events/?kind=study_visit&year=2020",
    "/it/events/some-event/",
    "/hu/practices/?q=caf%C3%A9%20bici",
    "/en/partners/p%C3%A4rnu/",
    "/en/no-such-page/?a=1",
    "/en/events/calendar.ics?partner=x#top",
    "/not-prefixed/",
]


@pytest.mark.parametrize("url", PATHS)
def test_translations_are_what_translate_url_gives(url):
    codes = [code for code, _name in settings.LANGUAGES]
    path = url.split("?")[0].split("#")[0]
    prefix = url.split("/")[1]
    with translation.override(prefix if prefix in codes else "en"):  # the page's language
        expected = [(translate_url(url, code), translate_url(path, code)) for code in codes]
        assert translations(url, codes) == expected


def test_switcher_links_keep_the_query_and_alternates_do_not():
    request = RequestFactory().get("/it/events/", {"kind": "study_visit"})
    with translation.override("it"):
        context = portal(request)
    links = {link["code"]: link["url"] for link in context["language_links"]}
    assert links["sv"] == "/sv/events/?kind=study_visit"
    assert links["it"] == "/it/events/?kind=study_visit"
    alternates = {a["code"]: a["url"] for a in context["alternates"]}
    assert alternates["el"] == "http://testserver/el/events/"
    assert context["canonical_url"] == "http://testserver/it/events/"
    assert context["x_default_url"] == "http://testserver/en/events/"
