"""Work a scheduler can queue: the removal of registrants' data after the retention period."""

try:  # Django 6 has the tasks API; on Django 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:
    from django_tasks import task

from . import services


@task()
def remove_old_registrations():
    """Anonymise the registrations of events that ended PORTAL_REGISTRATION_RETENTION_DAYS ago;
    returns how many. Safe to run as often as wanted (cron, or enqueued by a scheduler)."""
    return services.remove_old_data()
