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
from verkko.stats.aggregation import area_figures, area_ratio, area_totals, figures_of_each_area, preferred_table
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


class Reader:
    """The values, sources and provenance of many indicators, read with a few queries whatever their
    number: one for the values entered by hand, one for the linked series, one per statistical
    table and area for the area figures, one for the history of the hand-entered values.

    Each answers as values_of, source_of and provenance_of do for one indicator.
    """

    def __init__(self, indicators):
        self.indicators = {indicator.pk: indicator for indicator in indicators}
        self._values = None
        self._tables = {}
        self._changed = None

    def table(self, table_id):
        if table_id not in self._tables:
            self._tables[table_id] = preferred_table(table_id)
        return self._tables[table_id]

    def _place_of(self, indicator):
        """The key of the municipalities the figure is summed over (another employment area's or one here)."""
        if indicator.statistics_reference_area_id:
            return ("reference", indicator.statistics_reference_area_id)
        return ("area", indicator.statistics_area_id or indicator.area_id)

    def _read_values(self):
        found = {pk: [] for pk in self.indicators}
        by_source = {}
        for indicator in self.indicators.values():
            by_source.setdefault(indicator.source, []).append(indicator)
        manual = [indicator.pk for indicator in by_source.get(Indicator.Source.MANUAL, [])]
        if manual:
            for pk, period, value in (
                IndicatorValue.objects.filter(indicator_id__in=manual)
                .order_by("period")
                .values_list("indicator_id", "period", "value")
            ):
                found[pk].append(Value(period, value))
        linked = {}
        for indicator in by_source.get(Indicator.Source.SERIES, []):
            if indicator.series_id is not None and indicator.denominator_code:
                found[indicator.pk] = values_of(indicator)  # a rate of one place: rare, read on its own
            elif indicator.series_id is not None:
                linked.setdefault(indicator.series_id, []).append(indicator.pk)
        if linked:
            for series_id, period, value in (
                Observation.objects.filter(series_id__in=linked)
                .order_by("period")
                .values_list("series_id", "period", "value")
            ):
                for pk in linked[series_id]:
                    found[pk].append(Value(period, value, value is not None))
        groups = {}
        for indicator in by_source.get(Indicator.Source.AREA, []):
            table = self.table(indicator.table_id)
            if table is None or not indicator.measure_code:
                continue
            groups.setdefault((table.pk, self._place_of(indicator)), (table, indicator, []))[2].append(indicator)
        for table, first, indicators in groups.values():
            figures = area_figures(
                table,
                [(indicator.measure_code, indicator.denominator_code or None) for indicator in indicators],
                _place_codes(first),
            )
            for indicator in indicators:
                found[indicator.pk] = [
                    Value(row.period, row.value, row.complete)
                    for row in figures[(indicator.measure_code, indicator.denominator_code or None)]
                ]
        return found

    def values_of(self, indicator):
        if self._values is None:
            self._values = self._read_values()
        return self._values[indicator.pk]

    def source_of(self, indicator):
        if indicator.source == Indicator.Source.SERIES and indicator.series_id:
            return indicator.series.table
        if indicator.source == Indicator.Source.AREA:
            return self.table(indicator.table_id)
        return None

    def _last_changes(self):
        """{indicator id: when its hand-entered values last changed}, from the history."""
        manual = [pk for pk, indicator in self.indicators.items() if not indicator.is_statistical]
        value_ids = {
            str(pk): indicator_id
            for pk, indicator_id in IndicatorValue.objects.filter(indicator_id__in=manual).values_list(
                "pk", "indicator_id"
            )
        }
        changed = {}
        if value_ids:
            for object_pk, last in (
                LogEntry.objects.filter(
                    content_type=ContentType.objects.get_for_model(IndicatorValue), object_pk__in=list(value_ids)
                )
                .values("object_pk")
                .annotate(last=Max("timestamp"))
                .values_list("object_pk", "last")
            ):
                indicator_id = value_ids[object_pk]
                if indicator_id not in changed or last > changed[indicator_id]:
                    changed[indicator_id] = last
        return changed

    def provenance_of(self, indicator, values):
        if indicator.is_statistical:
            return _statistical_provenance(indicator, self.source_of(indicator), values)
        if self._changed is None:
            self._changed = self._last_changes()
        return _manual_provenance(self._changed.get(indicator.pk), values, indicator)


def values_by_municipality(indicator):
    """{municipality: [Value]} for an employment-area figure; empty for other sources."""
    if indicator.source != Indicator.Source.AREA:
        return {}
    table = preferred_table(indicator.table_id)
    if table is None or not indicator.measure_code:
        return {}
    municipalities = list(_place_municipalities(indicator))
    measure = (indicator.measure_code, indicator.denominator_code or None)
    figures = figures_of_each_area(table, [measure], [municipality.statfin_code for municipality in municipalities])
    return {
        municipality: [
            Value(row.period, row.value, row.complete) for row in figures[municipality.statfin_code][measure]
        ]
        for municipality in municipalities
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
    return Reader([indicator]).provenance_of(indicator, values)


def _statistical_provenance(indicator, table, values):
    if table is None:
        return None
    if indicator.source == Indicator.Source.SERIES:
        area_codes, measure = (indicator.series.area_code,), indicator.series.measure_code
    else:
        area_codes, measure = tuple(sorted(_place_codes(indicator))), indicator.measure_code
    contents = tuple(code for code in (measure, indicator.denominator_code) if code)
    return Provenance(table, area_codes, contents, _period_span(values, indicator.frequency)).as_data()


def _manual_provenance(changed, values, indicator):
    return {"manual": True, "changed_at": changed, "periods": list(_period_span(values, indicator.frequency))}
