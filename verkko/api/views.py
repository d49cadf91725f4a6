"""The API's views: thin, like the pages'. Each takes its area from the path (AreaMixin), asks the
app's access.py what the caller may see or do, validates input with the page's own form and
calls the same actions.py function as the page."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from verkko.api import filters, serializers
from verkko.api.areas import AreaMixin
from verkko.api.renderers import CSVRenderer
from verkko.ecosystem import access as ecosystem_access
from verkko.ecosystem.models import Decision, EmploymentArea, Meeting, Municipality
from verkko.goals import access as goals_access
from verkko.goals import actions as goals_actions
from verkko.goals import monitoring
from verkko.goals.forms import CheckInForm, PeriodValueForm
from verkko.goals.values import Reader
from verkko.news import access as news_access
from verkko.processes import access as processes_access
from verkko.situation import access as situation_access
from verkko.situation import actions as situation_actions
from verkko.situation import figures
from verkko.situation.forms import SignalForm
from verkko.stats import periods
from verkko.stats.models import Observation, Table
from verkko.survey import access as survey_access
from verkko.survey import results as survey_results


def _form_errors(form):
    """A Django form's errors as the API's validation error (messages per field)."""
    return ValidationError({field: list(messages) for field, messages in form.errors.items()})


class AreaList(AreaMixin, generics.ListAPIView):
    """A list of one area, filtered by the query parameters of `filter_class`."""

    filter_class = filters.NoFilter

    def get_filters(self):
        found = self.filter_class(data=self.request.query_params)
        found.is_valid(raise_exception=True)
        return found.validated_data


def listing(filter_class, description=""):
    """Declare a list's filters for the view and for the OpenAPI document."""

    def decorate(view):
        view.filter_class = filter_class
        parameters = [filter_class] if filter_class().fields else []
        return extend_schema_view(get=extend_schema(parameters=parameters, description=description))(view)

    return decorate


def _between(queryset, found, field):
    """Rows whose date (or the date of whose time) `field` lies in the period_from–period_to filter."""
    if found.get("period_from"):
        queryset = queryset.filter(**{f"{field}__gte": found["period_from"]})
    if found.get("period_to"):
        queryset = queryset.filter(**{f"{field}__lte": found["period_to"]})
    return queryset


# Areas


class AreaListView(generics.ListAPIView):
    """The employment areas; each one's data is under /api/v1/<slug>/."""

    serializer_class = serializers.AreaSerializer
    queryset = EmploymentArea.objects.order_by("name").prefetch_related("municipalities")


class AreaDetailView(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.AreaSerializer

    def get(self, request, area):
        return Response(self.get_serializer(self.area).data)


# The ecosystem


@listing(filters.NoFilter)
class OrganizationList(AreaList):
    serializer_class = serializers.OrganizationSerializer

    def get_queryset(self):
        return ecosystem_access.visible_organizations(self.area).select_related("municipality").order_by("name")


class OrganizationDetail(AreaMixin, generics.RetrieveAPIView):
    serializer_class = serializers.OrganizationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return ecosystem_access.visible_organizations(self.area).select_related("municipality")


def _cards(user, people):
    cards = []
    for person in people:
        card = ecosystem_access.person_card(user, person)
        if card is not None:
            cards.append({"uuid": person.uuid, "organization": person.organization.slug, **card})
    return cards


@listing(
    filters.OrganisationFilter,
    "People's public cards: partners of the area see every contact, others "
    "only the people who agreed to be shown, and only what they agreed to show.",
)
class PersonList(AreaList):
    serializer_class = serializers.PersonCardSerializer

    def get_queryset(self):
        people = ecosystem_access.visible_people(self.request.user, self.area).select_related("organization")
        organisation = self.get_filters().get("organisation")
        if organisation:
            people = people.filter(organization__slug=organisation)
        return people.order_by("last_name", "first_name", "pk")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(_cards(request.user, page), many=True).data)


