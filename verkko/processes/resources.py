"""Committed resources summed per goal, per forum and per actor, and the actions that have none.

A commitment to an action counts for each goal the action serves; a commitment to an agreement
counts for the forum that follows the agreement. Sums are by kind: person-months, euros, and the
number of commitments in kind (with their euro value where one is given).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from verkko.ecosystem.access import visible_forums
from verkko.goals.access import visible_actions, visible_goals
from verkko.processes.access import visible_commitments
from verkko.processes.models import Commitment

K = Commitment.Kind


@dataclass
class Sums:
    person_months: Decimal = Decimal(0)
    euros: Decimal = Decimal(0)
    in_kind: int = 0
    in_kind_euros: Decimal = Decimal(0)

    def add(self, commitment):
        if commitment.kind == K.PERSON_MONTHS:
            self.person_months += commitment.amount or 0
        elif commitment.kind == K.EUROS:
            self.euros += commitment.amount or 0
        else:
            self.in_kind += 1
            self.in_kind_euros += commitment.amount or 0

    @property
    def is_empty(self):
        return not (self.person_months or self.euros or self.in_kind)


@dataclass
class Summary:
    by_goal: list = field(default_factory=list)  # (goal, Sums)
    by_forum: list = field(default_factory=list)  # (forum, Sums)
    by_actor: list = field(default_factory=list)  # (organisation, Sums)
    total: Sums = field(default_factory=Sums)


def commitments_for(user, area):
    return (
        visible_commitments(user, area)
        .select_related("organization", "agreement__forum", "action")
        .prefetch_related("action__goals")
        .order_by("organization__name", "starts_on", "pk")
    )


def summarize(user, area, commitments=None):
    commitments = list(commitments if commitments is not None else commitments_for(user, area))
    goals, forums, actors = defaultdict(Sums), defaultdict(Sums), defaultdict(Sums)
    total = Sums()
    visible_goal_ids = set(visible_goals(user, area).values_list("pk", flat=True))
    visible_forum_ids = set(visible_forums(user, area).values_list("pk", flat=True))
    for commitment in commitments:
        total.add(commitment)
        actors[commitment.organization].add(commitment)
        if commitment.action_id:
            for goal in commitment.action.goals.all():
                if goal.pk in visible_goal_ids:
                    goals[goal].add(commitment)
        if commitment.agreement_id and commitment.agreement.forum_id in visible_forum_ids:
            forums[commitment.agreement.forum].add(commitment)

    def ordered(sums, key):
        return sorted(sums.items(), key=lambda pair: key(pair[0]))

    return Summary(
        by_goal=ordered(goals, lambda goal: goal.title),
        by_forum=ordered(forums, lambda forum: forum.name),
        by_actor=ordered(actors, lambda organization: organization.name),
        total=total,
    )


def actions_without_resources(user, area, goal=None):
    """The open actions (of the goal, if given) that the user may see and no one has committed anything to."""
    actions = visible_actions(user, area).filter(commitments__isnull=True).exclude(status__in=["done", "cancelled"])
    if goal is not None:
        actions = actions.filter(goals=goal)
    return actions.select_related("lead_organization").prefetch_related("goals").order_by("title").distinct()


def sums_of(commitments):
    sums = Sums()
    for commitment in commitments:
        sums.add(commitment)
    return sums


def goal_sums(user, area, goal):
    return sums_of(visible_commitments(user, area).filter(action__goals=goal).distinct())


def forum_sums(user, area, forum):
    return sums_of(visible_commitments(user, area).filter(agreement__forum=forum))
