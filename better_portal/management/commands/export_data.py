import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from better_portal.backups import content_counts, media_paths, write_backup, write_media_archive


class Command(BaseCommand):
    help = (
        "Write all content (every language column) and the logins tied to people to a JSON file "
        "that import_data loads; with --media, also a tar.gz of the media files it refers to."
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

    def handle(self, *args, output, media, **options):
        # The untranslated column of each translated field is written as the default language's.
        with (
            translation.override(settings.LANGUAGE_CODE),
            open(output, "w", encoding="utf-8") as stream,
        ):
            write_backup(stream)
        rows = sum(content_counts().values())
        self.stdout.write(f"Wrote {rows} content rows to {output}.")
        if media:
            names = media_paths()
            missing = write_media_archive(media, names)
            self.stdout.write(f"Wrote {len(names) - len(missing)} media files to {media}.")
            for name in missing:
                self.stderr.write(f"Missing from the media storage, not archived: {name}")
