"""What the monitoring view and the monitoring report show for each goal: statuses, latest values
against targets, and the progress of the goal's actions."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from verkko.goals import status, values
from verkko.goals.forecast import Forecast, forecast
from verkko.goals.models import Action, CheckIn
from verkko.stats.models import Table


@dataclass
class IndicatorSummary:
    indicator: object
    values: list
    targets: list
    assessment: status.Assessment
    provenance: dict | None = None  # where the figures come from (values.provenance_of)
    forecast: Forecast | None = None  # the projection to the next target, when there is history
    source: object = None  # the statistics table of the figures (values.source_of), None for values by hand


@dataclass
class GoalSummary:
    goal: object
    status: str
    indicators: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    depth: int = 0  # how deep a sub-goal sits under the goals listed with it

    @property
    def main_indicator(self):
        """The indicator that sets the goal's status: the weakest one (the first of equals)."""
        if not self.indicators:
            return None
        return min(self.indicators, key=lambda item: status.STATUS_ORDER.index(item.assessment.status))

    @property
    def open_actions(self):
        return [action for action in self.actions if action.status != Action.Status.CANCELLED]

    @property
    def action_progress(self):
        """The mean progress of the goal's actions (cancelled ones left out), or None."""
        counted = self.open_actions
        return round(sum(action.progress for action in counted) / len(counted)) if counted else None

    @property
    def actions_done(self):
        return sum(1 for action in self.actions if action.status == Action.Status.DONE)

    @property
    def flagged_actions(self):
        return [action for action in self.actions if action.is_overdue() or action.needs_check_in()]


def summarize_indicator(indicator, at=None, reader=None):
    """The indicator's values up to the period containing the day `at` (or all), assessed.

    reader: a values.Reader shared by many indicators, so that their values are read together.
    """
    reader = reader or values.Reader([indicator])
    found = reader.values_of(indicator)
    if at is not None:
        found = [value for value in found if value.period <= at]
    targets = values.targets_of(indicator)
    return IndicatorSummary(
        indicator=indicator,
        values=found,
        targets=targets,
        assessment=values.assess(indicator, found, at=at),
        provenance=reader.provenance_of(indicator, found),
        forecast=forecast(
            values=[(value.period, value.value) for value in found],
            targets=targets,
            frequency=indicator.frequency,
            polarity=indicator.polarity,
        ),
        source=reader.source_of(indicator),
    )


def assess_indicator(indicator, at, reader):
    """Only the indicator's assessment at the day `at`, from values already read (for comparisons)."""
    found = [value for value in reader.values_of(indicator) if value.period <= at]
    return values.assess(indicator, found, at=at)


def goals_with_relations(goals):
    return goals.select_related("area", "owner_forum", "parent").prefetch_related(
        "indicators__targets",
        "indicators__series__table",
        "indicators__statistics_area__municipalities",
        "indicators__statistics_reference_area__municipalities",
        "indicators__area__municipalities",
        Prefetch(
            "actions",
            queryset=Action.objects.select_related("lead_organization").prefetch_related(
                "partner_organizations", Prefetch("check_ins", queryset=CheckIn.objects.select_related("author"))
            ),
        ),
    )


def summarize(goal, at=None, cache=None, reader=None):
    """The goal's summary at the period containing the day `at`, or at the latest figures.

    cache: an optional dict shared between goals, so that an indicator serving several goals is
    summarised once; reader: a values.Reader that reads the values of all of them together.
    """
    cache = {} if cache is None else cache
    reader = reader or values.Reader(goal.indicators.all())
    indicators = []
    for indicator in goal.indicators.all():
        if indicator.pk not in cache:
            cache[indicator.pk] = summarize_indicator(indicator, at, reader)
        indicators.append(cache[indicator.pk])
    return GoalSummary(
        goal=goal,
        status=status.weakest(summary.assessment.status for summary in indicators),
        indicators=indicators,
        # Only the actions of the goal's own area (an action belongs to its lead organisation's area).
        actions=[action for action in goal.actions.all() if action.lead_organization.area_id == goal.area_id],
    )


def reader_for(goals):
    """One values.Reader for the indicators of these goals (fetched with goals_with_relations)."""
    return values.Reader({indicator.pk: indicator for goal in goals for indicator in goal.indicators.all()}.values())


def summarize_all(goals, at=None):
    goals = list(goals_with_relations(goals))
    reader = reader_for(goals)
    cache = {}
    return [summarize(goal, at, cache, reader) for goal in goals]


def invented(summaries):
    """What of the shown data is invented: goals of a demo area, figures from a demo table."""
    return {
        "goals": any(summary.goal.area.is_demo for summary in summaries),
        "figures": any(
            item.source is not None and item.source.source == Table.Source.DEMO
            for summary in summaries
            for item in summary.indicators
        ),
    }


def in_tree_order(summaries):
    """Each goal followed by its sub-goals (a sub-goal whose parent is not listed stands on its own)."""
    listed = {summary.goal.pk for summary in summaries}
    children = {}
    for summary in summaries:
        parent_id = summary.goal.parent_id if summary.goal.parent_id in listed else None
        children.setdefault(parent_id, []).append(summary)
    ordered = []

    def visit(parent_id, depth):
        for summary in children.get(parent_id, []):
            summary.depth = depth
            ordered.append(summary)
            visit(summary.goal.pk, depth + 1)

    visit(None, 0)
    return ordered
