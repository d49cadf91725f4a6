"""The monitoring report of one month: statuses, charts, each action's latest check-in and what
changed since the previous month. The HTML, PDF and XLSX show the same content."""

import base64
import io
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext, pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from verkko.goals import access, charts
from verkko.goals.models import CheckIn, Status
from verkko.goals.monitoring import invented, summarize_all
from verkko.stats import periods
from verkko.stats.models import Frequency

MAX_COLUMN_WIDTH = 60


@dataclass
class Change:
    kind: str  # "goal" or "indicator"
    name: str
    before: str
    after: str


def parse_period(code):
    return periods.parse(code, Frequency.MONTHLY)


def _end_of(period):
    return timezone.make_aware(datetime.combine(periods.end_of(period, Frequency.MONTHLY), time.max))


def _start_of(period):
    return timezone.make_aware(datetime.combine(period, time.min))


def build(user, area, period, *, with_charts=True):
    """Everything the report of the area shows for the month starting on `period`, as the user may see it.

    Only the area's goals and actions; its partner-only goals only for its partners.
    """
    previous = periods.shift_months(period, -1)
    goals = access.visible_goals(user, area).order_by("title")
    summaries = summarize_all(goals, at=period)
    before = {summary.goal.pk: summary for summary in summarize_all(goals, at=previous)}

    changes, indicators, seen = [], [], set()
    for summary in summaries:
        earlier = before[summary.goal.pk]
        if earlier.status != summary.status:
            changes.append(Change("goal", summary.goal.title, earlier.status, summary.status))
        earlier_indicators = {item.indicator.pk: item for item in earlier.indicators}
        for item in summary.indicators:
            if item.indicator.pk in seen:
                continue
            seen.add(item.indicator.pk)
            indicators.append(item)
            old = earlier_indicators[item.indicator.pk].assessment.status
            if old != item.assessment.status:
                changes.append(Change("indicator", item.indicator.name, old, item.assessment.status))

    period_end = _end_of(period)
    actions = (
        access.area_actions(area)
        .filter(goals__in=goals)
        .distinct()
        .select_related("lead_organization")
        .prefetch_related("goals")
        .order_by("due_on", "title")
    )
    action_rows = []
    for action in actions:
        latest = (
            CheckIn.objects.filter(action=action, created_at__lte=period_end)
            .select_related("organization", "author")
            .first()
        )
        action_rows.append({"action": action, "check_in": latest})
    new_check_ins = (
        CheckIn.objects.filter(action__in=actions, created_at__gte=_start_of(period), created_at__lte=period_end)
        .select_related("action", "organization", "author")
        .order_by("created_at")
    )
    indicator_charts = []
    if with_charts:
        for item in indicators:
            indicator_charts.append(
                (item, charts.indicator_chart(item.indicator, item.values, item.targets, width=460, height=180))
            )
    return {
        "area": area,
        "period": period,
        "period_code": periods.code(period, Frequency.MONTHLY),
        "previous": previous,
        "previous_code": periods.code(previous, Frequency.MONTHLY),
        "summaries": summaries,
        "invented": invented(summaries),
        "indicators": indicators,
        "indicator_charts": indicator_charts,
        "changes": changes,
        "action_rows": action_rows,
        "new_check_ins": new_check_ins,
        "generated_at": timezone.now(),
    }


def svg_data_uri(svg):
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _rounded(value, decimals):
    return None if value is None else round(float(value), decimals)


def _status(value):
    return str(Status(value).label)


def xlsx(report):
    """The report as a workbook: goals, indicators, actions and changes on their own sheets."""
    workbook = Workbook()
    bold = Font(bold=True)

    def sheet(title, columns, rows, first=False):
        worksheet = workbook.active if first else workbook.create_sheet()
        worksheet.title = title[:31]
        worksheet.append(columns)
        for cell in worksheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        worksheet.freeze_panes = "A2"
        for row in rows:
            worksheet.append(row)
        widths = [len(str(column)) for column in columns]
        for row in worksheet.iter_rows(min_row=2):
            for index, cell in enumerate(row):
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text from the data never becomes a formula
                if isinstance(cell.value, date):
                    cell.number_format = "d.m.yyyy"
                    widths[index] = max(widths[index], 10)
                elif isinstance(cell.value, float):
                    cell.number_format = "#,##0" if cell.value.is_integer() else "#,##0.0###"
                    widths[index] = max(widths[index], 10)
                else:
                    widths[index] = max(widths[index], len(str(cell.value or "")))
                if isinstance(cell.value, str) and len(cell.value) > MAX_COLUMN_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, width in enumerate(widths, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = min(MAX_COLUMN_WIDTH, max(10, width + 2))
        return worksheet

    sheet(
        gettext("Goals"),
        [
            gettext("Goal"),
            gettext("Status"),
            gettext("Owner forum"),
            gettext("Actions"),
            gettext("Progress of actions (%)"),
        ],
        [
            [
                summary.goal.title,
                _status(summary.status),
                str(summary.goal.owner_forum or ""),
                len(summary.actions),
                summary.action_progress,
            ]
            for summary in report["summaries"]
        ],
        first=True,
    )
    sheet(
        gettext("Indicators"),
        [
            gettext("Indicator"),
            gettext("Unit"),
            gettext("Status"),
            gettext("Period"),
            gettext("Actual"),
            gettext("Expected now"),
            gettext("Target"),
            gettext("Target period"),
            gettext("Variance to target"),
            gettext("Percent of target"),
        ],
        [
            [
                item.indicator.name,
                item.indicator.unit,
                _status(item.assessment.status),
                periods.label(item.assessment.period, item.indicator.frequency) if item.assessment.period else "",
                _rounded(item.assessment.actual, item.indicator.decimals),
                _rounded(item.assessment.expected, item.indicator.decimals),
                _rounded(item.assessment.target, item.indicator.decimals),
                periods.label(item.assessment.target_period, item.indicator.frequency)
                if item.assessment.target_period
                else "",
                _rounded(item.assessment.variance, item.indicator.decimals),
                round(item.assessment.percent_of_target, 1) if item.assessment.percent_of_target is not None else None,
            ]
            for item in report["indicators"]
        ],
    )
    sheet(
        gettext("Actions"),
        [
            pgettext("goals", "Action"),
            gettext("Lead organisation"),
            gettext("Status"),
            gettext("Progress (%)"),
            gettext("Due"),
            gettext("Latest check-in"),
            gettext("Confidence"),
            gettext("What happened"),
        ],
        [
            [
                row["action"].title,
                str(row["action"].lead_organization),
                row["action"].get_status_display(),
                row["action"].progress,
                row["action"].due_on,
                timezone.localdate(row["check_in"].created_at) if row["check_in"] else None,
                row["check_in"].get_confidence_display() if row["check_in"] else "",
                row["check_in"].narrative if row["check_in"] else "",
            ]
            for row in report["action_rows"]
        ],
    )
    sheet(
        gettext("Changes"),
        [gettext("What"), gettext("Name"), gettext("Before"), gettext("After")],
        [
            [
                gettext("goal") if change.kind == "goal" else gettext("indicator"),
                change.name,
                _status(change.before),
                _status(change.after),
            ]
            for change in report["changes"]
        ]
        + [
            [
                gettext("new check-in"),
                entry.action.title,
                "",
                f"{charts.short_date(timezone.localdate(entry.created_at))} {entry.narrative}",
            ]
            for entry in report["new_check_ins"]
        ],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
