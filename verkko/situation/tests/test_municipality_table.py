"""The municipality table /fi/<area>/situation/municipalities/: every municipality, and other areas to compare."""

import pytest

from verkko.ecosystem.models import ReferenceArea
from verkko.ecosystem.tests.factories import MunicipalityFactory
from verkko.situation.tests.conftest import LATEST, OTHER_FIGURES, YEAR_AGO, add_figures

NBSP = "\xa0"


def test_municipality_table_lists_each_municipality_and_the_area_total(client, table):
    response = client.get("/fi/oulu/situation/municipalities/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Kunnittain: Oulun työllisyysalue" in content
    assert f"10{NBSP}000" in content
    assert ">900<" in content
    assert f"10{NBSP}900" in content  # the area's total row
    assert "12,5" in content
    assert "10,0" in content


def test_a_suppressed_cell_shows_as_two_dots_and_the_total_as_incomplete(client, table):
    content = client.get("/fi/oulu/situation/municipalities/").content.decode()

    assert "..</abbr>" in content
    assert "vajaa" in content


@pytest.fixture
def classification(area, other_area, table):
    """Three areas of Statistics Finland's classification: Oulu's own, the second area's and one not here.

    Oulun seutu holds the test area's municipalities; Raahe the second area's and Pyhäjoki, whose
    figures are missing; Rovaseutu (Rovaniemi) does not run on this installation.
    """
    oulun_seutu = ReferenceArea.objects.create(code="24", name_fi="Oulun seutu", name_sv="Uleåborgsregionen")
    raahe = ReferenceArea.objects.create(code="32", name_fi="Raahe", name_sv="Brahestad")
    rovaseutu = ReferenceArea.objects.create(code="38", name_fi="Rovaseutu")
    area.municipalities.update(reference_area=oulun_seutu)
    other_area.municipalities.update(reference_area=raahe)
    MunicipalityFactory(code="625", name_fi="Pyhäjoki", area=None, reference_area=raahe)
    MunicipalityFactory(code="698", name_fi="Rovaniemi", area=None, reference_area=rovaseutu)
    area.reference_area = oulun_seutu
    area.save()
    add_figures(table, OTHER_FIGURES)
    add_figures(table, {"KU698": {"TYOTTOMATLOPUSSA": {LATEST: 3000, YEAR_AGO: 2900}, "TYOVOIMATK": {LATEST: 30000}}})
    return {"oulun_seutu": oulun_seutu, "raahe": raahe, "rovaseutu": rovaseutu}


def _comparison(client, address="/fi/oulu/situation/municipalities/", **query):
    response = client.get(address, query)
    return response, {row[0]: row[1:] for row in response.context["comparison"]["chart"]["rows"]}


def test_the_areas_of_the_classification_are_compared_whether_or_not_they_run_here(client, classification):
    response, rows = _comparison(client)

    content = response.content.decode()
    assert "Vertailu muihin työllisyysalueisiin" in content
    assert "Työttömät työnhakijat työllisyysalueittain" in content
    assert rows == {
        "Oulun seutu": [10900, "tämä työllisyysalue"],  # a sum over its municipalities
        "Raahe": [5300, "vajaa: 2/3 kuntaa"],  # Pyhäjoki's figure is missing
        "Rovaseutu": [3000, ""],  # not running here, compared all the same
    }


def test_a_rate_of_an_area_is_computed_from_its_summed_parts(client, classification):
    _response, rows = _comparison(client, measure="TYOTOSUUS")

    assert rows["Oulun seutu"] == [12.2, "tämä työllisyysalue"]  # 10 900 / 89 000, not the mean of 12,5 and 10,0
    assert rows["Raahe"] == [9.8, "vajaa: 2/3 kuntaa"]  # 5 300 / 54 000
    assert rows["Rovaseutu"] == [10.0, ""]


def test_the_page_marks_its_own_area_and_the_chart_shows_it(client, classification):
    response, _rows = _comparison(client)

    values = response.context["comparison"]["chart"]["spec"]["data"]["values"]
    assert {value["area"] for value in values if value["current"]} == {"Oulun seutu"}


def test_another_area_running_here_is_linked_in_its_own_address(client, classification, other_area):
    other_area.reference_area = classification["raahe"]
    other_area.save()

    oulu, _rows = _comparison(client)
    rannikko, rows = _comparison(client, "/fi/rannikko/situation/municipalities/")

    assert 'href="/fi/rannikko/situation/municipalities/">Rannikon työllisyysalue</a>' in oulu.content.decode()
    assert "Rovaseutu</a>" not in oulu.content.decode()  # not running here: no page to link to
    assert rows["Raahe"] == [5300, "tämä työllisyysalue; vajaa: 2/3 kuntaa"]
    assert rows["Oulun seutu"] == [10900, ""]
    assert 'href="/fi/oulu/situation/municipalities/">Oulun työllisyysalue</a>' in rannikko.content.decode()


def test_an_area_without_a_place_in_the_classification_is_compared_but_not_marked(client, classification):
    _response, rows = _comparison(client, "/fi/rannikko/situation/municipalities/")

    assert all("tämä työllisyysalue" not in note for _value, note in rows.values())


def test_without_the_classification_there_is_nothing_to_compare(client, table):
    content = client.get("/fi/oulu/situation/municipalities/").content.decode()

    assert "Taulukossa ei ole vielä lukuja muilta työllisyysalueilta" in content


def test_the_chart_shows_the_chosen_measure(client, table):
    content = client.get("/fi/oulu/situation/municipalities/", {"measure": "AVPAIKATLOPUSSA"}).content.decode()

    assert "Avoimet työpaikat kunnittain" in content


def test_a_bad_measure_is_reported(client, table):
    response = client.get("/fi/oulu/situation/municipalities/", {"measure": "EIOLE"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_unknown_area_is_not_found(client, table):
    assert client.get("/fi/ei-ole/situation/municipalities/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put"])
def test_municipality_table_refuses_writes(client, table, method):
    assert getattr(client, method)("/fi/oulu/situation/municipalities/").status_code == 405
