"""Who may see and do what with news, events and follows of one area.

Public items are for everyone; partner items for the partners of the area; forum items for the
members of the chosen forums (the organisations seated in them) and the area's coordinators.
Coordinators write news and events; a partner editor writes in the name of their organisation.
"""

from django.db.models import Q
from django.utils import timezone

from verkko.accounts.access import edited_organization_ids, is_coordinator, is_partner, member_organization_ids
from verkko.news.models import Audience, Event, NewsItem


def _audience_filter(user, area):
    """The Q of items whose audience includes the user in this area."""
    if is_coordinator(user, area):
        return Q()
    seen = Q(audience=Audience.PUBLIC)
    if is_partner(user, area):
        seen |= Q(audience=Audience.PARTNERS)
        seen |= Q(audience=Audience.FORUMS, forums__members__organization__in=member_organization_ids(user, area))
    return seen


def visible_news(user, area):
    """Published news items of the area the user may read (coordinators also see scheduled ones)."""
    items = NewsItem.objects.filter(area=area)
    if not is_coordinator(user, area):
        items = items.filter(publish_at__lte=timezone.now())
    return items.filter(_audience_filter(user, area)).distinct()


def visible_events(user, area):
    return Event.objects.filter(area=area).filter(_audience_filter(user, area)).distinct()


def can_write(user, area):
    """Coordinators and partner editors write news and events (editors in their organisation's name)."""
    return is_coordinator(user, area) or bool(edited_organization_ids(user, area))


def can_edit_item(user, item):
    """Coordinators edit every item of the area; editors the items of their organisation."""
    if is_coordinator(user, item.area_id):
        return True
    author = getattr(item, "author_organization_id", None) or getattr(item, "organizer_id", None)
    return author is not None and author in edited_organization_ids(user, item.area_id)


def can_sign_up(user, event):
    return user.is_authenticated and event.signup_enabled and not event.is_cancelled
