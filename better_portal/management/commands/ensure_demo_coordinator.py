from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_USERNAME = "coordinator"
DEMO_PASSWORD = "better-demo-2020"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    help = (
        "Create a demo coordinator login when the database has no user yet, "
        "and say how to log in to the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Create if needed, print nothing.")

    def handle(self, *args, quiet=False, **options):
        User = get_user_model()
        if not User.objects.exists():
            User.objects.create_superuser(
                DEMO_USERNAME, "coordinator@better.example", DEMO_PASSWORD
            )
        if quiet:
            return
        demo = User.objects.filter(username=DEMO_USERNAME, is_superuser=True).first()
        if demo and demo.check_password(DEMO_PASSWORD):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin: {ADMIN_URL}  user “{DEMO_USERNAME}”, password “{DEMO_PASSWORD}” "
                    "(the demo coordinator)."
                )
            )
        else:
            self.stdout.write(
                f"Admin: {ADMIN_URL} with your existing login "
                "(`.venv/bin/python manage.py createsuperuser` makes another)."
            )
