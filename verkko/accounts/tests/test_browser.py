"""People and roles in a real browser: a coordinator invites by e-mail, the invitee joins; axe passes."""

import pytest

from verkko.accounts.models import Membership
from verkko.accounts.tests.conftest import link_path
from verkko.ecosystem.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kumppanin-oma-salasana-5"


def test_a_coordinator_invites_and_the_invitee_lands_on_the_area_signed_in(
    coordinator, partner_member, organization_a, browser_page, sign_in_browser, assert_accessible, mailoutbox
):
    page = browser_page
    sign_in_browser(page, coordinator)
    page.goto("/fi/oulu/")
    page.get_by_role("link", name="Ihmiset ja roolit").click()
    assert page.get_by_role("heading", level=1, name="Ihmiset ja roolit").is_visible()
    assert_accessible(page)

    page.get_by_label("Sähköpostiosoite").fill("kaisa.kumppani@example.com")
    page.get_by_label("Organisaatio").select_option(label="Organisaatio A")
    page.get_by_label("Rooli:", exact=True).select_option("editor")
    page.get_by_role("button", name="Lähetä kutsu").click()
    assert page.get_by_text("Kutsu lähetettiin osoitteeseen kaisa.kumppani@example.com").is_visible()
    assert page.get_by_role("rowheader", name="kaisa.kumppani@example.com").is_visible()
    assert_accessible(page)

    link = link_path(mailoutbox[0])
    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.goto(link)
    assert page.get_by_role("heading", level=1, name="Hyväksy kutsu").is_visible()
    assert_accessible(page)
    page.get_by_label("Etunimi").fill("Kaisa")
    page.get_by_label("Sukunimi").fill("Kumppani")
    page.get_by_label("Salasana:", exact=True).fill(PASSWORD)
    page.get_by_label("Salasana uudelleen").fill(PASSWORD)
    page.get_by_role("button", name="Luo käyttäjätili ja hyväksy kutsu").click()
    page.wait_for_url("**/fi/oulu/")
    assert page.get_by_text("Roolisi organisaatiossa Organisaatio A: kumppanin ylläpitäjä.").is_visible()
    assert page.get_by_role("button", name="Kirjaudu ulos").is_visible()
    assert page.get_by_role("link", name="kaisa.kumppani@example.com").is_visible()
    assert Membership.objects.get(user__email="kaisa.kumppani@example.com").role == "editor"


def test_the_invitation_form_errors_and_the_profile_pass_axe(
    coordinator, browser_page, sign_in_browser, assert_accessible
):
    page = browser_page
    sign_in_browser(page, coordinator)
    page.goto("/fi/oulu/people/")
    page.get_by_label("Sähköpostiosoite").fill("ei-osoite")
    page.get_by_role("button", name="Lähetä kutsu").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)
    for path in ["/fi/accounts/profile/", "/fi/accounts/profile/password/"]:
        page.goto(path)
        assert_accessible(page)


def test_a_superuser_finds_the_area_form_and_it_passes_axe(area, browser_page, sign_in_browser, assert_accessible):
    admin = UserFactory(email="admin@example.com", is_superuser=True, is_staff=True)
    page = browser_page
    sign_in_browser(page, admin)
    page.goto("/fi/")
    page.get_by_role("link", name="Perusta työllisyysalue").click()
    assert page.get_by_role("heading", level=1, name="Perusta työllisyysalue").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Perusta alue ja lähetä kutsu").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)
