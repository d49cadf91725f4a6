"""Every change to goals, indicators, targets, actions and check-ins: atomic, with history."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from verkko.accounts.access import area_memberships, edited_organization_ids, editors_of
from verkko.ecosystem.models import Responsibility
from verkko.goals.models import Action, CheckIn, Goal, Indicator, IndicatorValue, Milestone, Target, TurnTheCurve
from verkko.lib.history import recorded_action
from verkko.lib.mail import send_notice
from verkko.lib.saving import save_values


@recorded_action
def create_goal(user, area, data):
    """A new goal of the area from validated values (GoalForm's)."""
    return save_values(Goal(area=area), data)


@recorded_action
def update_goal(user, goal, data):
    return save_values(goal, data)


@recorded_action
def create_indicator(user, area, data, goal=None):
    """A new indicator of the area from validated values (IndicatorForm's, which derive the source, the
    table and the codes from the choices); linked to the goal of the same area it is made for, if any."""
    indicator = save_values(Indicator(area=area), data)
    if goal is not None:
        if goal.area_id != area.pk:
            raise ValueError("a goal of another employment area")
        goal.indicators.add(indicator)
    return indicator


@recorded_action
def update_indicator(user, indicator, data):
    return save_values(indicator, data)


@recorded_action
def set_target(user, indicator, period, value):
    target, _ = Target.objects.update_or_create(indicator=indicator, period=period, defaults={"value": value})
    return target


@recorded_action
def delete_target(user, target):
    target.delete()


@recorded_action
def record_values(user, indicator, rows):
    """Save (period, value) pairs of an indicator entered by hand; all or nothing."""
    saved = []
    for period, value in rows:
        saved.append(
            IndicatorValue.objects.update_or_create(indicator=indicator, period=period, defaults={"value": value})[0]
        )
    return saved


@recorded_action
def save_turn_the_curve(user, indicator, data):
    """Write the indicator's "turn the curve" note (there is one at most)."""
    note = TurnTheCurve.objects.filter(indicator=indicator).first() or TurnTheCurve(indicator=indicator)
    return save_values(note, data)


def mark_responsible(action):
    """In the ecosystem's responsibility matrix, the lead organisation is responsible (R) for each goal
    its action serves, unless a letter has already been set for it."""
    goal_type = ContentType.objects.get_for_model(Goal)
    for goal in action.goals.all():
        Responsibility.objects.get_or_create(
            organization=action.lead_organization,
            subject_type=goal_type,
            subject_id=goal.pk,
            defaults={"level": Responsibility.Level.RESPONSIBLE},
        )


@recorded_action
def create_action(user, data):
    """A new action from validated values (ActionForm's, whose organisations and goals are of one area)."""
    action = save_values(Action(), data)
    mark_responsible(action)
    return action


@recorded_action
def update_action(user, action, data):
    save_values(action, data)
    mark_responsible(action)
    return action


@recorded_action
def action_from_decision(user, decision, area):
    """The action that carries out a forum decision of the area: made once, found again on a second click.

    Its lead is the decision's responsible organisation, else the forum's chair or secretary, else
    the user's own organisation in this area (never one of another area).

    Returns (action, created).
    """
    existing = Action.objects.filter(decision=decision).first()
    if existing:
        return existing, False
    meeting = decision.meeting
    organisation = (
        decision.responsible_organization
        or meeting.forum.chair
        or meeting.forum.secretary
        or next((m.organization for m in area_memberships(user, area)), None)
    )
    title = decision.text.strip().splitlines()[0][:200] if decision.text.strip() else str(decision)
    action = Action.objects.create(
        title=title,
        description=decision.text,
        lead_organization=organisation,
        responsible_person=decision.responsible_person,
        starts_on=timezone.localdate(meeting.starts_at),
        due_on=decision.due_date,
        decision=decision,
    )
    action.goals.set(meeting.forum.goals.all())
    mark_responsible(action)
    send_notice(
        editors_of(organisation).exclude(pk=user.pk),
        area=area,
        kind="action_from_decision",
        key=f"action:{action.uuid}",
        template="news/email/action_from_decision",
        context={"action": action, "decision": decision},
    )
    return action, True


@recorded_action
def add_milestone(user, action, data):
    return save_values(Milestone(action=action), data)


@recorded_action
def check_in(user, action, *, progress, status, confidence, narrative):
    """Record a check-in and bring the action's status and progress up to date with it.

    The values are those of a valid CheckInForm (the page and the API validate with it)."""
    organisation_ids = edited_organization_ids(user, action.lead_organization.area_id)
    candidates = [action.lead_organization_id, *action.partner_organizations.values_list("pk", flat=True)]
    organisation_id = next((pk for pk in candidates if pk in organisation_ids), None)
    entry = CheckIn.objects.create(
        action=action,
        author=user,
        organization_id=organisation_id,
        progress=progress,
        status=status,
        confidence=confidence,
        narrative=narrative,
    )
    action.progress = entry.progress
    action.status = entry.status
    action.save(update_fields=["progress", "status"])
    return entry


@recorded_action
def update_milestone(user, milestone, data):
    return save_values(milestone, data)


@recorded_action
def mark_milestone(user, milestone, done, today=None):
    """Mark a milestone done today (or not done); a milestone already done keeps its day."""
    if done and milestone.done_on is None:
        milestone.done_on = today or timezone.localdate()
    elif not done:
        milestone.done_on = None
    milestone.save(update_fields=["done_on"])
    return milestone


@recorded_action
def delete_milestone(user, milestone):
    milestone.delete()
