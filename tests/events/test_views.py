import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission

from events.models import Event
from tests.factories import (
    EventChangeFactory,
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartnerFactory,
    PersonFactory,
    ThemeFactory,
    WorkshopFactory,
)
from tests.html import inner, item_titles, json_ld, text

pytestmark = pytest.mark.django_db

DETAIL = "/{language}/events/thematic-event-3/"


def workshop_cell(html, order, cell):
    return text(inner(inner(html, f'<tr id="workshop-{order}"'), f'<td class="{cell}"'))


def event_titles(response):
    return item_titles(response.content.decode(), "event-item")


# Event page: times in the reader's chosen zone


def test_workshop_times_estonian_page_in_tallinn_zone(client, thematic_event_3):
    response = client.get(DETAIL.format(language="et"), {"tz": "Europe/Tallinn"})

    html = response.content.decode()
    assert workshop_cell(html, 1, "ws-time") == "11:30–13:00 EEST"
    assert workshop_cell(html, 1, "ws-date") == "16. juuni 2020"
    assert '<time datetime="2020-06-16T11:30:00+03:00">11:30</time>' in html


def test_workshop_times_swedish_page_in_stockholm_zone(client, thematic_event_3):
    response = client.get(DETAIL.format(language="sv"), {"tz": "Europe/Stockholm"})

    html = response.content.decode()
    assert workshop_cell(html, 1, "ws-time") == "10:30–12:00 CEST"
    assert '<time datetime="2020-06-16T10:30:00+02:00">10:30</time>' in html


