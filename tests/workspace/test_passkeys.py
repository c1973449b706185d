"""Passkeys (workspace/passkeys.py) as a second factor, and new recovery codes: the ceremonies
run for real against a software authenticator (tests/workspace/softauthn.py)."""

import json
import re

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential, WebAuthnUserHandle

from better_portal.settings import webauthn_rp_id

from .softauthn import SoftAuthenticator, b64url

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
PASSKEY_ERROR = [
    "Your passkey could not be verified. Try again, or enter the code of your authenticator "
    "app or a recovery code."
]


@pytest.fixture
def production(settings):
    settings.PORTAL_TWO_FACTOR_REQUIRED = True


def post_json(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def login_begin(client, username, password=PASSWORD, admin=False):
    name = "workspace:passkey-admin-login-begin" if admin else "workspace:passkey-login-begin"
    return client.post(reverse(name), {"username": username, "password": password})


def log_in_with_passkey(client, authenticator, username, admin=False, key=None):
    options = login_begin(client, username, admin=admin).json()
    answer = json.dumps(authenticator.get(options, key=key))
    url = reverse("admin:login") if admin else reverse("workspace:login")
    return client.post(
        url,
        {"username": username, "password": PASSWORD, "passkey": answer, "next": "/admin/"}
        if admin
        else {"username": username, "password": PASSWORD, "passkey": answer},
    )


def form_errors(response):
    return list(response.context["form"].non_field_errors())


def recovery_codes(user, *codes):
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)


# Registration


def test_registration_begin_gives_options_for_the_logged_in_user(client, staff_a):
    existing = SoftAuthenticator()
    existing.stored_credential(staff_a)
    client.force_login(staff_a)
    # A user with a passkey must be verified by it first (see the test below): here, be so.
    session = client.session
    session["otp_device_id"] = WebAuthnCredential.objects.get().persistent_id
    session.save()
    response = post_json(client, reverse("workspace:passkey-register-begin"))

    options = response.json()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert options["rp"] == {"id": "localhost", "name": "Project portal"}
    assert options["user"] == {
        "id": b64url(WebAuthnUserHandle.objects.get(user=staff_a).handle),
        "name": "staff-a",
        "displayName": "staff-a",
    }
    assert len(options["challenge"]) >= 43  # at least 32 random bytes, base64url
    assert options["excludeCredentials"] == [
        {"id": b64url(existing.credential_id), "type": "public-key", "transports": ["internal"]}
    ]
    assert client.session["portal_passkey_register"]["challenge"] == options["challenge"]


def test_registration_refused_without_login(client):
    response = post_json(client, reverse("workspace:passkey-register-begin"))

    assert response.status_code == 403
    assert response.json() == {"detail": "Log in first."}


def test_registration_refused_to_a_session_not_verified_by_the_existing_factor(client, coordinator):
    TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    client.force_login(coordinator)

    begin = post_json(client, reverse("workspace:passkey-register-begin"))
    page = client.get(reverse("workspace:passkeys"))

    assert begin.status_code == 403
    assert begin.json() == {"detail": "Log in with your second factor first."}
    assert page.status_code == 403


def test_registering_a_first_passkey_shows_recovery_codes_once(client, coordinator, production):
    authenticator = SoftAuthenticator()
    client.force_login(coordinator)

    options = post_json(client, reverse("workspace:passkey-register-begin")).json()
    complete = post_json(
        client,
        reverse("workspace:passkey-register-complete"),
        {"name": "Work laptop", "credential": authenticator.create(options)},
    )
    page = client.get(reverse("workspace:passkeys"))
    again = client.get(reverse("workspace:passkeys"))
    admin = client.get("/admin/")

    device = WebAuthnCredential.objects.get()
    assert complete.status_code == 200
    assert complete.json() == {"id": device.pk}
    assert (device.user, device.name, bytes(device.credential_id)) == (
        coordinator,
        "Work laptop",
        authenticator.credential_id,
    )
    shown = re.findall(r"<li><code>(\w+)</code></li>", page.content.decode())
    assert len(set(shown)) == 10
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(shown)
    assert re.findall(r"<li><code>(\w+)</code></li>", again.content.decode()) == []
    assert "no-store" in page["Cache-Control"]
    assert "<td>Work laptop</td>" in again.content.decode()
    assert "You have 10 unused recovery codes." in again.content.decode()
    assert admin.status_code == 200  # the session is verified by the new passkey


def test_registration_with_a_wrong_challenge_is_refused(client, staff_a):
    authenticator = SoftAuthenticator()
    client.force_login(staff_a)
    post_json(client, reverse("workspace:passkey-register-begin"))

    forged = authenticator.create({"challenge": b64url(b"not the challenge given")})
    response = post_json(
        client, reverse("workspace:passkey-register-complete"), {"credential": forged}
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "The passkey could not be registered. Try again."}
    assert WebAuthnCredential.objects.count() == 0


