"""The figures service: the one place where figures of a group of areas are made from a table's cells.

The rule (DESIGN, Statistics): counts are sums over the place's areas (its member
municipalities, or a single area code such as SSS); rates are recomputed from the summed parts,
never averaged; a sum that lacks an area's cell (suppressed or missing) is marked incomplete.
A count, or either side of a rate, may be several contents summed (people in services). A value
of 0 is a true zero (PX "-") and counts as reported; an empty value is missing.

``figures()`` reads the cells of every place, measure and period asked for in one query and
returns each figure with its provenance. The situational picture, goals, the monitoring report,
the review and the API call it (directly or through their own views of it).
"""

import math
from dataclasses import dataclass
from datetime import date

from verkko.stats import periods as period_rules
from verkko.stats.models import Frequency, Observation, Table
from verkko.stats.provenance import Provenance

# Where real and invented tables share an id, the real one wins.
_SOURCE_PREFERENCE = [Table.Source.STATFIN, Table.Source.FILE, Table.Source.DEMO]


def _codes(codes):
    return (codes,) if isinstance(codes, str) else tuple(codes)


@dataclass(frozen=True)
class Measure:
    """What a figure is: a count (its parts summed) or a rate, scale × Σ numerator / Σ denominator."""

    code: str
    parts: tuple = ()  # a count's contents; empty when the count is the content `code` itself
    numerator: tuple = ()
    denominator: tuple = ()
    scale: float = 100.0

    @classmethod
    def count(cls, code, parts=()):
        return cls(code, parts=_codes(parts))

    @classmethod
    def rate(cls, code, numerator, denominator, scale=100.0):
        return cls(code, numerator=_codes(numerator), denominator=_codes(denominator), scale=scale)

    @property
    def is_rate(self):
        return bool(self.numerator)

    @property
    def count_codes(self):
        return self.parts or (self.code,)

    @property
    def content_codes(self):
        """The table's contents this measure reads, each once."""
        if self.is_rate:
            return tuple(dict.fromkeys(self.numerator + self.denominator))
        return self.count_codes


@dataclass(frozen=True)
class Figure:
    """A measure of a place for a period: its value (None when no area reports it), whether every
    area reported every part, how many of the place's areas did, and where it comes from."""

    measure: Measure
    period: date
    value: float | None
    complete: bool
    reporting: int
    areas: int
    provenance: Provenance

    @property
    def known(self):
        return self.value is not None


# --- the rule, on plain values ----------------------------------------------------------------


def count_of(cells, area_codes, codes, partial=frozenset()):
    """(sum, complete, reporting areas) of the contents `codes` over the areas.

    `cells` is {(area code, content code): value or None}; `partial` names cells summed from only
    some of the values they stand for. The sum is of every value there is (None when there is
    none); it is complete when every area reports every content in full; an area reports when
    it has every content in full.
    """
    keys = [(area, code) for area in area_codes for code in codes]
    known = [cells[key] for key in keys if cells.get(key) is not None]
    reporting = sum(1 for area in area_codes if all(_reported(cells, partial, (area, code)) for code in codes))
    if not known:
        return None, False, reporting
    return sum(known), reporting == len(area_codes), reporting


def rate_of(cells, area_codes, numerator, denominator, scale=100.0, partial=frozenset()):
    """(rate, complete, reporting areas): scale × Σ numerator / Σ denominator over the areas.

    Only areas that report every part of both sides count, so that a suppressed part never
    deflates or inflates the rate; leaving an area out makes the rate incomplete.
    """
    parts = tuple(numerator) + tuple(denominator)
    reporting = [area for area in area_codes if all(_reported(cells, partial, (area, code)) for code in parts)]
    top = sum(cells[(area, code)] for area in reporting for code in numerator)
    bottom = sum(cells[(area, code)] for area in reporting for code in denominator)
    if not bottom:
        return None, False, len(reporting)
    return scale * top / bottom, len(reporting) == len(area_codes), len(reporting)


def _reported(cells, partial, key):
    return cells.get(key) is not None and key not in partial


# --- the service ------------------------------------------------------------------------------


