import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_axe_check_bites_on_broken_page(page, axe_violations):
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')

    violations = {rule for rule, _impact, _nodes in axe_violations(page)}

    assert {"image-alt", "label"} <= violations


@pytest.mark.parametrize("language", ["en", "et"])
def test_home_page_has_no_serious_violations(page, live_server, axe_violations, language):
    page.goto(f"{live_server.url}/{language}/")

    assert axe_violations(page) == []
