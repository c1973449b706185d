"""Every URL pattern of the project, by name: how the HTML checks build a real URL for it from the
demo data (CHECKED), or why it is not an HTML page to check (EXCLUDED). test_html_validity.py
fails when a pattern is in neither, so a new page cannot slip past the checker.

Every page type is checked in all six languages: public and signed-in pages (workspace, review,
reports, two-factor), and the generic admin screens of events; those of the other registered
models, the same templates, in English.
"""

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple
from zoneinfo import ZoneInfo

from axes.models import AccessFailureLog
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from content import languages
from content.mail import deliver_mail
from content.models import Mail
from content.site import LegalPage, default_project
from events.models import Attendance, Event, EventPhoto, Workshop
from partners.models import Organisation
from practices.models import GoodPractice, Transfer
from registrations import links, services, subscriptions
from registrations.models import Registration, RegistrationSettings, Subscription
from tests.workspace.softauthn import SoftAuthenticator
from workspace import services as workspace_services
from workspace.groups import ensure_groups

ANONYMOUS, STAFF, COORDINATOR, OUTSIDER = "anonymous", "staff", "coordinator", "outsider"
ALL_LANGUAGES = tuple(languages.codes())
SIGNED_IN_LANGUAGES = ALL_LANGUAGES


def url_patterns(resolver=None, namespaces=(), route=""):
    """{name: route} of every URL pattern: namespaced names ("events:detail"), and the route
    itself for the few patterns without a name (Django's admin redirects)."""
    found = {}
    for pattern in (resolver or get_resolver()).url_patterns:
        path = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            found.update(url_patterns(pattern, inner, path))
        elif isinstance(pattern, URLPattern):
            found[":".join((*namespaces, pattern.name)) if pattern.name else path] = path
    return found


@dataclass
class Demo:
    """The demo content (load_demo) and what the demo does not hold: an upcoming event that
    takes registrations, its registrations and a subscription with their signed links, a staff
    member's draft and submitted visits (with a photo) and practices, and the users."""

    event: Event
    upcoming: Event
    practice: GoodPractice
    partner: Organisation
    staff: object
    coordinator: object
    outsider: object
    draft_visit: Event
    submitted_visit: Event
    photo: EventPhoto
    draft_practice: GoodPractice
    submitted_practice: GoodPractice
    registration: Registration
    pending: Registration
    subscription: Subscription
    legal_kinds: list = field(default_factory=list)

    def token(self, kind):
        return {
            "confirm": links.confirm_token(self.pending),
            "manage": links.manage_token(self.registration),
            "subscribe": subscriptions.token(self.subscription, subscriptions.SUBSCRIPTION_SALT),
            "unsubscribe": subscriptions.token(self.subscription, subscriptions.UNSUBSCRIBE_SALT),
        }[kind]


