"""The forecast to the next target, against values worked out by hand."""

from datetime import date

from verkko.goals import forecast
from verkko.goals.status import HIGHER, LOWER


def _months(first_year, count, value_of):
    periods = [date(first_year + (m // 12), m % 12 + 1, 1) for m in range(count)]
    return [(period, value_of(index, period)) for index, period in enumerate(periods)]


def _seasonal(index, period):
    """100 + 1 a month, and 10 more every July: every year-on-year change is +12."""
    return 100.0 + index + (10.0 if period.month == 7 else 0.0)


VALUES = _months(2024, 24, _seasonal)  # 1/2024–12/2025


def test_monthly_projection_keeps_the_season_and_continues_the_yearly_change():
    # July 2025 was 100 + 18 + 10 = 128; one year ahead at +12 a year: 140.
    found = forecast.forecast(values=VALUES, targets=[(date(2026, 7, 1), 140.0)], frequency="M", polarity=HIGHER)
    assert found.method == forecast.MONTHLY_METHOD
    assert found.based_on == date(2025, 12, 1)
    assert found.yearly_change == 12.0
    assert found.projected == 140.0
    assert found.on_course  # 140 reaches 140
    # March 2027 is two years on from March 2025 (100 + 14 = 114): 114 + 24 = 138.
    later = forecast.forecast(values=VALUES, targets=[(date(2027, 3, 1), 139.0)], frequency="M", polarity=HIGHER)
    assert later.projected == 138.0
    assert not later.on_course


def test_lower_is_better_is_on_course_when_the_projection_is_at_or_below_the_target():
    found = forecast.forecast(values=VALUES, targets=[(date(2026, 7, 1), 145.0)], frequency="M", polarity=LOWER)
    assert (found.projected, found.on_course) == (140.0, True)
    found = forecast.forecast(values=VALUES, targets=[(date(2026, 7, 1), 139.0)], frequency="M", polarity=LOWER)
    assert found.on_course is False


def test_the_next_target_is_the_first_after_the_latest_value():
    targets = [(date(2025, 12, 1), 1.0), (date(2026, 1, 1), 130.0), (date(2027, 1, 1), 1.0)]
    found = forecast.forecast(values=VALUES, targets=targets, frequency="M", polarity=HIGHER)
    # January 2025 was 112; one year on: 124.
    assert (found.target_period, found.target, found.projected) == (date(2026, 1, 1), 130.0, 124.0)


def test_not_enough_history_gives_no_forecast():
    targets = [(date(2026, 7, 1), 140.0)]
    assert forecast.forecast(values=VALUES[1:], targets=targets, frequency="M", polarity=HIGHER) is None
    gap = VALUES[:20] + [(VALUES[20][0], None)] + VALUES[21:]
    assert forecast.forecast(values=gap, targets=targets, frequency="M", polarity=HIGHER) is None
    assert forecast.forecast(values=[], targets=targets, frequency="M", polarity=HIGHER) is None
    assert forecast.forecast(values=VALUES, targets=[(date(2025, 1, 1), 1.0)], frequency="M", polarity=HIGHER) is None


def test_quarterly_projection():
    # Quarters 1/2024–4/2025: 40, 42, 41, 45, 44, 46, 45, 49; every year-on-year change +4.
    quarters = [date(2024 + q // 4, 3 * (q % 4) + 1, 1) for q in range(8)]
    values = list(zip(quarters, [40.0, 42.0, 41.0, 45.0, 44.0, 46.0, 45.0, 49.0], strict=True))
    found = forecast.forecast(values=values, targets=[(date(2026, 4, 1), 50.0)], frequency="Q", polarity=HIGHER)
    assert found.method == forecast.QUARTERLY_METHOD
    assert found.projected == 50.0  # Q2/2025 46 + 4
    assert found.on_course


def test_yearly_projection_continues_the_mean_change_of_three_years():
    values = [(date(2021, 1, 1), 30.0), (date(2022, 1, 1), 27.0), (date(2023, 1, 1), 26.0), (date(2024, 1, 1), 24.0)]
    # Changes −3, −1, −2: mean −2 a year; two years on from 24: 20.
    found = forecast.forecast(values=values, targets=[(date(2026, 1, 1), 21.0)], frequency="Y", polarity=LOWER)
    assert (found.method, found.projected, found.on_course) == (forecast.YEARLY_METHOD, 20.0, True)
    assert (
        forecast.forecast(values=values[1:], targets=[(date(2026, 1, 1), 21.0)], frequency="Y", polarity=LOWER) is None
    )
