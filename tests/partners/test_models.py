import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation

from content.models import Reviewable
from events.models import Event
from partners.models import Organisation, ProjectPartner
from practices.models import GoodPractice
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectPartnerFactory,
)

pytestmark = pytest.mark.django_db


def test_lead_partner_second_is_refused_with_message():
    PartnerFactory(partner_role=Organisation.Role.LEAD, partner_number=1)
    second = ProjectPartnerFactory.build(
        organisation=OrganisationFactory(), number=2, role=Organisation.Role.LEAD
    )

    with pytest.raises(ValidationError) as excinfo:
        second.full_clean()

    assert excinfo.value.messages == ["There is already a lead partner: a project has one."]
    assert Organisation.objects.lead().count() == 1


def test_lead_partner_second_is_refused_by_the_database():
    PartnerFactory(partner_role=Organisation.Role.LEAD, partner_number=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerFactory(partner_role=Organisation.Role.LEAD, partner_number=2)

    assert ProjectPartner.objects.count() == 1


def test_partner_number_duplicate_is_refused_with_message():
    PartnerFactory(partner_number=4)
    duplicate = ProjectPartnerFactory.build(organisation=OrganisationFactory(), number=4)

    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    assert excinfo.value.messages == ["Another partner of the project has this number."]


def test_partner_number_duplicate_is_refused_by_the_database():
    PartnerFactory(partner_number=4)

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerFactory(partner_number=4)

    assert ProjectPartner.objects.filter(number=4).count() == 1


def test_second_membership_in_a_project_is_refused_with_message():
    tartu = PartnerFactory(partner_number=4)
    second = ProjectPartnerFactory.build(organisation=tartu, number=5)

    with pytest.raises(ValidationError) as excinfo:
        second.full_clean()

    assert excinfo.value.messages == ["This organisation is a partner of the project already."]


def test_outside_organisations_without_number_may_be_many():
    first, second = OrganisationFactory(), OrganisationFactory()

    assert (
        [(first.partner_number, first.partner_code, first.is_partner)] * 2
        == [(o.partner_number, o.partner_code, o.is_partner) for o in (first, second)]
        == [(None, "", False)] * 2
    )
    assert list(Organisation.objects.consortium()) == []


def test_timezone_unknown_is_refused_with_message():
    organisation = OrganisationFactory.build(timezone="Europe/Atlantis")

    with pytest.raises(ValidationError) as excinfo:
        organisation.full_clean()

    assert excinfo.value.message_dict == {
        "timezone": [
            "“Europe/Atlantis” is not a known time zone (expected a name such as Europe/Tallinn)."
        ]
    }


def test_organisation_delete_with_events_is_refused():
    event = EventFactory()
    host = event.host

    with pytest.raises(ProtectedError), transaction.atomic():
        host.delete()

    assert Organisation.objects.filter(pk=host.pk).exists()


def test_organisation_delete_with_practices_is_refused():
    practice = GoodPracticeFactory()

    with pytest.raises(ProtectedError), transaction.atomic():
        practice.owner.delete()

    assert Organisation.objects.filter(pk=practice.owner.pk).exists()


def test_person_label_names_partner():
    tartu = PartnerFactory(partner_number=4, short_name="Tartu")
    from tests.factories import PersonFactory

    expert = PersonFactory(name="Lauri Sock", organisation=tartu)
    doctor = PersonFactory(name="Steve Harding", honorific="Dr", organisation=tartu)

    assert expert.label == "Lauri Sock (P4 Tartu)"
    assert doctor.label == "Dr Steve Harding (P4 Tartu)"


def test_reviewable_statuses_are_those_of_events_and_first_of_practices():
    review_statuses = Reviewable.ReviewStatus.choices

    assert Event._meta.get_field("review_status").choices == review_statuses
    assert GoodPractice.Status.choices[:4] == review_statuses
    assert GoodPractice.Status.choices[4:] == [("published", "Published")]


def test_reviewable_event_submitted_returned_and_approved(django_user_model):
    staff = django_user_model.objects.create_user("staff-a")
    event = EventFactory(review_status=Event.ReviewStatus.DRAFT, is_published=False)

    event.mark_submitted(staff)
    submitted = (event.review_status, event.is_awaiting_review, event.is_editable_by_staff)
    event.mark_returned("Add the attendance.")
    returned = (event.review_status, event.is_awaiting_review, event.is_editable_by_staff)
    event.mark_approved()

    assert (event.submitted_by, event.submitted_at is not None) == (staff, True)
    assert submitted == ("submitted", True, False)
    assert returned == ("returned", False, True)
    assert event.review_comment == "Add the attendance."
    assert (event.review_status, event.is_published) == ("approved", True)
    assert event.get_review_status_label() == "Approved"


def test_reviewable_practice_approved_is_published(django_user_model):
    staff = django_user_model.objects.create_user("staff-a")
    practice = GoodPracticeFactory(status=GoodPractice.Status.DRAFT)

    practice.mark_submitted(staff)
    submitted = (practice.status, practice.is_awaiting_review, practice.is_editable_by_staff)
    practice.mark_returned("Evidence?")
    returned = (practice.status, practice.is_awaiting_review, practice.is_editable_by_staff)
    practice.mark_approved()

    assert (practice.submitted_by, practice.submitted_at is not None) == (staff, True)
    assert submitted == ("submitted", True, False)
    assert returned == ("returned", False, True)
    assert practice.review_comment == "Evidence?"
    assert (practice.status, practice.is_published) == ("published", True)
    assert practice.get_review_status_label() == "Published"


def test_reviewable_status_label_in_estonian():
    event = Event(review_status=Event.ReviewStatus.RETURNED)
    practice = GoodPractice(status=GoodPractice.Status.SUBMITTED)

    with translation.override("et"):
        labels = (event.get_review_status_label(), practice.get_review_status_label())

    assert labels == ("Tagastatud muutmiseks", "Esitatud ülevaatamiseks")


def test_reviewable_comment_help_text_names_neither_model_in_hungarian():
    with translation.override("hu"):
        texts = {
            str(model._meta.get_field("review_comment").help_text)
            for model in (Event, GoodPractice)
        }

    assert texts == {"A partner munkatársai látják, amikor a beküldésüket javításra visszaküldik."}
