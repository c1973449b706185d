"""Two-factor login (workspace/twofactor.py): coordinators must use it in production, partner
staff may; both the admin's and the workspace's login ask for the code."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def production(settings):
    settings.PORTAL_TWO_FACTOR_REQUIRED = True


def app_device(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def current_code(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def recovery_device(user, *codes):
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)
    return device


def admin_login(client, username, code=""):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": PASSWORD, "otp_token": code, "next": "/admin/"},
    )


def errors(response):
    return list(response.context["form"].non_field_errors())


CODE_ERROR = ["Enter the current code of your authenticator app or a recovery code."]


def test_coordinator_without_device_is_sent_to_set_one_up_in_production(
    client, coordinator, production
):
    login = admin_login(client, "coord")
    response = client.get("/admin/")

    assert login.url == "/admin/"
    assert response.status_code == 302
    assert response.url == reverse("workspace:two-factor") + "?next=%2Fadmin%2F"


def test_coordinator_without_device_kept_out_of_the_workspace_in_production(
    client, coordinator, production
):
    client.force_login(coordinator)

    response = client.get(reverse("workspace:dashboard"))

    assert response.url == reverse("workspace:two-factor") + "?next=%2Fen%2Fworkspace%2F"


def test_coordinator_password_alone_in_development(client, coordinator, settings):
    settings.PORTAL_TWO_FACTOR_REQUIRED = False
    admin_login(client, "coord")

    response = client.get("/admin/")

    assert response.status_code == 200
    assert response.context["user"].get_username() == "coord"


def test_password_alone_refused_for_coordinator_with_device(client, coordinator, production):
    app_device(coordinator)

    response = admin_login(client, "coord")

    assert errors(response) == CODE_ERROR
    assert "_auth_user_id" not in client.session


def test_admin_login_with_totp_code(client, coordinator, production):
    device = app_device(coordinator)

    login = admin_login(client, "coord", current_code(device))
    response = client.get("/admin/")

    assert login.url == "/admin/"
    assert response.status_code == 200
    assert response.context["user"].otp_device == device


def test_admin_login_page_asks_for_the_code(client):
    response = client.get(reverse("admin:login"))

    assert [name for name in response.context["form"].fields] == [
        "username",
        "password",
        "otp_token",
        "passkey",
    ]
    assert '<label for="id_otp_token">Authentication code:</label>' in response.content.decode()


def test_wrong_totp_code_refused(client, coordinator, production):
    device = app_device(coordinator)
    wrong = f"{(int(current_code(device)) + 1) % 1000000:06d}"

    response = admin_login(client, "coord", wrong)

    assert errors(response) == CODE_ERROR
    assert "_auth_user_id" not in client.session


def test_recovery_code_works_once(client, coordinator, production):
    app_device(coordinator)
    recovery_device(coordinator, "recover123", "recover456")

    first = admin_login(client, "coord", "recover123")
    client.post(reverse("admin:logout"))
    second = admin_login(client, "coord", "recover123")

    assert first.url == "/admin/"
    assert errors(second) == CODE_ERROR
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["recover456"]


def test_partner_staff_without_device_log_in_in_production(client, staff_a, production):
    client.post(reverse("workspace:login"), {"username": "staff-a", "password": PASSWORD})

    response = client.get(reverse("workspace:dashboard"))

    assert response.status_code == 200
    assert response.context["user"].get_username() == "staff-a"


def test_partner_staff_with_device_give_the_code_in_the_workspace(client, staff_a, production):
    device = app_device(staff_a)
    url = reverse("workspace:login")

    refused = client.post(url, {"username": "staff-a", "password": PASSWORD})
    accepted = client.post(
        url, {"username": "staff-a", "password": PASSWORD, "otp_token": current_code(device)}
    )

    assert errors(refused) == CODE_ERROR
    assert accepted.url == reverse("workspace:dashboard")


def test_wrong_codes_count_as_failed_logins_for_axes(client, coordinator, production):
    device = app_device(coordinator)
    statuses = [admin_login(client, "coord", "000000").status_code for _ in range(5)]

    response = admin_login(client, "coord", current_code(device))

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_wrong_code_throttles_the_device(client, coordinator, production):
    """django-otp's own throttle: after a failure the device refuses even the right code
    for a delay that doubles with each failure."""
    device = app_device(coordinator)
    admin_login(client, "coord", "000000")

    response = admin_login(client, "coord", current_code(device))

    assert errors(response) == CODE_ERROR
    assert device.throttling_failure_count == 1
    assert "_auth_user_id" not in client.session


def test_setup_shows_secret_and_qr_then_recovery_codes_once(client, coordinator, production):
    client.force_login(coordinator)
    url = reverse("workspace:two-factor") + "?next=/admin/"

    page = client.get(url)
    device = TOTPDevice.objects.get(user=coordinator)
    content = page.content.decode()
    secret = re.search(r'<code class="two-factor-secret">([A-Z2-7 ]+)</code>', content)
    confirmed = client.post(url, {"otp_token": current_code(device), "next": "/admin/"})
    admin = client.get("/admin/")

    assert page.status_code == 200
    assert secret.group(1).replace(" ", "") == device.config_url.split("secret=")[1].split("&")[0]
    figure = content[content.index('<figure class="two-factor-qr">') :]
    assert figure[: figure.index("</figure>")].count("<svg") == 1
    assert "<title>QR code</title>" in figure[: figure.index("</figure>")]
    assert " style=" not in content and "<script>" not in content
    codes = confirmed.context["codes"]
    assert len(set(codes)) == 10
    shown = re.findall(r"<li><code>(\w+)</code></li>", confirmed.content.decode())
    assert shown == codes
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)
    assert TOTPDevice.objects.get(user=coordinator).confirmed is True
    assert admin.status_code == 200


def test_setup_wrong_code_keeps_the_device_unconfirmed(client, coordinator, production):
    client.force_login(coordinator)
    url = reverse("workspace:two-factor")
    client.get(url)

    response = client.post(url, {"otp_token": "12345x"})

    assert response.context["form"].errors == {
        "otp_token": ["This code is not valid. Enter the code the app shows now."]
    }
    assert list(TOTPDevice.objects.values_list("confirmed", flat=True)) == [False]
    assert StaticToken.objects.count() == 0


def test_setup_refused_to_a_session_not_verified_by_the_existing_device(
    client, coordinator, production
):
    app_device(coordinator)
    client.force_login(coordinator)

    response = client.get(reverse("workspace:two-factor"))

    assert response.status_code == 403
    assert TOTPDevice.objects.count() == 1


def test_reset_command_removes_a_lost_device(client, coordinator, production, capsys):
    app_device(coordinator)
    recovery_device(coordinator, "recover123")

    call_command("reset_two_factor", "coord")
    admin_login(client, "coord")
    response = client.get("/admin/")

    assert capsys.readouterr().out == "Removed 2 two-factor device(s) of coord.\n"
    assert TOTPDevice.objects.count() == StaticDevice.objects.count() == 0
    assert response.url == reverse("workspace:two-factor") + "?next=%2Fadmin%2F"


def test_workspace_login_asks_for_the_code_in_the_readers_language(client):
    response = client.get("/it/workspace/login/")

    assert '<label for="id_otp_token">Codice di autenticazione:</label>' in (
        response.content.decode()
    )


def test_admin_never_shows_a_devices_secret(client, coordinator):
    device = app_device(coordinator)
    client.force_login(coordinator)

    change = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    qr = client.get(reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]))

    assert change.status_code == 200
    assert device.key not in change.content.decode()
    assert qr.status_code == 403


def two_factor_required_with(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    environment.update(DJANGO_SECRET_KEY="x8#Vq2!mZr7@Lw4$Tn9^Kp3&Hs6*Jd1(Fb5)Gc0-Ae8+Yu2=Xo7")
    environment.update(env)
    code = "from django.conf import settings; print(settings.PORTAL_TWO_FACTOR_REQUIRED)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.strip().splitlines()[-1]


def test_two_factor_required_in_production_only():
    assert two_factor_required_with(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="better.example") == (
        "True"
    )
    assert two_factor_required_with(DJANGO_DEBUG="1") == "False"
