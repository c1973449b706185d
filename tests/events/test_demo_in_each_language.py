"""The demo data names places and dates as each page's language does."""

import pytest
from django.core.management import call_command

from events.models import Event
from tests.html import inner, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_partner_label_in_the_pages_language(client, demo):
    visit = Event.objects.get(kind=Event.Kind.STUDY_VISIT, number=1)

    html = client.get(f"/sv{visit.get_absolute_url()[3:]}").content.decode()

    facts = text(inner(html, '<dl class="facts"'))
    host = facts[: facts.index(" Deltagare")]
    assert host == "När 17 juli 2021 Format Ej angivet Värd P1 Genua"
