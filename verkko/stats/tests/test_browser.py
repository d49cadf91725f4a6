"""The statistics sources in a real browser: a coordinator's pages pass axe-core in every language,
the public is sent to sign in, and a coordinator edits a source through the form."""

import pytest

from verkko.stats.models import Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def failed_source(area):
    return Source.objects.create(
        area_id=area.pk,
        table_id="11re",
        title="Väestö alueittain",
        area_codes=["KU244", "KU564", "SSS"],
        latest_periods=10,
        last_error="GET https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/11re.px answered 503 after 6 attempts",
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize(
    "page", ["sources/", "sources/{pk}/", "sources/{pk}/edit/", "sources/{pk}/delete/", "sources/new/"]
)
def test_coordinator_pages_pass_axe(
    language, page, failed_source, coordinator, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, coordinator)
    browser_page.goto(f"/{language}/oulu/statistics/" + page.format(pk=failed_source.pk))
    assert browser_page.locator("h1").count() == 1
    assert_accessible(browser_page)


def test_public_is_sent_to_sign_in(failed_source, browser_page):
    browser_page.goto(f"/fi/oulu/statistics/sources/{failed_source.pk}/")
    assert "/accounts/login/" in browser_page.url


def test_coordinator_sees_the_failure_and_edits_the_source(failed_source, coordinator, browser_page, sign_in_browser):
    sign_in_browser(browser_page, coordinator)
    browser_page.goto("/fi/oulu/statistics/sources/")
    assert browser_page.get_by_text("Viimeisin päivitys epäonnistui").is_visible()
    browser_page.get_by_role("link", name="Väestö alueittain").click()
    assert browser_page.get_by_role("alert").get_by_text("answered 503 after 6 attempts").is_visible()
    browser_page.get_by_role("link", name="Muokkaa").click()
    browser_page.get_by_label("Viimeisimmät ajanjaksot").fill("5")
    browser_page.get_by_role("button", name="Tallenna").click()
    browser_page.wait_for_load_state()
    assert browser_page.get_by_text("Lähde tallennettiin.").is_visible()
    failed_source.refresh_from_db()
    assert failed_source.latest_periods == 5


def test_phone_screen_shows_the_source_page_without_sideways_scrolling(
    failed_source, coordinator, browser_page, sign_in_browser
):
    browser_page.set_viewport_size({"width": 360, "height": 800})
    sign_in_browser(browser_page, coordinator)
    browser_page.goto(f"/fi/oulu/statistics/sources/{failed_source.pk}/")
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_coordinator_of_another_area_is_refused(failed_source, outsider_coordinator, browser_page, sign_in_browser):
    sign_in_browser(browser_page, outsider_coordinator)
    response = browser_page.goto("/fi/oulu/statistics/sources/")
    assert response.status == 403
    assert browser_page.get_by_text("answered 503").count() == 0
    assert browser_page.goto(f"/fi/oulu/statistics/sources/{failed_source.pk}/").status == 403
