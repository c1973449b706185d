"""A partner logs a study visit in the workspace, a coordinator approves it, the public sees it."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from events.models import Event, EventPhoto
from tests.factories import EventFactory, GoodPracticeFactory, PartnerFactory, PersonFactory
from workspace.groups import ensure_groups

pytestmark = pytest.mark.django_db(transaction=True)

STAFF_PASSWORD = "a-long-staff-password"
TITLE = "Gävle staff visit Tartu's e-services"
SUMMARY = "Gävle's team saw how Tartu runs its digital front desk."


def make_partner_staff(settings, username="staff-tartu"):
    """A partner, its staff login (known password) and a draft visit and practice of its own."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    partner = PartnerFactory(
        name_en="Tartu City Government", short_name="Tartu", slug="tartu", partner_number=4
    )
    user = get_user_model().objects.create_user(username, f"{username}@better.example")
    user.set_password(STAFF_PASSWORD)
    user.save()
    user.groups.add(ensure_groups(Group, Permission)[1])
    PersonFactory(name="Tartu staff", organisation=partner, user=user)
    visit = EventFactory(
        kind=Event.Kind.STUDY_VISIT,
        title_en="Tartu draft visit",
        host=partner,
        owner=partner,
        review_status=Event.ReviewStatus.DRAFT,
        is_published=False,
        start_date=dt.date(2030, 3, 10),
        end_date=dt.date(2030, 3, 10),
    )
    practice = GoodPracticeFactory(title_en="Tartu draft practice", owner=partner, status="draft")
    return user, visit, practice


def add_photo(visit, settings, tmp_path, caption="The front desk"):
    """A photo of the visit, stored under a temporary media root that the live server serves."""
    settings.MEDIA_ROOT = tmp_path / "media"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    image = SimpleUploadedFile("desk.png", buffer.getvalue(), content_type="image/png")
    return EventPhoto.objects.create(event=visit, image=image, caption=caption)


