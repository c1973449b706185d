"""Change notices read as proper sentences in every language."""

import pytest

from tests.html import inner, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Originally planned for March 2020 in Birmingham. Moved online because of COVID-19"),
        (
            "sv",
            "Ursprungligen planerat till mars 2020 i Birmingham. "
            "Flyttat online på grund av covid-19",
        ),
        (
            "el",
            "Αρχικά προγραμματισμένο για Μάρτιο 2020 στο Birmingham. "
            "Moved online because of COVID-19",
        ),
    ],
)
def test_change_notice_is_two_sentences(client, thematic_event_3, lang, expected):
    html = client.get(f"/{lang}/events/thematic-event-3/").content.decode()

    notice = text(inner(inner(html, '<section class="changes"'), "<li>"))
    assert notice.replace(" (στα αγγλικά)", "") == expected
