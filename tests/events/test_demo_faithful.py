"""The demo data states only what the seeds say."""

import pytest
from django.core.management import call_command

from events.models import Event, Semester
from practices.models import Theme
from tests.html import inner, text

pytestmark = pytest.mark.django_db

GENERAL_ET = "BETTER pöörab järk-järgult fookuse heade praktikatega tutvumiselt"


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_study_visits_format_not_stated(client, demo):
    visits = Event.objects.filter(kind=Event.Kind.STUDY_VISIT).order_by("number")

    assert [v.format for v in visits] == ["", "", ""]
    html = client.get(visits[0].get_absolute_url()).content.decode()
    facts = text(inner(html, '<dl class="facts"'))
    assert facts.startswith("When 17 July 2021 Format Not stated Host P1 Genoa")


def test_study_visit_in_api_format_null(client, demo):
    results = client.get("/en/api/events/", {"kind": "study_visit"}).json()["results"]

    assert [r["format"] for r in results] == [None, None, None]


def test_general_paragraphs_told_once_in_the_semester(demo):
    bodies = [e.body_et or "" for e in Event.objects.all()]
    summaries = [s.summary_et or "" for s in Semester.objects.all()]

    assert [GENERAL_ET in b for b in bodies].count(True) == 0
    assert [GENERAL_ET in s for s in summaries] == [False, False, False, False, True, False]


def test_each_visit_carries_its_own_part(demo):
    gavle = Event.objects.get(kind=Event.Kind.STUDY_VISIT, number=3)

    assert gavle.body_et == (
        "Uuritud head praktikad:\n- TEENUSEDISAIN JA E-TEENUSTE ARENDAMINE – Gävle omavalitsuse "
        "teenuste digitaliseerimine, e-teenuste arendamise põhimõtted ja omavalitsuse "
        "innovatsiooniüksus"
    )


def test_no_invented_theme(demo):
    nyiregyhaza = Event.objects.get(kind=Event.Kind.STUDY_VISIT, number=2)

    assert list(nyiregyhaza.themes.all()) == []
    assert not Theme.objects.filter(slug="education-and-innovation").exists()
