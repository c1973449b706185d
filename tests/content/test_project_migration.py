"""Issue 20: an existing one-project database (the demo's) moves into the model of projects with
one `migrate`: its site identity becomes the first project, which owns every row, and its
addresses and calendar UIDs stay as they were.

The database is a file of its own, handled by `manage.py` in subprocesses: migrating the test
database back and forth would change the ids of its content types and permissions, which other
tests' rollbacks restore."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BEFORE_PROJECTS = "0003_site_identity_and_legal_pages"

# BETTER alone (the demo as a one-project instance holds it); then what the test compares.
ONE_PROJECT = """
from content.site import Project
for project in Project.objects.order_by("pk")[1:]:
    for related in (project.events, project.goodpractices, project.semesters):
        related.all().delete()
    project.legalpages.all().delete()
    project.delete()
"""
STATE = """
import json, re
from django.test import Client
from events.models import Event
ics = Client().get("/en/events/calendar.ics").content.decode().replace("\\r\\n ", "")
print("RESULT", json.dumps({
    "slugs": sorted(Event.objects.values_list("slug", flat=True)),
    "uids": re.findall(r"UID:(\\S+)\\r\\n", ics),
    "urls": re.findall(r"URL:(\\S+)\\r\\n", ics),
}))
"""
PROJECTS = """
import json
from content.site import Project
from events.models import Event, Semester
from practices.models import GoodPractice
project = Project.objects.get()
print("RESULT", json.dumps({
    "project": [project.pk, project.acronym, project.slug],
    "owners": sorted({
        *Event.objects.values_list("project", flat=True),
        *GoodPractice.objects.values_list("project", flat=True),
        *Semester.objects.values_list("project", flat=True),
    }),
    "legal_pages": project.legalpages.count(),
}))
"""


def manage(tmp_path, *args):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))}
    environment.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'copy.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout


def result(tmp_path, code):
    """What the code prints after RESULT (the server's log lines go to stdout too)."""
    lines = manage(tmp_path, "shell", "-c", code).splitlines()
    return json.loads(next(line for line in lines if line.startswith("RESULT "))[7:])


def test_one_migrate_moves_a_one_project_database_into_projects(tmp_path):
    manage(tmp_path, "migrate", "--noinput", "-v0")
    manage(tmp_path, "load_demo")
    manage(tmp_path, "shell", "-c", ONE_PROJECT)
    before = result(tmp_path, STATE)
    # The database as it was before projects, with the demo in it ...
    manage(tmp_path, "migrate", "content", BEFORE_PROJECTS, "--noinput", "-v0")

    manage(tmp_path, "migrate", "--noinput", "-v0")  # ... and the one migrate

    assert result(tmp_path, PROJECTS) == {
        "project": [1, "BETTER", "better"],
        "owners": [1],
        "legal_pages": 3,
    }
    assert result(tmp_path, STATE) == before
    assert before["uids"][0] == "event-4@better.example"
