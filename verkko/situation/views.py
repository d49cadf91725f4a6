"""Pages of the situational picture: the area, its municipalities, trends, signals and monthly reviews."""

import re
from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.accounts.access import is_coordinator
from verkko.areas import area_reverse
from verkko.ecosystem.models import EmploymentArea
from verkko.lib import page_cache
from verkko.lib.access import get_visible_or_404
from verkko.lib.exports import tabular_response
from verkko.lib.history import history_of
from verkko.news.start import waiting_signals
from verkko.situation import actions, business, charts, skills
from verkko.situation.access import (
    can_check_signal,
    can_edit_reviews,
    can_report_signal,
    counted_signals,
    reporting_organizations,
    visible_reviews,
    visible_signals,
)
from verkko.situation.figures import (
    Place,
    Provenance,
    add_months,
    available_months,
    compare_areas,
    data_version,
    key_figures,
    latest_month,
    municipality_rows,
    period_code,
    statistics_table,
)
from verkko.situation.forms import (
    MeasureForm,
    ReviewDraftForm,
    ReviewForm,
    SignalCheckForm,
    SignalFilterForm,
    SignalForm,
    SkillsFilterForm,
    TrendFilterForm,
)
from verkko.situation.measures import COUNTRY_CODE, KEY_MEASURES, measure
from verkko.situation.models import Review, Signal
from verkko.stats.models import Frequency, ImportRun, Table
from verkko.stats.periods import Period


class _Page:
    """What the statistics pages share: the table, the place, the request's area and the latest month.

    A municipality is one of the area's members; any other is not found here.
    """

    def __init__(self, request, municipality_code=None):
        self.area = request.area
        self.municipalities = list(self.area.municipalities.all())
        if municipality_code:
            self.municipality = next((m for m in self.municipalities if m.code == municipality_code), None)
            if self.municipality is None:
                raise Http404("The municipality is not a member of this employment area.")
        else:
            self.municipality = None
        self.area_place = Place.of_area(self.area, self.municipalities)
        self.place = Place.of_municipality(self.municipality) if self.municipality else self.area_place
        self.table = statistics_table()
        self.month = latest_month(self.table, self.place.area_codes) if self.table and self.place.area_codes else None

    @property
    def period(self):
        """The latest month as pages show it (verkko.stats.periods.Period); None without figures."""
        return Period(self.month, Frequency.MONTHLY) if self.month else None

    @property
    def query(self):
        """The query string that names this page's place in download links (the area is in the address)."""
        return {"municipality": self.municipality.code} if self.municipality else {}

    def tabular(self, kind, form):
        """One chart of the page: the same builder serves the page and the download."""
        chosen = measure(form.measure_code())
        if kind == "trend":
            places = [self.place]
            if chosen.is_rate:
                if self.municipality and self.area_place and self.area_place.area_codes:
                    places.append(self.area_place)
                places.append(Place.country())
            return charts.trend(self.table, chosen, places, add_months(self.month, -12 * form.years_back() + 1))
        if kind == "seasonal":
            return charts.seasonal(self.table, chosen, self.place, self.month)
        if kind == "municipalities":
            rows = municipality_rows(self.table, self.municipalities, [chosen], self.month)
            return charts.municipalities(chosen, rows, self.month)
        comparisons = compare_areas(self.table, chosen, self.month, current=self.area)
        tabular = charts.areas(chosen, comparisons, self.month)
        # Areas of the comparison that run on this installation too: their own pages, in their addresses.
        tabular.links = [
            (str(item.running_here), area_reverse(item.running_here, "situation:municipalities"))
            for item in comparisons
            if item.running_here is not None and item.running_here.pk != self.area.pk
        ]
        return tabular

    def chart_entry(self, kind, form):
        """The chart, its download links and the provenance of its cells, for the template."""
        tabular = self.tabular(kind, form)
        chosen = measure(form.measure_code())
        query = urlencode({**self.query, **{k: v for k, v in form.cleaned_data.items() if v}})
        if kind == "areas":
            area_codes = (_("every municipality of an employment area"),)
        elif kind == "trend" and chosen.is_rate:
            area_codes = tuple(
                dict.fromkeys(
                    self.place.area_codes
                    + (self.area_place.area_codes if self.municipality and self.area_place else ())
                    + (COUNTRY_CODE,)
                )
            )
        elif kind == "municipalities":
            area_codes = self.area_place.area_codes
        else:
            area_codes = self.place.area_codes
        if kind == "trend":
            first = add_months(self.month, -12 * form.years_back() + 1)
        elif kind == "seasonal":
            first = date(self.month.year - charts.SEASONAL_YEARS + 1, 1, 1)
        else:
            first = self.month
        periods = (period_code(first), period_code(self.month)) if first != self.month else (period_code(self.month),)
        return {
            "chart": tabular.chart(),
            "links": tabular.links,
            "downloads": [
                (file_format.upper(), reverse("situation:download", args=[kind, file_format]) + "?" + query)
                for file_format in ("csv", "xlsx")
            ],
            "provenance": Provenance(self.table, area_codes, tuple(chosen.content_codes), periods),
        }


