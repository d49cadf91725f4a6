"""The changes of an indicator's targets, read from the history (django-auditlog): set, changed
and removed, with the period and the values as the indicator shows them."""

from datetime import date

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import pgettext

from verkko.goals.models import Target
from verkko.lib.formatting import format_quantity
from verkko.stats.periods import Period


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def target_changes(indicator, limit=50):
    """[{when, who, period, text}] newest first, for every target the indicator has had."""
    target_type = ContentType.objects.get_for_model(Target)
    mine = {str(pk) for pk in indicator.targets.values_list("pk", flat=True)}
    # A removed target is found by the indicator its deletion recorded.
    for deletion in LogEntry.objects.filter(content_type=target_type, action=LogEntry.Action.DELETE):
        if (deletion.changes_dict or {}).get("indicator", [None])[0] == str(indicator.pk):
            mine.add(deletion.object_pk)
    entries = list(
        LogEntry.objects.filter(content_type=target_type, object_pk__in=mine)
        .select_related("actor")
        .order_by("-timestamp")[:limit]
    )
    periods_of = {str(pk): period.isoformat() for pk, period in indicator.targets.values_list("pk", "period")}
    rows = []
    for entry in entries:
        changes = entry.changes_dict or {}
        old, new = changes.get("value", [None, None])
        period_text = changes.get("period", [None, None])[0 if entry.action == LogEntry.Action.DELETE else 1]
        period_text = period_text or periods_of.get(entry.object_pk)
        period = None
        if period_text and period_text != "None":
            period = Period.of(date.fromisoformat(period_text[:10]), indicator.frequency)
        shown = [
            format_quantity(_number(value), indicator.decimals, indicator.unit) if _number(value) is not None else "–"
            for value in (old, new)
        ]
        if entry.action == LogEntry.Action.CREATE:
            text = pgettext("target change", "set: %(new)s") % {"new": shown[1]}
        elif entry.action == LogEntry.Action.DELETE:
            text = pgettext("target change", "removed (was %(old)s)") % {"old": shown[0]}
        else:
            text = f"{shown[0]} → {shown[1]}"
        rows.append(
            {"when": entry.timestamp, "who": entry.actor, "period": period.label if period else "–", "text": text}
        )
    return rows
