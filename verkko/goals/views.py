"""The monitoring view, goal, indicator and action pages, and their forms."""

import contextlib
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.accounts.access import audience, edited_organization_ids, is_partner
from verkko.ecosystem import responsibilities
from verkko.ecosystem.forms import ResponsibilityForm
from verkko.ecosystem.models import Decision, Forum, Organization
from verkko.goals import access, actions, charts, monitoring, values
from verkko.goals.forms import (
    ActionForm,
    CheckInForm,
    GoalForm,
    IndicatorForm,
    MilestoneForm,
    MonitoringFilterForm,
    PeriodValueForm,
    TargetForm,
    TurnTheCurveForm,
    ValuesImportForm,
)
from verkko.goals.history import target_changes
from verkko.goals.models import Goal, Indicator, Milestone, Status, Target, TurnTheCurve
from verkko.lib import page_cache, warming
from verkko.lib.access import get_visible_or_404
from verkko.lib.history import history_of
from verkko.stats import periods
from verkko.stats.versions import statistics_version


def _require_manager(request):
    """Goals, indicators and actions of the request's area are its coordinators' to change."""
    if not access.can_manage(request.user, request.area):
        raise PermissionDenied


def _form_view(request, form, *, save, saved_message, done=None, **page):
    """Show the form; on a valid POST call `save` (one action), say so and go to `done` or what was saved."""
    if request.method == "POST" and form.is_valid():
        saved = save()
        messages.success(request, saved_message)
        return redirect(done or saved)
    return _form_page(request, form, **page)


