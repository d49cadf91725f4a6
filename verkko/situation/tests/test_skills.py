"""The skills-needs page: vacancies and unemployed job seekers by occupation (table 12ti) summed
over the member municipalities, vacancies per unemployed job seeker from the summed parts,
incomplete marks, the order by shortage, provenance and downloads equal to the page."""

import csv
import io

import pytest
from openpyxl import load_workbook

from verkko.situation import skills
from verkko.situation.figures import Place
from verkko.situation.tests.conftest import ROLES
from verkko.situation.tests.skills_tables import store_skills_table
from verkko.stats.models import Table

NBSP = "\xa0"
URL = "/fi/oulu/situation/skills/"


@pytest.fixture
def skills_table(area):
    return store_skills_table()


def _line(content, code):
    return content.split(f'id="occupation-{code}"')[1].split("</tr>")[0]


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))


def _needs(area, **kwargs):
    from django.contrib.auth.models import AnonymousUser

    return skills.skills_needs(Place.of_area(area), user=AnonymousUser(), area=area, **kwargs)


def test_the_layout_is_read_from_the_table_by_role_and_label(skills_table):
    found = skills.layout(skills_table)

    assert found.occupation == "ammatti_2010"
    assert found.vacancies == "AVPAIKATLOPUSSA"
    assert found.unemployed == "TYOTTOMATLOPUSSA"
    assert found.totals == {"sukupuoli": "SSS"}
    assert list(found.labels) == ["2", "21", "25", "5", "7"]  # no total, no three-digit group, no unknown


def test_counts_are_sums_of_the_member_municipalities_of_the_latest_month(area, skills_table):
    result = _needs(area)
    lines = {line.code: line for line in result.lines}

    assert result.period_label == "10/2026"
    assert lines["2"].vacancies.value == 450  # 400 + 50, men never summed in
    assert lines["2"].unemployed.value == 225
    assert lines["5"].vacancies.value == 560
    assert lines["5"].unemployed.value == 1140
    assert all(lines[code].complete for code in ("2", "25", "5", "7"))


def test_vacancies_per_unemployed_job_seeker_comes_from_the_summed_parts(area, skills_table):
    lines = {line.code: line for line in _needs(area).lines}

    assert lines["2"].ratio.value == pytest.approx(450 / 225)
    assert lines["25"].ratio.value == pytest.approx(120 / 125)  # not the mean of 1,00 and 0,80
    assert lines["5"].ratio.value == pytest.approx(560 / 1140)
    assert lines["2"].country_ratio.value == pytest.approx(1.5)


def test_a_suppressed_cell_makes_the_sum_and_the_ratio_incomplete(area, skills_table):
    line = next(line for line in _needs(area).lines if line.code == "21")

    assert line.vacancies.value == 330
    assert line.vacancies.complete
    assert line.unemployed.value == 100
    assert not line.unemployed.complete
    assert line.ratio.value == pytest.approx(3.0)  # Oulu's 300 / 100 alone: Kempele lacks a part
    assert not line.ratio.complete


def test_the_page_shows_the_figures_in_finnish_formats_and_marks_the_incomplete(client, skills_table):
    content = client.get(URL).content.decode()

    assert "Osaamistarpeet" in content
    assert "10/2026" in content
    line = _line(content, "5")
    assert "560" in line
    assert f"1{NBSP}140" in line
    assert "0,49" in line
    assert "0,40" in line  # the whole country beside it
    incomplete = _line(content, "21")
    assert "vajaa" in incomplete
    assert "3,00" in incomplete
    assert "vajaa" not in _line(content, "2")


def test_the_order_of_the_classification_by_default(client, skills_table):
    content = client.get(URL).content.decode()

    positions = [content.index(f'id="occupation-{code}"') for code in ("2", "21", "25", "5", "7")]
    assert positions == sorted(positions)


def test_sorted_by_ratio_the_shortest_occupations_come_first(client, skills_table):
    content = client.get(URL, {"sort": "ratio"}).content.decode()

    positions = [content.index(f'id="occupation-{code}"') for code in ("21", "2", "25", "7", "5")]
    assert positions == sorted(positions)


