"""Figures for a group of areas (an employment area) from the figures of its municipalities.

Counts are sums over the member areas; rates are recomputed from the summed parts, never
averaged. A sum that lacks a member's value (suppressed or missing) is marked incomplete.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Sum

from verkko.stats.models import Observation, Table

# Where real and invented tables share an id, the real one wins.
_SOURCE_PREFERENCE = [Table.Source.STATFIN, Table.Source.FILE, Table.Source.DEMO]


@dataclass(frozen=True)
class AreaValue:
    period: date
    period_code: str
    value: float | None
    complete: bool


def preferred_table(table_id):
    """The table with this id, real data before invented demo data; None when there is none."""
    tables = {table.source: table for table in Table.objects.filter(table_id=table_id)}
    return next((tables[source] for source in _SOURCE_PREFERENCE if source in tables), None)


def area_totals(table, measure_code, area_codes, *, since=None):
    """Per period, the sum of a measure over the given areas (e.g. the municipalities' KU codes)."""
    area_codes = list(area_codes)
    rows = (
        Observation.objects.filter(
            series__table=table, series__measure_code=measure_code, series__area_code__in=area_codes
        )
        .filter(**({"period__gte": since} if since else {}))
        .values("period", "period_code")
        .annotate(total=Sum("value"), reported=Count("value"))
        .order_by("period")
    )
    return [
        AreaValue(
            period=row["period"],
            period_code=row["period_code"],
            value=row["total"],
            complete=row["reported"] == len(area_codes),
        )
        for row in rows
    ]


def area_ratio(table, numerator_code, denominator_code, area_codes, *, scale=100.0, since=None):
    """Per period, sum(numerator) / sum(denominator) × scale over the areas: a rate from sums.

    The denominator is summed over the areas that report the numerator too, so that a
    suppressed numerator never deflates the rate; such a period is marked incomplete.
    """
    area_codes = list(area_codes)
    filters = {"series__table": table, "series__area_code__in": area_codes}
    if since:
        filters["period__gte"] = since
    values = {}
    for period, period_code, area_code, measure_code, value in Observation.objects.filter(
        series__measure_code__in=[numerator_code, denominator_code], **filters
    ).values_list("period", "period_code", "series__area_code", "series__measure_code", "value"):
        values.setdefault((period, period_code), {}).setdefault(area_code, {})[measure_code] = value
    return _ratios(values, numerator_code, denominator_code, area_codes, scale)


def _ratios(values, numerator_code, denominator_code, area_codes, scale):
    """{(period, code): {area code: {measure: value}}} → the rate per period, from the summed parts."""
    result = []
    for (period, period_code), by_area in sorted(values.items()):
        if not any(numerator_code in parts or denominator_code in parts for parts in by_area.values()):
            continue  # a period of other measures only (area_figures reads several at once)
        pairs = [
            (parts.get(numerator_code), parts.get(denominator_code))
            for parts in by_area.values()
            if parts.get(numerator_code) is not None and parts.get(denominator_code) is not None
        ]
        denominator = sum(d for _, d in pairs)
        value = scale * sum(n for n, _ in pairs) / denominator if denominator else None
        result.append(
            AreaValue(period=period, period_code=period_code, value=value, complete=len(pairs) == len(area_codes))
        )
    return result


def _totals(cells, measure_code, area_codes):
    """{(period, code): {measure: [values]}} → the sum per period, as area_totals sums in SQL."""
    result = []
    for (period, period_code), by_measure in sorted(cells.items()):
        if measure_code not in by_measure:
            continue
        reported = [value for value in by_measure[measure_code] if value is not None]
        result.append(
            AreaValue(
                period=period,
                period_code=period_code,
                value=sum(reported) if reported else None,
                complete=len(reported) == len(area_codes),
            )
        )
    return result


def _observations(table, measures, area_codes):
    codes = {code for pair in measures for code in pair if code}
    return (
        Observation.objects.filter(
            series__table=table, series__area_code__in=area_codes, series__measure_code__in=codes
        )
        .order_by()
        .values_list("period", "period_code", "series__area_code", "series__measure_code", "value")
    )


def _figures(rows, measures, area_codes, scale):
    values, cells = {}, {}
    for period, period_code, area_code, measure_code, value in rows:
        values.setdefault((period, period_code), {}).setdefault(area_code, {})[measure_code] = value
        cells.setdefault((period, period_code), {}).setdefault(measure_code, []).append(value)
    return {
        (numerator, denominator): _ratios(values, numerator, denominator, area_codes, scale)
        if denominator
        else _totals(cells, numerator, area_codes)
        for numerator, denominator in measures
    }


def area_figures(table, measures, area_codes, *, scale=100.0):
    """Several figures of one table for the same areas, read with one query.

    measures: (measure code, denominator code or None) pairs; returns {pair: [AreaValue]}, each
    as area_totals (without a denominator) or area_ratio (with one) gives it.
    """
    area_codes, measures = list(area_codes), list(dict.fromkeys(measures))
    return _figures(_observations(table, measures, area_codes), measures, area_codes, scale)


def figures_of_each_area(table, measures, area_codes, *, scale=100.0):
    """{area code: {pair: [AreaValue]}}: each area's own figures, as area_figures gives them for
    that area alone, read with one query for all of them."""
    area_codes, measures = list(area_codes), list(dict.fromkeys(measures))
    rows = {code: [] for code in area_codes}
    for row in _observations(table, measures, area_codes):
        rows[row[2]].append(row)
    return {code: _figures(rows[code], measures, [code], scale) for code in area_codes}
