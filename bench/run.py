"""`make bench`: serve the portal with gunicorn on loopback and load it with wrk.

Bounded: each URL gets DURATION seconds of load at CONNECTIONS connections; everything runs on
127.0.0.1 and stops by itself. Steps:
1. the 200-event data set: the events list and the search (for the scaling comparison);
2. the 20,000-event data set: every benchmarked page and the bare view (the ceiling).
Each size has its own database (DATABASE_URL, default better_perf, for 20,000 events; the same
name with "_200" for 200), recreated only when it does not hold its data set.
Results: bench-results/latest.md, the screen, and the table between the markers in README.md.
"""

import json
import os
import platform
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/better_perf")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WARM_UP = 2
SMALL, LARGE = 200, int(os.environ.get("BENCH_EVENTS", "20000"))
SCALED = ("events list p1", "search")
RESULTS = ROOT / "bench-results"


def run(*args, env=None, capture=False):
    return subprocess.run(
        args, cwd=ROOT, env=env or os.environ, check=True, text=True, capture_output=capture
    ).stdout


def database_url(events):
    return DATABASE_URL if events == LARGE else f"{DATABASE_URL}_{events}"


def database_env(events):
    return {
        **os.environ,
        "DATABASE_URL": database_url(events),
        "DJANGO_SETTINGS_MODULE": "better_portal.settings",
    }


def admin_connection(events):
    import psycopg2

    url = urlparse(database_url(events))
    conn = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname="postgres",
    )
    conn.autocommit = True
    return conn, url.path.lstrip("/")


def event_count(events):
    """Generated events in the database of this size, or None when it is missing or unmigrated."""
    import psycopg2

    try:
        with psycopg2.connect(database_url(events)) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM events_event WHERE slug LIKE 'gen-%%'")
            return cur.fetchone()[0]
    except psycopg2.Error:
        return None


def ensure_dataset(events):
    """A database holding exactly the generated data set of this size, migrated."""
    if event_count(events) != events:
        conn, name = admin_connection(events)
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        print(f"== Generating {events} events (a few minutes for 20,000)", flush=True)
        run(PY, "manage.py", "migrate", "--noinput", "-v0", env=database_env(events))
        run(
            PY,
            "manage.py",
            "generate_data",
            "--events",
            str(events),
            "--seed",
            "1",
            env=database_env(events),
        )
    run(PY, "manage.py", "migrate", "--noinput", "-v0", env=database_env(events))
    import psycopg2

    conn = psycopg2.connect(database_url(events))
    conn.autocommit = True
    conn.cursor().execute("VACUUM ANALYZE")
    conn.close()


def redis_answers():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
        return True
    except Exception:
        return False


def server_env(events):
    env = {
        **database_env(events),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_CONN_MAX_AGE": "60",
        "PORTAL_BENCH": "1",
    }
    if redis_answers():
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()  # this benchmark's own database number
        env["REDIS_URL"] = REDIS_URL
    return env


class Server:
    """gunicorn with 2 sync workers on loopback; samples each worker's RSS while it runs."""

    def __init__(self, env):
        self.env = env
        self.peak = {}
        self.sampling = False

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(PY).parent / "gunicorn"),
                "better_portal.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("gunicorn did not answer within 60 s")
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.sampling = True
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.sampling = False
        self.process.terminate()
        self.process.wait(timeout=30)

    def workers(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def _sample(self):
        while self.sampling:
            for pid in self.workers():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
                self.peak[pid] = max(self.peak.get(pid, 0), rss)
            time.sleep(0.2)

    def reset_peak(self):
        self.peak = {}

    def peak_mb(self):
        return max(self.peak.values(), default=0)


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, duration=DURATION):
    # One wrk thread: 16 connections are no work for it, and a second thread would take CPU
    # from the server on a 2-core machine.
    out = run(
        "wrk",
        "-t",
        "1",
        "-c",
        str(CONNECTIONS),
        "-d",
        f"{duration}s",
        "--latency",
        "--timeout",
        "5s",
        f"http://127.0.0.1:{PORT}{url}",
        capture=True,
    )
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": errors + (int(bad.group(1)) if bad else 0),
    }


