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
            "Είχε αρχικά προγραμματιστεί για Μάρτιο 2020, στην πόλη Birmingham. "
            "Moved online because of COVID-19",
        ),
        (
            "it",
            "Data e luogo inizialmente previsti: marzo 2020, Birmingham. "
            "Moved online because of COVID-19",
        ),
        (
            "hu",
            "Eredetileg tervezett időpont: 2020. március, helyszín: Birmingham. "
            "Moved online because of COVID-19",
        ),
    ],
)
def test_change_notice_is_two_sentences(client, thematic_event_3, lang, expected):
    html = client.get(f"/{lang}/events/thematic-event-3/").content.decode()

    notice = text(inner(inner(html, '<section class="changes"'), "<li>"))
    for hint in (" (στα αγγλικά)", " (in inglese)", " (angolul)"):
        notice = notice.replace(hint, "")
    assert notice == expected
