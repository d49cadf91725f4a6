"""Who may see and do what with news, events and follows of one area.

Public items are for everyone; partner items for the partners of the area; forum items for the
members of the chosen forums (the organisations seated in them) and the area's coordinators.
Coordinators write news and events; a partner editor writes in the name of their organisation.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from verkko.accounts.access import edited_organization_ids, is_coordinator, is_partner, member_organization_ids
from verkko.ecosystem.access import visible_forums, visible_organizations
from verkko.goals.access import visible_goals, visible_indicators
from verkko.lib.access import get_visible_or_404
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
    """Published news items of the area the user may read; scheduled ones only for coordinators and
    their authors (the writer, and the editors of the author organisation)."""
    items = NewsItem.objects.filter(area=area)
    if not is_coordinator(user, area):
        shown = Q(publish_at__lte=timezone.now())
        if user.is_authenticated:
            shown |= Q(created_by=user) | Q(author_organization__in=edited_organization_ids(user, area))
        items = items.filter(shown)
    return items.filter(_audience_filter(user, area)).distinct()


def public_news(area):
    """What the area's public Atom feed holds: published news for everyone."""
    return NewsItem.objects.filter(area=area, audience=Audience.PUBLIC, publish_at__lte=timezone.now())


def public_events(area):
    return Event.objects.filter(area=area, audience=Audience.PUBLIC)


def get_visible_news_or_404(user, area, uuid):
    """A news item of the area the user may read; a hidden one asks the public to sign in (PartnerOnly)."""
    return get_visible_or_404(
        visible_news(user, area).select_related("author_organization", "created_by", "area"),
        NewsItem.objects.filter(area=area),
        uuid=uuid,
    )


def get_visible_event_or_404(user, area, uuid):
    return get_visible_or_404(
        visible_events(user, area).select_related("forum", "organizer", "area"),
        Event.objects.filter(area=area),
        uuid=uuid,
    )


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


def writable_organizations(user, area):
    """The organisations in whose name the user writes: any of the area for coordinators, else their own."""
    organizations = visible_organizations(area)
    return (
        organizations
        if is_coordinator(user, area)
        else organizations.filter(pk__in=edited_organization_ids(user, area))
    )


def can_sign_up(user, event):
    return user.is_authenticated and event.signup_enabled and not event.is_cancelled


def can_see_registrations(user, event):
    """Who signed up is for the coordinators and the organiser's editors, not for the other participants."""
    return can_edit_item(user, event)


# What a user may follow: forums, goals, indicators and organisations of the area they may see.
FOLLOWABLE = {
    "forum": lambda user, area: visible_forums(user, area),
    "goal": lambda user, area: visible_goals(user, area),
    "indicator": lambda user, area: visible_indicators(user, area),
    "organisation": lambda user, area: visible_organizations(area),
}


def followable(user, area, kind):
    """The objects of one kind the user may follow in the area (a queryset)."""
    if kind not in FOLLOWABLE:
        raise Http404
    return FOLLOWABLE[kind](user, area)


def kind_of(subject):
    """The follow kind of a forum, goal, indicator or organisation ("organisation" …)."""
    name = subject._meta.model_name
    return "organisation" if name == "organization" else name
