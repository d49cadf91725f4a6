"""Forms of news, events and sign-ups: they validate; the actions write."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.forms import AttachmentForm
from verkko.ecosystem.models import Forum
from verkko.news import access
from verkko.news.models import Audience, Event, NewsAttachment, NewsItem, Reading

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class _AudienceMixin:
    """Audience "members of chosen forums" needs at least one forum; forums only of the area."""

    def _set_up_audience(self, user, area, author_field):
        self.fields["forums"].queryset = Forum.objects.filter(area=area, archived_at__isnull=True).order_by("name")
        organizations = access.writable_organizations(user, area).order_by("name")
        field = self.fields[author_field]
        field.queryset = organizations
        # A partner editor writes in the name of their organisation; a coordinator may write for the area.
        field.required = not access.is_coordinator(user, area)
        field.empty_label = _("the employment area (coordinators)") if not field.required else None

    def _check_audience(self, cleaned):
        if cleaned.get("audience") == Audience.FORUMS and not cleaned.get("forums"):
            self.add_error("forums", _("Choose the forums whose members read this."))
        if cleaned.get("audience") != Audience.FORUMS:
            cleaned["forums"] = []


class NewsItemForm(_AudienceMixin, forms.ModelForm):
    class Meta:
        model = NewsItem
        fields = ["title", "body", "audience", "forums", "author_organization", "publish_at"]
        widgets = {
            "publish_at": DATETIME_WIDGET,
            "body": forms.Textarea(attrs={"rows": 12}),
            "forums": forms.CheckboxSelectMultiple,
            "audience": forms.RadioSelect,
        }

    def __init__(self, *args, user, area, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_audience(user, area, "author_organization")
        self.fields["publish_at"].help_text = _("The item shows from this time on; a later time schedules it.")

    def clean(self):
        cleaned = super().clean()
        self._check_audience(cleaned)
        return cleaned


class NewsAttachmentForm(AttachmentForm):
    """The same files, size limit and checks as a meeting's attachments."""

    class Meta(AttachmentForm.Meta):
        model = NewsAttachment


class EventForm(_AudienceMixin, forms.ModelForm):
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")
    registration_url = forms.URLField(
        label=_("registration link"),
        required=False,
        assume_scheme="https",
        help_text=_("Registration elsewhere; leave empty to sign up in Verkko."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "forum",
            "audience",
            "forums",
            "organizer",
            "registration_url",
            "signup_enabled",
            "seat_limit",
        ]
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "description": forms.Textarea(attrs={"rows": 6}),
            "forums": forms.CheckboxSelectMultiple,
            "audience": forms.RadioSelect,
        }

    def __init__(self, *args, user, area, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_audience(user, area, "organizer")
        self.fields["forum"].queryset = Forum.objects.filter(area=area, archived_at__isnull=True).order_by("name")
        self.fields["forum"].help_text = _("The forum that holds the event, if any.")

    def clean(self):
        cleaned = super().clean()
        self._check_audience(cleaned)
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event must not end before it starts."))
        if not cleaned.get("place") and not cleaned.get("online_url"):
            raise ValidationError(_("Give a place or an online link."))
        if cleaned.get("registration_url") and cleaned.get("signup_enabled"):
            self.add_error("signup_enabled", _("Choose either a registration link or sign-up in Verkko, not both."))
        if cleaned.get("seat_limit") and not cleaned.get("signup_enabled"):
            self.add_error("seat_limit", _("A seat limit needs sign-up in Verkko."))
        return cleaned


class DigestFrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Digest by e-mail"), choices=Reading.Frequency.choices, widget=forms.RadioSelect
    )
