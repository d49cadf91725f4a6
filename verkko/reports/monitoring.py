"""The monitoring report as a workbook, and the charts of its PDF: rendered from the report a
reader sees (verkko.reports.snapshot.readable), as the HTML is. Numbers stay numbers, with the
indicator's decimals as their number format; dates are dates; periods read as on the pages."""

import base64
import io
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext, pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from verkko.goals.models import Action, Confidence, Status
from verkko.lib.formatting import XLSX_DATE_FORMAT, XLSX_DATETIME_FORMAT, format_date, rounded, xlsx_number_format
from verkko.stats import periods

MAX_COLUMN_WIDTH = 60


class Number:
    """A figure for the workbook: its value as shown (rounded) and the number format of its decimals."""

    def __init__(self, value, decimals=0):
        self.value = rounded(value, decimals)
        self.number_format = xlsx_number_format(decimals)


def svg_data_uri(svg):
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _status(value):
    return str(Status(value).label)


def _period_label(day, frequency):
    return periods.label(day, frequency) if day else ""


def _local_day(moment):
    return timezone.localdate(moment) if isinstance(moment, datetime) else moment


def xlsx(report):
    """The report as a workbook: goals, indicators, actions, changes and sources on their own sheets."""
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
        widths = [len(str(column)) for column in columns]
        for row in rows:
            worksheet.append([value.value if isinstance(value, Number) else value for value in row])
            for index, (value, cell) in enumerate(zip(row, worksheet[worksheet.max_row], strict=False)):
                if isinstance(value, Number):
                    cell.number_format = value.number_format
                    widths[index] = max(widths[index], 10)
                elif isinstance(value, date):
                    cell.number_format = XLSX_DATETIME_FORMAT if isinstance(value, datetime) else XLSX_DATE_FORMAT
                    widths[index] = max(widths[index], 10)
                else:
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"  # text from the data never becomes a formula
                    widths[index] = max(widths[index], len(str(value or "")))
                    if isinstance(value, str) and len(value) > MAX_COLUMN_WIDTH:
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
                goal.title,
                _status(goal.status),
                goal.owner_forum,
                Number(goal.actions),
                Number(goal.action_progress) if goal.action_progress is not None else None,
            ]
            for goal in report["summaries"]
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
            gettext("Progress to target (%)"),
            gettext("Forecast"),
            gettext("On course"),
        ],
        [_indicator_row(item) for item in report["indicators"]],
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
                row.title,
                row.lead,
                str(Action.Status(row.status).label),
                Number(row.progress),
                row.due_on,
                _local_day(row.check_in.created_at) if row.check_in else None,
                str(Confidence(row.check_in.confidence).label) if row.check_in else "",
                row.check_in.narrative if row.check_in else "",
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
                entry.action,
                "",
                f"{format_date(entry.created_at)} {entry.narrative}",
            ]
            for entry in report["new_check_ins"]
        ],
    )
    sheet(
        gettext("Sources"),
        [
            gettext("Indicator"),
            gettext("Table"),
            gettext("Address"),
            gettext("Areas"),
            gettext("Contents"),
            gettext("Periods"),
            gettext("Updated at source"),
            gettext("Fetched by Verkko"),
        ],
        [_source_row(item) for item in report["indicators"]],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _indicator_row(item):
    indicator, a, found = item.indicator, item.assessment, item.forecast
    decimals = indicator.decimals

    def figure(value):
        return Number(value, decimals) if value is not None else None

    return [
        indicator.name,
        indicator.unit,
        _status(a.status),
        _period_label(a.period, indicator.frequency),
        figure(a.actual),
        figure(a.expected),
        figure(a.target),
        _period_label(a.target_period, indicator.frequency),
        figure(a.variance),
        Number(a.progress, 0) if a.progress is not None else None,
        figure(found.projected) if found else None,
        (gettext("yes") if found.on_course else gettext("no")) if found else "",
    ]


def _naive(moment):
    """Spreadsheet cells hold local times without a zone."""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment).replace(tzinfo=None)
    return moment


def _source_row(item):
    provenance = item.provenance or {}
    if provenance.get("manual"):
        return [
            item.indicator.name,
            gettext("Values entered by hand or imported from CSV in Verkko"),
            "",
            "",
            "",
            ", ".join(provenance.get("periods", [])),
            None,
            _naive(provenance.get("changed_at")),
        ]
    return [
        item.indicator.name,
        f"{provenance.get('table_id', '')} {provenance.get('title', '')}".strip(),
        provenance.get("link", ""),
        ", ".join(provenance.get("area_codes", [])),
        ", ".join(provenance.get("content_codes", [])),
        ", ".join(provenance.get("periods", [])),
        _naive(provenance.get("updated")),
        _naive(provenance.get("fetched_at")),
    ]
