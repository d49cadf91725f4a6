"""All job seekers, people in services and the activation rate on the area page, the municipality
table and in the trends: sums of several contents and a rate from the summed parts.

October 2026 (a year earlier): Oulu has 18 000 job seekers and 2 000 people in services
(1 700), Kempele 1 700 and 200 (its work and training trials of a year earlier suppressed).
"""

import pytest

from verkko.situation.figures import Place, key_figures, series_of
from verkko.situation.measures import ACTIVATION, PEOPLE_IN_SERVICES
from verkko.situation.tests.conftest import LATEST, YEAR_AGO, add_figures
from verkko.situation.tests.test_area_page import _cards

NBSP = "\xa0"
SERVICES = ["TYOLLISTETTYLOP", "TYOHARJOITTELULOP", "KOKEILULOP", "TVKOULUTUSLOP", "VALMENNUSLOP", "MTPPALVELUTLOP"]


def _services(latest, year_ago):
    return {code: {LATEST: now, YEAR_AGO: before} for code, now, before in zip(SERVICES, latest, year_ago, strict=True)}


SERVICE_FIGURES = {
    "KU564": {
        "HAKIJALOPUSSA": {LATEST: 18000, YEAR_AGO: 17000},
        **_services([600, 100, 50, 700, 300, 250], [500, 100, 40, 600, 260, 200]),
    },
    "KU244": {
        "HAKIJALOPUSSA": {LATEST: 1700, YEAR_AGO: 1650},
        **_services([60, 10, 5, 70, 35, 20], [50, 10, None, 60, 30, 20]),
    },
    "SSS": {
        "HAKIJALOPUSSA": {LATEST: 560000, YEAR_AGO: 540000},
        **_services([12000, 2000, 1000, 15000, 6000, 4000], [11000, 2000, 1000, 14000, 6000, 4000]),
    },
}
AREA = Place("Oulu", ("KU244", "KU564"), "area")


@pytest.fixture
def services_table(table):
    add_figures(table, SERVICE_FIGURES)
    return table


def test_all_job_seekers_are_summed_beside_the_unemployed(client, services_table):
    card = _cards(client.get("/fi/oulu/situation/").content.decode())["Kaikki työnhakijat"]

    assert f"19{NBSP}700" in card  # 18 000 + 1 700
    assert "+1\xa0050" in card  # on 17 000 + 1 650
    assert f"560{NBSP}000" in card
    assert "HAKIJALOPUSSA" in card  # its provenance


def test_people_in_services_sum_the_service_contents_and_mark_a_suppressed_part(services_table):
    figure = next(f for f in key_figures(services_table, AREA, LATEST, [PEOPLE_IN_SERVICES]))

    assert figure.current.value == 2200  # 2 000 in Oulu + 200 in Kempele
    assert figure.current.complete
    assert figure.year_ago.value == 1870  # Kempele's trials of a year earlier are suppressed
    assert not figure.year_ago.complete
    assert figure.country.value == 40000


def test_activation_rate_is_computed_from_the_summed_parts(services_table):
    figure = next(f for f in key_figures(services_table, AREA, LATEST, [ACTIVATION]))

    assert figure.current.value == pytest.approx(100 * 2200 / (10900 + 2200))  # not the mean of the municipalities'
    assert figure.current.complete
    # A year earlier Kempele lacks a part, so only Oulu counts: 1 700 / (9 000 + 1 700), marked incomplete.
    assert figure.year_ago.value == pytest.approx(100 * 1700 / 10700)
    assert not figure.year_ago.complete
    assert figure.country.value == pytest.approx(100 * 40000 / 350000)


def test_activation_rate_card_shows_the_rate_and_its_definition(client, services_table):
    card = _cards(client.get("/fi/oulu/situation/").content.decode())["Aktivointiaste"]

    assert "16,8&nbsp;%" in card  # 2 200 / 13 100
    assert "11,4&nbsp;%" in card  # the whole country: 40 000 / 350 000
    assert "palveluissa olevat / (työttömät työnhakijat + palveluissa olevat) × 100" in card
    assert "TYOLLISTETTYLOP, TYOHARJOITTELULOP, KOKEILULOP" in card  # every cell it reads
    assert "MTPPALVELUTLOP, TYOTTOMATLOPUSSA" in card


@pytest.mark.parametrize(
    ("language", "label", "definition"),
    [
        ("sv", "Aktiveringsgrad", "personer i tjänster / (arbetslösa arbetssökande + personer i tjänster)"),
        ("en", "Activation rate", "people in services / (unemployed job seekers + people in services)"),
    ],
)
def test_activation_rate_is_defined_in_every_language(client, services_table, language, label, definition):
    content = client.get(f"/{language}/oulu/situation/").content.decode()

    assert f"<h3>{label}</h3>" in content
    assert definition in content


def test_municipality_table_has_the_services_of_each_municipality(client, services_table):
    content = client.get("/fi/oulu/situation/municipalities/").content.decode()

    assert "Aktivointiaste" in content
    assert "Palveluissa olevat" in content
    assert "18,2" in content  # Kempele: 200 / (900 + 200)
    assert "16,7" in content  # Oulu: 2 000 / (10 000 + 2 000)


def test_trend_of_people_in_services_marks_the_incomplete_month(services_table):
    trend = dict(series_of(services_table, PEOPLE_IN_SERVICES, AREA.area_codes, YEAR_AGO))

    assert trend[LATEST].value == 2200
    assert trend[LATEST].complete
    assert trend[YEAR_AGO].value == 1870
    assert not trend[YEAR_AGO].complete


def test_activation_rate_chart_downloads_as_shown(client, services_table):
    response = client.get("/fi/oulu/situation/download/trend.csv", {"measure": "AKTIVOINTIASTE", "years": "5"})

    assert response.status_code == 200
    assert "10/2026,16.8" in response.content.decode()
