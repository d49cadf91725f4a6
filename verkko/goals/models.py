"""Shared goals, their indicators and targets, the actions that serve them and their check-ins."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import Decision, EmploymentArea, Forum, Organization, Person, ReferenceArea, Visibility
from verkko.goals import status
from verkko.lib.formatting import format_date
from verkko.stats.models import Frequency, Series


class Confidence(models.TextChoices):
    ON_TRACK = status.ON_TRACK, _("on track")
    AT_RISK = status.AT_RISK, _("at risk")
    OFF_TRACK = status.OFF_TRACK, _("off track")


class Status(models.TextChoices):
    """An indicator's or goal's status light (DESIGN.md, "Indicator status")."""

    ON_TRACK = status.ON_TRACK, _("on track")
    AT_RISK = status.AT_RISK, _("at risk")
    OFF_TRACK = status.OFF_TRACK, _("off track")
    NO_DATA = status.NO_DATA, _("no data")


class Goal(models.Model):
    """A shared goal of the employment area, owned by a forum, public or for partners only."""

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="goals", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("The goal's address on the web, unique within the employment area.")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner_forum = models.ForeignKey(
        Forum, on_delete=models.SET_NULL, null=True, blank=True, related_name="goals", verbose_name=_("owner forum")
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent goal"),
    )
    visibility = models.CharField(_("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC)
    indicators = models.ManyToManyField("Indicator", blank=True, related_name="goals", verbose_name=_("indicators"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="goals_goal_ends_after_start"),
            models.UniqueConstraint(fields=["area", "slug"], name="goals_goal_unique_slug_in_area"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goals:goal", kwargs={"key": self.slug})

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC


class Indicator(models.Model):
    """A measure of a goal: from a statistics series, an area figure, or values entered by hand."""

    class Polarity(models.TextChoices):
        HIGHER = status.HIGHER, _("higher is better")
        LOWER = status.LOWER, _("lower is better")

    class Source(models.TextChoices):
        SERIES = "series", _("a statistics series")
        AREA = "area", _("an employment-area figure summed from its municipalities")
        MANUAL = "manual", _("values entered by hand or imported from CSV")

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("employment area")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("The indicator's address on the web, unique within the employment area.")
    )
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("For example persons or %."))
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0, validators=[MaxValueValidator(4)])
    polarity = models.CharField(_("polarity"), max_length=10, choices=Polarity.choices, default=Polarity.HIGHER)
    frequency = models.CharField(_("frequency"), max_length=1, choices=Frequency.choices, default=Frequency.MONTHLY)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("statistics series"),
    )
    table_id = models.CharField(_("statistical table"), max_length=100, blank=True, help_text=_("For example 12r5."))
    measure_code = models.CharField(
        _("measure code"), max_length=100, blank=True, help_text=_("For example TYOTTOMATLOPUSSA.")
    )
    denominator_code = models.CharField(
        _("denominator measure code"),
        max_length=100,
        blank=True,
        help_text=_("For a rate: the measure the sum is divided by, for example TYOVOIMATK. The rate is in per cent."),
    )
    statistics_area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("area of the figure"),
    )
    # Another employment area of Statistics Finland's classification, whether or not it runs here:
    # the figure is summed over its municipalities.
    statistics_reference_area = models.ForeignKey(
        ReferenceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employment area of the figure"),
    )
    baseline_period = models.DateField(_("baseline period"), null=True, blank=True)
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline_period__isnull=True, baseline_value__isnull=True)
                | Q(baseline_period__isnull=False, baseline_value__isnull=False),
                name="goals_indicator_baseline_complete",
            ),
            models.UniqueConstraint(fields=["area", "slug"], name="goals_indicator_unique_slug_in_area"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("goals:indicator", kwargs={"key": self.slug})

    @property
    def baseline(self):
        return (self.baseline_period, self.baseline_value) if self.baseline_period else None

    @property
    def is_statistical(self):
        return self.source in (self.Source.SERIES, self.Source.AREA)


class IndicatorValue(models.Model):
    """A value entered by hand or imported from CSV for an indicator without a statistics source."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    period = models.DateField(_("period"))
    value = models.FloatField(_("value"))

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="goals_indicatorvalue_unique_period"),
        ]

    def __str__(self):
        return f"{self.indicator} {self.period}: {self.value}"


