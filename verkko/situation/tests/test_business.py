"""Business life and population on the area page and a municipality's page: sums over the member
municipalities, shares from summed parts, incomplete marks, provenance and downloads."""

import csv
import io

import pytest
from openpyxl import load_workbook

from verkko.ecosystem.tests.factories import MunicipalityFactory
from verkko.situation import business
from verkko.situation.figures import Place
from verkko.situation.tests.business_tables import store_business_tables
from verkko.situation.tests.conftest import ROLES

NBSP = "\xa0"


@pytest.fixture
def business_tables(table):
    """Table 12r5 of the shared fixtures and the three business-life tables, as imported."""
    return store_business_tables()


def _section(content, key):
    return content.split(f'id="business-{key}"')[1].split("</section>")[0]


def _row(section_html, heading):
    return section_html.split(f'<th scope="row">{heading}</th>')[1].split("</tr>")[0]


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))


def test_population_is_the_sum_of_the_member_municipalities(client, business_tables):
    population = _section(client.get("/fi/oulu/situation/").content.decode(), "population")

    row = _row(population, "Väestö")
    assert "Väestö: 2025" in population
    assert f"227{NBSP}000" in row  # 210 000 in Oulu + 17 000 in Kempele
    assert f"222{NBSP}700" in row  # a year earlier
    assert f"+4{NBSP}300" in row
    assert "+1,9" in row
    assert f"5{NBSP}652{NBSP}881" in row  # the whole country beside it
    assert f"+16{NBSP}910" in row


def test_working_age_share_is_computed_from_the_summed_age_groups(client, business_tables):
    area = business.section("population", Place("Oulu area", ("KU244", "KU564"), "area"))
    share = next(figure for figure in area.figures if figure.key == "working_age")

    assert share.current.value == pytest.approx(100 * 193_500 / 227_000)  # (150 000 + 30 000 + 12 000 + 1 500)
    assert share.current.complete
    assert share.earlier.value == pytest.approx(100 * 189_800 / 222_700)  # Kempele's 64-year-olds suppressed
    assert not share.earlier.complete
    assert share.country.value == pytest.approx(100 * 4_400_000 / 5_652_881)


def test_working_age_row_shows_the_share_and_marks_the_incomplete_year(client, business_tables):
    population = _section(client.get("/fi/oulu/situation/").content.decode(), "population")

    row = _row(population, "Työikäisten (15–64) osuus (%)")
    assert "85,2" in row
    assert "77,8" in row  # the whole country
    assert "vajaa: 2024" in row
    assert "15–64" in population  # the definition is on the page


def test_enterprise_openings_closures_and_net_change_of_the_quarter(client, business_tables):
    enterprises = _section(client.get("/fi/oulu/situation/").content.decode(), "enterprises")

    assert "2/2026" in enterprises or "II/2026" in enterprises or "2026Q2" in enterprises
    openings = _row(enterprises, "Aloittaneet yritykset")
    assert "340" in openings
    assert "315" in openings
    assert "+25" in openings
    assert "+7,9" in openings
    assert f"8{NBSP}000" in openings  # all industries only, never the industries summed in
    closures = _row(enterprises, "Lopettaneet yritykset")
    assert "220" in closures
    assert "vajaa" in closures
    net = _row(enterprises, "Yritysten nettomuutos")
    assert "120" in net
    assert "+75" in net
    assert "vajaa" in net


def test_bankruptcies_come_from_the_table_found_by_its_title(client, business_tables):
    bankruptcies = _section(client.get("/fi/oulu/situation/").content.decode(), "bankruptcies")

    row = _row(bankruptcies, "Konkurssit")
    assert "13" in row
    assert "11" in row
    assert "+2" in row
    assert "+18,2" in row
    assert "250" in row
    assert "konkurssit" in row
    assert "henkilosto" not in row


def test_a_municipality_page_shows_its_own_figures(client, business_tables):
    population = _section(client.get("/fi/oulu/situation/244/").content.decode(), "population")

    row = _row(population, "Väestö")
    assert f"17{NBSP}000" in row
    assert f"16{NBSP}700" in row
    assert "Kempele" in population


def test_every_business_figure_says_where_it_comes_from(client, business_tables):
    content = client.get("/fi/oulu/situation/").content.decode()

    population = _section(content, "population")
    assert population.count('<details class="provenance">') == 2
    assert "11re" in population
    assert "KU244, KU564, SSS" in population
    assert "vaerak-vaesto" in population
    assert "2025, 2024" in population
    assert "2026Q2, 2025Q2" in _section(content, "enterprises")
    assert "14qs" in _section(content, "bankruptcies")


