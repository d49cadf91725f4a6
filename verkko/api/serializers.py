"""What the API shows of each object: plain fields, other objects by their slug, UUID or code.

Only what the apps' access helpers let the caller see reaches these serializers; a person is
shown through ecosystem.access.person_card, never from the model directly.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from verkko.ecosystem.models import Decision, EmploymentArea, Forum, Meeting, Organization
from verkko.goals.models import Action, CheckIn, Confidence, Goal, Indicator, Status
from verkko.lib.translated import language_fields
from verkko.news.models import Event, NewsItem
from verkko.processes.models import Process, ProcessStep, Service
from verkko.situation.models import Signal
from verkko.stats import periods
from verkko.stats.models import Series, Table
from verkko.stats.provenance import table_link
from verkko.survey.models import SurveyRound


def _slug(**kwargs):
    return serializers.SlugRelatedField(slug_field="slug", read_only=True, **kwargs)


def _slugs():
    return serializers.SlugRelatedField(slug_field="slug", read_only=True, many=True)


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class AreaSerializer(serializers.ModelSerializer):
    municipalities = serializers.SerializerMethodField()

    class Meta:
        model = EmploymentArea
        fields = ["slug", "name", *language_fields("name"), "is_demo", "municipalities"]

    @extend_schema_field(MunicipalitySerializer(many=True))
    def get_municipalities(self, area):
        return [{"code": m.code, "name": m.name} for m in area.municipalities.order_by("code")]


class OrganizationSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = [
            "slug",
            "name",
            *language_fields("name"),
            "type",
            "municipality",
            "business_id",
            "website",
            "description",
            *language_fields("description"),
            "page",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_page(self, obj):
        return obj.get_absolute_url()


class PersonCardSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    organization = serializers.CharField()
    name = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)


class ForumSerializer(serializers.ModelSerializer):
    parent = _slug(allow_null=True)
    chair = _slug(allow_null=True)
    secretary = _slug(allow_null=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Forum
        fields = [
            "slug",
            "name",
            *language_fields("name"),
            "level",
            "purpose",
            *language_fields("purpose"),
            "parent",
            "chair",
            "secretary",
            "meeting_rhythm",
            "visibility",
            "archived_at",
            "page",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_page(self, obj):
        return obj.get_absolute_url()


class DecisionSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(slug_field="uuid", read_only=True)
    forum = serializers.CharField(source="meeting.forum.slug", read_only=True)
    responsible_organization = _slug(allow_null=True)

    class Meta:
        model = Decision
        fields = ["uuid", "meeting", "forum", "text", "responsible_organization", "due_date"]


class MeetingSerializer(serializers.ModelSerializer):
    forum = _slug()
    decisions = DecisionSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = ["uuid", "forum", "starts_at", "place", "online_url", "agenda", "minutes", "decisions"]


class TrendSerializer(serializers.Serializer):
    direction = serializers.ChoiceField(choices=["up", "down", "flat"])
    periods = serializers.IntegerField()
    improving = serializers.BooleanField(allow_null=True)


class AssessmentSerializer(serializers.Serializer):
    """The indicator's status at its latest period, by the rules of goals/status.py."""

    status = serializers.ChoiceField(choices=Status.choices)
    period = serializers.DateField(allow_null=True)
    actual = serializers.FloatField(allow_null=True)
    expected = serializers.FloatField(allow_null=True)
    target = serializers.FloatField(allow_null=True)
    target_period = serializers.DateField(allow_null=True)
    variance = serializers.FloatField(allow_null=True)
    progress = serializers.FloatField(allow_null=True)
    difference = serializers.FloatField(allow_null=True)
    trend = TrendSerializer(allow_null=True)


class GoalSerializer(serializers.ModelSerializer):
    owner_forum = _slug(allow_null=True)
    parent = _slug(allow_null=True)
    indicators = _slugs()
    status = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    class Meta:
        model = Goal
        fields = [
            "slug",
            "uuid",
            "title",
            *language_fields("title"),
            "description",
            *language_fields("description"),
            "owner_forum",
            "parent",
            "starts_on",
            "ends_on",
            "visibility",
            "indicators",
            "status",
            "page",
        ]

    @extend_schema_field(serializers.ChoiceField(choices=Status.choices))
    def get_status(self, goal):
        return self.context["statuses"][goal.pk]

    @extend_schema_field(OpenApiTypes.STR)
    def get_page(self, obj):
        return obj.get_absolute_url()


class ValueSerializer(serializers.Serializer):
    """One period's value: complete is false when a member municipality's figure is missing."""

    period = serializers.DateField()
    period_code = serializers.CharField()
    value = serializers.FloatField(allow_null=True)
    complete = serializers.BooleanField()


