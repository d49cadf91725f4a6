"""The municipality table /fi/situation/municipalities/: every municipality, and other areas to compare."""

import pytest

from verkko.ecosystem.tests.factories import EmploymentAreaFactory, MunicipalityFactory
from verkko.situation.tests.conftest import LATEST, YEAR_AGO, add_figures

NBSP = "\xa0"


def test_municipality_table_lists_each_municipality_and_the_area_total(client, table):
    response = client.get("/fi/situation/municipalities/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Kunnittain: Oulun työllisyysalue" in content
    assert f"10{NBSP}000" in content
    assert ">900<" in content
    assert f"10{NBSP}900" in content  # the area's total row
    assert "12,5" in content
    assert "10,0" in content


def test_a_suppressed_cell_shows_as_two_dots_and_the_total_as_incomplete(client, table):
    content = client.get("/fi/situation/municipalities/").content.decode()

    assert "..</abbr>" in content
    assert "vajaa" in content


def test_other_employment_areas_with_data_are_compared(client, table):
    other = EmploymentAreaFactory(name="Rovaniemen työllisyysalue", slug="rovaniemi")
    MunicipalityFactory(code="698", name_fi="Rovaniemi", area=other)
    add_figures(table, {"KU698": {"TYOTTOMATLOPUSSA": {LATEST: 3000, YEAR_AGO: 2900}}})

    content = client.get("/fi/situation/municipalities/").content.decode()

    assert "Vertailu muihin työllisyysalueisiin" in content
    assert "Rovaniemen työllisyysalue" in content
    assert "Työttömät työnhakijat työllisyysalueittain" in content


def test_without_other_areas_there_is_nothing_to_compare(client, table):
    content = client.get("/fi/situation/municipalities/").content.decode()

    assert "Taulukossa ei ole vielä lukuja muilta työllisyysalueilta" in content


def test_the_chart_shows_the_chosen_measure(client, table):
    content = client.get("/fi/situation/municipalities/", {"measure": "AVPAIKATLOPUSSA"}).content.decode()

    assert "Avoimet työpaikat kunnittain" in content


def test_a_bad_measure_is_reported(client, table):
    response = client.get("/fi/situation/municipalities/", {"measure": "EIOLE"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_unknown_area_is_not_found(client, table):
    assert client.get("/fi/situation/municipalities/", {"area": "ei-ole"}).status_code == 404


@pytest.mark.parametrize("method", ["post", "put"])
def test_municipality_table_refuses_writes(client, table, method):
    assert getattr(client, method)("/fi/situation/municipalities/").status_code == 405
