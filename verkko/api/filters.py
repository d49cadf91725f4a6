"""The query parameters of the lists, validated like any input (a wrong value is a 400 per field).

The area is in the path; period, status, organisation and forum are parameters where the list
has them (each list's parameters are in the OpenAPI document).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from verkko.goals.models import Action, Status
from verkko.situation.models import Signal

STATUSES = Status.choices


class PeriodFilter(serializers.Serializer):
    period_from = serializers.DateField(required=False, help_text=_("From this day on (YYYY-MM-DD)."))
    period_to = serializers.DateField(required=False, help_text=_("Up to and including this day (YYYY-MM-DD)."))

    def validate(self, data):
        if data.get("period_from") and data.get("period_to") and data["period_to"] < data["period_from"]:
            raise serializers.ValidationError({"period_to": _("The end must not be before the start.")})
        return data


def _slug(help_text):
    return serializers.SlugField(required=False, max_length=120, help_text=help_text)


class NoFilter(serializers.Serializer):
    pass


class OrganisationFilter(serializers.Serializer):
    organisation = _slug(_("The slug of an organisation of the area."))


class ForumFilter(serializers.Serializer):
    forum = _slug(_("The slug of a forum of the area."))


class ForumStatusFilter(ForumFilter):
    status = serializers.ChoiceField(
        choices=[("open", "open"), ("archived", "archived")], required=False, help_text=_("Open or archived.")
    )


class MeetingFilter(ForumFilter, PeriodFilter):
    pass


class DecisionFilter(ForumFilter, OrganisationFilter, PeriodFilter):
    pass


class GoalFilter(ForumFilter, OrganisationFilter):
    status = serializers.ChoiceField(choices=STATUSES, required=False)


class IndicatorFilter(ForumFilter):
    status = serializers.ChoiceField(choices=STATUSES, required=False)


class ActionFilter(ForumFilter, OrganisationFilter, PeriodFilter):
    status = serializers.ChoiceField(choices=Action.Status.choices, required=False)
    goal = _slug(_("The slug of a goal of the area."))


class SignalFilter(OrganisationFilter, PeriodFilter):
    status = serializers.ChoiceField(choices=Signal.Status.choices, required=False)
    kind = serializers.ChoiceField(choices=Signal.Kind.choices, required=False)


class NewsFilter(ForumFilter, OrganisationFilter, PeriodFilter):
    pass


class EventFilter(ForumFilter, OrganisationFilter, PeriodFilter):
    status = serializers.ChoiceField(choices=[("planned", "planned"), ("cancelled", "cancelled")], required=False)


class ProcessFilter(ForumFilter, OrganisationFilter):
    pass


class ObservationFilter(PeriodFilter):
    measure = serializers.CharField(required=False, max_length=100, help_text=_("A content code, e.g. TYOTTOMAT."))
    area_code = serializers.CharField(required=False, max_length=50, help_text=_("An area code, e.g. KU564 or SSS."))


class SeriesFilter(serializers.Serializer):
    measure = serializers.CharField(required=False, max_length=100)
    area_code = serializers.CharField(required=False, max_length=50)


class FigureFilter(serializers.Serializer):
    month = serializers.DateField(required=False, help_text=_("Any day of the month; the latest month if left out."))
