"""Business life and population on the situational picture: tables 11re, 11yq and the bankruptcies.

Each section reads one table, found by id (11re, 11yq) or, for the bankruptcies, by its title
(the table is found in the service's metadata, see stats.actions.BANKRUPTCIES). Variables are
matched by role and by what their values say, never by code: the contents by their labels
(openings "Aloittaneet…", closures "Lopettaneet…", bankruptcies "…konkurssi…"), the totals of
other variables by the code SSS or a label such as "Yhteensä", the ages by their numbers.

Counts are sums over the place's areas (the figures service, stats.figures), shares are computed
from the summed parts, and a sum lacking a member's cell is incomplete. Each figure is shown
for the latest period and the same period a year earlier, beside the whole country.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from verkko.lib.formatting import rounded
from verkko.situation.figures import MISSING, Value
from verkko.situation.measures import COUNTRY_CODE
from verkko.stats import periods
from verkko.stats.figures import Measure, figures, pick_preferred
from verkko.stats.formats import ROLE_CONTENT, ROLE_OTHER
from verkko.stats.models import Frequency, Observation, Table
from verkko.stats.provenance import Provenance

POPULATION_TABLE = "11re"
ENTERPRISE_TABLE = "11yq"
# Bankruptcy tables are found by a word of their Finnish title, the language tables are fetched in.
BANKRUPTCY_TITLE_WORD = "konkurs"
WORKING_AGE = (15, 64)
TOTAL_LABELS = ("yhteensä", "kaikki", "total", "totalt", "koko maa")
OPENINGS_WORDS = ("aloittan", "starta", "opening", "start")
CLOSURES_WORDS = ("lopettan", "upphör", "closure", "clos")
BANKRUPTCY_WORDS = ("konkurs", "bankrupt")
# The staff of the enterprises filed for bankruptcy is a content of its own, not the count of bankruptcies.
PERSONNEL_WORDS = ("henkilö", "personal", "personnel", "employees")


@dataclass(frozen=True)
class Part:
    """What one figure sums: a content and, for other dimensions, the values summed ({} for none)."""

    content: str
    where: dict = field(default_factory=dict)


@dataclass
class BusinessFigure:
    key: str
    label: str
    current: Value
    earlier: Value
    country: Value
    country_earlier: Value
    provenance: Provenance
    is_share: bool = False
    decimals: int = 0
    # A change of a difference (the net change) in per cent says nothing; it is left out.
    is_difference: bool = False

    @property
    def change(self):
        if self.current.value is None or self.earlier.value is None:
            return None
        return self.current.value - self.earlier.value

    @property
    def percent_change(self):
        """For counts, the change in per cent (shares change in percentage points)."""
        if self.is_share or self.is_difference or self.current.value is None or not self.earlier.value:
            return None
        return 100.0 * (self.current.value - self.earlier.value) / abs(self.earlier.value)

    @property
    def country_change(self):
        if self.country.value is None or self.country_earlier.value is None:
            return None
        return self.country.value - self.country_earlier.value


@dataclass
class Section:
    """One table's part of the business-life picture; `table` None when the area has no data yet."""

    key: str  # "population", "enterprises" or "bankruptcies"
    heading: str
    table: Table | None
    period: object = None
    earlier: object = None
    frequency: str = ""
    figures: list = field(default_factory=list)

    @property
    def has_data(self):
        return self.table is not None and self.period is not None

    @property
    def is_demo(self):
        return self.table is not None and self.table.source == Table.Source.DEMO

    @property
    def period_label(self):
        return periods.label(self.period, self.frequency) if self.period else ""

    @property
    def earlier_label(self):
        return periods.label(self.earlier, self.frequency) if self.earlier else ""

    @property
    def complete(self):
        return all(v.complete for f in self.figures for v in (f.current, f.earlier) if v.known)


SECTION_HEADINGS = {
    "population": _("Population"),
    "enterprises": _("Enterprise openings and closures"),
    "bankruptcies": _("Bankruptcies"),
}
SECTIONS = tuple(SECTION_HEADINGS)


def section_tables():
    """{section key: its table or None}, real data before invented demo data, from one query."""
    candidates = list(
        Table.objects.filter(
            Q(table_id__in=[POPULATION_TABLE, ENTERPRISE_TABLE]) | Q(title__icontains=BANKRUPTCY_TITLE_WORD)
        )
    )
    return {
        "population": pick_preferred(t for t in candidates if t.table_id == POPULATION_TABLE),
        "enterprises": pick_preferred(t for t in candidates if t.table_id == ENTERPRISE_TABLE),
        "bankruptcies": pick_preferred(t for t in candidates if BANKRUPTCY_TITLE_WORD in t.title.casefold()),
    }


