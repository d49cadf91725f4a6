"""Forms of the partner survey: a round's dates and organisations, and the two parts of an answer."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from verkko.ecosystem.access import visible_organizations
from verkko.survey.models import Response, Tie

LIKERT_CHOICES = [
    (1, _("1 – not at all")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – very much")),
]
SCORE_CHOICES = [
    ("", "–"),
    (1, _("1 – not at all")),
    (2, _("2 – a small amount")),
    (3, _("3 – a fair amount")),
    (4, _("4 – a great deal")),
]
LEVEL_HELP = _(
    "Cooperative: you share information and refer clients. Coordinated: you plan and act together on some "
    "things. Integrated: you share goals, resources and decisions."
)
TRUST_QUESTIONS = {
    "trust_openness": _("Openness: how open is this organisation to discussion and new ideas?"),
    "trust_reliability": _("Reliability: how well does this organisation keep its word?"),
    "trust_mission": _("Shared mission: how far does this organisation share the ecosystem's goals?"),
}
VALUE_QUESTIONS = {
    "value_influence": _("Influence: how much say does this organisation have in employment matters of the area?"),
    "value_resources": _("Resources: how much does this organisation bring to the work (people, money, know-how)?"),
    "value_involvement": _("Involvement: how actively does this organisation take part in the joint work?"),
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example Partner survey autumn 2026."))
    opens_on = forms.DateField(label=_("Opens"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes"), widget=DateInput(), help_text=_("The last day to answer."))
    organizations = forms.ModelMultipleChoiceField(
        label=_("Organisations asked to answer"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least two organisations.")},
    )

    def __init__(self, *args, area, answered_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.answered_ids = set(answered_ids)
        self.fields["organizations"].queryset = visible_organizations(area).order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("The round cannot close before it opens."))
        chosen = data.get("organizations")
        if chosen is not None:
            if len(chosen) < 2:
                self.add_error("organizations", _("Choose at least two organisations."))
            missing = self.answered_ids - {organization.pk for organization in chosen}
            if missing:
                self.add_error(
                    "organizations", _("An organisation that has already answered cannot be taken off the round.")
                )
        return data


class AnswerForm(forms.Form):
    """Part 1: the organisation's own questions, and the organisations it works with."""

    belonging = forms.TypedChoiceField(
        label=_("How strongly does your organisation feel part of the employment ecosystem of the area?"),
        choices=LIKERT_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied is your organisation with the collaboration in the ecosystem?"),
        choices=LIKERT_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    contributions = forms.MultipleChoiceField(
        label=_("What does your organisation contribute to the ecosystem?"),
        choices=Response.Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contribution_other = forms.CharField(label=_("Something else: what?"), max_length=200, required=False)
    partners = forms.ModelMultipleChoiceField(
        label=_("Which of these organisations does your organisation work with?"),
        help_text=_("You rate the chosen organisations on the next page."),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comments = forms.CharField(
        label=_("Comments on the collaboration (optional)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = partners


class TieForm(forms.Form):
    """Part 2: one chosen organisation: how often, at which level, trust and value."""

    frequency = forms.ChoiceField(
        label=_("How often do you work together?"),
        choices=[("", "–"), *Tie.Frequency.choices],
        required=False,
    )
    level = forms.ChoiceField(
        label=_("Level of collaboration"),
        choices=[("", "–"), *Tie.Level.choices],
        required=False,
        help_text=LEVEL_HELP,
    )

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, prefix=f"tie-{partner.pk}", **kwargs)
        self.partner = partner
        for name, question in {**TRUST_QUESTIONS, **VALUE_QUESTIONS}.items():
            self.fields[name] = forms.TypedChoiceField(
                label=question, choices=SCORE_CHOICES, coerce=int, empty_value=None, required=False
            )

    def trust_fields(self):
        return [self[name] for name in TRUST_QUESTIONS]

    def value_fields(self):
        return [self[name] for name in VALUE_QUESTIONS]


SUBMIT = "submit"
SAVE_DRAFT = "draft"
CONTINUE = "continue"
BUTTON_LABELS = {
    SAVE_DRAFT: pgettext_lazy("survey button", "Save as a draft"),
    CONTINUE: pgettext_lazy("survey button", "Save and rate the chosen organisations"),
    SUBMIT: pgettext_lazy("survey button", "Submit the answer"),
}


class ResultsFilterForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Level of collaboration"),
        choices=[("", _("all levels")), *[choice for choice in Tie.Level.choices if choice[0] != Tie.Level.NONE]],
        required=False,
    )
