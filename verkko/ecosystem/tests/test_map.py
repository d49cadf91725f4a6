import pytest

from verkko.ecosystem.tests.conftest import ROLES, by_role

URL = "/fi/oulu/ecosystem/map/"


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_map_as_a_chart_and_as_a_list(as_role, everyone, forum, role):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<svg" in content
    assert "Ekosysteemikartta" in content
    assert "Foorumit ja niiden jäsenet luettelona" in content
    list_part = content.split('id="list-heading"')[1]
    assert "Nuorten verkosto" in list_part
    assert "Organisaatio A" in list_part
    assert "puheenjohtaja" in list_part


def test_the_chart_has_a_data_table_of_the_ties(as_role, forum):
    response = as_role("public").get(URL)
    rows = response.context["chart"]["rows"]
    assert ["Nuorten verkosto", "taktinen", "Organisaatio A", "puheenjohtaja"] in [
        [str(cell) for cell in row] for row in rows
    ]


@pytest.mark.parametrize(("query", "shown"), [("level=operational", False), ("level=tactical", True)])
def test_the_map_is_filtered_by_level(as_role, forum, query, shown):
    list_part = as_role("public").get(f"{URL}?{query}").content.decode().split('id="list-heading"')[1]
    assert ("Nuorten verkosto" in list_part) is shown


def test_the_map_is_filtered_by_organisation_type(as_role, forum):
    list_part = as_role("public").get(f"{URL}?type=education").content.decode().split('id="list-heading"')[1]
    assert "Organisaatio A" in list_part
    assert "BusinessOulu" not in list_part


@pytest.mark.parametrize(("role", "sees"), by_role(True, True, True, True, False, False, False, False))
def test_partner_only_forums_are_on_the_map_only_for_partners(as_role, everyone, partner_forum, role, sees):
    assert ("Rekrytointitiimi" in as_role(role).get(URL).content.decode()) is sees


def test_an_unknown_filter_shows_an_error_and_the_whole_map(as_role, forum):
    response = as_role("public").get(f"{URL}?level=cosmic")
    assert response.status_code == 200
    content = response.content.decode()
    assert "errorlist" in content
    assert "Nuorten verkosto" in content


def test_without_ties_the_map_says_so(as_role, area):
    assert "Yksikään jäsenyys ei vastaa rajauksia." in as_role("public").get(URL).content.decode()


def test_map_refuses_post(as_role, area):
    assert as_role("public").post(URL).status_code == 405