def png_file(name):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_demo():
    """The Demo, on top of the rows load_demo wrote (the caller runs load_demo first)."""
    users = get_user_model().objects
    coordinator = users.create_superuser("coordinator", "coord@better.example", "a-long-password")
    outsider = users.create_user("outsider", "outsider@better.example", "a-long-password")
    staff = users.get(username="staff-p4")
    staff.set_password("a-long-password")
    staff.save()
    ensure_groups(Group, Permission)
    partner = staff.person.organisation
    # The pages are served in the default project: the demo's own (OPEN TOWNS has its domain).
    served = default_project()
    event = (
        Event.objects.published().filter(project=served, workshops__isnull=False).distinct().first()
    )
    upcoming = _upcoming_event(partner)
    draft_visit = _visit(partner, "Study visit to Tartu (draft)", "tartu-draft")
    submitted_visit = _visit(partner, "Study visit to Tartu (sent)", "tartu-sent")
    photo = EventPhoto.objects.create(
        event=draft_visit, image=png_file("visit.png"), caption="The town hall"
    )
    # The review screen shows the submitted visit's photos as thumbnails.
    EventPhoto.objects.create(
        event=submitted_visit, image=png_file("sent.png"), caption="The council chamber"
    )
    workspace_services.submit(submitted_visit, staff)
    draft_practice = GoodPractice.objects.create(
        title_en="Tartu data portal (draft)",
        slug="tartu-data-portal-draft",
        owner=partner,
        status=GoodPractice.Status.DRAFT,
    )
    submitted_practice = GoodPractice.objects.create(
        title_en="Tartu open budget", slug="tartu-open-budget", owner=partner, status="draft"
    )
    workspace_services.submit(submitted_practice, staff)
    registration = services.start(_registration(upcoming, "Mari Maasikas"))
    registration = services.confirm(registration)
    pending = services.start(_registration(upcoming, "Jaan Tamm"))
    subscription = Subscription(email="reader@example.ee", language="et")
    subscriptions.start(subscription)
    _one_event_of_every_kind(partner)
    _devices_and_tasks(coordinator)
    practice = GoodPractice.objects.published().filter(project=served).first()
    Transfer.objects.get_or_create(practice=practice, importer=partner)
    Attendance.objects.get_or_create(
        event=upcoming, organisation=partner, category="staff", defaults={"participants": 4}
    )
    return Demo(
        event=event,
        upcoming=upcoming,
        practice=practice,
        partner=partner,
        staff=staff,
        coordinator=coordinator,
        outsider=outsider,
        draft_visit=draft_visit,
        submitted_visit=submitted_visit,
        photo=photo,
        draft_practice=draft_practice,
        submitted_practice=submitted_practice,
        registration=registration,
        pending=pending,
        subscription=subscription,
        legal_kinds=list(LegalPage.objects.published().values_list("kind", flat=True)),
    )


def _upcoming_event(host):
    day = timezone.localdate() + dt.timedelta(days=40)
    event = Event.objects.create(
        kind=Event.Kind.LOCAL,
        title_en="Open data morning",
        title_et="Avaandmete hommik",
        slug="open-data-morning",
        summary_en="Tartu shows its open data.",
        host=host,
        start_date=day,
        end_date=day,
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 0),
        timezone="Europe/Tallinn",
        venue="Town hall",
        city="Tartu",
        is_published=True,
    )
    start = dt.datetime.combine(day, dt.time(9, 30), tzinfo=ZoneInfo("Europe/Tallinn"))
    Workshop.objects.create(
        event=event,
        title_en="Open data in practice",
        start=start,
        end=start + dt.timedelta(hours=1),
    )
    RegistrationSettings.objects.create(event=event, is_enabled=True, capacity=30)
    return event


def _one_event_of_every_kind(host):
    """An unpublished event of each kind the demo has none of, so that each kind's admin has a
    row to show."""
    for kind in Event.Kind:
        if not Event.objects.filter(kind=kind).exists():
            Event.objects.create(
                kind=kind,
                title_en=f"A {kind.label}",
                slug=f"a-{kind.value}".replace("_", "-"),
                host=host,
                start_date=dt.date(2022, 3, 8),
                end_date=dt.date(2022, 3, 8),
            )


def _devices_and_tasks(user):
    """A second factor of each kind, a queued mail task, and a failed and a good login (axes'
    records), for their admin screens."""
    login = reverse("workspace:login")
    good = Client().post(login, {"username": "staff-p4", "password": "a-long-password"})
    assert good.status_code == 302, good.content
    Client().post(login, {"username": "staff-p4", "password": "wrong"})
    # Kept only with AXES_ENABLE_ACCESS_FAILURE_LOG, which the portal leaves off.
    AccessFailureLog.objects.create(
        username="staff-p4", ip_address="192.0.2.1", path_info=login, user_agent="", locked_out=True
    )
    TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    SoftAuthenticator().stored_credential(user, name="Work laptop")
    StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    deliver_mail.enqueue(Mail.objects.order_by("pk").first().pk)


def _visit(owner, title, slug):
    return Event.objects.create(
        kind=Event.Kind.STUDY_VISIT,
        title_en=title,
        slug=slug,
        host=owner,
        owner=owner,
        review_status=Event.ReviewStatus.DRAFT,
        is_published=False,
        start_date=dt.date(2021, 7, 17),
        end_date=dt.date(2021, 7, 17),
    )


def _registration(event, name):
    return Registration(
        event=event,
        name=name,
        email=f"{name.split()[0].lower()}@example.ee",
        privacy_consent=True,
        language="et",
    )