def measure(events, pages, with_bare):
    """Load each page in turn. Before the clock: the first request (a cache miss) and two seconds
    of load, so that both workers have served the page once (their first request loads
    templates, translations and zone data) and what is measured is the steady state."""
    results = {}
    with Server(server_env(events)) as server:
        targets = ({"bare view": {"url": "/bench/bare/"}} if with_bare else {}) | pages
        for name, page in targets.items():
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{page['url']}", timeout=300).read()
            wrk(page["url"], duration=WARM_UP)
            server.reset_peak()
            results[name] = {**page, **wrk(page["url"]), "mb": 0}
            results[name]["mb"] = server.peak_mb()
            print(f"   {name}: {results[name]['rps']:.0f} req/s", flush=True)
    return results


def queries(events, names=()):
    out = run(PY, "bench/queries.py", *names, env=database_env(events), capture=True)
    return json.loads(out.strip().splitlines()[-1])


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return f"{os.cpu_count()} cores ({cpu}), {mem / 1024 / 1024:.0f} GB RAM, {platform.platform()}"


def table(large, small):
    bare = large["bare view"]["rps"]
    rows = [
        "| page | req/s | median ms | p99 ms | × bare | errors | queries (miss) | miss ms "
        "| peak MB/worker |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in large.items():
        rows.append(
            f"| {name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['rps'] / bare:.2f} "
            f"| {r['errors']} | {r.get('queries', '–')} | {r.get('ms', '–')} | {r['mb']:.0f} |"
        )
    rows += [
        "",
        f"Scaling from {SMALL} to {LARGE} events (served: req/s and p99 with the page cache; "
        "miss: the first request after an edit, rendered afresh, through Django's test client):",
        "",
        f"| page | req/s at {SMALL} | req/s at {LARGE} | slowdown | p99 ms at {SMALL} "
        f"| p99 ms at {LARGE} "
        f"| miss ms at {SMALL} | miss ms at {LARGE} | miss slowdown |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in SCALED:
        s, big = small[name], large[name]
        rows.append(
            f"| {name} | {s['rps']:.0f} | {big['rps']:.0f} | {s['rps'] / big['rps']:.2f}× "
            f"| {s['p99']:.1f} | {big['p99']:.1f} | {s['ms']} | {big['ms']} "
            f"| {big['ms'] / s['ms']:.2f}× |"
        )
    return "\n".join(rows)


def write(markdown):
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(markdown + "\n")
    readme = ROOT / "README.md"
    text = readme.read_text()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin in text:
        text = re.sub(f"{begin}.*?{end}", f"{begin}\n{markdown}\n{end}", text, flags=re.S)
        readme.write_text(text)
    print("\n" + markdown)


def main():
    started = time.strftime("%Y-%m-%d %H:%M")
    # Production settings serve hashed static files: the manifest must exist.
    run(PY, "manage.py", "collectstatic", "--noinput", "-v0", env=server_env(LARGE))
    results = {}
    for events in (SMALL, LARGE):
        print(f"== {events} events", flush=True)
        ensure_dataset(events)
        names = ["events list p1", "search"] if events == SMALL else []
        results[events] = measure(events, queries(events, names), with_bare=events == LARGE)
    large, small = results[LARGE], results[SMALL]
    header = (
        f"Run {started} on {machine()}; PostgreSQL, Redis cache "
        f"{'on' if redis_answers() else 'off'}, gunicorn 2 sync workers, wrk (1 thread) "
        f"{CONNECTIONS} connections × {DURATION} s per page after {WARM_UP} s of warm-up, "
        "on 127.0.0.1.\n"
    )
    write(header + "\n" + table(large, small))


if __name__ == "__main__":
    main()