class TargetSerializer(serializers.Serializer):
    period = serializers.DateField()
    period_code = serializers.CharField()
    value = serializers.FloatField()


class IndicatorSerializer(serializers.ModelSerializer):
    assessment = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = [
            "slug",
            "uuid",
            "name",
            *language_fields("name"),
            "definition",
            *language_fields("definition"),
            "unit",
            *language_fields("unit"),
            "decimals",
            "polarity",
            "frequency",
            "source",
            "baseline_period",
            "baseline_value",
            "assessment",
            "page",
        ]

    @extend_schema_field(AssessmentSerializer)
    def get_assessment(self, indicator):
        return AssessmentSerializer(self.context["summaries"][indicator.pk].assessment).data

    @extend_schema_field(OpenApiTypes.STR)
    def get_page(self, obj):
        return obj.get_absolute_url()


class IndicatorDetailSerializer(IndicatorSerializer):
    values = serializers.SerializerMethodField()
    targets = serializers.SerializerMethodField()
    provenance = serializers.SerializerMethodField()

    class Meta(IndicatorSerializer.Meta):
        fields = [*IndicatorSerializer.Meta.fields, "values", "targets", "provenance"]

    @extend_schema_field(ValueSerializer(many=True))
    def get_values(self, indicator):
        summary = self.context["summaries"][indicator.pk]
        return [value_row(value, indicator.frequency) for value in summary.values]

    @extend_schema_field(TargetSerializer(many=True))
    def get_targets(self, indicator):
        summary = self.context["summaries"][indicator.pk]
        return [
            {"period": period, "period_code": periods.code(period, indicator.frequency), "value": value}
            for period, value in summary.targets
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_provenance(self, indicator):
        """Where the figures come from (goals.values.provenance_of); null without a source."""
        return jsonable(self.context["summaries"][indicator.pk].provenance)


def value_row(value, frequency):
    return {
        "period": value.period,
        "period_code": periods.code(value.period, frequency),
        "value": value.value,
        "complete": value.complete,
    }


def jsonable(data):
    """Dates and times in a plain dict as ISO 8601 text."""
    if isinstance(data, dict):
        return {key: jsonable(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [jsonable(value) for value in data]
    if hasattr(data, "isoformat"):
        return data.isoformat()
    return data


class IndicatorValueInput(serializers.Serializer):
    """A value entered by hand: the period as on the page (2026M10, 10/2026, 2026Q4, 2026)."""

    period = serializers.CharField(max_length=10)
    value = serializers.CharField(max_length=30, help_text="A number, 12.5 or 12,5.")


class CheckInSerializer(serializers.ModelSerializer):
    organization = _slug(allow_null=True)

    class Meta:
        model = CheckIn
        fields = ["id", "created_at", "organization", "progress", "status", "confidence", "narrative"]


class CheckInInput(serializers.Serializer):
    """A check-in, validated by the page's own CheckInForm."""

    progress = serializers.IntegerField(min_value=0, max_value=100)
    status = serializers.ChoiceField(choices=Action.Status.choices)
    confidence = serializers.ChoiceField(choices=Confidence.choices)
    narrative = serializers.CharField(max_length=2000)


class ActionSerializer(serializers.ModelSerializer):
    goals = _slugs()
    lead_organization = _slug()
    partner_organizations = _slugs()
    is_overdue = serializers.SerializerMethodField()
    needs_check_in = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "uuid",
            "title",
            *language_fields("title"),
            "description",
            *language_fields("description"),
            "goals",
            "lead_organization",
            "partner_organizations",
            "starts_on",
            "due_on",
            "status",
            "progress",
            "check_in_rhythm_days",
            "is_overdue",
            "needs_check_in",
            "page",
        ]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_is_overdue(self, action):
        return action.is_overdue()

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_needs_check_in(self, action):
        return action.needs_check_in()

    @extend_schema_field(OpenApiTypes.STR)
    def get_page(self, obj):
        return obj.get_absolute_url()


class SignalSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    organization = _slug(allow_null=True)

    class Meta:
        model = Signal
        fields = [
            "uuid",
            "kind",
            "date",
            "municipality",
            "industry",
            "occupation_group",
            "headcount",
            "description",
            "source",
            "visibility",
            "organization",
            "status",
            "created_at",
        ]


class SignalInput(serializers.Serializer):
    """A signal to report, validated by the page's own SignalForm."""

    kind = serializers.ChoiceField(choices=Signal.Kind.choices)
    date = serializers.DateField()
    municipality = serializers.CharField(
        required=False, allow_blank=True, help_text="The municipality's code (564); empty for the whole area."
    )
    industry = serializers.CharField(required=False, allow_blank=True, max_length=1)
    occupation_group = serializers.CharField(required=False, allow_blank=True, max_length=10)
    headcount = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2_147_483_647)
    description = serializers.CharField()
    source = serializers.CharField(max_length=300, help_text="Where the signal comes from.")
    visibility = serializers.ChoiceField(choices=["public", "partners"])
    organization = serializers.CharField(help_text="The slug of the organisation you report for.")


class NewsSerializer(serializers.ModelSerializer):
    forums = _slugs()
    author_organization = _slug(allow_null=True)

    class Meta:
        model = NewsItem
        fields = ["uuid", "title", "body", "audience", "forums", "author_organization", "publish_at"]


class EventSerializer(serializers.ModelSerializer):
    forum = _slug(allow_null=True)
    organizer = _slug(allow_null=True)

    class Meta:
        model = Event
        fields = [
            "uuid",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "forum",
            "audience",
            "organizer",
            "registration_url",
            "signup_enabled",
            "seat_limit",
            "cancelled_at",
        ]


class ProcessStepSerializer(serializers.ModelSerializer):
    responsible = _slug(allow_null=True)

    class Meta:
        model = ProcessStep
        fields = ["number", "title", "description", "responsible", "time_frame"]


class ProcessSerializer(serializers.ModelSerializer):
    forums = _slugs()
    goals = _slugs()
    owner = _slug(allow_null=True)
    steps = ProcessStepSerializer(many=True, read_only=True)

    class Meta:
        model = Process
        fields = ["slug", "name", "purpose", "trigger", "forums", "goals", "owner", "review_on", "visibility", "steps"]


class ServiceSerializer(serializers.ModelSerializer):
    organization = _slug()
    municipalities = serializers.SlugRelatedField(slug_field="code", read_only=True, many=True)

    class Meta:
        model = Service
        fields = [
            "uuid",
            "organization",
            "name",
            *language_fields("name"),
            "description",
            *language_fields("description"),
            "audience",
            "municipalities",
            "referral_phone",
            "referral_email",
            "referral_form_url",
            "walk_in",
            "languages",
            "cost",
            "source",
        ]


class SurveyRoundSerializer(serializers.ModelSerializer):
    class Meta:
        model = SurveyRound
        fields = ["uuid", "title", "opens_on", "closes_on"]


class ResponseRateSerializer(serializers.Serializer):
    asked = serializers.IntegerField()
    invited = serializers.IntegerField()
    answered = serializers.IntegerField()
    drafts = serializers.IntegerField()
    rate = serializers.FloatField(allow_null=True)


class NetworkSerializer(serializers.Serializer):
    organizations = serializers.IntegerField()
    ties = serializers.IntegerField()
    density = serializers.FloatField()
    reciprocity = serializers.FloatField(allow_null=True)
    trust = serializers.FloatField(allow_null=True)
    value = serializers.FloatField(allow_null=True)


class OverallSerializer(serializers.Serializer):
    belonging = serializers.FloatField(allow_null=True)
    satisfaction = serializers.FloatField(allow_null=True)


class SurveySummarySerializer(serializers.Serializer):
    """What every partner sees of a round: the response rate and the network as a whole; the mean
    belonging and satisfaction once enough organisations answered (survey.access.MIN_RATERS)."""

    round = SurveyRoundSerializer()
    response_rate = ResponseRateSerializer()
    network = NetworkSerializer()
    overall = OverallSerializer(allow_null=True)


class TableSerializer(serializers.ModelSerializer):
    link = serializers.SerializerMethodField()

    class Meta:
        model = Table
        fields = ["id", "source", "table_id", "title", "frequency", "updated", "fetched_at", "link"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_link(self, table):
        return table_link(table)


class SeriesSerializer(serializers.ModelSerializer):
    codes = serializers.DictField(child=serializers.CharField())
    labels = serializers.DictField(child=serializers.CharField())

    class Meta:
        model = Series
        fields = ["id", "key", "codes", "labels", "area_code", "measure_code", "unit", "decimals"]


class ObservationRow(serializers.Serializer):
    """One cell of a table, as a tidy row."""

    table = serializers.CharField()
    series = serializers.IntegerField()
    area_code = serializers.CharField()
    measure_code = serializers.CharField()
    period = serializers.DateField()
    period_code = serializers.CharField()
    value = serializers.FloatField(allow_null=True)
    status = serializers.CharField()


class FigureValueSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True)
    complete = serializers.BooleanField()


class FigureSerializer(serializers.Serializer):
    """A key figure of the area for a month (a sum, or a rate of sums), and the whole country's."""

    measure = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    is_rate = serializers.BooleanField()
    month = serializers.DateField()
    current = FigureValueSerializer()
    previous = FigureValueSerializer()
    year_ago = FigureValueSerializer()
    country = FigureValueSerializer()
    complete = serializers.BooleanField()
    provenance = serializers.DictField()
