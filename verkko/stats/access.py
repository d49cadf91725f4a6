"""Who may see and edit statistics sources: the coordinators of the source's employment area.

A source you may not see is a 404; an edit you may not make is a 403.
"""

from verkko.accounts import access as accounts_access

from .models import Source


def can_manage_sources(user) -> bool:
    """Coordinators (of any area) see the sources page."""
    return accounts_access.is_coordinator(user)


def sources_visible_to(user):
    area_ids = accounts_access.coordinated_area_ids(user) if user.is_authenticated else set()
    sources = Source.objects.select_related("area")
    return sources if area_ids is None else sources.filter(area_id__in=area_ids)


def areas_managed_by(user):
    """Employment areas whose sources the user may edit."""
    area_model = Source._meta.get_field("area").related_model
    area_ids = accounts_access.coordinated_area_ids(user) if user.is_authenticated else set()
    areas = area_model.objects.order_by("name")
    return areas if area_ids is None else areas.filter(pk__in=area_ids)


def can_edit_source(user, source) -> bool:
    return accounts_access.is_coordinator(user, source.area_id)
