"""Former names of the figures service (verkko.stats.figures), kept for callers not yet moved.

New code calls ``verkko.stats.figures`` itself; these are thin names over it and hold no rule.
"""

from dataclasses import dataclass
from datetime import date

from verkko.stats.figures import Measure, count_of, figures, pick_preferred, place_figures, preferred_table, rate_of

__all__ = [
    "AreaValue",
    "area_figures",
    "figures_of_each_area",
    "area_ratio",
    "area_totals",
    "pick_preferred",
    "preferred_table",
    "ratio_of_parts",
    "sum_of_parts",
]


@dataclass(frozen=True)
class AreaValue:
    period: date
    period_code: str
    value: float | None
    complete: bool


def _series(result, place, measure):
    return [
        AreaValue(figure.period, result.period_code(figure.period), figure.value, figure.complete)
        for figure in result.series(place, measure.code)
    ]


def _area_values(table, measure, area_codes, *, since=None, where=None):
    return _series(place_figures(table, [measure], area_codes, since=since, where=where), "here", measure)


def _pair_measures(measures, scale):
    """{(content, denominator or None): Measure}: a count without a denominator, else a rate."""
    chosen = {}
    for pair in dict.fromkeys(measures):
        numerator, denominator = pair
        code = repr(pair)
        chosen[pair] = (
            Measure.rate(code, numerator, denominator, scale) if denominator else Measure.count(code, numerator)
        )
    return chosen


def area_figures(table, measures, area_codes, *, scale=100.0):
    """Several figures of one table for the same areas, read with one query: {pair: [AreaValue]} for
    (content, denominator or None) pairs, each as area_totals or area_ratio gives it."""
    chosen = _pair_measures(measures, scale)
    result = place_figures(table, list(chosen.values()), area_codes)
    return {pair: _series(result, "here", measure) for pair, measure in chosen.items()}


def figures_of_each_area(table, measures, area_codes, *, scale=100.0):
    """{area code: {pair: [AreaValue]}}: each area's own figures, read with one query for all of them."""
    chosen = _pair_measures(measures, scale)
    result = figures(table, list(chosen.values()), {code: (code,) for code in area_codes})
    return {code: {pair: _series(result, code, measure) for pair, measure in chosen.items()} for code in area_codes}


def area_totals(table, measure_code, area_codes, *, since=None, where=None):
    """Per period, the sum of a content (or several, summed) over the areas (verkko.stats.figures)."""
    codes = (measure_code,) if isinstance(measure_code, str) else tuple(measure_code)
    return _area_values(table, Measure.count("+".join(codes), codes), area_codes, since=since, where=where)


def area_ratio(table, numerator_code, denominator_code, area_codes, *, scale=100.0, since=None):
    """Per period, sum(numerator) / sum(denominator) × scale over the areas (verkko.stats.figures)."""
    measure = Measure.rate("rate", numerator_code, denominator_code, scale)
    return _area_values(table, measure, area_codes, since=since)


def sum_of_parts(cells, codes):
    """(sum, complete) of the contents `codes` in one area's {content code: value}; (None, False) when none."""
    value, complete, _reporting = count_of({("", code): v for code, v in cells.items()}, ("",), tuple(codes))
    return value, complete


def ratio_of_parts(by_area, numerator_codes, denominator_codes, *, scale=100.0):
    """(rate, reporting areas) from {area code: {content code: value}}: sum(numerator) / sum(denominator)."""
    cells = {(area, code): value for area, values in by_area.items() for code, value in values.items()}
    numerator = (numerator_codes,) if isinstance(numerator_codes, str) else tuple(numerator_codes)
    denominator = (denominator_codes,) if isinstance(denominator_codes, str) else tuple(denominator_codes)
    value, _complete, reporting = rate_of(cells, tuple(by_area), numerator, denominator, scale)
    return value, reporting
