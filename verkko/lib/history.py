"""Every write records who changed what, when, and the old and new values (django-auditlog); and
the history as people read it: field labels, formatted values, no internal fields."""

import contextvars
import functools
from datetime import date, datetime

from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils.translation import pgettext, pgettext_lazy

from verkko.lib.formatting import decimals_of, format_date, format_datetime, format_number

# Keys that mean nothing to a reader of the history, in every model.
HIDDEN_FIELDS = {"id", "uuid", "slug", "area", "checksum"}
_MODEL_FORMATS = {}
_recording = contextvars.ContextVar("recorded_action", default=0)


def recorded_action(function):
    """Make an action atomic and record its changes in the history in the name of its user.

    Every action takes the acting user as its first argument.
    """

    @functools.wraps(function)
    def wrapper(user, *args, **kwargs):
        actor = user if user is not None and user.is_authenticated else None
        token = _recording.set(_recording.get() + 1)
        try:
            with transaction.atomic(), set_actor(actor):
                return function(user, *args, **kwargs)
        finally:
            _recording.reset(token)

    return wrapper


def in_recorded_action():
    """Whether the code runs inside an action: its writes are content that people changed."""
    return _recording.get() > 0


def history_of(obj, limit=50):
    """The newest changes of one object, with their actors."""
    return LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[:limit]


def register_formats(model, *, hidden=(), decimals=None, periods=None):
    """How the history shows a model's changes.

    hidden: more field names left out (codes, internal keys); decimals(obj): the decimals of its
    numbers; periods(obj): {field name: frequency} of date fields that hold periods, shown as
    "marraskuu 2026" rather than as a day. obj is None when the object is gone.
    """
    _MODEL_FORMATS[model] = {"hidden": set(hidden), "decimals": decimals, "periods": periods}


def _number(text, decimals):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return text
    return format_number(value, decimals if decimals is not None else decimals_of(text))


def _day(text):
    try:
        return format_date(date.fromisoformat(str(text)[:10]))
    except ValueError:
        return text


def _moment(text):
    try:
        return format_datetime(datetime.fromisoformat(str(text)))
    except ValueError:
        return text


def _period(text, frequency):
    from verkko.stats.periods import Period

    try:
        return Period.of(date.fromisoformat(str(text)[:10]), frequency).name
    except ValueError:
        return text


def _formatter(field, formats, obj):
    """A function from a recorded text to what a reader reads, or None to keep the display text."""
    if field.choices or isinstance(field, models.ForeignKey):
        return None
    if isinstance(field, models.BooleanField):
        return lambda text: str(_BOOLEANS.get(text, text))
    if isinstance(field, (models.FloatField, models.DecimalField)):
        decimals = formats["decimals"](obj) if formats.get("decimals") and obj is not None else None
        return lambda text: _number(text, decimals)
    if isinstance(field, (models.IntegerField,)):
        return lambda text: _number(text, 0)
    if isinstance(field, models.DateTimeField):
        return _moment
    if isinstance(field, models.DateField):
        frequency = (formats["periods"](obj) if formats.get("periods") and obj is not None else {}).get(field.name)
        return (lambda text: _period(text, frequency)) if frequency else _day
    return None


_BOOLEANS = {"True": pgettext_lazy("change history", "yes"), "False": pgettext_lazy("change history", "no")}


def _choice_label(field, text):
    """A choice recorded as text ("lower", "3") by its label."""
    return str({str(value): label for value, label in field.flatchoices}.get(str(text), text))


def _missing(text):
    return text in (None, "", "None")


def readable_changes(entry, *, read_objects=True):
    """(field label, "old → new") pairs of a history entry: labels, values formatted as the pages
    show them, internal fields left out; many-to-many changes read "added: a, b".

    Without read_objects (lists of many entries) nothing is read from the database: a link to another
    object is named by its label only ("" as its change), numbers keep the decimals they were recorded
    with and a period reads as its first day.
    """
    model = entry.content_type.model_class()
    formats = _MODEL_FORMATS.get(model, {})
    hidden = HIDDEN_FIELDS | formats.get("hidden", set())
    display = entry.changes_display_dict if read_objects else {}
    obj = None
    rows = []
    for name, change in (entry.changes_dict or {}).items():
        if name in hidden or name.endswith("_id") and name[:-3] in hidden:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        label = str(field.verbose_name)
        if isinstance(change, dict) and change.get("type") == "m2m":
            operation = {
                "add": pgettext("change history", "added"),
                "delete": pgettext("change history", "removed"),
            }.get(change.get("operation"), change.get("operation"))
            rows.append((label, f"{operation}: {', '.join(change.get('objects', []))}"))
            continue
        if not read_objects and (field.is_relation or not isinstance(change, list | tuple) or len(change) != 2):
            rows.append((label, ""))
            continue
        if obj is None and formats and read_objects:
            obj = _object_of(entry, model)
        formatter = _formatter(field, formats, obj)
        if formatter is None and not read_objects and field.choices:
            formatter = functools.partial(_choice_label, field)
        pair = display.get(label, change) if formatter is None else change
        old, new = ("–" if _missing(text) else (formatter(text) if formatter else str(text)) for text in pair)
        if old != new:
            rows.append((label, f"{old} → {new}"))
    return rows


def _object_of(entry, model):
    try:
        return model._default_manager.get(pk=entry.object_pk)
    except (model.DoesNotExist, ValueError):
        return _deleted_object(entry, model)


def _deleted_object(entry, model):
    """A deleted object rebuilt from the values its deletion recorded, enough to format them."""
    values = {}
    for name, (old, _new) in (entry.changes_dict or {}).items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey) and not _missing(old):
            values[field.attname] = old
    try:
        return model(**values)
    except (TypeError, ValueError):
        return None
