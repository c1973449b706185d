from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content import languages
from content.fallback import shown, shown_in
from content.models import Reviewable, ReviewableQuerySet, Versioned
from content.scoping import project_scoped
from content.search import SearchableQuerySet, searchable
from content.site import ProjectOwned
from content.uploads import ImageUploadField, require_image_alt
from partners.models import Organisation, Person, label_columns


class Theme(Versioned):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


# The columns of a practice that its card shows (templates/includes/_practice_card.html).
CARD_FIELDS = ("slug", "image", "title", "summary", "owner")


class GoodPracticeQuerySet(SearchableQuerySet, ReviewableQuerySet):
    # A practice's review status is also whether it is public; unpublished, it is a draft again.
    published_values = {"status": "published"}
    unpublished_values = {"status": "draft"}

    def with_related(self):
        return self.select_related("owner").prefetch_related("themes")

    def with_project(self):
        """With each practice's project: the programme's lists name it and link its site."""
        return self.select_related("project")

    def with_card(self):
        """Only what a practice's card shows (templates/includes/_practice_card.html): the
        card's own columns, its owner's label and its themes' names."""
        themes = Theme.objects.only("name")
        return (
            self.only(*CARD_FIELDS, *label_columns("owner__"))
            .select_related("owner")
            .prefetch_related(models.Prefetch("themes", queryset=themes))
        )

    def programme_card_rows(self):
        """The rows of the programme's practice cards (includes/_programme_practice_card.html):
        with the fragment cache, only the pks; else the practices `with_related()` and
        `with_project()`."""
        from content.fragments import card_rows

        return card_rows(self, lambda practices: practices.with_related().with_project())

    def card_rows(self):
        """The rows of a list of practice cards (includes/_practice_list.html): with the
        fragment cache, only the pks; else the practices `with_card()`."""
        from content.fragments import card_rows

        return card_rows(self, GoodPracticeQuerySet.with_card)

    def cards_of(self, pks):
        """The rows of a list of practice cards showing these practices of the queryset, in the
        order of pks, as card_rows() gives them."""
        from content.fragments import cards_of

        return cards_of(self, pks, GoodPracticeQuerySet.with_card)

    def by_title(self):
        """In the order of the titles the reader sees: their language's, else the English one."""
        return self.order_by(shown("title"), "pk")

    def with_details(self):
        """Everything the practice page shows about the practice itself, in constant queries."""
        return self.select_related("owner", "contact__organisation").prefetch_related(
            "themes",
            models.Prefetch("transfers", queryset=Transfer.objects.select_related("importer")),
        )

    def of_partner(self, organisation):
        """The practices a partner's staff work on: those the partner owns, drafts included."""
        return self.filter(owner=organisation)

    def choosable_by(self, organisation):
        """What a partner may link to an event: published practices and its own."""
        return self.filter(
            models.Q(status=GoodPractice.Status.PUBLISHED) | models.Q(owner=organisation)
        )


@searchable("title", "summary", "description", "location", index_prefix="practice")
class GoodPractice(Reviewable, ProjectOwned):
    """A good practice, with the fields in the order of the Interreg Europe good-practice form."""

    class Status(models.TextChoices):
        # Reviewable.ReviewStatus, and Published: a practice's review status is also whether
        # it is public.
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("detailed description"), blank=True)
    resources_needed = models.TextField(_("resources needed"), blank=True)
    evidence_of_success = models.TextField(_("evidence of success"), blank=True)
    difficulties_encountered = models.TextField(_("difficulties encountered"), blank=True)
    potential_for_learning = models.TextField(_("potential for learning or transfer"), blank=True)
    further_information = models.URLField(_("further information"), blank=True)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owner organisation"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    is_ongoing = models.BooleanField(_("ongoing"), default=False)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="practices", blank=True
    )
    contact = models.ForeignKey(
        Person,
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
    )
    image = ImageUploadField(_("image"), upload_to="practices/", blank=True)
    image_alt = models.CharField(
        _("image's text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Needed with an image."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    REVIEW_STATUS_FIELD = "status"

    objects = project_scoped(GoodPracticeQuerySet)

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="practice_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(fields=["project", "slug"], name="unique_practice_slug"),
        ]
        indexes = [
            # The published catalogue, and the home page's latest.
            models.Index(fields=["status", "updated"], name="practice_status_updated_idx"),
        ] + [
            # The catalogue's and the search's order (by_title(): the title the reader sees), so
            # that the first page is read in order, not sorted: on the expression the query
            # orders by (a plain title column's index is not used for it).
            models.Index(
                models.F("project"),
                models.F("status"),
                shown_in("title", code),
                models.F("id"),
                name=f"practice_project_title_{code}",
            )
            for code in languages.codes()
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", kwargs={"slug": self.slug})

    def site_url(self):
        """The practice's page on its project's site (empty where that project has no site of
        its own: see Project.url_of())."""
        path = reverse(
            "practices:detail", kwargs={"slug": self.slug}, urlconf=settings.ROOT_URLCONF
        )
        return self.project.url_of(path)

    def clean(self):
        super().clean()
        require_image_alt(self)
        if self.is_ongoing and self.end_date:
            raise ValidationError(
                {"end_date": _("An ongoing practice has no end date.")}, code="ongoing_with_end"
            )

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def mark_approved(self):
        """Approval publishes: the practice joins the public catalogue. Its status becomes
        Published rather than Approved, as that status is what makes it public."""
        self.status = self.Status.PUBLISHED


class Transfer(Versioned):
    """A partner importing a good practice, and how far the import has come."""

    class Stage(models.TextChoices):
        INTEREST = "interest", _("Interest expressed")
        STUDIED = "studied", _("Studied")
        IMPORT_WORKSHOP = "import_workshop", _("Import workshop held")
        ACTION_PLAN = "action_plan", _("In the action plan")
        IMPLEMENTED = "implemented", _("Implemented")

    practice = models.ForeignKey(
        GoodPractice,
        verbose_name=_("good practice"),
        on_delete=models.PROTECT,
        related_name="transfers",
    )
    importer = models.ForeignKey(
        Organisation,
        verbose_name=_("importing partner"),
        on_delete=models.PROTECT,
        related_name="imports",
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.INTEREST
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    stage_reached_on = models.DateField(
        _("stage reached on"),
        null=True,
        blank=True,
        help_text=_("When the current stage was reached."),
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    objects = project_scoped(path="practice__project")

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["practice__title", "importer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "importer"],
                name="one_transfer_per_practice_and_importer",
                violation_error_message=_("This partner already imports this practice."),
            ),
            models.CheckConstraint(
                condition=models.Q(stage_reached_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(stage_reached_on__gte=models.F("started_on")),
                name="transfer_stage_after_start",
                violation_error_message=_("A stage cannot be reached before the transfer started."),
            ),
        ]

    def __str__(self):
        return f"{self.practice} → {self.importer}"

    def clean(self):
        super().clean()
        if self.practice_id and self.importer_id and self.practice.owner_id == self.importer_id:
            raise ValidationError(
                {"importer": _("The owner of a practice cannot import it from itself.")},
                code="self_transfer",
            )
