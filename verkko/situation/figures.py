"""Figures of the situational picture, read from the statistics tables with few, aggregated queries.

A *place* is a group of StatFin area codes: an employment area (its member municipalities),
one municipality, or the whole country (SSS). Counts are sums over the place's areas and
rates are recomputed from the summed parts (verkko.stats.aggregation); a sum that lacks a
member's value is incomplete.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Max, Sum
from django.utils.text import capfirst

from verkko.ecosystem.models import EmploymentArea, Municipality, ReferenceArea
from verkko.lib.formatting import format_period
from verkko.situation.measures import COUNTRY_CODE, KEY_MEASURES, TABLE_ID, UNEMPLOYED
from verkko.stats import periods
from verkko.stats.aggregation import area_ratio, area_totals, preferred_table, ratio_of_parts, sum_of_parts
from verkko.stats.models import Frequency, Observation
from verkko.stats.provenance import STATFIN_HOME, Provenance, table_link  # noqa: F401 (shared, moved to stats)
from verkko.stats.versions import statistics_version


def data_version(table):
    """Changes whenever the table's figures or the areas' municipalities may have changed.

    Imports record a run and set the table's fetch time (verkko.stats.versions); membership of
    areas (those running here and those of the classification) is summed up so that moving a
    municipality to another area, or a new area starting here, shows at once.
    """
    shown = (table.pk, table.source, table.title, table_link(table), str(table.updated), str(table.fetched_at))
    return (*shown, *statistics_version(), *membership_version())


def membership_version():
    """data_version's part about areas and their municipalities, in one plain query: asked on every
    cached public page, where the ORM's compiling of eight aggregates would cost the most."""
    quote = connection.ops.quote_name
    municipalities, areas = quote(Municipality._meta.db_table), quote(EmploymentArea._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(area_id), SUM(area_id), COUNT(reference_area_id), SUM(reference_area_id), MAX(id), "  # noqa: S608
            f"(SELECT COUNT(*) FROM {areas}), (SELECT SUM(reference_area_id) FROM {areas}), "
            f"(SELECT MAX(id) FROM {areas}) FROM {municipalities}"
        )
        return tuple(cursor.fetchone())


add_months = periods.shift_months


def period_label(day):
    """The month as a reader writes it, in tables, downloads and choices: 10/2026."""
    return periods.label(day, Frequency.MONTHLY)


def month_name(day):
    """The month by its name at the start of a choice: Lokakuu 2026, Oktober 2026 (verkko.lib.formatting)."""
    return capfirst(format_period(periods.Period.of(day), long=True))


def file_month(day):
    """The month in a file name, sorting by time: 2026-10."""
    return f"{day.year}-{day.month:02d}"


def period_code(day):
    """The month as StatFin codes it: 2026M10."""
    return periods.code(day, Frequency.MONTHLY)


def statistics_table():
    """Table 12r5: the real one when it has been imported, else the invented demo table; None when neither."""
    return preferred_table(TABLE_ID)


@dataclass(frozen=True)
class Place:
    """What a page describes: a name and the StatFin area codes whose figures are summed."""

    name: str
    area_codes: tuple
    kind: str  # "area", "municipality" or "country"

    @classmethod
    def of_area(cls, area, municipalities=None):
        municipalities = municipalities if municipalities is not None else area.municipalities.all()
        return cls(str(area), tuple(sorted(m.statfin_code for m in municipalities)), "area")

    @classmethod
    def of_municipality(cls, municipality):
        return cls(municipality.name, (municipality.statfin_code,), "municipality")

    @classmethod
    def country(cls):
        from django.utils.translation import gettext

        return cls(gettext("Whole country"), (COUNTRY_CODE,), "country")


@dataclass(frozen=True)
class Value:
    value: float | None
    complete: bool = True

    @property
    def known(self):
        return self.value is not None


MISSING = Value(None, False)


