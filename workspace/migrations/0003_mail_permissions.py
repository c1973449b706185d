"""The Coordinators group reads the outgoing mail and sends again what could not be sent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from workspace.groups import ensure_groups


def add_permissions(apps, schema_editor):
    # Permissions are normally created after migrate; the group needs the new ones now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("workspace", "0002_groups"),
        ("content", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_permissions, migrations.RunPython.noop)]
