"""Downloads of the charts: CSV and XLSX with exactly the rows of the chart's table on the page."""

import csv
import io

import pytest
from openpyxl import load_workbook

from verkko.ecosystem.models import ReferenceArea
from verkko.ecosystem.tests.factories import MunicipalityFactory
from verkko.situation import demo
from verkko.situation.tests.conftest import LATEST, add_figures


def _csv_rows(response):
    text = response.content.decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def _as_csv(columns, rows):
    return [[str(c) for c in columns]] + [["" if cell is None else str(cell) for cell in row] for row in rows]


def _link(entry, label):
    return dict(entry["downloads"])[label]


def test_trend_download_holds_the_rows_of_the_chart_table(client, table):
    page = client.get("/fi/oulu/situation/", {"measure": "TYOTOSUUS", "years": "5"})
    chart = page.context["trend"]["chart"]

    response = client.get(_link(page.context["trend"], "CSV"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert _csv_rows(response) == _as_csv(chart["columns"], chart["rows"])
    assert ["10/2026", "12.2", "11.5", ""] in _csv_rows(response)


def test_seasonal_download_as_xlsx_holds_the_rows_of_the_chart_table(client, table):
    page = client.get("/fi/oulu/situation/")
    chart = page.context["seasonal"]["chart"]

    response = client.get(_link(page.context["seasonal"], "XLSX"))

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        list(chart["columns"]),
        *[[cell if cell not in ("",) else None for cell in row] for row in chart["rows"]],
    ]


def test_municipality_download_marks_the_suppressed_cell(client, table):
    page = client.get("/fi/oulu/situation/municipalities/", {"measure": "TYOTTOMATULK"})
    chart = page.context["by_municipality"]["chart"]

    rows = _csv_rows(client.get(_link(page.context["by_municipality"], "CSV")))

    assert rows == _as_csv(chart["columns"], chart["rows"])
    kempele = next(row for row in rows if row[0] == "Kempele")
    assert kempele[1] == ""
    assert kempele[-1] == "salattu tai puuttuu"


def test_area_comparison_download_holds_the_compared_areas(client, table, area):
    reference = ReferenceArea.objects.create(code="24", name_fi="Oulun seutu")
    rovaseutu = ReferenceArea.objects.create(code="38", name_fi="Rovaseutu")
    area.municipalities.update(reference_area=reference)
    area.reference_area = reference
    area.save()
    MunicipalityFactory(code="698", name_fi="Rovaniemi", area=None, reference_area=rovaseutu)
    add_figures(table, {"KU698": {"TYOTTOMATLOPUSSA": {LATEST: 3000}}})
    page = client.get("/fi/oulu/situation/municipalities/")
    chart = page.context["comparison"]["chart"]

    rows = _csv_rows(client.get(_link(page.context["comparison"], "CSV")))

    assert rows == _as_csv(chart["columns"], chart["rows"])
    assert ["Oulun seutu", "10900", "tämä työllisyysalue"] in rows
    assert ["Rovaseutu", "3000", ""] in rows


def test_municipality_page_download_holds_that_municipalitys_rows(client, table):
    page = client.get("/fi/oulu/situation/244/")
    chart = page.context["trend"]["chart"]

    rows = _csv_rows(client.get(_link(page.context["trend"], "CSV")))

    assert rows == _as_csv(chart["columns"], chart["rows"])
    assert rows[0][1] == "Kempele"


def test_unknown_chart_or_format_is_not_found(client, table):
    assert client.get("/fi/oulu/situation/download/pie.csv").status_code == 404
    assert client.get("/fi/oulu/situation/download/trend.pdf").status_code == 404
    assert client.get("/fi/oulu/situation/download/trend.csv", {"municipality": "999"}).status_code == 404


def test_download_without_statistics_is_not_found(client, area):
    assert client.get("/fi/oulu/situation/download/trend.csv").status_code == 404


def test_download_refuses_writes(client, table):
    assert client.post("/fi/oulu/situation/download/trend.csv").status_code == 405


@pytest.mark.parametrize("measure", ["EIOLE", ""])
def test_download_with_a_bad_measure_falls_back_to_the_default(client, table, measure):
    rows = _csv_rows(client.get("/fi/oulu/situation/download/trend.csv", {"measure": measure}))

    assert rows[0] == ["Kuukausi", "Oulun työllisyysalue", "Huomautus"]


def test_the_trend_covers_five_years_of_months_unless_more_are_asked_for(client, area):
    demo.load_table(io.StringIO(), latest=LATEST)  # seven years of invented months

    five_years = client.get("/fi/oulu/situation/").context["trend"]["chart"]["rows"]
    ten_years = client.get("/fi/oulu/situation/", {"years": "10"}).context["trend"]["chart"]["rows"]

    assert len(five_years) == 60
    assert (five_years[0][0], five_years[-1][0]) == ("11/2021", "10/2026")
    assert len(ten_years) == 84  # every month there is
