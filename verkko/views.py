"""Site-wide pages: the list of areas, setting up an area, an area's home page, old addresses and the health check."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

import verkko
from verkko.areas import area_reverse
from verkko.ecosystem import actions as ecosystem_actions
from verkko.ecosystem.forms import AreaForm
from verkko.ecosystem.models import EmploymentArea, ReferenceArea


@require_safe
def home(request):
    """An installation with one area leads straight to it; one with several lists them.

    Superusers always see the list, with the button that sets up another area.
    """
    areas = list(EmploymentArea.objects.order_by("name"))
    if len(areas) == 1 and not request.user.is_superuser:
        return redirect(area_reverse(areas[0], "area_home"))
    entries = [(area, area_reverse(area, "area_home")) for area in areas]
    return render(request, "areas.html", {"areas": entries, "can_create_area": request.user.is_superuser})


@require_http_methods(["GET", "HEAD", "POST"])
def area_create(request):
    """A superuser sets up an employment area; ?start_from=<classification code> fills the form in."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_superuser:
        raise PermissionDenied
    start_from = ReferenceArea.objects.filter(code=request.GET.get("start_from", "")).first()
    initial = AreaForm.initial_from(start_from) if start_from else {}
    form = AreaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            area, invitation = ecosystem_actions.create_area(
                request.user,
                name=data["name"],
                name_sv=data["name_sv"],
                name_en=data["name_en"],
                slug=data["slug"],
                municipality_codes=[municipality.code for municipality in data["municipalities"]],
                host_municipality_code=data["host_municipality"].code,
                backbone_name=data["backbone_name"],
                coordinator_email=data["coordinator_email"],
                reference_area_code=getattr(data["reference_area"], "code", None),
                language=translation.get_language(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The employment area %(area)s was set up and an invitation sent to %(email)s.")
                % {"area": area.name, "email": invitation.email},
            )
            return redirect(area_reverse(area, "area_home"))
    return render(
        request,
        "area_form.html",
        {"form": form, "reference_areas": ReferenceArea.objects.order_by("name_fi"), "start_from": start_from},
        status=400 if form.errors else 200,
    )


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
    """Answers 200 when the database is reachable and every migration is applied, else 503.

    Cheap enough to be the floor pages are measured against: one ``SELECT 1`` on the
    (persistent) connection, and the migration graph read only until it has once been found
    complete in this process (migrations are applied before a new release's processes start).
    """
    body = {"version": verkko.__version__, "database": "ok", "migrations": "applied"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = _pending_migrations()
        if pending:
            body["migrations"] = f"{pending} pending"
    except DatabaseError as error:
        body["database"] = f"error: {error.__class__.__name__}"
        body["migrations"] = "unknown"
    healthy = body["database"] == "ok" and body["migrations"] == "applied"
    body["status"] = "ok" if healthy else "error"
    return JsonResponse(body, status=200 if healthy else 503)


_migrations_applied: set[str] = set()


def _pending_migrations() -> int:
    """How many migrations the database still lacks; 0 is remembered per database alias."""
    if connection.alias in _migrations_applied:
        return 0
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    if not pending:
        _migrations_applied.add(connection.alias)
    return pending