def _data_version(request, table):
    """The table's data version, asked once per request: the whole answer's key and the fragment's both need it."""
    versions = request.__dict__.setdefault("_situation_data_versions", {})
    if table.pk not in versions:
        versions[table.pk] = data_version(table)
    return versions[table.pk]


def _cached_statistics(request, page, form, template, build_context):
    """The statistics part of a page, rendered once per data version, area, place, month, filters and language.

    Figures, charts and their tables are the same for every role, so they are cached until the
    data change (data_version); what depends on the user (signals, reviews) is rendered anew.
    The area's id is in the key: its links and its comparison are its own, never another area's.
    """
    if not form.is_valid():  # bad filters are rare and would only fill the cache
        return render_to_string(template, {"page": page, "form": form, **build_context()}, request)
    parts = (
        template,
        _data_version(request, page.table),
        page.area.pk,
        page.place.area_codes,
        page.month,
        sorted(form.cleaned_data.items()),
        get_language(),
    )
    return page_cache.cached_html(
        "situation-page",
        parts,
        lambda: render_to_string(template, {"page": page, "form": form, **build_context()}, request),
    )


def _no_data(request, page, template_context):
    return render(request, "situation/no_data.html", {"page": page, **template_context})


def _other_areas(request, viewname):
    """The other areas running here, each with the same page in its own address."""
    return [(area, area_reverse(area, viewname)) for area in EmploymentArea.objects.exclude(pk=request.area.pk)]


def _business_entries(page, tables):
    """The business-life sections of the page's place, each with its table's rows and downloads."""
    entries = []
    for result in business.sections(page.place, tables):
        entry = {"section": result, "place": page.place.name}
        if result.has_data:
            query = urlencode(page.query)
            entry.update(
                columns=business.columns(result),
                rows=list(zip(result.figures, business.rows(result), strict=True)),
                periods_label=_("periods"),
                downloads=[
                    (
                        file_format.upper(),
                        reverse("situation:business_download", args=[result.key, file_format])
                        + ("?" + query if query else ""),
                    )
                    for file_format in ("csv", "xlsx")
                ],
            )
        entries.append(entry)
    return entries


def _business_version(tables):
    """Changes whenever a business-life table's figures may have changed: its tables and their imports."""
    tables = list(tables.values())
    shown = [(t.pk, t.source, str(t.updated), str(t.fetched_at)) if t else None for t in tables]
    runs = list(
        ImportRun.objects.filter(table__in=[t for t in tables if t])
        .values("table")
        .annotate(last=Max("pk"))
        .order_by("table")
        .values_list("table", "last")
    )
    return (shown, runs)


def _cached_business(request, page):
    """The business-life part of a page and whether a section lacks data, cached until the tables change."""
    tables = business.section_tables()

    def build():
        entries = _business_entries(page, tables)
        html = render_to_string("situation/_business.html", {"page": page, "business": entries}, request)
        return (str(html), any(not entry["section"].has_data for entry in entries))

    parts = (_business_version(tables), page.area.pk, page.place.area_codes, get_language())
    html, lacks_data = page_cache.cached("situation-business", parts, build)
    return mark_safe(html), lacks_data  # noqa: S308 — our own template's output, escaped when it was rendered


