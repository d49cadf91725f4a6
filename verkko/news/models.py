"""Keeping partners up to date: news, events and sign-ups, follows, calendar tokens and digests."""

import secrets
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import EmploymentArea, Forum, Organization


class Audience(models.TextChoices):
    """Who reads a news item or sees an event."""

    PUBLIC = "public", _("everyone")
    PARTNERS = "partners", _("all partners of the area")
    FORUMS = "forums", _("members of chosen forums")


class NewsItem(models.Model):
    """A news item of the area, in Markdown, published at a set time to its audience."""

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="news_items", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown: **bold**, *italic*, lists, links."))
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC)
    forums = models.ManyToManyField(Forum, blank=True, related_name="news_items", verbose_name=_("forums"))
    author_organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        verbose_name=_("author organisation"),
    )
    publish_at = models.DateTimeField(_("published at"), help_text=_("The item shows from this time on."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    is_demo = models.BooleanField(_("invented demo item"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-publish_at"]
        indexes = [models.Index(fields=["area", "publish_at"], name="news_newsitem_area_publish")]

    def __str__(self):
        return self.title


class NewsAttachment(models.Model):
    """A file attached to a news item, served only through an access check."""

    news_item = models.ForeignKey(
        NewsItem, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("news item")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="news/%Y/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title


class Event(models.Model):
    """An event of the area: a time and a place or an online link, with a sign-up or a registration link."""

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="events", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    forum = models.ForeignKey(
        Forum, on_delete=models.SET_NULL, null=True, blank=True, related_name="events", verbose_name=_("forum")
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC)
    forums = models.ManyToManyField(Forum, blank=True, related_name="audience_events", verbose_name=_("forums"))
    organizer = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organiser"),
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("Registration elsewhere; leave empty to sign up in Verkko.")
    )
    signup_enabled = models.BooleanField(_("sign-up in Verkko"), default=False)
    seat_limit = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Empty: no limit.")
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    is_demo = models.BooleanField(_("invented demo event"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="news_event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(seat_limit__isnull=True) | Q(seat_limit__gte=1), name="news_event_seat_limit_positive"
            ),
        ]
        indexes = [models.Index(fields=["area", "starts_at"], name="news_event_area_starts")]

    def __str__(self):
        return self.title

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None


class Registration(models.Model):
    """A user's sign-up for an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("user")
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="news_registration_unique_user_per_event"),
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"


class Follow(models.Model):
    """A user follows a forum, goal, indicator or organisation of an area."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows", verbose_name=_("user")
    )
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.CASCADE, related_name="follows", verbose_name=_("employment area")
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("type"))
    subject_id = models.PositiveBigIntegerField(_("object"))
    subject = GenericForeignKey("subject_type", "subject_id")
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "subject_type", "subject_id"], name="news_follow_unique_user_subject"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.subject}"


class Reading(models.Model):
    """When a user last read an area's "what's new", and how often they want a digest of it."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("weekly")
        MONTHLY = "monthly", _("monthly")
        NEVER = "never", _("never")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="readings", verbose_name=_("user")
    )
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.CASCADE, related_name="readings", verbose_name=_("employment area")
    )
    last_seen_at = models.DateTimeField(_("last read what's new"), null=True, blank=True)
    digest_frequency = models.CharField(_("digest"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        constraints = [models.UniqueConstraint(fields=["user", "area"], name="news_reading_unique_user_area")]

    def __str__(self):
        return f"{self.user} – {self.area}"


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in the address of a user's private calendar feed; renewing it closes the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token", verbose_name=_("user")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self):
        return str(self.user)


class Digest(models.Model):
    """One digest e-mail of one user, area and period: claimed before it is sent, so that it goes once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests", verbose_name=_("user")
    )
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.CASCADE, related_name="digests", verbose_name=_("employment area")
    )
    frequency = models.CharField(_("frequency"), max_length=10, choices=Reading.Frequency.choices)
    period_start = models.DateTimeField(_("period starts"))
    period_end = models.DateTimeField(_("period ends"))
    claimed_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    # Nothing new for the user in the period: recorded as done, and no e-mail is sent.
    empty = models.BooleanField(_("empty, not sent"), default=False)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "area", "frequency", "period_start"], name="news_digest_unique_user_area_period"
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}"


class Notification(models.Model):
    """An e-mail Verkko sent at once (a reminder, a signal to verify …), recorded so it goes only once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("user")
    )
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("employment area")
    )
    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(
        _("key"), max_length=200, help_text=_("What the e-mail was about, e.g. an action and a date.")
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="news_notification_unique_user_kind_key"),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.user}"


class IndicatorStatusSeen(models.Model):
    """The status an indicator had when followers were last told, so that a change is told once."""

    indicator = models.OneToOneField(
        "goals.Indicator", on_delete=models.CASCADE, related_name="+", verbose_name=_("indicator")
    )
    status = models.CharField(_("status"), max_length=20)
    # The status before the last change; empty when the status was first recorded (nobody was told).
    previous_status = models.CharField(_("previous status"), max_length=20, blank=True)
    period = models.DateField(_("period"), null=True, blank=True)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("indicator status told")
        verbose_name_plural = _("indicator statuses told")

    def __str__(self):
        return f"{self.indicator_id}: {self.status}"
