"""Login to the workspace and the admin, throttled by django-axes."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def wrong_password(client, url, username, times):
    return [
        client.post(url, {"username": username, "password": "wrong-guess"}).status_code
        for _ in range(times)
    ]


def test_workspace_login_lands_on_dashboard(client, staff_a):
    response = client.post(
        reverse("workspace:login"),
        {"username": "staff-a", "password": "a-long-test-password"},
    )

    assert response.url == reverse("workspace:dashboard")


def test_workspace_login_wrong_password_shows_error(client, staff_a):
    response = client.post(
        reverse("workspace:login"), {"username": "staff-a", "password": "wrong-guess"}
    )

    assert list(response.context["form"].non_field_errors()) == [
        "Please enter a correct username and password. Note that both fields may be case-sensitive."
    ]


def test_workspace_login_locked_after_five_wrong_passwords(client, staff_a):
    url = reverse("workspace:login")

    statuses = wrong_password(client, url, "staff-a", 5)
    response = client.post(url, {"username": "staff-a", "password": "a-long-test-password"})

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    content = response.content.decode()
    assert content[content.index("<h1>") : content.index("</h1>") + 5] == (
        "<h1>Too many failed logins</h1>"
    )


def test_admin_login_locked_after_five_wrong_passwords(client, coordinator):
    url = reverse("admin:login")

    statuses = wrong_password(client, url, "coord", 5)
    response = client.post(url, {"username": "coord", "password": "a-long-test-password"})

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_other_login_not_locked_by_guesses_on_one(client, staff_a, staff_b):
    url = reverse("workspace:login")
    wrong_password(client, url, "staff-a", 5)

    response = client.post(url, {"username": "staff-b", "password": "a-long-test-password"})

    assert response.url == reverse("workspace:dashboard")


def test_login_page_in_the_sites_look(client):
    response = client.get(reverse("workspace:login"))

    content = response.content.decode()
    assert content[content.index("<h1>") : content.index("</h1>") + 5] == (
        "<h1>Log in to the partner workspace</h1>"
    )
    assert content.count('href="/static/css/workspace.css"') == 1


def test_client_login_without_request_is_refused_by_axes(client, staff_a):
    """Why tests use force_login: axes needs the request, which Client.login() does not pass."""
    from axes.exceptions import AxesBackendRequestParameterRequired

    with pytest.raises(AxesBackendRequestParameterRequired):
        client.login(username="staff-a", password="a-long-test-password")