class Target(models.Model):
    """The value an indicator should reach by a period."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    period = models.DateField(_("period"))
    value = models.FloatField(_("target value"))

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="goals_target_unique_period"),
        ]

    def __str__(self):
        return f"{self.indicator} {self.period}: {self.value}"


class TurnTheCurve(models.Model):
    """The "turn the curve" note of an indicator: the story behind it and what to do next."""

    indicator = models.OneToOneField(
        Indicator, on_delete=models.CASCADE, related_name="turn_the_curve", verbose_name=_("indicator")
    )
    story = models.TextField(_("story behind the curve"), max_length=4000, blank=True)
    partners = models.TextField(_("partners with a role"), max_length=4000, blank=True)
    what_works = models.TextField(_("what works"), max_length=4000, blank=True)
    next_steps = models.TextField(_("next steps"), max_length=4000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("turn-the-curve note")
        verbose_name_plural = _("turn-the-curve notes")

    def __str__(self):
        return str(self.indicator)


class Action(models.Model):
    """Something organisations do together for one or more goals, led by one of them."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        UNDER_WAY = "under_way", _("under way")
        DONE = "done", _("done")
        DELAYED = "delayed", _("delayed")
        CANCELLED = "cancelled", _("cancelled")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    goals = models.ManyToManyField(Goal, blank=True, related_name="actions", verbose_name=_("goals"))
    lead_organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="led_actions", verbose_name=_("lead organisation")
    )
    partner_organizations = models.ManyToManyField(
        Organization, blank=True, related_name="partner_actions", verbose_name=_("partner organisations")
    )
    responsible_person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("responsible person"),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    check_in_rhythm_days = models.PositiveSmallIntegerField(
        _("check-in rhythm (days)"),
        default=30,
        validators=[MinValueValidator(1)],
        help_text=_("The action is flagged when it has gone longer than this without a check-in."),
    )
    decision = models.OneToOneField(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action",
        verbose_name=_("decision"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="goals_action_progress_at_most_100"),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(starts_on__isnull=True) | Q(due_on__gte=models.F("starts_on")),
                name="goals_action_due_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goals:action", kwargs={"key": self.uuid})

    @property
    def is_open(self):
        return self.status not in (self.Status.DONE, self.Status.CANCELLED)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today

    def last_check_in(self):
        return max(self.check_ins.all(), key=lambda check_in: check_in.created_at, default=None)

    def check_in_due_on(self):
        """The last day of the rhythm for the next check-in (None when the action is closed): counted
        from the last check-in, else from its start or, when it was recorded after it started, from
        its recording."""
        if not self.is_open:
            return None
        last = self.last_check_in()
        recorded = timezone.localdate(self.created_at)
        since = timezone.localdate(last.created_at) if last else max(self.starts_on or recorded, recorded)
        return since + timedelta(days=self.check_in_rhythm_days)

    def needs_check_in(self, today=None):
        """Open and longer than its rhythm without a check-in (see check_in_due_on)."""
        due = self.check_in_due_on()
        return due is not None and (today or timezone.localdate()) > due


class Milestone(models.Model):
    """A step of an action with its due date; done when it has a completion date."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("action"))
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title


class CheckIn(models.Model):
    """A progress report on an action; kept as history, never edited."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="check_ins", verbose_name=_("action"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="check_ins",
        verbose_name=_("author"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        related_name="check_ins",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    status = models.CharField(_("status"), max_length=20, choices=Action.Status.choices)
    confidence = models.CharField(_("confidence"), max_length=20, choices=Confidence.choices)
    narrative = models.TextField(_("what happened"), max_length=2000)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="goals_checkin_progress_at_most_100"),
        ]

    def __str__(self):
        return f"{self.action} {format_date(self.created_at)}"