# --- reading the table's dimensions (Table.dimensions) ----------------------------------------


def _dimensions(table, role):
    return [dim for dim in table.dimensions if dim.get("role") == role]


def total_code(dimension):
    """The code of the value that stands for all: SSS, or a value labelled as a total, else the first."""
    values = dimension.get("values", [])
    codes = [value["code"] for value in values]
    if COUNTRY_CODE in codes:
        return COUNTRY_CODE
    for value in values:
        if str(value.get("label", "")).casefold().startswith(TOTAL_LABELS):
            return value["code"]
    return codes[0] if codes else None


def _age_of(code):
    match = re.match(r"\d+", code)
    return int(match.group()) if match else None


def age_dimension(table):
    """The other dimension whose values, totals aside, are ages (000, 001 … 100-); None when none is."""
    for dimension in _dimensions(table, ROLE_OTHER):
        total = total_code(dimension)
        codes = [value["code"] for value in dimension.get("values", []) if value["code"] != total]
        if codes and all(_age_of(code) is not None for code in codes):
            return dimension
    return None


def _totals_of_others(table, but=None):
    """{dimension code: [its total's code]} for every other dimension, but the one named."""
    return {
        dim["code"]: [total_code(dim)]
        for dim in _dimensions(table, ROLE_OTHER)
        if dim["code"] != but and total_code(dim) is not None
    }


def content_code(table, words, but=()):
    """The content whose label has one of the words and none of `but`; the only content when the table
    has one; else None."""
    contents = [value for dim in _dimensions(table, ROLE_CONTENT) for value in dim.get("values", [])]
    for value in contents:
        label = str(value.get("label", "")).casefold()
        if any(word in label for word in words) and not any(word in label for word in but):
            return value["code"]
    return contents[0]["code"] if len(contents) == 1 else None


# --- figures ---------------------------------------------------------------------------------


def latest_period(table, part, area_codes):
    """The newest period with a figure of the part for the areas, or None."""
    filters = {f"series__codes__{dim}__in": codes for dim, codes in part.where.items()}
    return Observation.objects.filter(
        series__table=table,
        series__area_code__in=list(area_codes),
        series__measure_code=part.content,
        value__isnull=False,
        **filters,
    ).aggregate(latest=Max("period"))["latest"]


def _values(table, part, places, wanted):
    """{place key: {period: Value}} of the part summed over each place's areas, for the wanted periods,
    from one query of the figures service."""
    result = figures(table, [Measure.count(part.content)], places, wanted, where=part.where)
    return {
        key: {
            period: Value(figure.value, figure.complete)
            for period in wanted
            if (figure := result.get(key, part.content, period)).known
        }
        for key in places
    }


def _share(numerator, denominator):
    if numerator.value is None or not denominator.value:
        return MISSING
    return Value(100.0 * numerator.value / denominator.value, numerator.complete and denominator.complete)


def _difference(first, second):
    if first.value is None or second.value is None:
        return MISSING
    return Value(first.value - second.value, first.complete and second.complete)


def _provenance(table, area_codes, parts, codes):
    contents = tuple(dict.fromkeys(part.content for part in parts))
    return Provenance(table, tuple(area_codes), contents, codes)


def _parts(key, table):
    """{figure key: Part} of a section's table; {} when the table lacks what the section needs."""
    if key == "population":
        content = content_code(table, ("väestö", "väkiluku", "population", "befolkning"))
        if content is None:
            return {}
        parts = {"population": Part(content, _totals_of_others(table))}
        ages = age_dimension(table)
        if ages is not None:
            working = [
                value["code"]
                for value in ages["values"]
                if value["code"] != total_code(ages)
                and WORKING_AGE[0] <= (_age_of(value["code"]) or -1) <= WORKING_AGE[1]
            ]
            parts["working_age"] = Part(content, {**_totals_of_others(table, but=ages["code"]), ages["code"]: working})
        return parts
    if key == "enterprises":
        openings, closures = content_code(table, OPENINGS_WORDS), content_code(table, CLOSURES_WORDS)
        if openings is None or closures is None or openings == closures:
            return {}
        others = _totals_of_others(table)
        return {"openings": Part(openings, others), "closures": Part(closures, others)}
    content = content_code(table, BANKRUPTCY_WORDS, but=PERSONNEL_WORDS)
    return {"bankruptcies": Part(content, _totals_of_others(table))} if content else {}


