import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from better_portal.backups import (
    backup_rows,
    content_models,
    media_paths,
    write_backup,
    write_media_archive,
)
from content.site import Project


class Command(BaseCommand):
    help = (
        "Write the projects, all content (every language column) and the logins tied to people "
        "to a JSON file that import_data loads; with --project, one project's own content and "
        "the shared rows; with --media, also a tar.gz of the media files it refers to."
    )

    def add_arguments(self, parser):
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        parser.add_argument(
            "-o", "--output", default=f"better-backup-{stamp}.json", help="The JSON file to write."
        )
        parser.add_argument(
            "--media",
            metavar="ARCHIVE",
            help="Also write the media files the content refers to into this .tar.gz file.",
        )
        parser.add_argument(
            "--project",
            metavar="SLUG",
            help="Only this project (its slug): its own rows, and the organisations, people, "
            "themes and logins that every project shares.",
        )

    def handle(self, *args, output, media, project, **options):
        project = project and self._project(project)
        # The untranslated column of each translated field is written as the default language's.
        with (
            translation.override(settings.LANGUAGE_CODE),
            open(output, "w", encoding="utf-8") as stream,
        ):
            write_backup(stream, project)
        rows = sum(backup_rows(model, project).count() for model in content_models())
        of = f" of {project.acronym}" if project else ""
        self.stdout.write(f"Wrote {rows} content rows{of} to {output}.")
        if media:
            names = media_paths(project)
            missing = write_media_archive(media, names)
            self.stdout.write(f"Wrote {len(names) - len(missing)} media files to {media}.")
            for name in missing:
                self.stderr.write(f"Missing from the media storage, not archived: {name}")

    @staticmethod
    def _project(slug):
        project = Project.objects.filter(slug=slug).first()
        if project is None:
            slugs = ", ".join(Project.objects.order_by("pk").values_list("slug", flat=True))
            raise CommandError(f"No project has the slug {slug!r}; the projects are: {slugs}.")
        return project
