"""A user lost the second factor: remove the devices, so the next login is by password
alone (and, for a coordinator in production, straight to setting up a new one)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from workspace import twofactor


class Command(BaseCommand):
    help = "Remove a user's two-factor devices (authenticator apps, passkeys and recovery codes)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        count = twofactor.reset(user)
        self.stdout.write(f"Removed {count} two-factor device(s) of {username}.")
