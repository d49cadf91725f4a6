import pytest

from verkko.ecosystem.tests.conftest import ROLES, by_role

URL = "/fi/oulu/ecosystem/"


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_overview_by_level_in_finnish(as_role, everyone, forum, role):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Taktinen taso" in content
    assert "Nuorten verkosto" in content
    assert "Organisaatio A" in content


@pytest.mark.parametrize(("role", "sees"), by_role(True, True, True, True, False, False, False, False))
def test_partner_only_forums_are_shown_only_to_partners(as_role, everyone, partner_forum, role, sees):
    assert ("Rekrytointitiimi" in as_role(role).get(URL).content.decode()) is sees


def test_coordinator_gets_the_buttons_to_add_organisations_and_forums(as_role, everyone):
    assert "Uusi organisaatio" in as_role("coordinator").get(URL).content.decode()
    assert "Uusi organisaatio" not in as_role("partner_editor").get(URL).content.decode()


def test_overview_in_swedish(as_role, forum):
    assert "Taktisk nivå" in as_role("public").get("/sv/oulu/ecosystem/").content.decode()


def test_overview_refuses_post(as_role, area):
    assert as_role("public").post(URL).status_code == 405


def test_overview_without_any_area_is_not_found(as_role, db):
    assert as_role("public").get(URL).status_code == 404
