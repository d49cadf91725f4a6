"""News, events, the start page and following in a real browser: they work and pass axe-core."""

import pytest

from verkko.news import actions
from verkko.news.models import Follow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(coordinator, partner_member, public_news, partner_news, public_event, upcoming_meeting):
    actions.sign_up(partner_member, public_event)
    return public_event


def test_the_news_list_and_an_item_pass_axe(content, public_news, browser_page, assert_accessible):
    browser_page.goto("/fi/oulu/news/")
    assert browser_page.get_by_role("heading", level=1).count() == 1
    assert browser_page.get_by_role("link", name="Julkinen uutinen").is_visible()
    assert_accessible(browser_page)
    browser_page.get_by_role("link", name="Julkinen uutinen").click()
    assert browser_page.locator("strong", has_text="Rekrytointimessut").is_visible()
    assert_accessible(browser_page)


def test_the_event_page_passes_axe_and_signs_up(content, editor_b, browser_page, sign_in_browser, assert_accessible):
    sign_in_browser(browser_page, editor_b)
    browser_page.goto(f"/fi/oulu/events/{content.uuid}/")
    assert_accessible(browser_page)
    browser_page.get_by_role("button", name="Ilmoittaudu").click()
    assert browser_page.get_by_text("Olet ilmoittautunut.").first.is_visible()
    assert_accessible(browser_page)
    assert content.registrations.filter(user=editor_b).exists()


def test_the_calendar_page_passes_axe(content, browser_page, assert_accessible):
    browser_page.goto("/fi/oulu/events/")
    assert browser_page.get_by_role("link", name="Rekrytointimessut").is_visible()
    assert_accessible(browser_page)


@pytest.mark.parametrize("role", ["coordinator", "partner_member"])
def test_the_start_page_passes_axe(request, content, role, browser_page, sign_in_browser, assert_accessible):
    sign_in_browser(browser_page, request.getfixturevalue(role))
    browser_page.goto("/fi/oulu/")
    browser_page.get_by_role("link", name="Avaa oma sivusi", exact=False).click()
    assert browser_page.get_by_role("heading", name="Oma sivu", level=1).is_visible()
    assert_accessible(browser_page)


def test_the_coordinators_forms_pass_axe(content, coordinator, browser_page, sign_in_browser, assert_accessible):
    sign_in_browser(browser_page, coordinator)
    for path in ["/fi/oulu/news/new/", "/fi/oulu/events/new/", "/fi/oulu/events/my-calendar/", "/fi/oulu/whats-new/"]:
        browser_page.goto(path)
        assert_accessible(browser_page)
    browser_page.goto("/fi/oulu/news/new/")
    browser_page.get_by_role("button", name="Tallenna").click()
    assert browser_page.get_by_role("alert").is_visible()
    assert_accessible(browser_page)


@pytest.mark.parametrize("javascript", [True, False])
def test_following_a_forum_with_and_without_javascript(
    content, partner_member, chromium_browser, live_server, sign_in_browser, javascript
):
    context = chromium_browser.new_context(base_url=live_server.url, java_script_enabled=javascript, locale="fi-FI")
    page = context.new_page()
    sign_in_browser(page, partner_member)
    page.goto("/fi/oulu/ecosystem/forums/nuorten-verkosto/")
    page.get_by_role("button", name="Seuraa", exact=True).click()
    page.get_by_role("button", name="Lopeta seuraaminen").wait_for()
    assert page.url.endswith("/fi/oulu/ecosystem/forums/nuorten-verkosto/")
    assert Follow.objects.filter(user=partner_member).count() == 1
    page.get_by_role("button", name="Lopeta seuraaminen").click()
    page.get_by_role("button", name="Seuraa", exact=True).wait_for()
    assert not Follow.objects.filter(user=partner_member).exists()
    context.close()
