"""The actual values of indicators, read at view time so that new statistics show up by themselves,
and their status through the rules in status.py."""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone

from verkko.goals import status
from verkko.goals.models import Indicator, IndicatorValue
from verkko.stats import periods
from verkko.stats.aggregation import area_ratio, area_totals, preferred_table
from verkko.stats.models import Observation
from verkko.stats.provenance import Provenance


@dataclass(frozen=True)
class Value:
    period: object  # date of the period's first day
    value: float | None
    complete: bool = True


def _place_municipalities(indicator):
    """The municipalities an employment-area figure is summed over: those of another employment area of
    the classification, or of the area running here that it names (its own by default)."""
    if indicator.statistics_reference_area_id:
        return indicator.statistics_reference_area.municipalities.all()
    return (indicator.statistics_area or indicator.area).municipalities.all()


def _place_codes(indicator):
    return [municipality.statfin_code for municipality in _place_municipalities(indicator)]


def _figures(table, indicator, area_codes):
    if indicator.denominator_code:
        return area_ratio(table, indicator.measure_code, indicator.denominator_code, area_codes)
    return area_totals(table, indicator.measure_code, area_codes)


def values_of(indicator):
    """[Value] in period order: from the statistics tables, or those entered by hand."""
    if indicator.source == Indicator.Source.SERIES:
        if indicator.series_id is None:
            return []
        if indicator.denominator_code:
            # A rate of one place (a municipality, the whole country) from its two series.
            series = indicator.series
            return [
                Value(row.period, row.value, row.complete)
                for row in area_ratio(series.table, series.measure_code, indicator.denominator_code, [series.area_code])
            ]
        return [
            Value(period, value, value is not None)
            for period, value in Observation.objects.filter(series_id=indicator.series_id)
            .order_by("period")
            .values_list("period", "value")
        ]
    if indicator.source == Indicator.Source.AREA:
        table = preferred_table(indicator.table_id)
        if table is None or not indicator.measure_code:
            return []
        return [
            Value(row.period, row.value, row.complete) for row in _figures(table, indicator, _place_codes(indicator))
        ]
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
    return {
        municipality: [
            Value(row.period, row.value, row.complete)
            for row in _figures(table, indicator, [municipality.statfin_code])
        ]
        for municipality in _place_municipalities(indicator)
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
            area_codes = (indicator.series.area_code,)
            measure = indicator.series.measure_code
        else:
            area_codes = tuple(sorted(_place_codes(indicator)))
            measure = indicator.measure_code
        contents = tuple(code for code in (measure, indicator.denominator_code) if code)
        return Provenance(table, area_codes, contents, _period_span(values, indicator.frequency)).as_data()
    value_ids = [str(pk) for pk in indicator.values.values_list("pk", flat=True)]
    changed = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(IndicatorValue), object_pk__in=value_ids)
        .aggregate(last=Max("timestamp"))
        .get("last")
    )
    return {"manual": True, "changed_at": changed, "periods": list(_period_span(values, indicator.frequency))}
