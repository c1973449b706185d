"""`make bench`: serve the portal with gunicorn on loopback and load it with wrk.

Bounded: each URL gets DURATION seconds of load at CONNECTIONS connections; everything runs on
127.0.0.1 and stops by itself. Steps, side by side in one run:
1. the 200-event data set: the search with a new query on every request (scaling comparison);
2. the 20,000-event data set, served twice: with the page cache (Redis) and without it
   (PORTAL_PAGE_CACHE=0, every request rendered by Django; Redis stays the cache of fragments);
   the bare view (the ceiling) in each server;
3. one project's pages (200 events) alone and with PROJECTS projects of 200 events each in the
   database (generate_data --projects), uncached: the cost must not grow with the projects;
4. pretalx (bench/pretalx.py, its own virtual environment), its demo event's talk page, under
   the same gunicorn settings.
Each size has its own database (DATABASE_URL, default better_perf, for 20,000 events; the same
name with "_200" for 200). A generated data set is kept as a template database ("<name>_tpl"):
a later run copies it (seconds) instead of generating 20,000 events again (minutes).
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
# One project's pages with this many projects in the database, beside the project alone.
PROJECTS = int(os.environ.get("BENCH_PROJECTS", "50"))
PROJECT_PAGES = (
    "events list p1",
    "event page",
    "partner page",
    "practice catalogue",
    "practice page",
    "JSON export",
)
SCALED = ("events list p1", "search")
RESULTS = ROOT / "bench-results"


def run(*args, env=None, capture=False):
    return subprocess.run(
        args, cwd=ROOT, env=env or os.environ, check=True, text=True, capture_output=capture
    ).stdout


def database_url(events, projects=1):
    if projects > 1:
        return f"{DATABASE_URL}_{events}x{projects}"
    return DATABASE_URL if events == LARGE else f"{DATABASE_URL}_{events}"


def database_env(events, projects=1):
    return {
        **os.environ,
        "DATABASE_URL": database_url(events, projects),
        "DJANGO_SETTINGS_MODULE": "better_portal.settings",
    }


def admin_connection(events, projects=1):
    import psycopg2

    url = urlparse(database_url(events, projects))
    conn = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname="postgres",
    )
    conn.autocommit = True
    return conn, url.path.lstrip("/")


def event_count(events, projects=1):
    """Generated events in the database of this size, or None when it is missing or unmigrated."""
    import psycopg2

    try:
        with psycopg2.connect(database_url(events, projects)) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM events_event WHERE slug LIKE 'gen-%%'")
            return cur.fetchone()[0]
    except psycopg2.Error:
        return None


def _recreate(cur, name, template=None):
    cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    cur.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def _template_exists(cur, name):
    cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cur.fetchone() is not None


def ensure_dataset(events, projects=1):
    """A database holding exactly the generated data set of this size (`events` in each of
    `projects` projects), migrated: kept when it holds it, else copied from the template
    database, else generated (and kept as template)."""
    size = events * projects
    if event_count(events, projects) != size:
        conn, name = admin_connection(events, projects)
        template = f"{name}_tpl"
        with conn.cursor() as cur:
            if _template_exists(cur, template):
                print(f"== Copying {events} events from the template database", flush=True)
                _recreate(cur, name, template)
            else:
                _recreate(cur, name)
        if event_count(events, projects) != size:
            print(f"== Generating {size} events (a few minutes for 20,000)", flush=True)
            env = database_env(events, projects)
            run(PY, "manage.py", "migrate", "--noinput", "-v0", env=env)
            run(
                PY,
                "manage.py",
                "generate_data",
                "--events",
                str(events),
                "--projects",
                str(projects),
                "--seed",
                "1",
                env=env,
            )
            with conn.cursor() as cur:
                _recreate(cur, template, name)
        conn.close()
    run(PY, "manage.py", "migrate", "--noinput", "-v0", env=database_env(events, projects))
    import psycopg2

    conn = psycopg2.connect(database_url(events, projects))
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


def server_env(events, page_cache=True, projects=1):
    env = {
        **database_env(events, projects),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_CONN_MAX_AGE": "60",
        "PORTAL_BENCH": "1",
        "PORTAL_PAGE_CACHE": "1" if page_cache else "0",
    }
    if redis_answers():
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()  # this benchmark's own database number
        env["REDIS_URL"] = REDIS_URL
    return env


class Server:
    """gunicorn with 2 sync workers on loopback; samples each worker's RSS while it runs."""

    def __init__(
        self, env, app="better_portal.wsgi", gunicorn=None, cwd=ROOT, probe="/bench/bare/"
    ):
        self.env = env
        self.app, self.cwd, self.probe = app, cwd, probe
        self.gunicorn = gunicorn or str(Path(PY).parent / "gunicorn")
        self.peak = {}
        self.sampling = False

    def __enter__(self):
        # The same settings for every server measured, ours and pretalx.
        self.process = subprocess.Popen(
            [
                self.gunicorn,
                self.app,
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=self.cwd,
            env=self.env,
        )
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}{self.probe}", timeout=2)
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

    def drain(self):
        """Wait until the requests that wrk left in the backlog are served: two requests in a
        row (one per worker) answer only after what was queued before them."""
        for _ in range(2):
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{self.probe}", timeout=300).read()

    def reset_peak(self):
        self.peak = {}

    def peak_mb(self):
        return max(self.peak.values(), default=0)


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, duration=DURATION, script=None):
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
        # Long enough that wrk never gives up on a slow page: a request it abandons stays in
        # gunicorn's backlog and is served anyway, taking time from the next one measured.
        "--timeout",
        "30s",
        *(["-s", str(script)] if script else []),
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


