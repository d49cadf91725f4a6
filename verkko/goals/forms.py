"""Forms for goals, indicators, targets, values, actions, milestones and check-ins."""

import csv
import math

from django import forms
from django.utils import timezone
from django.utils.formats import sanitize_separators
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import Forum, Organization, Person
from verkko.goals import status
from verkko.goals.models import Action, CheckIn, Confidence, Goal, Indicator, Milestone, TurnTheCurve
from verkko.lib.exports import TableTooLarge, csv_table
from verkko.lib.formatting import format_quantity
from verkko.stats import periods
from verkko.stats.figures import preferred_table

RESERVED_SLUGS = {"new"}
MAX_CSV_BYTES = 1_000_000
MAX_CSV_ROWS = 10_000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _how_to_write(frequency):
    """For example "10/2026 or 2026M10": the label people read, or the statistics code."""
    code = periods.EXAMPLES[frequency]
    label = periods.label(periods.parse(code, frequency), frequency)
    return code if label == code else gettext("%(label)s or %(code)s") % {"label": label, "code": code}


def _period_help(frequency):
    return gettext("For example %(example)s.") % {"example": _how_to_write(frequency)}


def parse_period(text, frequency):
    period = periods.parse(text, frequency)
    if period is None:
        raise forms.ValidationError(
            gettext("“%(text)s” is not a period of this indicator. Write it like %(example)s.")
            % {"text": text, "example": _how_to_write(frequency)}
        )
    return period


def _clean_slug(form, model):
    """A slug that is not reserved and not taken by another goal (or indicator) of the same area."""
    slug = form.cleaned_data["slug"]
    if slug in RESERVED_SLUGS:
        raise forms.ValidationError(gettext("This address is reserved; choose another."))
    taken = model.objects.filter(area=form.area, slug=slug)
    if form.instance.pk:
        taken = taken.exclude(pk=form.instance.pk)
    if taken.exists():
        raise forms.ValidationError(gettext("This address is already in use in this employment area; choose another."))
    return slug


