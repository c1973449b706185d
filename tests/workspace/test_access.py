"""The permission matrix: partner A's staff against partner B's items, by every URL."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from events.models import EventPhoto
from tests.factories import EventFactory, GoodPracticeFactory, ParticipationFactory

from .conftest import add_photo
from .helpers import practice_data, visit_data, workspace_links

pytestmark = pytest.mark.django_db

B_DRAFT_TITLES = [
    "Gävle secret draft visit",
    "Gävle secret submitted visit",
    "Gävle secret returned visit",
    "Gävle secret draft practice",
    "Gävle secret returned practice",
    "Gävle only",
    "Gävle secret caption",
    "gavle-secret",
]


def photo_urls(photo):
    """Every workspace URL about one photo, with the method that uses it."""
    caption = reverse("workspace:photo-update", args=[photo.event_id, photo.pk])
    delete = reverse("workspace:photo-delete", args=[photo.event_id, photo.pk])
    return [("get", caption), ("post", caption), ("get", delete), ("post", delete)]


def urls_of(items, photos=()):
    """Every workspace URL about these items and photos, with the method that uses it."""
    urls = [url for photo in photos for url in photo_urls(photo)]
    for key in ("draft_event", "submitted_event", "returned_event"):
        if key in items:
            pk = items[key].pk
            urls += [
                ("get", reverse("workspace:event-detail", args=[pk])),
                ("get", reverse("workspace:event-update", args=[pk])),
                ("post", reverse("workspace:event-update", args=[pk])),
                ("post", reverse("workspace:event-submit", args=[pk])),
            ]
    for key in ("draft_practice", "returned_practice"):
        if key in items:
            pk = items[key].pk
            urls += [
                ("get", reverse("workspace:practice-detail", args=[pk])),
                ("get", reverse("workspace:practice-update", args=[pk])),
                ("post", reverse("workspace:practice-update", args=[pk])),
                ("post", reverse("workspace:practice-submit", args=[pk])),
            ]
    return urls


def test_other_partners_items_are_404_by_every_url(client, staff_a, partner_a, b_items, b_photos):
    client.force_login(staff_a)

    statuses = {
        (method, url): getattr(client, method)(url, visit_data(partner_a)).status_code
        for method, url in urls_of(b_items, b_photos.values())
    }

    assert set(statuses.values()) == {404}
    assert len(statuses) == 32


def test_other_partners_items_are_unchanged_after_the_attempts(
    client, staff_a, partner_a, b_items, b_photos
):
    client.force_login(staff_a)

    for method, url in urls_of(b_items, b_photos.values()):
        getattr(client, method)(url, {**visit_data(partner_a), **practice_data(), "caption": "A"})

    for item in b_items.values():
        stored = type(item).objects.get(pk=item.pk)
        assert (stored.title, stored.version, stored.history.count()) == (item.title, 1, 1)
    stored_photos = EventPhoto.objects.order_by("pk")
    assert [(p.pk, p.caption) for p in stored_photos] == [
        (p.pk, "Gävle secret caption") for p in b_photos.values()
    ]
    assert all(p.image.storage.exists(p.image.name) for p in stored_photos)


def test_other_partners_photo_is_404_under_own_visit(client, staff_a, a_items, b_photos):
    """The visit in the URL is the user's own, the photo another partner's: still a 404."""
    client.force_login(staff_a)
    own_visit, photo = a_items["draft_event"], b_photos["draft_event"]
    caption = reverse("workspace:photo-update", args=[own_visit.pk, photo.pk])
    delete = reverse("workspace:photo-delete", args=[own_visit.pk, photo.pk])

    statuses = [
        client.get(caption).status_code,
        client.post(caption, {"caption": "Taken"}).status_code,
        client.get(delete).status_code,
        client.post(delete).status_code,
    ]

    assert statuses == [404, 404, 404, 404]
    photo.refresh_from_db()
    assert photo.caption == "Gävle secret caption"


@pytest.mark.parametrize("review_status", ["submitted", "approved"])
def test_own_photos_are_404_once_the_visit_is_not_editable(client, staff_a, a_items, review_status):
    visit = a_items["draft_event"]
    photo = add_photo(visit, caption="Kept")
    visit.review_status = review_status
    visit.save()
    client.force_login(staff_a)

    statuses = [getattr(client, method)(url).status_code for method, url in photo_urls(photo)]

    assert statuses == [404, 404, 404, 404]
    assert EventPhoto.objects.get().caption == "Kept"


def test_other_partners_drafts_absent_from_every_page_a_can_open(
    client, staff_a, partner_a, a_items, b_items, b_photos
):
    a_photo = add_photo(a_items["draft_event"], caption="Tartu caption")
    client.force_login(staff_a)
    pages = [
        reverse("workspace:dashboard"),
        reverse("workspace:event-create"),
        reverse("workspace:practice-create"),
        *[url for method, url in urls_of(a_items, [a_photo]) if method == "get"],
    ]

    responses = {url: client.get(url) for url in pages}

    assert {url: r.status_code for url, r in responses.items()} == dict.fromkeys(pages, 200)
    for url, response in responses.items():
        content = response.content.decode()
        leaked = [title for title in B_DRAFT_TITLES if title in content]
        assert (url, leaked) == (url, [])


def test_dashboard_lists_own_items_and_published_events_attended(
    client, staff_a, partner_a, partner_b, a_items, b_items
):
    attended = EventFactory(title_en="Thematic event in Gävle", host=partner_b, is_published=True)
    ParticipationFactory(event=attended, organisation=partner_a)
    EventFactory(title_en="Event without Tartu", host=partner_b, is_published=True)
    client.force_login(staff_a)

    response = client.get(reverse("workspace:dashboard"))

    assert sorted(workspace_links(response, "visits")) == [
        "Tartu draft visit",
        "Thematic event in Gävle",
    ]
    assert workspace_links(response, "practices") == ["Tartu draft practice"]


def test_published_event_of_another_partner_not_attended_is_404(client, staff_a, partner_b):
    event = EventFactory(title_en="Gävle only event", host=partner_b, is_published=True)
    client.force_login(staff_a)

    response = client.get(reverse("workspace:event-detail", args=[event.pk]))

    assert response.status_code == 404


def test_other_partners_draft_practice_absent_from_a_visit_examining_it(
    client, staff_a, partner_a, partner_b
):
    visit = EventFactory(
        title_en="Visit to Gävle", host=partner_b, owner=partner_b, is_published=True
    )
    ParticipationFactory(event=visit, organisation=partner_a)
    draft = GoodPracticeFactory(title_en="Gävle's secret draft", owner=partner_b, status="draft")
    published = GoodPracticeFactory(
        title_en="Open data portal", owner=partner_b, status="published"
    )
    visit.practices.set([draft, published])
    client.force_login(staff_a)

    response = client.get(reverse("workspace:event-detail", args=[visit.pk]))

    assert [p.title for p in response.context["event"].practices.all()] == ["Open data portal"]
    assert "secret draft" not in response.text


def test_other_partners_draft_practice_refused_as_examined_practice(
    client, staff_a, partner_a, b_items
):
    client.force_login(staff_a)
    data = visit_data(partner_a, practices=[b_items["draft_practice"].pk])

    response = client.post(reverse("workspace:event-create"), data)

    assert response.context["form"].errors["practices"] == [
        f"Select a valid choice. {b_items['draft_practice'].pk} is not one of the available "
        "choices."
    ]


def test_staff_cannot_publish_through_the_form(client, staff_a, partner_a):
    client.force_login(staff_a)
    data = visit_data(partner_a, is_published="on", review_status="approved", owner="999")

    client.post(reverse("workspace:event-create"), data)

    from events.models import Event

    event = Event.objects.get(title_en="Study visit to Tartu")
    assert (event.is_published, event.review_status, event.owner) == (False, "draft", partner_a)


def test_staff_cannot_log_a_visit_of_other_partners_only(client, staff_a, partner_b):
    client.force_login(staff_a)

    response = client.post(reverse("workspace:event-create"), visit_data(partner_b))

    assert response.context["form"].non_field_errors() == [
        "Your organisation must be the host or one of the participating partners."
    ]


def test_coordinator_sees_every_partners_drafts(client, group_coordinator, a_items, b_items):
    client.force_login(group_coordinator)

    response = client.get(reverse("workspace:dashboard"))

    assert sorted(workspace_links(response, "visits")) == [
        "Gävle secret draft visit",
        "Gävle secret returned visit",
        "Gävle secret submitted visit",
        "Tartu draft visit",
    ]


def test_staff_cannot_open_the_review_queue(client, staff_a, b_items):
    client.force_login(staff_a)

    response = client.get(reverse("admin:workspace_submittedevent_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "name,args",
    [
        ("workspace:dashboard", []),
        ("workspace:event-create", []),
        ("workspace:event-detail", [1]),
        ("workspace:event-update", [1]),
        ("workspace:practice-create", []),
        ("workspace:practice-detail", [1]),
        ("workspace:practice-update", [1]),
        ("workspace:photo-update", [1, 1]),
        ("workspace:photo-delete", [1, 1]),
    ],
)
def test_anonymous_is_redirected_to_login(client, name, args):
    url = reverse(name, args=args)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('workspace:login')}?next={quote(url)}"


def test_anonymous_photo_posts_are_redirected_and_change_nothing(client, b_photos):
    photo = b_photos["draft_event"]
    urls = [url for method, url in photo_urls(photo) if method == "post"]

    responses = [client.post(url, {"caption": "Anonymous"}) for url in urls]

    assert [r.url for r in responses] == [
        f"{reverse('workspace:login')}?next={quote(url)}" for url in urls
    ]
    photo.refresh_from_db()
    assert (photo.caption, photo.image.storage.exists(photo.image.name)) == (
        "Gävle secret caption",
        True,
    )


def test_login_without_partner_gets_403_on_photo_urls(client, django_user_model, b_photos):
    user = django_user_model.objects.create_user("visitor", password="a-long-test-password")
    client.force_login(user)

    statuses = [
        getattr(client, method)(url).status_code
        for method, url in photo_urls(b_photos["draft_event"])
    ]

    assert statuses == [403, 403, 403, 403]


def test_anonymous_submit_is_redirected_to_login(client, b_items):
    url = reverse("workspace:event-submit", args=[b_items["draft_event"].pk])

    response = client.post(url)

    assert response.url == f"{reverse('workspace:login')}?next={quote(url)}"


def test_login_without_partner_gets_403(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="a-long-test-password")
    client.force_login(user)

    response = client.get(reverse("workspace:dashboard"))

    assert response.status_code == 403


def test_dashboard_query_count_does_not_grow(client, staff_a, partner_a, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import draft_practice, draft_visit

    client.force_login(staff_a)
    draft_visit(partner_a, "One visit")
    draft_practice(partner_a, "One practice")
    client.get(reverse("workspace:dashboard"))  # the site identity is cached from here on
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("workspace:dashboard"))
    for n in range(5):
        draft_visit(partner_a, f"Visit {n}")
        draft_practice(partner_a, f"Practice {n}")

    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("workspace:dashboard"))


def test_workspace_in_swedish(client, staff_a):
    client.force_login(staff_a)

    response = client.get("/sv/workspace/")

    nav = re.findall(r'<nav class="workspace-nav".*?</nav>', response.content.decode(), re.S)[0]
    assert re.findall(r"<li><a [^>]*>([^<]*)</a></li>", nav) == [
        "Arbetsyta",
        "Registrera ett studiebesök",
        "Föreslå ett gott exempel",
        "Tvåfaktorsinloggning",
        "Lösennycklar",
    ]


def test_staff_use_the_workspace_only_in_their_partners_projects(client, staff_a, settings):
    from content.site import Project

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "flow.example"]
    Project.objects.create(acronym="FLOW", slug="flow", domain="flow.example")
    client.force_login(staff_a)

    theirs = client.get("/en/workspace/")
    another = client.get("/en/workspace/", HTTP_HOST="flow.example")

    assert (theirs.status_code, another.status_code) == (200, 403)
