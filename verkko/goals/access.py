"""Who may see and change goals, indicators and actions (an object you may not see is a 404,
an edit you may not make is a 403)."""

from django.db.models import Q

from verkko.accounts.access import coordinated_area_ids, edited_organization_ids, is_coordinator, is_partner
from verkko.ecosystem.models import EmploymentArea, Visibility
from verkko.goals.models import Action, Goal, Indicator


def visible_goals(user):
    goals = Goal.objects.all()
    return goals if is_partner(user) else goals.filter(visibility=Visibility.PUBLIC)


def visible_indicators(user):
    """Partners see every indicator; the public those that serve a public goal."""
    indicators = Indicator.objects.all()
    if is_partner(user):
        return indicators
    return indicators.filter(goals__visibility=Visibility.PUBLIC).distinct()


def visible_actions(user):
    """Partners see every action; the public those that serve a public goal."""
    actions = Action.objects.all()
    if is_partner(user):
        return actions
    return actions.filter(goals__visibility=Visibility.PUBLIC).distinct()


def can_manage(user, area):
    """Goals, indicators, targets, actions and turn-the-curve notes are the coordinators' to edit."""
    return is_coordinator(user, area)


def can_check_in(user, action):
    """Coordinators, and editors of the lead or a partner organisation."""
    if is_coordinator(user, action.lead_organization.area_id):
        return True
    organisations = {action.lead_organization_id, *action.partner_organizations.values_list("pk", flat=True)}
    return bool(organisations & edited_organization_ids(user))


def can_make_action_of(user, decision):
    """Coordinators, and editors of the organisation responsible for the decision."""
    area_id = decision.meeting.forum.area_id
    if is_coordinator(user, area_id):
        return True
    return decision.responsible_organization_id in edited_organization_ids(user)


def actions_of_organizations(organization_ids):
    return Action.objects.filter(
        Q(lead_organization__in=organization_ids) | Q(partner_organizations__in=organization_ids)
    ).distinct()


def managed_area(user):
    """The employment area a coordinator creates goals, indicators and actions in."""
    area_ids = coordinated_area_ids(user)
    areas = EmploymentArea.objects.all() if area_ids is None else EmploymentArea.objects.filter(pk__in=area_ids)
    return areas.order_by("pk").first()
