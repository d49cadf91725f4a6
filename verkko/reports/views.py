"""The monitoring report: an index with a period chooser, and the report as HTML, PDF and XLSX."""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from verkko.lib.exports import XLSX_CONTENT_TYPE
from verkko.reports import monitoring
from verkko.stats import periods
from verkko.stats.models import Frequency

MONTHS_TO_CHOOSE_FROM = 24


def _recent_periods():
    this_month = periods.containing(timezone.localdate(), Frequency.MONTHLY)
    return [periods.shift_months(this_month, -offset) for offset in range(MONTHS_TO_CHOOSE_FROM)]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Month"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [
            (periods.code(period, Frequency.MONTHLY), periods.label(period, Frequency.MONTHLY))
            for period in _recent_periods()
        ]


@require_safe
def index(request):
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("reports:monitoring", period=form.cleaned_data["period"])
    return render(
        request,
        "reports/index.html",
        {"form": form, "recent": [(periods.code(p, Frequency.MONTHLY), p) for p in _recent_periods()[:6]]},
        status=400 if form.is_bound else 200,
    )


def _report(request, period_code, *, with_charts=True):
    period = monitoring.parse_period(period_code)
    if period is None:
        raise Http404
    return monitoring.build(request.user, request.area, period, with_charts=with_charts)


@require_safe
def monitoring_html(request, period):
    return render(request, "reports/monitoring.html", _report(request, period))


@require_safe
def monitoring_pdf(request, period):
    from weasyprint import HTML

    report = _report(request, period)
    report["pdf"] = True
    for _item, chart in report["indicator_charts"]:
        chart["data_uri"] = monitoring.svg_data_uri(chart["svg"])
    html = render_to_string("reports/monitoring_pdf.html", report, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(period)}.pdf"'
    return response


@require_safe
def monitoring_xlsx(request, period):
    report = _report(request, period, with_charts=False)
    response = HttpResponse(monitoring.xlsx(report), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(period)}.xlsx"'
    return response


def _filename(period_code):
    """For example seurantaraportti-2026-10: the month as files sort."""
    period = monitoring.parse_period(period_code)
    return gettext("monitoring-report") + f"-{period:%Y-%m}"