class Page(NamedTuple):
    """How to build the URLs of one URL name; `paths(demo)` runs in each of `languages`."""

    paths: Callable
    who: str = ANONYMOUS
    languages: tuple = ALL_LANGUAGES
    status: int = 200


def public(paths, status=200):
    return Page(paths, ANONYMOUS, ALL_LANGUAGES, status)


def staff(paths, status=200):
    return Page(paths, STAFF, SIGNED_IN_LANGUAGES, status)


def coordinator(paths, languages=SIGNED_IN_LANGUAGES):
    return Page(paths, COORDINATOR, languages)


def one(name, *args, query="", **kwargs):
    return lambda demo: [reverse(name, args=args, kwargs=kwargs) + query]


CHECKED = {
    "home": public(one("home")),
    "search": public(lambda demo: [reverse("search"), reverse("search") + "?q=Tartu"]),
    "events:list": public(
        lambda demo: [
            reverse("events:list"),
            reverse("events:list") + "?kind=study_visit",
            reverse("events:list") + f"?partner={demo.partner.slug}&when=past",
            reverse("events:list") + "?year=2021&format=online",
        ]
    ),
    "events:detail": public(
        lambda demo: (
            [
                reverse("events:detail", kwargs={"slug": slug})
                for slug in Event.objects.published()
                .filter(project=default_project())
                .values_list("slug", flat=True)
            ]
            + [reverse("events:detail", kwargs={"slug": demo.event.slug}) + "?tz=Europe/Tallinn"]
        )
    ),
    "partners:list": public(one("partners:list")),
    "partners:detail": public(
        lambda demo: [
            reverse("partners:detail", kwargs={"slug": slug})
            for slug in Organisation.objects.consortium().values_list("slug", flat=True)[:2]
        ]
    ),
    "practices:list": public(one("practices:list")),
    "practices:detail": public(
        lambda demo: [reverse("practices:detail", kwargs={"slug": demo.practice.slug})]
    ),
    "programme:home": public(one("programme:home")),
    "programme:practices": public(
        lambda demo: [
            reverse("programme:practices"),
            reverse("programme:practices") + "?country=EE&nuts=EE008",
            # Filters that cannot be used: the messages, and the other filters kept.
            reverse("programme:practices") + "?nuts=E%25&project=nowhere&q=data",
        ]
    ),
    "embed:events": public(one("embed:events")),
    "embed:partner_events": public(
        lambda demo: [reverse("embed:partner_events", kwargs={"partner": demo.partner.slug})]
    ),
    "legal:page": public(
        lambda demo: [reverse("legal:page", kwargs={"kind": kind}) for kind in demo.legal_kinds]
    ),
    "registrations:register": public(
        lambda demo: [
            reverse("registrations:register", kwargs={"slug": demo.upcoming.slug}),
            # Closed: the page says so, without a form.
            reverse("registrations:register", kwargs={"slug": demo.event.slug}),
        ]
    ),
    "registrations:confirm": public(
        lambda demo: [
            reverse(
                "registrations:confirm",
                kwargs={"slug": demo.upcoming.slug, "token": demo.token("confirm")},
            )
        ]
    ),
    "registrations:manage": public(
        lambda demo: [
            reverse(
                "registrations:manage",
                kwargs={"slug": demo.upcoming.slug, "token": demo.token("manage")},
            )
        ]
    ),
    "subscriptions:subscribe": public(one("subscriptions:subscribe")),
    "subscriptions:confirm": public(
        lambda demo: [reverse("subscriptions:confirm", kwargs={"token": demo.token("subscribe")})]
    ),
    "subscriptions:unsubscribe": public(
        lambda demo: [
            reverse("subscriptions:unsubscribe", kwargs={"token": demo.token("unsubscribe")})
        ]
    ),
    "workspace:login": public(one("workspace:login")),
    "workspace:two-factor": staff(one("workspace:two-factor")),
    "workspace:passkeys": staff(one("workspace:passkeys")),
    "workspace:dashboard": staff(one("workspace:dashboard")),
    "workspace:event-create": staff(one("workspace:event-create")),
    "workspace:event-detail": staff(
        lambda demo: [
            reverse("workspace:event-detail", kwargs={"pk": demo.draft_visit.pk}),
            reverse("workspace:event-detail", kwargs={"pk": demo.submitted_visit.pk}),
        ]
    ),
    "workspace:event-update": staff(
        lambda demo: [reverse("workspace:event-update", kwargs={"pk": demo.draft_visit.pk})]
    ),
    "workspace:photo-update": Page(
        lambda demo: [
            reverse(
                "workspace:photo-update",
                kwargs={"pk": demo.draft_visit.pk, "photo_pk": demo.photo.pk},
            )
        ],
        STAFF,
        SIGNED_IN_LANGUAGES,
    ),
    "workspace:photo-delete": Page(
        lambda demo: [
            reverse(
                "workspace:photo-delete",
                kwargs={"pk": demo.draft_visit.pk, "photo_pk": demo.photo.pk},
            )
        ],
        STAFF,
        SIGNED_IN_LANGUAGES,
    ),
    "workspace:attendance": staff(
        lambda demo: [reverse("workspace:attendance", kwargs={"pk": demo.upcoming.pk})]
    ),
    "workspace:walk-in": staff(
        lambda demo: [reverse("workspace:walk-in", kwargs={"pk": demo.upcoming.pk})]
    ),
    "workspace:sign-in-sheet": staff(
        lambda demo: [reverse("workspace:sign-in-sheet", kwargs={"pk": demo.upcoming.pk})]
    ),
    "workspace:practice-create": staff(one("workspace:practice-create")),
    "workspace:practice-detail": staff(
        lambda demo: [
            reverse("workspace:practice-detail", kwargs={"pk": demo.draft_practice.pk}),
            reverse("workspace:practice-detail", kwargs={"pk": demo.submitted_practice.pk}),
        ]
    ),
    "workspace:practice-update": staff(
        lambda demo: [reverse("workspace:practice-update", kwargs={"pk": demo.draft_practice.pk})]
    ),
    "reports:index": coordinator(one("reports:index")),
    "admin:index": coordinator(one("admin:index")),
    "admin:login": Page(one("admin:login"), ANONYMOUS, SIGNED_IN_LANGUAGES),
    "admin:password_change": coordinator(one("admin:password_change")),
    "admin:password_change_done": coordinator(one("admin:password_change_done")),
    "admin:app_list": coordinator(
        lambda demo: [reverse("admin:app_list", kwargs={"app_label": "events"})]
    ),
    "admin:auth_user_password_change": coordinator(
        lambda demo: [reverse("admin:auth_user_password_change", args=[demo.staff.pk])], ("en",)
    ),
}

