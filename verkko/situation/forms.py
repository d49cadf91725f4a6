from datetime import date

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import Municipality, Visibility
from verkko.lib.translated import language_fields
from verkko.situation.figures import month_name
from verkko.situation.measures import COUNTRY_CODE, KEY_MEASURES, all_measures
from verkko.situation.models import Industry, Review, Signal

YEAR_CHOICES = [("5", _("5 years")), ("10", _("10 years")), ("20", _("20 years"))]


class TrendFilterForm(forms.Form):
    """Which measure the charts show, and over how many years (GET)."""

    measure = forms.ChoiceField(label=_("Measure"), required=False)
    years = forms.ChoiceField(label=_("Period"), choices=YEAR_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [(m.code, str(m.label).capitalize()) for m in all_measures()]

    def measure_code(self):
        return (self.is_valid() and self.cleaned_data["measure"]) or KEY_MEASURES[0].code

    def years_back(self):
        return int((self.is_valid() and self.cleaned_data["years"]) or 5)


class MeasureForm(forms.Form):
    """Which key measure the municipality and area comparisons show (GET)."""

    measure = forms.ChoiceField(label=_("Measure"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [(m.code, str(m.label).capitalize()) for m in KEY_MEASURES]

    def measure_code(self):
        return (self.is_valid() and self.cleaned_data["measure"]) or KEY_MEASURES[0].code


class SignalForm(forms.ModelForm):
    class Meta:
        model = Signal
        fields = [
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
        ]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, area, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(area=area)
        self.fields["municipality"].empty_label = _("Whole area")
        self.fields["municipality"].help_text = ""
        self.fields["organization"].queryset = organizations
        self.fields["organization"].empty_label = None
        # The field's own message, not the database constraint's name, when someone types 0.
        self.fields["headcount"].validators.append(MinValueValidator(1))
        self.fields["headcount"].widget.attrs["min"] = 1


class SignalFilterForm(forms.Form):
    """Filters of the signals page (GET); every field optional."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False, to_field_name="code"
    )
    industry = forms.ChoiceField(label=_("Industry"), required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *Signal.Kind.choices]
        self.fields["industry"].choices = [("", _("All industries")), *Industry.choices]
        self.fields["municipality"].queryset = Municipality.objects.filter(area=area)
        self.fields["municipality"].empty_label = _("All municipalities")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", _("The end must not be before the start."))
        return cleaned

    def apply(self, signals):
        """The signals that pass the valid filters (an invalid form filters nothing)."""
        if not self.is_valid():
            return signals
        data = self.cleaned_data
        if data["kind"]:
            signals = signals.filter(kind=data["kind"])
        if data["municipality"]:
            signals = signals.filter(municipality=data["municipality"])
        if data["industry"]:
            signals = signals.filter(industry=data["industry"])
        if data["start"]:
            signals = signals.filter(date__gte=data["start"])
        if data["end"]:
            signals = signals.filter(date__lte=data["end"])
        return signals


class SignalCheckForm(forms.Form):
    """A coordinator's decision on a submitted signal, and who may see it (left out: unchanged)."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(Signal.Status.VERIFIED, _("Verify")), (Signal.Status.REJECTED, _("Reject"))],
        widget=forms.RadioSelect,
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only public verified signals go into the public monthly review."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, signal=None, **kwargs):
        super().__init__(*args, **kwargs)
        if signal is not None:
            self.fields["visibility"].initial = signal.visibility

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Signal.Status.REJECTED and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the signal is rejected."))
        return cleaned


class ReviewDraftForm(forms.Form):
    """The month a new review is drafted for: one of the months with figures and no review yet."""

    month = forms.ChoiceField(
        label=_("Month"),
        error_messages={"invalid_choice": _("Choose one of the months listed: each has figures and no review yet.")},
    )

    def __init__(self, *args, months, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(m.isoformat(), month_name(m)) for m in months]

    def clean_month(self):
        return date.fromisoformat(self.cleaned_data["month"])


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = language_fields("title", "text")
        widgets = {f"text_{language}": forms.Textarea(attrs={"rows": 16}) for language in ("fi", "sv", "en")}


class SkillsFilterForm(forms.Form):
    """Which place the skills-needs page shows (the area, a member municipality or the whole
    country) and its order (GET); every field optional."""

    place = forms.ChoiceField(label=_("Place"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("code", _("By the classification of occupations")),
            ("ratio", _("Shortest first: most vacancies per unemployed job seeker")),
        ],
    )

    def __init__(self, *args, area, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [
            ("", str(area)),
            *[(m.code, m.name) for m in municipalities],
            (COUNTRY_CODE, _("Whole country")),
        ]

    def chosen(self, field, default=""):
        return (self.is_valid() and self.cleaned_data[field]) or default
