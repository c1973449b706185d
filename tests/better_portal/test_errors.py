"""PostgreSQL down: pages answer 503 with Retry-After (better_portal/errors.py), not a 500.

Slow (a few seconds): gunicorn in production mode in a subprocess, its DATABASE_URL pointing at a
local port where no PostgreSQL listens, so the failure is a real refused connection."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x8#Vq2!mZr7@Lw4$Tn9^Kp3&Hs6*Jd1(Fb5)Gc0-Ae8+Yu2=Xo7"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory):
    """The base URL of gunicorn serving the site with its database down."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))}
    environment.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/better",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=180,
    )
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    args = [str(gunicorn), "better_portal.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "1"]
    server = subprocess.Popen(
        args, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(200):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.parametrize("path", ["/en/", "/en/events/", "/en/events/some-event/"])
def test_pages_answer_503_with_retry_after_when_the_database_is_down(server_without_database, path):
    status, headers, html = fetch(server_without_database + path)

    assert (status, headers["Retry-After"]) == (503, "30")
    assert "<h1>Temporarily unavailable</h1>" in html


def test_unavailable_page_is_translated(server_without_database):
    status, _, html = fetch(server_without_database + "/et/events/")

    assert status == 503
    assert '<html lang="et">' in html
    assert "<h1>Ajutiselt kättesaamatu</h1>" in html


def test_driver_error_raised_outside_djangos_wrapper_is_a_503(rf):
    """A cursor closed after the server went away raises the driver's own error (psycopg2's
    OperationalError from a lazy queryset in a template), not Django's wrapped one."""
    from django.db import connection

    from better_portal.errors import server_error

    try:
        raise connection.Database.OperationalError("server closed the connection unexpectedly")
    except connection.Database.OperationalError:
        response = server_error(rf.get("/en/events/"))

    assert (response.status_code, response["Retry-After"]) == (503, "30")


def test_other_errors_are_still_the_500_page(rf):
    from better_portal.errors import server_error

    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(rf.get("/en/events/"))

    assert response.status_code == 500


def test_readiness_fails_and_liveness_holds_when_the_database_is_down(server_without_database):
    ready_status, _, ready = fetch(server_without_database + "/health/ready/")
    live_status, _, live = fetch(server_without_database + "/health/live/")

    assert (ready_status, json.loads(ready)["checks"]["database"]["status"]) == (503, "error")
    assert (live_status, json.loads(live)) == (200, {"status": "ok"})
