"""Who may see and do what in the situational picture.

The figures are public. Signals: the public sees verified public signals, partners also
verified partner-only ones, reporters their own whatever their status, and the area's
coordinators every signal (they verify them). Partner editors and coordinators report
signals; coordinators verify them. Reviews are public once published; coordinators of the
area draft, edit and publish them.
"""

from django.db.models import Q

from verkko.accounts.access import edited_organization_ids, is_coordinator, is_partner
from verkko.ecosystem.models import Organization, Visibility
from verkko.situation.models import Review, Signal


def visible_signals(user, area):
    signals = Signal.objects.filter(area=area)
    if is_coordinator(user, area):
        return signals
    seen = Q(status=Signal.Status.VERIFIED, visibility=Visibility.PUBLIC)
    if is_partner(user, area):
        seen |= Q(status=Signal.Status.VERIFIED)
    if user.is_authenticated:
        seen |= Q(reporter=user)
    return signals.filter(seen)


def counted_signals(user, area):
    """Signals that count in the picture: verified ones the user may see."""
    return visible_signals(user, area).filter(status=Signal.Status.VERIFIED)


def reporting_organizations(user, area):
    """The organisations in whose name the user may report signals of the area."""
    if is_coordinator(user, area):
        return Organization.objects.filter(area=area, archived_at__isnull=True)
    return Organization.objects.filter(area=area, archived_at__isnull=True, pk__in=edited_organization_ids(user, area))


def can_report_signal(user, area):
    return reporting_organizations(user, area).exists()


def can_check_signal(user, signal):
    return is_coordinator(user, signal.area_id)


def visible_reviews(user, area):
    reviews = Review.objects.filter(area=area)
    if is_coordinator(user, area):
        return reviews
    return reviews.filter(status=Review.Status.PUBLISHED)


def can_edit_reviews(user, area):
    return is_coordinator(user, area)
