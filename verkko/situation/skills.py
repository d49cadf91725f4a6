"""Skills needs: open vacancies and unemployed job seekers by occupation (StatFin table 12ti).

The table's variables are read from its stored dimensions at run time, never by code: the
occupation is the other dimension named as one ("Ammatti…", "Yrke…", "Occupation…") or else the
one whose values are codes of 1–5 digits (the classification of occupations 2010, ISCO-08); the
contents are found by their labels, other dimensions (sex …) are kept at their totals. The main
groups (1 digit) are shown and, where the table has them, the groups below them (2 digits).

The figures rule is stats.aggregation's: counts are sums over the place's areas (sum_of_parts),
vacancies per unemployed job seeker comes from the summed parts (ratio_of_parts), and a sum or
a ratio lacking a member's cell is incomplete. Two queries whatever the number of occupations.

Beside each main group stand the verified recruitment and skills-shortage signals partners
reported for it (Signal.occupation_group), as the user may see them (access.counted_signals).
"""

import re
from dataclasses import dataclass, field

from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from verkko.lib.formatting import rounded
from verkko.situation.access import counted_signals
from verkko.situation.business import content_code, total_code
from verkko.situation.figures import MISSING, Value, add_months
from verkko.situation.measures import COUNTRY_CODE
from verkko.situation.models import OccupationGroup, Signal
from verkko.stats import periods
from verkko.stats.aggregation import pick_preferred, ratio_of_parts, sum_of_parts
from verkko.stats.formats import ROLE_OTHER
from verkko.stats.models import Frequency, Observation, Table
from verkko.stats.provenance import Provenance

TABLE_ID = "12ti"
OCCUPATION_WORDS = ("ammat", "yrke", "occupation")
VACANCY_WORDS = ("avoi", "lediga", "vacanc")
UNEMPLOYED_WORDS = ("työttö", "arbetslös", "unemploy")
# New vacancies of the month are a flow, not the vacancies open at the end of it.
NEW_WORDS = ("uude", "uusi", "nya ", "new ")
OCCUPATION_CODE = re.compile(r"^\d{1,5}$")
SHOWN_LEVELS = (1, 2)
SIGNAL_KINDS = (Signal.Kind.RECRUITMENT, Signal.Kind.SKILLS_SHORTAGE)
# Signals are shown from a year before the month of the figures on.
SIGNAL_MONTHS = 12
# The newest signals linked on a line; the count covers them all.
SIGNALS_LISTED = 5


def skills_table():
    """Table 12ti: the real one when it has been imported, else the invented demo table; None when neither."""
    return pick_preferred(Table.objects.filter(table_id=TABLE_ID))


@dataclass(frozen=True)
class Layout:
    """Where the table keeps what the page needs, read from its dimensions."""

    occupation: str  # the occupation dimension's code
    labels: dict  # {occupation code: label} of the codes shown, in the table's order
    vacancies: str
    unemployed: str
    totals: dict  # {other dimension: its total's code}


def _occupation_dimension(others):
    named = [d for d in others if any(w in str(d.get("label", "")).casefold() for w in OCCUPATION_WORDS)]
    if named:
        return named[0]
    scored = [(sum(1 for v in d.get("values", []) if OCCUPATION_CODE.match(v["code"])), d) for d in others]
    scored = [(score, d) for score, d in scored if score]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def layout(table):
    """The table's layout, or None when it lacks an occupation dimension or either content."""
    others = [d for d in table.dimensions if d.get("role") == ROLE_OTHER]
    occupation = _occupation_dimension(others)
    vacancies = content_code(table, VACANCY_WORDS, but=NEW_WORDS)
    unemployed = content_code(table, UNEMPLOYED_WORDS)
    if occupation is None or vacancies is None or unemployed is None or vacancies == unemployed:
        return None
    labels = {
        value["code"]: str(value.get("label") or value["code"])
        for value in occupation.get("values", [])
        if OCCUPATION_CODE.match(value["code"]) and len(value["code"]) in SHOWN_LEVELS
    }
    totals = {d["code"]: total_code(d) for d in others if d["code"] != occupation["code"] and total_code(d)}
    return Layout(occupation["code"], labels, vacancies, unemployed, totals)


def main_group_label(code):
    """A main group's name in the page's language (the classification's, as Signal uses it); groups
    below keep the table's own label, in the language the table was fetched in."""
    if code not in OccupationGroup.values:
        return ""
    return str(OccupationGroup(code).label).removeprefix(f"{code} ")


def _order(code):
    """The classification's order: main groups 1 … 9, then 0 (armed forces), each followed by its groups."""
    return (code[0] == "0", code)


@dataclass
class Line:
    """One occupation of the page: its figures for the place and the country, and the signals beside it."""

    code: str
    label: str
    vacancies: Value = MISSING
    unemployed: Value = MISSING
    ratio: Value = MISSING
    country_ratio: Value = MISSING
    signals: list = field(default_factory=list)
    signal_count: int = 0

    @property
    def level(self):
        return len(self.code)

    @property
    def is_main_group(self):
        return self.level == 1

    @property
    def complete(self):
        return all(v.complete for v in (self.vacancies, self.unemployed, self.ratio) if v.known)


@dataclass
class SkillsNeeds:
    table: Table | None
    place: object
    month: object = None
    lines: list = field(default_factory=list)
    provenance: Provenance | None = None

    @property
    def has_data(self):
        return self.table is not None and self.month is not None and bool(self.lines)

    @property
    def is_demo(self):
        return self.table is not None and self.table.source == Table.Source.DEMO

    @property
    def period_label(self):
        return periods.label(self.month, Frequency.MONTHLY) if self.month else ""


