"""Publishing a monitoring report: the snapshot of the month is stored and never changed again."""

from django.utils import timezone

from verkko.lib.history import recorded_action
from verkko.reports import snapshot
from verkko.reports.models import PublishedReport


class CannotPublish(Exception):
    """The month is not over yet, or its report has already been published."""


@recorded_action
def publish_report(user, area, period, now=None):
    """Freeze the report of the area's month (a Period) as it stands now. A month can be published
    once it is over, and only once: an earlier publication stays as it was."""
    now = now or timezone.now()
    if period.last_day >= timezone.localdate(now):
        raise CannotPublish("month not over")
    if PublishedReport.objects.filter(area=area, period=period.first_day).exists():
        raise CannotPublish("already published")
    return PublishedReport.objects.create(
        area=area,
        period=period.first_day,
        content=snapshot.build(area, period),
        published_at=now,
        published_by=user if user is not None and user.is_authenticated else None,
    )
