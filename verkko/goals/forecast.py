"""A projection of an indicator to its next target period: pure functions over plain values.

The method continues the recent change and keeps the seasons of monthly and quarterly series:
the projection for a period is the value of the same month (or quarter) in the latest year
reported, plus the mean year-on-year change of the last twelve months (four quarters) for each
year ahead. A yearly series continues the mean yearly change of its last three years.

Enough history: for monthly series 24 consecutive months (twelve year-on-year changes), for
quarterly 8 quarters, for yearly 4 years (three yearly changes); otherwise there is no forecast.
"""

import math
from dataclasses import dataclass

from verkko.goals.status import sign

PERIODS_PER_YEAR = {"M": 12, "Q": 4, "Y": 1}
YEARLY_CHANGES_AVERAGED = 3
MONTHLY_METHOD = "year_on_year_12m"
QUARTERLY_METHOD = "year_on_year_4q"
YEARLY_METHOD = "yearly_3y"


@dataclass(frozen=True)
class Forecast:
    method: str  # one of the *_METHOD names; the page names it in words
    based_on: object  # the latest reported period (a date)
    yearly_change: float  # the mean change over a year, in the indicator's unit
    target_period: object
    target: float
    projected: float
    on_course: bool


def _index(day, per_year):
    return (day.year * 12 + day.month - 1) // (12 // per_year)


def next_target(targets, after):
    """The first (period, value) target after the period `after`, or None."""
    later = sorted((period, value) for period, value in targets if period > after)
    return later[0] if later else None


def forecast(*, values, targets, frequency, polarity):
    """The projection to the next target after the latest reported value, or None.

    values: [(period, value or None)]; targets: [(period, value)]; frequency "M", "Q" or "Y".
    """
    per_year = PERIODS_PER_YEAR[frequency]
    reported = {_index(period, per_year): value for period, value in values if value is not None}
    if not reported:
        return None
    last_period = max(period for period, value in values if value is not None)
    last = _index(last_period, per_year)
    upcoming = next_target(targets, last_period)
    if upcoming is None:
        return None
    target_period, target_value = upcoming
    ahead = _index(target_period, per_year) - last
    if per_year > 1:
        pairs = [(last - k, last - k - per_year) for k in range(per_year)]
        if any(later not in reported or earlier not in reported for later, earlier in pairs):
            return None
        yearly_change = sum(reported[later] - reported[earlier] for later, earlier in pairs) / per_year
        years = math.ceil(ahead / per_year)
        same_season = _index(target_period, per_year) - years * per_year
        projected = reported[same_season] + years * yearly_change
        method = MONTHLY_METHOD if per_year == 12 else QUARTERLY_METHOD
    else:
        span = range(last - YEARLY_CHANGES_AVERAGED, last + 1)
        if any(year not in reported for year in span):
            return None
        yearly_change = (reported[last] - reported[last - YEARLY_CHANGES_AVERAGED]) / YEARLY_CHANGES_AVERAGED
        projected = reported[last] + ahead * yearly_change
        method = YEARLY_METHOD
    return Forecast(
        method=method,
        based_on=last_period,
        yearly_change=yearly_change,
        target_period=target_period,
        target=target_value,
        projected=projected,
        on_course=sign(polarity) * (projected - target_value) >= 0,
    )