def search_script():
    """A wrk script that asks a new search on every request: the words of generate_data's
    English vocabulary (made-up words and the real ones, every rank of its Zipf distribution),
    from a random start, each request the next word, with a nonce so that the page cache never
    has the URL either."""
    code = (
        "import json; from events.management.commands.generate_data import Generator; "
        "print(json.dumps(Generator(events=200, seed=1).vocabulary('en')[0]))"
    )
    out = run(PY, "manage.py", "shell", "-c", code, env=database_env(SMALL), capture=True)
    words = json.loads(out.strip().splitlines()[-1])
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "search.lua"
    path.write_text(
        "local words = {" + ",".join(f'"{w}"' for w in words) + "}\n"
        "math.randomseed(os.time() + os.clock() * 1e6)\n"
        "local i = math.random(#words)\n"
        "request = function()\n"
        "  i = i + 1\n"
        "  local q = words[i % #words + 1]\n"
        '  return wrk.format("GET", "/en/search/?q=" .. q .. "&n=" .. i .. "-" .. '
        "math.random(1e9))\n"
        "end\n"
    )
    return path


def measure(pages, env, with_bare=True, label=""):
    """Load each page in turn in one server. Before the clock: the first request and two
    seconds of load, so that both workers have served the page once (their first request loads
    templates, translations and zone data) and what is measured is the steady state."""
    results = {}
    with Server(env) as server:
        targets = ({"bare view": {"url": "/bench/bare/"}} if with_bare else {}) | pages
        for name, page in targets.items():
            script = page.get("script")
            if not script:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}{page['url']}", timeout=300).read()
            wrk(page["url"], duration=WARM_UP, script=script)
            server.reset_peak()
            results[name] = {**page, **wrk(page["url"], script=script), "mb": 0}
            results[name]["mb"] = server.peak_mb()
            print(f"   {label}{name}: {results[name]['rps']:.0f} req/s", flush=True)
            server.drain()
    return results


def pretalx():
    """pretalx's talk page under the same server settings, or the reason it could not run."""
    try:
        out = run(PY, "bench/pretalx.py", "setup", capture=True)
    except subprocess.CalledProcessError as error:
        return None, f"pretalx could not be set up: {(error.stdout or '')[-300:]}"
    setup = json.loads(out.strip().splitlines()[-1])
    server = Server(
        {**os.environ, **setup["env"]},
        app="pretalx.wsgi",
        gunicorn=setup["gunicorn"],
        cwd=setup["cwd"],
        probe=setup["url"],
    )
    with server:
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}{setup['url']}", timeout=300).read()
        wrk(setup["url"], duration=WARM_UP)
        server.reset_peak()
        result = {**wrk(setup["url"]), "url": setup["url"], "version": setup["version"]}
        result["mb"] = server.peak_mb()
    print(f"   pretalx {setup['version']} talk page: {result['rps']:.0f} req/s", flush=True)
    return result, None


def queries(events, names=(), projects=1):
    env = database_env(events, projects)
    out = run(PY, "bench/queries.py", *names, env=env, capture=True)
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


def ratio(a, b):
    return f"{a / b:.2f}" if b else "∞"


TARGET = {"ICS feed": 0.05, "JSON export": 0.05, "home": None}