def log_in_to_workspace(page, live_server, language, username):
    """Through the real login form (django-axes sees it), in the given language."""
    page.goto(f"{live_server.url}/{language}/workspace/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(STAFF_PASSWORD)
    page.locator(".workspace-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/{language}/workspace/")


def staff_login(settings, username):
    """A demo staff login (load_demo_staff) with a known password: demo logins outside DEBUG
    have none."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.get(username=username)
    user.set_password(STAFF_PASSWORD)
    user.save()
    return user


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "visit.png"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def staff_page(browser, live_server, demo, settings, tmp_path):
    """A second browser, logged in to the workspace as Gävle's (P3) staff through the form."""
    settings.MEDIA_ROOT = tmp_path / "media"
    staff_login(settings, "staff-p3")
    context = browser.new_context(locale="en-GB", timezone_id="America/New_York")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/en/workspace/")
    page.wait_for_url(f"{live_server.url}/en/workspace/login/?next=/en/workspace/")
    page.get_by_label("Username").fill("staff-p3")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(f"{live_server.url}/en/workspace/")
    yield page
    context.close()


def log_visit(page, photo):
    page.get_by_role("link", name="Log a study visit").first.click()
    expect(page.locator("h1")).to_have_text("Log a study visit")
    page.get_by_label("Host organisation").select_option(label="Tartu City Government")
    page.get_by_label("Start date").fill("2030-03-10")
    page.get_by_label("End date").fill("2030-03-11")
    page.get_by_label("Start time").fill("09:30")
    page.get_by_label("End time").fill("16:00")
    page.get_by_role("group", name="Good practices examined").get_by_label(
        "Digital citizen folder"
    ).check()
    page.get_by_label("Title (English)").fill(TITLE)
    page.get_by_label("Summary (English)").fill(SUMMARY)
    page.get_by_label("Notes (English)").fill("We met the front-desk team.")
    partners = page.get_by_role("group", name="Participating partners")
    partners.get_by_label("Municipality of Gävle").check()
    partners.get_by_label("Tartu City Government").check()
    page.locator("#id_attendances-0-organisation").select_option(label="Municipality of Gävle")
    page.locator("#id_attendances-0-participants").fill("4")
    page.locator("#id_attendances-1-organisation").select_option(label="Tartu City Government")
    page.locator("#id_attendances-1-category").fill("hosts")
    page.locator("#id_attendances-1-participants").fill("6")
    page.get_by_label("Add photos").set_input_files(photo)
    page.get_by_role("button", name="Save as draft").click()


def test_staff_visit_is_approved_and_published(staff_page, admin_page, live_server, photo):
    page = staff_page
    expect(page.locator("h1")).to_have_text("Workspace of P3 Gävle")

    log_visit(page, photo)

    page.wait_for_url(f"{live_server.url}/en/workspace/visits/*/")
    expect(page.locator(".messages")).to_have_text("Saved as a draft.")
    expect(page.locator("article h1")).to_have_text(TITLE)
    facts = page.locator(".workspace-facts")
    expect(facts.locator("dd").nth(0)).to_have_text(
        "10 March 2030 – 11 March 2030, 09:30–16:00 (Europe/Tallinn)"
    )
    expect(facts.locator("dd").nth(1)).to_have_text("P4 Tartu")
    expect(facts.locator("dd").nth(2)).to_have_text("P3 Gävle")
    expect(facts.locator("dd").nth(3)).to_have_text("P3 Gävle, P4 Tartu")
    expect(facts.locator("dd").nth(4)).to_have_text("Digital citizen folder")
    rows = page.locator(".workspace-table tbody tr")
    expect(rows).to_have_text(["P3 Gävle4", "P4 Tartuhosts6"])
    expect(page.locator(".workspace-photos img")).to_have_attribute("alt", TITLE)
    expect(page.locator(".review-status")).to_have_text("Draft")

    page.get_by_role("button", name="Submit for review").click()

    expect(page.locator(".messages")).to_have_text(
        "Submitted for review. The coordinators will answer by e-mail."
    )
    expect(page.locator(".review-status")).to_have_text("Submitted for review")
    expect(page.get_by_role("button", name="Submit for review")).to_have_count(0)
    event = Event.objects.get(title_en=TITLE)
    assert (event.review_status, event.is_published, event.photos.count()) == (
        "submitted",
        False,
        1,
    )
    page.goto(f"{live_server.url}/en/events/")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)

    coordinator = admin_page
    coordinator.goto(f"{live_server.url}/admin/")
    coordinator.get_by_role("link", name="Submitted study visits").click()
    expect(coordinator.locator("#result_list tbody tr")).to_have_count(1)
    coordinator.get_by_role("link", name=TITLE).click()
    expect(coordinator.locator(".field-participants .readonly")).to_have_text("P3 Gävle, P4 Tartu")
    expect(coordinator.locator(".field-attendance .readonly")).to_have_text(
        "P3 Gävle: 4; P4 Tartu: 6"
    )
    expect(coordinator.locator(".field-photo_files a")).to_have_count(1)
    coordinator.get_by_label("Decision").select_option(label="Approve and publish")
    coordinator.get_by_role("button", name="Save", exact=True).click()
    coordinator.wait_for_url(f"{live_server.url}/admin/workspace/submittedevent/")
    expect(coordinator.locator("#result_list")).to_have_count(0)

    page.goto(f"{live_server.url}/en/events/")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"{live_server.url}/en/events/{event.slug}/")
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.get_by_text(SUMMARY)).to_have_count(1)
    page.goto(f"{live_server.url}/en/workspace/visits/{event.pk}/")
    expect(page.locator(".review-status")).to_have_text("Approved")
    expect(page.get_by_role("link", name="See it on the public site")).to_have_attribute(
        "href", f"/en/events/{event.slug}/"
    )


def test_staff_caption_then_delete_a_photo(page, live_server, settings, tmp_path):
    _user, visit, _practice = make_partner_staff(settings)
    photo = add_photo(visit, settings, tmp_path)
    log_in_to_workspace(page, live_server, "en", "staff-tartu")
    page.goto(f"{live_server.url}/en/workspace/visits/{visit.pk}/")

    page.get_by_role("link", name="Edit the caption of photo 1").click()
    expect(page.locator("h1")).to_have_text("Edit the photo's caption")
    page.get_by_label("Caption").fill("Tartu's digital front desk")
    page.get_by_role("button", name="Save the caption").click()

    page.wait_for_url(f"{live_server.url}/en/workspace/visits/{visit.pk}/")
    expect(page.locator(".messages")).to_have_text("The caption is saved.")
    expect(page.locator(".workspace-photos figcaption")).to_have_text("Tartu's digital front desk")

    page.get_by_role("link", name="Delete photo 1").click()
    expect(page.locator("h1")).to_have_text("Delete this photo?")
    page.get_by_role("button", name="Delete the photo").click()

    page.wait_for_url(f"{live_server.url}/en/workspace/visits/{visit.pk}/")
    expect(page.locator(".messages")).to_have_text("The photo is deleted.")
    expect(page.locator(".workspace-photos")).to_have_count(0)
    assert not EventPhoto.objects.exists()
    assert not photo.image.storage.exists(photo.image.name)
