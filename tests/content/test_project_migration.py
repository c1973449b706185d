"""Issue 20: an existing one-project database (the demo's) moves into the model of projects with
one `migrate`: its site identity becomes the first project, which owns every row, and its
addresses and calendar UIDs stay as they were."""

import io
import re

import pytest
from django.core.management import call_command

from content.site import Project
from events.models import Event, Semester
from practices.models import GoodPractice

BEFORE_PROJECTS = "0003_site_identity_and_legal_pages"


def calendar_entries(client):
    ics = client.get("/en/events/calendar.ics").content.decode().replace("\r\n ", "")
    return re.findall(r"UID:(\S+)\r\n", ics), re.findall(r"URL:(\S+)\r\n", ics)


@pytest.mark.django_db(transaction=True)
def test_one_migrate_moves_a_one_project_database_into_projects(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    entries = calendar_entries(client)
    slugs = sorted(Event.objects.values_list("slug", flat=True))
    # The database as it was before projects, with the demo in it ...
    call_command("migrate", "content", BEFORE_PROJECTS, verbosity=0)

    call_command("migrate", verbosity=0)  # ... and the one migrate

    project = Project.objects.get()
    assert (project.acronym, project.slug) == ("BETTER", "better")
    assert set(Event.objects.values_list("project", flat=True)) == {project.pk}
    assert set(GoodPractice.objects.values_list("project", flat=True)) == {project.pk}
    assert set(Semester.objects.values_list("project", flat=True)) == {project.pk}
    assert project.legalpages.count() == 3
    assert sorted(Event.objects.values_list("slug", flat=True)) == slugs
    assert calendar_entries(client) == entries
