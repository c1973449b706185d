import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    """Every test starts in English; translation tests override explicitly."""
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_superuser(
        "coord", "coord@better.example", "a-long-test-password"
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
