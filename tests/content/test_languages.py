"""Everything about the languages is derived from settings.LANGUAGES."""

import pytest
from django.utils import translation

from content import languages


def test_codes_follow_settings(settings):
    settings.LANGUAGES = [("en", "English"), ("sv", "Swedish"), ("de", "German")]

    assert (languages.codes(), languages.others()) == (["en", "sv", "de"], ["sv", "de"])


def test_columns_of_every_language(settings):
    settings.LANGUAGES = [("en", "English"), ("et", "Estonian")]

    assert languages.columns("title", "city") == ("title_en", "title_et", "city_en", "city_et")


@pytest.mark.parametrize(
    ("code", "config"),
    [("en", "english"), ("sv", "swedish"), ("hu", "hungarian"), ("et", "simple"), ("el", "simple")],
)
def test_search_config_stems_where_every_server_can(code, config):
    assert languages.search_config(code) == config


@pytest.mark.parametrize(("code", "locale"), [("sv", "sv_SE"), ("el", "el_GR"), ("et", "et_EE")])
def test_open_graph_locale_has_a_territory(code, locale):
    assert languages.open_graph_locale(code) == locale


def test_current_outside_the_content_languages_is_the_default():
    with translation.override("de"):
        assert languages.current() == "en"


@pytest.mark.parametrize(
    ("page", "code", "name"),
    [("en", "sv", "Swedish"), ("et", "en", "inglise keeles"), ("hu", "sv", "svédül")],
)
def test_name_in_label_in_the_page_language(page, code, name):
    with translation.override(page):
        assert languages.name_in_label(code) == name


def test_name_in_label_of_a_language_without_its_own_form_is_djangos(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]

    with translation.override("sv"):
        assert languages.name_in_label("de") == "Tyska"
