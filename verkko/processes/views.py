"""Pages of processes, the service catalogue, agreements, commitments and the collaboration model:
thin views that check access, validate a form and call one action."""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.ecosystem import access as ecosystem_access
from verkko.ecosystem import forms as ecosystem_forms
from verkko.ecosystem import responsibilities
from verkko.ecosystem.models import Forum, Municipality, Responsibility
from verkko.goals.access import visible_goals
from verkko.lib.history import history_of
from verkko.processes import access, actions, document, flow, forms, ptv_v11, resources, search
from verkko.processes.models import Commitment, ModelVersion, ProcessStep, Service

ENDING_SOON_DAYS = 90


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _history(user, area, *objects):
    """History of the objects, newest first; only partners of the area see who changed what."""
    if not ecosystem_access.is_partner(user, area):
        return None
    entries = [entry for obj in objects if obj is not None and obj.pk for entry in history_of(obj)]
    return sorted(entries, key=lambda entry: entry.timestamp, reverse=True)[:50]


def _form_page(request, form, *, title, back=None, status=None):
    return render(
        request,
        "processes/form.html",
        {"form": form, "title": title, "back": back},
        status=status or (400 if form.is_bound and form.errors else 200),
    )


# Processes


@require_safe
def process_list(request):
    area = request.area
    processes = (
        access.visible_processes(request.user, area)
        .select_related("owner")
        .prefetch_related("target_groups", "steps")
        .order_by("name")
    )
    return render(
        request,
        "processes/process_list.html",
        {"area": area, "processes": processes, "can_manage": access.can_manage(request.user, area)},
    )


@require_http_methods(["GET", "POST"])
def process_create(request):
    area = request.area
    _require(access.can_manage(request.user, area))
    form = forms.ProcessForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        process = actions.create_process(request.user, area, form.cleaned_data)
        messages.success(request, _("The process was added."))
        return redirect(process)
    return _form_page(request, form, title=_("New process"))


def _render_process(request, process, *, step_form=None, responsibility_form=None, status=200):
    user, area = request.user, request.area
    can_manage = access.can_manage(user, area)
    steps = list(
        process.steps.select_related("responsible")
        .prefetch_related("partners", Prefetch("services", Service.objects.select_related("organization")))
        .order_by("number")
    )
    return render(
        request,
        "processes/process_detail.html",
        {
            "area": area,
            "process": process,
            "steps": steps,
            "lanes": flow.swimlanes(steps),
            "forums": ecosystem_access.visible_forums(user, area).filter(processes=process).order_by("name"),
            "goals": visible_goals(user, area).filter(processes=process).order_by("title"),
            "target_groups": process.target_groups.all(),
            "responsibilities": responsibilities.responsibilities_of(process, area),
            "can_manage": can_manage,
            "step_form": step_form or (forms.StepForm(area=area) if can_manage else None),
            "responsibility_form": responsibility_form
            or (ecosystem_forms.ResponsibilityForm(area=area) if can_manage else None),
            "history": _history(user, area, process, *steps),
        },
        status=status,
    )


@require_safe
def process_detail(request, process):
    return _render_process(request, access.get_process_or_404(request.user, request.area, process))