EXCLUDED = {
    "sitemap": "XML, not HTML (tests/better_portal/test_views.py reads it)",
    "robots": "plain text",
    "health": "JSON for the monitoring",
    "health-ready": "JSON for the load balancer (readiness)",
    "health-live": "JSON for the process supervisor (liveness)",
    "workspace:passkey-register-begin": "JSON of the WebAuthn ceremony (POST only)",
    "workspace:passkey-register-complete": "JSON of the WebAuthn ceremony (POST only)",
    "workspace:passkey-login-begin": "JSON of the WebAuthn ceremony (POST only)",
    "workspace:passkey-admin-login-begin": "JSON of the WebAuthn ceremony (POST only)",
    "workspace:passkey-delete": "POST only: removes a passkey, redirects to workspace:passkeys",
    "workspace:recovery-codes": "POST only: makes new codes, then redirects to workspace:passkeys",
    "favicon": "an image",
    "media": "uploaded files (images, documents)",
    "set_language": "POST only, answers with a redirect",
    "events:calendar": "ICS: test_calendar_clients.py reads every calendar with ical.js",
    "events:event_calendar": "ICS: test_calendar_clients.py reads every calendar with ical.js",
    "events:feed": "Atom: test_feeds.py reads every feed with feedparser",
    "api:events": "JSON API",
    "api:practices": "JSON API",
    "api:organisations": "JSON API",
    "reports:csv": "a CSV download",
    "reports:xlsx": "an XLSX download",
    "workspace:logout": "POST only, answers with a redirect",
    "workspace:event-submit": "POST only, answers with a redirect",
    "workspace:practice-submit": "POST only, answers with a redirect",
    "workspace:check-in": "POST only, answers with a redirect",
    "workspace:attendance-export": "a CSV or XLSX download",
    "admin:logout": "POST only, answers with a redirect",
    "admin:autocomplete": "JSON for the admin's select boxes",
    "admin:jsi18n": "JavaScript",
    "admin:view_on_site": "a redirect to the public page",
    "bench_bare": "`make bench` only: a constant text answer",
    "admin/(?P<url>.*)$": "Django's catch-all of the admin: a 404 or a redirect to the login",
}
# What nobody may do in the admin (a 403): mails, logins, tasks and submissions come from the
# portal itself, a project is never deleted (its rows would go with it), and no one sees another's
# second-factor secret or its QR code (OTP_ADMIN_HIDE_SENSITIVE_DATA); a passkey is made only
# by its owner's browser.
for _name in (
    "django_otp_webauthn_webauthncredential_add",
    "content_mail_add",
    "content_mail_delete",
    "content_project_delete",
    "axes_accessattempt_add",
    "axes_accesslog_add",
    "axes_accessfailurelog_add",
    "workspace_submittedevent_add",
    "workspace_submittedevent_delete",
    "workspace_submittedpractice_add",
    "workspace_submittedpractice_delete",
    "django_tasks_database_dbtaskresult_add",
    "django_tasks_database_dbtaskresult_delete",
    "otp_totp_totpdevice_config",
    "otp_totp_totpdevice_qrcode",
):
    EXCLUDED[f"admin:{_name}"] = REFUSED = "not permitted to anyone: a 403"


