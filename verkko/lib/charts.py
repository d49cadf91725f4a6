"""Charts: one Vega-Lite specification, rendered to SVG on the server, interactive in the browser.

The SVG is cached under a hash of the specification, which holds the data, so a chart is
drawn again only when its data change.
"""

import hashlib

import orjson
import vl_convert
from django.core.cache import cache
from django.utils.translation import get_language

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
        cache.set(key, svg, None)
    return svg


def chart(spec, *, title, columns, rows, description=""):
    """What the `lib/chart.html` template needs: the SVG, the specification and its data table.

    columns: the table's headings; rows: lists of cells in the same order (what the chart shows).
    """
    # Named by its content, so that ids stay unique and stable in page fragments cached by other processes.
    digest = hashlib.sha256(orjson.dumps(spec, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]
    return {
        "id": f"chart-{digest}",
        "title": title,
        "description": description,
        "svg": render_svg(spec),
        "spec": spec,
        "columns": columns,
        "rows": rows,
    }


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
