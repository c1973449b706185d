PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test lint messages lock clean bench worker checkers

install: $(STAMP)
	@$(PY) manage.py compile_translations

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The independent clients the tests run (tests/clients/): the Nu Html Checker (vnu-jar, needs
# Java 17) and Mozilla's ical.js (needs node), at the versions pinned in package-lock.json.
checkers: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

run: install
	$(PY) manage.py migrate --noinput
	@# Before load_demo, whose demo staff logins would otherwise count as existing users.
	$(PY) manage.py ensure_demo_coordinator --quiet
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_demo_coordinator
	@# The task worker (it sends the mail) beside the development server; Ctrl-C stops both.
	@trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py db_worker & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:8000

# pytest-xdist: one worker per core (each with its own test database); PYTEST_WORKERS=0 runs in
# this process alone. loadscope keeps each module on one worker, in order (module-scoped data).
PYTEST_WORKERS ?= auto
test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install
	$(PY) manage.py makemessages --no-location --no-obsolete -l it -l et -l hu -l sv -l el --ignore=.venv
	sed -i '/^"POT-Creation-Date: /d' locale/*/LC_MESSAGES/django.po

lock:
	$(PYTHON) -m venv /tmp/better-lock && /tmp/better-lock/bin/pip install --quiet ".[dev]" && /tmp/better-lock/bin/pip freeze --exclude better-portal > requirements.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Production serving: gunicorn with whitenoise's compressed, hashed static files, on the
# PostgreSQL and Redis named by DATABASE_URL and REDIS_URL (SQLite and local memory otherwise).
# Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS; see docs/deployment.md.
# SERVE_MIGRATE=0 skips migrate, for every machine but one when several share a database.
# One task worker (mail) runs beside gunicorn and stops with it; SERVE_WORKER=0 leaves it out,
# for machines whose workers run as their own service (`make worker`). See docs/deployment.md.
BIND ?= 127.0.0.1:8000
SERVE_MIGRATE ?= 1
SERVE_WORKER ?= 1
.PHONY: serve
serve: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production mode)." >&2; exit 1; }
	DJANGO_DEBUG=0 $(PY) manage.py check --deploy
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0
	@if [ "$(SERVE_MIGRATE)" = 1 ]; then DJANGO_DEBUG=0 $(PY) manage.py migrate --noinput; fi
	@trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	if [ "$(SERVE_WORKER)" = 1 ]; then DJANGO_DEBUG=0 $(PY) manage.py db_worker --no-reload & worker=$$!; fi; \
	DJANGO_DEBUG=0 $(VENV)/bin/gunicorn better_portal.wsgi:application \
		--bind $(BIND) --workers $${WEB_CONCURRENCY:-2} \
		--access-logfile - --error-logfile - --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

# The task worker alone, in production mode: what runs the queued mail. As many as wanted, on
# any machine with the same DATABASE_URL; they share the queue (docs/deployment.md).
worker: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production mode)." >&2; exit 1; }
	DJANGO_DEBUG=0 exec $(PY) manage.py db_worker --no-reload

# Performance: PostgreSQL + gunicorn + wrk on loopback, bounded; see bench/run.py.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) bench/run.py
