from auditlog.models import LogEntry
from django import template
from django.urls import translate_url
from django.utils.translation import pgettext_lazy

from verkko.lib.formatting import format_number, format_signed

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page's address in another language (for the language switcher)."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.filter
def number(value, decimals=0):
    """{{ value|number:1 }} → 12 345,6 in Finnish, 12,345.6 in English; – when missing."""
    return format_number(value, int(decimals or 0))


@register.filter
def signed(value, decimals=0):
    """{{ change|signed:1 }} → +1,2, −345 or ±0."""
    return format_signed(value, int(decimals or 0))


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


@register.filter
def history_value(value):
    """A recorded old or new value; the history records an empty value as the text "None"."""
    return "–" if value in (None, "", "None") else value
