"""Forms of the ecosystem registry: they validate; the actions write."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem import importing
from verkko.ecosystem.models import (
    Decision,
    Forum,
    ForumMember,
    Meeting,
    MeetingAttachment,
    Municipality,
    Organization,
    Person,
    Responsibility,
    Role,
    TargetGroup,
)
from verkko.lib.translated import language_fields
from verkko.lib.uploads import content_matches

MAX_ATTACHMENT_BYTES = getattr(settings, "MEETING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
_OFFICE = b"PK\x03\x04"
# Extension → (content type served, how the file must begin); None = a text file.
ATTACHMENT_TYPES = {
    ".pdf": ("application/pdf", b"%PDF"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _OFFICE),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _OFFICE),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _OFFICE),
    ".odt": ("application/vnd.oasis.opendocument.text", _OFFICE),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", _OFFICE),
    ".odp": ("application/vnd.oasis.opendocument.presentation", _OFFICE),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".txt": ("text/plain; charset=utf-8", None),
    ".csv": ("text/csv; charset=utf-8", None),
}
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OrganizationForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            *language_fields("name"),
            "type",
            "municipality",
            "business_id",
            "website",
            *language_fields("description"),
            "target_groups",
        ]
        widgets = {"target_groups": forms.CheckboxSelectMultiple}

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        # The area's own municipalities (and the one already chosen, should it have left the area).
        offered = Q(area=area)
        if self.instance.municipality_id:
            offered |= Q(pk=self.instance.municipality_id)
        self.fields["municipality"].queryset = Municipality.objects.filter(offered).order_by("name_fi")

    def clean_name_fi(self):
        name = self.cleaned_data["name_fi"].strip()
        others = Organization.objects.filter(area=self.area, name_fi__iexact=name).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("The area already has an organisation with this name."))
        return name


class RoleForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = language_fields("summary", "responsibilities", "services_for_job_seekers", "services_for_employers")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary_fi"].required = True  # a described role starts with its summary


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "title",
            "email",
            "phone",
            "show_publicly",
            "show_email_publicly",
            "show_phone_publicly",
            "left_at",
        ]
        widgets = {"left_at": DATE_WIDGET}
        help_texts = {
            "show_publicly": _("Only with the person's consent. Signed-in partners always see the contact details."),
            "left_at": _("When the person left; their data is erased after the retention period."),
        }


def _area_organizations(area):
    return Organization.objects.filter(area=area, archived_at__isnull=True).order_by("name")


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = [
            *language_fields("name"),
            "level",
            *language_fields("purpose"),
            "parent",
            "chair",
            "secretary",
            "meeting_rhythm",
            "visibility",
        ]

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Forum.objects.filter(area=area, archived_at__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["chair"].queryset = _area_organizations(area)
        self.fields["secretary"].queryset = _area_organizations(area)

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        ancestor = parent
        while ancestor is not None and self.instance.pk:
            if ancestor.pk == self.instance.pk:
                raise ValidationError(_("A forum cannot be under itself."))
            ancestor = ancestor.parent
        return parent


class ForumMemberForm(forms.ModelForm):
    class Meta:
        model = ForumMember
        fields = ["organization", "person", "role"]

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _area_organizations(forum.area)
        self.fields["person"].queryset = Person.objects.filter(
            organization__area=forum.area, erased_at__isnull=True, left_at__isnull=True
        ).select_related("organization")
        self.fields["person"].label_from_instance = lambda person: f"{person.full_name} ({person.organization})"

    def validate_unique(self):
        """Adding an organisation or person again changes their role instead (actions.add_forum_member)."""

    def clean(self):
        cleaned = super().clean()
        person, organization = cleaned.get("person"), cleaned.get("organization")
        if person and organization and person.organization_id != organization.pk:
            self.add_error("person", _("The person is not of this organisation."))
        return cleaned


class ForumMemberRemoveForm(forms.Form):
    member = forms.ModelChoiceField(queryset=ForumMember.objects.none(), label=_("Member to remove"))

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = forum.members.all()


class MeetingForm(forms.ModelForm):
    starts_at = forms.DateTimeField(label=_("starts"), widget=DATETIME_WIDGET)
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = ["starts_at", "place", "online_url", "agenda", "minutes", "attendees"]
        widgets = {"attendees": forms.CheckboxSelectMultiple}

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = _area_organizations(forum.area)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("place") and not cleaned.get("online_url") and not self.errors:
            raise ValidationError(_("Give a place or an online link."))
        return cleaned


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = MeetingAttachment
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG or JPEG; at most %(limit)s."
        ) % {"limit": filesizeformat(MAX_ATTACHMENT_BYTES)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = PurePath(upload.name).suffix.lower()
        if extension not in ATTACHMENT_TYPES:
            raise ValidationError(
                _("Files of type “%(extension)s” are not accepted. Accepted: %(accepted)s."),
                params={"extension": extension or "?", "accepted": ", ".join(sorted(ATTACHMENT_TYPES))},
            )
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                _("The file is %(size)s; at most %(limit)s is accepted."),
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_ATTACHMENT_BYTES)},
            )
        if upload.size == 0:
            raise ValidationError(_("The file is empty."))
        # By content, not by name: the signature, an Office file's parts, a text file's UTF-8.
        if not content_matches(extension, upload):
            raise ValidationError(
                _("The file's content does not match its extension “%(extension)s”."), params={"extension": extension}
            )
        return upload


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "responsible_organization", "responsible_person", "due_date"]
        widgets = {"due_date": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_organization"].queryset = _area_organizations(forum.area)
        self.fields["responsible_person"].queryset = Person.objects.filter(
            organization__area=forum.area, erased_at__isnull=True
        ).select_related("organization")
        self.fields["responsible_person"].label_from_instance = lambda p: f"{p.full_name} ({p.organization})"


class ResponsibilityForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Organisation"))
    level = forms.ChoiceField(
        label=_("Responsibility"),
        choices=[("", _("none (remove)"))] + list(Responsibility.Level.choices),
        required=False,
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _area_organizations(area)


def _blank_choice(choices):
    return [("", _("all"))] + list(choices)


class WhoDoesWhatFilterForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=100)
    type = forms.ChoiceField(label=_("Type"), required=False, choices=_blank_choice(Organization.Type.choices))
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    target_group = forms.ChoiceField(
        label=_("Target group"), required=False, choices=_blank_choice(TargetGroup.Code.choices)
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = Municipality.objects.filter(organizations__area=area).distinct().order_by("name_fi")
        self.fields["municipality"].choices = _blank_choice((m.code, m.name) for m in municipalities)


class MapFilterForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), required=False, choices=_blank_choice(Forum.Level.choices))
    type = forms.ChoiceField(
        label=_("Organisation type"), required=False, choices=_blank_choice(Organization.Type.choices)
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), min_length=2, max_length=100)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[("organisations", _("organisations")), ("people", _("contact people")), ("forums", _("forums"))],
        widget=forms.RadioSelect,
        initial="organisations",
    )
    file = forms.FileField(label=_("File (CSV or XLSX)"))

    def clean(self):
        cleaned = super().clean()
        if "file" in cleaned and not self.errors:
            try:
                cleaned["rows"] = importing.read_rows(cleaned["file"])
            except importing.ImportFileError as error:
                self.add_error("file", str(error))
        return cleaned


# Employment areas


class MunicipalityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, municipality):
        if municipality.area_id is None:
            return municipality.name
        return _("%(municipality)s (in %(area)s)") % {"municipality": municipality.name, "area": municipality.area}


class AreaForm(forms.Form):
    """A superuser sets up an employment area (ecosystem.actions.create_area checks it again)."""

    name = forms.CharField(label=_("Name in Finnish"), max_length=200)
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=200)
    name_en = forms.CharField(label=_("Name in English"), max_length=200)
    slug = forms.CharField(
        label=_("Address"),
        max_length=50,
        help_text=_("The first part of the area's addresses, for example oulu in /fi/oulu/: a–z, digits, hyphens."),
    )
    reference_area = forms.ModelChoiceField(
        label=_("Employment area of the classification"),
        queryset=Municipality.objects.none(),
        to_field_name="code",
        required=False,
        help_text=_("The area of Statistics Finland's classification that this one corresponds to, if any."),
    )
    municipalities = MunicipalityChoiceField(
        label=_("Member municipalities"),
        queryset=Municipality.objects.none(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    host_municipality = forms.ModelChoiceField(
        label=_("Host municipality"), queryset=Municipality.objects.none(), to_field_name="code"
    )
    backbone_name = forms.CharField(
        label=_("Backbone organisation"),
        max_length=200,
        help_text=_("The organisation that runs the area, for example the host municipality's employment services."),
    )
    coordinator_email = forms.EmailField(
        label=_("E-mail address of the first coordinator"),
        help_text=_("They get an invitation by e-mail to coordinate the area."),
        error_messages={"invalid": _("Enter a valid e-mail address.")},
    )

    def __init__(self, *args, **kwargs):
        from verkko.ecosystem.models import ReferenceArea

        super().__init__(*args, **kwargs)
        municipalities = Municipality.objects.select_related("area").order_by("name_fi")
        self.fields["reference_area"].queryset = ReferenceArea.objects.order_by("name_fi")
        self.fields["municipalities"].queryset = municipalities
        self.fields["host_municipality"].queryset = municipalities

    @classmethod
    def initial_from(cls, reference_area):
        """Initial values taken from an area of the classification: its names, municipalities and host."""
        from django.utils.text import slugify

        return {
            "name": reference_area.name_fi,
            "name_sv": reference_area.name_sv,
            "slug": slugify(reference_area.name_fi)[:50],
            "reference_area": reference_area.code,
            "municipalities": [m.code for m in reference_area.municipalities.all()],
            "host_municipality": getattr(reference_area.host_municipality, "code", None),
        }

    def clean_slug(self):
        from verkko.ecosystem.actions import check_area_slug

        return check_area_slug(self.cleaned_data["slug"])

    def clean_municipalities(self):
        from verkko.ecosystem.actions import check_free_municipalities

        municipalities = self.cleaned_data["municipalities"]
        check_free_municipalities(municipalities)
        return municipalities

    def clean(self):
        data = super().clean()
        host, municipalities = data.get("host_municipality"), data.get("municipalities")
        if host is not None and municipalities is not None and host not in municipalities:
            self.add_error("host_municipality", _("The host municipality must be one of the area's municipalities."))
        return data
