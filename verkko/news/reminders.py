"""Reminders sent by ``manage.py send_reminders`` (daily): check-ins due in three days or overdue,
to the lead organisation's editors; and changes of an indicator's status, to its followers.

Each reminder goes once: a Notification per user, kind and key is claimed before it is sent
(``verkko.news.mail.send_once``). The rules of when a check-in is due and what an indicator's
status is are the goals app's (``Action.check_in_due_on``, ``verkko.goals.values.assess``).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db.models import Prefetch
from django.utils import timezone

from verkko.accounts.access import editors_of
from verkko.goals import values
from verkko.goals.access import visible_indicators
from verkko.goals.models import Action, CheckIn, Indicator, Status
from verkko.news.mail import send_once
from verkko.news.models import Follow, IndicatorStatusSeen
from verkko.stats.periods import Period

# A check-in reminder goes this many days before the check-in is due (and once more when it is late).
DAYS_BEFORE_DUE = 3

CHECK_IN_DUE = "check_in_due"
CHECK_IN_OVERDUE = "check_in_overdue"
INDICATOR_STATUS = "indicator_status"


@dataclass
class Sent:
    check_ins_due: int = 0
    check_ins_overdue: int = 0
    indicator_changes: int = 0


def check_in_reminder_kind(action, today):
    """CHECK_IN_DUE within three days of the day the check-in is due, CHECK_IN_OVERDUE after it, else None."""
    due = action.check_in_due_on()
    if due is None:
        return None
    if today > due:
        return CHECK_IN_OVERDUE
    if (due - today).days <= DAYS_BEFORE_DUE:
        return CHECK_IN_DUE
    return None


def send_check_in_reminders(today=None, connection=None, sent=None):
    today = today or timezone.localdate()
    sent = sent or Sent()
    actions = (
        Action.objects.exclude(status__in=[Action.Status.DONE, Action.Status.CANCELLED])
        .select_related("lead_organization__area")
        .prefetch_related(Prefetch("check_ins", queryset=CheckIn.objects.only("pk", "action_id", "created_at")))
    )
    for action in actions:
        kind = check_in_reminder_kind(action, today)
        if kind is None:
            continue
        due = action.check_in_due_on()
        area = action.lead_organization.area
        context = {"action": action, "due_on": due, "overdue": kind == CHECK_IN_OVERDUE, "today": today}
        for user in editors_of(action.lead_organization):
            if send_once(
                user,
                area,
                kind,
                f"action:{action.uuid}:due:{due.isoformat()}",
                "news/email/check_in_reminder",
                context,
                connection=connection,
            ):
                if kind == CHECK_IN_OVERDUE:
                    sent.check_ins_overdue += 1
                else:
                    sent.check_ins_due += 1
    return sent


def followers_of(indicator):
    """Active users following the indicator who may still see it."""
    follows = Follow.objects.filter(
        area=indicator.area_id,
        subject_type=ContentType.objects.get_for_model(Indicator),
        subject_id=indicator.pk,
        user__is_active=True,
    ).select_related("user")
    return [
        follow.user
        for follow in follows
        if visible_indicators(follow.user, indicator.area_id).filter(pk=indicator.pk).exists()
    ]


def record_indicator_status(indicator):
    """Compares the indicator's status now with the one last told; returns (previous, seen) on a change.

    The first time an indicator is seen its status is recorded and nobody is told.
    """
    assessment = values.assess(indicator)
    seen = IndicatorStatusSeen.objects.filter(indicator=indicator).first()
    if seen is None:
        IndicatorStatusSeen.objects.create(indicator=indicator, status=assessment.status, period=assessment.period)
        return None
    if seen.status == assessment.status:
        if seen.period != assessment.period:
            IndicatorStatusSeen.objects.filter(pk=seen.pk).update(period=assessment.period)
        return None
    previous = seen.status
    seen.previous_status = previous
    seen.status = assessment.status
    seen.period = assessment.period
    seen.save()
    return previous, seen


def send_indicator_status_changes(connection=None, sent=None):
    sent = sent or Sent()
    indicators = Indicator.objects.select_related("area", "series", "statistics_area").prefetch_related("targets")
    for indicator in indicators:
        change = record_indicator_status(indicator)
        if change is None:
            continue
        previous, seen = change
        key = f"indicator:{indicator.uuid}:{previous}:{seen.status}:{seen.period or ''}"
        context = {
            "indicator": indicator,
            "previous_status": Status(previous).label if previous in Status.values else previous,
            "status": Status(seen.status).label,
            "period": Period.of(seen.period, indicator.frequency) if seen.period else None,
        }
        for user in followers_of(indicator):
            if send_once(
                user,
                indicator.area,
                INDICATOR_STATUS,
                key,
                "news/email/indicator_status",
                context,
                connection=connection,
            ):
                sent.indicator_changes += 1
    return sent


def send_reminders(today=None):
    """Everything the daily run sends; returns the counts."""
    connection = get_connection()
    sent = Sent()
    send_check_in_reminders(today, connection=connection, sent=sent)
    send_indicator_status_changes(connection=connection, sent=sent)
    return sent
