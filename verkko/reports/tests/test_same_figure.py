"""One figure reads the same on every page, chart and file: a target of 150,5 with one decimal,
and a value of 142,25 that rounds half up to 142,3."""

import io
import subprocess
from datetime import date

import pytest
from django.utils import translation
from openpyxl import load_workbook

from verkko.goals import charts, values
from verkko.goals.models import Indicator, IndicatorValue, Target
from verkko.reports import actions
from verkko.stats.periods import Period

PERIOD = "2025M11"


@pytest.fixture
def rate(area, goal, coordinator):
    indicator = Indicator.objects.create(
        area=area,
        slug="osuus",
        name="Osuus tavoitteesta",
        unit="%",
        decimals=1,
        polarity=Indicator.Polarity.HIGHER,
        frequency="Q",
        baseline_period=date(2025, 1, 1),
        baseline_value=140.0,
    )
    Target.objects.create(indicator=indicator, period=date(2026, 10, 1), value=150.5)
    for period, value in [(date(2025, 4, 1), 141.0), (date(2025, 7, 1), 144.0), (date(2025, 10, 1), 142.25)]:
        IndicatorValue.objects.create(indicator=indicator, period=period, value=value)
    goal.indicators.add(indicator)
    return indicator


def _pdf_text(content):
    output = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(output.stdout.decode().split())


@pytest.mark.parametrize("published", [False, True])
def test_the_same_target_reads_the_same_everywhere(client_for, coordinator, area, rate, published):
    if published:
        actions.publish_report(coordinator, area, Period.parse(PERIOD))
    client = client_for(None)
    indicator_page = client.get(f"/fi/oulu/indicators/{rate.slug}/").content.decode()
    report = client.get(f"/fi/oulu/reports/monitoring/{PERIOD}/").content.decode()
    pdf = _pdf_text(client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.pdf").content)
    for text in (indicator_page, report, pdf):
        assert "150,5 %" in text  # the target, with its unit
        assert "142,3 %" in text  # the latest value, rounded half up
        assert "151 %" not in text
        assert "142,2 %" not in text
    workbook = load_workbook(io.BytesIO(client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.xlsx").content))
    sheet = workbook["Mittarit"]
    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Osuus tavoitteesta")
    actual, target = row[4], row[6]
    assert (target.value, target.number_format) == (150.5, "#,##0.0")  # a number, not text
    assert (actual.value, actual.number_format) == (142.3, "#,##0.0")
    assert row[3].value == "Q4/2025"
    assert row[7].value == "Q4/2026"
    # Where the figures come from, in every format.
    for text in (indicator_page, report, pdf):
        assert "Arvot on syötetty käsin tai tuotu CSV-tiedostosta Verkossa" in text
        assert "2025Q2–2025Q4" in text
    sources = {row[0].value: row for row in workbook["Lähteet"].iter_rows(min_row=2)}
    assert sources["Osuus tavoitteesta"][5].value == "2025Q2–2025Q4"


def test_the_chart_table_and_svg_write_the_target_as_the_pages_do(rate):
    with translation.override("fi"):
        chart = charts.indicator_chart(rate, values.values_of(rate), values.targets_of(rate))
    assert ["Q4/2026", "–", "150,5"] in chart["rows"]
    assert ["Q4/2025", "142,3", "–"] in chart["rows"]
    assert "150,5" in chart["svg"]
    assert {"period": "2026-10-01", "value": 150.5, "label": "150,5"} in chart["spec"]["layer"][1]["data"]["values"]
    assert "Q1/2026" in chart["svg"] or "Q4/2025" in chart["svg"] or "Q3/2025" in chart["svg"]  # axis as the table


def test_english_and_swedish_write_the_same_figure_their_own_way(client_for, rate):
    assert "150.5 %" in client_for(None).get(f"/en/oulu/indicators/{rate.slug}/").content.decode()
    assert "150,5 %" in client_for(None).get(f"/sv/oulu/indicators/{rate.slug}/").content.decode()


def test_the_history_writes_the_target_change_as_the_pages_do(client_for, coordinator, rate):
    from verkko.goals.actions import set_target

    set_target(coordinator, rate, date(2026, 10, 1), 151.25)
    page = client_for(None).get(f"/fi/oulu/indicators/{rate.slug}/").content.decode()
    assert "150,5 % → 151,3 %" in page  # the target change, on the indicator page
    assert "→ 151.25" not in page  # (the chart's data keep the value itself)
    partner_page = client_for(coordinator).get(f"/fi/oulu/indicators/{rate.slug}/").content.decode()
    assert "coordinator@example.com" in partner_page  # partners see who changed it


def test_a_statistical_figure_says_its_table_cells_and_times_in_every_format(client_for, goal, area_indicator):
    from datetime import UTC, datetime

    area_indicator.targets.update(period=date(2026, 12, 1))
    statistics = values.source_of(area_indicator)
    statistics.updated = datetime(2026, 4, 20, 5, 0, tzinfo=UTC)
    statistics.fetched_at = datetime(2026, 4, 21, 6, 30, tzinfo=UTC)
    statistics.save()
    goal.indicators.add(area_indicator)
    client = client_for(None)
    html = client.get("/fi/oulu/reports/monitoring/2026M03/").content.decode()
    pdf = _pdf_text(client.get("/fi/oulu/reports/monitoring/2026M03.pdf").content)
    for text in (html, pdf):
        assert "12r5 Työnvälitystilasto" in text
        assert "KU244, KU564" in text
        assert "TYOTTOMATLOPUSSA" in text
        assert "20.4.2026 8.00" in text  # updated at source, Helsinki time
        assert "21.4.2026 9.30" in text  # fetched by Verkko
    workbook = load_workbook(io.BytesIO(client.get("/fi/oulu/reports/monitoring/2026M03.xlsx").content))
    row = next(row for row in workbook["Lähteet"].iter_rows(min_row=2) if row[0].value == area_indicator.name)
    assert row[1].value == "12r5 Työnvälitystilasto"
    assert (row[3].value, row[4].value) == ("KU244, KU564", "TYOTTOMATLOPUSSA")
    assert row[7].value == datetime(2026, 4, 21, 9, 30)
    assert row[7].number_format == "d.m.yyyy h:mm"
