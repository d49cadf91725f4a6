"""Who may see and edit what in the ecosystem registry.

Coordinators edit everything in their area; a partner editor edits their own organisation,
its people and its role; partners (signed-in members) read partner-only forums of their
area; the public reads public forums and only what people agreed to show.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from verkko.accounts.access import can_edit_organization as can_edit_organization
from verkko.accounts.access import coordinated_area_ids, edited_organization_ids, memberships
from verkko.accounts.access import is_coordinator as is_coordinator
from verkko.ecosystem.models import EmploymentArea, Forum, Organization, Person, Visibility


def partner_area_ids(user):
    """Areas whose partner-only content the user reads; None means every area (superusers)."""
    if not user.is_authenticated:
        return set()
    coordinated = coordinated_area_ids(user)
    if coordinated is None:
        return None
    return coordinated | {m.organization.area_id for m in memberships(user)}


def is_partner_of(user, area_id):
    area_ids = partner_area_ids(user)
    return area_ids is None or area_id in area_ids


def current_area(user):
    """The area the ecosystem pages show: the user's own, else the first one (usually the only one)."""
    for membership in memberships(user):
        return membership.organization.area
    return EmploymentArea.objects.order_by("pk").first()


def can_manage_area(user, area):
    """Coordinators set up the area: organisations, forums, imports and exports."""
    return is_coordinator(user, area)


def visible_forums(user, area=None):
    forums = Forum.objects.all() if area is None else Forum.objects.filter(area=area)
    area_ids = partner_area_ids(user)
    if area_ids is None:
        return forums
    return forums.filter(Q(visibility=Visibility.PUBLIC) | Q(area_id__in=area_ids))


def can_see_forum(user, forum):
    return forum.is_public or is_partner_of(user, forum.area_id)


def get_visible_forum_or_404(user, **lookup):
    forum = get_object_or_404(Forum.objects.select_related("area", "chair", "secretary", "parent"), **lookup)
    if not can_see_forum(user, forum):
        raise Http404
    return forum


def can_edit_forum(user, forum):
    return is_coordinator(user, forum.area_id)


def can_edit_meetings(user, forum):
    """Coordinators, and the editors of the forum's secretary organisation, keep its meetings."""
    return can_edit_forum(user, forum) or (
        forum.secretary_id is not None and forum.secretary_id in edited_organization_ids(user)
    )


def can_edit_person(user, person):
    return not person.is_erased and can_edit_organization(user, person.organization)


def can_create_organization(user, area):
    return is_coordinator(user, area)


def visible_people(user, area=None):
    """People the user may find: partners see every current contact, the public only who agreed."""
    people = Person.objects.filter(erased_at__isnull=True, left_at__isnull=True, organization__archived_at__isnull=True)
    if area is not None:
        people = people.filter(organization__area=area)
    area_ids = partner_area_ids(user)
    if area_ids is None:
        return people
    return people.filter(Q(show_publicly=True) | Q(organization__area_id__in=area_ids))


def person_card(user, person):
    """What the user may see of a person: a dict of name, title, e-mail and phone, or None.

    Partners of the area see everything; the public sees the name and title only when the
    person agreed, and the e-mail and phone only when they agreed to those too.
    """
    if person.is_erased:
        return None
    if is_partner_of(user, person.organization.area_id):
        return {"name": person.full_name, "title": person.title, "email": person.email, "phone": person.phone}
    if not person.show_publicly:
        return None
    return {
        "name": person.full_name,
        "title": person.title,
        "email": person.email if person.show_email_publicly else "",
        "phone": person.phone if person.show_phone_publicly else "",
    }


def visible_organizations(area):
    return Organization.objects.filter(area=area, archived_at__isnull=True)
