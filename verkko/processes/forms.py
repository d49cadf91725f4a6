"""Forms of the processes app: they validate; the actions write."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem import forms as ecosystem_forms
from verkko.ecosystem.models import Forum, Municipality, Organization, Person
from verkko.goals.access import area_actions
from verkko.goals.models import Goal
from verkko.lib.translated import language_fields
from verkko.processes.models import Agreement, AgreementDocument, Commitment, Process, ProcessStep, Service

DATE_WIDGET = ecosystem_forms.DATE_WIDGET
LANGUAGE_CODES = {"fi", "sv", "en", "se", "ru", "et", "ar", "so", "uk", "fa", "ku"}


def _organizations(area):
    return Organization.objects.filter(area=area, archived_at__isnull=True).order_by("name")


class ProcessForm(forms.ModelForm):
    class Meta:
        model = Process
        fields = ["name", "purpose", "trigger", "target_groups", "forums", "goals", "owner", "review_on", "visibility"]
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "forums": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "review_on": DATE_WIDGET,
        }

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forums"].queryset = Forum.objects.filter(area=area, archived_at__isnull=True).order_by("name")
        self.fields["goals"].queryset = Goal.objects.filter(area=area).order_by("title")
        self.fields["owner"].queryset = _organizations(area)


class StepForm(forms.ModelForm):
    number = forms.IntegerField(
        label=_("number"), min_value=1, max_value=500, required=False, help_text=_("Empty: the step comes last.")
    )

    class Meta:
        model = ProcessStep
        fields = ["number", "title", "description", "responsible", "partners", "time_frame", "services"]
        widgets = {"partners": forms.CheckboxSelectMultiple, "services": forms.CheckboxSelectMultiple}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = _organizations(area)
        self.fields["partners"].queryset = _organizations(area)
        self.fields["services"].queryset = Service.objects.filter(area=area).select_related("organization")
        self.fields["services"].label_from_instance = lambda service: f"{service.name} ({service.organization})"


class ResponsibilityForm(ecosystem_forms.ResponsibilityForm):
    pass


class ServiceForm(forms.ModelForm):
    referral_form_url = forms.URLField(label=_("referral form"), required=False, assume_scheme="https", max_length=500)

    class Meta:
        model = Service
        fields = [
            "organization",
            *language_fields("name", "description"),
            "audience",
            "target_groups",
            "municipalities",
            "referral_phone",
            "referral_email",
            "referral_form_url",
            "walk_in",
            "contact_person",
            "languages",
            "cost",
        ]
        widgets = {"target_groups": forms.CheckboxSelectMultiple, "municipalities": forms.CheckboxSelectMultiple}

    def __init__(self, *args, area, organization_ids=None, **kwargs):
        """organization_ids: the organisations the user may add services for (None: all of the area)."""
        super().__init__(*args, **kwargs)
        organizations = _organizations(area)
        if organization_ids is not None:
            organizations = organizations.filter(pk__in=organization_ids)
        self.fields["organization"].queryset = organizations
        self.fields["municipalities"].queryset = Municipality.objects.filter(area=area).order_by("name_fi")
        self.fields["contact_person"].queryset = Person.objects.filter(
            organization__in=organizations, erased_at__isnull=True, left_at__isnull=True
        ).select_related("organization")

    def clean_languages(self):
        codes = [code.strip().lower() for code in self.cleaned_data["languages"].split(",") if code.strip()]
        unknown = [code for code in codes if code not in LANGUAGE_CODES]
        if unknown:
            raise ValidationError(
                _("Unknown language codes: %(codes)s. Use two-letter codes such as fi, sv, en."),
                params={"codes": ", ".join(unknown)},
            )
        return ", ".join(dict.fromkeys(codes))

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("contact_person")
        organization = cleaned.get("organization")
        if person and organization and person.organization_id != organization.pk:
            self.add_error("contact_person", _("The contact person must work in the service's organisation."))
        return cleaned


class ServiceSearchForm(forms.Form):
    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=200,
        help_text=_("In plain words, for example: palvelut nuorelle Kempeleessä."),
    )
    audience = forms.ChoiceField(
        label=_("For"),
        required=False,
        choices=[("", _("job seekers and employers"))] + list(Service._meta.get_field("audience").choices),
    )
    organization = forms.ModelChoiceField(label=_("Organisation"), required=False, queryset=Organization.objects.none())

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _organizations(area).filter(services__isnull=False).distinct()


class PtvImportForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organisation"), queryset=Organization.objects.none())
    ptv_id = forms.UUIDField(
        label=_("Organisation's id in the national service catalogue"),
        help_text=_(
            "The organisation's id (a UUID) in Palvelutietovaranto, for example at palvelutietovaranto.suomi.fi."
        ),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _organizations(area)


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "scope", "parties", "starts_on", "ends_on", "review_on", "forum", "visibility"]
        widgets = {
            "parties": forms.CheckboxSelectMultiple,
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "review_on": DATE_WIDGET,
        }

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = _organizations(area)
        self.fields["forum"].queryset = Forum.objects.filter(area=area, archived_at__isnull=True).order_by("name")

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end cannot be before the start."))
        parties = cleaned.get("parties")
        if parties is not None and len(parties) < 2:
            self.add_error("parties", _("An agreement has at least two parties."))
        return cleaned


class DocumentForm(forms.ModelForm):
    class Meta:
        model = AgreementDocument
        fields = ["title", "file"]

    clean_file = ecosystem_forms.AttachmentForm.clean_file


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["organization", "kind", "amount", "description", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}

    def __init__(self, *args, area, parties=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = parties if parties is not None else _organizations(area)
        today = timezone.localdate()
        self.fields["starts_on"].initial = today.replace(month=1, day=1)
        self.fields["ends_on"].initial = today.replace(month=12, day=31)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end cannot be before the start."))
        amount = cleaned.get("amount")
        if amount is not None and amount < 0:
            self.add_error("amount", _("The amount cannot be negative."))
        if cleaned.get("kind") in (Commitment.Kind.PERSON_MONTHS, Commitment.Kind.EUROS) and amount is None:
            self.add_error("amount", _("Give the amount of person-months or euros."))
        if cleaned.get("kind") == Commitment.Kind.IN_KIND and not cleaned.get("description"):
            self.add_error("description", _("Describe what is committed in kind."))
        return cleaned


class ActionCommitmentForm(CommitmentForm):
    action = forms.ModelChoiceField(label=_("Action"), queryset=None)
    field_order = ["action"]

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, area=area, **kwargs)
        self.fields["action"].queryset = area_actions(area).order_by("title")


class VersionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DATE_WIDGET)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the steering group's decision."),
    )


class CompareForm(forms.Form):
    older = forms.UUIDField(label=_("Older version"))
    newer = forms.UUIDField(label=_("Newer version"))
