import io

import pytest
from django.core.management import call_command
from django.test.utils import override_settings


@pytest.fixture(scope="module")
def demo(shared_data, tmp_path_factory):
    """The demo content as `manage.py load_demo` leaves it, made once per module, read-only."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), shared_data():
        call_command("load_demo", stdout=io.StringIO())
        yield
