"""Who a user is in the ecosystem: the role checks that every app's access.py builds on.

A coordinator coordinates the employment area of their organisation; a partner editor edits
their own organisation; a partner member is any signed-in user with a membership.
"""

from verkko.accounts.models import Membership

_CACHE_ATTRIBUTE = "_verkko_memberships"


def memberships(user):
    """The user's memberships, read once per request (cached on the user object)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, _CACHE_ATTRIBUTE):
        setattr(user, _CACHE_ATTRIBUTE, list(user.memberships.select_related("organization")))
    return getattr(user, _CACHE_ATTRIBUTE)


def coordinated_area_ids(user):
    if user.is_authenticated and user.is_superuser:
        return None  # every area
    return {m.organization.area_id for m in memberships(user) if m.role == Membership.Role.COORDINATOR}


def is_coordinator(user, area=None):
    """True when the user coordinates the given area (or any area, when none is given)."""
    if not user.is_authenticated:
        return False
    area_ids = coordinated_area_ids(user)
    if area_ids is None:
        return True
    if area is None:
        return bool(area_ids)
    return getattr(area, "pk", area) in area_ids


def is_partner(user):
    """Any signed-in user who belongs to an organisation, or a coordinator, sees partner content."""
    return user.is_authenticated and (user.is_superuser or bool(memberships(user)))


def edited_organization_ids(user):
    """Organisations the user may edit as a partner editor (coordinators are checked separately)."""
    return {
        m.organization_id for m in memberships(user) if m.role in (Membership.Role.EDITOR, Membership.Role.COORDINATOR)
    }


def can_edit_organization(user, organization):
    return is_coordinator(user, organization.area_id) or organization.pk in edited_organization_ids(user)


def member_organization_ids(user):
    return {m.organization_id for m in memberships(user)}
