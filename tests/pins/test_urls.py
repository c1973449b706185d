"""Pins for issue 20 ("One instance for a whole programme"): the public addresses of today's
single-project instance, as literals, and what each answers with the demo loaded.

A project in the URL (`/<lang>/<project>/…`) must leave these working for an instance with one
project: readers' bookmarks, search engines' indexes, partners' embeds and calendar subscriptions
all hold them. A failure here means a link out in the world breaks, not that the test needs
updating.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event
from partners.models import Organisation
from practices.models import GoodPractice

pytestmark = pytest.mark.django_db

# (URL name, kwargs) -> the path in English; the Italian path is the same with /it/.
NAMED = [
    (("home", {}), "/en/"),
    (("search", {}), "/en/search/"),
    (("events:list", {}), "/en/events/"),
    (("events:calendar", {}), "/en/events/calendar.ics"),
    (("events:feed", {}), "/en/events/feed/"),
    (("events:detail", {"slug": "thematic-event-3"}), "/en/events/thematic-event-3/"),
    (
        ("events:event_calendar", {"slug": "thematic-event-3"}),
        "/en/events/thematic-event-3/calendar.ics",
    ),
    (
        ("registrations:register", {"slug": "thematic-event-3"}),
        "/en/events/thematic-event-3/register/",
    ),
    (("subscriptions:subscribe", {}), "/en/subscribe/"),
    (("partners:list", {}), "/en/partners/"),
    (("partners:detail", {"slug": "tartu"}), "/en/partners/tartu/"),
    (("practices:list", {}), "/en/practices/"),
    (("practices:detail", {"slug": "digital-tree"}), "/en/practices/digital-tree/"),
    (("embed:events", {}), "/en/embed/events/"),
    (("embed:partner_events", {"partner": "tartu"}), "/en/embed/events/tartu/"),
    (("api:events", {}), "/en/api/events/"),
    (("api:practices", {}), "/en/api/practices/"),
    (("api:organisations", {}), "/en/api/organisations/"),
    (("legal:page", {"kind": "privacy"}), "/en/about/privacy/"),
    (("legal:page", {"kind": "accessibility"}), "/en/about/accessibility/"),
    (("legal:page", {"kind": "contact"}), "/en/about/contact/"),
    (("workspace:login", {}), "/en/workspace/login/"),
]
# Outside the language prefix.
UNPREFIXED = [
    (("sitemap", {}), "/sitemap.xml"),
    (("robots", {}), "/robots.txt"),
    (("favicon", {}), "/favicon.ico"),
]

EVENT_PATHS = {
    # slug: English path
    "thematic-event-3": "/en/events/thematic-event-3/",
    "study-visit-genoa-2021-07": "/en/events/study-visit-genoa-2021-07/",
    "study-visit-nyiregyhaza-2021-09": "/en/events/study-visit-nyiregyhaza-2021-09/",
    "study-visit-gavle-2021-10": "/en/events/study-visit-gavle-2021-10/",
    "offentliga-rummet-2018": "/en/events/offentliga-rummet-2018/",
    "next-generation-of-public-services-2021": (
        "/en/events/next-generation-of-public-services-2021/"
    ),
}
PARTNER_PATHS = [
    "/en/partners/genoa/",
    "/en/partners/birmingham/",
    "/en/partners/gavle/",
    "/en/partners/tartu/",
    "/en/partners/nyiregyhaza/",
    "/en/partners/vastra-gotalandsregionen/",
    "/en/partners/vastkom/",
    "/en/partners/goteborgs-stad/",
    "/en/partners/gr-digigov-innohub/",
    "/en/partners/dih4society/",
    "/en/partners/govtech-lab-edih-vilnius/",
    "/en/partners/edih4dt/",
    "/en/partners/maxxi-cdih-edih/",
    "/en/partners/connected-mobility-hub-edih/",
    "/en/partners/smart-secure-cities/",
    "/en/partners/innovation-amp-edih/",
    "/en/partners/diginn-cyprus-edih/",
]
PRACTICE_PATHS = [
    "/en/practices/digital-citizen-folder/",
    "/en/practices/segnalaci/",
    "/en/practices/job-policy-platform/",
    "/en/practices/local-police-control-centre-innovation/",
    "/en/practices/digital-model-of-rain-and-hydrometric-data/",
    "/en/practices/lego-education-innovation-studio/",
    "/en/practices/digital-tree/",
    "/en/practices/service-design-and-e-services-in-gavle/",
]
# Pages with a query string that readers and partners' sites link to.
WITH_QUERY = [
    "/en/search/?q=Tartu",
    "/en/events/?kind=study_visit",
    "/en/events/?partner=tartu&when=past",
    "/en/events/calendar.ics?partner=tartu",
    "/en/events/feed/?partner=tartu",
    "/en/embed/events/?partner=tartu",
    "/en/api/events/?kind=thematic",
]
# What the paths without a language, or without their final slash, answer today.
REDIRECTS = {
    "/": (302, "/en/"),
    "/events/": (302, "/en/events/"),
    "/events/thematic-event-3/": (302, "/en/events/thematic-event-3/"),
    "/partners/tartu/": (302, "/en/partners/tartu/"),
    "/events/calendar.ics": (302, "/en/events/calendar.ics"),
    "/en/events/thematic-event-3": (301, "/en/events/thematic-event-3/"),
    "/en/partners/tartu": (301, "/en/partners/tartu/"),
}


def italian(path):
    return path.replace("/en/", "/it/", 1)


def in_both_languages(pairs):
    return [(name, path, "en") for name, path in pairs] + [
        (name, italian(path), "it") for name, path in pairs
    ]


@pytest.mark.parametrize(
    ("name", "path", "lang"),
    in_both_languages(NAMED) + [(name, path, "it") for name, path in UNPREFIXED],
    ids=lambda value: value[0] if isinstance(value, tuple) else None,
)
def test_named_url_reverses_to_its_path_and_answers(demo, client, name, path, lang):
    url_name, kwargs = name
    with translation.override(lang):
        assert reverse(url_name, kwargs=kwargs) == path

    response = client.get(path)

    assert response.status_code == 200, path


def test_every_demo_event_page_at_its_path(demo, client):
    for lang in ("en", "it"):
        with translation.override(lang):
            found = {e.slug: e.get_absolute_url() for e in Event.objects.published()}
        expected = {
            slug: path.replace("/en/", f"/{lang}/", 1) for slug, path in EVENT_PATHS.items()
        }
        assert found == expected
        for path in expected.values():
            assert client.get(path).status_code == 200, path


def test_every_demo_event_calendar_at_its_path(demo, client):
    for slug, page in EVENT_PATHS.items():
        for lang_page in (page, italian(page)):
            path = lang_page + "calendar.ics"
            with translation.override(lang_page[1:3]):
                assert reverse("events:event_calendar", kwargs={"slug": slug}) == path
            response = client.get(path)
            assert (response.status_code, response["Content-Type"]) == (
                200,
                "text/calendar; charset=utf-8",
            ), path


def test_every_partner_page_at_its_path(demo, client):
    for lang in ("en", "it"):
        with translation.override(lang):
            found = [o.get_absolute_url() for o in Organisation.objects.order_by("pk")]
        expected = [path.replace("/en/", f"/{lang}/", 1) for path in PARTNER_PATHS]
        assert found == expected
        for path in expected:
            assert client.get(path).status_code == 200, path


def test_every_practice_page_at_its_path(demo, client):
    for lang in ("en", "it"):
        with translation.override(lang):
            found = [p.get_absolute_url() for p in GoodPractice.objects.published().order_by("pk")]
        expected = [path.replace("/en/", f"/{lang}/", 1) for path in PRACTICE_PATHS]
        assert found == expected
        for path in expected:
            assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("path", WITH_QUERY + [italian(p) for p in WITH_QUERY])
def test_linked_queries_answer(demo, client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(("path", "answer"), REDIRECTS.items())
def test_redirects_as_today(demo, client, path, answer):
    response = client.get(path)

    assert (response.status_code, response["Location"]) == answer
