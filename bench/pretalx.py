"""pretalx beside the portal in `make bench`: a peer's talk page under the same server settings.

`python bench/pretalx.py setup` installs pretalx (PRETALX_VERSION, from PyPI) into its own
virtual environment (bench/.pretalx-venv; never the portal's requirements), gives it its own
PostgreSQL database (the benchmark's name with "_pretalx") and data directory
(bench-results/pretalx), creates its demo event once (`init --noinput`, then
`create_test_event`, pretalx's own demo-data command) and prints, as the last line, JSON that
bench/run.py serves it with: {gunicorn, cwd, env, url, version}. Production mode (debug off).
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PRETALX_VERSION = "2025.2.2"
# The same gunicorn as the portal's, pretalx's PostgreSQL extra, and what its demo-data
# command imports (Faker, freezegun).
REQUIREMENTS = [
    f"pretalx[postgres]=={PRETALX_VERSION}",
    "gunicorn==27.0.1",
    "Faker==40.54.0",
    "freezegun==1.5.5",
]
VENV = ROOT / "bench" / ".pretalx-venv"
DATA = ROOT / "bench-results" / "pretalx"
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/better_perf")
PORT = int(os.environ.get("BENCH_PORT", "8765"))


def database():
    url = urlparse(DATABASE_URL)
    return url, url.path.lstrip("/") + "_pretalx"


def environment():
    url, name = database()
    DATA.mkdir(parents=True, exist_ok=True)
    secret = DATA / "secret"
    if not secret.exists():
        secret.write_text(secrets.token_urlsafe(50))
    config = DATA / "pretalx.cfg"
    config.write_text(f"[site]\nsecret={secret.read_text()}\n")
    return {
        "PRETALX_CONFIG_FILE": str(config),
        "PRETALX_DATA_DIR": str(DATA),
        "PRETALX_DEBUG": "False",
        "PRETALX_SITE_URL": f"http://127.0.0.1:{PORT}",
        "PRETALX_DB_TYPE": "postgresql",
        "PRETALX_DB_NAME": name,
        "PRETALX_DB_USER": url.username or "postgres",
        "PRETALX_DB_PASS": url.password or "",
        "PRETALX_DB_HOST": url.hostname or "127.0.0.1",
        "PRETALX_DB_PORT": str(url.port or 5432),
        "PRETALX_REDIS": "False",
        "DJANGO_SETTINGS_MODULE": "pretalx.settings",
    }


def python():
    return str(VENV / "bin" / "python")


def run(*args, env=None):
    result = subprocess.run(
        args, cwd=DATA, env={**os.environ, **(env or {})}, text=True, capture_output=True
    )
    if result.returncode:
        print(result.stdout[-2000:], result.stderr[-2000:], file=sys.stderr)
        raise SystemExit(f"failed: {' '.join(map(str, args))}")
    return result.stdout


def install():
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    marker = VENV / ".installed"
    if not marker.exists() or marker.read_text() != " ".join(REQUIREMENTS):
        subprocess.run([python(), "-m", "pip", "install", "--quiet", *REQUIREMENTS], check=True)
        marker.write_text(" ".join(REQUIREMENTS))


def create_database():
    import psycopg2

    url, name = database()
    conn = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname="postgres",
    )
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()


TALK_URL = """
import django, json
django.setup()
from django_scopes import scopes_disabled
from pretalx.person.models import User
from pretalx.schedule.models import TalkSlot
with scopes_disabled():
    slot = (TalkSlot.objects.filter(schedule__event__slug="democon", is_visible=True,
            schedule__version__isnull=False, submission__isnull=False)
            .select_related("submission").order_by("pk").first())
    url = f"/democon/talk/{slot.submission.code}/" if slot else None
    admin = User.objects.filter(is_administrator=True).exists()
    print(json.dumps({"url": url, "admin": admin}))
"""


def setup():
    install()
    create_database()
    env = environment()
    run(python(), "-m", "pretalx", "migrate", "--noinput", env=env)
    rebuilt = DATA / ".rebuilt"  # its static files, once per version (minutes)
    if not rebuilt.exists() or rebuilt.read_text() != PRETALX_VERSION:
        run(python(), "-m", "pretalx", "rebuild", env=env)
        rebuilt.write_text(PRETALX_VERSION)
    found = json.loads(run(python(), "-c", TALK_URL, env=env).strip().splitlines()[-1])
    if found["url"] is None and not found["admin"]:
        admin = {
            "DJANGO_SUPERUSER_EMAIL": "bench@example.org",
            "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(20),
            "PRETALX_INIT_ORGANISER_NAME": "Bench",
            "PRETALX_INIT_ORGANISER_SLUG": "bench",
        }
        run(python(), "-m", "pretalx", "init", "--noinput", env={**env, **admin})
    if found["url"] is None:
        run(python(), "-m", "pretalx", "create_test_event", "--seed", "1", env=env)
        found = json.loads(run(python(), "-c", TALK_URL, env=env).strip().splitlines()[-1])
    url = found["url"]
    if url is None:
        raise SystemExit("pretalx's demo event has no scheduled talk")
    setup = {
        "gunicorn": str(VENV / "bin" / "gunicorn"),
        "cwd": str(DATA),
        "env": env,
        "url": url,
        "version": PRETALX_VERSION,
    }
    print(json.dumps(setup))


if __name__ == "__main__":
    if sys.argv[1:] == ["setup"]:
        setup()
    else:
        raise SystemExit(__doc__)
