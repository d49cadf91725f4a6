"""Pages of the ecosystem registry: thin views that check access, validate a form and call one action."""

import secrets
from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.db.models.functions import Concat
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.accounts.access import edited_organization_ids
from verkko.ecosystem import access, actions, forms, importing, network, responsibilities
from verkko.ecosystem.models import (
    Decision,
    Forum,
    ForumMember,
    Meeting,
    MeetingAttachment,
    Person,
)
from verkko.lib.access import PartnerOnly
from verkko.lib.exports import FORMATS, tabular_response
from verkko.lib.history import history_of

IMPORT_SESSION_KEY = "ecosystem-import"


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _history(user, area, *objects):
    """History entries of the objects, newest first. Everyone sees that and when something changed;
    only partners of the area see who changed what (the page shows the others a summary)."""
    entries = [entry for obj in objects if obj is not None and obj.pk for entry in history_of(obj)]
    return sorted(entries, key=lambda entry: entry.timestamp, reverse=True)[:50]


def _cards(user, people):
    """(person, card) for the people the user may see; card holds only what the user may read."""
    return [(person, card) for person in people if (card := access.person_card(user, person))]


# Overview, who does what, matrix, map, search


@require_safe
def overview(request):
    area = request.area
    forums = (
        access.visible_forums(request.user, area)
        .filter(archived_at__isnull=True)
        .select_related("chair", "secretary", "parent")
        .prefetch_related(
            Prefetch("members", ForumMember.objects.select_related("organization").order_by("organization__name"))
        )
    )
    levels = [(label, [forum for forum in forums if forum.level == level]) for level, label in Forum.Level.choices]
    return render(
        request,
        "ecosystem/overview.html",
        {
            "area": area,
            "levels": levels,
            "organization_count": access.visible_organizations(area).count(),
            "can_manage": access.can_manage_area(request.user, area),
        },
    )


def _organizations_matching(organizations, words):
    """Organisations whose names, description, business ID or role (services included) hold the words."""
    fields = ["name", "name_sv", "description", "business_id", "role__summary", "role__responsibilities"]
    fields += ["role__services_for_job_seekers", "role__services_for_employers"]
    matches = Q()
    for name in fields:
        matches |= Q(**{f"{name}__icontains": words})
    return organizations.filter(matches)


def _filtered_organizations(area, form):
    organizations = (
        access.visible_organizations(area)
        .select_related("municipality", "role")
        .prefetch_related("target_groups")
        .order_by("name")
    )
    if not form.is_valid():
        return organizations.none()
    data = form.cleaned_data
    if data["q"]:
        organizations = _organizations_matching(organizations, data["q"])
    if data["type"]:
        organizations = organizations.filter(type=data["type"])
    if data["municipality"]:
        organizations = organizations.filter(municipality__code=data["municipality"])
    if data["target_group"]:
        organizations = organizations.filter(target_groups__code=data["target_group"])
    return organizations.distinct()


@require_safe
def who_does_what(request):
    area = request.area
    form = forms.WhoDoesWhatFilterForm(request.GET, area=area)  # every filter is optional: no filter is valid
    context = {"area": area, "form": form, "organizations": _filtered_organizations(area, form)}
    template = "ecosystem/_who_does_what_results.html" if request.htmx else "ecosystem/who_does_what.html"
    return render(request, template, context)


@require_safe
def responsibility_matrix(request):
    area = request.area
    return render(
        request,
        "ecosystem/responsibility_matrix.html",
        {"area": area, "groups": responsibilities.matrix_for(area, request.user)},
    )


@require_safe
def ecosystem_map(request):
    area = request.area
    form = forms.MapFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {"level": "", "type": ""}
    forum_ties = network.ties(request.user, area, filters["level"], filters["type"])
    has_ties = any(entry.members for entry in forum_ties)
    return render(
        request,
        "ecosystem/map.html",
        {
            "area": area,
            "form": form,
            "forum_ties": forum_ties,
            "chart": network.network_chart(forum_ties) if has_ties else None,
        },
    )


