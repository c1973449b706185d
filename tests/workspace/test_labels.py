"""Every label of every workspace form reads as a label in the page's language: capitalised,
and a translated field names its language (“Title (English)”), not modeltranslation's “[en]”."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from .conftest import add_photo

pytestmark = pytest.mark.django_db


def form_labels(response):
    """The labels and legends of the page's workspace form, in order, without the labels of
    single choices (a checkbox inside its label)."""
    form = re.search(
        r'<form [^>]*class="workspace-form".*?</form>', response.content.decode(), re.S
    )
    found = re.findall(r"<(label|legend)\b[^>]*>(.*?)</\1>", form[0], re.S)
    return [unescape(text).strip() for _tag, text in found if "<input" not in text]


def get(client, language, name, *args):
    with translation.override(language):
        return client.get(reverse(name, args=args))


ATTENDANCE = {
    "en": ["Organisation:", "Category:", "Participants:", "Remove this row:"],
    "sv": ["Organisation:", "Kategori:", "Antal deltagare:", "Ta bort raden:"],
}
VISIT_LABELS = {
    "en": [
        "Host organisation:",
        "Start date:",
        "End date:",
        "Start time:",
        "End time:",
        "Time zone:",
        "Good practices examined:",
        "Title (English):",
        "Summary (English):",
        "Notes (English):",
        "Lead image:",
        "Lead image's text alternative (English):",
        "Participating partners:",
        "Add photos:",
        "Everyone shown in these photos agreed to their publication:",
        "Attendance per organisation",
        *ATTENDANCE["en"] * 3,
    ],
    "sv": [
        "Värdorganisation:",
        "Startdatum:",
        "Slutdatum:",
        "Starttid:",
        "Sluttid:",
        "Tidszon:",
        "Granskade goda exempel:",
        "Titel (engelska):",
        "Sammanfattning (engelska):",
        "Anteckningar (engelska):",
        "Titel (svenska):",
        "Sammanfattning (svenska):",
        "Anteckningar (svenska):",
        "Huvudbild:",
        "Huvudbildens textalternativ (engelska):",
        "Huvudbildens textalternativ (svenska):",
        "Deltagande partner:",
        "Lägg till foton:",
        "Alla som syns på fotona har godkänt att de publiceras:",
        "Närvaro per organisation",
        *ATTENDANCE["sv"] * 3,
    ],
}
PRACTICE_LABELS = {
    "en": [
        "Title (English):",
        "Summary (English):",
        "Detailed description (English):",
        "Resources needed (English):",
        "Evidence of success (English):",
        "Difficulties encountered (English):",
        "Potential for learning or transfer (English):",
        "Location (English):",
        "Further information:",
        "Start date:",
        "End date:",
        "Ongoing:",
        "Themes:",
        "Contact person:",
        "Image:",
        "Image's text alternative (English):",
    ],
    "sv": [
        "Titel (engelska):",
        "Sammanfattning (engelska):",
        "Detaljerad beskrivning (engelska):",
        "Resurser som behövs (engelska):",
        "Belägg för framgång (engelska):",
        "Svårigheter som uppstått (engelska):",
        "Potential för lärande eller överföring (engelska):",
        "Plats (engelska):",
        "Titel (svenska):",
        "Sammanfattning (svenska):",
        "Mer information:",
        "Startdatum:",
        "Slutdatum:",
        "Pågående:",
        "Teman:",
        "Kontaktperson:",
        "Bild:",
        "Bildens textalternativ (engelska):",
        "Bildens textalternativ (svenska):",
    ],
}
LANGUAGES = ["en", "sv"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("edit", [False, True], ids=["new", "edit"])
def test_study_visit_form_labels(client, staff_a, a_items, language, edit):
    client.force_login(staff_a)
    args = [a_items["draft_event"].pk] if edit else []

    response = get(client, language, f"workspace:event-{'update' if edit else 'create'}", *args)

    assert form_labels(response) == VISIT_LABELS[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("edit", [False, True], ids=["new", "edit"])
def test_practice_form_labels(client, staff_a, a_items, language, edit):
    client.force_login(staff_a)
    args = [a_items["draft_practice"].pk] if edit else []

    response = get(client, language, f"workspace:practice-{'update' if edit else 'create'}", *args)

    assert form_labels(response) == PRACTICE_LABELS[language]


def inserted(labels, before, label):
    at = labels.index(before)
    return [*labels[:at], label, *labels[at:]]


@pytest.mark.parametrize(
    ("language", "responsible", "participating", "owner", "further"),
    [
        (
            "en",
            "Responsible partner:",
            "Participating partners:",
            "Owner organisation:",
            "Further information:",
        ),
        ("sv", "Ansvarig partner:", "Deltagande partner:", "Ägarorganisation:", "Mer information:"),
    ],
)
def test_coordinators_forms_label_the_partner_they_choose(
    client, group_coordinator, language, responsible, participating, owner, further
):
    client.force_login(group_coordinator)

    visit = form_labels(get(client, language, "workspace:event-create"))
    practice = form_labels(get(client, language, "workspace:practice-create"))

    assert visit == inserted(VISIT_LABELS[language], participating, responsible)
    assert practice == inserted(PRACTICE_LABELS[language], further, owner)


@pytest.mark.parametrize(
    ("language", "label", "cleared"),
    [
        ("en", "Caption:", "Cleared for publication:"),
        ("sv", "Bildtext:", "Samtycke till publicering:"),
    ],
)
def test_photo_caption_form_label(client, staff_a, a_items, language, label, cleared):
    photo = add_photo(a_items["draft_event"])
    client.force_login(staff_a)

    response = get(client, language, "workspace:photo-update", photo.event_id, photo.pk)

    assert form_labels(response) == [label, cleared]


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Username:", "Password:", "Authentication code:"]),
        ("sv", ["Användarnamn:", "Lösenord:", "Autentiseringskod:"]),
    ],
)
def test_login_form_labels(client, language, labels):
    response = get(client, language, "workspace:login")

    assert form_labels(response) == labels


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("it", "Titolo (inglese):"),
        ("et", "Pealkiri (inglise keeles):"),
        ("hu", "Cím (angolul):"),
        ("el", "Τίτλος (στα αγγλικά):"),
    ],
)
def test_english_field_named_in_every_language(client, staff_a, language, title):
    client.force_login(staff_a)

    response = get(client, language, "workspace:practice-create")

    assert form_labels(response)[0] == title


def test_no_label_keeps_modeltranslations_language_code(client, staff_a, a_items):
    client.force_login(staff_a)
    pages = ["workspace:event-create", "workspace:practice-create"]

    labels = [
        label
        for name in pages
        for lang in ("en", "et")
        for label in form_labels(get(client, lang, name))
    ]

    assert [label for label in labels if re.search(r"\[\w\w\]", label)] == []
    assert [label for label in labels if not label[0].isupper()] == []