def parse_number(text):
    """A number written the Finnish way (12 345,6) or the international way (12345.6)."""
    cleaned = sanitize_separators(str(text).strip().replace("\u00a0", "").replace(" ", "")).replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise forms.ValidationError(gettext("“%(text)s” is not a number.") % {"text": text}) from None
    if not math.isfinite(number):  # nan, inf, 1e400
        raise forms.ValidationError(gettext("“%(text)s” is not a number.") % {"text": text})
    return number


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = [
            "title",
            "slug",
            "description",
            "owner_forum",
            "parent",
            "starts_on",
            "ends_on",
            "visibility",
            "indicators",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "indicators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["owner_forum"].queryset = Forum.objects.filter(area=area, archived_at=None)
        parents = Goal.objects.filter(area=area)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["indicators"].queryset = Indicator.objects.filter(area=area)

    def clean_slug(self):
        return _clean_slug(self, Goal)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", gettext("The end must not be before the start."))
        parent = cleaned.get("parent")
        if parent and self.instance.pk:
            ancestor = parent
            while ancestor is not None:
                if ancestor.pk == self.instance.pk:
                    self.add_error("parent", gettext("A goal cannot be its own sub-goal."))
                    break
                ancestor = ancestor.parent
        return cleaned


class IndicatorForm(forms.ModelForm):
    series_area_code = forms.CharField(
        label=_("area code of the series"),
        required=False,
        max_length=50,
        help_text=_("For a statistics series: the area's code, for example KU564 or SSS."),
    )
    baseline_period_code = forms.CharField(label=_("baseline period"), required=False, max_length=10)
    # Shown only when the indicator has targets: a change of polarity or baseline re-checks them.
    allow_worse_targets = forms.BooleanField(
        label=_("The targets allow the figure to get worse than its baseline"),
        required=False,
        help_text=_("Tick only if this is meant, for example to limit a rise the area cannot prevent."),
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "slug",
            "definition",
            "unit",
            "decimals",
            "polarity",
            "frequency",
            "source",
            "table_id",
            "measure_code",
            "series_area_code",
            "denominator_code",
            "statistics_area",
            "baseline_period_code",
            "baseline_value",
        ]
        widgets = {"polarity": forms.RadioSelect, "source": forms.RadioSelect}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["baseline_period_code"].help_text = gettext(
            "As the frequency is: a month 12/2024 or 2024M12, a quarter Q4/2024 or 2024Q4, a year 2024."
        )
        instance = self.instance
        if instance.pk:
            if instance.baseline_period:
                self.initial["baseline_period_code"] = periods.label(instance.baseline_period, instance.frequency)
            if instance.series_id:
                self.initial["series_area_code"] = instance.series.area_code
        self.targets = list(instance.targets.values_list("period", "value")) if instance.pk else []
        if not self.targets:
            del self.fields["allow_worse_targets"]

    def clean_slug(self):
        return _clean_slug(self, Indicator)

    def clean(self):
        cleaned = super().clean()
        frequency = cleaned.get("frequency")
        source = cleaned.get("source")
        period_code = cleaned.get("baseline_period_code", "").strip()
        value = cleaned.get("baseline_value")
        if frequency and period_code:
            period = periods.parse(period_code, frequency)
            if period is None:
                self.add_error(
                    "baseline_period_code",
                    gettext("Write the period like %(example)s.") % {"example": _how_to_write(frequency)},
                )
            self.instance.baseline_period = period
        else:
            self.instance.baseline_period = None
        if bool(period_code) != (value is not None):
            self.add_error("baseline_value", gettext("Give both the baseline period and its value, or neither."))
        if source in (Indicator.Source.SERIES, Indicator.Source.AREA):
            for name in ("table_id", "measure_code"):
                if not cleaned.get(name):
                    self.add_error(name, gettext("A statistics source needs this."))
        if source == Indicator.Source.SERIES and cleaned.get("table_id") and cleaned.get("measure_code"):
            self.instance.series = self._find_series(cleaned)
        elif source != Indicator.Source.SERIES:
            self.instance.series = None
        self._check_targets(cleaned)
        return cleaned

    def _check_targets(self, cleaned):
        """Refuse a polarity or baseline that turns existing targets the wrong way, unless confirmed.

        The instance still holds the saved values here: the form copies the new ones onto it after clean().
        """
        if not self.targets or cleaned.get("allow_worse_targets") or self.has_error("baseline_value"):
            return
        polarity, baseline = cleaned.get("polarity"), cleaned.get("baseline_value")
        if polarity is None:
            return
        saved = self.instance
        turned = status.targets_turned_wrong_way(
            self.targets, before=(saved.polarity, saved.baseline_value), after=(polarity, baseline)
        )
        if not turned:
            return
        frequency = cleaned.get("frequency") or saved.frequency
        decimals = cleaned.get("decimals", saved.decimals)
        unit = cleaned.get("unit", saved.unit)
        named = ", ".join(
            f"{format_quantity(value, decimals, unit)} ({periods.label(period, frequency)})" for period, value in turned
        )
        self.add_error(
            "polarity" if polarity != saved.polarity else "baseline_value",
            gettext(
                "With this polarity and baseline, these targets point the wrong way, as they are worse than the "
                "baseline %(baseline)s (%(polarity)s): %(targets)s. Check the values, or tick the box below if "
                "this is meant."
            )
            % {
                "targets": named,
                "baseline": format_quantity(baseline, decimals, unit),
                "polarity": Indicator.Polarity(polarity).label,
            },
        )

    def _find_series(self, cleaned):
        table = preferred_table(cleaned["table_id"])
        area_code = cleaned.get("series_area_code", "").strip().upper()
        series = None
        if table is not None:
            series = (
                table.series.filter(measure_code=cleaned["measure_code"], area_code=area_code).order_by("key").first()
            )
        if series is None:
            self.add_error(
                "series_area_code", gettext("No statistics series with this table, measure and area was found.")
            )
        return series


class PeriodValueForm(forms.Form):
    """A period and a value: a target, or a value entered by hand."""

    period = forms.CharField(label=_("period"), max_length=10)
    value = forms.CharField(label=_("value"), max_length=30)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["period"].help_text = _period_help(indicator.frequency)

    def clean_period(self):
        return parse_period(self.cleaned_data["period"], self.indicator.frequency)

    def clean_value(self):
        return parse_number(self.cleaned_data["value"])


class TargetForm(PeriodValueForm):
    """A target; one that is worse than the baseline for the indicator's polarity (higher when lower is
    better) is refused unless the coordinator confirms that the target allows the figure to worsen."""

    allow_worse = forms.BooleanField(
        label=_("The target allows the figure to get worse than its baseline"),
        required=False,
        help_text=_("Tick only if this is meant, for example to limit a rise the area cannot prevent."),
    )

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get("value")
        indicator = self.indicator
        if (
            value is not None
            and not cleaned.get("allow_worse")
            and status.points_wrong_way(indicator.polarity, indicator.baseline_value, value)
        ):
            self.add_error(
                "value",
                gettext(
                    "This target points the wrong way: %(polarity)s, and the target %(target)s is worse than the "
                    "baseline %(baseline)s. Check the value, or tick the box below if this is meant."
                )
                % {
                    "polarity": indicator.get_polarity_display(),
                    "target": format_quantity(value, indicator.decimals, indicator.unit),
                    "baseline": format_quantity(indicator.baseline_value, indicator.decimals, indicator.unit),
                },
            )
        return cleaned


# The headings of a values file in Finnish, Swedish or English.
VALUE_HEADINGS = [[period, value] for period in ("period", "jakso", "kausi") for value in ("value", "arvo", "värde")]


class ValuesImportForm(forms.Form):
    """A CSV file with the columns period and value; imported only when every row is right."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Two columns with a heading row: period and value. Separated by commas or semicolons."),
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(gettext("The file is too large (at most 1 MB)."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(gettext("The file is not UTF-8 text.")) from None
        # The heading row holds no separators but the file's own (the commonest of them there).
        delimiter = max([",", ";", "\t"], key=text.split("\n", 1)[0].count)
        try:
            table = csv_table(text, delimiter=delimiter, max_rows=MAX_CSV_ROWS)
        except TableTooLarge:
            message = gettext("The file has more than %(count)s rows.") % {"count": MAX_CSV_ROWS}
            raise forms.ValidationError(message) from None
        except csv.Error:
            message = gettext("The file is not a readable CSV file (is a cell very long?).")
            raise forms.ValidationError(message) from None
        reader = iter(table)
        header = [cell.strip().lower() for cell in next(reader, [])]
        if header[:2] not in VALUE_HEADINGS:
            raise forms.ValidationError(gettext("The first row must be the headings: period, value."))
        rows, errors, seen = [], [], set()
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if delimiter == "," and len(row) == 3 and row[2].strip().isdigit():
                row = [row[0], f"{row[1]},{row[2]}"]  # a Finnish decimal comma in a comma-separated file: 12,5
            if len(row) < 2:
                errors.append(gettext("Row %(row)s: a period and a value are needed.") % {"row": number})
                continue
            try:
                period = parse_period(row[0], self.indicator.frequency)
                value = parse_number(row[1])
            except forms.ValidationError as error:
                errors.append(gettext("Row %(row)s: %(error)s") % {"row": number, "error": " ".join(error.messages)})
                continue
            if period in seen:
                errors.append(gettext("Row %(row)s: the period appears twice.") % {"row": number})
                continue
            seen.add(period)
            rows.append((period, value))
        if errors:
            raise forms.ValidationError(errors)
        if not rows:
            raise forms.ValidationError(gettext("The file has no values."))
        return rows


class TurnTheCurveForm(forms.ModelForm):
    class Meta:
        model = TurnTheCurve
        fields = ["story", "partners", "what_works", "next_steps"]


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "title",
            "description",
            "goals",
            "lead_organization",
            "partner_organizations",
            "responsible_person",
            "starts_on",
            "due_on",
            "status",
            "progress",
            "check_in_rhythm_days",
        ]
        widgets = {
            "starts_on": DateInput(),
            "due_on": DateInput(),
            "goals": forms.CheckboxSelectMultiple,
            "partner_organizations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organization.objects.filter(area=area, archived_at=None)
        self.fields["goals"].queryset = Goal.objects.filter(area=area)
        self.fields["lead_organization"].queryset = organisations
        self.fields["partner_organizations"].queryset = organisations
        self.fields["responsible_person"].queryset = Person.objects.filter(
            organization__area=area, erased_at=None
        ).select_related("organization")

    def clean(self):
        cleaned = super().clean()
        starts_on, due_on = cleaned.get("starts_on"), cleaned.get("due_on")
        if starts_on and due_on and due_on < starts_on:
            self.add_error("due_on", gettext("The due date must not be before the start."))
        return cleaned


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "done_on"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("done_on") and cleaned["done_on"] > timezone.localdate():
            self.add_error("done_on", gettext("A milestone cannot be done in the future."))
        return cleaned


class CheckInForm(forms.ModelForm):
    class Meta:
        model = CheckIn
        fields = ["progress", "status", "confidence", "narrative"]
        widgets = {"confidence": forms.RadioSelect, "narrative": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices to make, without Django's empty "---------" choice.
        self.fields["status"].choices = Action.Status.choices
        self.fields["confidence"].choices = Confidence.choices


class MonitoringFilterForm(forms.Form):
    """The monitoring view's filters (a GET form)."""

    forum = forms.ModelChoiceField(
        label=_("Owner forum"), queryset=Forum.objects.none(), required=False, empty_label=_("all")
    )
    organization = forms.ModelChoiceField(
        label=_("Organisation with actions"), queryset=Organization.objects.none(), required=False, empty_label=_("all")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, forums, organizations, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = forums
        self.fields["forum"].to_field_name = "slug"
        self.fields["organization"].queryset = organizations
        self.fields["organization"].to_field_name = "slug"
        self.fields["status"].choices = [("", gettext("all"))] + list(statuses)
