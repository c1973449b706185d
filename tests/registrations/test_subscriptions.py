"""Subscriptions: double opt-in, one mail per new item or a weekly digest, filtered by partner,
theme and kind, in the reader's language, with a one-click unsubscribe (RFC 8058)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from registrations import subscriptions
from registrations.models import Subscription
from tests.factories import EventFactory, GoodPracticeFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def subscribe(client, lang="et", **data):
    with translation.override(lang):
        url = reverse("subscriptions:subscribe")
    return client.post(
        url, {"email": "mari@example.ee", "topic": "both", "frequency": "item", **data}
    )


def link(message, name):
    return re.search(rf"https?://\S+/{name}/\S+/", message.body).group(0)


def test_subscribe_confirm_and_get_a_new_event_in_estonian(client, committed, mailoutbox):
    with committed():
        subscribe(client)
    [confirm] = mailoutbox
    assert confirm.subject == "Palun kinnitage oma tellimus"

    path = link(confirm, "confirm").removeprefix("https://better.example")
    client.get(path)
    assert Subscription.objects.get().is_confirmed is False
    client.post(path)
    with committed():
        EventFactory(title_en="Data day", title_et="Andmepäev", slug="data-day")

    message = mailoutbox[-1]
    assert message.subject == "Uus: Andmepäev"
    assert "https://better.example/et/events/data-day/" in message.body
    unsubscribe = link(message, "unsubscribe")
    assert message.extra_headers == {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def test_one_click_unsubscribe_needs_no_csrf_token(committed, mailoutbox):
    from django.test import Client

    subscription = Subscription.objects.create(email="mari@example.ee", is_confirmed=True)
    url = subscriptions.url(subscription, "unsubscribe", subscriptions.UNSUBSCRIBE_SALT)

    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix("https://better.example"), {"List-Unsubscribe": "One-Click"}
    )

    assert (response.status_code, Subscription.objects.count()) == (200, 0)


def test_tampered_unsubscribe_link_is_refused(client):
    subscription = Subscription.objects.create(email="mari@example.ee", is_confirmed=True)
    url = subscriptions.url(subscription, "unsubscribe", subscriptions.UNSUBSCRIBE_SALT)

    response = client.post(url.removeprefix("https://better.example")[:-3] + "xx/")

    assert (response.status_code, Subscription.objects.count()) == (400, 1)


def test_filters_by_partner_theme_and_kind(committed, mailoutbox):
    tartu, gavle = PartnerFactory(), PartnerFactory()
    theme = ThemeFactory()
    Subscription.objects.create(
        email="tartu@example.ee", partner=tartu, topic="events", is_confirmed=True
    )
    Subscription.objects.create(
        email="theme@example.ee", theme=theme, topic="practices", is_confirmed=True
    )
    Subscription.objects.create(
        email="visits@example.ee", event_kind="study_visit", topic="events", is_confirmed=True
    )

    with committed():
        EventFactory(host=tartu, title_en="In Tartu", kind="thematic")
        EventFactory(host=gavle, title_en="Visit to Gävle", kind="study_visit")
        practice = GoodPracticeFactory(title_en="Open data")
        practice.themes.add(theme)
        practice.save()

    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("tartu@example.ee", "New: In Tartu"),
        ("theme@example.ee", "New: Open data"),
        ("visits@example.ee", "New: Visit to Gävle"),
    ]


def test_each_item_is_announced_once_and_digests_collect_the_week(committed, mailoutbox):
    Subscription.objects.create(email="item@example.ee", is_confirmed=True)
    Subscription.objects.create(email="week@example.ee", frequency="weekly", is_confirmed=True)

    with committed():
        event = EventFactory(title_en="Data day")
        event.save()
        EventFactory(title_en="Second day")
    with committed():
        subscriptions.send_digests()
        subscriptions.send_digests()

    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("item@example.ee", "New: Data day"),
        ("item@example.ee", "New: Second day"),
        ("week@example.ee", "New on the portal"),
    ]
    assert "Data day" in mailoutbox[-1].body and "Second day" in mailoutbox[-1].body
