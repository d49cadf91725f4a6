import pytest

from verkko.ecosystem import actions
from verkko.ecosystem.tests.conftest import ROLES, by_role

URL = "/fi/oulu/ecosystem/search/"


@pytest.mark.parametrize("role", ROLES)
def test_everyone_finds_organisations_forums_and_people(as_role, everyone, forum, public_person, role):
    content = as_role(role).get(URL, {"q": "nuor"}).content.decode()
    assert "Nuorten verkosto" in content
    content = as_role(role).get(URL, {"q": "Julkinen Henkilö"}).content.decode()
    assert "julkinen@example.org" in content
    content = as_role(role).get(URL, {"q": "organisaatio"}).content.decode()
    assert "Organisaatio A" in content
    assert "Organisaatio B" in content


def test_organisations_are_found_by_their_services(as_role, coordinator, organization_a):
    actions.save_role(coordinator, organization_a, {"summary": "Oppilaitos", "services_for_employers": "Oppisopimus"})
    content = as_role("public").get(URL, {"q": "oppisopimus"}).content.decode()
    assert "Organisaatio A" in content
    assert "Organisaatio B" not in content


def test_the_public_finds_nobody_who_is_not_shown(as_role, private_person):
    content = as_role("public").get(URL, {"q": "Ihminen"}).content.decode()
    assert "Yksityinen" not in content
    assert "Henkilöitä ei löytynyt." in content


def test_the_public_cannot_find_people_by_their_email(as_role, public_person):
    assert "Julkinen Henkilö" not in as_role("public").get(URL, {"q": "julkinen@"}).content.decode()


def test_partners_find_anyone_by_email(as_role, partner_member, private_person):
    assert "Yksityinen Ihminen" in as_role("partner_member").get(URL, {"q": "yksityinen@"}).content.decode()


@pytest.mark.parametrize(("role", "sees"), by_role(True, True, True, True, False, False, False, False))
def test_partner_only_forums_are_found_only_by_partners(as_role, everyone, partner_forum, role, sees):
    assert ("Rekrytointitiimi" in as_role(role).get(URL, {"q": "rekry"}).content.decode()) is sees


def test_a_too_short_search_shows_an_error_and_no_results(as_role, forum):
    content = as_role("public").get(URL, {"q": "n"}).content.decode()
    assert "error-summary" in content
    assert "Nuorten verkosto" not in content


def test_search_refuses_post(as_role, area):
    assert as_role("public").post(URL).status_code == 405
