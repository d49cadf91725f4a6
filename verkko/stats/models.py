"""Official statistics: tables, series, observations and the record of each import."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    MONTHLY = "M", _("monthly")
    QUARTERLY = "Q", _("quarterly")
    YEARLY = "Y", _("yearly")


class Table(models.Model):
    """A statistical table as its source publishes it (e.g. StatFin 12r5)."""

    class Source(models.TextChoices):
        STATFIN = "statfin", _("Statistics Finland (StatFin)")
        DEMO = "demo", _("Invented demo data")
        FILE = "file", _("Imported file")

    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.STATFIN)
    table_id = models.CharField(_("table id"), max_length=100, help_text=_("For example 12r5."))
    title = models.CharField(_("title"), max_length=500, blank=True)
    frequency = models.CharField(_("frequency"), max_length=1, choices=Frequency.choices, blank=True)
    # [{"code", "label", "role": "area"|"content"|"time"|"other", "values": [{"code", "label"}]}]
    dimensions = models.JSONField(_("dimensions"), default=list, blank=True)
    updated = models.DateTimeField(_("updated at source"), null=True, blank=True)
    # The time as the source wrote it ("2026-01-27T06:00:00Z", "08/08/2014 16:39:07" …), kept
    # even when it could not be read into ``updated``.
    updated_text = models.CharField(_("updated at source, as written"), max_length=100, blank=True)
    fetched_at = models.DateTimeField(_("fetched"), null=True, blank=True)
    url = models.URLField(_("address at source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("statistical table")
        verbose_name_plural = _("statistical tables")
        constraints = [
            models.UniqueConstraint(fields=["source", "table_id"], name="stats_table_unique_source_id"),
        ]

    def __str__(self):
        return f"{self.table_id} {self.title}".strip()

    def labels_of(self, role):
        """{code: label} of the values of the table's dimension in this role ("area", "content"),
        in the words of the source as last fetched."""
        return {
            value["code"]: value["label"]
            for dimension in self.dimensions
            if dimension.get("role") == role
            for value in dimension.get("values", [])
        }


class Series(models.Model):
    """One time series of a table: the codes of every non-time dimension."""

    # No index of its own: the unique key and the lookup index both start with the table.
    table = models.ForeignKey(
        Table, on_delete=models.CASCADE, related_name="series", verbose_name=_("table"), db_index=False
    )
    # Canonical key: "dim1=code1;dim2=code2", dimensions sorted by code, so the same codes give
    # the same key whatever order a file or an API answer lists the dimensions in.
    key = models.CharField(_("key"), max_length=500)
    codes = models.JSONField(_("codes"), default=dict)
    labels = models.JSONField(_("labels"), default=dict)
    # The geographic code (KU564, SSS …) and the content code, when the table has them: the
    # situational picture and indicators look series up by these (indexed below).
    area_code = models.CharField(_("area code"), max_length=50, blank=True)
    measure_code = models.CharField(_("measure code"), max_length=100, blank=True)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0)
    # A hash of the cells the last import wrote for this series: an import whose cells hash
    # the same has nothing to write. Code that changes or deletes observations other than
    # through stats.store must set it to None, so that the next import compares every cell.
    checksum = models.BigIntegerField(_("checksum of the last import"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        constraints = [
            models.UniqueConstraint(fields=["table", "key"], name="stats_series_unique_table_key"),
        ]
        indexes = [
            # The figures' lookup: a table's series of one measure (or a few) in some areas; equality
            # columns first, so that the areas are an index condition, not a filter.
            models.Index(fields=["table", "measure_code", "area_code"], name="stats_series_lookup"),
            # An area's series in every table (the series an indicator may follow). No other index:
            # each costs every import's writes of its series.
            models.Index(fields=["area_code"], name="stats_series_area"),
        ]

    def __str__(self):
        return f"{self.table.table_id}: {self.key}"


class Observation(models.Model):
    """A value of a series for one period; value is empty where the source has none."""

    # The series and the period are the key: one index, no surrogate id and no database-level
    # foreign key, which makes a first import of a million cells one COPY into one index instead
    # of three structures and a million deferred key checks (bench/stats.py). Observations are
    # written only by stats.store for series it has just read or created in the same
    # transaction, and deleting a series still deletes its observations (on_delete).
    pk = models.CompositePrimaryKey("series", "period")
    series = models.ForeignKey(
        Series,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("series"),
        db_index=False,
        db_constraint=False,
    )
    period = models.DateField(_("period start"))
    period_code = models.CharField(_("period"), max_length=20)
    value = models.FloatField(_("value"), null=True, blank=True)
    status = models.CharField(_("status symbol"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self):
        return f"{self.series_id} {self.period_code} {self.value}"


class ImportRun(models.Model):
    """What one import did: counts of new, changed and unchanged rows, and any errors."""

    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    table = models.ForeignKey(
        Table, on_delete=models.SET_NULL, null=True, blank=True, related_name="import_runs", verbose_name=_("table")
    )
    origin = models.CharField(_("origin"), max_length=500, help_text=_("File path or address"))
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RUNNING)
    rows_new = models.PositiveIntegerField(_("new rows"), default=0)
    rows_changed = models.PositiveIntegerField(_("changed rows"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("unchanged rows"), default=0)
    missing_cells = models.PositiveIntegerField(_("missing cells"), default=0)
    series_count = models.PositiveIntegerField(_("series"), default=0)
    errors = models.TextField(_("errors"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    source = models.ForeignKey(
        "Source",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
        verbose_name=_("configured source"),
    )

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.origin} {self.status}"

    @property
    def observations(self) -> int:
        return self.rows_new + self.rows_changed + self.rows_unchanged


class Source(models.Model):
    """A configured source: a StatFin table and the part of it an employment area keeps.

    The selection names variables by role, never by code, because Statistics Finland renames
    variable codes (June 2026): ``area_codes`` and ``measure_codes`` list the area and content
    codes to keep (empty means all), ``latest_periods`` keeps only the newest periods.
    Other variables are left to the service's elimination (their totals), unless
    ``keeps_breakdowns`` asks for every value of them (11re's ages, for the working-age share).
    """

    # The employment area keeping the source, as a plain reference (its id): stats imports no domain
    # app (DESIGN), so the area's own app deletes an area's sources with it (ecosystem.signals).
    area_id = models.BigIntegerField(_("employment area"), db_index=True)
    table_id = models.CharField(_("table id"), max_length=100, help_text=_("StatFin table, for example 12r5."))
    title = models.CharField(_("title"), max_length=300)
    area_codes = models.JSONField(_("area codes"), default=list, blank=True)
    measure_codes = models.JSONField(_("content codes"), default=list, blank=True)
    latest_periods = models.PositiveIntegerField(
        _("latest periods"), null=True, blank=True, help_text=_("Empty keeps every period.")
    )
    keeps_breakdowns = models.BooleanField(
        _("keeps every breakdown"),
        default=False,
        help_text=_("Fetch every value of the table's other variables (such as age and sex), not only their totals."),
    )
    active = models.BooleanField(_("refreshed automatically"), default=True)
    last_updated = models.DateTimeField(_("updated at source when last fetched"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)

    class Meta:
        verbose_name = _("statistics source")
        verbose_name_plural = _("statistics sources")
        ordering = ["area_id", "table_id", "title"]

    def __str__(self):
        return f"{self.table_id} {self.title}"

    def selection(self) -> dict:
        """The PxWeb client's selection: by role, so it survives renamed variable codes."""
        chosen = {}
        if self.area_codes:
            chosen["area"] = list(self.area_codes)
        if self.measure_codes:
            chosen["content"] = list(self.measure_codes)
        chosen["time"] = {"top": self.latest_periods} if self.latest_periods else "*"
        if self.keeps_breakdowns:
            chosen["others"] = "*"
        return chosen
