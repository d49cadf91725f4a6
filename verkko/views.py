"""Site-wide pages: the list of areas, an area's home page, old addresses and the health check."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

import verkko
from verkko.areas import area_reverse
from verkko.ecosystem.models import EmploymentArea


@require_safe
def home(request):
    """An installation with one area leads straight to it; one with several lists them."""
    areas = list(EmploymentArea.objects.order_by("name"))
    if len(areas) == 1:
        return redirect(area_reverse(areas[0], "area_home"))
    entries = [(area, area_reverse(area, "area_home")) for area in areas]
    return render(request, "areas.html", {"areas": entries})


@require_safe
def area_home(request):
    area = EmploymentArea.objects.prefetch_related("municipalities").select_related("host_municipality")
    return render(request, "home.html", {"area": area.get(pk=request.area.pk)})


def legacy_redirect(request, rest):
    """Addresses from before areas were explicit belong to the installation's first area."""
    area = EmploymentArea.objects.order_by("pk").first()
    if area is None:
        raise Http404
    target = area_reverse(area, "area_home") + rest
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(target)


@require_safe
def healthz(request):
    """Answers 200 when the database is reachable and every migration is applied, else 503."""
    body = {"version": verkko.__version__, "database": "ok", "migrations": "applied"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            body["migrations"] = f"{len(pending)} pending"
    except DatabaseError as error:
        body["database"] = f"error: {error.__class__.__name__}"
        body["migrations"] = "unknown"
    healthy = body["database"] == "ok" and body["migrations"] == "applied"
    body["status"] = "ok" if healthy else "error"
    return JsonResponse(body, status=200 if healthy else 503)
