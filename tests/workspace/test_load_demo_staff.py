import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from partners.models import Person
from tests.factories import OrganisationFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_load_demo_staff_one_login_per_partner_idempotent(settings, capsys):
    settings.DEBUG = True
    tartu = PartnerFactory(short_name="Tartu", partner_number=4)
    gavle = PartnerFactory(short_name="Gävle", partner_number=3)
    OrganisationFactory(name_en="Digital innovation hub")

    call_command("load_demo_staff")
    first_output = capsys.readouterr().out
    call_command("load_demo_staff")

    people = Person.objects.filter(user__isnull=False).order_by("user__username")
    assert [(p.user.username, p.organisation) for p in people] == [
        ("staff-p3", gavle),
        ("staff-p4", tartu),
    ]
    assert first_output.splitlines()[1:] == [
        "  P3 Gävle: user “staff-p3”, password “better-staff-2020”",
        "  P4 Tartu: user “staff-p4”, password “better-staff-2020”",
    ]
    assert get_user_model().objects.count() == 2


def test_demo_staff_login_works_and_sees_workspace(settings, client):
    settings.DEBUG = True
    PartnerFactory(short_name="Tartu", partner_number=4)
    call_command("load_demo_staff")
    request = RequestFactory().post("/en/workspace/login/")

    user = authenticate(request, username="staff-p4", password="better-staff-2020")

    assert user.has_perm("workspace.use_workspace")


def test_load_demo_staff_without_debug_sets_no_known_password(settings):
    settings.DEBUG = False
    PartnerFactory(partner_number=4)

    call_command("load_demo_staff")

    assert get_user_model().objects.get(username="staff-p4").has_usable_password() is False
