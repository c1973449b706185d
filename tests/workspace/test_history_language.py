"""Workspace history entries in the page's language, with the language's own clock."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event
from tests.workspace.helpers import visit_data

pytestmark = pytest.mark.django_db


def history_entries(client, event, lang):
    with translation.override(lang):
        url = reverse("workspace:event-detail", args=[event.pk])
    html = client.get(url).content.decode()
    return re.findall(r"<li><time[^>]*>([^<]*)</time>\s*— [^:<]*: ([^<]*)</li>", html)


@pytest.mark.parametrize(
    ("lang", "created"),
    [
        ("en", "Created in the workspace"),
        ("et", "Loodud tööalas"),
        ("sv", "Skapad i arbetsytan"),
        ("it", "Creato nell’area di lavoro"),
    ],
)
def test_history_reason_in_page_language(client, staff_a, partner_a, lang, created):
    client.force_login(staff_a)
    client.post(reverse("workspace:event-create"), visit_data(partner_a))
    event = Event.objects.get(title_en="Study visit to Tartu")

    entries = history_entries(client, event, lang)

    assert [unescape(reason) for _, reason in entries] == [created]


def test_estonian_history_time_24_hour(client, staff_a, partner_a):
    client.force_login(staff_a)
    client.post(reverse("workspace:event-create"), visit_data(partner_a))
    event = Event.objects.get(title_en="Study visit to Tartu")

    ((when, _),) = history_entries(client, event, "et")

    assert re.fullmatch(r"\d{1,2}\. \w+ \d{4}, \d{2}:\d{2} \S+", when)


def test_estonian_uses_one_term_for_good_practice():
    po = polib.pofile(Path(__file__).resolve().parents[2] / "locale/et/LC_MESSAGES/django.po")
    texts = " ".join(e.msgstr for e in po).lower()

    assert [term for term in ("hea tava", "head tava", "häid tavasid") if term in texts] == []
