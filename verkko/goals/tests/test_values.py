"""Indicator values: read from the statistics tables at view time, or entered by hand."""

from datetime import date

from verkko.goals import status, values
from verkko.goals.models import Indicator
from verkko.stats.models import Observation, Series


def test_area_figure_is_the_sum_of_the_municipalities(area_indicator):
    found = values.values_of(area_indicator)
    assert [(value.period, value.value) for value in found] == [
        (date(2026, 1, 1), 1100),
        (date(2026, 2, 1), 1040),
        (date(2026, 3, 1), 980),
    ]


def test_area_rate_is_computed_from_the_sums(area_indicator):
    area_indicator.denominator_code = "TYOVOIMATK"
    found = values.values_of(area_indicator)
    assert round(found[0].value, 3) == 10.0  # 1100 / 11000 × 100


def test_a_new_statistics_month_shows_up_by_itself(area_indicator):
    for series in Series.objects.filter(measure_code="TYOTTOMATLOPUSSA"):
        Observation.objects.create(series=series, period=date(2026, 4, 1), period_code="2026M04", value=400)
    assessment = values.assess(area_indicator)
    assert assessment.period == date(2026, 4, 1)
    assert assessment.actual == 800
    assert assessment.status == status.ON_TRACK


def test_series_indicator_reads_one_series(area, statistics):
    series = Series.objects.get(area_code="KU244", measure_code="TYOTTOMATLOPUSSA")
    indicator = Indicator.objects.create(
        area=area, slug="kempele", name="Kempele", source=Indicator.Source.SERIES, series=series
    )
    assert [value.value for value in values.values_of(indicator)] == [100, 90, 80]


def test_statistics_indicator_without_data_has_no_data(area):
    indicator = Indicator.objects.create(
        area=area, slug="puuttuu", name="Puuttuu", source=Indicator.Source.AREA, table_id="12r5", measure_code="X"
    )
    assert values.values_of(indicator) == []
    assert values.assess(indicator).status == status.NO_DATA


def test_values_by_municipality(area_indicator):
    by_municipality = values.values_by_municipality(area_indicator)
    assert {municipality.code: [v.value for v in found] for municipality, found in by_municipality.items()} == {
        "564": [1000, 950, 900],
        "244": [100, 90, 80],
    }


def test_manual_indicator_assessed_at_the_quarter_containing_a_day(indicator):
    assessment = values.assess(indicator, at=date(2025, 11, 15))
    assert assessment.period == date(2025, 10, 1)
    assert assessment.actual == 43.0
    # Expected 46 on the line from 40 (2025Q1) to 48 (2026Q1); gap 8, band 0.8: off track.
    assert assessment.status == status.OFF_TRACK


def test_report_uses_the_previous_quarter_until_the_current_one_is_reported(indicator):
    assessment = values.assess(indicator, at=date(2026, 2, 10))  # Q1/2026 not reported yet
    assert assessment.period == date(2025, 10, 1)
    assert assessment.actual == 43.0


def test_report_has_no_data_when_neither_the_quarter_nor_the_one_before_is_reported(indicator):
    assessment = values.assess(indicator, at=date(2026, 5, 1))
    assert assessment.status == status.NO_DATA
    assert assessment.period == date(2026, 4, 1)