@require_safe
def search(request):
    area = request.area
    form = forms.SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        words = form.cleaned_data["q"]
        people = (
            access.visible_people(request.user, area)
            .select_related("organization")
            .annotate(whole_name=Concat("first_name", Value(" "), "last_name"))
        )
        matches = Q(whole_name__icontains=words)
        if access.is_partner(request.user, area):
            matches |= Q(title__icontains=words) | Q(email__icontains=words)
        people = people.filter(matches).order_by("last_name", "first_name")
        results = {
            "organizations": _organizations_matching(access.visible_organizations(area), words),
            "people": _cards(request.user, people),
            "forums": access.visible_forums(request.user, area)
            .filter(archived_at__isnull=True)
            .filter(Q(name__icontains=words) | Q(purpose__icontains=words)),
        }
    return render(request, "ecosystem/search.html", {"area": area, "form": form, "results": results})


# Organisations, roles and people


@require_safe
def organization_detail(request, slug):
    organization = access.get_organization_or_404(request.area, slug=slug)
    user = request.user
    can_edit = access.can_edit_organization(user, organization)
    people = organization.people.filter(erased_at__isnull=True)
    if not can_edit:
        people = people.filter(left_at__isnull=True)
    seats = (
        ForumMember.objects.filter(organization=organization, forum__in=access.visible_forums(user, organization.area))
        .select_related("forum", "person")
        .order_by("forum__name")
    )
    return render(
        request,
        "ecosystem/organization_detail.html",
        {
            "organization": organization,
            "area": organization.area,
            "role": getattr(organization, "role", None),
            "people": _cards(user, people),
            "seats": seats,
            "cells": responsibilities.cells_of_organization(organization, user),
            "can_edit": can_edit,
            "can_manage": access.can_manage_area(user, organization.area),
            "history": _history(user, organization.area, organization, getattr(organization, "role", None)),
            "history_summary_only": not access.is_partner(user, organization.area),
        },
    )


@require_http_methods(["GET", "POST"])
def organization_create(request):
    area = request.area
    _require(access.can_manage_area(request.user, area))
    form = forms.OrganizationForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        organization = actions.create_organization(request.user, area, form.cleaned_data)
        messages.success(request, _("The organisation was added."))
        return redirect(organization)
    return render(request, "ecosystem/form.html", {"form": form, "title": _("New organisation")})