@dataclass
class Figure:
    """One key figure of a place for a month, its changes, and the whole country's figure beside it."""

    measure: object
    current: Value
    previous: Value
    year_ago: Value
    country: Value
    country_year_ago: Value
    provenance: Provenance
    country_provenance: Provenance

    @staticmethod
    def _difference(later, earlier):
        if later.value is None or earlier.value is None:
            return None
        return later.value - earlier.value

    @staticmethod
    def _percent(later, earlier):
        if later.value is None or not earlier.value:
            return None
        return 100.0 * (later.value - earlier.value) / earlier.value

    @property
    def change_on_month(self):
        return self._difference(self.current, self.previous)

    @property
    def change_on_year(self):
        return self._difference(self.current, self.year_ago)

    @property
    def percent_change_on_year(self):
        """For counts, the change on a year earlier in per cent (rates change in percentage points)."""
        return None if self.measure.is_rate else self._percent(self.current, self.year_ago)

    @property
    def country_change_on_year(self):
        return self._difference(self.country, self.country_year_ago)

    @property
    def complete(self):
        return all(v.complete for v in (self.current, self.previous, self.year_ago) if v.known)


def latest_month(table, area_codes):
    """The newest month with unemployed job seekers reported for the areas, or None."""
    return Observation.objects.filter(
        series__table=table, series__area_code__in=list(area_codes), series__measure_code=UNEMPLOYED
    ).aggregate(latest=Max("period"))["latest"]


def available_months(table, area_codes):
    """Every month with unemployed job seekers reported for the areas, newest first."""
    return list(
        Observation.objects.filter(
            series__table=table, series__area_code__in=list(area_codes), series__measure_code=UNEMPLOYED
        )
        .values_list("period", flat=True)
        .distinct()
        .order_by("-period")
    )


def sums(table, area_codes, content_codes, periods):
    """{(content code, period): Value} summed over the areas in one grouped query."""
    area_codes = list(area_codes)
    rows = (
        Observation.objects.filter(
            series__table=table,
            series__area_code__in=area_codes,
            series__measure_code__in=list(content_codes),
            period__in=list(periods),
        )
        .values("series__measure_code", "period")
        .annotate(total=Sum("value"), reported=Count("value"))
    )
    return {
        (row["series__measure_code"], row["period"]): Value(row["total"], row["reported"] == len(area_codes))
        for row in rows
    }


def _summed(values, codes, period):
    """The Value of several contents summed: incomplete when a part is missing or incomplete itself."""
    parts = [values.get((code, period)) for code in codes]
    known = [part for part in parts if part is not None and part.known]
    if not known:
        return MISSING
    return Value(sum(part.value for part in known), len(known) == len(codes) and all(p.complete for p in known))


def rates(table, measure, area_codes, periods):
    """{period: Value} of a rate from sums over the areas (stats.aggregation.area_ratio)."""
    periods = set(periods)
    return {
        item.period: Value(item.value, item.complete)
        for item in area_ratio(table, measure.numerator, measure.denominator, area_codes, since=min(periods))
        if item.period in periods
    }


def measure_values(table, measures, area_codes, periods):
    """{(measure code, period): Value} for counts and rates alike."""
    counts = sorted({code for m in measures if not m.is_rate for code in m.count_codes})
    values = sums(table, area_codes, counts, periods) if counts else {}
    for summed in (m for m in measures if m.summed):
        for period in periods:
            values[(summed.code, period)] = _summed(values, summed.summed, period)
    for rate in (m for m in measures if m.is_rate):
        for period, value in rates(table, rate, area_codes, periods).items():
            values[(rate.code, period)] = value
    return values


def key_figures(table, place, month, measures=KEY_MEASURES):
    """The key figures of a place for a month, with the previous month, a year earlier and the country."""
    previous, year_ago = add_months(month, -1), add_months(month, -12)
    periods = (month, previous, year_ago)
    mine = measure_values(table, measures, place.area_codes, periods)
    country = measure_values(table, measures, (COUNTRY_CODE,), (month, year_ago))
    codes = tuple(period_code(p) for p in periods)
    return [
        Figure(
            measure=measure,
            current=mine.get((measure.code, month), MISSING),
            previous=mine.get((measure.code, previous), MISSING),
            year_ago=mine.get((measure.code, year_ago), MISSING),
            country=country.get((measure.code, month), MISSING),
            country_year_ago=country.get((measure.code, year_ago), MISSING),
            provenance=Provenance(table, place.area_codes, tuple(measure.content_codes), codes),
            country_provenance=Provenance(table, (COUNTRY_CODE,), tuple(measure.content_codes), (codes[0], codes[2])),
        )
        for measure in measures
    ]


