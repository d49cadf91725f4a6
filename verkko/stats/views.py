"""Pages where coordinators keep the statistics sources of their employment area (the request's area)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.lib.formatting import format_datetime, format_number

from . import access, actions
from .formats.model import ROLE_AREA, ROLE_CONTENT
from .forms import SourceForm
from .models import ImportRun, Table


def _require_manager(request):
    if not access.can_manage_sources(request.user, request.area):
        raise PermissionDenied


def _area_source(request, pk):
    """A source of the request's area; another area's is not found here."""
    return get_object_or_404(access.sources_of(request.area), pk=pk)


@require_safe
def index(request):
    """/<area>/statistics/ (as the README gives it) leads to the sources."""
    return redirect("stats:source_list")


@require_safe
@login_required
def source_list(request):
    _require_manager(request)
    sources = list(access.sources_of(request.area).order_by("table_id", "pk"))
    fetched = actions.last_fetches(sources)
    return render(
        request,
        "stats/source_list.html",
        {"sources": [(source, fetched.get(source.table_id)) for source in sources]},
    )


@require_safe
@login_required
def source_detail(request, pk):
    _require_manager(request)
    source = _area_source(request, pk)
    runs = ImportRun.objects.filter(source=source).select_related("table")[:20]
    return render(
        request,
        "stats/source_detail.html",
        {
            "source": source,
            "runs": runs,
            "area_names": _area_names(request.area, source),
            "measure_names": _measure_names(source),
            "fetched": actions.last_fetches([source]).get(source.table_id),
        },
    )


@require_POST
@login_required
def source_fetch(request, pk):
    """Fetch now: run the source's refresh and say what it did."""
    _require_manager(request)
    source = _area_source(request, pk)
    if not access.can_edit_source(request.user, source):
        raise PermissionDenied
    outcome = actions.fetch_now(request.user, source)
    if outcome.status == "imported":
        run = outcome.run
        messages.success(
            request,
            _("Fetched: %(cells)s cells (%(new)s new, %(changed)s changed, %(unchanged)s unchanged).")
            % {
                "cells": format_number(run.observations),
                "new": format_number(run.rows_new),
                "changed": format_number(run.rows_changed),
                "unchanged": format_number(run.rows_unchanged),
            },
        )
    elif outcome.status == "unchanged":
        messages.info(
            request,
            _("Nothing new: the table has not been updated since %(when)s.")
            % {"when": format_datetime(source.last_updated)},
        )
    else:
        messages.error(
            request, _("The fetch failed; the figures fetched earlier stay. %(error)s") % {"error": outcome.message}
        )
    return redirect("stats:source_detail", pk=source.pk)


def _stored_labels(table_id, role):
    """{code: label} of a table's areas or contents as Verkko stored them (a StatFin table first)."""
    labels = {}
    for table in Table.objects.filter(table_id=table_id).order_by("source").only("dimensions"):
        labels.update(table.labels_of(role))  # "statfin" sorts after "file" and "demo": its words win
    return labels


def _area_names(area, source):
    """The source's areas as a reader knows them: "Oulu", "Koko maa"; a code no one names stays a code.

    Municipalities are read through the area's own relation, so that stats imports no domain app;
    other areas by the labels of the table as fetched.
    """
    codes = source.area_codes
    municipality_model = area.municipalities.model
    municipalities = {
        m.statfin_code: m.name for m in municipality_model.objects.filter(code__in=[c[2:] for c in codes])
    }
    names = {**_stored_labels(source.table_id, ROLE_AREA), actions.WHOLE_COUNTRY: _("Whole country"), **municipalities}
    return [names.get(code, code) for code in codes]


def _measure_names(source):
    """The source's contents by the table's own labels; a code without a stored label stays a code."""
    labels = _stored_labels(source.table_id, ROLE_CONTENT)
    return [labels.get(code, code) for code in source.measure_codes]


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def source_create(request):
    _require_manager(request)
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source = actions.create_source(request.user, area=request.area, **form.cleaned_data)
        messages.success(request, _("The source was added."))
        return redirect("stats:source_detail", pk=source.pk)
    return render(request, "stats/source_form.html", {"form": form, "source": None})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def source_edit(request, pk):
    _require_manager(request)
    source = _area_source(request, pk)
    if not access.can_edit_source(request.user, source):
        raise PermissionDenied
    form = SourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        # The form has already put the cleaned values on the instance; the action saves them.
        actions.update_source(request.user, source, **form.cleaned_data)
        messages.success(request, _("The source was saved."))
        return redirect("stats:source_detail", pk=source.pk)
    return render(request, "stats/source_form.html", {"form": form, "source": source})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def source_delete(request, pk):
    """GET asks to confirm; POST removes the source (the figures already fetched stay)."""
    _require_manager(request)
    source = _area_source(request, pk)
    if not access.can_edit_source(request.user, source):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "stats/source_delete.html", {"source": source})
    actions.delete_source(request.user, source)
    messages.success(request, _("The source was removed."))
    return redirect("stats:source_list")


@require_POST
@login_required
def source_defaults(request):
    """The default sources for the request's area (nothing to choose: the area is in the address)."""
    _require_manager(request)
    created = actions.create_default_sources(request.user, request.area)
    if created:
        messages.success(
            request, _("Default sources added: %(tables)s.") % {"tables": ", ".join(s.table_id for s in created)}
        )
    else:
        messages.info(request, _("The area already has every default source."))
    return redirect("stats:source_list")
