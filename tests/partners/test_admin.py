import pytest
from django.urls import reverse

from partners.models import Organisation
from tests.factories import EventFactory, GoodPracticeFactory, PartnerFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_organisation_delete_when_hosting_events_shows_protected_objects(coordinator_client):
    tartu = PartnerFactory(name_en="Tartu City Government")
    EventFactory(host=tartu, title_en="Thematic event in Tartu")
    GoodPracticeFactory(owner=tartu, title_en="Digital mailbox")
    url = reverse("admin:partners_organisation_delete", args=[tartu.pk])

    page = coordinator_client.get(url)
    attempt = coordinator_client.post(url, {"post": "yes"})

    assert page.status_code == 200
    assert "Cannot delete organisation" in page.text
    assert "would require deleting the following protected related objects" in page.text
    assert "Thematic event in Tartu" in page.text
    assert "Digital mailbox" in page.text
    assert attempt.status_code == 200
    assert "Cannot delete organisation" in attempt.text
    assert Organisation.objects.filter(pk=tartu.pk).exists()


def test_organisation_delete_when_unreferenced_deletes(coordinator_client):
    organisation = PartnerFactory()
    url = reverse("admin:partners_organisation_delete", args=[organisation.pk])

    response = coordinator_client.post(url, {"post": "yes"}, follow=True)

    assert "was deleted successfully" in response.text
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


def test_organisation_changelist_shows_partner_code(coordinator_client):
    PartnerFactory(name_en="Tartu City Government", partner_number=4)

    response = coordinator_client.get(reverse("admin:partners_organisation_changelist"))

    assert '<td class="field-partner_code">P4</td>' in response.text


def test_organisation_search_finds_translated_name(coordinator_client):
    PartnerFactory(name_en="Tartu City Government", name_et="Tartu Linnavalitsus")
    PartnerFactory(name_en="Gävle Municipality")

    response = coordinator_client.get(
        reverse("admin:partners_organisation_changelist"), {"q": "Linnavalitsus"}
    )

    assert [o.name for o in response.context["cl"].result_list] == ["Tartu City Government"]


def test_person_changelist_shows_partner_label(coordinator_client):
    PersonFactory(
        name="Lauri Sock",
        organisation=PartnerFactory(short_name="Tartu", partner_number=4),
    )

    response = coordinator_client.get(reverse("admin:partners_person_changelist"))

    assert '<td class="field-organisation_label">P4 Tartu</td>' in response.text


def test_organisation_autocomplete_finds_partner(coordinator_client):
    PartnerFactory(name_en="Nyíregyháza Municipality")

    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Nyír",
            "app_label": "events",
            "model_name": "event",
            "field_name": "host",
        },
    )

    assert [r["text"] for r in response.json()["results"]] == ["Nyíregyháza Municipality"]
