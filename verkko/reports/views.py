"""The monitoring report: published months as they were published, the current month as a draft;
as HTML, PDF and XLSX, all rendered from the same snapshot (verkko.reports.snapshot)."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from verkko.accounts.access import is_coordinator, is_partner
from verkko.goals import charts
from verkko.lib import page_cache
from verkko.lib.exports import XLSX_CONTENT_TYPE
from verkko.reports import actions, monitoring, snapshot
from verkko.reports.models import PublishedReport
from verkko.stats.models import Frequency
from verkko.stats.periods import Period
from verkko.stats.versions import statistics_version

MONTHS_TO_CHOOSE_FROM = 24


def current_month():
    return Period.of(timezone.localdate(), Frequency.MONTHLY)


def _recent_periods():
    this_month = current_month()
    return [this_month.shifted(-offset) for offset in range(MONTHS_TO_CHOOSE_FROM)]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Month"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(period.code, period.label) for period in _recent_periods()]

    def clean_period(self):
        """The month as a Period: parsed here, where it enters."""
        return Period.parse(self.cleaned_data["period"], Frequency.MONTHLY)


def _published(area):
    return PublishedReport.objects.filter(area=area).order_by("-period")


@require_safe
def index(request):
    """Opens on the latest published month; the chooser leads to any other (drafts included)."""
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("reports:monitoring", period=form.cleaned_data["period"])
    latest = _published(request.area).only("period").first()
    if latest is not None and not form.is_bound:
        return redirect("reports:monitoring", period=latest.month)
    return render(
        request,
        "reports/index.html",
        {"form": form, "recent": _recent_periods()[:6], "this_month": current_month()},
        status=400 if form.is_bound else 200,
    )


def _content_key(area, period, published):
    """What names a report's content: a published report's snapshot never changes; a draft lasts
    until the area's content or the statistics change."""
    if published is not None:
        return ("published", published.pk)
    return ("draft", area.pk, area.content_version, statistics_version(), period.code)


def _draft_content(area, period, content_key):
    """A draft is built when its data change, and read back through JSON exactly as a published snapshot is."""
    return page_cache.cached(
        "report-draft",
        content_key,
        lambda: json.loads(json.dumps(snapshot.build(area, period), cls=DjangoJSONEncoder)),
    )


def _report(request, period):
    """What every format of the report shows, without its charts (drawn only when not cached)."""
    published = (
        PublishedReport.objects.filter(area=request.area, period=period.first_day)
        .select_related("published_by")
        .first()
    )
    content_key = _content_key(request.area, period, published)
    content = published.content if published else _draft_content(request.area, period, content_key)
    partner = is_partner(request.user, request.area)
    report = snapshot.readable(content, partner=partner)
    this_month = current_month()
    report.update(
        area=request.area,
        published=published,
        is_draft=published is None,
        is_current=period == this_month,
        this_month=this_month,
        can_see_people=partner,
        # Cached parts of the report are the same for everyone who sees the same content in the
        # same language: partners of the area, or anyone else.
        cache_parts=(*content_key, "partner" if partner else "public", get_language(), this_month.code),
    )
    return report


def _with_charts(report, *, width=460, height=180):
    report["indicator_charts"] = [
        (item, charts.indicator_chart(item.indicator, item.values, item.targets, width=width, height=height))
        for item in report["indicators"]
    ]
    return report


def _public_parts(request, period):
    """A report's whole answer for the public: its month, the area's content (publishing is a
    write of the area) and the statistics, and the current month (a draft's notice)."""
    return (*page_cache.area_parts(request.area, "public"), statistics_version(), period.code, current_month().code)


@require_safe
@page_cache.public_response("report-html-page", _public_parts)
def monitoring_html(request, period):
    report = _report(request, period)
    report.update(
        can_publish=report["is_draft"] and period < report["this_month"] and is_coordinator(request.user, request.area),
        published_months=[report.month for report in _published(request.area).only("period", "area")],
        form=PeriodForm(initial={"period": period.code}),
    )
    report["body"] = page_cache.cached_html(
        "report-html",
        report["cache_parts"],
        lambda: render_to_string("reports/_monitoring_body.html", _with_charts(report)),
    )
    return render(request, "reports/monitoring.html", report)


def _pdf(request, report):
    from weasyprint import HTML

    _with_charts(report)
    report["pdf"] = True
    for _item, chart in report["indicator_charts"]:
        chart["data_uri"] = monitoring.svg_data_uri(chart["svg"])
    html = render_to_string("reports/monitoring_pdf.html", report)
    # Tagged PDF/UA: its structure, language (the <html lang>) and title (the <title>) for screen readers.
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(pdf_variant="pdf/ua-1")


@require_safe
@page_cache.public_response("report-pdf-page", _public_parts)
def monitoring_pdf(request, period):
    """The PDF's bytes are cached as the HTML's body is: drawing one takes a worker a second or two."""
    report = _report(request, period)
    pdf = page_cache.cached("report-pdf", (*report["cache_parts"], request.get_host()), lambda: _pdf(request, report))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(period)}.pdf"'
    return response


@require_safe
@page_cache.public_response("report-xlsx-page", _public_parts)
def monitoring_xlsx(request, period):
    report = _report(request, period)
    workbook = page_cache.cached("report-xlsx", report["cache_parts"], lambda: monitoring.xlsx(report))
    response = HttpResponse(workbook, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(period)}.xlsx"'
    return response


@require_POST
@login_required
def publish(request, period):
    """A coordinator of the area publishes a month that is over; once published it stays as it was."""
    if not is_coordinator(request.user, request.area):
        raise PermissionDenied
    try:
        actions.publish_report(request.user, request.area, period)
    except actions.CannotPublish:
        messages.error(request, gettext("This month cannot be published: it is not over yet, or it already is."))
    else:
        messages.success(request, gettext("The monitoring report of %(month)s was published.") % {"month": period.name})
    return redirect("reports:monitoring", period=period)


def _filename(period):
    """For example seurantaraportti-2026-10: the month as files sort."""
    return gettext("monitoring-report") + f"-{period.file_part}"
