from django.apps import apps
from django.core.management.base import BaseCommand

from content import images
from content.uploads import ImageUploadField


class Command(BaseCommand):
    help = (
        "Write the missing renditions (the srcset sizes) of every stored image: for images "
        "stored before renditions existed, or restored from a backup. Existing ones are kept."
    )

    def handle(self, *args, **options):
        written = 0
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, ImageUploadField):
                    written += self._fill(model, field)
        self.stdout.write(f"Images given their renditions: {written}.")

    def _fill(self, model, field):
        written = 0
        for row in model._base_manager.exclude(**{field.attname: ""}).only(field.attname):
            file = getattr(row, field.attname)
            if file.name and file.storage.exists(file.name):
                written += images.make_missing_renditions(file)
        return written
