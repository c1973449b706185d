"""Factories for test data. Each builds a valid object with English text only."""

import datetime as dt

import factory
from django.utils import timezone

from events.models import Attendance, Event, EventChange, Participation, Semester, Workshop
from partners.models import Organisation, Person, ProjectPartner
from practices.models import GoodPractice, Theme, Transfer


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    city = "Tartu"
    country = "EE"
    timezone = "Europe/Tallinn"


class PartnerFactory(OrganisationFactory):
    """An organisation with its number and role in the project being served (a ProjectPartner
    made with it: the organisation has no such fields)."""

    partner_number = factory.Sequence(lambda n: n + 10)
    partner_role = Organisation.Role.PARTNER

    @classmethod
    def _create(cls, model_class, *args, partner_number, partner_role, **kwargs):
        organisation = super()._create(model_class, *args, **kwargs)
        ProjectPartner.objects.create(
            organisation=organisation, number=partner_number, role=partner_role
        )
        return organisation

    @classmethod
    def _build(cls, model_class, *args, partner_number, partner_role, **kwargs):
        return super()._build(model_class, *args, **kwargs)


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    organisation = factory.SubFactory(OrganisationFactory)
    number = factory.Sequence(lambda n: n + 10)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(PartnerFactory)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    title_en = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary_en = "A practice worth learning from."
    owner = factory.SubFactory(PartnerFactory)
    status = GoodPractice.Status.PUBLISHED


class TransferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transfer

    practice = factory.SubFactory(GoodPracticeFactory)
    importer = factory.SubFactory(PartnerFactory)


class SemesterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Semester

    number = factory.Sequence(lambda n: n + 1)
    start = dt.date(2019, 8, 1)
    end = dt.date(2020, 1, 31)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = Event.Kind.THEMATIC
    title_en = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary_en = "An event of the project."
    host = factory.SubFactory(PartnerFactory)
    start_date = dt.date(2020, 6, 16)
    end_date = dt.date(2020, 6, 18)
    timezone = "Europe/Stockholm"
    is_published = True


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(PartnerFactory)


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    event = factory.SubFactory(EventFactory)
    title_en = factory.Sequence(lambda n: f"Workshop {n}")
    start = dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC)
    end = dt.datetime(2020, 6, 16, 10, 0, tzinfo=dt.UTC)


class EventChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventChange

    event = factory.SubFactory(EventFactory)
    recorded_at = factory.LazyFunction(timezone.now)
    previous_start_date = dt.date(2020, 3, 1)
    reason_en = "Moved because of COVID-19."


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(PartnerFactory)
    participants = 5


def coordinating(user):
    """The user, among the coordinators of the project every test request is served in."""
    identity().coordinators.add(user)
    return user


def identity(**values):
    """The project every test request is served in (the first one), given these values."""
    from content.scoping import active_project
    from content.site import Project

    project = Project.objects.order_by("pk").first() or Project(acronym="X")
    if active_project() is not None and active_project().pk == project.pk:
        project = active_project()  # the test's own code reads it too
    for name, value in values.items():
        setattr(project, name, value)
    project.save()
    return project


def in_this_project(function):
    """function, for a thread of its own (which starts with no project active), run in the
    project the test runs in."""
    from content.scoping import activate, active_project

    project = active_project()

    def run(*args, **kwargs):
        with activate(project):
            return function(*args, **kwargs)

    return run
