"""Who may see and edit what in the ecosystem registry of one area.

Every helper takes the area of the request (``request.area``) and asks the one role question
(``verkko.accounts.access.role_in``): coordinators edit everything in their area; a partner
editor edits their own organisation, its people and its role; partners (members of the
area's organisations) read partner-only forums of the area; the public, and anyone with a
role only in another area, reads public forums and only what people agreed to show.
"""

from django.shortcuts import get_object_or_404

from verkko.accounts.access import can_edit_organization as can_edit_organization
from verkko.accounts.access import edited_organization_ids
from verkko.accounts.access import is_coordinator as is_coordinator
from verkko.accounts.access import is_partner as is_partner
from verkko.ecosystem.models import Forum, Organization, Person, Visibility
from verkko.lib.access import PartnerOnly


def can_manage_area(user, area):
    """Coordinators set up the area: organisations, forums, imports and exports."""
    return is_coordinator(user, area)


def visible_forums(user, area):
    forums = Forum.objects.filter(area=area)
    return forums if is_partner(user, area) else forums.filter(visibility=Visibility.PUBLIC)


def can_see_forum(user, forum):
    return forum.is_public or is_partner(user, forum.area_id)


def get_visible_forum_or_404(user, area, **lookup):
    forum = get_object_or_404(Forum.objects.select_related("area", "chair", "secretary", "parent"), area=area, **lookup)
    if not can_see_forum(user, forum):
        raise PartnerOnly
    return forum


def get_organization_or_404(area, **lookup):
    return get_object_or_404(Organization.objects.select_related("area", "municipality", "role"), area=area, **lookup)


def can_edit_forum(user, forum):
    return is_coordinator(user, forum.area_id)


def can_edit_meetings(user, forum):
    """Coordinators, and the editors of the forum's secretary organisation, keep its meetings."""
    return can_edit_forum(user, forum) or (
        forum.secretary_id is not None and forum.secretary_id in edited_organization_ids(user, forum.area_id)
    )


def can_edit_person(user, person):
    return not person.is_erased and can_edit_organization(user, person.organization)


def can_create_organization(user, area):
    return is_coordinator(user, area)


def visible_people(user, area):
    """People of the area the user may find: partners see every current contact, others only who agreed."""
    people = Person.objects.filter(
        organization__area=area, erased_at__isnull=True, left_at__isnull=True, organization__archived_at__isnull=True
    )
    return people if is_partner(user, area) else people.filter(show_publicly=True)


def person_card(user, person):
    """What the user may see of a person: a dict of name, title, e-mail and phone, or None.

    Partners of the person's area see everything; anyone else sees the name and title only
    when the person agreed, and the e-mail and phone only when they agreed to those too.
    """
    if person.is_erased:
        return None
    if is_partner(user, person.organization.area_id):
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
