from auditlog.models import LogEntry
from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import translate_url
from django.utils.translation import pgettext_lazy

from verkko.lib.formatting import (
    format_change,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_period,
    format_quantity,
    format_signed,
    format_time,
)
from verkko.lib.history import readable_changes
from verkko.lib.translated import in_language, marked
from verkko.lib.translated import language_field as _language_field

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page's address in another language (for the language switcher)."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.simple_tag
def area_url(area, viewname, *args):
    """The address of a view of the given area, from any page (e.g. the profile, which has no area)."""
    from verkko.areas import area_reverse

    return area_reverse(area, viewname, args=args)


@register.filter(needs_autoescape=True)
def translated(obj, field, autoescape=True):
    """obj's text in the page's language, line breaks kept; a Finnish stand-in marked (lib/translated.py)."""
    if obj is None:
        return ""
    text, language = in_language(obj, field)
    return marked(text, language, linebreaksbr(text, autoescape))


@register.filter
def language_field(bound_field):
    """Which language of which text a form field holds (lib/translated.py), or None."""
    return _language_field(bound_field)


@register.filter
def in_lang(bound_field, language):
    """The field's widget with the lang attribute of the language its text is written in."""
    return bound_field.as_widget(attrs={"lang": language})


@register.filter
def number(value, decimals=0):
    """{{ value|number:1 }} → 12 345,6 in Finnish, 12,345.6 in English; – when missing."""
    return format_number(value, int(decimals or 0))


@register.filter
def signed(value, decimals=0):
    """{{ change|signed:1 }} → +1,2, −345 or ±0."""
    return format_signed(value, int(decimals or 0))


@register.filter
def quantity(value, measure):
    """{{ value|quantity:indicator }} → 12,7 % with the measure's decimals and unit."""
    return format_quantity(value, measure.decimals, measure.unit)


@register.filter
def change(value, measure):
    """{{ difference|change:indicator }} → +0,8 %-yks. (a difference of rates is in percentage points)."""
    return format_change(value, measure.decimals, measure.unit)


@register.filter
def percent(value, decimals=0):
    return format_percent(value, int(decimals or 0))


@register.filter
def day(value):
    """{{ date|day }} → 1.12.2026."""
    return format_date(value)


@register.filter
def moment(value):
    """{{ datetime|moment }} → 1.12.2026 9.05."""
    return format_datetime(value)


@register.filter
def clock(value):
    """{{ datetime|clock }} → 9.05, where the day is already said."""
    return format_time(value)


@register.filter
def period(value, style=""):
    """{{ period|period }} → 11/2026; {{ period|period:"long" }} → marraskuu 2026."""
    return format_period(value, long=style == "long")


_HISTORY_ACTIONS = {
    LogEntry.Action.CREATE: pgettext_lazy("change history", "created"),
    LogEntry.Action.UPDATE: pgettext_lazy("change history", "changed"),
    LogEntry.Action.DELETE: pgettext_lazy("change history", "deleted"),
    LogEntry.Action.ACCESS: pgettext_lazy("change history", "viewed"),
}


@register.filter
def history_action(action):
    """A history entry's action in the user's language."""
    return _HISTORY_ACTIONS.get(action, action)


_HISTORY_BOOLEANS = {"True": pgettext_lazy("change history", "yes"), "False": pgettext_lazy("change history", "no")}


@register.filter
def history_value(value):
    """A recorded old or new value; the history records values as text ("None", "True")."""
    if value in (None, "", "None"):
        return "–"
    return _HISTORY_BOOLEANS.get(value, value)


@register.filter
def history_changes(entry):
    """(field label, change text) pairs of a history entry, as a reader reads them (verkko.lib.history)."""
    return readable_changes(entry)
