import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from registrations.models import Registration, RegistrationSettings
from tests.factories import EventFactory


@pytest.fixture(autouse=True)
def _no_minimum_form_time(settings):
    """Tests send the form at once; test_abuse sets the minimum back where it checks it."""
    settings.PORTAL_REGISTRATION_FORM_MIN_SECONDS = 0
    settings.PORTAL_SITE_URL = "https://better.example"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def upcoming_event(db):
    today = timezone.localdate()
    event = EventFactory(
        title_en="Data workshop",
        title_et="Andmetöötuba",
        slug="data-workshop",
        start_date=today + dt.timedelta(days=30),
        end_date=today + dt.timedelta(days=30),
        start_time=dt.time(10, 0),
        end_time=dt.time(12, 0),
        timezone="Europe/Tallinn",
        venue="Town hall",
        city="Tartu",
    )
    RegistrationSettings.objects.create(event=event, is_enabled=True, capacity=1)
    return event


def make_registration(event, name="Mari Maasikas", status=Registration.Status.PENDING, **kw):
    kw.setdefault("email", f"{name.split()[0].lower()}@example.ee")
    return Registration.objects.create(
        event=event, name=name, status=status, privacy_consent=True, **kw
    )