@pytest.mark.parametrize(
    "body", [b"not json", b"[]", b'{"credential": "x"}', b'{"credential": {"id": 1}}']
)
def test_malformed_registration_answers_are_a_clear_400(client, staff_a, body):
    client.force_login(staff_a)
    post_json(client, reverse("workspace:passkey-register-begin"))

    response = client.post(
        reverse("workspace:passkey-register-complete"), body, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "The passkey could not be registered. Try again."}


def test_registration_complete_without_begin_is_a_400(client, staff_a):
    client.force_login(staff_a)

    response = post_json(client, reverse("workspace:passkey-register-complete"), {})

    assert response.status_code == 400
    assert response.json() == {"detail": "Start again: the request for a passkey has expired."}


# Login


def test_login_begin_gives_options_for_the_users_passkeys(client, staff_a):
    authenticator = SoftAuthenticator()
    authenticator.stored_credential(staff_a)

    response = login_begin(client, "staff-a")

    options = response.json()
    assert response.status_code == 200
    assert options["rpId"] == "localhost"
    assert options["allowCredentials"] == [
        {
            "id": b64url(authenticator.credential_id),
            "type": "public-key",
            "transports": ["internal"],
        }
    ]
    assert options["userVerification"] == "discouraged"
    assert len(options["challenge"]) >= 43
    assert client.session["portal_passkey_login"]["user"] == staff_a.pk
    assert "_auth_user_id" not in client.session  # not logged in by this


def test_login_begin_with_a_wrong_password_says_so_and_tells_nothing(client, staff_a):
    SoftAuthenticator().stored_credential(staff_a)

    response = login_begin(client, "staff-a", password="wrong")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Please enter a correct username and password. Note that both fields may "
        "be case-sensitive."
    }
    assert "portal_passkey_login" not in client.session


def test_login_begin_for_an_account_without_passkey(client, staff_a):
    response = login_begin(client, "staff-a")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "No passkey is registered for this account. Enter a code instead."
    }


def test_admin_login_begin_refuses_non_staff_like_the_admin_login(client, staff_a):
    staff_a.is_staff = False
    staff_a.save()
    SoftAuthenticator().stored_credential(staff_a)

    response = login_begin(client, "staff-a", admin=True)

    assert response.status_code == 400
    assert "staff account" in response.json()["detail"]


def test_user_with_only_a_passkey_must_pass_it(client, coordinator, production):
    SoftAuthenticator().stored_credential(coordinator)

    response = client.post(
        reverse("admin:login"), {"username": "coord", "password": PASSWORD, "next": "/admin/"}
    )

    assert form_errors(response) == [
        "Use your passkey, or enter the current code of your authenticator app or a recovery code."
    ]
    assert "_auth_user_id" not in client.session


def test_admin_login_with_a_passkey(client, coordinator, production):
    authenticator = SoftAuthenticator()
    device = authenticator.stored_credential(coordinator)

    login = log_in_with_passkey(client, authenticator, "coord", admin=True)
    admin = client.get("/admin/")

    device.refresh_from_db()
    assert login.status_code == 302
    assert login.url == "/admin/"
    assert admin.status_code == 200
    assert admin.context["user"].otp_device == device
    assert device.sign_count == 1
    assert device.last_used_at is not None


def test_workspace_login_with_a_passkey(client, staff_a, production):
    authenticator = SoftAuthenticator()
    device = authenticator.stored_credential(staff_a)

    login = log_in_with_passkey(client, authenticator, "staff-a")
    dashboard = client.get(reverse("workspace:dashboard"))

    assert login.url == reverse("workspace:dashboard")
    assert dashboard.context["user"].otp_device == device


def test_a_signed_answer_is_used_once(client, staff_a):
    authenticator = SoftAuthenticator()
    authenticator.stored_credential(staff_a)
    options = login_begin(client, "staff-a").json()
    answer = json.dumps(authenticator.get(options))
    data = {"username": "staff-a", "password": PASSWORD, "passkey": answer}

    first = client.post(reverse("workspace:login"), data)
    client.post(reverse("workspace:logout"))
    replay = client.post(reverse("workspace:login"), data)

    assert first.status_code == 302
    assert form_errors(replay) == PASSKEY_ERROR
    assert "_auth_user_id" not in client.session


def test_a_signature_by_another_key_is_refused(client, staff_a):
    authenticator = SoftAuthenticator()
    authenticator.stored_credential(staff_a)

    response = log_in_with_passkey(
        client, authenticator, "staff-a", key=ec.generate_private_key(ec.SECP256R1())
    )

    assert form_errors(response) == PASSKEY_ERROR
    assert "_auth_user_id" not in client.session


