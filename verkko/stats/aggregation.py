"""Figures for a group of areas (an employment area) from the figures of its municipalities.

Counts are sums over the member areas; rates are recomputed from the summed parts, never
averaged. A sum that lacks a member's value (suppressed or missing) is marked incomplete.
A count or either side of a rate may be several contents summed (people in services).
"""

import math
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


def preferred_table(table_id=None, *, title_contains=None):
    """The table with this id (or whose title has the word), real data before invented demo data; None
    when there is none. Among several real tables of a title, the one fetched last."""
    if table_id is None and not title_contains:
        return None
    tables = Table.objects.all() if table_id is None else Table.objects.filter(table_id=table_id)
    if title_contains:
        tables = tables.filter(title__icontains=title_contains)
    return pick_preferred(tables)


def pick_preferred(tables):
    """Of tables standing for the same figures, the real one before invented demo data, the one
    fetched last among several of a kind; None when there is none."""
    by_source = {}
    for table in sorted(tables, key=lambda t: (t.fetched_at is not None, t.fetched_at or 0, t.pk)):
        by_source[table.source] = table
    return next((by_source[source] for source in _SOURCE_PREFERENCE if source in by_source), None)


def _codes(codes):
    return [codes] if isinstance(codes, str) else list(codes)


def sum_of_parts(cells, codes):
    """(sum, complete) of the contents `codes` in one area's {content code: value}; (None, False) when none."""
    known = [cells[code] for code in codes if cells.get(code) is not None]
    if not known:
        return None, False
    return sum(known), len(known) == len(codes)


def ratio_of_parts(by_area, numerator_codes, denominator_codes, *, scale=100.0):
    """(rate, reporting areas) from {area code: {content code: value}}: sum(numerator) / sum(denominator).

    Only areas that report every part of both sides count, so that a suppressed part never
    deflates or inflates the rate; the caller marks the rate incomplete when an area is left out.
    """
    numerator_codes, denominator_codes = _codes(numerator_codes), _codes(denominator_codes)
    parts = numerator_codes + denominator_codes
    pairs = [
        (sum(cells[c] for c in numerator_codes), sum(cells[c] for c in denominator_codes))
        for cells in by_area.values()
        if all(cells.get(code) is not None for code in parts)
    ]
    denominator = sum(d for _, d in pairs)
    return (scale * sum(n for n, _ in pairs) / denominator if denominator else None), len(pairs)


def _where(where):
    """Filters on the series' codes of other dimensions: {dimension code: [value codes]}."""
    return {f"series__codes__{dimension}__in": list(codes) for dimension, codes in (where or {}).items()}


def area_totals(table, measure_code, area_codes, *, since=None, where=None):
    """Per period, the sum of a measure over the given areas (e.g. the municipalities' KU codes).

    `measure_code` is one content code or several, summed; `where` keeps the series whose
    other dimensions have the given values ({"ikaryhma…": ["015", …, "064"]}, a total's code),
    each summed too. The sum is complete when every area reports every one of them.
    """
    area_codes = list(area_codes)
    codes = _codes(measure_code)
    expected = len(area_codes) * len(codes) * math.prod(len(values) for values in (where or {}).values())
    rows = (
        Observation.objects.filter(
            series__table=table, series__measure_code__in=codes, series__area_code__in=area_codes, **_where(where)
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
            complete=row["reported"] == expected,
        )
        for row in rows
    ]


def area_ratio(table, numerator_code, denominator_code, area_codes, *, scale=100.0, since=None):
    """Per period, sum(numerator) / sum(denominator) × scale over the areas: a rate from sums.

    Either side is one content code or several, summed. The denominator is summed over the
    areas that report the numerator too, so that a suppressed numerator never deflates the
    rate; such a period is marked incomplete.
    """
    area_codes = list(area_codes)
    filters = {"series__table": table, "series__area_code__in": area_codes}
    if since:
        filters["period__gte"] = since
    values = {}
    for period, period_code, area_code, measure_code, value in Observation.objects.filter(
        series__measure_code__in=_codes(numerator_code) + _codes(denominator_code), **filters
    ).values_list("period", "period_code", "series__area_code", "series__measure_code", "value"):
        values.setdefault((period, period_code), {}).setdefault(area_code, {})[measure_code] = value
    return _ratios(values, numerator_code, denominator_code, area_codes, scale)


def _ratios(values, numerator_code, denominator_code, area_codes, scale):
    """{(period, code): {area code: {measure: value}}} → the rate per period, from the summed parts."""
    result = []
    for (period, period_code), by_area in sorted(values.items()):
        numerators, denominators = _codes(numerator_code), _codes(denominator_code)
        if not any(code in parts for parts in by_area.values() for code in numerators + denominators):
            continue  # a period of other measures only (area_figures reads several at once)
        value, reporting = ratio_of_parts(by_area, numerators, denominators, scale=scale)
        result.append(
            AreaValue(period=period, period_code=period_code, value=value, complete=reporting == len(area_codes))
        )
    return result


def _totals(cells, measure_code, area_codes):
    """{(period, code): {measure: [values]}} → the sum per period, as area_totals sums in SQL."""
    result = []
    for (period, period_code), by_measure in sorted(cells.items()):
        codes = _codes(measure_code)
        if not any(code in by_measure for code in codes):
            continue
        reported = [value for code in codes for value in by_measure.get(code, []) if value is not None]
        result.append(
            AreaValue(
                period=period,
                period_code=period_code,
                value=sum(reported) if reported else None,
                complete=len(reported) == len(area_codes) * len(codes),
            )
        )
    return result


def _observations(table, measures, area_codes):
    codes = {code for pair in measures for side in pair if side for code in _codes(side)}
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
