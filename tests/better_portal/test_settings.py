import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_fails_with_clear_message():
    result = run_check(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="better.example")

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: "
        "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production mode)."
    )


def test_production_check_deploy_reports_nothing():
    result = run_check(
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="better.example",
        DJANGO_SECRET_KEY="x8#Vq2!mZr7@Lw4$Tn9^Kp3&Hs6*Jd1(Fb5)Gc0-Ae8+Yu2=Xo7",
    )

    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    )


@pytest.mark.django_db
def test_security_headers_on_public_page(client):
    response = client.get("/en/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy.split("; ")


@pytest.mark.django_db
def test_security_headers_on_admin_login(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