def test_another_users_passkey_does_not_log_in(client, staff_a, staff_b):
    mine = SoftAuthenticator()
    mine.stored_credential(staff_a)
    theirs = SoftAuthenticator()
    theirs.stored_credential(staff_b)
    options = login_begin(client, "staff-a").json()

    response = client.post(
        reverse("workspace:login"),
        {"username": "staff-a", "password": PASSWORD, "passkey": json.dumps(theirs.get(options))},
    )

    assert form_errors(response) == PASSKEY_ERROR
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("answer", ["not json", "{}", '{"id": "AAAA", "response": 3}', "[1]"])
def test_malformed_passkey_answers_are_refused_not_a_500(client, staff_a, answer):
    SoftAuthenticator().stored_credential(staff_a)
    login_begin(client, "staff-a")

    response = client.post(
        reverse("workspace:login"), {"username": "staff-a", "password": PASSWORD, "passkey": answer}
    )

    assert response.status_code == 200
    assert form_errors(response) == PASSKEY_ERROR


def test_wrong_passkey_answers_count_as_failed_logins_for_axes(client, staff_a):
    authenticator = SoftAuthenticator()
    authenticator.stored_credential(staff_a)
    forger = ec.generate_private_key(ec.SECP256R1())
    statuses = [
        log_in_with_passkey(client, authenticator, "staff-a", key=forger).status_code
        for _ in range(5)
    ]

    locked = login_begin(client, "staff-a")

    assert statuses == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_page_offers_the_passkey_only_through_the_script(client):
    content = client.get(reverse("workspace:login")).content.decode()
    admin = client.get(reverse("admin:login")).content.decode()

    for page in (content, admin):
        assert '<script src="/static/js/passkeys.js" defer></script>' in page
        assert " onclick=" not in page and "<script>" not in page
        assert re.search(r'<div class="passkey-login" data-passkey-login [^>]*hidden>', page)
        assert (
            "This browser cannot use passkeys (WebAuthn): enter the code of your "
            "authenticator app or a recovery code." in page
        )
    assert f'data-begin-url="{reverse("workspace:passkey-login-begin")}"' in content
    assert f'data-begin-url="{reverse("workspace:passkey-admin-login-begin")}"' in admin


# The user's own passkeys


def test_passkeys_page_lists_only_the_users_own(client, staff_a, staff_b):
    SoftAuthenticator().stored_credential(staff_a, name="Phone of A")
    SoftAuthenticator().stored_credential(staff_b, name="Key of B")
    client.force_login(staff_a)
    session = client.session
    session["otp_device_id"] = WebAuthnCredential.objects.get(user=staff_a).persistent_id
    session.save()

    content = client.get(reverse("workspace:passkeys")).content.decode()

    assert "<td>Phone of A</td>" in content
    assert "Key of B" not in content


def test_deleting_another_users_passkey_is_a_404(client, staff_a, staff_b):
    theirs = SoftAuthenticator().stored_credential(staff_b)
    client.force_login(staff_a)

    response = client.post(reverse("workspace:passkey-delete", args=[theirs.pk]))

    assert response.status_code == 404
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()