def _public_parts(request, *args, **kwargs):
    """What the public's whole answer of a statistics page depends on: the area's content (signals,
    reviews), the statistics, the areas' municipalities (as data_version names them) and the day."""
    table = statistics_table()
    return (
        *page_cache.area_parts(request.area, "public"),
        _data_version(request, table) if table else None,
        timezone.localdate(),
    )


@require_safe
@page_cache.public_response("situation-area", _public_parts)
def area_page(request):
    page = _Page(request)
    return _place_page(request, page)


@require_safe
@page_cache.public_response("situation-municipality", _public_parts)
def municipality_page(request, code):
    page = _Page(request, municipality_code=code)
    return _place_page(request, page)


def _place_page(request, page):
    if page.month is None:
        # The business-life tables may be there before the employment service statistics are.
        business_html, business_lacks_data = _cached_business(request, page)
        return _no_data(
            request,
            page,
            {
                "business": business_html,
                "links_to_sources": business_lacks_data and is_coordinator(request.user, page.area),
            },
        )
    form = TrendFilterForm(request.GET)
    statistics = _cached_statistics(
        request,
        page,
        form,
        "situation/_place_statistics.html",
        lambda: {
            "figures": key_figures(page.table, page.place, page.month),
            "trend": page.chart_entry("trend", form),
            "seasonal": page.chart_entry("seasonal", form),
        },
    )
    business_html, business_lacks_data = _cached_business(request, page)
    context = {
        "page": page,
        "statistics": statistics,
        "business": business_html,
        "links_to_sources": business_lacks_data and is_coordinator(request.user, page.area),
        "is_demo": page.table.source == Table.Source.DEMO,
        "other_areas": _other_areas(request, "situation:area") if not page.municipality else [],
    }
    context["signals"] = (
        counted_signals(request.user, page.area)
        .filter(date__gte=page.month)
        .filter(**({"municipality": page.municipality} if page.municipality else {}))
        .select_related("municipality")[:20]
    )
    review = visible_reviews(request.user, page.area).filter(status=Review.Status.PUBLISHED).first()
    context["review"] = review
    context["review_title"] = review.title if review else ""
    return render(request, "situation/place.html", context)


@require_safe
@page_cache.public_response("situation-municipalities", _public_parts)
def municipality_table(request):
    page = _Page(request)
    if page.month is None:
        return _no_data(request, page, {})
    form = MeasureForm(request.GET)

    def build_context():
        rows = municipality_rows(page.table, page.municipalities, KEY_MEASURES, page.month)
        figures = key_figures(page.table, page.area_place, page.month)
        comparison = page.chart_entry("areas", form)
        return {
            "measures": KEY_MEASURES,
            "rows": [(row, [(row.values[m.code], m.decimals) for m in KEY_MEASURES]) for row in rows],
            "area_values": [(figure.current, figure.measure.decimals) for figure in figures],
            "country_values": [(figure.country, figure.measure.decimals) for figure in figures],
            "provenance": Provenance(
                page.table,
                page.area_place.area_codes + (COUNTRY_CODE,),
                tuple(dict.fromkeys(code for m in KEY_MEASURES for code in m.content_codes)),
                (period_code(page.month),),
            ),
            "by_municipality": page.chart_entry("municipalities", form),
            "comparison": comparison if len(comparison["chart"]["rows"]) > 1 else None,
        }

    statistics = _cached_statistics(request, page, form, "situation/_municipality_statistics.html", build_context)
    return render(
        request,
        "situation/municipalities.html",
        {
            "page": page,
            "statistics": statistics,
            "is_demo": page.table.source == Table.Source.DEMO,
            "other_areas": _other_areas(request, "situation:municipalities"),
        },
    )


@require_safe
def download(request, kind, file_format):
    page = _Page(request, municipality_code=request.GET.get("municipality"))
    if page.month is None:
        raise Http404("No statistics.")
    form = TrendFilterForm(request.GET) if kind in ("trend", "seasonal") else MeasureForm(request.GET)
    tabular = page.tabular(kind, form)
    return tabular_response(tabular.filename, tabular.columns, tabular.rows, file_format)


