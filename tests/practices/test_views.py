import pytest

from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    PartnerFactory,
    PersonFactory,
    ThemeFactory,
    TransferFactory,
)
from tests.html import inner, item_titles, json_ld, text

pytestmark = pytest.mark.django_db


def practice_titles(response):
    return item_titles(response.content.decode(), "practice-item")


@pytest.fixture
def catalogue():
    genoa = PartnerFactory(name_en="Comune di Genova", slug="genoa", partner_number=1)
    gavle = PartnerFactory(name_en="Gävle kommun", slug="gavle", partner_number=3)
    citizens = ThemeFactory(name_en="Digital services for citizens", slug="citizens")
    security = ThemeFactory(name_en="Security and resilience", slug="security")
    folder = GoodPracticeFactory(
        title_en="Digital citizen folder",
        title_it="Fascicolo digitale del cittadino",
        summary_en="All documents of a citizen in one place.",
        owner=genoa,
        slug="folder",
    )
    folder.themes.add(citizens)
    rain = GoodPracticeFactory(
        title_en="Digital model of rain data",
        summary_en="Rain and river levels for the civil protection.",
        owner=genoa,
        slug="rain",
    )
    rain.themes.add(security)
    design = GoodPracticeFactory(
        title_en="Service design",
        summary_en="How Gävle digitalises its services.",
        summary_sv="Hur Gävle digitaliserar sina tjänster.",
        owner=gavle,
        slug="design",
    )
    design.themes.add(citizens)
    GoodPracticeFactory(title_en="Draft digital idea", owner=genoa, status="draft").themes.add(
        citizens
    )
    return folder, rain, design


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({}, ["Digital citizen folder", "Digital model of rain data", "Service design"]),
        ({"theme": "citizens"}, ["Digital citizen folder", "Service design"]),
        ({"theme": "security"}, ["Digital model of rain data"]),
        ({"owner": "gavle"}, ["Service design"]),
        ({"owner": "genoa", "theme": "citizens"}, ["Digital citizen folder"]),
        (
            {"q": "digital"},
            ["Digital citizen folder", "Digital model of rain data", "Service design"],
        ),
        ({"q": "folder"}, ["Digital citizen folder"]),
        ({"q": "RIVER"}, ["Digital model of rain data"]),
    ],
)
def test_practice_list_filter_narrows(client, catalogue, query, titles):
    assert practice_titles(client.get("/en/practices/", query)) == titles


def test_practice_list_search_in_reader_language_and_english(client, catalogue):
    swedish = client.get("/sv/practices/", {"q": "digitaliserar"})
    english = client.get("/sv/practices/", {"q": "digitalises"})
    italian_word_on_swedish_page = client.get("/sv/practices/", {"q": "fascicolo"})

    assert practice_titles(swedish) == ["Service design (på engelska)"]
    assert practice_titles(english) == ["Service design (på engelska)"]
    assert practice_titles(italian_word_on_swedish_page) == []


def test_practice_list_unpublished_absent_from_list_and_count(client, catalogue):
    response = client.get("/en/practices/", {"q": "idea"})

    assert practice_titles(response) == []
    assert text(inner(response.content.decode(), '<p class="result-count"')) == "0 good practices"


def test_practice_list_unknown_theme_message_keeps_other_choices(client, catalogue):
    response = client.get("/en/practices/", {"theme": "cooking", "owner": "gavle"})

    html = response.content.decode()
    assert text(inner(html, '<p class="field-error" id="id_theme_error"')) == (
        "Select a valid choice. That choice is not one of the available choices."
    )
    assert '<option value="gavle" selected>' in html
    assert practice_titles(response) == ["Service design"]


def test_practice_list_huge_search_answered_with_message(client, catalogue):
    response = client.get("/en/practices/", {"q": "a" * 10_240})

    html = response.content.decode()
    assert response.status_code == 200
    assert text(inner(html, '<p class="field-error" id="id_q_error"')) == (
        "Ensure this value has at most 200 characters (it has 10240)."
    )


