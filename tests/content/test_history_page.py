"""The admin's history page carries no inline style, which the Content Security Policy blocks."""

import re

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_history_page_has_no_inline_style_and_links_its_stylesheet(coordinator_client):
    organisation = OrganisationFactory()
    organisation.save()  # a second history entry

    response = coordinator_client.get(
        reverse("admin:partners_organisation_history", args=[organisation.pk])
    )

    page = response.content.decode()
    assert re.findall(r"<[^>]*\sstyle=[^>]*>", page) == []
    assert re.findall(r'<link rel="stylesheet" href="([^"]*admin_history[^"]*)"', page) == [
        "/static/css/admin_history.css"
    ]
    assert len(re.findall(r"<td>\s*<a href=\"[^\"]*/history/\d+/\">", page)) == 2
