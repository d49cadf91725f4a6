"""What a monitoring report shows, as plain values (JSON): built from the data for a month, stored
when a coordinator publishes the month, and turned back into what the pages, the PDF and the XLSX
render. Every goal, indicator, action and check-in carries whether the public may see it, so that
one snapshot serves every reader and each sees only their part.

The month is a Period (verkko.stats.periods), parsed once where it enters (the address).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from verkko.ecosystem.models import Visibility
from verkko.goals import access
from verkko.goals.forecast import Forecast
from verkko.goals.models import Action, CheckIn, Goal
from verkko.goals.monitoring import (
    assess_indicator,
    goals_with_relations,
    in_tree_order,
    invented,
    reader_for,
    summarize,
)
from verkko.goals.status import Assessment, Trend, weakest
from verkko.goals.values import Value
from verkko.stats.models import Frequency
from verkko.stats.periods import Period

VERSION = 1


def _end_of(period):
    return timezone.make_aware(datetime.combine(period.last_day, time.max))


def _start_of(period):
    return timezone.make_aware(datetime.combine(period.first_day, time.min))


def _day(value):
    return value.isoformat() if isinstance(value, date) else value


def _pairs(pairs):
    return [[_day(period), value] for period, value in pairs]


def _assessment(found):
    trend = found.trend
    return {
        "status": found.status,
        "period": _day(found.period),
        "actual": found.actual,
        "expected": found.expected,
        "target": found.target,
        "target_period": _day(found.target_period),
        "variance": found.variance,
        "progress": found.progress,
        "difference": found.difference,
        "trend": [trend.direction, trend.periods, trend.improving] if trend else None,
    }


def _forecast(found):
    if found is None:
        return None
    return {
        "method": found.method,
        "based_on": _day(found.based_on),
        "yearly_change": found.yearly_change,
        "target_period": _day(found.target_period),
        "target": found.target,
        "projected": found.projected,
        "on_course": found.on_course,
    }


def build(area, period):
    """The snapshot of the area's report for the month `period` (a Period), with every goal.

    Only what existed at the end of the month: goals and actions recorded by then, check-ins made
    by then, figures of periods up to the month.
    """
    end = _end_of(period)
    previous = period.shifted(-1)
    goals = Goal.objects.filter(area=area, created_at__lte=end).order_by("title")
    fetched = list(goals_with_relations(goals))
    reader, cache = reader_for(fetched), {}
    summaries = in_tree_order([summarize(goal, period.first_day, cache, reader) for goal in fetched])
    # The month before, for what changed: only its statuses, from the values already read.
    before = {
        indicator.pk: assess_indicator(indicator, previous.first_day, reader).status
        for goal in fetched
        for indicator in goal.indicators.all()
    }
    public_goal_ids = {summary.goal.pk for summary in summaries if summary.goal.visibility == Visibility.PUBLIC}

    goal_rows, indicator_rows, changes, seen = [], {}, [], set()
    for summary in summaries:
        goal = summary.goal
        public = goal.pk in public_goal_ids
        actions_then = [action for action in summary.actions if action.created_at <= end]
        counted = [action for action in actions_then if action.status != Action.Status.CANCELLED]
        goal_rows.append(
            {
                "title": goal.title,
                "slug": goal.slug,
                "public": public,
                "status": summary.status,
                "owner_forum": str(goal.owner_forum or ""),
                "actions": len(actions_then),
                "action_progress": round(sum(a.progress for a in counted) / len(counted)) if counted else None,
                "depth": summary.depth,
            }
        )
        earlier_status = weakest(before[item.indicator.pk] for item in summary.indicators)
        if earlier_status != summary.status:
            changes.append(
                {
                    "kind": "goal",
                    "name": goal.title,
                    "before": earlier_status,
                    "after": summary.status,
                    "public": public,
                }
            )
        for item in summary.indicators:
            indicator = item.indicator
            if indicator.pk in seen:
                indicator_rows[indicator.pk]["public"] |= public
                continue
            seen.add(indicator.pk)
            indicator_rows[indicator.pk] = {
                "name": indicator.name,
                "slug": indicator.slug,
                "unit": indicator.unit,
                "decimals": indicator.decimals,
                "frequency": indicator.frequency,
                "polarity": indicator.polarity,
                "public": public,
                "baseline": [_day(indicator.baseline_period), indicator.baseline_value] if indicator.baseline else None,
                "values": _pairs((value.period, value.value) for value in item.values),
                "targets": _pairs(sorted(item.targets)),
                "assessment": _assessment(item.assessment),
                "forecast": _forecast(item.forecast),
                "provenance": item.provenance,
            }
            old = before[indicator.pk]
            if old != item.assessment.status:
                changes.append(
                    {
                        "kind": "indicator",
                        "name": indicator.name,
                        "before": old,
                        "after": item.assessment.status,
                        "indicator": indicator.pk,
                    }
                )
    for change in changes:
        if change["kind"] == "indicator":
            change["public"] = indicator_rows[change.pop("indicator")]["public"]

    actions = (
        access.area_actions(area)
        .filter(goals__in=goals, created_at__lte=end)
        .distinct()
        .select_related("lead_organization")
        .prefetch_related(
            "goals",
            Prefetch(
                "check_ins",
                queryset=CheckIn.objects.filter(created_at__lte=end).select_related("organization", "author"),
                to_attr="check_ins_by_then",
            ),
        )
        .order_by("due_on", "title")
    )
    action_rows, public_actions = [], set()
    for action in actions:
        public = any(goal.pk in public_goal_ids for goal in action.goals.all())
        if public:
            public_actions.add(action.pk)
        # The check-ins come in their model's order, the newest first.
        latest = action.check_ins_by_then[0] if action.check_ins_by_then else None
        action_rows.append(
            {
                "title": action.title,
                "lead": str(action.lead_organization),
                # As the latest check-in of the month left it; without one, as recorded.
                "status": latest.status if latest else action.status,
                "progress": latest.progress if latest else action.progress,
                "due_on": _day(action.due_on),
                "public": public,
                "check_in": {
                    "created_at": latest.created_at,
                    "confidence": latest.confidence,
                    "narrative": latest.narrative,
                }
                if latest
                else None,
            }
        )
    new_check_ins = [
        {
            "created_at": entry.created_at,
            "action": entry.action.title,
            "who": str(entry.organization or entry.author or ""),
            "confidence": entry.confidence,
            "progress": entry.progress,
            "narrative": entry.narrative,
            "public": entry.action_id in public_actions,
        }
        for entry in CheckIn.objects.filter(action__in=actions, created_at__gte=_start_of(period), created_at__lte=end)
        .select_related("action", "organization", "author")
        .order_by("created_at")
    ]
    return {
        "version": VERSION,
        "area": {"name": area.name, "is_demo": area.is_demo},
        "period": period.code,
        "generated_at": timezone.now(),
        "invented": invented(summaries),
        "goals": goal_rows,
        "indicators": list(indicator_rows.values()),
        "changes": changes,
        "actions": action_rows,
        "new_check_ins": new_check_ins,
    }


# Back from plain values to what the templates and the workbook read.


@dataclass
class ReportIndicator:
    """An indicator as the report shows it: what the charts and the formatting layer read."""

    name: str
    slug: str
    unit: str
    decimals: int
    frequency: str
    polarity: str
    baseline_period: date | None
    baseline_value: float | None

    @property
    def baseline(self):
        return (self.baseline_period, self.baseline_value) if self.baseline_period else None


@dataclass
class ReportItem:
    indicator: ReportIndicator
    values: list
    targets: list
    assessment: Assessment
    forecast: Forecast | None
    provenance: dict | None
    public: bool


@dataclass
class Row:
    """One goal, action, change or check-in row: its values as attributes."""

    values: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


def _date(text):
    return parse_date(text) if isinstance(text, str) else text


def _moment(text):
    return parse_datetime(text) if isinstance(text, str) else text


def _item(data):
    baseline = data["baseline"]
    indicator = ReportIndicator(
        name=data["name"],
        slug=data["slug"],
        unit=data["unit"],
        decimals=data["decimals"],
        frequency=data["frequency"],
        polarity=data["polarity"],
        baseline_period=_date(baseline[0]) if baseline else None,
        baseline_value=baseline[1] if baseline else None,
    )
    a = data["assessment"]
    trend = Trend(*a["trend"]) if a["trend"] else None
    assessment = Assessment(
        status=a["status"],
        period=_date(a["period"]),
        actual=a["actual"],
        expected=a["expected"],
        target=a["target"],
        target_period=_date(a["target_period"]),
        variance=a["variance"],
        progress=a["progress"],
        trend=trend,
        difference=a["difference"],
    )
    f = data["forecast"]
    found = (
        Forecast(
            method=f["method"],
            based_on=_date(f["based_on"]),
            yearly_change=f["yearly_change"],
            target_period=_date(f["target_period"]),
            target=f["target"],
            projected=f["projected"],
            on_course=f["on_course"],
        )
        if f
        else None
    )
    provenance = dict(data["provenance"]) if data["provenance"] else None
    if provenance:
        for name in ("updated", "fetched_at", "changed_at"):
            if name in provenance:
                provenance[name] = _moment(provenance[name])
    return ReportItem(
        indicator=indicator,
        values=[Value(_date(period), value) for period, value in data["values"]],
        targets=[(_date(period), value) for period, value in data["targets"]],
        assessment=assessment,
        forecast=found,
        provenance=provenance,
        public=data["public"],
    )


def _row(data):
    values = dict(data)
    for name in ("due_on",):
        if name in values:
            values[name] = _date(values[name])
    if "created_at" in values:
        values["created_at"] = _moment(values["created_at"])
    if values.get("check_in"):
        values["check_in"] = Row({**values["check_in"], "created_at": _moment(values["check_in"]["created_at"])})
    return Row(values)


def readable(content, *, partner):
    """What one reader sees of a snapshot: everything for partners of the area, the public part
    for anyone else (the public and members of other areas)."""

    def shown(rows):
        return [row for row in rows if partner or row["public"]]

    period = Period.parse(content["period"], Frequency.MONTHLY)
    return {
        "area_name": content["area"]["name"],
        "period": period,
        "previous": period.shifted(-1),
        "generated_at": _moment(content["generated_at"]),
        "invented": content["invented"],
        "summaries": [_row(row) for row in shown(content["goals"])],
        "indicators": [_item(row) for row in shown(content["indicators"])],
        "changes": [_row(row) for row in shown(content["changes"])],
        "action_rows": [_row(row) for row in shown(content["actions"])],
        "new_check_ins": [_row(row) for row in shown(content["new_check_ins"])],
    }
