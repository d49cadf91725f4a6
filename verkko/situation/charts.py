"""The charts of the situational picture: each one a Vega-Lite specification and the rows of its table.

The page shows the rows as the chart's data table and the download sends the very same rows.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from verkko.lib.charts import VEGA_LITE_VERSION, chart, highest_and_lowest, number_format, period_labels
from verkko.lib.formatting import format_number, format_period, format_quantity, rounded
from verkko.situation.figures import add_months, file_month, period_label, series_of
from verkko.stats.periods import Period

WIDTH, HEIGHT = 640, 260
SEASONAL_YEARS = 6
CURRENT_COLOUR, OTHER_COLOUR = "#b34700", "#4c78a8"
MONTH_FORMAT = "%-m/%Y"  # 11/2026, as the tables write months
SCHEMA = f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE_VERSION.split('.')[0]}.json"


@dataclass
class Tabular:
    """A chart's specification and the table that shows (and downloads) exactly its figures."""

    title: str
    columns: list
    rows: list
    spec: dict
    filename: str
    description: str = ""
    links: list = field(default_factory=list)  # (name, address) of pages the chart's rows have here
    summary: str = ""  # the main figures in words, formatted: part of the chart's text alternative

    def chart(self):
        return chart(
            self.spec,
            title=self.title,
            columns=self.columns,
            rows=self.rows,
            description=self.description,
            summary=self.summary,
        )


def _spec(title, values, mark, encoding, height=HEIGHT):
    return {
        "$schema": SCHEMA,
        # The figure's caption carries the title; the description names the chart for screen readers.
        "description": title,
        "width": WIDTH,
        "height": height,
        "data": {"values": values},
        "mark": mark,
        "encoding": encoding,
    }


def _incomplete_note(names):
    return _("incomplete: %(names)s") % {"names": ", ".join(names)} if names else ""


def trend(table, measure, places, since):
    """A line per place over the months from `since`: e.g. the area, and the country for a rate."""
    by_period = {}
    for index, place in enumerate(places):
        for period, value in series_of(table, measure, place.area_codes, since):
            by_period.setdefault(period, [None] * len(places) + [[]])
            by_period[period][index] = rounded(value.value, measure.decimals)
            if not value.complete:
                by_period[period][-1].append(place.name)
    rows = [
        [period_label(period), *cells[:-1], _incomplete_note(cells[-1])] for period, cells in sorted(by_period.items())
    ]
    values = [
        {"month": period.isoformat(), "place": place.name, "value": cells[index]}
        for period, cells in sorted(by_period.items())
        for index, place in enumerate(places)
        if cells[index] is not None
    ]
    title = _("%(measure)s by month") % {"measure": _capitalised(measure.label)}
    spec = _spec(
        title,
        values,
        {"type": "line", "point": len(rows) <= 24},
        {
            "x": {
                "field": "month",
                "type": "temporal",
                "timeUnit": "yearmonth",
                "title": _("Month"),
                "axis": period_labels("M"),  # 1/2026, as the tables write months
            },
            "y": {"field": "value", "type": "quantitative", "title": _unit_title(measure)},
            "color": {"field": "place", "type": "nominal", "title": None, "legend": {"orient": "bottom"}},
            "tooltip": [
                {"field": "place", "type": "nominal", "title": pgettext("place in a chart", "Place")},
                {
                    "field": "month",
                    "type": "temporal",
                    "timeUnit": "yearmonth",
                    "title": _("Month"),
                    "format": MONTH_FORMAT,
                },
                _value_tooltip(measure),
            ],
        },
    )
    columns = [_("Month"), *[place.name for place in places], _("Note")]
    summary = ""
    if by_period:
        latest = max(by_period)
        summary = _("Latest month %(month)s: %(values)s.") % {
            "month": _said(latest),
            "values": ", ".join(
                f"{place.name} {_quantity(measure, by_period[latest][index])}" for index, place in enumerate(places)
            ),
        }
    return Tabular(title, columns, rows, spec, f"{measure.code.lower()}-trend", summary=summary)


