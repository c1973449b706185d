"""The project as data: who runs this portal (SiteIdentity) and its legal pages (LegalPage).

Another Interreg project runs its own instance by editing these in the admin, not code: every
template, mail, feed and calendar reads the identity through current_identity().
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fallback import localized
from .models import Versioned
from .page_cache import cached_until_content_changes
from .uploads import ImageUploadField

IDENTITY_CACHE_KEY = "portal:site-identity"


class SiteIdentity(Versioned):
    """The one row naming the project: names, texts, logos, contact and domain."""

    SINGLETON_PK = 1

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

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")
        ordering = ["pk"]

    def __str__(self):
        return self.acronym or str(_("site identity"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK  # one identity per instance
        super().save(*args, **kwargs)

    def clean(self):
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

    @classmethod
    def default(cls):
        """The identity of an instance whose coordinators have not set one yet."""
        return cls(acronym=settings.PORTAL_NAME)


def portal_name(*args, **kwargs):
    """The project's short name (its acronym; PORTAL_NAME until one is set): the name an
    authenticator app and a passkey prompt show. django-otp calls it with the device, and
    django-otp-webauthn with the request (OTP_TOTP_ISSUER, OTP_WEBAUTHN_RP_NAME_CALLABLE)."""
    return current_identity().acronym


def current_identity():
    """The site identity (a default one if none is stored), read from the cache until the
    content changes: one cache round trip, and one query only after a write."""
    return cached_until_content_changes(
        IDENTITY_CACHE_KEY, lambda: SiteIdentity.objects.first() or SiteIdentity.default()
    )


class LegalPageQuerySet(models.QuerySet):
    def published(self):
        return self.all()  # every legal page is public: the law asks for them on every site


class LegalPage(Versioned):
    """The accessibility statement, the privacy notice and the imprint: one row each."""

    class Kind(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy notice")
        CONTACT = "contact", _("Contact and imprint")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, unique=True)
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

    objects = LegalPageQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        ordering = ["kind"]

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
