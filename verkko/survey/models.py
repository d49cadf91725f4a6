"""The partner survey: rounds of an area, the organisations invited to them, their answers and ties."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import EmploymentArea, Organization

LIKERT = [MinValueValidator(1), MaxValueValidator(5)]
SCORE = [MinValueValidator(1), MaxValueValidator(4)]


class SurveyRound(models.Model):
    """One round of the partner survey in one area: open between two days, for chosen organisations."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("not open yet")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="survey_rounds", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"), help_text=_("The last day on which answers can be given."))
    organizations = models.ManyToManyField(
        Organization, through="Participant", related_name="survey_rounds", verbose_name=_("organisations")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="survey_surveyround_closes_after_opening"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("survey:round", kwargs={"round_uuid": self.uuid})

    def status(self, today=None):
        today = today or timezone.localdate()
        if today < self.opens_on:
            return self.Status.UPCOMING
        if today > self.closes_on:
            return self.Status.CLOSED
        return self.Status.OPEN

    def get_status_display(self):
        return self.Status(self.status()).label

    def is_open(self, today=None):
        return self.status(today) == self.Status.OPEN

    def is_closed(self, today=None):
        return self.status(today) == self.Status.CLOSED


class Participant(models.Model):
    """An organisation chosen for a round: when it was invited and reminded (each once)."""

    round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="participants", verbose_name=_("survey round")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="survey_participations", verbose_name=_("organisation")
    )
    invited_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "organization"], name="survey_participant_unique_organisation"),
        ]

    def __str__(self):
        return f"{self.round}: {self.organization}"


class Response(models.Model):
    """An organisation's one answer to a round: a draft until it is submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    class Contribution(models.TextChoices):
        RESOURCES = "resources", _("resources (staff, premises, equipment)")
        EXPERTISE = "expertise", _("expertise")
        CONTACTS = "contacts", _("contacts and networks")
        DATA = "data", _("data and information")
        FACILITATION = "facilitation", _("facilitation and leadership")
        FUNDING = "funding", _("funding")
        OTHER = "other", _("something else")

    round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey round")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="survey_responses", verbose_name=_("organisation")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    belonging = models.PositiveSmallIntegerField(
        _("belonging to the ecosystem"), null=True, blank=True, validators=LIKERT
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction with the collaboration"), null=True, blank=True, validators=LIKERT
    )
    contributions = models.JSONField(_("contributions"), default=list, blank=True)
    contribution_other = models.CharField(_("other contribution"), max_length=200, blank=True)
    comments = models.TextField(_("comments"), max_length=4000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "organization"], name="survey_response_one_per_organisation"),
            models.CheckConstraint(
                condition=Q(belonging__isnull=True) | Q(belonging__gte=1, belonging__lte=5),
                name="survey_response_belonging_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__gte=1, satisfaction__lte=5),
                name="survey_response_satisfaction_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.round}: {self.organization}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    @property
    def contribution_labels(self):
        labels = dict(self.Contribution.choices)
        return [labels[code] for code in self.contributions if code in labels]


class Tie(models.Model):
    """What one answering organisation says of its work with another organisation of the round."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("weekly")
        MONTHLY = "monthly", _("monthly")
        QUARTERLY = "quarterly", _("a few times a year")
        YEARLY = "yearly", _("once a year or less")

    class Level(models.TextChoices):
        NONE = "none", _("none")
        COOPERATIVE = "cooperative", _("cooperative")
        COORDINATED = "coordinated", _("coordinated")
        INTEGRATED = "integrated", _("integrated")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="ties", verbose_name=_("answer"))
    partner = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="survey_ties_in", verbose_name=_("partner organisation")
    )
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices, blank=True)
    level = models.CharField(_("level of collaboration"), max_length=20, choices=Level.choices, blank=True)
    trust_openness = models.PositiveSmallIntegerField(_("openness"), null=True, blank=True, validators=SCORE)
    trust_reliability = models.PositiveSmallIntegerField(_("reliability"), null=True, blank=True, validators=SCORE)
    trust_mission = models.PositiveSmallIntegerField(_("shared mission"), null=True, blank=True, validators=SCORE)
    value_influence = models.PositiveSmallIntegerField(_("influence"), null=True, blank=True, validators=SCORE)
    value_resources = models.PositiveSmallIntegerField(_("resources"), null=True, blank=True, validators=SCORE)
    value_involvement = models.PositiveSmallIntegerField(_("involvement"), null=True, blank=True, validators=SCORE)

    TRUST_FIELDS = ("trust_openness", "trust_reliability", "trust_mission")
    VALUE_FIELDS = ("value_influence", "value_resources", "value_involvement")

    class Meta:
        verbose_name = _("collaboration tie")
        verbose_name_plural = _("collaboration ties")
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(fields=["response", "partner"], name="survey_tie_unique_partner"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 1, f"{name}__lte": 4}),
                    name=f"survey_tie_{name}_1_to_4",
                )
                for name in ("trust_openness", "trust_reliability", "trust_mission")
                + ("value_influence", "value_resources", "value_involvement")
            ],
        ]

    def __str__(self):
        return f"{self.response.organization} → {self.partner}"

    @staticmethod
    def _mean(values):
        given = [value for value in values if value is not None]
        return sum(given) / len(given) if given else None

    @property
    def trust(self):
        """The tie's trust score: the mean of openness, reliability and shared mission (1–4)."""
        return self._mean(getattr(self, name) for name in self.TRUST_FIELDS)

    @property
    def value(self):
        """The tie's value score: the mean of influence, resources and involvement (1–4)."""
        return self._mean(getattr(self, name) for name in self.VALUE_FIELDS)

    @property
    def is_working(self):
        """A tie of the network: the organisations work together at some level."""
        return bool(self.level) and self.level != self.Level.NONE
