"""The migration that makes partner numbers and roles each project's keeps an existing
one-project database's partners as they were (partners 0009)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("partners", "0008_organisation_short_name_city_translated"), ("content", "0004_project")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_migration_copies_numbers_and_roles_into_the_first_project():
    old = _migrate(BEFORE)
    try:
        Project = old.get_model("content", "Project")
        first = Project.objects.order_by("pk").first() or Project.objects.create(
            acronym="BETTER", slug="better"
        )
        Project.objects.create(acronym="FLOW", slug="flow")
        Organisation = old.get_model("partners", "Organisation")
        for slug, number, role in [
            ("genoa", 1, "lead"),
            ("tartu", 4, "partner"),
            ("hub", None, ""),
        ]:
            Organisation.objects.create(
                name_en=slug, slug=slug, partner_number=number, partner_role=role
            )

        new = _migrate(_leaves())
    finally:
        _migrate(_leaves())

    ProjectPartner = new.get_model("partners", "ProjectPartner")
    rows = ProjectPartner.objects.order_by("number").values_list(
        "project_id", "organisation__slug", "number", "role"
    )
    assert list(rows) == [(first.pk, "genoa", 1, "lead"), (first.pk, "tartu", 4, "partner")]
    columns = {f.name for f in new.get_model("partners", "Organisation")._meta.get_fields()}
    assert {"partner_number", "partner_role"} & columns == set()