def test_a_member_municipality_and_the_whole_country(client, skills_table):
    kempele = client.get(URL, {"place": "244"}).content.decode()
    country = client.get(URL, {"place": "SSS"}).content.decode()

    assert "Osaamistarpeet: Kempele" in kempele
    assert "2,00" in _line(kempele, "2")  # 50 / 25
    assert "–" in _line(kempele, "21")  # Kempele's unemployed are suppressed: no ratio
    assert f"50{NBSP}000" in _line(country, "5")
    assert "0,40" in _line(country, "5")


@pytest.mark.parametrize(
    ("language", "heading", "ratio"),
    [("fi", "Osaamistarpeet", "0,49"), ("sv", "Kompetensbehov", "0,49"), ("en", "Skills needs", "0.49")],
)
def test_the_page_in_three_languages(client, skills_table, language, heading, ratio):
    content = client.get(f"/{language}/oulu/situation/skills/").content.decode()

    assert heading in content
    assert ratio in _line(content, "5")


def test_provenance_names_the_table_cells_and_month(client, skills_table):
    content = client.get(URL).content.decode()
    provenance = content.split('class="provenance"')[1].split("</details>")[0]

    assert "12ti" in provenance
    assert "KU244, KU564, SSS" in provenance
    assert "AVPAIKATLOPUSSA, TYOTTOMATLOPUSSA" in provenance
    assert "2026M10" in provenance


@pytest.mark.parametrize("query", [{}, {"sort": "ratio"}, {"place": "244"}])
def test_the_csv_download_is_the_table_on_the_page(client, skills_table, query):
    response = client.get("/fi/oulu/situation/skills/download.csv", query)
    rows = _csv_rows(response)
    content = client.get(URL, query).content.decode()

    assert rows[0][:5] == [
        "Ammattikoodi",
        "Ammatti",
        "Avoimet työpaikat",
        "Työttömät työnhakijat",
        "Avoimia työpaikkoja työtöntä työnhakijaa kohden",
    ]
    shown = [part.split('"')[0] for part in content.split('id="occupation-')[1:]]
    assert [row[0] for row in rows[1:]] == shown
    assert "attachment" in response["Content-Disposition"]


def test_the_xlsx_download_has_the_numbers_as_numbers(client, skills_table):
    response = client.get("/fi/oulu/situation/skills/download.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}

    assert rows["5"][2] == 560
    assert rows["5"][3] == 1140
    assert rows["5"][4] == pytest.approx(0.49)
    assert "vajaa" in rows["21"][7]


def test_an_invented_table_is_marked_invented(client, area):
    store_skills_table(source=Table.Source.DEMO)

    assert "keksittyjä esimerkkilukuja" in client.get(URL).content.decode()


def test_a_real_table_replaces_the_invented_one(client, area):
    store_skills_table(source=Table.Source.DEMO)
    real = store_skills_table(source=Table.Source.STATFIN)

    content = client.get(URL).content.decode()
    assert skills.skills_table() == real
    assert "keksittyjä esimerkkilukuja" not in content
    assert "Tilastokeskus" in content.split('class="provenance"')[1]


def test_without_the_table_the_page_says_so_and_the_download_is_not_found(client, area):
    assert "ei ole vielä tuotu" in client.get(URL).content.decode()
    assert client.get("/fi/oulu/situation/skills/download.csv").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_page(client_as, skills_table, role):
    assert client_as(role).get(URL).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_a_wrong_method_is_not_allowed(client, skills_table, method):
    assert getattr(client, method)(URL).status_code == 405
    assert getattr(client, method)("/fi/oulu/situation/skills/download.csv").status_code == 405


@pytest.mark.parametrize("query", [{"place": "678"}, {"place": "nowhere"}, {"sort": "size"}])
def test_bad_filters_are_refused_with_their_errors(client, skills_table, query):
    page = client.get(URL, query)
    download = client.get("/fi/oulu/situation/skills/download.csv", query)

    assert page.status_code == 400
    assert "error-summary" in page.content.decode()
    assert download.status_code == 400


def test_another_areas_municipality_is_not_a_place_of_this_area(client, skills_table, other_area):
    assert client.get(URL, {"place": "678"}).status_code == 400


@pytest.mark.parametrize(
    ("language", "name"), [("fi", "Erityisasiantuntijat"), ("sv", "Specialister"), ("en", "Professionals")]
)
def test_main_groups_are_named_in_the_pages_language(client, skills_table, language, name):
    line = _line(client.get(f"/{language}/oulu/situation/skills/").content.decode(), "2")

    assert name in line.split("</th>")[0]
