"""Two partners saving the same title at the same moment both get a page: the second slug
is allocated again when the database refuses the first (content/slugs.py)."""

import threading

from django.db import connection, connections
from django.urls import reverse

from practices.models import GoodPractice
from tests.content.test_admin import _apply, race_on_postgresql
from tests.factories import in_this_project

from .helpers import practice_data


def _insert_elsewhere(owner_id):
    """Another partner's practice of the same title, committed on its own connection."""

    def run():
        try:
            GoodPractice.objects.create(
                title_en="Digital front desk",
                slug="digital-front-desk",
                summary_en="Theirs.",
                owner_id=owner_id,
            )
        finally:
            connections.close_all()

    thread = threading.Thread(target=in_this_project(run))
    thread.start()
    thread.join()


@_apply(race_on_postgresql)
def test_same_title_at_the_same_moment_gets_the_next_slug_not_an_error(client, staff_a, partner_b):
    client.force_login(staff_a)
    table = GoodPractice._meta.db_table
    raced = []

    def wrapper(execute, sql, params, many, context):
        if not raced and sql.startswith(f'INSERT INTO "{table}"'):
            raced.append(True)
            _insert_elsewhere(partner_b.pk)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        response = client.post(reverse("workspace:practice-create"), practice_data())

    mine = GoodPractice.objects.get(owner=staff_a.person.organisation)
    assert raced == [True]
    assert response.url == reverse("workspace:practice-detail", args=[mine.pk])
    assert sorted(GoodPractice.objects.values_list("slug", "summary_en")) == [
        ("digital-front-desk", "Theirs."),
        ("digital-front-desk-2", "One desk for every service."),
    ]