def test_workshop_times_default_to_event_zone(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"))

    html = response.content.decode()
    assert [workshop_cell(html, n, "ws-time") for n in (1, 2, 3)] == ["10:30–12:00 CEST"] * 3


def test_workshop_times_in_utc(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"), {"tz": "UTC"})

    assert workshop_cell(response.content.decode(), 1, "ws-time") == "08:30–10:00 UTC"


def test_tz_choice_remembered_in_cookie_for_next_request(client, thematic_event_3):
    first = client.get(DETAIL.format(language="et"), {"tz": "Europe/Tallinn"})
    second = client.get(DETAIL.format(language="sv"))

    assert first.cookies["tz"].value == "Europe/Tallinn"
    assert workshop_cell(second.content.decode(), 1, "ws-time") == "11:30–13:00 EEST"


def cookie_flags(morsel):
    return {flag: morsel[flag] for flag in ("secure", "httponly", "samesite", "max-age")}


def test_tz_cookie_secure_in_production(client, thematic_event_3, settings):
    settings.SESSION_COOKIE_SECURE = True

    response = client.get(DETAIL.format(language="et"), {"tz": "Europe/Tallinn"})

    assert cookie_flags(response.cookies["tz"]) == {
        "secure": True,
        "httponly": True,
        "samesite": "Lax",
        "max-age": 365 * 24 * 3600,
    }


def test_tz_cookie_secure_over_https(client, thematic_event_3):
    response = client.get(DETAIL.format(language="et"), {"tz": "Europe/Tallinn"}, secure=True)

    assert response.cookies["tz"]["secure"] is True


def test_tz_cookie_not_secure_over_http_in_development(client, thematic_event_3):
    response = client.get(DETAIL.format(language="et"), {"tz": "Europe/Tallinn"})

    assert response.cookies["tz"]["secure"] == ""
    assert response.cookies["tz"]["httponly"] is True


def test_tz_unknown_value_shows_message_and_event_zone(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"), {"tz": "Mars/Olympus_Mons"})

    html = response.content.decode()
    assert response.status_code == 200
    assert text(inner(html, '<p class="form-error" id="tz-error"')) == (
        "“Mars/Olympus_Mons” is not a time zone we know, so times are shown in the event’s "
        "time zone, Europe/Rome."
    )
    assert workshop_cell(html, 1, "ws-time") == "10:30–12:00 CEST"
    assert "tz" not in response.cookies


def test_tz_unknown_value_message_in_swedish(client, thematic_event_3):
    response = client.get(DETAIL.format(language="sv"), {"tz": "Europe/Atlantis"})

    assert text(inner(response.content.decode(), '<p class="form-error" id="tz-error"')) == (
        "”Europe/Atlantis” är ingen tidszon vi känner till, så tiderna visas i evenemangets "
        "tidszon, Europe/Rome."
    )


def test_tz_form_label_in_estonian(client, thematic_event_3):
    html = client.get(DETAIL.format(language="et")).content.decode()

    assert text(inner(html, '<form method="get" class="tz-form"')).startswith(
        "Näita aegu ajavööndis Ürituse ajavöönd: Europe/Rome"
    )


def test_tz_options_event_zone_partner_zones_and_utc(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"))

    options = inner(response.content.decode(), '<select id="tz-select"')
    values = [part.split('"')[0] for part in options.split('value="')[1:]]
    assert values == [
        "Europe/Rome",
        "Europe/Budapest",
        "Europe/London",
        "Europe/Stockholm",
        "Europe/Tallinn",
        "UTC",
    ]


def test_tz_huge_value_never_a_server_error(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"), {"tz": "x" * 10_000})

    assert response.status_code == 200
    assert "is not a time zone we know" in response.content.decode()


def test_event_page_offers_local_zone_by_static_script(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"))

    html = response.content.decode()
    assert '<script src="/static/js/local-timezone.js" defer></script>' in html
    assert html.count("<script") == 2  # the static file and the JSON-LD data block


# Event page: content


def test_event_page_experts_shown_with_partner_label(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"))

    html = response.content.decode()
    experts = [workshop_cell(html, n, "ws-experts") for n in (1, 2, 3)]
    assert experts == [
        "Lauri Sock (P4 Tartu)",
        "Henrik Mazzanti (P3 Gävle)",
        "Dr Steve Harding (P2 Birmingham)",
    ]


def test_event_page_change_history_sentence(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"))

    changes = text(inner(response.content.decode(), '<section class="changes"'))
    assert changes == (
        "Changes Originally planned for March 2020 in Birmingham. Moved online because of COVID-19"
    )


def test_event_page_status_format_and_platform(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"))

    html = response.content.decode()
    assert text(inner(html, '<p class="status')) == "Moved online"
    facts = text(inner(html, '<dl class="facts"'))
    assert facts == (
        "When 16 June 2020 – 18 June 2020, 10:30–12:00 CEST Format Online Online platform Webex "
        "Host P2 Birmingham Participants P1 Genoa P3 Gävle P4 Tartu P5 Nyíregyháza"
    )


def test_event_page_titles_in_estonian_and_swedish(client, thematic_event_3, better_identity):
    et = client.get(DETAIL.format(language="et")).content.decode()
    sv = client.get(DETAIL.format(language="sv")).content.decode()

    assert text(inner(et, "<h1")) == "BETTER projektis toimus virtuaalne temaatiline üritus"
    assert text(inner(sv, "<h1")) == "BETTER höll ett virtuellt tematiskt evenemang"
    assert workshop_cell(sv, 1, "ws-title") == "Workshop 1: Bygga samarbete för datainsamling"
    assert text(inner(et, "<title")) == (
        "BETTER projektis toimus virtuaalne temaatiline üritus · BETTER"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Thematic event #3"),
        ("hu", "3. tematikus rendezvény"),
        ("it", "Evento tematico n. 3"),
    ],
)
def test_event_page_numbered_kind_label_per_language(client, thematic_event_3, language, expected):
    html = client.get(DETAIL.format(language=language)).content.decode()

    assert text(inner(html, '<p class="event-kind"')) == expected


def test_event_page_fallback_marked_when_estonian_empty(client, thematic_event_3):
    response = client.get(DETAIL.format(language="et"))

    lead = inner(response.content.decode(), '<div class="lead"')
    assert '<div lang="en"><p>Three online workshops on data in public services.</p></div>' in lead
    assert '<p class="fallback-hint">' in lead


def test_event_page_fallback_not_marked_when_estonian_filled(client, thematic_event_3):
    thematic_event_3.summary_et = "Kolm veebiseminari andmetest."
    thematic_event_3.save()

    response = client.get(DETAIL.format(language="et"))

    lead = inner(response.content.decode(), '<div class="lead"')
    assert lead == "<p>Kolm veebiseminari andmetest.</p>"


def test_event_page_practices_examined_only_published(client, thematic_event_3):
    draft = GoodPracticeFactory(title_en="Draft practice", status="draft")
    thematic_event_3.practices.add(draft)

    response = client.get(DETAIL.format(language="en"))

    assert item_titles(response.content.decode(), "practice-item") == ["City data platform"]


def test_event_page_materials_listed_with_language(client, thematic_event_3):
    workshop = thematic_event_3.workshops.get(order=1)
    workshop.materials.create(
        title_en="Slides", url="https://example.org/slides.pdf", language="et"
    )

    response = client.get(DETAIL.format(language="en"))

    materials = inner(response.content.decode(), '<ul class="materials"')
    assert text(materials) == "Slides (Estonian)"
    assert 'href="https://example.org/slides.pdf" hreflang="et"' in materials


def test_date_only_event_shows_dates_only(client):
    EventFactory(
        slug="study-visit-genoa",
        kind=Event.Kind.STUDY_VISIT,
        start_date=dt.date(2021, 7, 17),
        end_date=dt.date(2021, 7, 17),
    )

    response = client.get("/en/events/study-visit-genoa/")

    html = response.content.decode()
    assert text(inner(html, '<dd class="event-when"')) == "17 July 2021"
    assert '<time datetime="2021-07-17">17 July 2021</time>' in html
    assert 'id="tz-select"' not in html


# Visibility


def test_unpublished_event_detail_not_found(client):
    EventFactory(slug="secret", is_published=False)

    response = client.get("/en/events/secret/")

    assert response.status_code == 404


def test_unpublished_event_previewed_by_coordinator_with_banner(coordinator_client):
    EventFactory(slug="secret", title_en="Secret event", is_published=False)

    response = coordinator_client.get("/en/events/secret/")

    html = response.content.decode()
    assert text(inner(html, '<p class="preview-banner"')) == "Preview: not published"
    assert text(inner(html, "<h1")) == "Secret event"


def test_unpublished_event_not_previewed_by_staff_without_permission(client, django_user_model):
    EventFactory(slug="secret", is_published=False)
    user = django_user_model.objects.create_user("staff", password="a-long-pass", is_staff=True)
    client.force_login(user)

    assert client.get("/en/events/secret/").status_code == 404

    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    assert client.get("/en/events/secret/").status_code == 200


def test_published_event_has_no_preview_banner(coordinator_client, thematic_event_3):
    response = coordinator_client.get(DETAIL.format(language="en"))

    assert "preview-banner" not in response.content.decode()


# Structured data


def test_event_json_ld_describes_event_and_workshops(client, thematic_event_3):
    response = client.get(DETAIL.format(language="en"))

    (data,) = json_ld(response.content.decode())
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["previousStartDate"] == ["2020-03"]  # only the month is known
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "http://testserver/en/events/thematic-event-3/",
        "name": "Webex",
    }
    assert data["inLanguage"] == "en"
    assert data["organizer"]["name"] == "Municipality of Birmingham"
    assert data["startDate"] == "2020-06-16T10:30:00+02:00"
    assert [w["startDate"] for w in data["subEvent"]] == [
        "2020-06-16T10:30:00+02:00",
        "2020-06-17T10:30:00+02:00",
        "2020-06-18T10:30:00+02:00",
    ]
    assert data["subEvent"][0]["performer"] == [{"@type": "Person", "name": "Lauri Sock"}]


def test_event_json_ld_in_person_place_and_cancelled(client):
    EventFactory(
        slug="gothenburg",
        city_en="Gothenburg",
        country="SE",
        venue_en="Svenska Mässan",
        status=Event.Status.CANCELLED,
    )

    (data,) = json_ld(client.get("/en/events/gothenburg/").content.decode())

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"] == {
        "@type": "Place",
        "name": "Svenska Mässan",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Gothenburg",
            "addressCountry": "SE",
        },
    }


def test_event_json_ld_workshops_carry_location_status_and_attendance(client, thematic_event_3):
    (data,) = json_ld(client.get(DETAIL.format(language="en")).content.decode())

    assert [
        (w["location"], w["eventStatus"], w["eventAttendanceMode"]) for w in data["subEvent"]
    ] == [(data["location"], data["eventStatus"], data["eventAttendanceMode"])] * 3


def test_event_json_ld_in_language_of_the_text_shown(client):
    EventFactory(slug="visit", title_en="Visit", title_sv="Besök")

    (swedish,) = json_ld(client.get("/sv/events/visit/").content.decode())
    (estonian,) = json_ld(client.get("/et/events/visit/").content.decode())

    assert (swedish["inLanguage"], estonian["inLanguage"]) == ("sv", "en")


def test_event_json_ld_study_visit_at_the_hosts_city(client):
    host = PartnerFactory(city="Tartu", country="EE")
    EventFactory(slug="visit", kind=Event.Kind.STUDY_VISIT, host=host, city_en="", venue_en="")

    (data,) = json_ld(client.get("/en/events/visit/").content.decode())

    assert data["location"] == {
        "@type": "Place",
        "name": "Tartu",
        "address": {"@type": "PostalAddress", "addressLocality": "Tartu", "addressCountry": "EE"},
    }


def test_event_json_ld_postponed_event_with_new_date_rescheduled(client):
    event = EventFactory(slug="moved", status=Event.Status.POSTPONED)
    EventChangeFactory(event=event, previous_start_date=dt.date(2020, 3, 10))

    (data,) = json_ld(client.get("/en/events/moved/").content.decode())

    assert (data["eventStatus"], data["previousStartDate"]) == (
        "https://schema.org/EventRescheduled",
        ["2020-03-10"],
    )


def test_event_json_ld_title_cannot_close_script(client):
    title = "</script><script>alert(1)</script>"
    EventFactory(slug="xss", title_en=title)

    html = client.get("/en/events/xss/").content.decode()

    (data,) = json_ld(html)
    assert data["name"] == title
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == 2  # the JSON-LD block and the static script


def test_event_page_open_graph(client, thematic_event_3):
    html = client.get(DETAIL.format(language="sv")).content.decode()

    assert (
        '<meta property="og:title" content="BETTER höll ett virtuellt tematiskt evenemang">' in html
    )
    assert '<meta property="og:locale" content="sv_SE">' in html
    assert (
        '<meta property="og:url" content="http://testserver/sv/events/thematic-event-3/">' in html
    )


# Query counts


def _event_with(workshops, experts, practices, slug):
    event = EventFactory(slug=slug)
    for n in range(workshops):
        workshop = WorkshopFactory(event=event, order=n + 1)
        workshop.experts.set(PersonFactory.create_batch(experts))
        workshop.materials.create(title_en="Slides", url="https://example.org/s.pdf")
    event.practices.set(GoodPracticeFactory.create_batch(practices))
    for _ in range(practices):
        ParticipationFactory(event=event)
        EventChangeFactory(event=event)
    event.themes.set(ThemeFactory.create_batch(practices))
    return event


def test_event_detail_query_count_constant(client, django_assert_num_queries):
    _event_with(1, 1, 1, "small")
    _event_with(4, 3, 5, "large")

    # The gallery (approved and cleared photos) is one query.
    with django_assert_num_queries(12):  # with the project's partner numbers (labels), read once
        client.get("/en/events/small/")
    with django_assert_num_queries(11):  # the same, less the site identity: cached by the first
        client.get("/en/events/large/")


def test_event_list_query_count_constant(client, django_assert_num_queries):
    EventFactory()
    with django_assert_num_queries(7):  # with the project's partner numbers (labels), read once
        client.get("/en/events/")

    for _ in range(15):
        EventFactory().themes.set(ThemeFactory.create_batch(2))
    with django_assert_num_queries(7):  # with the project's partner numbers (labels), read once
        client.get("/en/events/")


# Events list and its filters


@pytest.fixture
def events_to_filter(consortium):
    theme = ThemeFactory(slug="data", name_en="Data")
    tartu, gavle = consortium["Tartu"], consortium["Gävle"]
    old = EventFactory(
        title_en="Old study visit",
        kind=Event.Kind.STUDY_VISIT,
        host=tartu,
        start_date=dt.date(2019, 5, 1),
        end_date=dt.date(2019, 5, 2),
        status=Event.Status.CONFIRMED,
    )
    online = EventFactory(
        title_en="Online thematic event",
        kind=Event.Kind.THEMATIC,
        host=gavle,
        format=Event.Format.ONLINE,
        online_platform="Webex",
        status=Event.Status.MOVED_ONLINE,
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 18),
    )
    online.themes.add(theme)
    ParticipationFactory(event=online, organisation=tartu)
    future = EventFactory(
        title_en="Future local event",
        kind=Event.Kind.LOCAL,
        host=gavle,
        start_date=dt.date(2099, 1, 10),
        end_date=dt.date(2099, 1, 10),
        status=Event.Status.POSTPONED,
    )
    EventFactory(title_en="Hidden draft", host=tartu, is_published=False, kind=Event.Kind.LOCAL)
    return old, online, future


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({}, ["Future local event", "Online thematic event", "Old study visit"]),
        ({"kind": "study_visit"}, ["Old study visit"]),
        ({"partner": "municipality-4"}, ["Online thematic event", "Old study visit"]),
        ({"partner": "municipality-3"}, ["Future local event", "Online thematic event"]),
        ({"theme": "data"}, ["Online thematic event"]),
        ({"year": "2019"}, ["Old study visit"]),
        ({"format": "online"}, ["Online thematic event"]),
        ({"status": "postponed"}, ["Future local event"]),
        ({"when": "upcoming"}, ["Future local event"]),
        ({"when": "past"}, ["Online thematic event", "Old study visit"]),
        ({"kind": "local", "partner": "municipality-4"}, []),
    ],
)
def test_event_list_filter_narrows(client, events_to_filter, query, titles):
    response = client.get("/en/events/", query)

    assert event_titles(response) == titles


def test_event_list_unpublished_absent_from_list_and_count(client, events_to_filter):
    response = client.get("/en/events/", {"kind": "local"})

    html = response.content.decode()
    assert event_titles(response) == ["Future local event"]
    assert text(inner(html, '<p class="result-count"')) == "1 event"


def test_event_list_unknown_kind_message_keeps_other_choices(client, events_to_filter):
    response = client.get("/en/events/", {"kind": "party", "format": "online"})

    html = response.content.decode()
    assert response.status_code == 200
    assert text(inner(html, '<p class="field-error" id="id_kind_error"')) == (
        "Select a valid choice. party is not one of the available choices."
    )
    assert '<option value="online" selected>' in html
    assert event_titles(response) == ["Online thematic event"]


def test_event_list_year_not_a_number_message(client, events_to_filter):
    response = client.get("/en/events/", {"year": "abc", "kind": "study_visit"})

    html = response.content.decode()
    assert text(inner(html, '<p class="field-error" id="id_year_error"')) == "Enter a whole number."
    assert event_titles(response) == ["Old study visit"]


def test_event_list_unknown_partner_message(client, events_to_filter):
    response = client.get("/en/events/", {"partner": "nobody"})

    html = response.content.decode()
    assert text(inner(html, '<p class="field-error" id="id_partner_error"')) == (
        "Select a valid choice. That choice is not one of the available choices."
    )


def test_event_list_partner_choices_are_the_projects_partners(client):
    PartnerFactory(name_en="Tartu City Government", slug="tartu", partner_number=4)
    PartnerFactory(name_en="Municipality of Genoa", slug="genoa", partner_number=1)
    OrganisationFactory(name_en="A stakeholder", slug="stakeholder")

    response = client.get("/en/events/")

    select = inner(response.content.decode(), '<select name="partner"')
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert options == [
        ("", "Any partner"),
        ("genoa", "Municipality of Genoa"),
        ("tartu", "Tartu City Government"),
    ]


def test_event_list_page_out_of_range_not_found(client, events_to_filter):
    assert client.get("/en/events/", {"page": "999"}).status_code == 404
    assert client.get("/en/events/", {"page": "abc"}).status_code == 404


def test_event_list_pagination_keeps_filters(client):
    for n in range(25):
        EventFactory(title_en=f"Event {n:02}", kind=Event.Kind.LOCAL)

    response = client.get("/en/events/", {"kind": "local"})

    html = response.content.decode()
    assert len(event_titles(response)) == 20
    assert '<a href="?kind=local&amp;page=2" rel="next">' in html
    assert len(event_titles(client.get("/en/events/", {"kind": "local", "page": 2}))) == 5


def test_event_list_titles_in_two_languages(client):
    EventFactory(title_en="Study visit to Genoa", title_it="Visita di studio a Genova")

    it = client.get("/it/events/")
    hu = client.get("/hu/events/")

    assert event_titles(it) == ["Visita di studio a Genova"]
    assert event_titles(hu) == ["Study visit to Genoa (angolul)"]
    assert '<span lang="en">Study visit to Genoa</span>' in hu.content.decode()


def test_event_list_shows_partner_without_events_as_choice(client):
    PartnerFactory(name_en="Municipality of Tartu", slug="tartu")

    html = client.get("/en/events/").content.decode()

    assert '<option value="tartu">Municipality of Tartu</option>' in html
