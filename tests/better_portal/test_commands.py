import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("ensure_demo_coordinator", *args, stdout=out, no_color=True)
    return out.getvalue()


def test_demo_coordinator_created_when_no_user_and_login_printed():
    output = run()

    assert output == (
        "Admin: http://127.0.0.1:8000/admin/  user “coordinator”, password “better-demo-2020” "
        "(the demo coordinator).\n"
    )
    assert list(get_user_model().objects.values_list("username", "is_superuser")) == [
        ("coordinator", True)
    ]


def test_demo_coordinator_not_created_when_a_user_exists():
    get_user_model().objects.create_user("someone", password="a-long-password-1")

    output = run()

    assert output == (
        "Admin: http://127.0.0.1:8000/admin/ with your existing login "
        "(`.venv/bin/python manage.py createsuperuser` makes another).\n"
    )
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["someone"]


def test_demo_coordinator_quiet_creates_and_prints_nothing():
    assert run("--quiet") == ""
    assert get_user_model().objects.get().username == "coordinator"