FIGURE_LABELS = {
    "population": _("population"),
    "working_age": _("share of working-age people (15–64)"),
    "openings": _("enterprise openings"),
    "closures": _("enterprise closures"),
    "net": _("net change in enterprises"),
    "bankruptcies": _("bankruptcies"),
}


def section(key, place, table=None):
    """The section of a place: its figures for the latest period and a year earlier, and the country's."""
    table = table if table is not None else section_tables()[key]
    result = Section(key, SECTION_HEADINGS[key], table)
    if table is None:
        return result
    parts = _parts(key, table)
    if not parts:
        result.table = None
        return result
    main = next(iter(parts.values()))
    result.period = latest_period(table, main, place.area_codes)
    if result.period is None:
        return result
    result.frequency = table.frequency or Frequency.MONTHLY
    result.earlier = periods.shift_months(result.period, -12)
    wanted = {result.period, result.earlier}
    codes = (periods.code(result.period, result.frequency), periods.code(result.earlier, result.frequency))
    values = {
        name: _values(table, part, {"mine": place.area_codes, "country": (COUNTRY_CODE,)}, wanted)
        for name, part in parts.items()
    }
    mine = {name: by_place["mine"] for name, by_place in values.items()}
    country = {name: by_place["country"] for name, by_place in values.items()}

    def figure(name, pick, used, is_share=False, decimals=0, is_difference=False):
        return BusinessFigure(
            key=name,
            label=FIGURE_LABELS[name],
            current=pick(mine, result.period),
            earlier=pick(mine, result.earlier),
            country=pick(country, result.period),
            country_earlier=pick(country, result.earlier),
            provenance=_provenance(table, place.area_codes + (COUNTRY_CODE,), used, codes),
            is_share=is_share,
            decimals=decimals,
            is_difference=is_difference,
        )

    def plain(name):
        return lambda values, period: values[name].get(period, MISSING)

    if key == "population":
        result.figures.append(figure("population", plain("population"), [parts["population"]]))
        if "working_age" in parts:
            result.figures.append(
                figure(
                    "working_age",
                    lambda values, period: _share(
                        values["working_age"].get(period, MISSING), values["population"].get(period, MISSING)
                    ),
                    [parts["working_age"], parts["population"]],
                    is_share=True,
                    decimals=1,
                )
            )
    elif key == "enterprises":
        result.figures.append(figure("openings", plain("openings"), [parts["openings"]]))
        result.figures.append(figure("closures", plain("closures"), [parts["closures"]]))
        result.figures.append(
            figure(
                "net",
                lambda values, period: _difference(
                    values["openings"].get(period, MISSING), values["closures"].get(period, MISSING)
                ),
                [parts["openings"], parts["closures"]],
                is_difference=True,
            )
        )
    else:
        result.figures.append(figure("bankruptcies", plain("bankruptcies"), [parts["bankruptcies"]]))
    return result


def sections(place, tables=None):
    """Every section of the business-life picture for the place, in the order shown."""
    tables = tables if tables is not None else section_tables()
    return [
        section(key, place, tables[key]) if tables[key] else Section(key, SECTION_HEADINGS[key], None)
        for key in SECTIONS
    ]


# --- the table shown and downloaded ----------------------------------------------------------


def columns(result):
    """The headings of a section's table, the same on the page and in the downloads."""
    return [
        str(_("Figure")),
        result.period_label,
        result.earlier_label,
        str(_("Change")),
        str(_("Change, %")),
        str(_("Whole country, %(period)s")) % {"period": result.period_label},
        str(_("Whole country, change")),
        str(_("Note")),
    ]


def figure_label(figure):
    label = str(figure.label)
    label = label[:1].upper() + label[1:]
    return f"{label} (%)" if figure.is_share else label


def note(result, figure):
    """What a reader must know of the figure: which of its periods' sums lack a municipality's cell."""
    incomplete = [
        label
        for label, value in ((result.period_label, figure.current), (result.earlier_label, figure.earlier))
        if value.known and not value.complete
    ]
    return str(_("incomplete: %(names)s")) % {"names": ", ".join(incomplete)} if incomplete else ""


def rows(result):
    """Each figure as a row of plain values (numbers rounded as shown): the page's table and the download."""
    return [
        [
            figure_label(figure),
            rounded(figure.current.value, figure.decimals),
            rounded(figure.earlier.value, figure.decimals),
            rounded(figure.change, figure.decimals),
            rounded(figure.percent_change, 1),
            rounded(figure.country.value, figure.decimals),
            rounded(figure.country_change, figure.decimals),
            note(result, figure),
        ]
        for figure in result.figures
    ]


def filename(result, place_slug):
    return f"{result.key}-{place_slug}-{periods.code(result.period, result.frequency).lower()}"
