"""The gettext catalogues are complete, keep their placeholders, and are used at run time."""

import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import gettext, override

from events.models import Event, Semester, StudyVisit
from practices.models import GoodPractice

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]

# %(name)s-style and {name}-style placeholders.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w*)\}")


def placeholders(text):
    return Counter(match.group(0) for match in PLACEHOLDER.finditer(text))


def test_every_configured_language_has_a_catalogue():
    languages = {po.parent.parent.name for po in PO_FILES}
    assert languages == set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_catalogue_is_complete_and_keeps_placeholders(po_path):
    catalogue = polib.pofile(str(po_path))
    entries = [entry for entry in catalogue if not entry.obsolete]
    assert entries

    assert catalogue.metadata["Language"] == po_path.parent.parent.name
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not catalogue.metadata_is_fuzzy

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert untranslated == []
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert fuzzy == []

    mismatched = [
        (entry.msgid, translation)
        for entry in entries
        for translation in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
        if placeholders(entry.msgid) != placeholders(translation)
    ]
    assert mismatched == []


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_compiled_catalogue_is_up_to_date(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make install` to compile it"
    assert mo_path.stat().st_mtime >= po_path.stat().st_mtime, (
        f"{mo_path} is older than its .po file: run `make install` to recompile it"
    )


EXPECTED = {
    "it": {
        "Events": "Eventi",
        "Good practices": "Buone pratiche",
        "Skip to content": "Vai al contenuto",
        "event_plural": "eventi",
        "study_visit": "visita di studio",
        "practice": "buona pratica",
        "semester": "Semestre 3",
    },
    "et": {
        "Events": "Üritused",
        "Good practices": "Head praktikad",
        "Skip to content": "Liigu sisu juurde",
        "event_plural": "üritused",
        "study_visit": "õppevisiit",
        "practice": "hea praktika",
        "semester": "3. poolaasta",
    },
    "hu": {
        "Events": "Rendezvények",
        "Good practices": "Jó gyakorlatok",
        "Skip to content": "Ugrás a tartalomhoz",
        "event_plural": "rendezvények",
        "study_visit": "tanulmányút",
        "practice": "jó gyakorlat",
        "semester": "3. félév",
    },
    "sv": {
        "Events": "Evenemang",
        "Good practices": "Goda exempel",
        "Skip to content": "Hoppa till innehållet",
        "event_plural": "evenemang",
        "study_visit": "studiebesök",
        "practice": "gott exempel",
        "semester": "Halvår 3",
    },
    "el": {
        "Events": "Εκδηλώσεις",
        "Good practices": "Καλές πρακτικές",
        "Skip to content": "Μετάβαση στο περιεχόμενο",
        "event_plural": "εκδηλώσεις",
        "study_visit": "επίσκεψη μελέτης",
        "practice": "καλή πρακτική",
        "semester": "Εξάμηνο 3",
    },
}


def test_expected_strings_cover_every_language():
    assert set(EXPECTED) == set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_interface_strings_render_in_language(language):
    expected = EXPECTED[language]
    with override(language):
        assert gettext("Events") == expected["Events"]
        assert gettext("Good practices") == expected["Good practices"]
        assert gettext("Skip to content") == expected["Skip to content"]
        assert str(Event._meta.verbose_name_plural) == expected["event_plural"]
        assert str(StudyVisit._meta.verbose_name) == expected["study_visit"]
        assert str(GoodPractice._meta.verbose_name) == expected["practice"]
        assert str(Semester(number=3)) == expected["semester"]
        assert str(Event.Kind.STUDY_VISIT.label) == expected["study_visit"].capitalize()


def test_english_stays_the_source_text():
    with override("en"):
        assert gettext("Events") == "Events"
        assert str(Semester(number=3)) == "Semester 3"