@pytest.mark.parametrize(
    ("language", "heading", "label"),
    [
        ("fi", "Elinkeinoelämä ja väestö", "Väestö"),
        ("sv", "Näringsliv och befolkning", "Befolkning"),
        ("en", "Business life and population", "Population"),
    ],
)
def test_business_section_is_in_every_language(client, business_tables, language, heading, label):
    content = client.get(f"/{language}/oulu/situation/").content.decode()

    assert heading in content
    assert f'<th scope="row">{label}</th>' in content


@pytest.mark.parametrize("key", business.SECTIONS)
def test_download_holds_exactly_the_rows_of_the_table_on_the_page(client, business_tables, key):
    page = client.get("/fi/oulu/situation/")
    entry = next(entry for entry in page.context["business"] if entry["section"].key == key)
    expected = [entry["columns"], *[["" if cell is None else str(cell) for cell in row] for _, row in entry["rows"]]]

    link = dict(entry["downloads"])["CSV"]
    rows = _csv_rows(client.get(link))

    assert rows == expected
    assert len(rows) == 1 + len(entry["section"].figures)


def test_xlsx_download_of_a_municipality_holds_its_rows(client, business_tables):
    response = client.get("/fi/oulu/situation/business/download/population.xlsx", {"municipality": "244"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1][:3] == ["Väestö", 17000, 16700]


def test_csv_download_holds_the_numbers_as_computed(client, business_tables):
    rows = _csv_rows(client.get("/fi/oulu/situation/business/download/enterprises.csv"))

    assert rows[1][:5] == ["Aloittaneet yritykset", "340", "315", "25", "7.9"]
    assert rows[3][0] == "Yritysten nettomuutos"
    assert rows[3][-1] == "vajaa: 2/2026" or rows[3][-1].startswith("vajaa")


def test_a_section_without_data_says_so_and_links_coordinators_to_the_sources(client_as, table):
    public = client_as("public").get("/fi/oulu/situation/").content.decode()
    coordinator = client_as("coordinator").get("/fi/oulu/situation/").content.decode()

    assert "Tästä ei ole vielä tuotu lukuja" in _section(public, "bankruptcies")
    assert "/fi/oulu/statistics/sources/" not in public
    assert "/fi/oulu/statistics/sources/" in coordinator


def test_business_download_is_not_found_without_data(client, table):
    assert client.get("/fi/oulu/situation/business/download/bankruptcies.csv").status_code == 404


def test_business_download_of_a_municipality_of_another_area_is_not_found(client, business_tables, other_area):
    assert client.get("/fi/oulu/situation/business/download/population.csv", {"municipality": "678"}).status_code == 404


def test_business_download_answers_only_reading(client, business_tables):
    assert client.post("/fi/oulu/situation/business/download/population.csv").status_code == 405


def _queries_of_area_page(client):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fi/oulu/situation/").status_code == 200
    return len(queries)


def test_business_figures_take_as_many_queries_for_many_municipalities(client, area, business_tables):
    few = _queries_of_area_page(client)
    for code in ("425", "436", "494", "615"):
        MunicipalityFactory(code=code, area=area)

    assert _queries_of_area_page(client) == few


@pytest.mark.parametrize("role", ROLES)
def test_business_downloads_are_public_for_every_role(client_as, business_tables, role):
    assert client_as(role).get("/fi/oulu/situation/business/download/population.csv").status_code == 200


def test_business_life_is_shown_before_the_employment_service_statistics_are_imported(client, area):
    store_business_tables()

    content = client.get("/fi/oulu/situation/").content.decode()

    assert "Tilastoja ei ole vielä tuotu." in content
    assert f"227{NBSP}000" in _section(content, "population")


def test_area_page_with_business_life_keeps_to_its_query_budget(client, business_tables, django_assert_max_num_queries):
    # The business-life part adds a fixed number per table (its latest period, two sums per figure
    # for the place and the country), never one per municipality; the second visit reads the cache.
    with django_assert_max_num_queries(35):
        client.get("/fi/oulu/situation/")
    with django_assert_max_num_queries(12):
        client.get("/fi/oulu/situation/")


def test_business_download_takes_as_many_queries_for_many_municipalities(client, area, business_tables):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fi/oulu/situation/business/download/population.csv").status_code == 200
        return len(queries)

    few = count()
    for code in ("425", "436", "494", "615"):
        MunicipalityFactory(code=code, area=area)

    assert count() == few
