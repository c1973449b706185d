"""The public flow without JavaScript: form, confirm link, manage link, and their abuse checks."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from registrations import links
from registrations.models import Registration
from tests.html import inner, text

from .conftest import make_registration

pytestmark = pytest.mark.django_db


def form_data(client, event, **changes):
    page = client.get(reverse("registrations:register", kwargs={"slug": event.slug}))
    stamp = re.search(r'name="stamp" value="([^"]+)"', page.content.decode()).group(1)
    data = {
        "name": "Mari Maasikas",
        "email": "mari@example.ee",
        "organisation_name": "Tartu Ülikool",
        "category": "public",
        "needs": "Vegetarian",
        "privacy_consent": "on",
        "stamp": stamp,
        "website": "",
    }
    return {**data, **changes}


def register(client, event, lang="en", **changes):
    with translation.override(lang):
        url = reverse("registrations:register", kwargs={"slug": event.slug})
        return client.post(url, form_data(client, event, **changes))


def shown(response, opening):
    return text(inner(response.content.decode(), opening))


def alert(response):
    return shown(response, '<div class="message message-error"')


def test_register_in_estonian_mails_the_confirm_link_in_estonian(
    client, upcoming_event, committed, mailoutbox
):
    with committed():
        response = register(client, upcoming_event, lang="et")

    registration = Registration.objects.get()
    [message] = mailoutbox
    assert (response.status_code, registration.status, registration.language) == (
        200,
        "pending",
        "et",
    )
    assert message.subject == "Palun kinnitage oma registreerumine: Andmetöötuba"
    # The link carries a signed timestamp, which may differ from one made now by a second: the
    # link in the mail is compared by what it opens and for whom, not character by character.
    [url] = re.findall(r"https://\S+/confirm/\S+", message.body)
    prefix = links.confirm_url(registration).rsplit("/", 2)[0]
    token = url.removeprefix(prefix + "/").strip("/")
    assert (url.startswith(prefix + "/"), links.key_from(token, links.CONFIRM_SALT)) == (
        True,
        str(registration.key),
    )


def test_confirm_link_get_changes_nothing_and_post_confirms(client, upcoming_event):
    registration = make_registration(upcoming_event)
    url = links.confirm_url(registration).removeprefix("https://better.example")

    client.get(url)
    assert Registration.objects.get().status == "pending"
    response = client.post(url, follow=True)

    assert Registration.objects.get().status == "confirmed"
    assert shown(response, '<p class="registration-status"') == "Confirmed"


@pytest.mark.parametrize(
    ("lang", "confirmed", "cancelled"),
    [
        ("sv", "Bekräftad", "Avbokad"),
        ("it", "Confermata", "Annullata"),
        ("hu", "Megerősítve", "Lemondva"),
    ],
)
def test_registration_status_agrees_with_the_registration(
    client, upcoming_event, lang, confirmed, cancelled
):
    # A registration's status is not an event's ("Bekräftat", "Inställt" in Swedish).
    registration = make_registration(upcoming_event, status="confirmed", language=lang)
    url = links.manage_url(registration).removeprefix("https://better.example")

    assert shown(client.get(url), '<p class="registration-status"') == confirmed
    response = client.post(url, {"action": "cancel"}, follow=True)
    assert shown(response, '<p class="registration-status"') == cancelled


def test_tampered_confirm_link_is_refused(client, upcoming_event):
    registration = make_registration(upcoming_event)
    url = links.confirm_url(registration).removeprefix("https://better.example")

    response = client.post(url.replace("/confirm/", "/confirm/x"))

    assert (response.status_code, Registration.objects.get().status) == (400, "pending")
    assert shown(response, '<p class="message"') == (
        "This link is not valid. Please use the link from your e-mail as it is."
    )


def test_expired_confirm_link_is_refused(client, upcoming_event, settings):
    registration = make_registration(upcoming_event)
    url = links.confirm_url(registration).removeprefix("https://better.example")
    settings.PORTAL_REGISTRATION_CONFIRM_MAX_AGE = -1

    response = client.post(url)

    assert (response.status_code, Registration.objects.get().status) == (400, "pending")
    assert shown(response, '<p class="message"') == (
        "This link has expired. Please register again."
    )


def test_manage_link_of_another_salt_is_refused(client, upcoming_event):
    registration = make_registration(upcoming_event)
    token = links.confirm_token(registration)  # a confirm token used as a manage token
    url = reverse("registrations:manage", kwargs={"slug": upcoming_event.slug, "token": token})

    response = client.get(url)

    assert response.status_code == 400


def test_manage_link_cancels_and_deletes(client, upcoming_event):
    registration = make_registration(upcoming_event, status="confirmed")
    url = links.manage_url(registration).removeprefix("https://better.example")

    response = client.post(url, {"action": "cancel"}, follow=True)
    assert shown(response, '<p class="registration-status"') == "Cancelled"
    response = client.post(url, {"action": "delete"})

    assert shown(response, '<p class="message"') == ("Your registration and your data are deleted.")
    assert Registration.objects.count() == 0


def test_honeypot_refuses_and_keeps_the_input(client, upcoming_event):
    response = register(client, upcoming_event, website="http://spam.example")

    assert (response.status_code, Registration.objects.count()) == (400, 0)
    assert "Your registration could not be accepted." in alert(response)
    assert 'value="Mari Maasikas"' in response.content.decode()


def test_form_sent_too_fast_is_refused(client, upcoming_event, settings):
    settings.PORTAL_REGISTRATION_FORM_MIN_SECONDS = 60

    response = register(client, upcoming_event)

    assert (response.status_code, Registration.objects.count()) == (400, 0)
    assert "That was faster than a person can fill in the form." in alert(response)


def test_form_sent_too_late_is_refused(client, upcoming_event, settings):
    settings.PORTAL_REGISTRATION_FORM_MAX_AGE = -1  # every form shown is too old by now

    response = register(client, upcoming_event)

    assert (response.status_code, Registration.objects.count()) == (400, 0)
    assert "The form was open for too long." in alert(response)


def test_tampered_form_stamp_is_refused(client, upcoming_event):
    response = register(client, upcoming_event, stamp="1700000000.0:forged")

    assert (response.status_code, Registration.objects.count()) == (400, 0)
    assert "The form could not be checked." in alert(response)


def test_rate_limit_per_address(client, upcoming_event, settings):
    settings.PORTAL_REGISTRATION_RATE_PER_EMAIL = 2

    codes = [register(client, upcoming_event).status_code for _ in range(3)]

    assert (codes, Registration.objects.count()) == ([200, 200, 429], 2)


def test_rate_limit_per_ip(client, upcoming_event, settings):
    settings.PORTAL_REGISTRATION_RATE_PER_IP = 2

    codes = [
        register(client, upcoming_event, email=f"person{n}@example.ee").status_code
        for n in range(3)
    ]

    assert codes == [200, 200, 429]
    assert "Too many registrations from this address or network." in alert(
        register(client, upcoming_event, email="other@example.ee")
    )


def test_closed_registration_shows_no_form(client, upcoming_event):
    upcoming_event.registration_settings.is_enabled = False
    upcoming_event.registration_settings.save()

    response = client.get(reverse("registrations:register", kwargs={"slug": upcoming_event.slug}))

    assert shown(response, '<p class="message"') == ("Registration for this event is not open.")
