"""Who may see and change what in the workspace. Every workspace view and form starts here."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q

from content.site import PROGRAMME_PERMISSION, coordinates, current_project
from events.models import Event, EventPhoto
from partners.models import Organisation, Person
from practices.models import GoodPractice


@dataclass(frozen=True)
class Access:
    """The scope of one user: partner staff see their own partner's items, coordinators all."""

    user: object
    organisation: Organisation | None
    is_coordinator: bool

    @classmethod
    def for_user(cls, user):
        person = Person.objects.filter(user=user).select_related("organisation").first()
        return cls(
            user=user,
            organisation=person.organisation if person else None,
            is_coordinator=user.has_perm("workspace.review_submissions") and coordinates(user),
        )

    @property
    def may_use_workspace(self):
        if self.is_coordinator:
            return True
        # Staff work for their organisation in the projects it is a partner of.
        partner = self.organisation is not None and self.organisation.is_partner
        return partner and self.user.has_perm("workspace.use_workspace")

    def events(self):
        """Events the user may open: for staff, their partner's (drafts too) and published ones
        it hosted or attended."""
        if self.is_coordinator:
            return Event.objects.all()
        return Event.objects.of_partner(self.organisation)

    def editable_events(self):
        """Events the user may change: drafts and returned items, of their own partner."""
        editable = Event.objects.editable_by_staff()
        if self.is_coordinator:
            return editable
        return editable.filter(owner=self.organisation)

    def editable_photos(self):
        """Photos the user may caption or delete: those of the events they may change."""
        return EventPhoto.objects.filter(event__in=self.editable_events())

    def practices(self):
        if self.is_coordinator:
            return GoodPractice.objects.all()
        return GoodPractice.objects.of_partner(self.organisation)

    def editable_practices(self):
        return self.practices().editable_by_staff()

    # Choices offered in the forms: no other partner's drafts, no outside people.
    def partner_choices(self):
        return Organisation.objects.consortium()

    def practice_choices(self):
        if self.is_coordinator:
            return GoodPractice.objects.all()
        return GoodPractice.objects.choosable_by(self.organisation)

    def contact_choices(self):
        if self.is_coordinator:
            return Person.objects.select_related("organisation")
        return Person.objects.filter(organisation=self.organisation)


def reviewers():
    """The active users who can work the review queue of the project being served: the
    programme level (superusers, logins that run the programme) and its coordinators, given the
    permission to review (the Coordinators group has it)."""
    app_label, codename = PROGRAMME_PERMISSION.split(".")
    runs_it = (
        Q(is_superuser=True)
        | Q(coordinated_projects=current_project())
        | Q(
            user_permissions__content_type__app_label=app_label, user_permissions__codename=codename
        )
        | Q(
            groups__permissions__content_type__app_label=app_label,
            groups__permissions__codename=codename,
        )
    )
    return (
        get_user_model()
        .objects.with_perm(
            "workspace.review_submissions",
            include_superusers=True,
            # django-axes' backend is configured too; permissions are the model backend's.
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(runs_it, is_staff=True)
        .distinct()
        .order_by("pk")
    )
