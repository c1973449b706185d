"""Every editable content model refuses a stale save: two coordinators who opened the same
organisation, person, theme, workshop never silently wipe each
other's changes."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Workshop
from partners.models import Organisation, Person
from practices.models import Theme
from tests.content.test_admin import form_data
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    ThemeFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

CONFLICT = (
    "coord saved this item while you were editing it, so your changes are not saved yet. "
    "Your input is kept below: compare it with the current version, then save again to "
    "replace that version with yours."
)


def split_date_times(data, item):
    """The admin's date and time inputs of an instant, in the zone of the item's event."""
    split = {}
    for name, value in data.items():
        if isinstance(value, datetime):
            local = timezone.localtime(value, item.event.tzinfo)
            split |= {f"{name}_0": f"{local:%Y-%m-%d}", f"{name}_1": f"{local:%H:%M:%S}"}
        else:
            split[name] = value
    return split


@pytest.mark.parametrize(
    ("factory", "model", "field"),
    [
        (OrganisationFactory, Organisation, "name_en"),
        (PersonFactory, Person, "name"),
        (ThemeFactory, Theme, "name_en"),
        (WorkshopFactory, Workshop, "title_en"),
    ],
    ids=["organisation", "person", "theme", "workshop"],
)
def test_admin_second_save_of_the_same_version_is_refused(
    coordinator_client, factory, model, field
):
    item = factory()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    opened = split_date_times(form_data(coordinator_client.get(url)), item)
    first = coordinator_client.post(url, {**opened, field: "First save"})
    assert first.status_code == 302, first.context["adminform"].form.errors

    response = coordinator_client.post(url, {**opened, field: "Stale save"})

    form = response.context["adminform"].form
    assert [str(e) for e in form.non_field_errors()] == [CONFLICT]
    assert form[field].value() == "Stale save"
    assert getattr(model.objects.get(pk=item.pk), field) == "First save"


def test_inline_row_saved_keeps_the_version_moving_on(coordinator_client):
    """A row saved without a version check (an inline, a script) still makes older forms stale."""
    person = PersonFactory()
    url = reverse("admin:partners_person_change", args=[person.pk])
    opened = form_data(coordinator_client.get(url))
    person.name = "Renamed elsewhere"
    person.save()

    response = coordinator_client.post(url, {**opened, "name": "Stale save"})

    assert len(response.context["adminform"].form.non_field_errors()) == 1
    assert Person.objects.values_list("name", "version").get(pk=person.pk) == (
        "Renamed elsewhere",
        2,
    )


def test_admin_stale_save_keeps_the_fields_only_the_other_side_changed(coordinator_client):
    organisation = OrganisationFactory(name_en="Tartu City", city_en="Tartu")
    url = reverse("admin:partners_organisation_change", args=[organisation.pk])
    opened = form_data(coordinator_client.get(url))
    coordinator_client.post(url, {**opened, "city_en": "Tartu linn"})  # theirs: the city

    response = coordinator_client.post(url, {**opened, "name_en": "Tartu City Government"})

    assert response.status_code == 302
    assert Organisation.objects.values_list("name_en", "city_en", "version").get(
        pk=organisation.pk
    ) == ("Tartu City Government", "Tartu linn", 3)


def test_admin_conflict_shows_theirs_per_field_and_saving_again_keeps_their_other_changes(
    coordinator_client,
):
    organisation = OrganisationFactory(name_en="Tartu City", city_en="Tartu", nuts_code="EE008")
    url = reverse("admin:partners_organisation_change", args=[organisation.pk])
    opened = form_data(coordinator_client.get(url))
    coordinator_client.post(url, {**opened, "name_en": "Their name", "city_en": "Their city"})

    refused = coordinator_client.post(url, {**opened, "name_en": "My name", "nuts_code": "EE00A"})

    form = refused.context["adminform"].form
    assert {name: [str(e) for e in errors] for name, errors in form.errors.items()} == {
        "__all__": [CONFLICT],
        "name_en": ["Also changed meanwhile. Their version: “Their name”. Yours is below."],
    }
    assert [form[name].value() for name in ["name_en", "city_en", "nuts_code"]] == [
        "My name",
        "Their city",
        "EE00A",
    ]
    again = coordinator_client.post(url, form.data)
    assert again.status_code == 302
    assert Organisation.objects.values_list("name_en", "city_en", "nuts_code").get(
        pk=organisation.pk
    ) == ("My name", "Their city", "EE00A")


def test_forged_huge_seen_version_is_a_form_error_not_a_server_error(coordinator_client):
    theme = ThemeFactory(name_en="Open data")
    url = reverse("admin:practices_theme_change", args=[theme.pk])
    opened = form_data(coordinator_client.get(url))

    response = coordinator_client.post(url, {**opened, "seen_version": str(2**70)})

    assert response.status_code == 200
    assert Theme.objects.values_list("name_en", "version").get(pk=theme.pk) == ("Open data", 1)
