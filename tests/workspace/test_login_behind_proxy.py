"""Login throttling behind the documented proxy: the client's address comes from the trusted
proxy's X-Forwarded-For (content/clients.py), so one attacker cannot lock a coordinator out
for everyone, and guesses spread over many usernames are throttled per address."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from content.clients import client_ip

pytestmark = pytest.mark.django_db

ATTACKER, COORDINATOR = "203.0.113.5", "198.51.100.7"


def login(client, username, password, address):
    """A login POST as the proxy on 127.0.0.1 forwards it from address."""
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=address,
    )


def test_wrong_passwords_from_one_address_do_not_lock_the_user_out_elsewhere(client, coordinator):
    statuses = [login(client, "coord", "wrong-guess", ATTACKER).status_code for _ in range(5)]

    response = login(client, "coord", "a-long-test-password", COORDINATOR)

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_guesses_over_many_usernames_from_one_address_are_throttled(client, coordinator):
    statuses = [login(client, f"user-{n}", "wrong-guess", ATTACKER).status_code for n in range(20)]

    locked = login(client, "coord", "a-long-test-password", ATTACKER)
    elsewhere = login(client, "coord", "a-long-test-password", COORDINATOR)

    assert statuses == [200] * 19 + [429]
    assert (locked.status_code, elsewhere.status_code) == (429, 302)


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.5", "203.0.113.5"),
        ("127.0.0.1", "10.9.9.9, 203.0.113.5", "203.0.113.5"),  # the nearest hop is believed
        ("127.0.0.1", "203.0.113.5, 127.0.0.1", "203.0.113.5"),  # trusted hops are skipped
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("198.51.100.9", "203.0.113.5", "198.51.100.9"),  # not from the proxy: not believed
    ],
)
def test_client_ip_believes_only_the_trusted_proxy(remote, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


def test_client_ip_trusts_the_configured_proxy_network(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="203.0.113.5")

    assert client_ip(request) == "203.0.113.5"
