from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from content import languages
from content.fallback import reader_languages
from content.models import Versioned
from content.page_cache import cached_until_content_changes
from content.scoping import every_project, project_scoped
from content.search import SearchableQuerySet, searchable
from content.site import (
    Project,
    ProjectOwned,
    all_projects,
    current_project,
    current_project_id,
    default_project,
)
from content.timezones import TimeZoneField
from content.uploads import ImageUploadField


def label_columns(prefix=""):
    """The names, for only(), of the columns that an organisation's `label` reads in the
    reader's languages, each after `prefix` (a relation's path, "host__"). Its partner code
    is the project's (partner_memberships()), not a column."""
    translated = [
        languages.column(field, code)
        for field in ("short_name", "name")
        for code in reader_languages()
    ]
    return [f"{prefix}{column}" for column in translated]


class CurrentProject(models.Expression):
    """The pk of the project being served, read when the query is compiled, not when it is
    built: a queryset made at import (a filter's options) serves each request's project."""

    output_field = models.BigIntegerField()

    def as_sql(self, compiler, connection):
        return "%s", [current_project_id()]


@deconstructible(path="partners.models.PartnerNumber")
class PartnerNumber(models.Expression):
    """The partner number of the organisation at the lookup path `organisation` in the project
    at the lookup path `project` (the project being served when None); null for an
    organisation that is not a partner there. One indexed subquery: no join, no duplicates."""

    output_field = models.PositiveSmallIntegerField()

    def __init__(self, organisation="pk", project=None):
        super().__init__()
        self.organisation, self.project = organisation, project

    def resolve_expression(self, *args, **kwargs):
        project = models.OuterRef(self.project) if self.project else CurrentProject()
        numbers = ProjectPartner._base_manager.filter(
            organisation=models.OuterRef(self.organisation), project=project
        ).values("number")
        return models.Subquery(numbers).resolve_expression(*args, **kwargs)


# How an organisation takes part in a project: the reverse relation of each row that ties it to
# one, and the lookup path from that row to its project. By name, so that this app imports none
# of the apps above it (a relation of an app not installed is left out).
TAKING_PART = (
    ("memberships", "project"),  # a partner (ProjectPartner)
    ("hosted_events", "project"),  # the host of an event
    ("participations", "event__project"),  # a host or participant of an event
    ("practices", "project"),  # the owner of a good practice
    ("imports", "practice__project"),  # the importer of a good practice (Transfer)
)


def taking_part(organisation=None, project=None):
    """{relation: rows} of the rows that tie organisations to projects, unscoped (every
    project's): of the organisation at the lookup path `organisation` of the outer query (or
    this pk), in the project at the lookup path `project` (or this pk) when one is given."""
    relations = {}
    for name, path in TAKING_PART:
        try:
            relation = Organisation._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        rows = relation.related_model._base_manager.order_by()
        if organisation is not None:
            value = organisation if isinstance(organisation, int) else models.OuterRef(organisation)
            rows = rows.filter(**{relation.field.name: value})
        if project is not None:
            rows = rows.filter(**{path: project})
        relations[name] = rows
    return relations


