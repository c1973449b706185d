from django.core.management.base import BaseCommand

from registrations import services


class Command(BaseCommand):
    help = (
        "Anonymise the registrations of events that ended more than "
        "PORTAL_REGISTRATION_RETENTION_DAYS days ago; the attendance counts stay. "
        "With --queue, enqueue it as a task for the worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="Run it on the task worker.")

    def handle(self, *args, queue=False, **options):
        if queue:
            from registrations.tasks import remove_old_registrations

            remove_old_registrations.enqueue()
            self.stdout.write("Queued.")
            return
        count = services.remove_old_data()
        self.stdout.write(f"Anonymised {count} registrations.")
