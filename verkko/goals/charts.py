"""The charts of indicators: Vega-Lite specifications built here, drawn by verkko.lib.charts."""

from django.utils.translation import gettext

from verkko.lib.charts import chart, highest_and_lowest, number_format, period_axis
from verkko.lib.formatting import format_date, format_number, format_period, format_quantity, rounded
from verkko.stats import periods


def _time_axis(indicator):
    return period_axis(indicator.frequency)


def _point(indicator, period, value, **fields):
    """A datum of a chart: the value as shown, and its period as the pages write it (tooltips)."""
    return {
        "period": period.isoformat(),
        "label": periods.label(period, indicator.frequency),
        "value": rounded(value, indicator.decimals),
        **fields,
    }


def _tooltip(indicator, *fields):
    return [
        *fields,
        {"field": "label", "type": "nominal", "title": gettext("Period")},
        {
            "field": "value",
            "type": "quantitative",
            "title": indicator.unit or gettext("Value"),
            "format": number_format(indicator.decimals),
        },
    ]


def _said(indicator, period):
    """The period as running text says it (marraskuu 2026, Q4/2026): what a screen reader reads well."""
    return format_period(periods.Period(period, indicator.frequency), long=True)


def _quantity(indicator, value):
    return format_quantity(value, indicator.decimals, indicator.unit)


def _latest(indicator, values):
    """ "Latest value 10/2025: 43 %." of the newest known value; "" without one."""
    known = [value for value in values if value.value is not None]
    if not known:
        return ""
    return gettext("Latest value %(period)s: %(value)s.") % {
        "period": _said(indicator, known[-1].period),
        "value": _quantity(indicator, known[-1].value),
    }


def indicator_chart(indicator, values, targets, *, width=560, height=240):
    """Actual values, the target path (baseline → targets) and the baseline."""
    actual_label, target_label = gettext("Actual"), gettext("Target path")
    data = [
        _point(indicator, value.period, value.value, series=actual_label) for value in values if value.value is not None
    ]
    path = ([indicator.baseline] if indicator.baseline else []) + sorted(targets)
    data += [_point(indicator, period, value, series=target_label) for period, value in path]
    layers = [
        {
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": _time_axis(indicator),
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": indicator.unit or None,
                    "scale": {"zero": False},
                    "axis": {"format": number_format(indicator.decimals)},
                },
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": [actual_label, target_label], "range": ["#00537a", "#a4151d"]},
                    "legend": {"orient": "bottom"},
                },
                "strokeDash": {
                    "field": "series",
                    "type": "nominal",
                    "scale": {"domain": [actual_label, target_label], "range": [[1, 0], [6, 4]]},
                    "legend": None,
                },
                "tooltip": _tooltip(indicator, {"field": "series", "type": "nominal", "title": gettext("Series")}),
            },
        }
    ]
    if targets:
        # Each target labelled with its value as every page writes it (verkko.lib.formatting).
        layers.append(
            {
                "data": {
                    "values": [
                        {
                            "period": period.isoformat(),
                            "value": value,
                            "label": format_number(value, indicator.decimals),
                        }
                        for period, value in sorted(targets)
                    ]
                },
                "mark": {"type": "text", "dy": -10, "color": "#a4151d", "fontSize": 11},
                "encoding": {
                    "x": {"field": "period", "type": "temporal"},
                    "y": {"field": "value", "type": "quantitative"},
                    "text": {"field": "label", "type": "nominal"},
                },
            }
        )
    if indicator.baseline:
        layers.append(
            {
                "data": {"values": [{"baseline": indicator.baseline_value}]},
                "mark": {"type": "rule", "color": "#4a4a4a", "strokeDash": [2, 2]},
                "encoding": {"y": {"field": "baseline", "type": "quantitative"}},
            }
        )
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": width,
        "height": height,
        "data": {"values": data},
        "layer": layers,
    }
    target_by_period = dict(targets)
    all_periods = sorted({value.period for value in values} | set(target_by_period))
    actual_by_period = {value.period: value.value for value in values}
    rows = [
        [
            periods.label(period, indicator.frequency),
            format_number(actual_by_period.get(period), indicator.decimals),
            format_number(target_by_period.get(period), indicator.decimals),
        ]
        for period in all_periods
    ]
    description = ""
    if indicator.baseline:
        description = gettext("Baseline %(period)s: %(value)s") % {
            "period": _said(indicator, indicator.baseline_period),
            "value": _quantity(indicator, indicator.baseline_value),
        }
    summary = [_latest(indicator, values)]
    if targets:
        last_period, last_target = max(targets)
        summary.append(
            gettext("Target %(period)s: %(value)s.")
            % {"period": _said(indicator, last_period), "value": _quantity(indicator, last_target)}
        )
    return chart(
        spec,
        title=indicator.name,
        description=description,
        summary=" ".join(part for part in summary if part),
        columns=[gettext("Period"), gettext("Actual"), gettext("Target")],
        rows=rows,
    )


def sparkline(indicator, values, *, points=24):
    """A small line of the latest values, without axes."""
    recent = [value for value in values if value.value is not None][-points:]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 120,
        "height": 30,
        "padding": 2,
        "config": {"view": {"stroke": None}},
        "data": {"values": [_point(indicator, value.period, value.value) for value in recent]},
        "mark": {"type": "line", "color": "#00537a", "strokeWidth": 2},
        "encoding": {
            "x": {"field": "period", "type": "temporal", "axis": None},
            "y": {"field": "value", "type": "quantitative", "axis": None, "scale": {"zero": False}},
        },
    }
    return chart(
        spec,
        title=gettext("Trend: %(name)s") % {"name": indicator.name},
        summary=_latest(indicator, recent),
        columns=[gettext("Period"), gettext("Value")],
        rows=[
            [periods.label(value.period, indicator.frequency), format_number(value.value, indicator.decimals)]
            for value in recent
        ],
    )


def municipality_chart(indicator, by_municipality, *, points=36):
    """Each municipality's latest values as lines."""
    data = []
    for municipality, values in by_municipality.items():
        data += [
            _point(indicator, value.period, value.value, municipality=municipality.name)
            for value in values[-points:]
            if value.value is not None
        ]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 560,
        "height": 260,
        "data": {"values": data},
        "mark": {"type": "line"},
        "encoding": {
            "x": _time_axis(indicator),
            "y": {"field": "value", "type": "quantitative", "title": indicator.unit or None},
            "color": {"field": "municipality", "type": "nominal", "title": None, "legend": {"orient": "right"}},
            "tooltip": _tooltip(
                indicator, {"field": "municipality", "type": "nominal", "title": gettext("Municipality")}
            ),
        },
    }
    latest = [(municipality, values[-1] if values else None) for municipality, values in by_municipality.items()]
    return chart(
        spec,
        title=gettext("%(name)s by municipality") % {"name": indicator.name},
        summary=highest_and_lowest(
            [(municipality.name, value.value) for municipality, value in latest if value],
            decimals=indicator.decimals,
            unit=indicator.unit,
        ),
        columns=[gettext("Municipality"), gettext("Period"), gettext("Value")],
        rows=[
            [
                municipality.name,
                periods.label(value.period, indicator.frequency) if value else None,
                format_number(value.value, indicator.decimals) if value else None,
            ]
            for municipality, value in latest
        ],
    )


def short_date(day):
    return format_date(day)
