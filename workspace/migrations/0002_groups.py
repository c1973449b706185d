"""The two groups of the workspace, with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from workspace.groups import ensure_groups

def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


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