@require_http_methods(["GET", "POST"])
def process_edit(request, process):
    process = access.get_process_or_404(request.user, request.area, process)
    _require(access.can_manage(request.user, request.area))
    form = forms.ProcessForm(request.POST or None, instance=process, area=request.area)
    if request.method == "POST" and form.is_valid():
        actions.update_process(request.user, process, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(process)
    return _form_page(request, form, title=_("Edit %(name)s") % {"name": process}, back=process)


@require_POST
def step_add(request, process):
    process = access.get_process_or_404(request.user, request.area, process)
    _require(access.can_manage(request.user, request.area))
    form = forms.StepForm(request.POST, area=request.area)
    if not form.is_valid():
        return _render_process(request, process, step_form=form, status=400)
    actions.add_step(request.user, process, form.cleaned_data)
    messages.success(request, _("The step was added."))
    return redirect(process)


def _step_or_404(request, process, number):
    process = access.get_process_or_404(request.user, request.area, process)
    return get_object_or_404(ProcessStep.objects.select_related("process"), process=process, number=number)


@require_http_methods(["GET", "POST"])
def step_edit(request, process, step):
    step = _step_or_404(request, process, step)
    _require(access.can_manage(request.user, request.area))
    form = forms.StepForm(request.POST or None, instance=step, area=request.area)
    if request.method == "POST" and form.is_valid():
        actions.update_step(request.user, step, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(step.process)
    return _form_page(request, form, title=_("Edit step %(step)s") % {"step": step}, back=step.process)


@require_POST
def step_remove(request, process, step):
    step = _step_or_404(request, process, step)
    _require(access.can_manage(request.user, request.area))
    actions.remove_step(request.user, step)
    messages.success(request, _("The step was removed."))
    return redirect(step.process)


@require_POST
def process_responsibility(request, process):
    process = access.get_process_or_404(request.user, request.area, process)
    _require(access.can_manage(request.user, request.area))
    form = ecosystem_forms.ResponsibilityForm(request.POST, area=request.area)
    if not form.is_valid():
        return _render_process(request, process, responsibility_form=form, status=400)
    responsibilities.set_responsibility(
        request.user, form.cleaned_data["organization"], process, form.cleaned_data["level"]
    )
    messages.success(request, _("The responsibility was saved."))
    return redirect(process)


# The service catalogue


@require_safe
def service_list(request):
    area = request.area
    form = forms.ServiceSearchForm(request.GET or None, area=area)
    services = access.area_services(area)
    reading = None
    if form.is_bound and form.is_valid():
        reading = search.read_query(form.cleaned_data["q"], Municipality.objects.filter(area=area))
        services = search.filter_services(services, reading)
        if form.cleaned_data["audience"]:
            services = services.filter(audience=form.cleaned_data["audience"])
        if form.cleaned_data["organization"]:
            services = services.filter(organization=form.cleaned_data["organization"])
    services = services.select_related("organization").prefetch_related("target_groups", "municipalities")
    return render(
        request,
        "processes/service_list.html",
        {
            "area": area,
            "form": form,
            "reading": reading,
            "services": services.order_by("name"),
            "can_add": access.can_add_service(request.user, area),
            "can_import": access.can_manage(request.user, area),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def service_create(request):
    area = request.area
    _require(access.can_add_service(request.user, area))
    form = forms.ServiceForm(
        request.POST or None, area=area, organization_ids=access.service_organization_ids(request.user, area)
    )
    if request.method == "POST" and form.is_valid():
        service = actions.create_service(request.user, area, form.cleaned_data)
        messages.success(request, _("The service was added."))
        return redirect(service)
    return _form_page(request, form, title=_("New service"))


@require_safe
def service_detail(request, service):
    user, area = request.user, request.area
    service = access.get_service_or_404(area, service)
    person = service.contact_person
    steps = (
        ProcessStep.objects.filter(services=service, process__in=access.visible_processes(user, area))
        .select_related("process")
        .order_by("process__name", "number")
    )
    return render(
        request,
        "processes/service_detail.html",
        {
            "area": area,
            "service": service,
            "card": ecosystem_access.person_card(user, person) if person else None,
            "steps": steps,
            "can_edit": access.can_edit_service(user, service),
            "history": _history(user, area, service),
        },
    )


@require_http_methods(["GET", "POST"])
def service_edit(request, service):
    area = request.area
    service = access.get_service_or_404(area, service)
    _require(access.can_edit_service(request.user, service))
    form = forms.ServiceForm(
        request.POST or None,
        instance=service,
        area=area,
        organization_ids=access.service_organization_ids(request.user, area),
    )
    if request.method == "POST" and form.is_valid():
        actions.update_service(request.user, service, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(service)
    return _form_page(request, form, title=_("Edit %(name)s") % {"name": service}, back=service)


@require_http_methods(["GET", "POST"])
def service_import(request):
    """Import an organisation's services from the national service catalogue: all or nothing."""
    area = request.area
    _require(access.can_manage(request.user, area))
    form = forms.PtvImportForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        organization, ptv_id = form.cleaned_data["organization"], form.cleaned_data["ptv_id"]
        try:
            imported = ptv_v11.read_services(ptv_id, list(area.municipalities.values_list("code", flat=True)))
        except ptv_v11.PtvError as error:
            form.add_error(None, str(error))
        else:
            created, updated = actions.apply_ptv_import(request.user, organization, ptv_id, imported)
            messages.success(
                request,
                _("%(created)s services were added and %(updated)s updated from the national service catalogue.")
                % {"created": created, "updated": updated},
            )
            return redirect("processes:services")
    return render(
        request,
        "processes/service_import.html",
        {"form": form, "area": area},
        status=400 if form.is_bound and form.errors else 200,
    )


# Agreements


@require_safe
def agreement_list(request):
    area = request.area
    today = timezone.localdate()
    agreements = list(access.visible_agreements(request.user, area).select_related("forum").prefetch_related("parties"))
    return render(
        request,
        "processes/agreement_list.html",
        {
            "area": area,
            "agreements": agreements,
            "ending_soon": [agreement for agreement in agreements if agreement.ends_within(ENDING_SOON_DAYS, today)],
            "ending_soon_days": ENDING_SOON_DAYS,
            "today": today,
            "can_manage": access.can_manage(request.user, area),
        },
    )


@require_http_methods(["GET", "POST"])
def agreement_create(request):
    area = request.area
    _require(access.can_manage(request.user, area))
    form = forms.AgreementForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        agreement = actions.create_agreement(request.user, area, form.cleaned_data)
        messages.success(request, _("The agreement was added."))
        return redirect(agreement)
    return _form_page(request, form, title=_("New agreement"))


def _render_agreement(request, agreement, *, document_form=None, commitment_form=None, status=200):
    user, area = request.user, request.area
    can_manage = access.can_manage(user, area)
    parties = agreement.parties.order_by("name")
    commitments = agreement.commitments.select_related("organization").order_by("organization__name", "starts_on")
    return render(
        request,
        "processes/agreement_detail.html",
        {
            "area": area,
            "agreement": agreement,
            "forum_visible": agreement.forum_id and ecosystem_access.can_see_forum(user, agreement.forum),
            "parties": parties,
            "documents": agreement.documents.order_by("title"),
            "commitments": commitments,
            "sums": resources.sums_of(commitments),
            "can_manage": can_manage,
            "document_form": document_form or (forms.DocumentForm() if can_manage else None),
            "commitment_form": commitment_form
            or (forms.CommitmentForm(area=area, parties=parties) if can_manage else None),
            "history": _history(user, area, agreement, *commitments),
        },
        status=status,
    )


@require_safe
def agreement_detail(request, agreement):
    return _render_agreement(request, access.get_agreement_or_404(request.user, request.area, agreement))


@require_http_methods(["GET", "POST"])
def agreement_edit(request, agreement):
    agreement = access.get_agreement_or_404(request.user, request.area, agreement)
    _require(access.can_manage(request.user, request.area))
    form = forms.AgreementForm(request.POST or None, instance=agreement, area=request.area)
    if request.method == "POST" and form.is_valid():
        actions.update_agreement(request.user, agreement, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(agreement)
    return _form_page(request, form, title=_("Edit %(name)s") % {"name": agreement}, back=agreement)


@require_POST
def document_add(request, agreement):
    agreement = access.get_agreement_or_404(request.user, request.area, agreement)
    _require(access.can_manage(request.user, request.area))
    form = forms.DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_agreement(request, agreement, document_form=form, status=400)
    actions.add_document(request.user, agreement, form.cleaned_data)
    messages.success(request, _("The document was added."))
    return redirect(agreement)


@require_safe
def document_download(request, document):
    """Documents are served through this view so that partner-only agreements' files stay private."""
    found = access.get_document_or_404(request.user, request.area, document)
    extension = PurePath(found.file.name).suffix.lower()
    content_type = ecosystem_forms.ATTACHMENT_TYPES.get(extension, ("application/octet-stream",))[0]
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=f"{found.title}{extension}", content_type=content_type)


@require_POST
def agreement_commitment_add(request, agreement):
    agreement = access.get_agreement_or_404(request.user, request.area, agreement)
    _require(access.can_manage(request.user, request.area))
    form = forms.CommitmentForm(request.POST, area=request.area, parties=agreement.parties.all())
    if not form.is_valid():
        return _render_agreement(request, agreement, commitment_form=form, status=400)
    actions.add_commitment(request.user, form.cleaned_data, agreement=agreement)
    messages.success(request, _("The commitment was recorded."))
    return redirect(agreement)


# Commitments and resources


def _render_commitments(request, *, form=None, status=200):
    user, area = request.user, request.area
    can_manage = access.can_manage(user, area)
    commitments = resources.commitments_for(user, area).select_related("agreement", "action")
    return render(
        request,
        "processes/commitments.html",
        {
            "area": area,
            "summary": resources.summarize(user, area, commitments),
            "commitments": commitments,
            "without_resources": resources.actions_without_resources(user, area),
            "can_manage": can_manage,
            "form": form or (forms.ActionCommitmentForm(area=area) if can_manage else None),
        },
        status=status,
    )


@require_safe
def commitment_summary(request):
    return _render_commitments(request)


@require_POST
def action_commitment_add(request):
    area = request.area
    _require(access.can_manage(request.user, area))
    form = forms.ActionCommitmentForm(request.POST, area=area)
    if not form.is_valid():
        return _render_commitments(request, form=form, status=400)
    data = dict(form.cleaned_data)
    action = data.pop("action")
    actions.add_commitment(request.user, data, action=action)
    messages.success(request, _("The commitment was recorded."))
    return redirect("processes:commitments")


@require_POST
def commitment_remove(request, commitment):
    area = request.area
    commitment = access.get_commitment_or_404(request.user, area, commitment)
    _require(access.can_manage(request.user, area))
    agreement = commitment.agreement
    actions.remove_commitment(request.user, commitment)
    messages.success(request, _("The commitment was removed."))
    return redirect(agreement or "processes:commitments")


# The collaboration model


def _model_context(request, content, **extra):
    return {
        "area": request.area,
        "content": content,
        "levels": document.levels(content),
        "labels": document_labels(),
        **extra,
    }


def document_labels():
    """The words for the codes the document keeps (levels, seats, kinds, organisation types)."""
    from verkko.ecosystem.models import ForumMember, Organization

    return {
        "level": dict(Forum.Level.choices),
        "seat": dict(ForumMember.Role.choices),
        "kind": dict(Commitment.Kind.choices),
        "type": dict(Organization.Type.choices),
        "raci": dict(Responsibility.Level.choices),
        "section": document_section_titles(),
    }


def document_section_titles():
    return {
        "forums": _("Levels and forums"),
        "actors": _("Actors, roles and responsibilities"),
        "goals": _("Shared goals and indicators"),
        "processes": _("Processes"),
        "agreements": _("Agreements"),
        "commitments": _("Commitments and resources"),
    }


@require_safe
def model_document(request):
    user, area = request.user, request.area
    content = document.build(user, area)
    can_see_versions = access.can_see_versions(user, area)
    versions = ModelVersion.objects.filter(area=area).select_related("adopted_by") if can_see_versions else None
    return render(
        request,
        "processes/model.html",
        _model_context(
            request,
            content,
            versions=versions,
            can_manage=access.can_manage(user, area),
            version_form=forms.VersionForm(initial={"adopted_on": timezone.localdate()})
            if access.can_manage(user, area)
            else None,
        ),
    )


@require_safe
def model_pdf(request):
    from weasyprint import HTML

    content = document.build(request.user, request.area)
    html = render_to_string("processes/model_pdf.html", _model_context(request, content, pdf=True), request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(pdf_tags=True)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = _("collaboration-model") + f"-{request.area.slug}-{timezone.localdate():%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def version_adopt(request):
    user, area = request.user, request.area
    _require(access.can_manage(user, area))
    form = forms.VersionForm(request.POST)
    if not form.is_valid():
        content = document.build(user, area)
        return render(
            request,
            "processes/model.html",
            _model_context(
                request,
                content,
                versions=ModelVersion.objects.filter(area=area),
                can_manage=True,
                version_form=form,
            ),
            status=400,
        )
    version = actions.adopt_version(user, area, form.cleaned_data, document.build(user, area))
    messages.success(request, _("The version was adopted and kept."))
    return redirect(version)


@require_safe
def version_detail(request, version):
    version = access.get_version_or_404(request.user, request.area, version)
    others = ModelVersion.objects.filter(area=request.area).exclude(pk=version.pk)
    return render(
        request,
        "processes/version_detail.html",
        _model_context(request, version.content, version=version, others=others),
    )


@require_safe
def version_compare(request):
    user, area = request.user, request.area
    if not access.can_see_versions(user, area):
        raise Http404
    form = forms.CompareForm(request.GET)
    if not form.is_valid():
        return render(request, "processes/version_compare.html", {"form": form, "area": area}, status=400)
    older = get_object_or_404(ModelVersion, area=area, uuid=form.cleaned_data["older"])
    newer = get_object_or_404(ModelVersion, area=area, uuid=form.cleaned_data["newer"])
    return render(
        request,
        "processes/version_compare.html",
        {
            "form": form,
            "area": area,
            "older": older,
            "newer": newer,
            "changes": document.compare(older.content, newer.content),
            "labels": document_labels(),
        },
    )
