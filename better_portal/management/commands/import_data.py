from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from better_portal.backups import (
    content_counts,
    media_fields,
    read_media_archive,
    refused_media,
    remove_empty_projects,
    restored_projects,
)
from content.page_cache import bump_content_version


class Command(BaseCommand):
    help = (
        "Load a file written by export_data into an empty database (migrated, without content); "
        "the empty project that migrate made gives way to the file's projects. With --media, "
        "also restore the media files of the export's archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file written by export_data.")
        parser.add_argument(
            "--media", metavar="ARCHIVE", help="The .tar.gz written by export_data."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if the database holds content: rows with the same ids are replaced.",
        )

    def handle(self, *args, file, media, force, **options):
        existing = content_counts()
        if existing and not force:
            summary = ", ".join(f"{count} {label}" for label, count in existing.items())
            raise CommandError(
                f"The database already holds content ({summary}). import_data loads into an "
                "empty database; use --force to load anyway (rows with the same ids are replaced)."
            )
        if media:
            refused = refused_media(media, media_fields(file))
            if refused:
                raise CommandError(
                    "Nothing was loaded: the media archive holds files that uploads refuse.\n"
                    + "\n".join(refused)
                )
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            call_command("loaddata", file, verbosity=0)
            if projects := restored_projects(file):
                remove_empty_projects(kept=projects)
        bump_content_version()  # every cached page, and the cached list of projects
        rows = sum(content_counts().values())
        self.stdout.write(f"Loaded {file}: the database now holds {rows} content rows.")
        if media:
            stored = read_media_archive(media)
            self.stdout.write(f"Restored {len(stored)} media files from {media}.")
            call_command("make_renditions", verbosity=0, stdout=self.stdout)
