"""Charts: one Vega-Lite specification, rendered to SVG on the server, interactive in the browser.

The SVG is cached under a hash of the specification, which holds the data, so a chart is
drawn again only when its data change.
"""

import hashlib

import orjson
import vl_convert
from django.core.cache import cache
from django.utils.translation import get_language, gettext

from verkko.lib.formatting import format_quantity

VEGA_LITE_VERSION = "5.21"
_LOCALES = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}


def render_svg(spec):
    """The SVG of a Vega-Lite specification, in the current language's number and date format."""
    locale = _LOCALES.get(get_language() or "fi", "fi-FI")
    encoded = orjson.dumps(spec, option=orjson.OPT_SORT_KEYS)
    key = "chart-svg:" + hashlib.sha256(encoded + locale.encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = vl_convert.vegalite_to_svg(
            spec, vl_version=VEGA_LITE_VERSION, format_locale=locale, time_format_locale=locale
        )
        # The page names and describes the chart (lib/chart.html); Vega's marks inside have no words.
        svg = svg.replace("<svg ", '<svg aria-hidden="true" ', 1)
        cache.set(key, svg, None)
    return svg


def chart(spec, *, title, columns, rows, description="", summary=""):
    """What the `lib/chart.html` template needs: the SVG, the specification and its data table.

    columns: the table's headings; rows: lists of cells in the same order (what the chart shows).
    description: what the chart shows, in words; summary: its main figures in words, formatted by
    verkko.lib.formatting. Title, description and summary make the chart's text alternative: the
    specification's description (what Vega names the chart in the browser) and a PDF image's alt.
    """
    details = " ".join(_sentence(part) for part in (description, summary) if part)
    alternative = " ".join(part for part in (_sentence(title), details) if part)
    # Vega's own labels of marks and axes are English and show raw numbers ("%: 9,19811320755"):
    # left out, the chart is one image named by its text alternative and its table has the figures.
    spec = {**spec, "description": alternative, "config": {**spec.get("config", {}), "aria": False}}
    # Named by its content, so that ids stay unique and stable in page fragments cached by other processes.
    digest = hashlib.sha256(orjson.dumps(spec, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]
    return {
        "id": f"chart-{digest}",
        "title": title,
        "description": description,
        "summary": summary,
        "details": details,  # description and summary as sentences: what the figure's words say
        "alternative": alternative,
        "svg": render_svg(spec),
        "spec": spec,
        "columns": columns,
        "rows": rows,
    }


def _sentence(text):
    text = str(text).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def highest_and_lowest(named_values, *, decimals=0, unit=""):
    """ "Highest Oulu 12,3 %, lowest Kemi 8,1 %." of (name, value) pairs; "" without values."""
    known = [(name, value) for name, value in named_values if value is not None]
    if len(known) < 2:
        return ""
    (high_name, high), (low_name, low) = max(known, key=lambda pair: pair[1]), min(known, key=lambda pair: pair[1])
    return gettext("Highest %(high_name)s %(high)s, lowest %(low_name)s %(low)s.") % {
        "high_name": high_name,
        "high": format_quantity(high, decimals, unit),
        "low_name": low_name,
        "low": format_quantity(low, decimals, unit),
    }


def number_format(decimals=0):
    """The d3 format of a figure with these decimals, grouped: the locale makes it 1 234,5."""
    return f",.{decimals}f"


# The labels of a time axis, as verkko.stats.periods labels periods (11/2026, Q4/2026, 2026), so
# that a chart's axis reads as its table and every other page do. Periods are dates of their first
# day, in UTC.
_PERIOD_LABELS = {
    "M": "(utcmonth(datum.value) + 1) + '/' + utcyear(datum.value)",
    "Q": "'Q' + (floor(utcmonth(datum.value) / 3) + 1) + '/' + utcyear(datum.value)",
    "Y": "'' + utcyear(datum.value)",
}


def period_labels(frequency="M"):
    """An axis whose labels read as periods do on the pages: 11/2026, Q4/2026, 2026."""
    return {"labelExpr": _PERIOD_LABELS.get(frequency, _PERIOD_LABELS["M"]), "labelAngle": 0}


def period_axis(frequency="M", **axis):
    """The x encoding of a time series whose periods are monthly, quarterly or yearly."""
    return {"field": "period", "type": "temporal", "title": None, "axis": {**period_labels(frequency), **axis}}
