"""The ecosystem pages in a real browser: they work for each role and pass axe-core."""

import pytest

from conftest import PASSWORD
from verkko.ecosystem import responsibilities
from verkko.ecosystem.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/fi/oulu/ecosystem/",
    "/fi/oulu/ecosystem/who-does-what/",
    "/fi/oulu/ecosystem/responsibilities/",
    "/fi/oulu/ecosystem/map/",
    "/fi/oulu/ecosystem/search/?q=nuor",
    "/fi/oulu/ecosystem/organisaatio-a/",
    "/fi/oulu/ecosystem/forums/nuorten-verkosto/",
    "/sv/oulu/ecosystem/",
]


@pytest.fixture
def ecosystem(coordinator, forum, decision, organization_a, organization_b):
    Role.objects.create(organization=organization_a, summary="Kouluttaa nuoria.", responsibilities="Tutkinnot")
    responsibilities.set_responsibility(coordinator, organization_b, forum, "C")
    return decision.meeting


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_ecosystem_pages_pass_axe(ecosystem, browser_page, assert_accessible, path):
    browser_page.goto(path)
    assert browser_page.get_by_role("heading", level=1).count() == 1
    assert_accessible(browser_page)


def test_the_meeting_page_passes_axe(ecosystem, browser_page, assert_accessible):
    browser_page.goto(f"/fi/oulu/ecosystem/meetings/{ecosystem.uuid}/")
    assert browser_page.get_by_text("Laaditaan nuorten palvelupolku.").is_visible()
    assert_accessible(browser_page)


def test_coordinator_pages_and_forms_pass_axe(ecosystem, coordinator, browser_page, sign_in_browser, assert_accessible):
    sign_in_browser(browser_page, coordinator)
    for path in [
        "/fi/oulu/ecosystem/",
        "/fi/oulu/ecosystem/import/",
        "/fi/oulu/ecosystem/organisations/new/",
        "/fi/oulu/ecosystem/forums/new/",
        "/fi/oulu/ecosystem/forums/nuorten-verkosto/",
        "/fi/oulu/ecosystem/forums/nuorten-verkosto/meetings/new/",
        f"/fi/oulu/ecosystem/meetings/{ecosystem.uuid}/",
        "/fi/oulu/ecosystem/organisaatio-a/",
    ]:
        browser_page.goto(path)
        assert_accessible(browser_page)


def test_partner_editor_edits_their_organisation_in_the_browser(
    ecosystem, partner_editor, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, partner_editor)
    browser_page.goto("/fi/oulu/ecosystem/organisaatio-a/")
    browser_page.get_by_role("link", name="Muokkaa tietoja").click()
    assert_accessible(browser_page)
    browser_page.get_by_role("group", name="Kuvaus").get_by_label("Suomi").fill("Ammatillinen oppilaitos.")
    browser_page.get_by_role("button", name="Tallenna").click()
    assert browser_page.get_by_text("Muutokset tallennettiin.").is_visible()
    assert browser_page.get_by_text("Ammatillinen oppilaitos.").first.is_visible()


def test_form_errors_are_summarised_accessibly(
    ecosystem, coordinator, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, coordinator)
    browser_page.goto("/fi/oulu/ecosystem/organisations/new/")
    browser_page.get_by_label("Y-tunnus").fill("0187690-2")
    browser_page.get_by_role("button", name="Tallenna").click()
    assert browser_page.get_by_role("alert").is_visible()
    assert_accessible(browser_page)


@pytest.mark.parametrize("javascript", [True, False])
def test_who_does_what_filters_with_and_without_javascript(ecosystem, chromium_browser, live_server, javascript):
    context = chromium_browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = context.new_page()
    page.goto("/fi/oulu/ecosystem/who-does-what/")
    page.get_by_label("Tyyppi").select_option("ngo")
    page.get_by_role("button", name="Rajaa").click()
    page.wait_for_url("**type=ngo**")
    assert page.get_by_role("heading", name="Organisaatio B").is_visible()
    assert page.get_by_role("heading", name="Organisaatio A").count() == 0
    context.close()


def test_a_partner_only_forum_asks_the_public_to_sign_in_and_then_opens_in_the_browser(
    partner_forum, partner_member, browser_page
):
    browser_page.goto("/fi/oulu/ecosystem/forums/rekrytointitiimi/")
    assert browser_page.url.endswith("/fi/accounts/login/?next=/fi/oulu/ecosystem/forums/rekrytointitiimi/")
    browser_page.get_by_label("Sähköpostiosoite").fill(partner_member.email)
    browser_page.get_by_label("Salasana").fill(PASSWORD)
    browser_page.get_by_role("button", name="Kirjaudu sisään").click()
    browser_page.wait_for_load_state()
    assert browser_page.url.endswith("/fi/oulu/ecosystem/forums/rekrytointitiimi/")
    assert browser_page.get_by_role("heading", level=1).inner_text() == partner_forum.name


def test_an_outsider_signed_in_gets_the_public_view_in_the_browser(
    ecosystem, partner_forum, outsider_coordinator, other_forum, browser_page, sign_in_browser, assert_accessible
):
    """The coordinator of the other area: its own forum of the same slug there, Oulu's public pages here."""
    sign_in_browser(browser_page, outsider_coordinator)
    assert browser_page.goto("/fi/oulu/ecosystem/forums/rekrytointitiimi/").status == 404
    browser_page.goto("/fi/oulu/ecosystem/")
    assert browser_page.get_by_text("Nuorten verkosto").first.is_visible()
    assert browser_page.get_by_text("Rekrytointitiimi").count() == 0
    assert browser_page.get_by_text("Uusi organisaatio").count() == 0
    browser_page.goto("/fi/rannikko/ecosystem/forums/nuorten-verkosto/")
    assert browser_page.get_by_text("Rannikon nuoret yhteen.", exact=True).is_visible()
    assert_accessible(browser_page)