def _series_filter(table, found, area_codes):
    return {
        "series__table": table,
        "series__area_code__in": list(area_codes),
        "series__measure_code__in": [found.vacancies, found.unemployed],
        **{f"series__codes__{dim}": code for dim, code in found.totals.items()},
    }


def latest_month(table, found, area_codes):
    return Observation.objects.filter(value__isnull=False, **_series_filter(table, found, area_codes)).aggregate(
        latest=Max("period")
    )["latest"]


def _cells(table, found, area_codes, month):
    """{occupation: {area: {content: value}}} of the month, from one query."""
    cells = {}
    for area_code, content, codes, value in Observation.objects.filter(
        period=month, **_series_filter(table, found, area_codes)
    ).values_list("series__area_code", "series__measure_code", "series__codes", "value"):
        occupation = codes.get(found.occupation)
        if occupation in found.labels:
            cells.setdefault(occupation, {}).setdefault(area_code, {})[content] = value
    return cells


def _figures(by_area, found, area_codes):
    """(vacancies, unemployed, vacancies per unemployed) of one occupation over the areas."""

    def summed(content):
        total, complete = sum_of_parts({area: by_area.get(area, {}).get(content) for area in area_codes}, area_codes)
        return Value(total, complete) if total is not None else MISSING

    ratio, reporting = ratio_of_parts(by_area, found.vacancies, found.unemployed, scale=1.0)
    ratio_value = Value(ratio, reporting == len(area_codes)) if ratio is not None else MISSING
    return summed(found.vacancies), summed(found.unemployed), ratio_value


def _signals_by_group(user, area, municipality, month):
    """{occupation main group: [signals, newest first]} the user may see, from one query."""
    signals = counted_signals(user, area).filter(
        kind__in=SIGNAL_KINDS, date__gte=add_months(month, -SIGNAL_MONTHS + 1).replace(day=1)
    )
    signals = signals.exclude(occupation_group="")
    if municipality is not None:
        # A municipality's signals and those of the whole area.
        signals = signals.filter(Q(municipality=municipality) | Q(municipality__isnull=True))
    grouped = {}
    for signal in signals.order_by("-date", "-created_at").only(
        "uuid", "kind", "date", "occupation_group", "description", "headcount", "created_at"
    ):
        grouped.setdefault(signal.occupation_group, []).append(signal)
    return grouped


def skills_needs(place, *, user, area, municipality=None, sort="code", table=None):
    """The skills needs of a place for the latest month of 12ti, with the signals the user may see."""
    table = table if table is not None else skills_table()
    result = SkillsNeeds(table, place)
    found = layout(table) if table is not None else None
    if found is None or not place.area_codes:
        return result
    result.month = latest_month(table, found, place.area_codes)
    if result.month is None:
        return result
    codes = tuple(place.area_codes)
    mine = _cells(table, found, codes, result.month)
    country = mine if codes == (COUNTRY_CODE,) else _cells(table, found, (COUNTRY_CODE,), result.month)
    signals = _signals_by_group(user, area, municipality, result.month)
    for code in sorted(found.labels, key=_order):
        if code not in mine and code not in country:
            continue
        vacancies, unemployed, ratio = _figures(mine.get(code, {}), found, codes)
        line = Line(code, main_group_label(code) or found.labels[code], vacancies, unemployed, ratio)
        line.country_ratio = _figures(country.get(code, {}), found, (COUNTRY_CODE,))[2]
        if line.is_main_group:
            listed = signals.get(code, [])
            line.signals, line.signal_count = listed[:SIGNALS_LISTED], len(listed)
        result.lines.append(line)
    if sort == "ratio":
        # The shortest occupations first: most vacancies per unemployed job seeker; unknown ratios last.
        result.lines.sort(key=lambda line: (line.ratio.value is None, -(line.ratio.value or 0), _order(line.code)))
    month_code = periods.code(result.month, Frequency.MONTHLY)
    result.provenance = Provenance(
        table, tuple(dict.fromkeys(codes + (COUNTRY_CODE,))), (found.vacancies, found.unemployed), (month_code,)
    )
    return result


# --- the table shown and downloaded ----------------------------------------------------------

RATIO_DECIMALS = 2


def columns(result):
    """The headings of the page's table, the same in the downloads."""
    return [
        str(_("Occupation code")),
        str(_("Occupation")),
        str(_("Open vacancies")),
        str(_("Unemployed job seekers")),
        str(_("Vacancies per unemployed job seeker")),
        str(_("Whole country: vacancies per unemployed job seeker")),
        str(_("Verified signals")),
        str(_("Note")),
    ]


def note(line):
    """Which of the line's sums lack a municipality's cell."""
    missing = [
        str(label)
        for label, value in (
            (_("open vacancies"), line.vacancies),
            (_("unemployed job seekers"), line.unemployed),
            (_("vacancies per unemployed job seeker"), line.ratio),
        )
        if value.known and not value.complete
    ]
    return str(_("incomplete: %(names)s")) % {"names": ", ".join(missing)} if missing else ""


def rows(result):
    """Each line as plain values (rounded as shown): the page's table and the download."""
    return [
        [
            line.code,
            line.label,
            rounded(line.vacancies.value),
            rounded(line.unemployed.value),
            rounded(line.ratio.value, RATIO_DECIMALS),
            rounded(line.country_ratio.value, RATIO_DECIMALS),
            line.signal_count if line.is_main_group else None,
            note(line),
        ]
        for line in result.lines
    ]


def filename(result, place_slug):
    return f"skills-{place_slug}-{periods.code(result.month, Frequency.MONTHLY).lower()}"
