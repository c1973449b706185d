"""Every calendar the portal serves or sends, in every language, read by Mozilla's ical.js (the
parser of Thunderbird) and by icalendar: no errors in either, and the events (UID, SUMMARY and
its LANGUAGE) ical.js sees are those the database holds.

Served: the whole calendar, filtered by kind, partner (a consortium partner and a co-host that
is not one) and time, and each event's own. Sent: the ICS attached to the registration mails
(confirmed, changed, cancelled)."""

import datetime as dt

import icalendar
import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from content import languages
from content.models import Mail
from events.calendars import CALENDAR_LENGTH, event_uid, workshop_uid
from events.models import Event, EventChange
from partners.models import Organisation
from registrations import notices, services
from registrations.models import Registration

from .tools import ical_read

pytestmark = pytest.mark.django_db


def in_language(item, name, lang):
    """(the text a client shows, the language it is in): English when the reader's is missing."""
    text, actual = getattr(item, f"{name}_{lang}"), lang
    if not text:
        text, actual = getattr(item, f"{name}_en"), "en"
    return " ".join(text.split()), actual


def expected_events(events, lang):
    """{(UID, SUMMARY, LANGUAGE)} of the events and their workshops."""
    found = set()
    for event in events:
        found.add((event_uid(event), *in_language(event, "title", lang)))
        for workshop in event.workshops.all():
            found.add((workshop_uid(workshop), *in_language(workshop, "title", lang)))
    return found


def served_calendars(demo):
    """(url, the events it must hold) of every calendar URL, in every language."""
    published = Event.objects.published()
    co_host = Organisation.objects.get(slug="vastra-gotalandsregionen")

    def involving(organisation):
        return published.filter(
            Q(host=organisation) | Q(participations__organisation=organisation)
        ).distinct()

    variants = [
        ("", published),
        ("kind=study_visit", published.filter(kind=Event.Kind.STUDY_VISIT)),
        ("kind=outside", published.filter(kind=Event.Kind.OUTSIDE)),
        (f"partner={demo.partner.slug}", involving(demo.partner)),
        (f"partner={co_host.slug}", involving(co_host)),
        ("when=upcoming", published.filter(end_date__gte=timezone.localdate())),
    ]
    calendars = []
    for lang in languages.codes():
        with translation.override(lang):
            for query, events in variants:
                url = reverse("events:calendar") + (f"?{query}" if query else "")
                calendars.append((lang, url, events[:CALENDAR_LENGTH]))
            for event in published:
                url = reverse("events:event_calendar", kwargs={"slug": event.slug})
                calendars.append((lang, url, [event]))
    return calendars


def test_every_served_calendar_in_every_language_reads_as_the_database_holds(
    client, demo, tmp_path
):
    cases, files = {}, []
    for index, (lang, url, events) in enumerate(served_calendars(demo)):
        response = client.get(url)
        assert (url, response.status_code) == (url, 200)
        icalendar.Calendar.from_ical(response.content)  # raises on what it cannot read
        path = tmp_path / f"{index:03d}.ics"
        path.write_bytes(response.content)
        files.append(path)
        cases[path.name] = (url, expected_events(events, lang))

    read = ical_read(files)

    assert {cases[name][0]: r["errors"] for name, r in read.items() if r["errors"]} == {}
    seen = {
        cases[name][0]: {(e["uid"], e["summary"], e["language"]) for e in r["events"]}
        for name, r in read.items()
    }
    assert seen == {url: expected for url, expected in cases.values()}
    assert len(read) == 6 * (6 + Event.objects.published().count())
    assert all(seen.values())  # every calendar holds events to compare


def registration_in(event, lang):
    registration = Registration(
        event=event,
        name=f"Reader {lang}",
        email=f"reader-{lang}@example.org",
        privacy_consent=True,
        language=lang,
    )
    return services.confirm(services.start(registration))


def attached_calendars(since):
    """(template, language, ICS text) of each calendar attached to a mail written after `since`."""
    return [
        (mail.template, mail.language, attachment["content"])
        for mail in Mail.objects.filter(pk__gt=since).order_by("pk")
        for attachment in mail.attachments
        if attachment["mimetype"] == "text/calendar"
    ]


def test_every_mailed_calendar_in_every_language_reads_as_sent(demo, tmp_path):
    event = demo.upcoming
    since = Mail.objects.order_by("-pk").values_list("pk", flat=True).first()
    for lang in languages.codes():
        registration_in(event, lang)
    moved = EventChange.objects.create(
        event=event,
        recorded_at=timezone.now(),
        previous_start_date=event.start_date,
        reason_en="The town hall is being repaired.",
    )
    event.start_date = event.end_date = event.start_date + dt.timedelta(days=7)
    event.save()
    notices.notify_change(moved.pk)
    event.status = Event.Status.CANCELLED
    event.save()
    cancelled = EventChange.objects.create(
        event=event, recorded_at=timezone.now(), reason_en="Cancelled: the hall is closed."
    )
    notices.notify_change(cancelled.pk)
    sent = attached_calendars(since)
    files = []
    for index, (_template, _lang, text) in enumerate(sent):
        icalendar.Calendar.from_ical(text)
        path = tmp_path / f"{index:03d}.ics"
        path.write_text(text, encoding="utf-8")
        files.append(path)

    read = list(ical_read(files).values())

    assert [r["errors"] for r in read if r["errors"]] == []
    everyone = sorted(languages.codes()) + [demo.registration.language]
    assert sorted(lang for template, lang, _ in sent if template == "registration_confirmed") == (
        sorted(languages.codes())
    )
    # Each mail's calendar holds the event and its workshop, in the registrant's language.
    assert [{(e["uid"], e["summary"], e["language"]) for e in r["events"]} for r in read] == [
        expected_events([event], lang) for _template, lang, _ in sent
    ]
    methods = [(template, r["method"]) for (template, _, _), r in zip(sent, read, strict=True)]
    assert sorted(set(methods)) == [
        ("registration_changed", "CANCEL"),
        ("registration_changed", "REQUEST"),
        ("registration_confirmed", "REQUEST"),
    ]
    assert len([m for m in methods if m[0] == "registration_changed"]) == 2 * len(everyone)
    # The cancellation raises SEQUENCE above every earlier mail's, with STATUS:CANCELLED.
    sequences = [max(e["sequence"] for e in r["events"]) for r in read]
    last = [(r["method"], {e["status"] for e in r["events"]}) for r in read[-len(everyone) :]]
    assert last == [("CANCEL", {"CANCELLED"})] * len(everyone)
    assert min(sequences[-len(everyone) :]) > max(sequences[: -len(everyone)])
