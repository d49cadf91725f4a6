"""Forms for goals, indicators, targets, values, actions, milestones and check-ins."""

import csv
import math

from django import forms
from django.utils import timezone
from django.utils.formats import sanitize_separators
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import Forum, Organization, Person
from verkko.goals import sources, status
from verkko.goals.models import Action, CheckIn, Confidence, Goal, Indicator, Milestone, TurnTheCurve
from verkko.lib.exports import TableTooLarge, csv_table
from verkko.lib.formatting import format_quantity
from verkko.lib.translated import language_fields
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
            *language_fields("title"),
            "slug",
            *language_fields("description"),
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
        self.fields["indicators"].help_text = gettext(
            "The indicators of the area. To make a new one for this goal, save the goal and choose "
            "“Add a new indicator” on its page."
        )

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
    """An indicator set up by choosing, never by typing codes: its kind; for a statistics figure a
    measure of a stored table (grouped by the table's title) and the place by name; for a rate the
    measure it is divided by. The codes are saved behind the choices. Fields that do not apply to the
    kind are ignored here and hidden on the page."""

    COUNT, RATE, MANUAL = "count", "rate", "manual"
    KINDS = [
        (COUNT, _("A figure from the statistics, such as the number of unemployed jobseekers")),
        (RATE, _("A rate from the statistics: one figure divided by another, in per cent")),
        (MANUAL, _("Values entered by hand or imported from a CSV file")),
    ]
    STATISTICAL = (COUNT, RATE)
    # The fields only some kinds use, in the groups the page shows or hides together.
    GROUPS = [
        ((COUNT, RATE, MANUAL), ["kind", *language_fields("name"), "slug", *language_fields("definition")]),
        ((COUNT, RATE), ["measure"]),
        ((RATE,), ["denominator"]),
        ((COUNT, RATE), ["place"]),
        ((MANUAL,), ["frequency"]),
        (
            (COUNT, RATE, MANUAL),
            [
                *language_fields("unit"),
                "decimals",
                "polarity",
                "baseline_period_text",
                "baseline_value",
                "allow_worse_targets",
            ],
        ),
    ]

    kind = forms.ChoiceField(label=_("Kind of indicator"), choices=KINDS, widget=forms.RadioSelect)
    measure = forms.ChoiceField(
        label=_("Figure"),
        required=False,
        help_text=_("Grouped by statistical table. Only tables with figures for this employment area are listed."),
    )
    denominator = forms.ChoiceField(
        label=_("Divided by"),
        required=False,
        help_text=_("A figure of the same table, for example the labour force. The rate is in per cent."),
    )
    place = forms.ChoiceField(label=pgettext_lazy("whose figures", "Place"), required=False)
    baseline_period_text = forms.CharField(
        label=_("baseline period"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"list": "indicator-periods", "autocomplete": "off"}),
    )
    # Shown only when the indicator has targets: a change of polarity or baseline re-checks them.
    allow_worse_targets = forms.BooleanField(
        label=_("The targets allow the figure to get worse than its baseline"),
        required=False,
        help_text=_("Tick only if this is meant, for example to limit a rise the area cannot prevent."),
    )

    class Meta:
        model = Indicator
        fields = [
            *language_fields("name"),
            "slug",
            *language_fields("definition", "unit"),
            "decimals",
            "polarity",
            "frequency",
            "baseline_value",
        ]
        widgets = {"polarity": forms.RadioSelect}

    def __init__(self, *args, area, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        instance = self.instance
        self.fields["slug"].required = False
        self.fields["slug"].label = _("address")
        self.fields["slug"].help_text = gettext(
            "Made from the name when left empty; you may change it. Unique within the employment area."
        )
        self.fields["frequency"].required = False
        self.fields["baseline_period_text"].help_text = gettext(
            "A month like December 2024 or 12/2024, a quarter like 2024Q4, a year like 2024. For a "
            "statistics figure, the periods the figures have are offered."
        )
        measures = sources.measure_choices(area)
        self.fields["measure"].choices = [("", "---------"), *measures]
        self.fields["denominator"].choices = [("", "---------"), *measures]
        self.fields["place"].choices = [("", "---------"), *sources.place_choices(area)]
        self.periods = sources.offered_periods(area)
        if instance.pk:
            self.initial.setdefault("kind", self.kind_of(instance))
            if instance.baseline_period:
                self.initial["baseline_period_text"] = periods.label(instance.baseline_period, instance.frequency)
            if instance.is_statistical:
                self.initial["measure"] = sources.measure_value(instance.table_id, instance.measure_code)
                if instance.denominator_code:
                    self.initial["denominator"] = sources.measure_value(instance.table_id, instance.denominator_code)
                self.initial["place"] = self.place_of(instance)
        if kind in dict(self.KINDS):
            self.initial["kind"] = kind
        self.targets = list(instance.targets.values_list("period", "value")) if instance.pk else []
        if not self.targets:
            del self.fields["allow_worse_targets"]

    @classmethod
    def kind_of(cls, indicator):
        if not indicator.is_statistical:
            return cls.MANUAL
        return cls.RATE if indicator.denominator_code else cls.COUNT

    def place_of(self, indicator):
        """The place choice of a saved statistics indicator."""
        if indicator.source == Indicator.Source.SERIES:
            return indicator.series.area_code if indicator.series_id else ""
        reference = indicator.statistics_reference_area or (
            indicator.statistics_area.reference_area
            if indicator.statistics_area_id and indicator.statistics_area_id != self.area.pk
            else None
        )
        return f"{sources.OTHER_AREA_PREFIX}{reference.code}" if reference else sources.THIS_AREA

    @property
    def chosen_kind(self):
        """The kind the form is for: as submitted, else as given or saved; None before it is chosen."""
        if self.is_bound:
            submitted = self.data.get("kind")
            if submitted in dict(self.KINDS):
                return submitted
        return self.initial.get("kind")

    def groups(self):
        """[(kinds, [bound field])] for the page, which hides the groups other kinds use."""
        return [(kinds, [self[name] for name in names if name in self.fields]) for kinds, names in self.GROUPS]

    def clean_slug(self):
        if not self.cleaned_data.get("slug"):
            return ""  # made from the name in clean()
        return _clean_slug(self, Indicator)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        self._make_slug(cleaned)
        if kind in self.STATISTICAL:
            self._clean_statistics(cleaned, kind)
        elif kind == self.MANUAL:
            if not cleaned.get("frequency"):
                self.add_error("frequency", gettext("Choose one."))
            cleaned.update(
                source=Indicator.Source.MANUAL,
                series=None,
                table_id="",
                measure_code="",
                denominator_code="",
                statistics_area=None,
                statistics_reference_area=None,
            )
        self._clean_baseline(cleaned)
        self._check_targets(cleaned)
        return cleaned

    def _make_slug(self, cleaned):
        """An address made from the name when none is given; -2, -3 … when another holds it already."""
        if cleaned.get("slug") or self.has_error("slug") or not cleaned.get("name_fi"):
            return
        base = (slugify(cleaned["name_fi"]) or "mittari")[:110].strip("-")
        taken = set(
            Indicator.objects.filter(area=self.area).exclude(pk=self.instance.pk).values_list("slug", flat=True)
        )
        taken |= RESERVED_SLUGS
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        cleaned["slug"] = slug

    def _clean_statistics(self, cleaned, kind):
        """The table, codes and source of a statistics figure, from the measure and place chosen by name;
        they go into the cleaned values beside the form's own fields."""
        required = ["measure", "place", *(["denominator"] if kind == self.RATE else [])]
        for name in required:
            if not cleaned.get(name):
                self.add_error(name, gettext("Choose one."))
        if any(self.has_error(name) for name in required):
            return
        table_id, measure_code = sources.split_measure(cleaned["measure"])
        denominator_code = ""
        if kind == self.RATE:
            denominator_table, denominator_code = sources.split_measure(cleaned["denominator"])
            if denominator_table != table_id:
                self.add_error("denominator", gettext("Choose a figure of the same table as the first one."))
                return
            if denominator_code == measure_code:
                self.add_error("denominator", gettext("A figure divided by itself is no rate; choose another."))
                return
        table = preferred_table(table_id)
        place = cleaned["place"]
        codes = sources.place_codes(place, self.area)
        if table is None or not all(
            sources.has_figures(table, code, codes) for code in filter(None, (measure_code, denominator_code))
        ):
            self.add_error("place", gettext("The table has no figures of this place."))
            return
        cleaned.update(
            table_id=table_id,
            measure_code=measure_code,
            denominator_code=denominator_code,
            frequency=sources.frequency_of(table),
        )
        if place == sources.THIS_AREA or place.startswith(sources.OTHER_AREA_PREFIX):
            cleaned.update(
                source=Indicator.Source.AREA,
                series=None,
                statistics_area=self.area if place == sources.THIS_AREA else None,
                statistics_reference_area=sources.reference_area_of(place),
            )
        else:
            cleaned.update(
                source=Indicator.Source.SERIES,
                series=sources.find_series(table, measure_code, place),
                statistics_area=None,
                statistics_reference_area=None,
            )
        if kind == self.RATE and not cleaned.get("unit_fi"):
            cleaned["unit_fi"] = "%"

    def _clean_baseline(self, cleaned):
        """The baseline period is read once, here, whole: a text that names no period of the indicator's
        frequency is an error, never cut short."""
        frequency = cleaned.get("frequency") or self.instance.frequency
        text = cleaned.get("baseline_period_text", "").strip()
        value = cleaned.get("baseline_value")
        cleaned["baseline_period"] = None
        if text:
            period = periods.Period.read(text)
            if period is None:
                self.add_error(
                    "baseline_period_text",
                    gettext("“%(text)s” is not a period. Write it like %(example)s.")
                    % {"text": text, "example": _how_to_write(frequency)},
                )
            elif period.frequency != frequency:
                self.add_error(
                    "baseline_period_text",
                    gettext("“%(text)s” is not a period of this indicator. Write it like %(example)s.")
                    % {"text": text, "example": _how_to_write(frequency)},
                )
            else:
                cleaned["baseline_period"] = period.first_day
        if bool(text) != (value is not None):
            self.add_error("baseline_value", gettext("Give both the baseline period and its value, or neither."))

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
        unit = cleaned.get("unit_fi", saved.unit_fi)
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


class PeriodValueForm(forms.Form):
    """A period and a value: a target, or a value entered by hand."""

    period = forms.CharField(label=_("period"), max_length=40)
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
            *language_fields("title", "description"),
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