def series_of(table, measure, area_codes, since):
    """[(period, Value)] of a measure for a place from a month on, oldest first."""
    if measure.is_rate:
        return [
            (item.period, Value(item.value, item.complete))
            for item in area_ratio(table, measure.numerator, measure.denominator, area_codes, since=since)
        ]
    return [
        (item.period, Value(item.value, item.complete))
        for item in area_totals(table, measure.count_codes, area_codes, since=since)
    ]


@dataclass
class MunicipalityRow:
    municipality: Municipality
    values: dict = field(default_factory=dict)  # measure code → Value this month
    year_ago: dict = field(default_factory=dict)  # measure code → Value a year earlier


def municipality_rows(table, municipalities, measures, month):
    """Each municipality's figures for the month and a year earlier, from one query."""
    municipalities = list(municipalities)
    year_ago = add_months(month, -12)
    content_codes = sorted({code for m in measures for code in m.content_codes})
    cells = {}
    for area_code, content_code, period, value in Observation.objects.filter(
        series__table=table,
        series__area_code__in=[m.statfin_code for m in municipalities],
        series__measure_code__in=content_codes,
        period__in=[month, year_ago],
    ).values_list("series__area_code", "series__measure_code", "period", "value"):
        cells[(area_code, content_code, period)] = value
    rows = []
    for municipality in municipalities:
        row = MunicipalityRow(municipality)
        for measure in measures:
            for period, target in ((month, row.values), (year_ago, row.year_ago)):
                target[measure.code] = _cell_value(cells, municipality.statfin_code, measure, period)
        rows.append(row)
    return rows


def _cell_value(cells, area_code, measure, period):
    own = {code: cells.get((area_code, code, period)) for code in measure.content_codes}
    if not measure.is_rate:
        total, complete = sum_of_parts(own, measure.count_codes)
        return Value(total, complete) if total is not None else MISSING
    rate, reporting = ratio_of_parts({area_code: own}, measure.numerator, measure.denominator)
    return Value(rate) if rate is not None and reporting else MISSING


@dataclass
class AreaComparison:
    """One employment area of Statistics Finland's classification in the comparison."""

    area: ReferenceArea
    value: Value
    municipalities: int
    reporting: int
    is_current: bool = False  # the classification area of the page's own area
    running_here: EmploymentArea | None = None  # the area of this installation that is it, if any


def compare_areas(table, measure, month, current=None):
    """Every employment area of the classification whose municipalities have data: its figure for the month.

    The areas are Statistics Finland's (ReferenceArea), so the comparison is the same whether
    or not an area runs on this installation; ``current`` (an EmploymentArea) marks its own
    classification area. Counts are sums over the municipalities, rates come from the summed
    parts, and an area lacking a municipality's value is incomplete. Three queries in all.
    """
    member_of = dict(Municipality.objects.filter(reference_area__isnull=False).values_list("code", "reference_area_id"))
    members = {}
    for area_id in member_of.values():
        members[area_id] = members.get(area_id, 0) + 1
    parts = {}  # reference area id → municipality code → content code → value
    for area_code, content_code, value in Observation.objects.filter(
        series__table=table,
        series__area_code__startswith="KU",
        series__measure_code__in=measure.content_codes,
        period=month,
    ).values_list("series__area_code", "series__measure_code", "value"):
        area_id = member_of.get(area_code[2:])
        if area_id is not None:
            parts.setdefault(area_id, {}).setdefault(area_code, {})[content_code] = value
    areas = ReferenceArea.objects.in_bulk(set(parts))
    running = {area.reference_area_id: area for area in EmploymentArea.objects.filter(reference_area_id__in=set(parts))}
    current_id = getattr(current, "reference_area_id", None)
    comparisons = []
    for area_id, by_municipality in parts.items():
        if measure.is_rate:
            total, reporting = ratio_of_parts(by_municipality, measure.numerator, measure.denominator)
        else:
            totals = [sum_of_parts(cells, measure.count_codes) for cells in by_municipality.values()]
            reported = [(value, complete) for value, complete in totals if value is not None]
            total = sum(value for value, _ in reported) if reported else None
            reporting = sum(1 for _, complete in reported if complete)
        if total is None:
            continue
        comparisons.append(
            AreaComparison(
                areas[area_id],
                Value(total, reporting == members[area_id]),
                members[area_id],
                reporting,
                is_current=area_id == current_id,
                running_here=running.get(area_id),
            )
        )
    return sorted(comparisons, key=lambda c: str(c.area))
