import io
import re
from html import unescape

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def workspace_links(response, kind):
    """The texts of the links to workspace detail pages of one kind ("visits" or "practices")."""
    pattern = rf'<a href="/\w\w/workspace/{kind}/\d+/">([^<]*)</a>'
    return [unescape(text) for text in re.findall(pattern, response.content.decode())]


def png_file(name="visit.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def visit_data(host, **overrides):
    """A valid POST of the study-visit form, without attendance rows unless given."""
    data = {
        "host": host.pk,
        "start_date": "2021-07-17",
        "end_date": "2021-07-17",
        "start_time": "10:30",
        "end_time": "12:00",
        "timezone": "",
        "title_en": "Study visit to Tartu",
        "summary_en": "Tartu showed its e-services.",
        "body_en": "Notes of the visit.",
        "attendances-TOTAL_FORMS": "0",
        "attendances-INITIAL_FORMS": "0",
        "attendances-MIN_NUM_FORMS": "0",
        "attendances-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def practice_data(**overrides):
    data = {
        "title_en": "Digital front desk",
        "summary_en": "One desk for every service.",
        "description_en": "How the front desk works.",
        "resources_needed_en": "Two people.",
        "evidence_of_success_en": "Shorter queues.",
        "difficulties_encountered_en": "",
        "potential_for_learning_en": "High.",
        "location_en": "Tartu",
        "further_information": "",
        "start_date": "2019-01-01",
        "end_date": "",
    }
    data.update(overrides)
    return data
