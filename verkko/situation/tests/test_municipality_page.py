"""The page of one municipality: /fi/<area>/situation/<code>/."""

import pytest

from verkko.ecosystem.tests.factories import MunicipalityFactory
from verkko.situation.tests.conftest import LATEST, add_figures

NBSP = "\xa0"


def test_municipality_page_shows_its_own_figures_beside_the_country(client, table):
    response = client.get("/fi/oulu/situation/244/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Tilannekuva: Kempele" in content
    assert "10,0&nbsp;%" in content  # 900 / 9 000
    assert f"310{NBSP}000" in content
    assert "KU244" in content


def test_a_suppressed_municipal_cell_shows_as_missing(client, table):
    content = client.get("/fi/oulu/situation/244/").content.decode()

    card = content.split("<h3>Ulkomaalaiset työttömät</h3>")[1].split("</li>")[0]
    assert "–" in card  # Kempele's October figure is suppressed


def test_the_rate_trend_of_a_municipality_shows_its_area_and_the_country(client, table):
    content = client.get("/fi/oulu/situation/564/", {"measure": "TYOTOSUUS"}).content.decode()

    assert "Oulun työllisyysalue" in content
    assert "Koko maa" in content


def test_unknown_municipality_is_not_found(client, table):
    assert client.get("/fi/oulu/situation/999/").status_code == 404


def test_bad_filters_are_reported_on_the_municipality_page(client, table):
    response = client.get("/fi/oulu/situation/564/", {"years": "kaikki"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_municipality_page_refuses_writes(client, table, method):
    assert getattr(client, method)("/fi/oulu/situation/564/").status_code == 405


def test_a_municipality_that_is_not_a_member_of_the_area_is_not_found(client, table):
    MunicipalityFactory(code="091", name_fi="Helsinki", area=None)
    add_figures(table, {"KU091": {"TYOTTOMATLOPUSSA": {LATEST: 50000}, "TYOVOIMATK": {LATEST: 400000}}})

    assert client.get("/fi/oulu/situation/091/", {"measure": "TYOTOSUUS"}).status_code == 404