def test_practice_list_page_out_of_range_not_found(client, catalogue):
    assert client.get("/en/practices/", {"page": "999"}).status_code == 404


def test_practice_list_titles_in_two_languages(client, catalogue):
    italian = practice_titles(client.get("/it/practices/", {"owner": "genoa"}))
    greek = client.get("/el/practices/", {"owner": "genoa"}).content.decode()

    assert italian == [
        "Digital model of rain data (in inglese)",
        "Fascicolo digitale del cittadino",
    ]
    assert '<span lang="en">Digital citizen folder</span>' in greek


def test_practice_list_query_count_constant(client, django_assert_num_queries):
    GoodPracticeFactory().themes.add(ThemeFactory())
    with django_assert_num_queries(6):  # with the project's partner numbers (labels), read once
        client.get("/en/practices/")

    for _ in range(10):
        GoodPracticeFactory().themes.set(ThemeFactory.create_batch(2))
    with django_assert_num_queries(6):  # with the project's partner numbers (labels), read once
        client.get("/en/practices/")


def test_practice_page_where_examined_and_who_imports(client, catalogue):
    folder = catalogue[0]
    EventFactory(title_en="Study visit to Genoa").practices.add(folder)
    EventFactory(title_en="Draft visit", is_published=False).practices.add(folder)
    TransferFactory(practice=folder, importer=PartnerFactory(short_name="Tartu", partner_number=4))

    html = client.get("/en/practices/folder/").content.decode()

    examined = inner(html, '<section aria-labelledby="examined-heading"')
    assert item_titles(examined, "event-item") == ["Study visit to Genoa"]
    transfers = text(inner(html, '<section aria-labelledby="transfers-heading"'))
    assert transfers == "Who imports it P4 Tartu · Interest expressed"


def test_practice_page_contact_public_without_email(client, catalogue):
    folder = catalogue[0]
    folder.contact = PersonFactory(name="Anna Rossi", email="anna@comune.genova.it")
    folder.save()

    html = client.get("/en/practices/folder/").content.decode()

    assert "Anna Rossi" in html
    assert "anna@comune.genova.it" not in html


def test_practice_page_fallback_marked_only_when_missing(client, catalogue):
    italian = client.get("/it/practices/folder/").content.decode()

    assert text(inner(italian, "<h1")) == "Fascicolo digitale del cittadino"
    lead = inner(italian, '<div class="lead"')
    assert '<div lang="en"><p>All documents of a citizen in one place.</p></div>' in lead


def test_practice_page_unpublished_not_found(client):
    GoodPracticeFactory(slug="draft", title_en="Draft practice", status="submitted")

    assert client.get("/en/practices/draft/").status_code == 404


def test_practice_page_unpublished_previewed_by_coordinator(coordinator_client):
    GoodPracticeFactory(slug="draft", title_en="Draft practice", status="submitted")

    html = coordinator_client.get("/en/practices/draft/").content.decode()
    assert text(inner(html, '<p class="preview-banner"')) == "Preview: not published"


def test_practice_page_json_ld_title_cannot_close_script(client):
    GoodPracticeFactory(slug="xss", title_en="</script><script>alert(1)</script>")

    html = client.get("/en/practices/xss/").content.decode()

    (data,) = json_ld(html)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


def test_practice_page_query_count_constant(client, django_assert_num_queries):
    small = GoodPracticeFactory(slug="small")
    EventFactory().practices.add(small)
    TransferFactory(practice=small)
    with django_assert_num_queries(6):  # with the project's partner numbers (labels), read once
        client.get("/en/practices/small/")

    large = GoodPracticeFactory(slug="large")
    large.themes.set(ThemeFactory.create_batch(3))
    for _ in range(4):
        EventFactory().practices.add(large)
        TransferFactory(practice=large)
    with django_assert_num_queries(6):  # with the project's partner numbers (labels), read once
        client.get("/en/practices/large/")
