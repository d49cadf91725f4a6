"""Who may see and edit statistics sources: the coordinators of the source's employment area.

A source you may not see is a 404; an edit you may not make is a 403.
"""

from verkko.accounts import access as accounts_access

from .models import Source


def can_manage_sources(user, area) -> bool:
    """Coordinators of the area see its sources page."""
    return accounts_access.is_coordinator(user, area)


def sources_of(area):
    return Source.objects.filter(area=area).select_related("area")


def can_edit_source(user, source) -> bool:
    return accounts_access.is_coordinator(user, source.area_id)
