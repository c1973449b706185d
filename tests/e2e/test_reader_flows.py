import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_switches_language_on_home_page(page, live_server):
    page.goto(f"{live_server.url}/en/")

    page.get_by_role("link", name="Eesti").click()

    assert page.url == f"{live_server.url}/et/"
    assert page.locator("html").get_attribute("lang") == "et"
