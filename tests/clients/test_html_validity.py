"""Every page type (every URL pattern that answers HTML, pages.py), public ones in all six
languages, signed-in ones in English and Swedish, the error pages and the mails, checked by the
Nu Html Checker (vnu-jar) with zero errors. One Java start for all pages: they are written to
files first."""

import re

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.template.loader import render_to_string
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django_otp.oath import totp

from content.models import Mail
from workspace import twofactor
from workspace.groups import ensure_groups

from .pages import (
    ALL_LANGUAGES,
    ANONYMOUS,
    CHECKED,
    COORDINATOR,
    EXCLUDED,
    OUTSIDER,
    REFUSED,
    SIGNED_IN_LANGUAGES,
    STAFF,
    first_row,
    url_patterns,
)
from .tools import vnu_errors

pytestmark = pytest.mark.django_db


def test_every_url_pattern_is_checked_or_excluded_with_a_reason():
    names = set(url_patterns())

    assert sorted(names - CHECKED.keys() - EXCLUDED.keys()) == []
    # bench_bare exists only under PORTAL_BENCH (`make bench`).
    assert sorted((CHECKED.keys() | EXCLUDED.keys()) - names - {"bench_bare"}) == []
    assert sorted(CHECKED.keys() & EXCLUDED.keys()) == []
    assert [name for name, reason in EXCLUDED.items() if not reason.strip()] == []


def test_admin_screens_excluded_as_refused_are_refused(demo, client):
    client.force_login(demo.coordinator)
    statuses = {}
    for name, reason in EXCLUDED.items():
        if reason == REFUSED:
            model = name.removeprefix("admin:").rsplit("_", 1)[0]
            row = next(
                m for m in admin.site._registry if m._meta.label_lower.replace(".", "_") == model
            )
            args = [] if name.endswith("_add") else [first_row(row, demo).pk]
            statuses[name] = client.get(reverse(name, args=args)).status_code

    assert statuses == dict.fromkeys(statuses, 403)
    assert len(statuses) == 15


