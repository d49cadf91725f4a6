"""The actual values of indicators, read at view time so that new statistics show up by themselves,
and their status through the rules in status.py."""

from dataclasses import dataclass

from verkko.goals import status
from verkko.goals.models import Indicator
from verkko.stats import periods
from verkko.stats.aggregation import area_ratio, area_totals, preferred_table
from verkko.stats.models import Observation


@dataclass(frozen=True)
class Value:
    period: object  # date of the period's first day
    value: float | None
    complete: bool = True


def _area_codes(area):
    return [municipality.statfin_code for municipality in area.municipalities.all()]


def _figures(table, indicator, area_codes):
    if indicator.denominator_code:
        return area_ratio(table, indicator.measure_code, indicator.denominator_code, area_codes)
    return area_totals(table, indicator.measure_code, area_codes)


def values_of(indicator):
    """[Value] in period order: from the statistics tables, or those entered by hand."""
    if indicator.source == Indicator.Source.SERIES:
        if indicator.series_id is None:
            return []
        return [
            Value(period, value, value is not None)
            for period, value in Observation.objects.filter(series_id=indicator.series_id)
            .order_by("period")
            .values_list("period", "value")
        ]
    if indicator.source == Indicator.Source.AREA:
        table = preferred_table(indicator.table_id)
        area = indicator.statistics_area or indicator.area
        if table is None or not indicator.measure_code:
            return []
        return [Value(row.period, row.value, row.complete) for row in _figures(table, indicator, _area_codes(area))]
    return [
        Value(period, value) for period, value in indicator.values.order_by("period").values_list("period", "value")
    ]


def values_by_municipality(indicator):
    """{municipality: [Value]} for an employment-area figure; empty for other sources."""
    if indicator.source != Indicator.Source.AREA:
        return {}
    table = preferred_table(indicator.table_id)
    if table is None or not indicator.measure_code:
        return {}
    area = indicator.statistics_area or indicator.area
    return {
        municipality: [
            Value(row.period, row.value, row.complete)
            for row in _figures(table, indicator, [municipality.statfin_code])
        ]
        for municipality in area.municipalities.all()
    }


def targets_of(indicator):
    return [(target.period, target.value) for target in indicator.targets.all()]


def source_of(indicator):
    """Where the figures come from, for "every figure can say where it came from"."""
    if indicator.source == Indicator.Source.SERIES and indicator.series_id:
        return indicator.series.table
    if indicator.source == Indicator.Source.AREA:
        return preferred_table(indicator.table_id)
    return None


def assess(indicator, values=None, at=None):
    """The indicator's status at its latest reported period, or, for a report on the day `at`, at the
    period containing that day. Figures come out after their period ends, so until the period
    containing `at` is reported the one before it stands in; with neither there is no data."""
    values = values_of(indicator) if values is None else values
    pairs = [(value.period, value.value) for value in values]
    if at is None:
        period = status.latest_period(pairs)
    else:
        current = periods.containing(at, indicator.frequency)
        previous = periods.containing(periods.shift_months(current, -1), indicator.frequency)
        latest = status.latest_period(pairs, up_to=current)
        period = latest if latest is not None and latest >= previous else current
    if period is None:
        return status.Assessment(status.NO_DATA, None, None, None, None, None, None, None, None)
    return status.assess(
        polarity=indicator.polarity,
        baseline=indicator.baseline,
        targets=targets_of(indicator),
        values=pairs,
        period=period,
    )
