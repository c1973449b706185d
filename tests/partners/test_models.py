import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from partners.models import Organisation
from tests.factories import EventFactory, GoodPracticeFactory, OrganisationFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_lead_partner_second_is_refused_with_message():
    PartnerFactory(partner_role=Organisation.Role.LEAD, partner_number=1)
    second = PartnerFactory.build(partner_role=Organisation.Role.LEAD, partner_number=2)

    with pytest.raises(ValidationError) as excinfo:
        second.full_clean()

    assert excinfo.value.messages == ["There is already a lead partner: a project has one."]
    assert Organisation.objects.lead().count() == 1


def test_lead_partner_second_is_refused_by_the_database():
    PartnerFactory(partner_role=Organisation.Role.LEAD, partner_number=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerFactory(partner_role=Organisation.Role.LEAD, partner_number=2)

    assert Organisation.objects.count() == 1


def test_partner_number_duplicate_is_refused_with_message():
    PartnerFactory(partner_number=4)
    duplicate = PartnerFactory.build(partner_number=4)

    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    assert excinfo.value.message_dict == {
        "partner_number": ["Organisation with this Partner number already exists."]
    }


def test_partner_number_duplicate_is_refused_by_the_database():
    PartnerFactory(partner_number=4)

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerFactory(partner_number=4)

    assert Organisation.objects.filter(partner_number=4).count() == 1


def test_outside_organisations_without_number_may_be_many():
    OrganisationFactory()
    OrganisationFactory()

    assert Organisation.objects.filter(partner_number__isnull=True).count() == 2
    assert list(Organisation.objects.consortium()) == []


def test_partner_number_without_role_is_refused():
    organisation = OrganisationFactory.build(partner_number=7, partner_role="")

    with pytest.raises(ValidationError) as excinfo:
        organisation.full_clean()

    assert excinfo.value.messages == [
        "A consortium partner needs both a partner number and a partner role."
    ]


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
