from auditlog.models import LogEntry
from django import template
from django.core.exceptions import FieldDoesNotExist
from django.urls import translate_url
from django.utils.translation import pgettext, pgettext_lazy

from verkko.lib.formatting import format_number, format_signed

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


_HISTORY_BOOLEANS = {"True": pgettext_lazy("change history", "yes"), "False": pgettext_lazy("change history", "no")}
# Keys that mean nothing to a reader of the history.
_HISTORY_HIDDEN_FIELDS = {"id", "uuid"}


@register.filter
def history_value(value):
    """A recorded old or new value; the history records values as text ("None", "True")."""
    if value in (None, "", "None"):
        return "–"
    return _HISTORY_BOOLEANS.get(value, value)


@register.filter
def history_changes(entry):
    """(field label, change text) pairs of a history entry; many-to-many changes read "added: a, b"."""
    model = entry.content_type.model_class()
    display = entry.changes_display_dict
    rows = []
    for name, change in (entry.changes_dict or {}).items():
        if name in _HISTORY_HIDDEN_FIELDS:
            continue
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            label = name
        if isinstance(change, dict) and change.get("type") == "m2m":
            operation = {
                "add": pgettext("change history", "added"),
                "delete": pgettext("change history", "removed"),
            }.get(change.get("operation"), change.get("operation"))
            rows.append((label, f"{operation}: {', '.join(change.get('objects', []))}"))
        elif label in display:
            old, new = (history_value(value) for value in display[label])
            if old != new:
                rows.append((label, f"{old} → {new}"))
    return rows
