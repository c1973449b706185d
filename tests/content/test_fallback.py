"""The translation fallback: the reader's language, else English, and which one it was."""

import pytest
from django.utils import translation

from content.fallback import Localized, localized
from practices.models import GoodPractice
from tests.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


def test_localized_in_the_readers_language():
    practice = GoodPracticeFactory(title_en="Front desk", title_sv="Kundtjänst")

    with translation.override("sv"):
        assert localized(practice, "title") == Localized("Kundtjänst", "sv")


def test_localized_falls_back_to_english_and_says_so():
    practice = GoodPracticeFactory(title_en="Front desk", title_sv="")

    with translation.override("sv"):
        assert localized(practice, "title") == Localized("Front desk", "en")


def test_localized_empty_everywhere_has_no_language():
    practice = GoodPracticeFactory(title_en="Front desk", location_en="")

    with translation.override("et"):
        assert localized(practice, "location") == Localized("", None)


def test_by_title_orders_by_the_title_the_reader_sees():
    GoodPracticeFactory(title_en="A desk", title_sv="Ö-disken")
    GoodPracticeFactory(title_en="B portal", title_sv="")
    GoodPracticeFactory(title_en="C map", title_sv="Karta")

    with translation.override("sv"):
        titles = [p.title for p in GoodPractice.objects.by_title()]

    assert titles == ["B portal", "Karta", "Ö-disken"]
