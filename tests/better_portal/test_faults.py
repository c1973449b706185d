"""The fault test: a private Redis and a private PostgreSQL, started by the test on their own
ports, are stopped while readers request pages from gunicorn in production mode.

Readers must get pages without the cache (200, never a 500), and without the database a 503
with Retry-After (or a page still in the cache), never a 500. The figures (requests, answers by
status) are printed for the record: run with -s to see them.

Slow (about a minute: a PostgreSQL cluster is made and migrated). Skipped where redis-server
or PostgreSQL's initdb/pg_ctl are not installed.
"""

import collections
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x8#Vq2!mZr7@Lw4$Tn9^Kp3&Hs6*Jd1(Fb5)Gc0-Ae8+Yu2=Xo7"
# The last one, a search for a new word each time, is never in the page cache: without the
# database it is a 503 whichever of the others the cache still holds (they render fast enough
# now, cards and filter forms cached, to be all stored in the second before PostgreSQL stops).
PAGES = [
    "/en/",
    "/en/events/",
    "/en/practices/",
    "/en/partners/",
    "/sv/events/",
    "/en/search/?q=w{n}",
]
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))

pytestmark = [
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is missing"),
    pytest.mark.skipif(
        not PG_BIN or not os.path.exists(f"{PG_BIN[-1] if PG_BIN else ''}/pg_ctl"),
        reason="PostgreSQL's initdb and pg_ctl are missing (/usr/lib/postgresql/*/bin)",
    ),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=30):
    for _ in range(int(seconds / 0.05)):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


class PrivatePostgres:
    """A PostgreSQL cluster in a temporary directory (run as the postgres user under root,
    which initdb refuses)."""

    def __init__(self, directory):
        self.bin, self.data, self.port = PG_BIN[-1], directory / "data", free_port()
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.prefix:
            shutil.chown(directory, "postgres")
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def run(self, tool, *args):
        # No pipes: a started server would hold them open, and the run would never end.
        command = [*self.prefix, f"{self.bin}/{tool}", *args]
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120
        )

    def start(self):
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.data.parent / "postgres.log")
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


class PrivateRedis:
    def __init__(self):
        self.port, self.process = free_port(), None

    def start(self):
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status, response.headers.get("Retry-After")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After")
    except OSError:
        return "no answer", None


def requests_while(base, action, seconds=4.0):
    """Readers requesting pages before, during and after action(); their answers."""
    answers, done = [], threading.Event()

    def reader():
        n = 0
        while not done.is_set():
            answers.append(
                fetch(base + PAGES[n % len(PAGES)].format(n=f"{threading.get_ident()}x{n}"))
            )
            n += 1

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    time.sleep(seconds / 4)
    action()
    time.sleep(seconds)
    done.set()
    for thread in readers:
        thread.join()
    return answers


def figures(label, answers):
    by_status = collections.Counter(status for status, _ in answers)
    print(
        f"\n{label}: {len(answers)} requests, by status {dict(sorted(by_status.items(), key=str))}"
    )
    return by_status


@pytest.fixture(scope="module")
def services():
    """(base URL of gunicorn, the private Redis, the private PostgreSQL)."""
    directory = Path(tempfile.mkdtemp(prefix="better-faults-"))
    postgres, redis = PrivatePostgres(directory), PrivateRedis()
    postgres.start()
    redis.start()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))}
    environment.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(directory / "static"),
        DATABASE_URL=postgres.url,
        REDIS_URL=f"redis://127.0.0.1:{redis.port}/0",
    )
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=environment, check=True
        )
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    args = [str(gunicorn), "better_portal.wsgi:application", "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*args, "-w", "2", "--threads", "2"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        for page in PAGES * 2:  # warm: every worker has imported everything
            fetch(f"http://127.0.0.1:{port}{page.format(n='warm')}")
        yield f"http://127.0.0.1:{port}", redis, postgres
    finally:
        server.terminate()
        server.wait(10)
        redis.process.kill()
        subprocess.run(
            [
                *postgres.prefix,
                f"{postgres.bin}/pg_ctl",
                "-D",
                str(postgres.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(directory, ignore_errors=True)


def test_pages_served_without_the_cache_when_redis_stops(services):
    base, redis, _ = services
    try:
        answers = requests_while(base, redis.stop)
    finally:
        redis.start()

    by_status = figures("Redis stopped", answers)
    assert set(by_status) == {200}


def test_503_with_retry_after_never_500_when_postgresql_stops(services):
    base, _, postgres = services
    try:
        answers = requests_while(base, postgres.stop)
    finally:
        postgres.start()

    by_status = figures("PostgreSQL stopped", answers)
    assert set(by_status) <= {200, 503}
    assert by_status[503] > 0
    assert {retry for status, retry in answers if status == 503} == {"30"}
