from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from content import languages
from content.fallback import reader_languages
from content.models import Versioned
from content.search import SearchableQuerySet, searchable
from content.timezones import TimeZoneField
from content.uploads import ImageUploadField


def label_columns(prefix=""):
    """The names, for only(), of the columns that an organisation's `label` reads in the
    reader's languages, each after `prefix` (a relation's path, "host__")."""
    translated = [
        languages.column(field, code)
        for field in ("short_name", "name")
        for code in reader_languages()
    ]
    return [f"{prefix}{column}" for column in ("partner_number", *translated)]


class OrganisationQuerySet(SearchableQuerySet):
    def consortium(self):
        """Partners of the project: organisations with a partner number, in number order."""
        return self.filter(partner_number__isnull=False).order_by("partner_number")

    def lead(self):
        return self.filter(partner_role=Organisation.Role.LEAD)

    def cards_of(self, pks):
        """The rows of a list of organisation cards (includes/_organisation_list.html) showing
        these organisations of the queryset, in the order of pks: with the fragment cache
        (content/fragments.py), only the pks; else the organisations."""
        from content.fragments import cards_of

        return cards_of(self, pks, lambda queryset: queryset)


@searchable("name", "description", index_prefix="org")
class Organisation(Versioned):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        ADVISORY = "advisory", _("Advisory partner")

    class Type(models.TextChoices):
        MUNICIPALITY = "municipality", _("Local public authority")
        REGION = "region", _("Regional public authority")
        NATIONAL = "national", _("National public authority")
        HUB = "hub", _("Digital innovation hub")
        UNIVERSITY = "university", _("University or research body")
        BUSINESS = "business", _("Business")
        ASSOCIATION = "association", _("Association or NGO")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("For example “Tartu”.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    nuts_code = models.CharField(_("NUTS code"), max_length=10, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=Type.choices, default=Type.MUNICIPALITY
    )
    website = models.URLField(_("website"), blank=True)
    logo = ImageUploadField(_("logo"), upload_to="logos/", blank=True)
    timezone = TimeZoneField(
        _("time zone"),
        blank=True,
        help_text=_("Default time zone of the events this organisation hosts."),
    )
    partner_number = models.PositiveSmallIntegerField(
        _("partner number"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("Consortium partners only: 4 for P4. Leave empty for outside organisations."),
    )
    partner_role = models.CharField(
        _("partner role"), max_length=10, choices=Role.choices, blank=True
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["partner_number", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner_role"],
                condition=models.Q(partner_role="lead"),
                name="one_lead_partner",
                violation_error_message=_("There is already a lead partner: a project has one."),
            ),
            models.CheckConstraint(
                condition=models.Q(partner_number__isnull=True, partner_role="")
                | models.Q(partner_number__isnull=False) & ~models.Q(partner_role=""),
                name="partner_number_with_role",
                violation_error_message=_(
                    "A consortium partner needs both a partner number and a partner role."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})

    @property
    def is_partner(self):
        return self.partner_number is not None

    @property
    def partner_code(self):
        """“P4” for partner number 4, empty for outside organisations."""
        return f"P{self.partner_number}" if self.partner_number is not None else ""

    @property
    def label(self):
        """How the organisation is named next to a person: “P4 Tartu”, or its short name."""
        short = self.short_name or self.name
        return f"{self.partner_code} {short}" if self.partner_code else short

    @property
    def tzname(self):
        return self.timezone or settings.PORTAL_DEFAULT_TIMEZONE


class PersonQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Person(Versioned):
    name = models.CharField(_("name"), max_length=200)
    honorific = models.CharField(
        _("honorific"), max_length=20, blank=True, help_text=_("For example “Dr”.")
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    is_public = models.BooleanField(
        _("shown publicly"), default=True, help_text=_("The e-mail address is never shown.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "The portal writes to this person in this language; empty: in its main language."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text=_("For partner staff: the login that edits this organisation's items."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def mail_language(self):
        """The language the portal writes to this person in: their own, else the portal's."""
        return self.language or settings.LANGUAGE_CODE

    @staticmethod
    def language_of(user):
        """The language the portal writes to a login in: its person's, else the portal's."""
        person = getattr(user, "person", None)
        return person.mail_language if person else settings.LANGUAGE_CODE

    @property
    def label(self):
        """“Lauri Sock (P4 Tartu)”: the name with the organisation's label, as on timetables."""
        if self.organisation_id:
            return f"{self.full_name} ({self.organisation.label})"
        return self.full_name