class PersonDetail(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.PersonCardSerializer

    def get(self, request, area, uuid):
        people = ecosystem_access.visible_people(request.user, self.area).select_related("organization")
        cards = _cards(request.user, [get_object_or_404(people, uuid=uuid)])
        if not cards:
            raise Http404
        return Response(self.get_serializer(cards[0]).data)


@listing(filters.ForumStatusFilter)
class ForumList(AreaList):
    serializer_class = serializers.ForumSerializer

    def get_queryset(self):
        forums = ecosystem_access.visible_forums(self.request.user, self.area).select_related(
            "parent", "chair", "secretary"
        )
        found = self.get_filters()
        if found.get("status"):
            forums = forums.filter(archived_at__isnull=found["status"] == "open")
        if found.get("forum"):
            forums = forums.filter(Q(slug=found["forum"]) | Q(parent__slug=found["forum"]))
        return forums.order_by("name")


class ForumDetail(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.ForumSerializer

    def get(self, request, area, slug):
        forum = ecosystem_access.get_visible_forum_or_404(request.user, self.area, slug=slug)
        return Response(self.get_serializer(forum).data)


def _meetings(user, area):
    return (
        Meeting.objects.filter(forum__in=ecosystem_access.visible_forums(user, area))
        .select_related("forum")
        .prefetch_related("decisions__responsible_organization", "decisions__meeting__forum")
    )


@listing(filters.MeetingFilter)
class MeetingList(AreaList):
    serializer_class = serializers.MeetingSerializer

    def get_queryset(self):
        found = self.get_filters()
        meetings = _between(_meetings(self.request.user, self.area), found, "starts_at__date")
        if found.get("forum"):
            meetings = meetings.filter(forum__slug=found["forum"])
        return meetings.order_by("-starts_at", "pk")


class MeetingDetail(AreaMixin, generics.RetrieveAPIView):
    serializer_class = serializers.MeetingSerializer
    lookup_field = "uuid"

    def get_queryset(self):
        return _meetings(self.request.user, self.area)


@listing(filters.DecisionFilter, "Decisions of the forums' meetings; the period is the decision's due date.")
class DecisionList(AreaList):
    serializer_class = serializers.DecisionSerializer

    def get_queryset(self):
        found = self.get_filters()
        decisions = Decision.objects.filter(
            meeting__forum__in=ecosystem_access.visible_forums(self.request.user, self.area)
        ).select_related("meeting__forum", "responsible_organization")
        decisions = _between(decisions, found, "due_date")
        if found.get("forum"):
            decisions = decisions.filter(meeting__forum__slug=found["forum"])
        if found.get("organisation"):
            decisions = decisions.filter(responsible_organization__slug=found["organisation"])
        return decisions.order_by("-meeting__starts_at", "pk")


# Goals, indicators, actions and check-ins


@listing(filters.GoalFilter, "Goals with their status (the weakest of their indicators', goals/status.py).")
class GoalList(AreaList):
    serializer_class = serializers.GoalSerializer

    def get_queryset(self):
        found = self.get_filters()
        goals = goals_access.visible_goals(self.request.user, self.area)
        if found.get("forum"):
            goals = goals.filter(owner_forum__slug=found["forum"])
        if found.get("organisation"):
            organisation = found["organisation"]
            goals = goals.filter(
                Q(actions__lead_organization__slug=organisation) | Q(actions__partner_organizations__slug=organisation),
                actions__lead_organization__area=self.area,
            ).distinct()
        return goals.order_by("title", "pk")

    def list(self, request, *args, **kwargs):
        summaries = monitoring.summarize_all(self.get_queryset())
        wanted = self.get_filters().get("status")
        statuses = {summary.goal.pk: summary.status for summary in summaries}
        goals = [summary.goal for summary in summaries if not wanted or summary.status == wanted]
        page = self.paginate_queryset(goals)
        data = serializers.GoalSerializer(
            page, many=True, context={**self.get_serializer_context(), "statuses": statuses}
        )
        return self.get_paginated_response(data.data)


class GoalDetail(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.GoalSerializer

    def get(self, request, area, slug):
        goals = goals_access.visible_goals(request.user, self.area).filter(slug=slug)
        summaries = monitoring.summarize_all(goals)
        if not summaries:
            raise Http404
        summary = summaries[0]
        context = {**self.get_serializer_context(), "statuses": {summary.goal.pk: summary.status}}
        return Response(serializers.GoalSerializer(summary.goal, context=context).data)


def _indicators(user, area):
    return (
        goals_access.visible_indicators(user, area)
        .select_related("series__table", "statistics_area", "area")
        .prefetch_related("targets", "area__municipalities", "statistics_area__municipalities")
    )


@listing(filters.IndicatorFilter, "Indicators with their status at the latest period (goals/status.py).")
class IndicatorList(AreaList):
    serializer_class = serializers.IndicatorSerializer

    def get_queryset(self):
        found = self.get_filters()
        indicators = _indicators(self.request.user, self.area)
        if found.get("forum"):
            indicators = indicators.filter(goals__owner_forum__slug=found["forum"]).distinct()
        return indicators.order_by("name", "pk")

    def list(self, request, *args, **kwargs):
        indicators = list(self.get_queryset())
        reader = Reader(indicators)  # every indicator's values with a few queries, not one each
        summaries = {indicator.pk: monitoring.summarize_indicator(indicator, reader=reader) for indicator in indicators}
        wanted = self.get_filters().get("status")
        shown = [s.indicator for s in summaries.values() if not wanted or s.assessment.status == wanted]
        page = self.paginate_queryset(shown)
        context = {**self.get_serializer_context(), "summaries": summaries}
        return self.get_paginated_response(serializers.IndicatorSerializer(page, many=True, context=context).data)


def _indicator(request, area, slug):
    return get_object_or_404(_indicators(request.user, area), slug=slug)


class IndicatorDetail(AreaMixin, generics.GenericAPIView):
    """An indicator with its values, targets, status and where its figures come from."""

    serializer_class = serializers.IndicatorDetailSerializer

    def get(self, request, area, slug):
        indicator = _indicator(request, self.area, slug)
        context = {
            **self.get_serializer_context(),
            "summaries": {indicator.pk: monitoring.summarize_indicator(indicator)},
        }
        return Response(serializers.IndicatorDetailSerializer(indicator, context=context).data)


@extend_schema_view(
    get=extend_schema(
        parameters=[filters.PeriodFilter], description="The indicator's values as tidy rows (JSON or CSV)."
    ),
    post=extend_schema(
        request=serializers.IndicatorValueInput,
        responses={201: serializers.ValueSerializer},
        description="Add (or replace) a value of an indicator kept by hand: for the area's coordinators, "
        "as on the indicator's page.",
    ),
)
class IndicatorValues(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.ValueSerializer
    renderer_classes = [*generics.GenericAPIView.renderer_classes, CSVRenderer]

    def get(self, request, area, slug):
        indicator = _indicator(request, self.area, slug)
        found = filters.PeriodFilter(data=request.query_params)
        found.is_valid(raise_exception=True)
        rows = [
            serializers.value_row(value, indicator.frequency)
            for value in monitoring.summarize_indicator(indicator).values
            if (not found.validated_data.get("period_from") or value.period >= found.validated_data["period_from"])
            and (not found.validated_data.get("period_to") or value.period <= found.validated_data["period_to"])
        ]
        return Response(serializers.ValueSerializer(rows, many=True).data)

    def post(self, request, area, slug):
        indicator = _indicator(request, self.area, slug)
        if not goals_access.can_manage(request.user, self.area):
            raise PermissionDenied
        if indicator.is_statistical:
            raise ValidationError(
                {"period": [gettext("This indicator's values come from the statistics tables; none can be added.")]}
            )
        incoming = serializers.IndicatorValueInput(data=request.data)
        incoming.is_valid(raise_exception=True)
        form = PeriodValueForm(data=incoming.validated_data, indicator=indicator)
        if not form.is_valid():
            raise _form_errors(form)
        (saved,) = goals_actions.record_values(
            request.user, indicator, [(form.cleaned_data["period"], form.cleaned_data["value"])]
        )
        row = {
            "period": saved.period,
            "period_code": periods.code(saved.period, indicator.frequency),
            "value": saved.value,
            "complete": True,
        }
        return Response(serializers.ValueSerializer(row).data, status=status.HTTP_201_CREATED)


def _actions(user, area):
    return (
        goals_access.visible_actions(user, area)
        .select_related("lead_organization__area")
        .prefetch_related("goals", "partner_organizations", "check_ins")
    )


@listing(filters.ActionFilter, "Actions of the area; the period is the due date.")
class ActionList(AreaList):
    serializer_class = serializers.ActionSerializer

    def get_queryset(self):
        found = self.get_filters()
        actions = _between(_actions(self.request.user, self.area), found, "due_on")
        if found.get("status"):
            actions = actions.filter(status=found["status"])
        if found.get("organisation"):
            organisation = found["organisation"]
            actions = actions.filter(
                Q(lead_organization__slug=organisation) | Q(partner_organizations__slug=organisation)
            ).distinct()
        if found.get("forum"):
            actions = actions.filter(goals__owner_forum__slug=found["forum"]).distinct()
        if found.get("goal"):
            actions = actions.filter(goals__slug=found["goal"]).distinct()
        return actions.order_by("due_on", "title", "pk")


class ActionDetail(AreaMixin, generics.RetrieveAPIView):
    serializer_class = serializers.ActionSerializer
    lookup_field = "uuid"

    def get_queryset(self):
        return _actions(self.request.user, self.area)


@extend_schema_view(
    get=extend_schema(description="The action's check-ins, newest first."),
    post=extend_schema(
        request=serializers.CheckInInput,
        responses={201: serializers.CheckInSerializer},
        description="Check in: for the area's coordinators and the editors of the action's lead and partner "
        "organisations, as on the action's page. The action's status and progress follow the check-in.",
    ),
)
class ActionCheckIns(AreaMixin, generics.ListAPIView):
    serializer_class = serializers.CheckInSerializer

    def _action(self):
        return get_object_or_404(_actions(self.request.user, self.area), uuid=self.kwargs["uuid"])

    def get_queryset(self):
        return self._action().check_ins.select_related("organization").order_by("-created_at", "-pk")

    def post(self, request, area, uuid):
        action = self._action()
        if not goals_access.can_check_in(request.user, action):
            raise PermissionDenied
        incoming = serializers.CheckInInput(data=request.data)
        incoming.is_valid(raise_exception=True)
        form = CheckInForm(data=incoming.validated_data)
        if not form.is_valid():
            raise _form_errors(form)
        entry = goals_actions.check_in(request.user, action, **form.cleaned_data)
        return Response(serializers.CheckInSerializer(entry).data, status=status.HTTP_201_CREATED)


# The situational picture


@extend_schema_view(
    get=extend_schema(
        parameters=[filters.SignalFilter], description="Signals the caller may see; the period is the signal's date."
    ),
    post=extend_schema(
        request=serializers.SignalInput,
        responses={201: serializers.SignalSerializer},
        description="Report a signal in the name of an organisation you edit (coordinators: any of the area's); "
        "it waits for a coordinator's check, as when reported on the page.",
    ),
)
class SignalList(AreaList):
    serializer_class = serializers.SignalSerializer
    filter_class = filters.SignalFilter

    def get_queryset(self):
        found = self.get_filters()
        signals = situation_access.visible_signals(self.request.user, self.area).select_related(
            "municipality", "organization"
        )
        signals = _between(signals, found, "date")
        for name, field in (("status", "status"), ("kind", "kind"), ("organisation", "organization__slug")):
            if found.get(name):
                signals = signals.filter(**{field: found[name]})
        return signals.order_by("-date", "-pk")

    def post(self, request, area):
        organisations = situation_access.reporting_organizations(request.user, self.area)
        if not organisations.exists():
            raise PermissionDenied
        incoming = serializers.SignalInput(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        # The page's form takes the municipality and the organisation by their keys.
        municipality = data.get("municipality") or ""
        data["municipality"] = Municipality.objects.filter(area=self.area, code=municipality).values_list(
            "pk", flat=True
        ).first() or ("-" if municipality else "")
        data["organization"] = (
            organisations.filter(slug=data["organization"]).values_list("pk", flat=True).first() or "-"
        )
        form = SignalForm(data=data, area=self.area, organizations=organisations)
        if not form.is_valid():
            raise _form_errors(form)
        signal = situation_actions.report_signal(request.user, self.area, form.cleaned_data)
        return Response(serializers.SignalSerializer(signal).data, status=status.HTTP_201_CREATED)


class SignalDetail(AreaMixin, generics.RetrieveAPIView):
    serializer_class = serializers.SignalSerializer
    lookup_field = "uuid"

    def get_queryset(self):
        return situation_access.visible_signals(self.request.user, self.area).select_related(
            "municipality", "organization"
        )


@extend_schema(
    parameters=[filters.FigureFilter],
    responses=serializers.FigureSerializer(many=True),
    description="The area's key figures for a month (sums over its municipalities, rates from the sums), "
    "each with its completeness (false when a municipality's figure is missing) and provenance.",
)
class FigureList(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.FigureSerializer

    def get(self, request, area):
        found = filters.FigureFilter(data=request.query_params)
        found.is_valid(raise_exception=True)
        table = figures.statistics_table()
        place = figures.Place.of_area(self.area)
        month = found.validated_data.get("month")
        month = month.replace(day=1) if month else (table and figures.latest_month(table, place.area_codes))
        if table is None or month is None:
            return Response([])
        rows = [
            {
                "measure": figure.measure.code,
                "label": str(figure.measure.label),
                "unit": figure.measure.unit,
                "is_rate": figure.measure.is_rate,
                "month": month,
                "current": vars(figure.current),
                "previous": vars(figure.previous),
                "year_ago": vars(figure.year_ago),
                "country": vars(figure.country),
                "complete": figure.complete,
                "provenance": serializers.jsonable(figure.provenance.as_data()),
            }
            for figure in figures.key_figures(table, place, month)
        ]
        return Response(serializers.FigureSerializer(rows, many=True).data)


# News, events, processes, services, the survey


@listing(filters.NewsFilter, "Published news the caller may read; the period is the day of publication.")
class NewsList(AreaList):
    serializer_class = serializers.NewsSerializer

    def get_queryset(self):
        found = self.get_filters()
        items = news_access.visible_news(self.request.user, self.area).select_related("author_organization")
        items = _between(items.prefetch_related("forums"), found, "publish_at__date")
        if found.get("forum"):
            items = items.filter(forums__slug=found["forum"])
        if found.get("organisation"):
            items = items.filter(author_organization__slug=found["organisation"])
        return items.order_by("-publish_at", "-pk")


class NewsDetail(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.NewsSerializer

    def get(self, request, area, uuid):
        return Response(self.get_serializer(news_access.get_visible_news_or_404(request.user, self.area, uuid)).data)


@listing(filters.EventFilter, "Events the caller may see; the period is the day the event starts.")
class EventList(AreaList):
    serializer_class = serializers.EventSerializer

    def get_queryset(self):
        found = self.get_filters()
        events = news_access.visible_events(self.request.user, self.area).select_related("forum", "organizer")
        events = _between(events, found, "starts_at__date")
        if found.get("forum"):
            events = events.filter(forum__slug=found["forum"])
        if found.get("organisation"):
            events = events.filter(organizer__slug=found["organisation"])
        if found.get("status"):
            events = events.filter(cancelled_at__isnull=found["status"] == "planned")
        return events.order_by("starts_at", "pk")


class EventDetail(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.EventSerializer

    def get(self, request, area, uuid):
        return Response(self.get_serializer(news_access.get_visible_event_or_404(request.user, self.area, uuid)).data)


def _processes(user, area):
    return (
        processes_access.visible_processes(user, area)
        .select_related("owner")
        .prefetch_related("forums", "goals", "steps__responsible")
    )


@listing(filters.ProcessFilter, "Processes; organisation is the owner.")
class ProcessList(AreaList):
    serializer_class = serializers.ProcessSerializer

    def get_queryset(self):
        found = self.get_filters()
        processes = _processes(self.request.user, self.area)
        if found.get("forum"):
            processes = processes.filter(forums__slug=found["forum"])
        if found.get("organisation"):
            processes = processes.filter(owner__slug=found["organisation"])
        return processes.order_by("name", "pk")


class ProcessDetail(AreaMixin, generics.RetrieveAPIView):
    serializer_class = serializers.ProcessSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return _processes(self.request.user, self.area)


@listing(filters.OrganisationFilter, "The service catalogue (public).")
class ServiceList(AreaList):
    serializer_class = serializers.ServiceSerializer

    def get_queryset(self):
        services = processes_access.area_services(self.area).select_related("organization")
        organisation = self.get_filters().get("organisation")
        if organisation:
            services = services.filter(organization__slug=organisation)
        return services.prefetch_related("municipalities").order_by("name", "pk")


class ServiceDetail(AreaMixin, generics.GenericAPIView):
    serializer_class = serializers.ServiceSerializer

    def get(self, request, area, uuid):
        return Response(self.get_serializer(processes_access.get_service_or_404(self.area, uuid)).data)


@listing(filters.NoFilter, "Survey rounds: for the partners of the area (empty for anyone else).")
class SurveyRoundList(AreaList):
    serializer_class = serializers.SurveyRoundSerializer

    def get_queryset(self):
        return survey_access.visible_rounds(self.request.user, self.area).order_by("-opens_on", "pk")


class SurveySummary(AreaMixin, generics.GenericAPIView):
    """The summary every partner sees on the round's results page."""

    serializer_class = serializers.SurveySummarySerializer

    def get(self, request, area, uuid):
        survey_round = survey_access.get_round_or_404(request.user, self.area, uuid)
        data = survey_results.load(survey_round)
        network = survey_results.network_summary(data)
        shows_overall = survey_access.sees_every_answer(request.user, self.area) or (
            len(data.responses) >= survey_access.MIN_RATERS
        )
        summary = {
            "round": survey_round,
            "response_rate": survey_results.response_rate(data),
            "network": {**vars(network.measures), "trust": network.trust, "value": network.value},
            "overall": survey_results.overall(data) if shows_overall else None,
        }
        return Response(self.get_serializer(summary).data)


# Statistics


def _area_codes(area):
    """The statistics' area codes of the area: its municipalities, the whole country, and none (tables
    without an area dimension)."""
    return [m.statfin_code for m in area.municipalities.all()] + [figures.COUNTRY_CODE, ""]


class TableList(AreaMixin, generics.ListAPIView):
    """The statistical tables (public)."""

    serializer_class = serializers.TableSerializer

    def get_queryset(self):
        return Table.objects.order_by("table_id", "source", "pk")


class TableDetail(AreaMixin, generics.RetrieveAPIView):
    serializer_class = serializers.TableSerializer
    lookup_url_kwarg = "table"

    def get_queryset(self):
        return Table.objects.all()


def _table(kwargs):
    return get_object_or_404(Table, pk=kwargs["table"])


@listing(filters.SeriesFilter, "The table's series of the area's municipalities and the whole country.")
class SeriesList(AreaList):
    serializer_class = serializers.SeriesSerializer

    def get_queryset(self):
        found = self.get_filters()
        series = _table(self.kwargs).series.filter(area_code__in=_area_codes(self.area))
        if found.get("measure"):
            series = series.filter(measure_code=found["measure"])
        if found.get("area_code"):
            series = series.filter(area_code=found["area_code"])
        return series.order_by("key", "pk")


def _observations(table, area, found):
    observations = Observation.objects.filter(series__table=table, series__area_code__in=_area_codes(area))
    observations = _between(observations, found, "period")
    if found.get("measure"):
        observations = observations.filter(series__measure_code=found["measure"])
    if found.get("area_code"):
        observations = observations.filter(series__area_code=found["area_code"])
    return observations


@listing(
    filters.ObservationFilter,
    "The table's cells of the area's municipalities and the whole country as tidy rows: JSON, or CSV with "
    "?format=csv (all rows at once, up to 100 000).",
)
class ObservationList(AreaList):
    serializer_class = serializers.ObservationRow
    renderer_classes = [*AreaList.renderer_classes, CSVRenderer]

    def get_queryset(self):
        table = _table(self.kwargs)
        return (
            _observations(table, self.area, self.get_filters())
            .order_by("series_id", "period")
            .values(
                "series_id", "series__area_code", "series__measure_code", "period", "period_code", "value", "status"
            )
        )

    def paginate_queryset(self, queryset):
        if getattr(self.request.accepted_renderer, "format", "") == "csv":
            return None
        return super().paginate_queryset(queryset)

    def list(self, request, *args, **kwargs):
        table_id = _table(self.kwargs).table_id
        queryset = self.get_queryset()
        page = self.paginate_queryset(queryset)
        rows = page if page is not None else list(queryset[: CSVRenderer.MAX_ROWS])
        data = [
            {
                "table": table_id,
                "series": row["series_id"],
                "area_code": row["series__area_code"],
                "measure_code": row["series__measure_code"],
                "period": row["period"],
                "period_code": row["period_code"],
                "value": row["value"],
                "status": row["status"],
            }
            for row in rows
        ]
        data = self.get_serializer(data, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)


@extend_schema(
    parameters=[filters.ObservationFilter],
    responses={200: {"type": "object", "description": "A JSON-stat 2.0 dataset."}},
    description="The table's cells of the area as a JSON-stat 2.0 dataset (pyjstat, rjstat, the JSON-stat "
    "toolkit read it), with the provenance in its extension.",
)
class ObservationDataset(AreaMixin, generics.GenericAPIView):
    def get(self, request, area, table):
        from verkko.api.jsonstat import dataset

        found = filters.ObservationFilter(data=request.query_params)
        found.is_valid(raise_exception=True)
        table = _table(self.kwargs)
        return Response(dataset(table, _observations(table, self.area, found.validated_data)))
