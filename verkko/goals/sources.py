"""What a statistics-backed indicator may be set up from, as choices people read: the stored tables by
their title, their measures by label and the places by name. The codes stay behind the choices.

Only tables with figures for the area's municipalities (or the whole country) are offered; the places
are the area itself, its municipalities, the whole country and the other employment areas of
Statistics Finland's classification.
"""

from django.utils.translation import gettext

from verkko.ecosystem.models import ReferenceArea
from verkko.stats import periods
from verkko.stats.aggregation import preferred_table
from verkko.stats.models import Frequency, Observation, Series

WHOLE_COUNTRY = "SSS"
THIS_AREA = "area"
OTHER_AREA_PREFIX = "ref-"
MEASURE_SEPARATOR = "|"
# The most periods offered to choose from, newest first.
MAX_PERIODS = 240


def municipality_codes(area):
    return [municipality.statfin_code for municipality in area.municipalities.all()]


def _offered_series(area):
    return Series.objects.filter(area_code__in=[*municipality_codes(area), WHOLE_COUNTRY]).exclude(measure_code="")


def offered_tables(area):
    """The stored tables with figures for this area, one per table id (real data before demo data)."""
    table_ids = _offered_series(area).values_list("table__table_id", flat=True).distinct()
    tables = [preferred_table(table_id) for table_id in sorted(set(table_ids))]
    return sorted(filter(None, tables), key=lambda table: (table.title or table.table_id).lower())


def _content_labels(table):
    """{content code: label} as the table's dimensions store them."""
    for dimension in table.dimensions or []:
        if dimension.get("role") == "content":
            return {value["code"]: value.get("label") or value["code"] for value in dimension.get("values", [])}
    return {}


def measures_of(table, area):
    """[(code, label)] of the table's measures with figures for this area, in the table's order."""
    stored = _content_labels(table)
    codes = set(_offered_series(area).filter(table=table).values_list("measure_code", flat=True))
    series_labels = {}
    if codes - set(stored):
        # A measure the table's dimensions do not name: its label as a series stores it.
        for series in Series.objects.filter(table=table, measure_code__in=codes - set(stored)):
            label = next(
                (text for key, text in series.labels.items() if series.codes.get(key) == series.measure_code), ""
            )
            series_labels.setdefault(series.measure_code, label or series.measure_code)
    order = list(stored)
    labelled = {**series_labels, **{code: label for code, label in stored.items() if code in codes}}
    return sorted(
        labelled.items(), key=lambda item: (order.index(item[0]) if item[0] in order else len(order), item[1])
    )


def measure_value(table_id, measure_code):
    return f"{table_id}{MEASURE_SEPARATOR}{measure_code}"


def split_measure(value):
    """(table id, measure code) of a measure choice."""
    table_id, _, measure_code = (value or "").partition(MEASURE_SEPARATOR)
    return table_id, measure_code


def measure_choices(area):
    """Measures grouped by their table's title, for a select."""
    return [
        (
            table.title or table.table_id,
            [(measure_value(table.table_id, code), label) for code, label in measures_of(table, area)],
        )
        for table in offered_tables(area)
    ]


def other_areas(area):
    """The employment areas of the classification other than this one's, with municipalities."""
    return (
        ReferenceArea.objects.filter(municipalities__isnull=False)
        .exclude(pk=area.reference_area_id)
        .distinct()
        .order_by("name_fi")
    )


def place_choices(area):
    """This area, its municipalities, the whole country and the other employment areas, grouped."""
    choices = [
        (THIS_AREA, gettext("%(area)s (this employment area)") % {"area": area.name}),
        (WHOLE_COUNTRY, gettext("Whole country")),
    ]
    municipalities = [(m.statfin_code, m.name) for m in area.municipalities.order_by("name_fi")]
    if municipalities:
        choices.append((gettext("Municipalities of the area"), municipalities))
    others = [(f"{OTHER_AREA_PREFIX}{reference.code}", reference.name) for reference in other_areas(area)]
    if others:
        choices.append((gettext("Other employment areas"), others))
    return choices


def reference_area_of(place):
    """The ReferenceArea a place choice names, or None."""
    if not place.startswith(OTHER_AREA_PREFIX):
        return None
    return ReferenceArea.objects.filter(code=place.removeprefix(OTHER_AREA_PREFIX)).first()


def place_codes(place, area):
    """The StatFin area codes whose figures a place sums."""
    if place == THIS_AREA:
        return municipality_codes(area)
    reference = reference_area_of(place)
    if reference is not None:
        return [municipality.statfin_code for municipality in reference.municipalities.all()]
    return [place]


def frequency_of(table):
    """The table's frequency as stored, else as its period codes show (2026M01, 2026Q1, 2026)."""
    if table.frequency:
        return table.frequency
    code = Observation.objects.filter(series__table=table).values_list("period_code", flat=True).first()
    if code is None:
        return Frequency.MONTHLY
    found = periods.Period.read(code)
    return found.frequency if found else Frequency.MONTHLY


def offered_periods(area):
    """[Period] the offered tables have figures for, newest first: the periods to choose from."""
    rows = (
        Observation.objects.filter(series__in=_offered_series(area))
        .values_list("period_code", flat=True)
        .distinct()
        .order_by("-period_code")[:MAX_PERIODS]
    )
    found = {periods.Period.read(code) for code in rows}
    return sorted(filter(None, found), key=lambda period: (period.first_day, period.frequency), reverse=True)


def find_series(table, measure_code, area_code):
    """The stored series of one measure and one place (a municipality or the whole country)."""
    return table.series.filter(measure_code=measure_code, area_code=area_code).order_by("key").first()


def has_figures(table, measure_code, area_codes):
    return Series.objects.filter(table=table, measure_code=measure_code, area_code__in=area_codes).exists()