def seasonal(table, measure, place, latest, years=SEASONAL_YEARS):
    """The same month in previous years: a line per year over the months 1–12."""
    first_year = latest.year - years + 1
    values_by_year = {year: [None] * 12 for year in range(first_year, latest.year + 1)}
    incomplete = set()
    for period, value in series_of(table, measure, place.area_codes, add_months(latest, -(years * 12))):
        if period.year >= first_year:
            values_by_year[period.year][period.month - 1] = rounded(value.value, measure.decimals)
            if not value.complete:
                incomplete.add((period.year, period.month))
    month_names = _month_names()
    rows = []
    for month in range(1, 13):
        notes = [str(year) for year in values_by_year if (year, month) in incomplete]
        rows.append(
            [
                month_names[month - 1],
                *[values_by_year[year][month - 1] for year in values_by_year],
                _incomplete_note(notes),
            ]
        )
    values = [
        {"month": month, "monthName": month_names[month - 1], "year": str(year), "value": cells[month - 1]}
        for year, cells in values_by_year.items()
        for month in range(1, 13)
        if cells[month - 1] is not None
    ]
    title = _("%(measure)s in %(place)s, the same month in previous years") % {
        "measure": _capitalised(measure.label),
        "place": place.name,
    }
    spec = _spec(
        title,
        values,
        {"type": "line", "point": True},
        {
            "x": {
                "field": "monthName",
                "type": "ordinal",
                "sort": month_names,
                "title": _("Month"),
                "axis": {"labelAngle": 0},
            },
            "y": {"field": "value", "type": "quantitative", "title": _unit_title(measure)},
            "color": {
                "field": "year",
                "type": "nominal",
                "title": _("Year"),
                "scale": {"scheme": "category10"},
                "legend": {"orient": "right"},
            },
            "tooltip": [
                {"field": "year", "type": "ordinal", "title": _("Year")},
                {"field": "monthName", "type": "ordinal", "title": _("Month")},
                _value_tooltip(measure),
            ],
        },
    )
    columns = [_("Month"), *[str(year) for year in values_by_year], _("Note")]
    now, earlier = values_by_year[latest.year][latest.month - 1], values_by_year.get(latest.year - 1, [None] * 12)
    summary = _("Latest month %(month)s: %(value)s; a year earlier %(earlier)s.") % {
        "month": _said(latest),
        "value": _quantity(measure, now),
        "earlier": _quantity(measure, earlier[latest.month - 1]),
    }
    return Tabular(title, columns, rows, spec, f"{measure.code.lower()}-seasonal", summary=summary)


def municipalities(measure, rows, month):
    """The measure in each municipality of the area this month, with the change on a year earlier."""
    table_rows = []
    for row in rows:
        now, before = row.values[measure.code], row.year_ago[measure.code]
        change = now.value - before.value if now.known and before.known else None
        table_rows.append(
            [
                row.municipality.name,
                rounded(now.value, measure.decimals),
                rounded(before.value, measure.decimals),
                rounded(change, measure.decimals),
                "" if now.known else _("suppressed or missing"),
            ]
        )
    title = _("%(measure)s by municipality, %(month)s") % {
        "measure": _capitalised(measure.label),
        "month": period_label(month),
    }
    values = [{"municipality": row[0], "value": row[1]} for row in table_rows if row[1] is not None]
    spec = _bars(title, values, "municipality", _("Municipality"), measure, len(table_rows))
    columns = [_("Municipality"), period_label(month), period_label(add_months(month, -12)), _("Change"), _("Note")]
    summary = highest_and_lowest([(row[0], row[1]) for row in table_rows], decimals=measure.decimals, unit=measure.unit)
    return Tabular(
        title, columns, table_rows, spec, f"{measure.code.lower()}-municipalities-{file_month(month)}", summary=summary
    )


