"""Figures of the situational picture, read from the statistics tables with few, aggregated queries.

A *place* is a group of StatFin area codes: an employment area (its member municipalities),
one municipality, or the whole country (SSS). Counts are sums over the place's areas and
rates are recomputed from the summed parts by the figures service (verkko.stats.figures); a
sum that lacks a member's value is incomplete. This module turns its figures into the pages'.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Max
from django.utils.text import capfirst

from verkko.ecosystem.models import EmploymentArea, Municipality, ReferenceArea
from verkko.lib.formatting import format_period
from verkko.situation.measures import COUNTRY_CODE, KEY_MEASURES, TABLE_ID, UNEMPLOYED
from verkko.stats import periods
from verkko.stats.figures import figures, place_figures, preferred_table
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


def _value(figure):
    """The page's Value of a figure of the figures service (verkko.stats.figures)."""
    return Value(figure.value, figure.complete) if figure.known else MISSING


def measure_values(table, measures, area_codes, periods):
    """{(measure code, period): Value} for counts and rates alike, from one query."""
    result = place_figures(table, [measure.spec for measure in measures], area_codes, periods)
    return {(m.code, period): _value(result.get("here", m.code, period)) for m in measures for period in periods}


def key_figures(table, place, month, measures=KEY_MEASURES):
    """The key figures of a place for a month, with the previous month, a year earlier and the country."""
    previous, year_ago = add_months(month, -1), add_months(month, -12)
    result = figures(
        table,
        [measure.spec for measure in measures],
        {"place": place.area_codes, "country": (COUNTRY_CODE,)},
        (month, previous, year_ago),
    )

    def value(where, measure, period):
        return _value(result.get(where, measure.code, period))

    return [
        Figure(
            measure=measure,
            current=value("place", measure, month),
            previous=value("place", measure, previous),
            year_ago=value("place", measure, year_ago),
            country=value("country", measure, month),
            country_year_ago=value("country", measure, year_ago),
            provenance=result.provenance("place", measure.content_codes, (month, previous, year_ago)),
            country_provenance=result.provenance("country", measure.content_codes, (month, year_ago)),
        )
        for measure in measures
    ]


def series_of(table, measure, area_codes, since):
    """[(period, Value)] of a measure for a place from a month on, oldest first."""
    result = place_figures(table, [measure.spec], area_codes, since=since)
    return [(figure.period, _value(figure)) for figure in result.series("here", measure.code)]


@dataclass
class MunicipalityRow:
    municipality: Municipality
    values: dict = field(default_factory=dict)  # measure code → Value this month
    year_ago: dict = field(default_factory=dict)  # measure code → Value a year earlier


def municipality_rows(table, municipalities, measures, month):
    """Each municipality's figures for the month and a year earlier, from one query."""
    municipalities = list(municipalities)
    year_ago = add_months(month, -12)
    result = figures(
        table,
        [measure.spec for measure in measures],
        {m.statfin_code: (m.statfin_code,) for m in municipalities},
        (month, year_ago),
    )
    rows = []
    for municipality in municipalities:
        row = MunicipalityRow(municipality)
        for measure in measures:
            for period, target in ((month, row.values), (year_ago, row.year_ago)):
                target[measure.code] = _value(result.get(municipality.statfin_code, measure.code, period))
        rows.append(row)
    return rows


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

    The areas are Statistics Finland's (ReferenceArea, the 45 of load_employment_areas), so the
    comparison is the same whether or not an area runs on this installation; ``current`` (an
    EmploymentArea) marks its own classification area. The figures service sums the counts over
    each area's municipalities, recomputes rates from the summed parts and marks an area lacking
    a municipality's value incomplete. Four queries in all, however many areas there are.
    """
    members = {}  # reference area id → the KU codes of its municipalities
    for code, area_id in Municipality.objects.filter(reference_area__isnull=False).values_list(
        "code", "reference_area_id"
    ):
        members.setdefault(area_id, []).append(f"KU{code}")
    result = figures(table, [measure.spec], members, (month,))
    shown = {area_id for area_id in members if result.has_cells(area_id, measure.code, month)}
    areas = ReferenceArea.objects.in_bulk(shown)
    running = {area.reference_area_id: area for area in EmploymentArea.objects.filter(reference_area_id__in=shown)}
    current_id = getattr(current, "reference_area_id", None)
    comparisons = []
    for area_id in shown:
        figure = result.get(area_id, measure.code, month)
        if not figure.known:
            continue
        comparisons.append(
            AreaComparison(
                areas[area_id],
                Value(figure.value, figure.complete),
                figure.areas,
                figure.reporting,
                is_current=area_id == current_id,
                running_here=running.get(area_id),
            )
        )
    return sorted(comparisons, key=lambda c: str(c.area))
