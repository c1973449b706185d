"""Every page type, public ones in all six languages, checked by the Nu Html Checker
(vnu-jar) with zero errors. One Java start for all pages: they are written to files first."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from content import languages
from events.models import Event
from partners.models import Organisation
from practices.models import GoodPractice

from .tools import vnu_errors

pytestmark = pytest.mark.django_db


def public_urls():
    event = Event.objects.published().order_by("start_date").first()
    partner = Organisation.objects.consortium().first()
    practice = GoodPractice.objects.published().first()
    urls = []
    for lang in languages.codes():
        with translation.override(lang):
            urls += [
                reverse("home"),
                reverse("events:list"),
                reverse("events:list") + "?kind=study_visit",
                reverse("events:detail", kwargs={"slug": event.slug}),
                reverse("partners:list"),
                reverse("partners:detail", kwargs={"slug": partner.slug}),
                reverse("practices:list"),
                reverse("practices:detail", kwargs={"slug": practice.slug}),
                reverse("search") + "?q=Tartu",
                reverse("search"),
                reverse("embed:events"),
                reverse("embed:partner_events", kwargs={"partner": partner.slug}),
                f"/{lang}/no-such-page/",
                reverse("workspace:login"),
            ]
    return urls


def workspace_urls(visit):
    return [
        reverse("workspace:dashboard"),
        reverse("workspace:event-create"),
        reverse("workspace:event-detail", args=[visit.pk]),
        reverse("workspace:event-update", args=[visit.pk]),
        reverse("workspace:practice-create"),
    ]


def test_every_page_type_is_valid_html(client, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    pages = {}
    for url in public_urls():
        response = client.get(url)
        assert (url, response.status_code) in ((url, 200), (url, 404)) or url.endswith("/")
        pages[url] = response.content
    staff = get_user_model().objects.filter(groups__isnull=False, is_superuser=False).first()
    client.force_login(staff)
    visit = (
        Event.objects.filter(owner=staff.person.organisation).first()
        or Event.objects.filter(kind=Event.Kind.STUDY_VISIT).first()
    )
    for lang in ("en", "et"):
        with translation.override(lang):
            for url in workspace_urls(visit):
                pages[url] = client.get(url).content
    pages["500"] = render_to_string("500.html").encode()
    pages["503"] = render_to_string("503.html").encode()
    files = []
    for index, content in enumerate(pages.values()):
        path = tmp_path / f"{index:03d}.html"
        path.write_bytes(content)
        files.append(path)
    names = {f"{index:03d}.html": url for index, url in enumerate(pages)}

    errors = vnu_errors(files)

    assert {names[name]: found for name, found in errors.items() if found} == {}
    skipped = {url: skipped_headings(content.decode()) for url, content in pages.items()}
    assert {url: found for url, found in skipped.items() if found} == {}


def skipped_headings(html):
    """Headings that go down more than one level from the one before (h1 then h3)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    return [
        f"h{before} then h{after}"
        for before, after in zip([0, *levels], levels, strict=False)
        if after > before + 1
    ]