def _admin_pages():
    """The generic admin screens of every registered model: changelist, add, change, delete,
    history (and django-simple-history's historical record) of its first row, in English; the
    unnamed `<object_id>/` pattern of each is Django's redirect to `<object_id>/change/`."""
    checked, excluded = {}, {}
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        checked[f"{prefix}_changelist"] = coordinator(one(f"{prefix}_changelist"), ("en",))
        for view in ("add", "change", "delete", "history"):
            checked[f"{prefix}_{view}"] = coordinator(_first_row_url(model, prefix, view), ("en",))
        if hasattr(model, "history") and hasattr(model_admin, "history_form_view"):
            checked[f"{prefix}_simple_history"] = coordinator(
                _historical_url(model, prefix), ("en",)
            )
        route = f"admin/{model._meta.app_label}/{model._meta.model_name}/<path:object_id>/"
        excluded[route] = "Django's redirect of an old change URL to its /change/"
    return checked, excluded


def first_row(model, demo):
    """The first row the coordinator sees in the model's admin (the proxies of one kind of
    event, or the review queue, show only theirs)."""
    request = RequestFactory().get("/admin/")
    request.user = demo.coordinator
    return admin.site._registry[model].get_queryset(request).order_by("pk").first()


def _first_row_url(model, prefix, view):
    def paths(demo):
        if view == "add":
            return [reverse(f"{prefix}_add")]
        row = first_row(model, demo)
        assert row is not None, f"{prefix}: the demo has no row to show"
        return [reverse(f"{prefix}_{view}", args=[row.pk])]

    return paths


def _historical_url(model, prefix):
    def paths(demo):
        record = model.history.order_by("history_id").first()
        return [reverse(f"{prefix}_simple_history", args=[record.id, record.history_id])]

    return paths


ADMIN_CHECKED, ADMIN_EXCLUDED = _admin_pages()
CHECKED.update({name: page for name, page in ADMIN_CHECKED.items() if name not in EXCLUDED})
EXCLUDED.update(ADMIN_EXCLUDED)
# The review screen, the history and the generic admin screens (of events), in every language.
for _name in (
    "admin:events_event_changelist",
    "admin:events_event_add",
    "admin:events_event_change",
    "admin:events_event_delete",
    "admin:workspace_submittedevent_change",
    "admin:workspace_submittedpractice_change",
    "admin:workspace_submittedevent_changelist",
    "admin:events_event_history",
    "admin:events_event_simple_history",
):
    CHECKED[_name] = CHECKED[_name]._replace(languages=SIGNED_IN_LANGUAGES)
