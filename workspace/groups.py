"""The two groups of the portal and their permissions: made by a data migration, and again on
demand (load_demo_staff) where a test database was flushed after migrating."""

COORDINATORS_GROUP = "Coordinators"
PARTNER_STAFF_GROUP = "Partner staff"
COORDINATOR_APPS = ["partners", "practices", "events", "workspace"]
# The outgoing mail: read, and send again what could not be sent.
COORDINATOR_PERMISSIONS = [("content", "view_mail"), ("content", "change_mail")]
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


def ensure_groups(Group, Permission):
    """Create both groups with their permissions if missing; the models are passed in so that a
    migration can give its historical ones. Returns (coordinators, partner staff)."""
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    coordinators.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS)
    )
    for app_label, codename in COORDINATOR_PERMISSIONS:
        # filter(), not get(): the migration that made the groups ran before these existed.
        coordinators.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    staff, _ = Group.objects.get_or_create(name=PARTNER_STAFF_GROUP)
    for app_label, codename in PARTNER_STAFF_PERMISSIONS:
        staff.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return coordinators, staff
