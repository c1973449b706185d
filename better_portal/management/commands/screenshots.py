"""Refresh docs/screenshots/: each public page type at 390 and 1280 pixels wide, in Chromium.

Runs its own server on the configured database (load the demo content first: `make run` does),
so the screenshots show what readers see. The PNGs are the visible window only, with a reduced
palette, to stay small in the repository.
"""

import io
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandError
from django.test.testcases import LiveServerThread
from django.utils import translation
from PIL import Image

from events.models import Event
from partners.models import Organisation
from practices.models import GoodPractice

WIDTHS = {"mobile": (390, 844), "desktop": (1280, 800)}


def page_paths():
    """Each page type's path, from the published content (a type without content is left out)."""
    event = Event.objects.published().order_by("-start_date").first()
    partner = Organisation.objects.consortium().first()
    practice = GoodPractice.objects.published().first()
    paths = {
        "home": "/",
        "events-list": "/events/",
        "event": event and event.get_absolute_url(),
        "partners-list": "/partners/",
        "partner": partner and partner.get_absolute_url(),
        "practices-list": "/practices/",
        "practice": practice and practice.get_absolute_url(),
        "search": "/search/?q=digital",
        "accessibility": "/about/accessibility/",
        "embed": "/embed/events/",
    }
    return {name: path for name, path in paths.items() if path}


def small_png(data):
    """The screenshot as a 256-colour PNG: a third of the size, no visible loss on a web page."""
    image = (
        Image.open(io.BytesIO(data)).convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


class Command(BaseCommand):
    help = "Refresh the screenshots of every public page type at 390 and 1280 pixels wide."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=str(Path(settings.BASE_DIR) / "docs" / "screenshots")
        )
        parser.add_argument("--language", default=settings.LANGUAGE_CODE)

    def handle(self, *args, output, language, **options):
        chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
        if not chromium:
            raise CommandError("Chromium is not installed (apt-get install chromium).")
        from playwright.sync_api import sync_playwright

        with translation.override(language):
            paths = {name: path.removeprefix(f"/{language}") for name, path in page_paths().items()}
        server = LiveServerThread("localhost", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise CommandError(f"The server did not start: {server.error}")
        out = Path(output)
        out.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, args=["--no-sandbox"]
                )
                for device, (width, height) in WIDTHS.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    for name, path in paths.items():
                        page.goto(f"http://localhost:{server.port}/{language}{path}")
                        target = out / f"{name}-{device}.png"
                        target.write_bytes(small_png(page.screenshot()))
                        self.stdout.write(f"{target} ({target.stat().st_size // 1024} kB)")
                    page.close()
                browser.close()
        finally:
            server.terminate()
