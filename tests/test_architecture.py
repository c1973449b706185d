"""The layering of the apps: imports run downwards only, and the languages come from settings."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from events.models import Event
from partners.models import Organisation
from practices.models import GoodPractice

ROOT = Path(__file__).resolve().parents[1]
# Each app and the project's own apps it may import; `content` is the ground floor.
MAY_IMPORT = {
    "content": set(),
    "partners": {"content"},
    "practices": {"content", "partners"},
    "events": {"content", "partners", "practices"},
    "registrations": {"content", "partners", "practices", "events"},
    "workspace": {"content", "partners", "practices", "events", "registrations"},
    "better_portal": {"content", "partners", "practices", "events", "registrations", "workspace"},
}


def imported_apps(app):
    """{(file, imported app)} for every import of a project app in the app's own code."""
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in MAY_IMPORT and top != app:
                    found.add((str(path.relative_to(ROOT)), top))
    return found


@pytest.mark.parametrize("app", sorted(MAY_IMPORT))
def test_app_imports_only_the_apps_below_it(app):
    wrong = {(path, top) for path, top in imported_apps(app) if top not in MAY_IMPORT[app]}

    assert wrong == set()


def test_no_template_reads_a_language_column():
    codes = [code for code, _name in settings.LANGUAGES]
    reads = [
        (str(path.relative_to(ROOT)), code)
        for path in (ROOT / "templates").rglob("*.html")
        for code in codes
        if f"_{code} " in path.read_text() or f"_{code}%" in path.read_text()
    ]

    assert reads == []


@pytest.mark.parametrize("model", [Event, GoodPractice, Organisation])
def test_search_columns_and_indexes_follow_the_languages(model):
    codes = [code for code, _name in settings.LANGUAGES]
    columns = [f.name for f in model._meta.get_fields() if f.name.startswith("fts_")]
    indexed = [
        index.fields[0]
        for index in model._meta.indexes
        if index.name.endswith(tuple(f"_fts_{code}" for code in codes))
    ]

    assert (sorted(columns), sorted(indexed)) == (
        sorted(f"fts_{code}" for code in codes),
        sorted(f"fts_{code}" for code in codes),
    )
