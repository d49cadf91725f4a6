"""What a user is in an employment area: the one role question every app's access.py builds on.

A role is always a role *in one area*: a coordinator of the area, a partner editor of one of
its organisations, a partner member, or the public. A membership of an organisation of
another area counts for nothing here; superusers are the only cross-area role (they count as
coordinators everywhere).
"""

import enum

from verkko.accounts.models import Membership, User

_CACHE_ATTRIBUTE = "_verkko_memberships"


class Role(enum.IntEnum):
    """A user's standing in one area, weakest first, so that roles compare (``role >= Role.EDITOR``)."""

    PUBLIC = 0
    MEMBER = 1
    EDITOR = 2
    COORDINATOR = 3


_MEMBERSHIP_ROLES = {
    Membership.Role.MEMBER: Role.MEMBER,
    Membership.Role.EDITOR: Role.EDITOR,
    Membership.Role.COORDINATOR: Role.COORDINATOR,
}


def _area_id(area):
    return getattr(area, "pk", area)


def memberships(user):
    """All of the user's memberships, read once per request (cached on the user object)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, _CACHE_ATTRIBUTE):
        setattr(user, _CACHE_ATTRIBUTE, list(user.memberships.select_related("organization__area")))
    return getattr(user, _CACHE_ATTRIBUTE)


def forget_memberships(user):
    """Drops the cached memberships, after an action has changed them."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def area_memberships(user, area):
    """The user's memberships of organisations of this area only."""
    area_id = _area_id(area)
    return [m for m in memberships(user) if m.organization.area_id == area_id]


def role_in(user, area):
    """What this user is in this area: coordinator, partner editor, partner member or public."""
    if area is None or not user.is_authenticated:
        return Role.PUBLIC
    if user.is_superuser:
        return Role.COORDINATOR
    return max((_MEMBERSHIP_ROLES[m.role] for m in area_memberships(user, area)), default=Role.PUBLIC)


def is_coordinator(user, area):
    return role_in(user, area) == Role.COORDINATOR


def is_partner(user, area):
    """Coordinators, partner editors and partner members of the area read partner-only content."""
    return role_in(user, area) >= Role.MEMBER


def edited_organization_ids(user, area):
    """Organisations of the area that the user edits as a partner editor (or a coordinator's own)."""
    editing = (Membership.Role.EDITOR, Membership.Role.COORDINATOR)
    return {m.organization_id for m in area_memberships(user, area) if m.role in editing}


def member_organization_ids(user, area):
    """Organisations of the area the user belongs to, in any role."""
    return {m.organization_id for m in area_memberships(user, area)}


def can_edit_organization(user, organization):
    """Coordinators of the organisation's area, and its own partner editors."""
    return is_coordinator(user, organization.area_id) or organization.pk in edited_organization_ids(
        user, organization.area_id
    )


def areas_of(user):
    """The areas the user has a role in (every area's id for superusers is not listed: see role_in)."""
    return sorted({m.organization.area for m in memberships(user)}, key=lambda area: area.name)


# People and roles: who may invite, change roles and remove memberships.

PARTNER_ROLES = (Membership.Role.MEMBER, Membership.Role.EDITOR)


def manages_people(user, area):
    """Coordinators manage the area's people; partner editors their own organisation's members and editors."""
    return role_in(user, area) >= Role.EDITOR


def assignable_roles(user, organization):
    """The membership roles this user may give (or take away) in this organisation: none, partner roles, or all."""
    if is_coordinator(user, organization.area_id):
        return list(Membership.Role)
    if organization.pk in edited_organization_ids(user, organization.area_id):
        return list(PARTNER_ROLES)
    return []


def can_manage_role(user, organization, role):
    """True when the user may invite to, give, change or remove this role in this organisation."""
    return role in assignable_roles(user, organization)


def managed_organization_ids(user, area):
    """Organisations of the area whose people the user manages (all of them for coordinators)."""
    from verkko.ecosystem.models import Organization

    if is_coordinator(user, area):
        return set(Organization.objects.filter(area=_area_id(area)).values_list("pk", flat=True))
    return edited_organization_ids(user, area) if manages_people(user, area) else set()


def _active_users_with_membership(**membership_filter):
    chosen = Membership.objects.filter(**membership_filter)
    return User.objects.filter(is_active=True, memberships__in=chosen).distinct()


def coordinators_of(area):
    """The active users who coordinate the area (through a coordinator membership of one of its organisations)."""
    return _active_users_with_membership(organization__area=area, role=Membership.Role.COORDINATOR)


def editors_of(organization):
    """The active users who edit for the organisation: its partner editors and its own coordinators."""
    return _active_users_with_membership(
        organization=organization, role__in=[Membership.Role.EDITOR, Membership.Role.COORDINATOR]
    )


def partners_of(area):
    """The active users with any role in an organisation of the area."""
    return _active_users_with_membership(organization__area=area)


def audience(user, area):
    """Who the user reads an area's pages as, for pages cached per audience (verkko.lib.page_cache):
    "coordinator", "partner" (editors and members see the same) or "public" (anyone else,
    members of other areas included)."""
    role = role_in(user, area)
    if role == Role.COORDINATOR:
        return "coordinator"
    return "partner" if role >= Role.MEMBER else "public"
