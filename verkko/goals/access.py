"""Who may see and change goals, indicators and actions of one area (an object you may not see
is a 404, an edit you may not make is a 403).

Every query starts from the area of the request; an action belongs to the area of its lead
organisation, a check-in to its action's.
"""

from django.db.models import Q

from verkko.accounts.access import edited_organization_ids, is_coordinator, is_partner
from verkko.ecosystem.models import Visibility
from verkko.goals.models import Action, Goal, Indicator


def visible_goals(user, area):
    goals = Goal.objects.filter(area=area)
    return goals if is_partner(user, area) else goals.filter(visibility=Visibility.PUBLIC)


def visible_indicators(user, area):
    """Partners of the area see its every indicator; anyone else those that serve a public goal."""
    indicators = Indicator.objects.filter(area=area)
    if is_partner(user, area):
        return indicators
    return indicators.filter(goals__visibility=Visibility.PUBLIC).distinct()


def area_actions(area):
    """The actions of the area: those led by one of its organisations."""
    return Action.objects.filter(lead_organization__area=area)


def visible_actions(user, area):
    """Partners of the area see its every action; anyone else those that serve a public goal."""
    actions = area_actions(area)
    if is_partner(user, area):
        return actions
    return actions.filter(goals__visibility=Visibility.PUBLIC).distinct()


def can_manage(user, area):
    """Goals, indicators, targets, actions and turn-the-curve notes are the coordinators' to edit."""
    return is_coordinator(user, area)


def can_check_in(user, action):
    """Coordinators of the action's area, and editors of its lead or a partner organisation."""
    area_id = action.lead_organization.area_id
    if is_coordinator(user, area_id):
        return True
    organisations = {action.lead_organization_id, *action.partner_organizations.values_list("pk", flat=True)}
    return bool(organisations & edited_organization_ids(user, area_id))


def can_make_action_of(user, decision):
    """Coordinators, and editors of the organisation responsible for the decision."""
    area_id = decision.meeting.forum.area_id
    if is_coordinator(user, area_id):
        return True
    return decision.responsible_organization_id in edited_organization_ids(user, area_id)


def actions_of_organizations(area, organization_ids):
    return (
        area_actions(area)
        .filter(Q(lead_organization__in=organization_ids) | Q(partner_organizations__in=organization_ids))
        .distinct()
    )
