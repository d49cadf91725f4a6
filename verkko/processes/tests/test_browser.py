"""Processes pages in a real browser: they pass axe-core, and a staff member finds a service."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_pass_axe(
    process, agreement, commitment, youth_service, employer_service, browser_page, assert_accessible
):
    for path in [
        "/fi/oulu/processes/",
        "/fi/oulu/processes/nuoren-polku/",
        "/fi/oulu/services/",
        f"/fi/oulu/services/{youth_service.uuid}/",
        "/fi/oulu/agreements/",
        f"/fi/oulu/agreements/{agreement.uuid}/",
        "/fi/oulu/commitments/",
        "/fi/oulu/collaboration-model/",
    ]:
        browser_page.goto(path)
        assert browser_page.locator("h1").count() == 1, path
        assert_accessible(browser_page)


def test_a_coordinator_finds_the_service_for_a_young_person_in_kempele(
    coordinator, youth_service, employer_service, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, coordinator)
    browser_page.goto("/fi/oulu/services/")
    browser_page.get_by_label("Mitä etsit?").fill("palvelut nuorelle Kempeleessä")
    browser_page.get_by_role("button", name="Hae").click()
    browser_page.wait_for_load_state()
    assert browser_page.get_by_role("link", name="Nuorten työhönvalmennus").is_visible()
    assert browser_page.get_by_role("link", name="Rekrytointipalvelu").count() == 0
    assert_accessible(browser_page)
    browser_page.goto("/fi/oulu/processes/nuoren-polku/")
    assert_accessible(browser_page)
