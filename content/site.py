"""The project as data: the projects this portal serves (Project: its names, texts, logos,
contact and domain) and each one's legal pages (LegalPage).

An instance serves one project or a whole programme's. Another Interreg project runs its own by
editing these in the admin, not code: every template, mail, feed and calendar reads the project
being served through current_project(), which the request's middleware activates
(content/scoping.py); outside a request it is the default project, the first one.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import migrations, models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import languages
from .fallback import localized
from .models import Versioned
from .page_cache import cached_until_content_changes
from .scoping import active_project, project_scoped, scope
from .uploads import ImageUploadField

PROJECTS_CACHE_KEY = "portal:projects"
# The first parts of the site's own addresses (better_portal/urls.py; a test keeps the two in
# step): a project served under /<lang>/<slug>/ may not take one of them, nor a language code.
RESERVED_SLUGS = frozenset(
    "about admin api embed events favicon.ico health i18n media partners practices programme "
    "robots.txt search sitemap.xml static subscribe workspace".split()
)


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.all()  # a project's site is public as soon as it exists


class Project(Versioned):
    """A cooperation project: names, texts, logos, contact, and the domain or path it is
    served under. It owns its events, practices, semesters, partners' numbers and legal pages;
    organisations and people are shared between projects."""

    acronym = models.CharField(
        _("acronym"), max_length=40, help_text=_("The short name shown everywhere, e.g. in titles.")
    )
    name = models.CharField(_("project name"), max_length=200, blank=True)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    description = models.TextField(
        _("short description"),
        blank=True,
        help_text=_("One or two sentences: the home page, the footer and meta descriptions."),
    )
    programme_name = models.CharField(
        _("programme name"),
        max_length=200,
        blank=True,
        help_text=_("For example “Interreg Europe”."),
    )
    project_logo = ImageUploadField(_("project logo"), upload_to="identity/", blank=True)
    programme_logo = ImageUploadField(_("programme logo"), upload_to="identity/", blank=True)
    contact_address = models.TextField(_("contact address"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    social_links = models.TextField(
        _("social media links"), blank=True, help_text=_("One web address a line.")
    )
    domain = models.CharField(
        _("domain"),
        max_length=200,
        blank=True,
        help_text=_("The project's own domain, without https://, for example “example.eu”."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=40,
        unique=True,
        help_text=_("The project's part of the web address on a shared domain: /en/better/."),
    )

    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_(
            "The languages the project publishes in, which its pages offer; English always is "
            "one. None ticked: every language of the portal."
        ),
    )

    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_projects",
        help_text=_("The staff logins that run this project. Superusers run every project."),
    )

    objects = ProjectQuerySet.as_manager()

    @property
    def language_codes(self):
        """The codes of the languages the project publishes in, in the portal's order: English
        (the fallback) and those chosen, or every language of the portal when none is."""
        chosen = set(self.languages or ())
        return [
            code
            for code in languages.codes()
            if not chosen or code in chosen or code == settings.LANGUAGE_CODE
        ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["pk"]
        # The programme level's role: a staff login with it runs every project (as superusers
        # do) without the other rights of a superuser.
        permissions = [("run_programme", _("Can run every project of the programme"))]
        constraints = [
            models.UniqueConstraint(
                fields=["domain"],
                condition=~models.Q(domain=""),
                name="one_project_per_domain",
                violation_error_message=_("Another project is served on this domain."),
            ),
        ]

    def __str__(self):
        return self.acronym

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.acronym)[:40] or "project"
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)

    def clean(self):
        if self.slug in RESERVED_SLUGS or self.slug in languages.codes():
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is a part of the site's own addresses.")
                    % {"slug": self.slug}
                },
                code="reserved_slug",
            )
        unknown = [code for code in self.languages or () if code not in languages.codes()]
        if not isinstance(self.languages, list) or unknown:
            raise ValidationError(
                {
                    "languages": _("Choose among the portal's languages: %(codes)s.")
                    % {"codes": ", ".join(languages.codes())}
                },
                code="unknown_language",
            )
        validate = URLValidator(schemes=["https", "http"])
        for line in self.social_link_list():
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    {"social_links": _("“%(line)s” is not a web address.") % {"line": line}},
                    code="invalid_social_link",
                ) from None

    def social_link_list(self):
        return [line.strip() for line in self.social_links.splitlines() if line.strip()]

    def social_link_items(self):
        """Each social link with a readable label (its host name without “www.”)."""
        return [
            {"url": url, "label": urlsplit(url).hostname.removeprefix("www.")}
            for url in self.social_link_list()
            if urlsplit(url).hostname
        ]

    @property
    def display_name(self):
        """“ACRONYM: project name”, or just the acronym."""
        name = localized(self, "name").value
        return f"{self.acronym}: {name}" if name and name != self.acronym else self.acronym

    @property
    def is_default(self):
        """Whether this is the default project: the one served where no domain names another."""
        return self.pk == default_project().pk

    def url_of(self, path):
        """The address on the project's own site of `path`, a path of the default project's
        URLconf ("/en/practices/x/", reversed with urlconf=settings.ROOT_URLCONF): on its domain;
        under /<lang>/<slug>/ where projects share this domain (PORTAL_PROJECT_URLS = "path");
        else, for the default project, the path itself where the page showing it is served in
        the default project too (another project's domain does not serve it); empty otherwise:
        a project without a site of its own, which has no link."""
        if self.domain:
            return f"{self.origin}{path}"
        if getattr(settings, "PORTAL_PROJECT_URLS", "domain") == "path":
            if self.is_default:
                return path
            language, rest = path.lstrip("/").partition("/")[::2]
            return f"/{language}/{self.slug}/{rest}"
        return path if self.is_default and current_project().pk == self.pk else ""

    def absolute_url(self, path):
        """The full address (with scheme and host) on the project's own site of `path`, a path
        of the default project's URLconf, as url_of() maps it: what a mail, read far from any
        request, links. The default project's own pages are on PORTAL_SITE_URL; empty for a
        project without a site of its own."""
        if self.is_default and not self.domain:
            return settings.PORTAL_SITE_URL + path
        url = self.url_of(path)
        return settings.PORTAL_SITE_URL + url if url.startswith("/") else url

    @property
    def origin(self):
        """https://<domain>; for a development name (localhost, *.localhost: RFC 6761), the
        scheme and port of PORTAL_SITE_URL, as `make run` serves them (http, 8000)."""
        if self.domain == "localhost" or self.domain.endswith(".localhost"):
            served = urlsplit(settings.PORTAL_SITE_URL)
            port = f":{served.port}" if served.port else ""
            return f"{served.scheme}://{self.domain}{port}"
        return f"https://{self.domain}"

    def site_url(self):
        """The home of the project's site: "https://<domain>/", else its home on this site
        (as url_of() gives it), or empty where there is none to link."""
        if self.domain:
            return self.url_of("/")
        return self.url_of(reverse("home", urlconf=settings.ROOT_URLCONF))

    @classmethod
    def create_default(cls):
        """The project of an instance whose coordinators have not named one yet."""
        return cls.objects.create(acronym=settings.PORTAL_NAME)


def portal_name(*args, **kwargs):
    """The project's short name (its acronym): the name an authenticator app and a passkey
    prompt show. django-otp calls it with the device, and django-otp-webauthn with the request
    (OTP_TOTP_ISSUER, OTP_WEBAUTHN_RP_NAME_CALLABLE)."""
    return current_project().acronym


def all_projects():
    """Every project, in pk order, read from the cache until a project changes: one cache
    round trip, and one query only after a write. An instance without one gets one."""

    def compute():
        return list(Project.objects.order_by("pk")) or [Project.create_default()]

    # "site": a write of any project's row or legal page (not an event's) makes it stale.
    return cached_until_content_changes(PROJECTS_CACHE_KEY, compute, ("site",), shared=True)


def programme():
    """The project that names the programme (the first whose programme_name is set), whose
    programme_name is the programme's; None where no project names one."""
    return next((p for p in all_projects() if p.programme_name), None)


def is_programme():
    """Whether this instance serves more than one project: a programme, with its own pages."""
    return len(all_projects()) > 1


def current_project():
    """The project being served: the one activated for this request or command, else the
    default project."""
    return active_project() or default_project()


PROGRAMME_PERMISSION = "content.run_programme"


def runs_programme(user):
    """Whether user works at the programme level: an active staff login that is a superuser or
    has the permission to run every project (PROGRAMME_PERMISSION, directly or by a group)."""
    return bool(
        user.is_active
        and user.is_staff
        and (user.is_superuser or user.has_perm(PROGRAMME_PERMISSION))
    )


def coordinates(user, project=None):
    """Whether user may run project (by default the one being served) in the admin and the
    workspace: the programme level (runs_programme) runs every project; another staff login
    only the projects that name it among their coordinators."""
    if not (user.is_active and user.is_staff):
        return False
    if runs_programme(user):
        return True
    project = project or current_project()
    return project.coordinators.filter(pk=user.pk).exists()


def current_project_id():
    """The default of a project-owned row's project: the project being served."""
    return current_project().pk


def default_project():
    """The project served where no domain or path names another: the first one."""
    return all_projects()[0]


def project_for_host(host):
    """The project served on this host name (without port), or the default project."""
    host = host.lower()
    projects = all_projects()
    return next((p for p in projects if p.domain and p.domain == host), projects[0])


def project_with_slug(slug):
    """The project with this slug, or None."""
    return next((p for p in all_projects() if p.slug == slug), None)


class ProjectOwned(models.Model):
    """A row of one project: created in the project being served (no form shows the field),
    and checked against its project's other rows (a slug is unique in its project)."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        editable=False,
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.take_project()
        super().save(*args, **kwargs)

    def take_project(self):
        """A new row belongs to the project being served (asked only when it is saved or
        checked: an unsaved row built to show a label needs no database)."""
        if self.project_id is None:
            self.project_id = current_project_id()

    def clean_fields(self, exclude=None):
        self.take_project()
        super().clean_fields(exclude=exclude)

    # Checked among the rows of the row's own project, whichever project is being served.
    def validate_unique(self, exclude=None):
        self.take_project()
        with scope(project=self.project_id):
            super().validate_unique(exclude=set(exclude or ()) - {"project"})

    def validate_constraints(self, exclude=None):
        self.take_project()
        with scope(project=self.project_id):
            super().validate_constraints(exclude=set(exclude or ()) - {"project"})


def add_project_operations(app_label, model_name):
    """The migration operations that give a model's existing rows a project: the first one
    (which content's migration 0004 makes), as a one-project instance's rows all are."""
    field = ProjectOwned._meta.get_field("project")

    def first_project(apps, schema_editor):
        project = apps.get_model("content", "Project").objects.order_by("pk").first()
        apps.get_model(app_label, model_name)._base_manager.update(project=project)

    nullable = models.ForeignKey("content.Project", null=True, on_delete=models.PROTECT)
    final = models.ForeignKey(
        "content.Project",
        verbose_name=field.verbose_name,
        on_delete=models.PROTECT,
        related_name=field.remote_field.related_name,
        editable=False,
    )
    return [
        migrations.AddField(model_name, "project", nullable),
        migrations.RunPython(first_project, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(model_name, "project", final),
    ]


class LegalPageQuerySet(models.QuerySet):
    def published(self):
        return self.all()  # every legal page is public: the law asks for them on every site


class LegalPage(ProjectOwned, Versioned):
    """The accessibility statement, the privacy notice and the imprint: one row each."""

    class Kind(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy notice")
        CONTACT = "contact", _("Contact and imprint")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Paragraphs separated by an empty line; a paragraph starting with “## ” is a heading."
        ),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("For the accessibility statement: the date of the last check of the site."),
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = project_scoped(LegalPageQuerySet)

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind"],
                name="one_legal_page_per_kind",
                violation_error_message=_("The project has a page of this kind already."),
            ),
        ]

    def __str__(self):
        return self.title or self.get_kind_display()

    def get_absolute_url(self):
        return reverse("legal:page", kwargs={"kind": self.kind})

    def blocks(self):
        """The body in the reader's language (or its fallback) as (is_heading, text) blocks,
        with the language it is in."""
        value, lang = localized(self, "body")
        blocks = []
        for chunk in value.replace("\r\n", "\n").split("\n\n"):
            chunk = chunk.strip()
            if chunk.startswith("## "):  # a heading line, perhaps with its paragraph below
                heading, _newline, chunk = chunk.partition("\n")
                blocks.append((True, heading[3:].strip()))
                chunk = chunk.strip()
            if chunk:
                blocks.append((False, chunk))
        return blocks, lang