@require_http_methods(["GET", "POST"])
def organization_edit(request, slug):
    organization = access.get_organization_or_404(request.area, slug=slug)
    _require(access.can_edit_organization(request.user, organization))
    form = forms.OrganizationForm(request.POST or None, instance=organization, area=organization.area)
    if request.method == "POST" and form.is_valid():
        actions.update_organization(request.user, organization, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(organization)
    return render(
        request,
        "ecosystem/form.html",
        {"form": form, "title": _("Edit %(name)s") % {"name": organization}, "back": organization},
    )


@require_http_methods(["GET", "POST"])
def organization_remove(request, slug):
    organization = access.get_organization_or_404(request.area, slug=slug)
    _require(access.can_manage_area(request.user, organization.area))
    if request.method == "POST":
        outcome = actions.remove_organization(request.user, organization)
        if outcome == "archived":
            messages.success(request, _("The organisation was archived, because other records refer to it."))
            return redirect(organization)
        messages.success(request, _("The organisation was deleted."))
        return redirect("ecosystem:overview")
    return render(
        request,
        "ecosystem/organization_remove.html",
        {"organization": organization, "will_archive": actions.is_referenced(organization)},
    )


@require_POST
def organization_restore(request, slug):
    organization = access.get_organization_or_404(request.area, slug=slug)
    _require(access.can_manage_area(request.user, organization.area))
    actions.restore_organization(request.user, organization)
    messages.success(request, _("The organisation was restored."))
    return redirect(organization)


@require_http_methods(["GET", "POST"])
def role_edit(request, slug):
    organization = access.get_organization_or_404(request.area, slug=slug)
    _require(access.can_edit_organization(request.user, organization))
    form = forms.RoleForm(request.POST or None, instance=getattr(organization, "role", None))
    if request.method == "POST" and form.is_valid():
        actions.save_role(request.user, organization, form.cleaned_data)
        messages.success(request, _("The role was saved."))
        return redirect(organization)
    return render(
        request,
        "ecosystem/form.html",
        {
            "form": form,
            "title": _("Role and responsibilities: %(name)s") % {"name": organization},
            "back": organization,
        },
    )


@require_http_methods(["GET", "POST"])
def person_create(request, slug):
    organization = access.get_organization_or_404(request.area, slug=slug)
    _require(access.can_edit_organization(request.user, organization))
    form = forms.PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.create_person(request.user, organization, form.cleaned_data)
        messages.success(request, _("The contact person was added."))
        return redirect(organization)
    return render(
        request,
        "ecosystem/form.html",
        {"form": form, "title": _("New contact person: %(name)s") % {"name": organization}, "back": organization},
    )


def _person_or_404(request, uuid):
    """A contact person of the request's area whom the user may see."""
    people = Person.objects.select_related("organization__area").filter(organization__area=request.area)
    person = get_object_or_404(people, uuid=uuid)
    if person.is_erased:
        raise Http404
    if access.person_card(request.user, person) is None:
        raise PartnerOnly
    return person


@require_http_methods(["GET", "POST"])
def person_edit(request, uuid):
    person = _person_or_404(request, uuid)
    _require(access.can_edit_person(request.user, person))
    form = forms.PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        actions.update_person(request.user, person, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(person.organization)
    return render(
        request,
        "ecosystem/form.html",
        {
            "form": form,
            "title": _("Edit %(name)s") % {"name": person.full_name},
            "back": person.organization,
            "further": (reverse("ecosystem:person_erase", args=[person.uuid]), _("Erase this person's data")),
        },
    )


@require_http_methods(["GET", "POST"])
def person_erase(request, uuid):
    """Anonymise a contact person now (for example on request), keeping the rows that refer to them."""
    person = _person_or_404(request, uuid)
    _require(access.can_edit_person(request.user, person))
    if request.method == "POST":
        actions.erase_person(request.user, person)
        messages.success(request, _("The person's data was erased."))
        return redirect(person.organization)
    return render(request, "ecosystem/person_erase.html", {"person": person})


# Forums


def _forum_or_404(request, slug):
    return access.get_visible_forum_or_404(request.user, request.area, slug=slug)


# The chair first, then the vice chair and the secretary, as a forum's member list is read out.
_SEAT_ORDER = Case(
    *[When(role=role, then=Value(position)) for position, role in enumerate(ForumMember.Role.values)],
    output_field=IntegerField(),
)


def _render_forum(request, forum, *, member_form=None, responsibility_form=None, status=200):
    user = request.user
    can_edit = access.can_edit_forum(user, forum)
    members = forum.members.select_related("organization", "person__organization").order_by(
        _SEAT_ORDER, "organization__name"
    )
    now = timezone.now()
    meetings = forum.meetings.all()
    return render(
        request,
        "ecosystem/forum_detail.html",
        {
            "forum": forum,
            "area": forum.area,
            "members": [
                (member, access.person_card(user, member.person) if member.person else None) for member in members
            ],
            "children": access.visible_forums(user, forum.area).filter(parent=forum, archived_at__isnull=True),
            "upcoming": meetings.filter(starts_at__gte=now).order_by("starts_at"),
            "past": meetings.filter(starts_at__lt=now).order_by("-starts_at"),
            "responsibilities": responsibilities.responsibilities_of(forum, forum.area),
            "can_edit": can_edit,
            "can_edit_meetings": access.can_edit_meetings(user, forum),
            "member_form": member_form or (forms.ForumMemberForm(forum=forum) if can_edit else None),
            "responsibility_form": responsibility_form
            or (forms.ResponsibilityForm(area=forum.area) if can_edit else None),
            "history": _history(user, forum.area, forum),
            "history_summary_only": not access.is_partner(user, forum.area),
        },
        status=status,
    )


@require_safe
def forum_detail(request, slug):
    return _render_forum(request, _forum_or_404(request, slug))


@require_http_methods(["GET", "POST"])
def forum_create(request):
    area = request.area
    _require(access.can_manage_area(request.user, area))
    form = forms.ForumForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        forum = actions.create_forum(request.user, area, form.cleaned_data)
        messages.success(request, _("The forum was added."))
        return redirect(forum)
    return render(request, "ecosystem/form.html", {"form": form, "title": _("New forum")})


@require_http_methods(["GET", "POST"])
def forum_edit(request, slug):
    forum = _forum_or_404(request, slug)
    _require(access.can_edit_forum(request.user, forum))
    form = forms.ForumForm(request.POST or None, instance=forum, area=forum.area)
    if request.method == "POST" and form.is_valid():
        actions.update_forum(request.user, forum, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(forum)
    return render(
        request, "ecosystem/form.html", {"form": form, "title": _("Edit %(name)s") % {"name": forum}, "back": forum}
    )


@require_POST
def forum_archive(request, slug):
    forum = _forum_or_404(request, slug)
    _require(access.can_edit_forum(request.user, forum))
    archive = request.POST.get("archived") == "1"
    actions.set_forum_archived(request.user, forum, archive)
    messages.success(request, _("The forum was archived.") if archive else _("The forum was restored."))
    return redirect(forum)


@require_POST
def forum_member_add(request, slug):
    forum = _forum_or_404(request, slug)
    _require(access.can_edit_forum(request.user, forum))
    form = forms.ForumMemberForm(request.POST, forum=forum)
    if not form.is_valid():
        return _render_forum(request, forum, member_form=form, status=400)
    actions.add_forum_member(request.user, forum, form.cleaned_data)
    messages.success(request, _("The member was saved."))
    return redirect(forum)


@require_POST
def forum_member_remove(request, slug):
    forum = _forum_or_404(request, slug)
    _require(access.can_edit_forum(request.user, forum))
    form = forms.ForumMemberRemoveForm(request.POST, forum=forum)
    if not form.is_valid():
        messages.error(request, _("Choose a member to remove."))
        return redirect(forum)
    actions.remove_forum_member(request.user, form.cleaned_data["member"])
    messages.success(request, _("The member was removed."))
    return redirect(forum)


@require_POST
def forum_responsibility(request, slug):
    forum = _forum_or_404(request, slug)
    _require(access.can_edit_forum(request.user, forum))
    form = forms.ResponsibilityForm(request.POST, area=forum.area)
    if not form.is_valid():
        return _render_forum(request, forum, responsibility_form=form, status=400)
    responsibilities.set_responsibility(
        request.user, form.cleaned_data["organization"], forum, form.cleaned_data["level"]
    )
    messages.success(request, _("The responsibility was saved."))
    return redirect(forum)


# Meetings, attachments and decisions


def _through_forum_or_404(request, model, uuid, path_to_meeting):
    """A meeting, attachment or decision by uuid, of a forum of the request's area that the user may see."""
    related = f"{path_to_meeting}__forum__area" if path_to_meeting else "forum__area"
    obj = get_object_or_404(model.objects.select_related(related).filter(**{related: request.area}), uuid=uuid)
    meeting = getattr(obj, path_to_meeting) if path_to_meeting else obj
    if not access.can_see_forum(request.user, meeting.forum):
        raise PartnerOnly
    return obj


def _meeting_or_404(request, uuid):
    return _through_forum_or_404(request, Meeting, uuid, None)


def _optional_url(name, *args):
    """The URL if another app provides it (for example goals:action_from_decision), else None."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _render_meeting(request, meeting, *, attachment_form=None, decision_form=None, status=200):
    user = request.user
    can_edit = access.can_edit_meetings(user, meeting.forum)
    edited = edited_organization_ids(user, meeting.forum.area_id)
    decisions = []
    # What other apps made of a decision (an action of goals) is read with it, whatever the app.
    follow_ups = [relation.name for relation in Decision._meta.related_objects if relation.one_to_one]
    for decision in meeting.decisions.select_related(
        "responsible_organization", "responsible_person__organization", *follow_ups
    ):
        may_follow_up = can_edit or decision.responsible_organization_id in edited
        decisions.append(
            {
                "decision": decision,
                "person": access.person_card(user, decision.responsible_person)
                if decision.responsible_person
                else None,
                "action_url": _optional_url("goals:action_from_decision", decision.uuid) if may_follow_up else None,
                # An app that turns decisions into actions (goals) links its action back as `decision.action`.
                "follow_up": getattr(decision, "action", None) if may_follow_up else None,
            }
        )
    return render(
        request,
        "ecosystem/meeting_detail.html",
        {
            "meeting": meeting,
            "forum": meeting.forum,
            "area": meeting.forum.area,
            "decisions": decisions,
            "attachments": meeting.attachments.order_by("title"),
            "attendees": meeting.attendees.order_by("name"),
            "can_edit": can_edit,
            "attachment_form": attachment_form or (forms.AttachmentForm() if can_edit else None),
            "decision_form": decision_form or (forms.DecisionForm(forum=meeting.forum) if can_edit else None),
        },
        status=status,
    )


@require_safe
def meeting_detail(request, uuid):
    return _render_meeting(request, _meeting_or_404(request, uuid))


@require_http_methods(["GET", "POST"])
def meeting_create(request, slug):
    forum = _forum_or_404(request, slug)
    _require(access.can_edit_meetings(request.user, forum))
    form = forms.MeetingForm(request.POST or None, forum=forum)
    if request.method == "POST" and form.is_valid():
        meeting = actions.create_meeting(request.user, forum, form.cleaned_data)
        messages.success(request, _("The meeting was added."))
        return redirect(meeting)
    return render(
        request,
        "ecosystem/form.html",
        {"form": form, "title": _("New meeting: %(name)s") % {"name": forum}, "back": forum},
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request, uuid):
    meeting = _meeting_or_404(request, uuid)
    _require(access.can_edit_meetings(request.user, meeting.forum))
    form = forms.MeetingForm(request.POST or None, instance=meeting, forum=meeting.forum)
    if request.method == "POST" and form.is_valid():
        actions.update_meeting(request.user, meeting, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(meeting)
    return render(
        request, "ecosystem/form.html", {"form": form, "title": _("Edit %(name)s") % {"name": meeting}, "back": meeting}
    )


@require_POST
def attachment_add(request, uuid):
    meeting = _meeting_or_404(request, uuid)
    _require(access.can_edit_meetings(request.user, meeting.forum))
    form = forms.AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_meeting(request, meeting, attachment_form=form, status=400)
    actions.add_attachment(request.user, meeting, form.cleaned_data)
    messages.success(request, _("The attachment was added."))
    return redirect(meeting)


def _attachment_or_404(request, uuid):
    return _through_forum_or_404(request, MeetingAttachment, uuid, "meeting")


@require_safe
def attachment_download(request, uuid):
    """Attachments are served through this view so that partner-only forums' files stay private."""
    attachment = _attachment_or_404(request, uuid)
    extension = PurePath(attachment.file.name).suffix.lower()
    content_type = forms.ATTACHMENT_TYPES.get(extension, ("application/octet-stream",))[0]
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{attachment.title}{extension}",
        content_type=content_type,
    )


@require_POST
def attachment_remove(request, uuid):
    attachment = _attachment_or_404(request, uuid)
    _require(access.can_edit_meetings(request.user, attachment.meeting.forum))
    meeting = attachment.meeting
    actions.remove_attachment(request.user, attachment)
    messages.success(request, _("The attachment was removed."))
    return redirect(meeting)


@require_POST
def decision_add(request, uuid):
    meeting = _meeting_or_404(request, uuid)
    _require(access.can_edit_meetings(request.user, meeting.forum))
    form = forms.DecisionForm(request.POST, forum=meeting.forum)
    if not form.is_valid():
        return _render_meeting(request, meeting, decision_form=form, status=400)
    actions.create_decision(request.user, meeting, form.cleaned_data)
    messages.success(request, _("The decision was recorded."))
    return redirect(meeting)


def _decision_or_404(request, uuid):
    return _through_forum_or_404(request, Decision, uuid, "meeting")


@require_safe
def decision_detail(request, uuid):
    """A decision's stable address (other apps link here by uuid): its place on the meeting page."""
    return redirect(_decision_or_404(request, uuid).get_absolute_url())


@require_http_methods(["GET", "POST"])
def decision_edit(request, uuid):
    decision = _decision_or_404(request, uuid)
    forum = decision.meeting.forum
    _require(access.can_edit_meetings(request.user, forum))
    form = forms.DecisionForm(request.POST or None, instance=decision, forum=forum)
    if request.method == "POST" and form.is_valid():
        actions.update_decision(request.user, decision, form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect(decision.meeting)
    return render(request, "ecosystem/form.html", {"form": form, "title": _("Edit decision"), "back": decision.meeting})


@require_POST
def decision_remove(request, uuid):
    decision = _decision_or_404(request, uuid)
    _require(access.can_edit_meetings(request.user, decision.meeting.forum))
    meeting = decision.meeting
    actions.delete_decision(request.user, decision)
    messages.success(request, _("The decision was removed."))
    return redirect(meeting)


# Import and export


@require_http_methods(["GET", "POST"])
def import_upload(request):
    area = request.area
    _require(access.can_manage_area(request.user, area))
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    context = {"area": area, "form": form, "columns": importing.COLUMNS, "formats": FORMATS}
    if request.method == "POST" and form.is_valid():
        kind, rows = form.cleaned_data["kind"], form.cleaned_data["rows"]
        plan = importing.plan(area, kind, rows)
        token = secrets.token_urlsafe(16)
        if plan.is_valid:
            # The preview keeps the raw rows on the server; the confirmation validates them again.
            request.session[IMPORT_SESSION_KEY] = {"token": token, "area": area.pk, "kind": kind, "rows": rows}
        context.update(plan=plan, token=token)
        return render(request, "ecosystem/import_preview.html", context, status=200 if plan.is_valid else 400)
    return render(request, "ecosystem/import.html", context, status=400 if form.errors else 200)


@require_POST
def import_confirm(request):
    area = request.area
    _require(access.can_manage_area(request.user, area))
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending or pending["token"] != request.POST.get("token") or pending["area"] != area.pk:
        messages.error(request, _("The import preview has expired. Upload the file again."))
        return redirect("ecosystem:import")
    plan = importing.plan(area, pending["kind"], pending["rows"])
    if not plan.is_valid:
        context = {"area": area, "plan": plan, "columns": importing.COLUMNS, "formats": FORMATS}
        return render(request, "ecosystem/import_preview.html", context, status=400)
    counts = actions.apply_import(request.user, area, plan)
    del request.session[IMPORT_SESSION_KEY]
    messages.success(
        request,
        _("Imported: %(new)s new, %(changed)s changed, %(unchanged)s unchanged.") % counts,
    )
    return redirect("ecosystem:overview")


def _check_download(request, kind, file_format):
    if kind not in importing.KINDS or file_format not in FORMATS:
        raise Http404
    area = request.area
    _require(access.can_manage_area(request.user, area))
    return area


@require_safe
def import_template(request, kind, file_format):
    _check_download(request, kind, file_format)
    return tabular_response(f"verkko-{kind}-template", importing.column_names(kind), [], file_format)


@require_safe
def export(request, kind, file_format):
    area = _check_download(request, kind, file_format)
    rows = list(importing.export_rows(area, kind))
    filename = f"verkko-{area.slug}-{kind}-{timezone.localdate():%Y-%m-%d}"
    return tabular_response(filename, importing.column_names(kind), rows, file_format)