def table(cached, uncached, small_search, peer, peer_note):
    bare_c, bare_u = cached["bare view"]["rps"], uncached["bare view"]["rps"]
    rows = [
        "| page | cached req/s | × bare | uncached req/s | × bare | target | p50 ms | p99 ms "
        "| errors | queries | miss ms | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, u in uncached.items():
        c = cached.get(name, {})
        target = "–" if name == "bare view" else TARGET.get(name, 0.10)
        if name == "search (new query)":
            target = "300 req/s, p99 < 100"
        elif isinstance(target, float):
            target = f"≥ {target:.2f}"
        elif target is None:
            target = "–"
        rows.append(
            f"| {name} | {c.get('rps', 0):.0f} | {c.get('rps', 0) / bare_c:.2f} | {u['rps']:.0f} "
            f"| {u['rps'] / bare_u:.2f} | {target} | {u['p50']:.1f} | {u['p99']:.1f} "
            f"| {u['errors'] + c.get('errors', 0)} | {u.get('queries', '–')} "
            f"| {u.get('ms', '–')} | {max(u['mb'], c.get('mb', 0)):.0f} |"
        )
    if peer:
        rows.append(
            f"| pretalx {peer['version']} talk page (its demo event) | – | – | {peer['rps']:.0f} "
            f"| {peer['rps'] / bare_u:.2f} | – | {peer['p50']:.1f} | {peer['p99']:.1f} "
            f"| {peer['errors']} | – | – | {peer['mb']:.0f} |"
        )
    big = uncached["search (new query)"]
    rows += [
        "",
        "p50/p99, errors, queries and miss ms are of the uncached server (queries and miss ms: "
        "bench/queries.py, one render through Django's test client). The errors column adds "
        "both servers' errors.",
        "",
    ]
    if peer:
        rows.append(
            "Ratio to pretalx's talk page: our event page "
            f"{ratio(uncached['event page']['rps'], peer['rps'])}× uncached, "
            f"{ratio(cached['event page']['rps'], peer['rps'])}× cached."
        )
    else:
        rows.append(f"pretalx: not measured ({peer_note}).")
    rows += [
        "",
        f"Search with a new query on every request, {SMALL} vs {LARGE} events (uncached server):",
        "",
        "| events | req/s | p50 ms | p99 ms | errors |",
        "|---:|---:|---:|---:|---:|",
        f"| {SMALL} | {small_search['rps']:.0f} | {small_search['p50']:.1f} "
        f"| {small_search['p99']:.1f} | {small_search['errors']} |",
        f"| {LARGE} | {big['rps']:.0f} | {big['p50']:.1f} | {big['p99']:.1f} | {big['errors']} |",
        "",
        f"Slowdown from {SMALL} to {LARGE} events: {ratio(small_search['rps'], big['rps'])}×.",
    ]
    return "\n".join(rows)


def projects_table(alone, many):
    rows = [
        "",
        f"One project's pages ({SMALL} events) alone and beside {PROJECTS - 1} other projects of "
        f"{SMALL} events each (uncached server; bare view of each run):",
        "",
        f"| page | 1 project req/s | {PROJECTS} projects req/s | ratio "
        f"| queries (1 / {PROJECTS}) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, one in alone.items():
        other = many.get(name, {})
        rows.append(
            f"| {name} | {one['rps']:.0f} | {other.get('rps', 0):.0f} "
            f"| {ratio(other.get('rps', 0), one['rps'])} "
            f"| {one.get('queries', '–')} / {other.get('queries', '–')} |"
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
    search = {"search (new query)": {"url": "/en/search/", "script": search_script()}}
    print(f"== {SMALL} events", flush=True)
    ensure_dataset(SMALL)
    small = measure(search, server_env(SMALL, page_cache=False), with_bare=False)
    print(f"== {SMALL} events in each of {PROJECTS} projects", flush=True)
    alone_pages = {n: p for n, p in queries(SMALL).items() if n in PROJECT_PAGES}
    alone = measure(alone_pages, server_env(SMALL, page_cache=False), label="1 project ")
    ensure_dataset(SMALL, PROJECTS)
    many_pages = {n: p for n, p in queries(SMALL, projects=PROJECTS).items() if n in PROJECT_PAGES}
    env = server_env(SMALL, page_cache=False, projects=PROJECTS)
    many = measure(many_pages, env, label=f"{PROJECTS} projects ")
    print(f"== {LARGE} events", flush=True)
    ensure_dataset(LARGE)
    pages = queries(LARGE)
    pages.pop("search", None)
    pages |= search
    cached = measure(pages, server_env(LARGE, page_cache=True), label="cached ")
    uncached = measure(pages, server_env(LARGE, page_cache=False), label="uncached ")
    print("== pretalx", flush=True)
    peer, peer_note = pretalx()
    header = (
        f"Run {started} on {machine()}; PostgreSQL, Redis cache "
        f"{'on' if redis_answers() else 'off'}, gunicorn 2 sync workers, wrk (1 thread) "
        f"{CONNECTIONS} connections × {DURATION} s per page after {WARM_UP} s of warm-up, "
        "on 127.0.0.1.\n"
    )
    body = table(cached, uncached, small["search (new query)"], peer, peer_note)
    write(header + "\n" + body + "\n" + projects_table(alone, many))


if __name__ == "__main__":
    main()
