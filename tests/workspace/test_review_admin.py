"""The coordinators' review screen in the admin: everything the partner entered, and what a
decision did."""

import re
from html import unescape

import pytest
from django.urls import reverse

from events.models import Event
from tests.factories import EventFactory

from .conftest import add_photo, draft_visit

pytestmark = pytest.mark.django_db


def review_url(event):
    return reverse("admin:workspace_submittedevent_change", args=[event.pk])


def readonly_values(response):
    """(label, text) of each read-only field of the admin form, tags stripped."""
    html = response.content.decode()
    rows = re.findall(r"<label>(.*?):</label>\s*<div class=\"readonly\">(.*?)</div>", html, re.S)
    return {
        unescape(label): unescape(re.sub(r"<[^>]+>", "", value)).strip() for label, value in rows
    }


def seen_version(response):
    return re.search(r'name="seen_version" value="(\d+)"', response.content.decode())[1]


def test_review_shows_the_partners_own_language_and_the_time_zone(coordinator_client, partner_a):
    visit = draft_visit(
        partner_a,
        "Study visit to Tartu",
        title_et="Õppevisiit Tartusse",
        summary_et="Tartu näitas oma e-teenuseid.",
        review_status="submitted",
        timezone="Europe/Tallinn",
    )

    values = readonly_values(coordinator_client.get(review_url(visit)))

    assert (values["Title [en]"], values["Title [et]"], values["Summary [et]"]) == (
        "Study visit to Tartu",
        "Õppevisiit Tartusse",
        "Tartu näitas oma e-teenuseid.",
    )
    assert "Title [sv]" not in values
    assert values["Time zone"] == "Europe/Tallinn"


def test_review_shows_photos_as_thumbnails(coordinator_client, partner_a):
    visit = draft_visit(partner_a, "Study visit to Tartu", review_status="submitted")
    photo = add_photo(visit, caption="The town hall")

    html = coordinator_client.get(review_url(visit)).content.decode()

    # The smallest rendition, linking to the original.
    assert re.findall(r'<a href="([^"]+)"><img src="([^"]+)" alt="([^"]*)"', html) == [
        (photo.image.url, photo.image.url_320, "The town hall")
    ]
    assert f">{photo.image.name}<" not in html


def test_approving_says_so_and_numbers_the_visit(coordinator_client, partner_a):
    EventFactory(kind=Event.Kind.STUDY_VISIT, number=4)
    visit = draft_visit(partner_a, "Study visit to Tartu", review_status="submitted")
    url = review_url(visit)

    response = coordinator_client.post(
        url,
        {
            "seen_version": seen_version(coordinator_client.get(url)),
            "review_comment": "",
            "decision": "approve",
        },
        follow=True,
    )

    assert re.findall(r'<li class="success">(.*?)</li>', response.content.decode()) == [
        "“Study visit #5: Study visit to Tartu” is approved and published: "
        "it is on the public site now."
    ]
    visit.refresh_from_db()
    assert (visit.is_published, visit.number) == (True, 5)


def test_unknown_review_item_is_still_djangos_not_found(coordinator_client):
    response = coordinator_client.get(
        reverse("admin:workspace_submittedevent_change", args=["abc"]), follow=True
    )

    assert response.redirect_chain == [(reverse("admin:index"), 302)]


def test_approval_from_the_form_after_another_returned_it_is_refused_not_an_error(
    coordinator_client, partner_a
):
    visit = draft_visit(partner_a, "Study visit to Tartu", review_status="submitted")
    url = review_url(visit)
    seen = seen_version(coordinator_client.get(url))
    # Another coordinator returns it meanwhile, from the same form.
    coordinator_client.post(
        url, {"seen_version": seen, "review_comment": "Add the programme.", "decision": "return"}
    )

    response = coordinator_client.post(
        url, {"seen_version": seen, "review_comment": "", "decision": "approve"}, follow=True
    )

    assert response.redirect_chain == [(reverse("admin:workspace_submittedevent_changelist"), 302)]
    assert [str(m) for m in response.context["messages"]][-1] == (
        "“Study visit to Tartu” is no longer waiting for review: it is now “Returned for changes”."
    )
    assert Event.objects.values_list("is_published", "review_status", "number").get(
        pk=visit.pk
    ) == (False, "returned", None)
