"""Pages of the partner survey: thin views that check access, validate a form and call one action.

Only partners of the area see the survey (anyone else signed in gets a 404, the public the
sign-in page); the personal link's two pages are the exception: its token is the access.
"""

import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.ecosystem.access import visible_forums
from verkko.ecosystem.models import Organization
from verkko.goals.access import visible_goals
from verkko.lib.exports import FORMATS, tabular_response
from verkko.survey import access, actions, exports, forms, health, results
from verkko.survey.models import Response


def partners_only(view):
    """The survey is the partners': the public is asked to sign in (a round that does not exist in
    the area stays a 404), anyone else finds nothing."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not access.can_see_survey(request.user, request.area):
            if request.user.is_authenticated or not access.round_exists(request.area, kwargs.get("round_uuid")):
                raise Http404
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def _require(allowed):
    if not allowed:
        raise PermissionDenied


# Rounds


@require_safe
@partners_only
def index(request):
    area = request.area
    rounds = access.visible_rounds(request.user, area).prefetch_related("participants", "responses")
    rows = []
    for survey_round in rounds:
        submitted = sum(1 for response in survey_round.responses.all() if response.is_submitted)
        rows.append({"round": survey_round, "asked": len(survey_round.participants.all()), "answered": submitted})
    return render(
        request,
        "survey/index.html",
        {"area": area, "rows": rows, "can_manage": access.can_manage_rounds(request.user, area)},
    )


def _round_form_view(request, survey_round=None):
    area = request.area
    answered = set(survey_round.responses.values_list("organization_id", flat=True)) if survey_round else set()
    initial = {}
    if survey_round is not None:
        initial = {
            "title": survey_round.title,
            "opens_on": survey_round.opens_on,
            "closes_on": survey_round.closes_on,
            "organizations": list(survey_round.organizations.values_list("pk", flat=True)),
        }
    form = forms.RoundForm(request.POST or None, initial=initial, area=area, answered_ids=answered)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = [data["title"], data["opens_on"], data["closes_on"], [o.pk for o in data["organizations"]]]
        if survey_round is None:
            survey_round = actions.create_round(request.user, area, *values)
            messages.success(request, _("The round was opened. Send the invitations when you are ready."))
        else:
            actions.update_round(request.user, survey_round, *values)
            messages.success(request, _("The round was saved."))
        return redirect(survey_round.get_absolute_url())
    title = _("Open a survey round") if survey_round is None else _("Edit the survey round")
    return render(
        request, "survey/round_form.html", {"area": area, "form": form, "title": title, "round": survey_round}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@partners_only
def round_create(request):
    _require(access.can_manage_rounds(request.user, request.area))
    return _round_form_view(request)


@require_http_methods(["GET", "HEAD", "POST"])
@partners_only
def round_edit(request, round_uuid):
    survey_round = access.get_round_or_404(request.user, request.area, round_uuid)
    _require(access.can_manage_rounds(request.user, request.area))
    return _round_form_view(request, survey_round)


@require_safe
@partners_only
def round_detail(request, round_uuid):
    area = request.area
    survey_round = access.get_round_or_404(request.user, area, round_uuid)
    can_manage = access.can_manage_rounds(request.user, area)
    participants = []
    if can_manage:
        responses = {response.organization_id: response for response in survey_round.responses.all()}
        for participant in survey_round.participants.select_related("organization"):
            signed_in, personal = actions.answer_links(survey_round, participant.organization, request.LANGUAGE_CODE)
            participants.append(
                {
                    "participant": participant,
                    "response": responses.get(participant.organization_id),
                    "personal_url": personal,
                }
            )
    return render(
        request,
        "survey/round_detail.html",
        {
            "area": area,
            "round": survey_round,
            "can_manage": can_manage,
            "participants": participants,
            "answerable": access.answerable_organizations(request.user, survey_round),
        },
    )


@require_POST
@partners_only
def send_invitations(request, round_uuid):
    survey_round = access.get_round_or_404(request.user, request.area, round_uuid)
    _require(access.can_manage_rounds(request.user, request.area))
    try:
        invited, unreachable = actions.send_invitations(request.user, survey_round)
    except actions.ClosedRound:
        messages.error(request, _("The round has closed: no invitations were sent."))
        return redirect(survey_round.get_absolute_url())
    messages.success(request, _("Invitations sent to %(count)s organisations.") % {"count": len(invited)})
    if unreachable:
        names = ", ".join(organization.name for organization in unreachable)
        messages.warning(
            request,
            _("These organisations have no partner editor to invite; send them their personal link: %(names)s")
            % {"names": names},
        )
    return redirect(survey_round.get_absolute_url())


# Answering


def _response_of(survey_round, organization):
    return Response.objects.filter(round=survey_round, organization=organization).first()


def _other_participants(survey_round, organization):
    return Organization.objects.filter(survey_participations__round=survey_round).exclude(pk=organization.pk)


def _answer_part_one(request, survey_round, organization, here, next_page):
    response = _response_of(survey_round, organization)
    context = {"area": request.area, "round": survey_round, "organization": organization, "response": response}
    if not survey_round.is_open():
        return render(request, "survey/answer_closed.html", {**context, "ties": _ties(response)})
    initial = {}
    if response is not None:
        initial = {
            "belonging": response.belonging,
            "satisfaction": response.satisfaction,
            "contributions": response.contributions,
            "contribution_other": response.contribution_other,
            "comments": response.comments,
            "partners": list(response.ties.values_list("partner_id", flat=True)),
        }
    form = forms.AnswerForm(
        request.POST or None, initial=initial, partners=_other_participants(survey_round, organization)
    )
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "partner_ids": [partner.pk for partner in form.cleaned_data["partners"]]}
        actions.save_answer(request.user, survey_round, organization, data)
        if forms.CONTINUE in request.POST:
            return redirect(next_page)
        messages.success(request, _("Your answer was saved as a draft. You can finish it until the round closes."))
        return redirect(here)
    return render(request, "survey/answer.html", {**context, "form": form, "buttons": forms.BUTTON_LABELS})


def _ties(response):
    return list(response.ties.select_related("partner")) if response else []


def _answer_part_two(request, survey_round, organization, here, first_page):
    response = _response_of(survey_round, organization)
    context = {"area": request.area, "round": survey_round, "organization": organization, "response": response}
    if not survey_round.is_open():
        return render(request, "survey/answer_closed.html", {**context, "ties": _ties(response)})
    ties = _ties(response)
    tie_forms = [
        forms.TieForm(
            request.POST or None,
            partner=tie.partner,
            initial={name: getattr(tie, name) for name in actions.TIE_FIELDS},
        )
        for tie in ties
    ]
    missing = []
    if request.method == "POST" and all(tie_form.is_valid() for tie_form in tie_forms):
        values = {tie_form.partner.pk: tie_form.cleaned_data for tie_form in tie_forms}
        submit = forms.SUBMIT in request.POST
        response, missing = actions.save_ties(request.user, survey_round, organization, values, submit=submit)
        if not missing:
            if submit:
                messages.success(request, _("Thank you: your organisation's answer was submitted."))
            else:
                messages.success(request, _("Your answer was saved as a draft."))
            return redirect(here)
    return render(
        request,
        "survey/answer_partners.html",
        {
            **context,
            "tie_forms": tie_forms,
            "missing": missing,
            "first_page": first_page,
            "buttons": forms.BUTTON_LABELS,
        },
    )


def _signed_in_answer(request, round_uuid, slug):
    survey_round = access.get_round_or_404(request.user, request.area, round_uuid)
    organization = get_object_or_404(Organization, area=request.area, slug=slug)
    if not access.is_participant(survey_round, organization):
        raise Http404
    _require(access.can_answer(request.user, survey_round, organization))
    return survey_round, organization


@require_http_methods(["GET", "HEAD", "POST"])
@partners_only
def answer(request, round_uuid, slug):
    survey_round, organization = _signed_in_answer(request, round_uuid, slug)
    here = reverse("survey:answer", kwargs={"round_uuid": round_uuid, "slug": slug})
    return _answer_part_one(
        request, survey_round, organization, here, reverse("survey:answer_partners", args=[round_uuid, slug])
    )


@require_http_methods(["GET", "HEAD", "POST"])
@partners_only
def answer_partners(request, round_uuid, slug):
    survey_round, organization = _signed_in_answer(request, round_uuid, slug)
    here = reverse("survey:answer_partners", kwargs={"round_uuid": round_uuid, "slug": slug})
    return _answer_part_two(
        request, survey_round, organization, here, reverse("survey:answer", args=[round_uuid, slug])
    )


@require_http_methods(["GET", "HEAD", "POST"])
def link_answer(request, token):
    survey_round, organization = access.round_and_organization_of_token(token, request.area)
    here = reverse("survey:link", args=[token])
    return _answer_part_one(request, survey_round, organization, here, reverse("survey:link_partners", args=[token]))


@require_http_methods(["GET", "HEAD", "POST"])
def link_partners(request, token):
    survey_round, organization = access.round_and_organization_of_token(token, request.area)
    here = reverse("survey:link_partners", args=[token])
    return _answer_part_two(request, survey_round, organization, here, reverse("survey:link", args=[token]))


# Results


@require_safe
@partners_only
def round_results(request, round_uuid):
    area = request.area
    user = request.user
    survey_round = access.get_round_or_404(user, area, round_uuid)
    form = forms.ResultsFilterForm(request.GET)
    level = form.cleaned_data["level"] if form.is_valid() else ""
    data = results.load(survey_round)
    found_pairs = results.pairs(data, level)
    previous = results.previous_round(survey_round)
    everything = access.sees_every_answer(user, area)

    def shows(raters):
        return access.shows_scores(raters, user, area)

    forums = list(visible_forums(user, area).filter(archived_at__isnull=True).order_by("name"))
    return render(
        request,
        "survey/results.html",
        {
            "area": area,
            "round": survey_round,
            "form": form,
            "level": level,
            "rate": results.response_rate(data),
            "network": results.network_summary(data),
            "overall": results.overall(data) if everything or len(data.responses) >= access.MIN_RATERS else None,
            "organizations": results.organization_rows(data, shows),
            "by_type": results.by_type(data, shows),
            "by_forum": results.by_forum(data, forums, shows),
            "contributions": results.contributions(data),
            "pairs": found_pairs,
            "chart": results.network_chart(data, found_pairs) if found_pairs else None,
            "comparison": results.compare(results.load(previous), data) if previous else None,
            "everything": everything,
            "ties": data.ties if everything else None,
            "answers": sorted(data.responses.values(), key=lambda r: r.organization.name) if everything else None,
            "min_raters": access.MIN_RATERS,
            "table_kinds": list(exports.TABLES),
            "graph_formats": list(exports.GRAPH_FORMATS),
        },
    )


@require_safe
@partners_only
def export(request, round_uuid, kind, file_format):
    survey_round = access.get_round_or_404(request.user, request.area, round_uuid)
    _require(access.sees_every_answer(request.user, request.area))
    data = results.load(survey_round)
    name = f"survey-{survey_round.opens_on:%Y-%m-%d}-{kind}"
    if kind in exports.TABLES and file_format in FORMATS:
        columns, rows = exports.TABLES[kind](data)
        return tabular_response(name, columns, rows, file_format)
    if kind == "network" and file_format in exports.GRAPH_FORMATS:
        content_type, extension = exports.GRAPH_FORMATS[file_format]
        response = HttpResponse(exports.WRITERS[file_format](data), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
        return response
    raise Http404


@require_safe
@partners_only
def collaboration_health(request):
    area = request.area
    _require(access.sees_every_answer(request.user, area))
    latest = health.latest_round(area)
    context = {"area": area, "round": latest, "weak_density": health.WEAK_DENSITY}
    if latest is not None:
        data = results.load(latest)
        forums = visible_forums(request.user, area).filter(archived_at__isnull=True).order_by("name")
        context["goals"] = health.goal_health(data, visible_goals(request.user, area))
        context["forums"] = health.forum_health(data, list(forums))
    return render(request, "survey/health.html", context)