@require_safe
def business_download(request, topic, file_format):
    """The figures of one business-life table of the area or a member municipality, as the page shows them."""
    page = _Page(request, municipality_code=request.GET.get("municipality"))
    result = business.section(topic, page.place)
    if not result.has_data:
        raise Http404("No figures of this table.")
    place_slug = page.municipality.code if page.municipality else page.area.slug
    return tabular_response(
        business.filename(result, place_slug), business.columns(result), business.rows(result), file_format
    )


# Signals


def _signal_counts(signals):
    counts = (
        signals.filter(status=Signal.Status.VERIFIED)
        .annotate(month=TruncMonth("date"))
        .values("month", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return charts.signal_counts({(row["month"], row["kind"]): row["n"] for row in counts}, Signal.Kind.choices)


def _filtered_signals(request, area):
    form = SignalFilterForm(request.GET, area=area)
    return form, form.apply(visible_signals(request.user, area))


@require_safe
def signal_list(request):
    area = request.area
    form, signals = _filtered_signals(request, area)
    counts = _signal_counts(signals)
    query = urlencode({k: v for k, v in request.GET.items() if k != "page"})
    page = Paginator(signals.select_related("municipality", "organization"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "situation/signals.html",
        {
            "area": area,
            "form": form,
            "signals": page,
            "counts": counts.chart(),
            "downloads": [
                (file_format.upper(), reverse("situation:signal_download", args=[file_format]) + "?" + query)
                for file_format in ("csv", "xlsx")
            ],
            "query": query,
            "can_report": can_report_signal(request.user, area),
            "is_coordinator": is_coordinator(request.user, area),
        },
    )


@require_safe
def signal_download(request, file_format):
    area = request.area
    _form, signals = _filtered_signals(request, area)
    counts = _signal_counts(signals)
    return tabular_response(counts.filename, counts.columns, counts.rows, file_format)


@require_http_methods(["GET", "HEAD", "POST"])
def signal_create(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    area = request.area
    organizations = reporting_organizations(request.user, area)
    if not organizations.exists():
        raise PermissionDenied
    form = SignalForm(request.POST or None, area=area, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        signal = actions.report_signal(request.user, area, form.cleaned_data)
        return redirect("situation:signal_detail", signal.uuid)
    return render(request, "situation/signal_form.html", {"form": form, "area": area})


def _visible_signal(request, signal_uuid):
    """A signal of the request's area that the user may see; another area's is not found here."""
    return get_visible_or_404(
        visible_signals(request.user, request.area).select_related("area"),
        Signal.objects.filter(area=request.area),
        uuid=signal_uuid,
    )


def _signal_page(request, signal, check_form=None, status=200):
    may_check = can_check_signal(request.user, signal)
    return render(
        request,
        "situation/signal_detail.html",
        {
            "signal": signal,
            "check_form": check_form or (SignalCheckForm(signal=signal) if may_check else None),
            "entries": history_of(signal) if may_check else None,
        },
        status=status,
    )


@require_safe
def signal_detail(request, signal_uuid):
    return _signal_page(request, _visible_signal(request, signal_uuid))


@require_POST
def signal_check(request, signal_uuid):
    signal = _visible_signal(request, signal_uuid)
    if not can_check_signal(request.user, signal):
        raise PermissionDenied
    form = SignalCheckForm(request.POST, signal=signal)
    if not form.is_valid():
        return _signal_page(request, signal, check_form=form)
    actions.check_signal(
        request.user,
        signal,
        form.cleaned_data["decision"],
        form.cleaned_data["note"],
        visibility=form.cleaned_data["visibility"],
    )
    if request.POST.get("from") == "queue":
        return redirect("situation:signal_queue")
    return redirect("situation:signal_detail", signal.uuid)


@require_safe
def signal_queue(request):
    """The coordinators' queue: signals of the area waiting for verification, oldest first."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_coordinator(request.user, request.area):
        raise PermissionDenied
    waiting = waiting_signals(request.area).select_related("municipality").order_by("date", "created_at")
    return render(request, "situation/signal_queue.html", {"signals": waiting})


# Monthly reviews


def _draft_form(request, area, data=None):
    table = statistics_table()
    if not table or not can_edit_reviews(request.user, area):
        return None
    codes = [m.statfin_code for m in area.municipalities.all()]
    taken = set(Review.objects.filter(area=area).values_list("month", flat=True))
    months = [month for month in available_months(table, codes)[:24] if month not in taken]
    return ReviewDraftForm(data, months=months)


def _review_list(request, area, draft_form, status=200):
    return render(
        request,
        "situation/reviews.html",
        {
            "area": area,
            "reviews": visible_reviews(request.user, area),
            "draft_form": draft_form,
        },
        status=status,
    )


@require_safe
def review_list(request):
    area = request.area
    return _review_list(request, area, _draft_form(request, area))


@require_POST
def review_create(request):
    area = request.area
    if not can_edit_reviews(request.user, area):
        raise PermissionDenied
    form = _draft_form(request, area, request.POST)
    if form is None:
        raise Http404("No statistics to write a review from.")
    if not form.is_valid():
        return _review_list(request, area, form)
    review = actions.draft_review(request.user, statistics_table(), area, form.cleaned_data["month"])
    return redirect("situation:review_edit", review.uuid)


def _visible_review(request, review_uuid):
    """A review of the request's area that the user may see; another area's is not found here."""
    return get_visible_or_404(
        visible_reviews(request.user, request.area).select_related("area"),
        Review.objects.filter(area=request.area),
        uuid=review_uuid,
    )


@require_safe
def review_detail(request, review_uuid):
    review = _visible_review(request, review_uuid)
    title, text = review.title, review.text  # in the page's language (verkko.lib.translated)
    text = re.sub(r"(\d) %", "\\1\u00a0%", text)  # a per cent sign never starts a line on its own
    may_edit = can_edit_reviews(request.user, review.area)
    return render(
        request,
        "situation/review_detail.html",
        {
            "review": review,
            "title": title,
            "text": text,
            "may_edit": may_edit,
            "entries": history_of(review) if may_edit else None,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def review_edit(request, review_uuid):
    review = _visible_review(request, review_uuid)
    if not can_edit_reviews(request.user, review.area):
        raise PermissionDenied
    form = ReviewForm(request.POST or None, instance=review)
    if request.method == "POST" and form.is_valid():
        actions.update_review(request.user, review, form.cleaned_data)
        return redirect("situation:review_detail", review.uuid)
    return render(request, "situation/review_form.html", {"form": form, "review": review})


@require_POST
def review_publish(request, review_uuid):
    review = _visible_review(request, review_uuid)
    if not can_edit_reviews(request.user, review.area):
        raise PermissionDenied
    actions.publish_review(request.user, review)
    return redirect("situation:review_detail", review.uuid)


# Skills needs


def _skills(request):
    """(form, the skills needs of the chosen place, the place's slug for file names)."""
    area = request.area
    municipalities = list(area.municipalities.all())
    form = SkillsFilterForm(request.GET, area=area, municipalities=municipalities)
    chosen = form.chosen("place")
    municipality = next((m for m in municipalities if m.code == chosen), None)
    if chosen == COUNTRY_CODE:
        place, slug = Place.country(), "sss"
    elif municipality is not None:
        place, slug = Place.of_municipality(municipality), municipality.code
    else:
        place, slug = Place.of_area(area, municipalities), area.slug
    result = skills.skills_needs(
        place, user=request.user, area=area, municipality=municipality, sort=form.chosen("sort", "code")
    )
    return form, result, slug


@require_safe
def skills_page(request):
    form, result, _slug = _skills(request)
    query = urlencode({k: v for k, v in (form.cleaned_data.items() if form.is_valid() else ()) if v})
    return render(
        request,
        "situation/skills.html",
        {
            "area": request.area,
            "form": form,
            "result": result,
            "columns": skills.columns(result) if result.has_data else [],
            "rows": list(zip(result.lines, skills.rows(result), strict=True)),
            "downloads": [
                (file_format.upper(), reverse("situation:skills_download", args=[file_format]) + "?" + query)
                for file_format in ("csv", "xlsx")
            ],
            "is_coordinator": is_coordinator(request.user, request.area),
        },
        status=200 if form.is_valid() else 400,
    )


@require_safe
def skills_download(request, file_format):
    """Exactly the page's table: the same place, order and signals the user may see."""
    form, result, slug = _skills(request)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose the place and the order from the lists."))
    if not result.has_data:
        raise Http404("No figures by occupation.")
    return tabular_response(skills.filename(result, slug), skills.columns(result), skills.rows(result), file_format)
