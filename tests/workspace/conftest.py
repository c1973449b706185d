import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission

from events.models import Event, EventPhoto
from practices.models import GoodPractice
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    PartnerFactory,
    PersonFactory,
    coordinating,
)
from workspace.groups import ensure_groups

from .helpers import png_file


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_staff(django_user_model, organisation, username):
    user = django_user_model.objects.create_user(
        username, f"{username}@better.example", "a-long-test-password"
    )
    user.groups.add(ensure_groups(Group, Permission)[1])
    PersonFactory(name=f"{username} person", organisation=organisation, user=user)
    return user


@pytest.fixture
def partner_a():
    return PartnerFactory(name_en="Tartu City Government", short_name="Tartu", slug="tartu")


@pytest.fixture
def partner_b():
    return PartnerFactory(name_en="Municipality of Gävle", short_name="Gävle", slug="gavle")


@pytest.fixture
def staff_a(django_user_model, partner_a):
    return make_staff(django_user_model, partner_a, "staff-a")


@pytest.fixture
def staff_b(django_user_model, partner_b):
    return make_staff(django_user_model, partner_b, "staff-b")


@pytest.fixture
def group_coordinator(django_user_model):
    user = django_user_model.objects.create_user(
        "group-coord", "group-coord@better.example", "a-long-test-password", is_staff=True
    )
    user.groups.add(ensure_groups(Group, Permission)[0])
    return coordinating(user)


def draft_visit(owner, title, **kwargs):
    defaults = {
        "kind": Event.Kind.STUDY_VISIT,
        "title_en": title,
        "host": owner,
        "owner": owner,
        "review_status": Event.ReviewStatus.DRAFT,
        "is_published": False,
        "start_date": dt.date(2021, 7, 17),
        "end_date": dt.date(2021, 7, 17),
        "timezone": "",
    }
    return EventFactory(**{**defaults, **kwargs})


def draft_practice(owner, title, **kwargs):
    defaults = {"title_en": title, "owner": owner, "status": GoodPractice.Status.DRAFT}
    return GoodPracticeFactory(**{**defaults, **kwargs})


def add_photo(event, caption="", name="visit.png"):
    """A photo of the event, its PNG file saved in the (temporary) media storage."""
    return EventPhoto.objects.create(event=event, image=png_file(name), caption=caption)


@pytest.fixture
def b_items(partner_b):
    """Partner B's items that partner A's staff must never see or change."""
    return {
        "draft_event": draft_visit(partner_b, "Gävle secret draft visit"),
        "submitted_event": draft_visit(
            partner_b, "Gävle secret submitted visit", review_status="submitted"
        ),
        "returned_event": draft_visit(
            partner_b,
            "Gävle secret returned visit",
            review_status="returned",
            review_comment="Gävle only",
        ),
        "draft_practice": draft_practice(partner_b, "Gävle secret draft practice"),
        "returned_practice": draft_practice(
            partner_b, "Gävle secret returned practice", status="returned"
        ),
    }


@pytest.fixture
def a_items(partner_a):
    return {
        "draft_event": draft_visit(partner_a, "Tartu draft visit"),
        "draft_practice": draft_practice(partner_a, "Tartu draft practice"),
    }


@pytest.fixture
def b_photos(b_items):
    """A photo on each of partner B's visits, captioned with what must never leak."""
    return {
        key: add_photo(b_items[key], caption="Gävle secret caption", name="gavle-secret.png")
        for key in ("draft_event", "submitted_event", "returned_event")
    }
