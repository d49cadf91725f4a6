"""Collaboration processes, the service catalogue, agreements, commitments and the collaboration model.

Everything belongs to one employment area: a process, service, agreement or model version by its
``area`` column, a step through its process, a commitment through its organisation.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import (
    EmploymentArea,
    Forum,
    Municipality,
    Organization,
    Person,
    TargetGroup,
    Visibility,
)
from verkko.goals.models import Action, Goal
from verkko.lib.formatting import format_date


class Audience(models.TextChoices):
    JOB_SEEKERS = "job_seekers", _("job seekers")
    EMPLOYERS = "employers", _("employers")


class Service(models.Model):
    """A service of an organisation for job seekers or employers, and how to refer a person to it."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("entered in Verkko")
        ROLE_TEXT = "role_text", _("moved from the organisation's role text")
        PTV = "ptv", _("imported from the national service catalogue")

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="services", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audience = models.CharField(_("for"), max_length=20, choices=Audience.choices, default=Audience.JOB_SEEKERS)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="services", verbose_name=_("target groups")
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="services",
        verbose_name=_("municipalities served"),
        help_text=_("Leave empty when the service serves the whole area."),
    )
    referral_phone = models.CharField(_("referral by phone"), max_length=60, blank=True)
    referral_email = models.EmailField(_("referral by e-mail"), blank=True)
    referral_form_url = models.URLField(_("referral form"), max_length=500, blank=True)
    walk_in = models.CharField(
        _("walk-in"),
        max_length=300,
        blank=True,
        help_text=_("Where and when a person can come without an appointment."),
    )
    contact_person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("contact person"),
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        help_text=_("Language codes separated by commas, for example fi, sv, en."),
    )
    cost = models.CharField(_("cost"), max_length=200, blank=True, help_text=_("For example free of charge."))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    ptv_id = models.CharField(_("id in the national service catalogue"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            # A re-import finds the service it made before by its PTV id.
            models.UniqueConstraint(
                fields=["area", "ptv_id"], condition=~Q(ptv_id=""), name="processes_service_unique_ptv_id_in_area"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("processes:service", args=[self.uuid])

    @property
    def language_codes(self):
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class PtvOrganization(models.Model):
    """An organisation's id in the national service catalogue (Palvelutietovaranto), for its imports."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="ptv", verbose_name=_("organisation")
    )
    ptv_id = models.UUIDField(_("id in the national service catalogue"))
    imported_at = models.DateTimeField(_("last imported"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation in the national service catalogue")
        verbose_name_plural = _("organisations in the national service catalogue")

    def __str__(self):
        return f"{self.organization}: {self.ptv_id}"


class Process(models.Model):
    """A collaboration process: who does what, step by step, when something happens."""

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="processes", verbose_name=_("employment area")
    )
    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Unique within the employment area."))
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    trigger = models.TextField(
        _("trigger"),
        blank=True,
        help_text=_("What starts the process, for example change negotiations at a company of more than 20 employees."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="processes", verbose_name=_("target groups")
    )
    forums = models.ManyToManyField(Forum, blank=True, related_name="processes", verbose_name=_("owning forums"))
    goals = models.ManyToManyField(Goal, blank=True, related_name="processes", verbose_name=_("goals it serves"))
    owner = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_processes",
        verbose_name=_("owner"),
    )
    review_on = models.DateField(_("review date"), null=True, blank=True)
    reminded_for = models.DateField(_("reminder sent for the review date"), null=True, blank=True, editable=False)
    visibility = models.CharField(_("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="processes_process_unique_slug_in_area"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("processes:process", args=[self.slug])

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC


class ProcessStep(models.Model):
    """One step of a process: the actor responsible, the partners, the time frame and the services used."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="steps", verbose_name=_("process"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    responsible = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="process_steps", verbose_name=_("responsible actor")
    )
    partners = models.ManyToManyField(
        Organization, blank=True, related_name="partner_process_steps", verbose_name=_("partners involved")
    )
    time_frame = models.CharField(
        _("time frame"), max_length=200, blank=True, help_text=_("For example within a week of the notice.")
    )
    services = models.ManyToManyField(
        Service, blank=True, related_name="process_steps", verbose_name=_("services used")
    )

    class Meta:
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")
        ordering = ["process", "number"]
        constraints = [
            models.UniqueConstraint(fields=["process", "number"], name="processes_processstep_unique_number"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Agreement(models.Model):
    """A collaboration agreement between actors of the area, followed by a forum."""

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    scope = models.TextField(_("scope"), blank=True)
    parties = models.ManyToManyField(Organization, related_name="agreements", verbose_name=_("parties"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    review_on = models.DateField(_("review date"), null=True, blank=True)
    reminded_for = models.DateField(_("reminder sent for the review date"), null=True, blank=True, editable=False)
    forum = models.ForeignKey(
        Forum,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("forum that follows it"),
    )
    visibility = models.CharField(_("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["ends_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="processes_agreement_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("processes:agreement", args=[self.uuid])

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    def ends_within(self, days, today=None):
        today = today or timezone.localdate()
        return self.ends_on is not None and 0 <= (self.ends_on - today).days <= days


class AgreementDocument(models.Model):
    """A file of an agreement: the signed agreement, an annex."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="documents", verbose_name=_("agreement")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="agreements/%Y/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement document")
        verbose_name_plural = _("agreement documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("processes:document", args=[self.uuid])


class Commitment(models.Model):
    """What one party commits to an agreement or an action: person-months, euros or something in kind."""

    class Kind(models.TextChoices):
        PERSON_MONTHS = "person_months", _("person-months")
        EUROS = "euros", _("euros")
        IN_KIND = "in_kind", _("in kind")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("party")
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("agreement"),
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="commitments", verbose_name=_("action")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Person-months or euros; for something in kind, its value in euros if known."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    starts_on = models.DateField(_("period start"))
    ends_on = models.DateField(_("period end"))

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__isnull=False, action__isnull=True)
                | Q(agreement__isnull=True, action__isnull=False),
                name="processes_commitment_agreement_or_action",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="processes_commitment_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="processes_commitment_amount_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.organization}: {self.get_kind_display()} {self.amount or ''}".strip()


class ModelVersion(models.Model):
    """A dated, adopted version of the area's collaboration model: the document's data as JSON."""

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="model_versions", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("For example the steering group's decision."))
    content = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of the collaboration model")
        verbose_name_plural = _("versions of the collaboration model")
        ordering = ["-adopted_on", "-created_at"]

    def __str__(self):
        return f"{self.title} ({format_date(self.adopted_on)})"

    def get_absolute_url(self):
        return reverse("processes:version", args=[self.uuid])
