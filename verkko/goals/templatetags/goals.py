from django import template
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from verkko.goals import forecast, status
from verkko.goals.models import Action, Confidence, Status
from verkko.lib.formatting import format_change
from verkko.stats import periods

register = template.Library()


@register.simple_tag
def status_light(value):
    """The status as a word in a coloured pill: colour is never the only cue."""
    return format_html('<span class="status status-{}">{}</span>', value, Status(value).label)


@register.filter
def period_code(period, frequency):
    """The statistics code (2026M10), for addresses."""
    return "–" if period is None else periods.code(period, frequency)


@register.filter
def period_label(period, frequency):
    """The period as people read it (10/2026, Q4/2026, 2026)."""
    return "–" if period is None else periods.label(period, frequency)


@register.simple_tag
def trend_text(trend):
    """For example "↑ rising for 3 periods (improving)"."""
    if trend is None:
        return gettext("no trend yet")
    if trend.direction == status.FLAT:
        words = ngettext("→ unchanged for %(n)s period", "→ unchanged for %(n)s periods", trend.periods)
    elif trend.direction == status.UP:
        words = ngettext("↑ rising for %(n)s period", "↑ rising for %(n)s periods", trend.periods)
    else:
        words = ngettext("↓ falling for %(n)s period", "↓ falling for %(n)s periods", trend.periods)
    text = words % {"n": trend.periods}
    if trend.improving is True:
        text += " (" + gettext("improving") + ")"
    elif trend.improving is False:
        text += " (" + gettext("worsening") + ")"
    return text


@register.simple_tag
def forecast_method(found, indicator):
    """The forecast's method in words, with the yearly change it continues."""
    change = format_change(found.yearly_change, indicator.decimals, indicator.unit)
    if found.method == forecast.MONTHLY_METHOD:
        text = gettext(
            "Method: the mean year-on-year change of the last twelve months (%(change)s a year), continued "
            "from the same month of the latest year, so that the seasons are kept."
        )
    elif found.method == forecast.QUARTERLY_METHOD:
        text = gettext(
            "Method: the mean year-on-year change of the last four quarters (%(change)s a year), continued "
            "from the same quarter of the latest year, so that the seasons are kept."
        )
    else:
        text = gettext("Method: the mean yearly change of the last three years (%(change)s a year), continued.")
    return text % {"change": change}


@register.simple_tag
def confidence_label(value):
    return Confidence(value).label


@register.simple_tag
def action_status_label(value):
    return Action.Status(value).label
