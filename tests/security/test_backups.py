"""export_data and import_data round-trip all content, every language, logins and media."""

import io
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from better_portal.backups import backup_rows, content_counts, content_models
from content.page_cache import bump_content_version
from content.scoping import every_project
from content.site import Project
from events.models import Event
from partners.models import Organisation, Person

pytestmark = pytest.mark.django_db


def snapshot():
    """Every content row's column values (every language column) and M2M sets, by model and pk.

    Logins are restored by username under new ids, so a reference to one is its username.
    """
    rows = {}
    for model in content_models():
        columns = [
            f"{field.name}__username" if field.related_model is User else field.attname
            for field in model._meta.concrete_fields
        ]
        table = {row["id"]: row for row in model._base_manager.values(*columns)}
        for m2m in model._meta.many_to_many:
            for obj in model._base_manager.prefetch_related(m2m.name):
                table[obj.pk][m2m.name] = {o.pk for o in getattr(obj, m2m.name).all()}
        rows[model._meta.label_lower] = table
    return rows


def flush_content():
    """Delete every content row and login, dependants first, then the history those deletions
    themselves record."""
    models = content_models()
    history = [model for model in models if model.__name__.startswith("Historical")]
    for model in reversed([model for model in models if model not in history]):
        model._base_manager.all().delete()
    for model in history:
        model._base_manager.all().delete()
    User.objects.all().delete()
    Group.objects.all().delete()


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def demo(settings, tmp_path):
    """The demo content, a partner login in a group on one person, and a logo on disk."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", verbosity=0)
    login = User.objects.create_user("tartu-staff", "staff@tartu.example", "a-long-password-1")
    login.groups.add(Group.objects.get_or_create(name="Partner staff")[0])
    person = Person.objects.filter(user__isnull=True).order_by("pk").first()
    person.user = login
    person.save()
    organisation = Organisation.objects.get(pk=person.organisation_id)
    organisation.logo.save("tartu.png", ContentFile(png_bytes()))
    return organisation


def test_round_trip_keeps_every_row_language_and_m2m(demo, tmp_path):
    before = snapshot()
    staff_person = Person.objects.get(user__username="tartu-staff").pk
    logins = list(User.objects.values("username", "password", "email", "groups__name"))
    backup, archive = tmp_path / "backup.json", tmp_path / "media.tar.gz"
    call_command("export_data", output=str(backup), media=str(archive), verbosity=0)
    logo = demo.logo.name
    demo.logo.storage.delete(logo)
    flush_content()
    assert content_counts() == {}

    call_command("import_data", str(backup), media=str(archive), verbosity=0)

    assert snapshot() == before
    assert list(User.objects.values("username", "password", "email", "groups__name")) == logins
    assert Person.objects.get(user__username="tartu-staff").pk == staff_person
    assert Organisation.objects.get(pk=demo.pk).logo.read() == png_bytes()


def test_round_trip_covers_the_demo_in_every_seed_language(demo, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("export_data", output=str(backup), verbosity=0)

    records = json.loads(backup.read_text(encoding="utf-8"))

    models = {record["model"] for record in records}
    assert {
        "partners.organisation",
        "partners.person",
        "practices.theme",
        "practices.goodpractice",
        "events.event",
        "events.participation",
        "events.workshop",
        "events.eventchange",
        "auth.user",
    } <= models
    events = [r["fields"] for r in records if r["model"] == "events.event"]
    for lang in ("en", "sv", "et", "el"):
        assert any(fields[f"title_{lang}"] for fields in events), lang
    users = [r for r in records if r["model"] == "auth.user"]
    assert sorted(user["fields"]["username"] for user in users) == [
        "staff-p1",
        "staff-p2",
        "staff-p3",
        "staff-p4",
        "staff-p5",
        "tartu-staff",
    ]
    assert "pk" not in users[0]  # logins are matched by username, not by id


def test_new_rows_after_import_get_fresh_ids(demo, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("export_data", output=str(backup), verbosity=0)
    highest = Event.objects.order_by("-pk").first().pk
    flush_content()
    call_command("import_data", str(backup), verbosity=0)

    created = Organisation.objects.create(name_en="New after restore", slug="new-after-restore")
    event = Event.objects.order_by("-pk").first()

    assert event.pk == highest
    assert created.pk > Organisation.objects.exclude(pk=created.pk).order_by("-pk").first().pk


def test_import_refuses_a_database_with_content(demo, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("export_data", output=str(backup), verbosity=0)

    with pytest.raises(CommandError) as error:
        call_command("import_data", str(backup), verbosity=0)

    assert str(error.value).startswith("The database already holds content (")
    assert str(error.value).endswith(
        "import_data loads into an empty database; use --force to load anyway "
        "(rows with the same ids are replaced)."
    )


def test_import_with_force_replaces_rows(demo, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("export_data", output=str(backup), verbosity=0)
    before = snapshot()
    Organisation.objects.filter(pk=demo.pk).update(name_en="Changed after the backup")

    call_command("import_data", str(backup), force=True, verbosity=0)

    assert snapshot() == before


def test_import_refuses_media_that_uploads_refuse_and_loads_nothing(demo, tmp_path):
    # A GIF logo, as no upload form would accept: stored behind the forms' back.
    gif = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(gif, "GIF")
    name = default_storage.save("logos/tartu.gif", ContentFile(gif.getvalue()))
    Organisation.objects.filter(pk=demo.pk).update(logo=name)
    demo.refresh_from_db()
    backup, archive = tmp_path / "backup.json", tmp_path / "media.tar.gz"
    call_command("export_data", output=str(backup), media=str(archive), verbosity=0)
    flush_content()

    with pytest.raises(CommandError) as error:
        call_command("import_data", str(backup), media=str(archive), verbosity=0)

    assert str(error.value) == (
        "Nothing was loaded: the media archive holds files that uploads refuse.\n"
        f"{demo.logo.name}: GIF images are not accepted. Upload a JPEG, PNG or WebP image."
    )
    assert content_counts() == {}


def test_export_holds_every_login_superusers_included_as_the_readme_says(demo, tmp_path):
    # The history and the review queue name coordinators, who need not be anyone's person.
    User.objects.create_superuser("coord", "coord@better.example", "a-long-password-2")
    backup = tmp_path / "backup.json"
    call_command("export_data", output=str(backup), verbosity=0)
    flush_content()

    call_command("import_data", str(backup), verbosity=0)

    restored = User.objects.get(username="coord")
    assert (restored.is_superuser, restored.check_password("a-long-password-2")) == (True, True)


def fresh_database():
    """What migrate leaves: no content, no login, one empty project (the first)."""
    flush_content()
    first = Project.objects.order_by("pk").first()
    Project.objects.exclude(pk=first.pk).delete()
    Project.objects.filter(pk=first.pk).update(slug="placeholder", acronym="PORTAL", domain="")
    bump_content_version()


def event_titles():
    with every_project():
        return sorted(Event.objects.values_list("project__slug", "title_en"))


def test_round_trip_restores_every_project_into_a_fresh_database(demo, tmp_path, client):
    titles = event_titles()
    projects = list(Project.objects.order_by("pk").values_list("pk", "slug", "domain", "name_en"))
    backup = tmp_path / "backup.json"
    call_command("export_data", output=str(backup), verbosity=0)
    fresh_database()

    call_command("import_data", str(backup), verbosity=0)

    assert list(Project.objects.order_by("pk").values_list("pk", "slug", "domain", "name_en")) == (
        projects
    )
    assert event_titles() == titles
    page = client.get("/en/events/kick-off-tartu-2027/", headers={"host": "open-towns.localhost"})
    assert page.status_code == 200
    assert page.context["event"].project.slug == "open-towns"


def test_project_backup_holds_its_own_rows_and_the_shared_ones(demo, tmp_path):
    backup = tmp_path / "open-towns.json"
    out = io.StringIO()

    call_command("export_data", output=str(backup), project="open-towns", stdout=out)

    records = json.loads(backup.read_text(encoding="utf-8"))
    with every_project():
        own = sorted(Event.objects.filter(project__slug="open-towns").values_list("pk", flat=True))
        organisations = Organisation.objects.count()
        rows = sum(
            backup_rows(model, Project.objects.get(slug="open-towns")).count()
            for model in content_models()
        )
    assert sorted(r["pk"] for r in records if r["model"] == "events.event") == own
    assert [r["fields"]["slug"] for r in records if r["model"] == "content.project"] == [
        "open-towns"
    ]
    assert len([r for r in records if r["model"] == "partners.organisation"]) == organisations
    assert out.getvalue() == f"Wrote {rows} content rows of OPEN TOWNS to {backup}.\n"


def test_project_backup_restores_the_project_alone_as_the_first(demo, tmp_path, client):
    with every_project():
        titles = [title for slug, title in event_titles() if slug == "open-towns"]
    backup = tmp_path / "open-towns.json"
    call_command("export_data", output=str(backup), project="open-towns", verbosity=0)
    fresh_database()

    call_command("import_data", str(backup), verbosity=0)

    assert list(Project.objects.values_list("slug", flat=True)) == ["open-towns"]
    assert [title for _slug, title in event_titles()] == titles
    page = client.get("/en/events/kick-off-tartu-2027/")
    assert page.context["event"].title == titles[0]


def test_project_backup_of_an_unknown_slug_names_the_projects(demo, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("export_data", output=str(tmp_path / "x.json"), project="nope")

    assert str(error.value) == (
        "No project has the slug 'nope'; the projects are: better, open-towns."
    )
    assert not (tmp_path / "x.json").exists()
