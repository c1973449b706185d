import io

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from .pages import make_demo


@pytest.fixture(scope="module")
def demo(shared_data, tmp_path_factory):
    """The demo content and pages.make_demo's additions, made once per module, read-only."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), shared_data():
        call_command("load_demo", stdout=io.StringIO())
        yield make_demo()
