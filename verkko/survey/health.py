"""Collaboration health beside the goals: do the organisations working on a goal (or sitting in a
forum) work together, by the latest round of the survey?

A goal's status and trend come from the goals app (verkko.goals.monitoring); nothing here
recomputes them. A goal is flagged when it is off track and its actors barely work together:
the density of working ties among them is below WEAK_DENSITY.
"""

from dataclasses import dataclass
from statistics import mean

from verkko.ecosystem.models import ForumMember
from verkko.goals import monitoring
from verkko.goals import status as goal_status
from verkko.survey import metrics
from verkko.survey.models import Response, SurveyRound

WEAK_DENSITY = 0.25


def latest_round(area):
    """The area's latest round with submitted answers, or None."""
    return (
        SurveyRound.objects.filter(area=area, responses__status=Response.Status.SUBMITTED)
        .distinct()
        .order_by("-opens_on", "-pk")
        .first()
    )


@dataclass
class Collaboration:
    actors: list  # organisations, by name
    in_round: int  # how many of them the round asked
    ties: list  # working Ties among them
    density: float | None
    trust: float | None

    @property
    def is_weak(self):
        return self.density is not None and self.density < WEAK_DENSITY


def collaboration_among(data, organizations):
    organizations = sorted(set(organizations), key=lambda organization: organization.name)
    ids = {organization.pk for organization in organizations}
    asked = ids & set(data.participant_ids)
    ties = [tie for tie in data.working_ties if tie.response.organization_id in ids and tie.partner_id in ids]
    trusts = [tie.trust for tie in ties if tie.trust is not None]
    return Collaboration(
        actors=organizations,
        in_round=len(asked),
        ties=ties,
        density=metrics.density_among(data.graph(), asked),
        trust=mean(trusts) if trusts else None,
    )


@dataclass
class GoalHealth:
    summary: monitoring.GoalSummary
    collaboration: Collaboration

    @property
    def trend(self):
        main = self.summary.main_indicator
        return main.assessment.trend if main else None

    @property
    def needs_attention(self):
        """Off track, and its actors do not work together (or too few of them were asked)."""
        if self.summary.status != goal_status.OFF_TRACK or not self.collaboration.actors:
            return False
        return self.collaboration.density is None or self.collaboration.is_weak


def goal_health(data, goals):
    rows = []
    for summary in monitoring.summarize_all(goals.order_by("title")):
        actors = set()
        for action in summary.open_actions:
            actors.add(action.lead_organization)
            actors.update(action.partner_organizations.all())
        rows.append(GoalHealth(summary, collaboration_among(data, actors)))
    return sorted(rows, key=lambda row: (not row.needs_attention, row.summary.goal.title))


def forum_health(data, forums):
    members = {}
    for member in ForumMember.objects.filter(forum__in=forums).select_related("organization"):
        members.setdefault(member.forum_id, set()).add(member.organization)
    return [(forum, collaboration_among(data, members.get(forum.pk, ()))) for forum in forums]
