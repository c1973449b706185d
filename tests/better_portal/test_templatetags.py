import json
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from better_portal.templatetags.portal import json_ld_script
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load portal %}" + source).render(Context(context))


def test_translated_marks_english_fallback_with_lang_and_hint():
    event = EventFactory(title_en="Study visit", title_et="")

    with translation.override("et"):
        html = render('{% translated event "title" %}', event=event)

    assert html == (
        '<span class="fallback"><span lang="en">Study visit</span> '
        '<small class="fallback-hint">(inglise keeles)</small></span>'
    )


def test_translated_plain_when_language_filled():
    event = EventFactory(title_en="Study visit", title_et="Õppevisiit")

    with translation.override("et"):
        html = render('{% translated event "title" %}', event=event)

    assert html == "Õppevisiit"


def test_translated_plain_on_english_page():
    event = EventFactory(title_en="Study visit")

    assert render('{% translated event "title" %}', event=event) == "Study visit"


def test_translated_escapes_text():
    event = EventFactory(title_en="<b>bold</b>")

    assert render('{% translated event "title" %}', event=event) == "&lt;b&gt;bold&lt;/b&gt;"


def test_translated_block_with_linebreaks():
    event = EventFactory(body_en="One.\n\nTwo.")

    with translation.override("sv"):
        html = render('{% translated event "body" linebreaks=True %}', event=event)

    assert html == (
        '<div class="fallback"><div lang="en"><p>One.</p>\n\n<p>Two.</p></div>'
        '<p class="fallback-hint">(på engelska)</p></div>'
    )


def test_json_ld_script_cannot_be_closed_and_parses():
    data = {"name": "</script><script>alert(1)</script> & <!--"}

    html = json_ld_script(data)

    content = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html).group(1)
    assert "<" not in content and ">" not in content and "&" not in content
    assert json.loads(content) == data
