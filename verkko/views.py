"""Site-wide pages: the home page and the health check."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

import verkko
from verkko.ecosystem.models import EmploymentArea


@require_safe
def home(request):
    area = EmploymentArea.objects.prefetch_related("municipalities").select_related("host_municipality").first()
    return render(request, "home.html", {"area": area})


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
