"""Every write of the situational picture: signals reported and checked, reviews drafted, edited, published."""

from django.utils import timezone

from verkko.accounts.access import coordinators_of
from verkko.lib.history import recorded_action
from verkko.lib.mail import send_notice
from verkko.situation.models import Review, Signal
from verkko.situation.review import review_fields


@recorded_action
def report_signal(user, area, data):
    """A partner's new signal; it waits for a coordinator's check before it counts."""
    signal = Signal.objects.create(area=area, reporter=user, status=Signal.Status.SUBMITTED, **data)
    send_notice(
        coordinators_of(area).exclude(pk=user.pk),
        area=area,
        kind="signal_to_verify",
        key=f"signal:{signal.uuid}",
        template="news/email/signal_to_verify",
        context={"signal": signal},
    )
    return signal


@recorded_action
def check_signal(user, signal, decision, note="", visibility=""):
    """A coordinator verifies or rejects a signal, and may change who sees it (public or partners)."""
    signal.status = decision
    signal.check_note = note
    signal.checked_by = user
    signal.checked_at = timezone.now()
    if visibility:
        signal.visibility = visibility
    signal.save(update_fields=["status", "check_note", "checked_by", "checked_at", "visibility"])
    return signal


@recorded_action
def draft_review(user, table, area, month):
    """A new draft review of the month, written from its figures and verified public signals."""
    return Review.objects.create(area=area, month=month, created_by=user, **review_fields(table, area, month))


@recorded_action
def update_review(user, review, data):
    for name, value in data.items():
        setattr(review, name, value)
    review.save()
    return review


@recorded_action
def publish_review(user, review):
    review.status = Review.Status.PUBLISHED
    review.published_at = review.published_at or timezone.now()
    review.save(update_fields=["status", "published_at", "updated_at"])
    return review
