"""The actual values of indicators, read at view time so that new statistics show up by themselves,
and their status through the rules in status.py."""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone

from verkko.goals import status
from verkko.goals.models import Indicator, IndicatorValue
from verkko.stats import figures, periods
from verkko.stats.figures import preferred_table
from verkko.stats.models import Observation
from verkko.stats.provenance import Provenance


@dataclass(frozen=True)
class Value:
    period: object  # date of the period's first day
    value: float | None
    complete: bool = True


def _area_codes(area):
    return [municipality.statfin_code for municipality in area.municipalities.all()]


def _measure(indicator):
    """What the figures service computes for an employment-area indicator: a count or a rate from sums."""
    if indicator.denominator_code:
        return figures.Measure.rate(indicator.measure_code, indicator.measure_code, indicator.denominator_code)
    return figures.Measure.count(indicator.measure_code)


def _series(result, place, measure):
    return [Value(figure.period, figure.value, figure.complete) for figure in result.series(place, measure.code)]


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
        measure = _measure(indicator)
        return _series(figures.place_figures(table, [measure], _area_codes(area)), "here", measure)
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
    municipalities = list(area.municipalities.all())
    measure = _measure(indicator)
    result = figures.figures(table, [measure], {m.statfin_code: (m.statfin_code,) for m in municipalities})
    return {municipality: _series(result, municipality.statfin_code, measure) for municipality in municipalities}


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
        # Nothing reported yet: the status is "no data", but the target it will be measured against
        # is known and shown.
        reference = periods.containing(at or timezone.localdate(), indicator.frequency)
        target = status.target_for(targets_of(indicator), reference)
        return status.Assessment(
            status.NO_DATA, None, None, None, target and target[1], target and target[0], None, None, None
        )
    return status.assess(
        polarity=indicator.polarity,
        baseline=indicator.baseline,
        targets=targets_of(indicator),
        values=pairs,
        period=period,
    )


def _period_span(values, frequency):
    reported = [value.period for value in values if value.value is not None]
    if not reported:
        return ()
    first, last = periods.code(min(reported), frequency), periods.code(max(reported), frequency)
    return (first,) if first == last else (f"{first}–{last}",)


def provenance_of(indicator, values):
    """Where the indicator's figures come from, as plain values (verkko.stats.provenance): the
    table, its cells (areas, contents, periods), when it was updated at source and fetched; or,
    for values entered by hand, when they were last changed here. None without any source."""
    if indicator.is_statistical:
        table = source_of(indicator)
        if table is None:
            return None
        if indicator.source == Indicator.Source.SERIES:
            area_codes, contents = (indicator.series.area_code,), (indicator.series.measure_code,)
        else:
            area_codes = tuple(sorted(_area_codes(indicator.statistics_area or indicator.area)))
            contents = tuple(code for code in (indicator.measure_code, indicator.denominator_code) if code)
        return Provenance(table, area_codes, contents, _period_span(values, indicator.frequency)).as_data()
    value_ids = [str(pk) for pk in indicator.values.values_list("pk", flat=True)]
    changed = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(IndicatorValue), object_pk__in=value_ids)
        .aggregate(last=Max("timestamp"))
        .get("last")
    )
    return {"manual": True, "changed_at": changed, "periods": list(_period_span(values, indicator.frequency))}