def _form_page(request, form, *, title, cancel_url, submit=None, multipart=False, intro=""):
    return render(
        request,
        "goals/form.html",
        {
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "submit": submit or pgettext("goals", "Save"),
            "multipart": multipart,
            "intro": intro,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _by_slug_or_uuid(queryset, everything, key):
    """Goals and indicators answer to their slug and to their UUID (hidden ones: PartnerOnly)."""
    lookup = Q(slug=key)
    with contextlib.suppress(ValueError):
        lookup |= Q(uuid=uuid.UUID(key))
    return get_visible_or_404(queryset, everything, lookup)


def _goal(request, key):
    return _by_slug_or_uuid(
        access.visible_goals(request.user, request.area), Goal.objects.filter(area=request.area), key
    )


def _indicator(request, key):
    return _by_slug_or_uuid(
        access.visible_indicators(request.user, request.area), Indicator.objects.filter(area=request.area), key
    )


def _action(request, key):
    """An action of the request's area (led by one of its organisations) that the user may see."""
    return get_visible_or_404(
        access.visible_actions(request.user, request.area).select_related("lead_organization__area"),
        access.area_actions(request.area),
        uuid=key,
    )


def _history(request, obj):
    """The object's history: partners of the area see who changed what, others only that and when
    something changed."""
    return {"entries": history_of(obj), "history_summary_only": not is_partner(request.user, request.area)}


# The monitoring view


def _monitoring_filters(request, goals):
    forums = Forum.objects.filter(area=request.area, goals__in=goals).distinct().order_by("name")
    organisations = (
        Organization.objects.filter(area=request.area)
        .filter(Q(led_actions__goals__in=goals) | Q(partner_actions__goals__in=goals))
        .distinct()
        .order_by("name")
    )
    return MonitoringFilterForm(
        request.GET or None, forums=forums, organizations=organisations, statuses=Status.choices
    )


def _monitoring_main(request, goals, form):
    """The monitoring view's content: every goal the audience may see, filtered by the form."""
    chosen_status = ""
    if form.is_bound and form.is_valid():
        if form.cleaned_data["forum"]:
            goals = goals.filter(owner_forum=form.cleaned_data["forum"])
        if form.cleaned_data["organization"]:
            organisation = form.cleaned_data["organization"]
            goals = goals.filter(
                Q(actions__lead_organization=organisation) | Q(actions__partner_organizations=organisation)
            ).distinct()
        chosen_status = form.cleaned_data["status"]
    summaries = monitoring.in_tree_order(monitoring.summarize_all(goals.order_by("title")))
    invented = monitoring.invented(summaries)
    if chosen_status:
        summaries = [summary for summary in summaries if summary.status == chosen_status]
    rows = []
    for summary in summaries:
        main = summary.main_indicator
        rows.append(
            {
                "summary": summary,
                "sparkline": charts.sparkline(main.indicator, main.values) if main and main.values else None,
            }
        )
    return render_to_string(
        "goals/_monitoring_main.html",
        {
            "form": form,
            "rows": rows,
            "invented": invented,
            "can_manage": access.can_manage(request.user, request.area),
        },
    )


def monitoring_cache_parts(area, audience, choices=()):
    """What the monitoring view's content depends on: the area's content and the statistics, its
    audience and language, the day (actions fall overdue) and the chosen filters."""
    return (
        *page_cache.area_parts(area, audience),
        statistics_version(),
        timezone.localdate(),
        choices,
    )


def _public_parts(request, *args, **kwargs):
    return monitoring_cache_parts(request.area, "public")


@require_safe
@page_cache.public_response("goals-monitoring-page", _public_parts)
def monitoring_view(request):
    """Cached per audience until the area's content or the statistics change (verkko.lib.page_cache);
    bad filters are shown uncached, as they are rare."""
    goals = access.visible_goals(request.user, request.area)
    choices = ()
    form = None
    if request.GET:
        form = _monitoring_filters(request, goals)
        if not form.is_valid():
            return render(request, "goals/monitoring.html", {"main": mark_safe(_monitoring_main(request, goals, form))})  # noqa: S308
        choices = tuple(sorted((name, getattr(value, "pk", value) or "") for name, value in form.cleaned_data.items()))
    parts = monitoring_cache_parts(request.area, audience(request.user, request.area), choices)
    main = page_cache.cached_html(
        "goals-monitoring",
        parts,
        lambda: _monitoring_main(request, goals, form or _monitoring_filters(request, goals)),
    )
    return render(request, "goals/monitoring.html", {"main": main})


# Goals


def _render_goal(request, goal, *, responsibility_form=None, status=200):
    summary = monitoring.summarize_all(Goal.objects.filter(pk=goal.pk))[0]
    visible_goals = access.visible_goals(request.user, request.area)
    children = visible_goals.filter(parent=goal)
    indicator_charts = [
        (item, charts.indicator_chart(item.indicator, item.values, item.targets)) for item in summary.indicators
    ]
    can_manage = access.can_manage(request.user, request.area)
    return render(
        request,
        "goals/goal_detail.html",
        {
            "goal": goal,
            "summary": summary,
            "invented": monitoring.invented([summary]),
            "indicator_charts": indicator_charts,
            "children": children,
            "parent_visible": goal.parent and visible_goals.filter(pk=goal.parent_id).exists(),
            "can_manage": can_manage,
            **_history(request, goal),
            "responsibilities": responsibilities.responsibilities_of(goal, request.area),
            "responsibility_form": responsibility_form
            or (ResponsibilityForm(area=request.area) if can_manage else None),
        },
        status=status,
    )


@require_safe
@page_cache.public_response("goals-goal-page", _public_parts)
def goal_detail(request, key):
    return _render_goal(request, _goal(request, key))


@require_POST
def goal_responsibility(request, key):
    """Coordinators set an organisation's R/A/C/I letter for the goal, as they do for forums."""
    goal = _goal(request, key)
    _require_manager(request)
    form = ResponsibilityForm(request.POST, area=request.area)
    if not form.is_valid():
        return _render_goal(request, goal, responsibility_form=form, status=400)
    responsibilities.set_responsibility(
        request.user, form.cleaned_data["organization"], goal, form.cleaned_data["level"]
    )
    messages.success(request, gettext("The responsibility was saved."))
    return redirect(goal)


@require_http_methods(["GET", "POST"])
@login_required
def goal_create(request):
    _require_manager(request)
    form = GoalForm(request.POST or None, area=request.area)
    return _form_view(
        request,
        form,
        save=lambda: actions.create_goal(request.user, request.area, form.cleaned_data),
        saved_message=gettext("The goal was saved."),
        title=gettext("New goal"),
        cancel_url=reverse("goals:monitoring"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_edit(request, key):
    goal = _goal(request, key)
    _require_manager(request)
    form = GoalForm(request.POST or None, instance=goal, area=request.area)
    return _form_view(
        request,
        form,
        save=lambda: actions.update_goal(request.user, goal, form.cleaned_data),
        saved_message=gettext("The goal was saved."),
        title=gettext("Edit goal: %(title)s") % {"title": goal.title},
        cancel_url=reverse("goals:goal", kwargs={"key": goal.slug}),
    )


# Indicators


@require_safe
@page_cache.public_response("goals-indicator-page", _public_parts)
def indicator_detail(request, key):
    indicator = _indicator(request, key)
    summary = monitoring.summarize_indicator(indicator)
    by_municipality = values.values_by_municipality(indicator)
    note = TurnTheCurve.objects.filter(indicator=indicator).first()
    return render(
        request,
        "goals/indicator_detail.html",
        {
            "indicator": indicator,
            "summary": summary,
            "chart": charts.indicator_chart(indicator, summary.values, summary.targets),
            "municipality_chart": charts.municipality_chart(indicator, by_municipality) if by_municipality else None,
            "source_table": values.source_of(indicator),
            "goals": access.visible_goals(request.user, request.area).filter(indicators=indicator),
            "targets": indicator.targets.all(),
            "note": note,
            "can_manage": access.can_manage(request.user, request.area),
            "target_changes": target_changes(indicator),
            "can_see_people": is_partner(request.user, request.area),
            **_history(request, indicator),
        },
    )


def _goal_to_link(request):
    """The goal of this area a new indicator is made for ("Add a new indicator" on its page), if any."""
    key = request.POST.get("goal") or request.GET.get("goal")
    return _goal(request, key) if key else None


def _indicator_form_view(request, form, *, save, goal=None, title, cancel_url):
    """The indicator form: first its kind, then the fields that kind uses; a valid POST saves it and
    goes to the goal it was made for, or to the indicator."""
    if request.method == "POST" and form.is_valid():
        indicator = save()
        messages.success(request, gettext("The indicator was saved."))
        return redirect(goal or indicator)
    return render(
        request,
        "goals/indicator_form.html",
        {
            "form": form,
            "kind": form.chosen_kind,
            "goal": goal,
            "title": title,
            "cancel_url": cancel_url,
            "submit": pgettext("goals", "Save"),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def indicator_create(request):
    _require_manager(request)
    goal = _goal_to_link(request)
    form = IndicatorForm(request.POST or None, area=request.area, kind=request.GET.get("kind"))
    return _indicator_form_view(
        request,
        form,
        save=lambda: actions.create_indicator(request.user, request.area, form.cleaned_data, goal=goal),
        goal=goal,
        title=gettext("New indicator"),
        cancel_url=goal.get_absolute_url() if goal else reverse("goals:monitoring"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def indicator_edit(request, key):
    indicator = _indicator(request, key)
    _require_manager(request)
    form = IndicatorForm(request.POST or None, instance=indicator, area=request.area)
    return _indicator_form_view(
        request,
        form,
        save=lambda: actions.update_indicator(request.user, indicator, form.cleaned_data),
        title=gettext("Edit indicator: %(name)s") % {"name": indicator.name},
        cancel_url=reverse("goals:indicator", kwargs={"key": indicator.slug}),
    )


@require_http_methods(["GET", "POST"])
@login_required
def target_add(request, key):
    indicator = _indicator(request, key)
    _require_manager(request)
    form = TargetForm(request.POST or None, indicator=indicator)
    return _form_view(
        request,
        form,
        save=lambda: actions.set_target(
            request.user, indicator, form.cleaned_data["period"], form.cleaned_data["value"]
        ),
        saved_message=gettext("The target was saved."),
        done=indicator,
        title=gettext("Target for %(name)s") % {"name": indicator.name},
        cancel_url=reverse("goals:indicator", kwargs={"key": indicator.slug}),
        intro=gettext("A target for a period that already has one replaces it."),
    )


@require_POST
@login_required
def target_delete(request, key, period):
    indicator = _indicator(request, key)
    _require_manager(request)
    target = get_object_or_404(Target, indicator=indicator, period=periods.parse(period, indicator.frequency))
    actions.delete_target(request.user, target)
    messages.success(request, gettext("The target was removed."))
    return redirect("goals:indicator", key=indicator.slug)


def _manual_indicator(request, key):
    indicator = _indicator(request, key)
    _require_manager(request)
    if indicator.is_statistical:
        # Statistics-backed indicators read their values from the statistics tables only.
        raise Http404
    return indicator


@require_http_methods(["GET", "POST"])
@login_required
def value_add(request, key):
    indicator = _manual_indicator(request, key)
    form = PeriodValueForm(request.POST or None, indicator=indicator)
    return _form_view(
        request,
        form,
        save=lambda: actions.record_values(
            request.user, indicator, [(form.cleaned_data["period"], form.cleaned_data["value"])]
        ),
        saved_message=gettext("The value was saved."),
        done=indicator,
        title=gettext("Value of %(name)s") % {"name": indicator.name},
        cancel_url=reverse("goals:indicator", kwargs={"key": indicator.slug}),
        intro=gettext("A value for a period that already has one replaces it."),
    )


@require_http_methods(["GET", "POST"])
@login_required
def values_import(request, key):
    indicator = _manual_indicator(request, key)
    form = ValuesImportForm(request.POST or None, request.FILES or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        saved = actions.record_values(request.user, indicator, form.cleaned_data["file"])
        warming.warm_pages([request.area.pk], kind=warming.CONTENT)
        messages.success(request, gettext("%(count)s values were imported.") % {"count": len(saved)})
        return redirect("goals:indicator", key=indicator.slug)
    return _form_page(
        request,
        form,
        title=gettext("Import values of %(name)s") % {"name": indicator.name},
        cancel_url=reverse("goals:indicator", kwargs={"key": indicator.slug}),
        submit=gettext("Import"),
        multipart=True,
        intro=gettext("Nothing is imported unless every row is right."),
    )


@require_http_methods(["GET", "POST"])
@login_required
def turn_the_curve_edit(request, key):
    indicator = _indicator(request, key)
    _require_manager(request)
    note = TurnTheCurve.objects.filter(indicator=indicator).first()
    form = TurnTheCurveForm(request.POST or None, instance=note)
    return _form_view(
        request,
        form,
        save=lambda: actions.save_turn_the_curve(request.user, indicator, form.cleaned_data),
        saved_message=gettext("The note was saved."),
        done=indicator,
        title=gettext("Turn the curve: %(name)s") % {"name": indicator.name},
        cancel_url=reverse("goals:indicator", kwargs={"key": indicator.slug}),
    )


# Actions


def _actions_with_relations(queryset):
    return queryset.select_related("lead_organization__area", "responsible_person").prefetch_related(
        "partner_organizations", "goals", "check_ins"
    )


def _any_demo(actions):
    return any(action.lead_organization.area.is_demo for action in actions)


@require_safe
def action_list(request):
    found = _actions_with_relations(access.visible_actions(request.user, request.area)).order_by("due_on", "title")
    return render(
        request,
        "goals/action_list.html",
        {
            "actions": found,
            "invented": {"goals": _any_demo(found)},
            "heading": gettext("Actions"),
            "can_manage": access.can_manage(request.user, request.area),
        },
    )


@require_safe
@login_required
def my_actions(request):
    """The actions of the organisations the user edits in this area (none elsewhere count here)."""
    organisation_ids = edited_organization_ids(request.user, request.area)
    if not organisation_ids:
        raise PermissionDenied
    found = _actions_with_relations(access.actions_of_organizations(request.area, organisation_ids)).order_by(
        "due_on", "title"
    )
    return render(
        request,
        "goals/action_list.html",
        {
            "actions": found,
            "invented": {"goals": _any_demo(found)},
            "heading": gettext("My organisation's actions"),
            "organisations": Organization.objects.filter(pk__in=organisation_ids),
            "can_check_in": True,
        },
    )


@require_safe
def action_detail(request, key):
    action = _action(request, key)
    visible_goals = access.visible_goals(request.user, request.area).filter(actions=action)
    return render(
        request,
        "goals/action_detail.html",
        {
            "action": action,
            "invented": {"goals": action.lead_organization.area.is_demo},
            "goals": visible_goals,
            "check_ins": action.check_ins.select_related("author", "organization"),
            "milestones": action.milestones.all(),
            "can_manage": access.can_manage(request.user, request.area),
            "can_check_in": request.user.is_authenticated and access.can_check_in(request.user, action),
            "can_see_people": is_partner(request.user, request.area),
            **_history(request, action),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def action_create(request):
    _require_manager(request)
    preselected = Goal.objects.filter(area=request.area, slug__in=request.GET.getlist("goal"))
    form = ActionForm(request.POST or None, area=request.area, initial={"goals": list(preselected)})
    return _form_view(
        request,
        form,
        save=lambda: actions.create_action(request.user, form.cleaned_data),
        saved_message=gettext("The action was saved."),
        title=gettext("New action"),
        cancel_url=reverse("goals:actions"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def action_edit(request, key):
    action = _action(request, key)
    _require_manager(request)
    form = ActionForm(request.POST or None, instance=action, area=request.area)
    return _form_view(
        request,
        form,
        save=lambda: actions.update_action(request.user, action, form.cleaned_data),
        saved_message=gettext("The action was saved."),
        title=gettext("Edit action: %(title)s") % {"title": action.title},
        cancel_url=reverse("goals:action", kwargs={"key": action.uuid}),
    )


@require_http_methods(["GET", "POST"])
@login_required
def milestone_add(request, key):
    action = _action(request, key)
    _require_manager(request)
    form = MilestoneForm(request.POST or None)
    return _form_view(
        request,
        form,
        save=lambda: actions.add_milestone(request.user, action, form.cleaned_data),
        saved_message=gettext("The milestone was saved."),
        done=action,
        title=gettext("New milestone: %(title)s") % {"title": action.title},
        cancel_url=reverse("goals:action", kwargs={"key": action.uuid}),
    )


def _milestone(request, key, milestone):
    action = _action(request, key)
    return action, get_object_or_404(Milestone, action=action, pk=milestone)


@require_http_methods(["GET", "POST"])
@login_required
def milestone_edit(request, key, milestone):
    action, found = _milestone(request, key, milestone)
    _require_manager(request)
    form = MilestoneForm(request.POST or None, instance=found)
    return _form_view(
        request,
        form,
        save=lambda: actions.update_milestone(request.user, found, form.cleaned_data),
        saved_message=gettext("The milestone was saved."),
        done=action,
        title=gettext("Edit milestone: %(title)s") % {"title": found.title},
        cancel_url=reverse("goals:action", kwargs={"key": action.uuid}),
    )


@require_POST
@login_required
def milestone_done(request, key, milestone):
    """Mark a milestone done today (done=1) or not done (done=0): those who check in on the action."""
    action, found = _milestone(request, key, milestone)
    if not access.can_check_in(request.user, action):
        raise PermissionDenied
    done = request.POST.get("done")
    if done not in ("0", "1"):
        messages.error(request, gettext("Nothing was changed."))
        return redirect(action)
    actions.mark_milestone(request.user, found, done == "1")
    messages.success(
        request,
        gettext("The milestone was marked done.") if done == "1" else gettext("The milestone was marked not done."),
    )
    return redirect(action)


@require_POST
@login_required
def milestone_delete(request, key, milestone):
    action, found = _milestone(request, key, milestone)
    _require_manager(request)
    actions.delete_milestone(request.user, found)
    messages.success(request, gettext("The milestone was removed."))
    return redirect(action)


@require_http_methods(["GET", "POST"])
@login_required
def check_in(request, key):
    action = _action(request, key)
    if not access.can_check_in(request.user, action):
        raise PermissionDenied
    form = CheckInForm(request.POST or None, initial={"progress": action.progress, "status": action.status})
    return _form_view(
        request,
        form,
        save=lambda: actions.check_in(request.user, action, **form.cleaned_data),
        saved_message=gettext("The check-in was recorded."),
        done=action,
        title=gettext("Check in: %(title)s") % {"title": action.title},
        cancel_url=reverse("goals:action", kwargs={"key": action.uuid}),
        intro=gettext("A check-in is kept as history; it updates the action's status and progress."),
    )


@require_POST
@login_required
def action_from_decision(request, decision):
    found = get_object_or_404(
        Decision.objects.filter(meeting__forum__area=request.area).select_related("meeting__forum"), uuid=decision
    )
    if not access.can_make_action_of(request.user, found):
        raise PermissionDenied
    action, created = actions.action_from_decision(request.user, found, request.area)
    if created:
        messages.success(request, gettext("The decision became an action; complete its details."))
    else:
        messages.info(request, gettext("This decision already has an action."))
    return redirect("goals:action", key=action.uuid)
