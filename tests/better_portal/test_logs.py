"""Logging and error reporting as a deployment sees them: one key=value line per record on
stdout, and Sentry only when SENTRY_DSN is set."""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

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