class ServingTheDefaultProject(models.Expression):
    """Whether the project (the one being served when None) is the default one, decided when the
    query is compiled, as CurrentProject is: a constant the database folds away."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, project_id=None):
        super().__init__()
        self.project_id = project_id

    def as_sql(self, compiler, connection):
        project_id = self.project_id or current_project_id()
        return ("1 = 1" if project_id == default_project().pk else "1 = 0"), []


class OrganisationQuerySet(SearchableQuerySet):
    def in_project(self, project=None):
        """The organisations that take part in the project (the one being served when None, read
        when the query is compiled): its partners, the hosts and participants of its events, the
        owners and importers of its practices, whether published or not. In the default
        project, also those that take part in no project at all (a one-project instance lists
        every organisation, one just made in the admin included). One query: EXISTS subqueries."""
        project_id = getattr(project, "pk", project)
        in_it = taking_part("pk", project_id or CurrentProject())
        anywhere = taking_part("pk")
        takes_part = models.Q()
        for rows in in_it.values():
            takes_part |= models.Exists(rows)
        nowhere = models.Q(ServingTheDefaultProject(project_id))
        for rows in anywhere.values():
            nowhere &= ~models.Exists(rows)
        return self.filter(takes_part | nowhere)

    def consortium(self):
        """Partners of the project being served: its members, in number order."""
        return self.filter(memberships__project=CurrentProject()).order_by("memberships__number")

    def lead(self):
        """The lead partner of the project being served (none or one)."""
        return self.filter(
            memberships__project=CurrentProject(), memberships__role=PartnerRole.LEAD
        )

    def in_partner_order(self, nulls_last=False):
        """The partners of the project being served in number order, then the others, each by
        name. Where the others go follows the database unless `nulls_last`."""
        number = PartnerNumber().asc(nulls_last=True) if nulls_last else PartnerNumber()
        return self.order_by(number, "name")

    def cards_of(self, pks):
        """The rows of a list of organisation cards (includes/_organisation_list.html) showing
        these organisations of the queryset, in the order of pks: with the fragment cache
        (content/fragments.py), only the pks; else the organisations."""
        from content.fragments import cards_of

        return cards_of(self, pks, lambda queryset: queryset)


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ADVISORY = "advisory", _("Advisory partner")


def partners_of_the_project():
    """The Q of the organisations that are partners of the project being served, to combine
    with others (a subquery: no join that an OR would multiply)."""
    members = ProjectPartner._base_manager.filter(project=CurrentProject())
    return models.Q(pk__in=members.values("organisation"))


def partner_memberships():
    """{organisation pk: (number, role)} of the project being served, read from the cache until
    a partner changes: the partner labels of a page cost one query at most, whatever the
    number of organisations."""
    project_id = current_project_id()

    def compute():
        rows = ProjectPartner._base_manager.filter(project_id=project_id).order_by()
        return {
            org: (number, role)
            for org, number, role in rows.values_list("organisation_id", "number", "role")
        }

    key = f"portal:partner-memberships:p{project_id}"
    return cached_until_content_changes(key, compute, scopes=("partners",), shared=True)


@searchable("name", "description", index_prefix="org")
class Organisation(Versioned):
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

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # The partner order is the project's: in_partner_order().
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})

    # Partner number and role are the organisation's in the project being served (its
    # membership, ProjectPartner): Tartu is P4 in one project and P2 in another.
    Role = PartnerRole

    @property
    def membership(self):
        """(number, role) in the project being served, or (None, "")."""
        return partner_memberships().get(self.pk, (None, ""))

    @property
    def partner_number(self):
        return self.membership[0]

    @property
    def partner_role(self):
        return self.membership[1]

    def get_partner_role_display(self):
        role = self.partner_role
        return PartnerRole(role).label if role else ""

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

    def projects(self):
        """[(project pk, partner number or None, role or "")] of each project the organisation
        takes part in (as in_project() says), in pk order. One query, read from the cache until
        a partner, an event or a practice changes, shared by every project's site."""

        def compute():
            with every_project():
                takes_part = models.Q()
                for rows in taking_part(self.pk, models.OuterRef("pk")).values():
                    takes_part |= models.Exists(rows)
                membership = ProjectPartner._base_manager.filter(
                    project=models.OuterRef("pk"), organisation=self.pk
                )
                rows = Project._base_manager.filter(takes_part).annotate(
                    number=models.Subquery(membership.values("number")),
                    role=models.Subquery(membership.values("role")),
                )
                return [
                    (pk, number, role or "")
                    for pk, number, role in rows.order_by("pk").values_list("pk", "number", "role")
                ]

        key = f"portal:organisation-projects:{self.pk}"
        return cached_until_content_changes(
            key, compute, scopes=("partners", "events", "practices"), shared=True
        )

    def is_in_project(self, project=None):
        """Whether the organisation is one of in_project()'s in the project (the one being
        served when None): it takes part in it, or in none at all and the project is the
        default one. Read from projects(), cached: the page of one organisation need not
        compile in_project()'s ten subqueries (half of that page's time)."""
        project = project or current_project()
        taking_part_in = [pk for pk, _number, _role in self.projects()]
        return project.pk in taking_part_in or (not taking_part_in and project.is_default)

    def project_links(self):
        """The projects the organisation takes part in, for its page, where it takes part in
        another project than the one served: each with its partner code and role there ("P1",
        "Lead partner"), and the address of the organisation's page on that project's site
        (empty where it has none, Project.url_of()). Empty where there is nothing to add."""
        served = current_project()
        by_pk = {project.pk: project for project in all_projects()}
        rows = [(by_pk[pk], number, role) for pk, number, role in self.projects() if pk in by_pk]
        if [project.pk for project, _number, _role in rows] in ([], [served.pk]):
            return []
        path = reverse("partners:detail", kwargs={"slug": self.slug}, urlconf=settings.ROOT_URLCONF)
        return [
            {
                "project": project,
                "url": project.url_of(path),
                "partner_code": f"P{number}" if number is not None else "",
                "role": PartnerRole(role).label if role else "",
                "is_served": project.pk == served.pk,
            }
            for project, number, role in rows
        ]


class ProjectPartner(ProjectOwned, Versioned):
    """An organisation's place in a project's consortium: its number (4 for P4) and role."""

    Role = PartnerRole

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    number = models.PositiveSmallIntegerField(_("partner number"), help_text=_("4 for P4."))
    role = models.CharField(
        _("partner role"), max_length=10, choices=Role.choices, default=Role.PARTNER
    )

    objects = project_scoped()

    class Meta:
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"],
                name="one_partner_per_number",
                violation_error_message=_("Another partner of the project has this number."),
            ),
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="one_membership_per_project",
                violation_error_message=_("This organisation is a partner of the project already."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="lead"),
                name="one_lead_partner_per_project",
                violation_error_message=_("There is already a lead partner: a project has one."),
            ),
        ]

    def __str__(self):
        return f"P{self.number} {self.organisation}"


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