def url_name(path):
    """The namespaced URL name a path resolves to; None for one that resolves to no page."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    return match.view_name


def signed_in_clients(demo):
    clients = {ANONYMOUS: Client()}
    for who, user in (
        (STAFF, demo.staff),
        (COORDINATOR, demo.coordinator),
        (OUTSIDER, demo.outsider),
    ):
        clients[who] = Client()
        clients[who].force_login(user)
    return clients


def get(client, path, lang):
    # Pages outside the language prefix (the admin) follow the language cookie.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client.get(path)


def checked_pages(demo, clients):
    """{label: HTML} of every URL CHECKED builds, each answer asserted to be the page's status
    and to come from the URL name it is listed under."""
    pages, wrong = {}, []
    for name, page in CHECKED.items():
        for lang in page.languages:
            with translation.override(lang):
                paths = page.paths(demo)
            for path in paths:
                response = get(clients[page.who], path, lang)
                if (response.status_code, url_name(path)) != (page.status, name):
                    wrong.append((path, response.status_code, url_name(path)))
                pages[f"{name} [{lang}] {path}"] = response.content
    assert wrong == [], "\n".join(map(str, wrong))
    return pages


def error_pages(demo, clients):
    """The error pages as readers get them: 404 (an address that resolves to nothing, and an
    object that does not exist), 403, 400, the lockout after failed logins, and the 500 and
    503 pages, which are rendered without a request."""
    pages, statuses = {}, {}
    for lang in ALL_LANGUAGES:
        with translation.override(lang):
            for label, who, path in (
                ("404", ANONYMOUS, f"/{lang}/no-such-page/"),
                ("404", ANONYMOUS, reverse("events:detail", kwargs={"slug": "no-such-event"})),
                ("403", OUTSIDER, reverse("workspace:dashboard")),
                ("400", ANONYMOUS, reverse("home")),
            ):
                headers = {"host": "not allowed"} if label == "400" else {}
                client = clients[who]
                client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
                response = client.get(path, headers=headers)
                statuses[f"{label} [{lang}] {path}"] = response.status_code
                pages[f"{label} [{lang}] {path}"] = response.content
            pages[f"500 [{lang}]"] = render_to_string("500.html").encode()
            pages[f"503 [{lang}]"] = render_to_string("503.html").encode()
    assert statuses == {label: int(label[:3]) for label in statuses}
    return pages


def lockout_pages():
    """The page of a login locked after too many wrong passwords (a 429, from axes)."""
    pages = {}
    for lang in SIGNED_IN_LANGUAGES:
        client = Client()
        with translation.override(lang):
            url = reverse("workspace:login")
        for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
            response = client.post(url, {"username": f"nobody-{lang}", "password": "wrong"})
        assert response.status_code == 429
        pages[f"lockout [{lang}]"] = response.content
    return pages


def form_answers(demo):
    """Pages that answer a form or a bad link rather than a plain GET."""
    client = Client()
    pages = {}
    for lang in ALL_LANGUAGES:
        with translation.override(lang):
            register = reverse("registrations:register", kwargs={"slug": demo.upcoming.slug})
            bad_link = reverse(
                "registrations:confirm", kwargs={"slug": demo.upcoming.slug, "token": "altered"}
            )
            subscribe = reverse("subscriptions:subscribe")
        answers = {
            # An invalid form comes back with its errors.
            "register: errors": client.post(register, {"name": ""}),
            "bad link": client.get(bad_link),
            "subscribe: errors": client.post(subscribe, {"email": "not an address"}),
        }
        assert {label: r.status_code for label, r in answers.items()} == dict.fromkeys(answers, 400)
        pages.update({f"{label} [{lang}]": r.content for label, r in answers.items()})
    return pages


def two_factor_answers():
    """The setup's answers: a wrong code (the form again, with its error), and the recovery
    codes, for partner staff who set up two-factor login (one each: a wrong code throttles the
    device)."""
    staff_group = ensure_groups(Group, Permission)[1]
    pages = {}
    for lang in SIGNED_IN_LANGUAGES:
        with translation.override(lang):
            url = reverse("workspace:two-factor")
        for answer in ("wrong code", "recovery codes"):
            user = get_user_model().objects.create_user(f"staff-{answer[:5]}-{lang}")
            user.groups.add(staff_group)
            client = Client()
            client.force_login(user)
            client.get(url)
            device = twofactor.pending_device(user)
            code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
            token = f"{code:06d}" if answer == "recovery codes" else f"{(code + 1) % 10**6:06d}"
            response = client.post(url, {"otp_token": token})
            template = "workspace/two_factor_codes.html"
            shown = template in [t.name for t in response.templates]
            assert (response.status_code, shown) == (200, answer == "recovery codes")
            pages[f"two-factor: {answer} [{lang}]"] = response.content
    return pages


def mail_pages():
    """The HTML part of every mail the demo wrote (registrations, subscription, review)."""
    return {
        f"mail {mail.template} [{mail.language}] #{mail.pk}": mail.html.encode()
        for mail in Mail.objects.all()
    }


def test_every_page_type_is_valid_html(demo, tmp_path):
    clients = signed_in_clients(demo)
    pages = {
        **lockout_pages(),
        **checked_pages(demo, clients),
        **error_pages(demo, clients),
        **form_answers(demo),
        **two_factor_answers(),
        **mail_pages(),
    }
    files = []
    for index, content in enumerate(pages.values()):
        path = tmp_path / f"{index:04d}.html"
        path.write_bytes(content)
        files.append(path)
    names = {f"{index:04d}.html": label for index, label in enumerate(pages)}

    errors = vnu_errors(files)

    invalid = {
        names[name]: ours(found, names[name], pages[names[name]]) for name, found in errors.items()
    }
    invalid = {label: found for label, found in invalid.items() if found}
    assert invalid == {}, report(invalid)
    skipped = {label: skipped_headings(content.decode()) for label, content in pages.items()}
    skipped = {label: found for label, found in skipped.items() if found}
    assert skipped == {}, report(skipped)


# Errors in the markup of Django's own admin widgets and templates, not ours: (the message's
# start, a pattern of the markup at the line the checker names and the three before it, why).
DJANGO_ADMIN_MARKUP = [
    (
        "Element “option” without attribute “label” must not be empty.",
        r'class="admin-autocomplete"',
        "the autocomplete select's empty option is select2's placeholder",
    ),
    (
        "The first child “option” element of a “select” element with a “required”",
        r'class="admin-autocomplete"',
        "the autocomplete select of a required field offers only the chosen row",
    ),
    (
        "A “select” element with a “required” attribute",
        r'class="admin-autocomplete"',
        "the autocomplete select loads its options when opened",
    ),
    (
        "The “aria-describedby” attribute must point to an element in the same document.",
        r'aria-describedby="id_[\w-]+-(\d+|__prefix__)-\w+_helptext"',
        "a tabular inline shows its help texts in the column headers, without their ids",
    ),
    (
        "Attribute “disabled” not allowed on element “div” at this point.",
        r'<div disabled aria-describedby="id_password_helptext"',
        "the read-only password hash widget is a disabled div",
    ),
    (
        "The “aria-describedby” attribute must point to an element in the same document.",
        r'<div disabled aria-describedby="id_password_helptext"',
        "the read-only password hash widget points at a help text it does not draw",
    ),
    (
        "No “p” element in scope but a “p” end tag seen.",
        r"</li></ul></p>",
        "the password change form puts the password rules' list in a paragraph",
    ),
    (
        "An “input” element with a “type” attribute whose value is “hidden” must not have",
        r'<input type="hidden" name="initial-',
        "show_hidden_initial copies the field's aria-describedby to the hidden copy",
    ),
]


def ours(errors, label, html):
    """The errors of one page but those of DJANGO_ADMIN_MARKUP on admin screens."""
    if not label.startswith("admin:"):
        return errors
    return [error for error in errors if not django_admin_markup(error, html)]


def django_admin_markup(error, html):
    """Whether the checker's error (from vnu_errors) is one of DJANGO_ADMIN_MARKUP."""
    line = int(re.match(r"line (\d+):", error).group(1))
    around = "\n".join(html.decode().splitlines()[max(line - 4, 0) : line])
    return any(
        error.split(": ", 1)[1].startswith(message) and re.search(pattern, around)
        for message, pattern, _why in DJANGO_ADMIN_MARKUP
    )


def report(found):
    """One line per page and problem, to read in the failure whole."""
    return "\n".join(
        f"{label}: {problem}" for label, problems in found.items() for problem in problems
    )


def skipped_headings(html):
    """Headings that go down more than one level from the one before (h1 then h3)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    return [
        f"h{before} then h{after}"
        for before, after in zip([0, *levels], levels, strict=False)
        if after > before + 1
    ]
