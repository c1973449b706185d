"""The two groups of the workspace, with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATOR_APPS = ["partners", "practices", "events", "workspace"]

PARTNER_STAFF_PERMISSIONS = [
    ("workspace", "use_workspace"),
    ("events", "view_event"),
    ("events", "add_event"),
    ("events", "change_event"),
    ("events", "view_attendance"),
    ("events", "add_attendance"),
    ("events", "change_attendance"),
    ("events", "delete_attendance"),
    ("events", "view_eventphoto"),
    ("events", "add_eventphoto"),
    ("practices", "view_goodpractice"),
    ("practices", "add_goodpractice"),
    ("practices", "change_goodpractice"),
    ("practices", "view_theme"),
    ("partners", "view_organisation"),
    ("partners", "view_person"),
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS)
    )
    staff, _ = Group.objects.get_or_create(name="Partner staff")
    for app_label, codename in PARTNER_STAFF_PERMISSIONS:
        staff.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Coordinators", "Partner staff"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("workspace", "0001_initial"),
        ("partners", "0002_history"),
        ("practices", "0002_history_and_review"),
        ("events", "0002_history_and_review"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
