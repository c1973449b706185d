from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from partners.models import Organisation, Person
from workspace.groups import ensure_groups

DEMO_STAFF_PASSWORD = "better-staff-2020"


def demo_username(organisation):
    return f"staff-p{organisation.partner_number}"


class Command(BaseCommand):
    help = (
        "Create one demo partner-staff login per consortium partner (idempotent); "
        "print the logins when DEBUG is on."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        _coordinators, group = ensure_groups(Group, Permission)
        logins = [
            self.ensure_login(organisation, group)
            for organisation in Organisation.objects.consortium()
        ]
        if not settings.DEBUG:
            self.stdout.write(f"{len(logins)} partner-staff login(s) ready.")
            return
        self.stdout.write("Partner workspace: http://127.0.0.1:8000/en/workspace/")
        for organisation, username in logins:
            self.stdout.write(
                f"  {organisation.label}: user “{username}”, password “{DEMO_STAFF_PASSWORD}”"
            )

    def ensure_login(self, organisation, group):
        User = get_user_model()
        username = demo_username(organisation)
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@better.example"}
        )
        if created:
            # A known password only in development; production logins get theirs from an admin.
            if settings.DEBUG:
                user.set_password(DEMO_STAFF_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
        user.groups.add(group)
        values = {
            "organisation": organisation,
            "name": f"{organisation.short_name or organisation.name} staff (demo)",
            "email": user.email,
            "is_public": False,
        }
        person, created = Person.objects.get_or_create(user=user, defaults=values)
        # Saved only when something changed, so a rerun adds no history entries.
        if not created and any(getattr(person, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(person, name, value)
            person.save()
        return organisation, username
