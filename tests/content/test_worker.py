"""A real worker process (`manage.py db_worker`, as `make run` and `make serve` start it) picks
up a mail queued by this process, sends it, and stops cleanly when told to."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from content.mail import send_mail_later
from content.models import Mail

ROOT = Path(__file__).resolve().parents[2]


def database_url(settings_dict):
    """The URL of the database this test runs on (the test database), for another process."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict["USER"] or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
    host, port = settings_dict["HOST"] or "localhost", settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def wait_until_sent(mail, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        mail.refresh_from_db()
        if mail.status == Mail.Status.SENT:
            return
        time.sleep(0.2)


# A transaction of its own that commits, unlike the other tests': the worker must see the rows.
# serialized_rollback restores what the migrations created once the test has emptied the tables.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_process_sends_the_queued_mail_and_stops_on_sigterm(tmp_path):
    mail = send_mail_later(
        "review_approved",
        "staff@better.example",
        "sv",
        {
            "item": {"title": "Studiebesök i Tartu"},
            "link": "https://better.example/sv/workspace/visits/1/",
        },
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DATABASE_URL=database_url(connection.settings_dict),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )
    command = ["manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    worker = subprocess.Popen(
        [sys.executable, *command],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_sent(mail, seconds=60)
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=30)
    finally:
        worker.kill()

    assert (mail.status, worker.returncode) == (Mail.Status.SENT, 0)
    [sent] = [path.read_text() for path in tmp_path.iterdir()]
    assert "Subject: =?utf-8?q?Godk=C3=A4nt_och_publicerat=3A_Studiebes=C3=B6k_i_Tartu?=" in sent
    assert "To: staff@better.example" in sent
    assert "Content-Type: text/html" in sent
    assert "logger=django_tasks_db" in output
