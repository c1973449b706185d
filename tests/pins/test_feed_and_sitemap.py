"""Pins for issue 20: the Atom feed's ids and links, and the sitemap's URL list, on the demo.

Feed readers recognise an entry by its <id>: today it is the event page's absolute URL, in the
feed's language and on the request's host (Django's default, the entry's link); a changed id
shows every entry as new to every subscriber. The sitemap lists every public page in every
language; search engines drop what it stops listing. The times (<updated>, <published>,
<lastmod>) are the rows' save times, set when load_demo ran: they are not compared.

The sitemap's order is by primary key within each section, which follows load_demo's order
whatever the numbers are.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
DATA = Path(__file__).parent / "data"

ORDER = [
    "study-visit-gavle-2021-10",
    "study-visit-nyiregyhaza-2021-09",
    "study-visit-genoa-2021-07",
    "next-generation-of-public-services-2021",
    "thematic-event-3",
    "offentliga-rummet-2018",
]
LANGUAGES = ["en", "it", "et", "hu", "sv", "el"]


def feed(client, path):
    response = client.get(path)
    assert (response.status_code, response["Content-Type"]) == (
        200,
        "application/atom+xml; charset=utf-8",
    )
    root = ET.fromstring(response.content)
    links = [(link.get("rel"), link.get("href")) for link in root.findall(f"{ATOM}link")]
    entries = [
        (
            entry.find(f"{ATOM}id").text,
            [(link.get("rel"), link.get("href")) for link in entry.findall(f"{ATOM}link")],
        )
        for entry in root.findall(f"{ATOM}entry")
    ]
    return (
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        root.find(f"{ATOM}id").text,
        links,
        entries,
    )


def entry(lang, slug):
    page = f"http://testserver/{lang}/events/{slug}/"
    return (page, [("alternate", page)])


@pytest.mark.parametrize("lang", ["en", "it"])
def test_feed_ids_and_links(demo, client, lang):
    assert feed(client, f"/{lang}/events/feed/") == (
        lang,
        f"http://testserver/{lang}/events/",
        [
            ("alternate", f"http://testserver/{lang}/events/"),
            ("self", f"http://testserver/{lang}/events/feed/"),
        ],
        [entry(lang, slug) for slug in ORDER],
    )


def test_feed_of_a_partner(demo, client):
    assert feed(client, "/it/events/feed/?partner=tartu") == (
        "it",
        "http://testserver/it/events/?partner=tartu",
        [
            ("alternate", "http://testserver/it/events/?partner=tartu"),
            ("self", "http://testserver/it/events/feed/?partner=tartu"),
        ],
        [entry("it", "study-visit-gavle-2021-10"), entry("it", "thematic-event-3")],
    )


def test_feed_entry_ids_literal(demo, client):
    """The same, spelt out once without the helper, for the reader of this file."""
    ids = [e[0] for e in feed(client, "/en/events/feed/")[3]]

    assert ids == [
        "http://testserver/en/events/study-visit-gavle-2021-10/",
        "http://testserver/en/events/study-visit-nyiregyhaza-2021-09/",
        "http://testserver/en/events/study-visit-genoa-2021-07/",
        "http://testserver/en/events/next-generation-of-public-services-2021/",
        "http://testserver/en/events/thematic-event-3/",
        "http://testserver/en/events/offentliga-rummet-2018/",
    ]


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert (response.status_code, response["Content-Type"]) == (200, "application/xml")
    root = ET.fromstring(response.content)
    return [
        (
            url.find("s:loc", SITEMAP).text,
            [(a.get("hreflang"), a.get("href")) for a in url.findall("x:link", SITEMAP)],
        )
        for url in root.findall("s:url", SITEMAP)
    ]


def test_sitemap_url_list(demo, client):
    pinned = (DATA / "sitemap_urls.txt").read_text(encoding="utf-8").splitlines()

    assert [loc for loc, _ in sitemap(client)] == pinned


def test_sitemap_alternates(demo, client):
    """Each URL names its page in every language, and the English one as x-default."""
    for loc, alternates in sitemap(client):
        lang = loc.split("/")[3]
        in_each = [(code, loc.replace(f"/{lang}/", f"/{code}/", 1)) for code in LANGUAGES]
        assert alternates == in_each + [("x-default", loc.replace(f"/{lang}/", "/en/", 1))]
