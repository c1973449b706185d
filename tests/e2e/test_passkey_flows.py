"""Passkeys in a real browser: Chromium's virtual authenticator (DevTools' WebAuthn domain)
stands in for a phone or a security key, so static/js/passkeys.js and the server's ceremonies
run end to end, under the page's Content Security Policy."""

import re

import pytest
from django_otp_webauthn.models import WebAuthnCredential

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"


def csp_console_errors(page):
    return [text for text in page.console_errors if "Content Security Policy" in text]


def virtual_authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp


def fill_login(page, username):
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)


def test_register_a_passkey_then_log_in_with_it(
    page, live_server, settings, django_user_model, csp_violations
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PORTAL_TWO_FACTOR_REQUIRED = True
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]  # http://localhost:<port>
    django_user_model.objects.create_superuser("coord", "coord@better.example", PASSWORD)
    virtual_authenticator(page)

    # Password alone: a coordinator is sent to set up a second factor, and picks a passkey.
    page.goto(f"{live_server.url}/en/workspace/login/")
    fill_login(page, "coord")
    page.locator(".workspace-form button[type=submit]").click()
    page.get_by_role("heading", name="Two-factor login").wait_for()
    page.get_by_role("link", name="Use a passkey instead, or make new recovery codes").click()
    page.get_by_label("Name of the passkey").fill("Virtual key")
    page.get_by_role("button", name="Add a passkey").click()
    page.get_by_role("cell", name="Virtual key", exact=True).wait_for()
    codes = page.locator(".two-factor-codes code").all_text_contents()
    registered = csp_violations(page)
    page.reload()
    codes_after_reload = page.locator(".two-factor-codes code").count()
    page.get_by_role("button", name=re.compile("^Log out")).click()

    # The workspace's login: password, then the passkey instead of a code.
    page.goto(f"{live_server.url}/en/workspace/login/")
    fill_login(page, "coord")
    page.get_by_role("button", name="Log in with a passkey").click()
    page.wait_for_url(f"{live_server.url}/en/workspace/")
    workspace = csp_violations(page)
    page.get_by_role("button", name=re.compile("^Log out")).click()

    # The admin's login, the same.
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    fill_login(page, "coord")
    page.get_by_role("button", name="Log in with a passkey").click()
    page.locator("#logout-form").wait_for()
    admin = csp_violations(page)

    device = WebAuthnCredential.objects.get()
    assert (device.user.username, device.name) == ("coord", "Virtual key")
    assert len(set(codes)) == 10
    assert codes_after_reload == 0
    assert device.last_used_at is not None
    assert page.url == f"{live_server.url}/admin/"
    assert registered == workspace == admin == []
    assert csp_console_errors(page) == []


def test_without_webauthn_the_login_says_so(page, live_server, csp_violations):
    page.add_init_script("delete window.PublicKeyCredential;")

    page.goto(f"{live_server.url}/en/workspace/login/")

    assert page.get_by_role("button", name="Log in with a passkey").count() == 0
    assert page.get_by_text(
        "This browser cannot use passkeys (WebAuthn): enter the code of your authenticator "
        "app or a recovery code."
    ).is_visible()
    assert csp_violations(page) == []
