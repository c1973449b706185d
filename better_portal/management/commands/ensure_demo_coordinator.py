from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_USERNAME = "coordinator"
DEMO_PASSWORD = "better-demo-2020"


class Command(BaseCommand):
    help = (
        "Create a demo coordinator login when the database has no user yet, and say how to log in."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if not User.objects.exists():
            User.objects.create_superuser(
                DEMO_USERNAME, "coordinator@better.example", DEMO_PASSWORD
            )
            self.stdout.write(
                self.style.SUCCESS(
                    "Admin: http://127.0.0.1:8000/admin/  "
                    f"user “{DEMO_USERNAME}”, password “{DEMO_PASSWORD}” (demo coordinator)."
                )
            )
        else:
            self.stdout.write(
                "Admin: http://127.0.0.1:8000/admin/ with an existing login "
                f"(the demo coordinator is “{DEMO_USERNAME}” / “{DEMO_PASSWORD}” if it was created "
                "here; `.venv/bin/python manage.py createsuperuser` makes another)."
            )
