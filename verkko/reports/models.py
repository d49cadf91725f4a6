"""A monitoring report as it was published: what it showed, frozen at the moment of publishing."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verkko.ecosystem.models import EmploymentArea
from verkko.stats.models import Frequency
from verkko.stats.periods import Period


class PublishedReport(models.Model):
    """The monitoring report of one month of an area, as a coordinator published it.

    content is the snapshot of everything the report shows (verkko.reports.snapshot), with each
    goal's visibility, so that the HTML, PDF and XLSX are rendered from it for every reader and
    nothing done later (not even a change dated back into the month) alters it.
    """

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="published_reports", verbose_name=_("employment area")
    )
    period = models.DateField(_("month"), help_text=_("The first day of the month reported."))
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("published monitoring report")
        verbose_name_plural = _("published monitoring reports")
        ordering = ["-period"]
        constraints = [
            models.UniqueConstraint(fields=["area", "period"], name="reports_publishedreport_unique_month_in_area"),
        ]

    def __str__(self):
        return f"{self.area} {self.month.label}"

    @property
    def month(self):
        return Period(self.period, Frequency.MONTHLY)
