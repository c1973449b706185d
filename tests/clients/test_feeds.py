"""Every Atom feed of the portal (the events feed, in each language, whole and narrowed by each
kind of filter), read by feedparser, an independent client: well-formed (bozo 0), the entries
the database holds, their publication dates, and xml:lang on the English fallback."""

import datetime as dt

import feedparser
import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from content import languages
from events.models import Event
from partners.models import Organisation

pytestmark = pytest.mark.django_db


def feed_variants(demo):
    """(query, events the feed must hold) of each feed: whole, per partner (a consortium
    partner, and an organisation that only hosts), per kind, theme, year and time."""
    published = Event.objects.published()
    # Offentliga Rummet's co-host, not a consortium partner.
    co_host = Organisation.objects.get(slug="vastra-gotalandsregionen")
    theme = published.filter(themes__isnull=False).values_list("themes__slug", flat=True).first()
    return [
        ("", published),
        (f"partner={demo.partner.slug}", involving(published, demo.partner)),
        (f"partner={co_host.slug}", involving(published, co_host)),
        ("kind=study_visit", published.filter(kind=Event.Kind.STUDY_VISIT)),
        ("kind=outside", published.filter(kind=Event.Kind.OUTSIDE)),
        (f"theme={theme}", published.filter(themes__slug=theme)),
        ("year=2021", published.filter(start_date__year=2021)),
        ("when=past", published.filter(end_date__lt=timezone.localdate())),
        ("when=upcoming", published.filter(end_date__gte=timezone.localdate())),
    ]


def involving(events, organisation):
    return events.filter(Q(host=organisation) | Q(participations__organisation=organisation))


def test_every_feed_in_every_language_reads_as_the_database_holds(client, demo):
    seen = {}
    for lang in languages.codes():
        for query, events in feed_variants(demo):
            with translation.override(lang):
                url = reverse("events:feed") + (f"?{query}" if query else "")
                expected = {
                    str(event): (
                        (event.published_at or event.created).replace(microsecond=0),
                        "en" if not getattr(event, f"title_{lang}") else lang,
                    )
                    for event in events.distinct()
                }
            response = client.get(url)
            feed = feedparser.parse(response.content)

            assert (url, response.status_code, feed.bozo) == (url, 200, 0)
            assert feed.feed.language == lang
            got = {
                entry.title: (
                    dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC),
                    entry.title_detail.language,
                )
                for entry in feed.entries
            }
            assert (url, got) == (url, expected)
            seen[url] = len(got)

    assert len(seen) == 6 * len(feed_variants(demo))
    assert all(seen.values())  # no variant is empty: each shows entries to compare


def test_feed_publication_dates_are_the_news_dates_not_the_saves(client, demo):
    """Offentliga Rummet was published on 7 December 2017 (the seed's news item)."""
    feed = feedparser.parse(client.get(reverse("events:feed") + "?kind=outside").content)

    published = {entry.title: entry.published[:10] for entry in feed.entries}

    assert published["Offentliga Rummet 2018"] == "2017-12-07"
