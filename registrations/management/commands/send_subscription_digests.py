from django.core.management.base import BaseCommand

from registrations import subscriptions


class Command(BaseCommand):
    help = "Mail each weekly subscriber what was published since their last digest (run weekly)."

    def handle(self, *args, **options):
        count = subscriptions.send_digests()
        self.stdout.write(f"Queued {count} digests.")
