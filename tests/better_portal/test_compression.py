"""Text responses are compressed, except pages with a CSRF token (BREACH); site.css is
preloaded and stays small."""

import gzip
from pathlib import Path

import brotli
import pytest
from django.conf import settings

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def test_public_page_served_with_brotli(client):
    EventFactory(title_en="Open data in city services")

    response = client.get("/en/events/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response["Content-Encoding"] == "br"
    assert "Open data in city services" in brotli.decompress(response.content).decode()
    assert "Accept-Encoding" in response["Vary"]


def test_public_page_served_with_gzip_without_brotli(client):
    EventFactory(title_en="Open data in city services")

    response = client.get("/en/events/", HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Open data in city services" in gzip.decompress(response.content).decode()


def test_page_with_csrf_token_not_compressed(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response.has_header("Content-Encoding") is False
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_html_preloads_site_css(client):
    response = client.get("/en/events/")

    assert response["Link"] == "</static/css/site.css>; rel=preload; as=style"


def test_site_css_stays_small():
    # The one render-blocking stylesheet: a budget, so that it is not allowed to grow unnoticed.
    assert SITE_CSS.stat().st_size < 16_000
