"""Who may see and edit statistics sources: the coordinators of the source's employment area.

A source you may not see is a 404; an edit you may not make is a 403. Who coordinates an area
is accounts' rule, asked through the lib layer (stats imports no domain app).
"""

from verkko.lib.access import is_coordinator

from .models import Source


def can_manage_sources(user, area) -> bool:
    """Coordinators of the area see its sources page."""
    return is_coordinator(user, area)


def sources_of(area):
    return Source.objects.filter(area_id=area.pk)


def can_edit_source(user, source) -> bool:
    return is_coordinator(user, source.area_id)
