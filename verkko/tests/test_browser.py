"""The site in a real browser: every role signs in, and the pages pass axe-core."""

import io

import pytest
from django.core.management import call_command

from verkko.accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("role", ["coordinator", "partner_editor", "partner_member", "editor_b"])
def test_each_role_signs_in_and_out_in_the_browser(request, role, browser_page, sign_in_browser):
    user = request.getfixturevalue(role)
    sign_in_browser(browser_page, user)
    browser_page.goto("/fi/accounts/profile/")
    assert browser_page.get_by_role("heading", name="Tilisi").is_visible()
    browser_page.get_by_role("button", name="Kirjaudu ulos").click()
    assert browser_page.get_by_role("link", name="Kirjaudu sisään").is_visible()


@pytest.mark.parametrize(
    "path", ["/fi/oulu/", "/sv/oulu/", "/en/oulu/", "/fi/accounts/login/", "/fi/accounts/password-reset/"]
)
def test_public_pages_pass_axe(path, area, browser_page, assert_accessible):
    browser_page.goto(path)
    assert_accessible(browser_page)


def test_signed_in_pages_pass_axe(coordinator, browser_page, sign_in_browser, assert_accessible):
    sign_in_browser(browser_page, coordinator)
    for path in ["/fi/oulu/", "/fi/accounts/profile/"]:
        browser_page.goto(path)
        assert_accessible(browser_page)


def test_sign_in_errors_are_announced_and_pass_axe(coordinator, browser_page, assert_accessible):
    browser_page.goto("/fi/accounts/login/")
    browser_page.get_by_label("Sähköpostiosoite").fill(coordinator.email)
    browser_page.get_by_label("Salasana").fill("väärä salasana")
    browser_page.get_by_role("button", name="Kirjaudu sisään").click()
    assert browser_page.get_by_role("alert").get_by_text("Sähköpostiosoite tai salasana on väärin").is_visible()
    assert_accessible(browser_page)


def test_skip_link_moves_focus_to_the_main_content(area, browser_page):
    browser_page.goto("/fi/oulu/")
    browser_page.keyboard.press("Tab")
    skip_link = browser_page.get_by_role("link", name="Siirry sisältöön")
    assert skip_link.evaluate("element => element === document.activeElement")
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_keeps_the_area_page(area, browser_page):
    browser_page.goto("/fi/oulu/")
    browser_page.get_by_role("link", name="svenska").click()
    assert browser_page.url.endswith("/sv/oulu/")


def test_language_switcher_keeps_the_page(area, browser_page):
    browser_page.goto("/fi/accounts/login/")
    browser_page.get_by_role("link", name="svenska").click()
    assert browser_page.url.endswith("/sv/accounts/login/")
    assert browser_page.get_by_role("heading", name="Logga in").is_visible()


def test_pages_fit_a_phone_screen_without_sideways_scrolling(area, browser_page):
    browser_page.set_viewport_size({"width": 360, "height": 740})
    for path in ["/fi/oulu/", "/fi/accounts/login/"]:
        browser_page.goto(path)
        assert browser_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path


@pytest.mark.parametrize("signed_in", [False, True], ids=["public", "coordinator"])
def test_main_pages_pass_axe_on_a_phone_screen(
    signed_in, browser_page, sign_in_browser, assert_accessible, monkeypatch
):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    call_command("load_demo", stdout=io.StringIO())
    if signed_in:
        sign_in_browser(browser_page, User.objects.get(email="coordinator@example.com"), "demo-salasana-1")
    browser_page.set_viewport_size({"width": 360, "height": 740})
    for path in [
        "/fi/",
        "/fi/oulu/",
        "/fi/oulu/situation/",
        "/fi/oulu/situation/municipalities/",
        "/fi/oulu/signals/",
        "/fi/oulu/goals/",
        "/fi/oulu/ecosystem/",
        "/fi/rannikko/situation/",
    ]:
        browser_page.goto(path)
        assert_accessible(browser_page)