def areas(measure, comparisons, month):
    """The measure in each employment area of the classification with data this month; the page's own marked."""
    rows = []
    for item in comparisons:
        notes = [_("this employment area")] if item.is_current else []
        if not item.value.complete:
            notes.append(
                _("incomplete: %(reporting)s of %(total)s municipalities")
                % {"reporting": item.reporting, "total": item.municipalities}
            )
        rows.append([str(item.area), rounded(item.value.value, measure.decimals), "; ".join(notes)])
    title = _("%(measure)s by employment area, %(month)s") % {
        "measure": _capitalised(measure.label),
        "month": period_label(month),
    }
    values = [
        {"area": row[0], "value": row[1], "current": item.is_current}
        for row, item in zip(rows, comparisons, strict=True)
    ]
    spec = _bars(title, values, "area", _("Employment area"), measure, len(rows))
    # The page's own area stands out from the others.
    spec["encoding"]["color"] = {
        "condition": {"test": "datum.current", "value": CURRENT_COLOUR},
        "value": OTHER_COLOUR,
    }
    columns = [_("Employment area"), period_label(month), _("Note")]
    summary = [
        _("This employment area: %(value)s.") % {"value": _quantity(measure, row[1])}
        for row, item in zip(rows, comparisons, strict=True)
        if item.is_current
    ]
    summary.append(highest_and_lowest([(row[0], row[1]) for row in rows], decimals=measure.decimals, unit=measure.unit))
    return Tabular(
        title,
        columns,
        rows,
        spec,
        f"{measure.code.lower()}-areas-{file_month(month)}",
        summary=" ".join(part for part in summary if part),
    )


def signal_counts(counts, kinds):
    """Verified signals per month and kind: counts is {(month, kind): n}."""
    months = sorted({month for month, _kind in counts})
    rows = [
        [
            period_label(month),
            *[counts.get((month, kind), 0) for kind, _label in kinds],
            sum(counts.get((month, kind), 0) for kind, _label in kinds),
        ]
        for month in months
    ]
    labels = dict(kinds)
    values = [
        {"month": month.isoformat(), "kind": str(labels[kind]), "count": n}
        for (month, kind), n in sorted(counts.items())
    ]
    title = _("Signals by month and kind")
    spec = _spec(
        title,
        values,
        {"type": "bar"},
        {
            "x": {
                "field": "month",
                "type": "ordinal",
                "timeUnit": "yearmonth",
                "title": _("Month"),
                "axis": period_labels("M"),
            },
            "y": {
                "field": "count",
                "type": "quantitative",
                "title": _("Signals"),
                "stack": "zero",
                "axis": {"tickMinStep": 1, "format": "d"},  # whole signals: no 0,5 on the axis
            },
            "color": {"field": "kind", "type": "nominal", "title": _("Kind"), "legend": {"orient": "bottom"}},
            "tooltip": [
                {"field": "kind", "type": "nominal", "title": _("Kind")},
                {"field": "count", "type": "quantitative", "title": _("Signals")},
            ],
        },
    )
    columns = [_("Month"), *[str(label) for _kind, label in kinds], _("Total")]
    total = sum(counts.values())
    summary = ""
    if months:
        summary = ngettext(
            "%(count)s signal, %(first)s – %(last)s.", "%(count)s signals, %(first)s – %(last)s.", total
        ) % {"count": format_number(total), "first": _said(months[0]), "last": _said(months[-1])}
    return Tabular(title, columns, rows, spec, "signals-by-month", summary=summary)


def _bars(title, values, field, field_title, measure, count):
    return _spec(
        title,
        values,
        {"type": "bar"},
        {
            "y": {"field": field, "type": "nominal", "sort": "-x", "title": field_title},
            "x": {"field": "value", "type": "quantitative", "title": _unit_title(measure)},
            "tooltip": [
                {"field": field, "type": "nominal", "title": field_title},
                _value_tooltip(measure),
            ],
        },
        height=max(120, 18 * count),
    )


def _said(month):
    """The month as running text says it (marraskuu 2026): what a screen reader reads well."""
    return format_period(Period(month), long=True)


def _value_tooltip(measure):
    return {
        "field": "value",
        "type": "quantitative",
        "title": _unit_title(measure),
        "format": number_format(measure.decimals),
    }


def _quantity(measure, value):
    return format_quantity(value, measure.decimals, measure.unit)


def _unit_title(measure):
    return f"{_capitalised(measure.label)} (%)" if measure.is_rate else _capitalised(measure.label)


def _capitalised(text):
    text = str(text)
    return text[:1].upper() + text[1:]


def _month_names():
    return [
        pgettext("month", "Jan"),
        pgettext("month", "Feb"),
        pgettext("month", "Mar"),
        pgettext("month", "Apr"),
        pgettext("month", "May"),
        pgettext("month", "Jun"),
        pgettext("month", "Jul"),
        pgettext("month", "Aug"),
        pgettext("month", "Sep"),
        pgettext("month", "Oct"),
        pgettext("month", "Nov"),
        pgettext("month", "Dec"),
    ]
