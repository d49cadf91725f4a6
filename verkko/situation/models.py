"""Partners' signals of the labour market and the monthly review drafted from figures and signals."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from verkko.ecosystem.models import EmploymentArea, Municipality, Organization, Visibility
from verkko.lib.formatting import format_date
from verkko.stats.models import Frequency
from verkko.stats.periods import Period


class Industry(models.TextChoices):
    """Main classes (sections) A–U of the Standard Industrial Classification TOL 2008."""

    A = "A", _("A Agriculture, forestry and fishing")
    B = "B", _("B Mining and quarrying")
    C = "C", _("C Manufacturing")
    D = "D", _("D Electricity, gas, steam and air conditioning supply")
    E = "E", _("E Water supply; sewerage, waste management and remediation activities")
    F = "F", _("F Construction")
    G = "G", _("G Wholesale and retail trade; repair of motor vehicles and motorcycles")
    H = "H", _("H Transportation and storage")
    I = "I", _("I Accommodation and food service activities")  # noqa: E741
    J = "J", _("J Information and communication")
    K = "K", _("K Financial and insurance activities")
    L = "L", _("L Real estate activities")
    M = "M", _("M Professional, scientific and technical activities")
    N = "N", _("N Administrative and support service activities")
    O = "O", _("O Public administration and defence; compulsory social security")  # noqa: E741
    P = "P", _("P Education")
    Q = "Q", _("Q Human health and social work activities")
    R = "R", _("R Arts, entertainment and recreation")
    S = "S", _("S Other service activities")
    T = "T", _("T Activities of households as employers")
    U = "U", _("U Activities of extraterritorial organisations and bodies")


class OccupationGroup(models.TextChoices):
    """Major groups of the classification of occupations (ISCO-08, Ammattiluokitus 2010)."""

    MANAGERS = "1", _("1 Managers")
    PROFESSIONALS = "2", _("2 Professionals")
    TECHNICIANS = "3", _("3 Technicians and associate professionals")
    CLERICAL = "4", _("4 Clerical support workers")
    SERVICE_AND_SALES = "5", _("5 Service and sales workers")
    AGRICULTURAL = "6", _("6 Skilled agricultural, forestry and fishery workers")
    CRAFT = "7", _("7 Craft and related trades workers")
    OPERATORS = "8", _("8 Plant and machine operators and assemblers")
    ELEMENTARY = "9", _("9 Elementary occupations")
    ARMED_FORCES = "0", _("0 Armed forces occupations")


class Signal(models.Model):
    """Something a partner has seen happening: recruitment needs, lay-offs, a business opening …

    It counts in the situational picture once a coordinator of the area has verified it.
    """

    class Kind(models.TextChoices):
        RECRUITMENT = "recruitment", _("recruitment need")
        LAYOFFS = "layoffs", _("lay-offs or change negotiations")
        SKILLS_SHORTAGE = "skills_shortage", _("skills shortage")
        OPENING = "opening", _("business opening")
        CLOSURE = "closure", _("business closure")
        OTHER = "other", pgettext_lazy("kind of signal", "other")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("waiting for verification")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="signals", verbose_name=_("employment area")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("municipality"),
        help_text=_("Leave empty when the signal concerns the whole area."),
    )
    industry = models.CharField(_("industry (TOL 2008)"), max_length=1, choices=Industry.choices, blank=True)
    occupation_group = models.CharField(
        _("occupation group (ISCO-08)"), max_length=1, choices=OccupationGroup.choices, blank=True
    )
    headcount = models.PositiveIntegerField(
        _("number of people"), null=True, blank=True, help_text=_("Only when it is known.")
    )
    date = models.DateField(_("date"))
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Where the information comes from, e.g. a press release or a meeting.")
    )
    description = models.TextField(_("description"))
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PARTNERS
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_signals",
        verbose_name=_("reported by"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="signals",
        verbose_name=_("reporting organisation"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checked_signals",
        verbose_name=_("checked by"),
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    check_note = models.TextField(_("note from the check"), blank=True)
    is_demo = models.BooleanField(_("invented demo signal"), default=False)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-date", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(headcount__isnull=True) | Q(headcount__gte=1), name="situation_signal_headcount_positive"
            ),
        ]
        indexes = [models.Index(fields=["area", "status", "date"], name="situation_signal_area_date")]

    def __str__(self):
        return f"{self.get_kind_display()} {format_date(self.date)}"


class Review(models.Model):
    """The monthly employment review (työllisyyskatsaus) of an area, in Finnish, Swedish and English."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("employment area")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month the figures describe."))
    # title_fi, title_sv, title_en, text_fi …: translation.py (verkko.lib.translated).
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    from_demo_figures = models.BooleanField(_("written from invented demo figures"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("monthly review")
        verbose_name_plural = _("monthly reviews")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["area", "month"], name="situation_review_unique_area_month"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def period(self):
        """The month the review describes, as pages show it (verkko.stats.periods.Period)."""
        return Period(self.month, Frequency.MONTHLY)