class Figures:
    """The answer of ``figures()``: every measure of every place for the periods read."""

    def __init__(self, table, measures, places, cells, partial, period_codes):
        self.table = table
        self.measures = {measure.code: measure for measure in measures}
        self.places = places
        self._cells = cells  # {period: {(area code, content code): value or None}}, a key per row
        self._partial = partial  # {period: {(area code, content code)}} summed from some of their values
        self._period_codes = period_codes

    @property
    def periods(self):
        """Every period with a cell read, oldest first."""
        return sorted(self._cells)

    def period_code(self, period):
        return self._period_codes.get(period) or period_rules.code(period, self.table.frequency or Frequency.MONTHLY)

    def provenance(self, place, content_codes, periods):
        return Provenance(
            self.table,
            tuple(self.places[place]),
            tuple(content_codes),
            tuple(self.period_code(period) for period in periods),
        )

    def get(self, place, code, period):
        """The figure of the measure `code` for the place and period (value None when not reported)."""
        measure = self.measures[code]
        area_codes = self.places[place]
        cells, partial = self._cells.get(period, {}), self._partial.get(period, frozenset())
        if measure.is_rate:
            value, complete, reporting = rate_of(
                cells, area_codes, measure.numerator, measure.denominator, measure.scale, partial
            )
        else:
            value, complete, reporting = count_of(cells, area_codes, measure.count_codes, partial)
        return Figure(
            measure,
            period,
            value,
            complete,
            reporting,
            len(area_codes),
            self.provenance(place, measure.content_codes, (period,)),
        )

    def has_cells(self, place, code, period):
        """Whether the table has any row (a value or a missing mark) of the measure for the place and period."""
        areas, contents = set(self.places[place]), set(self.measures[code].content_codes)
        return any(area in areas and content in contents for area, content in self._cells.get(period, {}))

    def series(self, place, code):
        """[Figure] of the measure for the place, oldest first, for every period the table has cells of."""
        return [self.get(place, code, period) for period in self.periods if self.has_cells(place, code, period)]


def figures(table, measures, places, periods=None, *, since=None, where=None):
    """Every measure of every place for the periods, from one query of the table's observations.

    `measures` are ``Measure``s; `places` is {key: area codes} (a municipality's KU code, the
    members of an employment area, SSS for the whole country); `periods` the periods' first days,
    or None for every period (from `since` on, when given). `where` keeps the series whose other
    dimensions have the given values ({"ikaryhma…": ["015", …, "064"]}, a total's code); each is
    summed into the area's cell, which counts as reported only when every one of them is.
    """
    measures = list(measures)
    places = {key: tuple(codes) for key, codes in places.items()}
    area_codes = sorted({code for codes in places.values() for code in codes})
    content_codes = sorted({code for measure in measures for code in measure.content_codes})
    rows = Observation.objects.filter(
        series__table=table,
        series__area_code__in=area_codes,
        series__measure_code__in=content_codes,
        **{f"series__codes__{dimension}__in": list(codes) for dimension, codes in (where or {}).items()},
    )
    if periods is not None:
        rows = rows.filter(period__in=list(periods))
    if since is not None:
        rows = rows.filter(period__gte=since)
    expected = math.prod(len(codes) for codes in (where or {}).values())
    cells, reported, period_codes = {}, {}, {}
    for period, code, area_code, content_code, value in rows.values_list(
        "period", "period_code", "series__area_code", "series__measure_code", "value"
    ):
        period_codes[period] = code
        key = (area_code, content_code)
        of_period = cells.setdefault(period, {})
        of_period.setdefault(key, None)
        if value is not None:
            of_period[key] = (of_period[key] or 0.0) + value
            reported[(period, key)] = reported.get((period, key), 0) + 1
    # A cell summed over other dimensions' values is reported only when each of them is.
    partial = {
        period: {key for key in of_period if of_period[key] is not None and reported[(period, key)] != expected}
        for period, of_period in cells.items()
    }
    return Figures(table, measures, places, cells, partial, period_codes)


def place_figures(table, measures, area_codes, periods=None, *, since=None, where=None):
    """``figures()`` of one place, keyed "here"."""
    return figures(table, measures, {"here": tuple(area_codes)}, periods, since=since, where=where)


# --- which table ------------------------------------------------------------------------------


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
