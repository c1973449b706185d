"""Logging and error reporting as a deployment sees them: one key=value line per record on
stdout, and Sentry only when SENTRY_DSN is set."""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from better_portal.logs import KeyValueFormatter

ROOT = Path(__file__).resolve().parents[2]
TIME = r"time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00"


def run_python(code, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))}
    environment.update(DJANGO_SETTINGS_MODULE="better_portal.settings", **env)
    setup = "import django; django.setup(); "
    return subprocess.run(
        [sys.executable, "-c", setup + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def record(message, *args, exc_info=None, name="workspace.services", level=logging.WARNING):
    return logging.LogRecord(name, level, __file__, 1, message, args, exc_info)


def test_record_is_one_line_with_its_time_level_and_logger():
    line = KeyValueFormatter().format(record("Mail %s to %s", 7, "a@better.example"))

    assert re.fullmatch(
        TIME + r' level=WARNING logger=workspace.services message="Mail 7 to a@better.example"',
        line,
    )


def test_line_breaks_and_quotes_in_a_message_stay_on_one_line():
    line = KeyValueFormatter().format(record('Title "Two\nlines"'))

    assert line.split(" ", 1)[1] == (
        r'level=WARNING logger=workspace.services message="Title \"Two\nlines\""'
    )


def test_traceback_is_on_the_same_line():
    try:
        raise ConnectionRefusedError("The mail server is down")
    except ConnectionRefusedError:
        line = KeyValueFormatter().format(record("Failed", exc_info=sys.exc_info()))

    assert "\n" not in line
    assert line.endswith(r'ConnectionRefusedError: The mail server is down"')
    assert ' exc="Traceback (most recent call last):\\n' in line


def test_settings_send_every_record_to_stdout_as_one_line():
    result = run_python(
        "import logging; logging.getLogger('content.mail').error('Gave up\\nsending')"
    )

    assert result.stderr == ""
    assert re.fullmatch(
        TIME + r' level=ERROR logger=content.mail message="Gave up\\nsending"\n', result.stdout
    )


def test_sentry_is_off_without_a_dsn():
    result = run_python("import sys; print('sentry_sdk' in sys.modules)")

    assert result.stdout == "False\n"


def test_sentry_reports_errors_when_a_dsn_is_set():
    code = "import sentry_sdk; c = sentry_sdk.get_client(); print(c.is_active(), c.dsn)"
    result = run_python(code, SENTRY_DSN="http://public@127.0.0.1:9/1")

    assert result.stdout == "True http://public@127.0.0.1:9/1\n"


class Lines(logging.Handler):
    """The records logged while it is installed, formatted as they are written to stdout."""

    def __init__(self):
        super().__init__()
        self.setFormatter(KeyValueFormatter())
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def lines():
    handler = Lines()
    logging.getLogger().addHandler(handler)
    try:
        yield handler.lines
    finally:
        logging.getLogger().removeHandler(handler)


@pytest.mark.django_db
def test_records_of_a_request_carry_the_id_the_response_names(client, lines, request):
    missing = client.get("/en/events/no-such-event/")  # django.request logs the 404
    port = request.getfixturevalue("cache_down")  # then the cache goes down

    response = client.get("/health/ready/")  # its own module logs that the cache is down

    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert [line.split(" ", 1)[1] for line in lines if "logger=better_portal.health" in line] == [
        f"level=WARNING logger=better_portal.health request_id={request_id} "
        f'message="Health check: the cache does not answer: Error 111 connecting to '
        f'127.0.0.1:{port}. Connection refused."'
    ]
    not_found = [line for line in lines if "logger=django.request" in line]
    assert len(not_found) == 1
    assert f" request_id={missing['X-Request-ID']} " in not_found[0]
    assert missing["X-Request-ID"] != request_id


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given", "kept"),
    [("3f2a9c0e8b7d4a61b5c2e9f0a1d3c4b5", True), ("x y\n", False), ("short", False)],
)
def test_the_proxys_request_id_is_kept_when_it_is_a_plain_token(client, given, kept):
    response = client.get("/health/live/", headers={"X-Request-ID": given})

    assert (response["X-Request-ID"] == given) is kept
    assert re.fullmatch(r"[A-Za-z0-9._-]{8,64}", response["X-Request-ID"])