def test_deleting_an_own_passkey(client, staff_a):
    mine = SoftAuthenticator().stored_credential(staff_a, name="Old phone")
    client.force_login(staff_a)
    session = client.session
    session["otp_device_id"] = mine.persistent_id
    session.save()

    response = client.post(reverse("workspace:passkey-delete", args=[mine.pk]), follow=True)

    assert response.redirect_chain == [(reverse("workspace:passkeys"), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "The passkey “Old phone” was removed."
    ]
    assert WebAuthnCredential.objects.count() == 0


def test_deleting_needs_the_second_factor_in_this_session(client, staff_a):
    mine = SoftAuthenticator().stored_credential(staff_a)
    client.force_login(staff_a)

    response = client.post(reverse("workspace:passkey-delete", args=[mine.pk]))

    assert response.status_code == 403
    assert WebAuthnCredential.objects.count() == 1


def test_passkeys_page_needs_a_login(client):
    response = client.get(reverse("workspace:passkeys"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("workspace:login"))


# New recovery codes


def test_new_recovery_codes_replace_the_old_ones(client, coordinator, production):
    device = TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    recovery_codes(coordinator, "oldcode1", "oldcode2")
    client.force_login(coordinator)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()

    response = client.post(reverse("workspace:recovery-codes"))
    client.post(reverse("admin:logout"))
    new_code = response.context["codes"][0]
    new = client.post(
        reverse("admin:login"),
        {"username": "coord", "password": PASSWORD, "otp_token": new_code, "next": "/admin/"},
    )
    client.post(reverse("admin:logout"))
    old = client.post(
        reverse("admin:login"), {"username": "coord", "password": PASSWORD, "otp_token": "oldcode1"}
    )

    shown = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    assert response.status_code == 200
    assert "Your new recovery codes: the old ones no longer work." in response.content.decode()
    assert len(set(shown)) == 10
    assert "no-store" in response["Cache-Control"]
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(
        set(shown) - {new_code}
    )
    assert form_errors(old) == [
        "Enter the current code of your authenticator app or a recovery code."
    ]
    assert new.url == "/admin/"


def test_new_recovery_codes_need_the_second_factor_in_this_session(client, coordinator):
    TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    recovery_codes(coordinator, "oldcode1")
    client.force_login(coordinator)

    response = client.post(reverse("workspace:recovery-codes"))

    assert response.status_code == 403
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["oldcode1"]


def test_new_recovery_codes_need_an_app_or_a_passkey(client, staff_a):
    client.force_login(staff_a)

    response = client.post(reverse("workspace:recovery-codes"), follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Set up an authenticator app or a passkey first."
    ]
    assert StaticToken.objects.count() == 0


def test_new_recovery_codes_only_by_post(client, staff_a):
    client.force_login(staff_a)

    assert client.get(reverse("workspace:recovery-codes")).status_code == 405


# Settings


def test_relying_party_id_from_the_allowed_hosts(monkeypatch):
    monkeypatch.delenv("PORTAL_WEBAUTHN_RP_ID", raising=False)

    assert webauthn_rp_id(["127.0.0.1", ".better.example", "www.better.example"]) == (
        "better.example"
    )
    assert webauthn_rp_id(["127.0.0.1", "*"]) == "localhost"
    monkeypatch.setenv("PORTAL_WEBAUTHN_RP_ID", "portal.better.example")
    assert webauthn_rp_id(["127.0.0.1"]) == "portal.better.example"


# Translations


def test_passkey_choice_in_the_readers_language(client, staff_a):
    client.force_login(staff_a)

    page = client.get("/et/workspace/passkeys/").content.decode()
    client.logout()
    greek = client.get("/el/workspace/login/").content.decode()

    assert "<h1>Pääsuvõtmed ja taastekoodid</h1>" in page
    assert "Teil pole veel ühtegi pääsuvõtit." in page
    assert (
        '<button type="button" class="button" data-passkey-button>'
        "Σύνδεση με κλειδί πρόσβασης</button>" in greek
    )


def test_passkey_pages_address_italian_readers_with_lei(client, staff_a):
    client.force_login(staff_a)

    page = client.get("/it/workspace/passkeys/").content.decode()
    client.logout()
    login = client.get("/it/workspace/login/").content.decode()

    assert "<h2>Le sue passkey</h2>" in page
    assert "<p>Non ha ancora nessuna passkey.</p>" in page
    assert "<p>Ha una passkey? Dopo nome utente e password, la usi al posto di un codice.</p>" in (
        login
    )
    assert 'data-missing="Inserisca prima nome utente e password."' in login


# Recovery by the operators


def test_reset_command_removes_passkeys_too(client, coordinator, production, capsys):
    SoftAuthenticator().stored_credential(coordinator)
    TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    recovery_codes(coordinator, "recover123")

    call_command("reset_two_factor", "coord")
    client.post(
        reverse("admin:login"), {"username": "coord", "password": PASSWORD, "next": "/admin/"}
    )
    response = client.get("/admin/")

    assert capsys.readouterr().out == "Removed 3 two-factor device(s) of coord.\n"
    assert WebAuthnCredential.objects.count() == 0
    assert response.url == reverse("workspace:two-factor") + "?next=%2Fadmin%2F"


def test_admin_lists_passkeys_without_their_key(client, coordinator, staff_a):
    device = SoftAuthenticator().stored_credential(staff_a, name="Phone of A")
    client.force_login(coordinator)

    listing = client.get(reverse("admin:django_otp_webauthn_webauthncredential_changelist"))
    change = client.get(
        reverse("admin:django_otp_webauthn_webauthncredential_change", args=[device.pk])
    )

    assert listing.status_code == change.status_code == 200
    assert "Phone of A" in listing.content.decode()
    assert device.public_key.hex() not in change.content.decode()


def test_passkey_and_authenticator_app_show_the_project_acronym(client, staff_a):
    """The relying party name of a passkey and the issuer of an authenticator app are the
    project's identity, not a name written in the code."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories import identity

    identity(acronym="FLOW")
    client.force_login(staff_a)

    options = post_json(client, reverse("workspace:passkey-register-begin")).json()
    device = TOTPDevice.objects.create(user=staff_a, name="phone")

    assert (options["rp"]["name"], device.config_url.split("?")[0]) == (
        "FLOW",
        "otpauth://totp/FLOW%3Astaff-a",
    )
