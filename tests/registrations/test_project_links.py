"""Mail links on the site of the registration's project (Project.absolute_url): a registrant of
a second project's event, on its own domain or under its path on a shared domain, gets links
that open on that project's site, and a mail signed with that project's name."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from content.scoping import activate
from content.site import Project
from registrations import links, subscriptions
from registrations.models import Registration, RegistrationSettings, Subscription
from tests.factories import EventFactory, identity
from tests.html import inner, text

pytestmark = pytest.mark.django_db

FLOW = "flow.example"


@pytest.fixture
def flow(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FLOW, "better.example"]
    identity(acronym="BETTER", slug="better")
    return Project.objects.create(acronym="FLOW", name="Flowing towns", slug="flow", domain=FLOW)


@pytest.fixture
def flow_event(flow):
    today = timezone.localdate()
    with activate(flow):
        event = EventFactory(
            title_en="Porto workshop",
            slug="porto-workshop",
            start_date=today + dt.timedelta(days=30),
            end_date=today + dt.timedelta(days=30),
        )
        RegistrationSettings.objects.create(event=event, is_enabled=True, capacity=10)
    return event


def register(client, path, host):
    page = client.get(path, HTTP_HOST=host).content.decode()
    stamp = re.search(r'name="stamp" value="([^"]+)"', page).group(1)
    data = {
        "name": "Ana Silva",
        "email": "ana@example.pt",
        "category": "public",
        "privacy_consent": "on",
        "stamp": stamp,
        "website": "",
    }
    return client.post(path, data, HTTP_HOST=host)


def follow(client, url, method="get"):
    """Open an absolute address of the mail as its host serves it."""
    parts = urlsplit(url)
    return getattr(client, method)(parts.path, HTTP_HOST=parts.hostname, follow=True)


def test_absolute_url_is_on_each_projects_site(settings, flow):
    settings.PORTAL_SITE_URL = "https://better.example"
    better = Project.objects.get(slug="better")
    assert better.absolute_url("/en/events/") == "https://better.example/en/events/"
    assert flow.absolute_url("/en/events/") == "https://flow.example/en/events/"
    flow.domain = ""
    assert flow.absolute_url("/en/events/") == ""  # no site of its own
    settings.PORTAL_PROJECT_URLS = "path"
    assert flow.absolute_url("/en/events/") == "https://better.example/en/flow/events/"
    assert better.absolute_url("/en/events/") == "https://better.example/en/events/"


def test_a_registrant_on_another_projects_domain_gets_links_to_its_site(
    client, flow_event, committed, mailoutbox
):
    with committed():
        register(client, "/en/events/porto-workshop/register/", FLOW)
    [confirm_mail] = mailoutbox
    [url] = re.findall(r"https://\S+/confirm/\S+", confirm_mail.body)

    with committed():
        response = follow(client, url, "post")

    assert url.startswith("https://flow.example/en/events/porto-workshop/register/confirm/")
    assert text(inner(response.content.decode(), '<p class="registration-status"')) == ("Confirmed")
    with activate(Project.objects.get(slug="flow")):
        assert Registration.objects.get().status == "confirmed"
    confirmed_mail = mailoutbox[1]
    [manage] = re.findall(r"https://\S+/registration/\S+", confirmed_mail.body)
    assert manage.startswith("https://flow.example/en/events/porto-workshop/registration/")
    page = follow(client, manage).content.decode()
    assert text(inner(page, '<p class="registration-status"')) == "Confirmed"
    assert "Porto workshop" in text(inner(page, "<main"))
    html = confirmed_mail.alternatives[0][0]
    assert "FLOW: Flowing towns" in html
    assert "BETTER" not in html


def test_a_registrant_under_another_projects_path_gets_links_under_it(
    client, settings, flow, flow_event, committed, mailoutbox
):
    settings.PORTAL_PROJECT_URLS = "path"
    flow.domain = ""  # served under /<lang>/flow/ only
    flow.save()
    with committed():
        register(client, "/en/flow/events/porto-workshop/register/", "better.example")
    [confirm_mail] = mailoutbox
    [url] = re.findall(r"https://\S+/confirm/\S+", confirm_mail.body)

    response = follow(client, url)

    assert url.startswith("https://better.example/en/flow/events/porto-workshop/register/confirm/")
    assert "Porto workshop" in text(inner(response.content.decode(), "<main"))


def test_mail_links_made_in_another_project_are_on_the_registrations_own_site(flow_event):
    with activate(Project.objects.get(slug="flow")):
        registration = Registration.objects.create(
            event=flow_event, name="Ana Silva", email="ana@example.pt", privacy_consent=True
        )
    # Made in the default project (a command, the worker): the same address as in a request.
    url = links.manage_url(registration)
    assert url.startswith("https://flow.example/en/events/porto-workshop/registration/")


def test_a_subscription_of_another_project_links_to_its_site(flow, committed, mailoutbox):
    with activate(flow), committed():
        subscription = Subscription.objects.create(email="ana@example.pt", language="en")
        subscriptions.start(subscription)

    [mail] = mailoutbox
    [url] = re.findall(r"https://\S+/confirm/\S+", mail.body)
    assert url.startswith("https://flow.example/en/subscribe/confirm/")
    assert mail.extra_headers["List-Unsubscribe"].startswith("<https://flow.example/")


def test_a_new_event_of_another_project_is_mailed_with_links_to_its_site(
    flow, flow_event, committed, mailoutbox
):
    with activate(flow), committed():
        Subscription.objects.create(email="ana@example.pt", language="en", is_confirmed=True)
        subscriptions.announce("event", flow_event.pk)

    [mail] = mailoutbox
    assert re.findall(r"https://\S+", mail.body)[0] == (
        "https://flow.example/en/events/porto-workshop/"
    )
    assert "FLOW: Flowing towns" in mail.alternatives[0][0]


def test_the_calendar_attached_links_the_event_on_its_projects_site(flow, flow_event):
    from registrations.calendars import ics_attachment

    with activate(flow):
        _name, ics, _mimetype = ics_attachment(flow_event, "en")

    urls = re.findall(r"^URL:(\S+)", ics.replace("\r\n ", ""), re.MULTILINE)
    assert urls == ["https://flow.example/en/events/porto-workshop/"]
